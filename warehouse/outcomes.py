"""Do the ratings go with the outcomes? Spearman rank correlations of each Oflog measure with
the overall % and with each quality statement score, over the councils that have both.

Spearman's rho is Pearson's correlation of the ranks, ties given their average rank, computed
here in SQL. Each measure is taken in its latest financial year only (a council whose latest
value is older is left out, not mixed in), and each council with its latest formal report
(`league_table`).

The local care market (issue 21) is correlated the same way, by the same SQL
(`spearman_sql`): each council's share of care locations and of care home beds rated Good or
Outstanding, its share rated Inadequate and the 12-month change, all in the latest month held.
"""

from __future__ import annotations

import duckdb

from transform.quality_statements import STATEMENTS
from warehouse.db import SCORE_COLUMNS

# One target per column of league_table: the overall %, then the nine scores.
TARGETS: tuple[str, ...] = ("overall_score_pct", *SCORE_COLUMNS)


def spearman_sql(measures: str) -> str:
    """Spearman's rho of each measure with each target, over the councils with both: the SQL
    for any `measures` query giving (measure_code, financial_year, la_code, value), one value
    per council and measure (NULL values are left out)."""
    return f"""
WITH measures AS ({measures}),
pairs AS (
    SELECT m.measure_code, m.financial_year, m.la_code, m.value, t.target, t.score
    FROM measures AS m
    JOIN (
        UNPIVOT (SELECT la_code, {", ".join(TARGETS)} FROM league_table)
        ON {", ".join(TARGETS)} INTO NAME target VALUE score
    ) AS t USING (la_code)
    WHERE m.value IS NOT NULL
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


# Oflog's measures, each in its latest financial year.
OFLOG_MEASURES = """
    SELECT o.measure_code, o.financial_year, o.la_code, o.value
    FROM council_outcome AS o
    JOIN (
        SELECT measure_code, max(financial_year) AS financial_year
        FROM outcome_measure WHERE value IS NOT NULL GROUP BY measure_code
    ) USING (measure_code, financial_year)
"""
SPEARMAN_SQL = spearman_sql(OFLOG_MEASURES)

# The local care market (council_care_market, issue 21) as measures: code -> (name, the
# column or expression), each in the latest month held, the month written as the "year".
MARKET_MEASURES: dict[str, tuple[str, str]] = {
    "MKT1": ("Care locations rated Good or Outstanding (%)", "good_or_outstanding_pct"),
    "MKT2": ("Care home beds rated Good or Outstanding (%)", "beds_good_or_outstanding_pct"),
    "MKT3": (
        "Care locations rated Inadequate (% of rated)",
        "round(100.0 * inadequate / nullif(rated, 0), 1)",
    ),
    "MKT4": (
        "Care locations Good or Outstanding, 12-month change (pp)",
        "good_or_outstanding_pct_12m_change",
    ),
}
MARKET_SQL = spearman_sql(
    "UNPIVOT (SELECT la_code, strftime(as_of_month, '%Y-%m') AS financial_year, "
    + ", ".join(f"CAST({expr} AS DOUBLE) AS {code}" for code, (_, expr) in MARKET_MEASURES.items())
    + " FROM council_care_market WHERE as_of_month = "
    "(SELECT max(as_of_month) FROM council_care_market)) "
    f"ON {', '.join(MARKET_MEASURES)} INTO NAME measure_code VALUE value"
)


def spearman_by_measure(
    conn: duckdb.DuckDBPyConnection,
) -> dict[tuple[str, str], tuple[float | None, int, str]]:
    """(measure_code, target) -> (rho, n, financial year); rho None when either side has no
    spread (every council tied)."""
    rows = conn.execute(SPEARMAN_SQL).fetchall()
    return {(code, target): (rho, n, year) for code, year, target, rho, n in rows}


def market_month(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The latest care market month held ('2026-09'); None when none is (or, in an older
    warehouse, there is no council_care_market)."""
    present = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = current_schema() "
        "AND table_name = 'council_care_market'"
    ).fetchone()
    if not present or not present[0]:
        return None
    row = conn.execute(
        "SELECT strftime(max(as_of_month), '%Y-%m') FROM council_care_market"
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def spearman_by_market_measure(
    conn: duckdb.DuckDBPyConnection,
) -> dict[tuple[str, str], tuple[float | None, int, str]]:
    """(MARKET_MEASURES code, target) -> (rho, n, month), as spearman_by_measure: do councils
    whose care market is rated well get rated well themselves? Empty when no month is held."""
    if market_month(conn) is None:
        return {}
    rows = conn.execute(MARKET_SQL).fetchall()
    return {(code, target): (rho, n, month) for code, month, target, rho, n in rows}


def outcome_correlations(
    conn: duckdb.DuckDBPyConnection,
) -> tuple[list[str], list[tuple[object, ...]]]:
    """One row per measure: its year, n, and rho with the overall % and each statement
    (2 decimal places). Oflog's measures, then the care market's (MARKET_MEASURES, their
    "year" the month) when a market month is held."""
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
    rows = [_row(code, str(name).removeprefix("Outcome, "), rho, None) for code, name in measures]
    month = market_month(conn)
    if month is not None:
        market = spearman_by_market_measure(conn)
        rows += [_row(code, name, market, month) for code, (name, _) in MARKET_MEASURES.items()]
    return columns, rows


def _row(
    code: str,
    name: str,
    rho: dict[tuple[str, str], tuple[float | None, int, str]],
    period: str | None,
) -> tuple[object, ...]:
    """A measure's row: its period (`period` when no council has both), n, each rho."""
    overall = rho.get((code, TARGETS[0]))
    cells = [rho.get((code, target)) for target in TARGETS]
    return (
        code,
        name,
        overall[2] if overall else period,
        overall[1] if overall else 0,
        # + 0.0: a rho that rounds to -0.00 prints as 0.0
        *(None if c is None or c[0] is None else round(c[0], 2) + 0.0 for c in cells),
    )
