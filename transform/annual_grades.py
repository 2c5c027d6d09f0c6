"""Reading CQC's annual performance assessment grades of councils (2008-10) from a CSV file.

Until 2010 CQC graded each council's adult social care every year: an overall grade and seven
outcome grades, each one of four steps (performing poorly, adequately, well, excellently).
The published tables survive as spreadsheets people hold and retype, so this reader is
tolerant of how they are written (header names in any case and spacing, "Well", "performing
well", "excellent") and strict about what they say: a council that is not one of the 153, a
grade word it cannot place, a year it cannot read or a row given twice is a problem naming the
line and the value, never a row dropped or guessed. Councils are matched by today's GSS code
(current or pre-2025) or by any name form `match_council` accepts.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from transform.councils import Council, UnknownCouncilError, council_by_code, match_council

# The four steps, best last, in the one spelling the warehouse stores.
GRADES: tuple[str, ...] = (
    "Performing poorly",
    "Performing adequately",
    "Performing well",
    "Performing excellently",
)
# The words a table may use for each step ("performing" and punctuation aside).
_GRADE_WORDS: dict[str, str] = {
    "poorly": GRADES[0],
    "poor": GRADES[0],
    "adequately": GRADES[1],
    "adequate": GRADES[1],
    "well": GRADES[2],
    "excellently": GRADES[3],
    "excellent": GRADES[3],
}

_NOT_A_GRADE = "is no grade (poorly, adequately, well or excellently, 'performing' optional)"

# The seven outcomes: (column in the warehouse, name as CQC gives it, header words that
# identify it, any one of them inside the header).
OUTCOMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("improved_health_and_wellbeing", "Improved health and emotional well-being", ("health",)),
    ("improved_quality_of_life", "Improved quality of life", ("qualityoflife",)),
    ("making_positive_contribution", "Making a positive contribution", ("contribution",)),
    ("increased_choice_and_control", "Increased choice and control", ("choice",)),
    (
        "freedom_from_discrimination",
        "Freedom from discrimination and harassment",
        ("discrimination", "harassment"),
    ),
    ("economic_wellbeing", "Economic well-being", ("economic",)),
    ("personal_dignity_and_respect", "Maintaining personal dignity and respect", ("dignity",)),
)
OUTCOME_COLUMNS: tuple[str, ...] = tuple(column for column, _, _ in OUTCOMES)

# Accepted header names (case, spaces and punctuation ignored), by the column they fill.
_HEADERS: dict[str, tuple[str, ...]] = {
    "council": (
        "council", "councilname", "localauthority", "localauthorityname", "laname",
        "lanamepublished", "authority", "name",
    ),
    "code": ("lacode", "code", "gsscode", "onscode", "localauthoritycode", "lagsscode"),
    "year": ("year", "assessmentyear", "financialyear", "period"),
    "overall": (
        "overall", "overallgrade", "overallperformance", "overallrating", "overalljudgement",
        "overallperformancegrade", "grade",
    ),
    "source": ("source",),
}  # fmt: skip
# The last year of the annual assessments (the Care Act assessments began in 2023).
LAST_YEAR = "2009/10"
_GSS = re.compile(r"[EWSN]\d{8}")
_YEAR = re.compile(r"(\d{4})\s*(?:/|-|\u2013|\u2014|to)\s*(\d{2}|\d{4})")  # hyphen, en or em dash


@dataclass(frozen=True)
class AnnualGrades:
    """One council's grades for one year, as the warehouse stores them."""

    la_code: str  # 2025 GSS code
    la_name_published: str  # the council's name as the file gives it (or ONS's, by code only)
    year: str  # '2009/10'
    overall_grade: str  # one of GRADES
    outcome_grades: tuple[str | None, ...]  # in OUTCOMES order; None where the file has none
    source: str  # the row's source column, or the file's name
    provenance: str  # which file it was imported from
    line: int  # the file's line (the header is line 1)


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class GradesReading:
    """Every row that could be read, and one problem per thing that could not."""

    records: list[AnnualGrades]
    problems: list[RowProblem]


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", header.strip().lower())


def read_grade(text: str) -> str | None:
    """The canonical grade for a cell ("Well", "performing excellently", "Adequate."), or
    None when it is no grade word."""
    words = [w for w in re.split(r"[^a-z]+", text.lower()) if w and w != "performing"]
    return _GRADE_WORDS.get(words[0]) if len(words) == 1 else None


def read_year(text: str) -> str | None:
    """'2009/10' for '2009/10', '2009-10', '2009/2010' or '2009 to 2010'; None otherwise (a
    year that does not run into the next, one bare year)."""
    match = _YEAR.fullmatch(text.strip())
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if second % 100 != (first + 1) % 100 or (second >= 100 and second != first + 1):
        return None
    return f"{first}/{(first + 1) % 100:02d}"


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Where each column is, and what is wrong with the header."""
    keys = [_key(cell) for cell in header]
    where: dict[str, int] = {}
    problems: list[str] = []
    for column, names in _HEADERS.items():
        found = [i for i, key in enumerate(keys) if key in names]
        if len(found) > 1:
            problems.append(
                f"more than one {column!r} column ({', '.join(header[i] for i in found)})"
            )
        elif found:
            where[column] = found[0]
    for column, name, hints in OUTCOMES:
        found = [
            i
            for i, key in enumerate(keys)
            if i not in where.values() and any(h in key for h in hints)
        ]
        if len(found) != 1:
            what = "no" if not found else "more than one"
            problems.append(f"{what} column for the outcome {name!r}")
        else:
            where[column] = found[0]
    if not any(key in _HEADERS["council"] + _HEADERS["code"] for key in keys):
        problems.append("no council column (a name such as 'council' or a code such as 'la_code')")
    for column in ("year", "overall"):
        if column not in where:
            problems.append(f"no {column!r} column (accepted: {', '.join(_HEADERS[column])})")
    return where, problems


def _council(cells: dict[str, str]) -> Council:
    """The council a row names by code, by name or by both (which must agree)."""
    code, name = cells.get("code", ""), cells.get("council", "")
    if code and not _GSS.fullmatch(code.upper()):
        raise UnknownCouncilError(f"{code!r} is not a GSS code")
    by_code = council_by_code(code.upper()) if code else None
    by_name = match_council(name) if name else None
    if by_code and by_name and by_code != by_name:
        raise UnknownCouncilError(
            f"the name {name!r} is {by_name.name} but the code {code!r} is {by_code.name}"
        )
    council = by_code or by_name
    if council is None:
        raise UnknownCouncilError("no council named")
    return council


def read_annual_grades(text: str, file_name: str) -> GradesReading:
    """Every row of a CSV of annual grades (a header, then one council and year a row), with
    one problem per row or cell that cannot be read."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        return GradesReading([], [RowProblem(1, "the file is empty (expected a header)")])
    where, header_problems = _columns(rows[0])
    if header_problems:
        shown = ",".join(rows[0])
        return GradesReading(
            [], [RowProblem(1, f"{problem}; the header is {shown}") for problem in header_problems]
        )
    records: list[AnnualGrades] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {column: row[i].strip() if i < len(row) else "" for column, i in where.items()}
        found = _row(cells, line, file_name, problems)
        if found is None:
            continue
        key = (found.la_code, found.year)
        if key in seen:
            problems.append(
                RowProblem(
                    line,
                    f"{found.la_name_published} {found.year} is given twice "
                    f"(lines {seen[key]} and {line})",
                )
            )
            continue
        seen[key] = line
        records.append(found)
    if not records and not problems:
        problems.append(RowProblem(1, "the file has a header and no rows"))
    return GradesReading(records, problems)


def _row(
    cells: dict[str, str], line: int, file_name: str, problems: list[RowProblem]
) -> AnnualGrades | None:
    """One row as grades, or None with its problems added (all of them, not the first)."""
    before = len(problems)
    council: Council | None = None
    try:
        council = _council(cells)
    except UnknownCouncilError as exc:
        gone = (
            " (a council abolished since has no row)" if str(exc).startswith("no council") else ""
        )
        problems.append(RowProblem(line, f"council: {exc}{gone}"))
    year = read_year(cells["year"])
    if year is None:
        problems.append(RowProblem(line, f"year {cells['year']!r} is not a year like 2009/10"))
    elif year > LAST_YEAR:
        problems.append(
            RowProblem(line, f"year {year} is after {LAST_YEAR}, the last year of these grades")
        )
    overall = read_grade(cells["overall"])
    if overall is None:
        problems.append(RowProblem(line, f"overall grade {cells['overall']!r} {_NOT_A_GRADE}"))
    outcomes: list[str | None] = []
    for column, name, _ in OUTCOMES:
        grade = read_grade(cells[column]) if cells[column] else None
        if cells[column] and grade is None:
            problems.append(RowProblem(line, f"{name}: {cells[column]!r} {_NOT_A_GRADE}"))
        outcomes.append(grade)
    if len(problems) > before or council is None or year is None or overall is None:
        return None
    return AnnualGrades(
        la_code=council.la_code,
        la_name_published=cells.get("council") or council.name,
        year=year,
        overall_grade=overall,
        outcome_grades=tuple(outcomes),
        source=cells.get("source") or file_name,
        provenance=f"imported from {file_name} by `cqc history import`",
        line=line,
    )
