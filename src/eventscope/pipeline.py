"""Stage order, batching and the per-document failure policy.

``Pipeline.process(document)`` runs nlp → events → time → places → (location, date, status) and returns events.
It pays only for what can change the result: a document with no word that could be a trigger (screened on the
tokens alone, :class:`~eventscope.nlp.LemmaScreen`) has no events and is not tagged or parsed, and a document whose
coder finds no event skips time and places.
``Pipeline.run(inputs)`` reads inputs and yields one :class:`Result` per document or skipped input: one bad article
never stops a batch — its failure becomes a :class:`~eventscope.errors.Skip` with a stable code. It hands spaCy the
paragraphs of ``batch_documents`` documents at a time (``process_many``: the same events, ~20% less spaCy time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nlp as nlp_stage
from .errors import Codes, Skip
from .model import Document, Event, EventDate, Place, Span, event_id

if TYPE_CHECKING:
    from .events import EventDraft
    from .intake.dedupe import StoryIndex
    from .places import Gazetteer

#: place words that point back to a place named earlier ("sent troops to the area")
_ANAPHORIC_PLACE = re.compile(
    r"\b(?:the|that|this)\s+(?:area|region|flash ?point|town|city|village|site|front(?:line)?|zone|district|province)\b"
    r"|\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|seems?|appears?|remains?)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Result:
    """What one input gave: a document with its events, or the reason it was skipped."""

    document: Document | None = None
    events: list[Event] = field(default_factory=list)
    skip: Skip | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Pipeline:
    """The configured stages. Heavy resources (spaCy model, gazetteer, actor KB) load on first use."""

    def __init__(
        self,
        *,
        model: str | None = None,
        actor_files: Sequence[str | Path] = (),
        gazetteer_path: str | Path | None = None,
        screen: bool = True,
        batch_documents: int = 32,
    ) -> None:
        self.model_name = model
        self.actor_files = tuple(actor_files)
        self.gazetteer_path = Path(gazetteer_path) if gazetteer_path else None
        self.use_screen = screen  # False: tag, parse, date and geoparse every document (the reference path)
        self.batch_documents = batch_documents

    # -- resources ------------------------------------------------------------------------------------------------
    @cached_property
    def nlp(self) -> Any:
        return nlp_stage.load_model(self.model_name)

    @cached_property
    def screen(self) -> nlp_stage.LemmaScreen:
        """Which documents may hold an event: the coder reads only sentences holding one of these lemmas."""
        from .events import coder
        from .events.lexicon import LEMMA_FIXES
        from .events.triggers import TRIGGER_LEMMAS

        targets = set(TRIGGER_LEMMAS)
        extra = getattr(coder, "candidate_lemmas", None)  # the trigger classifier's candidate words, where it exists
        if extra is not None:
            targets |= extra()
        return nlp_stage.LemmaScreen(self.nlp, targets, LEMMA_FIXES)

    @cached_property
    def actors(self) -> Any:
        from .actors import ActorKB

        return ActorKB.load(extra=self.actor_files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from .places import Gazetteer

        return Gazetteer.open(self.gazetteer_path)

    # -- reading --------------------------------------------------------------------------------------------------
    def read(self, paths: Iterable[str], *, published: dt.date | None = None, **kwargs: Any) -> Iterator[Document | Skip]:
        from .intake import read_inputs

        return read_inputs(paths, published=published, **kwargs)

    def run(self, paths: Iterable[str], *, published: dt.date | None = None, jobs: int = 1,
            stories: StoryIndex | None = None, dedupe: bool = True, **kwargs: Any) -> Iterator[Result]:
        """Read and process every input, in input order; a failure in one document becomes a Skip and the batch goes on.

        ``jobs > 1`` codes documents in that many worker processes (each with its own model, gazetteer connection and
        actor KB; forked where the platform allows, so a model already loaded here is shared copy-on-write).
        With ``dedupe`` (the default) every document is placed in a story (``stories``, or a new index for this run):
        a reprint of an earlier document gets its ``story_id`` and ``reprint_of``.
        """
        items = self.read(paths, published=published, **kwargs)
        if dedupe:
            items = with_stories(items, stories)
        if jobs <= 1:
            items = iter(items)
            while chunk := list(islice(items, self.batch_documents)):
                yield from self.results(chunk)
            return
        import multiprocessing as mp

        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        config = (self.model_name, self.actor_files, self.gazetteer_path)
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
            yield from pool.imap(_work, items, chunksize=2)

    def results(self, items: Sequence[Document | Skip]) -> list[Result]:
        """:meth:`result` for several items, their paragraphs annotated by spaCy together (faster than one by one)."""
        documents = [i for i in items if isinstance(i, Document)]
        try:
            passages = {id(d): ps for d, ps in zip(documents, self.annotate_many(documents), strict=True)}
        except Exception:  # noqa: BLE001 - one document broke the batch: process each alone to find it
            return [self.result(i) for i in items]
        return [self.result(i, passages.get(id(i))) for i in items]

    def result(self, item: Document | Skip, passages: list[nlp_stage.Passage] | None = None) -> Result:
        """Process one read item (with its annotated ``passages`` when :meth:`results` has them) under the failure
        policy: never raises for a bad document."""
        if isinstance(item, Skip):
            return Result(skip=item)
        try:
            events = self.process(item) if passages is None else self.code(item, passages)
        except Exception as e:  # noqa: BLE001 - the failure policy: record, never stop the batch
            return Result(
                document=item,
                skip=Skip(item.path or item.url or item.locator, Codes.PIPELINE, f"failed while processing: {e!r}"),
            )
        return Result(document=item, events=events)

    # -- processing -----------------------------------------------------------------------------------------------
    def parse(self, document: Document) -> list[nlp_stage.Passage]:
        ranges = [(z.kind, z.start, z.end) for z in document.coded_zones()]
        return nlp_stage.parse(self.nlp, document.text, ranges)

    def times(self, document: Document) -> Any:
        from . import time as time_stage

        ranges = [(z.start, z.end) for z in document.coded_zones()]
        return time_stage.resolve_document(document.text, ranges, document.published,
                                           numeric_order=time_stage.numeric_order_for(document.url))

    def places(self, document: Document, passages: Sequence[nlp_stage.Passage] | None = None) -> list[Place]:
        from .places import geoparse

        if passages is None:
            passages = self.parse(document)
        return geoparse(document.text, list(passages), self.gazetteer)

    def tokenize(self, document: Document) -> list[nlp_stage.Passage]:
        """The coded paragraphs, tokenized; none when the screen shows no word could be a trigger (no events)."""
        ranges = [(z.kind, z.start, z.end) for z in document.coded_zones()]
        tokenized = nlp_stage.tokenize(self.nlp, document.text, ranges)
        if self.use_screen and not self.screen.admits(p.doc for p in tokenized):
            return []
        return tokenized

    def process(self, document: Document) -> list[Event]:
        """The document's events."""
        tokenized = self.tokenize(document)
        return self.code(document, nlp_stage.annotate(self.nlp, tokenized) if tokenized else [])

    def process_many(self, documents: Sequence[Document]) -> list[list[Event]]:
        """:meth:`process` for several documents, their paragraphs annotated by spaCy together (the same events)."""
        return [self.code(d, ps) for d, ps in zip(documents, self.annotate_many(documents), strict=True)]

    def annotate_many(self, documents: Sequence[Document]) -> list[list[nlp_stage.Passage]]:
        """Each document's annotated passages (none for a screened-out one), one spaCy stream for all of them."""
        tokenized = [self.tokenize(d) for d in documents]
        annotated = iter(nlp_stage.annotate(self.nlp, [p for ps in tokenized for p in ps]))
        return [[next(annotated) for _ in ps] for ps in tokenized]

    def code(self, document: Document, passages: Sequence[nlp_stage.Passage]) -> list[Event]:
        """Events from the document's annotated passages (from :meth:`tokenize`, then ``nlp.annotate``)."""
        from . import time as time_stage
        from .events import code_passages
        from .places import event_locations
        from .restatements import merge_restatements

        if not passages:
            return []
        drafts = code_passages(passages, self.actors)
        if not drafts and self.use_screen:
            return []
        times = self.times(document)
        places = self.places(document, passages)

        paragraphs = {p.offset: (p.offset, p.offset + len(nlp_stage.doc_text(p.doc))) for p in passages}
        dates: list[EventDate] = []
        locations: list[Place | None] = []
        events: list[Event] = []
        doc_hash = document.content_hash
        for i, d in enumerate(drafts):
            sentences = [(d.sentence, d.offset), *d.support]
            found = event_locations(sentences, d.trigger, places, self.gazetteer)
            loc = found[0] if found else None
            if loc is None or loc.lat is None:  # nothing, or a place the gazetteer lacks: an earlier event's place?
                context = self._location_from_context(d, locations, drafts[:i])
                if context is not None:
                    loc, found = context, [context]
            continues = d.continues
            previous = dates[continues] if continues is not None and continues < len(dates) else None
            date = time_stage.event_date(
                times,
                sentence=(d.evidence.start, d.evidence.end),
                trigger=(d.trigger.start, d.trigger.end),
                paragraph=paragraphs.get(d.offset, (d.evidence.start, d.evidence.end)),
                previous=previous,
            )
            status = d.status
            if status in ("asserted", "claimed") and time_stage.is_historical(date, times):
                status = "historical"
            dates.append(date)
            locations.append(loc)
            events.append(
                Event(
                    id=event_id(doc_hash, d.trigger, d.type),
                    document=document.ref(),
                    type=d.type,
                    mode=d.mode,
                    acled=d.acled,
                    cameo=d.cameo,
                    actors=d.actors,
                    location=loc,
                    locations=tuple(found),
                    date=date,
                    quantities=d.quantities,
                    status=status,
                    attribution=d.attribution,
                    trigger=d.trigger,
                    evidence=d.evidence,
                    confidence=d.confidence,
                    support=tuple(_sentence_span(s, off) for s, off in d.support),
                )
            )
        return merge_restatements(_drop_headline_repeats(events, drafts), document.text)

    @staticmethod
    def _location_from_context(d: EventDraft, locations: Sequence[Place | None], earlier: Sequence[EventDraft]) -> Place | None:
        """"Sent troops to the area": take the place of the nearest earlier located event, widened to "near"."""
        if not _ANAPHORIC_PLACE.search(d.evidence.text):
            return None
        for prev, loc in zip(reversed(earlier), reversed(locations), strict=True):
            if (loc is not None and loc.lat is not None and loc.precision in ("place", "near")
                    and prev.evidence.start < d.evidence.start):
                return Place(
                    text=loc.text, start=loc.start, end=loc.end, name=loc.name, geonameid=loc.geonameid,
                    lat=loc.lat, lon=loc.lon, country=loc.country, admin1=loc.admin1, feature=loc.feature,
                    precision="near", score=loc.score, runner_up=None, basis="context",
                )
        return None


def with_stories(items: Iterable[Document | Skip], stories: StoryIndex | None = None) -> Iterator[Document | Skip]:
    """Give each document its story: the same article republished elsewhere shares a story with the original."""
    from .intake.dedupe import StoryIndex

    index = stories if stories is not None else StoryIndex()
    for item in items:
        if isinstance(item, Document):
            match = index.add(item)
            item = replace(item, story_id=match.story_id,
                           reprint_of=match.original_document_id if match.is_reprint else None)
        yield item


def _sentence_span(sent: Any, offset: int) -> Span:
    return Span(offset + sent.start_char, offset + sent.end_char, sent.text)


def _drop_headline_repeats(events: list[Event], drafts: Sequence[EventDraft]) -> list[Event]:
    """A headline restates the story: keep a headline event only when the body has no event of its type."""
    body_types = {e.type for e, d in zip(events, drafts, strict=True) if d.zone_kind != "headline"}
    return [e for e, d in zip(events, drafts, strict=True) if d.zone_kind != "headline" or e.type not in body_types]


_WORKER: Pipeline | None = None


def _init_worker(config: tuple[str | None, tuple[str | Path, ...], Path | None]) -> None:
    global _WORKER
    model, actor_files, gazetteer_path = config
    _WORKER = Pipeline(model=model, actor_files=actor_files, gazetteer_path=gazetteer_path)


def _work(item: Document | Skip) -> Result:
    assert _WORKER is not None
    return _WORKER.result(item)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
