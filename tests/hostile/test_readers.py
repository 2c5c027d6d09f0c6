"""`cqc sql` and the other readers against what a user or another process may do to them: a
result of millions of rows, Ctrl-C in the middle of a query, an error text holding markup,
another process holding the warehouse. Real `cqc` processes over a small warehouse."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from transform.councils import load_councils
from warehouse.db import connect, init_schema
from warehouse.load import save_local_authorities

pytestmark = pytest.mark.e2e  # real `cqc` processes

CQC = str(Path(sys.executable).parent / "cqc")
THIS_PROGRAM = os.readlink("/proc/self/exe")  # how DuckDB names a process holding a lock
PEAK_RSS_LIMIT_MB = 300


def cqc_env(**extra: str) -> dict[str, str]:
    """The environment of a `cqc` process: UTF-8 output, no lock wait unless a test says."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CQC_", "PYTHONIO"))}
    env.update({"PYTHONIOENCODING": "utf-8", "CQC_LOCK_WAIT_S": "0", **extra})
    return env


def cqc(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CQC, *args], capture_output=True, text=True, timeout=300, env=cqc_env(**extra_env)
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse of the 153 councils: the schema, and rows to read."""
    db = tmp_path_factory.mktemp("readers") / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        save_local_authorities(conn, load_councils())
    return db


# Runs its arguments, output thrown away, and prints their exit status and peak resident set.
PEAK_PROBE = (
    "import resource, subprocess, sys\n"
    "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
)


def peak_rss_mb(command: list[str]) -> tuple[int, int]:
    """`command`'s exit status and peak resident set in MB, measured by a small Python whose
    only child it is: Linux counts in a child's peak the memory of the process it was
    forked from, before its exec, so measured from this test process (hundreds of MB after
    other tests) the figure would be this process's, not the command's."""
    probe = subprocess.run(
        [sys.executable, "-c", PEAK_PROBE, *command],
        capture_output=True,
        text=True,
        timeout=600,
        env=cqc_env(),
        check=True,
    )
    status, peak = probe.stdout.split()
    return int(status), int(peak)


# ---------------------------------------------------------------- bounded memory


def test_three_million_rows_as_csv_stay_in_bounded_memory(warehouse: Path) -> None:
    status, peak = peak_rss_mb(
        [CQC, "sql", "--db", str(warehouse), "--format", "csv", "select * from range(3000000)"]
    )
    assert status == 0
    assert peak < PEAK_RSS_LIMIT_MB, f"peak resident set {peak} MB"


def test_csv_streams_every_row_in_order(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    with out.open("w") as sink:
        done = subprocess.run(
            [CQC, "sql", "--db", str(warehouse), "--format", "csv",
             "select range AS n, range * 2 AS twice FROM range(25001)"],
            stdout=sink, stderr=subprocess.PIPE, text=True, timeout=300, env=cqc_env(),
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = out.read_text().splitlines()
    assert lines[0] == "n,twice" and len(lines) == 25002  # batches of 10,000, and a last one
    assert lines[10_001] == "10000,20000" and lines[-1] == "25000,50000"


def test_json_streamed_is_one_document_in_the_former_layout(warehouse: Path) -> None:
    """Streamed a record at a time, the document is byte for byte what json.dumps of the
    whole list printed before: the same shape for every reader of it."""
    query = (
        "SELECT range AS n, CASE WHEN range % 2 = 0 THEN NULL ELSE 'a \"£\" [b]' END AS text, "
        "DATE '2025-06-13' + range::INT AS day, [range, range + 1] AS pair, "
        "{'k': range} AS struct FROM range(10003)"
    )
    done = cqc("sql", "--db", str(warehouse), "--format", "json", query)
    assert done.returncode == 0, done.stderr
    records = [
        {
            "n": n,
            "text": None if n % 2 == 0 else 'a "£" [b]',
            "day": date.fromordinal(date(2025, 6, 13).toordinal() + n).isoformat(),
            "pair": [n, n + 1],
            "struct": {"k": n},
        }
        for n in range(10003)
    ]
    assert json.loads(done.stdout) == records
    assert done.stdout == json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def test_json_of_no_rows_is_an_empty_array(warehouse: Path) -> None:
    done = cqc("sql", "--db", str(warehouse), "--format", "json", "SELECT 1 AS n WHERE false")
    assert (done.returncode, done.stdout) == (0, "[]\n")


def test_a_table_shows_the_first_thousand_rows_and_counts_the_rest(warehouse: Path) -> None:
    done = cqc("sql", "--db", str(warehouse), "select range AS n from range(3000000)")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].strip("┃ ") == "n"
    shown = [line.strip("│ ") for line in lines if line.startswith("│")]
    assert shown == [str(n) for n in range(1000)]
    assert done.stdout.splitlines()[-1] == (
        "1000 of 3000000 rows shown; for the other 2999000: --limit N shows N rows, "
        "--format csv or json prints them all"
    )


def test_limit_cuts_every_format(warehouse: Path) -> None:
    table = cqc("sql", "--db", str(warehouse), "--limit", "3", "select * from range(10)")
    assert table.returncode == 0
    assert table.stdout.splitlines()[-1].startswith("3 of 10 rows shown; for the other 7:")
    csv = cqc("sql", "--db", str(warehouse), "--limit", "3", "--format", "csv",
              "select * from range(10)")  # fmt: skip
    assert (csv.returncode, csv.stdout) == (0, "range\n0\n1\n2\n")  # text mode: \r\n read as \n
    assert csv.stderr.strip() == "the first 3 rows printed (--limit 3); the query has more"
    whole = cqc("sql", "--db", str(warehouse), "--limit", "10", "--format", "json",
                "select * from range(10)")  # fmt: skip
    assert json.loads(whole.stdout) == [{"range": n} for n in range(10)]
    assert whole.stderr == ""  # nothing was left out
    refused = cqc("sql", "--db", str(warehouse), "--limit", "0", "select 1")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_a_reader_that_stops_reading_ends_it_quietly(warehouse: Path) -> None:
    """`cqc sql ... | head`: no BrokenPipeError traceback, the status of a closed pipe."""
    process = subprocess.Popen(
        [CQC, "sql", "--db", str(warehouse), "--format", "csv", "select * from range(10000000)"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cqc_env(),
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline() == b"range\r\n"  # the header comes first
    process.stdout.close()  # the reader goes away
    _, err = process.communicate(timeout=300)
    assert process.returncode == 128 + signal.SIGPIPE
    assert err == b""


# ---------------------------------------------------------------- Ctrl-C


def opened(process: subprocess.Popen[bytes], path: Path) -> bool:
    """Whether the process holds `path` open: it has connected, and the query follows."""
    fds = Path(f"/proc/{process.pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in fds.iterdir())
    except FileNotFoundError:  # the process ended, or closed a descriptor as we looked
        return False


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the process never got there"
        time.sleep(0.05)


@pytest.fixture()
def long_query(warehouse: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A query that would run for many minutes: a count over a trillion rows."""
    process = subprocess.Popen(
        [CQC, "sql", "--db", str(warehouse), "select count(*) from range(1000000000000)"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cqc_env(),
    )  # fmt: skip
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_a_long_query_with_one_line(
    long_query: subprocess.Popen[bytes], warehouse: Path, signum: signal.Signals
) -> None:
    wait_for(lambda: opened(long_query, warehouse), long_query)
    time.sleep(0.5)  # into the query (the handler is in place from before the connection)
    long_query.send_signal(signum)
    out, err = long_query.communicate(timeout=60)
    assert long_query.returncode == 128 + signum
    assert err.decode() == f"stopped by {signum.name}: the query was interrupted\n"
    assert out == b""


def test_ctrl_c_stops_a_query_while_its_rows_stream(warehouse: Path) -> None:
    process = subprocess.Popen(
        [CQC, "sql", "--db", str(warehouse), "--format", "csv",
         "select * from range(1000000000000)"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cqc_env(),
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"range\r\n"  # rows are coming
    process.send_signal(signal.SIGINT)
    rows = process.stdout.read().decode().splitlines()
    assert process.wait(timeout=60) == 130
    assert process.stderr.read().decode() == "stopped by SIGINT: the query was interrupted\n"
    assert rows == [str(n) for n in range(len(rows))]  # whole rows in order, then it stopped


# ---------------------------------------------------------------- errors as they are


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("select error('[red]boom[/red] [/b] :smile:')", "[red]boom[/red] [/b] :smile:"),
        ('select "[/b]"', 'Binder Error: Referenced column "[/b]"'),
        ("select [1,2][5/0]", "array_extract(INTEGER[], DOUBLE)"),
    ],
)
def test_an_error_text_is_printed_as_duckdb_wrote_it(
    warehouse: Path, query: str, error: str | None
) -> None:
    import duckdb

    with duckdb.connect() as conn, pytest.raises(duckdb.Error) as raised:
        conn.execute(query).fetchall()
    # As DuckDB wrote it; the console lays a tab out as spaces to the next 8th column.
    expected = f"SQL error: {str(raised.value).rstrip()}\n".expandtabs(8)
    if error is not None:
        assert error in expected
    done = cqc("sql", "--db", str(warehouse), query)
    assert done.returncode == 1
    assert done.stderr == expected
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_column_named_like_markup_is_shown_as_named(warehouse: Path) -> None:
    done = cqc("sql", "--db", str(warehouse), """select '[red]x' AS "[/b]", ':smile:' AS "[b]" """)
    assert done.returncode == 0, done.stderr
    assert "[/b]" in done.stdout and "[b]" in done.stdout
    assert "[red]x" in done.stdout and ":smile:" in done.stdout


# ---------------------------------------------------------------- a warehouse in use


def test_readers_share_the_warehouse(warehouse: Path) -> None:
    """Another reader holding it is no reason to refuse: DuckDB lets readers share."""
    with connect(warehouse, read_only=True):
        done = cqc("sql", "--db", str(warehouse), "--format", "csv", "select count(*) AS n "
                   "from local_authority")  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "n\n153\n")


def test_a_reader_refused_by_a_writer_says_a_writer_has_it(tmp_path: Path) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:  # this test process writes it
        init_schema(conn)
        done = cqc("sql", "--db", str(db), "select 1")
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line == (
        f"the warehouse {db} is open for writing in {THIS_PROGRAM} (PID {os.getpid()}), "
        "and DuckDB lets no reader beside a writer: try again when it has finished"
    )


def test_a_writer_refused_by_a_reader_does_not_call_it_a_run_writing(warehouse: Path) -> None:
    """`cqc neighbours --clear-import` writes; a reader (here this test process) holding the
    file is named as what DuckDB's lock error says it is: a reader, not a run writing."""
    with connect(warehouse, read_only=True):
        done = cqc("neighbours", "--clear-import", "--db", str(warehouse))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line == (
        f"the warehouse {warehouse} is open for reading in {THIS_PROGRAM} "
        f"(PID {os.getpid()}), and DuckDB lets no writer beside a reader: try again when it is "
        "closed"
    )


def test_a_writer_refused_by_a_writer_says_a_writer_has_it(tmp_path: Path) -> None:
    db = tmp_path / "cqc.duckdb"
    with connect(db) as conn:
        init_schema(conn)
        done = cqc("neighbours", "--clear-import", "--db", str(db))
    assert done.returncode == 1
    assert done.stderr == (
        f"the warehouse {db} is open for writing in {THIS_PROGRAM} (PID {os.getpid()}), "
        "and DuckDB lets one process write at a time: try again when it has finished\n"
    )
