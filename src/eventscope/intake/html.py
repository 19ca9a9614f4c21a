"""HTML to main text and page metadata with trafilatura (reader comments excluded)."""

from __future__ import annotations

import datetime as dt
import functools
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
    from .metadata import dates_in

    h1 = tree.find(".//h1")
    if h1 is None:
        return None
    text = _text_after(h1, limit)
    days = [f for f in dates_in(text, 0, len(text)) if f.precision == "day"]
    return min(days, key=lambda f: f.start).date if days else None


def refine_date(
    date: dt.date | None, tree: HtmlElement, url: str | None, removed: Sequence[HtmlElement] = ()
) -> dt.date | None:
    """Correct htmldate's publication date with what the page shows its readers.

    1. One visible ``<time datetime>`` date on the whole page (outside the ``removed`` comment containers) is the
       article's date.
    2. A page without any machine-readable publication date (no published meta or JSON-LD stamp, no ``<time
       datetime>``), where htmldate can only guess from dates anywhere on the page, is dated by the dateline right
       under its headline when it has one.
    3. A published stamp of that day at 22:00/23:00 UTC is local midnight of the next day.
    4. A bare 1 January (a year found, no day) gives way to the best dated stamp htmldate finds otherwise.
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
    if date is None:
        return None
    for stamp in published:
        if _stamp_date(stamp) == date:
            shifted = _stamp_date(stamp, midnight_shift=True)
            if shifted is not None and shifted != date:
                return shifted
    if date.month == 1 and date.day == 1:
        from htmldate import find_date

        other = _iso_date(find_date(tree, extensive_search=True, original_date=False, url=url))
        if other is not None and (other.month, other.day) != (1, 1) and other <= today:
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
    for el in tree.xpath("//*[@class or @id]"):
        if el.tag in _NEVER_PRUNED:
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if len(attrs) < 4 or not _COMMENT_ATTR.search(attrs) or _COMMENT_EXCLUDE.search(attrs):
            continue
        if el.find(".//h1") is not None:
            continue
        if found and any(a in found for a in el.iterancestors()):
            continue
        found.append(el)
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


#: read the author from the page's byline markup too (trafilatura's ``extract_author``: a deep copy of the page and
#: regex XPaths, ~12 ms on each page whose metadata names no author, half the dev pages); off: the author comes from
#: the meta tags and JSON-LD only (nothing downstream uses it)
BYLINE_AUTHOR = False


def page_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's publication date: its quick search (metadata, URL, marked-up dates) first, the extensive search
    of the page's free text only when that finds nothing."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    quick = find_date(tree, **{**set_date_params(False), "url": url})
    return quick or find_date(tree, **{**set_date_params(True), "url": url})


def page_metadata(tree: HtmlElement, url: str | None) -> Any:
    """Title, author, URL, date, site name and language of a parsed page: trafilatura's ``extract_metadata``
    without what an event does not need (categories, tags, licence; the author from byline markup unless
    :data:`BYLINE_AUTHOR`), read once per page."""
    from trafilatura import metadata as tm

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on malformed scripts
        pass
    meta.title = meta.title or tm.extract_title(tree)
    if BYLINE_AUTHOR:
        meta.author = meta.author or tm.extract_author(tree)
    meta.url = meta.url or tm.extract_url(tree, url)
    meta.date = page_date(tree, meta.url)
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


#: a main text shorter than this (characters) from trafilatura's fast cascade may be extracted again with its
#: fallback extractors (readability, jusText) ...
FALLBACK_BELOW_CHARS = 1500
#: ... when the page shows at least this many times more text than the fast cascade kept (the fallbacks find more
#: only on such pages: on the dev pages every changed result had 6.5 times or more; the rest cost 35 ms for nothing)
FALLBACK_PAGE_SHARE = 5.0
_VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"


def visible_chars(tree: HtmlElement) -> int:
    """Characters of text the page shows: its body without scripts and styles, each text node stripped."""
    return sum(len(t.strip()) for t in tree.xpath(_VISIBLE_TEXT))


def _short(doc: Any, page: HtmlElement | None = None) -> bool:
    """Whether the fast extraction is short enough, for the ``page``, to be worth the fallback extractors' cost."""
    text = _get(doc, "text") if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        return True
    if len(text) >= FALLBACK_BELOW_CHARS:
        return False
    return page is None or visible_chars(page) >= FALLBACK_PAGE_SHARE * len(text)


def _main_text(page: HtmlElement, url: str | None, prune: list[str] | None = None) -> Any:
    """trafilatura's fast cascade, then the full one (fallback extractors) when the fast result is short."""
    doc = _bare(page, url, prune)
    if _short(doc, page):
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


@functools.cache
def _parser() -> Any:
    """trafilatura's HTML parser settings, every element an ``HtmlElement`` (no per-tag class lookup).

    lxml.html's default lookup calls back into Python for every element proxy to pick a per-tag class (forms,
    inputs, labels), which neither trafilatura nor htmldate uses: ~15% of the extraction's time.
    """
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    parser = lxml_html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


def parse_html(html: str) -> HtmlElement | None:
    """Parse a page as trafilatura's ``load_html`` does for a string (same repairs, same rejection of non-HTML),
    with :func:`_parser`. None when it is not HTML."""
    from lxml import html as lxml_html  # type: ignore[import-untyped]
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree = None
    try:
        tree = lxml_html.fromstring(html, parser=_parser())
    except ValueError:  # a string with an encoding declaration: lxml wants bytes
        pass
    if tree is None or len(tree) < 1:
        tree = lxml_html.fromstring(html.encode("utf-8", "surrogatepass"), parser=_parser())
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


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
    try:
        page = parse_html(html)  # parsed once: metadata, comment pruning, extraction and dating share the tree
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
