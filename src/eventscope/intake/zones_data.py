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
