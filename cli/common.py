"""What every `cqc` command shares: the Typer app, the consoles, output formats, printing rows,
opening the warehouse, council and region lookup, and stopping a run on a signal.

No command module imports another; each imports this one (and `cli.main` registers them all).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console, HighlighterType, JustifyMethod, OverflowMethod
from rich.errors import MarkupError
from rich.markup import escape
from rich.style import Style
from rich.table import Column, Table
from rich.text import Text

from extract.http import FetchError, RunStopError
from pipeline.settings import Settings

if TYPE_CHECKING:
    import duckdb  # imported where used: the CLI starts faster without it

    from pipeline.providers import ProvidersSummary
    from warehouse.db import WarehouseBusyError

# The ephemeral Prefect server's telemetry heartbeat fails offline and floods the log.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

app = typer.Typer(
    help="CQC local authority assessments into a DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def tolerate_unencodable_output() -> None:
    """Characters the output's encoding cannot show ("£" under PYTHONIOENCODING=ascii, a lone
    surrogate anywhere) print as backslash escapes instead of raising UnicodeEncodeError
    halfway through the output. The encoding itself is left as it is (UTF-8 stays UTF-8)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


tolerate_unencodable_output()  # once, before any command (or Typer's usage errors) prints


class PlainConsole(Console):
    """A console whose messages may hold data: no emoji codes (":x:" in a council name stays
    as typed), and a string whose markup does not parse is printed as it is rather than
    raising MarkupError. Values in a message are still escaped where they are put in; this
    is the net under them."""

    def __init__(self, *, stderr: bool = False) -> None:
        # Piped output (CI logs, `| less`) would otherwise be cut to 80 columns.
        terminal = Console(stderr=stderr).is_terminal
        super().__init__(stderr=stderr, width=None if terminal else 140, emoji=False)

    def render_str(
        self,
        text: str,
        *,
        style: str | Style = "",
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        emoji: bool | None = None,
        markup: bool | None = None,
        highlight: bool | None = None,
        highlighter: HighlighterType | None = None,
    ) -> Text:
        def render(markup: bool | None) -> Text:
            return Console.render_str(
                self,
                text,
                style=style,
                justify=justify,
                overflow=overflow,
                emoji=emoji,
                markup=markup,
                highlight=highlight,
                highlighter=highlighter,
            )

        try:
            return render(markup)
        except MarkupError:
            return render(False)


console = PlainConsole()
err_console = PlainConsole(stderr=True)

EXIT_RUN_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_REPORTS_NOT_LOADED = 3


class OutputFormat(StrEnum):
    """How a command prints rows. An Enum, so Typer refuses any other --format (exit 2,
    naming the choices) for every command that takes one."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    """The files `cqc export` writes (publish.export.FORMATS)."""

    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="How to print the rows", case_sensitive=False)
]
DbOption = Annotated[Path | None, typer.Option(help="DuckDB file (env CQC_DB)")]


def _print_version(wanted: bool) -> None:
    if not wanted:
        return
    from importlib.metadata import version

    import duckdb

    from transform.version import PARSER_VERSION

    typer.echo(
        f"cqc-warehouse {version('cqc-warehouse')} (parser {PARSER_VERSION}, "
        f"duckdb {duckdb.__version__})"
    )
    raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the package and parser versions and exit",
        ),
    ] = False,
) -> None:
    """CQC local authority assessments into a DuckDB warehouse."""


class RunInterrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT during a run, raised where the run is, so that it unwinds: the run
    row is closed, the warehouse lock released, Prefect's temporary server stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM (timeout, cron wrappers, systemd) and SIGINT end a run like an exception."""

    def interrupt(signum: int, frame: object) -> None:
        raise RunInterrupted(signum)

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    except RunInterrupted as exc:
        err_console.print(
            f"[red]stopped by {signal.Signals(exc.signum).name}:[/red] the run is marked "
            "failed; the warehouse holds every report loaded before it",
            highlight=False,
        )
        raise typer.Exit(128 + exc.signum) from exc
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def council_code(name: str) -> str:
    """The GSS code of the council a name means, in any form `match_council` accepts; an
    unknown name is one line with the nearest names, exit 2."""
    from transform.councils import UnknownCouncilError, load_councils, match_council

    try:
        return match_council(name).la_code
    except UnknownCouncilError as exc:
        close = difflib.get_close_matches(name, [c.name for c in load_councils()], n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        err_console.print(
            f"[red]{escape(str(exc))}[/red].{escape(hint)}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(2) from exc


def region_named(conn: duckdb.DuckDBPyConnection, region: str) -> str:
    """The region as the warehouse names it, in any case and spacing; else one line naming
    the regions, exit 2."""
    from warehouse.compare import region_names

    known = {name.lower(): name for name in region_names(conn)}
    wanted = known.get(" ".join(region.split()).lower())
    if wanted is None:
        err_console.print(
            f"[red]no region {escape(repr(region))}[/red]; the regions are: "
            + escape(", ".join(known.values())),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    return wanted


@contextmanager
def read_only(db: Path | None, *, sandboxed: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse, read-only (and `sandboxed`: no file, network or extension beyond it);
    a missing file, one another process is writing (DuckDB lets no reader beside a writer),
    or one that is no warehouse we can read is one line and exit status 1."""
    from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, sandbox

    path = settings_with(db=db).db
    try:
        conn = connect(path, read_only=True)
    except FileNotFoundError as exc:
        err_console.print(
            f"[red]{escape(str(exc))}[/red] (run `cqc ingest` or `cqc demo` first)",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from exc
    except WarehouseBusyError as exc:
        say_failure(busy_reading(exc))
        raise typer.Exit(1) from exc
    except WarehouseOpenError as exc:
        say_failure(str(exc))
        raise typer.Exit(1) from exc
    with conn:
        yield sandbox(conn) if sandboxed else conn


def busy_reading(exc: WarehouseBusyError) -> str:
    """Why a read-only open was refused. Readers share the file, so the lock in the way is a
    writer's: the process DuckDB's lock error names has the file open for writing."""
    holder, _ = _lock_holder(exc)
    return (
        f"the warehouse {exc.path} is open for writing in {holder}, and DuckDB lets no "
        "reader beside a writer: try again when it has finished"
    )


def busy_writing(exc: WarehouseBusyError) -> str:
    """Why a writable open was refused, in DuckDB's own terms: its lock error adds "you would
    be able to open this database in read-only mode" when the process in the way only reads
    the file (`cqc sql`, a DuckDB client), and not when it writes it."""
    holder, reader = _lock_holder(exc)
    waited = f" (waited {exc.waited_s:.0f}s)" if exc.waited_s >= 1 else ""
    if reader:
        return (
            f"the warehouse {exc.path} is open for reading in {holder}{waited}, and DuckDB "
            "lets no writer beside a reader: try again when it is closed"
        )
    return (
        f"the warehouse {exc.path} is open for writing in {holder}{waited}, and DuckDB lets "
        "one process write at a time: try again when it has finished"
    )


def _lock_holder(exc: WarehouseBusyError) -> tuple[str, bool]:
    """The process DuckDB's lock error names ("/usr/bin/python3 (PID 42)"), and whether it
    only reads the file (DuckDB said a read-only open would succeed)."""
    return exc.holder, exc.reader


def say_failure(message: str) -> None:
    """One red line on stderr, printed as typed: a path, a name or an error text is data."""
    err_console.print(Text(message, style="red"), highlight=False, soft_wrap=True)


def settings_with(**overrides: object) -> Settings:
    return Settings().with_overrides(**overrides)


# Rows are fetched and printed this many at a time (five of DuckDB's 2,048-row vectors): csv
# and json in constant memory.
FETCH_ROWS = 10_240
# A table is rendered whole before it is shown, so `cqc sql` shows at most this many rows
# unless --limit says otherwise, and says how many more there were.
TABLE_ROWS = 1_000

Row = tuple[object, ...]


def print_rows(
    columns: Sequence[str], rows: Sequence[Sequence[object]], output: OutputFormat
) -> None:
    """Rows a command has already gathered (a few hundred at most), in the chosen format."""
    if output == "json":
        write_json(columns, [rows])
    elif output == "csv":
        write_csv(columns, [rows])
    else:
        print_table(columns, rows)
        console.print(f"{len(rows)} rows")


def write_csv(columns: Sequence[str], batches: Iterable[Sequence[Sequence[object]]]) -> None:
    """CSV on stdout, a batch at a time."""
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for batch in batches:
        writer.writerows(batch)


def write_json(columns: Sequence[str], batches: Iterable[Sequence[Sequence[object]]]) -> None:
    """One JSON array of records on stdout, written a record at a time, byte for byte what
    `json.dumps(records, indent=2)` wrote for the whole list. Where stdout's encoding is not
    Unicode, characters beyond ASCII are JSON escapes (\u00a3): the same text, read back."""
    out = sys.stdout
    record = _json_record(columns, ascii_only=not _takes_unicode(out))
    opening = "[\n  "
    for batch in batches:
        for row in batch:
            out.write(opening + record(row))
            opening = ",\n  "
    out.write("[]\n" if opening == "[\n  " else "\n]\n")


def _json_record(columns: Sequence[str], *, ascii_only: bool) -> Callable[[Sequence[object]], str]:
    """A row as its record in the array's layout. json's indented encoder is pure Python (3M
    rows took a minute), so each scalar goes through the C encoder, and only a value that is
    a list or a struct is laid out with indent=2 as before."""

    def dumps(value: object, indent: int | None = None) -> str:
        return json.dumps(value, indent=indent, default=_json_default, ensure_ascii=ascii_only)

    if len(set(columns)) != len(columns):  # a name twice: one key, its last value, as before
        return lambda row: dumps(dict(zip(columns, row, strict=True)), 2).replace("\n", "\n  ")
    if not columns:
        return lambda row: "{}"
    scalar = json.JSONEncoder(default=_json_default, ensure_ascii=ascii_only).encode
    keys = [f"\n    {json.dumps(name, ensure_ascii=ascii_only)}: " for name in columns]

    def record(row: Sequence[object]) -> str:
        fields = []
        for key, value in zip(keys, row, strict=True):
            if isinstance(value, list | tuple | dict):
                text = dumps(value, 2).replace("\n", "\n    ")
            else:
                text = scalar(value)
            fields.append(key + text)
        return "{" + ",".join(fields) + "\n  }"

    return record


def _takes_unicode(stream: object) -> bool:
    return _takes_unicode_encoding(getattr(stream, "encoding", None) or "utf-8")


def _takes_unicode_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """The rows as a table. Names and values are Text, not markup: a column named "[/b]" or
    a value such as "[placeholder]" is data, shown as it is."""
    showable = _showable_in(console.encoding)
    table = Table(*(Column(header=Text(showable(name))) for name in columns), show_lines=False)
    for row in rows:
        table.add_row(*(Text("" if value is None else showable(str(value))) for value in row))
    console.print(table)


def _showable_in(encoding: str) -> Callable[[str], str]:
    """What of a text an encoding cannot show, as the backslash escapes the output would
    write for it anyway; done before the table measures its columns, so they stay aligned."""
    if _takes_unicode_encoding(encoding):
        return lambda text: text
    return lambda text: text.encode(encoding, "backslashreplace").decode(encoding)


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def skin_named(name: str) -> str:
    """A known mirror skin's name; any other is one line naming the valid ones, exit 2."""
    from mirror.server import SKINS

    if name not in SKINS:
        say_failure(f"unknown skin {name!r}; the skins are: {', '.join(SKINS)}")
        raise typer.Exit(2)
    return name


def writable(db: Path | None) -> duckdb.DuckDBPyConnection:
    """The warehouse open for writing, its schema current; busy or unreadable is one line,
    exit 1."""
    from warehouse.db import WarehouseBusyError, WarehouseOpenError, connect, init_schema

    settings = settings_with(db=db)
    try:
        conn = connect(settings.db, wait_s=settings.lock_wait_s, on_wait=say_plainly)
        init_schema(conn)
    except WarehouseBusyError as exc:
        say_failure(busy_writing(exc))
        raise typer.Exit(1) from exc
    except WarehouseOpenError as exc:
        say_failure(str(exc))
        raise typer.Exit(1) from exc
    return conn


def say_plainly(line: str) -> None:
    """A line on stderr exactly as given (no markup read into it)."""
    err_console.print(Text(line), highlight=False, soft_wrap=True)


class QueryInterrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM while `cqc sql` runs or prints its query."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass
class QueryUnderway:
    """The connection a signal interrupts (once there is one), and the signal if one came."""

    conn: duckdb.DuckDBPyConnection | None = None
    signum: int | None = None


@contextmanager
def query_stopped_by_signals() -> Iterator[QueryUnderway]:
    """SIGINT (Ctrl-C) or SIGTERM interrupts the query (`conn.interrupt()`: DuckDB stops
    between the vectors it works through) and the Python code printing its rows; either way
    the command ends with one line and exit status 128 + the signal. In place before the
    connection is opened, so that no moment of the command is left to the default handler's
    traceback."""
    underway = QueryUnderway()

    def interrupt(signum: int, frame: FrameType | None) -> None:
        underway.signum = signum
        if underway.conn is not None:
            underway.conn.interrupt()
        raise QueryInterrupted(signum)

    # Only the main thread may set handlers (`cqc` runs there; a caller in another thread
    # keeps its own).
    in_main = threading.current_thread() is threading.main_thread()
    watched = (signal.SIGINT, signal.SIGTERM) if in_main else ()
    previous = {sig: signal.signal(sig, interrupt) for sig in watched}
    try:
        yield underway
    except (QueryInterrupted, Exception) as exc:
        # Interrupted, DuckDB raises InterruptException, or RuntimeError("Query interrupted")
        # when the handler's QueryInterrupted came through its own check for signals.
        if underway.signum is None or isinstance(exc, typer.Exit):
            raise
        for sig, handler in previous.items():  # a second Ctrl-C now ends it the usual way
            signal.signal(sig, handler)
        err_console.print(
            f"stopped by {signal.Signals(underway.signum).name}: the query was interrupted",
            highlight=False,
        )
        raise typer.Exit(128 + underway.signum) from exc
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def print_query(
    query: str, db: Path | None, output: OutputFormat, limit: int | None = None
) -> None:
    """Run read-only SQL in the sandbox and print the rows as they come, FETCH_ROWS at a time:
    csv and json in constant memory however many rows; a table of TABLE_ROWS at most (or
    `limit`), then a line saying how many more there were. An error is one line with DuckDB's
    text as it is, exit 1; SIGINT or SIGTERM stops the query, exit 128 + the signal."""
    import duckdb

    with query_stopped_by_signals() as underway, read_only(db, sandboxed=True) as conn:
        underway.conn = conn
        try:
            conn.execute(query)
            columns = [d[0] for d in conn.description or []]
            if output is OutputFormat.table:
                _print_query_table(conn, columns, TABLE_ROWS if limit is None else limit)
            else:
                _write_query_rows(conn, columns, output, limit)
        except duckdb.Error as exc:
            if underway.signum is not None:  # DuckDB's word for the interrupt: said above
                raise
            err_console.print(
                Text.assemble(("SQL error: ", "red"), str(exc).rstrip()), soft_wrap=True
            )
            raise typer.Exit(1) from exc
        except BrokenPipeError as exc:  # `cqc sql ... | head`: the reader has what it wanted
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so that the exit's flush has somewhere to go
            raise typer.Exit(128 + signal.SIGPIPE) from exc
        finally:
            underway.conn = None  # closed next: nothing left to interrupt


def _fetched(cursor: duckdb.DuckDBPyConnection, limit: int | None) -> Iterator[list[Row]]:
    """The cursor's rows in batches of FETCH_ROWS, `limit` rows in all at most."""
    left = limit
    while left is None or left > 0:
        batch: list[Row] = cursor.fetchmany(FETCH_ROWS if left is None else min(FETCH_ROWS, left))
        if not batch:
            return
        yield batch
        if left is not None:
            left -= len(batch)


def _write_query_rows(
    cursor: duckdb.DuckDBPyConnection,
    columns: Sequence[str],
    output: OutputFormat,
    limit: int | None,
) -> None:
    write = write_json if output is OutputFormat.json else write_csv
    write(columns, _fetched(cursor, limit))
    sys.stdout.flush()
    if limit is not None and cursor.fetchmany(1):
        err_console.print(
            f"the first {limit} rows printed (--limit {limit}); the query has more",
            highlight=False,
        )


def _print_query_table(
    cursor: duckdb.DuckDBPyConnection, columns: Sequence[str], shown: int
) -> None:
    rows = [row for batch in _fetched(cursor, shown) for row in batch]
    more = sum(len(batch) for batch in _fetched(cursor, None))  # counted, not kept
    print_table(columns, rows)
    if not more:
        console.print(f"{len(rows)} rows")
        return
    console.print(
        f"{len(rows)} of {len(rows) + more} rows shown; for the other {more}: --limit N "
        "shows N rows, --format csv or json prints them all",
        highlight=False,
    )


def write_html_report(out: Path, db: Path | None, site_url: str | None = None) -> None:
    """Write the static HTML report and the feed, and say where they are."""
    from publish.html_report import write_report

    with read_only(db) as conn:
        written = write_report(conn, out, site_url)
    console.print(
        Text(
            f"{sum(p.suffix == '.html' for p in written)} pages and the feed "
            f"{out / 'feed.atom'} written; open {out / 'index.html'} in a browser"
        ),
        highlight=False,
    )


T = TypeVar("T")

# Prefect warns when it cannot create its home, wherever it is first imported; the commands
# that run a flow say it in one line instead (prefect_home_or_exit).
warnings.filterwarnings("ignore", message="Failed to create the Prefect home directory")


class RunFailed(RunStopError):
    """A run that had to stop, however it ran: its flow ended Failed, or (run without Prefect)
    it raised what stops a run. Said in one line, exit status 1."""


def prefect_api_url() -> str | None:
    """The Prefect server that runs report to, when one is configured: PREFECT_API_URL in the
    environment, else in the active profile of Prefect's profiles file (as `prefect config
    set` writes it). Read here without importing Prefect, which takes a second."""
    import tomllib

    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    name = os.environ.get("PREFECT_PROFILE") or profiles.get("active")
    profile = profiles.get("profiles", {}).get(name, {}) if isinstance(name, str) else {}
    value = profile.get("PREFECT_API_URL") if isinstance(profile, dict) else None
    return value if isinstance(value, str) and value else None


def run_job(
    local: Callable[[], T],
    flow: Callable[[], object],
    kind: type[T],
    *,
    stops: tuple[type[Exception], ...] = (),
) -> T:
    """A run, through its Prefect flow when a Prefect server is configured (the run is in its
    UI, its summary an artifact), else by calling the pipeline itself (`local`): the same
    run, without Prefect's temporary server (10-20 s) or its import. Either way, what stops
    the run (and `stops`) is raised as `RunFailed`, one line."""
    if prefect_api_url() is None:
        from pipeline.run import RUN_STOPS

        caught: tuple[type[Exception], ...] = (*RUN_STOPS, *stops)
        with run_log():
            try:
                return local()
            except caught as exc:
                raise RunFailed(str(exc)) from exc
    prefect_home_or_exit()
    from prefect.exceptions import FailedRun

    try:
        result = flow()
    except FailedRun as exc:
        raise RunFailed(str(exc)) from exc
    return result_of(result, kind)


@contextmanager
def run_log() -> Iterator[None]:
    """A run's log lines (the `cqc` logger) on stderr while it runs without Prefect, whose
    console would otherwise show them."""
    import logging

    from rich.logging import RichHandler

    logger = logging.getLogger("cqc")
    handler = RichHandler(
        console=err_console, show_path=False, markup=False, log_time_format="%H:%M:%S"
    )
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def prefect_home_or_exit() -> None:
    """Stop with one line (exit 1) when Prefect's home cannot be written: Prefect would warn,
    then fail to start its temporary server after half a minute with a long traceback."""
    import tempfile

    from prefect.settings import get_current_settings

    home = get_current_settings().home
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=home):
            pass
    except OSError as exc:
        err_console.print(
            f"[red]Prefect's home {escape(str(home))} cannot be written[/red] "
            f"({escape(exc.strerror or str(exc))}): set PREFECT_HOME to a writable directory",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_RUN_FAILED) from exc


def refuse_unless_warehouse(db: Path) -> None:
    """Stop with one line (exit 1) before anything starts when `db` exists and is not a
    DuckDB database file: DuckDB would open a Parquet or CSV file as a view, and the run
    would report success having stored nothing."""
    from warehouse.db import WarehouseOpenError, refuse_if_not_duckdb

    try:
        refuse_if_not_duckdb(db)
    except WarehouseOpenError as exc:
        err_console.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_RUN_FAILED) from exc


@contextmanager
def ingest_session(what: str = "ingest", unit: str = "reports") -> Iterator[None]:
    """Around an ingest: a progress bar, SIGTERM/SIGINT ending the run cleanly, and a run that
    cannot start or finish (listing unreachable or unrecognisable, warehouse busy) one clear
    line and exit status 1, not a traceback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.progress import listening
    from transform.errors import PageParseError
    from warehouse.db import WarehouseBusyError

    bar = Progress(
        TextColumn(unit),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),  # a report's slug, as typed
        console=err_console,
        transient=True,
    )
    task_id = bar.add_task("", total=None)

    def show(done: int, total: int, what: str) -> None:
        bar.update(task_id, completed=done, total=total, description=what)

    try:
        with stopped_by_signals(), bar, listening(show):
            yield
    except (FetchError, PageParseError, WarehouseBusyError, RunStopError) as exc:
        err_console.print(
            f"[red]{what} failed:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(EXIT_RUN_FAILED) from exc


def result_of(result: object, kind: type[T]) -> T:
    """A flow's result as what it is (Prefect hands the caller its final state's data; a
    Failed state raises instead)."""
    if isinstance(result, kind):
        return result
    raise TypeError(f"the flow returned {type(result).__name__}, not a {kind.__name__}")


def print_providers(summary: ProvidersSummary, db: Path) -> None:
    """A line per file (or council), then a line per problem, counted; file and site text as
    typed, never read as console markup."""
    console.print(
        f"Run {summary.run_id}: provider data of {summary.month:%Y-%m} -> {escape(str(db))}",
        highlight=False,
    )
    for load in summary.loads:
        what = (load.kind or "file").replace("_", " ")
        if load.status == "failed":
            console.print(
                f"  [red]{what} not loaded:[/red] {escape(load.error or '')}",
                highlight=False,
                soft_wrap=True,
            )
            continue
        if load.status == "unchanged":
            detail = "unchanged (the same bytes as already loaded for this month)"
        else:
            problems = sum(s.count for s in load.issues)
            detail = (
                f"{load.rows_read:,} rows read, {load.rows_loaded:,} loaded, "
                f"{problems:,} with a problem ({load.seconds:.1f} s)"
            )
        console.print(f"  {what}: {detail} <- {escape(load.url)}", highlight=False, soft_wrap=True)
        for issue in load.issues:
            console.print(
                f"    [yellow]![/yellow] {escape(issue.line)}", highlight=False, soft_wrap=True
            )
    for link in summary.set_aside:
        console.print(
            f"  not loaded (not a file this program reads): {escape(link.url)}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"  council_care_market: {summary.councils} councils as of {summary.month:%Y-%m}"
        + (
            " (problems: SELECT * FROM parse_issue WHERE slug LIKE 'providers:%')"
            if any(load.issues for load in summary.loads)
            else ""
        ),
        highlight=False,
        soft_wrap=True,
    )
