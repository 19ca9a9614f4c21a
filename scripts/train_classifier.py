"""Train the event classifier on the team's training sentences and write the shipped artefact.

Needs scikit-learn (the ``train`` extra: ``pip install -e '.[train]'``); the coder itself does not.

1. Read ``training/events/*.jsonl`` (gold format plus source/target texts; see training/README.md).
2. Run the rule coder (classifier off) over every sentence and record each rule trigger with its features.
3. Label each trigger with the labelled event whose trigger it overlaps (one to one, same type first): the joint
   label "TYPE|ACLED sub-type"; a trigger that matches no labelled event is "NONE" (a false trigger). Labelled
   events that no rule trigger overlaps are counted (the rules' misses: the classifier cannot add events).
4. Choose the regularisation (C) and class weighting by 5-fold cross-validation (folds by sentence), then the
   decision margins (drop / other type / other sub-type) on the out-of-fold probabilities, maximising the accuracy
   of the combined reading.
5. Fit on all data, write ``src/eventscope/events/data/event_classifier.json`` and its sha256 file.

    python scripts/train_classifier.py              # train, report, write the artefact
    python scripts/train_classifier.py --dry-run    # cross-validate and report only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAIN_DIR = ROOT / "training" / "events"
OUT_DIR = ROOT / "src" / "eventscope" / "events" / "data"
FOLDS = 5
C_GRID = (10.0, 30.0)
WEIGHTS = ("balanced",)
MARGIN_GRID = tuple(round(0.05 * k, 2) for k in range(0, 21)) + (1.01,)
STRENGTH_GRID = tuple(round(0.1 * k, 1) for k in range(0, 11))
MIN_COUNT = 2  # a feature must occur in this many training triggers
BLENDS = (0.5, 0.8, 1.0)  # candidate weights of the classifier's probability in the confidence (coder.BLEND_WEIGHT)
MIN_WEIGHT = 0.005  # smaller weights are left out of the artefact (its size; the scores move by far less than 0.1)
MIN_CANDIDATE = 2  # a lemma becomes a candidate trigger when the rules missed this many labelled events it named
#: verbs too general to be candidate triggers alone ("put an end to", "set a date"; "lend support" but mostly "lending
#: rates"): they name an event only with their object, which the rules' light-verb and phrasal readings handle
GENERIC_VERBS = frozenset("put set take make give get have do go come bring keep let hold turn lend".split())
MIN_CANDIDATE_RATE = 0.25  # ... and named an event in this share of its occurrences as a candidate


@dataclass
class Example:
    item: int  # index of the training sentence (CV folds are by sentence)
    features: list[str]
    rule: str  # the rule's joint label ("NONE" for a candidate)
    gold: str  # the true joint label
    candidate: bool = False
    strength: float = 0.0  # the rule's reliability (strength x certainty); 0 for a candidate


def training_files(directory: Path = TRAIN_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def data_digest(files: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def rules_digest() -> str:
    """sha256 of the rule coder's source (the trigger rules decide what is labelled): a cache made with other
    rules is stale."""
    h = hashlib.sha256()
    for f in sorted((ROOT / "src" / "eventscope" / "events").glob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def load_rows(files: Sequence[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:  # a colleague's half-written line: skip it, say so
                print(f"{f.name}:{n}: skipped ({exc})", file=sys.stderr)
                continue
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    return rows


def _head_lemma(passages: Sequence[Any], start: int, end: int) -> str | None:
    """Lemma of the verb (else the noun) inside a character range of the parsed text."""
    toks = [t for p in passages for t in p.doc if start <= p.offset + t.idx < end]
    for pos in ("VERB", "NOUN"):
        for t in toks:
            if t.pos_ == pos:
                return str(t.lemma_.lower())
    return None


def _label_records(row: dict[str, Any], recs: Sequence[Any], stats: Counter[str]) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The joint label of each record (one to one with the labelled events, same type first) and the labelled
    events no record overlaps."""
    from eventscope.events.classifier import label

    text = row["text"]
    gold = []
    for ev in row["events"]:
        start = text.find(ev["trigger"])
        if start >= 0:
            gold.append((start, start + len(ev["trigger"]), label(ev["type"], ev.get("acled_sub_event_type"))))
    used: set[int] = set()
    labels = ["NONE"] * len(recs)
    missed = []
    for gs, ge, glab in gold:
        cands = [j for j, r in enumerate(recs) if j not in used and r.trigger.start < ge and gs < r.trigger.end]
        if not cands:
            missed.append((gs, ge, glab))
            continue
        j = min(cands, key=lambda k: (recs[k].candidate, recs[k].type != glab.split("|")[0],
                                      abs(recs[k].trigger.start - gs)))
        used.add(j)
        labels[j] = glab
    stats["events"] += len(gold)
    return labels, missed


@dataclass
class Corpus:
    rows: list[dict[str, Any]]
    parsed: list[list[Any]]  # the parsed passages of each row
    missed: list[list[tuple[str, str]]]  # per row: (head lemma, joint label) of the events the rules miss
    kb: Any
    cands: list[list[tuple[str, bool]]] = field(default_factory=list)  # per row: (candidate lemma, is an event)


def _cand_lemma(features: Sequence[str]) -> str:
    return next(f.split("=", 1)[1] for f in features if f.startswith("cand.lem="))


def candidate_table(corpus: Corpus, items: Sequence[int]) -> dict[str, list[str | None]]:
    """Lemmas that named at least MIN_CANDIDATE events the rules missed in the given rows -> their commonest
    (type, sub-type); once candidates have been read (``corpus.cands``), only lemmas that named an event in at
    least MIN_CANDIDATE_RATE of their occurrences (fewer candidates: less time, fewer false events)."""
    from eventscope.events.classifier import split_label

    heads: dict[str, Counter[str]] = {}
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for i in items:
        for lem, glab in corpus.missed[i]:
            heads.setdefault(lem, Counter())[glab] += 1
        for lem, hit in corpus.cands[i] if corpus.cands else ():
            seen[lem] += 1
            hits[lem] += hit
    return {lem: list(split_label(c.most_common(1)[0][0])) for lem, c in sorted(heads.items())
            if lem not in GENERIC_VERBS
            and sum(c.values()) >= MIN_CANDIDATE and (not seen[lem] or hits[lem] / seen[lem] >= MIN_CANDIDATE_RATE)}


def examples(rows: Sequence[dict[str, Any]]) -> tuple[list[Example], dict[str, int], dict[str, list[str | None]], Corpus]:
    """Rule and candidate triggers of every row, labelled; counts; the candidate table; the parsed corpus."""
    from eventscope import nlp
    from eventscope.actors import ActorKB
    from eventscope.events.classifier import label, rules_only
    from eventscope.events.coder import TriggerRecord, code_passages

    model, kb = nlp.load_model(), ActorKB.load()
    parsed = [nlp.parse(model, r["text"], [("body", 0, len(r["text"]))]) for r in rows]
    stats: Counter[str] = Counter()
    corpus = Corpus(list(rows), parsed, [], kb)
    with rules_only():
        for row, passages in zip(rows, parsed, strict=True):  # pass 1: what the rules miss
            recs: list[TriggerRecord] = []
            code_passages(passages, kb, record=recs, candidates={})
            _, missed = _label_records(row, recs, stats)
            stats["missed_by_rules"] += len(missed)
            heads = [(_head_lemma(passages, gs, ge), glab) for gs, ge, glab in missed]
            corpus.missed.append([(lem, glab) for lem, glab in heads if lem is not None])
        table = candidate_table(corpus, range(len(rows)))
        stats = Counter({"missed_by_rules": stats["missed_by_rules"]})
        out: list[Example] = []
        for i, (row, passages) in enumerate(zip(rows, parsed, strict=True)):  # pass 2: rules and candidates
            recs = []
            code_passages(passages, kb, record=recs, candidates={k: (v[0], v[1]) for k, v in table.items()})
            labels, missed = _label_records(row, recs, stats)
            corpus.cands.append([(_cand_lemma(r.features), lab != "NONE") for r, lab in zip(recs, labels, strict=True)
                                 if r.candidate])
            for r, lab in zip(recs, labels, strict=True):
                out.append(Example(i, r.features, "NONE" if r.candidate else label(r.type, r.sub), lab, r.candidate,
                                   0.0 if r.candidate else r.strength))
        table = candidate_table(corpus, range(len(rows)))
        out = [e for e in out if not e.candidate or _cand_lemma(e.features) in table]
        stats["missed_with_candidates"] = stats["missed_by_rules"] - sum(
            1 for e in out if e.candidate and e.gold != "NONE")
    stats["triggers"] = sum(1 for e in out if not e.candidate)
    stats["candidates"] = sum(1 for e in out if e.candidate)
    stats["candidate_events"] = sum(1 for e in out if e.candidate and e.gold != "NONE")
    stats["none_triggers"] = sum(1 for e in out if e.gold == "NONE" and not e.candidate)
    return out, dict(stats), table, corpus


def cached_examples(rows: Sequence[dict[str, Any]], cache: Path | None, digest: str) -> tuple[Any, ...]:
    """:func:`examples`, kept in a pickle (scratch use only: never ship it) keyed by the training data's digest."""
    import pickle

    from eventscope.actors import ActorKB

    if cache is not None and cache.exists():
        key, exs, stats, table, corpus = pickle.loads(cache.read_bytes())
        if key == digest:
            corpus.kb = ActorKB.load()
            return exs, stats, table, corpus
    exs, stats, table, corpus = examples(rows)
    if cache is not None:
        kb, corpus.kb = corpus.kb, None
        cache.write_bytes(pickle.dumps((digest, exs, stats, table, corpus)))
        corpus.kb = kb
    return exs, stats, table, corpus


def model_dict(clf: Any, names: Sequence[str], margins: dict[str, float], table: dict[str, Any]) -> dict[str, Any]:
    """The artefact's model part (format, classes, intercepts, margins, candidates, non-zero weights)."""
    import numpy as np

    coef = np.round(clf.coef_, 3)
    weights = {}
    for j, f in enumerate(names):
        pairs = [[i, float(v)] for i, v in enumerate(coef[:, j]) if abs(v) >= MIN_WEIGHT]
        if pairs:
            weights[f] = pairs
    return {
        "format": "eventscope-event-classifier/1",
        "classes": [str(x) for x in clf.classes_],
        "intercepts": [round(float(v), 4) for v in clf.intercept_],
        "margins": dict(margins),
        "candidates": table,
        "weights": weights,
    }


def main_event_scores(corpus: Corpus, items: Sequence[int]) -> dict[str, Any]:
    """Sentence-level scores as the gold bench computes them, over the given rows: PLOVER type accuracy of the main
    event (highest confidence, not negated/hypothetical) on single-event rows, ACLED sub-type macro-F1 over those
    with a sub-type, and the share of rows without a predicted main event."""
    from eventscope.events.coder import code_passages

    type_ok = n = 0
    subs: list[tuple[str, str | None]] = []
    why: Counter[str] = Counter()
    for i in items:
        evs = [e for e in corpus.rows[i]["events"]]
        if len(evs) != 1 or evs[0]["status"] in ("negated", "hypothetical"):
            continue
        g = evs[0]
        drafts = [d for d in code_passages(corpus.parsed[i], corpus.kb) if d.status not in ("negated", "hypothetical")]
        main = max(drafts, key=lambda d: d.confidence) if drafts else None
        n += 1
        type_ok += main is not None and main.type == g["type"]
        if main is None:
            why["no_event"] += 1
        elif main.type != g["type"]:
            why["ranked_below" if any(d.type == g["type"] for d in drafts) else "type_not_found"] += 1
        if g.get("acled_sub_event_type"):
            subs.append((g["acled_sub_event_type"], main.acled.sub_event_type if main and main.acled else None))
    f1s = []
    for c in sorted({g for g, _ in subs}):
        tp = sum(1 for g, p in subs if g == c and p == c)
        fp = sum(1 for g, p in subs if g != c and p == c)
        fn = sum(1 for g, p in subs if g == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"type_accuracy": round(type_ok / n, 4) if n else 0.0, "type_n": n,
            "acled_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0, "acled_n": len(subs),
            "type_errors": dict(why), "pairs": subs}


def sentence_cv(corpus: Corpus, exs: Sequence[Example], c: float, weight: str, margins: dict[str, float],
                blends: Sequence[float] = BLENDS) -> dict[str, Any]:
    """Main-event scores of the rules alone and of rules + classifier, 5-fold by sentence: each fold is coded by a
    model (and candidate table) made from the other folds only."""
    from eventscope.events.classifier import EventClassifier, rules_only, using

    folds = [[i for i in range(len(corpus.rows)) if i % FOLDS == k] for k in range(FOLDS)]
    with rules_only():
        rules = _pooled([main_event_scores(corpus, range(len(corpus.rows)))])
    from eventscope.events import coder

    runs: dict[float, list[dict[str, Any]]] = {w: [] for w in blends}
    for k, held in enumerate(folds):
        train_items = [i for i in range(len(corpus.rows)) if i % FOLDS != k]
        clf, names, _ = fit([e for e in exs if e.item % FOLDS != k], c, weight)
        model = EventClassifier.from_dict(model_dict(clf, names, margins, candidate_table(corpus, train_items)))
        with using(model):
            for w in blends:
                coder.BLEND_WEIGHT = w
                runs[w].append(main_event_scores(corpus, held))
    coder.BLEND_WEIGHT = 0.5
    out: dict[str, Any] = {"rules": rules}
    for w, both in runs.items():
        out[f"rules_and_classifier_blend_{w}"] = _pooled(both)
    return out


def _pooled(both: Sequence[dict[str, Any]]) -> dict[str, Any]:
    n = sum(b["type_n"] for b in both)
    why: Counter[str] = Counter()
    for b in both:
        why.update(b["type_errors"])
    pairs = [p for b in both for p in b["pairs"]]
    return {"type_accuracy": round(sum(b["type_accuracy"] * b["type_n"] for b in both) / n, 4), "type_n": n,
            "acled_macro_f1": round(macro_f1([p or "-" for _, p in pairs], [g for g, _ in pairs]), 4),
            "acled_n": len(pairs), "type_errors": dict(why)}


def combine(classes: Sequence[str], probs: Any, rules: Sequence[str], margins: dict[str, float],
            strengths: Sequence[float]) -> list[str]:
    """The decision rule of ``EventClassifier.decide`` over rows of probabilities (vectorised)."""
    import numpy as np

    n = len(rules)
    types = [c.split("|")[0] for c in classes]
    best = probs.argmax(axis=1)
    p_best = probs[np.arange(n), best]
    r_idx = np.array([classes.index(r) if r in classes else -1 for r in rules])
    p_rule = np.where(r_idx >= 0, probs[np.arange(n), np.maximum(r_idx, 0)], 0.0)
    margin = np.empty(n)
    for i, r in enumerate(rules):
        b = classes[best[i]]
        if r == "NONE":
            kind = "add"
        elif b == "NONE":
            kind = "drop"
        elif types[best[i]] != r.split("|")[0]:
            kind = "type"
        else:
            kind = "sub"
        margin[i] = margins[kind] + (margins["strength"] * strengths[i] if kind != "add" else 0.0)
    switch = (best != r_idx) & (p_best - p_rule >= margin)
    return [classes[best[i]] if switch[i] else rules[i] for i in range(n)]


def accuracy(pred: Sequence[str], gold: Sequence[str]) -> float:
    return sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold) if gold else 0.0


def macro_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    classes = sorted(set(gold) - {"NONE"})
    f1s = []
    for c in classes:
        tp = sum(p == c and g == c for p, g in zip(pred, gold, strict=True))
        fp = sum(p == c and g != c for p, g in zip(pred, gold, strict=True))
        fn = sum(p != c and g == c for p, g in zip(pred, gold, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def vocabulary(exs: Sequence[Example]) -> list[str]:
    counts = Counter(f for e in exs for f in set(e.features))
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def fit(exs: Sequence[Example], c: float, weight: str) -> tuple[Any, list[str], Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocab = set(vocabulary(exs))
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in e.features if f in vocab} for e in exs])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight=None if weight == "none" else "balanced")
    clf.fit(x, [e.gold for e in exs])
    return clf, list(vec.get_feature_names_out()), vec


def out_of_fold(exs: Sequence[Example], c: float, weight: str) -> tuple[list[str], Any]:
    """Out-of-fold class probabilities (rows in ``exs`` order) over the classes of the whole set."""
    import numpy as np

    classes = sorted({e.gold for e in exs})
    probs = np.zeros((len(exs), len(classes)))
    for k in range(FOLDS):
        tr = [e for e in exs if e.item % FOLDS != k]
        idx = [i for i, e in enumerate(exs) if e.item % FOLDS == k]
        clf, _, vec = fit(tr, c, weight)
        p = clf.predict_proba(vec.transform([{f: 1 for f in exs[i].features} for i in idx]))
        for j, cl in enumerate(clf.classes_):
            probs[idx, classes.index(cl)] = p[:, j]
    return classes, probs


def choose_margins(classes: Sequence[str], probs: Any, exs: Sequence[Example]) -> tuple[dict[str, float], float]:
    """Coordinate search over the four margins, maximising the accuracy of the combined reading."""
    gold = [e.gold for e in exs]
    rules = [e.rule for e in exs]
    strengths = [e.strength for e in exs]
    margins = {"drop": 1.01, "type": 1.01, "sub": 1.01, "add": 1.01, "strength": 0.0}

    def acc(m: dict[str, float]) -> float:
        return accuracy(combine(classes, probs, rules, m, strengths), gold)

    best = acc(margins)
    for _ in range(2):
        for kind in ("add", "sub", "type", "drop", "strength"):
            for v in MARGIN_GRID if kind != "strength" else STRENGTH_GRID:
                trial = {**margins, kind: v}
                a = acc(trial)
                if a > best + 1e-9 or (abs(a - best) <= 1e-9 and v > margins[kind]):
                    best, margins = a, trial
    return margins, best


def main(argv: Sequence[str] | None = None) -> int:
    import sklearn

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=TRAIN_DIR)
    ap.add_argument("--dry-run", action="store_true", help="do not write the artefact")
    ap.add_argument("--c", type=float, default=None, help="fix the regularisation instead of searching C_GRID")
    ap.add_argument("--cache", type=Path, default=None,
                    help="pickle of the labelled triggers and parses, reused while the training data is unchanged")
    ap.add_argument("--blends", type=lambda v: tuple(float(x) for x in v.split(",")), default=BLENDS,
                    help="blend weights to score at sentence level, e.g. 0.5 (the shipped coder.BLEND_WEIGHT)")
    ap.add_argument("--margins", type=json.loads, default={},
                    help='JSON: margins to fix instead of the cross-validated ones, e.g. \'{"drop": 0.4}\'')
    args = ap.parse_args(argv)
    files = training_files(args.data)
    rows = load_rows(files)
    settings = f"{MIN_CANDIDATE}/{MIN_CANDIDATE_RATE}/{sorted(GENERIC_VERBS)}"  # the candidate table depends on them
    exs, stats, table, corpus = cached_examples(rows, args.cache, data_digest(files) + rules_digest() + settings)
    gold = [e.gold for e in exs]
    rule = [e.rule for e in exs]
    print(f"{len(rows)} sentences, {stats}")
    print(f"rules alone: accuracy {accuracy(rule, gold):.4f}  macro-F1 {macro_f1(rule, gold):.4f}")
    cv: dict[str, dict[str, float]] = {}
    best_key, best = None, -1.0
    for weight in WEIGHTS:
        for c in (args.c,) if args.c else C_GRID:
            classes, probs = out_of_fold(exs, c, weight)
            alone = [classes[int(i)] for i in probs.argmax(axis=1)]
            margins, acc = choose_margins(classes, probs, exs)
            comb = combine(classes, probs, rule, margins, [e.strength for e in exs])
            key = f"C={c},weight={weight}"
            cv[key] = {"classifier_accuracy": round(accuracy(alone, gold), 4),
                       "combined_accuracy": round(acc, 4), "combined_macro_f1": round(macro_f1(comb, gold), 4),
                       "changed": round(sum(a != b for a, b in zip(comb, rule, strict=True)) / len(rule), 4),
                       **{f"margin_{k}": v for k, v in margins.items()}}
            print(key, json.dumps(cv[key]))
            if acc > best:
                best_key, best = key, acc
    assert best_key is not None
    chosen = cv[best_key]
    c = float(best_key.split(",")[0].split("=")[1])
    weight = best_key.split("weight=")[1]
    print("chosen:", best_key)
    margins = {k: chosen[f"margin_{k}"] for k in ("drop", "type", "sub", "add", "strength")}
    fixed = {k: float(v) for k, v in args.margins.items() if k in margins}
    if fixed:
        margins.update(fixed)
        classes, probs = out_of_fold(exs, c, weight)
        comb = combine(classes, probs, rule, margins, [e.strength for e in exs])
        chosen = {**chosen, "fixed_margins": fixed, "combined_accuracy_with_fixed": round(accuracy(comb, gold), 4),
                  "combined_macro_f1_with_fixed": round(macro_f1(comb, gold), 4)}
        print("with fixed margins", json.dumps(margins), json.dumps(chosen))
    sentences = sentence_cv(corpus, exs, c, weight, margins, args.blends)
    print("sentence-level 5-fold:", json.dumps(sentences))
    clf, names, _ = fit(exs, c, weight)
    part = model_dict(clf, names, margins, table)
    weights = part.pop("weights")
    classes = part["classes"]
    model = {
        **part,
        "training": {
            "files": {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files},
            "data_sha256": data_digest(files),
            "sentences": len(rows),
            **stats,
            "label_counts": dict(sorted(Counter(gold).items())),
            "C": c,
            "class_weight": weight,
            "min_feature_count": MIN_COUNT,
            "sklearn": sklearn.__version__,
            "trained_with": "python scripts/train_classifier.py",
        },
        "chosen": chosen,
        "cross_validation": {"folds": FOLDS, "rules_accuracy": round(accuracy(rule, gold), 4),
                             "rules_macro_f1": round(macro_f1(rule, gold), 4), "grid": cv,
                             "sentences": sentences},
        "weights": weights,
    }
    if not args.dry_run:
        text = json.dumps(model, separators=(",", ":")) + "\n"
        (OUT_DIR / "event_classifier.json").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        (OUT_DIR / "event_classifier.sha256").write_text(f"{digest}  event_classifier.json\n", encoding="utf-8")
        print(f"wrote event_classifier.json ({len(weights)} features, {len(classes)} classes, sha256 {digest[:12]})",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
