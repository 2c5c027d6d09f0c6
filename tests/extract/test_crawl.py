"""The crawler follows only the links its caller chooses, once each, and survives broken pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extract.crawl import CrawlLimitError, crawl
from extract.http import FetchedPage, FetchError

SITE = {
    "/a": [b"/b", b"/c"],
    "/b": [b"/a", b"/c", b"/broken"],
    "/c": [],
}


def fake_get(url: str) -> FetchedPage:
    if url not in SITE:
        raise FetchError(url, "HTTP 500", 500)
    return FetchedPage(url, 200, b" ".join(SITE[url]), "text/html", datetime.now(UTC), 0.0)


def links_in(page: FetchedPage) -> list[str]:
    return page.body.decode().split()


def test_crawl_visits_each_page_once_and_records_failures() -> None:
    result = crawl(fake_get, "/a", links_in)
    assert [p.url for p in result.pages] == ["/a", "/b", "/c"]
    assert [f.url for f in result.failures] == ["/broken"]


def test_crawl_with_broken_start_page_returns_only_the_failure() -> None:
    result = crawl(fake_get, "/nowhere", links_in)
    assert result.pages == []
    assert result.failures[0].reason == "HTTP 500"


def test_crawl_stops_at_the_page_limit() -> None:
    def endless(url: str) -> FetchedPage:
        return FetchedPage(url, 200, (url + "x").encode(), None, datetime.now(UTC), 0.0)

    with pytest.raises(CrawlLimitError):
        crawl(endless, "/p", links_in, max_pages=5)
