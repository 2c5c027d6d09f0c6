"""The Excel workbook and the spreadsheet-safe CSV (publish.spreadsheet via export_warehouse):
read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pytest

from publish import spreadsheet
from publish.export import UTF8_BOM, WORKBOOK, export_warehouse
from publish.spreadsheet import (
    COLUMN_LEFT_OUT,
    CUT_MARKER,
    DICTIONARY_SHEET,
    SHEET_NAME_MAX,
    _Sheet,
    _StreamedSheet,
    open_workbook,
    sheet_names,
    write_workbook,
)
from tests.warehouse_fixtures import open_copy
from warehouse.benchmarks import refresh_benchmarks

HOSTILE = [
    # slug, la_name, stage, reason, url, parser_version, blocking
    (
        "evil-0125",
        '=HYPERLINK("http://x.test","click")',
        "parse",
        "@SUM(A1:A9)",
        "+44 20 7946",
        "t",
        True,
    ),
    ("dash-0125", "-3.5", "parse", "- a bullet point", "\tcmd", "t", False),
    ("fine-0125", "Plain name", "parse", "a=b is fine inside", None, "t", False),
]


def _add_hostile(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    conn.executemany("INSERT INTO parse_issue VALUES (?, ?, ?, ?, ?, ?, ?)", HOSTILE)
    refresh_benchmarks(conn)
    return conn


@pytest.fixture
def hostile(loaded: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The four test reports, benchmarks built, and parse issues whose text is formulas."""
    return _add_hostile(loaded)


@pytest.fixture(scope="module")
def exported(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`hostile` exported as xlsx, once for the module: the export directory. The reference
    tables the refresh fills (30,000 rows of neighbours and outcome measures) are emptied
    first: these tests are about cells, and openpyxl takes seconds to read those back (the
    whole mirror warehouse, with them, is tests/cli/test_cli_export_xlsx.py's)."""
    out = tmp_path_factory.mktemp("workbook")
    with open_copy(templates["loaded"], out / "cqc.duckdb") as conn:
        _add_hostile(conn)
        for table in ("council_neighbour", "outcome_measure"):
            conn.execute(f"DELETE FROM {table}")
        export_warehouse(conn, out, "xlsx")
    return out


@pytest.fixture(scope="module")
def book(exported: Path) -> openpyxl.Workbook:
    """The exported workbook read back."""
    return openpyxl.load_workbook(exported / WORKBOOK)


def test_the_workbook_writes_formulas_as_text_and_numbers_as_numbers(
    book: openpyxl.Workbook,
) -> None:
    issues = book["parse_issue"]
    header = [cell.value for cell in issues[1]]
    rows = {
        row[0].value: {h: c for h, c in zip(header, row, strict=True)}
        for row in issues.iter_rows(min_row=2)
    }
    evil = rows["evil-0125"]
    assert evil["la_name"].value == '=HYPERLINK("http://x.test","click")'
    assert evil["la_name"].data_type == "s"  # a string, not a formula
    assert (evil["reason"].value, evil["url"].value) == ("@SUM(A1:A9)", "+44 20 7946")
    assert rows["dash-0125"]["la_name"].value == "-3.5"  # text stays text
    assert rows["dash-0125"]["la_name"].data_type == "s"
    assert evil["blocking"].value is True
    regional = book["regional_benchmark"]
    header = [cell.value for cell in regional[1]]
    stoke = next(
        r
        for r in regional.iter_rows(min_row=2)
        if r[header.index("council")].value == "Stoke-on-Trent"
    )
    below = stoke[header.index("pct_vs_region_avg")]
    assert below.data_type == "n" and below.value == -5.5  # a negative number is a number


def test_the_csv_escapes_formulas_and_leaves_numbers(
    hostile: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    export_warehouse(hostile, tmp_path, "csv", excel=True)
    raw = (tmp_path / "parse_issue.csv").read_bytes()
    assert raw.startswith(UTF8_BOM) and not raw.startswith(UTF8_BOM * 2)
    with (tmp_path / "parse_issue.csv").open(newline="", encoding="utf-8-sig") as f:
        rows = {row["slug"]: row for row in csv.DictReader(f)}
    assert rows["evil-0125"]["la_name"] == '\'=HYPERLINK("http://x.test","click")'
    assert (rows["evil-0125"]["reason"], rows["evil-0125"]["url"]) == (
        "'@SUM(A1:A9)",
        "'+44 20 7946",
    )
    assert rows["dash-0125"]["la_name"] == "-3.5"  # a number in a text column: no formula
    assert (rows["dash-0125"]["reason"], rows["dash-0125"]["url"]) == (
        "'- a bullet point",
        "'\tcmd",
    )
    assert rows["fine-0125"]["reason"] == "a=b is fine inside"
    with (tmp_path / "regional_benchmark.csv").open(newline="", encoding="utf-8-sig") as f:
        stoke = next(r for r in csv.DictReader(f) if r["council"] == "Stoke-on-Trent")
    assert stoke["pct_vs_region_avg"] == "-5.5"


def test_csv_without_excel_has_no_bom(hostile: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    export_warehouse(hostile, tmp_path, "csv")
    assert (tmp_path / "league_table.csv").read_bytes().startswith(b"rank,")


def test_dates_stay_dates_and_the_sheet_is_ready_to_filter(book: openpyxl.Workbook) -> None:
    league = book["league_table"]
    header = [cell.value for cell in league[1]]
    published = league.cell(row=2, column=header.index("published_on") + 1)
    assert published.is_date and published.number_format == "yyyy-mm-dd"
    assert published.value.date() in {date(2025, 5, 16), date(2025, 6, 13), date(2024, 8, 23)}
    refreshed = book["benchmark_refresh"].cell(row=2, column=2)
    assert refreshed.is_date and isinstance(refreshed.value, datetime)
    assert league.freeze_panes == "A2"
    assert league.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}4"


def test_sheet_names_follow_excels_rules() -> None:
    names = sheet_names(["a" * 40, "a" * 40, "A" * 35, "History", "x[1]:y", "plain"])
    assert all(len(n) <= SHEET_NAME_MAX for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert names[0] == "a" * 31 and names[1] == "a" * 29 + "~2" and names[2] == "A" * 29 + "~3"
    assert names[3] == "History~2" and names[4] == "x_1__y" and names[5] == "plain"
    assert sheet_names([DICTIONARY_SHEET, DICTIONARY_SHEET]) == [
        DICTIONARY_SHEET,
        "data_dictionary~2",
    ]


def test_the_workbook_leaves_the_raw_json_out_and_says_where_it_is(
    exported: Path, book: openpyxl.Workbook
) -> None:
    versions = book["assessment_version"]
    header = [cell.value for cell in versions[1]]
    assert "report_json" not in header and header[:2] == ["assessment_id", "version_no"]
    assert versions.max_row == 1 + 4  # the four reports' versions, every row
    assert "report_json" not in [cell.value for cell in book["pdf_parse"][1]]
    rows = book[DICTIONARY_SHEET].iter_rows(min_row=2, values_only=True)
    by_key = {(row[0], row[3]): row for row in rows}
    table = by_key[("assessment_version", None)]
    assert "leaves out report_json" in table[6] and "assessment_version.parquet" in table[6]
    column = by_key[("assessment_version", "report_json")]
    assert column[1] is None and column[6].endswith(COLUMN_LEFT_OUT)  # no sheet holds it
    assert by_key[("assessment_version", "content_sha256")][1] == "assessment_version"
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    entry = next(t for t in manifest["tables"] if t["name"] == "assessment_version")
    assert entry["columns_left_out"] == ["report_json"] and "cut" not in entry
    assert "assessment_version.parquet" in entry["note"]
    doc = (exported / "data_dictionary.md").read_text(encoding="utf-8")
    scope = doc.split("## Tables the workbook holds in part", 1)[1]
    assert "| `assessment_version` | This sheet leaves out report_json" in scope
    assert "| `pdf_parse` | This sheet leaves out report_json" in scope


HEADER = ("text", "number", "other", "when")
PLUS_ONE = timezone(timedelta(hours=1))
# A row per kind of value, as DuckDB hands them over (an all-NULL row is no row to Excel).
ROWS: list[tuple[Any, ...]] = [
    ("plain", 1, 2.5, date(2025, 5, 16)),
    (" spaces at both ends ", -3, Decimal("64.50"), datetime(2025, 6, 13, 9, 30, 1)),
    (
        'a & b < c > d "quoted"',
        2**53,
        True,
        datetime(2025, 6, 13, 9, 30, tzinfo=timezone(timedelta(hours=1))),
    ),
    ("_x0041_ reads as an escape", 2**60, False, time(8, 15)),
    ("line one\r\nline two\rthree", 10**15, float("nan"), None),
    ("controls \x01\x0b\x1f and \ufffe", None, float("inf"), None),
    (None, None, None, None),
    ("x" * 40_000, -(2**53) + 1, float("-inf"), timedelta(days=2, hours=3)),
    ("\U0001f600" * 20_000, 0, [1, 2], {"k": "v"}),
    ("=SUM(A1:A9)", 7, "\u2028 a line separator", "tab\tinside"),
    (None, None, None, None),
]


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml")


def _write(path: Path, rows: Sequence[Sequence[Any]], *, streamed: bool) -> Any:
    workbook, formats = open_workbook(path)
    sheet = workbook.add_worksheet("cells")
    if streamed:
        out: Any = _StreamedSheet(sheet, formats, HEADER)
        out.add(rows)
    else:
        out = _Sheet(sheet, formats, HEADER)
        for row in rows:
            out.add(row)
    out.finish()
    workbook.close()
    return out


def test_a_streamed_sheet_is_the_xml_xlsxwriter_writes_for_the_same_cells(tmp_path: Path) -> None:
    by_api = _write(tmp_path / "api.xlsx", ROWS, streamed=False)
    streamed = _write(tmp_path / "streamed.xlsx", ROWS, streamed=True)
    xml = _sheet_xml(tmp_path / "streamed.xlsx")
    assert xml == _sheet_xml(tmp_path / "api.xlsx")
    assert b'<row r="8">' not in xml and b'<row r="9">' in xml  # the all-NULL row: none
    assert streamed.widths == by_api.widths and streamed.cut == by_api.cut
    assert +streamed.cut == {0: 2}  # the two texts past a cell's limit
    cells = list(openpyxl.load_workbook(tmp_path / "streamed.xlsx")["cells"].values)
    assert cells[1][:3] == ("plain", 1, 2.5) and cells[2][1:3] == (-3, 64.5)
    assert cells[3][0] == 'a & b < c > d "quoted"' and cells[3][2] is True
    assert b"<t>_x005F_x0041_ reads" in xml  # Excel reads it as the text (openpyxl does not)
    assert cells[5][0] == "line one\nline two\nthree"  # Excel's line break in a cell
    assert cells[6][0] == "controls \ufffd\ufffd\ufffd and \ufffd"
    assert cells[8][0].endswith(CUT_MARKER) and cells[3][3] == datetime(2025, 6, 13, 8, 30)
    assert cells[10][0] == "=SUM(A1:A9)"  # a text, never a formula


def test_a_text_that_looks_like_rich_text_markup_stays_that_text(tmp_path: Path) -> None:
    markup = "<r><t>not bold</t></r>"  # xlsxwriter itself would write this as rich text XML
    _write(tmp_path / "streamed.xlsx", [(markup, None, None, None)], streamed=True)
    sheet = openpyxl.load_workbook(tmp_path / "streamed.xlsx")["cells"]
    assert sheet.cell(row=2, column=1).value == markup


def test_a_table_past_excels_rows_a_sheet_is_split_over_numbered_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "EXCEL_MAX_ROWS", 5)  # the header and 4 rows a sheet
    conn = duckdb.connect()
    conn.execute("CREATE TABLE finding AS SELECT range AS n, 'text ' || range AS t FROM range(10)")
    conn.execute("CREATE TABLE annual_performance_assessment AS SELECT 1 AS n FROM range(5)")
    names = ["finding", "annual_performance_assessment"]
    written = write_workbook(conn, tmp_path / "book.xlsx", names, kinds={})
    book = openpyxl.load_workbook(tmp_path / "book.xlsx")
    assert book.sheetnames == [
        DICTIONARY_SHEET,
        "finding",
        "finding (2)",
        "finding (3)",
        "annual_performance_assessment",
        "annual_performance_assessme (2)",  # 31 characters, Excel's most
    ]
    held = [
        row
        for name in ("finding", "finding (2)", "finding (3)")
        for row in book[name].iter_rows(min_row=2, values_only=True)
    ]
    assert held == conn.execute("SELECT * FROM finding").fetchall()  # every row, in order
    assert all(next(book[name].values) == ("n", "t") for name in book.sheetnames[1:4])
    assert book["finding (3)"].auto_filter.ref == "A1:B3"
    finding = written[0]
    assert (finding.sheet, finding.rows, finding.rows_written) == ("finding", 10, 10)
    assert finding.sheets == ("finding", "finding (2)", "finding (3)")
    assert "10 rows over 3 sheets of up to 4 rows each" in finding.note
    notes = {row[0]: row[6] for row in book[DICTIONARY_SHEET].values if row[3] is None}
    assert "finding, finding (2), finding (3)" in notes["finding"]
