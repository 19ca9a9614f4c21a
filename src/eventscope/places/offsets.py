"""Relative positions: "4 km to the west of B" moves B's point (precision "near", basis "offset"); "north of B",
"near B", "outside B" widen B's precision; "A, about 10 km south of B" places A at that point.

The distance words are estimates ("several km" is about 5), not ACLED's conservative counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Place
from ..numbers import CARDINALS
from .gazetteer import Gazetteer
from .geodesy import destination
from .lexicon import DIRECTIONS, NEAR_HEADS, UNITS_KM

#: distance estimates: "several km" is about 5
NUMBER_WORDS = {
    **{w: n for w, n in CARDINALS.items() if n <= 10},
    "a few": 3,
    "several": 5,
    "dozens of": 30,
    "a": 1,
}
_DIR = "|".join(sorted((re.escape(d) for d in DIRECTIONS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS_KM), key=len, reverse=True))
_NUM = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
OFFSET_RE = re.compile(
    rf"(?P<num>{_NUM})\s*-?\s*(?P<unit>{_UNIT})\b\.?\s+(?:\([^)]{{0,30}}\)\s+)?(?:to\s+the\s+|)(?P<dir>{_DIR})\s+of\s+"
    r"(?:the\s+(?:\w+\s+)?(?:town|city|village|centre|center)\s+of\s+|the\s+)?$",
    re.IGNORECASE,
)
DIRECTION_OF_RE = re.compile(
    rf"\b(?P<dir>{_DIR})\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+|the\s+)?$", re.IGNORECASE
)
NEAR_BEFORE_RE = re.compile(
    r"\b(?:near|nearby|outside|around|close\s+to|(?:vicinity|outskirts|environs|area|suburbs)\s+of)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+|the\s+)?$",
    re.IGNORECASE,
)
#: what separates a place from an offset phrase in apposition to it ("A, about 10 km south of B")
APPOSITION_GAP_RE = re.compile(
    r"^\s*,?\s*(?:\(?\s*)?(?:about|some|around|nearly|roughly|approximately|just)?\s*$", re.I
)


def offset_place(place: Place, prefix: str, gaz: Gazetteer | None = None) -> Place | None:
    """``place`` moved by a "4 km to the west of" phrase ending ``prefix``; None when there is none."""
    if place.lat is None or place.lon is None:
        return None
    m = OFFSET_RE.search(prefix)
    if not m:
        return None
    num = m.group("num").lower()
    word = NUMBER_WORDS.get(num)
    value = float(word) if word is not None else float(num.replace(",", "."))
    km = float(value) * UNITS_KM[m.group("unit").lower()]
    bearing = DIRECTIONS[m.group("dir").lower()]
    lat, lon = destination(place.lat, place.lon, bearing, km)
    start = place.start - (len(prefix) - m.start())
    surface = prefix[m.start() :] + place.text
    return Place(
        surface,
        start,
        place.end,
        f"{km:g} km {m.group('dir').lower()} of {place.name}",
        None,
        round(lat, 5),
        round(lon, 5),
        place.country,
        place.admin1,
        "OFFSET",
        "near",
        place.score,
        place.runner_up,
        "offset",
    )


def appositive_to(moved: Place, inside: Sequence[Place], text: str, off: int) -> list[Place]:
    """The places an offset phrase is in apposition to ("A, about 10 km south of B" -> A)."""
    return [
        q for q in inside if q.end <= moved.start and APPOSITION_GAP_RE.match(text[q.end - off : moved.start - off])
    ]


def at_offset(place: Place, moved: Place) -> Place:
    """An unresolved name placed at the offset point its apposition gives (precision "near", basis "offset")."""
    return replace(place, lat=moved.lat, lon=moved.lon, country=moved.country, admin1=moved.admin1, feature="OFFSET",
                   precision="near", geonameid=None, basis="offset")  # fmt: skip


def near_after(text: str, end: int) -> bool:
    following = text[end : end + 20].split()
    return bool(following) and following[0].lower().strip(",.;") in NEAR_HEADS


def is_relative(prefix: str) -> bool:
    """Whether ``prefix`` ends with a relative position ("4 km to the west of", "north of the town of")."""
    return bool(OFFSET_RE.search(prefix) or DIRECTION_OF_RE.search(prefix))


__all__ = [
    "DIRECTION_OF_RE", "NEAR_BEFORE_RE", "NUMBER_WORDS", "OFFSET_RE", "appositive_to", "at_offset", "is_relative",
    "near_after", "offset_place",
]
