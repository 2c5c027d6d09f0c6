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
        LocationIssue("1-201", "council 'Narnia' is none of the 153"),
        LocationIssue("1-202", "rating 'Excellent' is none CQC uses"),
        LocationIssue("1-203", "'Care homes beds' is 'ten', not a whole number"),
        LocationIssue("1-204", "'Publication Date' is 'next week', not a date"),
    ]
