"""The event coder: parsed passages -> EventDrafts (trigger, type and codes, actors, quantities, status, support).

Per sentence (pre-filtered by trigger lemma, so sentences without one cost a set lookup per token): find triggers,
read the status and attribution, resolve source/target actors (with a running mention list across the article),
attach quantities to the trigger they depend on, and fold definite references to earlier events ("The patrol ...
set off", "The joint patrol was escorted by ...") into the earlier draft's ``support`` instead of a new event.

Confidence (documented formula, clamped to 0.05..0.99)::

    0.30 + 0.40 * strength * certainty           trigger word reliability x context-rule certainty
         + 0.15 if a source actor was resolved (name or country), 0.05 if one was found unresolved
         + 0.05 if a target actor was found
         + {asserted: .08, claimed: .05, planned: 0, negated: -.05, hypothetical: -.10}
         - 0.05 in a headline

With the statistical classifier (``classifier.py``, trained on ``training/events``) each trigger's reading is
confirmed, changed (type, ACLED sub-type) or dropped as a false trigger, and words the rules do not read but whose
lemma named events in the training data (candidates) may become events; the raw score is then
``(1 - BLEND_WEIGHT) * formula + BLEND_WEIGHT * P(type)``, the classifier's probability of the event's type.
An event whose trigger sits under another event's trigger in its sentence (the sentence's background: "after
ECOWAS threatened ...", "urged the council to impose sanctions") then loses ``BACKGROUND_PENALTY`` (0.20).
Inside :func:`.classifier.rules_only` the coder runs on its rules alone.

The event's ``confidence`` is this raw score mapped by :func:`.calibration.calibrate` (isotonic fit on the gold
set's dev part, strictly increasing, so the ranking is kept) to the probability that the event is correct.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Acled, Actor, Attribution, Quantity, Span
from . import lexicon as L
from .calibration import calibrate
from .classifier import Decision, EventClassifier, acled_of, active, mode_for
from .draft import EventDraft
from .features import trigger_features
from .ontology import codes
from .quantities import find_quantities
from .roles import ActorResolver, KBLike, role_heads
from .status import StatusResult, quotations, refusal, status_of
from .triggers import TRIGGER_LEMMAS, Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..nlp import Passage

#: parts of speech a candidate trigger word may have, and its strength in the confidence formula
_CANDIDATE_POS = frozenset({"VERB", "NOUN"})
_CANDIDATE_STATUS = frozenset({"asserted", "claimed", "historical"})
CANDIDATE_STRENGTH = 0.5
#: the weight of the classifier's type probability in the raw score (chosen by scripts/train_classifier.py's
#: sentence-level cross-validation)
BLEND_WEIGHT = 0.5
#: taken off the raw score of an event under another event's trigger in its sentence (:func:`dominated`)
BACKGROUND_PENALTY = 0.20
STATUS_BONUS = {"asserted": 0.08, "claimed": 0.05, "planned": 0.0, "negated": -0.05, "hypothetical": -0.10}
_DURING = frozenset("during amid amidst in throughout".split())
_COURSE = frozenset("course middle midst height".split())


@dataclass(frozen=True)
class TriggerRecord:
    """One rule trigger as the classifier sees it (for training): document span, the rule's reading, features."""

    trigger: Span
    type: str
    sub: str | None
    features: list[str]
    candidate: bool = False  # proposed by the classifier's candidate lemmas, not by the rules
    strength: float = 0.0  # the rule's reliability: trigger strength x context certainty


@dataclass
class _Builder:
    trigger: Trigger
    trig_span: Span
    type: str
    mode: str | None
    cameo: str | None
    actors: list[Actor]
    status: StatusResult
    attribution: Attribution | None
    sentence: SpacySpan
    offset: int
    zone_kind: str
    quantities: list[Quantity] = field(default_factory=list)
    support: list[tuple[SpacySpan, int]] = field(default_factory=list)
    continues: int | None = None
    candidate: bool = False
    decision: Decision | None = None  # the classifier's reading, when it ran
    acled_override: tuple[Acled | None] | None = None  # the ACLED category the classifier chose, when it changed one

    def lemma(self) -> str:
        return self.trigger.head.lemma_.lower()


def confidence(strength: float, certainty: float, actors: Sequence[Actor], status: str, zone_kind: str) -> float:
    """The confidence formula of the module docstring."""
    c = 0.30 + 0.40 * strength * certainty
    sources = [a for a in actors if a.role == "source"]
    if any(a.name or a.country for a in sources):
        c += 0.15
    elif sources:
        c += 0.05
    if any(a.role == "target" for a in actors):
        c += 0.05
    c += STATUS_BONUS.get(status, 0.0)
    if zone_kind == "headline":
        c -= 0.05
    return max(0.05, min(0.99, c))


def dominated(builders: Sequence[_Builder]) -> set[int]:
    """Indices of the builders whose trigger sits under another event's trigger words in the same sentence: the
    background of a sentence ("after ECOWAS threatened ...", "a meeting hosted by ...", "urged the council to
    impose sanctions"), which is less often the event the sentence reports."""
    words: dict[tuple[int, int], dict[int, int]] = {}
    for n, b in enumerate(builders):
        own = words.setdefault((b.offset, b.sentence.start), {})
        for tok in (*b.trigger.tokens, *b.trigger.extra):
            own.setdefault(tok.i, n)
    out: set[int] = set()
    for n, b in enumerate(builders):
        own = words[(b.offset, b.sentence.start)]
        for tok in b.trigger.tokens:
            coordinated = True  # coordinated events ("dissolved the parties and banned ...") are not background
            while tok.head.i != tok.i:
                coordinated = coordinated and tok.dep_ == "conj"
                tok = tok.head
                if not coordinated and own.get(tok.i, n) != n:
                    out.add(n)
                    break
    return out


def blend(raw: float, p_type: float) -> float:
    """The raw score mixed with the classifier's probability of the event's type (weight BLEND_WEIGHT)."""
    return (1 - BLEND_WEIGHT) * raw + BLEND_WEIGHT * p_type


def _acled_for(type_: str, mode: str | None, cameo: str | None, actors: Sequence[Actor]) -> tuple[Acled | None, str]:
    acled, code = codes(type_, mode, cameo)
    if type_ == "ASSAULT" and acled is not None:
        targets = [a for a in actors if a.role == "target"]
        sources = [a for a in actors if a.role == "source"]
        if mode in (None, "firearms", "primitive") and targets and all(a.inter == 7 for a in targets):
            acled = Acled("Violence against civilians", "Attack")
        state = sources and (
            sources[0].inter == 1 or (sources[0].inter is None and sources[0].sector in (None, "GOV", "MIL"))
        )
        if mode == "territory" and state and sources[0].country:
            acled = Acled("Battles", "Government regains territory")
        if mode == "regain" and sources and not state:  # "rebels retook the town"
            acled = Acled("Battles", "Non-state actor overtakes territory")
    states = [
        a.country is not None and a.inter in (1, None) and a.sector in (None, "GOV", "MIL")
        for a in actors
        if a.role == "source"
    ]
    if type_ == "AGREE" and mode == "peace" and states and all(states):
        acled = None  # a peace treaty between states is diplomacy; ACLED codes agreements between armed parties
    return acled, code


class _ArticleCoder:
    def __init__(
        self,
        kb: KBLike,
        model: EventClassifier | None = None,
        record: list[TriggerRecord] | None = None,
        candidates: Mapping[str, tuple[str, str | None]] | None = None,
    ) -> None:
        self.resolver = ActorResolver(kb)
        self.builders: list[_Builder] = []
        self.model = model
        self.record = record
        self.candidates: Mapping[str, tuple[str, str | None]] = (
            candidates if candidates is not None else (model.candidates if model is not None else {})
        )
        self.changes: list[str | None] = []  # the classifier's decision kind for every trigger it read
        self._texts: dict[int, tuple[Doc, str]] = {}
        self._attr_cache: dict[tuple[int, int], tuple[Attribution | None, list[Actor]]] = {}

    def text_of(self, doc: Doc) -> str:
        """``doc.text`` (spaCy rebuilds it from the tokens at every access), kept per doc."""
        hit = self._texts.get(id(doc))
        if hit is None or hit[0] is not doc:
            hit = self._texts[id(doc)] = (doc, doc.text)
        return hit[1]

    # -- attribution -------------------------------------------------------------------------------------------
    def attribution(self, st: StatusResult, offset: int) -> tuple[Attribution | None, list[Actor]]:
        chars = st.attribution_chars()
        if chars is None:
            return None, []
        key = (offset, chars[0])
        if key in self._attr_cache:
            return self._attr_cache[key]
        doc = (st.say or st.according).doc  # type: ignore[union-attr]
        who: list[Actor] = []
        if st.according is not None:
            objs = [o for to in st.according.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"]
            if objs:
                who = self.resolver.resolve(objs[0], "source", offset, speaker=True)
        elif st.speaker is not None:
            who = self.resolver.resolve(st.speaker, "source", offset, speaker=True)
        if who and self.resolver.history:  # the preferred antecedent of a pronoun subject in what it says
            self.resolver.speakers.append(self.resolver.history[-1])
        name = who[0].name if who else None
        country = who[0].country if who else None
        attr = Attribution(self.text_of(doc)[chars[0] : chars[1]], name, offset + chars[0], offset + chars[1], country)
        self._attr_cache[key] = (attr, who)
        return attr, who

    def note_speakers(self, sent: SpacySpan, offset: int) -> None:
        """Remember who speaks in a sentence without events, for a later "it said"."""
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in L.SAY_VERBS:
                who = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if who and self.resolver.resolve(who[0], "source", offset):
                    self.resolver.speakers.append(self.resolver.history[-1])

    # -- one sentence ------------------------------------------------------------------------------------------
    def sentence(self, sent: SpacySpan, offset: int, zone_kind: str, quotes: list[tuple[int, int, Token]]) -> None:
        triggers, anaphors = find_triggers(sent)
        extra = self._candidates(sent, triggers, anaphors)
        if not triggers and not anaphors and not extra:
            self.note_speakers(sent, offset)
            return
        root = sent.root
        if not any(root.i == t.head.i or (t.light is not None and root.i == t.light.i) for t in triggers):
            # remember who the main clause is about ("Iran has denied that its forces ...") for later pronouns
            for subj in (c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"):
                self.resolver.resolve(subj, "source", offset)
        by_token: dict[int, _Builder] = {}
        context: _Builder | None = None
        supported: list[_Builder] = []
        for n in anaphors:
            prior = self._antecedent(n)
            if prior is None:
                continue
            by_token[n.i] = prior
            if n.dep_ in ("nsubj", "nsubjpass", "ROOT", "attr"):
                if prior.sentence is not sent and all(s is not sent for s, _ in prior.support):
                    prior.support.append((sent, offset))
                supported.append(prior)
            elif n.head.lower_ in _DURING or (n.head.lower_ == "of" and n.head.head.lemma_.lower() in _COURSE):
                context = prior
        new: list[_Builder] = []
        for tr in triggers:
            light = tr.light if tr.light is not None else tr.head
            restates = tr.nominal and tr.definite and tr.light is not None and tr.head.dep_ == "nsubj"
            if (light.dep_ == "csubj" and light.tag_ == "VBG") or restates:
                # "Sending reinforcements ... comes ahead of ...", "The fighting began when ...": a gerund or a
                # definite event noun as subject restates an earlier event of the same type
                prior = next((b for b in reversed(self.builders) if b.type == tr.type), None)
                if prior is not None:
                    if all(s is not sent for s, _ in prior.support) and prior.sentence is not sent:
                        prior.support.append((sent, offset))
                    for t in tr.tokens:
                        by_token[t.i] = prior
                    continue
            b = self._build(tr, sent, offset, zone_kind, quotes)
            if not self._classify(b, [*triggers, *extra]):
                continue
            if context is not None:
                b.continues = self.builders.index(context)
            self.builders.append(b)
            new.append(b)
            for t in (*tr.tokens, *tr.extra):
                by_token.setdefault(t.i, b)
        for tr in extra:
            r = self.resolver
            mark = (len(r.history), len(r.pairs), len(r.speakers))
            b = self._build(tr, sent, offset, zone_kind, quotes)
            b.candidate = True
            if not self._classify(b, [*triggers, *extra]):  # a rejected candidate leaves no mentions behind
                del r.history[mark[0] :], r.pairs[mark[1] :], r.speakers[mark[2] :]
                continue
            self.builders.append(b)
            new.append(b)
            by_token.setdefault(tr.head.i, b)
        self._quantities(sent, offset, by_token, new, supported)

    def _candidates(self, sent: SpacySpan, triggers: Sequence[Trigger], anaphors: Sequence[Token]) -> list[Trigger]:
        """Words the rules do not read as triggers whose lemma is one of the classifier's candidates."""
        if not self.candidates:
            return []
        taken = {t.i for tr in triggers for t in (*tr.tokens, *tr.extra)} | {a.i for a in anaphors}
        out = []
        for tok in sent:
            if tok.i in taken or tok.pos_ not in _CANDIDATE_POS:
                continue
            sense = self.candidates.get(tok.lemma_.lower())
            if sense is not None:
                type_, sub = sense
                mode = mode_for(type_, sub, None)
                out.append(Trigger(tok, None, type_, mode, None, CANDIDATE_STRENGTH, 0.5, nominal=tok.pos_ == "NOUN"))
        return out

    def _classify(self, b: _Builder, triggers: Sequence[Trigger]) -> bool:
        """Let the classifier confirm, change or drop the rule's reading (accept or reject a candidate's); False
        when the trigger is dropped."""
        if self.model is None and self.record is None:
            return b.candidate is False
        if b.candidate and b.status.status not in _CANDIDATE_STATUS:
            return False  # a word the rules do not know is an event only when reported as having happened
        rule_acled, _ = _acled_for(b.type, b.mode, b.cameo, b.actors)
        rule_sub = rule_acled.sub_event_type if rule_acled else None
        feats = trigger_features(
            b.trigger, b.sentence, b.actors, b.status, rule_sub, triggers, b.zone_kind, candidate=b.candidate
        )
        if self.record is not None:
            strength = b.trigger.strength * b.trigger.certainty
            self.record.append(TriggerRecord(b.trig_span, b.type, rule_sub, feats, b.candidate, strength))
        if self.model is None:
            return True
        if b.candidate:
            d = self.model.decide(feats, None, None)
            b.decision = d
            self.changes.append(d.changed)
            if d.type is None:
                return False
            b.type, b.cameo, b.mode = d.type, None, mode_for(d.type, d.sub, None)
            b.acled_override = (acled_of(d.sub),)
            return True
        d = self.model.decide(feats, b.type, rule_sub, b.trigger.strength * b.trigger.certainty)
        b.decision = d
        self.changes.append(d.changed)
        if d.type is None:
            return False
        if d.changed is not None:
            same = d.type == b.type
            b.mode = mode_for(d.type, d.sub, b.mode if same else None)
            if not same:
                b.type, b.cameo = d.type, None
            b.acled_override = (acled_of(d.sub),)
        return True

    def _antecedent(self, noun: Token) -> _Builder | None:
        lemma = noun.lemma_.lower()
        sense = L.NOUN_TRIGGERS.get(lemma)
        for b in reversed(self.builders):
            if b.lemma() == lemma or (sense is not None and b.type == sense.type and b.trigger.nominal):
                return b
        return None

    def _build(
        self, tr: Trigger, sent: SpacySpan, offset: int, zone_kind: str, quotes: list[tuple[int, int, Token]]
    ) -> _Builder:
        st = status_of(tr, quotes)
        st = refusal(tr, st) or st
        attribution, speakers = self.attribution(st, offset)
        actors: list[Actor] = []
        for role, tok in role_heads(tr):
            is_speaker = st.say is not None and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass")
            for a in self.resolver.resolve(tok, role, offset, speaker=is_speaker):
                if not any(x.start == a.start and x.end == a.end and x.name == a.name for x in actors):
                    actors.append(a)
        if tr.type in ("AGREE", "CONSULT", "COOPERATE") and st.say is not None and speakers:
            if not any(a.role == "source" for a in actors):  # "agreements were reached", said the ministry
                sp = speakers[0]
                actors.insert(
                    0,
                    Actor("source", sp.text, sp.start, sp.end, sp.name, sp.country, sp.sector, sp.inter, "attribution"),
                )
        if len([a for a in actors if a.name or a.country]) >= 2 and len(self.resolver.history) >= 2:
            self.resolver.remember_pair(self.resolver.history[-2], self.resolver.history[-1])
        s, e = tr.span_chars()
        doc = sent.doc
        return _Builder(
            tr,
            Span(offset + s, offset + e, self.text_of(doc)[s:e]),
            tr.type,
            tr.mode,
            tr.cameo,
            actors,
            st,
            attribution,
            sent,
            offset,
            zone_kind,
        )

    def _quantities(
        self,
        sent: SpacySpan,
        offset: int,
        by_token: dict[int, _Builder],
        new: list[_Builder],
        supported: list[_Builder],
    ) -> None:
        for found in find_quantities(sent, offset):
            target = None
            for tok in (found.anchor, *found.anchor.ancestors):
                if tok.i in by_token:
                    target = by_token[tok.i]
                    break
            if target is None:
                if len(new) == 1:
                    target = new[0]
                elif not new and len(supported) == 1:
                    target = supported[0]
            if target is not None and not any(q.start == found.quantity.start for q in target.quantities):
                target.quantities.append(found.quantity)

    # -- output ------------------------------------------------------------------------------------------------
    def drafts(self) -> list[EventDraft]:
        out = []
        background = dominated(self.builders)
        for n, b in enumerate(self.builders):
            acled, cameo = _acled_for(b.type, b.mode, b.cameo, b.actors)
            if b.acled_override is not None:
                acled = b.acled_override[0]
            sent = b.sentence
            evidence = Span(b.offset + sent.start_char, b.offset + sent.end_char, sent.text)
            conf = confidence(b.trigger.strength, b.trigger.certainty, b.actors, b.status.status, b.zone_kind)
            if b.decision is not None:
                conf = blend(conf, b.decision.p_type)
            if n in background:
                conf = max(0.05, conf - BACKGROUND_PENALTY)
            out.append(
                EventDraft(
                    trigger=b.trig_span,
                    type=b.type,
                    mode=b.mode,
                    acled=acled,
                    cameo=cameo,
                    actors=tuple(b.actors),
                    quantities=tuple(b.quantities),
                    status=b.status.status,
                    attribution=b.attribution,
                    evidence=evidence,
                    confidence=round(calibrate(conf), 4),
                    sentence=sent,
                    offset=b.offset,
                    zone_kind=b.zone_kind,
                    support=tuple(b.support),
                    continues=b.continues,
                )
            )
        return out


_WANTED: dict[int, tuple[Mapping[str, Any], frozenset[str]]] = {}


def _wanted(candidates: Mapping[str, Any]) -> frozenset[str]:
    """The sentence pre-filter's lemmas: the rules' trigger lemmas and the candidate lemmas (cached per table)."""
    if not candidates:
        return TRIGGER_LEMMAS
    hit = _WANTED.get(id(candidates))
    if hit is None or hit[0] is not candidates:
        hit = _WANTED[id(candidates)] = (candidates, TRIGGER_LEMMAS | frozenset(candidates))
    return hit[1]


def candidate_lemmas() -> frozenset[str]:
    """Lemmas of the shipped classifier's candidate triggers (a sentence holding one may hold an event)."""
    model = active()
    return frozenset(model.candidates) if model is not None else frozenset()


def code_passages(
    passages: Sequence[Passage],
    kb: Any | None = None,
    *,
    record: list[TriggerRecord] | None = None,
    candidates: Mapping[str, tuple[str, str | None]] | None = None,
) -> list[EventDraft]:
    """Code the events of one article's parsed passages (in document order). ``kb``: an ``actors.ActorKB``
    (loaded with ``ActorKB.load()`` when None). ``record``: a list that receives every rule trigger's
    :class:`TriggerRecord` (the training script's view); ``candidates``: candidate lemmas to read instead of the
    classifier's own (for training)."""
    if kb is None:
        from ..actors import ActorKB

        kb = ActorKB.load()
    model = active()
    coder = _ArticleCoder(kb, model, record, candidates)
    wanted = _wanted(coder.candidates)
    for p in passages:
        quotes: list[tuple[int, int, Token]] | None = None
        for sent in p.doc.sents:
            lemmas = {L.LEMMA_FIXES.get(t.lower_, t.lemma_.lower()) for t in sent}
            if lemmas.isdisjoint(wanted):
                if not lemmas.isdisjoint(L.SAY_VERBS):
                    coder.note_speakers(sent, p.offset)
                continue
            if quotes is None:
                quotes = quotations(p.doc)
            coder.sentence(sent, p.offset, p.zone_kind, quotes)
    return coder.drafts()
