"""Cheap sentence bounds and tense around an expression, from auxiliaries and verb endings (no parser)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal

from .lexicon import ED_ADJECTIVES, FUTURE_CUES, PAST_CUES

Tense = Literal["past", "present", "future"]

#: a cue: (start, end, tense, strong); -ed words are weak (often adjectives: "preferred shares")
Cue = tuple[int, int, Tense, bool]

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=(?:[\"'“‘(\[]|``)?[A-Z0-9])|\n")


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


def cues(text: str, sentence: tuple[int, int]) -> list[Cue]:
    """The tense cues of a sentence; past cues inside a future verb group are dropped."""
    s, e = sentence
    found: list[Cue] = [(m.start(), m.end(), "future", True) for m in _FUTURE.finditer(text, s, e)]
    future = [(a, b) for a, b, _, _ in found]
    for rx, strong in ((_PAST, True), (_PAST_VERB, False)):
        for m in rx.finditer(text, s, e):
            if not strong and m.group().lower() in ED_ADJECTIVES:
                continue
            if not any(a <= m.start() < b for a, b in future):
                found.append((m.start(), m.end(), "past", strong))
    return found


WEAK_DISTANCE = 1.0  # a weak cue counts this many times its distance
_SEGMENT_BREAK = re.compile(r"[,;:()—–]| -- ")


def _segment(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence between the punctuation marks around text[start:end]."""
    s, e = sentence
    left = max((m.end() for m in _SEGMENT_BREAK.finditer(text, s, start)), default=s)
    right = _SEGMENT_BREAK.search(text, end, e)
    return left, right.start() if right else e


def _nearest(found: list[Cue], start: int, end: int) -> Tense | None:
    """The tense of the closest cue, weak cues counting WEAK_DISTANCE times their distance."""
    best: tuple[float, Tense] | None = None
    for a, b, tense, strong in found:
        d = 0 if a < end and start < b else (start - b if b <= start else a - end)
        key = (d if strong else d * WEAK_DISTANCE, tense)
        if best is None or key[0] < best[0]:
            best = key
    return best[1] if best else None


def tense_at(text: str, sentence: tuple[int, int], start: int, end: int, found: list[Cue] | None = None) -> Tense:
    """The tense of the clause of text[start:end]: the closest cue in its comma-delimited segment, else in its
    sentence, strong cues (auxiliaries, irregular pasts) before -ed words (``found``: the sentence's cues)."""
    found = cues(text, sentence) if found is None else found
    lo, hi = _segment(text, sentence, start, end)
    return _nearest([c for c in found if lo <= c[0] < hi], start, end) or _nearest(found, start, end) or "present"
