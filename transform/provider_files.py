"""CQC's monthly provider files as rows, whatever their format, the header found by its columns.

CQC publishes its register of care locations each month as OpenDocument spreadsheets (.ods;
earlier years .xlsx and CSV): the active locations with their latest overall rating, and the
latest ratings in long form (one row per location, service or population group and key
question, about 324,000 rows). Their layout moves: the active-locations file carries a notice
above its header (row 8 in September 2026), so the header row is the first row that holds
every column a file of that kind must have, never a fixed row. The format is told by the bytes
(an ODF or OOXML zip, or text), not by the file's name. python-calamine (Rust) reads the
.xlsx files; an .ods is read as a stream by `transform.ods_rows` (calamine holds a whole .ods
in memory: 1.4 GB for the ratings file). A file that is none of these, or that lacks a
column, is one ProviderFileError naming the file and what is missing.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, cast

from python_calamine import CalamineWorkbook

from transform.ods_rows import OdsCell, OdsError, ods_rows_supported, ods_sheets

Cell = int | float | str | bool | date | datetime | time | timedelta | None
FileFormat = Literal["ods", "xlsx", "csv"]

# How far down a sheet the header may sit (CQC's notice above it is a handful of rows).
HEADER_SEARCH_ROWS = 50
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class ProviderFileError(ValueError):
    """A provider file that cannot be read as its kind: the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source


@dataclass(frozen=True)
class FileKind:
    """A kind of provider file: the columns every file of the kind must have."""

    name: str
    required: tuple[str, ...]


ACTIVE_LOCATIONS = FileKind(
    "active locations",
    (
        "Location ID",
        "Care home?",
        "Care homes beds",
        "Location Type/Sector",
        "Location Local Authority",
        "Location Region",
        "Location Latest Overall Rating",
        "Publication Date",
        "Dormant (Y/N)",
        "Provider ID",
        "Provider Name",
    ),
)
LATEST_RATINGS = FileKind(
    "latest ratings",
    (
        "Location ID",
        "Location Name",
        "Care Home?",
        "Location Type",
        "Location Local Authority",
        "Location Region",
        "Service / Population Group",
        "Domain",
        "Latest Rating",
        "Publication Date",
        "Inherited Rating (Y/N)",
        "Provider ID",
        "Provider Name",
    ),
)


# CQC's register of locations no longer active: it may carry every active-locations column
# too, so it is told apart by its own (checked before the others, and never loaded).
DEACTIVATED_LOCATIONS = FileKind(
    "deactivated locations", ("Location ID", "Location HSCA End Date", "Location Local Authority")
)


@dataclass(frozen=True)
class ProviderTable:
    """One sheet of a provider file from its header on: `rows` yields each row as a dict
    keyed by the file's own column names, the required ones under the names `kind` gives
    them (whatever case or spacing the file used)."""

    source: str
    file_format: FileFormat
    sheet: str
    header_row: int  # 1-based, as a spreadsheet shows it
    columns: list[str]
    rows: Iterator[dict[str, Cell]]


def column_key(name: object) -> str:
    """A column name as compared: case, spacing and line breaks inside it ignored."""
    return re.sub(r"\s+", " ", str(name or "")).strip().casefold()


def file_format(data: bytes, source: str) -> FileFormat:
    """What the bytes are: an OpenDocument or an OOXML spreadsheet, or text (CSV)."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile as exc:
            raise ProviderFileError(source, f"a damaged zip archive ({exc})") from exc
        raise ProviderFileError(source, "a zip archive that is no .ods or .xlsx spreadsheet")
    if b"\x00" in data[:4096]:
        raise ProviderFileError(source, "neither a spreadsheet nor text")
    return "csv"


def read_provider_file(
    data: bytes, source: str, kind: FileKind, *, sheet: str | None = None
) -> ProviderTable:
    """The first sheet (or `sheet`) of `data` that has a header row with every column `kind`
    requires, from that row on."""
    return identify_provider_file(data, source, (kind,), sheet=sheet)[1]


def identify_provider_file(
    data: bytes, source: str, kinds: Sequence[FileKind], *, sheet: str | None = None
) -> tuple[FileKind, ProviderTable]:
    """Which of `kinds` the file is, by the first header row (of any sheet, or of `sheet`)
    holding every column of one of them, and its table from that row on. ProviderFileError
    naming the closest row and the columns it lacks when there is none."""
    fmt = file_format(data, source)
    sheets: Iterable[tuple[str, Iterator[list[Cell]]]]
    if fmt == "csv":
        sheets = _csv_sheets(data, source)
    elif fmt == "ods" and _streamable(data, source):
        sheets = _ods_stream_sheets(data, source)
    else:
        sheets = _spreadsheet_sheets(data, source)
    if sheet is not None:
        sheets = (item for item in sheets if item[0] == sheet)
    seen_sheet = False
    wanted = [(kind, {column_key(c): c for c in kind.required}) for kind in kinds]
    # (columns found, kind, sheet, row, missing) of the row closest to a header
    best: tuple[int, FileKind, str, int, list[str]] = (-1, kinds[0], "", 0, [])
    for name, rows in sheets:
        seen_sheet = True
        for number, row in enumerate(rows, start=1):
            if number > HEADER_SEARCH_ROWS:
                break
            keys = [column_key(cell) for cell in row]
            present = set(keys)
            for kind, columns in wanted:
                missing = [column for key, column in columns.items() if key not in present]
                if not missing:
                    names = [
                        columns.get(key, str(cell or ""))
                        for key, cell in zip(keys, row, strict=True)
                    ]
                    return kind, ProviderTable(
                        source, fmt, name, number, names, _records(names, rows)
                    )
                found = len(columns) - len(missing)
                if found > best[0]:
                    best = (found, kind, name, number, missing)
    if sheet is not None and not seen_sheet:
        raise ProviderFileError(source, f"no sheet named {sheet!r}")
    found, kind, name, number, missing = best
    what = " or ".join(f"{_article(k.name)} {k.name} file" for k in kinds)
    if found <= 0:
        raise ProviderFileError(
            source,
            f"no header row with the columns of {what} in the first {HEADER_SEARCH_ROWS} rows "
            f"of any sheet (none of its columns was found)",
        )
    raise ProviderFileError(
        source,
        f"no header row with the columns of {what} in the first {HEADER_SEARCH_ROWS} rows of "
        f"any sheet; the closest is row {number} of sheet {name!r}, which lacks the "
        f"{kind.name} column{'s' if len(missing) > 1 else ''} "
        + ", ".join(repr(column) for column in missing),
    )


def _article(noun: str) -> str:
    return "an" if noun[:1].casefold() in "aeiou" else "a"


def _records(columns: Sequence[str], rows: Iterator[Sequence[Cell]]) -> Iterator[dict[str, Cell]]:
    """The rows after the header as dicts; an empty cell is None, a blank row is skipped."""
    width = len(columns)
    for row in rows:
        cells = [None if cell == "" else cell for cell in row[:width]]
        if all(cell is None for cell in cells):
            continue
        cells += [None] * (width - len(cells))
        yield dict(zip(columns, cells, strict=True))


def _streamable(data: bytes, source: str) -> bool:
    try:
        return ods_rows_supported(data)
    except OdsError as exc:
        raise ProviderFileError(source, f"the spreadsheet cannot be read ({exc})") from exc


def _ods_stream_sheets(data: bytes, source: str) -> Iterator[tuple[str, Iterator[list[Cell]]]]:
    """An .ods read as a stream (`transform.ods_rows`): a ratings-sized file in tens of MB,
    where calamine holds 1.4 GB; a damage met midway is a ProviderFileError then."""
    try:
        for name, rows in ods_sheets(data):
            yield name, _ods_rows(rows, source)
    except OdsError as exc:
        raise ProviderFileError(source, f"the spreadsheet cannot be read ({exc})") from exc


def _ods_rows(rows: Iterator[list[OdsCell]], source: str) -> Iterator[list[Cell]]:
    try:
        for row in rows:
            yield cast("list[Cell]", row)  # an OdsCell is a Cell
    except OdsError as exc:
        raise ProviderFileError(source, f"the spreadsheet cannot be read ({exc})") from exc


def _spreadsheet_sheets(data: bytes, source: str) -> list[tuple[str, Iterator[list[Cell]]]]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [
            (name, _cells(book.get_sheet_by_name(name).iter_rows())) for name in book.sheet_names
        ]
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise ProviderFileError(source, f"the spreadsheet cannot be read ({exc})") from exc


def _cells(rows: Iterator[Sequence[Cell]]) -> Iterator[list[Cell]]:
    """calamine's rows as our cells (an empty cell stays "" here; `_records` makes it None)."""
    for row in rows:
        yield list(row)


def _csv_sheets(data: bytes, source: str) -> list[tuple[str, Iterator[list[Cell]]]]:
    """A CSV file as one sheet. UTF-8 (a byte-order mark allowed), else Windows-1252, the
    encoding spreadsheets saved as CSV in England most often have."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    rows: Iterator[list[Cell]] = (list(row) for row in csv.reader(io.StringIO(text, newline="")))
    return [("csv", rows)]
