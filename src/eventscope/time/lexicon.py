"""Vocabulary of English time expressions, as data: the tagger builds its patterns from these tables."""

from __future__ import annotations

from ..numbers import CARDINALS, TENS

#: month names and abbreviations -> month number
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: month words that are also common English words: a bare mention needs a time context
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "mar", "jan", "jun", "dec", "sep", "oct", "aug", "apr", "feb"})

#: weekday names -> ISO weekday (Monday = 1)
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

#: weekday abbreviations accepted only inside a full date ("Mon., Dec. 28, 2020")
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

#: number words -> value (used in durations, "ago" and anchored expressions)
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, **CARDINALS, **TENS, "hundred": 100, "a hundred": 100, "a dozen": 12}

#: vague quantities: a duration with an unknown count ("several days" -> P XD)
VAGUE_NUMBERS: frozenset[str] = frozenset({"several", "a few", "few", "many", "a couple of"})

#: words between a count and its unit that keep it a measure ("two more weeks", "eight trading days")
UNIT_ADJECTIVES: frozenset[str] = frozenset({
    "more", "additional", "further", "extra", "trading", "business", "working", "full", "straight", "consecutive",
})

#: calendar units -> TIMEX3 duration letter; hours and minutes are time units (PT...)
UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "fortnight": "FN", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE",
}

#: unit -> the precision of an interval measured in that unit
UNIT_PRECISION: dict[str, str] = {
    "S": "day", "MIN": "day", "H": "day", "D": "day", "W": "week", "FN": "week", "M": "month",
    "Y": "year", "DE": "decade", "CE": "decade",
}

#: parts of the day -> TIMEX3 suffix
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI", "noon": "MI",
    "overnight": "NI", "dawn": "MO", "dusk": "EV",
}

#: holidays -> rule: ("fixed", month, day), ("nth", month, ISO weekday, n; -1 = last), ("easter", days from Easter
#: Sunday), ("election", 11, 0): the US election day, the Tuesday after the first Monday in November
HOLIDAYS: dict[str, tuple[str, int, int, int]] = {
    "new year's day": ("fixed", 1, 1, 0), "new year's eve": ("fixed", 12, 31, 0), "new year's": ("fixed", 1, 1, 0),
    "christmas": ("fixed", 12, 25, 0), "christmas day": ("fixed", 12, 25, 0), "christmas eve": ("fixed", 12, 24, 0),
    "boxing day": ("fixed", 12, 26, 0), "valentine's day": ("fixed", 2, 14, 0), "halloween": ("fixed", 10, 31, 0),
    "independence day": ("fixed", 7, 4, 0), "fourth of july": ("fixed", 7, 4, 0), "bastille day": ("fixed", 7, 14, 0),
    "veterans day": ("fixed", 11, 11, 0), "armistice day": ("fixed", 11, 11, 0), "remembrance day": ("fixed", 11, 11, 0),
    "may day": ("fixed", 5, 1, 0), "labour day": ("fixed", 5, 1, 0), "international women's day": ("fixed", 3, 8, 0),
    "martin luther king day": ("nth", 1, 1, 3), "presidents' day": ("nth", 2, 1, 3), "presidents day": ("nth", 2, 1, 3),
    "memorial day": ("nth", 5, 1, -1), "labor day": ("nth", 9, 1, 1), "columbus day": ("nth", 10, 1, 2),
    "thanksgiving": ("nth", 11, 4, 4), "thanksgiving day": ("nth", 11, 4, 4), "mother's day": ("nth", 5, 7, 2),
    "father's day": ("nth", 6, 7, 3), "election day": ("election", 11, 0, 0),
    "easter": ("easter", 0, 0, 0), "easter sunday": ("easter", 0, 0, 0), "easter monday": ("easter", 1, 0, 0),
    "good friday": ("easter", -2, 0, 0), "palm sunday": ("easter", -7, 0, 0), "ash wednesday": ("easter", -46, 0, 0),
}

#: years and decades in words ("nineteen ninety-six", "the nineties")
CENTURY_WORDS: dict[str, int] = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
    "nineties": 90,
}

#: time zone abbreviations that may follow a clock time
TIME_ZONES: frozenset[str] = frozenset({
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "local time",
})

#: seasons -> TIMEX3 season code
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

#: season code -> (first month, number of months); winter starts in December of the season's year
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}

#: quarters
QUARTERS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

#: deictic day words -> offset in days from the anchor
DEICTIC_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

#: fixed references with no interval
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "current": "PRESENT_REF",
    "more recently": "PAST_REF", "then current": "PAST_REF",
}
#: not tagged, as in TimeML: "previously", "formerly", "soon", "shortly" (they order events, they do not date them)
#: references tagged only after "in" (the span leaves "in" out, as TimeML does)
IN_REFERENCES: dict[str, str] = {
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant past": "PAST_REF", "the recent past": "PAST_REF",
}

#: modifiers before a period -> TIMEX3 mod ("early December", "mid-2019", "the end of the month")
PERIOD_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "the first half of": "FIRST_HALF",
    "mid": "MID", "the middle of": "MID", "middle of": "MID",
    "late": "END", "the end of": "END", "end of": "END", "the second half of": "SECOND_HALF", "the close of": "END",
}

#: direction words that point back in anchored expressions ("two years before the war", "a year earlier")
BEFORE_WORDS: frozenset[str] = frozenset({"before", "earlier", "prior to", "ago"})

#: signals just before an expression that turn it into an open interval
SIGNAL_MODS: dict[str, str] = {
    "since": "SINCE", "until": "BEFORE", "till": "BEFORE", "before": "BEFORE", "by": "ON_OR_BEFORE",
    "after": "AFTER", "from": "SINCE", "as of": "SINCE", "as early as": "ON_OR_BEFORE",
}

#: set expressions
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "biweekly": "P2W",
}

#: words after "daily", "weekly"... that keep it an adverb ("rose 2% daily and ...") rather than an adjective
FUNCTION_WORDS: frozenset[str] = frozenset({
    "and", "or", "but", "to", "in", "on", "at", "for", "by", "from", "with", "since", "until", "as", "the", "a",
    "an", "this", "that", "while", "when", "if", "than", "over", "during", "after", "before", "is", "are",
    "was", "were", "basis",
})

#: words that make a sentence about a company's results, where "the quarter" and "a year ago" are reporting periods
FINANCIAL_WORDS: frozenset[str] = frozenset({
    "earnings", "earned", "profit", "profits", "revenue", "revenues", "sales", "loss", "losses", "net", "income",
    "share", "shares", "results", "fiscal", "dividend", "cents", "dollars", "million", "billion", "output",
    "quarterly", "operating", "margin", "margins", "turnover", "assets", "deficit", "surplus", "growth", "gdp",
})

#: tense cues: auxiliaries and phrases that put a clause in the future
FUTURE_CUES: tuple[str, ...] = (
    "will", "won't", "'ll", "shall", "would", "is expected to", "are expected to", "was expected to",
    "were expected to", "is due to", "are due to", "is scheduled to", "are scheduled to", "was scheduled to",
    "is set to", "are set to", "plans to", "plan to", "planned to", "intends to", "is to", "are to",
    "is going to", "are going to", "was going to", "upcoming", "scheduled for", "due to begin", "next",
    "expected", "scheduled", "expects to", "expect to", "hopes to", "hope to", "aims to", "deadline", "expire",
    "expires", "payable", "effective",
)
#: tense cues for the past (besides verbs ending in -ed)
PAST_CUES: tuple[str, ...] = (
    "was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "gave", "met", "began", "left",
    "fell", "held", "sent", "saw", "won", "lost", "hit", "shot", "struck", "fought", "fled", "led", "ran", "set off",
    "broke", "spoke", "wrote", "ago", "last", "earlier", "killed", "wounded",
)

#: words ending in -ed that are usually adjectives, not past verbs ("preferred shares", "armed men")
ED_ADJECTIVES: frozenset[str] = frozenset({
    "preferred", "based", "limited", "united", "related", "armed", "detailed", "advanced", "proposed", "planned",
    "expected", "scheduled", "so-called", "concerned", "interested", "unidentified", "unnamed", "unspecified",
    "undisclosed", "anticipated", "deceased", "alleged", "suspected", "sophisticated", "talented", "experienced",
    "balanced", "crowded", "isolated", "supposed", "red", "bed", "shed", "need", "feed", "speed", "seed", "breed",
    "hundred", "kindred", "sacred", "wicked", "naked", "rugged", "ragged", "beloved", "learned",
})

#: nouns after a bare number that mean it is a count, not a year ("2000 troops")
COUNT_NOUNS: frozenset[str] = frozenset({
    "people", "persons", "troops", "soldiers", "civilians", "men", "women", "children", "refugees", "fighters",
    "militants", "police", "officers", "vehicles", "tanks", "members", "dollars", "euros", "pounds", "tons",
    "tonnes", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "families", "homes", "houses",
    "shares", "votes", "workers", "students", "protesters", "demonstrators", "residents", "prisoners", "deaths",
    "cases", "rounds", "rockets", "missiles", "shells", "units", "times", "hours", "days", "barrels", "jobs",
})

#: further words that can start or make a time expression (the tagger only looks near these and the tables above)
KEYWORDS: frozenset[str] = frozenset({
    "quarter", "weekend", "daily", "nightly", "annually", "noon", "midnight", "century", "now", "currently",
    "present", "nowadays", "moment", "recently", "lately", "past", "recent", "current",
    "future", "period", "nineteen", "eighteen", "thousand", *DECADE_WORDS,
    "christmas", "easter", "halloween", "thanksgiving",  # the other holidays hold "day" or a weekday
})

#: words before a bare four-digit number that make it an identifier, not a year ("resolution 2042", "flight 1549")
NUMBER_LABELS: frozenset[str] = frozenset({
    "resolution", "resolutions", "no", "number", "nos", "route", "highway", "flight", "room", "article", "section",
    "chapter", "page", "pages", "code", "model", "unit", "battalion", "brigade", "division", "regiment", "squadron",
    "bus", "train", "line", "road", "street", "house", "bill", "law", "decree", "order", "case", "file", "box",
    "apartment", "building", "block", "plot", "km", "kilometre", "kilometer", "hill", "height", "point", "level",
})
