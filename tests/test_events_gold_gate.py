"""Eval gate on the team's gold set: the coder's quality must not fall below the recorded floors.

tests/gold/eval_baseline.json records the measured metrics, the floors (measured minus a small margin) and the
sha256 of the gold file, so that a changed gold set is noticed. After a deliberate change to the gold set or an
improvement of the coder, re-record with ``python benchmarks/bench_events_gold.py --write-baseline``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from benchmarks import bench_events_gold as bench

from eventscope.events.ontology import ACLED_TYPES, PLOVER_MODES

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "events_gold.jsonl"
BASELINE = json.loads((ROOT / "tests" / "gold" / "eval_baseline.json").read_text(encoding="utf-8"))
STATUSES = {"asserted", "claimed", "negated", "planned", "hypothetical", "historical"}
ROWS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    items = bench.load_gold(GOLD)
    bench.predict(items)
    return bench.score(items)  # type: ignore[no-any-return]


def test_gold_digest_matches_baseline() -> None:
    assert bench.digest(GOLD) == BASELINE["gold_sha256"], "gold set changed: re-record the baseline"


def test_gold_size_and_coverage() -> None:
    assert len(ROWS) >= 400
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    types = {e["type"] for r in ROWS for e in r["events"]}
    subs = {e.get("acled_sub_event_type") for r in ROWS for e in r["events"]} - {None}
    assert types == set(PLOVER_MODES)
    assert subs == {s for group in ACLED_TYPES.values() for s in group}
    assert 0.05 <= sum(1 for r in ROWS if not r["events"]) / len(ROWS) <= 0.2


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_gold_item_is_well_formed(row: dict[str, Any]) -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])
    for ev in row["events"]:
        assert ev["type"] in PLOVER_MODES
        assert ev["trigger"] and ev["trigger"] in row["text"]
        assert ev["status"] in STATUSES
        if "acled_sub_event_type" in ev:
            assert ev["acled_sub_event_type"] in ACLED_TYPES[ev["acled_event_type"]]
        for code in ev["source_countries"] + ev["target_countries"]:
            assert re.fullmatch(r"[A-Z]{3}", code)
        for q in ev["quantities"]:
            assert isinstance(q["value"], int) and q["value"] > 0 and q["kind"]


@pytest.mark.parametrize("metric", sorted(BASELINE["floors"]))
def test_metric_at_or_above_floor(scores: dict[str, Any], metric: str) -> None:
    floor = BASELINE["floors"][metric]
    assert scores[metric] >= floor, f"{metric} {scores[metric]:.4f} fell below its floor {floor:.4f}"


# --- the coder rules the gold set's dev errors led to, on sentences of their own ---------------------------------
RULE_CASES = [
    ("A suicide bomber blew himself up outside a police academy in Mardan.", "ASSAULT", "Suicide bomb"),
    ("Attackers lobbed two grenades into a crowded bus station in Garissa.", "ASSAULT", "Grenade"),
    ("Government drones struck a fuel depot held by the rebels near Bossangoa.", "ASSAULT", "Air/drone strike"),
    ("Army helicopters dropped chlorine canisters on the village of Tal Hadiya.", "ASSAULT", "Chemical weapon"),
    ("Police opened fire on demonstrators outside the governor's office, killing three.", "PROTEST",
     "Excessive force against protesters"),
    ("A mob set fire to the house of a local healer accused of witchcraft.", "PROTEST", "Mob violence"),
    ("Customs officers seized a cache of rifles and ammunition hidden in a lorry near Tororo.", "COERCE",
     "Disrupted weapons use"),
    ("The militia set up a new base in the hills above Kalehe last week.", "MOBILIZE",
     "Headquarters or base established"),
    ("The rebels handed over control of the border post to the national army on Tuesday.", "RETREAT",
     "Non-violent transfer of territory"),
    ("The armed forces retook the mining town of Kamituga from the militia.", "ASSAULT",
     "Government regains territory"),
    ("The president spoke by phone with his Kenyan counterpart about the border dispute.", "CONSULT", None),
    ("The French president congratulated the new Senegalese leader on his victory.", "SUPPORT", None),
]


@pytest.fixture(scope="module")
def extract_main() -> Any:

    def run(text: str) -> Any:
        import eventscope

        return bench.main_event([bench.from_event(e) for e in eventscope.extract(text, published="2025-01-15")])

    return run


@pytest.mark.parametrize(("text", "type_", "sub"), RULE_CASES, ids=[c[0][:40] for c in RULE_CASES])
def test_rule_cases(extract_main: Any, text: str, type_: str, sub: str | None) -> None:
    main = extract_main(text)
    assert main is not None and (main.type, main.sub) == (type_, sub)


@pytest.mark.parametrize(
    "text",
    [
        "The agency warned of heavy snow and avalanches in the mountain districts.",
        "Talks on a new fisheries agreement between the two countries resumed in Oslo.",
        "The minister said the army would respond to any attack on its bases.",
    ],
)
def test_rule_no_event(extract_main: Any, text: str) -> None:
    main = extract_main(text)
    assert main is None or main.type not in ("THREATEN", "AGREE", "ASSAULT")
