"""What the site sends that cannot be taken at its word, over a real socket each time.

robots.txt as RFC 9309 reads it (the RFC's own examples, any bytes, any status, redirects, a
file past 500 KiB); validators that cannot be true; a 304 nobody asked for; charsets that are
no text encoding; a pager that never ends; one report under many URL spellings. What ends or
marks a run is shown through real `cqc ingest` processes: exit status, one line, no traceback.

`SiteSends` is a test-local server for what `mirror.server.MirrorServer` cannot send (any
status, header or body per path); anything it is not told serves the mirror's own files.
"""

from __future__ import annotations

import gzip
import subprocess
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from extract.http import (
    DEFAULT_USER_AGENT,
    UNASKED_304,
    DisallowedError,
    Exchange,
    FetchError,
    RetryPolicy,
    SiteClient,
)
from extract.incremental import ConditionalFetcher, KnownPage
from extract.robots import MAX_ROBOTS_BYTES
from extract.warc import WarcArchive
from mirror.server import MirrorServer
from pipeline.crawl import MAX_LISTING_PAGES
from tests.flows.test_run_stops import CQC, cli_env
from transform.listing import parse_listing
from warehouse.db import connect

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
LISTING = "/care-services/local-authority-assessment-reports"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)


Route = Answer | Callable[[str, Mapping[str, str]], Answer]  # (path?query, headers) -> Answer


@dataclass(frozen=True)
class Seen:
    path: str
    headers: Mapping[str, str]  # names lower-cased


def page(body: bytes, content_type: str = HTML, **headers: str) -> Answer:
    return Answer(200, body, {"Content-Type": content_type, **headers})


def mirror_file(path: str) -> bytes:
    return (SITE / (path.lstrip("/") + ".html")).read_bytes()


class SiteSends:
    """A real HTTP server answering each path (with its query, else without) as `routes`
    say; other paths are the mirror's files, and robots.txt is a 404 unless routed."""

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.routes = dict(routes or {})
        self.requests: list[Seen] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.requests.append(Seen(self.path, headers))
                answer = site.answer(self.path, headers)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.status != 304:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if answer.status != 304:
                    self.wfile.write(answer.body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,))

    def answer(self, target: str, headers: Mapping[str, str]) -> Answer:
        path = urlsplit(target).path
        route = self.routes.get(target, self.routes.get(path))
        if route is not None:
            return route(target, headers) if callable(route) else route
        file = SITE / (path.lstrip("/") + ".html")
        if path != "/robots.txt" and file.resolve().is_relative_to(SITE) and file.is_file():
            return page(file.read_bytes())
        return Answer(404, b"not here", {"Content-Type": "text/plain"})

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> SiteSends:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def client_for(base_url: str, user_agent: str = DEFAULT_USER_AGENT, **kw: object) -> SiteClient:
    return SiteClient(
        base_url,
        user_agent=user_agent,
        min_interval_s=0,
        retry=RetryPolicy(attempts=1),
        **kw,  # type: ignore[arg-type]
    )


def robots_file(body: bytes | str) -> Answer:
    data = body.encode() if isinstance(body, str) else body
    return Answer(200, data, {"Content-Type": "text/plain"})


# ---------------------------------------------------------------- robots.txt, RFC 9309

RFC_5_1 = """\
User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot

EOF
"""
RFC_5_2 = """\
User-Agent: foobot
Allow: /example/page/
Disallow: /example/page/disallowed.gif
"""
ANY = "User-agent: *\n"

RFC_CASES = [
    # 5.1: a named group alone, never with "*" added; two agents sharing a group; an empty
    # group allows everything (it does not fall back to "*")
    (RFC_5_1, "foobot", "/example/page.html", True),
    (RFC_5_1, "foobot", "/example/allowed.gif", True),
    (RFC_5_1, "foobot", "/", False),
    (RFC_5_1, "foobot", "/publications/", False),
    (RFC_5_1, "barbot", "/example/page.html", False),
    (RFC_5_1, "bazbot", "/example/page.html", False),
    (RFC_5_1, "bazbot", "/publications/", True),
    (RFC_5_1, "quxbot", "/example/page.html", True),
    (RFC_5_1, "otherbot", "/example/page.html", False),
    (RFC_5_1, "otherbot", "/pic.gif", False),
    (RFC_5_1, "otherbot", "/pic.gif?size=2", True),  # "$": the path ends there
    (RFC_5_1, "otherbot", "/publications/x.html", True),
    # 2.2.1: the product token, case-insensitively, from a whole User-Agent header
    (RFC_5_1, "FooBot/2.1 (+https://example.com/bot)", "/example/page.html", True),
    (RFC_5_1, "FooBot/2.1 (+https://example.com/bot)", "/", False),
    # 5.2: the longest match wins
    (RFC_5_2, "foobot", "/example/page/", True),
    (RFC_5_2, "foobot", "/example/page/disallowed.gif", False),
    # 2.2.2: Allow wins a tie
    (ANY + "Disallow: /same\nAllow: /same\n", "anybot", "/same/x", True),
    (ANY + "Allow: /pag*\nDisallow: /page\n", "anybot", "/page", True),
    # 2.2.2's table: percent-encodings compared in one form
    (ANY + "Disallow: /foo/bar?baz=quz\n", "anybot", "/foo/bar?baz=quz", False),
    (ANY + "Disallow: /foo/bar/\u30c4\n", "anybot", "/foo/bar/%E3%83%84", False),
    (ANY + "Disallow: /foo/bar/%E3%83%84\n", "anybot", "/foo/bar/\u30c4", False),
    (ANY + "Disallow: /foo/bar/%e3%83%84\n", "anybot", "/foo/bar/%E3%83%84", False),
    (ANY + "Disallow: /foo/bar/%62%61%7A\n", "anybot", "/foo/bar/baz", False),
    # 2.2.3: "*" and "$" special, their escapes literal; "#" starts a comment
    (ANY + "Disallow: /path/file-with-a-%2A.html\n", "anybot", "/path/file-with-a-*.html", False),
    (ANY + "Disallow: /path/file-with-a-%2A.html\n", "anybot", "/path/file-with-a-x.html", True),
    (ANY + "Disallow: /path/foo-%24\n", "anybot", "/path/foo-$", False),
    (ANY + "Disallow: /\nAllow: /this/path/exactly$\n", "anybot", "/this/path/exactly", True),
    (ANY + "Disallow: /\nAllow: /this/path/exactly$\n", "anybot", "/this/path/exactly/", False),
    (ANY + "Disallow: /\nAllow: /this/*/exactly\n", "anybot", "/this/any/thing/exactly", True),
    (ANY + "Disallow: /a # not /b\n", "anybot", "/b", True),
    (ANY + "Disallow: /a # not /b\n", "anybot", "/a", False),
    # our own token: a group named for it, in any case, or part of our header, or a prefix
    ("User-agent: CQC-Warehouse\nDisallow: /\n", DEFAULT_USER_AGENT, "/x", False),
    ("User-agent: github\nDisallow: /\n", DEFAULT_USER_AGENT, "/x", True),
    ("User-agent: research\nDisallow: /\n", DEFAULT_USER_AGENT, "/x", True),
    ("User-agent: cqc\nDisallow: /\n", DEFAULT_USER_AGENT, "/x", True),
    # two groups for one agent are combined
    (
        "User-agent: cqc-warehouse\nDisallow: /a\n\nUser-agent: cqc-warehouse\nDisallow: /b\n",
        DEFAULT_USER_AGENT,
        "/b",
        False,
    ),
    # /robots.txt itself is always allowed
    (ANY + "Disallow: /\n", "anybot", "/robots.txt", True),
]


@pytest.mark.parametrize(("robots", "agent", "path", "allowed"), RFC_CASES)
def test_robots_txt_is_read_as_rfc_9309_says(
    robots: str, agent: str, path: str, allowed: bool
) -> None:
    with (
        SiteSends({"/robots.txt": robots_file(robots)}) as site,
        client_for(site.base_url, agent) as client,
    ):
        assert client.allowed(path) is allowed


@pytest.mark.parametrize(
    "body",
    [
        b"\xef\xbb\xbfUser-agent: *\nDisallow: /private\n",  # a byte-order mark
        b"User-agent: *\nDisallow: /caf\xe9\nDisallow: /private\n",  # Latin-1
        b"\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00\nUser-agent: *\r\nDisallow: /private\r\n",
        b"User-agent: *\rDisallow: /private\r",  # old Mac line ends
    ],
    ids=["bom", "latin-1", "binary", "cr"],
)
def test_robots_txt_in_any_bytes_is_read_as_utf_8_without_a_crash(body: bytes) -> None:
    with SiteSends({"/robots.txt": robots_file(body)}) as site, client_for(site.base_url) as client:
        assert not client.allowed("/private")
        assert client.allowed("/public")


def test_robots_txt_in_utf_16_is_no_rules_at_all() -> None:
    """RFC 9309 says UTF-8: UTF-16 bytes read so hold no directive, and nothing crashes."""
    body = b"\xff\xfe" + "User-agent: *\nDisallow: /\n".encode("utf-16-le")
    with SiteSends({"/robots.txt": robots_file(body)}) as site, client_for(site.base_url) as client:
        assert client.allowed("/private")
        assert client.robots is not None and client.robots.groups == ()


@pytest.mark.parametrize("status", [403, 404, 410])
def test_robots_txt_unavailable_4xx_allows_everything(status: int) -> None:
    with (
        SiteSends({"/robots.txt": Answer(status, b"no", {"Content-Type": "text/plain"})}) as site,
        client_for(site.base_url) as client,
    ):
        assert client.allowed("/anything/at/all")
        assert client.robots is not None and client.robots.allow_all
        assert client.robots.source == f"HTTP {status}"


@pytest.mark.parametrize("status", [429, 500, 503])
def test_robots_txt_unreachable_5xx_disallows_the_site_and_says_so(status: int) -> None:
    with (
        SiteSends({"/robots.txt": Answer(status, b"down", {"Content-Type": "text/plain"})}) as site,
        client_for(site.base_url) as client,
        pytest.raises(DisallowedError) as caught,
    ):
        client.get(LISTING)
    assert [seen.path for seen in site.requests] == ["/robots.txt"]  # the listing never asked
    assert caught.value.reason == (
        f"robots.txt unavailable (HTTP {status}): treating the site as disallowed"
    )


def test_robots_txt_of_a_site_that_does_not_answer_disallows_it_and_says_so() -> None:
    with SiteSends() as site:
        base_url = site.base_url  # the port is free again once the server is gone
    with client_for(base_url) as client, pytest.raises(DisallowedError) as caught:
        client.get(LISTING)
    assert caught.value.reason.startswith("robots.txt unavailable (unreachable: ConnectError")
    assert caught.value.reason.endswith("): treating the site as disallowed")


def test_robots_txt_redirects_are_followed_to_another_host() -> None:
    with SiteSends({"/rules.txt": robots_file(ANY + "Disallow: /private\n")}) as elsewhere:
        moved = Answer(301, b"", {"Location": f"{elsewhere.base_url}/rules.txt"})
        with SiteSends({"/robots.txt": moved}) as site, client_for(site.base_url) as client:
            assert not client.allowed("/private")
            assert client.allowed("/public")
        assert [seen.path for seen in elsewhere.requests] == ["/rules.txt"]


def test_robots_txt_past_five_redirects_counts_as_unavailable() -> None:
    hops = {f"/hop{n}": Answer(302, b"", {"Location": f"/hop{n + 1}"}) for n in range(10)}
    routes: dict[str, Route] = {"/robots.txt": Answer(302, b"", {"Location": "/hop0"}), **hops}
    with SiteSends(routes) as site, client_for(site.base_url) as client:
        assert client.allowed("/private")
        assert client.robots is not None and client.robots.allow_all
        assert [seen.path for seen in site.requests] == [
            "/robots.txt",
            *(f"/hop{n}" for n in range(5)),
        ]


def test_robots_txt_past_500_kib_is_read_up_to_that_limit(tmp_path: Path) -> None:
    padding = b"# " + b"x" * 98 + b"\n"
    body = ANY.encode() + b"Disallow: /early\n" + padding * 7000 + b"Disallow: /late\n"
    assert len(body) > MAX_ROBOTS_BYTES + 100_000
    archived: list[Exchange] = []
    with (
        SiteSends({"/robots.txt": robots_file(body)}) as site,
        client_for(site.base_url, on_exchange=archived.append) as client,
    ):
        assert not client.allowed("/early")
        assert client.allowed("/late")
    assert [len(e.body) for e in archived] == [MAX_ROBOTS_BYTES]
    assert [e.truncated for e in archived] == [True]
    # The archive says the record was cut on purpose (ISO 28500's WARC-Truncated).
    writer = WarcArchive(tmp_path).writer("robots")
    writer.write_exchange(archived[0])
    writer.close()
    [warc] = WarcArchive(tmp_path).files()
    with warc.open("rb") as stream:
        truncated = {
            record.rec_type: record.rec_headers.get_header("WARC-Truncated")
            for record in ArchiveIterator(stream)
        }
    assert truncated["response"] == "length" and truncated["request"] is None


def test_a_gzipped_robots_txt_expanding_past_500_kib_is_cut_as_it_decodes() -> None:
    """20 MB of comments in 20 KB of gzip: decoded up to the limit and no further."""
    text = ANY.encode() + b"Disallow: /early\n" + b"#" * 20_000_000 + b"\nDisallow: /late\n"
    coded = Answer(
        200, gzip.compress(text), {"Content-Type": "text/plain", "Content-Encoding": "gzip"}
    )
    archived: list[Exchange] = []
    with (
        SiteSends({"/robots.txt": coded}) as site,
        client_for(site.base_url, on_exchange=archived.append) as client,
    ):
        assert not client.allowed("/early")
        assert client.allowed("/late")
    assert [len(e.body) for e in archived] == [MAX_ROBOTS_BYTES]


def test_robots_txt_crawl_delay_is_kept() -> None:
    with (
        SiteSends({"/robots.txt": robots_file(ANY + "Crawl-delay: 2.5\n")}) as site,
        client_for(site.base_url) as client,
    ):
        assert client.allowed("/x")
        assert client.crawl_delay == 2.5


# ---------------------------------------------------------------- validators and 304s

BODY = b"<html><body><p>Durham</p></body></html>"


def lying_page(**validators: str) -> Route:
    """A page that answers any conditional request "not modified", whatever it holds."""

    def answer(target: str, headers: Mapping[str, str]) -> Answer:
        if "if-none-match" in headers or "if-modified-since" in headers:
            return Answer(304, b"", dict(validators))
        return page(BODY, **validators)

    return answer


@pytest.mark.parametrize(
    "validators",
    [
        {"ETag": "unquoted-tag"},
        {"ETag": "W/also-unquoted"},
        {"ETag": '"' + "a" * 5000 + '"'},
        {"Last-Modified": "Fri, 01 Jan 2100 00:00:00 GMT"},
        {"Last-Modified": "last Tuesday"},
    ],
    ids=["unquoted", "weak-unquoted", "5000-chars", "in-the-future", "no-date"],
)
def test_a_validator_that_cannot_be_true_is_never_stored(
    tmp_path: Path, validators: dict[str, str]
) -> None:
    archive = WarcArchive(tmp_path)
    with (
        SiteSends({"/p": lying_page(**validators)}) as site,
        archive.writer("cqc-test-000001") as writer,
        client_for(site.base_url, on_exchange=writer.write_exchange) as client,
    ):
        fetcher = ConditionalFetcher(client, archive)
        outcome = fetcher.outcome(fetcher.get(site.base_url + "/p"))
    assert (outcome.etag, outcome.last_modified) == (None, None)
    assert outcome.status == 200 and outcome.sha256 is not None


@pytest.mark.parametrize(
    ("etag", "last_modified", "sent"),
    [
        ("unquoted-tag", None, {}),
        ('"bell\x07"', None, {}),
        ('"' + "a" * 5000 + '"', None, {}),
        (None, "Fri, 01 Jan 2100 00:00:00 GMT", {}),
        (None, "last Tuesday", {}),
        ('"v1"', "Fri, 01 Jan 2100 00:00:00 GMT", {"if-none-match": '"v1"'}),
        (
            "unquoted",
            "Tue, 01 Jul 2025 00:00:00 GMT",
            {"if-modified-since": "Tue, 01 Jul 2025 00:00:00 GMT"},
        ),
    ],
    ids=["unquoted", "control-char", "5000-chars", "future", "no-date", "good-etag", "good-date"],
)
def test_a_held_validator_that_cannot_be_true_is_not_sent_back(
    tmp_path: Path, etag: str | None, last_modified: str | None, sent: dict[str, str]
) -> None:
    """Validators held from before they were checked: the bad ones are not sent, so the
    lying server's 304 is never asked for and the page comes whole; good ones still are."""
    archive = WarcArchive(tmp_path)
    with (
        SiteSends({"/p": lying_page(ETag='"v1"')}) as site,
        archive.writer("cqc-test-000001") as writer,
        client_for(site.base_url, on_exchange=writer.write_exchange) as client,
    ):
        url = site.base_url + "/p"
        first = ConditionalFetcher(client, archive).get(url)
        held = KnownPage(first.sha256, etag, last_modified, HTML)
        again = ConditionalFetcher(client, archive, {url: held}).get(url)
        asked = site.requests[-1].headers
    validators = {k: v for k, v in asked.items() if k in ("if-none-match", "if-modified-since")}
    assert validators == sent
    assert again.not_modified is bool(sent)
    assert again.body == BODY


def test_a_304_to_a_request_without_validators_is_reported_as_such() -> None:
    with (
        SiteSends({"/p": Answer(304, b"", {"ETag": '"v1"'})}) as site,
        client_for(site.base_url) as client,
        pytest.raises(FetchError) as caught,
    ):
        client.get("/p")
    assert (caught.value.reason, caught.value.status) == (UNASKED_304, 304)


# ---------------------------------------------------------------- one report, many spellings


def listing_html(links: list[tuple[str, str]], next_href: str | None = None) -> bytes:
    items = "".join(
        f'<li><a href="{href}">{name}: local authority assessment</a></li>' for href, name in links
    )
    pager = f'<nav><a rel="next" href="{next_href}">Next</a></nav>' if next_href else ""
    return (
        "<html><head><title>Local authority assessment reports</title></head><body><main>"
        "<h1>Local authority assessment reports</h1><h2>Assessment reports</h2>"
        f"<ul>{items}</ul>{pager}</main></body></html>"
    ).encode()


STOKE = "Stoke-on-Trent City Council"
STOKE_PATH = f"{LISTING}/stokeontrent-0625"


def spellings(scheme: str, host: str) -> list[tuple[str, str]]:
    """Stoke's report linked seven ways: relative, absolute, another case of scheme and
    host, a default port, a trailing slash, tracking parameters, fragments."""
    return [
        (STOKE_PATH, STOKE),
        (f"{scheme}://{host.upper()}{STOKE_PATH}/", STOKE),
        (f"{scheme.upper()}://{host}{STOKE_PATH}?utm_source=newsletter&utm_medium=email", STOKE),
        ("local-authority-assessment-reports/stokeontrent-0625#top", STOKE),
        ("./local-authority-assessment-reports/stokeontrent-0625/#summary", STOKE),
        (f"{STOKE_PATH}?fbclid=abc123", STOKE),
    ]


def test_a_report_listed_under_many_spellings_is_one_report() -> None:
    """One slug, and one spelling but for the trailing slash the site linked (a site may
    serve `/page/2/` and not `/page/2`): the pipeline keeps the first of a slug's links."""
    site = "https://www.cqc.org.uk"
    links = [
        *spellings("https", "www.cqc.org.uk"),
        (f"https://WWW.CQC.ORG.UK:443{STOKE_PATH}", STOKE),
        (f"{LISTING}/croydon-1025", "London Borough of Croydon"),
    ]
    next_href = f"{LISTING}?page=2&utm_campaign=x#pager"
    listing = parse_listing(listing_html(links, next_href), site + LISTING)
    stoke = [e for e in listing.entries if e.la_name == STOKE]
    assert len(stoke) == len(links) - 1
    assert {e.slug for e in stoke} == {"stokeontrent-0625"}
    assert {e.url for e in stoke} == {site + STOKE_PATH, site + STOKE_PATH + "/"}
    assert stoke[0].url == site + STOKE_PATH  # the first link, as discover keeps it
    assert listing.next_url == f"{site}{LISTING}?page=2"  # the pager's page kept


def test_a_path_that_differs_in_case_is_another_page() -> None:
    """Paths may be case-sensitive on a real site: only scheme and host are folded."""
    page_url = f"https://www.cqc.org.uk{LISTING}"
    links = [(STOKE_PATH, STOKE), (STOKE_PATH.replace("stoke", "Stoke"), STOKE)]
    listing = parse_listing(listing_html(links), page_url)
    assert [e.slug for e in listing.entries] == ["stokeontrent-0625", "Stokeontrent-0625"]


# ---------------------------------------------------------------- whole runs

pytest_e2e = pytest.mark.e2e


def run_ingest(
    base_url: str, tmp_path: Path, api_url: str, **env: str
) -> subprocess.CompletedProcess[str]:
    command = [
        CQC, "ingest", "--base-url", base_url, "--db", str(tmp_path / "cqc.duckdb"),
        "--archive", str(tmp_path / "raw"), "--min-interval", "0",
    ]  # fmt: skip
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=cli_env(tmp_path, api_url, CQC_PDFS="false", CQC_RETRIES="2", **env),
        timeout=600,
    )


def one_failure_line(done: subprocess.CompletedProcess[str], db: Path) -> str:
    """The run's one line saying why it failed, its run row closed as failed; and never a
    traceback anywhere."""
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    [line] = [line for line in done.stderr.splitlines() if "ingest failed:" in line]
    with connect(db, read_only=True) as conn:
        assert conn.execute("SELECT status FROM run_log").fetchall() == [("failed",)]
    return line


@pytest_e2e
def test_a_run_whose_robots_txt_answers_503_says_robots_txt_was_unavailable(
    tmp_path: Path, prefect_api_url: str
) -> None:
    with MirrorServer(faults={"/robots.txt": 503}) as server:
        done = run_ingest(server.base_url, tmp_path, prefect_api_url)
        asked = [r.path for r in server.requests]
    line = one_failure_line(done, tmp_path / "cqc.duckdb")
    assert "robots.txt unavailable (HTTP 503): treating the site as disallowed" in line
    assert "disallowed by robots.txt" not in line
    assert asked == ["/robots.txt", "/robots.txt"]  # CQC_RETRIES=2, and nothing else


@pytest_e2e
@pytest.mark.parametrize(
    ("charset", "reason"),
    [
        ("base64", "charset 'base64' is not a text encoding (declared in the header)"),
        (
            "punycode",
            "charset 'punycode' is not a text encoding for pages (declared in the header)",
        ),
        ("x-unknown", "unknown charset 'x-unknown' declared in the header"),
    ],
)
def test_a_listing_in_a_charset_that_is_no_text_encoding_fails_the_run_in_one_line(
    tmp_path: Path, prefect_api_url: str, charset: str, reason: str
) -> None:
    listing = page(mirror_file(LISTING), f"text/html; charset={charset}")
    with SiteSends({LISTING: listing}) as site:
        done = run_ingest(site.base_url, tmp_path, prefect_api_url)
    line = one_failure_line(done, tmp_path / "cqc.duckdb")
    assert f"the listing cannot be read: {site.base_url}{LISTING}: {reason}" in line


@pytest_e2e
def test_a_listing_answered_304_unasked_fails_the_run_saying_so(
    tmp_path: Path, prefect_api_url: str
) -> None:
    with SiteSends({LISTING: Answer(304, b"", {"ETag": '"v1"'})}) as site:
        done = run_ingest(site.base_url, tmp_path, prefect_api_url)
        asked = [seen for seen in site.requests if seen.path == LISTING]
    line = one_failure_line(done, tmp_path / "cqc.duckdb")
    assert f"the listing cannot be fetched: {site.base_url}{LISTING}: {UNASKED_304}" in line
    assert "page" not in line.split(UNASKED_304)[1]  # nothing about what the page is
    assert [("if-none-match" in s.headers, "if-modified-since" in s.headers) for s in asked] == [
        (False, False)
    ]


@pytest_e2e
def test_a_pager_that_never_ends_stops_the_run_at_its_limit_in_one_line(
    tmp_path: Path, prefect_api_url: str
) -> None:
    def endless(target: str, headers: Mapping[str, str]) -> Answer:
        number = int(parse_qs(urlsplit(target).query).get("page", ["0"])[0])
        return page(listing_html([(STOKE_PATH, STOKE)], f"?page={number + 1}"))

    with SiteSends({LISTING: endless}) as site:
        done = run_ingest(site.base_url, tmp_path, prefect_api_url)
        asked = [seen.path for seen in site.requests]
    line = one_failure_line(done, tmp_path / "cqc.duckdb")
    assert (
        f"the listing's pager goes on past {MAX_LISTING_PAGES} pages (MAX_LISTING_PAGES), to "
        f"{site.base_url}{LISTING}?page={MAX_LISTING_PAGES}: a pager that never ends" in line
    )
    assert asked == ["/robots.txt", LISTING, *(f"{LISTING}?page={n}" for n in range(1, 51))]


@pytest_e2e
def test_report_pages_in_no_text_encoding_or_answered_304_unasked_are_their_reports_issues(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """Each such report is not loaded, with its issue saying what its page was sent as; the
    others load, and the run says some were not loaded (exit 3)."""
    broken = {
        "barnet-0125": ("London Borough of Barnet", "base64"),
        "blackpool-0825": ("Blackpool Council", "punycode"),
        "croydon-1025": ("London Borough of Croydon", "x-unknown"),
    }
    routes: dict[str, Route] = {
        f"{LISTING}/{slug}": page(mirror_file(f"{LISTING}/{slug}"), f"text/html; charset={cs}")
        for slug, (_, cs) in broken.items()
    }
    routes[f"{LISTING}/eastsussex-1025"] = Answer(304, b"", {"ETag": '"v1"'})
    links = [(f"{LISTING}/{slug}", name) for slug, (name, _) in broken.items()]
    links += [(f"{LISTING}/eastsussex-1025", "East Sussex County Council"), (STOKE_PATH, STOKE)]
    routes[LISTING] = page(listing_html(links))
    with SiteSends(routes) as site:
        done = run_ingest(site.base_url, tmp_path, prefect_api_url)
    assert done.returncode == 3, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        loaded = conn.execute("SELECT assessment_id FROM assessment").fetchall()
        first_issues = conn.execute(
            "SELECT slug, first(stage ORDER BY rowid), first(reason ORDER BY rowid), "
            "first(url ORDER BY rowid) FROM parse_issue GROUP BY slug ORDER BY slug"
        ).fetchall()
    assert loaded == [("stokeontrent-0625",)]
    base = site.base_url + LISTING
    assert first_issues == [
        ("barnet-0125", "parse",
         "charset 'base64' is not a text encoding (declared in the header)",
         f"{base}/barnet-0125"),
        ("blackpool-0825", "parse",
         "charset 'punycode' is not a text encoding for pages (declared in the header)",
         f"{base}/blackpool-0825"),
        ("croydon-1025", "parse", "unknown charset 'x-unknown' declared in the header",
         f"{base}/croydon-1025"),
        ("eastsussex-1025", "fetch", UNASKED_304, f"{base}/eastsussex-1025"),
    ]  # fmt: skip


@pytest_e2e
def test_a_report_listed_under_many_spellings_is_fetched_once(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """Over `localhost`, so that the host's case can differ too."""
    with SiteSends() as site:
        host = f"localhost:{site.port}"
        links = [*spellings("http", host), (f"{LISTING}/croydon-1025", "London Borough of Croydon")]
        site.routes[LISTING] = page(listing_html(links))
        done = run_ingest(f"http://{host}", tmp_path, prefect_api_url)
        asked = [seen.path for seen in site.requests]
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "of 2 reports listed" in done.stdout
    assert asked.count(STOKE_PATH) == 1
    assert not [
        p for p in asked if p.startswith(STOKE_PATH + "/") or p.startswith(STOKE_PATH + "?")
    ]
    with connect(tmp_path / "cqc.duckdb", read_only=True) as conn:
        loaded = conn.execute("SELECT assessment_id FROM assessment ORDER BY 1").fetchall()
    assert loaded == [("croydon-1025",), ("stokeontrent-0625",)]
