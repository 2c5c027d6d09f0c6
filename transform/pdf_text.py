"""A PDF's text layer as lines, read with pypdfium2 (PDFium).

Pure: bytes in, lines out. Each line carries its text, its page, where it starts and ends
across the page, its baseline and the font and size of its first letter: enough for the
report parser to tell a running header from body text and a paragraph's end from a wrapped
line by comparing lines with each other, never by absolute sizes or fonts. PDFium reads the
mirror's reports some thirty times faster than pdfplumber did; every PDFium object is closed
before `read_text_lines` returns, and every failure is a `PdfTextError` with a one-line reason.
PDFium is not thread-safe: read PDFs in one thread per process (processes for parallelism).
Two things the text layer lacks are read from the drawing: a list mark drawn as a shape is
put before its line's text, and a line-end hyphen drawn apart from its word (a hyphenator's)
becomes a soft hyphen. The words of a justified line spread further apart than a table's
cells (a narrow column's heading) are one piece again (see `_justified_words`).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from transform.clean import normalise_text

# PDFium marks a hyphen that ends a line inside a word with U+FFFE (pdfium_c text) and
# runs the two lines together; the parser wants both lines, the hyphen kept.
_LINE_END_HYPHEN = "\ufffe"
# A line-end hyphen that a hyphenator added where it broke a word, not one the text has:
# kept as a soft hyphen, which the parser drops when it rejoins the word.
_SOFT_HYPHEN = "\u00ad"
# A run of text between PDFium's line breaks, cut after a line-end hyphen.
_RUN = re.compile("[^\r\n\ufffe]+\ufffe?|\ufffe")
_SPACES = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum() counts them
# Two pieces of text belong to one row when their baselines differ by less than this
# share of the font size (table cells, text drawn piece by piece).
_SAME_ROW = 0.35
# Pieces of one row further apart than this share of the font size are separate cells (a
# word space is about a quarter of it).
_CELL_GAP = 1.0
_FONT_NAME_BYTES = 128
# Pieces of one row closer than this share of the font size are one word (a hyphen or a
# letter PDFium boxed apart), joined without a space.
_TOUCHING = 0.1


class PdfTextError(ValueError):
    """A PDF whose text cannot be read; `reason` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True, init=False)
class TextLine:
    """One line of text as printed: a row of a page, left to right."""

    text: str
    page: int  # 1-based
    x0: float  # where the line starts, from the page's left edge (PDF points)
    x1: float  # where its last letter ends
    y: float  # its baseline, from the page's top (grows down the page)
    font: str  # the font of its first letter or digit
    size: float  # that letter's size, rounded to 0.1 pt
    cells: int = 1  # pieces of text set apart by more than a word space: a table's row
    # the pieces of a row of several, left to right, each placed and styled; () for one
    parts: tuple[TextLine, ...] = ()
    # What tells one kind of text from another on the same document: font and size. Made
    # with the line: the reader compares it for every pair of lines, several times over.
    style: tuple[str, float] = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        text: str,
        page: int,
        x0: float,
        x1: float,
        y: float,
        font: str,
        size: float,
        cells: int = 1,
        parts: tuple[TextLine, ...] = (),
    ) -> None:
        """The dataclass's own, its fields set through their slots: a frozen class's
        generated one calls object.__setattr__ for each, twice the time, and a document
        makes a line for every piece of text on every page."""
        _SET_TEXT(self, text)
        _SET_PAGE(self, page)
        _SET_X0(self, x0)
        _SET_X1(self, x1)
        _SET_Y(self, y)
        _SET_FONT(self, font)
        _SET_SIZE(self, size)
        _SET_CELLS(self, cells)
        _SET_PARTS(self, parts)
        _SET_STYLE(self, (font, size))

    @property
    def pieces(self) -> tuple[TextLine, ...]:
        """The row's pieces: its parts, or itself when it is one piece."""
        return self.parts or (self,)


# TextLine's slots, each one's setter (a slot's descriptor sets it whatever __setattr__ says)
(
    _SET_TEXT,
    _SET_PAGE,
    _SET_X0,
    _SET_X1,
    _SET_Y,
    _SET_FONT,
    _SET_SIZE,
    _SET_CELLS,
    _SET_PARTS,
    _SET_STYLE,
) = (getattr(TextLine, name).__set__ for name in TextLine.__slots__)


@dataclass(frozen=True)
class PdfText:
    """Every page's lines, top to bottom."""

    pages: tuple[tuple[TextLine, ...], ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


# PDFium's functions called for every piece of text and every object of a page, through
# prototypes of plain addresses and numbers: pypdfium2's own convert each argument to its
# typed pointer on every call, a fifth of a call's cost, over some 600,000 calls for the
# mirror's reports. The same functions (pypdfium2's, by address); PDFium's signatures.
_ADDRESS, _INT, _ULONG, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong, ctypes.c_double


def _plain(function: Any, result: Any, *arguments: Any) -> Any:
    """`function` (one of pypdfium2's) called through a prototype of `arguments`."""
    address = ctypes.cast(function, _ADDRESS).value
    if not address:
        raise RuntimeError(f"PDFium has no {function.__name__}")
    return ctypes.CFUNCTYPE(result, *arguments)(address)


_COUNT_RECTS = _plain(pdfium_c.FPDFText_CountRects, _INT, _ADDRESS, _INT, _INT)
_CHAR_ORIGIN = _plain(pdfium_c.FPDFText_GetCharOrigin, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS)
_CHAR_BOX = _plain(pdfium_c.FPDFText_GetCharBox, _INT, _ADDRESS, _INT, *[_ADDRESS] * 4)
_FONT_INFO = _plain(
    pdfium_c.FPDFText_GetFontInfo, _ULONG, _ADDRESS, _INT, _ADDRESS, _ULONG, _ADDRESS
)
_FONT_SIZE = _plain(pdfium_c.FPDFText_GetFontSize, _DOUBLE, _ADDRESS, _INT)
_PAGE_OBJECT = _plain(pdfium_c.FPDFPage_GetObject, _ADDRESS, _ADDRESS, _INT)
_OBJECT_TYPE = _plain(pdfium_c.FPDFPageObj_GetType, _INT, _ADDRESS)
_OBJECT_BOUNDS = _plain(pdfium_c.FPDFPageObj_GetBounds, _INT, _ADDRESS, *[_ADDRESS] * 4)


def _address(handle: Any) -> int:
    """A pypdfium2 handle's address, as the plain prototypes take it."""
    return int(ctypes.cast(handle, _ADDRESS).value or 0)


# A report runs to tens of pages (the longest seen: 60 or so). Far more is not a report and
# would take minutes to read: refused before any page is.
MAX_PAGES = 500


def read_text_lines(data: bytes, max_pages: int = MAX_PAGES) -> PdfText:
    """The text lines of every page; raises PdfTextError (not a PDF, truncated or damaged,
    encrypted, no text layer, more than `max_pages`). PDFium's own errors never escape."""
    head = data[:1024].lstrip()
    if not head.startswith(b"%PDF-"):
        raise PdfTextError("not a PDF")
    if b"%%EOF" not in data[-2048:]:
        raise PdfTextError("truncated or damaged PDF (no end-of-file marker)")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _load_error(exc, data) from exc
    except Exception as exc:  # anything else PDFium's binding raises
        raise PdfTextError(f"truncated or damaged PDF ({_one_line(exc)})") from exc
    try:
        if len(doc) > max_pages:
            raise PdfTextError(
                f"{len(doc)} pages, more than the {max_pages} a report may have: not read"
            )
        pages = tuple(_page_lines(doc, index) for index in range(len(doc)))
    except PdfTextError:
        raise
    except Exception as exc:
        raise PdfTextError(f"truncated or damaged PDF ({_one_line(exc)})") from exc
    finally:
        doc.close()
    if not pages:
        raise PdfTextError("truncated or damaged PDF (no pages)")
    if not any(pages):
        raise PdfTextError("no text layer (scanned?)")
    return PdfText(pages)


def _load_error(exc: pdfium.PdfiumError, data: bytes) -> PdfTextError:
    """PDFium's error code is its last one, which a failed load does not always set: a
    password error counts only if the file has an /Encrypt entry (never compressed)."""
    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
        return PdfTextError("encrypted PDF")
    if code in (pdfium_c.FPDF_ERR_SUCCESS, pdfium_c.FPDF_ERR_PASSWORD):
        return PdfTextError("truncated or damaged PDF (PDFium loads no document from it)")
    return PdfTextError(f"truncated or damaged PDF ({_one_line(exc)})")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0][:120] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _page_lines(doc: pdfium.PdfDocument, index: int) -> tuple[TextLine, ...]:
    """One page's lines. The page and its text page are PDFium's own handles, closed here:
    pypdfium2's objects for them register a finalizer each and unregister it on close
    (some 3 % of the whole parse), for handles that never outlive this call."""
    page = pdfium_c.FPDF_LoadPage(doc.raw, index)
    if not page:
        raise PdfTextError(f"truncated or damaged PDF (page {index + 1} cannot be loaded)")
    try:
        height = float(pdfium_c.FPDF_GetPageHeightF(page))
        marks = _drawn_marks(page, height)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise PdfTextError(f"truncated or damaged PDF (page {index + 1} has no text page)")
        try:
            pieces = _pieces(textpage, index + 1, height)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    return _marked(_rows(pieces), marks)


def _page_text(handle: Any, count: int) -> str:
    """The text of a text page's `count` chars, as pypdfium2's `get_text_range()` gives it:
    chars at either end with no place in the text (excluded by PDFium) are left out of
    the range asked for, lest PDFium read past it, and UTF-16 it cannot decode is dropped."""
    first, last = 0, count - 1
    to_text = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    while first <= last and (start := to_text(handle, first)) == -1:
        first += 1
    while first <= last and (stop := to_text(handle, last)) == -1:
        last -= 1
    if first > last:
        return ""
    buffer = (ctypes.c_ushort * (stop + 2 - start))()
    written = pdfium_c.FPDFText_GetText(handle, first, last - first + 1, buffer)
    return memoryview(buffer)[: written - 1].tobytes().decode("utf-16-le", errors="ignore")


# A list's mark drawn as a shape (a browser draws a disc so): at most this many points
# wide and high, about as wide as high, and at most this share of its line's font size.
_MARK_MAX = 8.0
_MARK_SHARE = 0.6
# It stands left of its line's first letter, at most this many font sizes away.
_MARK_GAP = 2.0
_OPENERS = "\"'([\u2018\u201c"  # what a list item's text may start with besides a letter


@dataclass(frozen=True, slots=True)
class _Mark:
    """A small shape drawn on the page (top-down coordinates, as lines are placed)."""

    x0: float
    x1: float
    top: float
    bottom: float


def _drawn_marks(page: Any, height: float) -> list[_Mark]:
    """The page's small, squarish path objects: list marks a PDF draws rather than prints
    (a disc, a square), which its text layer therefore lacks."""
    marks: list[_Mark] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    edges = [ctypes.addressof(edge) for edge in (left, bottom, right, top)]
    handle, path = _address(page), pdfium_c.FPDF_PAGEOBJ_PATH
    get_object, get_type = _PAGE_OBJECT, _OBJECT_TYPE
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = get_object(handle, index)
        if get_type(obj) != path:
            continue
        if not _OBJECT_BOUNDS(obj, *edges):
            continue
        width, tall = right.value - left.value, top.value - bottom.value
        if min(width, tall) > 0 and max(width, tall) <= min(_MARK_MAX, 2 * min(width, tall)):
            marks.append(_Mark(left.value, right.value, height - top.value, height - bottom.value))
    return marks


def _marked(rows: tuple[TextLine, ...], marks: list[_Mark]) -> tuple[TextLine, ...]:
    """Rows with the list mark drawn beside any of their pieces put before its text
    ("• "), as a mark in the text layer would be (a list item in a right-hand column
    shares its row with the left column's text): see `_mark_beside`. A piece that already
    starts with a mark, or has several shapes beside it (a meter's pips), is left as it
    is."""
    if not marks:
        return rows
    out = list(rows)
    for k, row in enumerate(rows):
        pieces = list(row.pieces)
        found = False
        for index, piece in enumerate(pieces):
            mark = _mark_beside(piece, marks)
            if mark is not None:
                pieces[index] = replace(piece, text=f"\u2022 {piece.text}", x0=mark.x0)
                found = True
        if found:
            out[k] = _remarked(row, pieces)
    return tuple(out)


def _mark_beside(piece: TextLine, marks: list[_Mark]) -> _Mark | None:
    """The list mark drawn beside a piece of text: the only shape at its height just left
    of its first letter (within twice `_MARK_GAP`), close to it and smaller than its
    letters; None where there is none, or the text starts with no letter or opener."""
    if not (piece.text[:1].isalnum() or piece.text[:1] in _OPENERS):
        return None
    level = [
        mark
        for mark in marks
        if piece.x0 - 2 * _MARK_GAP * piece.size <= mark.x0 and mark.x1 < piece.x0
        if piece.y - piece.size <= (mark.top + mark.bottom) / 2 <= piece.y
    ]
    if len(level) != 1:
        return None
    mark = level[0]
    if piece.x0 > mark.x1 + _MARK_GAP * piece.size or mark.x1 - mark.x0 > _MARK_SHARE * piece.size:
        return None
    return mark


def _remarked(row: TextLine, pieces: list[TextLine]) -> TextLine:
    """A row whose pieces (`pieces`, its own with marks put before some) now carry their
    marks: a row of one piece is that piece; a row of several is joined again."""
    if not row.parts:
        return pieces[0]
    return one_row(pieces)


def _pieces(handle: Any, page_number: int, height: float) -> list[TextLine]:
    """The runs of text PDFium puts between line breaks (on the text page `handle`), each
    placed on the page."""
    count = pdfium_c.FPDFText_CountChars(handle)
    if count < 0:
        raise PdfTextError(f"truncated or damaged PDF (page {page_number}'s text cannot be read)")
    if count == 0:
        return []
    raw = _page_text(handle, count)
    text = _soft_hyphens(handle, raw)  # as long as `raw`: runs found in one slice the other
    same = _same_indices(handle, raw, count)
    font_name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    x, y, right = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    edges = ctypes.c_double()  # the three edges of a char's box besides its right, unread
    # the plain prototypes' arguments: the text page's and the outputs' addresses
    page, names, flag = _address(handle), ctypes.addressof(font_name), ctypes.addressof(flags)
    at_x, at_y, at_right, at_edges = (ctypes.addressof(v) for v in (x, y, right, edges))
    char_origin, char_box, font_info, font_size = _CHAR_ORIGIN, _CHAR_BOX, _FONT_INFO, _FONT_SIZE
    count_rects = _COUNT_RECTS
    sizes: dict[float, float] = {}  # each size PDFium gives, rounded (a page has a few)

    def text_between(first: int, last: int) -> str:
        """The page text of chars `first` to `last`."""
        if same:
            return text[first : last + 1] if 0 <= first <= last else ""
        start = int(pdfium_c.FPDFText_GetTextIndexFromCharIndex(handle, first))
        stop = int(pdfium_c.FPDFText_GetTextIndexFromCharIndex(handle, last))
        return text[start : stop + 1] if 0 <= start <= stop else ""

    pieces: list[TextLine] = []

    def piece_at(
        char: int, text: str, x0: float, x1: float, baseline: float | None = None
    ) -> TextLine:
        """A piece of text placed by its first letter's baseline (`baseline`, when its
        origin is already known), font and size."""
        if baseline is None:
            char_origin(page, char, at_x, at_y)
            baseline = y.value
        needed = font_info(page, char, names, _FONT_NAME_BYTES, flag)
        size = sizes.get(exact := font_size(page, char))
        if size is None:
            size = sizes[exact] = round(exact, 1)
        return TextLine(
            _piece_text(text),
            page_number,
            x0,
            x0 if x0 > x1 else x1,  # max(x1, x0)
            height - baseline,
            font_name.value.decode("utf-8", "replace") if needed > 0 else "",
            size,
        )

    for start, stop in _run_spans(raw):
        piece = text[start:stop]
        begin = len(piece) - len(piece.lstrip())
        end = len(piece.rstrip()) - 1
        if end < begin:
            continue
        # style and baseline from the first letter or digit (not a bullet or a quote mark)
        letter = begin
        if not piece[begin].isalnum() and (found := _ALNUM.search(piece, begin + 1, end + 1)):
            letter = found.start()
        if same:
            first, styled, last = start + begin, start + letter, start + end
        else:
            first, styled, last = (_char_index(handle, start + i) for i in (begin, letter, end))
            if min(first, styled, last) < 0:
                continue
        # PDFium splits a run where its letters stand apart (a table's cells on one line, two
        # columns): each such rectangle is a piece of its own.
        rects = count_rects(page, first, last - first + 1)
        if rects > 1:
            size = font_size(page, styled)
            gap = _CELL_GAP * size
            split = _rect_pieces(handle, rects, (first, last), gap, text_between, piece_at)
            if split:
                pieces += split
                continue
        char_origin(page, first, at_x, at_y)
        x0 = x.value
        baseline = y.value if styled == first else None
        char_box(page, last, at_edges, at_right, at_edges, at_edges)  # left, right, bottom, top
        pieces.append(piece_at(styled, piece, x0, right.value, baseline))
    return pieces


def _run_spans(text: str) -> list[tuple[int, int]]:
    """Where each run of a page's text (`_RUN`) starts and stops. A text whose only line
    breaks are PDFium's own ("\\r\\n") and that has no line-end hyphen, as most have, is
    split at them: about three times as fast as the pattern, which tests every char."""
    breaks = text.count("\r\n")
    if "\ufffe" in text or text.count("\r") != breaks or text.count("\n") != breaks:
        return [run.span() for run in _RUN.finditer(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\r\n"):
        stop = start + len(line)
        if line:
            spans.append((start, stop))
        start = stop + 2
    return spans


def _same_indices(handle: object, raw: str, count: int) -> bool:
    """Whether the page's text (`raw`, of `count` chars) holds each char at its own index,
    as nearly every page's does: then no index need be asked of PDFium. Text indices map
    to chars in order, one each, and may leave chars out: a text as long as the chars
    whose last index maps to the last char leaves none out."""
    return len(raw) == count and _char_index(handle, count - 1) == count - 1


def _piece_text(text: str) -> str:
    """A piece's text as a line's: the line-end hyphen mark (U+FFFE, a noncharacter) made a
    hyphen before the text is normalised as a page's is (normalise_text would drop the
    mark), white space runs made one space. Printable text has no white space but spaces,
    so only two spaces together need the search; printable ASCII (most pieces) has nothing
    to normalise."""
    if text.isascii() and text.isprintable():
        return (_SPACES.sub(" ", text) if "  " in text else text).strip()
    text = normalise_text(text.replace(_LINE_END_HYPHEN, "-"))
    if "  " in text or not text.isprintable():
        text = _SPACES.sub(" ", text)
    return text.strip()


def _soft_hyphens(handle: object, text: str) -> str:
    """The page text with each line-end hyphen a hyphenator added made a soft hyphen (same
    length: each replaces one char). PDFium gives U+FFFE for a hyphen ending a line inside
    a word, whoever put it there; only the drawing tells: LibreOffice draws its automatic
    hyphen as a text object of its own, set at the margin, where a hyphen the text has
    ("low-level") is drawn with its word. A PDF drawing every letter apart tells nothing."""
    soft = [
        at
        for found in re.finditer(_LINE_END_HYPHEN, text)
        if (at := found.start()) >= 2
        and text[at - 2 : at].isalpha()
        and _hyphen_apart(handle, [_char_index(handle, i) for i in range(at - 2, at + 1)])
    ]
    if not soft:
        return text
    chars = list(text)
    for at in soft:
        chars[at] = _SOFT_HYPHEN
    return "".join(chars)


def _char_index(handle: object, text_index: int) -> int:
    return int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(handle, text_index))


def _hyphen_apart(handle: object, chars: list[int]) -> bool:
    """Whether of two letters and the hyphen after them (char indices), the letters are
    drawn by one text object and the hyphen by another."""
    if min(chars) < 0:
        return False
    first, second, hyphen = (
        ctypes.cast(pdfium_c.FPDFText_GetTextObject(handle, char), ctypes.c_void_p).value
        for char in chars
    )
    return bool(first) and first == second and bool(hyphen) and hyphen != first


def _rect_pieces(
    handle: object,
    count: int,
    span: tuple[int, int],
    gap: float,
    text_of: Callable[[int, int], str],
    piece_at: Callable[[int, str, float, float], TextLine],
) -> list[TextLine]:
    """The pieces of a run (chars `span`, first and last) that PDFium has split into `count`
    rectangles (just counted): each rectangle's letters, from its first to the next one's."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    edges: list[tuple[float, float]] = []  # each rectangle's left and right
    for index in range(count):
        pdfium_c.FPDFText_GetRect(handle, index, left, top, right, bottom)
        edges.append((left.value, right.value))
    starts = _rect_starts(_address(handle), span[0], span[1] - span[0] + 1, count)
    boxes = [(start, lr[0], lr[1]) for start, lr in zip(starts, edges, strict=True)]
    # Rectangles closer than a cell gap are one piece (PDFium also splits at kerning and font
    # changes): only a real gap, a table's cells or two columns, makes pieces; so does a
    # rectangle that starts left of the one before it (see `_goes_back`).
    groups: list[list[tuple[int, float, float]]] = []
    for box in boxes:
        if groups and box[1] - groups[-1][-1][2] < gap and not _goes_back(groups[-1][-1], box):
            groups[-1].append(box)
        else:
            groups.append([box])
    out: list[TextLine] = []
    for k, group in enumerate(groups):
        char = group[0][0]
        stop = groups[k + 1][0][0] - 1 if k + 1 < len(groups) else span[1]
        text = text_of(char, stop)
        if text.strip():
            # styled by its first letter or digit, not a bullet
            letter = found.start() if (found := _ALNUM.search(text)) else 0
            styled = min(char + letter, stop)
            out.append(piece_at(styled, text, group[0][1], max(b[2] for b in group)))
    return out


def _rect_starts(page: int, first: int, length: int, count: int) -> list[int]:
    """The first char of each of the `count` rectangles PDFium makes of chars `first` on
    (`length` of them): where the count of the rectangles of the chars from `first` to it
    goes up. Counting only grows as the chars do, so each start is searched for from the
    one before, in steps doubling until the count has gone up, then halving back to it:
    a few counts of a few chars each, where asking PDFium which char stands at a place
    measures every char of the page."""
    count_rects = _COUNT_RECTS
    starts = [first]
    known = 1  # the chars counted up to the last start found
    for rects in range(1, count):
        # the count of the first `low` chars is at most `rects`, of the first `high` more
        low, step = known, 1
        high = low + step
        while high < length and count_rects(page, first, high) <= rects:
            low, step = high, 2 * step
            high = low + step
        high = min(high, length)
        while high - low > 1:
            middle = (low + high) // 2
            if count_rects(page, first, middle) > rects:
                high = middle
            else:
                low = middle
        starts.append(first + high - 1)
        known = high
    return starts


def _goes_back(before: tuple[int, float, float], box: tuple[int, float, float]) -> bool:
    """Whether a run's rectangle (first char, left, right) starts left of where the one
    before it starts: text drawn back across the line, as a table's cell spanning rows is
    drawn after the row it is level with (groff's tbl), is no part of the text before it
    (its baseline may differ too: each piece is placed by its own first letter)."""
    return box[1] < before[1]


def _rows(pieces: list[TextLine]) -> tuple[TextLine, ...]:
    """Pieces top to bottom; pieces on one baseline (a table's cells, text drawn piece by
    piece) become one line, left to right."""
    rows: list[list[TextLine]] = []
    row: list[TextLine] = []
    y = size = 0.0  # the baseline and size of the row's first piece
    for piece in sorted(pieces, key=attrgetter("y")):
        larger = size if size > piece.size else piece.size  # max(piece.size, size)
        if row and abs(piece.y - y) < _SAME_ROW * larger:
            row.append(piece)
        else:
            row = [piece]
            rows.append(row)
            y, size = piece.y, piece.size
    return tuple(row[0] if len(row) == 1 else one_row(row) for row in rows)


# Words of a justified line stretched wider apart than a cell gap are one piece when at
# least this many stand in a row, one style, evenly spaced (within this share of their
# size, what glyphs' side bearings vary by) and no further apart than this many sizes.
_JUSTIFIED_WORDS = 3
_EVEN_SPACING = 0.1
_WIDEST_WORD_SPACE = 3.0


def _justified_words(row: list[TextLine]) -> list[TextLine]:
    """A row's pieces with each run of words a justified line spread apart (a narrow
    column's heading, say) made one piece: PDFium splits such a line at every word, as
    it splits a table's cells, but only the line's words are single words set evenly
    apart in one style; cells hold phrases, at whatever distances their columns give."""
    out: list[TextLine] = []
    start = 0
    while start < len(row):
        stop = start + 1
        gaps: list[float] = []
        while stop < len(row) and _spreads(row[start], row[stop - 1], row[stop], gaps):
            gaps.append(row[stop].x0 - row[stop - 1].x1)
            stop += 1
        if stop - start >= _JUSTIFIED_WORDS:
            words = row[start:stop]
            text = " ".join(word.text for word in words)
            out.append(replace(words[0], text=text, x1=max(w.x1 for w in words)))
        else:
            stop = start + 1
            out.append(row[start])
        start = stop
    return out


def _spreads(first: TextLine, last: TextLine, word: TextLine, gaps: list[float]) -> bool:
    """Whether `word` goes on a justified line's run of words from `first` to `last`
    (`gaps`: the run's word spaces so far): single words in one style, spaced wider
    than a cell gap as evenly as the run's."""
    size = first.size
    gap = word.x0 - last.x1
    return (
        " " not in word.text
        and " " not in first.text
        and word.style == first.style
        and _CELL_GAP * size < gap <= _WIDEST_WORD_SPACE * size
        and max([*gaps, gap]) - min([*gaps, gap]) <= _EVEN_SPACING * size
    )


def one_row(pieces: list[TextLine]) -> TextLine:
    """Pieces on one baseline as one line, left to right; `parts` keeps them apart."""
    row = sorted(pieces, key=lambda p: p.x0)
    if len(row) > 1 and len(row[0].text) == 1 and not row[0].text.isalnum():
        # a list item's mark set apart from its text is no cell of its own
        mark, first = row[0], row[1]
        row[:2] = [replace(first, text=f"{mark.text} {first.text}", x0=mark.x0)]
    if len(row) >= _JUSTIFIED_WORDS:
        row = _justified_words(row)
    head = row[0]
    if len(row) == 1:
        return head
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
    joined = row[0].text
    for gap, piece in zip(gaps, row[1:], strict=True):
        touching = gap < _TOUCHING * head.size and not joined.endswith(" ")
        joined += piece.text if touching else f" {piece.text}"
    # the row's style is its first letter's (not a bullet's or a quote mark's)
    styled = next((p for p in row if any(c.isalnum() for c in p.text)), head)
    return TextLine(
        text=joined,
        page=head.page,
        x0=head.x0,
        x1=max(p.x1 for p in row),
        y=styled.y,
        font=styled.font,
        size=styled.size,
        cells=1 + sum(gap > _CELL_GAP * head.size for gap in gaps),
        parts=tuple(row),
    )
