"""Storing the annual performance assessment grades (2008-10) a user imports.

The table, `annual_performance_assessment` (sql/annual_grades.sql), holds two kinds of row:
the ones the project ships (origin 'reference', reloaded at every refresh by
`warehouse.reference_data`) and the ones `cqc history import` writes here (origin 'import'),
which no refresh touches. A row imported for a council and year replaces whatever row held
them; rows of other councils and years are kept. Importing the same rows again writes
nothing, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from transform.annual_grades import OUTCOME_COLUMNS, AnnualGrades
from warehouse.load import insert_rows, transaction

TABLE = "annual_performance_assessment"
COLUMNS: tuple[str, ...] = (
    "la_code",
    "la_name_published",
    "year",
    "overall_grade",
    *OUTCOME_COLUMNS,
    "source",
    "provenance",
    "origin",
)
IMPORT = "import"


@dataclass(frozen=True)
class GradesSaved:
    """What an import did, row by row: new (council, year), replaced with other values, or
    already held exactly so."""

    added: int
    changed: int
    unchanged: int


def _row(record: AnnualGrades) -> tuple[str | None, ...]:
    return (
        record.la_code,
        record.la_name_published,
        record.year,
        record.overall_grade,
        *record.outcome_grades,
        record.source,
        record.provenance,
        IMPORT,
    )


def save_annual_grades(
    conn: duckdb.DuckDBPyConnection, records: Sequence[AnnualGrades]
) -> GradesSaved:
    """Store `records` as imported rows (one transaction): each replaces the row its council
    and year had, if it differs; an identical row is left as it is."""
    rows = [_row(record) for record in records]
    with transaction(conn):
        held = {
            (row[0], row[2]): row
            for row in conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM {TABLE} "
                "WHERE list_contains(?, la_code || ' ' || year)",
                [[f"{r.la_code} {r.year}" for r in records]],
            ).fetchall()
        }
        new = [row for row in rows if (row[0], row[2]) not in held]
        changed = [row for row in rows if (row[0], row[2]) in held and held[row[0], row[2]] != row]
        if changed:
            conn.execute(
                f"DELETE FROM {TABLE} WHERE list_contains(?, la_code || ' ' || year)",
                [[f"{row[0]} {row[2]}" for row in changed]],
            )
        insert_rows(conn, TABLE, COLUMNS, [*new, *changed])
    return GradesSaved(
        added=len(new), changed=len(changed), unchanged=len(rows) - len(new) - len(changed)
    )


def imported_count(conn: duckdb.DuckDBPyConnection) -> int:
    """How many rows `cqc history import` has written (the shipped ones aside)."""
    row = conn.execute(f"SELECT count(*) FROM {TABLE} WHERE origin = ?", [IMPORT]).fetchone()
    return int(row[0]) if row else 0
