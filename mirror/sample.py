"""A sample warehouse loaded straight from the mirror's files: no server, no Prefect, no run.

Deterministic (no timestamps, no run rows), so what it holds can be written into docs: the data
dictionary takes its example values from it. The ingest is what loads real warehouses; this
only reuses its stages (parse, assemble, validate, cross-check with the PDF, save).

    python -m mirror.sample data/sample.duckdb
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path

import duckdb

from transform.councils import load_councils, match_council
from transform.crosscheck import compare_sources, fill_from_pdf
from transform.links import download_links
from transform.pages import classify_page, parse_page
from transform.pdf_report import parse_report_pdf
from transform.records import AboutPage, QualityStatementPage, SummaryPage
from transform.report import assemble_report
from transform.validate import validate_report
from transform.version import PARSER_VERSION
from warehouse.db import build_benchmarks, connect, init_schema
from warehouse.load import SourcePage, save_local_authorities, save_report, transaction

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


def load_mirror(conn: duckdb.DuckDBPyConnection, site: Path = SITE) -> int:
    """Load every valid report of the mirror at `site` into `conn`; return how many loaded."""
    families: dict[str, list[tuple[AboutPage | SummaryPage | QualityStatementPage, bytes]]]
    families = defaultdict(list)
    for file in sorted((site / "care-services").rglob("*.html")):
        url = url_for(file, site)
        body = file.read_bytes()
        if classify_page(body, url) == "listing":
            continue
        page = parse_page(body, url)
        if isinstance(page, AboutPage | SummaryPage | QualityStatementPage) and page.slug:
            families[page.slug].append((page, body))
    init_schema(conn)
    save_local_authorities(conn, load_councils())
    loaded = 0
    with transaction(conn):
        for slug, family in sorted(families.items()):
            pages = [page for page, _ in family]
            landing = next(p.url for p in pages if p.url and p.url.endswith("/" + slug))
            report = assemble_report(slug, landing, pages)
            if validate_report(report):
                continue  # the pilots printed without scores
            sources = [
                SourcePage(p.url or "", p.page_kind, _sha256(body), "text/html", len(body))
                for p, body in family
            ]
            disagreements, filled = [], []
            links = download_links(family[0][1], landing)
            if slug in WITH_PDF and links:
                pdf_url = links[0]
                data = (site / pdf_url.removeprefix(ORIGIN + "/")).read_bytes()
                pdf = parse_report_pdf(data, pdf_url)
                disagreements = compare_sources(report, pdf)
                report, filled = fill_from_pdf(report, pdf, pdf_url)
                sources.append(
                    SourcePage(pdf_url, "report_pdf", None, "application/pdf", len(data))
                )
            save_report(
                conn,
                report,
                la_code=match_council(report.la_name).la_code,
                parser_version=PARSER_VERSION,
                source_pages=sources,
                disagreements=disagreements,
                filled_fields=filled,
            )
            loaded += 1
        build_benchmarks(conn)  # no refresh logged: the sample holds no runs
    return loaded


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
