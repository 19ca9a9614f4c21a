"""trafilatura's JSON-LD metadata reader with its two character-by-character loops done by regex (same text)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

#: digest of the source of trafilatura's ``normalize_json``, which :func:`_normalize_json` mirrors
NORMALIZE_JSON_DIGEST = "0de27e0e4bdaf2f2"
_SURROGATES = re.compile("[\ud800-\udfff]")
#: trafilatura's ``JSON_MINIFY`` (JSON strings kept, the whitespace between them dropped) and the same dropping
#: whitespace by runs, not character by character: the same text with fewer replacements
_JSON_MINIFY = (r'("(?:\\.|[^"\\])*")|\s', r'("(?:\\.|[^"\\])*")|\s+')


def _normalize_json(string: str) -> str:
    """trafilatura's ``normalize_json`` with its lone surrogates removed by a regex, not character by character."""
    from trafilatura.json_metadata import HTML_STRIP_TAGS, JSON_UNICODE_REPLACE, trim, unescape

    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = _SURROGATES.sub("", string)
        string = unescape(string)
    return str(trim(HTML_STRIP_TAGS.sub("", string)))


def _source_digest(func: Callable[..., Any]) -> str:
    import hashlib
    import inspect

    try:
        return hashlib.sha256(inspect.getsource(func).encode()).hexdigest()[:16]
    except (OSError, TypeError):
        return ""


@functools.cache
def meta_json() -> Callable[[Any, Any], Any]:
    """trafilatura's ``extract_meta_json`` (JSON-LD metadata), reading with :func:`_normalize_json` while that
    mirrors trafilatura's ``normalize_json``."""
    from trafilatura import json_metadata as tj
    from trafilatura import metadata as tm

    from .pyxpath import rebound

    if _source_digest(tj.normalize_json) != NORMALIZE_JSON_DIGEST:
        return tm.extract_meta_json  # type: ignore[no-any-return]
    overrides: dict[str, Any] = {"normalize_json": _normalize_json}
    if getattr(tm, "JSON_MINIFY", None) is not None and tm.JSON_MINIFY.pattern == _JSON_MINIFY[0]:
        overrides["JSON_MINIFY"] = re.compile(_JSON_MINIFY[1])
    return rebound(tm, ["extract_meta_json"], overrides=overrides)["extract_meta_json"]  # type: ignore[no-any-return]


__all__ = ["NORMALIZE_JSON_DIGEST", "meta_json"]
