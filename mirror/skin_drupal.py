"""The offline mirror's second skin, "drupal": the same site, facts and prose as `mirror.build`
(the "classic" skin) in a structurally different, plausible Drupal-theme markup. Which pages
exist comes from `mirror.site` and what they say from `mirror.model`, as for the classic skin;
this module holds the templates and URL shapes only.

Why: the real site's markup, sub-page URLs, pager and PDF file names are unknown
(`../shared/cqc_site_notes.md`), so a parser that works on one guess may only work because of
it. Two skins built from the same facts must load into identical data tables; whatever differs
between them is what the parsers must not depend on. This skin follows the notes' "page
anatomy": each report page starts with the report header as the `<h1>`, then "Published: ...
Page last updated: ...", then the Downloads block, and only then the page's own heading
(an `<h2>`); pilots use the pilot wordings ("<Council> assessment", "Indicative score:" on a
line of its own, "The local authority commitment:"). The spec is docs/mirror.md ("The drupal
skin"). Output is deterministic: rebuilding gives byte-identical files.

    python -m mirror.skin_drupal [--out DIR]
"""

from __future__ import annotations

import argparse
import re
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
    MONTHS,
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

SITE_DIR = MIRROR_DIR / "site-drupal"
PDF_ROOT = "/system/files/documents"
BROKEN_DIR = "system/files/documents/broken"

# Sub-page URL segments of formal reports: `<slug>/<theme>/<statement>`. The real ones are
# unknown; these differ from the classic skin's `<slug>-theme1-needs` on purpose.
THEME_SEGMENTS = {
    1: "how-the-local-authority-works-with-people",
    2: "providing-support",
    3: "how-the-local-authority-ensures-safety-within-the-system",
    4: "leadership",
}
STATEMENT_SEGMENTS = {
    1: "assessing-needs",
    2: "supporting-people-to-lead-healthier-lives",
    3: "equity-in-experience-and-outcomes",
    4: "care-provision-integration-and-continuity",
    5: "partnerships-and-communities",
    6: "safe-pathways-systems-and-transitions",
    7: "safeguarding",
    8: "governance-management-and-sustainability",
    9: "learning-improvement-and-innovation",
}

# --------------------------------------------------------------------------- URLs


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def about_path(r: Report) -> str:
    return f"{LISTING_PATH}/{r.slug}"


def summary_path(r: Report) -> str:
    return f"{about_path(r)}/overall-summary"


def statement_path(r: Report, st: StatementPage) -> str:
    if r.pilot:  # the pilots' sub-paths are known from the real site: kept as they are
        return f"{about_path(r)}/{st.pilot_path}"
    return f"{about_path(r)}/{THEME_SEGMENTS[st.theme]}/{STATEMENT_SEGMENTS[st.number]}"


def pdf_path(r: Report) -> str:
    """A file name that says nothing of the slug (as the real, unknown, pattern may not)."""
    p = r.published
    month = MONTHS[p.month - 1].lower()
    return f"{PDF_ROOT}/{p.year}/la-assessment-report-{slugify(r.name)}-{month}-{p.year}.pdf"


def family_paths(r: Report) -> list[str]:
    return [about_path(r), summary_path(r), *(statement_path(r, st) for st in STATEMENTS)]


# --------------------------------------------------------------------------- page furniture


def report_header(r: Report) -> str:
    """The header every page of a report starts with (pilots: without "local authority")."""
    return f"{r.name} assessment" if r.pilot else f"{r.name}: local authority assessment"


def badge(rating: str) -> str:
    """A rating badge; the theme prints rating words in title case ("Requires Improvement")."""
    return f'<span class="badge badge--{slugify(rating)}">{rating.title()}</span>'


def cookie_banner() -> str:
    return (
        '<div id="sliding-popup" class="cookie-banner" role="dialog" '
        'aria-label="Cookies on the CQC website">\n'
        ' <div class="eu-cookie-compliance-content">\n'
        '  <h2 class="cookie-banner__title">Cookies on our website</h2>\n'
        "  <p>We use some essential cookies to make this website work. We would like to set "
        "additional cookies to understand how you use the website.</p>\n"
        '  <div class="eu-cookie-compliance-buttons"><button type="button" '
        'class="agree-button">Accept additional cookies</button> <button type="button" '
        'class="decline-button">Reject additional cookies</button></div>\n'
        '  <p><a href="/about-us/our-policies/privacy-statement#cookies">View cookies</a></p>\n'
        " </div>\n</div>\n"
    )


def site_header() -> str:
    return (
        '<header role="banner" class="region region-header">\n'
        ' <div class="site-branding"><a href="/" rel="home" title="Home">'
        "Care Quality Commission</a></div>\n"
        ' <form class="search-block-form" action="/search" method="get" role="search">'
        '<label for="edit-keys" class="visually-hidden">Search</label>'
        '<input id="edit-keys" type="search" name="keys"> <button type="submit">Search</button>'
        "</form>\n"
        ' <nav role="navigation" aria-label="Main navigation" class="menu--main"><ul class="menu">'
        '<li class="menu-item"><a href="/care-services">Find and compare services</a></li>'
        '<li class="menu-item"><a href="/guidance-regulation">Guidance and regulation</a></li>'
        '<li class="menu-item"><a href="/publications">Publications</a></li>'
        '<li class="menu-item"><a href="/news">News</a></li>'
        '<li class="menu-item"><a href="/about-us">About us</a></li></ul></nav>\n'
        "</header>\n"
    )


def mirror_notice() -> str:
    return (
        '<div class="region region-highlighted">\n'
        '<div role="note" aria-label="Status message" class="messages messages--warning">\n'
        f"  <p>{BANNER_TEXT}</p>\n</div>\n</div>\n"
    )


def breadcrumb(items: list[tuple[str | None, str]]) -> str:
    lis = "".join(
        f'  <li class="breadcrumb__item"><a href="{href}">{escape(text)}</a></li>\n'
        if href
        else f'  <li class="breadcrumb__item" aria-current="page">{escape(text)}</li>\n'
        for href, text in items
    )
    return (
        '<div class="region region-breadcrumb">\n'
        '<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">\n'
        ' <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>\n'
        f" <ol>\n{lis} </ol>\n</nav>\n</div>\n"
    )


def site_footer() -> str:
    return (
        '<footer role="contentinfo" class="site-footer">\n <ul class="menu menu--footer">\n'
        '  <li><a href="/about-us/our-policies/accessibility-statement">Accessibility</a></li>\n'
        '  <li><a href="/about-us/our-policies/privacy-statement">Privacy</a></li>\n'
        '  <li><a href="/about-us/our-policies/privacy-statement#cookies">Cookies</a></li>\n'
        '  <li><a href="/contact-us">Contact us</a></li>\n'
        f'  <li><a href="{LISTING_PATH}">Local authority assessment reports</a></li>\n'
        " </ul>\n <p>&copy; Care Quality Commission</p>\n</footer>\n"
    )


def document(title: str, body: str, canonical: str, head_extra: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n'
        '<meta name="MobileOptimized" content="width">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<link rel="canonical" href="{canonical}">\n{head_extra}'
        f"<title>{escape(title)}</title>\n</head>\n"
        '<body class="path-node page-node-type-local-authority-assessment">\n'
        '<a href="#main-content" class="visually-hidden focusable skip-link">'
        "Skip to main content</a>\n"
        f'{cookie_banner()}<div class="dialog-off-canvas-main-canvas">\n{body}</div>\n'
        "</body>\n</html>\n"
    )


def published_meta(r: Report) -> str:
    d = fmt_date(r.published)
    iso = r.published.isoformat()
    return (
        '<div class="report-meta">\n'
        '  <span class="report-meta__label">Published:</span>&nbsp;'
        f'<time class="report-meta__value" datetime="{iso}">{d}</time>\n'
        '  <span class="report-meta__label">Page last updated:</span>&nbsp;'
        f'<time class="report-meta__value" datetime="{iso}">{d}</time>\n</div>\n'
    )


def downloads_block(r: Report) -> str:
    return (
        '<div class="block block--downloads">\n  <h2 class="block__title">Downloads</h2>\n'
        '  <ul class="file-list">\n'
        '    <li class="file file--mime-application-pdf">'
        f'<a href="{pdf_path(r)}" type="application/pdf">{escape(r.name)}: local authority '
        'assessment report</a> <span class="file__meta">(PDF)</span></li>\n  </ul>\n</div>\n'
    )


def report_contents(r: Report, current: str) -> str:
    items = [(about_path(r), f"About {r.name}"), (summary_path(r), "Overall summary")]
    items += [(statement_path(r, st), r.statement_name(st)) for st in STATEMENTS]
    lis = "".join(
        f'   <li class="menu-item{" is-active" if href == current else ""}">'
        f'<a href="{href}">{escape(text)}</a></li>\n'
        for href, text in items
    )
    return (
        '<nav class="report-contents" role="navigation" aria-labelledby="report-contents-title">\n'
        '  <h2 id="report-contents-title" class="report-contents__title">In this report</h2>\n'
        f"  <ol>\n{lis}  </ol>\n</nav>\n"
    )


GUIDANCE = "/guidance-regulation/local-authorities/assessment-framework"


def related_block(names: list[str]) -> str:
    """Links out of the report whose texts name statements and say "Score" (a trap for
    parsers that read any line naming a statement)."""
    items = [
        (f"{GUIDANCE}/quality-statements/{slugify(n)}", f"{n}: what this quality statement covers")
        for n in names
    ]
    items += [
        (f"{GUIDANCE}/scoring", "Score and rating: how we score local authority assessments"),
        (f"{GUIDANCE}/scoring/descriptions", f"{names[0]} Score descriptions, 1 to 4"),
    ]
    lis = "".join(f'  <li><a href="{h}">{escape(t)}</a></li>\n' for h, t in items)
    return (
        '<section class="block block--related" aria-labelledby="related-title">\n'
        f' <h2 id="related-title" class="block__title">Related</h2>\n <ul>\n{lis} </ul>\n'
        "</section>\n"
    )


def page_title_and_related(page: ReportPage) -> tuple[str | None, list[str]]:
    """The page's own title (None on the About page, titled by the report header) and the
    statement names its Related block links to."""
    r = page.report
    first, last = r.statement_name(STATEMENTS[0]), r.statement_name(STATEMENTS[-1])
    if page.statement is not None:
        name = r.statement_name(page.statement)
        return name, [name]
    if page.kind == "summary":
        return "Overall summary", [first, last]
    return None, [first]


def report_page(page: ReportPage, content: str) -> str:
    """One page of a report: header h1, published meta, Downloads, then the page's content."""
    r, path = page.report, page.url
    page_title, related = page_title_and_related(page)
    header = report_header(r)
    crumbs: list[tuple[str | None, str]] = [
        ("/", "Home"),
        ("/care-services", "Care services"),
        (LISTING_PATH, "Local authority assessment reports"),
    ]
    if page_title is None:
        crumbs.append((None, header))
        title = f"{header} | Care Quality Commission"
    else:
        crumbs += [(about_path(r), header), (None, page_title)]
        title = f"{page_title} | {header} | Care Quality Commission"
    body = (
        site_header()
        + mirror_notice()
        + breadcrumb(crumbs)
        + '<main role="main" class="layout-main">\n<a id="main-content" tabindex="-1"></a>\n'
        + '<div class="layout-content">\n'
        + '<div class="block block-page-title-block">\n'
        + f'  <h1 class="page-title"><span class="field field--name-title">{escape(header)}'
        + "</span></h1>\n</div>\n"
        + published_meta(r)
        + ("" if r.pilot else downloads_block(r))  # the pilots' PDFs are not mirrored
        + '<article class="node node--type-local-authority-assessment node--view-mode-full">\n'
        + f'<div class="node__content">\n{content}</div>\n</article>\n</div>\n'
        + '<div class="layout-sidebar-second" role="complementary">\n'
        + report_contents(r, path)
        + related_block(related)
        + "</div>\n</main>\n"
        + site_footer()
    )
    return document(title, body, path)


# --------------------------------------------------------------------------- report pages


def about_content(r: Report) -> str:
    d = fmt_date(r.published)
    dates = [("Assessment published:", f'<time datetime="{r.published.isoformat()}">{d}</time>')]
    if r.pilot:
        dates.append(("Assessment start date:", START_DATE_PLACEHOLDER))
    parts = [
        '<dl class="report-dates">\n'
        + "".join(f"  <dt>{label}</dt>\n  <dd>{value}</dd>\n" for label, value in dates)
        + "</dl>\n",
        f'<h2 class="node__title">About {escape(r.name)}</h2>\n',
        f'<div class="field field--name-body"><p>{ABOUT_TEXT}</p></div>\n',
        '<h3>Demographics</h3>\n<dl class="facts facts--demographics">\n',
    ]
    for label, value in demographics(r):
        parts.append(
            f'  <div class="facts__item"><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>\n'
        )
    parts.append('</dl>\n<h3>Financial facts</h3>\n<div class="cards cards--facts">\n')
    for fact in financial_facts(r):
        parts.append(
            f'  <div class="card card--fact"><p class="card__text">{escape(fact)}</p></div>\n'
        )
    parts.append("</div>\n")
    return "".join(parts)


def score_value(score: int | None) -> str:
    return PH_SCORE if score is None else str(score)


def score_label(r: Report) -> str:
    return "Indicative score" if r.pilot else "Score"


def summary_content(r: Report) -> str:
    parts = ['<h2 class="node__title">Overall summary</h2>\n']
    if r.pilot:
        parts.append(
            '<section class="rating-summary rating-summary--indicative">\n'
            "<h3>Local authority indicative rating</h3>\n"
            f'<p class="rating-summary__council">{escape(r.name)}</p>\n'
            f'<p class="rating-summary__rating">{badge(r.rating)}: {RATING_LABELS[r.rating]}'
            "</p>\n</section>\n"
        )
    else:
        parts.append(
            '<section class="rating-summary">\n<h3>Local authority rating and score</h3>\n'
            f'<p class="rating-summary__council">{escape(r.name)}</p>\n'
            f"{badge(r.rating)}\n"
            '<p class="rating-summary__score"><span class="label">Overall rating for '
            f'{escape(r.name)}:</span>&nbsp;<span class="value">{r.pct}%</span></p>\n'
            "</section>\n"
        )
    parts.append("<h3>Quality statement scores</h3>\n")
    label = score_label(r)

    def card(st: StatementPage, level: int) -> str:
        return (
            f'  <div class="card card--score"><h{level} class="card__title">'
            f"{escape(r.statement_name(st))}</h{level}>"
            f'<div class="card__score"><span class="label">{label}</span> '
            f'<span class="value">{score_value(r.scores[st.number - 1])}</span></div></div>\n'
        )

    variant = r.index % 3
    if variant == 0:
        parts.append(
            '<div class="cards cards--scores">\n'
            + "".join(card(st, 4) for st in STATEMENTS)
            + "</div>\n"
        )
    elif variant == 1:
        items = "".join(
            f'  <div class="qs-scores__item"><dt>{escape(r.statement_name(st))}</dt>'
            f'<dd><span class="label">{label}</span>&nbsp;'
            f'<span class="value">{score_value(r.scores[st.number - 1])}</span></dd></div>\n'
            for st in STATEMENTS
        )
        parts.append(f'<dl class="qs-scores">\n{items}</dl>\n')
    else:  # cards grouped under theme headings
        for t, theme in THEMES.items():
            group = [st for st in STATEMENTS if st.theme == t]
            parts.append(
                f'<div class="theme-group">\n<h4 class="theme-group__title">{escape(theme)}</h4>\n'
                '<div class="cards cards--scores">\n'
                + "".join(card(st, 5) for st in group)
                + "</div>\n</div>\n"
            )
    parts.append(
        "<h3>Summary of people&rsquo;s experiences</h3>\n"
        + "".join(f"<p>{p}</p>\n" for p in EXPERIENCE_TEXT)
        + "<h3>Summary of strengths, areas for development and next steps</h3>\n"
        + f"<p>{STRENGTHS_TEXT}</p>\n"
    )
    return "".join(parts)


def statement_content(r: Report, st: StatementPage) -> str:
    score = r.scores[st.number - 1]
    parts = [
        f'<p class="eyebrow">{escape(THEMES[st.theme])}</p>\n',
        f'<h2 class="node__title">{escape(r.statement_name(st))}</h2>\n',
    ]
    described = f"{score} - {SCORE_LABELS[score]}" if score is not None else None
    if r.pilot:  # "Indicative score:" on a line of its own, the value on the next
        parts.append(
            '<div class="qs-score qs-score--indicative">\n'
            '  <p class="qs-score__label">Indicative score:</p>\n'
            f'  <p class="qs-score__value">{described or PH_SCORE}</p>\n</div>\n'
        )
    else:  # Drupal's inline field: the label's colon comes from CSS
        parts.append(
            '<div class="field field--name-field-score field--label-inline">\n'
            '  <div class="field__label">Score</div>\n'
            f'  <div class="field__item">{score}</div>\n</div>\n'
            f'<p class="qs-score__description">{described}</p>\n'
        )
    parts.append('<h3>What people expect</h3>\n<div class="i-statements">\n')
    parts += [f"  <blockquote><p>{escape(e)}</p></blockquote>\n" for e in expectations(st)]
    colon = ":" if r.pilot else ""
    parts.append(
        f"</div>\n<h3>The local authority commitment{colon}</h3>\n"
        f'<div class="we-statement"><p>{escape(commitment(st))}</p></div>\n'
    )
    if findings_only_in_pdf(r):
        return "".join(parts)
    parts.append(
        '<section class="key-findings">\n<h3>Key findings for this quality statement</h3>\n'
    )
    for h in FINDING_HEADINGS[(r.index + st.number) % len(FINDING_HEADINGS)]:
        parts.append(f"<h4>{escape(h)}</h4>\n<p>{FINDING_TEXT}</p>\n")
    parts.append("</section>\n")
    return "".join(parts)


# --------------------------------------------------------------------------- listing


def teaser(r: Report) -> str:
    return (
        '  <div class="views-row"><article class="teaser">\n'
        f'    <h3 class="teaser__title"><a href="{about_path(r)}">{escape(r.name)}: local '
        "authority assessment</a></h3>\n"
        '    <div class="teaser__meta"><span class="label">Published:</span>&nbsp;'
        f'<time datetime="{r.published.isoformat()}">{fmt_date(r.published)}</time></div>\n'
        "  </article></div>\n"
    )


def pager(page: int, n_pages: int) -> str:
    """A Bootstrap-style pager: numbered links, "Older reports" instead of "Next", no rel."""
    items = []
    if page > 0:
        items.append(
            f'    <li class="page-item"><a class="page-link" href="?page={page - 1}">'
            "\u2039 Newer reports</a></li>\n"
        )
    for p in range(n_pages):
        if p == page:
            items.append(
                f'    <li class="page-item active" aria-current="page"><span class="page-link">'
                f"{p + 1}</span></li>\n"
            )
        else:
            items.append(
                f'    <li class="page-item"><a class="page-link" href="?page={p}">'
                f"{p + 1}</a></li>\n"
            )
    if page < n_pages - 1:
        items.append(
            f'    <li class="page-item"><a class="page-link" href="?page={page + 1}">'
            "Older reports \u203a</a></li>\n"
        )
    return (
        '<nav aria-label="Pagination" class="pager-wrapper">\n'
        f'  <ul class="pagination js-pager__items">\n{"".join(items)}  </ul>\n</nav>\n'
    )


def listing_page(listing: Listing) -> str:
    page, n_pages = listing.number, listing.count
    content = [
        '<div class="block block-page-title-block">\n'
        '  <h1 class="page-title">Local authority assessment reports</h1>\n</div>\n',
        '<div class="view view-local-authority-assessments">\n',
        f'<div class="view-header"><p>{LISTING_INTRO}</p></div>\n',
        "<h2>Assessment reports</h2>\n",
        '<div class="view-content">\n',
        *(teaser(r) for r in listing.reports),
        "</div>\n",
        pager(page, n_pages),
        "</div>\n",
    ]
    if page == 0:
        content.append(
            f"<h2>Assessments in progress</h2>\n<p>{IN_PROGRESS_INTRO}</p>\n"
            '<div class="item-list"><ul>\n'
        )
        content += [f"  <li>{escape(n)}</li>\n" for n in listing.in_progress]
        content.append('</ul></div>\n<h2>Pilot assessments</h2>\n<div class="view-content">\n')
        content += [teaser(r) for r in listing.pilots]
        content.append("</div>\n")
    body = (
        site_header()
        + mirror_notice()
        + breadcrumb(
            [
                ("/", "Home"),
                ("/care-services", "Care services"),
                (None, "Local authority assessment reports"),
            ]
        )
        + '<main role="main" class="layout-main">\n<a id="main-content" tabindex="-1"></a>\n'
        + f'<div class="layout-content">\n{"".join(content)}</div>\n</main>\n'
        + site_footer()
    )
    head = ""
    if page > 0:
        head += f'<link rel="prev" href="?page={page - 1}">\n'
    if page < n_pages - 1:
        head += f'<link rel="next" href="?page={page + 1}">\n'
    return document(
        "Local authority assessment reports | Care Quality Commission", body, listing.url, head
    )


# --------------------------------------------------------------------------- the skin


def reportlab_report(r: Report) -> bytes:
    """The report's PDF from the second engine, reportlab, so the two skins' PDFs differ in
    layout too (imported on first use: the HTML pages need no PDF library)."""
    from mirror.pdf_reportlab import build_report_pdf

    return build_report_pdf(r)


DRUPAL = Skin(
    about_path=about_path,
    summary_path=summary_path,
    statement_path=statement_path,
    pdf_path=pdf_path,
    broken_dir=BROKEN_DIR,
    listing_page=listing_page,
    report_page=report_page,
    about=about_content,
    summary=summary_content,
    statement=statement_content,
    pdf=reportlab_report,
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="output directory")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="input CSV directory")
    parser.add_argument("--no-pdfs", action="store_true", help="HTML pages only")
    args = parser.parse_args(argv)
    n = build_site(DRUPAL, args.out, args.data, pdfs=not args.no_pdfs)
    print(f"wrote {n} pages to {args.out} (skin drupal)")


if __name__ == "__main__":
    main()
