"""Reading a comparator list a user holds (e.g. CIPFA's nearest neighbours) from a CSV file.

Such lists come from licensed tools and spreadsheets, typed or pasted by people, so the file is
checked whole before anything is stored: every problem is reported on one line naming its row,
and a file with any problem imports nothing. Councils are named by GSS code (current or
pre-2025) or by any name form `match_council` accepts.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from transform.councils import Council, UnknownCouncilError, council_by_code, match_council

# Accepted header names (case, spaces and underscores ignored), by the column they fill.
COLUMNS: dict[str, tuple[str, ...]] = {
    "council": ("council", "lacode", "laname", "localauthority"),
    "neighbour": ("neighbour", "neighbor", "neighbourlacode", "neighbourname", "comparator"),
    "rank": ("rank", "neighbourrank", "position"),
}
_GSS = re.compile(r"[EWSN]\d{8}")
MAX_ERRORS = 20  # reported per file; the rest are counted


@dataclass(frozen=True)
class ImportedNeighbour:
    la_code: str
    neighbour_la_code: str
    rank: int
    line: int  # line of the file it came from (the header is line 1)


class NeighbourFileError(ValueError):
    """The file cannot be imported; `problems` holds one line per problem, naming its row."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = problems[:MAX_ERRORS]
        more = len(problems) - len(shown)
        if more:
            shown.append(f"... and {more} more problems")
        super().__init__("\n".join(f"{source}: {problem}" for problem in shown))
        self.source, self.problems = source, problems


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())


def _council(value: str) -> Council:
    text = value.strip()
    if _GSS.fullmatch(text.upper()):
        return council_by_code(text.upper())
    return match_council(text)


def parse_neighbour_file(text: str, source: str) -> list[ImportedNeighbour]:
    """Every row of the file as a neighbour, or NeighbourFileError listing what is wrong."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise NeighbourFileError(
            source, ["the file is empty (expected a header: council,neighbour,rank)"]
        )
    header = [_key(cell) for cell in rows[0]]
    where: dict[str, int] = {}
    for column, names in COLUMNS.items():
        found = [i for i, name in enumerate(header) if name in names]
        if len(found) != 1:
            what = "no" if not found else "more than one"
            raise NeighbourFileError(
                source,
                [
                    f"line 1: {what} {column!r} column (accepted names: {', '.join(names)}; "
                    f"the header is {','.join(rows[0])})"
                ],
            )
        where[column] = found[0]
    problems: list[str] = []
    out: list[ImportedNeighbour] = []
    rank_line: dict[tuple[str, int], int] = {}
    neighbour_line: dict[tuple[str, str], int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {column: row[i].strip() if i < len(row) else "" for column, i in where.items()}
        matched: dict[str, Council] = {}
        for column in ("council", "neighbour"):
            try:
                matched[column] = _council(cells[column])
            except UnknownCouncilError as exc:
                problems.append(f"line {line}, {column}: {exc}")
        if len(matched) < 2:
            continue
        council, neighbour = matched["council"], matched["neighbour"]
        if not re.fullmatch(r"\d+", cells["rank"]) or int(cells["rank"]) < 1:
            problems.append(f"line {line}: rank {cells['rank']!r} is not a whole number from 1")
            continue
        rank = int(cells["rank"])
        if neighbour.la_code == council.la_code:
            problems.append(f"line {line}: {council.name} is listed as its own neighbour")
            continue
        if (council.la_code, rank) in rank_line:
            first = rank_line[(council.la_code, rank)]
            problems.append(
                f"line {line}: {council.name} has rank {rank} twice (lines {first} and {line})"
            )
            continue
        if (council.la_code, neighbour.la_code) in neighbour_line:
            first = neighbour_line[(council.la_code, neighbour.la_code)]
            problems.append(
                f"line {line}: {neighbour.name} is listed twice for {council.name} "
                f"(lines {first} and {line})"
            )
            continue
        rank_line[(council.la_code, rank)] = line
        neighbour_line[(council.la_code, neighbour.la_code)] = line
        out.append(ImportedNeighbour(council.la_code, neighbour.la_code, rank, line))
    if problems:
        raise NeighbourFileError(source, problems)
    if not out:
        raise NeighbourFileError(source, ["the file has a header and no rows"])
    return out
