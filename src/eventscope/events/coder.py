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

The event's ``confidence`` is this raw score mapped by :func:`.calibration.calibrate` (isotonic fit on the gold
set's dev part, strictly increasing, so the ranking is kept) to the probability that the event is correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Acled, Actor, Attribution, Quantity, Span
from . import lexicon as L
from .calibration import calibrate
from .draft import EventDraft
from .ontology import codes
from .quantities import find_quantities
from .roles import ActorResolver, KBLike, role_heads
from .status import StatusResult, quotations, status_of
from .triggers import TRIGGER_LEMMAS, Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..nlp import Passage

STATUS_BONUS = {"asserted": 0.08, "claimed": 0.05, "planned": 0.0, "negated": -0.05, "hypothetical": -0.10}
_DURING = frozenset("during amid amidst in throughout".split())
_COURSE = frozenset("course middle midst height".split())


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
    def __init__(self, kb: KBLike) -> None:
        self.resolver = ActorResolver(kb)
        self.builders: list[_Builder] = []
        self._attr_cache: dict[tuple[int, int], tuple[Attribution | None, list[Actor]]] = {}

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
        attr = Attribution(doc.text[chars[0] : chars[1]], name, offset + chars[0], offset + chars[1], country)
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
        if not triggers and not anaphors:
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
            if context is not None:
                b.continues = self.builders.index(context)
            self.builders.append(b)
            new.append(b)
            for t in (*tr.tokens, *tr.extra):
                by_token.setdefault(t.i, b)
        self._quantities(sent, offset, by_token, new, supported)

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
            Span(offset + s, offset + e, doc.text[s:e]),
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
        for b in self.builders:
            acled, cameo = _acled_for(b.type, b.mode, b.cameo, b.actors)
            sent = b.sentence
            evidence = Span(b.offset + sent.start_char, b.offset + sent.end_char, sent.text)
            conf = confidence(b.trigger.strength, b.trigger.certainty, b.actors, b.status.status, b.zone_kind)
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


def code_passages(passages: Sequence[Passage], kb: Any | None = None) -> list[EventDraft]:
    """Code the events of one article's parsed passages (in document order). ``kb``: an ``actors.ActorKB``
    (loaded with ``ActorKB.load()`` when None)."""
    if kb is None:
        from ..actors import ActorKB

        kb = ActorKB.load()
    coder = _ArticleCoder(kb)
    for p in passages:
        quotes: list[tuple[int, int, Token]] | None = None
        for sent in p.doc.sents:
            lemmas = {L.LEMMA_FIXES.get(t.lower_, t.lemma_.lower()) for t in sent}
            if lemmas.isdisjoint(TRIGGER_LEMMAS):
                if not lemmas.isdisjoint(L.SAY_VERBS):
                    coder.note_speakers(sent, p.offset)
                continue
            if quotes is None:
                quotes = quotations(p.doc)
            coder.sentence(sent, p.offset, p.zone_kind, quotes)
    return coder.drafts()
