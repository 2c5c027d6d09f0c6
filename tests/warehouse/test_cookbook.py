"""Every query of docs/cookbook.md runs against the mirror's data and says what it claims."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from cli.main import app
from warehouse.search import load_fts

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "cookbook.md"
# Recipes told in prose, with no query to run (tested by what they say, below).
PROSE_ONLY = {"19"}


def recipes() -> dict[str, list[str]]:
    """Queries by section number ("1", "2", ...), in order."""
    text = COOKBOOK.read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        number = section.split(".", 1)[0]
        out[number] = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    return out


@pytest.fixture(scope="module")
def results(mirror_warehouse: duckdb.DuckDBPyConnection) -> dict[str, list[list[tuple]]]:
    load_fts(mirror_warehouse)  # the search recipe ranks with the fts extension
    return {
        number: [mirror_warehouse.execute(sql).fetchall() for sql in queries]
        for number, queries in recipes().items()
    }


def test_every_recipe_has_a_query_that_runs(results) -> None:
    assert len(results) == 22
    assert all(results[number] for number in results if number not in PROSE_ONLY)


def test_the_market_recipes_say_what_the_cookbook_claims(results) -> None:
    [region] = results["21"]
    assert [(row[0], row[2], row[4], row[7], row[8]) for row in region] == [
        ("Staffordshire", 75, 75.0, 1, 3),
        ("Shropshire", 64, 100.0, 2, 1),
        ("Stoke-on-Trent", 64, 100.0, 2, 1),
    ]
    [improved] = results["22"]
    assert len(improved) == 7
    assert improved[0][:5] == ("Shropshire", "Good", "Good", 0.0, 100.0)
    assert ("Kent", "Requires improvement", "Requires improvement", 80.0, 88.9, 8.9) in improved
    assert all(row[5] > 0 for row in improved)


def test_the_recipes_say_what_the_cookbook_claims(results) -> None:
    [top] = results["1"]
    assert top[:2] == [
        (1, "Camden", "London", "Outstanding", 89),
        (1, "Kensington and Chelsea", "London", "Outstanding", 89),
    ]
    [west_midlands] = results["2"]
    assert [(row[0], row[1], row[4]) for row in west_midlands] == [
        (1, "Staffordshire", 75),
        (2, "Telford and Wrekin", 67),
        (3, "Shropshire", 64),
        (3, "Stoke-on-Trent", 64),
    ]
    assert {row[5] for row in west_midlands} == {67.5}
    [below] = results["3"]
    assert ("West Midlands", "Stoke-on-Trent", 64, 67.5, -3.5) in below
    assert all(row[4] < 0 for row in below)
    [statements] = results["4"]
    assert statements[0][:2] == (1, "Assessing needs") and len(statements) == 9
    assert sum(statements[0][3:]) == 72
    [assessing_needs] = results["5"]
    assert len(assessing_needs) == 9
    [types] = results["6"]
    assert {row[0] for row in types} == {
        "county",
        "unitary",
        "metropolitan district",
        "London borough",
    }
    assert sum(row[2] for row in types) == 72
    [stoke] = results["7"]
    assert [row[2] for row in stoke] == [2, 2, 2, 3, 3, 2, 3, 3, 3]
    [ones] = results["8"]
    assert {row[0] for row in ones} >= {"Blackpool"}
    [coverage] = results["9"]
    assert sum(row[1] for row in coverage) == 153 and sum(row[2] for row in coverage) == 72
    [arithmetic] = results["10"]
    assert arithmetic == []
    [pilots] = results["11"]
    assert [row[:3] for row in pilots] == [
        ("Birmingham", "West Midlands", "Good"),
        ("Nottingham", "East Midlands", "Requires improvement"),
    ]
    disagreements, filled = results["12"]
    assert disagreements == [("southendonsea-0825", "qs7", "3", "2")]
    assert filled == [("islesofscilly-0925", 9)]
    [history] = results["13"]
    assert history == [("stokeontrent-0625", 1, True, "Good", 64, 2, 3)]
    [neighbours] = results["14"]
    assert len(neighbours) == 15 and [row[0] for row in neighbours] == list(range(1, 16))
    assert neighbours[0] == (
        1,
        "Derby",
        "East Midlands",
        "unitary",
        0.128047,
        "Requires improvement",
        53,
    )
    assert sum(row[6] is not None for row in neighbours) == 5
    [against_neighbours] = results["15"]
    assert [(row[2], row[3], row[4]) for row in against_neighbours][:4] == [
        (2, 2.2, -0.2),
        (2, 2.6, -0.6),
        (2, 2.2, -0.2),
        (3, 2.0, 1.0),
    ]
    assert against_neighbours[6][3:5] == (2.0, 1.0) and {r[5] for r in against_neighbours} == {5}
    [by_rating] = results["16"]
    assert by_rating[0][:3] == ("Good", 47, 68.7)
    assert ("Requires improvement", 21, 66.6, "2022-23") in by_rating
    assert sum(row[1] for row in by_rating) == 71
    [spearman] = results["17"]
    assert spearman == [(0.26, 71)]


def test_the_birmingham_timeline_runs_from_the_2009_10_grades_to_the_pilot(results) -> None:
    [timeline] = results["20"]
    assert timeline == [
        ("2023-11-17", "2023 pilot (indicative)", "Good", None, None),
        (
            "2009/10",
            "annual performance assessment",
            "Performing well",
            None,
            "making_positive_contribution: performing excellently",
        ),
    ]


def test_the_search_recipe_says_what_it_finds(
    results, mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    [ranked] = results["18"]
    assert [row[0] for row in ranked][:2] == ["Bath and North East Somerset", "Bracknell Forest"]
    assert {(row[1], row[2], row[3]) for row in ranked} == {(1, "Access and timeliness", 1.24)}
    assert len(ranked) == 5
    copy = tmp_path / "cqc.duckdb"  # cqc search sandboxes the DuckDB instance it opens
    shutil.copy(mirror_warehouse_file, copy)
    section = COOKBOOK.read_text(encoding="utf-8").split("## 18.", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", section, flags=re.S)[0].splitlines()
    outputs = []
    for line in commands:
        result = CliRunner().invoke(app, [*shlex.split(line)[1:], "--db", str(copy)])
        assert result.exit_code == 0, (line, result.output)
        outputs.append(result.stdout)
    assert "Access and «timeliness»" in outputs[0] and "5 hits" in outputs[0]
    assert outputs[1].startswith("rank,score,council,region")


def test_the_spreadsheet_recipe_writes_what_it_describes(
    mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    section = COOKBOOK.read_text(encoding="utf-8").split("## 19.", 1)[1].split("\n## ", 1)[0]
    [command] = re.findall(r"`(cqc export --format xlsx [^`]*)`", section)
    result = CliRunner().invoke(
        app,
        [
            *shlex.split(command)[1:-1],
            str(tmp_path / "exports"),
            "--db",
            str(mirror_warehouse_file),
        ],
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "exports" / "cqc-warehouse.xlsx", read_only=True)
    assert book.sheetnames[0] == "data_dictionary"
    assert {"league_table", "regional_benchmark"} <= set(book.sheetnames)
    assert "exports/cqc-warehouse.xlsx" in section
