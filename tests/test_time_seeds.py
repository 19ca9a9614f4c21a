"""The two seed articles (read from ../shared; skipped when absent): what the time stage must read from them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventscope import time as T
from eventscope.model import PublishedDate
from eventscope.time.tense import Sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def first() -> tuple[str, T.DocumentTimes]:
    text = (SEEDS / "000_de84281268a453a0.txt").read_text(encoding="utf-8")
    return text, T.resolve_document(text, [(0, len(text))], PublishedDate(D("2020-12-28")))


@pytest.fixture(scope="module")
def second() -> tuple[str, T.DocumentTimes]:
    text = (SEEDS / "001_04fa1debccaa7963.txt").read_text(encoding="utf-8")
    return text, T.resolve_document(text, [(0, len(text))], None)


def _expr(times: T.DocumentTimes, text: str):  # type: ignore[no-untyped-def]
    hits = [e for e in times.expressions if e.text == text]
    assert hits, [e.text for e in times.expressions]
    return hits[0]


@pytest.mark.parametrize(
    ("span", "earliest", "latest", "precision", "mod"),
    [
        ("Late Sunday", "2020-12-27", "2020-12-27", "day", "END"),
        ("today (Sunday)", "2020-12-27", "2020-12-27", "day", None),
        ("Earlier this month", "2020-12-01", "2020-12-28", "month", None),
        ("October 2019", "2019-10-01", "2019-10-31", "month", None),
        ("September 2015", "2015-09-01", "2020-12-28", "month", "SINCE"),
        ("the previous 24 hours", "2020-12-27", "2020-12-28", "day", None),
        ("Two weeks after the invasion", "2019-10-15", "2019-11-14", "month", None),
    ],
)
def test_first_seed_expressions(first: tuple[str, T.DocumentTimes], span: str, earliest: str, latest: str,
                                precision: str, mod: str | None) -> None:
    _, times = first
    e = _expr(times, span)
    assert (e.earliest, e.latest, e.precision, e.mod) == (D(earliest), D(latest), precision, mod)


def test_first_seed_anchor(first: tuple[str, T.DocumentTimes]) -> None:
    _, times = first
    assert (times.anchor, times.anchor_basis, times.news_date) == (D("2020-12-28"), "publication date", D("2020-12-28"))
    assert _expr(times, "the previous 24 hours").type == "DURATION"
    assert _expr(times, "Two weeks after the invasion").basis == "relative to another date"


def _event(text: str, times: T.DocumentTimes, trigger_context: str, trigger: str):  # type: ignore[no-untyped-def]
    at = text.index(trigger_context) + trigger_context.index(trigger)
    sentence = Sentences(text, [(0, len(text))]).around(at, at + len(trigger))
    p0 = text.rfind("\n\n", 0, at) + 2
    p1 = text.find("\n\n", at)
    return T.event_date(times, sentence=sentence, trigger=(at, at + len(trigger)),
                        paragraph=(p0, p1 if p1 >= 0 else len(text)))


@pytest.mark.parametrize(
    ("context", "trigger", "earliest", "latest", "precision", "historical"),
    [
        ("had sent more", "sent", "2020-12-27", "2020-12-27", "day", False),
        ("have arrived in", "arrived", "2020-12-27", "2020-12-27", "day", False),
        ("clashes erupted", "erupted", "2020-12-01", "2020-12-28", "month", False),
        ("Turkey launched", "launched", "2019-10-01", "2019-10-31", "month", True),
        ("signed a memorandum", "signed", "2019-10-15", "2019-11-14", "month", True),
        ("conducting airstrikes", "airstrikes", "2015-09-01", "2015-09-30", "month", True),
        ("not detected shelling", "detected", "2020-12-27", "2020-12-28", "day", False),
    ],
)
def test_first_seed_event_dates(first: tuple[str, T.DocumentTimes], context: str, trigger: str, earliest: str,
                                latest: str, precision: str, historical: bool) -> None:
    text, times = first
    d = _event(text, times, context, trigger)
    assert (d.earliest, d.latest, d.precision) == (D(earliest), D(latest), precision)
    assert T.is_historical(d, times) is historical


def test_second_seed_year_inferred(second: tuple[str, T.DocumentTimes]) -> None:
    text, times = second
    assert times.anchor_basis == "year inferred"
    e = _expr(times, "September 17")
    assert (e.earliest, e.latest, e.precision, e.basis) == (D("2020-09-17"), D("2020-09-17"), "day", "year inferred")
    assert times.news_date == D("2020-09-17")
    d = _event(text, times, "conducted a joint", "conducted")
    assert (d.earliest, d.latest, d.basis) == (D("2020-09-17"), D("2020-09-17"), "year inferred")
    agreement = _event(text, times, "since the singing", "singing")
    assert (agreement.earliest, agreement.latest) == (D("2019-10-01"), D("2019-10-31"))
    assert T.is_historical(agreement, times)
