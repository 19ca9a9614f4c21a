"""resolve_document: anchors (publication date, override, inferred year, none), flags, ranges, tense."""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope import time as T
from eventscope.model import PublishedDate
from eventscope.time.tense import Sentences, tense_at

D = dt.date.fromisoformat


def _resolve(text: str, published: str | None = None, override: str | None = None) -> T.DocumentTimes:
    pub = PublishedDate(D(published)) if published else None
    return T.resolve_document(text, [(0, len(text))], pub, override=D(override) if override else None)


def _get(times: T.DocumentTimes, span: str):  # type: ignore[no-untyped-def]
    return next(e for e in times.expressions if e.text == span)


@pytest.mark.parametrize(
    ("text", "span", "expected", "news_date"),
    [
        # the partial date takes the first year it falls in after the latest explicit date
        ("The accord of March 2018 held. On September 17, troops patrolled the road.", "September 17",
         "2018-09-17", "2018-09-17"),
        ("The accord of November 2018 held. On September 17, troops patrolled the road.", "September 17",
         "2019-09-17", "2019-09-17"),
        ("On 2 May 2011 a raid took place. In June, the army left.", "June", "2011-06", None),
        ("The war began in 1998. On 4 March, a truce was signed.", "4 March", "1999-03-04", "1999-03-04"),
    ],
)
def test_year_inferred(text: str, span: str, expected: str, news_date: str | None) -> None:
    times = _resolve(text)
    assert (times.anchor_basis, times.anchor_precision) == ("year inferred", "year")
    e = _get(times, span)
    assert (e.value, e.basis) == (expected, "year inferred")
    if news_date:
        assert times.news_date == D(news_date)


def test_inferred_year_leaves_day_deixis_unresolved() -> None:
    times = _resolve("In October 2019 the deal was signed. Yesterday, troops patrolled. On Friday they left.")
    for span in ("Yesterday", "Friday"):
        e = _get(times, span)
        assert (e.earliest, e.latest, e.precision) == (None, None, "unknown")


def test_no_dates_no_anchor() -> None:
    times = _resolve("Yesterday, troops patrolled the road near the border.")
    assert (times.anchor, times.anchor_basis, times.news_date) == (None, "none", None)
    assert _get(times, "Yesterday").earliest is None


def test_override_wins_over_publication_date() -> None:
    times = _resolve("Rockets hit the airport yesterday.", published="2020-12-28", override="2021-03-10")
    assert (times.anchor, times.anchor_basis) == (D("2021-03-10"), "override")
    assert _get(times, "yesterday").earliest == D("2021-03-09")


def test_publication_date_with_month_precision_keeps_days_unresolved() -> None:
    pub = PublishedDate(D("2020-12-01"), precision="month")
    text = "Rockets hit the airport yesterday. Elections were held in March."
    times = T.resolve_document(text, [(0, len(text))], pub)
    assert _get(times, "yesterday").earliest is None
    assert _get(times, "March").value == "2020-03"


def test_only_ranges_are_searched() -> None:
    text = "Posted 3 May 2019. Rockets hit the airport yesterday. Reader comment: see you on Friday."
    body = (text.index("Rockets"), text.index("Reader"))
    exprs = T.tag(text, [body], D("2019-05-03"), anchor_basis="publication date")
    assert [e.text for e in exprs] == ["yesterday"]
    assert all(body[0] <= e.start and e.end <= body[1] for e in exprs)


def test_overlapping_ranges_give_each_expression_once() -> None:
    text = "Rockets hit the airport yesterday and again on Friday."
    exprs = T.tag(text, [(0, 40), (10, len(text)), (5, 20)], D("2020-12-28"), anchor_basis="publication date")
    assert [e.text for e in exprs] == ["yesterday", "Friday"]


def test_identifier_numbers_do_not_anchor_the_year() -> None:
    times = _resolve("Resolution 2042 was cited. The accord of March 2018 held. On September 17, troops patrolled.")
    assert _get(times, "September 17").value == "2018-09-17"


@pytest.mark.parametrize(
    ("text", "span", "flag", "value"),
    [
        ("It was signed on 03/04/2020.", "03/04/2020", "ambiguous-numeric", "2020-04-03"),
        ("It was signed on 04/04/2020.", "04/04/2020", None, "2020-04-04"),
        ("It was signed on 13/04/2020.", "13/04/2020", None, "2020-04-13"),
        ("It was signed on 04/13/2020.", "04/13/2020", None, "2020-04-13"),
        ("It was signed on 31/02/2020.", "31/02/2020", "impossible", "2020-02-31"),
        ("It was signed on 14/14/2020.", "14/14/2020", "impossible", "2020-14-14"),
    ],
)
def test_numeric_dates(text: str, span: str, flag: str | None, value: str) -> None:
    e = _get(_resolve(text, "2020-12-28"), span)
    assert e.value == value
    assert (flag in e.flags) if flag else e.flags == ()


@pytest.mark.parametrize(
    ("sentence", "span", "tense"),
    [
        ("Rebels attacked the town on Friday.", "Friday", "past"),
        ("The ministers will meet on Friday.", "Friday", "future"),
        ("The talks are expected to resume on Friday.", "Friday", "future"),
        ("The vote will be held in March.", "March", "future"),
        ("The minister said on Friday that troops will withdraw.", "Friday", "past"),
        ("Troops will withdraw on Friday, the minister said.", "Friday", "future"),
        ("The summit opens on Friday.", "Friday", "present"),
        ("Troops had left by Friday.", "Friday", "past"),
    ],
)
def test_tense(sentence: str, span: str, tense: str) -> None:
    start = sentence.index(span)
    bounds = Sentences(sentence, [(0, len(sentence))]).around(start, start + len(span))
    assert tense_at(sentence, bounds, start, start + len(span)) == tense


@pytest.mark.parametrize(
    ("text", "span", "mod"),
    [
        ("Jets have struck the area since September 2015.", "September 2015", "SINCE"),
        ("The truce holds until 2022.", "2022", "BEFORE"),
        ("Troops must leave by 2023.", "2023", "ON_OR_BEFORE"),
        ("The town has been calm after 2019.", "2019", "AFTER"),
        ("Prices rose about five years ago.", "about five years ago", "APPROX"),
        ("Clashes resumed late last month.", "late last month", "END"),
    ],
)
def test_mods(text: str, span: str, mod: str) -> None:
    assert _get(_resolve(text, "2020-12-28"), span).mod == mod
