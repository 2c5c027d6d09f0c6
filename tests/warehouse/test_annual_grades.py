"""`annual_performance_assessment`: the shipped Birmingham 2009/10 row, reloaded at every
refresh without touching a user's imported rows; an import stored in one transaction, and
idempotent."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from transform.annual_grades import GRADES, OUTCOME_COLUMNS, AnnualGrades, read_annual_grades
from warehouse.annual_grades import COLUMNS, GradesSaved, imported_count, save_annual_grades
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import SQL_DIR
from warehouse.reference_data import ANNUAL_GRADES_CSV

BIRMINGHAM, STOKE = "E08000025", "E06000021"
POOR, ADEQUATE, WELL, EXCELLENT = GRADES
# Test values (the one published row is Birmingham 2009/10, shipped).
STOKE_0809 = AnnualGrades(
    STOKE, "Stoke-on-Trent City Council", "2008/09", ADEQUATE, (ADEQUATE,) * 6 + (None,),
    "grades.csv", "imported from grades.csv by `cqc history import`", 2,
)  # fmt: skip
BIRMINGHAM_0910 = AnnualGrades(
    BIRMINGHAM, "Birmingham", "2009/10", WELL, (POOR,) * 7,
    "grades.csv", "imported from grades.csv by `cqc history import`", 3,
)  # fmt: skip


def rows(conn: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM annual_performance_assessment ORDER BY la_code, year"
    ).fetchall()


def test_the_shipped_row_is_birmingham_2009_10_as_the_council_news_gave_it(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    [row] = conn.execute(
        "SELECT la_code, la_name_published, year, overall_grade, "
        f"{', '.join(OUTCOME_COLUMNS)}, origin, source, provenance "
        "FROM annual_performance_assessment"
    ).fetchall()
    outcomes = dict(zip(OUTCOME_COLUMNS, row[4:11], strict=True))
    assert row[:4] == (BIRMINGHAM, "Birmingham City Council", "2009/10", WELL)
    assert outcomes.pop("making_positive_contribution") == EXCELLENT
    assert set(outcomes.values()) == {WELL} and len(outcomes) == 6
    assert row[11] == "reference" and "25 November 2010" in row[12]
    assert 'six "performing well"' in row[13] and "all seven are determined" in row[13]


def test_the_shipped_file_reads_cleanly_through_the_users_reader(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    reading = read_annual_grades(ANNUAL_GRADES_CSV.read_text(encoding="utf-8"), "shipped")
    assert reading.problems == []
    [record] = reading.records
    [stored] = rows(conn)
    assert (record.la_code, record.la_name_published, record.year, record.overall_grade) == (
        stored[:4]
    )
    assert record.outcome_grades == stored[4:11] and record.source == stored[11]


def test_the_tables_checks_allow_the_readers_grades_and_no_other(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    script = (SQL_DIR / "annual_grades.sql").read_text(encoding="utf-8")
    allowed = "(\n        " + ", ".join(f"'{grade}'" for grade in GRADES) + "\n    )"
    assert script.count(allowed) == 1 + len(OUTCOME_COLUMNS)
    for column in ("overall_grade", "economic_wellbeing"):
        with pytest.raises(duckdb.ConstraintException):
            conn.execute(
                f"UPDATE annual_performance_assessment SET {column} = 'Good'"
            )  # a star-rating word, not a grade
    with pytest.raises(duckdb.ConstraintException):
        conn.execute("UPDATE annual_performance_assessment SET year = '2009-10'")


def test_an_import_is_stored_and_importing_it_again_changes_nothing(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    shipped = rows(conn)
    assert save_annual_grades(conn, [STOKE_0809]) == GradesSaved(added=1, changed=0, unchanged=0)
    after = rows(conn)
    assert after == [
        (
            STOKE, "Stoke-on-Trent City Council", "2008/09", ADEQUATE, *(ADEQUATE,) * 6, None,
            "grades.csv", "imported from grades.csv by `cqc history import`", "import",
        ),
        *shipped,
    ]  # fmt: skip
    assert save_annual_grades(conn, [STOKE_0809]) == GradesSaved(added=0, changed=0, unchanged=1)
    assert rows(conn) == after and imported_count(conn) == 1


def test_an_imported_row_replaces_its_council_and_year_and_survives_refreshes(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    saved = save_annual_grades(conn, [STOKE_0809, BIRMINGHAM_0910])
    assert saved == GradesSaved(added=1, changed=1, unchanged=0)  # Birmingham's shipped row
    imported = rows(conn)
    refresh_benchmarks(conn)  # reloads the shipped rows: the imported Birmingham row wins
    assert rows(conn) == imported
    assert {row[-1] for row in imported} == {"import"}
    assert rows(conn)[1][:2] == (BIRMINGHAM, "Birmingham") and rows(conn)[1][4:11] == (POOR,) * 7


def test_without_an_import_for_it_the_shipped_row_comes_back_at_a_refresh(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    save_annual_grades(conn, [STOKE_0809])
    conn.execute("DELETE FROM annual_performance_assessment WHERE origin = 'reference'")
    refresh_benchmarks(conn)
    assert [(row[0], row[2], row[-1]) for row in rows(conn)] == [
        (STOKE, "2008/09", "import"),
        (BIRMINGHAM, "2009/10", "reference"),
    ]


def test_an_import_that_fails_part_way_writes_nothing(conn: duckdb.DuckDBPyConnection) -> None:
    before = rows(conn)
    bad = replace(BIRMINGHAM_0910, overall_grade="Good")  # past the reader: the CHECK stops it
    with pytest.raises(duckdb.ConstraintException):
        save_annual_grades(conn, [STOKE_0809, bad])
    assert rows(conn) == before
