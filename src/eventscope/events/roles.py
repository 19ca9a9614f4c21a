"""Source and target actors of a trigger, read from the dependency parse and resolved with the actor KB.

:func:`role_heads` finds the head words (nsubj -> source; dobj, pobj of against/on -> target; passive agent ->
source; "between A and B" -> A source, B target; "patrols by X"; possessives; inherited subjects of xcomp/conj;
the noun a relative clause modifies). :class:`ActorResolver` expands each head to its noun phrase (without relative
clauses, conjuncts or appositions), resolves it with ``kb.resolve`` and keeps a running list of the article's
mentions so that pronouns and definite descriptions ("it", "they", "the ministry", "the duo") resolve to the
nearest compatible earlier actor (``Actor.via = "coreference"``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from ..model import Actor
from . import lexicon as L

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Trigger


class KBLike(Protocol):
    def resolve(self, phrase: str) -> Any: ...

    def demonym_country(self, word: str) -> str | None: ...


_PHRASE_DROP = frozenset("relcl conj cc appos punct advcl prep".split())
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_TARGET_PREPS = frozenset(["against"])
_ON_PREPS = frozenset("on at".split())
_ON_TYPES = frozenset("ASSAULT COERCE SANCTION THREATEN PROTEST REQUEST".split())
_WITH_TYPES = frozenset("CONSULT COOPERATE AGREE ASSAULT AID".split())
_OF_TARGET_LEMMAS = frozenset("invasion occupation shelling bombardment blockade".split())
_NOT_ACTOR_ENTS = frozenset("DATE TIME MONEY PERCENT QUANTITY".split())
_HARM_VERBS = frozenset("kill wound injure".split())
_REL_PRONOUNS = frozenset("who which that whom".split())


@dataclass
class Mention:
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    inter: int | None
    id: str | None
    kind: str | None
    head_lemma: str
    plural: bool
    person: bool

    def actor(self, role: str, text: str, start: int, end: int, via: str | None) -> Actor:
        return Actor(role, text, start, end, self.name, self.country, self.sector, self.inter, via)


def _expand(head: Token, drop: frozenset[str] = _PHRASE_DROP) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by ``head``."""
    keep = {head.i}
    stack = [c for c in head.children if not (c.dep_ in drop and not (c.dep_ == "prep" and c.lower_ == "of"))]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        stack.extend(t.children)
    doc = head.doc
    i, j = min(keep), max(keep) + 1
    while i < j - 1 and doc[i].is_punct:
        i += 1
    while j - 1 > i and doc[j - 1].is_punct:
        j -= 1
    # a phrase never crosses the head's own appositive or relative clause
    for c in head.rights:
        if c.dep_ in ("relcl", "appos", "conj", "cc") and c.i > head.i:
            j = min(j, c.left_edge.i)
    while j - 1 > i and doc[j - 1].is_punct:
        j -= 1
    return i, max(j, head.i + 1)


def role_heads(tr: Trigger) -> list[tuple[str, Token]]:
    """(role, head token) pairs for a trigger, coordination expanded."""
    out: list[tuple[str, Token]] = []
    fallback: list[Token] = []

    def add(role: str, tok: Token) -> None:
        for t in (tok, *tok.conjuncts):
            if t.ent_type_ in _NOT_ACTOR_ENTS:
                continue
            if (t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or t.ent_type_ == "NORP") and t.i not in {
                h.i for h in tr.tokens
            }:
                out.append((role, t))

    def between(prep: Token) -> None:
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if objs:
            sides = [objs[0], *objs[0].conjuncts]
            out.extend([("source", sides[0])] + [("target", s) for s in sides[1:]])

    def preps(tok: Token, nominal: bool) -> None:
        for c in tok.children:
            if c.dep_ not in ("prep", "agent", "dative"):
                continue
            p = c.lower_
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if p == "between":
                between(c)
            elif not objs:
                continue
            elif p == "by" and (nominal or c.dep_ == "agent" or tok.tag_ == "VBG"):
                add("source", objs[0])
            elif p in _TARGET_PREPS or (p in _ON_PREPS and tr.type in _ON_TYPES):
                add("target", objs[0])
            elif p == "with" and tr.type in _WITH_TYPES:
                add("target", objs[0])
            elif p == "from" and tr.type == "ASSAULT":
                fallback.append(objs[0])  # "shelling from militants": a source only when no other is named
            elif p == "of" and nominal and tok.lemma_.lower() in _OF_TARGET_LEMMAS:
                add("target", objs[0])

    head = tr.head
    if tr.nominal:
        preps(head, True)
        claimer = _claimer(head)
        if claimer is not None:  # "X claimed responsibility for an attack on Y"
            add("source", claimer)
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                add("source", c)
        verb = tr.light
        victims = verb is not None and (
            verb.lemma_.lower() == "die"
            or (verb.lemma_.lower() in _HARM_VERBS and any(c.dep_ == "auxpass" for c in verb.children))
        )
        if verb is not None and victims:  # "nine soldiers died in the clashes": the subject is the victim
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    add("target", c)
        elif verb is not None and (head.dep_ in ("dobj", "pobj") or (head.dep_ == "conj" and head.head.dep_ == "dobj")):
            _verb_roles(verb, add, event_noun=head, type_=tr.type)
        if verb is not None:
            preps(verb, False)
            if head.dep_ == "nsubj" and tr.type == "ASSAULT":  # "the attack killed two soldiers"
                for c in verb.children:
                    if c.dep_ == "dobj":
                        add("target", c)
        if not any(r == "source" for r, _ in out):
            for c in head.children:  # "Turkish attacks", "Russian air strikes"
                if (
                    c.dep_ in ("amod", "compound")
                    and c.ent_type_ in ("NORP", "GPE")
                    and not any(g.lemma_ == "back" for g in c.ancestors if g.i != head.i)
                ):
                    add("source", c)
    else:
        _verb_roles(head, add, event_noun=None, type_=tr.type)
        preps(head, False)
    if fallback and not any(r == "source" for r, _ in out):
        add("source", fallback[0])
    if tr.type in _WITH_TYPES and not any(r == "target" for r, _ in out):
        # "during negotiations with the Turkish side, agreements were reached": a partner one PP further down
        for c in (tr.light or head).children:
            for o in (o for o in c.children if c.dep_ == "prep" and o.dep_ == "pobj"):
                for w in (w for w in o.children if w.dep_ == "prep" and w.lower_ == "with"):
                    for obj in (x for x in w.children if x.dep_ == "pobj"):
                        add("target", obj)
    seen: set[tuple[str, int]] = set()
    uniq: list[tuple[str, Token]] = []
    for role, tok in out:
        if (role, tok.i) not in seen and not any(t.i == tok.i for _, t in uniq):
            seen.add((role, tok.i))
            uniq.append((role, tok))
    return uniq


def _claimer(noun: Token) -> Token | None:
    """The subject of "claimed/admitted responsibility for <noun>"."""
    prep = noun.head
    resp = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and resp.lemma_.lower() == "responsibility":
        verb = resp.head
        if verb.lemma_.lower() in ("claim", "admit", "accept", "take", "bear"):
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _verb_roles(verb: Token, add: Any, event_noun: Token | None, type_: str) -> None:
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    for s in subj:
        if event_noun is not None and s.i == event_noun.i:
            continue
        if s.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
            add("source", verb.head)
        elif s.dep_ == "nsubjpass":
            add("target" if event_noun is None else "source", s)
        elif s.dep_ != "csubj":
            add("source", s)
    if not subj:
        gov, cur = verb.head, verb
        while cur.dep_ in ("conj", "advcl") and gov.i != cur.i and not any(c.dep_ == "nsubj" for c in gov.children):
            cur, gov = gov, gov.head
        if cur.dep_ in ("xcomp", "conj", "advcl") and gov.i != cur.i and gov.lemma_.lower() not in L.PERCEPTION_VERBS:
            for s in (c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")):
                add("source", s)
        elif verb.dep_ == "acl" and verb.tag_ == "VBN" and gov.pos_ in ("NOUN", "PROPN"):
            add("target", gov)  # "demands rejected by the government": the noun is the patient
        elif verb.dep_ in ("acl", "relcl") and gov.pos_ in ("NOUN", "PROPN"):
            add("source", gov)
    if event_noun is None or event_noun.dep_ == "pobj":  # "killed three soldiers in an ambush"
        for c in verb.children:
            if c.dep_ == "dobj" and not (type_ == "MOBILIZE" and c.lemma_.lower() in L.TROOP_NOUNS | L.WEAPON_NOUNS):
                add("target", c)


class ActorResolver:
    """Resolves phrases to actors and remembers the article's mentions for within-article reference."""

    def __init__(self, kb: KBLike) -> None:
        self.kb = kb
        self.history: list[Mention] = []
        self.pairs: list[tuple[Mention, Mention, int]] = []  # (a, b, len(history) when seen)
        self.speakers: list[Mention] = []

    # -- memory ------------------------------------------------------------------------------------------------
    def remember(self, mention: Mention, *, speaker: bool = False) -> None:
        self.history.append(mention)
        if speaker:
            self.speakers.append(mention)

    def remember_pair(self, a: Mention, b: Mention) -> None:
        if a.name != b.name or a.text != b.text:
            self.pairs.append((a, b, len(self.history)))

    # -- resolution --------------------------------------------------------------------------------------------
    def _mention_from_match(self, match: Any, text: str, start: int, end: int, head: Token) -> Mention:
        e = match.entry
        return Mention(
            text,
            start,
            end,
            e.name,
            e.country,
            e.sector,
            e.inter,
            e.id,
            e.kind,
            head.lemma_.lower(),
            head.tag_ in ("NNS", "NNPS"),
            e.kind == "person" or head.ent_type_ == "PERSON",
        )

    def _fallback(self, head: Token, text: str, start: int, end: int) -> Mention | None:
        lemma = head.lemma_.lower()
        country = None
        for c in head.children:
            if c.dep_ in ("amod", "compound") and not any(g.lemma_ == "back" for g in c.children):
                country = country or self.kb.demonym_country(c.text)
        sector, inter = L.ACTOR_NOUNS.get(lemma, (None, None))
        if (
            country is None
            and lemma not in L.ACTOR_NOUNS
            and not (head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"))
        ):
            return None
        return Mention(
            text,
            start,
            end,
            None,
            country,
            sector,
            inter,
            None,
            None,
            lemma,
            head.tag_ in ("NNS", "NNPS"),
            head.ent_type_ == "PERSON",
        )

    def _from_history(self, head: Token, match: Any) -> Mention | None:
        lemma = head.lemma_.lower()
        suffix = match.entry.id.split("-", 1)[1] if match is not None and "-" in match.entry.id else None
        for m in reversed(self.history):
            if m.country is None and m.name is None:
                continue
            if suffix and m.id and m.id.endswith("-" + suffix) and not m.id.startswith("GEN"):
                return m
            if lemma == m.head_lemma or (m.name and lemma in m.name.lower().split()):
                return m
        return None

    def _pronoun(self, tok: Token, speaker: bool) -> list[Mention]:
        low = tok.lower_
        if speaker and self.speakers and low in L.PRONOUNS_SINGULAR | L.PRONOUNS_PLURAL | L.PRONOUNS_PERSON:
            return [self.speakers[-1]]
        if low in L.PRONOUNS_PLURAL:
            if self.pairs and self.pairs[-1][2] >= len(self.history) - 3:
                return list(self.pairs[-1][:2])
            m = next((m for m in reversed(self.history) if m.plural and not m.person), None)
            return [m] if m else []
        if low in L.PRONOUNS_PERSON:
            m = next((m for m in reversed(self.history) if m.person), None)
            return [m] if m else []
        if low in L.PRONOUNS_SINGULAR:
            m = next((m for m in reversed(self.history) if not m.person and not m.plural and m.country), None)
            return [m] if m else []
        return []

    def resolve(self, head: Token, role: str, offset: int, *, speaker: bool = False) -> list[Actor]:
        """Actors named by the phrase headed by ``head`` (several when demonyms are coordinated)."""
        doc = head.doc
        if head.pos_ == "PRON":
            found = self._pronoun(head, speaker)
            s, e = offset + head.idx, offset + head.idx + len(head.text)
            for m in found:
                self.history.append(m)
            return [m.actor(role, head.text, s, e, "coreference") for m in found]
        i, j = _expand(head)
        span = doc[i:j]
        text, start, end = span.text, offset + span.start_char, offset + span.end_char
        low = text.lower()
        if low in L.GENERIC_ACTORS:
            return []
        definite = doc[i].lower_ in ("the", "this", "that", "these", "those")
        if definite and head.lemma_.lower() in L.PAIR_WORDS and self.pairs:
            first, second, _ = self.pairs[-1]
            return [
                first.actor(role, text, start, end, "coreference"),
                second.actor(role, text, start, end, "coreference"),
            ]
        # coordinated demonyms: "the Turkish and Russian militaries" -> two actors
        adjs = [c for c in head.children if c.dep_ == "amod" and c.conjuncts and self.kb.demonym_country(c.text)]
        if adjs:
            out = []
            for adj in (adjs[0], *adjs[0].conjuncts):
                if not self.kb.demonym_country(adj.text):
                    continue
                m = self.kb.resolve(f"{adj.text} {head.text}")
                s, e = offset + adj.idx, offset + adj.idx + len(adj.text)
                men = (
                    self._mention_from_match(m, adj.text, s, e, head)
                    if m is not None
                    else Mention(
                        adj.text,
                        s,
                        e,
                        None,
                        self.kb.demonym_country(adj.text),
                        None,
                        None,
                        None,
                        None,
                        head.lemma_.lower(),
                        True,
                        False,
                    )
                )
                self.remember(men)
                out.append(men.actor(role, adj.text, s, e, "distributed"))
            if len(out) >= 2:
                return out
        # "the foreign ministers of India and China" -> one actor per country
        ofs = [
            o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        if ofs and ofs[0].conjuncts and head.tag_ in ("NNS", "NNPS"):
            out = []
            for obj in (ofs[0], *ofs[0].conjuncts):
                sub = doc[slice(*_expand(obj))]
                m = self.kb.resolve(sub.text)
                if m is None:
                    continue
                s, e = offset + sub.start_char, offset + sub.end_char
                men = self._mention_from_match(m, sub.text, s, e, obj)
                self.remember(men)
                out.append(men.actor(role, sub.text, s, e, "distributed"))
            if len(out) >= 2:
                return out
        candidates = [text]
        candidates += [doc[slice(*_expand(c))].text for c in head.children if c.dep_ == "appos"]
        for p in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            candidates += [doc[slice(*_expand(o))].text for o in p.children if o.dep_ == "pobj"]
        match = None
        for cand in candidates:
            m = self.kb.resolve(cand)
            if m is not None and (match is None or (match.entry.kind == "generic" and m.entry.kind != "generic")):
                match = m
            if match is not None and match.entry.kind != "generic":
                break
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is not None and (match is None or match.entry.country is None):  # "its forces" -> Iran's forces
            owners = self._pronoun(poss, speaker)
            if owners:
                o = owners[0]
                sector = match.entry.sector if match is not None else L.ACTOR_NOUNS.get(head.lemma_.lower(), (None,))[0]
                men = Mention(
                    text,
                    start,
                    end,
                    o.name,
                    o.country,
                    sector or o.sector,
                    o.inter,
                    o.id,
                    o.kind,
                    head.lemma_.lower(),
                    head.tag_ in ("NNS", "NNPS"),
                    False,
                )
                self.remember(men)
                return [men.actor(role, text, start, end, "coreference")]
        if match is None or (match.entry.kind == "generic" and match.entry.country is None and definite):
            prior = self._from_history(head, match)
            if prior is not None:
                self.history.append(prior)
                return [prior.actor(role, text, start, end, "coreference")]
        resolved: Mention | None = (
            self._mention_from_match(match, text, start, end, head)
            if match is not None
            else self._fallback(head, text, start, end)
        )
        if resolved is None:
            return []
        if resolved.country is None and (resolved.name is None or resolved.kind == "generic"):
            where = self._located_in(head)
            if where is not None:  # "police in Abuja", "protesters from Kano state"
                resolved = replace(resolved, country=where)
        self.remember(resolved)
        return [resolved.actor(role, text, start, end, None)]

    def _located_in(self, head: Token) -> str | None:
        """Country of a place the phrase is located by ("police in Abuja" -> NGA): a country or capital named by a
        GPE object of "in"/"from" attached to the head. Other towns need the gazetteer, which the coder does not use."""
        country_code = getattr(self.kb, "country_code", None)
        if country_code is None:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                    iso = country_code(head.doc[slice(*_expand(obj))].text)
                    if iso is not None:
                        return iso
        return None
