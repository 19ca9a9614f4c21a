"""CAMEO benchmark for the event coder over the PETRARCH-2 gold sentences (../shared/dev/petrarch_cameo).

Metrics (micro-averaged):
  roots    P/R/F1 on (sentence, CAMEO root) pairs
  triples  P/R/F1 on (sentence, source country, target country, root); a gold Phoenix code's country is its
           first three letters; a predicted event with no source or target country gives "---"
  no-event share of expect_no_events sentences with no predicted event
Events with status negated or hypothetical are not counted as predictions (PETRARCH does not code them).
Also reports the coder's own speed (words/s, spaCy parse excluded) and spaCy's parse speed on the same sentences.

    python benchmarks/bench_cameo.py [--data ../shared/dev/petrarch_cameo] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from eventscope.actors import ActorKB
from eventscope.events import code_passages
from eventscope.nlp import load_model, parse

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "petrarch_cameo"
COUNTED = {"asserted", "claimed", "planned", "historical"}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def country(code: str | None) -> str:
    return code[:3] if code and re.fullmatch(r"[A-Z]{3}", code[:3]) else "---"


def run(path: Path, nlp, kb, show: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    tp = fp = fn = ttp = tfp = tfn = 0
    empty_ok = empty_n = 0
    words = 0
    t_parse = t_code = 0.0
    for row in rows:
        text = row["text"]
        words += len(text.split())
        t0 = time.perf_counter()
        passages = parse(nlp, text, [("body", 0, len(text))])
        t1 = time.perf_counter()
        drafts = [d for d in code_passages(passages, kb) if d.status in COUNTED]
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_code += t2 - t1
        gold_roots = {e["cameo"][:2] for e in row["events"]}
        pred_roots = {d.cameo[:2] for d in drafts if d.cameo}
        tp += len(gold_roots & pred_roots)
        fp += len(pred_roots - gold_roots)
        fn += len(gold_roots - pred_roots)
        gold_t = {(country(e["source"]), country(e["target"]), e["cameo"][:2]) for e in row["events"]}
        pred_t = set()
        for d in drafts:
            srcs = {a.country for a in d.actors if a.role == "source" and a.country} or {"---"}
            tgts = {a.country for a in d.actors if a.role == "target" and a.country} or {"---"}
            pred_t |= {(s, t, (d.cameo or "--")[:2]) for s in srcs for t in tgts}
        ttp += len(gold_t & pred_t)
        tfp += len(pred_t - gold_t)
        tfn += len(gold_t - pred_t)
        if row.get("expect_no_events"):
            empty_n += 1
            empty_ok += not drafts
        if show and (gold_roots != pred_roots):
            print(f"  {row['id']}: gold {sorted(gold_t)} pred {sorted(pred_t)}\n    {text[:160]}")
    p, r, f = prf(tp, fp, fn)
    tp_, tr_, tf_ = prf(ttp, tfp, tfn)
    return {
        "sentences": len(rows),
        "root_p": p,
        "root_r": r,
        "root_f1": f,
        "triple_p": tp_,
        "triple_r": tr_,
        "triple_f1": tf_,
        "no_event_acc": (empty_ok / empty_n if empty_n else float("nan")),
        "no_event_n": empty_n,
        "coder_wps": words / t_code if t_code else float("nan"),
        "parse_wps": words / t_parse if t_parse else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    nlp, kb = load_model(), ActorKB.load()
    print(
        f"{'file':32} {'n':>4} {'rootP':>6} {'rootR':>6} {'rootF1':>6} {'triP':>6} {'triR':>6} {'triF1':>6} "
        f"{'noEv':>9} {'coder w/s':>10} {'parse w/s':>10}"
    )
    for path in sorted(args.data.glob("*.jsonl")):
        m = run(path, nlp, kb, args.show_errors)
        print(
            f"{path.name:32} {m['sentences']:>4} {m['root_p']:6.3f} {m['root_r']:6.3f} {m['root_f1']:6.3f} "
            f"{m['triple_p']:6.3f} {m['triple_r']:6.3f} {m['triple_f1']:6.3f} "
            f"{m['no_event_acc']:5.2f}/{m['no_event_n']:<3} {m['coder_wps']:10.0f} {m['parse_wps']:10.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
