"""Polling feeds into a store: seen items, changed items, 304s, bad feeds and pages, and the two commands."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

import eventscope.cli  # noqa: F401 - imported before the commands module (which imports the cli helpers)
from eventscope.errors import Codes
from eventscope.intake.commands import fetch_command, watch_command
from eventscope.intake.fetch import FetchCodes
from eventscope.intake.watch import PollReport, WatchState, parse_interval, poll_feed, watch
from eventscope.model import Document, Event
from eventscope.store import Store

from .test_intake_fetch import LocalServer, Route

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"
RSS = {"Content-Type": "application/rss+xml"}


class Counting:
    """A stand-in pipeline: no events, counts the documents it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def process(self, document: Document) -> list[Event]:
        self.seen.append(document.url or document.locator)
        return []


def clean_feed(flood_text: str = "Floodwater broke through an earth dam outside Kosti on Tuesday.") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Delta Courier</title>'
        "<item><title>Dam breached</title><link>{BASE}/articles/flood.html</link><guid>dc-flood</guid>"
        f"<description>&lt;p&gt;{flood_text}&lt;/p&gt;&lt;p&gt;About two thousand residents left their homes, "
        "officials said.&lt;/p&gt;</description></item>"
        "<item><title>Market fire</title><link>{BASE}/articles/market-fire.html</link><guid>dc-fire</guid>"
        "<description>A fire swept through the central market … Read more</description></item>"
        "</channel></rss>"
    ).encode()


@pytest.fixture()
def served() -> Iterator[LocalServer]:
    with LocalServer() as s:
        s.add("/feed.rss", Route((FIXTURES / "served.rss").read_bytes(), headers=RSS))
        s.add("/clean.rss", Route(clean_feed(), headers=RSS, etag='"c1"'))
        s.add("/articles/market-fire.html", Route((FIXTURES / "market-fire.html").read_bytes()))
        s.add("/files/report.pdf", Route(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}))
        s.add("/loop/a", Route(status=302, headers={"Location": "/loop/b"}))
        s.add("/loop/b", Route(status=302, headers={"Location": "/loop/a"}))
        s.add("/bomb.rss", Route((FIXTURES / "entity-bomb.rss").read_bytes(), headers=RSS))
        s.add("/hang.rss", Route(hang=True))
        yield s


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("90s", 90), ("1h30m", 5400), ("2h", 7200), ("600", 600), ("0.5m", 30), ("1d", 86400)],
)
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15x", "0", "0m", "-5m", "m"])
def test_parse_interval_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_state_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with WatchState(db) as st:
        assert st.validators("f") == (None, None) and st.fingerprint("f", "i") is None
        st.save("f", "ok", '"e"', "Mon, 01 Mar 2021 00:00:00 GMT")
        st.mark("f", "i", "fp1", "doc1")
        st.mark("f", "i", "fp2", "doc2")
        st.touch("f", "not modified")
    with WatchState(db) as st:  # persisted
        assert st.validators("f") == ('"e"', "Mon, 01 Mar 2021 00:00:00 GMT")
        assert st.items("f") == {"i": "fp2"}


def _poll(url: str, db: Path, client: httpx.Client, pipe: Counting) -> PollReport:
    with Store(db) as store, WatchState(db) as state:
        return poll_feed(url, client=client, state=state, store=store, pipeline=pipe, retries=0)


def test_poll_stores_good_items_and_skips_bad_ones(served: LocalServer, client: httpx.Client, tmp_path: Path) -> None:
    db, pipe = tmp_path / "w.db", Counting()
    report = _poll(served.url("/feed.rss"), db, client, pipe)
    assert report.counts == {"new": 2} and report.seen == 0
    assert sorted(s.code for s in report.skips) == sorted([FetchCodes.HTTP_STATUS, FetchCodes.CONTENT_TYPE,
                                                           FetchCodes.REDIRECT])
    with Store(db) as store:
        urls = sorted(d["url"] for d in store.documents())
    assert urls == [served.url("/articles/flood.html"), served.url("/articles/market-fire.html")]
    # again: the good items are not coded again, the failed ones are retried (no validators were kept)
    again = _poll(served.url("/feed.rss"), db, client, pipe)
    assert again.seen == 2 and again.counts == {} and len(again.skips) == 3
    assert len(pipe.seen) == 2


def test_unchanged_feed_is_not_modified_and_changed_item_is_recoded(served: LocalServer, client: httpx.Client,
                                                                     tmp_path: Path) -> None:
    db, pipe = tmp_path / "w.db", Counting()
    url = served.url("/clean.rss")
    assert _poll(url, db, client, pipe).counts == {"new": 2}
    second = _poll(url, db, client, pipe)
    assert second.not_modified and served.requests[-1][1].get("if-none-match") == '"c1"'
    assert len(pipe.seen) == 2
    # the article changes (new ETag): only that item is coded again, and the store replaces it
    served.add("/clean.rss", Route(clean_feed("Floodwater broke through a second dam outside Kosti."), headers=RSS,
                                   etag='"c2"'))
    third = _poll(url, db, client, pipe)
    assert third.counts == {"replaced": 1} and third.seen == 1
    assert pipe.seen[-1] == served.url("/articles/flood.html") and len(pipe.seen) == 3
    with Store(db) as store:
        texts = [store.document(d["id"]) for d in store.documents()]
    assert len(texts) == 2


def test_watch_keeps_going_over_bad_feeds(served: LocalServer, client: httpx.Client, tmp_path: Path) -> None:
    db, pipe = tmp_path / "w.db", Counting()
    reports: list[PollReport] = []
    sleeps: list[float] = []
    feeds = [served.url("/hang.rss"), served.url("/bomb.rss"), served.url("/missing.rss"), served.url("/clean.rss")]
    rounds = watch(feeds, db=db, every=60, max_polls=2, pipeline=pipe, client=client, delay=0, on_report=reports.append,
                   sleep=sleeps.append, timeout=1, retries=0)
    assert rounds == 2 and len(reports) == 8
    first = {r.feed: r for r in reports[:4]}
    assert first[feeds[0]].skips[0].code == FetchCodes.TIMEOUT
    assert first[feeds[1]].skips[0].code == FetchCodes.FEED
    assert first[feeds[2]].skips[0].code == FetchCodes.HTTP_STATUS
    assert first[feeds[3]].counts == {"new": 2} and not first[feeds[3]].skips
    assert reports[7].not_modified
    assert len(sleeps) == 1 and 0 <= sleeps[0] <= 60  # one wait between the two rounds
    with sqlite3.connect(db) as conn:
        status = dict(conn.execute("SELECT feed, status FROM watch_feeds"))
    assert status[feeds[1]] == f"error {FetchCodes.FEED}" and status[feeds[3]] == "not modified"


def test_watch_turns_an_unexpected_failure_into_a_skip(served: LocalServer, client: httpx.Client,
                                                       tmp_path: Path) -> None:
    class Broken(Counting):
        def process(self, document: Document) -> list[Event]:
            raise RuntimeError("boom")

    reports: list[PollReport] = []
    watch([served.url("/clean.rss")], db=tmp_path / "w.db", every=1, max_polls=1, pipeline=Broken(), client=client,
          delay=0, on_report=reports.append)
    assert [s.code for s in reports[0].skips] == [Codes.PIPELINE, Codes.PIPELINE]
    assert "boom" in reports[0].skips[0].message


def test_watch_command_once_stores_good_items(served: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    res = CliRunner().invoke(watch_command, [served.url("/feed.rss"), "--db", str(db), "--once", "--delay", "0",
                                             "--timeout", "2"])
    assert res.exit_code == 1, res.output  # some items were skipped
    assert "2 new" in res.stderr and "skipped" in res.stderr and "redirect loop" in res.stderr
    with Store(db) as store:
        assert len(store.documents()) == 2
        found = store.events()
    assert found and all(e["document"]["source"] == "Delta Courier" for e in found)


def test_fetch_command_prints_events_and_reports_skips(served: LocalServer) -> None:
    page = served.url("/articles/market-fire.html")
    res = CliRunner().invoke(fetch_command, [page, served.url("/files/report.pdf"), "--format", "jsonl", "--delay", "0"])
    assert res.exit_code == 1, res.output
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert events and all(e["document"]["url"] == page for e in events)
    assert "report.pdf" in res.stderr and FetchCodes.CONTENT_TYPE in res.stderr


@pytest.mark.parametrize("args", [["--every", "soon"], ["--max-polls", "0"]])
def test_watch_command_usage_errors(args: list[str], tmp_path: Path) -> None:
    res = CliRunner().invoke(watch_command, ["http://127.0.0.1:9/feed", "--db", str(tmp_path / "w.db"), *args])
    assert res.exit_code == 2


_WIRE_STORY = (
    "Fighters of an armed group stormed a police post outside the market town of Kidira before dawn on Monday, "
    "setting two patrol trucks on fire and seizing weapons from the armoury, the regional governor said. "
    "Three officers were wounded in the exchange of fire, which lasted about forty minutes, and the attackers "
    "withdrew towards the river border before reinforcements arrived from the provincial capital. "
)
_WIRE_STORY_END = "Residents said shops stayed shut for the rest of the day while soldiers searched nearby villages."


def _one_item_feed(outlet: str, guid: str, link: str, tail: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{outlet}</title>'
        f"<item><title>Police post attacked near Kidira</title><link>{link}</link><guid>{guid}</guid>"
        # two paragraphs: a full item, not a teaser to follow to its page
        f"<description>&lt;p&gt;{_WIRE_STORY}&lt;/p&gt;&lt;p&gt;{_WIRE_STORY_END}{tail}&lt;/p&gt;</description>"
        "</item></channel></rss>"
    ).encode()


def test_watch_groups_the_same_story_from_two_feeds(served: LocalServer, client: httpx.Client, tmp_path: Path) -> None:
    served.add("/wire.rss", Route(_one_item_feed("Wire", "w-1", "https://wire.example/kidira"), headers=RSS))
    reprint = _one_item_feed("Daily", "d-1", "https://daily.example/kidira", " This story was first published by Wire.")
    served.add("/daily.rss", Route(reprint, headers=RSS))
    db = tmp_path / "w.db"
    watch([served.url("/wire.rss"), served.url("/daily.rss")], db=db, every=1, max_polls=1, pipeline=Counting(),
          client=client, delay=0)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, url, story_id, reprint_of FROM documents ORDER BY rowid").fetchall()
    assert len(rows) == 2
    (first_id, _, first_story, first_of), (_, second_url, second_story, second_of) = rows
    assert second_url == "https://daily.example/kidira"
    assert first_story == second_story and first_of is None and second_of == first_id
