"""`cqc export --format xlsx` over the mirror's sample warehouse, read back with openpyxl."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from cli.main import app
from publish.export import WORKBOOK
from publish.spreadsheet import DICTIONARY_SHEET, WIDTH_MAX, WIDTH_MIN

runner = CliRunner()


@pytest.fixture(scope="module")
def exported(mirror_warehouse_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mirror warehouse exported as xlsx, once: the export directory."""
    out = tmp_path_factory.mktemp("xlsx")
    result = runner.invoke(
        app, ["export", "--format", "xlsx", "--out", str(out), "--db", str(mirror_warehouse_file)]
    )
    assert result.exit_code == 0, result.output
    assert f"written to {out / WORKBOOK}, a sheet each" in " ".join(result.stdout.split())
    return out


@pytest.fixture(scope="module")
def book(exported: Path) -> openpyxl.Workbook:
    """The exported workbook read back once (openpyxl takes seconds over every sheet)."""
    return openpyxl.load_workbook(exported / WORKBOOK)


def test_export_xlsx_is_one_workbook_a_sheet_per_table(
    exported: Path, book: openpyxl.Workbook
) -> None:
    out = exported
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert book.sheetnames == [DICTIONARY_SHEET, *[t["sheet"] for t in manifest["tables"]]]
    assert {t["file"] for t in manifest["tables"]} == {WORKBOOK}
    for table in manifest["tables"]:
        sheet = book[table["sheet"]]
        assert sheet.freeze_panes == "A2", table["name"]
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), table["name"]
        assert sheet.max_row == table["rows"] + 1, table["name"]
    league = book["league_table"]
    header = [cell.value for cell in league[1]]
    stoke = next(r for r in league.iter_rows(min_row=2, values_only=True) if "Stoke-on-Trent" in r)
    assert stoke[header.index("overall_score_pct")] == 64
    assert stoke[header.index("qs1_assessing_needs")] == 2
    widths = [league.column_dimensions[c.column_letter].width for c in league[1]]
    assert all(WIDTH_MIN <= w <= WIDTH_MAX + 1 for w in widths), widths
    assert league.column_dimensions["C"].width >= len("Kensington and Chelsea")


def test_the_dictionary_sheet_holds_the_comments(
    book: openpyxl.Workbook, mirror_warehouse: duckdb.DuckDBPyConnection
) -> None:
    sheet = book[DICTIONARY_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "table",
        "sheet",
        "kind",
        "column",
        "type",
        "nullable",
        "description",
        "rows",
    )
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    by_key = {(r[0], r[3]): r for r in rows[1:]}
    comment = mirror_warehouse.execute(
        "SELECT comment FROM duckdb_columns() "
        "WHERE table_name = 'league_table' AND column_name = 'overall_score_pct'"
    ).fetchone()
    pct = by_key[("league_table", "overall_score_pct")]
    assert (pct[2], pct[4], pct[6]) == (
        "benchmark table",
        "INTEGER",
        comment[0] if comment else None,
    )
    table_row = by_key[("league_table", None)]
    assert table_row[7] == 72 and table_row[6].startswith("England league table")
    assert by_key[("statement_scores", None)][2] == "view"
    assert by_key[("assessment", "people_experience")][2] == "table"
