"""HTML main-text extraction quality on ../shared/dev/article_extraction (trafilatura's evaluation pages).

Usage (from the project's root):
    python benchmarks/bench_extraction.py [--limit N] [--data PATH]

For every page: ``intake.extract_html`` -> text. A ``with`` snippet found in the text is a true positive, a
``without`` snippet found is a false positive -> precision/recall/F1; ``comments`` snippets found are leaks. Reported
over the whole extracted text, over the coded zones (headline + body) that ``mark_zones(text, extracted=True)``
keeps, and over those of ``mark_zones(text)`` (the text zoned as if it were scraped plain text). Also the accuracy of the page's date against ``meta.date`` (a gold date written year-day-month,
"2022-25-10", is read as such) and of its title. Then reprint detection: every page into one ``StoryIndex``, the
pages it puts into an existing story listed. Then the zoning throughput: ``mark_zones`` over the seed articles
repeated to ~10 MB (CPU time, median of 5 runs). Prints one report; not a gate. Also the body text's agreement with
plain ``trafilatura.extract`` (defaults, comments excluded): word 4-gram F1 per page.

    python benchmarks/bench_extraction.py --speed-only     # only the zoning throughput
    taskset -c 0 python benchmarks/bench_extraction.py --html-speed-only --runs 5   # only the HTML speed

HTML speed: ``--runs`` passes (default 3) over the pages, each page timed (CPU) with ``extract_html`` and then with
plain ``trafilatura.extract`` on the same bytes, interleaved so a busy machine slows both alike; reported as pages/s
per pass (median of the passes) and the ratio of the two. Run it on one core (``taskset -c 0``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from eventscope.errors import InputError
from eventscope.intake import extract_html, mark_zones
from eventscope.intake.dedupe import StoryIndex
from eventscope.intake.document import make_document
from eventscope.model import CODED_ZONES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "dev" / "article_extraction"
SEEDS = ROOT.parent / "shared" / "seeds"


def zoning_speed(target_bytes: int = 10_000_000, runs: int = 5) -> str:
    """mark_zones throughput over the seed articles repeated to ``target_bytes`` (CPU seconds, median of runs)."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    if not seeds:
        return "zoning speed: no seed articles found"
    text = (seeds + "\n\n") * max(1, target_bytes // len(seeds.encode("utf-8")))
    mb = len(text.encode("utf-8")) / 1e6
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        mark_zones(text)
        times.append(time.process_time() - t0)
    med = statistics.median(times)
    return f"zoning speed: {mb:.1f} MB in {med:.2f} s CPU (median of {runs}) = {mb / med:.1f} MB/s"


def html_speed(pages: list[tuple[bytes, str | None]], runs: int = 3) -> str:
    """Pages/s (CPU, one pass over ``pages``) of ``extract_html`` and of plain ``trafilatura.extract``, interleaved
    page by page; the median of ``runs`` passes of each and of their per-pass ratio."""
    import trafilatura

    ours: list[float] = []
    plain: list[float] = []
    for _ in range(runs):
        t_ours = t_plain = 0.0
        for raw, url in pages:
            c0 = time.process_time()
            try:
                extract_html(raw, url)
            except InputError:
                pass
            c1 = time.process_time()
            trafilatura.extract(raw, url=url)
            t_plain += time.process_time() - c1
            t_ours += c1 - c0
        ours.append(len(pages) / max(t_ours, 1e-9))
        plain.append(len(pages) / max(t_plain, 1e-9))
    ratio = statistics.median(o / p for o, p in zip(ours, plain, strict=True))
    return (
        f"HTML speed ({runs} passes of {len(pages)} pages, CPU): extract_html {statistics.median(ours):.1f} pages/s "
        f"(passes: {', '.join(f'{x:.1f}' for x in ours)}); trafilatura.extract {statistics.median(plain):.1f} "
        f"pages/s (passes: {', '.join(f'{x:.1f}' for x in plain)}); ratio {ratio:.2f}"
    )


def _ngrams(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = text.split()
    return Counter(tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1)))


def ngram_f1(ours: str, reference: str, n: int = 4) -> float:
    """Word ``n``-gram F1 of a text against a reference text (1.0 when both are empty)."""
    a, b = _ngrams(ours, n), _ngrams(reference, n)
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def agreement(pages: list[tuple[bytes, str | None]], texts: list[str]) -> str:
    """How close our body text is to ``trafilatura.extract`` with its defaults but comments excluded (4-gram F1)."""
    import trafilatura

    scores = [ngram_f1(t, trafilatura.extract(raw, url=url, include_comments=False) or "") for (raw, url), t in
              zip(pages, texts, strict=True)]
    low = sum(s < 0.9 for s in scores)
    return (
        f"agreement with trafilatura.extract(include_comments=False), 4-gram F1: mean {statistics.fmean(scores):.3f}, "
        f"median {statistics.median(scores):.3f}, pages below 0.9: {low}/{len(scores)}"
    )


def _norm(s: str) -> str:
    return " ".join(s.split())


def _snippets(item: dict, key: str) -> list[str]:
    """The item's non-empty snippets of one kind (a few gold lists hold empty strings)."""
    return [n for n in (_norm(s) for s in item.get(key) or []) if n]


def _gold_date(value: str) -> str:
    """The gold ``meta.date`` as ISO; a few gold dates are written year-day-month ("2022-25-10"): read them so."""
    y, m, d = (value[:10].split("-") + ["", ""])[:3]
    if m.isdigit() and d.isdigit() and int(m) > 12 >= int(d):
        m, d = d, m
    return f"{y}-{m}-{d}"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--speed-only", action="store_true", help="only measure the zoning throughput")
    ap.add_argument("--html-speed-only", action="store_true", help="only measure the HTML extraction speed")
    ap.add_argument("--runs", type=int, default=3, help="passes of the HTML speed measurement (0: none)")
    args = ap.parse_args(argv)
    if args.speed_only:
        print(zoning_speed())
        return 0
    sample = args.data / "trafilatura_eval_sample.jsonl"
    if not sample.exists():
        print(f"no data at {sample}", file=sys.stderr)
        return 2
    items = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        items = items[: args.limit]
    if args.html_speed_only:
        pages = [(gzip.decompress((args.data / it["html_file"]).read_bytes()), it.get("url", "").strip() or None)
                 for it in items]
        print(html_speed(pages, max(1, args.runs)))
        return 0
    outputs = ("text", "zones", "zones-plain")
    counts = {k: [0, 0, 0] for k in outputs}  # tp, fp, fn
    leaks = dict.fromkeys(outputs, 0)
    n_comments = n_date = date_ok = n_title = title_ok = skipped = 0
    html_cpu = 0.0  # CPU seconds spent in extract_html alone
    stories = StoryIndex()
    reprints: list[str] = []
    t0 = time.perf_counter()
    texts: list[str] = []
    for it in items:
        raw = gzip.decompress((args.data / it["html_file"]).read_bytes())
        c0 = time.process_time()
        try:
            res = extract_html(raw, it.get("url", "").strip() or None)
        except InputError:
            skipped += 1
            res = None
        html_cpu += time.process_time() - c0
        text = res.text if res else ""
        texts.append(text)
        zoned = {
            "zones": mark_zones(text, extracted=True) if text else (),
            "zones-plain": mark_zones(text) if text else (),  # as if the text were scraped plain text
        }
        coded = {
            k: _norm("\n".join(text[z.start : z.end] for z in zs if z.kind in CODED_ZONES)) for k, zs in zoned.items()
        }
        for key, out in (("text", _norm(text)), *coded.items()):
            c = counts[key]
            for s in _snippets(it, "with"):
                if s in out:
                    c[0] += 1
                else:
                    c[2] += 1
            for s in _snippets(it, "without"):
                if s in out:
                    c[1] += 1
            leaks[key] += sum(1 for s in _snippets(it, "comments") if s in out)
        n_comments += len(_snippets(it, "comments"))
        if res is not None:
            url = it.get("url", "").strip() or None
            match = stories.add(make_document(text, locator=it["id"], url=url, external_id=it["id"], html_meta=res))
            if not match.is_new_story:
                reprints.append(f"  {it['id']} ~ {match.matched_document_id} (containment {match.similarity})")
        meta = it.get("meta") or {}
        if meta.get("date"):
            n_date += 1
            date_ok += bool(res and res.date and res.date.isoformat() == _gold_date(meta["date"]))
        if meta.get("title"):
            n_title += 1
            title_ok += bool(res and res.title and _norm(res.title) == _norm(meta["title"]))
    secs = time.perf_counter() - t0
    print(f"pages: {len(items)}  skipped (no main text): {skipped}  time: {secs:.1f}s")
    print(f"HTML extraction: {html_cpu:.1f} s CPU = {len(items) / max(html_cpu, 1e-9):.1f} pages/s (first pass, cold)")
    print(f"{'output':12} {'P':>6} {'R':>6} {'F1':>6} {'comment leak':>14}")
    for key in outputs:
        p, r, f = _prf(*counts[key])
        leak = leaks[key] / n_comments if n_comments else 0.0
        print(f"{key:12} {p:6.3f} {r:6.3f} {f:6.3f} {leak:8.3f} ({leaks[key]}/{n_comments})")
    print(f"meta.date accuracy: {date_ok}/{n_date} = {date_ok / max(n_date, 1):.3f}")
    print(f"meta.title exact:   {title_ok}/{n_title} = {title_ok / max(n_title, 1):.3f}")
    print(f"same story as an earlier page: {len(reprints)}")
    for line in reprints:
        print(line)
    pages = [(gzip.decompress((args.data / it["html_file"]).read_bytes()), it.get("url", "").strip() or None)
             for it in items]
    print(agreement(pages, texts))
    if args.runs > 0:
        print(html_speed(pages, args.runs))
    print(zoning_speed())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
