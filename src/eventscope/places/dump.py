"""GeoNames country dumps: download ``{CC}.zip`` and read the tab-separated 19-column rows, strictly.

A dump is read line by line; any line that is not a well-formed GeoNames row (wrong column count, a number that is
not one, a coordinate out of range, control characters, a bad date) raises :class:`GazetteerError` naming the file
and the line, so a corrupt or truncated file is never half-merged (the installer works on a copy).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError

BASE_URL = "https://download.geonames.org/export/dump"
URL_ENV = "EVENTSCOPE_GEONAMES_URL"
COLUMNS = 19
TIMEOUT_S = 60.0
_CODE = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class DumpRow:
    """The columns of one GeoNames row that the gazetteer uses."""

    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str  # ISO2
    admin1: str
    population: int


def base_url() -> str:
    """Where country dumps are downloaded from: $EVENTSCOPE_GEONAMES_URL or the GeoNames server."""
    return os.environ.get(URL_ENV, BASE_URL).rstrip("/")


def country_code(code: str) -> str:
    """A validated two-letter country code (upper case)."""
    cc = code.strip().upper()
    if not _CODE.match(cc):
        raise GazetteerError(f"E020: {code!r} is not a two-letter country code (e.g. SY, IQ)")
    return cc


def download(code: str, dest_dir: Path, url: str | None = None) -> Path:
    """Fetch ``{CC}.zip`` into ``dest_dir`` and return its path."""
    cc = country_code(code)
    src = f"{(url or base_url()).rstrip('/')}/{cc}.zip"
    dest = Path(dest_dir) / f"{cc}.zip"
    try:
        with urllib.request.urlopen(src, timeout=TIMEOUT_S) as resp, dest.open("wb") as out:  # noqa: S310
            shutil.copyfileobj(resp, out)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        dest.unlink(missing_ok=True)
        raise GazetteerError(f"E020: could not download {src}: {exc}") from exc
    return dest


def _parse(fields: list[str]) -> DumpRow:
    gid = int(fields[0])
    lat, lon = float(fields[4]), float(fields[5])
    if gid <= 0:
        raise ValueError("the geonameid is not a positive number")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range ({lat}, {lon})")
    if not fields[1].strip():
        raise ValueError("the name is empty")
    if len(fields[6]) > 1 or not _CODE.match(fields[8]) and fields[8]:
        raise ValueError("the feature class or country code is malformed")
    if fields[18] and not _DATE.match(fields[18]):
        raise ValueError(f"the modification date {fields[18]!r} is malformed")
    population = int(fields[14]) if fields[14] else 0
    if population < 0:
        raise ValueError("the population is negative")
    alternates = tuple(a for a in fields[3].split(",") if a)
    return DumpRow(gid, fields[1].strip(), fields[2].strip(), alternates, lat, lon, fields[6], fields[7], fields[8],
                   fields[10], population)  # fmt: skip


def read_lines(lines: Iterator[bytes], source: str) -> Iterator[DumpRow]:
    """Rows of a dump given as byte lines; ``source`` names the file in errors."""
    n = 0
    try:
        for n, raw in enumerate(lines, 1):
            if not raw.endswith(b"\n"):
                raise GazetteerError(f"E020: {source}, line {n}: the file ends in the middle of a line (truncated?)")
            try:
                line = raw.decode("utf-8").rstrip("\n").rstrip("\r")
            except UnicodeDecodeError as exc:
                raise GazetteerError(f"E020: {source}, line {n}: not UTF-8 ({exc.reason})") from None
            if not line.strip():
                continue
            if _CONTROL.search(line):
                raise GazetteerError(f"E020: {source}, line {n}: control characters in a GeoNames row")
            fields = line.split("\t")
            if len(fields) != COLUMNS:
                raise GazetteerError(
                    f"E020: {source}, line {n}: {len(fields)} columns, a GeoNames row has {COLUMNS} (truncated?)"
                )
            try:
                yield _parse(fields)
            except ValueError as exc:
                raise GazetteerError(f"E020: {source}, line {n}: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise GazetteerError(f"E020: {source}, after line {n}: the archive is corrupt or truncated ({exc})") from exc
    if n == 0:
        raise GazetteerError(f"E020: {source}: no GeoNames rows")


def read_dump(path: Path) -> Iterator[DumpRow]:
    """Rows of a local dump: a ``.txt`` file or the ``.zip`` GeoNames serves (its ``{CC}.txt`` member)."""
    path = Path(path)
    if not path.is_file():
        raise GazetteerError(f"E020: {path}: no such file")
    if zipfile.is_zipfile(path) or path.suffix.lower() == ".zip":
        yield from _read_zip(path)
        return
    try:
        with path.open("rb") as fh:
            yield from read_lines(iter(fh), str(path))
    except OSError as exc:
        raise GazetteerError(f"E020: {path}: could not be read ({exc})") from exc


def _read_zip(path: Path) -> Iterator[DumpRow]:
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.lower().endswith(".txt") and "readme" not in m.lower()]
            if len(members) != 1:
                raise GazetteerError(f"E020: {path}: expected one GeoNames .txt file in the archive, found {members}")
            source = f"{path}:{members[0]}"
            with zf.open(members[0]) as raw:
                yield from read_lines(iter(io.BufferedReader(raw)), source)  # type: ignore[arg-type]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise GazetteerError(f"E020: {path}: the archive is corrupt or truncated ({exc})") from exc


def scratch_dir(near: Path) -> tempfile.TemporaryDirectory[str]:
    """A temporary directory beside ``near`` for downloads (same file system as the gazetteer)."""
    near.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=".geonames-", dir=near.parent)
