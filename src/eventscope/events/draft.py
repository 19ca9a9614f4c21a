"""EventDraft: one coded event before places and dates are attached (spaCy objects allowed here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Acled, Actor, Attribution, Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True)
class EventDraft:
    trigger: Span  # document offsets: the words naming the event ("conducted a joint patrol")
    type: str  # PLOVER type, upper case
    mode: str | None
    acled: Acled | None
    cameo: str | None
    actors: tuple[Actor, ...]  # role "source"/"target", document offsets
    quantities: tuple[Quantity, ...]
    status: str  # asserted | claimed | negated | planned | hypothetical
    attribution: Attribution | None
    evidence: Span  # the sentence, document offsets
    confidence: float  # 0..1, see coder.confidence
    sentence: SpacySpan  # the sentence (for the places/time stages)
    offset: int  # passage offset of that sentence's doc
    zone_kind: str  # "body" or "headline"
    support: tuple[tuple[SpacySpan, int], ...] = ()  # later sentences describing the same event, with their offsets
    continues: int | None = None  # index (in the returned list) of an earlier draft this one happened during

    @property
    def sources(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.role == "source")

    @property
    def targets(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.role == "target")
