"""The Excel workbook and the spreadsheet-safe CSV (publish.spreadsheet via export_warehouse):
read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest

from publish.export import UTF8_BOM, WORKBOOK, export_warehouse
from publish.spreadsheet import DICTIONARY_SHEET, SHEET_NAME_MAX, sheet_names
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
def book(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    """`hostile` exported as xlsx and read back, once for the module. The reference tables
    the refresh fills (30,000 rows of neighbours and outcome measures) are emptied first:
    these tests are about cells, and openpyxl takes seconds to read those back (the whole
    mirror warehouse, with them, is tests/cli/test_cli_export_xlsx.py's)."""
    out = tmp_path_factory.mktemp("workbook")
    with open_copy(templates["loaded"], out / "cqc.duckdb") as conn:
        _add_hostile(conn)
        for table in ("council_neighbour", "outcome_measure"):
            conn.execute(f"DELETE FROM {table}")
        export_warehouse(conn, out, "xlsx")
    return openpyxl.load_workbook(out / WORKBOOK)


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
