"""Rules for expressions relative to the anchor or to another date: weekdays, deixis, last/next periods, "ago",
"two weeks after", "the next day"."""

from __future__ import annotations

import datetime as dt

from ..model import TimeExpression
from . import intervals as iv
from . import lexicon as lx
from .base import (
    APPROX_MODS,
    DAY_MODS,
    RELATIVE_OTHER,
    UNRESOLVED,
    ResolverBase,
    format_value,
    parse_number,
    unit_code,
)
from .tagger import Mention
from .tense import Tense

ANCHORED = "anchored"  # flag of an expression resolved as a shift from another date (see timex.py)


class RelativeRules(ResolverBase):
    """Resolution of relative expressions (mixed into the Resolver)."""

    # -- days of the week and deixis -------------------------------------------------------------------------------

    def _weekday_date(self, wd: int, rel: str, tense: Tense) -> dt.date:
        assert self.anchor.date is not None
        anchor = self.anchor.date
        back = (anchor.isoweekday() - wd) % 7  # days back to the last such weekday, 0 = today
        fwd = (wd - anchor.isoweekday()) % 7 or 7  # days to the next one, strictly after
        if rel == "last":
            return anchor - dt.timedelta(days=back or 7)
        if rel in ("next", "coming", "this coming"):
            return anchor + dt.timedelta(days=fwd)
        if tense == "future":
            return anchor + dt.timedelta(days=0 if rel == "this" and back == 0 else fwd)
        return anchor - dt.timedelta(days=back)

    def _day_expr(self, m: Mention, date: dt.date, pod: str | None, mod: str | None, basis: str) -> TimeExpression:
        if pod:
            code = lx.PARTS_OF_DAY[pod.lower()]
            return self._make(m, "TIME", f"{date.isoformat()}T{code}", iv.day(date), "day", basis, mod)
        return self._make(m, "DATE", date.isoformat(), iv.day(date), "day", basis, mod)

    def _r_weekday(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        wd = lx.WEEKDAYS[p["wd"].lower()]
        if not self.anchor.day_level:
            return self._unresolved(m, value=f"XXXX-WXX-{wd}")
        date = self._weekday_date(wd, p.get("rel", "").lower(), tense)
        # TimeML corpora value "Sunday night" as the day (2020-12-27), the part of the day left to the text
        return self._day_expr(m, date, None, DAY_MODS.get(p.get("dmod", "").lower()), self.anchor.basis)

    def _r_named_today(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                       ) -> TimeExpression:
        wd = lx.WEEKDAYS[p["wd"].lower()]
        if not self.anchor.day_level:
            return self._unresolved(m, value=f"XXXX-WXX-{wd}")
        assert self.anchor.date is not None
        delta = (wd - self.anchor.date.isoweekday() + 3) % 7 - 3  # the named weekday nearest the anchor
        date = self.anchor.date + dt.timedelta(days=delta)
        return self._day_expr(m, date, None, None, self.anchor.basis)

    def _r_deictic(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        if not self.anchor.day_level:
            return self._unresolved(m)
        assert self.anchor.date is not None
        word = p["deictic"].lower()
        date = self.anchor.date + dt.timedelta(days=lx.DEICTIC_DAYS[word])
        pod = p.get("pod") or ("night" if word == "tonight" and "dmod" in p else None)
        return self._day_expr(m, date, pod, DAY_MODS.get(p.get("dmod", "").lower()), self.anchor.basis)

    def _r_day_part(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        if not self.anchor.day_level:
            return self._unresolved(m)
        assert self.anchor.date is not None
        rel = p["rel"].lower()
        back = 1 if rel.endswith("last") else 0
        mod = "START" if rel.startswith("early") else "END" if rel.startswith("late") else None
        return self._day_expr(m, self.anchor.date - dt.timedelta(days=back), p["pod"], mod, self.anchor.basis)

    # -- periods relative to the anchor ----------------------------------------------------------------------------

    def _period(self, d: dt.date, unit: str) -> tuple[iv.Interval, str, str]:
        if unit == "quarter":
            q = (d.month - 1) // 3 + 1
            return iv.quarter(d.year, q), f"{d.year:04d}-Q{q}", "season"
        if unit == "weekend":
            start, _ = iv.week(d)
            sat = start + dt.timedelta(days=5)
            iso = d.isocalendar()
            return (sat, sat + dt.timedelta(days=1)), f"{iso.year}-W{iso.week:02d}-WE", "week"
        return iv.period_of(d, unit_code(unit))

    def _step_unit(self, unit: str) -> tuple[int, str]:
        special = {"quarter": (3, "M"), "weekend": (1, "W"), "fortnight": (2, "W")}
        return special[unit] if unit in special else (1, unit_code(unit))

    def _r_rel_unit(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                    ) -> TimeExpression | None:
        rel, unit = p["rel"].lower(), p["unit"].lower()
        if rel == "the" and unit != "weekend":
            return None
        dmod = p.get("dmod", "").lower()
        a = self.anchor
        n, code = self._step_unit(unit)
        if rel in ("the following", "following"):
            if ref is None or ref.earliest is None:
                return self._unresolved(m)
            interval, value, precision = self._period(iv.shift(ref.earliest, n, code), unit)
            return self._make(m, "DATE", value, interval, precision, RELATIVE_OTHER)
        if rel in ("the past", "the previous", "the last", "past", "previous", "the next", "the coming"):
            value = iv.duration_value(n, code)
            if not a.day_level:
                return self._make(m, "DURATION", value, None, "unknown", UNRESOLVED, flags=("no-anchor",))
            assert a.date is not None
            forward = rel in ("the next", "the coming")
            span = (a.date, iv.shift(a.date, n, code)) if forward else (iv.shift(a.date, -n, code), a.date)
            return self._make(m, "DURATION", value, span, lx.UNIT_PRECISION[code], a.basis)
        if not a.day_level:
            return self._unresolved(m)
        assert a.date is not None
        step = -1 if rel == "last" else 1 if rel in ("next", "coming", "this coming") else 0
        base = a.date
        if unit == "weekend" and step == 0:
            sat = iv.week(base)[0] + dt.timedelta(days=5)
            if tense != "future" and sat > base:
                base -= dt.timedelta(weeks=1)
        interval, value, precision = self._period(iv.shift(base, step * n, code), unit)
        mod = DAY_MODS.get(dmod)
        if step == 0 and dmod == "earlier":
            interval, mod = (interval[0], min(a.date, interval[1])), None
        elif step == 0 and dmod == "later":
            interval, mod = (max(a.date, interval[0]), interval[1]), None
        else:
            interval = iv.apply_mod(interval, mod)
        return self._make(m, "DATE", value, interval, precision, a.basis, mod)

    def _r_edge_unit(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                     ) -> TimeExpression:
        if not self.anchor.day_level:
            return self._unresolved(m)
        assert self.anchor.date is not None
        rel, unit = p["rel"].lower(), p["unit"].lower()
        step = {"last": -1, "next": 1}.get(rel, 0)
        interval, value, precision = self._period(iv.shift(self.anchor.date, step, unit_code(unit)), unit)
        mod = lx.PERIOD_MODS.get(p["pmod"].lower() + " of")
        return self._make(m, "DATE", value, iv.apply_mod(interval, mod), precision, self.anchor.basis, mod)

    def _r_ago(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        n, code = parse_number(p["num"]), unit_code(p["unit"])
        mod = APPROX_MODS.get(p.get("approx", "").lower())
        if n is None:
            return self._make(m, "DATE", "PAST_REF", None, "unknown", self.anchor.basis, mod)
        if not self.anchor.day_level:
            return self._unresolved(m)
        assert self.anchor.date is not None
        if code == "Y" and self._quarterly(m):  # "up from 81 cents a share a year ago": the year-ago quarter
            quarter = self._year_ago_quarter(m, n, self.anchor.basis)
            if quarter is not None:
                return quarter
        interval, value, precision = iv.period_of(iv.shift(self.anchor.date, -n, code), code)
        return self._make(m, "DATE", value, interval, precision, self.anchor.basis, mod)

    def _r_anchored(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        n, code = parse_number(p["num"]), unit_code(p["unit"])
        event = self._event_ref(p["np"], m) if p.get("np") else None
        if event is not None:
            ref = event  # "two weeks after the invasion": the date the invasion was reported with
        elif lx.UNIT_PRECISION[code] == "day":
            ref = self._day_ref(ref)
        if p.get("dir") and n is not None and (ref is None or not self._near(ref, m)):
            # "from $12.4 billion a year earlier" with no date nearby: the period the story is about
            if code == "Y" and self._quarterly(m):
                quarter = self._year_ago_quarter(m, n, self.anchor.basis)
                if quarter is not None:
                    return quarter
            if p["dir"].lower() == "earlier" and self.anchor.day_level:
                return self._r_ago(m, p, tense, ref)
        if n is None or ref is None or ref.earliest is None or ref.latest is None:
            return self._unresolved(m, flags=("no-reference", ANCHORED))
        sign = -1 if (p.get("dir") or p["prep"]).lower() in lx.BEFORE_WORDS else 1
        interval = (iv.shift(ref.earliest, sign * n, code), iv.shift(ref.latest, sign * n, code))
        precision = ref.precision  # the shifted reference keeps its width: "two weeks after" October -> month
        value = format_value(interval[0], precision)
        return self._make(m, "DATE", value, interval, precision, RELATIVE_OTHER, flags=(ANCHORED,))

    def _r_rel_num(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None) -> TimeExpression:
        n, code = parse_number(p["num"]), unit_code(p["unit"])
        value = iv.duration_value(n, code)
        rel = p["rel"].lower()
        if n is None:
            return self._make(m, "DURATION", value, None, "unknown", self.anchor.basis)
        if "following" in rel:
            if ref is None or ref.latest is None:
                return self._unresolved(m, "DURATION", value, ("no-reference",))
            return self._make(m, "DURATION", value, (ref.latest, iv.shift(ref.latest, n, code)),
                              lx.UNIT_PRECISION[code], RELATIVE_OTHER)
        if not self.anchor.day_level:
            return self._unresolved(m, "DURATION", value)
        a = self.anchor.date
        assert a is not None
        span = (a, iv.shift(a, n, code)) if rel.endswith(("next", "coming")) else (iv.shift(a, -n, code), a)
        return self._make(m, "DURATION", value, span, lx.UNIT_PRECISION[code], self.anchor.basis)

    def _r_contextual(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                      ) -> TimeExpression:
        ctx, unit = p["ctx"].lower(), p["unit"].lower()
        if unit == "day" or unit in lx.PARTS_OF_DAY:
            ref = self._day_ref(ref)
        if ref is None or ref.earliest is None or ref.latest is None:
            return self._unresolved(m, flags=("no-reference",))
        step = 1 if ctx in ("the next", "the following") else -1 if ctx in ("the previous", "the preceding") else 0
        pod = unit if unit in lx.PARTS_OF_DAY else None
        key = "day" if pod else unit
        n, code = self._step_unit(key)
        if step == 0:
            if key == "day" and ref.precision != "day":
                return self._make(m, "DATE", format_value(ref.earliest, ref.precision), (ref.earliest, ref.latest),
                                  ref.precision, RELATIVE_OTHER)
            interval, value, precision = self._period(ref.earliest, key)
            dmod = p.get("dmod", "").lower()
            if dmod == "earlier":
                interval = (interval[0], max(interval[0], min(interval[1], ref.earliest)))
            elif dmod == "later":
                interval = (min(interval[1], max(interval[0], ref.latest)), interval[1])
        else:
            base = ref.latest if step > 0 else ref.earliest
            interval, value, precision = self._period(iv.shift(base, step * n, code), key)
            if precision == "day" and ref.precision != "day":  # "the next day" after a month: shift the month
                interval = (iv.shift(ref.earliest, step, code), iv.shift(ref.latest, step, code))
                precision = ref.precision
                value = format_value(interval[0], precision)
        return self._make(m, "DATE", value, interval, precision, RELATIVE_OTHER)

    def _r_day_around(self, m: Mention, p: dict[str, str], tense: Tense, ref: TimeExpression | None
                      ) -> TimeExpression:
        ref = self._day_ref(ref)
        if ref is None or ref.earliest is None or ref.latest is None or ref.precision != "day":
            return self._unresolved(m, flags=("no-reference",))
        step = -1 if p["dir"].lower() == "before" else 1
        interval = (ref.earliest + dt.timedelta(days=step), ref.latest + dt.timedelta(days=step))
        precision = ref.precision
        return self._make(m, "DATE", format_value(interval[0], precision), interval, precision, RELATIVE_OTHER)
