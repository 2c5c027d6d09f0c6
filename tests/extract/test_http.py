"""The site client: retries, Retry-After, host pinning, and the page metadata it returns."""

from __future__ import annotations

import httpx
import pytest
import respx

from extract.http import DEFAULT_USER_AGENT, FetchError, RetryPolicy, SiteClient

BASE = "https://cqc.test"


def make_client(sleeps: list[float], attempts: int = 4) -> SiteClient:
    return SiteClient(
        BASE,
        retry=RetryPolicy(attempts=attempts, backoff_s=0.5, jitter=0.0),
        sleep=sleeps.append,
        min_interval_s=0.0,
        obey_robots=False,
    )


@respx.mock
def test_get_returns_body_and_metadata_with_user_agent() -> None:
    route = respx.get(f"{BASE}/care-services/x").mock(
        return_value=httpx.Response(
            200,
            content=b"<html>ok</html>",
            headers={
                "content-type": "text/html",
                "etag": '"abc"',
                "last-modified": "Fri, 13 Jun 2025 09:00:00 GMT",
            },
        )
    )
    with make_client([]) as client:
        page = client.get("/care-services/x")
    assert page.body == b"<html>ok</html>"
    assert page.status == 200
    assert page.etag == '"abc"'
    assert page.last_modified == "Fri, 13 Jun 2025 09:00:00 GMT"
    assert len(page.sha256) == 64
    assert route.calls.last.request.headers["user-agent"] == DEFAULT_USER_AGENT


@respx.mock
def test_transient_errors_are_retried_with_backoff_and_retry_after() -> None:
    respx.get(f"{BASE}/p").mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(429, headers={"retry-after": "7"}),
            httpx.ConnectTimeout("slow"),
            httpx.Response(200, content=b"fine"),
        ]
    )
    sleeps: list[float] = []
    with make_client(sleeps) as client:
        page = client.get("/p")
    assert page.body == b"fine"
    assert page.attempts == 4
    assert sleeps == [0.5, 7.0, 2.0]


@respx.mock
def test_page_that_stays_broken_raises_with_url_and_last_error() -> None:
    respx.get(f"{BASE}/broken").mock(return_value=httpx.Response(500, content=b"oops"))
    sleeps: list[float] = []
    with make_client(sleeps, attempts=3) as client, pytest.raises(FetchError) as caught:
        client.get("/broken")
    assert caught.value.url == f"{BASE}/broken"
    assert caught.value.reason == "HTTP 500"
    assert caught.value.status == 500
    assert caught.value.body == b"oops"
    assert len(sleeps) == 2


@respx.mock
def test_not_found_is_not_retried() -> None:
    route = respx.get(f"{BASE}/missing").mock(return_value=httpx.Response(404))
    with make_client([]) as client, pytest.raises(FetchError, match="HTTP 404"):
        client.get("/missing")
    assert route.call_count == 1


@respx.mock
def test_redirect_within_site_is_followed_and_off_site_refused() -> None:
    respx.get(f"{BASE}/old").mock(return_value=httpx.Response(301, headers={"location": "/new"}))
    respx.get(f"{BASE}/new").mock(return_value=httpx.Response(200, content=b"moved"))
    respx.get(f"{BASE}/away").mock(
        return_value=httpx.Response(302, headers={"location": "https://elsewhere.test/x"})
    )
    with make_client([]) as client:
        assert client.get("/old").url == f"{BASE}/new"
        with pytest.raises(FetchError, match="redirect to another host refused"):
            client.get("/away")


def test_urls_of_other_hosts_are_never_requested() -> None:
    with respx.mock(assert_all_called=False) as mock, make_client([]) as client:
        route = mock.get("https://elsewhere.test/x").mock(return_value=httpx.Response(200))
        with pytest.raises(FetchError, match="not on the configured site"):
            client.get("https://elsewhere.test/x")
        assert route.call_count == 0
