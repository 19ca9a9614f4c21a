"""Trigger vocabulary and the word lists the event coder reads (data only, no logic).

A :class:`Sense` says what a trigger lemma means by default: PLOVER type, mode, a CAMEO code when the lemma is more
specific than the type's default, and a strength in 0..1 (how reliably the word names an event of that type).
Context rules that refine a sense (a joint patrol, a crowd throwing stones, an air strike) live in ``triggers.py``
and consult the word sets below.
"""

from __future__ import annotations

from typing import NamedTuple

from .lexicon_more import MORE_LEMMA_FIXES, MORE_NOUNS, MORE_VERBS


class Sense(NamedTuple):
    type: str
    mode: str | None = None
    cameo: str | None = None
    strength: float = 0.8


# --- verbs that name an event by themselves -------------------------------------------------------------------------
VERB_TRIGGERS: dict[str, Sense] = {
    # ASSAULT
    "attack": Sense("ASSAULT", None, "190", 0.9),
    "assault": Sense("ASSAULT", None, "190", 0.85),
    "clash": Sense("ASSAULT", "firearms", "190", 0.9),
    "fight": Sense("ASSAULT", "firearms", "190", 0.7),
    "battle": Sense("ASSAULT", "firearms", "190", 0.75),
    "shell": Sense("ASSAULT", "heavy-weapons", "194", 0.9),
    "bombard": Sense("ASSAULT", "heavy-weapons", "194", 0.9),
    "bomb": Sense("ASSAULT", "aerial", "195", 0.85),
    "airstrike": Sense("ASSAULT", "aerial", "195", 0.9),
    "strike": Sense("ASSAULT", None, "190", 0.55),
    "shoot": Sense("ASSAULT", "firearms", "190", 0.8),
    "ambush": Sense("ASSAULT", "firearms", "190", 0.9),
    "raid": Sense("ASSAULT", None, "190", 0.7),
    "storm": Sense("ASSAULT", None, "190", 0.7),
    "invade": Sense("ASSAULT", None, "192", 0.9),
    "kill": Sense("ASSAULT", None, "190", 0.8),
    "massacre": Sense("ASSAULT", "massacre", "202", 0.9),
    "assassinate": Sense("ASSAULT", "assassinate", "186", 0.95),
    "behead": Sense("ASSAULT", "primitive", "182", 0.9),
    "explode": Sense("ASSAULT", "explosives", "183", 0.75),
    "detonate": Sense("ASSAULT", "explosives", "183", 0.85),
    "stab": Sense("ASSAULT", "primitive", "182", 0.85),
    "stone": Sense("ASSAULT", "primitive", "182", 0.8),
    "torture": Sense("ASSAULT", "primitive", "182", 0.85),
    "abduct": Sense("ASSAULT", "abduct", "181", 0.9),
    "kidnap": Sense("ASSAULT", "abduct", "181", 0.9),
    "capture": Sense("ASSAULT", "territory", "192", 0.55),
    "recapture": Sense("ASSAULT", "territory", "192", 0.8),
    "occupy": Sense("ASSAULT", "territory", "192", 0.6),
    "retake": Sense("ASSAULT", "territory", "192", 0.85),
    "regain": Sense("ASSAULT", "territory", "192", 0.6),
    "reclaim": Sense("ASSAULT", "territory", "192", 0.6),
    "liberate": Sense("ASSAULT", "territory", "192", 0.6),
    "overrun": Sense("ASSAULT", "territory", "192", 0.85),
    "pound": Sense("ASSAULT", "heavy-weapons", "194", 0.75),
    "ram": Sense("ASSAULT", None, "190", 0.5),
    "target": Sense("ASSAULT", None, "190", 0.55),  # armed subject or instrument only (context.py)
    "rape": Sense("ASSAULT", "sexual", "1821", 0.9),
    "execute": Sense("ASSAULT", "massacre", "186", 0.5),
    "flog": Sense("ASSAULT", "primitive", "182", 0.8),
    "hack": Sense("ASSAULT", "primitive", "182", 0.4),
    "lynch": Sense("PROTEST", "mob", "145", 0.9),
    "torch": Sense("COERCE", "destroy", "1712", 0.8),
    "burn": Sense("COERCE", "destroy", "1712", 0.5),
    "intercept": Sense("ASSAULT", "intercept", "190", 0.6),
    "defuse": Sense("COERCE", "disrupt", "1711", 0.85),
    "foil": Sense("COERCE", "disrupt", "1711", 0.7),
    "thwart": Sense("COERCE", "disrupt", "1711", 0.7),
    "down": Sense("ASSAULT", "intercept", "190", 0.75),  # "downed two drones"; objects checked in context.py
    "murder": Sense("ASSAULT", "primitive", "182", 0.8),
    "slaughter": Sense("ASSAULT", "massacre", "202", 0.8),
    "repel": Sense("ASSAULT", "firearms", "190", 0.8),
    "repulse": Sense("ASSAULT", "firearms", "190", 0.8),
    "reoccupy": Sense("ASSAULT", "territory", "192", 0.8),
    "snatch": Sense("ASSAULT", "abduct", "181", 0.6),  # people only (context.py)
    "abuse": Sense("ASSAULT", "primitive", "182", 0.5),
    # PROTEST
    "protest": Sense("PROTEST", "demo", "141", 0.85),
    "demonstrate": Sense("PROTEST", "demo", "141", 0.7),
    "rally": Sense("PROTEST", "demo", "141", 0.7),
    "march": Sense("PROTEST", "demo", "141", 0.5),
    "riot": Sense("PROTEST", "riot", "145", 0.9),
    "boycott": Sense("PROTEST", "strike", "143", 0.7),
    "disperse": Sense("PROTEST", "intervention", "141", 0.8),  # a crowd or gathering only (context.py)
    "blockade": Sense("COERCE", "blockade", "191", 0.7),
    # COERCE
    "arrest": Sense("COERCE", "arrest", "173", 0.9),
    "detain": Sense("COERCE", "arrest", "173", 0.9),
    "jail": Sense("COERCE", "arrest", "173", 0.85),
    "imprison": Sense("COERCE", "arrest", "173", 0.85),
    "sentence": Sense("COERCE", None, "173", 0.6),
    "seize": Sense("COERCE", "seize", "1711", 0.6),
    "confiscate": Sense("COERCE", "seize", "1711", 0.8),
    "deport": Sense("COERCE", "deport", "174", 0.85),
    "extradite": Sense("COOPERATE", "judicial", "063", 0.85),
    "ban": Sense("COERCE", "ban", "172", 0.6),
    "demolish": Sense("COERCE", "destroy", "1712", 0.8),
    "raze": Sense("COERCE", "destroy", "1712", 0.8),
    "loot": Sense("COERCE", "destroy", "1711", 0.8),
    "ransack": Sense("COERCE", "destroy", "1711", 0.8),
    "vandalise": Sense("COERCE", "destroy", "1712", 0.8),
    "vandalize": Sense("COERCE", "destroy", "1712", 0.8),
    "sabotage": Sense("COERCE", "destroy", "1712", 0.75),
    "bulldoze": Sense("COERCE", "destroy", "1712", 0.75),
    "dynamite": Sense("COERCE", "destroy", "1712", 0.8),
    "destroy": Sense("COERCE", "destroy", "1712", 0.5),
    "steal": Sense("COERCE", "seize", "1711", 0.5),
    "rob": Sense("COERCE", "seize", "1711", 0.5),
    "rustle": Sense("COERCE", "seize", "1711", 0.7),
    "hijack": Sense("COERCE", "seize", "1711", 0.7),
    "commandeer": Sense("COERCE", "seize", "1711", 0.7),
    "impound": Sense("COERCE", "seize", "1711", 0.7),
    "apprehend": Sense("COERCE", "arrest", "173", 0.85),
    "convict": Sense("COERCE", None, "173", 0.55),
    "besiege": Sense("COERCE", "blockade", "191", 0.7),
    # MOBILIZE
    "deploy": Sense("MOBILIZE", "troops", "154", 0.9),
    "mobilize": Sense("MOBILIZE", "troops", "154", 0.85),
    "mobilise": Sense("MOBILIZE", "troops", "154", 0.85),
    "reinforce": Sense("MOBILIZE", "troops", "154", 0.8),
    "redeploy": Sense("MOBILIZE", "troops", "154", 0.8),
    "patrol": Sense("MOBILIZE", "troops", "150", 0.7),
    # COOPERATE
    "cooperate": Sense("COOPERATE", None, "060", 0.7),
    "collaborate": Sense("COOPERATE", None, "060", 0.7),
    # AGREE
    "sign": Sense("AGREE", None, "057", 0.85),
    "agree": Sense("AGREE", None, "030", 0.75),
    "ratify": Sense("AGREE", None, "057", 0.85),
    "initial": Sense("AGREE", None, "057", 0.8),  # "initialled a deal"
    # CONSULT
    "meet": Sense("CONSULT", None, "043", 0.8),
    "visit": Sense("CONSULT", "visit", "042", 0.8),
    "host": Sense("CONSULT", "host", "043", 0.75),
    "negotiate": Sense("CONSULT", None, "046", 0.85),
    "discuss": Sense("CONSULT", None, "040", 0.6),
    "confer": Sense("CONSULT", None, "040", 0.7),
    "mediate": Sense("CONSULT", "third-party", "045", 0.85),
    "phone": Sense("CONSULT", "phone", "041", 0.75),
    "convene": Sense("CONSULT", None, "043", 0.55),
    # REQUEST
    "urge": Sense("REQUEST", None, "020", 0.9),
    "appeal": Sense("REQUEST", None, "020", 0.8),
    "request": Sense("REQUEST", None, "020", 0.8),
    "demand": Sense("REQUEST", None, "100", 0.8),
    "ask": Sense("REQUEST", None, "020", 0.5),
    "implore": Sense("REQUEST", None, "020", 0.85),
    "plead": Sense("REQUEST", None, "020", 0.7),  # not "pleaded guilty" (context.py)
    # ACCUSE
    "accuse": Sense("ACCUSE", None, "112", 0.9),
    "blame": Sense("ACCUSE", None, "112", 0.8),
    "condemn": Sense("ACCUSE", None, "111", 0.9),
    "criticize": Sense("ACCUSE", None, "111", 0.85),
    "criticise": Sense("ACCUSE", None, "111", 0.85),
    "denounce": Sense("ACCUSE", None, "111", 0.9),
    "investigate": Sense("ACCUSE", "investigate", "090", 0.7),
    "probe": Sense("ACCUSE", "investigate", "090", 0.6),
    # REJECT
    "reject": Sense("REJECT", None, "120", 0.85),
    "refuse": Sense("REJECT", None, "120", 0.6),
    "veto": Sense("REJECT", None, "120", 0.85),
    "dismiss": Sense("REJECT", None, "120", 0.7),  # a claim or a proposal only (context.py)
    "deny": Sense("REJECT", None, "120", 0.6),
    "snub": Sense("REJECT", None, "120", 0.7),
    "rebuff": Sense("REJECT", None, "120", 0.8),
    # THREATEN
    "threaten": Sense("THREATEN", None, "130", 0.85),
    "warn": Sense("THREATEN", None, "130", 0.5),
    # SANCTION
    "sanction": Sense("SANCTION", None, "163", 0.85),
    "embargo": Sense("SANCTION", None, "163", 0.85),
    "expel": Sense("SANCTION", None, "1663", 0.6),
    "sever": Sense("SANCTION", None, "161", 0.6),
    "freeze": Sense("SANCTION", None, "163", 0.5),
    "recall": Sense("SANCTION", None, "161", 0.4),
    "suspend": Sense("SANCTION", None, "163", 0.4),
    "revoke": Sense("SANCTION", None, "163", 0.6),
    "blacklist": Sense("SANCTION", None, "163", 0.8),
    # SUPPORT (verbal)
    "praise": Sense("SUPPORT", None, "051", 0.8),
    "endorse": Sense("SUPPORT", None, "051", 0.8),
    "welcome": Sense("SUPPORT", None, "051", 0.6),
    "recognize": Sense("SUPPORT", None, "054", 0.5),
    "recognise": Sense("SUPPORT", None, "054", 0.5),
    "congratulate": Sense("SUPPORT", None, "051", 0.85),
    "hail": Sense("SUPPORT", None, "051", 0.7),
    "laud": Sense("SUPPORT", None, "051", 0.85),
    "applaud": Sense("SUPPORT", None, "051", 0.8),
    "commend": Sense("SUPPORT", None, "051", 0.85),
    "thank": Sense("SUPPORT", None, "051", 0.6),
    "back": Sense("SUPPORT", None, "051", 0.5),  # active voice only (context.py)
    # AID
    "donate": Sense("AID", "economic", "071", 0.7),
    "supply": Sense("AID", None, "070", 0.5),
    "distribute": Sense("AID", None, "070", 0.6),
    "disburse": Sense("AID", None, "071", 0.7),
    "airdrop": Sense("AID", None, "070", 0.7),
    # RETREAT
    "withdraw": Sense("RETREAT", "withdraw", "0874", 0.8),
    "retreat": Sense("RETREAT", "withdraw", "0874", 0.8),
    "disarm": Sense("RETREAT", "disarm", "0873", 0.8),
    "demobilize": Sense("RETREAT", "disarm", "0873", 0.8),
    "surrender": Sense("RETREAT", None, "0874", 0.7),  # a person surrendered to a court: judicial cooperation
    "decommission": Sense("RETREAT", "disarm", "0873", 0.7),  # weapons only (context.py)
    # CONCEDE
    "release": Sense("CONCEDE", "release", "0841", 0.6),
    "free": Sense("CONCEDE", "release", "0841", 0.5),
    "apologize": Sense("CONCEDE", None, "055", 0.8),
    "apologise": Sense("CONCEDE", None, "055", 0.8),
    "pardon": Sense("CONCEDE", "release", "0841", 0.75),
    "lift": Sense("CONCEDE", "ease", "081", 0.4),
    "ease": Sense("CONCEDE", "ease", "081", 0.4),
    "pledge": Sense("AID", None, "070", 0.4),
    "deliver": Sense("AID", None, "070", 0.4),
    "provide": Sense("AID", None, "070", 0.4),
}

# --- nouns that name an event (event nominals) ----------------------------------------------------------------------
NOUN_TRIGGERS: dict[str, Sense] = {
    "attack": Sense("ASSAULT", None, "190", 0.85),
    "assault": Sense("ASSAULT", None, "190", 0.8),
    "offensive": Sense("ASSAULT", None, "190", 0.85),
    "clash": Sense("ASSAULT", "firearms", "190", 0.9),
    "fighting": Sense("ASSAULT", "firearms", "190", 0.85),
    "battle": Sense("ASSAULT", "firearms", "190", 0.75),
    "firefight": Sense("ASSAULT", "firearms", "190", 0.9),
    "gunfight": Sense("ASSAULT", "firearms", "190", 0.9),
    "skirmish": Sense("ASSAULT", "firearms", "190", 0.9),
    "shelling": Sense("ASSAULT", "heavy-weapons", "194", 0.9),
    "bombardment": Sense("ASSAULT", "heavy-weapons", "194", 0.9),
    "airstrike": Sense("ASSAULT", "aerial", "195", 0.9),
    "strike": Sense("ASSAULT", None, "190", 0.5),
    "bombing": Sense("ASSAULT", "explosives", "183", 0.85),
    "explosion": Sense("ASSAULT", "explosives", "183", 0.7),
    "blast": Sense("ASSAULT", "explosives", "183", 0.7),
    "ied": Sense("ASSAULT", "explosives", "183", 0.8),
    "ambush": Sense("ASSAULT", "firearms", "190", 0.9),
    "raid": Sense("ASSAULT", None, "190", 0.65),
    "invasion": Sense("ASSAULT", None, "192", 0.9),
    "incursion": Sense("ASSAULT", None, "192", 0.8),
    "killing": Sense("ASSAULT", None, "190", 0.7),
    "massacre": Sense("ASSAULT", "massacre", "202", 0.9),
    "assassination": Sense("ASSAULT", "assassinate", "186", 0.95),
    "abduction": Sense("ASSAULT", "abduct", "181", 0.9),
    "kidnapping": Sense("ASSAULT", "abduct", "181", 0.9),
    "rape": Sense("ASSAULT", "sexual", "1821", 0.85),
    "bomb": Sense("ASSAULT", "explosives", "183", 0.6),
    "landmine": Sense("ASSAULT", "explosives", "183", 0.7),
    "merger": Sense("COOPERATE", "merge", "060", 0.6),
    "formation": Sense("MOBILIZE", "reorganize", "154", 0.5),
    "violence": Sense("ASSAULT", "sexual", "1821", 0.4),
    "operation": Sense("COOPERATE", "military", "062", 0.3),
    "backing": Sense("SUPPORT", None, "051", 0.5),
    "support": Sense("SUPPORT", None, "051", 0.4),
    "protest": Sense("PROTEST", "demo", "141", 0.85),
    "demonstration": Sense("PROTEST", "demo", "141", 0.8),
    "rally": Sense("PROTEST", "demo", "141", 0.7),
    "march": Sense("PROTEST", "demo", "141", 0.5),
    "sit-in": Sense("PROTEST", "obstruct", "144", 0.8),
    "riot": Sense("PROTEST", "riot", "145", 0.9),
    "unrest": Sense("PROTEST", "riot", "145", 0.5),
    "arrest": Sense("COERCE", "arrest", "173", 0.85),
    "detention": Sense("COERCE", "arrest", "173", 0.7),
    "crackdown": Sense("COERCE", None, "175", 0.75),
    "curfew": Sense("COERCE", "curfew", "1723", 0.7),
    "blockade": Sense("COERCE", "blockade", "191", 0.7),
    "deportation": Sense("COERCE", "deport", "174", 0.8),
    "deployment": Sense("MOBILIZE", "troops", "154", 0.8),
    "reinforcement": Sense("MOBILIZE", "troops", "154", 0.85),
    "patrol": Sense("MOBILIZE", "troops", "150", 0.7),
    "exercise": Sense("MOBILIZE", "troops", "150", 0.4),
    "drill": Sense("MOBILIZE", "troops", "150", 0.4),
    "talk": Sense("CONSULT", None, "046", 0.6),
    "negotiation": Sense("CONSULT", None, "046", 0.85),
    "meeting": Sense("CONSULT", None, "043", 0.75),
    "summit": Sense("CONSULT", "multilateral", "044", 0.8),
    "visit": Sense("CONSULT", "visit", "042", 0.75),
    "mediation": Sense("CONSULT", "third-party", "045", 0.8),
    "agreement": Sense("AGREE", None, "057", 0.8),
    "memorandum": Sense("AGREE", None, "057", 0.8),
    "deal": Sense("AGREE", None, "057", 0.6),
    "accord": Sense("AGREE", None, "057", 0.8),
    "treaty": Sense("AGREE", None, "057", 0.8),
    "ceasefire": Sense("AGREE", "ceasefire", "0871", 0.85),
    "truce": Sense("AGREE", "ceasefire", "0871", 0.85),
    "appeal": Sense("REQUEST", None, "020", 0.6),
    "investigation": Sense("ACCUSE", "investigate", "090", 0.6),
    "sanction": Sense("SANCTION", None, "163", 0.75),
    "embargo": Sense("SANCTION", None, "163", 0.8),
    "withdrawal": Sense("RETREAT", "withdraw", "0874", 0.8),
    "pullout": Sense("RETREAT", "withdraw", "0874", 0.8),
    "aid": Sense("AID", None, "070", 0.5),
    "cooperation": Sense("COOPERATE", None, "060", 0.5),
    "vigil": Sense("PROTEST", "demo", "141", 0.7),
    "walkout": Sense("PROTEST", "strike", "143", 0.8),
    "threat": Sense("THREATEN", None, "130", 0.5),
    "ultimatum": Sense("THREATEN", None, "130", 0.8),
    "warning": Sense("THREATEN", None, "130", 0.45),  # about force only (context.py)
    "inquiry": Sense("ACCUSE", "investigate", "090", 0.6),
    "probe": Sense("ACCUSE", "investigate", "090", 0.6),
    "criticism": Sense("ACCUSE", None, "111", 0.6),
    "praise": Sense("SUPPORT", None, "051", 0.6),
    "congratulations": Sense("SUPPORT", None, "051", 0.7),
    "handover": Sense("RETREAT", "transfer", "0874", 0.7),
    "disarmament": Sense("RETREAT", "disarm", "0873", 0.7),
    "call": Sense("CONSULT", "phone", "041", 0.7),  # a phone or video call, or a call for something (context.py)
    "rioting": Sense("PROTEST", "riot", "145", 0.85),
    "combat": Sense("ASSAULT", "firearms", "190", 0.6),
    "confrontation": Sense("ASSAULT", "firearms", "190", 0.5),
    "gratitude": Sense("SUPPORT", None, "051", 0.6),
    "solidarity": Sense("SUPPORT", None, "051", 0.6),
    "trip": Sense("CONSULT", "visit", "042", 0.5),
    "appreciation": Sense("SUPPORT", None, "051", 0.5),
    "conference": Sense("CONSULT", "multilateral", "044", 0.5),  # not a news conference (context.py)
}

# the wider news vocabulary (lexicon_more.py): added without replacing a core entry
for _table, _more in ((VERB_TRIGGERS, MORE_VERBS), (NOUN_TRIGGERS, MORE_NOUNS)):
    for _lemma, _sense in _more.items():
        _table.setdefault(_lemma, Sense(*_sense))

# verbs that name an event only with the right argument ("sent troops", "units arrived", "fired rockets",
# "called on", "protesters gathered", "threw stones", "a bomb went off"); the rules are in triggers.py
CONTEXT_VERBS: frozenset[str] = frozenset(
    "send dispatch rush station mass move bring arrive fire call gather assemble converge throw hurl pelt launch order "
    "go".split()
)
# verbs that turn an event noun object into an event ("conducted a patrol", "carried out an attack")
LIGHT_VERBS: frozenset[str] = frozenset(
    "conduct carry launch hold stage mount begin start resume continue wage undertake perform organize organise "
    "make reach sign conclude impose send deploy dispatch expand increase boost bolster step engage join lead "
    "intensify escalate carry execute open declare announce attend order express voice reiterate offer complete finish extend renew subject "
    "commit issue convene broker reaffirm give call slap chair submit".split()
)
# spaCy lemmatizer slips seen in news text: surface form -> lemma
LEMMA_FIXES: dict[str, str] = {
    "staged": "stage", "staging": "stage", "stages": "stage", "shelled": "shell",
    "raped": "rape", "rapes": "rape", "raping": "rape", "lobbed": "lob", "tossed": "toss",
    "retook": "retake", "retaken": "retake", "retakes": "retake", "overran": "overrun", "overruns": "overrun",
    **MORE_LEMMA_FIXES,
}
# nouns whose complement event is intended, not done ("a threat to boycott", "plans to deploy")
PLAN_NOUNS: frozenset[str] = frozenset(
    "threat plan plot vow intention proposal attempt bid call demand decision pledge promise offer readiness".split()
)
TERRITORY_NOUNS: frozenset[str] = frozenset(
    "control part territory town city village area base airport district region hill airbase corridor camp "
    "crossing terminal facility port garrison checkpoint outpost headquarters".split()
)
# verbs whose subject is an event noun that is happening ("clashes erupted", "the attack killed")
OCCURRENCE_VERBS: frozenset[str] = frozenset(
    "erupt break take occur happen continue resume rage begin start intensify escalate kill hit target leave "
    "destroy damage wound injure rock shake flare spread last end rip tear explode strike".split()
)
# verbs of perception / report whose object event is real unless negated ("detected shelling", "reported clashes")
PERCEPTION_VERBS: frozenset[str] = frozenset("detect observe record report see register witness note document".split())
# verbs of opinion: an event noun they govern is a characterisation, not an event ("views X as an attack")
OPINION_VERBS: frozenset[str] = frozenset(
    "view consider call describe regard see label term brand deem characterize characterise dub treat "
    "interpret perceive".split()
)
# verbs / nouns of cessation or prevention: the event noun they govern is not happening ("put an end to attacks")
PREVENTION_WORDS: frozenset[str] = frozenset("end halt stop prevent avoid cease avert prohibit forbid".split())
# report verbs: attribution, never events on their own
SAY_VERBS: frozenset[str] = frozenset(
    "say tell report state announce add claim note confirm insist stress write tweet declare allege quote "
    "explain assert maintain acknowledge reveal disclose inform".split()
)
# planned / future: verbs whose xcomp event is planned ("are expected to meet")
PLAN_VERBS: frozenset[str] = frozenset(
    "expect plan intend prepare schedule aim set due propose hope seek want agree decide vow pledge promise "
    "threaten consider".split()
)
PLAN_MARKERS: frozenset[str] = frozenset("will shall 'll wo".split())
PLAN_ADJECTIVES: frozenset[str] = frozenset(
    "upcoming planned scheduled proposed expected forthcoming next future".split()
)
HYPOTHETICAL_MODALS: frozenset[str] = frozenset("could may might would should can must".split())
HYPOTHETICAL_MARKERS: frozenset[str] = frozenset("if unless whether lest".split())
NEGATION_VERBS: frozenset[str] = frozenset("deny fail refrain refute dismiss refuse decline foil thwart avert".split())

# --- context words --------------------------------------------------------------------------------------------------
TROOP_NOUNS: frozenset[str] = frozenset(
    "troop soldier serviceman servicemen personnel force unit reinforcement police policeman officer marine "
    "paratrooper reservist commando battalion brigade division regiment contingent convoy militia gendarme "
    "guard sailor airman special military fighter instructor adviser advisor mercenary peacekeeper policemen "
    "operative operatives paramilitary paramilitaries ranger rangers".split()
)
WEAPON_NOUNS: frozenset[str] = frozenset(
    "tank vehicle missile rocket weapon artillery howitzer warship ship submarine jet aircraft helicopter drone "
    "warplane bomber system battery launcher vessel carrier".split()
)
CROWD_NOUNS: frozenset[str] = frozenset(
    "child kid youth teenager boy girl crowd mob protester demonstrator resident villager civilian student "
    "rioter people man woman group supporter worker farmer".split()
)
AIR_WORDS: frozenset[str] = frozenset("air aerial drone airstrike warplane jet helicopter aircraft bomber".split())
HEAVY_WORDS: frozenset[str] = frozenset("missile rocket artillery mortar shell tank howitzer cannon".split())
EXPLOSIVE_WORDS: frozenset[str] = frozenset("bomb ied landmine mine explosive car-bomb roadside device".split())
LABOR_STRIKE_WORDS: frozenset[str] = frozenset(
    "general hunger labor labour worker teacher nationwide union warning indefinite national wildcat token".split()
)
JOINT_WORDS: frozenset[str] = frozenset("joint combined combine bilateral trilateral coordinated coordinate".split())
# operations that two or more countries' forces run together are COOPERATE when a JOINT_WORDS word says so
JOINT_OPERATION_NOUNS: frozenset[str] = frozenset(
    "operation sweep campaign offensive raid sail mission force task-force manoeuvre maneuver crackdown "
    "interdiction unit".split()
)
#: crowd-control means: fired at a crowd they make a protest with intervention (ACLED), not an armed attack
CROWD_CONTROL_WORDS: frozenset[str] = frozenset(
    "gas teargas tear-gas cannon cannons bullet bullets pellet pellets grenade grenades baton batons".split()
)

CEASEFIRE_WORDS: frozenset[str] = frozenset("ceasefire truce cease-fire armistice de-escalation".split())
#: what a peace or prisoner deal is about: an AGREE event about them is an ACLED "Agreement"
PEACE_WORDS: frozenset[str] = frozenset("peace prisoner prisoners exchange swap hostage hostages civilian civilians".split())
CHEMICAL_WORDS: frozenset[str] = frozenset(
    "chemical chlorine sarin mustard chloropicrin nerve toxic gas phosphorus".split()
)
GRENADE_WORDS: frozenset[str] = frozenset("grenade grenades".split())
#: verbs of throwing an explosive by hand ("lobbed a grenade")
LOB_VERBS: frozenset[str] = frozenset("throw hurl lob toss".split())
#: weapons caught before use: seizing, finding or destroying them is ACLED's "Disrupted weapons use"
WEAPON_CACHE_WORDS: frozenset[str] = frozenset(
    "cache arsenal arms weapon weapons ammunition explosive explosives rifle rifles rocket rockets launcher "
    "launchers mine mines landmine ied device bomb bombs missile missiles haul stockpile drone drones grenade grenades "
    "pistol pistols gun guns firearm firearms".split()
)
#: objects of "set up", "establish", "open" that make a base or headquarters
BASE_NOUNS: frozenset[str] = frozenset(
    "base headquarters outpost camp garrison post airbase hq command centre center position positions checkpoint "
    "checkpoints hideout hideouts".split()
)
#: objects of "form", "create", "appoint" that make a change to an armed group or its leadership
GROUP_NOUNS: frozenset[str] = frozenset(
    "group coalition alliance corps brigade battalion militia council movement front unit force leader commander "
    "chief deputy head emir faction guard guards".split()
)
#: verbs that say a group changed: formed, merged, appointed, dissolved, incorporated
GROUP_CHANGE_VERBS: frozenset[str] = frozenset("form create appoint name dissolve disband incorporate merge".split())

#: verbs that set up a base when their object is one of BASE_NOUNS
BASE_VERBS: frozenset[str] = frozenset("establish set open build install instal inaugurate erect".split())
#: verbs that give up a place without a fight ("handed over control of the town")
HANDOVER_VERBS: frozenset[str] = frozenset("hand cede surrender transfer return".split())
#: regaining territory: with a state actor as source, ACLED's "Government regains territory"
REGAIN_VERBS: frozenset[str] = frozenset("recapture retake regain reclaim liberate recover reoccupy".split())
#: people who demonstrate: the target of force used against them makes "Excessive force against protesters"
PROTESTER_WORDS: frozenset[str] = frozenset("protester demonstrator marcher protest demonstration rally".split())
#: subjects that make an attack by a crowd a riot (demonstrators) or mob violence (others)
RIOTER_WORDS: frozenset[str] = frozenset("rioter protester demonstrator supporter student youth fan hooligan".split())
MOB_WORDS: frozenset[str] = frozenset("mob crowd villager resident vigilante local locals community".split())
#: subjects that make "blocked" a protest (obstruction)
BLOCKER_WORDS: frozenset[str] = frozenset(
    "protester demonstrator farmer miner worker student driver trucker activist teacher".split()
)
#: aid nouns that carry the aid when "aid" is their modifier ("an aid convoy", "a military aid package")
AID_CARRIERS: frozenset[str] = frozenset("package convoy shipment delivery consignment".split())
#: nouns of a stretch of time or a run of events: "<N> days of fighting", "a wave of riots" name the event itself
SPELL_NOUNS: frozenset[str] = frozenset(
    "day week month year hour night round wave series spate surge bout case pattern campaign".split()
)
#: what a warning must be about to be a threat ("warned it would respond to any attack")
FORCE_WARNING_WORDS: frozenset[str] = frozenset(
    "attack action respond retaliate retaliation force strike consequence war military response sanction "
    "punish destroy expel revoke burn tariff tariffs confiscate confiscated seize seized arrest arrested "
    "countermeasure countermeasures sever".split()
)
#: nouns whose "on/over/about" complement is a topic, not an event ("talks on a new agreement")
TOPIC_HOLDERS: frozenset[str] = frozenset("talk negotiation meeting discussion debate consultation".split())
#: modifiers that make a bare "aid" an event ("50 million euros in humanitarian aid")
AID_KINDS: frozenset[str] = frozenset("humanitarian military economic food emergency financial relief".split())
#: what blowing up or burning destroys (property destruction, not an attack on people)
PROPERTY_NOUNS: frozenset[str] = frozenset(
    "bridge pipeline railway rail line tower building house home depot dam plant station office shop car "
    "equipment vehicle truck".split()
)
AID_OBJECTS: frozenset[str] = frozenset(
    "aid assistance food medicine weapon weapons arm arms system systems ammunition loan grant fund funds wheat "
    "grain fuel supplies goods rice water kit kits tent tents equipment relief medicines blanket blankets".split()
)

# sector of a generic actor noun when the knowledge base has nothing better (head lemma -> sector, ACLED inter)
ACTOR_NOUNS: dict[str, tuple[str | None, int | None]] = {
    "military": ("MIL", 1),
    "army": ("MIL", 1),
    "troop": ("MIL", 1),
    "soldier": ("MIL", 1),
    "force": ("MIL", 1),
    "serviceman": ("MIL", 1),
    "servicemen": ("MIL", 1),
    "navy": ("MIL", 1),
    "unit": ("MIL", 1),
    "jet": ("MIL", 1),
    "police": ("COP", 1),
    "policeman": ("COP", 1),
    "officer": ("COP", 1),
    "gendarmerie": ("COP", 1),
    "government": ("GOV", 1),
    "ministry": ("GOV", 1),
    "minister": ("GOV", 1),
    "president": ("GOV", 1),
    "authority": ("GOV", 1),
    "official": ("GOV", 1),
    "spokesman": ("GOV", None),
    "counterpart": ("GOV", 1),
    "side": ("GOV", None),
    "delegation": ("GOV", None),
    "diplomat": ("GOV", 1),
    "embassy": ("GOV", 1),
    "militant": ("REB", 2),
    "rebel": ("REB", 2),
    "insurgent": ("REB", 2),
    "jihadist": ("REB", 2),
    "gunman": ("REB", None),
    "fighter": ("REB", None),
    "militia": ("REB", 3),
    "group": (None, None),
    "faction": ("REB", None),
    "terrorist": ("REB", 2),
    "protester": ("CVL", 6),
    "demonstrator": ("CVL", 6),
    "rioter": ("CVL", 5),
    "crowd": ("CVL", 5),
    "mob": ("CVL", 5),
    "child": ("CVL", 7),
    "civilian": ("CVL", 7),
    "resident": ("CVL", 7),
    "villager": ("CVL", 7),
    "student": ("CVL", 7),
    "youth": ("CVL", 7),
    "people": ("CVL", 7),
    "journalist": ("MED", 7),
    "court": ("JUD", 1),
    "judge": ("JUD", 1),
    "parliament": ("LEG", 1),
    "opposition": ("OPP", None),
    "party": ("PTY", None),
    "activist": ("OPP", 6),
    "vehicle": (None, None),
    "convoy": ("MIL", None),
    "posts": (None, None),
}
# noun phrases that name no particular actor
GENERIC_ACTORS: frozenset[str] = frozenset(
    {"both sides", "the sides", "all sides", "all parties", "both parties", "the parties", "everyone", "all"}
)
# words that refer back to two actors mentioned together
PAIR_WORDS: frozenset[str] = frozenset("duo pair two both".split())
PRONOUNS_SINGULAR: frozenset[str] = frozenset("it its itself".split())
PRONOUNS_PERSON: frozenset[str] = frozenset("he him his she her".split())
PRONOUNS_PLURAL: frozenset[str] = frozenset("they them their".split())
