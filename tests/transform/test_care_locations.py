"""Active-locations rows as typed care locations (`transform.care_locations`), read from files
written by real writers through `transform.provider_files`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.transform.test_provider_files import ods_bytes, xlsx_bytes
from transform.care_locations import CareLocation, LocationIssue, read_locations
from transform.provider_files import ACTIVE_LOCATIONS, read_provider_file

HEADER = [
    "Location ID", "Location Name", "Care home?", "Care homes beds", "Location Type/Sector",
    "Location Local Authority", "Location Region", "Location Latest Overall Rating",
    "Publication Date", "Dormant (Y/N)", "Provider ID", "Provider Name", "Brand Name",
    "Service type - Care home service with nursing", "Service type - Domiciliary care service",
    "Service user band - Older People", "Service user band - Dementia",
]  # fmt: skip
GOOD_ROWS = [
    ["1-101", "Trentside House", "Y", 42, "Social Care Org", "Stoke-on-Trent", "West Midlands",
     "Good", "12/03/2025", "N", "1-9", "Trentside Care Ltd", "-", "Y", "N", "Y", "Y"],
    ["1-102", "Moorlands Home Care", "N", None, "Social Care Org", "Staffordshire",
     "West Midlands", "Not rated yet", None, "Y", "1-8", "Moorlands Ltd", "BRAND Moor", "N", "Y",
     "Y", "N"],
    ["1-103", "Wear Valley Court", "Y", "30", "Social Care Org", "County Durham", "North East",
     "Requires improvement", "2024-07-01", "N", "1-7", "Wear Care", None, "Y", "N", "N", "N"],
]  # fmt: skip
BAD_ROWS = [
    ["1-201", "Nowhere House", "Y", 10, "Social Care Org", "Narnia", "North East", "Good",
     "01/01/2025", "N", "1-6", "Far Care", "-", "Y", "N", "N", "N"],
    ["1-202", "Odd House", "Y", 10, "Social Care Org", "Durham", "North East", "Excellent",
     "01/01/2025", "N", "1-6", "Odd Care", "-", "Y", "N", "N", "N"],
    ["1-203", "Half House", "Y", "ten", "Social Care Org", "Durham", "North East", "Good",
     "01/01/2025", "N", "1-6", "Half Care", "-", "Y", "N", "N", "N"],
    ["1-204", "Late House", "Y", 10, "Social Care Org", "Durham", "North East", "Good",
     "next week", "N", "1-6", "Late Care", "-", "Y", "N", "N", "N"],
]  # fmt: skip


@pytest.mark.parametrize("make", [xlsx_bytes, ods_bytes], ids=["xlsx", "ods"])
def test_active_locations_rows_become_locations_and_the_rest_issues(
    make: Callable[[list[list[object]]], bytes],
) -> None:
    table = read_provider_file(make([HEADER, *GOOD_ROWS, *BAD_ROWS]), "active", ACTIVE_LOCATIONS)
    locations, issues = read_locations(table.rows)
    assert locations[0] == CareLocation(
        location_id="1-101",
        location_name="Trentside House",
        provider_id="1-9",
        provider_name="Trentside Care Ltd",
        brand_name=None,
        la_name_cqc="Stoke-on-Trent",
        la_code="E06000021",
        location_type="Social Care Org",
        care_home=True,
        beds=42,
        service_types=("Care home service with nursing",),
        user_bands=("Older People", "Dementia"),
        dormant=False,
        overall_rating="Good",
        rated_on=date(2025, 3, 12),
        overall_rating_published="Good",
    )
    moorlands, wear = locations[1], locations[2]
    assert (moorlands.beds, moorlands.overall_rating, moorlands.rated_on) == (
        None,
        "Not rated",
        None,
    )
    assert (moorlands.dormant, moorlands.brand_name) == (True, "BRAND Moor")
    assert moorlands.service_types == ("Domiciliary care service",)
    assert (wear.la_code, wear.beds, wear.rated_on) == ("E06000047", 30, date(2024, 7, 1))
    assert issues == [
        LocationIssue("1-201", "council 'Narnia' is none of the 153", "council", "Narnia"),
        LocationIssue("1-202", "rating 'Excellent' is none CQC uses", "rating", "Excellent"),
        LocationIssue("1-203", "'Care homes beds' is 'ten', not a whole number", "value", "ten"),
        LocationIssue(
            "1-204", "'Publication Date' is 'next week', not a date", "value", "next week"
        ),
    ]
    # No row is dropped: each keeps what could be read, the field at fault left empty.
    kept = {location.location_id: location for location in locations[3:]}
    assert list(kept) == ["1-201", "1-202", "1-203", "1-204"]
    assert (kept["1-201"].la_code, kept["1-201"].la_name_cqc) == (None, "Narnia")
    assert (kept["1-202"].overall_rating, kept["1-202"].overall_rating_published) == (
        None,
        "Excellent",
    )
    assert (kept["1-203"].beds, kept["1-203"].la_code) == (None, "E06000047")
    assert (kept["1-204"].rated_on, kept["1-204"].overall_rating) == (None, "Good")
    assert all(location.adult_social_care for location in locations)


def test_a_row_without_its_identity_is_an_issue_not_a_location() -> None:
    row = dict(zip(HEADER, GOOD_ROWS[0], strict=True)) | {"Provider ID": None}
    locations, issues = read_locations([row])
    assert locations == []
    assert issues == [LocationIssue("1-101", "'Provider ID' is empty", "missing")]


def test_the_market_is_adult_social_care_by_directorate_else_by_type() -> None:
    row = dict(zip(HEADER, GOOD_ROWS[0], strict=True))
    (gp,), _ = read_locations([row | {"Location Type/Sector": "Primary Medical Services"}])
    assert not gp.adult_social_care
    directorate = {"Location Inspection Directorate": "Adult social care"}
    (named,), _ = read_locations([row | {"Location Type/Sector": "Other"} | directorate])
    assert named.adult_social_care and named.inspection_directorate == "Adult social care"
