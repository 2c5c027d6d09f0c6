"""Report pages read into facts: whatever a page says, wherever it says it.

Every page of a report family is read by every reader: the report header's council, the
dates, the rating, the overall %, each quality statement named next to a score or heading its
own texts (one page may hold one statement, a theme's, all nine, or only their scores), the
people's experiences, the About page's demographic and financial facts, the report's other
pages and its PDFs. A page may carry any subset of these, or none: nothing is required here,
so no page fails for lacking a fact. The report is assembled, and its completeness judged,
from all its pages together (`transform.report`).

Everything is anchored on visible text (labels, statement names, rating words), never on
classes, tags or URL shapes, because the real markup is unknown. Page furniture (navigation,
breadcrumbs, related links, footers) and blocks about another report (a related-content card
naming another council's rating) are never read as this page's facts.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bs4 import BeautifulSoup

from transform import councils, quality_statements, values
from transform.councils import UnknownCouncilError, match_council
from transform.errors import PageParseError
from transform.facts import parse_fact
from transform.findings import under_headings
from transform.links import (
    download_links,
    foreign_blocks,
    linked_paths,
    report_links,
    report_slug,
)
from transform.listing import parse_listing
from transform.quality_statements import Statement
from transform.records import (
    KeyFinding,
    ListingPage,
    PageKind,
    PageReading,
    Provenance,
    Rating,
    StatementReading,
)
from transform.text import (
    HEADING_TAGS,
    SENTENCE_END,
    Line,
    label_key,
    link_list_titles,
    page_lines,
    read_soup,
)
from transform.values import (
    DASHES,
    DATE_PATTERN,
    SCORE_LABEL,
    ScoreValue,
    band_label,
    find_date_after,
    pct_values,
)

__all__ = ["PageParseError", "parse_page", "read_page", "report_slug"]

# What a line's text says, read once a text: every reader asks of every line, and a site's
# pages repeat most of their lines (navigation, headings, labels). All of these are pure and
# give immutable values. 4096 texts is a few score pages' worth.
_TEXTS_HELD = 4096
statement_start = lru_cache(maxsize=_TEXTS_HELD)(values.statement_start)
score_value = lru_cache(maxsize=_TEXTS_HELD)(values.score_value)
rating_value = lru_cache(maxsize=_TEXTS_HELD)(values.rating_value)
is_theme_heading = lru_cache(maxsize=_TEXTS_HELD)(quality_statements.is_theme_heading)
name_key = lru_cache(maxsize=_TEXTS_HELD)(councils.name_key)

# The report header, formal ("<council>: local authority assessment") and pilot ("<council>
# assessment": accepted only when <council> is one of the 153 councils).
_HEADER = re.compile(r"(.+?)\s*:\s*local authority assessment", re.IGNORECASE)
_PILOT_HEADER = re.compile(r"(.+?)\s+assessment", re.IGNORECASE)
_ABOUT = re.compile(r"about\s+(.+)", re.IGNORECASE)
_PCT_FOR = re.compile(r"overall rating for\s+(.+?)\s*:\s*([^\s%]+)\s*%", re.IGNORECASE)
_PCT_FOR_NO_COLON = re.compile(r"overall rating for\s+([^:\n]+?)\s+(\d{1,3})\s*%", re.I)

# Labels, as `label_key` reduces them. A statement's texts:
EXPECT_LABELS = frozenset(
    {"what people expect", "what people should expect", "what people can expect"}
)
COMMITMENT_LABELS = frozenset(
    {
        "the local authority commitment",
        "local authority commitment",
        "the local authority's commitment",
        "our commitment",
    }
)
FINDINGS_LABELS = frozenset(
    {"key findings for this quality statement", "key findings", "what we found"}
)
STATEMENT_TEXT_LABELS = EXPECT_LABELS | COMMITMENT_LABELS | FINDINGS_LABELS
# The report's own sections.
RATING_LABELS = frozenset(
    {
        "local authority rating and score",
        "local authority indicative rating",
        "local authority rating",
        "local authority indicative rating and score",
        "overall rating",
        "overall indicative rating",
        "indicative rating",
        "rating",
        "our rating",
        "rating and score",
        "overall rating and score",
    }
)
SCORES_LABELS = frozenset(
    {"quality statement scores", "quality statement indicative scores", "scores"}
)
EXPERIENCE_LABELS = frozenset(
    {
        "summary of people's experiences",
        "summary of people's experience",
        "people's experiences",
        "people's experience",
    }
)
DEMOGRAPHICS_LABEL = "demographics"
FINANCE_LABELS = frozenset({"financial facts", "finance", "financial information"})
REPORT_LABELS = (
    RATING_LABELS
    | SCORES_LABELS
    | EXPERIENCE_LABELS
    | FINANCE_LABELS
    | {
        DEMOGRAPHICS_LABEL,
        "summary of strengths, areas for development and next steps",
        "overall summary",
        "downloads",
        "contents",
        "on this page",
        "in this report",
    }
)
SECTION_LABELS = REPORT_LABELS | STATEMENT_TEXT_LABELS
# The labels no section runs past: the report's own wording of its sections. The shorter
# synonyms above ("People's experience", "Rating", "Finance") start a section where one is
# looked for, but are common sub-headings of findings too, so they end nothing.
ENDING_LABELS = STATEMENT_TEXT_LABELS | {
    "local authority rating and score",
    "local authority indicative rating",
    "quality statement scores",
    "summary of people's experiences",
    "summary of strengths, areas for development and next steps",
    "overall summary",
    DEMOGRAPHICS_LABEL,
    "financial facts",
    "downloads",
}
# Page metadata ("Published: ...", "Page last updated: ...", "Assessment start date: ..."):
# the label must end the line or be followed by a colon or a date ("Published figures show"
# is prose).
_META_LINE = re.compile(
    r"(?:assessment\s+|date\s+)?(?:first\s+)?(?:published|page last updated|last updated|"
    r"assessment start date)\s*(?:on\s+)?(?::|\d|$)",
    re.IGNORECASE,
)
# A key-findings line this short with no closing punctuation is a sub-heading, however it is
# marked up (a heading, bold text or a plain block).
_SUBHEADING_MAX_WORDS = 14
# A line this long is prose, never a label, a name or a value.
_SHORT_LINE_CHARS = 120


@dataclass
class _Doc:
    """A page read once: its lines, the content lines (no chrome, no title), and their text."""

    soup: BeautifulSoup
    lines: list[Line]
    url: str | None
    slug: str = ""  # the report the page belongs to, by its address and links
    foreign: frozenset[int] = frozenset()  # ids of the blocks about other reports
    content: list[Line] = field(init=False)
    text: str = field(init=False)
    nav: set[int] = field(init=False)  # indexes in `content` of titles over links only

    def __post_init__(self) -> None:
        self.content = [ln for ln in self.lines if not ln.chrome and ln.tag != "title"]
        # link texts are navigation ("Indicative ratings explained"), never a fact of the page
        self.text = "\n".join(ln.text for ln in self.content if not ln.link and not ln.foreign)
        self.nav = link_list_titles(self.content)

    def fail(self, reason: str) -> PageParseError:
        return PageParseError(self.url, reason)


def _read(html: bytes | str, url: str) -> _Doc:
    soup = read_soup(html)
    slug = report_slug(url, linked_paths(soup, url))
    foreign = foreign_blocks(soup, url, slug)
    lines = page_lines(soup, rejoin_wrapped=True, foreign=foreign)
    return _Doc(soup, lines, url, slug, foreign)


# --- what a line is -------------------------------------------------------------------------


def _is_label(line: Line, labels: frozenset[str] | str) -> bool:
    if line.link or line.foreign:
        return False
    return line.key in labels if isinstance(labels, frozenset) else line.key == labels


def _is_theme(line: Line) -> bool:
    return not line.link and len(line.text) <= _SHORT_LINE_CHARS and is_theme_heading(line.text)


@lru_cache(maxsize=_TEXTS_HELD)
def _header_name(text: str) -> str | None:
    """The council a report header names, in the formal or the pilot wording."""
    text = text.strip()
    match = _HEADER.fullmatch(text)
    if match:
        return match.group(1).strip()
    match = _PILOT_HEADER.fullmatch(text)
    if match and not match.group(1).lower().endswith("local authority"):
        with contextlib.suppress(UnknownCouncilError):
            match_council(match.group(1))
            return match.group(1).strip()
    return None


def _is_meta(doc: _Doc, index: int) -> bool:
    """Page metadata: a "Published: ..." line, or the bare date a split "Published" label
    stands over."""
    line = doc.content[index]
    if line.link:
        return False
    if _META_LINE.match(line.text):
        return True
    before = doc.content[index - 1] if index else None
    return (
        before is not None
        and bool(_META_LINE.match(before.text))
        and bool(re.fullmatch(rf"(?:{DATE_PATTERN})", line.text, re.IGNORECASE))
    )


def _ends_section(doc: _Doc, index: int, start: Line, *, meta: bool = True) -> bool:
    """A line no section runs past: another section's label, page metadata, a theme heading,
    the report header, the title of a list of links, a block about another report, or the
    edge of the page's <main>."""
    line = doc.content[index]
    if index in doc.nav or line.foreign or line.in_main != start.in_main:
        return True
    if line.link:
        return False
    following = doc.content[index + 1] if index + 1 < len(doc.content) else None
    if (
        following is not None
        and following.foreign
        and (line.heading_like or line.tag == "caption")
        and len(line.text) <= 120
    ):
        return True  # the title over blocks about other reports
    return (
        line.key in ENDING_LABELS
        or (meta and bool(_META_LINE.match(line.text)))
        or _is_theme(line)
        or _header_name(line.text) is not None
    )


def _section(doc: _Doc, labels: frozenset[str], skip: set[int]) -> tuple[list[Line], Line] | None:
    """Content lines after the first line reading one of `labels` (outside the lines in
    `skip`: a statement's own, where "People's experience" is a findings sub-heading), up to
    where a section ends (`_ends_section`) or a statement is named; links left out. None
    when no line reads any of them."""
    lines = doc.content
    for index, line in enumerate(lines):
        if index in skip or not _is_label(line, labels):
            continue
        out: list[Line] = []
        for offset in range(index + 1, len(lines)):
            following = lines[offset]
            if following.key == line.key and not following.link:
                continue  # the label again (a table's caption under its heading)
            if _ends_section(doc, offset, line) or _anchor(following) is not None:
                break
            if not following.link and not _screen_reader_label(following):
                out.append(following)
        return out, line
    return None


# --- statements: each named next to a score, or heading its own texts -------------------------


_SCORE_KEYS = frozenset({"score", "indicative score", "our score", "quality statement score"})


@dataclass(frozen=True)
class _Anchor:
    """A line naming a statement: on its own (a heading, a table cell) or with its score."""

    statement: Statement
    published: str
    inline: ScoreValue | None  # the score printed on the same line, if any


def _anchor(line: Line) -> _Anchor | None:
    if line.link or line.foreign or len(line.text) > _SHORT_LINE_CHARS:
        return None
    named = statement_start(line.text)
    if named is None:
        return None
    if not named.rest or label_key(named.rest) in _SCORE_KEYS:  # "Safeguarding Score:" | "3"
        return _Anchor(named.statement, named.published, None)
    value = score_value(named.rest)
    if value is not None and (value.score is None or 1 <= value.score <= 4 or value.labelled):
        return _Anchor(named.statement, named.published, value)
    return None


@dataclass
class _Region:
    anchor: _Anchor
    at: int  # index of the anchor line in doc.content
    lines: list[int]  # indexes in doc.content of the lines that are the statement's


def _regions(doc: _Doc) -> list[_Region]:
    """Each statement's lines: from its name to the next statement named, or to where a
    section ends. A name in a table row owns that row only. A line naming the statement whose
    section it is in (a sub-heading repeating it) does not start another."""
    lines = doc.content
    regions: list[_Region] = []
    has_main = any(line.in_main for line in lines)  # then a statement's name is inside it
    index = 0
    while index < len(lines):
        anchor = _anchor(lines[index])
        if anchor is None or (has_main and not lines[index].in_main):
            index += 1
            continue
        start = lines[index]
        if start.row is not None:
            row = [i for i, ln in enumerate(lines) if ln.row == start.row and i != index]
            regions.append(_Region(anchor, index, row))
            index = max([index, *row]) + 1
            continue
        owned: list[int] = []
        cursor = index + 1
        while cursor < len(lines):
            line = lines[cursor]
            if _is_meta(doc, cursor) or (not owned and _is_theme(line)):
                # a dates line under the heading or at the foot; the theme named under the
                # statement's heading (an accordion's summary, an eyebrow)
                cursor += 1
                continue
            # a list of links (related content) ends the part it interrupts, not the
            # statement: its own labels may follow it
            if (
                _ends_section(doc, cursor, start, meta=False)
                and line.key not in STATEMENT_TEXT_LABELS
                and cursor not in doc.nav
            ):
                break
            following = _anchor(line)
            if following is not None and following.statement != anchor.statement:
                while owned and _titles_next_part(lines[owned[-1]]):
                    owned.pop()  # the next statement's title ("Quality statement 2")
                break
            owned.append(cursor)
            cursor += 1
        regions.append(_Region(anchor, index, owned))
        index = cursor
    return regions


# A statement's number as its label ("Quality statement 2", "Quality statement 2 of 9",
# "QS2"), at a line's end (after a toggle's hidden "Show section:").
_STATEMENT_NUMBER_LABEL = re.compile(
    r"(?:^|\s)(?:(?:quality\s+)?statement\s+\d(?:\s+of\s+9)?|qs\s*\d)$", re.IGNORECASE
)


def _titles_next_part(line: Line) -> bool:
    """A heading, a disclosure's summary or a statement's number label with nothing under
    it before the next statement is named: that statement's title, not a line of this one."""
    if SENTENCE_END.search(line.text):
        return False
    return (
        line.tag in HEADING_TAGS
        or line.tag == "summary"
        or (len(line.text.split()) <= 8 and bool(_STATEMENT_NUMBER_LABEL.search(line.text)))
    )


def _score_in(doc: _Doc, region: _Region) -> tuple[ScoreValue | None, int | None, str | None]:
    """The score a statement's region prints, the index of the line it was read from, and a
    doubt when a score label stands there with no readable value. Read from the anchor's
    own line, else from a line labelled "Score" (its value on it or the next line), else from
    a bare value on the first line after the name (a table cell, a definition)."""
    lines = doc.content
    if region.anchor.inline is not None:
        return region.anchor.inline, region.at, None
    if lines[region.at].row is not None:  # a table row is one record: its score cell
        for index in region.lines:
            value = score_value(lines[index].text)
            if value is not None and _plausible(value):
                return value, index, None
    first = True
    for position, index in enumerate(region.lines):
        line = lines[index]
        if line.link:
            continue
        value = score_value(line.text)
        if value is not None and (value.labelled or (first and _plausible(value))):
            return value, index, None
        if (bad := _SCORE_LABELLED.fullmatch(line.text)) and value is None:
            return None, None, f"score is not a number: {bad.group(1)!r}"
        if line.key in _SCORE_KEYS:
            after = region.lines[position + 1] if position + 1 < len(region.lines) else None
            value = score_value(lines[after].text) if after is not None else None
            if value is not None:
                return value, after, None
            if (
                after is not None
                and not _is_label(lines[after], SECTION_LABELS)
                and lines[after].key not in _SCORE_KEYS  # a title over its own "Score" row
            ):
                return None, None, f"score is not a number: {lines[after].text!r}"
            continue  # a column header ("Score") over values in other rows
        if line.key in STATEMENT_TEXT_LABELS:
            first = False
            continue
        first = False
    if region.anchor.inline is None and region.at > 0 and lines[region.at - 1].pair is not None:
        before = lines[region.at - 1]  # a card showing the score before the name
        value = score_value(before.text)
        if before.pair == lines[region.at].pair and value is not None and _plausible(value):
            return value, region.at - 1, None
    return None, None, None


_SCORE_LABELLED = re.compile(rf"{SCORE_LABEL}\s*:\s*(\S.{{0,40}})", re.IGNORECASE)


_NAMED_SCORE = re.compile(r"(?P<before>.*?)\b(?P<score>(?:indicative\s+)?score\b.*)", re.I)


def _unplaced_scores(doc: _Doc, placed: set[int]) -> list[str]:
    """Scores printed beside no statement name (a row naming an unknown statement), each as
    the text of its row or line: a report that lacks a statement then says where it was."""
    found: list[str] = []
    for index, line in enumerate(doc.content):
        if index in placed or line.link or line.foreign:
            continue
        match = _NAMED_SCORE.match(line.text)
        value = score_value(match.group("score")) if match else None
        if value is None or value.score is None:
            continue
        if line.row is not None:
            found.append(" | ".join(ln.text for ln in doc.content if ln.row == line.row))
        else:
            found.append(line.text)
    return found


def _plausible(value: ScoreValue) -> bool:
    return value.score is None or 1 <= value.score <= 4


def _read_statement(doc: _Doc, region: _Region) -> tuple[StatementReading, dict[str, Any]]:
    """A statement's score and texts from its region, and where each was read."""
    lines = doc.content
    value, at, doubt = _score_in(doc, region)
    part: str | None = None
    expect: list[Line] = []
    commitment: list[Line] = []
    findings: list[Line] = []
    unread: list[str] = []
    label: str | None = value.label if value else None
    for index in region.lines:
        line = lines[index]
        if index == at or line.link or line.foreign or _screen_reader_label(line):
            continue
        key = line.key
        if index in doc.nav:
            part = None
        elif key in EXPECT_LABELS:
            part = "expect"
        elif key in COMMITMENT_LABELS:
            part = "commitment"
        elif key in FINDINGS_LABELS:
            part = "findings"
        elif part is None:
            if label is None and (found := band_label(line.text)) and len(line.text) < 80:
                label = found
            elif (
                _anchor(line) is None
                and key not in _SCORE_KEYS
                and not _is_theme(line)
                and _is_prose(line)
            ):
                unread.append(line.text)  # text, not a column header or a card's label
        elif part == "expect":
            if not line.heading_like:
                expect.append(line)
        elif part == "commitment":
            if not line.heading_like:
                commitment.append(line)
        else:
            findings.append(line)
    anchor = region.anchor
    reading = StatementReading(
        number=anchor.statement.number,
        published_name=anchor.published,
        score=value.score if value else None,
        unscored=bool(value and value.placeholder),
        score_label=label,
        what_people_expect=[ln.text for ln in expect],
        commitment=" ".join(ln.text for ln in commitment) or None,
        key_findings=_key_findings(findings),
        unread=unread,
    )
    where: dict[str, Any] = {}
    if at is not None:
        where[f"qs{anchor.statement.number}.score"] = Provenance(text=lines[at].text)
    if reading.has_text:
        where[f"qs{anchor.statement.number}.texts"] = Provenance(text=lines[region.at].text)
    if doubt:
        where["doubt"] = doubt
    return reading, where


def _is_prose(line: Line) -> bool:
    """A line that is text to read, not a label: a sentence, or six words or more, outside
    a table's header cells."""
    return line.tag != "th" and (
        len(line.text.split()) >= 6 or bool(SENTENCE_END.search(line.text))
    )


def _screen_reader_label(line: Line) -> bool:
    """A label shown to screen readers only ("Information:" before an inset's text): it
    names the box, it is not a line of the text."""
    return line.hidden and line.text.endswith(":")


def _pairs_with_next(lines: list[Line], index: int) -> bool:
    """Whether a line and the next one are the two lines of one item (a card, a row, a list
    item): a label and its value, a sub-heading and its text."""
    line = lines[index]
    return index + 1 < len(lines) and line.pair is not None and line.pair == lines[index + 1].pair


def _is_short_title(text: str, max_words: int) -> bool:
    return len(text.split()) <= max_words and not SENTENCE_END.search(text)


def _key_findings(lines: list[Line]) -> list[KeyFinding]:
    """Paragraphs under their sub-headings. A sub-heading is a heading-like line, or a short
    line without closing punctuation that is followed by text: on its own line (not a list
    item or cell), or as the first of an item's two lines (`<li><strong>`, a row's first
    cell, a card's title)."""

    def is_heading(index: int, line: Line) -> bool:
        followed = index + 1 < len(lines)
        short = _is_short_title(line.text, _SUBHEADING_MAX_WORDS)
        introduces = line.text.endswith(":") and not line.tag.startswith("h")
        return (
            followed
            and not introduces
            and (
                line.heading_like
                or (
                    short and (line.tag not in ("li", "td", "dd") or _pairs_with_next(lines, index))
                )
            )
        )

    return under_headings((line.text, is_heading(i, line)) for i, line in enumerate(lines))


# --- the rating and the overall % --------------------------------------------------------------


_RATING_LABEL = re.compile(
    r"(?:the\s+)?(?:local authority(?:'s)?\s+|overall\s+|our\s+)?(?:indicative\s+)?"
    r"(?:overall\s+)?rating(?:\s+and\s+score)?(?:\s+for\s+.+)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=_TEXTS_HELD)
def _is_rating_label(text: str) -> bool:
    return bool(_RATING_LABEL.fullmatch(label_key(text)))


@dataclass
class _Found:
    """Candidate values of one fact on a page, each with the line it was read from."""

    strong: list[tuple[Any, Line, str]] = field(default_factory=list)  # value, line, as printed
    weak: list[tuple[Any, Line, str]] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)

    def value(self, what: str) -> tuple[Any, tuple[Line, str] | None, str | None]:
        """The value all strong candidates (else all weak ones) agree on, with its line and
        its text as printed; or a doubt naming the values when they disagree, or what could
        not be read."""
        for candidates in (self.strong, self.weak):
            values = list(dict.fromkeys(v for v, _, _ in candidates))
            if len(values) == 1:
                return values[0], candidates[0][1:], None
            if len(values) > 1:
                shown = ", ".join(repr(_shown(v)) for v in values)
                return None, None, f"the page gives {len(values)} values for the {what}: {shown}"
        return None, None, self.doubts[0] if self.doubts else None


def _shown(value: Any) -> Any:
    return value[0] if isinstance(value, tuple) else value


def _outside(doc: _Doc, skip: set[int]) -> list[tuple[int, Line]]:
    """Content lines that are not links, not about another report and not in `skip`."""
    return [
        (i, ln)
        for i, ln in enumerate(doc.content)
        if i not in skip and not ln.link and not ln.foreign
    ]


def _ratings(doc: _Doc, la_name: str | None, skip: set[int]) -> _Found:
    """The rating: after a rating label on its line ("Overall rating: Good"), or on the
    lines after it (passing over the council's name, the % and short labels); else a line
    that is a rating and nothing else ("Good: Evidence shows a good standard")."""
    found = _Found()
    lines = _outside(doc, skip)
    council = name_key(la_name) if la_name else None
    for position, (_, line) in enumerate(lines):
        text = line.text
        if ":" in text:
            head, _, tail = text.partition(":")
            if _is_rating_label(head) or (council and _names_council(head, council)):
                value = rating_value(tail)
                if value is not None:
                    found.strong.append((_with_indicative(value, head), line, tail.strip()))
                    continue
        if _is_rating_label(text) and len(text) < 80:
            for _, after in lines[position + 1 : position + 5]:
                value = rating_value(after.text)
                if value is not None:
                    found.strong.append((_with_indicative(value, text), after, after.text))
                    break
                if _skippable_near_rating(after, council):
                    continue
                if len(after.text.split()) <= 4 and not _is_label(after, SECTION_LABELS):
                    found.doubts.append(f"unknown rating: {after.text!r}")
                break
            continue
        if council and len(text.split()) <= 20 and _names_council(text, council, prefix=True):
            rest = _after_council(text, la_name or "")
            value = rating_value(rest) if rest else None
            if value is not None:
                found.strong.append((value, line, rest))
                continue
        value = rating_value(text)
        if value is not None and not _is_label(line, SECTION_LABELS):
            found.weak.append((value, line, text))
    return found


def _with_indicative(value: tuple[Rating, bool], label: str) -> tuple[Rating, bool]:
    """A rating with `indicative` also set when its label says so."""
    return value[0], value[1] or "indicative" in label.lower()


def _names_council(text: str, council: str, *, prefix: bool = False) -> bool:
    key = name_key(text.strip(" :-\u2013\u2014"))
    return key == council or (prefix and key.startswith(council + " "))


def _after_council(text: str, la_name: str) -> str:
    if text.lower().startswith(la_name.lower()):
        return text[len(la_name) :].strip(" :-\u2013\u2014|")
    return ""


def _skippable_near_rating(line: Line, council: str | None) -> bool:
    """Lines that stand between a rating label and the rating: the council's name, the %,
    a short label ("Rating", "Score:")."""
    key = line.key
    return (
        (council is not None and _names_council(line.text, council))
        or key.startswith("overall rating for")
        or bool(pct_values(line.text) and len(line.text.split()) <= 6)
        or line.text.endswith(":")
        or key in ("rating", "overall rating", "indicative rating", "score", "overall score")
        or _is_rating_label(line.text)
    )


_PCT_WORDS = re.compile(r"\b(?:overall|score|rating|scored)\b", re.IGNORECASE)
_PCT_LINE_MAX_WORDS = 14
# A line opening with its label and the %, whatever it explains after: "Overall score: 61%
# (the total of the nine quality statement scores as a percentage of the maximum)".
_PCT_AFTER_LABEL = re.compile(
    rf"(?:overall\s+)?(?:percentage\s+)?score\s*[:\-{DASHES}]?\s*(?P<pct>\d{{1,3}})\s*"
    r"(?:%|per\s?cent\b)",
    re.IGNORECASE,
)


def _pcts(doc: _Doc, skip: set[int]) -> _Found:
    """The overall %: "Overall rating for <council>: 64%"; a line opening "Overall score: 64%",
    whatever follows; a short line with one % that says overall, score or rating ("The
    overall score was 64 per cent"); or a bare % just after such a label or a rating (a table
    cell, a definition)."""
    found = _Found()
    lines = _outside(doc, skip)
    for position, (_, line) in enumerate(lines):
        text = line.text
        match = _PCT_FOR.search(text) or _PCT_FOR_NO_COLON.search(text)
        if match:
            if match.group(2).isdigit():
                found.strong.append((int(match.group(2)), line, text))
            else:
                found.doubts.append(f"overall percentage is not a number: {match.group(2)!r}")
            continue
        if lead := _PCT_AFTER_LABEL.match(text):
            found.strong.append((int(lead.group("pct")), line, text))
            continue
        values = pct_values(text)
        if len(values) != 1:
            continue
        if len(text.split()) <= _PCT_LINE_MAX_WORDS and _PCT_WORDS.search(text):
            found.strong.append((values[0], line, text))
        elif len(text.split()) <= 3 and position > 0:
            before = [ln for _, ln in lines[max(0, position - 3) : position]]
            if any(
                (_PCT_WORDS.search(b.text) and len(b.text.split()) <= 8) or rating_value(b.text)
                for b in before
            ):
                found.strong.append((values[0], line, text))
    return found


# --- common metadata -----------------------------------------------------------------------


def _la_name(doc: _Doc) -> str | None:
    """The council the page's report header names ("<council>: local authority assessment"
    or, on pilots, "<council> assessment").

    A whole line of the content wins; then the `<title>` (whose other parts, such as
    "Overall summary - ", are cut at spaced dashes or bars); then "About <council>"; then page
    furniture (breadcrumbs). None when the page names none.
    """
    content = [ln for ln in doc.content if not ln.link and not ln.foreign]
    titles = [ln for ln in doc.lines if ln.tag == "title"]
    for line in content:
        if name := _header_name(line.text):
            return name
    for line in titles:
        for part in re.split(r"\s[-|\u2013\u2014]\s", line.text):
            if name := _header_name(part):
                return name
    for line in content:
        about = _ABOUT.fullmatch(line.text)
        if about:
            with contextlib.suppress(UnknownCouncilError):
                match_council(about.group(1))
                return about.group(1).strip()
    for line in doc.lines:
        if (line.chrome or line.link) and (name := _header_name(line.text)):
            return name
    return None


def _is_pilot_header(doc: _Doc) -> bool:
    """The report header in the pilots' wording ("<council> assessment") and not the formal
    one anywhere."""
    texts = [ln.text for ln in doc.content if not ln.link and not ln.foreign]
    if any(_HEADER.fullmatch(t) for t in texts):
        return False
    return any(_header_name(t) for t in texts)


_PUBLISHED = r"(?<!assessment )(?<!last )(?:date\s+)?(?:first\s+)?published"
_ASSESSMENT_PUBLISHED = r"assessment\s+published"
_UPDATED = r"(?:page\s+)?last\s+updated"
_STARTED = r"assessment\s+start\s+date"


def _dates(doc: _Doc) -> tuple[dict[str, Any], dict[str, str], dict[str, Provenance]]:
    values: dict[str, Any] = {}
    doubts: dict[str, str] = {}
    where: dict[str, Provenance] = {}
    for name, labels in (
        ("published_on", (_ASSESSMENT_PUBLISHED, _PUBLISHED, r"date\s+of\s+publication")),
        ("page_last_updated", (_UPDATED,)),
        ("assessment_start_date", (_STARTED,)),
    ):
        for label in labels:
            found, doubt = find_date_after(label, doc.text)
            if found is not None:
                values[name] = found
                where[name] = Provenance(text=_line_with(doc, label))
                break
            if doubt and name not in doubts:
                doubts[name] = doubt
        if name in values:
            doubts.pop(name, None)
    return values, doubts, where


def _line_with(doc: _Doc, label: str) -> str:
    pattern = re.compile(label, re.IGNORECASE)
    return next((ln.text for ln in doc.content if pattern.search(ln.text)), "")


# --- About: demographics and financial facts --------------------------------------------------

# A bullet's label ("Population", "Deprivation decile and rank out of 153") is this short.
_LABEL_MAX_WORDS = 10
# A figure standing alone ("£172.5m", "about 22.89%", "23,000", a mirror placeholder): never a
# bullet of its own, always the value of the label before it.
_BARE_FIGURE = re.compile(
    r"(?:(?:about|around|over|under|approximately|nearly)\s+)?"
    r"(?:£\s*)?\d[\d,.]*\s*(?:%|per\s*cent|bn|m|k|million|billion)?"
    r"|\[placeholder[^\]]*\]",
    re.IGNORECASE,
)


def _bullets(lines: list[Line]) -> list[str]:
    """One text per bullet, however the bullets are marked up: a label split from its value
    is joined again as "label: value". A label is a `dt`/`th`, a line ending in a colon, the
    first of an item's two lines (a card's title, a row's first cell), a heading over a
    single line of text, or a short line followed by a bare figure. A heading over several
    lines groups them and is left out."""
    header_rows = {
        line.row
        for line in lines
        if line.row is not None and all(o.tag == "th" for o in lines if o.row == line.row)
    }
    # a table's title and its header row ("Measure | Value") are no facts
    lines = [
        ln
        for ln in lines
        if ln.tag != "caption"
        and (ln.row is None or ln.row not in header_rows)
        and not _cites_a_source(ln)
    ]
    out: list[str] = []
    pending: str | None = None
    for index, line in enumerate(lines):
        if _is_bullet_label(lines, index):
            if pending is not None:
                out.append(pending)
            pending = line.text.rstrip(":").strip()
            continue
        if line.heading_level is not None:
            continue
        out.append(f"{pending}: {line.text}" if pending is not None else line.text)
        pending = None
    if pending is not None:
        out.append(pending)
    return out


# A label over a bare figure may be longer ("Share of the council's total budget spent on
# adult social care" / "40.93%"): a figure alone is never a fact of its own.
_FIGURE_LABEL_MAX_WORDS = 16
# How a clause or sentence ends (a label may end with a bracket: "(estimated)").
_CLAUSE_END = re.compile(r"[.!?;,]$")


# "Source: Adult Social Care Finance Return, 2024/25", "Sources - ONS mid-year estimates".
_SOURCE_NOTE = re.compile(rf"^(?:data\s+)?sources?\s*[:\-{DASHES}]", re.IGNORECASE)
# "Figures are taken from the local authority's published returns", "Data comes from ...".
_FIGURES_FROM = re.compile(r"\b(?:figures|data|statistics)\b.*\bfrom\b", re.IGNORECASE)
# Where a section sets its facts: an item of a list, a description list or a table.
_FACT_ITEM_TAGS = frozenset({"li", "dt", "dd", "td", "th"})


def _cites_a_source(line: Line) -> bool:
    """A note about the facts, not one of them: a line citing a footnote and stating no
    figure ("Population and age figures are from the Office for National Statistics.[1]");
    or, set apart from the list of facts (not one of its items), a line naming their source,
    whatever years it gives ("Source: ... 2024/25"), or saying, with no figure, where they
    come from ("Figures are taken from ..."). An item of the list is one of the facts."""
    has_figure = any(ch.isdigit() for ch in line.text)
    if line.cites_note and not has_figure:
        return True
    if line.tag in _FACT_ITEM_TAGS:
        return False
    return bool(_SOURCE_NOTE.match(line.text)) or (
        not has_figure and bool(_FIGURES_FROM.search(line.text))
    )


def _is_bullet_label(lines: list[Line], index: int) -> bool:
    """Whether a bullets section's line is the label of the value on the next line."""
    line = lines[index]
    if line.tag in ("dt", "th") or (line.text.endswith(":") and len(line.text) <= 80):
        return True
    if index + 1 >= len(lines) or len(line.text.split()) > _FIGURE_LABEL_MAX_WORDS:
        return False
    value = lines[index + 1].text
    if (
        _BARE_FIGURE.fullmatch(value)
        and ":" not in line.text
        and not _BARE_FIGURE.fullmatch(line.text)
        and not _CLAUSE_END.search(line.text)  # "Total budget 2022/23 (estimated)" is a label
    ):
        return True
    if not _is_short_title(line.text, _LABEL_MAX_WORDS):
        return False
    if _pairs_with_next(lines, index):
        return True
    after = lines[index + 2] if index + 2 < len(lines) else None
    return (
        line.heading_like
        and not lines[index + 1].heading_like
        and (after is None or after.heading_like)
    )


# --- one page -------------------------------------------------------------------------------


def _is_listing(doc: _Doc) -> bool:
    return _has_label(doc, "local authority assessment reports") and _has_label(
        doc, "assessment reports"
    )


def _has_label(doc: _Doc, label: str) -> bool:
    return any(not ln.link and ln.key == label for ln in doc.content)


def _kind(reading: dict[str, Any]) -> PageKind:
    """What the page was read as, by the facts it carried."""
    texts = [s for s in reading["statements"] if s.has_text]
    if len(texts) > 1:
        return "statements"
    if texts:
        return "quality_statement"
    if (
        reading.get("overall_rating")
        or reading.get("overall_score_pct")
        or any(s.score is not None or s.unscored for s in reading["statements"])
    ):
        return "summary"
    if reading["demographics"] or reading["financial_facts"]:
        return "about"
    return "other"


def read_page(html: bytes | str, url: str) -> PageReading:
    """Every fact a report page carries, each with where it was read; never raises for a
    page that carries none (its kind is then "other", or "listing")."""
    return _reading(_read(html, url), url)


def _reading(doc: _Doc, url: str) -> PageReading:
    slug = doc.slug
    if _is_listing(doc):
        return PageReading(url=url, page_kind="listing", slug=slug or None)
    where: dict[str, Provenance] = {}
    doubts: dict[str, str] = {}
    values: dict[str, Any] = {}

    statements: list[StatementReading] = []
    text_lines: set[int] = set()  # the statements' own text: never a rating or a %
    for region in _regions(doc):
        reading, found = _read_statement(doc, region)
        if "doubt" in found:
            doubts[f"qs{reading.number}.score"] = found.pop("doubt")
        where.update(found)
        if reading.score is not None or reading.unscored or reading.has_text or reading.unread:
            statements.append(reading)  # not a name alone (a contents line, a crumb)
        text_lines.update(region.lines)
        text_lines.add(region.at)

    unplaced = _unplaced_scores(doc, text_lines)
    if unplaced:
        doubts["unplaced_scores"] = "scores beside no statement name: " + "; ".join(
            repr(text) for text in unplaced
        )

    statement_lines = set(text_lines)
    sections: dict[str, list[Line]] = {}
    for name, labels in (
        ("people_experience", EXPERIENCE_LABELS),
        ("demographics", frozenset({DEMOGRAPHICS_LABEL})),
        ("financial_facts", FINANCE_LABELS),
        ("strengths", frozenset({"summary of strengths, areas for development and next steps"})),
    ):
        section = _section(doc, labels, statement_lines)
        if section is None:
            continue
        sections[name], label = section
        if name != "strengths":
            where[name] = Provenance(text=label.text)
        text_lines.update(i for i, ln in enumerate(doc.content) if ln in sections[name])

    la_name = _la_name(doc)
    ratings = _ratings(doc, la_name, text_lines)
    rating, rating_at, rating_doubt = ratings.value("overall rating")
    if rating is not None and rating_at is not None:
        values["overall_rating"] = rating[0]
        values["overall_rating_published"] = rating_at[1]
        where["overall_rating"] = Provenance(text=rating_at[0].text)
    elif rating_doubt:
        doubts["overall_rating"] = rating_doubt
    pct, pct_at, pct_doubt = _pcts(doc, text_lines).value("overall %")
    if pct is not None and pct_at is not None:
        values["overall_score_pct"] = pct
        where["overall_score_pct"] = Provenance(text=pct_at[0].text)
    elif pct_doubt:
        doubts["overall_score_pct"] = pct_doubt

    dates, date_doubts, date_where = _dates(doc)
    values.update(dates)
    doubts.update(date_doubts)
    where.update(date_where)
    if la_name:
        where["la_name"] = Provenance(text=la_name)
    indicative = bool(re.search(r"\bindicative\b", doc.text, re.IGNORECASE)) or bool(
        rating and rating[1]
    )
    pilot = (
        indicative
        or bool(re.search(r"assessment start date", doc.text, re.IGNORECASE))
        or _is_pilot_header(doc)
    )
    experience = sections.get("people_experience", [])
    fields: dict[str, Any] = {
        **values,
        "statements": statements,
        "people_experience": [ln.text for ln in experience if ln.heading_level is None],
        "demographics": [
            parse_fact(t, "demographics") for t in _bullets(sections.get("demographics", []))
        ],
        "financial_facts": [
            parse_fact(t, "financial") for t in _bullets(sections.get("financial_facts", []))
        ],
    }
    return PageReading(
        url=url,
        page_kind=_kind(fields),
        la_name=la_name,
        slug=slug or None,
        indicative=indicative,
        pilot=pilot,
        links=report_links(doc.soup, url, slug) if slug else [],
        download_links=download_links(doc.soup, url, doc.foreign),
        provenance=where,
        doubts=doubts,
        **fields,
    )


def parse_page(html: bytes | str, url: str) -> ListingPage | PageReading:
    """A listing page's entries, or a report page's facts (`read_page`)."""
    doc = _read(html, url)
    if _is_listing(doc):
        return parse_listing(doc.soup, url)
    return _reading(doc, url)
