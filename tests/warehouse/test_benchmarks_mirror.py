"""The benchmark tables over the mirror's 72 real formal results, checked against figures
computed here, independently, from the published results CSV and the ONS council list."""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from statistics import mean

import duckdb
import pytest

from transform.councils import match_council

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "mirror" / "data" / "bongo_twisty_league_tables_parsed.csv"
ONS = ROOT / "transform" / "reference" / "councils_with_social_care.csv"


def half_up(value: float, places: int) -> float:
    """SQL's ROUND (halves away from zero), not Python's round (halves to even)."""
    exponent = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(exponent, rounding=ROUND_HALF_UP))


def published() -> list[dict[str, str]]:
    with RESULTS.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def ons_rows() -> dict[str, dict[str, str]]:
    with ONS.open(newline="", encoding="utf-8") as f:
        return {row["la_code"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def expected() -> dict[str, dict]:
    """Per council code: its region, type, % and scores, from the CSVs alone."""
    ons = ons_rows()
    out = {}
    for row in published():
        code = match_council(row["name"]).la_code
        out[code] = {
            "region": ons[code]["region"],
            "la_type": ons[code]["la_type"],
            "name": ons[code]["name"],
            "pct": int(row["pct_calc"]),
            "scores": [int(row[f"qs{n}"]) for n in range(1, 10)],
        }
    return out


def test_the_west_midlands_table(mirror_warehouse: duckdb.DuckDBPyConnection, expected) -> None:
    wm = {code: c for code, c in expected.items() if c["region"] == "West Midlands"}
    region_mean = mean(c["pct"] for c in wm.values())
    england_mean = mean(c["pct"] for c in expected.values())
    got = mirror_warehouse.execute(
        "SELECT council, overall_score_pct, rank_in_region, region_avg_pct, pct_vs_region_avg, "
        "england_avg_pct FROM regional_benchmark WHERE region = 'West Midlands' "
        "ORDER BY rank_in_region, council"
    ).fetchall()
    ranked = sorted(wm.values(), key=lambda c: (-c["pct"], c["name"]))
    assert [(name, pct) for name, pct, *_ in got] == [(c["name"], c["pct"]) for c in ranked]
    by_name = {row[0]: row for row in got}
    assert by_name["Staffordshire"][1:3] == (75, 1)
    assert by_name["Stoke-on-Trent"][1] == 64
    assert by_name["Stoke-on-Trent"][2] > by_name["Staffordshire"][2]
    for _, pct, _, region_avg, vs_region, england_avg in got:
        assert region_avg == half_up(region_mean, 1)
        assert vs_region == half_up(pct - region_mean, 1)
        assert england_avg == half_up(england_mean, 1)


def test_per_statement_means_by_region_type_and_england(
    mirror_warehouse: duckdb.DuckDBPyConnection, expected
) -> None:
    stoke = match_council("Stoke-on-Trent").la_code
    rows = mirror_warehouse.execute(
        "SELECT qs_number, score, region_avg_score, type_avg_score, england_avg_score "
        "FROM council_statement_benchmark WHERE la_code = ? ORDER BY qs_number",
        [stoke],
    ).fetchall()
    me = expected[stoke]
    for qs, score, region_avg, type_avg, england_avg in rows:
        peers = [c for c in expected.values() if c["region"] == me["region"]]
        same_type = [c for c in expected.values() if c["la_type"] == me["la_type"]]
        assert score == me["scores"][qs - 1]
        assert region_avg == half_up(mean(c["scores"][qs - 1] for c in peers), 2)
        assert type_avg == half_up(mean(c["scores"][qs - 1] for c in same_type), 2)
        assert england_avg == half_up(mean(c["scores"][qs - 1] for c in expected.values()), 2)
    assert [score for _, score, *_ in rows] == [2, 2, 2, 3, 3, 2, 3, 3, 3]


def test_the_weakest_statement_nationally_is_one_query(
    mirror_warehouse: duckdb.DuckDBPyConnection, expected
) -> None:
    means = {n: mean(c["scores"][n - 1] for c in expected.values()) for n in range(1, 10)}
    weakest = min(means, key=lambda n: means[n])
    got = mirror_warehouse.execute(
        "SELECT qs_number, quality_statement, avg_score FROM quality_statement_benchmark "
        "WHERE scope = 'england' AND rank_weakest = 1"
    ).fetchall()
    assert got == [(weakest, "Assessing needs", half_up(means[weakest], 2))]
    counts = mirror_warehouse.execute(
        "SELECT councils_scoring_1, councils_scoring_2, councils_scoring_3, councils_scoring_4 "
        "FROM quality_statement_benchmark WHERE scope = 'england' AND qs_number = 1"
    ).fetchone()
    firsts = [c["scores"][0] for c in expected.values()]
    assert counts == tuple(firsts.count(score) for score in (1, 2, 3, 4))


def test_council_types_compare(mirror_warehouse: duckdb.DuckDBPyConnection, expected) -> None:
    by_type: dict[str, list[int]] = defaultdict(list)
    for c in expected.values():
        by_type[c["la_type"]].append(c["pct"])
    total = defaultdict(int)
    for row in ons_rows().values():
        total[row["la_type"]] += 1
    got = mirror_warehouse.execute(
        "SELECT la_type, councils, councils_assessed, avg_pct, min_pct, max_pct "
        "FROM council_type_benchmark"
    ).fetchall()
    assert {row[0] for row in got} == set(by_type)
    for la_type, councils, assessed, avg_pct, low, high in got:
        pcts = by_type[la_type]
        assert (councils, assessed) == (total[la_type], len(pcts))
        assert (avg_pct, low, high) == (half_up(mean(pcts), 1), min(pcts), max(pcts))


def test_pilots_are_kept_apart(mirror_warehouse: duckdb.DuckDBPyConnection) -> None:
    pilots = mirror_warehouse.execute(
        "SELECT council, indicative_rating FROM pilot_assessment ORDER BY council"
    ).fetchall()
    assert pilots == [("Birmingham", "Good"), ("Nottingham", "Requires improvement")]
    ranked = mirror_warehouse.execute("SELECT council FROM league_table").fetchall()
    assert len(ranked) == 72 and not {"Birmingham", "Nottingham"} & {c for (c,) in ranked}
