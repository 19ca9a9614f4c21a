"""``eventscope gazetteer build | info | install``: compile, describe and extend the gazetteer.

Registered in the main CLI with ``cli.add_command(gazetteer)``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from ..cliutil import handle_errors
from ..errors import GazetteerError


def _path(ctx: click.Context) -> Path:
    from .gazetteer import default_path

    given = (ctx.find_root().obj or {}).get("gazetteer")
    return Path(given) if given else default_path()


def info_of(path: Path) -> dict[str, object]:
    """Path, size, schema version, counts per feature and installed dumps of the gazetteer at ``path``."""
    from .build import SCHEMA_VERSION

    if not path.exists():
        return {"path": str(path), "exists": False, "schema_expected": SCHEMA_VERSION}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            features = dict(
                con.execute("SELECT feature, count(*) FROM places GROUP BY feature ORDER BY count(*) DESC").fetchall()
            )
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"E020: {path} is not a readable gazetteer: {exc}") from exc
    return {
        "path": str(path),
        "exists": True,
        "size_mb": round(path.stat().st_size / 1e6, 1),
        "schema": meta.get("schema"),
        "schema_expected": SCHEMA_VERSION,
        "current": meta.get("schema") == SCHEMA_VERSION,
        "places": int(meta.get("places", 0)),
        "names": int(meta.get("names", 0)),
        "installed": [c for c in meta.get("installed", "").split(",") if c],
        "features": features,
    }


@click.group("gazetteer")
def gazetteer() -> None:
    """Compile, inspect and extend the place-name gazetteer (path: --gazetteer, $EVENTSCOPE_GAZETTEER or the user
    data directory)."""


@gazetteer.command("build")
@click.option("--force/--no-force", default=True, show_default=True, help="Rebuild even when a current one exists.")
@click.pass_context
@handle_errors
def build_cmd(ctx: click.Context, force: bool) -> None:
    """Compile the gazetteer from the embedded sources now (dumps merged by `install` are dropped)."""
    from .gazetteer import ensure_built

    path = _path(ctx)
    before = info_of(path)
    ensure_built(path, force=force)
    after = info_of(path)
    click.echo(
        f"gazetteer at {path}: {after['places']} places, {after['names']} names, {after['size_mb']} MB", err=True
    )
    if force and before.get("installed"):
        click.echo(f"note: re-run `eventscope gazetteer install {' '.join(before['installed'])}` "  # type: ignore[arg-type]
                   "to merge the country dumps again", err=True)  # fmt: skip


@gazetteer.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
@handle_errors
def info_cmd(ctx: click.Context, as_json: bool) -> None:
    """Where the gazetteer is, its size, schema version, counts and installed country dumps."""
    info = info_of(_path(ctx))
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    for key, value in info.items():
        if key == "features":
            value = ", ".join(f"{k} {v}" for k, v in list(value.items())[:12])  # type: ignore[union-attr]
        elif key == "installed":
            value = " ".join(value) or "-"  # type: ignore[arg-type]
        click.echo(f"{key:16} {value}")


@gazetteer.command("install")
@click.argument("countries", nargs=-1)
@click.option("--from", "files", multiple=True, type=click.Path(dir_okay=False),
              help="A local GeoNames dump (.txt or .zip) instead of downloading; may be repeated.")  # fmt: skip
@click.option(
    "--base-url",
    envvar="EVENTSCOPE_GEONAMES_URL",
    default=None,
    metavar="URL",
    help="Where {CC}.zip dumps are downloaded from (default: https://download.geonames.org/export/dump).",
)
@click.option(
    "--classes",
    default="PALTHS",
    show_default=True,
    help="GeoNames feature classes to keep (P places, A divisions, L regions, T terrain, H water, S sites).",
)
@click.pass_context
@handle_errors
def install_cmd(ctx: click.Context, countries: tuple[str, ...], files: tuple[str, ...], base_url: str | None,
                classes: str) -> None:  # fmt: skip
    """Merge GeoNames country dumps (e.g. SY IQ) into the gazetteer; a bad dump changes nothing."""
    from .install import install_countries

    if not countries and not files:
        raise click.UsageError("name at least one country code (e.g. SY IQ) or a dump file with --from FILE")
    path = _path(ctx)
    s = install_countries(path, countries, [Path(f) for f in files], base_url, classes.upper())
    click.echo(f"merged {len(s.sources)} dump(s) into {path}: {s.rows_read} rows read, {s.places_added} places added, "
               f"{s.places_replaced} replaced, {s.divisions_named} divisions renamed, {s.names_added} names",
               err=True)  # fmt: skip
