"""The data model shared by every stage: plain, frozen, serialisable records.

Stand-off annotation: a :class:`Document` keeps its text exactly as given (after decoding) and every other record
points into it with character offsets. For any span-like record ``r`` taken from document ``d``,
``d.text[r.start:r.end] == r.text`` always holds.

spaCy objects never appear here; they stay inside the nlp/events stages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ZoneKind = Literal["headline", "dateline", "byline", "body", "boilerplate", "comments"]
#: zones whose text is coded for events
CODED_ZONES: frozenset[str] = frozenset({"headline", "body"})

Precision = Literal["day", "week", "month", "season", "year", "decade", "unknown"]
Status = Literal["asserted", "claimed", "negated", "planned", "hypothetical", "historical"]
GeoPrecision = Literal["place", "near", "region", "admin1", "country"]


def content_hash(text: str, n: int = 16) -> str:
    """A stable short hash of a text (sha256, hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Zone:
    """A stretch of the document with a kind and the reason it was given that kind."""

    kind: str  # one of ZoneKind
    start: int
    end: int
    reason: str
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The publication date and where it came from."""

    date: dt.date
    precision: str = "day"  # day | month | year
    basis: str = "text"  # "given" (metadata/jsonl), "override" (--published), "text" (dateline), "html" (page metadata)
    span: Span | None = None  # the dateline text when read from the text


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``id`` is the caller's id when given (JSONL ``id``) else a hash of the text."""

    id: str
    text: str
    locator: str  # what identifies the input across runs: path, url, "jsonl-path#id", or "stdin:<hash>"
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: PublishedDate | None = None
    published_note: str | None = None  # why no publication date was found, when none was
    source: str | None = None  # the outlet
    language: str | None = None
    zones: tuple[Zone, ...] = ()
    extraction: str = "plain"  # "plain" | "html:trafilatura" | "jsonl" ...
    original_format: str = "text"  # "text" | "html"
    story_id: str | None = None  # reports of the same article (reprints) share a story (intake.dedupe)
    reprint_of: str | None = None  # the id of the story's original document when this one is a reprint

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def coded_zones(self) -> list[Zone]:
        return [z for z in self.zones if z.kind in CODED_ZONES]

    def body_text(self) -> str:
        return "\n\n".join(self.text[z.start : z.end] for z in self.zones if z.kind == "body")

    def ref(self) -> dict[str, Any]:
        """The ``document`` object embedded in every event."""
        d: dict[str, Any] = {"id": self.id}
        if self.url:
            d["url"] = self.url
        if self.path:
            d["path"] = self.path
        d["title"] = self.title
        d["published"] = self.published.date.isoformat() if self.published else None
        d["source"] = self.source
        if self.story_id is not None:
            d["story_id"] = self.story_id
            d["reprint_of"] = self.reprint_of
        return d

    def to_dict(self) -> dict[str, Any]:
        d = self.ref()
        d["language"] = self.language
        d["published_precision"] = self.published.precision if self.published else None
        d["published_basis"] = self.published.basis if self.published else None
        d["published_note"] = self.published_note
        d["extraction"] = self.extraction
        return d


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in the text, normalised (TIMEX3-compatible type and value) to an interval."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # e.g. 2020-12-27, 2020-W52, 2020-12, 2020, PAST_REF, P3D
    earliest: dt.date | None
    latest: dt.date | None
    precision: str  # day | week | month | season | year | decade | unknown
    basis: str  # explicit | relative to publication date | relative to another date | year inferred | ...
    mod: str | None = None  # START | MID | END | BEFORE | AFTER | SINCE | APPROX ...
    flags: tuple[str, ...] = ()  # "ambiguous-numeric", "impossible", "anchored" (relative to another date), "dateline"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision,
            "basis": self.basis,
            "mod": self.mod,
            "flags": list(self.flags),
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date of an event: an interval with a precision and the way it was found."""

    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    basis: str
    text: str | None = None  # None when inferred from the publication date / context
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text resolved to a gazetteer entry (or an offset from one)."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None  # None for first-level divisions (not in the embedded data) and eventscope's own features
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    admin1: str | None  # first-level division name
    feature: str | None  # GeoNames feature code (PPL, PPLA, ADM1, PCLI, CONT, RGN, OCN, SEA, ISL, MTS, STM ...)
    #                      or eventscope's own: "REGION" (part of a division), "ROUTE", "OFFSET" ("4 km west of X")
    precision: str  # place | near | region | admin1 | country
    score: float = 0.0
    runner_up: str | None = None  # "Name (CC, geonameid) score" of the best rejected candidate
    basis: str = "gazetteer"  # gazetteer | offset | route | unresolved (a toponym not in the gazetteer: lat/lon
    #                           None; an event location only when the event's own locative phrase names it and
    #                           nothing places it) | context (an event location the gazetteer
    #                           lacks, placed by the town/area named with it, or an earlier event's place for "the area")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "feature": self.feature,
            "precision": self.precision,
            "score": round(self.score, 3),
            "runner_up": self.runner_up,
            "basis": self.basis,
        }

    def location_dict(self) -> dict[str, Any]:
        """The ``location`` object of the event JSON."""
        return {
            "text": self.text,
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a canonical actor."""

    role: str  # source | target
    text: str
    start: int
    end: int
    name: str | None  # canonical name, e.g. "Russian Military Police"
    country: str | None  # ISO3
    sector: str | None  # GOV MIL COP REB OPP PTY JUD LEG SPY IGO NGO MED BUS CVL CRM ...
    inter: int | None = None  # ACLED inter code 1..8
    via: str | None = None  # how it was resolved when not literal: "coreference", "metonym", ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "inter": self.inter,
            "start": self.start,
            "end": self.end,
            "via": self.via,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # fatalities injured arrested displaced vehicles aircraft troops crowd ...
    value: int
    text: str
    start: int
    end: int
    qualifier: str | None = None  # "at least", "about", "range", "vague"
    unit: str | None = None  # the counted noun, e.g. "armored vehicles", "helicopters"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "qualifier": self.qualifier,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    name: str | None
    start: int
    end: int
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "start": self.start, "end": self.end, "country": self.country}


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}


@dataclass(frozen=True, slots=True)
class Event:
    """One event read from one document. Serialises to the event JSON of docs/architecture.md."""

    id: str
    document: dict[str, Any]  # Document.ref()
    type: str
    mode: str | None
    acled: Acled | None
    cameo: str | None
    actors: tuple[Actor, ...]
    location: Place | None
    date: EventDate | None
    quantities: tuple[Quantity, ...]
    status: str
    attribution: Attribution | None
    trigger: Span
    evidence: Span
    confidence: float
    support: tuple[Span, ...] = field(default=())  # other sentences that describe the same event
    locations: tuple[Place, ...] = field(default=())  # every place it happened ("in A and B", routes); [0] = location

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "type": self.type,
            "mode": self.mode,
            "acled": self.acled.to_dict() if self.acled else None,
            "cameo": self.cameo,
            "actors": [a.to_dict() for a in self.actors],
            "location": self.location.location_dict() if self.location else None,
            "locations": [p.location_dict() for p in self.locations],
            "date": self.date.to_dict() if self.date else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "status": self.status,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "support": [s.to_dict() for s in self.support],
            "confidence": round(self.confidence, 3),
        }


def event_id(document_hash: str, trigger: Span, type_: str) -> str:
    """Stable event id: same text, same trigger, same type -> same id."""
    return content_hash(f"{document_hash}:{trigger.start}:{trigger.end}:{type_}")


__all__ = [
    "CODED_ZONES",
    "Acled",
    "Actor",
    "Attribution",
    "Document",
    "Event",
    "EventDate",
    "Place",
    "PublishedDate",
    "Quantity",
    "Span",
    "TimeExpression",
    "Zone",
    "asdict",
    "content_hash",
    "event_id",
]
