"""Writing records into the warehouse: `save_*(conn, ...)` functions, github-to-sqlite style.

Every function takes an open DuckDB connection (see `warehouse.db`) and owns its SQL. Saves
are idempotent: saving the same records again leaves every table exactly as it was, because
nothing stored is a timestamp or a generated id. `save_report` and `replace_issues` each run
in one transaction, so a failure part-way leaves the previously loaded version untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime

import duckdb

from transform.changes import ReportChange, canonical_json, diff_reports, report_fingerprint
from transform.councils import Council
from transform.crosscheck import Disagreement, FilledField
from transform.pipeline import ReportOutcome
from transform.records import Fact, QualityStatementDetail, Report, ReportIssue, SourcePage
from transform.report import FactSource

# The data tables users query, in dependency order (parents first): a re-run over unchanged
# input leaves every one of them identical.
TABLES: tuple[str, ...] = (
    "local_authority",
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
    # Reference data (warehouse.reference_data) and a user's comparator list (cqc neighbours).
    "council_population",
    "outcome_measure",
    "council_neighbour_import",
    "annual_performance_assessment",  # CQC's 2008-10 grades: shipped rows and a user's import
    # CQC's register of care locations, month by month (warehouse.care_market, cqc providers).
    "care_location",
    "care_location_rating",
    "council_care_market",
)

# STATE: upserted each run (page_state.last_checked_run moves on every check; report_status
# says where each report stands, warehouse.status); pdf_parse is a cache of PDF parses by
# content hash; care_source says what each month's care locations were loaded from.
STATE_TABLES: tuple[str, ...] = ("page_state", "report_status", "pdf_parse", "care_source")

# LOGS that grow each run (assessment_version only when a report changes); never rewritten.
LOG_TABLES: tuple[str, ...] = (
    "ingest_run",
    "fetch_log",
    "assessment_version",
    "report_change",
    "benchmark_refresh",
)

# Every table, data first (the benchmark tables, rebuilt by warehouse.benchmarks, aside).
ALL_TABLES: tuple[str, ...] = (*TABLES, *STATE_TABLES, *LOG_TABLES)

# Tables holding one assessment's rows, children first (deleted in this order on re-save).
_ASSESSMENT_CHILDREN: tuple[str, ...] = (
    "key_finding",
    "quality_statement_score",
    "financial_fact",
    "demographic_fact",
    "source_page",
    "source_disagreement",
    "field_source",
    "fact_source",
)


def insert_rows(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    suffix: str = "",
) -> None:
    """Insert rows sent as ONE JSON parameter, typed by the table's own column types.

    Binding Python values one by one costs about 0.5 ms each in duckdb 1.5 (it tries to import
    pandas for every value), and executemany runs one statement per row; a JSON document
    parsed with `json_transform_strict` is two orders of magnitude faster and still fails
    loudly on a value that does not fit its column.
    """
    if not rows:
        return
    relation = conn.table(table)  # its column types from the catalogue, without a query
    types = dict(zip(relation.columns, map(str, relation.dtypes), strict=True))
    structure = json.dumps([{column: types[column] for column in columns}]).replace("'", "''")
    payload = json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows], default=_json_value
    )
    names = ", ".join(columns)
    conn.execute(
        f"INSERT INTO {table} ({names}) SELECT {names} FROM "
        f"(SELECT unnest(json_transform_strict(?::JSON, '{structure}'), recursive := true))"
        + suffix,
        [payload],
    )


def _json_value(value: object) -> str:
    """Dates as ISO text; datetimes as naive UTC (TIMESTAMP columns hold UTC)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot store {value!r} ({type(value).__name__})")


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise if the body raises.

    Nestable: inside another `transaction` on the same connection it joins the outer one, so
    callers can make several saves one atomic unit (an error anywhere rolls back all of it).
    """
    key = id(conn)
    if key in _OPEN_TRANSACTIONS:
        yield conn
        return
    conn.execute("BEGIN TRANSACTION")
    _OPEN_TRANSACTIONS.add(key)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
    finally:
        _OPEN_TRANSACTIONS.discard(key)


# Connections (by id) inside a `transaction` block: nested blocks join the outer transaction.
_OPEN_TRANSACTIONS: set[int] = set()


def save_local_authorities(conn: duckdb.DuckDBPyConnection, councils: Iterable[Council]) -> int:
    """Upsert councils into `local_authority` by la_code; returns how many were given."""
    given = list(councils)
    # One row per code (the last given wins): an upsert may not touch a key twice.
    rows = {c.la_code: (c.la_code, c.name, c.region, c.la_type, c.previous_la_code) for c in given}
    with transaction(conn):
        insert_rows(
            conn,
            "local_authority",
            ("la_code", "name", "region", "la_type", "previous_la_code"),
            list(rows.values()),
            suffix="""
            ON CONFLICT (la_code) DO UPDATE SET
                name = excluded.name,
                region = excluded.region,
                la_type = excluded.la_type,
                previous_la_code = excluded.previous_la_code""",
        )
    return len(given)


def _lines(items: Sequence[str]) -> str | None:
    return "\n".join(items) if items else None


def score_total(report: Report) -> int | None:
    """Sum of the nine statement scores, or None unless statements 1-9 each have one score."""
    numbers = sorted(s.number for s in report.quality_statements)
    if numbers != list(range(1, 10)):
        return None
    return sum(s.score for s in report.quality_statements)


def _delete_assessment_rows(conn: duckdb.DuckDBPyConnection, assessment_id: str) -> None:
    for table in _ASSESSMENT_CHILDREN:
        conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", [assessment_id])
    conn.execute("DELETE FROM assessment WHERE assessment_id = ?", [assessment_id])


def _insert_assessment(
    conn: duckdb.DuckDBPyConnection, report: Report, la_code: str, parser_version: str
) -> None:
    conn.execute(
        """
        INSERT INTO assessment (
            assessment_id, la_code, slug, report_url, la_name_published, assessment_kind,
            indicative, published_on, page_last_updated, overall_rating, overall_score_pct,
            score_total, people_experience, parser_version
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            report.slug,
            la_code,
            report.slug,
            report.report_url,
            report.la_name,
            report.assessment_kind,
            report.indicative,
            report.published_on,
            report.page_last_updated,
            report.overall_rating,
            report.overall_score_pct,
            score_total(report),
            _lines(report.people_experience),
            parser_version,
        ],
    )


def _insert_statements(conn: duckdb.DuckDBPyConnection, report: Report) -> None:
    details: dict[int, QualityStatementDetail] = {
        d.statement.number: d for d in report.statement_details
    }
    scores = {s.number: s for s in report.quality_statements}
    if len(scores) != len(report.quality_statements):
        raise ValueError(f"{report.slug}: a quality statement number appears twice")
    # A statement known only from its own page still has its score there.
    for number, detail in details.items():
        scores.setdefault(number, detail.statement)
    statement_rows: list[tuple[object, ...]] = []
    finding_rows: list[tuple[object, ...]] = []
    for number in sorted(scores):
        statement = scores[number]
        held = details.get(number)
        statement_rows.append(
            (
                report.slug,
                number,
                statement.name,
                statement.theme,
                statement.score,
                statement.published_name or (held.statement.published_name if held else None),
                held.score_label if held else None,
                _lines(held.what_people_expect) if held else None,
                held.commitment if held else None,
                held.url if held else None,
            )
        )
        if held is not None:
            finding_rows.extend(
                (report.slug, number, finding_no, finding.heading, finding.text)
                for finding_no, finding in enumerate(held.key_findings, start=1)
            )
    insert_rows(
        conn,
        "quality_statement_score",
        (
            "assessment_id",
            "qs_number",
            "quality_statement",
            "theme",
            "score",
            "published_name",
            "score_label",
            "what_people_expect",
            "commitment",
            "page_url",
        ),
        statement_rows,
    )
    insert_rows(
        conn,
        "key_finding",
        ("assessment_id", "qs_number", "finding_no", "heading", "text"),
        finding_rows,
    )


def _insert_facts(
    conn: duckdb.DuckDBPyConnection, table: str, assessment_id: str, facts: Sequence[Fact]
) -> None:
    insert_rows(
        conn,
        table,
        ("assessment_id", "fact_no", "kind", "value", "unit", "period", "raw_text"),
        [
            (assessment_id, fact_no, f.kind, f.value, f.unit, f.period, f.raw_text)
            for fact_no, f in enumerate(facts, start=1)
        ],
    )


def _insert_source_pages(
    conn: duckdb.DuckDBPyConnection, assessment_id: str, pages: Sequence[SourcePage]
) -> None:
    by_url = {page.url: page for page in pages}  # a URL is stored once; the last one wins
    if not by_url:
        return
    # A URL is unique across the warehouse: a page another report listed moves to this one.
    conn.execute("DELETE FROM source_page WHERE list_contains(?, url)", [list(by_url)])
    insert_rows(
        conn,
        "source_page",
        ("url", "assessment_id", "page_kind", "sha256", "content_type", "byte_count"),
        [
            (p.url, assessment_id, p.page_kind, p.sha256, p.content_type, p.byte_count)
            for p in by_url.values()
        ],
    )


def save_report(
    conn: duckdb.DuckDBPyConnection,
    report: Report,
    *,
    la_code: str,
    parser_version: str,
    source_pages: Sequence[SourcePage] = (),
    run_id: int | None = None,
    disagreements: Sequence[Disagreement] = (),
    filled_fields: Sequence[FilledField] = (),
    fact_sources: Sequence[FactSource] = (),
) -> list[ReportChange]:
    """Replace one assessment (id = report.slug) and all its child rows, in one transaction,
    keeping its history; return the changes recorded ([] when the content is unchanged).

    History first: the report's fingerprint (`transform.changes.report_fingerprint`: the
    published fields only, not the URLs they came from) is compared with its current
    `assessment_version`. Equal, or no published field differs: history is left alone.
    Otherwise, or with no version yet: the current version is closed (valid_to_run = run_id),
    version_no + 1 is inserted (valid_from_run = run_id) and `diff_reports(previous, report)`
    (previous parsed back from its report_json; None for a first version), never empty, goes
    into `report_change`. run_id None (saves outside a run) counts as run 0.

    Then deletes the assessment's rows from every child table and from `assessment`, and
    inserts the assessment, its quality statement scores merged with their pages' text, key
    findings, financial and demographic facts, source pages, the fields on which the
    report's PDF disagrees with its pages, the fields filled from the PDF
    (`transform.crosscheck`) and where each fact was read (`fact_sources`). Any error rolls
    the whole
    save back, history included, leaving the previously loaded version intact, and is
    re-raised.
    """
    run = 0 if run_id is None else run_id
    with transaction(conn):
        changes = _record_version(conn, report, parser_version, run)
        _delete_assessment_rows(conn, report.slug)
        _insert_assessment(conn, report, la_code, parser_version)
        _insert_statements(conn, report)
        _insert_facts(conn, "financial_fact", report.slug, report.financial_facts)
        _insert_facts(conn, "demographic_fact", report.slug, report.demographics)
        _insert_source_pages(conn, report.slug, source_pages)
        insert_rows(
            conn,
            "source_disagreement",
            ("assessment_id", "field", "html_value", "pdf_value"),
            [(report.slug, d.field, d.html_value, d.pdf_value) for d in disagreements],
        )
        insert_rows(
            conn,
            "field_source",
            ("assessment_id", "field", "source", "source_url"),
            [(report.slug, f.field, "report_pdf", f.source_url) for f in filled_fields],
        )
        by_fact = {source.fact: source for source in fact_sources}  # one source a fact
        insert_rows(
            conn,
            "fact_source",
            ("assessment_id", "fact", "source_url", "page_kind", "pdf_page", "read_from"),
            [
                (report.slug, s.fact, s.url, s.page_kind, s.pdf_page, s.text[:300])
                for s in by_fact.values()
            ],
        )
    return changes


def _statement_scores(report: Report) -> list[int | None]:
    """The nine scores in statement order (None where a statement has no score)."""
    by_number = {d.statement.number: d.statement.score for d in report.statement_details}
    by_number.update({s.number: s.score for s in report.quality_statements})
    return [by_number.get(number) for number in range(1, 10)]


def _record_version(
    conn: duckdb.DuckDBPyConnection, report: Report, parser_version: str, run: int
) -> list[ReportChange]:
    """Add a new assessment_version and its report_change rows if the content changed."""
    fingerprint = report_fingerprint(report)
    current = conn.execute(
        "SELECT version_no, content_sha256, report_json FROM assessment_version "
        "WHERE assessment_id = ? AND valid_to_run IS NULL",
        [report.slug],
    ).fetchone()
    if current is not None and current[1] == fingerprint:
        return []
    previous = None if current is None else Report.model_validate_json(current[2])
    changes = diff_reports(previous, report)
    if not changes:
        # Same published content under another hash (a version hashed before the fingerprint
        # left out page URLs): no version without a change to show for it.
        return []
    if current is None:
        row = conn.execute(
            "SELECT coalesce(max(version_no), 0) FROM assessment_version WHERE assessment_id = ?",
            [report.slug],
        ).fetchone()
        version_no = (int(row[0]) if row else 0) + 1
    else:
        version_no = int(current[0]) + 1
        conn.execute(
            "UPDATE assessment_version SET valid_to_run = ? "
            "WHERE assessment_id = ? AND valid_to_run IS NULL",
            [run, report.slug],
        )
    conn.execute(
        """
        INSERT INTO assessment_version (
            assessment_id, version_no, valid_from_run, valid_to_run, content_sha256,
            page_last_updated, overall_rating, overall_score_pct, scores, report_json,
            parser_version
        ) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            report.slug,
            version_no,
            run,
            fingerprint,
            report.page_last_updated,
            report.overall_rating,
            report.overall_score_pct,
            _statement_scores(report),
            canonical_json(report),
            parser_version,
        ],
    )
    insert_rows(
        conn,
        "report_change",
        ("run_id", "assessment_id", "change_kind", "field", "old_value", "new_value"),
        [(run, report.slug, c.change_kind, c.field, c.old_value, c.new_value) for c in changes],
    )
    return changes


def save_outcome(
    conn: duckdb.DuckDBPyConnection,
    outcome: ReportOutcome,
    *,
    parser_version: str,
    run_id: int | None = None,
) -> list[ReportChange]:
    """Phase three for one report: load a valid report (history kept) and replace the
    report's issues, in one transaction; return the changes recorded. An outcome without a
    report only replaces the issues: a valid version loaded earlier stays."""
    changes: list[ReportChange] = []
    with transaction(conn):  # the report's rows and its issues, all or nothing
        if outcome.report is not None and outcome.la_code is not None:
            changes = save_report(
                conn,
                outcome.report,
                la_code=outcome.la_code,
                parser_version=parser_version,
                source_pages=outcome.source_pages,
                run_id=run_id,
                disagreements=outcome.disagreements,
                filled_fields=outcome.filled,
                fact_sources=outcome.sources,
            )
        replace_issues(conn, outcome.slug, outcome.issues, parser_version)
    return changes


def delete_report(conn: duckdb.DuckDBPyConnection, slug: str) -> None:
    """Remove an assessment and all its child rows (its parse issues stay), in one transaction."""
    with transaction(conn):
        _delete_assessment_rows(conn, slug)


def clear_issues(conn: duckdb.DuckDBPyConnection, slug: str) -> None:
    """Delete every recorded issue of the report `slug`."""
    conn.execute("DELETE FROM parse_issue WHERE slug = ?", [slug])


def save_issue(conn: duckdb.DuckDBPyConnection, issue: ReportIssue, *, parser_version: str) -> None:
    """Record one issue (no timestamp, so recording the same issue again adds an equal row)."""
    conn.execute(
        "INSERT INTO parse_issue (slug, la_name, stage, reason, url, parser_version, blocking) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            issue.slug,
            issue.la_name,
            issue.stage,
            issue.reason,
            issue.url,
            parser_version,
            issue.blocking,
        ],
    )


def replace_issues(
    conn: duckdb.DuckDBPyConnection,
    slug: str,
    issues: Iterable[ReportIssue],
    parser_version: str,
) -> None:
    """Make `issues` the report's recorded issues (clear, then insert), in one transaction.

    An empty `issues` clears the report's issues: that is what a clean load does. Exact
    duplicates are recorded once, so re-runs over the same input leave the table unchanged.
    Every issue must be about `slug` (ValueError otherwise).
    """
    unique = list(dict.fromkeys(issues))
    strays = sorted({issue.slug for issue in unique} - {slug})
    if strays:
        raise ValueError(f"issues of {strays} cannot replace the issues of {slug!r}")
    with transaction(conn):
        clear_issues(conn, slug)
        insert_rows(
            conn,
            "parse_issue",
            ("slug", "la_name", "stage", "reason", "url", "parser_version", "blocking"),
            [
                (i.slug, i.la_name, i.stage, i.reason, i.url, parser_version, i.blocking)
                for i in unique
            ],
        )


def table_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table, in ALL_TABLES order (data, then state, then logs)."""
    counts: dict[str, int] = {}
    for table in ALL_TABLES:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts
