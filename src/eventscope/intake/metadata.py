"""Document metadata read from the text: publication date, outlet, title.

Dates are read only from dateline and byline zones and from the first non-body lines; never from body sentences
("In October 2019, Turkey ..." is not a publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import PublishedDate, Span, Zone
from .zones import mark_zones
from .zones_data import FOREIGN_MONTHS, PLATFORM_DOMAINS, SITE_TLDS

MONTHS: dict[str, int] = {
    **{
        m: i
        for i, m in enumerate(
            "january february march april may june july august september october november december".split(), 1
        )
    },
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
    "febr": 2,
    **FOREIGN_MONTHS,
}
_MONTH = r"(?P<{g}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
_ORD = r"(?:st|nd|rd|th)?"

DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b"
            + _WEEKDAY
            + r"(?P<d>\d{1,2})"
            + _ORD
            + r"\.?\s+(?:of\s+|de\s+)?"
            + _MONTH.format(g="mon")
            + r",?\s+(?:de\s+)?(?P<y>\d{4})\b"
            + _TIME,
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b" + _WEEKDAY + _MONTH.format(g="mon") + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})\b" + _TIME,
            re.I,
        ),
    ),
    ("ymd", re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b" + _TIME)),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b" + _TIME)),
    ("my", re.compile(r"\b" + _MONTH.format(g="mon") + r",?\s+(?P<y>\d{4})\b", re.I)),
)
_ON = r"\W*(?:(?:on|am|le|el|il|em|vom)\W*)?$"
_PUBLISHED_CUE = re.compile(
    r"(?:published|posted|first published|created|released|issued|veröffentlicht|erschienen|publié|publicado|"
    r"pubblicato)" + _ON,
    re.I,
)
_UPDATED_CUE = re.compile(
    r"(?:updated|modified|edited|revised|aktualisiert|geändert|mis à jour|actualizado|aggiornato|atualizado)" + _ON,
    re.I,
)
#: how many leading zones are "the first lines of the text"
HEAD_ZONES = 15

_DOMAIN = re.compile(
    r"(?<![@\w.-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:"
    + "|".join(sorted((re.escape(t) for t in SITE_TLDS), key=len, reverse=True))
    + r"))(?![\w-])"
)
_SUPPORT = re.compile(r"^support\s+(?:the\s+)?(\S+(?:\s\S+){0,2})$", re.I)
_BREADCRUMB = re.compile(r"^([^|•›»]{2,40}?)\s*[|•›»]\s*\S[^|•›»]*[|•›»]")
_PIPE_OUTLET = re.compile(r"[|•]\s*([^|•]{2,40}?)\s*$")


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    precision: str
    start: int
    end: int
    note: str | None


def _parse_match(kind: str, m: re.Match[str]) -> tuple[dt.date, str, str | None] | None:
    """The date a pattern match names, its precision and a note (ambiguity), or None when impossible."""
    g = m.groupdict()
    y = int(g["y"])
    if not 1900 <= y <= 2100:
        return None
    note = None
    if kind == "my":
        return dt.date(y, MONTHS[g["mon"].lower()], 1), "month", None
    if kind in ("dmy", "mdy"):
        mon, day = MONTHS[g["mon"].lower()], int(g["d"])
    elif kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            day, mon = a, b
        elif b > 12 >= a:
            mon, day = a, b
            note = "numeric date read month-first (day-first impossible)"
        else:
            day, mon = a, b
            if a != b:
                note = "numeric date read day-first (ambiguous)"
    else:
        mon, day = int(g["m"]), int(g["d"])
    try:
        return dt.date(y, mon, day), "day", note
    except ValueError:
        return None


def dates_in(text: str, start: int, end: int) -> list[FoundDate]:
    """Every date in text[start:end], longest/first pattern winning where they overlap."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in DATE_PATTERNS:
        for m in rx.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parsed = _parse_match(kind, m)
            if parsed is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(FoundDate(parsed[0], parsed[1], m.start(), m.end(), parsed[2]))
    return out


def _cue_rank(text: str, zone_start: int, at: int) -> int:
    before = text[max(zone_start, at - 40) : at]
    if _PUBLISHED_CUE.search(before):
        return 0
    if _UPDATED_CUE.search(before):
        return 2
    return 1


def find_published(text: str, zones: Sequence[Zone] | None = None) -> tuple[PublishedDate | None, str | None]:
    """The publication date written in the text (dateline/byline first, then the first non-body lines)."""
    if zones is None:
        zones = mark_zones(text)
    rank = {"dateline": 0, "byline": 1}
    candidates = [z for z in zones if z.kind in rank]
    candidates += [z for z in zones[:HEAD_ZONES] if z.kind in ("boilerplate", "headline")]
    best: tuple[tuple[int, int, int, int], FoundDate] | None = None
    for z in candidates:
        for f in dates_in(text, z.start, z.end):
            key = (_cue_rank(text, z.start, f.start), rank.get(z.kind, 2), 0 if f.precision == "day" else 1, f.start)
            if best is None or key < best[0]:
                best = (key, f)
    if best is None:
        return None, "no publication date in the text"
    f = best[1]
    span = Span(f.start, f.end, text[f.start : f.end])
    return PublishedDate(f.date, f.precision, "text", span), f.note


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host


def find_outlet(text: str, zones: Sequence[Zone], url: str | None = None) -> str | None:
    """The outlet: the URL's host, else a site name written in a boilerplate or byline line."""
    if url:
        host = _host(url)
        if host:
            return host
    lines = [text[z.start : z.end] for z in zones if z.kind in ("boilerplate", "byline")]
    for line in lines:
        for m in _DOMAIN.finditer(line):
            if m.group(1).lower() not in PLATFORM_DOMAINS:
                return m.group(1)
    for z in zones:
        if z.kind == "byline":
            pipe = _PIPE_OUTLET.search(text[z.start : z.end])
            if pipe:
                return pipe.group(1)
    counts = Counter(" ".join(s.split()) for s in lines if 1 <= len(s.split()) <= 5 and not any(c.isdigit() for c in s))
    for name, n in counts.most_common():
        if n >= 2 and name[:1].isupper() and not _SUPPORT.match(name):
            return name
    for line in lines:
        crumb = _BREADCRUMB.match(line.strip())  # "Site Name | Section | Subsection"
        if crumb and crumb.group(1)[:1].isupper():
            return crumb.group(1)
    for line in lines:
        support = _SUPPORT.match(line.strip())
        if support and support.group(1)[:1].isupper():
            return support.group(1)
    return None


def find_title(text: str, zones: Sequence[Zone]) -> str | None:
    """The headline zone's text, if any."""
    for z in zones:
        if z.kind == "headline":
            return text[z.start : z.end]
    return None


__all__ = ["FoundDate", "dates_in", "find_outlet", "find_published", "find_title"]
