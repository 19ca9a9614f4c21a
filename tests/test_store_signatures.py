"""Stored story signatures: written with each document, migrated into older databases, seeding the story index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from eventscope.intake import dedupe
from eventscope.intake.dedupe import SIGNATURE_SCHEME, StoryIndex, signature
from eventscope.intake.document import make_document
from eventscope.model import Document
from eventscope.store import Store, schema, signatures

REPORT = [
    "Flood water broke through an earth dam above the village of Oru on Sunday night and swept away a footbridge, "
    "two lorries and a row of market stalls, the district commissioner said on Monday.",
    "Rescue teams in boats took about three hundred people from the roofs of their houses to a school on higher "
    "ground, where the county government set up a kitchen and a first-aid tent.",
    "The commissioner said two fishermen were missing and that engineers would inspect the other two dams on "
    "the river before the rains return at the end of the week.",
    "Farmers downstream said they had asked the county for years to repair the dam, whose spillway cracked in "
    "the floods of the previous season and was never fixed.",
]
UNRELATED = [
    "The national assembly passed a bill on Thursday that lets the electoral commission hire temporary staff for "
    "the census, after a debate that ran late into the night.",
    "Opposition members walked out before the vote, saying the bill gave the commission too much power over the "
    "drawing of constituency boundaries.",
    "The speaker said the assembly would take up the budget next week, once the finance committee reports on the "
    "revenue forecasts of the treasury.",
]


def text(paragraphs: list[str], head: str, tail: str = "") -> str:
    return "\n\n".join([head, *paragraphs, tail]).strip() + "\n"


def make(doc_id: str, body: str, url: str, published: dt.date | None = None) -> Document:
    return make_document(body, locator=url, url=url, published=published, external_id=doc_id)


ORIGINAL = make(
    "orig", text(REPORT, "Dam bursts above Oru", "Share this story"), "https://lakesidepost.example/oru-dam",
    dt.date(2024, 4, 8),
)
REPRINT = make(
    "copy", text(REPORT[:-1], "Lakeside Post\n\nDam bursts above Oru", "Notify of\n\nNewest Most Voted"),
    "https://regionwire.example/news/oru", dt.date(2024, 4, 9),
)
OTHER = make("bill", text(UNRELATED, "Census staff bill passes"), "https://lakesidepost.example/census-bill")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "signatures.db"
    index = StoryIndex()
    with Store(path) as store:
        for d in (ORIGINAL, REPRINT, OTHER):
            m = index.add(d)
            store.ingest(dataclasses.replace(d, story_id=m.story_id,
                                             reprint_of=m.original_document_id if m.is_reprint else None), [])
    return path


def _rows(path: Path) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return {r[0]: r[1:] for r in conn.execute(f"SELECT * FROM {signatures.TABLE}")}
    finally:
        conn.close()


def test_each_ingested_document_has_its_signature(db: Path) -> None:
    with Store(db) as store:
        stored = {doc_id: (sig, story) for doc_id, sig, story in store.story_signatures()}
    assert set(stored) == {"orig", "copy", "bill"}
    for d in (ORIGINAL, REPRINT, OTHER):
        sig, _ = stored[d.id]
        assert sig == signature(d)  # round trip: shingles, hash values, outlets, credits, publication date
        assert sig.scheme == SIGNATURE_SCHEME
    assert stored["orig"][1] == stored["copy"][1] == "story:orig"
    assert stored["bill"][1] == "story:bill"


def test_seeded_index_matches_an_index_built_from_the_texts(db: Path) -> None:
    fresh = StoryIndex()
    for d in (ORIGINAL, REPRINT, OTHER):
        fresh.add(d)
    with Store(db) as store:
        seeded = store.story_index()
    assert len(seeded) == 3
    for doc_id in ("orig", "copy", "bill"):
        assert seeded.story_of(doc_id) == fresh.story_of(doc_id)
    assert seeded.original("story:orig") == fresh.original("story:orig")
    # a new copy of the report joins the stored story, crediting its original by date
    late = make("late", text(REPORT[1:], "Oru dam: what we know"), "https://thirdsite.example/oru")
    match = seeded.add(late)
    assert (match.story_id, match.original_document_id) == ("story:orig", "orig")


def test_seeding_reads_no_text_and_hashes_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db) as store:

        def forbidden(*_: object, **__: object) -> None:
            raise AssertionError("seeding re-read or re-hashed a stored document")

        monkeypatch.setattr(signatures, "stored_document", forbidden)
        monkeypatch.setattr(dedupe, "shingles", forbidden)
        monkeypatch.setattr(dedupe, "_minhash", forbidden)
        index = store.story_index()
    assert index.story_members("story:orig") == ("orig", "copy")


@pytest.mark.parametrize("damage", ["drop_table", "scheme", "delete_row"])
def test_missing_or_outdated_signatures_are_computed_once(db: Path, damage: str) -> None:
    before = _rows(db)
    conn = sqlite3.connect(db)
    if damage == "drop_table":  # a database of the version before migration 0003
        conn.execute(f"DROP TABLE {signatures.TABLE}")
        conn.execute("DELETE FROM _migrations WHERE name = '0003_story_signatures'")
    elif damage == "scheme":  # written with another shingling
        conn.execute(f"UPDATE {signatures.TABLE} SET scheme = 'w4-p64-old', hashvalues = x'00' WHERE document_id = 'copy'")
    else:
        conn.execute(f"DELETE FROM {signatures.TABLE} WHERE document_id = 'bill'")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert "0003_story_signatures" in store.stats()["migrations"]
        assert signatures.missing(store._conn) == []
    assert _rows(db) == before


def test_migration_0003_backfills_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    old = [m for m in schema.MIGRATIONS if m.name < "0003"]
    assert schema.migrate(conn, old) == ["0001_initial", "0002_stories"]
    conn.execute(
        "INSERT INTO documents (id, locator, content_hash, url, published, text, meta_digest, events_digest, "
        "ingested_at, story_id) VALUES (?, ?, ?, ?, ?, ?, '', '', '', ?)",
        ("orig", ORIGINAL.locator, ORIGINAL.content_hash, ORIGINAL.url, "2024-04-08", ORIGINAL.text, "story:orig"),
    )
    conn.executemany(
        'INSERT INTO zones (document_id, kind, start, "end", reason) VALUES (?, ?, ?, ?, ?)',
        [("orig", z.kind, z.start, z.end, z.reason) for z in ORIGINAL.zones],
    )
    assert schema.migrate(conn) == ["0003_story_signatures"]
    assert signatures.missing(conn) == []
    ((doc_id, sig, story),) = signatures.load(conn)
    conn.close()
    assert (doc_id, story) == ("orig", "story:orig")
    assert sig == signature(ORIGINAL)


def test_signature_follows_its_document(db: Path) -> None:
    changed = make("orig", text(UNRELATED[:2], "Census bill: first reading"), ORIGINAL.locator)
    with Store(db) as store:
        assert store.ingest(changed, []).status == "replaced"  # the locator's text changed: old text deleted
        stored = {doc_id: sig for doc_id, sig, _ in store.story_signatures()}
    assert set(stored) == {"orig", "copy", "bill"}
    assert stored["orig"].shingles == signature(changed).shingles


def test_same_text_from_a_second_locator_keeps_one_signature(db: Path) -> None:
    mirror = dataclasses.replace(OTHER, locator="/data/mirror/census.txt", path="/data/mirror/census.txt", url=None)
    with Store(db) as store:
        result = store.ingest(mirror, [])
        stored = {doc_id: sig for doc_id, sig, _ in store.story_signatures()}
    assert result.duplicate_of == OTHER.locator
    assert len(stored) == 3
    assert stored["bill"] == signature(OTHER)  # the first locator's metadata (its URL) is kept, so is its signature


@pytest.mark.parametrize(
    ("story_id", "expect_story"),
    [("story:kept", "story:kept"), (None, "story:orig")],
)
def test_seeded_stored_story_id_is_kept_else_matched(story_id: str | None, expect_story: str) -> None:
    index = StoryIndex.seeded([("orig", signature(ORIGINAL), "story:orig"), ("copy", signature(REPRINT), story_id)])
    assert index.story_of("copy") == expect_story


def test_a_new_story_never_reuses_a_stored_story_name() -> None:
    index = StoryIndex.seeded([("gone", signature(OTHER), "story:orig")])  # named after a deleted document
    match = index.add(ORIGINAL)
    assert match.is_new_story and match.story_id != "story:orig"
    assert index.story_members("story:orig") == ("gone",)


def test_signature_of_another_permutation_count_is_refused() -> None:
    with pytest.raises(ValueError, match="permutations"):
        StoryIndex(num_perm=64).add_signature("orig", signature(ORIGINAL))
