"""Document metadata read from the text (publication date, outlet, title) and from an HTML page (date, title, site).

Dates are read only from dateline and byline zones and from the first non-body lines; never from body sentences
("In October 2019, Turkey ..." is not a publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..model import PublishedDate, Span, Zone
from .jsonld import meta_json
from .zones import mark_zones
from .zones_data import FOREIGN_MONTHS, PLATFORM_DOMAINS, SITE_TLDS

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

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


# --- the publication date of an HTML page (htmldate's, corrected by what the page shows its readers) ---


def iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_STAMP = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]00:?00)?)?")
#: ``<meta>`` attributes (name, value) that mark a publication stamp in the element's ``content``
_PUBLISHED_META: tuple[tuple[str, str], ...] = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("property", "og:article:published_time"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "dc.date"),
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def _stamp_date(value: str, *, midnight_shift: bool = False) -> dt.date | None:
    """The calendar date of an ISO stamp; with ``midnight_shift`` a 22:00/23:00 UTC stamp is the next day.

    CMSs that store a date-only field as local midnight in central Europe write it as 22:00 or 23:00 UTC the day
    before: the date the page shows is the next day.
    """
    m = _STAMP.match(value)
    if not m:
        return None
    y, mo, d, hh, mm, ss, utc = m.groups()
    try:
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if midnight_shift and utc and hh in ("22", "23") and mm == "00" and ss in (None, "00"):
        day += dt.timedelta(days=1)
    return day


def _published_stamps(tree: HtmlElement) -> list[str]:
    """The page's publication stamps: published-time ``<meta>`` contents, then JSON-LD ``datePublished`` values.

    (Walked with ``iter``: a ``//meta[...]`` XPath with seven attribute tests costs three times as much.)"""
    stamps = []
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is not None and any(meta.get(a) == v for a, v in _PUBLISHED_META):
            stamps.append(content)
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json":
            stamps += _JSONLD_PUBLISHED.findall(script.text or "")
    return stamps


#: characters of visible text after the headline (``<h1>``) read for a dateline ("1. Februar 2022, Name")
DATELINE_CHARS = 100
_INVISIBLE = frozenset({"script", "style", "noscript", "template"})


def _text_after(el: HtmlElement, limit: int) -> str:
    """The first ``limit`` characters of visible text following ``el`` in document order (not its own text)."""
    out: list[str] = []
    size = 0

    def take(s: str | None) -> None:
        nonlocal size
        if s and s.strip():
            out.append(s)
            size += len(s)

    node: HtmlElement | None = el
    while node is not None and size < limit:
        take(node.tail)
        for sib in node.itersiblings():
            if size >= limit:
                break
            if isinstance(sib.tag, str) and sib.tag not in _INVISIBLE:
                for t in sib.itertext():
                    take(t)
                    if size >= limit:
                        break
            take(sib.tail)
        node = node.getparent()
    return " ".join(" ".join(out).split())[:limit]


def headline_dateline(tree: HtmlElement, limit: int = DATELINE_CHARS) -> dt.date | None:
    """The first full date written right under the page's headline (the article's dateline/byline), if any."""
    h1 = tree.find(".//h1")
    if h1 is None:
        return None
    text = _text_after(h1, limit)
    days = [f for f in dates_in(text, 0, len(text)) if f.precision == "day"]
    return min(days, key=lambda f: f.start).date if days else None


def refine_date(
    date: dt.date | None,
    tree: HtmlElement,
    url: str | None,
    removed: Sequence[HtmlElement] = (),
    search: Callable[[], tuple[dt.date | None, bool]] | None = None,
) -> dt.date | None:
    """Correct htmldate's publication date with what the page shows its readers; ``search`` finds a date when
    ``date`` is None and the page shows none of its own (1., 2.): htmldate, called only when needed, returning the
    date and whether only its extensive (free-text) search found it.

    1. One visible ``<time datetime>`` date on the whole page (outside the ``removed`` comment containers) is the
       article's date.
    2. A page without any machine-readable publication date (no published meta or JSON-LD stamp, no ``<time
       datetime>``), where htmldate can only guess from dates anywhere on the page, is dated by the dateline right
       under its headline when it has one.
    3. A published stamp of that day at 22:00/23:00 UTC is local midnight of the next day.
    4. A bare 1 January (a year found, no day) gives way to the best dated stamp htmldate finds otherwise, unless
       the extensive search found it: the page has no date markup then, and the same free-text search for the
       latest date instead (~30 ms) found only another bare year on the dev pages, or an archive's capture date.
    """
    today = dt.date.today()
    gone = set(removed)
    timed = [t for t in tree.iter("time") if t.get("datetime")]
    stamps = (
        _stamp_date(str(t.get("datetime")), midnight_shift=True)
        for t in timed
        if not (gone and any(a in gone for a in t.iterancestors()))
    )
    times = {d for d in stamps if d is not None}
    if len(times) == 1:
        only = next(iter(times))
        if only <= today:
            return only
    published = _published_stamps(tree)
    if not published and not timed:
        head = headline_dateline(tree)
        if head is not None and head <= today:
            return head
    free_text = False
    if date is None and search is not None:
        date, free_text = search()
    if date is None:
        return None
    for stamp in published:
        if _stamp_date(stamp) == date:
            shifted = _stamp_date(stamp, midnight_shift=True)
            if shifted is not None and shifted != date:
                return shifted
    if date.month == 1 and date.day == 1 and not free_text:
        from htmldate import find_date

        other = iso_date(find_date(tree, extensive_search=True, original_date=False, url=url))
        if other is not None and (other.month, other.day) != (1, 1) and other <= today:
            return other
    return date


def page_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's publication date: its quick search (metadata, URL, marked-up dates) first, the extensive search
    of the page's free text only when that finds nothing."""
    return page_date_search(tree, url)[0]


def page_date_search(tree: HtmlElement, url: str | None) -> tuple[str | None, bool]:
    """:func:`page_date`, and whether only the extensive search found it."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    quick = find_date(tree, **{**set_date_params(False), "url": url})
    if quick:
        return quick, False
    return find_date(tree, **{**set_date_params(True), "url": url}), True


# --- what an HTML page says about itself ---

_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " › ", " » ", " :: ", " · ", " / ")


def _alnum(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def strip_site_name(title: str | None, site_name: str | None, url: str | None) -> str | None:
    """Drop a trailing " - Site Name" / " | SITE.DE" from a page title when it names the site."""
    if not title:
        return title
    host = _alnum((urlsplit(url).hostname or "").removeprefix("www.")) if url and "//" in url else ""
    site = _alnum(site_name or "")
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        t = _alnum(tail)
        if not found or len(t) < 3 or len(head.split()) < 2:
            continue
        if (site and (t in site or site in t)) or (host and (t in host or host.startswith(t))):
            return head.strip()
    return title


#: read the author from the page's byline markup too (trafilatura's ``extract_author``: a deep copy of the page and
#: regex XPaths, ~12 ms on each page whose metadata names no author, half the dev pages); off: the author comes from
#: the meta tags and JSON-LD only (nothing downstream uses it)
BYLINE_AUTHOR = False


def page_metadata(tree: HtmlElement, url: str | None, *, dated: bool = True) -> Any:
    """Title, author, URL, date, site name and language of a parsed page: trafilatura's ``extract_metadata``
    without what an event does not need (categories, tags, licence; the author from byline markup unless
    :data:`BYLINE_AUTHOR`), read once per page."""
    from trafilatura import metadata as tm

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = meta_json()(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on malformed scripts
        pass
    meta.title = meta.title or tm.extract_title(tree)
    if BYLINE_AUTHOR:
        meta.author = meta.author or tm.extract_author(tree)
    meta.url = meta.url or tm.extract_url(tree, url)
    meta.date = page_date(tree, meta.url) if dated else None
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (m := tm.META_URL.match(meta.url)):
        meta.sitename = m[1]
    meta.clean_and_trim()
    return meta


__all__ = [
    "FoundDate",
    "dates_in",
    "find_outlet",
    "find_published",
    "find_title",
    "headline_dateline",
    "iso_date",
    "page_date",
    "page_date_search",
    "page_metadata",
    "refine_date",
    "strip_site_name",
]
