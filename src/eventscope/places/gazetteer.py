"""The gazetteer: a read-only SQLite index of place names, compiled on first use (see :mod:`.build`). Name lookups
are served from a side file beside it (sorted key hashes and packed candidates, mapped into memory, compiled from
the SQLite tables once and recompiled when the gazetteer changes); everything else queries SQLite."""

from __future__ import annotations

import contextlib
import functools
import json
import mmap
import os
import sqlite3
import tempfile
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from zlib import crc32

from .._version import __version__
from ..errors import GazetteerError
from .build import ENTRY_RECORD, INDEX_FORMAT, KEY_FILTER, NO_ID, SCHEMA_VERSION, build, compile_lookup_index, key_hash
from .normalize import name_key

ENV_VAR = "EVENTSCOPE_GAZETTEER"
LOCK_STALE_S = 600.0
LOOKUP_LIMIT = 40
#: above this many places the name index stays in SQLite instead of memory (a large installed dump)
MEMORY_INDEX_MAX_PLACES = 2_000_000

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
_iter_unpack = ENTRY_RECORD.iter_unpack
_ENTRY_SIZE = ENTRY_RECORD.size
_new = tuple.__new__


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
    with contextlib.suppress(sqlite3.Error, OSError, KeyError):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            _load_index(con, path)  # compile the lookup side file now rather than at first open
        finally:
            con.close()


def index_path(path: Path) -> Path:
    """The side file holding the in-memory lookup index of the gazetteer at ``path``."""
    return path.with_name(path.name + ".lookup")


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [INDEX_FORMAT, LOOKUP_LIMIT, st.st_size, st.st_mtime_ns, st.st_ino]


_MAGIC = b"EVSCIDX\x00"


def _write_index(side: Path, header: dict[str, Any], sections: dict[str, bytes]) -> None:
    """Write the side file atomically: magic, header length, JSON header (section offsets), 8-aligned sections."""
    layout, pos = {}, 0
    for name, data in sections.items():
        layout[name] = [pos, len(data)]
        pos += -(-len(data) // 8) * 8
    head = json.dumps(header | {"sections": layout}).encode("utf-8")
    head += b" " * (-(len(_MAGIC) + 4 + len(head)) % 8)
    fd, tmp = tempfile.mkstemp(prefix=side.name + ".", suffix=".tmp", dir=side.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + len(head).to_bytes(4, "little") + head)
            for data in sections.values():
                fh.write(data + b"\x00" * (-len(data) % 8))
        os.chmod(tmp, 0o644)  # readable like the gazetteer itself (mkstemp creates 0600)
        os.replace(tmp, side)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _read_index(side: Path, stamp: list[int]) -> tuple[dict[str, Any], dict[str, memoryview]] | None:
    """The header and sections (memoryviews over a read-only map of the file) if the side file is current."""
    with open(side, "rb") as fh:
        start = fh.read(len(_MAGIC) + 4)
        if start[: len(_MAGIC)] != _MAGIC:
            return None
        header = json.loads(fh.read(int.from_bytes(start[len(_MAGIC) :], "little")))
        if header.get("stamp") != stamp:
            return None
        base = fh.tell()
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if hasattr(mapped, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        mapped.madvise(mmap.MADV_RANDOM)  # lookups touch scattered pages: no read-ahead into memory
    view = memoryview(mapped)
    return header, {name: view[base + at : base + at + n] for name, (at, n) in header["sections"].items()}


def _load_index(con: sqlite3.Connection, path: Path) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The lookup index of the gazetteer at ``path``: mapped from its side file when current, otherwise compiled
    from SQLite and saved (best effort); None for a gazetteer too large to hold in memory."""
    row = con.execute("SELECT value FROM meta WHERE key = 'places'").fetchone()
    if row is None or int(row[0]) > MEMORY_INDEX_MAX_PLACES:
        return None
    side, stamp = index_path(path), _stamp(path)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if (found := _read_index(side, stamp)) is not None:
            return found
    header, sections = compile_lookup_index(con, _LOOKUP_SQL, LOOKUP_LIMIT)
    header["stamp"] = stamp
    with contextlib.suppress(OSError):
        _write_index(side, header, sections)
    return header, {k: memoryview(v) for k, v in sections.items()}


class _MemoryIndex:
    """Name key -> candidates from flat arrays: a bisect over key hashes, then one unpack of packed records."""

    def __init__(self, header: dict[str, Any], sections: dict[str, Any]) -> None:
        self._top, self._hashes, self._key_off, self._ent_off = array("I"), array("I"), array("I"), array("I")
        self._top.frombytes(sections["key_top"])
        self._hashes.frombytes(sections["key_hash"])  # small arrays, copied: indexing them beats a memoryview
        self._key_off.frombytes(sections["key_off"])
        self._ent_off.frombytes(sections["ent_off"])
        self._key_blob = sections["key_blob"]
        self._entries = sections["entries"]
        self._names = str(sections["names"], "utf-8")  # decoded once: a str slice is the cheapest name
        self._tails = [tuple(x) for x in header["tails"]]
        self._boxes = [tuple(x) for x in header["boxes"]]
        self._null_points = frozenset(header["null_points"])

    def find(self, key: str) -> tuple[Candidate, ...]:
        """The candidates of a name key, as :meth:`Gazetteer.lookup_key` returns them."""
        if not key:
            return ()
        kb = key.encode("utf-8")
        hashes, koff, blob = self._hashes, self._key_off, self._key_blob
        h = crc32(kb)  # = key_hash(key)
        top = self._top
        bucket = h >> 16
        i, n = bisect_left(hashes, h, top[bucket], top[bucket + 1]), len(hashes)
        while i < n and hashes[i] == h:
            if blob[koff[i] : koff[i + 1]] == kb:
                break
            i += 1
        else:
            return ()
        names, tails, boxes, out = self._names, self._tails, self._boxes, []
        for pid, gid, start, end, lat, lon, t, pop, kind, box in _iter_unpack(
            self._entries[self._ent_off[i] * _ENTRY_SIZE : self._ent_off[i + 1] * _ENTRY_SIZE]
        ):
            head = (pid, None if gid == NO_ID else gid, names[start:end], lat, lon)
            out.append(_new(Candidate, head + tails[t] + (pop, kind) + boxes[box]))
        if i in self._null_points:  # rare: NaN stands for a NULL lat or lon
            out = [
                c._replace(lat=None if c.lat != c.lat else c.lat, lon=None if c.lon != c.lon else c.lon) for c in out
            ]
        return tuple(out)


class Gazetteer:
    """Name lookups over the compiled index. Cheap to open; lookups are cached per instance."""

    def __init__(self, con: sqlite3.Connection, path: Path, in_memory: bool = True) -> None:
        self._con = con
        self.path = path
        self._memory: _MemoryIndex | None = None
        if in_memory and (index := _load_index(con, path)) is not None:
            self._memory = _MemoryIndex(*index)
        self._hashes: array[int] | None = None
        if self._memory is not None:
            self._hashes = self._memory._hashes
        elif (row := con.execute("SELECT data FROM blobs WHERE name = ?", (KEY_FILTER,)).fetchone()) is not None:
            self._hashes = array("I")
            self._hashes.frombytes(row[0])
        find = self._memory.find if self._memory is not None else self._lookup_key
        self.lookup_key = functools.lru_cache(maxsize=131_072)(find)
        self._by_id = functools.lru_cache(maxsize=16_384)(self._get)

    @classmethod
    def open(cls, path: Path | None = None, in_memory: bool = True) -> Gazetteer:
        """Open (building on first use) the gazetteer at ``path`` or :func:`default_path`; ``in_memory``: serve
        name lookups from flat arrays (a side file beside the gazetteer, mapped into memory) rather than SQLite queries."""
        path = Path(path) if path is not None else default_path()
        ensure_built(path)
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            for pragma in _PRAGMAS:
                con.execute(pragma)
        except sqlite3.Error as exc:
            raise GazetteerError(f"E020: could not open the gazetteer at {path}: {exc}") from exc
        try:
            return cls(con, path, in_memory)
        except sqlite3.Error as exc:
            con.close()
            raise GazetteerError(f"E020: could not read the gazetteer at {path}: {exc}") from exc

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        if self._memory is not None:
            return self._memory.find(key)
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
