"""Export: every format, every record kind; CSV uses ACLED-style columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from eventscope.export import EVENT_COLUMNS, FORMATS, KINDS, Writer, event_row, print_table, write_all
from eventscope.model import Acled, Actor, Event, EventDate, Place, Quantity, Span

TEXT = "Army units shelled the town of Sample overnight, killing three people."


def make_event(lat: float | None = 35.0, precision: str = "place") -> dict:
    ev = Event(
        id="e1",
        document={"id": "d1", "path": "a.txt", "title": "T", "published": "2021-03-09", "source": "Wire"},
        type="ASSAULT", mode="heavy-weapons", acled=Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        cameo="194",
        actors=(Actor("source", "Army units", 0, 10, "Army", "SYR", "MIL", 1),
                Actor("source", "allied militia", 0, 0, "Militia", "SYR", "REB", 3)),
        location=Place("Sample", 31, 37, "Sample", 1, lat, 36.0 if lat is not None else None, "SYR", "Idlib", "PPL",
                       precision),
        date=EventDate(dt.date(2021, 3, 8), dt.date(2021, 3, 9), "day", "relative to publication date", "overnight",
                       38, 47),
        quantities=(Quantity("fatalities", 3, "three people", 57, 69), Quantity("fatalities", 5, "five", 0, 4)),
        status="asserted", attribution=None, trigger=Span(11, 18, "shelled"), evidence=Span(0, len(TEXT), TEXT),
        confidence=0.8,
    )
    return ev.to_dict()


def test_event_row_is_acled_style() -> None:
    row = event_row(make_event())
    assert list(row)[:15] == ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                              "location", "latitude", "longitude", "geo_precision", "time_precision", "fatalities",
                              "notes", "source"]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Army" and row["assoc_actor_1"] == "Militia" and row["actor2"] == ""
    assert row["fatalities"] == 3  # the most conservative figure
    assert row["geo_precision"] == 1 and row["time_precision"] == 1


@pytest.mark.parametrize(("precision", "code"), [("place", 1), ("near", 2), ("region", 3), ("admin1", 3), ("country", 3)])
def test_geo_precision_codes(precision: str, code: int) -> None:
    assert event_row(make_event(precision=precision))["geo_precision"] == code


def test_a_place_without_coordinates_has_no_geo_precision() -> None:
    row = event_row(make_event(lat=None))
    assert row["latitude"] == "" and row["geo_precision"] == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_events(fmt: str) -> None:
    out = io.StringIO()
    n = write_all("events", [make_event(), make_event(lat=None)], fmt, out)
    text = out.getvalue()
    assert n == 2
    if fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert [e["id"] for e in lines] == ["e1", "e1"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == EVENT_COLUMNS
        assert rows[1]["latitude"] == ""
    elif fmt == "geojson":
        fc = json.loads(text)
        assert fc["type"] == "FeatureCollection"
        assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.0, 35.0]}
        assert fc["features"][1]["geometry"] is None
    else:
        assert "ASSAULT" in text and "Sample" in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_kind_in_every_format(kind: str, fmt: str) -> None:
    record = {
        "events": make_event(),
        "documents": {"document": {"id": "d1", "title": "T"}, "body": "abc", "zones": [{"kind": "body", "start": 0, "end": 3, "reason": "prose"}]},
        "places": {"document": {"id": "d1"}, "places": [{"text": "X", "start": 0, "end": 1, "name": "X", "lat": 1.0, "lon": 2.0}]},
        "dates": {"document": {"id": "d1"}, "dates": [{"text": "Sunday", "start": 0, "end": 6, "type": "DATE", "value": "2020-12-27"}]},
    }[kind]
    out = io.StringIO()
    write_all(kind, [record], fmt, out)
    assert out.getvalue().strip()
    if fmt == "geojson":
        assert json.loads(out.getvalue())["features"]


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        Writer("events", "xml", io.StringIO())


@pytest.mark.parametrize(("columns", "widest"), [(None, 200), ("100", 100), ("abc", 200), ("10", 200)])
def test_table_to_a_pipe_fits_columns_when_given(monkeypatch: pytest.MonkeyPatch, columns: str | None,
                                                  widest: int) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    row = {"document_id": "d" * 30, "text": "t" * 30, "name": "n" * 30, "country": "SYR", "admin1": "a" * 30,
           "precision": "place", "lat": 36.5, "lon": 38.9}
    out = io.StringIO()
    print_table("places", [row] * 2, out)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= widest
    assert (max(len(line) for line in lines) > 100) == (widest == 200)  # 200 fits the row unfolded, 100 folds it
