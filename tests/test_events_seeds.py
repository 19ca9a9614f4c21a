"""The seed articles (third-party, read from ../shared when present): what the event coder must read."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.actors import ActorKB
from eventscope.events import EventDraft, code_passages
from eventscope.nlp import load_model, parse

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[EventDraft]]]:
    nlp, kb = load_model(), ActorKB.load()
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cut = text.find("Notify of")  # the pipeline codes body zones only: leave out the comment section
        body_end = cut if cut >= 0 else len(text)
        out[path.name[:3]] = (text, code_passages(parse(nlp, text, [("body", 0, body_end)]), kb))
    return out


def _countries(d: EventDraft) -> set[str]:
    return {a.country for a in d.actors if a.country}


def _find(
    drafts: list[EventDraft],
    type_: str,
    *,
    countries: set[str] = frozenset(),  # type: ignore[assignment]
    evidence: str = "",
    status: set[str] | None = None,
) -> list[EventDraft]:
    return [
        d
        for d in drafts
        if d.type == type_
        and countries <= _countries(d)
        and evidence in d.evidence.text
        and (status is None or d.status in status)
    ]


def test_seed1_mobilize_by_russia_claimed(seeds) -> None:  # type: ignore[no-untyped-def]
    text, drafts = seeds["000"]
    found = _find(drafts, "MOBILIZE", countries={"RUS"}, evidence="Late Sunday", status={"claimed"})
    found += _find(drafts, "MOBILIZE", countries={"RUS"}, evidence="Additional units", status={"claimed"})
    assert found
    for d in found:
        assert d.attribution is not None and d.attribution.country == "RUS"
        assert d.acled is not None and d.acled.event_type == "Strategic developments"


def test_seed1_clashes(seeds) -> None:  # type: ignore[no-untyped-def]
    _, drafts = seeds["000"]
    (d,) = _find(drafts, "ASSAULT", evidence="clashes erupted")
    assert d.acled is not None and (d.acled.event_type, d.acled.sub_event_type) == ("Battles", "Armed clash")
    assert "TUR" not in _countries(d)  # Turkey-backed militants are not Turkey
    assert len([a for a in d.actors if a.role == "source"]) == 1 and len(d.actors) == 2


@pytest.mark.parametrize(
    ("type_", "countries", "status"),
    [("AGREE", {"RUS", "TUR"}, None), ("REQUEST", {"RUS"}, None), ("CONSULT", {"RUS", "TUR"}, {"planned"})],
)
def test_seed1_should_events(seeds, type_: str, countries: set[str], status: set[str] | None) -> None:  # type: ignore[no-untyped-def]
    _, drafts = seeds["000"]
    assert _find(drafts, type_, countries=countries, status=status)


def test_seed1_no_asserted_shelling(seeds) -> None:  # type: ignore[no-untyped-def]
    _, drafts = seeds["000"]
    bad = [
        d
        for d in drafts
        if d.type == "ASSAULT" and "had not detected" in d.evidence.text and d.status in ("asserted", "claimed")
    ]
    assert bad == []
    assert not [d for d in drafts if "views the Turkish" in d.evidence.text]


def test_seed2_joint_patrol(seeds) -> None:  # type: ignore[no-untyped-def]
    _, drafts = seeds["001"]
    found = [d for d in _find(drafts, "COOPERATE", countries={"RUS", "TUR"}) if d.zone_kind == "body"]
    assert found
    d = found[0]
    assert d.acled is not None and d.acled.event_type == "Strategic developments"
    assert {(q.kind, q.value) for q in d.quantities} >= {("vehicles", 8), ("aircraft", 2)}
    assert len(d.support) >= 2


def test_seed2_stoning_continues_the_patrol(seeds) -> None:  # type: ignore[no-untyped-def]
    _, drafts = seeds["001"]
    (d,) = [d for d in drafts if d.type in ("PROTEST", "ASSAULT") and "stoned" in d.trigger.text]
    assert d.continues is not None and drafts[d.continues].type == "COOPERATE"


def test_seeds_spans_point_into_the_text(seeds) -> None:  # type: ignore[no-untyped-def]
    for text, drafts in seeds.values():
        for d in drafts:
            for s in (d.trigger, d.evidence, *d.actors, *d.quantities):
                assert text[s.start : s.end] == s.text
