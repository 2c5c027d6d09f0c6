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
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import xlsxwriter
from xlsxwriter.format import Format
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
    sheet: str
    rows: int  # rows in the table
    rows_written: int  # fewer only past Excel's row limit
    # column -> cells cut at EXCEL_CELL_MAX (only columns with a cut cell)
    cut: Mapping[str, int] = field(default_factory=dict)
    note: str = ""  # why the sheet holds part of the table (SheetPart.note), or ""


@dataclass(frozen=True)
class SheetPart:
    """A table the workbook holds only in part, by choice and never by a silent cut: the
    rows it holds (`select`, a query of the table) and the note the data dictionary sheet
    gives beside the table, saying what is left out and where to find it."""

    select: str
    note: str


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


class _Sheet:
    """One worksheet written row by row (constant memory), its column widths measured."""

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
        sheet, row = self.sheet, self.row
        if value is None:
            return 0
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value)
            return 5
        if isinstance(value, int) and abs(value) < _LARGEST_EXACT_INT:
            sheet.write_number(row, col, value)
            return len(str(value))
        if isinstance(value, float | Decimal):
            sheet.write_number(row, col, float(value))
            return min(len(str(value)), 12)
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
            sheet.write_datetime(row, col, value, self.formats["datetime"])
            return 19
        if isinstance(value, date):
            sheet.write_datetime(row, col, value, self.formats["date"])
            return 10
        if isinstance(value, time):
            sheet.write_datetime(row, col, value, self.formats["time"])
            return 8
        if isinstance(value, str):
            text = value
        elif isinstance(value, timedelta | int):  # an int too large for a double: exact text
            text = str(value)
        else:  # lists, maps, JSON: readable text
            text = json.dumps(value, ensure_ascii=False, default=str)
        text, was_cut = cell_text(text)
        self.cut[col] += was_cut
        sheet.write_string(row, col, text)  # never a formula, number or link
        return max((len(line) for line in text.splitlines()), default=0)

    def finish(self) -> None:
        """Freeze the header, filter every column, size the columns to what they hold."""
        columns = len(self.widths)
        if not columns:
            return
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(self.row, 1), columns - 1)
        for col, width in enumerate(self.widths):
            # +2 for the filter button beside the header
            self.sheet.set_column(col, col, min(max(width + 2, WIDTH_MIN), WIDTH_MAX))


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
    description, from the warehouse's COMMENTs), then a sheet per table or view in `names`.
    `kinds` says what each name is ("benchmark table", "view", "table"); `parts` the tables
    held in part (their sheet holds the part's rows); `left_out` tables given no sheet, each
    with the note the dictionary sheet gives it (its columns are still described)."""
    parts = parts or {}
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
    sheets = sheet_names([DICTIONARY_SHEET, *names])
    dictionary_sheet = workbook.add_worksheet(sheets[0])
    written: list[WrittenSheet] = []
    for name, sheet_name in zip(names, sheets[1:], strict=True):
        sheet = workbook.add_worksheet(sheet_name)
        written.append(_write_table(conn, sheet, formats, name, parts.get(name)))
    _write_dictionary(
        conn, _Sheet(dictionary_sheet, formats, _DICTIONARY_HEADER), written, kinds, left_out or {}
    )
    dictionary_sheet.activate()
    workbook.close()
    return written


def _write_table(
    conn: duckdb.DuckDBPyConnection,
    sheet: Worksheet,
    formats: dict[str, Format],
    name: str,
    part: SheetPart | None = None,
) -> WrittenSheet:
    row = conn.execute(f"SELECT count(*) FROM {_ident(name)}").fetchone()
    total = int(row[0]) if row else 0
    cursor = conn.execute(part.select if part else f"SELECT * FROM {_ident(name)}")
    header = [d[0] for d in cursor.description or []]
    out = _Sheet(sheet, formats, header)
    room = EXCEL_MAX_ROWS - 1
    while out.row < room and (batch := cursor.fetchmany(min(_FETCH, room - out.row))):
        for values in batch:
            out.add(values)
    out.finish()
    cut = {header[col]: cells for col, cells in sorted(out.cut.items()) if cells}
    return WrittenSheet(name, sheet.get_name(), total, out.row, cut, part.note if part else "")


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
        elif table.rows_written < table.rows:
            note += (
                f" (The sheet holds the first {table.rows_written:,} of {table.rows:,} rows, "
                "Excel's limit; the Parquet and CSV exports hold them all.)"
            )
        kind = kinds.get(table.name, "table")
        sheet = table.sheet or None  # no sheet: left out of the workbook
        out.add((table.name, sheet, kind, None, None, None, note.strip(), table.rows))
        for column, data_type, nullable, comment in columns.get(table.name, []):
            shown = None if kind == "view" else ("yes" if nullable else "no")
            if cells := table.cut.get(column):
                comment = f"{comment or ''} {cut_note(cells)}".strip()
            out.add((table.name, sheet, kind, column, data_type, shown, comment, None))
    out.finish()


def cut_note(cells: int) -> str:
    """What the dictionary says of a column with `cells` cells cut in the workbook."""
    some = "1 cell" if cells == 1 else f"{cells:,} cells"
    return (
        f"({some} of this column cut at Excel's {EXCEL_CELL_MAX:,} characters, ending with "
        f'"{CUT_MARKER.strip()}"; the Parquet and CSV exports hold them whole.)'
    )
