"""The command line: thin wrappers that parse options and call plain functions.

Exit status: 0 when every input was read, 1 when some inputs were skipped (a summary with reasons goes to stderr)
or a resource failed, 2 for usage errors.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .cliutil import (
    Run,
    _fields,
    _fmt,
    _parse_date,
    _parse_latlon,
    _pipeline,
    _progress,
    _published,
    handle_errors,
    input_options,
    jobs_option,
    output_options,
)
from .errors import EventscopeError, Skip
from .intake.commands import fetch_command, watch_command
from .places.commands import gazetteer


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventscope")
@click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for every input (overrides the date found in the text).")
@click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False),
              help="Extra actor file (YAML or CSV), may be repeated.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), help="Path of the compiled gazetteer (SQLite).")
@click.pass_context
def cli(ctx: click.Context, published: dt.date | None, actors: tuple[str, ...], gazetteer: str | None) -> None:
    """Read news articles into a sourced, geocoded, dated record of political and conflict events."""
    ctx.obj = {"published": published, "actors": actors, "gazetteer": gazetteer}


@cli.command()
@input_options
@output_options
@click.pass_context
@handle_errors
def read(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, published: dt.date | None, **kw: Any) -> None:
    """Read documents: metadata and zones (body, headline, debris, comments), without coding events."""
    from .export import Writer
    from .intake import read_inputs

    run = Run()
    out = sys.stdout
    with Writer("documents", _fmt(fmt, out), out) as w:
        for item in _progress(read_inputs(paths, published=_published(ctx, published), fields=_fields(kw)), "reading"):
            if isinstance(item, Skip):
                run.skips.append(item)
                continue
            run.documents += 1
            w.write({"document": item.to_dict(), "body": item.body_text(), "zones": [z.to_dict() for z in item.zones]})
    ctx.exit(run.summary(sys.stderr))


def _results(ctx: click.Context, paths: tuple[str, ...], published: dt.date | None, kw: dict[str, Any],
             stories: Any = None) -> Iterator[Any]:
    pipe = _pipeline(ctx)
    run = pipe.run(paths, published=_published(ctx, published), fields=_fields(kw), jobs=kw.get("jobs") or 1,
                   stories=stories)
    return _progress(run, "documents")


@cli.command()
@input_options
@jobs_option
@output_options
@click.pass_context
@handle_errors
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, published: dt.date | None, **kw: Any) -> None:
    """Print the events of the given documents (no database needed)."""
    from .export import Writer

    run = Run()
    with Writer("events", _fmt(fmt, sys.stdout), sys.stdout) as w:
        for res in _results(ctx, paths, published, kw):
            if res.skip:
                run.skips.append(res.skip)
                continue
            run.documents += 1
            for ev in res.events:
                w.write(ev.to_dict())
    ctx.exit(run.summary(sys.stderr))


@cli.command()
@input_options
@jobs_option
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database file.")
@click.pass_context
@handle_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], db_path: str, published: dt.date | None, **kw: Any) -> None:
    """Store documents and their events in a SQLite database (re-ingesting the same input changes nothing)."""
    run = Run()
    counts = ingest_paths(ctx, paths, db_path, published, kw, run)
    click.echo(f"{db_path}: {counts.get('new', 0)} new, {counts.get('replaced', 0)} replaced, "
               f"{counts.get('unchanged', 0)} unchanged document(s); {run.events} event(s) read", err=True)
    ctx.exit(run.summary(sys.stderr))


def ingest_paths(ctx: click.Context, paths: tuple[str, ...] | list[str], db_path: str, published: dt.date | None,
                 kw: dict[str, Any], run: Run) -> dict[str, int]:
    from .store import Store

    counts: dict[str, int] = {}
    with Store(db_path) as store:
        stories = store.story_index()  # reprints are recognised against everything already stored, from its signatures
        for res in _results(ctx, tuple(paths), published, kw, stories):
            if res.skip:
                run.skips.append(res.skip)
                continue
            try:
                result = store.ingest(res.document, res.events)
            except EventscopeError as e:
                run.skips.append(Skip(res.document.path or res.document.locator, getattr(e, "code", "E030"), str(e)))
                continue
            if result.status == "conflict":  # same id, different text, from another input: nothing written
                run.skips.append(Skip(res.document.path or res.document.locator, "E030", result.message or "id conflict"))
                continue
            run.documents += 1
            run.events += len(res.events)
            counts[result.status] = counts.get(result.status, 0) + 1
    return counts


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, exists=True), help="SQLite database.")
@click.option("--type", "type_", help="PLOVER type, ACLED event type or sub-event type.")
@click.option("--country", help="ISO3 code or country name (event location or any actor).")
@click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Events whose interval ends on/after this.")
@click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Events whose interval starts on/before.")
@click.option("--near", callback=_parse_latlon, metavar="LAT,LON", help="Centre for --within.")
@click.option("--within", type=click.FloatRange(min=0), metavar="KM", help="Distance from --near in km.")
@click.option("--text", help="Full-text search over evidence sentences and titles.")
@click.option("--status", type=click.Choice(["asserted", "claimed", "negated", "planned", "hypothetical", "historical"]))
@click.option("--limit", type=click.IntRange(min=1))
@click.option("--reprints", is_flag=True, help="Also list the events of reprints (another outlet's copy of a story).")
@output_options
@click.pass_context
@handle_errors
def events(ctx: click.Context, db_path: str, type_: str | None, country: str | None, since: dt.date | None,
           until: dt.date | None, near: tuple[float, float] | None, within: float | None, text: str | None,
           status: str | None, limit: int | None, reprints: bool, fmt: str | None) -> None:
    """Query the events stored in a database."""
    from .export import Writer
    from .store import Store

    if (near is None) != (within is None):
        raise click.UsageError("--near and --within go together")
    with Store(db_path) as store:
        found = store.events(type=type_, country=country, since=since, until=until, near=near, within_km=within,
                             text=text, status=status, limit=limit, reprints=reprints)
    with Writer("events", _fmt(fmt, sys.stdout), sys.stdout) as w:
        for ev in found:
            w.write(ev)


@cli.command()
@input_options
@output_options
@click.pass_context
@handle_errors
def places(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, published: dt.date | None, **kw: Any) -> None:
    """Print the places (toponyms resolved against the gazetteer) of each document."""
    from .export import Writer
    from .intake import read_inputs

    run = Run()
    pipe = _pipeline(ctx)
    with Writer("places", _fmt(fmt, sys.stdout), sys.stdout) as w:
        for item in _progress(read_inputs(paths, published=_published(ctx, published), fields=_fields(kw)), "reading"):
            if isinstance(item, Skip):
                run.skips.append(item)
                continue
            run.documents += 1
            found = pipe.places(item)
            w.write({"document": item.ref(), "places": [p.to_dict() for p in found]})
    ctx.exit(run.summary(sys.stderr))


@cli.command()
@input_options
@output_options
@click.pass_context
@handle_errors
def dates(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, published: dt.date | None, **kw: Any) -> None:
    """Print the time expressions of each document, resolved to intervals with a precision."""
    from .export import Writer
    from .intake import read_inputs

    run = Run()
    pipe = _pipeline(ctx)
    with Writer("dates", _fmt(fmt, sys.stdout), sys.stdout) as w:
        for item in _progress(read_inputs(paths, published=_published(ctx, published), fields=_fields(kw)), "reading"):
            if isinstance(item, Skip):
                run.skips.append(item)
                continue
            run.documents += 1
            times = pipe.times(item)
            doc = item.to_dict()
            doc["anchor"] = times.anchor.isoformat() if times.anchor else None
            doc["anchor_basis"] = times.anchor_basis
            w.write({"document": doc, "dates": [t.to_dict() for t in times.expressions]})
    ctx.exit(run.summary(sys.stderr))


@cli.command()
@click.option("--db", "db_path", default="eventscope-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to store the demo database.")
@output_options
@click.pass_context
@handle_errors
def demo(ctx: click.Context, db_path: str, fmt: str | None) -> None:
    """Read the sample articles shipped with eventscope into a SQLite file and print their events."""
    from .export import Writer
    from .store import Store

    samples = demo_paths()
    run = Run()
    click.echo(f"reading {len(samples)} sample articles shipped with eventscope ...", err=True)
    kw = {"text_field": "text", "html_field": "html", "id_field": "id", "date_field": "published", "url_field": "url"}
    ingest_paths(ctx, [str(p) for p in samples], db_path, None, kw, run)
    with Store(db_path) as store:
        found = store.events()
    with Writer("events", fmt or "table", sys.stdout, title="eventscope demo: events") as w:
        for ev in found:
            w.write(ev)
    click.echo(f"{len(found)} events from {run.documents} documents stored in {Path(db_path).resolve()}", err=True)
    click.echo(f"try: eventscope events --db {db_path} --type ASSAULT", err=True)
    ctx.exit(run.summary(sys.stderr))


def demo_paths() -> list[Path]:
    from importlib.resources import files

    root = files("eventscope") / "data" / "demo"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


# commands that live next to their stage
cli.add_command(fetch_command, "fetch")
cli.add_command(watch_command, "watch")
cli.add_command(gazetteer)


def main() -> None:
    cli(prog_name="eventscope")


if __name__ == "__main__":
    main()
