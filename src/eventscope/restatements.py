"""A later definite mention of an event already coded in the document is that event, not a new one.

News stories report an event, then come back to it: "Troops and rebels clashed near Kidal on Monday. ... Six
soldiers were killed in the clashes." The second sentence names no new clash; coding it as one would count the
fighting (and its dead) twice. An event is a *restatement* of an earlier one when

- its trigger is an event noun (:data:`EVENT_NOUNS`) after a definite determiner ("the clashes", "that attack",
  "the deadly raid"),
- the nearest earlier event of the same PLOVER type (and ACLED event type) is reported as having happened (asserted,
  claimed or historical, like the restatement),
- or it is an event of the same type in a sentence the coder already gave the earlier event as support ("The
  fighting began when militants attacked a post": the attack is how that fighting began);
- nothing in the mention contradicts it: no explicit date outside the earlier event's interval, no other resolved
  place (more than :data:`SAME_PLACE_KM` away), no actor country the earlier event lacks.

The restatement is dropped; the earlier event gains its sentence as support, the quantity kinds it lacked ("six
soldiers were killed" gives the clash its fatalities), and its place or date when the earlier event had none.
The coder already folds a definite event noun that is the subject of its clause ("The fighting began when ...")
into the previous event; this step covers every other position, across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import Event, EventDate
from .places.geodesy import haversine_km

#: nouns that name an event (heads of a definite restatement), singular and plural
EVENT_NOUNS = frozenset(
    """
    clash clashes fighting fight fights battle battles attack attacks assault assaults raid raids ambush ambushes
    strike strikes airstrike airstrikes air-strike air-strikes bombing bombings bombardment shelling blast blasts
    explosion explosions offensive incursion incursions shooting shootings firefight gunfight skirmish skirmishes
    violence unrest massacre killings kidnapping kidnappings abduction abductions
    protest protests demonstration demonstrations rally rallies march marches riot riots sit-in crackdown
    arrests operation
    """.split()
)
#: a definite determiner (and up to two modifiers) right before the trigger: "the clashes", "the deadly raid"
_DEFINITE = re.compile(r"\b(?:the|that|this|these|those)\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
#: how far apart two resolved places may be and still be the place of one event
SAME_PLACE_KM = 25.0
_HAPPENED = frozenset({"asserted", "claimed", "historical"})


def merge_restatements(events: Sequence[Event], text: str) -> list[Event]:
    """The document's events (in document order) with restatements folded into the event they restate."""
    out: list[Event] = []
    for ev in events:
        target = _restated(ev, out, text)
        if target is None:
            out.append(ev)
        else:
            out[target] = _fold(out[target], ev)
    return out


def _restated(ev: Event, earlier: Sequence[Event], text: str) -> int | None:
    """Index in ``earlier`` of the event that ``ev`` restates, or None."""
    for i, prev in enumerate(earlier):  # "The fighting began when militants attacked ...": the coder made the
        # sentence support of the fighting; an event of the same type in it is the same fighting
        if (prev.type == ev.type and ev.status in _HAPPENED and prev.status in _HAPPENED
                and any(s.start == ev.evidence.start for s in prev.support) and _compatible(prev, ev)):
            return i
    words = ev.trigger.text.lower().split()
    if not words or words[-1] not in EVENT_NOUNS or len(words) > 3 or ev.status not in _HAPPENED:
        return None
    if not _DEFINITE.search(text[max(ev.evidence.start, ev.trigger.start - 60) : ev.trigger.start]):
        return None
    for i in range(len(earlier) - 1, -1, -1):
        prev = earlier[i]
        if prev.type != ev.type or prev.evidence.start >= ev.evidence.start:
            continue
        if prev.status not in _HAPPENED or (_acled_type(ev) is not None and _acled_type(prev) != _acled_type(ev)):
            return None
        return i if _compatible(prev, ev) else None
    return None


def _acled_type(ev: Event) -> str | None:
    return ev.acled.event_type if ev.acled else None


def _compatible(prev: Event, ev: Event) -> bool:
    if ev.date is not None and ev.date.text is not None and _disjoint(prev.date, ev.date):
        return False
    here, there = ev.location, prev.location
    if (here is not None and here.lat is not None and here.lon is not None and there is not None
            and there.lat is not None and there.lon is not None and here.basis != "context"
            and haversine_km(here.lat, here.lon, there.lat, there.lon) > SAME_PLACE_KM):
        return False
    known = {a.country for a in prev.actors if a.country}
    return all(a.country is None or a.country in known for a in ev.actors)


def _disjoint(a: EventDate | None, b: EventDate) -> bool:
    """Whether two date intervals, both known, do not overlap."""
    if a is None or a.earliest is None or a.latest is None or b.earliest is None or b.latest is None:
        return False
    return b.earliest > a.latest or b.latest < a.earliest


def _fold(prev: Event, ev: Event) -> Event:
    kinds = {q.kind for q in prev.quantities}
    quantities = prev.quantities + tuple(q for q in ev.quantities if q.kind not in kinds)
    support = prev.support if any(s.start == ev.evidence.start for s in prev.support) else (*prev.support, ev.evidence)
    location, locations = prev.location, prev.locations
    if (location is None or location.lat is None) and ev.location is not None and ev.location.lat is not None:
        location, locations = ev.location, ev.locations
    date = prev.date
    if ev.date is not None and ev.date.text is not None and (date is None or date.text is None):
        date = ev.date
    return replace(prev, quantities=quantities, support=tuple(support), location=location, locations=locations,
                   date=date)


__all__ = ["EVENT_NOUNS", "merge_restatements"]
