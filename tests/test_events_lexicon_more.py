"""The wider news vocabulary (events/lexicon_more.py): valid entries, and each kind of word read as its type by the
full coder (rules and classifier) in a sentence of its own."""

from __future__ import annotations

import pytest

from eventscope.events import EventDraft, code_passages
from eventscope.events import lexicon as L
from eventscope.events.lexicon_more import MORE_LEMMA_FIXES, MORE_NOUNS, MORE_VERBS
from eventscope.events.ontology import PLOVER_MODES
from eventscope.nlp import parse


@pytest.fixture(scope="module")
def main_type(nlp, kb):  # type: ignore[no-untyped-def]
    def run(text: str) -> str | None:
        drafts: list[EventDraft] = code_passages(parse(nlp, text, [("body", 0, len(text))]), kb)
        kept = [d for d in drafts if d.status not in ("negated", "hypothetical")]
        return max(kept, key=lambda d: d.confidence).type if kept else None

    return run


@pytest.mark.parametrize("table", [MORE_VERBS, MORE_NOUNS])
def test_entries_are_valid_senses(table: dict) -> None:
    for lemma, (type_, mode, cameo, strength) in table.items():
        assert type_ in PLOVER_MODES, lemma
        assert mode is None or mode in PLOVER_MODES[type_], lemma
        assert cameo is None or cameo.isdigit(), lemma
        assert 0.0 < strength < 0.9, lemma  # weaker than the core words


def test_entries_add_words_the_core_lacks() -> None:
    """Every entry is read with its own sense: none repeats a core word (the core's sense would win, and the entry
    would be dead data)."""
    for table, more in ((L.VERB_TRIGGERS, MORE_VERBS), (L.NOUN_TRIGGERS, MORE_NOUNS)):
        for lemma, sense in more.items():
            assert table[lemma] == L.Sense(*sense), lemma
    assert all(L.LEMMA_FIXES[form] == lemma for form, lemma in MORE_LEMMA_FIXES.items())


# (sentence, PLOVER type of its main event)
CASES: list[tuple[str, str]] = [
    ('The opposition leader rebuked the interior minister over the handling of the floods.', 'ACCUSE'),
    ('Rights groups castigated the junta for jailing the journalists.', 'ACCUSE'),
    ('The foreign ministry decried the raid as a flagrant breach of international law.', 'ACCUSE'),
    ('A federal grand jury indicted the former governor on bribery charges.', 'ACCUSE'),
    ('The senator lambasted the defence secretary during a heated hearing on Thursday.', 'ACCUSE'),
    ('Warplanes strafed a convoy of pickup trucks on the desert road, witnesses said.', 'ASSAULT'),
    ('Gunmen bludgeoned two farmers to death near the village of Kala.', 'ASSAULT'),
    ('Government troops counterattacked near the town after losing two positions overnight.', 'ASSAULT'),
    ('Police nabbed a suspected smuggler at the border crossing on Friday.', 'COERCE'),
    ('The authorities evicted dozens of families from an informal settlement in the capital.', 'COERCE'),
    ('The regime outlawed the main opposition party last week.', 'COERCE'),
    ('Security forces cordoned off the university campus before dawn.', 'COERCE'),
    ('The central bank unfroze the accounts of the opposition newspaper.', 'CONCEDE'),
    ('The prime minister resigned on Tuesday after weeks of protests.', 'CONCEDE'),
    ('The president paroled forty political prisoners to mark independence day.', 'CONCEDE'),
    ("The rebels spurned the government's offer of an amnesty.", 'REJECT'),
    ("The party repudiated its former leader's remarks on the border.", 'REJECT'),
    ('Hundreds of traders defied a ban on street markets in the city centre.', 'REJECT'),
    ('Church leaders beseeched both sides to spare the civilians trapped in the town.', 'REQUEST'),
    ('Relatives of the missing sailors petitioned the court to reopen the inquiry.', 'REQUEST'),
    ('The junta marshalled thousands of troops along the northern frontier.', 'MOBILIZE'),
    ('Military commanders fortified positions around the provincial capital.', 'MOBILIZE'),
    ('Dock workers picketed the port gates for a third day.', 'PROTEST'),
    ('The regulator penalized three banks for dealing with the sanctioned firm.', 'SANCTION'),
    ('Armed men intimidated voters outside polling stations in the district.', 'THREATEN'),
    ('The union extolled the new labour law as a victory for workers.', 'SUPPORT'),
    ('Delegates from both factions conferred in Doha for a second day.', 'CONSULT'),
    ('The two navies collaborated on a search for the missing trawler.', 'COOPERATE'),
]


@pytest.mark.parametrize(("text", "type_"), CASES)
def test_wider_vocabulary_is_coded(main_type, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert main_type(text) == type_
