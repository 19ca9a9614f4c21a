"""The PLOVER -> ACLED -> CAMEO tables: complete, valid, and applied by codes()."""

from __future__ import annotations

import pytest

from eventscope.events import lexicon
from eventscope.events.ontology import (
    ACLED_TYPES,
    CAMEO_ROOTS,
    MODE_OVERRIDES,
    PLOVER_MODES,
    TYPE_DEFAULTS,
    codes,
    is_valid_acled,
)

PLOVER = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


def test_sixteen_plover_types_and_25_acled_subtypes() -> None:
    assert sorted(TYPE_DEFAULTS) == sorted(PLOVER) == sorted(PLOVER_MODES)
    assert sum(len(v) for v in ACLED_TYPES.values()) == 25
    assert len(ACLED_TYPES) == 6


@pytest.mark.parametrize("type_", PLOVER)
def test_every_type_has_a_valid_default(type_: str) -> None:
    acled, cameo = TYPE_DEFAULTS[type_]
    assert cameo[:2] in CAMEO_ROOTS
    assert acled is None or is_valid_acled(*acled)


@pytest.mark.parametrize(("key", "value"), sorted(MODE_OVERRIDES.items()))
def test_every_override_is_valid(key: tuple[str, str], value: tuple[tuple[str, str] | None, str]) -> None:
    type_, mode = key
    assert mode in PLOVER_MODES[type_]
    acled, cameo = value
    assert acled is None or is_valid_acled(*acled)
    assert cameo[:2] in CAMEO_ROOTS


@pytest.mark.parametrize("table", [lexicon.VERB_TRIGGERS, lexicon.NOUN_TRIGGERS])
def test_lexicon_senses_use_known_types_and_modes(table: dict[str, lexicon.Sense]) -> None:
    for word, sense in table.items():
        assert sense.type in TYPE_DEFAULTS, word
        assert sense.mode is None or sense.mode in PLOVER_MODES[sense.type], word
        assert sense.cameo is None or sense.cameo[:2] in CAMEO_ROOTS, word
        assert 0 < sense.strength <= 1, word


def test_say_verbs_are_never_triggers() -> None:
    assert not lexicon.SAY_VERBS & set(lexicon.VERB_TRIGGERS)


@pytest.mark.parametrize(
    ("type_", "mode", "cameo", "acled", "code"),
    [
        ("ASSAULT", "aerial", None, ("Explosions/Remote violence", "Air/drone strike"), "195"),
        ("ASSAULT", "heavy-weapons", None, ("Explosions/Remote violence", "Shelling/artillery/missile attack"), "194"),
        ("ASSAULT", "explosives", None, ("Explosions/Remote violence", "Remote explosive/landmine/IED"), "183"),
        ("ASSAULT", "firearms", None, ("Battles", "Armed clash"), "190"),
        ("MOBILIZE", None, None, ("Strategic developments", "Other"), "154"),
        ("COOPERATE", "military", None, ("Strategic developments", "Other"), "062"),
        ("PROTEST", "demo", None, ("Protests", "Peaceful protest"), "141"),
        ("PROTEST", "riot", None, ("Riots", "Violent demonstration"), "145"),
        ("PROTEST", "mob", "182", ("Riots", "Mob violence"), "145"),
        ("COERCE", "arrest", None, ("Strategic developments", "Arrests"), "173"),
        ("AGREE", None, None, None, "057"),
        ("AGREE", "ceasefire", None, ("Strategic developments", "Agreement"), "0871"),
        ("CONSULT", None, "046", None, "046"),
        ("REQUEST", None, None, None, "020"),
        ("SANCTION", None, None, None, "160"),
    ],
)
def test_codes(type_: str, mode: str | None, cameo: str | None, acled: tuple[str, str] | None, code: str) -> None:
    got, got_code = codes(type_, mode, cameo)
    assert (None if got is None else (got.event_type, got.sub_event_type)) == acled
    assert got_code == code


def test_unknown_type_raises() -> None:
    with pytest.raises(KeyError):
        codes("FIGHT", None)
