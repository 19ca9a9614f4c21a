"""Shared fixtures: paths to the shared data (tests that need it skip when it is absent), the spaCy model and the
actor knowledge base (loaded once per session), and an HTTP client for the tests that run a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = ROOT / "src" / "eventscope" / "data" / "demo"

needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from eventscope.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def kb() -> Any:
    from eventscope.actors import ActorKB

    return ActorKB.load()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """An httpx client as ``fetch`` uses it, without proxies from the environment (tests talk to 127.0.0.1)."""
    from eventscope.intake.fetch import make_client

    with make_client(timeout=2, trust_env=False) as c:
        yield c
