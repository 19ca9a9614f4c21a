"""Shared fixtures: paths to the shared data (tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = ROOT / "src" / "eventscope" / "data" / "demo"

needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")
