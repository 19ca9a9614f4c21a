"""Stand-off zones over plain text: headline, dateline, byline, body, boilerplate, comments.

Nothing is deleted or rewritten: each zone is a (start, end) range into the text, trimmed of whitespace.

How it works: the text is cut into *units* (a line, or a run of wrapped lines of one paragraph). Each unit gets
features (length, word count, terminal punctuation, share of digits/currency, widget vocabulary from
``zones_data``, date-stamp and byline shapes, repetition of short lines in the document) and a local label. Then
position decides the rest: the body runs from the first prose unit to the last one before the comment section;
the comment section opens at the first comment-widget unit after the body; the headline is the best title-like
unit before the body. A short title-like unit inside the body (a subheading) stays body: it belongs to the
article's running text and is coded like it, while ``headline`` names the one title of the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Zone
from .zones_data import (
    BYLINE_STARTS,
    COMMENT_WIDGET_PHRASES,
    DATELINE_WORDS,
    FOREIGN_DATELINE_WORDS,
    FOREIGN_MONTHS,
    OPINION_WORDS,
    WIDGET_KEYS,
    WIDGET_PHRASES,
)

_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
_WIDGET_GROUPS = {**{f"w_{cat}": ps for cat, ps in WIDGET_PHRASES.items()}, "comment": COMMENT_WIDGET_PHRASES}


def _compile(groups: dict[str, tuple[str, ...]], anchored: bool) -> re.Pattern[str]:
    """One pattern for the anchored (^...) or the unanchored phrases; the named group that matched is the category."""
    parts = []
    for g, ps in groups.items():
        sel = [p[1:] for p in ps if p.startswith("^")] if anchored else [p for p in ps if not p.startswith("^")]
        if sel:
            parts.append(f"(?P<{g}>" + "|".join(sel) + ")")
    return re.compile("|".join(parts))


#: anchored phrases are tried with .match (at the start only), the rest with .search after a cheap key check
_WIDGET_START = _compile(_WIDGET_GROUPS, anchored=True)
_WIDGET_ANY = _compile(_WIDGET_GROUPS, anchored=False)
_PAGE_START = _compile({g: ps for g, ps in _WIDGET_GROUPS.items() if g != "comment"}, anchored=True)
_PAGE_ANY = _compile({g: ps for g, ps in _WIDGET_GROUPS.items() if g != "comment"}, anchored=False)
#: comment-widget vocabulary counts only on short lines
COMMENT_WIDGET_MAX_WORDS = 15
_BYLINE = re.compile(r"(?i:" + "|".join(BYLINE_STARTS) + r")\s+[A-ZÀ-Ý]")
_NAME_PIPE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*[|•]\s*\S")
_DATE_TOKENS = re.compile(r"[^\W\d_]+\.?|\d+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
) | frozenset(FOREIGN_MONTHS)
_DATELINE_WORDS = DATELINE_WORDS | FOREIGN_DATELINE_WORDS
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SECTION_LABEL = re.compile(r"\([A-Z0-9&]{2,8}\)$")
_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"
_CURRENCY = frozenset("$€£¥₽₹%")

#: how many words a unit may have and still be checked against widget vocabulary
WIDGET_MAX_WORDS = 40
#: wrapped lines of a paragraph are joined when a line is at least this long (and near the paragraph's widest)
WRAP_MIN_CHARS = 40


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    para: int
    text: str
    words: int
    label: str = ""  # local label: widget, cwidget, digits, dateline, byline, prose, title, short
    why: str = ""
    score: float = 0.5
    kind: str = ""
    reason: str = ""


def _units(text: str) -> list[_Unit]:
    """Cut the text into units: lines, with the wrapped lines of one prose paragraph joined."""
    lines: list[tuple[int, int, int]] = []  # (start, end, paragraph)
    para = 0
    prev_end = 0
    for m in _LINE.finditer(text):
        if lines and _breaks(text, prev_end, m.start()) >= 2:
            para += 1
        lines.append((m.start(), m.end(), para))
        prev_end = m.end()
    units: list[_Unit] = []
    i = 0
    while i < len(lines):
        j = i
        p = lines[i][2]
        while j + 1 < len(lines) and lines[j + 1][2] == p:
            j += 1
        # lines[i..j] is one paragraph
        widest = max(e - s for s, e, _ in lines[i : j + 1])
        k = i
        while k <= j:
            s0 = lines[k][0]
            last = k
            while last < j and _continues(text, lines[last], lines[last + 1], widest):
                last += 1
            e0 = lines[last][1]
            chunk = text[s0:e0]
            units.append(_Unit(s0, e0, p, chunk, _word_count(chunk)))
            k = last + 1
        i = j + 1
    return units


def _word_count(s: str) -> int:
    """Words of a unit; in scripts written without spaces (Chinese, Japanese) about two characters make a word."""
    n = len(s.split())
    if n * 8 < len(s):  # long stretches without spaces
        cjk = len(_CJK.findall(s))
        if cjk:
            n = max(n, cjk // 2)
    return n


def _breaks(text: str, start: int, end: int) -> int:
    """How many line breaks (\\n, \\r\\n or \\r) lie in text[start:end]."""
    n = text.count("\n", start, end)
    r = text.count("\r", start, end)
    return n + r - text.count("\r\n", start, end) if r else n


def _continues(text: str, line: tuple[int, int, int], nxt: tuple[int, int, int], widest: int) -> bool:
    """Whether the next line continues this one (hard-wrapped prose) rather than starting a new unit.

    A line that ends a sentence ends the unit; otherwise a line about as wide as the paragraph's widest is a
    wrapped line, and so is one followed by a lower-case start.
    """
    n = line[1] - line[0]
    last = text[line[1] - 1]
    if last in _TERMINAL or (last in _CLOSERS and _terminal(text[line[0] : line[1]])):
        return False
    if n >= WRAP_MIN_CHARS and n >= 0.6 * widest:
        return True
    return n >= WRAP_MIN_CHARS // 2 and text[nxt[0]].islower()


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def _terminal(s: str) -> bool:
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _is_dateline(low: str, words: int) -> bool:
    if words > 16:
        return False
    toks = _DATE_TOKENS.findall(low)
    if not toks:
        return False
    has_num = any(t.isdigit() for t in toks)
    has_month = any(t.rstrip(".") in _MONTHS for t in toks)
    if not ((has_month and has_num) or _NUMERIC_DATE.search(low)):
        return False
    other = [t for t in toks if not t.isdigit() and t.rstrip(".") not in _DATELINE_WORDS and not _is_iso_piece(t)]
    return len(other) <= 1 and len(other) * 4 <= len(toks)


def _is_iso_piece(tok: str) -> bool:
    return tok in ("t", "z") or (len(tok) <= 4 and tok.isalpha() and tok.isupper())


def _is_byline(s: str, words: int) -> bool:
    if words > 12 or (s.endswith(".") and not s.endswith(("Jr.", "Sr."))):
        return False
    if _BYLINE.match(s):
        return True
    return words <= 8 and s.count("|") + s.count("•") == 1 and _NAME_PIPE.match(s) is not None


def _digit_share(s: str) -> float:
    chars = [c for c in s if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if c.isdigit() or c in _CURRENCY or c in ",.") / len(chars)


def _title_like(s: str, words: int) -> bool:
    if not 4 <= words <= 20 or _terminal(s) and not s.endswith(("?", "!")):
        return False
    first = s.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()


def _widget(low: str, *, comments: bool) -> str | None:
    """The widget group a normalised line matches ("comment" or "w_<category>"), or None."""
    start, anywhere = (_WIDGET_START, _WIDGET_ANY) if comments else (_PAGE_START, _PAGE_ANY)
    m = start.match(low)
    if m is None and any(k in low for k in WIDGET_KEYS):  # plain substring tests: faster than one alternation
        m = anywhere.search(low)
    return m.lastgroup if m else None


def _label(u: _Unit, repeats: Counter[str]) -> None:
    """Give a unit its local label from its own features."""
    s = u.text
    low = _norm(s) if u.words <= WIDGET_MAX_WORDS else ""
    if low:
        m = _widget(low, comments=u.words <= COMMENT_WIDGET_MAX_WORDS)
        if m == "comment":
            u.label, u.why, u.score = "cwidget", "comment-widget vocabulary", 0.9
            return
        if m:
            u.label, u.why, u.score = "widget", f"widget vocabulary ({m[2:]})", 0.9
            return
    if low and _is_dateline(low, u.words):
        u.label, u.why, u.score = "dateline", "date/time stamp line", 0.85
        return
    if u.words <= 6 and _digit_share(s) >= 0.5:
        u.label, u.why, u.score = "digits", "mostly digits/currency", 0.9
        return
    if low and _is_byline(s, u.words):
        u.label, u.why, u.score = "byline", "byline shape (By Name / Name | Outlet)", 0.8
        return
    if u.words <= 8 and repeats[low] >= 2 and not _terminal(s):
        u.label, u.why, u.score = "repeated", f"short line repeated {repeats[low]}x", 0.85
        return
    if (u.words >= 4 and _terminal(s)) or u.words > 20:
        u.label, u.why = "prose", "prose: terminal punctuation" if _terminal(s) else "prose: long paragraph"
        u.score = min(0.95, 0.5 + u.words / 60)
        return
    if _title_like(s, u.words):
        u.label, u.why, u.score = "title", "title-like line", 0.6
        return
    u.label, u.why, u.score = "short", "short line, not prose", 0.6


def _opinion(u: _Unit) -> bool:
    toks = _DATE_TOKENS.findall(u.text.lower())
    return bool(u.text[:1].islower() or "?" in u.text or "!" in u.text or OPINION_WORDS.intersection(toks))


def _headline_score(units: list[_Unit], i: int, body0: int) -> float:
    u = units[i]
    score = 1.0 + (0.5 if 6 <= u.words <= 16 else 0.0)
    score += 1.0 / (1 + body0 - i)
    if u.words <= 6 and _SECTION_LABEL.search(u.text):
        score -= 1.0  # a section label such as "Arms Control (AC)"
    nxt = units[i + 1].label if i + 1 < len(units) else ""
    if nxt in ("dateline", "byline", "prose", "repeated"):
        score += 0.3
    return score


def _set(u: _Unit, kind: str, reason: str, score: float | None = None) -> None:
    u.kind, u.reason = kind, reason
    if score is not None:
        u.score = score


_FURNITURE = frozenset({"widget", "cwidget", "digits", "repeated"})
#: in text an extractor already cut from a page, only widget vocabulary marks furniture: short lines, figures and
#: repeated lines there are list items, table cells, subheadings and recipe steps of the article
_FURNITURE_EXTRACTED = frozenset({"widget", "cwidget"})
_EXTRACTED_WHY = "short line of extracted main text"


def _assign(units: list[_Unit], extracted: bool) -> None:
    """Give every unit its zone kind from its label and its position."""
    body_idx = [i for i, u in enumerate(units) if u.label == "prose"]
    if not body_idx:
        _assign_no_body(units, extracted)
        return
    furniture = _FURNITURE_EXTRACTED if extracted else _FURNITURE
    body0 = body_idx[0]
    comments0 = _comment_start(units, body0)
    tail0 = _opinion_tail(units, body0, comments0)
    body_last = max((i for i in body_idx if i < tail0), default=body0)
    _assign_head(units, body0, extracted)
    widget_list = False  # inside a list that follows a widget heading ("Related articles")
    for i in range(body0, tail0):
        u = units[i]
        lab = u.label
        if lab in furniture:
            _set(u, "boilerplate", u.why)
            widget_list = lab == "widget"
        elif lab == "prose":
            widget_list = False
            _set(u, "body", u.why)
        elif lab in ("dateline", "byline"):
            _set(u, lab, u.why)
        elif widget_list:
            _set(u, "boilerplate", "list line after a widget heading")
        elif i < body_last:
            why = "subheading inside the body" if lab == "title" else "short line inside the running text"
            _set(u, "body", why, 0.5)
        elif extracted:
            _set(u, "body", f"{_EXTRACTED_WHY} after the last paragraph", 0.5)
        else:
            _set(u, "boilerplate", f"{u.why} after the article's end")
    for i in range(tail0, comments0):
        u = units[i]
        if u.label in ("widget", "cwidget", "digits", "repeated"):
            _set(u, "boilerplate", f"{u.why} after the article's end")
        else:
            _set(u, "comments", "opinion lines after the article's end marker", 0.5)
    for i in range(comments0, len(units)):
        u = units[i]
        if u.label in ("widget", "cwidget"):
            _set(u, "boilerplate", f"{u.why} (comment section)")
        else:
            extra = ": username-like line" if u.words <= 5 and not _terminal(u.text) else ""
            _set(u, "comments", "after the comment widget" + extra, 0.8)


def _comment_start(units: list[_Unit], body0: int) -> int:
    """The first comment-widget unit after the body start that opens a comment section (else ``len(units)``).

    A widget line opens the section when another comment widget follows it, or when what follows is not mostly
    reporting: no more prose than the article before it, or at least half of it opinion-like.
    """
    for i in range(body0 + 1, len(units)):
        if units[i].label != "cwidget":
            continue
        after = units[i + 1 :]
        if any(u.label == "cwidget" for u in after):
            return i
        before_words = sum(u.words for u in units[body0:i] if u.label == "prose")
        after_prose = [u for u in after if u.label == "prose"]
        if sum(u.words for u in after_prose) <= before_words or 2 * sum(map(_opinion, after_prose)) >= len(after_prose):
            return i
    return len(units)


def _opinion_tail(units: list[_Unit], body0: int, comments0: int) -> int:
    """Where reader comments without a comment widget begin (``comments0`` when there are none).

    After the article's last end marker (a widget or repeated line after the body), the remaining prose counts as
    comments only when every prose unit there reads as opinion (first person, questions, lower-case starts) and a
    short username-like line or more than one such unit is there.
    """
    marker = max((i for i in range(body0 + 1, comments0) if units[i].label in ("widget", "repeated")), default=None)
    if marker is None:
        return comments0
    tail = units[marker + 1 : comments0]
    prose = [u for u in tail if u.label == "prose"]
    if not prose or not all(_opinion(u) for u in prose):
        return comments0
    usernames = [u for u in tail if u.label in ("short", "title") and u.words <= 5]
    if not usernames and len(prose) < 2:
        return comments0
    return marker + 1


def _assign_head(units: list[_Unit], body0: int, extracted: bool) -> None:
    """Units before the body: headline (best title-like), dateline, byline, standfirst, else boilerplate."""
    cands = [i for i in range(body0) if units[i].label == "title"]
    head = max(cands, key=lambda i: (_headline_score(units, i, body0), i), default=None)
    for i in range(body0):
        u = units[i]
        if i == head:
            _set(u, "headline", f"title-like line before the body (best of {len(cands)})", 0.75)
        elif u.label in ("dateline", "byline"):
            _set(u, u.label, u.why)
        elif u.label == "title" and head is not None and i > head and u.words >= 6:
            _set(u, "body", "standfirst between headline and body", 0.5)
        elif extracted and u.label not in _FURNITURE_EXTRACTED:
            _set(u, "body", f"{_EXTRACTED_WHY} before the first paragraph", 0.5)
        elif u.label == "title":
            _set(u, "boilerplate", "title-like line that is not the headline (section or site name)", 0.55)
        else:
            _set(u, "boilerplate", f"{u.why} before the body")


def _assign_no_body(units: list[_Unit], extracted: bool) -> None:
    """No prose at all: a title-like unit becomes the headline, the rest keeps local labels (or is body, when the
    text was extracted from a page)."""
    head = next((i for i, u in enumerate(units) if u.label == "title"), None)
    for i, u in enumerate(units):
        if i == head:
            _set(u, "headline", "title-like line (no prose in the text)", 0.5)
        elif u.label in ("dateline", "byline"):
            _set(u, u.label, u.why)
        elif extracted and u.label not in _FURNITURE_EXTRACTED:
            _set(u, "body", f"{_EXTRACTED_WHY}; no prose in the text", 0.5)
        else:
            _set(u, "boilerplate", f"{u.why}; no prose in the text")


def _merge(units: list[_Unit]) -> tuple[Zone, ...]:
    zones: list[Zone] = []
    prev: _Unit | None = None
    for u in units:
        same = prev is not None and prev.para == u.para and prev.kind == u.kind and prev.reason == u.reason
        if same and zones and u.kind != "body":  # body units stay one zone per paragraph/line-paragraph
            z = zones[-1]
            zones[-1] = Zone(z.kind, z.start, u.end, z.reason, z.score)
        else:
            zones.append(Zone(u.kind, u.start, u.end, u.reason, round(u.score, 3)))
        prev = u
    return tuple(zones)


def mark_zones(text: str, *, extracted: bool = False) -> tuple[Zone, ...]:
    """Classify the text's lines/paragraphs into zones (in order, non-overlapping, whitespace-trimmed).

    ``extracted``: the text is an extractor's main text of a web page (trafilatura), already free of most page
    furniture: short lines there are kept in the body unless widget vocabulary marks them.
    """
    units = _units(text)
    if not units:
        return ()
    repeats: Counter[str] = Counter(_norm(u.text) for u in units if u.words <= 8)
    for u in units:
        _label(u, repeats)
    _assign(units, extracted)
    return _merge(units)


__all__ = ["mark_zones"]
