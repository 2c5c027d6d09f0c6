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

from bs4 import BeautifulSoup

from transform.text import link_list_titles, page_lines, shared_soup


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


_DOWNLOADS = re.compile(r"^\s*downloads\s*:?\s*$", re.IGNORECASE)
_PAGE_LEVEL = frozenset({"[document]", "html", "body", "main"})
# A line under "Downloads" without a link this short may introduce the files ("Download the
# report"); a longer one, or a heading, is the page going on.
_FILE_NOTE_MAX_WORDS = 6
# Once a file is listed, a line without a link goes on the block only if it describes a file
# ("PDF, 1.2 MB", "(PDF)", "24 pages"); anything else ("Related") is the page going on.
_FILE_NOTE = re.compile(r"\b(?:pdf|docx?|odt|xlsx?|csv|kb|mb|bytes|pages?)\b|^\(.*\)$", re.I)


def _block_hrefs(soup: BeautifulSoup) -> set[str] | None:
    """The hrefs after the "Downloads" label inside the smallest element around the label
    that holds any link: the block the label heads, whatever element it is. None when the
    label has no such container short of the page itself."""
    for text in soup.find_all(string=_DOWNLOADS):
        label = text.parent
        if label is None or label.name in ("a", "title"):
            continue
        for container in label.parents:
            if container.name in _PAGE_LEVEL:
                return None
            anchors = [a for a in label.find_all_next("a", href=True) if container in a.parents]
            if anchors:
                return {str(a["href"]).strip() for a in anchors}
    return None


def download_links(html: bytes | str | BeautifulSoup, page_url: str) -> list[str]:
    """Absolute hrefs of the links under a "Downloads" label, in page order.

    The label may be any element (a heading, bold text, a plain line), inside page furniture
    or not; the block runs over the lines that carry links and file notes, and ends at a
    heading, at the title of another list of links, at a line of text that describes no
    file, where furniture begins or ends, or where the element the label sits in ends.
    """
    soup = _soup(html)
    lines = page_lines(soup)
    titles = link_list_titles(lines)
    for index, line in enumerate(lines):
        if line.link or line.key != "downloads" or line.tag == "title":
            continue
        in_block = _block_hrefs(soup)
        seen: dict[str, None] = {}
        for offset, after in enumerate(lines[index + 1 :], start=index + 1):
            if after.chrome != line.chrome or offset in titles:
                break
            if not after.hrefs:
                if after.heading_like or len(after.text.split()) > _FILE_NOTE_MAX_WORDS:
                    break
                if seen and not _FILE_NOTE.search(after.text):
                    break
                continue
            if after.heading_like and not after.link:
                break
            for href in after.hrefs:
                if in_block is None or href in in_block:
                    seen.setdefault(urljoin(page_url, href), None)
        return list(seen)
    return []
