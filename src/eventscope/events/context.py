"""More context rules for triggers: phrasal and argument-dependent senses, and refinements read off the arguments.

``special_sense(verb)`` gives a sense to verbs that name an event only with the right particle or object ("blew
himself up", "set up a base", "handed over control", "lobbed a grenade", "seized a cache of weapons").
``refine(trigger)`` adjusts a sense from its arguments (drones as subject make an air strike, protesters as target
make excessive force against protesters, a mob as subject makes mob violence) or rejects it (``None``).
The word lists are data in ``lexicon.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import context_data as D
from . import lexicon as L
from .argread import HUMANITARIAN as _HUMANITARIAN
from .argread import MONEY as _MONEY
from .argread import RECALLABLE as _RECALLABLE
from .argread import REFLEXIVE as _REFLEXIVE
from .argread import aid_mode as _aid_mode
from .argread import chemical as _chemical
from .argread import crowd_control
from .argread import has_prt as _has_prt
from .argread import lem as _lem
from .argread import objects as _objects
from .argread import preps as _preps
from .argread import subject_words as _subject_words
from .argread import words as _words
from .idioms import IDIOM_LEMMAS
from .lexicon import Sense
from .phrasal import PHRASAL_LEMMAS
from .phrasal import arguments_fit as _arguments_fit
from .phrasal import phrasal_sense as _phrasal_sense

if TYPE_CHECKING:
    from spacy.tokens import Token

_FIRE_OBJECTS = frozenset("fire ablaze alight blaze".split())
_CACHE_VERBS = frozenset("seize capture recover find discover confiscate destroy uncover dismantle clear".split())
_PHONE = frozenset("phone telephone".split())
_FREEZABLE = frozenset("asset assets fund funds account accounts".split())
_SUSPENDABLE = frozenset(
    "membership aid relation relations tie ties cooperation participation activity activities lending loan loans "
    "support broadcast broadcasts agreement trade accreditation visa visas".split()
)
_EASABLE = frozenset("restriction restrictions sanction sanctions blockade curfew rule rules ban siege".split())
_NOT_BURNED = frozenset("flag effigy tyre tire fuel calorie candle incense".split())
_FORCE_VERBS = frozenset("fire shoot kill beat open attack assault wound injure".split())
#: modes that stay what they are when demonstrators do them (an arrest, an abduction, a seizure of territory)
_NOT_CROWD_MODES = frozenset(
    "aerial heavy-weapons disrupt intercept arrest detain abduct sexual ban curfew deport territory regain".split()
)
_MISSILE_TARGETS = frozenset("drone drones missile missiles rocket rockets aircraft plane jet helicopter uav".split())
#: verbs whose object is what the money pays for, not the aid itself
_FUNDING_VERBS = frozenset({"bankroll"})
#: lemmas that special_sense() reads (added to the sentence pre-filter)
SPECIAL_LEMMAS: frozenset[str] = frozenset(
    {"blow", "set", "drop", "use", "fire", "launch", "pull", "speak", "talk", "shoot", "exchange", "open", "block",
     "beat", "accept", "take", "seize", "gain", "assume"}
    | PHRASAL_LEMMAS
    | IDIOM_LEMMAS
    | L.LOB_VERBS | L.BASE_VERBS | L.GROUP_CHANGE_VERBS | L.HANDOVER_VERBS | _CACHE_VERBS
)


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
    if lemma == "set" and _has_prt(verb, "off") and ow & (L.EXPLOSIVE_WORDS | {"explosive", "explosives"}):
        return Sense("ASSAULT", "explosives", "183", 0.8)  # "set off a homemade bomb"
    if lemma == "set" and (ow & _FIRE_OBJECTS or any(c.lower_ in _FIRE_OBJECTS for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in ("on", "to") and any(_lem(g) == "fire" for g in c.children)
        for c in verb.children
    )):
        return Sense("COERCE", "destroy", "1712", 0.75)
    if lemma in ("drop", "use", "fire", "launch") and _chemical(ow | _words(c for p in objs for c in p.subtree)):
        return Sense("ASSAULT", "chemical", "2041", 0.8)
    if lemma in ("fire", "launch") and ow & L.HEAVY_WORDS and not crowd_control(ow):
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
    if lemma == "hand" and _has_prt(verb, "over"):  # what is handed over says what the handover is
        if _aid_mode(ow) and ow & (L.AID_OBJECTS | L.WEAPON_NOUNS | {"equipment", "grant"}):
            return Sense("AID", _aid_mode(ow), "070", 0.75)  # "handed over medical equipment to the army"
        if ow & D.HOSTAGE_WORDS:
            return Sense("CONCEDE", "release", "0841", 0.75)  # "handed over two kidnapped soldiers"
        if ow & D.CRIMINAL_WORDS:
            return Sense("COOPERATE", "judicial", "063", 0.75)  # "handed over two suspects to Somalia"
    if lemma in L.HANDOVER_VERBS and (_has_prt(verb, "over") or "control" in ow):
        return Sense("RETREAT", "transfer", "0874", 0.75)
    if lemma in ("restore", "reassert", "reestablish", "re-establish") and "control" in ow:
        return Sense("ASSAULT", "regain", "192", 0.75)  # "restored control over the district"
    if lemma == "come" and "control" in _preps(verb, "under"):
        return Sense("ASSAULT", "territory", "192", 0.7)  # "villages have come under RSF control"
    if lemma in ("take", "seize", "gain", "assume", "wrest") and "control" in ow or (lemma == "take" and _has_prt(verb, "over")):
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
    if lemma == "exchange" and ow & {"intelligence", "information", "data"}:
        return Sense("COOPERATE", "intelligence", "064", 0.7)
    if lemma in ("exchange", "open") and ow & {"fire", "gunfire", "shot", "shots", "blow", "blows"}:
        heavy = bool(ow & L.HEAVY_WORDS)
        return Sense("ASSAULT", "heavy-weapons" if heavy else "firearms", "194" if heavy else "190", 0.85)
    if lemma == "block" and _subject_words(verb) & (L.BLOCKER_WORDS | {"striking", "protesting"}):
        return Sense("PROTEST", "obstruct", "144", 0.75)
    if lemma == "beat" and (ow & (L.CROWD_NOUNS | D.HUMAN_NOUNS) or any(
        c.lower_ == "to" and any(_lem(g) == "death" for g in c.children) for c in verb.children
    )):
        return Sense("ASSAULT", "primitive", "182", 0.7)
    if lemma in _CACHE_VERBS and ow & L.WEAPON_CACHE_WORDS:
        return Sense("COERCE", "disrupt", "1711", 0.8)
    if lemma == "accept" and ow & {"demand", "demands"}:
        return Sense("CONCEDE", None, "080", 0.7)
    return _phrasal_sense(verb, lemma, objs, ow)


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
        if _lem(t) in L.PROTESTER_WORDS | {"supporter"} or any(
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
        if lemma in _FUNDING_VERBS:  # what is funded is not the aid ("funded the salaries of civil servants")
            tr.mode = "economic"
            return tr
        ow = _words(c for o in _objects(head) for c in o.subtree)
        mode = _aid_mode(ow)
        if mode is None or not ow & (L.AID_OBJECTS | _MONEY | L.WEAPON_NOUNS | _HUMANITARIAN):
            return None
        tr.mode = mode
        return tr
    if tr.type == "SANCTION" and lemma in ("freeze", "recall", "suspend"):
        wanted = {"freeze": _FREEZABLE, "recall": _RECALLABLE, "suspend": _SUSPENDABLE}[lemma]
        objs = _objects(head)
        if lemma == "suspend" and any(o.ent_type_ in ("ORG", "GPE", "NORP") or o.pos_ == "PROPN" for o in objs):
            return tr  # "suspended Niger from the union", "suspended the BBC"
        return tr if _words(objs) & wanted else None
    if tr.type == "CONCEDE" and lemma == "ease":
        return tr if _words(_objects(head)) & _EASABLE else None
    if lemma in ("warn", "caution") and not (
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
    if not _arguments_fit(tr, lemma):
        return None
    if lemma == "execute" and not _words(_objects(head)) & (L.CROWD_NOUNS | {"prisoner", "civilian", "soldier"}):
        return None
    if lemma == "burn" and (not _objects(head) or _words(_objects(head)) & _NOT_BURNED):
        if verb is None or not _subject_words(verb) & (L.RIOTER_WORDS | L.PROTESTER_WORDS):
            return None
        tr.type, tr.mode, tr.cameo = "PROTEST", "riot", "145"  # "demonstrators burned tyres"
        return tr
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
    doers = subj | _words(g for c in verb.children if c.dep_ == "agent" for g in c.children)  # "killed by a mob"
    if tr.type in ("ASSAULT", "COERCE") and tr.mode not in ("aerial", "heavy-weapons", "disrupt", "intercept"):
        if doers & L.MOB_WORDS:
            tr.type, tr.mode, tr.cameo = "PROTEST", "mob", "145"
            return tr
        if doers & L.RIOTER_WORDS and tr.mode not in _NOT_CROWD_MODES:  # "students attacked police", "protesters clashed with police"
            tr.type, tr.mode, tr.cameo = "PROTEST", "riot", "145"
            return tr
    if tr.type == "ASSAULT" and _lem(verb) in _FORCE_VERBS and (_protesters(targets(verb)) or _words(
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "during" for g in c.children
    ) & L.PROTESTER_WORDS):  # "shot dead two men during a demonstration"
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


def motive(tr: Any, others: list[Any]) -> bool:
    """An accusation that gives the motive of violence is part of it: "beat a woman they accused of sorcery",
    "chased and beat drivers, accusing them of taking jobs"."""
    if tr.type != "ACCUSE" or tr.nominal or tr.head.dep_ not in ("relcl", "advcl"):
        return False
    if tr.head.dep_ == "advcl" and tr.head.tag_ != "VBG":
        return False  # "..., while officials condemned the raids" is an event of its own
    gov = tr.head.head
    if tr.head.dep_ == "relcl" and gov.dep_ in ("dobj", "nsubjpass", "pobj"):
        gov = gov.head
    return any(o is not tr and o.type in ("ASSAULT", "PROTEST", "COERCE", "SANCTION") and gov in o.tokens
               for o in others)


def bare_accusation(tr: Any, others: list[Any]) -> bool:
    """A passive accusation without an accuser is how news names the event itself: "soldiers were accused of
    raping women", "the bombing was blamed on the PKK" -- the event is the raping, the bombing."""
    head = tr.head
    if tr.type != "ACCUSE" or tr.nominal or tr.mode == "investigate":
        return False
    if not any(c.dep_ == "auxpass" for c in head.children) or any(c.dep_ == "agent" for c in head.children):
        return False
    inside = {t.i for t in head.subtree}
    return any(o is not tr and o.type != "ACCUSE" and o.head.i in inside for o in others)
