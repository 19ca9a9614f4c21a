"""robots.txt against a local server: groups, wildcards, caching, what 4xx/5xx/no answer mean, Crawl-delay, CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner

from eventscope.intake.commands import fetch_command
from eventscope.intake.fetch import FetchCodes, FetchError, HostDelay, fetch
from eventscope.intake.robots import RobotsPolicy
from tests.test_intake_fetch import ARTICLE, LocalServer, Route

ROBOTS = b"""# our own rules for the tests
User-agent: *
Disallow: /private/
Disallow: /*.pdf$

User-agent: EventScope
Disallow: /archive/
Allow: /archive/public/
Crawl-delay: 4
"""
PLAIN = {"Content-Type": "text/plain"}


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def robots_requests(server: LocalServer) -> int:
    return sum(1 for path, _ in server.requests if path == "/robots.txt")


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/news/a.html", True),
        ("/archive/2024/a.html", False),  # our group disallows it
        ("/archive/public/a.html", True),  # the longer Allow wins
        ("/private/a.html", True),  # only the * group, which does not apply to a named agent
        ("/report.pdf", True),
    ],
)
def test_the_group_naming_eventscope_applies(server: LocalServer, client: httpx.Client, path: str,
                                              allowed: bool) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    assert RobotsPolicy().allowed(server.url(path), client=client) is allowed


@pytest.mark.parametrize(("path", "allowed"), [("/private/x", False), ("/files/r.pdf", False), ("/files/r.pdf?v=2", True),
                                               ("/news/x", True)])
def test_star_group_and_wildcards_for_other_agents(server: LocalServer, client: httpx.Client, path: str,
                                                   allowed: bool) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    assert RobotsPolicy(user_agent="otherbot").allowed(server.url(path), client=client) is allowed


def test_disallowed_page_is_a_robots_skip_and_rules_are_read_once(server: LocalServer, client: httpx.Client) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    server.add("/news/a.html", Route(ARTICLE))
    server.add("/archive/old.html", Route(ARTICLE))
    robots = RobotsPolicy()
    assert fetch(server.url("/news/a.html"), client=client, robots=robots).status == 200
    with pytest.raises(FetchError) as err:
        fetch(server.url("/archive/old.html"), client=client, robots=robots)
    assert err.value.skip.code == FetchCodes.ROBOTS == "E128"
    assert "robots.txt" in err.value.skip.message and "/archive/old.html" in err.value.skip.message
    assert not any(path == "/archive/old.html" for path, _ in server.requests)  # never requested
    assert robots_requests(server) == 1


def test_rules_are_read_again_after_a_day(server: LocalServer, client: httpx.Client) -> None:
    now = [0.0]
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    robots = RobotsPolicy(clock=lambda: now[0])
    robots.allowed(server.url("/a"), client=client)
    now[0] = 3600.0
    robots.allowed(server.url("/b"), client=client)
    assert robots_requests(server) == 1
    now[0] = 24 * 3600.0 + 1
    robots.allowed(server.url("/c"), client=client)
    assert robots_requests(server) == 2


def test_a_redirect_to_a_disallowed_page_is_refused(server: LocalServer, client: httpx.Client) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    server.add("/go", Route(status=302, headers={"Location": "/archive/x.html"}))
    server.add("/archive/x.html", Route(ARTICLE))
    with pytest.raises(FetchError) as err:
        fetch(server.url("/go"), client=client, robots=RobotsPolicy())
    assert err.value.skip.code == FetchCodes.ROBOTS


@pytest.mark.parametrize(
    ("route", "allowed"),
    [
        (None, True),  # 404: no rules (RFC 9309 "unavailable")
        (Route(b"no", status=403, headers=PLAIN), True),  # any 4xx
        (Route(b"busy", status=503, headers=PLAIN), False),  # 5xx: "unreachable", nothing may be fetched
        (Route(b"", headers=PLAIN), True),  # empty file
        (Route(b"User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/html"}), False),  # loosely labelled
    ],
)
def test_what_the_robots_answer_means(server: LocalServer, client: httpx.Client, route: Route | None,
                                      allowed: bool) -> None:
    if route is not None:
        server.add("/robots.txt", route)
    assert RobotsPolicy().allowed(server.url("/news/a.html"), client=client) is allowed


def test_a_server_error_is_asked_again_sooner_than_a_day(server: LocalServer, client: httpx.Client) -> None:
    now = [0.0]
    server.add("/robots.txt", Route(b"busy", status=503, headers=PLAIN))
    robots = RobotsPolicy(clock=lambda: now[0])
    assert not robots.allowed(server.url("/a"), client=client)
    server.add("/robots.txt", Route(b"User-agent: *\nDisallow:\n", headers=PLAIN))
    now[0] = 601.0
    assert robots.allowed(server.url("/a"), client=client)


def test_a_silent_server_gives_the_page_its_own_error(server: LocalServer, client: httpx.Client) -> None:
    server.add("/robots.txt", Route(hang=True))
    server.add("/news/a.html", Route(hang=True))
    with pytest.raises(FetchError) as err:
        fetch(server.url("/news/a.html"), client=client, timeout=0.5, retries=0, robots=RobotsPolicy())
    assert err.value.skip.code == FetchCodes.TIMEOUT


def test_crawl_delay_raises_the_host_delay(server: LocalServer, client: httpx.Client) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    server.add("/news/a.html", Route(ARTICLE))
    server.add("/news/b.html", Route(ARTICLE))
    clock, slept = [0.0], []

    def sleep(s: float) -> None:
        slept.append(s)
        clock[0] += s

    polite = HostDelay(0.5, clock=lambda: clock[0], sleep=sleep)
    robots = RobotsPolicy()
    for path in ("/news/a.html", "/news/b.html"):
        fetch(server.url(path), client=client, polite=polite, sleep=sleep, robots=robots)
    assert slept and slept[-1] == pytest.approx(4.0)  # Crawl-delay 4 for our agent, not the 0.5 default


def test_fetch_command_respects_robots_unless_told(server: LocalServer) -> None:
    server.add("/robots.txt", Route(ROBOTS, headers=PLAIN))
    url = server.add("/archive/clash.html", Route(ARTICLE))
    refused = CliRunner().invoke(fetch_command, [url, "--format", "jsonl", "--delay", "0"])
    assert refused.exit_code == 1 and "E128" in refused.stderr and not refused.stdout.strip()
    ignored = CliRunner().invoke(fetch_command, [url, "--format", "jsonl", "--delay", "0", "--ignore-robots"])
    assert ignored.exit_code == 0, ignored.output
    assert [json.loads(line)["document"]["url"] for line in ignored.stdout.splitlines()][:1] == [url]
