"""Text helpers shared by the parsers: cleaning, dates, soup, and page text as lines.

The real site's markup is unknown, so parsers read *visible text* in block order. A page is
flattened to `Line`s (one per block element or `<br>`-separated run), each remembering the
tag of its block, so that labels can be found whatever tags carry them. Readers of content
ask for `<br>`-wrapped sentences rejoined: a `<br>` before a lower-case word breaks the line
a reader sees, not the sentence.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TypeAlias

from bs4 import BeautifulSoup, Tag
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
)

from transform.clean import normalise_text

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
# ARIA landmarks and widgets that are page furniture, not the page's content: a sidebar
# (complementary) and a cookie or other dialog included.
_CHROME_ROLES = frozenset(
    {
        "navigation", "banner", "contentinfo", "note", "alert", "search", "complementary",
        "dialog", "alertdialog", "doc-endnotes", "doc-footnotes",
    }
)  # fmt: skip
# Blocks whose children are items in their own right: never one item of two lines.
_ITEM_LISTS = frozenset(
    {"body", "html", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot"}
)

DATE_PATTERN = r"\d{1,2}\s+[A-Za-z]+\s+\d{4}"
# How a sentence (or a quotation, or a list item's clause) ends, unlike a title or a label.
SENTENCE_END = re.compile(r"[.!?;,\u2019\u201d\"')\]]$")
# A line this short, without digits, a colon or closing punctuation, over links alone is the
# title of a link list ("Related content") however it is marked up.
_LINK_LIST_TITLE_MAX_WORDS = 6


def clean_text(text: str | None) -> str:
    """Visible text as one line: nbsp and other whitespace runs become single spaces. Every
    line of a page passes here, so here its text is normalised (`transform.clean`: no
    controls, bidi controls or lone surrogates, NFC) before any parser reads it."""
    if not text:
        return ""
    if text.isascii():
        # if no control is left once the whitespace is, `normalise_text` had nothing to do
        joined = " ".join(text.split())
        if joined.isprintable():
            return joined
    text = normalise_text(text)
    # split() and \s are the same whitespace: each run one space, none at either end
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


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
    """Soup with the lxml parser; bytes are read as UTF-8 (the site's encoding). A NUL is
    dropped first, as an HTML5 parser ignores it in a page's text: lxml would make it U+FFFD,
    which `clean_text` keeps (it may be text), where every other control is removed."""
    if isinstance(html, bytes):
        if b"\x00" in html:  # in UTF-8, only U+0000 has a zero byte
            html = html.replace(b"\x00", b"")
        return BeautifulSoup(html, "lxml", from_encoding="utf-8")
    if "\x00" in html:
        html = html.replace("\x00", "")
    return BeautifulSoup(html, "lxml")


# A page larger than this is parsed afresh by each reader rather than held: the cache is for
# report pages (tens of kilobytes), and a soup takes ten times its page's size in memory.
CACHED_PAGE_MAX = 300_000


def shared_soup(html: bytes | str) -> BeautifulSoup:
    """The soup of a page, built once however many readers it has (the crawler's link
    extraction, classification, parsing). Readers must not mutate it. 32 holds a whole report
    family (about a dozen pages), which is the span over which the same bytes are re-read;
    a large page is never held."""
    if len(html) > CACHED_PAGE_MAX:
        return make_soup(html)
    with _SOUPS_LOCK:
        soup = _SOUPS.get(html)
        if soup is not None:
            _SOUPS.move_to_end(html)
            return soup
    soup = make_soup(html)
    with _SOUPS_LOCK:
        _SOUPS[html] = soup
        _SOUPS.move_to_end(html)
        while len(_SOUPS) > SHARED_SOUPS:
            _SOUPS.popitem(last=False)
    return soup


def read_soup(html: bytes | str) -> BeautifulSoup:
    """The soup of a page for its last reader (the page's facts are read after its links):
    the one `shared_soup` holds, if a reader before built it, else one of the reader's own,
    not held. A soup held past its page outlives Python's young generations, and the
    collections of the oldest then walk it and every other held one: reading pages nothing
    else reads (a reparse), that cost a sixth of the time."""
    if len(html) <= CACHED_PAGE_MAX:
        with _SOUPS_LOCK:
            soup = _SOUPS.get(html)
        if soup is not None:
            return soup
    return make_soup(html)


SHARED_SOUPS = 32
# Page text -> its soup, least recently read first; the crawl and the loader share it, each
# on its own thread.
_SOUPS: OrderedDict[bytes | str, BeautifulSoup] = OrderedDict()
_SOUPS_LOCK = threading.Lock()


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
    # every visible character is for screen readers only ("Information:" before an inset)
    hidden: bool = field(default=False, compare=False)
    # The smallest block that holds this line and exactly one neighbour (a card, a table row,
    # a list item: a label and its value, a sub-heading and its text), or None.
    pair: int | None = field(default=None, compare=False)
    # Whether the line is inside the page's <main> (always False on a page without one):
    # sections never run across that edge.
    in_main: bool = field(default=False, compare=False)
    # The table row (`tr`) the line is a cell of, or None: a row's cells are one record.
    row: int | None = field(default=None, compare=False)
    # Inside a block about another report (a related-content card naming another council):
    # never a source of this page's facts, and no section runs across it.
    foreign: bool = field(default=False, compare=False)
    # The line cites a footnote ("... from the Office for National Statistics.[1]"): the
    # reference itself is left out of `text`.
    cites_note: bool = field(default=False, compare=False)
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


# A run of a line's text as the walk meets it: (text, link, bold, hidden: inside an element
# shown to screen readers only). A tuple, not an object: a page has hundreds of runs.
_Run: TypeAlias = tuple[str, bool, bool, bool]
# A line's fields as `page_lines` gathers them, all but `pair` and `row` (known only once the
# whole page is walked): text, tag, chrome, link, bold, hrefs, in_main, foreign, hidden,
# cites_note.
_Gathered: TypeAlias = tuple[str, str, bool, bool, bool, tuple[str, ...], bool, bool, bool, bool]


# Classes that hide an element from sight but not from screen readers (GOV.UK, NHS.UK,
# Bootstrap, WordPress, Drupal).
_HIDDEN_CLASS = re.compile(
    r"\b(?:(?:govuk|nhsuk-u)-visually-hidden|visually-hidden|visuallyhidden|sr-only|"
    r"screen-reader-text|element-invisible|u-hidden-visually)\b"
)


# A heading's section number ("3 Assessing needs", "1.2 What people expect": a document
# numbered as Pandoc or a word processor numbers it) is no part of its title.
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])")

# A copyright notice is the site's footer wherever it stands (an old layout table's last
# row, a div without a landmark): "© Care Quality Commission 2024 | Accessibility".
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)


_NOTE_NUMBER = re.compile(r"^\[?\d{1,3}\]?$")

# A CMS's shortcodes left unrendered ("[/et_pb_text][/et_pb_column]", "[contact_form id=3]"):
# markup that leaked into the text, no part of the page's content.
_SHORTCODES = re.compile(r"^(?:\[/?[A-Za-z_][\w-]*(?:\s[^\]]*)?\]\s*)+$")

# A list item's mark typed into its text, no part of what it says: a bullet glyph (an
# editor's "• ", a symbol font's private-use bullet), or a word processor's list mark set
# apart by a run of no-break spaces (Word's "Save as Web Page" writes "·", "o", "§" or
# "1." before `&nbsp;&nbsp;&nbsp;` in each list paragraph).
_LIST_MARK = re.compile(
    r"^\s*(?:[\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u00b7\ue000-\uf8ff]\s+"
    r"|(?:[^\s\w]{1,2}|[oOvü\u00d8]|[0-9]{1,2}[.)]|[a-z]{1,3}[.)])\u00a0[\u00a0 ]+)"
)
_PARAGRAPH_TAGS = frozenset({"p", "div"})
# Word's "Save as Web Page" list paragraphs: a list item set as a paragraph.
_WORD_LIST_CLASS = re.compile(r"^MsoListParagraph")
_WORD_LIST_STYLE = re.compile(r"mso-list:\s*l\d")


def _block_name(tag: Tag) -> str:
    """The element's name, but "li" for a word processor's list paragraph."""
    if tag.name == "p" and (
        any(_WORD_LIST_CLASS.match(c) for c in tag.get("class") or [])
        or _WORD_LIST_STYLE.search(str(tag.get("style") or ""))
    ):
        return "li"
    return str(tag.name)


def _is_note_reference(tag: Tag) -> bool:
    """A footnote reference: marked so (`role="doc-noteref"`), or a link within the page
    whose text is a note's number alone ("1", "[2]")."""
    if tag.get("role") == "doc-noteref":
        return True
    return (
        tag.name == "a"
        and str(tag.get("href") or "").startswith("#")
        and bool(_NOTE_NUMBER.match(tag.get_text(strip=True)))
    )


def _in_control(tag: Tag) -> bool:
    """Whether `tag` is part of a button or a disclosure's summary: there, text hidden from
    screen readers is the control's state ("Show", "Hide all"), not the page's."""
    return tag.find_parent(("button", "summary")) is not None


def _has_spoken_alternative(node: Tag) -> bool:
    """Whether `node` holds a visually hidden child: the text screen readers get in place of
    its parts hidden from them (`aria-hidden`), which say the same thing to the eye."""
    return any(
        isinstance(child, Tag) and _HIDDEN_CLASS.search(" ".join(child.get("class") or []))
        for child in node.children
    )


_VALUE_ROLES = frozenset({"progressbar", "meter"})
# Where a counting widget keeps the figure its script counts up to (Elementor, Divi, the
# counter plugins): the page is served with the figure it counts from ("0").
_COUNTER_TARGETS = ("data-to-value", "data-number-value", "data-count-to", "data-target")
_FIGURE = re.compile(r"^\d+(?:[.,]\d+)*$")


def _counts_to(tag: Tag) -> str:
    """The figure a counting widget shows once its script has run, or "" if `tag` is none:
    a bare figure served in place of the one in its counter attribute."""
    for name in _COUNTER_TARGETS:
        target = str(tag.get(name) or "").strip()
        if _FIGURE.match(target):
            shown = tag.get_text(strip=True)
            return target if not shown or _FIGURE.match(shown) else ""
    return ""


def _text_alternative(tag: Tag) -> str:
    """What an element with no text of its own says to a screen reader, as its text: an
    image's `alt` (a rating badge drawn as a picture), the `aria-label` of a drawing marked
    `role="img"`, a meter's or progress bar's `aria-valuetext` (a score dial). Empty for
    anything else, and for a decorative image (`alt=""`, or hidden from screen readers)."""
    if tag.get("aria-hidden") == "true":
        return ""
    role = tag.get("role")
    if tag.name == "img" and role not in ("presentation", "none"):
        return clean_text(str(tag.get("alt") or ""))
    if role == "img" and not tag.get_text(strip=True):
        return clean_text(str(tag.get("aria-label") or ""))
    if role in _VALUE_ROLES and not tag.get_text(strip=True):
        return clean_text(str(tag.get("aria-valuetext") or ""))
    return ""


def page_lines(
    soup: BeautifulSoup | Tag, *, rejoin_wrapped: bool = False, foreign: Collection[int] = ()
) -> list[Line]:
    """The page's visible text as lines in document order (block elements and <br> split).

    `rejoin_wrapped`: a `<br>` before a lower-case word, after text that is not a label
    waiting for its value ("Score:"), continues the line ("This paragraph stands<br>in for
    ..."), so a sentence wrapped by hand reads as the one sentence it is.
    `foreign`: ids of elements about another report; their lines are marked `foreign`.

    One walk of the tree, every page of every run: an element's attributes are looked at
    only when it has any, and its text only where it decides something (after a <br>,
    beside a figure), so the walk costs little beside building the tree.
    """
    gathered: list[_Gathered] = []
    paths: list[tuple[int, ...]] = []  # for each line: the ids of the blocks around it
    blocks = _Blocks()
    block_tags = blocks.tags
    open_blocks: list[int] = []
    buffer: list[_Run] = []
    hrefs: list[str] = []
    broken = False  # a <br> was met and the next text decides whether it starts a line
    foreign_open: list[int] = []  # the foreign elements the walk is inside
    hidden_open: list[int] = []  # the visually hidden elements the walk is inside
    cited = False  # the line being gathered cites a footnote

    def flush(tag: str, chrome: bool, in_main: bool) -> None:
        nonlocal broken, cited
        broken = False
        if buffer:
            raw = "".join([run[0] for run in buffer])
            # whitespace alone (a layout's indentation between blocks) cleans to no line
            if raw and not raw.isspace():
                gather(raw, tag, chrome, in_main)
            buffer.clear()
        hrefs.clear()
        cited = False

    def gather(raw: str, tag: str, chrome: bool, in_main: bool) -> None:
        mark = _LIST_MARK.match(raw)
        text = clean_text(raw[mark.end() :] if mark else raw)
        if mark and tag in _PARAGRAPH_TAGS:
            tag = "li"  # a paragraph marked as a list item is one
        if tag in HEADING_TAGS:
            text = _SECTION_NUMBER.sub("", text, count=1)
        if text:
            visible = [run for run in buffer if run[0] and not run[0].isspace()]
            if len(visible) == 1:  # most lines are one run of text
                _, link, bold, hidden = visible[0]
            else:
                link = all(run[1] for run in visible)
                bold = all(run[2] for run in visible)
                hidden = all(run[3] for run in visible)
            gathered.append(
                (
                    text,
                    tag,
                    chrome or bool(_COPYRIGHT.match(text) or _SHORTCODES.match(text)),
                    link,
                    bold,
                    tuple(hrefs),
                    in_main,
                    bool(foreign_open),
                    hidden,
                    cited,
                )
            )
            paths.append(tuple(open_blocks))
            if tag in HEADING_TAGS:  # a table row holding a heading lays out the page
                blocks.layout.update(b for b in open_blocks if block_tags[b] == "tr")

    def settle_break(
        next_text: str, block: str, chrome: bool, link: bool, bold: bool, in_main: bool
    ) -> None:
        """After a <br>, at the next visible text: carry the line on or end it."""
        nonlocal broken
        if not broken or not next_text.strip():
            return
        if rejoin_wrapped and _wraps(buffer, next_text):
            buffer.append((" ", link, bold, False))
            broken = False
        else:
            flush(block, chrome, in_main)

    def walk(node: Tag, block: str, chrome: bool, link: bool, bold: bool, in_main: bool) -> None:
        nonlocal broken, cited
        hidden = bool(hidden_open)  # the same for all of node's children
        for child in node.contents:
            if isinstance(child, NavigableString):
                if type(child) is not NavigableString and isinstance(child, _NOT_TEXT):
                    continue
                if broken:
                    settle_break(child, block, chrome, link, bold, in_main)
                # whitespace before a line's first text (a layout's indentation) is cleaned
                # off it anyway: it is left out, and most flushes find nothing to do
                if buffer or not child.isspace():
                    buffer.append((str(child), link, bold, hidden))  # a str slices faster
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in _SKIP_TAGS:
                continue
            attrs = child.attrs
            role = attrs.get("role") if attrs else None
            if attrs:
                if (
                    role == "doc-noteref"
                    or (name == "a" and str(attrs.get("href") or "")[:1] == "#")
                ) and _is_note_reference(child):
                    cited = True
                    continue  # a footnote's number ("1", "[2]") is no part of the text
                if attrs.get("aria-hidden") == "true" and (
                    _has_spoken_alternative(node) or _in_control(child)
                ):
                    continue  # "1/4" beside its spoken "Score: 1 out of 4"; a toggle's "Show"
            if name != "br" and (broken or (buffer and buffer[-1][0][-1:].isdigit())):
                # its text matters only after a <br> or a figure (before its hrefs are
                # counted to the line it starts); reading it for every element costs a walk
                # of its subtree each
                shown = child.get_text()
                settle_break(shown, block, chrome, link, bold, in_main)
                if shown[:1].isdigit() and buffer and buffer[-1][0][-1:].isdigit():
                    # two figures set side by side ("Score: 2" and "50%" in a progress
                    # bar's two parts): never one number
                    buffer.append((" ", link, bold, False))
            if attrs:
                # only an element with attributes counts up, or stands for text it has not
                counted = "" if attrs.keys().isdisjoint(_COUNTER_TARGETS) else _counts_to(child)
                alternative = (
                    _text_alternative(child)
                    if not counted and (name == "img" or role is not None)
                    else ""
                )
                if counted or alternative:  # in place of its text; a picture's set apart
                    text = counted or f" {alternative} "
                    settle_break(text, block, chrome, link, bold, in_main)
                    buffer.append((text, link, bold, hidden))
                    continue
                inner = (
                    chrome
                    or (role is not None and str(role) in _CHROME_ROLES)
                    or (name in _CHROME_TAGS and _is_chrome(child))
                )
                inner_main = in_main or name == "main" or role == "main"
                in_link = link or (name == "a" and attrs.get("href") is not None)
            else:
                inner = chrome or (name in _CHROME_TAGS and _is_chrome(child))
                inner_main = in_main or name == "main"
                in_link = link
            in_bold = bold or name in _BOLD_TAGS
            if name == "br":
                if broken:  # two <br> in a row always end the line
                    flush(block, chrome, in_main)
                broken = True
                continue
            tag = _block_name(child) if name == "p" and attrs else name
            is_block = tag in BLOCK_TAGS
            if is_block:
                if buffer or hrefs or broken or cited:  # else a flush changes nothing
                    flush(block, chrome, in_main)
                blocks.parents.append(open_blocks[-1] if open_blocks else None)
                blocks.starts.append(len(gathered))
                blocks.counts.append(0)
                open_blocks.append(len(block_tags))
                block_tags.append(tag)
            if name == "a" and attrs and attrs.get("href") is not None:
                hrefs.append(str(attrs["href"]).strip())
            is_foreign = bool(foreign) and id(child) in foreign
            if is_foreign:
                flush(block, chrome, in_main)
                foreign_open.append(id(child))
            is_hidden = "class" in attrs and _hides(" ".join(attrs.get("class") or []))
            if is_hidden:
                hidden_open.append(id(child))
            if is_block:
                if child.contents:
                    walk(child, tag, inner, in_link, in_bold, inner_main)
                if buffer or hrefs or broken or cited:
                    flush(tag, inner, inner_main)
                closed = open_blocks.pop()
                blocks.counts[closed] = len(gathered) - blocks.starts[closed]
            elif child.contents:
                walk(child, block, inner, in_link, in_bold, inner_main)
            if is_hidden:
                hidden_open.pop()
            if is_foreign:
                flush(block, chrome, in_main)
                foreign_open.pop()

    title = soup.find("title") if isinstance(soup, BeautifulSoup) else None
    head: list[Line] = []
    if isinstance(title, Tag):
        head.append(Line(clean_text(title.get_text()), "title"))
    walk(soup, "body", False, False, False, False)
    flush("body", False, False)
    return head + _with_pairs(gathered, paths, blocks)


@lru_cache(maxsize=1024)
def _hides(classes: str) -> bool:
    """Whether an element's classes hide it from sight (`_HIDDEN_CLASS`): once a set of
    classes, as a site's templates repeat theirs on every page."""
    return bool(_HIDDEN_CLASS.search(classes))


# Strings that are no text of the page (comments, the doctype, processing instructions).
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


def _wraps(buffer: list[_Run], text: str) -> bool:
    """Whether text after a <br> carries on the sentence before it: it starts with a
    lower-case letter and what came before is not a label ("Score:") waiting for a value."""
    before = clean_text("".join(run[0] for run in buffer))
    return bool(before) and not before.endswith(":") and text.lstrip()[:1].islower()


@dataclass
class _Blocks:
    """The block elements a walk opened, by id (their order of opening): each one's tag, the
    block around it, and how many lines it holds (the lines gathered while it was open)."""

    tags: list[str] = field(default_factory=list)
    parents: list[int | None] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # lines gathered when it opened
    counts: list[int] = field(default_factory=list)
    layout: set[int] = field(default_factory=set)  # rows holding a heading (`_with_pairs`)


def _with_pairs(
    gathered: list[_Gathered], paths: list[tuple[int, ...]], blocks: _Blocks
) -> list[Line]:
    """Each line, with `pair` set: the innermost block around it holding more than one line,
    when that block holds exactly two, is not a list or table of items, and stands among
    siblings that are two-line items too (a series of cards or rows, not a wrapper that
    happens to group two one-line cards of a grid), bar a few of a single line."""
    counts, parent, block_tags = blocks.counts, blocks.parents, blocks.tags
    direct = Counter(path[-1] for path in paths if path)  # lines of text loose in a block
    children: dict[int | None, list[int]] = {}
    for block, above in enumerate(parent):
        if counts[block]:
            children.setdefault(above, []).append(block)
    two: dict[int, bool] = {}

    def is_item_of_two(block: int) -> bool:
        if counts[block] != 2 or block_tags[block] in _ITEM_LISTS:
            return False
        above = parent[block]
        if above is not None and direct[above]:
            return False
        siblings = [c for c in children.get(above, []) if c != block]
        # a series of two-line items may hold one of a single line (a card of text alone)
        single = sum(counts[c] == 1 for c in siblings)
        return all(counts[c] <= 2 for c in siblings) and single <= len(siblings) // 4

    # A table row holding a heading lays out a page (an old site's layout table), it is no
    # record: its lines belong to no row, unless to a data table's row set inside it.
    layout = blocks.layout
    out = []
    for fields, path in zip(gathered, paths, strict=True):
        pair = row = None
        for block in reversed(path):
            if counts[block] > 1:
                if block not in two:
                    two[block] = is_item_of_two(block)
                if two[block]:
                    pair = block
                break
        for block in reversed(path):
            if block_tags[block] == "tr" and block not in layout:
                row = block
                break
        out.append(_walked_line(fields, pair, row))
    return out


def _walked_line(fields: _Gathered, pair: int | None, row: int | None) -> Line:
    """The `Line` a walk gathered, as `Line(...)` makes it, made faster: without the frozen
    dataclass's __init__ (a call to object.__setattr__ a field) and, for ASCII text, without
    cleaning the text again for its key (`clean_text` leaves ASCII it has cleaned as it is).
    A page has scores of lines, a run thousands of pages."""
    text, tag, chrome, link, bold, hrefs, in_main, foreign, hidden, cites_note = fields
    line = object.__new__(Line)
    object.__setattr__(
        line,
        "__dict__",
        {
            "text": text,
            "tag": tag,
            "chrome": chrome,
            "link": link,
            "bold": bold,
            "hrefs": hrefs,
            "hidden": hidden,
            "pair": pair,
            "in_main": in_main,
            "row": row,
            "foreign": foreign,
            "cites_note": cites_note,
            "key": text.lower().rstrip(":").strip() if text.isascii() else label_key(text),
        },
    )
    return line


def _titles_a_link_list(line: Line) -> bool:
    """Whether a plain (not heading-like) line could be the title of the links under it."""
    text = line.text
    return (
        line.tag not in _CELL_TAGS
        and len(text.split()) <= _LINK_LIST_TITLE_MAX_WORDS
        and not re.search(r"[\d:]", text)
        and not SENTENCE_END.search(text)
    )


def link_list_titles(lines: list[Line]) -> set[int]:
    """Indexes of lines that only head links (a "Related content" or "In this report" block
    in plain markup): they end any section, and their links are never content. A heading (or
    bold line) over one link or more; a plain short title over two or more."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if line.link or not (line.heading_like or _titles_a_link_list(line)):
            continue
        following = []
        for after in lines[index + 1 :]:
            if after.chrome or after.heading_like or after.in_main != line.in_main:
                break
            if not after.link:  # the list ends at text: a paragraph, or another list's title
                break
            following.append(after)
        if len(following) >= (1 if line.heading_like else 2):
            found.add(index)
    return found


# A header or footer within these is its section's own (a report's title and dates), not the
# site's banner or footer: HTML maps it to no landmark.
_SECTIONING = frozenset({"main", "article", "section"})


def _is_chrome(tag: Tag) -> bool:
    if str(tag.get("role") or "") in _CHROME_ROLES:
        return True
    if tag.name in ("header", "footer"):
        return not any(parent.name in _SECTIONING for parent in tag.parents)
    return tag.name in _CHROME_TAGS
