"""Quality run of the event coder on the team's own gold set (tests/gold/events_gold.jsonl).

Each gold item is one news sentence (or two, for coreference) that the team wrote, with its events. Every item is
run through ``eventscope.extract(text, published=...)``. Metrics:

  type accuracy   PLOVER type of the main predicted event on single-event items (one gold event, not negated or
                  hypothetical); the main event is the highest-confidence event that is not negated/hypothetical
  acled macro-F1  ACLED sub-event type of the main event on those single-event items whose gold event has one,
                  macro-averaged over the sub-types present in the gold part
  events P/R/F1   event level: a predicted event matches a gold event of the same type whose trigger it overlaps
  actor F1        source and target country sets of trigger-matched events (type not required), micro-averaged
  status acc      status of trigger-matched events
  quantity acc    gold quantities (kind, value) found on the trigger-matched predicted event
  no-event acc    items without gold events for which no event other than negated/hypothetical ones is predicted

The gold set is split: every 5th item (index 4, 9, 14 ...) is the *test* part, kept for reporting; the rest is the
*dev* part, used to find and fix the coder's errors. Both parts and the whole set are reported.

    python benchmarks/bench_events_gold.py [--gold tests/gold/events_gold.jsonl] [--show-errors] [--json]
    python benchmarks/bench_events_gold.py --write-baseline   # records metrics, floors and the gold digest
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "events_gold.jsonl"
BASELINE = ROOT / "tests" / "gold" / "eval_baseline.json"
NOT_MAIN = frozenset({"negated", "hypothetical"})
#: the metrics the test-suite gate guards, and the margin below the measured value that the floors leave
GATED = ("type_accuracy", "actor_country_f1", "status_accuracy")
MARGIN = 0.02


@dataclass(frozen=True)
class Ev:
    """One event, gold or predicted, reduced to what is scored."""

    type: str
    sub: str | None
    start: int
    end: int
    status: str
    sources: frozenset[str]
    targets: frozenset[str]
    quantities: frozenset[tuple[str, int]]
    confidence: float = 1.0


@dataclass
class Item:
    id: str
    text: str
    published: str
    gold: list[Ev]
    pred: list[Ev] = field(default_factory=list)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_gold(path: Path = GOLD) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        evs = []
        for e in row["events"]:
            start = text.index(e["trigger"])
            evs.append(Ev(e["type"], e.get("acled_sub_event_type"), start, start + len(e["trigger"]), e["status"],
                          frozenset(e["source_countries"]), frozenset(e["target_countries"]),
                          frozenset((q["kind"], q["value"]) for q in e["quantities"])))
        items.append(Item(row["id"], text, row["published"], evs))
    return items


def split(items: Sequence[Item]) -> dict[str, list[Item]]:
    """The whole set, its dev part and its test part (every 5th item)."""
    return {"all": list(items), "dev": [it for i, it in enumerate(items) if i % 5 != 4],
            "test": [it for i, it in enumerate(items) if i % 5 == 4]}


def from_event(ev: Any) -> Ev:
    """A predicted :class:`eventscope.Event` reduced to an :class:`Ev`."""
    def countries(role: str) -> frozenset[str]:
        return frozenset(a.country for a in ev.actors if a.role == role and a.country)
    return Ev(ev.type, ev.acled.sub_event_type if ev.acled else None, ev.trigger.start, ev.trigger.end, ev.status,
              countries("source"), countries("target"), frozenset((q.kind, q.value) for q in ev.quantities),
              ev.confidence)


def predict(items: Iterable[Item]) -> None:
    """Fill ``item.pred`` with the events ``eventscope.extract`` reads from each item (one shared pipeline)."""
    import eventscope

    for it in items:
        it.pred = [from_event(e) for e in eventscope.extract(it.text, published=it.published, id=it.id)]


def main_event(evs: Sequence[Ev]) -> Ev | None:
    cands = [e for e in evs if e.status not in NOT_MAIN]
    return max(cands, key=lambda e: e.confidence) if cands else None


def _overlap(a: Ev, b: Ev) -> bool:
    return a.start < b.end and b.start < a.end


def match(gold: Sequence[Ev], pred: Sequence[Ev], same_type: bool) -> list[tuple[Ev, Ev]]:
    """Greedy one-to-one pairs of overlapping triggers (same type first; only same type when ``same_type``)."""
    pairs: list[tuple[Ev, Ev]] = []
    used: set[int] = set()
    for g in gold:
        cands = [(j, p) for j, p in enumerate(pred) if j not in used and _overlap(g, p)
                 and (p.type == g.type or not same_type)]
        if cands:
            j, p = min(cands, key=lambda c: (c[1].type != g.type, -c[1].confidence))
            used.add(j)
            pairs.append((g, p))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: int, n: int) -> float:
    return a / n if n else 0.0


def single(it: Item) -> Ev | None:
    """The gold event of a single-event item (None when the item has 0 or several, or it is negated/hypothetical)."""
    return it.gold[0] if len(it.gold) == 1 and it.gold[0].status not in NOT_MAIN else None


def score(items: Sequence[Item]) -> dict[str, Any]:
    """All metrics of the module docstring for the given (predicted) items."""
    type_ok = type_n = 0
    sub_pairs: list[tuple[str, str | None]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    ev_tp = ev_fp = ev_fn = 0
    a_tp = a_fp = a_fn = 0
    st_ok = st_n = q_ok = q_n = 0
    none_ok = none_n = 0
    for it in items:
        g1, main = single(it), main_event(it.pred)
        if g1 is not None:
            type_n += 1
            got = main.type if main else "-"
            type_ok += got == g1.type
            if got != g1.type:
                confusion[(g1.type, got)] += 1
            if g1.sub:
                sub_pairs.append((g1.sub, main.sub if main else None))
        if not it.gold:
            none_n += 1
            none_ok += main is None
        typed = match(it.gold, it.pred, same_type=True)
        ev_tp += len(typed)
        ev_fp += len(it.pred) - len(typed)
        ev_fn += len(it.gold) - len(typed)
        for g, p in match(it.gold, it.pred, same_type=False):
            for gs, ps in ((g.sources, p.sources), (g.targets, p.targets)):
                a_tp += len(gs & ps)
                a_fp += len(ps - gs)
                a_fn += len(gs - ps)
            st_n += 1
            st_ok += g.status == p.status
            q_n += len(g.quantities)
            q_ok += len(g.quantities & p.quantities)
    classes = sorted({g for g, _ in sub_pairs})
    f1s = {c: _prf(sum(1 for g, p in sub_pairs if g == c and p == c), sum(1 for g, p in sub_pairs if g != c and p == c),
                   sum(1 for g, p in sub_pairs if g == c and p != c))[2] for c in classes}
    p, r, f = _prf(ev_tp, ev_fp, ev_fn)
    return {
        "items": len(items),
        "type_accuracy": _ratio(type_ok, type_n), "type_n": type_n,
        "acled_macro_f1": sum(f1s.values()) / len(f1s) if f1s else 0.0, "acled_n": len(sub_pairs),
        "acled_f1": f1s,
        "event_precision": p, "event_recall": r, "event_f1": f,
        "actor_country_f1": _prf(a_tp, a_fp, a_fn)[2],
        "status_accuracy": _ratio(st_ok, st_n), "status_n": st_n,
        "quantity_accuracy": _ratio(q_ok, q_n), "quantity_n": q_n,
        "no_event_accuracy": _ratio(none_ok, none_n), "no_event_n": none_n,
        "confusion": confusion.most_common(),
        "acled_confusion": Counter((g, p or "-") for g, p in sub_pairs if g != p).most_common(),
    }


def _summary(name: str, s: dict[str, Any]) -> str:
    return (f"{name:5} n={s['items']:3}  type {s['type_accuracy']:.3f} (n={s['type_n']})  "
            f"acled-F1 {s['acled_macro_f1']:.3f} (n={s['acled_n']})  events P/R/F1 {s['event_precision']:.3f}/"
            f"{s['event_recall']:.3f}/{s['event_f1']:.3f}  actor-F1 {s['actor_country_f1']:.3f}  "
            f"status {s['status_accuracy']:.3f} (n={s['status_n']})  qty {s['quantity_accuracy']:.3f} "
            f"(n={s['quantity_n']})  no-event {s['no_event_accuracy']:.3f} (n={s['no_event_n']})")


def _errors(items: Sequence[Item]) -> Iterable[str]:
    for it in items:
        g1, main = single(it), main_event(it.pred)
        if g1 is not None and (main is None or main.type != g1.type or main.sub != g1.sub):
            got = f"{main.type}/{main.sub} '{it.text[main.start:main.end]}'" if main else "-"
            yield f"{it.id}: gold {g1.type}/{g1.sub} '{it.text[g1.start:g1.end]}' got {got}\n    {it.text}"


def write_baseline(scores: dict[str, float], path: Path = BASELINE, gold: Path = GOLD) -> None:
    metrics = {k: round(float(scores[k]), 4) for k in GATED}
    data = {"gold": gold.name, "gold_sha256": digest(gold), "margin": MARGIN, "metrics": metrics,
            "floors": {k: round(v - MARGIN, 4) for k, v in metrics.items()}}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show-errors", action="store_true", help="list the single-event items coded wrongly (dev part)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--write-baseline", action="store_true", help=f"write {BASELINE.name} from the whole set")
    args = ap.parse_args(argv)
    items = load_gold(args.gold)
    predict(items)
    parts = {name: score(part) for name, part in split(items).items()}
    if args.json:
        print(json.dumps(parts, indent=2, default=str))
    else:
        print(f"gold: {args.gold} ({len(items)} items, sha256 {digest(args.gold)[:12]}); test = every 5th item")
        for name, s in parts.items():
            print(_summary(name, s))
        dev = parts["dev"]
        print("dev type confusions (gold -> main predicted):", ", ".join(f"{g}->{p} {n}" for (g, p), n in dev["confusion"]))
        print("dev ACLED confusions:", "; ".join(f"{g} -> {p} {n}" for (g, p), n in dev["acled_confusion"][:20]))
        print("dev ACLED F1 per sub-type:", ", ".join(f"{c} {f:.2f}" for c, f in dev["acled_f1"].items()))
    if args.show_errors:
        print("\n".join(_errors(split(items)["dev"])))
    if args.write_baseline:
        write_baseline(parts["all"], gold=args.gold)
        print(f"wrote {BASELINE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
