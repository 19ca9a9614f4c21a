"""HTML to main text and page metadata with trafilatura (reader comments excluded)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import re
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import Codes, InputError, Skip
from . import cascade as tc
from .decode import DecodeProblem, decode_bytes
from .metadata import iso_date, page_date_search, page_metadata, refine_date, strip_site_name
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


#: fewer words of main text than this after removing comment containers: retry keeping the first one
MIN_MAIN_WORDS = 40


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
    for el in tc.named_elements(tree, _COMMENT_ATTR, fold=True):
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


def _opens_thread(blocks: list[HtmlElement]) -> bool:
    """Whether the first comment container opens a thread: a later sibling container has its class (forum posts)."""
    first = blocks[0]
    parent, cls = first.getparent(), first.get("class")
    return any(b.getparent() is parent and b.get("class") == cls for b in blocks[1:])


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


#: a main text shorter than this (characters) from trafilatura's fast cascade may be extracted again with its
#: fallback extractors (readability, jusText) ...
FALLBACK_BELOW_CHARS = 1500
#: ... when the page shows at least this many times more text than the fast cascade kept (the fallbacks find more
#: only on such pages: on the dev pages every changed result had 6.5 times or more; the rest cost 35 ms for nothing)
FALLBACK_PAGE_SHARE = 5.0
_HIDDEN = ("script", "style", "noscript", "template")


def _stripped_chars(el: HtmlElement) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def visible_chars(tree: HtmlElement) -> int:
    """Characters of text the page shows: its body without scripts and styles, each text node stripped.

    (The text nodes of ``//body//text()[not(ancestor::script or ...)]``, but read in C: all of the body's, less the
    outermost hidden elements'.)"""
    total = 0
    for body in tree.iter("body"):
        if next(body.iterancestors("body"), None) is not None:
            continue  # counted with the outer body
        total += _stripped_chars(body)
        for el in body.iterdescendants(*_HIDDEN):
            if next(el.iterancestors(*_HIDDEN), None) is None:
                total -= _stripped_chars(el)
    return total


def _short(text: str | None, page: HtmlElement | None = None) -> bool:
    """Whether the fast extraction is short enough, for the ``page``, to be worth the fallback extractors' cost."""
    if not text or not text.strip():
        return True
    if len(text) >= FALLBACK_BELOW_CHARS:
        return False
    return page is None or visible_chars(page) >= FALLBACK_PAGE_SHARE * len(text)


def _main_text(page: HtmlElement, url: str | None, prune: list[str] | None = None) -> str | None:
    """trafilatura's fast cascade, then the full one (fallback extractors) when the fast result is short.

    As ``bare_extraction`` (fast, then not) on a copy of ``page`` without ``prune`` and comments, but the page is
    copied, pruned and measured once for both.
    """
    st = tc.stages()
    if st is None:
        text = tc.bare_text(page, url, prune)
        return (tc.bare_text(page, url, prune, fast=False) or text) if _short(text, page) else text
    try:
        if prune:
            from lxml.etree import XPath  # type: ignore[import-untyped]

            tree = copy(page)
            st.prune(tree, [XPath(x) for x in prune])
            tc.raw_prune(st, tree, comments=not st.forum(tree))
        elif tc.raw_prune_targets(st, page, comments=not st.forum(page)) == []:
            tree = page  # nothing to prune: the stages copy what they change
        else:
            tree = copy(page)
            tc.raw_prune(st, tree, comments=not st.forum(tree))
        memo: dict[str, Any] = {}
        text = st.xmltotxt(tc.run(st, tree, url, True, memo), False)
        if _short(text, page):
            full = st.xmltotxt(tc.run(st, tree, url, False, memo), False)
            text = full or text
    except (TypeError, ValueError):  # as bare_extraction: no text
        return None
    return text or None


def _extract(page: HtmlElement, url: str | None) -> tuple[str | None, list[HtmlElement]]:
    """trafilatura over the page with reader-comment containers removed.

    When removing them leaves too little main text: on a forum thread (the first container has sibling containers
    of its class) the opening post is kept; otherwise the page is extracted whole, trafilatura's own comment
    exclusion doing the work. Returns the extraction and the containers removed.
    """
    blocks = _comment_blocks(page)
    if not blocks:
        return _main_text(page, url), []  # the cascade works on a copy of the page
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


#: the characters trafilatura's ``INVALID_XML_CHARS`` removes before parsing (looked up one by one with ``in``: a
#: regex scan of the whole page costs three times as much, and almost no page has any)
_INVALID_XML_CHARS = (*map(chr, (*range(9), 11, 12, *range(14, 32))), "\ufffe", "\uffff")


def _repair(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``, each repair run only where it changes something."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

    if any(c in html for c in _INVALID_XML_CHARS):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        fixed = DOCTYPE_TAG.sub("", firstline, count=1)
        if fixed != firstline:
            html = fixed + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def parse_html(html: str) -> HtmlElement | None:
    """Parse a page as trafilatura's ``load_html`` does for a string (same repairs, same rejection of non-HTML),
    with :func:`_parser`. None when it is not HTML.

    The page is handed to lxml as UTF-8 bytes (the parser's encoding): lxml would otherwise convert a ``str`` from
    its internal 1-, 2- or 4-byte form, which costs more than encoding it; a ``str`` that cannot be encoded (lone
    surrogates) is parsed as it is.
    """
    from lxml import html as lxml_html  # type: ignore[import-untyped]
    from trafilatura.utils import is_dubious_html

    beginning = html[:50].lower()
    html = _repair(html, beginning)
    tree = None
    try:
        data: str | bytes = html.encode("utf-8")
    except UnicodeEncodeError:
        data = html
    try:
        tree = lxml_html.fromstring(data, parser=_parser())
    except ValueError:  # a string with an encoding declaration: lxml wants bytes
        pass
    if tree is None or len(tree) < 1:
        tree = lxml_html.fromstring(html.encode("utf-8", "surrogatepass"), parser=_parser())
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _htmldate(page: HtmlElement, url: str | None) -> tuple[dt.date | None, bool]:
    """htmldate's date of the page and whether only its extensive search found it (None when it fails on a broken
    page: the text is still worth having)."""
    try:
        found, extensive = page_date_search(page, url)
    except Exception:  # noqa: BLE001 - htmldate/dateparser raise a variety of errors on odd markup
        return None, False
    return iso_date(found), extensive


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for one page (restored after, also on error).

    A page's extraction allocates many short-lived objects (element proxies, lists, strings) freed by reference
    counting: collections triggered meanwhile scan every live object of the process for nothing (~4% of the
    time here, more with a language model loaded). The collection owed runs at the next allocation after."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def extract_html(html: str | bytes, url: str | None = None, *, source: str | None = None) -> HtmlResult:
    """Extract the main text (no comments) and metadata; raise InputError(Skip(HTML)) when there is none."""
    with _gc_paused():
        return _extract_html(html, url, source)


def _extract_html(html: str | bytes, url: str | None, source: str | None) -> HtmlResult:
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
        meta = page_metadata(page, url, dated=False)  # htmldate only if refine_date needs it
        text, removed = _extract(page, url)
    except Exception as e:  # trafilatura/lxml raise a variety of parser errors on broken pages
        raise InputError(Skip(where, Codes.HTML, f"HTML could not be parsed: {type(e).__name__}: {e}")) from e
    if not text or not text.strip():
        raise InputError(Skip(where, Codes.HTML, "no main text could be extracted from the HTML"))
    site = _clean(meta.sitename)
    date = refine_date(None, page, url, removed, lambda: _htmldate(page, meta.url))
    return HtmlResult(
        text=text,
        title=strip_site_name(_clean(meta.title), site, url),
        date=date,
        site_name=site,
        author=_clean(meta.author),
        language=_clean(meta.language) or _page_language(html),
    )


__all__ = ["HtmlResult", "extract_html"]
