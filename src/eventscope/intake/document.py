"""Build a Document from decoded text: zones, title, publication date, outlet."""

from __future__ import annotations

import datetime as dt

from ..model import Document, PublishedDate, content_hash
from .html import HtmlResult
from .metadata import find_outlet, find_published, find_title
from .zones import mark_zones


def parse_given_date(value: object) -> dt.date | None:
    """A date given as metadata (JSONL/CSV field): ISO date or datetime, or a datetime.date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def make_document(
    text: str,
    *,
    locator: str,
    path: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: PublishedDate | dt.date | None = None,
    external_id: str | None = None,
    html_meta: HtmlResult | None = None,
    published_note: str | None = None,
) -> Document:
    """A Document over ``text`` (kept exactly). ``published`` (override/given) beats the page's and the text's date.

    A bare ``datetime.date`` as ``published`` is the caller's override (basis "override").
    """
    if isinstance(published, dt.date):
        published = PublishedDate(published, "day", "override")
    zones = mark_zones(text, extracted=html_meta is not None)
    note = None
    if published is None and html_meta is not None and html_meta.date is not None:
        published = PublishedDate(html_meta.date, "day", "html")
    if published is None:
        published, note = find_published(text, zones)
        if published is not None:
            note = None
        elif published_note:
            note = f"{published_note}; {note}"
    if title is None and html_meta is not None:
        title = html_meta.title
    if title is None:
        title = find_title(text, zones)
    source = None if url or html_meta is None else html_meta.site_name
    source = source or find_outlet(text, zones, url)
    return Document(
        id=external_id if external_id else content_hash(text),
        text=text,
        locator=locator,
        path=path,
        url=url,
        title=title,
        published=published,
        published_note=note,
        source=source,
        language=html_meta.language if html_meta is not None else None,
        zones=zones,
        extraction=html_meta.extraction if html_meta is not None else "plain",
        original_format="html" if html_meta is not None else "text",
    )


__all__ = ["make_document", "parse_given_date"]
