"""Runs that tell the truth: a report withdrawn from the listing, a listing that shrinks, a
`--db` that is no DuckDB database. Real `cqc` processes against the mirror server."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import html as lxml_html

from extract.warc import WarcArchive
from mirror.server import MirrorServer
from tests.flows.test_run_stops import CQC, cli_env, data_tables, ingest
from warehouse.db import connect

pytestmark = pytest.mark.e2e

LISTING = "care-services/local-authority-assessment-reports"
CROYDON_RANKED = (
    "SELECT count(*) FROM league_table WHERE la_code = "
    "(SELECT la_code FROM assessment WHERE assessment_id = 'croydon-1025')"
)
ITEM = re.compile(r'\s*<li class="listing-item">.*?</li>', re.S)


def listing_pages(site: Path) -> list[Path]:
    return sorted((site / "care-services").glob("local-authority-assessment-reports*.html"))


def drop_from_listing(site: Path, keep: int | None = None, slug: str | None = None) -> None:
    """Take reports out of the listing: the one `slug`, or all but the first `keep`."""
    kept = 0
    for page in listing_pages(site):
        text = page.read_text(encoding="utf-8")

        def drop(match: re.Match[str]) -> str:
            nonlocal kept
            if slug is not None:
                return "" if f'/{slug}"' in match.group(0) else match.group(0)
            kept += 1
            return match.group(0) if keep is not None and kept <= keep else ""

        page.write_text(ITEM.sub(drop, text), encoding="utf-8")


def run(args: list[str], tmp_path: Path, api_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        env=cli_env(tmp_path, api_url, CQC_PDFS="false"),
        timeout=600,
    )


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert "Traceback" not in text
    return lines[-1]


def test_a_report_gone_from_the_listing_is_withdrawn_kept_and_back_when_listed_again(
    tmp_path: Path, site_copy: Path, prefect_api_url: str
) -> None:
    original = {page: page.read_bytes() for page in listing_pages(site_copy)}
    db = tmp_path / "cqc.duckdb"
    with MirrorServer(site_copy) as server:
        first = run(ingest(server, tmp_path, "--max-reports", "5"), tmp_path, prefect_api_url)
        assert first.returncode == 0, first.stdout + first.stderr
        drop_from_listing(site_copy, slug="croydon-1025")
        second = run(ingest(server, tmp_path, "--max-reports", "5"), tmp_path, prefect_api_url)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "croydon-1025 no longer in the listing: marked withdrawn" in second.stdout
        with connect(db, read_only=True) as conn:
            assert conn.execute(
                "SELECT run_id, change_kind, old_value, new_value FROM report_change "
                "WHERE assessment_id = 'croydon-1025' ORDER BY run_id"
            ).fetchall() == [
                (1, "new_report", None, "croydon-1025"),
                (2, "withdrawn", "listed", "withdrawn"),
            ]
            # kept, flagged, and out of every rank
            assert conn.execute(
                "SELECT overall_rating, withdrawn FROM assessment "
                "WHERE assessment_id = 'croydon-1025'"
            ).fetchall() == [("Good", True)]
            assert conn.execute(CROYDON_RANKED).fetchall() == [(0,)]
            assert conn.execute(
                "SELECT status, since_run FROM report_status WHERE slug = 'croydon-1025'"
            ).fetchall() == [("withdrawn", 2)]
        # shown in the report: the feed's entry and the council's page
        out = tmp_path / "report"
        report = run([CQC, "report", "--db", str(db), "--out", str(out)], tmp_path, prefect_api_url)
        assert report.returncode == 0, report.stdout + report.stderr
        atom = "{http://www.w3.org/2005/Atom}"
        titles = [
            e.findtext(f"{atom}title") for e in ET.parse(out / "feed.atom").iter(f"{atom}entry")
        ]
        assert "Croydon: withdrawn from CQC's listing" in titles
        [page] = [
            p for p in (out / "council").glob("*.html") if "withdrawn-croydon-1025" in p.read_text()
        ]
        assert page.name == "croydon.html"
        assert "CQC's listing no longer names the report" in page.read_text()

        for page, data in original.items():
            page.write_bytes(data)
        third = run(ingest(server, tmp_path, "--max-reports", "5"), tmp_path, prefect_api_url)
        assert third.returncode == 0, third.stdout + third.stderr
        assert "croydon-1025 is listed again" in third.stdout
    with connect(db, read_only=True) as conn:
        assert conn.execute(
            "SELECT withdrawn FROM assessment WHERE assessment_id = 'croydon-1025'"
        ).fetchall() == [(False,)]
        assert conn.execute(
            "SELECT change_kind FROM report_change WHERE assessment_id = 'croydon-1025' "
            "AND run_id = 3"
        ).fetchall() == [("relisted",)]
        assert conn.execute(CROYDON_RANKED).fetchall() == [(1,)]


def test_a_listing_that_shrinks_sharply_stops_the_run_and_keeps_every_table(
    tmp_path: Path, site_copy: Path, prefect_api_url: str
) -> None:
    """Five reports held; then a listing of three (a drop of 40 %), then one of none: each
    run stops with one line, loads nothing, withdraws nothing."""
    db = tmp_path / "cqc.duckdb"
    original = {page: page.read_bytes() for page in listing_pages(site_copy)}
    with MirrorServer(site_copy) as server:
        first = run(ingest(server, tmp_path, "--max-reports", "5"), tmp_path, prefect_api_url)
        assert first.returncode == 0, first.stdout + first.stderr
        before = data_tables(db)
        for keep in (3, 0):
            for page, data in original.items():
                page.write_bytes(data)
            drop_from_listing(site_copy, keep=keep)
            done = run(ingest(server, tmp_path, "--max-reports", "5"), tmp_path, prefect_api_url)
            assert done.returncode == 1, done.stdout + done.stderr
            line = one_line(done.stderr)
            assert line.startswith("ingest failed:")
            assert f"the listing names {keep} reports where the warehouse holds 5" in line
            assert "every table is kept" in line
            assert data_tables(db) == before
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM assessment WHERE withdrawn").fetchall() == [(0,)]
        assert conn.execute("SELECT status FROM ingest_run ORDER BY run_id").fetchall() == [
            ("finished",),
            ("failed",),
            ("failed",),
        ]


def test_every_command_refuses_a_db_that_is_no_duckdb_database_and_never_touches_it(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """DuckDB opens a Parquet or CSV file as a database holding a view of it: an ingest into
    it would report success and store nothing."""
    parquet, csv = tmp_path / "scores.parquet", tmp_path / "scores.csv"
    with connect(tmp_path / "scratch.duckdb") as conn:
        conn.execute(f"COPY (SELECT 1 AS qs1) TO '{parquet}' (FORMAT parquet)")
    csv.write_text("council,qs1\nDurham,3\n", encoding="utf-8")
    held = {path: path.read_bytes() for path in (parquet, csv)}
    with MirrorServer() as server:
        commands = {
            "ingest": ingest(server, tmp_path),
            "reparse": [CQC, "reparse", "--archive", str(tmp_path / "raw")],
            "refresh-benchmarks": [CQC, "refresh-benchmarks"],
            "sql": [CQC, "sql", "SELECT 1"],
            "compare": [CQC, "compare", "Durham"],
            "export": [CQC, "export", "--out", str(tmp_path / "out")],
        }
        for number, (name, args) in enumerate(commands.items()):
            wrong = parquet if number % 2 == 0 else csv
            if "--db" in args:
                args[args.index("--db") + 1] = str(wrong)
            else:
                args += ["--db", str(wrong)]
            done = run(args, tmp_path, prefect_api_url)
            assert done.returncode == 1, (name, done.stdout, done.stderr)
            line = one_line(done.stderr)
            assert f"the warehouse {wrong} cannot be opened: it is not a DuckDB database" in line
            assert len([t for t in done.stderr.splitlines() if t.strip()]) == 1, (name, done.stderr)
        assert not server.requests
    assert {path: path.read_bytes() for path in held} == held


def test_an_unwritable_prefect_home_is_one_line_before_anything_starts(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """With a Prefect server configured the run goes through Prefect, which would warn, then
    time out with a long traceback; with none configured Prefect's home is never used."""
    db = tmp_path / "cqc.duckdb"
    with MirrorServer() as server:
        for args in (ingest(server, tmp_path), [CQC, "refresh-benchmarks", "--db", str(db)]):
            env = cli_env(tmp_path, prefect_api_url, PREFECT_HOME="/proc/no-such-dir/prefect")
            done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
            assert done.returncode == 1, done.stdout + done.stderr
            assert done.stderr.strip().splitlines() == [
                "Prefect's home /proc/no-such-dir/prefect cannot be written (No such file or "
                "directory): set PREFECT_HOME to a writable directory"
            ]
        assert not server.requests
    assert not db.exists()
    env = cli_env(tmp_path, None, PREFECT_HOME="/proc/no-such-dir/prefect")
    env["PREFECT_PROFILES_PATH"] = os.devnull
    done = subprocess.run(
        [CQC, "refresh-benchmarks", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Benchmarks refreshed: 0 councils ranked")
    assert db.exists()


def forge(archive: WarcArchive, url_end: str) -> None:
    """Change one digit of an archived response and make its gzip member valid again: the
    record now fails its digest check, and only that."""
    [entry] = [e for e in archive.entries() if e.url.endswith(url_end) and e.status == 200]
    path = archive.dir / entry.file
    data = path.read_bytes()
    member = gzip.decompress(data[entry.offset : entry.offset + entry.length])
    forged = gzip.compress(re.sub(rb"Score: (\d)", rb"Score: 9", member, count=1))
    assert forged != data[entry.offset : entry.offset + entry.length]
    path.write_bytes(data[: entry.offset] + forged + data[entry.offset + entry.length :])
    archive.rebuild_index()


def test_reparse_exits_3_on_a_record_that_fails_its_digest_and_1_on_a_damaged_archive(
    tmp_path: Path, prefect_api_url: str
) -> None:
    raw = tmp_path / "raw"
    with MirrorServer() as server:
        first = run(ingest(server, tmp_path, "--max-reports", "3"), tmp_path, prefect_api_url)
    assert first.returncode == 0, first.stdout + first.stderr
    archive = WarcArchive(raw)
    forge(archive, "/croydon-1025-summary")
    reparse = [CQC, "reparse", "--archive", str(raw), "--db", str(tmp_path / "new.duckdb")]
    done = run(reparse, tmp_path, prefect_api_url)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "2 reports re-parsed" in done.stdout and "1 not loaded" in done.stdout
    not_loaded = r"croydon-1025 not loaded since \S+ \(run 1\): fetch: .*digest mismatch"
    assert re.search(not_loaded, done.stdout)

    for file in archive.files():  # every record's bytes damaged: nothing can be read back
        data = bytearray(file.read_bytes())
        for at in range(100, len(data), 200):
            data[at] ^= 0xFF
        file.write_bytes(bytes(data))
    done = run(reparse, tmp_path, prefect_api_url)
    assert done.returncode == 1, done.stdout + done.stderr
    line = one_line(done.stderr)
    assert f"the archive at {raw} is damaged:" in line and "nothing reparsed" in line


CONTROLS = "".join(
    chr(c) for c in (*range(0x01, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"
)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_a_run_over_pages_seeded_with_every_control_character_gives_a_valid_feed_and_pages(
    tmp_path: Path, site_copy: Path, prefect_api_url: str
) -> None:
    """Stoke-on-Trent's pages carry every C0 and C1 control and the bidi controls in its
    council name and its text; Islington's rating word holds console markup ([/b]). The run
    loads Stoke clean, names Islington's reason as typed (exit 3 for it and the pilots, no
    traceback), and the feed and every page of the report validate."""
    reports = site_copy / "care-services/local-authority-assessment-reports"
    for page in reports.glob("stokeontrent-0625*.html"):
        text = page.read_text(encoding="utf-8")
        text = text.replace("Stoke-on-Trent City Council", f"Stoke-on-Trent\x01 City{BIDI} Council")
        text = text.replace("[placeholder] A second paragraph", f"[placeholder]{CONTROLS} A second")
        page.write_text(text, encoding="utf-8")
    islington = reports / "islington-0625-summary.html"
    islington.write_text(
        islington.read_text(encoding="utf-8").replace(
            "<div><strong>Good</strong></div>", "<div><strong>[/b]Good[red]</strong></div>"
        ),
        encoding="utf-8",
    )
    db = tmp_path / "cqc.duckdb"
    with MirrorServer(site_copy) as server:
        done = run(ingest(server, tmp_path), tmp_path, prefect_api_url)
    assert done.returncode == 3, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert "4 not loaded" in done.stdout
    # the reason quotes the page's rating word, markup and all, as typed
    [line] = [line for line in done.stdout.splitlines() if "islington-0625 not loaded" in line]
    assert "[/b]Good[red]" in line
    with connect(db, read_only=True) as conn:
        (name, experience) = conn.execute(
            "SELECT la_name_published, people_experience FROM assessment "
            "WHERE assessment_id = 'stokeontrent-0625'"
        ).fetchone() or ("", "")
    assert name == "Stoke-on-Trent City Council"
    assert "A second" in experience and not FORBIDDEN.search(experience)

    out = tmp_path / "report"
    report = run([CQC, "report", "--db", str(db), "--out", str(out)], tmp_path, prefect_api_url)
    assert report.returncode == 0, report.stdout + report.stderr
    ET.parse(out / "feed.atom")  # well-formed XML, or it raises
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 153
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text), page
        lxml_html.document_fromstring(text)  # parses
