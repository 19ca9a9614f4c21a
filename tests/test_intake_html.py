"""HTML extraction: main text without navigation or reader comments, page metadata, decoding, failures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventscope.errors import Codes, InputError
from eventscope.intake.html import extract_html, strip_site_name

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
