"""HTTP fetching against a local server on 127.0.0.1: caps, timeouts, redirects, 304s, retries, hostile pages."""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from eventscope.errors import Codes, Skip
from eventscope.intake.feeds import page_document, url_documents
from eventscope.intake.fetch import FetchCodes, FetchError, HostDelay, fetch

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"


@dataclass
class Route:
    """What the local server answers for one path."""

    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    etag: str | None = None  # answer 304 when If-None-Match matches
    hang: bool = False  # accept the request, never answer
    content_length: int | None = None  # declared length (a lie makes a truncated transfer)
    fail_times: int = 0  # answer 503 this many times first


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 (port 0) serving :class:`Route` s; ``{BASE}`` in bodies is its URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, {"Content-Type": "text/html"}, b"<html><body>not here</body></html>")
                    return
                if route.hang:
                    server.release.wait(10)
                    return
                if route.fail_times > 0:
                    route.fail_times -= 1
                    self._send(503, {"Content-Type": "text/plain", "Retry-After": "0"}, b"busy")
                    return
                if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, {"ETag": route.etag}, b"")
                    return
                headers = dict(route.headers)
                if route.etag is not None:
                    headers["ETag"] = route.etag
                body = route.body
                if callable(body):
                    self._stream(route.status, headers, body())
                    return
                body = body.replace(b"{BASE}", server.base.encode())
                self._send(route.status, headers, body, route.content_length)

            def _send(self, status: int, headers: dict[str, str], body: bytes, length: int | None = None) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(length if length is not None else len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _stream(self, status: int, headers: dict[str, str], chunks: Iterator[bytes]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    for chunk in chunks:
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def page(title: str, *paragraphs: str) -> bytes:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{ps}</article></body></html>").encode()


ARTICLE = page(
    "Protesters block highway near Nakuru",
    "Hundreds of farmers blocked the main highway near Nakuru on Friday to protest against falling milk prices, "
    "police said.",
    "Officers used tear gas to clear the road after four hours, and two people were arrested, a police commander "
    "told reporters at the scene.",
)


def big_page() -> Iterator[bytes]:
    chunk = b"<p>" + b"The council met again today and nothing happened. " * 20_000 + b"</p>"  # ~1 MB
    yield b"<html><body>"
    for _ in range(50):  # ~50 MB
        yield chunk


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    return gzip.compress(b"<html><body><p>" + b"A" * 30_000_000, compresslevel=9)


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def test_fetch_ok_reads_body_type_and_validators(server: LocalServer, client: httpx.Client) -> None:
    url = server.add("/a.html", Route(ARTICLE, etag='"v1"', headers={"Content-Type": "text/html; charset=utf-8",
                                                                        "Last-Modified": "Fri, 02 Apr 2021 10:00:00 GMT"}))
    res = fetch(url, client=client)
    assert res.status == 200 and res.content == ARTICLE and not res.not_modified
    assert (res.content_type, res.charset, res.etag) == ("text/html", "utf-8", '"v1"')
    assert res.last_modified == "Fri, 02 Apr 2021 10:00:00 GMT"
    doc = page_document(res)
    assert doc.url == url and "milk prices" in doc.body_text()
    assert doc.title == "Protesters block highway near Nakuru"


def test_conditional_request_gives_not_modified(server: LocalServer, client: httpx.Client) -> None:
    url = server.add("/cond.html", Route(ARTICLE, etag='"abc"'))
    first = fetch(url, client=client)
    second = fetch(url, client=client, etag=first.etag, last_modified="Fri, 02 Apr 2021 10:00:00 GMT")
    assert second.not_modified and second.status == 304 and second.content == b""
    sent = server.requests[-1][1]
    assert sent["if-none-match"] == '"abc"' and sent["if-modified-since"] == "Fri, 02 Apr 2021 10:00:00 GMT"


def test_gzip_encoded_page_is_decompressed(server: LocalServer, client: httpx.Client) -> None:
    url = server.add("/gz.html", Route(gzip.compress(ARTICLE), headers={"Content-Type": "text/html",
                                                                         "Content-Encoding": "gzip"}))
    assert fetch(url, client=client).content == ARTICLE


@pytest.mark.parametrize("wrapper", [zlib.compress, lambda b: zlib.compress(b)[2:-4]], ids=["zlib", "raw"])
def test_deflate_encoded_page_is_decompressed(server: LocalServer, client: httpx.Client, wrapper: Callable[[bytes], bytes]) -> None:
    url = server.add("/deflate.html", Route(wrapper(ARTICLE), headers={"Content-Type": "text/html",
                                                                        "Content-Encoding": "deflate"}))
    assert fetch(url, client=client).content == ARTICLE


def _skip(url: str, client: httpx.Client, **kw: object) -> Skip:
    with pytest.raises(FetchError) as info:
        fetch(url, client=client, **kw)  # type: ignore[arg-type]
    skip = info.value.skip
    assert skip.source == url and skip.message  # names the URL and the problem
    return skip


HOSTILE = {
    # name: (route, fetch options, expected code, words in the message)
    "404": (Route(b"gone", status=404), {}, FetchCodes.HTTP_STATUS, "404"),
    "403": (Route(b"no", status=403), {}, FetchCodes.HTTP_STATUS, "403"),
    "pdf": (Route(b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}), {}, FetchCodes.CONTENT_TYPE,
            "application/pdf"),
    "image": (Route(b"\x89PNG", headers={"Content-Type": "image/png"}), {}, FetchCodes.CONTENT_TYPE, "image/png"),
    "50 MB page": (Route(big_page), {}, Codes.TOO_LARGE, "size cap"),
    "declared too large": (Route(ARTICLE, content_length=20_000_000), {"max_bytes": 1_000_000}, Codes.TOO_LARGE,
                           "size cap"),
    "truncated transfer": (Route(ARTICLE, content_length=len(ARTICLE) + 5000), {}, FetchCodes.NETWORK, "failed"),
    "never answers": (Route(hang=True), {"timeout": 1}, FetchCodes.TIMEOUT, "no answer"),
    "bad encoding": (Route(b"not gzip at all", headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}), {},
                     FetchCodes.ENCODING, "corrupt"),
    "unknown encoding": (Route(b"x", headers={"Content-Type": "text/html", "Content-Encoding": "zstd"}), {},
                         FetchCodes.ENCODING, "zstd"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_responses_give_a_clear_skip(server: LocalServer, client: httpx.Client, name: str) -> None:
    route, options, code, words = HOSTILE[name]
    url = server.add("/hostile", route)
    skip = _skip(url, client, retries=0, **options)
    assert skip.code == code
    assert words in skip.message


def test_gzip_bomb_is_stopped_at_the_cap(server: LocalServer, client: httpx.Client, gzip_bomb: bytes) -> None:
    url = server.add("/bomb.html", Route(gzip_bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    skip = _skip(url, client, max_bytes=1_000_000)
    assert skip.code == Codes.TOO_LARGE and "decompressed" in skip.message


def test_redirects_are_followed_and_loops_refused(server: LocalServer, client: httpx.Client) -> None:
    server.add("/old", Route(status=301, headers={"Location": "/new"}))
    server.add("/new", Route(ARTICLE))
    res = fetch(server.url("/old"), client=client)
    assert res.final_url == server.url("/new") and res.content == ARTICLE

    server.add("/loop/a", Route(status=302, headers={"Location": "/loop/b"}))
    server.add("/loop/b", Route(status=302, headers={"Location": "/loop/a"}))
    skip = _skip(server.url("/loop/a"), client)
    assert skip.code == FetchCodes.REDIRECT and "redirect loop" in skip.message

    for i in range(5):
        server.add(f"/hop{i}", Route(status=307, headers={"Location": f"/hop{i + 1}"}))
    server.add("/hop5", Route(ARTICLE))
    skip = _skip(server.url("/hop0"), client, max_redirects=3)
    assert skip.code == FetchCodes.REDIRECT and "more than 3 redirects" in skip.message


@pytest.mark.parametrize(("failures", "retries", "ok"), [(1, 2, True), (2, 2, True), (3, 2, False), (1, 0, False)])
def test_retries_with_exponential_backoff(server: LocalServer, client: httpx.Client, failures: int, retries: int,
                                          ok: bool) -> None:
    url = server.add("/busy", Route(ARTICLE, fail_times=failures))
    waits: list[float] = []
    if ok:
        assert fetch(url, client=client, retries=retries, sleep=waits.append).content == ARTICLE
    else:
        skip = _skip(url, client, retries=retries, sleep=waits.append)
        assert skip.code == FetchCodes.HTTP_STATUS and "503" in skip.message
    assert len(waits) == min(failures, retries)
    assert all(w == 0 for w in waits)  # the server's Retry-After: 0 wins over the backoff


def test_connection_refused_is_retried_then_skipped(client: httpx.Client) -> None:
    with LocalServer() as s:
        url = s.url("/x")  # the server is gone after this block: nothing listens on the port
    waits: list[float] = []
    skip = _skip(url, client, retries=2, backoff=0.5, sleep=waits.append)
    assert skip.code == FetchCodes.NETWORK and "3 attempts" in skip.message
    assert waits == [0.5, 1.0]


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "file:///etc/passwd", "not a url"])
def test_non_http_urls_are_refused(client: httpx.Client, url: str) -> None:
    assert _skip(url, client).code == FetchCodes.URL


def test_host_delay_spaces_requests_to_one_host() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        now[0] += s

    polite = HostDelay(2.0, clock=lambda: now[0], sleep=sleep)
    polite.wait("http://a.example/1")
    polite.wait("http://b.example/1")  # another host: no wait
    now[0] += 0.5
    polite.wait("http://a.example/2")
    assert waits == [1.5]


def test_hostile_pages_in_one_batch_leave_the_good_one(server: LocalServer, client: httpx.Client,
                                                       gzip_bomb: bytes) -> None:
    deep = b"<html><body>" + b"<div>" * 10_000 + b"<p>Deep text.</p>" + b"</div>" * 10_000 + b"</body></html>"
    truncated = ARTICLE[: ARTICLE.index(b"Officers") + 40]
    urls = {
        "good": server.add("/good.html", Route(ARTICLE)),
        "deep": server.add("/deep.html", Route(deep)),
        "bomb": server.add("/bomb.html", Route(gzip_bomb, headers={"Content-Type": "text/html",
                                                                   "Content-Encoding": "gzip"})),
        "missing": server.url("/missing.html"),
        "pdf": server.add("/doc.pdf", Route(b"%PDF", headers={"Content-Type": "application/pdf"})),
        "truncated": server.add("/cut.html", Route(truncated)),
    }
    out = {name: list(url_documents(url, client=client, max_bytes=2_000_000)) for name, url in urls.items()}
    assert all(len(items) == 1 for items in out.values())
    got = {name: items[0] for name, items in out.items()}
    assert not isinstance(got["good"], Skip) and "milk prices" in got["good"].body_text()
    assert not isinstance(got["truncated"], Skip) and "Officers used tear gas" in got["truncated"].text
    expected = {"deep": Codes.HTML, "bomb": Codes.TOO_LARGE, "missing": FetchCodes.HTTP_STATUS,
                "pdf": FetchCodes.CONTENT_TYPE}
    for name, code in expected.items():
        item = got[name]
        assert isinstance(item, Skip) and item.code == code, (name, item)
        assert item.source == urls[name]


def test_truncated_gzip_stream_is_an_encoding_skip(server: LocalServer, client: httpx.Client) -> None:
    body = gzip.compress(ARTICLE)[:-20]
    url = server.add("/cut.gz", Route(body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    skip = _skip(url, client)
    assert skip.code == FetchCodes.ENCODING and "truncated" in skip.message
