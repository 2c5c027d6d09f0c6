"""`cqc history import FILE`: the rows it loaded in one line, or every row it could not read,
one a line, exit status 1 and nothing loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.warehouse_fixtures import open_copy
from warehouse.db import WarehouseBusyError, connect

runner = CliRunner()
HEADER = (
    "Council,Year,Overall,Improved health and emotional well-being,Improved quality of life,"
    "Making a positive contribution,Increased choice and control,"
    "Freedom from discrimination and harassment,Economic well-being,"
    "Maintaining personal dignity and respect\n"
)
# Test grades, not published ones (Birmingham's 2009/10 row is the one shipped).
GOOD = HEADER + (
    "Birmingham City Council,2009/10,Performing well,Well,Well,Excellent,Well,Well,Well,Well\n"
    "Stoke-on-Trent City Council,2008-09,adequate,adequate,well,adequate,adequate,poor,"
    "adequate,well\n"
)


@pytest.fixture
def warehouse(templates: dict[str, Path], tmp_path: Path) -> Path:
    path = tmp_path / "cqc.duckdb"
    open_copy(templates["empty"], path).close()
    return path


def table(path: Path) -> list[tuple[object, ...]]:
    with connect(path, read_only=True) as conn:
        return conn.execute(
            "SELECT la_code, year, overall_grade, making_positive_contribution, "
            "freedom_from_discrimination, origin FROM annual_performance_assessment ORDER BY ALL"
        ).fetchall()


def history_import(file: Path, db: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["history", "import", str(file), "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_a_file_is_loaded_and_loading_it_again_changes_nothing(
    warehouse: Path, tmp_path: Path
) -> None:
    grades = tmp_path / "grades.csv"
    grades.write_text(GOOD, encoding="utf-8")
    code, out, err = history_import(grades, warehouse)
    assert code == 0, err
    assert out.strip() == (
        "2 rows loaded from grades.csv into annual_performance_assessment: 1 new, 1 changed, "
        "0 unchanged (2 imported rows held)"
    )  # Birmingham's shipped row replaced by the imported one (the same grades, its source)
    loaded = table(warehouse)
    assert loaded == [
        ("E06000021", "2008/09", "Performing adequately", "Performing adequately",
         "Performing poorly", "import"),
        ("E08000025", "2009/10", "Performing well", "Performing excellently",
         "Performing well", "import"),
    ]  # fmt: skip
    code, out, _ = history_import(grades, warehouse)
    assert code == 0 and "0 new, 0 changed, 2 unchanged" in out
    assert table(warehouse) == loaded


def test_every_row_it_cannot_read_is_listed_and_nothing_is_loaded(
    warehouse: Path, tmp_path: Path
) -> None:
    before = table(warehouse)
    grades = tmp_path / "grades.csv"
    grades.write_text(
        GOOD
        + "Bedfordshire County Council,2009/10,well,well,well,well,well,well,well,well\n"
        + "Durham,2009/10,well,well,well,Good,well,well,well,well\n",
        encoding="utf-8",
    )
    code, out, err = history_import(grades, warehouse)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("grades.csv: line 4: council: no council with adult social care")
    assert "'Bedfordshire County Council'" in lines[0]
    assert lines[1].startswith("grades.csv: line 5: Making a positive contribution: 'Good' is no")
    assert lines[2] == (
        "nothing imported: 2 problems in grades.csv (2 rows could be read); mend them and "
        "import again"
    )
    assert table(warehouse) == before  # the two good rows are not loaded either


def test_a_missing_file_or_one_that_is_not_utf8(warehouse: Path, tmp_path: Path) -> None:
    code, _, err = history_import(tmp_path / "none.csv", warehouse)
    assert code == 1 and "cannot read" in err and "none.csv" in err
    latin = tmp_path / "latin.csv"
    latin.write_bytes(HEADER.encode() + "Southend-on-Sea,2009/10,\xe9\n".encode("latin-1"))
    code, _, err = history_import(latin, warehouse)
    assert code == 1 and "is not UTF-8 text" in err


def test_a_db_that_is_no_warehouse_is_refused_untouched(tmp_path: Path) -> None:
    grades = tmp_path / "grades.csv"
    grades.write_text(GOOD, encoding="utf-8")
    not_a_db = tmp_path / "league.csv"
    not_a_db.write_text("council,rating\n", encoding="utf-8")
    code, _, err = history_import(grades, not_a_db)
    assert code == 1 and "is not a DuckDB database file" in err
    assert not_a_db.read_text(encoding="utf-8") == "council,rating\n"


def test_a_busy_warehouse_is_one_line(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB shares a file between connections of one process, so the lock another process
    would hold is stood in for by the error `connect` raises after waiting for it."""

    def held(path: Path, **_: object) -> None:
        raise WarehouseBusyError(path, "/usr/bin/python3 (PID 42)", 0.0)

    monkeypatch.setattr("warehouse.db.connect", held)
    grades = tmp_path / "grades.csv"
    grades.write_text(GOOD, encoding="utf-8")
    code, out, err = history_import(grades, warehouse)
    assert code == 1 and out == ""
    assert "is open for writing in /usr/bin/python3 (PID 42)" in " ".join(err.split())
