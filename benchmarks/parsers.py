"""Benchmark: the parsers against their floors (issue 22: each within 2x of its floor).

HTML: every page of both mirror skins (`mirror/site`, `mirror/site-drupal`: the listing and
every report page) put through the per-page work an ingest does on HTML (`transform.pipeline.
read_pages`: decode as declared, the bounds check, the tree, every fact read; a listing page
read as a listing, as the crawl reads it), beside the floor no HTML reader can beat: the same
decode and BeautifulSoup's lxml tree built alone. Both are timed in one process, in CPU
seconds of that process (other work on the machine does not count), passes interleaved, best
of N: the ratio is the figure, the absolute times are not. Asserts nothing about speed.

    python -m benchmarks.parsers [--repeats 3]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from mirror.sample import url_for
from transform.decode import check_bounds, decode_page
from transform.pages import parse_page

ROOT = Path(__file__).resolve().parents[1]
SKINS = (ROOT / "mirror" / "site", ROOT / "mirror" / "site-drupal")
CONTENT_TYPE = "text/html; charset=utf-8"  # what the mirror serves its pages as
TARGET_RATIO = 2.0


@dataclass(frozen=True)
class ParseFigures:
    """One parser against its floor: pages read, the best pass of each, and their ratio."""

    pages: int
    ours_s: float
    floor_s: float
    ratio: float  # ours_s / floor_s
    pages_per_s: float  # ours

    @classmethod
    def of(cls, pages: int, ours_s: float, floor_s: float) -> ParseFigures:
        return cls(pages, ours_s, floor_s, ours_s / floor_s, pages / ours_s)


# --- HTML ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlPage:
    """A mirror page as the pipeline gets it: its URL, bytes and Content-Type."""

    url: str
    body: bytes
    content_type: str = CONTENT_TYPE


def html_pages(skins: Sequence[Path] = SKINS) -> list[HtmlPage]:
    """Every HTML page of the mirror skins, at the URL the mirror serves it at."""
    return [
        HtmlPage(url_for(path, site), path.read_bytes())
        for site in skins
        for path in sorted(site.rglob("*.html"))
    ]


def read_html(page: HtmlPage) -> object:
    """What an ingest does with one HTML page (`transform.pipeline.read_pages`)."""
    text = decode_page(page.body, page.content_type, page.url).text
    check_bounds(text, page.url)
    return parse_page(text, page.url)


def html_floor(page: HtmlPage) -> object:
    """The least any reader of the page must do: decode it and build its tree."""
    text = decode_page(page.body, page.content_type, page.url).text
    return BeautifulSoup(text, "lxml")


def _pass(work: Callable[[HtmlPage], object], pages: Sequence[HtmlPage]) -> float:
    """CPU seconds of one pass over the pages, each pass from a collected heap."""
    gc.collect()
    started = time.process_time()
    for page in pages:
        work(page)
    return time.process_time() - started


def html_parse_figures(repeats: int = 3, pages: Sequence[HtmlPage] | None = None) -> ParseFigures:
    """The HTML reading of every mirror page against the tree build alone, best of `repeats`
    passes each, the two interleaved (the order swapped each round)."""
    pages = html_pages() if pages is None else pages
    ours: list[float] = []
    floor: list[float] = []
    for round_ in range(repeats):
        if round_ % 2:
            ours.append(_pass(read_html, pages))
            floor.append(_pass(html_floor, pages))
        else:
            floor.append(_pass(html_floor, pages))
            ours.append(_pass(read_html, pages))
    return ParseFigures.of(len(pages), min(ours), min(floor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    html = html_parse_figures(args.repeats)
    floor_rate = html.pages / html.floor_s
    print(
        f"HTML: {html.pages} pages; ours {html.ours_s:.2f} s ({html.pages_per_s:.0f} pages/s), "
        f"floor (decode + BeautifulSoup lxml tree) {html.floor_s:.2f} s ({floor_rate:.0f} "
        f"pages/s): {html.ratio:.2f}x the floor (target <= {TARGET_RATIO:g}x)"
    )


if __name__ == "__main__":
    main()
