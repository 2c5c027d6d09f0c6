"""Following links from a start page: the listing's pager, a report's own navigation.

The crawler does not know what a link means: the caller passes `follow`, a function from a
fetched page to the URLs worth visiting next (in practice a `transform` link extractor). That
keeps page structure out of `extract/` and URL patterns out of everything: we only go where
the site's own links lead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extract.http import FetchedPage, FetchError


@dataclass
class CrawlResult:
    """Pages fetched in visiting order, and the URLs that stayed broken."""

    pages: list[FetchedPage] = field(default_factory=list)
    failures: list[FetchError] = field(default_factory=list)


class CrawlLimitError(RuntimeError):
    """More pages than any report family or listing should have: a loop or a site change.
    Names the limit and the page past it, for whoever reports it."""

    def __init__(self, start_url: str, limit: int, last_url: str) -> None:
        super().__init__(f"more than {limit} pages reached from {start_url}")
        self.start_url, self.limit, self.last_url = start_url, limit, last_url


def crawl(
    get: Callable[[str], FetchedPage],
    start_url: str,
    follow: Callable[[FetchedPage], Iterable[str]],
    *,
    max_pages: int = 100,
) -> CrawlResult:
    """Breadth-first from `start_url`, visiting each URL once.

    A page that fails is recorded and the crawl goes on with the others; a failing start page
    is recorded too (the result then has no pages). `follow` errors propagate: they mean a page
    did not look as expected, and the caller reports that with the page kept.
    """
    result = CrawlResult()
    queue = [start_url]
    seen = {start_url}
    while queue:
        url = queue.pop(0)
        try:
            page = get(url)
        except FetchError as exc:
            result.failures.append(exc)
            continue
        result.pages.append(page)
        if len(result.pages) > max_pages:
            raise CrawlLimitError(start_url, max_pages, page.url)
        for link in follow(page):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return result
