"""The event coder over sentences written for these tests (news style), one behaviour per case."""

from __future__ import annotations

from typing import Any

import pytest

from eventscope.events import EventDraft, code_passages
from eventscope.nlp import parse


@pytest.fixture(scope="module")
def code(nlp, kb):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[EventDraft]:
        drafts = code_passages(parse(nlp, text, [("body", 0, len(text))]), kb)
        for d in drafts:  # stand-off invariant: every span is the text it points to
            for s in (d.trigger, d.evidence, *d.actors, *d.quantities):
                assert text[s.start : s.end] == s.text
            if d.attribution:
                assert text[d.attribution.start : d.attribution.end] == d.attribution.text
        return drafts

    return run


def countries(d: EventDraft, role: str) -> set[str]:
    return {a.country for a in d.actors if a.role == role and a.country}


def matches(d: EventDraft, want: dict[str, Any]) -> bool:
    checks = {
        "trigger": lambda: d.trigger.text == want["trigger"],
        "type": lambda: d.type == want["type"],
        "mode": lambda: d.mode == want["mode"],
        "acled": lambda: (
            (d.acled.event_type, d.acled.sub_event_type) == want["acled"] if d.acled else want["acled"] is None
        ),
        "status": lambda: d.status == want["status"],
        "sources": lambda: countries(d, "source") == set(want["sources"]),
        "targets": lambda: countries(d, "target") == set(want["targets"]),
        "quantities": lambda: {(q.kind, q.value) for q in d.quantities} == set(want["quantities"]),
        "attribution": lambda: d.attribution is not None and d.attribution.text == want["attribution"],
        "cameo": lambda: d.cameo == want["cameo"],
    }
    return all(checks[k]() for k in want)


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # joint patrol by two countries' forces, with vehicles and aircraft
    (
        "Armenian and Georgian border guards carried out a joint patrol along the river on Tuesday, "
        "using six armoured vehicles and three helicopters.",
        [
            {
                "trigger": "carried out a joint patrol",
                "type": "COOPERATE",
                "acled": ("Strategic developments", "Other"),
                "cameo": "062",
                "sources": {"ARM", "GEO"},
                "quantities": {("vehicles", 6), ("aircraft", 3)},
            }
        ],
    ),
    # one country's deployment
    (
        "The Ukrainian army sent reinforcements to the town of Pokrovsk on Monday.",
        [{"trigger": "sent reinforcements", "type": "MOBILIZE", "status": "asserted", "sources": {"UKR"}}],
    ),
    (
        "Kenya has deployed 400 police officers to the coastal county.",
        [{"type": "MOBILIZE", "mode": "police", "sources": {"KEN"}, "quantities": {("troops", 400)}}],
    ),
    # clashes between two groups; the killing is part of the clash
    (
        "Heavy clashes broke out between the Sudanese army and the Rapid Support Forces in Omdurman, "
        "killing at least 14 civilians.",
        [
            {
                "trigger": "clashes broke out",
                "type": "ASSAULT",
                "acled": ("Battles", "Armed clash"),
                "sources": {"SDN"},
                "targets": {"SDN"},
                "quantities": {("fatalities", 14)},
            }
        ],
    ),
    (
        "At least nine people were killed when police and protesters clashed in the capital on Friday.",
        [{"trigger": "clashed", "type": "PROTEST", "mode": "riot", "quantities": {("fatalities", 9)}}],
    ),
    (
        "Six soldiers and two militants died in the clashes near the border.",
        [{"type": "ASSAULT", "quantities": {("fatalities", 6), ("fatalities", 2)}}],
    ),
    # air strikes, shelling, an IED
    (
        "Israeli air strikes hit a residential building in the city overnight, killing twenty-five people.",
        [
            {
                "type": "ASSAULT",
                "mode": "aerial",
                "acled": ("Explosions/Remote violence", "Air/drone strike"),
                "sources": {"ISR"},
                "quantities": {("fatalities", 25)},
            }
        ],
    ),
    (
        "Russian forces shelled the city of Kharkiv on Friday, wounding 10 to 15 residents.",
        [
            {
                "trigger": "shelled",
                "acled": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
                "sources": {"RUS"},
                "quantities": {("injured", 10)},
            }
        ],
    ),
    (
        "A roadside bomb attack killed two soldiers in Kunar province.",
        [
            {
                "type": "ASSAULT",
                "acled": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
                "quantities": {("fatalities", 2)},
            }
        ],
    ),
    (
        "At least 10 people were killed when a car bomb went off near a bank in Suwayra.",
        [{"trigger": "went off", "mode": "explosives", "quantities": {("fatalities", 10)}}],
    ),
    (
        "Syrian troops captured two militants near Homs on Sunday.",
        [{"type": "COERCE", "acled": ("Strategic developments", "Arrests"), "sources": {"SYR"}}],
    ),
    (
        "Police and volunteers are patrolling the flooded districts of the city.",
        [{"type": "MOBILIZE", "mode": "police"}],
    ),
    (
        "An improvised explosive device exploded near a police convoy in Mogadishu.",
        [{"type": "ASSAULT", "acled": ("Explosions/Remote violence", "Remote explosive/landmine/IED")}],
    ),
    # protest, riot, arrest
    (
        "Thousands of farmers protested outside the parliament in Paris on Wednesday.",
        [{"type": "PROTEST", "acled": ("Protests", "Peaceful protest"), "quantities": {("crowd", 1000)}}],
    ),
    (
        "Dozens of youths rioted in the suburbs of the city overnight, torching cars.",
        [{"type": "PROTEST", "acled": ("Riots", "Violent demonstration"), "quantities": {("crowd", 12)}}],
    ),
    (
        "Police arrested 32 opposition activists in Minsk on Saturday.",
        [{"type": "COERCE", "acled": ("Strategic developments", "Arrests"), "quantities": {("arrested", 32)}}],
    ),
    # agreement, appeal, planned meeting
    (
        "Ethiopia and Eritrea signed a peace agreement in Jeddah on Sunday.",
        [{"trigger": "signed a peace agreement", "type": "AGREE", "acled": None, "sources": {"ETH", "ERI"}}],
    ),
    (
        "The two sides agreed to a ceasefire on Thursday evening.",
        [{"type": "AGREE", "acled": ("Strategic developments", "Agreement")}],
    ),
    (
        "Germany urged Serbia and Kosovo to de-escalate tensions in the north.",
        [{"trigger": "urged", "type": "REQUEST", "sources": {"DEU"}}],
    ),
    (
        "The foreign ministers of India and China are expected to meet in Moscow next week.",
        [{"type": "CONSULT", "status": "planned", "sources": {"IND", "CHN"}}],
    ),
    (
        "Venezuela plans to hold talks with Guyana in Brasilia next month.",
        [{"trigger": "hold talks", "type": "CONSULT", "status": "planned", "sources": {"VEN"}, "targets": {"GUY"}}],
    ),
    (
        "Iran will hold talks with the IAEA in Vienna next week.",
        [{"trigger": "hold talks", "type": "CONSULT", "status": "planned", "sources": {"IRN"}}],
    ),
    # negation, claims with attribution, hypothetical
    (
        "Pakistani troops did not attack the village, the army said.",
        [{"type": "ASSAULT", "status": "negated", "sources": {"PAK"}}],
    ),
    ("No clashes were reported in the capital on Sunday.", [{"type": "ASSAULT", "status": "negated"}]),
    (
        "Iran has denied that its forces attacked a tanker in the Gulf of Oman.",
        [{"type": "ASSAULT", "status": "negated", "sources": {"IRN"}}],
    ),
    (
        "The Kenyan interior ministry said police had detained more than 200 protesters in Nairobi.",
        [
            {
                "type": "COERCE",
                "status": "claimed",
                "attribution": "The Kenyan interior ministry said",
                "quantities": {("arrested", 200)},
            }
        ],
    ),
    (
        "According to local officials, gunmen abducted nine students from a school in Zamfara state.",
        [
            {
                "type": "ASSAULT",
                "mode": "abduct",
                "status": "claimed",
                "attribution": "According to local officials",
                "quantities": {("abducted", 9)},
            }
        ],
    ),
    (
        "If talks fail, Egypt could launch strikes against militants in Libya.",
        [{"type": "ASSAULT", "status": "hypothetical", "sources": {"EGY"}}],
    ),
    (
        "Al-Shabaab claimed responsibility for an attack on a military base in Lower Shabelle.",
        [{"trigger": "attack", "type": "ASSAULT", "status": "claimed", "sources": {"SOM"}}],
    ),
    (
        "The Taliban claimed responsibility for the bombing, which killed 12 people in Kabul.",
        [{"trigger": "bombing", "mode": "explosives", "sources": {"AFG"}, "quantities": {("fatalities", 12)}}],
    ),
    # passive voice, coordination, several events in one sentence
    (
        "The convoy was attacked by Houthi rebels near Marib.",
        [{"trigger": "attacked", "type": "ASSAULT", "sources": {"YEM"}}],
    ),
    (
        "The Colombian army and the national police launched an offensive against the ELN in Arauca.",
        [{"trigger": "launched an offensive", "type": "ASSAULT", "targets": {"COL"}}],
    ),
    (
        "Turkish jets bombed Kurdish positions near Duhok on Monday, while Iraqi officials condemned the raids.",
        [
            {"trigger": "bombed", "type": "ASSAULT", "mode": "aerial", "sources": {"TUR"}},
            {"trigger": "condemned", "type": "ACCUSE", "sources": {"IRQ"}},
        ],
    ),
    (
        "The Malian junta expelled the French ambassador and sent troops to Kidal.",
        [{"type": "SANCTION", "sources": {"MLI"}, "targets": {"FRA"}}, {"type": "MOBILIZE", "sources": {"MLI"}}],
    ),
    # possessive, prepositional agent, apposition
    ("Russia's forces attacked a village near Bakhmut on Tuesday.", [{"type": "ASSAULT", "sources": {"RUS"}}]),
    (
        "Patrols by Turkish troops resumed near the border town on Monday.",
        [{"type": "MOBILIZE", "sources": {"TUR"}}],
    ),
    (
        "The Chadian president, Mahamat Deby, visited Niger on Monday.",
        [{"trigger": "visited", "type": "CONSULT", "cameo": "042", "sources": {"TCD"}, "targets": {"NER"}}],
    ),
    # crowd violence
    (
        "Two policemen were injured when protesters stoned a patrol car in Nairobi.",
        [{"trigger": "stoned", "type": "PROTEST", "acled": ("Riots", "Violent demonstration")}],
    ),
    (
        "Demonstrators hurled rocks at riot police outside the parliament in Kampala.",
        [{"trigger": "hurled", "type": "PROTEST", "acled": ("Riots", "Violent demonstration")}],
    ),
    (
        "A crowd of residents threw stones at a suspected thief at a market in Kano.",
        [{"trigger": "threw", "type": "PROTEST", "acled": ("Riots", "Mob violence")}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(code, text: str, expected: list[dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    drafts = code(text)
    for want in expected:
        assert any(matches(d, want) for d in drafts), (want, drafts)


@pytest.mark.parametrize(
    "text",
    [
        "Beijing views the American naval presence in the strait as an invasion of its waters.",
        "Critics described the raid as a massacre of innocent villagers.",
        "The minister said the economy had grown by three percent.",
        "The agreement put an end to the attacks on the northern region.",
    ],
)
def test_no_event(code, text: str) -> None:  # type: ignore[no-untyped-def]
    assert code(text) == []


def test_event_anaphora_support_and_continuation(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French and Malian soldiers conducted a joint patrol near Gao on Thursday. The patrol, which included "
        "12 armoured vehicles, returned to base in the evening. The joint patrol was supported by two drones.\n\n"
        "During the patrol, a crowd of villagers threw stones at the soldiers."
    )
    drafts = code(text)
    assert [d.type for d in drafts] == ["COOPERATE", "PROTEST"]
    patrol, stones = drafts
    assert countries(patrol, "source") == {"FRA", "MLI"}
    assert {(q.kind, q.value) for q in patrol.quantities} == {("vehicles", 12), ("aircraft", 2)}
    assert [s.text for s, _ in patrol.support] == [
        "The patrol, which included 12 armoured vehicles, returned to base in the evening.",
        "The joint patrol was supported by two drones.",
    ]
    assert stones.continues == 0
    assert stones.acled is not None and stones.acled.sub_event_type == "Mob violence"


def test_pronoun_coreference_across_sentences(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Nigerian army said on Monday that it had killed 40 Boko Haram fighters in Borno state. "
        "It added that they had seized weapons."
    )
    killed, seized = code(text)
    assert killed.status == seized.status == "claimed"
    it = next(a for a in killed.actors if a.role == "source")
    assert (it.text, it.country, it.via) == ("it", "NGA", "coreference")
    assert seized.attribution is not None and seized.attribution.country == "NGA"
    assert {(q.kind, q.value) for q in killed.quantities} == {("fatalities", 40)}


def test_definite_pair_reference(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Egyptian foreign minister met his Jordanian counterpart in Cairo on Sunday. "
        "The duo discussed the situation in Gaza."
    )
    met, discussed = code(text)
    assert countries(met, "source") == {"EGY"} and countries(met, "target") == {"JOR"}
    assert countries(discussed, "source") == {"EGY", "JOR"}
    assert all(a.via == "coreference" for a in discussed.actors)


def test_quotation_attributed_after_the_quote(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The Greek coast guard said on Friday it had intercepted a boat.\n\n"Talks with the Turkish side '
        'were held earlier. Agreements were reached on joint search operations," it said.'
    )
    drafts = code(text)
    agree = next(d for d in drafts if d.type == "AGREE")
    assert agree.status == "claimed"
    assert agree.attribution is not None and agree.attribution.text == "it said"
    assert agree.attribution.country == "GRC"


def test_confidence_is_not_constant(code) -> None:  # type: ignore[no-untyped-def]
    strong = code("Russian forces shelled the city of Kharkiv on Friday.")[0]
    weak = code("If talks fail, a strike could follow.")
    assert 0 < strong.confidence <= 1
    assert all(w.confidence < strong.confidence for w in weak)


def test_turkey_backed_militants_are_not_turkey(code) -> None:  # type: ignore[no-untyped-def]
    d = code("Clashes erupted between Turkey-backed militants and Kurdish fighters near Manbij.")[0]
    assert "TUR" not in {a.country for a in d.actors}
    assert {a.text for a in d.actors} == {"Turkey-backed militants", "Kurdish fighters"}


def test_default_kb_is_the_real_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ethiopia and Eritrea signed a peace agreement on Sunday."
    (d,) = code_passages(parse(nlp, text, [("body", 0, len(text))]))
    assert countries(d, "source") == {"ETH", "ERI"}


def test_quantities_attach_to_their_own_event(code) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested 12 protesters on Sunday after militants killed three soldiers in an ambush near the border."
    arrest, ambush = code(text)
    assert (arrest.type, ambush.type) == ("COERCE", "ASSAULT")
    assert [(q.kind, q.value) for q in arrest.quantities] == [("arrested", 12)]
    assert [(q.kind, q.value) for q in ambush.quantities] == [("fatalities", 3)]


def test_gerund_subject_restates_an_earlier_event(code) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine said it had moved additional troops to the front. Moving the troops comes ahead of talks between Kyiv and Warsaw."
    moved, talks = code(text)
    assert (
        moved.type == "MOBILIZE"
        and moved.status == "claimed"
        and [s.text for s, _ in moved.support] == ["Moving the troops comes ahead of talks between Kyiv and Warsaw."]
    )
    assert talks.type == "CONSULT" and talks.status == "planned"
    assert countries(talks, "source") == {"UKR"} and countries(talks, "target") == {"POL"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Riot police fired tear gas and water cannon to disperse the crowd outside parliament.",
        "Security forces fired rubber bullets at demonstrators in the capital on Friday.",
    ],
)
def test_crowd_control_is_protest_intervention_not_an_attack(nlp, sentence: str) -> None:
    from eventscope.events import code_passages
    from eventscope.nlp import parse

    drafts = code_passages(parse(nlp, sentence, [("body", 0, len(sentence))]))
    fired = [d for d in drafts if d.trigger.text.startswith("fired")]
    assert fired and fired[0].type == "PROTEST"
    assert fired[0].acled is not None and fired[0].acled.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Police in Abuja arrested twelve protesters on Tuesday.", "NGA"),
        ("Soldiers in Kabul detained a journalist overnight.", "AFG"),
        ("Riot police in Nairobi fired tear gas at marchers.", "KEN"),
        ("Police arrested twelve protesters on Tuesday.", None),
    ],
)
def test_generic_actor_located_by_a_capital_or_country(code, sentence: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    (d,) = code(sentence)
    assert {a.country for a in d.actors if a.role == "source"} == {country}
