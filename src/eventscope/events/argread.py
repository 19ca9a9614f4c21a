"""Reading a trigger's arguments off the parse: objects, subjects, particles, prepositions, and the word sets
that say what kind of thing an argument is (shared by ``context.py`` and ``phrasal.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import context_data as D
from . import lexicon as L

if TYPE_CHECKING:
    from spacy.tokens import Token

REFLEXIVE = frozenset("himself herself themselves itself".split())
RECALLABLE = frozenset("ambassador envoy diplomat commissioner".split())
MONEY = frozenset("dollar dollars euro euros yen pound pounds million billion aid cash tranche grant".split())
HUMANITARIAN = frozenset(
    "humanitarian food medicine medical relief shelter vaccine vaccines water kit kits tent tents blanket blankets "
    "seed seeds rescue doctor doctors nurse nurses medic medics".split()
)


def crowd_control(ws: set[str]) -> bool:
    """Crowd-control means (tear gas, water cannon, batons; a grenade only a stun or gas one), not weapons of war."""
    if ws & (L.CROWD_CONTROL_WORDS - {"grenade", "grenades"}):
        return True
    return bool(ws & {"grenade", "grenades"} and ws & {"tear", "stun", "gas", "smoke", "teargas", "flash"})


def lem(t: Token) -> str:
    return t.lemma_.lower()


def objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a grenade thrown into ...", "a mortar round fired by ..."
        objs.append(verb.head)
    if not objs:  # misparsed small clause: "intercepted drones crossing ...", "intercepted most of the rockets fired"
        objs = [s for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i > verb.i and c.tag_ in ("VBG", "VBN")
                for s in c.children if s.dep_ == "nsubj" and s.i > verb.i]
    return objs + [cc for o in objs for cc in o.conjuncts]


def words(toks: Iterable[Token]) -> set[str]:
    """Lemmas and lower-case forms of the tokens, their modifiers and their "of" complements ("a cache of arms")."""
    out: set[str] = set()
    for t in toks:
        out |= {lem(t), t.lower_}
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                out |= {lem(c), c.lower_}
            elif c.lower_ == "of" and c.dep_ == "prep":
                for g in c.children:
                    out |= {lem(g), g.lower_}
                    out.update(lem(cc) for cc in g.children if cc.dep_ in ("amod", "compound", "conj"))
    return out


def subject_words(verb: Token) -> set[str]:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return words([*subj, *(cc for s in subj for cc in s.conjuncts)])


def has_prt(verb: Token, *words: str) -> bool:
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in words for c in verb.children)


def chemical(words: set[str]) -> bool:
    if words & (L.CHEMICAL_WORDS - {"gas"}):
        return True
    return "gas" in words and not words & {"tear", "pepper", "teargas"}


def aid_mode(words: set[str]) -> str | None:
    if words & HUMANITARIAN:
        return "humanitarian"
    if words & (L.WEAPON_NOUNS | L.WEAPON_CACHE_WORDS | {"defence", "defense", "military", "arm"}):
        return "military"
    if words & (MONEY | {"wheat", "grain", "fuel", "loan", "grant"}):
        return "economic"
    return None


def preps(verb: Token, *words: str) -> set[str]:
    """Lemmas of the objects of the verb's prepositions ``words`` ("into custody", "off the job")."""
    return {lem(g) for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in words for g in c.children}


def place(objs: list[Token], ow: set[str]) -> bool:
    return bool(ow & L.TERRITORY_NOUNS) or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)


def people(objs: list[Token], ow: set[str]) -> bool:
    return bool(ow & (D.HUMAN_NOUNS | L.CROWD_NOUNS)) or any(o.ent_type_ in ("PERSON", "NORP") for o in objs)


