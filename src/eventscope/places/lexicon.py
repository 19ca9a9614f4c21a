"""Vocabulary of the places stage: name folding, cue words, directions, and words that mark non-places."""

from __future__ import annotations

#: Arabic (and a few Romance) articles dropped from name keys when other words remain
ARTICLES: frozenset[str] = frozenset("al el il ad ed ar er as es at et az ez an en ash esh ech ath adh al- the".split())
#: leading words dropped from keys ("the Gambia", "the Hague")
LEADING_WORDS: frozenset[str] = frozenset({"the"})
#: transliteration variants folded to one token
TOKEN_EQUIVALENTS: dict[str, str] = {
    "ain": "ayn",
    "ayn": "ayn",
    "ein": "ayn",
    "ayin": "ayn",
    "aayn": "ayn",
    "aine": "ayn",
    "tell": "tal",
    "tal": "tal",
    "tall": "tal",
    "tel": "tal",
    "deir": "dayr",
    "dayr": "dayr",
    "dair": "dayr",
    "sheikh": "shaykh",
    "shaikh": "shaykh",
    "sheik": "shaykh",
    "cheikh": "shaykh",
    "shaykh": "shaykh",
    "jabal": "jabal",
    "jebel": "jabal",
    "djebel": "jabal",
    "jbel": "jabal",
    "saint": "st",
    "st": "st",
    "ste": "st",
    "sainte": "st",
    "mount": "mt",
    "mt": "mt",
    "fort": "ft",
    "ft": "ft",
}

#: words before a capitalised name that make it a place even when the name is small or the model missed it
STRONG_CUES: tuple[tuple[str, ...], ...] = (
    ("town", "of"),
    ("village", "of"),
    ("city", "of"),
    ("hamlet", "of"),
    ("district", "of"),
    ("province", "of"),
    ("region", "of"),
    ("outskirts", "of"),
    ("vicinity", "of"),
    ("countryside", "of"),
    ("governorate", "of"),
    ("streets", "of"),
    ("centre", "of"),
    ("center", "of"),
    ("edge", "of"),
    ("entrance", "of"),
    ("heart", "of"),
    ("suburbs", "of"),
    ("neighbourhoods", "of"),
    ("neighborhoods", "of"),
    ("parts", "of"),
    ("villages", "of"),
    ("island", "of"),
    ("islands", "of"),
    ("state", "of"),
    ("county", "of"),
    ("area", "of"),
    ("near",),
    ("outside",),
    ("nearby",),
    ("siege", "of"),
    ("battle", "of"),
    ("battle", "for"),
    ("fight", "for"),
    ("fighting", "for"),
)
#: weaker cue words: enough for a name the gazetteer knows with a modest population
WEAK_CUES: frozenset[str] = frozenset(
    {"in", "from", "to", "at", "into", "towards", "toward", "around", "across", "via", "between", "reached", "entered"}
    # the object of a conflict verb ("captured Knin", "shelled Avdiivka")
    | frozenset(
        """captured capturing seized seizing stormed storming shelled shelling bombed bombing raided raiding
    overran overrunning besieged besieging recaptured recapturing liberated liberating encircled encircling
    bombarded bombarding invaded invading occupied occupying attacked attacking""".split()
    )
)

#: direction words -> (bearing in degrees, unit vector (north, east))
DIRECTIONS: dict[str, float] = {
    "north": 0.0,
    "northern": 0.0,
    "northeast": 45.0,
    "northeastern": 45.0,
    "north-east": 45.0,
    "north-eastern": 45.0,
    "east": 90.0,
    "eastern": 90.0,
    "southeast": 135.0,
    "southeastern": 135.0,
    "south-east": 135.0,
    "south-eastern": 135.0,
    "south": 180.0,
    "southern": 180.0,
    "southwest": 225.0,
    "southwestern": 225.0,
    "south-west": 225.0,
    "south-western": 225.0,
    "west": 270.0,
    "western": 270.0,
    "northwest": 315.0,
    "northwestern": 315.0,
    "north-west": 315.0,
    "north-western": 315.0,
}
#: "central Syria": the middle of the area
CENTRAL_WORDS: frozenset[str] = frozenset({"central", "middle"})

#: nouns after a name that make it the name of an area around a place or a first-level division
REGION_HEADS: frozenset[str] = frozenset(
    {"countryside", "province", "governorate", "region", "state", "oblast", "prefecture", "department", "countrysides"}
)
#: nouns after a name that keep it a settlement ("Aleppo City", "the Betong district": "near")
LOCAL_HEADS: frozenset[str] = frozenset(
    {"city", "district", "quarter", "neighbourhood", "neighborhood", "camp", "town", "village", "municipality"}
)
#: nouns after a name meaning "the surroundings of the place" (-> precision "near")
NEAR_HEADS: frozenset[str] = frozenset(
    {"area", "areas", "outskirts", "vicinity", "environs", "suburbs", "surroundings"}
)
#: words before a name meaning "near the place"
NEAR_WORDS: frozenset[str] = frozenset(
    {"near", "nearby", "outside", "around", "outskirts", "vicinity", "close", "environs"}
)
#: suffixes of first-level division names, dropped to make a short key ("Aleppo Governorate" -> "Aleppo")
ADMIN_SUFFIXES: tuple[str, ...] = (
    " governorate",
    " province",
    " region",
    " state",
    " oblast",
    " prefecture",
    " department",
    " district",
    " county",
    " muhafazat",
    " wilayah",
    " vilayet",
    " krai",
    " republic",
    " territory",
    " division",
    " autonomous region",
    " zhuangzu zizhiqu",
    " huizu zizhiqu",
    " uygur zizhiqu",
    " zizhiqu",
    " sheng",
    " shi",
    " fylke",
    " area",
    " municipality",
)

#: capitalised words after a place name that make the whole run an organisation ("Iran Press TV")
ORG_HEADS: frozenset[str] = frozenset(
    """press tv news agency times post forces force army front party council ministry university bank airlines
    airways radio television broadcasting guard guards brigade brigades movement committee corporation company
    group daily herald tribune journal observatory network media channel gazette telegraph institute foundation
    federation union league club fc united city-fc police navy command coalition alliance government authority
    authorities commission office embassy consulate mission parliament assembly congress senate court minister
    ministers""".split()
)
#: words after a name that make it a disease or pathogen, not a place ("Marburg virus", "West Nile fever"); the
#: bare name then means the disease throughout the document unless a preposition places it ("in Marburg")
DISEASE_HEADS: frozenset[str] = frozenset(
    """virus viruses ebolavirus fever hemorrhagic haemorrhagic disease strain strains encephalitis
    flu influenza""".split()
)
#: nouns that make a place-name modifier part of an actor ("Syria government", "Turkey-backed militants")
ACTOR_HEADS: frozenset[str] = frozenset(
    """government forces force army military troops soldiers police ministry officials official president minister
    militants militia militias fighters rebels authorities regime leader leaders delegation envoy embassy side
    counterpart spokesman spokeswoman spokesperson agency navy air jets media television tv press""".split()
)
#: prepositions that put a place where something happens
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {
        "in",
        "near",
        "at",
        "around",
        "outside",
        "from",
        "to",
        "into",
        "inside",
        "toward",
        "towards",
        "across",
        "along",
        "on",
        "through",
        "between",
        "within",
        "throughout",
        "over",
        "off",
        "onto",
        "past",
        "via",
        "beyond",
    }
)
#: the nearest preposition of a place that is not where the event happened: a source attached to a noun ("a
#: request from Damascus"), a destination ("shipped to Cuba"), the ends of a line ("clashes between A and B")
NOT_WHERE: frozenset[str] = frozenset(
    {"source", "to", "between", "with", "for", "against", "by", "about", "like", "as", "than"}
)  # "clashes with Syria", "a bid for Iraq", "a campaign against Israel"
#: prepositions (and roles) that place something at or over a spot: the only ones that let a place of
#: another clause of the sentence be the event's
STATIC_PREPS: frozenset[str] = frozenset(
    "in near at around outside inside within target over through across above".split()
)
#: nouns a place's possessive can modify and still say where ("Freetown's west end", "Baghdad's Doura district")
PLACE_NOUNS: frozenset[str] = (
    LOCAL_HEADS
    | NEAR_HEADS
    | REGION_HEADS
    | frozenset("end side part parts street streets centre center capital border outskirts province".split())
    | frozenset(DIRECTIONS)
)
#: words that mark the path of a movement ("from A ... to B", "reached B")
ROUTE_FROM: frozenset[str] = frozenset({"from", "left"})
ROUTE_TO: frozenset[str] = frozenset({"to", "reached", "reaching", "towards", "toward", "into", "until"})

#: length units in kilometres
UNITS_KM: dict[str, float] = {
    "km": 1.0,
    "kms": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "mile": 1.609344,
    "miles": 1.609344,
    "mi": 1.609344,
    "m": 0.001,
    "meters": 0.001,
    "metres": 0.001,
}

#: demonyms and adjectives of countries -> ISO3 (never places; a hint of the document's country focus)
DEMONYMS: dict[str, str] = {
    "afghan": "AFG",
    "albanian": "ALB",
    "algerian": "DZA",
    "american": "USA",
    "angolan": "AGO",
    "argentine": "ARG",
    "argentinian": "ARG",
    "armenian": "ARM",
    "australian": "AUS",
    "austrian": "AUT",
    "azerbaijani": "AZE",
    "azeri": "AZE",
    "bahraini": "BHR",
    "bangladeshi": "BGD",
    "belarusian": "BLR",
    "belgian": "BEL",
    "bolivian": "BOL",
    "bosnian": "BIH",
    "brazilian": "BRA",
    "british": "GBR",
    "bulgarian": "BGR",
    "burmese": "MMR",
    "burundian": "BDI",
    "cambodian": "KHM",
    "cameroonian": "CMR",
    "canadian": "CAN",
    "chadian": "TCD",
    "chilean": "CHL",
    "chinese": "CHN",
    "colombian": "COL",
    "congolese": "COD",
    "croatian": "HRV",
    "cuban": "CUB",
    "cypriot": "CYP",
    "czech": "CZE",
    "danish": "DNK",
    "dutch": "NLD",
    "ecuadorian": "ECU",
    "egyptian": "EGY",
    "emirati": "ARE",
    "eritrean": "ERI",
    "estonian": "EST",
    "ethiopian": "ETH",
    "filipino": "PHL",
    "finnish": "FIN",
    "french": "FRA",
    "georgian": "GEO",
    "german": "DEU",
    "ghanaian": "GHA",
    "greek": "GRC",
    "guatemalan": "GTM",
    "haitian": "HTI",
    "honduran": "HND",
    "hungarian": "HUN",
    "indian": "IND",
    "indonesian": "IDN",
    "iranian": "IRN",
    "iraqi": "IRQ",
    "irish": "IRL",
    "israeli": "ISR",
    "italian": "ITA",
    "ivorian": "CIV",
    "japanese": "JPN",
    "jordanian": "JOR",
    "kazakh": "KAZ",
    "kenyan": "KEN",
    "korean": "KOR",
    "kosovar": "XKX",
    "kuwaiti": "KWT",
    "kyrgyz": "KGZ",
    "latvian": "LVA",
    "lebanese": "LBN",
    "libyan": "LBY",
    "lithuanian": "LTU",
    "malaysian": "MYS",
    "malian": "MLI",
    "mexican": "MEX",
    "moldovan": "MDA",
    "mongolian": "MNG",
    "moroccan": "MAR",
    "mozambican": "MOZ",
    "nepali": "NPL",
    "nepalese": "NPL",
    "nigerian": "NGA",
    "nigerien": "NER",
    "norwegian": "NOR",
    "omani": "OMN",
    "pakistani": "PAK",
    "palestinian": "PSE",
    "panamanian": "PAN",
    "peruvian": "PER",
    "polish": "POL",
    "portuguese": "PRT",
    "qatari": "QAT",
    "romanian": "ROU",
    "russian": "RUS",
    "rwandan": "RWA",
    "saudi": "SAU",
    "senegalese": "SEN",
    "serbian": "SRB",
    "slovak": "SVK",
    "slovenian": "SVN",
    "somali": "SOM",
    "south african": "ZAF",
    "sudanese": "SDN",
    "spanish": "ESP",
    "sri lankan": "LKA",
    "swedish": "SWE",
    "swiss": "CHE",
    "syrian": "SYR",
    "taiwanese": "TWN",
    "tajik": "TJK",
    "tanzanian": "TZA",
    "thai": "THA",
    "tunisian": "TUN",
    "turkish": "TUR",
    "turkmen": "TKM",
    "ugandan": "UGA",
    "ukrainian": "UKR",
    "uzbek": "UZB",
    "venezuelan": "VEN",
    "vietnamese": "VNM",
    "yemeni": "YEM",
    "zambian": "ZMB",
    "zimbabwean": "ZWE",
    "kurdish": "SYR",
    "israel-backed": "ISR",
}

#: verbs whose direct object, when a place, is where the event happened ("shelled Qabasin", "stormed the village of X")
TARGET_VERBS: frozenset[str] = frozenset(
    """attack storm shell bomb raid strike hit capture seize overrun besiege encircle recapture liberate take
    control bombard target surround infiltrate invade occupy ambush burn loot destroy patrol""".split()
)

#: verbs of saying: the places of the clauses they govern are where the reported things happened, not the saying
SPEECH_VERBS: frozenset[str] = frozenset(
    "say add tell report learn announce claim state confirm deny allege warn condemn accuse quote write".split()
)

#: verbs of movement: "to B" after them is where the movement went (an event of its own), not a mere destination
MOTION_VERBS: frozenset[str] = frozenset("go travel march move head return come arrive drive walk take".split())

#: nouns after a capitalised name that make the phrase a named facility or site ("Bagram air base", "the Zaatari
#: refugee camp", "the Rumaila oil field"), as token sequences; the name is looked up, the span covers the noun too
FACILITY_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "airport",
        "international airport",
        "airfield",
        "air base",
        "airbase",
        "military base",
        "naval base",
        "army base",
        "base",
        "refugee camp",
        "camp",
        "displacement camp",
        "gas field",
        "oil field",
        "oilfield",
        "gasfield",
        "prison",
        "jail",
        "checkpoint",
        "border crossing",
        "crossing",
        "port",
        "seaport",
        "dam",
        "bridge",
        "housing project",
        "barracks",
        "refinery",
        "power plant",
        "power station",
        "mine",
        "market",
        "square",
        "gas fields",
        "oil fields",
        "camps",
        "farms",
        "plains",
        "plain",
        "street",
        "roundabout",
        "junction",
        "mountains",
        "mountain",
        "hills",
        "sector",
        "district",
        "area",
        "penitentiary",
        "shrine",
        "river",
        "valley",
        "stadium",
    )
)
#: settlement nouns after a name ("the Hasbiyeh village", "Mada and Wonaka districts"); a plural one ends a list
SETTLEMENT_HEADS: frozenset[str] = frozenset(
    """village town neighbourhood neighborhood commune locality colony township suburb quarter hamlet settlement
    tehsil lga""".split()
)
#: nouns after a name that make it part of the place named after "of" ("the A region of B", "the A area of B")
PART_HEADS: frozenset[str] = frozenset({"region", "area"})
PLURAL_SETTLEMENT_HEADS: frozenset[str] = frozenset(
    "villages towns neighbourhoods neighborhoods communes localities districts suburbs hamlets settlements".split()
)
#: capitalised words that describe who lives somewhere, never a name ("the Sunni neighbourhood of A")
COMMUNITY_WORDS: frozenset[str] = frozenset(
    """sunni sunnis shiite shiites shia shi'ite shi’ite muslim muslims christian christians catholic orthodox
    jewish alawite alawites druze kurdish kurd kurds turkoman turkmen arab arabs rohingya hindu hindus sikh
    buddhist coptic yazidi assyrian maronite pashtun hazara tamil tamils hutu tutsi fulani""".split()
)
#: settlement nouns whose "of"-phrase names a place even when neither the model nor the gazetteer knows it
SETTLEMENT_CUES: frozenset[str] = frozenset({"town", "village", "city", "hamlet", "villages", "towns", "neighbourhood",
                                             "neighborhood", "district", "suburb", "township", "cities", "districts",
                                             "neighbourhoods", "neighborhoods"})  # fmt: skip
#: capitalised words of a facility's name that belong to its kind, not its place ("Baghdad International Airport")
SITE_KIND_WORDS: frozenset[str] = frozenset(
    "international air military naval army refugee gas oil power housing border national".split()
)


#: prepositions after which a capitalised name the model tagged a person or left untagged is read as a place
#: ("killed in  Tal Afar", "shot outside Maree"); a conflict verb's object is read the same way ("captured Birao")
RESCUE_PREPS: frozenset[str] = frozenset({"in", "at", "near", "outside", "inside", "into"})
#: words of a person's title: a name they start is never a place ("outside Prime Minister X's offices")
TITLE_WORDS: frozenset[str] = frozenset(
    """prime minister president king queen prince princess general gen gen. colonel col col. captain capt capt.
    mr mr. mrs mrs. ms ms. dr dr. pope senator sen sen. rep rep. governor gov gov. mayor lt lt. sgt sgt. judge
    emperor chancellor premier ayatollah imam""".split()
)
#: words whose "to"-phrase says where something is, not where it goes ("at the entrance to B", "close to B")
NEXT_TO_HEADS: frozenset[str] = frozenset(
    "entrance entrances gate gates approach approaches close next adjacent near nearby proximity door".split()
)
#: capitalised nouns that end the name of a building or institution ("Kindi Hospital", "the Royal Palace"): the
#: whole name is the site, never the town it may contain ("Al-Quds Hospital" is not Jerusalem)
BUILDING_HEADS: frozenset[str] = frozenset(
    """hospital university hotel palace mosque church cathedral school college academy center centre auditorium
    museum temple monastery""".split()
)
#: nouns of an apposition that says the name before it is a place ("Miringa, a village in ...", "Ikpoba, a
#: border town")
APPOSITION_KINDS: frozenset[str] = frozenset(
    """village town city hamlet suburb neighbourhood neighborhood district settlement township valley stronghold
    enclave""".split()
)
#: nouns whose "of"-phrase names the item of a list ("the towns of A and B", "the northern city of Porto")
LIST_NOUNS: frozenset[str] = (
    SETTLEMENT_CUES
    | PLURAL_SETTLEMENT_HEADS
    | frozenset("area areas region regions province provinces outskirts".split())
)
#: verbs whose object is where the event happened even when the model tagged it a person ("entered Quraytayn")
SITE_VERBS: frozenset[str] = TARGET_VERBS | frozenset("enter reach approach evacuate".split())
#: verbs of a running tally: in the perfect ("have been killed in Syria") with a country, a count, not an event
TALLY_VERBS: frozenset[str] = frozenset("kill die wound injure displace execute arrest detain flee".split())
#: words of a tally's time span or total ("since 2011", "so far", "the death toll")
TALLY_WORDS: frozenset[str] = frozenset("since far toll total overall altogether".split())
