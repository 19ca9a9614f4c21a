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


# -- tokenize / annotate / LemmaScreen -------------------------------------------------------------------------------
TEXTS = [
    "Militants attacked a checkpoint outside the town on Tuesday, killing three soldiers.",
    "The ministry said talks would resume. Officials were meeting in Geneva; they'd agreed to a truce.",
    "Wheat prices rose 2 pct in quiet trading as exporters booked March shipments.",
    "Gunmen ambushed convoys; protesters gathered and police fired tear gas at crowds.",
]


@pytest.fixture(scope="module")
def model():  # noqa: ANN201 - spaCy Language
    return nlp.load_model()


def test_tokenize_then_annotate_equals_parse(model) -> None:  # noqa: ANN001
    text = "\n\n".join(TEXTS)
    ranges = [("body", 0, len(text))]
    tokenized = nlp.tokenize(model, text, ranges)
    assert all(not p.doc.has_annotation("TAG") for p in tokenized)
    a = nlp.annotate(model, tokenized)
    b = nlp.parse(model, text, ranges)
    view = lambda ps: [(p.zone_kind, p.offset, [(t.text, t.tag_, t.dep_, t.lemma_, t.ent_type_) for t in p.doc]) for p in ps]  # noqa: E731
    assert view(a) == view(b)
    assert [p.offset for p in a] == [text.index(t) for t in TEXTS]


@pytest.mark.parametrize("text", TEXTS)
def test_screen_admits_every_lemma_the_model_gives(model, text: str) -> None:  # noqa: ANN001
    """The superset property: for each lemma the full pipeline produces, a screen for that lemma admits the text."""
    doc = model(text)
    for tok in doc:
        screen = nlp.LemmaScreen(model, {tok.lemma_.lower()})
        assert screen.admits([model.make_doc(text)]), (tok.text, tok.lemma_)


@pytest.mark.parametrize(
    ("targets", "text", "admitted"),
    [
        ({"attack"}, "Rebels attacked the base.", True),
        ({"attack"}, "The attacks continued.", True),
        ({"kill"}, "Two people were killed.", True),
        ({"be"}, "It was late.", True),  # an exception form and an attribute-ruler lemma
        ({"attack", "kill"}, "Wheat prices rose 2 pct.", False),
        ({"go"}, "We're goin' home.", True),  # a lemma only the attribute ruler gives
        ({"shell"}, "Artillery shelled the village.", True),
        ({"shell"}, "Oil majors Shell and BP reported profits.", True),
    ],
)
def test_screen_cases(model, targets: set[str], text: str, admitted: bool) -> None:  # noqa: ANN001
    screen = nlp.LemmaScreen(model, targets)
    assert screen.exact
    assert screen.admits([model.make_doc(text)]) is admitted


def test_screen_applies_lemma_fixes(model) -> None:  # noqa: ANN001
    screen = nlp.LemmaScreen(model, {"strike"}, {"airstrikes": "strike"})
    assert screen.admits([model.make_doc("Airstrikes hit the port.")])
    assert not nlp.LemmaScreen(model, {"strike"}).admits([model.make_doc("Airstrikes hit the port.")])


def test_screen_without_rule_lemmatizer_admits_everything() -> None:
    import spacy

    blank = spacy.blank("en")
    screen = nlp.LemmaScreen(blank, {"attack"})
    assert not screen.exact
    assert screen.admits([blank.make_doc("Nothing relevant here.")])


def test_screen_lemmas_cover_the_model_on_the_demo_articles(model) -> None:  # noqa: ANN001
    from .conftest import DEMO

    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    tokens = [t for text in texts for p in nlp.parse(model, text, [("body", 0, len(text))]) for t in p.doc]
    assert len(tokens) > 500
    screen = nlp.LemmaScreen(model, {t.lemma_.lower() for t in tokens})  # the ruler's lemmas count only if wanted
    assert [(t.text, t.lemma_) for t in tokens if t.lemma_.lower() not in screen.lemmas(t.lower_)] == []


@pytest.mark.parametrize("text", ["One para.\n\nTwo  spaced   words. ", "Tabs\tand\u00a0odd spaces\n\nend"])
def test_doc_text_is_the_paragraph(model, text: str) -> None:  # noqa: ANN001
    for p in nlp.parse(model, text, [("body", 0, len(text))]):
        assert nlp.doc_text(p.doc) == p.doc.text == text[p.offset : p.offset + len(p.doc.text)]
    fresh = model("Built by spaCy itself.")
    assert nlp.doc_text(fresh) == fresh.text
