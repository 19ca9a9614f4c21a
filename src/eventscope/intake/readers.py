"""Read inputs (files, directories, stdin, JSONL/CSV records, HTML, gzip) into Documents or typed Skips.

One bad input never stops the others: every failure becomes an ``errors.Skip`` naming the source (and line).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import Codes, InputError, Skip
from ..model import Document, PublishedDate, content_hash
from .decode import DecodeProblem, decode_bytes, looks_like_html
from .document import make_document, parse_given_date
from .html import extract_html

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})  # and ".xml" when the bytes are an RSS/Atom feed
DEFAULT_MAX_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Field names of JSONL/CSV records."""

    text: str = "text"
    html: str = "html"
    id: str = "id"
    date: str = "published"
    url: str = "url"
    title: str = "title"


class _Problem(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def read_inputs(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    fields: FieldMap | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Yield a Document (or a Skip saying why not) for every input; directories are walked, sorted."""
    reader = _Reader(published, fields or FieldMap(), stdin, max_bytes)
    for p in paths:
        yield from reader.read_path(str(p))


@dataclass(slots=True)
class _Reader:
    published: dt.date | None
    fields: FieldMap
    stdin: BinaryIO | None
    max_bytes: int

    def read_path(self, p: str) -> Iterator[Document | Skip]:
        if p == "-":
            yield from self._read_stdin()
            return
        path = Path(p)
        try:
            if path.is_dir():
                yield from self._walk(path)
                return
            if not path.exists():
                yield Skip(p, Codes.MISSING, "no such file or directory")
                return
        except OSError as e:
            yield Skip(p, Codes.UNREADABLE, f"could not be read: {e.strerror or e}")
            return
        yield from self._read_file(path)

    def _walk(self, root: Path) -> Iterator[Document | Skip]:
        for dirpath, dirnames, filenames in os.walk(root, onerror=None):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(f for f in filenames if not f.startswith(".")):
                yield from self._read_file(Path(dirpath) / name)

    # -- one file -------------------------------------------------------------------------------------------------

    def _read_file(self, path: Path) -> Iterator[Document | Skip]:
        src = str(path)
        gz, suffix = _suffix(path)
        if suffix in JSONL_SUFFIXES:  # a collection: the size limit applies to each record, not to the file
            yield from self._records_jsonl(self._jsonl_lines(path, gz, src), src)
            return
        try:
            data = self._load(path, gz)
        except _Problem as e:
            yield Skip(src, e.code, e.message)
            return
        if suffix in CSV_SUFFIXES:
            yield from self._records_csv(data, src)
        elif suffix in FEED_SUFFIXES or suffix == ".xml" and _looks_like_feed(data):
            from .feeds import read_feed  # a local feed file: one document per item, links are not fetched

            yield from read_feed(data, source=src, path=src, published=self.published)
        else:
            yield self._one(data, src, locator=str(path.resolve()), path=src, html=suffix in HTML_SUFFIXES)

    def _jsonl_lines(self, path: Path, gz: bool, src: str) -> Iterator[bytes | Skip]:
        """The file's lines, each capped at max_bytes (an over-long line becomes a Skip); read errors end it."""
        n = 0
        try:
            with gzip.open(path, "rb") if gz else path.open("rb") as f:
                while raw := f.readline(self.max_bytes + 1):
                    n += 1
                    if len(raw) > self.max_bytes and not raw.endswith(b"\n"):
                        while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                            pass
                        yield Skip(src, Codes.TOO_LARGE, f"record over the size limit ({self.max_bytes} bytes)", n)
                        continue
                    yield raw
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:
            yield Skip(src, Codes.UNREADABLE, f"not a valid gzip file: {e}", line=n + 1 if n else None)
        except OSError as e:
            yield Skip(src, Codes.UNREADABLE, f"could not be read: {e.strerror or e}")

    def _load(self, path: Path, gz: bool) -> bytes:
        """The file's bytes (gzip decompressed, capped at max_bytes)."""
        try:
            if not gz and path.stat().st_size > self.max_bytes:
                raise _Problem(
                    Codes.TOO_LARGE, f"larger than the size limit ({path.stat().st_size} > {self.max_bytes} bytes)"
                )
            if gz:
                with gzip.open(path, "rb") as f:
                    data = f.read(self.max_bytes + 1)
            else:
                data = path.read_bytes()
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:
            raise _Problem(Codes.UNREADABLE, f"not a valid gzip file: {e}") from e
        except OSError as e:
            raise _Problem(Codes.UNREADABLE, f"could not be read: {e.strerror or e}") from e
        if len(data) > self.max_bytes:
            raise _Problem(Codes.TOO_LARGE, f"decompressed size over the size limit ({self.max_bytes} bytes)")
        return data

    def _read_stdin(self) -> Iterator[Document | Skip]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.max_bytes + 1)
        except OSError as e:
            yield Skip("-", Codes.UNREADABLE, f"standard input could not be read: {e}")
            return
        if len(data) > self.max_bytes:
            yield Skip("-", Codes.TOO_LARGE, f"standard input over the size limit ({self.max_bytes} bytes)")
            return
        if data.lstrip()[:1] == b"{" and self._is_jsonl(data):
            yield from self._records_jsonl(io.BytesIO(data), "-")
            return
        yield self._one(data, "-", locator=None, path=None, html=False)

    def _is_jsonl(self, data: bytes) -> bool:
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            return False
        return isinstance(obj, dict) and (self.fields.text in obj or self.fields.html in obj)

    def _one(self, data: bytes, src: str, *, locator: str | None, path: str | None, html: bool) -> Document | Skip:
        """One text or HTML document from a file's (or stdin's) bytes."""
        try:
            return self._build(data, src, locator=locator, path=path, html=html)
        except Exception as e:  # one input's unexpected failure never stops the batch
            return Skip(src, Codes.PIPELINE, f"failed while reading: {type(e).__name__}: {e}")

    def _build(self, data: bytes, src: str, *, locator: str | None, path: str | None, html: bool) -> Document | Skip:
        try:
            text, _enc = decode_bytes(data, html=html)
        except DecodeProblem as e:
            return Skip(src, e.code, e.message)
        if not text.strip():
            return Skip(src, Codes.EMPTY, "no text to read (empty or only whitespace)")
        override = self._override()
        if html or looks_like_html(text):
            try:
                meta = extract_html(text, None, source=src)
            except InputError as e:
                return e.skip
            loc = locator or "stdin:" + content_hash(meta.text)
            return make_document(meta.text, locator=loc, path=path, published=override, html_meta=meta)
        loc = locator or "stdin:" + content_hash(text)
        return make_document(text, locator=loc, path=path, published=override)

    def _override(self) -> PublishedDate | None:
        return PublishedDate(self.published, "day", "override") if self.published is not None else None

    # -- records --------------------------------------------------------------------------------------------------

    def _records_jsonl(self, lines: Iterable[bytes | Skip], src: str) -> Iterator[Document | Skip]:
        for n, raw in enumerate(lines, 1):
            if isinstance(raw, Skip):
                yield raw
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError as e:
                yield Skip(src, Codes.JSONL, f"malformed JSON Lines record: {e}", line=n)
                continue
            if not isinstance(obj, dict):
                yield Skip(src, Codes.JSONL, f"a JSON Lines record must be an object, got {type(obj).__name__}", line=n)
                continue
            yield self._guarded_record(obj, src, n, Codes.JSONL)

    def _records_csv(self, data: bytes, src: str) -> Iterator[Document | Skip]:
        try:
            text, _ = decode_bytes(data)
        except DecodeProblem as e:
            yield Skip(src, e.code, e.message)
            return
        if csv.field_size_limit() < self.max_bytes:
            csv.field_size_limit(self.max_bytes)  # article texts are longer than csv's 128 KB default
        rows = csv.DictReader(io.StringIO(text, newline=""))
        while True:
            line = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as e:
                yield Skip(src, Codes.CSV, f"malformed CSV row: {e}", line=line)
                break
            if None in row:
                yield Skip(src, Codes.CSV, "malformed CSV row: more fields than the header", line=line)
                continue
            yield self._guarded_record(row, src, line, Codes.CSV)

    def _guarded_record(self, obj: Mapping[str, object], src: str, line: int, bad: str) -> Document | Skip:
        try:
            return self._record(obj, src, line, bad)
        except Exception as e:  # one record's unexpected failure never stops the batch
            return Skip(src, Codes.PIPELINE, f"failed while reading: {type(e).__name__}: {e}", line=line)

    def _record(self, obj: Mapping[str, object], src: str, line: int, bad: str) -> Document | Skip:
        f = self.fields
        text, html = obj.get(f.text), obj.get(f.html)
        if not isinstance(text, str) and not isinstance(html, str):
            return Skip(src, bad, f"record has no '{f.text}' or '{f.html}' string field", line=line)
        rid = obj.get(f.id)
        ext_id = str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid) else None
        url, title = _str_field(obj, f.url), _str_field(obj, f.title)
        published, note = self._override(), None
        if published is None and obj.get(f.date) not in (None, ""):
            day = parse_given_date(obj.get(f.date))
            if day is not None:
                published = PublishedDate(day, "day", "given")
            else:
                note = f"the record's '{f.date}' field {obj.get(f.date)!r} is not a date"
        meta = None
        if isinstance(text, str) and text.strip():
            body = text
        elif isinstance(html, str) and html.strip():
            try:
                meta = extract_html(html, url, source=f"{src}:{line}")
            except InputError as e:
                return Skip(src, e.skip.code, e.skip.message, line=line)
            body = meta.text
        else:
            return Skip(src, Codes.EMPTY, "record has no text", line=line)
        doc_id = ext_id or content_hash(body)
        locator = f"{Path(src).resolve() if src != '-' else 'stdin'}#{doc_id}"
        return make_document(
            body,
            locator=locator,
            path=None if src == "-" else src,
            url=url,
            title=title,
            published=published,
            external_id=ext_id,
            html_meta=meta,
            published_note=note,
        )


def _suffix(path: Path) -> tuple[bool, str]:
    """Whether the file is gzip-compressed, and its effective (inner) suffix, lower case."""
    suffixes = [x.lower() for x in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        return True, suffixes[-2] if len(suffixes) > 1 else ""
    return False, suffixes[-1] if suffixes else ""


def _looks_like_feed(data: bytes) -> bool:
    from .feeds import looks_like_feed

    return looks_like_feed(data)


def _str_field(obj: Mapping[str, object], key: str) -> str | None:
    value = obj.get(key)
    return value.strip() or None if isinstance(value, str) else None


__all__ = ["DEFAULT_MAX_BYTES", "FieldMap", "read_inputs"]
