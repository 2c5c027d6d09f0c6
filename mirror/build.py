"""Generate the offline mirror of cqc.org.uk's local authority assessment reports.

The spec is `docs/mirror.md`: URLs, page families, labels, and what is real or placeholder.
Output is deterministic: the same input CSVs give byte-identical files (no timestamps, stable
ordering, markup variants chosen by report index, never at random).

    python -m mirror.build [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import zlib
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from transform.councils import load_councils, match_council

MIRROR_DIR = Path(__file__).parent
DATA_DIR = MIRROR_DIR / "data"
SITE_DIR = MIRROR_DIR / "site"

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


# --------------------------------------------------------------------------- page furniture

BANNER_CLASSES = ("mirror-notice", "alert alert--info", "site-banner", "notice-offline")
MAIN_CLASSES = ("main-content", "layout-content", "region region-content", "page-body")
NAV_LABELS = ("Report sections", "In this report", "Report contents", "Sections of this report")


def banner(index: int) -> str:
    cls = BANNER_CLASSES[index % len(BANNER_CLASSES)]
    return (
        f'<div class="{cls}" role="note">\n  <p><strong>Offline mirror.</strong> This page is part '
        "of an offline mirror of cqc.org.uk built for testing. Names, dates, ratings and scores "
        "come from published results; all prose is placeholder text written for the mirror, and "
        "any value marked [placeholder] is not from a source. Councils missing from our sources "
        "are listed as in progress.</p>\n</div>\n"
    )


def site_header() -> str:
    return (
        '<header class="site-header">\n <div class="container"><div class="branding">\n'
        '  <a href="/" rel="home">Care Quality Commission</a>\n </div>\n'
        ' <nav aria-label="Main"><ul>\n'
        '  <li><a href="/about-us">About us</a></li>\n'
        '  <li><a href="/care-services">Care services</a></li>\n'
        '  <li><a href="/news">News</a></li>\n'
        '  <li><a href="/contact-us">Contact us</a></li>\n'
        " </ul></nav>\n </div>\n</header>\n"
    )


def site_footer(other: Report | None) -> str:
    extra = ""
    if other is not None:
        extra = (
            f'  <li>Also see: <a href="{other.about_path}">'
            f"{escape(other.name)}: local authority assessment</a></li>\n"
        )
    return (
        '<footer class="site-footer">\n <ul>\n'
        '  <li><a href="/about-us/our-policies/accessibility">Accessibility</a></li>\n'
        '  <li><a href="/about-us/our-policies/privacy">Privacy</a></li>\n'
        '  <li><a href="/contact-us">Contact us</a></li>\n'
        f'  <li><a href="{LISTING_PATH}">All local authority assessment reports</a></li>\n'
        f"{extra}"
        " </ul>\n</footer>\n"
    )


def document(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} | Care Quality Commission</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def published_line(r: Report) -> str:
    d = fmt_date(r.published)
    variant = r.index % 4
    if variant == 0:
        return f"<p>Published: {d} Page last updated: {d}</p>\n"
    if variant == 1:
        return (
            f'<div class="meta"><span>Published: {d}</span>\n'
            f"  <span>Page last updated: {d}</span></div>\n"
        )
    if variant == 2:
        return f"<p>\n  Published: {d}<br>Page last updated: {d}\n</p>\n"
    return f"<p>Published:&nbsp;{d}&nbsp; Page last updated:&nbsp;{d}</p>\n"


def report_nav(r: Report) -> str:
    label = NAV_LABELS[r.index % len(NAV_LABELS)]
    items = [(r.about_path, f"About {r.name}"), (r.summary_path, "Overall summary")]
    items += [(r.statement_path(st), r.statement_name(st)) for st in STATEMENTS]
    lis = "".join(f'  <li><a href="{href}">{escape(text)}</a></li>\n' for href, text in items)
    return f'<nav aria-label="{label}">\n <ul>\n{lis} </ul>\n</nav>\n'


def downloads(r: Report) -> str:
    return (
        '<div class="downloads">\n  <h2>Downloads</h2>\n'
        f'  <p><a href="{r.pdf_path}">{escape(r.name)} local authority assessment report '
        "(PDF)</a></p>\n</div>\n"
    )


def report_page(r: Report, reports: list[Report], content: str) -> str:
    other = reports[(r.index + 1) % len(reports)]
    heading = f"{r.name}: local authority assessment"
    main_cls = MAIN_CLASSES[r.index % len(MAIN_CLASSES)]
    header_line = (
        f'<p class="report-title">{escape(heading)}</p>\n'
        if r.index % 2
        else f'<div class="report-title"><span>\n  {escape(heading)}\n</span></div>\n'
    )
    body = (
        site_header()
        + banner(r.index)
        + f'<main class="{main_cls}">\n<div class="report">\n'
        + header_line
        + published_line(r)
        + report_nav(r)
        + f'<div class="report-body">\n{content}</div>\n'
        + ("" if r.pilot else downloads(r))  # the pilots' PDFs are not mirrored
        + "</div>\n</main>\n"
        + site_footer(other)
    )
    return document(heading, body)


# --------------------------------------------------------------------------- report pages


def about_content(r: Report) -> str:
    d = fmt_date(r.published)
    parts = [f"<p>Assessment published: {d}</p>\n"]
    if r.pilot:
        parts.append("<p>Assessment start date: [placeholder: date not in our sources]</p>\n")
    parts.append(
        f"<h2>About {escape(r.name)}</h2>\n<p>[placeholder] This paragraph stands in for the "
        "description of the area and the local authority. It is written for the offline mirror "
        "and says nothing about the council.</p>\n"
    )
    demographics = (
        f"Population: {PH_FIGURE}",
        f"Deprivation decile and rank out of 153: {PH_FIGURE}",
        f"Age profile compared with England: {PH_FIGURE}",
        f"Ethnicity compared with England: {PH_FIGURE}",
        f"Political control: {PH_FIGURE}",
    )
    if r.pilot:
        finance: tuple[str, ...] = (
            f"Total budget for 2022/23, estimated: {PH_FIGURE}",
            f"Total budget for 2022/23, actual: {PH_FIGURE}",
            f"Adult social care spend for 2022/23, estimated: {PH_FIGURE}",
            f"Adult social care spend for 2022/23, actual: {PH_FIGURE}",
            f"Share of the budget spent on adult social care: {PH_FIGURE}",
            f"Whether the adult social care precept was raised: {PH_FIGURE}",
            f"Approximate number of people in long-term support: {PH_FIGURE}",
        )
    else:
        real = REAL_FINANCE.get(r.slug, {})
        finance = (
            real.get(
                "spent", f"The local authority spent {PH_FIGURE} on adult social care in 2023/24"
            ),
            real.get("share", f"This was {PH_FIGURE} of its total budget"),
            real.get(
                "difference", f"The difference between its spend and its estimate was {PH_FIGURE}"
            ),
            real.get("long", f"People in long-term support: {PH_FIGURE}"),
            real.get("short", f"People in short-term support: {PH_FIGURE}"),
        )
    for heading, bullets in (("Demographics", demographics), ("Financial facts", finance)):
        lis = "".join(f"  <li>{escape(b)}</li>\n" for b in bullets)
        parts.append(f"<h2>{heading}</h2>\n<ul>\n{lis}</ul>\n")
    return "".join(parts)


def score_text(r: Report, score: int | None) -> str:
    label = "Indicative score" if r.pilot else "Score"
    return f"{label}: {PH_SCORE if score is None else score}"


def summary_content(r: Report) -> str:
    parts = ["<h1>Overall summary</h1>\n"]
    if r.pilot:
        parts.append(
            "<h2>Local authority indicative rating</h2>\n"
            f"<p>{escape(r.name)}</p>\n"
            f"<p><strong>{r.rating}: {RATING_LABELS[r.rating]}</strong></p>\n"
        )
    else:
        parts.append(
            "<h2>Local authority rating and score</h2>\n"
            f"<div><div>{escape(r.name)}</div>\n<div><strong>{r.rating}</strong></div></div>\n"
            f"<p>Overall rating for {escape(r.name)}: {r.pct}%</p>\n"
        )
    parts.append("<h2>Quality statement scores</h2>\n")
    pairs = [(st, r.statement_name(st), r.scores[st.number - 1]) for st in STATEMENTS]
    variant = r.index % 4

    def table(rows: list) -> str:
        trs = "".join(
            f"  <tr><td>{escape(n)}</td><td><strong>{score_text(r, s)}</strong></td></tr>\n"
            for _, n, s in rows
        )
        return f"<table>\n <tbody>\n{trs} </tbody>\n</table>\n"

    def ulist(rows: list) -> str:
        lis = "".join(
            f"  <li>{escape(n)} <span>{score_text(r, s)}</span></li>\n" for _, n, s in rows
        )
        return f"<ul>\n{lis}</ul>\n"

    def dlist(rows: list) -> str:
        items = "".join(
            f"  <dt>{escape(n)}</dt>\n  <dd>\n    {score_text(r, s)}\n  </dd>\n" for _, n, s in rows
        )
        return f"<dl>\n{items}</dl>\n"

    if variant == 0:
        parts.append(table(pairs))
    elif variant == 1:
        parts.append(ulist(pairs))
    elif variant == 2:
        parts.append(dlist(pairs))
    else:  # grouped under theme headings, alternating table and list per theme
        for t, theme in THEMES.items():
            group = [p for p in pairs if p[0].theme == t]
            parts.append(f"<h3>{escape(theme)}</h3>\n")
            parts.append(table(group) if t % 2 else ulist(group))
    parts.append(
        "<h2>Summary of people's experiences</h2>\n<p>[placeholder] This paragraph stands in for "
        "the summary of what people said about their experience of care and support.</p>\n"
        "<p>[placeholder] A second paragraph, also written for the mirror.</p>\n"
        "<h2>Summary of strengths, areas for development and next steps</h2>\n"
        "<p>[placeholder] This paragraph stands in for the summary of strengths, areas for "
        "development and next steps.</p>\n"
    )
    return "".join(parts)


FINDING_HEADINGS = (
    ("Access and timeliness", "People's experience", "Working with partners"),
    ("How the local authority plans", "Information and advice"),
    ("Staffing and capacity", "Monitoring and oversight", "Feedback from people"),
)


def findings_only_in_pdf(r: Report) -> bool:
    """Every tenth formal report's statement pages leave the key findings to the PDF (an
    invented quirk, so the mirror exercises filling fields from the PDF)."""
    return not r.pilot and r.index % 10 == 3


def statement_content(r: Report, st: StatementPage) -> str:
    score = r.scores[st.number - 1]
    name = r.statement_name(st)
    theme_tag = ("h2", "p", "div")[r.index % 3]
    parts = [
        f'<{theme_tag} class="theme">{escape(THEMES[st.theme])}</{theme_tag}>\n',
        f"<h1>\n  {escape(name)}\n</h1>\n",
    ]
    if r.index % 2:
        parts.append(f"<p><strong>{score_text(r, score)}</strong></p>\n")
    else:
        parts.append(f"<div><span>{score_text(r, score)}</span></div>\n")
    if score is not None:
        parts.append(f"<p>{score} - {SCORE_LABELS[score]}</p>\n")
    parts.append("<h2>What people expect</h2>\n")
    expectations = (
        f"I [placeholder] expect what quality statement {st.number} covers to work for me.",
        "I [placeholder] can get help that fits my life, in a way I understand.",
    )
    if (r.index + st.number) % 2:
        parts.append(
            "<ul>\n" + "".join(f"  <li>{escape(e)}</li>\n" for e in expectations) + "</ul>\n"
        )
    else:
        parts.append("".join(f"<p>{escape(e)}</p>\n" for e in expectations))
    parts.append(
        "<h2>The local authority commitment</h2>\n"
        f"<p>We [placeholder] commit to meeting quality statement {st.number}; this sentence "
        "was written for the mirror.</p>\n"
    )
    if findings_only_in_pdf(r):
        return "".join(parts)
    parts.append("<h2>Key findings for this quality statement</h2>\n")
    headings = FINDING_HEADINGS[(r.index + st.number) % len(FINDING_HEADINGS)]
    for h in headings:
        parts.append(
            f"<h3>{escape(h)}</h3>\n<p>[placeholder] This paragraph stands in for the findings "
            f"under this heading.&nbsp;It contains no findings.</p>\n"
        )
    return "".join(parts)


def report_family(r: Report, reports: list[Report]) -> dict[str, str]:
    """URL path -> HTML for every page of one report."""
    pages = {
        r.about_path: report_page(r, reports, about_content(r)),
        r.summary_path: report_page(r, reports, summary_content(r)),
    }
    for st in STATEMENTS:
        pages[r.statement_path(st)] = report_page(r, reports, statement_content(r, st))
    return pages


# --------------------------------------------------------------------------- listing


def listing_link(r: Report) -> str:
    return (
        f'  <li class="listing-item">\n    <a href="{r.about_path}">{escape(r.name)}: local '
        f'authority assessment</a>\n    <span class="date">Published: {fmt_date(r.published)}'
        "</span>\n  </li>\n"
    )


def pager(page: int, n_pages: int) -> str:
    items = []
    if page > 0:
        items.append(
            f'  <li class="pager__item pager__item--previous"><a href="?page={page - 1}" '
            'title="Go to previous page" rel="prev"><span class="visually-hidden">Previous page'
            '</span><span aria-hidden="true">\u2039 Previous</span></a></li>\n'
        )
    for p in range(n_pages):
        if p == page:
            items.append(
                f'  <li class="pager__item is-active"><a href="?page={p}" title="Current page">'
                f'<span class="visually-hidden">Current page</span>{p + 1}</a></li>\n'
            )
        else:
            items.append(
                f'  <li class="pager__item"><a href="?page={p}" title="Go to page {p + 1}">'
                f'<span class="visually-hidden">Page</span>{p + 1}</a></li>\n'
            )
    if page < n_pages - 1:
        items.append(
            f'  <li class="pager__item pager__item--next"><a href="?page={page + 1}" '
            'title="Go to next page" rel="next"><span class="visually-hidden">Next page</span>'
            '<span aria-hidden="true">Next \u203a</span></a></li>\n'
        )
    return (
        '<nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
        '  <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n'
        f'  <ul class="pager__items js-pager__items">\n{"".join(items)}  </ul>\n</nav>\n'
    )


def listing_pages(reports: list[Report]) -> dict[str, str]:
    formal = [r for r in reports if not r.pilot]
    pilots = [r for r in reports if r.pilot]
    n_pages = -(-len(formal) // REPORTS_PER_PAGE)
    pages = {}
    for page in range(n_pages):
        chunk = formal[page * REPORTS_PER_PAGE : (page + 1) * REPORTS_PER_PAGE]
        content = [
            "<h1>Local authority assessment reports</h1>\n",
            "<p>[placeholder] Reports on how local authorities meet their duties under Part 1 "
            "of the Care Act 2014.</p>\n",
            "<h2>Assessment reports</h2>\n<ul>\n",
            *(listing_link(r) for r in chunk),
            "</ul>\n",
        ]
        if page == 0:
            content.append(
                "<h2>Assessments in progress</h2>\n<p>[placeholder] The mirror lists here every "
                "council that is missing from our sources.</p>\n<ul>\n"
            )
            content += [f"  <li>{escape(n)}</li>\n" for n in in_progress_names(reports)]
            content.append("</ul>\n<h2>Pilot assessments</h2>\n<ul>\n")
            content += [listing_link(r) for r in pilots]
            content.append("</ul>\n")
        content.append(pager(page, n_pages))
        body = (
            site_header()
            + banner(page)
            + f'<main class="main-content">\n{"".join(content)}</main>\n'
            + site_footer(None)
        )
        key = LISTING_PATH if page == 0 else f"{LISTING_PATH}?page={page}"
        pages[key] = document("Local authority assessment reports", body)
    return pages


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


def build_pages(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Every page of the site: URL (path and optional query) -> HTML."""
    reports = load_reports(data_dir)
    pages = listing_pages(reports)
    for r in reports:
        family = report_family(r, reports)
        if set(family) & set(pages):
            raise ValueError(f"duplicate URL in {r.slug}")
        pages.update(family)
    return pages


def build_site(out_dir: Path, data_dir: Path = DATA_DIR) -> int:
    """Write the mirror into out_dir (replacing it); return the number of HTML pages written.

    The formal reports' PDFs (and broken PDFs for error paths) are written too.
    """
    pages = build_pages(data_dir)
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for url in sorted(pages):
        target = out_dir / url_to_file(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pages[url].encode("utf-8"))
    (out_dir / "robots.txt").write_bytes(ROBOTS.encode("utf-8"))
    from mirror.pdf import write_pdfs  # imports this module: deferred to avoid a cycle

    write_pdfs(out_dir, load_reports(data_dir))
    return len(pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="output directory")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="input CSV directory")
    args = parser.parse_args(argv)
    n = build_site(args.out, args.data)
    print(f"wrote {n} pages to {args.out}")


if __name__ == "__main__":
    main()
