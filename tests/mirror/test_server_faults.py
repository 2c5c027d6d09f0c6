"""The mirror's fault injection, request log, If-Modified-Since and custom robots.txt."""

from __future__ import annotations

import contextlib
import threading
import time

import httpx

from mirror.server import Fault, MirrorServer

LISTING = "/care-services/local-authority-assessment-reports"
STOKE = f"{LISTING}/stokeontrent-0625"  # Last-Modified: Fri, 13 Jun 2025 00:00:00 GMT


def statuses(base: str, path: str, n: int) -> list[int]:
    with httpx.Client(base_url=base, timeout=5) as c:
        return [c.get(path).status_code for _ in range(n)]


def test_int_fault_still_always_fails() -> None:
    with MirrorServer(faults={STOKE: 500}) as m:
        assert statuses(m.base_url, STOKE, 3) == [500, 500, 500]


def test_sequence_fault_is_consumed_then_normal_service() -> None:
    with MirrorServer(faults={STOKE: [429, 503], f"{LISTING}?page=1": (500,)}) as m:
        assert statuses(m.base_url, STOKE, 4) == [429, 503, 200, 200]
        assert statuses(m.base_url, f"{LISTING}?page=1", 2) == [500, 200]
        assert statuses(m.base_url, f"{LISTING}?page=2", 1) == [200]


def test_fault_with_retry_after_and_times() -> None:
    with (
        MirrorServer(faults={STOKE: Fault(503, retry_after=2, times=2)}) as m,
        httpx.Client(base_url=m.base_url, timeout=5) as c,
    ):
        first = c.get(STOKE)
        assert first.status_code == 503 and first.headers["retry-after"] == "2"
        assert c.get(STOKE).status_code == 503
        assert c.get(STOKE).status_code == 200
    with MirrorServer(faults={STOKE: Fault(500, retry_after=2)}) as m:
        r = httpx.get(m.base_url + STOKE)
        assert r.status_code == 500 and "retry-after" not in r.headers


def test_slow_fault() -> None:
    with MirrorServer(faults={STOKE: Fault(0, delay_s=0.2, times=1)}) as m:
        t0 = time.monotonic()
        assert httpx.get(m.base_url + STOKE).status_code == 200
        assert time.monotonic() - t0 >= 0.2  # it really waited (a floor: never flaky)
        assert httpx.get(m.base_url + STOKE).status_code == 200
        # Once only: the server's own record, not a stopwatch on a busy machine.
        assert [r.delayed_s for r in m.requests] == [0.2, 0.0]


def test_a_request_is_seen_on_arrival_while_its_reply_is_held_back() -> None:
    """`arrivals` names a request before its delay is over; `requests` once it is answered."""
    with MirrorServer(faults={STOKE: Fault(0, delay_s=30)}) as m:
        with (
            httpx.Client(base_url=m.base_url, timeout=httpx.Timeout(0.3)) as c,
            contextlib.suppress(httpx.ReadTimeout),
        ):
            c.get(STOKE)  # the client gives up; the server still holds the reply back
        assert m.arrivals == [STOKE]
        assert m.requests == []


def test_sequence_is_thread_safe() -> None:
    with MirrorServer(faults={STOKE: [503] * 10}) as m:
        got: list[int] = []
        lock = threading.Lock()

        def worker() -> None:
            for s in statuses(m.base_url, STOKE, 5):
                with lock:
                    got.append(s)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(got) == [200] * 10 + [503] * 10


def test_requests_log() -> None:
    with MirrorServer(faults={STOKE: [503]}) as m:
        httpx.get(m.base_url + STOKE, headers={"User-Agent": "probe/1"})
        httpx.get(m.base_url + f"{LISTING}?page=1", headers={"If-None-Match": '"x"'})
        httpx.head(m.base_url + "/nowhere")
        reqs = list(m.requests)
        assert [(r.method, r.path, r.status) for r in reqs] == [
            ("GET", STOKE, 503),
            ("GET", f"{LISTING}?page=1", 200),
            ("HEAD", "/nowhere", 404),
        ]
        assert reqs[0].headers["user-agent"] == "probe/1"
        assert reqs[1].headers["if-none-match"] == '"x"'
        assert reqs[0].received_monotonic <= reqs[1].received_monotonic
        m.clear_requests()
        assert m.requests == []


def test_the_request_log_keeps_the_latest_requests_only() -> None:
    """A server left running keeps `request_log_size` requests, the latest, oldest first."""
    paths = [f"{LISTING}?page={n}" for n in range(5)]  # the listing has four pages
    with MirrorServer(request_log_size=3) as m, httpx.Client(base_url=m.base_url) as c:
        assert [c.get(path).status_code for path in paths] == [200, 200, 200, 200, 404]
        assert [r.path for r in m.requests] == paths[2:]
        assert m.arrivals == paths[2:]
        m.clear_requests()
        assert (m.requests, m.arrivals) == ([], [])


def test_the_request_log_is_a_copy_to_read_while_requests_come() -> None:
    with MirrorServer() as m, httpx.Client(base_url=m.base_url) as c:
        c.get(STOKE)
        seen = m.requests
        c.get(LISTING)
        assert [r.path for r in seen] == [STOKE]
        assert [r.path for r in m.requests] == [STOKE, LISTING]


def test_request_headers_too_large_are_refused_with_431_and_not_kept() -> None:
    with MirrorServer(max_header_bytes=4096) as m, httpx.Client(base_url=m.base_url) as c:
        big = {f"X-Filler-{n}": "x" * 1000 for n in range(5)}
        refused = c.get(STOKE, headers=big)
        assert refused.status_code == 431
        assert "request headers of more than 4096 bytes" in refused.text
        assert c.get(STOKE, headers={"X-Filler": "x" * 1000}).status_code == 200
        [first, second] = m.requests
        assert (first.path, first.status, first.headers) == (STOKE, 431, {})
        assert (second.status, second.headers["x-filler"]) == (200, "x" * 1000)


def test_the_default_header_limit_is_8_kib() -> None:
    with MirrorServer() as m, httpx.Client(base_url=m.base_url) as c:
        assert c.get(STOKE, headers={"X-Filler": "x" * 7000}).status_code == 200
        assert c.get(STOKE, headers={"X-Filler": "x" * 9000}).status_code == 431


def test_if_modified_since() -> None:
    with MirrorServer() as m, httpx.Client(base_url=m.base_url, timeout=5) as c:
        lm = c.get(STOKE).headers["last-modified"]
        assert c.get(STOKE, headers={"If-Modified-Since": lm}).status_code == 304
        later = "Sat, 14 Jun 2025 00:00:00 GMT"
        assert c.get(STOKE, headers={"If-Modified-Since": later}).status_code == 304
        earlier = "Thu, 12 Jun 2025 00:00:00 GMT"
        r = c.get(STOKE, headers={"If-Modified-Since": earlier})
        assert r.status_code == 200 and r.content
        assert c.get(STOKE, headers={"If-Modified-Since": "garbage"}).status_code == 200
        # If-None-Match takes precedence: a stale ETag means 200 whatever the date says
        both = {"If-None-Match": '"stale"', "If-Modified-Since": later}
        assert c.get(STOKE, headers=both).status_code == 200


def test_custom_robots_txt() -> None:
    text = "User-agent: *\nCrawl-delay: 3\nDisallow: /care-services/\n"
    with MirrorServer(robots_txt=text) as m:
        r = httpx.get(m.base_url + "/robots.txt")
        assert r.status_code == 200 and r.text == text
    with MirrorServer() as m:
        r = httpx.get(m.base_url + "/robots.txt")
        assert "Crawl-delay" not in r.text and "Disallow: /search/" in r.text
