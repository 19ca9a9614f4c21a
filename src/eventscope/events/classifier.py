"""The statistical event classifier: a multinomial logistic regression over trigger features, run in numpy.

It reads one rule trigger (``features.trigger_features``) and gives a probability to each joint label
``"TYPE|ACLED sub-event type"`` (``"TYPE|-"`` when ACLED does not code it) and to ``"NONE"`` (a false trigger).
It is trained by ``scripts/train_classifier.py`` on the team's training sentences (``training/events/*.jsonl``) with
scikit-learn, which is needed at training time only: the artefact is JSON (classes, intercepts, feature -> its
non-negligible weights as [class index, weight] pairs, the training data's sha256, the sklearn version, the decision margins chosen by cross-validation) and
its own sha256 is recorded next to it (``event_classifier.sha256``) and checked when it is loaded.

How it combines with the rules (:meth:`EventClassifier.decide`): the rule's reading is kept unless the classifier's
best label beats the rule's label by a margin (one margin for dropping a trigger, one for another type, one for
another sub-type of the same type), raised by ``strength`` x the rule's own reliability (its trigger word's
strength x its context rule's certainty), so that a weak rule gives way sooner than a strong one. It also reads *candidate* triggers the rules do not propose: words whose lemma
named events the rules missed in the training data (``candidates``: lemma -> the type and sub-type they named most
often); such a word becomes an event only when the classifier's best label beats ``NONE`` by the "add" margin.
The margins are chosen on out-of-fold predictions over the training data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import EventscopeError
from ..model import Acled
from .ontology import ACLED_TYPES, MODE_OVERRIDES, PLOVER_MODES, TYPE_DEFAULTS, codes

FORMAT = "eventscope-event-classifier/1"
MODEL_FILE = "event_classifier.json"
DIGEST_FILE = "event_classifier.sha256"
NONE = "NONE"
NO_SUB = "-"
#: the decision margins used when a model file does not name its own
DEFAULT_MARGINS: dict[str, float] = {"drop": 0.5, "type": 0.3, "sub": 0.2, "add": 0.5, "strength": 0.0}
SUB_PARENT: dict[str, str] = {sub: parent for parent, subs in ACLED_TYPES.items() for sub in subs}
_OFF: ContextVar[bool] = ContextVar("eventscope_rules_only", default=False)
_MODEL: ContextVar[EventClassifier | None] = ContextVar("eventscope_event_classifier", default=None)


class ClassifierError(EventscopeError):
    """The classifier artefact is missing a part, has another format, or does not match its recorded sha256."""

    code = "E040"


def label(type_: str | None, sub: str | None) -> str:
    """The joint label of a type and ACLED sub-event type (``NONE`` for no event)."""
    return NONE if type_ is None else f"{type_}|{sub or NO_SUB}"


def split_label(lab: str) -> tuple[str | None, str | None]:
    """(type, sub-type) of a joint label; (None, None) for ``NONE``."""
    if lab == NONE:
        return None, None
    type_, sub = lab.split("|", 1)
    return type_, (None if sub == NO_SUB else sub)


def mode_for(type_: str, sub: str | None, mode: str | None) -> str | None:
    """A mode of ``type_`` whose ACLED sub-type is ``sub``: the given mode when it already leads there, else no mode
    when the type's default leads there, else the first such mode in ontology order, else no mode."""
    def sub_of(m: str | None) -> str | None:
        acled, _ = codes(type_, m)
        return acled.sub_event_type if acled else None

    if mode is not None and mode in PLOVER_MODES.get(type_, ()) and sub_of(mode) == sub:
        return mode
    default = TYPE_DEFAULTS[type_][0]
    if (default[1] if default else None) == sub:
        return None
    for m in PLOVER_MODES.get(type_, ()):
        if (type_, m) in MODE_OVERRIDES and sub_of(m) == sub:
            return m
    return None


def acled_of(sub: str | None) -> Acled | None:
    return Acled(SUB_PARENT[sub], sub) if sub else None


@dataclass(frozen=True)
class Decision:
    """What the classifier makes of one trigger."""

    type: str | None  # None: drop the trigger (a false trigger)
    sub: str | None  # ACLED sub-event type (None: ACLED does not code it)
    changed: str | None  # None (rule kept), "drop", "type", "sub" or "add" (a candidate made an event)
    p_label: float  # probability of the chosen joint label
    p_type: float  # probability of the chosen type (summed over its sub-types)
    p_event: float  # 1 - P(NONE)


@dataclass
class EventClassifier:
    classes: list[str]
    intercepts: np.ndarray
    weights: np.ndarray  # n_features x n_classes
    index: dict[str, int]
    margins: dict[str, float]
    meta: dict[str, Any]
    candidates: dict[str, tuple[str, str | None]]

    def __post_init__(self) -> None:
        self._labels = [split_label(c) for c in self.classes]
        self._class_index = {c: i for i, c in enumerate(self.classes)}
        self._types: list[str | None] = sorted({t for t, _ in self._labels}, key=lambda t: t or "")
        type_index = {t: j for j, t in enumerate(self._types)}
        self._type_index = type_index
        self._by_type = np.zeros((len(self.classes), len(self._types)))
        for i, (t, _) in enumerate(self._labels):
            self._by_type[i, type_index[t]] = 1.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventClassifier:
        if data.get("format") != FORMAT:
            raise ClassifierError(f"not an event classifier of format {FORMAT}: {data.get('format')!r}")
        classes = list(data["classes"])
        feats = list(data["weights"])
        w = np.zeros((len(feats), len(classes)), dtype=np.float64)
        try:
            for i, f in enumerate(feats):
                for j, v in data["weights"][f]:
                    w[i, int(j)] = float(v)
        except (IndexError, TypeError, ValueError) as exc:
            raise ClassifierError(f"malformed weights: {exc}") from exc
        b = np.array(data["intercepts"], dtype=np.float64)
        if b.shape != (len(classes),):
            raise ClassifierError("intercepts and classes differ in length")
        margins = {**DEFAULT_MARGINS, **data.get("margins", {})}
        meta = {k: v for k, v in data.items() if k not in ("weights", "intercepts", "candidates")}
        cands = {lem: (str(t), s or None) for lem, (t, s) in data.get("candidates", {}).items()}
        return cls(classes, b, w, {f: i for i, f in enumerate(feats)}, margins, meta, cands)

    @classmethod
    def load(cls, path: Path, digest: str | None = None) -> EventClassifier:
        """Load a model file; ``digest`` (hex sha256) is checked when given."""
        raw = path.read_bytes()
        got = hashlib.sha256(raw).hexdigest()
        if digest is not None and got != digest.strip():
            raise ClassifierError(
                f"{path.name}: sha256 {got[:12]}... does not match the recorded {digest.strip()[:12]}...; "
                "retrain with scripts/train_classifier.py (it writes both files)"
            )
        return cls.from_dict(json.loads(raw.decode("utf-8")))

    def scores(self, features: Sequence[str]) -> np.ndarray:
        rows = [self.index[f] for f in features if f in self.index]
        z = self.intercepts + (self.weights[rows].sum(axis=0) if rows else 0.0)
        return np.asarray(z)

    def proba(self, features: Sequence[str]) -> np.ndarray:
        """Probability of each class (in ``self.classes`` order)."""
        z = self.scores(features)
        e = np.exp(z - z.max())
        return np.asarray(e / e.sum())

    def decide(
        self, features: Sequence[str], rule_type: str | None, rule_sub: str | None, rule_strength: float = 0.0
    ) -> Decision:
        """Keep the rule's reading or change it (see the module docstring); ``rule_type`` None for a candidate."""
        p = self.proba(features)
        p_types = p @ self._by_type

        def type_p(t: str | None) -> float:
            j = self._type_index.get(t)
            return float(p_types[j]) if j is not None else 0.0

        rule_lab = label(rule_type, rule_sub)
        r = self._class_index.get(rule_lab)
        p_rule = float(p[r]) if r is not None else 0.0
        best = int(np.argmax(p))
        best_lab, p_best = self.classes[best], float(p[best])
        p_event = 1.0 - type_p(None)
        b_type, b_sub = self._labels[best]
        if best_lab != rule_lab:
            if rule_type is None:
                kind = "add"
            elif b_type is None:
                kind = "drop"
            elif b_type != rule_type:
                kind = "type"
            else:
                kind = "sub"
            need = self.margins[kind] + (self.margins["strength"] * rule_strength if kind != "add" else 0.0)
            if p_best - p_rule >= need:
                return Decision(b_type, b_sub, kind, p_best, type_p(b_type), p_event)
        return Decision(rule_type, rule_sub, None, p_rule, type_p(rule_type), p_event)


@lru_cache(maxsize=1)
def shipped() -> EventClassifier | None:
    """The classifier shipped in ``events/data`` (checked against its sha256 file); None when no model is shipped
    (the coder then uses its rules alone)."""
    data = resources.files("eventscope.events").joinpath("data")
    model, digest = data.joinpath(MODEL_FILE), data.joinpath(DIGEST_FILE)
    if not model.is_file():
        return None
    if not digest.is_file():
        raise ClassifierError(f"{MODEL_FILE} is shipped without its {DIGEST_FILE}")
    with resources.as_file(model) as path:
        return EventClassifier.load(Path(path), digest.read_text(encoding="utf-8").split()[0])


def active() -> EventClassifier | None:
    """The classifier the coder uses now: None inside :func:`rules_only`, the one given to :func:`using`, else
    the shipped one."""
    if _OFF.get():
        return None
    return _MODEL.get() or shipped()


@contextmanager
def using(model: EventClassifier) -> Iterator[None]:
    """Within this block the coder uses ``model`` (cross-validation in the training script)."""
    token = _MODEL.set(model)
    try:
        yield
    finally:
        _MODEL.reset(token)


@contextmanager
def rules_only() -> Iterator[None]:
    """Within this block the coder does not consult the classifier (for measuring and for training)."""
    token = _OFF.set(True)
    try:
        yield
    finally:
        _OFF.reset(token)
