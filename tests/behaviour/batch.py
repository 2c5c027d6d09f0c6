"""Run many read-only `cqc` commands in one process: each as `cqc` would run it (its own
stdout, stderr and exit status), without paying the command's start-up each time.

    python -m tests.behaviour.batch < commands.json   # a JSON list of argument lists

Prints a JSON list of {"code", "stdout", "stderr"}, one per command. The snapshot
(`tests/behaviour/snapshot.py`) uses it for the commands that only read; those that run a
flow still get a process of their own.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from cli.main import app


def run(arguments: list[str]) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            app(arguments, prog_name="cqc")
        except SystemExit as exc:
            code = exc.code if exc.code is not None else 0
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def main() -> None:
    commands = json.load(sys.stdin)
    json.dump([run(arguments) for arguments in commands], sys.stdout)


if __name__ == "__main__":
    main()
