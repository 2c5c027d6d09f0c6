"""Helpers the warehouse tests share: a written HTML report to read back, and a report as CQC
might republish it with another QS1 score."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from publish.html_report import write_report
from transform.records import Report
from warehouse.benchmarks import refresh_benchmarks
from warehouse.db import connect


@dataclass(frozen=True)
class Written:
    """A report written to `out` from the warehouse file `db`: its pages, its feed, its data."""

    db: Path
    out: Path
    paths: list[Path]

    def soup(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / relative).read_bytes(), "lxml")

    def query(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        with connect(self.db, read_only=True) as conn:
            return conn.execute(sql, list(params)).fetchall()

    def feed(self) -> ET.Element:
        return ET.parse(self.out / "feed.atom").getroot()


def write_mirror_report(mirror_warehouse_file: Path, tmp: Path) -> Written:
    """A copy of the mirror's sample warehouse, its benchmarks refreshed (and the refresh
    logged) as after a run, and the report written from it through a read-only connection (so
    the report cannot write to the warehouse)."""
    db = tmp / "cqc.duckdb"
    shutil.copy(mirror_warehouse_file, db)
    with connect(db) as conn:
        refresh_benchmarks(conn)
    with connect(db, read_only=True) as conn:
        paths = write_report(conn, tmp / "report")
    return Written(db, tmp / "report", paths)


def with_qs1(report: Report, score: int, pct: int, rating: str | None = None) -> Report:
    """The report with QS1 scored `score` (on its statement list and its statement page), the
    overall % `pct` and, if given, another rating."""
    statements = [
        s.model_copy(update={"score": score}) if s.number == 1 else s
        for s in report.quality_statements
    ]
    details = [
        d.model_copy(update={"statement": d.statement.model_copy(update={"score": score})})
        if d.statement.number == 1
        else d
        for d in report.statement_details
    ]
    update: dict[str, Any] = {
        "quality_statements": statements,
        "statement_details": details,
        "overall_score_pct": pct,
    }
    if rating is not None:
        update["overall_rating"] = rating
    return report.model_copy(update=update)
