"""Full-text search (warehouse.search): BM25 over the findings, stemmed by the fts extension
loaded from its wheel. A small hand-made warehouse with real-sounding findings, and the
mirror's. The index kept report by report, against fts's own: test_search_index.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

import warehouse.benchmarks
from tests.warehouse_fixtures import Reports, open_copy, save_test_report
from transform.records import KeyFinding, Report
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect, sandbox
from warehouse.search import (
    INDEX_SCHEMA,
    EmptyQueryError,
    IndexUpdate,
    SearchUnavailableError,
    fts_extension_resource,
    has_search_index,
    load_fts,
    search,
    snippet,
)

STOKE_WAITING = (
    "At the time of our assessment 412 people were on the waiting list for a Care Act "
    "assessment, and the longest wait was over 12 months. Leaders had a plan to reduce the "
    "waiting list, but it was too early to see its impact."
)
STAFFS_NO_LIST = (
    "There was no waiting list for occupational therapy assessments; people were seen within "
    "28 days."
)
DURHAM_HOME_CARE = "Waiting times for home care were longer in rural parts of the county."


def with_findings(
    report: Report, findings: dict[int, list[KeyFinding]], people: list[str] | None = None
) -> Report:
    """The report with these statements' key findings (and people's experience) instead."""
    details = [
        d.model_copy(update={"key_findings": findings[d.statement.number]})
        if d.statement.number in findings
        else d
        for d in report.statement_details
    ]
    update: dict[str, Any] = {"statement_details": details}
    if people is not None:
        update["people_experience"] = people
    return report.model_copy(update=update)


@pytest.fixture(scope="module")
def findings_file(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three councils' reports with findings about waiting, indexed: built once for the
    module, copied for each test (`findings`)."""
    path = tmp_path_factory.mktemp("findings") / "cqc.duckdb"
    with open_copy(templates["empty"], path) as conn:
        stoke_findings = {
            1: [
                KeyFinding(heading="Access and timeliness", text=STOKE_WAITING),
                KeyFinding(heading=None, text="Carers' assessments were completed promptly."),
            ]
        }
        people = ["People said staff were kind, but many described long waits to hear back."]
        save_test_report(conn, with_findings(Reports.stoke, stoke_findings, people=people))
        staffs_findings = {1: [KeyFinding(heading=None, text=STAFFS_NO_LIST)]}
        save_test_report(conn, with_findings(Reports.staffordshire, staffs_findings))
        durham_findings = {
            4: [KeyFinding(heading="Home care", text=DURHAM_HOME_CARE)],
            7: [KeyFinding(heading=None, text="Safeguarding enquiries were triaged the same day.")],
        }
        save_test_report(conn, with_findings(Reports.durham, durham_findings))
        done = refresh_benchmarks(conn)
        assert done.search_error is None and done.search_documents is not None
        conn.execute("CHECKPOINT")
    return path


@pytest.fixture
def findings(findings_file: Path, db_path: Path) -> Path:
    """A copy of `findings_file` of the test's own; returns the file."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(findings_file, db_path)
    return db_path


@pytest.fixture
def conn(findings: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The test's copy of the findings warehouse, open for writing (here, in place of the
    empty warehouse of tests/warehouse_fixtures.py)."""
    with connect(findings) as connection:
        yield connection


@pytest.fixture
def reader(findings: Path, conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The fixture's warehouse with fts loaded first, then sandboxed, as `cqc search` does."""
    load_fts(conn)
    return conn


def test_ranking_puts_texts_with_every_word_first(reader: duckdb.DuckDBPyConnection) -> None:
    hits = search(reader, "waiting list")
    assert [(h.council, h.qs_number, h.kind) for h in hits] == [
        ("Staffordshire", 1, "key_finding"),  # both words, in a short text
        ("Stoke-on-Trent", 1, "key_finding"),  # both words, twice, in a longer one
        ("Stoke-on-Trent", None, "people_experience"),  # one word ("waits"), 13 words
        ("County Durham", 4, "key_finding"),  # one word, 14 words with its heading
    ]
    assert hits[0].score > hits[1].score > hits[2].score > hits[3].score
    stoke = hits[1]
    assert (
        stoke.url
        == "https://www.cqc.org.uk/care-services/local-authority-assessment-reports/stokeontrent-0625/qs1"
    )
    assert (stoke.region, stoke.heading, stoke.published_on) == (
        "West Midlands",
        "Access and timeliness",
        date(2025, 6, 13),
    )
    assert hits[2].url.endswith("/stokeontrent-0625") and hits[2].quality_statement is None


def test_the_snippet_is_a_window_around_the_first_stem_with_the_words_marked(
    reader: duckdb.DuckDBPyConnection,
) -> None:
    stoke = next(h for h in search(reader, "waiting list") if h.council == "Stoke-on-Trent")
    assert stoke.snippet == (
        "… of our assessment 412 people were on the «waiting» «list» for a Care Act "
        "assessment, and the longest «wait» was over 12 months. Leaders had …"
    )
    [home_care] = search(reader, "rural", limit=5)
    assert home_care.snippet == (
        "… Waiting times for home care were longer in «rural» parts of the county."
    )
    [heading_hit] = search(reader, "timeliness")
    assert heading_hit.snippet.startswith("Access and «timeliness»: At the time of our")


def test_snippet_marks_words_not_their_punctuation() -> None:
    words = ["people", "waited,", "and", "waited;", "then", "(waiting)", "stopped"]
    stems = [["peopl"], ["wait"], ["and"], ["wait"], ["then"], ["wait"], ["stop"]]
    assert snippet(words, stems, {"wait"}) == (
        "people «waited», and «waited»; then («waiting») stopped"
    )
    many = [f"w{n}" for n in range(60)]
    stems_many = [[w] for w in many]
    assert (
        snippet(many, stems_many, {"w30"})
        == "… " + " ".join([*many[22:30], "«w30»", *many[31:47]]) + " …"
    )
    assert snippet(many, stems_many, {"w1"}).startswith("w0 «w1» w2")


def test_filters_by_statement_and_region(reader: duckdb.DuckDBPyConnection) -> None:
    assert [h.council for h in search(reader, "waiting", qs_number=4)] == ["County Durham"]
    assert [h.council for h in search(reader, "waiting list", region="North East")] == [
        "County Durham"
    ]
    assert search(reader, "waiting", qs_number=9) == []
    assert len(search(reader, "waiting list", limit=2)) == 2


def test_a_query_of_stop_words_is_refused(reader: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(EmptyQueryError, match="nothing to search for"):
        search(reader, "the and of 2024 !!")
    assert search(reader, "xylophone") == []


def test_search_works_sandboxed_with_no_extension_autoloading(
    findings: Path, conn: duckdb.DuckDBPyConnection
) -> None:
    """The extension comes from the wheel by path: no INSTALL, no download, and the
    sandboxed connection (cqc sql's) still answers once it is loaded."""
    conn.close()  # a read-only connection cannot sit beside the writer
    with connect(findings, read_only=True) as conn:
        conn.execute("SET autoinstall_known_extensions = false")
        conn.execute("SET autoload_known_extensions = false")
        load_fts(conn)
        state = conn.execute(
            "SELECT loaded, installed FROM duckdb_extensions() WHERE extension_name = 'fts'"
        ).fetchone()
        sandbox(conn)
        assert search(conn, "waiting list")[0].council == "Staffordshire"
    assert state == (True, False)  # loaded from the wheel, never installed


def test_the_extension_is_found_inside_the_installed_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = fts_extension_resource()
    assert resource.is_file() and f"v{duckdb.__version__}" in str(resource)
    assert "duckdb_extension_fts" in str(resource)
    monkeypatch.setattr(duckdb, "__version__", "9.9.9")
    with pytest.raises(SearchUnavailableError, match=r"no fts extension for duckdb 9\.9\.9"):
        fts_extension_resource()


def test_a_warehouse_without_an_index_says_so(loaded: duckdb.DuckDBPyConnection) -> None:
    """Reports saved, no refresh since: no index yet."""
    load_fts(loaded)
    assert not has_search_index(loaded)
    with pytest.raises(SearchUnavailableError, match="cqc refresh-benchmarks"):
        search(loaded, "waiting")


def test_a_failed_index_build_keeps_the_new_benchmarks_and_the_old_index(
    findings: Path,
    conn: duckdb.DuckDBPyConnection,
    reports: Any,
    save: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = conn.execute("SELECT count(*) FROM search_document").fetchone()
    save(
        conn,
        reports.make(
            "barnsley-0125",
            "Barnsley Metropolitan Borough Council",
            [3] * 9,
            rating="Good",
            pct=75,
            published_on=date(2025, 1, 10),
        ),
    )

    def broken(c: duckdb.DuckDBPyConnection, *, whole: bool = False) -> IndexUpdate:
        c.execute("DELETE FROM search_document")  # part-way, then the disk fills
        raise duckdb.IOException("No space left on device")

    monkeypatch.setattr(warehouse.benchmarks, "build_search_index", broken)
    done = refresh_benchmarks(conn)
    assert done.search_documents is None
    assert done.search_error == (
        "the search index was not brought up to date: No space left on device"
    )
    assert conn.execute(
        "SELECT count(*) FROM league_table WHERE council = 'Barnsley'"
    ).fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM benchmark_refresh").fetchone() == (2,)
    assert conn.execute("SELECT count(*) FROM search_document").fetchone() == before
    load_fts(conn)
    assert search(conn, "waiting list")[0].council == "Staffordshire"


def test_without_the_extension_the_benchmarks_are_still_rebuilt(
    findings: Path, conn: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(c: duckdb.DuckDBPyConnection) -> None:
        raise SearchUnavailableError("search needs the duckdb-extension-fts package")

    monkeypatch.setattr(warehouse.benchmarks, "load_fts", missing)
    done = refresh_benchmarks(conn)
    assert done.search_error == "search needs the duckdb-extension-fts package"
    assert done.councils_ranked == 3


def test_the_mirror_warehouse_finds_its_finding_headings(
    mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    """The mirror's prose is placeholder, but its finding headings are real words: every
    finding under 'Access and timeliness' is found, and nothing else."""
    copy = tmp_path / "mirror.duckdb"  # sandboxing the shared instance would bind other tests
    shutil.copy(mirror_warehouse_file, copy)
    with connect(copy, read_only=True) as conn:
        load_fts(conn)
        sandbox(conn)
        expected = conn.execute(
            "SELECT count(*) FROM key_finding WHERE heading = 'Access and timeliness'"
        ).fetchone()
        hits = search(conn, "timeliness", limit=10_000)
        assert (len(hits),) == expected
        assert {(h.kind, h.heading) for h in hits} == {("key_finding", "Access and timeliness")}
        assert all(h.snippet.startswith("Access and «timeliness»: ") for h in hits)
        north_east = search(conn, "timeliness", qs_number=7, region="North East", limit=100)
        assert north_east and {(h.qs_number, h.region) for h in north_east} == {(7, "North East")}
        docs = conn.execute(f"SELECT count(*) FROM {INDEX_SCHEMA}.doc").fetchone()
        assert docs == conn.execute("SELECT count(*) FROM search_document").fetchone()
