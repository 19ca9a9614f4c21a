"""Intake: read inputs into Documents, mark zones (stand-off, nothing deleted), find title, date and outlet.

Entry points: :func:`read_inputs` (paths -> Documents or Skips), :func:`make_document` (text -> Document),
:func:`mark_zones`, :func:`find_published`, :func:`find_outlet`, :func:`find_title`, :func:`extract_html`.
"""

from __future__ import annotations

from .document import make_document
from .html import HtmlResult, extract_html
from .metadata import find_outlet, find_published, find_title
from .readers import DEFAULT_MAX_BYTES, FieldMap, read_inputs
from .zones import mark_zones

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FieldMap",
    "HtmlResult",
    "extract_html",
    "find_outlet",
    "find_published",
    "find_title",
    "make_document",
    "mark_zones",
    "read_inputs",
]
