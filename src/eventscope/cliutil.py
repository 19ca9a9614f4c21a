"""Shared pieces of the command line: option decorators, date/coordinate parsing, the run summary, error handling.

Every command module (``cli.py``, ``intake/commands.py``, ``places/commands.py``) imports these from here, so none of
them needs to import another command module.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import click

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


def jobs_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Worker processes coding documents in parallel.")(f)
