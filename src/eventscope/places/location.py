"""The location of one event: which of the places in its sentences is where it happened.

Rules, in order: drop datelines, places that are actors ("Russia says", "the Syria government"), partners and
sources ("clashes with Syria", "a request from Damascus"), and a country in a running tally ("100,000 have been
killed in Syria"); keep places attached to the trigger's clause (and any locative place of a supporting sentence),
and the antecedent of a relative clause ("the town of A, which was besieged"); read routes ("from A ... reached B":
B), relative positions ("4 km west of B": an offset point; "A, 40 km west of B": A at that point) and "near B" /
"close to B" / "the B area" (precision "near"); drop places that only contain another ("the A district of B",
"B's A district": A); then prefer the most precise place, and among equals the one attached to the trigger and
closest to it. Places of clauses more than two links away from the trigger's are never the event's. Besides the
document's toponyms, the sentence's event sites count (:func:`~.sites.event_sites`: named buildings, names the model
tagged as persons after "in" or as a conflict verb's object). A name the gazetteer lacks can be chosen (it is most
often a village): it then takes the point and precision of the place it is named with (:func:`placed_by_context`,
basis "context"); with none, a name in a locative phrase of the event's sentence stays the location, unresolved
(basis "unresolved", no point). :func:`event_locations` adds the places listed or routed with the first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Place, Span
from .gazetteer import Gazetteer
from .lexicon import (
    ACTOR_HEADS,
    LIST_NOUNS,
    LOCATIVE_PREPS,
    MOTION_VERBS,
    NEAR_WORDS,
    NEXT_TO_HEADS,
    NOT_WHERE,
    PART_HEADS,
    PLACE_NOUNS,
    ROUTE_FROM,
    ROUTE_TO,
    SETTLEMENT_HEADS,
    SPEECH_VERBS,
    STATIC_PREPS,
    TALLY_VERBS,
    TALLY_WORDS,
    TARGET_VERBS,
)
from .offsets import (
    DIRECTION_OF_RE,
    NEAR_BEFORE_RE,
    appositive_to,
    at_offset,
    is_relative,
    near_after,
    offset_place,
)
from .routes import route_places
from .sites import event_sites

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PRECISION_RANK = {"place": 0, "near": 1, "region": 2, "admin1": 3, "country": 4}
UNRESOLVED_RANK = 0  # a toponym the gazetteer lacks is most often a small place (placed by its context)
#: a place modifying a noun ("Sweden's first title", "U.S. helicopters") names an owner, not where (unless the noun
#: is a place: "Freetown's west end", or the phrase is locative: "in a Kabul market")
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl"})
DATELINE_AFTER_RE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[-—–:]")


@dataclass(slots=True)
class _Option:
    place: Place
    tier: int  # 0: a locative phrase of the event's clause, 1: other words of the clause, 2: another clause
    rank: int  # precision rank, lower is better
    attached: float  # how strongly it attaches to the event's clause
    route_end: bool
    distance: int  # characters from the trigger (0 for other sentences' places: distance is by sentence)
    sentence: int


@dataclass(slots=True)
class _Verdict:
    place: Place
    reason: str | None  # why the place is not the event's; None: it may be
    attached: float
    preps: list[str]


def _token_of(sent: SpacySpan, off: int, start: int, end: int) -> Token | None:
    span = sent.doc.char_span(start - off, end - off, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_verb(tok: Token) -> Token:
    """The verb governing a token (the token itself when it is a verb or the root)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _preps(tok: Token) -> list[str]:
    """Prepositions on the path from a token up to its clause verb, nearest first."""
    out = []
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ in ("prep", "agent", "dative") or (tok.pos_ == "ADP" and tok.dep_ != "prt"):
            # "a request from Damascus": a source attached to a noun is not where anything happened
            from_noun = tok.lower_ in ROUTE_FROM and tok.head.pos_ in ("NOUN", "PROPN")
            out.append("source" if from_noun else tok.lower_)
        if tok.dep_ == "dobj" and tok.head.lemma_ in ("reach", "enter", "approach", "evacuate"):
            out.append("reached")
        elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in TARGET_VERBS:
            out.append("target")  # "stormed the village of X", "shelled X": the place attacked is the location
        elif tok.dep_ == "dobj" and tok.head.lemma_ in ("leave", "depart", "quit"):
            out.append("left")
        tok = tok.head
    return out


def _locative(preps: list[str]) -> bool:
    """Whether the nearest preposition (past "of") puts the place where something happens."""
    first = next((x for x in preps if x != "of"), "")
    return first in LOCATIVE_PREPS or first in ("reached", "left", "target")


def _up(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _hops(a: Token, b: Token) -> int:
    """Clause boundaries between two verbs of a sentence (0: the same clause); a relative clause counts double."""
    if a == b:
        return 0
    up_a, up_b = _up(a), _up(b)
    idx_b = {t.i: k for k, t in enumerate(up_b)}
    k_a = next((k for k, t in enumerate(up_a) if t.i in idx_b), len(up_a) - 1)
    path = up_a[:k_a] + up_b[: idx_b.get(up_a[k_a].i, len(up_b))]
    return sum((2 if t.dep_ == "relcl" else 1) for t in path if t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSE_LINKS)


def _is_actor(tok: Token, place: Place, text: str, end_in_doc: int) -> bool:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "Russia and Turkey signed": Turkey shares Russia's role
    if tok.dep_ == "nsubjpass" and tok.head.lemma_ in TARGET_VERBS:
        return False  # "the town was shelled": the place attacked
    if tok.dep_ in ("nsubj", "nsubjpass", "expl"):
        return True
    if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.lower_ in ACTOR_HEADS:
        return True
    if re.match(
        r"[-‐]\s*(?:backed|led|based|supported|allied|aligned|sponsored)\b", text[end_in_doc : end_in_doc + 14]
    ):
        return True
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "agent" and node.i == tok.head.i:
            return True  # "patronized by Washington" (not "by soldiers near Mosul": that places the soldiers)
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ACTOR_HEADS:
            return True
        node = node.head
    return False


def _is_dateline(sent: SpacySpan, off: int, place: Place) -> bool:
    text = sent.doc.text
    rel = place.start - off
    before = text[sent.start_char : rel].strip()
    if before and before.lower() not in ("the",):
        return False
    after = text[place.end - off : place.end - off + 60]
    return bool(DATELINE_AFTER_RE.match(after)) or (place.text.isupper() and len(place.text) > 3 and after[:1] == ",")


def _judge(sent: SpacySpan, off: int, places: Sequence[Place], trigger: Span | None) -> list[_Verdict]:
    """Every place of the sentence with why it is not the event's (``reason``), or None when it may be."""
    text = sent.doc.text
    inside = _sentence_places(sent, off, places)
    trig_tok = _token_of(sent, off, trigger.start, trigger.end) if trigger else None
    event_verb = _clause_verb(trig_tok) if trig_tok is not None else _clause_verb(sent.root)
    antecedent = event_verb.head if trigger is not None and event_verb.dep_ in ("relcl", "acl") else None
    summary = (
        trigger is not None
        and event_verb.lemma_ in TALLY_VERBS
        and (
            any(c.dep_ == "aux" and c.lemma_ == "have" for c in event_verb.children)
            or any(t.lower_ in TALLY_WORDS for t in sent)
        )
    )
    out: list[_Verdict] = []
    for p in inside:
        tok = _token_of(sent, off, p.start, p.end)
        if tok is None:
            out.append(_Verdict(p, "no_token", 0.0, []))
            continue
        if _is_dateline(sent, off, p):
            out.append(_Verdict(p, "dateline", 0.0, []))
            continue
        if antecedent is not None and antecedent.i in (tok.i, _anchor(tok).i):
            out.append(_Verdict(p, None, 3.5, ["in"]))  # "the town of A, which was besieged": where it happened
            continue
        if _is_actor(tok, p, text, p.end - off):
            out.append(_Verdict(p, "actor", 0.0, []))
            continue
        preps = _preps(tok)
        first = next((x for x in preps if x != "of"), "")
        if first == "to" and (is_relative(text[sent.start_char : p.start - off]) or _next_to(tok)):
            first = "near"  # "4 km to the west of B", "at the entrance to B", "close to B"
        elif first == "to" and _clause_verb(tok).lemma_ in MOTION_VERBS:
            first = "reached"  # "marched to B", "took to the streets of B": where the movement went
        if first in NOT_WHERE:
            out.append(_Verdict(p, "not_where", 0.0, preps))
            continue  # "a request from Damascus", "shipped to Cuba", "between A and B"
        if _modifier(tok) and not _locative(preps):
            out.append(_Verdict(p, "modifier", 0.0, preps))
            continue  # "Sweden's first title"
        verb = _clause_verb(tok)
        locative = _locative(preps)
        if trigger is None:
            if not locative:
                out.append(_Verdict(p, "support_not_locative", 0.0, preps))
                continue
            out.append(_Verdict(p, None, 2.0, preps))  # a supporting sentence: its locative places describe the event
            continue
        if summary and p.precision == "country":
            out.append(_Verdict(p, "summary", 0.0, preps))
            continue  # "more than 100,000 people have been killed in Syria": a tally, not an event at a place
        hops = _hops(verb, event_verb)
        if hops and event_verb.lemma_ in SPEECH_VERBS:
            out.append(_Verdict(p, "speech", 0.0, preps))
            continue  # "X said that ... in Aleppo": what was said happened there, not the saying
        if hops == 0:
            out.append(_Verdict(p, None, 3.0 + 0.5 * locative, preps))
        elif hops <= 2 and first in STATIC_PREPS:
            out.append(_Verdict(p, None, 2.0 + 0.5 * locative - 0.1 * hops, preps))
        else:
            out.append(_Verdict(p, "other_clause", 0.0, preps))  # a place of a distant clause is not the event's
    return out


def _sentence_places(sent: SpacySpan, off: int, places: Sequence[Place]) -> list[Place]:
    """The toponyms of a sentence and its event sites (:func:`~.sites.event_sites`); a toponym inside a named
    building is part of its name ("the Al-Quds Hospital")."""
    s0, s1 = off + sent.start_char, off + sent.end_char
    inside = [p for p in places if s0 <= p.start and p.end <= s1]
    sites = event_sites(sent, off, inside)
    return [p for p in inside if not any(b.start <= p.start and p.end <= b.end for b in sites)] + sites


def _options_in(sent: SpacySpan, off: int, places: Sequence[Place], trigger: Span | None, index: int) -> list[_Option]:
    text = sent.doc.text
    inside = _sentence_places(sent, off, places)
    found = [(v.place, v.attached, v.preps) for v in _judge(sent, off, places, trigger) if v.reason is None]
    found = _drop_containers(found, sent, off)
    has_from = any(next((x for x in pr if x != "of"), "") in ROUTE_FROM for _, _, pr in found)
    offsets = {(p.start, p.end): offset_place(p, text[sent.start_char : p.start - off]) for p in inside}
    located = {(q.start, q.end): m for m in offsets.values() if m for q in appositive_to(m, inside, text, off)}
    options = []
    for p, attached, preps in found:
        first = next((x for x in preps if x != "of"), "")
        route_end = (has_from and first in ROUTE_TO) or first == "reached"
        prefix = text[sent.start_char : p.start - off]
        moved = offsets.get((p.start, p.end)) or offset_place(p, prefix)
        if moved is not None and appositive_to(moved, inside, text, off):
            continue  # "the town of A, 10 miles south of B": B only locates A
        site = p.lat is None  # a name the gazetteer lacks is most often a small place
        if site and (p.start, p.end) in located:
            p = at_offset(
                p, located[(p.start, p.end)]
            )  # "Belet Huen, 200 miles northwest of Mogadishu": that point, near
        elif moved is not None:
            p = moved
        elif (
            p.precision == "place"
            and p.lat is not None
            and (NEAR_BEFORE_RE.search(prefix) or DIRECTION_OF_RE.search(prefix) or near_after(text, p.end - off))
        ):
            p = replace(p, precision="near")
        elif (has_from and first in ROUTE_FROM) or (route_end and has_from):
            p = replace(p, basis="route")
        rank = UNRESOLVED_RANK if site else PRECISION_RANK.get(p.precision, 4)
        dist = abs(p.start - trigger.start) if trigger else 0
        locative = _locative(preps)
        tier = 2 if attached < 2.0 else 0 if locative else 1
        options.append(_Option(p, tier, rank, attached, route_end, dist, index))
    return options


def _drop_containers(
    found: list[tuple[Place, float, list[str]]], sent: SpacySpan, off: int
) -> list[tuple[Place, float, list[str]]]:
    """Drop places that only say where another resolved place is: "Baghdad's neighborhood of A", "A, a Harare
    township", "the town of A west of B in the province of C" keep A."""
    toks = {id(p): _token_of(sent, off, p.start, p.end) for p, _, _ in found}
    # an unresolved name inside a resolved one is a small place of it ("the Abu Dashir district in southern X")
    inner = [(p, toks[id(p)]) for p, _, _ in found if toks[id(p)] is not None]

    def contains(p: Place, t: Token) -> bool:
        for q, u in inner:
            if q is p or u is None or u.i == t.i:
                continue
            if t.dep_ == "poss" and t.head.i == u.i and q.lat is not None:
                return True  # "central China's Henan Province": the possessor only says where the place is
            if _rank(q) > _rank(p):
                continue
            if _settlement_in(u, t):
                return True  # "A village in B", "A locality of B District": B only says where A is
            if p.lat is None and q.lat is None:
                continue
            between = _between(t, u)
            listed = t.dep_ == "conj" or any(a.dep_ == "conj" for a in between or ())  # "A and B": peers
            if between is not None and not listed and not any(a.pos_ in ("VERB", "AUX") for a in between):
                return True
            named = t.dep_ in ("poss", "compound") and u in t.head.subtree and _names_part(u, t.head)
            if u.head.i == t.head.i and u.dep_ in ("poss", "compound"):
                named = t.i < u.i  # "Yala's Yaha district": the name next to the noun is the place, Yala contains it
            if named and _size(p) >= _size(q):
                return True  # "Baghdad's neighbourhood of A", "the X neighbourhood of A" (not "A district in X")
            if (
                u.dep_ in ("poss", "compound")
                and t in u.head.subtree
                and _names_part(t, u.head)
                and _size(p) > _size(q)
            ):
                return True  # "the A district of Riyom", "the A suburb of Damascus": the bigger place contains A
        return False

    return [x for x in found if (t := toks[id(x[0])]) is None or not contains(x[0], t)]


#: how big a settlement is by its feature (a capital contains districts, an unresolved name is small)
FEATURE_SIZE = {"PPLC": 2, "ADM2": 1, "PPLA": 1}


def _size(p: Place) -> tuple[int, int]:
    """An order of places by extent: unresolved < town < capital < region < division < country."""
    if p.lat is None:
        return (-1, 0)
    return (PRECISION_RANK.get(p.precision, 4), FEATURE_SIZE.get(p.feature or "", 0))


def _settlement_in(u: Token, t: Token) -> bool:
    """Whether ``u`` names a settlement by its noun ("A village", "A locality") and ``t`` hangs from that noun by
    "in" or a bare "of" ("A village in B", "A locality of B District"): then B is where A is."""
    heads = SETTLEMENT_HEADS | PART_HEADS
    noun = u if u.lower_ in heads else u.head if u.dep_ == "compound" else None
    if noun is None or noun.lower_ not in heads or noun.i < u.i:
        return False
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    prep = t.head
    if t.dep_ != "pobj" or prep.head.i != noun.i or prep.i < noun.i:
        return False
    # "the Harare suburb of A" names A: "of" says where only after a bare "A village of B"
    bare = noun.lower_ in PART_HEADS or not any(c.dep_ in ("det", "poss") for c in noun.lefts)
    return prep.lower_ == "in" or (prep.lower_ == "of" and bare)


def _names_part(u: Token, head: Token) -> bool:
    """Whether ``u`` hangs from ``head`` by "of" or apposition only ("neighbourhood of A", "district, A"), not by a
    locative preposition ("district in A": A is the container then)."""
    path = _between(u, head)
    return path is not None and all(a.lower_ == "of" for a in path)  # not "district of the city of A"


def _between(t: Token, u: Token) -> list[Token] | None:
    """The tokens strictly between t and its ancestor u (None when u is not an ancestor of t)."""
    out: list[Token] = []
    node = t
    while node.head.i != node.i:
        node = node.head
        if node.i == u.i:
            return out
        out.append(node)
    return None


def _rank(p: Place) -> int:
    return PRECISION_RANK.get(p.precision, 4)


def _modifier(tok: Token) -> bool:
    """Whether a place only modifies a noun that is not itself a place or a date ("U.S. helicopters",
    "Sweden's first title"; not "Freetown's west end", nor a misparsed "Harare Saturday")."""
    head = tok.head
    return tok.dep_ in MODIFIER_DEPS and head.lower_ not in PLACE_NOUNS and head.ent_type_ not in ("DATE", "TIME")


def _next_to(tok: Token) -> bool:
    """Whether the "to" governing a place says where, not whither ("the entrance to B", "close to B")."""
    node = tok.head
    while node.lower_ == "of" and node.head.dep_ == "pobj":
        node = node.head.head  # "the approaches to the city of B"
    return node.lower_ == "to" and node.head.lemma_.lower() in NEXT_TO_HEADS


def _other_clause(o: _Option) -> bool:
    """A place of another clause of the trigger's sentence (supporting sentences' locative places are not)."""
    return o.sentence == 0 and o.attached < 3.0


#: what may stand between two places of one list or route ("in A and B", "A, B and C", "from A to B")
COORDINATION_RE = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|(?:-|–|—|to)\s*)(?:in\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _options(sentences: Sequence[tuple[SpacySpan, int]], trigger: Span, places: Sequence[Place]) -> list[_Option]:
    options: list[_Option] = []
    for index, (sent, off) in enumerate(sentences):
        options += _options_in(sent, off, places, trigger if index == 0 else None, index)
    options.sort(key=lambda o: (o.tier, _other_clause(o), o.rank, not o.route_end, -o.attached, o.sentence, o.distance))
    return options


def _nearby(sentences: Sequence[tuple[SpacySpan, int]], best: _Option, options: Sequence[_Option],
            places: Sequence[Place]) -> list[Place]:  # fmt: skip
    """The places an unresolved name is named with: the event's options, then the rest of its sentence (the
    containers dropped from the options: "the X neighbourhood of A" places A in X)."""
    sent, off = sentences[best.sentence]
    return [o.place for o in options] + _sentence_places(sent, off, places)


def _resolved(
    best: _Option, options: Sequence[_Option], places: Sequence[Place], nearby: Sequence[Place]
) -> Place | None:
    if best.place.lat is not None:
        return best.place
    placed = placed_by_context(best.place, nearby, places)
    if placed is None and best.tier == 0 and best.sentence == 0:
        return best.place  # a locative phrase of the event's sentence: the place, unresolved (lat/lon None)
    return placed


def event_location(
    sentences: Sequence[tuple[SpacySpan, int]], trigger: Span, places: Sequence[Place], gaz: Gazetteer | None = None
) -> Place | None:
    """The place where the event of ``trigger`` happened, from its sentence (first) and supporting sentences."""
    options = _options(sentences, trigger, places)
    route = _route(sentences, options, places, gaz)
    if route:
        return route[0]
    if not options:
        return None
    return _resolved(options[0], options, places, _nearby(sentences, options[0], options, places))


def event_locations(
    sentences: Sequence[tuple[SpacySpan, int]], trigger: Span, places: Sequence[Place], gaz: Gazetteer | None = None
) -> list[Place]:
    """Every place where the event of ``trigger`` happened: :func:`event_location` first, then the places listed or
    routed with it in the same phrase ("in A and B", "A, B and C", "from A to B"), in text order. Empty when the
    event has no location."""
    options = _options(sentences, trigger, places)
    route = _route(sentences, options, places, gaz)
    if route:
        return route
    if not options:
        return []
    best = options[0]
    nearby = _nearby(sentences, best, options, places)
    first = _resolved(best, options, places, nearby)
    if first is None:
        return []
    sent, off = sentences[best.sentence]
    text = sent.doc.text
    peers = sorted(
        (o for o in options if o.sentence == best.sentence and o.tier == best.tier and o.place.end <= off + len(text)),
        key=lambda o: o.place.start,
    )
    at = next(k for k, o in enumerate(peers) if o is best)
    chain = [best]

    def linked(a: _Option, b: _Option) -> bool:
        gap = text[a.place.end - off : b.place.start - off]
        if a.place.end > b.place.start:
            return False
        if gap.strip() == "," and _rank(a.place) != _rank(b.place):
            return False  # "Aleppo, Syria": the second only says where the first is
        return bool(COORDINATION_RE.match(gap)) or _coordinated(sent, off, a.place, b.place)

    k = at
    while k > 0 and linked(peers[k - 1], peers[k]):
        k -= 1
        chain.insert(0, peers[k])
    k = at
    while k + 1 < len(peers) and linked(peers[k], peers[k + 1]):
        k += 1
        chain.append(peers[k])
    out = [first]
    for o in chain:
        if o is best:
            continue
        p = o.place if o.place.lat is not None else placed_by_context(o.place, nearby, places)
        if p is None and first.lat is None:
            p = o.place  # listed with an unresolved first place: unresolved too
        if p is not None:
            out.append(p)
    return out


def _route(sentences: Sequence[tuple[SpacySpan, int]], options: Sequence[_Option], places: Sequence[Place],
           gaz: Gazetteer | None) -> list[Place]:  # fmt: skip
    """The ends of a route named in the event's own sentence (:func:`~.routes.route_places`) when nothing else
    places the event, or what was chosen is on the route (an end, or the "A-B" name of the road)."""
    if not sentences:
        return []
    ends = route_places(*sentences[0], places, gaz)
    if not ends or not options:
        return ends
    best = options[0].place
    return ends if any(best.start <= e.start and e.end <= best.end for e in ends) else []


def _coordinated(sent: SpacySpan, off: int, a: Place, b: Place) -> bool:
    """Whether two places are items of one coordination ("in the capital of Lisbon and the northern city of Porto",
    "Baghdad and the flashpoint Anbar province")."""
    ta, tb = _token_of(sent, off, a.start, a.end), _token_of(sent, off, b.start, b.end)
    if ta is None or tb is None or "offset" in (a.basis, b.basis):
        return False
    ra, rb = _conj_root(_anchor(ta)), _conj_root(_anchor(tb))
    return ra.i == rb.i and _anchor(ta).i != _anchor(tb).i


def _anchor(tok: Token) -> Token:
    """The noun a place names or is "of" ("the city of Porto" -> city)."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in LIST_NOUNS:
        tok = tok.head.head
    return tok


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def placed_by_context(place: Place, nearby: Sequence[Place], document: Sequence[Place]) -> Place | None:
    """An unresolved toponym located by what it is named with: the most precise resolved place among the event's
    other places (a town gives precision "near"), else the country most of the document's places are in. The point
    and the precision are the context's: a place the gazetteer lacks is never presented as a point of its own."""
    areas = [q for q in nearby if q.lat is not None and q.precision in PRECISION_RANK]
    area = min(areas, key=lambda q: PRECISION_RANK[q.precision], default=None)
    if area is None:
        countries = Counter(q.country for q in document if q.lat is not None and q.country)
        top = countries.most_common(1)
        area = next(
            (q for q in document if top and q.country == top[0][0] and q.precision == "country" and q.lat is not None),
            None,
        )
    if area is None:
        return None
    precision = "near" if area.precision == "place" else area.precision  # near the town it is named with
    return replace(place, lat=area.lat, lon=area.lon, country=area.country,
                   admin1=area.admin1 if area.precision != "country" else None, feature=area.feature,
                   precision=precision, geonameid=None, basis="context")  # fmt: skip


__all__ = ["NEAR_WORDS", "event_location", "event_locations", "offset_place", "placed_by_context"]
