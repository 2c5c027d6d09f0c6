"""Rows of CQC's latest-ratings file as typed ratings (pure).

The file is long: one row per location, service or population group ("Overall" for the
location as a whole) and key question ("Domain": Overall, Safe, Effective, Caring,
Responsive, Well-led), about 324,000 rows, so it is read one row at a time. As with the
active-locations file (`transform.care_locations`), a value that cannot be read keeps its row
with that field empty and yields a `LocationIssue`; only a row without its identity (location,
group, key question, provider, council) is no rating.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from transform.care_locations import (
    Found,
    LocationIssue,
    MissingValueError,
    cell_text,
    required,
)
from transform.provider_files import Cell

OVERALL = "Overall"  # the group and key question of a location's overall rating


@dataclass(frozen=True)
class CareRating:
    location_id: str
    service_group: str
    key_question: str
    rating: str | None  # one of care_locations.LOCATION_RATINGS' values; None if unknown
    rating_published: str | None
    published_on: date | None
    report_type: str | None
    inherited: bool
    location_name: str | None
    provider_id: str
    la_name_cqc: str
    la_code: str | None
    care_home: bool
    location_type: str | None

    @property
    def is_overall(self) -> bool:
        """The location's own overall rating (Overall group, Overall key question)."""
        return self.service_group == OVERALL and self.key_question == OVERALL


def iter_ratings(rows: Iterable[Mapping[str, Cell]]) -> Iterator[CareRating | LocationIssue]:
    """Each row's rating followed by its issues, one row at a time."""
    for row in rows:
        location_id = cell_text(row.get("Location ID")) or "(no location ID)"
        try:
            rating, issues = read_rating(row)
        except MissingValueError as exc:
            yield LocationIssue(location_id, str(exc), "missing")
            continue
        yield rating
        yield from issues


def read_rating(row: Mapping[str, Cell]) -> tuple[CareRating, list[LocationIssue]]:
    """One latest-ratings row and its problems; MissingValueError without its identity."""
    location_id = required(row, "Location ID")
    found = Found(location_id)
    la_name = required(row, "Location Local Authority")
    published = cell_text(row.get("Latest Rating"))
    rating = CareRating(
        location_id=location_id,
        service_group=required(row, "Service / Population Group"),
        key_question=required(row, "Domain"),
        rating=found.rating(published),
        rating_published=published,
        published_on=found.date(row, "Publication Date"),
        report_type=cell_text(row.get("Report Type")),
        inherited=found.yes_no(row, "Inherited Rating (Y/N)"),
        location_name=cell_text(row.get("Location Name")),
        provider_id=required(row, "Provider ID"),
        la_name_cqc=la_name,
        la_code=found.council(la_name),
        care_home=found.yes_no(row, "Care Home?"),
        location_type=cell_text(row.get("Location Type")),
    )
    return rating, found.issues
