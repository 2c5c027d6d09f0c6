"""The mirror's HTTP server, serving the committed site (tests/mirror/test_build.py checks that
it is what the builder writes today; the server only reads it)."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mirror.server import MirrorServer
from tests.conftest import MIRROR_SITE

LISTING = "/care-services/local-authority-assessment-reports"
DURHAM_SUMMARY = f"{LISTING}/durham-0824-summary"


@pytest.fixture(scope="module")
def site() -> Path:
    return MIRROR_SITE


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[MirrorServer]:
    with MirrorServer(site, faults={DURHAM_SUMMARY: 500, f"{LISTING}?page=2": 503}) as m:
        yield m


@pytest.fixture()
def client(server: MirrorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=5) as c:
        yield c


def raw_status(server: MirrorServer, target: str) -> int:
    """Send the request target byte for byte (httpx would normalise `..`)."""
    host, port = server.base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("GET", target)
        return conn.getresponse().status
    finally:
        conn.close()


def test_base_url_and_listing(server: MirrorServer, client: httpx.Client, site: Path) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    r = client.get(LISTING)
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert int(r.headers["content-length"]) == len(r.content)
    assert (
        r.content == (site / "care-services/local-authority-assessment-reports.html").read_bytes()
    )
    assert "<h1>Local authority assessment reports</h1>" in r.text
    assert client.get(LISTING, params={"page": 0}).content == r.content


def test_pager_pages(client: httpx.Client) -> None:
    p1 = client.get(f"{LISTING}?page=1")
    assert p1.status_code == 200 and 'href="?page=2"' in p1.text
    last = client.get(f"{LISTING}?page=3")
    assert last.status_code == 200
    assert 'rel="next"' not in last.text and 'rel="prev"' in last.text
    assert client.get(f"{LISTING}?page=4").status_code == 404
    assert client.get(f"{LISTING}?page=abc").status_code == 404


def test_report_and_pilot_sub_page(client: httpx.Client) -> None:
    r = client.get(f"{LISTING}/stokeontrent-0625")
    assert r.status_code == 200 and "Stoke-on-Trent City Council" in r.text
    assert r.headers["last-modified"] == "Fri, 13 Jun 2025 00:00:00 GMT"
    p = client.get(f"{LISTING}/lincolnshire-cc/4-leadership/learning-improvement-innovation")
    assert p.status_code == 200 and "Indicative score: 3" in p.text
    assert p.headers["last-modified"] == "Fri, 17 Nov 2023 00:00:00 GMT"


def test_robots(client: httpx.Client) -> None:
    r = client.get("/robots.txt")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert "User-agent: *" in r.text and "Disallow: /search/" in r.text


def test_unknown_and_traversal_are_404(server: MirrorServer, client: httpx.Client) -> None:
    nope = client.get(f"{LISTING}/nowhere-0199")
    assert nope.status_code == 404 and "<h1>404" in nope.text
    assert client.get("/").status_code == 404
    assert client.get(f"{LISTING}.page-1").status_code == 404  # files are not URLs
    assert raw_status(server, "/../mirror/build") == 404
    assert raw_status(server, f"{LISTING}/../../robots") == 404
    assert raw_status(server, "/care-services/%2e%2e/%2e%2e/etc/passwd") == 404
    assert raw_status(server, f"{LISTING}/stokeontrent-0625") == 200


def test_faults(client: httpx.Client) -> None:
    assert client.get(DURHAM_SUMMARY).status_code == 500
    assert client.get(f"{LISTING}/durham-0824").status_code == 200
    assert client.get(f"{LISTING}?page=2").status_code == 503
    assert client.get(f"{LISTING}?page=1").status_code == 200


def test_etag_and_if_none_match(client: httpx.Client) -> None:
    url = f"{LISTING}/birmingham-cc/overall-summary"
    r = client.get(url)
    import hashlib

    etag = r.headers["etag"]
    assert etag == '"' + hashlib.sha256(r.content).hexdigest() + '"'
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    stale = client.get(url, headers={"If-None-Match": '"not-it"'})
    assert stale.status_code == 200 and stale.content == r.content


def test_head(client: httpx.Client) -> None:
    r = client.head(f"{LISTING}/stokeontrent-0625-summary")
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["content-length"]) > 1000
    assert client.head(f"{LISTING}/missing").status_code == 404


def test_stop_and_restart(site: Path) -> None:
    m = MirrorServer(site)
    m.start()
    url = m.base_url
    assert httpx.get(url + "/robots.txt").status_code == 200
    m.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/robots.txt", timeout=1)
    with pytest.raises(RuntimeError):
        _ = m.base_url
