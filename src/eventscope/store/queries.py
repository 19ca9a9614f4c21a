"""Read queries: event filters as SQL plus exact post-filters, country names, great-circle geometry."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry

from eventscope.errors import StoreError
from eventscope.store.country_data import COUNTRY_ALIASES
from eventscope.store.schema import FTS_TABLE

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
_KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0
_WORD = re.compile(r"\w+")


class QueryError(StoreError, ValueError):
    """A filter given to :meth:`Store.events` is not valid (unknown country, near without within_km, ...)."""

    code = "E031"


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of :meth:`Store.events`; every given filter must hold (AND)."""

    type: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    near: tuple[float, float] | None = None
    within_km: float | None = None
    text: str | None = None
    status: str | None = None
    limit: int | None = None
    reprints: bool = False  # also return the events of documents that reprint another document of their story

    def validate(self) -> None:
        if (self.near is None) != (self.within_km is None):
            raise QueryError("near and within_km go together: give both or neither")
        if self.near is not None:
            lat, lon = self.near
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                raise QueryError(f"near must be (lat, lon) in degrees, got {self.near!r}")
        if self.within_km is not None and not self.within_km >= 0:
            raise QueryError(f"within_km must be >= 0, got {self.within_km!r}")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since ({self.since}) is after until ({self.until})")
        if self.limit is not None and self.limit < 0:
            raise QueryError(f"limit must be >= 0, got {self.limit!r}")


# --- countries -----------------------------------------------------------------------------------------------------


def resolve_country(value: str) -> str:
    """An ISO 3166-1 alpha-3 code for a code (alpha-2/alpha-3) or an English country name; QueryError if unknown."""
    text = value.strip()
    key = re.sub(r"^the\s+", "", text.lower())
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if len(text) == 3 and text.isalpha():
        found = pycountry.countries.get(alpha_3=text.upper())
        if found is not None:
            return str(found.alpha_3)
        if text.isupper():  # user-assigned codes such as XKX (Kosovo)
            return text
    try:
        return str(pycountry.countries.lookup(key or text).alpha_3)
    except LookupError:
        raise QueryError(f"unknown country {value!r}: give an ISO 3166-1 alpha-3 code or an English name") from None


# --- geometry --------------------------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


LonRange = tuple[float, float]


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, list[LonRange] | None]:
    """A box holding every point within ``km`` of (lat, lon): (lat_lo, lat_hi, lon ranges or None for any).

    Longitude ranges are split in two where the box crosses the antimeridian; None when the circle reaches a pole.
    """
    dlat = km / _KM_PER_DEGREE
    lat_lo, lat_hi = lat - dlat, lat + dlat
    if lat_lo <= -90.0 or lat_hi >= 90.0:
        return max(lat_lo, -90.0), min(lat_hi, 90.0), None
    ratio = math.sin(km / EARTH_RADIUS_KM) / math.cos(math.radians(lat))
    if km / EARTH_RADIUS_KM >= math.pi / 2 or ratio >= 1.0:
        return lat_lo, lat_hi, None
    dlon = math.degrees(math.asin(ratio))
    lo, hi = lon - dlon, lon + dlon
    if lo < -180.0:
        return lat_lo, lat_hi, [(lo + 360.0, 180.0), (-180.0, hi)]
    if hi > 180.0:
        return lat_lo, lat_hi, [(lo, 180.0), (-180.0, hi - 360.0)]
    return lat_lo, lat_hi, [(lo, hi)]


# --- SQL -------------------------------------------------------------------------------------------------------------

#: columns every event query selects: the post-filters read them by position
SELECT = "SELECT e.json, e.lat, e.lon, e.evidence, d.title FROM events e JOIN documents d ON d.id = e.document_id"
ORDER = "ORDER BY d.published IS NULL, d.published, d.id, e.evidence_start, e.trigger_start, e.id"
Row = tuple[Any, ...]
PostFilter = Callable[[Row], bool]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def build_event_query(q: EventQuery, *, fts: bool) -> tuple[str, list[Any], list[PostFilter]]:
    """SQL and parameters for ``q``, and the Python filters to apply to each row afterwards (distance, LIKE words)."""
    q.validate()
    where: list[str] = []
    params: list[Any] = []
    post: list[PostFilter] = []
    if q.type:
        where.append("(e.type = ? OR e.acled_event_type = ? OR e.acled_sub_event_type = ?)")
        params += [q.type.strip()] * 3
    if q.status:
        where.append("e.status = ?")
        params.append(q.status.strip())
    if q.country:
        iso3 = resolve_country(q.country)
        where.append("(e.country = ? OR e.id IN (SELECT event_id FROM event_actors WHERE country = ?))")
        params += [iso3, iso3]
    if q.since:
        where.append("COALESCE(e.date_latest, e.date_earliest) >= ?")
        params.append(q.since.isoformat())
    if q.until:
        where.append("COALESCE(e.date_earliest, e.date_latest) <= ?")
        params.append(q.until.isoformat())
    if q.near is not None and q.within_km is not None:
        _near(q.near, q.within_km, where, params, post)
    tokens = words(q.text or "")
    if tokens:
        _text(tokens, fts, where, params, post)
    if not q.reprints:
        where.append("d.reprint_of IS NULL")
    sql = SELECT + (" WHERE " + " AND ".join(where) if where else "") + " " + ORDER
    if q.limit is not None and not post:
        sql += " LIMIT ?"
        params.append(q.limit)
    return sql, params, post


def _near(near: tuple[float, float], km: float, where: list[str], params: list[Any], post: list[PostFilter]) -> None:
    lat, lon = near
    lat_lo, lat_hi, lon_ranges = bounding_box(lat, lon, km)
    where.append("e.lat BETWEEN ? AND ? AND e.lon IS NOT NULL")
    params += [lat_lo, lat_hi]
    if lon_ranges is not None:
        where.append("(" + " OR ".join("e.lon BETWEEN ? AND ?" for _ in lon_ranges) + ")")
        for lo, hi in lon_ranges:
            params += [lo, hi]
    post.append(lambda row: haversine_km(lat, lon, row[1], row[2]) <= km)


def _text(tokens: list[str], fts: bool, where: list[str], params: list[Any], post: list[PostFilter]) -> None:
    if fts:
        where.append(f"e.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        params.append(" ".join('"' + t.replace('"', '""') + '"' for t in tokens))
        return
    # fallback without FTS5: LIKE narrows, a whole-word check in Python keeps "rock" from matching "rocket"
    for t in tokens:
        where.append("(e.evidence LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\')")
        pattern = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    patterns = [re.compile(rf"(?<!\w){re.escape(t)}(?!\w)", re.IGNORECASE) for t in tokens]
    post.append(lambda row: all(p.search(f"{row[3] or ''}\n{row[4] or ''}") for p in patterns))
