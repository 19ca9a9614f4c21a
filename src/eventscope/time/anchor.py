"""The anchor of a document: its publication date, an override, or a year inferred from the text's own dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..model import PublishedDate, TimeExpression
from .resolve import EXPLICIT, RELATIVE_PUB, UNRESOLVED, YEAR_INFERRED, Anchor

#: DocumentTimes.anchor_basis values
PUBLICATION = "publication date"
OVERRIDE = "override"
INFERRED = "year inferred"
NONE = "none"


def make_anchor(date: dt.date | None, basis: str, precision: str = "day") -> Anchor:
    """The resolver's anchor for a date with an anchor basis ("publication date", "override", "year inferred")."""
    if date is None or basis == NONE:
        return Anchor(None, "none", UNRESOLVED)
    if basis == INFERRED:
        return Anchor(date, "year", YEAR_INFERRED, forward=True)
    return Anchor(date, "day" if precision == "day" else "year", RELATIVE_PUB)


def given_anchor(published: PublishedDate | None, override: dt.date | None) -> tuple[dt.date, str, str] | None:
    """(date, basis, precision) from an override or a publication date; None when neither is known."""
    if override is not None:
        return override, OVERRIDE, "day"
    if published is not None:
        return published.date, PUBLICATION, published.precision
    return None


def latest_explicit(expressions: Iterable[TimeExpression]) -> dt.date | None:
    """The end of the latest explicitly dated expression (full date, month and year, year...), if any."""
    ends = [
        e.latest
        for e in expressions
        if e.basis == EXPLICIT and e.type in ("DATE", "TIME") and e.latest is not None and e.precision != "unknown"
    ]
    return max(ends) if ends else None
