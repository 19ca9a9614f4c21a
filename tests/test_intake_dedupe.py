"""Reprints and duplicates: one story, several publishers; a different article on the same topic stays apart."""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope.intake.dedupe import StoryIndex, body_of, shingles
from eventscope.intake.document import make_document

ARTICLE = [
    "Government troops and fighters of a local militia clashed on Tuesday near the bridge at Kerem, a town on "
    "the road between the river port and the northern hills, residents and officials said.",
    "The provincial governor said four soldiers and at least nine militia members were killed in the fighting, "
    "which began before dawn when the militia attacked an army checkpoint at the eastern end of the bridge.",
    "Residents said the shelling forced hundreds of families to leave their homes and take shelter in schools "
    "and mosques in the neighbouring villages of Tal Hamra and Qasr Nuri.",
    "A spokesman for the militia said its fighters had taken the checkpoint and would hold it until the army "
    "withdrew from the district, a claim the defence ministry denied in a statement on Wednesday.",
    "The United Nations mission called on both sides to stop the fighting and to open a corridor so that aid "
    "convoys could reach the families who fled, many of them without food or water.",
]

OTHER_ON_SAME_TOPIC = [
    "Aid agencies warned on Thursday that families displaced by the fighting near Kerem were running out of "
    "food, three days after the clashes between the army and the militia at the bridge.",
    "The World Food Programme said its trucks had been stopped at a checkpoint on the road from the river port "
    "and that negotiations with both sides had not yet opened a corridor to the villages.",
    "Doctors in Tal Hamra said the small clinic there had treated dozens of people for dehydration, most of them "
    "children and elderly residents who walked for hours to reach the town.",
    "The defence ministry said the army had retaken the checkpoint at the eastern end of the bridge on Wednesday "
    "night, while the militia said its fighters still controlled the road to the hills.",
]


def page(paragraphs: list[str], *, head: list[str] = (), tail: list[str] = ()) -> str:  # type: ignore[assignment]
    return "\n\n".join([*head, *paragraphs, *tail]) + "\n"


ORIGINAL_TEXT = page(
    ARTICLE,
    head=["Militia and army clash at Kerem bridge", "Wednesday, 3 March 2021 10:15 AM"],
    tail=["Follow us on Twitter", "Share this article"],
)
# the same article on another site: other page furniture, a credit line naming the first outlet, the last
# paragraph dropped and a sign-off added
REPRINT_TEXT = page(
    ARTICLE[:-1],
    head=[
        "Make a donation to keep this site running",
        "World News",
        "River Valley Herald",
        "Militia and army clash at Kerem bridge",
        "River Valley Herald",
        "4 March 2021",
    ],
    tail=[
        "Edited by our world desk for length and clarity.",
        "Notify of",
        "Newest Most Voted",
        "I have been to Kerem, it is a quiet town and this is very sad news.",
    ],
)
OTHER_TEXT = page(OTHER_ON_SAME_TOPIC, head=["Aid runs short for families who fled Kerem", "5 March 2021"])


def doc(text: str, url: str, published: dt.date | None = None, doc_id: str | None = None):  # noqa: ANN201
    return make_document(text, locator=url, url=url, published=published, external_id=doc_id)


@pytest.fixture()
def docs():  # noqa: ANN201
    return {
        "original": doc(ORIGINAL_TEXT, "https://www.rivervalleyherald.example/world/kerem-clash", None, "orig"),
        "reprint": doc(REPRINT_TEXT, "https://worldaggregator.example/news/kerem", None, "reprint"),
        "other": doc(OTHER_TEXT, "https://www.rivervalleyherald.example/world/kerem-aid", None, "other"),
    }


def test_reprint_is_one_story_and_credited_site_is_the_original(docs) -> None:  # noqa: ANN001
    index = StoryIndex()
    first = index.add(docs["reprint"])  # the reprint is seen first
    second = index.add(docs["original"])
    assert first.is_new_story and first.original_document_id == "reprint"
    assert second.story_id == first.story_id
    assert second.matched_document_id == "reprint"
    assert second.similarity >= 0.6
    assert second.original_document_id == "orig"
    assert "credited" in second.original_reason
    assert index.story_members(first.story_id) == ("reprint", "orig")


def test_different_article_on_same_topic_is_another_story(docs) -> None:  # noqa: ANN001
    index = StoryIndex()
    a = index.add(docs["original"])
    b = index.add(docs["other"])
    assert b.is_new_story
    assert b.story_id != a.story_id
    assert b.original_document_id == "other"


@pytest.mark.parametrize(
    ("dates", "expected", "reason"),
    [
        ((dt.date(2021, 3, 4), dt.date(2021, 3, 3)), "b", "earliest publication date"),
        ((dt.date(2021, 3, 3), dt.date(2021, 3, 4)), "a", "earliest publication date"),
        ((None, dt.date(2021, 3, 5)), "b", "earliest publication date"),
        ((None, None), "a", "first document seen"),
    ],
)
def test_without_credit_the_earliest_publication_is_the_original(
    dates: tuple[dt.date | None, dt.date | None], expected: str, reason: str
) -> None:
    # two copies of one text with different debris and no credit line
    text_a = page(ARTICLE, head=["Kerem bridge fighting"], tail=["Subscribe to our newsletter"])
    text_b = page(ARTICLE, head=["Clashes at Kerem"], tail=["All rights reserved"])
    index = StoryIndex()
    index.add(doc(text_a, "https://one.example/a", dates[0], "a"))
    match = index.add(doc(text_b, "https://two.example/b", dates[1], "b"))
    assert match.matched_document_id == "a"
    assert match.original_document_id == expected
    assert match.original_reason.startswith(reason)
    assert match.is_reprint == (expected == "a")


@pytest.mark.parametrize(
    "credit",
    [
        "This article originally appeared on River Valley Herald.",
        "Source: River Valley Herald",
        "Reprinted with permission from rivervalleyherald.example",
    ],
)
def test_credit_phrases_name_the_original(credit: str) -> None:
    original = doc(page(ARTICLE), "https://www.rivervalleyherald.example/kerem", dt.date(2021, 3, 4), "o")
    # the reprint carries an earlier date (a time-zone slip): the credit still wins
    reprint = doc(page(ARTICLE, tail=[credit]), "https://mirror.example/kerem", dt.date(2021, 3, 3), "r")
    index = StoryIndex()
    index.add(reprint)
    match = index.add(original)
    assert match.original_document_id == "o"


def test_exact_duplicate_and_re_adding() -> None:
    d = doc(page(ARTICLE), "https://one.example/a", dt.date(2021, 3, 3), "a")
    index = StoryIndex()
    first = index.add(d)
    again = index.add(d)
    assert again.story_id == first.story_id and len(index) == 1 and "a" in index
    copy = doc(page(ARTICLE), "https://one.example/a?amp=1", dt.date(2021, 3, 3), "a2")
    dup = index.add(copy)
    assert dup.story_id == first.story_id and dup.similarity == 1.0


@pytest.mark.parametrize(
    "short",
    ["Militia and army clash at Kerem bridge.", "Four soldiers killed near Kerem, officials say."],
)
def test_short_texts_never_match(short: str) -> None:
    index = StoryIndex()
    a = index.add(doc(short, "https://one.example/a", None, "a"))
    b = index.add(doc(short, "https://two.example/b", None, "b"))
    assert a.story_id != b.story_id and b.is_new_story


def test_body_zones_are_compared_not_page_furniture() -> None:
    d = doc(REPRINT_TEXT, "https://worldaggregator.example/news/kerem", None, "r")
    body = body_of(d)
    assert "Kerem, a town on the road" in body
    assert "Notify of" not in body and "Make a donation" not in body


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("The army shelled the town.", "the ARMY shelled, the town!", True),
        ("The army shelled the town.", "The militia shelled the town.", False),
    ],
)
def test_shingles_ignore_case_and_punctuation(a: str, b: str, same: bool) -> None:
    assert (shingles(a, 3) == shingles(b, 3)) is same


def test_a_document_is_signed_once_per_ingest(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    """The story index and the store both need a document's signature: the second asks for the one already made."""
    from dataclasses import replace

    from eventscope.intake import dedupe
    from eventscope.pipeline import with_stories
    from eventscope.store import Store

    computed: list[str] = []
    real = dedupe._compute_signature

    def counting(document, num_perm):  # noqa: ANN001, ANN202
        computed.append(document.id)
        return real(document, num_perm)

    monkeypatch.setattr(dedupe, "_compute_signature", counting)
    original = doc(page(ARTICLE), "https://example.org/a", dt.date(2024, 5, 2), "a")
    other = doc(page(OTHER_ON_SAME_TOPIC), "https://example.net/b", dt.date(2024, 5, 3), "b")
    with Store(tmp_path / "s.db") as store:
        for item in with_stories([original, other]):
            store.ingest(item, [])
    assert computed == ["a", "b"]
    # what a signature depends on, changed: computed again
    assert dedupe.signature(replace(original, story_id="s1")) is dedupe.signature(original)  # story fields: same
    assert computed == ["a", "b"]
    edited = doc(page([*ARTICLE, "The editor added this closing paragraph about the bridge later that day."]),
                 "https://example.org/a", dt.date(2024, 5, 2), "a")
    assert dedupe.signature(edited) != dedupe.signature(original)
    assert computed == ["a", "b", "a"]
