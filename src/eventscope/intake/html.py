"""HTML to main text and page metadata with trafilatura (reader comments excluded)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import Codes, InputError, Skip
from .decode import DecodeProblem, decode_bytes
from .zones_data import COMMENT_BLOCK_EXCLUDE, COMMENT_BLOCK_MARKERS

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I)


@dataclass(frozen=True, slots=True)
class HtmlResult:
    """The extracted main text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    site_name: str | None = None
    author: str | None = None
    language: str | None = None
    extraction: str = "html:trafilatura"


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


#: fewer words of main text than this after removing comment containers: retry keeping the first one
MIN_MAIN_WORDS = 40

_STAMP = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]00:?00)?)?")
_PUBLISHED_META = (
    '//meta[@property="article:published_time" or @name="article:published_time" or @itemprop="datePublished"'
    ' or @property="og:article:published_time" or @name="date" or @name="pubdate" or @name="dc.date"]/@content'
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
    stamps = [str(v) for v in tree.xpath(_PUBLISHED_META)]
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        stamps += _JSONLD_PUBLISHED.findall(script.text or "")
    return stamps


def refine_date(
    date: dt.date | None, tree: HtmlElement, url: str | None, removed: Sequence[HtmlElement] = ()
) -> dt.date | None:
    """Correct htmldate's publication date with what the page shows its readers.

    1. One visible ``<time datetime>`` date on the whole page (outside the ``removed`` comment containers) is the
       article's date.
    2. A published stamp of that day at 22:00/23:00 UTC is local midnight of the next day.
    3. A bare 1 January (a year found, no day) gives way to the best dated stamp htmldate finds otherwise.
    """
    gone = set(removed)
    stamps = (
        _stamp_date(str(t.get("datetime")), midnight_shift=True)
        for t in tree.iter("time")
        if t.get("datetime") and not any(a in gone for a in t.iterancestors())
    )
    times = {d for d in stamps if d is not None}
    if len(times) == 1:
        only = next(iter(times))
        if only <= dt.date.today():
            return only
    if date is None:
        return None
    for stamp in _published_stamps(tree):
        if _stamp_date(stamp) == date:
            shifted = _stamp_date(stamp, midnight_shift=True)
            if shifted is not None and shifted != date:
                return shifted
    if date.month == 1 and date.day == 1:
        from htmldate import find_date

        other = _iso_date(find_date(tree, extensive_search=True, original_date=False, url=url))
        if other is not None and (other.month, other.day) != (1, 1) and other <= dt.date.today():
            return other
    return date


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


def _page_language(html: str) -> str | None:
    m = _HTML_LANG.search(html[:5000])
    return m.group(1).lower() if m else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


_COMMENT_ATTR = re.compile("|".join(re.escape(m) for m in COMMENT_BLOCK_MARKERS))
_COMMENT_EXCLUDE = re.compile("|".join(re.escape(m) for m in COMMENT_BLOCK_EXCLUDE))
_NEVER_PRUNED = frozenset({"html", "body", "head"})


def _comment_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost reader-comment containers of a page (class/id vocabulary), in document order.

    An element holding the page's ``<h1>`` is never one (it is the article's wrapper, whatever its classes say).
    """
    found: list[HtmlElement] = []
    inside: set[HtmlElement] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER_PRUNED:
            continue
        parent = el.getparent()
        if parent is not None and parent in inside:
            inside.add(el)
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if len(attrs) < 4 or not _COMMENT_ATTR.search(attrs) or _COMMENT_EXCLUDE.search(attrs):
            continue
        if el.find(".//h1") is not None:
            continue
        found.append(el)
        inside.add(el)
    return found


def _text_len(el: HtmlElement) -> int:
    return len("".join(el.itertext()).split())


def _paths(tree: HtmlElement, blocks: list[HtmlElement]) -> list[str]:
    """Absolute XPaths of the elements for trafilatura's ``prune_xpath`` (it prunes after reading the metadata).

    Last first: removing an element renumbers its later siblings, never the earlier ones.
    """
    root = tree.getroottree()
    return [root.getpath(el) for el in reversed(blocks)]


def _bare(tree: HtmlElement, url: str | None, prune: list[str] | None = None, *, fast: bool = True) -> Any:
    """trafilatura's main-text extraction alone (the metadata is read once, by ``page_metadata``)."""
    from trafilatura import bare_extraction

    return bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        with_metadata=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        prune_xpath=prune or None,
    )


def page_metadata(tree: HtmlElement, url: str | None) -> Any:
    """Title, author, URL, date, site name and language of a parsed page: trafilatura's ``extract_metadata``
    without what an event does not need (categories, tags, licence), read once per page."""
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on malformed scripts
        pass
    meta.title = meta.title or tm.extract_title(tree)
    meta.author = meta.author or tm.extract_author(tree)
    meta.url = meta.url or tm.extract_url(tree, url)
    meta.date = find_date(tree, **{**set_date_params(True), "url": meta.url})
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


def _get(doc: Any, key: str) -> Any:
    return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)


def _opens_thread(blocks: list[HtmlElement]) -> bool:
    """Whether the first comment container opens a thread: a later sibling container has its class (forum posts)."""
    first = blocks[0]
    parent, cls = first.getparent(), first.get("class")
    return any(b.getparent() is parent and b.get("class") == cls for b in blocks[1:])


def _words(doc: Any) -> int:
    text = _get(doc, "text") if doc is not None else None
    return len(text.split()) if isinstance(text, str) else 0


#: a main text shorter than this (characters) from trafilatura's fast cascade is extracted again with its fallback
#: extractors (readability, jusText); they change the result of about one page in five below it (dev pages)
FALLBACK_BELOW_CHARS = 1500


def _short(doc: Any) -> bool:
    """Whether the fast extraction is short enough to be worth the fallback extractors' cost."""
    text = _get(doc, "text") if doc is not None else None
    return not isinstance(text, str) or len(text) < FALLBACK_BELOW_CHARS


def _main_text(page: HtmlElement, url: str | None, prune: list[str] | None = None) -> Any:
    """trafilatura's fast cascade, then the full one (fallback extractors) when the fast result is short."""
    doc = _bare(page, url, prune)
    if _short(doc):
        full = _bare(page, url, prune, fast=False)
        if full is not None:
            return full
    return doc


def _extract(page: HtmlElement, url: str | None) -> tuple[Any, list[HtmlElement]]:
    """trafilatura over the page with reader-comment containers removed.

    When removing them leaves too little main text: on a forum thread (the first container has sibling containers
    of its class) the opening post is kept; otherwise the page is extracted whole, trafilatura's own comment
    exclusion doing the work. Returns the extraction and the containers removed.
    """
    blocks = _comment_blocks(page)
    if not blocks:
        return _main_text(page, url), []  # bare_extraction works on a copy of a tree it is given
    doc = _main_text(page, url, _paths(page, blocks))
    thread = _opens_thread(blocks)
    if _words(doc) >= max(MIN_MAIN_WORDS, _text_len(blocks[0]) if thread else 0):
        return doc, blocks
    if thread:
        doc = _main_text(page, url, _paths(page, blocks[1:]))
        if _words(doc) >= MIN_MAIN_WORDS:
            return doc, blocks[1:]
    return _main_text(page, url), []


def extract_html(html: str | bytes, url: str | None = None, *, source: str | None = None) -> HtmlResult:
    """Extract the main text (no comments) and metadata; raise InputError(Skip(HTML)) when there is none."""
    where = source or url or "<html>"
    if isinstance(html, bytes):
        try:
            html, _ = decode_bytes(html, html=True)
        except DecodeProblem as e:
            raise InputError(Skip(where, e.code, e.message)) from e
    if not html.strip():
        raise InputError(Skip(where, Codes.HTML, "empty HTML"))
    from trafilatura.utils import load_html

    try:
        page = load_html(html)  # parsed once: metadata, comment pruning, extraction and dating share the tree
        if page is None:
            raise ValueError("no HTML tree")
        meta = page_metadata(page, url)
        doc, removed = _extract(page, url)
    except Exception as e:  # trafilatura/lxml raise a variety of parser errors on broken pages
        raise InputError(Skip(where, Codes.HTML, f"HTML could not be parsed: {type(e).__name__}: {e}")) from e
    text = _get(doc, "text") if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        raise InputError(Skip(where, Codes.HTML, "no main text could be extracted from the HTML"))
    site = _clean(meta.sitename)
    date = refine_date(_iso_date(meta.date), page, url, removed)
    return HtmlResult(
        text=text,
        title=strip_site_name(_clean(meta.title), site, url),
        date=date,
        site_name=site,
        author=_clean(meta.author),
        language=_clean(meta.language) or _page_language(html),
    )


__all__ = ["HtmlResult", "extract_html"]
