"""Care locations from CQC's API into the warehouse (`pipeline.providers_api`), against
respx-mocked responses built from the API's schemas (tests/fixtures/cqc_api/)."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
import respx

from extract.cqc_api import ApiKeyRefusedError, MissingApiKeyError
from pipeline.providers_api import councils_named, ingest_providers_api
from pipeline.settings import Settings
from warehouse.db import connect

BASE = "https://api.test/public/v1"
KEY = "s3cret-subscription-key-for-the-test"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "cqc_api"


def list_page(ids: list[str]) -> dict[str, object]:
    return {
        "total": len(ids),
        "page": 1,
        "totalPages": 1,
        "perPage": 1000,
        "locations": [{"locationId": i, "locationName": i, "postalCode": "ST4 1AA"} for i in ids],
    }


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(
        db=tmp_path / "w.duckdb", archive=tmp_path / "raw", api_base_url=BASE, min_interval_s=0
    )


def mock_api(router: respx.MockRouter, ids: list[str]) -> respx.Route:
    router.get("https://api.test/robots.txt").respond(404, text="Resource not found")
    listed = router.get(f"{BASE}/locations").respond(json=list_page(ids))
    for location_id in ids:
        body = (FIXTURES / f"location_{location_id}.json").read_bytes()
        router.get(f"{BASE}/locations/{location_id}").respond(
            200, content=body, headers={"Content-Type": "application/json"}
        )
    return listed


def test_without_a_key_nothing_is_requested_and_no_run_starts(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CQC_API_KEY", raising=False)
    with respx.mock(assert_all_called=False) as router:
        route = router.route()
        with pytest.raises(MissingApiKeyError, match="CQC_API_KEY"):
            ingest_providers_api(settings, councils_named(["Stoke-on-Trent"]))
    assert route.call_count == 0
    assert not settings.db.exists()


def test_a_council_is_loaded_from_the_api_and_again_unchanged(settings: Settings) -> None:
    stoke = councils_named(["stoke"])
    with respx.mock() as router:
        listed = mock_api(router, ["1-101", "1-103"])
        summary = ingest_providers_api(settings, stoke, date(2026, 11, 1), api_key=KEY)
        assert listed.calls[0].request.url.params["localAuthority"] == "Stoke-on-Trent"
        assert listed.calls[0].request.headers["Ocp-Apim-Subscription-Key"] == KEY
        again = ingest_providers_api(settings, stoke, date(2026, 11, 1), api_key=KEY)
    (load,) = summary.loads
    # 1-103 is deregistered: listed, read, not an active location
    assert (load.kind, load.status, load.rows_read, load.rows_loaded) == ("api", "loaded", 2, 1)
    assert [load.status for load in again.loads] == ["unchanged"]
    with connect(settings.db, read_only=True) as conn:
        rows = conn.execute(
            "SELECT location_id, la_code, overall_rating, source, as_of_month FROM care_location"
        ).fetchall()
        source = conn.execute(
            "SELECT kind, part, rows_read, rows_loaded FROM care_source"
        ).fetchall()
        market = conn.execute("SELECT la_code, locations FROM council_care_market").fetchall()
    assert rows == [("1-101", "E06000021", "Good", "api", date(2026, 11, 1))]
    assert source == [("api", "E06000021", 2, 1)]
    assert market == [("E06000021", 1)]
    archived = b"".join(
        gzip.decompress(p.read_bytes()) for p in settings.archive.rglob("*.warc.gz")
    )
    assert archived.count(b"WARC-Type: response") == 2 * 4  # robots, list, 2 records; twice
    assert b"1-103" in archived and KEY.encode() not in archived


def test_a_refused_key_stops_the_run_and_never_prints_the_key(settings: Settings) -> None:
    with respx.mock() as router:
        router.get("https://api.test/robots.txt").respond(404)
        router.get(f"{BASE}/locations").respond(401, json={"statusCode": 401})
        with pytest.raises(ApiKeyRefusedError) as error:
            ingest_providers_api(settings, councils_named(["E06000021"]), api_key=KEY)
    assert KEY not in str(error.value)
    with connect(settings.db, read_only=True) as conn:
        status = conn.execute("SELECT mode, status FROM ingest_run").fetchall()
    assert status == [("providers", "failed")]
