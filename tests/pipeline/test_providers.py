"""Provider files loaded month by month (`pipeline.providers`): real files written by real
spreadsheet writers, loaded into a real DuckDB, the tables read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from extract.warc import WarcArchive
from mirror.provider_files import TEST_SCALE
from mirror.server import MirrorServer
from pipeline.providers import (
    MonthUnknownError,
    ProvidersStopError,
    import_provider_file,
    ingest_providers,
)
from pipeline.settings import Settings
from tests.transform.test_provider_files import ods_bytes, xlsx_bytes
from warehouse.db import connect

NOTICE = [
    ["Issues with our care directory files"],
    ["Read the notes before use."],
    [],
    [],
    [],
    [],
    [],
]
ACTIVE = [
    "Location ID", "Location Name", "Care home?", "Care homes beds", "Location Type/Sector",
    "Location Inspection Directorate", "Location Local Authority", "Location Region",
    "Location Latest Overall Rating", "Publication Date", "Dormant (Y/N)", "Provider ID",
    "Provider Name", "Brand Name", "Service type - Care home service with nursing",
    "Service type - Domiciliary care service",
]  # fmt: skip


def active_row(
    location: str, council: str, rating: str, beds: int | None = 20, *, care_home: str = "Y",
    directorate: str = "Adult social care", dormant: str = "N", nursing: str = "N",
) -> list[object]:  # fmt: skip
    home_care = "N" if care_home == "Y" else "Y"
    return [
        location, f"Home {location}", care_home, beds, "Social Care Org", directorate, council,
        "West Midlands", rating, "01/02/2025", dormant, "1-9", "Care Ltd", "-", nursing, home_care,
    ]  # fmt: skip


SEPT_2025 = [
    active_row("1-1", "Stoke-on-Trent", "Good", 40, nursing="Y"),
    active_row("1-2", "Stoke-on-Trent", "Inadequate", 10),
    active_row("1-3", "Stoke-on-Trent", "Not rated", None, care_home="N"),
    active_row("1-4", "Staffordshire", "Outstanding", 30),
    active_row("1-5", "Staffordshire", "Requires improvement", 50),
    active_row("1-6", "Staffordshire", "Good", 5, dormant="Y"),
    active_row("1-7", "Staffordshire", "Good", None, directorate="Primary medical services"),
    active_row("1-8", "Narnia", "Good", 12),
    active_row("1-9", "Narnia", "Good", 12),
]
SEPT_2026 = [
    active_row("1-1", "Stoke-on-Trent", "Good", 40, nursing="Y"),
    active_row("1-2", "Stoke-on-Trent", "Good", 10),
    active_row("1-4", "Staffordshire", "Outstanding", 30),
    active_row("1-5", "Staffordshire", "Requires improvement", 50),
]


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "w.duckdb", archive=tmp_path / "raw")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ("care_location", "care_location_rating", "care_source", "council_care_market",
              "parse_issue")  # fmt: skip
    with connect(db, read_only=True) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def test_a_month_loads_every_row_and_the_market_is_counted(
    settings: Settings, tmp_path: Path
) -> None:
    path = write(tmp_path, "01_September_2025_HSCA_Active_Locations.xlsx",
                 xlsx_bytes([*NOTICE, ACTIVE, *SEPT_2025]))  # fmt: skip
    summary = import_provider_file(settings, path)
    (load,) = summary.loads
    assert (load.kind, load.status, load.month) == ("active_locations", "loaded", date(2025, 9, 1))
    assert (load.rows_read, load.rows_loaded) == (9, 9)  # Narnia's rows are kept
    assert [s.line for s in load.issues] == [
        "council 'Narnia' is none of the 153: 2 rows (1-8, 1-9), kept, that value left empty"
    ]
    assert summary.councils == 2
    with connect(settings.db, read_only=True) as conn:
        market = conn.execute(
            "SELECT la_code, locations, care_homes, care_home_beds, nursing_homes, "
            "home_care_locations, dormant_locations, rated, inadequate, not_rated, "
            "good_or_outstanding_pct, beds_good_or_outstanding_pct, "
            "region_good_or_outstanding_pct, england_good_or_outstanding_pct, "
            "good_or_outstanding_pct_12m_change FROM council_care_market ORDER BY la_code"
        ).fetchall()
        issue = conn.execute("SELECT slug, la_name, stage, blocking FROM parse_issue").fetchall()
        source = conn.execute(
            "SELECT kind, file_format, header_row, rows_read, rows_loaded, issues FROM care_source"
        ).fetchall()
        unmatched = conn.execute(
            "SELECT count(*) FROM care_location WHERE la_code IS NULL AND la_name_cqc = 'Narnia'"
        ).fetchone()
    # Stoke (E06000021): 3 locations, 2 rated (1 good), beds 40 of 50 good. Staffordshire
    # (E10000028): 1-6 dormant, 1-7 no adult social care; 2 rated (1 outstanding).
    assert market == [
        ("E06000021", 3, 2, 50, 1, 1, 0, 2, 1, 1, 50.0, 80.0, 50.0, 50.0, None),
        ("E10000028", 2, 2, 80, 0, 0, 1, 2, 0, 0, 50.0, 37.5, 50.0, 50.0, None),
    ]
    assert issue == [("providers:2025-09:active_locations", "Narnia", "match", False)]
    assert source == [("active_locations", "xlsx", 8, 9, 9, 2)]
    assert unmatched == (2,)


def test_the_same_month_again_changes_no_table_and_a_second_month_adds_history(
    settings: Settings, tmp_path: Path
) -> None:
    first = write(tmp_path, "01_September_2025_HSCA_Active_Locations.ods",
                  ods_bytes([*NOTICE, ACTIVE, *SEPT_2025]))  # fmt: skip
    import_provider_file(settings, first)
    before = snapshot(settings.db)
    again = import_provider_file(settings, first)
    assert [load.status for load in again.loads] == ["unchanged"]
    assert snapshot(settings.db) == before

    second = write(tmp_path, "September 2026 active locations.ods",
                   ods_bytes([*NOTICE, ACTIVE, *SEPT_2026]))  # fmt: skip
    import_provider_file(settings, second)
    with connect(settings.db, read_only=True) as conn:
        months = conn.execute(
            "SELECT as_of_month, count(*) FROM care_location GROUP BY ALL ORDER BY 1"
        ).fetchall()
        change = conn.execute(
            "SELECT la_code, good_or_outstanding_pct, good_or_outstanding_pct_12m_change, "
            "beds_good_or_outstanding_pct_12m_change FROM council_care_market "
            "WHERE as_of_month = DATE '2026-09-01' ORDER BY la_code"
        ).fetchall()
        issues = conn.execute("SELECT slug FROM parse_issue ORDER BY slug").fetchall()
    assert months == [(date(2025, 9, 1), 9), (date(2026, 9, 1), 4)]
    assert change == [("E06000021", 100.0, 50.0, 20.0), ("E10000028", 50.0, 0.0, 0.0)]
    assert issues == [("providers:2025-09:active_locations",)]  # 2026-09 matched every council


def test_a_renamed_column_is_one_error_naming_it_and_the_month_stays(
    settings: Settings, tmp_path: Path
) -> None:
    good = write(tmp_path, "01_September_2025_HSCA_Active_Locations.xlsx",
                 xlsx_bytes([*NOTICE, ACTIVE, *SEPT_2025]))  # fmt: skip
    import_provider_file(settings, good)
    before = snapshot(settings.db)
    renamed = [("Local Authority" if c == "Location Local Authority" else c) for c in ACTIVE]
    bad = write(tmp_path, "01_September_2025_HSCA_Active_Locations_v2.xlsx",
                xlsx_bytes([*NOTICE, renamed, *SEPT_2026]))  # fmt: skip
    (load,) = import_provider_file(settings, bad).loads
    assert load.status == "failed"
    assert load.error is not None
    assert "lacks the active locations column 'Location Local Authority'" in load.error
    assert snapshot(settings.db) == before


def test_the_ratings_file_loads_long_and_gives_each_location_its_inherited_flag(
    settings: Settings, tmp_path: Path
) -> None:
    import_provider_file(settings, write(tmp_path, "01_September_2025_HSCA_Active_Locations.xlsx",
                                         xlsx_bytes([*NOTICE, ACTIVE, *SEPT_2025])))  # fmt: skip
    header = ["Location ID", "Location Name", "Care Home?", "Location Type",
              "Location Local Authority", "Location Region", "Service / Population Group",
              "Domain", "Latest Rating", "Publication Date", "Inherited Rating (Y/N)",
              "Provider ID", "Provider Name"]  # fmt: skip
    rows = [
        ["1-1", "Home 1-1", "Y", "Social Care Org", "Stoke-on-Trent", "West Midlands", "Overall",
         "Overall", "Good", "01/02/2025", "Y", "1-9", "Care Ltd"],
        ["1-1", "Home 1-1", "Y", "Social Care Org", "Stoke-on-Trent", "West Midlands", "Overall",
         "Safe", "Requires improvement", "01/02/2025", "N", "1-9", "Care Ltd"],
        ["1-1", "Home 1-1", "Y", "Social Care Org", "Stoke-on-Trent", "West Midlands", "Overall",
         "Safe", "Good", "01/02/2025", "N", "1-9", "Care Ltd"],  # the same key again: first kept
        ["1-2", "Home 1-2", "Y", "Social Care Org", "Stoke-on-Trent", "West Midlands", "Overall",
         "Overall", "Splendid", "01/02/2025", "N", "1-9", "Care Ltd"],
    ]  # fmt: skip
    path = write(tmp_path, "01_September_2025_Latest_ratings.ods", ods_bytes([header, *rows]))
    (load,) = import_provider_file(settings, path).loads
    assert (load.kind, load.rows_read, load.rows_loaded) == ("latest_ratings", 4, 3)
    assert [s.kind for s in load.issues] == ["rating"]
    with connect(settings.db, read_only=True) as conn:
        ratings = conn.execute(
            "SELECT location_id, key_question, rating, rating_published, inherited "
            "FROM care_location_rating ORDER BY ALL"
        ).fetchall()
        inherited = conn.execute(
            "SELECT location_id, inherited FROM care_location WHERE location_id IN ('1-1', '1-2') "
            "ORDER BY 1"
        ).fetchall()
    assert ratings == [
        ("1-1", "Overall", "Good", "Good", True),
        ("1-1", "Safe", "Requires improvement", "Requires improvement", False),
        ("1-2", "Overall", None, "Splendid", False),
    ]
    assert inherited == [("1-1", True), ("1-2", False)]


def test_a_file_whose_name_names_no_month_needs_one(settings: Settings, tmp_path: Path) -> None:
    path = write(tmp_path, "locations.xlsx", xlsx_bytes([*NOTICE, ACTIVE, *SEPT_2025]))
    with pytest.raises(MonthUnknownError, match="--month YYYY-MM"):
        import_provider_file(settings, path)
    assert not settings.db.exists()
    summary = import_provider_file(settings, path, month=date(2024, 3, 1))
    assert [load.status for load in summary.loads] == ["loaded"]


def test_the_tables_open_in_a_fresh_warehouse(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "x.duckdb"))
    from warehouse.db import init_schema

    init_schema(conn)
    assert conn.execute("SELECT count(*) FROM council_care_market").fetchone() == (0,)


# ---- against the mirror: the page, the links, conditional requests ----------------------


@pytest.fixture()
def mirror(tmp_path: Path) -> Iterator[MirrorServer]:
    with MirrorServer(provider_scale=TEST_SCALE, provider_cache_dir=tmp_path / "cache") as m:
        yield m


@pytest.mark.e2e  # the mirror over HTTP
def test_the_newest_month_is_found_by_link_and_a_second_run_costs_304s(
    mirror: MirrorServer, tmp_path: Path
) -> None:
    settings = Settings(
        base_url=mirror.base_url, db=tmp_path / "w.duckdb", archive=tmp_path / "raw",
        min_interval_s=0,
    )  # fmt: skip
    first = ingest_providers(settings)
    assert first.month == date(2026, 9, 1)
    assert [(load.kind, load.status) for load in first.loads] == [
        ("active_locations", "loaded"),
        ("latest_ratings", "loaded"),
    ]
    assert [link.kind for link in first.set_aside] == ["deactivated_locations"]
    before = snapshot(settings.db)

    second = ingest_providers(settings)
    assert [load.status for load in second.loads] == ["unchanged", "unchanged"]
    assert [(f.status, f.not_modified) for f in second.fetches] == [(304, True)] * 3
    assert snapshot(settings.db) == before

    older = ingest_providers(settings, date(2025, 9, 1))
    assert [load.status for load in older.loads] == ["loaded", "loaded"]
    with connect(settings.db, read_only=True) as conn:
        changes = conn.execute(
            "SELECT count(*), count(good_or_outstanding_pct_12m_change) FROM council_care_market "
            "WHERE as_of_month = DATE '2026-09-01'"
        ).fetchone()
        runs = conn.execute(
            "SELECT mode, pages_fetched, pages_not_modified FROM ingest_run ORDER BY run_id"
        ).fetchall()
    assert changes is not None and changes[1] > 0  # the 2025 month gave 2026 its change
    # the third: the page is unchanged (304), the older month's two files are new
    assert runs == [("providers", 3, 0), ("providers", 0, 3), ("providers", 2, 1)]


@pytest.mark.e2e  # the mirror over HTTP
def test_a_month_the_page_does_not_link_stops_the_run_naming_what_it_links(
    mirror: MirrorServer, tmp_path: Path
) -> None:
    settings = Settings(
        base_url=mirror.base_url, db=tmp_path / "w.duckdb", archive=tmp_path / "raw",
        min_interval_s=0,
    )  # fmt: skip
    with pytest.raises(
        ProvidersStopError, match=r"no file for 2024-09 \(it links 2025-09, 2026-09\)"
    ):
        ingest_providers(settings, date(2024, 9, 1))


@pytest.mark.e2e  # the mirror over HTTP
def test_a_month_served_with_a_renamed_column_is_named_kept_in_the_archive_and_loads_nothing(
    tmp_path: Path,
) -> None:
    renamed = {"Location Local Authority": "Local Authority Name"}
    settings = Settings(db=tmp_path / "w.duckdb", archive=tmp_path / "raw", min_interval_s=0)
    with MirrorServer(provider_scale=TEST_SCALE, provider_renamed=renamed) as mirror:
        summary = ingest_providers(settings.with_overrides(base_url=mirror.base_url))
    assert [load.status for load in summary.failed] == ["failed", "failed"]
    for load in summary.loads:
        assert load.error is not None and "column 'Location Local Authority'" in load.error
    with connect(settings.db, read_only=True) as conn:
        tables = conn.execute(
            "SELECT (SELECT count(*) FROM care_location), (SELECT count(*) FROM care_source)"
        ).fetchone()
    assert tables == (0, 0)
    archived = WarcArchive(settings.archive)
    kept = [
        archived.read(e.sha256)
        for e in archived.entries()
        if e.record_type == "response" and e.url.endswith(".ods") and e.sha256
    ]
    assert len(kept) == 2 and all(body.startswith(b"PK") for body in kept)  # kept to look at


def test_a_deactivated_locations_file_is_told_apart_and_never_loaded(
    settings: Settings, tmp_path: Path
) -> None:
    # CQC's deactivated register may carry every active-locations column, and more
    header = [*ACTIVE, "Location Status", "Location HSCA End Date"]
    rows = [[*row, "Deactivated", "01/06/2025"] for row in SEPT_2025]
    path = write(tmp_path, "01_September_2025_Deactivated_Locations.xlsx",
                 xlsx_bytes([header, *rows]))  # fmt: skip
    (load,) = import_provider_file(settings, path).loads
    assert load.status == "failed"
    assert load.error is not None and "a deactivated-locations file" in load.error
    with connect(settings.db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM care_location").fetchone() == (0,)
