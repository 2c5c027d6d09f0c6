"""Which links on a page belong to the same report, and which are downloads.

Links are harvested, never built: a report's family is every page whose URL extends the
landing page's URL, either as a sibling segment `<slug>-...` (formal reports) or a sub-path
`<slug>/...` (pilots). Segments are compared whole, so `lincolnshire-cc` never claims
`northlincolnshire-cc`.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from transform.text import HEADING_TAGS, shared_soup


def _soup(html: bytes | str | BeautifulSoup) -> BeautifulSoup:
    return html if isinstance(html, BeautifulSoup) else shared_soup(html)


def absolute(href: str, page_url: str) -> str:
    """href resolved against the page, with query and fragment dropped."""
    parts = urlsplit(urljoin(page_url, href.strip()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _segments(path: str) -> list[str]:
    return [seg for seg in path.split("/") if seg]


def landing_path(page_path: str, slug: str) -> str:
    """The landing page's path: the first segment that is or extends `slug`, cut to `slug`."""
    segments = _segments(page_path)
    low = slug.lower()
    for index, seg in enumerate(segments):
        if seg.lower() == low or seg.lower().startswith(low + "-"):
            return "/" + "/".join([*segments[:index], slug])
    return posixpath.join(posixpath.dirname(page_path.rstrip("/")) or "/", slug)


def in_family(path: str, landing: str, slug: str) -> bool:
    """Whether `path` is the landing page or one of its sibling/sub pages."""
    path = path.rstrip("/") or "/"
    low_path, low_landing = path.lower(), landing.lower()
    if low_path == low_landing or low_path.startswith(low_landing + "/"):
        return True
    same_dir = posixpath.dirname(low_path) == posixpath.dirname(low_landing)
    return same_dir and posixpath.basename(low_path).startswith(slug.lower() + "-")


def report_links(html: bytes | str | BeautifulSoup, page_url: str, slug: str) -> list[str]:
    """Absolute URLs (no query/fragment, deduplicated, page order) of the report's pages."""
    page = urlsplit(page_url)
    landing = landing_path(page.path, slug)
    seen: dict[str, None] = {}
    for anchor in _soup(html).find_all("a", href=True):
        url = absolute(str(anchor["href"]), page_url)
        parts = urlsplit(url)
        if parts.netloc != page.netloc or parts.scheme not in ("http", "https"):
            continue
        if in_family(parts.path, landing, slug):
            seen.setdefault(url, None)
    return list(seen)


def _downloads_heading(soup: BeautifulSoup) -> Tag | None:
    """The element labelled "Downloads": a heading first, else any element with that text."""
    for text in soup.find_all(string=re.compile(r"^\s*downloads\s*:?\s*$", re.IGNORECASE)):
        parent = text.parent
        if parent is not None and parent.name in HEADING_TAGS:
            return parent
    for text in soup.find_all(string=re.compile(r"^\s*downloads\s*:?\s*$", re.IGNORECASE)):
        if text.parent is not None and text.parent.name not in ("a", "title"):
            return text.parent
    return None


_PAGE_LEVEL = frozenset({"[document]", "html", "body", "main"})
_CHROME = frozenset({"footer", "header", "nav", "aside"})


def download_links(html: bytes | str | BeautifulSoup, page_url: str) -> list[str]:
    """Absolute hrefs of the links in the block under a "Downloads" heading.

    The block ends at the next heading, at page furniture (footer, nav, ...) and, when the
    heading sits in its own container (e.g. a `<div>`), at the end of that container.
    """
    heading = _downloads_heading(_soup(html))
    if heading is None:
        return []
    parent = heading.parent
    container = parent if parent is not None and parent.name not in _PAGE_LEVEL else None
    seen: dict[str, None] = {}
    for element in heading.find_all_next():
        if element.name in HEADING_TAGS or element.name in _CHROME:
            break
        if container is not None and container not in element.parents:
            break
        if element.name == "a" and element.get("href"):
            seen.setdefault(urljoin(page_url, str(element["href"]).strip()), None)
    return list(seen)
