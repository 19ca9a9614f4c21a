"""Reprints and duplicates: the same article published by several sites is one story.

Each document's body text (its body zones; the whole text when it has none) is cut into word shingles, hashed into a
MinHash signature and indexed with locality-sensitive hashing (``datasketch``). A new document joins the story of the
most similar indexed document when their shingle sets overlap enough; similarity is the *containment* of the shorter
text in the longer one, so a reprint that drops a paragraph or adds a sign-off still matches, while a different
article about the same events (other sentences, same names) does not.

The story's original is the member credited by another member's text ("Source: X", "This article originally
appeared on X", a short head line naming X's outlet), else the one published earliest, else the first one added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
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

    def _minhash(self, sh: frozenset[int]) -> object:
        from datasketch import MinHash  # type: ignore[import-untyped]

        m = MinHash(num_perm=self.num_perm)
        m.update_batch(s.to_bytes(8, "big") for s in sh)
        return m

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

    def add(self, document: Document) -> StoryMatch:
        """Index a document and return its story. Adding a document id again returns its story unchanged."""
        if document.id in self._members:
            return self._match(document.id, None, 1.0)
        sh = shingles(body_of(document))
        minhash = self._minhash(sh)
        key, sim = self._best(sh, minhash)
        member = _Member(
            document.id,
            sh,
            document.published.date if document.published else None,
            len(self._members),
            _outlet_names(document),
            _credit_lines(document),
        )
        self._members[document.id] = member
        if len(sh) >= MIN_SHINGLES:
            self._lsh.insert(document.id, minhash)
        if key is not None and sim >= self.same_story:
            story = self._stories[self._story_of[key]]
        else:
            key, sim = None, 1.0
            story = _Story(f"story:{document.id}")
            self._stories[story.story_id] = story
        story.members.append(document.id)
        self._story_of[document.id] = story.story_id
        return self._match(document.id, key, sim)

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


__all__ = ["StoryIndex", "StoryMatch", "body_of", "shingles"]
