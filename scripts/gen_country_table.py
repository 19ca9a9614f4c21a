"""Generate ``src/eventscope/actors/data/countries.csv`` (ISO3, name, aliases, demonyms, capitals).

Sources: ``pycountry`` (ISO 3166 names) and the ``countryinfo`` PyPI package (common names, demonyms, capitals).
Neither is needed at run time: the CSV is shipped. Hand-written additions (common short names, plural nouns,
seats of government) live in ``actors/data/countries_extra.yaml``, not here.

    pip install countryinfo && python scripts/gen_country_table.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventscope" / "actors" / "data" / "countries.csv"

#: display names where the sources give a sorted form ("Virgin Islands, British") or an outdated one
DISPLAY = {
    "BES": "Caribbean Netherlands",
    "CCK": "Cocos Islands",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "MAF": "Saint Martin",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "SXM": "Sint Maarten",
    "VAT": "Vatican City",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "PSE": "Palestine",
}
#: English words that mark an alternative spelling as an English official form worth keeping
OFFICIAL_WORDS = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Emirates|Islands|Territory|Principality|"
    r"Sultanate|Duchy|Confederation|Democratic|Federal|Islamic|Independent|Plurinational|Bolivarian|Socialist)\b"
)
#: capitals that are also common words or frequent personal names: left out (add by hand where needed)
CAPITAL_STOP = {
    "Male",
    "Victoria",
    "Kingston",
    "Georgetown",
    "Douglas",
    "Hamilton",
    "Stanley",
    "Jamestown",
    "The Valley",
    "The Bottom",
    "Plymouth",
    "West Island",
    "Flying Fish Cove",
    "Avarua",
    "Adamstown",
    "King Edward Point",
    "Road Town",
    "Saint John's",
    "St. John's",
    "Castries",
    "Basseterre",
    "Alofi",
    "Mata-Utu",
    "Kralendijk",
    "Oranjestad",
    "Philipsburg",
    "Marigot",
    "Gustavia",
    "Cockburn Town",
    "Charlotte Amalie",
    "Pago Pago",
    "Hagåtña",
    "Saipan",
    "Jerusalem",
    "Washington D.C.",
    "City of San Marino",
    "Vatican City State",
    "Port-aux-Français",
    "Longyearbyen",
    "Willemstad",
    "Mariehamn",
    "Nuuk",
    "Tórshavn",
    "Saint-Pierre",
    "Saint-Denis",
    "Mamoudzou",
    "Cayenne",
    "Fort-de-France",
    "Basse-Terre",
    "Papeete",
    "Nouméa",
    "Saint Helier",
    "St. Peter Port",
    "St. Helier",
    "Brades",
    "Yaren",
}


def ascii_ok(s: str) -> bool:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return bool(folded) and len(folded) >= len(s) - 3 and s.strip() == s


def main(ci_dir: Path) -> None:
    ci: dict[str, dict] = {}
    for f in sorted(ci_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso and iso not in ci:
            ci[iso] = d
    rows = []
    demonym_owner: dict[str, tuple[int, str]] = {}
    for c in pycountry.countries:
        iso = c.alpha_3
        d = ci.get(iso, {})
        forms = [d.get("name"), c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        display = DISPLAY.get(iso) or next(f for f in forms if f and "," not in f and "(" not in f)
        aliases: list[str] = []
        for f in forms + list(d.get("altSpellings") or []):
            if not f or "," in f or not ascii_ok(f) or len(f) <= 3:
                continue
            f = re.sub(r"\s*\(.*?\)", "", f).strip()
            if f in forms or OFFICIAL_WORDS.search(f):
                if f != display and f not in aliases:
                    aliases.append(f)
        cap = d.get("capital") or ""
        cap = "/".join(cap) if isinstance(cap, list) else cap
        caps = [x.strip() for x in cap.split("/") if x.strip()]
        caps = [x for x in caps if x not in CAPITAL_STOP]
        dem = (d.get("demonym") or "").strip()
        pop = int(d.get("population") or 0)
        if dem and dem != display:
            prev = demonym_owner.get(dem)
            if prev is None or prev[0] < pop:
                demonym_owner[dem] = (pop, iso)
        rows.append([iso, display, aliases, dem, caps])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iso3", "name", "aliases", "demonyms", "capitals"])
        for iso, display, aliases, dem, caps in sorted(rows):
            dems = dem if dem and demonym_owner.get(dem, (0, ""))[1] == iso else ""
            w.writerow([iso, display, "|".join(aliases), dems, "|".join(caps)])


if __name__ == "__main__":
    import countryinfo  # noqa: F401  (only to locate its data folder)

    main(Path(sys.modules["countryinfo"].__file__).parent / "data")
