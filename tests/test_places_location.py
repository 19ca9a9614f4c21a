"""Event location: the place where the event happened, not the dateline, the actor's country or another clause."""

from __future__ import annotations

import pytest

from eventscope.model import Place, Span
from eventscope.nlp import load_model, parse
from eventscope.places import Gazetteer, event_location, event_locations, geoparse
from eventscope.places.geodesy import haversine_km
from eventscope.places.geoparse import _alike
from eventscope.places.location import offset_place, placed_by_context

AL_BAB = (36.3705, 37.5157)
TAL_ABYAD = (36.6965, 38.9538)
RAS_AL_AIN = (36.8503, 40.0706)
KOBANE = (36.891, 38.3535)
TRIPOLI_LB = (34.4335, 35.8442)


@pytest.fixture(scope="module")
def locate():  # noqa: ANN201
    nlp, gaz = load_model(), Gazetteer.open()

    def _locate(text: str, trigger: str, support: tuple[str, ...] = ()) -> Place | None:
        passages = parse(nlp, text, [("body", 0, len(text))])
        places = geoparse(text, passages, gaz)
        start = text.index(trigger)
        trig = Span(start, start + len(trigger), trigger)
        first, rest = [], []
        for p in passages:
            for s in p.doc.sents:
                if p.offset + s.start_char <= start < p.offset + s.end_char:
                    first.append((s, p.offset))
                elif any(x in s.text for x in support):
                    rest.append((s, p.offset))
        loc = event_location(first + rest, trig, places, gaz)
        if loc is not None:
            assert text[loc.start : loc.end] == loc.text
        return loc

    return _locate


@pytest.mark.parametrize(
    ("text", "trigger", "support", "point", "km", "precision", "basis"),
    [
        (
            "Turkish artillery shelled the town of al-Bab on Thursday, a monitor said.",
            "shelled",
            (),
            AL_BAB,
            10,
            "place",
            None,
        ),
        ("A car bomb exploded near Tal Abyad, killing four people.", "exploded", (), TAL_ABYAD, 10, "near", None),
        ("Gunmen ambushed a convoy in the Tal Abyad area late on Monday.", "ambushed", (), TAL_ABYAD, 10, "near", None),
        ("Rebels seized a checkpoint 6 km north of Kobane overnight.", "seized", (), KOBANE, 12, "near", "offset"),
        (
            "A joint patrol was held on Friday. The convoy left the village of Qarmuq and reached the town of Tal Abyad.",
            "joint patrol",
            ("convoy left",),
            TAL_ABYAD,
            10,
            "place",
            "route",
        ),
        (
            "Troops conducted a patrol in the western Aleppo countryside on Tuesday.",
            "conducted a patrol",
            (),
            (36.2, 36.9),
            80,
            "region",
            None,
        ),
        (
            "TRIPOLI, Lebanon (AP) — Gunmen attacked a checkpoint near Tal Abyad on Monday.",
            "attacked",
            (),
            TAL_ABYAD,
            10,
            "near",
            None,
        ),
        (
            "BEIRUT (Reuters) - Gunmen attacked an army post near Tripoli on Monday, Lebanese officials said.",
            "attacked",
            (),
            TRIPOLI_LB,
            15,
            "near",
            None,
        ),
        (
            "Acting on a request from Beirut, the jets struck depots in Syria on Monday.",
            "struck",
            (),
            (35.0, 38.0),
            50,
            "country",
            None,
        ),
        (
            "A bomb exploded in Tal Abyad, a market town of Raqqa province, on Monday.",
            "exploded",
            (),
            TAL_ABYAD,
            10,
            "place",
            None,
        ),
        (
            "Militants stormed the village of Ain Issa north of Raqqa before dawn.",
            "stormed",
            (),
            (36.3855, 38.8623),
            10,
            "place",
            None,
        ),
        (
            "Russia says its military police patrolled the streets of Ras al-Ain, a Syrian border town, on Sunday.",
            "patrolled",
            (),
            RAS_AL_AIN,
            15,
            "place",
            None,
        ),
    ],
)
def test_event_location(locate, text, trigger, support, point, km, precision, basis) -> None:  # noqa: ANN001
    loc = locate(text, trigger, support)
    assert loc is not None and loc.lat is not None
    assert haversine_km(loc.lat, loc.lon, *point) < km, loc
    assert loc.precision == precision
    if basis:
        assert loc.basis == basis


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russia sent more troops and armoured vehicles on Sunday, the ministry said.", "sent"),
        ("Russia and Lebanon signed a trade accord on Monday.", "signed"),
        ("Turkish forces shelled positions held by the militia overnight.", "shelled"),
        ("DAMASCUS (Reuters) - Unidentified gunmen killed two men on a motorbike, a monitor said.", "killed"),
        ("Iran Press TV said two soldiers were wounded in the attack.", "wounded"),
    ],
)
def test_no_location(locate, text: str, trigger: str) -> None:  # noqa: ANN001
    assert locate(text, trigger) is None


def test_place_in_another_clause_is_not_the_location(locate) -> None:  # noqa: ANN001
    text = "Rebels shelled the town of al-Bab, which lies on the road that once linked Aleppo with Raqqa."
    loc = locate(text, "shelled")
    assert loc is not None and haversine_km(loc.lat, loc.lon, *AL_BAB) < 10


@pytest.mark.parametrize(
    ("prefix", "bearing_point"),
    [
        ("4 km to the west of ", (36.891, 38.3085)),
        ("10 kilometres south of ", (36.801, 38.3535)),
        ("3 miles north-east of the town of ", (36.9217, 38.3917)),
        ("two km east of ", (36.891, 38.3759)),
    ],
)
def test_offset_place(prefix: str, bearing_point: tuple[float, float]) -> None:
    ref = Place(
        "Kobane", len(prefix), len(prefix) + 6, "Kobane", 1, KOBANE[0], KOBANE[1], "SYR", "Aleppo", "PPL", "place"
    )
    moved = offset_place(ref, prefix)
    assert moved is not None and moved.feature == "OFFSET" and moved.precision == "near" and moved.start == 0
    assert haversine_km(moved.lat, moved.lon, *bearing_point) < 0.3


def test_offset_needs_a_distance() -> None:
    ref = Place("Kobane", 9, 15, "Kobane", 1, KOBANE[0], KOBANE[1], "SYR", "Aleppo", "PPL", "place")
    assert offset_place(ref, "west of  ") is None


def _p(text: str, lat: float | None, precision: str, country: str | None = "SYR", start: int = 0) -> Place:
    return Place(text, start, start + len(text), text, None, lat, None if lat is None else 38.0, country,
                 "Aleppo" if precision != "country" else None, "PPL", precision,
                 basis="gazetteer" if lat is not None else "unresolved")  # fmt: skip


@pytest.mark.parametrize(
    ("nearby", "document", "precision", "lat"),
    [
        ([_p("Mabruka", 36.5, "place"), _p("Aleppo", 36.2, "admin1")], [], "near", 36.5),  # the town it is named with
        ([_p("Aleppo", 36.2, "admin1"), _p("Syria", 35.0, "country")], [], "admin1", 36.2),
        ([], [_p("Syria", 35.0, "country"), _p("Homs", 34.7, "place")], "country", 35.0),  # the document's country
        ([], [], None, None),  # nothing places it: no location
    ],
)
def test_unresolved_toponym_is_placed_by_context(
    nearby: list[Place], document: list[Place], precision: str | None, lat: float | None
) -> None:
    village = _p("Khirbat Zzyzx", None, "place", None, start=40)
    got = placed_by_context(village, nearby, document)
    if precision is None:
        assert got is None
        return
    assert got is not None and (got.text, got.start) == ("Khirbat Zzyzx", 40)
    assert (got.precision, got.lat, got.basis, got.geonameid) == (precision, lat, "context", None)


def test_village_missing_from_the_gazetteer_takes_its_division(locate) -> None:  # noqa: ANN001
    loc = locate(
        "Gunmen stormed the village of Khirbat Zzyzx in Idlib province on Sunday, killing four men.", "stormed"
    )
    assert loc is not None and loc.text == "Khirbat Zzyzx" and loc.basis == "context"
    assert loc.precision in ("admin1", "region") and loc.lat is not None and loc.country == "SYR"


HOMS = (34.7268, 36.7234)
MOSUL = (36.335, 43.1189)


@pytest.mark.parametrize(
    ("text", "trigger", "point", "name"),
    [
        # the place a passive target verb acts on is the location, not an actor
        ("The town of al-Bab was shelled on Tuesday night.", "shelled", AL_BAB, "al-Bab"),
        # a place locating the agent ("by soldiers near Mosul") still places the event
        ("The commander was captured on Friday by soldiers near Mosul.", "captured", MOSUL, "Mosul"),
        # the event's own clause wins over a more precise place of another clause
        ("Gunmen killed three guards in Syria as crowds gathered in the old market of Homs.", "killed", None, "Syria"),
    ],
)
def test_event_location_roles(locate, text: str, trigger: str, point, name: str) -> None:  # noqa: ANN001
    loc = locate(text, trigger)
    assert loc is not None and loc.lat is not None and loc.text.endswith(name), loc
    if point is not None:
        assert haversine_km(loc.lat, loc.lon, *point) < 25, loc


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The captured fighter was later flown to Homs for trial.", "flown"),  # a destination
        ("Militants shot down two U.S. helicopters over the weekend.", "shot"),  # a place modifying a noun
        ("Police arrested two Iraqi Kurdistan officials on Monday.", "arrested"),  # a place modifying a noun
        ("The federation said that its athletes won Lebanon's first medal.", "won"),  # an owner
        ("The ministry said that gunmen killed two men in Homs.", "said"),  # what was said, not the saying
        ("Talks between Damascus and Ankara stalled on Monday.", "stalled"),  # the ends of a line
    ],
)
def test_not_where_the_event_happened(locate, text: str, trigger: str) -> None:  # noqa: ANN001
    assert locate(text, trigger) is None


def test_route_offset_with_to_is_not_a_destination(locate) -> None:  # noqa: ANN001
    loc = locate("Clashes erupted at a checkpoint 5 km to the south of Kobane on Monday.", "erupted")
    assert loc is not None and loc.basis == "offset" and haversine_km(loc.lat, loc.lon, *KOBANE) < 12


@pytest.fixture(scope="module")
def locate_all():  # noqa: ANN201
    nlp, gaz = load_model(), Gazetteer.open()

    def _locate(text: str, trigger: str) -> list[Place]:
        passages = parse(nlp, text, [("body", 0, len(text))])
        places = geoparse(text, passages, gaz)
        start = text.index(trigger)
        trig = Span(start, start + len(trigger), trigger)
        sents = [(s, p.offset) for p in passages for s in p.doc.sents
                 if p.offset + s.start_char <= start < p.offset + s.end_char]  # fmt: skip
        locs = event_locations(sents, trig, places, gaz)
        assert (locs[0] if locs else None) == event_location(sents, trig, places, gaz)
        for loc in locs:
            assert text[loc.start : loc.end] == loc.text
        return locs

    return _locate


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        ("Air strikes hit Homs and Hama on Sunday, a monitor said.", "hit", ["Homs", "Hama"]),
        (
            "Protests erupted in Tripoli, Benghazi and Misrata after the vote.",
            "erupted",
            ["Tripoli", "Benghazi", "Misrata"],
        ),
        ("Gunmen killed two farmers in Homs as talks opened in Geneva.", "killed", ["Homs"]),
        ("Talks between Damascus and Ankara stalled on Monday.", "stalled", []),
    ],
)
def test_event_locations_lists_coordinated_places(locate_all, text: str, trigger: str, names: list[str]) -> None:  # noqa: ANN001
    assert [p.text for p in locate_all(text, trigger)] == names


@pytest.mark.parametrize(
    ("text", "trigger", "surface"),
    [
        ("Gunmen stormed the Umm Tarfa refugee camp before dawn on Tuesday.", "stormed", "Umm Tarfa refugee camp"),
        ("Rebels struck the remote hamlet of Kuda Welagama, killing six farmers.", "killing", "Kuda Welagama"),
    ],
)
def test_unresolved_site_of_the_event_is_the_location(locate, text: str, trigger: str, surface: str) -> None:  # noqa: ANN001
    loc = locate(text, trigger)
    assert loc is not None and loc.text == surface, loc
    assert loc.basis == "unresolved" and loc.lat is None and loc.lon is None, loc


def test_unresolved_site_is_placed_by_its_town(locate) -> None:  # noqa: ANN001
    loc = locate("Gunmen stormed the Umm Tarfa refugee camp near Homs on Tuesday.", "stormed")
    assert loc is not None and loc.lat is not None, loc
    assert loc.basis in ("context", "gazetteer") and haversine_km(loc.lat, loc.lon, *HOMS) < 25, loc


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        ("Gunmen killed two farmers in Homs, Syria, on Monday.", "killed", ["Homs"]),
        ("Shells fell in Homs and in Hama overnight.", "fell", ["Homs", "Hama"]),
    ],
)
def test_event_locations_container_and_repeated_preposition(
    locate_all, text: str, trigger: str, names: list[str]
) -> None:  # noqa: ANN001
    assert [p.text for p in locate_all(text, trigger)] == names


KABUL = (34.5281, 69.1723)
IDLIB = (35.9306, 36.6339)
SHALI = (43.1481, 45.9019)


@pytest.mark.parametrize(
    ("text", "trigger", "names", "basis", "precision", "point"),
    [
        # a name the gazetteer lacks inside a known place is the smaller place, placed by its container
        ("A car bomb went off in the Qaryat Zzyzx district in southern Baghdad on Monday.", "went",
         ["Qaryat Zzyzx district"], "context", "near", (33.34, 44.40)),
        ("A bomb exploded in the Sunni neighbourhood of Adhamiya in Baghdad.", "exploded", ["Adhamiya"], "context",
         "near", (33.34, 44.40)),
        ("Gunmen stormed Zzyzxabad, a village in Idlib province, on Sunday.", "stormed", ["Zzyzxabad"], "context",
         "admin1", None),
        ("Gunmen shot a guard outside the Zzyzx Hotel in Kabul.", "shot", ["Zzyzx Hotel"], "context", "near", KABUL),
        # the district named next to its noun, not the possessive town that contains it
        ("Gunmen shot dead a shopkeeper in Yala's Betong district late on Friday.", "shot", ["Betong"], "gazetteer",
         "place", None),
        # "close to B", "the entrance to B" say where, not whither
        ("An armed gang attacked farms close to Algiers overnight.", "attacked", ["Algiers"], "gazetteer", "near",
         (36.73, 3.09)),
        ("Shells hit homes at the entrance to Nablus on Monday.", "hit", ["Nablus"], "gazetteer", "place",
         (32.22, 35.25)),
        # the object of a conflict verb is a place even with no preposition
        ("Troops recaptured Shali on Friday after a week of fighting.", "recaptured", ["Shali"], "gazetteer", "place",
         SHALI),
        # lists of sites: after a plural settlement noun's "of", or before a plural settlement noun
        ("Jets bombed the villages of Kafr Zzyzx, Tal Qurmuz and Deir Wazzab at dawn.", "bombed",
         ["Kafr Zzyzx", "Tal Qurmuz", "Deir Wazzab"], "unresolved", "place", None),
        ("Militiamen attacked the Zzyzx and Wazzab districts of Idlib.", "attacked", ["Zzyzx", "Wazzab"], "context",
         "near", IDLIB),
    ],
)  # fmt: skip
def test_small_places_win_and_stay_honest(  # noqa: PLR0913
    locate_all,
    text: str,
    trigger: str,
    names: list[str],
    basis: str,
    precision: str,
    point,  # noqa: ANN001
) -> None:
    locs = locate_all(text, trigger)
    assert [p.text for p in locs] == names
    first = locs[0]
    assert (first.basis, first.precision) == (basis, precision), first
    if basis == "unresolved":
        assert first.lat is None and first.lon is None
    if basis == "context":
        assert first.geonameid is None and first.lat is not None
    if point is not None:
        assert haversine_km(first.lat, first.lon, *point) < 30, first


@pytest.mark.parametrize(
    ("text", "trigger", "absent"),
    [
        ("Police captured Saddam on Friday near Tikrit.", "captured", "Saddam"),  # a person, not the place taken
        ("Crowds protested outside the U.S. Embassy in Kabul.", "protested", "Embassy"),  # a country's building
        ("Demonstrators rallied outside Prime Minister Sharif's office in Lahore.", "rallied", "Prime"),  # a title
        ("A bomb exploded in the Shiite neighbourhood of Kadhimiya.", "exploded", "Shiite"),  # who lives there
    ],
)
def test_names_that_are_not_sites(locate_all, text: str, trigger: str, absent: str) -> None:  # noqa: ANN001
    assert all(absent not in p.text for p in locate_all(text, trigger))


MOSUL_POINT = (36.335, 43.1189)
LONDON = (51.5085, -0.1257)


@pytest.mark.parametrize(
    ("text", "trigger", "surface", "point"),
    [
        # a name the model tags as a person right after a locative preposition
        ("Two soldiers were killed in  Zzyzx Kandi when a bomb exploded near Mosul.", "killed", "Zzyzx Kandi",
         MOSUL_POINT),
        # a named building: the whole name, placed by the town it is in (never a point of its own)
        ("The patient was treated at the Royal Free Hospital in London.", "treated", "Royal Free Hospital", LONDON),
        ("Shells struck the Zzyzx Mosque in Aleppo on Friday.", "struck", "Zzyzx Mosque", (36.2012, 37.1612)),
        # an apposition that says the name is a village
        ("Gunmen attacked Zzyzxabad, a small village near Homs, at dawn.", "attacked", "Zzyzxabad", HOMS),
    ],
)  # fmt: skip
def test_event_sites_are_placed_by_context(locate, text: str, trigger: str, surface: str, point) -> None:  # noqa: ANN001
    loc = locate(text, trigger)
    assert loc is not None and loc.text == surface, loc
    assert loc.basis == "context" and loc.geonameid is None and loc.precision == "near", loc
    assert haversine_km(loc.lat, loc.lon, *point) < 30, loc


@pytest.fixture(scope="module")
def toponyms():  # noqa: ANN201
    nlp, gaz = load_model(), Gazetteer.open()

    def _toponyms(text: str) -> list[str]:
        return [p.text for p in geoparse(text, parse(nlp, text, [("body", 0, len(text))]), gaz)]

    return _toponyms


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # buildings and rescued names are event sites only, never toponyms of the document
        ("The patient was treated at the Royal Free Hospital in London.", ["London"], ["Royal Free Hospital"]),
        # settlement nouns after a name, plural lists, "of"-lists
        ("Herdsmen attacked the Zzyzxa and Qurmuzi villages on Monday.", ["Zzyzxa", "Qurmuzi"], []),
        ("Jets bombed the villages of Kafr Zzyzx and Tal Qurmuz.", ["Kafr Zzyzx", "Tal Qurmuz"], []),
        # a settlement noun inside an organisation's name is not a site
        ("David Lee, a member of Camborne Town Council, said the water was safe.", [], ["Camborne Town"]),
        ("A bomb exploded in the Sunni neighbourhood of Adhamiya.", ["Adhamiya"], ["Sunni neighbourhood"]),
    ],
)
def test_site_toponyms(toponyms, text: str, present: list[str], absent: list[str]) -> None:  # noqa: ANN001
    found = toponyms(text)
    assert all(any(name in t for t in found) for name in present), found
    assert not any(name in t for name in absent for t in found), found


RASTAN = (34.9267, 36.7324)


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        # a running tally in the perfect with only a country is a count, not an event at a place
        ("More than 2,000 people have been killed in Yemen since the fighting began.", "killed", []),
        ("Over 9,000 civilians were killed in Yemen since the start of the war.", "killed", []),
        ("Gunmen killed two guards in Yemen on Monday.", "killed", ["Yemen"]),
        # a partner or a beneficiary is not where anything happened
        ("The government signed a deal with Turkey on Monday.", "signed", []),
        # the antecedent of a relative clause is where the clause's event happened
        ("Seven people died in the town of Rastan, which has been besieged by tanks since Sunday.", "besieged",
         ["Rastan"]),
    ],
)  # fmt: skip
def test_tallies_partners_and_antecedents(locate_all, text: str, trigger: str, names: list[str]) -> None:  # noqa: ANN001
    assert [p.text for p in locate_all(text, trigger)] == names


def test_apposition_offset_places_the_name_at_its_point(locate) -> None:  # noqa: ANN001
    text = "Government troops captured five suspects on Zzyzx Island, about 900 kilometers south of Manila, on Friday."
    loc = locate(text, "captured")
    assert loc is not None and loc.text == "Zzyzx Island", loc
    assert (loc.basis, loc.precision, loc.geonameid) == ("offset", "near", None), loc
    assert haversine_km(loc.lat, loc.lon, 14.6042 - 900 / 111.2, 120.9822) < 15, loc  # 900 km south, not Manila


@pytest.mark.parametrize(
    ("text", "trigger", "first"),
    [
        # "A village in/of B <division>": B only says where the village is
        ("A bomb exploded near Sihor village in Bhavnagar district.", "exploded", "Sihor"),
        ("Gunmen killed nine people in Kawuri village of Konduga LGA of Borno State.", "killed", "Kawuri"),
        ("A roadside bomb killed three civilians in Sangsar locality of Zhari District.", "killed", "Sangsar"),
        # "the B suburb of A" names A, the smaller place
        ("A mortar round hit a school in the Damascus suburb of Jaramana on Monday.", "hit", "Jaramana"),
    ],
)
def test_settlement_named_before_its_container(locate_all, text: str, trigger: str, first: str) -> None:  # noqa: ANN001
    locs = locate_all(text, trigger)
    assert locs and locs[0].text.startswith(first), locs


def test_region_named_after_a_town_is_not_its_province(locate_all) -> None:  # noqa: ANN001
    locs = locate_all("Rebels ambushed a convoy in the mountainous Shatoy region of Chechnya on Friday.", "ambushed")
    assert locs and locs[0].text.startswith("Shatoy") and locs[0].precision != "admin1", locs
    assert haversine_km(locs[0].lat, locs[0].lon, 42.87, 45.69) < 30, locs


@pytest.mark.parametrize(
    ("name", "division", "alike"),
    [("Kiev", "Kyiv Oblast", True), ("Kherson", "Khersonska Oblast", True), ("Shatoy", "Chechnya", False)],
)
def test_region_name_matches_its_division(name: str, division: str, alike: bool) -> None:
    assert _alike(name, division) is alike


def test_region_named_after_its_division_is_the_division(locate_all) -> None:  # noqa: ANN001
    locs = locate_all("Drones struck a power plant in the Kherson region overnight.", "struck")
    assert locs and locs[0].precision == "admin1", locs


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Riot police dispersed a protest in southwest China's Yunnan Province on Monday.", "dispersed", "Yunnan"),
        ("A landmine killed two deminers in eastern Afghanistan's Kunar province.", "killed", "Kunar"),
    ],
)
def test_possessor_only_says_where_the_place_is(locate_all, text: str, trigger: str, name: str) -> None:  # noqa: ANN001
    locs = locate_all(text, trigger)
    assert [p.text.split()[0] for p in locs] == [name], locs
