"""robots.txt for ``fetch`` and ``watch``: a site's rules are read once a day and every URL is checked against them.

Rules are parsed by ``protego`` (Scrapy's parser: RFC 9309 groups, ``Allow``/``Disallow`` with ``*`` and ``$``,
the longest match wins, ``Crawl-delay``). What an answer for ``/robots.txt`` means follows RFC 9309 §2.3.1:

- 2xx: the rules apply (read as UTF-8, at most ``max_bytes``);
- 4xx ("unavailable"): no rules, everything may be fetched;
- 5xx ("unreachable"): nothing may be fetched from the site until the rules are asked for again
  (after ``retry_after`` seconds, not a day);
- no answer at all (connection refused, timeout): treated as no rules, so the page's own fetch reports the real
  network failure; the outcome for an unreachable site is the same (no page), with a truthful message.

A ``Crawl-delay`` for our user agent raises the per-host delay of the :class:`~eventscope.intake.fetch.HostDelay`
(capped at ``max_crawl_delay``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from .fetch import FetchError, HostDelay, fetch

#: the product token matched against robots.txt user-agent lines (RFC 9309 §2.2.1)
PRODUCT_TOKEN = "eventscope"
#: media types a robots.txt is read from (servers label it loosely; RFC 9309 does not require text/plain)
ROBOTS_TYPES = frozenset({"text/plain", "text/html", "application/octet-stream", "text/x-robots"})


@dataclass(frozen=True, slots=True)
class _Rules:
    parsed: Any | None  # protego.Protego, or None: no rules
    allow_all: bool  # with parsed None: True = everything allowed (4xx, no answer), False = nothing (5xx)
    expires: float


@dataclass(slots=True)
class RobotsPolicy:
    """The robots.txt rules of every site asked about, cached per origin (scheme, host, port)."""

    user_agent: str = PRODUCT_TOKEN
    ttl: float = 24 * 3600.0  # RFC 9309 §2.4: a cached robots.txt is used for at most a day
    retry_after: float = 600.0  # a site whose robots.txt answered 5xx is asked again after this long
    max_bytes: int = 512_000  # RFC 9309 §2.5: parse at least 500 KiB
    max_crawl_delay: float = 30.0
    clock: Callable[[], float] = time.monotonic
    _cache: dict[str, _Rules] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allowed(self, url: str, *, client: httpx.Client, timeout: float = 10.0, polite: HostDelay | None = None,
                sleep: Callable[[float], None] = time.sleep) -> bool:
        """Whether ``url`` may be fetched (its site's robots.txt is read first when not cached)."""
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return True
        rules = self._rules(f"{parts.scheme.lower()}://{parts.netloc.lower()}", client, timeout, polite, sleep)
        if rules.parsed is None:
            return rules.allow_all
        if polite is not None:
            delay = rules.parsed.crawl_delay(self.user_agent)
            if delay:
                polite.at_least(url, min(float(delay), self.max_crawl_delay))
        return bool(rules.parsed.can_fetch(url, self.user_agent))

    def _rules(self, origin: str, client: httpx.Client, timeout: float, polite: HostDelay | None,
               sleep: Callable[[float], None]) -> _Rules:
        now = self.clock()
        with self._lock:
            cached = self._cache.get(origin)
        if cached is not None and cached.expires > now:
            return cached
        rules = self._read(origin, client, timeout, polite, sleep, now)
        with self._lock:
            self._cache[origin] = rules
        return rules

    def _read(self, origin: str, client: httpx.Client, timeout: float, polite: HostDelay | None,
              sleep: Callable[[float], None], now: float) -> _Rules:
        from protego import Protego  # type: ignore[import-untyped]

        try:
            res = fetch(f"{origin}/robots.txt", client=client, timeout=timeout, max_bytes=self.max_bytes,
                        accept=ROBOTS_TYPES, retries=0, polite=polite, sleep=sleep)
        except FetchError as e:
            if e.status is not None and e.status >= 500:
                return _Rules(None, False, now + self.retry_after)
            return _Rules(None, True, now + self.ttl)  # 4xx, no answer, too large, odd type: no rules
        return _Rules(Protego.parse(res.content.decode("utf-8", errors="replace")), True, now + self.ttl)


__all__ = ["PRODUCT_TOKEN", "RobotsPolicy"]
