"""Fit the event-confidence calibration on the dev part of the team's gold set; report it on the test part.

An event is *correct* when it is matched (overlapping trigger, one to one) to a gold event of the same type
(``match(..., same_type=True)`` of benchmarks/bench_events_gold.py). The raw coder scores of the dev part (every
item but each 5th) are fitted by isotonic regression; expected calibration error (10 bins) and Brier score of the
raw and calibrated scores are reported on the test part (every 5th item), which the fit never sees.

    python scripts/fit_calibration.py            # fit, report, write src/eventscope/events/data/calibration.json
    python scripts/fit_calibration.py --dry-run  # fit and report only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: benchmarks/

from benchmarks import bench_events_gold  # noqa: E402

from eventscope.events.calibration import brier, ece, fit, interpolate, knots, uncalibrated

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventscope" / "events" / "data" / "calibration.json"
#: candidate shrinkage strengths (pseudo-events toward the overall rate), chosen by cross-validation on dev
STRENGTHS = (0.0, 5.0, 10.0, 20.0, 40.0, 80.0)
FOLDS = 5


def outcomes(b: ModuleType, items: Sequence[Any]) -> tuple[list[float], list[bool]]:
    """(raw score, correct) of every predicted event of the items."""
    scores: list[float] = []
    labels: list[bool] = []
    for it in items:
        hit = {id(p) for _, p in b.match(it.gold, it.pred, same_type=True)}
        for p in it.pred:
            scores.append(p.confidence)
            labels.append(id(p) in hit)
    return scores, labels


def reliability(probs: Sequence[float], labels: Sequence[bool]) -> dict[str, float]:
    return {
        "ece10": round(ece(probs, labels), 4),
        "brier": round(brier(probs, labels), 5),
        "n": len(probs),
        "mean_p": round(sum(probs) / len(probs), 4),
        "accuracy": round(sum(labels) / len(labels), 4),
    }


def choose_strength(b: ModuleType, dev: Sequence[Any]) -> tuple[float, dict[str, dict[str, float]]]:
    """The shrinkage strength with the lowest cross-validated Brier score on the dev items (folds by item), and
    the out-of-fold reliability of each candidate."""
    cv: dict[str, dict[str, float]] = {}
    for m in STRENGTHS:
        probs: list[float] = []
        labels: list[bool] = []
        for k in range(FOLDS):
            tr_s, tr_y = outcomes(b, [it for i, it in enumerate(dev) if i % FOLDS != k])
            ho_s, ho_y = outcomes(b, [it for i, it in enumerate(dev) if i % FOLDS == k])
            pts = knots(fit(tr_s, tr_y, m))
            probs += [interpolate(s, pts) for s in ho_s]
            labels += ho_y
        cv[str(m)] = reliability(probs, labels)
    best = min(STRENGTHS, key=lambda m: (cv[str(m)]["brier"], m))
    return best, cv


def fit_table(gold: Path) -> dict[str, Any]:
    b = bench_events_gold
    items = b.load_gold(gold)
    with uncalibrated():
        b.predict(items)
    parts = b.split(items)
    dev_s, dev_y = outcomes(b, parts["dev"])
    test_s, test_y = outcomes(b, parts["test"])
    strength, cv = choose_strength(b, parts["dev"])
    blocks = fit(dev_s, dev_y, strength)
    pts = knots(blocks)
    cal = [interpolate(s, pts) for s in test_s]
    return {
        "method": (
            "isotonic regression (pool-adjacent-violators), block rates shrunk toward the dev rate by "
            "shrink_strength pseudo-events (5-fold CV on dev), linear interpolation between block means"
        ),
        "target": "P(predicted event matches a gold event of the same type with an overlapping trigger)",
        "fitted_on": f"tests/gold/{gold.name} dev part (items whose index % 5 != 4)",
        "gold": gold.name,
        "gold_sha256": b.digest(gold),
        "fitted_with": "python scripts/fit_calibration.py",
        "shrink_strength": strength,
        "dev_out_of_fold_by_strength": cv,
        "knots": [list(k) for k in pts],
        "blocks": [{"lo": bl.lo, "hi": bl.hi, "n": bl.n, "p": round(bl.p, 4)} for bl in blocks],
        "dev": reliability(dev_s, dev_y),
        "test_raw": reliability(test_s, test_y),
        "test_calibrated": reliability(cal, test_y),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "events_gold.jsonl")
    ap.add_argument("--dry-run", action="store_true", help="do not write the table")
    args = ap.parse_args(argv)
    data = fit_table(args.gold)
    for m, rel in data["dev_out_of_fold_by_strength"].items():
        print(f"dev 5-fold, strength {m:>5}: {json.dumps(rel)}")
    print("chosen strength:", data["shrink_strength"])
    for name in ("dev", "test_raw", "test_calibrated"):
        print(f"{name:16} {json.dumps(data[name])}")
    print("knots:", data["knots"])
    if not args.dry_run:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
