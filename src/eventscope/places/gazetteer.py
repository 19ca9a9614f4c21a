"""The gazetteer: a read-only SQLite index of place names, compiled on first use (see :mod:`.build`)."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import tempfile
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .._version import __version__
from ..errors import GazetteerError
from .build import KEY_FILTER, SCHEMA_VERSION, build, key_hash
from .normalize import name_key

ENV_VAR = "EVENTSCOPE_GAZETTEER"
LOCK_STALE_S = 600.0
LOOKUP_LIMIT = 40

#: columns in :class:`Candidate` field order (kind sits between population and the bounding box)
_PLACE_COLS = (
    "p.id, p.geonameid, p.name, p.lat, p.lon, p.country_iso3, p.country_iso2, p.admin1_code, p.admin1_name, "
    "p.feature, p.population"
)
_BOX_COLS = "p.min_lat, p.max_lat, p.min_lon, p.max_lon"
#: one indexed query per name: the names primary key, then the places rowid; no per-call SQL building
_LOOKUP_SQL = (
    f"SELECT {_PLACE_COLS}, n.kind, {_BOX_COLS} FROM names n JOIN places p ON p.id = n.id "
    "WHERE n.key = ? ORDER BY p.population DESC LIMIT ?"
)
_BY_ID_SQL = f"SELECT {_PLACE_COLS}, 0, {_BOX_COLS} FROM places p WHERE p.id = ?"
_COUNTRY_SQL = f"SELECT {_PLACE_COLS}, 0, {_BOX_COLS} FROM places p WHERE p.feature = 'PCLI' AND "
_ADMIN1_SQL = (
    f"SELECT {_PLACE_COLS}, 0, {_BOX_COLS} FROM places p "
    "WHERE p.country_iso2 = ? AND p.admin1_code = ? AND p.feature = 'ADM1'"
)
#: read-side pragmas: a page cache large enough for the hot part of the name index
_PRAGMAS = ("PRAGMA query_only = 1", "PRAGMA cache_size = -16000", "PRAGMA temp_store = MEMORY")


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to (a tuple: rows become candidates without per-field work)."""

    id: int  # internal id (the GeoNames id for places and countries, negative for divisions and regions)
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    country_iso2: str | None
    admin1_code: str | None
    admin1: str | None  # first-level division name
    feature: str  # PPL, PPLC, ADM1, PCLI, CONT, RGN, STM, ROUTE, or a GeoNames code from an installed dump
    population: int
    kind: int = 0  # how the name matched: 0 the entry's own name, 1 a curated alias, 2 an alternate name
    min_lat: float | None = None
    max_lat: float | None = None
    min_lon: float | None = None
    max_lon: float | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """min_lat, max_lat, min_lon, max_lon (areas only)."""
        if self.min_lat is None:
            return None
        return (self.min_lat, self.max_lat, self.min_lon, self.max_lon)  # type: ignore[return-value]

    def label(self) -> str:
        return f"{self.name} ({self.country or '-'}, {self.geonameid if self.geonameid is not None else self.id})"


_make = Candidate._make


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


@contextlib.contextmanager
def locked(path: Path, wait_s: float = LOCK_STALE_S) -> Iterator[None]:
    """Hold the build/install lock of the gazetteer at ``path`` (a lock file beside it; stale locks are broken)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - lock.stat().st_mtime > LOCK_STALE_S:
                    lock.unlink()  # a builder died holding the lock
                    continue
            if time.monotonic() > deadline:
                raise GazetteerError(f"E020: timed out waiting for another process to update {path}") from None
            time.sleep(0.2)
    try:
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def ensure_built(path: Path, force: bool = False) -> None:
    """Build the gazetteer at ``path`` unless a current one is there (``force``: rebuild anyway); safe against
    concurrent builders."""
    if not force and path.exists() and _is_current(path):
        return
    with locked(path):
        if not force and path.exists() and _is_current(path):
            return  # another process built it while we waited
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


class Gazetteer:
    """Name lookups over the compiled index. Cheap to open; lookups are cached per instance."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path
        row = con.execute("SELECT data FROM blobs WHERE name = ?", (KEY_FILTER,)).fetchone()
        self._hashes: array[int] | None = None
        if row is not None:
            self._hashes = array("I")
            self._hashes.frombytes(row[0])
        self.lookup_key = functools.lru_cache(maxsize=131_072)(self._lookup_key)
        self._by_id = functools.lru_cache(maxsize=16_384)(self._get)

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open (building on first use) the gazetteer at ``path`` or :func:`default_path`."""
        path = Path(path) if path is not None else default_path()
        ensure_built(path)
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            for pragma in _PRAGMAS:
                con.execute(pragma)
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
        hashes = self._hashes
        if hashes is not None:
            h = key_hash(key)
            i = bisect_left(hashes, h)
            if i == len(hashes) or hashes[i] != h:
                return ()  # not a key of the index: no query
        return tuple(map(_make, self._con.execute(_LOOKUP_SQL, (key, LOOKUP_LIMIT))))

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to, most populous first."""
        return list(self.lookup_key(name_key(name)))

    def known(self, name: str) -> bool:
        return bool(self.lookup_key(name_key(name)))

    def _get(self, pid: int) -> Candidate | None:
        row = self._con.execute(_BY_ID_SQL, (pid,)).fetchone()
        return _make(row) if row else None

    def get(self, pid: int) -> Candidate | None:
        """The entry with this internal id (a GeoNames id for places and countries)."""
        return self._by_id(pid)

    def country(self, code_or_name: str) -> Candidate | None:
        """A country by ISO3, ISO2 or name."""
        q = code_or_name.strip()
        if q.isupper() and len(q) in (2, 3):
            col = "p.country_iso3" if len(q) == 3 else "p.country_iso2"
            row = self._con.execute(f"{_COUNTRY_SQL}{col} = ?", (q,)).fetchone()
            if row:
                return _make(row)
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
        row = self._con.execute(_ADMIN1_SQL, (place.country_iso2, place.admin1_code)).fetchone()
        return _make(row) if row else None

    def stats(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta").fetchall())
