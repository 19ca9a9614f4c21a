"""Cheap sentence bounds and tense around an expression, from auxiliaries and verb endings (no parser)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal

from .lexicon import FUTURE_CUES, PAST_CUES

Tense = Literal["past", "present", "future"]

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n")


def _cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    alts = []
    for cue in sorted(cues, key=len, reverse=True):
        body = re.escape(cue).replace(r"\ ", r"\s+")
        alts.append(body if cue.startswith("'") else rf"\b{body}")
    return re.compile(rf"(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


def _with_verb(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A cue pattern that also covers the verb group it governs ("will be held", "is expected to resume")."""
    return re.compile(rf"(?:{rx.pattern})(?:\s+(?:not|be|have|been|also|then|likely|probably|soon|still))*"
                      rf"(?:\s+[a-z]+)?", re.IGNORECASE)


_FUTURE = _with_verb(_cue_pattern(FUTURE_CUES))
_PAST = _cue_pattern(PAST_CUES)
_PAST_VERB = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b[a-z]{2,}ed\b")  # a participle after "be" says nothing


class Sentences:
    """Sentence boundaries of one text, computed once, looked up by offset."""

    def __init__(self, text: str, ranges: Sequence[tuple[int, int]]) -> None:
        cuts: set[int] = set()
        for lo, hi in ranges:
            cuts.update((lo, hi))
            cuts.update(m.end() for m in _BOUNDARY.finditer(text, lo, hi))
        self._cuts = sorted(cuts)
        self._text = text

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding text[start:end]."""
        i = bisect.bisect_right(self._cuts, start)
        s = self._cuts[i - 1] if i else 0
        j = bisect.bisect_left(self._cuts, end)
        e = self._cuts[j] if j < len(self._cuts) else len(self._text)
        return s, e


def cues(text: str, sentence: tuple[int, int]) -> list[tuple[int, int, Tense]]:
    """The tense cues of a sentence: (start, end, tense); past cues inside a future verb group are dropped."""
    s, e = sentence
    found: list[tuple[int, int, Tense]] = [(m.start(), m.end(), "future") for m in _FUTURE.finditer(text, s, e)]
    future = [(a, b) for a, b, _ in found]
    for rx in (_PAST, _PAST_VERB):
        for m in rx.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in future):
                found.append((m.start(), m.end(), "past"))
    return found


def tense_at(
    text: str, sentence: tuple[int, int], start: int, end: int, found: list[tuple[int, int, Tense]] | None = None
) -> Tense:
    """The tense of the clause nearest to text[start:end]: the closest future or past cue in its sentence
    (``found``: the sentence's cues when already computed)."""
    best: tuple[int, Tense] | None = None
    for a, b, tense in cues(text, sentence) if found is None else found:
        d = 0 if a < end and start < b else (start - b if b <= start else a - end)
        if best is None or d < best[0]:
            best = (d, tense)
    return best[1] if best else "present"
