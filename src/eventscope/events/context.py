"""More context rules for triggers: phrasal and argument-dependent senses, and refinements read off the arguments.

``special_sense(verb)`` gives a sense to verbs that name an event only with the right particle or object ("blew
himself up", "set up a base", "handed over control", "lobbed a grenade", "seized a cache of weapons").
``refine(trigger)`` adjusts a sense from its arguments (drones as subject make an air strike, protesters as target
make excessive force against protesters, a mob as subject makes mob violence) or rejects it (``None``).
The word lists are data in ``lexicon.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import lexicon as L
from .lexicon import Sense

if TYPE_CHECKING:
    from spacy.tokens import Token

_REFLEXIVE = frozenset("himself herself themselves itself".split())
_FIRE_OBJECTS = frozenset("fire ablaze alight blaze".split())
_CACHE_VERBS = frozenset("seize capture recover find discover confiscate destroy uncover dismantle".split())
_PHONE = frozenset("phone telephone".split())
_FREEZABLE = frozenset("asset assets fund funds account accounts".split())
_RECALLABLE = frozenset("ambassador envoy diplomat".split())
_SUSPENDABLE = frozenset("membership aid relation relations tie ties cooperation participation".split())
_EASABLE = frozenset("restriction restrictions sanction sanctions blockade curfew rule rules ban siege".split())
_MONEY = frozenset("dollar dollars euro euros yen pound pounds million billion aid".split())
_HUMANITARIAN = frozenset("humanitarian food medicine medical relief shelter".split())
_NOT_BURNED = frozenset("flag effigy tyre tire fuel calorie candle incense".split())
_FORCE_VERBS = frozenset("fire shoot kill beat open attack assault wound injure".split())
_MISSILE_TARGETS = frozenset("drone drones missile missiles rocket rockets aircraft plane jet helicopter uav".split())
#: lemmas that special_sense() reads (added to the sentence pre-filter)
SPECIAL_LEMMAS: frozenset[str] = frozenset(
    {"blow", "set", "drop", "use", "fire", "launch", "pull", "speak", "talk", "shoot", "exchange", "open", "block",
     "beat", "accept", "take", "seize", "gain", "assume"}
    | L.LOB_VERBS | L.BASE_VERBS | L.GROUP_CHANGE_VERBS | L.HANDOVER_VERBS | _CACHE_VERBS
)


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a grenade thrown into ...", "a mortar round fired by ..."
        objs.append(verb.head)
    return objs + [cc for o in objs for cc in o.conjuncts]


def _words(toks: Iterable[Token]) -> set[str]:
    """Lemmas and lower-case forms of the tokens, their modifiers and their "of" complements ("a cache of arms")."""
    out: set[str] = set()
    for t in toks:
        out |= {_lem(t), t.lower_}
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                out |= {_lem(c), c.lower_}
            elif c.lower_ == "of" and c.dep_ == "prep":
                for g in c.children:
                    out |= {_lem(g), g.lower_}
                    out.update(_lem(cc) for cc in g.children if cc.dep_ in ("amod", "compound", "conj"))
    return out


def _subject_words(verb: Token) -> set[str]:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return _words([*subj, *(cc for s in subj for cc in s.conjuncts)])


def _has_prt(verb: Token, *words: str) -> bool:
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in words for c in verb.children)


def _chemical(words: set[str]) -> bool:
    if words & (L.CHEMICAL_WORDS - {"gas"}):
        return True
    return "gas" in words and not words & {"tear", "pepper", "teargas"}


def special_sense(verb: Token) -> Sense | None:
    """A sense for a verb that names an event only with a particle or the right object, else None."""
    lemma = _lem(verb)
    objs = _objects(verb)
    ow = _words(objs)
    if lemma == "blow" and _has_prt(verb, "up"):
        if ow & _REFLEXIVE:
            return Sense("ASSAULT", "suicide-attack", "1831", 0.9)
        if ow & L.PROPERTY_NOUNS and not ow & L.CROWD_NOUNS:
            return Sense("COERCE", "destroy", "1712", 0.7)
        return Sense("ASSAULT", "explosives", "183", 0.7) if objs else None
    if lemma in L.LOB_VERBS and ow & L.GRENADE_WORDS:
        return Sense("ASSAULT", "grenade", "183", 0.85)
    if lemma == "set" and (ow & _FIRE_OBJECTS or any(
        c.dep_ == "prep" and c.lower_ in ("on", "to") and any(_lem(g) == "fire" for g in c.children)
        for c in verb.children
    )):
        return Sense("COERCE", "destroy", "1712", 0.75)
    if lemma in ("drop", "use", "fire", "launch") and _chemical(ow | _words(c for p in objs for c in p.subtree)):
        return Sense("ASSAULT", "chemical", "2041", 0.8)
    if lemma in ("fire", "launch") and ow & L.HEAVY_WORDS and not ow & L.CROWD_CONTROL_WORDS:
        return Sense("ASSAULT", "heavy-weapons", "194", 0.85)
    if lemma == "drop" and ow & (L.EXPLOSIVE_WORDS | L.GRENADE_WORDS | {"explosive", "barrel"}):
        return Sense("ASSAULT", "aerial", "195", 0.75)
    if lemma in L.BASE_VERBS and ow & L.BASE_NOUNS and (lemma != "set" or _has_prt(verb, "up")):
        return Sense("MOBILIZE", "base", "154", 0.8)
    if lemma in L.GROUP_CHANGE_VERBS and ow & L.GROUP_NOUNS:
        if lemma in ("merge", "incorporate") or ow & {"coalition", "alliance"}:
            return Sense("COOPERATE", "merge", "060", 0.6)
        if lemma in ("dissolve", "disband"):
            return Sense("RETREAT", "disband", "0873", 0.65)
        return Sense("MOBILIZE", "reorganize", "154", 0.55)
    if lemma in L.HANDOVER_VERBS and ow & L.WEAPON_CACHE_WORDS:
        return Sense("RETREAT", "disarm", "0873", 0.7)
    if lemma in L.HANDOVER_VERBS and (_has_prt(verb, "over") or "control" in ow):
        return Sense("RETREAT", "transfer", "0874", 0.75)
    if lemma in ("take", "seize", "gain", "assume") and "control" in ow or (lemma == "take" and _has_prt(verb, "over")):
        return Sense("ASSAULT", "territory", "192", 0.75)
    if lemma in ("mass", "amass", "gather", "assemble") and not objs and _subject_words(verb) & L.TROOP_NOUNS:
        return Sense("MOBILIZE", "troops", "154", 0.8)
    if lemma == "pull" and _has_prt(verb, "out", "back"):
        return Sense("RETREAT", "withdraw", "0874", 0.75)
    if lemma in ("speak", "talk") and any(
        c.lower_ == "by" and any(g.lower_ in _PHONE for g in c.children) for c in verb.children
    ):
        return Sense("CONSULT", "phone", "041", 0.8)
    if lemma == "shoot" and _has_prt(verb, "down"):
        return Sense("ASSAULT", "intercept", "190", 0.85)
    if lemma in ("exchange", "open") and "fire" in ow:
        heavy = bool(ow & L.HEAVY_WORDS)
        return Sense("ASSAULT", "heavy-weapons" if heavy else "firearms", "194" if heavy else "190", 0.85)
    if lemma == "block" and _subject_words(verb) & (L.BLOCKER_WORDS | {"striking", "protesting"}):
        return Sense("PROTEST", "obstruct", "144", 0.75)
    if lemma == "beat" and (ow & L.CROWD_NOUNS or any(
        c.lower_ == "to" and any(_lem(g) == "death" for g in c.children) for c in verb.children
    )):
        return Sense("ASSAULT", "primitive", "182", 0.7)
    if lemma in _CACHE_VERBS and ow & L.WEAPON_CACHE_WORDS:
        return Sense("COERCE", "disrupt", "1711", 0.8)
    if lemma == "accept" and ow & {"demand", "demands"}:
        return Sense("CONCEDE", None, "080", 0.7)
    return None


def _aid_mode(words: set[str]) -> str | None:
    if words & _HUMANITARIAN:
        return "humanitarian"
    if words & (L.WEAPON_NOUNS | L.WEAPON_CACHE_WORDS | {"defence", "defense", "military", "arm"}):
        return "military"
    if words & (_MONEY | {"wheat", "grain", "fuel", "loan", "grant"}):
        return "economic"
    return None


_AMMUNITION = frozenset("ammunition round rounds bullet bullets shot shots fire live gas cannon pellet".split())


def targets(head: Token) -> list[Token]:
    """Who a use of force is aimed at: its (non-ammunition) object, else the object of "at", "on" ..."""
    out = [
        c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and not _words([c]) & (_AMMUNITION | L.WEAPON_NOUNS)
    ]
    for c in head.children if not out else ():
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "against", "into"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
            for g in (g for g in c.children if g.dep_ == "pcomp"):  # "at protesters marching against ..."
                out.extend([g, *(s for s in g.children if s.dep_ == "nsubj")])
    for c in head.children:  # "fired tear gas to disperse protesters"
        if c.dep_ in ("xcomp", "advcl") and _lem(c) in ("disperse", "break", "scatter", "clear"):
            out.extend(o for o in c.children if o.dep_ == "dobj")
    if head.dep_ == "acl":  # "protesters shot by police"
        out.append(head.head)
    out += [g for o in out for p in o.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return out + [cc for o in out for cc in o.conjuncts]


def _protesters(toks: list[Token]) -> bool:
    for t in toks:
        if _lem(t) in L.PROTESTER_WORDS or any(
            _lem(c) in ("protest", "demonstrate") for c in t.subtree if c.pos_ == "VERB"
        ):
            return True
    return False


def refine(tr: Any) -> Any | None:
    """Adjust a :class:`~eventscope.events.triggers.Trigger` from its arguments; None rejects it."""
    head = tr.head
    lemma = _lem(head)
    verb = tr.light if tr.light is not None else (head if head.pos_ == "VERB" else None)
    if tr.type == "AID":
        if tr.nominal:
            tr.mode = _aid_mode(_words([head, head.head])) or tr.mode
            return tr
        ow = _words(c for o in _objects(head) for c in o.subtree)
        mode = _aid_mode(ow)
        if mode is None or not ow & (L.AID_OBJECTS | _MONEY | L.WEAPON_NOUNS):
            return None
        tr.mode = mode
        return tr
    if tr.type == "SANCTION" and lemma in ("freeze", "recall", "suspend"):
        wanted = {"freeze": _FREEZABLE, "recall": _RECALLABLE, "suspend": _SUSPENDABLE}[lemma]
        return tr if _words(_objects(head)) & wanted else None
    if tr.type == "CONCEDE" and lemma == "ease":
        return tr if _words(_objects(head)) & _EASABLE else None
    if lemma == "warn" and not (
        any(c.dep_ == "dobj" for c in head.children)
        or _words(c for c in head.subtree if c.i != head.i) & L.FORCE_WARNING_WORDS
    ):
        return None
    if tr.nominal and head.dep_ == "pobj" and head.head.lower_ in ("on", "over", "about") and _lem(
        head.head.head
    ) in L.TOPIC_HOLDERS:
        return None  # "talks on a trade agreement": the agreement is what is talked about
    if tr.nominal and any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in head.children):
        return None  # "any attack on its facilities" is no particular event
    if tr.type == "ACCUSE" and head.dep_ == "acl" and head.tag_ == "VBN":
        return None  # "a man accused of blasphemy" describes the man
    if lemma == "hack" and not any(c.lower_ == "to" for c in head.children):
        return None
    if lemma == "execute" and not _words(_objects(head)) & (L.CROWD_NOUNS | {"prisoner", "civilian", "soldier"}):
        return None
    if lemma == "burn" and (not _objects(head) or _words(_objects(head)) & _NOT_BURNED):
        return None
    if lemma == "formation" and not _words([head]) & L.GROUP_NOUNS:
        return None
    if lemma == "violence" and "sexual" not in _words([head]):
        return None
    if lemma == "operation" and tr.type == "COOPERATE" and not (
        {_lem(c) for c in head.children} & L.JOINT_WORDS
    ):
        return None
    if lemma == "intercept":
        ow = _words(c for o in _objects(head) for c in o.subtree)
        if not ow & _MISSILE_TARGETS:
            if not ow & L.WEAPON_CACHE_WORDS:
                return None
            tr.type, tr.mode, tr.cameo = "COERCE", "disrupt", "1711"
    if tr.type == "COERCE" and tr.mode in ("seize", "destroy") and _words(_objects(head)) & L.WEAPON_CACHE_WORDS:
        tr.mode, tr.cameo = "disrupt", "1711"
    if tr.type == "AGREE" and tr.mode != "ceasefire":
        near = _words(c for t in (verb or head, head) for c in t.subtree if c.i != head.i)
        if near & L.CEASEFIRE_WORDS:
            tr.mode, tr.cameo = "ceasefire", "0871"
        elif near & L.PEACE_WORDS:
            tr.mode = "peace"
    if tr.mode == "territory" and L.LEMMA_FIXES.get(head.lower_, lemma) in L.REGAIN_VERBS:
        tr.mode = "regain"  # retaking is what governments do; a non-state subject turns it back in the coder
    if tr.type == "PROTEST" and lemma in ("march", "rally", "demonstrate", "protest"):
        tr.strength = max(tr.strength, 0.85)
    if verb is None:
        return tr
    subj = _subject_words(verb)
    if tr.type == "ASSAULT" and tr.mode in (None, "firearms", "explosives", "heavy-weapons", "primitive"):
        if "suicide" in subj:
            tr.mode, tr.cameo = "suicide-attack", "1831"
        elif subj & L.AIR_WORDS and tr.mode != "explosives":
            tr.mode, tr.cameo = "aerial", "195"
        elif subj & L.HEAVY_WORDS and tr.mode in (None, "firearms"):
            tr.mode, tr.cameo = "heavy-weapons", "194"
        elif subj & L.GRENADE_WORDS:
            tr.mode, tr.cameo = "grenade", "183"
    if tr.type == "ASSAULT" and tr.mode in (None, "firearms"):  # instrument: "attacked ... with guided missiles"
        inst = _words(g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children)
        for words, mode, cameo in ((L.AIR_WORDS, "aerial", "195"), (L.HEAVY_WORDS, "heavy-weapons", "194"),
                                   (L.GRENADE_WORDS, "grenade", "183"), (L.EXPLOSIVE_WORDS, "explosives", "183")):
            if inst & words:
                tr.mode, tr.cameo = mode, cameo
                break
    if tr.type == "ASSAULT" and any(c.lower_ == "sexually" for c in verb.children):
        tr.mode, tr.cameo = "sexual", "1821"
    if tr.type in ("ASSAULT", "COERCE") and tr.mode not in ("aerial", "heavy-weapons", "disrupt", "intercept"):
        if subj & L.MOB_WORDS:
            tr.type, tr.mode, tr.cameo = "PROTEST", "mob", "145"
            return tr
        if subj & L.RIOTER_WORDS and lemma in ("attack", "storm", "set", "torch", "burn", "loot"):
            tr.type, tr.mode, tr.cameo = "PROTEST", "riot", "145"
            return tr
    if tr.type == "ASSAULT" and _lem(verb) in _FORCE_VERBS and _protesters(targets(verb)):
        tr.type, tr.mode, tr.cameo = "PROTEST", "excessive-force", "145"
    return tr


#: types whose purpose clauses restate the event (violent types are linked as cause and effect instead)
_RESTATED_TYPES = frozenset("CONSULT AGREE PROTEST REQUEST COOPERATE SUPPORT ACCUSE".split())


def restates(tr: Any, others: list[Any]) -> bool:
    """A clause that only spells out another trigger of the same type is part of it: "met ... to discuss",
    "agreed to extend the ceasefire", "blocked a highway to protest against corruption"."""
    gov = tr.light if tr.light is not None else tr.head
    if tr.type not in _RESTATED_TYPES or gov.dep_ not in ("xcomp", "advcl", "ccomp"):
        return False
    return any(o is not tr and o.type == tr.type and gov.head.i in {t.i for t in o.tokens} for o in others)


def purpose_of_protest(tok: Token, protest_heads: set[int]) -> bool:
    """A demand voiced by protesters is part of their protest ("marched to demand", "protesters demanding")."""
    if tok.dep_ not in ("advcl", "xcomp", "acl", "conj", "relcl"):
        return False
    gov = tok.head
    return gov.i in protest_heads or _lem(gov) in (L.PROTESTER_WORDS | L.CROWD_NOUNS | L.BLOCKER_WORDS)
