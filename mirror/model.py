"""What the offline mirror says, apart from how any skin or PDF engine prints it.

Every rendering of the mirror (the classic and drupal skins, the fpdf2 and reportlab PDFs) must
carry the same facts and the same placeholder prose, or the parsers could not be held to read
the same data from all of them. So the facts (the report records loaded from `data/*.csv`,
statement and theme names, labels, dates), the invented quirks, and every placeholder sentence
live here once, and this module imports nothing from the rest of `mirror/`.

The classic URL shapes stay on `Report` (`about_path`, `summary_path`, `statement_path`,
`pdf_path`): they are the mirror's canonical addresses, which the sample warehouse and the tests
use to find a report's files.
"""

from __future__ import annotations

import csv
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from transform.councils import load_councils, match_council

MIRROR_DIR = Path(__file__).parent
DATA_DIR = MIRROR_DIR / "data"

LISTING_PATH = "/care-services/local-authority-assessment-reports"
REPORTS_PER_PAGE = 20
PH_FIGURE = "[placeholder: figure not in our sources]"
PH_SCORE = "[placeholder: score not in our sources]"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Full names CQC uses where the league-table CSV has a short form.
FULL_NAMES = {
    "Stoke": "Stoke-on-Trent City Council",
    "Stoke-on-Trent": "Stoke-on-Trent City Council",
    "Southend": "Southend-on-Sea City Council",
    "Southend-on-Sea": "Southend-on-Sea City Council",
    "County Durham": "Durham County Council",
    "Durham": "Durham County Council",
    "Hammersmith and Fulham": "London Borough of Hammersmith and Fulham",
}

# Real publication days (docs/mirror.md); every other formal report's day is placeholder.
REAL_DAYS = {"stokeontrent-0625": 13}
PILOT_DATE = date(2023, 11, 17)
PILOT_PLACEHOLDER_SLUGS = {
    "North Lincolnshire Council": "northlincolnshire-cc",
    "Suffolk County Council": "suffolk-cc",
}

# Themes as report pages name them.
THEMES = {
    1: "How the local authority works with people",
    2: "Providing support",
    3: "How the local authority ensures safety within the system",
    4: "Leadership",
}


@dataclass(frozen=True)
class StatementPage:
    number: int
    theme: int
    name: str  # report-page wording
    formal_suffix: str
    pilot_path: str


STATEMENTS: tuple[StatementPage, ...] = (
    StatementPage(1, 1, "Assessing needs", "theme1-needs", "1-working-with-people/assessing-needs"),
    StatementPage(
        2,
        1,
        "Supporting people to lead healthier lives",
        "theme1-healthier-lives",
        "1-working-with-people/supporting-people-to-lead-healthier-lives",
    ),
    StatementPage(
        3,
        1,
        "Equity in experience and outcomes",
        "theme1-equity",
        "1-working-with-people/equity-in-experience-and-outcomes",
    ),
    StatementPage(
        4,
        2,
        "Care provision, integration and continuity",
        "theme2-care",
        "2-providing-support/care-provision-integration-continuity",
    ),
    StatementPage(
        5,
        2,
        "Partnerships and communities",
        "theme2-partnerships",
        "2-providing-support/partnerships-communities",
    ),
    StatementPage(
        6,
        3,
        "Safe pathways, systems and transitions",
        "theme3-safe-systems",
        "3-ensuring-safety/safe-pathways-systems-transitions",
    ),
    StatementPage(7, 3, "Safeguarding", "theme3-safeguarding", "3-ensuring-safety/safeguarding"),
    StatementPage(
        8,
        4,
        "Governance, management and sustainability",
        "theme4-governance",
        "4-leadership/governance-management-sustainability",
    ),
    StatementPage(
        9,
        4,
        "Learning, improvement and innovation",
        "theme4-learning",
        "4-leadership/learning-improvement-innovation",
    ),
)

SCORE_LABELS = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
RATING_LABELS = {
    "Outstanding": "Evidence shows an exceptional standard",
    "Good": "Evidence shows a good standard",
    "Requires improvement": "Evidence shows some shortfalls",
    "Inadequate": "Evidence shows significant shortfalls",
}

# Real financial facts quoted in ../shared/cqc_site_notes.md (formal, 2023/24 wording).
REAL_FINANCE = {
    "leicestercity-0725": {
        "spent": "The local authority spent £172.5m on adult social care in 2023/24",
        "share": "This was 22.89% of its total budget",
        "difference": "It spent £15.3m less than it had estimated",
    },
    "lancashire-0825": {
        "spent": "The local authority spent about £496m on adult social care in 2023/24",
        "share": "This was about 45% of its net budget",
        "long": "About 23,000 people were in long-term support",
        "short": "Over 5,500 people were in short-term support",
    },
}


@dataclass(frozen=True)
class Report:
    index: int  # position in the listing order (formal first, then pilots): picks markup variants
    name: str
    slug: str
    pilot: bool
    published: date
    day_is_real: bool
    rating: str
    scores: tuple[int | None, ...]
    pct: int | None

    @property
    def about_path(self) -> str:
        return f"{LISTING_PATH}/{self.slug}"

    @property
    def summary_path(self) -> str:
        sep = "/overall-" if self.pilot else "-"
        return f"{LISTING_PATH}/{self.slug}{sep}summary"

    def statement_path(self, st: StatementPage) -> str:
        if self.pilot:
            return f"{LISTING_PATH}/{self.slug}/{st.pilot_path}"
        return f"{LISTING_PATH}/{self.slug}-{st.formal_suffix}"

    @property
    def pdf_path(self) -> str:
        p = self.published
        folder = f"/sites/default/files/{p.year}-{p.month:02d}"
        return f"{folder}/{self.slug}-local-authority-assessment.pdf"

    def statement_name(self, st: StatementPage) -> str:
        if st.number == 5 and self.index % 3 == 1:
            return "Partnership and communities"
        return st.name


def fmt_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def pct_half_up(total: int) -> int:
    """round(total / 36 * 100), halves rounded up, in integer arithmetic."""
    return (total * 200 + 36) // 72


# --------------------------------------------------------------------------- loading data


def load_reports(data_dir: Path = DATA_DIR) -> list[Report]:
    """The 72 formal reports (most recent first, then by name) followed by the 5 pilots."""
    formal: list[tuple[date, str, str, str, tuple[int, ...], int, bool]] = []
    with (data_dir / "bongo_twisty_league_tables_parsed.csv").open(
        newline="", encoding="utf-8"
    ) as fh:
        for row in csv.DictReader(fh):
            name = FULL_NAMES.get(row["name"].strip(), row["name"].strip())
            slug = row["url"].rstrip("/").rsplit("/", 1)[-1]
            month_name, year_s = row["date"].split()
            month, year = MONTHS.index(month_name) + 1, int(year_s)
            if slug[-4:] != f"{month:02d}{year % 100:02d}":
                raise ValueError(f"slug {slug!r} disagrees with publication month {row['date']!r}")
            scores = tuple(int(row[f"qs{i}"]) for i in range(1, 10))
            total = int(row["sum"])
            if sum(scores) != total:
                raise ValueError(f"{name}: qs1..qs9 add to {sum(scores)}, CSV sum says {total}")
            pct = int(row["pct_calc"])
            if pct != pct_half_up(total):
                raise ValueError(
                    f"{name}: pct {pct} != round({total}/36*100) = {pct_half_up(total)}"
                )
            real_day = REAL_DAYS.get(slug)
            # Placeholder day: deterministic, derived from the slug.
            day = real_day if real_day else 1 + zlib.crc32(slug.encode()) % 28
            rating = row["overall"].strip()
            if rating not in RATING_LABELS:
                raise ValueError(f"{name}: unknown rating {rating!r}")
            formal.append(
                (date(year, month, day), name, slug, rating, scores, pct, real_day is not None)
            )
    formal.sort(key=lambda r: (-r[0].toordinal(), r[1]))
    reports = [
        Report(i, name, slug, False, d, real, rating, scores, pct)
        for i, (d, name, slug, rating, scores, pct, real) in enumerate(formal)
    ]
    with (data_dir / "pilot_results.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["council_name"].strip()
            slug = row["slug"].strip() or PILOT_PLACEHOLDER_SLUGS[name]
            published = date.fromisoformat(row["published_on"])
            if published != PILOT_DATE:
                raise ValueError(f"{name}: pilot published {published}, expected {PILOT_DATE}")
            p_scores = tuple(
                int(row[f"qs{i}"]) if row[f"qs{i}"].strip() else None for i in range(1, 10)
            )
            rating = row["indicative_rating"].strip()
            if rating not in RATING_LABELS:
                raise ValueError(f"{name}: unknown rating {rating!r}")
            reports.append(
                Report(len(reports), name, slug, True, published, True, rating, p_scores, None)
            )
    return reports


def in_progress_names(reports: list[Report]) -> list[str]:
    """Councils in transform/councils.py's list with neither a formal report nor a pilot here."""
    covered = {match_council(r.name).la_code for r in reports}
    names = []
    for council in load_councils():
        if council.la_code in covered:
            continue
        name = council.name
        if ", " in name:  # ONS style "Bristol, City of" -> "City of Bristol"
            head, tail = name.split(", ", 1)
            name = f"{tail} {head}"
        names.append(name)
    return sorted(names)


# --------------------------------------------------------------------------- files and quirks

# No Crawl-delay: the client would honour it, and 1 s per page makes the 850-page demo take
# 15 minutes against our own loopback server. The client has its own min_interval_s.
ROBOTS = "User-agent: *\nDisallow: /search/\n"


def url_to_file(url_path: str) -> str:
    """Site-relative file for a URL path (with an optional listing ?page=N query)."""
    path, _, query = url_path.partition("?")
    rel = path.lstrip("/")
    if query:
        return f"{rel}.page-{int(query.removeprefix('page='))}.html"
    return f"{rel}.html"


def findings_only_in_pdf(r: Report) -> bool:
    """Every tenth formal report's statement pages leave the key findings to the PDF (an
    invented quirk, so the mirror exercises filling fields from the PDF)."""
    return not r.pilot and r.index % 10 == 3


# One PDF says something its pages do not (as a CQC publishing slip would): the report and
# the statement whose score the PDF prints one lower, in its score table and its section.
INCONSISTENT_PDF = ("southendonsea-0825", 7)


def pdf_scores(r: Report) -> tuple[int | None, ...]:
    """The scores the report's PDF prints: its pages' scores, except for INCONSISTENT_PDF."""
    slug, number = INCONSISTENT_PDF
    if r.slug != slug:
        return r.scores
    scores = list(r.scores)
    score = scores[number - 1]
    assert score is not None and score > 1
    scores[number - 1] = score - 1
    return tuple(scores)


# --------------------------------------------------------------------------- placeholder prose
# Word for word the same in every skin and PDF: the loaded tables must be identical.

BANNER_TEXT = (
    "<strong>Offline mirror.</strong> This page is part of an offline mirror of cqc.org.uk "
    "built for testing. Names, dates, ratings and scores come from published results; all "
    "prose is placeholder text written for the mirror, and any value marked [placeholder] is "
    "not from a source. Councils missing from our sources are listed as in progress."
)
LISTING_INTRO = (
    "[placeholder] Reports on how local authorities meet their duties under Part 1 of the "
    "Care Act 2014."
)
IN_PROGRESS_INTRO = (
    "[placeholder] The mirror lists here every council that is missing from our sources."
)
ABOUT_TEXT = (
    "[placeholder] This paragraph stands in for the description of the area and the local "
    "authority. It is written for the offline mirror and says nothing about the council."
)
START_DATE_PLACEHOLDER = "[placeholder: date not in our sources]"
EXPERIENCE_TEXT = (
    "[placeholder] This paragraph stands in for the summary of what people said about their "
    "experience of care and support.",
    "[placeholder] A second paragraph, also written for the mirror.",
)
STRENGTHS_TEXT = (
    "[placeholder] This paragraph stands in for the summary of strengths, areas for "
    "development and next steps."
)
FINDING_TEXT = (
    "[placeholder] This paragraph stands in for the findings under this heading.&nbsp;It "
    "contains no findings."
)
FINDING_HEADINGS = (
    ("Access and timeliness", "People's experience", "Working with partners"),
    ("How the local authority plans", "Information and advice"),
    ("Staffing and capacity", "Monitoring and oversight", "Feedback from people"),
)
DEMOGRAPHIC_LABELS = (
    "Population",
    "Deprivation decile and rank out of 153",
    "Age profile compared with England",
    "Ethnicity compared with England",
    "Political control",
)


def demographics(r: Report) -> list[tuple[str, str]]:
    """(label, value) pairs of the About page's demographics: no figure is in our sources."""
    return [(label, PH_FIGURE) for label in DEMOGRAPHIC_LABELS]


def financial_facts(r: Report) -> list[str]:
    """The About page's financial facts: pilots in the 2022/23 wording, formal reports in the
    2023/24 one with the few real figures the site notes quote."""
    if r.pilot:
        return [
            f"Total budget for 2022/23, estimated: {PH_FIGURE}",
            f"Total budget for 2022/23, actual: {PH_FIGURE}",
            f"Adult social care spend for 2022/23, estimated: {PH_FIGURE}",
            f"Adult social care spend for 2022/23, actual: {PH_FIGURE}",
            f"Share of the budget spent on adult social care: {PH_FIGURE}",
            f"Whether the adult social care precept was raised: {PH_FIGURE}",
            f"Approximate number of people in long-term support: {PH_FIGURE}",
        ]
    real = REAL_FINANCE.get(r.slug, {})
    return [
        real.get("spent", f"The local authority spent {PH_FIGURE} on adult social care in 2023/24"),
        real.get("share", f"This was {PH_FIGURE} of its total budget"),
        real.get(
            "difference", f"The difference between its spend and its estimate was {PH_FIGURE}"
        ),
        real.get("long", f"People in long-term support: {PH_FIGURE}"),
        real.get("short", f"People in short-term support: {PH_FIGURE}"),
    ]


def expectations(st: StatementPage) -> list[str]:
    """The statement's "What people expect" I-statements."""
    return [
        f"I [placeholder] expect what quality statement {st.number} covers to work for me.",
        "I [placeholder] can get help that fits my life, in a way I understand.",
    ]


def commitment(st: StatementPage) -> str:
    """The statement's "The local authority commitment" we-statement."""
    return (
        f"We [placeholder] commit to meeting quality statement {st.number}; this sentence was "
        "written for the mirror."
    )


# Sentences for the PDFs' longer placeholder paragraphs; hyphenated words let line-end hyphens
# occur.
_SENTENCES = (
    "This paragraph stands in for the findings of the assessment and was written for the "
    "offline mirror.",
    "It describes no real council, no real service and no real person.",
    "Its length is chosen so that sections run across page breaks, as in the published "
    "long-form reports.",
    "Placeholder wording about long-term support, short-term support and well-being follows.",
    "The parser is expected to rejoin lines, hyphenated line ends and paragraphs that continue "
    "on the next page.",
    "Nothing in this sentence is a finding, a figure or a quotation.",
    "Readers of the mirror should treat every word of it as filler text.",
)


def placeholder_paragraph(seed: int, n_sentences: int, tag: str = "") -> str:
    """A deterministic placeholder paragraph, labelled as such (`tag` makes it unique)."""
    picked = [_SENTENCES[(seed + 3 * i) % len(_SENTENCES)] for i in range(n_sentences)]
    return f"[placeholder{tag}] " + " ".join(picked)


def finding_paragraphs(
    r: Report, st: StatementPage, per_heading: int = 3
) -> list[tuple[str, list[str]]]:
    """Key findings (heading, paragraphs) of one statement in the PDFs: shared with tests as
    the truth."""
    headings = FINDING_HEADINGS[(r.index + st.number) % len(FINDING_HEADINGS)]
    out = []
    for k, h in enumerate(headings):
        seed = r.index * 7 + st.number * 3 + k
        paras = [
            placeholder_paragraph(seed + j, 4 + (seed + j) % 4, f" {st.number}.{k + 1}.{j + 1}")
            for j in range(per_heading)
        ]
        out.append((h, paras))
    return out
