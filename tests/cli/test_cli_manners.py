"""What every `cqc` command does alike: --version, and an unknown --format refused."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from cli.common import ExportFormat, OutputFormat
from cli.main import app
from publish.export import FORMATS
from transform.version import PARSER_VERSION

runner = CliRunner()


def test_version_names_the_package_and_the_parser() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"cqc-warehouse {version('cqc-warehouse')} ")
    assert f"parser {PARSER_VERSION}" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["sql", "SELECT 1"],
        ["compare", "Stoke-on-Trent"],
        ["benchmark"],
        ["search", "waiting list"],
        ["export", "--out", "unused"],
        ["neighbours", "Stoke-on-Trent"],
        ["outcomes"],
    ],
)
def test_an_unknown_format_is_refused_with_the_choices(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--format", "xml"])
    assert result.exit_code == 2, result.output
    flat = " ".join(result.stderr.replace("│", " ").split())
    choices = ExportFormat if command[0] == "export" else OutputFormat
    assert "'xml' is not one of " + ", ".join(f"'{c.value}'" for c in choices) in flat


def test_the_export_choices_are_the_formats_the_export_writes() -> None:
    assert tuple(c.value for c in ExportFormat) == FORMATS
