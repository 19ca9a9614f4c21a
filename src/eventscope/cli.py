"""The command line: thin wrappers that parse options and call plain functions.

Exit status: 0 when every input was read, 1 when some inputs were skipped (a summary with reasons goes to stderr)
or a resource failed, 2 for usage errors.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from ._version import __version__
from .errors import EventscopeError, Skip


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _parse_latlon(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        lat_s, lon_s = value.split(",")
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not LAT,LON (e.g. 36.39,38.86)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r} is outside the range of latitude/longitude")
    return lat, lon


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The same --format on every command that prints records (default: table on a terminal, else jsonl)."""
    return click.option(
        "--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "table"]), default=None,
        help="Output format (default: table on a terminal, jsonl otherwise).",
    )(f)


def input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The same inputs on every command that reads documents."""
    decorators = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
                     help="Publication date for every input (overrides the date found in the text)."),
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the text."),
        click.option("--html-field", default="html", show_default=True, help="JSONL/CSV field holding HTML."),
        click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field holding the document id."),
        click.option("--date-field", default="published", show_default=True, help="JSONL/CSV publication date field."),
        click.option("--url-field", default="url", show_default=True, help="JSONL/CSV field holding the URL."),
    ]
    for d in reversed(decorators):
        f = d(f)
    return f


class Run:
    """Collects skips and counts for the summary line and the exit status."""

    def __init__(self) -> None:
        self.documents = 0
        self.events = 0
        self.skips: list[Skip] = []

    def summary(self, err: TextIO) -> int:
        if self.skips:
            click.echo(f"read {self.documents} document(s), skipped {len(self.skips)} input(s):", err=True)
            for s in self.skips:
                click.echo(f"  {s}", err=True)
            return 1
        return 0


def _fmt(fmt: str | None, stream: TextIO) -> str:
    return fmt or ("table" if stream.isatty() else "jsonl")


def _pipeline(ctx: click.Context) -> Any:
    from .pipeline import Pipeline

    obj = ctx.find_root().obj or {}
    return Pipeline(actor_files=obj.get("actors", ()), gazetteer_path=obj.get("gazetteer"))


def _published(ctx: click.Context, local: dt.date | None) -> dt.date | None:
    return local or (ctx.find_root().obj or {}).get("published")


def _fields(kwargs: dict[str, Any]) -> Any:
    from .intake import FieldMap

    return FieldMap(text=kwargs["text_field"], html=kwargs["html_field"], id=kwargs["id_field"],
                    date=kwargs["date_field"], url=kwargs["url_field"])


def _progress(items: Iterator[Any], label: str) -> Iterator[Any]:
    """A progress display on stderr when it is a terminal (runs over more than a few documents)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed}"), TimeElapsedColumn(),
                  transient=True, console=None) as progress:
        task = progress.add_task(label, total=None, visible=False)
        for n, item in enumerate(items, 1):
            if n > 3:
                progress.update(task, visible=True)
            progress.update(task, completed=n)
            yield item


def handle_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except EventscopeError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


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


def jobs_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Worker processes coding documents in parallel.")(f)


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
    from .intake.dedupe import StoryIndex
    from .store import Store

    counts: dict[str, int] = {}
    with Store(db_path) as store:
        stories = StoryIndex()  # reprints are recognised against everything already stored, too
        for stored in store.stored_documents():
            stories.add(stored)
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


# commands of the stages that live next to their stage; imported last because they reuse the helpers above
from .intake.commands import fetch_command, watch_command  # noqa: E402
from .places.commands import gazetteer  # noqa: E402

cli.add_command(fetch_command, "fetch")
cli.add_command(watch_command, "watch")
cli.add_command(gazetteer)


def main() -> None:
    cli(prog_name="eventscope")


if __name__ == "__main__":
    main()
