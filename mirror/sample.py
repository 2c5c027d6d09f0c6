"""A sample warehouse loaded straight from the mirror's files: no server, no Prefect run.

Deterministic (no timestamps, no run rows), so what it holds can be written into docs: the data
dictionary takes its example values from it. The ingest is what loads real warehouses; this
runs its per-report pipeline (`transform.pipeline.build_outcome`) and its per-report load
(`warehouse.load.save_outcome`) on the files directly.

    python -m mirror.sample data/sample.duckdb
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb

from mirror.model import STATEMENTS, load_reports, url_to_file
from mirror.provider_files import PROVIDER_MONTHS, TEST_SCALE, provider_file_bytes
from pipeline.providers import load_provider_file
from transform.councils import load_councils
from transform.decode import decode_page
from transform.errors import PageParseError
from transform.links import download_links
from transform.pipeline import ArchivedPage, ReportSource, build_outcome
from transform.records import ListingEntry
from transform.version import PARSER_VERSION
from warehouse.db import build_benchmarks, connect, init_schema
from warehouse.load import save_local_authorities, save_outcome, transaction
from warehouse.search import build_search_index, load_fts

SITE = Path(__file__).resolve().parent / "site"
ORIGIN = "http://127.0.0.1:8000"
# Reports whose PDFs are read too (parsing all 72 takes minutes): an ordinary one, the one
# whose PDF disagrees with its pages, and one whose key findings only its PDF has.
WITH_PDF = ("stokeontrent-0625", "southendonsea-0825", "islesofscilly-0925")


def url_for(file: Path, site: Path = SITE) -> str:
    """The URL the mirror server serves a file at (see mirror/server.py)."""
    path = "/" + file.relative_to(site).as_posix().removesuffix(".html")
    match = re.search(r"\.page-(\d+)$", path)
    if match:
        path = f"{path[: match.start()]}?page={match.group(1)}"
    return ORIGIN + path


def _text(page: ArchivedPage) -> str | bytes:
    """The text the parser will read, so the page's soup is built once for both readers (the
    bytes of a page that does not decode: the pipeline makes that the report's issue)."""
    try:
        return decode_page(page.body, page.content_type, page.url).text
    except PageParseError:
        return page.body


def load_mirror(conn: duckdb.DuckDBPyConnection, site: Path = SITE) -> int:
    """Load every valid report of the mirror at `site` into `conn` through the ingest's own
    per-report pipeline and load; return how many loaded."""
    init_schema(conn)
    save_local_authorities(conn, load_councils())
    loaded = 0
    with transaction(conn):
        for r in load_reports():
            paths = [r.about_path, r.summary_path, *(r.statement_path(st) for st in STATEMENTS)]
            pages = [
                ArchivedPage(ORIGIN + path, (site / url_to_file(path)).read_bytes(), "text/html")
                for path in paths
            ]
            entry = ListingEntry(
                la_name=r.name,
                section="pilot" if r.pilot else "report",
                slug=r.slug,
                url=ORIGIN + r.about_path,
                assessment_kind="pilot" if r.pilot else "formal",
            )
            links = list(dict.fromkeys(u for p in pages for u in download_links(_text(p), p.url)))
            pdf = None
            if r.slug in WITH_PDF and links:
                data = (site / links[0].removeprefix(ORIGIN + "/")).read_bytes()
                pdf = ArchivedPage(links[0], data, "application/pdf")
            source = ReportSource(entry, pages, pdf=pdf, pdf_links=links)
            outcome = build_outcome(source)
            save_outcome(conn, outcome, parser_version=PARSER_VERSION)
            loaded += outcome.report is not None
        build_benchmarks(conn)  # no refresh logged: the sample holds no runs
        load_fts(conn)
        build_search_index(conn)  # as a refresh does, so `cqc search` works on the sample
    load_market(conn)
    return loaded


def load_market(conn: duckdb.DuckDBPyConnection, scale: float = TEST_SCALE) -> None:
    """The mirror's provider files of both months, oldest first, at `scale` (the tests' small
    size by default), through the providers run's own load: the market figures and their
    12-month change for every council."""
    for month in sorted(PROVIDER_MONTHS, key=lambda m: m.snapshot):
        for name in ("HSCA_Active_Locations", "Latest_ratings"):
            load = load_provider_file(
                conn,
                provider_file_bytes(month, name, scale),
                url=ORIGIN + month.file_url(name),
                month=month.snapshot,
                run_id=None,
            )
            if load.status != "loaded":
                raise RuntimeError(f"the mirror's {name} of {month.label}: {load.error}")


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
