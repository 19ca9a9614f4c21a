"""Actor knowledge base and resolver: news noun phrases → canonical actors (name, ISO3 country, sector, ACLED inter).

kb = ActorKB.load()
kb.resolve("the Russian Defense Ministry")   # ActorMatch(entry=ActorEntry(id="RUS-MOD", ...), how="composed")
"""

from __future__ import annotations

from .entries import ActorDataError, ActorEntry, ActorMatch
from .kb import ActorKB, tokenize

__all__ = ["ActorDataError", "ActorEntry", "ActorKB", "ActorMatch", "tokenize"]
