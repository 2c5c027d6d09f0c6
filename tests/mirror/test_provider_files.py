"""The mirror's CQC provider files (mirror/provider_files.py): deterministic, laid out as the
site notes describe, consistent between files and months, and served with the page that
links them. All at TEST_SCALE (a few thousand ratings rows)."""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from python_calamine import CalamineWorkbook

from mirror import provider_files
from mirror.provider_files import (
    ACTIVE_COLUMNS,
    DEACTIVATED_COLUMNS,
    LATEST_MONTH,
    OUTSIDE_ENGLAND,
    PROVIDER_FILES,
    PROVIDER_MONTHS,
    RATINGS_COLUMNS,
    TEST_SCALE,
    USING_CQC_DATA_PATH,
    ProviderFileName,
    ProviderMonth,
    build_register,
    council_name,
    provider_file_bytes,
)
from mirror.server import MirrorServer
from transform.care_locations import read_locations
from transform.councils import load_councils, match_council
from transform.provider_files import (
    ACTIVE_LOCATIONS,
    LATEST_RATINGS,
    Cell,
    ProviderFileError,
    read_provider_file,
)

EARLIER_MONTH = PROVIDER_MONTHS[1]
Rows = list[dict[str, Cell]]


@pytest.fixture(scope="module")
def files() -> dict[tuple[ProviderMonth, ProviderFileName], bytes]:
    return {
        (month, name): provider_file_bytes(month, name, TEST_SCALE)
        for month in PROVIDER_MONTHS
        for name in PROVIDER_FILES
    }


@pytest.fixture(scope="module")
def active(files: dict[tuple[ProviderMonth, ProviderFileName], bytes]) -> dict[ProviderMonth, Rows]:
    return {
        month: list(
            read_provider_file(
                files[month, "HSCA_Active_Locations"], "active", ACTIVE_LOCATIONS
            ).rows
        )
        for month in PROVIDER_MONTHS
    }


@pytest.fixture(scope="module")
def ratings(
    files: dict[tuple[ProviderMonth, ProviderFileName], bytes],
) -> dict[ProviderMonth, Rows]:
    return {
        month: list(
            read_provider_file(files[month, "Latest_ratings"], "ratings", LATEST_RATINGS).rows
        )
        for month in PROVIDER_MONTHS
    }


def sheet_rows(data: bytes) -> list[list[Cell]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [list(row) for row in book.get_sheet_by_name(book.sheet_names[0]).to_python()]


def test_generation_is_deterministic(
    files: dict[tuple[ProviderMonth, ProviderFileName], bytes],
) -> None:
    build_register.cache_clear()  # generate the register again, not only the files
    for (month, name), data in files.items():
        assert provider_file_bytes(month, name, TEST_SCALE) == data, (month, name)


def test_the_files_are_opendocument_zips(
    files: dict[tuple[ProviderMonth, ProviderFileName], bytes],
) -> None:
    for data in files.values():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            first, *rest = archive.infolist()
            assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
            assert {info.filename for info in rest} == {"META-INF/manifest.xml", "content.xml"}
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert data[30:38] == b"mimetype"  # the first local header names it, as ODF asks


def test_active_file_header_on_row_8_below_the_notice(
    files: dict[tuple[ProviderMonth, ProviderFileName], bytes],
) -> None:
    data = files[LATEST_MONTH, "HSCA_Active_Locations"]
    rows = sheet_rows(data)
    assert rows[7] == list(ACTIVE_COLUMNS)
    notice = " ".join(str(cell) for row in rows[:7] for cell in row)
    assert "Issues with our care directory files" in notice and '"Not Rated"' in notice
    table = read_provider_file(data, "active", ACTIVE_LOCATIONS)
    assert (table.sheet, table.header_row) == ("HSCA_Active_Locations", 8)
    earlier = read_provider_file(
        files[EARLIER_MONTH, "HSCA_Active_Locations"], "a", ACTIVE_LOCATIONS
    )
    assert earlier.header_row == 6  # a shorter notice a year before


def test_ratings_and_deactivated_headers_on_row_1(
    files: dict[tuple[ProviderMonth, ProviderFileName], bytes],
) -> None:
    for month in PROVIDER_MONTHS:
        table = read_provider_file(files[month, "Latest_ratings"], "ratings", LATEST_RATINGS)
        assert (table.sheet, table.header_row, table.columns) == (
            "Locations",
            1,
            list(RATINGS_COLUMNS),
        )
        assert len(RATINGS_COLUMNS) == 28
        deactivated = sheet_rows(files[month, "Deactivated_Locations"])
        assert deactivated[0] == list(DEACTIVATED_COLUMNS) and len(deactivated) > 1


def test_every_council_name_maps_but_the_one_outside_england(
    active: dict[ProviderMonth, Rows],
) -> None:
    register = build_register(TEST_SCALE)
    by_id = {location.location_id: location for location in register.locations}
    assert {loc.council.la_code for loc in register.locations if loc.council} == {
        c.la_code for c in load_councils()
    }
    for month, rows in active.items():
        outside = [row for row in rows if row["Location Local Authority"] == OUTSIDE_ENGLAND]
        assert len(outside) == 1, month
        for row in rows:
            location = by_id[str(row["Location ID"])]
            name = str(row["Location Local Authority"])
            assert name == council_name(location, month)
            if location.council is not None:
                assert match_council(name).la_code == location.council.la_code, name
        locations, issues = read_locations(rows)  # the pipeline's reading of the rows
        assert [loc.la_name_cqc for loc in locations if loc.la_code is None] == [OUTSIDE_ENGLAND]
        assert [str(issue) for issue in issues if OUTSIDE_ENGLAND in str(issue)]
    forms = {str(row["Location Local Authority"]) for rows in active.values() for row in rows}
    assert {"Bristol", "Bristol, City of", "Hull", "Kingston upon Hull, City of"} <= forms


def test_ratings_file_agrees_with_the_active_file(
    active: dict[ProviderMonth, Rows], ratings: dict[ProviderMonth, Rows]
) -> None:
    for month in PROVIDER_MONTHS:
        by_location: dict[str, Rows] = defaultdict(list)
        for row in ratings[month]:
            by_location[str(row["Location ID"])].append(row)
        listed = {str(row["Location ID"]): row for row in active[month]}
        assert set(by_location) <= set(listed)
        for location_id, row in listed.items():
            rated = by_location.get(location_id, [])
            word = row["Location Latest Overall Rating"]
            if word is None:
                assert not rated, location_id
                continue
            for rating in rated:
                for column in ("Location Local Authority", "Provider ID", "Location Name"):
                    assert rating[column] == row[column], (location_id, column)
            overall = [
                r
                for r in rated
                if (r["Service / Population Group"], r["Domain"]) == ("Overall", "Overall")
            ]
            if word == "Not Rated":  # rated per service: one group per service it provides
                assert not overall
                groups = {str(r["Service / Population Group"]) for r in rated}
                services = {
                    c.removeprefix("Service type - ")
                    for c, v in row.items()
                    if c.startswith("Service type - ") and v == "Y"
                }
                assert groups == services and len(groups) > 1, location_id
            else:
                assert [r["Latest Rating"] for r in overall] == [word], location_id
            assert {r["Domain"] for r in rated} <= set(provider_files.DOMAINS)
    assert 2000 < len(ratings[LATEST_MONTH]) < 6000  # "a few thousand" at TEST_SCALE


def test_a_year_changes_the_register(
    active: dict[ProviderMonth, Rows], files: dict[tuple[ProviderMonth, ProviderFileName], bytes]
) -> None:
    before = {str(r["Location ID"]): r for r in active[EARLIER_MONTH]}
    after = {str(r["Location ID"]): r for r in active[LATEST_MONTH]}
    removed, added = set(before) - set(after), set(after) - set(before)
    assert removed and added
    changed = [
        i
        for i in set(before) & set(after)
        if before[i]["Location Latest Overall Rating"] != after[i]["Location Latest Overall Rating"]
    ]
    assert len(changed) > 10
    deactivated = sheet_rows(files[LATEST_MONTH, "Deactivated_Locations"])[1:]
    assert {str(row[0]) for row in deactivated} == removed


def test_dates_as_text_then_as_date_cells(active: dict[ProviderMonth, Rows]) -> None:
    earlier = {type(r["Publication Date"]).__name__ for r in active[EARLIER_MONTH]}
    latest = {type(r["Publication Date"]).__name__ for r in active[LATEST_MONTH]}
    assert earlier == {"str", "NoneType"} and latest == {"date", "NoneType"}
    assert all(
        re.fullmatch(r"\d\d/\d\d/\d{4}", str(r["Publication Date"]))
        for r in active[EARLIER_MONTH]
        if r["Publication Date"]
    )


def test_renamed_column_variant_lacks_the_column() -> None:
    renamed = {"Location Local Authority": "Local Authority Name"}
    data = provider_file_bytes(LATEST_MONTH, "HSCA_Active_Locations", TEST_SCALE, renamed=renamed)
    header = sheet_rows(data)[7]
    assert "Local Authority Name" in header and "Location Local Authority" not in header
    with pytest.raises(ProviderFileError, match="'Location Local Authority'"):
        read_provider_file(data, "renamed", ACTIVE_LOCATIONS)


# ---------------------------------------------------------------- served


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("provider-cache")


@pytest.fixture(scope="module")
def server(cache_dir: Path) -> Iterator[MirrorServer]:
    with MirrorServer(provider_scale=TEST_SCALE, provider_cache_dir=cache_dir) as mirror:
        yield mirror


def test_the_page_links_every_month_newest_first(server: MirrorServer) -> None:
    page = httpx.get(server.base_url + USING_CQC_DATA_PATH, timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    hrefs = re.findall(r'href="([^"]+)"', page.text)
    ods = [href for href in hrefs if href.endswith(".ods")]
    assert ods == [month.file_url(name) for month in PROVIDER_MONTHS for name in PROVIDER_FILES]
    assert ods[0] == "/system/files/2026-09/01_September_2026_HSCA_Active_Locations.ods"
    assert any(href.endswith(".pdf") for href in hrefs)
    assert "/care-services/local-authority-assessment-reports" in hrefs
    assert page.headers["last-modified"] == "Wed, 02 Sep 2026 00:00:00 GMT"


def test_the_page_is_the_same_in_both_skins(server: MirrorServer, cache_dir: Path) -> None:
    with MirrorServer(
        skin="drupal", provider_scale=TEST_SCALE, provider_cache_dir=cache_dir
    ) as drupal:
        other = httpx.get(drupal.base_url + USING_CQC_DATA_PATH, timeout=10)
    assert other.content == httpx.get(server.base_url + USING_CQC_DATA_PATH, timeout=10).content


def test_files_served_200_then_304(
    server: MirrorServer, files: dict[tuple[ProviderMonth, ProviderFileName], bytes]
) -> None:
    url = server.base_url + LATEST_MONTH.file_url("Latest_ratings")
    first = httpx.get(url, timeout=30)
    assert first.status_code == 200
    assert first.content == files[LATEST_MONTH, "Latest_ratings"]
    assert first.headers["content-type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert first.headers["last-modified"] == "Tue, 01 Sep 2026 08:00:00 GMT"
    etag = first.headers["etag"]
    again = httpx.get(url, headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    since = httpx.get(
        url, headers={"If-Modified-Since": first.headers["last-modified"]}, timeout=10
    )
    assert since.status_code == 304
    head = httpx.head(server.base_url + EARLIER_MONTH.file_url("Deactivated_Locations"), timeout=10)
    assert head.status_code == 200 and int(head.headers["content-length"]) > 0
    missing = "/system/files/2026-09/01_September_2026_Something_else.ods"
    assert httpx.get(server.base_url + missing, timeout=10).status_code == 404


def test_a_second_server_reads_the_disk_cache(
    server: MirrorServer, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = EARLIER_MONTH.file_url("HSCA_Active_Locations")
    served = httpx.get(server.base_url + path, timeout=10).content

    def no_generation(*args: object, **kwargs: object) -> None:
        raise AssertionError("generated again despite the cache")

    monkeypatch.setattr(provider_files, "write_provider_file", no_generation)
    with MirrorServer(provider_scale=TEST_SCALE, provider_cache_dir=cache_dir) as second:
        assert httpx.get(second.base_url + path, timeout=10).content == served
