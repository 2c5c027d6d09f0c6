"""The care market beside the assessments (issue 21): `cqc compare`'s rows and `cqc
outcomes`' rank correlations, on the small market of tests/care_market_data.py (whose
figures are worked out there by hand)."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pytest

from tests.care_market_data import (
    BARNSLEY,
    DURHAM,
    STOKE,
    assessed_only,
    market_warehouse,
)
from warehouse.compare import MARKET_LABELS, compare_councils, has_market
from warehouse.db import connect
from warehouse.outcomes import (
    MARKET_MEASURES,
    market_month,
    outcome_correlations,
    spearman_by_market_measure,
)


@pytest.fixture(scope="module")
def market(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return market_warehouse(templates["loaded"], tmp_path_factory.mktemp("m") / "cqc.duckdb")


@pytest.fixture
def market_conn(market: Path) -> duckdb.DuckDBPyConnection:
    return connect(market, read_only=True)


def test_compare_shows_each_councils_market_beside_its_assessment(
    market_conn: duckdb.DuckDBPyConnection,
) -> None:
    with market_conn as conn:
        assert has_market(conn)
        labels, columns = compare_councils(conn, [STOKE, DURHAM, BARNSLEY, "E06000001"])
    assert labels[-len(MARKET_LABELS) :] == list(MARKET_LABELS)
    table = {label: [c.values.get(label, "") for c in columns] for label in labels}
    assert table["Care market month"] == [
        "September 2026", "September 2026", "September 2026", "no locations listed",
    ]  # fmt: skip
    assert table["Care locations"][:3] == ["5 (2 care homes)", "2 (1 care home)", "1 (1 care home)"]
    assert table["Care home beds"][:3] == ["60", "50", "25"]
    assert table["Locations Good/Outstanding"][:2] == [
        "50.0% (region 57.1%, England 60.0%)",
        "50.0% (region 50.0%, England 60.0%)",
    ]
    assert table["Beds Good/Outstanding"][0] == "66.7% (region 80.0%, England 60.0%)"
    assert table["Locations G/O, 12-month change"][:3] == [
        "+16.7 pp", "\u2014 (Sep 2025 not held)", "+0.0 pp",
    ]  # fmt: skip
    assert table["Beds G/O, 12-month change"][0] == "+66.7 pp"
    # Barnsley is not assessed: its assessment rows stay empty, its market is there.
    assert table["Rating"][2] == "not assessed yet" and table["Overall %"][2] == ""


def test_compare_without_market_data_keeps_its_rows(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    with connect(assessed_only(templates["loaded"], tmp_path / "a.duckdb")) as conn:
        assert not has_market(conn)
        labels, columns = compare_councils(conn, [STOKE])
    assert not set(MARKET_LABELS) & set(labels) and labels[-1].startswith("QS9")
    assert not set(MARKET_LABELS) & set(columns[0].values)


def average_ranks(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [ordered.index(v) + (ordered.count(v) - 1) / 2 + 1 for v in values]


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = average_ranks(xs), average_ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    return cov / math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))


def test_market_measures_rank_correlated_with_the_overall_pct(
    market_conn: duckdb.DuckDBPyConnection,
) -> None:
    # Assessed and in the market: Stoke 64 %, Durham 67 %, Staffordshire 75 %.
    pct = [64.0, 67.0, 75.0]
    with market_conn as conn:
        assert market_month(conn) == "2026-09"
        rho = spearman_by_market_measure(conn)
        columns, rows = outcome_correlations(conn)
    # Good or Outstanding 50.0, 50.0, 66.7: ranks 1.5, 1.5, 3 against 1, 2, 3 -> 1.5 / sqrt(3)
    assert rho[("MKT1", "overall_score_pct")][0] == pytest.approx(1.5 / math.sqrt(3))
    assert rho[("MKT1", "overall_score_pct")][1:] == (3, "2026-09")
    assert rho[("MKT1", "overall_score_pct")][0] == pytest.approx(spearman([50.0, 50.0, 66.7], pct))
    # beds 66.7, 0.0, 100.0: ranks 2, 1, 3 -> 0.5; Inadequate 25, 0, 0 -> -sqrt(3)/2
    assert rho[("MKT2", "overall_score_pct")][0] == pytest.approx(0.5)
    assert rho[("MKT3", "overall_score_pct")][0] == pytest.approx(-math.sqrt(3) / 2)
    # Durham has no 12-month change: n = 2, Stoke +16.7 at 64 %, Staffordshire -33.3 at 75 %.
    assert rho[("MKT4", "overall_score_pct")][:2] == (pytest.approx(-1.0), 2)
    # QS1: Stoke 2, Durham 2, Staffordshire 3, as the Good or Outstanding ranks: rho 1.
    assert rho[("MKT1", "qs1_assessing_needs")][0] == pytest.approx(1.0)
    market_rows = {row[0]: row for row in rows if row[0] in MARKET_MEASURES}
    assert list(market_rows) == ["MKT1", "MKT2", "MKT3", "MKT4"]
    assert market_rows["MKT1"][1:6] == (
        "Care locations rated Good or Outstanding (%)", "2026-09", 3, 0.87, 1.0,
    )  # fmt: skip
    assert market_rows["MKT4"][2:5] == ("2026-09", 2, -1.0)
    assert columns[4] == "overall_pct"


def test_no_market_month_no_market_rows(templates: dict[str, Path], tmp_path: Path) -> None:
    with connect(assessed_only(templates["loaded"], tmp_path / "a.duckdb")) as conn:
        assert market_month(conn) is None and spearman_by_market_measure(conn) == {}
        _, rows = outcome_correlations(conn)
    assert [row[0] for row in rows] == [f"ASC{n}" for n in range(1, 8)]
