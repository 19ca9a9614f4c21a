"""Normalise one mention to a TIMEX3-style value and a date interval, given an anchor, the tense and a reference."""

from __future__ import annotations

import datetime as dt

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
    unit_code,
)
from .relative import RelativeRules
from .tagger import Mention
from .tense import Tense

__all__ = ["EXPLICIT", "RELATIVE_OTHER", "RELATIVE_PUB", "UNRESOLVED", "YEAR_INFERRED", "Anchor", "Resolver"]


class Resolver(RelativeRules):
    """Turns mentions into TimeExpressions for one text and one anchor."""

    # -- dispatch --------------------------------------------------------------------------------------------------

    def resolve(self, m: Mention, tense: Tense, reference: TimeExpression | None) -> TimeExpression | None:
        handler = getattr(self, f"_r_{m.rule}")
        result: TimeExpression | None = handler(m, m.parts, tense, reference)
        return result

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
        flags = ("ambiguous-numeric",) if a <= 12 and b <= 12 and a != b else ()
        return self._full_date(m, y, b, a, flags)  # day first

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
        if a.forward or tense == "future":
            found = after
        elif tense == "past":
            found = before
        else:  # present tense: the nearer one
            found = after if (after - a.date) < (a.date - before) else before
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
        if a.forward:
            y = y if mo > a.date.month else y + 1
        elif rel == "last":
            y = y if mo < a.date.month else y - 1
        elif rel in ("next", "this coming"):
            y = y if mo > a.date.month else y + 1
        elif rel == "this":
            y = a.date.year
        elif tense == "future":
            y = y if mo >= a.date.month else y + 1
        elif tense == "past":
            y = y if mo <= a.date.month else y - 1
        else:  # present tense: the nearer one
            now = a.date.year * 12 + a.date.month
            y = min((y - 1, y, y + 1), key=lambda c: abs(c * 12 + mo - now))
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
        if "year" in p:
            y = int(p["year"])
            return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", EXPLICIT)
        a = self.anchor
        if a.date is None:
            return self._unresolved(m, value=f"XXXX-Q{q}")
        y = a.date.year
        start, end = iv.quarter(y, q)
        if (a.forward or tense == "future") and end < a.date:
            y += 1
        elif not (a.forward or tense == "future") and start > a.date:
            y -= 1
        return self._make(m, "DATE", f"{y:04d}-Q{q}", iv.quarter(y, q), "season", a.basis)

    # -- durations, sets, references, clock times ------------------------------------------------------------------

    def _r_duration(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        code = unit_code(p["unit"])
        value = iv.duration_value(parse_number(p["num"]), code)
        mod = APPROX_MODS.get(p.get("approx", "").lower())
        return self._make(m, "DURATION", value, None, "unknown", EXPLICIT, mod)

    def _r_vague_duration(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                          ) -> TimeExpression:
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

    def _r_reference(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                     ) -> TimeExpression:
        value = lx.REFERENCES[p["ref"].lower()] if "ref" in p else lx.IN_REFERENCES[p["inref"].lower()]
        return self._make(m, "DATE", value, None, "unknown", EXPLICIT)

    def _r_clock(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        if "named" in p:
            hh, mm = (12, 0) if p["named"].lower() == "noon" else (0, 0)
        elif "h24" in p:
            hh, mm = int(p["h24"]), int(p["min24"])
        else:
            hh, mm = int(p["h"]) % 12, int(p.get("min") or 0)
            if p["ampm"].lower().startswith("p"):
                hh += 12
        clock = f"T{hh:02d}:{mm:02d}"
        near = self.previous
        if near is not None and near.precision == "day" and near.earliest is not None and near.end >= m.start - 40:
            return self._make(m, "TIME", near.earliest.isoformat() + clock, iv.day(near.earliest), "day", near.basis)
        if not self.anchor.day_level:
            return self._unresolved(m, "TIME", "XXXX-XX-XX" + clock)
        assert self.anchor.date is not None
        return self._make(m, "TIME", self.anchor.date.isoformat() + clock, iv.day(self.anchor.date), "day",
                          self.anchor.basis)
