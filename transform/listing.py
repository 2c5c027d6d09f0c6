"""The listing of local authority assessment reports, page by page.

Sections are found by their labels' text (whatever elements carry it, even split over
several), entries by link text (or, in progress, as the section's short lines), and the next
page by the pager, so that a change of classes or URL layout does not silently lose councils.

Every URL read here is given one spelling (`canonical_url`), and a report's slug ignores a
trailing slash, so that a report linked as `HTTPS://WWW.CQC.ORG.UK:443/.../x/`, `/.../x#top`,
`.../x?utm_source=...` and `x` is one report, fetched once (`pipeline.crawl.discover` keeps
the first of a slug's links).
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from transform.councils import UnknownCouncilError, match_council
from transform.errors import PageParseError
from transform.links import absolute
from transform.records import AssessmentKind, ListingEntry, ListingPage
from transform.text import (
    BLOCK_TAGS,
    SENTENCE_END,
    Line,
    clean_text,
    label_key,
    link_list_titles,
    page_lines,
    shared_soup,
)

Section = Literal["report", "in_progress", "pilot"]
_SECTIONS: dict[str, tuple[Section, AssessmentKind | None]] = {
    "assessment reports": ("report", "formal"),
    "assessments in progress": ("in_progress", None),
    "pilot assessments": ("pilot", "pilot"),
}
_LINK_SUFFIX = re.compile(r"\s*:\s*local authority assessment\b.*$", re.IGNORECASE)


def la_name_from_link(text: str) -> str:
    """ "Stoke-on-Trent City Council: local authority assessment" -> the council name."""
    return _LINK_SUFFIX.sub("", clean_text(text)).strip()


# What may follow a section's label on its line: "(page 2 of 3)", "(12)", "- page 2 of 3".
_LABEL_TAIL = re.compile(
    r"\s*(?:\([^)]*\)|[-\u2013\u2014:|]?\s*page \d+(?: of \d+)?)\s*$", re.IGNORECASE
)


def _section_key(text: str) -> str:
    """A line as a section label: its `label_key` without a count or page note after it."""
    return _LABEL_TAIL.sub("", label_key(text))


def _label_elements(soup: BeautifulSoup) -> dict[int, str]:
    """id() of each block whose whole visible text is a section label (the outermost of
    nested ones), outside links and navigation, mapped to the label. A block, so that a
    label is a whole line: an inline part of a longer one ("Local authority<span> assessment
    reports</span>") is none."""
    found: dict[int, str] = {}
    for tag in soup.find_all(list(BLOCK_TAGS)):
        if tag.name == "title" or len(tag.get_text()) > 80:
            continue
        key = _section_key(tag.get_text())
        if key not in _SECTIONS or tag.find_parent("a") or _in_navigation(tag):
            continue
        if not any(id(parent) in found for parent in tag.parents):
            found[id(tag)] = key
    return found


_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog"})


def _in_navigation(tag: Tag) -> bool:
    """Inside a pager, site header/footer or other navigation (whose links are not reports)."""
    return any(
        parent.name in _CHROME_TAGS or parent.get("role") in _CHROME_ROLES
        for parent in [tag, *tag.parents]
    )


# Query parameters that say where a reader came from, never which page: dropped.
_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """One spelling of a URL: scheme and host lower-cased, a default port, user info, the
    fragment and tracking parameters dropped. The path is kept as linked, its case and a
    trailing slash too (a site may serve `/page/2/` and not `/page/2`), and so is every
    other query parameter (a pager's `?page=2`). A URL whose port is no number is left as
    it is (the fetch then says what is wrong with it)."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING.fullmatch(pair.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def _slug_from_href(url: str) -> str:
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1]


def _report_link_name(text: str) -> str | None:
    """The council a report link names: "<council>: local authority assessment", "<council>
    assessment" or the council's name alone; None for any other link ("Related", "Next")."""
    text = clean_text(text)
    if _LINK_SUFFIX.search(text):
        return la_name_from_link(text) or None
    for candidate in (re.sub(r"\s+assessment$", "", text, flags=re.IGNORECASE), text):
        try:
            match_council(candidate)
        except UnknownCouncilError:
            continue
        return candidate
    return None


def _by_section(soup: BeautifulSoup, labels: dict[int, str]) -> dict[str, list[Tag]]:
    """The elements that follow each section label in document order, up to the next label.

    Sections are told by their labels' text alone, whatever element carries a label and at
    whatever heading level: a section never ends because of markup, only at another label.
    """
    sections: dict[str, list[Tag]] = {key: [] for key in _SECTIONS}
    current: str | None = None
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        if id(node) in labels:
            current = labels[id(node)]
        elif current is not None:
            sections[current].append(node)
    return sections


def _linked_entries(
    elements: list[Tag], section: Section, kind: AssessmentKind | None, page_url: str
) -> list[ListingEntry]:
    entries: list[ListingEntry] = []
    page_path = urlsplit(page_url).path.rstrip("/")
    for element in elements:
        if element.name != "a" or not element.get("href") or _in_navigation(element):
            continue
        url = canonical_url(absolute(str(element["href"]), page_url))
        if urlsplit(url).path.rstrip("/") == page_path:  # pager or self link, not a report
            continue
        name = _report_link_name(element.get_text())
        if not name:
            continue
        entries.append(
            ListingEntry(
                la_name=name,
                section=section,
                slug=_slug_from_href(url),
                url=url,
                assessment_kind=kind,
            )
        )
    return entries


# An in-progress entry is a council's name: a short line, never a sentence.
_NAME_MAX_WORDS = 12
_ITEM_TAGS = ("li", "dt", "dd", "td")


def _plain_entries(soup: BeautifulSoup) -> list[ListingEntry]:
    """The councils named under "Assessments in progress": its short lines without links, up
    to the next section label, link list or link, whatever elements hold them (list items,
    cells, cards, paragraphs). Where some are list items or cells, only those (the others are
    the section's introduction)."""
    lines = [ln for ln in page_lines(soup, rejoin_wrapped=True) if not ln.chrome]
    lines = [ln for ln in lines if ln.tag != "title"]
    start = next(
        (
            i
            for i, ln in enumerate(lines)
            if not ln.link and _section_key(ln.text) == "assessments in progress"
        ),
        None,
    )
    if start is None:
        return []
    titles = link_list_titles(lines)
    names: list[Line] = []
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.hrefs or index in titles or _section_key(line.text) in _SECTIONS:
            break
        if line.in_main != lines[start].in_main:
            break
        if len(line.text.split()) <= _NAME_MAX_WORDS and not SENTENCE_END.search(line.text):
            names.append(line)
    items = [ln for ln in names if ln.tag in _ITEM_TAGS] or names
    entries = [la_name_from_link(ln.text) for ln in items]
    return [ListingEntry(la_name=n, section="in_progress") for n in entries if n]


_NEXT_TEXT = re.compile(r"\b(?:next|older)\b|[\u203a\u00bb\u2192]", re.IGNORECASE)
_BACK_TEXT = re.compile(r"\b(?:prev|previous|newer|first|last)\b|[\u2039\u00ab\u2190]", re.I)


def _has_rel_next(tag: Tag) -> bool:
    rel: str | list[str] = tag.get("rel") or []
    return "next" in (rel.split() if isinstance(rel, str) else rel)


def _numbered_next(soup: BeautifulSoup, page_url: str) -> str | None:
    """In a pager of page numbers alone: the link numbered one above the current page (the
    number that is not a link, or is marked current)."""
    path = urlsplit(page_url).path
    numbered: dict[int, str] = {}
    current: int | None = None
    for node in soup.find_all(string=re.compile(r"^\s*\d{1,3}\s*$")):
        parent = node.parent
        if parent is None or _in_site_chrome(parent):
            continue
        anchor = parent if parent.name == "a" else parent.find_parent("a")
        number = int(str(node))
        marked = any(
            p.get("aria-current") or "current" in str(p.get("title") or "").lower()
            for p in [parent, *parent.parents]
            if isinstance(p, Tag) and p.name in ("a", "li", "span")
        )
        if anchor is None or not anchor.get("href") or marked:
            if current is None:
                current = number
            continue
        url = urljoin(page_url, str(anchor["href"]).strip())
        if urlsplit(url).path == path and urlsplit(url).query:
            numbered.setdefault(number, url)
    if current is None and not urlsplit(page_url).query:
        current = 1  # the bare listing URL is its first page
    return numbered.get(current + 1) if current is not None else None


def _in_site_chrome(tag: Tag) -> bool:
    return any(p.name in ("header", "footer") for p in [tag, *tag.parents])


def _next_url(soup: BeautifulSoup, page_url: str) -> str | None:
    """The listing's next page, whatever the pager looks like: a link (or a `<link>` in the
    head) marked rel="next"; else a link saying "Next" or "Older" or showing a right arrow
    (not "Previous", "Newer"); else, in a pager of page numbers alone, the number after the
    current page."""
    marked = [a for a in soup.find_all(["a", "link"], href=True) if _has_rel_next(a)]
    if not marked:
        marked = [
            a
            for a in soup.find_all("a", href=True)
            if _NEXT_TEXT.search(label := f"{a.get_text()} {a.get('title') or ''}")
            and not _BACK_TEXT.search(label)
            and not _in_site_chrome(a)
        ]
    if marked:
        return canonical_url(urljoin(page_url, str(marked[0]["href"]).strip()))
    numbered = _numbered_next(soup, page_url)
    return canonical_url(numbered) if numbered is not None else None


def parse_listing(html: bytes | str | BeautifulSoup, page_url: str) -> ListingPage:
    """Entries of one listing page, and the absolute URL of the next page (None on the last)."""
    soup = html if isinstance(html, BeautifulSoup) else shared_soup(html)
    labels = _label_elements(soup)
    if "assessment reports" not in labels.values():
        raise PageParseError(page_url, 'no "Assessment reports" section')
    sections = _by_section(soup, labels)
    entries: list[ListingEntry] = []
    for label, (section, kind) in _SECTIONS.items():
        if section == "in_progress":
            entries.extend(_plain_entries(soup))
        else:
            entries.extend(_linked_entries(sections[label], section, kind, page_url))
    return ListingPage(entries=entries, next_url=_next_url(soup, page_url))
