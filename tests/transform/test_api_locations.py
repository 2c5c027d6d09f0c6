"""CQC Syndication API location records as typed care locations (`transform.api_locations`),
read from the schema-built fixtures in tests/fixtures/cqc_api/ (README there)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from transform.api_locations import (
    InactiveLocation,
    read_api_location,
    read_api_locations,
    read_provider_name,
)
from transform.care_locations import CareLocation, LocationIssue, MissingValueError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cqc_api"
SCHEMAS = Path("/work/shared/cqc_raw")


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def body(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def test_a_registered_location_reads_every_field() -> None:
    raw = (FIXTURES / "location_1-101.json").read_bytes()
    location, issues = read_api_location(raw, {"1-9": "Trentside Care Ltd"})
    assert issues == []
    assert location == CareLocation(
        location_id="1-101",
        location_name="Trentside House",
        provider_id="1-9",
        provider_name="Trentside Care Ltd",
        brand_name="BRAND Trentside",
        la_name_cqc="Stoke-on-Trent",
        la_code="E06000021",
        location_type="Social Care Org",
        care_home=True,
        beds=42,
        service_types=("Care home service with nursing", "Care home service without nursing"),
        user_bands=("Caring for adults over 65 yrs", "Dementia"),
        dormant=False,
        overall_rating="Good",
        rated_on=date(2025, 3, 12),
        inspection_directorate="Adult social care",
        overall_rating_published="Good",
    )
    assert location.adult_social_care


def test_an_unrated_dormant_location_and_an_unknown_provider_name() -> None:
    location, issues = read_api_location(body(fixture("location_1-102")))
    assert issues == []
    assert isinstance(location, CareLocation)
    assert (location.provider_id, location.provider_name) == ("1-8", None)
    assert (location.la_code, location.care_home, location.beds) == ("E10000028", False, None)
    assert (location.dormant, location.overall_rating, location.rated_on) == (True, None, None)
    assert location.brand_name is None


def test_the_provider_name_comes_from_the_provider_record() -> None:
    raw = (FIXTURES / "provider_1-9.json").read_bytes()
    assert read_provider_name(raw) == ("1-9", "Trentside Care Ltd")


def test_an_unmapped_council_keeps_the_location_and_is_an_issue() -> None:
    data = fixture("location_1-101") | {"localAuthority": "Narnia"}
    location, issues = read_api_location(body(data))
    assert isinstance(location, CareLocation)
    assert (location.la_code, location.la_name_cqc) == (None, "Narnia")
    assert issues == [
        LocationIssue("1-101", "council 'Narnia' is none of the 153", "council", "Narnia")
    ]


def test_an_unknown_rating_word_keeps_the_word_and_is_an_issue() -> None:
    data = fixture("location_1-101")
    data["currentRatings"]["overall"]["rating"] = "Excellent"
    location, issues = read_api_location(body(data))
    assert isinstance(location, CareLocation)
    assert (location.overall_rating, location.overall_rating_published) == (None, "Excellent")
    assert location.rated_on == date(2025, 3, 12)
    assert issues == [
        LocationIssue("1-101", "rating 'Excellent' is none CQC uses", "rating", "Excellent")
    ]


def test_values_of_the_wrong_kind_are_issues_not_guesses() -> None:
    data = fixture("location_1-101") | {"numberOfBeds": "many", "careHome": ["Y"]}
    data["currentRatings"]["overall"]["reportDate"] = "soon"
    location, issues = read_api_location(body(data))
    assert isinstance(location, CareLocation)
    assert (location.beds, location.care_home, location.rated_on) == (None, False, None)
    assert [(i.kind, i.value) for i in issues] == [
        ("value", '["Y"]'),
        ("value", "many"),
        ("value", "soon"),
    ]


def test_a_deregistered_location_is_inactive_not_a_location() -> None:
    result, issues = read_api_location(body(fixture("location_1-103")))
    assert result == InactiveLocation("1-103", "Wear Valley Court", date(2023, 11, 30))
    assert issues == []


def test_a_batch_sorts_records_into_locations_inactive_and_issues() -> None:
    records = [(i, body(fixture(f"location_{i}"))) for i in ("1-101", "1-102", "1-103")]
    records += [
        ("1-104", b"<html>oops</html>"),
        ("1-105", body(fixture("location_1-101"))),  # another location's record
        ("1-106", body(fixture("location_1-101") | {"locationId": "1-106", "providerId": ""})),
        ("1-107", body(fixture("location_1-101") | {"locationId": "1-107"})),
        ("1-108", body(fixture("location_1-103") | {"locationId": "1-108"})),
        ("1-109", body(fixture("location_1-101") | {"locationId": "1-109"} | _suspended())),
    ]
    reading = read_api_locations(records, {"1-9": "Trentside Care Ltd"})
    assert [loc.location_id for loc in reading.locations] == ["1-101", "1-102", "1-107"]
    assert [loc.location_id for loc in reading.inactive] == ["1-103", "1-108"]
    assert [(i.location_id, i.kind) for i in reading.issues] == [
        ("1-104", "missing"),
        ("1-105", "missing"),
        ("1-106", "missing"),
        ("1-109", "missing"),
    ]
    assert "not JSON" in reading.issues[0].reason
    assert reading.issues[1].reason == "record is of location '1-101', not '1-105'"
    assert reading.issues[2].reason == "'providerId' is missing or empty"
    assert "'Suspended'" in reading.issues[3].reason


def _suspended() -> dict[str, str]:
    return {"registrationStatus": "Suspended"}


def _schema_paths(schema: Any, prefix: str = "") -> set[str]:
    """Every field path a JSON Schema names ("a.b" for objects, "a[]" for list items; the
    files give `items` as an object or a one-element list)."""
    paths = set()
    if isinstance(schema, dict):
        for name, sub in (schema.get("properties") or {}).items():
            path = f"{prefix}.{name}" if prefix else name
            paths.add(path)
            paths |= _schema_paths(sub, path)
        items = schema.get("items")
        for item in items if isinstance(items, list) else [items] if items else []:
            paths |= _schema_paths(item, f"{prefix}[]")
    return paths


def _data_paths(data: Any, prefix: str = "") -> set[str]:
    paths = set()
    if isinstance(data, dict):
        for name, sub in data.items():
            path = f"{prefix}.{name}" if prefix else name
            paths.add(path)
            paths |= _data_paths(sub, path)
    elif isinstance(data, list):
        for item in data:
            paths |= _data_paths(item, f"{prefix}[]")
    return paths


@pytest.mark.parametrize(
    ("stem", "schema"),
    [
        ("location_1-101", "adarshsiva_Syndication_Location_Id.json"),
        ("location_1-102", "adarshsiva_Syndication_Location_Id.json"),
        ("location_1-103", "adarshsiva_Syndication_Location_Id.json"),
        ("provider_1-9", "adarshsiva_Syndication_Provider_Id.json"),
    ],
)
def test_fixture_field_names_are_the_schemas(stem: str, schema: str) -> None:
    if not (SCHEMAS / schema).exists():
        pytest.skip(f"the schema {schema} is not on this machine")
    known = _schema_paths(json.loads((SCHEMAS / schema).read_text()))
    assert _data_paths(fixture(stem)) - known == set()


def test_a_record_that_is_no_object_is_missing() -> None:
    with pytest.raises(MissingValueError, match="JSON list"):
        read_api_location(b"[]")
