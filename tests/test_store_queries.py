"""Store queries: each filter, their combination, ordering, great-circle search (antimeridian, poles), countries."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.errors import StoreError
from eventscope.model import (
    Acled,
    Actor,
    Document,
    Event,
    EventDate,
    Place,
    PublishedDate,
    Span,
    content_hash,
    event_id,
)
from eventscope.store import QueryError, Store, haversine_km, resolve_country
from eventscope.store.queries import EARTH_RADIUS_KM, bounding_box

# Four short articles of our own. Each event: (trigger, PLOVER type, ACLED (type, sub-type), status,
# place (text, lat, lon, ISO3) or None, date interval or None, actors [(role, text, country)]).
ARTICLES: list[dict[str, Any]] = [
    {
        "locator": "patrol.txt",
        "published": dt.date(2020, 12, 28),
        "text": "Joint patrol near Ain Issa\n\nRussian and Turkish troops held a joint patrol east of Ain Issa on "
        "Sunday, a monitoring group reported.\n",
        "events": [
            (
                "held a joint patrol",
                "COOPERATE",
                ("Strategic developments", "Other"),
                "asserted",
                ("Ain Issa", 36.39, 38.86, "SYR"),
                (dt.date(2020, 12, 27),) * 2,
                [("source", "Russian", "RUS"), ("source", "Turkish troops", "TUR")],
            ),
        ],
    },
    {
        "locator": "kidal.txt",
        "published": dt.date(2024, 3, 4),
        "text": "Fighting near Kidal\n\nSoldiers exchanged fire with rebels near Kidal on Sunday, officials said. "
        "Separately, an armed group claimed a drone strike on a supply convoy.\n",
        "events": [
            (
                "exchanged fire",
                "ASSAULT",
                ("Battles", "Armed clash"),
                "asserted",
                ("Kidal", 18.44, 1.41, "MLI"),
                (dt.date(2024, 3, 3),) * 2,
                [("source", "Soldiers", "MLI"), ("target", "rebels", None)],
            ),
            (
                "drone strike",
                "ASSAULT",
                ("Explosions/Remote violence", "Air/drone strike"),
                "claimed",
                None,
                None,
                [("source", "an armed group", None)],
            ),
        ],
    },
    {
        "locator": "bamako.txt",
        "published": dt.date(2024, 3, 17),
        "text": "Fuel price march in Bamako\n\nThousands of residents marched through Bamako last week against "
        "rising fuel prices, organisers said.\n",
        "events": [
            (
                "marched",
                "PROTEST",
                ("Protests", "Peaceful protest"),
                "asserted",
                ("Bamako", 12.65, -8.0, "MLI"),
                (dt.date(2024, 3, 4), dt.date(2024, 3, 10)),
                [("source", "Thousands of residents", "MLI")],
            ),
        ],
    },
    {
        "locator": "lau.txt",
        "published": None,
        "text": "Police post attacked in Lau\n\nResidents of Vanua Balavu said a police post was attacked by a "
        "group of men overnight.\n",
        "events": [
            (
                "attacked",
                "ASSAULT",
                ("Violence against civilians", "Attack"),
                "asserted",
                ("Vanua Balavu", -17.2, -178.95, "FJI"),
                None,
                [],
            ),
        ],
    },
]


def _span(text: str, sub: str, after: int = 0) -> Span:
    found = re.compile(rf"(?<!\w){re.escape(sub)}(?!\w)").search(text, after)
    assert found, sub
    return Span(found.start(), found.end(), sub)


def _build(article: dict[str, Any]) -> tuple[Document, list[Event]]:
    text = article["text"]
    body = text.index("\n\n") + 2
    pub = article["published"]
    doc = Document(
        id=content_hash(text),
        text=text,
        locator=article["locator"],
        path=article["locator"],
        title=text[: body - 2],
        published=PublishedDate(pub) if pub else None,
    )
    events = []
    for trigger, type_, acled, status, where, when, actors in article["events"]:
        t = _span(text, trigger, body)
        s = max(text.rfind(". ", 0, t.start) + 2, body)
        e = text.index(".", t.end) + 1
        loc = None
        if where:
            ps = _span(text, where[0], body)
            loc = Place(ps.text, ps.start, ps.end, ps.text, None, where[1], where[2], where[3], None, "PPL", "place")
        acts = []
        for role, words, country in actors:
            a = _span(text, words, body)
            acts.append(Actor(role, a.text, a.start, a.end, words, country, None))
        events.append(
            Event(
                id=event_id(doc.content_hash, t, type_),
                document=doc.ref(),
                type=type_,
                mode=None,
                acled=Acled(*acled),
                cameo=None,
                actors=tuple(acts),
                location=loc,
                date=EventDate(when[0], when[1], "day", "explicit") if when else None,
                quantities=(),
                status=status,
                attribution=None,
                trigger=t,
                evidence=Span(s, e, text[s:e]),
                confidence=0.7,
            )
        )
    return doc, events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("store") / "events.db"
    with Store(path) as s:
        for article in reversed(ARTICLES):  # insertion order must not decide the output order
            s.ingest(*_build(article))
        yield s


def triggers(events: list[dict[str, Any]]) -> list[str]:
    return [e["trigger"]["text"] for e in events]


ALL = ["held a joint patrol", "exchanged fire", "drone strike", "marched", "attacked"]

FILTERS: list[tuple[dict[str, Any], list[str]]] = [
    ({}, ALL),
    ({"type": "assault"}, ["exchanged fire", "drone strike", "attacked"]),
    ({"type": "Battles"}, ["exchanged fire"]),
    ({"type": "AIR/DRONE STRIKE"}, ["drone strike"]),
    ({"type": "Peaceful protest"}, ["marched"]),
    ({"type": "riots"}, []),
    ({"country": "MLI"}, ["exchanged fire", "marched"]),
    ({"country": "Mali"}, ["exchanged fire", "marched"]),
    ({"country": "ml"}, ["exchanged fire", "marched"]),
    ({"country": "Turkey"}, ["held a joint patrol"]),  # an actor's country only
    ({"country": "Syria"}, ["held a joint patrol"]),  # the location's country only
    ({"country": "fiji"}, ["attacked"]),
    ({"since": dt.date(2024, 3, 5)}, ["marched"]),  # the week interval overlaps
    ({"since": dt.date(2024, 3, 11)}, []),
    ({"until": dt.date(2024, 3, 4)}, ["held a joint patrol", "exchanged fire", "marched"]),
    ({"until": dt.date(2024, 3, 2)}, ["held a joint patrol"]),
    ({"since": dt.date(2024, 1, 1), "until": dt.date(2024, 3, 3)}, ["exchanged fire"]),
    ({"status": "claimed"}, ["drone strike"]),
    ({"status": "ASSERTED", "country": "MLI", "type": "PROTEST"}, ["marched"]),
    ({"text": "fuel prices"}, ["marched"]),
    ({"text": "Kidal"}, ["exchanged fire", "drone strike"]),  # the title names Kidal
    ({"text": "convoy", "status": "asserted"}, []),
    ({"limit": 2}, ALL[:2]),
    ({"limit": 0}, []),
    ({"near": (18.5, 1.5), "within_km": 20}, ["exchanged fire"]),
    ({"near": (12.6392, -8.0029), "within_km": 2}, ["marched"]),
    ({"near": (15.0, -3.0), "within_km": 400}, []),  # between Kidal and Bamako, reaching neither
    ({"near": (15.0, -3.0), "within_km": 800}, ["exchanged fire", "marched"]),
    ({"near": (15.0, -3.0), "within_km": 800, "limit": 1}, ["exchanged fire"]),
    # across the antimeridian: Vanua Balavu is at 178.95 W
    ({"near": (-17.2, 179.8), "within_km": 150}, ["attacked"]),
    ({"near": (-17.2, 179.8), "within_km": 120}, []),
    ({"near": (-17.2, -178.0), "within_km": 150}, ["attacked"]),
    ({"near": (-17.2, 180.0), "within_km": 20_000}, ALL[:2] + ALL[3:]),  # the whole globe: every located event
    ({"near": (89.9, 0.0), "within_km": 500}, []),  # the box reaches the pole
]


@pytest.mark.parametrize(("kwargs", "expected"), FILTERS)
def test_filters(store: Store, kwargs: dict[str, Any], expected: list[str]) -> None:
    assert triggers(store.events(**kwargs)) == expected


def test_events_are_the_stored_dicts(store: Store) -> None:
    built = {e.id: e.to_dict() for a in ARTICLES for e in _build(a)[1]}
    got = store.events()
    assert len(got) == len(built)
    assert all(e == built[e["id"]] for e in got)


def test_documents_in_publication_order(store: Store) -> None:
    docs = store.documents()
    assert [d["locator"] for d in docs] == ["patrol.txt", "kidal.txt", "bamako.txt", "lau.txt"]
    assert [d["events"] for d in docs] == [1, 2, 1, 1]
    assert store.stats()["events_by_type"] == {"ASSAULT": 3, "COOPERATE": 1, "PROTEST": 1}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"country": "Atlantis"}, "unknown country"),
        ({"near": (1.0, 2.0)}, "within_km"),
        ({"within_km": 5}, "within_km"),
        ({"near": (91.0, 0.0), "within_km": 5}, "lat, lon"),
        ({"since": dt.date(2024, 2, 1), "until": dt.date(2024, 1, 1)}, "after"),
        ({"limit": -1}, "limit"),
    ],
)
def test_bad_filters(store: Store, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=message) as err:
        store.events(**kwargs)
    assert isinstance(err.value, StoreError) and isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("SYR", "SYR"),
        ("syr", "SYR"),
        ("SY", "SYR"),
        ("Syria", "SYR"),
        ("Syrian Arab Republic", "SYR"),
        ("Russia", "RUS"),
        ("the United States", "USA"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Democratic Republic of the Congo", "COD"),
        ("XKX", "XKX"),
        (" türkiye ", "TUR"),
    ],
)
def test_resolve_country(name: str, iso3: str) -> None:
    assert resolve_country(name) == iso3


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.6),  # Paris - London
        ((-17.0, 179.9), (-17.0, -179.9), 21.3),  # across the antimeridian
        ((0.0, 0.0), (0.0, 180.0), math.pi * EARTH_RADIUS_KM),
        ((90.0, 0.0), (90.0, 123.0), 0.0),
    ],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.2)


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    p, lam, th, d = math.radians(lat), math.radians(lon), math.radians(bearing), km / EARTH_RADIUS_KM
    p2 = math.asin(math.sin(p) * math.cos(d) + math.cos(p) * math.sin(d) * math.cos(th))
    l2 = lam + math.atan2(math.sin(th) * math.sin(d) * math.cos(p), math.cos(d) - math.sin(p) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


@settings(max_examples=400, deadline=None)
@given(
    lat=st.floats(-89.0, 89.0),
    lon=st.floats(-180.0, 180.0),
    km=st.floats(0.1, 3000.0),
    bearing=st.floats(0.0, 360.0),
    frac=st.floats(0.0, 0.999),
)
def test_bounding_box_holds_the_circle(lat: float, lon: float, km: float, bearing: float, frac: float) -> None:
    plat, plon = _destination(lat, lon, bearing, km * frac)
    lat_lo, lat_hi, lon_ranges = bounding_box(lat, lon, km)
    eps = 1e-9
    assert lat_lo - eps <= plat <= lat_hi + eps
    if lon_ranges is not None:
        assert any(lo - eps <= plon <= hi + eps for lo, hi in lon_ranges)
        assert all(-180.0 <= lo <= hi <= 180.0 for lo, hi in lon_ranges)
