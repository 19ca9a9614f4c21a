"""The store's schema as registered migrations, and the optional full-text index.

Migrations are plain functions applied in order and recorded by name in ``_migrations`` (name, applied_at). A
database that records a migration this version does not know was written by a newer eventscope: opening it raises
:class:`~eventscope.errors.StoreError` rather than guessing.

The FTS5 index (``events_fts``) is not a migration: SQLite builds without FTS5 exist, so the index is created when the
module is available and searches fall back to ``LIKE`` when it is not (see :func:`sync_fts`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from eventscope.errors import StoreError

Apply = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Apply


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[Apply], Apply]:
    """Register a migration; registration order is application order."""

    def register(fn: Apply) -> Apply:
        if any(m.name == name for m in MIGRATIONS):
            raise ValueError(f"duplicate migration name {name!r}")
        MIGRATIONS.append(Migration(name, fn))
        return fn

    return register


@migration("0001_initial")
def _initial(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            locator TEXT NOT NULL UNIQUE,      -- the first locator this text was read from
            content_hash TEXT NOT NULL,
            path TEXT, url TEXT, title TEXT,
            published TEXT, published_precision TEXT, published_basis TEXT, published_note TEXT,
            source TEXT, language TEXT, extraction TEXT, original_format TEXT,
            text TEXT NOT NULL,
            meta_digest TEXT NOT NULL,         -- digest of the metadata and zones last written
            events_digest TEXT NOT NULL,       -- digest of the events last written (without the document ref)
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_content_hash ON documents(content_hash);
        CREATE INDEX documents_published ON documents(published);

        -- every locator (path, url, jsonl#id, stdin:hash) that resolved to a stored document
        CREATE TABLE locators (
            locator TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
        );
        CREATE INDEX locators_document ON locators(document_id);

        CREATE TABLE zones (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, reason TEXT
        );
        CREATE INDEX zones_document ON zones(document_id);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL COLLATE NOCASE,
            mode TEXT,
            acled_event_type TEXT COLLATE NOCASE,
            acled_sub_event_type TEXT COLLATE NOCASE,
            cameo TEXT,
            status TEXT COLLATE NOCASE,
            date_earliest TEXT, date_latest TEXT, date_precision TEXT,
            lat REAL, lon REAL, geo_precision TEXT, location_name TEXT,
            country TEXT,                      -- ISO3 of the location
            admin1 TEXT,
            confidence REAL,
            trigger_start INTEGER, evidence_start INTEGER, evidence_end INTEGER,
            evidence TEXT,
            json TEXT NOT NULL                 -- Event.to_dict() as stored
        );
        CREATE INDEX events_document ON events(document_id, evidence_start, trigger_start);
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_acled_type ON events(acled_event_type);
        CREATE INDEX events_acled_sub_type ON events(acled_sub_event_type);
        CREATE INDEX events_status ON events(status);
        CREATE INDEX events_country ON events(country);
        CREATE INDEX events_dates ON events(date_earliest, date_latest);
        CREATE INDEX events_latlon ON events(lat, lon);

        CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT, name TEXT, country TEXT, sector TEXT
        );
        CREATE INDEX event_actors_event ON event_actors(event_id);
        CREATE INDEX event_actors_country ON event_actors(country, event_id);

        CREATE TABLE spans (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            field TEXT NOT NULL,               -- trigger evidence actor location date quantity attribution support
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT
        );
        CREATE INDEX spans_event ON spans(event_id);

        CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT);
        """,
    )


@migration("0002_stories")
def _stories(conn: sqlite3.Connection) -> None:
    """Reprints: documents of one story share story_id; a reprint names its story's original."""
    run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN story_id TEXT;
        ALTER TABLE documents ADD COLUMN reprint_of TEXT;
        CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id);
        """,
    )


@migration("0003_story_signatures")
def _story_signatures(conn: sqlite3.Connection) -> None:
    """Each document's MinHash signature, so ``ingest`` seeds its story index without re-hashing stored texts."""
    from eventscope.store import signatures

    run_script(conn, signatures.CREATE)
    signatures.backfill(conn)  # the documents of an older database: computed once, here


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute ``script`` statement by statement inside the caller's transaction (``executescript`` would commit)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement: {buf.strip()[:80]}")


def migrate(conn: sqlite3.Connection, registry: list[Migration] | None = None) -> list[str]:
    """Apply the pending migrations in order (each in its own transaction); return the names applied now."""
    registry = MIGRATIONS if registry is None else registry
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    known = {m.name for m in registry}
    unknown = sorted(applied - known)
    if unknown:
        raise StoreError(
            f"the database was written by a newer version of eventscope (unknown migrations: {', '.join(unknown)}); "
            "upgrade eventscope to open it"
        )
    done: list[str] = []
    for m in registry:
        if m.name in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            m.apply(conn)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (m.name, now()))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        done.append(m.name)
    return done


def applied_migrations(conn: sqlite3.Connection) -> list[dict[str, str]]:
    rows = conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid")
    return [{"name": n, "applied_at": a} for n, a in rows]


# --- full-text index -----------------------------------------------------------------------------------------------

FTS_TABLE = "events_fts"
_FTS_DIRTY = "fts_dirty"


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite can create FTS5 tables (probed with a throwaway temp table)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._eventscope_fts_probe USING fts5(x)")
        conn.execute("DROP TABLE temp._eventscope_fts_probe")
    except sqlite3.OperationalError:
        return False
    return True


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def sync_fts(conn: sqlite3.Connection, available: bool) -> bool:
    """Make the FTS index usable when FTS5 is ``available``; return whether searches may use it.

    Creates and fills the index when it is missing, and rebuilds it when writes happened while FTS5 was unavailable
    (the ``fts_dirty`` mark). Without FTS5 the index is left alone and searches use ``LIKE``.
    """
    if not available:
        return False
    exists = _has_table(conn, FTS_TABLE)
    dirty = conn.execute("SELECT value FROM _meta WHERE key = ?", (_FTS_DIRTY,)).fetchone() is not None
    if exists and not dirty:
        return True
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not exists:
            conn.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(evidence, title)")
        conn.execute(f"DELETE FROM {FTS_TABLE}")
        conn.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, evidence, title) "
            "SELECT e.rowid, e.evidence, d.title FROM events e JOIN documents d ON d.id = e.document_id"
        )
        conn.execute("DELETE FROM _meta WHERE key = ?", (_FTS_DIRTY,))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


def mark_fts_dirty(conn: sqlite3.Connection) -> None:
    """Record (inside the caller's transaction) that events changed while the FTS index could not be updated."""
    if _has_table(conn, FTS_TABLE):
        conn.execute("INSERT OR REPLACE INTO _meta (key, value) VALUES (?, '1')", (_FTS_DIRTY,))


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
