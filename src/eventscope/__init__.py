"""eventscope: news articles in, a sourced, geocoded, dated record of political and conflict events out.

Public API::

    import eventscope
    events = eventscope.extract(text, published="2020-12-28")
    for e in events:
        print(e.type, e.location and e.location.name, e.date and e.date.earliest)

    pipe = eventscope.Pipeline()          # control over model, actor files, gazetteer path
    for result in pipe.run(["articles/"]):
        ...
"""

from __future__ import annotations

import datetime as dt

from ._version import __version__
from .errors import EventscopeError, InputError, ModelNotFound, Skip
from .model import (
    Acled,
    Actor,
    Attribution,
    Document,
    Event,
    EventDate,
    Place,
    PublishedDate,
    Quantity,
    Span,
    TimeExpression,
    Zone,
)
from .pipeline import Pipeline, Result, default_pipeline


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def read(text: str, *, published: str | dt.date | None = None, url: str | None = None, title: str | None = None,
         id: str | None = None) -> Document:  # noqa: A002 - mirrors the JSONL field name
    """Turn a text into a :class:`Document` (zones, publication date, title) without coding events."""
    from .intake import make_document

    return make_document(text, locator=url or f"text:{id or ''}", url=url, title=title, published=_as_date(published),
                         external_id=id)


def extract(text: str, *, published: str | dt.date | None = None, url: str | None = None, title: str | None = None,
            id: str | None = None, pipeline: Pipeline | None = None) -> list[Event]:  # noqa: A002
    """Read the events of one article given as plain text (page debris and comments are zoned out, not coded)."""
    doc = read(text, published=published, url=url, title=title, id=id)
    return (pipeline or default_pipeline()).process(doc)


__all__ = [
    "Acled",
    "Actor",
    "Attribution",
    "Document",
    "Event",
    "EventDate",
    "EventscopeError",
    "InputError",
    "ModelNotFound",
    "Pipeline",
    "Place",
    "PublishedDate",
    "Quantity",
    "Result",
    "Skip",
    "Span",
    "TimeExpression",
    "Zone",
    "__version__",
    "extract",
    "read",
]
