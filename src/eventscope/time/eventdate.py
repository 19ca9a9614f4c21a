"""The date of one event: the time expression governing its clause, else its context, never silently the
publication day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..model import EventDate, TimeExpression
from . import anchor as an
from .document import DocumentTimes
from .intervals import value_interval

#: a relative clause opens here and runs to the next comma
_RELATIVE = re.compile(r",\s*(?:which|who|whom|whose|where|when|while)\b", re.IGNORECASE)
#: a new coordinate clause starts here
_COORDINATE = re.compile(r"[;:—–]|(?:,\s*)?\b(?:but|whereas|although|though|however|and\s+then)\b", re.IGNORECASE)
HISTORICAL_DAYS = 30
NO_DATE = "publication date (no date in text)"


def _usable(e: TimeExpression) -> bool:
    if "impossible" in e.flags or e.earliest is None or e.latest is None:
        return False
    return e.type in ("DATE", "TIME") or (e.type == "DURATION")


def _distance(e: TimeExpression, trigger: tuple[int, int]) -> int:
    if e.end <= trigger[0]:
        return trigger[0] - e.end
    if e.start >= trigger[1]:
        return e.start - trigger[1]
    return 0


def clauses(text: str, sentence: tuple[int, int]) -> list[tuple[int, int, int]]:
    """Split a sentence into (start, end, clause id): relative clauses get their own id, and the main clause
    resumes after them; each coordinate clause (";", "but", "although" ...) starts a new id."""
    s, e = sentence
    out: list[tuple[int, int, int]] = []
    seg, pos, current, next_id = s, s, 0, 1
    while pos < e:
        rel, coord = _RELATIVE.search(text, pos, e), _COORDINATE.search(text, pos, e)
        hits = [h for h in (rel, coord) if h is not None]
        if not hits:
            break
        hit = min(hits, key=lambda h: h.start())
        out.append((seg, hit.start(), current))
        if hit is rel:
            close = text.find(",", hit.end(), e)
            close = e if close < 0 else close
            out.append((hit.start(), close, next_id))
            next_id += 1
            seg = pos = close
        else:
            current, next_id = next_id, next_id + 1
            seg, pos = hit.start(), hit.end()
    out.append((seg, e, current))
    return [c for c in out if c[1] > c[0]]


def _clause_at(parts: list[tuple[int, int, int]], pos: int) -> int:
    for start, end, cid in parts:
        if start <= pos < end:
            return cid
    return -1


def from_expression(e: TimeExpression) -> EventDate:
    """An event date read from one expression; "since X" dates the event at the onset X."""
    if e.mod == "SINCE":
        onset = value_interval(e.value)
        if onset is not None:
            (start, end), precision = onset
            return EventDate(start, end, precision, e.basis, e.text, e.start, e.end)
    return EventDate(e.earliest, e.latest, e.precision, e.basis, e.text, e.start, e.end)


def event_date(
    times: DocumentTimes,
    *,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    paragraph: tuple[int, int],
    previous: EventDate | None = None,
) -> EventDate:
    """The date of the event whose trigger lies in ``sentence`` (document offsets).

    Order: an expression in the trigger's clause, the nearest in the sentence, the last one earlier in the
    paragraph, the ``previous`` event's date (basis "context"), else the publication week (basis
    "publication date (no date in text)"), else unknown.
    """
    in_sentence = [e for e in times.within(*sentence) if _usable(e)]
    if in_sentence:
        if times.text:
            parts = clauses(times.text, sentence)
            home = _clause_at(parts, trigger[0])
            same = [e for e in in_sentence if _clause_at(parts, e.start) == home]
            if same:
                return from_expression(min(same, key=lambda e: _distance(e, trigger)))
        return from_expression(min(in_sentence, key=lambda e: _distance(e, trigger)))
    before = [e for e in times.within(paragraph[0], sentence[0]) if _usable(e) and e.type != "DURATION"]
    if before:
        return from_expression(before[-1])
    if previous is not None:
        return dataclasses.replace(previous, basis="context")
    if times.anchor is not None and times.anchor_basis in (an.PUBLICATION, an.OVERRIDE) and (
        times.anchor_precision == "day"
    ):
        return EventDate(times.anchor - dt.timedelta(days=6), times.anchor, "week", NO_DATE)
    return EventDate(None, None, "unknown", "no date in text")


def is_historical(date: EventDate, times: DocumentTimes) -> bool:
    """True when the event ended more than ~30 days before the news date (or the anchor)."""
    reference = times.news_date or times.anchor
    if date.latest is None or reference is None:
        return False
    return (reference - date.latest).days > HISTORICAL_DAYS
