"""Table of TimeML conventions the time stage follows (as TimeBank/AQUAINT newswire annotates them): quarters and
year-ago periods in results stories, part-of-day values, vague references, holidays, years in words, clock times
with their day, tense for partial dates, and the TIMEX3 view of anchored shifts. Sentences written for eventscope."""

from __future__ import annotations

import datetime as dt

import pytest

from eventscope import time as T
from eventscope.model import TimeExpression

Z = "1998-10-26"  # Monday
Q = "1989-10-30"  # Monday, results season for the third quarter
W = "2000-01-12"  # Wednesday

# (text, anchor, span, type, value)
CASES: list[tuple[str, str, str, str, str]] = [
    # part of day after a weekday: the day, as the corpora value it
    ("Protesters marched on Sunday night downtown.", Z, "Sunday night", "DATE", "1998-10-25"),
    ("The aid arrived Friday morning by truck.", Z, "Friday morning", "DATE", "1998-10-23"),
    ("Police sealed the road on Thursday evening.", Z, "Thursday evening", "DATE", "1998-10-22"),
    ("Shelling resumed late Saturday night near the port.", Z, "late Saturday night", "DATE", "1998-10-24"),
    ("The curfew ends this morning.", Z, "this morning", "TIME", "1998-10-26TMO"),
    ("Gunfire rang out last night.", Z, "last night", "TIME", "1998-10-25TNI"),
    # vague references
    ("The town has grown in recent years.", Z, "recent years", "DATE", "PAST_REF"),
    ("Raids have increased in recent weeks.", Z, "recent weeks", "DATE", "PAST_REF"),
    ("Such protests were rare in past years.", Z, "past years", "DATE", "PAST_REF"),
    ("A recent survey found broad support.", Z, "recent", "DATE", "PAST_REF"),
    ("The current governor declined to comment.", Z, "current", "DATE", "PRESENT_REF"),
    ("Residents worry about the future of the mine.", Z, "the future", "DATE", "FUTURE_REF"),
    ("The fund sets money aside for the future.", Z, "the future", "DATE", "FUTURE_REF"),
    ("Traders will see more volatility in coming months.", Z, "coming months", "DURATION", "PXM"),
    # quarters and year-ago periods in results stories
    ("The miner expects to report a loss for the third quarter.", Q, "the third quarter", "DATE", "1989-Q3"),
    ("The bank will post its first-quarter results soon.", Q, "first-quarter", "DATE", "1990-Q1"),
    ("Net income for this year's third quarter rose 5%.", Q, "this year's third quarter", "DATE", "1989-Q3"),
    ("The chain lost $2 million in the 1988 third quarter.", Q, "the 1988 third quarter", "DATE", "1988-Q3"),
    ("Sales in last year's second quarter were flat.", Q, "last year's second quarter", "DATE", "1988-Q2"),
    ("Sales for the third quarter of last year were flat.", Q, "the third quarter of last year", "DATE", "1988-Q3"),
    ("Profit rose in the third quarter. It earned $3 million in the year-ago quarter.", Q, "the year-ago quarter",
     "DATE", "1988-Q3"),
    ("Revenue climbed 8% from the comparable year-ago period, the quarterly report said.", Q,
     "the comparable year-ago period", "DATE", "1988-Q3"),
    ("The firm had a net loss in the second quarter, compared with a year-earlier profit.", Q, "year-earlier",
     "DATE", "1988-Q2"),
    ("Third-quarter profit rose to $9 million from $7 million a year earlier.", Q, "a year earlier", "DATE",
     "1988-Q3"),
    ("Quarterly sales reached $40 million, up from $31 million a year ago.", Q, "a year ago", "DATE", "1988-Q3"),
    ("Exports fell to $2 billion from $3 billion a year earlier.", Q, "a year earlier", "DATE", "1988"),
    ("Steel output fell 3% from a year ago.", Q, "a year ago", "DATE", "1988"),
    ("Shells hit the old quarter a year ago.", Q, "a year ago", "DATE", "1988"),
    ("In March Iran launched a new drone.", Q, "March", "DATE", "1989-03"),
    ("In the latest quarter, the insurer lost $23 million.", Q, "the latest quarter", "DATE", "1989-Q3"),
    ("The brewer earned $4 million in the quarter.", Q, "the quarter", "DATE", "1989-Q3"),
    ("The brewer earned $4 million in the quarter a year ago.", Q, "the quarter a year ago", "DATE", "1988-Q3"),
    ("Its fourth quarter of 1988 was weak; revenue rose 4% in the latest period.", Q, "the latest period", "DATE",
     "1988-Q4"),
    ("Costs for the period were not disclosed.", Q, "", "", ""),
    ("The year-ago results were restated.", Q, "year-ago", "DATE", "1988"),
    ("The bank must raise capital by year-end.", Q, "year-end", "DATE", "1989"),
    ("Rules should be in place by year's end.", Q, "year's end", "DATE", "1989"),
    # partial dates and months: tense, cues and deadlines
    ("The offer had been set to expire Nov. 6.", Q, "Nov. 6", "DATE", "1989-11-06"),
    ("The dividend is payable Dec. 7 to holders of record.", Q, "Dec. 7", "DATE", "1989-12-07"),
    ("Closing is expected in December.", Q, "December", "DATE", "1989-12"),
    ("The hearing is heard in May in the appeals court.", "2000-03-29", "May", "DATE", "2000-05"),
    ("The airline will double its flights by August.", "1998-02-13", "August", "DATE", "1998-08"),
    ("In January, the chain hired a new chief.", Q, "January", "DATE", "1989-01"),
    ("Talks collapsed on Dec. 20.", "1999-01-05", "Dec. 20", "DATE", "1998-12-20"),
    ("Hudson said it will redeem its preferred shares on Oct. 31.", "1989-10-27", "Oct. 31", "DATE", "1989-10-31"),
    # weekdays: possessive events lie in the past, quoted sentences end at ``
    ("Lawyers will appeal Monday's ruling.", W, "Monday", "DATE", "2000-01-10"),
    ("The council voted Friday. ``This will be seen as a turning point,'' he said.", "1998-02-13", "Friday", "DATE",
     "1998-02-13"),
    ("The envoy, who resigned on Friday, will speak next week.", W, "Friday", "DATE", "2000-01-07"),
    # clock times take their day
    ("The offer runs until 5 p.m. EST Nov. 9.", Q, "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00"),
    ("The offer expired at midnight Friday.", Q, "midnight Friday", "TIME", "1989-10-27T24:00"),
    ("The shares will be redeemed in five years.", Q, "five years", "DATE", "1994"),
    ("The first vote in five years was held.", Q, "five years", "DURATION", "P5Y"),
    ("The blast shook the port on Friday. Windows shattered for miles around. The first blast came at 10:35 a.m.",
     "1998-08-08", "10:35 a.m.", "TIME", "1998-08-07T10:35"),
    # holidays
    ("Shops closed for Christmas 1997.", Z, "Christmas 1997", "DATE", "1997-12-25"),
    ("Crowds gathered on Christmas Eve.", Z, "Christmas Eve", "DATE", "1997-12-24"),
    ("Voters go to the polls on Election Day.", Z, "Election Day", "DATE", "1998-11-03"),
    ("Pilgrims will arrive before Easter.", Z, "Easter", "DATE", "1999-04-04"),
    ("The ceasefire began on Good Friday 1998.", Z, "Good Friday 1998", "DATE", "1998-04-10"),
    ("Traffic peaked on Thanksgiving 2019.", Z, "Thanksgiving 2019", "DATE", "2019-11-28"),
    ("The parade was held on Memorial Day.", Z, "Memorial Day", "DATE", "1998-05-25"),
    ("Stores reopened after Labor Day.", Z, "Labor Day", "DATE", "1998-09-07"),
    ("Fireworks lit the sky on Independence Day.", Z, "Independence Day", "DATE", "1998-07-04"),
    # years, decades and centuries in words
    ("It happened in nineteen ninety-six, he said.", Z, "nineteen ninety-six", "DATE", "1996"),
    ("The approach of the year two thousand worried them.", Z, "the year two thousand", "DATE", "2000"),
    ("Membership fell through the nineties.", Z, "the nineties", "DATE", "199"),
    ("Sales peaked in the late '80s.", Z, "the late '80s", "DATE", "198"),
    ("It was among the worst crises of the 20th century.", Z, "the 20th century", "DATE", "19"),
    ("Twenty nineteen was a hard year.", Z, "Twenty nineteen", "DATE", "2019"),
    # measures with a word between count and unit
    ("The boy will stay for at least two more weeks.", Z, "at least two more weeks", "DURATION", "P2W"),
    ("The talks lasted three straight days.", Z, "three straight days", "DURATION", "P3D"),
    # halves
    ("Refugees lived in the camps for 2 1/2 years.", Z, "2 1/2 years", "DURATION", "P2Y6M"),
    ("The talks took an hour and a half.", Z, "an hour and a half", "DURATION", "PT1H30M"),
    ("The siege lasted two and a half days.", Z, "two and a half days", "DURATION", "P2DT12H"),
    ("The war lasted a year and a half.", Z, "a year and a half", "DURATION", "P1Y6M"),
    ("The strike lasted six and a half weeks.", Z, "six and a half weeks", "DURATION", "P6W3DT12H"),
]

# (text, anchor, TIMEX3 span, type, value): the TimeML annotation of anchored shifts
TIMEX3: list[tuple[str, str, str, str, str]] = [
    ("The truce began on 3 May 1998. Three days later it collapsed.", Z, "Three days", "DURATION", "P3D"),
    ("The clinic reopened two weeks after the attack.", Z, "two weeks", "DURATION", "P2W"),
    ("Just over an hour later, police arrived.", Z, "over an hour", "DURATION", "PT1H"),
    ("A few days later the envoy left.", Z, "A few days", "DURATION", "PXD"),
    ("Eight trading days later the index recovered.", Z, "Eight trading days", "DURATION", "P8D"),
    ("A minute and a half later, a pilot called.", Z, "A minute and a half", "DURATION", "PT1M30S"),
    ("The army withdrew nearly two months after the vote.", Z, "nearly two months", "DURATION", "P2M"),
    ("The plan was drafted in 2016. A year earlier, talks had failed.", Z, "A year earlier", "DATE", "2015"),
    ("Prices rose about five years ago.", Z, "about five years ago", "DATE", "1993"),
    ("The rebels attacked on Sunday night.", Z, "Sunday night", "DATE", "1998-10-25"),
]


def _tag(text: str, anchor: str) -> list[TimeExpression]:
    return T.tag(text, [(0, len(text))], dt.date.fromisoformat(anchor), anchor_basis="publication date")


@pytest.mark.parametrize(("text", "anchor", "span", "type_", "value"), CASES)
def test_convention(text: str, anchor: str, span: str, type_: str, value: str) -> None:
    exprs = _tag(text, anchor)
    if not span:
        assert exprs == [], [(e.text, e.value) for e in exprs]
        return
    hits = [e for e in exprs if e.text == span]
    assert hits, f"{span!r} not tagged; got {[(e.text, e.value) for e in exprs]}"
    e = hits[0]
    assert (e.type, e.value) == (type_, value)
    if e.earliest is not None and e.latest is not None:
        assert e.earliest <= e.latest


@pytest.mark.parametrize(("text", "anchor", "span", "type_", "value"), TIMEX3)
def test_timex3_view(text: str, anchor: str, span: str, type_: str, value: str) -> None:
    views = [T.timex3(e) for e in _tag(text, anchor)]
    hits = [v for v in views if text[v.start : v.end] == span]
    assert hits, f"{span!r} not in {[(text[v.start : v.end], v.value) for v in views]}"
    assert (hits[0].type, hits[0].value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON, August 11 (Xinhua) -- The envoy arrived on Monday.", True),
        ("NAIROBI, Kenya, Aug. 8 -- Rescuers dug through the night.", True),
        ("The envoy arrived on August 11 (local time) in Nairobi.", False),
        ("Talks resumed on August 11, officials said.", False),
    ],
)
def test_dateline(text: str, dateline: bool) -> None:
    first = _tag(text, Z)[0]
    assert ("dateline" in first.flags) == dateline
    assert first.earliest is not None  # the expression itself stays dated


def test_anchored_keeps_its_date() -> None:
    """The TIMEX3 view is a view: the expression itself still carries the date it resolves to."""
    text = "The truce began on 3 May 1998. Three days later it collapsed."
    e = next(e for e in _tag(text, Z) if e.text == "Three days later")
    assert (e.value, e.earliest, e.basis) == ("1998-05-06", dt.date(1998, 5, 6), "relative to another date")


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("easter", 1998, "1998-04-12"), ("easter", 2000, "2000-04-23"), ("easter", 2019, "2019-04-21"),
        ("easter", 2024, "2024-03-31"), ("good friday", 2024, "2024-03-29"), ("thanksgiving", 1998, "1998-11-26"),
        ("memorial day", 2021, "2021-05-31"), ("election day", 2020, "2020-11-03"),
        ("election day", 1998, "1998-11-03"), ("labor day", 2020, "2020-09-07"),
        ("martin luther king day", 2000, "2000-01-17"), ("christmas", 2020, "2020-12-25"),
    ],
)
def test_holiday_dates(name: str, year: int, expected: str) -> None:
    from eventscope.time.named import holiday

    assert holiday(name, year).isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministers Jan Kavan and others signed.",
        "The may day parade was small.",
        "Costs for the period were not disclosed.",
        "Mortars hit the quarter near the mosque.",
        "Families fled that quarter of the city.",
        "Analysts expect daily flights to resume.",
    ],
)
def test_not_time(text: str) -> None:
    exprs = _tag(text, Z)
    assert [e.text for e in exprs] == []


# (text, span, value): an anchored expression takes the date of the event it names when the text gives one
EVENT_ANCHORED: list[tuple[str, str, str]] = [
    ("Troops invaded the north on 9 October 2019. Talks on 2 November 2019 failed. Two weeks after the invasion, "
     "a deal was signed.", "Two weeks after the invasion", "2019-10-23"),
    ("The bombing on 7 August 1998 killed 200. Trials began in March 1999. Three months after the bombing, "
     "suspects were held.", "Three months after the bombing", "1998-11-07"),
    ("The election was held on 4 May 2015. In June 2016 the party split. A year after the election, it had "
     "lost half its seats.", "A year after the election", "2016-05-04"),
    # no earlier mention of the event: the last date named, as before
    ("Talks on 2 November 2019 failed. Two weeks after the invasion, a deal was signed.",
     "Two weeks after the invasion", "2019-11-16"),
    # the event mentioned without a date in its sentence: the last date named
    ("The invasion shocked the region. Talks on 2 November 2019 failed. Ten days after the invasion, aid arrived.",
     "Ten days after the invasion", "2019-11-12"),
]


@pytest.mark.parametrize(("text", "span", "value"), EVENT_ANCHORED)
def test_anchored_to_event(text: str, span: str, value: str) -> None:
    e = next(e for e in _tag(text, "2020-12-28") if e.text == span)
    assert (e.value, e.basis) == (value, "relative to another date")
