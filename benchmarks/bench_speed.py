"""Speed of the whole pipeline on a real news corpus, against spaCy alone as the baseline.

    python benchmarks/bench_speed.py [--repeat 3] [--batched] [--corpus ../shared/dev/perf/reuters21578_000.jsonl] [--limit N]
    python benchmarks/bench_speed.py --equivalence [--limit N]

Each run is a fresh subprocess (so peak RSS and model loading are per run). Reports, as medians over the runs:
words/s per core end to end (one process, one core), peak RSS, time to first event (from process start, model and
gazetteer loading included), and the same words/s for stock spaCy's full pipeline alone on the same paragraphs (the
baseline: `spacy.load` of the same model, without eventscope's attribute-ruler index), with the ratio
pipeline/baseline. Words are whitespace-separated tokens of the input texts. Both sides handle one document at a
time (``Pipeline.process``); ``--batched`` adds the same pair on batches of documents (``Pipeline.process_many``,
as ``Pipeline.run`` does, against stock spaCy streaming the same batches' paragraphs). Words per CPU second
(``process_time``) are reported next to wall-clock words/s: on a shared machine they move less.

``--equivalence`` checks that the speed-ups change no output: every event (all fields) of the pipeline as shipped,
one document at a time and in batches, equals that of a reference pipeline on stock spaCy (no attribute-ruler index, no cached lemmatizer) that tags, parses,
dates and geoparses every document (no screen), over the perf corpus, the seed articles, the GeoVirus articles and
the event-location sentences of ``../shared/dev``. It prints the counts and every document that differs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "dev" / "perf" / "reuters21578_000.jsonl"
MODES = ("spacy", "pipeline", "spacy-batched", "pipeline-batched")
BATCH = 32  # documents per spaCy stream in the batched modes (Pipeline.run's default)


def _stock_spacy():  # noqa: ANN202 - spacy's Language, imported lazily
    import spacy

    from eventscope.nlp import MODEL_NAMES

    for name in MODEL_NAMES:  # stock spaCy: no eventscope speed-ups
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed")


def child(mode: str, corpus: Path, limit: int | None) -> dict:
    t0 = time.perf_counter()
    c0 = time.process_time()
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    if limit:
        records = records[:limit]
    words = sum(len(r["text"].split()) for r in records)
    import eventscope
    from eventscope.nlp import annotate, parse, tokenize

    first_event = None
    batches = [records[i : i + BATCH] for i in range(0, len(records), BATCH)]
    if mode.startswith("spacy"):
        nlp = _stock_spacy()
        t1, c1 = time.perf_counter(), time.process_time()
        if mode == "spacy":
            for r in records:
                parse(nlp, r["text"], [("body", 0, len(r["text"]))])
        else:  # one stream over a batch of documents' paragraphs
            for batch in batches:
                annotate(nlp, [p for r in batch for p in tokenize(nlp, r["text"], [("body", 0, len(r["text"]))])])
    else:
        pipe = eventscope.Pipeline(batch_documents=BATCH)
        pipe.nlp, pipe.actors, pipe.gazetteer, pipe.screen  # noqa: B018 - load resources before the clock
        t1, c1 = time.perf_counter(), time.process_time()
        n_events = 0
        for batch in batches if mode == "pipeline-batched" else [[r] for r in records]:
            docs = [eventscope.read(r["text"], id=r["id"], published="1987-03-01") for r in batch]
            found = pipe.process_many(docs) if mode == "pipeline-batched" else [pipe.process(docs[0])]
            n_events += sum(map(len, found))
            if first_event is None and any(found):
                first_event = time.perf_counter() - t0
    t2, c2 = time.perf_counter(), time.process_time()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {"mode": mode, "docs": len(records), "words": words, "load_s": t1 - t0, "run_s": t2 - t1,
           "words_per_s": words / (t2 - t1), "words_per_cpu_s": words / (c2 - c1), "load_cpu_s": c1 - c0,
           "peak_rss_mb": rss_kb / 1024, "first_event_s": first_event}
    if mode.startswith("pipeline"):
        out["events"] = n_events
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", choices=MODES)
    ap.add_argument("--batched", action="store_true",
                    help=f"also run both sides on batches of {BATCH} documents (as `eventscope extract` does)")
    ap.add_argument("--equivalence", action="store_true", help="compare events with a reference pipeline")
    args = ap.parse_args()
    if args.equivalence:
        return equivalence(args.corpus, args.limit)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.limit)))
        return 0
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    modes = MODES if args.batched else MODES[:2]
    runs: dict[str, list[dict]] = {m: [] for m in modes}
    for i in range(args.repeat):
        for mode in modes:  # interleaved so drift affects both alike
            cmd = ["taskset", "-c", "0"] if _has_taskset() else []
            cmd += [sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus)]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout)
            runs[mode].append(res)
            print(f"run {i + 1} {mode:16} {res['words_per_s']:8.0f} words/s  {res['words_per_cpu_s']:8.0f} words/cpu-s"
                  f"  rss {res['peak_rss_mb']:.0f} MB", file=sys.stderr)
    med = lambda mode, key: statistics.median(r[key] for r in runs[mode] if r.get(key) is not None)  # noqa: E731
    summary = {
        "corpus": str(args.corpus), "docs": runs["pipeline"][0]["docs"], "words": runs["pipeline"][0]["words"],
        "repeat": args.repeat,
    }
    for suffix in ("", "-batched") if args.batched else ("",):
        p, b, tag = "pipeline" + suffix, "spacy" + suffix, suffix.replace("-", "_")
        summary |= {
            f"pipeline{tag}_words_per_s": round(med(p, "words_per_s")),
            f"spacy{tag}_words_per_s": round(med(b, "words_per_s")),
            f"ratio{tag}_pipeline_to_spacy": round(med(p, "words_per_s") / med(b, "words_per_s"), 3),
            f"pipeline{tag}_words_per_cpu_s": round(med(p, "words_per_cpu_s")),
            f"spacy{tag}_words_per_cpu_s": round(med(b, "words_per_cpu_s")),
            f"cpu_ratio{tag}_pipeline_to_spacy": round(med(p, "words_per_cpu_s") / med(b, "words_per_cpu_s"), 3),
            f"pipeline{tag}_peak_rss_mb": round(med(p, "peak_rss_mb")),
            f"spacy{tag}_peak_rss_mb": round(med(b, "peak_rss_mb")),
            f"pipeline{tag}_load_s": round(med(p, "load_s"), 2),
            f"time_to_first_event{tag}_s": round(med(p, "first_event_s"), 2),
            f"events{tag}": runs[p][0].get("events"),
        }
    print(json.dumps(summary, indent=2))
    return 0


def _equivalence_inputs(corpus: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    """(id, text, published) of the perf corpus, the seeds, GeoVirus and the event-location sentences."""
    shared = HERE.parents[1] / "shared"
    items = [(r["id"], r["text"], "1987-03-01") for r in map(json.loads, corpus.open(encoding="utf-8"))][:limit]
    items += [(p.name, p.read_text(encoding="utf-8"), None) for p in sorted((shared / "seeds").glob("*.txt"))]
    for path in (shared / "dev" / "geovirus" / "geovirus.jsonl", shared / "dev" / "event_location" / "labeled_nongold.jsonl"):
        if path.exists():
            with path.open(encoding="utf-8") as f:
                items += [(r["id"], r["text"], None) for r in map(json.loads, f)][:limit]
    return items


def equivalence(corpus: Path, limit: int | None) -> int:
    """Events of the shipped pipeline vs the reference (stock spaCy, every document fully processed)."""
    import eventscope

    reference, shipped = eventscope.Pipeline(screen=False), eventscope.Pipeline()
    reference.nlp = _stock_spacy()  # replaces the cached model with spaCy's own components
    items = _equivalence_inputs(corpus, limit)
    docs = events = differing = 0
    for start in range(0, len(items), BATCH):
        batch = [eventscope.read(t, id=i, published=p) for i, t, p in items[start : start + BATCH]]
        batched = shipped.process_many(batch)
        for doc, in_batch in zip(batch, batched, strict=True):
            want = [e.to_dict() for e in reference.process(doc)]
            got = [e.to_dict() for e in shipped.process(doc)]
            docs, events = docs + 1, events + len(want)
            if got != want or [e.to_dict() for e in in_batch] != want:
                differing += 1
                print(json.dumps({"id": doc.id, "reference": want, "shipped": got,
                                  "batched": [e.to_dict() for e in in_batch]}))
    print(json.dumps({"documents": docs, "reference_events": events, "documents_differing": differing}))
    return 1 if differing else 0


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


if __name__ == "__main__":
    sys.exit(main())
