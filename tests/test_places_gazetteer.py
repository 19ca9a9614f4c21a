"""Gazetteer: lookups over the compiled index, countries and divisions, and the atomic, locked build."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from eventscope.errors import GazetteerError
from eventscope.places import gazetteer as gz
from eventscope.places.build import SCHEMA_VERSION
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
