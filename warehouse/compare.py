"""Reading the benchmark tables for people: councils side by side, and a region's table.

The SQL lives here; `cli.common` only matches names and prints. Everything is read from the
materialised benchmark tables, so what is printed is what the exports and the report show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from transform.quality_statements import STATEMENTS
from warehouse.neighbours import NEIGHBOURS_USED


@dataclass(frozen=True)
class CouncilColumn:
    """One council in a side-by-side comparison; `assessed` False leaves the rest empty."""

    la_code: str
    council: str
    region: str
    la_type: str
    assessed: bool
    values: dict[str, str]  # row label -> text


# The care market rows (council_care_market, issue 21), shown under the assessment's rows
# when the warehouse holds any market month.
MARKET_LABELS: tuple[str, ...] = (
    "Care market month",
    "Care locations",
    "Care home beds",
    "Locations Good/Outstanding",
    "Beds Good/Outstanding",
    "Locations G/O, 12-month change",
    "Beds G/O, 12-month change",
)
NO_CHANGE = "\u2014"  # the 12-month change when the month a year before is not held


def _fmt_diff(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def has_market(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether any care market month is loaded (an older warehouse may lack the table)."""
    present = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = current_schema() "
        "AND table_name = 'council_care_market'"
    ).fetchone()
    if not present or not present[0]:
        return False
    return conn.execute("SELECT 1 FROM council_care_market LIMIT 1").fetchone() is not None


def _share(pct: float | None, region: float | None, england: float | None) -> str:
    if pct is None:
        return "none rated"
    return f"{pct:.1f}% (region {_pct(region)}, England {_pct(england)})"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def _change(value: float | None, year_before: date, held: bool) -> str:
    if value is not None:
        return f"{value:+.1f} pp"
    if not held:
        return f"{NO_CHANGE} ({year_before:%b %Y} not held)"
    return NO_CHANGE


def market_values(conn: duckdb.DuckDBPyConnection, code: str) -> dict[str, str]:
    """The council's care market as of its latest month held, for the side-by-side table:
    why a rating may sit beside a market much better or worse than its region's."""
    row = conn.execute(
        "SELECT m.as_of_month, m.locations, m.care_homes, m.care_home_beds, "
        "m.good_or_outstanding_pct, m.region_good_or_outstanding_pct, "
        "m.england_good_or_outstanding_pct, m.beds_good_or_outstanding_pct, "
        "m.region_beds_good_or_outstanding_pct, m.england_beds_good_or_outstanding_pct, "
        "m.good_or_outstanding_pct_12m_change, m.beds_good_or_outstanding_pct_12m_change, "
        "EXISTS (SELECT 1 FROM council_care_market AS y WHERE y.la_code = m.la_code "
        "AND y.as_of_month = m.as_of_month - INTERVAL 12 MONTH) "
        "FROM council_care_market AS m WHERE m.la_code = ? "
        "ORDER BY m.as_of_month DESC LIMIT 1",
        [code],
    ).fetchone()
    if row is None:
        return {MARKET_LABELS[0]: "no locations listed"}
    month, locations, homes, beds, pct, region, england, bpct, bregion, bengland = row[:10]
    change, beds_change, held = row[10:]
    year_before = date(month.year - 1, month.month, 1)
    return dict(
        zip(
            MARKET_LABELS,
            (
                f"{month:%B %Y}",
                f"{locations:,} ({homes:,} care home{'' if homes == 1 else 's'})",
                f"{beds:,}",
                _share(pct, region, england),
                _share(bpct, bregion, bengland),
                _change(change, year_before, held),
                _change(beds_change, year_before, held),
            ),
            strict=True,
        )
    )


def compare_councils(
    conn: duckdb.DuckDBPyConnection, la_codes: list[str]
) -> tuple[list[str], list[CouncilColumn]]:
    """Row labels and one column per council (in the order given), for a side-by-side table;
    the care market's rows (MARKET_LABELS) follow when any market month is loaded."""
    labels = [
        "Region",
        "Type",
        "Rating",
        "Overall %",
        "Rank in England",
        "Rank in region",
        "% vs region mean",
        "% vs England mean",
        "Neighbours' mean %",
        "% vs neighbours' mean",
        "Published",
        *[f"QS{s.number} {s.name}" for s in STATEMENTS],
    ]
    market = has_market(conn)
    if market:
        labels += MARKET_LABELS
    total = conn.execute("SELECT count(*) FROM league_table").fetchone()
    ranked = int(total[0]) if total else 0
    columns: list[CouncilColumn] = []
    for code in la_codes:
        council = conn.execute(
            "SELECT name, region, la_type FROM local_authority WHERE la_code = ?", [code]
        ).fetchone()
        if council is None:
            raise KeyError(f"no council {code} in local_authority")
        name, region, la_type = council
        row = conn.execute(
            "SELECT l.overall_rating, l.overall_score_pct, l.rank, r.rank_in_region, "
            "r.region_assessed, r.pct_vs_region_avg, r.pct_vs_england_avg, "
            "strftime(l.published_on, '%d %B %Y') "
            "FROM league_table AS l JOIN regional_benchmark AS r USING (la_code) "
            "WHERE l.la_code = ?",
            [code],
        ).fetchone()
        values = {"Region": region, "Type": la_type}
        if market:
            values |= market_values(conn, code)
        if row is None:
            values["Rating"] = "not assessed yet"
            columns.append(CouncilColumn(code, name, region, la_type, False, values))
            continue
        rating, pct, rank, rank_region, assessed, vs_region, vs_england, published = row
        values |= {
            "Rating": rating or "",
            "Overall %": "" if pct is None else f"{pct}%",
            "Rank in England": f"{rank} of {ranked}",
            "Rank in region": f"{rank_region} of {assessed}",
            "% vs region mean": _fmt_diff(vs_region),
            "% vs England mean": _fmt_diff(vs_england),
            "Published": published or "",
        }
        values |= _neighbour_values(conn, code, pct)
        for qs, score, region_avg, england_avg, neighbour_avg in conn.execute(
            "SELECT qs_number, score, region_avg_score, england_avg_score, neighbour_avg_score "
            "FROM council_statement_benchmark WHERE la_code = ? ORDER BY qs_number",
            [code],
        ).fetchall():
            statement = STATEMENTS[qs - 1]
            neighbours = "" if neighbour_avg is None else f", neighbours {neighbour_avg:.2f}"
            values[f"QS{qs} {statement.name}"] = (
                f"{score} (region {region_avg:.2f}, England {england_avg:.2f}{neighbours})"
            )
        columns.append(CouncilColumn(code, name, region, la_type, True, values))
    return labels, columns


def _neighbour_values(
    conn: duckdb.DuckDBPyConnection, code: str, pct: int | None
) -> dict[str, str]:
    """The mean % of the council's nearest statistical neighbours (NEIGHBOURS_USED of them)
    that are assessed: what a council is most often compared with besides its region."""
    row = conn.execute(
        "SELECT avg(l.overall_score_pct), count(l.overall_score_pct), count(*) "
        "FROM council_neighbour AS n LEFT JOIN league_table AS l "
        "ON l.la_code = n.neighbour_la_code WHERE n.la_code = ? AND n.rank <= ?",
        [code, NEIGHBOURS_USED],
    ).fetchone()
    if row is None or not row[2]:
        return {}
    mean, assessed, listed = row
    if not assessed:
        return {"Neighbours' mean %": f"none of {listed} assessed"}
    diff = None if pct is None else pct - mean
    return {
        "Neighbours' mean %": f"{mean:.1f}% ({assessed} of {listed} assessed)",
        "% vs neighbours' mean": _fmt_diff(diff),
    }


def region_names(conn: duckdb.DuckDBPyConnection) -> list[str]:
    rows = conn.execute("SELECT DISTINCT region FROM local_authority ORDER BY 1").fetchall()
    return [region for (region,) in rows]


def region_table(
    conn: duckdb.DuckDBPyConnection, region: str, *, include_pilots: bool = False
) -> tuple[list[str], list[tuple[object, ...]]]:
    """The region's councils ranked, with the regional and England means; pilots (indicative,
    unranked) appended only when asked for."""
    columns = [
        "rank",
        "council",
        "type",
        "rating",
        "pct",
        "vs_region",
        "vs_england",
        "region_mean",
        "england_mean",
    ]
    rows: list[tuple[object, ...]] = conn.execute(
        "SELECT rank_in_region, council, la_type, overall_rating, overall_score_pct, "
        "pct_vs_region_avg, pct_vs_england_avg, region_avg_pct, england_avg_pct "
        "FROM regional_benchmark WHERE region = ? ORDER BY rank_in_region, council",
        [region],
    ).fetchall()
    if include_pilots:
        rows += conn.execute(
            "SELECT NULL, council || ' (pilot)', la_type, indicative_rating || ' (indicative)', "
            "NULL, NULL, NULL, NULL, NULL FROM pilot_assessment WHERE region = ? "
            "ORDER BY council",
            [region],
        ).fetchall()
    return columns, rows


def regions_summary(conn: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[object, ...]]]:
    """One row per region: councils assessed, mean, best and worst %."""
    columns = ["region", "assessed", "councils", "mean_pct", "min_pct", "max_pct"]
    rows = conn.execute(
        "SELECT la.region, count(r.la_code), count(*), round(avg(r.overall_score_pct), 1), "
        "min(r.overall_score_pct), max(r.overall_score_pct) "
        "FROM local_authority AS la LEFT JOIN regional_benchmark AS r USING (la_code) "
        "GROUP BY la.region ORDER BY 4 DESC NULLS LAST, la.region"
    ).fetchall()
    return columns, rows
