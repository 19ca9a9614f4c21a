"""Word lists for the argument checks of ``context.py`` (data only): who or what a trigger's object must be."""

from __future__ import annotations

#: people as the object of violence ("beat two refugees", "snatched a teacher")
HUMAN_NOUNS: frozenset[str] = frozenset(
    "man men woman women child children boy girl people person civilian villager resident refugee migrant shepherd "
    "farmer herder cleric priest pastor imam worker miner student pupil teacher journalist reporter activist "
    "protester demonstrator detainee prisoner suspect thief pickpocket soldier officer policeman fighter member "
    "worshipper trader driver passenger patient doctor nurse correspondent representative representatives".split()
)
#: what is dismissed or denied: a claim, a charge, a proposal ("dismissed the report as biased")
CLAIM_NOUNS: frozenset[str] = frozenset(
    "claim allegation accusation charge report reports rumour rumor speculation concern criticism formula proposal "
    "plan offer call demand request idea suggestion involvement responsibility role account statement "
    "assertion finding findings".split()
)
#: what is turned down ("turned down a request for missiles")
REQUEST_NOUNS: frozenset[str] = frozenset("request offer invitation proposal plea appeal bid demand application".split())
#: what police disperse or clear: a crowd or a gathering ("dispersed a rally", "cleared a protest camp")
GATHERING_NOUNS: frozenset[str] = frozenset(
    "crowd protester demonstrator rally protest demonstration gathering sit-in march vigil camp tent encampment "
    "blockade mob marcher supporter student worker".split()
)
#: what air defences down ("downed 21 drones", "downed a fighter jet")
AIRBORNE_NOUNS: frozenset[str] = frozenset(
    "drone missile rocket aircraft plane jet helicopter uav warplane bomber fighter shahed".split()
)
#: subjects that destroy without an actor (floods, fires): no coercion
HAZARD_NOUNS: frozenset[str] = frozenset(
    "flood fire wildfire blaze storm hurricane cyclone typhoon earthquake quake landslide rain tornado drought "
    "pest locust disease virus floods fires wildfires storms earthquakes landslides".split()
)
#: objects of "received" that make a visit ("received a delegation", "received the foreign minister")
VISITOR_NOUNS: frozenset[str] = frozenset(
    "delegation minister envoy ambassador president leader chief head counterpart premier king emir prince "
    "secretary commander delegate emissary".split()
)
#: objects of "laid down" / "downed" that end fighting or work
LAID_DOWN: frozenset[str] = frozenset("arm arms weapon weapons".split())
TOOLS: frozenset[str] = frozenset("tool tools".split())
#: "walked off the job", "stopped work": labour stoppages
WORK_NOUNS: frozenset[str] = frozenset("job work shift".split())
#: who goes on a labour strike ("a strike by oil workers", "nurses held a strike"): not an air strike
STRIKER_WORDS: frozenset[str] = frozenset(
    "worker workers teacher teachers nurse nurses doctor doctors union unions driver drivers controller controllers "
    "employee employees staff miner miners docker dockers dockworker dockworkers pilot pilots porter porters cleaner "
    "cleaners lecturer lecturers trucker truckers farmer farmers".split()
)
#: weapons that do the hitting ("drones hit an airfield", "a rocket landed in the Green Zone")
WEAPON_SUBJECTS: frozenset[str] = frozenset(
    "drone drones shahed shaheds missile missiles rocket rockets shell shells mortar mortars artillery barrage "
    "airstrike airstrikes warplane warplanes jet jets bomb bombs minefield mine mines landmine landmines ied "
    "grenade grenades katyusha".split()
)
#: verbs of impact that name an attack when a weapon is their subject
IMPACT_VERBS: frozenset[str] = frozenset("hit land rain slam wound injure pound crash".split())
#: what police break up, push back or drag away: protesters and their gatherings
MOVED_AWAY: frozenset[str] = frozenset("up back away".split())
#: objects of "ruled out", "declined": offers and talks, not forecasts
REFUSABLE: frozenset[str] = frozenset(
    "mediation talk talks negotiation negotiations dialogue ceasefire truce compromise withdrawal concession deal "
    "recognition invitation offer request proposal plea appeal criticism".split()
)
#: what states cut, halt or break with one another: relations, trade, aid
RELATION_NOUNS: frozenset[str] = frozenset("relation relations tie ties".split())
TRADE_NOUNS: frozenset[str] = frozenset("trade export exports import imports".split())
ASSISTANCE_NOUNS: frozenset[str] = frozenset("aid assistance support funding".split())
MISSION_NOUNS: frozenset[str] = frozenset("embassy consulate mission".split())
#: what is reopened or restored as a concession ("reopened the crossing", "restored mobile internet")
OPENABLE: frozenset[str] = frozenset("crossing border airport road route corridor internet port checkpoint".split())
#: what is sought as a request ("sought the extradition of a suspect")
SOUGHT: frozenset[str] = frozenset(
    "extradition release help assistance support clarification explanation meeting talks ceasefire warrant "
    "warrants handover return".split()
)
#: what a vow must be about to be a threat
THREAT_WORDS: frozenset[str] = frozenset(
    "weapon weapons nuclear force retaliate retaliation revenge avenge crush destroy punish strike attack war "
    "annihilate wipe target hit".split()
)
#: people handed over as captives set free, and as wanted criminals
HOSTAGE_WORDS: frozenset[str] = frozenset("hostage hostages captive captives kidnapped abducted".split())
CRIMINAL_WORDS: frozenset[str] = frozenset(
    "suspect suspects fugitive fugitives boss bosses criminal criminals trafficker traffickers crew pirate pirates "
    "convict convicts".split()
)
#: what a country sends to another as aid, not as a deployment ("sent a medical brigade to Venezuela")
RELIEF_WORDS: frozenset[str] = frozenset("medical rescue relief humanitarian doctor doctors".split())
#: who is expelled as a diplomatic sanction, and who as coercion of civilians
EXPELLED_DIPLOMATS: frozenset[str] = frozenset("diplomat diplomats ambassador envoy attache staff consul".split())
#: who takes people as captives, not as prisoners
ABDUCTOR_WORDS: frozenset[str] = frozenset("gunman gunmen kidnapper kidnappers bandit bandits abductor pirate".split())
#: state agents who pick people up (an arrest, not a kidnapping)
SECURITY_WORDS: frozenset[str] = frozenset("agent agents police officer officers intelligence security soldier soldiers".split())
#: buildings and things that vandals smash or damage
BUILDINGS: frozenset[str] = frozenset(
    "window windows statue monument temple church mosque synagogue shrine school shop shops farmland grave graves "
    "cemetery bookshop office offices".split()
)
#: doers of destruction that the actor table does not name
ATTACKER_NOUNS: frozenset[str] = frozenset(
    "attacker assailant settler gang gangster bandit engineer coalition army militant jihadist rebel "
    "fighter gunman we they".split()
)
#: payments, which "received" does not make aid (salaries, orders, donations to charities)
FUNDS: frozenset[str] = frozenset("loan grant fund funds".split())
#: who or what makes "targeted" an attack: weapons and armed actors as subject or instrument
ARMED_WORDS: frozenset[str] = frozenset(
    "drone drones missile missiles rocket rockets jet jets warplane warplanes aircraft helicopter artillery mortar "
    "bomber suicide militant militants rebel rebels insurgent insurgents jihadist jihadists gunman gunmen fighter "
    "fighters army troops soldier soldiers mob mobs militia brick bricks stone stones explosive explosives bomb "
    "bombs grenade grenades airstrike airstrikes".split()
)
#: what comes under fire besides troops and places
TARGET_NOUNS: frozenset[str] = frozenset("convoy patrol vehicle ship vessel boat plane aircraft helicopter".split())
#: talks an invitation or an offer is about ("declined an invitation to ceasefire talks")
TALKS: frozenset[str] = frozenset("talk talks negotiation negotiations mediation ceasefire truce dialogue".split())
