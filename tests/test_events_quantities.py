"""Counts: number words, qualifiers, ranges, vague amounts, and the kind of thing counted."""

from __future__ import annotations

import pytest

from eventscope.events.quantities import find_quantities, parse_number, words_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("eight", 8),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("three thousand five hundred", 3500),
        ("seventy one", 71),
        ("40", 40),
        ("banana", None),
    ],
)
def test_words_to_int(text: str, value: int | None) -> None:
    assert words_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("at least 14 people", 14, "at least"),
        ("more than 200 protesters", 200, "more than"),
        ("about 50 fighters", 50, "about"),
        ("10 to 15 residents", 10, "range"),
        ("12-20 soldiers", 12, "range"),
        ("between six and nine civilians", 6, "range"),
        ("dozens of youths", 12, "vague"),
        ("hundreds of people", 100, "vague"),
        ("a handful of soldiers", 3, "vague"),
        ("several hundred protesters", 200, "vague"),
        ("twenty-five people", 25, None),
        ("up to 3,000 troops", 3000, "up to"),
        ("no number here", None, None),
    ],
)
def test_parse_number(text: str, value: int | None, qualifier: str | None) -> None:
    got = parse_number(text)
    if value is None:
        assert got is None
    else:
        assert got is not None and (got.value, got.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed at least 14 villagers in the raid.", [("fatalities", 14, "at least 14 villagers")]),
        ("The blast wounded twenty-five people near the market.", [("injured", 25, "twenty-five people")]),
        ("Police detained more than 200 students on Friday.", [("arrested", 200, "more than 200 students")]),
        (
            "The convoy included six armoured vehicles and three helicopters.",
            [("vehicles", 6, "six armoured vehicles"), ("aircraft", 3, "three helicopters")],
        ),
        ("The ministry deployed 1,500 troops to the border.", [("troops", 1500, "1,500 troops")]),
        ("Dozens of protesters gathered outside the embassy.", [("crowd", 12, "Dozens of protesters")]),
        ("The talks lasted 24 hours in 2019.", []),
    ],
)
def test_find_quantities(nlp, sentence: str, expected: list[tuple[str, int, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    found = [f.quantity for s in doc.sents for f in find_quantities(s, 100)]
    assert [(q.kind, q.value, q.text) for q in found] == expected
    for q in found:
        assert sentence[q.start - 100 : q.end - 100] == q.text
