"""Generate the offline mirror of cqc.org.uk's local authority assessment reports.

This module is the first skin, "classic": its templates and the command that builds it. The
spec is `docs/mirror.md`: URLs, page families, labels, what is real and what is placeholder.
Markup varies between reports (chosen by report index, never at random) so that parsers can
only work by following links and reading labels. Which pages exist comes from `mirror.site`,
the facts and prose on them from `mirror.model`; this module only says how they look. Output
is deterministic: the same input CSVs give byte-identical files.

    python -m mirror.build [--out DIR]
"""

from __future__ import annotations

import argparse
from html import escape
from pathlib import Path

from mirror.model import (
    ABOUT_TEXT,
    BANNER_TEXT,
    DATA_DIR,
    EXPERIENCE_TEXT,
    FINDING_HEADINGS,
    FINDING_TEXT,
    IN_PROGRESS_INTRO,
    LISTING_INTRO,
    LISTING_PATH,
    MIRROR_DIR,
    PH_SCORE,
    RATING_LABELS,
    SCORE_LABELS,
    START_DATE_PLACEHOLDER,
    STATEMENTS,
    STRENGTHS_TEXT,
    THEMES,
    Report,
    StatementPage,
    commitment,
    demographics,
    expectations,
    financial_facts,
    findings_only_in_pdf,
    fmt_date,
)
from mirror.site import build_site
from mirror.skin import Listing, ReportPage, Skin

SITE_DIR = MIRROR_DIR / "site"
BROKEN_DIR = "sites/default/files/broken"

# --------------------------------------------------------------------------- page furniture

BANNER_CLASSES = ("mirror-notice", "alert alert--info", "site-banner", "notice-offline")
MAIN_CLASSES = ("main-content", "layout-content", "region region-content", "page-body")
NAV_LABELS = ("Report sections", "In this report", "Report contents", "Sections of this report")


def banner(index: int) -> str:
    cls = BANNER_CLASSES[index % len(BANNER_CLASSES)]
    return f'<div class="{cls}" role="note">\n  <p>{BANNER_TEXT}</p>\n</div>\n'


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


def report_page(page: ReportPage, content: str) -> str:
    """Any page of a report: the same frame round every page of the family."""
    r = page.report
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
        + site_footer(page.next_report)
    )
    return document(heading, body)


# --------------------------------------------------------------------------- report pages


def about_content(r: Report) -> str:
    d = fmt_date(r.published)
    parts = [f"<p>Assessment published: {d}</p>\n"]
    if r.pilot:
        parts.append(f"<p>Assessment start date: {START_DATE_PLACEHOLDER}</p>\n")
    parts.append(f"<h2>About {escape(r.name)}</h2>\n<p>{ABOUT_TEXT}</p>\n")
    bullets = [f"{label}: {value}" for label, value in demographics(r)]
    for heading, texts in (("Demographics", bullets), ("Financial facts", financial_facts(r))):
        lis = "".join(f"  <li>{escape(b)}</li>\n" for b in texts)
        parts.append(f"<h2>{heading}</h2>\n<ul>\n{lis}</ul>\n")
    return "".join(parts)


def score_text(r: Report, score: int | None) -> str:
    label = "Indicative score" if r.pilot else "Score"
    return f"{label}: {PH_SCORE if score is None else score}"


ScoreRow = tuple[StatementPage, str, int | None]  # statement, its name in the report, score


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
    pairs: list[ScoreRow] = [
        (st, r.statement_name(st), r.scores[st.number - 1]) for st in STATEMENTS
    ]
    variant = r.index % 4

    def table(rows: list[ScoreRow]) -> str:
        trs = "".join(
            f"  <tr><td>{escape(n)}</td><td><strong>{score_text(r, s)}</strong></td></tr>\n"
            for _, n, s in rows
        )
        return f"<table>\n <tbody>\n{trs} </tbody>\n</table>\n"

    def ulist(rows: list[ScoreRow]) -> str:
        lis = "".join(
            f"  <li>{escape(n)} <span>{score_text(r, s)}</span></li>\n" for _, n, s in rows
        )
        return f"<ul>\n{lis}</ul>\n"

    def dlist(rows: list[ScoreRow]) -> str:
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
        "<h2>Summary of people's experiences</h2>\n"
        + "".join(f"<p>{p}</p>\n" for p in EXPERIENCE_TEXT)
        + "<h2>Summary of strengths, areas for development and next steps</h2>\n"
        + f"<p>{STRENGTHS_TEXT}</p>\n"
    )
    return "".join(parts)


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
    if (r.index + st.number) % 2:
        parts.append(
            "<ul>\n" + "".join(f"  <li>{escape(e)}</li>\n" for e in expectations(st)) + "</ul>\n"
        )
    else:
        parts.append("".join(f"<p>{escape(e)}</p>\n" for e in expectations(st)))
    parts.append(f"<h2>The local authority commitment</h2>\n<p>{commitment(st)}</p>\n")
    if findings_only_in_pdf(r):
        return "".join(parts)
    parts.append("<h2>Key findings for this quality statement</h2>\n")
    headings = FINDING_HEADINGS[(r.index + st.number) % len(FINDING_HEADINGS)]
    for h in headings:
        parts.append(f"<h3>{escape(h)}</h3>\n<p>{FINDING_TEXT}</p>\n")
    return "".join(parts)


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


def listing_page(listing: Listing) -> str:
    content = [
        "<h1>Local authority assessment reports</h1>\n",
        f"<p>{LISTING_INTRO}</p>\n",
        "<h2>Assessment reports</h2>\n<ul>\n",
        *(listing_link(r) for r in listing.reports),
        "</ul>\n",
    ]
    if listing.number == 0:
        content.append(f"<h2>Assessments in progress</h2>\n<p>{IN_PROGRESS_INTRO}</p>\n<ul>\n")
        content += [f"  <li>{escape(n)}</li>\n" for n in listing.in_progress]
        content.append("</ul>\n<h2>Pilot assessments</h2>\n<ul>\n")
        content += [listing_link(r) for r in listing.pilots]
        content.append("</ul>\n")
    content.append(pager(listing.number, listing.count))
    body = (
        site_header()
        + banner(listing.number)
        + f'<main class="main-content">\n{"".join(content)}</main>\n'
        + site_footer(None)
    )
    return document("Local authority assessment reports", body)


# --------------------------------------------------------------------------- the skin


def fpdf_report(r: Report) -> bytes:
    """The report's PDF from fpdf2 (imported on first use: the HTML pages need no PDF
    library)."""
    from mirror.pdf import build_report_pdf

    return build_report_pdf(r)


# The classic URL shapes are the model's own (`Report.about_path` and the rest).
CLASSIC = Skin(
    about_path=lambda r: r.about_path,
    summary_path=lambda r: r.summary_path,
    statement_path=Report.statement_path,
    pdf_path=lambda r: r.pdf_path,
    broken_dir=BROKEN_DIR,
    listing_page=listing_page,
    report_page=report_page,
    about=about_content,
    summary=summary_content,
    statement=statement_content,
    pdf=fpdf_report,
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="output directory")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="input CSV directory")
    args = parser.parse_args(argv)
    n = build_site(CLASSIC, args.out, args.data)
    print(f"wrote {n} pages to {args.out}")


if __name__ == "__main__":
    main()
