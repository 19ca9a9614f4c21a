"""Event-confidence calibration: the isotonic fit, the interpolated map, the shipped table and its use by the coder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.events import calibration as C

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "events_gold.jsonl"


def _minmax(ys: list[float]) -> list[float]:
    """Isotonic fit by the min-max formula (independent of PAV): max over j<=i of min over k>=i of mean(y[j..k])."""
    n = len(ys)
    return [max(min(sum(ys[j : k + 1]) / (k + 1 - j) for k in range(i, n)) for j in range(i + 1)) for i in range(n)]


def _fitted(blocks: list[C.Block], scores: list[float]) -> list[float]:
    return [next(b.p for b in blocks if b.lo <= s <= b.hi) for s in scores]


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], [0.0, 0.0, 1.0, 1.0]),
        ([0.1, 0.2, 0.3, 0.4], [1, 0, 1, 1], [0.5, 0.5, 1.0, 1.0]),
        ([0.1, 0.2, 0.3, 0.4], [1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]),
        ([0.4, 0.1, 0.3, 0.2], [1, 1, 0, 0], [1.0, 1 / 3, 1 / 3, 1 / 3]),  # unsorted input
        ([0.5, 0.5, 0.7, 0.9], [1, 0, 0, 1], [1 / 3, 1 / 3, 1 / 3, 1.0]),  # equal scores share a block
        ([0.2, 0.6, 0.8], [0, 1, 0], [0.0, 0.5, 0.5]),
    ],
)
def test_pav_table(scores: list[float], labels: list[int], expected: list[float]) -> None:
    blocks = C.pav(scores, labels)
    assert _fitted(blocks, scores) == pytest.approx(expected)
    assert sum(b.n for b in blocks) == len(scores)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=30))
def test_pav_matches_minmax_formula(labels: list[bool]) -> None:
    scores = [i / 100 for i in range(len(labels))]
    ys = [float(y) for y in labels]
    blocks = C.pav(scores, ys)
    assert _fitted(blocks, scores) == pytest.approx(_minmax(ys))
    assert all(a.p < b.p for a, b in zip(blocks, blocks[1:], strict=False))


def test_pav_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        C.pav([0.1, 0.2], [1])


@pytest.mark.parametrize("strength", [0.0, 5.0, 40.0, 1e6])
def test_shrink_keeps_order_and_moves_toward_prior(strength: float) -> None:
    scores = [0.5, 0.6, 0.6, 0.7, 0.8, 0.9, 0.9, 0.95]
    labels = [False, False, True, True, False, True, True, True]
    raw = C.pav(scores, labels)
    prior = sum(labels) / len(labels)
    shrunk = C.fit(scores, labels, strength)
    assert all(a.p < b.p for a, b in zip(shrunk, shrunk[1:], strict=False))
    assert sum(b.n for b in shrunk) == len(scores)
    assert shrunk[0].lo == min(scores) and shrunk[-1].hi == max(scores)
    if strength == 0:
        assert shrunk == raw
    else:
        assert abs(shrunk[0].p - prior) <= abs(raw[0].p - prior) + 1e-12
        assert abs(shrunk[-1].p - prior) <= abs(raw[-1].p - prior) + 1e-12
    if strength > 1e5:
        assert all(b.p == pytest.approx(prior, abs=1e-3) for b in shrunk)


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ([C.Block(0.1, 0.3, 0.2, 5, 0.0), C.Block(0.4, 0.9, 0.6, 5, 1.0)], [(0.2, C.P_MIN), (0.6, C.P_MAX)]),
        ([C.Block(0.1, 0.3, 0.2, 5, 0.99), C.Block(0.4, 0.9, 0.6, 5, 1.0)], [(0.2, C.P_MAX)]),  # equal once clipped
        ([C.Block(0.5, 0.7, 0.6, 9, 0.7)], [(0.6, 0.7)]),
    ],
)
def test_knots(blocks: list[C.Block], expected: list[tuple[float, float]]) -> None:
    got = C.knots(blocks)
    assert len(got) == len(expected)
    assert [v for k in got for v in k] == pytest.approx([v for k in expected for v in k])


KNOTS = [(0.6, 0.7), (0.8, 0.9), (0.9, 0.95)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0.6, 0.7),
        (0.7, 0.8),
        (0.8, 0.9),
        (0.85, 0.925),
        (0.9, 0.95),
        (0.0, C.P_MIN / 2),
        (1.0, (1 + C.P_MAX) / 2),
        (-0.5, C.P_MIN / 2),
        (1.7, (1 + C.P_MAX) / 2),
        (0.3, C.P_MIN / 2 + (0.7 - C.P_MIN / 2) / 2),
    ],
)
def test_interpolate(raw: float, expected: float) -> None:
    assert C.interpolate(raw, KNOTS) == pytest.approx(expected)


def test_interpolate_without_knots_is_identity() -> None:
    assert C.interpolate(0.42, []) == 0.42


def test_shipped_map_is_strictly_increasing_probability() -> None:
    grid = [i / 200 for i in range(201)]
    probs = [C.calibrate(r) for r in grid]
    assert all(0.0 < p < 1.0 for p in probs)
    assert all(a < b for a, b in zip(probs, probs[1:], strict=False))


def test_shipped_table_provenance() -> None:
    table = C.table()
    assert table["gold_sha256"] == hashlib.sha256(GOLD.read_bytes()).hexdigest(), (
        "gold set changed: refit with python scripts/fit_calibration.py"
    )
    assert "dev part" in table["fitted_on"]
    xs = [x for x, _ in table["knots"]]
    ps = [p for _, p in table["knots"]]
    assert xs == sorted(set(xs)) and ps == sorted(set(ps))
    assert all(C.P_MIN <= p <= C.P_MAX for p in ps)


def test_uncalibrated_context() -> None:
    assert C.calibrate(0.5) != 0.5
    with C.uncalibrated():
        assert C.calibrate(0.5) == 0.5
    assert C.calibrate(0.5) != 0.5


@pytest.mark.parametrize(
    ("probs", "labels", "ece", "brier"),
    [
        ([], [], 0.0, 0.0),
        ([1.0, 0.0], [True, False], 0.0, 0.0),
        ([0.8, 0.8, 0.8, 0.8, 0.8], [True, True, True, True, False], 0.0, 0.16),
        ([0.9, 0.9, 0.1, 0.1], [True, False, False, False], 0.25, 0.21),  # bins: |.9-.5|=.4 and |.1-0|=.1
        ([0.05, 0.95], [True, False], 0.95, 0.9025),
    ],
)
def test_ece_and_brier(probs: list[float], labels: list[bool], ece: float, brier: float) -> None:
    assert C.ece(probs, labels) == pytest.approx(ece)
    assert C.brier(probs, labels) == pytest.approx(brier)


# --- the coder applies the map ---------------------------------------------------------------------------------

SENTENCES = [
    "Army units shelled a rebel position outside the town of Kidal on Sunday, killing four fighters.",
    "Hundreds of teachers marched through the capital on Monday to demand unpaid salaries.",
    "The two foreign ministers signed a trade accord in Nairobi on Thursday.",
    "Officials said the militia might attack the convoy if the talks collapsed.",
]


@pytest.mark.parametrize("text", SENTENCES, ids=[s[:30] for s in SENTENCES])
def test_coder_reports_calibrated_confidence_with_the_same_ranking(text: str) -> None:
    import eventscope

    with C.uncalibrated():
        raw = eventscope.extract(text, published="2025-03-10")
    cal = eventscope.extract(text, published="2025-03-10")
    assert raw, "the sentence has an event"
    assert [(e.type, e.trigger.start) for e in raw] == [(e.type, e.trigger.start) for e in cal]
    for r, c in zip(raw, cal, strict=True):
        assert c.confidence == pytest.approx(C.calibrate(r.confidence), abs=1e-3)  # both rounded to 4 places
    order_raw = sorted(range(len(raw)), key=lambda i: raw[i].confidence)
    order_cal = sorted(range(len(cal)), key=lambda i: cal[i].confidence)
    assert order_raw == order_cal
