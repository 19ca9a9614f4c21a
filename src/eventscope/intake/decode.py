"""Bytes to text, strictly: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else a detected encoding.

Never ``errors="ignore"`` or ``"replace"``: bytes that no plausible encoding decodes are a skip, not a guess.
"""

from __future__ import annotations

import codecs
import re

from ..errors import Codes

#: how much of the input is inspected for NUL bytes and control characters
SNIFF_BYTES = 8192
#: charset-normalizer's "chaos" (mess) ratio above which a detected encoding is not trusted
MAX_CHAOS = 0.25

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


class DecodeProblem(Exception):
    """The bytes are not text; ``code`` is one of errors.Codes."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Raise DecodeProblem (BINARY or DECODE)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise DecodeProblem(Codes.DECODE, f"starts with a {enc} byte-order mark but is not {enc}: {e}") from e
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise DecodeProblem(Codes.BINARY, "contains NUL bytes: looks like a binary file, not text")
    if head and len(_CONTROL.findall(head)) > 0.05 * len(head):
        raise DecodeProblem(Codes.BINARY, "mostly control bytes: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        utf8_error = first
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    return _detect(data, utf8_error)


#: when detection ties (same mess and coherence), the legacy encodings most often met in news text win, in order
PREFERRED_ENCODINGS: tuple[str, ...] = ("cp1252", "iso8859_15", "latin_1", "cp1251", "cp1256", "cp1250")
TIE = 0.011
#: below this share of non-ASCII bytes a text is "mostly ASCII" (Latin-script text with a few accented letters)
MOSTLY_ASCII = 0.1


def _detect(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = min(matches, key=lambda m: (m.chaos, -m.coherence), default=None)
    if best is None or best.encoding is None or best.chaos > MAX_CHAOS:
        raise DecodeProblem(
            Codes.DECODE, f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no plausible encoding"
        )
    # in mostly-ASCII text the language coherence of a few accented letters is noise: only the mess ratio counts
    mostly_ascii = sum(b >= 0x80 for b in data[:65536]) < MOSTLY_ASCII * min(len(data), 65536)
    tied = {
        enc
        for m in matches
        if m.chaos <= best.chaos + TIE and (mostly_ascii or m.coherence >= best.coherence - TIE)
        for enc in (m.encoding, *m.could_be_from_charset)
    }
    encoding = next((e for e in PREFERRED_ENCODINGS if e in tied), best.encoding)
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError) as e:
        raise DecodeProblem(Codes.DECODE, f"not valid UTF-8 and not {encoding} either: {e}") from e


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page (e.g. a page saved as .txt)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    if head.startswith(("<!doctype html", "<html")):
        return True
    sample = text[:20000]
    tags = len(
        re.findall(
            r"</?(?:p|div|span|a|br|li|ul|table|td|tr|script|style|head|body|meta|link|h[1-6])\b[^>]*>", sample, re.I
        )
    )
    return tags >= 10 and tags * 40 >= len(sample.split())


__all__ = ["DecodeProblem", "decode_bytes", "looks_like_html"]
