"""`eventscope fetch URL...` (events of web pages and feeds) and `eventscope watch FEED... --db FILE` (poll feeds)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from ..cliutil import Run, _fmt, _parse_date, _pipeline, _published, handle_errors, output_options
from ..errors import Skip


def _interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from .watch import parse_interval

    try:
        return parse_interval(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def http_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by the commands that fetch over HTTP."""
    decorators = [
        click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
                     help="Publication date for every document (overrides the page's or item's date)."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
                     help="Seconds to wait for each network operation."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
                     help="Size cap of one page or feed (after decompression)."),
        click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     help="Seconds between two requests to the same host (more when its robots.txt asks)."),
        click.option("--ignore-robots", is_flag=True,
                     help="Fetch pages that the site's robots.txt disallows (only for sites you may crawl)."),
    ]
    for d in reversed(decorators):
        f = d(f)
    return f


def _robots(ignore: bool) -> Any:
    from .robots import RobotsPolicy

    return None if ignore else RobotsPolicy()


@click.command("fetch")
@click.argument("urls", nargs=-1, required=True)
@http_options
@output_options
@click.pass_context
@handle_errors
def fetch_command(ctx: click.Context, urls: tuple[str, ...], fmt: str | None, published: dt.date | None,
                  timeout: float, max_bytes: int, delay: float, ignore_robots: bool) -> None:
    """Fetch web pages (or feeds: one document per item) and print their events (no database needed)."""
    from ..export import Writer
    from .feeds import url_documents
    from .fetch import HostDelay, make_client

    run = Run()
    pipe = _pipeline(ctx)
    polite = HostDelay(delay)
    robots = _robots(ignore_robots)
    day = _published(ctx, published)
    with make_client(timeout=timeout) as client, Writer("events", _fmt(fmt, sys.stdout), sys.stdout) as w:
        for url in urls:
            for item in url_documents(url, client=client, published=day, max_bytes=max_bytes, timeout=timeout,
                                      polite=polite, robots=robots):
                if isinstance(item, Skip):
                    run.skips.append(item)
                    continue
                try:
                    found = pipe.process(item)
                except Exception as e:  # noqa: BLE001 - one page never stops the others
                    run.skips.append(Skip(item.url or item.locator, "E110", f"failed while processing: {e!r}"))
                    continue
                run.documents += 1
                for ev in found:
                    w.write(ev.to_dict())
    ctx.exit(run.summary(sys.stderr))


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database file.")
@click.option("--every", default="15m", show_default=True, callback=_interval, metavar="INTERVAL",
              help="Time between polls: 90s, 15m, 1h30m ...")
@click.option("--once", is_flag=True, help="Poll every feed once and stop.")
@click.option("--max-polls", type=click.IntRange(min=1), help="Stop after this many rounds.")
@http_options
@click.pass_context
@handle_errors
def watch_command(ctx: click.Context, feeds: tuple[str, ...], db_path: str, every: float, once: bool,
                  max_polls: int | None, published: dt.date | None, timeout: float, max_bytes: int,
                  delay: float, ignore_robots: bool) -> None:
    """Poll RSS/Atom feeds and store new or changed articles with their events (never stops on a bad feed)."""
    from .watch import PollReport, watch

    skipped = 0

    def show(report: PollReport) -> None:
        nonlocal skipped
        skipped += len(report.skips)
        click.echo(str(report), err=True)
        for s in report.skips:
            click.echo(f"  skipped {s}", err=True)

    try:
        rounds = watch(feeds, db=db_path, every=every, max_polls=1 if once else max_polls, pipeline=_pipeline(ctx),
                       delay=delay, published=_published(ctx, published), on_report=show, timeout=timeout,
                       max_bytes=max_bytes, robots=_robots(ignore_robots))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        ctx.exit(0)
    click.echo(f"{rounds} poll round(s) of {len(feeds)} feed(s) into {db_path}", err=True)
    ctx.exit(1 if skipped else 0)


__all__ = ["fetch_command", "http_options", "watch_command"]
