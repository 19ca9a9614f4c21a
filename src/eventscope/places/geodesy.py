"""Great-circle helpers: distance, destination point, and parts of a bounding box."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def normalize_lon(lon: float) -> float:
    """Longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def destination(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along the initial bearing (degrees clockwise from north).

    Exact on a sphere; passing over a pole or the antimeridian gives a normal (lat, lon) in range.
    """
    phi1, lam1 = math.radians(lat), math.radians(lon)
    theta, delta = math.radians(bearing_deg), distance_km / EARTH_RADIUS_KM
    sin_phi2 = math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    phi2 = math.asin(max(-1.0, min(1.0, sin_phi2)))
    y = math.sin(theta) * math.sin(delta) * math.cos(phi1)
    x = math.cos(delta) - math.sin(phi1) * sin_phi2
    lam2 = lam1 + math.atan2(y, x)
    return math.degrees(phi2), normalize_lon(math.degrees(lam2))


def part_of_box(box: tuple[float, float, float, float], bearing_deg: float | None) -> tuple[float, float]:
    """The centre of the part of a (min_lat, max_lat, min_lon, max_lon) box lying toward a compass bearing
    (None: the middle). The part's centre sits halfway between the box centre and its edge."""
    min_lat, max_lat, min_lon, max_lon = box
    width = (max_lon - min_lon) % 360.0 if max_lon < min_lon else max_lon - min_lon
    clat, clon = (min_lat + max_lat) / 2, normalize_lon(min_lon + width / 2)
    if bearing_deg is None:
        return clat, clon
    north = math.cos(math.radians(bearing_deg))
    east = math.sin(math.radians(bearing_deg))
    return clat + north * (max_lat - min_lat) / 4, normalize_lon(clon + east * width / 4)
