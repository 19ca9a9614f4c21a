"""Zones over plain text: fixtures written by the team, the seed articles (measured, skipped when absent), invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.intake.zones import mark_zones
from eventscope.intake.zones_data import COMMENT_WIDGET_PHRASES, WIDGET_KEYS, WIDGET_PHRASES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "intake"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"


def kind_of(text: str, needle: str) -> str:
    """The kind of the zone holding ``needle`` (which must lie inside one zone)."""
    at = text.index(needle)
    for z in mark_zones(text):
        if z.start <= at and at + len(needle) <= z.end:
            return z.kind
    return "none"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "needle", "kind"),
    [
        # donation banner + share bar + article + comment widget + comment thread
        ("donation_comments.txt", "Donate now to keep", "boilerplate"),
        ("donation_comments.txt", "$ 25", "boilerplate"),
        ("donation_comments.txt", "Share this article", "boilerplate"),
        ("donation_comments.txt", "Facebook | Twitter", "boilerplate"),
        ("donation_comments.txt", "Militia fighters seize checkpoint", "headline"),
        ("donation_comments.txt", "The Harbour Dispatch", "boilerplate"),
        ("donation_comments.txt", "Armed men from a local militia", "body"),
        ("donation_comments.txt", "A spokesman for the provincial council", "body"),
        ("donation_comments.txt", "Notify of", "boilerplate"),
        ("donation_comments.txt", "Inline Feedbacks", "boilerplate"),
        ("donation_comments.txt", "Desert Fox 77", "comments"),
        ("donation_comments.txt", "nobody pays the police", "comments"),
        ("donation_comments.txt", "marta_k", "comments"),
        ("donation_comments.txt", "Who armed these people", "comments"),
        ("donation_comments.txt", "Log in to reply", "boilerplate"),
        # cookie notice
        ("cookie_notice.txt", "We use cookies", "boilerplate"),
        ("cookie_notice.txt", "Accept all cookies", "boilerplate"),
        ("cookie_notice.txt", "Floods cut off villages", "headline"),
        ("cookie_notice.txt", "Rescue teams used boats", "body"),
        # "Related articles" list after the article
        ("related_articles.txt", "Police disperse protest", "headline"),
        ("related_articles.txt", "detained at least 15 people", "body"),
        ("related_articles.txt", "Related articles", "boilerplate"),
        ("related_articles.txt", "Opposition calls for early elections", "boilerplate"),
        ("related_articles.txt", "Students march against tuition fees", "boilerplate"),
        # headline + byline + dateline
        ("head_byline_dateline.txt", "World News", "boilerplate"),
        ("head_byline_dateline.txt", "Border guards exchange fire along", "headline"),
        ("head_byline_dateline.txt", "By Amina Rahman", "byline"),
        ("head_byline_dateline.txt", "Published: Sept. 17, 2020", "dateline"),
        ("head_byline_dateline.txt", "leaving one soldier dead", "body"),
        ("head_byline_dateline.txt", "Updated 18/09/2020", "dateline"),
    ],
)
def test_fixture_zones(name: str, needle: str, kind: str) -> None:
    assert kind_of(fixture(name), needle) == kind


def test_article_without_debris_is_all_body() -> None:
    text = fixture("clean_article.txt")
    zones = mark_zones(text)
    assert [z.kind for z in zones] == ["body"] * 4
    assert all(z.reason for z in zones)


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        # a subheading between body paragraphs stays body (it is part of the running text)
        (
            "Army and rebels agree to a local truce\n\nThe two sides agreed to stop fighting around the dam on Monday, "
            "a mediator said.\n\nWhat the deal says\n\nUnder the deal, both forces will pull back heavy weapons by "
            "five kilometres within a week.\n",
            "What the deal says",
            "body",
        ),
        # a section label before the headline is boilerplate, the headline is the better title-like line
        (
            "Arms Control (AC)\n\nNavy seizes tanker carrying fuel in the Gulf\n\nThe navy said on Sunday it had "
            "seized a foreign tanker carrying smuggled fuel and detained its crew of eleven.\n",
            "Arms Control (AC)",
            "boilerplate",
        ),
        (
            "Arms Control (AC)\n\nNavy seizes tanker carrying fuel in the Gulf\n\nThe navy said on Sunday it had "
            "seized a foreign tanker carrying smuggled fuel and detained its crew of eleven.\n",
            "Navy seizes tanker",
            "headline",
        ),
        # comments without a comment widget: opinion lines after the article's end marker
        (
            "Strike closes port for second day\n\nDock workers kept the port closed for a second day on Tuesday "
            "in a dispute over unpaid wages, the union said.\n\nShare this article\n\nharbour_guy\n\n"
            "I worked there for ten years and nothing ever changes!\n\nmaria88\n\nwhy do you think they care?\n",
            "I worked there for ten years",
            "comments",
        ),
        # ... but prose after a mid-article widget line stays body when it reads as reporting
        (
            "Strike closes port for second day\n\nDock workers kept the port closed for a second day on Tuesday "
            "in a dispute over unpaid wages, the union said.\n\nSign up for our daily newsletter\n\n"
            "The port authority said talks with the union would resume on Thursday.\n",
            "The port authority said talks",
            "body",
        ),
        # a lone comment link after the lede does not turn the rest of the article into comments
        (
            "Dam talks resume\n\nNegotiators from the three countries resumed talks on the dam on Monday.\n\n"
            "Leave a comment\n\nThe talks had been suspended in January after the two downstream countries "
            "accused the upstream government of filling the reservoir without an agreement.\n\nA mediator said "
            "the delegations would meet again next week in the capital to discuss the filling schedule.\n",
            "The talks had been suspended",
            "body",
        ),
        (
            "Dam talks resume\n\nNegotiators resumed talks on the dam on Monday.\n\nReply\n\n"
            "A mediator said the delegations would meet again next week.\n",
            "A mediator said",
            "body",
        ),
        # hard-wrapped prose: the wrapped lines form one body unit
        (
            "Ministers met in the capital on Monday to discuss the\nreconstruction of the bridge that was "
            "destroyed in the\nfighting last spring, the government said.\n",
            "reconstruction of the bridge",
            "body",
        ),
        ("Notify of\n", "Notify of", "boilerplate"),
        ("", "", "none"),
    ],
)
def test_inline_zones(text: str, needle: str, kind: str) -> None:
    assert kind_of(text, needle) == kind


SEED_DEBRIS = {
    "000_de84281268a453a0.txt": [
        "UNITED24 - Make a charitable donation",
        "Weapons of Mass Destruction (WMD)",
        "Iran Press TV",
        "Join the GlobalSecurity.org mailing list",
    ],
    "001_04fa1debccaa7963.txt": [
        "2,500 $",
        "5,000 $",
        "Support SouthFront",
        "Notify of",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "Patrolling what really",
        "few kilometers",
        "Willing Conscience",
        "resolution 2254",
        "Arab League",
        "Erdogan",
        "please comment",
    ],
}
SEED_BODY = {
    "000_de84281268a453a0.txt": [
        "Russia says it has sent reinforcements",
        "In October 2019, Turkey launched",
        "Earlier this month, clashes erupted",
        "Late Sunday, the Russian Defense Ministry",
        "agreements were reached on the deployment",
        "has urged both sides to de-escalate",
        "had not detected shelling",
        "Foreign Minister Sergei Lavrov",
        "since September 2015",
    ],
    "001_04fa1debccaa7963.txt": [
        "On September 17, the Russian Military Police",
        "eight Russian and Turkish armored vehicles",
        "a group of children stoned",
        "this was the 27th patrol",
        "The agreement put an end",
        "still committed to its agreement",
    ],
}


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")
@pytest.mark.parametrize("name", sorted(SEED_DEBRIS))
def test_seed_zones(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    zones = mark_zones(text)
    coded = [text[z.start : z.end] for z in zones if z.kind in ("body", "headline")]
    body = [text[z.start : z.end] for z in zones if z.kind == "body"]
    for needle in SEED_DEBRIS[name]:
        assert needle in text
        assert not any(needle in c for c in coded), needle
    for needle in SEED_BODY[name]:
        assert any(needle in b for b in body), needle
    assert sum(z.kind == "headline" for z in zones) == 1


@pytest.mark.parametrize(("group", "phrases"), [*WIDGET_PHRASES.items(), ("comment", COMMENT_WIDGET_PHRASES)])
def test_unanchored_widget_phrases_have_a_key(group: str, phrases: tuple[str, ...]) -> None:
    """The key prefilter may skip a line only when no unanchored phrase could match it."""
    for p in phrases:
        if not p.startswith("^"):
            assert any(k in p for k in WIDGET_KEYS), (group, p)


LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        st.sampled_from(
            [
                "",
                "\n",
                "\r\n",
                "  ",
                "Notify of",
                "Reply",
                "By Jane Roe",
                "Share this article",
                "The army said it shelled the town on Monday.",
                "March 3, 2021",
                "$ 5",
            ]
        ),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n", " \n\t\n"]))
def test_zone_invariants(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    zones = mark_zones(text)
    prev_end = 0
    for z in zones:
        assert 0 <= prev_end <= z.start < z.end <= len(text)
        chunk = text[z.start : z.end]
        assert chunk == chunk.strip() and chunk
        assert z.kind in {"headline", "dateline", "byline", "body", "boilerplate", "comments"}
        assert z.reason
        prev_end = z.end
    assert sum(z.kind == "headline" for z in zones) <= 1


# Main text as an extractor (trafilatura) gives it: one paragraph per line, furniture mostly gone already.
EXTRACTED = "\n".join(
    [
        "Zutaten und Ablauf des Hilfskonvois",
        "12 Lastwagen",
        "3.400 Decken",
        "Der Konvoi erreichte am Montag die Stadt, nachdem die Straße zwei Tage lang gesperrt gewesen war.",
        "Die Helfer verteilten Decken, Wasser und Medikamente an die Familien in den Notunterkünften.",
        "Ausgabestellen",
        "Turnhalle Nord",
        "Alte Schule am Markt",
        "Lesen Sie auch: Weitere Hilfslieferungen geplant",
        "Zum Newsletter anmelden",
        "Alle Rechte vorbehalten",
    ]
)


@pytest.mark.parametrize(
    ("needle", "extracted", "kind"),
    [
        ("12 Lastwagen", True, "body"),
        ("3.400 Decken", True, "body"),
        ("Turnhalle Nord", True, "body"),
        ("Alte Schule am Markt", True, "body"),
        ("Der Konvoi erreichte", True, "body"),
        ("Lesen Sie auch", True, "boilerplate"),
        ("Zum Newsletter anmelden", True, "boilerplate"),
        ("Alle Rechte vorbehalten", True, "boilerplate"),
        # the same lines in plain scraped text: short lines around the prose are page debris
        ("3.400 Decken", False, "boilerplate"),
        ("Alte Schule am Markt", False, "boilerplate"),
        ("Der Konvoi erreichte", False, "body"),
    ],
)
def test_extracted_text_keeps_short_lines_in_body(needle: str, extracted: bool, kind: str) -> None:
    at = EXTRACTED.index(needle)
    zone = next(z for z in mark_zones(EXTRACTED, extracted=extracted) if z.start <= at < z.end)
    assert zone.kind == kind, zone


@pytest.mark.parametrize(
    "line",
    [
        "Lea también: Liberan a los periodistas detenidos en la frontera",
        "VEA TAMBIÉN: El gobierno anuncia nuevas medidas",
        "À lire aussi",
        "Leggi anche: Le proteste continuano",
        "Czytaj też: Protesty w stolicy",
        "Das könnte Sie auch interessieren:",
        "Síguenos en Telegram, Instagram y Facebook",
        "Teilen mit:",
        "Wird geladen …",
        "To view the full story, please subscribe to the Daily Courier.",
        "Todos los derechos reservados",
        "ANZEIGE - Jetzt bestellen",
    ],
)
def test_furniture_in_other_languages(line: str) -> None:
    text = f"{ARTICLE_LINE}\n\n{line}\n\n{ARTICLE_LINE_2}\n"
    assert kind_of(text, line) == "boilerplate"


ARTICLE_LINE = (
    "Die Armee meldete am Sonntag heftige Kämpfe um den Flughafen der Stadt, mindestens zehn Menschen starben."
)
ARTICLE_LINE_2 = "Der Gouverneur rief die Bewohner auf, ihre Häuser nicht zu verlassen, bis die Kämpfe beendet seien."


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Anzeige gegen den Bürgermeister wurde am Montag von der Staatsanwaltschaft geprüft.",
        "Folgen des Angriffs waren noch Tage später in der ganzen Stadt zu sehen, sagten Bewohner.",
        "Lea Müller, eine Sprecherin der Polizei, sagte, die Lage sei unter Kontrolle.",
    ],
)
def test_news_sentences_that_start_like_furniture_stay_body(sentence: str) -> None:
    text = f"{ARTICLE_LINE}\n\n{sentence}\n\n{ARTICLE_LINE_2}\n"
    assert kind_of(text, sentence) == "body"


@pytest.mark.parametrize(
    "text",
    [
        "戦闘が続く地域で、住民たちは避難所に集まりました。政府は支援物資を送ると発表しました。",
        "当地时间周一，该市发生激烈冲突，至少十人死亡。政府表示将派遣救援队伍前往灾区。",
    ],
)
def test_text_without_spaces_is_prose(text: str) -> None:
    zones = mark_zones(text + "\n")
    assert [z.kind for z in zones] == ["body"]
