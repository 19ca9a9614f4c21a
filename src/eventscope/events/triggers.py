"""Trigger detection over a parsed sentence: verbs, event nominals, light-verb constructions, with context rules.

A trigger is a head word (verb or event noun) plus, for a noun, the verb that makes it an event ("conducted" in
"conducted a joint patrol", "erupted" in "clashes erupted"). Each trigger carries its PLOVER type, mode, the CAMEO
code suggested by the word, its strength (from the lexicon) and a certainty (lower when a context rule had to guess).
Definite event nouns that do not start a new event ("The patrol ... set off", "after the invasion") are returned
as anaphors so the coder can attach their sentence to an earlier event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import context as C
from . import context_data as D
from . import lexicon as L
from . import phrasal as P
from .argread import crowd_control
from .idioms import idiom_sense

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: every lemma that can start a trigger (sentence pre-filter)
TRIGGER_LEMMAS: frozenset[str] = frozenset(
    {*L.VERB_TRIGGERS, *L.NOUN_TRIGGERS, *L.CONTEXT_VERBS, *C.SPECIAL_LEMMAS, *L.JOINT_OPERATION_NOUNS, "sit"}  # "sit": the tokenizer splits "sit-in"
)
_DEFINITE = frozenset("the this that these those".split())
_GATHER_VERBS = frozenset("gather assemble march rally converge take".split())
VAGUE_CROWDS = frozenset("thousands hundreds dozens scores".split())
_MISSILES = frozenset("stone rock brick molotov cocktail bottle firebomb".split())
_PROTESTERS = frozenset("protester demonstrator marcher activist".split())
_TROOP_SEND_VERBS = frozenset("send dispatch rush station mass move bring deploy order".split())
_LIFTABLE = frozenset("ban sanction curfew restriction siege blockade embargo lockdown".split())
_MEETABLE_NOT = frozenset(
    "demand need requirement target deadline criterion standard expectation goal payment repayment obligation "
    "condition commitment debt increase quota cost challenge".split()
)
_RELEASABLE = frozenset(
    "prisoner detainee hostage captive activist journalist man woman people person soldier student leader "
    "dissident national citizen sailor crew member mayor worker missionary pupil agent politician reporter "
    "foreigner official aid-worker tourist suspect inmate convict fisherman fishermen child children protester "
    "migrant priest".split()
)
_CAPTIVES = frozenset(
    "militant fighter rebel insurgent terrorist suspect soldier commander leader mastermind member man woman "
    "people person civilian journalist hostage".split()
)
_REQUEST_NOT = frozenset("anonymity comment".split())
_FUNDS = frozenset("dollar euro yen pound fund tranche loan grant aid".split())
_WITHDRAWABLE = frozenset("troop force soldier unit personnel army military missile weapon tank".split())


@dataclass
class Trigger:
    head: Token
    light: Token | None
    type: str
    mode: str | None
    cameo: str | None
    strength: float
    certainty: float = 1.0
    nominal: bool = False
    definite: bool = False
    planned_by_preposition: bool = False
    extra: list[Token] = field(default_factory=list)  # other words of the same event ("killed" ... "when X clashed")

    @property
    def tokens(self) -> tuple[Token, ...]:
        return (self.head,) if self.light is None else (self.head, self.light)

    def span_chars(self) -> tuple[int, int]:
        """Character range (in the doc) of the trigger words: light verb .. head when close, else the head."""
        doc = self.head.doc
        lo, hi = self.head.i, self.head.i
        if (
            self.light is not None
            and abs(self.light.i - self.head.i) <= 6
            and not any(
                t.dep_ == "prep" for t in doc[min(self.light.i, self.head.i) + 1 : max(self.light.i, self.head.i)]
            )
        ):
            lo, hi = min(lo, self.light.i), max(hi, self.light.i)
        for c in doc[hi].children:  # particle: "carried out", "shot down"
            if c.dep_ == "prt" and c.i == hi + 1:
                hi = c.i
        if self.nominal:  # "air strikes": include a compound modifier directly before the noun
            first = doc[lo]
            if first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == first.i:
                lo = first.i - 1
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def lemma_of(tok: Token) -> str:
    """The token's lemma, lower case, with known lemmatizer slips fixed (and "sit-in", which the tokenizer splits)."""
    if tok.lower_ == "sit" and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and tok.nbor(2).lower_ == "in":
        return "sit-in"
    return L.LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())


def _split_noun(tok: Token, lemma: str) -> Trigger | None:
    """A hyphenated event noun the parser splits ("staged a sit-in"): an event with the light verb above it."""
    gov = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if gov is None or lemma_of(gov) not in L.LIGHT_VERBS:
        return None
    s = L.NOUN_TRIGGERS[lemma]
    return Trigger(tok, gov, s.type, s.mode, s.cameo, s.strength, nominal=True)


def _mods(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            out.add(c.lemma_.lower())
            out.update(cc.lemma_.lower() for cc in c.children if cc.dep_ in ("compound", "amod"))
    return out


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas of a verb's objects and of the objects of its prepositions ("agreed to a ceasefire")."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            out.add(c.lemma_.lower())
        elif c.dep_ == "prep":
            out.update(o.lemma_.lower() for o in c.children if o.dep_ == "pobj")
    return out


def _is_definite(tok: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON") for c in tok.children
    )


def _subjects(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subj + [cc for s in subj for cc in s.conjuncts]


def _is_joint(noun: Token, light: Token | None) -> bool:
    mods = _mods(noun)
    if mods & L.JOINT_WORDS:
        return True
    norp = [c for c in noun.children if c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound")]
    if len(norp) + sum(len(c.conjuncts) for c in norp) >= 2:
        return True
    verb = light if light is not None else (noun if noun.pos_ == "VERB" else None)
    if verb is not None:
        if any(c.lower_ in ("jointly", "together") for c in verb.children):
            return True
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].conjuncts:  # "the Russian Military Police and the Turkish military": two countries
            sides = [subj[0], *subj[0].conjuncts]
            names = {
                t.lower_ for side in sides for t in side.subtree if t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN"
            }
            return len(names) >= 2
    return False


def _refine(tr: Trigger) -> Trigger | None:
    """Context rules that change or reject a sense."""
    head, lemma = tr.head, lemma_of(tr.head)
    mods = _mods(head)
    if lemma == "patrol" or (lemma in ("exercise", "drill")):
        if lemma in ("exercise", "drill") and not mods & {"military", "naval", "joint", "air", "war", "combat"}:
            return None
        if _is_joint(head, tr.light):
            tr.type, tr.mode, tr.cameo = "COOPERATE", "military", "062"
    elif lemma in ("strike", "attack", "bombing", "raid"):
        if mods & L.AIR_WORDS:
            tr.mode, tr.cameo, tr.strength = "aerial", "195", max(tr.strength, 0.9)
        elif mods & L.HEAVY_WORDS:
            tr.mode, tr.cameo, tr.strength = "heavy-weapons", "194", max(tr.strength, 0.85)
        elif "suicide" in mods:
            tr.mode, tr.cameo = "suicide-attack", "1831"
        elif mods & L.EXPLOSIVE_WORDS:
            tr.mode, tr.cameo = "explosives", "183"
        elif lemma == "strike" and (
            mods & L.LABOR_STRIKE_WORDS
            or (head.head.lower_ == "on" and head.head.head.lemma_ in ("go", "be", "stay"))
            or P.strikers(head, tr.light)
        ):
            tr.type, tr.mode, tr.cameo, tr.strength = "PROTEST", "strike", "143", 0.8
        elif lemma == "strike":
            tr.certainty = 0.6
    elif lemma in ("stone", "throw", "hurl", "pelt") and tr.mode not in ("grenade", "explosives", "chemical"):
        subj = _subjects(head)
        words = {s.lemma_.lower() for s in subj} | {
            g.lemma_.lower() for s in subj for p in s.children if p.lower_ == "of" for g in p.children
        }
        if words & L.RIOTER_WORDS:  # demonstrators throwing stones: ACLED's violent demonstration
            tr.type, tr.mode, tr.cameo = "PROTEST", "riot", "145"
        elif words & L.CROWD_NOUNS:  # a crowd that is not demonstrating: mob violence
            tr.type, tr.mode, tr.cameo = "PROTEST", "mob", "145"
        else:
            tr.certainty = 0.7
    elif tr.type == "AGREE" and (mods | _near_lemmas(tr.light or head)) & L.CEASEFIRE_WORDS:
        tr.mode, tr.cameo = "ceasefire", "0871"
    elif lemma == "talk" and head.tag_ != "NNS":
        return None
    elif lemma in ("deal", "pact", "aid", "cooperation") and tr.light is None and not _aid_named(head):
        return None
    elif lemma in ("release", "free"):
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if head.dep_ == "acl":
            objs.append(head.head)
        if lemma == "release" and any(w.lemma_.lower() in _FUNDS or w.ent_type_ == "MONEY" for o in objs
                                      for w in o.subtree):
            tr.type, tr.mode, tr.cameo = "AID", "economic", "071"  # "released 1.1 billion dollars to Egypt"
            return C.refine(tr)
        if not any(o.lemma_.lower() in _RELEASABLE | L.CROWD_NOUNS or o.ent_type_ in ("PERSON", "NORP")
                   for o in objs):
            return None
    elif lemma in ("rally", "march", "demonstrate"):
        subj = _subjects(head)
        if any(c.dep_ in ("ccomp", "dobj") for c in head.children) or not any(
            s.lemma_.lower() in L.CROWD_NOUNS
            or s.lemma_.lower() in L.ACTOR_NOUNS
            or s.like_num
            or s.ent_type_ in ("ORG", "NORP", "PERSON", "CARDINAL")
            or s.lower_ in VAGUE_CROWDS
            for s in subj
        ):
            return None
    elif lemma in ("request", "ask"):
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and objs[0].lemma_.lower() in _REQUEST_NOT:
            return None
    elif lemma == "withdraw" and not tr.nominal:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and objs[0].lemma_.lower() not in _WITHDRAWABLE:
            return None
    elif lemma == "agree" and any(c.dep_ == "ccomp" for c in head.children):
        return None  # "economists agreed that ..." is an opinion
    elif lemma == "lift":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if not objs or objs[0].lemma_.lower() not in _LIFTABLE:
            return None
    elif lemma == "meet":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and objs[0].lemma_.lower() in _MEETABLE_NOT:
            return None
    elif lemma in ("seize", "capture", "take") and tr.mode not in ("arrest", "abduct", "regain"):
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if objs and (objs[0].lemma_.lower() in L.TERRITORY_NOUNS or objs[0].ent_type_ in ("GPE", "LOC", "FAC")):
            tr.type, tr.mode, tr.cameo = "ASSAULT", "territory", "192"
        elif objs and P.abductors(head):
            tr.type, tr.mode, tr.cameo = "ASSAULT", "abduct", "181"  # "was seized by gunmen"
        elif objs and objs[0].lemma_.lower() in _CAPTIVES - D.HUMAN_NOUNS | {"militant", "fighter", "suspect"}:
            tr.type, tr.mode, tr.cameo = "COERCE", "arrest", "173"  # "captured two militants"
        elif objs and (objs[0].ent_type_ == "PERSON" or objs[0].lemma_.lower() in _CAPTIVES | D.HUMAN_NOUNS):
            tr.type, tr.mode, tr.cameo = "ASSAULT", "abduct", "181"  # "gunmen seized 15 worshippers"
        elif lemma != "take" and objs and objs[0].pos_ == "PROPN" and not objs[0].ent_type_:
            tr.type, tr.mode, tr.cameo = "ASSAULT", "territory", "192"  # a place the tagger does not know
    if tr.type in ("ASSAULT", "COERCE", "MOBILIZE") and not tr.nominal and any(
            c.lower_ in ("jointly", "together") and c.dep_ == "advmod" for c in head.children):
        tr.type, tr.mode, tr.cameo = "COOPERATE", "military", "062"  # "jointly arrested", "fighting ... together"
    if tr.type == "MOBILIZE" and tr.mode == "troops":
        words = {t.lemma_.lower() for t in (head, *(tr.light.subtree if tr.light is not None else head.subtree))}
        if "police" in words or "gendarmerie" in words:
            tr.mode, tr.cameo = "police", "153"
    return C.refine(tr)


def _special_verb(tok: Token) -> Trigger | None:
    """Verbs whose meaning depends on an argument: send troops, units arrived, fire rockets, call on."""
    lemma = lemma_of(tok)
    sense = C.special_sense(tok)
    if sense is not None:
        return Trigger(tok, None, sense.type, sense.mode, sense.cameo, sense.strength)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in _TROOP_SEND_VERBS and objs:
        obj = objs[0]
        words = {obj.lemma_.lower(), obj.lower_} | {
            g.lemma_.lower() for p in obj.children if p.lower_ == "of" for g in p.children
        }
        words |= {m.lemma_.lower() for m in obj.children if m.dep_ in ("amod", "compound")}
        words |= {c.lemma_.lower() for c in obj.conjuncts}  # "moved heavy armour and several thousand troops"
        words |= {m.lemma_.lower() for p in obj.children if p.lower_ == "of" for g in p.children
                  for m in g.children if m.dep_ in ("amod", "compound")}  # "40 tonnes of relief material"
        if words & D.RELIEF_WORDS:
            return Trigger(tok, None, "AID", "humanitarian", "073", 0.75)  # "sent a medical brigade"
        if words & L.TROOP_NOUNS:
            return Trigger(tok, None, "MOBILIZE", "troops", "154", 0.85)
        to_country = any(g.ent_type_ == "GPE" for c in tok.children if c.lower_ == "to" for g in c.children)
        if words & L.WEAPON_NOUNS and to_country:
            return Trigger(tok, None, "AID", "military", "072", 0.7)  # "sends missiles to Kyiv"
        if words & L.WEAPON_NOUNS:
            return Trigger(tok, None, "MOBILIZE", "weapons", "154", 0.75)
    if lemma in _GATHER_VERBS:
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        words = {
            w.lemma_.lower()
            for s in subj
            for w in (s, *(g for p in s.children if p.lower_ == "of" for g in p.children))
        }
        if words & _PROTESTERS:
            return Trigger(tok, None, "PROTEST", "demo", "141", 0.8)
    if lemma == "go" and any(c.lower_ == "off" and c.dep_ in ("prt", "advmod", "prep") for c in tok.children):
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj and (_mods(subj[0]) | {subj[0].lemma_.lower()}) & L.EXPLOSIVE_WORDS:
            return Trigger(tok, None, "ASSAULT", "explosives", "183", 0.75)  # "a car bomb went off"
    if lemma in ("throw", "hurl", "pelt") and any(
        o.lemma_.lower() in _MISSILES for c in tok.children if c.dep_ in ("dobj", "prep") for o in (c, *c.children)
    ):
        return _refine(Trigger(tok, None, "ASSAULT", "primitive", "182", 0.75))
    if lemma == "arrive":
        for s in (c for c in tok.children if c.dep_ == "nsubj"):
            words = {s.lemma_.lower()} | {g.lemma_.lower() for p in s.children if p.lower_ == "of" for g in p.children}
            if words & L.TROOP_NOUNS:
                return Trigger(tok, None, "MOBILIZE", "troops", "154", 0.75)
    if lemma in ("fire", "launch", "use") and crowd_control(
        {w.lemma_.lower() for o in objs for w in (o, *o.children)}
    ):
        # "police fired tear gas / water cannon at the crowd": force used on a protest, not an armed attack
        return Trigger(tok, None, "PROTEST", "intervention", "175", 0.8)
    if lemma in ("fire", "launch"):
        if any(o.lemma_.lower() in L.HEAVY_WORDS for o in objs):
            return Trigger(tok, None, "ASSAULT", "heavy-weapons", "194", 0.85)
        if any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon") for c in tok.children):
            return Trigger(tok, None, "ASSAULT", "firearms", "190", 0.75)
    if lemma == "call" and any(c.lower_ in ("on", "for", "upon") and c.dep_ in ("prep", "prt") for c in tok.children):
        return Trigger(tok, None, "REQUEST", None, "020", 0.8)
    return None


_CONSEQUENCE_VERBS = frozenset("kill wound injure leave".split())


def _skip_verb(tok: Token) -> bool:
    if tok.dep_ in ("amod", "compound") or tok.lemma_.lower() in L.SAY_VERBS:
        return True
    # "clashes broke out ..., killing 14": the killing is the consequence of the event it modifies
    if tok.lemma_.lower() in _CONSEQUENCE_VERBS and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
        gov = tok.head
        if gov.lemma_.lower() in TRIGGER_LEMMAS or any(
            c.lemma_.lower() in L.NOUN_TRIGGERS for c in gov.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")
        ):
            return True
    # habitual present in a relative clause: "whose jets patrol the area"
    if (
        tok.dep_ == "relcl"
        and tok.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    ):
        return True
    return False


def _governor(noun: Token, type_: str) -> Token | None:
    """The verb that makes an event noun an event, if any."""
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass"):  # "launched a missile and drone attack"
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lem = lemma_of(head)
        if lem in L.LIGHT_VERBS or lem in L.PERCEPTION_VERBS:
            return head
        if lem in L.VERB_TRIGGERS and L.VERB_TRIGGERS[lem].type == type_:  # "signed an agreement"
            return head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in L.OCCURRENCE_VERBS:
        return head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "into")
        and head.head.lemma_.lower() in ("engage", "participate", "involve", "kill", "die", "wound", "injure")
    ):
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "part" and head.head.lemma_ == "take":
        return head.head
    if noun.dep_ in ("xcomp", "ccomp", "dobj") and head.lemma_.lower() in L.PERCEPTION_VERBS:
        return head
    return None


def _aid_named(noun: Token) -> bool:
    """ "humanitarian aid", "an aid convoy": aid named by its kind or its carrier is an event without a verb."""
    if noun.lemma_.lower() != "aid":
        return False
    carrier = noun.dep_ == "compound" and noun.head.lemma_.lower() in L.AID_CARRIERS
    return carrier or bool(_mods(noun) & L.AID_KINDS)


def _rejected_noun(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ == "compound":
        return not _aid_named(noun)
    # a characterisation: "views X as an attack", "called it an invasion"
    if head.lower_ == "as" and head.head.lemma_.lower() in L.OPINION_VERBS:
        return True
    if noun.dep_ in ("oprd", "attr") and head.lemma_.lower() in L.OPINION_VERBS:
        return True
    if noun.dep_ == "dobj" and head.lemma_.lower() in L.OPINION_VERBS and (
        head.lemma_.lower() != "call" or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in head.children)
    ):  # "called the deal a killer move" is an opinion, "called a general strike" an event
        return True
    # cessation / prevention: "put an end to attacks", "halt the shelling"
    if head.lower_ == "to" and head.head.lemma_.lower() in L.PREVENTION_WORDS:
        return True
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() == "end":
        return True
    if head.lower_ == "to" and any(c.dep_ == "dobj" and c.lemma_.lower() == "end" for c in head.head.children):
        return True
    return noun.dep_ == "dobj" and head.lemma_.lower() in L.PREVENTION_WORDS


def _noun_has_arguments(noun: Token, type_: str) -> bool:
    """An event noun without a governing verb is an event when it names its participants."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN" and type_ != "AGREE":
            return True
        if c.dep_ != "prep":
            continue
        p = c.lower_
        if p in ("between", "by") or (p == "against" and type_ != "AGREE"):
            return True
        if (p == "with" and type_ in ("CONSULT", "COOPERATE")) or (p == "on" and type_ == "ASSAULT"):
            return True
    if type_ == "ASSAULT" and noun.lemma_.lower() == "strike" and (
        _mods(noun) & L.LABOR_STRIKE_WORDS
        or (noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in ("go", "be", "stay"))
    ):
        return True  # "a general strike called by unions", "will go on an indefinite strike"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in L.SPELL_NOUNS:
        return True  # "after two days of heavy fighting", "a wave of prison riots"
    return type_ == "AID" and _aid_named(noun)


def _claimed(noun: Token) -> bool:
    """ "claimed responsibility for the bombing" names an event even with a definite article."""
    prep, resp = noun.head, noun.head.head
    return noun.dep_ == "pobj" and prep.lower_ == "for" and resp.lemma_.lower() == "responsibility"


def _ahead_of(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ == "pobj" and (
        (head.lower_ == "of" and head.head.lower_ == "ahead") or (head.lower_ == "before" and noun.tag_ == "NNS")
    )


def _headline_verb(tok: Token, sentence: SpacySpan, lemma: str) -> bool:
    """The verb of a headline the tagger read as a noun ("Turkey halts all trade with Israel", "Erdogan rails
    against ..."): the root of a sentence without closing punctuation, after a name, with a verb trigger's lemma."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("NNS", "NN") or tok.i == sentence.start:
        return False
    if sentence[-1].text in (".", "!", "?", ":") or len(sentence) > 20:
        return False
    if not (lemma in L.VERB_TRIGGERS or lemma in C.SPECIAL_LEMMAS):
        return False
    before = tok.doc[tok.i - 1]
    return before.pos_ == "PROPN" or before.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")


def find_triggers(sentence: SpacySpan) -> tuple[list[Trigger], list[Token]]:
    """Triggers of a sentence (one per event) and definite event nouns that refer back to earlier events."""
    triggers: list[Trigger] = []
    anaphors: list[Token] = []
    claimed_verbs: set[int] = set()
    for tok in sentence:
        lemma = lemma_of(tok)
        if lemma not in TRIGGER_LEMMAS:
            continue
        if lemma == "sit-in" and tok.dep_ in ("compound", "nmod", "amod"):
            split = _split_noun(tok, lemma)
            if split is not None:
                claimed_verbs.add(split.tokens[-1].i)
                triggers.append(split)
            continue
        if tok.pos_ == "NOUN" and lemma in L.JOINT_OPERATION_NOUNS and _mods(tok) & L.JOINT_WORDS:
            gov = _governor(tok, "COOPERATE")  # "a joint sweep of the forests", "a coordinated operation"
            if gov is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                gov = tok.head  # "formed a joint unit", "launched a combined offensive"
            if gov is not None:
                claimed_verbs.add(gov.i)
            triggers.append(Trigger(tok, gov, "COOPERATE", "military", "062", 0.75, nominal=True))
            continue
        as_verb = tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and _headline_verb(tok, sentence, lemma))
        if not as_verb and tok.pos_ in ("NOUN", "PROPN") and lemma in L.NOUN_TRIGGERS:
            sense = L.NOUN_TRIGGERS[lemma]
            if _rejected_noun(tok):
                continue
            definite = _is_definite(tok)
            gov = _governor(tok, sense.type)
            if definite and gov is None and not any(c.lower_ == "between" for c in tok.children) and not _claimed(tok):
                anaphors.append(tok)
                continue
            if gov is None and tok.dep_ == "attr":
                anaphors.append(tok)
                continue
            planned = _ahead_of(tok)
            if gov is None and not (planned or _claimed(tok) or _noun_has_arguments(tok, sense.type)):
                continue
            tr = Trigger(
                tok,
                gov,
                sense.type,
                sense.mode,
                sense.cameo,
                sense.strength,
                nominal=True,
                definite=definite,
                planned_by_preposition=planned,
            )
            if gov is not None:
                claimed_verbs.add(gov.i)
            refined = _refine(tr)
            if refined is not None:
                triggers.append(refined)
        elif as_verb:
            modifier = tok.dep_ in ("amod", "compound")
            idiom = None if modifier else idiom_sense(tok, lemma)
            if idiom is not None:  # an idiom wins over the bare verb and its context rules ("declared ... non grata")
                triggers.append(Trigger(tok, None, idiom.type, idiom.mode, idiom.cameo, idiom.strength))
                continue
            if _skip_verb(tok) and (lemma != "announce" or modifier):
                continue  # "announced a new commander" is the change it announces
            special = _special_verb(tok)
            if special is not None:
                special = _refine(special)
            if special is not None:
                triggers.append(special)
                continue
            if lemma in L.VERB_TRIGGERS:
                s = L.VERB_TRIGGERS[lemma]
                refined = _refine(Trigger(tok, None, s.type, s.mode, s.cameo, s.strength))
                if refined is not None:
                    triggers.append(refined)
    # one event per trigger: a verb that governs an event noun is part of that noun's trigger
    out = [t for t in triggers if t.nominal or t.head.i not in claimed_verbs]
    out = [t for t in out if not C.restates(t, out)]
    out = [t for t in out if not C.bare_accusation(t, out) and not C.motive(t, out)]
    protests = {t.head.i for t in out if t.type == "PROTEST"} | {
        t.light.i for t in out if t.type == "PROTEST" and t.light is not None
    }
    out = [t for t in out if not (t.type == "REQUEST" and C.purpose_of_protest(t.head, protests))]
    policed = {g.i for t in out if t.mode in ("excessive-force", "intervention") for g in C.targets(t.head)}
    out = [
        t for t in out
        if not (t.type == "PROTEST" and t.mode not in ("excessive-force", "intervention") and (
            t.head.i in policed or any(a.i in policed for a in list(t.head.ancestors)[:3] if t.head.dep_ != "ROOT")
        ))
    ]
    # "14 people were killed when government forces and rebels clashed": the killing belongs to the clash
    for t in list(out):
        if t.nominal or lemma_of(t.head) not in _CONSEQUENCE_VERBS:
            continue
        host = next((h for h in out if h.nominal and h.head.i == t.head.head.i), None)
        if t.head.dep_ == "relcl" and host is not None:  # "the bombing, which killed 12 people"
            host.extra.append(t.head)
            out.remove(t)
            continue
        for c in (*t.head.children, *(g for cj in t.head.conjuncts for g in cj.children)):  # "killed and 11
            host = next((h for h in out if h is not t and c in h.tokens and (  # injured when a bomb went off"
                h.type == "ASSAULT" or h.mode in ("riot", "mob", "excessive-force"))), None)
            if c.dep_ == "advcl" and host is not None:
                host.extra.append(t.head)
                out.remove(t)
                break
    return out, anaphors
