"""A later definite mention of an event already coded ("killed in the clashes") joins it instead of counting twice."""

from __future__ import annotations

import pytest

import eventscope
from eventscope.restatements import EVENT_NOUNS, merge_restatements

PUBLISHED = "2024-05-08"

CASES = {
    # text: (triggers of the ASSAULT events left, fatalities of the first, support sentences of the first)
    "definite noun in a later sentence joins the event": (
        "Government troops and rebels clashed near Kidal on Monday, residents said. Six soldiers and four rebels "
        "were killed in the clashes, an army spokesman said.",
        ["clashed"], [6, 4], 1,
    ),
    "an explicit other day is another event": (
        "Militants attacked an army checkpoint near Mopti on Monday. On Thursday, five soldiers were killed in the "
        "attack on a convoy near Gao.",
        ["attacked", "attack"], [], 0,
    ),
    "another town far away is another event": (
        "Rebels attacked a police station in Goma on Monday. Three officers died in the attack in Bunia, police said.",
        ["attacked", "attack"], [], 0,
    ),
    "an indefinite mention is a new event": (
        "Rebels attacked a police station in Goma on Monday. Three officers died in another attack nearby.",
        ["attacked", "attack"], [], 0,
    ),
    "how the fighting began is that fighting": (
        "Government troops and rebels clashed near Kidal late on Sunday. The fighting began when the rebels "
        "attacked an army post south of the town. Four soldiers died in the clashes.",
        ["clashed"], [4], 2,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_restatements(name: str) -> None:
    text, triggers, fatalities, support = CASES[name]
    events = [e for e in eventscope.extract(text, published=PUBLISHED) if e.type == "ASSAULT"]
    assert [e.trigger.text for e in events] == triggers
    assert [q.value for q in events[0].quantities if q.kind == "fatalities"] == fatalities
    assert len(events[0].support) == support


def test_other_types_are_not_merged() -> None:
    text = ("Thousands of students marched through Dhaka on Sunday to demand new exams. Police said 12 people were "
            "arrested during the protest.")
    types = [e.type for e in eventscope.extract(text, published=PUBLISHED)]
    assert types.count("PROTEST") == 1 and "COERCE" in types


def test_merge_keeps_order_and_is_idempotent() -> None:
    text = CASES["definite noun in a later sentence joins the event"][0]
    once = eventscope.extract(text, published=PUBLISHED)
    assert merge_restatements(once, text) == once
    assert [e.evidence.start for e in once] == sorted(e.evidence.start for e in once)


def test_event_nouns_are_lower_case_words() -> None:
    assert all(w == w.lower() and " " not in w for w in EVENT_NOUNS)
