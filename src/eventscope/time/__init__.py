"""The time stage: find time expressions, normalise them to intervals, and date events.

Pure regex and lexicon (no spaCy): ``tag`` finds and resolves expressions against an anchor,
``resolve_document`` chooses the anchor (publication date, override, or a year inferred from the text),
``event_date`` picks the expression that governs an event's clause.
"""

from __future__ import annotations

from .document import DocumentTimes, infer_numeric_order, numeric_order_for, resolve_document, tag
from .eventdate import event_date, is_historical
from .timex import Timex3, timex3

__all__ = [
    "DocumentTimes",
    "Timex3",
    "event_date",
    "infer_numeric_order",
    "is_historical",
    "numeric_order_for",
    "resolve_document",
    "tag",
    "timex3",
]
