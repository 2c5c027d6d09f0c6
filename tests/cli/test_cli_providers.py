"""`cqc providers`: import a file you hold, ingest the month's files, the API without a key.
The import and the key check in process; the ingest as a real `cqc` process against the
mirror (end-to-end tier)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from mirror.provider_files import PROVIDER_MONTHS, TEST_SCALE, provider_file_bytes
from mirror.server import MirrorServer
from tests.flows.test_run_stops import cli_env
from warehouse.db import connect

CQC = str(Path(sys.executable).parent / "cqc")
SEPT_2026 = PROVIDER_MONTHS[0]


def write(tmp_path: Path, name: str, *, renamed: dict[str, str] | None = None) -> Path:
    path = tmp_path / f"01_September_2026_{name}.ods"
    path.write_bytes(provider_file_bytes(SEPT_2026, name, TEST_SCALE, renamed=renamed))  # type: ignore[arg-type]
    return path


def test_import_loads_a_file_and_names_each_problem(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    path = write(tmp_path, "HSCA_Active_Locations")
    result = CliRunner().invoke(app, ["providers", "import", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "provider data of 2026-09" in result.output
    assert "active locations: " in result.output and "loaded" in result.output
    assert "council 'Monmouthshire' is none of the 153: 1 row (1-000000001)" in result.output
    again = CliRunner().invoke(app, ["providers", "import", str(path), "--db", str(db)])
    assert again.exit_code == 0 and "unchanged (the same bytes" in again.output


def test_import_of_a_renamed_column_names_it_and_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    path = write(
        tmp_path,
        "HSCA_Active_Locations",
        renamed={"Location Local Authority": "Local Authority Name"},
    )
    result = CliRunner().invoke(app, ["providers", "import", str(path), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert "lacks the active locations column 'Location Local Authority'" in result.output
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM care_location").fetchone() == (0,)


def test_import_refuses_a_month_that_is_no_month(tmp_path: Path) -> None:
    path = write(tmp_path, "Latest_ratings")
    result = CliRunner().invoke(
        app,
        ["providers", "import", str(path), "--db", str(tmp_path / "w.duckdb"), "--month", "Sept"],
    )
    assert result.exit_code == 2
    assert "write it YYYY-MM" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_the_api_without_a_key_is_one_line_and_no_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CQC_API_KEY", raising=False)
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["providers", "ingest", "--api", "--db", str(db)])
    assert result.exit_code == 1
    assert "CQC_API_KEY" in result.output and "api-portal.service.cqc.org.uk" in result.output
    assert not db.exists()


@pytest.mark.e2e
def test_ingest_finds_the_month_by_link_and_again_changes_nothing(
    tmp_path: Path, prefect_api_url: str
) -> None:
    db = tmp_path / "w.duckdb"
    with MirrorServer(provider_scale=TEST_SCALE, provider_cache_dir=tmp_path / "cache") as mirror:
        command = [
            CQC, "providers", "ingest", "--base-url", mirror.base_url, "--db", str(db),
            "--archive", str(tmp_path / "raw"), "--min-interval", "0",
        ]  # fmt: skip
        env = cli_env(tmp_path, prefect_api_url, COLUMNS="200")
        first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "latest ratings: " in first.stdout and "council_care_market: " in first.stdout
    assert "Deactivated_Locations.ods" in first.stdout  # named as not read, not silently
    assert second.returncode == 0, second.stderr
    assert second.stdout.count("unchanged (the same bytes") == 2
