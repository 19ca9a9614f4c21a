"""Named sites that the model and the n-gram pass miss: "the Zaatari refugee camp", "Bagram air base", "the
village of Kafr Nabl". Their names are looked up like any toponym; one the gazetteer lacks stays unresolved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .geoparse import CONNECTORS, NUMERIC_LABELS, Mention, _capitalised, _partial, _trim
from .lexicon import ARTICLES, DEMONYMS, FACILITY_HEADS, SETTLEMENT_CUES, SITE_KIND_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_SITE_NAME = 4
_HEADS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    w: tuple(sorted((h for h in FACILITY_HEADS if h[0] == w), key=len, reverse=True)) for w, *_ in FACILITY_HEADS
}


def site_mentions(doc: Doc, off: int, found: Sequence[Mention]) -> list[Mention]:
    """Named sites the model and the n-gram pass missed: a capitalised name before a facility noun ("the Zaatari
    refugee camp", "Bagram air base": the span covers the noun) or after a settlement noun ("the village of Kafr
    Nabl"). The name is looked up; one the gazetteer lacks stays an unresolved toponym."""
    taken = [(m.start, m.end) for m in found]
    heads = _HEADS_BY_FIRST
    out: list[Mention] = []

    def free(i: int, j: int) -> bool:
        s, e = off + doc[i].idx, off + doc[j - 1].idx + len(doc[j - 1].text)
        return not any(a < e and s < b for a, b in taken)

    def name_ok(i: int, j: int) -> bool:
        toks = doc[i:j]
        return (
            j > i
            and any(t.pos_ == "PROPN" for t in toks)
            and not any(t.ent_type_ in NUMERIC_LABELS for t in toks)
            and _capitalised(toks[0])
            and _capitalised(toks[-1])
            and not any(t.lower_ in DEMONYMS or t.lower_.rstrip("s") in DEMONYMS for t in toks)
            and not (toks[0].is_sent_start and toks[0].is_stop)
            and toks.text.casefold() not in ARTICLES
        )

    def emit(i: int, j: int, s_tok: int, e_tok: int) -> None:
        name = doc[i:j].text
        start, end = off + doc[s_tok].idx, off + doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
        out.append(Mention(start, end, name, None, False, None, True, "SITE", True))
        taken.append((start, end))

    n = len(doc)
    strings = doc.vocab.strings
    triggers = {strings[w] for w in heads} | {strings[w] for w in SETTLEMENT_CUES}
    at = [k for k, h in enumerate(doc.to_array("LOWER").tolist()) if h in triggers]  # few tokens: no Token objects
    k = 0
    for k0 in at:
        if k0 < k:
            continue
        k = k0
        options = heads.get(doc[k].lower_, ())
        head = next((h for h in options if tuple(t.lower_ for t in doc[k : k + len(h)]) == h), None)
        if head is not None and k > 0:
            i = k
            while i > 0 and k - i < MAX_SITE_NAME + 2 and (_capitalised(doc[i - 1]) or doc[i - 1].lower_ in CONNECTORS):
                i -= 1
            i, _ = _trim(doc, i, k)
            while i < k and not _capitalised(doc[i]):
                i += 1  # "at" is also an Arabic article
            j = k
            while j > i and doc[j - 1].lower_ in SITE_KIND_WORDS:
                j -= 1
            if j - i <= MAX_SITE_NAME and name_ok(i, j) and free(i, k + len(head)) and not _partial(doc, i, j):
                emit(i, j, i, k + len(head))
                k += len(head)
                continue
        if doc[k].lower_ in SETTLEMENT_CUES and k + 2 < n and doc[k + 1].lower_ == "of":
            i = j = k + 2
            while j < n and j - i < MAX_SITE_NAME and (_capitalised(doc[j]) or (j > i and doc[j].lower_ in CONNECTORS)):
                j += 1
            while j > i and not _capitalised(doc[j - 1]):
                j -= 1
            if name_ok(i, j) and free(i, j) and not _partial(doc, i, j):
                emit(i, j, i, j)
                k = j
                continue
        k += 1
    return out
