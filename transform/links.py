"""Which links on a page belong to the same report, and which are downloads.

Links are harvested, never built: a report's family is every page whose URL extends the
landing page's URL, either as a sibling segment `<slug>-...` (formal reports) or a sub-path
`<slug>/...` (pilots). Segments are compared whole, so `lincolnshire-cc` never claims
`northlincolnshire-cc`.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from transform.text import shared_soup


def _soup(html: bytes | str | BeautifulSoup) -> BeautifulSoup:
    return html if isinstance(html, BeautifulSoup) else shared_soup(html)


class _Link(NamedTuple):
    """One `<a href>` of a page, resolved against the page's URL (a tuple: a page has scores
    of links, a run thousands of pages)."""

    anchor: Tag
    raw: str  # the href as written
    href: str  # stripped
    url: str  # urljoin(page URL, href)
    parts: SplitResult  # urlsplit(url)


# Where a shared soup keeps what is read from it more than once: its resolved links by page
# URL, the blocks about other reports by page URL and slug.
_MEMO, _MEMO_FOREIGN = "_cqc_links", "_cqc_foreign"


def _anchors(node: Tag) -> list[Tag]:
    """The `<a href>` elements inside `node`, in document order: `find_all("a", href=True)`
    without bs4's general matching, which costs a call per element of the page."""
    return [
        element
        for element in node.descendants
        if isinstance(element, Tag) and element.name == "a" and element.get("href") is not None
    ]


def _links(soup: BeautifulSoup, page_url: str) -> list[_Link]:
    """The page's links in document order, resolved once: four readers (the slug, the blocks
    about other reports, the report's pages, its downloads) walk them, each page's soup is
    shared between them (`shared_soup`) and never changed, so it keeps them."""
    memo: dict[str, list[_Link]] = soup.__dict__.setdefault(_MEMO, {})
    found = memo.get(page_url)
    if found is None:
        page = urlsplit(page_url)
        # what an href from the site's root ("/care-services/...", nearly every link of a
        # report page) resolves to depends on the page's scheme and host alone
        origin = f"{page.scheme}://{page.netloc}" if page.scheme in _WEB and page.netloc else ""
        found = []
        for anchor in _anchors(soup):
            raw = str(anchor["href"])
            href = raw.strip()
            rooted = origin and href[:1] == "/" and href[1:2] != "/"
            url, parts = _resolved(origin, href) if rooted else _resolved(page_url, href)
            found.append(_Link(anchor, raw, href, url, parts))
        memo[page_url] = found
    return found


_WEB = ("http", "https")


@lru_cache(maxsize=4096)
def _resolved(base: str, href: str) -> tuple[str, SplitResult]:
    """`href` resolved against `base`, and split: once an href and base, as a site's pages
    link the same pages (its navigation, a report's contents) over and over."""
    url = urljoin(base, href)
    return url, urlsplit(url)


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


@lru_cache(maxsize=4096)
def in_family(path: str, landing: str, slug: str) -> bool:
    """Whether `path` is the landing page or one of its sibling/sub pages. Held: each page
    of a family asks it of the same links."""
    path = path.rstrip("/") or "/"
    low_path, low_landing = path.lower(), landing.lower()
    if low_path == low_landing or low_path.startswith(low_landing + "/"):
        return True
    same_dir = posixpath.dirname(low_path) == posixpath.dirname(low_landing)
    return same_dir and posixpath.basename(low_path).startswith(slug.lower() + "-")


def report_links(html: bytes | str | BeautifulSoup, page_url: str, slug: str) -> list[str]:
    """Absolute URLs (no fragment, deduplicated, page order) of the report's pages. A query
    is dropped (`?x=1`, `?view=print`: the same page again) unless the page links one family
    path with several values of one parameter (`?tab=summary`, `?tab=theme-1`, ...): a set of
    tabs, each a page of its own (see `_tab_sets`)."""
    page = urlsplit(page_url)
    landing = landing_path(page.path, slug)
    found: list[tuple[str, str]] = []  # (URL without query, query)
    for link in _links(_soup(html), page_url):
        parts = link.parts
        if parts.netloc != page.netloc or parts.scheme not in ("http", "https"):
            continue
        if in_family(parts.path, landing, slug):
            bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            found.append((bare, parts.query))
    tabs = _tab_sets(found)
    seen: dict[str, None] = {}
    for bare, query in found:
        kept = _tab_query(query, tabs.get(bare, frozenset()))
        seen.setdefault(f"{bare}?{kept}" if kept else bare, None)
    return list(seen)


def _tab_sets(links: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """For each linked path, the query parameters that take two or more values across the
    page's links to it: what tells one of its tabs from another."""
    values: dict[tuple[str, str], set[str]] = {}
    for bare, query in links:
        if not query:
            continue
        for name, value in parse_qsl(query, keep_blank_values=True):
            values.setdefault((bare, name), set()).add(value)
    tabs: dict[str, set[str]] = {}
    for (bare, name), seen in values.items():
        if len(seen) >= 2:
            tabs.setdefault(bare, set()).add(name)
    return {bare: frozenset(names) for bare, names in tabs.items()}


def _tab_query(query: str, tab_names: frozenset[str]) -> str:
    """The part of `query` that names a tab (its tab parameters, in order); '' if none."""
    if not query or not tab_names:
        return ""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k in tab_names]
    return urlencode(pairs)


LISTING_ROOT = "local-authority-assessment-reports"


def report_slug(page_url: str, linked_paths: list[str]) -> str:
    """The slug of the report a page belongs to: the last segment of its landing page's URL.

    Rule: under `.../local-authority-assessment-reports/`, the first segment after it names
    the report (pilots: `birmingham-cc/overall-summary` -> `birmingham-cc`). For a formal
    sub-page that segment is `<slug>-<suffix>`; the landing page is then the shortest linked
    sibling (or the page itself) whose last segment is that segment or a `-`-prefix of it:
    the report navigation links every family member, and the landing page's link is a prefix
    of all the others. Without the listing segment, the same sibling rule runs on the page's
    own last segment.
    """
    segments = _segments(urlsplit(page_url).path)
    lowered = [s.lower() for s in segments]
    last = len(segments) - 1
    index = lowered.index(LISTING_ROOT) + 1 if LISTING_ROOT in lowered[:-1] else last
    if index < 0:
        return ""
    own = segments[index]
    # Siblings share the parent segment; comparing only that keeps the rule working for a saved
    # copy whose path has more segments in front (`file:///home/me/.../reports/<slug>-summary`).
    parent = segments[index - 1].lower() if index > 0 else ""
    best = own
    for path in linked_paths:
        folder, candidate = _folder_and_name(path)
        if folder != parent:
            continue
        is_prefix = own.lower().startswith(candidate.lower() + "-")
        if is_prefix and len(candidate) < len(best):
            best = candidate
    return best


@lru_cache(maxsize=4096)
def _folder_and_name(path: str) -> tuple[str, str]:
    """A path's parent segment (lower case) and last segment: once a path, as every page of
    a site links the same ones."""
    return posixpath.basename(posixpath.dirname(path)).lower(), posixpath.basename(path)


def linked_paths(soup: BeautifulSoup, url: str) -> list[str]:
    """The paths of the page's links on its own host."""
    host = urlsplit(url).netloc
    paths = []
    for link in _links(soup, url):
        # the href as written, untrimmed (a trailing space stays part of the path)
        parts = link.parts if link.raw == link.href else urlsplit(urljoin(url, link.raw))
        if parts.netloc == host:
            paths.append(parts.path.rstrip("/"))
    return paths


# A block about another report (a related-content card) is at most this much text, and the
# heading or caption over a list of such blocks at most this much.
_FOREIGN_MAX_CHARS = 400
_FOREIGN_TITLE_MAX_CHARS = 150
_OUTER = frozenset({"body", "html", "main", "[document]"})


def foreign_blocks(soup: BeautifulSoup, url: str, slug: str | None = None) -> frozenset[int]:
    """ids of the elements about another report: around each link to another report of the
    listing, the largest short block holding that link and no link to this report (a card, a
    row); then the smallest element holding such blocks and little else (the list or table of
    them, with its caption or header row). A link inside long prose marks nothing."""
    if slug is None:
        slug = report_slug(url, linked_paths(soup, url))
    memo: dict[tuple[str, str], frozenset[int]] = soup.__dict__.setdefault(_MEMO_FOREIGN, {})
    if (url, slug) not in memo:  # the page's reader and the crawl's downloads both ask
        memo[url, slug] = _foreign_blocks(soup, url, slug)
    return memo[url, slug]


def _foreign_blocks(soup: BeautifulSoup, url: str, slug: str) -> frozenset[int]:
    page = urlsplit(url)
    landing = landing_path(page.path, slug) if slug else ""
    family: set[int] = set()
    strangers: list[Tag] = []
    for link in _links(soup, url):
        parts = link.parts
        if parts.netloc != page.netloc:
            continue
        if slug and in_family(parts.path, landing, slug):
            family.add(id(link.anchor))
        elif LISTING_ROOT in [s.lower() for s in _segments(parts.path)[:-1]]:
            strangers.append(link.anchor)
    stranger_ids = {id(a) for a in strangers}
    found: dict[int, Tag] = {}
    for anchor in strangers:
        node: Tag = anchor
        block: Tag | None = None
        while node.parent is not None and node.parent.name not in _OUTER:
            parent = node.parent
            if len(parent.get_text(" ", strip=True)) > _FOREIGN_MAX_CHARS:
                break
            links = _anchors(parent)
            if any(id(a) in family for a in links) or any(
                id(a) in stranger_ids and a is not anchor for a in links
            ):
                break
            node = block = parent
        if block is not None:
            found[id(block)] = block
    found.update(_like_siblings(found, family))
    for block in list(found.values()):  # the list or table the blocks stand in
        node = block
        while node.parent is not None and node.parent.name not in _OUTER:
            parent = node.parent
            if any(id(a) in family for a in _anchors(parent)):
                break
            inside = sum(
                len(b.get_text(" ", strip=True))
                for b in found.values()
                if b is parent or parent in b.parents
            )
            if len(parent.get_text(" ", strip=True)) - inside > _FOREIGN_TITLE_MAX_CHARS:
                break
            node = parent
        if node is not block:
            found[id(node)] = node
    return frozenset(found)


def _like_siblings(found: dict[int, Tag], family: set[int]) -> dict[int, Tag]:
    """The rows or items beside found blocks, of their kind, where found blocks are at least
    half of them: a related-content table whose other rows name councils without a link.
    None holding a link to this report, or longer than a block about another report."""
    out: dict[int, Tag] = {}
    for block in found.values():
        parent = block.parent
        if parent is None or parent.name in _OUTER:
            continue
        kind = list(parent.find_all(block.name, recursive=False))
        if 2 * sum(id(c) in found for c in kind) < len(kind):
            continue
        for sibling in kind:
            if id(sibling) in found or id(sibling) in out:
                continue
            if any(id(a) in family for a in _anchors(sibling)):
                continue
            if len(sibling.get_text(" ", strip=True)) <= _FOREIGN_MAX_CHARS:
                out[id(sibling)] = sibling
    return out


_DOWNLOADS = re.compile(r"^\s*downloads?\s*:?\s*$", re.IGNORECASE)
_PDF_WORD = re.compile(r"\bpdf\b", re.IGNORECASE)
_DOWNLOAD_WORD = re.compile(r"\bdownload", re.IGNORECASE)
_REPORT_WORD = re.compile(r"\breport\b", re.IGNORECASE)
_FILE_NOTE = re.compile(r"\b(?:pdf|docx?|odt|kb|mb)\b", re.IGNORECASE)
# The text around a link that can describe it as a file ("PDF, 1.2 MB, 24 pages").
_NOTE_MAX_CHARS = 300


def _download_blocks(soup: BeautifulSoup) -> set[int]:
    """ids of the elements that hold a "Downloads" label (short of the page itself): a link
    inside one of them stands in a Downloads block."""
    return {
        id(parent)
        for label in soup.descendants
        if isinstance(label, NavigableString) and label and _DOWNLOADS.search(label)
        for parent in label.parents
        if parent.name not in _OUTER
    }


class _DownloadBlocks:
    """A page's Downloads blocks (`_download_blocks`), found when a link first needs them:
    only a link that is no PDF by anything else it shows does."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self._ids: set[int] | None = None

    def hold(self, anchor: Tag) -> bool:
        if self._ids is None:
            self._ids = _download_blocks(self.soup)
        ids = self._ids
        return any(id(parent) in ids for parent in anchor.parents)


def _spaced_text(tag: Tag) -> str:
    """`tag.get_text(" ")`, at once for a tag holding one string alone (as most links do)."""
    contents = tag.contents
    if len(contents) == 1 and type(contents[0]) is NavigableString:
        wanted = tag.interesting_string_types
        if wanted is None or (isinstance(wanted, set) and NavigableString in wanted):
            return str(contents[0])
    return tag.get_text(" ")


def _noted_as_file(anchor: Tag, text: str) -> bool:
    """Whether the text beside a link (its parent's, the link's own text aside) describes a
    file ("(PDF, 1.2 MB)"). A parent holding nothing but the link and spaces (a list item
    of a navigation) says nothing more, and its text is not read."""
    parent = anchor.parent
    if parent is None:
        return False  # nothing beside it
    if parent.interesting_string_types is anchor.interesting_string_types and all(
        child is anchor or (type(child) is NavigableString and child.isspace())
        for child in parent.contents
    ):
        return False  # its text is the link's, between spaces: nothing is left to search
    note = parent.get_text(" ")
    return len(note) <= _NOTE_MAX_CHARS and bool(_FILE_NOTE.search(note.replace(text, "")))


def _pdf_signal(link: _Link, downloads: _DownloadBlocks) -> int:
    """How surely a link is a PDF of the report, by what it is: 3 it says so (a `.pdf`
    address, `type="application/pdf"`), 2 its words or its note say PDF, 1 it is a download
    (a `download` attribute, "Download ..." text, a link under "Downloads" that names a
    report); 0 not a document at all ("Contact us")."""
    anchor = link.anchor
    path = link.parts.path.lower()
    if path.endswith(".pdf") or "pdf" in str(anchor.get("type") or "").lower():
        return 3
    text = _spaced_text(anchor)
    words = " ".join(str(v) for v in (text, anchor.get("title"), anchor.get("aria-label")) if v)
    says_pdf, says_download, says_report = _words_say(words)
    if says_pdf:
        return 2
    if _noted_as_file(anchor, text):
        return 2
    if anchor.has_attr("download") or says_download:
        return 1
    if says_report and downloads.hold(anchor):
        return 1
    return 0


@lru_cache(maxsize=4096)
def _words_say(words: str) -> tuple[bool, bool, bool]:
    """Whether a link's words say PDF, download, report: once a wording, as a site's pages
    repeat their links."""
    return (
        bool(_PDF_WORD.search(words)),
        bool(_DOWNLOAD_WORD.search(words)),
        bool(_REPORT_WORD.search(words)),
    )


def download_links(
    html: bytes | str | BeautifulSoup, page_url: str, foreign: frozenset[int] | None = None
) -> list[str]:
    """Absolute URLs of the links on the page that are the report's PDF by what they are (a
    `.pdf` address, a PDF type, "(PDF, 1.2 MB)" in or beside the text, a download link),
    wherever they stand (a Downloads block, the body, a sidebar), surest first, page order
    within each; never a link inside a block about another report (`foreign`: those blocks,
    if already found), or to a report page."""
    soup = _soup(html)
    if foreign is None:
        foreign = foreign_blocks(soup, page_url)
    downloads = _DownloadBlocks(soup)
    ranked: dict[str, int] = {}
    for link in _links(soup, page_url):
        href, anchor = link.href, link.anchor
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        if foreign and any(id(p) in foreign for p in [anchor, *anchor.parents]):
            continue
        signal = _pdf_signal(link, downloads)
        if signal == 0:
            continue
        url = link.url
        if LISTING_ROOT in [s.lower() for s in _segments(link.parts.path)] and signal < 3:
            continue  # a report page, not a file
        ranked[url] = max(ranked.get(url, 0), signal)
    return sorted(ranked, key=lambda url: -ranked[url])
