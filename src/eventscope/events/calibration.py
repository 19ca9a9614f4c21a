"""Calibration of event confidence: the coder's raw score -> probability that the event is correct.

The raw score is :func:`eventscope.events.coder.confidence` (a documented hand-set formula). It ranks events well
but is not a probability. ``scripts/fit_calibration.py`` fits an isotonic (pool-adjacent-violators) map from raw
score to "matches a gold event of the same type" on the dev part of the team's gold set and writes the knots to
``events/data/calibration.json`` together with the gold file's sha256. :func:`calibrate` interpolates linearly
between the knots, so the map is strictly increasing and the coder's ordering of events (and so the main event)
is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

#: probabilities are kept inside this range: a finite gold set cannot justify 0 or 1
P_MIN, P_MAX = 0.02, 0.98
_RAW: ContextVar[bool] = ContextVar("eventscope_raw_confidence", default=False)


@dataclass(frozen=True)
class Block:
    """One pooled block of the isotonic fit: raw scores ``lo..hi`` (mean ``x``), ``n`` events, ``p`` correct."""

    lo: float
    hi: float
    x: float
    n: int
    p: float


def pav(scores: Sequence[float], labels: Sequence[float], weights: Sequence[float] | None = None) -> list[Block]:
    """Isotonic regression by pool-adjacent-violators: blocks of equal fitted value, increasing in score and p.
    ``labels`` are 0/1 outcomes (or rates, with ``weights`` as their counts)."""
    ws = [1.0] * len(scores) if weights is None else list(weights)
    if not len(scores) == len(labels) == len(ws):
        raise ValueError("scores, labels and weights differ in length")
    # each stack entry: [lo, hi, sum_wx, sum_w, sum_wy]; pool while the last block is not above the one before it
    stack: list[list[float]] = []
    for s, y, w in sorted(zip(scores, (float(v) for v in labels), ws, strict=True)):
        if stack and stack[-1][0] == s:  # equal scores always share one block
            top = stack[-1]
            top[2] += w * s
            top[3] += w
            top[4] += w * y
        else:
            stack.append([s, s, w * s, w, w * y])
        while len(stack) > 1 and stack[-2][4] / stack[-2][3] >= stack[-1][4] / stack[-1][3]:
            b = stack.pop()
            a = stack[-1]
            a[1], a[2], a[3], a[4] = b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]
    return [Block(lo, hi, sx / n, round(n), sy / n) for lo, hi, sx, n, sy in stack]


def shrink(blocks: Sequence[Block], prior: float, strength: float) -> list[Block]:
    """Each block's rate pulled toward ``prior`` by ``strength`` pseudo-events (small blocks move most), then
    re-pooled so that the rates stay increasing."""
    if strength <= 0:
        return list(blocks)
    rates = [(b.n * b.p + strength * prior) / (b.n + strength) for b in blocks]
    pooled = pav([b.x for b in blocks], rates, [float(b.n) for b in blocks])
    out = []
    for pb in pooled:  # keep the raw-score ranges of the blocks that were pooled
        inner = [b for b in blocks if pb.lo <= b.x <= pb.hi]
        out.append(Block(inner[0].lo, inner[-1].hi, pb.x, pb.n, pb.p))
    return out


def fit(scores: Sequence[float], labels: Sequence[bool], strength: float = 0.0) -> list[Block]:
    """Isotonic fit of ``labels`` on ``scores``, shrunk toward the overall rate by ``strength`` pseudo-events."""
    prior = sum(1 for y in labels if y) / len(labels) if labels else 0.5
    return shrink(pav(scores, [float(y) for y in labels]), prior, strength)


def knots(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    """Interpolation knots (mean raw score, probability clipped to P_MIN..P_MAX), strictly increasing in both."""
    out: list[tuple[float, float]] = []
    for b in blocks:
        p = min(P_MAX, max(P_MIN, b.p))
        if not out or (b.x > out[-1][0] and p > out[-1][1]):
            out.append((round(b.x, 6), round(p, 6)))
    return out


def interpolate(raw: float, pts: Sequence[tuple[float, float]]) -> float:
    """Piecewise-linear map through ``pts``; beyond the end knots it runs linearly to (0, P_MIN/2) and
    (1, (1+P_MAX)/2) so that it stays strictly increasing over 0..1."""
    if not pts:
        return raw
    ext = [(0.0, P_MIN / 2), *[(x, p) for x, p in pts if 0.0 < x < 1.0], (1.0, (1 + P_MAX) / 2)]
    raw = min(1.0, max(0.0, raw))
    for (x0, p0), (x1, p1) in zip(ext, ext[1:], strict=False):
        if raw <= x1:
            return p0 + (p1 - p0) * (raw - x0) / (x1 - x0) if x1 > x0 else p1
    return ext[-1][1]


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The shipped calibration table (knots, gold digest, fit statistics)."""
    text = resources.files("eventscope.events").joinpath("data", "calibration.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def calibrate(raw: float) -> float:
    """The calibrated probability for a raw coder score (the raw score itself inside :func:`uncalibrated`)."""
    if _RAW.get():
        return raw
    return interpolate(raw, [(float(x), float(p)) for x, p in table()["knots"]])


@contextmanager
def uncalibrated() -> Iterator[None]:
    """Within this block the coder reports raw scores (used to fit the calibration)."""
    token = _RAW.set(True)
    try:
        yield
    finally:
        _RAW.reset(token)


def ece(probs: Sequence[float], labels: Sequence[bool], bins: int = 10) -> float:
    """Expected calibration error over ``bins`` equal-width bins of predicted probability."""
    if not probs:
        return 0.0
    total = 0.0
    for k in range(bins):
        idx = [i for i, p in enumerate(probs) if min(int(p * bins), bins - 1) == k]
        if idx:
            conf = sum(probs[i] for i in idx) / len(idx)
            acc = sum(1 for i in idx if labels[i]) / len(idx)
            total += len(idx) / len(probs) * abs(conf - acc)
    return total


def brier(probs: Sequence[float], labels: Sequence[bool]) -> float:
    """Mean squared error of the probabilities against the 0/1 outcomes."""
    return sum((p - float(y)) ** 2 for p, y in zip(probs, labels, strict=True)) / len(probs) if probs else 0.0
