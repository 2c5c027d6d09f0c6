"""`cqc compare`, `cqc benchmark`, `cqc export`: over the mirror's sample warehouse file."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from cli.main import app
from warehouse.db import connect

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_compare_puts_councils_side_by_side_from_common_name_forms(
    mirror_warehouse_file: Path,
) -> None:
    code, out, err = invoke(
        "compare",
        "Stoke on Trent",
        "Staffordshire County Council",
        "Durham",
        "Barnsley",
        "--db",
        str(mirror_warehouse_file),
        "--format",
        "csv",
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["", "Stoke-on-Trent", "Staffordshire", "County Durham", "Barnsley"]
    table = {row[0]: row[1:] for row in rows[1:]}
    assert table["Rating"] == ["Good", "Good", "Good", "not assessed yet"]
    assert table["Overall %"] == ["64%", "75%", "67%", ""]
    assert table["Rank in region"][:2] == ["3 of 4", "1 of 4"]
    assert table["% vs region mean"][:2] == ["-3.5", "+7.5"]
    assert table["QS1 Assessing needs"][0].startswith("2 (region 2.25, England ")
    assert table["Region"] == [
        "West Midlands",
        "West Midlands",
        "North East",
        "Yorkshire and The Humber",
    ]


def test_compare_an_unknown_council_is_one_line_with_suggestions(
    mirror_warehouse_file: Path,
) -> None:
    code, _, err = invoke("compare", "Brighton", "--db", str(mirror_warehouse_file))
    assert code == 2
    assert "Brighton" in err and "Did you mean" in err and "Brighton and Hove" in err
    assert "Traceback" not in err


def test_benchmark_prints_a_regions_table(mirror_warehouse_file: Path) -> None:
    code, out, err = invoke(
        "benchmark",
        "--region",
        "west  midlands",
        "--db",
        str(mirror_warehouse_file),
        "--format",
        "json",
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["rank"], r["council"], r["pct"]) for r in rows] == [
        (1, "Staffordshire", 75),
        (2, "Telford and Wrekin", 67),
        (3, "Shropshire", 64),
        (3, "Stoke-on-Trent", 64),
    ]
    assert {r["region_mean"] for r in rows} == {67.5}
    code, out, _ = invoke(
        "benchmark",
        "--region",
        "West Midlands",
        "--include-pilots",
        "--db",
        str(mirror_warehouse_file),
        "--format",
        "json",
    )
    pilot = json.loads(out)[-1]
    assert (pilot["rank"], pilot["council"], pilot["rating"]) == (
        None,
        "Birmingham (pilot)",
        "Good (indicative)",
    )


def test_benchmark_an_unknown_region_lists_the_nine(mirror_warehouse_file: Path) -> None:
    code, _, err = invoke("benchmark", "--region", "Midlands", "--db", str(mirror_warehouse_file))
    assert code == 2 and "East Midlands" in err and "Yorkshire and The Humber" in err


def test_export_parquet_opens_with_pyarrow_with_a_dictionary(
    mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    code, _, err = invoke(
        "export", "--format", "parquet", "--out", str(out), "--db", str(mirror_warehouse_file)
    )
    assert code == 0, err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {table["name"]: table for table in manifest["tables"]}
    assert {"league_table", "regional_benchmark", "assessment", "parse_issue"} <= set(files)
    for name, table in files.items():
        assert pq.read_table(out / table["file"]).num_rows == table["rows"], name
    league = pq.read_table(out / "league_table.parquet").to_pylist()
    assert len(league) == 72
    stoke = next(row for row in league if row["council"] == "Stoke-on-Trent")
    assert (stoke["overall_score_pct"], stoke["qs1_assessing_needs"]) == (64, 2)
    dictionary = (out / "data_dictionary.md").read_text(encoding="utf-8")
    assert "### `league_table`" in dictionary and "| Stoke-on-Trent |" in dictionary


def test_export_csv(mirror_warehouse_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    code, _, err = invoke(
        "export", "--format", "csv", "--out", str(out), "--db", str(mirror_warehouse_file)
    )
    assert code == 0, err
    with (out / "regional_benchmark.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 72
    staffs = next(row for row in rows if row["council"] == "Staffordshire")
    assert (staffs["rank_in_region"], staffs["region_avg_pct"]) == ("1", "67.5")
    code, _, err = invoke("export", "--format", "xml", "--out", str(out))
    assert code == 2 and "'parquet', 'csv', 'xlsx'" in " ".join(err.replace("│", " ").split())


def test_the_duckdb_cli_1_5_opens_the_warehouse(
    mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    cli = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    assert cli is not None, "the duckdb-cli package (dev dependency) is not installed"
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1.5.")
    copy = tmp_path / "copy.duckdb"  # the session's fixture keeps its file open
    shutil.copy(mirror_warehouse_file, copy)
    result = subprocess.run(
        [
            cli,
            "-readonly",
            "-csv",
            str(copy),
            "-c",
            "SELECT council, overall_score_pct FROM league_table WHERE rank = 1 ORDER BY council",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "council,overall_score_pct",
        "Camden,89",
        "Kensington and Chelsea,89",
    ]
    with connect(copy, read_only=True) as conn:
        tags = conn.execute(
            "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'copy'"
        ).fetchone()
    assert tags == ("v1.0.0+",)


def test_refresh_benchmarks_on_its_own_is_a_run_with_its_own_row(
    mirror_warehouse_file: Path, tmp_path: Path, prefect_server: None
) -> None:
    db = tmp_path / "cqc.duckdb"
    shutil.copy(mirror_warehouse_file, db)
    with connect(db, read_only=True) as conn:
        runs_before = conn.execute("SELECT count(*) FROM ingest_run").fetchone()
    code, out, err = invoke("refresh-benchmarks", "--db", str(db))
    assert code == 0, err
    assert "councils ranked" in out
    with connect(db, read_only=True) as conn:
        run = conn.execute(
            'SELECT run_id, mode, status, "full", base_url, finished_at IS NOT NULL, '
            "reports_new + reports_failed + pages_fetched FROM ingest_run "
            "ORDER BY run_id DESC LIMIT 1"
        ).fetchone()
        refresh = conn.execute(
            "SELECT run_id FROM benchmark_refresh ORDER BY refresh_id DESC LIMIT 1"
        ).fetchone()
        runs_after = conn.execute("SELECT count(*) FROM ingest_run").fetchone()
    assert run is not None and runs_before is not None and runs_after is not None
    assert runs_after[0] == runs_before[0] + 1
    assert run[1:] == ("refresh", "finished", False, f"warehouse:{db}", True, 0)
    assert refresh == (run[0],)


def test_refresh_benchmarks_rebuilds_only_what_changed_unless_forced(
    mirror_warehouse_file: Path, tmp_path: Path
) -> None:
    """Run without Prefect (no server configured): a refresh with nothing changed keeps the
    tables; --force rebuilds them; both print the same figures."""
    import os

    db = tmp_path / "cqc.duckdb"
    shutil.copyfile(mirror_warehouse_file, db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_PROFILES_PATH"] = os.devnull
    cqc = str(Path(sys.executable).parent / "cqc")
    outputs = []
    for extra in ([], [], ["--force"]):
        done = subprocess.run(
            [cqc, "refresh-benchmarks", "--db", str(db), *extra],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].startswith("Benchmarks refreshed: 72 councils ranked, 2 pilots kept apart")
    with connect(db, read_only=True) as conn:
        rebuilt = conn.execute(
            "SELECT rebuilt FROM benchmark_refresh ORDER BY refresh_id DESC LIMIT 3"
        ).fetchall()
    assert [r for (r,) in reversed(rebuilt)][1:] == [False, True]
