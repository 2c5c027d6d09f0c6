"""Text helpers shared by the parsers: cleaning, dates, soup, and page text as lines.

The real site's markup is unknown, so parsers read *visible text* in block order. A page is
flattened to `Line`s (one per block element or `<br>`-separated run), each remembering the
tag of its block, so that labels can be found whatever tags carry them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

_WS = re.compile(r"\s+")

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_CHROME_TAGS = frozenset({"header", "footer", "nav", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "note", "alert", "search"})

DATE_PATTERN = r"\d{1,2}\s+[A-Za-z]+\s+\d{4}"


def clean_text(text: str | None) -> str:
    """Visible text as one line: nbsp and other whitespace runs become single spaces."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def label_key(text: str) -> str:
    """A label reduced for comparison: lower case, straight apostrophes, no end colon."""
    text = clean_text(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return text.rstrip(":").strip()


def parse_date(text: str) -> date:
    """Parse "13 June 2025" (any case, nbsp, stray spaces); raise ValueError otherwise."""
    cleaned = clean_text(text)
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", cleaned)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    day, month, year = match.groups()
    month = month.capitalize()
    for fmt in ("%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(f"{day} {month} {year}", fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def make_soup(html: bytes | str) -> BeautifulSoup:
    """Soup with the lxml parser; bytes are read as UTF-8 (the site's encoding)."""
    if isinstance(html, bytes):
        return BeautifulSoup(html, "lxml", from_encoding="utf-8")
    return BeautifulSoup(html, "lxml")


@lru_cache(maxsize=32)
def shared_soup(html: bytes | str) -> BeautifulSoup:
    """The soup of a page, built once however many readers it has (the crawler's link
    extraction, classification, parsing). Readers must not mutate it. 32 holds a whole report
    family (about a dozen pages), which is the span over which the same bytes are re-read."""
    return make_soup(html)


@dataclass(frozen=True)
class Line:
    """One run of visible text, the tag of the block that holds it, and what it is made of.

    `link`: every visible character is link text (a navigation item, a related link, a
    breadcrumb), so it is never read as a label, a value or a heading of the content.
    `bold`: every visible character is in <strong>/<b> (a heading styled as bold text).
    """

    text: str
    tag: str
    chrome: bool = False  # inside page furniture: header, footer, nav, aside, notes
    link: bool = False
    bold: bool = False
    hrefs: tuple[str, ...] = ()
    key: str = field(init=False, repr=False, compare=False)  # label_key(text), computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", label_key(self.text))

    @property
    def heading_level(self) -> int | None:
        return int(self.tag[1]) if self.tag in HEADING_TAGS else None

    @property
    def heading_like(self) -> bool:
        """Set apart as a heading: a heading element or a line all in bold."""
        return self.tag in HEADING_TAGS or (self.bold and self.tag not in _CELL_TAGS)


_CELL_TAGS = frozenset({"td", "dd", "li"})
_BOLD_TAGS = frozenset({"strong", "b"})


@dataclass
class _Run:
    text: str
    link: bool
    bold: bool


def page_lines(soup: BeautifulSoup | Tag) -> list[Line]:
    """The page's visible text as lines in document order (block elements and <br> split)."""
    lines: list[Line] = []
    buffer: list[_Run] = []
    hrefs: list[str] = []

    def flush(tag: str, chrome: bool) -> None:
        text = clean_text("".join(run.text for run in buffer))
        if text:
            visible = [run for run in buffer if run.text.strip()]
            lines.append(
                Line(
                    text,
                    tag,
                    chrome,
                    link=all(run.link for run in visible),
                    bold=all(run.bold for run in visible),
                    hrefs=tuple(hrefs),
                )
            )
        buffer.clear()
        hrefs.clear()

    def walk(node: Tag, block: str, chrome: bool, link: bool, bold: bool) -> None:
        for child in node.children:
            if isinstance(child, Comment | Declaration | Doctype | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                buffer.append(_Run(str(child), link, bold))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP_TAGS:
                continue
            inner = chrome or _is_chrome(child)
            in_link = link or (child.name == "a" and child.get("href") is not None)
            if child.name == "a" and child.get("href") is not None:
                hrefs.append(str(child["href"]).strip())
            in_bold = bold or child.name in _BOLD_TAGS
            if child.name == "br":
                flush(block, chrome)
            elif child.name in BLOCK_TAGS:
                flush(block, chrome)
                walk(child, child.name, inner, in_link, in_bold)
                flush(child.name, inner)
            else:
                walk(child, block, inner, in_link, in_bold)

    title = soup.find("title") if isinstance(soup, BeautifulSoup) else None
    if isinstance(title, Tag):
        lines.append(Line(clean_text(title.get_text()), "title"))
    walk(soup, "body", False, False, False)
    flush("body", False)
    return lines


def _is_chrome(tag: Tag) -> bool:
    return tag.name in _CHROME_TAGS or str(tag.get("role") or "") in _CHROME_ROLES
