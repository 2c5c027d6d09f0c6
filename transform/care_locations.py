"""Rows of CQC's active-locations file as typed care locations (pure).

One row is one registered location: its provider and brand, the council it lies in as CQC
names it (matched to the 153 with `transform.councils.match_council`), its type, whether it is
a care home and its beds, the services and user bands it is registered for (the file's Y/N
columns "Service type - ..." and "Service user band - ..."), whether it is dormant, and its
latest overall rating with that rating's date. A row that cannot be read is a
`LocationIssue` naming the location and the reason, never a dropped row and never a guess: a
council name that matches none of the 153, a rating word CQC does not use, a beds figure or
date that is no number or date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from transform.councils import UnknownCouncilError, match_council
from transform.provider_files import Cell

# The overall ratings a location can carry, as CQC spells them (and the two "not rated" forms,
# one name here).
LOCATION_RATINGS: dict[str, str] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "not rated": "Not rated",
    "not rated yet": "Not rated",
}
SERVICE_TYPE = "service type - "
USER_BAND = "service user band - "


@dataclass(frozen=True)
class CareLocation:
    location_id: str
    location_name: str | None
    provider_id: str
    provider_name: str
    brand_name: str | None
    la_name_cqc: str  # "Location Local Authority" as the file gives it
    la_code: str
    location_type: str | None
    care_home: bool
    beds: int | None
    service_types: tuple[str, ...]
    user_bands: tuple[str, ...]
    dormant: bool
    overall_rating: str | None  # one of LOCATION_RATINGS' values; None when the cell is empty
    rated_on: date | None


@dataclass(frozen=True)
class LocationIssue:
    location_id: str
    reason: str


def read_locations(
    rows: Iterable[Mapping[str, Cell]],
) -> tuple[list[CareLocation], list[LocationIssue]]:
    """Every row as a location, or as an issue saying why it is not one."""
    locations: list[CareLocation] = []
    issues: list[LocationIssue] = []
    for row in rows:
        location_id = _text(row.get("Location ID")) or "(no location ID)"
        try:
            locations.append(read_location(row))
        except ValueError as exc:
            issues.append(LocationIssue(location_id, str(exc)))
    return locations, issues


def read_location(row: Mapping[str, Cell]) -> CareLocation:
    """One active-locations row; ValueError naming the field when a value cannot be read."""
    location_id = _required(row, "Location ID")
    la_name = _required(row, "Location Local Authority")
    try:
        la_code = match_council(la_name).la_code
    except UnknownCouncilError as exc:
        raise ValueError(f"council {la_name!r} is none of the 153") from exc
    return CareLocation(
        location_id=location_id,
        location_name=_text(row.get("Location Name")),
        provider_id=_required(row, "Provider ID"),
        provider_name=_required(row, "Provider Name"),
        brand_name=_brand(row.get("Brand Name")),
        la_name_cqc=la_name,
        la_code=la_code,
        location_type=_text(row.get("Location Type/Sector")),
        care_home=_yes_no(row.get("Care home?"), "Care home?"),
        beds=_count(row.get("Care homes beds"), "Care homes beds"),
        service_types=_flagged(row, SERVICE_TYPE),
        user_bands=_flagged(row, USER_BAND),
        dormant=_yes_no(row.get("Dormant (Y/N)"), "Dormant (Y/N)"),
        overall_rating=_rating(row.get("Location Latest Overall Rating")),
        rated_on=_date(row.get("Publication Date"), "Publication Date"),
    )


def _text(value: Cell) -> str | None:
    text = re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""
    return text or None


def _required(row: Mapping[str, Cell], column: str) -> str:
    text = _text(row.get(column))
    if text is None:
        raise ValueError(f"{column!r} is empty")
    return text


def _brand(value: Cell) -> str | None:
    text = _text(value)
    return None if text in (None, "-") else text  # CQC writes "-" for no brand


def _yes_no(value: Cell, column: str) -> bool:
    text = (_text(value) or "").casefold()
    if text in ("y", "yes", "true"):
        return True
    if text in ("n", "no", "false", ""):
        return False
    raise ValueError(f"{column!r} is {value!r}, not Y or N")


def _count(value: Cell, column: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{column!r} is {value!r}, not a number")
    if isinstance(value, int | float) and float(value).is_integer() and value >= 0:
        return int(value)
    text = _text(value) or ""
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise ValueError(f"{column!r} is {value!r}, not a whole number")


def _flagged(row: Mapping[str, Cell], prefix: str) -> tuple[str, ...]:
    """The names of the Y columns that start with `prefix` ("Service type - Care home service
    with nursing" gives "Care home service with nursing")."""
    return tuple(
        column[len(prefix) :].strip()
        for column, value in row.items()
        if column.casefold().startswith(prefix) and (_text(value) or "").casefold() == "y"
    )


def _rating(value: Cell) -> str | None:
    text = _text(value)
    if text is None:
        return None
    rating = LOCATION_RATINGS.get(text.casefold())
    if rating is None:
        raise ValueError(f"rating {text!r} is none CQC uses")
    return rating


def _date(value: Cell, column: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value) or ""
    for form in ("%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d-%b-%y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"{column!r} is {value!r}, not a date")
