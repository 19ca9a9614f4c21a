"""HTML to main text and page metadata with trafilatura (reader comments excluded)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ..errors import Codes, InputError, Skip
from .decode import DecodeProblem, decode_bytes
from .metadata import iso_date, page_date, page_metadata, refine_date, strip_site_name
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


def _bare(tree: HtmlElement, url: str | None, prune: list[str] | None = None, *, fast: bool = True) -> str | None:
    """trafilatura's public ``bare_extraction`` (main text only), for a trafilatura without :func:`_stages`."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
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
    text = getattr(doc, "text", None) if doc is not None else None
    return text if isinstance(text, str) else None


@functools.cache
def _stages() -> SimpleNamespace | None:
    """The stages of trafilatura's extraction cascade (``trafilatura_sequence``), or None when this trafilatura
    does not have them all (then :func:`_bare` runs the cascade whole)."""
    try:
        from trafilatura import core
        from trafilatura.baseline import baseline
        from trafilatura.external import compare_extraction, justext_rescue
        from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
        from trafilatura.main_extractor import extract_content
        from trafilatura.settings import _COOKIE_CONSENT_RE, Extractor
        from trafilatura.xml import delete_element, xmltotxt
        from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

        return SimpleNamespace(
            baseline=baseline,
            compare=compare_extraction,
            justext=justext_rescue,
            convert_tags=convert_tags,
            prune=prune_unwanted_nodes,
            tree_cleaning=tree_cleaning,
            extract_content=extract_content,
            basic_clean=_basic_clean(_COOKIE_CONSENT_RE),
            Extractor=Extractor,
            xmltotxt=xmltotxt,
            delete=delete_element,
            raw_prune=RAW_TREE_PRUNE_XPATH,
            comments_prune=REMOVE_COMMENTS_AND_LISTS_XPATH,
            forum=core._forum_thread_page,
            recall=core._recall_retry,
            esc_max=core.ESCALATION_MAX_LENGTH,
            esc_share=core.ESCALATION_PAGE_SHARE,
            esc_accept=core.ESCALATION_ACCEPT_RATIO,
            esc_justext=core.ESCALATION_JUSTEXT_RATIO,
        )
    except (ImportError, AttributeError):
        return None


#: trafilatura's ``BASIC_CLEAN_XPATH`` (what ``html2txt`` leaves out of a page's text) but its consent banners
_BASIC_CLEAN_TAGS = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template"
)


def _basic_clean(consent_pattern: str) -> Callable[[HtmlElement], list[HtmlElement]]:
    """trafilatura's ``BASIC_CLEAN_XPATH`` with its consent-banner regex run in Python: lxml's EXSLT ``re:test``
    calls back into Python for every element and attribute (~3 ms a page)."""
    from lxml.etree import XPath  # type: ignore[import-untyped]

    tags, consent = XPath(_BASIC_CLEAN_TAGS), re.compile(consent_pattern, re.I)

    def find(body: HtmlElement) -> list[HtmlElement]:
        banners = [
            el
            for el in body.xpath(".//*[@class or @id]")
            if consent.search(el.get("class") or "") or consent.search(el.get("id") or "")
        ]
        return list(dict.fromkeys([*tags(body), *banners]))

    return find


def page_chars(tree: HtmlElement, dropped: Any) -> int:
    """About ``len(trafilatura.html2txt(tree))`` (the page's body text without ``dropped``, trafilatura's
    ``BASIC_CLEAN_XPATH``), counted without copying the page and without reading the dropped elements' text (inline
    scripts); text runs split by inline markup count as two words.
    """
    body = tree.find(".//body")
    if body is None:
        body = tree
    gone = set(dropped(body))
    pieces: list[str] = []
    stack = [body]
    while stack:  # the order of the pieces does not change the count
        el = stack.pop()
        if el.text and isinstance(el.tag, str):
            pieces.append(el.text)
        for child in el:
            if child.tail:
                pieces.append(child.tail)
            if child not in gone:
                stack.append(child)
    words = " ".join(pieces).split()
    return sum(map(len, words)) + max(len(words) - 1, 0)


#: trafilatura's raw-tree prunes (``RAW_TREE_PRUNE_XPATH``, then ``REMOVE_COMMENTS_AND_LISTS_XPATH``) in Python:
#: their EXSLT ``re:test`` calls back into Python for each element and attribute (~2 ms a page). Used only while
#: trafilatura's expressions are the ones mirrored here (the digest of their text).
RAW_PRUNE_DIGEST = "4886bf3f8ae56599"
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def _raw_prune(st: SimpleNamespace, tree: HtmlElement, *, comments: bool) -> None:
    """trafilatura's first prunes of the raw tree: infinite-scroll appendices, share buttons and (``comments``)
    comment containers; its XPaths when they are not the ones mirrored here."""
    import hashlib

    if hashlib.sha256("\n".join(x.path for x in [*st.raw_prune, *st.comments_prune]).encode()).hexdigest()[:16] != (
        RAW_PRUNE_DIGEST
    ):
        st.prune(tree, st.raw_prune)
        if comments:
            st.prune(tree, st.comments_prune)
        return

    def attr(el: HtmlElement, rx: re.Pattern[str]) -> bool:
        return bool(rx.search(el.get("id") or "") or rx.search(el.get("class") or ""))

    blocks = ("div", "section", "aside")
    appended = [
        e for e in tree.iterdescendants(*blocks) if attr(e, _SCROLL) and (e.find(".//h1") is None or attr(e, _APPENDED))
    ]
    for el in appended:
        st.delete(el)
    for el in [e for e in tree.iterdescendants(*blocks) if "elementor-share-buttons" in (e.get("class") or "")]:
        st.delete(el)
    if not comments:
        return
    gone = [
        e
        for e in tree.iterdescendants("div", "list", "section", "details", "ol", "ul")
        if _COMMENTS_ID.search(e.get("id") or "") or _COMMENTS_CLASS.search(e.get("class") or "")
    ]
    for el in gone:
        if (
            el.tag not in ("ol", "ul")
            or _COMMENTS_LIST_ID.search(el.get("id") or "")
            or _COMMENTS_CLASS.search(el.get("class") or "")
        ):
            st.delete(el)


def _cascade(st: SimpleNamespace, tree: HtmlElement, url: str | None, fast: bool, page_len: list[int]) -> Any:
    """trafilatura's cascade (stages 1-4 of ``trafilatura_sequence``, comments off) over a raw tree it prunes no
    more: the tree is left as it is, the page's length (``html2txt``) is measured once (``page_len``)."""
    options = st.Extractor(output_format="python", fast=fast, comments=False, tables=True, url=url)
    cleaned = st.tree_cleaning(copy(tree), options)
    backup = None if fast else copy(cleaned)  # the external extractors' input
    body, text = st.extract_content(st.convert_tags(cleaned, options, url), options)
    if backup is not None:
        body, text = st.compare(backup, copy(tree), body, text, options)
    if len(text) < options.min_extracted_size:  # 3. baseline rescue
        b_body, b_text, b_len = st.baseline(tree)
        if b_len > len(text):
            body, text = b_body, b_text
    if 0 < len(text) < st.esc_max:  # 4. recall escalation when the text covers little of the page
        if not page_len:
            page_len.append(page_chars(tree, st.basic_clean))
        if len(text) < st.esc_share * page_len[0]:
            body = _escalate(st, tree, url, options, body, text)
    return body


def _escalate(st: SimpleNamespace, tree: HtmlElement, url: str | None, options: Any, body: Any, text: str) -> Any:
    """Stage 4: the recall retry (and jusText, unless fast), kept when clearly longer."""
    r_options = copy(options)
    r_options.focus = "recall"
    r_body, r_text, j_body, j_text = None, "", None, ""
    try:
        r_body, r_text = st.recall(tree, r_options, url)
    except Exception:  # noqa: BLE001, S110 - as trafilatura: a failed retry keeps the first result
        pass
    if not options.fast:
        try:
            j_body, j_text = st.justext(copy(tree), options)
        except Exception:  # noqa: BLE001, S110
            pass
    if len(j_text) > len(r_text) and len(j_text) > st.esc_justext * len(text):
        return j_body
    if len(r_text) >= options.min_extracted_size and len(r_text) > st.esc_accept * len(text):
        return r_body
    return body


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
    st = _stages()
    if st is None:
        text = _bare(page, url, prune)
        return (_bare(page, url, prune, fast=False) or text) if _short(text, page) else text
    tree = copy(page)
    try:
        if prune:
            from lxml.etree import XPath  # type: ignore[import-untyped]

            st.prune(tree, [XPath(x) for x in prune])
        _raw_prune(st, tree, comments=not st.forum(tree))
        page_len: list[int] = []
        text = st.xmltotxt(_cascade(st, tree, url, True, page_len), False)
        if _short(text, page):
            full = st.xmltotxt(_cascade(st, tree, url, False, page_len), False)
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


def _htmldate(page: HtmlElement, url: str | None) -> dt.date | None:
    """htmldate's date of the page (None when it fails on a broken page: the text is still worth having)."""
    try:
        return iso_date(page_date(page, url))
    except Exception:  # noqa: BLE001 - htmldate/dateparser raise a variety of errors on odd markup
        return None


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
