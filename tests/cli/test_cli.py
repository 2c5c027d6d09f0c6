"""The `cqc` command line, run in-process with Typer's runner (no Prefect server needed)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from mirror.server import MirrorServer
from transform.councils import load_councils
from warehouse.db import connect, init_schema
from warehouse.load import save_local_authorities

REPORTS = (
    Path(__file__).resolve().parents[2]
    / "mirror/site/care-services/local-authority-assessment-reports"
)
PILOT = "/care-services/local-authority-assessment-reports/birmingham-cc"
runner = CliRunner()


def test_parse_prints_a_summary_page_as_json() -> None:
    result = runner.invoke(app, ["parse", str(REPORTS / "stokeontrent-0625-summary.html")])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert parsed["page_kind"] == "summary"
    assert parsed["la_name"] == "Stoke-on-Trent City Council"
    assert parsed["assessment_kind"] == "formal" and parsed["indicative"] is False
    assert parsed["published_on"] == "2025-06-13"
    assert (parsed["overall_rating"], parsed["overall_score_pct"]) == ("Good", 64)
    assert [s["score"] for s in parsed["quality_statements"]] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    assert parsed["quality_statements"][1] == {
        "number": 2,
        "name": "Supporting people to live healthier lives",
        "theme": "Working with people",
        "score": 2,
    }


def test_parse_reads_a_url_and_a_pilot_page() -> None:
    with MirrorServer() as server:
        url = f"{server.base_url}{PILOT}/overall-summary"
        result = runner.invoke(app, ["parse", url])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert (parsed["page_kind"], parsed["slug"]) == ("summary", "birmingham-cc")
    assert (parsed["assessment_kind"], parsed["indicative"]) == ("pilot", True)
    assert (parsed["overall_rating"], parsed["overall_score_pct"]) == ("Good", None)
    assert [s["score"] for s in parsed["quality_statements"]] == [2, 3, 3, 3, 3, 2, 2, 3, 3]


def test_parse_of_a_page_without_facts_says_so(tmp_path: Path) -> None:
    """A page is read for every fact; one that carries none is "other", and says so."""
    page = tmp_path / "contact.html"
    page.write_text("<html><body><h1>Contact us</h1></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(page)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["page_kind"] == "other"
    assert "carries none of a report's facts" in result.stderr


def test_sql_is_read_only_and_formats_json(tmp_path: Path) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    query = "SELECT region, count(*) AS n FROM local_authority GROUP BY 1 ORDER BY 1"
    result = runner.invoke(app, ["sql", "--db", str(db), "--format", "json", query])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sum(r["n"] for r in rows) == 153 and len(rows) == 9
    assert {"region": "West Midlands", "n": 14} in rows
    refused = runner.invoke(app, ["sql", "--db", str(db), "DELETE FROM local_authority"])
    assert refused.exit_code == 1 and "SQL error" in refused.stderr


def test_sql_on_a_missing_warehouse_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert result.exit_code == 1
    assert "none.duckdb" in result.stderr


FILES = Path(__file__).resolve().parents[2] / "mirror/site/sites/default/files"


def test_parse_prints_a_report_pdf_in_the_same_shape() -> None:
    pdf = FILES / "2025-06/stokeontrent-0625-local-authority-assessment.pdf"
    result = runner.invoke(app, ["parse", str(pdf)])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert (parsed["page_kind"], parsed["slug"]) == ("report_pdf", "stokeontrent-0625")
    assert parsed["la_name"] == "Stoke-on-Trent City Council"
    assert (parsed["overall_rating"], parsed["overall_score_pct"]) == ("Good", 64)
    assert [s["score"] for s in parsed["quality_statements"]] == [2, 2, 2, 3, 3, 2, 3, 3, 3]


def test_parse_of_a_truncated_pdf_is_one_line_naming_the_file() -> None:
    broken = next((FILES / "broken").glob("*truncated*.pdf"))
    result = runner.invoke(app, ["parse", str(broken)])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert broken.name in message and "Traceback" not in message
    assert len(message.splitlines()) == 1


def test_sql_sees_the_warehouse_and_nothing_else(tmp_path: Path) -> None:
    """Typed SQL can read the warehouse, but cannot write or read host files, attach other
    databases, or install or load extensions."""
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    ok = runner.invoke(app, ["sql", "--db", str(db), "SELECT count(*) AS n FROM local_authority"])
    assert ok.exit_code == 0 and "153" in ok.stdout
    target = tmp_path / "written.csv"
    for query in (
        f"COPY (SELECT * FROM local_authority) TO '{target}'",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_csv('/etc/hosts')",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ):
        refused = runner.invoke(app, ["sql", "--db", str(db), query])
        assert refused.exit_code == 1 and "SQL error" in refused.stderr, query
    assert not target.exists() and not (tmp_path / "other.duckdb").exists()


def test_a_file_that_is_no_warehouse_is_one_line_for_every_reader(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database")
    for command in (
        ["sql", "--db", str(bogus), "SELECT 1"],
        ["report", "--db", str(bogus), "--out", str(tmp_path / "report")],
        ["export", "--db", str(bogus), "--format", "csv", "--out", str(tmp_path / "out")],
        ["compare", "--db", str(bogus), "Stoke-on-Trent"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
        # The reason is warehouse.db's (DuckDB's IO Error, or its own look at the file).
        [line] = result.stderr.splitlines()
        assert line.startswith(f"the warehouse {bogus} cannot be opened: "), line
        assert "Traceback" not in result.output


def test_report_site_url_makes_the_feed_absolute_and_refuses_a_non_web_address(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    out = tmp_path / "report"
    refused = runner.invoke(
        app, ["report", "--db", str(db), "--out", str(out), "--site-url", "file:///etc/"]
    )
    assert refused.exit_code == 2 and "not an http(s) address" in refused.stderr
    assert not out.exists()
    done = runner.invoke(
        app, ["report", "--db", str(db), "--out", str(out), "--site-url", "https://example.org/c"]
    )
    assert done.exit_code == 0, done.output
    feed = (out / "feed.atom").read_text()
    assert 'href="https://example.org/c/feed.atom"' in feed


def test_a_file_written_by_duckdb_2_is_one_line_naming_the_versions(
    tmp_path: Path, newer_duckdb_file: Path
) -> None:
    newer = newer_duckdb_file
    for command in (
        ["sql", "--db", str(newer), "SELECT * FROM t"],
        ["report", "--db", str(newer), "--out", str(tmp_path / "report")],
        ["export", "--db", str(newer), "--format", "xlsx", "--out", str(tmp_path / "out")],
        ["compare", "--db", str(newer), "Stoke-on-Trent"],
        ["benchmark", "--db", str(newer)],
        ["neighbours", "--db", str(newer), "Stoke-on-Trent"],
        ["outcomes", "--db", str(newer)],
        ["search", "--db", str(newer), "waiting list"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
        assert "cannot be opened: IO Error" in result.output, (command, result.output)
        assert "written by a newer DuckDB than this program's 1.5.5" in result.output
        assert "Traceback" not in result.output
    assert newer.stat().st_size == 274432  # untouched


def test_parse_refuses_a_page_nested_a_thousand_deep_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 1000 + "x" + "</div>" * 1000 + "</body></html>")
    result = runner.invoke(app, ["parse", str(page)])
    assert result.exit_code == 2
    assert "nests elements more than 120 deep" in result.stderr
    assert "Traceback" not in result.output
