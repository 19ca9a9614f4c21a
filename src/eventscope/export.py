"""Write records as JSON Lines, CSV (ACLED-style columns for events), GeoJSON or a terminal table.

Records are plain dicts of four kinds:

- ``events``: the event JSON (``Event.to_dict()``);
- ``documents``: ``{"document": {...}, "body": str, "zones": [...]}`` (``eventscope read``);
- ``places``: ``{"document": {...}, "places": [...]}`` (``eventscope places``);
- ``dates``: ``{"document": {...}, "dates": [...]}`` (``eventscope dates``).

Writers stream: a record is written as soon as it is given (the table collects, then prints).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "geojson", "table")
KINDS = ("events", "documents", "places", "dates")

#: ACLED-style column names first, then eventscope's own
EVENT_COLUMNS = [
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "notes", "source",
    "event_id", "plover_type", "plover_mode", "cameo", "status", "assoc_actor_1", "date_earliest", "date_latest",
    "date_basis", "location_precision", "attribution", "confidence", "document_id",
]
DOCUMENT_COLUMNS = ["document_id", "path", "url", "title", "published", "source", "language", "body_chars", "zones"]
PLACE_COLUMNS = ["document_id", "text", "start", "end", "name", "geonameid", "lat", "lon", "country", "admin1",
                 "feature", "precision", "score"]
DATE_COLUMNS = ["document_id", "text", "start", "end", "type", "value", "earliest", "latest", "precision", "basis"]

#: eventscope precision → ACLED geo_precision (1 the place itself, 2 near it / part of a region, 3 a larger region)
GEO_PRECISION = {"place": 1, "near": 2, "region": 3, "admin1": 3, "country": 3}
#: eventscope date precision → ACLED time_precision (1 day, 2 week, 3 month or wider)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3, "decade": 3}


def event_row(ev: dict[str, Any]) -> dict[str, Any]:
    """One event as an ACLED-style flat row."""
    loc = ev.get("location") or {}
    date = ev.get("date") or {}
    acled = ev.get("acled") or {}
    sources = [a for a in ev.get("actors") or [] if a.get("role") == "source"]
    targets = [a for a in ev.get("actors") or [] if a.get("role") == "target"]
    label = lambda a: a.get("name") or a.get("text")  # noqa: E731
    fatalities = [q["value"] for q in ev.get("quantities") or [] if q.get("kind") == "fatalities"]
    doc = ev.get("document") or {}
    attribution = ev.get("attribution") or {}
    return {
        "event_date": date.get("earliest") or "",
        "event_type": acled.get("event_type") or "",
        "sub_event_type": acled.get("sub_event_type") or "",
        "actor1": label(sources[0]) if sources else "",
        "actor2": label(targets[0]) if targets else "",
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", "") if loc.get("lat") is not None else "",
        "time_precision": TIME_PRECISION.get(date.get("precision") or "", ""),
        "fatalities": min(fatalities) if fatalities else 0,
        "notes": (ev.get("evidence") or {}).get("text", ""),
        "source": doc.get("source") or doc.get("url") or doc.get("path") or "",
        "event_id": ev.get("id", ""),
        "plover_type": ev.get("type", ""),
        "plover_mode": ev.get("mode") or "",
        "cameo": ev.get("cameo") or "",
        "status": ev.get("status", ""),
        "assoc_actor_1": "; ".join(label(a) for a in sources[1:]),
        "date_earliest": date.get("earliest") or "",
        "date_latest": date.get("latest") or "",
        "date_basis": date.get("basis") or "",
        "location_precision": loc.get("precision") or "",
        "attribution": attribution.get("name") or attribution.get("text") or "",
        "confidence": ev.get("confidence", ""),
        "document_id": doc.get("id", ""),
    }


def rows(kind: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    """Flatten one record into CSV/table rows."""
    if kind == "events":
        return [event_row(record)]
    doc = record.get("document") or {}
    if kind == "documents":
        return [{
            "document_id": doc.get("id"), "path": doc.get("path") or "", "url": doc.get("url") or "",
            "title": doc.get("title") or "", "published": doc.get("published") or "", "source": doc.get("source") or "",
            "language": doc.get("language") or "", "body_chars": len(record.get("body") or ""),
            "zones": " ".join(f"{z['kind']}:{z['start']}-{z['end']}" for z in record.get("zones") or []),
        }]
    items = record.get(kind) or []
    cols = PLACE_COLUMNS if kind == "places" else DATE_COLUMNS
    return [{"document_id": doc.get("id"), **{c: it.get(c) for c in cols[1:]}} for it in items]


def columns(kind: str) -> list[str]:
    return {"events": EVENT_COLUMNS, "documents": DOCUMENT_COLUMNS, "places": PLACE_COLUMNS, "dates": DATE_COLUMNS}[kind]


def _features(kind: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    if kind == "events":
        loc = record.get("location") or {}
        geom = ({"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
                if loc.get("lat") is not None and loc.get("lon") is not None else None)
        return [{"type": "Feature", "id": record.get("id"), "geometry": geom, "properties": event_row(record)}]
    if kind == "places":
        out = []
        for row, place in zip(rows(kind, record), record.get("places") or [], strict=True):
            geom = ({"type": "Point", "coordinates": [place["lon"], place["lat"]]}
                    if place.get("lat") is not None and place.get("lon") is not None else None)
            out.append({"type": "Feature", "geometry": geom, "properties": row})
        return out
    return [{"type": "Feature", "geometry": None, "properties": row} for row in rows(kind, record)]


class Writer:
    """Streams records of one kind to ``stream`` in one format. Use as a context manager."""

    def __init__(self, kind: str, fmt: str, stream: TextIO, *, title: str | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown record kind {kind!r}")
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.kind, self.fmt, self.stream, self.title = kind, fmt, stream, title
        self.count = 0
        self._csv: csv.DictWriter[str] | None = None
        self._table_rows: list[dict[str, Any]] = []

    def __enter__(self) -> Writer:
        if self.fmt == "csv":
            self._csv = csv.DictWriter(self.stream, fieldnames=columns(self.kind), extrasaction="ignore")
            self._csv.writeheader()
        elif self.fmt == "geojson":
            self.stream.write('{"type": "FeatureCollection", "features": [\n')
        return self

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            assert self._csv is not None
            for row in rows(self.kind, record):
                self._csv.writerow(row)
        elif self.fmt == "geojson":
            for feat in _features(self.kind, record):
                self.stream.write((",\n" if self.count else "") + json.dumps(feat, ensure_ascii=False))
                self.count += 1
            return
        else:
            self._table_rows.extend(rows(self.kind, record))
        self.count += 1

    def __exit__(self, *exc: object) -> None:
        if self.fmt == "geojson":
            self.stream.write("\n]}\n")
        elif self.fmt == "table":
            print_table(self.kind, self._table_rows, self.stream, title=self.title)
        self.stream.flush()


TABLE_COLUMNS = {
    "events": ["event_date", "time_precision", "plover_type", "sub_event_type", "actor1", "actor2", "location",
               "geo_precision", "status", "notes"],
    "documents": ["document_id", "title", "published", "source", "body_chars"],
    "places": ["document_id", "text", "name", "country", "admin1", "precision", "lat", "lon"],
    "dates": ["document_id", "text", "type", "value", "earliest", "latest", "precision", "basis"],
}


def print_table(kind: str, table_rows: list[dict[str, Any]], stream: TextIO, *, title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for col in TABLE_COLUMNS[kind]:
        table.add_column(col, overflow="fold", max_width=60 if col == "notes" else 28)
    for row in table_rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in TABLE_COLUMNS[kind]))
    Console(file=stream, width=_table_width(stream)).print(table)


#: the width of a table written to a file or pipe, where no terminal says how wide it may be
PIPE_WIDTH = 200


def _table_width(stream: TextIO) -> int | None:
    """None (rich asks the terminal) on a terminal; else ``$COLUMNS`` when set to a number, else :data:`PIPE_WIDTH`."""
    if stream.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else PIPE_WIDTH


def write_all(kind: str, records: Iterable[dict[str, Any]], fmt: str, stream: TextIO) -> int:
    with Writer(kind, fmt, stream) as w:
        for r in records:
            w.write(r)
    return w.count
