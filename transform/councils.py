"""England's 153 councils with adult social care duties, and matching the names reports use.

The reference list (`reference/councils_with_social_care.csv`) is ONS's: GSS code, ONS name,
region and type. Reports and listings name councils their own way ("Stoke-on-Trent City
Council", "Durham County Council", "Council of the Isles of Scilly"); `match_council` reduces
both sides to a key by dropping the words that describe a council's status, then consults a
short alias table for the names that differ in substance.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).parent / "reference"

REGIONS: tuple[str, ...] = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)


@dataclass(frozen=True)
class Council:
    la_code: str  # ONS GSS code, 2025 vintage
    name: str  # ONS name, e.g. "Kingston upon Hull, City of"
    region: str
    la_type: str  # county | unitary | metropolitan district | London borough
    previous_la_code: str | None = None  # the code used before a recoding (Barnsley, Sheffield)


class UnknownCouncilError(LookupError):
    """A name that matches none of the 153 councils (or more than one)."""


# Words that say what kind of body a council is, not which one. Order matters: longer first.
_STATUS_PREFIXES = (
    "royal borough of ",
    "london borough of ",
    "metropolitan borough of ",
    "borough of ",
    "council of the ",
    "city of ",
    "county of ",
    "county ",
    "the ",
)
_STATUS_SUFFIXES = (
    " metropolitan borough council",
    " metropolitan district council",
    " county borough council",
    " borough council",
    " county council",
    " district council",
    " city council",
    " unitary authority",
    " corporation",
    " council",
    " city of",
    " county of",
    " city",
)

# Names whose key still differs from the ONS name's key after status words are dropped.
_ALIASES: dict[str, str] = {
    "southend": "southend on sea",
    "stoke": "stoke on trent",
    "bcp": "bournemouth christchurch and poole",
    "hull": "kingston upon hull",
    "kingston upon hull city": "kingston upon hull",
    "hammersmith fulham": "hammersmith and fulham",
    "kensington chelsea": "kensington and chelsea",
    "windsor maidenhead": "windsor and maidenhead",
    "telford wrekin": "telford and wrekin",
    "blackburn darwen": "blackburn with darwen",
    "bath north east somerset": "bath and north east somerset",
    "banes": "bath and north east somerset",
    "redcar cleveland": "redcar and cleveland",
    "brighton hove": "brighton and hove",
    "westmorland furness": "westmorland and furness",
    "cheshire west chester": "cheshire west and chester",
}


def name_key(name: str) -> str:
    """Reduce a council name to the words that identify it."""
    text = name.replace("\u00a0", " ").replace("&", " and ").lower()
    text = re.sub(r":\s*local authority assessment.*$", "", text)
    text = text.replace("st.", "st ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _STATUS_PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text, changed = text[len(prefix) :], True
        for suffix in _STATUS_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, changed = text[: -len(suffix)], True
    return _ALIASES.get(text, text)


@cache
def load_councils() -> tuple[Council, ...]:
    """The 153 councils, with each recoded council's previous code attached."""
    with (REFERENCE_DIR / "code_changes.csv").open(newline="", encoding="utf-8") as fh:
        previous = {row["code_from_2025"]: row["code_to_2024"] for row in csv.DictReader(fh)}
    with (REFERENCE_DIR / "councils_with_social_care.csv").open(newline="", encoding="utf-8") as fh:
        return tuple(
            Council(
                la_code=row["la_code"],
                name=row["name"],
                region=row["region"],
                la_type=row["la_type"],
                previous_la_code=previous.get(row["la_code"]),
            )
            for row in csv.DictReader(fh)
        )


@cache
def _by_key() -> dict[str, Council]:
    index: dict[str, Council] = {}
    for council in load_councils():
        key = name_key(council.name)
        if key in index:
            raise RuntimeError(f"two councils share the key {key!r}")
        index[key] = council
    return index


def match_council(name: str) -> Council:
    """The council a report or listing name refers to, or UnknownCouncilError."""
    council = _by_key().get(name_key(name))
    if council is None:
        raise UnknownCouncilError(f"no council with adult social care duties matches {name!r}")
    return council


def council_by_code(la_code: str) -> Council:
    """Look a council up by its current or previous GSS code."""
    for council in load_councils():
        if la_code in (council.la_code, council.previous_la_code):
            return council
    raise UnknownCouncilError(f"no council has the code {la_code!r}")
