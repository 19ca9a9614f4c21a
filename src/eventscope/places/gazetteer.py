"""The gazetteer: a read-only SQLite index of place names, compiled on first use (see :mod:`.build`)."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .._version import __version__
from ..errors import GazetteerError
from .build import SCHEMA_VERSION, build
from .normalize import name_key

ENV_VAR = "EVENTSCOPE_GAZETTEER"
LOCK_STALE_S = 600.0
LOOKUP_LIMIT = 40

_COLS = (
    "id, geonameid, name, lat, lon, country_iso2, country_iso3, admin1_code, admin1_name, feature, population, "
    "min_lat, max_lat, min_lon, max_lon"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int  # internal id (the GeoNames id for places and countries, negative for divisions and regions)
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    country_iso2: str | None
    admin1_code: str | None
    admin1: str | None  # first-level division name
    feature: str  # PPL, PPLC, ADM1, PCLI, CONT, RGN, STM, ROUTE
    population: int
    bbox: tuple[float, float, float, float] | None = None  # min_lat, max_lat, min_lon, max_lon (areas only)
    kind: int = 0  # how the name matched: 0 the entry's own name, 1 a curated alias, 2 an alternate name

    def label(self) -> str:
        return f"{self.name} ({self.country or '-'}, {self.geonameid if self.geonameid is not None else self.id})"


def _candidate(row: tuple, kind: int = 0) -> Candidate:
    bbox = tuple(row[11:15]) if row[11] is not None else None
    return Candidate(
        row[0], row[1], row[2], row[3], row[4], row[6], row[5], row[7], row[8], row[9], row[10] or 0, bbox, kind
    )  # type: ignore[arg-type]


def default_path() -> Path:
    """Where the compiled gazetteer lives: $EVENTSCOPE_GAZETTEER or the user data dir."""
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("eventscope")) / f"gazetteer-{__version__}.sqlite"


def _is_current(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == SCHEMA_VERSION


def ensure_built(path: Path) -> None:
    """Build the gazetteer at ``path`` unless a current one is there; safe against concurrent builders."""
    if path.exists() and _is_current(path):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + LOCK_STALE_S
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if path.exists() and _is_current(path):
                return
            with contextlib.suppress(OSError):
                if time.time() - lock.stat().st_mtime > LOCK_STALE_S:
                    lock.unlink()  # a builder died holding the lock
                    continue
            if time.monotonic() > deadline:
                raise GazetteerError(f"E020: timed out waiting for another process to build {path}") from None
            time.sleep(0.2)
    try:
        os.close(fd)
        if path.exists() and _is_current(path):
            return
        tmp_fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(tmp_fd)
        tmp = Path(tmp_name)
        try:
            tmp.unlink()
            build(tmp)
            os.replace(tmp, path)
        except Exception as exc:
            tmp.unlink(missing_ok=True)
            raise GazetteerError(f"E020: could not build the gazetteer at {path}: {exc}") from exc
    finally:
        lock.unlink(missing_ok=True)


class Gazetteer:
    """Name lookups over the compiled index. Cheap to open; lookups are cached per instance."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path
        self.lookup_key = functools.lru_cache(maxsize=131_072)(self._lookup_key)
        self._by_id = functools.lru_cache(maxsize=16_384)(self._get)

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open (building on first use) the gazetteer at ``path`` or :func:`default_path`."""
        path = Path(path) if path is not None else default_path()
        ensure_built(path)
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA query_only = 1")
        except sqlite3.Error as exc:
            raise GazetteerError(f"E020: could not open the gazetteer at {path}: {exc}") from exc
        return cls(con, path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        rows = self._con.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLS.split(','))}, n.kind FROM names n "
            "JOIN places p ON p.id = n.id WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
            (key, LOOKUP_LIMIT),
        ).fetchall()
        return tuple(_candidate(r[:-1], r[-1]) for r in rows)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to, most populous first."""
        return list(self.lookup_key(name_key(name)))

    def known(self, name: str) -> bool:
        return bool(self.lookup_key(name_key(name)))

    def _get(self, pid: int) -> Candidate | None:
        row = self._con.execute(f"SELECT {_COLS} FROM places WHERE id = ?", (pid,)).fetchone()
        return _candidate(row) if row else None

    def get(self, pid: int) -> Candidate | None:
        """The entry with this internal id (a GeoNames id for places and countries)."""
        return self._by_id(pid)

    def country(self, code_or_name: str) -> Candidate | None:
        """A country by ISO3, ISO2 or name."""
        q = code_or_name.strip()
        if q.isupper() and len(q) in (2, 3):
            col = "country_iso3" if len(q) == 3 else "country_iso2"
            row = self._con.execute(f"SELECT {_COLS} FROM places WHERE feature = 'PCLI' AND {col} = ?", (q,)).fetchone()
            if row:
                return _candidate(row)
        return next((c for c in self.lookup(q) if c.feature == "PCLI"), None)

    def admin1(self, name: str, country: str | None = None) -> list[Candidate]:
        """First-level divisions with this name (optionally in one country, ISO2 or ISO3)."""
        return [
            c
            for c in self.lookup(name)
            if c.feature == "ADM1" and (country is None or country in (c.country, c.country_iso2))
        ]

    def admin1_of(self, place: Candidate) -> Candidate | None:
        """The first-level division a place lies in."""
        if place.feature == "ADM1":
            return place
        if not place.admin1_code or not place.country_iso2:
            return None
        row = self._con.execute(
            f"SELECT {_COLS} FROM places WHERE country_iso2 = ? AND admin1_code = ? AND feature = 'ADM1'",
            (place.country_iso2, place.admin1_code),
        ).fetchone()
        return _candidate(row) if row else None

    def stats(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta").fetchall())
