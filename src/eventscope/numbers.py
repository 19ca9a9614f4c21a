"""English number words, shared by the stages that read counts: events (casualties), time (durations) and places
(distances). Each stage adds its own reading of vague amounts ("several" is 10 casualties in ACLED's codebook but
about 5 km as a distance), so only the exact words live here."""

from __future__ import annotations

#: one ... nineteen
CARDINALS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen".split(),
        start=1,
    )
}
#: twenty ... ninety
TENS: dict[str, int] = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
