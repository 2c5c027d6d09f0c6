"""Do the ratings go with the outcomes? Spearman rank correlations of each Oflog measure with
the overall % and with each quality statement score, over the councils that have both.

Spearman's rho is Pearson's correlation of the ranks, ties given their average rank, computed
here in SQL. Each measure is taken in its latest financial year only (a council whose latest
value is older is left out, not mixed in), and each council with its latest formal report
(`league_table`).
"""

from __future__ import annotations

import duckdb

from transform.quality_statements import STATEMENTS
from warehouse.db import SCORE_COLUMNS

# One target per column of league_table: the overall %, then the nine scores.
TARGETS: tuple[str, ...] = ("overall_score_pct", *SCORE_COLUMNS)

SPEARMAN_SQL = f"""
WITH measure_year AS (
    SELECT measure_code, max(financial_year) AS financial_year
    FROM outcome_measure WHERE value IS NOT NULL GROUP BY measure_code
),
pairs AS (
    SELECT o.measure_code, o.financial_year, o.la_code, o.value, t.target, t.score
    FROM council_outcome AS o
    JOIN measure_year USING (measure_code, financial_year)
    JOIN (
        UNPIVOT (SELECT la_code, {", ".join(TARGETS)} FROM league_table)
        ON {", ".join(TARGETS)} INTO NAME target VALUE score
    ) AS t USING (la_code)
    WHERE o.value IS NOT NULL
),
ranked AS (
    SELECT
        *,
        rank() OVER (PARTITION BY measure_code, target ORDER BY value)
            + (count(*) OVER (PARTITION BY measure_code, target, value) - 1) / 2 AS value_rank,
        rank() OVER (PARTITION BY measure_code, target ORDER BY score)
            + (count(*) OVER (PARTITION BY measure_code, target, score) - 1) / 2 AS score_rank
    FROM pairs
)
SELECT measure_code, financial_year, target, corr(value_rank, score_rank) AS rho, count(*) AS n
FROM ranked
GROUP BY measure_code, financial_year, target
ORDER BY measure_code, target
"""


def spearman_by_measure(
    conn: duckdb.DuckDBPyConnection,
) -> dict[tuple[str, str], tuple[float | None, int, str]]:
    """(measure_code, target) -> (rho, n, financial year); rho None when either side has no
    spread (every council tied)."""
    rows = conn.execute(SPEARMAN_SQL).fetchall()
    return {(code, target): (rho, n, year) for code, year, target, rho, n in rows}


def outcome_correlations(
    conn: duckdb.DuckDBPyConnection,
) -> tuple[list[str], list[tuple[object, ...]]]:
    """One row per measure: its year, n, and rho with the overall % and each statement
    (2 decimal places)."""
    columns = [
        "code",
        "measure",
        "year",
        "n",
        "overall_pct",
        *[f"qs{s.number}" for s in STATEMENTS],
    ]
    rho = spearman_by_measure(conn)
    measures = conn.execute(
        "SELECT measure_code, any_value(measure_name) FROM outcome_measure "
        "GROUP BY measure_code ORDER BY measure_code"
    ).fetchall()
    rows: list[tuple[object, ...]] = []
    for code, name in measures:
        overall = rho.get((code, TARGETS[0]))
        cells = [rho.get((code, target)) for target in TARGETS]
        rows.append(
            (
                code,
                str(name).removeprefix("Outcome, "),
                overall[2] if overall else None,
                overall[1] if overall else 0,
                # + 0.0: a rho that rounds to -0.00 prints as 0.0
                *(None if c is None or c[0] is None else round(c[0], 2) + 0.0 for c in cells),
            )
        )
    return columns, rows
