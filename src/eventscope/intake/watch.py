"""Poll feeds into a store: per-feed validators (ETag/Last-Modified) and seen items, kept in the store's SQLite file.

An item seen before with the same fingerprint (title, link, text, dates) is neither fetched nor coded again; a
changed item is re-coded and the store replaces its events. A bad feed or page is a Skip in the poll's report:
polling never stops because of one input.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import Codes, EventscopeError, InputError, Skip
from ..model import Document, Event
from .dedupe import StoryIndex
from .feeds import entry_or_skip, page_fetcher, parse_feed
from .fetch import FEED_TYPES, HTML_TYPES, HostDelay, fetch, make_client

if TYPE_CHECKING:
    import httpx

    from ..store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    feed TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_items (
    feed TEXT NOT NULL,
    item_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    document_id TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed, item_id)
);
"""
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(sec|min|s|m|h|d)?", re.I)


def parse_interval(text: str) -> float:
    """Seconds in "15m", "90s", "1h30m", "2h", "600" (seconds); ValueError when not an interval > 0."""
    s = text.strip().lower()
    parts = list(_INTERVAL.finditer(s))
    if not parts or "".join(m.group(0) for m in parts).replace(" ", "") != s.replace(" ", ""):
        raise ValueError(f"{text!r} is not an interval such as 15m, 90s, 1h30m")
    total = sum(float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()] for m in parts)
    if total <= 0:
        raise ValueError(f"{text!r}: the interval must be more than 0 seconds")
    return total


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class WatchState:
    """The poller's own tables in the store's SQLite file (created with CREATE TABLE IF NOT EXISTS)."""

    def __init__(self, path: str | Path) -> None:
        self._conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
        self._conn.execute("PRAGMA busy_timeout = 10000")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> WatchState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self._conn.execute("SELECT etag, last_modified FROM watch_feeds WHERE feed = ?", (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save(self, feed: str, status: str, etag: str | None = None, last_modified: str | None = None) -> None:
        """Record a poll; validators are replaced (None clears them: the next poll fetches the whole feed)."""
        self._conn.execute(
            "INSERT INTO watch_feeds (feed, etag, last_modified, polled_at, status) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "polled_at = excluded.polled_at, status = excluded.status",
            (feed, etag, last_modified, _now(), status),
        )

    def touch(self, feed: str, status: str) -> None:
        """Record a poll that changed nothing (validators kept)."""
        etag, last_modified = self.validators(feed)
        self.save(feed, status, etag, last_modified)

    def fingerprint(self, feed: str, item_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT fingerprint FROM watch_items WHERE feed = ? AND item_id = ?", (feed, item_id)
        ).fetchone()
        return row[0] if row else None

    def mark(self, feed: str, item_id: str, fingerprint: str, document_id: str | None) -> None:
        self._conn.execute(
            "INSERT INTO watch_items (feed, item_id, fingerprint, document_id, seen_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(feed, item_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
            "document_id = excluded.document_id, seen_at = excluded.seen_at",
            (feed, item_id, fingerprint, document_id, _now()),
        )

    def items(self, feed: str) -> dict[str, str]:
        """item id → fingerprint of every item recorded for ``feed``."""
        return dict(self._conn.execute("SELECT item_id, fingerprint FROM watch_items WHERE feed = ?", (feed,)))


class Processor(Protocol):
    def process(self, document: Document) -> list[Event]: ...


@dataclass(slots=True)
class PollReport:
    """What one poll of one feed did."""

    feed: str
    not_modified: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # store statuses: new / replaced / unchanged
    seen: int = 0  # items skipped because they were coded before with the same content
    events: int = 0
    skips: list[Skip] = field(default_factory=list)

    def __str__(self) -> str:
        if self.not_modified:
            return f"{self.feed}: not modified"
        c = self.counts
        return (f"{self.feed}: {c.get('new', 0)} new, {c.get('replaced', 0)} replaced, {c.get('unchanged', 0)} "
                f"unchanged, {self.seen} seen before, {len(self.skips)} skipped; {self.events} event(s)")


def poll_feed(
    feed: str,
    *,
    client: httpx.Client,
    state: WatchState,
    store: Store,
    pipeline: Processor,
    published: dt.date | None = None,
    stories: StoryIndex | None = None,
    **fetch_options: Any,
) -> PollReport:
    """Fetch ``feed`` (conditionally), code its new or changed items and store them. ``stories`` groups reprints
    (the same article from another outlet or feed) into one story; by default it is seeded from the store."""
    report = PollReport(feed)
    etag, last_modified = state.validators(feed)
    try:
        res = fetch(feed, client=client, etag=etag, last_modified=last_modified,
                    accept=FEED_TYPES | HTML_TYPES, **fetch_options)
        if res.not_modified:
            report.not_modified = True
            state.touch(feed, "not modified")
            return report
        parsed = parse_feed(res.content, source=feed, base=res.final_url)
    except InputError as e:
        report.skips.append(e.skip)
        state.touch(feed, f"error {e.skip.code}")
        return report
    fetch_page = page_fetcher(client, published=published, **fetch_options)
    for entry in parsed.entries:
        if state.fingerprint(feed, entry.item_id) == entry.fingerprint:
            report.seen += 1
            continue
        item = entry_or_skip(entry, parsed, source=feed, published=published, fetch_page=fetch_page)
        if isinstance(item, Skip):
            report.skips.append(item)
            continue
        where = item.url or item.locator
        if stories is None:
            stories = store.story_index()
        match = stories.add(item)
        item = replace(item, story_id=match.story_id,
                       reprint_of=match.original_document_id if match.is_reprint else None)
        try:
            events = pipeline.process(item)
        except Exception as e:  # noqa: BLE001 - one article never stops the poll
            report.skips.append(Skip(where, Codes.PIPELINE, f"failed while processing: {e!r}"))
            continue
        try:
            result = store.ingest(item, events)
        except EventscopeError as e:
            report.skips.append(Skip(where, getattr(e, "code", "E030"), str(e)))
            continue
        if result.status == "conflict":
            report.skips.append(Skip(where, "E030", result.message or "document id conflict"))
            continue
        report.counts[result.status] = report.counts.get(result.status, 0) + 1
        report.events += len(events)
        state.mark(feed, entry.item_id, entry.fingerprint, result.document_id)
    if report.skips:  # keep no validators: the next poll reads the feed again and retries the failed items
        state.save(feed, f"{len(report.skips)} item(s) skipped")
    else:
        state.save(feed, "ok", res.etag, res.last_modified)
    return report


def watch(
    feeds: Sequence[str],
    *,
    db: str | Path,
    every: float,
    max_polls: int | None = None,
    pipeline: Processor | None = None,
    client: httpx.Client | None = None,
    delay: float = 1.0,
    published: dt.date | None = None,
    on_report: Callable[[PollReport], None] = lambda r: None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    **fetch_options: Any,
) -> int:
    """Poll every feed each ``every`` seconds (``max_polls`` rounds, None = forever); return the rounds done.

    Every poll's :class:`PollReport` goes to ``on_report``; an unexpected failure of one feed becomes a Skip in it.
    """
    from ..store import Store

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    own_client = client is None
    http = client if client is not None else make_client(timeout=float(fetch_options.get("timeout", 10)))
    polite = HostDelay(delay, clock=clock, sleep=sleep)
    rounds = 0
    try:
        with Store(db) as store, WatchState(db) as state:
            stories = store.story_index()  # one index for every feed and round: reprints across feeds are one story
            while max_polls is None or rounds < max_polls:
                started = clock()
                for feed in feeds:
                    try:
                        report = poll_feed(feed, client=http, state=state, store=store, pipeline=pipeline,
                                           published=published, polite=polite, stories=stories, **fetch_options)
                    except Exception as e:  # noqa: BLE001 - the poller keeps running
                        report = PollReport(feed, skips=[Skip(feed, Codes.PIPELINE, f"poll failed: {e!r}")])
                    on_report(report)
                rounds += 1
                if max_polls is not None and rounds >= max_polls:
                    break
                sleep(max(0.0, started + every - clock()))
    finally:
        if own_client:
            http.close()
    return rounds


__all__ = ["PollReport", "Processor", "WatchState", "parse_interval", "poll_feed", "watch"]
