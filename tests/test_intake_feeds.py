"""RSS/Atom feeds: one document per item, teasers followed to their page, unsafe XML refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventscope.errors import Codes, InputError, Skip
from eventscope.intake import read_inputs
from eventscope.intake.feeds import (
    check_feed_safety,
    entry_or_skip,
    html_to_text,
    looks_like_feed,
    parse_feed,
    read_feed,
    url_documents,
)
from eventscope.intake.fetch import FetchCodes
from eventscope.model import Document

from .test_intake_fetch import LocalServer, Route

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"


def docs(items: list[Document | Skip]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_rss_items_become_documents() -> None:
    items = list(read_feed((FIXTURES / "wire.rss").read_bytes(), source="wire.rss"))
    assert [type(i) for i in items] == [Document, Document]
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == "Police disperse traders protesting market fees in Kisumu"
    assert first.url == first.locator == "https://lakeside-wire.example/2021/04/kisumu-traders"
    assert first.source == "Lakeside Wire" and first.language == "en"
    assert first.published is not None and (first.published.date, first.published.basis) == (dt.date(2021, 4, 6), "given")
    # the full content (content:encoded), not the one-line description, converted from HTML, in body zones
    assert "<p>" not in first.text and "arrested three people" in first.body_text()
    assert "return to the streets on Thursday" in first.body_text()
    assert second.extraction.startswith("feed:") and "eleven fishermen" in second.text


def test_atom_entries_become_documents() -> None:
    feed = parse_feed((FIXTURES / "bulletin.atom").read_bytes(), source="bulletin.atom")
    assert feed.title == "Highland Bulletin" and feed.version.startswith("atom")
    first, second = feed.entries
    assert first.title == "Soldiers and rebels clash near Bunia"  # type="html" title: tags dropped
    assert first.published == dt.date(2021, 3, 1)  # published beats updated
    assert second.published == dt.date(2021, 2, 27)  # only updated
    assert not first.summary_only and first.is_html and not second.is_html
    doc = entry_or_skip(first, feed, source="bulletin.atom")
    assert isinstance(doc, Document) and "killing four of them" in doc.body_text()
    assert doc.text.count("\n") >= 1  # paragraphs kept apart


def test_local_feed_files_are_read_as_feeds(tmp_path: Path) -> None:
    (tmp_path / "copy.xml").write_bytes((FIXTURES / "bulletin.atom").read_bytes())
    (tmp_path / "note.xml").write_text("<config><x>1</x></config>", encoding="utf-8")
    paths = [str(FIXTURES / "wire.rss"), str(FIXTURES / "bulletin.atom"), str(tmp_path / "copy.xml"),
             str(FIXTURES / "entity-bomb.rss")]
    items = list(read_inputs(paths, published=dt.date(2021, 5, 1)))
    documents = docs(items)
    assert len(documents) == 6
    assert all(d.published is not None and d.published.basis == "override" for d in documents)
    assert {d.path for d in documents} == set(paths[:3])
    skips = [i for i in items if isinstance(i, Skip)]
    assert [(s.source, s.code) for s in skips] == [(paths[3], FetchCodes.FEED)]
    # an .xml file that is not a feed is read as before (a text document)
    other = list(read_inputs([str(tmp_path / "note.xml")]))
    assert len(other) == 1 and isinstance(other[0], Document)


@pytest.mark.parametrize(
    ("name", "words"),
    [("entity-bomb.rss", "entity declarations"), ("external-entity.rss", "entity declarations")],
)
def test_unsafe_feeds_are_refused_before_parsing(name: str, words: str) -> None:
    data = (FIXTURES / name).read_bytes()
    with pytest.raises(InputError) as info:
        check_feed_safety(data, name)
    assert info.value.skip.code == FetchCodes.FEED and words in info.value.skip.message
    assert [s.code for s in read_feed(data, source=name)] == [FetchCodes.FEED]


def test_entity_bomb_in_utf16_is_refused() -> None:
    data = (FIXTURES / "entity-bomb.rss").read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    with pytest.raises(InputError):
        check_feed_safety(data.encode("utf-16"), "bomb16.rss")


def test_a_doctype_without_entities_is_read() -> None:
    items = list(read_feed((FIXTURES / "legacy-doctype.rss").read_bytes(), source="legacy.rss"))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert "Prévost island" in items[0].text and items[0].source == "Old Town Gazette"


@pytest.mark.parametrize(
    ("data", "is_feed"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', True),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', True),
        (b"<html><body><p>feedback welcome</p></body></html>", False),
        (b"<config/>", False),
    ],
)
def test_looks_like_feed(data: bytes, is_feed: bool) -> None:
    assert looks_like_feed(data) is is_feed


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"<html><body>Not a feed</body></html>", FetchCodes.FEED), (b"", FetchCodes.FEED)],
)
def test_not_a_feed_is_one_skip(data: bytes, code: str) -> None:
    assert [(s.code, s.source) for s in read_feed(data, source="x.rss")] == [(code, "x.rss")]


def test_empty_item_is_a_skip_and_the_others_come_out() -> None:
    rss = (b'<rss version="2.0"><channel><title>T</title>'
           b"<item><title>Empty</title><guid>e1</guid><description></description></item>"
           b"<item><title>Full</title><guid>e2</guid><description>Rebels seized the town of Abyei on Sunday, "
           b"residents said.</description></item></channel></rss>")
    items = list(read_feed(rss, source="t.rss"))
    assert isinstance(items[0], Skip) and items[0].code == Codes.EMPTY and "e1" in items[0].source
    assert isinstance(items[1], Document) and "Abyei" in items[1].text


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
        ("Plain <b>bold</b> text", "Plain bold text"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("<p>Keep</p><script>alert(1)</script><p>this</p>", "Keep\n\nthis"),
        ("", ""),
        ("<div>" * 5000 + "deep &amp; dark<script>x()</script>" + "</div>" * 5000, "deep & dark"),
    ],
)
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


@pytest.fixture()
def served() -> Iterator[LocalServer]:
    with LocalServer() as s:
        s.add("/feed.rss", Route((FIXTURES / "served.rss").read_bytes(),
                                 headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
        s.add("/atom", Route((FIXTURES / "bulletin.atom").read_bytes(),
                             headers={"Content-Type": "application/atom+xml"}))
        s.add("/articles/market-fire.html", Route((FIXTURES / "market-fire.html").read_bytes()))
        s.add("/files/report.pdf", Route(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}))
        s.add("/loop/a", Route(status=302, headers={"Location": "/loop/b"}))
        s.add("/loop/b", Route(status=302, headers={"Location": "/loop/a"}))
        yield s


def test_feed_url_teasers_are_followed_and_bad_items_skipped(served: LocalServer, client: httpx.Client) -> None:
    items = list(url_documents(served.url("/feed.rss"), client=client))
    assert len(items) == 5
    flood, fire, removed, report, loop = items
    assert isinstance(flood, Document) and "two thousand residents" in flood.text  # long description: not followed
    assert isinstance(fire, Document)
    assert "more than forty stalls" in fire.body_text()  # the page's main text, fetched
    assert "newsletter" not in fire.text
    assert fire.url == served.url("/articles/market-fire.html") and fire.source == "Delta Courier"
    assert fire.title == "Fire destroys stalls at central market"
    assert fire.published is not None and fire.published.date == dt.date(2021, 3, 11)
    assert fire.extraction.startswith("feed+")
    codes = [(s.code, s.source) for s in (removed, report, loop) if isinstance(s, Skip)]
    assert codes == [
        (FetchCodes.HTTP_STATUS, served.url("/articles/removed.html")),
        (FetchCodes.CONTENT_TYPE, served.url("/files/report.pdf")),
        (FetchCodes.REDIRECT, served.url("/loop/a")),
    ]
    fetched = [path for path, _ in served.requests]
    assert "/articles/flood.html" not in fetched


def test_atom_url(served: LocalServer, client: httpx.Client) -> None:
    items = list(url_documents(served.url("/atom"), client=client))
    assert [type(i) for i in items] == [Document, Document]


def test_xml_that_is_not_a_feed_is_a_skip(served: LocalServer, client: httpx.Client) -> None:
    url = served.add("/data.xml", Route(b"<config><x>1</x></config>", headers={"Content-Type": "application/xml"}))
    items = list(url_documents(url, client=client))
    assert len(items) == 1 and isinstance(items[0], Skip) and items[0].code == FetchCodes.FEED


def test_relative_item_links_resolve_against_the_feed_url(served: LocalServer, client: httpx.Client) -> None:
    rss = (b'<rss version="2.0"><channel><title>Relative</title><item><title>Fire</title>'
           b"<link>../articles/market-fire.html</link><description>A fire at the market ...</description></item>"
           b"</channel></rss>")
    url = served.add("/feeds/relative.rss", Route(rss, headers={"Content-Type": "application/rss+xml"}))
    items = list(url_documents(url, client=client))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].url == served.url("/articles/market-fire.html") and "forty stalls" in items[0].text


def test_deeply_nested_item_html_does_not_break_the_feed() -> None:
    deep = "&lt;div&gt;" * 10_000 + "Troops shelled the village of Kfar Nabl on Friday." + "&lt;/div&gt;" * 10_000
    rss = (f'<rss version="2.0"><channel><title>Deep</title><item><guid>d1</guid><description>{deep}'
           "</description></item><item><guid>d2</guid><description>Police detained two reporters in Minsk on "
           "Saturday, their editor said.</description></item></channel></rss>").encode()
    items = list(read_feed(rss, source="deep.rss"))
    assert len(items) == 2
    assert isinstance(items[1], Document) and "Minsk" in items[1].text
    assert isinstance(items[0], Document) and "Kfar Nabl" in items[0].text  # the parser gives up; tags stripped
