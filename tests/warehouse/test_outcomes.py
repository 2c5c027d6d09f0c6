"""Oflog's outcome measures beside the ratings: the view, and Spearman's rho recomputed here
by hand (average ranks for ties, Pearson on the ranks) from the shipped CSV and the mirror's
published results."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from transform.councils import match_council
from warehouse.outcomes import TARGETS, outcome_correlations, spearman_by_measure

ROOT = Path(__file__).resolve().parents[2]
VALUES = ROOT / "warehouse" / "reference" / "oflog_asc_values.csv"
RESULTS = ROOT / "mirror" / "data" / "bongo_twisty_league_tables_parsed.csv"
RECODED = {"E08000016": "E08000038", "E08000019": "E08000039"}  # Barnsley, Sheffield


def average_ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = average_ranks(xs), average_ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    return cov / math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))


def test_average_ranks_and_spearman_by_hand() -> None:
    assert average_ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1]
    assert spearman([1, 2, 3, 4], [10, 30, 20, 40]) == pytest.approx(0.8)


@pytest.fixture(scope="module")
def expected() -> dict[tuple[str, str], tuple[float, int, str]]:
    """(measure, target) -> (rho, n, year), from the CSVs alone."""
    with RESULTS.open(newline="", encoding="utf-8-sig") as f:
        results = {}
        for row in csv.DictReader(f):
            scores = [float(row["pct_calc"]), *(float(row[f"qs{n}"]) for n in range(1, 10))]
            results[match_council(row["name"]).la_code] = scores
    by_measure: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    with VALUES.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["value"]:
                code = RECODED.get(row["gss_code"], row["gss_code"])
                by_measure[row["measure_code"]][row["financial_year"]][code] = float(row["value"])
    out = {}
    for measure, years in by_measure.items():
        year = max(years)
        both = sorted(code for code in years[year] if code in results)
        for t, target in enumerate(TARGETS):
            xs = [years[year][code] for code in both]
            ys = [results[code][t] for code in both]
            out[(measure, target)] = (spearman(xs, ys), len(both), year)
    return out


def test_spearman_in_sql_equals_the_hand_computation(
    mirror_warehouse: duckdb.DuckDBPyConnection, expected
) -> None:
    got = spearman_by_measure(mirror_warehouse)
    assert set(got) == set(expected) and len(got) == 7 * 10
    for key, (rho, n, year) in expected.items():
        assert got[key][0] == pytest.approx(rho, abs=1e-9), key
        assert got[key][1:] == (n, year), key


def test_the_correlations_on_the_mirrors_72(mirror_warehouse: duckdb.DuckDBPyConnection) -> None:
    columns, rows = outcome_correlations(mirror_warehouse)
    assert columns[:5] == ["code", "measure", "year", "n", "overall_pct"]
    # Oflog's measures (the care market's MKT rows follow when a market month is loaded)
    by_code = {row[0]: row for row in rows if str(row[0]).startswith("ASC")}
    assert list(by_code) == [f"ASC{n}" for n in range(1, 8)]
    assert by_code["ASC3"][1:5] == (
        "Ease of finding information about services : service users",
        "2022-23",
        71,
        0.26,
    )
    assert by_code["ASC1"][1:5] == ("ASC Carer Quality of Life", "2021-22", 71, 0.16)
    assert by_code["ASC5"][3] == 72


def test_the_view_beside_each_councils_assessment(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    assert mirror_warehouse.execute(
        "SELECT count(*), count(DISTINCT la_code), count(assessment_id) FROM council_outcome"
    ).fetchone() == (153 * 7, 153, 72 * 7)
    stoke = mirror_warehouse.execute(
        "SELECT measure_code, financial_year, value, overall_rating, overall_score_pct "
        "FROM council_outcome WHERE council = 'Stoke-on-Trent' AND measure_code IN "
        "('ASC1', 'ASC7') ORDER BY measure_code"
    ).fetchall()
    assert stoke == [
        ("ASC1", "2021-22", 8.0, "Good", 64),
        ("ASC7", "2022-23", 36.73197841, "Good", 64),
    ]
    # Barnsley's figures are published under E08000016: they are Barnsley's here.
    assert mirror_warehouse.execute(
        "SELECT value FROM council_outcome WHERE la_code = 'E08000038' AND measure_code = 'ASC5'"
    ).fetchone() == (
        float(
            next(
                r["value"]
                for r in csv.DictReader(VALUES.open(encoding="utf-8"))
                if r["gss_code"] == "E08000016"
                and r["measure_code"] == "ASC5"
                and r["financial_year"] == "2022-23"
            )
        ),
    )


def test_councils_abolished_in_2023_are_joined_to_nobody(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    new = ("E06000063", "E06000064", "E06000065", "E06000066")
    assert mirror_warehouse.execute(
        "SELECT count(value) FROM council_outcome WHERE list_contains(?, la_code)", [list(new)]
    ).fetchone() == (0,)
    assert mirror_warehouse.execute(
        "SELECT DISTINCT la_code, la_name_published FROM outcome_measure "
        "WHERE NOT council_current ORDER BY 1"
    ).fetchall() == [
        ("E06000028", "Bournemouth"),  # BCP from 2019
        ("E06000029", "Poole"),
        ("E10000002", "Buckinghamshire"),  # a unitary from 2020
        ("E10000006", "Cumbria"),  # Cumberland, Westmorland and Furness from 2023
        ("E10000009", "Dorset"),  # a unitary from 2019
        ("E10000021", "Northamptonshire"),  # North and West Northamptonshire from 2021
        ("E10000023", "North Yorkshire"),  # a unitary from 2023
        ("E10000027", "Somerset"),  # a unitary from 2023
    ]
    assert mirror_warehouse.execute(
        "SELECT count(*) FROM outcome_measure WHERE list_contains(?, la_code)", [list(new)]
    ).fetchone() == (0,)
