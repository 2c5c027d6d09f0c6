"""What `cqc` prints never breaks on what is in it: markup-like text in a name, a path, a file
or an error shows as typed ("[/b]", "[red]", ":smile:"), and an output encoding that cannot
show "£" gets escapes, not a UnicodeEncodeError. Real `cqc` processes, and the console."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.common import PlainConsole
from transform.councils import load_councils
from warehouse.db import connect, init_schema
from warehouse.load import save_local_authorities

pytestmark = pytest.mark.e2e  # real `cqc` processes

CQC = str(Path(sys.executable).parent / "cqc")
MARKUP = "[/b] [red]x[/red] :smile:"


def cqc(*args: str, encoding: str | None = "utf-8") -> subprocess.CompletedProcess[bytes]:
    """A `cqc` process with stdout and stderr in `encoding` (None: Python's default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CQC_", "PYTHONIO"))}
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run([CQC, *args], capture_output=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("console") / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    return db


# ---------------------------------------------------------------- an encoding without "£"


def test_csv_under_ascii_escapes_what_it_cannot_show(warehouse: Path) -> None:
    done = cqc(
        "sql", "--db", str(warehouse), "--format", "csv", "select '£5' AS x", encoding="ascii"
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == b"x\r\n\\xa35\r\n"


def test_json_under_ascii_is_the_same_text_in_json_escapes(warehouse: Path) -> None:
    done = cqc(
        "sql", "--db", str(warehouse), "--format", "json", "select '£5' AS x", encoding="ascii"
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"\\u00a35" in done.stdout
    assert json.loads(done.stdout) == [{"x": "£5"}]  # nothing lost


def test_a_table_under_ascii_prints(warehouse: Path) -> None:
    done = cqc("sql", "--db", str(warehouse), "select '£5' AS \"£\"", encoding="ascii")
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode("ascii")  # every byte of it ASCII, borders too
    assert "\\xa35" in text and "\\xa3" in text.splitlines()[1]
    assert text.splitlines()[-1] == "1 rows"


def test_an_error_under_ascii_is_one_line_with_escapes(warehouse: Path) -> None:
    done = cqc("sql", "--db", str(warehouse), "select error('£ [/b]')", encoding="ascii")
    assert done.returncode == 1
    assert done.stderr == b"SQL error: Invalid Input Error: \\xa3 [/b]\n"


def test_a_file_gets_utf8_when_the_encoding_allows(warehouse: Path, tmp_path: Path) -> None:
    for fmt, expected in (("csv", "x\r\n£5\r\n"), ("json", '[\n  {\n    "x": "£5"\n  }\n]\n')):
        target = tmp_path / f"out.{fmt}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CQC_", "PYTHONIO"))}
        with target.open("wb") as sink:
            done = subprocess.run(
                [CQC, "sql", "--db", str(warehouse), "--format", fmt, "select '£5' AS x"],
                stdout=sink, stderr=subprocess.PIPE, timeout=300, env=env,
            )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert target.read_bytes() == expected.encode("utf-8")


# ---------------------------------------------------------------- markup is never read


def test_an_unknown_council_named_like_markup_is_quoted_as_typed() -> None:
    done = cqc("compare", MARKUP)
    assert done.returncode == 2
    [line] = done.stderr.decode().splitlines()
    assert MARKUP in line and "Traceback" not in line


def test_an_unknown_region_named_like_markup_is_quoted_as_typed(warehouse: Path) -> None:
    done = cqc("benchmark", "--region", MARKUP, "--db", str(warehouse))
    assert done.returncode == 2
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"no region {MARKUP!r}; the regions are: ")


def test_a_warehouse_path_like_markup_is_named_as_typed(tmp_path: Path) -> None:
    missing = tmp_path / "[red]x" / "[/b]:smile:.duckdb"
    done = cqc("sql", "--db", str(missing), "select 1")
    assert done.returncode == 1
    assert done.stderr.decode() == (
        f"no DuckDB warehouse at {missing} (run `cqc ingest` or `cqc demo` first)\n"
    )


def test_a_page_path_like_markup_is_named_as_typed(tmp_path: Path) -> None:
    missing = str(tmp_path / f"{MARKUP}.html")
    done = cqc("parse", missing)
    assert done.returncode == 1
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"cannot read {missing}: ") and "Traceback" not in line


def test_a_neighbour_file_whose_header_looks_like_markup_is_quoted_as_typed(
    tmp_path: Path, warehouse: Path
) -> None:
    bad = tmp_path / "neighbours [" / "b] [red].csv"  # the path reads "neighbours [/b] [red].csv"
    bad.parent.mkdir()
    bad.write_text("[/b],[red]x,:smile:\n", encoding="utf-8")
    done = cqc("neighbours", "--import", str(bad), "--db", str(warehouse))
    assert done.returncode == 2
    text = done.stderr.decode()
    assert "the header is [/b],[red]x,:smile:" in text
    assert text.splitlines()[-1] == "nothing imported" and "Traceback" not in text


def test_an_unknown_skin_named_like_markup_is_quoted_as_typed() -> None:
    done = cqc("mirror", "--skin", MARKUP)
    assert done.returncode == 2
    assert done.stderr.decode() == (f"unknown skin {MARKUP!r}; the skins are: classic, drupal\n")


def test_an_archive_path_like_markup_is_named_as_typed(tmp_path: Path) -> None:
    archive = tmp_path / "x[" / "b] [red]raw"  # the path reads "x[/b] [red]raw"
    archive.mkdir(parents=True)
    done = cqc("archive", "import-legacy", "--archive", str(archive))
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"nothing imported: no fetch_log.jsonl under {archive}: not a pre-WARC archive\n"
    )


def test_rows_and_names_from_the_warehouse_are_shown_as_stored(tmp_path: Path) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
        conn.execute("UPDATE local_authority SET name = ? WHERE la_code = 'E06000021'", [MARKUP])
    done = cqc(
        "sql", "--db", str(db), "select name from local_authority where la_code = 'E06000021'"
    )
    assert done.returncode == 0, done.stderr
    assert MARKUP in done.stdout.decode()


@pytest.mark.parametrize("text", ["a [/b] b", "[/]", "x [/red] y", "[b]x[/i]"])
def test_the_console_prints_what_its_markup_cannot_parse_as_typed(text: str) -> None:
    """The net under the escaping: a message whose markup does not parse (rich raises
    MarkupError for it) prints as it is."""
    console = PlainConsole()
    with console.capture() as captured:
        console.print(text)
    assert captured.get() == text + "\n"


def test_the_console_reads_no_emoji_codes() -> None:
    console = PlainConsole()
    with console.capture() as captured:
        console.print("[red]:smile: :x:[/red]")
    assert captured.get() == ":smile: :x:\n"
