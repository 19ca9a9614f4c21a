"""Vocabulary the resolver composes actors from: head nouns → sector, sponsorship cues, ethnic modifiers, proxies.

Facts about named actors (countries, groups, organisations, people) live in ``data/``; this module holds the
closed-class words that turn "the Russian Defense Ministry" into country RUS + sector GOV.
"""

from __future__ import annotations

from typing import NamedTuple


class Head(NamedTuple):
    """What a head noun (phrase) says about its actor."""

    sector: str
    inter: int | None  # ACLED inter code
    suffix: str  # the id suffix of a composed actor: RUS-MIL, RUS-MOD
    label: str  # display label: "Military", "Ministry of Defence"
    weak: bool = False  # used only when no other head is in the phrase ("officials", "spokesman")


_GOV = ("GOV", 1)
_MIL = ("MIL", 1)
_COP = ("COP", 1)


def _h(sector_inter: tuple[str, int | None], suffix: str, label: str, weak: bool = False) -> Head:
    return Head(sector_inter[0], sector_inter[1], suffix, label, weak)


#: head nouns and noun compounds (lower case, space separated tokens as produced by the tokeniser)
HEADS: dict[str, Head] = {}


def _add(words: str, head: Head) -> None:
    for w in words.split(","):
        HEADS[w.strip()] = head


# --- military
_add(
    "military,militaries,army,armies,armed forces,troops,forces,soldiers,servicemen,service members,military forces,ground forces,"
    "land forces,infantry,special forces,commandos,paratroopers,marines,artillery,armour,armor,tanks,"
    "military units,units,army units,garrison,battalion,brigade,regiment,division,military personnel,"
    "government forces,government troops,regime forces,state forces,defense forces,defence forces,"
    "army officers,military officers,generals,general staff,military command,high command,warplanes,"
    "jets,fighter jets,drones,aircraft,helicopters,gunships,military convoy,convoy,patrol,patrols,"
    "peacekeepers,peacekeeping forces,coalition,coalition forces,allied forces,air defense,air defence",
    _h(_MIL, "MIL", "Military"),
)
_add("navy,naval forces,coast guard,coastguard,fleet,warships", _h(_MIL, "NAVY", "Navy"))
_add("air force,air forces,aviation,air force jets", _h(_MIL, "AF", "Air Force"))
_add(
    "military police,military policemen,military police units,military police officers",
    _h(_MIL, "MP", "Military Police"),
)
_add("border guards,border guard,border forces,border troops,border police", _h(_MIL, "BG", "Border Guards"))
_add("national guard", _h(_MIL, "NG", "National Guard"))
_add("revolutionary guards,revolutionary guard,revolutionary guard corps", _h(_MIL, "RG", "Revolutionary Guards"))
_add(
    "defense ministry,defence ministry,ministry of defense,ministry of defence,defense department,"
    "defence department,department of defense,department of defence,defense minister,defence minister,"
    "minister of defense,minister of defence,defense secretary,defence secretary,military spokesman",
    _h(_GOV, "MOD", "Ministry of Defence"),
)
# --- police and security
_add(
    "police,policemen,police officers,officers,police forces,riot police,gendarmerie,gendarmes,"
    "security forces,security services,security personnel,law enforcement,interior ministry troops,"
    "counterterrorism police,counter-terrorism police,police special forces,police chief,police station",
    _h(_COP, "COP", "Police"),
)
_add(
    "interior ministry,ministry of interior,ministry of the interior,interior minister,home office,"
    "home ministry,home secretary,department of homeland security,homeland security",
    _h(_GOV, "MOI", "Ministry of the Interior"),
)
# --- government
_add(
    "government,administration,authorities,cabinet,regime,state,presidency,presidential palace,president,"
    "prime minister,premier,chancellor,king,emir,crown prince,leader,leaders,head of state,minister,ministers,"
    "ministry,deputy minister,vice president,governor,mayor,embassy,ambassador,envoy,diplomats,diplomat,"
    "delegation,negotiators,consulate,mission,leadership,junta,counterpart,spokesman of the government",
    _h(_GOV, "GOV", "Government"),
)
_add(
    "foreign ministry,ministry of foreign affairs,foreign affairs ministry,foreign minister,minister of foreign affairs,"
    "foreign office,state department,department of state,secretary of state,foreign secretary,foreign service",
    _h(_GOV, "MFA", "Ministry of Foreign Affairs"),
)
_add(
    "officials,official,spokesman,spokeswoman,spokesperson,representative,representatives,member,members,head,"
    "chief,delegates,press secretary,press service,press office,press officer,spokesperson for,aide,aides,adviser,advisers",
    _h(_GOV, "GOV", "Officials", weak=True),
)
_add(
    "commander,commanders,personnel,officer,vehicles,armored vehicles,armoured vehicles,military vehicles,"
    "armored personnel carriers,armoured personnel carriers,column,columns",
    _h(_MIL, "MIL", "Military", weak=True),
)
# --- legislature, judiciary, intelligence, parties, opposition
_add(
    "parliament,legislature,lawmakers,legislators,congress,senate,senators,mps,assembly,national assembly,duma,"
    "state duma,knesset,majlis",
    _h(("LEG", 1), "LEG", "Parliament"),
)
_add(
    "court,courts,judge,judges,judiciary,prosecutor,prosecutors,prosecutor general,supreme court,tribunal",
    _h(("JUD", 1), "JUD", "Judiciary"),
)
_add(
    "intelligence,intelligence service,intelligence services,intelligence agency,spy agency,spies,secret service,"
    "secret police,intelligence officers",
    _h(("SPY", 1), "SPY", "Intelligence Services"),
)
_add("party,ruling party,political party,parties", _h(("PTY", None), "PTY", "Party"))
_add(
    "opposition,opposition parties,opposition leader,opposition figures,dissidents,activists",
    _h(("OPP", None), "OPP", "Opposition"),
)
# --- non-state armed actors
_add(
    "militants,militant,rebels,rebel,insurgents,insurgent,fighters,fighter,jihadists,jihadist,guerrillas,guerrilla,"
    "separatists,separatist forces,rebel forces,rebel fighters,opposition forces,opposition fighters,"
    "armed opposition,armed groups,armed group,terrorists,terrorist,gunmen,gunman,extremists,"
    "insurgent group,rebel group,militant group,terrorist group,terror group,jihadist group,armed men,"
    "suicide bomber,bombers,attackers,assailants,factions,faction,armed factions,rebel factions,opposition factions",
    _h(("REB", 2), "REB", "Rebels"),
)
_add(
    "militia,militias,militiamen,paramilitaries,paramilitary,paramilitary forces,vigilantes,self-defense forces,"
    "self-defence forces,self-defense militia,tribal fighters,tribesmen",
    _h(("REB", 3), "MILITIA", "Militia"),
)
_add(
    "cartel,cartels,gang,gangs,gang members,smugglers,traffickers,criminals,bandits,pirates,kidnappers,robbers",
    _h(("CRM", None), "CRM", "Criminals"),
)
# --- crowds and civilians
_add(
    "protesters,protestors,demonstrators,marchers,crowd,crowds,strikers,picketers", _h(("CVL", 6), "PROT", "Protesters")
)
_add("rioters,mob,mobs,looters", _h(("CVL", 5), "RIOT", "Rioters"))
_add(
    "civilians,civilian,children,child,kids,boys,girls,teenagers,youths,residents,villagers,locals,"
    "inhabitants,people,women,men,families,farmers,shepherds,fishermen,worshippers,pilgrims,passengers,"
    "students,teachers,doctors,patients,journalists,reporters,aid workers,population,citizens,nationals,"
    "migrants,pedestrians,motorists,workers,shopkeepers,settlers,tribe,tribes,community,communities",
    _h(("CVL", 7), "CVL", "Civilians"),
)
_add(
    "refugees,displaced people,displaced persons,internally displaced,asylum seekers,idps",
    _h(("REF", 7), "REF", "Refugees"),
)
_add(
    "media,press,newspaper,news agency,broadcaster,state media,state television,state tv",
    _h(("MED", None), "MED", "Media"),
)
_add(
    "company,companies,firm,firms,business,businesses,corporation,contractor,contractors,bank,banks",
    _h(("BUS", None), "BUS", "Business"),
)
_add(
    "aid agency,aid agencies,charity,charities,aid groups,humanitarian organisations,humanitarian organizations,"
    "ngo,ngos,rights group,rights groups,human rights group,watchdog,monitor,monitoring group",
    _h(("NGO", None), "NGO", "Non-Governmental Organisations"),
)

#: head sectors for which a sponsored ("X-backed") or ethnic modifier names a non-state armed group
ARMED_SECTORS = frozenset({"MIL", "REB"})

#: participles that mark a sponsor: "Turkey-backed militants", "militants backed by Turkey"
SPONSOR_WORDS = frozenset("backed supported sponsored funded armed trained aligned allied proxy proxies".split())
#: sponsor participles that need a hyphen before them ("Iranian-trained") or "by" after them: "armed forces"
SPONSOR_HYPHEN_ONLY = frozenset({"armed", "trained", "aligned", "allied"})
#: words that may sit between "backed by" and the sponsor's name
SPONSOR_FILLERS = frozenset({"by", "the", "with", "to", "of", "and"})

#: words after which a weak head still heads its phrase: "officials of", "an official in"
HEAD_FOLLOWERS = frozenset({"of", "for", "from", "in", "at", "with", "on", "to", "who", "said", "and"})

#: title-case words that may precede a country name without making it part of another name ("Michael Jordan")
PLACE_PREFIXES = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern greater upper lower inner outer mainland rural occupied "
    "the a all pro anti".split()
)

#: determiners and fillers ignored when deciding whether a phrase says anything
STOPWORDS = frozenset(
    "the a an his her its their our my your this that these those some several many few dozens hundreds thousands "
    "group of number other both all two three four five unidentified unknown local senior top former new acting "
    "deputy".split()
)


class Ethnic(NamedTuple):
    """An ethnic/identity modifier ("Kurdish fighters") and the named group it means in a given country."""

    key: str  # id stem: KURD
    label: str  # "Kurdish"
    by_country: dict[str, str]  # ISO3 -> actor id of the group that phrase means there


#: ethnic/identity adjectives and plural nouns. "Kurdish fighters" alone is a generic Kurdish armed group
#: (country None, inter 4); with a country hint it is the group the KB names for that country.
ETHNIC: dict[str, Ethnic] = {}
for _words, _eth in (
    (
        "kurdish,kurds,kurd",
        Ethnic("KURD", "Kurdish", {"SYR": "SYR-YPG", "IRQ": "IRQ-PESH", "TUR": "TUR-PKK", "IRN": "IRN-PJAK"}),
    ),
    ("tuareg,tuaregs", Ethnic("TUAREG", "Tuareg", {})),
    ("fulani,fula,peul", Ethnic("FULANI", "Fulani", {})),
    ("amhara", Ethnic("AMHARA", "Amhara", {"ETH": "ETH-FANO"})),
    ("tigrayan,tigrayans", Ethnic("TIGRAY", "Tigrayan", {"ETH": "ETH-TPLF"})),
    ("oromo", Ethnic("OROMO", "Oromo", {"ETH": "ETH-OLA"})),
    ("baloch,baluch,balochi", Ethnic("BALOCH", "Baloch", {})),
    ("pashtun,pashtuns", Ethnic("PASHTUN", "Pashtun", {})),
    ("druze", Ethnic("DRUZE", "Druze", {})),
    ("yazidi,yazidis,ezidi", Ethnic("YAZIDI", "Yazidi", {})),
    ("alawite,alawites", Ethnic("ALAWITE", "Alawite", {})),
    ("rohingya", Ethnic("ROHINGYA", "Rohingya", {"MMR": "MMR-ARSA"})),
    ("rakhine", Ethnic("RAKHINE", "Rakhine", {"MMR": "MMR-AA"})),
    ("uyghur,uyghurs,uighur,uighurs", Ethnic("UYGHUR", "Uyghur", {})),
    ("tamil,tamils", Ethnic("TAMIL", "Tamil", {})),
    ("arab,arabs", Ethnic("ARAB", "Arab", {})),
    ("sunni,sunnis", Ethnic("SUNNI", "Sunni", {})),
    ("shia,shiite,shiites,shi'ite", Ethnic("SHIA", "Shia", {"IRQ": "IRQ-PMF"})),
    ("christian,christians", Ethnic("CHRISTIAN", "Christian", {})),
    ("hazara,hazaras", Ethnic("HAZARA", "Hazara", {})),
):
    for _w in _words.split(","):
        ETHNIC[_w] = _eth

#: sponsored groups: (sponsor ISO3, country of operation or None for "no other clue") -> actor id.
#: Only sponsors whose proxy in that country is unambiguous in current reporting.
PROXIES: dict[tuple[str, str | None], str] = {
    ("TUR", "SYR"): "SYR-SNA",
    ("TUR", None): "SYR-SNA",
    ("USA", "SYR"): "SYR-SDF",
    ("IRN", "IRQ"): "IRQ-PMF",
    ("IRN", "YEM"): "YEM-HOUTHI",
    ("IRN", "LBN"): "LBN-HEZBOLLAH",
    ("RUS", "UKR"): "UKR-SEPARATISTS",
    ("RUS", None): "UKR-SEPARATISTS",
    ("ARE", "SDN"): "SDN-RSF",
    ("ARE", "YEM"): "YEM-STC",
    ("SAU", "YEM"): "YEM-GOV-FORCES",
    ("RWA", "COD"): "COD-M23",
    ("RWA", None): "COD-M23",
}
