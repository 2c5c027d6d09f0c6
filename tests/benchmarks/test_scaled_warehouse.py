"""`python -m benchmarks.scaled_warehouse`: the mirror's sample warehouse made three times its
reports. Run as the command it is (`benchmarks/` is no installed package; `make benchmark` runs
its modules from the checkout)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.db import connect
from warehouse.search import load_fts, search

CHECKOUT = Path(__file__).resolve().parents[2]
# The tables whose rows belong to a report: all copied (page_state and fetch_log: the rows of
# report pages only, the listing's stay one).
REPORT_TABLES = (
    "assessment",
    "quality_statement_score",
    "key_finding",
    "financial_fact",
    "demographic_fact",
    "parse_issue",
    "source_page",
    "source_disagreement",
    "field_source",
    "fact_source",
    "report_status",
    "pdf_parse",
    "assessment_version",
    "report_change",
    "search_document",
    "pilot_assessment",  # a benchmark table of every pilot report
)

# Each report-level table's key (its primary key, or what identifies a row).
KEYS = {
    "assessment": "assessment_id",
    "quality_statement_score": "assessment_id, qs_number",
    "key_finding": "assessment_id, qs_number, finding_no",
    "source_page": "url",
    "page_state": "url",
    "report_status": "slug",
    "pdf_parse": "sha256, parser_version",
    "assessment_version": "assessment_id, version_no",
    "search_document": "doc_id",
}


@pytest.fixture(scope="module")
def scaled(
    mirror_warehouse_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, int], Path]:
    target = tmp_path_factory.mktemp("scaled") / "cqc.duckdb"
    command = ["-m", "benchmarks.scaled_warehouse", str(mirror_warehouse_file), str(target)]
    subprocess.run(
        [sys.executable, *command, "--factor", "3"], cwd=CHECKOUT, check=True, capture_output=True
    )
    with connect(target, read_only=True) as conn:
        return _counts(conn), target


def _counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
    ).fetchall()
    return {
        name: int((conn.execute(f'SELECT count(*) FROM "{name}"').fetchone() or (0,))[0])
        for (name,) in tables
    }


def test_every_report_table_holds_three_times_its_rows_and_the_rest_stay(
    scaled: tuple[dict[str, int], Path], mirror_warehouse: duckdb.DuckDBPyConnection
) -> None:
    counts, _ = scaled
    before = _counts(mirror_warehouse)
    assert before["assessment"] == 74 and counts["assessment"] == 222
    assert counts["key_finding"] == 3 * before["key_finding"] > 0
    for table in REPORT_TABLES:
        assert counts[table] == 3 * before[table], table
    with_pages = "SELECT count(*) FROM page_state WHERE assessment_id IS NOT NULL"
    pages = (mirror_warehouse.execute(with_pages).fetchone() or (0,))[0]
    assert counts["page_state"] == before["page_state"] + 2 * pages
    untouched = set(before) - {*REPORT_TABLES, "page_state", "fetch_log", "benchmark_refresh"}
    assert {t: counts[t] for t in untouched} == {t: before[t] for t in untouched}
    assert counts["benchmark_refresh"] == before["benchmark_refresh"] + 1  # the refresh


def test_keys_stay_unique_and_copies_point_at_their_own_report(
    scaled: tuple[dict[str, int], Path],
) -> None:
    _, path = scaled
    with connect(path, read_only=True) as conn:
        for table, key in KEYS.items():
            distinct = conn.execute(f"SELECT count(DISTINCT ({key})) FROM {table}").fetchone()
            total = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert distinct == total, table
        orphans = conn.execute(
            "SELECT count(*) FROM key_finding ANTI JOIN assessment USING (assessment_id)"
        ).fetchone()
        assert orphans == (0,)
        stoke = conn.execute(
            "SELECT assessment_id, published_on FROM assessment "
            "WHERE la_code = 'E06000021' ORDER BY assessment_id"
        ).fetchall()
        assert [a for a, _ in stoke] == [
            "stokeontrent-0625",
            "stokeontrent-0625-x1",
            "stokeontrent-0625-x2",
        ]
        assert stoke[0][1] > stoke[1][1] > stoke[2][1]  # copies are older: the latest stays


def test_the_benchmarks_and_search_index_are_rebuilt_over_the_copies(
    scaled: tuple[dict[str, int], Path], mirror_warehouse: duckdb.DuckDBPyConnection
) -> None:
    _, path = scaled
    league = "SELECT * FROM league_table ORDER BY rank, council"
    with connect(path, read_only=True) as conn:
        assert conn.execute(league).fetchall() == mirror_warehouse.execute(league).fetchall()
        load_fts(conn)
        hits = search(conn, "paragraph", limit=100_000)
    load_fts(mirror_warehouse)
    assert len(hits) == 3 * len(search(mirror_warehouse, "paragraph", limit=100_000)) > 0
    stoke = {"stokeontrent-0625", "stokeontrent-0625-x1", "stokeontrent-0625-x2"}
    assert stoke <= {hit.assessment_id for hit in hits}
