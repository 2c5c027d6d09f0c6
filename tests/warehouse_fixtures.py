"""Records built from real published results, and warehouses to load them into.

Ratings, percentages and statement scores are CQC's published results (see
mirror/data/*.csv). Where only the month is published the day is illustrative; prose is
placeholder text.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from transform.councils import load_councils, match_council
from transform.quality_statements import STATEMENTS
from transform.records import (
    Fact,
    KeyFinding,
    QualityStatementDetail,
    QualityStatementScore,
    Report,
)
from warehouse.db import connect, init_schema
from warehouse.load import TABLES, SourcePage, save_local_authorities, save_report

BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"
PARSER_VERSION = "test-1"


def scores(values: Sequence[int], *, published_names: bool = False) -> list[QualityStatementScore]:
    return [
        QualityStatementScore(
            number=s.number,
            name=s.name,
            theme=s.theme,
            score=value,
            published_name=s.name.upper() if published_names else None,
        )
        for s, value in zip(STATEMENTS, values, strict=True)
    ]


def make_report(
    slug: str,
    la_name: str,
    values: Sequence[int],
    *,
    rating: str,
    pct: int | None,
    published_on: date | None,
    indicative: bool = False,
    with_details: bool = True,
) -> Report:
    statements = scores(values)
    details = (
        [
            QualityStatementDetail(
                statement=s,
                score_label=f"Label for {s.score}",
                what_people_expect=[f"I expect {s.number}a.", f"I expect {s.number}b."],
                commitment=f"We commit to {s.name.lower()}.",
                key_findings=[
                    KeyFinding(heading="Access", text=f"Finding one on {s.name}."),
                    KeyFinding(heading=None, text=f"Finding two on {s.name}."),
                ],
                url=f"{BASE}/{slug}/qs{s.number}",
            )
            for s in statements
        ]
        if with_details
        else []
    )
    return Report(
        slug=slug,
        report_url=f"{BASE}/{slug}",
        la_name=la_name,
        assessment_kind="pilot" if indicative else "formal",
        indicative=indicative,
        published_on=published_on,
        page_last_updated=published_on,
        overall_rating=rating,
        overall_score_pct=pct,
        quality_statements=statements,
        statement_details=details,
        people_experience=["People said one thing.", "People said another."],
        demographics=[
            Fact(
                kind="population",
                raw_text="Population: 1,000 people",
                value=1000.0,
                unit="people",
                period="2023",
            ),
            Fact(kind="unclassified", raw_text="Something we cannot read"),
        ],
        financial_facts=[
            Fact(
                kind="asc_spend",
                raw_text="Spend: £1m",
                value=1_000_000.0,
                unit="GBP",
                period="2023/24",
            ),
        ],
        page_urls=[f"{BASE}/{slug}", f"{BASE}/{slug}/summary"],
    )


STOKE = make_report(
    "stokeontrent-0625",
    "Stoke-on-Trent City Council",
    [2, 2, 2, 3, 3, 2, 3, 3, 3],
    rating="Good",
    pct=64,
    published_on=date(2025, 6, 13),
)
STAFFORDSHIRE = make_report(
    "staffordshire-0525",
    "Staffordshire County Council",
    [3] * 9,
    rating="Good",
    pct=75,
    published_on=date(2025, 5, 16),
)
DURHAM = make_report(
    "durham-0824",
    "Durham County Council",
    [2, 3, 2, 3, 3, 3, 2, 3, 3],
    rating="Good",
    pct=67,
    published_on=date(2024, 8, 23),
)
BIRMINGHAM_PILOT = make_report(
    "birmingham-cc",
    "Birmingham City Council",
    [2, 3, 3, 3, 3, 2, 2, 3, 3],
    rating="Good",
    pct=None,
    published_on=date(2023, 11, 17),
    indicative=True,
)
REPORTS = (STOKE, STAFFORDSHIRE, DURHAM, BIRMINGHAM_PILOT)


def source_pages(report: Report) -> list[SourcePage]:
    return [
        SourcePage(
            url=url,
            page_kind="about" if n == 0 else "summary",
            sha256=f"{n:064x}",
            content_type="text/html; charset=utf-8",
            byte_count=1000 + n,
        )
        for n, url in enumerate(report.page_urls)
    ]


def la_code(report: Report) -> str:
    return match_council(report.la_name).la_code


def _snapshot(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


class Reports:
    """The test records and helpers, handed to tests as the `reports` fixture."""

    stoke = STOKE
    staffordshire = STAFFORDSHIRE
    durham = DURHAM
    birmingham_pilot = BIRMINGHAM_PILOT
    all = REPORTS
    parser_version = PARSER_VERSION
    make = staticmethod(make_report)
    la_code = staticmethod(la_code)
    source_pages = staticmethod(source_pages)


@pytest.fixture
def reports() -> Reports:
    return Reports()


@pytest.fixture
def snapshot() -> Callable[[duckdb.DuckDBPyConnection], dict[str, list[tuple[Any, ...]]]]:
    """Every user-facing table's rows, sorted: equal snapshots mean identical tables."""
    return _snapshot


def save_test_report(conn: duckdb.DuckDBPyConnection, report: Report, **kwargs: Any) -> None:
    """save_report with the test parser version, the council matched and source pages made."""
    kwargs.setdefault("source_pages", source_pages(report))
    save_report(conn, report, la_code=la_code(report), parser_version=PARSER_VERSION, **kwargs)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Warehouse files built once per session and copied per test (loading is the slow part).

    "empty": schema and the 153 councils; "loaded": that plus the four reports.
    """
    out = tmp_path_factory.mktemp("templates")
    paths = {"empty": out / "empty.duckdb", "loaded": out / "loaded.duckdb"}
    with connect(paths["empty"]) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    shutil.copyfile(paths["empty"], paths["loaded"])
    with connect(paths["loaded"]) as conn:
        for report in REPORTS:
            save_test_report(conn, report)
    return paths


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "cqc.duckdb"


def open_copy(template: Path, db_path: Path) -> duckdb.DuckDBPyConnection:
    """A copy of a template warehouse at `db_path`, opened for writing (the template holds
    the schema: nothing is created again)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, db_path)
    return connect(db_path)


@pytest.fixture
def conn(templates: dict[str, Path], db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A file warehouse with its schema and the 153 councils."""
    with open_copy(templates["empty"], db_path) as connection:
        yield connection


@pytest.fixture
def loaded(templates: dict[str, Path], db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A file warehouse holding the councils and the four test reports."""
    with open_copy(templates["loaded"], db_path) as connection:
        yield connection


@pytest.fixture
def save() -> Callable[..., None]:
    """save_report with the test parser version, the council matched and source pages made."""
    return save_test_report
