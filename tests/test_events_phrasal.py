"""Phrasal, light-verb and argument-checked triggers (rules only): each case one construction of news copy,
with the reading it must get, and look-alikes from other beats that must stay without that event."""

from __future__ import annotations

import pytest

from eventscope.events import EventDraft, code_passages
from eventscope.events.classifier import rules_only
from eventscope.nlp import parse


@pytest.fixture(scope="module")
def code(nlp, kb):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[EventDraft]:
        with rules_only():
            return code_passages(parse(nlp, text, [("body", 0, len(text))]), kb)

    return run


# (sentence, a word of the trigger, PLOVER type, mode)
POSITIVE: list[tuple[str, str, str, str | None]] = [
    ("Air defence units downed three hostile drones over the port city overnight.", "downed", "ASSAULT", "intercept"),
    ("Thousands of teachers downed tools across the country on Monday.", "downed", "PROTEST", "strike"),
    ("Riot police dispersed a crowd of students outside the electoral commission.", "dispersed", "PROTEST",
     "intervention"),
    ("Gunmen snatched two aid workers from their car on the road to the camp.", "snatched", "ASSAULT", "abduct"),
    ("Settlers vandalised a mosque in the village before dawn, residents said.", "vandalised", "COERCE", "destroy"),
    ("Militants destroyed a telecommunications mast outside the town.", "destroyed", "COERCE", "destroy"),
    ("The foreign ministry dismissed the allegations as baseless.", "dismissed", "REJECT", None),
    ("The army denied involvement in the killing of the two farmers.", "denied", "REJECT", None),
    ("The president received a delegation of tribal elders at the palace.", "received", "CONSULT", "host"),
    ("The agency distributed food and blankets to families displaced by the fighting.", "distributed", "AID",
     "humanitarian"),
    ("Police took 25 activists into custody after the sit-down outside the ministry.", "took", "COERCE", "arrest"),
    ("Gunmen took four engineers hostage at the construction site.", "took", "ASSAULT", "abduct"),
    ("Government troops took back the town of Kalo from the rebels.", "took", "ASSAULT", "regain"),
    ("The defence ministry called up 20,000 reservists ahead of the drills.", "called", "MOBILIZE", "troops"),
    ("Army units abandoned their positions near the river as the rebels advanced.", "abandoned", "RETREAT",
     "withdraw"),
    ("Bus drivers walked off the job in the capital on Monday over pay.", "walked", "PROTEST", "strike"),
    ("Ten fighters laid down their arms at a ceremony in the district headquarters.", "laid", "RETREAT", "disarm"),
    ("Masked men gunned down a local councillor outside his home.", "gunned", "ASSAULT", "firearms"),
    ("A rocket landed near the airport perimeter, the army said.", "landed", "ASSAULT", "heavy-weapons"),
    ("Two drones hit a fuel depot on the outskirts of the city.", "hit", "ASSAULT", "aerial"),
    ("An army truck hit a roadside mine near the border.", "hit", "ASSAULT", "explosives"),
    ("Police broke up a rally of opposition supporters near the parliament.", "broke", "PROTEST", "intervention"),
    ("The government severed ties with its neighbour over the border dispute.", "severed", "SANCTION", None),
    ("The country halted all trade with its neighbour until further notice.", "halted", "SANCTION", None),
    ("The junta reopened the border crossing to humanitarian convoys.", "reopened", "CONCEDE", "ease"),
    ("The government ruled out any mediation by the regional bloc.", "ruled", "REJECT", None),
    ("The ministry sought the extradition of the former governor.", "sought", "REQUEST", None),
    ("Government forces drove the militants out of three villages.", "drove", "ASSAULT", "regain"),
    ("The patrol came under fire from gunmen hidden in the forest.", "came", "ASSAULT", "firearms"),
    ("Rebel fighters wrested control of the airport from the army.", "wrested", "ASSAULT", "territory"),
    ("Army engineers restored control over the main highway after a week.", "restored", "ASSAULT", "regain"),
    ("Two armed factions merged into a single movement last month.", "merged", "COOPERATE", "merge"),
    ("The armed group announced it was dissolving itself after forty years.", "dissolving", "RETREAT", "disband"),
    ("The ministry issued an ultimatum to the striking miners.", "ultimatum", "THREATEN", None),
    ("Nurses at the central hospital held a strike over unpaid wages.", "strike", "PROTEST", "strike"),
    ("Students attacked a police post with sticks after the ruling.", "attacked", "PROTEST", "riot"),
    ("A man accused of theft was beaten to death by a mob at the market.", "beaten", "PROTEST", "mob"),
    ("Security forces shot dead three men during a demonstration against the tax.", "shot", "PROTEST",
     "excessive-force"),
    ("Kidnappers seized a priest on the road to the mission.", "seized", "ASSAULT", "abduct"),
    ("A suicide bomber drove a van packed with explosives into the base.", "drove", "ASSAULT", "suicide-attack"),
    ("Security forces neutralised an explosive device planted near the bridge.", "neutralised", "COERCE", "disrupt"),
    ("The two presidents held a phone call about the border crisis.", "call", "CONSULT", "phone"),
    ("The armed group announced a new commander after the death of its leader.", "announced", "MOBILIZE",
     "reorganize"),
    ("About 200 nurses staged a sit-in outside the health ministry.", "sit", "PROTEST", "obstruct"),
    ("The embassy handed over medical equipment to the regional hospital.", "handed", "AID", "humanitarian"),
    ("The police handed over three suspects to the neighbouring country.", "handed", "COOPERATE", "judicial"),
    ("Two rebel factions joined forces to fight the army in the north.", "joined", "COOPERATE", "merge"),
    ("Police rounded up dozens of migrants near the station.", "rounded", "COERCE", "arrest"),
    ("Villagers beat a man they accused of stealing goats.", "beat", "PROTEST", "mob"),
]


@pytest.mark.parametrize(("text", "word", "type_", "mode"), POSITIVE)
def test_phrasal_trigger(code, text: str, word: str, type_: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    found = [(d.type, d.mode) for d in code(text) if word in d.trigger.text]
    assert (type_, mode) in found, found


# (sentence, a word that must not start an event of this type): the same words in other registers
NEGATIVE: list[tuple[str, str, str]] = [
    ("The airline will suspend flights to the island during the winter because of weak demand.", "suspend",
     "SANCTION"),
    ("Shareholders will receive one new share for every four they hold.", "receive", "AID"),
    ("The retailer came under fire from investors after it cut its dividend.", "came", "ASSAULT"),
    ("The striker declined an invitation to join the national squad.", "declined", "REJECT"),
    ("Wildfires destroyed hundreds of homes in the hills above the town.", "destroyed", "COERCE"),
    ("The opening batsman's innings was destroyed by a spell of fast bowling.", "destroyed", "COERCE"),
    ("The bank targeted a return on equity of 12 percent for next year.", "targeted", "ASSAULT"),
    ("The prices of wheat hit a two-year high on Tuesday.", "hit", "ASSAULT"),
    ("Fog dispersed by mid-morning, allowing flights to resume.", "dispersed", "PROTEST"),
    ("The defendant pleaded guilty to fraud at the crown court.", "pleaded", "REQUEST"),
    ("The club dismissed its manager after a run of defeats.", "dismissed", "REJECT"),
    ("The army denied that its troops had shelled the village.", "denied", "REJECT"),
    ("Hundreds took part in the protest against the new tax.", "took", "ASSAULT"),
    ("The chief executive will receive a base salary of two million dollars.", "receive", "AID"),
    ("Apple shares rose ahead of the developer conference next week.", "conference", "CONSULT"),
    ("The regulator decommissioned the old coal plant last year.", "decommissioned", "RETREAT"),
    ("The company announced a new chief executive on Monday.", "announced", "MOBILIZE"),
    ("Analysts called the deal a bold move for the group.", "deal", "AGREE"),
    ("Villagers beat a man they accused of stealing goats.", "accused", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "word", "type_"), NEGATIVE)
def test_no_event_in_other_registers(code, text: str, word: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in code(text) if word in d.trigger.text and d.type == type_]
