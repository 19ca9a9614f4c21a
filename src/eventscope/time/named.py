"""Rules for named days and spelled-out years: holidays ("Election Day", "Easter"), "nineteen ninety-six",
"the year two thousand", "the nineties", "the '80s"."""

from __future__ import annotations

import datetime as dt

from ..model import TimeExpression
from . import intervals as iv
from . import lexicon as lx
from .base import EXPLICIT, ResolverBase, parse_number, pick_after
from .tagger import Mention
from .tense import Tense


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month (n = -1: the last one)."""
    if n < 0:
        last = iv.month_end(year, month)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def holiday(name: str, year: int) -> dt.date:
    """The date of a holiday of lexicon.HOLIDAYS in ``year``."""
    kind, a, b, c = lx.HOLIDAYS[name]
    if kind == "fixed":
        return dt.date(year, a, b)
    if kind == "nth":
        return nth_weekday(year, a, b, c)
    if kind == "easter":
        return easter(year) + dt.timedelta(days=a)
    return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)  # election day


class NamedRules(ResolverBase):
    """Resolution of holidays and years or decades in words (mixed into the Resolver)."""

    def _r_holiday(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        name = p["holiday"].lower().replace("’", "'")
        if "year" in p:
            date = holiday(name, int(p["year"]))
            return self._make(m, "DATE", date.isoformat(), iv.day(date), "day", EXPLICIT)
        a = self.anchor
        if a.date is None:
            return self._unresolved(m)
        this = holiday(name, a.date.year)
        if this == a.date:
            date = this
        else:
            before = this if this < a.date else holiday(name, a.date.year - 1)
            after = this if this > a.date else holiday(name, a.date.year + 1)
            back, ahead = (a.date - before).days / 30.4, (after - a.date).days / 30.4
            date = after if pick_after(back, ahead, tense, a.forward) else before
        return self._make(m, "DATE", date.isoformat(), iv.day(date), "day", a.basis)

    def _r_word_year(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                     ) -> TimeExpression | None:
        if "cent" in p:
            rest = parse_number(p["rest"].replace(" ", "-")) or 0
            y = lx.CENTURY_WORDS[p["cent"].lower()] + rest
        else:
            y = 2000 + (parse_number(p.get("rest2", "").replace(" ", "-")) or 0)
        return self._make(m, "DATE", f"{y:04d}", iv.year(y), "year", EXPLICIT)

    def _r_century(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                   ) -> TimeExpression:
        """"the 20th century" -> 19 (1900-1999), "this century" -> the anchor's."""
        if "ord" in p:
            first = (int(p["ord"]) - 1) * 100
        elif self.anchor.date is not None:
            first = self.anchor.date.year - self.anchor.date.year % 100
        else:
            return self._unresolved(m, value="XX")
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        span = iv.apply_mod((dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)), mod)
        return self._make(m, "DATE", f"{first // 100:02d}", span, "decade", EXPLICIT if "ord" in p else
                          self.anchor.basis, mod)

    def _r_year_end(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                    ) -> TimeExpression:
        """"year-end", "by year's end": the end of the year (the anchor's, unless one is written)."""
        if "year" in p:
            y, basis = int(p["year"]), EXPLICIT
        elif self.anchor.date is not None:
            y, basis = self.anchor.date.year, self.anchor.basis
        else:
            return self._unresolved(m)
        return self._make(m, "DATE", f"{y:04d}", iv.apply_mod(iv.year(y), "END"), "year", basis, "END")

    def _r_word_decade(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                       ) -> TimeExpression:
        tens = lx.DECADE_WORDS[p["dw"].lower()] if "dw" in p else int(p["d2"])
        first = 1900 + tens
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        return self._make(m, "DATE", f"{first // 10:03d}", iv.apply_mod(iv.decade(first), mod), "decade", EXPLICIT,
                          mod)
