"""The two seed articles (read from ../shared, skipped when absent): their places and one event location."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.model import Span
from eventscope.nlp import load_model, parse
from eventscope.places import Gazetteer, event_location, geoparse
from eventscope.places.geodesy import haversine_km

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


@pytest.fixture(scope="module")
def parsed():  # noqa: ANN201
    nlp, gaz = load_model(), Gazetteer.open()
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        passages = parse(nlp, text, [("body", 0, len(text))])
        out[path.name[:3]] = (text, passages, geoparse(text, passages, gaz), gaz)
    return out


@pytest.mark.parametrize(
    ("seed", "name", "point", "km"),
    [("000", "Ain Issa", (36.3855, 38.8623), 25), ("001", "Kobane", (36.89095, 38.35347), 10)],
)
def test_seed_toponym(parsed, seed: str, name: str, point: tuple[float, float], km: float) -> None:  # noqa: ANN001
    text, _, places, _ = parsed[seed]
    hits = [p for p in places if p.text == name]
    assert hits
    assert all(p.lat is not None and haversine_km(p.lat, p.lon, *point) < km for p in hits)
    assert all(text[p.start : p.end] == p.text for p in places)


def test_seed_has_no_place_from_org_names(parsed) -> None:  # noqa: ANN001
    _, _, places, _ = parsed["000"]
    text = parsed["000"][0]
    for p in places:
        assert "Press TV" not in text[p.start : p.end + 9]


def test_seed_route_location(parsed) -> None:  # noqa: ANN001
    text, passages, places, gaz = parsed["001"]
    sentences = [(s, p.offset) for p in passages for s in p.doc.sents]
    route = next(x for x in sentences if "km to the west of" in x[0].text)
    main = next(x for x in sentences if "joint patrol in" in x[0].text)
    verb = next(t for t in main[0] if t.lemma_ == "conduct")
    trigger = Span(main[1] + verb.idx, main[1] + verb.idx + len(verb.text), verb.text)
    loc = event_location([main, route], trigger, places, gaz)
    assert loc is not None and loc.lat is not None
    assert haversine_km(loc.lat, loc.lon, 36.89095, 38.35347) < 30
    assert loc.precision == "near"
