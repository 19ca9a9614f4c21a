"""The SQLite store: open and migrate, ingest documents with their events idempotently, query them back.

Identity rule. A stored document is one distinct *text* (``content_hash``); ``locators`` maps every input that was
read (path, url, ``jsonl#id``, ``stdin:hash``) to it, and ``documents.locator`` is the first such locator. So the same
text read from two paths is one row with two locators and one set of events (the first input's id and metadata are
kept; :attr:`IngestResult.duplicate_of` names it). A locator whose text changed is moved to the new text, and the old
text is deleted once no locator points to it. A document id that is already stored for a *different* text (two JSONL
files reusing ids) is a conflict: nothing is written and the result says why.

Every write runs through :meth:`Store._write`: one ``BEGIN IMMEDIATE`` transaction, rolled back on any error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from eventscope.errors import StoreError
from eventscope.model import Document, Event
from eventscope.store import queries, rows, schema, signatures

if TYPE_CHECKING:
    from eventscope.intake.dedupe import Signature, StoryIndex

T = TypeVar("T")
Status = Literal["new", "unchanged", "replaced", "conflict"]
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one :meth:`Store.ingest` did.

    status: "new" (the locator was not stored), "unchanged" (nothing written), "replaced" (the locator's document,
    metadata or events changed), "conflict" (nothing written; see ``message``).
    """

    locator: str
    document_id: str
    status: Status
    events: int  # events stored for the document after the call
    events_added: int = 0
    events_removed: int = 0
    duplicate_of: str | None = None  # the first locator of the identical text this locator joined
    message: str | None = None


@dataclass(frozen=True, slots=True)
class _Stored:
    id: str
    locator: str
    content_hash: str
    meta_digest: str
    events_digest: str


class Store:
    """An eventscope SQLite database (WAL). Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn = _connect(self.path)
        try:
            schema.migrate(self._conn)
            if signatures.missing(self._conn):  # signatures of an older scheme (or written by an older version)
                self._write(signatures.backfill)
            self._fts = schema.sync_fts(self._conn, schema.fts5_available(self._conn))
        except StoreError:
            self._conn.close()
            raise
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: could not migrate the database: {exc}") from exc

    # --- lifecycle ---

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def full_text(self) -> bool:
        """Whether text searches use the FTS5 index (else LIKE)."""
        return self._fts

    # --- writes ---

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` in one immediate transaction; roll back everything it did if it raises."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result

    def ingest(self, document: Document, events: Sequence[Event]) -> IngestResult:
        """Store ``document`` and its ``events``; a no-op when the same input was stored before (see module doc)."""
        _check_events(document, events)
        try:
            return self._write(lambda conn: _ingest(conn, document, events, self._fts))
        except (sqlite3.Error, UnicodeEncodeError) as exc:  # UnicodeEncodeError: a lone surrogate in some text
            raise StoreError(f"{self.path}: could not store {document.locator}: {exc}") from exc

    def ingest_many(self, pairs: Iterable[tuple[Document, Sequence[Event]]]) -> list[IngestResult]:
        """:meth:`ingest` each pair, each document in its own transaction."""
        return [self.ingest(doc, events) for doc, events in pairs]

    # --- reads ---

    def events(
        self,
        *,
        type: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        near: tuple[float, float] | None = None,
        within_km: float | None = None,
        text: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        reprints: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored event dicts matching every given filter, by document publication date then document offset.

        type matches the PLOVER type, ACLED event type or sub-type (any case); country is ISO3 or a name and matches
        the location's country or any actor's; since/until keep events whose date interval overlaps them; near +
        within_km keep events located within that great-circle distance; text is a full-text search of the evidence
        sentence and the document title (all words must occur). The events of a reprint (a document whose story has
        another original) are left out unless ``reprints`` is True, so one story's events are not counted twice.
        """
        q = queries.EventQuery(type, country, since, until, near, within_km, text, status, limit, reprints)
        sql, params, post = queries.build_event_query(q, fts=self._fts)
        out: list[dict[str, Any]] = []
        for row in self._conn.execute(sql, params):
            if all(f(row) for f in post):
                out.append(rows.loads(row[0]))
                if q.limit is not None and len(out) >= q.limit:
                    break
        return out

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document's metadata (no text), in the event order."""
        cur = self._conn.execute(
            f"SELECT {_DOC_FIELDS}, (SELECT count(*) FROM events e WHERE e.document_id = d.id) "
            "FROM documents d ORDER BY d.published IS NULL, d.published, d.id"
        )
        return [self._document_dict(r) for r in cur.fetchall()]

    def document(self, id_or_locator: str) -> dict[str, Any] | None:
        """One document with its text and zones, by id or by any of its locators; None when not stored."""
        row = self._conn.execute(
            f"SELECT {_DOC_FIELDS}, (SELECT count(*) FROM events e WHERE e.document_id = d.id), d.text "
            "FROM documents d WHERE d.id = ? OR d.id = (SELECT document_id FROM locators WHERE locator = ?)",
            (id_or_locator, id_or_locator),
        ).fetchone()
        if row is None:
            return None
        d = self._document_dict(row[:-1])
        d["text"] = row[-1]
        d["zones"] = [
            {"kind": k, "start": s, "end": e, "reason": r}
            for k, s, e, r in self._conn.execute(
                'SELECT kind, start, "end", reason FROM zones WHERE document_id = ? ORDER BY start, rowid', (d["id"],)
            )
        ]
        return d

    def story_signatures(self) -> Iterator[tuple[str, Signature, str | None]]:
        """(document id, story signature, stored story id) of every stored document, oldest first."""
        return signatures.load(self._conn)

    def story_index(self) -> StoryIndex:
        """A story index (reprint detection) holding every stored document, from the stored signatures.

        Each document keeps the story it was stored with; no stored text is read or hashed again.
        """
        from eventscope.intake.dedupe import StoryIndex

        return StoryIndex.seeded(self.story_signatures())

    def stored_documents(self) -> Iterator[Document]:
        """Every stored document as a Document (text, zones, dates, story), oldest first."""
        ids = [r[0] for r in self._conn.execute("SELECT id FROM documents ORDER BY rowid")]
        for doc_id in ids:
            doc = signatures.stored_document(self._conn, doc_id)
            if doc is not None:
                yield doc

    def _document_dict(self, row: Sequence[Any]) -> dict[str, Any]:
        d = dict(zip(_DOC_KEYS, row[:-1], strict=True))
        d["events"] = row[-1]
        d["locators"] = [
            r[0]
            for r in self._conn.execute("SELECT locator FROM locators WHERE document_id = ? ORDER BY rowid", (d["id"],))
        ]
        return d

    def stats(self) -> dict[str, Any]:
        """Counts of what is stored, events by type and status, and the schema state."""
        c = self._conn

        def count(table: str) -> int:
            return int(c.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        def by(column: str) -> dict[str, int]:
            sql = f"SELECT {column}, count(*) FROM events GROUP BY {column} ORDER BY count(*) DESC, {column}"
            return {str(k): int(n) for k, n in c.execute(sql)}

        return {
            "path": str(self.path),
            "documents": count("documents"),
            "locators": count("locators"),
            "events": count("events"),
            "zones": count("zones"),
            "spans": count("spans"),
            "events_by_type": by("type"),
            "events_by_status": by("status"),
            "full_text": self._fts,
            "migrations": [m["name"] for m in schema.applied_migrations(c)],
        }


#: the document fields returned to callers: every stored column but the text and the change-detection digests
_DOC_KEYS = tuple(c for c in rows.DOCUMENT_COLUMNS if c not in ("text", "meta_digest", "events_digest"))
_DOC_FIELDS = ", ".join(f"d.{k}" for k in _DOC_KEYS)


# --- opening -----------------------------------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the store's pragmas; StoreError naming the file when it cannot be used."""
    if str(path) != ":memory:":
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its directory: {exc}") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")  # durable in WAL mode; loses at most the last commit on power loss
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(f"{path}: not an eventscope database (not a SQLite file, or damaged): {exc}") from exc
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    return conn


# --- ingest ------------------------------------------------------------------------------------------------------------


def _check_events(document: Document, events: Sequence[Event]) -> None:
    seen: set[str] = set()
    for e in events:
        if e.id in seen:
            raise StoreError(f"{document.locator}: two events share the id {e.id!r}; nothing stored")
        seen.add(e.id)


def _stored(conn: sqlite3.Connection, where: str, value: str) -> _Stored | None:
    row = conn.execute(
        f"SELECT id, locator, content_hash, meta_digest, events_digest FROM documents WHERE {where}", (value,)
    ).fetchone()
    return _Stored(*row) if row else None


def _ingest(conn: sqlite3.Connection, doc: Document, events: Sequence[Event], fts: bool) -> IngestResult:
    digest = rows.events_digest(events)
    chash = doc.content_hash
    cur = _stored(conn, "id = (SELECT document_id FROM locators WHERE locator = ?)", doc.locator)
    n_new = len(events)
    if (
        cur is not None
        and cur.content_hash == chash
        and cur.events_digest == digest
        and (cur.locator != doc.locator or cur.meta_digest == rows.meta_digest(doc))
    ):
        return IngestResult(doc.locator, cur.id, "unchanged", n_new)

    same_text = _stored(conn, "content_hash = ?", chash)
    if same_text is None:
        clash = _stored(conn, "id = ?", doc.id)
        if clash is not None and not (cur is not None and clash.id == cur.id and _sole_locator(conn, cur, doc.locator)):
            msg = (
                f"document id {doc.id!r} is already stored for a different text (from {clash.locator!r}); "
                "give each input document a distinct id"
            )
            return IngestResult(doc.locator, doc.id, "conflict", 0, message=msg)

    status: Status = "new" if cur is None else "replaced"
    removed = 0
    if cur is not None and (same_text is None or cur.id != same_text.id):
        removed += _detach(conn, cur, doc.locator, fts)  # the locator's text changed: leave the old text

    row = rows.document_row(doc, events, schema.now())
    if same_text is None:
        _insert_document(conn, row)
        conn.execute("INSERT INTO locators (locator, document_id) VALUES (?, ?)", (doc.locator, doc.id))
        _insert_zones(conn, doc)
        signatures.write(conn, doc.id, _signature(doc))
        for event in events:
            _insert_event(conn, doc.id, event, fts)
        return IngestResult(doc.locator, doc.id, status, n_new, n_new, removed)

    duplicate_of = same_text.locator if same_text.locator != doc.locator else None
    if cur is None or cur.id != same_text.id:
        conn.execute("INSERT INTO locators (locator, document_id) VALUES (?, ?)", (doc.locator, same_text.id))
    added = 0
    if same_text.events_digest != digest or same_text.locator == doc.locator:
        # this input's events (or, for the first locator, its metadata) differ from what is stored: last write wins
        removed += _count_events(conn, same_text.id)
        _clear_document(conn, same_text.id, fts)
        _update_document(conn, same_text.id, row, keep_identity=same_text.locator != doc.locator)
        _insert_zones(conn, doc, same_text.id)
        stored = signatures.stored_document(conn, same_text.id)  # zones rewritten, metadata perhaps kept
        if stored is not None:
            signatures.write(conn, same_text.id, _signature(stored))
        for event in events:
            _insert_event(conn, same_text.id, event, fts)
        added = n_new
    return IngestResult(doc.locator, same_text.id, status, n_new, added, removed, duplicate_of)


def _signature(doc: Document) -> Signature:
    from eventscope.intake.dedupe import signature

    return signature(doc)


def _sole_locator(conn: sqlite3.Connection, stored: _Stored, locator: str) -> bool:
    others = conn.execute(
        "SELECT count(*) FROM locators WHERE document_id = ? AND locator != ?", (stored.id, locator)
    ).fetchone()[0]
    return int(others) == 0


def _count_events(conn: sqlite3.Connection, document_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM events WHERE document_id = ?", (document_id,)).fetchone()[0])


def _detach(conn: sqlite3.Connection, stored: _Stored, locator: str, fts: bool) -> int:
    """Remove ``locator`` from ``stored``; delete the document when no locator is left. Returns events deleted."""
    conn.execute("DELETE FROM locators WHERE locator = ?", (locator,))
    left = conn.execute(
        "SELECT locator FROM locators WHERE document_id = ? ORDER BY rowid LIMIT 1", (stored.id,)
    ).fetchone()
    if left is None:
        n = _count_events(conn, stored.id)
        _clear_document(conn, stored.id, fts)
        conn.execute("DELETE FROM documents WHERE id = ?", (stored.id,))
        return n
    if stored.locator == locator:
        conn.execute("UPDATE documents SET locator = ? WHERE id = ?", (left[0], stored.id))
    return 0


def _clear_document(conn: sqlite3.Connection, document_id: str, fts: bool) -> None:
    """Delete a document's events (with their actors, spans and index entries) and zones."""
    if fts:
        conn.execute(
            f"DELETE FROM {schema.FTS_TABLE} WHERE rowid IN (SELECT rowid FROM events WHERE document_id = ?)",
            (document_id,),
        )
    else:
        schema.mark_fts_dirty(conn)
    conn.execute("DELETE FROM events WHERE document_id = ?", (document_id,))  # actors and spans cascade
    conn.execute("DELETE FROM zones WHERE document_id = ?", (document_id,))


def _insert_document(conn: sqlite3.Connection, row: dict[str, Any]) -> None:
    cols = rows.DOCUMENT_COLUMNS
    conn.execute(
        f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols]
    )


def _update_document(conn: sqlite3.Connection, document_id: str, row: dict[str, Any], *, keep_identity: bool) -> None:
    """Rewrite a stored document's metadata; with ``keep_identity`` only the events digest and time change."""
    skip = {"id", "locator", "content_hash", "text"}
    cols = ["events_digest", "ingested_at"] if keep_identity else [c for c in rows.DOCUMENT_COLUMNS if c not in skip]
    sets = ", ".join(f"{c} = ?" for c in cols)
    conn.execute(f"UPDATE documents SET {sets} WHERE id = ?", [row[c] for c in cols] + [document_id])


def _insert_zones(conn: sqlite3.Connection, doc: Document, document_id: str | None = None) -> None:
    conn.executemany(
        'INSERT INTO zones (document_id, kind, start, "end", reason) VALUES (?, ?, ?, ?, ?)',
        [(document_id or doc.id, z.kind, z.start, z.end, z.reason) for z in doc.zones],
    )


_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(rows.EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(rows.EVENT_COLUMNS))})"
)


def _insert_event(conn: sqlite3.Connection, document_id: str, event: Event, fts: bool) -> None:
    cur = conn.execute(_EVENT_INSERT, rows.event_row(document_id, event))
    conn.executemany(
        "INSERT INTO event_actors (event_id, role, name, country, sector) VALUES (?, ?, ?, ?, ?)",
        rows.actor_rows(event),
    )
    conn.executemany(
        'INSERT INTO spans (event_id, field, start, "end", text) VALUES (?, ?, ?, ?, ?)', rows.span_rows(event)
    )
    if fts:
        conn.execute(
            f"INSERT INTO {schema.FTS_TABLE} (rowid, evidence, title) SELECT ?, ?, title FROM documents WHERE id = ?",
            (cur.lastrowid, event.evidence.text, document_id),
        )
    else:
        schema.mark_fts_dirty(conn)
