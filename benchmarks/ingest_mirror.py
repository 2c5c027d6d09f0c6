"""Benchmark: the whole ingest against the offline mirror, and the parsers alone.

Prints figures; asserts nothing about speed. Run with `make benchmark`.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from mirror.server import MirrorServer
from transform.pages import parse_page

SITE = Path(__file__).resolve().parents[1] / "mirror" / "site"


def parse_all_pages() -> tuple[int, float]:
    """Parse every report page of the mirror from disk: pure parser throughput."""
    pages = [p for p in SITE.rglob("*.html") if "local-authority-assessment-reports/" in str(p)]
    started = time.perf_counter()
    for path in pages:
        parse_page(path.read_bytes(), None)
    return len(pages), time.perf_counter() - started


def ingest_once(out: Path) -> tuple[object, float]:
    from flows.ingest import nightly_ingest

    with MirrorServer() as server:
        started = time.perf_counter()
        summary = nightly_ingest(
            base_url=server.base_url, db=out / "cqc.duckdb", archive=out / "raw"
        )
        return summary, time.perf_counter() - started


def main() -> None:
    count, seconds = parse_all_pages()
    print(f"parse only: {count} pages in {seconds:.2f}s ({count / seconds:.0f} pages/s)")
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("first run (empty warehouse)", "second run (same pages)"):
            summary, seconds = ingest_once(Path(tmp))
            print(
                f"ingest, {label}: {summary.loaded} loaded, {summary.failed} with issues, "
                f"{summary.pages_fetched} pages in {seconds:.1f}s "
                f"({summary.pages_fetched / seconds:.0f} pages/s, includes Prefect task overhead)"
            )
        size = (Path(tmp) / "cqc.duckdb").stat().st_size
        print(f"warehouse file: {size / 1e6:.1f} MB")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
