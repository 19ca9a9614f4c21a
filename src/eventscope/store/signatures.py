"""Stored story signatures (``story_signatures``): a document's MinHash signature kept with it.

``ingest`` seeds its story index (reprint detection) from these rows instead of re-reading and re-hashing every stored
text. A row is written with its document; a document without a row, or with one of another signature scheme (the
shingling or the number of permutations changed), gets one computed from its stored text by :func:`backfill`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventscope.model import Document, PublishedDate, Zone

if TYPE_CHECKING:
    from eventscope.intake.dedupe import Signature

TABLE = "story_signatures"

CREATE = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,              -- how it was computed (intake.dedupe.SIGNATURE_SCHEME)
    minhash_scheme TEXT NOT NULL,      -- datasketch's permutation scheme
    hashvalues BLOB NOT NULL,          -- MinHash hash values, little-endian uint64
    shingles BLOB NOT NULL,            -- sorted 64-bit shingle hashes, little-endian uint64
    outlets TEXT NOT NULL,             -- JSON list of the normalised names of the document's outlet
    credits TEXT NOT NULL              -- JSON list of the normalised lines crediting another outlet
);
"""


def write(conn: sqlite3.Connection, document_id: str, sig: Signature) -> None:
    """Store (or replace) a document's signature, inside the caller's transaction."""
    import numpy as np

    conn.execute(
        f"INSERT OR REPLACE INTO {TABLE} (document_id, scheme, minhash_scheme, hashvalues, shingles, outlets, credits) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            sig.scheme,
            sig.minhash_scheme,
            sig.hashvalues,
            np.array(sorted(sig.shingles), dtype="<u8").tobytes(),
            json.dumps(list(sig.outlets)),
            json.dumps(list(sig.credits)),
        ),
    )


def load(conn: sqlite3.Connection) -> Iterator[tuple[str, Signature, str | None]]:
    """(document id, signature, stored story id) of every document with a current signature, oldest first."""
    import numpy as np

    from eventscope.intake.dedupe import SIGNATURE_SCHEME, Signature

    cur = conn.execute(
        f"SELECT d.id, d.published, d.story_id, s.minhash_scheme, s.hashvalues, s.shingles, s.outlets, s.credits "
        f"FROM documents d JOIN {TABLE} s ON s.document_id = d.id WHERE s.scheme = ? ORDER BY d.rowid",
        (SIGNATURE_SCHEME,),
    )
    for doc_id, published, story_id, mh_scheme, hashvalues, sh, outlets, credits in cur:
        sig = Signature(
            shingles=frozenset(np.frombuffer(sh, dtype="<u8").tolist()),
            hashvalues=bytes(hashvalues),
            minhash_scheme=mh_scheme,
            outlets=tuple(json.loads(outlets)),
            credits=tuple(json.loads(credits)),
            published=_date(published),
        )
        yield doc_id, sig, story_id


def missing(conn: sqlite3.Connection) -> list[str]:
    """Ids of the documents without a signature of the current scheme, oldest first."""
    from eventscope.intake.dedupe import SIGNATURE_SCHEME

    rows = conn.execute(
        f"SELECT d.id FROM documents d LEFT JOIN {TABLE} s ON s.document_id = d.id "
        "WHERE s.document_id IS NULL OR s.scheme != ? ORDER BY d.rowid",
        (SIGNATURE_SCHEME,),
    )
    return [r[0] for r in rows]


def backfill(conn: sqlite3.Connection) -> int:
    """Compute and store the missing signatures from the stored texts (caller's transaction); return how many."""
    from eventscope.intake.dedupe import signature

    ids = missing(conn)
    for doc_id in ids:
        doc = stored_document(conn, doc_id)
        if doc is not None:
            write(conn, doc_id, signature(doc))
    return len(ids)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def stored_document(conn: sqlite3.Connection, document_id: str) -> Document | None:
    """A stored document as a Document: text, zones, publication date, outlet and story (no events)."""
    row = conn.execute(
        "SELECT id, text, locator, path, url, title, published, published_precision, published_basis, source, "
        "language, extraction, original_format, story_id, reprint_of FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    (doc_id, text, locator, path, url, title, published, precision, basis, source, language, extraction, fmt,
     story_id, reprint_of) = row
    day = _date(published)
    zones = tuple(
        Zone(k, s, e, r)
        for k, s, e, r in conn.execute(
            'SELECT kind, start, "end", reason FROM zones WHERE document_id = ? ORDER BY start, rowid', (doc_id,)
        )
    )
    return Document(
        id=doc_id, text=text, locator=locator, path=path, url=url, title=title,
        published=PublishedDate(day, precision or "day", basis or "given") if day else None,
        source=source, language=language, zones=zones, extraction=extraction or "plain", original_format=fmt or "text",
        story_id=story_id, reprint_of=reprint_of,
    )
