"""GeoNames dumps: strict reading, merging into a copy of the gazetteer, download from a local HTTP server, the CLI."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from eventscope.errors import GazetteerError
from eventscope.places.commands import gazetteer as gazetteer_group
from eventscope.places.dump import DumpRow, country_code, read_dump
from eventscope.places.gazetteer import Gazetteer, default_path
from eventscope.places.install import install, install_countries, keep


def _row(*cols: object) -> str:
    assert len(cols) == 19
    return "\t".join(str(c) for c in cols) + "\n"


# Facts only: ‘Ayn ‘Īsá's GeoNames id and coordinates; the other rows are invented names at invented points.
ROWS = [
    _row(990000001, "Khirbat Qalamun Zarqa", "Khirbat Qalamun Zarqa", "Khirbet Qalamoun Zarqa,خربة القلمون", 36.1,
         38.5, "P", "PPL", "SY", "", "04", "", "", "", 0, "", 310, "Asia/Damascus", "2020-03-01"),
    _row(172134, "‘Ayn ‘Īsá", "`Ayn `Isa", "Ain Issa,Ayn Isa", 36.3855, 38.86228, "P", "PPL", "SY", "", "04", "",
         "", "", 4500, "", 300, "Asia/Damascus", "2021-06-01"),
    _row(990000002, "Umm Tawilat al-Gharbiya", "Umm Tawilat al-Gharbiya", "", 36.2, 38.9, "S", "CMPRF", "SY", "",
         "04", "", "", "", 0, "", 290, "Asia/Damascus", "2019-01-01"),
    _row(990000003, "Nahr al-Qalamun", "Nahr al-Qalamun", "", 36.0, 38.7, "H", "STM", "SY", "", "04", "", "", "",
         0, "", "", "Asia/Damascus", "2019-01-01"),
    _row(990000004, "Old Qalamun", "Old Qalamun", "", 36.05, 38.6, "P", "PPLH", "SY", "", "04", "", "", "", 0, "",
         "", "Asia/Damascus", "2019-01-01"),
    _row(990000005, "Qalamun Forest", "Qalamun Forest", "", 36.07, 38.61, "V", "FRST", "SY", "", "04", "", "", "",
         0, "", "", "Asia/Damascus", "2019-01-01"),
    _row(990000006, "Raqqa Governorate", "Raqqa Governorate", "Muhafazat ar Raqqah", 35.9, 38.9, "A", "ADM1", "SY",
         "", "04", "", "", "", 944000, "", "", "Asia/Damascus", "2019-01-01"),
]  # fmt: skip
DUMP = "".join(ROWS)


@pytest.fixture(scope="module")
def compiled() -> Path:
    Gazetteer.open().close()  # build once if missing
    return default_path()


@pytest.fixture()
def gaz_path(compiled: Path, tmp_path: Path) -> Path:
    target = tmp_path / "gaz" / "gazetteer.sqlite"
    target.parent.mkdir()
    shutil.copyfile(compiled, target)
    return target


@pytest.fixture()
def dump_txt(tmp_path: Path) -> Path:
    p = tmp_path / "SY.txt"
    p.write_text(DUMP, encoding="utf-8")
    return p


def _zip(path: Path, text: str, member: str = "SY.txt") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, text)
        zf.writestr("readme.txt", "GeoNames dump\n")
    return path


def _state(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def test_read_dump_parses_every_row(dump_txt: Path) -> None:
    rows = list(read_dump(dump_txt))
    assert len(rows) == len(ROWS)
    first = rows[0]
    assert isinstance(first, DumpRow)
    assert (first.geonameid, first.feature_class, first.country, first.admin1) == (990000001, "P", "SY", "04")
    assert first.alternates == ("Khirbet Qalamoun Zarqa", "خربة القلمون")


@pytest.mark.parametrize(
    ("row", "keep_it"),
    [(0, True), (1, True), (2, True), (3, True), (4, False), (5, False), (6, True)],
)
def test_feature_filter(dump_txt: Path, row: int, keep_it: bool) -> None:
    assert keep(list(read_dump(dump_txt))[row]) is keep_it


def test_install_from_text_file(gaz_path: Path, dump_txt: Path) -> None:
    summary = install(gaz_path, [dump_txt])
    assert summary.rows_read == len(ROWS)
    assert (summary.places_added, summary.places_replaced, summary.divisions_named) == (3, 1, 1)
    with Gazetteer.open(gaz_path) as gaz:
        hit = gaz.lookup("Khirbet Qalamoun Zarqa")
        assert [c.id for c in hit] == [990000001]
        assert (hit[0].admin1, hit[0].country, hit[0].feature) == ("Ar-Raqqah", "SYR", "PPL")
        assert gaz.lookup("Umm Tawilat al-Gharbiya")[0].feature == "CMPRF"
        assert not gaz.lookup("Old Qalamun") and not gaz.lookup("Qalamun Forest")
        ain_issa = [c for c in gaz.lookup("Ain Issa") if c.id == 172134]
        assert ain_issa and ain_issa[0].population == 4500
        division = gaz.lookup("Muhafazat ar Raqqah")
        assert [c.feature for c in division] == ["ADM1"] and division[0].id < 0  # the compiled division, renamed
        assert "SY" in gaz.stats()["installed"]


def test_install_is_idempotent(gaz_path: Path, dump_txt: Path) -> None:
    install(gaz_path, [dump_txt])
    again = install(gaz_path, [dump_txt])
    assert (again.places_added, again.names_added) == (0, 0)


BAD = [
    ("short row", DUMP + "990000009\tBroken\tBroken\n", 8, "columns"),
    ("bad latitude", DUMP.replace("36.1\t38.5", "136.1\t38.5"), 1, "out of range"),
    ("not a number", DUMP.replace("990000003", "99000000x"), 4, "invalid literal"),
    ("control character", DUMP.replace("Nahr al-Qalamun\tNahr", "Nahr al-\x07Qalamun\tNahr"), 4, "control"),
    ("truncated last line", DUMP[:-20], 7, "truncated"),
    ("bad date", DUMP.replace("2021-06-01", "2021-06"), 2, "modification date"),
]


@pytest.mark.parametrize(("label", "text", "line", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_dump_names_file_and_line_and_changes_nothing(
    gaz_path: Path, tmp_path: Path, label: str, text: str, line: int, words: str
) -> None:
    bad = tmp_path / "SY.txt"
    bad.write_text(text, encoding="utf-8")
    before = _state(gaz_path)
    with pytest.raises(GazetteerError) as err:
        install(gaz_path, [bad])
    assert str(bad) in str(err.value) and f"line {line}" in str(err.value) and words in str(err.value)
    assert _state(gaz_path) == before
    assert [p.name for p in gaz_path.parent.iterdir()] == [gaz_path.name]  # no copy or lock left behind


def test_not_utf8_is_a_clear_error(gaz_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "SY.txt"
    bad.write_bytes(DUMP.encode("utf-8") + _row(990000010, "Qal\xe9", "Qale", "", 1, 1, "P", "PPL", "SY", "", "04",
                                                    "", "", "", 0, "", "", "", "2019-01-01").encode("latin-1"))  # fmt: skip
    with pytest.raises(GazetteerError, match=r"line 8: not UTF-8"):
        install(gaz_path, [bad])


def test_truncated_zip_changes_nothing(gaz_path: Path, tmp_path: Path) -> None:
    whole = _zip(tmp_path / "whole.zip", DUMP * 50)
    cut = tmp_path / "SY.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    before = _state(gaz_path)
    with pytest.raises(GazetteerError, match="SY.zip"):
        install(gaz_path, [cut])
    assert _state(gaz_path) == before


def test_one_bad_dump_among_good_ones_changes_nothing(gaz_path: Path, dump_txt: Path, tmp_path: Path) -> None:
    bad = tmp_path / "IQ.txt"
    bad.write_text("1\t2\n", encoding="utf-8")
    before = _state(gaz_path)
    with pytest.raises(GazetteerError, match="IQ.txt, line 1"):
        install(gaz_path, [dump_txt, bad])
    assert _state(gaz_path) == before


@pytest.mark.parametrize("code", ["S1", "SYR", "", "s y"])
def test_bad_country_codes(code: str) -> None:
    with pytest.raises(GazetteerError, match="two-letter"):
        country_code(code)


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "www"
    root.mkdir()
    _zip(root / "SY.zip", DUMP)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_install_downloads_from_the_server(gaz_path: Path, server: str) -> None:
    summary = install_countries(gaz_path, ["sy"], url=server)
    assert summary.places_added == 3
    with Gazetteer.open(gaz_path) as gaz:
        assert gaz.lookup("Khirbat Qalamun Zarqa")[0].id == 990000001


def test_missing_country_on_the_server_is_a_clear_error(gaz_path: Path, server: str) -> None:
    before = _state(gaz_path)
    with pytest.raises(GazetteerError, match=r"could not download .*/IQ\.zip"):
        install_countries(gaz_path, ["SY", "IQ"], url=server)
    assert _state(gaz_path) == before


@pytest.fixture()
def cli() -> click.Group:
    @click.group()
    @click.option("--gazetteer", type=click.Path(dir_okay=False))
    @click.pass_context
    def root(ctx: click.Context, gazetteer: str | None) -> None:
        ctx.obj = {"gazetteer": gazetteer}

    root.add_command(gazetteer_group)
    return root


def test_cli_install_and_info(cli: click.Group, gaz_path: Path, server: str, dump_txt: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["--gazetteer", str(gaz_path), "gazetteer", "install", "SY", "--base-url", server])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["--gazetteer", str(gaz_path), "gazetteer", "install", "--from", str(dump_txt)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["--gazetteer", str(gaz_path), "gazetteer", "info", "--json"])
    info = json.loads(res.stdout)
    assert info["installed"] == ["SY"] and info["current"] and info["places"] > 200_000
    assert info["features"]["CMPRF"] == 1
    res = runner.invoke(cli, ["--gazetteer", str(gaz_path), "gazetteer", "info"])
    assert res.exit_code == 0 and str(gaz_path) in res.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["install"], 2, "at least one country"),
        (["install", "--from", "/nonexistent/SY.txt"], 1, "no such file"),
        (["install", "SY", "--classes", "PX"], 1, "unknown GeoNames feature classes"),
    ],
)
def test_cli_errors(cli: click.Group, gaz_path: Path, args: list[str], code: int, words: str) -> None:
    res = CliRunner().invoke(cli, ["--gazetteer", str(gaz_path), "gazetteer", *args])
    assert res.exit_code == code and words in res.output


def test_info_of_a_missing_gazetteer(cli: click.Group, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["--gazetteer", str(tmp_path / "none.sqlite"), "gazetteer", "info", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["exists"] is False


def _tiny_build(path: Path) -> dict[str, int]:
    import sqlite3

    from eventscope.places.build import SCHEMA_VERSION

    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE places (feature TEXT);")
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("places", "1"), ("names", "2")])
    con.execute("INSERT INTO places VALUES ('PPL')")
    con.commit()
    con.close()
    return {"places": 1, "names": 2}


@pytest.mark.parametrize(("args", "builds"), [([], 2), (["--no-force"], 1)])
def test_cli_build(cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                   builds: int) -> None:  # fmt: skip
    from eventscope.places import gazetteer as gz

    calls: list[Path] = []
    monkeypatch.setattr(gz, "build", lambda p: calls.append(p) or _tiny_build(p))
    target = tmp_path / "g.sqlite"
    runner = CliRunner()
    for _ in range(2):
        res = runner.invoke(cli, ["--gazetteer", str(target), "gazetteer", "build", *args])
        assert res.exit_code == 0, res.output
    assert len(calls) == builds and "1 places, 2 names" in res.output
