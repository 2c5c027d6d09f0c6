"""A real HTTP server for the offline mirror (stdlib `http.server`, in a daemon thread).

    with MirrorServer() as mirror:  # or MirrorServer(skin="drupal"): see SKINS
        httpx.get(mirror.base_url + "/care-services/local-authority-assessment-reports")

URL -> file: `/a/b` -> `<site>/a/b.html`; the listing's `?page=N` -> `<listing>.page-N.html`
(`?page=0` is the first page); `/robots.txt` -> `<site>/robots.txt`; `/a/b.pdf` -> `<site>/a/b.pdf`
(served as application/pdf). GET and HEAD only.
Responses carry Content-Length, a strong ETag (quoted sha256 of the body) and a Last-Modified
taken from the page's own "Page last updated" date (a constant for pages without one), never
from the file's mtime; `If-None-Match` (or, without it, an `If-Modified-Since` not earlier than
the page's Last-Modified) is answered with 304.

`faults` maps a URL path (or path with query) to what the server answers instead, to simulate
a failing site: a status (every time), a sequence of statuses (one per request, then normal
service), or a `Fault` (status, Retry-After, a delay, a number of times). `requests` holds
the latest requests served (`ServedRequest`, at most `request_log_size`) so tests can check
headers, gaps and paths; a server left running for days keeps no more than that. Request
headers above `max_header_bytes` in all are answered 431 and not kept.
`robots_txt` serves a different robots.txt.

CQC's monthly provider files are not files of the site: the page `/about-us/transparency/
using-cqc-data` (the same in every skin) and the .ods files it links under `/system/files/`
come from `mirror.provider_files`, each generated on its first request at `provider_scale`
(1.0, the real files' size, unless told) and kept on disk under `provider_cache_dir`, so a
second server does not generate them again; they get the same ETag, Last-Modified and 304.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from mirror.model import MONTHS
from mirror.provider_files import (
    FULL_SCALE,
    ODS_MIMETYPE,
    PROVIDER_FILES,
    PROVIDER_MONTHS,
    USING_CQC_DATA_PATH,
    cached_provider_file,
    file_for_url,
    file_last_modified,
    page_last_modified,
    provider_file_bytes,
    using_cqc_data_page,
)

SITE_DIR = Path(__file__).parent / "site"
# The skins: the same site and facts in different markup and URL shapes (docs/mirror.md).
SKINS: dict[str, Path] = {
    "classic": SITE_DIR,  # mirror/build.py
    "drupal": Path(__file__).parent / "site-drupal",  # mirror/skin_drupal.py
}
DEFAULT_SKIN = "classic"
LISTING_PATH = "/care-services/local-authority-assessment-reports"
# Last-Modified for pages that carry no "Page last updated" date (listing pages, robots.txt).
DEFAULT_LAST_MODIFIED = datetime(2025, 10, 31, tzinfo=UTC)
# The request log keeps this many of the latest requests: a whole ingest of the mirror (about
# a thousand) with room to spare, and a bounded memory however long `cqc mirror` serves.
REQUEST_LOG_SIZE = 10_000
# Request headers above this many bytes in all (names, values, ": " and CRLF) get 431, as
# Apache and nginx answer past 8 KB; the standard library alone allows 100 lines of 64 KB.
MAX_HEADER_BYTES = 8 * 1024

_MONTHS = {month: number for number, month in enumerate(MONTHS, start=1)}
_UPDATED = re.compile(r"Page last updated:\s*(\d{1,2}) ([A-Z][a-z]+) (\d{4})")


def _last_modified(body: bytes) -> datetime:
    text = html.unescape(re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace")))
    m = _UPDATED.search(text.replace("\u00a0", " "))
    if m and m.group(2) in _MONTHS:
        return datetime(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)), tzinfo=UTC)
    return DEFAULT_LAST_MODIFIED


def _error_page(status: int) -> bytes:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{status} {phrase}'
        f"</title></head>\n<body><h1>{status} {phrase}</h1><p>Offline mirror of cqc.org.uk."
        "</p></body></html>\n"
    ).encode()


@dataclass(frozen=True)
class Fault:
    """Answer `status` instead of the page: `times` times (None: always), after `delay_s`.

    `status` 0 means no error, only the delay (a slow but working page). `retry_after`
    (seconds) is sent as a Retry-After header with the error.
    """

    status: int
    retry_after: float | None = None
    delay_s: float = 0.0
    times: int | None = None


FaultSpec = int | Sequence[int] | Fault


class Generated(NamedTuple):
    """A generated answer: body, Content-Type, ETag, Last-Modified (HTTP date)."""

    body: bytes
    content_type: str
    etag: str
    last_modified: str


@dataclass(frozen=True)
class ServedRequest:
    """One request the mirror received, with lower-case header names."""

    method: str
    path: str
    headers: dict[str, str]
    status: int
    received_monotonic: float
    delayed_s: float = 0.0  # how long the server waited before answering (delays, faults)


def _as_fault_list(spec: FaultSpec) -> list[Fault]:
    """A fault spec as a list of one-shot (times=1) or open-ended (times=None) faults."""
    if isinstance(spec, Fault):
        return [spec]
    if isinstance(spec, int):
        return [Fault(spec)]
    return [Fault(status, times=1) for status in spec]


def _parse_http_date(value: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class _HeaderBudget(io.BufferedIOBase):
    """A request's stream while its headers are read: once they pass `limit` bytes in all,
    the header block is ended there (`exceeded`), so no more of it is parsed or held."""

    def __init__(self, rfile: io.BufferedIOBase, limit: int) -> None:
        super().__init__()
        self.rfile, self.left, self.exceeded = rfile, limit, False

    def readline(self, size: int | None = -1) -> bytes:
        if self.exceeded:
            return b"\r\n"
        line = self.rfile.readline(-1 if size is None else size)
        self.left -= len(line)
        if self.left < 0 and line.strip():
            self.exceeded = True
            return b"\r\n"
        return line

    def drain(self) -> None:
        """Read the rest of the header block a line at a time, keeping none of it (as far
        as http.server would have read: 100 lines of 64 KiB)."""
        for _ in range(100):
            if not self.rfile.readline(65537).strip():
                return


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    verbose = False

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: object
    ) -> None:
        if self.verbose:
            super().handle_error(request, client_address)


def skin_dir(skin: str) -> Path:
    """The site directory of a skin; ValueError naming the valid skins for any other name."""
    try:
        return SKINS[skin]
    except KeyError:
        raise ValueError(f"unknown skin {skin!r}; the skins are: {', '.join(SKINS)}") from None


class MirrorServer:
    """The offline mirror over HTTP on host:port (port 0 picks a free port).

    The site is `site_dir` if given, else the directory of `skin` (default "classic").
    `provider_scale` sizes the provider files (1.0: the real ones'; tests pass
    `mirror.provider_files.TEST_SCALE`), `provider_cache_dir` is where they are kept
    (default: `mirror.provider_files.default_cache_dir()`). `provider_renamed` serves them
    with columns renamed (e.g. {"Location Local Authority": "Local Authority Name"}), as a
    month in which CQC renamed one would be: made in memory each time, never cached.
    """

    def __init__(
        self,
        site_dir: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        skin: str | None = None,
        faults: dict[str, FaultSpec] | None = None,
        delay_s: float = 0.0,
        log: bool = False,
        robots_txt: str | None = None,
        request_log_size: int = REQUEST_LOG_SIZE,
        max_header_bytes: int = MAX_HEADER_BYTES,
        provider_scale: float = FULL_SCALE,
        provider_cache_dir: Path | None = None,
        provider_renamed: Mapping[str, str] | None = None,
    ) -> None:
        if site_dir is not None and skin is not None:
            raise ValueError("give site_dir or skin, not both")
        self.skin = skin
        if site_dir is None:
            site_dir = skin_dir(skin or DEFAULT_SKIN)
        self.site_dir = Path(site_dir).resolve()
        self.host, self.port = host, port
        self.faults: dict[str, FaultSpec] = dict(faults or {})
        self.robots_txt = robots_txt
        self.max_header_bytes = max_header_bytes
        self._requests: deque[ServedRequest] = deque(maxlen=request_log_size)
        self._arrivals: deque[str] = deque(maxlen=request_log_size)
        self._fault_uses: dict[str, int] = {}
        self.delay_s = delay_s
        self.log = log
        self._httpd: _QuietServer | None = None
        self._thread: threading.Thread | None = None
        self._cache: dict[Path, tuple[int, bytes, str, str]] = {}
        self._lock = threading.Lock()
        self.provider_scale = provider_scale
        self.provider_cache_dir = provider_cache_dir
        self.provider_renamed = dict(provider_renamed or {})
        self._generated: dict[str, Generated] = {}
        self._generating = threading.Lock()  # one generation at a time, none twice

    # ---------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the mirror server is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> MirrorServer:
        if self._httpd is not None:
            return self
        if not self.site_dir.is_dir():
            build = "mirror.skin_drupal" if self.skin == "drupal" else "mirror.build"
            raise FileNotFoundError(f"no mirror site at {self.site_dir} (run python -m {build})")
        self._httpd = _QuietServer((self.host, self.port), self._handler_class())
        self._httpd.verbose = self.log
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},  # so that stop() returns promptly
            name="mirror-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd, self._thread = None, None

    def serve_forever(self) -> None:
        """Block until interrupted (starting the server first if needed)."""
        self.start()
        while self._thread is not None and self._thread.is_alive():
            time.sleep(0.2)

    def serve_until_interrupted(self) -> None:
        """`serve_forever` until Ctrl-C, then stop: what `cqc mirror` and `python -m
        mirror.server` do."""
        try:
            self.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def requests(self) -> list[ServedRequest]:
        """The latest requests answered, oldest first (at most `request_log_size`): a copy,
        so it can be read while the server goes on answering."""
        with self._lock:
            return list(self._requests)

    @property
    def arrivals(self) -> list[str]:
        """Paths as their requests arrive, before any delay: what a test waits on to act while
        a reply is held back (`requests` records a request once it is answered)."""
        with self._lock:
            return list(self._arrivals)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()
            self._arrivals.clear()

    def _arrived(self, path: str) -> None:
        with self._lock:
            self._arrivals.append(path)

    def _record(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        status: int,
        t: float,
        delayed_s: float,
    ) -> None:
        with self._lock:
            self._requests.append(ServedRequest(method, path, headers, status, t, delayed_s))

    def _take_fault(self, raw_path: str) -> Fault | None:
        """The fault to apply to this request, consuming one use of it (thread-safe)."""
        key = raw_path if raw_path in self.faults else urlsplit(raw_path).path
        if key not in self.faults:
            return None
        with self._lock:
            used = self._fault_uses.get(key, 0)
            self._fault_uses[key] = used + 1
        for fault in _as_fault_list(self.faults[key]):
            if fault.times is None:
                return fault
            if used < fault.times:
                return fault
            used -= fault.times
        return None

    # ---------------------------------------------------------------- mapping

    def resolve(self, raw_path: str) -> Path | None:
        """The file a request target maps to, or None (unknown, traversal, bad query)."""
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        if not path.startswith("/") or "\\" in path or "\x00" in path:
            return None
        segments = path[1:].split("/")
        if any(seg in ("", ".", "..") for seg in segments):
            return None
        if re.search(r"\.page-\d+$", path):  # a listing page's file name is not a URL
            return None
        if path == "/robots.txt":
            rel = "robots.txt"
        elif path.endswith(".pdf"):  # report PDFs are stored under their own name
            rel = path[1:]
        else:
            rel = path[1:] + ".html"
            if parts.query and path == LISTING_PATH:
                pages = parse_qs(parts.query).get("page", [])
                if len(pages) != 1 or not pages[0].isdigit():
                    return None
                n = int(pages[0])
                if n > 0:
                    rel = f"{path[1:]}.page-{n}.html"
        target = (self.site_dir / rel).resolve()
        if not target.is_relative_to(self.site_dir) or not target.is_file():
            return None
        return target

    def generated(self, path: str) -> Generated | None:
        """The answer for a page or file that `mirror.provider_files` makes (the provider
        files and the page linking them), generated once; None for any other path."""
        with self._lock:
            known = self._generated.get(path)
        if known is not None:
            return known
        found = file_for_url(path)
        if found is None and path != USING_CQC_DATA_PATH:
            return None
        with self._generating:
            with self._lock:
                known = self._generated.get(path)
            if known is not None:
                return known
            if found is None:
                body, ctype, modified = using_cqc_data_page(), "text/html; charset=utf-8", None
            else:
                month, name = found
                if self.provider_renamed:
                    body = provider_file_bytes(
                        month, name, self.provider_scale, renamed=self.provider_renamed
                    )
                else:
                    file = cached_provider_file(
                        month, name, self.provider_scale, self.provider_cache_dir
                    )
                    body = file.read_bytes()
                ctype, modified = ODS_MIMETYPE, file_last_modified(month)
            answer = Generated(
                body,
                ctype,
                '"' + hashlib.sha256(body).hexdigest() + '"',
                format_datetime(modified or page_last_modified(), usegmt=True),
            )
            with self._lock:
                self._generated[path] = answer
            return answer

    def prepare_provider_files(self) -> None:
        """Generate every provider file now (or find it in the cache), so that no request
        waits for one: at full size the ratings file takes seconds."""
        for month in PROVIDER_MONTHS:
            for name in PROVIDER_FILES:
                self.generated(month.file_url(name))

    def _load(self, target: Path) -> tuple[int, bytes, str, str]:
        mtime = target.stat().st_mtime_ns
        with self._lock:
            cached = self._cache.get(target)
        if cached and cached[0] == mtime:
            return cached
        body = target.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest() + '"'
        last_modified = format_datetime(_last_modified(body), usegmt=True)
        entry = (mtime, body, etag, last_modified)
        with self._lock:
            self._cache[target] = entry
        return entry

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "MirrorCQC/1.0"
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's algorithm and the
            # client's delayed ACK hold every keep-alive response back by ~40 ms.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:
                if server.log:
                    super().log_message(format, *args)

            def parse_request(self) -> bool:
                """The standard parse over a header block cut at `max_header_bytes`: one past
                it is answered 431, its headers neither kept nor read whole into memory."""
                budget = _HeaderBudget(self.rfile, server.max_header_bytes)
                self.rfile = budget
                try:
                    parsed = super().parse_request()
                finally:
                    self.rfile = budget.rfile
                if not budget.exceeded:
                    return parsed
                budget.drain()  # so that the answer is read, not lost to a reset connection
                server._record(self.command, self.path, {}, 431, time.monotonic(), 0.0)
                self.send_error(
                    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    explain=f"request headers of more than {server.max_header_bytes} bytes",
                )
                return False

            def do_GET(self) -> None:
                self._respond(send_body=True)

            def do_HEAD(self) -> None:
                self._respond(send_body=False)

            def _send(
                self, status: int, body: bytes, headers: dict[str, str], send_body: bool
            ) -> None:
                server._record(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    status,
                    self._received,
                    self._delayed,
                )
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body and status != 304:
                    self.wfile.write(body)

            def _respond(self, send_body: bool) -> None:
                self._received = time.monotonic()
                server._arrived(self.path)
                self._delayed = server.delay_s
                if server.delay_s:
                    time.sleep(server.delay_s)
                fault = server._take_fault(self.path)
                html_type = {"Content-Type": "text/html; charset=utf-8"}
                if fault is not None and fault.delay_s:
                    self._delayed += fault.delay_s
                    time.sleep(fault.delay_s)
                if fault is not None and fault.status:
                    headers = dict(html_type)
                    if fault.retry_after is not None and fault.status in (429, 503):
                        headers["Retry-After"] = f"{fault.retry_after:g}"
                    self._send(fault.status, _error_page(fault.status), headers, send_body)
                    return
                if server.robots_txt is not None and urlsplit(self.path).path == "/robots.txt":
                    robots = server.robots_txt.encode("utf-8")
                    self._send(
                        200, robots, {"Content-Type": "text/plain; charset=utf-8"}, send_body
                    )
                    return
                generated = server.generated(unquote(urlsplit(self.path).path))
                if generated is not None:
                    body, ctype, etag, last_modified = generated
                else:
                    target = server.resolve(self.path)
                    if target is None:
                        self._send(404, _error_page(404), html_type, send_body)
                        return
                    _, body, etag, last_modified = server._load(target)
                    ctype = {
                        ".txt": "text/plain; charset=utf-8",
                        ".pdf": "application/pdf",
                    }.get(target.suffix, html_type["Content-Type"])
                headers = {"Content-Type": ctype, "ETag": etag, "Last-Modified": last_modified}
                if self._not_modified(etag, last_modified):
                    self._send(304, b"", {"ETag": etag, "Last-Modified": last_modified}, send_body)
                    return
                self._send(200, body, headers, send_body)

            def _not_modified(self, etag: str, last_modified: str) -> bool:
                """RFC 9110 13.2.2: If-None-Match decides when sent; else If-Modified-Since."""
                inm = self.headers.get("If-None-Match")
                if inm:
                    return inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]
                ims = self.headers.get("If-Modified-Since")
                since = _parse_http_date(ims) if ims else None
                modified = _parse_http_date(last_modified)
                return since is not None and modified is not None and modified <= since

        return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the offline mirror of cqc.org.uk")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--site", type=Path, default=None, help="site directory (not a skin)")
    parser.add_argument("--skin", choices=sorted(SKINS), default=None)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument(
        "--provider-scale",
        type=float,
        default=FULL_SCALE,
        help="size of the provider files (1.0: the real ones', about 324,000 ratings rows)",
    )
    args = parser.parse_args(argv)
    server = MirrorServer(
        args.site,
        args.host,
        args.port,
        skin=args.skin,
        delay_s=args.delay,
        log=True,
        provider_scale=args.provider_scale,
    )
    server.start()
    print(f"Serving the offline CQC mirror at {server.base_url} (Ctrl-C)")
    server.serve_until_interrupted()


if __name__ == "__main__":
    main()
