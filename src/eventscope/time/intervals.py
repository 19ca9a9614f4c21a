"""Calendar arithmetic: periods as date intervals, TIMEX3 values, and the reverse (value -> interval)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .lexicon import SEASON_MONTHS

Interval = tuple[dt.date, dt.date]

MIN_YEAR, MAX_YEAR = 1, 9998


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day(d: dt.date) -> Interval:
    return d, d


def month(year: int, m: int) -> Interval:
    return dt.date(year, m, 1), month_end(year, m)


def year(y: int) -> Interval:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def decade(first_year: int) -> Interval:
    return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)


def week(d: dt.date) -> Interval:
    """The ISO week (Monday to Sunday) containing ``d``."""
    start = d - dt.timedelta(days=d.isoweekday() - 1)
    return start, start + dt.timedelta(days=6)


def quarter(y: int, q: int) -> Interval:
    return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def season(y: int, code: str) -> Interval:
    first, n = SEASON_MONTHS[code]
    start = dt.date(y, first, 1)
    last = add_months(start, n - 1)
    return start, month_end(last.year, last.month)


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's length."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (TIMEX unit letters of lexicon.UNITS)."""
    if unit in ("S", "MIN", "H"):
        seconds = {"S": 1, "MIN": 60, "H": 3600}[unit] * abs(n)
        days = -(-seconds // 86400)  # a part of a day reaches into that day
        return d + dt.timedelta(days=days if n >= 0 else -days)
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "FN":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    raise ValueError(f"unknown unit {unit!r}")


def period_of(d: dt.date, unit: str) -> tuple[Interval, str, str]:
    """The calendar period of ``unit`` containing ``d``: (interval, TIMEX value, precision)."""
    if unit in ("S", "MIN", "H", "D"):
        return day(d), d.isoformat(), "day"
    if unit in ("W", "FN"):
        iso = d.isocalendar()
        return week(d), f"{iso.year}-W{iso.week:02d}", "week"
    if unit == "M":
        return month(d.year, d.month), f"{d.year:04d}-{d.month:02d}", "month"
    if unit == "Y":
        return year(d.year), f"{d.year:04d}", "year"
    if unit in ("DE", "CE"):
        first = d.year - d.year % 10
        return decade(first), f"{first // 10:03d}", "decade"
    raise ValueError(f"unknown unit {unit!r}")


def apply_mod(interval: Interval, mod: str | None) -> Interval:
    """Narrow a period to its first (START), middle (MID) or last (END) third, or to a half."""
    if mod not in ("START", "MID", "END", "FIRST_HALF", "SECOND_HALF"):
        return interval
    start, end = interval
    days = (end - start).days + 1
    if mod == "FIRST_HALF":
        return start, start + dt.timedelta(days=days // 2 - 1)
    if mod == "SECOND_HALF":
        return start + dt.timedelta(days=days // 2), end
    if days < 3:
        return interval
    third = days // 3
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "MID":
        return start + dt.timedelta(days=third), end - dt.timedelta(days=third)
    return end - dt.timedelta(days=third - 1), end


#: a half of each unit, in the next smaller one ("2 1/2 years" -> P2Y6M)
_HALVES = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "MIN": "30S", "W": "3DT12H", "DE": "5Y", "CE": "50Y"}


def duration_value(n: int | None, unit: str, half: bool = False) -> str:
    """TIMEX3 duration value: P3D, PT24H, P2W, PXY (unknown count); ``half`` adds half a unit (P2Y6M, PT1M30S)."""
    if half and n is not None and unit in _HALVES:
        if unit in ("H", "MIN"):
            return f"PT{n}{'M' if unit == 'MIN' else unit}{_HALVES[unit]}"
        if unit in ("DE", "CE"):
            return f"P{n * (10 if unit == 'DE' else 100) + int(_HALVES[unit][:-1])}Y"
        return f"P{n}{unit}{_HALVES[unit]}"
    count = "X" if n is None else str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    if unit == "FN":
        return f"P{'X' if n is None else 2 * n}W"
    if unit == "DE":
        return f"P{'X' if n is None else n * 10}Y"
    if unit == "CE":
        return f"P{'X' if n is None else n * 100}Y"
    return f"P{count}{unit}"


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def value_interval(value: str) -> tuple[Interval, str] | None:
    """The interval and precision a TIMEX3 date value names (``2015-09`` -> Sept 2015, month); None if not a date."""
    if re.fullmatch(r"\d{3}", value):
        first = int(value) * 10
        return decade(first), "decade"
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        y = int(m["y"])
        if m["d"]:
            return day(dt.date(y, int(m["m"]), int(m["d"]))), "day"
        if m["m"]:
            return month(y, int(m["m"])), "month"
        if m["w"]:
            return week(dt.date.fromisocalendar(y, int(m["w"]), 1)), "week"
        if m["q"]:
            return quarter(y, int(m["q"])), "season"
        if m["s"]:
            return season(y, m["s"]), "season"
        return year(y), "year"
    except ValueError:
        return None


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True
