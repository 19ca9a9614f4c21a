"""Benchmark the time stage on TempEval-3 (../shared/dev/tempeval3), with dateparser's search_dates as a baseline.

Metrics (see ../shared/dev/README.md): span precision/recall/F1, strict (same offsets) and relaxed (overlap), over
all TIMEX3 types; value accuracy on matched DATE/TIME expressions (gold value == system value); value F1 (an
expression is correct when its span overlaps a gold one and the values are equal, over all types); speed in chars/s.
``--analysis`` prints every value mismatch, miss and spurious expression grouped by cause.

    python benchmarks/bench_time.py [--data PATH] [--no-baseline] [--errors N] [--analysis] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time as clock
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventscope import time as T
from eventscope.model import TimeExpression

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "tempeval3" / "documents.jsonl"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    value: str


def _found(exprs: Sequence[TimeExpression]) -> list[Found]:
    """Each expression in its TIMEX3 view (TimeML conventions: "two weeks after X" is the DURATION "two weeks")."""
    return [Found(v.start, v.end, v.type, v.value) for v in map(T.timex3, exprs)]


def ours(text: str, dct: dt.date) -> list[Found]:
    return _found(T.tag(text, [(0, len(text))], dct, anchor_basis="publication date"))


def ours_without_dct(text: str, dct: dt.date) -> list[Found]:
    """The document date hidden: the year is inferred from the text's own dates (or nothing resolves)."""
    return _found(T.resolve_document(text, [(0, len(text))], None).expressions)


def dateparser_baseline(text: str, dct: dt.date) -> list[Found]:
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for s, value in hits:
        i = text.find(s, pos)
        if i < 0:
            continue
        pos = i + len(s)
        out.append(Found(i, i + len(s), "DATE", value.date().isoformat()))
    return out


def cause(gold: dict, found: Found | None) -> str:
    """A coarse cause for one error, to group the analysis."""
    if found is None:
        return f"missed {gold['type']}"
    g, f = gold["value"], found.value
    if gold["type"] != found.type and {gold["type"], found.type} != {"DATE", "TIME"}:
        return f"type {gold['type']} vs ours {found.type}"
    if "T" in f and f.split("T")[0] == g:
        return "part-of-day / clock suffix"
    if g.endswith("_REF") or f.endswith("_REF"):
        return "reference (PAST/PRESENT/FUTURE_REF)"
    shape = re.sub(r"\d", "9", g), re.sub(r"\d", "9", f)
    if shape[0] != shape[1]:
        return f"granularity {shape[0]} vs ours {shape[1]}"
    if g[:4] != f[:4]:
        return "year differs"
    return "same granularity, other period"


def score(docs: Sequence[dict], system: Callable[[str, dt.date], list[Found]], errors: int = 0,
          repeat: int = 1) -> dict:
    c: Counter[str] = Counter()
    mistakes: list[tuple[str, str, str, str]] = []
    analysis: dict[str, list[str]] = {}

    def note(kind: str, line: str) -> None:
        analysis.setdefault(kind, []).append(line)

    def context(text: str, start: int, end: int) -> str:
        return text[max(0, start - 50) : end + 30].replace("\n", " ")
    chars = sum(len(d["text"]) for d in docs)
    timings = []
    for _ in range(max(1, repeat)):
        started = clock.perf_counter()
        outputs = [system(d["text"], dt.date.fromisoformat(d["dct"][:10])) for d in docs]
        timings.append(clock.perf_counter() - started)
    elapsed = statistics.median(timings)
    for d, found in zip(docs, outputs, strict=True):
        gold = d["timexes"]
        c["gold"] += len(gold)
        c["system"] += len(found)
        exact = {(f.start, f.end) for f in found}
        c["strict"] += sum((g["start"], g["end"]) in exact for g in gold)
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, f in enumerate(found) if i not in used and f.start < g["end"] and g["start"] < f.end),
                       None)
            if hit is None:
                note(cause(g, None), f"{g['text']!r} {g['value']} | {context(d['text'], g['start'], g['end'])}")
                continue
            used.add(hit)
            c["relaxed"] += 1
            f = found[hit]
            ok = f.value == g["value"]
            c["value_correct"] += ok
            if not ok:
                note(cause(g, f), f"{d['dct'][:10]} ours {d['text'][f.start : f.end]!r} {f.value} gold {g['text']!r} "
                                  f"{g['value']} | {context(d['text'], g['start'], g['end'])}")
            if g["type"] in ("DATE", "TIME"):
                c["valued"] += 1
                c["value_ok"] += ok
                if not ok and len(mistakes) < errors:
                    mistakes.append((d["text"][f.start : f.end], f.value, g["text"], g["value"]))
        for i, f in enumerate(found):
            if i not in used:
                note(f"spurious {f.type}", f"{d['text'][f.start : f.end]!r} {f.value} | "
                                           f"{context(d['text'], f.start, f.end)}")

    def prf(tp: int) -> dict[str, float]:
        p = tp / c["system"] if c["system"] else 0.0
        r = tp / c["gold"] if c["gold"] else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

    return {
        "documents": len(docs),
        "gold": c["gold"],
        "system": c["system"],
        "strict": prf(c["strict"]),
        "relaxed": prf(c["relaxed"]),
        "value_accuracy": round(c["value_ok"] / c["valued"], 3) if c["valued"] else 0.0,
        "valued": c["valued"],
        "value": prf(c["value_correct"]),
        "chars_per_s": round(chars / elapsed) if elapsed else 0,
        "mistakes": mistakes,
        "analysis": analysis,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many value mistakes")
    ap.add_argument("--analysis", action="store_true", help="print every error of eventscope, grouped by cause")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="runs per system; speed is the median")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = {"eventscope.time": score(docs, ours, args.errors, args.repeat),
               "eventscope.time (no dct)": score(docs, ours_without_dct, repeat=args.repeat)}
    if not args.no_baseline:
        results["dateparser.search_dates"] = score(docs, dateparser_baseline, repeat=args.repeat)
    if args.json:
        hidden = ("mistakes", "analysis")
        print(json.dumps({k: {m: v for m, v in r.items() if m not in hidden} for k, r in results.items()}, indent=2))
        return 0
    if args.analysis:
        for kind, lines in sorted(results["eventscope.time"]["analysis"].items(), key=lambda kv: -len(kv[1])):
            print(f"== {kind}: {len(lines)}")
            for line in lines:
                print(f"  {line}")
    print(f"{'system':<26}{'strict P/R/F1':>20}{'relaxed P/R/F1':>20}{'value acc':>11}{'value P/R/F1':>20}"
          f"{'chars/s':>11}")
    for name, r in results.items():
        s, x, v = r["strict"], r["relaxed"], r["value"]
        print(f"{name:<26}{s['p']:>8.3f}{s['r']:>6.3f}{s['f1']:>6.3f}{x['p']:>8.3f}{x['r']:>6.3f}{x['f1']:>6.3f}"
              f"{r['value_accuracy']:>11.3f}{v['p']:>8.3f}{v['r']:>6.3f}{v['f1']:>6.3f}{r['chars_per_s']:>11,}")
    print(f"gold expressions: {results['eventscope.time']['gold']}; documents: {len(docs)}; "
          f"value accuracy over {results['eventscope.time']['valued']} matched DATE/TIME gold expressions")
    for m in results["eventscope.time"]["mistakes"]:
        ours_text, ours_value, gold_text, gold_value = m
        print(f"  ours {ours_text!r:<28} {ours_value:<16} gold {gold_text!r:<28} {gold_value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
