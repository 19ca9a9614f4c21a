"""Multiword idioms of news copy as data: a verb plus the particle, object, preposition or complement that makes
it an event ("lashed out at", "pointed the finger at", "struck a deal", "took to the streets", "slapped
sanctions on", "threw its weight behind", "shuttled between", "declined to attend").

Each :class:`Idiom` lists the verb lemmas it applies to and the parts that must all be present; the first idiom
that fits gives the sense. ``context.special_sense`` reads the table before any other rule, so an idiom wins over
the bare verb's own sense ("struck a deal" is AGREE, not the ASSAULT of "struck").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .argread import lem, objects, words
from .lexicon import Sense

if TYPE_CHECKING:
    from spacy.tokens import Token

_AGREEMENTS = frozenset("deal agreement accord pact bargain compromise truce ceasefire settlement treaty arrangement "
                        "understanding framework roadmap memorandum".split())
_RESTRICTIONS = frozenset(
    "suspension restriction restrictions curb curbs ban bans blockade embargo sanction sanctions curfew siege "
    "lockdown freeze cap limit limits control controls tariff tariffs duty duties measure measures blackout "
    "shutdown moratorium emergency quarantine".split()
)
_DROPPABLE = frozenset(
    "charge charges case cases duty duties tariff tariffs demand demands ban objection objections lawsuit suit "
    "prosecution claim claims condition conditions precondition preconditions sanction sanctions veto increase "
    "hike tax taxes toll tolls levy decree bill directive plan plans".split()
)
_ACCEPTED_DEMANDS = frozenset("demand demands condition conditions terms request requests resignation".split())
_MEETINGS = frozenset(
    "visit visits talks talk summit meeting meetings consultation consultations negotiation negotiations".split()
)
_OFFICIALS = frozenset(
    "president minister premier chancellor envoy delegation leader secretary king queen emir prince "
    "ambassador chief commander general foreign".split()
)
_SHARED = frozenset("data intelligence information".split())
_TROOPS = frozenset(
    "troop troops force forces soldier soldiers fighter fighters unit units division brigade battalion presence "
    "contingent personnel build-up buildup deployment weapon weapons artillery tank tanks".split()
)
_WEAPONS_AID = frozenset("weapon weapons arm arms missile missiles shell shells ammunition munitions drone drones "
                         "aid money cash fund funds interceptor interceptors tank tanks package battery batteries "
                         "howitzer howitzers jet jets".split())
_LENDING = frozenset("loan loans bailout tranche disbursement grant grants package aid assistance credit".split())
_MONEY = frozenset("dollar dollars billion million euro euros $ riyal riyals yuan fund funds".split())
_FIGHTERS = frozenset("troop troops soldier soldiers fighter fighters militia militias militiamen volunteer volunteers "
                      "unit units force forces rebel rebels militant militants".split())
_BODIES = frozenset("ecowas bloc union alliance organisation organization pact treaty court commonwealth opec "
                    "nato community".split())
_HALTED = frozenset("attack attacks operation operations offensive hostilities strike strikes raid raids".split())
_MILITIAS = frozenset("militia militias vigilante vigilantes brigade brigades battalion battalions".split())
_DIPLOMATS = frozenset("diplomat diplomats ambassador envoy attache consul".split())
_PENALTIES = frozenset("sanction sanctions tariff tariffs embargo duty duties penalty penalties levy".split())
_REFUSED = frozenset("attend join participate sign meet accept recognise recognize endorse extend renew".split())
_STREETS = frozenset("street streets square squares road roads".split())
_SUPPORT = frozenset("support solidarity backing approval".split())
_GATHERINGS = frozenset("rally rallies protest protests demonstration demonstrations gathering gatherings march "
                        "marches assembly assemblies sit-in sit-ins".split())
_LINKS = frozenset("road roads route routes supply supplies access water electricity power internet aid food".split())
_TRADE = frozenset("import imports export exports trade".split())
_ASSISTANCE = frozenset("aid assistance funding support loan loans disbursement disbursements".split())


@dataclass(frozen=True)
class Idiom:
    """A verb idiom: every given part must be present (``None``: not required)."""

    verbs: frozenset[str]
    sense: Sense
    prt: frozenset[str] | None = None  # a particle or adverb child ("out", "back", "jointly")
    obj: frozenset[str] | None = None  # the direct object's lemma
    prep: str | None = None  # a preposition child ...
    pobj: frozenset[str] | None = None  # ... and its object's lemma (None: any object)
    xcomp: frozenset[str] | None = None  # the lemma of an open complement ("declined to attend")
    official: bool = False  # the subject is a person or an office holder
    gerund: bool = False  # an -ing clause follows ("ruled out ceding territory")
    subj: frozenset[str] | None = None  # the subject's lemma ("fighters massed ...")
    parties: bool = False  # two or more coordinated subjects ("the government and the ELN committed to ...")
    inside: frozenset[str] | None = None  # a word anywhere under the verb ("declared ... persona non grata")


def _v(words: str) -> frozenset[str]:
    return frozenset(words.split())


IDIOMS: tuple[Idiom, ...] = (
    # AGREE
    Idiom(_v("strike ink seal clinch hammer"), Sense("AGREE", None, "057", 0.8), obj=_AGREEMENTS),
    Idiom(_v("put"), Sense("AGREE", None, "057", 0.75), obj=frozenset({"signature", "signatures", "name"}),
          prep="to"),
    Idiom(_v("accept"), Sense("AGREE", None, "057", 0.65), obj=_AGREEMENTS - {"deal", "bargain"}),
    Idiom(_v("accept"), Sense("AGREE", None, "057", 0.6), obj=_v("plan proposal offer"),
          inside=_v("truce ceasefire peace")),
    Idiom(_v("accept recognise recognize"), Sense("CONCEDE", None, "080", 0.5),
          obj=_v("outcome result results verdict defeat")),  # "will not accept the outcome" is a refusal (status)
    Idiom(_v("commit settle"), Sense("AGREE", None, "057", 0.6), prep="on", parties=True),
    Idiom(_v("commit"), Sense("AGREE", None, "057", 0.6), prep="to", parties=True),
    Idiom(_v("commit consent"), Sense("AGREE", None, "057", 0.65), prep="to", pobj=_AGREEMENTS),
    # ACCUSE
    Idiom(_v("lash hit"), Sense("ACCUSE", None, "111", 0.75), prt=frozenset({"out"})),
    Idiom(_v("point"), Sense("ACCUSE", None, "112", 0.75), obj=frozenset({"finger"})),
    Idiom(_v("take"), Sense("ACCUSE", None, "111", 0.6), obj=frozenset({"aim"}), prep="at"),
    Idiom(_v("tear lay"), Sense("ACCUSE", None, "111", 0.7), prep="into"),
    Idiom(_v("hold"), Sense("ACCUSE", None, "112", 0.7), inside=frozenset({"responsible", "accountable"})),
    Idiom(_v("lodge register file"), Sense("ACCUSE", None, "111", 0.75), obj=_v("protest complaint")),
    Idiom(_v("level"), Sense("ACCUSE", None, "112", 0.75), obj=_v("accusation accusations charge charges allegation "
                                                                  "allegations criticism")),
    Idiom(_v("issue"), Sense("ACCUSE", None, "112", 0.65), obj=_v("warrant warrants")),
    Idiom(_v("attribute"), Sense("ACCUSE", None, "112", 0.65), prep="to",
          obj=_v("attack attacks bombing killing killings strike shooting explosion blast massacre abduction")),
    Idiom(_v("file bring unseal press"), Sense("ACCUSE", None, "112", 0.7), obj=_v("charge charges accusation "
                                                                                  "accusations complaint lawsuit")),
    Idiom(_v("rail inveigh"), Sense("ACCUSE", None, "111", 0.75), prep="against"),
    Idiom(_v("open launch"), Sense("ACCUSE", "investigate", "090", 0.7), obj=_v("investigation probe inquiry")),
    # SUPPORT
    Idiom(_v("throw put"), Sense("SUPPORT", None, "051", 0.8), obj=frozenset({"weight"}), prep="behind"),
    Idiom(_v("express voice declare reaffirm reiterate offer"), Sense("SUPPORT", None, "051", 0.7), obj=_SUPPORT),
    Idiom(_v("come"), Sense("SUPPORT", None, "051", 0.7), prt=frozenset({"out"}), prep="in",
          pobj=_v("support favour favor")),
    Idiom(_v("come rush spring leap"), Sense("SUPPORT", None, "051", 0.7), prep="to",
          pobj=_v("defence defense aid")),
    Idiom(_v("heap shower lavish"), Sense("SUPPORT", None, "051", 0.75), obj=_v("praise")),
    Idiom(_v("stand"), Sense("SUPPORT", None, "051", 0.6), prep="behind"),
    Idiom(_v("stand"), Sense("SUPPORT", None, "051", 0.55), prep="with"),
    Idiom(_v("speak"), Sense("SUPPORT", None, "051", 0.65), prep="in", pobj=_v("favour favor support defence defense")),
    Idiom(_v("assure"), Sense("SUPPORT", None, "051", 0.65), prep="of", pobj=_SUPPORT),
    Idiom(_v("receive win secure"), Sense("SUPPORT", None, "051", 0.6), obj=_v("support backing endorsement")),
    # REJECT
    Idiom(_v("vote"), Sense("REJECT", None, "120", 0.7), prep="against"),
    Idiom(_v("rule"), Sense("REJECT", None, "120", 0.7), prt=frozenset({"out"}), gerund=True),
    Idiom(_v("decline refuse"), Sense("REJECT", None, "120", 0.7), xcomp=_REFUSED),
    Idiom(_v("decline refuse spurn deny"), Sense("REJECT", None, "120", 0.7), obj=_v("request requests proposal "
                                                                                "plea appeal demand demands "
                                                                                "warrant bail application visa")),
    Idiom(_v("decline"), Sense("REJECT", None, "120", 0.7), obj=frozenset({"invitation"}),
          inside=_v("summit talks meeting conference negotiations")),
    Idiom(_v("throw"), Sense("REJECT", None, "120", 0.65), prt=frozenset({"out"}),
          obj=_v("plan proposal request bid offer motion appeal case")),
    Idiom(_v("brush"), Sense("REJECT", None, "120", 0.7), prt=_v("aside off")),
    Idiom(_v("cast use wield"), Sense("REJECT", None, "120", 0.75), obj=_v("veto")),
    Idiom(_v("turn"), Sense("REJECT", None, "120", 0.6), prt=frozenset({"back"}),
          obj=_v("plane planes flight flights ship ships boat boats migrant migrants delegation convoy")),
    # PROTEST
    Idiom(_v("take pour spill flood"), Sense("PROTEST", "demo", "141", 0.8), prep="to", pobj=_STREETS),
    Idiom(_v("pour spill flood"), Sense("PROTEST", "demo", "141", 0.7), prep="into", pobj=_STREETS),
    Idiom(_v("hit"), Sense("PROTEST", "demo", "141", 0.6), obj=_v("street streets")),
    # AID
    Idiom(_v("supply furnish provide arm"), Sense("AID", "military", "072", 0.65), prep="with", pobj=_WEAPONS_AID),
    Idiom(_v("supply funnel channel smuggle ferry"), Sense("AID", "military", "072", 0.6), obj=_WEAPONS_AID,
          prep="to"),
    Idiom(_v("approve grant extend disburse release"), Sense("AID", "economic", "071", 0.65), obj=_LENDING,
          inside=_MONEY | frozenset({"for", "to"})),
    Idiom(_v("deposit"), Sense("AID", "economic", "071", 0.7), obj=_MONEY),
    Idiom(_v("transfer deliver gift donate"), Sense("AID", "military", "072", 0.65), obj=_WEAPONS_AID, prep="to"),
    Idiom(_v("drop airdrop parachute"), Sense("AID", "humanitarian", "073", 0.7),
          obj=_v("food parcel parcels aid supplies ration rations medicine medicines")),
    # CONCEDE
    Idiom(_v("lift ease relax loosen scrap remove rescind revoke"), Sense("CONCEDE", "ease", "081", 0.75),
          obj=_RESTRICTIONS),
    Idiom(_v("roll"), Sense("CONCEDE", "ease", "081", 0.7), prt=frozenset({"back"}), obj=_RESTRICTIONS),
    Idiom(_v("drop withdraw"), Sense("CONCEDE", None, "080", 0.7), obj=_DROPPABLE),
    Idiom(_v("accept grant"), Sense("CONCEDE", None, "080", 0.65), obj=_ACCEPTED_DEMANDS),
    Idiom(_v("meet"), Sense("CONCEDE", None, "080", 0.6), obj=frozenset({"demands"})),  # not "meet demand" (market)
    Idiom(_v("give"), Sense("CONCEDE", None, "080", 0.6), prt=frozenset({"back"})),
    Idiom(_v("back"), Sense("CONCEDE", None, "080", 0.7), prt=frozenset({"down"})),
    Idiom(_v("step"), Sense("CONCEDE", None, "080", 0.6), prt=frozenset({"down", "aside"})),
    Idiom(_v("grant"), Sense("CONCEDE", "release", "0841", 0.75), obj=_v("amnesty pardon clemency bail parole")),
    Idiom(_v("bow yield cave give accede"), Sense("CONCEDE", None, "080", 0.7), prep="to",
          pobj=_v("demand demands pressure pressures call calls")),
    # COERCE
    Idiom(_v("cut"), Sense("COERCE", "blockade", "191", 0.7), prt=frozenset({"off"}), obj=_LINKS),
    Idiom(_v("haul drag"), Sense("COERCE", "arrest", "173", 0.6), prt=frozenset({"in"})),
    Idiom(_v("ban bar outlaw forbid"), Sense("COERCE", "ban", "172", 0.75), obj=_GATHERINGS),
    Idiom(_v("commute"), Sense("CONCEDE", "release", "0841", 0.7), obj=_v("sentence sentences")),
    Idiom(_v("set"), Sense("CONCEDE", "release", "0841", 0.75), prt=_v("free loose")),
    Idiom(_v("restore reinstate"), Sense("CONCEDE", "ease", "081", 0.65),
          obj=_v("licence licences license licenses accreditation accreditations access service services internet")),
    Idiom(_v("allow permit"), Sense("CONCEDE", "ease", "081", 0.6), obj=_v("convoy convoys aid access delivery "
                                                                            "deliveries evacuation evacuations")),
    Idiom(_v("return repatriate"), Sense("CONCEDE", "release", "0841", 0.6),
          obj=_v("prisoner prisoners detainee detainees child children hostage hostages captive captives body bodies "
                 "soldier soldiers fisherman fishermen")),
    # CONSULT
    Idiom(_v("shuttle"), Sense("CONSULT", "third-party", "045", 0.75), prep="between"),
    Idiom(_v("arrive land travel fly head go come"), Sense("CONSULT", "visit", "042", 0.7), prep="for",
          pobj=_MEETINGS),
    Idiom(_v("travel fly head jet"), Sense("CONSULT", "visit", "042", 0.55), prep="to", official=True),
    Idiom(_v("sit"), Sense("CONSULT", None, "040", 0.6), prt=frozenset({"down"}), prep="with"),
    Idiom(_v("sit"), Sense("CONSULT", None, "040", 0.6), prt=frozenset({"down"}), parties=True),
    Idiom(_v("sit"), Sense("CONSULT", None, "040", 0.6), prt=frozenset({"down"}),
          subj=_v("negotiator negotiators delegation delegations envoy envoys")),
    Idiom(_v("receive get"), Sense("CONSULT", "visit", "042", 0.7), obj=_v("visit visits")),
    Idiom(_v("receive take make place"), Sense("CONSULT", "phone", "041", 0.7), obj=_v("call calls phone-call"),
          inside=_v("phone telephone video")),
    Idiom(_v("speak talk confer"), Sense("CONSULT", "phone", "041", 0.7), prep="over",
          pobj=_v("phone telephone")),
    Idiom(_v("speak talk confer"), Sense("CONSULT", "phone", "041", 0.7), prep="by", pobj=_v("phone telephone")),
    # COOPERATE
    Idiom(_v("share exchange pool"), Sense("COOPERATE", "intelligence", "064", 0.7), obj=_SHARED),
    Idiom(_v("transfer hand deliver extradite"), Sense("COOPERATE", "judicial", "063", 0.7), prep="into",
          pobj=frozenset({"custody"})),
    Idiom(_v("work operate act patrol"), Sense("COOPERATE", None, "060", 0.65), prt=_v("jointly together")),
    # MOBILIZE
    Idiom(_v("form raise create organise organize"), Sense("MOBILIZE", "militia", "154", 0.7), obj=_MILITIAS),
    Idiom(_v("mass amass pour converge"), Sense("MOBILIZE", "troops", "154", 0.6), subj=_FIGHTERS),
    Idiom(_v("bus truck airlift fly ferry move"), Sense("MOBILIZE", "troops", "154", 0.6), obj=_FIGHTERS,
          inside=_v("into to towards toward")),
    Idiom(_v("reorganise reorganize restructure overhaul"), Sense("MOBILIZE", "reorganize", "154", 0.6),
          obj=_v("command commands unit units force forces ranks structure")),
    Idiom(_v("call"), Sense("MOBILIZE", "troops", "154", 0.7), prt=frozenset({"in"}),
          obj=_TROOPS | _v("army military police rangers")),
    Idiom(_v("step ramp beef"), Sense("MOBILIZE", "troops", "154", 0.65), prt=frozenset({"up"}),
          obj=_v("presence deployment deployments patrol patrols security")),
    # RETREAT
    Idiom(_v("scale draw wind"), Sense("RETREAT", "withdraw", "0874", 0.7), prt=_v("back down"), obj=_TROOPS),
    Idiom(_v("move pull relocate"), Sense("RETREAT", "withdraw", "0874", 0.65), prt=_v("away back"), obj=_TROOPS),
    Idiom(_v("withdraw pull recall"), Sense("RETREAT", "withdraw", "0874", 0.75), obj=_TROOPS),
    Idiom(_v("order"), Sense("RETREAT", "withdraw", "0874", 0.7), xcomp=_v("withdraw retreat leave")),
    Idiom(_v("leave quit exit"), Sense("RETREAT", "withdraw", "0874", 0.6), subj=_FIGHTERS | _v("contingent")),
    Idiom(_v("suspend halt stop cease end"), Sense("RETREAT", None, "087", 0.6), obj=_HALTED),
    # SANCTION
    Idiom(_v("slap slam impose levy apply"), Sense("SANCTION", None, "163", 0.75), obj=_PENALTIES),
    Idiom(_v("double triple raise hike"), Sense("SANCTION", None, "163", 0.6), obj=_PENALTIES, prep="on"),
    Idiom(_v("declare"), Sense("SANCTION", None, "161", 0.8), inside=frozenset({"grata"})),
    Idiom(_v("quit leave exit"), Sense("SANCTION", None, "161", 0.6), obj=_BODIES),
    Idiom(_v("withdraw pull"), Sense("SANCTION", None, "161", 0.6), prep="from", pobj=_BODIES),
    Idiom(_v("place impose slap"), Sense("SANCTION", None, "163", 0.65), obj=_v("restriction restrictions curb curbs "
                                                                              "control controls"), inside=_TRADE),
    Idiom(_v("place put add"), Sense("SANCTION", None, "163", 0.7), prep="on",
          pobj=_v("list blacklist register")),
    Idiom(_v("place put add"), Sense("SANCTION", None, "163", 0.7), prep="to", pobj=_v("list blacklist")),
    Idiom(_v("restrict curb limit halt suspend ban"), Sense("SANCTION", None, "163", 0.65), obj=_TRADE),
    Idiom(_v("put place"), Sense("SANCTION", None, "163", 0.65), obj=_ASSISTANCE, prep="on",
          pobj=frozenset({"hold"})),
    Idiom(_v("bar ban"), Sense("SANCTION", None, "163", 0.6), inside=_v("entering entry")),
    Idiom(_v("order"), Sense("SANCTION", None, "161", 0.75), obj=_DIPLOMATS),
    Idiom(_v("ban bar deny"), Sense("SANCTION", None, "163", 0.6), obj=frozenset({"entry"})),
    # THREATEN
    Idiom(_v("serve"), Sense("THREATEN", None, "130", 0.75), obj=_v("notice warning ultimatum")),
    Idiom(_v("put"), Sense("THREATEN", None, "130", 0.7), prep="on", pobj=_v("notice")),
    Idiom(_v("put place"), Sense("MOBILIZE", "troops", "154", 0.65), prep="on", pobj=_v("alert standby duty")),
    Idiom(_v("rattle brandish wave"), Sense("THREATEN", "violence", "138", 0.75),
          obj=_v("sabre saber sabres sabers threat")),
    Idiom(_v("promise vow pledge threaten"), Sense("THREATEN", "violence", "138", 0.7),
          obj=_v("countermeasure countermeasures retaliation revenge reprisal reprisals response retribution")),
)
#: every verb lemma an idiom starts with (added to the sentence pre-filter)
IDIOM_LEMMAS: frozenset[str] = frozenset(v for idiom in IDIOMS for v in idiom.verbs)
_BY_VERB: dict[str, tuple[Idiom, ...]] = {
    v: tuple(i for i in IDIOMS if v in i.verbs) for v in IDIOM_LEMMAS
}


def _official(verb: Token) -> bool:
    for s in verb.children:
        if s.dep_ != "nsubj":
            continue
        if s.ent_type_ == "PERSON" or lem(s) in _OFFICIALS:
            return True
        if any(lem(c) in _OFFICIALS for c in s.children if c.dep_ in ("compound", "amod")):
            return True
    return False


def _fits(idiom: Idiom, verb: Token, objs: set[str]) -> bool:
    kids = list(verb.children)
    if idiom.prt is not None and not any(
        c.dep_ in ("prt", "advmod", "prep", "acomp", "oprd") and c.lower_ in idiom.prt for c in kids
    ):
        return False
    if idiom.obj is not None and not objs & idiom.obj:
        return False
    if idiom.prep is not None:
        heads = kids + [c for o in kids if o.dep_ == "dobj" for c in o.children]  # "placed five firms on a list"
        pobjs = [g for c in heads if c.dep_ in ("prep", "prt", "dative") and c.lower_ == idiom.prep
                 for g in c.children if g.dep_ == "pobj"]
        if not pobjs or (idiom.pobj is not None and not {lem(g) for g in pobjs} & idiom.pobj):
            return False
    if idiom.xcomp is not None and not any(c.dep_ == "xcomp" and lem(c) in idiom.xcomp for c in kids):
        return False
    if idiom.gerund and not any(c.dep_ in ("xcomp", "advcl", "pcomp", "dobj") and c.tag_ == "VBG" for c in kids):
        return False
    if idiom.inside is not None and not any(t.lower_ in idiom.inside for t in verb.subtree):
        return False
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if idiom.subj is not None and not words(subjects) & idiom.subj:
        return False
    if idiom.parties and not any(s.conjuncts for s in subjects):
        return False
    return not idiom.official or _official(verb)


def idiom_sense(verb: Token, lemma: str) -> Sense | None:
    """The sense of the first idiom of ``lemma`` that ``verb`` fits, else None."""
    candidates = _BY_VERB.get(lemma)
    if not candidates:
        return None
    objs = words(objects(verb))  # "imposed a 14th package of sanctions", "an offer of a truce"
    for idiom in candidates:
        if _fits(idiom, verb, objs):
            return idiom.sense
    return None
