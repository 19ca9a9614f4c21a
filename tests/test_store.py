"""Store: idempotent ingest, replacement in one transaction, identity across locators, schema and FTS fallback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eventscope.errors import StoreError
from eventscope.model import (
    Acled,
    Actor,
    Attribution,
    Document,
    Event,
    EventDate,
    Place,
    PublishedDate,
    Quantity,
    Span,
    Zone,
    content_hash,
    event_id,
)
from eventscope.store import Store, db, schema

CLASH = (
    "Patrol ambushed outside Tessalit\n\n"
    "GAO, Mali — Soldiers traded fire with gunmen on motorbikes outside Tessalit on Tuesday, the army said. "
    "Three soldiers were wounded in the ambush.\n\n"
    "Comments\nGreat reporting, keep it up!\n"
)
MARKET = (
    "Traders shut markets in Niamey\n\n"
    "NIAMEY, Niger — Hundreds of traders marched to the city hall on Monday to protest a new market tax. "
    "Police detained four organisers.\n"
)


# --- fixture builders (own sentences; offsets computed, never typed) -------------------------------------------------


def span(text: str, sub: str) -> Span:
    """The first whole-word occurrence of ``sub``."""
    found = re.search(rf"(?<!\w){re.escape(sub)}(?!\w)", text)
    assert found, sub
    return Span(found.start(), found.end(), sub)


def sentence(text: str, i: int) -> Span:
    stop = text.rfind(". ", 0, i)
    s = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, i) + 1)
    e = text.index(".", i) + 1
    return Span(s, e, text[s:e])


def make_doc(text: str, locator: str, *, id: str | None = None, title: str | None = None, day: int = 8) -> Document:
    body = text.index("\n\n") + 2
    return Document(
        id=id or content_hash(text),
        text=text,
        locator=locator,
        path=locator,
        title=title if title is not None else text.split("\n", 1)[0],
        published=PublishedDate(dt.date(2024, 5, day)),
        zones=(Zone("headline", 0, body - 2, "first line"), Zone("body", body, len(text), "rest")),
    )


def make_event(doc: Document, trigger: str, type_: str = "ASSAULT", **kw: Any) -> Event:
    t = span(doc.text, trigger)
    return Event(
        id=event_id(doc.content_hash, t, type_),
        document=doc.ref(),
        type=type_,
        mode=kw.get("mode"),
        acled=kw.get("acled"),
        cameo=kw.get("cameo"),
        actors=tuple(kw.get("actors", ())),
        location=kw.get("location"),
        date=kw.get("date"),
        quantities=tuple(kw.get("quantities", ())),
        status=kw.get("status", "asserted"),
        attribution=kw.get("attribution"),
        trigger=t,
        evidence=sentence(doc.text, t.start),
        confidence=kw.get("confidence", 0.8),
    )


def actor(doc: Document, role: str, text: str, name: str | None, country: str | None, sector: str) -> Actor:
    s = span(doc.text, text)
    return Actor(role, s.text, s.start, s.end, name, country, sector)


def place(doc: Document, text: str, lat: float, lon: float, country: str) -> Place:
    s = span(doc.text, text)
    return Place(s.text, s.start, s.end, s.text, None, lat, lon, country, None, "PPL", "place")


def clash_events(doc: Document) -> list[Event]:
    when, hurt, said = span(doc.text, "on Tuesday"), span(doc.text, "Three soldiers"), span(doc.text, "the army said")
    return [
        make_event(
            doc,
            "traded fire",
            acled=Acled("Battles", "Armed clash"),
            cameo="190",
            actors=[
                actor(doc, "source", "Soldiers", "Malian Armed Forces", "MLI", "MIL"),
                actor(doc, "target", "gunmen on motorbikes", None, None, "REB"),
            ],
            location=place(doc, "Tessalit", 20.2, 1.01, "MLI"),
            date=EventDate(
                dt.date(2024, 5, 7), dt.date(2024, 5, 7), "day", "relative", when.text, when.start, when.end
            ),
            quantities=[Quantity("injured", 3, hurt.text, hurt.start, hurt.end)],
            attribution=Attribution(said.text, "Malian Armed Forces", said.start, said.end, "MLI"),
        ),
        make_event(doc, "ambush", acled=Acled("Battles", "Armed clash")),
    ]


def market_events(doc: Document) -> list[Event]:
    return [
        make_event(doc, "marched", "PROTEST", acled=Acled("Protests", "Peaceful protest")),
        make_event(doc, "detained", "COERCE", acled=Acled("Strategic developments", "Arrests")),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "events.db") as s:
        yield s


def table(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(store._conn.execute(sql, params))


def changes(store: Store) -> int:
    return store._conn.total_changes


# --- ingest ------------------------------------------------------------------------------------------------------------


def test_ingest_stores_every_table(store: Store) -> None:
    doc = make_doc(CLASH, "a/clash.txt")
    events = clash_events(doc)
    result = store.ingest(doc, events)
    assert (result.status, result.events, result.events_added, result.document_id) == ("new", 2, 2, doc.id)
    assert store.events() == [e.to_dict() for e in events]
    stats = store.stats()
    assert {k: stats[k] for k in ("documents", "locators", "events", "zones")} == {
        "documents": 1,
        "locators": 1,
        "events": 2,
        "zones": 2,
    }
    assert table(store, "SELECT role, name, country, sector FROM event_actors ORDER BY role") == [
        ("source", "Malian Armed Forces", "MLI", "MIL"),
        ("target", None, None, "REB"),
    ]
    fields = sorted({r[0] for r in table(store, "SELECT field FROM spans")})
    assert fields == ["actor", "attribution", "date", "evidence", "location", "quantity", "trigger"]
    for start, end, text in table(store, 'SELECT start, "end", text FROM spans'):
        assert CLASH[start:end] == text


def test_document_lookup_by_id_and_locator(store: Store) -> None:
    doc = make_doc(CLASH, "a/clash.txt")
    store.ingest(doc, clash_events(doc))
    by_id, by_locator = store.document(doc.id), store.document("a/clash.txt")
    assert by_id == by_locator
    assert by_id is not None
    assert by_id["text"] == CLASH and by_id["events"] == 2 and by_id["locators"] == ["a/clash.txt"]
    assert [z["kind"] for z in by_id["zones"]] == ["headline", "body"]
    assert store.document("missing") is None
    assert [d["id"] for d in store.documents()] == [doc.id]
    assert "text" not in store.documents()[0]


def test_same_input_twice_changes_nothing(store: Store) -> None:
    doc = make_doc(CLASH, "a/clash.txt")
    first = store.ingest(doc, clash_events(doc))
    stamp = store.documents()[0]["ingested_at"]
    before, stats = changes(store), store.stats()
    again = store.ingest(make_doc(CLASH, "a/clash.txt"), clash_events(doc))
    assert again.status == "unchanged" and again.events == first.events and again.events_added == 0
    assert changes(store) == before
    assert store.stats() == stats
    assert store.documents()[0]["ingested_at"] == stamp


@pytest.mark.parametrize(
    ("change", "expected_events"),
    [
        ("text", ["marched", "detained"]),  # same locator, new text (and so new id and events)
        ("events", ["traded fire"]),  # same text, one event fewer (e.g. a newer pipeline)
        ("title", ["traded fire", "ambush"]),  # same text and events, new metadata
    ],
)
def test_changed_document_replaces(store: Store, change: str, expected_events: list[str]) -> None:
    doc = make_doc(CLASH, "a/clash.txt")
    store.ingest(doc, clash_events(doc))
    if change == "text":
        new = make_doc(MARKET, "a/clash.txt")
        events = market_events(new)
    elif change == "events":
        new, events = doc, clash_events(doc)[:1]
    else:
        new = make_doc(CLASH, "a/clash.txt", title="A new headline")
        events = clash_events(new)
    result = store.ingest(new, events)
    assert result.status == "replaced"
    assert [e["trigger"]["text"] for e in store.events()] == expected_events
    stats = store.stats()
    assert (stats["documents"], stats["locators"], stats["zones"]) == (1, 1, 2)
    assert store.documents()[0]["title"] == new.title
    assert {r[0] for r in table(store, "SELECT event_id FROM spans")} == {e.id for e in events}
    assert store.ingest(new, events).status == "unchanged"


@pytest.mark.parametrize("stored_before", [True, False])
def test_failure_mid_ingest_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch, stored_before: bool) -> None:
    old = make_doc(CLASH, "a/clash.txt")
    if stored_before:
        store.ingest(old, clash_events(old))
    before_events, before_docs, before_stats = store.events(), store.documents(), store.stats()
    calls = []
    real_insert = db._insert_event

    def failing_insert(*args: Any) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        real_insert(*args)

    monkeypatch.setattr(db, "_insert_event", failing_insert)
    new = make_doc(MARKET, "a/clash.txt")
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.ingest(new, market_events(new))
    assert len(calls) == 2  # the first event of the new version was written before the failure
    assert store.events() == before_events
    assert store.documents() == before_docs
    assert store.stats() == before_stats
    monkeypatch.setattr(db, "_insert_event", real_insert)
    assert store.ingest(new, market_events(new)).status == ("replaced" if stored_before else "new")


def test_same_text_from_two_paths_is_one_document(store: Store) -> None:
    a, b = make_doc(CLASH, "a/clash.txt"), make_doc(CLASH, "mirror/clash-copy.txt")
    store.ingest(a, clash_events(a))
    result = store.ingest(b, clash_events(b))
    assert (result.status, result.duplicate_of, result.events_added, result.document_id) == (
        "new",
        "a/clash.txt",
        0,
        a.id,
    )
    stats = store.stats()
    assert (stats["documents"], stats["locators"], stats["events"]) == (1, 2, 2)
    assert store.document("mirror/clash-copy.txt") == store.document("a/clash.txt")
    # a second run over both inputs writes nothing
    before = changes(store)
    assert [store.ingest(d, clash_events(d)).status for d in (a, b)] == ["unchanged", "unchanged"]
    assert changes(store) == before


def test_changed_text_leaves_the_shared_document(store: Store) -> None:
    a, b = make_doc(CLASH, "a/clash.txt"), make_doc(CLASH, "b/clash.txt")
    store.ingest(a, clash_events(a))
    store.ingest(b, clash_events(b))
    b2 = make_doc(MARKET, "b/clash.txt")
    assert store.ingest(b2, market_events(b2)).status == "replaced"
    docs = {d["id"]: d["locators"] for d in store.documents()}
    assert docs == {a.id: ["a/clash.txt"], b2.id: ["b/clash.txt"]}
    assert store.stats()["events"] == 4
    # the first locator changes too: the shared text is then gone
    a2 = make_doc(MARKET, "a/clash.txt")
    result = store.ingest(a2, market_events(a2))
    assert (result.status, result.document_id, result.events_removed) == ("replaced", b2.id, 2)
    assert {d["id"]: d["locators"] for d in store.documents()} == {b2.id: ["b/clash.txt", "a/clash.txt"]}


def test_first_locator_moves_when_it_leaves(store: Store) -> None:
    a, b = make_doc(CLASH, "a/clash.txt"), make_doc(CLASH, "b/clash.txt")
    store.ingest(a, clash_events(a))
    store.ingest(b, clash_events(b))
    a2 = make_doc(MARKET, "a/clash.txt")
    store.ingest(a2, market_events(a2))
    shared = store.document(a.id)
    assert shared is not None and shared["locator"] == "b/clash.txt" and shared["locators"] == ["b/clash.txt"]


def test_reused_id_for_another_text_is_a_conflict(store: Store) -> None:
    one = make_doc(CLASH, "feed1.jsonl#7", id="7")
    two = make_doc(MARKET, "feed2.jsonl#7", id="7")
    store.ingest(one, clash_events(one))
    before = changes(store)
    result = store.ingest(two, market_events(two))
    assert result.status == "conflict" and result.message is not None and "feed1.jsonl#7" in result.message
    assert changes(store) == before
    # the same locator with a new text under the same id is an ordinary replacement
    one2 = make_doc(MARKET, "feed1.jsonl#7", id="7")
    assert store.ingest(one2, market_events(one2)).status == "replaced"
    assert [d["id"] for d in store.documents()] == ["7"]


def test_ingest_many_and_duplicate_event_ids(store: Store) -> None:
    a, m = make_doc(CLASH, "a.txt"), make_doc(MARKET, "m.txt")
    results = store.ingest_many([(a, clash_events(a)), (m, market_events(m)), (a, clash_events(a))])
    assert [r.status for r in results] == ["new", "new", "unchanged"]
    event = clash_events(a)[0]
    with pytest.raises(StoreError, match="share the id"):
        store.ingest(a, [event, event])


# --- schema, migrations, opening -----------------------------------------------------------------------------------


def test_pragmas_and_migrations_recorded(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "events.db"
    with Store(path) as s:
        assert table(s, "PRAGMA journal_mode") == [("wal",)]
        assert table(s, "PRAGMA foreign_keys") == [(1,)]
        assert table(s, "PRAGMA busy_timeout")[0][0] > 0
        assert [r[0] for r in table(s, "SELECT name FROM _migrations")] == [m.name for m in schema.MIGRATIONS]
        doc = make_doc(CLASH, "a.txt")
        s.ingest(doc, clash_events(doc))
    with Store(path) as s:  # re-open: nothing re-applied, data kept
        assert len(table(s, "SELECT name FROM _migrations")) == len(schema.MIGRATIONS)
        assert s.stats()["events"] == 2


def test_new_migration_applied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.db"
    Store(path).close()
    extra = schema.Migration("9999_test_column", lambda c: c.execute("ALTER TABLE documents ADD COLUMN note TEXT"))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    with Store(path) as s:
        assert s.stats()["migrations"][-1] == "9999_test_column"
        assert "note" in [r[1] for r in table(s, "PRAGMA table_info(documents)")]


def test_failed_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.db"
    Store(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("SELECT no_such_function()")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration("9999_broken", broken)])
    with pytest.raises(StoreError, match="migrate"):
        Store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM _migrations WHERE name = '9999_broken'").fetchone() == (0,)
    conn.close()


def test_database_from_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _migrations VALUES ('0042_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"newer version.*0042_from_the_future"):
        Store(path)


@pytest.mark.parametrize(
    "content",
    [
        b"this is a plain text file, not a database\n" * 20,
        bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
)
def test_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content  # left untouched


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)


# --- full-text search and its fallback -----------------------------------------------------------------------------


def _ingest_both(s: Store) -> None:
    a, m = make_doc(CLASH, "a.txt"), make_doc(MARKET, "m.txt", day=9)
    s.ingest_many([(a, clash_events(a)), (m, market_events(m))])


TEXT_QUERIES = [
    ("traded fire", ["traded fire"]),
    ("TESSALIT", ["traded fire", "ambush"]),  # title words match too
    ("markets", ["marched", "detained"]),  # in the title of the second document only
    ("organisers police", ["detained"]),
    ("fir", []),  # whole words only
    ('100% "quoted" _', []),
    ("", ["traded fire", "ambush", "marched", "detained"]),
]


@pytest.mark.parametrize("fts", [True, False])
@pytest.mark.parametrize(("text", "expected"), TEXT_QUERIES)
def test_text_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fts: bool, text: str, expected: list[str]
) -> None:
    if not fts:
        monkeypatch.setattr(schema, "fts5_available", lambda conn: False)
    with Store(tmp_path / "events.db") as s:
        assert s.full_text is fts
        _ingest_both(s)
        assert [e["trigger"]["text"] for e in s.events(text=text)] == expected


def test_index_built_when_fts_appears(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "fts5_available", lambda conn: False)
        with Store(path) as s:
            _ingest_both(s)
    with Store(path) as s:
        assert s.full_text
        assert [e["trigger"]["text"] for e in s.events(text="organisers")] == ["detained"]


def test_index_rebuilt_after_writes_without_fts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.db"
    a = make_doc(CLASH, "a.txt")
    with Store(path) as s:
        s.ingest(a, clash_events(a))
    with monkeypatch.context() as m:
        m.setattr(schema, "fts5_available", lambda conn: False)
        with Store(path) as s:
            assert not s.full_text
            a2 = make_doc(MARKET, "a.txt")
            s.ingest(a2, market_events(a2))  # replaces the indexed events: the index is now stale
    with Store(path) as s:
        assert [e["trigger"]["text"] for e in s.events(text="organisers")] == ["detained"]
        assert s.events(text="Tessalit") == []
        assert table(s, f"SELECT count(*) FROM {schema.FTS_TABLE}") == [(2,)]


def test_two_stores_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as writer, Store(path) as reader:
        a, m = make_doc(CLASH, "a.txt"), make_doc(MARKET, "m.txt")
        writer.ingest(a, clash_events(a))
        assert reader.stats()["events"] == 2
        assert reader.ingest(m, market_events(m)).status == "new"
        assert writer.ingest(a, clash_events(a)).status == "unchanged"
        assert writer.stats()["documents"] == 2


def test_database_error_is_a_store_error_and_rolls_back(store: Store) -> None:
    a, m = make_doc(CLASH, "a.txt"), make_doc(MARKET, "m.txt")
    store.ingest(a, clash_events(a))
    before = store.stats()
    clashing = [market_events(m)[0], dataclasses.replace(market_events(m)[1], id=clash_events(a)[0].id)]
    with pytest.raises(StoreError, match=r"m\.txt.*UNIQUE"):
        store.ingest(m, clashing)
    assert store.stats() == before


def test_text_sqlite_cannot_encode_is_a_store_error(store: Store) -> None:
    doc = make_doc(CLASH + "broken \ud800 byte\n", "bad.jsonl#1")
    with pytest.raises(StoreError, match=r"bad\.jsonl#1"):
        store.ingest(doc, clash_events(doc))
    assert store.stats()["documents"] == 0
