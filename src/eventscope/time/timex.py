"""The TIMEX3 view of a time expression, following TimeML annotation conventions.

eventscope's own record of an anchored expression ("two weeks after the invasion") is the date it resolves to; TimeML
annotates only the measure ("two weeks", a DURATION) and leaves the signal ("after") and the anchoring event to
links. ``timex3`` gives the TimeML reading, for exporting or scoring against TimeML corpora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import TimeExpression
from . import intervals as iv
from .base import parse_number, unit_code
from .relative import ANCHORED
from .tagger import MEASURE

#: TimeML corpora annotate "a year earlier" as a DATE but "three days later" and "two weeks after" as DURATIONs
_MEASURE = re.compile(rf"{MEASURE}(?=\s+(?:later|afterwards|after|before|prior\s+to)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Timex3:
    """A TIMEX3 annotation: span, type and value."""

    start: int
    end: int
    type: str
    value: str


def timex3(e: TimeExpression) -> Timex3:
    """The TimeML annotation of ``e``: anchored shifts become the DURATION they measure, the rest is unchanged."""
    if ANCHORED in e.flags:
        m = _MEASURE.match(e.text)
        if m is not None:
            half = m["half"] is not None or m["half2"] is not None
            value = iv.duration_value(parse_number(m["num"]), unit_code(m["unit"]), half)
            return Timex3(e.start, e.start + m.end(), "DURATION", value)
    return Timex3(e.start, e.end, e.type, e.value)
