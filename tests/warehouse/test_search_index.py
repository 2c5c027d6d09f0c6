"""The search index kept report by report (warehouse.search, sql/search_index.sql): its ranking
against the fts extension's own index over the same texts (the oracle), and what a refresh
writes again when one report changes, against an index built whole."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.warehouse_fixtures import Reports, open_copy, save_test_report
from transform.records import KeyFinding, Report
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import SEARCH_TABLE, connect
from warehouse.load import delete_report
from warehouse.search import (
    FTS_SCHEMA,
    INDEX_SCHEMA,
    SearchUnavailableError,
    build_search_index,
    has_search_index,
    load_fts,
    search,
)

# Texts that exercise the tokeniser: accents, digits, hyphens, apostrophes, stop words, one
# word in several forms, and a heading.
FINDINGS: dict[str, dict[int, list[KeyFinding]]] = {
    "stoke": {
        1: [
            KeyFinding(
                heading="Access and timeliness",
                text="At the time of our assessment 412 people were on the waiting list for a "
                "Care Act assessment; the longest wait was over 12 months. Leaders had a plan "
                "to reduce the waiting-list, but it was too early to see its impact.",
            ),
            KeyFinding(heading=None, text="Carers' assessments were completed promptly."),
        ],
        7: [KeyFinding(heading=None, text="Safeguarding concerns were triaged the same day.")],
    },
    "staffordshire": {
        1: [
            KeyFinding(
                heading=None,
                text="There was no waiting list for occupational therapy assessments; people "
                "were seen within 28 days.",
            )
        ],
        2: [
            KeyFinding(
                heading="Prevention",
                text="The council's café-style 'wellbeing hubs' offered naïve first contacts "
                "further support, and furthers its prevention work with carers.",
            )
        ],
    },
    "durham": {
        4: [KeyFinding(heading="Home care", text="Waiting times for home care were longer.")],
        7: [
            KeyFinding(
                heading="Safeguarding",
                text="Safeguarding enquiries waited; staff said waits were shorter than in "
                "2023, and carers and people waiting were kept informed.",
            )
        ],
    },
}
PEOPLE = "People said staff were kind, but many described long waits to hear back."
QUERIES = (
    "waiting list",
    "carers",
    "safeguarding",
    "Waiting-lists, waits and waited",
    "further support",  # a stop word, whose stem is an indexed term's ("furthers")
    "cafe naive",
    "home care waiting times",
    "Access and timeliness",
    "the council's 28 day prevention",
)
TRICKY = (
    "Waiting-lists, waits & waited!",
    "Café naïve façade — ÉLAN",
    "12 months; 412 people (2023/24)",
    "Carers' \"assessments\" aren't done_yet",
    "tabs\tand\nnew lines   spaces",
    "",
)


def with_findings(report: Report, findings: dict[int, list[KeyFinding]]) -> Report:
    details = [
        d.model_copy(update={"key_findings": findings[d.statement.number]})
        if d.statement.number in findings
        else d
        for d in report.statement_details
    ]
    return report.model_copy(update={"statement_details": details})


@pytest.fixture(scope="module")
def corpus_file(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three councils' reports with FINDINGS (and the pilot), refreshed: built once, copied
    for each test (`corpus`)."""
    path = tmp_path_factory.mktemp("corpus") / "cqc.duckdb"
    with open_copy(templates["empty"], path) as conn:
        for name, findings in FINDINGS.items():
            report = with_findings(getattr(Reports, name), findings)
            if name == "stoke":
                report = report.model_copy(update={"people_experience": [PEOPLE]})
            save_test_report(conn, report)
        save_test_report(conn, Reports.birmingham_pilot)
        done = refresh_benchmarks(conn)
        assert done.search_error is None
        conn.execute("CHECKPOINT")
    return path


@pytest.fixture
def corpus(corpus_file: Path, db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The test's own copy of the corpus, open for writing, fts loaded."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(corpus_file, db_path)
    with connect(db_path) as conn:
        load_fts(conn)
        yield conn


@pytest.fixture
def mirror(mirror_warehouse_file: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable copy of the mirror's warehouse (its index built by mirror.sample), fts loaded."""
    copy = tmp_path / "mirror.duckdb"
    shutil.copyfile(mirror_warehouse_file, copy)
    with connect(copy) as conn:
        load_fts(conn)
        yield conn


def fts_oracle(conn: duckdb.DuckDBPyConnection) -> None:
    """The fts extension's own index of search_document, as the code before ours built it."""
    conn.execute(
        f"PRAGMA create_fts_index('{SEARCH_TABLE}', 'doc_id', 'heading', 'body', "
        "stemmer = 'porter', stopwords = 'english', overwrite = 1)"
    )


def oracle_scores(conn: duckdb.DuckDBPyConnection, query: str) -> dict[str, float]:
    rows = conn.execute(
        f"SELECT doc_id, score FROM (SELECT doc_id, {FTS_SCHEMA}.match_bm25(doc_id, ?) AS score "
        f"FROM {SEARCH_TABLE}) WHERE score IS NOT NULL",
        [query],
    ).fetchall()
    return dict(rows)


def our_scores(conn: duckdb.DuckDBPyConnection, query: str) -> dict[str, float]:
    return dict(
        conn.execute(f"SELECT doc_id, score FROM {INDEX_SCHEMA}.bm25(?)", [query]).fetchall()
    )


def query_terms(conn: duckdb.DuckDBPyConnection, query: str) -> int:
    row = conn.execute(
        f"SELECT count(DISTINCT {INDEX_SCHEMA}.term(t)) FROM "
        f"(SELECT unnest({INDEX_SCHEMA}.tokenize(?)) AS t) WHERE t <> ''",
        [query],
    ).fetchone()
    return int(row[0]) if row else 0


def assert_ranked_as_fts_ranks(conn: duckdb.DuckDBPyConnection, query: str) -> None:
    ours = our_scores(conn, query)
    hits = search(conn, query, limit=100_000)
    fts_oracle(conn)
    oracle = oracle_scores(conn, query)
    assert ours == pytest.approx(oracle, rel=1e-12, abs=0), query
    if query_terms(conn, query) <= 2:  # fts adds two subscores in either order: exactly equal
        assert ours == oracle, query
    keys = conn.execute(
        f"SELECT doc_id, assessment_id, qs_number, kind, heading FROM {SEARCH_TABLE}"
    ).fetchall()
    by_id = {doc_id: rest for doc_id, *rest in keys}
    expected = sorted(
        oracle,
        key=lambda d: (-round(oracle[d], 9), by_id[d][0], by_id[d][1] or 0, d),
    )
    assert [(h.assessment_id, h.qs_number, h.kind, h.heading) for h in hits] == [
        tuple(by_id[d]) for d in expected
    ], query


@pytest.mark.parametrize("query", QUERIES)
def test_the_ranking_is_the_fts_extensions(corpus: duckdb.DuckDBPyConnection, query: str) -> None:
    assert_ranked_as_fts_ranks(corpus, query)


def test_the_mirrors_ranking_is_the_fts_extensions(mirror: duckdb.DuckDBPyConnection) -> None:
    """Placeholder prose, alike in every report, and real finding headings: many ties."""
    for query in ("timeliness", "care and support", "paragraph mirror written", "placeholder"):
        assert_ranked_as_fts_ranks(mirror, query)


def test_tokens_and_stop_words_are_the_fts_extensions(corpus: duckdb.DuckDBPyConnection) -> None:
    fts_oracle(corpus)
    ours = {sw for (sw,) in corpus.execute(f"SELECT sw FROM {INDEX_SCHEMA}.stopword").fetchall()}
    theirs = {sw for (sw,) in corpus.execute(f"SELECT sw FROM {FTS_SCHEMA}.stopwords").fetchall()}
    assert ours == theirs and len(ours) > 500
    for text in TRICKY:
        mine, fts = corpus.execute(
            f"SELECT {INDEX_SCHEMA}.tokenize($t), {FTS_SCHEMA}.tokenize($t)", {"t": text}
        ).fetchone() or (None, None)
        assert mine == fts, text
    # The terms of every text are the ones fts indexed, occurrence for occurrence.
    ours_terms = corpus.execute(
        f"SELECT d.doc_id, p.term, p.tf FROM {INDEX_SCHEMA}.posting AS p "
        f"JOIN {INDEX_SCHEMA}.doc AS d USING (docno) ORDER BY ALL"
    ).fetchall()
    theirs_terms = corpus.execute(
        f"SELECT d.name, dict.term, count(*) FROM {FTS_SCHEMA}.terms AS t "
        f"JOIN {FTS_SCHEMA}.docs AS d USING (docid) JOIN {FTS_SCHEMA}.dict AS dict USING (termid) "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert ours_terms == theirs_terms
    lengths = f"SELECT doc_id, len FROM {INDEX_SCHEMA}.doc ORDER BY ALL"
    assert (
        corpus.execute(lengths).fetchall()
        == corpus.execute(f"SELECT name, len FROM {FTS_SCHEMA}.docs ORDER BY ALL").fetchall()
    )


def index_rows(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Everything the index holds, by doc id (docno is the index's own numbering)."""
    return {
        "documents": conn.execute(f"SELECT * FROM {SEARCH_TABLE} ORDER BY ALL").fetchall(),
        "terms": conn.execute(
            f"SELECT d.doc_id, p.term, p.tf FROM {INDEX_SCHEMA}.posting AS p "
            f"JOIN {INDEX_SCHEMA}.doc AS d USING (docno) ORDER BY ALL"
        ).fetchall(),
        "docs": conn.execute(
            f"SELECT doc_id, assessment_id, len FROM {INDEX_SCHEMA}.doc ORDER BY ALL"
        ).fetchall(),
        "reports": conn.execute(f"SELECT * FROM {INDEX_SCHEMA}.report ORDER BY ALL").fetchall(),
    }


def assert_as_if_built_whole(conn: duckdb.DuckDBPyConnection) -> None:
    """The index kept report by report holds what one built whole from the same rows does."""
    kept = index_rows(conn)
    conn.execute("BEGIN TRANSACTION")
    try:
        build_search_index(conn, whole=True)
        whole = index_rows(conn)
    finally:
        conn.execute("ROLLBACK")
    assert kept == whole


def numbered(conn: duckdb.DuckDBPyConnection, report: str) -> list[tuple[Any, ...]]:
    return conn.execute(
        f"SELECT docno, doc_id FROM {INDEX_SCHEMA}.doc WHERE assessment_id = ? ORDER BY ALL",
        [report],
    ).fetchall()


def test_nothing_changed_nothing_indexed(corpus: duckdb.DuckDBPyConnection) -> None:
    before = index_rows(corpus)
    done = refresh_benchmarks(corpus)
    assert (done.rebuilt, done.reports_indexed, done.search_documents) == (
        False,
        0,
        len(before["documents"]),
    )
    assert index_rows(corpus) == before


def test_a_changed_report_alone_is_indexed_again(corpus: duckdb.DuckDBPyConnection) -> None:
    durham, stoke = Reports.durham.slug, Reports.stoke.slug
    stoke_numbers = numbered(corpus, stoke)
    assert search(corpus, "xylophone") == []
    findings = {4: [KeyFinding(heading="Home care", text="A xylophone of waiting times.")]}
    save_test_report(corpus, with_findings(Reports.durham, FINDINGS["durham"] | findings))
    done = refresh_benchmarks(corpus)
    assert done.reports_indexed == 1
    [hit] = search(corpus, "xylophone")
    assert (hit.assessment_id, hit.qs_number) == (durham, 4)
    assert numbered(corpus, stoke) == stoke_numbers  # untouched
    assert_as_if_built_whole(corpus)
    assert_ranked_as_fts_ranks(corpus, "waiting times")


def test_a_deleted_report_leaves_the_index(corpus: duckdb.DuckDBPyConnection) -> None:
    staffordshire = Reports.staffordshire.slug
    delete_report(corpus, staffordshire)
    assert refresh_benchmarks(corpus).reports_indexed == 1
    assert numbered(corpus, staffordshire) == []
    assert all(h.assessment_id != staffordshire for h in search(corpus, "waiting list"))
    assert_as_if_built_whole(corpus)


def test_a_council_renamed_indexes_its_reports_again(corpus: duckdb.DuckDBPyConnection) -> None:
    """The council's name is in each of its texts' rows, though in none of their terms."""
    corpus.execute(
        "UPDATE local_authority SET name = 'Durham' WHERE la_code = ?",
        [Reports.la_code(Reports.durham)],
    )
    assert refresh_benchmarks(corpus).reports_indexed == 1
    [hit] = search(corpus, "longer")
    assert (hit.assessment_id, hit.council) == (Reports.durham.slug, "Durham")
    assert_as_if_built_whole(corpus)


def test_an_index_other_code_built_is_not_read_and_is_built_again(
    corpus: duckdb.DuckDBPyConnection,
) -> None:
    corpus.execute(f"UPDATE {INDEX_SCHEMA}.built SET code_digest = 'an older release'")
    assert not has_search_index(corpus)
    with pytest.raises(SearchUnavailableError, match="another version of cqc"):
        search(corpus, "waiting")
    assert refresh_benchmarks(corpus).reports_indexed == 4
    assert has_search_index(corpus) and search(corpus, "waiting")


def test_the_fts_index_of_an_older_release_is_replaced(corpus: duckdb.DuckDBPyConnection) -> None:
    """A warehouse from before issue 22: fts's index and no index of ours."""
    corpus.execute(f"DROP SCHEMA {INDEX_SCHEMA} CASCADE")
    fts_oracle(corpus)
    assert not has_search_index(corpus)
    with pytest.raises(SearchUnavailableError, match="no search index yet"):
        search(corpus, "waiting")
    done = refresh_benchmarks(corpus)
    assert (done.reports_indexed, done.search_error) == (4, None)
    schemas = {s for (s,) in corpus.execute("SELECT schema_name FROM duckdb_schemas()").fetchall()}
    assert FTS_SCHEMA not in schemas and INDEX_SCHEMA in schemas
    assert search(corpus, "waiting list")[0].council == "Staffordshire"


def tables_named(sql: str, tables: set[str]) -> set[str]:
    return {t for t in tables if re.search(rf"\b{t}\b", sql)}


def test_each_reports_digest_covers_every_table_its_texts_are_built_from(
    corpus: duckdb.DuckDBPyConnection,
) -> None:
    """A change to a table the texts are read from, and the digest does not see, would
    leave a report's texts stale: the view that builds them reads no table the digest does
    not hash."""
    tables = {
        t
        for (t,) in corpus.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }
    views = dict(
        corpus.execute(
            "SELECT view_name, sql FROM duckdb_views() WHERE schema_name = ?", [INDEX_SCHEMA]
        ).fetchall()
    )
    read = tables_named(views["document"], tables)
    assert read == {"assessment", "local_authority", "quality_statement_score", "key_finding"}
    assert read <= tables_named(views["report_input"], tables)
