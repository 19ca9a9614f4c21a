"""Properties of the time stage on generated text: spans index the text, intervals are ordered, resolving is
deterministic, and nothing is found outside the ranges given."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope import time as T

PHRASES = [
    "Late Sunday", "on Friday", "yesterday", "today (Sunday)", "last week", "Earlier this month", "in 2015",
    "since September 2015", "two weeks after the invasion", "On September 17", "the previous 24 hours", "3 May 2019",
    "03/04/2020", "31/02/2020", "February 30", "mid-December", "the 1990s", "last summer", "for three days",
    "every Friday", "recently", "the end of the month", "three days later", "the next day", "10:35 a.m.",
    "the third quarter", "next spring", "a year ago", "in March", "will meet on Monday", "Dec. 28", "later that year",
    "the year-ago quarter", "the latest quarter", "a year earlier", "year-earlier", "this year's third quarter",
    "Christmas", "Easter", "Election Day", "Good Friday 1998", "nineteen ninety-six", "the year two thousand",
    "the nineties", "the late '80s", "the 20th century", "this century", "year-end", "5 p.m. EST Nov. 9",
    "midnight Friday", "two more weeks", "recent years", "Sunday night", "Wednesday's ruling", "in five years",
    "the year ended March 31", "daily", "about the future", "quarterly", "the period",
]
FILLER = ["troops", "said", "the", "attacked", "will", "were", ",", ".", "and", "in", "near", "Ain Issa", "\n\n",
          "May", "fall", "2000 troops", "now-defunct", "(", ")", "—"]

texts = st.lists(st.sampled_from(PHRASES + FILLER), min_size=1, max_size=30).map(" ".join)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31)))
bases = st.sampled_from(["publication date", "override", "year inferred", "none"])


@settings(max_examples=200, deadline=None)
@given(texts, anchors, bases)
def test_invariants(text: str, anchor: dt.date | None, basis: str) -> None:
    exprs = T.tag(text, [(0, len(text))], anchor, anchor_basis=basis)
    for e in exprs:
        assert text[e.start : e.end] == e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        if e.earliest is not None and e.latest is not None:
            assert e.earliest <= e.latest
        else:
            assert e.precision == "unknown"
        if "impossible" in e.flags:
            assert e.earliest is None and e.latest is None
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:], strict=False))
    assert T.tag(text, [(0, len(text))], anchor, anchor_basis=basis) == exprs


@settings(max_examples=100, deadline=None)
@given(texts, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)), st.data())
def test_ranges_bound_the_search(text: str, anchor: dt.date, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for e in T.tag(text, [(lo, hi)], anchor, anchor_basis="publication date"):
        assert lo <= e.start and e.end <= hi


@settings(max_examples=100, deadline=None)
@given(texts, anchors)
def test_resolve_document_invariants(text: str, published: dt.date | None) -> None:
    from eventscope.model import PublishedDate

    times = T.resolve_document(text, [(0, len(text))], PublishedDate(published) if published else None)
    assert times.anchor_basis in ("publication date", "year inferred", "none")
    for e in times.expressions:
        assert text[e.start : e.end] == e.text
        if e.earliest and e.latest:
            assert e.earliest <= e.latest
    if published is None and times.anchor is None:
        assert all(e.basis != "relative to publication date" for e in times.expressions)
