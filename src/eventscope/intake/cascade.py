"""trafilatura's extraction cascade (``trafilatura_sequence``) run stage by stage over one parsed page.

The page is measured and pruned once for the fast and the full cascade; trafilatura's regex XPaths that call back
into Python for every element are mirrored here in Python while trafilatura's expressions are the ones mirrored.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from copy import copy
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]


def named_elements(tree: HtmlElement, pattern: re.Pattern[str], *, fold: bool = False) -> list[HtmlElement]:
    """The elements of ``tree`` (itself included) whose class or id ``pattern`` finds (in the value lowercased
    when ``fold``), in document order.

    Walked in Python, each distinct value searched once: ``//*[@class or @id]`` costs more than the walk (and
    reading the distinct values by XPath first saves nothing: half the pages have a comment marker)."""
    memo: dict[str, bool] = {}
    found = []
    for el in tree.iter():
        for value in (el.get("class"), el.get("id")):
            if value:
                hit = memo.get(value)
                if hit is None:
                    hit = memo[value] = pattern.search(value.lower() if fold else value) is not None
                if hit:
                    found.append(el)
                    break
    return found


def bare_text(tree: HtmlElement, url: str | None, prune: list[str] | None = None, *, fast: bool = True) -> str | None:
    """trafilatura's public ``bare_extraction`` (main text only), for a trafilatura without :func:`stages`."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        with_metadata=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        prune_xpath=prune or None,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    return text if isinstance(text, str) else None


@functools.cache
def stages() -> SimpleNamespace | None:
    """The stages of trafilatura's extraction cascade (``trafilatura_sequence``), or None when this trafilatura
    does not have them all (then :func:`bare_text` runs the cascade whole)."""
    try:
        from trafilatura import core, main_extractor
        from trafilatura.baseline import baseline
        from trafilatura.external import compare_extraction, justext_rescue
        from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
        from trafilatura.main_extractor import extract_content
        from trafilatura.settings import _COOKIE_CONSENT_RE, Extractor
        from trafilatura.xml import delete_element, xmltotxt
        from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

        main = _python_xpaths(main_extractor)
        return SimpleNamespace(
            baseline=baseline,
            compare=compare_extraction,
            justext=justext_rescue,
            convert_tags=convert_tags,
            prune=prune_unwanted_nodes,
            tree_cleaning=tree_cleaning,
            extract_content=main.extract_content,
            main=main,
            content_digest=_source_digest(extract_content),
            basic_clean=basic_clean(_COOKIE_CONSENT_RE),
            Extractor=Extractor,
            xmltotxt=xmltotxt,
            delete=delete_element,
            raw_prune=RAW_TREE_PRUNE_XPATH,
            comments_prune=REMOVE_COMMENTS_AND_LISTS_XPATH,
            forum=core._forum_thread_page,
            recall=core._recall_retry,
            recall_digest=_source_digest(core._recall_retry, core._extract_and_compare, core._prepare_tree),
            esc_max=core.ESCALATION_MAX_LENGTH,
            esc_share=core.ESCALATION_PAGE_SHARE,
            esc_accept=core.ESCALATION_ACCEPT_RATIO,
            esc_justext=core.ESCALATION_JUSTEXT_RATIO,
        )
    except (ImportError, AttributeError):
        return None


#: trafilatura's main-extractor functions that evaluate its attribute-regex XPaths (the content areas, the
#: discarded sections), and those XPath lists
_XPATH_FUNCTIONS = ("_extract", "prune_unwanted_sections", "recover_wild_text", "extract_content")
_XPATH_LISTS = ("BODY_XPATH", "OVERALL_DISCARD_XPATH", "PRECISION_DISCARD_XPATH")


def _python_xpaths(module: Any) -> Any:
    """trafilatura's ``main_extractor`` with its ``re:test`` XPaths evaluated in Python (:mod:`.pyxpath`): copies of
    the functions that read them (the module itself unchanged), or the module when it lacks one of them."""
    from .pyxpath import rebound

    try:
        return SimpleNamespace(**rebound(module, _XPATH_FUNCTIONS, _XPATH_LISTS))
    except (KeyError, TypeError):
        return module


#: trafilatura's ``BASIC_CLEAN_XPATH`` (what ``html2txt`` leaves out of a page's text) but its consent banners
_BASIC_CLEAN_TAGS = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template"
)


def basic_clean(consent_pattern: str) -> Callable[[HtmlElement], list[HtmlElement]]:
    """trafilatura's ``BASIC_CLEAN_XPATH`` with its consent-banner regex run in Python: lxml's EXSLT ``re:test``
    calls back into Python for every element and attribute (~3 ms a page)."""
    from lxml.etree import XPath  # type: ignore[import-untyped]

    tags, consent = XPath(_BASIC_CLEAN_TAGS), re.compile(consent_pattern, re.I)

    def find(body: HtmlElement) -> list[HtmlElement]:
        banners = named_elements(body, consent)
        return list(dict.fromkeys([*tags(body), *(el for el in banners if el is not body)]))

    return find


def _measure(pieces: Iterator[str]) -> tuple[int, int]:
    """Non-space characters and words of text pieces (each piece split on its own)."""
    words = " ".join(pieces).split()
    return sum(map(len, words)), len(words)


def page_chars(tree: HtmlElement, dropped: Any) -> int:
    """About ``len(trafilatura.html2txt(tree))`` (the page's body text without ``dropped``, trafilatura's
    ``BASIC_CLEAN_XPATH``), counted without copying the page; text runs split by inline markup count as two words.

    Characters and words add up over text pieces: the body's, less those inside the outermost dropped elements
    (their tails stay), read by lxml's ``itertext``.
    """
    body = tree.find(".//body")
    if body is None:
        body = tree
    gone = set(dropped(body))
    chars, words = _measure(body.itertext())
    for el in gone:
        if not any(a in gone for a in el.iterancestors()):
            c, w = _measure(el.itertext())
            chars, words = chars - c, words - w
    return chars + max(words - 1, 0)


#: trafilatura's raw-tree prunes (``RAW_TREE_PRUNE_XPATH``, then ``REMOVE_COMMENTS_AND_LISTS_XPATH``) in Python:
#: their EXSLT ``re:test`` calls back into Python for each element and attribute (~2 ms a page). Used only while
#: trafilatura's expressions are the ones mirrored here (the digest of their text).
RAW_PRUNE_DIGEST = "4886bf3f8ae56599"
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def raw_prune(st: SimpleNamespace, tree: HtmlElement, *, comments: bool) -> None:
    """trafilatura's first prunes of the raw tree: infinite-scroll appendices, share buttons and (``comments``)
    comment containers; its XPaths when they are not the ones mirrored here."""
    targets = raw_prune_targets(st, tree, comments=comments)
    if targets is None:
        st.prune(tree, st.raw_prune)
        if comments:
            st.prune(tree, st.comments_prune)
        return
    for el in targets:
        st.delete(el)


def raw_prune_targets(st: SimpleNamespace, tree: HtmlElement, *, comments: bool) -> list[HtmlElement] | None:
    """What :func:`raw_prune` deletes, in its order (one walk: an element found inside an earlier target is
    deleted from the detached subtree, which changes nothing); None when trafilatura's XPaths are not the ones
    mirrored here."""
    if _prune_digest(st) != RAW_PRUNE_DIGEST:
        return None

    appended, shared, gone = [], [], []
    for e in tree.iterdescendants("div", "section", "aside", *(("list", "details", "ol", "ul") if comments else ())):
        ident, cls = e.get("id"), e.get("class")
        if not ident and not cls:  # none of the patterns matches two empty strings
            continue
        scroll, appendix, share, comment, comment_list = _raw_names(ident or "", cls or "")
        if e.tag in ("div", "section", "aside"):
            if scroll and (appendix or e.find(".//h1") is None):
                appended.append(e)
            if share:
                shared.append(e)
        if not comments or e.tag == "aside":
            continue
        if comment_list if e.tag in ("ol", "ul") else comment:
            gone.append(e)
    return [*appended, *shared, *gone]


@functools.lru_cache(maxsize=20_000)
def _raw_names(ident: str, cls: str) -> tuple[bool, bool, bool, bool, bool]:
    """What an element's id and class say to the raw prunes: an infinite-scroll container, an appended article,
    share buttons, a comment container, a comment list."""
    return (
        bool(_SCROLL.search(ident) or _SCROLL.search(cls)),
        bool(_APPENDED.search(ident) or _APPENDED.search(cls)),
        "elementor-share-buttons" in cls,
        bool(_COMMENTS_ID.search(ident) or _COMMENTS_CLASS.search(cls)),
        bool(_COMMENTS_LIST_ID.search(ident) or _COMMENTS_CLASS.search(cls)),
    )


def _prune_digest(st: SimpleNamespace) -> str:
    return _paths_digest(tuple(x.path for x in [*st.raw_prune, *st.comments_prune]))


@functools.lru_cache(maxsize=8)
def _paths_digest(paths: tuple[str, ...]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(paths).encode()).hexdigest()[:16]


#: digest of the source of trafilatura's ``extract_content``, which :func:`extract_content` mirrors; another
#: trafilatura runs its own (and the full cascade extracts again)
EXTRACT_CONTENT_DIGEST = "f0270c94ac5f30b5"


def _source_digest(*funcs: Callable[..., Any]) -> str:
    import hashlib
    import inspect

    try:
        return hashlib.sha256("".join(inspect.getsource(f) for f in funcs).encode()).hexdigest()[:16]
    except (OSError, TypeError):
        return ""


def extract_content(st: SimpleNamespace, cleaned: HtmlElement, options: Any) -> tuple[Any, str, bool]:
    """trafilatura's ``extract_content`` (stage 1), and whether its wild-text recovery ran: the only part of it
    that depends on ``options.fast`` (teaser blocks kept). Without it the full cascade's stage 1 is the fast one's.
    """
    from copy import deepcopy

    m = st.main
    if st.content_digest != EXTRACT_CONTENT_DIGEST:
        body, text = st.extract_content(cleaned, options)
        return body, text, True
    backup_tree = deepcopy(cleaned)
    order = list(cleaned.iter())
    result_body, temp_text, potential_tags = m._extract(cleaned, options)
    recovered = len(result_body) == 0 or len(temp_text) < options.min_extracted_size
    if recovered:
        consumed = {twin for elem, twin in zip(order, backup_tree.iter(), strict=True) if elem.tag == "done"}
        result_body = m.recover_wild_text(backup_tree, result_body, options, potential_tags, consumed)
        temp_text = " ".join(result_body.itertext()).strip()
    previous = None
    for el in list(result_body):
        current = m._elem_text(el)
        if current and current == previous and len(current) > m.MIN_DUPLICATE_LENGTH:
            m.delete_element(el, keep_tail=False)
        else:
            previous = current
    m.strip_elements(result_body, "done")
    m.strip_tags(result_body, "div")
    for linebreak in result_body.iter("lb"):
        if (
            linebreak.tail
            and not m.text_chars_test(linebreak.tail)
            and not any(anc.tag in m.SPACING_PROTECTED for anc in linebreak.iterancestors())
        ):
            linebreak.tail = None
    return result_body, temp_text, recovered


def run(st: SimpleNamespace, tree: HtmlElement, url: str | None, fast: bool, memo: dict[str, Any]) -> Any:
    """trafilatura's cascade (stages 1-4 of ``trafilatura_sequence``, comments off) over a raw tree it prunes no
    more: the tree is left as it is. What the fast and the full cascade share is found once (``memo``): the page's
    length (``html2txt``) and stage 1 when the fast one did not recover wild text."""
    from copy import deepcopy

    options = st.Extractor(output_format="python", fast=fast, comments=False, tables=True, url=url)
    cleaned = st.tree_cleaning(copy(tree), options)
    shared = not fast and "stage1" in memo  # then the cleaned tree is only the external extractors' input
    backup = None if fast else cleaned if shared else copy(cleaned)
    if shared:
        body, text = memo["stage1"]
    else:
        body, text, recovered = extract_content(st, st.convert_tags(cleaned, options, url), options)
        if fast and not recovered:
            memo["stage1"] = (deepcopy(body), text)
    if backup is not None:
        body, text = st.compare(backup, copy(tree), body, text, options)
    if len(text) < options.min_extracted_size:  # 3. baseline rescue
        b_body, b_text, b_len = st.baseline(tree)
        if b_len > len(text):
            body, text = b_body, b_text
    if 0 < len(text) < st.esc_max:  # 4. recall escalation when the text covers little of the page
        if "page_len" not in memo:
            memo["page_len"] = page_chars(tree, st.basic_clean)
        if len(text) < st.esc_share * memo["page_len"]:
            body = escalate(st, tree, url, options, body, text, memo)
    return body


def escalate(
    st: SimpleNamespace, tree: HtmlElement, url: str | None, options: Any, body: Any, text: str, memo: dict[str, Any]
) -> Any:
    """Stage 4: the recall retry (and jusText, unless fast), kept when clearly longer."""
    r_options = copy(options)
    r_options.focus = "recall"
    r_body, r_text, j_body, j_text = None, "", None, ""
    try:
        r_body, r_text = recall(st, tree, r_options, url, memo)
    except Exception:  # noqa: BLE001, S110 - as trafilatura: a failed retry keeps the first result
        pass
    if not options.fast:
        try:
            j_body, j_text = st.justext(copy(tree), options)
        except Exception:  # noqa: BLE001, S110
            pass
    if len(j_text) > len(r_text) and len(j_text) > st.esc_justext * len(text):
        return j_body
    if len(r_text) >= options.min_extracted_size and len(r_text) > st.esc_accept * len(text):
        return r_body
    return body


#: digest of the source of trafilatura's ``_recall_retry`` and of the two functions it runs, which :func:`recall`
#: mirrors; another trafilatura runs its own
RECALL_DIGEST = "da02d781b699ed28"


def recall(st: SimpleNamespace, tree: HtmlElement, r_options: Any, url: str | None, memo: dict[str, Any]) -> Any:
    """trafilatura's recall retry (``_recall_retry``: stages 1-2 again in recall mode) with its stage 1 found once
    for the fast and the full cascade: in recall mode ``extract_content`` does not depend on ``fast`` (teaser blocks
    are kept either way). The fast cascade does not copy the cleaned tree for the external extractors it skips."""
    from copy import deepcopy

    if st.recall_digest != RECALL_DIGEST:
        return st.recall(tree, r_options, url)
    cleaned = st.tree_cleaning(copy(tree), r_options)
    shared = "recall" in memo  # then the cleaned tree is only the external extractors' input
    backup = None if r_options.fast else cleaned if shared else copy(cleaned)
    if shared:
        body, text = memo["recall"]
    else:
        body, text = st.extract_content(st.convert_tags(cleaned, r_options, url), r_options)
        memo["recall"] = (deepcopy(body), text)
    if backup is not None:
        body, text = st.compare(backup, copy(tree), body, text, r_options)
    return body, text


__all__ = ["bare_text", "named_elements", "page_chars", "raw_prune", "raw_prune_targets", "run", "stages"]
