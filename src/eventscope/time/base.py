"""The resolver's shared parts: the anchor, bases, number and unit parsing, and building TimeExpressions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import TimeExpression
from . import intervals as iv
from . import lexicon as lx
from .tagger import Mention
from .tense import Tense

EXPLICIT = "explicit"
RELATIVE_PUB = "relative to publication date"
RELATIVE_OTHER = "relative to another date"
YEAR_INFERRED = "year inferred"
UNRESOLVED = "unresolved"

APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "just": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN",
}
_QUARTER_WORD = re.compile(r"\bquarter|\bquarterly\b", re.IGNORECASE)
_FINANCIAL = re.compile(rf"[$€£¥]|\b(?:{'|'.join(sorted(lx.FINANCIAL_WORDS))})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
DAY_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}


#: how far ahead a future-tense partial date may reach before the last occurrence is taken instead
FUTURE_REACH = 10.0


def pick_after(back: float, ahead: float, tense: Tense, forward: bool) -> bool:
    """Whether a partial date ("Nov. 6", "in December") takes its next occurrence after the anchor rather than its
    last one, given the distances (in months) to both: past tense looks back, future ahead (within FUTURE_REACH),
    present takes the nearer; with an inferred year (``forward``) it is always the next."""
    if forward:
        return True
    if tense == "past":
        return False
    if tense == "future":
        return ahead <= FUTURE_REACH
    return ahead < back


@dataclass(frozen=True, slots=True)
class Anchor:
    """What relative expressions are resolved against."""

    date: dt.date | None
    level: str = "day"  # "day": day-level deixis resolves; "year": only the year is trusted (inferred)
    basis: str = RELATIVE_PUB  # the basis given to expressions resolved from it
    forward: bool = False  # partial dates take their first occurrence after ``date`` (year inference)

    @property
    def day_level(self) -> bool:
        return self.date is not None and self.level == "day"


def parse_number(word: str | None) -> int | None:
    """'24' -> 24, 'two' -> 2, 'twenty-four' -> 24, 'several' -> None."""
    if word is None:
        return None
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[w]
    pieces = re.split(r"[- ]", w)
    if len(pieces) == 2 and all(p in lx.NUMBER_WORDS for p in pieces):
        return lx.NUMBER_WORDS[pieces[0]] + lx.NUMBER_WORDS[pieces[1]]
    return None


def unit_code(word: str) -> str:
    w = word.lower()
    for name, code in lx.UNITS.items():
        if w.startswith(name):
            return code
    if w.startswith("centur"):
        return "CE"
    raise ValueError(word)


def month_number(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]


class ResolverBase:
    """State and helpers shared by the resolution rules."""

    def __init__(self, text: str, anchor: Anchor, numeric_order: str | None = None) -> None:
        self.text = text
        self.anchor = anchor
        self.numeric_order = numeric_order  # "dmy" | "mdy" for 03/04/2020, None when the locale is unknown
        self.previous: TimeExpression | None = None  # the last dated expression before the one being resolved
        self.quarter: tuple[int, int] | None = None  # the last quarter named, (year, quarter)
        self.history: list[TimeExpression] = []  # the dated expressions resolved so far, in text order

    def _day_ref(self, ref: TimeExpression | None) -> TimeExpression | None:
        """For day-level offsets ("the next day"), the last day-precise date beats a coarser explicit one."""
        prev = self.previous
        if prev is not None and prev.precision == "day" and (ref is None or ref.precision != "day"):
            return prev
        return ref

    # -- building --------------------------------------------------------------------------------------------------

    def _make(self, m: Mention, type_: str, value: str, interval: iv.Interval | None, precision: str, basis: str,
              mod: str | None = None, flags: tuple[str, ...] = ()) -> TimeExpression:
        earliest, latest = interval if interval else (None, None)
        if interval is None:
            precision = "unknown"
        if m.signal and m.signal in lx.SIGNAL_MODS and type_ in ("DATE", "TIME") and mod is None:
            mod = lx.SIGNAL_MODS[m.signal]
            if mod == "SINCE" and earliest is not None and self.anchor.day_level:
                assert self.anchor.date is not None
                if self.anchor.date >= earliest:
                    latest = self.anchor.date
        return TimeExpression(
            text=self.text[m.start : m.end], start=m.start, end=m.end, type=type_, value=value, earliest=earliest,
            latest=latest, precision=precision, basis=basis, mod=mod, flags=flags,
        )

    def _near(self, ref: TimeExpression, m: Mention) -> bool:
        """Whether ``ref`` lies in the sentence of ``m`` or the one before."""
        if ref.end > m.start or m.start - ref.end > 400:
            return False
        return sum(1 for _ in _SENTENCE_END.finditer(self.text, ref.end, m.start)) <= 1

    def _event_ref(self, np: str, m: Mention) -> TimeExpression | None:
        """The date given to the event a noun phrase names ("after the invasion"): the dated expression nearest to
        the last earlier mention of the noun or its verb ("invaded", "the invasion began on 9 October") in the same
        sentence; None when the text has no such mention."""
        noun = np.split()[-1].lower()
        stem = re.escape(noun[: max(4, len(noun) - 4)]) if len(noun) > 4 else re.escape(noun) + r"\w{0,2}"
        hits = [h for h in re.finditer(rf"\b{stem}\w*", self.text[max(0, m.start - 3000) : m.start], re.I)]
        offset = max(0, m.start - 3000)
        for hit in reversed(hits):
            pos = offset + hit.start()
            lo = max((b.end() for b in _SENTENCE_END.finditer(self.text, max(0, pos - 400), pos)), default=0)
            end = _SENTENCE_END.search(self.text, pos, m.start)
            hi = end.start() if end else m.start
            near = [e for e in self.history if e.start >= lo and e.end <= hi and e.precision != "unknown"]
            if near:
                return min(near, key=lambda e: abs(e.start - pos))
        return None

    def _reporting_quarter(self) -> tuple[int, int] | None:
        """The quarter a results story is about: the last one named, else the last one ended by the anchor."""
        if self.quarter is not None:
            return self.quarter
        if self.anchor.date is None or not self.anchor.day_level:
            return None
        d = self.anchor.date
        q = (d.month - 1) // 3  # the quarter before the anchor's
        return (d.year, q) if q else (d.year - 1, 4)

    def _quarterly(self, m: Mention) -> bool:
        """Whether the sentence around ``m`` or the one before is about quarterly results ("... a year earlier"): it
        names a quarter and money or results (a city's "old quarter" is not one)."""
        ends = [b.end() for b in _SENTENCE_END.finditer(self.text, max(0, m.start - 500), m.start)]
        lo = ends[-2] if len(ends) > 1 else max(0, m.start - 300)  # this sentence and the one before
        end = _SENTENCE_END.search(self.text, m.end, m.end + 300)
        hi = end.start() if end else min(len(self.text), m.end + 300)
        return bool(_QUARTER_WORD.search(self.text, lo, hi) and _FINANCIAL.search(self.text, lo, hi))

    def _year_ago_quarter(self, m: Mention, years: int, basis: str) -> TimeExpression | None:
        """The reporting quarter ``years`` years back, or None when there is none."""
        rq = self._reporting_quarter()
        if rq is None:
            return None
        y, q = rq[0] - years, rq[1]
        return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", basis)

    def _unresolved(self, m: Mention, type_: str = "DATE", value: str = "XXXX-XX-XX",
                    flags: tuple[str, ...] = ()) -> TimeExpression:
        return self._make(m, type_, value, None, "unknown", UNRESOLVED, flags=flags or ("no-anchor",))


def format_value(d: dt.date, precision: str) -> str:
    """A TIMEX value for the period of ``precision`` starting at ``d``."""
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}.get(precision)
    if unit is not None:
        return iv.period_of(d, unit)[1]
    if precision != "season":
        return "XXXX-XX-XX"
    if d.month % 3 == 1:  # quarters start in January, April, July, October
        return f"{d.year:04d}-Q{d.month // 3 + 1}"
    code = next((c for c, (first, _) in lx.SEASON_MONTHS.items() if first == d.month), None)
    return f"{d.year:04d}-{code}" if code else f"{d.year:04d}-{d.month:02d}"
