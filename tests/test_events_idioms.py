"""Idioms of news copy (events/idioms.py), headline verbs the tagger reads as nouns, joint operations, and the
background penalty of the confidence (coder.dominated): each case a sentence of its own, with look-alikes from
other beats that must not get the idiom's event."""

from __future__ import annotations

import pytest

from eventscope.events import EventDraft, code_passages
from eventscope.events.classifier import rules_only
from eventscope.events.idioms import IDIOM_LEMMAS, IDIOMS
from eventscope.events.ontology import PLOVER_MODES
from eventscope.events.triggers import TRIGGER_LEMMAS
from eventscope.nlp import parse


@pytest.fixture(scope="module")
def code(nlp, kb):  # type: ignore[no-untyped-def]
    def run(text: str, rules: bool = False) -> list[EventDraft]:
        passages = parse(nlp, text, [("body", 0, len(text))])
        if rules:
            with rules_only():
                return code_passages(passages, kb)
        return code_passages(passages, kb)

    return run


def main_type(drafts: list[EventDraft]) -> str | None:
    kept = [d for d in drafts if d.status not in ("negated", "hypothetical")]
    return max(kept, key=lambda d: d.confidence).type if kept else None


def test_idioms_are_valid_and_prefiltered() -> None:
    for idiom in IDIOMS:
        assert idiom.sense.mode is None or idiom.sense.mode in PLOVER_MODES[idiom.sense.type]
        assert idiom.prt or idiom.obj or idiom.prep or idiom.xcomp or idiom.gerund or idiom.inside or idiom.subj, idiom
    assert IDIOM_LEMMAS <= TRIGGER_LEMMAS  # the sentence pre-filter lets them through


# (sentence, PLOVER type of its main event)
CASES: list[tuple[str, str]] = [
    ('The two rebel factions struck a deal to share control of the border crossing.', 'AGREE'),
    ('Delegates put their signatures to the accord at a ceremony in Addis Ababa.', 'AGREE'),
    ('The militia accepted a ceasefire brokered by tribal elders on Sunday.', 'AGREE'),
    ('The governor lashed out at the federal police over the botched raid.', 'ACCUSE'),
    ('The opposition pointed the finger at the army for the disappearance of the activists.', 'ACCUSE'),
    ('Prosecutors filed charges against four former ministers over the arms deal.', 'ACCUSE'),
    ('The cleric railed against the government in a sermon on Friday.', 'ACCUSE'),
    ('The regional bloc threw its weight behind the transitional council.', 'SUPPORT'),
    ('Several Gulf states expressed solidarity with Qatar after the strike.', 'SUPPORT'),
    ('The veteran senator came out in support of the peace plan.', 'SUPPORT'),
    ('The president heaped praise on the army for its conduct in the north.', 'SUPPORT'),
    ('Lawmakers voted against the extension of the state of emergency.', 'REJECT'),
    ('The rebels declined to attend the talks in Nairobi.', 'REJECT'),
    ('The prime minister ruled out negotiating with the armed group.', 'REJECT'),
    ('China cast its veto on the draft resolution on Myanmar.', 'REJECT'),
    ('Thousands of teachers took to the streets of Lagos over unpaid salaries.', 'PROTEST'),
    ('The junta lifted the curfew in the capital on Monday.', 'CONCEDE'),
    ('The authorities dropped all charges against the detained journalists.', 'CONCEDE'),
    ('The government bowed to pressure from the unions and withdrew the fuel tax.', 'CONCEDE'),
    ('The president granted amnesty to 300 former fighters.', 'CONCEDE'),
    ('Soldiers cut off all roads into the besieged town.', 'COERCE'),
    ('The interior ministry banned all rallies in the capital for a month.', 'COERCE'),
    ('The UN envoy shuttled between the two delegations in Geneva.', 'CONSULT'),
    ('The Turkish foreign minister arrived in Baghdad for talks on water sharing.', 'CONSULT'),
    ('The two countries began sharing intelligence on smuggling networks.', 'COOPERATE'),
    ('Kenyan and Somali troops conducted a joint sweep of the forest near the border.', 'COOPERATE'),
    ('Villagers formed militias to protect their farms from cattle raiders.', 'MOBILIZE'),
    ('The army scaled back its presence in the northern districts.', 'RETREAT'),
    ('Washington slapped sanctions on three militia commanders.', 'SANCTION'),
    ('The government declared two foreign diplomats persona non grata.', 'SANCTION'),
    ('The EU placed five companies on its sanctions list.', 'SANCTION'),
    ('The armed group served notice that it would attack any convoy on the highway.', 'THREATEN'),
    ('The defence minister rattled the sabre in a speech to officers.', 'THREATEN'),
    ('The Gulf state supplied the militia with drones and ammunition.', 'AID'),
]


@pytest.mark.parametrize(("text", "type_"), CASES)
def test_idiom_is_coded(code, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(code(text)) == type_


# (sentence, a type it must not get from the rules): the same verbs without the idiom's parts
LOOKALIKES: list[tuple[str, str]] = [
    ("The utility asked the regulator to raise electricity tariffs by six percent.", "SANCTION"),
    ("The board voted to accept the revised offer from the buyout group.", "AGREE"),
    ("The band took to the stage shortly after midnight.", "PROTEST"),
    ("The shop placed an order for new shelves on Monday.", "SANCTION"),
    ("The striker declined an invitation to join the national squad.", "REJECT"),
    ("The hikers cut off a corner of the trail to save time.", "COERCE"),
]


@pytest.mark.parametrize(("text", "type_"), LOOKALIKES)
def test_lookalike_is_not_coded(code, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert type_ not in {d.type for d in code(text, rules=True)}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Turkey halts all trade with Israel until Gaza ceasefire", "SANCTION"),
        ("Erdogan rails against Netanyahu at Istanbul rally", "ACCUSE"),
        ("Maldives declines Indian request to keep troops", "REJECT"),
    ],
)
def test_headline_verb_read_as_noun(code, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(code(text, rules=True)) == type_


def test_headline_of_another_beat_stays_empty(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Sugar prices battle to hold gains as output forecast raised", rules=True) == []


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        ("The Sahel alliance expressed solidarity with the junta after the bloc threatened military intervention.",
         "SUPPORT", "THREATEN"),
        ("The government appealed to the international community to impose sanctions on its neighbour.",
         "REQUEST", "SANCTION"),
        ("Villagers took to the streets on Thursday to denounce the army's failure to protect them.",
         "PROTEST", "ACCUSE"),
    ],
)
def test_background_event_ranks_below_the_main_one(code, text: str, main: str, background: str) -> None:  # type: ignore[no-untyped-def]
    drafts = code(text)
    conf = {d.type: d.confidence for d in drafts}
    assert main in conf
    assert conf.get(background, 0.0) < conf[main]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The rebels said they would not sign the declaration in its current form.", "claimed"),
        ("The junta will not recognise the new government in the capital.", "asserted"),
    ],
)
def test_negated_agreeing_act_with_a_modal_is_a_refusal(code, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    drafts = code(text, rules=True)
    assert [(d.type, d.status) for d in drafts] == [("REJECT", status)]


def test_plain_negation_stays_negated(code) -> None:  # type: ignore[no-untyped-def]
    drafts = code("The government did not sign the accord on Monday.", rules=True)
    assert drafts and all(d.type != "REJECT" and d.status == "negated" for d in drafts)
