"""The disambiguation score of a gazetteer candidate, with the document as context.

``score = 0.2·log10(population + 1) + feature bonus + 0.3 (own name or curated alias)
+ 1.2·(share of the document's unambiguous mentions in its country) + 0.5 / 0.25 (within 150 / 400 km of an
unambiguous place of the document) + 0.25 (inside a first-level division the document names)
- 1.0 (a division whose own city of the same name is also a candidate, matched as well or holding a quarter of
its people: "Aleppo", "New York" are the cities; "Rio Grande do Sul" is the state, not the city of Rio Grande,
which has that alternate name)``.
A town of fewer than 20,000 people named like a curated world region or sea loses 2.0 ("Middle East").
Second-level divisions (counties) are penalised the same way: "Monterrey" is the city, not its municipality.
Weights were set on GeoVirus (Acc@161); each term is reported through ``Place.score`` / ``runner_up``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .gazetteer import Candidate
from .geodesy import haversine_km

FEATURE_BONUS = {"PCLI": 1.0, "CONT": 1.0, "OCN": 1.0, "SEA": 0.8, "ISL": 0.8, "MTS": 0.8, "RGN": 0.8, "ROUTE": 0.8,
                 "ADM1": 0.5, "ADM2": 0.3, "PPLC": 0.6, "STM": 0.3}  # fmt: skip
MAX_ANCHORS = 25
#: curated world regions, continents and seas (no country) that outrank a small town of the same name
WORLD_FEATURES = frozenset({"RGN", "CONT", "OCN", "SEA"})
SMALL_TOWN = 20_000


@dataclass(slots=True)
class _Context:
    focus: Counter[str]  # country -> evidence (see EVIDENCE, COUNTRY_NAME_EVIDENCE)
    anchors: list[tuple[float, float]]
    divisions: frozenset[tuple[str | None, str | None]] = frozenset()  # (ISO3, admin1 code) the document names

    def share(self, country: str | None) -> float:
        total = sum(self.focus.values())
        return self.focus[country] / total if country and total else 0.0


#: score weights (see the module docstring)
W_POPULATION = 0.2  # per decade of population
W_OWN_NAME = 0.3  # the name is the entry's own (or a curated alias), not one of its alternate names
W_FOCUS = 1.2  # times the document's share of mentions in the candidate's country
W_NEAR, W_FAR = 0.5, 0.25  # within 150 / 400 km of an unambiguous place of the document
W_DIVISION = 0.25  # lies in a first-level division the document names ("Bradford ... Ontario")
#: a city of at least 1/CITY_SHARE of its division's people is what the shared name means ("New York")
CITY_SHARE = 4
W_WORLD = 2.0
#: evidence of the document's focus: an unambiguous place or a demonym counts EVIDENCE, a country's own name half
#: as much (the country an actor comes from is named as often as the scene: "Russia says its police patrolled
#: Ras al-Ain, a Syrian border town")
EVIDENCE, COUNTRY_NAME_EVIDENCE = 2, 1  # a small town named like a curated world region, ocean or continent


def score(c: Candidate, ctx: _Context, others: Sequence[Candidate] = ()) -> float:
    """The disambiguation score of one candidate (see the module docstring)."""
    s = W_POPULATION * math.log10(c.population + 1) + FEATURE_BONUS.get(c.feature, 0.0)
    s += W_OWN_NAME if c.kind <= 1 else 0.0
    s += W_FOCUS * ctx.share(c.country)
    if c.lat is not None and ctx.anchors and c.feature not in ("PCLI", "CONT", "RGN"):
        d = min(haversine_km(c.lat, c.lon, a, b) for a, b in ctx.anchors)  # type: ignore[arg-type]
        s += W_NEAR if d < 150 else W_FAR if d < 400 else 0.0
    if c.feature != "ADM1" and c.admin1_code and (c.country, c.admin1_code) in ctx.divisions:
        s += W_DIVISION
    if c.feature in ("ADM1", "ADM2") and any(
        o.feature.startswith("PPL")
        and o.country == c.country
        and o.admin1_code == c.admin1_code
        and (o.kind <= c.kind or o.population * CITY_SHARE >= c.population)
        for o in others
    ):
        s -= 1.0  # "Aleppo" alone is the city, not the governorate named after it
    if (
        c.feature.startswith("PPL")
        and c.population < SMALL_TOWN
        and any(o.country is None and o.kind <= 1 and o.feature in WORLD_FEATURES for o in others)
    ):
        s -= W_WORLD  # "the Middle East", "the Pacific": the world region, not a small town named after it
    return s


def _context(groups: Iterable[Sequence[Candidate]], norp: Counter[str]) -> _Context:
    focus: Counter[str] = Counter({k: v * EVIDENCE for k, v in norp.items() if k})
    anchors: list[tuple[float, float]] = []
    for cands in groups:
        countries = {c.country for c in cands if c.country}
        world = any(c.country is None and c.feature in WORLD_FEATURES for c in cands)  # "Middle East": no evidence
        top = cands[0] if cands else None
        if top is not None and top.country and top.feature == "PCLI" and top.kind <= 1 and not world:
            focus[top.country] += COUNTRY_NAME_EVIDENCE  # a country's own name ("Canada", not the hamlet Cañada)
        elif len(countries) == 1 and not world:
            focus[next(iter(countries))] += EVIDENCE
            best = cands[0]
            if best.lat is not None and best.feature.startswith("PPL") and len(anchors) < MAX_ANCHORS:
                anchors.append((best.lat, best.lon))  # type: ignore[arg-type]
    return _Context(focus, anchors)
