"""PLOVER -> ACLED -> CAMEO mapping tables (data, in one place) and the lookup that applies them.

PLOVER is the primary type. Each type has a default ACLED (event type, sub-event type) and CAMEO code; a mode may
override both. ACLED codes only physical and strategic events, so purely verbal or diplomatic PLOVER types
(CONSULT, SUPPORT, REQUEST, ACCUSE, REJECT, THREATEN, SANCTION, and AGREE other than ceasefires) map to ``None``.
eventscope adds a few modes PLOVER does not list (``abduct``, ``sexual``, ``chemical``, ``grenade``, ``territory``,
``massacre``, ``mob``, ``ceasefire``, ``arrest``, ``intercept``, ``regain``, ``disrupt``, ``base``, ``reorganize``,
``merge``, ``transfer``, ``disband``, ``peace``...) so that every ACLED sub-event type can be reached.
"""

from __future__ import annotations

from ..model import Acled

#: ACLED's six event types and 25 sub-event types (exact spellings)
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: the 16 PLOVER types and their modes (PLOVER's own, plus eventscope's additions noted in the module docstring)
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("ceasefire", "peace"),
    "CONSULT": ("visit", "host", "phone", "multilateral", "third-party"),
    "SUPPORT": (),
    "CONCEDE": ("release", "ease"),
    "COOPERATE": ("military", "economic", "judicial", "intelligence", "merge"),
    "AID": ("military", "economic", "humanitarian"),
    "RETREAT": ("withdraw", "disarm", "transfer", "disband"),
    "REQUEST": (),
    "ACCUSE": ("investigate",),
    "REJECT": (),
    "THREATEN": ("violence", "restrict", "relations"),
    "PROTEST": ("demo", "riot", "mob", "strike", "obstruct", "intervention", "excessive-force"),
    "SANCTION": (),
    "MOBILIZE": ("troops", "police", "militia", "weapons", "base", "reorganize"),
    "COERCE": ("arrest", "detain", "curfew", "ban", "destroy", "seize", "deport", "blockade", "disrupt"),
    "ASSAULT": (
        "firearms",
        "heavy-weapons",
        "aerial",
        "explosives",
        "suicide-attack",
        "assassinate",
        "primitive",
        "abduct",
        "sexual",
        "chemical",
        "grenade",
        "territory",
        "massacre",
        "intercept",
        "regain",
    ),
}

_SD = "Strategic developments"
_ER = "Explosions/Remote violence"
_VAC = "Violence against civilians"

#: type -> (ACLED (type, sub-type) or None, CAMEO)
TYPE_DEFAULTS: dict[str, tuple[tuple[str, str] | None, str]] = {
    "AGREE": (None, "057"),
    "CONSULT": (None, "040"),
    "SUPPORT": (None, "051"),
    "CONCEDE": ((_SD, "Other"), "080"),
    "COOPERATE": ((_SD, "Other"), "060"),
    "AID": ((_SD, "Other"), "070"),
    "RETREAT": ((_SD, "Other"), "087"),
    "REQUEST": (None, "020"),
    "ACCUSE": (None, "112"),
    "REJECT": (None, "120"),
    "THREATEN": (None, "130"),
    "PROTEST": (("Protests", "Peaceful protest"), "140"),
    "SANCTION": (None, "160"),
    "MOBILIZE": ((_SD, "Other"), "154"),
    "COERCE": ((_SD, "Other"), "170"),
    "ASSAULT": (("Battles", "Armed clash"), "190"),
}

#: (type, mode) -> (ACLED (type, sub-type) or None, CAMEO)
MODE_OVERRIDES: dict[tuple[str, str], tuple[tuple[str, str] | None, str]] = {
    ("AGREE", "ceasefire"): ((_SD, "Agreement"), "0871"),
    ("AGREE", "peace"): ((_SD, "Agreement"), "057"),
    ("CONSULT", "visit"): (None, "042"),
    ("CONSULT", "host"): (None, "043"),
    ("CONSULT", "phone"): (None, "041"),
    ("CONSULT", "multilateral"): (None, "044"),
    ("CONSULT", "third-party"): (None, "045"),
    ("CONCEDE", "release"): ((_SD, "Other"), "0841"),
    ("CONCEDE", "ease"): ((_SD, "Other"), "081"),
    ("COOPERATE", "military"): ((_SD, "Other"), "062"),
    ("COOPERATE", "economic"): ((_SD, "Other"), "061"),
    ("COOPERATE", "judicial"): ((_SD, "Other"), "063"),
    ("COOPERATE", "intelligence"): ((_SD, "Other"), "064"),
    ("COOPERATE", "merge"): ((_SD, "Change to group/activity"), "060"),
    ("AID", "military"): ((_SD, "Other"), "072"),
    ("AID", "economic"): ((_SD, "Other"), "071"),
    ("AID", "humanitarian"): ((_SD, "Other"), "073"),
    ("RETREAT", "withdraw"): ((_SD, "Other"), "0874"),
    ("RETREAT", "disarm"): ((_SD, "Disrupted weapons use"), "0873"),
    ("RETREAT", "transfer"): ((_SD, "Non-violent transfer of territory"), "0874"),
    ("RETREAT", "disband"): ((_SD, "Change to group/activity"), "0873"),
    ("ACCUSE", "investigate"): (None, "090"),
    ("THREATEN", "violence"): (None, "138"),
    ("THREATEN", "restrict"): (None, "132"),
    ("THREATEN", "relations"): (None, "131"),
    ("PROTEST", "demo"): (("Protests", "Peaceful protest"), "141"),
    ("PROTEST", "riot"): (("Riots", "Violent demonstration"), "145"),
    ("PROTEST", "mob"): (("Riots", "Mob violence"), "145"),
    ("PROTEST", "strike"): (("Protests", "Peaceful protest"), "143"),
    ("PROTEST", "obstruct"): (("Protests", "Peaceful protest"), "144"),
    ("PROTEST", "intervention"): (("Protests", "Protest with intervention"), "141"),
    ("PROTEST", "excessive-force"): (("Protests", "Excessive force against protesters"), "145"),
    ("MOBILIZE", "troops"): ((_SD, "Other"), "154"),
    ("MOBILIZE", "police"): ((_SD, "Other"), "153"),
    ("MOBILIZE", "militia"): ((_SD, "Other"), "154"),
    ("MOBILIZE", "weapons"): ((_SD, "Other"), "154"),
    ("MOBILIZE", "base"): ((_SD, "Headquarters or base established"), "154"),
    ("MOBILIZE", "reorganize"): ((_SD, "Change to group/activity"), "154"),
    ("COERCE", "arrest"): ((_SD, "Arrests"), "173"),
    ("COERCE", "detain"): ((_SD, "Arrests"), "173"),
    ("COERCE", "curfew"): ((_SD, "Other"), "1723"),
    ("COERCE", "ban"): ((_SD, "Other"), "172"),
    ("COERCE", "destroy"): ((_SD, "Looting/property destruction"), "1712"),
    ("COERCE", "seize"): ((_SD, "Looting/property destruction"), "1711"),
    ("COERCE", "deport"): ((_SD, "Other"), "174"),
    ("COERCE", "blockade"): ((_SD, "Other"), "191"),
    ("COERCE", "disrupt"): ((_SD, "Disrupted weapons use"), "1711"),
    ("ASSAULT", "firearms"): (("Battles", "Armed clash"), "190"),
    ("ASSAULT", "heavy-weapons"): ((_ER, "Shelling/artillery/missile attack"), "194"),
    ("ASSAULT", "aerial"): ((_ER, "Air/drone strike"), "195"),
    ("ASSAULT", "explosives"): ((_ER, "Remote explosive/landmine/IED"), "183"),
    ("ASSAULT", "suicide-attack"): ((_ER, "Suicide bomb"), "1831"),
    ("ASSAULT", "grenade"): ((_ER, "Grenade"), "183"),
    ("ASSAULT", "chemical"): ((_ER, "Chemical weapon"), "2041"),
    ("ASSAULT", "assassinate"): ((_VAC, "Attack"), "186"),
    ("ASSAULT", "primitive"): ((_VAC, "Attack"), "182"),
    ("ASSAULT", "massacre"): ((_VAC, "Attack"), "202"),
    ("ASSAULT", "abduct"): ((_VAC, "Abduction/forced disappearance"), "181"),
    ("ASSAULT", "sexual"): ((_VAC, "Sexual violence"), "1821"),
    ("ASSAULT", "territory"): (("Battles", "Non-state actor overtakes territory"), "192"),
    ("ASSAULT", "intercept"): ((_SD, "Disrupted weapons use"), "190"),
    ("ASSAULT", "regain"): (("Battles", "Government regains territory"), "192"),
}

#: the CAMEO root codes (two digits) and their names
CAMEO_ROOTS: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}


def codes(type_: str, mode: str | None, cameo: str | None = None) -> tuple[Acled | None, str]:
    """ACLED category and CAMEO code for a PLOVER type and mode. ``cameo`` is the trigger word's own code: it
    replaces the type's default, and beats a mode's code only when it refines it (same root, more digits)."""
    if type_ not in TYPE_DEFAULTS:
        raise KeyError(f"unknown PLOVER type {type_!r}")
    acled, chosen = TYPE_DEFAULTS[type_]
    if cameo:
        chosen = cameo
    if mode is not None and (type_, mode) in MODE_OVERRIDES:
        acled, mode_cameo = MODE_OVERRIDES[(type_, mode)]
        if not (cameo and cameo[:2] == mode_cameo[:2] and len(cameo) > len(mode_cameo)):
            chosen = mode_cameo
    return (Acled(*acled) if acled else None), chosen


def is_valid_acled(event_type: str, sub_event_type: str) -> bool:
    return sub_event_type in ACLED_TYPES.get(event_type, ())
