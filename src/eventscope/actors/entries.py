"""Actor records and the readers of actor files (built-in data and user YAML/CSV extensions)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EventscopeError

KINDS = frozenset({"country", "capital", "organisation", "armed_group", "person", "igo", "generic"})
FIELDS = ("id", "name", "country", "sector", "inter", "kind", "aliases", "sponsors", "parent")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A canonical actor."""

    id: str  # stable: "RUS", "RUS-MOD", "SYR-YPG", "IGO-UN", "PER-LAVROV"
    name: str  # canonical display name
    country: str | None  # ISO3; None for IGOs; for armed groups the country where they operate
    sector: str | None  # GOV MIL COP REB OPP PTY JUD LEG SPY IGO NGO MED BUS CVL CRM REF
    inter: int | None  # ACLED inter code 1..8
    kind: str  # country | capital | organisation | armed_group | person | igo | generic
    sponsors: tuple[str, ...] = ()  # ISO3 of backers
    parent: str | None = None  # id of the umbrella actor


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """The actor a phrase names, the text that named it, and how it was found."""

    entry: ActorEntry
    text: str
    how: str  # name | alias | demonym | metonym | composed | generic


@dataclass(frozen=True, slots=True)
class Record:
    """An entry with the surface forms that name it and how each form names it."""

    entry: ActorEntry
    aliases: tuple[tuple[str, str], ...]  # (surface form, how)


class ActorDataError(EventscopeError):
    """An actor file could not be read; the message names the file and the line or entry."""

    code = "E040"


def _fail(path: Path | str, where: str, msg: str) -> ActorDataError:
    return ActorDataError(f"E040: {path}: {where}: {msg}")


def _split(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ValueError(f"expected a list of strings or a '|'-separated string, got {value!r}")


def entry_from_mapping(row: Mapping[str, Any]) -> Record:
    """Validate one mapping (YAML entry or CSV row) into a :class:`Record`; raises ValueError with the reason."""
    unknown = set(row) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {', '.join(FIELDS)}")
    ident, name = row.get("id"), row.get("name")
    if not isinstance(ident, str) or not ident.strip():
        raise ValueError("'id' is required and must be a non-empty string")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is required and must be a non-empty string")
    country = row.get("country") or None
    if country is not None:
        if not isinstance(country, str) or not _ISO3.match(country.strip().upper()):
            raise ValueError(f"'country' must be an ISO 3166 alpha-3 code, got {country!r}")
        country = country.strip().upper()
    sector = row.get("sector") or None
    if sector is not None and not isinstance(sector, str):
        raise ValueError(f"'sector' must be a string, got {sector!r}")
    inter_raw = row.get("inter")
    inter: int | None = None
    if inter_raw not in (None, ""):
        try:
            inter = int(inter_raw)
        except (TypeError, ValueError):
            raise ValueError(f"'inter' must be an ACLED inter code 1..8, got {inter_raw!r}") from None
        if not 1 <= inter <= 8 or isinstance(inter_raw, bool | float):
            raise ValueError(f"'inter' must be an ACLED inter code 1..8, got {inter_raw!r}")
    kind = row.get("kind") or "organisation"
    if kind not in KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(sorted(KINDS))}, got {kind!r}")
    sponsors = tuple(s.upper() for s in _split(row.get("sponsors")))
    for s in sponsors:
        if not _ISO3.match(s):
            raise ValueError(f"'sponsors' must be ISO 3166 alpha-3 codes, got {s!r}")
    parent = row.get("parent") or None
    if parent is not None and not isinstance(parent, str):
        raise ValueError(f"'parent' must be an actor id, got {parent!r}")
    entry = ActorEntry(
        ident.strip(),
        name.strip(),
        country,
        sector.strip().upper() if sector else None,
        inter,
        kind,
        sponsors,
        parent.strip() if parent else None,
    )
    how_alias = "metonym" if kind == "capital" else "alias"
    aliases = [(entry.name, "metonym" if kind == "capital" else "name")]
    aliases += [(a, how_alias) for a in _split(row.get("aliases")) if a != entry.name]
    return Record(entry, tuple(aliases))


def read_yaml(path: Path) -> list[Record]:
    """A YAML list of mappings with the fields of :data:`FIELDS`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else "?"
        raise _fail(path, f"line {line}", f"not valid YAML: {e.problem}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise _fail(path, "file", f"could not be read: {e}") from None
    if not isinstance(data, list):
        raise _fail(path, "file", "expected a YAML list of actor mappings (id, name, country, sector, ...)")
    out = []
    for i, item in enumerate(data, 1):
        label = f"entry {i}" + (f" (id {item.get('id')!r})" if isinstance(item, dict) and item.get("id") else "")
        if not isinstance(item, dict):
            raise _fail(path, label, f"expected a mapping, got {type(item).__name__}")
        try:
            out.append(entry_from_mapping(item))
        except ValueError as e:
            raise _fail(path, label, str(e)) from None
    return out


def read_csv(path: Path) -> list[Record]:
    """A CSV with a header row of :data:`FIELDS` columns; ``aliases`` and ``sponsors`` separated by "|"."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise _fail(path, "file", f"could not be read: {e}") from None
    if not rows:
        raise _fail(path, "line 1", "empty file: expected a header row")
    header = [h.strip() for h in rows[0]]
    missing = {"id", "name"} - set(header)
    if missing:
        raise _fail(path, "line 1", f"header lacks column(s) {sorted(missing)}")
    out = []
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise _fail(path, f"line {n}", f"expected {len(header)} columns, got {len(row)}")
        try:
            out.append(entry_from_mapping({h: c.strip() for h, c in zip(header, row, strict=True)}))
        except ValueError as e:
            raise _fail(path, f"line {n}", str(e)) from None
    return out


def read_file(path: str | Path) -> list[Record]:
    """Read a user actor file (``.yaml``/``.yml`` or ``.csv``)."""
    p = Path(path)
    if not p.is_file():
        raise _fail(p, "file", "no such file")
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(p)
    if suffix == ".csv":
        return read_csv(p)
    raise _fail(p, "file", "unsupported actor file type: use .yaml, .yml or .csv")


def read_countries(table: Path, extra: Path, labels: Mapping[str, tuple[str, str]]) -> list[Record]:
    """Country and seat-of-government records from the shipped table and its hand-written additions.

    Demonyms and people nouns become aliases of the country (how "demonym").
    ``labels`` maps an id suffix ("GOV", "MOD") to its display label and sector for seat entries.
    """
    extra_data: dict[str, dict[str, Any]] = yaml.safe_load(extra.read_text(encoding="utf-8")) or {}
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    records: list[Record] = []
    for row in rows:
        iso, name = row["iso3"], row["name"]
        more = extra_data.get(iso, {})
        name = more.get("name", name)
        dropped = set(more.get("not_aliases", ()))
        aliases = [a for a in _split(row["aliases"]) if a not in dropped] + list(more.get("aliases", ()))
        if row["name"] != name:
            aliases.append(row["name"])
        dems = list(more.get("demonyms", ())) + _split(row["demonyms"])
        nouns = list(more.get("nouns", ()))
        forms = [(name, "name")] + [(a, "alias") for a in dict.fromkeys(aliases) if a != name]
        forms += [(d, "demonym") for d in dict.fromkeys(dems + nouns)]
        records.append(Record(ActorEntry(iso, name, iso, None, None, "country"), tuple(forms)))
        adj = more.get("adjective") or (dems[0] if dems else None)
        seats: dict[str, list[tuple[str, str]]] = {
            "GOV": [(c, "metonym") for c in _split(row["capitals"]) + list(more.get("capitals", ()))]
        }
        for alias, suffix in (more.get("seats") or {}).items():
            seats.setdefault(suffix, []).append((alias, "metonym"))
        for alias, suffix in (more.get("organs") or {}).items():
            seats.setdefault(suffix, []).append((alias, "alias"))
        for suffix, seat_forms in seats.items():
            if not seat_forms:
                continue
            label, sector = labels.get(suffix, (suffix.title(), "GOV"))
            kind = "capital" if any(how == "metonym" for _f, how in seat_forms) else "organisation"
            seat = ActorEntry(
                f"{iso}-{suffix}", f"{adj} {label}" if adj else f"{label} of {name}", iso, sector, 1, kind
            )
            records.append(Record(seat, tuple(dict.fromkeys(seat_forms))))
    return records


def all_records(files: Iterable[Path]) -> list[Record]:
    out: list[Record] = []
    for f in files:
        out.extend(read_file(f))
    return out
