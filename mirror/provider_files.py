"""CQC's monthly provider files, invented for the offline mirror, and the page that links them.

CQC publishes its register of care locations every month as OpenDocument spreadsheets linked
from `/about-us/transparency/using-cqc-data`: the active locations (a notice above the header),
the latest ratings in long form (about 324,000 rows) and the locations deactivated. The column
names, file names, URL shape and layout here are the ones `../shared/cqc_site_notes.md` records;
every value is invented, deterministically: the same inputs give byte-identical files (no
timestamps, pseudo-randomness seeded from hashes, `random.Random.random()` only, the one method
whose sequence Python promises to keep for a seed).

One timeline of locations serves both months: each location opens, may close, and is inspected
now and then, so September 2026 differs from September 2025 as a year of the register would
(locations added and removed, ratings republished). Each council gets a market in proportion to
its population; its adult social care locations lean a little towards Good and Outstanding the
better its own assessment was (`mirror/data/bongo_twisty_league_tables_parsed.csv`), with noise.
One location lies outside England ("Monmouthshire"), so a council name that is none of the 153
is there to be reported.

The spreadsheets are written with the standard library: a zip whose first member is the
uncompressed `mimetype`, a manifest, and `content.xml` streamed a chunk of rows at a time.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import io
import os
import random
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import BinaryIO, Literal, TypeVar
from xml.sax.saxutils import escape, quoteattr

from transform.councils import Council, load_councils, match_council

T = TypeVar("T")

MIRROR_DIR = Path(__file__).parent
REPO_DIR = MIRROR_DIR.parent
LEAGUE_TABLE_CSV = MIRROR_DIR / "data" / "bongo_twisty_league_tables_parsed.csv"
POPULATION_CSV = REPO_DIR / "warehouse" / "reference" / "council_population.csv"
COUNCILS_CSV = REPO_DIR / "transform" / "reference" / "councils_with_social_care.csv"

FULL_SCALE = 1.0  # the real file's size: about 324,000 ratings rows
TEST_SCALE = 0.01  # about 4,000 ratings rows: what the tests serve
# Locations (over the whole timeline) at scale 1, tuned so that September 2026's ratings file
# has about 324,000 rows, as the real one does.
LOCATIONS_AT_FULL_SCALE = 45_000
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
USING_CQC_DATA_PATH = "/about-us/transparency/using-cqc-data"
FILES_PREFIX = "/system/files"
# A place CQC might name outside England: one location only, so the unmapped path is exercised.
OUTSIDE_ENGLAND = "Monmouthshire"
# Multi-service adult social care locations assessed from this day get a rating per service and
# show "Not Rated" in the active file (the notice of September 2026; the day is invented).
PER_SERVICE_FROM = date(2025, 4, 1)
PER_SERVICE_NOTICE_FROM = date(2026, 1, 1)  # the active file's notice says so from here
FIRST_RATINGS = date(2014, 10, 1)  # CQC's ratings began in October 2014
OUTSIDE_LOCATION_ID = "1-000000001"  # the outside-England location's fixed ID

ProviderFileName = Literal["HSCA_Active_Locations", "Latest_ratings", "Deactivated_Locations"]
PROVIDER_FILES: tuple[ProviderFileName, ...] = (
    "HSCA_Active_Locations",
    "Latest_ratings",
    "Deactivated_Locations",
)


@dataclass(frozen=True, order=True)
class ProviderMonth:
    """A month of files, published on its first day ("01_September_2026_...")."""

    year: int
    month: int

    @property
    def snapshot(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def folder(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    def file_url(self, name: ProviderFileName) -> str:
        """The file's path on the site, as the real page links it."""
        stem = f"01_{calendar.month_name[self.month]}_{self.year}_{name}"
        return f"{FILES_PREFIX}/{self.folder}/{stem}.ods"


# Newest first, as the page lists them; 12 months apart so a year's change can be shown.
PROVIDER_MONTHS: tuple[ProviderMonth, ...] = (ProviderMonth(2026, 9), ProviderMonth(2025, 9))
LATEST_MONTH = PROVIDER_MONTHS[0]

SERVICE_TYPES: tuple[str, ...] = (
    "Care home service with nursing",
    "Care home service without nursing",
    "Domiciliary care service",
    "Supported living service",
)
USER_BANDS: tuple[str, ...] = (
    "Older People",
    "Dementia",
    "Learning disabilities or autistic spectrum disorder",
    "Physical Disability",
    "Mental Health",
)
ACTIVE_COLUMNS: tuple[str, ...] = (
    "Location ID",
    "Location ODS Code",
    "Location Name",
    "Care home?",
    "Care homes beds",
    "Location Type/Sector",
    "Location Inspection Directorate",
    "Location Primary Inspection Category",
    "Location Local Authority",
    "Location Region",
    "Location Latest Overall Rating",
    "Publication Date",
    "Dormant (Y/N)",
    "Provider ID",
    "Provider Name",
    "Brand ID",
    "Brand Name",
    *(f"Service type - {service}" for service in SERVICE_TYPES),
    *(f"Service user band - {band}" for band in USER_BANDS),
)
# The 28 columns of the real Latest_ratings file, in its order (cqc_site_notes.md).
RATINGS_COLUMNS: tuple[str, ...] = (
    "Location ID",
    "Location ODS Code",
    "Location Name",
    "Care Home?",
    "Location Type",
    "Location Primary Inspection Category",
    "Location Street Address",
    "Location Address Line 2",
    "Location City",
    "Location Post Code",
    "Location Local Authority",
    "Location Region",
    "Location NHS Region",
    "Location ONSPD CCG Code",
    "Location ONSPD CCG",
    "Location Commissioning CCG Code",
    "Location Commissioning CCG Name",
    "Service / Population Group",
    "Domain",
    "Latest Rating",
    "Publication Date",
    "Report Type",
    "Inherited Rating (Y/N)",
    "URL",
    "Provider ID",
    "Provider Name",
    "Brand ID",
    "Brand Name",
)
DEACTIVATED_COLUMNS: tuple[str, ...] = (
    "Location ID",
    "Location ODS Code",
    "Location Name",
    "Location Status",
    "Location HSCA start date",
    "Location HSCA End Date",
    "Care home?",
    "Care homes beds at point location de-activated",
    "Location Type/Sector",
    "Location Local Authority",
    "Location Region",
    "Provider ID",
    "Provider Name",
)
SHEET_NAMES: dict[ProviderFileName, str] = {
    "HSCA_Active_Locations": "HSCA_Active_Locations",
    "Latest_ratings": "Locations",
    "Deactivated_Locations": "Deactivated_Locations",
}
DOMAINS = ("Overall", "Safe", "Effective", "Caring", "Responsive", "Well-led")
RATINGS = ("Outstanding", "Good", "Requires improvement", "Inadequate")
POPULATION_GROUPS = (
    "Older people",
    "People with long term conditions",
    "Families, children and young people",
    "Working age people (including those recently retired and students)",
    "People whose circumstances may make them vulnerable",
    "People experiencing poor mental health (including people with dementia)",
)
NHS_REGIONS = {
    "North East": "North East and Yorkshire",
    "Yorkshire and The Humber": "North East and Yorkshire",
    "North West": "North West",
    "East Midlands": "Midlands",
    "West Midlands": "Midlands",
    "East of England": "East of England",
    "London": "London",
    "South East": "South East",
    "South West": "South West",
}
# How CQC writes a council where it differs from ONS's name, by month (invented variety: the
# September 2025 file uses short forms, September 2026 ONS's comma forms).
CQC_COUNCIL_NAMES: dict[ProviderMonth, dict[str, str]] = {
    ProviderMonth(2025, 9): {
        "Bristol, City of": "Bristol",
        "Kingston upon Hull, City of": "Hull",
        "Herefordshire, County of": "Herefordshire",
        "St. Helens": "St Helens",
        "Telford and Wrekin": "Telford & Wrekin",
        "Richmond upon Thames": "Richmond-upon-Thames",
    },
    ProviderMonth(2026, 9): {"Southend-on-Sea": "Southend on Sea"},
}

# ---------------------------------------------------------------- pseudo-randomness


class Draw:
    """Draws seeded from the hash of `seed`: `random.Random.random()` only, whose sequence
    Python keeps for an integer seed, so the files stay the same across Python versions."""

    def __init__(self, *seed: object) -> None:
        digest = hashlib.sha256("\x1f".join(str(part) for part in seed).encode()).digest()
        self._random = random.Random(int.from_bytes(digest[:8], "big")).random

    def unit(self) -> float:
        return self._random()

    def chance(self, p: float) -> bool:
        return self._random() < p

    def between(self, low: int, high: int) -> int:
        """An integer from low to high, both included."""
        return low + min(int(self._random() * (high - low + 1)), high - low)

    def pick(self, choices: Sequence[T]) -> T:
        return choices[self.between(0, len(choices) - 1)]

    def weighted(self, weights: Mapping[T, float]) -> T:
        point = self._random() * sum(weights.values())
        last: T | None = None
        for choice, weight in weights.items():
            last = choice
            point -= weight
            if point < 0:
                return choice
        assert last is not None
        return last

    def day(self, start: date, end: date) -> date:
        """A day from start to end, both included."""
        return start + timedelta(days=self.between(0, (end - start).days))


# ---------------------------------------------------------------- the invented register


@dataclass(frozen=True)
class Provider:
    provider_id: str
    name: str
    brand_id: str  # "-" for none, as CQC writes
    brand_name: str


@dataclass(frozen=True)
class Inspection:
    """One published rating: the location-level word and the long-form rows behind it."""

    published: date
    overall: str  # what the active file shows: a rating word, or "Not Rated" (per service)
    rows: tuple[tuple[str, str, str], ...]  # (service / population group, domain, rating)
    inherited: bool


@dataclass(frozen=True)
class Location:
    location_id: str
    ods_code: str
    name: str
    council: Council | None  # None: the one location outside England
    sector: str  # "Location Type/Sector"
    directorate: str
    category: str  # primary inspection category
    care_home: bool
    beds: int | None
    services: tuple[str, ...]
    user_bands: tuple[str, ...]
    dormant: bool
    provider: Provider
    street: str
    line2: str
    city: str
    postcode: str
    opened: date
    closed: date | None
    inspections: tuple[Inspection, ...]

    def active_on(self, day: date) -> bool:
        return self.opened < day and (self.closed is None or self.closed >= day)

    def latest_inspection(self, day: date) -> Inspection | None:
        """The latest rating published before `day`."""
        latest = None
        for inspection in self.inspections:
            if inspection.published < day:
                latest = inspection
        return latest


def _words(text: str, sep: str = " ") -> tuple[str, ...]:
    return tuple(text.split(sep))


TREES = _words(
    "Acacia Alder Ash Beech Birch Briar Cedar Elder Elm Fern Hawthorn Hazel Heather "
    "Holly Ivy Juniper Larch Laurel Linden Maple Oak Poplar Rowan Sycamore Willow "
    "Yew Bramble Clover"
)
PLACES = _words(
    "Brook Meadow Grange Manor Lodge Court View Field Hill Park House Gardens Mews "
    "Hall Croft Dene Lea Mount Rise Vale"
)
SURNAMES = _words(
    "Ashby Barlow Calder Denholm Ellery Fairley Garside Hollins Ingham Jessop "
    "Kershaw Lomax Marsden Northcote Oldroyd Pickles Quarmby Rushworth Sugden Tetley "
    "Uttley Varley Whiteley Yeadon"
)
KINDLY = _words(
    "Caring Kindly Trusted Bright Gentle Helping Homely Steady Together Willing Valued Constant"
)
STREETS = _words("Road Street Lane Avenue Close Drive Way Terrace Crescent")
TOWNS = _words(
    "Ashworth, Brackley Vale, Cinderford Green, Dunsmore, Eastwick, Fellbridge, "
    "Greystoke Moor, Hartwell, Kingsmead, Longridge End, Millbrook, Netherby, "
    "Overton, Pennington, Redbourne, Stanwell, Thornbury Hill, Upperby, Westcombe",
    ", ",
)
# National groups: invented names, each one provider with one brand across councils.
CARE_GROUPS = _words(
    "Amberleigh Care Group, Brookvale Healthcare, Castlemere Living, Dovecote Care, "
    "Evergreen Horizons Care, Foxglove Residential, Greenholme Care Homes, "
    "Harbourlight Home Care, Kestrel Support Services, Lanterns Care Partnership, "
    "Meadowsweet Homes, Northwind Care Services, Orchard Gate Care, Primrose Path "
    "Care, Quayside Community Care, Silverbirch Nursing",
    ", ",
)
PROVIDER_WORDS: dict[str, tuple[str, ...]] = {
    "Social Care Org": ("Care", "Healthcare", "Support", "Homecare"),
    "Independent Healthcare Org": ("Clinics", "Healthcare", "Medical"),
    "Primary Dental Care": ("Dental Care", "Dental"),
    "Independent Ambulance": ("Ambulance", "Patient Transport"),
}
CLINIC_GROUPS = _words("Clearview Diagnostics, Harlow Vale Clinics, Medisure Day Surgery", ", ")


def _postcode(draw: Draw) -> str:
    return f"{_letters(draw, 2)}{draw.between(1, 29)} {draw.between(1, 9)}{_letters(draw, 2)}"


def _digits(draw: Draw, count: int) -> str:
    return "".join(str(draw.between(0, 9)) for _ in range(count))


def _letters(draw: Draw, count: int) -> str:
    return "".join(draw.pick("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(count))


class _Ids:
    """Unique CQC-style IDs ("1-" and ten digits), drawn from a seed; a clash draws again."""

    def __init__(self) -> None:
        self.taken = {OUTSIDE_LOCATION_ID}

    def new(self, *seed: object) -> str:
        draw = Draw("id", *seed)
        while True:
            candidate = "1-" + str(draw.between(100_000_000, 19_999_999_999))
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate


@cache
def council_weights() -> dict[str, float]:
    """Each council's share of the locations: its population's share of England's."""
    with POPULATION_CSV.open(newline="", encoding="utf-8") as fh:
        population = {row["la_code"]: float(row["population_2020"]) for row in csv.DictReader(fh)}
    total = sum(population[c.la_code] for c in load_councils())
    return {c.la_code: population[c.la_code] / total for c in load_councils()}


@cache
def council_lean() -> dict[str, float]:
    """How far a council's adult social care locations lean to Good/Outstanding: a shift of
    the share rated so, from its assessment's overall % (z-score x 4 points) plus noise of
    its own. Councils not yet assessed get the noise alone."""
    with LEAGUE_TABLE_CSV.open(newline="", encoding="utf-8") as fh:
        scores = {
            match_council(r["name"]).la_code: float(r["pct_calc"]) for r in csv.DictReader(fh)
        }
    mean = sum(scores.values()) / len(scores)
    spread = (sum((s - mean) ** 2 for s in scores.values()) / len(scores)) ** 0.5
    lean = {}
    for council in load_councils():
        noise = (Draw("lean", council.la_code).unit() - 0.5) * 0.03
        z = (scores[council.la_code] - mean) / spread if council.la_code in scores else 0.0
        lean[council.la_code] = 0.04 * z + noise
    return lean


def _rating_weights(base: Mapping[str, float], lean: float) -> dict[str, float]:
    """`base` with the Good+Outstanding share moved by `lean` (kept between 50% and 97%)."""
    good = base["Outstanding"] + base["Good"]
    target = min(max(good + lean, 0.5), 0.97)
    up, down = target / good, (1 - target) / (1 - good)
    return {
        rating: weight * (up if rating in ("Outstanding", "Good") else down)
        for rating, weight in base.items()
    }


BASE_RATINGS: dict[str, dict[str, float]] = {
    "Social Care Org": {
        "Outstanding": 0.04,
        "Good": 0.76,
        "Requires improvement": 0.17,
        "Inadequate": 0.03,
    },
    "Primary Medical Services": {
        "Outstanding": 0.05,
        "Good": 0.87,
        "Requires improvement": 0.06,
        "Inadequate": 0.02,
    },
    "Independent Healthcare Org": {
        "Outstanding": 0.05,
        "Good": 0.80,
        "Requires improvement": 0.13,
        "Inadequate": 0.02,
    },
    "NHS Healthcare Organisation": {
        "Outstanding": 0.08,
        "Good": 0.50,
        "Requires improvement": 0.37,
        "Inadequate": 0.05,
    },
    "Independent Ambulance": {
        "Outstanding": 0.03,
        "Good": 0.80,
        "Requires improvement": 0.14,
        "Inadequate": 0.03,
    },
}
SECTORS: dict[str, float] = {
    "Social Care Org": 0.72,
    "Primary Medical Services": 0.14,
    "Primary Dental Care": 0.08,
    "Independent Healthcare Org": 0.04,
    "NHS Healthcare Organisation": 0.01,
    "Independent Ambulance": 0.01,
}
HOSPITAL_SERVICES = (
    "Surgery",
    "Outpatients",
    "Diagnostic imaging",
    "Medical care (including older people's care)",
    "Urgent and emergency services",
    "Maternity",
)


def _near(draw: Draw, rating: str) -> str:
    """A domain's rating beside the overall one: mostly the same, else one step away."""
    if draw.chance(0.8):
        return rating
    index = RATINGS.index(rating) + draw.pick((-1, 1))
    return RATINGS[min(max(index, 0), len(RATINGS) - 1)]


def _domain_rows(
    draw: Draw, group: str, overall: str, domains: Sequence[str] = DOMAINS
) -> list[tuple[str, str, str]]:
    return [(group, d, overall if d == "Overall" else _near(draw, overall)) for d in domains]


def _inspections(
    draw: Draw,
    sector: str,
    services: tuple[str, ...],
    lean: float,
    opened: date,
    closed: date | None,
) -> tuple[Inspection, ...]:
    """A location's published ratings up to the latest month: first some months after it
    opened (not before ratings began), then again sooner after a poor rating than a good
    one, each rating likely to repeat the one before."""
    if sector == "Primary Dental Care":
        return ()  # CQC does not rate dentists
    base = BASE_RATINGS[sector]
    weights = _rating_weights(base, lean) if sector == "Social Care Org" else dict(base)
    gaps = {
        "Outstanding": (30, 60),
        "Good": (24, 54),
        "Requires improvement": (9, 18),
        "Inadequate": (5, 9),
    }
    start = max(opened + timedelta(days=30 * draw.between(4, 14)), FIRST_RATINGS)
    if opened < FIRST_RATINGS:  # the first ratings were spread over three years
        start = draw.day(FIRST_RATINGS, date(2017, 9, 30))
    published, previous = start, None
    found: list[Inspection] = []
    until = min(closed or LATEST_MONTH.snapshot, LATEST_MONTH.snapshot)
    while published < until:
        overall = previous if previous and draw.chance(0.55) else draw.weighted(weights)
        rows: list[tuple[str, str, str]] = []
        location_word = overall
        if sector == "Social Care Org" and len(services) > 1 and published >= PER_SERVICE_FROM:
            location_word = "Not Rated"
            for service in services:
                service_overall = overall if draw.chance(0.7) else draw.weighted(weights)
                rows += _domain_rows(draw, service, service_overall)
        else:
            rows += _domain_rows(draw, "Overall", overall)
        if sector == "Primary Medical Services":
            for group in POPULATION_GROUPS:
                rows += _domain_rows(
                    draw, group, _near(draw, overall), ("Overall", "Effective", "Responsive")
                )
        elif sector in ("Independent Healthcare Org", "NHS Healthcare Organisation"):
            count = draw.between(1, 3 if sector == "Independent Healthcare Org" else 6)
            for service in HOSPITAL_SERVICES[:count]:
                rows += _domain_rows(draw, service, _near(draw, overall))
        found.append(Inspection(published, location_word, tuple(rows), draw.chance(0.02)))
        previous = overall
        low, high = gaps[overall]
        published += timedelta(days=30 * draw.between(low, high))
    return tuple(found)


@dataclass(frozen=True)
class _Service:
    """What a location is, before who runs it and how it was rated."""

    name: str
    directorate: str
    category: str
    ods_code: str
    care_home: bool = False
    beds: int | None = None
    services: tuple[str, ...] = ()
    user_bands: tuple[str, ...] = ()


# Adult social care kinds: share, service types (the second one only sometimes) and the odds
# of each user band (Older People, Dementia, Learning disabilities, Physical, Mental Health).
CARE_KINDS: dict[str, tuple[float, tuple[str, ...], float, tuple[float, ...]]] = {
    "nursing": (0.18, SERVICE_TYPES[0:2], 0.25, (0.85, 0.7, 0.2, 0.5, 0.12)),
    "residential": (0.30, SERVICE_TYPES[1:3], 0.08, (0.85, 0.7, 0.2, 0.5, 0.12)),
    "home care": (0.42, SERVICE_TYPES[2:4], 0.12, (0.7, 0.5, 0.35, 0.5, 0.12)),
    "supported": (0.06, SERVICE_TYPES[3:1:-1], 0.5, (0.15, 0.05, 0.95, 0.5, 0.12)),
    "extra care": (0.04, SERVICE_TYPES[2:3], 0.0, (0.9, 0.6, 0.1, 0.5, 0.12)),
}


def _social_care(draw: Draw, town: str) -> _Service:
    kind = draw.weighted({kind: spec[0] for kind, spec in CARE_KINDS.items()})
    _, types, second, band_odds = CARE_KINDS[kind]
    services = types if len(types) > 1 and draw.chance(second) else types[:1]
    bands = tuple(band for band, p in zip(USER_BANDS, band_odds, strict=True) if draw.chance(p))
    care_home = kind in ("nursing", "residential")
    place = f"{draw.pick(TREES)} {draw.pick(PLACES)}"
    if care_home:
        suffix = " Nursing Home" if kind == "nursing" else " Residential Home"
        name = place + draw.pick(("", " Care Home", suffix))
    elif kind == "supported":
        name = f"{place} Supported Living"
    else:
        name = f"{draw.pick(KINDLY)} Hands Home Care - {town}"
    category = "Residential social care" if care_home else "Community based adult social care"
    beds = draw.between(30, 110) if kind == "nursing" else draw.between(6, 65)
    return _Service(
        name=name,
        directorate="Adult social care",
        category=category + ("" if care_home else " services"),
        ods_code="V" + _letters(draw, 1) + str(draw.between(0, 9)) + _letters(draw, 2),
        care_home=care_home,
        beds=beds if care_home else None,
        services=services,
        user_bands=bands,
    )


IH_CATEGORIES = (
    "Independent consulting doctors",
    "Acute hospital - Independent non-specialist",
    "Diagnosis/screening",
)


def _healthcare(draw: Draw, sector: str, town: str) -> _Service:
    place = f"{draw.pick(TREES)} {draw.pick(PLACES)}"
    if sector == "Primary Medical Services":
        kind = draw.pick(("Surgery", "Medical Centre", "Health Centre", "Medical Practice"))
        code = _letters(draw, 1) + _digits(draw, 5)
        return _Service(f"{place} {kind}", "Primary medical services", "GP Practices", code)
    if sector == "Primary Dental Care":
        code = "V" + _digits(draw, 5)
        return _Service(f"{place} Dental Practice", "Primary medical services", "Dentists", code)
    if sector == "Independent Healthcare Org":
        kind = draw.pick(("Clinic", "Day Surgery", "Diagnostic Centre", "Private Hospital"))
        code = "N" + _letters(draw, 1) + _digits(draw, 3)
        return _Service(f"{town} {kind}", "Hospitals", draw.pick(IH_CATEGORIES), code)
    if sector == "NHS Healthcare Organisation":
        kind = draw.pick(("General Hospital", "Community Hospital", "Infirmary"))
        code = "R" + _letters(draw, 2) + _digits(draw, 2)
        return _Service(f"{town} {kind}", "Hospitals", "Acute hospital - NHS non-specialist", code)
    name = f"{draw.pick(KINDLY)} Ambulance Service - {town}"
    return _Service(name, "Hospitals", "Independent Ambulances", "")


class _Providers:
    """Who runs each location: national groups (one provider and brand everywhere), a pool of
    local providers per council that some of its locations share, GP partnerships, trusts."""

    def __init__(self, ids: _Ids) -> None:
        self.ids = ids
        self.groups: dict[str, Provider] = {}
        self.local: dict[tuple[str, str], list[Provider]] = {}

    def group(self, name: str) -> Provider:
        if name not in self.groups:
            brand = "BD" + str(Draw("brand", name).between(100, 999))
            self.groups[name] = Provider(self.ids.new("group", name), f"{name} Ltd", brand, name)
        return self.groups[name]

    def for_location(self, draw: Draw, sector: str, area: str, seed: str) -> Provider:
        if sector == "Social Care Org" and draw.chance(0.3):
            return self.group(draw.pick(CARE_GROUPS))
        if sector == "Independent Healthcare Org" and draw.chance(0.4):
            return self.group(draw.pick(CLINIC_GROUPS))
        pool = self.local.setdefault((area, sector), [])
        if sector == "NHS Healthcare Organisation" and pool:
            return pool[0]  # one trust per council
        if pool and sector != "Primary Medical Services" and draw.chance(0.35):
            return draw.pick(pool)
        if sector == "Primary Medical Services":
            name = f"Dr {_letters(draw, 1)} {draw.pick(SURNAMES)} and Partners"
        elif sector == "NHS Healthcare Organisation":
            name = f"{draw.pick(TREES)} Vale Health and Care NHS Foundation Trust"
        else:
            name = f"{draw.pick(SURNAMES)} {draw.pick(PROVIDER_WORDS[sector])} " + draw.pick(
                ("Ltd", "Limited", "LLP", "CIC")
            )
        provider = Provider(self.ids.new("provider", seed), name, "-", "-")
        pool.append(provider)
        return provider


def _location(
    draw: Draw,
    ids: _Ids,
    providers: _Providers,
    council: Council | None,
    seed: str,
    opened: date,
    closed: date | None,
    location_id: str | None = None,
) -> Location:
    area = council.la_code if council else OUTSIDE_ENGLAND
    sector = "Social Care Org" if council is None else draw.weighted(SECTORS)
    town = draw.pick(TOWNS)
    service = (
        _social_care(draw, town) if sector == "Social Care Org" else _healthcare(draw, sector, town)
    )
    lean = council_lean()[council.la_code] if council else 0.0
    return Location(
        location_id=location_id or ids.new("location", seed),
        ods_code=service.ods_code if draw.chance(0.9) else "",
        name=service.name,
        council=council,
        sector=sector,
        directorate=service.directorate,
        category=service.category,
        care_home=service.care_home,
        beds=service.beds,
        services=service.services,
        user_bands=service.user_bands,
        dormant=sector == "Social Care Org" and draw.chance(0.02),
        provider=providers.for_location(draw, sector, area, seed),
        street=f"{draw.between(1, 240)} {draw.pick(TREES)} {draw.pick(STREETS)}",
        line2=draw.pick(PLACES) + " Estate" if draw.chance(0.3) else "",
        city=town,
        postcode=_postcode(draw),
        opened=opened,
        closed=closed,
        inspections=_inspections(draw, sector, service.services, lean, opened, closed),
    )


@dataclass(frozen=True)
class Register:
    """Every location of the timeline, sorted by ID (the files' order)."""

    locations: tuple[Location, ...]

    def active(self, month: ProviderMonth) -> list[Location]:
        return [loc for loc in self.locations if loc.active_on(month.snapshot)]

    def deactivated(self, month: ProviderMonth) -> list[Location]:
        """The locations that closed in the 12 months before `month`."""
        start = month.snapshot.replace(year=month.year - 1)
        return [
            loc
            for loc in self.locations
            if loc.closed is not None and start <= loc.closed < month.snapshot
        ]


def _lifetime(draw: Draw) -> tuple[date, date | None]:
    """When a location opened and closed: 9% opened between the two months, 7% closed in the
    year before the first, 7% between the two; the rest opened since October 2010."""
    early, late = PROVIDER_MONTHS[-1].snapshot, LATEST_MONTH.snapshot
    fate = draw.unit()
    if fate < 0.09:
        return draw.day(early, late - timedelta(days=1)), None
    opened = draw.day(date(2010, 10, 1), early - timedelta(days=60))
    if fate < 0.16:
        year_before = early.replace(year=early.year - 1)
        return opened, draw.day(max(opened, year_before), early - timedelta(days=1))
    if fate < 0.23:
        return opened, draw.day(early, late - timedelta(days=1))
    return opened, None


@lru_cache(maxsize=4)
def build_register(scale: float = FULL_SCALE) -> Register:
    """The invented register at `scale` (1.0: the real file's size; at least one location per
    council at any scale). Location i of a council is the same at every scale."""
    ids = _Ids()  # one namespace for location and provider IDs
    providers = _Providers(ids)
    locations = []
    for council in load_councils():
        count = max(1, round(council_weights()[council.la_code] * LOCATIONS_AT_FULL_SCALE * scale))
        for index in range(count):
            seed = f"{council.la_code}:{index}"
            draw = Draw("location", seed)
            opened, closed = _lifetime(draw)
            locations.append(_location(draw, ids, providers, council, seed, opened, closed))
    outside = Draw("location", OUTSIDE_ENGLAND)
    locations.append(
        _location(
            outside,
            ids,
            providers,
            None,
            OUTSIDE_ENGLAND,
            date(2019, 5, 14),
            None,
            OUTSIDE_LOCATION_ID,
        )
    )
    return Register(tuple(sorted(locations, key=lambda loc: loc.location_id)))


# ---------------------------------------------------------------- cells and rows


def council_name(location: Location, month: ProviderMonth) -> str:
    """ "Location Local Authority" as CQC writes it that month."""
    if location.council is None:
        return OUTSIDE_ENGLAND
    return CQC_COUNCIL_NAMES.get(month, {}).get(location.council.name, location.council.name)


def region_name(location: Location) -> str:
    return location.council.region if location.council else "Unspecified"


@lru_cache(maxsize=4096)
def text_cell(value: str) -> str:
    if not value:
        return "<table:table-cell/>"
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(value)}</text:p></table:table-cell>"
    )


def number_cell(value: int | None) -> str:
    if value is None:
        return "<table:table-cell/>"
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


@lru_cache(maxsize=8192)
def date_cell(value: date | None) -> str:
    if value is None:
        return "<table:table-cell/>"
    return (
        f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
        f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
    )


def _yes(flag: bool) -> str:
    return text_cell("Y" if flag else "N")


def _ccg(location: Location) -> tuple[str, str]:
    area = location.council.name if location.council else OUTSIDE_ENGLAND
    code = "E38" + str(Draw("ccg", area).between(100_000, 999_999))
    short = area.split(",")[0]
    return code, f"NHS {short} Integrated Care Board - {code[-3:]}"


def _active_row(location: Location, month: ProviderMonth) -> str:
    inspection = location.latest_inspection(month.snapshot)
    published = inspection.published if inspection else None
    # September 2025 writes the date as text, September 2026 as a date cell (both seen).
    when = (
        date_cell(published)
        if month >= LATEST_MONTH
        else text_cell(f"{published:%d/%m/%Y}" if published else "")
    )
    cells = [
        text_cell(location.location_id),
        text_cell(location.ods_code),
        text_cell(location.name),
        _yes(location.care_home),
        number_cell(location.beds),
        text_cell(location.sector),
        text_cell(location.directorate),
        text_cell(location.category),
        text_cell(council_name(location, month)),
        text_cell(region_name(location)),
        text_cell(inspection.overall if inspection else ""),
        when,
        _yes(location.dormant),
        text_cell(location.provider.provider_id),
        text_cell(location.provider.name),
        text_cell(location.provider.brand_id),
        text_cell(location.provider.brand_name),
        *(_yes(service in location.services) for service in SERVICE_TYPES),
        *(_yes(band in location.user_bands) for band in USER_BANDS),
    ]
    return "".join(cells)


def _ratings_rows(location: Location, month: ProviderMonth) -> Iterator[str]:
    inspection = location.latest_inspection(month.snapshot)
    if inspection is None:
        return
    ccg_code, ccg_name = _ccg(location)
    head = "".join(
        (
            text_cell(location.location_id),
            text_cell(location.ods_code),
            text_cell(location.name),
            _yes(location.care_home),
            text_cell(location.sector),
            text_cell(location.category),
            text_cell(location.street),
            text_cell(location.line2),
            text_cell(location.city),
            text_cell(location.postcode),
            text_cell(council_name(location, month)),
            text_cell(region_name(location)),
            text_cell(NHS_REGIONS.get(region_name(location), "Unspecified")),
            text_cell(ccg_code),
            text_cell(ccg_name),
            text_cell(ccg_code),
            text_cell(ccg_name),
        )
    )
    when = date_cell(inspection.published)
    tail = "".join(
        (
            text_cell("Location"),
            _yes(inspection.inherited),
            text_cell(f"https://www.cqc.org.uk/location/{location.location_id}"),
            text_cell(location.provider.provider_id),
            text_cell(location.provider.name),
            text_cell(location.provider.brand_id),
            text_cell(location.provider.brand_name),
        )
    )
    for group, domain, rating in inspection.rows:
        yield head + text_cell(group) + text_cell(domain) + text_cell(rating) + when + tail


def _deactivated_row(location: Location, month: ProviderMonth) -> str:
    return "".join(
        (
            text_cell(location.location_id),
            text_cell(location.ods_code),
            text_cell(location.name),
            text_cell("Deactivated"),
            date_cell(location.opened),
            date_cell(location.closed),
            _yes(location.care_home),
            number_cell(location.beds),
            text_cell(location.sector),
            text_cell(council_name(location, month)),
            text_cell(region_name(location)),
            text_cell(location.provider.provider_id),
            text_cell(location.provider.name),
        )
    )


def notice_rows(month: ProviderMonth) -> list[str]:
    """The rows above the active file's header: 7 in September 2026 (header on row 8), 5 in
    September 2025 (header on row 6, no word yet of ratings per service). Our own words; an
    empty string is an empty row."""
    rows = [
        f"HSCA Active Locations: {month.label}",
        "Offline mirror of cqc.org.uk: every value in this file is invented.",
        "",
        "Issues with our care directory files: some locations may be listed with out of date "
        "details while we move to a new register system. We are working to correct this.",
    ]
    if month.snapshot >= PER_SERVICE_NOTICE_FROM:
        rows += [
            "Adult social care locations that provide more than one type of service no longer "
            'receive one overall rating for the location and are shown here as "Not Rated".',
            "Their ratings for each type of service are in the Latest ratings file.",
        ]
    return [*rows, ""]


# ---------------------------------------------------------------- the ODS writer

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">\n'
    ' <manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    f'manifest:media-type="{ODS_MIMETYPE}"/>\n'
    ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
    "</manifest:manifest>\n"
)
ROWS_PER_WRITE = 2000


def _member(name: str, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = compress_type
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def write_ods(out: BinaryIO, sheet: str, width: int, rows: Iterable[str]) -> None:
    """An OpenDocument spreadsheet of one sheet into `out`: `rows` are each a row's cells as
    ODF XML, written a chunk at a time (the whole sheet is never in memory)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(_member("mimetype", zipfile.ZIP_STORED), ODS_MIMETYPE)
        archive.writestr(_member("META-INF/manifest.xml", zipfile.ZIP_DEFLATED), _MANIFEST)
        with archive.open(_member("content.xml", zipfile.ZIP_DEFLATED), "w") as content:
            content.write(
                (
                    _CONTENT_HEAD
                    + f"<table:table table:name={quoteattr(sheet)}>"
                    + f'<table:table-column table:number-columns-repeated="{width}"/>'
                ).encode()
            )
            chunk: list[str] = []
            for row in rows:
                chunk.append(f"<table:table-row>{row}</table:table-row>\n")
                if len(chunk) >= ROWS_PER_WRITE:
                    content.write("".join(chunk).encode())
                    chunk.clear()
            chunk.append(
                "</table:table></office:spreadsheet></office:body></office:document-content>\n"
            )
            content.write("".join(chunk).encode())


def _header(columns: Sequence[str], renamed: Mapping[str, str]) -> str:
    return "".join(text_cell(renamed.get(column, column)) for column in columns)


def _file_rows(
    name: ProviderFileName, month: ProviderMonth, scale: float, renamed: Mapping[str, str]
) -> tuple[int, Iterator[str]]:
    register = build_register(scale)
    if name == "HSCA_Active_Locations":
        head = [text_cell(line) for line in notice_rows(month)]
        body: Iterator[str] = (_active_row(loc, month) for loc in register.active(month))
        return len(ACTIVE_COLUMNS), _chain(head, [_header(ACTIVE_COLUMNS, renamed)], body)
    if name == "Latest_ratings":
        body = (row for loc in register.active(month) for row in _ratings_rows(loc, month))
        return len(RATINGS_COLUMNS), _chain([_header(RATINGS_COLUMNS, renamed)], body)
    body = (_deactivated_row(loc, month) for loc in register.deactivated(month))
    return len(DEACTIVATED_COLUMNS), _chain([_header(DEACTIVATED_COLUMNS, renamed)], body)


def _chain(*parts: Iterable[str]) -> Iterator[str]:
    for part in parts:
        yield from part


def write_provider_file(
    out: BinaryIO,
    month: ProviderMonth,
    name: ProviderFileName,
    scale: float = FULL_SCALE,
    *,
    renamed: Mapping[str, str] | None = None,
) -> None:
    """One month's file into `out`. `renamed` maps a column to the name to write instead
    (a file whose layout moved, for tests; never served)."""
    width, rows = _file_rows(name, month, scale, renamed or {})
    write_ods(out, SHEET_NAMES[name], width, rows)


def provider_file_bytes(
    month: ProviderMonth,
    name: ProviderFileName,
    scale: float = FULL_SCALE,
    *,
    renamed: Mapping[str, str] | None = None,
) -> bytes:
    out = io.BytesIO()
    write_provider_file(out, month, name, scale, renamed=renamed)
    return out.getvalue()


# ---------------------------------------------------------------- the page and the URLs


def file_for_url(path: str) -> tuple[ProviderMonth, ProviderFileName] | None:
    """The month and file a URL path names, or None if it names none the page links."""
    for month in PROVIDER_MONTHS:
        for name in PROVIDER_FILES:
            if month.file_url(name) == path:
                return month, name
    return None


def provider_file_urls() -> list[str]:
    return [month.file_url(name) for month in PROVIDER_MONTHS for name in PROVIDER_FILES]


LINK_TEXTS: dict[ProviderFileName, str] = {
    "HSCA_Active_Locations": "Care directory: active locations",
    "Latest_ratings": "Latest ratings",
    "Deactivated_Locations": "Deactivated locations",
}
PAGE_UPDATED = date(2026, 9, 2)


def using_cqc_data_page() -> bytes:
    """The page linking the months' files (our own words and markup; skin-independent)."""
    latest = LATEST_MONTH
    updated = f"{PAGE_UPDATED.day} {calendar.month_name[PAGE_UPDATED.month]} {PAGE_UPDATED.year}"

    def links(month: ProviderMonth) -> str:
        return "\n".join(
            f'      <li><a href="{month.file_url(name)}">{LINK_TEXTS[name]}, {month.label}</a>'
            f' <span class="file-meta">(ODS)</span></li>'
            for name in PROVIDER_FILES
        )

    older = "\n".join(
        f"    <h3>{month.label}</h3>\n    <ul>\n{links(month)}\n    </ul>"
        for month in PROVIDER_MONTHS[1:]
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Using CQC data | Care Quality Commission</title></head>
<body>
<header class="site-header"><a href="/">Care Quality Commission</a></header>
<div class="mirror-banner" role="note">Offline mirror of cqc.org.uk: the prose on this page and
every value in the files it links are placeholders, invented for testing.</div>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
<li><a href="/about-us">About us</a></li><li>Transparency</li></ol></nav>
<main id="main-content">
  <h1>Using CQC data</h1>
  <p class="updated">Page last updated: {updated}</p>
  <p>[placeholder] We publish the register of the services we regulate, with their latest
  ratings, at the start of every month. The files are OpenDocument spreadsheets.</p>
  <p>[placeholder] Read <a href="/sites/default/files/2026-01/guide-to-using-our-data-files.pdf">our
  guide to the data files (PDF)</a> before you use them, or see the
  <a href="/care-services/local-authority-assessment-reports">local authority assessment
  reports</a>.</p>
  <section class="data-files">
    <h2>Care directory with ratings: {latest.label}</h2>
    <ul>
{links(latest)}
    </ul>
  </section>
  <section class="data-files data-files--previous">
    <h2>Previous months</h2>
{older}
  </section>
  <h2>Other ways to get our data</h2>
  <p>[placeholder] Developers can use our <a href="https://api.service.cqc.org.uk/public/v1">syndication
  API</a>.</p>
</main>
<footer class="site-footer"><a href="/about-us/contact-us">Contact us</a></footer>
</body>
</html>
"""
    return page.encode("utf-8")


def file_last_modified(month: ProviderMonth) -> datetime:
    """When a month's files were published: its first day, 08:00 UTC (invented hour)."""
    return datetime(month.year, month.month, 1, 8, 0, tzinfo=UTC)


def page_last_modified() -> datetime:
    return datetime(PAGE_UPDATED.year, PAGE_UPDATED.month, PAGE_UPDATED.day, tzinfo=UTC)


# ---------------------------------------------------------------- the disk cache


@cache
def generator_fingerprint() -> str:
    """A hash of this module and every file it reads: a cache made by other code or other
    data is never used."""
    digest = hashlib.sha256()
    for path in (Path(__file__), LEAGUE_TABLE_CSV, POPULATION_CSV, COUNCILS_CSV):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/cqc-warehouse`, else the system temp dir's `cqc-warehouse-cache`."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "cqc-warehouse"
    return Path(tempfile.gettempdir()) / "cqc-warehouse-cache"


def cached_provider_file(
    month: ProviderMonth, name: ProviderFileName, scale: float, cache_dir: Path | None = None
) -> Path:
    """The file on disk, generated if this generator has not written it at this scale yet
    (written to a temporary name and renamed, so a reader never sees half a file)."""
    root = (cache_dir or default_cache_dir()) / "provider-files" / generator_fingerprint()
    target = root / f"scale-{scale!r}" / month.file_url(name).removeprefix(FILES_PREFIX + "/")
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    os.close(handle)
    try:
        with Path(partial).open("wb") as out:
            write_provider_file(out, month, name, scale)
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
    return target


def command(argv: list[str] | None = None) -> None:
    """Write the files of every month into a directory, timing each."""
    parser = argparse.ArgumentParser(description="Write the mirror's CQC provider files")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=FULL_SCALE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build_register(args.scale)
    print(f"register: {time.perf_counter() - started:.1f} s")
    for month in PROVIDER_MONTHS:
        for name in PROVIDER_FILES:
            target = args.out / month.file_url(name).removeprefix(FILES_PREFIX + "/")
            target.parent.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            with target.open("wb") as out:
                write_provider_file(out, month, name, args.scale)
            size = target.stat().st_size / 1e6
            print(f"{target}: {time.perf_counter() - started:.1f} s, {size:.1f} MB")


if __name__ == "__main__":
    command()
