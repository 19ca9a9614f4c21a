"""End to end: the team's demo articles and (when ../shared exists) the two seed articles."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
from pathlib import Path

import pytest

import eventscope
from eventscope.errors import Codes
from eventscope.intake import read_inputs
from eventscope.model import Document, Event

from .conftest import DEMO, SEEDS, SHARED, needs_seeds


@pytest.fixture(scope="module")
def pipe() -> eventscope.Pipeline:
    return eventscope.Pipeline()


def _read(path: Path) -> Document:
    (doc,) = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    return doc


@pytest.fixture(scope="module")
def demo(pipe: eventscope.Pipeline) -> dict[str, tuple[Document, list[Event]]]:
    out = {}
    for path in sorted(DEMO.glob("*.txt")):
        doc = _read(path)
        out[path.stem] = (doc, pipe.process(doc))
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def find(events: list[Event], evidence: str, type_: str | None = None) -> Event:
    hits = [e for e in events if evidence in e.evidence.text and (type_ is None or e.type == type_)]
    assert hits, f"no {type_ or ''} event from {evidence!r}; got {[(e.type, e.evidence.text[:50]) for e in events]}"
    return hits[0]


def test_every_span_indexes_the_document_text(demo: dict) -> None:
    for doc, events in demo.values():
        for ev in events:
            spans = [ev.trigger, ev.evidence, *ev.quantities, *ev.actors, *ev.support]
            if ev.location is not None and ev.location.start is not None:
                spans.append(ev.location)
            if ev.date is not None and ev.date.start is not None:
                spans.append(ev.date)
            if ev.attribution is not None:
                spans.append(ev.attribution)
            for s in spans:
                assert doc.text[s.start : s.end] == s.text, (type(s).__name__, s)


def test_nothing_is_read_from_comments_or_debris(demo: dict) -> None:
    for doc, events in demo.values():
        body = [(z.start, z.end) for z in doc.zones if z.kind in ("body", "headline")]
        for ev in events:
            assert any(s <= ev.evidence.start and ev.evidence.end <= e for s, e in body), ev.evidence.text


# (demo article, evidence substring, PLOVER type, expectations)
CASES = [
    ("01_idlib_clashes", "clashed on the outskirts of Saraqib", "ASSAULT",
     {"acled": "Battles", "near": (35.862, 36.806), "km": 15, "date": ("2021-03-08", "2021-03-08"), "fatalities": 14}),
    ("01_idlib_clashes", "carried out air strikes", "ASSAULT",
     {"sub": "Air/drone strike", "near": (35.567, 36.562), "km": 15, "date": ("2021-03-09", "2021-03-09"),
      "countries": {"RUS"}}),
    ("01_idlib_clashes", "Earlier this month", "MOBILIZE", {"countries": {"TUR"}, "precision": "month"}),
    ("01_idlib_clashes", "ceasefire agreed", "AGREE", {"status": "historical", "countries": {"RUS", "TUR"}}),
    ("02_baghdad_protest", "Thousands of protesters gathered", "PROTEST",
     {"near": (33.34, 44.40), "km": 20, "date": ("2022-07-13", "2022-07-13")}),
    ("02_baghdad_protest", "arrested at least 23", "COERCE", {"status": "claimed", "arrested": 23}),
    ("02_baghdad_protest", "will meet union leaders", "CONSULT", {"status": "planned"}),
    ("03_donbas_shelling", "shelled the town of Bakhmut", "ASSAULT",
     {"near": (48.595, 38.0), "km": 15, "status": "claimed", "fatalities": 2, "countries": {"RUS"}}),
    ("03_donbas_shelling", "full-scale invasion", "ASSAULT", {"status": "historical", "date": ("2022-02-01", "2022-02-28")}),
    ("04_sahel_patrol", "joint military patrol", "COOPERATE",
     {"countries": {"NER", "MLI"}, "near": (15.92, 2.40), "km": 100, "date": ("2023-02-02", "2023-02-02"),
      "vehicles": 30, "aircraft": 2}),
]


@pytest.mark.parametrize(("article", "evidence", "type_", "expect"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_demo_events(demo: dict, article: str, evidence: str, type_: str, expect: dict) -> None:
    _, events = demo[article]
    ev = find(events, evidence, type_)
    if "acled" in expect:
        assert ev.acled is not None and ev.acled.event_type == expect["acled"]
    if "sub" in expect:
        assert ev.acled is not None and ev.acled.sub_event_type == expect["sub"]
    if "near" in expect:
        assert ev.location is not None and ev.location.lat is not None, "no location"
        assert km(expect["near"], (ev.location.lat, ev.location.lon)) <= expect["km"], ev.location
    if "date" in expect:
        assert ev.date is not None
        assert (ev.date.earliest.isoformat(), ev.date.latest.isoformat()) == expect["date"], ev.date
    if "precision" in expect:
        assert ev.date is not None and ev.date.precision == expect["precision"]
    if "status" in expect:
        assert ev.status == expect["status"]
    if "countries" in expect:
        assert expect["countries"] <= {a.country for a in ev.actors}
    for kind in ("fatalities", "arrested", "vehicles", "aircraft"):
        if kind in expect:
            assert any(q.kind == kind and q.value == expect[kind] for q in ev.quantities), ev.quantities


def test_comment_lines_give_no_events(demo: dict) -> None:
    for _, events in demo.values():
        for ev in events:
            assert "never stop" not in ev.evidence.text and "change nothing" not in ev.evidence.text


def test_extract_api_with_published_override() -> None:
    text = "Police arrested 12 protesters in the city of Mosul on Friday, officials said."
    events = eventscope.extract(text, published="2021-06-07")
    ev = find(events, "arrested", "COERCE")
    assert ev.date is not None and ev.date.earliest == dt.date(2021, 6, 4)
    assert ev.document["published"] == "2021-06-07"


def test_an_event_in_two_places_lists_both() -> None:
    text = "Government troops clashed with rebels in Kidal and Gao on Sunday, the army said."
    ev = find(eventscope.extract(text, published="2024-05-01"), "clashed", "ASSAULT")
    assert ev.location is not None and ev.locations[0] == ev.location
    assert [p.name for p in ev.locations] == ["Kidal", "Gao"]
    assert [p["name"] for p in ev.to_dict()["locations"]] == ["Kidal", "Gao"]


def test_an_unknown_named_site_is_the_location_without_coordinates() -> None:
    text = "Gunmen attacked a checkpoint at the Qarnawi refugee camp on Monday, residents said."
    ev = find(eventscope.extract(text, published="2024-05-01"), "attacked", "ASSAULT")
    assert ev.location is not None and ev.location.text.startswith("Qarnawi")
    assert ev.location.lat is None and ev.location.basis == "unresolved"


def test_process_is_deterministic(pipe: eventscope.Pipeline) -> None:
    doc = _read(DEMO / "04_sahel_patrol.txt")
    a = [e.to_dict() for e in pipe.process(doc)]
    b = [e.to_dict() for e in pipe.process(doc)]
    assert a == b and len({e["id"] for e in a}) == len(a)


# -- the seed articles (third-party text: read from ../shared, never copied) ---------------------------------------

def _checker():
    spec = importlib.util.spec_from_file_location("check_seeds", SHARED / "acceptance" / "check_seeds.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@needs_seeds
@pytest.mark.parametrize("name", ["000_de84281268a453a0.txt", "001_04fa1debccaa7963.txt"])
def test_seed_acceptance(pipe: eventscope.Pipeline, name: str) -> None:
    check = _checker()
    spec = json.loads((SHARED / "acceptance" / "seeds.json").read_text())["documents"][name]
    doc = _read(SEEDS / name)
    assert (doc.published.date.isoformat() if doc.published else None) == spec["published"]
    events = [e.to_dict() for e in pipe.process(doc)]
    for item in spec["must"]:
        assert any(all(ok for _, ok in check.criteria(item, ev)) for ev in events), f"must {item['id']} missing"
    for item in spec["forbidden"]:
        hits = [ev for ev in events if check.forbidden_hit(item, ev)]
        assert not hits, f"forbidden: {item['why']}: {hits[0]['evidence']['text'][:80]}"


@needs_seeds
def test_ingesting_the_seeds_twice_keeps_the_same_events(pipe: eventscope.Pipeline, tmp_path: Path) -> None:
    from eventscope.store import Store

    db = tmp_path / "seeds.db"
    counts = []
    for _ in range(2):
        with Store(db) as store:
            for res in pipe.run([str(SEEDS)]):
                assert res.skip is None, res.skip
                store.ingest(res.document, res.events)
            counts.append(len(store.events()))
    assert counts[0] > 0 and counts[0] == counts[1]


def test_parallel_run_gives_the_same_results_in_order(pipe: eventscope.Pipeline, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    paths = [str(DEMO), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt")]
    serial = [(r.skip.code if r.skip else None, [e.to_dict() for e in r.events]) for r in pipe.run(paths)]
    parallel = [(r.skip.code if r.skip else None, [e.to_dict() for e in r.events]) for r in pipe.run(paths, jobs=2)]
    assert parallel == serial
    assert sum(1 for code, _ in serial if code) == 2 and sum(len(evs) for _, evs in serial) > 10


def test_a_reprint_joins_the_original_story_and_is_not_counted_twice(pipe: eventscope.Pipeline, tmp_path: Path) -> None:
    from eventscope.intake.dedupe import StoryIndex
    from eventscope.store import Store

    original = (DEMO / "03_donbas_shelling.txt").read_text(encoding="utf-8")
    body = original[original.index("Russian forces shelled") : original.index("Follow us on Telegram")]
    reprint = ("Balkan Mirror\n\nNews from partners\n\nThis article originally appeared on Eastern Europe Wire.\n\n"
               + body + "\nShare: Facebook X Email\n")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(reprint, encoding="utf-8")
    results = list(pipe.run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    a, b = (r.document for r in results)
    assert a.story_id == b.story_id and a.reprint_of is None and b.reprint_of == a.id
    assert all(e.document["reprint_of"] == a.id for e in results[1].events)

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.ingest(a, results[0].events)
    with Store(db) as store:  # a later run: the reprint is recognised against what is stored
        stories = StoryIndex()
        for d in store.stored_documents():
            stories.add(d)
        (res,) = pipe.run([str(tmp_path / "b.txt")], stories=stories)
        assert res.document.reprint_of == a.id
        store.ingest(res.document, res.events)
        assert len(store.events()) == len(results[0].events)
        assert len(store.events(reprints=True)) == len(results[0].events) + len(res.events)


@pytest.mark.parametrize(
    ("sentence", "points_back"),
    [
        ("Troops were sent to the area on Monday.", True),
        ("More police arrived there overnight.", True),
        ("Reinforcements reached the flash point late Sunday.", True),
        ("There were clashes overnight, residents said.", False),  # existential "there" names no place
        ("There have been no arrests so far.", False),
        ("Troops were sent to reinforce the garrison.", False),
    ],
)
def test_place_words_that_point_back_to_an_earlier_place(sentence: str, points_back: bool) -> None:
    from eventscope.pipeline import _ANAPHORIC_PLACE

    assert bool(_ANAPHORIC_PLACE.search(sentence)) == points_back


# -- the screen and the stage order: pay only for what can change the result ---------------------------------------
QUIET = [
    "Wheat futures rose in quiet trading on Monday as exporters booked shipments.",
    "Coffee output was steady last year, the cooperative said.",
    "The bank lowered its lending rate to 7.5 pct.\n\nAnalysts had expected a lower figure.",
]
EVENTFUL = [
    "Gunmen attacked a police checkpoint near Kirkuk on Monday, killing two officers, the ministry said.",
    "Hundreds of farmers protested in Nairobi on Friday against new taxes.\n\nPolice fired tear gas at the crowd.",
]
NO_EVENT_BUT_TRIGGER_WORD = ["The strike price of the option was 12 dlrs, traders said."]


@pytest.fixture(scope="module")
def reference() -> eventscope.Pipeline:
    return eventscope.Pipeline(screen=False)


@pytest.mark.parametrize("text", [*QUIET, *EVENTFUL, *NO_EVENT_BUT_TRIGGER_WORD])
def test_screened_pipeline_gives_the_reference_events(pipe: eventscope.Pipeline, reference: eventscope.Pipeline,
                                                      text: str) -> None:
    doc = eventscope.read(text, published="2024-03-04")
    assert [e.to_dict() for e in pipe.process(doc)] == [e.to_dict() for e in reference.process(doc)]


def test_screened_pipeline_gives_the_reference_events_on_the_demo_articles(demo: dict,
                                                                           reference: eventscope.Pipeline) -> None:
    for doc, events in demo.values():
        assert [e.to_dict() for e in events] == [e.to_dict() for e in reference.process(doc)]


@pytest.mark.parametrize("text", QUIET)
def test_text_without_trigger_words_is_never_tagged(pipe: eventscope.Pipeline, monkeypatch: pytest.MonkeyPatch,
                                                    text: str) -> None:
    def boom(*_: object, **__: object) -> None:
        raise AssertionError("annotated")

    monkeypatch.setattr(eventscope.pipeline.nlp_stage, "annotate", boom)
    assert pipe.process(eventscope.read(text, published="2024-03-04")) == []


@pytest.mark.parametrize(("text", "geoparsed"), [(NO_EVENT_BUT_TRIGGER_WORD[0], False), (EVENTFUL[0], True)])
def test_time_and_places_run_only_for_documents_with_events(pipe: eventscope.Pipeline,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            text: str, geoparsed: bool) -> None:
    calls: list[str] = []
    places, times = pipe.places, pipe.times
    monkeypatch.setattr(pipe, "places", lambda *a, **k: calls.append("places") or places(*a, **k))
    monkeypatch.setattr(pipe, "times", lambda *a, **k: calls.append("times") or times(*a, **k))
    events = pipe.process(eventscope.read(text, published="2024-03-04"))
    assert bool(events) is geoparsed
    assert calls == (["times", "places"] if geoparsed else [])


def test_batched_processing_gives_the_same_events(pipe: eventscope.Pipeline, demo: dict) -> None:
    docs = [eventscope.read(t, published="2024-03-04") for t in [*QUIET, *EVENTFUL, *NO_EVENT_BUT_TRIGGER_WORD]]
    docs += [doc for doc, _ in demo.values()]
    one_by_one = [[e.to_dict() for e in pipe.process(d)] for d in docs]
    assert [[e.to_dict() for e in evs] for evs in pipe.process_many(docs)] == one_by_one
    assert [[e.to_dict() for e in r.events] for r in pipe.results(docs)] == one_by_one
    assert sum(map(bool, one_by_one)) >= 4


def test_a_document_that_breaks_the_batch_fails_alone(pipe: eventscope.Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [eventscope.read(t, published="2024-03-04") for t in [EVENTFUL[0], "Rebels attacked a convoy.", EVENTFUL[1]]]
    tokenize = pipe.tokenize

    def fragile(document: Document) -> list:
        if "convoy" in document.text:
            raise RuntimeError("bad document")
        return tokenize(document)

    monkeypatch.setattr(pipe, "tokenize", fragile)
    results = pipe.results(docs)
    assert [r.skip is not None for r in results] == [False, True, False]
    assert results[1].skip is not None and results[1].skip.code == Codes.PIPELINE
    assert all(r.events for r in (results[0], results[2]))
