"""Time expressions of a whole document: tagging with a given anchor, and resolving with an inferred one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import PublishedDate, TimeExpression
from . import anchor as an
from .resolve import EXPLICIT, UNRESOLVED, YEAR_INFERRED, Anchor, Resolver
from .tagger import Mention, find_mentions
from .tense import Cue, Sentences, Tense, cues, tense_at

_REFS = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_DEADLINE_SIGNALS = frozenset({"by", "until", "till"})
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class DocumentTimes:
    """Every time expression of a document and what relative ones were resolved against."""

    anchor: dt.date | None
    anchor_basis: str  # "publication date" | "override" | "year inferred" | "none"
    anchor_precision: str  # "day" | "month" | "year" | "unknown"
    expressions: tuple[TimeExpression, ...]
    news_date: dt.date | None  # the publication date, else the latest day-precision date in the text
    text: str = field(default="", repr=False, compare=False)  # the document text the offsets index

    def within(self, start: int, end: int) -> list[TimeExpression]:
        """Expressions lying inside [start, end)."""
        return [e for e in self.expressions if e.start >= start and e.end <= end]


def _mentions_with_tense(text: str, ranges: Sequence[tuple[int, int]]) -> list[tuple[Mention, Tense]]:
    """Every mention in ``ranges`` with the tense of its clause (anchor-independent, so computed once)."""
    sentences = Sentences(text, ranges)
    sentence_cues: dict[tuple[int, int], list[Cue]] = {}
    out: list[tuple[Mention, Tense]] = []
    for m in find_mentions(text, ranges):
        sentence = sentences.around(m.start, m.end)
        if sentence not in sentence_cues:
            sentence_cues[sentence] = cues(text, sentence)
        tense = tense_at(text, sentence, m.start, m.end, sentence_cues[sentence])
        if m.signal in _DEADLINE_SIGNALS and tense == "past":
            tense = "present"  # "by Dec. 15", "until March 6": a deadline, the nearer date
        elif m.rule == "weekday" and _POSSESSIVE.match(text, m.end) and "rel" not in m.parts:
            tense = "past"  # "Wednesday's ruling": an event already reported
        out.append((m, tense))
    return out


#: country-code domains whose outlets write numeric dates month first (everyone else writes them day first)
MONTH_FIRST_TLDS = frozenset({"us", "fm", "mh", "pw"})


def numeric_order_for(url: str | None) -> str | None:
    """The numeric date order an outlet's country uses, from its URL's country-code domain; None when unknown."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2:  # .com, .org, .net ...: no country
        return None
    return "mdy" if tld in MONTH_FIRST_TLDS else "dmy"


def infer_numeric_order(mentions: Sequence[tuple[Mention, Tense]]) -> str | None:
    """The order a text's own unambiguous numeric dates use (13/04/2020 → dmy, 04/13/2020 → mdy), if consistent."""
    orders = set()
    for m, _ in mentions:
        if m.rule == "numeric":
            a, b = int(m.parts["a"]), int(m.parts["b"])
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def _resolve_all(text: str, mentions: Sequence[tuple[Mention, Tense]], anchor: Anchor,
                 numeric_order: str | None = None) -> list[TimeExpression]:
    resolver = Resolver(text, anchor, numeric_order)
    out: list[TimeExpression] = []
    explicit: TimeExpression | None = None
    for m, tense in mentions:
        expr = resolver.resolve(m, tense, explicit or resolver.previous)
        if expr is None:
            continue
        out.append(expr)
        if expr.type in ("DATE", "TIME") and expr.earliest is not None and expr.value not in _REFS:
            resolver.previous = expr
            resolver.history.append(expr)
            if expr.basis in (EXPLICIT, YEAR_INFERRED):
                explicit = expr
    return out


def tag(
    text: str, ranges: Sequence[tuple[int, int]], anchor: dt.date | None, *, anchor_basis: str = an.PUBLICATION
) -> list[TimeExpression]:
    """Find and resolve the time expressions inside ``ranges`` against ``anchor``.

    ``anchor_basis`` is "publication date", "override", "year inferred" (partial dates then take their first
    occurrence after the anchor and day-level deixis stays unresolved) or "none".
    """
    return _resolve_all(text, _mentions_with_tense(text, ranges), an.make_anchor(anchor, anchor_basis))


def _news_date(expressions: Sequence[TimeExpression]) -> dt.date | None:
    days = [
        e.latest
        for e in expressions
        if e.type in ("DATE", "TIME") and e.precision == "day" and e.latest is not None and e.earliest == e.latest
        and e.basis != UNRESOLVED and "impossible" not in e.flags
    ]
    return max(days) if days else None


def resolve_document(
    text: str,
    ranges: Sequence[tuple[int, int]],
    published: PublishedDate | None,
    *,
    override: dt.date | None = None,
    numeric_order: str | None = None,
) -> DocumentTimes:
    """Resolve every time expression of a document; without a publication date, infer the year from the text.

    Ambiguous numeric dates (03/04/2020) follow ``numeric_order`` ("dmy"/"mdy", e.g. from
    :func:`numeric_order_for` the outlet's URL), else the order of the text's own unambiguous numeric dates, else
    day first with the flag "ambiguous-numeric".
    """
    given = an.given_anchor(published, override)
    mentions = _mentions_with_tense(text, ranges)
    order = numeric_order or infer_numeric_order(mentions)
    if given is not None:
        date, basis, precision = given
        expressions = _resolve_all(text, mentions, an.make_anchor(date, basis, precision), order)
        return DocumentTimes(date, basis, precision, tuple(expressions), date, text)
    first = _resolve_all(text, mentions, an.make_anchor(None, an.NONE), order)
    reference = an.latest_explicit(first)
    if reference is None:
        return DocumentTimes(None, an.NONE, "unknown", tuple(first), _news_date(first), text)
    expressions = _resolve_all(text, mentions, an.make_anchor(reference, an.INFERRED), order)
    return DocumentTimes(reference, an.INFERRED, "year", tuple(expressions), _news_date(expressions), text)
