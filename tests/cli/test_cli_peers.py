"""`cqc neighbours` and `cqc outcomes` over the mirror's sample warehouse file, and
`cqc neighbours --import` on a copy of it."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from warehouse.db import connect
from warehouse.outcomes import spearman_by_measure

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def warehouse_copy(mirror_warehouse_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cqc.duckdb"
    shutil.copyfile(mirror_warehouse_file, path)
    return path


def test_neighbours_of_a_council_by_any_name_form(mirror_warehouse_file: Path) -> None:
    code, out, err = invoke(
        "neighbours", "Stoke on Trent", "--db", str(mirror_warehouse_file), "--format", "csv"
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 15 and [r["rank"] for r in rows] == [str(n) for n in range(1, 16)]
    assert rows[0] == {
        "rank": "1",
        "council": "Derby",
        "region": "East Midlands",
        "type": "unitary",
        "distance": "0.128",
        "rating": "Requires improvement",
        "pct": "53",
        "method": "computed:population+density+type",
    }
    assert (rows[1]["council"], rows[1]["rating"], rows[1]["pct"]) == ("Plymouth", "", "")
    same = invoke(
        "neighbours",
        "Stoke-on-Trent City Council",
        "--db",
        str(mirror_warehouse_file),
        "--format",
        "csv",
    )
    assert same[1] == out


def test_neighbours_k_and_table(mirror_warehouse_file: Path) -> None:
    code, out, err = invoke("neighbours", "Durham", "--k", "3", "--db", str(mirror_warehouse_file))
    assert code == 0, err
    assert out.startswith("County Durham: 3 nearest neighbours (computed:population+density+type)")
    assert "3 rows" in out and "method" not in out.split("\n", 1)[1]
    code, out, _ = invoke(
        "neighbours", "Durham", "--k", "152", "--db", str(mirror_warehouse_file), "--format", "json"
    )
    assert code == 0 and len(json.loads(out)) == 152
    code, _, err = invoke("neighbours", "Durham", "--k", "0", "--db", str(mirror_warehouse_file))
    assert code == 2


def test_neighbours_an_unknown_council_or_no_council(mirror_warehouse_file: Path) -> None:
    code, _, err = invoke("neighbours", "Brighton", "--db", str(mirror_warehouse_file))
    assert code == 2 and "Did you mean" in err and "Brighton and Hove" in err
    code, _, err = invoke("neighbours", "--db", str(mirror_warehouse_file))
    assert code == 2 and "give one of: a COUNCIL, --import FILE.csv or --clear-import" in err


def test_import_a_list_then_clear_it(warehouse_copy: Path, tmp_path: Path) -> None:
    listing = tmp_path / "cipfa_2024.csv"
    listing.write_text(
        "council,neighbour,rank\n"
        "Stoke-on-Trent,Wolverhampton,1\n"
        "Stoke-on-Trent,E08000030,2\n"
        "Stoke on Trent,Staffordshire,3\n",
        encoding="utf-8",
    )
    code, out, err = invoke("neighbours", "--import", str(listing), "--db", str(warehouse_copy))
    assert code == 0, err
    assert "3 neighbours of 1 councils imported from cipfa_2024.csv" in out
    code, out, err = invoke("neighbours", "Stoke", "--db", str(warehouse_copy), "--format", "json")
    got = json.loads(out)
    assert [(r["council"], r["method"]) for r in got] == [
        ("Wolverhampton", "imported:cipfa_2024.csv"),
        ("Walsall", "imported:cipfa_2024.csv"),
        ("Staffordshire", "imported:cipfa_2024.csv"),
    ]
    code, out, err = invoke("compare", "Stoke", "--db", str(warehouse_copy), "--format", "csv")
    table = {row[0]: row[1:] for row in csv.reader(io.StringIO(out))}
    assert table["Neighbours' mean %"] == ["75.0% (1 of 3 assessed)"]  # Staffordshire
    assert table["% vs neighbours' mean"] == ["-11.0"]
    # Another council's neighbours are still computed.
    code, out, _ = invoke(
        "neighbours", "Derby", "--k", "1", "--db", str(warehouse_copy), "--format", "csv"
    )
    assert "computed:population+density+type" in out
    code, out, err = invoke("neighbours", "--clear-import", "--db", str(warehouse_copy))
    assert code == 0, err
    assert "imported lists of 1 councils forgotten" in out
    code, out, _ = invoke(
        "neighbours", "Stoke", "--k", "1", "--db", str(warehouse_copy), "--format", "csv"
    )
    assert "Derby" in out and "computed:" in out


def test_a_bad_file_imports_nothing_and_names_each_row(
    warehouse_copy: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "council,neighbour,rank\n"
        "Stoke-on-Trent,Wolverhampton,1\n"
        "Stoke-on-Trent,Walsall,1\n"
        "Stoke-on-Trent,Sandwel,2\n",
        encoding="utf-8",
    )
    code, out, err = invoke("neighbours", "--import", str(bad), "--db", str(warehouse_copy))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "bad.csv: line 3: Stoke-on-Trent has rank 1 twice (lines 2 and 3)",
        "bad.csv: line 4, neighbour: no council with adult social care duties matches 'Sandwel'",
        "nothing imported",
    ]
    with connect(warehouse_copy, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM council_neighbour_import").fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM council_neighbour WHERE method LIKE 'imported:%'"
        ).fetchone() == (0,)
    code, _, err = invoke(
        "neighbours", "--import", str(tmp_path / "none.csv"), "--db", str(warehouse_copy)
    )
    assert code == 2 and "cannot read" in err and "none.csv" in err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("council,neighbour,rank\nSt\xe9,Derby,1\n".encode("latin-1"))
    code, _, err = invoke("neighbours", "--import", str(latin), "--db", str(warehouse_copy))
    assert code == 2 and "is not UTF-8 text" in err


def test_outcomes_prints_spearman_per_measure(mirror_warehouse_file: Path) -> None:
    code, out, err = invoke("outcomes", "--db", str(mirror_warehouse_file), "--format", "json")
    assert code == 0, err
    # Oflog's measures (the care market's MKT rows follow when a market month is loaded)
    rows = {row["code"]: row for row in json.loads(out) if row["code"].startswith("ASC")}
    with connect(mirror_warehouse_file, read_only=True) as conn:
        rho = spearman_by_measure(conn)
    assert len(rows) == 7
    for code_, row in rows.items():
        assert row["overall_pct"] == round(rho[(code_, "overall_score_pct")][0], 2)
        assert row["qs8"] == round(rho[(code_, "qs8_governance")][0], 2)
        assert row["n"] == rho[(code_, "overall_score_pct")][1]
    assert (rows["ASC3"]["n"], rows["ASC3"]["overall_pct"], rows["ASC7"]["qs8"]) == (71, 0.26, 0.26)
    code, out, _ = invoke("outcomes", "--db", str(mirror_warehouse_file))
    assert code == 0 and "With n = 72, |rho| below 0.23" in out
