"""Find time expressions in text with patterns built from the lexicon (no spaCy): spans plus the parts matched."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..numbers import CARDINALS, TENS
from . import lexicon as lx


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression found in the text, before normalisation."""

    start: int
    end: int
    rule: str
    parts: dict[str, str] = field(default_factory=dict)  # named groups that matched (lower-cased, spaces folded)
    signal: str | None = None  # "since", "until", ... just before the expression


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_ABBREVIATIONS = [a for a in lx.MONTHS if any(n != a and n.startswith(a) for n in lx.MONTHS)]
_MONTH = rf"(?P<month>{_alt(n for n in lx.MONTHS if n not in _ABBREVIATIONS)}|(?:{_alt(_ABBREVIATIONS)})\.?)"
_WD = rf"(?P<wd>{_alt(lx.WEEKDAYS)})"
_WD_PREFIX = rf"(?:(?:{_alt(lx.WEEKDAYS)}|(?:{_alt(lx.WEEKDAY_ABBREVIATIONS)})\.?),?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
_PMOD = r"(?:(?P<pmod>early|late|mid|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+end\s+of|" \
        r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|beginning\s+of|end\s+of)(?:\s*-\s*|\s+))?"
_TENS = "|".join(TENS)
_ONES = "|".join(w for w, n in CARDINALS.items() if n < 10)
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*|(?:{_TENS})[- ](?:{_ONES})|{_alt(lx.NUMBER_WORDS)}|{_alt(lx.VAGUE_NUMBERS)})"
_UNIT = rf"(?P<unit>{_alt(lx.UNITS)})(?:s|es)?"
_UNIT_PLURAL = r"(?P<unit>second|minute|hour|day|week|month|year|decade)s"
_APPROX = r"(?:(?P<approx>about|around|nearly|almost|some|roughly|approximately|more\s+than|over|at\s+least|" \
          r"less\s+than|up\s+to|just|only|another)\s+)?"
_UNIT_ADJ = rf"(?:(?:{_alt(lx.UNIT_ADJECTIVES)})\s+)?"
#: a measured stretch of time: "about two weeks", "eight trading days", "at least 20 more years"
MEASURE = rf"\b{_APPROX}{_NUM}(?P<half>\s+1/2|[\s-]+and[\s-]+a[\s-]+half)?[\s-]+{_UNIT_ADJ}{_UNIT}" \
          rf"(?P<half2>\s+and\s+a\s+half)?"
_POD = rf"(?P<pod>{_alt(lx.PARTS_OF_DAY)})"
_SEASON = rf"(?P<season>{_alt(lx.SEASONS)})"
_REL = r"(?P<rel>this\s+coming|last|this|next|coming|past)"
_UREL = r"(?P<rel>the\s+past|the\s+previous|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+current|" \
        r"this\s+coming|last|this|next|past|previous|coming|current|following|the)"
_END = r"(?![\w])"

#: (rule name, pattern); the longest match wins where matches overlap, then the earlier rule
RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    ("numeric", r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/]|\.\d)"),
    ("dmy", rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}{_END}"),
    ("mdy", rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_END}"),
    ("dm", rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_END}"),
    ("md", rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}{_END}(?!\s*[,:.]?\d)"),
    ("my", rf"\b{_PMOD}{_MONTH},?\s+(?:of\s+)?{_YEAR}{_END}"),
    ("month", rf"\b{_PMOD}(?:{_REL}\s+)?{_MONTH}{_END}"),
    ("year", rf"(?<![\d$€£#.,])\b{_PMOD}{_YEAR}{_END}(?!\s*%|-\d|/\d|\.\d|,\d)"),
    ("decade", rf"(?<![\d$€£#])\b{_PMOD}(?P<dec>(?:1[0-9]|20)\d0)'?s{_END}"),
    ("holiday", rf"\b(?P<holiday>{_alt(lx.HOLIDAYS)})(?:,?\s+{_YEAR})?{_END}"),
    ("word_year", rf"\b(?:(?P<cent>{_alt(lx.CENTURY_WORDS)})[\s-]+(?P<rest>(?:{_TENS})(?:[\s-](?:{_ONES}))?|"
                  rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                  rf"|\bthe\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<rest2>{_ONES}|ten))?){_END}"),
    ("word_decade", rf"\bthe\s+{_PMOD}(?:(?:nineteen[\s-])?(?P<dw>{_alt(lx.DECADE_WORDS)})|'(?P<d2>[1-9]0)s)"
                    rf"{_END}"),
    ("season", rf"\b{_PMOD}(?:{_REL}\s+)?{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?{_END}"),
    ("quarter", rf"\b(?:the\s+)?(?:(?P<pyear>(?:1[0-9]|20)\d\d)\s+|(?P<qrel>this|last|next)\s+year'?s\s+)?"
                rf"(?P<q>{_alt(lx.QUARTERS)})[\s-]+quarter(?:\s+of\s+(?:{_YEAR}|(?P<ofrel>this|last|next)\s+year))?{_END}"),
    ("year_ago", rf"\b(?:(?:(?:the|a)\s+(?:(?:comparable|same|corresponding)\s+)?)?year[\s-](?:ago|earlier)\s+"
                 rf"(?:(?P<q>{_alt(lx.QUARTERS)})[\s-]+)?(?P<unit>quarter|period){_END}"
                 rf"|year[\s-](?:ago|earlier)(?=\s+[a-z]))"),
    ("the_quarter", rf"\b(?:(?P<lyr>last\s+year'?s)|the|that)\s+(?:(?:latest|most\s+recent|same|comparable|"
                    rf"corresponding|just[\s-]+ended)\s+)?(?:(?P<pyear>(?:1[0-9]|20)\d\d)\s+)?"
                    rf"(?P<unit>quarter|period){_END}(?!\s+of\b)(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|"
                    rf"last\s+year){_END})?"),
    ("weekday", rf"\b(?:{_REL}\s+)?(?:(?P<dmod>early|late|earlier|later)(?:\s+on)?\s+)?{_WD}(?:\s+{_POD})?{_END}"),
    ("named_today", rf"\b(?P<deictic>today|tonight|yesterday|tomorrow)\s*\(\s*{_WD}\s*\)"),
    ("deictic", rf"\b(?:(?P<dmod>early|late|earlier|later)\s+)?(?P<deictic>today|tonight|yesterday|tomorrow)"
                rf"(?:\s+{_POD})?{_END}"),
    ("day_part", rf"\b(?P<rel>this|last|late\s+last|early\s+this|late\s+this)\s+{_POD}{_END}"),
    ("rel_unit", rf"\b(?:(?P<dmod>earlier|later|early|late)\s+)?{_UREL}\s+"
                 rf"(?P<unit>week|weekend|month|year|quarter|decade|fortnight){_END}"),
    ("edge_unit", rf"\b(?P<pmod>the\s+end|the\s+beginning|the\s+start|the\s+middle|the\s+first\s+half|"
                  rf"the\s+second\s+half)\s+of\s+(?P<rel>the|this|last|next)\s+(?P<unit>week|month|year){_END}"),
    ("ago", rf"{MEASURE}\s+(?P<dir>ago){_END}"),
    ("anchored", rf"{MEASURE}\s+(?:(?P<dir>later|earlier|afterwards)|"
                 rf"(?P<prep>before|after)(?:\s+(?P<np>the\s+[a-z]+))?){_END}"),
    ("rel_num", rf"\b(?P<rel>the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+following|"
                rf"past|previous|next|coming|following)\s+{_NUM}\s+{_UNIT}{_END}"),  # bare "last" is a verb
    ("duration", rf"{MEASURE}(?P<adj>-long)?{_END}(?!-old|\s+old\b)"),
    ("vague_duration", rf"\b(?P<rel>recent|coming|past)\s+{_UNIT_PLURAL}{_END}"),
    ("century", rf"\b(?:the\s+|this\s+)?{_PMOD}(?P<ord>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century{_END}"
                rf"|\bthis\s+century{_END}"),
    ("year_end", rf"\b(?:the\s+)?(?:year[\s-]end|year'?s\s+end)(?:\s+(?P<year>(?:1[0-9]|20)\d\d))?{_END}"),
    ("for_units", rf"(?<=\bfor\s){_UNIT_PLURAL}{_END}"),
    ("contextual", rf"\b(?:(?P<dmod>earlier|later)\s+)?(?P<ctx>the\s+next|the\s+following|the\s+previous|"
                   rf"the\s+preceding|that|the\s+same)\s+(?P<unit>day|morning|afternoon|evening|night|week|"
                   rf"weekend|month|year){_END}"),
    ("day_around", r"\bthe\s+day\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow))(?![\w])"),
    ("set_every", rf"\b(?P<every>every|each)\s+(?:(?P<num>other|\d+|two|three|four|five|six)\s+)?"
                  rf"(?:{_WD}|(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|hour|"
                  rf"days|weeks|months|years|hours)){_END}"),
    ("set_weekdays", rf"(?<=\bon\s)(?P<wd>{_alt(lx.WEEKDAYS)})s{_END}"),
    ("set_adverb", rf"\b(?P<adv>{_alt(lx.SET_ADVERBS)}){_END}"),
    ("fiscal_year", r"\b(?:the\s+)?(?:fiscal\s+)?year(?=\s+(?:that\s+)?(?:ended|ending|ends)\b)"),
    ("reference", rf"\b(?:(?P<inref>{_alt(lx.IN_REFERENCES)})|(?P<ref>{_alt(lx.REFERENCES)})){_END}"),
    ("clock", rf"(?:\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b)"
              rf"|\b(?P<h24>[01]\d|2[0-3]):(?P<min24>[0-5]\d)\s*(?P<tz>GMT|UTC|local\s+time)\b"
              rf"|\b(?P<named>noon|midnight)\b)"
              rf"(?:\s*\(?(?:{_alt(lx.TIME_ZONES)})\)?(?![\w]))?"  # "5 p.m. EST"
              rf"(?:,?\s+(?:on\s+)?(?:{_WD}|{_MONTH}\s+{_DAY}){_END}(?!,?\s+\d))?"),
)

_COMPILED = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES)
_PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
_SIGNAL = re.compile(rf"\b(?P<signal>{_alt(lx.SIGNAL_MODS)})\s+(?:the\s+)?$", re.IGNORECASE)
_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|before|after|from|through|during|of|last|next|this|early|late|mid|on|to|and)\s*-?\s*$",
    re.IGNORECASE,
)
_SEASON_CONTEXT = re.compile(r"\b(?:in|during|over|through|by|until|since|this|that)\s+(?:the\s+)?$", re.I)
_IN_REF_BEFORE = re.compile(r"\b(?:in|about|for|into)\s$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


def _accept(text: str, name: str, m: re.Match[str], lo: int) -> bool:
    """Reject matches that look like ordinary words or counts rather than dates."""
    parts = m.groupdict()
    month = parts.get("month")
    if month is not None:
        if not month[0].isupper():
            return False
        if name == "month" and month.lower() in lx.AMBIGUOUS_MONTHS and not (parts.get("pmod") or parts.get("rel")):
            if not _CONTEXT_BEFORE.search(text[max(lo, m.start() - 12) : m.start()]):
                return False
            if month.lower() in ("may", "march") and text[m.end() : m.end() + 1].isalpha():
                return False
            if len(month) <= 3 and month.lower() != "may" and _NAME_AFTER.match(text, m.end()):
                return False  # "Jan Kavan": an abbreviation without its period before a name is the name
    if name == "rel_unit" and parts["rel"].lower() == "the" and parts["unit"].lower() != "weekend":
        return False  # "the year", "the week": too vague to date (only "the weekend" is deictic)
    if name == "set_adverb":
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group(1).lower() not in lx.FUNCTION_WORDS:
            return False  # "daily flights", "the average daily volume": an adjective, not a recurring time
    if name == "holiday" and not parts["holiday"][0].isupper():
        return False
    if name in ("weekday", "named_today", "set_weekdays") and not (parts.get("wd") or "x")[0].isupper():
        return False
    if name == "year":
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group(1).lower() in lx.COUNT_NOUNS:
            return False
        before = _WORD_BEFORE.search(text, max(lo, m.start() - 24), m.start())
        if before and before.group(1).lower() in lx.NUMBER_LABELS and not parts.get("pmod"):
            return False
    if name == "season" and not (parts.get("rel") or parts.get("year") or parts.get("pmod")):
        if not _SEASON_CONTEXT.search(text[max(lo, m.start() - 16) : m.start()]):
            return False
        if re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
            return False
    if name == "duration" and (parts.get("unit") or "").lower() == "second":
        return False  # "a second convoy": an ordinal, not a duration
    if name == "numeric" and parts["sep"] == "." and len(parts["year"]) == 2:
        return False
    if name == "reference" and parts.get("inref") and not _IN_REF_BEFORE.search(text, max(lo, m.start() - 6),
                                                                              m.start()):
        return False  # "the past" and "the future" are times only after "in", "about", "for", "into"
    if name == "reference" and (parts.get("ref") or "").lower() == "now":
        nxt = text[m.end() : m.end() + 1]
        return nxt != "-"
    return True


def _parts(m: re.Match[str]) -> dict[str, str]:
    return {k: re.sub(r"\s+", " ", v) for k, v in m.groupdict().items() if v is not None}


#: every rule's match holds a keyword of one of these classes; a rule runs only in windows around keywords of its
#: classes (a speed-up, not a filter)
_KEYWORD_CLASSES: dict[str, Iterable[str]] = {
    "month": lx.MONTHS, "weekday": lx.WEEKDAYS, "deictic": lx.DEICTIC_DAYS, "season": lx.SEASONS,
    "pod": lx.PARTS_OF_DAY, "unit": lx.UNITS, "misc": {*lx.KEYWORDS, *lx.SET_ADVERBS},
}
_WORD_CLASSES: dict[str, set[str]] = {}
for _class, _words in _KEYWORD_CLASSES.items():
    for _word in _words:
        _WORD_CLASSES.setdefault(_word, set()).add(_class)
_KEYWORDS = re.compile(r"(?P<digit>\d+)|\b(?P<word>" + _alt(_WORD_CLASSES) + ")", re.IGNORECASE)
_RULE_CLASSES: dict[str, frozenset[str]] = {
    name: frozenset(classes.split()) for name, classes in {
        "iso": "digit", "numeric": "digit", "dmy": "month", "mdy": "month", "dm": "month", "md": "month",
        "my": "month", "month": "month", "year": "digit", "decade": "digit", "holiday": "unit weekday month misc",
        "word_year": "misc", "word_decade": "misc digit", "season": "season", "quarter": "misc",
        "year_ago": "unit", "the_quarter": "misc", "weekday": "weekday", "named_today": "deictic",
        "deictic": "deictic", "day_part": "pod", "rel_unit": "unit misc", "edge_unit": "unit", "ago": "unit",
        "anchored": "unit", "rel_num": "unit", "duration": "unit", "vague_duration": "unit", "century": "unit",
        "year_end": "unit", "for_units": "unit", "contextual": "unit pod misc", "day_around": "unit",
        "set_every": "weekday unit pod misc", "set_weekdays": "weekday", "set_adverb": "misc",
        "fiscal_year": "unit", "reference": "misc unit", "clock": "digit misc",
    }.items()
}
_BEFORE, _AFTER = 64, 40


def _windows(text: str, lo: int, hi: int) -> list[tuple[int, int, set[str]]]:
    """Stretches of text[lo:hi] around keywords, merged, ending at a word boundary, with their keyword classes."""
    out: list[tuple[int, int, set[str]]] = []
    for m in _KEYWORDS.finditer(text, lo, hi):
        a, b = max(lo, m.start() - _BEFORE), min(hi, m.end() + _AFTER)
        classes = _WORD_CLASSES[m["word"].lower()] if m["word"] else {"digit"}
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b), out[-1][2] | classes)
        else:
            out.append((a, b, set(classes)))
    fixed = []
    for a, b, classes in out:
        while b < hi and text[b].isalnum():
            b += 1
        fixed.append((a, b, classes))
    return fixed


def _merge(ranges: Sequence[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Ranges clipped to the text, sorted, overlapping ones merged, empty ones dropped."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted((max(0, lo), min(size, hi)) for lo, hi in ranges):
        if hi <= lo:
            continue
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_mentions(text: str, ranges: Sequence[tuple[int, int]]) -> list[Mention]:
    """All time expressions inside ``ranges``, longest match first where they overlap, in text order."""
    mentions: list[Mention] = []
    for lo, hi in _merge(ranges, len(text)):
        found: list[tuple[int, int, str, re.Match[str]]] = []
        for a, b, classes in _windows(text, lo, hi):
            for name, rx in _COMPILED:
                if classes.isdisjoint(_RULE_CLASSES[name]):
                    continue
                for m in rx.finditer(text, a, b):
                    if m.end() > m.start() and _accept(text, name, m, lo):
                        found.append((m.start(), m.end(), name, m))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0], _PRIORITY[f[2]]))
        taken = bytearray(hi - lo)
        for start, end, name, m in found:
            if taken.find(1, start - lo, end - lo) >= 0:
                continue
            taken[start - lo : end - lo] = b"\x01" * (end - start)
            sig = _SIGNAL.search(text[max(lo, start - 16) : start])
            signal = re.sub(r"\s+", " ", sig["signal"].lower()) if sig else None
            mentions.append(Mention(start, end, name, _parts(m), signal))
    mentions.sort(key=lambda x: x.start)
    return mentions
