"""Toponym recognition and geocoding on GeoVirus; event location on ahalterman/event_location.

    python benchmarks/bench_geoparse.py [--limit N] [--event-location N]

GeoVirus metrics: span P/R/F1 (exact and overlapping), Acc@161 km and median error over matched toponyms
(a toponym found but not geocoded counts as a miss). Event location: sentence accuracy (all gold locations found
and nothing else, or correctly none; the list of :func:`event_locations`), with the share of each outcome
(see :func:`_outcome`) and the accuracy of its first place alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from eventscope.model import Place, Span
from eventscope.nlp import load_model, parse
from eventscope.places import Gazetteer, event_locations, geoparse
from eventscope.places.geodesy import haversine_km

SHARED = Path(__file__).resolve().parents[2] / "shared" / "dev"


def bench_geovirus(limit: int | None) -> dict[str, float]:
    nlp, gaz = load_model(), Gazetteer.open()
    docs = [json.loads(line) for line in (SHARED / "geovirus" / "geovirus.jsonl").open(encoding="utf-8")][:limit]
    tp_exact = tp_overlap = n_pred = n_gold = 0
    errors: list[float] = []
    t_parse = t_geo = 0.0
    for d in docs:
        text = d["text"]
        t0 = time.perf_counter()
        passages = parse(nlp, text, [("body", 0, len(text))])
        t1 = time.perf_counter()
        places = geoparse(text, passages, gaz)
        t_geo += time.perf_counter() - t1
        t_parse += t1 - t0
        n_pred += len(places)
        n_gold += len(d["toponyms"])
        for g in d["toponyms"]:
            hit = next((p for p in places if p.start == g["start"] and p.end == g["end"]), None)
            tp_exact += hit is not None
            hit = hit or next((p for p in places if p.start < g["end"] and g["start"] < p.end), None)
            if hit is not None:
                tp_overlap += 1
                errors.append(haversine_km(hit.lat, hit.lon, g["lat"], g["lon"]) if hit.lat is not None else 20038.0)

    def prf(tp: int) -> tuple[float, float, float]:
        p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
        return p, r, 2 * p * r / max(p + r, 1e-9)

    pe, re_, fe = prf(tp_exact)
    po, ro, fo = prf(tp_overlap)
    return {
        "docs": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "exact_P": pe,
        "exact_R": re_,
        "exact_F1": fe,
        "overlap_P": po,
        "overlap_R": ro,
        "overlap_F1": fo,
        "acc161": sum(e <= 161 for e in errors) / max(len(errors), 1),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "parse_s": t_parse,
        "geoparse_s": t_geo,
        "geoparse_share": t_geo / max(t_parse + t_geo, 1e-9),
    }


def bench_event_location(limit: int | None) -> dict[str, float]:
    nlp, gaz = load_model(), Gazetteer.open()
    rows = [json.loads(line) for line in (SHARED / "event_location" / "labeled_nongold.jsonl").open(encoding="utf-8")][
        :limit
    ]
    correct = single = 0
    kinds: Counter[str] = Counter()
    for r in rows:
        text = r["text"]
        passages = parse(nlp, text, [("body", 0, len(text))])
        places = geoparse(text, passages, gaz)
        v = r["event_verb"]
        trigger = Span(v["start"], v["end"], v["text"])
        sents = [
            (s, p.offset)
            for p in passages
            for s in p.doc.sents
            if p.offset + s.start_char <= v["start"] < p.offset + s.end_char
        ]
        locs = event_locations(sents[:1], trigger, places, gaz) if sents else []
        gold = r["event_locations"]
        kind = _outcome(gold, locs, places)
        kinds[kind] += 1
        correct += kind.startswith("ok")
        single += _outcome(gold, locs[:1], places).startswith("ok")
    n = max(len(rows), 1)
    shares = {k: round(v / n, 4) for k, v in sorted(kinds.items())}
    return {"sentences": len(rows), "accuracy": correct / n, "accuracy_first_only": single / n, **shares}


def _outcome(gold: list[dict], locs: list[Place], places: list[Place]) -> str:
    """What happened to one sentence: ok_* (correct: every gold place found and nothing else), or the kind of
    error ("multi_*": the sentence has several gold places)."""

    def hits(p: Place, g: dict) -> bool:
        return p.start < g["end"] and g["start"] < p.end

    if not gold:
        return "ok_no_location" if not locs else "err_location_where_gold_has_none"
    multi = "multi_" if len(gold) > 1 else ""
    if all(any(hits(p, g) for p in locs) for g in gold) and all(any(hits(p, g) for g in gold) for p in locs):
        return f"ok_{multi}location"
    if any(any(hits(p, g) for g in gold) for p in locs):
        return f"err_{multi}partly_right"
    if not all(any(hits(p, g) for p in places) for g in gold):
        return f"err_{multi}gold_not_a_toponym_found"
    return f"err_{multi}gold_found_none_chosen" if not locs else f"err_{multi}gold_found_other_chosen"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="GeoVirus articles (default: all)")
    ap.add_argument("--event-location", type=int, default=1000, help="event_location sentences (0: skip)")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        sys.stderr.write(f"no dev data at {SHARED}\n")
        return 1
    res = bench_geovirus(args.limit)
    sys.stdout.write(
        "geovirus " + json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()}) + "\n"
    )
    if args.event_location:
        res = bench_event_location(args.event_location)
        sys.stdout.write(
            "event_location "
            + json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()})
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
