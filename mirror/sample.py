"""A sample warehouse loaded straight from the mirror's files: no server, no Prefect run.

Deterministic (no timestamps, no run rows), so what it holds can be written into docs: the data
dictionary takes its example values from it. The ingest is what loads real warehouses; this
runs its per-report steps (build_report, add_pdf, save_outcome_now) on the files directly.

    python -m mirror.sample data/sample.duckdb
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extract.crawl import CrawlResult
from extract.http import FetchedPage
from flows.ingest import add_pdf, build_report, save_outcome_now, wants_pdf_parse
from flows.pdfs import PdfDownload, pdf_links
from mirror.build import STATEMENTS, load_reports, url_to_file
from transform.councils import load_councils
from transform.pdf_report import read_report_pdf
from transform.records import ListingEntry
from warehouse.db import build_benchmarks, connect, init_schema
from warehouse.load import save_local_authorities, transaction

SITE = Path(__file__).resolve().parent / "site"
ORIGIN = "http://127.0.0.1:8000"
# Reports whose PDFs are read too (parsing all 72 takes minutes): an ordinary one, the one
# whose PDF disagrees with its pages, and one whose key findings only its PDF has.
SAMPLE_TIME = datetime(2026, 1, 1, tzinfo=UTC)
WITH_PDF = ("stokeontrent-0625", "southendonsea-0825", "islesofscilly-0925")


def url_for(file: Path, site: Path = SITE) -> str:
    """The URL the mirror server serves a file at (see mirror/server.py)."""
    path = "/" + file.relative_to(site).as_posix().removesuffix(".html")
    match = re.search(r"\.page-(\d+)$", path)
    if match:
        path = f"{path[: match.start()]}?page={match.group(1)}"
    return ORIGIN + path


def load_mirror(conn: duckdb.DuckDBPyConnection, site: Path = SITE) -> int:
    """Load every valid report of the mirror at `site` into `conn` through the ingest's own
    steps (`build_report`, `add_pdf`, `save_outcome_now`); return how many loaded."""
    init_schema(conn)
    save_local_authorities(conn, load_councils())
    loaded = 0
    with transaction(conn):
        for r in load_reports():
            paths = [r.about_path, r.summary_path, *(r.statement_path(st) for st in STATEMENTS)]
            pages = [
                _fetched(ORIGIN + path, (site / url_to_file(path)).read_bytes(), "text/html")
                for path in paths
            ]
            entry = ListingEntry(
                la_name=r.name,
                section="pilot" if r.pilot else "report",
                slug=r.slug,
                url=ORIGIN + r.about_path,
                assessment_kind="pilot" if r.pilot else "formal",
            )
            outcome = build_report(entry, CrawlResult(pages=pages))
            links = pdf_links(pages)
            if r.slug in WITH_PDF and links and wants_pdf_parse(outcome):
                data = (site / links[0].removeprefix(ORIGIN + "/")).read_bytes()
                pdf = _fetched(links[0], data, "application/pdf")
                download = PdfDownload(links=links, page=pdf)
                outcome = add_pdf(outcome, download, read_report_pdf(data, pdf.url))
            save_outcome_now(conn, outcome)
            loaded += outcome.report is not None
        build_benchmarks(conn)  # no refresh logged: the sample holds no runs
    return loaded


def _fetched(url: str, body: bytes, content_type: str) -> FetchedPage:
    """A file of the mirror as if fetched (at a fixed time: the sample holds no timestamps)."""
    return FetchedPage(url, 200, body, content_type, SAMPLE_TIME, 0.0)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m mirror.sample OUT.duckdb")
    out = Path(args[0])
    out.unlink(missing_ok=True)
    with connect(out) as conn:
        print(f"{load_mirror(conn)} reports loaded into {out}")


if __name__ == "__main__":
    main()
