"""Fetch one web page or feed over HTTP(S) with httpx, defensively.

Timeouts, a size cap enforced while streaming (on the decompressed bytes too: a gzip bomb stops at the cap),
a redirect limit with loop detection, conditional requests (ETag / Last-Modified → 304 "not modified"), a per-host
delay, bounded retries with exponential backoff (connect errors, 5xx, 429) and a content-type check.
Every failure raises :class:`FetchError`, an ``InputError`` carrying a :class:`~eventscope.errors.Skip` with a code.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

from .._version import __version__
from ..errors import Codes, InputError, Skip

if TYPE_CHECKING:
    from .robots import RobotsPolicy


class FetchCodes:
    """Reason codes of fetch failures, by the names this module uses (the codes live in ``errors.Codes``)."""

    NETWORK = Codes.FETCH
    HTTP_STATUS = Codes.HTTP_STATUS
    TIMEOUT = Codes.TIMEOUT
    REDIRECT = Codes.REDIRECT
    CONTENT_TYPE = Codes.CONTENT_TYPE
    FEED = Codes.FEED
    ENCODING = Codes.CONTENT_ENCODING
    URL = Codes.URL
    TOO_LARGE = Codes.TOO_LARGE
    ROBOTS = Codes.ROBOTS


#: the media types of pages and of feeds
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/feed+xml",
    }
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = f"eventscope/{__version__} (+https://github.com/eventscope)"
CHUNK = 65_536


class FetchError(InputError):
    """A page or feed could not be fetched; ``.skip`` says why (code, URL, problem), ``.status`` the HTTP status
    when the server answered with an error."""

    def __init__(self, skip: Skip, status: int | None = None) -> None:
        super().__init__(skip)
        self.status = status


def _fail(url: str, code: str, message: str, status: int | None = None) -> FetchError:
    return FetchError(Skip(url, code, message), status)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch gave: the body (decompressed, within the cap) or ``not_modified`` for a 304."""

    url: str  # the requested URL
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str | None = None  # media type, lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False

    @property
    def is_feed_type(self) -> bool:
        return self.content_type in FEED_TYPES


@dataclass(slots=True)
class HostDelay:
    """Politeness: at least ``delay`` seconds between two requests to the same host (thread-safe)."""

    delay: float = 1.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _longer: dict[str, float] = field(default_factory=dict)  # hosts that ask for more (robots.txt Crawl-delay)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def at_least(self, url: str, delay: float) -> None:
        """Wait at least ``delay`` seconds between requests to ``url``'s host (never less than ``self.delay``)."""
        with self._lock:
            self._longer[(urlsplit(url).hostname or "").lower()] = delay

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self.clock()
            delay = max(self.delay, self._longer.get(host, 0.0))
            due = self._last.get(host, now - delay) + delay
            if due > now:
                self.sleep(due - now)
                now = due
            self._last[host] = now


def make_client(*, timeout: float = 10, trust_env: bool = True) -> httpx.Client:
    """An httpx client for :func:`fetch`, which follows redirects itself (loop detection) and decodes gzip/deflate."""
    return httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        trust_env=trust_env,
    )


def fetch(
    url: str,
    *,
    client: httpx.Client,
    max_bytes: int = 10_000_000,
    timeout: float = 10,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: Iterable[str] = HTML_TYPES | FEED_TYPES,
    max_redirects: int = 5,
    retries: int = 2,
    backoff: float = 0.5,
    max_backoff: float = 30.0,
    polite: HostDelay | None = None,
    sleep: Callable[[float], None] = time.sleep,
    robots: RobotsPolicy | None = None,
) -> FetchResult:
    """GET ``url``; return its body or ``not_modified``; raise :class:`FetchError` (with a Skip) on any failure.

    ``timeout`` bounds each network operation; the whole transfer must end within ``6 * timeout``. With ``robots``
    every URL of the redirect chain must be allowed by its site's robots.txt (read through the same client).
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise _fail(url, FetchCodes.URL, f"not an http(s) URL: {url!r}")
    accepted = frozenset(accept)
    headers = {"Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = _Request(url, client, headers, max_bytes, timeout, accepted)
    policy = _RetryPolicy(retries, backoff, max_backoff, polite, sleep)
    seen: list[str] = [url]
    current = url
    while True:
        if robots is not None and not robots.allowed(current, client=client, timeout=timeout, polite=polite, sleep=sleep):
            raise _fail(url, FetchCodes.ROBOTS, f"the robots.txt of {urlsplit(current).netloc} disallows {current}")
        result = _get_with_retries(request, current, policy)
        if isinstance(result, FetchResult):
            return result
        target = urljoin(current, result)
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise _fail(url, FetchCodes.REDIRECT, f"redirected to a non-http(s) URL {target!r}")
        if target in seen:
            chain = " -> ".join([*seen[seen.index(target) :], target])
            raise _fail(url, FetchCodes.REDIRECT, f"redirect loop: {chain}")
        if len(seen) > max_redirects:
            raise _fail(url, FetchCodes.REDIRECT, f"more than {max_redirects} redirects (last: {target})")
        seen.append(target)
        current = target


@dataclass(frozen=True, slots=True)
class _Request:
    """What every hop of one :func:`fetch` sends and checks (``url`` is the requested URL, named in errors)."""

    url: str
    client: httpx.Client
    headers: dict[str, str]
    max_bytes: int
    timeout: float
    accepted: frozenset[str]


@dataclass(frozen=True, slots=True)
class _RetryPolicy:
    """How transient failures are retried: attempts, exponential backoff (capped), per-host politeness."""

    retries: int
    backoff: float
    max_backoff: float
    polite: HostDelay | None
    sleep: Callable[[float], None]


def _get_with_retries(req: _Request, current: str, policy: _RetryPolicy) -> FetchResult | str:
    """One hop: a FetchResult, or the Location of a redirect. Retries transient failures."""
    attempt = 0
    while True:
        if policy.polite is not None:
            policy.polite.wait(current)
        try:
            return _get_once(req, current)
        except _Retryable as e:
            if attempt >= policy.retries:
                raise _fail(req.url, e.code, f"{e.message} (after {attempt + 1} attempts)", e.status) from None
            wait = e.retry_after if e.retry_after is not None else policy.backoff * (2**attempt)
            policy.sleep(min(max(wait, 0.0), policy.max_backoff))
            attempt += 1


class _Retryable(Exception):
    def __init__(self, code: str, message: str, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.retry_after, self.status = code, message, retry_after, status


def _get_once(req: _Request, current: str) -> FetchResult | str:
    url, timeout, max_bytes = req.url, req.timeout, req.max_bytes
    try:
        with req.client.stream("GET", current, headers=req.headers, timeout=httpx.Timeout(timeout)) as resp:
            status = resp.status_code
            if status in (301, 302, 303, 307, 308):
                location: str | None = resp.headers.get("location")
                if not location:
                    raise _fail(url, FetchCodes.REDIRECT, f"HTTP {status} without a Location header at {current}")
                return location
            if status == 304:
                return FetchResult(url, current, status, etag=resp.headers.get("etag"),
                                   last_modified=resp.headers.get("last-modified"), not_modified=True)
            if status in RETRY_STATUSES:
                raise _Retryable(FetchCodes.HTTP_STATUS, f"HTTP {status} {resp.reason_phrase} from {current}",
                                 _retry_after(resp.headers.get("retry-after")), status)
            if status == 404 or status == 410:
                raise _fail(url, FetchCodes.HTTP_STATUS, f"HTTP {status}: page not found at {current}", status)
            if status >= 400:
                raise _fail(url, FetchCodes.HTTP_STATUS, f"HTTP {status} {resp.reason_phrase} from {current}", status)
            if status != 200:
                raise _fail(url, FetchCodes.HTTP_STATUS, f"unexpected HTTP {status} from {current}", status)
            ctype, charset = _content_type(resp.headers.get("content-type"))
            if ctype is not None and ctype not in req.accepted:
                raise _fail(url, FetchCodes.CONTENT_TYPE, f"content type {ctype} is not a web page or a feed")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes and not resp.headers.get("content-encoding"):
                raise _fail(url, FetchCodes.TOO_LARGE, f"larger than the size cap ({declared} > {max_bytes} bytes)")
            body = _read_capped(url, resp, max_bytes, deadline=time.monotonic() + 6 * timeout)
            return FetchResult(url, current, status, body, ctype, charset, resp.headers.get("etag"),
                               resp.headers.get("last-modified"))
    except (httpx.ConnectError, httpx.ConnectTimeout) as e:
        raise _Retryable(FetchCodes.NETWORK, f"could not connect to {current}: {e or type(e).__name__}") from None
    except httpx.TimeoutException as e:
        raise _fail(url, FetchCodes.TIMEOUT, f"no answer from {current} within {timeout:g} s ({type(e).__name__})") from None
    except httpx.TooManyRedirects as e:  # pragma: no cover - redirects are followed by hand
        raise _fail(url, FetchCodes.REDIRECT, str(e)) from None
    except httpx.HTTPError as e:
        raise _fail(url, FetchCodes.NETWORK, f"transfer from {current} failed: {type(e).__name__}: {e}") from None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for p in params.split(";"):
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower() or None
    return media.strip().lower() or None, charset


class _Decoder:
    """Incremental gzip/deflate decoding that never produces more than ``limit`` bytes per call."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        if encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise ValueError(encoding)
        self._first = True

    def feed(self, data: bytes, limit: int) -> bytes:
        if self._first and self.encoding == "deflate" and not _zlib_header(data):
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate without the zlib header
        self._first = False
        return self._z.decompress(self._z.unconsumed_tail + data, limit)

    def more(self, limit: int) -> bytes:
        return self._z.decompress(self._z.unconsumed_tail, limit) if self._z.unconsumed_tail else b""

    @property
    def complete(self) -> bool:
        return self._z.eof


def _zlib_header(data: bytes) -> bool:
    """Whether deflate data starts with a zlib header (RFC 1950) rather than being raw deflate (RFC 1951)."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def _read_capped(url: str, resp: httpx.Response, max_bytes: int, *, deadline: float) -> bytes:
    encodings = [e.strip().lower() for e in resp.headers.get("content-encoding", "").split(",") if e.strip()]
    encodings = [e for e in encodings if e != "identity"]
    if len(encodings) > 1 or (encodings and encodings[0] not in ("gzip", "x-gzip", "deflate")):
        raise _fail(url, FetchCodes.ENCODING, f"unsupported Content-Encoding {resp.headers.get('content-encoding')!r}")
    decoder = _Decoder(encodings[0]) if encodings else None
    out = bytearray()
    try:
        for raw in resp.iter_raw(CHUNK):
            if time.monotonic() > deadline:
                raise _fail(url, FetchCodes.TIMEOUT, "the transfer did not end in time (server too slow)")
            if decoder is None:
                out += raw
            else:
                out += decoder.feed(raw, max_bytes + 1 - len(out))
                while len(out) <= max_bytes and (chunk := decoder.more(max_bytes + 1 - len(out))):
                    out += chunk
            if len(out) > max_bytes:
                what = "decompressed size" if decoder is not None else "body"
                raise _fail(url, FetchCodes.TOO_LARGE, f"{what} over the size cap ({max_bytes} bytes); stopped reading")
    except zlib.error as e:
        raise _fail(url, FetchCodes.ENCODING, f"corrupt {encodings[0]} body: {e}") from None
    if decoder is not None and not decoder.complete:
        raise _fail(url, FetchCodes.ENCODING, f"truncated {encodings[0]} body (the compressed stream ends early)")
    return bytes(out)


__all__ = ["FEED_TYPES", "HTML_TYPES", "FetchCodes", "FetchError", "FetchResult", "HostDelay", "fetch", "make_client"]
