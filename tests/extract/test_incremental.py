"""ConditionalFetcher: a 304 comes back as the held page, with the held page's metadata."""

from __future__ import annotations

from pathlib import Path

import httpx

from extract.http import SiteClient
from extract.incremental import ConditionalFetcher, KnownPage
from extract.warc import WarcArchive

BASE = "https://www.cqc.org.uk"
URL = f"{BASE}/care-services/local-authority-assessment-reports/durham-0824"
BODY = b"<html><body>Durham</body></html>"
HTML = "text/html; charset=utf-8"


def site(requests: list[httpx.Request]) -> httpx.MockTransport:
    """200 with a Content-Type, or a bare 304 (no Content-Type, as servers send it)."""

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(200, content=BODY, headers={"Content-Type": HTML, "ETag": '"v1"'})

    return httpx.MockTransport(answer)


def test_a_304_page_carries_the_held_body_and_content_type(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    requests: list[httpx.Request] = []
    with archive.writer("cqc-test-000001") as writer:
        client = SiteClient(
            BASE, transport=site(requests), min_interval_s=0.0, on_exchange=writer.write_exchange
        )
        with client:
            first = ConditionalFetcher(client, archive)
            fresh = first.get(URL)
            got = first.outcome(fresh)
            held = KnownPage(got.sha256 or "", got.etag, got.last_modified, got.content_type)

            again = ConditionalFetcher(client, archive, {URL: held})
            page = again.get(URL)
            outcome = again.outcome(page)

    assert requests[-1].headers["if-none-match"] == '"v1"'
    assert page.not_modified and page.status == 304
    assert (page.body, page.sha256, page.content_type) == (BODY, fresh.sha256, HTML)
    assert (outcome.content_type, outcome.body_size, outcome.byte_count) == (HTML, len(BODY), 0)
    assert (outcome.sha256, outcome.changed) == (fresh.sha256, False)
    assert (fresh.content_type, got.body_size, got.changed) == (HTML, len(BODY), True)


def test_a_held_body_the_archive_cannot_give_is_fetched_whole(tmp_path: Path) -> None:
    """Validators without readable bytes are useless: the page is asked for unconditionally."""
    archive = WarcArchive(tmp_path)
    requests: list[httpx.Request] = []
    with SiteClient(BASE, transport=site(requests), min_interval_s=0.0) as client:
        held = KnownPage("0" * 64, '"v1"', None, HTML)
        page = ConditionalFetcher(client, archive, {URL: held}).get(URL)
    assert page.status == 200 and page.body == BODY
    assert "if-none-match" not in requests[-1].headers
