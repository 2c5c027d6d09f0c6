"""CQC's provider files read whatever their format, the header found by its columns
(`transform.provider_files`), on files written here by real writers: xlsxwriter, an ODF
package as LibreOffice lays it out, and CSV."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import xlsxwriter

from transform.councils import match_council
from transform.provider_files import (
    ACTIVE_LOCATIONS,
    LATEST_RATINGS,
    ProviderFileError,
    file_format,
    read_provider_file,
)

NOTICE = [
    ["Issues with our care directory files"],
    ["Adult social care locations that provide more than one type of service show Not Rated."],
    [],
    ["Data as at 1 September 2026"],
    [],
    [],
    [],
]
ACTIVE_HEADER = [
    "Location ID", "Location Name", "Care home?", "Care homes beds", "Location Type/Sector",
    "Location Local Authority", "Location Region", "Location Latest Overall Rating",
    "Publication Date", "Dormant (Y/N)", "Provider ID", "Provider Name", "Brand ID",
    "Service type - Domiciliary care service",
]  # fmt: skip
ACTIVE_ROWS = [
    ["1-101", "Trentside House", "Y", 42, "Social Care Org", "Stoke-on-Trent", "West Midlands",
     "Good", "12/03/2025", "N", "1-9", "Trentside Care Ltd", "-", "N"],
    ["1-102", "Moorlands Home Care", "N", None, "Social Care Org", "Staffordshire",
     "West Midlands", "Requires improvement", "01/07/2024", "N", "1-8", "Moorlands Ltd", "-", "Y"],
]  # fmt: skip


def xlsx_bytes(rows: list[list[object]], sheet: str = "HSCA Active Locations") -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    page = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                page.write(r, c, value)
    book.close()
    return out.getvalue()


def ods_bytes(rows: list[list[object]], sheet: str = "Locations") -> bytes:
    """An OpenDocument spreadsheet as LibreOffice packs one: the mimetype first and stored."""
    cells = []
    for row in rows:
        parts = []
        for value in row:
            if value is None:
                parts.append("<table:table-cell/>")
            elif isinstance(value, int | float):
                parts.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>"
                )
            else:
                parts.append(
                    f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                    "</text:p></table:table-cell>"
                )
        cells.append(f"<table:table-row>{''.join(parts)}</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        f"{''.join(cells)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        package.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize("make", [xlsx_bytes, ods_bytes], ids=["xlsx", "ods"])
def test_the_active_locations_header_is_found_below_the_notice(
    make: Callable[[list[list[object]]], bytes],
) -> None:
    data = make([*NOTICE, ACTIVE_HEADER, ACTIVE_ROWS[0], [], ACTIVE_ROWS[1]])
    table = read_provider_file(data, "01_September_2026_HSCA_Active_Locations", ACTIVE_LOCATIONS)
    assert table.header_row == 8
    assert table.columns == ACTIVE_HEADER
    rows = list(table.rows)  # the blank row between them is skipped
    assert [
        (r["Location ID"], r["Location Local Authority"], r["Care homes beds"]) for r in rows
    ] == [
        ("1-101", "Stoke-on-Trent", 42),
        ("1-102", "Staffordshire", None),
    ]
    assert rows[1]["Location Latest Overall Rating"] == "Requires improvement"
    assert rows[1]["Service type - Domiciliary care service"] == "Y"


def test_the_format_is_told_by_the_bytes_not_the_name() -> None:
    assert file_format(ods_bytes([["x"]]), "a.xlsx") == "ods"
    assert file_format(xlsx_bytes([["x"]]), "a.ods") == "xlsx"
    assert file_format(b"Location ID,Location Name\n", "a.ods") == "csv"
    with pytest.raises(
        ProviderFileError, match=r"a\.zip: a zip archive that is no \.ods or \.xlsx"
    ):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            package.writestr("readme.txt", "hello")
        file_format(out.getvalue(), "a.zip")
    with pytest.raises(ProviderFileError, match="neither a spreadsheet nor text"):
        file_format(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png")


def test_a_csv_in_windows_1252_with_the_columns_in_another_case_and_spacing() -> None:
    header = ",".join(f'"{c.upper()}"' if "/" in c else f'" {c} "' for c in LATEST_RATINGS.required)
    row = ",".join(
        ["1-101", "Trentside House", "Y", "Social Care Org", "Stoke-on-Trent", "West Midlands",
         "Overall", "Safe", "Good", "12/03/2025", "N", "1-9", "Trentside Care £ Ltd"]
    )  # fmt: skip
    table = read_provider_file(
        f"{header}\r\n{row}\r\n".encode("cp1252"), "ratings.csv", LATEST_RATINGS
    )
    assert table.header_row == 1 and table.file_format == "csv"
    [record] = list(table.rows)
    assert record["Service / Population Group"] == "Overall"  # the required name, as given
    assert record["Latest Rating"] == "Good"
    assert record["Provider Name"] == "Trentside Care £ Ltd"


def test_a_missing_column_is_one_error_naming_it_and_the_closest_row() -> None:
    header = [c for c in ACTIVE_HEADER if c != "Dormant (Y/N)"]
    data = xlsx_bytes([*NOTICE, header, ACTIVE_ROWS[0]])
    with pytest.raises(ProviderFileError) as error:
        read_provider_file(data, "active.xlsx", ACTIVE_LOCATIONS)
    assert str(error.value) == (
        "active.xlsx: no header row with the columns of an active locations file in the first "
        "50 rows of any sheet; the closest is row 8 of sheet 'HSCA Active Locations', which "
        "lacks the active locations column 'Dormant (Y/N)'"
    )


def test_a_damaged_spreadsheet_is_one_error() -> None:
    data = xlsx_bytes([ACTIVE_HEADER])
    broken = data[: len(data) // 2]  # cut short: no central directory
    with pytest.raises(ProviderFileError, match=r"^active\.xlsx: "):
        read_provider_file(broken, "active.xlsx", ACTIVE_LOCATIONS)


@pytest.mark.parametrize(
    ("cqc_name", "la_code"),
    [
        ("Stoke-on-Trent", "E06000021"),
        ("Staffordshire", "E10000028"),
        ("County Durham", "E06000047"),
        ("Bristol, City of", "E06000023"),
        ("Kingston upon Hull, City of", "E06000010"),
        ("Herefordshire, County of", "E06000019"),
        ("Isles of Scilly", "E06000053"),
    ],
)
def test_cqc_short_council_names_map_to_the_153(cqc_name: str, la_code: str) -> None:
    assert match_council(cqc_name).la_code == la_code


def test_a_reader_of_this_module_needs_no_file_on_disk(tmp_path: Path) -> None:
    """Bytes in, rows out: the archive hands the parser bytes, as for every page."""
    data = ods_bytes([ACTIVE_HEADER, ACTIVE_ROWS[0]])
    assert not any(tmp_path.iterdir())
    assert next(read_provider_file(data, "x.ods", ACTIVE_LOCATIONS).rows)["Location ID"] == "1-101"
