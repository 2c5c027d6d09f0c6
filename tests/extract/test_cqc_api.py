"""CQC's Syndication API client (`extract.cqc_api`): paging, the key, refusals, retries, the
page cap, and the key never reaching the archive. Served by a mock transport from the
schema-built fixtures in tests/fixtures/cqc_api/ (README there)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from extract.cqc_api import (
    KEY_ENV,
    KEY_HEADER,
    PORTAL_URL,
    ApiKeyRefusedError,
    ApiListingError,
    ApiLocation,
    ApiLocationFailure,
    CqcApi,
    MissingApiKeyError,
    api_key_from_env,
)
from extract.http import REDACTED, Exchange, RetryPolicy
from extract.warc import WarcArchive

HOST = "https://api.test"
BASE = f"{HOST}/public/v1"
KEY = "k3y-0f-the-t3st-5ubscription-9a8b7c"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "cqc_api"
IDS = ["1-101", "1-102", "1-103"]


def location_body(location_id: str) -> bytes:
    return (FIXTURES / f"location_{location_id}.json").read_bytes()


def list_page(ids: list[str], page: int | None, total_pages: int | None) -> bytes:
    """A list page with `locations_page.json`'s field names (absent ones left out)."""
    data: dict[str, object] = {"total": 3, "perPage": len(ids)}
    if page is not None:
        data["page"] = page
    if total_pages is not None:
        data["totalPages"] = total_pages
    data["locations"] = [{"locationId": i, "locationName": i, "postalCode": "ST4 1AA"} for i in ids]
    return json.dumps(data).encode()


@dataclass
class FakeApi:
    """Serves list pages by number and location records by ID; `scripted` answers a path
    with statuses in turn before its normal answer."""

    pages: Callable[[int], bytes]
    scripted: dict[str, list[int]] = field(default_factory=dict)
    robots: tuple[int, bytes] = (404, b"Resource not found")
    calls: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        path = request.url.path
        if self.scripted.get(path):
            return httpx.Response(self.scripted[path].pop(0), json={"message": "scripted"})
        if path == "/robots.txt":
            return httpx.Response(self.robots[0], content=self.robots[1])
        if path == "/public/v1/locations":
            page = int(request.url.params["page"])
            return httpx.Response(200, content=self.pages(page), headers=JSON)
        location_id = path.removeprefix("/public/v1/locations/")
        fixture = FIXTURES / f"location_{location_id}.json"
        if fixture.exists():
            return httpx.Response(200, content=fixture.read_bytes(), headers=JSON)
        return httpx.Response(404, json={"statusCode": 404, "message": "Resource not found"})

    def urls(self) -> list[str]:
        return [str(call.url) for call in self.calls]


JSON = {"content-type": "application/json; charset=utf-8"}


def three_pages(page: int) -> bytes:
    return list_page([IDS[page - 1]], page, 3) if page <= 3 else list_page([], page, 3)


def make_api(
    fake: FakeApi,
    sleeps: list[float] | None = None,
    key: str | None = KEY,
    obey_robots: bool = False,
    on_exchange: Callable[[Exchange], object] | None = None,
) -> CqcApi:
    return CqcApi(
        key,
        base_url=BASE,
        transport=httpx.MockTransport(fake),
        on_exchange=on_exchange,
        min_interval_s=0.0,
        obey_robots=obey_robots,
        retry=RetryPolicy(attempts=3, backoff_s=0.5, jitter=0.0),
        sleep=(sleeps if sleeps is not None else []).append,
    )


def test_pages_through_three_list_pages_then_fetches_each_location() -> None:
    fake = FakeApi(three_pages)
    with make_api(fake) as api:
        got = list(api.locations("Stoke-on-Trent", per_page=1))
    assert [(g.location_id, g.body) for g in got if isinstance(g, ApiLocation)] == [
        (i, location_body(i)) for i in IDS
    ]
    assert fake.urls() == [
        f"{BASE}/locations?localAuthority=Stoke-on-Trent&page=1&perPage=1",
        f"{BASE}/locations?localAuthority=Stoke-on-Trent&page=2&perPage=1",
        f"{BASE}/locations?localAuthority=Stoke-on-Trent&page=3&perPage=1",
        f"{BASE}/locations/1-101",
        f"{BASE}/locations/1-102",
        f"{BASE}/locations/1-103",
    ]
    assert all(g.url == f"{BASE}/locations/{g.location_id}" for g in got)


def test_the_list_stops_at_a_short_page_when_the_api_gives_no_total() -> None:
    fake = FakeApi(lambda page: list_page(IDS[:2] if page == 1 else IDS[2:], None, None))
    with make_api(fake) as api:
        listed = api.list_locations("Stoke-on-Trent", per_page=2)
    assert (listed.location_ids, listed.pages, listed.total_pages) == (tuple(IDS), 2, None)
    assert len(fake.calls) == 2


def test_the_key_and_filters_are_sent_on_every_request_robots_txt_included() -> None:
    fake = FakeApi(lambda page: list_page(IDS, page, 1))
    with make_api(fake, obey_robots=True) as api:
        got = list(api.locations("Bristol, City of", care_home=True, inspection_directorate="X"))
    assert len(got) == 3
    assert fake.urls()[0] == f"{HOST}/robots.txt"  # at the host's root, not under /public/v1
    assert [call.headers[KEY_HEADER] for call in fake.calls] == [KEY] * 5
    params = fake.calls[1].url.params
    assert dict(params) == {
        "localAuthority": "Bristol, City of",
        "careHome": "Y",
        "inspectionDirectorate": "X",
        "page": "1",
        "perPage": "1000",
    }


@pytest.mark.parametrize("key", [None, "", "   "])
def test_no_key_raises_before_any_request(key: str | None) -> None:
    fake = FakeApi(three_pages)
    with pytest.raises(MissingApiKeyError) as caught:
        make_api(fake, key=key)
    assert fake.calls == []
    assert KEY_ENV in str(caught.value) and PORTAL_URL in str(caught.value)


def test_the_key_is_read_from_the_environment() -> None:
    assert api_key_from_env({KEY_ENV: f" {KEY}\n"}) == KEY
    with pytest.raises(MissingApiKeyError):
        api_key_from_env({})


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_is_one_clear_error_never_retried(status: int) -> None:
    fake = FakeApi(three_pages, scripted={"/public/v1/locations": [status]})
    sleeps: list[float] = []
    with make_api(fake, sleeps) as api, pytest.raises(ApiKeyRefusedError) as caught:
        api.list_locations("Stoke-on-Trent")
    assert len(fake.calls) == 1 and sleeps == []
    message = str(caught.value)
    assert f"HTTP {status}" in message and KEY_ENV in message and PORTAL_URL in message
    assert KEY not in message


def test_a_refused_key_on_a_location_stops_the_run_rather_than_failing_each() -> None:
    fake = FakeApi(three_pages, scripted={"/public/v1/locations/1-102": [401]})
    with make_api(fake) as api, pytest.raises(ApiKeyRefusedError):
        list(api.locations("Stoke-on-Trent", per_page=1))
    assert fake.urls()[-1] == f"{BASE}/locations/1-102"


def test_a_503_is_retried_on_list_pages_and_locations() -> None:
    scripted = {"/public/v1/locations": [503], "/public/v1/locations/1-101": [503]}
    fake = FakeApi(three_pages, scripted=scripted)
    sleeps: list[float] = []
    with make_api(fake, sleeps) as api:
        got = list(api.locations("Stoke-on-Trent", per_page=1))
    assert [type(g) for g in got] == [ApiLocation] * 3
    assert sleeps == [0.5, 0.5]
    assert len(fake.calls) == 8  # 3 pages + 3 locations + 2 retries


def test_a_listed_location_that_cannot_be_fetched_is_named_not_dropped() -> None:
    fake = FakeApi(lambda page: list_page(["1-101", "1-999"], page, 1))
    with make_api(fake) as api:
        got = list(api.locations("Stoke-on-Trent"))
    assert got[1] == ApiLocationFailure("1-999", f"{BASE}/locations/1-999", "HTTP 404", 404)


def test_more_pages_than_the_cap_is_an_error_before_fetching_them() -> None:
    fake = FakeApi(lambda page: list_page([f"1-{page}"], page, 500))
    with make_api(fake) as api, pytest.raises(ApiListingError, match="500 list pages"):
        api.list_locations("Stoke-on-Trent", per_page=1, max_pages=10)
    assert len(fake.calls) == 1


def test_full_pages_with_no_total_stop_at_the_cap() -> None:
    fake = FakeApi(lambda page: list_page([f"1-{page}"], page, None))
    with make_api(fake) as api, pytest.raises(ApiListingError, match="more than 4 list pages"):
        api.list_locations("Stoke-on-Trent", per_page=1, max_pages=4)
    assert len(fake.calls) == 4


def test_an_api_that_ignores_the_page_number_is_caught_not_looped() -> None:
    fake = FakeApi(lambda page: list_page(IDS[:1], None, 3))  # page 1, whatever is asked
    with make_api(fake) as api, pytest.raises(ApiListingError, match="repeats"):
        api.list_locations("Stoke-on-Trent", per_page=1)
    assert len(fake.calls) == 2
    fake = FakeApi(lambda page: list_page(IDS[:1], 1, 3))
    with make_api(fake) as api, pytest.raises(ApiListingError, match="asked for page 2"):
        api.list_locations("Stoke-on-Trent", per_page=1)


def test_a_list_page_that_is_not_json_is_an_error() -> None:
    fake = FakeApi(lambda page: b"<html>maintenance</html>")
    with make_api(fake) as api, pytest.raises(ApiListingError, match="not JSON"):
        api.list_locations("Stoke-on-Trent")


def test_the_key_never_reaches_the_archive(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    fake = FakeApi(three_pages, scripted={"/public/v1/locations/1-102": [503]})
    with (
        archive.writer("cqc-api-000001") as writer,
        make_api(fake, obey_robots=True, on_exchange=writer.write_exchange) as api,
    ):
        got = list(api.locations("Stoke-on-Trent", per_page=1))
        assert KEY not in repr(api.client)
    assert len(got) == 3
    written = b"".join(path.read_bytes() for path in (tmp_path / "warc").iterdir())
    stored = gzip.decompress((tmp_path / "warc" / "cqc-api-000001.warc.gz").read_bytes())
    assert KEY.encode() not in written and KEY.encode() not in stored
    # Every request was archived, the key's header among them, with its value redacted.
    redacted = f"{KEY_HEADER}: {REDACTED}".lower().encode()
    assert stored.lower().count(redacted) == len(fake.calls) == 8
    assert location_body("1-101") in stored
