"""The reference extracts: shipped in the package, loaded at every refresh, and (when the raw
files are beside the checkout) exactly what the documented derivation gives."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import duckdb
import pytest

from warehouse.benchmarks import refresh_benchmarks
from warehouse.reference_data import (
    OUTCOME_MEASURES_CSV,
    OUTCOME_VALUES_CSV,
    POPULATION_CSV,
    REFERENCE_DIR,
    derive_all,
)

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT.parent / "shared" / "ons"


def test_the_extracts_ship_with_their_provenance() -> None:
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["warehouse"]
    assert {"reference/*.csv", "reference/*.md"} <= set(package_data)
    readme = (REFERENCE_DIR / "README.md").read_text(encoding="utf-8")
    for needed in (
        "67ef8b118938678401a452f4f19f669a7221cc73",
        "CC BY 4.0",
        "16628da1e26909e5d88de993585959d7633f7df1",
        "src/lib/ASC_data.csv",
        "Open Government Licence v3.0",
    ):
        assert needed in readme
    for path in (POPULATION_CSV, OUTCOME_VALUES_CSV, OUTCOME_MEASURES_CSV):
        assert path.parent == REFERENCE_DIR and path.name in readme


@pytest.mark.skipif(not RAW.is_dir(), reason="the raw files (../shared/ons) are not here")
def test_the_extracts_are_what_the_derivation_gives() -> None:
    for path, text in derive_all(RAW).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"run: python -m warehouse.reference_data {RAW}"
        )


def test_population_of_the_153(mirror_warehouse: duckdb.DuckDBPyConnection) -> None:
    assert mirror_warehouse.execute(
        "SELECT count(*) FROM council_population JOIN local_authority USING (la_code)"
    ).fetchone() == (153,)
    assert mirror_warehouse.execute(
        "SELECT la_code, population_2020, area_km2, density_per_km2, source_gss_code "
        "FROM council_population WHERE name IN ('Stoke-on-Trent', 'Barnsley') ORDER BY name"
    ).fetchall() == [
        ("E08000038", 248071, 329.0, 754.0, "E08000016"),
        ("E06000021", 256622, 93.0, 2759.4, "E06000021"),
    ]
    with POPULATION_CSV.open(newline="", encoding="utf-8") as f:
        total = sum(int(row["population_2020"]) for row in csv.DictReader(f))
    assert mirror_warehouse.execute(
        "SELECT sum(population_2020) FROM council_population"
    ).fetchone() == (total,)


def test_outcome_measure_holds_every_published_row(
    mirror_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    with OUTCOME_VALUES_CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert mirror_warehouse.execute(
        "SELECT count(*), count(value), count(DISTINCT measure_code) FROM outcome_measure"
    ).fetchone() == (len(rows), sum(1 for r in rows if r["value"]), 7)
    assert mirror_warehouse.execute(
        "SELECT DISTINCT la_code FROM outcome_measure WHERE published_la_code = 'E08000019'"
    ).fetchall() == [("E08000039",)]
    assert mirror_warehouse.execute(
        "SELECT measure_code, higher_is_better FROM outcome_measure "
        "GROUP BY ALL ORDER BY measure_code"
    ).fetchall() == [(f"ASC{n}", True if n <= 5 else None) for n in range(1, 8)]


def test_a_refresh_reloads_them_the_same(loaded) -> None:
    refresh_benchmarks(loaded)
    first = [
        loaded.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("council_population", "outcome_measure", "council_neighbour")
    ]
    refresh_benchmarks(loaded)
    again = [
        loaded.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("council_population", "outcome_measure", "council_neighbour")
    ]
    assert first == again and len(first[0]) == 153 and len(first[2]) == 153 * 152
