"""Property tests: number words read back, and every span the coder emits is the text it points to."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.actors import ActorKB
from eventscope.events import code_passages
from eventscope.events.quantities import parse_number, words_to_int
from eventscope.nlp import load_model, parse

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0..999,999 (the test's own speller)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + spell(n % 100) if n % 100 else "")
    return spell(n // 1000) + " thousand" + (" " + spell(n % 1000) if n % 1000 else "")


@given(st.integers(min_value=0, max_value=999_999))
def test_number_words_read_back(n: int) -> None:
    assert words_to_int(spell(n)) == n
    assert words_to_int(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["at least", "more than", "about", "up to"]))
def test_qualified_counts(n: int, qualifier: str) -> None:
    got = parse_number(f"{qualifier} {n:,} soldiers")
    assert got is not None and got.value == n and got.qualifier == qualifier


SENTENCES = [
    "Armenian and Georgian border guards carried out a joint patrol along the river, using six armoured vehicles.",
    "The Nigerian army said it had killed 40 fighters in Borno state.",
    "It added that they had seized weapons.",
    '"Talks with the Turkish side were held earlier," it said.',
    "Police arrested 12 protesters after militants killed three soldiers in an ambush.",
    "Dozens of youths rioted in the suburbs overnight.",
    "Iran has denied that its forces attacked a tanker.",
]


@pytest.fixture(scope="module")
def tools():  # type: ignore[no-untyped-def]
    return load_model(), ActorKB.load()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    st.lists(st.sampled_from([" ", "\n\n", "  ", "\n \n"]), min_size=4, max_size=4),
    st.text(alphabet="ab \n", max_size=6),
)
def test_every_span_points_into_the_text(tools, picks: list[str], seps: list[str], prefix: str) -> None:  # type: ignore[no-untyped-def]
    nlp, kb = tools
    text = prefix + "".join(s + seps[i] for i, s in enumerate(picks))
    for d in code_passages(parse(nlp, text, [("body", 0, len(text))]), kb):
        for span in (d.trigger, d.evidence, *d.actors, *d.quantities):
            assert text[span.start : span.end] == span.text
        if d.attribution is not None:
            assert text[d.attribution.start : d.attribution.end] == d.attribution.text
        assert 0.0 <= d.confidence <= 1.0
