"""Transliteration-aware name keys: one key for the spellings of a place name.

``name_key("‘Ayn ‘Īsá") == name_key("Ain Issa")``: diacritics, ‘ayn/hamza marks, Arabic articles, common
transliteration variants (Ain/Ayn/Ein, Tell/Tal, -iyah/-iyeh, ou/u, ei/ay, doubled letters) fold to one form.
Both the gazetteer and the text go through the same function, so folding only ever merges spellings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .lexicon import ARTICLES, LEADING_WORDS, TOKEN_EQUIVALENTS

_MARKS = dict.fromkeys(map(ord, "‘’ʿʾ'`´ʼʻ\u02bf\u02be\u2032"), None)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_SUFFIXES = (("iyyah", "iya"), ("iyah", "iya"), ("iyeh", "iya"), ("iyye", "iya"), ("iye", "iya"), ("iyya", "iya"))
_FOLDS = (("ou", "u"), ("ei", "ay"), ("ey", "ay"))


def strip_marks(s: str) -> str:
    """Remove diacritics and ‘ayn/hamza marks, keep everything else (case included)."""
    if s.isascii():
        return s.translate(_MARKS)
    decomposed = unicodedata.normalize("NFKD", s).translate(_MARKS)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65_536)
def _fold_token(tok: str) -> str:
    tok = TOKEN_EQUIVALENTS.get(tok, tok)
    for old, new in _SUFFIXES:
        if tok.endswith(old) and len(tok) > len(old) + 1:
            tok = tok[: -len(old)] + new
            break
    else:
        if len(tok) > 3 and (tok.endswith("ah") or tok.endswith("eh")):
            tok = tok[:-2] + "a"
    for old, new in _FOLDS:
        tok = tok.replace(old, new)
    return _DOUBLE.sub(r"\1", tok)


@functools.lru_cache(maxsize=200_000)
def name_key(s: str) -> str:
    """The lookup key of a place name ('' when nothing is left)."""
    text = _NON_ALNUM.sub(" ", strip_marks(s).casefold()).split()
    while len(text) > 1 and text[0] in LEADING_WORDS:
        text = text[1:]
    if len(text) > 1:
        kept = [t for t in text if t not in ARTICLES]
        text = kept or text
    return " ".join(_fold_token(t) for t in text)


def is_latin(s: str) -> bool:
    """True when the name is written in Latin script (after stripping diacritics)."""
    stripped = strip_marks(s)
    return bool(stripped) and all(ord(ch) < 0x250 or not ch.isalpha() for ch in stripped)
