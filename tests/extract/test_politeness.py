"""The site client's politeness: robots.txt, rate limit, jittered backoff, size cap, 304s."""

from __future__ import annotations

import itertools
import random
import re
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx

from extract.http import (
    DisallowedError,
    FetchedPage,
    FetchError,
    PolitenessLimitError,
    RetryPolicy,
    SiteClient,
    require_pdf,
)
from extract.ratelimit import RateLimiter
from extract.robots import parse_robots
from tests.clock import VirtualClock

BASE = "https://cqc.test"
ROBOTS = f"{BASE}/robots.txt"


def make_client(clock: VirtualClock, **kw: object) -> SiteClient:
    kw.setdefault("min_interval_s", 1.0)
    kw.setdefault("retry", RetryPolicy(attempts=3, backoff_s=1.0, max_delay_s=10.0))
    return SiteClient(BASE, clock=clock, sleep=clock.sleep, rng=random.Random(7), **kw)  # type: ignore[arg-type]


def robots(text: str = "User-agent: *\nDisallow: /search/\n", status: int = 200):
    return respx.get(ROBOTS).mock(return_value=httpx.Response(status, text=text))


# ---------------------------------------------------------------- robots.txt


@respx.mock
def test_robots_read_once_and_disallowed_url_never_requested() -> None:
    robots_route = robots("User-agent: *\nDisallow: /search/\nDisallow: /reports/secret\n")
    ok = respx.get(f"{BASE}/reports/a").mock(return_value=httpx.Response(200, text="a"))
    secret = respx.get(f"{BASE}/reports/secret").mock(return_value=httpx.Response(200))
    clock = VirtualClock()
    with make_client(clock) as client:
        assert client.get("/reports/a").body == b"a"
        with pytest.raises(DisallowedError) as caught:
            client.get("/reports/secret")
        assert client.get("/reports/a").status == 200
    assert isinstance(caught.value, FetchError)
    assert caught.value.reason == "disallowed by robots.txt"
    assert caught.value.url == f"{BASE}/reports/secret"
    assert robots_route.call_count == 1
    assert secret.call_count == 0
    assert ok.call_count == 2
    assert [r.url for r in client.request_log] == [ROBOTS, f"{BASE}/reports/a", f"{BASE}/reports/a"]
    assert client.crawl_delay is None


@respx.mock
def test_robots_rules_for_our_user_agent() -> None:
    robots("User-agent: cqc-warehouse\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    route = respx.get(f"{BASE}/x").mock(return_value=httpx.Response(200))
    with make_client(VirtualClock()) as client, pytest.raises(DisallowedError):
        client.get("/x")
    assert route.call_count == 0


@respx.mock
def test_robots_4xx_allows_everything() -> None:
    robots(status=404)
    respx.get(f"{BASE}/search/x").mock(return_value=httpx.Response(200, text="ok"))
    with make_client(VirtualClock()) as client:
        assert client.get("/search/x").body == b"ok"
        assert client.robots is not None and client.robots.allow_all


@respx.mock
@pytest.mark.parametrize("failure", [503, "network"])
def test_robots_5xx_or_unreachable_disallows_everything(failure: object) -> None:
    if failure == "network":
        robots_route = respx.get(ROBOTS).mock(side_effect=httpx.ConnectError("refused"))
    else:
        robots_route = robots(status=503)
    page = respx.get(f"{BASE}/x").mock(return_value=httpx.Response(200))
    clock = VirtualClock()
    with make_client(clock) as client:
        for _ in range(2):
            with pytest.raises(DisallowedError):
                client.get("/x")
    assert page.call_count == 0
    assert robots_route.call_count == 3  # retried like any request, then read once only


def test_not_obeying_robots_skips_robots_txt() -> None:
    with respx.mock(assert_all_called=False) as mock:
        robots_route = mock.get(ROBOTS).mock(return_value=httpx.Response(200, text="Disallow: /"))
        mock.get(f"{BASE}/x").mock(return_value=httpx.Response(200))
        with make_client(VirtualClock(), obey_robots=False) as client:
            assert client.get("/x").status == 200
    assert robots_route.call_count == 0


@respx.mock
def test_redirect_into_a_disallowed_path_is_not_followed() -> None:
    robots()
    respx.get(f"{BASE}/old").mock(
        return_value=httpx.Response(301, headers={"location": "/search/q"})
    )
    target = respx.get(f"{BASE}/search/q").mock(return_value=httpx.Response(200))
    with make_client(VirtualClock()) as client, pytest.raises(DisallowedError):
        client.get("/old")
    assert target.call_count == 0


# ---------------------------------------------------------------- rate limit


@respx.mock
def test_requests_are_spaced_by_min_interval_including_robots() -> None:
    robots()
    respx.get(url__regex=rf"{BASE}/p\d").mock(return_value=httpx.Response(200))
    clock = VirtualClock()
    with make_client(clock, min_interval_s=2.0) as client:
        for i in range(4):
            client.get(f"/p{i}")
    starts = [r.started_monotonic for r in client.request_log]
    assert len(starts) == 5
    assert [b - a for a, b in itertools.pairwise(starts)] == [2.0] * 4


@respx.mock
def test_crawl_delay_larger_than_min_interval_wins() -> None:
    robots("User-agent: *\nCrawl-delay: 5\n")
    respx.get(url__regex=rf"{BASE}/p\d").mock(return_value=httpx.Response(200))
    clock = VirtualClock()
    with make_client(clock, min_interval_s=1.0) as client:
        client.get("/p1")
        client.get("/p2")
        assert client.crawl_delay == 5.0
    starts = [r.started_monotonic for r in client.request_log]
    assert starts[2] - starts[1] == 5.0
    assert starts[1] - starts[0] == 5.0  # the first page waits out robots.txt's delay too


@respx.mock
def test_crawl_delay_smaller_than_min_interval_is_ignored() -> None:
    robots("User-agent: *\nCrawl-delay: 0.5\n")
    respx.get(url__regex=rf"{BASE}/p\d").mock(return_value=httpx.Response(200))
    with make_client(VirtualClock(), min_interval_s=3.0) as client:
        client.get("/p1")
        client.get("/p2")
    starts = [r.started_monotonic for r in client.request_log]
    assert starts[2] - starts[1] == 3.0


def test_rate_limiter_with_fake_clock() -> None:
    clock = VirtualClock()
    limiter = RateLimiter(1.5, clock=clock, sleep=clock.sleep)
    assert limiter.wait() == 100.0
    clock.now += 0.5
    assert limiter.wait() == 101.5
    assert clock.sleeps == [1.0]
    clock.now += 10
    assert limiter.wait() == 111.5  # already late enough: no sleep
    assert clock.sleeps == [1.0]


def test_rate_limiter_spaces_real_threads() -> None:
    interval = 0.05
    limiter = RateLimiter(interval)
    starts: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(4):
            t = limiter.wait()
            with lock:
                starts.append(t)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    starts.sort()
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 8
    assert min(gaps) >= interval - 0.005


# ---------------------------------------------------------------- retries


def test_backoff_jitter_within_bounds_and_capped() -> None:
    policy = RetryPolicy(backoff_s=1.0, max_delay_s=6.0, jitter=0.25)
    rng = random.Random(1)
    for attempt, base in [(1, 1.0), (2, 2.0), (3, 4.0)]:
        delays = {policy.delay(attempt, None, rng) for _ in range(200)}
        assert min(delays) >= base * 0.75 and max(delays) <= base * 1.25
        assert len(delays) > 100  # really jittered
    assert all(policy.delay(4, None, rng) <= 6.0 for _ in range(100))  # 8 ± 2 capped at 6
    assert policy.delay(1, 5.0, rng) == 5.0  # Retry-After is a floor
    assert RetryPolicy(jitter=0.0).delay(3) == 2.0


@respx.mock
def test_retry_after_seconds_and_http_date_are_honoured() -> None:
    robots()
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=8), usegmt=True)
    respx.get(f"{BASE}/p").mock(
        side_effect=[
            httpx.Response(429, headers={"retry-after": "7"}),
            httpx.Response(503, headers={"retry-after": when}),
            httpx.Response(200, text="fine"),
        ]
    )
    clock = VirtualClock()
    with make_client(clock, min_interval_s=0.0) as client:
        page = client.get("/p")
    assert page.attempts == 3
    assert clock.sleeps[0] == 7.0
    assert 6.0 <= clock.sleeps[1] <= 8.0


@respx.mock
def test_retry_after_beyond_the_cap_stops_the_run_at_once() -> None:
    """Not one page's failure: the site asks us to stay away longer than a run may wait."""
    robots()
    route = respx.get(f"{BASE}/p").mock(
        return_value=httpx.Response(503, headers={"retry-after": "3600"}, content=b"busy")
    )
    clock = VirtualClock()
    with (
        make_client(clock, min_interval_s=0.0) as client,
        pytest.raises(PolitenessLimitError) as caught,
    ):
        client.get("/p")
    assert route.call_count == 1
    assert clock.sleeps == []
    assert "Retry-After: 3600 s, above the 10 s" in str(caught.value)


@respx.mock
def test_a_crawl_delay_beyond_the_cap_stops_the_run_naming_the_directive() -> None:
    robots("User-agent: *\nCrawl-delay: 99999\n")
    page = respx.get(f"{BASE}/p").mock(return_value=httpx.Response(200))
    clock = VirtualClock()
    with make_client(clock) as client, pytest.raises(PolitenessLimitError) as caught:
        client.get("/p")
    assert page.call_count == 0 and clock.sleeps == []
    assert "Crawl-delay: 99999 s, above the 60 s" in str(caught.value)


@respx.mock
def test_transient_failures_are_retried_with_jittered_backoff_and_logged() -> None:
    robots()
    respx.get(f"{BASE}/p").mock(
        side_effect=[httpx.Response(502), httpx.ReadTimeout("slow"), httpx.Response(200)]
    )
    clock = VirtualClock()
    with make_client(clock, min_interval_s=0.0) as client:
        assert client.get("/p").attempts == 3
    assert 0.75 <= clock.sleeps[0] <= 1.25 and 1.5 <= clock.sleeps[1] <= 2.5
    log = client.request_log[1:]
    assert [r.status for r in log] == [502, None, 200]
    assert log[1].error == "ReadTimeout: slow"


@respx.mock
def test_other_4xx_not_retried() -> None:
    robots()
    route = respx.get(f"{BASE}/gone").mock(return_value=httpx.Response(410))
    with make_client(VirtualClock()) as client, pytest.raises(FetchError, match="HTTP 410"):
        client.get("/gone")
    assert route.call_count == 1


# ---------------------------------------------------------------- size cap


@respx.mock
def test_max_bytes_streamed_body() -> None:
    robots()

    def chunks():
        for _ in range(10):
            yield b"x" * 100

    respx.get(f"{BASE}/big").mock(return_value=httpx.Response(200, content=chunks()))
    respx.get(f"{BASE}/small").mock(return_value=httpx.Response(200, content=b"x" * 500))
    with make_client(VirtualClock(), max_bytes=500) as client:
        assert len(client.get("/small").body) == 500
        with pytest.raises(FetchError, match="response larger than 500 bytes"):
            client.get("/big")
    assert client.request_log[-1].error == "response larger than 500 bytes"


@respx.mock
def test_max_bytes_content_length_up_front() -> None:
    robots()
    route = respx.get(f"{BASE}/big").mock(
        return_value=httpx.Response(200, content=b"x" * 10, headers={"content-length": "999999"})
    )
    with (
        make_client(VirtualClock(), max_bytes=1000) as client,
        pytest.raises(FetchError, match="response larger than 1000 bytes"),
    ):
        client.get("/big")
    assert route.call_count == 1  # not retried


# ---------------------------------------------------------------- conditional requests


@respx.mock
def test_304_with_validators() -> None:
    robots()
    route = respx.get(f"{BASE}/r").mock(return_value=httpx.Response(304))
    lm = "Fri, 13 Jun 2025 00:00:00 GMT"
    with make_client(VirtualClock()) as client:
        page = client.get("/r", etag='"v1"', last_modified=lm)
    sent = route.calls.last.request.headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == lm
    assert page.status == 304 and page.not_modified and page.body == b""
    assert page.etag == '"v1"' and page.last_modified == lm
    assert client.request_log[-1].conditional
    assert not client.request_log[0].conditional


@respx.mock
def test_304_prefers_validators_from_the_server_and_200_is_not_not_modified() -> None:
    robots()
    respx.get(f"{BASE}/r").mock(
        side_effect=[
            httpx.Response(304, headers={"etag": '"v2"'}),
            httpx.Response(200, text="new", headers={"etag": '"v3"'}),
        ]
    )
    with make_client(VirtualClock()) as client:
        assert client.get("/r", etag='"v1"').etag == '"v2"'
        fresh = client.get("/r", etag='"v1"')
    assert fresh.status == 200 and not fresh.not_modified and fresh.etag == '"v3"'


# ---------------------------------------------------------------- PDFs


def _page(body: bytes, ctype: str | None) -> FetchedPage:
    return FetchedPage(f"{BASE}/r.pdf", 200, body, ctype, datetime.now(UTC), 0.0)


def test_require_pdf() -> None:
    require_pdf(_page(b"%PDF-1.7\n...", "application/octet-stream"))
    with pytest.raises(FetchError, match="expected a PDF, got text/html"):
        require_pdf(_page(b"<html>", "text/html"))
    with pytest.raises(
        FetchError,
        match=re.escape("expected a PDF, got a body starting b'<html>login</html>' (sent as"),
    ):
        require_pdf(_page(b"<html>login</html>", "application/pdf"))


def test_user_agent_default_names_project_and_contact() -> None:
    from extract.http import DEFAULT_USER_AGENT

    assert DEFAULT_USER_AGENT.startswith("cqc-warehouse/") and "https://" in DEFAULT_USER_AGENT


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/search", False),  # Disallow: /search*  (a wildcard)
        ("/searching/x", False),
        ("/care-services/report.pdf", False),  # Disallow: /*.pdf$  (end anchor)
        ("/care-services/report.pdf?download=1", True),  # ...which this does not end with
        ("/care-services/local-authority-assessment-reports", True),
        # Allow: /private/open after the broader Disallow: /private: the longest match wins
        ("/private/open/page", True),
        ("/private/closed", False),
    ],
)
def test_robots_read_as_rfc_9309_says(path: str, allowed: bool) -> None:
    """Longest match wins whatever the order of the lines, and `*` and `$` are wildcards:
    `urllib.robotparser` honours neither."""
    rules = parse_robots(
        "User-agent: *\nDisallow: /search*\nDisallow: /*.pdf$\nDisallow: /private\n"
        "Allow: /private/open\n"
    )
    assert rules.allowed(f"{BASE}{path}", "cqc-warehouse/0.1 (+https://example.org)") is allowed
