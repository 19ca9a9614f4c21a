"""Routes: an event on the road between two towns is located at both ends, precision "near", basis "route"."""

from __future__ import annotations

import pytest

import eventscope

CASES = [
    # (sentence, expected (name, country) of the event's locations)
    ("Gunmen ambushed a bus on the Kabul-Kandahar highway on Tuesday.", [("Kabul", "AFG"), ("Kandahār", "AFG")]),
    ("Militants attacked a convoy on the road between Gao and Ansongo, the army said.",
     [("Gao", "MLI"), ("Ansongo", "MLI")]),
    ("A roadside bomb hit an army truck on the road from Maiduguri to Damboa.",
     [("Maiduguri", "NGA"), ("Damboa", "NGA")]),
    ("Rebels set up checkpoints along the Goma-Rutshuru road, residents said.", [("Goma", "COD"), ("Rutshuru", "COD")]),
    ("Farmers blocked the highway linking Lahore and Islamabad for six hours.",
     [("Lahore", "PAK"), ("Islamabad", "PAK")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_route_ends_are_the_locations(text: str, expected: list[tuple[str, str]]) -> None:
    events = eventscope.extract(text, published="2024-05-08")
    assert events, text
    locs = events[0].locations
    assert [(p.name, p.country) for p in locs] == expected
    assert all(p.precision == "near" and p.basis == "route" for p in locs)
    assert events[0].location == locs[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town of the event's own clause, not on the route, wins over a road mentioned elsewhere
        ("Soldiers shelled Kidal on Monday after rebels closed the road from Gao to Anefis.", "Kidal"),
        # a road without two named ends is no route
        ("Gunmen ambushed a bus on the main road outside Maiduguri on Tuesday.", "Maiduguri"),
    ],
)
def test_not_a_route(text: str, name: str) -> None:
    events = eventscope.extract(text, published="2024-05-08")
    assert events and events[0].location is not None
    assert events[0].location.name == name and events[0].location.basis != "route"
