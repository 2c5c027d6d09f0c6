"""Rows of CQC's active-locations file as typed care locations (pure).

One row is one registered location: its provider and brand, the council it lies in as CQC
names it (matched to the 153 with `transform.councils.match_council`), its type, whether it is
a care home and its beds, the services and user bands it is registered for (the file's Y/N
columns "Service type - ..." and "Service user band - ..."), whether it is dormant, and its
latest overall rating with that rating's date.

A value that cannot be read never drops the row and is never guessed: the location is kept
with that field empty (a council that matches none of the 153 leaves `la_code` None, an
unknown rating word leaves `overall_rating` None with the word kept in
`overall_rating_published`), and a `LocationIssue` names the location, the field and the
value. Only a row without the identity it is stored under (location ID, provider ID, council
name) is not a location; it is an issue of kind "missing".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Literal

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
ADULT_SOCIAL_CARE_DIRECTORATE = "adult social care"
SOCIAL_CARE_TYPE = "social care org"

IssueKind = Literal["council", "rating", "value", "missing"]


@dataclass(frozen=True)
class CareLocation:
    location_id: str
    location_name: str | None
    provider_id: str
    provider_name: str | None
    brand_name: str | None
    la_name_cqc: str  # "Location Local Authority" as the file gives it
    la_code: str | None  # None when the name matches none of the 153 (an issue says so)
    location_type: str | None
    care_home: bool
    beds: int | None
    service_types: tuple[str, ...]
    user_bands: tuple[str, ...]
    dormant: bool
    overall_rating: str | None  # one of LOCATION_RATINGS' values; None if empty or unknown
    rated_on: date | None
    inspection_directorate: str | None = None
    overall_rating_published: str | None = None  # the cell as published
    inherited: bool | None = None  # from the ratings file's Overall row, when read

    @property
    def adult_social_care(self) -> bool:
        """In the market a council commissions: the adult social care directorate, or (when
        the source names no directorate) a social care organisation."""
        if self.inspection_directorate is not None:
            return self.inspection_directorate.casefold() == ADULT_SOCIAL_CARE_DIRECTORATE
        return (self.location_type or "").casefold() == SOCIAL_CARE_TYPE


@dataclass(frozen=True)
class LocationIssue:
    """Why a value of a location (or a whole row, kind "missing") could not be read."""

    location_id: str
    reason: str
    kind: IssueKind = "value"
    value: str | None = None  # the council name, rating word or cell concerned


class MissingValueError(ValueError):
    """A row without a value it cannot be stored without."""


def read_locations(
    rows: Iterable[Mapping[str, Cell]],
) -> tuple[list[CareLocation], list[LocationIssue]]:
    """Every row as a location, and every problem met, in file order."""
    locations: list[CareLocation] = []
    issues: list[LocationIssue] = []
    for item in iter_locations(rows):
        if isinstance(item, CareLocation):
            locations.append(item)
        else:
            issues.append(item)
    return locations, issues


def iter_locations(rows: Iterable[Mapping[str, Cell]]) -> Iterator[CareLocation | LocationIssue]:
    """Each row's location followed by its issues, one row at a time (the ratings-sized files
    are read without holding them)."""
    for row in rows:
        location_id = cell_text(row.get("Location ID")) or "(no location ID)"
        try:
            location, issues = read_location(row)
        except MissingValueError as exc:
            yield LocationIssue(location_id, str(exc), "missing")
            continue
        yield location
        yield from issues


def read_location(row: Mapping[str, Cell]) -> tuple[CareLocation, list[LocationIssue]]:
    """One active-locations row and the problems in it; MissingValueError when it has no
    location ID, provider ID or council name."""
    location_id = required(row, "Location ID")
    la_name = required(row, "Location Local Authority")
    found = Found(location_id)
    rating_cell = cell_text(row.get("Location Latest Overall Rating"))
    location = CareLocation(
        location_id=location_id,
        location_name=cell_text(row.get("Location Name")),
        provider_id=required(row, "Provider ID"),
        provider_name=cell_text(row.get("Provider Name")),
        brand_name=_brand(row.get("Brand Name")),
        la_name_cqc=la_name,
        la_code=found.council(la_name),
        location_type=cell_text(row.get("Location Type/Sector")),
        care_home=found.yes_no(row, "Care home?"),
        beds=found.count(row, "Care homes beds"),
        service_types=_flagged(row, SERVICE_TYPE),
        user_bands=_flagged(row, USER_BAND),
        dormant=found.yes_no(row, "Dormant (Y/N)"),
        overall_rating=found.rating(rating_cell),
        rated_on=found.date(row, "Publication Date"),
        inspection_directorate=cell_text(row.get("Location Inspection Directorate")),
        overall_rating_published=rating_cell,
    )
    return location, found.issues


@dataclass
class Found:
    """Reads a row's values for one location, collecting what cannot be read (the row's
    issues) instead of failing on the first."""

    location_id: str

    def __post_init__(self) -> None:
        self.issues: list[LocationIssue] = []

    def _issue(self, reason: str, kind: IssueKind, value: object) -> None:
        self.issues.append(LocationIssue(self.location_id, reason, kind, str(value)))

    def council(self, name: str) -> str | None:
        code = council_code(name)
        if code is None:
            self._issue(f"council {name!r} is none of the 153", "council", name)
        return code

    def rating(self, text: str | None) -> str | None:
        if text is None:
            return None
        rating = rating_word(text)
        if rating is None:
            self._issue(f"rating {text!r} is none CQC uses", "rating", text)
        return rating

    def yes_no(self, row: Mapping[str, Cell], column: str) -> bool:
        value = row.get(column)
        answer = yes_no(value)
        if answer is None:
            self._issue(f"{column!r} is {value!r}, not Y or N", "value", value)
            return False
        return answer

    def count(self, row: Mapping[str, Cell], column: str) -> int | None:
        value = row.get(column)
        try:
            return whole_number(value)
        except ValueError:
            self._issue(f"{column!r} is {value!r}, not a whole number", "value", value)
            return None

    def date(self, row: Mapping[str, Cell], column: str) -> date | None:
        value = row.get(column)
        try:
            return cell_date(value)
        except ValueError:
            self._issue(f"{column!r} is {value!r}, not a date", "value", value)
            return None


@cache
def council_code(name: str) -> str | None:
    """The ONS code of the council CQC names so, or None (cached: a file repeats each name
    thousands of times)."""
    try:
        return match_council(name).la_code
    except UnknownCouncilError:
        return None


def rating_word(text: str) -> str | None:
    """CQC's rating word in our one spelling, or None for a word CQC does not use."""
    return LOCATION_RATINGS.get(re.sub(r"\s+", " ", text).strip().casefold())


def cell_text(value: Cell) -> str | None:
    """A cell as text with its spacing collapsed; None when empty."""
    text = re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""
    return text or None


def required(row: Mapping[str, Cell], column: str) -> str:
    text = cell_text(row.get(column))
    if text is None:
        raise MissingValueError(f"{column!r} is empty")
    return text


def yes_no(value: Cell) -> bool | None:
    """Y/N (and yes/no, true/false); an empty cell is N; None for anything else."""
    if isinstance(value, bool):
        return value
    text = (cell_text(value) or "").casefold()
    if text in ("y", "yes", "true"):
        return True
    if text in ("n", "no", "false", ""):
        return False
    return None


def whole_number(value: Cell) -> int | None:
    """A count cell: None when empty; ValueError when it is no whole number."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float) and float(value).is_integer() and value >= 0:
        return int(value)
    text = cell_text(value) or ""
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise ValueError(value)


def cell_date(value: Cell) -> date | None:
    """A date cell (a real date, or dd/mm/yyyy, ISO, '12 March 2025', '12-Mar-25' text): None
    when empty; ValueError when it is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value) or ""
    for form in ("%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(value)


def _brand(value: Cell) -> str | None:
    text = cell_text(value)
    return None if text in (None, "-") else text  # CQC writes "-" for no brand


def _flagged(row: Mapping[str, Cell], prefix: str) -> tuple[str, ...]:
    """The names of the Y columns that start with `prefix` ("Service type - Care home service
    with nursing" gives "Care home service with nursing")."""
    return tuple(
        column[len(prefix) :].strip()
        for column, value in row.items()
        if column.casefold().startswith(prefix) and yes_no(value) is True
    )


@dataclass(frozen=True)
class IssueSummary:
    """Issues of one kind and reason, counted: one line per unmatched council or unknown
    word however many rows carry it, with the first location IDs as examples."""

    kind: IssueKind
    value: str | None
    reason: str
    count: int
    examples: tuple[str, ...]

    @property
    def line(self) -> str:
        noun = "row" if self.count == 1 else "rows"
        shown = ", ".join(self.examples)
        more = ", ..." if self.count > len(self.examples) else ""
        kept = "not loaded" if self.kind == "missing" else "kept, that value left empty"
        return f"{self.reason}: {self.count} {noun} ({shown}{more}), {kept}"


def summarise_issues(issues: Iterable[LocationIssue], examples: int = 3) -> list[IssueSummary]:
    """The issues grouped by kind and reason (a reason names its value, never its row), in
    the order each was first met."""
    groups: dict[tuple[IssueKind, str], list[LocationIssue]] = {}
    for issue in issues:
        groups.setdefault((issue.kind, issue.reason), []).append(issue)
    return [
        IssueSummary(
            kind,
            group[0].value,
            reason,
            len(group),
            tuple(dict.fromkeys(i.location_id for i in group))[:examples],
        )
        for (kind, reason), group in groups.items()
    ]
