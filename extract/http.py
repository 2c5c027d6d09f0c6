"""Fetching pages over HTTP: a polite httpx client bound to one site.

Everything here returns bytes with metadata and knows nothing of parsing or databases. The
transport is injectable so tests can use respx or a mock transport; the base URL is always a
parameter because cqc.org.uk is replaced by the offline mirror in tests and the demo.

Politeness (issue 3): robots.txt is read once and obeyed, request starts are spaced by
`max(min_interval_s, Crawl-delay)`, retries back off exponentially with jitter and honour
Retry-After, responses are size-capped, and conditional GETs let unchanged pages cost a 304.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from extract.decoding import (
    ACCEPT_ENCODING,
    ContentCodingError,
    DecodedTooLargeError,
    decoder_for,
)
from extract.ratelimit import RateLimiter
from extract.robots import (
    MAX_ROBOTS_BYTES,
    RobotsRules,
    parse_robots,
    rules_for_failure,
    rules_for_redirect_loop,
)

LIVE_BASE_URL = "https://www.cqc.org.uk"
DEFAULT_USER_AGENT = (
    "cqc-warehouse/0.1 (+https://github.com/cqc-warehouse/cqc-warehouse; research scraper)"
)
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
UNASKED_304 = "HTTP 304 Not Modified to a request that sent no validator"
# Request headers whose values are credentials: what `on_exchange` gets (the archive) carries
# REDACTED in their place, so a key never reaches a WARC file.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "ocp-apim-subscription-key"})
REDACTED = "<redacted>"


@dataclass(frozen=True)
class FetchedPage:
    """One HTTP response, as received (a 304 has an empty body and `not_modified`)."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    fetched_at: datetime
    elapsed_s: float
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    not_modified: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class RequestRecord:
    """One HTTP request as sent (retries, redirect hops and robots.txt each get one)."""

    url: str
    started_monotonic: float
    status: int | None
    bytes: int
    elapsed_s: float
    error: str | None = None
    conditional: bool = False


@dataclass(frozen=True)
class Exchange:
    """One HTTP request as sent and what came back, whole: what the archive keeps.

    Every request the client makes is one (retries, redirect hops, robots.txt, 304s and
    errors included). `body` is the entity body as decoded by the client (content codings
    undone); `response_headers` are the headers as received. With no response at all (a
    timeout, a refused connection) `status` is None and `error` says why.
    """

    url: str
    method: str
    request_headers: tuple[tuple[str, str], ...]
    started_at: datetime
    status: int | None = None
    reason_phrase: str = ""
    http_version: str = "HTTP/1.1"
    response_headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    error: str | None = None
    truncated: bool = False  # the body was cut at a length limit on purpose (robots.txt)


class RunStopError(Exception):
    """Not one page's failure but a reason to stop the whole run, loudly: the site asks for
    more patience than we allow (Crawl-delay, Retry-After over their caps), or the archive
    cannot be written. Never caught per report."""


class PolitenessLimitError(RunStopError):
    """A Crawl-delay or Retry-After above its cap: obeying it would stall the run."""


class FetchError(Exception):
    """A page that could not be fetched after all retries: carries the URL and the last error."""

    def __init__(
        self, url: str, reason: str, status: int | None = None, body: bytes | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.body = body  # the last error response's body, kept so it can be archived


class DisallowedError(FetchError):
    """robots.txt forbids this URL for our user agent, or could not be read and so forbids
    the whole site (`reason` says which); no request was made."""

    def __init__(self, url: str, reason: str = "disallowed by robots.txt") -> None:
        super().__init__(url, reason)


class TooManyRedirectsError(FetchError):
    """More than MAX_REDIRECTS redirects in a row."""

    def __init__(self, url: str) -> None:
        super().__init__(url, f"more than {MAX_REDIRECTS} redirects")


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with ±`jitter` for timeouts, connection errors, 429 and 5xx.

    Jitter keeps several clients from retrying in lockstep; `max_delay_s` caps every wait,
    and a Retry-After above it means giving up rather than hanging.
    """

    attempts: int = 4
    backoff_s: float = 0.5
    max_delay_s: float = 30.0
    jitter: float = 0.25

    def delay(
        self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None
    ) -> float:
        wait = self.backoff_s * 2 ** (attempt - 1)
        if rng is not None and self.jitter:
            wait *= 1 + rng.uniform(-self.jitter, self.jitter)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return float(min(wait, self.max_delay_s))


def require_pdf(page: FetchedPage) -> None:
    """FetchError unless the body is a PDF: the magic bytes decide, not the Content-Type."""
    if not page.body.lstrip().startswith(b"%PDF-"):
        sent_as = page.content_type or "no content type"
        if "pdf" in sent_as.lower():  # the header claims a PDF: the body says otherwise
            got = f"a body starting {page.body[:24]!r} (sent as {sent_as})"
        else:
            got = sent_as
        raise FetchError(page.url, f"expected a PDF, got {got}", page.status)


class _Transient(Exception):
    """An attempt that may succeed if repeated."""

    def __init__(
        self, reason: str, status: int | None, body: bytes | None, retry_after: float | None
    ) -> None:
        super().__init__(reason)
        self.reason, self.status, self.body, self.retry_after = reason, status, body, retry_after


@dataclass
class SiteClient:
    """An httpx client that only fetches from one site, politely, retrying transient failures."""

    base_url: str
    timeout_s: float = 30.0
    user_agent: str = DEFAULT_USER_AGENT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    min_interval_s: float = 1.0
    obey_robots: bool = True
    max_bytes: int = 50_000_000  # of the body, raw and decoded alike
    deadline_s: float = 120.0  # wall-clock bound on one request, however slowly bytes drip
    max_crawl_delay_s: float = 60.0  # a robots.txt Crawl-delay above this stops the run
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    # Called with every request and its response, before the response is used: the archive.
    on_exchange: Callable[[Exchange], object] | None = None
    # Sent with every request (an API's key): kept out of repr, and SECRET_HEADERS' values are
    # redacted in every Exchange.
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self._site = _site_of(self.base_url)
        self._client = httpx.Client(
            timeout=self.timeout_s,
            headers={
                "User-Agent": self.user_agent,
                "Accept-Encoding": ACCEPT_ENCODING,
                **self.headers,
            },
            follow_redirects=False,
            transport=self.transport,
            event_hooks={"response": [_set_aside_unusable_location]},
        )
        self._limiter = RateLimiter(self.min_interval_s, clock=self.clock, sleep=self.sleep)
        self._robots: RobotsRules | None = None
        self._robots_lock = threading.Lock()
        self._log_lock = threading.Lock()
        self.request_log: list[RequestRecord] = []

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    @property
    def robots(self) -> RobotsRules | None:
        """The robots.txt rules once read (None before the first request or if not obeyed)."""
        return self._robots

    @property
    def crawl_delay(self) -> float | None:
        """robots.txt's Crawl-delay for our user agent, once robots.txt has been read."""
        return self._robots.crawl_delay(self.user_agent) if self._robots else None

    def absolute(self, url_or_path: str) -> str:
        """Resolve a root-relative path against the site's base URL."""
        return urljoin(self.base_url + "/", url_or_path)

    def allowed(self, url_or_path: str) -> bool:
        """Whether robots.txt lets us fetch this URL (reads robots.txt first if needed)."""
        url = self.absolute(url_or_path)
        if not self.obey_robots:
            return True
        return self._load_robots().allowed(url, self.user_agent)

    def get(
        self, url_or_path: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchedPage:
        """GET a page of this site, retrying transient failures; FetchError if it stays broken.

        With `etag`/`last_modified` the request is conditional and an unchanged page comes
        back as a 304 `FetchedPage` with `not_modified=True` and the validators kept.
        """
        url = self.absolute(url_or_path)
        self._require_same_host(url)
        if self.obey_robots and not (rules := self._load_robots()).allowed(url, self.user_agent):
            raise DisallowedError(url, rules.refusal())
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        page = self._get_with_retries(url, headers)
        if page.not_modified and not headers:  # "unchanged" from what? Nothing was held
            raise FetchError(page.url, UNASKED_304, 304)
        if page.not_modified:
            page = _keep_validators(page, etag, last_modified)
        return page

    # ---------------------------------------------------------------- internals

    def _load_robots(self) -> RobotsRules:
        """Read robots.txt once (lazily, rate-limited like any request) and adopt Crawl-delay.

        As RFC 9309 2.3.1 asks: redirects followed up to five, to any web host; only the
        first 500 KiB read; anything but a 2xx read as a failure (`rules_for_failure`)."""
        with self._robots_lock:
            if self._robots is None:
                url = self.base_url + "/robots.txt"
                try:
                    page = self._get_with_retries(
                        url, {}, any_host=True, keep_at_most=MAX_ROBOTS_BYTES
                    )
                except TooManyRedirectsError as exc:
                    rules = rules_for_redirect_loop(exc.reason)
                except FetchError as exc:
                    rules = rules_for_failure(exc.status, exc.reason)
                else:
                    if 200 <= page.status < 300:
                        rules = parse_robots(page.body)
                    else:
                        rules = rules_for_failure(page.status)
                delay = rules.crawl_delay(self.user_agent)
                if delay is not None and delay > self.max_crawl_delay_s:
                    raise PolitenessLimitError(
                        f"robots.txt at {url} asks for Crawl-delay: {delay:g} s, above the "
                        f"{self.max_crawl_delay_s:g} s this crawler accepts: the run stops "
                        "(raise CQC_MAX_CRAWL_DELAY_S to accept it)"
                    )
                if delay is not None:
                    self._limiter.min_interval_s = max(self.min_interval_s, delay)
                self._robots = rules
            return self._robots

    def _get_with_retries(
        self,
        url: str,
        headers: dict[str, str],
        *,
        any_host: bool = False,
        keep_at_most: int | None = None,
    ) -> FetchedPage:
        last: _Transient | None = None
        for attempt in range(1, self.retry.attempts + 1):
            try:
                return self._attempt(url, headers, attempt, any_host, keep_at_most)
            except _Transient as exc:
                last = exc
            if attempt == self.retry.attempts:
                break
            if last.retry_after is not None and last.retry_after > self.retry.max_delay_s:
                raise PolitenessLimitError(
                    f"{url} answered {last.reason} with Retry-After: {last.retry_after:g} s, "
                    f"above the {self.retry.max_delay_s:g} s this crawler waits: the run stops "
                    "(the site asks us to come back later)"
                )
            self.sleep(self.retry.delay(attempt, last.retry_after, self.rng))
        assert last is not None
        raise FetchError(url, last.reason, last.status, last.body)

    def _attempt(
        self,
        url: str,
        headers: dict[str, str],
        attempt: int,
        any_host: bool = False,
        keep_at_most: int | None = None,
    ) -> FetchedPage:
        """One try, following same-site redirects by hand (off-site ones are refused unless
        `any_host`: robots.txt may live elsewhere)."""
        for _ in range(MAX_REDIRECTS + 1):
            status, resp_headers, body, elapsed = self._request(url, headers, keep_at_most)
            location = resp_headers.get("location")
            refused = resp_headers.get(REFUSED_LOCATION)
            if status in (301, 302, 303, 307, 308) and refused is not None:
                raise FetchError(url, refused, 0)
            if status in (301, 302, 303, 307, 308) and location:
                try:
                    target = urljoin(url, location.strip())
                    parts = urlsplit(target)
                except ValueError as exc:
                    reason = f"redirect to an invalid URL refused: {location!r}"
                    raise FetchError(url, reason, 0) from exc
                if parts.scheme not in ("http", "https"):
                    raise FetchError(url, f"redirect to a non-web URL refused: {location!r}", 0)
                if not any_host and _site_of(target) != self._site:
                    raise FetchError(url, f"redirect to another host refused: {target}", 0)
                if self._robots is not None and not self._robots.allowed(target, self.user_agent):
                    raise DisallowedError(target, self._robots.refusal())
                url = target
                continue
            if status in TRANSIENT_STATUSES:
                retry_after = _retry_after_seconds(resp_headers.get("retry-after"))
                raise _Transient(f"HTTP {status}", status, body, retry_after)
            if status >= 400:
                raise FetchError(url, f"HTTP {status}", status, body)
            return FetchedPage(
                url=url,
                status=status,
                body=body,
                content_type=resp_headers.get("content-type"),
                fetched_at=datetime.now(UTC),
                elapsed_s=elapsed,
                etag=resp_headers.get("etag"),
                last_modified=resp_headers.get("last-modified"),
                attempts=attempt,
                not_modified=status == 304,
            )
        raise TooManyRedirectsError(url)

    def _request(
        self, url: str, headers: dict[str, str], keep_at_most: int | None = None
    ) -> tuple[int, httpx.Headers, bytes, float]:
        """One rate-limited, size-capped, time-bounded, logged and archived HTTP request.

        The raw bytes are read and decoded here (one content coding at most, the decoded
        size counted against `max_bytes` as it grows), within `deadline_s` of wall-clock time
        however slowly they arrive. With `keep_at_most` a longer body is no error: it is cut
        there and the rest never read (robots.txt past its parsing limit).
        """
        started = self._limiter.wait()
        started_at = datetime.now(UTC)
        wall_start = time.monotonic()
        response: httpx.Response | None = None
        received = 0
        chunks: list[bytes] = []
        truncated = False
        error: str | None = None
        try:
            request = self._client.build_request("GET", url, headers=headers)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError) as exc:
            raise FetchError(url, f"invalid URL: {exc}", 0) from exc
        try:
            response = self._client.send(request, stream=True)
            try:
                status = response.status_code
                length = response.headers.get("content-length")
                too_long = length and length.isdigit() and int(length) > self.max_bytes
                if too_long and keep_at_most is None:
                    error = f"response larger than {self.max_bytes} bytes"
                    raise FetchError(url, error, status)
                try:
                    coding = response.headers.get("content-encoding")
                    if response.is_stream_consumed:  # built in memory (a mock transport)
                        raw_chunks: Iterable[bytes] = [response.content]
                        coding = None  # httpx has decoded it already
                    else:
                        raw_chunks = response.iter_raw()
                    if keep_at_most is None:
                        decoder = decoder_for(coding, self.max_bytes)
                    else:
                        decoder = decoder_for(coding, keep_at_most, truncate=True)
                    for raw in raw_chunks:
                        received += len(raw)
                        if received > self.max_bytes:
                            error = f"response larger than {self.max_bytes} bytes"
                            raise FetchError(url, error, status)
                        if time.monotonic() - wall_start > self.deadline_s:
                            error = f"response took longer than {self.deadline_s:g} s"
                            raise _Transient(error, status, None, None)
                        chunks.extend(decoder.feed(raw))
                        if decoder.truncated:
                            truncated = True
                            break
                    chunks.append(decoder.finish())
                except (ContentCodingError, DecodedTooLargeError) as exc:
                    error = str(exc)
                    raise FetchError(url, error, status) from exc
            finally:
                response.close()
            return status, response.headers, b"".join(chunks), self.clock() - started
        except httpx.TransportError as exc:  # timeouts, refused connections, resets
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise _Transient(error, None, None, None) from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            error = f"invalid URL: {exc}"
            raise FetchError(url, error, 0) from exc
        finally:
            record = RequestRecord(
                url=url,
                started_monotonic=started,
                status=response.status_code if response is not None else None,
                bytes=received,
                elapsed_s=self.clock() - started,
                error=error,
                conditional=bool(headers),
            )
            with self._log_lock:
                self.request_log.append(record)
            if self.on_exchange is not None:
                body = b"".join(chunks)
                self.on_exchange(_exchange(request, response, body, error, started_at, truncated))

    def _require_same_host(self, url: str) -> None:
        if _site_of(url) != self._site:
            raise FetchError(url, f"not on the configured site {self.base_url}")


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _site_of(url: str) -> tuple[str, int | None] | None:
    """A URL's host and port as the network sees them: `HTTPS://WWW.CQC.ORG.UK:443` is
    `https://www.cqc.org.uk` (host names have no case, a default port is no port). None for
    a URL with no host or a port that is no number."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return parts.hostname, port if port != _DEFAULT_PORTS.get(parts.scheme.lower()) else None


REFUSED_LOCATION = "X-Cqc-Refused-Location"


def _set_aside_unusable_location(response: httpx.Response) -> None:
    """httpx builds the next request of every redirect, followed or not, and raises on a
    Location it cannot parse, losing the response. A Location that is no web URL is moved
    aside here, with why, so the redirect becomes one recorded fetch error."""
    location = response.headers.get("location")
    if location is None or not response.is_redirect:
        return
    reason = None
    try:
        target = urlsplit(urljoin(str(response.request.url), location.strip()))
        if target.scheme not in ("http", "https"):
            reason = f"redirect to a non-web URL refused: {location!r}"
        else:
            httpx.URL(urlunsplit(target))
    except (ValueError, httpx.InvalidURL):
        reason = f"redirect to an invalid URL refused: {location!r}"
    if reason is not None:
        del response.headers["location"]
        response.headers[REFUSED_LOCATION] = reason


def _exchange(
    request: httpx.Request,
    response: httpx.Response | None,
    body: bytes,
    error: str | None,
    started_at: datetime,
    truncated: bool = False,
) -> Exchange:
    sent = tuple(
        (k, REDACTED if k.lower() in SECRET_HEADERS else v)
        for k, v in request.headers.multi_items()
    )
    if response is None:
        return Exchange(str(request.url), request.method, sent, started_at, error=error)
    return Exchange(
        url=str(request.url),
        method=request.method,
        request_headers=sent,
        started_at=started_at,
        status=response.status_code,
        reason_phrase=response.reason_phrase,
        http_version=response.http_version or "HTTP/1.1",
        response_headers=tuple((k, v) for k, v in response.headers.multi_items()),
        body=body,
        error=error,
        truncated=truncated,
    )


def _keep_validators(page: FetchedPage, etag: str | None, last_modified: str | None) -> FetchedPage:
    return replace(page, etag=page.etag or etag, last_modified=page.last_modified or last_modified)


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
