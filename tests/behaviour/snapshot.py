"""What the program does, written down so a refactor can prove it changed nothing.

`take_snapshot(work)` runs the installed `cqc` command as a user would (a subprocess, so it
does not depend on where any module lives): the demo's ingest of the offline mirror, a
reparse of its archive into a fresh warehouse, every read command on the demo warehouse, the
HTML report and the exports. It returns named texts: every table of both warehouses (rows
sorted), every command's output, every report file. What differs from one run to the next
(times, durations, the mirror's port, temporary paths, file mtimes) is masked.

    python -m tests.behaviour.snapshot OUT   # write the texts to OUT, to diff two checkouts

`tests/behaviour/test_snapshot.py` compares their digests with `golden.json`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import duckdb

MIRROR_PAGE = (
    "mirror/site/care-services/local-authority-assessment-reports/Hertfordshire-0524-summary.html"
)
_REPO = Path(__file__).resolve().parents[2]
# Every command's --help (the empty name: `cqc --help`).
HELP = (
    "",
    "ingest",
    "reparse",
    "archive",
    "archive import-legacy",
    "archive rebuild-index",
    "sql",
    "refresh-benchmarks",
    "compare",
    "benchmark",
    "export",
    "report",
    "parse",
    "mirror",
    "demo",
    "search",
    "neighbours",
    "outcomes",
)

_MASKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"https?://127\.0\.0\.1:\d+"), "http://MIRROR"),
    (
        re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"),
        "<TIME>",
    ),
    (re.compile(r"\d{8}T\d{6}Z"), "<STAMP>"),
    (
        re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT"),
        "<HTTPDATE>",
    ),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|seconds)\b"), "<DURATION>"),
    (re.compile(r"\d{2} \w+ \d{4} \d{2}:\d{2} UTC"), "<WHEN>"),
    (re.compile(r"urn:uuid:[0-9a-f-]{36}"), "urn:uuid:<ID>"),
    (re.compile(r"not loaded since \d{4}-\d{2}-\d{2} \(run"), "not loaded since <DATE> (run"),
    # a council page's report history: the day a version was loaded ("run 1, 04 Dec 2026")
    (re.compile(r"\brun (\d+), \d{2} [A-Z][a-z]{2} \d{4}\b"), r"run \1, <DAY>"),
]
# Columns whose values are times or depend on the clock, the machine or file mtimes; and
# digests of rows that hold the mirror's port (benchmark_refresh.inputs_digest).
_VOLATILE = re.compile(
    r"(_at|_ms|_s|seconds|duration|elapsed|last_modified|etag|warc_file|warc_offset|"
    r"record_id|archive_path|offset|peak_mb|pid|host|digest)$"
)


def mask(text: str, work: Path) -> str:
    """`text` without what differs between two runs of the same program."""
    text = text.replace(str(work.resolve()), "<WORK>").replace(str(work), "<WORK>")
    text = text.replace(str(_REPO), "<REPO>")  # `cqc parse` names the file it read
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def table_texts(db: Path, work: Path, prefix: str) -> dict[str, str]:
    """Every table and view of the warehouse at `db`, one text each, rows sorted."""
    texts: dict[str, str] = {}
    with duckdb.connect(str(db), read_only=True) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            columns = [d[0] for d in cursor.description or []]
            kept = [i for i, column in enumerate(columns) if not _VOLATILE.search(column)]
            rows = sorted(
                mask(json.dumps([row[i] for i in kept], default=str, ensure_ascii=False), work)
                for row in cursor.fetchall()
            )
            header = json.dumps([columns[i] for i in kept])
            texts[f"{prefix}/{name}"] = "\n".join([header, *rows]) + "\n"
    return texts


def _csv_text(text: str) -> str:
    """A CSV file without its volatile columns, rows sorted (exports have no row order)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return text
    kept = [i for i, column in enumerate(rows[0]) if not _VOLATILE.search(column)]
    body = sorted(json.dumps([row[i] for i in kept], ensure_ascii=False) for row in rows[1:])
    return "\n".join([json.dumps([rows[0][i] for i in kept]), *body]) + "\n"


_DICTIONARY_ROW = re.compile(r"^\| `(\w+)` \|(.*)\|([^|]*)\|$")


def _dictionary_text(text: str) -> str:
    """The data dictionary, the example value of each volatile column masked."""
    lines = []
    for line in text.splitlines():
        found = _DICTIONARY_ROW.match(line)
        if found and _VOLATILE.search(found.group(1)):
            line = f"| `{found.group(1)}` |{found.group(2)}| <VOLATILE> |"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _cqc() -> str:
    found = shutil.which("cqc", path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError("the `cqc` command is not installed beside this Python")
    return found


class Cqc:
    """Runs `cqc` as a user would, each command's exit status and output as one text."""

    def __init__(self, work: Path, api_url: str | None) -> None:
        self.work = work
        self.env = {**os.environ, "COLUMNS": "140", "NO_COLOR": "1", "TERM": "dumb"}
        for key in [k for k in self.env if k.startswith("CQC_")]:
            del self.env[key]
        if api_url is not None:  # a running Prefect server: no temporary one per command
            self.env["PREFECT_API_URL"] = api_url

    def _text(self, arguments: Sequence[str], code: object, out: str, err: str | None) -> str:
        text = f"$ cqc {' '.join(arguments)}\nexit {code}\n--- stdout\n{out}"
        if err is not None:
            text += f"--- stderr\n{err}"
        return mask(text, self.work)

    def one(self, arguments: Sequence[str], stderr: bool = True) -> str:
        """A command in a process of its own (stderr too, unless it runs a flow: Prefect's
        log lines name runs at random)."""
        done = subprocess.run(
            [_cqc(), *arguments],
            cwd=_REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        return self._text(arguments, done.returncode, done.stdout, done.stderr if stderr else None)

    def many(self, commands: Sequence[Sequence[str]]) -> list[str]:
        """Read-only commands, each shown as `one` shows it, all in one process (their
        start-up paid once: `tests/behaviour/batch.py`)."""
        done = subprocess.run(
            [sys.executable, "-m", "tests.behaviour.batch"],
            cwd=_REPO,
            env=self.env,
            input=json.dumps([list(c) for c in commands]),
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
        )
        results = json.loads(done.stdout)
        return [
            self._text(arguments, r["code"], _universal(r["stdout"]), _universal(r["stderr"]))
            for arguments, r in zip(commands, results, strict=True)
        ]


def _universal(text: str) -> str:
    """Line ends as a process's output read as text shows them (`csv` writes CRLF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _files(root: Path, work: Path, prefix: str) -> dict[str, str]:
    """Every file under `root`: text masked, binary as its size and digest."""
    texts: dict[str, str] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = f"{prefix}/{path.relative_to(root)}"
        data = path.read_bytes()
        try:
            text = mask(data.decode("utf-8-sig"), work)
        except UnicodeDecodeError:
            texts[name] = f"binary {len(data)} bytes\n"
            continue
        if path.suffix == ".csv":
            text = _csv_text(text)
        elif path.name == "data_dictionary.md":
            text = _dictionary_text(text)
        texts[name] = text
    return texts


def take_snapshot(api_url: str | None = None) -> dict[str, str]:
    """Run everything in a fresh directory and return the named, masked texts (the flows
    report to the Prefect server at `api_url`, else each starts a temporary one)."""
    # A path of one length whatever the machine: Rich wraps lines that hold it.
    work = Path(tempfile.mkdtemp(prefix="cqc-snapshot-", dir="/tmp"))
    try:
        return _take(work, Cqc(work, api_url))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _take(work: Path, cqc: Cqc) -> dict[str, str]:
    demo = work / "demo"
    db = demo / "cqc.duckdb"
    # the provider files at the tests' size: the full size is the benchmark's (make benchmark)
    demo_command = ["demo", "--out", str(demo), "--provider-scale", "0.01"]
    texts: dict[str, str] = {"cli/demo": cqc.one(demo_command, stderr=False)}
    texts |= table_texts(db, work, "ingest")
    texts |= _files(demo / "report", work, "report")

    reparsed = work / "reparsed.duckdb"
    texts["cli/reparse"] = cqc.one(
        ["reparse", "--db", str(reparsed), "--archive", str(demo / "raw")], stderr=False
    )
    texts |= table_texts(reparsed, work, "reparse")

    refreshed = work / "refreshed.duckdb"
    shutil.copy(db, refreshed)
    texts["cli/refresh-benchmarks"] = cqc.one(
        ["refresh-benchmarks", "--db", str(refreshed)], stderr=False
    )
    index_copy = work / "raw-copy"
    shutil.copytree(demo / "raw", index_copy)
    (index_copy / "index.jsonl").unlink(missing_ok=True)
    texts["cli/archive-rebuild-index"] = cqc.one(
        ["archive", "rebuild-index", "--archive", str(index_copy)]
    )

    d = ["--db", str(db)]
    commands: dict[str, list[str]] = {
        "sql-league": ["sql", "SELECT * FROM league_table ORDER BY rank, council", *d],
        "sql-error": ["sql", "SELECT * FROM no_such_table", *d],
        "compare": ["compare", "Stoke-on-Trent", "Staffordshire", "Durham", *d],
        "compare-csv": ["compare", "Hertfordshire", "Birmingham", "--format", "csv", *d],
        "compare-unknown": ["compare", "Stoke on Trnt", *d],
        "benchmark": ["benchmark", *d],
        "benchmark-region": ["benchmark", "--region", "west midlands", "--include-pilots", *d],
        "benchmark-json": ["benchmark", "--region", "London", "--format", "json", *d],
        "neighbours": ["neighbours", "Stoke on Trent", *d],
        "neighbours-csv": ["neighbours", "Durham", "--k", "5", "--format", "csv", *d],
        "outcomes": ["outcomes", *d],
        "outcomes-json": ["outcomes", "--format", "json", *d],
        "search": ["search", "waiting list", *d],
        "search-json": ["search", "carers", "--statement", "1", "--format", "json", *d],
        "search-region": ["search", "safeguarding", "--region", "London", "--limit", "3", *d],
        "parse-page": ["parse", MIRROR_PAGE],
        "version": ["--version"],
    }
    for fmt in ("parquet", "csv", "xlsx"):
        commands[f"export-{fmt}"] = [
            "export",
            "--out",
            str(work / f"export-{fmt}"),
            "--format",
            fmt,
            *d,
        ]
    names = [f"cli/{name}" for name in commands] + [f"help/{c or 'cqc'}" for c in HELP]
    arguments = [*commands.values(), *([*c.split(), "--help"] for c in HELP)]
    texts |= dict(zip(names, cqc.many(arguments), strict=True))
    for fmt in ("parquet", "csv", "xlsx"):
        exported = _files(work / f"export-{fmt}", work, f"export-{fmt}")
        if fmt == "csv":
            texts |= exported
        else:  # binary: which files, not their bytes (writers stamp times into them)
            texts[f"export-{fmt}/files"] = "\n".join(sorted(exported)) + "\n"
            for name, text in exported.items():
                if not text.startswith("binary "):
                    texts[name] = text
    return texts


def digests(texts: dict[str, str]) -> dict[str, str]:
    return {
        name: hashlib.sha256(text.encode()).hexdigest()[:16] for name, text in sorted(texts.items())
    }


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0])
    shutil.rmtree(out, ignore_errors=True)
    texts = take_snapshot()
    for name, text in texts.items():
        target = out / "texts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    (out / "digests.json").write_text(json.dumps(digests(texts), indent=1) + "\n")
    print(f"{len(texts)} texts written under {out / 'texts'}")


if __name__ == "__main__":
    main()
