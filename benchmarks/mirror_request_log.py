"""Benchmark: what the mirror server keeps of requests with large headers. Serves the mirror
in a child process (`python -m mirror.server`, as `cqc mirror` does), sends it REQUESTS
requests each carrying HEADERS headers of HEADER_BYTES bytes (what the standard library
alone lets through), and prints the answers' statuses and the server's resident set before,
after and at its peak (/proc). Asserts nothing.

    python -m benchmarks.mirror_request_log [--requests 200] [--checkout DIR]

`--checkout` serves another copy of the code (e.g. `git archive HEAD | tar -x -C /tmp/old`),
with the same Python, to compare the two.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HEADERS = 97  # and Host, Connection: http.server refuses more than 100 lines (431)
HEADER_BYTES = 60_000  # and a line of 64 KiB (431)
PATH = "/care-services/local-authority-assessment-reports"


def resident_mb(pid: int) -> tuple[float, float]:
    """A process's resident set now and at its peak (VmRSS, VmHWM), MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def request_with_large_headers(host: str, port: int) -> int:
    """One GET whose headers are HEADERS x HEADER_BYTES; the status of the answer."""
    filler = "x" * HEADER_BYTES
    head = f"GET {PATH} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
    head += "".join(f"X-Filler-{n}: {filler}\r\n" for n in range(HEADERS)) + "\r\n"
    with socket.create_connection((host, port), timeout=60) as conn:
        # Answered and closed before all of it was read? The answer says why.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            conn.sendall(head.encode("ascii"))
        answer = b""
        while b"\r\n" not in answer:
            chunk = conn.recv(4096)
            if not chunk:
                break
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0].split()
    return int(status_line[1]) if len(status_line) > 1 else 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--checkout", type=Path, help="the code to serve (default: this one)")
    args = parser.parse_args(argv)
    code = (args.checkout or Path(__file__).resolve().parents[1]).resolve()
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mirror.server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=code,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()  # "Serving the offline CQC mirror at http://..."
        url = urlsplit(banner.split(" at ", 1)[1].split()[0])
        host, port = url.hostname or "127.0.0.1", url.port or 80
        before, _ = resident_mb(server.pid)
        statuses = Counter(request_with_large_headers(host, port) for _ in range(args.requests))
        after, peak = resident_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    size_mb = HEADERS * HEADER_BYTES / 1e6
    print(f"mirror server from {code}")
    print(f"{args.requests} requests of {HEADERS} headers x {HEADER_BYTES:,} B ({size_mb:.1f} MB)")
    print(f"answers: {', '.join(f'{n} x {status}' for status, n in sorted(statuses.items()))}")
    print(f"resident set: {before:.0f} MB before, {after:.0f} MB after, {peak:.0f} MB at peak")


if __name__ == "__main__":
    main()
