"""Routes: an event "on the road from A to B", "on the A-B highway" or "along the road linking A and B" happened
somewhere along the route, so its places are the route's two ends, each with precision "near" and basis "route"
(ACLED codes such events at the nearest named town with geo_precision 2).

Two forms are read from the text of the event's sentence and its toponyms:

- a road noun, a linking word, then the two places: "the road from A to B", "the highway between A and B",
  "the main road linking A and B", "the route that connects A with B";
- two places joined by a hyphen, dash or slash before a road noun: "the A-B road", "the A–B highway". When the
  toponym finder took "A-B" as one name that the gazetteer lacks, its two halves are looked up (in the countries the
  document's other places are in first, then by population).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Place

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from .gazetteer import Candidate, Gazetteer

#: nouns naming a road or line along which an event can happen
ROAD_NOUNS = (
    "road", "roads", "highway", "highways", "motorway", "expressway", "freeway", "route", "axis", "corridor",
    "railway", "railroad", "rail line", "railway line", "supply route", "supply line", "main road", "trunk road",
    "track",
)  # fmt: skip
_ROAD = "|".join(sorted((re.escape(n) for n in ROAD_NOUNS), key=len, reverse=True))
#: the road noun and linking word right before the first place ("the road from ", "the highway that links ")
_LINK_BEFORE = re.compile(
    rf"\b(?:{_ROAD})\s+(?:(?:that|which)\s+)?(?:from|between|linking|links|linked|connecting|connects|joining|joins|"
    rf"leading\s+from|running\s+from|running\s+between)\s+(?:the\s+(?:town|city|village|port)\s+of\s+)?$",
    re.IGNORECASE,
)
#: what joins the two ends after the linking word ("A to B", "A and B", "A with B")
_LINK_GAP = re.compile(r"^\s*(?:to|and|with)\s+(?:the\s+(?:town|city|village|port)\s+of\s+)?$", re.IGNORECASE)
#: a hyphen, dash or slash between two names
_DASH_GAP = re.compile(r"^\s*[-–—/]\s*$")
#: a road noun right after the second end ("... road", "... highway")
_ROAD_AFTER = re.compile(rf"^\s*(?:{_ROAD})\b", re.IGNORECASE)
#: one name "A-B" that is two ends
_PAIR = re.compile(r"^(?P<a>[^\W\d_][\w'’. ]*?)\s*[-–—/]\s*(?P<b>[^\W\d_][\w'’. ]*)$")
#: what a route end may be (a town, not a country or division)
_END_PRECISIONS = frozenset({"place", "near"})


def route_places(sent: SpacySpan, off: int, places: Sequence[Place], gaz: Gazetteer | None = None) -> list[Place]:
    """The two ends of the first route named in the sentence (``off``: the passage offset of ``sent``'s doc), each
    with precision "near" and basis "route"; empty when the sentence names no route."""
    text = sent.doc.text
    s0, s1 = off + sent.start_char, off + sent.end_char
    inside = sorted((p for p in places if s0 <= p.start and p.end <= s1), key=lambda p: p.start)
    for a, b in zip(inside, inside[1:], strict=False):
        if a.end > b.start:
            continue
        gap = text[a.end - off : b.start - off]
        before = text[sent.start_char : a.start - off]
        linked = _LINK_BEFORE.search(before) and _LINK_GAP.match(gap)
        dashed = _DASH_GAP.match(gap) and _ROAD_AFTER.match(text[b.end - off : sent.end_char])
        if (linked or dashed) and _end(a) and _end(b):
            return [_as_end(a), _as_end(b)]
    if gaz is not None:
        for p in inside:
            m = _PAIR.match(p.text)
            if p.lat is None and m and _ROAD_AFTER.match(text[p.end - off : sent.end_char]):
                ends = _split(p, m, places, gaz)
                if ends:
                    return ends
    return []


def _end(p: Place) -> bool:
    return p.lat is not None and p.precision in _END_PRECISIONS


def _as_end(p: Place) -> Place:
    return replace(p, precision="near", basis="route")


def _split(p: Place, m: re.Match[str], places: Sequence[Place], gaz: Gazetteer) -> list[Place]:
    """The two halves of an unresolved "A-B" name, each looked up; empty unless both are towns."""
    countries = Counter(q.country for q in places if q.lat is not None and q.country)
    ends = []
    for key in ("a", "b"):
        name = m.group(key).strip()
        best = _town(gaz.lookup(name), countries)
        if best is None:
            return []
        start = p.start + m.start(key)
        ends.append(Place(text=name, start=start, end=start + len(name), name=best.name, geonameid=best.geonameid,
                          lat=best.lat, lon=best.lon, country=best.country, admin1=best.admin1,
                          feature=best.feature, precision="near", score=0.0, basis="route"))  # fmt: skip
    return ends


def _town(cands: Sequence[Candidate], countries: Counter[str]) -> Candidate | None:
    """The town a route end names: in the document's countries first, then the most populous."""
    towns = [c for c in cands if c.feature.startswith("PPL") and c.lat is not None]
    return max(towns, key=lambda c: (countries.get(c.country or "", 0), c.population), default=None)


__all__ = ["ROAD_NOUNS", "route_places"]
