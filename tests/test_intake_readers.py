"""Reading inputs: every bad input becomes a typed Skip and the batch goes on."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from eventscope.errors import Codes, Skip
from eventscope.intake import FieldMap, make_document, read_inputs
from eventscope.model import Document, content_hash

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "intake"
ARTICLE = (
    "Troops clash near the border crossing\n\nBorder guards and smugglers exchanged fire near the crossing on "
    "Monday, and two guards were wounded, the ministry said.\n"
)
PAGE = (FIXTURES / "article_with_comments.html").read_bytes()


def read_one(path: Path, **kw: object) -> Document | Skip:
    out = list(read_inputs([str(path)], **kw))  # type: ignore[arg-type]
    assert len(out) == 1
    return out[0]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", Codes.EMPTY),
        ("blank.txt", b"  \n\t\n", Codes.EMPTY),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", Codes.BINARY),
        ("noise.txt", bytes(range(0x80, 0x100)) * 20, Codes.DECODE),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00not really gzip", Codes.UNREADABLE),
        ("empty.html", b"<html><head><title>t</title></head><body></body></html>", Codes.HTML),
    ],
)
def test_bad_file_is_skipped(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    skip = read_one(path)
    assert isinstance(skip, Skip)
    assert skip.code == code
    assert skip.source == str(path) and skip.message


def test_missing_path(tmp_path: Path) -> None:
    skip = read_one(tmp_path / "nope.txt")
    assert isinstance(skip, Skip) and skip.code == Codes.MISSING and "nope.txt" in str(skip)


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    text = ARTICLE.replace("\n", "\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == text  # no newline normalisation
    assert doc.id == content_hash(text)
    assert doc.locator == str(path.resolve()) and doc.path == str(path)
    assert doc.title == "Troops clash near the border crossing"
    assert doc.published is None and doc.published_note == "no publication date in the text"
    assert [z.kind for z in doc.zones] == ["headline", "body"]
    assert doc.extraction == "plain" and doc.original_format == "text"


def test_bom_is_dropped_offsets_index_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == ARTICLE


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encoding_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE + "\nLes soldats ont été déployés près de la frontière, a déclaré le ministère à Noël.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == text


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE)
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.original_format == "html" and doc.extraction == "html:trafilatura"
    assert "<p>" not in doc.text and "at least seven people were killed" in doc.text
    assert "Nobody believed this truce" not in doc.text
    assert doc.title == "Ceasefire collapses in river port city"
    assert doc.published is not None and doc.published.basis == "html"
    assert doc.published.date == dt.date(2021, 3, 4)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml", "page.html.gz"])
def test_html_suffixes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(PAGE) if name.endswith(".gz") else PAGE)
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.original_format == "html"
    assert doc.source == "The Evening Courier"


def test_gzip_text_and_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == ARTICLE
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a " * 100_000))
    skip = read_one(bomb, max_bytes=10_000)
    assert isinstance(skip, Skip) and skip.code == Codes.TOO_LARGE


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(ARTICLE.encode("utf-8") * 10)
    skip = read_one(path, max_bytes=100)
    assert isinstance(skip, Skip) and skip.code == Codes.TOO_LARGE


def test_twenty_megabyte_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    block = ARTICLE.encode("utf-8") + b"\n"
    path.write_bytes(block * (20_000_000 // len(block) + 1))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert len(doc.text) >= 20_000_000 and doc.zones


def jsonl(tmp_path: Path, lines: list[str], name: str = "batch.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_malformed_line_among_good_ones(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        [
            json.dumps({"id": "a1", "text": ARTICLE, "url": "https://news.example.org/a1", "published": "2021-05-02"}),
            '{"id": "a2", "text": "unterminated',
            "",
            json.dumps({"id": "a3", "title": "no text here"}),
            json.dumps([1, 2]),
            json.dumps({"id": 4, "html": PAGE.decode("utf-8")}),
            json.dumps({"id": "a5", "text": "   "}),
            json.dumps({"id": "a6", "text": ARTICLE, "published": "not a date"}),
        ],
    )
    out = list(read_inputs([str(path)]))
    docs = [d for d in out if isinstance(d, Document)]
    skips = [s for s in out if isinstance(s, Skip)]
    assert [d.id for d in docs] == ["a1", "4", "a6"]
    assert [(s.line, s.code) for s in skips] == [(2, Codes.JSONL), (4, Codes.JSONL), (5, Codes.JSONL), (7, Codes.EMPTY)]
    assert all(s.source == str(path) for s in skips)
    a1, page, a6 = docs
    assert a1.locator == f"{path.resolve()}#a1" and a1.url == "https://news.example.org/a1"
    assert a1.source == "news.example.org"
    assert a1.published is not None and (a1.published.date, a1.published.basis) == (dt.date(2021, 5, 2), "given")
    assert page.original_format == "html" and "Nobody believed" not in page.text
    assert a6.published is None and "not a date" in (a6.published_note or "")


def test_jsonl_limit_applies_per_record(tmp_path: Path) -> None:
    small = json.dumps({"id": "s", "text": ARTICLE})
    big = json.dumps({"id": "b", "text": ARTICLE * 20})
    path = jsonl(tmp_path, [small, big, small.replace('"s"', '"t"')] * 3, name="many.jsonl.gz")
    path.write_bytes(gzip.compress(path.read_bytes()))
    assert path.stat().st_size < 2000 < len(gzip.decompress(path.read_bytes()))
    out = list(read_inputs([str(path)], max_bytes=1000))
    assert [d.id if isinstance(d, Document) else (d.code, d.line) for d in out] == [
        "s",
        (Codes.TOO_LARGE, 2),
        "t",
        "s",
        (Codes.TOO_LARGE, 5),
        "t",
        "s",
        (Codes.TOO_LARGE, 8),
        "t",
    ]


def test_published_override_beats_everything(tmp_path: Path) -> None:
    path = jsonl(tmp_path, [json.dumps({"id": "x", "text": "Sept. 17, 2020\n\n" + ARTICLE, "published": "2021-01-01"})])
    doc = read_one(path, published=dt.date(2022, 2, 2))
    assert isinstance(doc, Document)
    assert doc.published is not None and (doc.published.date, doc.published.basis) == (dt.date(2022, 2, 2), "override")


def test_field_map(tmp_path: Path) -> None:
    rec = {"doc": "n7", "body": ARTICLE, "date": "2019-10-09T12:00:00Z", "headline": "Given title"}
    path = jsonl(tmp_path, [json.dumps(rec)])
    doc = read_one(path, fields=FieldMap(text="body", id="doc", date="date", title="headline"))
    assert isinstance(doc, Document)
    assert doc.id == "n7" and doc.title == "Given title"
    assert doc.published is not None and doc.published.date == dt.date(2019, 10, 9)


def test_csv_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    long_text = ARTICLE * 2000  # longer than csv's default field limit
    rows = [["id", "text", "published"], ["c1", ARTICLE, "2020-01-02"], ["c2", "", ""], ["c3", long_text, ""]]
    import csv

    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    out = list(read_inputs([str(path)]))
    assert isinstance(out[0], Document) and out[0].id == "c1" and out[0].text == ARTICLE
    assert isinstance(out[1], Skip) and out[1].code == Codes.EMPTY
    assert isinstance(out[2], Document) and out[2].text == long_text


def test_stdin(tmp_path: Path) -> None:
    out = list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-8"))))
    assert len(out) == 1 and isinstance(out[0], Document)
    assert out[0].locator == "stdin:" + content_hash(ARTICLE) and out[0].path is None
    recs = "\n".join(json.dumps({"id": f"s{i}", "text": ARTICLE}) for i in range(2)).encode("utf-8")
    assert [d.id for d in read_inputs(["-"], stdin=io.BytesIO(recs)) if isinstance(d, Document)] == ["s0", "s1"]
    empty = list(read_inputs(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(empty[0], Skip) and empty[0].code == Codes.EMPTY and empty[0].source == "-"


def test_directory_with_mixed_inputs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.bin").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "sub" / "d_page.html").write_bytes(PAGE)
    jsonl(tmp_path / "sub", [json.dumps({"id": "j1", "text": ARTICLE}), "{oops"], name="e.jsonl")
    out = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    summary = [(Path(o.source).name, o.code) if isinstance(o, Skip) else Path(o.locator).name for o in out]
    assert summary == [
        ("a_empty.txt", Codes.EMPTY),
        "b_good.txt",
        ("c_binary.bin", Codes.BINARY),
        "d_page.html",
        "e.jsonl#j1",
        ("e.jsonl", Codes.JSONL),
        ("missing.txt", Codes.MISSING),
    ]


@pytest.mark.parametrize(
    ("kwargs", "title", "doc_id", "basis"),
    [
        ({}, "Troops clash near the border crossing", content_hash(ARTICLE), None),
        ({"title": "Given", "external_id": "e1"}, "Given", "e1", None),
    ],
)
def test_make_document(kwargs: dict[str, str], title: str, doc_id: str, basis: str | None) -> None:
    doc = make_document(ARTICLE, locator="x", **kwargs)
    assert (doc.title, doc.id) == (title, doc_id)
    assert (doc.published.basis if doc.published else None) == basis
    for z in doc.zones:
        assert doc.text[z.start : z.end].strip() == doc.text[z.start : z.end]


def test_unexpected_failure_in_one_input_is_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventscope.intake.document as document

    real = document.mark_zones

    def flaky(text: str, **kwargs):  # type: ignore[no-untyped-def]
        if "EXPLODE" in text:
            raise RuntimeError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(document, "mark_zones", flaky)
    (tmp_path / "a.txt").write_text("EXPLODE " + ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    jsonl(tmp_path, [json.dumps({"id": "x", "text": "EXPLODE " + ARTICLE}), json.dumps({"id": "y", "text": ARTICLE})])
    out = list(read_inputs([str(tmp_path)]))
    summary = [(o.code, o.line) if isinstance(o, Skip) else o.id for o in out]
    assert summary == [(Codes.PIPELINE, None), content_hash(ARTICLE), (Codes.PIPELINE, 1), "y"]
    assert "boom" in str(out[0])
