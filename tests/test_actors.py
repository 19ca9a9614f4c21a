"""Actor KB: phrase → canonical actor (country, sector), case traps, sponsors, user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.actors import ActorDataError, ActorKB, tokenize
from eventscope.errors import EventscopeError


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


# phrase -> (country, sector); None as the whole expectation means "no actor"
PHRASES: list[tuple[str, tuple[str | None, str | None] | None]] = [
    # state organs composed from country + head noun
    ("the Russian Defense Ministry", ("RUS", "GOV")),
    ("the Russian Defence Ministry", ("RUS", "GOV")),
    ("Russia's Ministry of Defence", ("RUS", "GOV")),
    ("the Ministry of Foreign Affairs of Iran", ("IRN", "GOV")),
    ("Russian military police", ("RUS", "MIL")),
    ("the Turkish military", ("TUR", "MIL")),
    ("Turkish troops", ("TUR", "MIL")),
    ("Turkish armed forces", ("TUR", "MIL")),
    ("Syrian government forces", ("SYR", "MIL")),
    ("Iraqi security forces", ("IRQ", "COP")),
    ("the Turkish gendarmerie", ("TUR", "COP")),
    ("Ukrainian border guards", ("UKR", "MIL")),
    ("the Chinese navy", ("CHN", "MIL")),
    ("the Israeli air force", ("ISR", "MIL")),
    ("U.S. servicemen", ("USA", "MIL")),
    ("American soldiers", ("USA", "MIL")),
    ("British officials", ("GBR", "GOV")),
    ("the Iranian parliament", ("IRN", "LEG")),
    ("a Pakistani court", ("PAK", "JUD")),
    ("Egyptian intelligence", ("EGY", "SPY")),
    ("the French government", ("FRA", "GOV")),
    ("Kremlin officials", ("RUS", "GOV")),
    ("Russian President", ("RUS", "GOV")),
    ("Nigerian police", ("NGA", "COP")),
    ("Syrian rebels", ("SYR", "REB")),
    ("Iraqi protesters", ("IRQ", "CVL")),
    ("Afghan refugees", ("AFG", "REF")),
    ("the Türkiye defence ministry", ("TUR", "GOV")),
    # metonyms (capitals and seats of government)
    ("Ankara", ("TUR", "GOV")),
    ("the Kremlin", ("RUS", "GOV")),
    ("Washington", ("USA", "GOV")),
    ("Damascus", ("SYR", "GOV")),
    ("Tehran", ("IRN", "GOV")),
    ("Beijing", ("CHN", "GOV")),
    ("Kyiv", ("UKR", "GOV")),
    ("Kiev", ("UKR", "GOV")),
    ("Downing Street", ("GBR", "GOV")),
    ("the White House", ("USA", "GOV")),
    ("the Pentagon", ("USA", "GOV")),
    ("Riyadh", ("SAU", "GOV")),
    ("Baghdad", ("IRQ", "GOV")),
    # countries, demonyms
    ("Russia", ("RUS", None)),
    ("Türkiye", ("TUR", None)),
    ("the United States", ("USA", None)),
    ("the U.S.", ("USA", None)),
    ("the US", ("USA", None)),
    ("Britain", ("GBR", None)),
    ("South Korea", ("KOR", None)),
    ("North Korea", ("PRK", None)),
    ("the Netherlands", ("NLD", None)),
    ("the Turkish side", ("TUR", None)),
    ("the Russians", ("RUS", None)),
    # people
    ("Foreign Minister Sergei Lavrov", ("RUS", "GOV")),
    ("Lavrov", ("RUS", "GOV")),
    ("his Turkish counterpart Mevlut Cavusoglu", ("TUR", "GOV")),
    ("Mevlüt Çavuşoğlu", ("TUR", "GOV")),
    ("President Recep Tayyip Erdoğan", ("TUR", "GOV")),
    ("Vladimir Putin", ("RUS", "GOV")),
    ("Zelenskyy", ("UKR", "GOV")),
    # named armed groups: the longest alias wins
    ("the YPG", ("SYR", "REB")),
    ("People's Protection Units", ("SYR", "REB")),
    ("Syrian Democratic Forces", ("SYR", "REB")),
    ("the US-backed SDF", ("SYR", "REB")),
    ("Daesh", (None, "REB")),
    ("the Islamic State", (None, "REB")),
    ("IS militants", (None, "REB")),
    ("Hayat Tahrir al-Sham", ("SYR", "REB")),
    ("Jabhat al-Nusra", ("SYR", "REB")),
    ("the Kurdistan Workers' Party", ("TUR", "REB")),
    ("Hezbollah fighters", ("LBN", "REB")),
    ("the Houthis", ("YEM", "REB")),
    ("al-Shabaab militants", ("SOM", "REB")),
    ("Boko Haram", ("NGA", "REB")),
    ("the Rapid Support Forces", ("SDN", "REB")),
    ("the Taliban", ("AFG", "GOV")),
    ("the Wagner Group", ("RUS", "MIL")),
    ("the M23 rebels", ("COD", "REB")),
    ("Israel Defense Forces", ("ISR", "MIL")),
    ("the IDF", ("ISR", "MIL")),
    # sponsors: the sponsor is never the actor
    ("Turkey-backed militants", ("SYR", "REB")),
    ("Turkish-backed militants", ("SYR", "REB")),
    ("Turkish-backed Syrian militants", ("SYR", "REB")),
    ("militants supported by the Turkish government", ("SYR", "REB")),
    ("pro-Turkish militants", ("SYR", "REB")),
    ("Iran-backed militias in Iraq", ("IRQ", "REB")),
    # generic actors
    ("protesters", (None, "CVL")),
    ("a group of children", (None, "CVL")),
    ("police", (None, "COP")),
    ("rioters", (None, "CVL")),
    ("gunmen", (None, "REB")),
    ("Kurdish fighters", (None, "REB")),
    # international organisations
    ("the UN Security Council", (None, "IGO")),
    ("the United Nations", (None, "IGO")),
    ("NATO", (None, "IGO")),
    ("the EU", (None, "IGO")),
    ("UNHCR", (None, "IGO")),
    ("the International Committee of the Red Cross", (None, "NGO")),
    ("Human Rights Watch", (None, "NGO")),
    ("Pro-Turkish factions", ("SYR", "REB")),
    ("Iranian-backed Houthi rebels", ("YEM", "REB")),
    ("the Kremlin-backed Wagner group", ("RUS", "MIL")),
    # coordination is split by the event coder; given a whole conjunction the first conjunct's country is used
    ("Russian and Turkish troops", ("RUS", "MIL")),
    # seat of government + weak head is the seat's organ
    ("Pentagon spokesman John Kirby", ("USA", "GOV")),
    ("RUSSIAN TROOPS", ("RUS", "MIL")),
    # no actor; case traps; a country inside an unknown proper name
    ("Michael Jordan", None),
    ("an official statement", None),
    ("us", None),
    ("is", None),
    ("it", None),
    ("the weather", None),
    ("a turkey dinner", None),
    ("chad", None),
    ("", None),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p or "<empty>" for p, _ in PHRASES])
def test_resolve_country_and_sector(kb: ActorKB, phrase: str, expected: tuple[str | None, str | None] | None) -> None:
    m = kb.resolve(phrase)
    if expected is None:
        assert m is None, m
    else:
        assert m is not None, phrase
        assert (m.entry.country, m.entry.sector) == expected, m
        assert m.text and m.text in phrase


@pytest.mark.parametrize(
    ("phrase", "actor_id", "how"),
    [
        ("the Russian Defense Ministry", "RUS-MOD", "composed"),
        ("Russian military police", "RUS-MP", "composed"),
        ("the Turkish military", "TUR-MIL", "composed"),
        ("Turkey-backed militants", "SYR-SNA", "composed"),
        ("the YPG", "SYR-YPG", "alias"),
        ("People's Protection Units", "SYR-YPG", "alias"),
        ("Syrian Democratic Forces", "SYR-SDF", "alias"),
        ("Ankara", "TUR-GOV", "metonym"),
        ("the Kremlin", "RUS-GOV", "metonym"),
        ("Lavrov", "PER-LAVROV", "alias"),
        ("Turkish", "TUR", "demonym"),
        ("protesters", "GEN-PROT", "generic"),
        ("the US", "USA", "alias"),
        ("ISIS-K", "AFG-ISKP", "alias"),
        ("ISIS", "ISIS", "alias"),
    ],
)
def test_resolve_ids(kb: ActorKB, phrase: str, actor_id: str, how: str) -> None:
    m = kb.resolve(phrase)
    assert m is not None
    assert (m.entry.id, m.how) == (actor_id, how)


@pytest.mark.parametrize(
    ("phrase", "inter"),
    [
        ("Russian military police", 1),
        ("Syrian rebels", 2),
        ("pro-government militias", 3),
        ("Kurdish fighters", 4),
        ("rioters", 5),
        ("protesters", 6),
        ("demonstrators", 6),
        ("villagers", 7),
        ("a group of children", 7),
        ("the UN", 8),
    ],
)
def test_inter_codes(kb: ActorKB, phrase: str, inter: int) -> None:
    m = kb.resolve(phrase)
    assert m is not None and m.entry.inter == inter


@pytest.mark.parametrize(
    ("phrase", "sponsors", "not_country"),
    [
        ("Turkey-backed militants", ("TUR",), "TUR"),
        ("militants supported by the Turkish government", ("TUR",), "TUR"),
        ("Russian-backed separatists", ("RUS",), "RUS"),
        ("Iranian-backed militias in Iraq", ("IRN",), "IRN"),
        ("Emirati-backed fighters in Sudan", ("ARE",), "ARE"),
        ("Saudi-funded rebels in Narnia", ("SAU",), "SAU"),
    ],
)
def test_sponsor_is_not_the_actor(kb: ActorKB, phrase: str, sponsors: tuple[str, ...], not_country: str) -> None:
    m = kb.resolve(phrase)
    assert m is not None
    assert m.entry.country != not_country
    assert set(sponsors) <= set(m.entry.sponsors)
    assert m.entry.sector == "REB"


@pytest.mark.parametrize(
    ("phrase", "hint", "actor_id"),
    [
        ("Kurdish fighters", "SYR", "SYR-YPG"),
        ("Kurdish fighters", "IRQ", "IRQ-PESH"),
        ("Kurdish fighters", None, "KURD-REB"),
        ("Syrian Kurdish fighters", None, "SYR-YPG"),
        ("US-backed forces", "SYR", "SYR-SDF"),
        ("Iran-backed militias", "YEM", "YEM-HOUTHI"),
    ],
)
def test_country_hint(kb: ActorKB, phrase: str, hint: str | None, actor_id: str) -> None:
    m = kb.resolve(phrase, country_hint=hint)
    assert m is not None and m.entry.id == actor_id


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Turkish", "TUR"),
        ("Russian", "RUS"),
        ("Syrian", "SYR"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Dutch", "NLD"),
        ("Emirati", "ARE"),
        ("Ukrainian", "UKR"),
        ("Turks", "TUR"),
        ("Ivorian", "CIV"),
        ("Kurdish", None),
        ("Turkey", None),
        ("table", None),
        ("us", None),
    ],
)
def test_demonym_country(kb: ActorKB, word: str, iso3: str | None) -> None:
    assert kb.demonym_country(word) == iso3


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Turkish", True),
        ("Ankara", True),
        ("YPG", True),
        ("police", True),
        ("protesters", True),
        ("US", True),
        ("Kurdish", True),
        ("us", False),
        ("the", False),
        ("yesterday", False),
        ("said", False),
    ],
)
def test_is_actor_word(kb: ActorKB, word: str, expected: bool) -> None:
    assert kb.is_actor_word(word) is expected


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Ankara", "TUR"),
        ("Turkey", "TUR"),
        ("Turkish", "TUR"),
        ("the Kremlin", "RUS"),
        ("U.S.", "USA"),
        ("Kinshasa", "COD"),
        ("Congo", "COD"),
        ("the Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Hezbollah", None),
        ("us", None),
        ("Narnia", None),
    ],
)
def test_country_code(kb: ActorKB, text: str, iso3: str | None) -> None:
    assert kb.country_code(text) == iso3


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*"abcUSIRT -'’.éş", "Turkish", " troops", "backed", " by ", "Syria", "the "])).map(
        "".join
    )
)
def test_resolve_never_fails_and_points_into_the_phrase(phrase: str) -> None:
    m = ActorKB.load().resolve(phrase)
    assert m is None or (m.text and m.text in phrase)


def test_every_country_has_an_entry(kb: ActorKB) -> None:
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if kb.get(c.alpha_3) is None]
    assert missing == []
    with_demonym = [c.alpha_3 for c in pycountry.countries if kb.resolve(c.name) is not None]
    assert len(with_demonym) >= 240


def test_parents_and_sponsors_refer_to_known_entries(kb: ActorKB) -> None:
    bad = [(e.id, e.parent) for e in kb.entries.values() if e.parent and kb.get(e.parent) is None]
    assert bad == []
    bad_sp = [(e.id, s) for e in kb.entries.values() for s in e.sponsors if kb.get(s) is None]
    assert bad_sp == []


def test_builtin_ids_are_unique() -> None:
    from collections import Counter

    from eventscope.actors.kb import _builtin

    counts = Counter(r.entry.id for r in _builtin())
    assert [i for i, n in counts.items() if n > 1] == []


def test_tokenize_offsets_and_normalisation() -> None:
    text = "the U.S.-backed People’s Protection Units (Çavuşoğlu)"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["the", "US", "backed", "People", "Protection", "Units", "Cavusoglu"]
    for t in toks:
        assert text[t.start : t.end].replace(".", "") in (t.text, "Çavuşoğlu")


def test_resolve_is_cached_and_stable(kb: ActorKB) -> None:
    assert kb.resolve("Turkish troops") is kb.resolve("Turkish troops")
    assert ActorKB.load() is ActorKB.load()


# ---------------------------------------------------------------- user extension files

YAML_OK = """
- id: XYZ-FOO
  name: Foo Liberation Front
  country: SYR
  sector: REB
  inter: 2
  kind: armed_group
  aliases: [FLF, Foo Front]
  sponsors: [TUR]
- id: SYR-YPG
  name: YPG (user override)
  country: SYR
  sector: REB
  inter: 4
  kind: armed_group
  aliases: [Units of the People]
"""

CSV_OK = """id,name,country,sector,inter,kind,aliases,sponsors,parent
BAR-GUARD,Bar Guard,IRQ,MIL,3,armed_group,Bar Guardians|the Guard of Bar,IRN,IRQ-PMF
"""


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(YAML_OK, encoding="utf-8")
    kb = ActorKB.load(extra=[f])
    m = kb.resolve("fighters of the Foo Front")
    assert m is not None and (m.entry.id, m.entry.country, m.entry.sponsors) == ("XYZ-FOO", "SYR", ("TUR",))
    assert kb.resolve("FLF").entry.id == "XYZ-FOO"  # type: ignore[union-attr]
    ypg = kb.resolve("the Units of the People")
    assert ypg is not None and ypg.entry.name == "YPG (user override)" and ypg.entry.inter == 4
    # the override replaced the built-in entry with its aliases
    old = kb.resolve("People's Protection Units")
    assert old is None or old.entry.id != "SYR-YPG"
    # the cached default is untouched
    assert ActorKB.load().resolve("People's Protection Units").entry.name == "People's Protection Units (YPG)"  # type: ignore[union-attr]


def test_user_file_is_read_again_when_changed(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(CSV_OK, encoding="utf-8")
    first = ActorKB.load(extra=[f])
    assert ActorKB.load(extra=[f]) is first
    f.write_text(CSV_OK.replace("Bar Guardians", "Baz Guardians") + "\n", encoding="utf-8")
    second = ActorKB.load(extra=[f])
    assert second.resolve("the Baz Guardians") is not None
    assert second.resolve("the Bar Guardians") is None


def test_user_csv(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(CSV_OK, encoding="utf-8")
    kb = ActorKB.load(extra=[str(f)])
    m = kb.resolve("the Bar Guardians")
    assert m is not None
    e = m.entry
    assert (e.id, e.country, e.sector, e.inter, e.kind, e.sponsors, e.parent) == (
        "BAR-GUARD",
        "IRQ",
        "MIL",
        3,
        "armed_group",
        ("IRN",),
        "IRQ-PMF",
    )


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.yaml", "- id: A\n  name: [unclosed\n", "line"),
        ("bad.yaml", "id: A\nname: B\n", "file"),
        ("bad.yaml", "- id: A\n  name: Alpha\n- name: no id\n", "entry 2"),
        ("bad.yaml", "- id: A\n  name: Alpha\n  inter: 9\n", "entry 1"),
        ("bad.yaml", "- id: A\n  name: Alpha\n  country: Syria\n", "entry 1"),
        ("bad.yaml", "- id: A\n  name: Alpha\n  kind: wizard\n", "entry 1"),
        ("bad.yaml", "- id: A\n  name: Alpha\n  colour: red\n", "entry 1"),
        ("bad.csv", "id,name,country\nA,Alpha,SYR\nB,Beta,Syria\n", "line 3"),
        ("bad.csv", "id,name,country\nA,Alpha\n", "line 2"),
        ("bad.csv", "name,country\nAlpha,SYR\n", "line 1"),
        ("bad.txt", "whatever", "file"),
    ],
)
def test_malformed_user_file_names_the_file(tmp_path: Path, name: str, content: str, where: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    with pytest.raises(EventscopeError) as info:
        ActorKB.load(extra=[f])
    assert isinstance(info.value, ActorDataError)
    assert str(f) in str(info.value) and where in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="no such file"):
        ActorKB.load(extra=[tmp_path / "nope.yaml"])
