"""nlp: model resolution by name and paragraph splitting with offsets into the document."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope import nlp
from eventscope.errors import ModelNotFound


def test_missing_model_names_both_candidates() -> None:
    with pytest.raises(ModelNotFound, match="no_such_model_xyz"):
        nlp.load_model("no_such_model_xyz")


def test_default_model_loads() -> None:
    model = nlp.load_model()
    assert "parser" in model.pipe_names and "ner" in model.pipe_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo two.\n", ["One.", "Two two."]),
        ("  lead space.\n\n\n   \n\nnext para\nsame para.", ["lead space.", "next para\nsame para."]),
        ("", []),
    ],
)
def test_passages_are_paragraphs(text: str, expected: list[str]) -> None:
    got = list(nlp.passages(text, [("body", 0, len(text))]))
    assert [t for _, _, t in got] == expected
    for _, off, t in got:
        assert text[off : off + len(t)] == t


@given(st.text(alphabet=st.sampled_from("ab. \n!"), max_size=300), st.integers(min_value=5, max_value=40))
def test_long_paragraphs_are_cut_with_exact_offsets(text: str, limit: int) -> None:
    old = nlp.MAX_PASSAGE
    nlp.MAX_PASSAGE = limit
    try:
        for _, off, t in nlp.passages(text, [("body", 0, len(text))]):
            assert text[off : off + len(t)] == t
            assert 0 < len(t) <= limit
            assert t == t.strip()
    finally:
        nlp.MAX_PASSAGE = old
