"""The export for spreadsheets: one Excel workbook, and CSV that Excel cannot be tricked by.

A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is a formula
to Excel and LibreOffice: a published text, or a value someone planted, could run when an
analyst opens the file (CSV injection, OWASP). So the workbook writes every text as a string
(xlsxwriter's write_string, with formula, number and URL conversion off) and the CSV prefixes
such a text with `'`. Numbers are written as numbers, so a negative number is never a text.

A cell holds at most 32,767 characters and no control character (xlsxwriter would write one as
Excel's `_x0001_`, which other readers show as it is): a text is made safe for markup first
(`publish.markup`: U+FFFD in place of what XML forbids; CR as LF), and a longer text is cut
so that it ends with CUT_MARKER, never silently; `WrittenSheet.cut` counts the cut cells per
column, and the data dictionary (the workbook's sheet, the export's `data_dictionary.md`)
names them.

A table's rows are streamed (fetched from DuckDB in batches, written as they come, never the
table in Python) and its sheet is written by `_StreamedSheet`, which puts each row's XML
straight into xlsxwriter's row file: the XML xlsxwriter itself writes for the same cells
(tests/publish/test_spreadsheet.py compares the two) in a seventh of the time a cell (1.4
against 9.4 us, December 2026), which at 100 times the demo's reports (13 million cells)
takes the workbook from 150-220 s to about 30 s. A table past Excel's rows a sheet is split
over numbered sheets, never cut.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from math import isinf, isnan
from pathlib import Path
from typing import Any

import duckdb
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from publish.markup import markup_safe

# A text starting with one of these is escaped in CSV (a text that is a plain number is not).
FORMULA_TRIGGERS = "=+-@\t\r"
_TRIGGER_SQL = "^[=+\\-@\t\r]"
_NUMBER_SQL = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?"
EXCEL_MAX_ROWS = 1_048_576  # the header row included
SHEET_NAME_MAX = 31
DICTIONARY_SHEET = "data_dictionary"
WIDTH_MIN, WIDTH_MAX = 8, 60
_FETCH = 2_000
# Rows a slice of a table of large texts (publish.export.RAW_COLUMNS: 15-50 KB a row) is read
# in: about 25 MB.
SLICE_ROWS = 512
_LARGEST_EXACT_INT = 2**53
_LINE_ENDS = re.compile("\r\n?")
EXCEL_CELL_MAX = 32_767  # characters in a cell, counted as Excel counts them (UTF-16 units)
CUT_MARKER = (
    f" \u2026 [cut at {EXCEL_CELL_MAX:,} characters: the full text is in the Parquet and CSV "
    "exports]"
)


@dataclass(frozen=True)
class WrittenSheet:
    name: str  # the table or view
    sheet: str  # its (first) sheet
    rows: int  # rows in the table
    rows_written: int  # the rows its sheets hold (fewer: a SheetPart's)
    # column -> cells cut at EXCEL_CELL_MAX (only columns with a cut cell)
    cut: Mapping[str, int] = field(default_factory=dict)
    note: str = ""  # why the sheets hold part of the table, or are more than one; or ""
    sheets: tuple[str, ...] = ()  # every sheet holding its rows, in order, when more than one
    columns_left_out: tuple[str, ...] = ()  # SheetPart.left_out


@dataclass(frozen=True)
class SheetPart:
    """A table the workbook holds only in part, by choice and never by a silent cut: the
    rows it holds (`select`, a query of the table; "": every row), the columns it leaves out
    (`left_out`), and the note the data dictionary sheet gives beside the table, saying what
    is left out and where to find it."""

    select: str
    note: str
    left_out: tuple[str, ...] = ()


def cell_text(text: str) -> tuple[str, bool]:
    """`text` as a cell can hold it, and whether it had to be cut: what XML forbids replaced
    (`publish.markup`), a line ended by CR (which xlsxwriter writes as `_x000D_`) ended by LF,
    Excel's line break in a cell; past EXCEL_CELL_MAX, cut so that with CUT_MARKER at its end
    it is EXCEL_CELL_MAX long (a character outside the BMP, two units to Excel, never halved)."""
    text = markup_safe(text)
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    if len(text) <= EXCEL_CELL_MAX // 2:  # fits, however many units each character takes
        return text, False
    units = text.encode("utf-16-le")
    if len(units) // 2 <= EXCEL_CELL_MAX:
        return text, False
    room = EXCEL_CELL_MAX - len(CUT_MARKER.encode("utf-16-le")) // 2
    kept = units[: 2 * room]
    if 0xD800 <= int.from_bytes(kept[-2:], "little") <= 0xDBFF:  # half a pair: drop it
        kept = kept[:-2]
    return kept.decode("utf-16-le") + CUT_MARKER, True


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def csv_select(conn: duckdb.DuckDBPyConnection, name: str) -> str:
    """SELECT every column of `name`, its text columns escaped against formula injection."""
    columns = conn.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE schema_name = current_schema() AND table_name = ? ORDER BY column_index",
        [name],
    ).fetchall()
    parts = []
    for column, data_type in columns:
        quoted = _ident(column)
        if data_type == "VARCHAR":
            parts.append(
                f"CASE WHEN regexp_matches({quoted}, '{_TRIGGER_SQL}') AND NOT "
                f"regexp_full_match({quoted}, '{_NUMBER_SQL}') THEN '''' || {quoted} "
                f"ELSE {quoted} END AS {quoted}"
            )
        else:
            parts.append(quoted)
    return f"SELECT {', '.join(parts) or '*'} FROM {_ident(name)}"


def in_slices(conn: duckdb.DuckDBPyConnection, table: str, select: str, rows: int) -> str:
    """`select` (a query of `table` with no WHERE) as a UNION ALL of its rows `rows` rowids at
    a time, in the table's order. A scan of a column of large texts (tens of KB a row) holds
    every block it read until it ends, so a whole scan of one holds the whole column; a
    slice's blocks can go as the next slice is read, within DuckDB's memory_limit."""
    row = conn.execute(f"SELECT max(rowid) FROM {_ident(table)}").fetchone()
    last = row[0] if row else None
    if last is None or last < rows:
        return select
    return " UNION ALL ".join(
        f"{select} WHERE rowid >= {start} AND rowid < {start + rows}"
        for start in range(0, int(last) + 1, rows)
    )


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_names(names: Sequence[str]) -> list[str]:
    """A sheet name per table: Excel's rules (31 characters at most, none of []:*?/\\, unique
    without regard to case, not 'History'), made unique by a ~N suffix."""
    used: set[str] = {"history"}
    out: list[str] = []
    for name in names:
        base = _SHEET_FORBIDDEN.sub("_", name).strip("'") or "sheet"
        candidate, n = base[:SHEET_NAME_MAX], 1
        while candidate.lower() in used:
            n += 1
            suffix = f"~{n}"
            candidate = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        used.add(candidate.lower())
        out.append(candidate)
    return out


_DATE_KINDS = ("date", "datetime", "time")


def typed_cell(value: Any) -> tuple[str, Any, int]:
    """How a (non-NULL) value goes into a cell: its kind ("number", "boolean", "date",
    "datetime", "time", "text", or "cut": a text cut to fit), the value written, and how wide
    it shows. A number is a number, a date a date; everything else is text, never a formula."""
    if isinstance(value, bool):
        return "boolean", value, 5
    if isinstance(value, int) and abs(value) < _LARGEST_EXACT_INT:
        return "number", value, len(str(value))
    if isinstance(value, float | Decimal):
        return "number", float(value), min(len(str(value)), 12)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return "datetime", value, 19
    if isinstance(value, date):
        return "date", value, 10
    if isinstance(value, time):
        return "time", value, 8
    if isinstance(value, str):
        text = value
    elif isinstance(value, timedelta | int):  # an int too large for a double: exact text
        text = str(value)
    else:  # lists, maps, JSON: readable text
        text = json.dumps(value, ensure_ascii=False, default=str)
    text, was_cut = cell_text(text)
    return ("cut" if was_cut else "text"), text, _text_width(text)


def _text_width(text: str) -> int:
    """How wide a text shows: its longest line (a printable text is one line)."""
    if text.isprintable():
        return len(text)
    return max((len(line) for line in text.splitlines()), default=0)


def _finish(sheet: Worksheet, widths: Sequence[int], rows: int) -> None:
    """Freeze the header, filter every column, size the columns to what they hold."""
    if not widths:
        return
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(widths) - 1)
    for col, width in enumerate(widths):
        # +2 for the filter button beside the header
        sheet.set_column(col, col, min(max(width + 2, WIDTH_MIN), WIDTH_MAX))


class _Sheet:
    """One worksheet written cell by cell through xlsxwriter's API (the data dictionary's:
    a few hundred rows), its column widths measured."""

    def __init__(self, sheet: Worksheet, formats: dict[str, Format], header: Sequence[str]):
        self.sheet, self.formats = sheet, formats
        self.widths = [len(title) for title in header]
        self.row = 0
        self.cut: Counter[int] = Counter()  # column index -> cells cut
        for col, title in enumerate(header):
            sheet.write_string(0, col, title, formats["header"])

    def add(self, values: Sequence[Any]) -> None:
        self.row += 1
        for col, value in enumerate(values):
            self.widths[col] = max(self.widths[col], self._write(col, value))

    def _write(self, col: int, value: Any) -> int:
        """Write one cell by its type; return how wide it shows."""
        if value is None:
            return 0
        sheet, row = self.sheet, self.row
        kind, written, width = typed_cell(value)
        if kind == "number":
            sheet.write_number(row, col, written)
        elif kind == "boolean":
            sheet.write_boolean(row, col, written)
        elif kind in _DATE_KINDS:
            sheet.write_datetime(row, col, written, self.formats[kind])
        else:
            self.cut[col] += kind == "cut"
            sheet.write_string(row, col, written)  # never a formula, number or link
        return width

    def finish(self) -> None:
        _finish(self.sheet, self.widths, self.row)


_SHORT = EXCEL_CELL_MAX // 2  # a text this long fits a cell however Excel counts it
# xlsxwriter escapes a text that reads as its own escape of a control character (_x0001_).
_LITERAL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_ERROR_CELLS = {"nan": ("#NUM!", "#NUM!"), "inf": ("1/0", "#DIV/0!"), "-inf": ("-1/0", "#DIV/0!")}


def _string_xml(ref: str, text: str) -> str:
    """The cell xlsxwriter writes for a text in constant_memory mode (an inline string), for a
    text `cell_text` made safe: no control character is left to escape but tab and LF, which
    XML keeps. (Unlike xlsxwriter, a text that looks like rich-text markup, `<r>...</r>`, is
    escaped like any other, never written as markup.)"""
    if "_x" in text:
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    preserve = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t{preserve}>{text}</t></is></c>'


class _StreamedSheet:
    """A table's sheet, written a batch of rows at a time as XML straight into the row file
    xlsxwriter keeps for a sheet in constant_memory mode: the XML xlsxwriter writes for the
    same cells (tests/publish/test_spreadsheet.py compares them), without its per-cell calls
    and bookkeeping, which cost about 4 us a cell, most of a workbook's time at 13 million
    cells. It uses xlsxwriter's constant_memory internals (row_data_fh, previous_row,
    dim_rowmax, _write_single_row, _convert_date_time; xlsxwriter is pinned in
    constraints.txt)."""

    def __init__(self, sheet: Worksheet, formats: dict[str, Format], header: Sequence[str]):
        self.sheet, self.formats = sheet, formats
        for col, title in enumerate(header):
            sheet.write_string(0, col, title, formats["header"])
        sheet._write_single_row(1)  # the header out: xlsxwriter writes a row as the next begins
        self.refs = [xl_col_to_name(col) for col in range(len(header))]
        self.widths = [len(title) for title in header]
        self.cut: Counter[int] = Counter()  # column index -> cells cut
        self.row = 0  # rows written below the header
        self.last = 0  # the last row holding a value (an all-NULL row is no row to Excel)
        self.styles: dict[str, int] = {}

    def add(self, rows: Iterable[Sequence[Any]]) -> None:
        """Write `rows` below those written."""
        refs, widths, xml = self.refs, self.widths, []
        for values in rows:
            self.row += 1
            number = str(self.row + 1)
            cells = []
            for col, value in enumerate(values):
                if value is None:
                    continue
                ref = refs[col] + number
                kind = type(value)
                if kind is str:  # the common cases first, as typed_cell takes them
                    if value.isprintable() and len(value) <= _SHORT:  # cell_text keeps it
                        text, width = value, len(value)
                    else:
                        text, was_cut = cell_text(value)
                        self.cut[col] += was_cut
                        width = _text_width(text)
                    if (  # nothing to escape or preserve: as _string_xml writes it
                        "&" in text
                        or "<" in text
                        or ">" in text
                        or "_x" in text
                        or text[:1].isspace()
                        or text[-1:].isspace()
                    ):
                        cells.append(_string_xml(ref, text))
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
                elif kind is int and -_LARGEST_EXACT_INT < value < _LARGEST_EXACT_INT:
                    cells.append(f'<c r="{ref}"><v>{value:.16G}</v></c>')
                    width = len(str(value))
                else:
                    cell, width = self._cell(ref, col, value)
                    cells.append(cell)
                if width > widths[col]:
                    widths[col] = width
            if cells:
                xml.append(f'<row r="{number}">{"".join(cells)}</row>')
                self.last = self.row
        self.sheet.row_data_fh.write("".join(xml))

    def _cell(self, ref: str, col: int, value: Any) -> tuple[str, int]:
        kind, written, width = typed_cell(value)
        if kind == "number":
            if isnan(written) or isinf(written):  # as xlsxwriter's nan_inf_to_errors writes them
                formula, error = _ERROR_CELLS[str(float(written))]
                return f'<c r="{ref}" t="e"><f>{formula}</f><v>{error}</v></c>', width
            return f'<c r="{ref}"><v>{written:.16G}</v></c>', width
        if kind == "boolean":
            return f'<c r="{ref}" t="b"><v>{int(written)}</v></c>', width
        if kind in _DATE_KINDS:
            if kind not in self.styles:  # numbered when first used, as xlsxwriter does
                self.styles[kind] = self.formats[kind]._get_xf_index()
            serial = self.sheet._convert_date_time(written)
            return f'<c r="{ref}" s="{self.styles[kind]}"><v>{serial:.16G}</v></c>', width
        self.cut[col] += kind == "cut"
        return _string_xml(ref, written), width

    def finish(self) -> None:
        sheet = self.sheet
        sheet.previous_row = self.row + 1  # every row is written
        if self.last:
            sheet.dim_rowmax = max(sheet.dim_rowmax or 0, self.last)
        _finish(sheet, self.widths, self.row)


def open_workbook(path: Path) -> tuple[xlsxwriter.Workbook, dict[str, Format]]:
    """A workbook to write row by row (constant memory) where every text is a text, and the
    cell formats of its header and dates."""
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,  # rows go to disk as written: any table size
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "nan_inf_to_errors": True,
        },
    )
    formats = {
        "header": workbook.add_format({"bold": True, "bg_color": "#E7EEF7", "bottom": 1}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
        "time": workbook.add_format({"num_format": "hh:mm:ss"}),
    }
    return workbook, formats


def write_workbook(
    conn: duckdb.DuckDBPyConnection,
    path: Path,
    names: Sequence[str],
    *,
    kinds: dict[str, str],
    parts: Mapping[str, SheetPart] | None = None,
    left_out: Mapping[str, str] | None = None,
) -> list[WrittenSheet]:
    """One workbook at `path`: first a data dictionary sheet (every column's type and
    description, from the warehouse's COMMENTs), then a sheet per table or view in `names`
    (more, numbered, for one past Excel's rows a sheet). `kinds` says what each name is
    ("benchmark table", "view", "table"); `parts` the tables held in part (their sheet holds
    the part's rows and columns); `left_out` tables given no sheet, each with the note the
    dictionary sheet gives it (its columns are still described)."""
    parts = parts or {}
    workbook, formats = open_workbook(path)
    plans = [_plan(conn, name, parts.get(name)) for name in names]
    wanted = [DICTIONARY_SHEET]
    for plan in plans:
        wanted += [plan.name, *(_numbered(plan.name, n) for n in range(2, plan.sheets + 1))]
    sheets = iter(sheet_names(wanted))
    dictionary_sheet = workbook.add_worksheet(next(sheets))
    written = [
        _write_table(
            conn,
            [workbook.add_worksheet(next(sheets)) for _ in range(plan.sheets)],
            formats,
            plan,
        )
        for plan in plans
    ]
    _write_dictionary(
        conn, _Sheet(dictionary_sheet, formats, _DICTIONARY_HEADER), written, kinds, left_out or {}
    )
    dictionary_sheet.activate()
    workbook.close()
    return written


@dataclass(frozen=True)
class _Plan:
    """What a table's sheets will hold: `held` rows of `select`, over `sheets` sheets."""

    name: str
    select: str
    rows: int  # in the table
    held: int
    sheets: int
    part: SheetPart | None


def _plan(conn: duckdb.DuckDBPyConnection, name: str, part: SheetPart | None) -> _Plan:
    rows = _count(conn, f"SELECT count(*) FROM {_ident(name)}")
    select, held = f"SELECT * FROM {_ident(name)}", rows
    if part and part.select:
        select, held = part.select, _count(conn, f"SELECT count(*) FROM ({part.select})")
    if part and part.left_out:
        columns = ", ".join(_ident(column) for column in part.left_out)
        select = f"SELECT * EXCLUDE ({columns}) FROM ({select})"
    room = EXCEL_MAX_ROWS - 1
    return _Plan(name, select, rows, held, max(1, -(-held // room)), part)


def _count(conn: duckdb.DuckDBPyConnection, query: str) -> int:
    row = conn.execute(query).fetchone()
    return int(row[0]) if row else 0


def _numbered(name: str, number: int) -> str:
    """The sheet name of a table's `number`th sheet: 'search_document (2)'."""
    suffix = f" ({number})"
    return name[: SHEET_NAME_MAX - len(suffix)] + suffix


def _write_table(
    conn: duckdb.DuckDBPyConnection,
    sheets: Sequence[Worksheet],
    formats: dict[str, Format],
    plan: _Plan,
) -> WrittenSheet:
    """The rows of `plan.select` over `sheets`, fetched in batches, each sheet filled to
    Excel's rows a sheet before the next begins."""
    cursor = conn.execute(plan.select)
    header = [d[0] for d in cursor.description or []]
    room = EXCEL_MAX_ROWS - 1
    cut: Counter[str] = Counter()
    written = 0
    for sheet in sheets:
        out = _StreamedSheet(sheet, formats, header)
        while out.row < room and (batch := cursor.fetchmany(min(_FETCH, room - out.row))):
            out.add(batch)
        out.finish()
        written += out.row
        cut.update({header[col]: cells for col, cells in out.cut.items() if cells})
    names = tuple(sheet.get_name() for sheet in sheets)
    notes = [plan.part.note] if plan.part else []
    if len(names) > 1:
        notes.append(
            f"{plan.held:,} rows over {len(names)} sheets of up to {room:,} rows each, "
            f"Excel's limit: {', '.join(names)}"
        )
    return WrittenSheet(
        plan.name,
        names[0],
        plan.rows,
        written,
        dict(sorted(cut.items(), key=lambda item: header.index(item[0]))),
        "; ".join(notes),
        names if len(names) > 1 else (),
        plan.part.left_out if plan.part else (),
    )


# What the dictionary sheet says of a column a SheetPart leaves out.
COLUMN_LEFT_OUT = "(Not in this workbook: the Parquet and CSV exports hold this column.)"
_DICTIONARY_HEADER = ("table", "sheet", "kind", "column", "type", "nullable", "description", "rows")


def _write_dictionary(
    conn: duckdb.DuckDBPyConnection,
    out: _Sheet,
    written: Sequence[WrittenSheet],
    kinds: dict[str, str],
    left_out: Mapping[str, str],
) -> None:
    """A row per table (its comment and row count), then a row per column; a table left out
    of the workbook (`left_out`) gets its rows too, with no sheet and its note."""
    comments = dict(
        conn.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = current_schema() "
            "UNION ALL SELECT view_name, comment FROM duckdb_views() "
            "WHERE NOT internal AND schema_name = current_schema()"
        ).fetchall()
    )
    columns: dict[str, list[tuple[str, str, bool, str | None]]] = {}
    for table, column, data_type, nullable, comment in conn.execute(
        "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE schema_name = current_schema() ORDER BY table_name, column_index"
    ).fetchall():
        columns.setdefault(table, []).append((column, data_type, nullable, comment))
    for name, why in left_out.items():
        row = conn.execute(f"SELECT count(*) FROM {_ident(name)}").fetchone()
        rows = int(row[0]) if row else 0
        written = [*written, WrittenSheet(name, "", rows, 0, note=why)]
    for table in written:
        note = comments.get(table.name) or ""
        if table.note:
            note += f" ({table.note})"
        kind = kinds.get(table.name, "table")
        sheet = table.sheet or None  # no sheet: left out of the workbook
        out.add((table.name, sheet, kind, None, None, None, note.strip(), table.rows))
        for column, data_type, nullable, comment in columns.get(table.name, []):
            shown = None if kind == "view" else ("yes" if nullable else "no")
            if cells := table.cut.get(column):
                comment = f"{comment or ''} {cut_note(cells)}".strip()
            held = sheet
            if column in table.columns_left_out:  # no sheet holds it
                comment, held = f"{comment or ''} {COLUMN_LEFT_OUT}".strip(), None
            out.add((table.name, held, kind, column, data_type, shown, comment, None))
    out.finish()


def cut_note(cells: int) -> str:
    """What the dictionary says of a column with `cells` cells cut in the workbook."""
    some = "1 cell" if cells == 1 else f"{cells:,} cells"
    return (
        f"({some} of this column cut at Excel's {EXCEL_CELL_MAX:,} characters, ending with "
        f'"{CUT_MARKER.strip()}"; the Parquet and CSV exports hold them whole.)'
    )
