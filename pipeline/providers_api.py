"""Care locations from CQC's public API, council by council (`cqc providers ingest --api`).

The second source beside the monthly files (`pipeline.providers`): for each council the
API's list of its locations, then each location's record (`extract.cqc_api.CqcApi`: the same
politeness, retries and archive as the site, the key never archived), read into the same
`CareLocation` records (`transform.api_locations`) and loaded as of the month the run falls
in (or `month`), replacing only that council's rows of the month. A council costs one
request per location (the list is one or two pages), so a whole-England fetch at the polite
interval takes hours: the monthly files stay the bulk source, the API the way to refresh a
few councils between them. The key is checked before anything starts: without it, one
clear error and no request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime

import duckdb

from extract.cqc_api import (
    DEFAULT_PER_PAGE,
    ApiLocation,
    ApiLocationFailure,
    CqcApi,
    api_key_from_env,
)
from extract.http import FetchError
from pipeline.providers import FileLoad, ProvidersSummary, log_load, record_load
from pipeline.run import Run, open_run
from pipeline.settings import Settings
from transform.api_locations import read_api_locations
from transform.care_locations import LocationIssue, summarise_issues
from transform.councils import Council, load_councils, match_council
from warehouse.care_market import (
    CareSource,
    held_source,
    replace_locations,
)
from warehouse.load import transaction


def councils_named(names: Sequence[str]) -> list[Council]:
    """The councils named (by ONS code or any name `match_council` knows), every one of the
    153 when none is named; UnknownCouncilError naming the first that matches none."""
    councils = load_councils()
    if not names:
        return list(councils)
    by_code = {council.la_code: council for council in councils}
    chosen = []
    for name in names:
        council = by_code.get(name.strip().upper()) or match_council(name)
        chosen.append(council)
    return list(dict.fromkeys(chosen))


def ingest_providers_api(
    settings: Settings,
    councils: Sequence[Council],
    month: date | None = None,
    *,
    api_key: str | None = None,
) -> ProvidersSummary:
    """Fetch and load each council's locations from the API. MissingApiKeyError (no
    request, no run) when there is no key."""
    key = api_key if api_key is not None else api_key_from_env()
    as_of = month or datetime.now(UTC).date().replace(day=1)
    with open_run(settings, "providers") as run:
        assert run.writer is not None
        with CqcApi(
            key,
            base_url=settings.api_base_url,
            on_exchange=run.writer.write_exchange,
            min_interval_s=settings.min_interval_s,
            obey_robots=settings.obey_robots,
        ) as api:
            loads = [_council(run, api, council, as_of) for council in councils]
            requests = api.client.request_log
        run.record(
            {
                "pages_fetched": sum(1 for r in requests if r.status == 200),
                "pages_failed": sum(1 for r in requests if r.error is not None),
                "bytes_fetched": sum(r.bytes for r in requests),
            }
        )
        row = run.conn.execute(
            "SELECT count(*) FROM council_care_market WHERE as_of_month = ?", [as_of]
        ).fetchone()
        return ProvidersSummary(run.run_id, as_of, loads, councils=int(row[0]) if row else 0)


def _council(run: Run, api: CqcApi, council: Council, month: date) -> FileLoad:
    """One council's locations, loaded in one transaction (or a failed load naming why)."""
    name = _name_cqc_uses(run.conn, council)
    url = api.list_url(name, 1, DEFAULT_PER_PAGE)
    try:
        fetched = list(api.locations(name))
    except FetchError as exc:  # the list could not be read: this council only
        load = FileLoad("api", month, url, "failed", error=f"{council.name}: {exc.reason}")
        log_load(run, load)
        return load
    records = [item for item in fetched if isinstance(item, ApiLocation)]
    reading = read_api_locations((r.location_id, r.body) for r in records)
    issues: list[LocationIssue] = list(reading.issues)
    issues += [
        LocationIssue(f.location_id, f"its record could not be fetched: {f.reason}", "missing")
        for f in fetched
        if isinstance(f, ApiLocationFailure)
    ]
    digest = hashlib.sha256(b"".join(r.body for r in records)).hexdigest()
    fetched_all = len(records) == len(fetched)  # a record that failed is tried again
    if fetched_all and held_source(run.conn, month, "api", council.la_code) == digest:
        return FileLoad("api", month, url, "unchanged")
    summaries = summarise_issues(issues)
    with transaction(run.conn):
        loaded = replace_locations(
            run.conn,
            month,
            reading.locations,
            source="api",
            source_url=url,
            councils=[council.la_code],
        )
        record_load(
            run.conn,
            CareSource(
                month,
                "api",
                council.la_code,
                url,
                digest,
                "json",
                None,
                None,
                len(fetched),
                loaded,
                len(issues),
                run.run_id,
            ),
            summaries,
        )
    load = FileLoad("api", month, url, "loaded", len(fetched), loaded, tuple(summaries))
    log_load(run, load)
    return load


def _name_cqc_uses(conn: duckdb.DuckDBPyConnection, council: Council) -> str:
    """The council's name as CQC's own files last wrote it (the API filters by CQC's name),
    else its ONS name."""
    row = conn.execute(
        "SELECT la_name_cqc FROM care_location WHERE la_code = ? "
        "GROUP BY ALL ORDER BY max(as_of_month) DESC, count(*) DESC, 1 LIMIT 1",
        [council.la_code],
    ).fetchone()
    return str(row[0]) if row else council.name
