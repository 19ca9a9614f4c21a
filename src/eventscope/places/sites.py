"""Named sites that the model and the n-gram pass miss.

:func:`site_mentions` (toponyms, part of geoparsing): "the Zaatari refugee camp", "Bagram air base", "the village
of Kafr Nabl", "the towns of A, B and C", "the A and B districts", "Miringa, a village in ...", and a name listed
with a place found ("Qabasin and Bzaah"). Their names are looked up like any toponym; one the gazetteer lacks stays
unresolved. :func:`event_sites` (only for an event's sentence): named buildings ("the Kindi Hospital") and names the
model tagged as persons where only a place fits ("killed in  Tal Afar", "captured Birao"); always unresolved, so
they are placed by the places they are named with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Place
from .geoparse import CONNECTORS, NUMERIC_LABELS, Mention, _capitalised, _partial, _trim
from .lexicon import (
    APPOSITION_KINDS,
    ARTICLES,
    BUILDING_HEADS,
    COMMUNITY_WORDS,
    DEMONYMS,
    FACILITY_HEADS,
    ORG_HEADS,
    PLURAL_SETTLEMENT_HEADS,
    RESCUE_PREPS,
    SETTLEMENT_CUES,
    SETTLEMENT_HEADS,
    SITE_KIND_WORDS,
    SITE_VERBS,
    TITLE_WORDS,
    UNITS_KM,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

MAX_SITE_NAME = 4
#: entity labels a rescued name may carry (spaCy's small model often tags unknown places as persons)
RESCUE_LABELS = frozenset({"", "PERSON", "GPE", "LOC", "FAC"})
_HEADS = FACILITY_HEADS + tuple((w,) for w in sorted(SETTLEMENT_HEADS))
_HEADS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    w: tuple(sorted((h for h in _HEADS if h[0] == w), key=len, reverse=True)) for w, *_ in _HEADS
}
#: what separates the items of a list of names ("A, B and C")
_LIST_GLUE = frozenset({",", "and", "or"})
#: words that hedge a distance ("about 10 km")
APPROXIMATELY = frozenset({"about", "some", "around", "nearly", "roughly", "approximately", "just"})


def _name_ok(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) can be a place name (capitalised, a proper noun, not a people or a number)."""
    toks = doc[i:j]
    return (
        j > i
        and any(t.pos_ == "PROPN" for t in toks)
        and not any(t.ent_type_ in NUMERIC_LABELS for t in toks)
        and _capitalised(toks[0])
        and _capitalised(toks[-1])
        and not any(t.lower_ in DEMONYMS or t.lower_.rstrip("s") in DEMONYMS for t in toks)
        and toks[0].lower_ not in COMMUNITY_WORDS  # "Sunni neighbourhood" (not "Shatt al-Arab")
        and not any(t.lower_ in TITLE_WORDS for t in toks)
        and not (toks[0].is_sent_start and toks[0].is_stop)
        and toks.text.casefold() not in ARTICLES
        and not _partial(doc, i, j)
    )


def site_mentions(doc: Doc, off: int, found: Sequence[Mention]) -> list[Mention]:
    """Named sites the model and the n-gram pass missed (see the module docstring); the span of a facility covers
    its noun ("the Zaatari refugee camp")."""
    taken = [(m.start, m.end) for m in found]
    out: list[Mention] = []

    def free(i: int, j: int) -> bool:
        s, e = off + doc[i].idx, off + doc[j - 1].idx + len(doc[j - 1].text)
        return not any(a < e and s < b for a, b in taken)

    def emit(i: int, j: int, e_tok: int | None = None) -> None:
        e_tok = j if e_tok is None else e_tok
        start, end = off + doc[i].idx, off + doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
        out.append(Mention(start, end, doc[i:j].text, None, False, None, True, "SITE", True))
        taken.append((start, end))

    n = len(doc)
    strings = doc.vocab.strings
    triggers = {strings[w] for w in _HEADS_BY_FIRST} | {strings[w] for w in SETTLEMENT_CUES | PLURAL_SETTLEMENT_HEADS}
    at = [k for k, h in enumerate(doc.to_array("LOWER").tolist()) if h in triggers]  # few tokens: no Token objects
    k = 0
    for k0 in at:
        if k0 < k:
            continue
        k = k0
        options = _HEADS_BY_FIRST.get(doc[k].lower_, ())
        head = next((h for h in options if tuple(t.lower_ for t in doc[k : k + len(h)]) == h), None)
        e = k + len(head) if head is not None else k
        part_of_name = e < n and _capitalised(doc[e]) and _capitalised(doc[k])  # "Camborne Town Council"
        if head is not None and k > 0 and not part_of_name:
            i, j = _name_before(doc, k)
            if j - i <= MAX_SITE_NAME and _name_ok(doc, i, j) and free(i, e):
                emit(i, j, e)
                k = e
                continue
        if doc[k].lower_ in PLURAL_SETTLEMENT_HEADS and k > 0 and doc[k - 1].lower_ not in _LIST_GLUE:
            for i, j in _items_before(doc, k):  # "the Angyom, Tse-Usenda and Tse-Torkula villages"
                if _name_ok(doc, i, j) and free(i, j):
                    emit(i, j)
        if doc[k].lower_ in SETTLEMENT_CUES and k + 2 < n and doc[k + 1].lower_ == "of":
            items = _items_after(
                doc, k + 2, plural=doc[k].lower_ in PLURAL_SETTLEMENT_HEADS or doc[k].lower_ == "cities"
            )
            for i, j in items:  # "the village of Kafr Nabl", "the towns of A, B and C"
                if _name_ok(doc, i, j) and free(i, j):
                    emit(i, j)
            if items:
                k = items[-1][1]
                continue
        k += 1
    return out


def _name_before(doc: Doc, k: int) -> tuple[int, int]:
    """The capitalised name before the noun at token k, without kind words ("Baghdad International Airport")."""
    i = k
    while i > 0 and k - i < MAX_SITE_NAME + 2 and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CONNECTORS):
        i -= 1
    i, _ = _trim(doc, i, k)
    while i < k and (not _capitalised(doc[i]) or doc[i].lower_ in COMMUNITY_WORDS):
        i += 1  # "at" is also an Arabic article; "the Shiite A district"
    j = k
    while j > i and doc[j - 1].lower_ in SITE_KIND_WORDS:
        j -= 1
    return i, j


def _appositions(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Names an apposition calls a place: "Miringa, a village in ...", "Ikpoba, a border town" (not "X, a city
    official")."""
    out: list[tuple[int, int]] = []
    for k in range(lo, hi):
        tok = doc[k]
        if tok.like_num and k + 1 < hi and doc[k + 1].lower_ in UNITS_KM and k > lo + 1:
            d = k - 1 if doc[k - 1].lower_ in APPROXIMATELY else k
            if doc[d - 1].text == "," and d - 2 >= lo:  # "Bur Hakaba, about 180 km south of Mogadishu"
                j = d - 1
                i = j
                while (
                    i > lo and j - i < MAX_SITE_NAME and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CONNECTORS)
                ):
                    i -= 1
                while i < j and not _capitalised(doc[i]):
                    i += 1
                if i < j:
                    out.append((i, j))
            continue
        if tok.lower_ not in APPOSITION_KINDS or tok.dep_ == "compound":
            continue
        d = k - 1
        while d > 0 and k - d <= 3 and doc[d].lower_ not in ("a", "an") and not doc[d].is_punct:
            d -= 1
        if d < 2 or doc[d].lower_ not in ("a", "an") or doc[d - 1].text != ",":
            continue
        j = d - 1
        i = j
        while i > 0 and j - i < MAX_SITE_NAME and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CONNECTORS):
            i -= 1
        while i < j and not _capitalised(doc[i]):
            i += 1
        if i < j:
            out.append((i, j))
    return out


def _listed(doc: Doc, off: int, spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """Capitalised names coordinated with a place found ("Qabasin and Bzaah", "Slunj and Korenica")."""
    out: list[tuple[int, int]] = []
    for i, j in _runs(doc, lo, hi):
        root = doc[i:j].root
        if root.dep_ == "conj" and _inside(root.head, off, spans):
            out.append((i, j))
    return out


def _runs(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of capitalised tokens in [lo, hi) the model tagged as a person, a place or nothing ("Gulf of Aden")."""
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        tok = doc[i]
        if not _capitalised(tok) or tok.ent_type_ not in RESCUE_LABELS or tok.is_sent_start:
            i += 1
            continue
        j = i
        while (
            j < hi
            and j - i < MAX_SITE_NAME + 2
            and doc[j].ent_type_ in RESCUE_LABELS
            and (_capitalised(doc[j]) or (j > i and _connects(doc, j, hi)))
        ):
            j += 1  # "Gulf of Aden", "Shatt al-Arab"
        while j > i and not _capitalised(doc[j - 1]):
            j -= 1
        out.append((i, j))
        i = max(j, i + 1)
    return out


def _connects(doc: Doc, j: int, hi: int) -> bool:
    """Whether token j is a connector inside a name: connectors up to a capitalised word ("al - Arab")."""
    k = j
    while k < hi and k - j < 3 and doc[k].lower_ in CONNECTORS:
        k += 1
    return k > j and k < hi and _capitalised(doc[k])


def _building_word(tok: Token) -> bool:
    """A word of a building's name: capitalised, not a date, not a sentence-initial "At"."""
    return _capitalised(tok) and not tok.is_stop and tok.ent_type_ not in NUMERIC_LABELS


def _inside(tok: Token, off: int, spans: Sequence[tuple[int, int]]) -> bool:
    start = off + tok.idx
    return any(a <= start < b for a, b in spans)


def event_sites(sent: SpacySpan, off: int, places: Sequence[Place]) -> list[Place]:
    """Sites of an event's sentence that are not toponyms of the document (see the module docstring), as
    unresolved places; a building's span covers its noun and may contain a place ("the Al-Quds Hospital")."""
    doc = sent.doc
    spans = [(p.start, p.end) for p in places]
    out: list[Place] = []

    def add(i: int, j: int, free_of: list[tuple[int, int]]) -> None:
        start, end = off + doc[i].idx, off + doc[j - 1].idx + len(doc[j - 1].text)
        if not any(a < end and start < b for a, b in free_of):
            text = doc[i:j].text
            out.append(Place(text, start, end, text, None, None, None, None, None, None, "place", 0.0, None,
                             "unresolved"))  # fmt: skip
            free_of.append((start, end))

    for k in range(sent.start, sent.end):
        tok = doc[k]
        if tok.lower_ in BUILDING_HEADS and _capitalised(tok) and k > sent.start:  # "a Kabul hospital" is not one
            i = k
            while i > sent.start and k - i < MAX_SITE_NAME and _building_word(doc[i - 1]):
                i -= 1
            if (
                i < k
                and any(t.pos_ == "PROPN" for t in doc[i:k])
                and not any(t.lower_ in TITLE_WORDS for t in doc[i:k])
            ):
                add(i, k + 1, [(s.start, s.end) for s in out])  # may contain a toponym
    taken = spans + [(p.start, p.end) for p in out]
    for i, j in _appositions(doc, sent.start, sent.end) + _listed(doc, off, spans, sent.start, sent.end):
        if _name_ok(doc, i, j):  # "Miringa, a village in ...", "Qabasin and Bzaah"
            add(i, j, taken)
    for i, j in _runs(doc, sent.start, sent.end):
        k = i - 1
        while k >= sent.start and (doc[k].is_space or doc[k].lower_ == "the"):
            k -= 1
        cue = k >= sent.start and doc[k].lower_ in RESCUE_PREPS and doc[k].dep_ == "prep"
        last = doc[j - 1]
        target = (
            last.dep_ == "dobj" and last.head.lemma_ in SITE_VERBS and k == last.head.i
            and doc[i].ent_type_ != "PERSON"  # "captured Saddam"
        )  # fmt: skip
        after = doc[j].lower_ if j < len(doc) else ""
        root = doc[i:j].root
        head_of_phrase = root.dep_ in ("pobj", "dobj") or (root.dep_ in ("compound", "nmod") and root.head.i == j)
        if (cue or target) and head_of_phrase and _name_ok(doc, i, j) and after not in ORG_HEADS | {"'s", "’s"}:
            add(i, j, taken)
    return out


def _name_end(doc: Doc, i: int) -> int:
    """The end of the capitalised name starting at token i (connectors inside: "Deir ez Zor")."""
    j, n = i, len(doc)
    while j < n and j - i < MAX_SITE_NAME and (_capitalised(doc[j]) or (j > i and doc[j].lower_ in CONNECTORS)):
        j += 1
    while j > i and not _capitalised(doc[j - 1]):
        j -= 1
    return j


def _items_after(doc: Doc, i: int, plural: bool) -> list[tuple[int, int]]:
    """The names of a list starting at token i: one name, or "A, B and C" when the cue is plural."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    while i < n:
        j = _name_end(doc, i)
        if j == i:
            break
        out.append((i, j))
        if not plural:
            break
        k = j
        while k < n and doc[k].lower_ in _LIST_GLUE:
            k += 1
        if k == j or k >= n or not _capitalised(doc[k]):
            break
        i = k
    return out


def _items_before(doc: Doc, k: int) -> list[tuple[int, int]]:
    """The names of a list ending before the plural noun at token k ("Mada and Wonaka districts")."""
    out: list[tuple[int, int]] = []
    j = k
    while j > 0 and _capitalised(doc[j - 1]):
        i = j
        while i > 0 and j - i < MAX_SITE_NAME and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CONNECTORS):
            i -= 1
        while i < j and not _capitalised(doc[i]):
            i += 1
        out.insert(0, (i, j))
        g = i
        while g > 0 and doc[g - 1].lower_ in _LIST_GLUE:
            g -= 1
        if g == i:
            break
        j = g
    return out
