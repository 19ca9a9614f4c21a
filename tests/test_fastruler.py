"""The indexed attribute-ruler matcher gives exactly the annotations of spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from eventscope import fastruler
from eventscope.nlp import MODEL_NAMES, passages

from .conftest import DEMO

SENTENCES = [
    "I'd have thought they wouldn't go, but it's what y' all said ain't nothin' to worry about.",
    "Gunmen who weren't identified had seized it; police didn't say whether they'd been arrested.",
    "Do you think he does? Have they? It was hers, not theirs, and that's that.",
    "\n  The ministry said: \"We will not accept this.\"  \n",
]


def _load() -> spacy.language.Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English model")


def _annotations(nlp: spacy.language.Language, texts: list[str]) -> list[tuple]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for d in nlp.pipe(texts) for t in d]


def test_same_annotations_as_spacy_on_team_texts() -> None:
    texts = list(SENTENCES)
    for path in sorted(DEMO.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [t for _, _, t in passages(text, [("body", 0, len(text))])]
    original, fast = _load(), _load()
    assert fastruler.install(fast)
    assert _annotations(fast, texts) == _annotations(original, texts)


def test_unsupported_patterns_leave_the_ruler_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"TAG": "DT"})
    before = ruler.match
    assert fastruler.install(nlp) is False
    assert ruler.match == before


def test_matches_equal_spacy_matcher_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["big", "large"]}}, {"LOWER": {"REGEX": "^ca"}}]], {"LEMMA": "BIGCAT"}, index=1)
    ruler.add([[{"IS_SPACE": False, "LOWER": {"NOT_IN": ["the"]}}]], {"TAG": "X"})
    doc = nlp.make_doc("the big cat and a large car near a big dog")
    assert fastruler.FastMatch(ruler)(doc) == ruler.match(doc)


def test_cached_lemmatizer_gives_spacys_lemmas_on_repeat_and_with_ruler_lemmas() -> None:
    texts = [*SENTENCES, "Rebels were shelling the villages; they've shelled them before and had been warned."]
    original, fast = _load(), _load()
    assert fastruler.install(fast)
    assert type(fast.get_pipe("lemmatizer")).__name__.startswith("Fast")
    want = _annotations(original, texts)
    assert _annotations(fast, texts) == want
    assert _annotations(fast, texts) == want  # the second pass comes from the cache


def test_lemmatizer_in_lookup_mode_is_left_alone() -> None:
    nlp = spacy.blank("en")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    cls = type(lem)
    assert fastruler.install_lemmatizer(nlp) is False
    assert type(lem) is cls


def test_installing_twice_is_harmless() -> None:
    fast = _load()
    assert fastruler.install_lemmatizer(fast) is True
    assert fastruler.install_lemmatizer(fast) is False
    assert [t.lemma_ for t in fast("Troops were deployed.")] == ["troop", "be", "deploy", "."]
