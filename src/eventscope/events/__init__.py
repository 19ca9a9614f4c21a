"""Event coding: triggers -> PLOVER type (with ACLED and CAMEO codes) -> actors -> status -> quantities.

Entry point: :func:`code_passages` (parsed passages of one article -> :class:`EventDraft` list).
"""

from __future__ import annotations

from .coder import code_passages, confidence
from .draft import EventDraft
from .ontology import ACLED_TYPES, MODE_OVERRIDES, PLOVER_MODES, TYPE_DEFAULTS, codes
from .quantities import parse_number

__all__ = [
    "ACLED_TYPES",
    "MODE_OVERRIDES",
    "PLOVER_MODES",
    "TYPE_DEFAULTS",
    "EventDraft",
    "code_passages",
    "codes",
    "confidence",
    "parse_number",
]
