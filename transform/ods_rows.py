"""The rows of an OpenDocument spreadsheet (.ods), read as a stream (pure: bytes in, rows out).

CQC's latest-ratings file has about 324,000 rows of 28 cells. python-calamine reads an .ods
whole before giving a row: 1.4 GB for that file (measured), over the memory a load may take.
This reader decompresses `content.xml` a block at a time and cuts it into rows as they come,
so memory stays at the size of a block however long the sheet: about 20 MB.

It is a reader of the ODF table markup, not a general XML parser. A row is
`<table:table-row>...</table:table-row>` (rows do not nest), a cell is `<table:table-cell>` or
`<table:covered-table-cell>`, repeated by `table:number-columns-repeated`, and a row by
`table:number-rows-repeated`. A cell's value is its `office:value-type`'s: the text of its
`<text:p>` paragraphs (joined by newlines, `<text:s/>`, `<text:tab/>` and `<text:line-break/>`
undone, other markup dropped, notes in `<office:annotation>` left out, entities decoded), a
float, a date, or a boolean. It relies on the namespace prefixes every spreadsheet writer
uses (`office:`, `table:`, `text:`); `ods_rows_supported` says whether a file binds them to
the ODF namespaces, and a file that does not is for calamine. The tests read the same files
with calamine and this reader and compare every cell.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO

BLOCK_BYTES = 1 << 20  # decompressed XML read at a time
MAX_EMPTY_REPEAT = 1_000  # writers pad a sheet with a million empty rows: those are not rows
NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
OdsCell = str | float | bool | date | datetime

_SIMPLE_TEXT = re.compile(r"<text:p(?:\s[^>]*)?>([^<]*)</text:p>")
_PARAGRAPH = re.compile(r"<text:(?:p|h)(?=[\s/>])[^>]*?(?:/>|>(.*?)</text:(?:p|h)>)", re.S)
_ANNOTATION = re.compile(r"<office:annotation(?=[\s>]).*?</office:annotation>", re.S)
_SPACES = re.compile(r'<text:s(?:\s+text:c="(\d+)")?\s*/>')
_TAG = re.compile(r"<[^>]*>")
_ATTR = {
    name: re.compile(rf'\b{re.escape(name)}="([^"]*)"')
    for name in (
        "office:value-type",
        "office:value",
        "office:date-value",
        "office:boolean-value",
        "table:number-columns-repeated",
        "table:number-rows-repeated",
        "table:name",
    )
}
_XMLNS = re.compile(r'\bxmlns:(\w+)="([^"]*)"')


class OdsError(ValueError):
    """Bytes that are no readable OpenDocument spreadsheet."""


def ods_rows_supported(data: bytes) -> bool:
    """Whether the file's content binds office:, table: and text: to the ODF namespaces (every
    writer does; a file that does not is read by calamine instead)."""
    with _content(data) as stream:
        head = stream.read(16_384).decode("utf-8", errors="replace")
    bound = dict(_XMLNS.findall(head))
    return all(bound.get(prefix) == uri for prefix, uri in NAMESPACES.items())


def ods_sheets(data: bytes) -> Iterator[tuple[str, Iterator[list[OdsCell]]]]:
    """Each sheet's name and its rows, in order, read as the stream goes: a sheet's rows are
    gone once the next sheet is asked for (a row is a list of cells, an empty cell "")."""
    pieces = _pieces(data)
    for kind, text in pieces:
        if kind != "table":
            continue  # a row outside any sheet: in no sheet to read
        sheet = _SheetRows(pieces)
        yield _attr(text, "table:name") or "", iter(sheet)
        sheet.skip_rest()


class _SheetRows:
    """One sheet's rows off the stream all sheets share."""

    def __init__(self, pieces: Iterator[tuple[str, str]]) -> None:
        self._pieces = pieces
        self._done = False

    def __iter__(self) -> Iterator[list[OdsCell]]:
        for kind, text in self._pieces:
            if kind == "end":
                break
            if kind == "table":
                raise OdsError("a table starts inside another table")
            cells, repeat = _row(text)
            if repeat > MAX_EMPTY_REPEAT and not any(cell != "" for cell in cells):
                repeat = 1
            for _ in range(repeat):
                yield list(cells)
        self._done = True

    def skip_rest(self) -> None:
        """Read past the rows not asked for, to the sheet's end."""
        if not self._done:
            for kind, _text in self._pieces:
                if kind == "end":
                    break
        self._done = True


def _content(data: bytes) -> IO[bytes]:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        return package.open("content.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise OdsError(f"no OpenDocument content ({exc})") from exc


def _pieces(data: bytes) -> Iterator[tuple[str, str]]:
    """("table", its start tag), ("end", ""), ("row", the whole row element) as they come,
    found with `str.find` (a regex over 300 MB of XML costs seconds more)."""
    buffer = ""
    try:
        with _content(data) as stream:
            while True:
                block = stream.read(BLOCK_BYTES)
                if block:
                    buffer += _decoded(block, stream)
                position = 0
                while True:
                    piece, position = _next_piece(buffer, position, final=not block)
                    if piece is None:
                        break
                    yield piece
                buffer = buffer[position:]
                if not block:
                    return
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise OdsError(f"the spreadsheet's content is damaged ({exc})") from exc


def _next_piece(buffer: str, position: int, *, final: bool) -> tuple[tuple[str, str] | None, int]:
    """The next piece from `position` and where the scan goes on; (None, where to keep the
    buffer from) when the buffer holds no whole piece more."""
    while True:
        found = buffer.find("table:table", position)
        if found < 0:
            # keep a tail that may be the start of a tag cut by the block's end
            return None, len(buffer) if final else max(position, len(buffer) - 32)
        if found >= 2 and buffer[found - 2 : found] == "</":
            if found + 11 >= len(buffer):
                return None, found - 2  # "</table:table" cut by the block's end
            if buffer[found + 11] == ">":
                return ("end", ""), found + 12
        if found < 1 or buffer[found - 1] != "<":
            position = found + 11
            continue
        start = found - 1
        after = buffer[start + 12 : start + 13]
        tag_end = buffer.find(">", start)
        if tag_end < 0 or not after:
            return None, start
        if after in (" ", ">", "\n", "\t", "\r"):
            return ("table", buffer[start + 12 : tag_end]), tag_end + 1
        if buffer.startswith("-row", start + 12) and buffer[start + 16] in " />\n\t\r":
            if buffer[tag_end - 1] == "/":
                return ("row", buffer[start : tag_end + 1]), tag_end + 1
            close = buffer.find("</table:table-row>", tag_end)
            if close < 0:
                return None, start
            return ("row", buffer[start : close + 18]), close + 18
        position = start + 12  # a column, a row group, header rows: nothing to read


def _decoded(block: bytes, stream: IO[bytes]) -> str:
    """A block as text, reading on to the end of a UTF-8 character cut at its end."""
    for extra in range(4):
        try:
            return block.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(block) - 3 or extra == 3:
                raise OdsError(f"the spreadsheet's content is not UTF-8 ({exc})") from exc
            more = stream.read(1)
            if not more:
                raise OdsError("the spreadsheet's content ends inside a character") from exc
            block += more
    raise OdsError("the spreadsheet's content is not UTF-8")


def _row(element: str) -> tuple[list[OdsCell], int]:
    """A row element's cells (trailing empty cells dropped) and how often it repeats. The
    common cell (a string, one plain paragraph) is read with string operations alone: a
    regex call per cell would make the ratings file take half a minute."""
    start = element.find(">")
    head = element[: start + 1]
    repeat = int(_attr(head, "table:number-rows-repeated") or 1) if "rows-repeated" in head else 1
    cells: list[OdsCell] = []
    for attrs, body in _cells(element, start + 1):
        if 'value-type="string"' in attrs and body.startswith("<text:p>"):
            inner = body[8:-9]
            if body.endswith("</text:p>") and "<" not in inner:
                value: OdsCell = html.unescape(inner) if "&" in inner else inner
            else:
                value = _text(body)
        else:
            value = _value(attrs, body)
        if "columns-repeated" not in attrs:
            cells.append(value)
            continue
        times = int(_attr(attrs, "table:number-columns-repeated") or 1)
        if value == "" and times > MAX_EMPTY_REPEAT:
            cells.append("")
        else:
            cells.extend([value] * times)
    while cells and cells[-1] == "":
        cells.pop()
    return cells, repeat


def _cells(row: str, position: int) -> Iterator[tuple[str, str]]:
    """Each cell of a row element: its attributes and what is inside it."""
    while True:
        start = row.find("<table:", position)
        if start < 0:
            return
        if row.startswith("table-cell", start + 7):
            close, attrs_from = "</table:table-cell>", start + 17
        elif row.startswith("covered-table-cell", start + 7):
            close, attrs_from = "</table:covered-table-cell>", start + 25
        else:
            position = start + 7
            continue
        if row[attrs_from] not in " />\n\t\r":
            position = attrs_from
            continue
        tag_end = row.find(">", attrs_from)
        if row[tag_end - 1] == "/":
            yield row[attrs_from : tag_end - 1], ""
            position = tag_end + 1
            continue
        body_end = row.find(close, tag_end)
        if body_end < 0:
            raise OdsError("a cell is not closed")
        yield row[attrs_from:tag_end], row[tag_end + 1 : body_end]
        position = body_end + len(close)


def _value(attrs: str, body: str) -> OdsCell:
    if "value-type" not in attrs:
        return ""
    kind = _attr(attrs, "office:value-type")
    if kind is None:
        return ""
    if kind in ("float", "percentage", "currency"):
        number = _attr(attrs, "office:value")
        return float(number) if number else _text(body)
    if kind == "date":
        return _date(_attr(attrs, "office:date-value")) or _text(body)
    if kind == "boolean":
        return (_attr(attrs, "office:boolean-value") or "").strip().lower() == "true"
    return _text(body)


def _text(body: str) -> str:
    """A cell's paragraphs as text, one line each."""
    if not body:
        return ""
    simple = _SIMPLE_TEXT.fullmatch(body)
    if simple:
        text = simple.group(1)
        return html.unescape(text) if "&" in text else text
    body = _ANNOTATION.sub("", body)
    lines = []
    for paragraph in _PARAGRAPH.finditer(body):
        inner = paragraph.group(1) or ""
        inner = _SPACES.sub(lambda m: " " * int(m.group(1) or 1), inner)
        inner = inner.replace("<text:tab/>", "\t").replace("<text:line-break/>", "\n")
        lines.append(html.unescape(_TAG.sub("", inner)))
    return "\n".join(lines)


def _date(value: str | None) -> date | datetime | None:
    if not value:
        return None
    try:
        if "T" in value:
            moment = datetime.fromisoformat(value)
            return moment.date() if moment.time() == datetime.min.time() else moment
        return date.fromisoformat(value)
    except ValueError:
        return None


def _attr(attrs: str, name: str) -> str | None:
    match = _ATTR[name].search(attrs)
    return html.unescape(match.group(1)) if match else None
