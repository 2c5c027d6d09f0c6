"""Parse a downloaded local authority assessment report PDF into a `Report`.

Pure: bytes in, records out. Real report PDFs come from layouts we have not seen (other
fonts, sizes, cover wordings, headers, footers and file names), so the parser reads what the
text says, never what size, weight or font it is printed in:

- lines come from PDFium's text layer (`transform.pdf_text`), top to bottom;
- a line that repeats at the top or bottom of most pages is a running header or footer,
  whatever it says, and so is a page number in any form ("Page 3 of 9", "3 / 9", "Page 3");
- lines are joined into paragraphs unless something shows a break: a change of style, a
  bullet, a gap wider than the style's usual line spacing (or, where the document sets its
  paragraphs closer, than halfway to their spacing), or room left on the line for the
  next line's first word (a line that ended on purpose, not one that wrapped). That holds
  across page breaks, and line-end hyphens are kept without a space ("long-term");
- facts are found by their labels ("Overall rating for <council>: N%", "Local authority
  rating and score", "Score 3", "What people expect", ...), statements by the alias table,
  ratings by `normalise_rating`. A statement's section is its name followed by its labels.

A PDF that lacks the rating, the % or any of the nine scores is a `PdfParseError` naming what
is missing; so is every unreadable file (one line, never a PDFium traceback).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
import statistics
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from transform.errors import PageParseError
from transform.facts import Section, parse_fact
from transform.findings import under_headings
from transform.pdf_text import PdfText, PdfTextError, TextLine, one_row, read_text_lines
from transform.quality_statements import (
    ALIASES,
    BY_NUMBER,
    Statement,
    UnknownStatementError,
    canonical_statement,
    canonical_theme,
    is_theme_heading,
)
from transform.ratings import UnknownRatingError, normalise_rating
from transform.records import (
    Fact,
    KeyFinding,
    PageReading,
    Provenance,
    Rating,
    Report,
    StatementReading,
)
from transform.report import assemble_report
from transform.values import statement_start


class PdfParseError(PageParseError):
    """A report PDF that cannot be read or lacks what a report must have."""


# ------------------------------------------------------------------ what the text says

_FILE = re.compile(r"^(.+)-local-authority-assessment\.pdf$")
_DASH = r"\-\u2010\u2011\u2012\u2013\u2014\u2212"  # escaped: used inside [...]
_PUBLISHED = re.compile(
    r"\b(?:published(?: on)?|date of publication|publication date)\s*:?\s*"
    r"(\d{1,2}\s+[A-Za-z]+\s+\d{4})",
    re.IGNORECASE,
)
_OVERALL = re.compile(
    rf"^overall (?:rating|score)(?: for (?P<name>.+?))?\s*[:{_DASH}]?\s*(?P<pct>\d{{1,3}})"
    r"\s*(?:%|per\s?cent)$",
    re.IGNORECASE,
)
# "Assessing needs 3", "Assessing needs ..... 3", "Assessing needs: Score 3", "... 3/4",
# "Assessing needs 3 - Evidence shows a good standard"
_SCORE_ROW = re.compile(
    rf"^(?P<name>.*?[^\W\d_)])[\s.\u2026\u00b7:|{_DASH}]*(?:score\s*:?\s*)?"
    rf"(?<![\d/])(?P<score>[1-4])(?:\s*/\s*4)?(?:\s*[:{_DASH}]?\s*evidence shows .*)?$",
    re.IGNORECASE,
)
# "Score: 3", "Score 3", "3", "3 - Evidence shows ...", "Score 3 - Evidence shows ...", and a
# pilot's "Indicative score: 3 - Evidence shows ..."
_SCORE_LINE = re.compile(
    rf"^(?:(?:indicative\s+)?score\s*:?\s*)?(?P<score>[1-4])(?:\s*/\s*4)?"
    rf"(?:\s*[:{_DASH}]?\s*(?P<label>evidence shows .+))?$",
    re.IGNORECASE,
)
_SCORE_LABEL = re.compile(r"^(evidence shows .+)$", re.IGNORECASE)
_STATEMENT_PREFIX = re.compile(
    rf"^(?:quality statement\s*\d?|qs\s*\d)\s*[:.{_DASH}]?\s*", re.IGNORECASE
)
_THEME_PREFIX = re.compile(rf"^theme\s*\d\s*[:.{_DASH}]?\s*", re.IGNORECASE)
# A list item's mark: the usual bullets and dashes, and the private-use glyphs of symbol
# fonts (Word's and LibreOffice's bullets come out of the text layer as U+F0B7 and the like),
# one or several.
_BULLET = re.compile(
    r"^(?:[\u2022\u2023\u2043\u2219\u25aa\u25ab\u25cf\u25e6\u00b7*\u2013\u2014\ue000-\uf8ff-]\s*)+(?=\S)"
)
_PAGE_NUMBER = re.compile(
    rf"^(?:page\s*)?\d{{1,4}}(?:\s*(?:of|/)\s*\d{{1,4}})?$|^[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]$",
    re.IGNORECASE,
)
# Text that ends a sentence or a quotation (the HTML parser's transform.text.SENTENCE_END).
_SENTENCE_END = re.compile(r"[.!?;,\u2019\u201d\"')\]]$")
_FULL_STOP = re.compile(r"[.!?][\u2019\u201d\"')\]]*$")
_SENTENCE_START = re.compile(r"[.!?][\u2019\u201d\"')\]]* (\S+)")  # the word after a full stop
_SUBHEADING_MAX_WORDS = 14  # as the HTML parser's sub-headings
_RATING_MAX_WORDS = 15  # "Requires improvement - Evidence shows some shortfalls" is 7
_COUNCIL_MAX_WORDS = 12
# Words of a title or running header that are not the council's name, a pilot's
# qualifiers too ("X - pilot assessment", "X - indicative assessment (pilot)").
_TITLE_PHRASES = re.compile(
    r"care quality commission|adult social care assessment|"
    r"(?:an? )?assessment of adult social care|"
    r"(?:(?:pilot|indicative) )?local authority assessment(?: report)?|"
    r"(?:pilot|indicative) assessment(?: report)?|\((?:pilot|indicative)\)|"
    r"assessment report|cqc",
    re.IGNORECASE,
)
_INDICATIVE = re.compile(r"\bindicative\b", re.IGNORECASE)
_INDICATIVE_WORD = "indicative"
_OTHER_IS = ("\u0130", "\u0131")  # capital I with a dot, small i without: see _says_indicative
_TITLE_SEPARATORS = re.compile(r"\s*(?:[:|\u2013\u2014]|\s-\s)\s*")

EXPECT, COMMITMENT, FINDINGS = "expect", "commitment", "findings"
SECTION_LABELS = {
    "what people expect": EXPECT,
    "the local authority commitment": COMMITMENT,
    "key findings for this quality statement": FINDINGS,
    "key findings": FINDINGS,
}
RATING_LABEL = "local authority rating and score"
SCORES_LABEL = "quality statement scores"
EXPERIENCE_LABEL = "summary of people's experiences"
# Labels of the overall summary: each ends whatever section came before it.
SUMMARY_LABELS = frozenset(
    {
        "overall summary",
        "contents",
        RATING_LABEL,
        SCORES_LABEL,
        EXPERIENCE_LABEL,
        "summary of strengths, areas for development and next steps",
    }
)

# ------------------------------------------------------------------ layout, relatively

# A line followed by a gap wider than this many of its style's usual line spacings ends its
# paragraph (the mirror's layouts: 1.5 and 1.55).
_PARAGRAPH_GAP = 1.35
# A line that repeats at the top or bottom of at least this share of the pages is furniture.
_FURNITURE_SHARE = 0.5
_EDGE_ROWS = 2  # rows at each end of a page that may be a running header or footer


@dataclass
class Block:
    """Consecutive lines read as one piece of text: a paragraph, a heading, a table row."""

    text: str
    style: tuple[str, float]
    page: int
    lines: list[str] = field(default_factory=list)  # as printed, line by line
    rows: list[TextLine] = field(default_factory=list)  # the same, placed on the page

    @property
    def line_count(self) -> int:
        return len(self.lines)

    @property
    def key(self) -> str:
        """`_key` of its text, made once for each text it holds: a block is asked whether
        it is this label or that one many times over."""
        made: tuple[str, str] | None = self.__dict__.get("_made_key")
        if made is None or made[0] is not self.text:
            return self.keyed(_key(self.text))
        return made[1]

    def keyed(self, key: str) -> str:
        """`key` (its text's `_key`, made by the caller) kept as its key until its text
        changes."""
        self.__dict__["_made_key"] = (self.text, key)
        return key


@dataclass(frozen=True)
class _Body:
    """The document without its running header and footer."""

    lines: list[TextLine]
    furniture: list[str]  # the header and footer lines' texts, in page order
    rights: dict[int, float] = field(default_factory=dict)  # id(line) -> its column's right


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1024)
def _mask_digits(text: str) -> str:
    """Kept: a page's edge rows repeat on most pages (a running header, "Page N of M")."""
    return _DIGITS.sub("#", text.lower())


def _edge_keys(line: TextLine) -> set[str]:
    """What a row at a page's edge may recur as: its text, and each of its cells of two
    words or more, digits masked."""
    keys = {_mask_digits(line.text)}
    keys.update(_mask_digits(p.text) for p in line.parts if len(p.text.split()) >= 2)
    return keys


def _body(text: PdfText) -> _Body:
    """Drop running headers and footers: rows at a page's top or bottom whose text (digits
    aside) recurs at the edge of most pages, and page numbers in any form."""
    pages = [list(page) for page in text.pages]
    with_text = [page for page in pages if page]
    edge_keys: dict[int, set[str]] = {}  # by id: each edge row's keys, made once

    def keys_of(line: TextLine) -> set[str]:
        keys = edge_keys.get(id(line))
        if keys is None:
            keys = edge_keys[id(line)] = _edge_keys(line)
        return keys

    seen: dict[str, list[TextLine]] = {}
    for page in with_text:
        edge = page[:_EDGE_ROWS] + page[-_EDGE_ROWS:]
        placed = {key: line for line in reversed(edge) for key in keys_of(line)}
        for key, line in placed.items():
            seen.setdefault(key, []).append(line)
    needed = max(2, round(len(with_text) * _FURNITURE_SHARE))
    recurring = {key for key, lines in seen.items() if len(_steady(lines)) >= needed}

    def recurs(line: TextLine) -> bool:
        # the whole row recurs, or one of its cells does (a running header that names the
        # report on the left and the page's chapter on the right)
        return bool(recurring & keys_of(line)) or bool(_PAGE_NUMBER.match(line.text))

    # Where the recurring header and footer stand, and in what style: a row there in that
    # style is furniture too (a header that wraps onto a second row on some pages).
    tops = _steady([page[0] for page in with_text if recurs(page[0])])
    bottoms = _steady([page[-1] for page in with_text if recurs(page[-1])])
    top_styles = {line.style for line in tops}
    bottom_styles = {line.style for line in bottoms}
    top_limit = max((line.y + 1.5 * line.size for line in tops), default=-1.0)
    bottom_limit = min((line.y - 1.5 * line.size for line in bottoms), default=float("inf"))

    def furniture(line: TextLine, at_top: bool) -> bool:
        if recurs(line):
            return True
        if at_top:
            return line.style in top_styles and line.y <= top_limit
        return line.style in bottom_styles and line.y >= bottom_limit

    lines: list[TextLine] = []
    dropped: list[str] = []
    rights: dict[int, float] = {}
    kept: list[list[TextLine]] = []
    for page in pages:
        top = 0
        while (
            top < min(_EDGE_ROWS, len(page))
            and furniture(page[top], True)
            and _beside_furniture(page, top, top - 1)
        ):
            top += 1
        bottom = len(page)
        while (
            bottom > top
            and len(page) - bottom < _EDGE_ROWS
            and furniture(page[bottom - 1], False)
            and _beside_furniture(page, bottom - 1, bottom)
        ):
            bottom -= 1
        dropped += [line.text for line in page[:top] + page[bottom:]]
        kept.append(page[top:bottom])
    kept, notice = _without_closing_notice(kept)
    dropped += notice
    ordered = [_reading_order(rows) for rows in kept]
    measure = _text_width([row for rows in kept for row in rows])
    found = Counter(edges for _, _, edges in ordered if edges is not None).most_common(1)
    for rows, (page_lines, columns, edges) in zip(kept, ordered, strict=True):
        if edges is None and found and rows and _set_at(rows, *found[0][0]):
            page_lines, columns = _columns_under(rows, found[0][0][0])
        # A page set in the document's left column alone (its last, say) is a column too.
        elif edges is None and found and rows and max(r.x1 for r in rows) <= found[0][0][0]:
            columns = {id(row): found[0][0][1] for row in rows}
        elif edges is None and found:
            columns = _left_column_runs(rows, *found[0][0])
        if narrow := _narrow_columns(page_lines, measure, columns):
            columns = {**narrow, **columns}
        if found and lines and id(lines[-1]) in rights:
            columns.update(_carried_over(page_lines, columns, *found[0][0]))
        lines += page_lines
        rights.update(columns)
    return _Body(lines, dropped, rights)


# A running header or footer of two rows keeps them within this many font sizes apart.
_FURNITURE_BAND = 3.0


def _beside_furniture(page: Sequence[TextLine], index: int, outer: int) -> bool:
    """Whether row `index` of a page, dropped as furniture, stands near the furniture row
    beyond it (`outer`; none for the page's outermost row): a header or footer of two rows
    sets them together, while a body row that ends a short page far above its footer is
    text, even when its words recur at that place on most pages (prose written from one
    template, "... short breaks offer." closing each statement's page)."""
    if not 0 <= outer < len(page):
        return True
    row = page[index]
    return abs(row.y - page[outer].y) <= _FURNITURE_BAND * max(row.size, page[outer].size)


# A copyright notice: "© Care Quality Commission 2025", "Copyright 2024 ...", "(c) ...".
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)\s|copyright\b)", re.IGNORECASE)


def _without_closing_notice(
    kept: list[list[TextLine]],
) -> tuple[list[list[TextLine]], list[str]]:
    """Each page's body rows (`kept`) without the document's closing copyright notice (the
    last row of its last page with text), and the notice, for the furniture: it belongs to
    no section, yet set under a page's columns it reads as a row of the left one, splitting
    a paragraph that runs on into the right one."""
    at = next((i for i in range(len(kept) - 1, -1, -1) if kept[i]), None)
    if at is None or not (_COPYRIGHT.match(kept[at][-1].text) and kept[at][-1].cells == 1):
        return kept, []
    notice = kept[at][-1]
    return [*kept[:at], kept[at][:-1], *kept[at + 1 :]], [notice.text]


def _carried_over(
    rows: Sequence[TextLine], placed: Mapping[int, float], gutter: float, edge: float
) -> dict[int, float]:
    """Where a page's first line ends, as a line of the document's left column (`gutter`:
    where its right column starts; `edge`: where its left one ends), when the page before
    ended in a column (the caller's test) and this line, in no column yet (`placed`), ends
    at that column's edge with the next line of its paragraph close under it: a paragraph
    carried over the page turn into the left column, too short there to show its wrapping
    (see `_wrapped_at`). Read against the page's full width it would seem to end on purpose."""
    if not rows or id(rows[0]) in placed or len(rows) < 2:
        return {}
    first = rows[0]
    if first.x1 <= gutter and abs(edge - first.x1) <= first.size and _goes_on(first, rows[1]):
        return {id(first): edge}
    return {}


def _text_width(rows: Sequence[TextLine]) -> tuple[float, float]:
    """Where the document's text starts and ends across the page: its lines of several
    words, a few outliers either side aside (as `_Layout` measures it)."""
    wide = [row for row in rows if row.text.count(" ") >= 3] or list(rows)  # single-spaced
    if not wide:
        return 0.0, 0.0
    lefts, rights = [r.x0 for r in wide], [r.x1 for r in wide]
    lefts.sort()
    rights.sort()
    return lefts[len(lefts) // 20], rights[len(rights) * 19 // 20]


# A run of rows wrapped at a measure ending short of this share of the text's width is a
# column (a two-column section whose right column is empty: its text fitted in the left).
_NARROW_MEASURE = 0.6


def _narrow_columns(
    rows: Sequence[TextLine], measure: tuple[float, float], placed: Mapping[int, float]
) -> dict[int, float]:
    """Where the lines of a column the page's columns do not account for end (`placed`:
    the lines already known to be in one, by id; `measure`: where the document's text
    starts and ends, see `_text_width`): for each run of other rows, in reading order,
    ending short of `_NARROW_MEASURE` of the width, that holds prose wrapped where its
    longest row ends (see `_wrapped_at`, `_runs_on`), from its first row with a line
    close under it (see `_column_start`), that row's end. A two-column section whose text
    fits its left column shows no gutter; read against the page's full width, each of its
    lines would seem to end on purpose, a paragraph of its own."""
    left, right = measure
    limit = left + _NARROW_MEASURE * (right - left)
    columns: dict[int, float] = {}
    run: list[TextLine] = []
    for row in [*rows, None]:
        if row is not None and row.x1 <= limit and id(row) not in placed:
            run.append(row)
            continue
        if len(run) > _WRAPPED_ROWS:  # fewer rows cannot show wrapping (`_wrapped_at`)
            run = run[_column_start(run) :]
            edge = max((line.x1 for line in run), default=0.0)
            if _wrapped_at(run, edge) and _runs_on(run, edge):
                columns.update({id(line): edge for line in run})
        run = []
    return columns


def _runs_on(rows: Sequence[TextLine], edge: float) -> bool:
    """Whether lines ending at `edge` (within a font size) run on into the next line, as
    prose wrapped there does and a list's items never do: at least `_WRAPPED_ROWS` of them
    end inside a word broken with a hyphen, or have a line of their style under them that
    starts in lower case (mid-sentence)."""
    running = sum(
        abs(edge - row.x1) <= row.size
        and following.style == row.style
        and (_broken(row.text) or following.text[:1].islower())
        for row, following in itertools.pairwise(rows)
    )
    return running >= _WRAPPED_ROWS


def _left_column_runs(rows: Sequence[TextLine], gutter: float, edge: float) -> dict[int, float]:
    """Where the lines of a left column with nothing in the right one end (a section that
    ends before filling its left column, under text set full width): `edge` (where the
    document's left column ends) for each run of rows short of the `gutter` that holds
    prose wrapped there (see `_wrapped_at`), from its first row with a line close under
    it (see `_column_start`). Read against the page's full width, each of its lines
    would seem to end on purpose."""
    columns: dict[int, float] = {}
    run: list[TextLine] = []
    for row in [*rows, None]:
        if row is not None and row.x1 <= gutter:
            run.append(row)
            continue
        run = run[_column_start(run) :]
        if _wrapped_at(run, edge):
            columns.update({id(line): edge for line in run})
        run = []
    return columns


def _column_start(run: Sequence[TextLine]) -> int:
    """Where a column begins in a run of rows short of the gutter: at its first row with
    the next one close under it (within a paragraph's gap at the usual 1.2 line
    spacing), as a wrapped line or heading has. The rows before it stand alone (a label
    over the column, the end of a paragraph set full width) and ended on purpose."""
    for k, (row, following) in enumerate(itertools.pairwise(run)):
        if following.y - row.y <= _PARAGRAPH_GAP * 1.2 * row.size:
            return k
    return len(run)


def _under_crossing(rows: Sequence[TextLine], gutter: float) -> int:
    """Where a page's rows under the last one that crosses the `gutter` begin (0: none
    crosses it)."""
    crossing = [
        k
        for k, row in enumerate(rows)
        if any(p.x0 < gutter - _SAME_COLUMN and p.x1 > gutter + _SAME_COLUMN for p in row.pieces)
    ]
    return crossing[-1] + 1 if crossing else 0


def _columns_under(
    rows: Sequence[TextLine], gutter: float
) -> tuple[list[TextLine], dict[int, float]]:
    """A page set in the document's columns under its last row across the `gutter` (see
    `_set_at`), in reading order, and where its column lines end. A table above that
    row, its cells either side of the gutter (a score table over the first statement's
    columns), keeps its rows whole: read as columns, its names would part from their
    scores."""
    start = _under_crossing(rows, gutter)
    head = rows[:start]
    if not any(_split_at(row, gutter) for row in head):
        page_lines, columns, _ = _reading_order(rows, gutter)
        return page_lines, columns
    page_lines, columns, _ = _reading_order(rows[start:], gutter)
    return [*head, *page_lines], columns


def _split_at(row: TextLine, gutter: float) -> bool:
    """Whether a row has text on each side of the `gutter` and none across it."""
    pieces = row.pieces
    return (
        any(p.x1 <= gutter for p in pieces)
        and any(p.x0 >= gutter - _SAME_COLUMN for p in pieces)
        and not any(p.x0 < gutter - _SAME_COLUMN and p.x1 > gutter + _SAME_COLUMN for p in pieces)
    )


def _set_at(rows: Sequence[TextLine], gutter: float, edge: float) -> bool:
    """Whether a page too short to show its own columns (two lines of prose each, say: the
    end of a section, balanced) is set in the document's (`gutter`: where its right column
    starts; `edge`: where its left one ends): prose on each side of the gutter, none
    across it, under the last row that crosses it (a statement's opening parts, set full
    width above its findings' columns)."""
    rows = rows[_under_crossing(rows, gutter) :]
    pieces = [p for r in rows for p in r.pieces]
    on_right = [p for p in pieces if p.x0 >= gutter - _SAME_COLUMN]
    on_left = [p for p in pieces if p.x1 <= gutter]
    if not on_right or not on_left or len(on_right) + len(on_left) < len(pieces):
        return False
    # each row's right-hand text starts at the gutter (a justified line's words may follow
    # as pieces of their own), or is a list item indented within the column; a table's
    # third column starts elsewhere
    right_ids = {id(p) for p in on_right}
    firsts = [
        min(mine, key=lambda p: p.x0)
        for r in rows
        if (mine := [p for p in r.pieces if id(p) in right_ids])
    ]
    listed = any(_BULLET.match(p.text) for p in firsts)
    if not all(abs(p.x0 - gutter) <= _SAME_COLUMN or _indented(p, gutter, listed) for p in firsts):
        return False
    words = [_median_words(rows, side) for side in (on_left, on_right)]
    if min(words) >= _PROSE_WORDS:
        return True
    right_edge = max(p.x1 for p in on_right)
    return _wraps_within(on_left, edge) and _wraps_within(on_right, right_edge)


def _wraps_within(side: Sequence[TextLine], edge: float) -> bool:
    """Whether a column's pieces (`side`, top to bottom) hold a sentence wrapped at its
    `edge`: a line ending there (within a font size) with a line of its size under it
    that goes on in lower case (its font may differ: a bold label opening the line).
    Prose shows it, a table's cells seldom do; a column of a few lines (a statement's
    heading and its wrapped score beside the start of a list) has too few words a line
    to show it is prose by their count."""
    return any(
        abs(edge - piece.x1) <= piece.size
        and following.size == piece.size
        and following.text[:1].islower()
        for piece, following in itertools.pairwise(side)
    )


# A list item in a column is indented from its edge by at most this many font sizes.
_ITEM_INDENT = 3.0


def _indented(piece: TextLine, edge: float, listed: bool) -> bool:
    """Whether a piece starts a little right of a column's left `edge` as a list within
    the column does (`listed`: the column holds a list item, its mark first): an item,
    or an item's wrapped line, indented from the edge."""
    return listed and 0 < piece.x0 - edge <= _ITEM_INDENT * piece.size


def _steady(lines: list[TextLine]) -> list[TextLine]:
    """The running header's (or footer's) rows where it stands on most pages, within a line
    of their median baseline: a cover that happens to print one of its cells ("Care
    Quality Commission") elsewhere, in a heading's style, says nothing of where it stands;
    nor does a heading that happens to end two short pages (a contents page's last entry,
    the same label at the foot of a later page): furniture recurs where it stood."""
    if not lines:
        return lines
    middle = statistics.median(line.y for line in lines)
    return [line for line in lines if abs(line.y - middle) <= line.size]


# Two columns of prose: rows split by a gutter this wide (in font sizes) at the same place,
# at least this many, each side at least this share of the page's text width.
_COLUMN_ROWS = 3
_COLUMN_SHARE = 0.25
_COLUMN_CROSSING = 0.3  # rows crossing the gutter (full-width headings, paragraphs): at most
_PROSE_WORDS = 3  # a column's pieces hold this many words or more (a table's cells: fewer)
_COLUMN_FILLED = 0.4  # of its lines reach its right edge, as wrapped prose does (cells do not)


def _reading_order(
    rows: Sequence[TextLine], gutter: float | None = None
) -> tuple[list[TextLine], dict[int, float], tuple[float, float] | None]:
    """A page's rows in the order a reader reads them; for a line of a column, where that
    column ends; and where the right column starts and the left one ends, if the page has
    two. Where prose runs in two columns (found on the page, or `gutter`: where the
    document's right column starts): the left column then the right, between the rows
    that span both (a heading, a paragraph set full width). A page in one column, or a
    table (whose cells hold a word or two), stays as it is."""
    right = gutter if gutter is not None else (_right_column(rows) if rows else None)
    if right is None:
        return list(rows), {}, None
    out: list[TextLine] = []
    left_column: list[TextLine] = []
    right_column: list[TextLine] = []
    in_columns: list[TextLine] = []  # the left column's rows set beside a right column
    beside: list[TextLine] = []  # those of them level with its text: where it ends shows
    # the left column's rows with no right column beside: all of them, or those above the
    # right column's start (a section that fitted its left column, above the next one's)
    alone: list[list[TextLine]] = []

    def flush(spanned: bool = False) -> list[TextLine]:
        """The left column, the right one, then what stands under the columns' end (see
        `_after_columns`; `spanned`: a row across the gutter comes next)."""
        split = _after_columns(left_column, right_column, spanned)
        if not right_column:
            alone.append(left_column)
        else:
            top = min(r.y - r.size for r in right_column)  # a line above its first one
            bottom = max(r.y + r.size for r in right_column)
            in_columns.extend(r for r in left_column[:split] if r.y >= top)
            alone.append([r for r in left_column[:split] if r.y < top])  # above its start
            beside.extend(r for r in left_column[:split] if top <= r.y <= bottom)
        return left_column[:split] + right_column + left_column[split:]

    breaks = _column_breaks(rows, right)
    for row in rows:
        pieces = row.pieces
        if id(row) in breaks or any(
            p.x0 < right - _SAME_COLUMN and p.x1 > right + _SAME_COLUMN for p in pieces
        ):
            out += [*flush(spanned=True), row]  # spans the gutter, or opens new columns
            left_column, right_column = [], []
            continue
        on_left = [p for p in pieces if p.x0 < right - _SAME_COLUMN]
        on_right = [p for p in pieces if p.x0 >= right - _SAME_COLUMN]
        if on_left:
            left_column.append(row if not on_right else one_row(on_left))
        if on_right:
            right_column.append(row if not on_left else one_row(on_right))
    out += flush()
    left_edge = max((r.x1 for r in beside), default=right)
    right_edge = max(p.x1 for r in rows for p in r.pieces)
    columns = {id(line): left_edge for line in in_columns}
    columns.update({id(line): right_edge for line in out if line.x0 >= right - _SAME_COLUMN})
    for rows_alone in alone:
        columns.update(_left_column_runs(rows_alone, right, left_edge))
    out, columns = _justified_in_columns(out, columns)
    return out, columns, (round(right), round(left_edge))


def _column_breaks(rows: Sequence[TextLine], right: float) -> set[int]:
    """The rows (by id) that end one set of columns and head the next on the same page:
    headings set in the left column's width, larger than any text of the right column,
    with right-column text above and below them but none close to them on either side:
    above, further than a paragraph's gap at the usual 1.2 line spacing; below, further
    than the heading's own size (the columns it heads may start just under it, the right
    one higher than a left one opening with a boxed score; text beside the heading is
    level with it). Sections set each in its own two columns, their headings between,
    put the heading where the gutter runs; read as one pair of columns, the right column
    of the second section would come before the first section's heading."""
    on_right = [p for r in rows for p in r.pieces if p.x0 >= right - _SAME_COLUMN]
    if not on_right:
        return set()
    largest = max(p.size for p in on_right)
    breaks: set[int] = set()
    for row in rows:
        if row.size <= largest + 0.5 or any(p.x1 > right for p in row.pieces):
            continue
        above = [p for p in on_right if p.y < row.y]
        below = [p.y - row.y for p in on_right if p.y > row.y]
        if above and below and _clear_above(row, above) and min(below) > row.size:
            breaks.add(id(row))
    return breaks


def _clear_above(heading: TextLine, above: Sequence[TextLine]) -> bool:
    """Whether the right column's text above a heading (`above`) stops further above it
    than a paragraph's gap at the usual 1.2 line spacing, of the heading's size or of
    that text's own (its last line's): a column running on beside the heading would have
    a line of its own closer than its paragraphs are apart. A heading's space above is
    often less than its own size's paragraph gap, more than its smaller text's."""
    last = max(above, key=lambda p: p.y)
    reach = _PARAGRAPH_GAP * 1.2 * min(heading.size, last.size)
    return heading.y - last.y > reach


def _justified_in_columns(
    lines: Sequence[TextLine], columns: Mapping[int, float]
) -> tuple[list[TextLine], dict[int, float]]:
    """The lines with each column line set justified made one piece, and where each column
    line's column ends (`columns`: by line id) for the lines returned: a narrow column
    stretches a line's spaces wider than a cell gap, so the text layer splits it into
    pieces as it splits a table's cells; but such a line ends at its column's edge and its
    pieces stand evenly apart, no further than words of a justified line ever do. Two
    pieces show no evenness: they are one line only as little further apart than a cell
    gap (a label and its value set at the column's edge, a table's row, stay apart)."""
    out: list[TextLine] = []
    edges: dict[int, float] = {}
    for line in lines:
        edge = columns.get(id(line))
        if edge is not None and _is_justified(line, edge):
            line = replace(line, cells=1, parts=())
        out.append(line)
        if edge is not None:
            edges[id(line)] = edge
    return out, edges


def _is_justified(line: TextLine, edge: float) -> bool:
    """A line split into pieces that ends at its column's `edge`, its pieces evenly apart."""
    if len(line.parts) < 2 or abs(edge - line.x1) > _FLUSH * line.size:
        return False
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(line.parts)]
    widest = _WIDEST_WORD_SPACE if len(gaps) > 1 else _ONE_WIDE_SPACE
    return max(gaps) <= widest * line.size and max(gaps) - min(gaps) <= _EVEN_SPACING * line.size


def _after_columns(
    left: Sequence[TextLine], right: Sequence[TextLine], spanned: bool = False
) -> int:
    """Where the rows set full width after two columns begin among the left column's
    (`len(left)`: nowhere): at a heading under the right column's end, larger than every
    style set in the columns (right beside it, or in the right column), so narrow that it
    reads as a row of the left column; with the rows that lead into it (see `_lead_in`),
    as into a row across the gutter after the columns (`spanned`). A label or
    sub-heading in a style the columns use stays in its column, however far the left one
    runs on past the right one's end; so does the second line of a heading begun beside
    the columns, and a heading with prose under it wrapped where the left column's lines
    end (a page set in columns throughout: see `_wrapped_at`)."""
    if not right:
        return len(left)
    top = min(r.y for r in right)
    last = max(right, key=lambda r: r.y)
    largest = max(r.size for r in right)
    edge = max((r.x1 for r in left if top <= r.y <= last.y + last.size), default=None)
    if edge is not None and (carried := _carried_into(left, right, edge)) is not None:
        return carried
    for k, row in enumerate(left):
        if row.y <= last.y + last.size:
            if row.y >= top:
                largest = max(largest, row.size)
            continue
        if row.size > largest + 0.5 and not (k and left[k - 1].style == row.style):
            if edge is not None and _wrapped_at(left[k + 1 :], edge):
                return len(left)
            return _lead_in(left, k, last.y + last.size, {r.style for r in right})
        largest = max(largest, row.size)
    if spanned:
        return _lead_in(left, len(left), last.y + last.size, {r.style for r in right})
    return len(left)


def _carried_into(left: Sequence[TextLine], right: Sequence[TextLine], edge: float) -> int | None:
    """Where the left column ends when its text runs on into the right column's first line
    from under the right column's end (after the row that does: see `_runs_into`), or
    None. A column set under a heading that ends before the page's foot flows on at the
    right column's top: its last line, cut mid-sentence at the column's `edge`, comes
    before the right column however large the heading above it."""
    end = max(r.y + r.size for r in right)
    first = min(right, key=lambda r: r.y)
    for k, row in enumerate(left):
        following = left[k + 1] if k + 1 < len(left) else None
        if row.y > end and _runs_into(row, first, edge) and not _goes_on(row, following):
            return k + 1
    return None


def _runs_into(row: TextLine, following: TextLine, edge: float) -> bool:
    """Whether `row` runs on into `following`: set in its style, it fills its column (ends
    at `edge`, within a font size) with no sentence end, and `following` starts in lower
    case (mid-sentence)."""
    return (
        row.style == following.style
        and abs(edge - row.x1) <= row.size
        and not _SENTENCE_END.search(row.text)
        and following.text[:1].islower()
    )


def _goes_on(row: TextLine, following: TextLine | None) -> bool:
    """Whether a line has the next line of its paragraph close under it (its style, within a
    paragraph's gap at the usual 1.2 line spacing)."""
    return (
        following is not None
        and following.style == row.style
        and 0 < following.y - row.y <= _PARAGRAPH_GAP * 1.2 * row.size
    )


def _lead_in(
    left: Sequence[TextLine], heading: int, end: float, styles: set[tuple[str, float]]
) -> int:
    """Where a heading set under two columns (`left[heading]`) begins with the rows just
    above it that lead into it (a theme's name over a statement's): rows under the right
    column's end (`end`) in a style the right column does not use; the columns' text
    never is one."""
    start = heading
    while start and left[start - 1].y > end and left[start - 1].style not in styles:
        start -= 1
    return start


# Rows under a heading that show the left column going on: at least this many lines that
# end where the column's lines do, each with a line of its style after it.
_WRAPPED_ROWS = 2


def _wrapped_at(rows: Sequence[TextLine], edge: float) -> bool:
    """Whether `rows` hold prose wrapped at `edge` (where the left column's lines end):
    lines ending there, within a font size, each followed by a line of its style. Text set
    full width under the columns wraps past the gutter instead, in rows that span it."""
    wrapped = sum(
        abs(edge - row.x1) <= row.size and following.style == row.style
        for row, following in itertools.pairwise(rows)
    )
    return wrapped >= _WRAPPED_ROWS


def _right_column(rows: Sequence[TextLine]) -> float | None:
    """Where a right-hand column of prose starts on the page, if it has one: the left edge
    most pieces right of the page's first quarter start at, with prose on both sides of it
    (pieces of several words) and few rows crossing it."""
    pieces = [p for r in rows for p in r.pieces]
    lefts = [p.x0 for p in pieces]
    left = min(lefts)
    width = max([p.x1 for p in pieces]) - left
    quarter = left + _COLUMN_SHARE * width
    starts = Counter([round(x) for x in lefts if x > quarter])
    if not starts:
        return None
    start = starts.most_common(1)[0][0]
    near = [p for p in pieces if abs(p.x0 - start) <= _SAME_COLUMN]
    if len(near) < _COLUMN_ROWS:
        return None
    right = _column_edge(pieces, min(p.x0 for p in near), quarter)
    # rows crossing the gutter count where the right column stands: text set full width
    # above or below the columns (a statement's opening parts) says nothing against them
    top, bottom = min(p.y for p in near), max(p.y for p in near)
    level = [r for r in rows if top <= r.y <= bottom]
    crossing = [
        p
        for r in level
        for p in r.pieces
        if p.x0 < right - _SAME_COLUMN and p.x1 > right + _SAME_COLUMN
    ]
    on_left = [p for p in pieces if p.x1 <= right]
    on_right = [p for p in pieces if p.x0 >= right - _SAME_COLUMN]
    if len(on_left) < _COLUMN_ROWS or len(crossing) > _COLUMN_CROSSING * len(level):
        return None
    words = [statistics.median(len(p.text.split()) for p in side) for side in (on_left, on_right)]
    edge = max(p.x1 for p in on_right)
    filled = sum(edge - p.x1 <= 3 * p.size for p in on_right)  # wrapped lines reach the edge
    if min(words) < _PROSE_WORDS or filled < _COLUMN_FILLED * len(on_right):
        return None
    return right


def _column_edge(pieces: Sequence[TextLine], start: float, first_quarter: float) -> float:
    """Where a right column whose lines mostly start at `start` begins: at the leftmost
    piece starting between the left column's end (its pieces that start in the page's
    `first_quarter` and end before `start`) and `start`. A list's items, indented within
    the column, may outnumber its other lines on a page; the column's prose starts left of
    them."""
    ends = [p.x1 for p in pieces if p.x0 < first_quarter and p.x1 <= start]
    if not ends:
        return start
    end = max(ends)
    return min((p.x0 for p in pieces if end < p.x0 < start), default=start)


# A line set justified in a column spreads its words no further apart than this many font
# sizes, and evenly: within this share of a size (see `_justified_in_columns`).
_WIDEST_WORD_SPACE = 3.0
_EVEN_SPACING = 0.1
_ONE_WIDE_SPACE = 1.5  # a line split in two: its one gap this many sizes at most


def _median_words(rows: Sequence[TextLine], side: Sequence[TextLine]) -> float:
    """The median number of words a column's lines hold (`side`: the pieces on its side of
    the gutter): a row's pieces there counted together, as the text layer splits a
    justified line stretched wider than a cell gap into several."""
    ids = {id(piece) for piece in side}
    counts = [
        sum(len(p.text.split()) for p in row.pieces if id(p) in ids)
        for row in rows
        if any(id(p) in ids for p in row.pieces)
    ]
    return statistics.median(counts)


# A line ends at its column's edge when within this share of its font size of it (what
# justified lines' last glyphs vary by); a style is set justified when it has at least this
# many wrapped lines (a line of its style under them, closer than a paragraph's gap) and
# this share of them end so.
_FLUSH = 0.1
_JUSTIFIED_LINES = 20
_JUSTIFIED_SHARE = 0.6


# A style's paragraphs set apart by a gap this much wider than its lines' (in line spacings)
# or more, recurring, show where its paragraphs end even below `_PARAGRAPH_GAP`.
_PARAGRAPH_SPACING = 0.15
_PARAGRAPH_SPACINGS = 3  # gaps of one width: at least this many


def _paragraph_gap(gaps: list[float], pitch: float) -> float:
    """The gap (baseline to baseline) beyond which a style's line starts a new paragraph:
    `_PARAGRAPH_GAP` line spacings, or, where the document sets its paragraphs apart by
    less than that (LibreOffice's small spacing after a paragraph), halfway between its
    line spacing and the narrowest gap wider than it that recurs (its paragraph spacing):
    a gap no wrapped line leaves, seen again and again, is the document's paragraph break."""
    widths = Counter(round(gap * 2) / 2 for gap in gaps if gap > (1 + _PARAGRAPH_SPACING) * pitch)
    recurring = [width for width, count in widths.items() if count >= _PARAGRAPH_SPACINGS]
    if not recurring or min(recurring) > _PARAGRAPH_GAP * pitch:
        return _PARAGRAPH_GAP * pitch
    return (pitch + min(recurring)) / 2


def _lower_quartile(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 4]


@dataclass(frozen=True)
class _Layout:
    """The text column and each style's line spacing, measured on the document itself."""

    left: float
    right: float
    bottom: float  # the lowest baseline of any body line: the foot of the text column
    pitch: dict[tuple[str, float], float] = field(default_factory=dict)  # baseline to baseline
    # a gap wider than this (baseline to baseline) ends a paragraph of the style
    parted: dict[tuple[str, float], float] = field(default_factory=dict)
    advance: dict[tuple[str, float], float] = field(default_factory=dict)  # per character
    rights: dict[int, float] = field(default_factory=dict)  # a column's line: its column's right
    lines: Sequence[TextLine] = field(default=(), repr=False, compare=False)  # measured

    # What only a page or column break asks (`breaks`: a line that ends a sentence at the
    # foot of a page, in one document of several), counted when first asked: how often a
    # word starts a sentence within a line, how often one starts a paragraph (after a gap
    # on the same page), and the styles set justified (most of their wrapped lines end at
    # their column's right edge).

    @cached_property
    def opens_sentences(self) -> Counter[str]:
        """Counted in one search of all lines, a line feed between them (no match holds
        one)."""
        return Counter(_SENTENCE_START.findall("\n".join(line.text for line in self.lines)))

    @property
    def opens_paragraphs(self) -> Counter[str]:
        return self._paragraphs[0]

    @property
    def justified(self) -> frozenset[tuple[str, float]]:
        return self._paragraphs[1]

    @cached_property
    def _limits(self) -> dict[tuple[str, float], float]:
        """The gap (baseline to baseline) that parts paragraphs of each style: its own, or
        a multiple of its usual line spacing (its size is the style's own)."""
        pitch, parted = self.pitch, self.parted
        return {s: parted.get(s, _PARAGRAPH_GAP * pitch.get(s, 1.2 * s[1])) for s in self.advance}

    @cached_property
    def _paragraphs(self) -> tuple[Counter[str], frozenset[tuple[str, float]]]:
        """`opens_paragraphs` and `justified`, from one pass over the lines."""
        lines, pitch, parted = self.lines, self.pitch, self.parted
        opens_paragraphs: Counter[str] = Counter()
        wrapped: Counter[tuple[str, float]] = Counter()  # lines with a line of theirs under
        flush: Counter[tuple[str, float]] = Counter()  # those ending at their column's edge
        limits = self._limits
        for k in range(1, len(lines)):
            prev, line = lines[k - 1], lines[k]
            if line.page != prev.page:
                continue
            style, prev_style = line.style, prev.style
            limit = limits.get(style)
            if limit is None:  # a style unequal to itself (a size not a number)
                limit = parted.get(style, _PARAGRAPH_GAP * pitch.get(style, 1.2 * line.size))
            if line.y - prev.y > limit:
                opens_paragraphs[line.text.split(" ", 1)[0]] += 1
            elif style == prev_style and line.y > prev.y and prev.text.count(" ") >= 3:
                wrapped[prev_style] += 1
                edge = self.rights.get(id(prev), self.right)
                flush[prev_style] += abs(edge - prev.x1) <= _FLUSH * prev.size
        justified = frozenset(
            style
            for style, count in wrapped.items()
            if count >= _JUSTIFIED_LINES and flush[style] >= _JUSTIFIED_SHARE * count
        )
        return opens_paragraphs, justified

    @classmethod
    def of(cls, lines: Sequence[TextLine], columns: dict[int, float] | None = None) -> _Layout:
        # four words or more (split no further than needed to know)
        wide = [line for line in lines if len(line.text.split(maxsplit=3)) >= 4] or list(lines)
        lefts, rights = [line.x0 for line in wide], [line.x1 for line in wide]
        lefts.sort()
        rights.sort()
        spacings: defaultdict[tuple[str, float], list[float]] = defaultdict(list)
        advances: defaultdict[tuple[str, float], list[float]] = defaultdict(list)
        prev, prev_style = None, None
        for line in lines:
            style = line.style
            advances[style].append((line.x1 - line.x0) / (len(line.text) or 1))
            if prev is not None and line.page == prev.page and style == prev_style:
                gap = line.y - prev.y
                if 0 < gap < 3 * line.size:
                    spacings[style].append(gap)
            prev, prev_style = line, style
        # a style's line spacing is its wrapped lines', the closest regular spacing it has
        # (its lower quartile): list items and paragraphs set further apart are not lines
        pitch = {style: _lower_quartile(gaps) for style, gaps in spacings.items()}
        parted = {style: _paragraph_gap(gaps, pitch[style]) for style, gaps in spacings.items()}
        advance = {style: statistics.median(widths) for style, widths in advances.items()}
        return cls(
            left=lefts[len(lefts) // 20] if lefts else 0.0,
            right=rights[len(rights) * 19 // 20] if rights else 0.0,
            bottom=max((line.y for line in lines), default=0.0),
            pitch=pitch,
            parted=parted,
            advance=advance,
            rights=columns or {},
            lines=lines,
        )

    def flush(self, line: TextLine) -> bool:
        """Whether `line` is set flush with its column's right edge in a justified style:
        stretched to it, so wrapped (a paragraph's last line is set at its own width, and
        ends there only by chance)."""
        if line.style not in self.justified:
            return False
        edge = self.rights.get(id(line), self.right)
        return abs(edge - line.x1) <= _FLUSH * line.size

    def ended_on_purpose(self, line: TextLine, following: TextLine) -> bool:
        """Whether `following`'s first word would have fitted at the end of `line`: then
        `line` was ended (a paragraph's last line, a heading), not wrapped."""
        if _broken(line.text):
            return False  # a word hyphenated over the line end
        char = self.advance.get(line.style, 0.5 * line.size)  # the style's usual advance
        word = following.text.find(" ")  # the length of its first word
        if word < 0:
            word = len(following.text)
        room = self.rights.get(id(line), self.right) - line.x1
        middle, column_middle = (line.x0 + line.x1) / 2, (self.left + self.right) / 2
        centred = line.x0 - self.left > 2 * char and abs(middle - column_middle) < 2 * char
        # a list item, or a line the next one starts level with, is indented, not centred
        if centred and not (_BULLET.match(line.text) or abs(following.x0 - line.x0) <= char):
            room += line.x0 - self.left  # centred: it could have grown on both sides
        return char * (word + 1) <= room - 2 * char

    def breaks(self, line: TextLine, following: TextLine) -> bool:
        """Whether `following` starts a new block rather than continuing `line`'s."""
        style = line.style
        if following.style != style or _BULLET.match(following.text):
            return True
        if line.cells > 1 or following.cells > 1:
            return True  # a table's row stands alone
        parted = self._limits.get(style)
        if parted is None:  # a style unequal to itself (a size not a number)
            parted = self.parted.get(style, _PARAGRAPH_GAP * self.pitch.get(style, 1.2 * line.size))
        column_break = (
            following.page == line.page
            and following.y <= line.y  # level with it: the columns' halves of one row
            and (id(line) in self.rights and id(following) in self.rights)
        )
        if following.page == line.page and not column_break:
            if not 0 < following.y - line.y <= parted:
                return True
            return self.ended_on_purpose(line, following)
        # Over a page or column break no gap shows. Room on the line for the next page's first word
        # ends the paragraph; a line stopping mid-sentence, or a lower-case start, goes on.
        # A finished sentence on a full line is ambiguous: it ends the paragraph if the page
        # had room for another line, or if the next page's first word opens paragraphs in
        # this document more often than it opens sentences inside them; otherwise the
        # paragraph goes on, the likelier reading.
        if self.ended_on_purpose(line, following):
            return True
        if not _FULL_STOP.search(line.text) or following.text[:1].islower():
            return False
        if self.flush(line):
            return False  # justified to the edge: wrapped, whatever the page's room
        if self.bottom - line.y >= self.pitch.get(style, 1.2 * line.size) - 1:
            return True
        word = following.text.split(" ", 1)[0]
        return self.opens_paragraphs[word] > self.opens_sentences[word]


# A hyphen ending a line inside a word, in every form a text layer gives: "-", U+2010 and
# U+2011, a soft hyphen U+00AD (PDFium's U+FFFE arrives as "-", or as U+00AD where the
# drawing shows a hyphenator's: see transform.pdf_text).
_LINE_END_HYPHENS = "-\u2010\u2011\u00ad"
# A word as `_words` collects it: letters, an apostrophe's tail, hyphenated parts.
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?(?:-[^\W\d_]+(?:['\u2019][^\W\d_]+)?)*")
_WHITESPACE = re.compile(r"\s+")


class _Vocabulary:
    """What a document's own text tells about words broken at its line ends: the words it
    prints whole (see `_words`), and whether a plain hyphen ending a line is the text's own
    (see `_plain_hyphens_kept`). The words are collected at the first look-up, not before:
    only a word broken at a line end is ever looked up, and most documents break none."""

    __slots__ = ("_lines", "_words", "plain_hyphens_kept")

    def __init__(self, lines: Sequence[TextLine]) -> None:
        self._lines = tuple(lines)
        self._words: frozenset[str] | None = None
        self.plain_hyphens_kept = _plain_hyphens_kept(self._lines, self)

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words, self._lines = _words(self._lines), ()
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self.words


def _vocabulary(lines: Sequence[TextLine]) -> _Vocabulary:
    return _Vocabulary(lines)


def _words(lines: Sequence[TextLine]) -> frozenset[str]:
    """Every word the document prints whole, lower case: what tells a word broken at a line
    end ("preven-" "ted": "prevented") from a compound ("long-" "term": "long-term")."""
    texts: list[str] = []
    for line in lines:
        text = line.text
        if text[-1:] in _LINE_END_HYPHENS:
            text = text[:-1].rstrip().rsplit(" ", 1)[0] if " " in text else ""  # a word's head
        texts.append(text.split(" ", 1)[1] if " " in text else "")  # the first word: a tail?
    # No word holds white space: each of the lines' distinct pieces between spaces is
    # searched once, and one of letters alone (most are) is a word whole.
    found: set[str] = set()
    for piece in set(" ".join(texts).lower().split()):
        if piece.isalpha() and piece.isascii():
            found.add(piece)
        else:
            found.update(_WORDS.findall(piece))
    for word in [word for word in found if "-" in word]:  # "long-term": its halves, pairs
        parts = word.split("-")
        found.update(parts)
        found.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
    return frozenset(found)


# What a hyphenator that marks the words it breaks ends a line with: a soft hyphen (a word
# processor's, as the drawing shows it), U+2010 or U+2011 (a browser's or WeasyPrint's).
_MARKED_BREAKS = "\u00ad\u2010\u2011"


# Plain hyphens ending lines between halves that are no words: as many as this show a
# hyphenator that prints plain hyphens (one may be a compound of a prefix: "multi-agency").
_PLAIN_BREAKS = 2


def _plain_hyphens_kept(lines: Sequence[TextLine], words: Container[str]) -> bool:
    """Whether every plain hyphen ending a line is the text's own ("multi-" "agency"), not
    a hyphenator's: so where the document's hyphenator marks the words it breaks otherwise
    (`_MARKED_BREAKS`), and where fewer than `_PLAIN_BREAKS` plain hyphens end a line
    between halves that are both no words of the document ("ser-" "vices": only a
    hyphenator breaks words so). A hyphen kept that only broke a word costs less than one
    lost that the text has."""
    if any(line.text[-1:] in _MARKED_BREAKS and _broken(line.text) for line in lines):
        return True
    breaks = 0
    for line, following in itertools.pairwise(lines):
        if line.text[-1:] == "-" and _broken(line.text):
            halves = _halves(line.text[:-1], following.text)
            breaks += halves is not None and not any(_known(half, words) for half in halves)
    return breaks < _PLAIN_BREAKS


def _join_line(text: str, line: str, words: _Vocabulary | None = None) -> str:
    """Append a line, joining a word broken over the line end. How the hyphen was set tells
    whether it only broke the word: a soft hyphen (U+00AD) or a typographic hyphen (U+2010,
    U+2011: what browsers' automatic hyphenation prints) did, and is dropped; a hyphen after
    a space ("Practition -": a word processor's, as the text layer spaces it) did unless
    both halves are words, the first longer than a prefix (a spaced dash: kept); a plain
    hyphen is kept where the document prints its plain hyphens only where its text has
    them (see `_plain_hyphens_kept`), or where both halves are words ("long-" "term"; see
    `_known`), unless the document prints the word whole elsewhere; else it is dropped
    ("af-" "fordable").
    Without `words` (the document's vocabulary) every hyphen is kept."""
    if not text:
        return line
    end = text[-1]
    spaced = end == "-" and text[-2:-1] == " " and text[-3:-2].isalpha()
    if end not in _LINE_END_HYPHENS or not (spaced or text[-2:-1].isalnum()):
        return f"{text} {line}"
    head = text[:-2] if spaced else text[:-1]
    halves = _halves(head, line)
    if words is None or halves is None:
        return f"{head}-{line}" if not spaced else f"{head} - {line}"
    first, second = halves
    whole, compound = first + second in words, f"{first}-{second}" in words
    if end == "\u00ad" or (end in "\u2010\u2011" and not compound):
        return head + line
    if spaced:
        if whole or len(first) <= 3 or not (first in words and second in words):
            return head + line
        return f"{head} - {line}"
    kept = words.plain_hyphens_kept or compound
    if whole or not (kept or (_known(first, words) and _known(second, words))):
        return head + line
    return f"{head}-{line}"


def _known(word: str, words: Container[str]) -> bool:
    """Whether the document prints `word` whole, or its plural ("low-" "level" where only
    "levels" is printed elsewhere): a word that happens to be the tail of a compound broken
    at its hyphen is seldom printed elsewhere in just that form."""
    return word in words or f"{word}s" in words


def _halves(head: str, line: str) -> tuple[str, str] | None:
    """The two parts of a word broken over a line end, lower case."""
    left = re.search(r"[^\W\d_]+$", head)
    right = re.match(r"[^\W\d_]+", line)
    if left is None or right is None:
        return None
    return left.group().lower(), right.group().lower()


def _blocks(
    lines: Sequence[TextLine],
    rights: dict[int, float] | None = None,
    words: _Vocabulary | None = None,
) -> list[Block]:
    """Lines joined into blocks wherever nothing shows a break, page and column breaks
    included (`rights`: where the column of a line in one ends; `words`: the lines'
    `_vocabulary`, when already known)."""
    layout = _Layout.of(lines, rights)
    words = _vocabulary(lines) if words is None else words
    lefts = _column_lefts(lines, rights or {})
    blocks: list[Block] = []
    breaks, left = layout.breaks, layout.left
    prev: TextLine | None = None
    for line in lines:
        text = line.text
        if (
            prev is not None
            and not breaks(prev, line)
            and not _item_ends(blocks[-1], line, lefts, left)
            and not _is_label(prev)
            and not _is_label(line)
            and not _names_theme(blocks[-1].text)
        ):
            last = blocks[-1]
            last.text = _join_line(last.text, text, words)
            last.lines.append(text)
            last.rows.append(line)
        else:
            blocks.append(Block(text, line.style, line.page, [text], [line]))
        prev = line
    for block in blocks:
        block.text = _printable(block.text)
        block.keyed(_printed_key(block.text))
    return blocks


def _printed_key(text: str) -> str:
    """`_key` of a text `_printable` made: its white space is single spaces already (lower
    case makes none)."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").rstrip(":").strip()


# The longest label `_is_label` knows, in characters: a longer line is none (checked first,
# as nearly every line is longer).
_LABEL_CHARS = max(len(label) for label in (*SECTION_LABELS, *SUMMARY_LABELS)) + 2


def _is_label(line: TextLine) -> bool:
    """Whether a line is, all by itself, one of the labels the reader finds a report's
    sections by ("Key findings for this quality statement", "Overall summary", ...). A
    label stands alone: set last in a column, nothing shows it ending where the next
    column's first line (a sub-heading in its style) goes on, and read into that line it
    would no longer be found, the section under it read into the one before."""
    return len(line.text) <= _LABEL_CHARS and _labels(line.text)


@lru_cache(maxsize=1024)
def _labels(text: str) -> bool:
    """Whether a short text is a label (see `_is_label`). Kept: every report prints the
    same labels, section after section."""
    return (key := _key(text)) in SECTION_LABELS or key in SUMMARY_LABELS


# The longest heading `_names_theme` knows, in characters ("Theme 3: How the local
# authority ensures safety within the system", numbered): a longer block names none.
_THEME_CHARS = 80


def _names_theme(text: str) -> bool:
    """Whether a block's text is, all of it, a theme's name ("Theme 1: How the local
    authority works with people", "Providing support"): a theme's heading stands alone.
    Set over its first statement's name in the same style, a name filling its line shows
    no other break (the page's only such pair, the gap is the style's usual spacing); read
    on into that name, the statement's section would not be found. A wrapped name's first
    line ("Theme 3: How the local authority ensures safety") names no theme, so its second
    line still joins it."""
    return len(text) <= _THEME_CHARS and _theme_named(text)


@lru_cache(maxsize=1024)
def _theme_named(text: str) -> bool:
    """Whether a short text names a theme (see `_names_theme`). Kept: every report names
    the same few themes, and a short text is often a label or heading it repeats."""
    try:
        canonical_theme(_THEME_PREFIX.sub("", _NUMBERED.sub("", text, count=1)))
    except UnknownStatementError:
        return False
    return True


def _column_lefts(lines: Sequence[TextLine], rights: Mapping[int, float]) -> dict[int, float]:
    """Where each column line's column starts (by line id): the leftmost start of the
    document's lines whose column ends where its does (within `_SAME_COLUMN`)."""
    by_edge: dict[float, float] = {}  # a column's right edge -> its lines' leftmost start
    for line in lines:
        if (edge := rights.get(id(line))) is not None:
            by_edge[edge] = min(line.x0, by_edge.get(edge, line.x0))
    edges = sorted(by_edge)
    merged: dict[float, float] = {}
    start = 0
    for k in range(1, len(edges) + 1):
        if k == len(edges) or edges[k] - edges[k - 1] > _SAME_COLUMN:
            left = min(by_edge[e] for e in edges[start:k])
            merged.update({e: left for e in edges[start:k]})
            start = k
    return {id(line): merged[rights[id(line)]] for line in lines if id(line) in rights}


def _item_ends(block: Block, following: TextLine, lefts: Mapping[int, float], left: float) -> bool:
    """Whether a list item (`block`, its first line led by a list mark) ends where its text
    would run on over a column or page break (no gap shows there): `following` starts
    left of where the item's mark stands in its column (`lefts`: column lines' column
    starts, by id; `left`: the text's left edge elsewhere), as the paragraph after an
    indented list does; an item's wrapped line starts level with its text, right of it."""
    line = block.rows[-1]
    if (following.page == line.page and following.y > line.y) or not _BULLET.match(block.text):
        return False
    first = block.rows[0]
    indent = first.x0 - lefts.get(id(first), left)
    return following.x0 - lefts.get(id(following), left) < indent - _SAME_COLUMN


_LIGATURE = re.compile("[\ufb00-\ufb06]")
_SOFT_HYPHEN_SHOWN = re.compile(r"\u00ad(?![^\W\d_])")


def _printable(text: str) -> str:
    """Text as a reader sees it: ligatures spelt out, no-break spaces as spaces, soft
    hyphens as `_shown`. Each step is skipped where the text lacks what it replaces (ASCII
    text has no ligature, no-break space or soft hyphen): most blocks are long and plain."""
    if not text.isascii():
        if _LIGATURE.search(text):
            text = _LIGATURE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
        text = _shown(text).replace("\u00a0", " ")
    return _single_spaced(text).strip()


# ASCII's white space but the space.
_OTHER_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _single_spaced(text: str) -> str:
    """`text` with each run of white space one space. A text with no two spaces together
    and no white space but spaces is left as it is, unsearched: in ASCII, none of the
    other white space (`_OTHER_SPACES`, dropped from its bytes in one pass); otherwise,
    printable (every other kind of white space is a control or a separator)."""
    if "  " in text:
        return _WHITESPACE.sub(" ", text)
    if text.isascii():
        if len(text.encode().translate(None, _OTHER_SPACES)) == len(text):
            return text
    elif text.isprintable():
        return text
    return _WHITESPACE.sub(" ", text)


def _shown(text: str) -> str:
    """Soft hyphens as the page shows them: gone inside a word rejoined, a hyphen where
    no letter follows (a word broken where its text ends is kept as printed, not cut)."""
    return _SOFT_HYPHEN_SHOWN.sub("-", text).replace("\u00ad", "")


# ------------------------------------------------------------------ reading the blocks


def _key(text: str) -> str:
    """A label reduced for comparison: lower case, straight apostrophes, no end colon."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _single_spaced(text).rstrip(":").strip()


# How a name of a statement ends when only its letters and digits are kept: an alias's, so
# spelt. `canonical_statement` keeps every letter and digit of the text (lower-cased, an
# "&" made "and") and drops only a prefix ("Quality statement 3: ", as `_STATEMENT_PREFIX`
# does), so an ASCII text without "&" whose letters and digits end otherwise names none:
# nearly every line, never looked up.
_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())
_NAME_ENDS = tuple(alias.encode().translate(None, _NOT_ALNUM) for alias in ALIASES)


def _statement_named(text: str) -> Statement | None:
    """The statement a heading names exactly ("Safeguarding", "Quality statement 7:
    Safeguarding"), or None: at once for a paragraph, longer than any heading is."""
    if (
        text.isascii()
        and "&" not in text
        and not text.lower().encode().translate(None, _NOT_ALNUM).endswith(_NAME_ENDS)
    ):
        return None
    if len(text.split(maxsplit=2 * _SUBHEADING_MAX_WORDS)) > 2 * _SUBHEADING_MAX_WORDS:
        return None  # more words than that (split no further than needed to know)
    return _named(text)


@lru_cache(maxsize=1024)
def _named(text: str) -> Statement | None:
    """The statement the alias table finds a heading naming, or None. Kept: every report
    names the same few statements the same few ways, and the table's look-up (a text
    normalised by several patterns) costs more than the rest of the reading of a name."""
    try:
        return canonical_statement(_STATEMENT_PREFIX.sub("", text))
    except UnknownStatementError:
        return None


# A heading's number as a contents list and its chapters print it: "3. ", "3) ", "3 ".
_NUMBERED = re.compile(r"^\d{1,2}[.)]?\s+(?=[^\W\d_])")


@lru_cache(maxsize=1024)
def _is_theme(text: str) -> bool:
    """Whether a line is a theme's heading, numbered or not ("3. Providing support": a
    document numbering its chapters numbers them so). Kept, as `_named` is: every report
    heads its sections with the same few themes."""
    return is_theme_heading(text) or is_theme_heading(_NUMBERED.sub("", text, count=1))


def _is_short_title(text: str) -> bool:
    # (the end's search given the last two characters only: "$" is the end, or a line feed
    # ending the text; the words split no further than needed to count them)
    return not _SENTENCE_END.search(text[-2:]) and _words_at_most(text, _SUBHEADING_MAX_WORDS)


def _words_at_most(text: str, most: int) -> bool:
    """Whether `text` has at most `most` words (`len(text.split()) <= most`)."""
    return len(text.split(maxsplit=most)) <= most


def _is_subheading(block: Block, following: Block | None) -> bool:
    """A short line without closing punctuation followed by text, or a one-line title in
    another style than the paragraph it heads (which may end in "?" or ":")."""
    if following is None:
        return False
    if block.text.endswith(":") and block.style == following.style:
        return False  # a sentence introducing the list under it
    if _is_short_title(block.text):
        return True
    return (
        block.line_count == 1
        and block.style != following.style
        and _words_at_most(block.text, _SUBHEADING_MAX_WORDS)
        and not re.search(r"[.;,\u2019\u201d\"']$", block.text)
    )


@dataclass
class _Section:
    statement: Statement
    start: int  # index of its heading block
    end: int = 0  # index after its last block


def _sections(blocks: list[Block]) -> list[_Section]:
    """Statement sections: a block naming a statement whose own labels ("What people
    expect", ...) follow before the next such block. A contents line, a score table row or
    a finding's sub-heading that happens to name a statement has no labels after it."""
    # each text looked up once (a report repeats its labels and score lines)
    names = {text: _statement_named(text) for text in {b.text for b in blocks}}
    named = [(i, st) for i, b in enumerate(blocks) if (st := names[b.text])]
    sections: list[_Section] = []
    for k, (start, statement) in enumerate(named):
        stop = named[k + 1][0] if k + 1 < len(named) else len(blocks)
        labelled = any(b.key in SECTION_LABELS for b in blocks[start + 1 : stop])
        if labelled and all(s.statement.number != statement.number for s in sections):
            sections.append(_Section(statement, start))
    for k, section in enumerate(sections):
        section.end = sections[k + 1].start if k + 1 < len(sections) else len(blocks)
    if sections:  # the last one runs on to whatever the document prints after it
        sections[-1].end = _section_end(blocks, sections[-1].start, len(blocks))
    return sections


def _section_end(blocks: Sequence[Block], start: int, stop: int) -> int:
    """Where the last section (headed at `start`) ends, at the latest at `stop`: at a
    heading of its own name's rank or higher after its labels (set at least as large: the
    About part's heading after the last statement, an appendix's), which no part of the
    section is. A block larger than the labels but smaller than the name (a finding's
    sub-heading) stays in; so does everything where the name is set no larger than the
    section's text (sizes then tell no rank). Earlier sections end at the next one's
    heading, the theme's between them dropped (see `_without_trailing_themes`)."""
    size = blocks[start].style[1]
    text_size = Counter(b.style[1] for b in blocks[start + 1 : stop]).most_common(1)
    if not text_size or size <= text_size[0][0] + 0.5:
        return stop
    labelled = False
    for index in range(start + 1, stop):
        block = blocks[index]
        key = block.key
        if key in SECTION_LABELS:
            labelled = True
        elif (
            labelled
            and block.style[1] >= size - 0.5
            and _is_short_title(block.text)
            and re.search(r"[^\W\d_]", block.text)
            and not _SCORE_LINE.match(block.text)
        ):
            return index
    return stop


def _without_trailing_themes(blocks: list[Block]) -> list[Block]:
    """A section's blocks without the next section's theme heading at its end."""
    end = len(blocks)
    while end and _is_theme(blocks[end - 1].text):
        end -= 1
    return blocks[:end]


def _slug(source: str) -> str:
    name = PurePosixPath(urlsplit(source).path).name
    m = _FILE.match(name)
    return m.group(1) if m else PurePosixPath(name).stem


def _date(text: str) -> date | None:
    cleaned = re.sub(r"\s+", " ", text).strip()
    for pattern in ("%d %B %Y", "%d %b %Y"):
        with contextlib.suppress(ValueError):
            return datetime.strptime(cleaned, pattern).date()
    return None


def _published(blocks: Sequence[Block]) -> date | None:
    for b in blocks:
        if (m := _PUBLISHED.search(b.text)) and (found := _date(m.group(1))):
            return found
    return None


def _as_rating(text: str) -> Rating | None:
    """The rating a short block states ("Good", "Good - Evidence shows ..."), or None."""
    if len(text.split()) > _RATING_MAX_WORDS:
        return None
    try:
        return normalise_rating(text)[0]
    except UnknownRatingError:
        return None


# A rating label: "Local authority rating and score", "Overall rating", "Indicative rating".
_RATING_LABEL_WORDS = (
    r"(?:local authority\s+)?(?:indicative\s+)?(?:overall\s+)?rating(?:\s+and\s+score)?"
)
# A rating label with its rating after it on the same line: "Local authority rating and
# score: Good", "Overall rating - Requires improvement", "Indicative rating: Good".
_RATING_AFTER_LABEL = re.compile(
    rf"\b{_RATING_LABEL_WORDS}\s*[:{_DASH}]\s*(?P<rest>[^\W\d_].*)$",
    re.IGNORECASE,
)
# A table cell holding a rating label alone ("Rating", "Overall rating:").
_RATING_LABEL_CELL = re.compile(rf"^{_RATING_LABEL_WORDS}\s*:?$", re.IGNORECASE)
# "Overall rating for <council>: 67%" (or "Overall score: 67 per cent") within a line.
_OVERALL_IN = re.compile(
    rf"\boverall (?:rating|score)(?: for [^:%]+?)?\s*[:{_DASH}]?\s*(?P<pct>\d{{1,3}})"
    r"\s*(?:%|per\s?cent\b)",
    re.IGNORECASE,
)


def _rating_after_label(text: str) -> Rating | None:
    """The rating a line states after its rating label, whatever follows it."""
    for match in _RATING_AFTER_LABEL.finditer(text):
        if (rating := _leading_rating(match.group("rest"))) is not None:
            return rating
    return None


def _leading_rating(text: str) -> Rating | None:
    """The rating a text opens with, whatever follows it: "Requires improvement - ...",
    then "Good. Evidence ..."."""
    words = text.split()
    for count in (2, 1):
        if (rating := _as_rating(" ".join(words[:count]).rstrip(".,;:"))) is not None:
            return rating
    return None


def _rating_in_cells(block: Block) -> Rating | None:
    """The rating a key-facts table's row states in the cell after its rating label's
    ("Rating | Good"): the cells' gap stands for the label's colon."""
    for row in block.rows:
        for label, value in itertools.pairwise(row.parts):
            if _RATING_LABEL_CELL.match(label.text.strip()) and (rating := _as_rating(value.text)):
                return rating
    return None


def _rating_beside_label(block: Block) -> Rating | None:
    """The rating a block states beside its rating label: after it on its line, or in the
    next cell of its row."""
    return _rating_after_label(block.text) or _rating_in_cells(block)


def _overall_pct(text: str) -> int | None:
    """The overall % a line states: the whole line, or within it."""
    match = _OVERALL.match(text) or _OVERALL_IN.search(text)
    return int(match.group("pct")) if match else None


def _rating_block(blocks: Sequence[Block]) -> tuple[Block, Rating] | None:
    """The first block that reads as a rating, after the rating label if there is one; or
    the block right under the label when it names the council before its rating
    ("<council>: Good", see `_rating_after_name`)."""
    labels = [i for i, b in enumerate(blocks) if b.key == RATING_LABEL]
    start = labels[0] + 1 if labels else 0
    for k, b in enumerate(blocks[start:]):
        if rating := _as_rating(b.text) or (
            _rating_after_name(b.text) if labels and k == 0 else None
        ):
            return b, rating
    return None


# "<council>: <rating>", "<council> - <rating> ...": a name, then its rating.
_NAME_THEN_RATING = re.compile(rf"^(?P<name>[^\W\d_][^:]*?)\s*(?::|\s[{_DASH}]\s)\s*(?P<rest>.+)$")


def _rating_after_name(text: str) -> Rating | None:
    """The rating a line under the rating label states after a name ("London Borough of
    X: Outstanding"): the label says what the line is, so the name before the colon is the
    council's, whatever its words."""
    match = _NAME_THEN_RATING.match(text)
    if match is None or len(match.group("name").split()) > _COUNCIL_MAX_WORDS:
        return None
    return _leading_rating(match.group("rest"))


def _council_in_title(text: str) -> str | None:
    """The council a title or running header names, once its stock words are removed:
    "Local authority assessment report: X", "X - assessment of adult social care",
    "Care Quality Commission Adult social care assessment - X"."""
    parts = [p for p in _TITLE_SEPARATORS.split(_TITLE_PHRASES.sub(" | ", text)) if p.strip()]
    parts = [p.strip() for p in parts if re.search(r"[^\W\d_]", p)]
    if len(parts) == 1 and len(parts[0].split()) <= _COUNCIL_MAX_WORDS:
        return parts[0]
    return None


def _council(summary: Sequence[Block], furniture: Sequence[str]) -> str | None:
    """The council as the PDF prints it: in "Overall rating for <council>: N%", else the
    line under "Local authority rating and score", else a title, else the running header."""
    for b in summary:
        if (m := _OVERALL.match(b.text)) and m.group("name"):
            return m.group("name").strip()
    labelled = [summary[i + 1].text for i, b in enumerate(summary[:-1]) if b.key == RATING_LABEL]
    for name in labelled[:1]:
        if _rating_after_name(name) and (named := _NAME_THEN_RATING.match(name)):
            return named.group("name")
        if (
            not (_as_rating(name) or _OVERALL.match(name))
            and len(name.split()) <= _COUNCIL_MAX_WORDS
        ):
            return name
    for b in summary:
        if "assessment" in b.text.lower() and (titled := _council_in_title(b.text)):
            return titled
    for text in furniture:
        if not _PAGE_NUMBER.match(text) and (headed := _council_in_title(text)):
            return headed
    return None


@dataclass(frozen=True)
class _Score:
    statement: Statement
    score: int
    published_name: str


def _table_scores(blocks: Sequence[Block], source: str) -> dict[int, _Score]:
    """Scores of the summary's table, read line by line (a table's rows may read as one
    paragraph): rows "Name 3" (any leader or separator), or a name alone followed by its
    score ("Score: 3", "3"). Read after "Quality statement scores" when that label is there,
    else without a contents list's entries (`_without_contents`), so a contents page's page
    numbers are never scores."""
    labels = [i for i, b in enumerate(blocks) if b.key == SCORES_LABEL]
    table = blocks[labels[0] + 1 :] if labels else _without_contents(blocks)
    rows = [line for b in table for line in b.lines]
    found: dict[int, _Score] = {}

    def add(statement: Statement, score: int, name: str) -> None:
        held = found.get(statement.number)
        if held is not None and held.score != score:
            raise PdfParseError(
                source,
                f"score table gives statement {statement.number} ({statement.name}) "
                f"two scores: {held.score} and {score}",
            )
        found.setdefault(statement.number, _Score(statement, score, name))

    placed = rows_of(table)
    for statement, score, name in _cell_scores(placed):
        add(statement, score, name)
    for i, row in enumerate(rows):
        if (
            _holds_score(row)
            and (m := _SCORE_ROW.match(row))
            and (st := _statement_named(m.group("name")))
        ):
            add(st, int(m.group("score")), m.group("name").strip())
        elif (
            (st := _statement_named(row))
            and i + 1 < len(rows)
            and (m := _SCORE_LINE.match(rows[i + 1]))
        ):
            add(st, int(m.group("score")), row)
    return found


def _without_contents(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without a contents list's entries: those after a "Contents" label on its
    page, up to the next block set at least as large as the label. An entry with its page
    number ("Assessing needs ........ 4") reads as a score row; a table without its own
    label to be read after would otherwise be read with the contents list before it."""
    kept: list[Block] = []
    label: Block | None = None
    for block in blocks:
        if label is not None and (
            block.page != label.page or block.style[1] >= label.style[1] - 0.5
        ):
            label = None
        if label is None:
            kept.append(block)
        if block.key == "contents":
            label = block
    return kept


def _holds_score(text: str) -> bool:
    """Whether a text holds a score's digit (1 to 4), as every score pattern needs: a plain
    search before the patterns', which try every place a long line's name could end."""
    return "1" in text or "2" in text or "3" in text or "4" in text


def rows_of(blocks: Sequence[Block]) -> list[TextLine]:
    return [row for b in blocks for row in b.rows]


# A table cell that is a score: "3", "Score: 3", "3 out of 4", "3/4", "3 - Evidence shows ..."
# (the band phrase may wrap onto the next row).
_SCORE_CELL = re.compile(
    rf"^(?:(?:indicative\s+)?score\s*:?\s*)?(?P<score>[1-4])(?:\s*(?:/|out\s+of)\s*4)?"
    rf"(?:\s*[:{_DASH}]?\s*evidence\b.*)?$",
    re.IGNORECASE,
)
_SAME_COLUMN = 4.0  # points: cells this close at their left edge are in one column


# A cell holding a statement's name and then its score, set too close to be two cells:
# "Safe pathways, systems and transitions 2".
_NAME_AND_SCORE = re.compile(
    rf"^(?P<name>.*[^\W\d_)])[\s:{_DASH}]+(?P<score>[1-4])(?:\s*(?:/|out\s+of)\s*4)?$",
    re.IGNORECASE,
)


def _score_cells(rows: Sequence[TextLine]) -> list[tuple[int, TextLine, int, str | None]]:
    """The table's score cells, top to bottom: (row index, cell, score, and the start of
    the statement's name when the cell holds it before its score, else None)."""
    out: list[tuple[int, TextLine, int, str | None]] = []
    for index, row in enumerate(rows):
        for part in row.parts:
            text = part.text.strip()
            if m := _SCORE_CELL.match(text):
                out.append((index, part, int(m.group("score")), None))
            elif (
                _holds_score(text)
                and (m := _NAME_AND_SCORE.match(text))
                and statement_start(m.group("name"))
            ):
                out.append((index, part, int(m.group("score")), m.group("name")))
    return out


def _cell_readings(lines: Sequence[str]) -> list[str]:
    """The ways a cell's text wrapped over several lines reads: the lines joined with
    spaces, and where a line ends in a hyphen after a letter, the word rejoined without it
    ("continu-" "ity") and with it ("long-" "term"): a cell's hyphen may be either."""
    readings = [" ".join(lines)]
    if any(_broken(line) for line in lines[:-1]):
        kept = dropped = lines[0]
        for line in lines[1:]:
            broken = _broken(dropped)
            kept = f"{kept[:-1]}-{line}" if broken else f"{kept} {line}"
            dropped = f"{dropped[:-1]}{line}" if broken else f"{dropped} {line}"
        readings += [dropped, kept]
    return readings


def _broken(line: str) -> bool:
    """Whether a line ends inside a word broken with a hyphen."""
    return line[-1:] in _LINE_END_HYPHENS and line[-2:-1].isalpha()


def _cell_scores(rows: Sequence[TextLine]) -> list[tuple[Statement, int, str]]:
    """Scores in a table read cell by cell: a row with a score cell names its statement in
    another cell (or in the score's own cell, before the score), which may wrap onto the
    rows below it (before the next score row), beside a theme cell that spans several
    rows."""
    score_rows = _score_cells(rows)
    found: list[tuple[Statement, int, str]] = []
    for k, (index, score_part, score, head) in enumerate(score_rows):
        stop = score_rows[k + 1][0] if k + 1 < len(score_rows) else min(index + 4, len(rows))
        cells = [(score_part, head)] if head is not None else []
        cells += [(cell, cell.text) for cell in rows[index].parts if cell is not score_part]
        for cell, text in cells:
            column = [text] + [
                part.text
                for row in rows[index + 1 : stop]
                for part in row.pieces
                if abs(part.x0 - cell.x0) <= _SAME_COLUMN
            ]
            named = next(
                (
                    named
                    for name in _cell_readings(column)
                    if (named := statement_start(name)) is not None and not named.rest
                ),
                None,
            )
            if named is not None:
                found.append((named.statement, score, named.published))
                break
    return found


_FACT_LABELS: dict[str, Section] = {
    "demographics": "demographics",
    "financial facts": "financial",
    "finance": "financial",
    "financial information": "financial",
}
_ABOUT_ENDS = frozenset(_FACT_LABELS) | SUMMARY_LABELS | {"about", "key facts"}


def _about_facts(blocks: Sequence[Block], words: _Vocabulary) -> dict[Section, list[Fact]]:
    """The About part's demographic and financial facts, each section from its label to the
    next label or heading: rows of a two-column table as "label: value" (either cell may wrap
    onto the next row), else each paragraph or list item. With neither label printed, one
    key-facts table under the About heading is shared out fact by fact (`_facts_unlabelled`)."""
    body = Counter(b.style for b in blocks).most_common(1)
    body_size = body[0][0][1] if body else 0.0
    out: dict[Section, list[Fact]] = {}
    for index, block in enumerate(blocks):
        section = _FACT_LABELS.get(block.key)
        if section is None or section in out:
            continue
        inside = _facts_block(blocks, index, body_size)
        out[section] = [parse_fact(text, section) for text in _fact_texts(inside, words)]
    return out or _facts_unlabelled(blocks, body_size, words)


def _facts_block(blocks: Sequence[Block], index: int, body_size: float) -> list[Block]:
    """The blocks after the label at `index`, up to the next label, statement, theme or a
    heading set larger than the body."""
    inside: list[Block] = []
    for following in blocks[index + 1 :]:
        key = following.key
        if (
            key in _ABOUT_ENDS
            or _about_heading(following.text)
            or _statement_named(following.text)
            or _is_theme(following.text)
            or following.style[1] > body_size + 0.5
        ):
            break
        inside.append(following)
    return inside


def _about_heading(text: str) -> bool:
    """Whether a block is the About part's heading ("About <council>"): a title, not a fact
    that happens to start with the word ("About 805,700 people live here.")."""
    return _key(text).startswith("about ") and _is_short_title(text)


def _facts_unlabelled(
    blocks: Sequence[Block], body_size: float, words: _Vocabulary
) -> dict[Section, list[Fact]]:
    """Facts printed as one label/value table under "Key facts" or "About ..." with no
    Demographics or Financial label: the first such heading that heads table rows (a contents
    list names it too, with no table under it), or sentences, one a paragraph or list item,
    under "Key facts" (see `_sentence_facts`). Each fact goes where it belongs by what it
    says (`_is_financial`); a fact of neither kind stays with the demographics, never dropped."""
    for index, block in enumerate(blocks):
        key = block.key
        if key != "key facts" and key != "about" and not _about_heading(block.text):
            continue
        inside = _facts_block(blocks, index, body_size)
        tabled = any(row.cells >= 2 for b in inside for row in b.rows)
        if not tabled and not (key == "key facts" and _sentence_facts(inside)):
            continue
        out: dict[Section, list[Fact]] = {}
        for text in _fact_texts(inside, words):
            section: Section = "financial" if _is_financial(text) else "demographics"
            out.setdefault(section, []).append(parse_fact(text, section))
        return out
    return {}


def _sentence_facts(blocks: Sequence[Block]) -> bool:
    """Whether the blocks under a "Key facts" heading are facts printed as sentences, one
    a block, each ending with a full stop: a contents list that names the heading lists
    titles under it, which never end so."""
    return bool(blocks) and all(_FULL_STOP.search(b.text) for b in blocks)


# Long- or short-term support however the sentence names its kind ("accessing long-term
# adult social care support"): a few words may stand between the term and "support".
_TERM_SUPPORT = re.compile(
    r"\b(?:long|short)[\s\-\u2010\u2011]term(?:\s+[^\W\d_]+){0,4}\s+support\b", re.IGNORECASE
)


def _is_financial(text: str) -> bool:
    """A fact about money or the support it pays for: a sum in pounds, or wording of one of
    the financial kinds (budget, spend, precept, long- or short-term support). Support
    counted in a sentence names its kind in words of its own (`_TERM_SUPPORT`), where the
    kinds' keywords want "long-term support" together; a fact of that kind is financial
    still, and read with the demographics it would count one too many."""
    return (
        "£" in text
        or parse_fact(text, "financial").kind != "unclassified"
        or bool(_TERM_SUPPORT.search(text))
    )


def _cells(row: TextLine) -> list[tuple[float, str]]:
    """A row's cells (left edge, text), a lone bullet mark dropped."""
    cells = [(p.x0, p.text.strip()) for p in row.pieces if p.text.strip()]
    if len(cells) > 1 and _BULLET.match(cells[0][1] + " x") and len(cells[0][1]) == 1:
        cells = cells[1:]
    return cells


def _sentences_apart(block: Block, words: _Vocabulary) -> list[Block]:
    """A block of facts cut where a line ends a sentence and the next starts another: set
    without bullets or gaps, each fact is a sentence of its own, and a line that happens to
    end with one is the fact's end (a fact of two sentences runs on within a line)."""
    if len(block.rows) < 2 or any(len(row.parts) >= 2 for row in block.rows):
        return [block]
    cuts = [
        k
        for k in range(1, len(block.rows))
        if _FULL_STOP.search(block.rows[k - 1].text)
        and (block.rows[k].text[:1].isupper() or block.rows[k].text[:1].isdigit())
    ]
    if not cuts:
        return [block]
    out: list[Block] = []
    for start, stop in itertools.pairwise([0, *cuts, len(block.rows)]):
        rows = block.rows[start:stop]
        text = ""
        for row in rows:
            text = _join_line(text, row.text, words)
        out.append(Block(text, block.style, rows[0].page, [r.text for r in rows], rows))
    return out


def _fact_texts(blocks: Sequence[Block], words: _Vocabulary) -> list[str]:
    """One text per fact: a two-column table's row as "label: value" (a cell may wrap onto
    the next row: a row of one cell under the value column, or a lower-case word under the
    label column, goes on the row above); any other paragraph or list item whole."""
    tabled = [cells for b in blocks for row in b.rows if len(cells := _cells(row)) >= 2]
    label_x = Counter(round(c[0][0]) for c in tabled).most_common(1)[0][0] if tabled else None
    value_x = Counter(round(c[1][0]) for c in tabled).most_common(1)[0][0] if tabled else None
    facts: list[list[str]] = []  # [label, value]
    in_row = False  # the last fact is a table row
    for block in (piece for b in blocks for piece in _sentences_apart(b, words)):
        if not any(len(_cells(row)) >= 2 for row in block.rows):
            text = _BULLET.sub("", block.text)
            x0 = block.rows[0].x0 if block.rows else 0.0
            continues = in_row and len(block.rows) == 1
            if continues and value_x is not None and abs(x0 - value_x) <= _SAME_COLUMN:
                facts[-1][1] = _join_line(facts[-1][1], text, words)
            elif (
                continues
                and label_x is not None
                and abs(x0 - label_x) <= _SAME_COLUMN
                and (text[:1].islower() or len(text.split()) <= 2)
            ):
                facts[-1][0] = _join_line(facts[-1][0], text, words)
            else:
                facts.append([text, ""])
                in_row = False
            continue
        for row in block.rows:
            cells = _cells(row)
            if len(cells) >= 2:
                facts.append([_BULLET.sub("", cells[0][1]), " ".join(c[1] for c in cells[1:])])
                in_row = True
            elif facts and in_row and value_x is not None and abs(cells[0][0] - value_x) <= 4:
                facts[-1][1] = _join_line(facts[-1][1], cells[0][1], words)
            elif facts and in_row:
                facts[-1][0] = _join_line(facts[-1][0], cells[0][1], words)
    return [_shown(f"{label}: {value}" if value else label) for label, value in facts]


@dataclass
class _SectionText:
    score: int | None = None
    label: str | None = None
    expect: list[str] = field(default_factory=list)
    commitment: list[str] = field(default_factory=list)
    findings: list[Block] = field(default_factory=list)


def _section_text(blocks: Sequence[Block]) -> _SectionText:
    """A statement section's parts, each by the label above it."""
    out = _SectionText()
    part: str | None = None
    for b in blocks:
        key = b.key
        if key in SECTION_LABELS:
            part = SECTION_LABELS[key]
        elif key in SUMMARY_LABELS:
            part = None
        elif part is None:
            if m := _SCORE_LINE.match(b.text):
                out.score = out.score or int(m.group("score"))
                out.label = out.label or m.group("label")
            elif m := _SCORE_LABEL.match(b.text):
                out.label = out.label or m.group(1)
        elif part == EXPECT:
            out.expect.append(_BULLET.sub("", b.text))
        elif part == COMMITMENT:
            out.commitment.append(b.text)
        else:
            out.findings.append(b)
    return out


def _key_findings(blocks: Sequence[Block]) -> list[KeyFinding]:
    """Paragraphs and list items under their sub-headings (see `_is_subheading`; a list
    item is never one)."""
    return under_headings(
        (
            _BULLET.sub("", b.text),
            not _BULLET.match(b.text)
            and _is_subheading(b, blocks[i + 1] if i + 1 < len(blocks) else None),
        )
        for i, b in enumerate(blocks)
    )


def _people_experience(blocks: Sequence[Block]) -> list[str]:
    """Paragraphs after "Summary of people's experiences", up to the next label or title:
    under the first such label that heads any (a contents list names the label too, with
    its next entry under it)."""
    for start, label in enumerate(blocks):
        if _unnumbered(label.key) == EXPERIENCE_LABEL and (
            found := _experience_after(blocks, start)
        ):
            return found
    return []


_SECTION_NUMBER = re.compile(r"^\d{1,2}[.)]?\s+(?=[a-z])")


def _unnumbered(key: str) -> str:
    """A label without the section number a numbered report sets before it ("3. Summary of
    people's experiences"), so the label reads the same numbered or not."""
    return _SECTION_NUMBER.sub("", key)


def _experience_after(blocks: Sequence[Block], start: int) -> list[str]:
    """The paragraphs after the label at `start`, up to the next label or title, or the next
    heading set as the label is (`_heading_like`)."""
    out: list[str] = []
    rest = blocks[start + 1 :]
    label = blocks[start]
    set_apart = bool(rest) and rest[0].style != label.style  # the label is not body text
    for i, b in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else None
        key = _unnumbered(b.key)
        if (
            key in SUMMARY_LABELS
            or key in SECTION_LABELS
            or _is_subheading(b, following)
            or (set_apart and _heading_like(b, label))
        ):
            break
        out.append(b.text)
    return out


def _heading_like(block: Block, label: Block) -> bool:
    """A short block set in the label's own font and size (the caller has seen that the
    paragraphs are not): the next heading of the label's rank, whatever its words."""
    return block.style == label.style and len(block.rows) == 1 and len(block.text.split()) <= 12


def _says_indicative(texts: Sequence[str]) -> bool:
    """Whether any of the texts has the word "indicative", in any case, as `_INDICATIVE`
    finds it: looked for in all of them at once, a line feed between them (no word runs
    over one, and a word's edge there is one at a text's end), in lower case, each find of
    the bare word then checked for a word's edges. A pattern that is case-blind or starts
    at a word's edge is tried at every place of a report's 40,000 characters, some fifteen
    times as long. Lower case moves no letter of the word and makes nothing else one of its letters,
    except two forms of "i" a case-blind pattern takes for one (and `lower()` keeps apart):
    "\u0130" and "\u0131", made "i" first."""
    whole = "\n".join(texts)
    if not whole.isascii():
        for form in _OTHER_IS:
            if form in whole:
                whole = whole.replace(form, "i")
    lower = whole.lower()
    at = lower.find(_INDICATIVE_WORD)
    while at >= 0:
        before = lower[at - 1] if at else " "
        if not (before.isalnum() or before == "_") and _INDICATIVE.match(lower, at):
            return True
        at = lower.find(_INDICATIVE_WORD, at + 1)
    return False


def _where(block: Block) -> Provenance:
    return Provenance(text=block.text[:300], pdf_page=block.page + 1)


def _reading(
    blocks: list[Block], furniture: Sequence[str], source: str, words: _Vocabulary
) -> PageReading:
    """Every fact the PDF's text carries, each with the page it was read on (`words`: the
    document's, see `_vocabulary`); nothing is required here (the report is judged whole, with
    its pages: `transform.report`)."""
    sections = _sections(blocks)
    summary = _without_trailing_themes(blocks[: sections[0].start] if sections else blocks)
    where: dict[str, Provenance] = {}
    rating_block, rating = _rating_block(summary) or (None, None)
    if rating_block is None:  # "... rating and score: Good - Overall ...", "Rating | Good"
        rating_block = next((b for b in summary if _rating_beside_label(b)), None)
        rating = _rating_beside_label(rating_block) if rating_block else None
    if rating_block is not None:
        where["overall_rating"] = _where(rating_block)
    pct_block = next((b for b in blocks if _overall_pct(b.text) is not None), None)
    pct = _overall_pct(pct_block.text) if pct_block else None
    if pct_block is not None:
        where["overall_score_pct"] = _where(pct_block)
    la_name = _council(summary, furniture)
    if la_name:
        where["la_name"] = Provenance(text=la_name)

    table = _table_scores(summary, source)
    texts = {
        s.statement.number: _section_text(_without_trailing_themes(blocks[s.start + 1 : s.end]))
        for s in sections
    }
    by_section = {s.statement.number: s for s in sections}
    statements: list[StatementReading] = []
    for number, row in sorted(table.items()):
        statements.append(
            StatementReading(number=number, published_name=row.published_name, score=row.score)
        )
        where[f"qs{number}.score"] = Provenance(text=row.published_name)
    for number, text in sorted(texts.items()):
        section = by_section[number]
        heading = blocks[section.start]
        statements.append(
            StatementReading(
                number=number,
                published_name=_STATEMENT_PREFIX.sub("", heading.text),
                score=text.score,
                score_label=text.label,
                what_people_expect=text.expect,
                commitment=" ".join(text.commitment) or None,
                key_findings=_key_findings(text.findings),
            )
        )
        if text.score is not None and number not in table:
            where[f"qs{number}.score"] = _where(heading)
        where[f"qs{number}.texts"] = _where(heading)
    experience = _people_experience(summary)
    if experience:
        where["people_experience"] = Provenance(text=experience[0][:300])
    # the About part: in the summary, or after the last statement (see `_section_end`)
    tail = blocks[sections[-1].end :] if sections else []
    about = _about_facts([*summary, *tail], words)
    demographics = about.get("demographics", [])
    finance = about.get("financial", [])
    for name, facts in (("demographics", demographics), ("financial_facts", finance)):
        if facts:
            where[name] = Provenance(text=facts[0].raw_text[:300])
    published = _published(summary) or _published(blocks)
    indicative = _says_indicative([b.text for b in blocks])
    return PageReading(
        url=source,
        page_kind="report_pdf",
        la_name=la_name,
        slug=_slug(source),
        indicative=indicative,
        pilot=indicative,
        published_on=published,
        overall_rating=rating,
        overall_rating_published=rating_block.text if rating_block else None,
        overall_score_pct=pct,
        statements=statements,
        people_experience=experience,
        demographics=demographics,
        financial_facts=finance,
        provenance=where,
    )


# ------------------------------------------------------------------ the public interface


def read_pdf_facts(data: bytes, source: str) -> tuple[PageReading, int]:
    """The facts a PDF carries (`PageReading`, kind "report_pdf") and its page count; raise
    PdfParseError for a file that cannot be read at all (not a PDF, encrypted, no text)."""
    try:
        text = read_text_lines(data)
    except PdfTextError as exc:
        raise PdfParseError(source, exc.reason) from exc
    body = _body(text)
    words = _vocabulary(body.lines)
    blocks = _blocks(body.lines, body.rights, words)
    return _reading(blocks, body.furniture, source, words), text.page_count


def parse_report_pdf(data: bytes, source: str) -> Report:
    """The report a PDF holds on its own, as printed (its arithmetic is judged with its pages,
    in `transform.report`): a PDF lacking its council, its rating, its % (unless a pilot's) or
    any of the nine scores raises PdfParseError naming what is missing. `source` is its URL
    (the slug comes from the file name when it has the usual
    `<slug>-local-authority-assessment.pdf` form, else it is the file's stem)."""
    facts, _ = read_pdf_facts(data, source)
    missing = []
    if facts.la_name is None:
        missing.append("no council named (rating line, title or running header)")
    if facts.overall_rating is None:
        missing.append("no overall rating")
    if facts.overall_score_pct is None and not facts.pilot:
        missing.append("no overall %")
    scored = {s.number for s in facts.statements if s.score is not None}
    if len(scored) < 9:
        absent = [f"{n} ({BY_NUMBER[n].name})" for n in range(1, 10) if n not in scored]
        missing.append(f"{len(scored)} of the nine scores: none for statement {', '.join(absent)}")
    if missing:
        raise PdfParseError(source, "; ".join(missing))
    assembly = assemble_report(_slug(source), source, [], facts)
    if assembly.draft is None:
        raise PdfParseError(source, "; ".join(assembly.problems))
    return assembly.draft


@dataclass(frozen=True)
class PdfReading:
    """One PDF's reading: its facts or why there are none, and what it cost. Picklable, so
    a worker process can hand it back."""

    source: str
    sha256: str
    facts: PageReading | None
    error: str | None  # the PdfParseError reason when facts is None
    page_count: int | None
    seconds: float

    @classmethod
    def failed(cls, source: str, reason: str) -> PdfReading:
        """A parse that never came to an answer (its worker died, it overran its time)."""
        return cls(source, "", None, reason, None, 0.0)

    @property
    def finished(self) -> bool:
        """Whether the parser gave an answer (facts or a PdfParseError): only such readings
        are cached; a crash or timeout is tried again next time."""
        return bool(self.sha256)


def read_report_pdf(data: bytes, source: str) -> PdfReading:
    """`read_pdf_facts` for batch use: a bad PDF is a PdfReading with `error`, not a raise."""
    started = time.perf_counter()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        facts, page_count = read_pdf_facts(data, source)
    except PdfParseError as exc:
        return PdfReading(source, sha256, None, exc.reason, None, time.perf_counter() - started)
    return PdfReading(source, sha256, facts, None, page_count, time.perf_counter() - started)
