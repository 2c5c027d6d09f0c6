"""The polite client against the real offline mirror server (a few integration checks)."""

from __future__ import annotations

import itertools
import threading

import pytest

from extract.http import (
    DEFAULT_USER_AGENT,
    DisallowedError,
    PolitenessLimitError,
    RetryPolicy,
    SiteClient,
)
from mirror.server import Fault, MirrorServer

LISTING = "/care-services/local-authority-assessment-reports"
STOKE = f"{LISTING}/stokeontrent-0625"
DURHAM = f"{LISTING}/durham-0824"


def client_for(m: MirrorServer, **kw: object) -> SiteClient:
    kw.setdefault("min_interval_s", 0.0)
    kw.setdefault("retry", RetryPolicy(attempts=3, backoff_s=0.01, max_delay_s=1.0))
    return SiteClient(m.base_url, **kw)  # type: ignore[arg-type]


def test_robots_disallow_and_user_agent_on_every_request() -> None:
    with MirrorServer(robots_txt=f"User-agent: *\nDisallow: {DURHAM}\n") as m:
        with client_for(m) as client:
            assert client.get(STOKE).status == 200
            with pytest.raises(DisallowedError):
                client.get(DURHAM)
        paths = [r.path for r in m.requests]
        assert paths == ["/robots.txt", STOKE]
        assert {r.headers["user-agent"] for r in m.requests} == {DEFAULT_USER_AGENT}


def test_robots_503_stops_the_crawl() -> None:
    with MirrorServer(faults={"/robots.txt": 503}) as m:
        with client_for(m) as client, pytest.raises(DisallowedError):
            client.get(STOKE)
        assert {r.path for r in m.requests} == {"/robots.txt"}


def test_retry_after_from_the_mirror_then_success() -> None:
    with MirrorServer(faults={STOKE: Fault(503, retry_after=0, times=2)}) as m:
        with client_for(m, obey_robots=False) as client:
            page = client.get(STOKE)
        assert page.status == 200 and page.attempts == 3
    with MirrorServer(faults={STOKE: Fault(429, retry_after=120)}) as m:
        with (
            client_for(m, obey_robots=False) as client,
            pytest.raises(PolitenessLimitError) as caught,
        ):
            client.get(STOKE)
        assert "HTTP 429 with Retry-After: 120 s" in str(caught.value)
        assert len(m.requests) == 1


def test_conditional_get_against_the_mirror() -> None:
    with MirrorServer() as m, client_for(m) as client:
        first = client.get(STOKE)
        again = client.get(STOKE, etag=first.etag)
        by_date = client.get(STOKE, last_modified=first.last_modified)
        assert again.not_modified and again.status == 304 and again.etag == first.etag
        assert by_date.not_modified
        served = m.requests[-1]
        assert served.status == 304
        assert served.headers["if-modified-since"] == first.last_modified
        assert [r.conditional for r in client.request_log] == [False, False, True, True]


def test_two_threads_share_the_rate_limit() -> None:
    interval = 0.05
    with MirrorServer() as m, client_for(m, min_interval_s=interval) as client:

        def worker() -> None:
            for _ in range(3):
                client.get(STOKE)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        starts = sorted(r.started_monotonic for r in client.request_log)
        received = sorted(r.received_monotonic for r in m.requests)
    assert len(starts) == 7  # robots.txt + 6 pages
    assert min(b - a for a, b in itertools.pairwise(starts)) >= interval - 0.002
    assert min(b - a for a, b in itertools.pairwise(received)) >= interval - 0.02
