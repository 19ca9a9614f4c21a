"""HTML to main text and page metadata with trafilatura (reader comments excluded)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import Codes, InputError, Skip
from .decode import DecodeProblem, decode_bytes

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
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            html,
            url=url,
            include_comments=False,
            with_metadata=True,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except Exception as e:  # trafilatura/lxml raise a variety of parser errors on broken pages
        raise InputError(Skip(where, Codes.HTML, f"HTML could not be parsed: {type(e).__name__}: {e}")) from e
    if doc is None:
        raise InputError(Skip(where, Codes.HTML, "no main text could be extracted from the HTML"))
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Skip(where, Codes.HTML, "no main text could be extracted from the HTML"))
    site = _clean(get("sitename"))
    return HtmlResult(
        text=text,
        title=strip_site_name(_clean(get("title")), site, url),
        date=_iso_date(get("date")),
        site_name=site,
        author=_clean(get("author")),
        language=_clean(get("language")) or _page_language(html),
    )


__all__ = ["HtmlResult", "extract_html"]
