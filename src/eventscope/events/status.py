"""Status of an event (asserted, claimed, negated, planned, hypothetical) and who reports it.

Precedence: negated > hypothetical > planned > claimed > asserted; an event that is both claimed and negated keeps
its attribution. "historical" is decided later by the pipeline from the event date.

- claimed: the trigger is (inside) the complement of a say/report verb ("X said it had sent ..."), lies in a
  quotation attributed by a say verb ("... ," it said), or its clause has "according to X".
- negated: a negation on the trigger, its light verb or a governing verb below the say verb ("had not detected
  shelling", "did not attack"), "no" on an event noun ("no clashes were reported"), or a governing deny/fail.
- planned: will/shall, a governing plan verb ("are expected to meet", "plans to"), "ahead of negotiations",
  "upcoming talks", "would" under a say verb (future in the past).
- hypothetical: if/unless, modals could/may/might/would/should.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import lexicon as L

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .triggers import Trigger

_QUOTES = frozenset({'"', "“", "”", "``", "''", "„"})
_CHAIN_DEPS = frozenset("xcomp ccomp dobj pobj prep acomp conj advcl relcl parataxis csubj nsubj nsubjpass acl".split())


@dataclass(frozen=True)
class StatusResult:
    status: str
    say: Token | None = None  # the reporting verb
    speaker: Token | None = None  # the head of who says so
    according: Token | None = None  # the "according" token of "according to X"

    def attribution_chars(self) -> tuple[int, int] | None:
        """Character range (in the doc) of the reporting clause: "the Russian Defense Ministry said"."""
        if self.according is not None:
            objs = [t for t in self.according.subtree]
            return objs[0].idx, objs[-1].idx + len(objs[-1].text)
        if self.say is None:
            return None
        toks = [self.say]
        if self.speaker is not None:
            toks += list(self.speaker.subtree)
        toks = [t for t in toks if not t.is_punct]
        first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
        return first.idx, last.idx + len(last.text)


def quotations(doc: Doc) -> list[tuple[int, int, Token]]:
    """(first token, last token, say verb) for quotations attributed with a say verb right after or before."""
    marks = [t.i for t in doc if t.text in _QUOTES]
    out = []
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        say = None
        for t in doc[b + 1 : min(b + 5, len(doc))]:
            if t.lemma_.lower() in L.SAY_VERBS and t.pos_ == "VERB":
                say = t
                break
        if say is None:
            for t in doc[max(a - 5, 0) : a]:
                if t.lemma_.lower() in L.SAY_VERBS and t.pos_ == "VERB":
                    say = t
        if say is not None:
            out.append((a, b, say))
    return out


def _speaker(say: Token) -> Token | None:
    subj = [c for c in say.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        return subj[0]
    agent = [o for c in say.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return agent[0] if agent else None


def _chain(tok: Token, limit: int = 6) -> list[Token]:
    """Ancestors of ``tok`` up to (and including) the first say verb."""
    out = []
    cur = tok
    for _ in range(limit):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
        if cur.lemma_.lower() in L.SAY_VERBS and cur.pos_ == "VERB":
            break
    return out


#: agreeing verbs whose negation with a modal is a refusal ("will not accept any proposal", "cannot recognise")
REFUSABLE_ACTS = frozenset("accept sign recognise recognize agree allow comply attend join endorse approve accede".split())
_REFUSING_MODALS = frozenset("will would wo shall ca can could".split())


def refusal(tr: Trigger, st: StatusResult) -> StatusResult | None:
    """A negated agreeing act with a modal is a refusal: ``tr`` becomes REJECT and the status is read without the
    negation ("Ukraine will not accept any proposal that cedes territory"); None when it is not one."""
    verb = tr.light if tr.light is not None else tr.head
    if st.status != "negated" or verb.lemma_.lower() not in REFUSABLE_ACTS:
        return None
    kids = list(verb.children)
    if not any(c.dep_ == "neg" for c in kids) or not any(
        c.dep_ == "aux" and c.lower_ in _REFUSING_MODALS for c in kids
    ):
        return None
    tr.type, tr.mode, tr.cameo = "REJECT", None, "120"
    claimed = st.say is not None or st.according is not None
    return StatusResult("claimed" if claimed else "asserted", st.say, st.speaker, st.according)


def _according(tok: Token) -> Token | None:
    for anc in (tok, *tok.ancestors):
        for c in anc.children:
            if c.lower_ == "according" and any(g.lower_ == "to" for g in c.children):
                return c
    return None


def status_of(tr: Trigger, quotes: list[tuple[int, int, Token]]) -> StatusResult:
    core = [t for t in tr.tokens]
    chain = _chain(tr.light if tr.light is not None else tr.head)
    say = next((t for t in chain if t.lemma_.lower() in L.SAY_VERBS and t.pos_ == "VERB"), None)
    below_say = [t for t in chain if t is not say]
    if say is None:
        for a, b, qsay in quotes:
            if a < tr.head.i < b:
                say = qsay
    according = _according(tr.head)
    speaker = _speaker(say) if say is not None else None

    def result(status: str) -> StatusResult:
        return StatusResult(status, say, speaker, according)

    # negated
    for t in core + below_say[:3]:
        if any(c.dep_ == "neg" for c in t.children) or t.lemma_.lower() in L.NEGATION_VERBS and t not in core:
            return result("negated")
    if tr.nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in tr.head.children):
        return result("negated")
    if tr.nominal and tr.head.head.lower_ == "without":
        return result("negated")
    # hypothetical / planned from auxiliaries
    for t in core + below_say[:1]:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "mark" and low in L.HYPOTHETICAL_MARKERS:
                return result("hypothetical")
            if c.dep_ == "aux" and low in L.PLAN_MARKERS:
                return result("planned")
            if c.dep_ == "aux" and low == "would" and say is not None:
                return result("planned")
            if c.dep_ == "aux" and low in L.HYPOTHETICAL_MODALS:
                return result("hypothetical")
    for t in below_say[:2]:
        if t.lemma_.lower() in L.PLAN_VERBS and t.pos_ == "VERB":
            return result("planned")
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in L.HYPOTHETICAL_MARKERS for c in t.children):
            return result("hypothetical")
    gov = tr.head.head
    if not tr.nominal and tr.head.dep_ in ("acl", "xcomp") and gov.lemma_.lower() in L.PLAN_NOUNS:
        return result("planned")  # "a threat to boycott the ceremony"
    if tr.planned_by_preposition:
        return result("planned")
    if tr.nominal and any(c.lower_ in L.PLAN_ADJECTIVES for c in tr.head.children if c.dep_ in ("amod", "acl")):
        return result("planned")
    if say is not None or according is not None:
        return result("claimed")
    return result("asserted")
