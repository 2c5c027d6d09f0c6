"""A hostile server, over a real socket: every fetch stays bounded and fails with a reason.

Stacked or bombing content codings, a body that drips a byte at a time, redirects to URLs
that are not web pages. Each answer is a FetchError naming what happened, archived like any
other response, and the client goes on working.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extract.http import Exchange, FetchError, RetryPolicy, SiteClient

BOMB = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # 20 KB that expand to 20 MB
HTML = b"<html><body>Stoke-on-Trent</body></html>"


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self._send(404, b"")
        elif self.path == "/double-gzip":
            self._send(200, gzip.compress(BOMB), Content_Encoding="gzip, gzip")
        elif self.path == "/bomb":
            self._send(200, BOMB, Content_Encoding="gzip", Content_Type="text/html")
        elif self.path == "/gzipped":
            self._send(200, gzip.compress(HTML), Content_Encoding="gzip", Content_Type="text/html")
        elif self.path == "/unknown-coding":
            self._send(200, HTML, Content_Encoding="compress")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should
        elif self.path == "/javascript":
            self._send(302, b"", Location="javascript:alert(1)")
        elif self.path == "/broken-location":
            self._send(302, b"", Location="http://[::1")
        else:
            self._send(200, HTML, Content_Type="text/html")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}"
    server.shutdown()


@pytest.fixture
def client(base_url: str) -> Iterator[tuple[SiteClient, list[Exchange]]]:
    seen: list[Exchange] = []
    with SiteClient(
        base_url,
        min_interval_s=0,
        max_bytes=1_000_000,
        deadline_s=1.0,
        retry=RetryPolicy(attempts=1),
        on_exchange=seen.append,
    ) as site:
        yield site, seen


def test_stacked_codings_are_refused_unread(client: tuple[SiteClient, list[Exchange]]) -> None:
    site, seen = client
    with pytest.raises(FetchError, match=r"more than one content coding \(gzip, gzip\)"):
        site.get("/double-gzip")
    assert seen[-1].error is not None and seen[-1].body == b""


def test_a_bomb_stops_at_the_size_cap_as_it_decodes(
    client: tuple[SiteClient, list[Exchange]],
) -> None:
    site, seen = client
    with pytest.raises(FetchError, match="larger than 1000000 bytes once decoded"):
        site.get("/bomb")
    kept = sum(len(c) for c in [seen[-1].body])
    assert kept <= 1_000_000  # what was archived of it: never more than the cap


def test_one_coding_is_undone_and_the_page_reads(
    client: tuple[SiteClient, list[Exchange]],
) -> None:
    site, seen = client
    assert site.get("/gzipped").body == HTML
    assert ("content-encoding", "gzip") in [(k.lower(), v) for k, v in seen[-1].response_headers]


def test_an_unknown_coding_is_refused(client: tuple[SiteClient, list[Exchange]]) -> None:
    site, _ = client
    with pytest.raises(FetchError, match="content coding 'compress' is not supported"):
        site.get("/unknown-coding")


def test_a_dripping_body_ends_at_the_wall_clock_deadline(
    client: tuple[SiteClient, list[Exchange]],
) -> None:
    site, _ = client
    with pytest.raises(FetchError, match=r"took longer than 1 s"):
        site.get("/drip")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/javascript", "redirect to a non-web URL refused: 'javascript:alert(1)'"),
        ("/broken-location", "redirect to an invalid URL refused: 'http://[::1'"),
    ],
)
def test_redirects_to_what_is_not_a_web_page_are_fetch_errors(
    client: tuple[SiteClient, list[Exchange]], path: str, reason: str
) -> None:
    site, _ = client
    with pytest.raises(FetchError) as caught:
        site.get(path)
    assert caught.value.reason == reason
    assert site.get("/fine").body == HTML  # and the client goes on
