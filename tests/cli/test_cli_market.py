"""`cqc compare` and `cqc outcomes` with the care market loaded, and without it (one line,
never an error), on the small market of tests/care_market_data.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.care_market_data import assessed_only, market_warehouse

runner = CliRunner()
NO_MARKET = "No care market data loaded"


@pytest.fixture(scope="module")
def market(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return market_warehouse(templates["loaded"], tmp_path_factory.mktemp("m") / "cqc.duckdb")


def test_compare_prints_the_market_rows(market: Path) -> None:
    result = runner.invoke(
        app, ["compare", "Stoke on Trent", "Staffordshire", "--db", str(market), "--format", "csv"]
    )
    assert result.exit_code == 0, result.stderr
    table = {row[0]: row[1:] for row in csv.reader(io.StringIO(result.stdout))}
    assert table["Rating"] == ["Good", "Good"]
    assert table["Care market month"] == ["September 2026", "September 2026"]
    assert table["Locations Good/Outstanding"] == [
        "50.0% (region 57.1%, England 60.0%)",
        "66.7% (region 57.1%, England 60.0%)",
    ]
    assert table["Locations G/O, 12-month change"] == ["+16.7 pp", "-33.3 pp"]
    assert NO_MARKET not in result.stdout + result.stderr


def test_compare_without_a_market_says_so_in_one_line(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    db = str(assessed_only(templates["loaded"], tmp_path / "a.duckdb"))
    result = runner.invoke(app, ["compare", "Stoke on Trent", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if NO_MARKET in line] == [
        "No care market data loaded (`cqc providers ingest` loads CQC's care locations)."
    ]
    # csv stays data alone: the line goes to stderr
    result = runner.invoke(app, ["compare", "Stoke on Trent", "--db", db, "--format", "csv"])
    assert result.exit_code == 0 and NO_MARKET not in result.stdout
    assert NO_MARKET in result.stderr
    assert "Care market month" not in result.stdout


def test_outcomes_lists_the_market_measures(market: Path) -> None:
    result = runner.invoke(app, ["outcomes", "--db", str(market), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert (rows["MKT1"]["year"], rows["MKT1"]["n"], rows["MKT1"]["overall_pct"]) == (
        "2026-09", 3, 0.87,
    )  # fmt: skip
    assert (rows["MKT2"]["overall_pct"], rows["MKT3"]["overall_pct"]) == (0.5, -0.87)
    assert (rows["MKT4"]["n"], rows["MKT4"]["overall_pct"]) == (2, -1.0)
    assert NO_MARKET not in result.stderr


def test_outcomes_without_a_market_says_so(templates: dict[str, Path], tmp_path: Path) -> None:
    db = str(assessed_only(templates["loaded"], tmp_path / "a.duckdb"))
    result = runner.invoke(app, ["outcomes", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "MKT1" not in result.stdout
    assert "No care market data loaded: the MKT measures come with" in result.stdout
