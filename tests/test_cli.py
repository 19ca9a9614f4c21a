"""The command line: inputs, bad inputs, formats, ingest idempotency, queries, demo, exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli import cli

from .conftest import DEMO

ARTICLE = (
    "Border Herald\n\nSoldiers clash with smugglers near Zakho\n\nMonday, 5 April 2021\n\n"
    "Iraqi soldiers clashed with armed smugglers near the town of Zakho on Sunday, killing three of them, "
    "the army said.\n\nShare on Facebook\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (d / "latin1.txt").write_bytes("Police in Bogotá arrested eleven protesters on Friday, the mayor said.".encode("latin-1"))
    (d / "page.txt").write_text("<!DOCTYPE html><html><head><title>Raid</title></head><body><article><h1>Raid</h1>"
                                "<p>Police raided a warehouse in Mombasa on Tuesday and arrested four men, the "
                                "county commander said in a statement to reporters.</p><p>The men were charged "
                                "with smuggling weapons across the border, officials added later.</p></article>"
                                "</body></html>", encoding="utf-8")
    (d / "docs.jsonl").write_text(
        json.dumps({"id": "a1", "text": ARTICLE, "url": "https://example.org/a1", "published": "2021-04-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a2", "text": "Troops were deployed to Kirkuk on Monday."}) + "\n",
        encoding="utf-8",
    )
    return d


def test_read_reports_every_bad_input_and_goes_on(runner: CliRunner, inputs: Path) -> None:
    res = runner.invoke(cli, ["read", "--format", "jsonl", str(inputs), str(inputs / "missing.txt")])
    assert res.exit_code == 1, res.output
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    ids = {d["document"]["id"] for d in docs}
    assert {"a1", "a2"} <= ids
    assert any("Bogotá" in d["body"] for d in docs)  # latin-1 decoded, not dropped
    assert any(d["document"]["title"] == "Raid" or "Mombasa" in d["body"] for d in docs)  # HTML saved as .txt
    err = res.stderr
    for needle in ("missing.txt", "empty.txt", "binary.bin", "docs.jsonl:2"):
        assert needle in err, err


def test_read_jsonl_document_shape(runner: CliRunner, inputs: Path) -> None:
    res = runner.invoke(cli, ["read", "--format", "jsonl", str(inputs / "good.txt")])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert set(rec) == {"document", "body", "zones"}
    assert rec["document"]["published"] == "2021-04-05"
    assert "Share on Facebook" not in rec["body"] and "Iraqi soldiers clashed" in rec["body"]
    assert {"kind", "start", "end", "reason"} <= set(rec["zones"][0])


def test_extract_jsonl_and_published_override(runner: CliRunner, inputs: Path) -> None:
    res = runner.invoke(cli, ["--published", "2021-04-07", "extract", "--format", "jsonl", str(inputs / "good.txt")])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines()]
    clash = [e for e in events if e["type"] == "ASSAULT"]
    assert clash and clash[0]["document"]["published"] == "2021-04-07"
    assert clash[0]["date"]["earliest"] == "2021-04-04"  # the Sunday before the overriding date


def test_stdin(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["read", "--format", "jsonl", "-"], input=ARTICLE)
    assert res.exit_code == 0, res.output
    assert "Zakho" in json.loads(res.stdout)["body"]


@pytest.mark.parametrize("fmt", ["csv", "geojson", "table"])
def test_extract_formats(runner: CliRunner, inputs: Path, fmt: str) -> None:
    res = runner.invoke(cli, ["extract", "--format", fmt, str(inputs / "good.txt")])
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        assert res.stdout.splitlines()[0].startswith("event_date,event_type,sub_event_type,actor1,actor2,country")
    elif fmt == "geojson":
        assert json.loads(res.stdout)["type"] == "FeatureCollection"
    else:
        assert "ASSAULT" in res.stdout


def test_ingest_twice_changes_nothing_and_query(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "ev.db"
    first = runner.invoke(cli, ["ingest", str(inputs / "good.txt"), str(inputs / "docs.jsonl"), "--db", str(db)])
    assert first.exit_code == 1  # the malformed JSONL line is skipped and reported
    con = sqlite3.connect(db)
    before = con.execute("select count(*) from events").fetchone()[0]
    snapshot = con.execute("select id, json from events order by id").fetchall()
    con.close()
    assert before > 0
    runner.invoke(cli, ["ingest", str(inputs / "good.txt"), str(inputs / "docs.jsonl"), "--db", str(db)])
    con = sqlite3.connect(db)
    assert con.execute("select id, json from events order by id").fetchall() == snapshot
    con.close()
    res = runner.invoke(cli, ["events", "--db", str(db), "--type", "ASSAULT", "--format", "jsonl"])
    assert res.exit_code == 0 and all(json.loads(x)["type"] == "ASSAULT" for x in res.stdout.splitlines())
    res = runner.invoke(cli, ["events", "--db", str(db), "--near", "37.14,42.68", "--within", "30", "--format", "jsonl"])
    assert res.exit_code == 0 and res.stdout.strip(), res.output  # Zakho
    res = runner.invoke(cli, ["events", "--db", str(db), "--near", "-33.9,18.4", "--within", "30", "--format", "jsonl"])
    assert res.exit_code == 0 and not res.stdout.strip()


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],  # no paths
        ["extract", "--format", "xml", "x.txt"],
        ["--published", "28/12/2020", "extract", "x.txt"],
        ["events", "--db", "nonexistent.db"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(cli, args).exit_code == 2


def test_near_without_within_is_a_usage_error(runner: CliRunner, tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "q.db"
    runner.invoke(cli, ["ingest", str(inputs / "good.txt"), "--db", str(db)])
    assert runner.invoke(cli, ["events", "--db", str(db), "--near", "1,2"]).exit_code == 2


def test_demo(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(cli, ["demo"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "eventscope-demo.db").exists()
    assert "eventscope-demo.db" in res.stderr
    assert "COOPERATE" in res.stdout and "ASSAULT" in res.stdout
    assert len(list(DEMO.glob("*.txt"))) >= 4
