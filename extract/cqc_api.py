"""CQC's public Syndication API as a second source of care locations: bytes with metadata out.

`https://api.service.cqc.org.uk/public/v1`, authenticated by a subscription key sent as the
header `Ocp-Apim-Subscription-Key` on every request (CQC's developer portal user instructions;
a missing or wrong key is a 401). The key comes from `CQC_API_KEY`; it is checked before any
request, and `extract.http` redacts that header in every exchange handed to the archive.

For a council: `GET /locations?localAuthority=<name>&page=N&perPage=M` page by page, then
`GET /locations/{locationId}` for each location listed. The schema folder (`cqc_raw/`) covers
only `GET /locations/{id}` and `GET /providers/{id}`; the list response's fields read here
(`totalPages`, `page`, `locations[].locationId`) are the real API's as its users read them,
not from a schema. Only what paging needs is read; location bodies are returned as fetched.

robots.txt of the API host is read and obeyed (`obey_robots=True` by default): it costs one
request per run, a 4xx there (the API gateway's answer for an unknown path) allows everything
(RFC 9309), and a Crawl-delay the host asks for is then honoured like on the website. An API
is meant for machines, but its operator may still say how fast; asking costs almost nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from urllib.parse import quote, urlencode, urlsplit

import httpx

from extract.http import Exchange, FetchedPage, FetchError, RetryPolicy, RunStopError, SiteClient

API_BASE_URL = "https://api.service.cqc.org.uk/public/v1"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
KEY_ENV = "CQC_API_KEY"
PORTAL_URL = "https://api-portal.service.cqc.org.uk"
DEFAULT_PER_PAGE = 1000  # what the API's users ask for; a council fits in one or two pages
MAX_PAGES = 50  # 50,000 locations at 1000 a page: far above any council, a bound on a runaway


class MissingApiKeyError(RunStopError):
    """No API key: raised before any request is made."""

    def __init__(self) -> None:
        super().__init__(
            f"no CQC API key: set {KEY_ENV}. Get a key from CQC's developer portal, "
            f"{PORTAL_URL}: sign up, subscribe to the Syndication API product, and copy the "
            f"primary key from your profile into {KEY_ENV}"
        )


class ApiKeyRefusedError(RunStopError):
    """The API answered 401 or 403: every further request would be refused too."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(
            f"the CQC API refused the key in {KEY_ENV} (HTTP {status} for {url}): check it "
            f"is the primary key of an active subscription at {PORTAL_URL}"
        )
        self.url = url
        self.status = status


class ApiListingError(FetchError):
    """A list page paging cannot go on from (not JSON, no `locations`, a page repeated, more
    pages than allowed): the list would be incomplete, so there is none."""


@dataclass(frozen=True)
class ApiLocation:
    """One `GET /locations/{id}` response body, as fetched."""

    location_id: str
    url: str
    body: bytes
    fetched_at: datetime
    status: int = 200

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class ApiLocationFailure:
    """A listed location whose own record could not be fetched (gone since the list was read,
    or still failing after retries): named, never dropped."""

    location_id: str
    url: str
    reason: str
    status: int | None = None


@dataclass(frozen=True)
class LocationList:
    """The location IDs the list endpoint gave for one query, in order, each once."""

    location_ids: tuple[str, ...]
    pages: int  # list pages fetched
    total_pages: int | None  # as the API last said; None if it never did


def api_key_from_env(environ: Mapping[str, str] = os.environ) -> str:
    """The key in `CQC_API_KEY`, or MissingApiKeyError when unset or blank."""
    return _checked_key(environ.get(KEY_ENV))


class CqcApi:
    """The Syndication API through one polite `SiteClient` (retries, Retry-After, size caps,
    every exchange to `on_exchange` with the key redacted)."""

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str = API_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        on_exchange: Callable[[Exchange], object] | None = None,
        min_interval_s: float = 1.0,
        obey_robots: bool = True,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        key = _checked_key(api_key)
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        # The client is bound to the host's root, not to /public/v1: robots.txt lives there.
        self.client = SiteClient(
            f"{parts.scheme}://{parts.netloc}",
            transport=transport,
            on_exchange=on_exchange,
            min_interval_s=min_interval_s,
            obey_robots=obey_robots,
            retry=retry or RetryPolicy(),
            sleep=sleep,
            headers={KEY_HEADER: key, "Accept": "application/json"},
        )

    def __enter__(self) -> CqcApi:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def list_url(
        self,
        local_authority: str,
        page: int,
        per_page: int,
        care_home: bool | None = None,
        inspection_directorate: str | None = None,
    ) -> str:
        params: dict[str, str | int] = {"localAuthority": local_authority}
        if care_home is not None:
            params["careHome"] = "Y" if care_home else "N"  # the API's own Y/N, as in records
        if inspection_directorate is not None:
            params["inspectionDirectorate"] = inspection_directorate
        params |= {"page": page, "perPage": per_page}
        return f"{self.base_url}/locations?{urlencode(params, quote_via=quote)}"

    def location_url(self, location_id: str) -> str:
        return f"{self.base_url}/locations/{quote(location_id, safe='')}"

    def list_locations(
        self,
        local_authority: str,
        *,
        care_home: bool | None = None,
        inspection_directorate: str | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        max_pages: int = MAX_PAGES,
    ) -> LocationList:
        """Every location ID the list gives for a council (and filters), read page by page.

        Pages are asked for by number, 1 upwards, until the page `totalPages` names (or, if
        the API gives none, a short or empty page). It cannot loop forever: more than
        `max_pages` pages, a page answering for another page number, or a page whose IDs
        were all seen already are an ApiListingError, never a silently shortened list.
        """
        ids: dict[str, None] = {}
        total_pages: int | None = None
        page = 0
        while True:
            page += 1
            if page > max_pages:
                raise ApiListingError(
                    self.list_url(
                        local_authority, page, per_page, care_home, inspection_directorate
                    ),
                    f"more than {max_pages} list pages (the API says {total_pages}): stopped",
                )
            url = self.list_url(local_authority, page, per_page, care_home, inspection_directorate)
            listed, said_page, total_pages = _list_page(self._get(url))
            if said_page is not None and said_page != page:
                raise ApiListingError(url, f"asked for page {page}, got page {said_page}")
            if total_pages is not None and total_pages > max_pages:
                raise ApiListingError(
                    url, f"the API has {total_pages} list pages, above the {max_pages} allowed"
                )
            if listed and all(i in ids for i in listed):
                raise ApiListingError(url, f"page {page} repeats locations already listed")
            ids.update(dict.fromkeys(listed))
            if not listed:
                break
            if total_pages is not None and page >= total_pages:
                break
            if total_pages is None and len(listed) < per_page:
                break
        return LocationList(tuple(ids), page, total_pages)

    def fetch_location(self, location_id: str) -> ApiLocation | ApiLocationFailure:
        """One location's record; a refused key stops everything (ApiKeyRefusedError)."""
        url = self.location_url(location_id)
        try:
            page = self._get(url)
        except FetchError as exc:
            return ApiLocationFailure(location_id, url, exc.reason, exc.status)
        return ApiLocation(location_id, page.url, page.body, page.fetched_at, page.status)

    def locations(
        self,
        local_authority: str,
        *,
        care_home: bool | None = None,
        inspection_directorate: str | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        max_pages: int = MAX_PAGES,
    ) -> Iterator[ApiLocation | ApiLocationFailure]:
        """A council's locations: the whole list first (one consistent snapshot of who is
        listed), then each location's record as it is fetched."""
        listed = self.list_locations(
            local_authority,
            care_home=care_home,
            inspection_directorate=inspection_directorate,
            per_page=per_page,
            max_pages=max_pages,
        )
        for location_id in listed.location_ids:
            yield self.fetch_location(location_id)

    def _get(self, url: str) -> FetchedPage:
        try:
            return self.client.get(url)
        except FetchError as exc:
            if exc.status in (401, 403):
                raise ApiKeyRefusedError(exc.url, exc.status) from None
            raise


def _checked_key(api_key: str | None) -> str:
    key = (api_key or "").strip()
    if not key:
        raise MissingApiKeyError()
    return key


def _list_page(page: FetchedPage) -> tuple[list[str], int | None, int | None]:
    """The location IDs of one list page, its page number and `totalPages` (None if absent)."""
    try:
        data = json.loads(page.body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiListingError(page.url, f"list page is not JSON: {exc}", page.status) from exc
    if not isinstance(data, dict) or not isinstance(data.get("locations"), list):
        raise ApiListingError(page.url, "list page has no 'locations' list", page.status)
    ids = []
    for entry in data["locations"]:
        location_id = entry.get("locationId") if isinstance(entry, dict) else None
        if not isinstance(location_id, str) or not location_id.strip():
            raise ApiListingError(page.url, f"listed location without a locationId: {entry!r}")
        ids.append(location_id.strip())
    return ids, _whole(data.get("page")), _whole(data.get("totalPages"))


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None
