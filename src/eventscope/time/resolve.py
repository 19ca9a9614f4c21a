"""Normalise one mention to a TIMEX3-style value and a date interval, given an anchor, the tense and a reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..model import TimeExpression
from . import intervals as iv
from . import lexicon as lx
from .base import (
    APPROX_MODS,
    EXPLICIT,
    RELATIVE_OTHER,
    RELATIVE_PUB,
    UNRESOLVED,
    YEAR_INFERRED,
    Anchor,
    month_number,
    parse_number,
    pick_after,
    unit_code,
)
from .named import NamedRules
from .relative import RelativeRules
from .tagger import Mention
from .tense import Tense

__all__ = ["EXPLICIT", "RELATIVE_OTHER", "RELATIVE_PUB", "UNRESOLVED", "YEAR_INFERRED", "Anchor", "Resolver"]


DATELINE = "dateline"  # flag of a date restating the publication date at the head of the story
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z .'-]+)?,\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z .-]+\)\s*)?(?:--|—|–|_)")
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
#: a clock time with no day of its own takes the last day named within this many characters before it
CLOCK_REACH = 600
#: a quarter that ended less than this long ago is still "the third quarter" of a future-tense report
REPORTING_LAG_DAYS = 92
class Resolver(NamedRules, RelativeRules):
    """Turns mentions into TimeExpressions for one text and one anchor."""

    # -- dispatch --------------------------------------------------------------------------------------------------

    def resolve(self, m: Mention, tense: Tense, reference: TimeExpression | None) -> TimeExpression | None:
        handler = getattr(self, f"_r_{m.rule}")
        result: TimeExpression | None = handler(m, m.parts, tense, reference)
        if result is not None and self._dateline(m):
            result = dataclasses.replace(result, flags=(*result.flags, DATELINE))
        return result

    def _dateline(self, m: Mention) -> bool:
        """Whether ``m`` is the date of a dateline ("WASHINGTON, August 11 (Xinhua) --")."""
        line = self.text.rfind("\n", 0, m.start) + 1
        return bool(_DATELINE_BEFORE.fullmatch(self.text, line, m.start) and _DATELINE_AFTER.match(self.text, m.end))

    # -- explicit calendar dates -----------------------------------------------------------------------------------

    def _full_date(self, m: Mention, y: int, mo: int, d: int, flags: tuple[str, ...] = ()) -> TimeExpression:
        if not (1 <= mo <= 12) or not iv.valid_date(y, mo, d):
            return self._make(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None, "unknown", EXPLICIT,
                              flags=(*flags, "impossible"))
        date = dt.date(y, mo, d)
        return self._make(m, "DATE", date.isoformat(), iv.day(date), "day", EXPLICIT, flags=flags)

    def _r_iso(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        return self._full_date(m, int(p["year"]), int(p["m"]), int(p["d"]))

    def _r_numeric(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        a, b, y = int(p["a"]), int(p["b"]), int(p["year"])
        if len(p["year"]) == 2:
            y += 2000 if y < 50 else 1900
        if a > 12 and b <= 12:
            return self._full_date(m, y, b, a)
        if b > 12 and a <= 12:
            return self._full_date(m, y, a, b)
        if self.numeric_order == "mdy":
            return self._full_date(m, y, a, b)
        if self.numeric_order == "dmy":
            return self._full_date(m, y, b, a)
        flags = ("ambiguous-numeric",) if a <= 12 and b <= 12 and a != b else ()
        return self._full_date(m, y, b, a, flags)  # day first, flagged: the locale is unknown

    def _r_dmy(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        return self._full_date(m, int(p["year"]), month_number(p["month"]), int(p["day"]))

    _r_mdy = _r_dmy

    def _r_dm(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        mo, d = month_number(p["month"]), int(p["day"])
        if not any(iv.valid_date(y, mo, d) for y in (2000, 2001)):
            return self._make(m, "DATE", f"XXXX-{mo:02d}-{d:02d}", None, "unknown", EXPLICIT, flags=("impossible",))
        a = self.anchor
        if a.date is None:
            return self._unresolved(m, value=f"XXXX-{mo:02d}-{d:02d}")
        after = next(dt.date(y, mo, d) for y in range(a.date.year, a.date.year + 9)
                     if iv.valid_date(y, mo, d) and dt.date(y, mo, d) > a.date)
        before = next(dt.date(y, mo, d) for y in range(a.date.year, a.date.year - 9, -1)
                      if iv.valid_date(y, mo, d) and dt.date(y, mo, d) <= a.date)
        found = after if pick_after((a.date - before).days / 30.4, (after - a.date).days / 30.4, tense,
                                     a.forward) else before
        return self._make(m, "DATE", found.isoformat(), iv.day(found), "day", a.basis)

    _r_md = _r_dm

    def _r_my(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        y, mo = int(p["year"]), month_number(p["month"])
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        return self._make(m, "DATE", f"{y:04d}-{mo:02d}", iv.apply_mod(iv.month(y, mo), mod), "month", EXPLICIT, mod)

    def _r_month(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        mo = month_number(p["month"])
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        a = self.anchor
        if a.date is None:
            return self._unresolved(m, value=f"XXXX-{mo:02d}")
        rel = p.get("rel", "")
        y = a.date.year
        if rel == "last":
            y = y if mo < a.date.month else y - 1
        elif rel in ("next", "this coming"):
            y = y if mo > a.date.month else y + 1
        elif rel != "this" and mo != a.date.month:
            back = (a.date.month - mo) % 12  # months back to the last such month
            if pick_after(back, 12 - back, tense, a.forward):
                y = y if mo > a.date.month else y + 1
            else:
                y = y if mo < a.date.month else y - 1
        return self._make(m, "DATE", f"{y:04d}-{mo:02d}", iv.apply_mod(iv.month(y, mo), mod), "month", a.basis, mod)

    def _r_year(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        y = int(p["year"])
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        return self._make(m, "DATE", f"{y:04d}", iv.apply_mod(iv.year(y), mod), "year", EXPLICIT, mod)

    def _r_decade(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        first = int(p["dec"])
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        return self._make(m, "DATE", f"{first // 10:03d}", iv.apply_mod(iv.decade(first), mod), "decade", EXPLICIT,
                          mod)

    def _r_season(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        code = lx.SEASONS[p["season"].lower()]
        mod = lx.PERIOD_MODS.get(p.get("pmod", ""))
        if "year" in p:
            y = int(p["year"])
            return self._make(m, "DATE", f"{y:04d}-{code}", iv.apply_mod(iv.season(y, code), mod), "season",
                              EXPLICIT, mod)
        a = self.anchor
        if a.date is None:
            return self._unresolved(m, value=f"XXXX-{code}")
        options = [(y, iv.season(y, code)) for y in range(a.date.year - 2, a.date.year + 2)]
        rel = p.get("rel", "")
        if a.forward or rel in ("next", "coming", "this coming"):
            y, span = next(o for o in options if o[1][0] > a.date)
        elif rel in ("last", "past"):
            y, span = [o for o in options if o[1][1] < a.date][-1]
        elif tense == "future":
            y, span = next(o for o in options if o[1][1] >= a.date)
        else:
            y, span = [o for o in options if o[1][0] <= a.date][-1]
        return self._make(m, "DATE", f"{y:04d}-{code}", iv.apply_mod(span, mod), "season", a.basis, mod)

    def _r_quarter(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        q = lx.QUARTERS[p["q"].lower()]
        rel = (p.get("qrel") or p.get("ofrel") or "").lower()
        if "pyear" in p:
            p = {**p, "year": p["pyear"]}
        elif rel and self.anchor.day_level:
            assert self.anchor.date is not None
            p = {**p, "year": str(self.anchor.date.year + {"last": -1, "next": 1}.get(rel, 0))}
        if "year" in p:
            y = int(p["year"])
            self.quarter = y, q
            return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", EXPLICIT)
        a = self.anchor
        if a.date is None:
            return self._unresolved(m, value=f"XXXX-Q{q}")
        y = a.date.year
        start, end = iv.quarter(y, q)
        if a.forward and end < a.date:
            y += 1
        elif tense == "future" and (a.date - end).days > REPORTING_LAG_DAYS:  # results come out after the quarter
            y += 1
        elif not (a.forward or tense == "future") and start > a.date:
            y -= 1
        self.quarter = y, q
        return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", a.basis)

    def _r_year_ago(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                    ) -> TimeExpression:
        """"the year-ago quarter", "year-earlier results": the reporting quarter (or the year) a year back."""
        if not self.anchor.day_level:
            return self._unresolved(m)
        assert self.anchor.date is not None
        rq = self._reporting_quarter()
        if "q" in p and rq is not None:
            rq = (rq[0], lx.QUARTERS[p["q"].lower()])
            self.quarter = rq
        if rq is not None and ("unit" in p or self._quarterly(m)):
            y, q = rq[0] - 1, rq[1]
            return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", self.anchor.basis)
        y = self.anchor.date.year - 1
        return self._make(m, "DATE", f"{y:04d}", iv.year(y), "year", self.anchor.basis)

    def _r_the_quarter(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                       ) -> TimeExpression | None:
        """"the quarter", "the latest quarter", "the 1988 quarter", "the period a year ago" in results stories: the
        quarter the story is about (only in a sentence about quarterly results)."""
        if not self._quarterly(m):
            return None  # "fighting in the old quarter": a district, not a reporting period
        rq = self._reporting_quarter()
        if rq is None:
            return self._unresolved(m, value="XXXX-QX")
        y, q = rq
        if "pyear" in p:
            y = int(p["pyear"])
        elif "lyr" in p or "ago" in p:
            y -= 1
        return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", self.anchor.basis)

    def _clock_day(self, m: Mention, p: dict[str, str], tense: Tense) -> TimeExpression | None:
        """The day written after a clock time ("5 p.m. EST Nov. 9", "midnight Friday"), resolved; else None."""
        if "wd" in p:
            day = self._r_weekday(m, {"wd": p["wd"]}, tense, None)
        elif "month" in p:
            day = self._r_md(m, {"month": p["month"], "day": p["day"]}, tense, None)
        else:
            return None
        return day if day.earliest is not None else None

    # -- durations, sets, references, clock times ------------------------------------------------------------------

    def _r_duration(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        code = unit_code(p["unit"])
        n = parse_number(p["num"])
        mod = APPROX_MODS.get(p.get("approx", "").lower())
        if tense == "future" and n is not None and self.anchor.day_level and _IN_BEFORE.search(
                self.text, max(0, m.start - 8), m.start):
            assert self.anchor.date is not None  # "will be redeemed in five years": the date it lands on
            interval, value, precision = iv.period_of(iv.shift(self.anchor.date, n, code), code)
            return self._make(m, "DATE", value, interval, precision, self.anchor.basis, mod)
        half = "half" in p or "half2" in p
        return self._make(m, "DURATION", iv.duration_value(n, code, half), None, "unknown", EXPLICIT, mod)

    def _r_vague_duration(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                          ) -> TimeExpression:
        if p.get("rel", "").lower() in ("recent", "past"):  # TimeML: "in recent years" is the vague past
            return self._make(m, "DATE", "PAST_REF", None, "unknown", EXPLICIT)
        return self._make(m, "DURATION", iv.duration_value(None, unit_code(p["unit"])), None, "unknown", EXPLICIT)

    _r_for_units = _r_vague_duration

    def _r_set_every(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                     ) -> TimeExpression:
        if "wd" in p:
            value = f"XXXX-WXX-{lx.WEEKDAYS[p['wd'].lower()]}"
        else:
            unit = p["unit"].lower().rstrip("s")
            n = 2 if p.get("num", "").lower() == "other" else (parse_number(p.get("num")) or 1)
            if unit in lx.PARTS_OF_DAY:
                value = f"XXXX-XX-XXT{lx.PARTS_OF_DAY[unit]}"
            elif unit == "weekend":
                value = "XXXX-WXX-WE"
            else:
                value = iv.duration_value(n, unit_code(unit))
        return self._make(m, "SET", value, None, "unknown", EXPLICIT)

    def _r_set_weekdays(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                        ) -> TimeExpression:
        return self._make(m, "SET", f"XXXX-WXX-{lx.WEEKDAYS[p['wd'].lower()]}", None, "unknown", EXPLICIT)

    def _r_set_adverb(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                      ) -> TimeExpression:
        return self._make(m, "SET", lx.SET_ADVERBS[p["adv"].lower()], None, "unknown", EXPLICIT)

    def _r_fiscal_year(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                       ) -> TimeExpression:
        """"the year ended March 31": a twelve-month span (TimeML: P1Y), however the year is named."""
        return self._make(m, "DURATION", "P1Y", None, "unknown", EXPLICIT)

    def _r_reference(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                     ) -> TimeExpression:
        value = lx.REFERENCES[p["ref"].lower()] if "ref" in p else lx.IN_REFERENCES[p["inref"].lower()]
        return self._make(m, "DATE", value, None, "unknown", EXPLICIT)

    def _r_clock(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        if "named" in p:
            hh, mm = (12, 0) if p["named"].lower() == "noon" else (24, 0)  # TimeML: midnight ends its day
        elif "h24" in p:
            hh, mm = int(p["h24"]), int(p["min24"])
        else:
            hh, mm = int(p["h"]) % 12, int(p.get("min") or 0)
            if p["ampm"].lower().startswith("p"):
                hh += 12
        clock = f"T{hh:02d}:{mm:02d}"
        day = self._clock_day(m, p, tense)
        if day is not None and day.earliest is not None and day.latest is not None:
            return self._make(m, "TIME", day.value + clock, (day.earliest, day.latest), "day", day.basis)
        near = self.previous
        if near is not None and near.precision == "day" and near.earliest is not None \
                and near.end >= m.start - CLOCK_REACH:
            return self._make(m, "TIME", near.earliest.isoformat() + clock, iv.day(near.earliest), "day", near.basis)
        if not self.anchor.day_level:
            return self._unresolved(m, "TIME", "XXXX-XX-XX" + clock)
        assert self.anchor.date is not None
        return self._make(m, "TIME", self.anchor.date.isoformat() + clock, iv.day(self.anchor.date), "day",
                          self.anchor.basis)
