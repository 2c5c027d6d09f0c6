"""The listing of local authority assessment reports, page by page.

Sections are found by their heading text, entries by link text, and the next page by the
pager's "Next" link, so that a change of classes or URL layout does not silently lose councils.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from transform.errors import PageParseError
from transform.links import absolute
from transform.records import AssessmentKind, ListingEntry, ListingPage
from transform.text import HEADING_TAGS, clean_text, label_key, shared_soup

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


def _find_heading(soup: BeautifulSoup, label: str) -> Tag | None:
    for tag in soup.find_all(list(HEADING_TAGS)):
        if label_key(tag.get_text()) == label:
            return tag
    return None


def _section_elements(heading: Tag) -> list[Tag]:
    level = int(heading.name[1])
    out: list[Tag] = []
    for element in heading.find_all_next():
        if element.name in HEADING_TAGS and int(element.name[1]) <= level:
            break
        out.append(element)
    return out


_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo"})


def _in_navigation(tag: Tag) -> bool:
    """Inside a pager, site header/footer or other navigation (whose links are not reports)."""
    return any(
        parent.name in _CHROME_TAGS or parent.get("role") in _CHROME_ROLES for parent in tag.parents
    )


def _slug_from_href(url: str) -> str:
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1]


def _linked_entries(
    heading: Tag, section: Section, kind: AssessmentKind | None, page_url: str
) -> list[ListingEntry]:
    entries: list[ListingEntry] = []
    page_path = urlsplit(page_url).path
    for element in _section_elements(heading):
        if element.name != "a" or not element.get("href") or _in_navigation(element):
            continue
        url = absolute(str(element["href"]), page_url)
        if urlsplit(url).path == page_path:  # pager or self link, not a report
            continue
        name = la_name_from_link(element.get_text())
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


def _plain_entries(heading: Tag) -> list[ListingEntry]:
    elements = _section_elements(heading)
    items = [e for e in elements if e.name in ("li", "dt", "td")] or [
        e for e in elements if e.name == "p"
    ]
    names = [
        la_name_from_link(e.get_text())
        for e in items
        if not e.find(["li", "p"]) and not _in_navigation(e)
    ]
    return [ListingEntry(la_name=n, section="in_progress") for n in names if n]


def _next_url(soup: BeautifulSoup, page_url: str) -> str | None:
    anchors = [a for a in soup.find_all("a", href=True) if "next" in (a.get("rel") or [])]
    if not anchors:
        anchors = [
            a
            for a in soup.find_all("a", href=True)
            if re.search(r"\bnext\b", f"{a.get_text()} {a.get('title') or ''}", re.IGNORECASE)
        ]
    if not anchors:
        return None
    return urljoin(page_url, str(anchors[0]["href"]).strip())


def parse_listing(html: bytes | str, page_url: str) -> ListingPage:
    """Entries of one listing page, and the absolute URL of the next page (None on the last)."""
    soup = shared_soup(html)
    if _find_heading(soup, "assessment reports") is None:
        raise PageParseError(page_url, 'no "Assessment reports" section')
    entries: list[ListingEntry] = []
    for label, (section, kind) in _SECTIONS.items():
        heading = _find_heading(soup, label)
        if heading is None:
            continue
        if section == "in_progress":
            entries.extend(_plain_entries(heading))
        else:
            entries.extend(_linked_entries(heading, section, kind, page_url))
    return ListingPage(entries=entries, next_url=_next_url(soup, page_url))
