"""trafilatura's attribute-regex XPaths evaluated in Python, one walk of the tree each.

lxml evaluates EXSLT ``re:test`` by calling back into Python for every element and attribute it tests (a node-set
built, converted and searched per call): about a fifth of an extraction's time. The few shapes of expression
trafilatura writes with it (``.//*[P][Q]``, ``.//*[P][Q][1]`` and ``(.//*[P][Q])[1]``, each predicate an ``or`` of
tag, attribute, ``contains``, ``starts-with``, ``translate`` and ``re:test`` terms) are compiled here into a walk
with the same XPath 1.0 semantics: a union such as ``@id|@class`` is the first of the two in source order, a
missing attribute the empty string, ``re:test`` Python's ``re.search`` as lxml runs it. Each element's attributes
are tested once per distinct set of attributes. Any expression outside these shapes stays lxml's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import FunctionType, ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

_ATTRS = r"@[\w-]+(?:\s*\|\s*@[\w-]+)*"
_LIT = r"'([^']*)'"
#: the terms of a predicate, each as ``kind`` with its groups
_TERMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx))
    for kind, rx in (
        ("self", r"self::([\w-]+)"),
        ("eq", rf"(@[\w-]+)\s*=\s*{_LIT}"),
        ("re", rf"re:test\(\s*({_ATTRS})\s*,\s*{_LIT}\s*(?:,\s*{_LIT}\s*)?\)"),
        ("translate", rf"contains\(\s*translate\(\s*({_ATTRS})\s*,\s*{_LIT}\s*,\s*{_LIT}\s*\)\s*,\s*{_LIT}\s*\)"),
        ("contains", rf"contains\(\s*({_ATTRS})\s*,\s*{_LIT}\s*\)"),
        ("starts", rf"starts-with\(\s*({_ATTRS})\s*,\s*{_LIT}\s*\)"),
        ("has", r"(@[\w-]+)"),
    )
)
_OR = re.compile(r"\s+or\s+")


class Unsupported(ValueError):
    """An expression outside the shapes compiled here."""


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a predicate: ``kind`` over the string value of ``attrs`` (first present, source order)."""

    kind: str
    attrs: tuple[str, ...] = ()
    arg: str = ""
    pattern: re.Pattern[str] | None = None
    table: dict[int, int | None] | None = None

    def test(self, tag: str, items: list[tuple[str, str]]) -> bool:
        if self.kind == "self":
            return tag == self.arg
        if self.kind in ("eq", "has"):
            for k, v in items:
                if k == self.attrs[0]:
                    return self.kind == "has" or v == self.arg
            return False
        value = next((v for k, v in items if k in self.attrs), "")
        if self.kind == "re":
            return self.pattern is not None and self.pattern.search(value) is not None
        if self.kind == "translate":
            return self.arg in value.translate(self.table or {})
        if self.kind == "contains":
            return self.arg in value
        return value.startswith(self.arg)


def _attrs(text: str) -> tuple[str, ...]:
    return tuple(a.strip().lstrip("@") for a in text.split("|"))


def _term(kind: str, g: tuple[str | None, ...]) -> Term:
    if kind == "self":
        return Term("self", arg=str(g[0]))
    if kind == "has" and "|" not in str(g[0]):
        return Term("has", _attrs(str(g[0])))
    attrs = _attrs(str(g[0]))
    if kind in ("eq", "has") and len(attrs) > 1:
        raise Unsupported(f"{kind} over a union")
    if kind == "eq":
        return Term("eq", attrs, str(g[1]))
    if kind == "re":
        flags = g[2] or ""
        if set(flags) - {"i", "g"}:
            raise Unsupported(f"re:test flags {flags!r}")
        return Term("re", attrs, pattern=re.compile(str(g[1]), re.I if "i" in flags else 0))
    if kind == "translate":
        src, dst = str(g[1]), str(g[2])
        table = {ord(c): (ord(dst[i]) if i < len(dst) else None) for i, c in reversed(list(enumerate(src)))}
        return Term("translate", attrs, str(g[3]), table=table)
    return Term(kind, attrs, str(g[1]))


def parse_predicate(text: str) -> tuple[Term, ...]:
    """The ``or`` terms of one predicate's text (without its brackets)."""
    terms, pos, text = [], 0, text.strip()
    while True:
        for kind, rx in _TERMS:
            m = rx.match(text, pos)
            if m:
                terms.append(_term(kind, m.groups()))
                pos = m.end()
                break
        else:
            raise Unsupported(f"predicate term at {text[pos : pos + 40]!r}")
        if pos == len(text):
            return tuple(terms)
        sep = _OR.match(text, pos)
        if sep is None:
            raise Unsupported(f"after a term: {text[pos : pos + 40]!r}")
        pos = sep.end()


def _predicates(steps: str) -> list[str]:
    """The texts of the consecutive ``[...]`` predicates that make up ``steps`` (quotes respected)."""
    out, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(steps):
        if quoted:
            quoted = c != "'"
        elif c == "'":
            quoted = True
        elif c == "[":
            depth += 1
            if depth == 1:
                start = i + 1
        elif c == "]":
            depth -= 1
            if depth < 0:
                raise Unsupported("unbalanced ]")
            if depth == 0:
                out.append(steps[start:i])
        elif depth == 0 and not c.isspace():
            raise Unsupported(f"{c!r} between predicates")
    if depth or quoted or not out:
        raise Unsupported("unbalanced predicates")
    return out


class Selector:
    """A compiled ``.//*[...]`` expression, called like an lxml ``XPath`` on an element: the matching descendants
    in document order (``first_child``: only the first matching child of each parent; ``first``: only the first)."""

    __slots__ = ("first", "first_child", "path", "predicates", "tags", "_memo", "_tagged")

    def __init__(self, path: str) -> None:
        text = " ".join(path.split())
        self.path = path
        self.first = text.startswith("(") and text.endswith(")[1]")
        if self.first:
            text = text[1:-4]
        if not text.startswith(".//*["):
            raise Unsupported(f"not a .//*[...] step: {text[:60]!r}")
        preds = _predicates(text[4:])
        self.first_child = preds[-1].strip() == "1"
        if self.first_child:
            preds.pop()
            if self.first:
                raise Unsupported("two positional predicates")
        if any(p.strip().isdigit() for p in preds):
            raise Unsupported("a positional predicate before others")
        parsed = [parse_predicate(p) for p in preds]
        self.tags: tuple[str, ...] | None = None
        if parsed and all(t.kind == "self" for t in parsed[0]):
            self.tags = tuple(t.arg for t in parsed[0])
            parsed = parsed[1:]
        self.predicates = tuple(parsed)
        self._tagged = any(t.kind == "self" for p in parsed for t in p)
        self._memo: dict[Any, bool] = {}

    def matches(self, tag: str, items: list[tuple[str, str]]) -> bool:
        """Whether an element of ``tag`` with attributes ``items`` (source order) passes the predicates."""
        key = (tag, *items) if self._tagged else tuple(items)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 50_000:
                self._memo.clear()
            hit = self._memo[key] = all(any(t.test(tag, items) for t in p) for p in self.predicates)
        return hit

    def __call__(self, tree: HtmlElement) -> list[HtmlElement]:
        from lxml.etree import Element  # type: ignore[import-untyped]

        found: list[HtmlElement] = []
        parents: set[HtmlElement] = set()
        walk: Iterable[HtmlElement] = tree.iterdescendants(*self.tags) if self.tags else tree.iterdescendants(Element)
        memo, tagged, matches = self._memo, self._tagged, self.matches
        for el in walk:
            items = el.items()
            hit = memo.get((el.tag, *items) if tagged else tuple(items))  # the common case without a call
            if not (matches(el.tag, items) if hit is None else hit):
                continue
            if self.first:
                return [el]
            if self.first_child:
                parent = el.getparent()
                if parent in parents:
                    continue
                parents.add(parent)
            found.append(el)
        return found


def compile_xpath(expr: Any) -> Any:
    """A :class:`Selector` for an lxml ``XPath`` with ``re:test`` of a shape compiled here, else ``expr``."""
    path = getattr(expr, "path", None)
    if not isinstance(path, str) or "re:test" not in path:
        return expr
    try:
        return Selector(path)
    except (Unsupported, re.error):
        return expr


def rebound(
    module: ModuleType, functions: Iterable[str], xpath_lists: Iterable[str] = (), overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The globals of ``module`` with its ``xpath_lists`` compiled (and ``overrides`` in place) and copies of its
    ``functions`` reading them (the module itself unchanged: plain trafilatura keeps its own). The copies call
    each other."""
    names = {**vars(module), **(overrides or {})}
    for name in xpath_lists:
        names[name] = [compile_xpath(x) for x in names[name]]
    for name in functions:
        f: Callable[..., Any] = names[name]
        if not isinstance(f, FunctionType):
            raise TypeError(f"{module.__name__}.{name} is not a function")
        copy = FunctionType(f.__code__, names, f.__name__, f.__defaults__, f.__closure__)
        copy.__kwdefaults__ = f.__kwdefaults__
        copy.__doc__, copy.__qualname__, copy.__module__ = f.__doc__, f.__qualname__, f.__module__
        names[name] = copy
    return names


__all__ = ["Selector", "Term", "Unsupported", "compile_xpath", "parse_predicate", "rebound"]
