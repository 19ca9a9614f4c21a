"""The actor knowledge base: an alias index over countries, seats of government, organisations, armed groups and
people, and a resolver that turns a news noun phrase into a canonical actor.

Resolution order for a phrase (see :meth:`ActorKB.resolve`):

1. sponsorship cues ("Turkey-backed", "backed by the Turkish government", "pro-Russian") are read and set aside:
   the sponsor is never the actor;
2. a named actor (organisation, armed group, IGO, person) in the rest of the phrase wins, longest alias first;
3. a sponsored armed phrase without a name becomes the KB's proxy for (sponsor, country) or a composed proxy;
4. an ethnic modifier with an armed head ("Kurdish fighters") is the group the KB names for that people in the
   phrase's country or ``country_hint`` (SYR → YPG), else a generic identity militia (country None, inter 4);
5. otherwise country (name, demonym, capital) + head noun sector compose an actor ("Russian military police");
   a seat of government with a weak head ("Pentagon spokesman") is that seat's organ;
6. a head noun alone is a generic actor ("protesters", "police"); a country or capital alone is itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from . import lexicon as lx
from .entries import ActorEntry, ActorMatch, Record, read_countries, read_file, read_yaml

DATA = Path(__file__).resolve().parent / "data"
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ʻ": "",
        "ʿ": "",
        "ʾ": "",
    }
)
_APOS = "'’‘`ʼ"
_CACHE_MAX = 200_000
_FILLER = frozenset({"the", "of", "and", "al", "el", "for", "de", "la", "in", "on", "a", "an", "s"})
_ARMED_KINDS = frozenset({"armed_group"})


class Token(NamedTuple):
    text: str  # folded surface form (case kept): "US", "Erdogan"
    low: str
    start: int  # offsets into the phrase
    end: int


class Hit(NamedTuple):
    start: int  # token indices
    end: int
    record: Record
    how: str


def _fold(tok: str) -> str:
    tok = unicodedata.normalize("NFKD", tok.translate(_SPECIAL))
    tok = "".join(c for c in tok if not unicodedata.combining(c))
    if "." in tok:
        parts = [p for p in tok.split(".") if p]
        tok = "".join(parts) if parts and all(len(p) == 1 for p in parts) else tok.rstrip(".")
    return tok


def tokenize(text: str) -> list[Token]:
    """Word tokens with phrase offsets; hyphens and apostrophes split, possessive 's dropped, U.S. → US."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        raw = m.group(0)
        if raw in ("s", "S") and s > 0 and text[s - 1] in _APOS:
            continue
        t = raw if raw.isascii() and "." not in raw else _fold(raw)
        if t:
            out.append(Token(t, t.lower(), s, e))
    return out


def _case_ok(pattern: tuple[str, ...], toks: Sequence[Token]) -> bool:
    """All-caps short alias tokens ("US", "IS", "UN") match exactly; capitalised ones need a capital."""
    for a, t in zip(pattern, toks, strict=True):
        if a.isupper() and len(a) <= 3 and a.isalpha():
            if t.text != a:
                return False
        elif a[:1].isupper() and t.text == t.low:  # a proper name needs a capital somewhere: not "turkey"
            return False
    return True


def _alias_tokens(alias: str) -> tuple[str, ...]:
    toks = [t.text for t in tokenize(alias)]
    while toks and toks[0].lower() == "the" and len(toks) > 1:
        toks = toks[1:]
    return tuple(toks)


class ActorKB:
    """Countries, seats of government, IGOs, armed groups and people, with a fast phrase resolver."""

    def __init__(self, records: Sequence[Record]) -> None:
        """Index ``records``; a later record with the same id replaces an earlier one (user files come last)."""
        by_id: dict[str, Record] = {}
        for r in records:
            by_id[r.entry.id] = r
        self.entries: dict[str, ActorEntry] = {i: r.entry for i, r in by_id.items()}
        self._index: dict[tuple[str, ...], list[tuple[tuple[str, ...], Record, str]]] = {}
        for r in by_id.values():
            for alias, how in r.aliases:
                pat = _alias_tokens(alias)
                if pat:
                    self._index.setdefault(tuple(p.lower() for p in pat), []).append((pat, r, how))
        self._firsts: dict[str, int] = {}  # first token -> longest alias starting with it
        for k in self._index:
            self._firsts[k[0]] = max(self._firsts.get(k[0], 0), len(k))
        self._heads = {tuple(t.low for t in tokenize(k)): h for k, h in lx.HEADS.items()}
        self._head_firsts: dict[str, int] = {}
        for k in self._heads:
            self._head_firsts[k[0]] = max(self._head_firsts.get(k[0], 0), len(k))
        self._head_words = frozenset(w for k in self._heads for w in k)
        self._adj: dict[str, str] = {}
        for r in by_id.values():
            if r.entry.kind == "country":
                dem = next((a for a, how in r.aliases if how == "demonym"), None)
                self._adj[r.entry.id] = dem or r.entry.name
        self._adj.update(_ADJECTIVE_OVERRIDES)
        self._cache: dict[tuple[str, str | None], ActorMatch | None] = {}
        self._word_cache: dict[str, bool] = {}
        exact: set[str] = set()
        loose: set[str] = set()
        for pat, _r, _how in (x for v in self._index.values() for x in v):
            for p in pat:
                if p.isupper() and len(p) <= 3 and p.isalpha():
                    exact.add(p)
                elif p.lower() not in _FILLER:
                    loose.add(p.lower())
        loose.update(w for k in self._heads for w in k if w not in lx.STOPWORDS and w not in _FILLER)
        loose.update(lx.ETHNIC)
        self._exact_words, self._loose_words = frozenset(exact), frozenset(loose)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorKB:
        """The built-in KB (cached) plus user YAML/CSV files; user entries override built-ins with the same id."""
        if not extra:
            return _default_kb()
        key = tuple(_file_key(p) for p in extra)
        kb = _EXTRA_KBS.get(key)
        if kb is None:
            records = list(_builtin())
            for path in extra:
                records.extend(read_file(path))
            kb = cls(records)
            if len(_EXTRA_KBS) >= 8:
                _EXTRA_KBS.clear()
            _EXTRA_KBS[key] = kb
        return kb

    # ------------------------------------------------------------------ look-ups
    def get(self, actor_id: str) -> ActorEntry | None:
        return self.entries.get(actor_id)

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of the country a demonym/adjective names: "Turkish" → "TUR"; None otherwise."""
        toks = tokenize(word)
        for pat, rec, how in self._index.get(tuple(t.low for t in toks), ()):
            if how == "demonym" and _case_ok(pat, toks):
                return rec.entry.country
        return None

    def country_code(self, text: str) -> str | None:
        """ISO3 of the first country name, alias, demonym or capital in ``text``: "Ankara" → "TUR"; else None."""
        for hit in self._scan(tokenize(text)):
            if hit.record.entry.kind in ("country", "capital"):
                return hit.record.entry.country
        return None

    def is_actor_word(self, word: str) -> bool:
        """Fast pre-check: may this word be part of an actor phrase (country, demonym, capital, alias, head noun)?"""
        hit = self._word_cache.get(word)
        if hit is None:
            toks = tokenize(word)
            hit = any(t.text in self._exact_words or t.low in self._loose_words for t in toks)
            if len(self._word_cache) >= _CACHE_MAX:
                self._word_cache.clear()
            self._word_cache[word] = hit
        return hit

    # ------------------------------------------------------------------ resolving
    def resolve(self, phrase: str, country_hint: str | None = None) -> ActorMatch | None:
        """The canonical actor a noun phrase names, or None. ``country_hint``: ISO3 of where the story happens,
        used only to say which group "Kurdish fighters" or "Turkish-backed militants" means there."""
        key = (phrase, country_hint)
        try:
            return self._cache[key]
        except KeyError:
            pass
        result = self._resolve(phrase, country_hint)
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _candidates(self, toks: Sequence[Token], i: int, j: int) -> list[tuple[tuple[str, ...], Record, str]]:
        return [c for c in self._index.get(tuple(t.low for t in toks[i:j]), ()) if _case_ok(c[0], toks[i:j])]

    def _scan(self, toks: Sequence[Token]) -> list[Hit]:
        hits: list[Hit] = []
        n, i = len(toks), 0
        while i < n:
            longest = self._firsts.get(toks[i].low, 0)
            if longest:
                for L in range(min(longest, n - i), 0, -1):
                    cands = self._candidates(toks, i, i + L)
                    if cands:
                        _pat, rec, how = _prefer(cands)
                        hits.append(Hit(i, i + L, rec, how))
                        i += L
                        break
                else:
                    i += 1
            else:
                i += 1
        return hits

    def _heads_in(self, toks: Sequence[Token], covered: set[int]) -> tuple[int, int, lx.Head] | None:
        found: list[tuple[int, int, lx.Head]] = []
        n = len(toks)
        for i in range(n):
            longest = self._head_firsts.get(toks[i].low, 0)
            if not longest or i in covered:
                continue
            for L in range(min(longest, n - i), 0, -1):
                if any(k in covered for k in range(i, i + L)):
                    continue
                h = self._heads.get(tuple(t.low for t in toks[i : i + L]))
                if h is not None and h.weak and i + L < n:  # "an official request": not a head
                    nxt = toks[i + L]
                    if nxt.low not in lx.HEAD_FOLLOWERS and not nxt.text[:1].isupper() and (i + L) not in covered:
                        h = None
                if h is not None:
                    found.append((i, i + L, h))
                    break
        if not found:
            return None
        strong = [f for f in found if not f[2].weak] or found
        return max(strong, key=lambda f: (f[1], f[1] - f[0]))

    def _resolve(self, phrase: str, hint: str | None) -> ActorMatch | None:
        toks = tokenize(phrase)
        if not toks:
            return None
        hits = self._scan(toks)
        if len(hits) == 1:  # fast path: the phrase is one alias and determiners ("the YPG", "Ankara")
            h = hits[0]
            if all(t.low in lx.STOPWORDS for t in toks[: h.start]) and all(
                t.low in lx.STOPWORDS for t in toks[h.end :]
            ):
                return ActorMatch(h.record.entry, phrase[toks[h.start].start : toks[h.end - 1].end], h.how)
        sponsors, consumed, pro_gov = self._sponsors(phrase, toks, hits)
        hits = [h for h in hits if not any(k in consumed for k in range(h.start, h.end))]

        def text(a: int, b: int) -> str:
            return phrase[toks[a].start : toks[b - 1].end]

        named = [h for h in hits if h.record.entry.kind not in ("country", "capital")]
        if named:
            best = max(named, key=lambda h: (h.end - h.start, h.start))
            return ActorMatch(best.record.entry, text(best.start, best.end), best.how)
        in_hit = {k for h in hits for k in range(h.start, h.end)}
        places = [
            h for h in hits if h.record.entry.kind in ("country", "capital") and not self._in_name(toks, h, in_hit)
        ]
        covered = consumed | {k for h in hits for k in range(h.start, h.end)}
        head = self._heads_in(toks, covered)
        ethnic = next(
            ((i, lx.ETHNIC[t.low]) for i, t in enumerate(toks) if t.low in lx.ETHNIC and i not in covered), None
        )
        own = places[0].record.entry.country if places else None
        used = [(h.start, h.end) for h in places] + ([head[:2]] if head else [])
        used += [(ethnic[0], ethnic[0] + 1)] if ethnic else []
        used += [(min(consumed), max(consumed) + 1)] if consumed else []
        mtext = text(min(u[0] for u in used), max(u[1] for u in used)) if used else phrase.strip()
        if (sponsors or pro_gov) and head is not None and head[2].sector in lx.ARMED_SECTORS:
            return self._proxy(sponsors, pro_gov, own or hint, head[2], mtext)
        if ethnic is not None and head is not None and head[2].sector in lx.ARMED_SECTORS:
            where = own or hint
            target = self.entries.get(ethnic[1].by_country.get(where, "")) if where else None
            if target is not None:
                return ActorMatch(target, mtext, "composed")
            eid = f"{ethnic[1].key}-{head[2].suffix}"
            return ActorMatch(
                ActorEntry(eid, f"{ethnic[1].label} armed group", None, "REB", 4, "generic"), mtext, "generic"
            )
        if head is not None:
            h = head[2]
            if h.weak and places and places[0].record.entry.kind == "capital":  # "Pentagon spokesman"
                return ActorMatch(places[0].record.entry, mtext, "metonym")
            if own is not None:
                entry = self._composed(own, h)
                if sponsors:
                    entry = replace(entry, sponsors=tuple(sponsors))
                return ActorMatch(entry, mtext, "composed")
            label = f"{ethnic[1].label} {h.label}" if ethnic else h.label
            eid = f"{ethnic[1].key}-{h.suffix}" if ethnic else f"GEN-{h.suffix}"
            kind = "armed_group" if h.sector == "REB" else "generic"
            return ActorMatch(ActorEntry(eid, label, None, h.sector, h.inter, kind), mtext, "generic")
        if places:
            p = places[0]
            return ActorMatch(p.record.entry, text(p.start, p.end), p.how)
        if ethnic is not None:
            e = ethnic[1]
            return ActorMatch(
                ActorEntry(e.key, f"{e.label} people", None, None, None, "generic"),
                text(ethnic[0], ethnic[0] + 1),
                "generic",
            )
        return None

    def _in_name(self, toks: Sequence[Token], hit: Hit, in_hit: set[int]) -> bool:
        """Is this country/capital part of a longer proper name the KB does not know ("Michael Jordan")?"""
        if hit.start == 0 or (hit.start - 1) in in_hit:
            return False
        prev = toks[hit.start - 1]
        if not prev.text[:1].isupper() or prev.text.isupper():
            return False
        return prev.low not in lx.PLACE_PREFIXES and prev.low not in self._head_words

    def _sponsors(self, phrase: str, toks: Sequence[Token], hits: list[Hit]) -> tuple[list[str], set[int], bool]:
        sponsors: list[str] = []
        consumed: set[int] = set()
        pro_gov = False
        by_end = {h.end: h for h in hits}
        by_start = {h.start: h for h in hits}
        n = len(toks)
        for j, t in enumerate(toks):
            if t.low == "pro" and j + 1 < n:
                h = by_start.get(j + 1)
                if h is not None and h.record.entry.country:
                    sponsors.append(h.record.entry.country)
                    consumed.update(range(j, h.end))
                elif toks[j + 1].low in ("government", "regime", "state"):
                    pro_gov = True
                    consumed.update((j, j + 1))
                continue
            if t.low not in lx.SPONSOR_WORDS:
                continue
            h = by_end.get(j)
            gap = phrase[toks[j - 1].end : t.start] if j else ""
            if h is not None and ("-" in gap or t.low not in lx.SPONSOR_HYPHEN_ONLY):  # "Turkey-backed", "Iran backed"
                if h.record.entry.country and h.record.entry.kind in ("country", "capital"):
                    sponsors.append(h.record.entry.country)
                consumed.update(range(h.start, j + 1))
                continue
            k = j + 1
            while k < n and toks[k].low in lx.SPONSOR_FILLERS:
                k += 1
            h = by_start.get(k)
            if k > j + 1 and h is not None:  # "backed by (the) Turkish government"
                if h.record.entry.country and h.record.entry.kind in ("country", "capital"):
                    sponsors.append(h.record.entry.country)
                end = h.end
                while end < n and (toks[end].low,) in self._heads:
                    end += 1
                consumed.update(range(j, end))
        return sponsors, consumed, pro_gov

    def _proxy(self, sponsors: list[str], pro_gov: bool, where: str | None, head: lx.Head, mtext: str) -> ActorMatch:
        for sp in sponsors:
            pid = lx.PROXIES.get((sp, where)) if where else lx.PROXIES.get((sp, None))
            entry = self.entries.get(pid or "")
            if entry is not None:
                return ActorMatch(entry, mtext, "composed")
        militia = pro_gov or head.suffix == "MILITIA"
        inter = 3 if militia else 2
        if pro_gov and where and where not in sponsors:
            sponsors = [*sponsors, where]
        label = head.label if head.sector == "REB" else ("Militia" if militia else "Rebels")
        backers = "-".join(sponsors) or "GOV"
        adj = self._adj.get(sponsors[0], sponsors[0]) if sponsors else "Pro-government"
        name = f"{adj}-backed {label}" if sponsors else f"Pro-government {label}"
        eid = f"{where or 'UNK'}-{'MILITIA' if militia else 'REB'}-{backers}"
        kind = "armed_group"
        return ActorMatch(ActorEntry(eid, name, where, "REB", inter, kind, tuple(sponsors)), mtext, "composed")

    def _composed(self, iso: str, h: lx.Head) -> ActorEntry:
        adj = self._adj.get(iso)
        name = f"{adj} {h.label}" if adj else f"{h.label} of {iso}"
        kind = {"REB": "armed_group", "CVL": "generic", "REF": "generic"}.get(h.sector, "organisation")
        return ActorEntry(f"{iso}-{h.suffix}", name, iso, h.sector, h.inter, kind)


def _prefer(cands: list[tuple[tuple[str, ...], Record, str]]) -> tuple[tuple[str, ...], Record, str]:
    """Among records sharing an alias: named organisations before countries before capitals."""
    order = {"name": 0, "alias": 1, "demonym": 2, "metonym": 3}
    return min(cands, key=lambda c: (c[1].entry.kind in ("capital",), order.get(c[2], 4)))


#: display adjectives where the first demonym reads oddly in a composed name
_ADJECTIVE_OVERRIDES = {"USA": "U.S.", "GBR": "British", "ARE": "Emirati", "COD": "Congolese"}


_EXTRA_KBS: dict[tuple[tuple[str, int, int], ...], ActorKB] = {}


def _file_key(path: str | Path) -> tuple[str, int, int]:
    """Identity of a user file for the load cache: a changed file is read again."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return (str(p), -1, -1)
    return (str(p.resolve()), st.st_mtime_ns, st.st_size)


@cache
def _builtin() -> tuple[Record, ...]:
    labels: dict[str, tuple[str, str]] = {}
    for h in lx.HEADS.values():
        if not h.weak:
            labels.setdefault(h.suffix, (h.label, h.sector))
    records = read_countries(DATA / "countries.csv", DATA / "countries_extra.yaml", labels)
    for f in sorted(DATA.glob("actors_*.yaml")):
        records.extend(read_yaml(f))
    return tuple(records)


@cache
def _default_kb() -> ActorKB:
    return ActorKB(_builtin())
