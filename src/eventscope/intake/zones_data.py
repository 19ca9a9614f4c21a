"""Vocabulary for the zone classifier, kept as data.

Each table lists lower-case phrases (plain words, or small regular-expression fragments where a number or a name
varies). ``zones.py`` compiles every table into one pattern. Phrases must be specific to page furniture: a news
paragraph that merely mentions a donation or a newsletter must not match them.
"""

from __future__ import annotations

#: Page furniture that sits around an article: donation banners, newsletter prompts, share/follow bars,
#: cookie notices, "related" lists, navigation. Category name -> phrases.
WIDGET_PHRASES: dict[str, tuple[str, ...]] = {
    "donation": (
        r"make a (?:charitable |one-time |monthly )?donation",
        r"donate (?:now|today|here|to us|monthly)",
        r"^donate$",
        r"^support (?:the )?\S+(?: \S+){0,2}$",
        r"support (?:us|our work|our journalism|independent journalism|quality journalism)",
        r"become a (?:patron|supporter|member|subscriber)",
        r"(?:paypal|patreon|buy me a coffee|crypto(?:currency)? donations?)",
        r"your (?:donation|contribution|support) (?:helps|keeps|makes)",
        r"choose (?:an|your) amount",
        r"one[- ]time (?:payment|donation)",
    ),
    "newsletter": (
        r"(?:sign up|subscribe|register) (?:for|to) (?:our|the|my) (?:\S+ )?(?:newsletter|mailing list|daily|weekly|briefing|digest)",
        r"join (?:the|our) (?:\S+ )?mailing list",
        r"(?:daily|weekly) newsletter",
        r"^newsletter$",
        r"get (?:the latest|our) (?:news|stories|headlines)(?: \S+)? (?:in|to|delivered)",
        r"enter your e-?mail(?: address)?",
        r"^subscribe(?: now| today| here)?[.!]?$",
        r"^sign up(?: now| today| here)?[.!]?$",
        r"unsubscribe at any time",
    ),
    "share": (
        r"^share(?: this| on| via|:|$)",
        r"share (?:this|the) (?:article|story|post|page)",
        r"^(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|pinterest|vk)"
        r"(?:[ ,|/·•]+(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|pinterest|vk))+$",
        r"follow us(?: on)?",
        r"(?:like|follow) us on (?:facebook|twitter|telegram|instagram|x)",
        r"^tweet$",
        r"^print(?: this)?(?: article| page)?$",
        r"^(?:e-?mail|copy link|copy url)$",
        r"click to (?:share|print|email)",
    ),
    "cookies": (
        r"(?:we|this (?:web)?site) uses? cookies",
        r"accept (?:all )?cookies",
        r"cookie (?:policy|settings|preferences|consent)",
        r"by (?:continuing to (?:browse|use)|using) (?:this|our) (?:web)?site",
        r"privacy (?:policy|settings|preferences)",
        r"manage (?:consent|preferences)",
    ),
    "related": (
        r"^related(?: articles| stories| posts| news| content| coverage| reading| links)?:?$",
        r"^(?:read|see) (?:more|also)\b",
        r"^(?:more|also) (?:on|from|in) (?:this|the) (?:topic|story|section|site)",
        r"^(?:you (?:may|might) (?:also )?like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|editor'?s picks)",
        r"^(?:previous|next) (?:article|post|story)",
        r"^(?:tags?|topics?|categories|filed under|posted in)\s*:",
        r"^advertisement$",
        r"^(?:skip to (?:main )?content|back to top|home|menu|search|log ?in|sign in|register|contact(?: us)?|about(?: us)?)$",
        r"all rights reserved",
        r"^(?:©|\(c\)|copyright)\s",
        r"^(?:photo|image|video|file photo|credit)\s*:",
        r"terms (?:of|and) (?:use|service|conditions)",
        r"(?:download|get) (?:our|the) app",
        r"^(?:loading|please wait)\W*$",
        r"javascript (?:is )?(?:required|disabled)",
    ),
    # the same furniture in the other languages of news pages (de, es, fr, it, pt, pl); anchored phrases only match
    # at a line's start, unanchored ones contain a key of WIDGET_KEYS
    "related_intl": (
        r"^(?:auch lesen|lesen sie (?:auch|mehr)|lies auch|mehr (?:zum thema|themen|dazu)|mehr lesen\W*$)",
        r"^(?:weitere (?:artikel|beiträge|themen|nachrichten|meldungen)|weitere aktuelle themen)",
        r"^(?:empfohlene|ähnliche|verwandte) (?:beiträge|artikel)",
        r"^(?:das (?:thema )?könnte (?:dich|sie|euch) auch interessieren|auch interessant|top-themen)",
        r"^meist(?:-| )?(?:gelesen|diskutiert|kommentiert|geklickt)",
        r"^(?:lea|lee|vea|ver) (?:también|además|más)\b",
        r"^lea\s*:",
        r"^(?:le|te) puede (?:interesar|gustar)",
        r"^(?:más sobre|noticias relacionadas|artículos relacionados)\b",
        r"^(?:à lire aussi|a lire aussi|lire aussi|voir aussi|sur le même sujet|à voir aussi|pour aller plus loin)\b",
        r"^(?:leggi anche|potrebbe interessarti|articoli correlati)\b",
        r"^(?:leia (?:também|mais)|veja também|saiba mais)\b",
        r"^(?:czytaj (?:też|także|więcej)|zobacz (?:też|także)|polecamy)\b",
        r"^(?:anzeige|werbung|publicidad|publicité|pubblicità|reklama)(?:\s*[-–:|]|$)",
        r"^(?:inhaltsverzeichnis|table of contents|índice)$",
        r"^(?:wird geladen|cargando|chargement|caricamento)\W*$",
        r"^(?:schlagwörter|schlagworte|stichworte|etiquetas|temas|themen)\s*:",
        r"^(?:temas|themen|schlagwörter|etiquetas)$",
        r"^(?:foto|fotos|bild|bildquelle|bildnachweis|titelbild|beitragsbild|crédits? photos?|photo credits?|"
        r"fotografía|foto di)\s*:",
        r"^(?:beitragsbild|titelbild|bildnachweis)$",
        r"^(?:last modified|zuletzt (?:aktualisiert|geändert)|release date)\s*:?$",
        r"^impressum$",
    ),
    "social_intl": (
        r"^(?:teilen|teilen mit|drucken|merken|bewerten|versenden|compartir|partager|condividi|udostępnij)\s*:?$",
        r"^(?:folge|folgen sie|folgt) uns\b",
        r"s[ií]guenos (?:en|por)",
        r"^suivez-nous\b",
        r"^seguici\b",
        r"nuestro canal de (?:youtube|telegram|whatsapp)",
        r"follow (?:the )?\S+(?: \S+){0,2} on (?:twitter|facebook|instagram|telegram|youtube)",
    ),
    "subscription": (
        r"(?:zum|unseren?|den|im) newsletter (?:anmelden|abonnieren|bestellen)",
        r"mit unserem newsletter",
        r"abonnez-vous",
        r"suscr[ií]bete",  # key "suscr"
        r"zapraszamy (?:też )?do subskrypcji",
        r"to (?:view|read|continue reading) the full story",
        r"to (?:view|read|continue reading) the full article",
        r"subscribe now to",
        r"already a subscriber",
        r"first-time subscribers",
        r"pour lire la suite",
        r"pour accéder en illimité",
        r"sie sind (?:aktuell |derzeit )?nicht eingeloggt",
        r"hazte (?:miembro|socio)",
        r"never miss (?:the latest|a story|an update|out)",
        r"we (?:want|would like|'d like) to hear what you think",
        r"download the \S+(?: \S+)? apps? for",
    ),
    "rights_intl": (
        r"alle rechte vorbehalten",
        r"todos los derechos reservados",
        r"tous droits réservés",
        r"tutti i diritti riservati",
        r"materiał chroniony prawem",
        r"datenschutz(?:erklärung|hinweise| und nutzungsbedingungen|- und nutzungsbedingungen)",
    ),
    "comment_debris": (
        r"^(?:reply|report|flag|share|like|upvote|downvote)(?: \| (?:reply|report|flag|share|like))*$",
        r"^(?:\d+ |an? )?(?:years?|months?|weeks?|days?|hours?|minutes?) ago$",
        r"^guest$",
    ),
}

#: Comment-section furniture: any of these after the article's body opens the comment section (weaker per-comment
#: debris such as "Reply" or "3 hours ago" is in WIDGET_PHRASES["comment_debris"]: it never opens a section).
COMMENT_WIDGET_PHRASES: tuple[str, ...] = (
    r"^notify of\b",
    r"^(?:newest|oldest)(?: (?:first|most voted|oldest|newest))+$",
    r"^(?:newest|oldest|most voted|best|top)(?: \| (?:newest|oldest|most voted|best|top))+$",
    r"^inline feedbacks?$",
    r"^view all (?:\d+ )?comments?$",
    r"^(?:show|load|see) (?:more|all|\d+ more) (?:comments|replies)",
    r"please comment",
    r"^(?:\d+|no|one) (?:comments?|responses?|replies|thoughts? on .*)$",
    r"^comments?(?: \(\d+\))?:?$",
    r"^(?:reader|readers'?|user|your) comments?:?$",
    r"comments powered by disqus",
    r"^(?:add|write) a comment\W*$",
    r"^(?:sort|order) (?:comments )?by\b",
    r"^(?:leave|post|add|write) (?:a|your) (?:comment|reply|response)",
    r"^(?:log|sign) ?in to (?:reply|comment)",
    r"comments? (?:are|is) closed",
    r"you must be logged in to post a comment",
    r"join the (?:discussion|conversation)",
    r"would love your thoughts",
    r"^(?:\d+ )?(?:comments?|replies) (?:for|on) this (?:article|post|story)",
)

#: Substrings of which every phrase above that is not anchored with "^" contains at least one: a line without
#: any of them cannot match an unanchored phrase, so the (slower) phrase search is skipped for it.
WIDGET_KEYS: tuple[str, ...] = (
    "donat",
    "support",
    "patron",
    "paypal",
    "patreon",
    "coffee",
    "crypto",
    "contribution",
    "amount",
    "one-time",
    "one time",
    "newsletter",
    "mailing",
    "sign up",
    "subscri",
    "register",
    "latest",
    "mail",
    "share",
    "follow",
    "click",
    "cookie",
    "browse",
    "privacy",
    "consent",
    "preferences",
    "rights reserved",
    "terms",
    " app",
    "javascript",
    "comment",
    "logged",
    "discussion",
    "conversation",
    "thoughts",
    "guenos",
    "canal de",
    "abonnez",
    "suscr",
    "subskrypcji",
    "full story",
    "full article",
    "la suite",
    "illimit",
    "eingeloggt",
    "hazte",
    "never miss",
    "what you think",
    "vorbehalten",
    "reservados",
    "réservés",
    "riservati",
    "chroniony",
    "datenschutz",
)

#: Words that may surround a date in a date/time stamp line ("Published: Monday, 28 December 2020 3:45 PM GMT").
DATELINE_WORDS: frozenset[str] = frozenset(
    """
    published posted updated last modified created first on at date time edited
    am pm a.m. p.m. gmt utc bst cet cest est edt pst pdt msk ist jst et pt local
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    of the th st nd rd
    """.split()
)

#: Lower-case words that start a byline.
BYLINE_STARTS: tuple[str, ...] = (
    r"by",
    r"written by",
    r"reporting by",
    r"report by",
    r"words by",
    r"story by",
    r"author:?",
    r"authors:?",
    r"posted by",
    r"edited by",
    r"editing by",
    r"compiled by",
)

#: First-person and second-person markers of reader opinion (comment threads without widget text).
OPINION_WORDS: frozenset[str] = frozenset(
    "i i'm i've i'd my me mine imo imho lol you you're your u lmao wtf smh".split()
)

#: Domains of social networks and platforms: never taken as the outlet's name.
PLATFORM_DOMAINS: frozenset[str] = frozenset(
    """
    facebook.com twitter.com x.com t.me telegram.org youtube.com youtu.be instagram.com linkedin.com
    reddit.com whatsapp.com tiktok.com vk.com paypal.com patreon.com google.com apple.com wordpress.com
    """.split()
)

#: Top-level domains recognised in a site name written in the text ("GlobalSecurity.org").
SITE_TLDS: tuple[str, ...] = (
    "com",
    "org",
    "net",
    "info",
    "news",
    "tv",
    "io",
    "co",
    "us",
    "uk",
    "co.uk",
    "de",
    "fr",
    "ru",
    "ir",
    "sy",
    "tr",
    "eu",
    "int",
    "gov",
    "edu",
    "ca",
    "au",
    "in",
    "il",
    "ua",
    "am",
    "az",
    "ge",
    "online",
    "media",
    "press",
)


#: HTML class/id fragments of reader-comment containers (comment threads, forum replies), removed from a page before
#: its main text is extracted. Matched as substrings of the lower-cased ``class`` and ``id`` attributes.
COMMENT_BLOCK_MARKERS: tuple[str, ...] = (
    "comment",  # comments, commentlist, comment-item, commentaire, comentario(s) via "coment" below
    "coment",  # es/pt: comentario, comentarios
    "kommentar",  # de: Kommentare, kommentar-item
    "komentarz",  # pl
    "disqus",
    "respond",  # WordPress reply form
    "reply",
    "replies",
    "leserbrief",  # de: letters to the editor under an article
)

#: class/id fragments that name a comment *counter or link* (kept: they hold no comment text, and an article wrapper
#: such as ``<article class="post has-comments">`` must not be taken for a comment block).
COMMENT_BLOCK_EXCLUDE: tuple[str, ...] = (
    "count",
    "number",
    "link",
    "has-comment",
    "no-comment",
    "with-comment",
    "comments-open",
    "comments-closed",
    "comment-status",
    "commentbutton",
    "comment-button",
    "comment-icon",
)

#: Phrases after which a reprint names the outlet it took the article from (``dedupe``): regex fragments, matched
#: case-insensitively; the outlet's name follows them on the same line.
CREDIT_PHRASES: tuple[str, ...] = (
    r"\b(?:source|sources|via)(?=\s*:)",
    r"\bquellen?(?=\s*:)",
    r"\bfuentes?(?=\s*:)",
    r"\bsource originale\b",
    r"\b(?:this|the) (?:article|story|report|piece|post) (?:was )?(?:originally |first )?(?:appeared|published|ran)"
    r"(?: (?:on|in|at|by))?",
    r"\boriginally (?:appeared|published|posted|ran)(?: (?:on|in|at|by))?",
    r"\bfirst (?:appeared|published)(?: (?:on|in|at|by))?",
    r"\breprinted (?:with permission )?(?:from|by courtesy of)",
    r"\brepublished (?:with permission )?from",
    r"\bcourtesy of",
    r"\bwith (?:kind )?permission (?:of|from)",
    r"\bzuerst erschienen (?:in|auf|bei)",
    r"\bpublished by",
)


#: Month names of the other languages of news pages (full names, lower case) -> month number: datelines such as
#: "1. Februar 2022", "5 de marzo de 2021", "12 mars 2020" (English names are in ``metadata.MONTHS``).
def _numbered(names: str) -> dict[str, int]:
    return {m: i for i, m in enumerate(names.split(), 1)}


FOREIGN_MONTHS: dict[str, int] = {
    **_numbered("januar februar märz april mai juni juli august september oktober november dezember"),
    "jänner": 1,
    **_numbered("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    **_numbered("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "setiembre": 9,
    **_numbered("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    **_numbered("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
}

#: Words around a date in a non-English date/time stamp line ("Veröffentlicht am 1. Februar 2022, 10:15 Uhr").
FOREIGN_DATELINE_WORDS: frozenset[str] = frozenset(
    """
    veröffentlicht aktualisiert erstellt stand am um uhr von
    publié mis jour le à h
    publicado actualizado el de las hrs
    pubblicato aggiornato il alle ore
    atualizado em às
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado domingo
    """.split()
)
