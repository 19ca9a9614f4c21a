"""The resolver's shared parts: the anchor, bases, number and unit parsing, and building TimeExpressions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import TimeExpression
from . import intervals as iv
from . import lexicon as lx
from .tagger import Mention

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
DAY_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}


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

    def __init__(self, text: str, anchor: Anchor) -> None:
        self.text = text
        self.anchor = anchor
        self.previous: TimeExpression | None = None  # the last dated expression before the one being resolved

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

    def _unresolved(self, m: Mention, type_: str = "DATE", value: str = "XXXX-XX-XX",
                    flags: tuple[str, ...] = ()) -> TimeExpression:
        return self._make(m, type_, value, None, "unknown", UNRESOLVED, flags=flags or ("no-anchor",))


def format_value(d: dt.date, precision: str) -> str:
    """A TIMEX value for the period of ``precision`` starting at ``d``."""
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}.get(precision)
    if unit is None:
        return f"{d.year:04d}-{d.month:02d}" if precision == "season" else "XXXX-XX-XX"
    return iv.period_of(d, unit)[1]
