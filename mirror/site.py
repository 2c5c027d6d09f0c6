"""Build a skin of the offline mirror: every page, PDF and file the server answers with.

One routine for every skin, so that all of them have the same pages (the listing cut into
pages of REPORTS_PER_PAGE, each report's About page, summary and nine statement pages, its
PDF, robots.txt and the broken PDFs for the parser's error paths) and differ only where their
templates do. Output is deterministic: the same CSVs give byte-identical files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mirror.model import (
    DATA_DIR,
    LISTING_PATH,
    REPORTS_PER_PAGE,
    ROBOTS,
    STATEMENTS,
    Report,
    in_progress_names,
    load_reports,
    url_to_file,
)
from mirror.skin import Listing, ReportPage, Skin


def listing_pages(skin: Skin, reports: list[Report]) -> dict[str, str]:
    """URL -> HTML of the listing: formal reports in order, in-progress names and pilots on
    the first page."""
    formal = [r for r in reports if not r.pilot]
    pilots = tuple(r for r in reports if r.pilot)
    in_progress = tuple(in_progress_names(reports))
    count = -(-len(formal) // REPORTS_PER_PAGE)
    pages = {}
    for number in range(count):
        listing = Listing(
            number=number,
            count=count,
            url=LISTING_PATH if number == 0 else f"{LISTING_PATH}?page={number}",
            reports=tuple(formal[number * REPORTS_PER_PAGE : (number + 1) * REPORTS_PER_PAGE]),
            in_progress=in_progress if number == 0 else (),
            pilots=pilots if number == 0 else (),
        )
        pages[listing.url] = skin.listing_page(listing)
    return pages


def report_family(skin: Skin, r: Report, reports: list[Report]) -> dict[str, str]:
    """URL path -> HTML for every page of one report."""
    next_report = reports[(r.index + 1) % len(reports)]
    about = ReportPage(r, next_report, "about", skin.about_path(r))
    summary = ReportPage(r, next_report, "summary", skin.summary_path(r))
    pages = {
        about.url: skin.report_page(about, skin.about(r)),
        summary.url: skin.report_page(summary, skin.summary(r)),
    }
    for st in STATEMENTS:
        page = ReportPage(r, next_report, "statement", skin.statement_path(r, st), st)
        pages[page.url] = skin.report_page(page, skin.statement(r, st))
    return pages


def build_pages(skin: Skin, data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Every HTML page of the skin: URL (path and optional query) -> HTML."""
    reports = load_reports(data_dir)
    pages = listing_pages(skin, reports)
    for r in reports:
        family = report_family(skin, r, reports)
        if set(family) & set(pages):
            raise ValueError(f"duplicate URL in {r.slug}")
        pages.update(family)
    return pages


def write_pdfs(skin: Skin, out_dir: Path, reports: list[Report]) -> int:
    """Every formal report's PDF at the URL its pages link, plus the broken ones; the pilots'
    PDFs are not mirrored."""
    from mirror.pdf import broken_pdfs  # fpdf2: only needed once PDFs are written

    n = 0
    first: bytes | None = None
    for r in reports:
        if r.pilot:
            continue
        data = skin.pdf(r)
        first = first or data
        target = out_dir / skin.pdf_path(r).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        n += 1
    if first is not None:
        broken = out_dir / skin.broken_dir
        broken.mkdir(parents=True, exist_ok=True)
        for name, data in broken_pdfs(first).items():
            (broken / name).write_bytes(data)
    return n


def build_site(skin: Skin, out_dir: Path, data_dir: Path = DATA_DIR, pdfs: bool = True) -> int:
    """Write the skin into out_dir (replacing it); return the number of HTML pages written."""
    pages = build_pages(skin, data_dir)
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for url in sorted(pages):
        target = out_dir / url_to_file(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pages[url].encode("utf-8"))
    (out_dir / "robots.txt").write_bytes(ROBOTS.encode("utf-8"))
    if pdfs:
        write_pdfs(skin, out_dir, load_reports(data_dir))
    return len(pages)
