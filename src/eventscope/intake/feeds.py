"""RSS/Atom feeds → one Document per item; web pages fetched by URL → a Document.

Feeds are parsed with feedparser after a safety check that refuses XML entity declarations (billion laughs,
external entities). An item's text is its content (HTML converted to text), else its summary; when the item holds
only a short summary and a fetcher is given, the item's link is fetched and its main text extracted instead.
Every failure is a per-item :class:`~eventscope.errors.Skip`; the other items still come out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

if TYPE_CHECKING:
    import httpx

from ..errors import Codes, InputError, Skip
from ..model import Document, PublishedDate
from .decode import DecodeProblem, decode_bytes, looks_like_html
from .document import make_document
from .fetch import HTML_TYPES, FetchCodes, FetchResult, fetch
from .html import HtmlResult, extract_html

#: an item whose only text is a one-paragraph summary shorter than this (characters) is followed to its page
SUMMARY_MAX_CHARS = 1200
#: endings that mark a teaser ("… Read more")
_TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|weiterlesen|mehr)\W*$", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure figcaption".split()
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"\n\s*\n+")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item, normalised."""

    item_id: str  # guid/id, else link, else a hash of title and text
    link: str | None
    title: str | None
    published: dt.date | None
    content: str  # the item's content, else its summary (HTML or plain text, see ``is_html``)
    is_html: bool
    summary_only: bool  # no full content, only a (short/teaser) summary
    language: str | None
    fingerprint: str  # changes when the item's title, text, link or dates change


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    link: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]
    version: str


#: fetches a page URL and returns its Document (raises InputError with a Skip)
PageFetcher = Callable[[str], Document]


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes look like an RSS/Atom/RDF document (first 2 KB)."""
    head = data[:2048].lstrip().lower()
    return bool(re.search(rb"<(?:rss|feed|rdf:rdf)\b", head))


def check_feed_safety(data: bytes, source: str) -> None:
    """Refuse XML with entity declarations (entity bombs, external entities) before any parser sees it."""
    flat = data.replace(b"\x00", b"")  # UTF-16/32 markup reads as ASCII once the NUL bytes are gone
    doctype = _DOCTYPE.search(flat)
    if doctype is None:
        return  # entity declarations exist only inside a DOCTYPE
    if _ENTITY_DECL.search(flat, doctype.end()):  # anywhere after it: a comment may hide the subset's end
        raise InputError(Skip(source, FetchCodes.FEED, "unsafe feed: XML entity declarations are refused (entity bomb?)"))
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as e:
        raise InputError(Skip(source, FetchCodes.FEED, f"unsafe feed: {e}")) from e
    except ParseError:
        pass  # not well-formed: feedparser's lenient parser reads it (no entity declarations were found)


def parse_feed(data: bytes, *, source: str, base: str | None = None) -> Feed:
    """Parse RSS/Atom bytes; raise InputError (E125) when unsafe or not a feed. Relative links resolve on ``base``."""
    check_feed_safety(data, source)
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=True, sanitize_html=True)
    except Exception as e:  # feedparser's parsers raise many kinds of errors on hostile input
        raise InputError(Skip(source, FetchCodes.FEED, f"feed could not be parsed: {type(e).__name__}: {e}")) from e
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise InputError(Skip(source, FetchCodes.FEED, f"not an RSS/Atom feed{f': {why}' if why else ''}"))
    head = dict(parsed.feed)
    language = _lang(head.get("language"))
    entries = tuple(_entry(e, language, base) for e in parsed.entries)
    return Feed(_plain(head.get("title")), head.get("link"), language, entries, parsed.get("version") or "unknown")


def _lang(value: object) -> str | None:
    return value.split("-")[0].split("_")[0].lower() or None if isinstance(value, str) and value else None


def _entry(entry: Any, feed_language: str | None, base: str | None) -> FeedEntry:
    e = dict(entry)  # plain dict access: feedparser's mapping of "updated" to "published" warns
    content, is_html, summary_only = "", False, True
    for c in e.get("content") or ():
        value = c.get("value") or ""
        if value.strip():
            content, is_html, summary_only = value, "html" in (c.get("type") or ""), False
            break
    if not content:
        detail = e.get("summary_detail") or {}
        content = e.get("summary") or ""
        is_html = "html" in (detail.get("type") or "text/html")
    link = e.get("link") or None
    if link and base:
        link = urljoin(base, link)
    title_detail = e.get("title_detail") or {}
    title = e.get("title")
    title = html_to_text(title) if title and "html" in (title_detail.get("type") or "") else _plain(title)
    stamp = e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed")
    published = dt.date(*stamp[:3]) if stamp else None
    dates = f"{e.get('published', '')}|{e.get('updated', '')}"
    fingerprint = _hash("\x1f".join([title or "", link or "", content, dates]))
    item_id = str(e.get("id") or link or _hash(f"{title}\x1f{content}"))
    return FeedEntry(item_id, link, title or None, published, content, is_html, summary_only,
                     _lang(e.get("language")) or feed_language, fingerprint)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _plain(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment: block elements become paragraph breaks, whitespace is collapsed."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on empty or odd fragments
        return _strip_tags(fragment)
    from lxml import etree

    parts: list[str] = []
    skipping = 0  # depth inside script/style
    for event, el in etree.iterwalk(root, events=("start", "end")):  # iterative: deep nesting is no recursion
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in ("script", "style"):
                skipping += 1
            elif not skipping:
                if tag in _BLOCK_TAGS:
                    parts.append("\n\n")
                if el.text:
                    parts.append(el.text)
            continue
        if tag in ("script", "style"):
            skipping -= 1
        elif not skipping and tag in _BLOCK_TAGS:
            parts.append("\n\n")
        if not skipping and el.tail and el is not root:
            parts.append(el.tail)
    text = _SPACES.sub(" ", "".join(parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANKS.sub("\n\n", text).strip()
    return text or _strip_tags(fragment)  # libxml2 drops what lies deeper than 256 levels


def _strip_tags(fragment: str) -> str:
    """Last resort for markup the parser gave up on: tags and scripts removed, entities decoded."""
    text = _TAG.sub(" ", _SCRIPT.sub(" ", fragment))
    return " ".join(html.unescape(text).split())


def _is_teaser(entry: FeedEntry, text: str) -> bool:
    """A summary-only item whose summary ends like a teaser, or is short and a single paragraph."""
    if not entry.summary_only or not entry.link:
        return False
    return bool(_TEASER_END.search(text)) or (len(text) < SUMMARY_MAX_CHARS and "\n" not in text.strip())


def _item_text(entry: FeedEntry) -> tuple[str, str]:
    """The item's text and how it was obtained.

    Item HTML is already the article (feedparser sanitised it), so it is converted structurally, not run through
    the page extractor (trafilatura drops short paragraphs and costs ~15 ms an item); debris left in it (share
    lines, "The post ... appeared first on ...") is zoned like any text.
    """
    if not entry.is_html:
        return entry.content.strip(), "feed:text"
    return html_to_text(entry.content), "feed:html"


def entry_document(
    entry: FeedEntry,
    feed: Feed,
    *,
    source: str,
    path: str | None = None,
    published: dt.date | None = None,
    fetch_page: PageFetcher | None = None,
) -> Document:
    """The Document of one item (raise InputError with a Skip). ``source`` names the feed (path or URL)."""
    where = f"{source}#{entry.link or entry.item_id}"
    text, how = _item_text(entry)
    given = PublishedDate(published, "day", "override") if published else (
        PublishedDate(entry.published, "day", "given") if entry.published else None)
    if fetch_page is not None and entry.link and _is_teaser(entry, text):
        doc = fetch_page(entry.link)
        return dataclasses.replace(
            doc,
            title=entry.title or doc.title,
            published=given or doc.published,
            published_note=None if given else doc.published_note,
            source=feed.title or doc.source,
            path=path,
            extraction=f"feed+{doc.extraction}",
        )
    if not text.strip():
        raise InputError(Skip(where, Codes.EMPTY, "feed item has no text"))
    locator = entry.link or f"{source}#{entry.item_id}"
    meta = HtmlResult(text=text, title=entry.title, site_name=feed.title, language=entry.language, extraction=how)
    doc = make_document(text, locator=locator, path=path, url=entry.link, title=entry.title, published=given,
                        html_meta=meta if entry.is_html else None)
    return dataclasses.replace(doc, source=feed.title or doc.source, language=entry.language or doc.language,
                               extraction=how)


def read_feed(
    data: bytes,
    *,
    source: str,
    path: str | None = None,
    base: str | None = None,
    published: dt.date | None = None,
    fetch_page: PageFetcher | None = None,
) -> Iterator[Document | Skip]:
    """One Document (or Skip) per item of a feed; an unreadable feed is one Skip."""
    try:
        feed = parse_feed(data, source=source, base=base)
    except InputError as e:
        yield e.skip
        return
    yield from feed_documents(feed, source=source, path=path, published=published, fetch_page=fetch_page)


def feed_documents(
    feed: Feed,
    *,
    source: str,
    path: str | None = None,
    published: dt.date | None = None,
    fetch_page: PageFetcher | None = None,
) -> Iterator[Document | Skip]:
    for entry in feed.entries:
        yield entry_or_skip(entry, feed, source=source, path=path, published=published, fetch_page=fetch_page)


def entry_or_skip(entry: FeedEntry, feed: Feed, **kwargs: Any) -> Document | Skip:
    """:func:`entry_document`, with every failure (expected or not) turned into a Skip."""
    try:
        return entry_document(entry, feed, **kwargs)
    except InputError as e:
        return e.skip
    except Exception as e:  # one item's unexpected failure never stops the others
        where = f"{kwargs.get('source')}#{entry.link or entry.item_id}"
        return Skip(where, Codes.PIPELINE, f"failed while reading the item: {type(e).__name__}: {e}")


def page_document(fetched: FetchResult, *, published: dt.date | None = None) -> Document:
    """The Document of a fetched web page (main text via trafilatura); raise InputError with a Skip."""
    url = fetched.final_url
    text = _decode(fetched, url)
    override = PublishedDate(published, "day", "override") if published else None
    if fetched.content_type == "text/plain" and not looks_like_html(text):
        if not text.strip():
            raise InputError(Skip(fetched.url, Codes.EMPTY, "the page has no text"))
        return make_document(text, locator=fetched.url, url=url, published=override)
    meta = extract_html(text, url, source=fetched.url)
    return make_document(meta.text, locator=fetched.url, url=url, published=override, html_meta=meta)


def _decode(fetched: FetchResult, url: str) -> str:
    if fetched.charset:
        try:
            return fetched.content.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(fetched.content, html=True)[0]
    except DecodeProblem as e:
        raise InputError(Skip(url, e.code, e.message)) from e


def page_fetcher(client: httpx.Client, *, published: dt.date | None = None, **fetch_options: Any) -> PageFetcher:
    """A :data:`PageFetcher` over ``client``: fetch the URL as a web page (options as for ``fetch``), extract it."""

    def fetch_page(url: str) -> Document:
        return page_document(fetch(url, client=client, accept=HTML_TYPES, **fetch_options), published=published)

    return fetch_page


def url_documents(
    url: str, *, client: httpx.Client, published: dt.date | None = None, **fetch_options: Any
) -> Iterator[Document | Skip]:
    """Fetch ``url``: a feed gives one Document (or Skip) per item (teasers followed), a page gives one Document."""
    try:
        fetched = fetch(url, client=client, **fetch_options)
    except InputError as e:
        yield e.skip
        return
    if looks_like_feed(fetched.content):
        fetch_page = page_fetcher(client, published=published, **fetch_options)
        yield from read_feed(fetched.content, source=url, base=fetched.final_url, published=published,
                             fetch_page=fetch_page)
        return
    if fetched.is_feed_type:
        yield Skip(url, FetchCodes.FEED, f"served as {fetched.content_type} but is not an RSS/Atom feed")
        return
    try:
        yield page_document(fetched, published=published)
    except InputError as e:
        yield e.skip
    except Exception as e:  # one page's unexpected failure never stops the others
        yield Skip(url, Codes.PIPELINE, f"failed while reading the page: {type(e).__name__}: {e}")


__all__ = [
    "SUMMARY_MAX_CHARS",
    "Feed",
    "FeedEntry",
    "PageFetcher",
    "check_feed_safety",
    "entry_document",
    "entry_or_skip",
    "feed_documents",
    "html_to_text",
    "looks_like_feed",
    "page_document",
    "page_fetcher",
    "parse_feed",
    "read_feed",
    "url_documents",
]
