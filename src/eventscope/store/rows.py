"""Pure conversions from model records to table rows and change digests (no database access)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from eventscope.model import Document, Event


def dumps(obj: Any) -> str:
    """Compact, deterministic JSON (keys in the order the model writes them)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> dict[str, Any]:
    obj = json.loads(text)
    if not isinstance(obj, dict):
        raise ValueError("stored event JSON is not an object")
    return obj


def _digest(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:32]


def events_digest(events: Sequence[Event]) -> str:
    """What the events say, without their ``document`` reference (which names the locator it was read from)."""
    dicts = []
    for event in events:
        d = event.to_dict()
        d.pop("document", None)
        dicts.append(d)
    dicts.sort(key=lambda d: d["id"])
    return _digest(dicts)


def meta_digest(document: Document) -> str:
    """The document's metadata and zones, i.e. what a row rewrite would change besides the text."""
    return _digest(
        {
            "meta": document.to_dict(),
            "locator": document.locator,
            "format": document.original_format,
            "zones": [z.to_dict() for z in document.zones],
        }
    )


DOCUMENT_COLUMNS = (
    "id",
    "locator",
    "content_hash",
    "path",
    "url",
    "title",
    "published",
    "published_precision",
    "published_basis",
    "published_note",
    "source",
    "language",
    "extraction",
    "original_format",
    "story_id",
    "reprint_of",
    "text",
    "meta_digest",
    "events_digest",
    "ingested_at",
)


def document_row(document: Document, events: Sequence[Event], ingested_at: str) -> dict[str, Any]:
    pub = document.published
    return {
        "id": document.id,
        "locator": document.locator,
        "content_hash": document.content_hash,
        "path": document.path,
        "url": document.url,
        "title": document.title,
        "published": pub.date.isoformat() if pub else None,
        "published_precision": pub.precision if pub else None,
        "published_basis": pub.basis if pub else None,
        "published_note": document.published_note,
        "source": document.source,
        "language": document.language,
        "extraction": document.extraction,
        "original_format": document.original_format,
        "story_id": document.story_id,
        "reprint_of": document.reprint_of,
        "text": document.text,
        "meta_digest": meta_digest(document),
        "events_digest": events_digest(events),
        "ingested_at": ingested_at,
    }


EVENT_COLUMNS = (
    "id",
    "document_id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo",
    "status",
    "date_earliest",
    "date_latest",
    "date_precision",
    "lat",
    "lon",
    "geo_precision",
    "location_name",
    "country",
    "admin1",
    "confidence",
    "trigger_start",
    "evidence_start",
    "evidence_end",
    "evidence",
    "json",
)


def event_row(document_id: str, event: Event) -> tuple[Any, ...]:
    """One ``events`` row, in :data:`EVENT_COLUMNS` order."""
    loc, date = event.location, event.date
    return (
        event.id,
        document_id,
        event.type,
        event.mode,
        event.acled.event_type if event.acled else None,
        event.acled.sub_event_type if event.acled else None,
        event.cameo,
        event.status,
        date.earliest.isoformat() if date and date.earliest else None,
        date.latest.isoformat() if date and date.latest else None,
        date.precision if date else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.precision if loc else None,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.admin1 if loc else None,
        event.confidence,
        event.trigger.start,
        event.evidence.start,
        event.evidence.end,
        event.evidence.text,
        dumps(event.to_dict()),
    )


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    return [(event.id, a.role, a.name, a.country, a.sector) for a in event.actors]


def span_rows(event: Event) -> list[tuple[Any, ...]]:
    """``spans`` rows: every field of the event that points into the text."""
    return [(event.id, f, s, e, t) for f, s, e, t in _spans(event)]


def _spans(event: Event) -> Iterator[tuple[str, int, int, str]]:
    yield "trigger", event.trigger.start, event.trigger.end, event.trigger.text
    yield "evidence", event.evidence.start, event.evidence.end, event.evidence.text
    for a in event.actors:
        yield "actor", a.start, a.end, a.text
    if event.location is not None:
        yield "location", event.location.start, event.location.end, event.location.text
    d = event.date
    if d is not None and d.start is not None and d.end is not None and d.text is not None:
        yield "date", d.start, d.end, d.text
    for q in event.quantities:
        yield "quantity", q.start, q.end, q.text
    if event.attribution is not None:
        yield "attribution", event.attribution.start, event.attribution.end, event.attribution.text
    for s in event.support:
        yield "support", s.start, s.end, s.text
