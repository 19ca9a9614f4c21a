"""Faster rule components for spaCy's English pipeline: same patterns and tables, same output.

``attribute_ruler`` (:class:`FastMatch`):
The English model's attribute ruler maps tags to POS and morphology and fixes lemmas with 179 token patterns, matched
by spaCy's general-purpose Matcher: ~11% of eventscope's end-to-end time. Every pattern is one or two tokens with
equality, IN, NOT_IN or REGEX tests on LOWER, TAG, DEP and IS_SPACE, so an index by the first token's LOWER or TAG
finds the same matches with a few dictionary lookups. Only ``match`` is replaced; the ruler's own ``set_annotations``
applies them in its order (by pattern id, later patterns win), so annotations are identical — a test compares both on
the team's texts, and `benchmarks/bench_speed.py` measures the gain.

Patterns this module does not understand leave the ruler untouched.

``lemmatizer`` (:func:`install_lemmatizer`, rule mode): spaCy's rule lemmatizer caches its suffix-rule results by
(word, POS, morphology) but recomputes the base-form shortcut (which reads the morphology as a dict) for every token
and sets lemmas one token at a time; the result is a function of (word, POS, morphology) alone, so one cache of the
final lemma for every key and one array write per document give the same lemmas ~20x faster.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Predicate = Callable[[Any], bool]
_GETTERS: dict[str, Callable[[Any], Any]] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


class Unsupported(Exception):
    pass


def _test(key: str, spec: Any) -> Predicate:
    get = _GETTERS.get(key)
    if get is None:
        raise Unsupported(key)
    if isinstance(spec, (str, bool)):
        return lambda t: get(t) == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            values = frozenset(arg)
            return lambda t: get(t) in values
        if op == "NOT_IN":
            values = frozenset(arg)
            return lambda t: get(t) not in values
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda t: rx.search(get(t)) is not None
    raise Unsupported(f"{key}: {spec!r}")


def _token_predicate(tok: dict[str, Any]) -> Predicate:
    tests = [_test(k, v) for k, v in tok.items()]
    if len(tests) == 1:
        return tests[0]
    return lambda t: all(f(t) for f in tests)


def _index_keys(tok: dict[str, Any], key: str) -> list[Any] | None:
    spec = tok.get(key)
    if isinstance(spec, (str, bool)):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


#: the token columns a pattern's first token can be indexed by, in order of preference
_INDEX_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: (attr id, match id, predicates per pattern token, whether the index lookup already decided the first token)
_Entry = tuple[int, int, tuple[Predicate, ...], bool]


class FastMatch:
    """Callable with the signature and result of ``AttributeRuler.match``.

    Each pattern is filed under its first token's LOWER, TAG, DEP or IS_SPACE value (as string hashes, so a token's
    candidates come from one ``to_array`` row without building a Token); a pattern whose first token is a single
    LOWER test of another kind (REGEX, NOT_IN) is screened once per word form. Only what the lookup did not decide is
    tested on the Token.
    """

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self.index: tuple[dict[int, list[_Entry]], ...] = tuple(defaultdict(list) for _ in _INDEX_COLUMNS)
        self.by_form: list[_Entry] = []  # first token: one LOWER test the index can't hold
        self.scan: list[_Entry] = []
        self._form_cache: dict[int, list[_Entry]] = {}
        self._strings = strings
        for attr_id, p in enumerate(ruler.patterns):
            match_id = strings[str(attr_id)]
            for pattern in p["patterns"]:
                for tok in pattern:
                    if set(tok) - {"OP"} != set(tok) or not tok:
                        raise Unsupported("operators")  # quantifiers would change span lengths
                preds = tuple(_token_predicate(tok) for tok in pattern)
                first = pattern[0]
                for col, key in enumerate(_INDEX_COLUMNS):
                    values = _index_keys(first, key)
                    if values is not None:
                        entry = (attr_id, match_id, preds, len(first) == 1)
                        for v in values:
                            self.index[col][v if isinstance(v, bool) else strings[v]].append(entry)
                        break
                else:
                    if set(first) == {"LOWER"}:
                        self.by_form.append((attr_id, match_id, preds, True))
                    else:
                        self.scan.append((attr_id, match_id, preds, False))

    def _forms(self, lower: int) -> list[_Entry]:
        hit = self._form_cache.get(lower)
        if hit is None:
            text = self._strings[lower]
            hit = self._form_cache[lower] = [e for e in self.by_form if e[2][0](_Form(text))]
        return hit

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        out: list[tuple[int, int, int, int]] = []
        n = len(doc)
        by_lower, by_tag, by_dep, by_space = self.index
        scan, forms = self.scan, self._forms if self.by_form else None
        rows = doc.to_array(_RULER_COLUMNS).tolist() if n else []
        for i, (low, tag, dep, space) in enumerate(rows):
            entries = [*by_lower.get(low, ()), *by_tag.get(tag, ()), *by_dep.get(dep, ()),
                       *by_space.get(bool(space), ()), *(forms(low) if forms else ()), *scan]
            tok = None
            for attr_id, match_id, preds, decided in entries:
                size = len(preds)
                if i + size > n:
                    continue
                if not (decided and size == 1):
                    tok = doc[i] if tok is None else tok
                    if not (decided or preds[0](tok)) or not all(preds[j](doc[i + j]) for j in range(1, size)):
                        continue
                out.append((attr_id, match_id, i, i + size))
        out.sort()
        return out


class _Form:
    """A stand-in token for a LOWER test on a word form."""

    __slots__ = ("lower_",)

    def __init__(self, lower: str) -> None:
        self.lower_ = lower


def install(nlp: Any) -> bool:
    """Swap in the indexed attribute-ruler matcher and the cached lemmatizer where they apply.

    Returns whether the attribute ruler's matcher was replaced (False, and that component unchanged, when it can't).
    """
    install_lemmatizer(nlp)
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastMatch(ruler)
    except Unsupported:
        return False
    ruler.match = fast
    return True


_LEMMA_COLUMNS = ["ORTH", "POS", "MORPH", "LEMMA"]
_RULER_COLUMNS = list(_INDEX_COLUMNS)


def _fast_lemmatize(self: Any, doc: Any) -> Any:
    """``Lemmatizer.__call__`` for rule mode: the same lemmas, looked up per (word, POS, morphology)."""
    if not self._validated:
        return type(self).__mro__[1].__call__(self, doc)  # the first call validates the tables
    cache: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_cache", {})
    arr = doc.to_array(_LEMMA_COLUMNS)
    out = arr[:, 3].copy()
    strings = doc.vocab.strings
    overwrite = self.overwrite
    for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
        if lemma and not overwrite:
            continue
        key = (orth, pos, morph)
        value = cache.get(key)
        if value is None:
            value = strings.add(self.lemmatize(doc[i])[0])
            if pos:  # no POS: spaCy warns (W108) each time; keep doing so
                cache[key] = value
        out[i] = value
    doc.from_array(["LEMMA"], out)
    return doc


_FAST_CLASSES: dict[type, type] = {}


def install_lemmatizer(nlp: Any) -> bool:
    """Give the rule-mode lemmatizer the cached ``__call__``; False (nothing changed) for other modes."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    base = type(lem)
    if getattr(lem, "mode", None) != "rule" or base in _FAST_CLASSES.values() or not hasattr(lem, "_validated"):
        return False
    if base not in _FAST_CLASSES:
        _FAST_CLASSES[base] = type("Fast" + base.__name__, (base,), {"__call__": _fast_lemmatize})
    lem.__class__ = _FAST_CLASSES[base]
    return True
