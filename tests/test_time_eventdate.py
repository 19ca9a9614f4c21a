"""event_date: the expression governing the trigger's clause, then context, never silently the publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope import time as T
from eventscope.model import EventDate, PublishedDate
from eventscope.time.eventdate import NO_DATE, clauses

PUB = PublishedDate(dt.date(2020, 12, 28))


def _date_for(text: str, trigger: str, *, previous: EventDate | None = None,
              published: PublishedDate | None = PUB) -> EventDate:
    times = T.resolve_document(text, [(0, len(text))], published)
    t0 = text.index(trigger)
    # the sentence and paragraph around the trigger, found by punctuation and blank lines
    dot = text.rfind(". ", 0, t0)
    s0 = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, t0) + 1)
    s1 = text.find(". ", t0)
    s1 = len(text) if s1 < 0 else s1 + 1
    p0 = text.rfind("\n\n", 0, t0)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = text.find("\n\n", t0)
    p1 = len(text) if p1 < 0 else p1
    return T.event_date(times, sentence=(s0, s1), trigger=(t0, t0 + len(trigger)), paragraph=(p0, p1),
                        previous=previous)


# (text, trigger, earliest, latest, precision, expression text)
CASES = [
    ("On Friday the rebels, who had seized the town on 3 May 2019, attacked the airport.", "attacked",
     "2020-12-25", "2020-12-25", "day", "Friday"),
    ("On Friday the rebels, who had seized the town on 3 May 2019, attacked the airport.", "seized",
     "2019-05-03", "2019-05-03", "day", "3 May 2019"),
    ("Talks collapsed in 2018; the army attacked the port on Friday.", "collapsed",
     "2018-01-01", "2018-12-31", "year", "2018"),
    ("Talks collapsed in 2018; the army attacked the port on Friday.", "attacked",
     "2020-12-25", "2020-12-25", "day", "Friday"),
    ("Jets have bombed rebel positions since March 2016, the ministry said.", "bombed",
     "2016-03-01", "2016-03-31", "month", "March 2016"),
    ("Earlier this month, fighters clashed near the dam.", "clashed",
     "2020-12-01", "2020-12-28", "month", "Earlier this month"),
    ("No rockets were fired in the past 48 hours, the army said.", "fired",
     "2020-12-26", "2020-12-28", "day", "the past 48 hours"),
    ("Troops entered the town on 2 June 2014.\n\nThey looted the market.", "entered",
     "2014-06-02", "2014-06-02", "day", "2 June 2014"),
    ("On 2 June 2014 troops entered the town. They looted the market.", "looted",
     "2014-06-02", "2014-06-02", "day", "2 June 2014"),
    ("Police said on Sunday that a bomb exploded in the market, although the curfew of last month held.",
     "exploded", "2020-12-27", "2020-12-27", "day", "Sunday"),
]


@pytest.mark.parametrize(("text", "trigger", "earliest", "latest", "precision", "expr"), CASES)
def test_event_date(text: str, trigger: str, earliest: str, latest: str, precision: str, expr: str) -> None:
    d = _date_for(text, trigger)
    assert (d.earliest, d.latest, d.precision, d.text) == (
        dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest), precision, expr)
    assert text[d.start : d.end] == d.text


def test_previous_event_gives_context() -> None:
    before = EventDate(dt.date(2020, 12, 20), dt.date(2020, 12, 20), "day", "explicit", "20 December", 0, 11)
    d = _date_for("Protesters then burned tyres.", "burned", previous=before)
    assert (d.earliest, d.basis) == (dt.date(2020, 12, 20), "context")


def test_no_date_is_the_publication_week_not_day() -> None:
    d = _date_for("Protesters burned tyres outside the ministry.", "burned")
    assert (d.earliest, d.latest, d.precision, d.basis) == (dt.date(2020, 12, 22), dt.date(2020, 12, 28), "week",
                                                            NO_DATE)
    assert d.text is None


def test_no_date_and_no_anchor_is_unknown() -> None:
    d = _date_for("Protesters burned tyres outside the ministry.", "burned", published=None)
    assert (d.earliest, d.latest, d.precision) == (None, None, "unknown")


@pytest.mark.parametrize(
    ("text", "trigger", "historical"),
    [
        ("In October 2019, troops crossed the border.", "crossed", True),
        ("Jets have bombed the area since September 2015.", "bombed", True),
        ("Late Sunday, troops arrived.", "arrived", False),
        ("Earlier this month, fighters clashed.", "clashed", False),
        ("On 5 December 2020 the bridge fell.", "fell", False),
        ("On 20 October 2020 the bridge fell.", "fell", True),
    ],
)
def test_is_historical(text: str, trigger: str, historical: bool) -> None:
    times = T.resolve_document(text, [(0, len(text))], PUB)
    assert T.is_historical(_date_for(text, trigger), times) is historical


def test_clauses_split_relative_and_coordinate() -> None:
    t = "On Friday the rebels, who had fled, attacked the port; talks failed, but aid came."
    ids = [(t[a:b].strip(" ,;"), c) for a, b, c in clauses(t, (0, len(t)))]
    assert ids[0] == ("On Friday the rebels", 0)
    assert ids[1][0] == "who had fled" and ids[1][1] != 0
    assert ids[2] == ("attacked the port", 0)
    assert len({c for _, c in ids}) == 4
