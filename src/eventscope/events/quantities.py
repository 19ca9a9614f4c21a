"""Counts in a sentence: fatalities, injured, arrested, displaced, vehicles, aircraft, troops, crowd size.

Numbers are read by :func:`parse_number` (plain text, no spaCy): digits ("1,200"), number words ("eight",
"twenty-five", "two hundred"), qualifiers ("at least", "more than", "about", "up to") and ranges ("10 to 15",
"10-15", "between 10 and 15": the lower bound, qualifier "range"). Vague amounts follow ACLED's codebook where it
has a rule and are conservative elsewhere: "a handful"/"a few" = 3, "several"/"many" = 10 (ACLED), "a dozen"/"dozens"
= 12 (ACLED), "several/a few dozen" = 24, "several/a few hundred" = 200, "scores" = 20, "hundreds" = 100 (ACLED), "thousands" = 1000; qualifier "vague".

:func:`find_quantities` finds counted nouns in a parsed sentence and tells which token each count hangs from, so the
coder can attach it to the event whose trigger governs it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..model import Quantity
from ..numbers import CARDINALS, TENS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

UNITS = {"zero": 0, **CARDINALS, "a": 1, "an": 1, "single": 1}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
VAGUE = {
    "a handful": 3,
    "handful": 3,
    "several hundred": 200,
    "a few hundred": 200,
    "several thousand": 2000,
    "a few thousand": 2000,
    "several dozen": 24,
    "a few dozen": 24,
    "a few": 3,
    "few": 3,
    "several": 10,
    "many": 10,
    "dozens": 12,
    "a dozen": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
}
QUALIFIERS = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "an estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "fewer than": "up to",
    "less than": "up to",
    "at most": "up to",
}
_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:(?:{_NUMWORD})(?:[\s-]+(?:and\s+)?(?:{_NUMWORD}))*))"
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"\b(?:(?P<qual>{_QUAL})\s+)?(?:"
    rf"(?:between\s+(?P<lo2>{_NUM})\s+and\s+(?P<hi2>{_NUM}))|"
    rf"(?:(?P<lo>\d[\d,]*)\s*(?:-|–)\s*(?P<hi>\d[\d,]*))|"
    rf"(?:(?P<lo3>{_NUM})\s+to\s+(?P<hi3>{_NUM}))|"
    rf"(?P<vague>{_VAGUE})|"
    rf"(?P<num>{_NUM}))\b",
    re.IGNORECASE,
)


def words_to_int(text: str) -> int | None:
    """Digits or English number words -> int ("1,200" -> 1200, "twenty-five" -> 25, "two hundred" -> 200)."""
    t = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return int(float(t))
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if w == "and" or not w:
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


class NumberReading(NamedTuple):
    value: int
    qualifier: str | None
    start: int  # offsets into the text given to parse_number
    end: int


def parse_number(text: str) -> NumberReading | None:
    """The first amount in ``text`` with its qualifier, or None."""
    readings = read_numbers(text)
    return readings[0] if readings else None


def read_numbers(text: str) -> list[NumberReading]:
    """Every amount in ``text`` with its qualifier, in order."""
    out: list[NumberReading] = []
    for m in NUMBER_RE.finditer(text):
        qual = QUALIFIERS.get(m.group("qual").lower()) if m.group("qual") else None
        if m.group("vague"):
            out.append(NumberReading(VAGUE[m.group("vague").lower()], qual or "vague", m.start(), m.end()))
            continue
        lo = m.group("lo") or m.group("lo2") or m.group("lo3")
        if lo:
            value = words_to_int(lo)
            if value is not None:
                out.append(NumberReading(value, "range", m.start(), m.end()))
            continue
        num = m.group("num")
        if num and num.lower() not in ("a", "an"):
            value = words_to_int(num)
            if value is not None:
                out.append(NumberReading(value, qual, m.start(), m.end()))
    return out


# counted noun lemma -> kind
NOUN_KINDS: dict[str, str] = {
    **dict.fromkeys("vehicle tank truck apc car jeep humvee bulldozer carrier armor armour".split(), "vehicles"),
    **dict.fromkeys("helicopter jet aircraft drone warplane plane bomber uav fighter-jet airplane".split(), "aircraft"),
    **dict.fromkeys(
        "troop soldier serviceman servicemen personnel policeman marine paratrooper reservist commando".split(),
        "troops",
    ),
    **dict.fromkeys("protester demonstrator rioter supporter marcher".split(), "crowd"),
    **dict.fromkeys("death fatality dead".split(), "fatalities"),
    **dict.fromkeys("injury casualty".split(), "injured"),
    **dict.fromkeys("refugee evacuee".split(), "displaced"),
}
# verb lemma governing a counted person -> kind
VERB_KINDS: dict[str, str] = {
    **dict.fromkeys("kill die slay execute murder behead massacre".split(), "fatalities"),
    **dict.fromkeys("wound injure hurt maim".split(), "injured"),
    **dict.fromkeys("arrest detain apprehend jail imprison round".split(), "arrested"),
    **dict.fromkeys("displace flee evacuate uproot".split(), "displaced"),
    **dict.fromkeys("abduct kidnap".split(), "abducted"),
    **dict.fromkeys("gather rally march protest demonstrate assemble throng riot converge".split(), "crowd"),
}
ADJ_KINDS: dict[str, str] = {"dead": "fatalities", "injured": "injured", "wounded": "injured", "killed": "fatalities"}
PERSON_NOUNS: frozenset[str] = frozenset(
    "people person civilian man woman child resident villager soldier militant fighter member student worker "
    "policeman officer protester demonstrator passenger pilgrim migrant journalist".split()
)


_PEOPLE_EXTRA = frozenset(
    "youth farmer activist teenager boy girl supporter villager pensioner guest worshipper worshiper trader "
    "labourer laborer rebel insurgent guerrilla detainee prisoner inmate hostage thief suspect miner teacher "
    "christian muslim shopper voter patient doctor nurse".split()
)
#: a result word next to the verb: "left five soldiers dead", "shot dead 19 protesters"
_RESULT_DEPS = frozenset("oprd acomp xcomp ccomp advmod prt dobj".split())


class Found(NamedTuple):
    quantity: Quantity
    anchor: Token  # the token the count depends on (its governing verb or noun)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a counted noun is an argument of, through "of" and number words ("dozens of youths rioted")."""
    tok = noun
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if tok.dep_ == "conj":  # "nine soldiers and five militants died"
            tok = head
            continue
        if (
            head.dep_ in ("pobj", "prep", "nummod", "quantmod")
            or head.like_num
            or head.lower_ in VAGUE
            or tok.dep_ in ("pobj", "prep")
        ):
            tok = head
            continue
        return None
    return None


def _kind_for(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    # a counted person who was killed/wounded/arrested: the verb decides
    verb = _governing_verb(noun)
    person = (
        lemma in PERSON_NOUNS or lemma in NOUN_KINDS or noun.pos_ in ("NUM", "PRON") or lemma in _PEOPLE_EXTRA
        or noun.ent_type_ == "NORP"
    )
    if verb is not None and person:
        for c in verb.children:
            if c.dep_ in _RESULT_DEPS and c.lower_ in ADJ_KINDS and c.i != noun.i:
                return ADJ_KINDS[c.lower_]  # "leaving four soldiers dead", "shot dead 19 protesters"
            if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
                return "fatalities"  # "hacked / beat to death 40 people"
        if verb.lemma_.lower() in VERB_KINDS:
            return VERB_KINDS[verb.lemma_.lower()]
    for child in noun.children:
        if child.dep_ in ("amod", "acl") and child.lower_ in ADJ_KINDS:
            return ADJ_KINDS[child.lower_]
    if lemma in NOUN_KINDS:
        return NOUN_KINDS[lemma]
    if noun.lower_ in NOUN_KINDS:
        return NOUN_KINDS[noun.lower_]
    if lemma == "police" or (lemma == "officer" and any(c.lower_ == "police" for c in noun.children)):
        return "troops"
    return None


def _unit(noun: Token) -> str:
    mods = [
        c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and c.ent_type_ != "NORP"
    ]
    mods = [c for c in mods if c.lower_ not in ("more", "additional", "other", "new")]
    return " ".join([*(m.text for m in mods), noun.text])


def find_quantities(sentence: SpacySpan, offset: int) -> list[Found]:
    """Counted things in a sentence, each with document offsets and the token it hangs from."""
    found: list[Found] = []
    used: set[int] = set()
    for tok in sentence:
        if tok.i in used or not (tok.like_num or tok.lower_ in VAGUE or tok.lower_ in ("dozen", "handful", "few")):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
            continue
        # the counted noun: the head of a nummod, or a number standing alone as subject/object ("five were killed")
        noun = tok
        while noun.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod") and noun.head.i != noun.i:
            noun = noun.head
            if noun.pos_ in ("NOUN", "PROPN"):
                break
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num:
            continue
        if noun.pos_ == "ADP" or noun.lower_ in ("of",):
            continue
        if noun.i != tok.i and noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.i == tok.i and noun.lower_ in VAGUE:
            # "dozens of protesters": the counted noun is the object of "of"
            of = next((c for c in noun.children if c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                noun = obj
        kind = _kind_for(noun)
        if kind is None:
            continue
        first = max(tok.i - 3, sentence.start)
        s_char = sentence.doc[first].idx
        e_char = max(noun.idx + len(noun.text), tok.idx + len(tok.text))
        window = sentence.doc.text[s_char:e_char]
        pos = tok.idx - s_char
        reading = next((r for r in read_numbers(window) if r.start <= pos < r.end), None)
        if reading is None:
            continue
        start = s_char + reading.start
        end = e_char
        text = sentence.doc.text[start:end]
        used.update(t.i for t in sentence if start <= t.idx < end)
        anchor = noun.head if noun.i != noun.head.i else noun
        found.append(
            Found(
                Quantity(
                    kind=kind,
                    value=reading.value,
                    text=text,
                    start=offset + start,
                    end=offset + end,
                    qualifier=reading.qualifier,
                    unit=_unit(noun) if noun.i != tok.i else None,
                ),
                anchor,
            )
        )
    return found
