"""Features of one rule trigger and its clause for the statistical event classifier (``classifier.py``).

Every feature is a binary string ("lem=shell", "obj=village", "rule=ASSAULT|aerial"); the same function serves the
training script (``scripts/train_classifier.py``) and the coder at run time, so the two cannot drift apart.
Groups: the trigger word (lemma, POS, dependency, light verb, nominal/definite), its arguments (objects, subjects,
prepositional objects and their modifiers, particles), the governing word, a window of lemmas, the rule's reading
(type, mode, ACLED sub-type, strength), the resolved actors (sector, ACLED inter code, country found), status cues
(negation, auxiliaries, say verb) and the other trigger words of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .status import StatusResult
    from .triggers import Trigger

#: dependency labels of a trigger word's children that are read as arguments (label -> feature prefix)
ARG_DEPS: dict[str, str] = {
    "dobj": "obj",
    "nsubj": "subj",
    "nsubjpass": "subjpass",
    "amod": "mod",
    "compound": "mod",
    "nmod": "mod",
    "prt": "prt",
    "advmod": "adv",
    "attr": "attr",
    "oprd": "attr",
    "acomp": "acomp",
    "dative": "dative",
}
#: words in the window that say nothing by themselves
STOP: frozenset[str] = frozenset(
    "the a an of in on at to and or , . 's be have -pron- that which who this these those its their his her".split()
)
WINDOW = 4


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _word(tok: Token) -> str:
    """A token's lemma, numbers folded to one symbol."""
    if tok.like_num:
        return "<num>"
    return _lemma(tok)


def _arguments(tok: Token, prefix: str, out: set[str]) -> None:
    for c in tok.children:
        dep = c.dep_
        if dep == "neg":
            out.add("neg")
        elif dep in ("aux", "auxpass"):
            out.add(f"aux={c.lower_}")
        elif dep == "prep":
            p = c.lower_
            objs = [o for o in c.children if o.dep_ == "pobj"]
            out.add(f"{prefix}prep={p}")
            for o in objs:
                out.add(f"{prefix}pobj={p}:{_word(o)}")
                out.add(f"{prefix}pobjw={_word(o)}")
                if o.ent_type_:
                    out.add(f"{prefix}pobjent={p}:{o.ent_type_}")
                for m in o.children:
                    if m.dep_ in ("amod", "compound"):
                        out.add(f"{prefix}pobjmod={_word(m)}")
        elif dep in ARG_DEPS:
            role = ARG_DEPS[dep]
            out.add(f"{prefix}{role}={_word(c)}")
            if c.ent_type_:
                out.add(f"{prefix}{role}ent={c.ent_type_}")
            if role in ("obj", "subj", "subjpass"):
                for m in c.children:
                    if m.dep_ in ("amod", "compound", "nmod"):
                        out.add(f"{prefix}{role}mod={_word(m)}")
                    elif m.dep_ == "prep" and m.lower_ == "of":
                        out.update(f"{prefix}{role}of={_word(g)}" for g in m.children if g.dep_ == "pobj")
        elif dep == "agent":
            out.update(f"{prefix}agent={_word(g)}" for g in c.children if g.dep_ == "pobj")


def _actor_features(actors: Sequence[Actor], out: set[str]) -> None:
    for role in ("source", "target"):
        mine = [a for a in actors if a.role == role]
        if not mine:
            out.add(f"{role}=none")
        for a in mine:
            out.add(f"{role}.sector={a.sector or '?'}")
            out.add(f"{role}.inter={a.inter if a.inter is not None else '?'}")
            out.add(f"{role}.country={'yes' if a.country else 'no'}")
            if a.via:
                out.add(f"{role}.via={a.via}")


def trigger_features(
    tr: Trigger,
    sentence: SpacySpan,
    actors: Sequence[Actor],
    status: StatusResult,
    rule_sub: str | None,
    others: Sequence[Trigger] = (),
    zone_kind: str = "body",
    candidate: bool = False,
) -> list[str]:
    """The binary features of a trigger (sorted, without duplicates)."""
    head = tr.head
    lem = _lemma(head)
    out: set[str] = {
        "bias",
        f"lem={lem}",
        f"pos={head.pos_}",
        f"tag={head.tag_}",
        f"dep={head.dep_}",
        f"lem.dep={lem}:{head.dep_}",
        f"lower={head.lower_}",
        f"rule={tr.type}",
        f"rule.mode={tr.type}|{tr.mode}",
        f"rule.sub={rule_sub or '-'}",
        f"rule.lem={tr.type}:{lem}",
        f"strength={round(tr.strength * 10)}",
        f"certain={tr.certainty >= 1.0}",
        f"status={status.status}",
        f"zone={zone_kind}",
    }
    if candidate:
        out.add("candidate")
        out.add(f"cand.lem={lem}")
    if tr.nominal:
        out.add("nominal")
    if tr.definite:
        out.add("definite")
    if tr.light is not None:
        light = _lemma(tr.light)
        out.add(f"light={light}")
        out.add(f"light.lem={light}:{lem}")
        _arguments(tr.light, "l.", out)
    _arguments(head, "", out)
    gov = head.head
    if gov.i != head.i:
        out.add(f"gov={_lemma(gov)}")
        out.add(f"gov.dep={head.dep_}:{_lemma(gov)}")
        if gov.dep_ == "prep":
            out.add(f"gov2={_lemma(gov.head)}")
    if status.say is not None:
        out.add(f"say={_lemma(status.say)}")
    if status.according is not None:
        out.add("according")
    doc = sentence.doc
    lo, hi = max(sentence.start, head.i - WINDOW), min(sentence.end, head.i + WINDOW + 1)
    for t in doc[lo:hi]:
        if t.i == head.i or t.is_punct:
            continue
        w = _word(t)
        if w not in STOP:
            out.add(f"win={w}")
    if head.i > sentence.start:
        out.add(f"prev={_word(doc[head.i - 1])}")
    if head.i + 1 < sentence.end:
        out.add(f"next={_word(doc[head.i + 1])}")
    out.update(f"ent={t.ent_type_}" for t in sentence if t.ent_type_)  # (Span.ents scans the whole doc)
    for o in others:
        if o is not tr:
            out.add(f"other={_lemma(o.head)}")
            out.add(f"other.type={o.type}")
    if not [o for o in others if o is not tr]:
        out.add("alone")
    _actor_features(actors, out)
    return sorted(out)
