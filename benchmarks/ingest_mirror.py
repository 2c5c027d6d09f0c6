"""Benchmark: full, --full revalidation and normal-night ingests against the offline mirror.

Each run is the pipeline's one run path (`pipeline.reports.run_reports`) and its benchmark
refresh, without Prefect (whose temporary server would add its start-up to the first run).

Prints requests, bytes, wall time and the politeness floor (requests x the live default
interval of 1 s) of each run, and the parsers' throughput alone. Asserts nothing about speed.
Run with `make benchmark`.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from mirror.server import MirrorServer
from pipeline.benchmarks import rebuild_benchmarks
from pipeline.reports import ArchiveSource, SiteSource, run_reports
from pipeline.settings import Settings
from transform.pages import parse_page

SITE = Path(__file__).resolve().parents[1] / "mirror" / "site"
LIVE_INTERVAL_S = Settings().min_interval_s


def parse_all_pages() -> tuple[int, float]:
    """Parse every report page of the mirror from disk: pure parser throughput."""
    base = "http://mirror.invalid/"
    pages = [p for p in SITE.rglob("*.html") if "local-authority-assessment-reports/" in str(p)]
    started = time.perf_counter()
    for path in pages:
        parse_page(path.read_bytes(), base + path.relative_to(SITE).with_suffix("").as_posix())
    return len(pages), time.perf_counter() - started


def main() -> None:
    count, seconds = parse_all_pages()
    print(f"parse only: {count} pages in {seconds:.2f}s ({count / seconds:.0f} pages/s)")
    print(
        f"{'run':<34}{'requests':>9}{'bodies':>8}{'304s':>6}{'MB':>7}{'wall s':>8}"
        f"{'floor s':>9}  reports new/changed/unchanged/failed/not due"
    )
    with tempfile.TemporaryDirectory() as tmp, MirrorServer() as server:
        out = Path(tmp)
        runs = (
            ("first run (empty warehouse)", False),
            ("second run, --full (unchanged)", True),
            ("third run, normal night", False),
        )
        for label, full in runs:
            server.clear_requests()
            started = time.perf_counter()
            settings = Settings(
                base_url=server.base_url,
                db=out / "cqc.duckdb",
                archive=out / "raw",
                full=full,
                min_interval_s=0.0,
            )
            s = run_reports(settings, SiteSource())
            rebuild_benchmarks(settings, s.run_id)
            wall = time.perf_counter() - started
            requests = len(server.requests)
            print(
                f"{label:<34}{requests:>9}{s.pages_fetched:>8}{s.pages_not_modified:>6}"
                f"{s.bytes_fetched / 1e6:>7.2f}{wall:>8.1f}{requests * LIVE_INTERVAL_S:>9.0f}  "
                f"{s.reports_new}/{s.reports_changed}/{s.reports_unchanged}/{s.failed}/"
                f"{s.reports_skipped}"
            )
        started = time.perf_counter()
        rebuilt = Settings(db=out / "rebuilt.duckdb", archive=out / "raw")
        r = run_reports(rebuilt, ArchiveSource())
        rebuild_benchmarks(rebuilt, r.run_id)
        print(
            f"{'reparse into an empty warehouse':<34}{0:>9}{0:>8}{0:>6}{0:>7.2f}"
            f"{time.perf_counter() - started:>8.1f}{0:>9}  {r.reports_new}/{r.reports_changed}/"
            f"-/{r.failed}/-  ({r.pdfs_parsed} PDFs)"
        )
        size = (out / "cqc.duckdb").stat().st_size
        warc = sum(p.stat().st_size for p in (out / "raw" / "warc").iterdir())
        print(f"warehouse file: {size / 1e6:.1f} MB; WARC archive (3 runs): {warc / 1e6:.1f} MB")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(
        f"floor = requests x {LIVE_INTERVAL_S:g} s, the live default interval: the least time "
        "a run against cqc.org.uk can take (the mirror runs use no interval)."
    )


if __name__ == "__main__":
    main()
