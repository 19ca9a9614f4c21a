"""Toponyms in parsed passages, resolved to gazetteer entries with explainable scores.

Mentions come from spaCy GPE/LOC/FAC entities, from entities of other labels that the context or the gazetteer
shows to be places (the small model often tags Arabic town names as PERSON/ORG), and from capitalised n-grams
the model missed. Demonyms, names inside organisation names and person names are not places.

Candidates are ranked by :func:`.scoring.score` (the chosen one's score is ``Place.score``, the best rejected one
is ``runner_up``), twice when the document names first-level divisions: the second pass favours places inside them.
A name the document uses for a disease or a person ("Marburg virus", "Annie Lennox") is not a place elsewhere in it
unless a preposition places it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..model import Place
from .gazetteer import Candidate, Gazetteer
from .geodesy import part_of_box
from .lexicon import (
    ARTICLES,
    CENTRAL_WORDS,
    DEMONYMS,
    DIRECTIONS,
    DISEASE_HEADS,
    LOCAL_HEADS,
    ORG_HEADS,
    REGION_HEADS,
    STRONG_CUES,
    UNITS_KM,
    WEAK_CUES,
)
from .normalize import name_key
from .scoring import _Context, _context, score

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..nlp import Passage

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
HIGHWAY_WORDS = frozenset({"highway", "road", "motorway"})
AREA_FEATURES = frozenset(
    {"PCLI", "ADM1", "ADM2", "CONT", "RGN", "RGNE", "AREA", "ROUTE", "STM", "OCN", "SEA", "BAY", "GULF", "LK", "ISL",
     "ISLS", "MTS", "DSRT", "VAL", "PLN"}
)  # fmt: skip
PRECISION = {"PCLI": "country", "ADM1": "admin1"}  # every other area feature is a "region"; settlements are "place"
CONNECTORS = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "ed",
        "es",
        "et",
        "ez",
        "er",
        "en",
        "esh",
        "ech",
        "-",
        "de",
        "la",
        "du",
        "do",
        "da",
        "dos",
        "das",
        "del",
        "di",
        "of",
        "'s",
    }
)
MAX_NGRAM = 5
MAX_CANDIDATES = 15
NGRAM_MIN_POP = 100_000  # a capitalised n-gram with no cue must name a big place (or a country/division)
WEAK_CUE_MIN_POP = 1_000
RESCUE_MIN_POP = 20_000  # an ORG/NORP entity becomes a place without a cue only if the place is this big


@dataclass(slots=True)
class Mention:
    """A stretch of text naming a place, with the context words that change what it means."""

    start: int  # document offsets of the whole phrase ("northeastern Aleppo countryside")
    end: int
    name: str  # the name to look up ("Aleppo")
    bearing: float | None = None  # "northern Syria" -> 0.0
    central: bool = False
    head: str | None = None  # "countryside", "province", ...
    strong: bool = False  # a cue word says it is a place
    label: str = ""
    cued: bool = False  # a cue word (strong or weak: "in", "near", "town of") comes before it


def _cue(doc: Doc, i: int) -> str | None:
    """'strong' / 'weak' / None for the words before token i (skipping 'the')."""
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].lower_ in ("the", "a") or doc[j].lower_ in DIRECTIONS
                      or doc[j].lower_ in CENTRAL_WORDS):
        j -= 1  # "in northern Mali": the cue is "in" (a doubled space is a token of its own: skipped)
    if j < 0:
        return None
    words = tuple(t.lower_ for t in doc[max(0, j - 1) : j + 1])
    for cue in STRONG_CUES:
        if words[-len(cue) :] == cue:
            return "strong"
    if words[-1] == "of" and len(words) == 2 and (words[0] in DIRECTIONS or words[0] in UNITS_KM):
        return "strong"
    if words[-1] in WEAK_CUES:
        return "weak"
    return None


def _modifiers(doc: Doc, i: int, j: int) -> tuple[int, int, float | None, bool, str | None]:
    """Extend tokens [i, j) over a direction word before and a region noun after."""
    bearing, central, head = None, False, None
    if i > 0 and (doc[i - 1].lower_ in DIRECTIONS or doc[i - 1].lower_ in CENTRAL_WORDS):
        word = doc[i - 1].lower_
        i -= 1
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in DIRECTIONS:
            word = doc[i - 2].lower_ + "-" + word
            i -= 2
        bearing = DIRECTIONS.get(word.replace("-", ""), DIRECTIONS.get(word))
        central = word in CENTRAL_WORDS
    if j < len(doc) and doc[j].lower_ in REGION_HEADS:
        head = doc[j].lower_
        j += 1
    elif j < len(doc) and doc[j].lower_ in LOCAL_HEADS:
        head = doc[j].lower_  # "Betong district": the span stays the name
    return i, j, bearing, central, head


def _org_follows(doc: Doc, j: int) -> bool:
    if j < len(doc) and doc[j].lower_ in DISEASE_HEADS:
        return True  # "Marburg virus", "Reston ebolavirus"
    return j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ in ORG_HEADS


def other_senses(passages: Sequence[Passage]) -> frozenset[str]:
    """Names the document uses for something else, one sense per discourse: the name of a disease ("Marburg" of
    "Marburg virus") and the surname of a person named in full ("Lennox" of "Annie Lennox")."""
    out: set[str] = set()
    for p in passages:
        doc = p.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and _capitalised(ent[-1]) and ent[-1].lower_ not in ORG_HEADS:
                out.add(ent[-1].text.casefold())
        for tok in doc:
            if tok.lower_ in DISEASE_HEADS and tok.i > 0:
                i = tok.i
                while i > 0 and _capitalised(doc[i - 1]):
                    i -= 1
                if i < tok.i:
                    out.add(doc[i : tok.i].text.casefold())
    return frozenset(out)


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int]:
    while i < j and (doc[i].lower_ in ("the", "a", "an") or doc[i].is_punct):
        i += 1
    while j > i and (doc[j - 1].lower_ in ("'s", "’s", "'") or doc[j - 1].is_punct):
        j -= 1
    return i, j


def _capitalised(tok) -> bool:  # noqa: ANN001 - spaCy Token
    t = tok.text
    return len(t) > 1 and t[0].isupper() and any(ch.isalpha() for ch in t) and not tok.like_num


def find_mentions(passage: Passage, gaz: Gazetteer, norp: Counter[str] | None = None) -> list[Mention]:
    """Every place mention of one passage (document offsets)."""
    doc, off = passage.doc, passage.offset
    out: list[Mention] = []
    covered = [False] * len(doc)

    def add(i: int, j: int, strong: bool, label: str) -> None:
        name = doc[i:j].text
        s, e, bearing, central, head = _modifiers(doc, i, j)
        if (
            head is None
            and j < len(doc)
            and doc[j].lower_ in ("highway", "road", "motorway")
            and gaz.known(f"{name} highway")
        ):
            name, e = f"{name} highway", j + 1
        start, end = off + doc[s].idx, off + doc[e - 1].idx + len(doc[e - 1].text)
        out.append(Mention(start, end, name, bearing, central, head, strong, label, _cue(doc, i) is not None))

    deferred: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if covered[ent.start]:
            continue  # swallowed by the extension of an earlier entity
        for k in range(ent.start, ent.end):
            covered[k] = True
        i, j = _trim(doc, ent.start, ent.end)
        while j - i > 1 and (
            doc[j - 1].lower_ in REGION_HEADS or (doc[j - 1].lower_ in LOCAL_HEADS and not gaz.known(doc[i:j].text))
        ):
            j -= 1
        while j - i > 1 and (doc[i].lower_ in DIRECTIONS or doc[i].lower_ in CENTRAL_WORDS or doc[i].text == "-"):
            i += 1
        if i >= j:
            continue
        i, j = _extend(doc, i, j, gaz)
        text = doc[i:j].text
        low = text.casefold()
        if low in ARTICLES or low in CONNECTORS or _partial(doc, i, j):
            continue
        if low in DEMONYMS or low.rstrip("s") in DEMONYMS:
            if norp is not None:
                norp[DEMONYMS.get(low, DEMONYMS.get(low.rstrip("s"), ""))] += 1
            continue
        if _org_follows(doc, ent.end):
            continue
        for k in range(i, j):
            covered[k] = True
        cue = _cue(doc, i)
        has_head = ent.end < len(doc) and doc[ent.end].lower_ in REGION_HEADS
        if ent.label_ in PLACE_LABELS:
            if _is_acronym(text) and not _acceptable(text, gaz.lookup(text), doc[i:j]):
                continue
            if (
                gaz.known(text)
                or cue == "strong"
                or ent.label_ == "GPE"
                or (j < len(doc) and doc[j].lower_ in ("highway", "road"))
            ):
                add(i, j, cue == "strong", ent.label_)
        elif ent.label_ not in NUMERIC_LABELS:
            cands = _acceptable(text, gaz.lookup(text), doc[i:j])
            if cands:
                best = cands[0]
                big = best.feature in AREA_FEATURES or best.population >= RESCUE_MIN_POP
                listed = _in_list(doc, i, off, out)
                if cue == "strong" or has_head or (big and j - i <= 3 and (ent.label_ != "PERSON" or cue or listed)):
                    add(i, j, cue == "strong" or has_head, ent.label_)
                elif j - i <= 3:
                    deferred.append((i, j, ent.label_))
            elif cue == "strong" and _cue_is_settlement(doc, i):
                add(i, j, True, ent.label_)
    _ngram_mentions(doc, covered, gaz, add)
    from .sites import site_mentions  # imports this module

    out.extend(site_mentions(doc, off, out))
    for i, j, label in deferred:  # a name the model tagged otherwise, in a list of places ("Kobane, Tal Abyad")
        if _in_list(doc, i, off, sorted(out, key=lambda m: m.start)):
            add(i, j, False, label)
    out.sort(key=lambda m: m.start)
    return out


def _partial(doc: Doc, i: int, j: int) -> bool:
    """True when tokens [i, j) are only part of a hyphenated name ("Al" of "Al-Midan")."""
    after = j + 1 < len(doc) and doc[j].text == "-" and not doc[j].whitespace_ and _capitalised(doc[j + 1])
    before = i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and _capitalised(doc[i - 2])
    return after or before


def _in_list(doc: Doc, i: int, off: int, found: list[Mention]) -> bool:
    """True when token i follows a place already found, separated by a comma or 'and' ("Aleppo, Homs")."""
    k = i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].lower_ in ("and", "or")):
        k -= 1
    if k < 0 or k == i - 1:
        return False
    end = off + doc[k].idx + len(doc[k].text)
    return any(m.end == end for m in found)


def _extend(doc: Doc, i: int, j: int, gaz: Gazetteer) -> tuple[int, int]:
    """Grow an entity over neighbouring capitalised words when the longer name is in the gazetteer
    ("Tal" + "Abyad" -> "Tal Abyad")."""
    best = (i, j) if gaz.known(doc[i:j].text) else None
    for left in range(i, max(-1, i - 3), -1):
        if left < i and (
            not (_capitalised(doc[left]) or doc[left].lower_ in CONNECTORS)
            or doc[left].lower_ in ("the", "a", "an")
            or (doc[left].is_sent_start and doc[left].is_stop)  # "At Vladivostok": capitalised, but the cue
        ):
            break
        for right in range(min(len(doc), j + 3), j - 1, -1):
            if (left, right) == (i, j) or right - left > MAX_NGRAM:
                continue
            extra = list(range(left, i)) + list(range(j, right))
            if any(not (_capitalised(doc[k]) or doc[k].lower_ in CONNECTORS) for k in extra):
                continue
            if not _capitalised(doc[right - 1]) or not _capitalised(doc[left]):
                continue
            if gaz.known(doc[left:right].text) and (best is None or right - left > best[1] - best[0]):
                best = (left, right)
    return best or (i, j)


def _cue_is_settlement(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in ("town", "village", "city", "hamlet")


def _ngram_mentions(doc: Doc, covered: list[bool], gaz: Gazetteer, add) -> None:  # noqa: ANN001
    n = len(doc)
    i = 0
    while i < n:
        if covered[i] or not _capitalised(doc[i]) or doc[i].lower_ in ("the", "a", "an"):
            i += 1
            continue
        matched = 0
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            j = i + size
            if any(covered[k] for k in range(i, j)) or not _capitalised(doc[j - 1]):
                continue
            if any(not (_capitalised(t) or t.lower_ in CONNECTORS) for t in doc[i:j]):
                continue
            name = doc[i:j].text
            if name.casefold() in ARTICLES or _partial(doc, i, j):
                continue
            cands = _acceptable(name, gaz.lookup(name), doc[i:j])
            if j < n and doc[j].lower_ in HIGHWAY_WORDS and gaz.known(f"{name} highway"):
                cands = gaz.lookup(f"{name} highway")
            if not cands or _org_follows(doc, j) or doc[i:j].text.casefold() in DEMONYMS:
                continue
            best = cands[0]
            cue = _cue(doc, i)
            propn = any(t.pos_ == "PROPN" for t in doc[i:j])
            sentence_start = doc[i].is_sent_start and doc[i].is_stop
            if cue == "strong" or (
                propn
                and not sentence_start
                and (
                    (cue == "weak" and (best.population >= WEAK_CUE_MIN_POP or best.feature in AREA_FEATURES))
                    or best.population >= NGRAM_MIN_POP
                    or best.feature in AREA_FEATURES
                )
            ):
                add(i, j, cue == "strong", "NGRAM")
                matched = size
                break
        i += matched or 1


def _area_for(m: Mention, best: Candidate, cands: Sequence[Candidate], gaz: Gazetteer) -> Candidate:
    """The division/country a modified mention ("Aleppo countryside", "northern Aleppo") refers to."""
    if best.feature in AREA_FEATURES:
        return best
    same = [c for c in cands if c.feature == "ADM1" and c.country == best.country and c.admin1_code == best.admin1_code]
    if same:
        return same[0]
    if m.head in ("countryside", "countrysides", "province", "governorate", "region"):
        admin = gaz.admin1_of(best)
        if admin is not None and (m.head != "region" or _alike(m.name, admin.name)):
            return admin  # "the Vedeno region of Chechnya" is the town's district, not the province
    return best


def _alike(name: str, other: str) -> bool:
    """Whether two names share their first word, spellings aside ("Kiev" ~ "Kyiv Oblast")."""
    a, b = name_key(name).split()[:1], name_key(other).split()[:1]
    return bool(a and b) and SequenceMatcher(None, a[0], b[0]).ratio() >= 0.6


def _precision(c: Candidate) -> str:
    return PRECISION.get(c.feature, "region" if c.feature in AREA_FEATURES else "place")


def _is_acronym(text: str) -> bool:
    return text.isupper() and len(text.replace(".", "")) <= 5


def _acceptable(text: str, cands: Sequence[Candidate], tokens) -> Sequence[Candidate]:  # noqa: ANN001 - spaCy Span
    """Candidates a surface form may really mean: an acronym ("UN", "DOH") only a curated country/region alias,
    a single common word ("Federal", "Western") nothing unless it is tagged a proper noun."""
    if _is_acronym(text):
        return [c for c in cands if c.kind <= 1 and c.feature in AREA_FEATURES]
    if len(tokens) == 1 and tokens[0].pos_ != "PROPN" and tokens[0].ent_type_ not in ("GPE", "LOC"):
        tok = tokens[0]
        named = tok.ent_type_ and tok.ent_type_ not in NUMERIC_LABELS and not tok.is_sent_start  # "in Taez" (NOUN)
        return cands if named and _capitalised(tok) else []
    return cands


def resolve(m: Mention, cands: Sequence[Candidate], ctx: _Context, gaz: Gazetteer, text: str) -> Place:
    """The Place for one mention (unresolved when there is no candidate)."""
    surface = text[m.start : m.end]
    if not cands:
        return Place(
            surface, m.start, m.end, m.name, None, None, None, None, None, None, "place", 0.0, None, "unresolved"
        )
    ranked = sorted(((score(c, ctx, cands), c) for c in cands[:MAX_CANDIDATES]), key=lambda t: -t[0])
    if m.head and m.head != "countryside":
        admin = [t for t in ranked if t[1].feature == "ADM1"]
        ranked = admin + [t for t in ranked if t[1].feature != "ADM1"] if admin else ranked
    best_score, best = ranked[0]
    runner = next((f"{c.label()} {s:.2f}" for s, c in ranked[1:] if c.id != best.id), None)
    feature, precision, lat, lon = best.feature, _precision(best), best.lat, best.lon
    if m.bearing is not None or m.central or (m.head and m.head not in LOCAL_HEADS):
        area = _area_for(m, best, cands, gaz)
        if area.id != best.id:
            runner = f"{best.label()} {best_score:.2f}"
            best_score = next((s for s, c in ranked if c.id == area.id), best_score)
            best = area
            lat, lon = area.lat, area.lon
        if m.head in LOCAL_HEADS:
            feature, precision = best.feature, "near" if m.head == "district" and precision == "place" else precision
        elif m.bearing is not None or m.central or m.head in ("countryside", "countrysides"):
            if best.bbox and (m.bearing is not None or m.central):
                lat, lon = part_of_box(best.bbox, m.bearing)
            feature, precision = "REGION", "region"
            if best.feature.startswith("PPL"):
                precision = "near"
        else:
            feature, precision = best.feature, _precision(best)
    return Place(
        surface,
        m.start,
        m.end,
        best.name,
        best.geonameid,
        lat,
        lon,
        best.country,
        best.admin1,
        feature,
        precision,
        round(best_score, 3),
        runner,
        "gazetteer",
    )


def geoparse(text: str, passages: Sequence[Passage], gaz: Gazetteer) -> list[Place]:
    """Every toponym in the passages, resolved with the document as context. Offsets index ``text``."""
    norp: Counter[str] = Counter()
    elsewhere = other_senses(passages)
    mentions = [
        m
        for p in passages
        for m in find_mentions(p, gaz, norp)
        if m.cued or m.head is not None or m.name.casefold() not in elsewhere
    ]
    by_name: dict[str, tuple[Candidate, ...]] = {}
    for m in mentions:
        key = name_key(m.name)
        if key not in by_name:
            found = gaz.lookup_key(key)
            by_name[key] = tuple(_acceptable(m.name, found, ())) if _is_acronym(m.name) else found
    ctx = _context(by_name.values(), norp)
    memo = _resolve_all(mentions, by_name, ctx, gaz, text)
    divisions = frozenset(
        (d.country, d.admin1_code) for sig, p in memo.items() if (d := _division(by_name[sig[0]], p)) is not None
    )
    if divisions:  # second pass: places in the divisions the document names win ("Bradford" near "Ontario")
        ctx.divisions = divisions
        memo = _resolve_all(mentions, by_name, ctx, gaz, text)
    places: list[Place] = []
    for m in mentions:
        template = memo[(name_key(m.name), m.bearing, m.central, m.head)]
        surface = text[m.start : m.end]
        places.append(template if template.start == m.start else _moved(template, m.start, m.end, surface))
    return places


def _resolve_all(mentions: Sequence[Mention], by_name: dict[str, tuple[Candidate, ...]], ctx: _Context,
                 gaz: Gazetteer, text: str) -> dict[tuple, Place]:  # fmt: skip
    memo: dict[tuple, Place] = {}
    for m in mentions:
        key = name_key(m.name)
        sig = (key, m.bearing, m.central, m.head)
        if sig not in memo:
            memo[sig] = resolve(m, by_name[key], ctx, gaz, text)
    return memo


def _division(cands: Sequence[Candidate], p: Place) -> Candidate | None:
    """The first-level division a resolved place is (a Place carries no admin1 code), if it is one."""
    if p.feature not in ("ADM1", "REGION"):
        return None
    return next((c for c in cands if c.feature == "ADM1" and c.name == p.name and c.country == p.country), None)


def _moved(p: Place, start: int, end: int, surface: str) -> Place:
    return Place(
        surface,
        start,
        end,
        p.name,
        p.geonameid,
        p.lat,
        p.lon,
        p.country,
        p.admin1,
        p.feature,
        p.precision,
        p.score,
        p.runner_up,
        p.basis,
    )
