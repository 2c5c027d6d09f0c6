"""The streaming .ods reader (`transform.ods_rows`) against python-calamine, cell for cell:
on the mirror's generated files, on the tests' LibreOffice-shaped writer, and on markup
written the way LibreOffice writes what our own writers never do (styles, spans, runs of
spaces, entities, notes, merged and repeated cells, padding rows, several sheets), with the
stream cut at every few bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from mirror.provider_files import PROVIDER_FILES, PROVIDER_MONTHS, TEST_SCALE, provider_file_bytes
from tests.transform.test_provider_files import ods_bytes
from transform import ods_rows
from transform.ods_rows import OdsError, ods_rows_supported, ods_sheets
from transform.provider_files import LATEST_RATINGS, ProviderFileError, read_provider_file

# As LibreOffice writes a sheet: styles on everything, calcext value types, a header row
# group, runs of spaces, spans, entities, a note, a merged cell, repeated cells and rows, a
# million padding rows and a thousand padding columns, and a second sheet.
LIBREOFFICE_CONTENT = (
    Path(__file__).parents[1] / "fixtures" / "ods" / "libreoffice_content.xml"
).read_text(encoding="utf-8")


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def package(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as ods:
        ods.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        ods.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        ods.writestr("content.xml", content.encode(), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def plain(cell: object) -> object:
    """A cell as both readers should agree on it (calamine gives whole numbers as int)."""
    if isinstance(cell, bool | date | datetime | str):
        return cell
    if isinstance(cell, int | float):
        return float(cell)
    return cell


def calamine_sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {
        name: trimmed(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        for name in book.sheet_names
    }


def stream_sheets(data: bytes) -> dict[str, list[list[object]]]:
    return {name: trimmed(list(rows)) for name, rows in ods_sheets(data)}


def trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Rows with trailing empty cells, and trailing empty rows, dropped; cells made plain."""
    out = []
    for row in rows:
        cells = [plain(cell) for cell in row]
        while cells and cells[-1] == "":
            cells.pop()
        out.append(cells)
    while out and not out[-1]:
        out.pop()
    return out


MIRROR_FILES = [
    pytest.param(month, name, id=f"{month.label}-{name}")
    for month in PROVIDER_MONTHS
    for name in PROVIDER_FILES
]


@pytest.mark.parametrize(("month", "name"), MIRROR_FILES)
def test_the_mirrors_files_read_as_calamine_reads_them(month: object, name: str) -> None:
    data = provider_file_bytes(month, name, TEST_SCALE)  # type: ignore[arg-type]
    assert ods_rows_supported(data)
    assert stream_sheets(data) == calamine_sheets(data)


def test_libreoffice_markup_reads_as_calamine_reads_it() -> None:
    data = package(LIBREOFFICE_CONTENT)
    ours, theirs = stream_sheets(data), calamine_sheets(data)
    # calamine drops a <text:tab/> and a <text:line-break/>; LibreOffice shows both
    assert theirs["Locations"][1][1] == "Smith   & Jones Care <Home>\nSecondlinethird"
    theirs["Locations"][1][1] = "Smith   & Jones Care <Home>\nSecond\tline\nthird"
    assert ours == theirs
    locations = ours["Locations"]
    assert locations[1] == [
        "1-101",
        "Smith   & Jones Care <Home>\nSecond\tline\nthird",
        42.0,
        date(2025, 3, 12),
        False,
        0.375,
    ]
    assert locations[2][:3] == ["1-102", "Ünïcödé — Café ✓ \U0001d518", ""]  # the note is no data
    assert locations[3] == locations[4] == ["1-103", "twice", "twice", "", -0.0015]
    assert locations[8] == ["1-104", "", 0.0]
    assert list(ours) == ["Notes & caveats", "Locations"]


@pytest.mark.parametrize("block", [1, 7, 64, 4096])
def test_a_stream_cut_anywhere_reads_the_same(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = package(LIBREOFFICE_CONTENT)
    whole = stream_sheets(data)
    monkeypatch.setattr(ods_rows, "BLOCK_BYTES", block)
    assert stream_sheets(data) == whole


def test_the_test_writers_file_reads_as_calamine_reads_it() -> None:
    data = ods_bytes([["a", 1, None, "x & y"], [], ["b", 2.5, "c"]])
    assert stream_sheets(data) == calamine_sheets(data)


def test_a_sheet_left_half_read_does_not_spill_into_the_next() -> None:
    sheets = ods_sheets(package(LIBREOFFICE_CONTENT))
    name, rows = next(sheets)
    assert (name, next(rows)) == ("Notes & caveats", ["Issues with our care directory files"])
    name, rows = next(sheets)
    assert (name, next(rows)[0]) == ("Locations", "Location ID")


def test_a_truncated_file_is_one_provider_file_error() -> None:
    data = provider_file_bytes(PROVIDER_MONTHS[0], "Latest_ratings", TEST_SCALE)
    with pytest.raises((ProviderFileError, OdsError)):
        table = read_provider_file(data[: len(data) // 2], "ratings.ods", LATEST_RATINGS)
        sum(1 for _ in table.rows)


def test_a_file_with_other_namespace_prefixes_is_left_to_calamine() -> None:
    other = LIBREOFFICE_CONTENT.replace("xmlns:table=", "xmlns:tbl=").replace(
        "xmlns:tbl=", 'xmlns:table="urn:example:not-odf" xmlns:tbl=', 1
    )
    assert not ods_rows_supported(package(other))
