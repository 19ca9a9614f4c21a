"""Merge GeoNames country dumps into the compiled gazetteer: on a copy, renamed over the original when complete.

Kept from a dump: populated places of any size (class P, not historical or abandoned ones), first- and
second-level divisions (A), regions (L), terrain (T), water (H) and the sites conflict reporting names (S: airports,
bases, camps, dams, bridges, border posts). A row whose GeoNames id is already in the gazetteer replaces it; a
first-level division already compiled gains the dump's names instead of a second entry.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GazetteerError
from .build import ALTERNATE, PRIMARY, alternates, write_key_filter
from .dump import DumpRow, country_code, download, read_dump, scratch_dir
from .gazetteer import ensure_built, locked
from .normalize import name_key, strip_marks

#: feature codes kept per GeoNames class (None: every code of the class)
KEEP: dict[str, frozenset[str] | None] = {
    "P": None,
    "A": frozenset({"ADM1", "ADM2"}),
    "L": frozenset({"RGN", "RGNE", "AREA", "OILF"}),
    "T": frozenset({"MT", "MTS", "HLL", "HLLS", "ISL", "ISLS", "DSRT", "VAL", "PLN", "PASS", "CAPE", "PT"}),
    "H": frozenset({"STM", "LK", "SEA", "BAY", "GULF", "CNL", "RSV", "WAD", "STRT"}),
    "S": frozenset(
        {
            "AIRP",
            "AIRB",
            "AIRF",
            "MILB",
            "INSM",
            "CMP",
            "CMPRF",
            "DAM",
            "BDG",
            "PSTB",
            "CSTM",
            "PRN",
            "HSP",
            "FT",
            "PP",
            "PO",
            "OILR",
            "PS",
            "STNR",
        }
    ),  # fmt: skip
}
#: populated-place codes left out: historical, abandoned, destroyed-and-gone
SKIP_CODES = frozenset({"PPLH", "PPLQ", "PPLCH"})
DEFAULT_CLASSES = "PALTHS"


@dataclass(slots=True)
class InstallSummary:
    """What one install merged."""

    sources: list[str] = field(default_factory=list)
    rows_read: int = 0
    places_added: int = 0
    places_replaced: int = 0
    divisions_named: int = 0
    names_added: int = 0


def keep(row: DumpRow, classes: str = DEFAULT_CLASSES) -> bool:
    """Whether a dump row belongs in the gazetteer."""
    if row.feature_class not in classes or row.feature_code in SKIP_CODES:
        return False
    codes = KEEP.get(row.feature_class)
    return codes is None or row.feature_code in codes


def install_countries(path: Path, codes: Sequence[str] = (), files: Sequence[Path] = (), url: str | None = None,
                      classes: str = DEFAULT_CLASSES) -> InstallSummary:  # fmt: skip
    """Download the dumps of ``codes`` (from ``url`` or :func:`.dump.base_url`) and read local ``files``, then merge
    them all into the gazetteer at ``path`` in one step (nothing changes if any of them is bad)."""
    _check_classes(classes)
    codes = [country_code(c) for c in codes]
    if not codes and not files:
        raise GazetteerError("E020: name at least one country code or a dump file (--from FILE)")
    ensure_built(path)
    with scratch_dir(path) as tmp:
        fetched = [download(cc, Path(tmp), url) for cc in codes]
        return install(path, [*fetched, *map(Path, files)], classes)


def _check_classes(classes: str) -> None:
    unknown = set(classes) - set(KEEP)
    if unknown or not classes:
        raise GazetteerError(
            f"E020: unknown GeoNames feature classes {''.join(sorted(unknown))!r} (use {DEFAULT_CLASSES})"
        )


def install(path: Path, sources: Sequence[Path], classes: str = DEFAULT_CLASSES) -> InstallSummary:
    """Merge local dump files into the gazetteer at ``path`` (atomic: a copy is merged, then renamed)."""
    _check_classes(classes)
    ensure_built(path)
    with locked(path):
        fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            shutil.copyfile(path, tmp)
            summary = _merge(tmp, sources, classes)
            os.replace(tmp, path)
        except GazetteerError:
            tmp.unlink(missing_ok=True)
            raise
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise GazetteerError(f"E020: could not install into {path}: {exc}") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return summary


def _merge(db: Path, sources: Sequence[Path], classes: str) -> InstallSummary:
    summary = InstallSummary()
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        iso3 = dict(con.execute("SELECT country_iso2, country_iso3 FROM places WHERE feature = 'PCLI'").fetchall())
        divisions = {
            (cc, code): (pid, a1name)
            for pid, cc, code, a1name in con.execute(
                "SELECT id, country_iso2, admin1_code, admin1_name FROM places WHERE feature = 'ADM1'"
            )
        }
        existing = {r[0] for r in con.execute("SELECT id FROM places WHERE id > 0")}
        for src in sources:
            summary.sources.append(str(src))
            for row in read_dump(src):
                summary.rows_read += 1
                if keep(row, classes):
                    _merge_row(con, row, iso3, divisions, existing, summary)
        installed = set(filter(None, (_meta(con, "installed") or "").split(",")))
        installed.update(Path(s).name.split(".")[0].upper() for s in sources)
        counts = {
            "installed": ",".join(sorted(installed)),
            "places": str(con.execute("SELECT count(*) FROM places").fetchone()[0]),
            "names": str(con.execute("SELECT count(*) FROM names").fetchone()[0]),
        }
        con.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", counts.items())
        write_key_filter(con)
        con.commit()
    finally:
        con.close()
    return summary


def _meta(con: sqlite3.Connection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _merge_row(con: sqlite3.Connection, row: DumpRow, iso3: dict[str, str],
               divisions: dict[tuple[str, str], tuple[int, str]], existing: set[int],
               summary: InstallSummary) -> None:  # fmt: skip
    division = divisions.get((row.country, row.admin1))
    if row.feature_code == "ADM1" and division is not None:
        pid = division[0]  # the compiled division (its centre and box) gains the dump's names
        summary.divisions_named += 1
    else:
        pid = row.geonameid
        a1name = row.name if row.feature_code == "ADM1" else (division[1] if division else None)
        summary.places_replaced += pid in existing
        summary.places_added += pid not in existing
        existing.add(pid)
        con.execute(
            "INSERT OR REPLACE INTO places (id, geonameid, name, ascii, lat, lon, country_iso2, country_iso3, "
            "admin1_code, admin1_name, feature, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, row.geonameid, row.name, row.asciiname or strip_marks(row.name), row.lat, row.lon, row.country,
             iso3.get(row.country), row.admin1 or None, a1name, row.feature_code, row.population),
        )  # fmt: skip
        if row.feature_code == "ADM1":
            divisions[(row.country, row.admin1)] = (pid, row.name)
    names = _names(row)
    before = con.total_changes
    con.executemany(
        "INSERT INTO names (key, id, kind) VALUES (?, ?, ?) "
        "ON CONFLICT (key, id) DO UPDATE SET kind = excluded.kind WHERE excluded.kind < names.kind",
        ((k, pid, kind) for k, kind in names.items()),
    )
    summary.names_added += con.total_changes - before


def _names(row: DumpRow) -> dict[str, int]:
    out: dict[str, int] = {}
    for alt in alternates(row.alternates):
        if k := name_key(alt):
            out[k] = ALTERNATE
    for n in (row.name, row.asciiname):
        if k := name_key(n):
            out[k] = PRIMARY
    return out


def installed(con: sqlite3.Connection) -> list[str]:
    """Country codes (or dump names) merged so far."""
    return [c for c in (_meta(con, "installed") or "").split(",") if c]


__all__ = ["DEFAULT_CLASSES", "InstallSummary", "install", "install_countries", "installed", "keep"]
