"""CQC Syndication API location records (`GET /locations/{id}`) as typed care locations (pure).

The same `CareLocation` the active-locations file gives, read the same way (through
`transform.care_locations.Found`), so the two sources can be compared and loaded alike. Field
names are the schema's (`cqc_raw/adarshsiva_Syndication_Location_Id.json`). Where the two
sources differ in kind:

- The location record names its provider by `providerId` only; the name is in
  `GET /providers/{id}` (`name`, read by `read_provider_name`). Without it `provider_name`
  is None.
- `service_types` are `gacServiceTypes[].name`, the vocabulary of the file's "Service type -"
  columns; `regulatedActivities` are another list (the file's "Regulated activity -" columns).
- `user_bands` are `specialisms[].name`: the schema has no service user bands, and specialism
  names are not the file's band names word for word.
- Only `registrationStatus` "Registered" is an active location, as the file holds only those.
  A deregistered record is an `InactiveLocation`: skipped from the locations (it would count
  in a council's market otherwise) but returned, named and dated, so it is never lost.

As for the file: a value that cannot be read (a council none of the 153, a rating word CQC
does not use, a bed count or date that is none) keeps the location with that field empty and
gives a `LocationIssue`; a record without its identity (not JSON, no locationId, providerId,
localAuthority or registration status) is no location, only an issue of kind "missing".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from transform.care_locations import (
    CareLocation,
    Found,
    LocationIssue,
    MissingValueError,
    cell_text,
)

ACTIVE = "registered"
INACTIVE = "deregistered"


@dataclass(frozen=True)
class InactiveLocation:
    """A location the API still describes but CQC no longer registers."""

    location_id: str
    name: str | None
    deregistered_on: date | None


@dataclass(frozen=True)
class ApiLocationReading:
    """What a batch of location records gave: each active location, each inactive one, and
    every problem met."""

    locations: list[CareLocation] = field(default_factory=list)
    inactive: list[InactiveLocation] = field(default_factory=list)
    issues: list[LocationIssue] = field(default_factory=list)


def read_api_locations(
    records: Iterable[tuple[str, bytes | str]],
    provider_names: Mapping[str, str] | None = None,
) -> ApiLocationReading:
    """Every (location ID as listed, record body); the listed ID names an issue even when the
    body cannot be read at all."""
    reading = ApiLocationReading()
    for listed_id, body in records:
        try:
            result, issues = read_api_location(body, provider_names, expected_id=listed_id)
        except MissingValueError as exc:
            reading.issues.append(LocationIssue(listed_id, str(exc), "missing"))
            continue
        if isinstance(result, InactiveLocation):
            reading.inactive.append(result)
        else:
            reading.locations.append(result)
        reading.issues.extend(issues)
    return reading


def read_api_location(
    body: bytes | str,
    provider_names: Mapping[str, str] | None = None,
    *,
    expected_id: str | None = None,
) -> tuple[CareLocation | InactiveLocation, list[LocationIssue]]:
    """One location record and the problems in it; MissingValueError when it is not a record
    of a location at all. `provider_names` maps provider IDs to names (`read_provider_name`)."""
    record = _object(body, "location record")
    location_id = _required(record, "locationId")
    if expected_id is not None and location_id != expected_id:
        raise MissingValueError(f"record is of location {location_id!r}, not {expected_id!r}")
    status = _required(record, "registrationStatus")
    found = Found(location_id)
    if status.casefold() == INACTIVE:
        deregistered_on = found.date(_cells(record, "deregistrationDate"), "deregistrationDate")
        return InactiveLocation(location_id, _text(record, "name"), deregistered_on), found.issues
    if status.casefold() != ACTIVE:
        raise MissingValueError(f"'registrationStatus' is {status!r}, not Registered")
    la_name = _required(record, "localAuthority")
    provider_id = _required(record, "providerId")
    overall = _overall(record)
    rating_word = _text(overall, "rating")
    location = CareLocation(
        location_id=location_id,
        location_name=_text(record, "name"),
        provider_id=provider_id,
        provider_name=(provider_names or {}).get(provider_id),
        brand_name=_brand(_text(record, "brandName")),
        la_name_cqc=la_name,
        la_code=found.council(la_name),
        location_type=_text(record, "type"),
        care_home=found.yes_no(_cells(record, "careHome"), "careHome"),
        beds=found.count(_cells(record, "numberOfBeds"), "numberOfBeds"),
        service_types=_names(record, "gacServiceTypes", found),
        user_bands=_names(record, "specialisms", found),
        dormant=found.yes_no(_cells(record, "dormancy"), "dormancy"),
        overall_rating=found.rating(rating_word),
        rated_on=found.date({_REPORT_DATE: _report_date(record, overall)}, _REPORT_DATE),
        inspection_directorate=_text(record, "inspectionDirectorate"),
        overall_rating_published=rating_word,
    )
    return location, found.issues


def read_provider_name(body: bytes | str) -> tuple[str, str]:
    """A `GET /providers/{id}` record's (providerId, name); MissingValueError without them."""
    record = _object(body, "provider record")
    return _required(record, "providerId"), _required(record, "name")


_REPORT_DATE = "currentRatings.overall.reportDate"


def _object(body: bytes | str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MissingValueError(f"{what} is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise MissingValueError(f"{what} is a JSON {type(data).__name__}, not an object")
    return data


def _cells(record: Mapping[str, Any], key: str) -> dict[str, str | int | float | None]:
    """One field as a row `Found` reads: a value that is no scalar (a list, an object) reads
    as its text, so `Found` reports it as unreadable rather than taking it."""
    value = record.get(key)
    if value is None or isinstance(value, str | int | float):
        return {key: value}
    return {key: json.dumps(value)}


def _text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return cell_text(value) if isinstance(value, str) else None


def _required(record: Mapping[str, Any], key: str) -> str:
    text = _text(record, key)
    if text is None:
        raise MissingValueError(f"{key!r} is missing or empty")
    return text


def _brand(text: str | None) -> str | None:
    return None if text in (None, "-") else text  # as in the file: "-" for no brand


def _names(record: Mapping[str, Any], key: str, found: Found) -> tuple[str, ...]:
    """The `name` of each object in a list field, in order, each once; an entry without one
    is an issue."""
    items = record.get(key)
    if items is None:
        return ()
    entries = items if isinstance(items, list) else [items]
    names: dict[str, None] = {}
    for item in entries:
        name = _text(item, "name") if isinstance(item, dict) else None
        if name is None:
            reason = f"{key!r} has an entry with no name: {item!r}"
            found.issues.append(LocationIssue(found.location_id, reason, "value", str(item)))
            continue
        names[name] = None
    return tuple(names)


def _overall(record: Mapping[str, Any]) -> Mapping[str, Any]:
    """`currentRatings.overall`, or nothing when the location is not rated."""
    current = record.get("currentRatings")
    overall = current.get("overall") if isinstance(current, dict) else None
    return overall if isinstance(overall, dict) else {}


def _report_date(record: Mapping[str, Any], overall: Mapping[str, Any]) -> str | None:
    """The overall rating's `reportDate`, else `currentRatings.reportDate` (the schema has
    both), only when there is a rating to date."""
    if not overall:
        return None
    current = record.get("currentRatings")
    return _text(overall, "reportDate") or (
        _text(current, "reportDate") if isinstance(current, dict) else None
    )
