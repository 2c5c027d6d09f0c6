#!/usr/bin/env python3
"""Generator for the round11 "redesign" blind copy of CQC's LA assessment pages.

Everything (pages, PDFs, answer keys) is rendered from the FAMILIES data below.
Run: /tmp/blind-redesign11/venv/bin/python src/gen.py   (needs weasyprint + soffice)
"""
import datetime as dt
import html
import json
import os
import random
import shutil
import subprocess
import sys

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "/care-services/local-authority-assessment-reports"
TMP = "/tmp/blind-redesign11/build"

STATEMENTS = {
    1: "Assessing needs",
    2: "Supporting people to lead healthier lives",
    3: "Equity in experience and outcomes",
    4: "Care provision, integration and continuity",
    5: "Partnership and communities",
    6: "Safe pathways, systems and transitions",
    7: "Safeguarding",
    8: "Governance, management and sustainability",
    9: "Learning, improvement and innovation",
}
THEMES = [
    (1, "How the local authority works with people", [1, 2, 3], "working-with-people"),
    (2, "Providing support", [4, 5], "providing-support"),
    (3, "How the local authority ensures safety within the system", [6, 7], "ensuring-safety"),
    (4, "Leadership", [8, 9], "leadership"),
]
THEME_OF = {s: t for t, _, ss, _ in THEMES for s in ss}
SUFFIX = {1: "theme1-needs", 2: "theme1-healthier-lives", 3: "theme1-equity",
          4: "theme2-care", 5: "theme2-partnerships", 6: "theme3-safe-pathways",
          7: "theme3-safeguarding", 8: "theme4-governance", 9: "theme4-learning"}
PILOT_SEG = {1: "assessing-needs", 2: "healthier-lives", 3: "equity-experience-outcomes",
             4: "care-provision-integration-continuity", 5: "partnership-communities",
             6: "safe-pathways-systems-transitions", 7: "safeguarding",
             8: "governance-management-sustainability", 9: "learning-improvement-innovation"}
BAND = {1: "Evidence shows significant shortfalls", 2: "Evidence shows some shortfalls",
        3: "Evidence shows a good standard", 4: "Evidence shows an exceptional standard"}
TAGCOL = {"Outstanding": "green", "Good": "turquoise", "Requires improvement": "orange",
          "Inadequate": "red"}

# I-statements and we-statements: this author's own wording (placeholders, not CQC's text).
EXPECT = {
    1: ["I can get an assessment of my needs when I need one, without a long wait.",
        "I am listened to about what matters to me and my plan reflects it."],
    2: ["I can find help early so that my needs do not get worse.",
        "I get advice that helps me stay well and live the life I want."],
    3: ["I am treated fairly whoever I am and wherever I live.",
        "Support is offered in a way that fits my culture, language and needs."],
    4: ["I can choose from care that is good quality and available near me.",
        "The people who support me talk to each other so I only tell my story once."],
    5: ["Local organisations work together so that I get joined-up help."],
    6: ["When I move between services, or from children's to adult services, it is planned with me.",
        "I know who to contact if something goes wrong with my care."],
    7: ["I feel safe and am supported to understand and manage risks.",
        "If I raise a concern about abuse, it is acted on quickly."],
    8: ["I know the council is well run and spends money on things that make a difference to me."],
    9: ["My views and experiences help the council to improve services."],
}
COMMIT = {
    1: "We assess people's needs in a timely way and work with them to agree outcomes that matter to them.",
    2: "We help people to stay independent and well for as long as possible, and act early to prevent needs growing.",
    3: "We understand who lives in our area and act to remove barriers so that everyone gets fair outcomes.",
    4: "We make sure there is enough good quality care locally and that it is joined up with health and housing.",
    5: "We work with partners and community groups so that people get support that is coordinated around them.",
    6: "We plan moves between services with people and share information safely so that care is not interrupted.",
    7: "We work with partners to prevent abuse and neglect and respond promptly when people are at risk.",
    8: "We have clear leadership, sound governance and a plan to keep adult social care affordable and sustainable.",
    9: "We learn from people's experiences and from what goes wrong, and we use that learning to improve.",
}
HEADINGS = {
    1: ["Assessment, care planning and review arrangements", "Help for unpaid carers"],
    2: ["Arrangements to prevent, delay or reduce needs", "Direct payments"],
    3: ["Understanding and reducing inequalities", "Inclusion and accessibility arrangements"],
    4: ["Market shaping and commissioning", "Ensuring sufficiency and quality of care"],
    5: ["Partnership working to deliver shared outcomes", "Work with the voluntary and community sector"],
    6: ["Safety management", "Transitions from children's services"],
    7: ["Safeguarding systems, processes and practice", "Responding to concerns and enquiries"],
    8: ["Governance, accountability and risk management", "Strategic planning and finance"],
    9: ["Learning from feedback and complaints", "Co-production and innovation"],
}
TONE = {1: "weak", 2: "mixed", 3: "positive", 4: "strong"}


def para_for(rng, s, hi, council, score):
    short = council
    n1 = rng.randint(180, 1900)
    wk = rng.randint(3, 26)
    pct = round(rng.uniform(12, 88), 1)
    eng = round(pct + rng.choice([-1, 1]) * rng.uniform(1.5, 9.5), 1)
    good = score >= 3
    if hi == 0:
        a = (f"At the time of our assessment {n1:,} people were waiting for an assessment or review, "
             f"and the median wait was {wk} weeks. " +
             ("Leaders had reduced the list steadily over the previous year and risk was reviewed weekly."
              if good else "Staff told us the backlog had grown and people were not always contacted while they waited."))
        b = (f"In the Adult Social Care Survey {pct}% of people who use services said they had as much control over "
             f"their daily lives as they wanted, compared with the England average of {eng}%. "
             f"Feedback from people we spoke to in {short} was {'largely positive' if good else 'mixed'}.")
        return [a, b]
    a = (f"Partners described the approach in {short} as {'well organised and responsive' if good else 'inconsistent'}, "
         f"and {rng.randint(2, 9)} of the {rng.randint(10, 14)} teams we met could give recent examples of "
         f"{'joint' if good else 'delayed'} working.")
    b = (f"The Survey of Adult Carers in England showed {pct}% of carers were satisfied with the support they "
         f"received, against an England average of {eng}%. "
         + ("Carers valued the short breaks offer." if good else "Carers said information was hard to find and respite was limited."))
    return [a, b]


def build_statement(rng, s, council, score):
    kf = []
    for i, h in enumerate(HEADINGS[s]):
        kf.append({"heading": h, "paragraphs": para_for(rng, s, i, council, score)})
    return {"what_people_expect": EXPECT[s], "commitment": COMMIT[s], "key_findings": kf}


# ---------------------------------------------------------------------------------------------
# Families.  scores from /work/shared/cqc_raw (Lincolnshire pilot: only QS9 is real, the other
# eight are placeholders chosen by this author).  grouping: statement | theme | single.
# variant 0-3 picks label/score/date markup.  pdf: None | weasyprint | libreoffice.
# ---------------------------------------------------------------------------------------------
F = [
    # slug, council, la_code, kind, published, last_updated, rating, scores, grouping, variant, pdf
    ("birmingham-cc", "Birmingham City Council", "E08000025", "pilot", "2023-11-17", "2023-11-17", "Good",
     [2, 3, 3, 3, 3, 2, 2, 3, 3], "theme", 0, "weasyprint"),
    ("nottingham-city", "Nottingham City Council", "E06000018", "pilot", "2023-11-17", "2024-01-09",
     "Requires improvement", [2, 2, 2, 3, 2, 2, 3, 2, 3], "statement", 1, "libreoffice"),
    ("lincolnshire-cc", "Lincolnshire County Council", "E10000019", "pilot", "2023-11-17", "2023-11-17", "Good",
     [3, 3, 2, 3, 3, 3, 2, 3, 3], "single", 2, None),
    ("camden-0225", "London Borough of Camden", "E09000007", "formal", "2025-02-21", "2025-02-21", "Outstanding",
     [3, 3, 4, 3, 4, 4, 3, 4, 4], "statement", 0, "weasyprint"),
    ("kensingtonchelsea-0725", "Royal Borough of Kensington and Chelsea", "E09000020", "formal", "2025-07-11",
     "2025-08-04", "Outstanding", [3, 4, 4, 3, 4, 3, 4, 4, 3], "theme", 1, None),
    ("Hertfordshire-0524", "Hertfordshire County Council", "E10000015", "formal", "2024-05-24", "2024-06-03",
     "Good", [3, 3, 3, 3, 4, 3, 3, 3, 3], "statement", 2, "libreoffice"),
    ("staffordshire-0525", "Staffordshire County Council", "E10000028", "formal", "2025-05-16", "2025-05-16",
     "Good", [3, 3, 3, 3, 3, 3, 3, 3, 3], "single", 3, None),
    ("essex-0625", "Essex County Council", "E10000012", "formal", "2025-06-06", "2025-06-06", "Good",
     [2, 3, 3, 3, 3, 3, 3, 3, 3], "statement", 3, None),
    ("Hounslow-0524", "London Borough of Hounslow", "E09000018", "formal", "2024-05-24", "2024-07-15", "Good",
     [2, 2, 3, 3, 3, 3, 3, 3, 3], "theme", 2, "weasyprint"),
    ("derbyshirecc-0824", "Derbyshire County Council", "E10000007", "formal", "2024-08-09", "2024-08-09", "Good",
     [2, 3, 2, 3, 3, 3, 2, 3, 3], "statement", 1, None),
    ("durham-0824", "Durham County Council", "E06000047", "formal", "2024-08-16", "2024-09-02", "Good",
     [2, 3, 2, 3, 3, 3, 2, 3, 3], "single", 0, "libreoffice"),
    ("WBerkshire-0524", "West Berkshire Council", "E06000037", "formal", "2024-05-24", "2024-05-24", "Good",
     [3, 2, 2, 2, 2, 3, 3, 3, 3], "statement", 0, None),
    ("stokeontrent-0625", "Stoke-on-Trent City Council", "E06000021", "formal", "2025-06-13", "2025-06-20", "Good",
     [2, 2, 2, 3, 3, 2, 3, 3, 3], "statement", 2, "weasyprint"),
    ("brent-0824", "London Borough of Brent", "E09000005", "formal", "2024-08-30", "2024-08-30",
     "Requires improvement", [2, 2, 2, 2, 2, 3, 3, 3, 3], "theme", 3, None),
    ("leicestercity-0725", "Leicester City Council", "E06000016", "formal", "2025-07-04", "2025-07-18",
     "Requires Improvement", [2, 2, 2, 2, 3, 2, 2, 2, 3], "statement", 3, None),
    ("blackpool-0825", "Blackpool Council", "E06000009", "formal", "2025-08-22", "2025-08-22", "Inadequate",
     [1, 1, 1, 2, 2, 2, 1, 1, 1], "single", 1, None),
    ("lancashire-0825", "Lancashire County Council", "E10000017", "formal", "2025-08-29", "2025-09-12",
     "Requires improvement", [2, 2, 2, 2, 2, 2, 2, 2, 2], "statement", 1, "libreoffice"),
    # Not loadable: the summary prints 64% and "Good", but the nine scores sum to 22 (61%, RI).
    ("wakefield-0925", "Wakefield Council", "E08000036", "formal", "2025-09-19", "2025-09-19", "Good",
     [2, 2, 2, 3, 3, 2, 2, 3, 3], "statement", 0, None),
]
BAD_PCT = {"wakefield-0925": 64}


def pct_of(scores):
    return int(sum(scores) / 36 * 100 + 0.5)


def band(p):
    return ("Inadequate" if p <= 38 else "Requires improvement" if p <= 62 else "Good" if p <= 87
            else "Outstanding")


def d(iso):
    return dt.date.fromisoformat(iso)


def fmt_date(iso, v):
    x = d(iso)
    if v == 1:
        return f"{x.day} {x.strftime('%b')} {x.year}"
    if v == 3:
        return x.strftime("%d/%m/%Y")
    return f"{x.day} {x.strftime('%B')} {x.year}"


def fmt_pct(p, v):
    return f"{p} per cent" if v == 2 else f"{p}%"


class Fam:
    pass


def make_families():
    out = []
    for i, t in enumerate(F):
        f = Fam()
        (f.slug, f.council, f.la_code, f.kind, f.published, f.last_updated, f.rating, sc, f.grouping,
         f.v, f.engine) = t
        f.scores = {str(k + 1): v for k, v in enumerate(sc)}
        f.pilot = f.kind == "pilot"
        f.true_pct = pct_of(sc)
        f.shown_pct = None if f.pilot else BAD_PCT.get(f.slug, f.true_pct)
        if not f.pilot and f.slug not in BAD_PCT:
            assert band(f.true_pct) == f.rating.capitalize().replace("Requires Improvement",
                                                                      "Requires improvement"), f.slug
        rng = random.Random(f.slug)
        f.statements = {str(s): build_statement(rng, s, f.council, sc[s - 1]) for s in range(1, 10)}
        f.people = [
            f"People in {f.council.replace('Council', '').strip()} told us that once they were in contact with "
            f"adult social care, staff were {'kind and knowledgeable' if sum(sc) >= 23 else 'caring but stretched'}.",
            f"Some people, especially unpaid carers, said it was hard to get through on the phone and that "
            f"{rng.randint(3, 9)} in 10 contacts were not followed up within the promised time.",
            "People with lived experience helped design the new front door and information offer.",
        ]
        pop = rng.randint(90, 1600) * 1000 + rng.randint(1, 9) * 100
        dec = rng.randint(1, 10)
        rank = rng.randint(1, 153)
        f.demographics = [
            {"label": "Population", "value": f"{pop:,}"},
            {"label": "Deprivation decile", "value": f"{dec}"},
            {"label": "Deprivation rank", "value": f"{rank} of 153"},
            {"text": f"{round(rng.uniform(14, 26), 1)}% of the population is aged 65 or over "
                     f"(England average 18.4%)."},
            {"text": f"{round(rng.uniform(6, 55), 1)}% of people are from ethnic minority groups "
                     f"(England average 19.0%)."},
            {"label": "Political control", "value": rng.choice(["Labour", "Conservative", "Liberal Democrat",
                                                                "No overall control"])},
        ]
        if f.pilot:
            tb = rng.randint(300, 1500) * 1_000_000 + rng.randint(0, 999_999)
            f.financial = [
                {"label": "2022/23 total budget (estimated)", "value": f"£{tb:,}"},
                {"label": "2022/23 total budget (actual)", "value": f"£{tb + rng.randint(1, 9_000_000):,}"},
                {"label": "Adult social care spend, estimate vs actual",
                 "value": f"£{rng.randint(120, 400)}.{rng.randint(0, 9)}m vs £{rng.randint(120, 400)}.{rng.randint(0, 9)}m"},
                {"label": "Share of budget on adult social care", "value": f"{round(rng.uniform(25, 45), 2)}%"},
                {"text": "The council raised the adult social care precept for 2022/23."},
                {"text": f"Approximately {rng.randint(3, 12) * 1000:,} people were in long-term support."},
            ]
        else:
            sp = round(rng.uniform(60, 500), 1)
            f.financial = [
                {"label": "Adult social care spend 2023/24", "value": f"£{sp}m"},
                {"label": "Share of total budget", "value": f"{round(rng.uniform(20, 46), 2)}%"},
                {"label": "Difference from estimate",
                 "value": f"£{round(rng.uniform(0.5, 16), 1)}m {rng.choice(['under', 'over'])} estimate"},
                {"text": f"About {rng.randint(2, 23) * 1000:,} people were in long-term support."},
                {"text": f"Over {rng.randint(3, 55) * 100:,} people were in short-term support."},
            ]
        pd_ = d(f.published)
        f.pdf_url = None
        if f.engine:
            ym = pd_.strftime("%Y-%m")
            name = (f"{pd_.strftime('%Y%m%d')}_{f.slug.lower()}_la_assessment_report.pdf" if f.engine == "weasyprint"
                    else f"{f.slug}-local-authority-assessment.pdf")
            f.pdf_url = f"/sites/default/files/documents/{ym}/{name}"
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------- URLs

def family_pages(f):
    """Ordered list of (key, path, title) for a family's pages."""
    root = f"{BASE}/{f.slug}"
    pages = [("about", root, f"About {f.council}")]
    if f.pilot:
        pages.append(("summary", f"{root}/overall-summary", "Overall summary"))
        if f.grouping == "statement":
            for t, tn, ss, seg in THEMES:
                for s in ss:
                    pages.append((f"s{s}", f"{root}/{t}-{seg}/{PILOT_SEG[s]}", STATEMENTS[s]))
        elif f.grouping == "theme":
            for t, tn, ss, seg in THEMES:
                pages.append((f"t{t}", f"{root}/{t}-{seg}", f"Theme {t}: {tn}"))
        else:
            pages.append(("all", f"{root}/quality-statements", "Quality statements"))
    else:
        if f.grouping == "statement":
            pages.append(("summary", f"{root}-summary", "Overall summary"))
            for s in range(1, 10):
                pages.append((f"s{s}", f"{root}-{SUFFIX[s]}", STATEMENTS[s]))
        elif f.grouping == "theme":
            pages.append(("summary", f"{root}/overall-summary", "Overall summary"))
            for t, tn, ss, seg in THEMES:
                pages.append((f"t{t}", f"{root}/theme-{t}-{seg}", f"Theme {t}: {tn}"))
        else:
            pages.append(("summary", f"{root}/summary", "Overall summary"))
            pages.append(("all", f"{root}/findings", "Quality statements and findings"))
    return pages


# --------------------------------------------------------------------------------------------- HTML

E = html.escape


def header_title(f):
    return f"{f.council} assessment" if f.pilot else f"{f.council}: local authority assessment"


def chrome(title, body, breadcrumbs):
    bc = "".join(f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{h}">{E(t)}</a></li>'
                 for t, h in breadcrumbs)
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="govuk-template" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<title>{E(title)} | Care Quality Commission</title>
<link rel="stylesheet" media="all" href="/themes/custom/cqc_govuk/dist/css/cqc.css?t2k9xq">
</head>
<body class="govuk-template__body path-care-services page-node-type-la-assessment">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="govuk-header" role="banner" data-module="govuk-header">
  <div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage">
      <span class="govuk-header__logotype-text">Care Quality Commission</span></a></div>
    <div class="govuk-header__content">
      <nav aria-label="Menu" class="govuk-header__navigation">
        <button type="button" class="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>Menu</button>
        <ul id="navigation" class="govuk-header__navigation-list">
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/">Home</a></li>
          <li class="govuk-header__navigation-item govuk-header__navigation-item--active"><a class="govuk-header__link" href="{BASE}">Local authority assessments</a></li>
        </ul>
      </nav>
    </div>
  </div>
</header>
<div class="govuk-width-container">
  <div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
  <span class="govuk-phase-banner__text">This is our new website. Your <a class="govuk-link" href="https://www.cqc.org.uk/contact-us">feedback</a> will help us to improve it.</span></p></div>
  <nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">{bc}</ol></nav>
  <main class="govuk-main-wrapper" id="main-content" role="main">
{body}
  </main>
</div>
<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container"><div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow"><h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="https://www.cqc.org.uk/about-us/our-policies/accessibility-statement">Accessibility</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="https://www.cqc.org.uk/about-us/our-policies/privacy-statement">Privacy</a></li></ul>
<span class="govuk-footer__licence-description">All content is available under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where otherwise stated</span>
</div><div class="govuk-footer__meta-item">&copy; Care Quality Commission</div></div></div></footer>
</div>
</body>
</html>
"""


def report_header(f, pdf_size):
    v = f.v
    pub, upd = fmt_date(f.published, v), fmt_date(f.last_updated, v)
    if v == 2:
        pubh = f'<time datetime="{f.published}">{pub}</time>'
        updh = f'<time datetime="{f.last_updated}">{upd}</time>'
    else:
        pubh, updh = pub, upd
    cap = "Pilot assessment" if f.pilot else "Local authority assessment"
    if v in (0, 2):
        meta = (f'<p class="govuk-body-s cqc-meta">Published: {pubh} <span class="cqc-meta__sep">Page last updated: {updh}</span></p>')
    elif v == 1:
        meta = (f'<dl class="cqc-meta govuk-body-s"><dt class="cqc-meta__label">Published:</dt><dd>{pubh}</dd>'
                f'<dt class="cqc-meta__label">Page last updated:</dt><dd>{updh}</dd></dl>')
    else:
        meta = (f'<ul class="govuk-list govuk-body-s cqc-meta"><li>Published: {pubh}</li>'
                f'<li>Page last updated: {updh}</li></ul>')
    if f.pdf_url:
        dl = (f'<ul class="govuk-list"><li><a class="govuk-link" href="{f.pdf_url}" download>'
              f'{E(header_title(f))} report <span class="govuk-body-s">(PDF, {pdf_size})</span></a></li></ul>')
    else:
        dl = '<p class="govuk-body-s">The downloadable version of this report is being prepared. It will be added here when it is ready.</p>'
    downloads = (f'<aside class="cqc-downloads" aria-labelledby="downloads-title">'
                 f'<h2 class="govuk-heading-s" id="downloads-title">Downloads</h2>{dl}</aside>')
    hlevel = "h1" if v != 3 else "p"
    hcls = "govuk-heading-xl" if v != 3 else "govuk-heading-xl cqc-report-title"
    return (f'<div class="cqc-report-header">\n<span class="govuk-caption-l">{cap}</span>\n'
            f'<{hlevel} class="{hcls}">{E(header_title(f))}</{hlevel}>\n{meta}\n{downloads}\n</div>')


def contents(f, pages, current):
    items = []
    for k, p, t in pages:
        if k == current:
            items.append(f'<li class="cqc-contents__item cqc-contents__item--active" aria-current="page">{E(t)}</li>')
        else:
            items.append(f'<li class="cqc-contents__item"><a class="govuk-link" href="{p}">{E(t)}</a></li>')
    return (f'<nav class="cqc-contents" aria-label="Report contents"><h2 class="govuk-heading-s">'
            f'{"Contents" if f.v != 1 else "In this report"}</h2><ol class="govuk-list">{"".join(items)}</ol></nav>')


def prevnext(pages, current):
    idx = [k for k, _, _ in pages].index(current)
    out = ['<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">']
    if idx > 0:
        k, p, t = pages[idx - 1]
        out.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{p}" rel="prev">'
                   f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(t)}</span></a></div>')
    if idx < len(pages) - 1:
        k, p, t = pages[idx + 1]
        out.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{p}" rel="next">'
                   f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>'
                   f'<span class="govuk-visually-hidden">:</span><span class="govuk-pagination__link-label">{E(t)}</span></a></div>')
    out.append("</nav>")
    return "".join(out)


def related(f, fams):
    others = [g for g in fams if g is not f and not g.pilot and g.slug not in BAD_PCT]
    rng = random.Random("rel" + f.slug)
    pick = rng.sample(others, 3)
    cards = []
    for g in pick:
        cards.append(f'<li class="cqc-card"><h3 class="govuk-heading-s cqc-card__title"><a class="govuk-link" '
                     f'href="{BASE}/{g.slug}">{E(g.council)}</a></h3><p class="govuk-body-s">Rating: '
                     f'<strong class="govuk-tag govuk-tag--{TAGCOL[band(g.true_pct)]}">{E(g.rating)}</strong> '
                     f'Overall score: {g.true_pct}% (published {fmt_date(g.published, 0)})</p>'
                     f'</li>')
    return (f'<aside class="cqc-related" aria-labelledby="related-title"><h2 class="govuk-heading-m" id="related-title">'
            f'Other local authority assessments</h2><ul class="govuk-list cqc-cards">{"".join(cards)}</ul></aside>')


def score_block(f, s):
    n = f.scores[str(s)]
    v = f.v
    if f.pilot:
        return (f'<div class="cqc-score"><p class="govuk-body govuk-!-font-weight-bold">Indicative score:</p>\n'
                f'<p class="govuk-body">{n} - {BAND[n]}</p></div>')
    if v == 0:
        return (f'<div class="cqc-score"><p class="govuk-body govuk-!-font-weight-bold">Score: {n}</p>\n'
                f'<p class="govuk-body">{n} - {BAND[n]}</p></div>')
    if v == 1:
        return (f'<p class="govuk-body cqc-score"><strong class="govuk-tag govuk-tag--blue">Score: {n} out of 4</strong> '
                f'<span class="cqc-score__band">{BAND[n]}</span></p>')
    if v == 2:
        return (f'<dl class="govuk-summary-list cqc-score"><div class="govuk-summary-list__row">'
                f'<dt class="govuk-summary-list__key">Score</dt><dd class="govuk-summary-list__value">{n}'
                f'<span class="govuk-visually-hidden"> out of 4</span></dd></div>'
                f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">What this score means</dt>'
                f'<dd class="govuk-summary-list__value">{BAND[n]}</dd></div></dl>')
    return (f'<div class="govuk-panel govuk-panel--confirmation cqc-score"><h3 class="govuk-panel__title">'
            f'Score {n} of 4</h3><div class="govuk-panel__body">{n} - {BAND[n]}</div></div>')


def statement_body(f, s, hl):
    st = f.statements[str(s)]
    h2, h3 = f"h{hl}", f"h{hl + 1}"
    out = [f'<section class="cqc-statement" id="qs{s}"><{h2} class="govuk-heading-l">{E(STATEMENTS[s])}</{h2}>',
           score_block(f, s)]
    out.append(f'<{h3} class="govuk-heading-m">What people expect</{h3}>')
    if f.v == 2:
        out.append('<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(x)}</li>" for x in st["what_people_expect"]) + "</ul>")
    else:
        out.append("".join(f'<p class="govuk-body cqc-i-statement">{E(x)}</p>' for x in st["what_people_expect"]))
    label = "The local authority commitment:" if f.pilot else "The local authority commitment"
    out.append(f'<{h3} class="govuk-heading-m">{label}</{h3}>')
    if f.v == 3:
        out.append(f'<div class="govuk-inset-text">{E(st["commitment"])}</div>')
    else:
        out.append(f'<p class="govuk-body">{E(st["commitment"])}</p>')
    out.append(f'<{h3} class="govuk-heading-m">Key findings for this quality statement</{h3}>')
    for k in st["key_findings"]:
        out.append(f'<h{hl + 2} class="govuk-heading-s">{E(k["heading"])}</h{hl + 2}>')
        out.append("".join(f'<p class="govuk-body">{E(p)}</p>' for p in k["paragraphs"]))
    out.append("</section>")
    return "\n".join(out)


def about_body(f):
    out = [f'<h2 class="govuk-heading-l">About {E(f.council)}</h2>']
    if f.pilot:
        out.append(f'<p class="govuk-body">Assessment start date: {fmt_date("2023-06-12", f.v)}</p>')
    out.append(f'<p class="govuk-body">Assessment published: {fmt_date(f.published, f.v)}</p>')

    def facts(title, items):
        r = [f'<h3 class="govuk-heading-m">{title}</h3>']
        if f.v in (0, 3):
            r.append('<ul class="govuk-list govuk-list--bullet">')
            for it in items:
                if "label" in it:
                    r.append(f'<li><strong>{E(it["label"])}:</strong> {E(it["value"])}</li>')
                else:
                    r.append(f'<li>{E(it["text"])}</li>')
            r.append("</ul>")
        elif f.v == 1:
            r.append('<table class="govuk-table"><caption class="govuk-visually-hidden">' + title + '</caption><tbody class="govuk-table__body">')
            for it in items:
                if "label" in it:
                    r.append(f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{E(it["label"])}</th>'
                             f'<td class="govuk-table__cell">{E(it["value"])}</td></tr>')
                else:
                    r.append(f'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="2">{E(it["text"])}</td></tr>')
            r.append("</tbody></table>")
        else:
            r.append('<dl class="govuk-summary-list">')
            for it in items:
                if "label" in it:
                    r.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(it["label"])}</dt>'
                             f'<dd class="govuk-summary-list__value">{E(it["value"])}</dd></div>')
            r.append("</dl>")
            txt = [it for it in items if "text" in it]
            if txt:
                r.append('<ul class="govuk-list govuk-list--bullet">' + "".join(f"<li>{E(it['text'])}</li>" for it in txt) + "</ul>")
        return r

    out += facts("Demographics", f.demographics)
    out += facts("Financial facts", f.financial)
    return "\n".join(out)


def demographics_order(f, items):
    """The order the About page prints bullets in (v2 prints labelled rows first)."""
    if f.v == 2:
        return [i for i in items if "label" in i] + [i for i in items if "text" in i]
    return list(items)


def summary_body(f, pdf_size):
    v = f.v
    out = ['<h2 class="govuk-heading-l">Overall summary</h2>']
    if f.pilot:
        out.append('<h3 class="govuk-heading-m">Local authority indicative rating</h3>')
        out.append(f'<p class="govuk-body">{E(f.council)}</p>')
        out.append(f'<p class="govuk-body"><strong class="govuk-tag govuk-tag--{TAGCOL[f.rating]}">{E(f.rating)}</strong></p>')
        out.append(f'<p class="govuk-body">{E(f.rating)}: {BAND[{"Good": 3, "Outstanding": 4, "Requires improvement": 2, "Inadequate": 1}[f.rating]]}</p>')
    else:
        out.append('<h3 class="govuk-heading-m">Local authority rating and score</h3>')
        if v == 0:
            out.append(f'<p class="govuk-body">{E(f.council)}</p><p class="govuk-body govuk-!-font-weight-bold">{E(f.rating)}</p>')
            out.append(f'<p class="govuk-body">Overall rating for {E(f.council)}: {fmt_pct(f.shown_pct, v)}</p>')
        elif v == 1:
            out.append(f'<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">{E(f.council)}</caption>'
                       f'<tbody class="govuk-table__body"><tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Rating</th>'
                       f'<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--{TAGCOL[band(f.true_pct)]}">{E(f.rating)}</strong></td></tr>'
                       f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Overall score</th>'
                       f'<td class="govuk-table__cell">{fmt_pct(f.shown_pct, v)}</td></tr></tbody></table>')
        elif v == 2:
            out.append(f'<div class="govuk-panel cqc-rating-panel"><h4 class="govuk-panel__title">{E(f.rating)}</h4>'
                       f'<div class="govuk-panel__body">{E(f.council)}<br>Overall score: {fmt_pct(f.shown_pct, v)}</div></div>')
        else:
            out.append(f'<div class="cqc-card cqc-card--rating"><p class="govuk-body-l">{E(f.council)}</p>'
                       f'<p class="govuk-body"><span class="govuk-visually-hidden">Rating: </span>'
                       f'<strong class="govuk-tag govuk-tag--{TAGCOL[band(f.true_pct)]}">{E(f.rating)}</strong></p>'
                       f'<p class="cqc-big-number"><span class="cqc-big-number__value">{fmt_pct(f.shown_pct, v)}</span>'
                       f' <span class="cqc-big-number__label">overall score</span></p></div>')
    out.append(f'<h3 class="govuk-heading-m">{"Quality statement indicative scores" if f.pilot else "Quality statement scores"}</h3>')
    if v in (0,) or f.pilot and v != 1:
        out.append('<ul class="govuk-list cqc-scores">')
        for s in range(1, 10):
            n = f.scores[str(s)]
            out.append(f'<li><span class="cqc-scores__name">{E(STATEMENTS[s])}</span> <span class="cqc-scores__value">Score: {n}</span></li>')
        out.append("</ul>")
    elif v == 1:
        out.append('<table class="govuk-table cqc-score-table"><thead class="govuk-table__head"><tr class="govuk-table__row">'
                   '<th scope="col" class="govuk-table__header">Theme</th><th scope="col" class="govuk-table__header">Quality statement</th>'
                   '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead><tbody class="govuk-table__body">')
        for t, tn, ss, seg in THEMES:
            for j, s in enumerate(ss):
                th = (f'<th scope="rowgroup" rowspan="{len(ss)}" class="govuk-table__header">{E(tn)}</th>' if j == 0 else "")
                n = f.scores[str(s)]
                out.append(f'<tr class="govuk-table__row">{th}<td class="govuk-table__cell">{E(STATEMENTS[s])}</td>'
                           f'<td class="govuk-table__cell govuk-table__cell--numeric">{n} <span class="govuk-visually-hidden">out of 4</span></td></tr>')
        out.append("</tbody></table>")
    elif v == 2:
        out.append('<dl class="govuk-summary-list">')
        for s in range(1, 10):
            n = f.scores[str(s)]
            out.append(f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{E(STATEMENTS[s])}</dt>'
                       f'<dd class="govuk-summary-list__value">{n} - {BAND[n]}</dd></div>')
        out.append("</dl>")
    else:
        for t, tn, ss, seg in THEMES:
            out.append(f'<h4 class="govuk-heading-s">{E(tn)}</h4><dl class="cqc-dl">')
            for s in ss:
                n = f.scores[str(s)]
                out.append(f'<dt>{E(STATEMENTS[s])}</dt><dd><strong class="govuk-tag govuk-tag--grey">{n}</strong> {BAND[n]}</dd>')
            out.append("</dl>")
    if v == 3:
        out.append('<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
                   'How we score quality statements</span></summary><div class="govuk-details__text"><p class="govuk-body">'
                   'Each quality statement is scored from 1 to 4. A score of 1 means we found significant shortfalls and a score '
                   'of 4 means we found an exceptional standard. The overall score is the total of the 9 scores as a percentage '
                   'of the maximum of 36.</p></div></details>')
    out.append('<h3 class="govuk-heading-m">Summary of people\'s experiences</h3>')
    out.append("".join(f'<p class="govuk-body">{E(p)}</p>' for p in f.people))
    out.append('<h3 class="govuk-heading-m">Summary of strengths, areas for development and next steps</h3>')
    out.append(f'<p class="govuk-body">We found a clear vision for adult social care in {E(f.council)}. '
               f'Next steps agreed with the council focus on waiting times and carers\' support.</p>')
    if f.pdf_url and v in (0, 2):
        out.append(f'<p class="govuk-body"><a class="govuk-link" href="{f.pdf_url}">Download this report (PDF, {pdf_size})</a></p>')
    return "\n".join(out)


def accordion(f, body_sections):
    out = [f'<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-{f.slug}">']
    for i, (title, inner) in enumerate(body_sections, 1):
        out.append(f'<div class="govuk-accordion__section"><div class="govuk-accordion__section-header">'
                   f'<h2 class="govuk-accordion__section-heading"><span class="govuk-accordion__section-button" id="acc-h{i}">'
                   f'{E(title)}</span></h2></div><div id="acc-c{i}" class="govuk-accordion__section-content">{inner}</div></div>')
    out.append("</div>")
    return "\n".join(out)


def page_html(f, fams, pages, key, pdf_size):
    title = dict((k, t) for k, _, t in pages)[key]
    parts = [report_header(f, pdf_size), '<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">',
             contents(f, pages, key), '</div><div class="govuk-grid-column-two-thirds">']
    if key == "about":
        parts.append(about_body(f))
    elif key == "summary":
        parts.append(summary_body(f, pdf_size))
    elif key.startswith("s"):
        s = int(key[1:])
        t = THEME_OF[s]
        parts.append(f'<span class="govuk-caption-m">Theme {t}: {E(THEMES[t - 1][1])}</span>')
        parts.append(statement_body(f, s, 2))
    elif key.startswith("t"):
        t = int(key[1:])
        tt = THEMES[t - 1]
        parts.append(f'<h2 class="govuk-heading-l">Theme {t}: {E(tt[1])}</h2>')
        if f.v == 1:
            parts.append('<ul class="govuk-list">' + "".join(f'<li><a class="govuk-link" href="#qs{s}">{E(STATEMENTS[s])}</a></li>' for s in tt[2]) + "</ul>")
        for s in tt[2]:
            parts.append(statement_body(f, s, 3))
    else:  # all nine on one page
        if f.v in (1, 3):
            parts.append('<h2 class="govuk-heading-l">Quality statements</h2>')
            parts.append(accordion(f, [(f"{s}. {STATEMENTS[s]}" if f.v == 3 else STATEMENTS[s],
                                        statement_body(f, s, 3).replace(
                                            f'<h3 class="govuk-heading-l">{E(STATEMENTS[s])}</h3>',
                                            f'<h3 class="govuk-heading-l">{E(STATEMENTS[s])}</h3>', 1))
                                       for s in range(1, 10)]))
        else:
            parts.append(f'<h2 class="govuk-heading-l">{E(title)}</h2>')
            for t, tn, ss, seg in THEMES:
                parts.append(f'<h3 class="govuk-heading-l cqc-theme-title">{E(tn)}</h3>')
                for s in ss:
                    parts.append(statement_body(f, s, 4))
    if f.v != 3:
        parts.append(prevnext(pages, key))
    parts.append(related(f, fams))
    parts.append("</div></div>")
    bcs = [("Home", "/"), ("Local authority assessment reports", BASE)]
    if key != "about":
        bcs.append((header_title(f), f"{BASE}/{f.slug}"))
    return chrome(f"{title} - {header_title(f)}", "\n".join(parts), bcs)


# --------------------------------------------------------------------------------------------- listing

def listing_pages(fams):
    formal = sorted([f for f in fams if not f.pilot], key=lambda f: f.published, reverse=True)
    pilots = [f for f in fams if f.pilot]
    per = 6
    chunks = [formal[i:i + per] for i in range(0, len(formal), per)]
    n = len(chunks)
    in_progress = ["Isle of Wight Council", "London Borough of Lambeth", "Rutland County Council",
                   "Torbay Council", "Dudley Metropolitan Borough Council"]
    out = {}
    for i, ch in enumerate(chunks):
        items = "".join(
            f'<li class="cqc-result"><h3 class="govuk-heading-s"><a class="govuk-link" href="{BASE}/{f.slug}">'
            f'{E(f.council)}: local authority assessment</a></h3><p class="govuk-body-s">Published {fmt_date(f.published, 0)}</p></li>'
            for f in ch)
        body = ['<h1 class="govuk-heading-xl">Local authority assessment reports</h1>',
                '<p class="govuk-body-l">Read our assessments of how local authorities meet their duties under Part 1 of the Care Act 2014.</p>',
                f'<p class="govuk-body">Or <a class="govuk-link" href="/search/local-authority-assessments">search all assessment reports</a>.</p>',
                f'<h2 class="govuk-heading-l">Assessment reports</h2><p class="govuk-body-s">Showing {i * per + 1} to {i * per + len(ch)} of {len(formal)} reports</p>',
                f'<ul class="govuk-list cqc-results">{items}</ul>']
        if i == n - 1:
            body.append('<h2 class="govuk-heading-l">Assessments in progress</h2><ul class="govuk-list govuk-list--bullet">'
                        + "".join(f"<li>{E(x)}</li>" for x in in_progress) + "</ul>")
            body.append('<h2 class="govuk-heading-l">Pilot assessments</h2><p class="govuk-body">In 2023 we carried out pilot assessments of 5 local authorities. Their ratings and scores are indicative.</p><ul class="govuk-list">'
                        + "".join(f'<li><a class="govuk-link" href="{BASE}/{f.slug}">{E(f.council)}: local authority assessment</a></li>' for f in pilots)
                        + "<li>North Lincolnshire Council</li><li>Suffolk County Council</li></ul>")
        # GOV.UK pagination with Drupal's zero-based ?page=N
        def href(j):
            return BASE if j == 0 else f"{BASE}?page={j}"
        pg = ['<nav class="govuk-pagination" aria-label="Pagination">']
        if i > 0:
            pg.append(f'<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{href(i - 1)}" rel="prev">'
                      f'<span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>')
        pg.append('<ul class="govuk-pagination__list">')
        for j in range(n):
            if j == i:
                pg.append(f'<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="{href(j)}" aria-label="Page {j + 1}" aria-current="page">{j + 1}</a></li>')
            else:
                pg.append(f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="{href(j)}" aria-label="Page {j + 1}">{j + 1}</a></li>')
        pg.append("</ul>")
        if i < n - 1:
            pg.append(f'<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{href(i + 1)}" rel="next">'
                      f'<span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>')
        pg.append("</nav>")
        body.append("".join(pg))
        out[href(i)] = chrome("Local authority assessment reports", "\n".join(body),
                              [("Home", "/")])
    search = chrome("Search local authority assessments",
                    '<h1 class="govuk-heading-xl">Search</h1><p class="govuk-body">' +
                    "".join(f'<a class="govuk-link" href="{BASE}/{f.slug}">{E(f.council)}: local authority assessment</a><br>' for f in formal + pilots)
                    + "</p>", [("Home", "/")])
    out["/search/local-authority-assessments"] = search
    out["/"] = chrome("Care Quality Commission", f'<h1 class="govuk-heading-xl">Care Quality Commission</h1><p class="govuk-body"><a class="govuk-link" href="{BASE}">Local authority assessment reports</a></p>', [])
    return out


# --------------------------------------------------------------------------------------------- PDFs

def pdf_html(f):
    """HTML for WeasyPrint: cover, contents, key facts, score table, statements; running header/footer."""
    pct_row = "" if f.pilot else f'<tr><th>Overall score</th><td>{f.shown_pct}%</td></tr>'
    rl = "Indicative rating" if f.pilot else "Rating"
    rows = []
    for t, tn, ss, seg in THEMES:
        for j, s in enumerate(ss):
            th = f'<th rowspan="{len(ss)}">{E(tn)}</th>' if j == 0 else ""
            n = f.scores[str(s)]
            rows.append(f"<tr>{th}<td>{E(STATEMENTS[s])}</td><td class=n>{n}</td><td>{BAND[n]}</td></tr>")
    sts = []
    for s in range(1, 10):
        st = f.statements[str(s)]
        n = f.scores[str(s)]
        sl = "Indicative score" if f.pilot else "Score"
        kf = "".join(f"<h4>{E(k['heading'])}</h4>" + "".join(f"<p>{E(p)}</p>" for p in k["paragraphs"]) for k in st["key_findings"])
        sts.append(f'<section class=st><h2>{E(STATEMENTS[s])}</h2><p class=sc>{sl}: {n} - {BAND[n]}</p>'
                   f'<h3>What people expect</h3>' + "".join(f"<p class=i>{E(x)}</p>" for x in st["what_people_expect"]) +
                   f'<h3>The local authority commitment</h3><p>{E(st["commitment"])}</p>'
                   f'<h3>Key findings for this quality statement</h3><div class=cols>{kf}</div></section>')
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{E(header_title(f))}</title>
<style>
@page {{ size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left {{ content: "{E(f.council)}"; font: 8pt Arial, sans-serif; color: #555; }}
  @top-right {{ content: "Local authority assessment"; font: 8pt Arial, sans-serif; color: #555; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }}
  @bottom-left {{ content: "Care Quality Commission"; font: 8pt Arial, sans-serif; }} }}
@page :first {{ @top-left {{ content: none }} @top-right {{ content: none }} @bottom-right {{ content: none }} }}
body {{ font: 10pt/1.4 "DejaVu Sans", Arial, sans-serif; hyphens: auto; text-align: justify; }}
.cover {{ page-break-after: always; padding-top: 60mm; }} .cover h1 {{ font-size: 26pt; color: #1d3d72; }}
h2 {{ color: #1d3d72; font-size: 15pt; }} h3 {{ font-size: 11pt; }} h4 {{ font-size: 10pt; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #999; padding: 3pt; text-align: left; vertical-align: top; }}
.n {{ text-align: center; }} .st {{ page-break-before: always; }} .cols {{ columns: 2; column-gap: 8mm; }}
.toc li {{ margin: 2pt 0; }}
</style></head><body>
<div class="cover"><p>Care Quality Commission</p><h1>{E(f.council)}</h1><p style="font-size:16pt">{'Pilot local authority assessment' if f.pilot else 'Local authority assessment'}</p>
<p>Published {fmt_date(f.published, 0)}</p><p>Assessing how local authorities meet their duties under Part 1 of the Care Act 2014</p></div>
<h2>Contents</h2><ol class="toc"><li>Overall summary</li>{''.join(f'<li>{E(STATEMENTS[s])}</li>' for s in range(1, 10))}</ol>
<h2>Overall summary</h2>
<table><tr><th>{rl}</th><td>{E(f.rating)}</td></tr>{pct_row}</table>
<h3>{'Quality statement indicative scores' if f.pilot else 'Quality statement scores'}</h3>
<table><thead><tr><th>Theme</th><th>Quality statement</th><th>Score</th><th>Meaning</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<h3>Summary of people's experiences</h3>{''.join(f'<p>{E(p)}</p>' for p in f.people)}
{''.join(sts)}
</body></html>"""


def X(s):
    return html.escape(s, quote=True)


def pdf_fodt(f):
    """Flat ODT for LibreOffice: header/footer with page fields, score table with a spanning theme cell."""
    def p(style, text):
        return f'<text:p text:style-name="{style}">{X(text)}</text:p>'

    def h(level, text):
        return f'<text:h text:style-name="H{level}" text:outline-level="{level}">{X(text)}</text:h>'

    body = [f'<text:p text:style-name="CoverSmall">Care Quality Commission</text:p>',
            p("Cover", f.council),
            p("CoverSub", "Pilot assessment: indicative findings" if f.pilot else "Local authority assessment"),
            p("CoverSmall", f"Date of publication: {fmt_date(f.published, 0)}"),
            '<text:p text:style-name="Break"/>',
            h(1, "Contents")]
    body += [p("Toc", f"{i}. {t}") for i, t in enumerate(["Overall summary"] + [STATEMENTS[s] for s in range(1, 10)], 1)]
    body.append(h(1, "Overall summary"))
    body.append(p("Body", f"{'Indicative rating' if f.pilot else 'Rating'}: {f.rating}"))
    if not f.pilot:
        body.append(p("Body", f"Overall score: {f.shown_pct}%"))
    tab = ['<table:table table:name="Scores" table:style-name="Tbl"><table:table-column table:number-columns-repeated="3"/>',
           '<table:table-header-rows><table:table-row>' +
           "".join(f'<table:table-cell table:style-name="Cell" office:value-type="string">{p("TH", x)}</table:table-cell>'
                   for x in ["Theme", "Quality statement", "Indicative score" if f.pilot else "Score"]) +
           "</table:table-row></table:table-header-rows>"]
    for t, tn, ss, seg in THEMES:
        for j, s in enumerate(ss):
            if j == 0:
                c1 = (f'<table:table-cell table:style-name="Cell" table:number-rows-spanned="{len(ss)}" office:value-type="string">'
                      f'{p("TD", tn)}</table:table-cell>')
            else:
                c1 = '<table:covered-table-cell/>'
            n = f.scores[str(s)]
            tab.append(f'<table:table-row>{c1}<table:table-cell table:style-name="Cell" office:value-type="string">{p("TD", STATEMENTS[s])}</table:table-cell>'
                       f'<table:table-cell table:style-name="Cell" office:value-type="string">{p("TD", f"{n} - {BAND[n]}")}</table:table-cell></table:table-row>')
    tab.append("</table:table>")
    body += tab
    body.append(h(2, "Summary of people's experiences"))
    body += [p("Body", x) for x in f.people]
    for s in range(1, 10):
        st = f.statements[str(s)]
        n = f.scores[str(s)]
        body.append('<text:p text:style-name="Break"/>')
        body.append(h(1, STATEMENTS[s]))
        body.append(p("Score", f"{'Indicative score' if f.pilot else 'Score'}: {n} - {BAND[n]}"))
        body.append(h(2, "What people expect"))
        body += [p("Body", x) for x in st["what_people_expect"]]
        body.append(h(2, "The local authority commitment:" if f.pilot else "The local authority commitment"))
        body.append(p("Body", st["commitment"]))
        body.append(h(2, "Key findings for this quality statement"))
        body.append('<text:section text:name="KF%d" text:style-name="TwoCol">' % s)
        for k in st["key_findings"]:
            body.append(h(3, k["heading"]))
            body += [p("Body", x) for x in k["paragraphs"]]
        body.append("</text:section>")
    hdr = X(f"{f.council} – local authority assessment")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.12cm" fo:text-align="justify" fo:hyphenation-ladder-count="no-limit"/><style:text-properties fo:hyphenate="true"/></style:style>
<style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:margin-top="6cm"/><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#1d3d72"/></style:style>
<style:style style:name="CoverSub" style:family="paragraph"><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="CoverSmall" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-after="page"/></style:style>
<style:style style:name="Toc" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5cm"/></style:style>
<style:style style:name="Score" style:family="paragraph"><style:text-properties fo:font-weight="bold" fo:font-size="12pt"/></style:style>
<style:style style:name="TH" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TD" style:family="paragraph"/>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#1d3d72"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H3" style:family="paragraph"><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="HF" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #999999" fo:padding="0.08cm"/></style:style>
<style:style style:name="TwoCol" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.3cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
<style:header><text:p text:style-name="HF">{hdr}</text:p></style:header>
<style:footer><text:p text:style-name="HF">Care Quality Commission<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


def make_pdfs(fams):
    os.makedirs(TMP, exist_ok=True)
    sizes = {}
    engines = {}
    for f in fams:
        if not f.engine:
            continue
        dest = os.path.join(SITE, f.pdf_url.lstrip("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if f.engine == "weasyprint":
            import weasyprint
            weasyprint.HTML(string=pdf_html(f)).write_pdf(dest)
            engines[f.slug] = f"WeasyPrint {weasyprint.__version__} (HTML + CSS paged media)"
        else:
            src = os.path.join(TMP, f.slug + ".fodt")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(pdf_fodt(f))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", TMP, src],
                           check=True, capture_output=True)
            shutil.copy(os.path.join(TMP, f.slug + ".pdf"), dest)
            engines[f.slug] = "LibreOffice 7.4 (writer_pdf_Export from flat ODT)"
        kb = os.path.getsize(dest) / 1024
        sizes[f.slug] = f"{kb / 1024:.1f}MB" if kb >= 1024 else f"{int(round(kb))}KB"
    return sizes, engines


# --------------------------------------------------------------------------------------------- main

def main():
    fams = make_families()
    for sub in ("pages", "answers", "sites", "themes"):
        shutil.rmtree(os.path.join(SITE, sub), ignore_errors=True)
    sizes, engines = make_pdfs(fams)
    routes = {}

    def put(path, content, ctype="text/html; charset=utf-8"):
        rel = "pages/" + (path.strip("/").replace("?", "__").replace("=", "-") or "index") + ".html"
        if path == BASE:
            rel = "pages/listing.html"
        full = os.path.join(SITE, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as fh:
            fh.write(content)
        routes[path] = {"file": rel, "type": ctype}

    for path, content in listing_pages(fams).items():
        put(path, content)
    css = os.path.join(SITE, "themes/custom/cqc_govuk/dist/css/cqc.css")
    os.makedirs(os.path.dirname(css), exist_ok=True)
    with open(css, "w") as fh:
        fh.write("/* placeholder: GOV.UK Frontend 5 + CQC overrides */\n.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important}\n")
    routes["/themes/custom/cqc_govuk/dist/css/cqc.css"] = {"file": "themes/custom/cqc_govuk/dist/css/cqc.css", "type": "text/css"}

    for f in fams:
        pages = family_pages(f)
        for k, path, t in pages:
            put(path, page_html(f, fams, pages, k, sizes.get(f.slug, "")))
        if f.pdf_url:
            routes[f.pdf_url] = {"file": f.pdf_url.lstrip("/"), "type": "application/pdf"}
        key = {
            "slug": f.slug, "url": f"{BASE}/{f.slug}", "council": f.council, "la_code": f.la_code,
            "kind": f.kind,
            "expect": ({"not_loaded": f"the summary prints an overall score of {f.shown_pct}% and rating {f.rating}, "
                                      f"but the nine statement scores sum to {sum(f.scores.values())}, i.e. "
                                      f"{f.true_pct}% ({band(f.true_pct)})"} if f.slug in BAD_PCT else "loads"),
            "published": f.published, "last_updated": f.last_updated,
            "rating": f.rating, "overall_pct": f.shown_pct if not f.pilot else None,
            "scores": f.scores, "statements": f.statements,
            "people_experience": f.people,
            "demographics": demographics_order(f, f.demographics),
            "financial_facts": demographics_order(f, f.financial),
            "pdf": None,
        }
        if f.pdf_url:
            key["pdf"] = {"url": f.pdf_url, "engine": engines[f.slug],
                          "carries": {"rating": f.rating, "overall_pct": None if f.pilot else f.shown_pct,
                                      "scores": f.scores, "statements": f.statements,
                                      "people_experience": f.people}}
        os.makedirs(os.path.join(SITE, "answers"), exist_ok=True)
        with open(os.path.join(SITE, "answers", f.slug + ".json"), "w", encoding="utf-8") as fh:
            json.dump(key, fh, indent=2, ensure_ascii=False)
    with open(os.path.join(SITE, "routes.json"), "w") as fh:
        json.dump(routes, fh, indent=1, sort_keys=True)
    print(len(routes), "routes;", len(fams), "families;", engines)


if __name__ == "__main__":
    main()
