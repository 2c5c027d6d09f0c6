"""Fetching pages over HTTP: an httpx client bound to one site, with retries on transient errors.

Everything here returns bytes with metadata and knows nothing of parsing or databases. The
transport is injectable so tests can use respx or a mock transport; the base URL is always a
parameter because cqc.org.uk is replaced by the offline mirror in tests and the demo.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

LIVE_BASE_URL = "https://www.cqc.org.uk"
DEFAULT_USER_AGENT = (
    "cqc-warehouse/0.1 (+https://github.com/cqc-warehouse/cqc-warehouse; research scraper)"
)
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchedPage:
    """One HTTP response, as received."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    fetched_at: datetime
    elapsed_s: float
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


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


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff for timeouts, connection errors, 429 and 5xx."""

    attempts: int = 4
    backoff_s: float = 0.5
    max_delay_s: float = 30.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        wait = self.backoff_s * 2 ** (attempt - 1)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return min(wait, self.max_delay_s)


@dataclass
class SiteClient:
    """An httpx client that only fetches from one site and retries transient failures."""

    base_url: str
    timeout_s: float = 30.0
    user_agent: str = DEFAULT_USER_AGENT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self._host = urlsplit(self.base_url).netloc
        self._client = httpx.Client(
            timeout=self.timeout_s,
            headers={"User-Agent": self.user_agent},
            follow_redirects=False,
            transport=self.transport,
        )

    def __enter__(self) -> SiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def absolute(self, url_or_path: str) -> str:
        """Resolve a root-relative path against the site's base URL."""
        return urljoin(self.base_url + "/", url_or_path)

    def get(self, url_or_path: str) -> FetchedPage:
        """GET a page of this site, retrying transient failures; FetchError if it stays broken."""
        url = self.absolute(url_or_path)
        self._require_same_host(url)
        last_error = "no attempt made"
        last_status: int | None = None
        last_body: bytes | None = None
        for attempt in range(1, self.retry.attempts + 1):
            started = time.monotonic()
            retry_after: float | None = None
            try:
                response = self._get_following_redirects(url)
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                last_status = None
                last_body = None
            else:
                if response.status_code < 400:
                    return FetchedPage(
                        url=str(response.url),
                        status=response.status_code,
                        body=response.content,
                        content_type=response.headers.get("content-type"),
                        fetched_at=datetime.now(UTC),
                        elapsed_s=time.monotonic() - started,
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                        attempts=attempt,
                    )
                last_status = response.status_code
                last_body = response.content
                last_error = f"HTTP {response.status_code}"
                if response.status_code not in TRANSIENT_STATUSES:
                    break
                retry_after = _retry_after_seconds(response.headers.get("retry-after"))
            if attempt < self.retry.attempts:
                self.sleep(self.retry.delay(attempt, retry_after))
        raise FetchError(url, last_error, last_status, last_body)

    def _get_following_redirects(self, url: str, max_hops: int = 5) -> httpx.Response:
        """Follow redirects by hand so that one leading off the site is refused, not followed."""
        for _ in range(max_hops + 1):
            response = self._client.get(url)
            if not response.is_redirect:
                return response
            target = urljoin(url, response.headers["location"])
            if urlsplit(target).netloc != self._host:
                raise FetchError(url, f"redirect to another host refused: {target}", 0)
            url = target
        raise FetchError(url, f"more than {max_hops} redirects")

    def _require_same_host(self, url: str) -> None:
        if urlsplit(url).netloc != self._host:
            raise FetchError(url, f"not on the configured site {self.base_url}")


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
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
