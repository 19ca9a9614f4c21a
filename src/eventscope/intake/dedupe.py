"""Reprints and duplicates: the same article published by several sites is one story.

Each document's body text (its body zones; the whole text when it has none) is cut into word shingles, hashed into a
MinHash signature and indexed with locality-sensitive hashing (``datasketch``). A new document joins the story of the
most similar indexed document when their shingle sets overlap enough; similarity is the *containment* of the shorter
text in the longer one, so a reprint that drops a paragraph or adds a sign-off still matches, while a different
article about the same events (other sentences, same names) does not.

A document's :class:`Signature` (shingles, MinHash, outlet and credit names) is what the index keeps of it; the
store saves it with the document so an index is seeded from a database without re-reading any text.

The story's original is the member credited by another member's text ("Source: X", "This article originally
appeared on X", a short head line naming X's outlet), else the one published earliest, else the first one added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..model import Document
from .zones_data import CREDIT_PHRASES

#: words per shingle
SHINGLE_WORDS = 5
#: a text with fewer shingles than this is never matched (too short to tell a reprint from a coincidence)
MIN_SHINGLES = 12
#: containment of the shorter shingle set in the longer at and above which two documents are one story
SAME_STORY = 0.6
#: the LSH's Jaccard threshold for candidates (below SAME_STORY: containment can exceed Jaccard by far)
LSH_THRESHOLD = 0.3
NUM_PERM = 128
#: names how a signature was computed; a stored signature of another scheme is computed again
SIGNATURE_SCHEME = f"w{SHINGLE_WORDS}-p{NUM_PERM}-blake2b64-v1"

_WORD = re.compile(r"\w+", re.UNICODE)
_CREDIT = re.compile(r"(?i:" + "|".join(CREDIT_PHRASES) + r")\s*:?\s*(?P<who>[^\n]{2,80})")
_HEAD_LINES = 12
_CREDIT_LINE_WORDS = 6
_ZONE_KINDS_FOR_CREDIT = frozenset({"boilerplate", "byline", "dateline", "headline"})


@dataclass(frozen=True, slots=True)
class StoryMatch:
    """Where a document landed: its story, the story's original document, and how similar it is to it."""

    story_id: str
    document_id: str
    original_document_id: str
    similarity: float  # containment of the shorter body in the longer, against the closest member (1.0 if alone)
    matched_document_id: str | None  # the member it matched (None: it started a new story)
    original_reason: str  # why the original is the original

    @property
    def is_new_story(self) -> bool:
        return self.matched_document_id is None

    @property
    def is_reprint(self) -> bool:
        return self.original_document_id != self.document_id


@dataclass(frozen=True, slots=True)
class Signature:
    """What the story index keeps of a document: body shingles, their MinHash, outlet names and credit lines."""

    shingles: frozenset[int]
    hashvalues: bytes  # the MinHash's hash values, little-endian uint64
    minhash_scheme: str  # datasketch's permutation scheme of the hash values
    outlets: tuple[str, ...]
    credits: tuple[str, ...]
    published: dt.date | None = None
    scheme: str = SIGNATURE_SCHEME


@dataclass(slots=True)
class _Member:
    document_id: str
    shingles: frozenset[int]
    published: dt.date | None
    order: int
    outlets: tuple[str, ...]  # normalised names the member's outlet goes by
    credits: tuple[str, ...]  # normalised short lines/phrases in which the member credits another outlet


@dataclass(slots=True)
class _Story:
    story_id: str
    members: list[str] = field(default_factory=list)


def _norm(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[int]:
    """The 64-bit hashes of the text's lower-cased k-word shingles (punctuation and layout ignored)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return frozenset({_h64(" ".join(words))}) if words else frozenset()
    return frozenset(_h64(" ".join(words[i : i + k])) for i in range(len(words) - k + 1))


def body_of(document: Document) -> str:
    """The text compared across documents: the body zones, or the whole text when there are none."""
    body = document.body_text()
    return body if body.strip() else document.text


def _outlet_names(document: Document) -> tuple[str, ...]:
    """Normalised names of the document's outlet: its source and its URL's host without www./TLD."""
    names: set[str] = set()
    for value in (document.source, document.url):
        if not value:
            continue
        host = urlsplit(value).hostname if "//" in value else (value if "." in value and " " not in value else None)
        if host:
            parts = host.lower().removeprefix("www.").split(".")
            core = max(parts[:-1] or parts, key=len)
            names.add(_norm(core))
            names.add(_norm(host))
        else:
            names.add(_norm(value))
    return tuple(n for n in names if len(n) >= 3)


def _credit_lines(document: Document) -> tuple[str, ...]:
    """Where a document may name the outlet it reprints: credit phrases anywhere, and short non-body head lines."""
    text = document.text
    found = [_norm(m.group("who")) for m in _CREDIT.finditer(text)]
    head = [z for z in document.zones if z.kind in _ZONE_KINDS_FOR_CREDIT][:_HEAD_LINES]
    for z in head:
        line = text[z.start : z.end]
        if len(line.split()) <= _CREDIT_LINE_WORDS:
            found.append(_norm(line))
    return tuple(f for f in found if f)


def _minhash(sh: frozenset[int], num_perm: int = NUM_PERM) -> Any:
    from datasketch import MinHash  # type: ignore[import-untyped]

    m = MinHash(num_perm=num_perm)
    m.update_batch(s.to_bytes(8, "big") for s in sh)
    return m


#: signatures of the last documents signed, by what a signature is computed from: ``ingest`` signs each document
#: twice (the story index, then the store), and the second time is a dictionary lookup
_RECENT: OrderedDict[tuple[Any, ...], Signature] = OrderedDict()
_RECENT_SIZE = 64


def signature(document: Document, *, num_perm: int = NUM_PERM) -> Signature:
    """The document's signature for the story index (its body shingles hashed; see the module doc)."""
    key = (num_perm, document.text, document.zones, document.source, document.url,
           document.published.date if document.published else None)
    sig = _RECENT.get(key)
    if sig is None:
        sig = _RECENT[key] = _compute_signature(document, num_perm)
        if len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)
    return sig


def _compute_signature(document: Document, num_perm: int) -> Signature:
    import numpy as np

    sh = shingles(body_of(document))
    m = _minhash(sh, num_perm)
    return Signature(
        shingles=sh,
        hashvalues=np.asarray(m.hashvalues).astype("<u8").tobytes(),
        minhash_scheme=str(m.scheme),
        outlets=_outlet_names(document),
        credits=_credit_lines(document),
        published=document.published.date if document.published else None,
        scheme=SIGNATURE_SCHEME if num_perm == NUM_PERM else f"{SIGNATURE_SCHEME}-p{num_perm}",
    )


def _lean(sig: Signature) -> Any:
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig.hashvalues, "<u8"), scheme=sig.minhash_scheme)


def _credits(member: _Member, other: _Member) -> bool:
    """Whether ``member``'s text credits ``other``'s outlet."""
    return any(name in line for line in member.credits for name in other.outlets if name not in member.outlets)


class StoryIndex:
    """An in-memory index of documents grouped into stories (reprints and duplicates of one article).

    >>> index = StoryIndex()
    >>> match = index.add(document)          # doctest: +SKIP
    >>> match.story_id, match.original_document_id, match.similarity  # doctest: +SKIP
    """

    def __init__(self, *, same_story: float = SAME_STORY, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH  # type: ignore[import-untyped]

        self.same_story = same_story
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
        self._members: dict[str, _Member] = {}
        self._story_of: dict[str, str] = {}
        self._stories: dict[str, _Story] = {}

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._members

    @classmethod
    def seeded(
        cls, stored: Iterable[tuple[str, Signature, str | None]], *, same_story: float = SAME_STORY
    ) -> StoryIndex:
        """An index holding stored documents: (document id, signature, stored story id or None), oldest first.

        A document with a stored story id rejoins that story as it was; one without is matched like :meth:`add`.
        """
        index = cls(same_story=same_story)
        for document_id, sig, story_id in stored:
            index.add_signature(document_id, sig, story_id=story_id)
        return index

    def _best(self, sh: frozenset[int], minhash: object) -> tuple[str | None, float]:
        best: tuple[str | None, float] = (None, 0.0)
        if len(sh) < MIN_SHINGLES:
            return best
        for key in self._lsh.query(minhash):
            other = self._members[key].shingles
            sim = len(sh & other) / min(len(sh), len(other))
            if sim > best[1] or (sim == best[1] and best[0] is not None and key < best[0]):
                best = (key, sim)
        return best

    def signature(self, document: Document) -> Signature:
        """The document's signature computed with this index's number of permutations."""
        return signature(document, num_perm=self.num_perm)

    def add(self, document: Document) -> StoryMatch:
        """Index a document and return its story. Adding a document id again returns its story unchanged."""
        if document.id in self._members:
            return self._match(document.id, None, 1.0)
        return self.add_signature(document.id, self.signature(document))

    def add_signature(self, document_id: str, sig: Signature, *, story_id: str | None = None) -> StoryMatch:
        """Index a document by its signature (e.g. one read from a store) and return its story.

        With ``story_id`` the document joins that story (created when new) without being matched: a stored
        document keeps the story it was given when it was ingested.
        """
        if document_id in self._members:
            return self._match(document_id, None, 1.0)
        if len(sig.hashvalues) != 8 * self.num_perm:
            raise ValueError(f"a signature of {len(sig.hashvalues) // 8} permutations for an index of {self.num_perm}")
        sh = sig.shingles
        minhash = _lean(sig)
        key, sim = (None, 0.0) if story_id is not None else self._best(sh, minhash)
        member = _Member(document_id, sh, sig.published, len(self._members), sig.outlets, sig.credits)
        self._members[document_id] = member
        if len(sh) >= MIN_SHINGLES:
            self._lsh.insert(document_id, minhash)
        if story_id is not None:
            story = self._stories.setdefault(story_id, _Story(story_id))
            if story.members:
                key, sim = story.members[0], 1.0
        elif key is not None and sim >= self.same_story:
            story = self._stories[self._story_of[key]]
        else:
            key, sim = None, 1.0
            sid = f"story:{document_id}"
            while sid in self._stories:  # a stored story named after a document since deleted
                sid += "'"
            story = _Story(sid)
            self._stories[story.story_id] = story
        story.members.append(document_id)
        self._story_of[document_id] = story.story_id
        return self._match(document_id, key, sim)

    def story_members(self, story_id: str) -> tuple[str, ...]:
        """The document ids of a story, in the order they were added."""
        return tuple(self._stories[story_id].members)

    def story_of(self, document_id: str) -> str | None:
        return self._story_of.get(document_id)

    def original(self, story_id: str) -> tuple[str, str]:
        """The story's original document id and the reason it is taken as the original."""
        members = [self._members[d] for d in self._stories[story_id].members]
        if len(members) == 1:
            return members[0].document_id, "only document of the story"
        credited = [m for m in members if any(_credits(o, m) for o in members if o is not m)]
        crediting = {o.document_id for o in members for m in credited if o is not m and _credits(o, m)}
        credited = [m for m in credited if m.document_id not in crediting] or credited
        if credited:
            first = min(credited, key=lambda m: (m.published or dt.date.max, m.order))
            return first.document_id, "credited as the source by another publisher's copy"
        dated = [m for m in members if m.published is not None]
        if dated:
            first = min(dated, key=lambda m: (m.published, m.order))
            return first.document_id, "earliest publication date"
        return members[0].document_id, "first document seen (no publication dates)"

    def _match(self, document_id: str, matched: str | None, sim: float) -> StoryMatch:
        story_id = self._story_of[document_id]
        original, reason = self.original(story_id)
        return StoryMatch(story_id, document_id, original, round(sim, 3), matched, reason)


__all__ = ["SIGNATURE_SCHEME", "Signature", "StoryIndex", "StoryMatch", "body_of", "shingles", "signature"]
