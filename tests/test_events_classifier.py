"""The statistical event classifier: labels, modes, the decision rule, the artefact's checksum, features, the coder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from eventscope.events import classifier as K
from eventscope.events.classifier import rules_only
from eventscope.events.coder import TriggerRecord, code_passages
from eventscope.events.ontology import ACLED_TYPES, PLOVER_MODES, codes
from eventscope.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventscope" / "events" / "data"
TRAINING = ROOT / "training" / "events"


def _records(nlp, kb, text: str) -> list[TriggerRecord]:  # type: ignore[no-untyped-def]
    recs: list[TriggerRecord] = []
    with rules_only():
        code_passages(parse(nlp, text, [("body", 0, len(text))]), kb, record=recs)
    return recs


# --- labels and modes ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("type_", "sub", "lab"),
    [
        ("ASSAULT", "Air/drone strike", "ASSAULT|Air/drone strike"),
        ("CONSULT", None, "CONSULT|-"),
        (None, None, "NONE"),
    ],
)
def test_label_round_trip(type_: str | None, sub: str | None, lab: str) -> None:
    assert K.label(type_, sub) == lab
    assert K.split_label(lab) == (type_, sub)


@pytest.mark.parametrize(
    ("type_", "sub", "mode", "expected"),
    [
        ("ASSAULT", "Air/drone strike", None, "aerial"),
        ("ASSAULT", "Shelling/artillery/missile attack", "aerial", "heavy-weapons"),
        ("ASSAULT", "Armed clash", "firearms", "firearms"),  # the given mode already leads there
        ("ASSAULT", "Armed clash", None, None),  # the type's default
        ("PROTEST", "Mob violence", None, "mob"),
        ("COERCE", "Arrests", None, "arrest"),
        ("CONSULT", None, None, None),
        ("CONSULT", None, "phone", "phone"),
        ("AGREE", "Agreement", None, "ceasefire"),
        ("RETREAT", "Non-violent transfer of territory", "withdraw", "transfer"),
    ],
)
def test_mode_for(type_: str, sub: str | None, mode: str | None, expected: str | None) -> None:
    got = K.mode_for(type_, sub, mode)
    assert got == expected
    acled, _ = codes(type_, got)
    assert (acled.sub_event_type if acled else None) == sub


def test_every_subtype_has_a_parent() -> None:
    assert set(K.SUB_PARENT) == {s for subs in ACLED_TYPES.values() for s in subs}
    assert K.acled_of("Grenade") is not None and K.acled_of("Grenade").event_type == "Explosions/Remote violence"
    assert K.acled_of(None) is None


# --- the decision rule on a hand-made model --------------------------------------------------------------------
CLASSES = ["ASSAULT|Armed clash", "ASSAULT|Attack", "PROTEST|Peaceful protest", "NONE"]


def _model(margins: dict[str, float]) -> K.EventClassifier:
    data = {
        "format": K.FORMAT,
        "classes": CLASSES,
        "intercepts": [0.0, 0.0, 0.0, 0.0],
        "margins": margins,
        "candidates": {"disperse": ["PROTEST", "Protest with intervention"]},
        "weights": {
            "clash": [[0, 4.0]],
            "civilians": [[1, 4.0]],
            "crowd": [[2, 4.0]],
            "sport": [[3, 4.0]],
            "weak": [[0, 0.3]],
        },
    }
    return K.EventClassifier.from_dict(data)


MARGINS = {"drop": 0.5, "type": 0.5, "sub": 0.3, "add": 0.6}


@pytest.mark.parametrize(
    ("features", "rule", "expected"),
    [
        (["clash"], ("ASSAULT", "Armed clash"), ("ASSAULT", "Armed clash", None)),  # agrees with the rule
        (["civilians"], ("ASSAULT", "Armed clash"), ("ASSAULT", "Attack", "sub")),
        (["crowd"], ("ASSAULT", "Armed clash"), ("PROTEST", "Peaceful protest", "type")),
        (["sport"], ("ASSAULT", "Armed clash"), (None, None, "drop")),
        (["weak"], ("PROTEST", "Peaceful protest"), ("PROTEST", "Peaceful protest", None)),  # not by the margin
        (["unknown feature"], ("ASSAULT", "Attack"), ("ASSAULT", "Attack", None)),
        (["clash"], (None, None), ("ASSAULT", "Armed clash", "add")),  # a candidate made an event
        (["weak"], (None, None), (None, None, None)),  # a candidate left alone
    ],
)
def test_decide(features: list[str], rule: tuple[str | None, str | None], expected: tuple[Any, ...]) -> None:
    d = _model(MARGINS).decide(features, *rule)
    assert (d.type, d.sub, d.changed) == expected
    assert 0.0 <= d.p_label <= d.p_type + 1e-9 <= 1.0 + 1e-9
    assert 0.0 <= d.p_event <= 1.0


def test_proba_is_a_distribution() -> None:
    p = _model(MARGINS).proba(["clash", "crowd", "unknown"])
    assert p.sum() == pytest.approx(1.0)
    assert p[0] == pytest.approx(p[2])


# --- the artefact ----------------------------------------------------------------------------------------------
def test_load_checks_the_digest(tmp_path: Path) -> None:
    f = tmp_path / "m.json"
    f.write_text(json.dumps({"format": K.FORMAT, "classes": ["NONE"], "intercepts": [0.0], "weights": {}}))
    good = hashlib.sha256(f.read_bytes()).hexdigest()
    assert K.EventClassifier.load(f, good).classes == ["NONE"]
    with pytest.raises(K.ClassifierError, match="does not match the recorded"):
        K.EventClassifier.load(f, "0" * 64)


@pytest.mark.parametrize(
    "data",
    [
        {"format": "something else", "classes": [], "intercepts": [], "weights": {}},
        {"format": K.FORMAT, "classes": ["A", "B"], "intercepts": [0.0], "weights": {}},
        {"format": K.FORMAT, "classes": ["A", "B"], "intercepts": [0.0, 0.0], "weights": {"f": [[5, 1.0]]}},
    ],
)
def test_malformed_model_is_an_error(data: dict[str, Any]) -> None:
    with pytest.raises(K.ClassifierError):
        K.EventClassifier.from_dict(data)


def test_shipped_model_matches_its_digest_and_covers_the_ontology() -> None:
    model = K.shipped()
    assert model is not None
    digest = (DATA / K.DIGEST_FILE).read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256((DATA / K.MODEL_FILE).read_bytes()).hexdigest() == digest
    types = {K.split_label(c)[0] for c in model.classes}
    assert types == {*PLOVER_MODES, None}
    for c in model.classes:
        t, sub = K.split_label(c)
        assert sub is None or sub in K.SUB_PARENT
    for lemma, (t, sub) in model.candidates.items():
        assert lemma == lemma.lower() and t in PLOVER_MODES and (sub is None or sub in K.SUB_PARENT)
    assert set(model.margins) == {"drop", "type", "sub", "add", "strength"}
    assert model.meta["training"]["sklearn"]


@pytest.mark.skipif(not TRAINING.exists(), reason="training/events is absent")
def test_shipped_model_was_trained_on_the_training_files() -> None:
    model = K.shipped()
    assert model is not None
    files = sorted(TRAINING.glob("*.jsonl"))
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    assert model.meta["training"]["data_sha256"] == h.hexdigest(), "training data changed: retrain the classifier"


# --- features --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lemma", "wanted"),
    [
        (
            "Army artillery shelled the village of Kormo overnight, killing four civilians.",
            "shell",
            {"lem=shell", "pos=VERB", "obj=village", "rule=ASSAULT", "subj=artillery", "subjmod=army"},
        ),
        (
            "Russian and Turkish troops carried out a joint patrol near Kobani on Tuesday.",
            "patrol",
            {"lem=patrol", "nominal", "light=carry", "mod=joint", "rule=COOPERATE", "source.country=yes"},
        ),
        (
            "The rebels did not attack the convoy, a spokesman said.",
            "attack",
            {"neg", "status=negated", "say=say", "obj=convoy"},
        ),
    ],
)
def test_trigger_features(nlp, kb, text: str, lemma: str, wanted: set[str]) -> None:  # type: ignore[no-untyped-def]
    recs = [r for r in _records(nlp, kb, text) if f"lem={lemma}" in r.features]
    assert recs, f"no rule trigger for {lemma!r}"
    feats = set(recs[0].features)
    assert wanted <= feats, wanted - feats
    assert recs[0].features == sorted(feats)


def test_record_is_made_without_changing_the_events(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested twelve students after a rally in Dhaka turned violent."
    passages = parse(nlp, text, [("body", 0, len(text))])
    with rules_only():
        plain = code_passages(passages, kb)
        recs: list[TriggerRecord] = []
        recorded = code_passages(passages, kb, record=recs)
    assert [(d.type, d.trigger) for d in plain] == [(d.type, d.trigger) for d in recorded]
    assert {r.trigger for r in recs if not r.candidate} >= {d.trigger for d in plain}


# --- the coder with the classifier ---------------------------------------------------------------------------
SENTENCES = [
    "Government troops clashed with rebels near the town of Bunia on Monday, killing eleven fighters.",
    "Police fired tear gas to disperse hundreds of teachers marching on parliament in Nairobi.",
    "The foreign ministers of Egypt and Jordan met in Cairo to discuss the situation in Gaza.",
    "A roadside bomb struck a military convoy near Kirkuk, wounding three soldiers, officials said.",
    "The football team launched a late attack but failed to score.",
]


def test_coder_with_classifier_gives_probabilities(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    confidences = []
    for text in SENTENCES:
        for d in code_passages(parse(nlp, text, [("body", 0, len(text))]), kb):
            assert 0.0 < d.confidence < 1.0
            assert d.type in PLOVER_MODES
            if d.acled is not None:
                assert d.acled.sub_event_type in ACLED_TYPES[d.acled.event_type]
            assert text[d.trigger.start : d.trigger.end] == d.trigger.text
            confidences.append(d.confidence)
    assert len(set(confidences)) > 2


def test_rules_only_switches_the_classifier_off(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    assert K.active() is not None
    with rules_only():
        assert K.active() is None
    assert K.active() is not None


#: sentences (written for this test) whose event word the rules do not know; the classifier's candidates do
CANDIDATE_SENTENCES: dict[str, str] = {
    "shootout": "A shootout between police and cattle rustlers left four people dead in the valley on Sunday.",
    "vacate": "Rebel fighters vacated their hilltop positions outside the town overnight, residents said.",
    "intervene": "Riot police intervened to end a sit-down protest by students outside the ministry.",
    "disable": "Army engineers disabled a roadside bomb on the highway south of the city.",
}


def test_the_model_has_candidate_words() -> None:
    model = K.shipped()
    assert model is not None
    assert len(set(CANDIDATE_SENTENCES) & set(model.candidates)) >= 2


@pytest.mark.parametrize("lemma", sorted(CANDIDATE_SENTENCES))
def test_candidate_word_becomes_an_event(nlp, kb, lemma: str) -> None:  # type: ignore[no-untyped-def]
    model = K.shipped()
    assert model is not None
    if lemma not in model.candidates:
        pytest.skip(f"{lemma!r} is not a candidate of this model")
    type_ = model.candidates[lemma][0]
    text = CANDIDATE_SENTENCES[lemma]
    passages = parse(nlp, text, [("body", 0, len(text))])
    with rules_only():
        before = code_passages(passages, kb)
    after = code_passages(passages, kb)
    word = text.split()[[w.lower().startswith(lemma[:5]) for w in text.split()].index(True)]
    assert not any(d.trigger.text.startswith(word) for d in before)
    assert any(d.trigger.text.startswith(word) and d.type == type_ for d in after)


@pytest.mark.parametrize(
    ("strength_weight", "rule_strength", "changed"),
    [(0.0, 0.9, "type"), (0.5, 0.2, "type"), (0.5, 0.9, None)],
)
def test_a_strong_rule_needs_a_larger_margin(strength_weight: float, rule_strength: float, changed: str | None) -> None:
    # p(PROTEST) - p(ASSAULT|Armed clash) = 0.94 - 0.02 = 0.92 against a margin of 0.5 + weight x strength
    model = _model({**MARGINS, "strength": strength_weight})
    d = model.decide(["crowd", "weak"], "ASSAULT", "Armed clash", rule_strength)
    assert d.changed == changed
