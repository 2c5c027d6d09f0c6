"""Statistical neighbours (`council_neighbour`), recomputed here in plain Python from the shipped
CSVs (z-scores, Euclidean distance, ranking) and compared row for row; the imported list."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from statistics import mean, pstdev

import duckdb
import pytest

from transform.councils import match_council
from transform.neighbours import ImportedNeighbour
from transform.records import Fact
from warehouse.benchmarks import refresh_benchmarks
from warehouse.load import save_report
from warehouse.neighbours import (
    clear_imported_neighbours,
    council_neighbours,
    save_imported_neighbours,
)

ROOT = Path(__file__).resolve().parents[2]
POPULATION = ROOT / "warehouse" / "reference" / "council_population.csv"
COUNCILS = ROOT / "transform" / "reference" / "councils_with_social_care.csv"
RESULTS = ROOT / "mirror" / "data" / "bongo_twisty_league_tables_parsed.csv"
STOKE, DURHAM, STAFFORDSHIRE = "E06000021", "E06000047", "E10000028"
GROUPS = ("population", "density", "type", "aged_65_plus", "deprivation_rank", "ethnic_minority")


def base_features() -> dict[str, dict[str, float]]:
    """code -> {column: value}: ln population, ln density, one 0/1 column per council type."""
    with COUNCILS.open(newline="", encoding="utf-8") as f:
        types = {row["la_code"]: row["la_type"] for row in csv.DictReader(f)}
    with POPULATION.open(newline="", encoding="utf-8") as f:
        people = {row["la_code"]: row for row in csv.DictReader(f)}
    assert set(types) == set(people) and len(types) == 153
    kinds = sorted(set(types.values()))
    out: dict[str, dict[str, float]] = {}
    for code, la_type in types.items():
        pop, area = float(people[code]["population_2020"]), float(people[code]["area_km2"])
        out[code] = {"population": math.log(pop), "density": math.log(pop / area)}
        out[code] |= {f"type:{kind}": float(kind == la_type) for kind in kinds}
    return out


def expected_neighbours(
    features: dict[str, dict[str, float]],
) -> dict[str, list[tuple[str, float, str]]]:
    """code -> [(neighbour, distance, method)] nearest first, by the documented method."""
    columns = sorted({column for values in features.values() for column in values})
    usable = []
    stats: dict[str, tuple[float, float]] = {}
    for column in columns:
        values = [f[column] for f in features.values() if column in f]
        if len(values) >= 2 and pstdev(values) > 0:
            usable.append(column)
            stats[column] = (mean(values), pstdev(values))
    z = {
        code: {c: (v - stats[c][0]) / stats[c][1] for c, v in f.items() if c in stats}
        for code, f in features.items()
    }
    out: dict[str, list[tuple[str, float, str]]] = {}
    for a in z:
        found = []
        for b in z:
            if a == b:
                continue
            shared = [c for c in usable if c in z[a] and c in z[b]]
            squared = sum((z[a][c] - z[b][c]) ** 2 for c in shared)
            distance = math.sqrt(squared * len(usable) / len(shared))
            groups = {c.split(":")[0] for c in shared}
            method = "computed:" + "+".join(g for g in GROUPS if g in groups)
            found.append((distance, b, method))
        found.sort(key=lambda item: (round(item[0], 6), item[1]))  # ties: by code
        out[a] = [(b, distance, method) for distance, b, method in found]
    return out


def stored(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, float, str]]]:
    out: dict[str, list[tuple[str, float, str]]] = {}
    for code, neighbour, rank, distance, method in conn.execute(
        "SELECT la_code, neighbour_la_code, rank, distance, method FROM council_neighbour "
        "ORDER BY la_code, rank"
    ).fetchall():
        assert rank == len(out.setdefault(code, [])) + 1
        out[code].append((neighbour, distance, method))
    return out


def assert_same(got: dict, want: dict) -> None:
    assert set(got) == set(want)
    for code in want:
        assert [n for n, _, _ in got[code]] == [n for n, _, _ in want[code]], code
        assert [m for _, _, m in got[code]] == [m for _, _, m in want[code]], code
        for (_, d_got, _), (_, d_want, _) in zip(got[code], want[code], strict=True):
            assert d_got == pytest.approx(d_want, abs=5e-7)  # stored to 6 places


def test_the_mirror_warehouses_neighbours_row_for_row(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    got = stored(mirror_warehouse)
    assert_same(got, expected_neighbours(base_features()))
    assert sum(len(rows) for rows in got.values()) == 153 * 152
    # The mirror's About pages print placeholders for the demographics: no such feature.
    assert {m for rows in got.values() for _, _, m in rows} == {"computed:population+density+type"}


def test_stoke_on_trents_fifteen_nearest(mirror_warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = council_neighbours(mirror_warehouse, STOKE, 15)
    assert [row[1] for row in rows] == [
        "Derby",
        "Plymouth",
        "Kingston upon Hull, City of",
        "Brighton and Hove",
        "Southampton",
        "Medway",
        "Luton",
        "Nottingham",
        "Portsmouth",
        "Southend-on-Sea",
        "Bournemouth, Christchurch and Poole",
        "Leicester",
        "Reading",
        "Warrington",
        "Swindon",
    ]
    assert rows[0] == (
        1,
        "Derby",
        "East Midlands",
        "unitary",
        0.128,
        "Requires improvement",
        53,
        "computed:population+density+type",
    )
    assert {row[3] for row in rows} == {"unitary"}  # the type columns weigh most


def test_the_neighbours_mean_score_per_statement(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    """council_statement_benchmark's neighbour columns against the published scores of the
    assessed among the 15 nearest (computed above, independently)."""
    with RESULTS.open(newline="", encoding="utf-8-sig") as f:
        scores = {
            match_council(row["name"]).la_code: [int(row[f"qs{n}"]) for n in range(1, 10)]
            for row in csv.DictReader(f)
        }
    nearest = [code for code, _, _ in expected_neighbours(base_features())[STOKE][:15]]
    assessed = [code for code in nearest if code in scores]
    got = mirror_warehouse.execute(
        "SELECT qs_number, score, neighbour_avg_score, score_vs_neighbour_avg, "
        "neighbours_assessed FROM council_statement_benchmark WHERE la_code = ? "
        "ORDER BY qs_number",
        [STOKE],
    ).fetchall()
    assert len(assessed) == 5
    for qs, score, neighbour_avg, vs, count in got:
        want = mean(scores[code][qs - 1] for code in assessed)
        assert neighbour_avg == pytest.approx(round(want, 2))
        assert vs == pytest.approx(round(score - want, 2))
        assert count == 5
    assert [row[2] for row in got] == [2.2, 2.6, 2.2, 2.0, 3.0, 2.2, 2.0, 2.2, 2.4]


def _with_demographics(report, facts: list[Fact]):
    return report.model_copy(update={"demographics": facts})


def fact(kind: str, text: str, value: float, unit: str) -> Fact:
    return Fact(kind=kind, raw_text=text, value=value, unit=unit)


def test_demographic_features_where_the_about_page_gives_them(loaded, reports) -> None:
    """Over the features both councils have, rescaled; only in the sense each feature needs."""
    stoke = [
        fact("age", "17.1% of people are aged 65 and over", 17.1, "percent"),
        fact("deprivation", "Ranked 14 out of 153 for deprivation", 14, "rank"),
        fact("ethnicity", "17.5% of residents are from ethnic minority groups", 17.5, "percent"),
    ]
    durham = [
        fact("age", "21.9% of people are aged 65 and over", 21.9, "percent"),
        fact("deprivation", "Ranked 40 out of 153 for deprivation", 40, "rank"),
        # Not a minority share: the feature is not read from it.
        fact("ethnicity", "96.6% of residents are White British", 96.6, "percent"),
    ]
    staffordshire = [
        fact("age", "22.6% of people are aged 65 and over", 22.6, "percent"),
        fact("deprivation", "In the 6th most deprived decile", 6, "decile"),  # no rank
    ]
    # A pilot is no formal assessment: its facts are not features.
    pilot = [fact("age", "13.0% are aged 65 and over", 13.0, "percent")]
    given = [
        (reports.stoke, stoke),
        (reports.durham, durham),
        (reports.staffordshire, staffordshire),
        (reports.birmingham_pilot, pilot),
    ]
    for report, facts in given:
        save_report(
            loaded,
            _with_demographics(report, facts),
            la_code=reports.la_code(report),
            parser_version=reports.parser_version,
            source_pages=reports.source_pages(report),
        )
    refresh_benchmarks(loaded)
    features = base_features()
    features[STOKE] |= {"aged_65_plus": 17.1, "deprivation_rank": 14.0}
    features[DURHAM] |= {"aged_65_plus": 21.9, "deprivation_rank": 40.0}
    features[STAFFORDSHIRE] |= {"aged_65_plus": 22.6}
    # ethnic_minority: one council has it, so it has no spread and is not used.
    assert_same(stored(loaded), expected_neighbours(features))
    method = dict(
        loaded.execute(
            "SELECT neighbour_la_code, method FROM council_neighbour WHERE la_code = ?", [STOKE]
        ).fetchall()
    )
    assert method[DURHAM] == "computed:population+density+type+aged_65_plus+deprivation_rank"
    assert method[STAFFORDSHIRE] == "computed:population+density+type+aged_65_plus"
    assert method["E06000001"] == "computed:population+density+type"


def test_an_imported_list_wins_for_its_councils_and_survives_refreshes(loaded) -> None:
    refresh_benchmarks(loaded)
    computed_durham = stored(loaded)[DURHAM]
    rows = [
        ImportedNeighbour(STOKE, "E08000031", 1, 2),  # Wolverhampton
        ImportedNeighbour(STOKE, "E08000030", 2, 3),  # Walsall
        ImportedNeighbour(STOKE, STAFFORDSHIRE, 3, 4),
    ]
    assert save_imported_neighbours(loaded, rows, "cipfa.csv") == [STOKE]
    refresh_benchmarks(loaded)
    refresh_benchmarks(loaded)  # a refresh never touches the import
    got = stored(loaded)
    assert [(n, m) for n, _, m in got[STOKE]] == [
        ("E08000031", "imported:cipfa.csv"),
        ("E08000030", "imported:cipfa.csv"),
        (STAFFORDSHIRE, "imported:cipfa.csv"),
    ]
    computed = {n: d for n, d, _ in expected_neighbours(base_features())[STOKE]}
    for neighbour, distance, _ in got[STOKE]:  # the computed distance, for comparison
        assert distance == pytest.approx(computed[neighbour], abs=5e-7)
    assert got[DURHAM] == computed_durham
    # Stoke's neighbours' mean is now Staffordshire's alone (the only one assessed).
    assert loaded.execute(
        "SELECT neighbour_avg_score, neighbours_assessed FROM council_statement_benchmark "
        "WHERE la_code = ? AND qs_number = 1",
        [STOKE],
    ).fetchall() == [(3.0, 1)]
    # Importing Stoke again replaces its list; clearing restores the computed one.
    save_imported_neighbours(loaded, [ImportedNeighbour(STOKE, DURHAM, 1, 2)], "again.csv")
    refresh_benchmarks(loaded)
    assert [(n, m) for n, _, m in stored(loaded)[STOKE]] == [(DURHAM, "imported:again.csv")]
    assert clear_imported_neighbours(loaded) == 1
    refresh_benchmarks(loaded)
    assert_same(
        {STOKE: stored(loaded)[STOKE]}, {STOKE: expected_neighbours(base_features())[STOKE]}
    )
