"""A faster matching step for spaCy's ``attribute_ruler`` (same patterns, same output).

The English model's attribute ruler maps tags to POS and morphology and fixes lemmas with 179 token patterns, matched
by spaCy's general-purpose Matcher: ~11% of eventscope's end-to-end time. Every pattern is one or two tokens with
equality, IN, NOT_IN or REGEX tests on LOWER, TAG, DEP and IS_SPACE, so an index by the first token's LOWER or TAG
finds the same matches with a few dictionary lookups. Only ``match`` is replaced; the ruler's own ``set_annotations``
applies them in its order (by pattern id, later patterns win), so annotations are identical — a test compares both on
the team's texts, and `benchmarks/bench_speed.py` measures the gain.

Patterns this module does not understand leave the ruler untouched (``install`` returns False).
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


def _index_keys(tok: dict[str, Any], key: str) -> list[str] | None:
    spec = tok.get(key)
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


class FastMatch:
    """Callable with the signature and result of ``AttributeRuler.match``."""

    def __init__(self, ruler: Any) -> None:
        self.by_lower: dict[str, list[tuple[int, int, tuple[Predicate, ...]]]] = defaultdict(list)
        self.by_tag: dict[str, list[tuple[int, int, tuple[Predicate, ...]]]] = defaultdict(list)
        self.scan: list[tuple[int, int, tuple[Predicate, ...]]] = []
        for attr_id, p in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(attr_id)]
            for pattern in p["patterns"]:
                for tok in pattern:
                    if set(tok) - {"OP"} != set(tok) or not tok:
                        raise Unsupported("operators")  # quantifiers would change span lengths
                entry = (attr_id, match_id, tuple(_token_predicate(tok) for tok in pattern))
                lowers, tags = _index_keys(pattern[0], "LOWER"), _index_keys(pattern[0], "TAG")
                if lowers is not None:
                    for v in lowers:
                        self.by_lower[v].append(entry)
                elif tags is not None:
                    for v in tags:
                        self.by_tag[v].append(entry)
                else:
                    self.scan.append(entry)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        out: list[tuple[int, int, int, int]] = []
        n = len(doc)
        empty: list[tuple[int, int, tuple[Predicate, ...]]] = []
        for i, tok in enumerate(doc):
            for attr_id, match_id, preds in (*self.by_lower.get(tok.lower_, empty),
                                             *self.by_tag.get(tok.tag_, empty), *self.scan):
                size = len(preds)
                if i + size > n:
                    continue
                if preds[0](tok) and all(preds[j](doc[i + j]) for j in range(1, size)):
                    out.append((attr_id, match_id, i, i + size))
        out.sort()
        return out


def install(nlp: Any) -> bool:
    """Swap the attribute ruler's matcher for the indexed one; False (and nothing changed) when it can't."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastMatch(ruler)
    except Unsupported:
        return False
    ruler.match = fast
    return True
