"""Publication date, outlet and title read from the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.intake.metadata import find_outlet, find_published, find_title
from eventscope.intake.zones import mark_zones

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
BODY = "\n\nThe army said it had repelled an attack on the base, and that two soldiers were wounded.\n"


@pytest.mark.parametrize(
    ("head", "expected", "span_text"),
    [
        ("Monday, 28 December 2020 3:45 PM", dt.date(2020, 12, 28), "Monday, 28 December 2020 3:45 PM"),
        ("Sept. 17, 2020", dt.date(2020, 9, 17), "Sept. 17, 2020"),
        ("December 28, 2020", dt.date(2020, 12, 28), "December 28, 2020"),
        ("17/09/2020 14:05", dt.date(2020, 9, 17), "17/09/2020 14:05"),
        ("05/04/2021", dt.date(2021, 4, 5), "05/04/2021"),  # day-first
        ("04/25/2021", dt.date(2021, 4, 25), "04/25/2021"),  # day-first impossible
        ("2020-12-28T15:45:00Z", dt.date(2020, 12, 28), "2020-12-28T15:45:00Z"),
        ("Published: 3 March 2021", dt.date(2021, 3, 3), "3 March 2021"),
        ("Updated 5 March 2021\nPublished 3 March 2021", dt.date(2021, 3, 3), "3 March 2021"),
        ("Updated: 5 March 2021 10:00\n\nPosted on 1 March 2021", dt.date(2021, 3, 1), "1 March 2021"),
        ("By Jane Roe | Harbour Dispatch | Jan. 9, 2022", dt.date(2022, 1, 9), "Jan. 9, 2022"),
        ("Wed 12th of May 2021", dt.date(2021, 5, 12), "Wed 12th of May 2021"),
    ],
)
def test_find_published(head: str, expected: dt.date, span_text: str) -> None:
    text = "Troops clash near the border crossing\n\n" + head + BODY
    pub, _note = find_published(text, mark_zones(text))
    assert pub is not None
    assert pub.date == expected
    assert pub.basis == "text" and pub.precision == "day"
    assert pub.span is not None and pub.span.text == span_text
    assert text[pub.span.start : pub.span.end] == span_text


@pytest.mark.parametrize(
    ("head", "note_part"),
    [("05/04/2021", "ambiguous"), ("04/25/2021", "month-first"), ("25/04/2021", None)],
)
def test_numeric_date_notes(head: str, note_part: str | None) -> None:
    text = head + BODY
    _pub, note = find_published(text, mark_zones(text))
    assert (note is None) if note_part is None else (note_part in (note or ""))


@pytest.mark.parametrize(
    "text",
    [
        "In October 2019, Turkey launched an offensive that displaced tens of thousands of people, officials said.\n",
        "Police said the attack on 3 May 2021 was carried out by two gunmen on a motorcycle, witnesses told reporters.\n",
        "Border guards clash\n\nOn 12/03/2021 the guards opened fire on smugglers, the ministry said in a statement.\n",
        "",
    ],
)
def test_no_date_from_body(text: str) -> None:
    assert find_published(text, mark_zones(text)) == (None, "no publication date in the text")


def test_find_published_computes_zones_when_not_given() -> None:
    pub, _ = find_published("Sept. 17, 2020" + BODY)
    assert pub is not None and pub.date == dt.date(2020, 9, 17)


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        ("Anything" + BODY, "https://www.example-news.com/world/2021/story", "example-news.com"),
        (
            "Troops clash near the border crossing" + BODY + "\nJoin the HarbourDispatch.org mailing list\n",
            None,
            "HarbourDispatch.org",
        ),
        ("Valley Herald\n\nTroops clash near the border crossing\n\nValley Herald" + BODY, None, "Valley Herald"),
        ("Troops clash near the border crossing" + BODY + "\nSupport Valley Herald\n", None, "Valley Herald"),
        ("Troops clash near the border crossing" + BODY + "\nSupport the Valley Herald\n", None, "Valley Herald"),
        ("Valley Herald | World | Africa\n\nTroops clash near the border crossing" + BODY, None, "Valley Herald"),
        ("By Jane Roe | Valley Herald\n\nTroops clash near the border crossing" + BODY, None, "Valley Herald"),
        ("Troops clash near the border crossing\n\nFollow us on twitter.com" + BODY, None, None),
        ("Troops clash near the border crossing" + BODY, None, None),
    ],
)
def test_find_outlet(text: str, url: str | None, outlet: str | None) -> None:
    assert find_outlet(text, mark_zones(text), url) == outlet


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Weather (WX)\n\nTroops clash near the border crossing" + BODY, "Troops clash near the border crossing"),
        (BODY.strip(), None),
    ],
)
def test_find_title(text: str, title: str | None) -> None:
    assert find_title(text, mark_zones(text)) == title


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")
@pytest.mark.parametrize(
    ("name", "published"),
    [("000_de84281268a453a0.txt", dt.date(2020, 12, 28)), ("001_04fa1debccaa7963.txt", None)],
)
def test_seed_published(name: str, published: dt.date | None) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    pub, note = find_published(text, mark_zones(text))
    assert (pub.date if pub else None) == published
    assert (note is None) == (published is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Published: 3 March 2021",
                "Updated 04/05/2021 10:00",
                "2020-12-28T15:45:00Z",
                "Sept. 31, 2020",
                "By Jane Roe | Valley Herald",
                "Support the Valley Herald",
                "Troops clash near the border crossing",
                BODY.strip(),
                "",
                "x",
            ]
        ),
        max_size=8,
    )
)
def test_metadata_spans_index_the_text(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    zones = mark_zones(text)
    pub, note = find_published(text, zones)
    assert (pub is None) == (note == "no publication date in the text")
    if pub is not None and pub.span is not None:
        assert text[pub.span.start : pub.span.end] == pub.span.text
    title = find_title(text, zones)
    assert title is None or title in text
    outlet = find_outlet(text, zones, None)
    assert outlet is None or outlet in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Polizei löst Kundgebung am Hafen auf\n\nVeröffentlicht am 1. Februar 2022, 10:15 Uhr\n\n"
            "Die Polizei hat am Dienstag eine Kundgebung am Hafen aufgelöst, nachdem Steine geworfen wurden.\n",
            dt.date(2022, 2, 1),
        ),
        (
            "La policía dispersa una protesta frente al puerto\n\n5 de marzo de 2021\n\n"
            "La policía dispersó el martes una manifestación frente al puerto de la ciudad.\n",
            dt.date(2021, 3, 5),
        ),
        (
            "La police disperse une manifestation devant le port\n\nPublié le 12 mars 2020 à 14h05\n\n"
            "La police a dispersé mardi une manifestation devant le port de la ville.\n",
            dt.date(2020, 3, 12),
        ),
        (
            "Polizei löst Kundgebung am Hafen auf\n\nAktualisiert am 3. Februar 2022\n\n"
            "Veröffentlicht am 1. Februar 2022\n\n"
            "Die Polizei hat am Dienstag eine Kundgebung am Hafen aufgelöst, nachdem Steine geworfen wurden.\n",
            dt.date(2022, 2, 1),
        ),
    ],
)
def test_foreign_datelines(text: str, expected: dt.date) -> None:
    published, _ = find_published(text)
    assert published is not None and published.date == expected
