"""Gazetteer build time and size, open time and memory, lookup throughput.

    python benchmarks/bench_gazetteer.py [--rebuild]

Without --rebuild the gazetteer at the default path (or $EVENTSCOPE_GAZETTEER) is used, built if missing.
Open time and peak RSS are measured in a fresh interpreter so that nothing else is loaded. Lookup rates: see
:func:`lookup_rates` (hot = cached names; uncached hits/misses = every lookup normalises the name and, for names the
index holds, runs the SQLite query; names it lacks are rejected by the in-memory key filter).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventscope.places.build import build
from eventscope.places.gazetteer import Gazetteer, default_path
from eventscope.places.normalize import _fold_token, name_key

NAMES = [
    "Aleppo",
    "Ain Issa",
    "Kobane",
    "Tripoli",
    "Syria",
    "Paris",
    "Springfield",
    "Raqqa countryside",
    "London",
    "New York",
    "Kabul",
    "Mosul",
    "Donetsk",
    "Idlib",
    "Ras al-Ain",
    "Tell Abyad",
    "Manbij",
    "al-Bab",
    "Nowhere Town",
]

_PROBE = """
import json, resource, sys, time
t = time.perf_counter()
from eventscope.places.gazetteer import Gazetteer
g = Gazetteer.open(None if sys.argv[1] == '-' else sys.argv[1])
t_open = time.perf_counter() - t
for n in json.loads(sys.argv[2]):
    g.lookup(n)
def peak():
    try:  # VmHWM is this process's own peak; ru_maxrss survives exec and would include the parent's peak
        return next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM')) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
rss = peak()
rows = g._con.execute("SELECT name FROM places WHERE id % 11 = 0 ORDER BY id").fetchall()
for i, (n,) in enumerate(rows[:20000]):  # a long run touches much more of the index (caches kept small)
    if i % 1000 == 0:
        g.lookup_key.cache_clear()
    g.lookup(n)
print(json.dumps({"open_s": t_open, "peak_rss_mb": rss, "peak_rss_after_20k_lookups_mb": peak()}))
"""


def _rates(gaz: Gazetteer, names: list[str], cached: bool, chunk: int = 1000) -> list[tuple[float, float]]:
    """Lookups per wall-clock second and per CPU second of each ``chunk`` of ``names``; ``cached=False`` clears the name-key and lookup caches
    first, so every lookup normalises the name and queries SQLite."""
    if not cached:
        gaz.lookup_key.cache_clear()
        name_key.cache_clear()
        _fold_token.cache_clear()
    out = []
    for i in range(0, len(names), chunk):
        part = names[i : i + chunk]
        t, c = time.perf_counter(), time.process_time()
        for n in part:
            gaz.lookup(n)
        out.append((len(part) / (time.perf_counter() - t), len(part) / max(time.process_time() - c, 1e-9)))
    return out


def lookup_rates(gaz: Gazetteer, runs: int = 3, sqlite: Gazetteer | None = None) -> dict[str, int]:
    """Lookup throughput, three kinds: "hot" repeats 20 names (served by the per-instance cache); "uncached_hits"
    looks up 20,000 distinct real place names drawn evenly from the index, "uncached_misses" 20,000 names the index
    does not hold, each after clearing the caches. Each kind runs ``runs`` times in chunks of 1,000 lookups; the
    median chunk rate is reported (robust to the scheduler stalls of a busy machine) with the overall mean rate, and
    the median rate per CPU second (what the code costs, whatever else the machine runs). With ``sqlite`` (a
    gazetteer opened with ``in_memory=False``) "sqlite_uncached_hits" runs the same names through SQLite queries,
    interleaved with the others so that both see the same machine load."""
    rows = gaz._con.execute("SELECT name FROM places WHERE id % 11 = 0 ORDER BY id").fetchall()
    real = list(dict.fromkeys(r[0] for r in rows))[:20_000]
    missing = [f"{n} {i}" for i in range(10_000) for n in ("Aleppo", "Springfield")]
    for n in real[:2000]:  # warm SQLite's page cache once, as a long run would
        gaz.lookup(n)
        if sqlite is not None:
            sqlite.lookup(n)
    kinds = {
        "hot": (gaz, NAMES * 1000, True),
        "uncached_hits": (gaz, real, False),
        "uncached_misses": (gaz, missing, False),
    }
    if sqlite is not None:
        kinds["sqlite_uncached_hits"] = (sqlite, real, False)
    rates: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    for _ in range(runs):
        for label, (g, names, cached) in kinds.items():
            rates[label] += _rates(g, names, cached)
    out: dict[str, int] = {}
    for label, r in rates.items():
        wall, cpu = [x[0] for x in r], [x[1] for x in r]
        out[f"{label}_lookups_per_s"] = round(statistics.median(wall))
        out[f"{label}_mean_lookups_per_s"] = round(len(wall) / sum(1 / x for x in wall))
        out[f"{label}_lookups_per_cpu_s"] = round(statistics.median(cpu))
    return out | {"uncached_hit_names": len(real)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rebuild", action="store_true", help="time a fresh build into a temporary file")
    args = ap.parse_args(argv)
    out: dict[str, float | int | str] = {}
    if args.rebuild:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gaz.sqlite"
            t = time.perf_counter()
            counts = build(path)
            out["build_s"] = round(time.perf_counter() - t, 1)
            out["size_mb"] = round(path.stat().st_size / 1e6, 1)
            out.update(counts)
    path = default_path()
    Gazetteer.open(path).close()  # build once if needed, outside the timings
    out.setdefault("size_mb", round(path.stat().st_size / 1e6, 1))
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), json.dumps(NAMES)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    out.update(json.loads(probe.stdout))
    gaz = Gazetteer.open(path)
    out.update(lookup_rates(gaz, sqlite=Gazetteer.open(path, in_memory=False)))
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
