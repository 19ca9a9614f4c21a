"""Phrasal and light-verb senses of news copy, and the argument checks of triggers that need the right object.

``phrasal_sense`` gives a sense to verbs that name an event only with a particle or an object of the right kind
("took into custody", "called up reservists", "drones hit an airfield", "broke up a rally", "cut ties"); it is
the tail of ``context.special_sense``. ``arguments_fit`` checks (and may retype) a lexicon trigger from its
arguments ("downed two drones", "dispersed a crowd", "dismissed the report as biased"); ``context.refine`` calls it.
The word lists are data in ``context_data.py`` and ``lexicon.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import context_data as D
from . import lexicon as L
from .argread import (
    RECALLABLE,
    REFLEXIVE,
    aid_mode,
    chemical,
    crowd_control,
    has_prt,
    lem,
    objects,
    people,
    place,
    preps,
    subject_words,
    words,
)
from .lexicon import Sense

if TYPE_CHECKING:
    from spacy.tokens import Token

_ARMED_GROUPS = frozenset("gang gangs faction factions militia militias rebel rebels group groups commander commanders "
                          "movement movements".split())
#: lemmas that phrasal_sense() reads (added to the sentence pre-filter)
PHRASAL_LEMMAS: frozenset[str] = frozenset(
    {"call", "receive", "abandon", "walk", "stop", "lay", "gun", "disappear", "turn", "recover", "restore",
     "reassert", "wrest", "come", "drive", "neutralise", "neutralize", "unite", "unify", "spray", "push",
     "drag", "haul", "carry", "break", "sever", "cut", "halt", "close", "shut", "withdraw", "recall", "reopen",
     "lift", "rule", "shrug", "decline", "vote", "seek", "apply", "engage", "enter", "ship", "fly", "airlift",
     "vow", "pledge", "promise", "take", "clear", "merge", "dissolve", "set", "exchange", "hand", "transfer",
     "return", "lob", "throw", "hurl", "toss", "send", "dispatch", "rush", "down", "join", "absorb", "integrate",
     "incorporate", "round", "pick", "smash", "damage", "level", "gut", "wreck", "block", "recruit", "announce"}
    | D.IMPACT_VERBS
)

def phrasal_sense(verb: Token, lemma: str, objs: list[Token], ow: set[str]) -> Sense | None:
    """Light and phrasal verbs of news copy: took into custody, took hostage, called up reservists, received a
    delegation, cleared a protest camp, abandoned positions, handed out food, walked off the job, gunned down."""
    if lemma == "take":
        if "custody" in preps(verb, "into"):
            return Sense("COERCE", "arrest", "173", 0.8)
        if any(lem(c) in ("hostage", "captive", "prisoner") and c.dep_ in ("oprd", "dobj", "advmod", "npadvmod",
                                                                            "ccomp", "xcomp") for c in verb.children):
            return Sense("ASSAULT", "abduct", "181", 0.85)
        if has_prt(verb, "back") and place(objs, ow):
            return Sense("ASSAULT", "regain", "192", 0.8)
        if has_prt(verb, "away") and people(objs, ow):
            return Sense("ASSAULT", "abduct", "181", 0.6)
        if place(objs, ow) and not ow & {"part", "place"} and not has_prt(verb, "over"):
            return Sense("ASSAULT", "territory", "192", 0.6)
        return None
    if lemma == "call" and has_prt(verb, "up") and ow & (L.TROOP_NOUNS | {"man", "men", "conscript", "recruit"}):
        return Sense("MOBILIZE", "troops", "154", 0.8)
    if lemma == "receive":
        if ow & D.VISITOR_NOUNS or any(o.ent_type_ == "PERSON" for o in objs):
            return Sense("CONSULT", "host", "043", 0.7)
        if "intelligence" in ow:
            return Sense("COOPERATE", "intelligence", "064", 0.6)
        mode = aid_mode(ow)  # "received weapons from Iran": goods from a named giver, not a payment
        if mode is not None and ow & (L.AID_OBJECTS | L.WEAPON_NOUNS) - D.FUNDS and preps(verb, "from"):
            return Sense("AID", mode, "070", 0.6)
        return None
    if lemma == "clear":
        if ow & D.GATHERING_NOUNS:
            return Sense("PROTEST", "intervention", "141", 0.75)
        if preps(verb, "of") & {"militant", "fighter", "rebel", "insurgent", "jihadist", "terrorist"}:
            return Sense("ASSAULT", "regain", "192", 0.75)
        return None
    if lemma == "recover" and place(objs, ow) and not ow & L.WEAPON_CACHE_WORDS:
        return Sense("ASSAULT", "regain", "192", 0.7)
    if lemma == "abandon" and ow & {"position", "positions", "base", "post", "posts", "outpost", "trench"}:
        return Sense("RETREAT", "withdraw", "0874", 0.75)
    if lemma in L.HANDOVER_VERBS:
        if has_prt(verb, "out") and aid_mode(ow):
            return Sense("AID", aid_mode(ow), "070", 0.7)
        if (place(objs, ow) or ow & (L.BASE_NOUNS | {"position", "positions", "authority"})) and preps(verb, "to"):
            return Sense("RETREAT", "transfer", "0874", 0.7)
        return None
    if (lemma == "walk" and (preps(verb, "off") & D.WORK_NOUNS or (
            has_prt(verb, "out") and subject_words(verb) & (L.BLOCKER_WORDS | {"employee", "staff", "nurse"})))) or (
            lemma == "stop" and ow & D.WORK_NOUNS):
        return Sense("PROTEST", "strike", "143", 0.75)
    if lemma == "lay" and has_prt(verb, "down") and ow & D.LAID_DOWN:
        return Sense("RETREAT", "disarm", "0873", 0.8)
    if lemma == "drive" and ow & {"car", "truck", "vehicle", "lorry", "van"} and words(
            c for o in objs for c in o.subtree) & (L.EXPLOSIVE_WORDS | {"explosive", "explosives"}):
        return Sense("ASSAULT", "explosives", "183", 0.8)  # "drove a car laden with explosives into the base"
    if lemma in ("neutralise", "neutralize"):
        if words(c for o in objs for c in o.subtree) & D.AIRBORNE_NOUNS:
            return Sense("ASSAULT", "intercept", "190", 0.75)
        if ow & (L.WEAPON_CACHE_WORDS | {"vest", "explosive", "explosives"}):
            return Sense("COERCE", "disrupt", "1711", 0.75)
        return None
    if lemma == "dissolve" and (ow & REFLEXIVE or (not objs and subject_words(verb) & (L.GROUP_NOUNS | {"faction"}))):
        return Sense("RETREAT", "disband", "0873", 0.7)  # "the PKK is dissolving itself"
    if lemma in ("merge", "unite", "unify") and not objs and (preps(verb, "into", "with") or subject_words(verb) & (
            L.GROUP_NOUNS | {"faction", "factions", "group", "groups"})):
        return Sense("COOPERATE", "merge", "060", 0.7)  # "several factions merged into a new group"
    if lemma == "gun" and has_prt(verb, "down"):
        return Sense("ASSAULT", "firearms", "190", 0.85)
    if lemma == "disappear" and any(c.lower_ == "forcibly" for c in verb.children):
        return Sense("ASSAULT", "abduct", "181", 0.85)
    if lemma in L.LOB_VERBS and ow & L.HEAVY_WORDS:
        return Sense("ASSAULT", "heavy-weapons", "194", 0.75)
    if lemma == "turn" and has_prt(verb, "down") and ow & D.REQUEST_NOUNS:
        return Sense("REJECT", None, "120", 0.8)
    return _more_phrasal_sense(verb, lemma, objs, ow)


def _more_phrasal_sense(verb: Token, lemma: str, objs: list[Token], ow: set[str]) -> Sense | None:
    """Weapons as subjects ("drones hit an airfield"), police moving protesters ("broke up a rally"), states
    cutting ties, trade or aid, refusals ("ruled out mediation"), requests ("sought the extradition")."""
    if verb.dep_ == "xcomp" and lem(verb.head) in ("threaten", "warn"):
        return None  # "threatened to cut ties" is the threat, not a second event
    subj = subject_words(verb)
    if lemma in D.IMPACT_VERBS and subj & D.WEAPON_SUBJECTS and not _subject_is_event(verb):
        return _weapon_sense(subj)
    if lemma == "hit" and ow & (L.EXPLOSIVE_WORDS | {"mines", "landmines"}):
        return Sense("ASSAULT", "explosives", "183", 0.8)  # "their truck hit an improvised mine"
    if lemma in ("break", "push", "drag", "haul", "carry") and has_prt(verb, *D.MOVED_AWAY) and ow & (
            D.GATHERING_NOUNS | L.PROTESTER_WORDS):
        return Sense("PROTEST", "intervention", "141", 0.75)  # "police broke up a rally", "dragged away protesters"
    if lemma in ("spray", "lob", "use", "fire") and (crowd_control(ow) or ow & {"spray", "pepper"}):
        return Sense("PROTEST", "intervention", "175", 0.8)  # "used pepper spray on a crowd"
    if lemma in ("break", "sever", "cut") and ow & D.RELATION_NOUNS:
        return Sense("SANCTION", None, "161", 0.8)
    if lemma in ("halt", "stop", "cut", "ban") and ow & D.TRADE_NOUNS and preps(verb, "with", "to", "from"):
        return Sense("SANCTION", None, "163", 0.75)  # "halted all trade with Israel"
    if lemma in ("cut", "halt", "stop", "freeze") and ow & D.ASSISTANCE_NOUNS:
        return Sense("SANCTION", None, "163", 0.7)  # "cut off security assistance"
    if lemma in ("close", "shut") and ow & D.MISSION_NOUNS:
        return Sense("SANCTION", None, "161", 0.7)  # "closed the consulate of Peru"
    if lemma in ("withdraw", "recall") and ow & RECALLABLE:
        return Sense("SANCTION", None, "161", 0.8)  # "withdrew their ambassadors"
    if lemma in ("reopen", "restore") and ow & D.OPENABLE:
        return Sense("CONCEDE", "ease", "081", 0.7)
    if lemma == "lift" and "emergency" in ow:
        return Sense("CONCEDE", "ease", "081", 0.75)  # "lifted the state of emergency"
    if lemma in ("rule", "shrug") and has_prt(verb, "out", "off") and ow & D.REFUSABLE or lemma == "decline" and (
            {lem(o) for o in objs} & D.TALKS
            or {lem(o) for o in objs} & D.REQUEST_NOUNS and words(c for o in objs for c in o.subtree) & D.TALKS):
        return Sense("REJECT", None, "120", 0.75)  # "ruled out any mediation", "declined an invitation to talks"
    if lemma == "vote" and has_prt(verb, "down"):
        return Sense("REJECT", None, "120", 0.8)
    if lemma == "seek" and ow & D.SOUGHT:
        return Sense("REQUEST", None, "020", 0.75)
    if lemma == "apply" and preps(verb, "for") & {"warrant", "warrants", "extradition"}:
        return Sense("REQUEST", None, "020", 0.75)
    if lemma in ("drive", "push") and has_prt(verb, "out") and ow & (
            L.TROOP_NOUNS | {"militant", "rebel", "insurgent", "jihadist", "fighter"}):
        return Sense("ASSAULT", "regain", "192", 0.7)  # "drove Islamic State fighters out of the villages"
    if lemma == "engage" and objs and ow & (L.TROOP_NOUNS | {"militant", "rebel", "insurgent", "jihadist", "force"}):
        return Sense("ASSAULT", "firearms", "190", 0.75)  # "rebels engaged army forces near ..."
    if lemma == "come" and preps(verb, "under") & {"fire", "attack", "shelling", "bombardment"} and subj & (
            L.TROOP_NOUNS | D.HUMAN_NOUNS | L.CROWD_NOUNS | L.BASE_NOUNS | L.TERRITORY_NOUNS | D.TARGET_NOUNS):
        return Sense("ASSAULT", "firearms", "190", 0.75)  # "the soldiers came under fire"
    if lemma == "enter" and place(objs, ow) and subj & (L.TROOP_NOUNS | {"militant", "rebel", "insurgent",
                                                                          "jihadist", "fighter"}):
        return Sense("ASSAULT", "territory", "192", 0.5)  # "Taliban fighters entered Kabul"
    if lemma in ("send", "dispatch", "ship", "fly", "airlift", "rush") and aid_mode(ow) and ow & (
            L.AID_OBJECTS | {"rescue", "supplies", "goods", "kit", "kits", "tent", "tents"}):
        return Sense("AID", aid_mode(ow), "070", 0.7)  # "flew tents and blankets to eastern Chad"
    if lemma == "announce":  # an armed group announcing a change to itself
        if not subj & (_ARMED_GROUPS | L.TROOP_NOUNS | {"militant", "insurgent", "jihadist", "front", "army"}):
            return None
        if ow & {"unification", "alliance", "merger", "integration"}:
            return Sense("COOPERATE", "merge", "060", 0.7)
        if ow & {"dissolution", "disbandment"}:
            return Sense("RETREAT", "disband", "0873", 0.7)
        if "formation" in ow or (ow & (L.GROUP_NOUNS | {"emir"}) and "new" in ow):
            return Sense("MOBILIZE", "reorganize", "154", 0.65)  # "announced a new commander"
        return None
    if lemma == "join" and ow & {"force", "forces"}:
        return Sense("COOPERATE", "merge" if subj & _ARMED_GROUPS else "military", "060", 0.7)  # "joined forces"
    if lemma == "pledge" and "allegiance" in ow:
        return Sense("COOPERATE", "merge", "060", 0.75)  # "pledged allegiance to JNIM"
    if lemma in ("absorb", "integrate", "incorporate") and preps(verb, "into") & (
            L.TROOP_NOUNS | L.GROUP_NOUNS | {"army", "police"}):
        return Sense("COOPERATE", "merge", "060", 0.7)  # "absorbed local brigades into its forces"
    if lemma == "round" and has_prt(verb, "up") and people(objs, ow):
        return Sense("COERCE", "arrest", "173", 0.8)
    if lemma == "pick" and has_prt(verb, "up") and people(objs, ow) and subj & D.SECURITY_WORDS:
        return Sense("COERCE", "arrest", "173", 0.7)  # "intelligence agents picked up two staffers"
    if lemma in ("smash", "damage", "level", "gut", "wreck") and ow & (L.PROPERTY_NOUNS | D.BUILDINGS) and (
            subj & (L.ACTOR_NOUNS.keys() | D.ATTACKER_NOUNS | D.HUMAN_NOUNS | L.MOB_WORDS | {"vandal", "bulldozer"})):
        return Sense("COERCE", "destroy", "1712", 0.7)  # "masked men smashed the windows of a bookshop"
    if lemma in ("close", "shut", "block") and ow & D.OPENABLE and not subj & L.BLOCKER_WORDS and (
            lemma != "shut" or has_prt(verb, "down")):
        return Sense("COERCE", None, "170", 0.55)  # "closed the corridor to all traffic", "shut down the internet"
    if lemma == "recruit" and ow & (L.TROOP_NOUNS | {"fighter", "fighters", "recruit", "recruits", "child", "children"}):
        return Sense("MOBILIZE", "militia", "154", 0.7)
    if lemma in ("vow", "pledge", "promise") and words(
            c for x in verb.children if x.dep_ == "xcomp" for c in x.subtree) & D.THREAT_WORDS:
        return Sense("THREATEN", "violence", "138", 0.7)  # "vowed to use nuclear weapons"
    return None


def _subject_is_event(verb: Token) -> bool:
    """The subject names the attack already: an event noun ("a grenade explosion wounded 30") or a weapon with its
    own launch ("a mortar round fired by assailants landed")."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(
        lem(s) in L.NOUN_TRIGGERS or any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in s.children)
        for s in subj
    )


def _weapon_sense(subj: set[str]) -> Sense:
    if chemical(subj):
        return Sense("ASSAULT", "chemical", "2041", 0.8)
    if subj & (L.AIR_WORDS | {"shahed", "shaheds", "airstrikes"}):
        return Sense("ASSAULT", "aerial", "195", 0.8)
    if subj & (L.HEAVY_WORDS | {"shells", "mortars", "rockets", "missiles", "barrage", "katyusha"}):
        return Sense("ASSAULT", "heavy-weapons", "194", 0.8)
    if subj & L.GRENADE_WORDS:
        return Sense("ASSAULT", "grenade", "183", 0.8)
    return Sense("ASSAULT", "explosives", "183", 0.75)



def _actor_subject(verb: Token) -> bool:
    """The verb's doer (subject, or "by" agent of a passive) is a person, a group or a force, not a flood."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for d in doers:
        ws = words([d])
        if ws & D.HAZARD_NOUNS:
            return False
        if d.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or ws & (
            set(L.ACTOR_NOUNS) | L.TROOP_NOUNS | D.HUMAN_NOUNS | L.MOB_WORDS | D.ATTACKER_NOUNS
        ):
            return True
    return False


def arguments_fit(tr: Any, lemma: str) -> bool:
    """Argument checks of triggers that name an event only with the right object (and their retyping)."""
    head = tr.head
    objs = objects(head)
    ow = words(objs)
    if tr.nominal:
        if lemma == "call":
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children):
                tr.type, tr.mode, tr.cameo = "REQUEST", None, "020"  # "renewed his call for a ceasefire"
                return True
            return bool(words([head]) & {"phone", "telephone", "video"})
        if lemma == "conference":  # "attended a peace conference", not "ahead of a developer conference"
            return tr.light is not None and not words([head]) & {"news", "press", "earnings", "investor", "trade"}
        if lemma == "warning":
            return bool(words(c for c in head.subtree if c.i != head.i) & L.FORCE_WARNING_WORDS)
        return True
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if lemma == "down":
        if ow & D.TOOLS:
            tr.type, tr.mode, tr.cameo = "PROTEST", "strike", "143"
            return True
        return bool(ow & D.AIRBORNE_NOUNS)
    if lemma == "disperse":
        return bool(ow & (D.GATHERING_NOUNS | L.CROWD_NOUNS))
    if lemma in ("snatch", "abuse"):
        return people(objs, ow) or any(o.like_num for o in objs)
    if lemma == "destroy":
        return bool(objs) and _actor_subject(head)
    if lemma == "target":  # "a drone targeted a gathering", "militants targeted a convoy with explosives"
        inst = words(g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children)
        return bool(objs) and bool((subject_words(head) | inst) & D.ARMED_WORDS)
    if lemma == "dismiss":
        return bool(ow & D.CLAIM_NOUNS) or any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)
    if lemma == "deny":  # "denied the allegations", "a charge Ukraine denied"; "denied that it had ..." negates
        claim = head.dep_ == "relcl" and lem(head.head) in D.CLAIM_NOUNS
        return not passive and (bool(ow & (D.CLAIM_NOUNS | {"entry", "access"})) or claim)
    if lemma == "plead":
        return not any(lem(c) in ("guilty", "innocent") for c in head.children)
    if lemma == "back":
        return not passive and head.dep_ != "acl" and bool(objs)
    if lemma == "decommission":
        return bool(ow & L.WEAPON_CACHE_WORDS)
    if lemma == "expel" and not ow & D.EXPELLED_DIPLOMATS and (people(objs, ow) or ow & {"family", "families"}):
        tr.type, tr.mode, tr.cameo = "COERCE", "deport", "174"  # "expelled hundreds of families from the camps"
    if lemma == "surrender" and people(objs, ow):
        tr.type, tr.mode, tr.cameo = "COOPERATE", "judicial", "063"
    return True


def abductors(verb: Token) -> bool:
    """Gunmen, kidnappers or bandits as the doer ("a missionary was seized by gunmen")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return any(lem(d) in D.ABDUCTOR_WORDS for d in doers)


def strikers(head: Token, light: Token | None) -> bool:
    """Workers strike: a strike held or staged, or by / of workers ("nurses held a strike", "a drivers' strike")."""
    if light is not None and light.lemma_.lower() in ("hold", "stage", "call"):
        return True
    doers = [c for c in head.children if c.dep_ in ("poss", "compound", "nsubj")]
    doers += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    if light is not None:
        doers += [c for c in light.children if c.dep_ == "nsubj"]
    elif head.dep_ in ("xcomp", "conj"):  # "workers are set to strike"
        doers += [c for c in head.head.children if c.dep_ == "nsubj"]
    words = {w.lemma_.lower() for d in doers for w in (d, *(c for c in d.children if c.dep_ in ("compound", "amod")))}
    return bool(words & D.STRIKER_WORDS)
