"""Ambiguous numeric dates follow the outlet's locale when known, else the text's own usage, else a flag."""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope import time as T
from eventscope.model import PublishedDate

PUB = PublishedDate(dt.date(2020, 5, 1))


def _first(text: str, **kw: object) -> tuple[str, tuple[str, ...]]:
    times = T.resolve_document(text, [(0, len(text))], PUB, **kw)  # type: ignore[arg-type]
    e = times.expressions[0]
    return e.value, e.flags


@pytest.mark.parametrize(
    ("url", "order"),
    [
        ("https://www.example.co.uk/news/1", "dmy"),
        ("https://zeitung.de/a", "dmy"),
        ("https://citypaper.us/story", "mdy"),
        ("https://example.com/x", None),
        ("example.org", None),
        (None, None),
    ],
)
def test_numeric_order_from_the_outlet_domain(url: str | None, order: str | None) -> None:
    assert T.numeric_order_for(url) == order


@pytest.mark.parametrize(
    ("text", "kw", "value", "flagged"),
    [
        ("The council met on 03/04/2020 to vote.", {}, "2020-04-03", True),  # unknown: day first, flagged
        ("The council met on 03/04/2020 to vote.", {"numeric_order": "mdy"}, "2020-03-04", False),
        ("The council met on 03/04/2020 to vote.", {"numeric_order": "dmy"}, "2020-04-03", False),
        # the text's own unambiguous dates decide
        ("The council met on 03/04/2020, a week before the 04/13/2020 vote.", {}, "2020-03-04", False),
        ("The council met on 03/04/2020, a week before the 13/04/2020 vote.", {}, "2020-04-03", False),
        # both orders in one text: no evidence either way
        ("Met on 03/04/2020; polls on 13/04/2020 and 04/14/2020.", {}, "2020-04-03", True),
        # an outlet's locale wins over nothing, an unambiguous date is never reinterpreted
        ("The vote on 13/04/2020 was delayed.", {"numeric_order": "mdy"}, "2020-04-13", False),
    ],
)
def test_ambiguous_numeric_dates(text: str, kw: dict, value: str, flagged: bool) -> None:
    got, flags = _first(text, **kw)
    assert got == value
    assert ("ambiguous-numeric" in flags) == flagged
