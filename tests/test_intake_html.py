"""HTML extraction: main text without navigation or reader comments, page metadata, decoding, failures."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

import eventscope.intake.cascade as cascade_mod
import eventscope.intake.html as html_mod
from eventscope.errors import Codes, InputError
from eventscope.intake.html import extract_html, page_metadata, strip_site_name
from eventscope.intake.metadata import headline_dateline

PAGE = Path(__file__).resolve().parent / "fixtures" / "intake" / "article_with_comments.html"


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "needle",
    [
        "collapsed on Thursday when artillery fire hit the harbour district",
        "at least seven people were killed",
        "United Nations envoys called on both sides",
    ],
)
def test_article_text_kept(page: str, needle: str) -> None:
    assert needle in extract_html(page).text


@pytest.mark.parametrize(
    "needle",
    [
        "Nobody believed this truce",  # reader comment
        "My cousin works at the docks",  # reader comment
        "riverwatcher",
        "3 comments",
        "Politics",  # navigation
        "Sign up for our daily newsletter",  # footer
        "All rights reserved",
    ],
)
def test_debris_and_comments_do_not_leak(page: str, needle: str) -> None:
    assert needle not in extract_html(page).text


def test_metadata(page: str) -> None:
    res = extract_html(page, "https://evening-courier.example/world/ceasefire")
    assert res.title == "Ceasefire collapses in river port city"
    assert res.date == dt.date(2021, 3, 4)
    assert res.site_name == "The Evening Courier"
    assert res.author == "Lena Ortiz"
    assert res.language == "en"
    assert res.extraction == "html:trafilatura"


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "cp1252"])
def test_bytes_are_decoded_without_loss(page: str, encoding: str) -> None:
    html = page.replace('charset="utf-8"', f'charset="{encoding}"').replace("harbour district", "harbour café district")
    res = extract_html(html.encode(encoding))
    assert "harbour café district" in res.text


@pytest.mark.parametrize(
    ("html", "code"),
    [
        ("", Codes.HTML),
        ("   \n ", Codes.HTML),
        ("<html><head><title>Empty</title></head><body><div></div></body></html>", Codes.HTML),
        (b"\x00\x01\x02<html>", Codes.BINARY),
    ],
)
def test_no_main_text_raises(html: str | bytes, code: str) -> None:
    with pytest.raises(InputError) as err:
        extract_html(html, source="page.html")
    assert err.value.skip.code == code
    assert err.value.skip.source == "page.html"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Floods cut off villages - Valley Herald", "Valley Herald", None, "Floods cut off villages"),
        ("Floods cut off villages | VALLEYHERALD.COM", None, "https://valleyherald.com/a", "Floods cut off villages"),
        ("Floods cut off villages - what we know", "Valley Herald", None, "Floods cut off villages - what we know"),
        ("Valley Herald", "Valley Herald", None, "Valley Herald"),
        (None, "Valley Herald", None, None),
    ],
)
def test_strip_site_name(title: str | None, site: str | None, url: str | None, expected: str | None) -> None:
    assert strip_site_name(title, site, url) == expected


ARTICLE_PARAS = (
    "<p>Die Polizei hat am Dienstagabend in der Altstadt eine Demonstration mit rund zweitausend Teilnehmern "
    "aufgelöst, nachdem Flaschen und Steine auf die Beamten geworfen worden waren.</p>"
    "<p>Nach Angaben eines Sprechers wurden zwölf Menschen festgenommen und vier Beamte leicht verletzt; die "
    "Veranstalter sprachen dagegen von einem unverhältnismäßigen Einsatz der Polizei.</p>"
    "<p>Der Innenausschuss des Landtags will sich in der kommenden Woche mit dem Einsatz befassen, wie eine "
    "Sprecherin des Parlaments am Mittwoch mitteilte.</p>"
)


def german_page(comment_markup: str, *, article_class: str = "artikel", head: str = "") -> str:
    return (
        f"<html lang='de'><head><title>Demonstration aufgelöst</title>{head}</head><body>"
        f"<article class='{article_class}'><h1>Polizei löst Demonstration in der Altstadt auf</h1>"
        f"{ARTICLE_PARAS}</article>{comment_markup}</body></html>"
    )


READER_POSTS = (
    "<p>Also ich war dabei und das war total friedlich, die Polizei hat einfach angefangen.</p>",
    "<p>Wer Steine wirft, muss mit den Folgen leben, so einfach ist das doch.</p>",
)


def page_with_thread(thread: str) -> str:
    """Article and reader comments inside one content column (trafilatura alone keeps such comments)."""
    return (
        "<html lang='de'><head><title>Demonstration aufgelöst</title></head><body><div id='content'>"
        f"<h1>Polizei löst Demonstration in der Altstadt auf</h1><div class='news_text'>{ARTICLE_PARAS}</div>"
        f"{thread}</div></body></html>"
    )


@pytest.mark.parametrize(
    "thread",
    [
        "<div class='kommentare'>"
        + "".join(f"<div class='kommentar-item'><div class='kommentar-text'>{p}</div></div>" for p in READER_POSTS)
        + "</div>",
        "<div class='Leserbriefe'>"
        + "".join(f"<div class='LeserbriefText'>{p}</div>" for p in READER_POSTS)
        + "</div>",
        "".join(f"<div class='MsgComment'>{p}</div>" for p in READER_POSTS),
        "<section id='replies'>" + "".join(f"<div class='post'>{p}</div>" for p in READER_POSTS) + "</section>",
        "<div id='disqus_thread'>" + "".join(READER_POSTS) + "</div>",
    ],
)
def test_comment_containers_are_removed_before_extraction(thread: str) -> None:
    text = extract_html(page_with_thread(thread)).text
    assert "zwölf Menschen festgenommen" in text
    assert "Innenausschuss des Landtags" in text
    assert "total friedlich" not in text
    assert "Folgen leben" not in text


@pytest.mark.parametrize("article_class", ["post has-comments", "entry comments-open", "article comment-count-3"])
def test_article_wrapper_named_after_comments_is_kept(article_class: str) -> None:
    text = extract_html(german_page("", article_class=article_class)).text
    assert "zwölf Menschen festgenommen" in text


def test_forum_thread_keeps_the_opening_post() -> None:
    opening = (
        "<p>Seit dem letzten Update verbindet sich mein Laptop nicht mehr mit dem WLAN im Büro, obwohl alle "
        "anderen Geräte problemlos funktionieren. Ich habe den Router neu gestartet, den Treiber neu installiert "
        "und die gespeicherten Netzwerke gelöscht, aber nichts davon hat geholfen. Hat jemand eine Idee, woran es "
        "liegen könnte oder was ich noch ausprobieren sollte, bevor ich das Gerät einschicke?</p>"
    )
    replies = [
        "<p>Bei mir war es der Energiesparmodus der Netzwerkkarte, schau mal in den Einstellungen nach.</p>",
        "<p>Hatte ich auch, nach dem nächsten Update war es wieder weg.</p>",
    ]
    posts = "".join(
        f"<div class='MsgComment' id='msg-{i}'><div class='MsgCommentText'>{p}</div></div>"
        for i, p in enumerate([opening, *replies])
    )
    html = f"<html><head><title>WLAN geht nicht mehr</title></head><body><main><h1>WLAN geht nicht mehr</h1>{posts}</main></body></html>"
    text = extract_html(html).text
    assert "Treiber neu installiert" in text
    assert "Energiesparmodus" not in text


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        # one visible <time> date on the page wins over a different metadata stamp
        (
            "<meta property='article:published_time' content='2021-03-01T08:00:00+01:00'>",
            "<p class='meta'><time datetime='2021-03-04'>4. März 2021</time></p>",
            dt.date(2021, 3, 4),
        ),
        # a date-only field stored as local midnight in UTC: 23:00 Z the day before
        (
            "<meta property='article:published_time' content='2022-11-06T23:00:00.000Z'>",
            "",
            dt.date(2022, 11, 7),
        ),
        # an ordinary UTC time stays on its day
        (
            "<meta property='article:published_time' content='2022-11-06T23:17:41Z'>",
            "",
            dt.date(2022, 11, 6),
        ),
    ],
)
def test_publication_date_refinements(head: str, body_extra: str, expected: dt.date) -> None:
    html = german_page("", head=head).replace("<h1>", body_extra + "<h1>", 1)
    assert extract_html(html).date == expected


def test_time_elements_inside_comments_do_not_count() -> None:
    comments = (
        "<div class='comment-list'>"
        + "".join(
            f"<div class='comment'><time datetime='2021-03-0{i + 5}'>{i + 5}. März</time>{p}</div>"
            for i, p in enumerate(READER_POSTS)
        )
        + "</div>"
    )
    head = "<meta property='article:published_time' content='2021-03-04T09:30:00+01:00'>"
    assert extract_html(german_page(comments, head=head)).date == dt.date(2021, 3, 4)


_BYLINE = "<p class='autor'>1. Februar 2022, von Anna Weber</p>"
_LATER = "<p>Die nächste Versammlung ist für den 15. März 2022 angekündigt, teilte die Stadt mit.</p>"
#: teasers of other articles, dated, before the article (htmldate alone takes their date)
_TEASERS = (
    "<aside><ul>"
    + "".join(
        f"<li><span class='date'>{d}.01.2022</span> <a href='/meldung-{d}'>Weitere Meldung vom {d}. Januar</a></li>"
        for d in (21, 20, 19)
    )
    + "</ul></aside>"
)


@pytest.mark.parametrize(
    ("head", "under_headline", "expected"),
    [
        # no machine-readable date: the dateline under the headline, not a later date in the text
        ("", _BYLINE, dt.date(2022, 2, 1)),
        # numeric datelines read day-first
        ("", "<div class='meta'>Politik | 17/02/2022</div>", dt.date(2022, 2, 17)),
        # a published stamp is machine-readable: the dateline rule stays out of the way
        ("<meta property='article:published_time' content='2022-01-28T10:00:00+01:00'>", _BYLINE, dt.date(2022, 1, 28)),
    ],
)
def test_dateline_under_the_headline(head: str, under_headline: str, expected: dt.date) -> None:
    html = german_page("", head=head).replace("</h1>", "</h1>" + under_headline + _LATER, 1)
    assert extract_html(html.replace("<body>", "<body>" + _TEASERS, 1)).date == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<h1>Titel</h1><p>Berlin, 3. Mai 2021 – Die Stadt hat entschieden.</p>", dt.date(2021, 5, 3)),
        (
            "<div><h1>Titel</h1></div><div><span>Von Max Muster</span> <span>04.05.2021</span></div>",
            dt.date(2021, 5, 4),
        ),
        # too far below the headline to be its dateline
        ("<h1>Titel</h1><p>" + "Ein langer Satz ohne Datum. " * 6 + "Am 3. Mai 2021 ging es los.</p>", None),
        ("<h1>Titel</h1><script>var d = '03.05.2021';</script><p>Kein Datum hier.</p>", None),
        ("<p>3. Mai 2021</p><p>Kein Titel auf der Seite.</p>", None),
    ],
)
def test_headline_dateline(markup: str, expected: dt.date | None) -> None:
    from trafilatura.utils import load_html

    assert headline_dateline(load_html(f"<html><body>{markup}</body></html>")) == expected


def test_page_metadata_reads_the_parsed_page(page: str) -> None:
    from trafilatura.utils import load_html

    meta = page_metadata(load_html(page), "https://evening-courier.example/world/ceasefire")
    assert meta.sitename == "The Evening Courier"
    assert meta.author == "Lena Ortiz"
    assert meta.title.startswith("Ceasefire collapses in river port city")
    assert meta.date is not None and meta.date.startswith("2021-03-0")


def _long_paras(n: int) -> str:
    return "".join(
        f"<p>Paragraph {i}: the regional council met on Tuesday to discuss the flooding of the lower valley, where "
        "emergency crews evacuated several hundred residents and opened three temporary shelters.</p>"
        for i in range(n)
    )


#: page furniture the fast cascade drops: a long site menu
_MENU = (
    "<nav><ul>"
    + "".join(f"<li><a href='/ressort/{i}'>Ressort Nummer {i} mit Unterseiten</a></li>" for i in range(60))
    + "</ul></nav>"
)


@pytest.mark.parametrize(
    ("paras", "furniture", "fallback_expected"),
    [
        (1, _MENU, True),  # a short text on a page showing far more: worth the fallback extractors
        (2, _MENU, True),
        (1, "", False),  # a short text that is all the page shows: nothing more to find
        (20, _MENU, False),  # a long text: the fast cascade is trusted
        (40, "", False),
    ],
)
def test_fallback_extractors_only_for_short_results(
    monkeypatch: pytest.MonkeyPatch, paras: int, furniture: str, fallback_expected: bool
) -> None:
    calls: list[bool] = []
    real = cascade_mod.run

    def spy(st, tree, url, fast, memo):  # type: ignore[no-untyped-def]
        calls.append(fast)
        return real(st, tree, url, fast, memo)

    monkeypatch.setattr(cascade_mod, "run", spy)
    body = _long_paras(paras)
    text = extract_html(
        f"<html><head><title>Valley flooding</title></head><body>{furniture}<article>{body}</article></body></html>"
    ).text
    assert "temporary shelters" in text
    assert calls[0] is True
    assert (False in calls) is fallback_expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Zwölf Zeichen</p>", 13),
        ("<p>Eins</p><script>var x = 'unsichtbar';</script><style>p {}</style><p>Zwei</p>", 8),
        ("<div>  viel   Raum  </div>", 11),
    ],
)
def test_visible_chars(markup: str, expected: int) -> None:
    from trafilatura.utils import load_html

    assert (
        html_mod.visible_chars(load_html(f"<html><head><title>T</title></head><body>{markup}</body></html>"))
        == expected
    )


def test_html_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import lxml.html
    import trafilatura.utils

    parses: list[object] = []

    def counting(real):  # type: ignore[no-untyped-def]
        def parse(*args, **kwargs):  # type: ignore[no-untyped-def]
            parses.append(args[0])
            return real(*args, **kwargs)

        return parse

    monkeypatch.setattr(trafilatura.utils, "fromstring", counting(trafilatura.utils.fromstring))
    monkeypatch.setattr(lxml.html, "fromstring", counting(lxml.html.fromstring))
    body = _long_paras(30)
    extract_html(
        f"<html lang='en'><head><title>Valley flooding</title></head><body><article>{body}</article></body></html>"
    )
    assert len(parses) == 1


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Ein Absatz.</p></body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Mit Kodierungsangabe.</p></body></html>",
        "<html/>\n<body><p>Selbstschließendes html.</p></body>",
        "<p>Nur ein Fragment</p>",
        "kein HTML, nur ein Satz",
        "<html><body><form><input name='q'><label>Suche</label></form><p>Text</p></body></html>",
        # a decoded page whose markup still declares its old encoding: parsed as the text it is
        "<html><head><meta charset='iso-8859-1'><title>Grüße</title></head><body><p>Straße – „Zitat“</p></body></html>",
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head>"
        "<body><p>Übergänge</p></body></html>",
    ],
)
def test_parse_html_matches_trafilatura(html: str) -> None:
    from lxml import etree
    from trafilatura.utils import load_html

    ours, theirs = html_mod.parse_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert all(type(el).__name__ == "HtmlElement" for el in ours.iter() if isinstance(el.tag, str))


# --- the cascade run stage by stage must give what trafilatura's bare_extraction gives ---

_NAV = "<nav><ul>" + "".join(f"<li><a href='/rubrik/{i}'>Rubrik {i}</a></li>" for i in range(12)) + "</ul></nav>"
_SHARE = "<div class='elementor-share-buttons'><a href='/teilen'>Teilen auf allen Kanälen</a></div>"
_SCROLL = "<div class='infinite-scroll'><h2>Nächster Artikel</h2><p>Ein ganz anderer Artikel über Verkehr.</p></div>"
_COMMENT_LIST = "<ul class='comment-list'>" + "".join(f"<li>{p}</li>" for p in READER_POSTS) + "</ul>"
_DISQUS = "<div id='disqus_thread'><p>Noch ein Kommentar im eingebetteten Forum.</p></div>"
_CASCADE_PAGES = [
    german_page(""),
    german_page(_SHARE + _SCROLL),
    german_page(_COMMENT_LIST + _DISQUS),
    german_page("", article_class="post-content").replace("<body>", "<body>" + _NAV, 1),
    # short article on a busy page: escalation and the fallback extractors
    "<html><body>"
    + _NAV * 4
    + "<div class='teaser'><p>Kurzmeldung: Die Brücke ist wieder offen.</p></div>"
    + "<footer><p>Impressum und Kontakt</p></footer></body></html>",
    # the comments' container holds the page's <h1>: kept
    "<html><body><div id='comments-area'><h1>Titel</h1>" + ARTICLE_PARAS + "</div></body></html>",
]


@pytest.mark.parametrize("page", _CASCADE_PAGES)
@pytest.mark.parametrize("fast", [True, False])
def test_cascade_matches_bare_extraction(page: str, fast: bool) -> None:
    tree = html_mod.parse_html(page)
    st = cascade_mod.stages()
    assert st is not None
    pruned = copy.copy(tree)
    cascade_mod.raw_prune(st, pruned, comments=not st.forum(pruned))
    ours = st.xmltotxt(cascade_mod.run(st, pruned, None, fast, {}), False) or None
    assert ours == cascade_mod.bare_text(tree, None, fast=fast)


@pytest.mark.parametrize("page", _CASCADE_PAGES)
@pytest.mark.parametrize("comments", [True, False])
def test_raw_prune_mirrors_trafilatura_xpaths(page: str, comments: bool) -> None:
    from lxml import etree

    st = cascade_mod.stages()
    assert st is not None
    theirs, ours = html_mod.parse_html(page), html_mod.parse_html(page)
    st.prune(theirs, st.raw_prune)
    if comments:
        st.prune(theirs, st.comments_prune)
    cascade_mod.raw_prune(st, ours, comments=comments)
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_raw_prune_falls_back_to_xpaths_when_trafilatura_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree

    st = cascade_mod.stages()
    assert st is not None
    monkeypatch.setattr(cascade_mod, "RAW_PRUNE_DIGEST", "0" * 16)
    pruned: list[object] = []
    real = st.prune
    monkeypatch.setattr(st, "prune", lambda tree, xpaths: pruned.append(xpaths) or real(tree, xpaths))
    tree = html_mod.parse_html(german_page(_COMMENT_LIST))
    cascade_mod.raw_prune(st, tree, comments=True)
    assert pruned == [st.raw_prune, st.comments_prune]
    assert b"comment-list" not in etree.tostring(tree)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Ein Satz.</p><p>Noch ein <b>fetter</b> Satz.</p>",
        "<div>Text<script>var x = 1;</script> weiter</div><aside>Seitenleiste</aside><p>Ende</p>",
        "<div class='cookie-banner'>Wir nutzen Cookies</div><div id='footer-links'>Impressum</div><p>Inhalt</p>",
        "<template><p>unsichtbar</p></template><svg><text>Grafik</text></svg><p>sichtbar</p>",
    ],
)
def test_page_chars_close_to_html2txt(markup: str) -> None:
    from trafilatura.baseline import html2txt

    st = cascade_mod.stages()
    assert st is not None
    tree = html_mod.parse_html(f"<html><head><title>T</title></head><body>{markup}</body></html>")
    exact = len(html2txt(tree))
    assert exact <= cascade_mod.page_chars(tree, st.basic_clean) <= exact + 3  # inline markup may add a space


def test_trafilatura_without_the_stages_uses_bare_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cascade_mod, "stages", lambda: None)
    text = extract_html(german_page("<div class='comments'>" + "".join(READER_POSTS) + "</div>")).text
    assert "zwölf Menschen festgenommen" in text
    assert "total friedlich" not in text


# --- dates: htmldate only when the page does not show its date itself ---


def _no_htmldate(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    import htmldate

    calls: list[object] = []
    real = htmldate.find_date
    monkeypatch.setattr(htmldate, "find_date", lambda *a, **k: calls.append(a) or real(*a, **k))
    return calls


def test_htmldate_is_not_run_when_a_time_element_dates_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_htmldate(monkeypatch)
    html = german_page("").replace("<h1>", "<p><time datetime='2021-06-02'>2. Juni 2021</time></p><h1>", 1)
    assert extract_html(html).date == dt.date(2021, 6, 2)
    assert calls == []


def test_date_only_the_extensive_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """No metadata, no <time>, no dateline under the headline: htmldate's search of the page's text finds it."""
    calls = _no_htmldate(monkeypatch)
    footer = "<p>Alle Angaben ohne Gewähr. Stand der Informationen: 14.09.2020, Redaktion Lokales</p>"
    html = german_page(footer)
    assert extract_html(html).date == dt.date(2020, 9, 14)
    assert len(calls) == 2  # the quick search found nothing, the extensive one did


@pytest.mark.parametrize(
    ("found", "extensive", "reruns"),
    [
        ("2019-01-01", False, 1),  # a bare year from the markup: the search for the latest date runs
        ("2019-01-01", True, 0),  # a bare year from the free text: the page has no date markup to read again
        ("2019-03-05", False, 0),  # a full date: nothing to refine
    ],
)
def test_bare_year_search_for_the_latest_date(
    monkeypatch: pytest.MonkeyPatch, found: str, extensive: bool, reruns: int
) -> None:
    import htmldate

    calls = _no_htmldate(monkeypatch)
    monkeypatch.setattr(html_mod, "page_date_search", lambda tree, url: (found, extensive))
    monkeypatch.setattr(htmldate, "find_date", lambda *a, **k: calls.append(k) or "2019-06-13")
    date = extract_html(german_page("")).date
    assert len(calls) == reruns
    assert date == (dt.date(2019, 6, 13) if reruns else dt.date.fromisoformat(found))


def test_a_failing_htmldate_leaves_the_page_undated(monkeypatch: pytest.MonkeyPatch) -> None:
    import htmldate

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("odd markup")

    monkeypatch.setattr(htmldate, "find_date", broken)
    result = extract_html(german_page(""))
    assert result.date is None
    assert "zwölf Menschen festgenommen" in result.text


# --- decoding: a declared charset is read without the (slow) charset detection ---


@pytest.mark.parametrize(
    ("encoding", "word"),
    [("windows-1251", "Киев"), ("iso-8859-2", "Gdańsk"), ("shift_jis", "東京"), ("cp1252", "Zürich")],
)
def test_declared_charset_skips_detection(monkeypatch: pytest.MonkeyPatch, encoding: str, word: str) -> None:
    import charset_normalizer

    def no_detection(*args: object, **kwargs: object) -> None:
        raise AssertionError("charset detection should not run")

    monkeypatch.setattr(charset_normalizer, "from_bytes", no_detection)
    body = "".join(
        f"<p>Report {i}: officials in {word} said the new bridge over the river would open to traffic next spring, "
        "after two years of delays caused by flooding and a shortage of steel.</p>"
        for i in range(4)
    )
    html = (
        f"<html><head><meta charset='{encoding}'><title>T</title></head><body><article>{body}</article></body></html>"
    )
    assert word in extract_html(html.encode(encoding)).text


# --- speed-ups that must not change what trafilatura gives ---

_TEASER_BLOCK = "<div class='teaser'><p>Mehr zum Thema: Verkehr in der Innenstadt wird neu geregelt.</p></div>"
_STAGE_ONE_PAGES = [
    *_CASCADE_PAGES,
    # a short page: trafilatura recovers wild text (the part of stage 1 that the fast flag changes)
    "<html><body><div><p>Kurz: Die Brücke ist offen.</p></div>" + _TEASER_BLOCK + "</body></html>",
]


@pytest.mark.parametrize("page", _STAGE_ONE_PAGES)
@pytest.mark.parametrize("fast", [True, False])
def test_extract_content_mirrors_trafilatura(page: str, fast: bool) -> None:
    from lxml import etree

    st = cascade_mod.stages()
    assert st is not None
    options = st.Extractor(output_format="python", fast=fast, comments=False, tables=True)
    trees = [st.convert_tags(st.tree_cleaning(html_mod.parse_html(page), options), options, None) for _ in range(2)]
    body, text = st.extract_content(trees[0], options)
    ours, ours_text, recovered = cascade_mod.extract_content(st, trees[1], options)
    assert (etree.tostring(ours), ours_text) == (etree.tostring(body), text)
    assert recovered == (len(text) < options.min_extracted_size or recovered)  # short results are always recovered


def test_extract_content_falls_back_when_trafilatura_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    st = cascade_mod.stages()
    assert st is not None
    monkeypatch.setattr(cascade_mod, "EXTRACT_CONTENT_DIGEST", "0" * 16)
    options = st.Extractor(output_format="python", fast=True, comments=False, tables=True)
    tree = st.convert_tags(st.tree_cleaning(html_mod.parse_html(german_page("")), options), options, None)
    body, text, recovered = cascade_mod.extract_content(st, tree, options)
    assert "zwölf Menschen" in text and recovered  # trafilatura's own: stage 1 is never shared


@pytest.mark.parametrize("page", _STAGE_ONE_PAGES)
def test_full_cascade_after_the_fast_one_matches_bare_extraction(page: str) -> None:
    """The full cascade reuses the fast one's stage 1 (same memo) and still gives what bare_extraction gives."""
    tree = html_mod.parse_html(page)
    st = cascade_mod.stages()
    assert st is not None
    pruned = copy.copy(tree)
    cascade_mod.raw_prune(st, pruned, comments=not st.forum(pruned))
    memo: dict[str, object] = {}
    cascade_mod.run(st, pruned, None, True, memo)
    ours = st.xmltotxt(cascade_mod.run(st, pruned, None, False, memo), False) or None
    assert ours == cascade_mod.bare_text(tree, None, fast=False)


@pytest.mark.parametrize("page", [german_page(""), german_page(_SHARE + _SCROLL), german_page(_COMMENT_LIST)])
def test_extraction_leaves_the_parsed_page_untouched(page: str) -> None:
    from lxml import etree

    tree = html_mod.parse_html(page)
    before = etree.tostring(tree)
    assert html_mod._main_text(tree, None)
    assert etree.tostring(tree) == before


@pytest.mark.parametrize(
    ("markup", "fold", "expected"),
    [
        ("<div class='Comment-List'><p id='x'>a</p></div><p id='reply-1'>b</p>", True, ["div", "p"]),
        ("<div class='Comment-List'><p>a</p></div>", False, []),
        ("<div id='comments' class='comments'><span class='comments'>c</span></div>", True, ["div", "span"]),
        ("<section><p>nichts</p></section>", True, []),
    ],
)
def test_named_elements(markup: str, fold: bool, expected: list[str]) -> None:
    import re

    tree = html_mod.parse_html(f"<html><body>{markup}</body></html>")
    found = cascade_mod.named_elements(tree, re.compile("comment|reply"), fold=fold)
    assert [el.tag for el in found] == expected


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html>\n<html><body><p>Steuer\x0bzeichen\x1f und \ufffe weg</p></body></html>",
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd' />\n<html><body><p>Doctype</p></body></html>",
        "<!doctype html>\n<html/>\n<body><p>Beides</p></body>",
        "<html><body><p>Nichts zu reparieren.</p></body></html>",
        "<html><body><p>Tab\tund\nZeilen\r\nbleiben.</p></body></html>",
    ],
)
def test_repair_matches_trafilatura(html: str) -> None:
    from trafilatura.utils import repair_faulty_html

    beginning = html[:50].lower()
    assert html_mod._repair(html, beginning) == repair_faulty_html(html, beginning)


def test_parse_html_takes_strings_lxml_cannot_encode() -> None:
    """A lone surrogate cannot become UTF-8: the string is parsed as it is, as trafilatura does."""
    from lxml import etree
    from trafilatura.utils import load_html

    html = "<html><body><p>kaputt \ud800 aber lesbar</p></body></html>"
    ours = html_mod.parse_html(html)
    assert ours is not None
    assert etree.tostring(ours) == etree.tostring(load_html(html))


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("html", [german_page(""), "<html><body></body></html>"])
def test_garbage_collector_state_is_restored(enabled: bool, html: str) -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        try:
            extract_html(html)
        except InputError:
            pass
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize("page", _STAGE_ONE_PAGES)
@pytest.mark.parametrize("fast", [True, False])
def test_recall_retry_mirrors_trafilatura(page: str, fast: bool) -> None:
    from lxml import etree

    st = cascade_mod.stages()
    assert st is not None
    tree = html_mod.parse_html(page)
    r_options = st.Extractor(output_format="python", fast=fast, comments=False, tables=True)
    r_options.focus = "recall"
    body, text = st.recall(tree, r_options, None)
    memo: dict[str, object] = {}
    ours, ours_text = cascade_mod.recall(st, tree, r_options, None, memo)
    assert (etree.tostring(ours), ours_text) == (etree.tostring(body), text)
    # a second retry (the full cascade's) reuses stage 1 and still gives trafilatura's result
    full = st.Extractor(output_format="python", fast=False, comments=False, tables=True)
    full.focus = "recall"
    again, again_text = cascade_mod.recall(st, tree, full, None, memo)
    assert (etree.tostring(again), again_text) == tuple(
        (etree.tostring(b), t) for b, t in [st.recall(tree, full, None)]
    )[0]


def test_recall_retry_falls_back_when_trafilatura_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    st = cascade_mod.stages()
    assert st is not None
    monkeypatch.setattr(cascade_mod, "RECALL_DIGEST", "0" * 16)
    calls: list[object] = []
    monkeypatch.setattr(st, "recall", lambda *a: calls.append(a) or ("body", "text"))
    r_options = st.Extractor(output_format="python", fast=True, comments=False, tables=True)
    memo: dict[str, object] = {}
    assert cascade_mod.recall(st, html_mod.parse_html(german_page("")), r_options, None, memo) == ("body", "text")
    assert len(calls) == 1 and memo == {}


# --- trafilatura's re:test XPaths evaluated in Python (pyxpath) ---

_XPATH_MARKUP = """<html><body>
<div id="main" class="cookie-bar">a</div><div class="share-row" id="x-cookie">b</div>
<section class="Article__Content" id="storyBody"><p class="text">c</p><p class="text">d</p></section>
<div data-lp-replacement-content="1"><span role="Navigation">e</span><span role="menu">f</span></div>
<div class="post">g<div class="entry">h</div><div class="post">i</div></div>
<article class="main-Content"><p style="display: none" id="reply-3">j</p><p aria-hidden="true">k</p></article>
<div style="color: hidden" id="shown">l</div><div id="hidden-x" style="">m</div>
<list class=" hidden"><item class="comments-title">n</item></list><main class="PAGE-CONTENT">o</main>
<div class="fullText">p</div><div class="">q</div><div id="">r</div></body></html>"""


def _trafilatura_regex_xpaths() -> list[object]:
    from lxml.etree import XPath
    from trafilatura import xpaths

    found = []
    for value in vars(xpaths).values():
        if isinstance(value, list):
            found += [x for x in value if isinstance(x, XPath) and "re:test" in x.path]
    return found


@pytest.mark.parametrize("index", range(len(_trafilatura_regex_xpaths())))
@pytest.mark.parametrize("markup", [_XPATH_MARKUP, german_page(_SHARE + _SCROLL + _COMMENT_LIST)])
def test_compiled_xpath_finds_what_lxml_finds(index: int, markup: str) -> None:
    from eventscope.intake.pyxpath import compile_xpath

    expr = _trafilatura_regex_xpaths()[index]
    tree = html_mod.parse_html(markup)
    assert tree is not None
    compiled = compile_xpath(expr)
    for context in (tree, tree.find("body")):
        assert compiled(context) == expr(context)  # type: ignore[operator]


_SYNTHETIC = [
    ".//*[re:test(@id|@class, '^a')]",  # the first of the two in source order
    ".//*[re:test(@class, 'x', 'i')]",
    ".//*[self::div or self::p][@class='x' or re:test(@id, 'c')][1]",  # the first matching child of each parent
    "(.//*[self::div][starts-with(@id|@class, 'b') or re:test(@lang, 'z')])[1]",
    ".//*[contains(translate(@class, 'XA', 'x'), 'xb') or contains(@style, 'none')][re:test(@id, '')]",
    ".//*[@aria-hidden='true' or re:test(@title, '^$')]",  # a missing attribute is the empty string
]
_SYNTHETIC_MARKUP = """<html><body><div class="a1" id="b2">1</div><div id="a3" class="b4">2</div>
<p class="X">3<span class="xb">4</span><span title="">5</span></p><div class="AXB" style="none">6</div>
<div id="q">7<p id="c" class="x">8</p><p class="x">9</p><div aria-hidden="true">10</div></div></body></html>"""


@pytest.mark.parametrize("path", _SYNTHETIC)
def test_compiled_xpath_semantics(path: str) -> None:
    from lxml.etree import XPath

    from eventscope.intake.pyxpath import Selector, compile_xpath

    expr = XPath(path, namespaces={"re": "http://exslt.org/regular-expressions"})
    compiled = compile_xpath(expr)
    assert isinstance(compiled, Selector)
    tree = html_mod.parse_html(_SYNTHETIC_MARKUP)
    assert [e.text for e in compiled(tree)] == [e.text for e in expr(tree)]


@pytest.mark.parametrize(
    "path",
    [
        ".//*[re:test(@class, 'a')][not(.//h1)]",  # a function outside the subset
        "(.//*[re:test(@class, 'a')])[2]",
        "//*[re:test(@class, 'a')]",  # absolute
        ".//p[re:test(@class, 'a')]",
        ".//*[re:test(@class, 'a', 'x')]",  # unknown flag
        ".//*[@class='a']",  # no re:test: lxml's is fast
    ],
)
def test_other_xpaths_stay_lxml(path: str) -> None:
    from lxml.etree import XPath

    from eventscope.intake.pyxpath import compile_xpath

    expr = XPath(path, namespaces={"re": "http://exslt.org/regular-expressions"})
    assert compile_xpath(expr) is expr


def test_trafilatura_itself_keeps_its_xpaths() -> None:
    from lxml.etree import XPath
    from trafilatura import main_extractor

    st = cascade_mod.stages()
    assert st is not None
    assert all(isinstance(x, XPath) for x in main_extractor.BODY_XPATH + main_extractor.OVERALL_DISCARD_XPATH)
    assert st.main.extract_content is not main_extractor.extract_content
    assert not any(isinstance(x, XPath) and "re:test" in x.path for x in st.main.OVERALL_DISCARD_XPATH)


@pytest.mark.parametrize(
    "text",
    ['{"headline": "Caf\\u00e9 \\ud83d\\ude00 \\n"}', "<b>Bold</b> &amp; plain", "lone \ud800 surrogate \\t", ""],
)
def test_normalize_json_mirrors_trafilatura(text: str) -> None:
    from trafilatura.json_metadata import normalize_json

    from eventscope.intake import jsonld as md

    assert md._normalize_json(text) == normalize_json(text)


def test_json_ld_reader_falls_back_when_trafilatura_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    from trafilatura import metadata as tm

    from eventscope.intake import jsonld as md

    assert md.meta_json() is not tm.extract_meta_json
    md.meta_json.cache_clear()
    monkeypatch.setattr(md, "NORMALIZE_JSON_DIGEST", "0" * 16)
    try:
        assert md.meta_json() is tm.extract_meta_json
    finally:
        md.meta_json.cache_clear()


@pytest.mark.parametrize(
    "text",
    ['{ "a" :  "x  y\\" z" ,\n\t"b": [1, 2 ] }', '  "unterminated  x  ', "a\u00a0 b\u2003\u2003c", ""],
)
def test_json_minify_by_runs_gives_trafilatura_text(text: str) -> None:
    import re

    from trafilatura import metadata as tm

    from eventscope.intake import jsonld as md

    assert re.compile(md._JSON_MINIFY[1]).sub(r"\1", text) == tm.JSON_MINIFY.sub(r"\1", text)
