"""Gazetteer build time and size, open time and memory, lookup throughput.

    python benchmarks/bench_gazetteer.py [--rebuild]

Without --rebuild the gazetteer at the default path (or $EVENTSCOPE_GAZETTEER) is used, built if missing.
Open time and peak RSS are measured in a fresh interpreter so that nothing else is loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventscope.places.build import build
from eventscope.places.gazetteer import Gazetteer, default_path

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
try:  # VmHWM is this process's own peak; ru_maxrss survives exec and would include the parent's peak
    rss = next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM')) / 1024
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"open_s": t_open, "peak_rss_mb": rss}))
"""


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
    words = NAMES * 200
    t = time.perf_counter()
    for n in words:
        gaz.lookup(n)
    out["hot_lookups_per_s"] = round(len(words) / (time.perf_counter() - t))
    cold = [f"{n} {i}" for i in range(2000) for n in ("Aleppo", "Springfield")]
    t = time.perf_counter()
    for n in cold:
        gaz.lookup(n)
    out["cold_lookups_per_s"] = round(len(cold) / (time.perf_counter() - t))
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
