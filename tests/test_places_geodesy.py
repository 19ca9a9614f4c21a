"""Great-circle helpers: destination points (poles, antimeridian) and parts of boxes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope.places.geodesy import destination, haversine_km, normalize_lon, part_of_box


@pytest.mark.parametrize(
    ("lat", "lon", "bearing", "km", "want"),
    [
        (36.89, 38.35, 270.0, 4.0, (36.89, 38.305)),
        (0.0, 0.0, 90.0, 111.195, (0.0, 1.0)),
        (0.0, 179.9, 90.0, 22.239, (0.0, -179.9)),  # across the antimeridian
        (89.9, 0.0, 0.0, 22.239, (89.9, 180.0)),  # over the pole: comes down the other side
        (-89.95, 10.0, 180.0, 11.12, (-89.95, -170.0)),
    ],
)
def test_destination(lat: float, lon: float, bearing: float, km: float, want: tuple[float, float]) -> None:
    got = destination(lat, lon, bearing, km)
    assert haversine_km(*got, *want) < 0.5


@given(st.floats(-89.9, 89.9), st.floats(-180, 180), st.floats(0, 360), st.floats(0, 2000))
def test_destination_distance_roundtrip(lat: float, lon: float, bearing: float, km: float) -> None:
    la, lo = destination(lat, lon, bearing, km)
    assert -90 <= la <= 90 and -180 <= lo < 180
    assert haversine_km(lat, lon, la, lo) == pytest.approx(km, abs=1e-3)


@pytest.mark.parametrize(("lon", "want"), [(190.0, -170.0), (-180.0, -180.0), (180.0, -180.0), (45.0, 45.0)])
def test_normalize_lon(lon: float, want: float) -> None:
    assert normalize_lon(lon) == pytest.approx(want)


@pytest.mark.parametrize(
    ("bearing", "want"),
    [(None, (35.0, 38.0)), (0.0, (36.0, 38.0)), (90.0, (35.0, 39.5)), (225.0, (34.29, 36.94))],
)
def test_part_of_box(bearing: float | None, want: tuple[float, float]) -> None:
    got = part_of_box((33.0, 37.0, 35.0, 41.0), bearing)
    assert got == pytest.approx(want, abs=0.01)
