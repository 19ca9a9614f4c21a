"""Speed of the whole pipeline on a real news corpus, against spaCy alone as the baseline.

    python benchmarks/bench_speed.py [--repeat 3] [--corpus ../shared/dev/perf/reuters21578_000.jsonl] [--limit N]

Each run is a fresh subprocess (so peak RSS and model loading are per run). Reports, as medians over the runs:
words/s per core end to end (one process, one core), peak RSS, time to first event (from process start, model and
gazetteer loading included), and the same words/s for stock spaCy's full pipeline alone on the same paragraphs (the
baseline: `spacy.load` of the same model, without eventscope's attribute-ruler index), with the ratio
pipeline/baseline. Words are whitespace-separated tokens of the input texts.
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


def child(mode: str, corpus: Path, limit: int | None) -> dict:
    t0 = time.perf_counter()
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    if limit:
        records = records[:limit]
    words = sum(len(r["text"].split()) for r in records)
    import eventscope
    from eventscope.nlp import parse

    first_event = None
    if mode == "spacy":
        import spacy

        from eventscope.nlp import MODEL_NAMES

        nlp = None
        for name in MODEL_NAMES:  # stock spaCy: no eventscope speed-ups
            try:
                nlp = spacy.load(name)
                break
            except OSError:
                continue
        t1 = time.perf_counter()
        for r in records:
            parse(nlp, r["text"], [("body", 0, len(r["text"]))])
    else:
        pipe = eventscope.Pipeline()
        pipe.nlp, pipe.actors, pipe.gazetteer  # noqa: B018 - load resources before the clock
        t1 = time.perf_counter()
        n_events = 0
        for r in records:
            doc = eventscope.read(r["text"], id=r["id"], published="1987-03-01")
            evs = pipe.process(doc)
            n_events += len(evs)
            if evs and first_event is None:
                first_event = time.perf_counter() - t0
    t2 = time.perf_counter()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {"mode": mode, "docs": len(records), "words": words, "load_s": t1 - t0, "run_s": t2 - t1,
           "words_per_s": words / (t2 - t1), "peak_rss_mb": rss_kb / 1024, "first_event_s": first_event}
    if mode == "pipeline":
        out["events"] = n_events
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", choices=["pipeline", "spacy"])
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.limit)))
        return 0
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    runs: dict[str, list[dict]] = {"pipeline": [], "spacy": []}
    for i in range(args.repeat):
        for mode in ("spacy", "pipeline"):  # interleaved so drift affects both alike
            cmd = ["taskset", "-c", "0"] if _has_taskset() else []
            cmd += [sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus)]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout)
            runs[mode].append(res)
            print(f"run {i + 1} {mode:8} {res['words_per_s']:8.0f} words/s  rss {res['peak_rss_mb']:.0f} MB", file=sys.stderr)
    med = lambda mode, key: statistics.median(r[key] for r in runs[mode] if r.get(key) is not None)  # noqa: E731
    summary = {
        "corpus": str(args.corpus), "docs": runs["pipeline"][0]["docs"], "words": runs["pipeline"][0]["words"],
        "repeat": args.repeat,
        "pipeline_words_per_s": round(med("pipeline", "words_per_s")),
        "spacy_words_per_s": round(med("spacy", "words_per_s")),
        "ratio_pipeline_to_spacy": round(med("pipeline", "words_per_s") / med("spacy", "words_per_s"), 3),
        "pipeline_peak_rss_mb": round(med("pipeline", "peak_rss_mb")),
        "spacy_peak_rss_mb": round(med("spacy", "peak_rss_mb")),
        "pipeline_load_s": round(med("pipeline", "load_s"), 2),
        "time_to_first_event_s": round(med("pipeline", "first_event_s"), 2),
        "events": runs["pipeline"][0].get("events"),
    }
    print(json.dumps(summary, indent=2))
    return 0


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


if __name__ == "__main__":
    sys.exit(main())
