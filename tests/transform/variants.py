"""Markup variants of mirror pages: the same visible facts in another structure.

Why: the HTML parsers were written against our own mirror's markup, and the real site's is
unknown. Each transform here rewrites one aspect of a page the way another theme or CMS could
(heading levels, wrappers, lists as tables or cards, labels split from their values, page
chrome, section order, letter case, spacing, attributes) while a reader would still read the
same facts. `test_variations.py` asserts that the parsers read the same record from every
variant.

The transforms know the mirror (they are test code): blocks are found by their labels' text,
and re-rendered blocks take their facts from the data the mirror was built from
(`mirror.build`, `mirror.skin_drupal`), so a variant never depends on what the parser under
test reads. A transform that cannot find its target raises `MissingTargetError`: a variant kind
never silently does nothing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Literal

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from hypothesis import strategies as st

from mirror import model
from mirror import skin_drupal as drupal
from mirror.model import (
    PH_SCORE,
    SCORE_LABELS,
    STATEMENTS,
    THEMES,
    Report,
    StatementPage,
    fmt_date,
    in_progress_names,
    load_reports,
    url_to_file,
)
from mirror.sample import url_for

ROOT = Path(__file__).parents[2]
SITES = {"classic": ROOT / "mirror" / "site", "drupal": ROOT / "mirror" / "site-drupal"}
LISTING_PATH = model.LISTING_PATH
GUIDANCE = "/guidance-regulation/local-authorities/assessment-framework"

PageKind = Literal["listing", "about", "summary", "quality_statement"]
Skin = Literal["classic", "drupal"]

# --- the sample of pages ------------------------------------------------------------------


@dataclass(frozen=True)
class SamplePage:
    """A committed mirror page and the mirror data it was built from."""

    name: str  # "classic:/care-services/.../stokeontrent-0625-summary", for messages
    url: str
    html: str
    kind: PageKind
    skin: Skin
    report: Report | None = None  # None on listing pages
    statement: StatementPage | None = None  # on quality statement pages
    listing_index: int | None = None  # 0 for the listing's first page

    def __repr__(self) -> str:
        return f"SamplePage({self.name!r})"

    @property
    def pilot(self) -> bool:
        return self.report is not None and self.report.pilot


def _paths(report: Report, skin: Skin) -> tuple[str, str, dict[int, str]]:
    if skin == "classic":
        statements = {st.number: report.statement_path(st) for st in STATEMENTS}
        return report.about_path, report.summary_path, statements
    statements = {st.number: drupal.statement_path(report, st) for st in STATEMENTS}
    return drupal.about_path(report), drupal.summary_path(report), statements


def _load(
    skin: Skin,
    path: str,
    kind: PageKind,
    report: Report | None = None,
    statement: StatementPage | None = None,
    listing_index: int | None = None,
) -> SamplePage:
    file = SITES[skin] / url_to_file(path)
    return SamplePage(
        name=f"{skin}:{path}",
        url=url_for(file, SITES[skin]),
        html=file.read_text(encoding="utf-8"),
        kind=kind,
        skin=skin,
        report=report,
        statement=statement,
        listing_index=listing_index,
    )


def _report_sample(reports: list[Report], skin: Skin) -> list[Report]:
    """Reports whose pages cover every markup variant the skin picks by report index (mod 2,
    3, 4 and the findings-only-in-PDF tenth), the two with real financial figures, and pilots
    (with and without placeholder scores)."""
    formal = [r for r in reports if not r.pilot]
    pilots = [r for r in reports if r.pilot]
    if skin == "classic":
        chosen = formal[:12] + [r for r in formal if r.slug in model.REAL_FINANCE] + pilots
    else:
        chosen = formal[:6] + [r for r in formal if r.slug == "leicestercity-0725"] + pilots[:3]
    return chosen


@cache
def sample_pages() -> tuple[SamplePage, ...]:
    """A deterministic, representative sample of the committed pages of both skins."""
    reports = load_reports()
    pages: list[SamplePage] = []
    n_listing = -(-len([r for r in reports if not r.pilot]) // model.REPORTS_PER_PAGE)
    for skin in ("classic", "drupal"):
        for index in range(n_listing):
            path = LISTING_PATH if index == 0 else f"{LISTING_PATH}?page={index}"
            pages.append(_load(skin, path, "listing", listing_index=index))
        for report in _report_sample(reports, skin):
            about, summary, statements = _paths(report, skin)
            pages.append(_load(skin, about, "about", report=report))
            pages.append(_load(skin, summary, "summary", report=report))
            per_report = (0, 3, 6) if report.pilot else (0, 4)
            if skin == "drupal":
                per_report = per_report[:1]
            for offset in per_report:
                statement = STATEMENTS[(report.index + offset) % len(STATEMENTS)]
                pages.append(
                    _load(
                        skin,
                        statements[statement.number],
                        "quality_statement",
                        report=report,
                        statement=statement,
                    )
                )
    return tuple(pages)


# --- reading the page (generator side: the mirror's own labels) ---------------------------

LABELS = (
    "Local authority rating and score",
    "Local authority indicative rating",
    "Quality statement scores",
    "Summary of people's experiences",
    "Summary of strengths, areas for development and next steps",
    "Overall summary",
    "What people expect",
    "The local authority commitment",
    "Key findings for this quality statement",
    "Demographics",
    "Financial facts",
    "Downloads",
    "Local authority assessment reports",
    "Assessment reports",
    "Assessments in progress",
    "Pilot assessments",
)
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
        "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
# Elements inside which no block may be wrapped in another block (a browser would restructure
# the tree: a div inside a <p>, a wrapper between table rows, a div child of a list).
_NO_BLOCK_INSIDE = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "strong", "b", "em", "i",
        "table", "tbody", "thead", "tfoot", "tr", "ul", "ol", "dl", "summary", "dt", "time",
        "label", "button", "caption",
    }
)  # fmt: skip
_NEVER_WRAPPED = frozenset({"html", "head", "body", "li", "tr", "td", "th", "tbody", "thead"})
DATE = r"\d{1,2}\s+[A-Za-z]+\s+\d{4}"


class MissingTargetError(AssertionError):
    """A transform did not find what it rewrites: the sample or the transform is wrong."""


def key(text: str) -> str:
    """Text reduced for comparing labels: one spacing, lower case, straight quotes, no colon."""
    text = " ".join(text.replace("\u00a0", " ").split()).lower().replace("\u2019", "'")
    return text.rstrip(":").strip()


LABEL_KEYS = frozenset(key(label) for label in LABELS)


def visible(node: Tag | NavigableString) -> str:
    return " ".join(node.get_text().replace("\u00a0", " ").split())


def in_chrome(tag: Tag) -> bool:
    """Inside page furniture or a link (the parser's blind spots are not targets)."""
    for el in [tag, *tag.parents]:
        if el.name in _CHROME_TAGS or el.name in ("a", "title", "head"):
            return True
        if str(el.get("role") or "") in _CHROME_ROLES:
            return True
    return False


def body_of(soup: BeautifulSoup) -> Tag:
    body = soup.body
    if body is None:
        raise MissingTargetError("page has no <body>")
    return body


def find_text(soup: BeautifulSoup, wanted: str) -> Tag | None:
    """The outermost content element whose whole visible text is `wanted` (label-compared).

    Found from the text runs that are pieces of `wanted`, climbing while the text around
    stays that short (scanning every element's text for every lookup is what made variants
    slow)."""
    want = key(wanted)
    for run in body_of(soup).descendants:
        if not isinstance(run, NavigableString) or isinstance(run, Comment):
            continue
        text = str(run)
        if len(text.strip()) > len(want) + 1:
            continue
        piece = key(text)
        if not piece or piece not in want:
            continue
        match: Tag | None = None
        node = run.parent
        while isinstance(node, Tag) and node.name != "body":
            text = key(visible(node))
            if len(text) > len(want):
                break
            if text == want:
                match = node
            node = node.parent
        if match is not None and not in_chrome(match):
            return match
    return None


def require_text(soup: BeautifulSoup, wanted: str) -> Tag:
    found = find_text(soup, wanted)
    if found is None:
        raise MissingTargetError(f"no element reads {wanted!r}")
    return found


def holds_label(tag: Tag) -> bool:
    return any(
        key(visible(el)) in LABEL_KEYS and not in_chrome(el) for el in [tag, *tag.find_all(True)]
    )


def is_chrome_block(tag: Tag) -> bool:
    return tag.name in _CHROME_TAGS or str(tag.get("role") or "") in _CHROME_ROLES


def section_nodes(label: Tag) -> list[Tag | NavigableString]:
    """What follows a label among its siblings, up to the next label or page furniture."""
    out: list[Tag | NavigableString] = []
    for sibling in label.next_siblings:
        if isinstance(sibling, Tag) and (holds_label(sibling) or is_chrome_block(sibling)):
            break
        if isinstance(sibling, Tag | NavigableString) and not isinstance(sibling, Comment):
            out.append(sibling)
    return out


def group_of(label: Tag) -> list[Tag | NavigableString]:
    """A label and its section; or the element that holds exactly them (a `<section>`, a
    Downloads `<div>`), climbing while a parent holds nothing else."""
    nodes: list[Tag | NavigableString] = [label, *section_nodes(label)]
    while True:
        parent = nodes[0].parent
        if parent is None or parent.name in ("body", "main", "article", "html"):
            return nodes
        children = [c for c in parent.children if isinstance(c, Tag)]
        if not children or any(all(c is not n for n in nodes) for c in children):
            return nodes
        nodes = [parent]


def tags(nodes: Sequence[Tag | NavigableString]) -> list[Tag]:
    return [n for n in nodes if isinstance(n, Tag)]


def is_inside(tag: Tag, other: Tag) -> bool:
    """Whether `other` is an ancestor of `tag` (by identity: bs4 compares tags by content)."""
    return any(parent is other for parent in tag.parents)


def innermost(candidates: list[Tag]) -> list[Tag]:
    """Candidates that hold no other candidate."""
    return [c for c in candidates if not any(is_inside(o, c) for o in candidates)]


def outermost(candidates: list[Tag]) -> list[Tag]:
    """Candidates inside no other candidate."""
    return [c for c in candidates if not any(is_inside(c, o) for o in candidates)]


def leaf_blocks(nodes: Sequence[Tag | NavigableString]) -> Iterator[Tag | NavigableString]:
    """The innermost blocks (and loose text runs) of a section, in order."""
    for node in nodes:
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment) and node.strip():
                yield node
            continue
        if any(d.name in _BLOCKS for d in node.find_all(True)):
            yield from leaf_blocks(list(node.children))
        elif visible(node):
            yield node


def fragment(html: str) -> list[Tag | NavigableString]:
    """Parsed nodes of an HTML snippet, detached, ready to insert into any tree."""
    body = BeautifulSoup(f"<html><body>{html}</body></html>", "lxml").body
    assert body is not None
    return [node.extract() for node in list(body.contents)]


def insert_before(anchor: Tag | NavigableString, nodes: Sequence[Tag | NavigableString]) -> None:
    for node in nodes:
        anchor.insert_before(node)


def replace_nodes(old: Sequence[Tag | NavigableString], html: str) -> None:
    """Put the snippet where the first of `old` stood and remove all of `old`."""
    if not old:
        raise MissingTargetError("nothing to replace")
    insert_before(old[0], fragment(html))
    for node in old:
        node.extract()


# --- drawing ------------------------------------------------------------------------------


@dataclass
class Ctx:
    """One variant being made: the tree, the page, a source of choices, and what was done."""

    soup: BeautifulSoup
    page: SamplePage
    rnd: random.Random
    notes: list[str] = field(default_factory=list)
    # rating words recased: `overall_rating_published` carries the printed text verbatim
    rating_recased: bool = False

    def pick(self, options: Sequence[str]) -> str:
        return options[self.rnd.randrange(len(options))]

    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def report(self) -> Report:
        if self.page.report is None:
            raise MissingTargetError("a report transform on a listing page")
        return self.page.report


def header_text(report: Report, pilot_wording: bool) -> str:
    return (
        f"{report.name} assessment"
        if pilot_wording
        else f"{report.name}: local authority assessment"
    )


def page_heading(ctx: Ctx) -> str:
    """The page's own heading as the mirror prints it."""
    page = ctx.page
    if page.kind == "summary":
        return "Overall summary"
    if page.kind == "about":
        return f"About {ctx.report.name}"
    if page.kind == "listing":
        return "Local authority assessment reports"
    assert page.statement is not None
    return ctx.report.statement_name(page.statement)


# --- label and value renderers ------------------------------------------------------------


SCORE_STYLES = ("inline", "bold", "spans", "spans_colon", "br", "divs", "dl", "heading")


def score_style(ctx: Ctx, separate: bool) -> str:
    """How a list prints its scores (one way for the whole list, as a theme does).
    `separate`: the statement name stands in a block of its own, so a bare number (no
    "Score" label) reads as its score."""
    return ctx.pick([*SCORE_STYLES, "bare"] if separate else SCORE_STYLES)


def render_score(style: str, label: str, value: str) -> str:
    """A score ("Score: 2") as one of the markups seen or plausible, label and value
    together or split over elements."""
    lab, val = escape(label), escape(value)
    return {
        "inline": f"{lab}: {val}",
        "bold": f"<strong>{lab}: {val}</strong>",
        "spans": f'<span class="label">{lab}</span> <span class="value">{val}</span>',
        "spans_colon": f"<span>{lab}:</span>&nbsp;<span>{val}</span>",
        "br": f"{lab}:<br>{val}",
        "divs": f'<div class="field__label">{lab}</div><div class="field__item">{val}</div>',
        "dl": f"<dl><dt>{lab}</dt><dd>{val}</dd></dl>",
        "heading": f"<h5>{lab}</h5><p>{val}</p>",
        "bare": val,
    }[style]


PAIR_FORMS = ("ul", "ol", "dl", "dl_div", "table_th", "table_td", "cards", "headed", "paragraphs")


def render_pairs(ctx: Ctx, pairs: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """Label/value bullets (demographics: "Population: ...") in any markup: (form, html).
    The markup of an item is chosen once for the list. A label set apart by its markup may
    drop its colon (a theme's CSS adds it)."""
    form = ctx.pick(PAIR_FORMS)
    colon = ctx.pick(["", ":"])
    item_style = ctx.pick(["inline", "bold", "spans", "br", "divs"])
    head_tag = ctx.pick(["h3", "h4", "strong", "div", "p"])
    value_tag = ctx.pick(["p", "div"])
    items: list[str] = []
    for label, value in pairs:
        lab, val, marked = escape(label), escape(value), escape(label) + colon
        if form in ("ul", "ol"):
            inner = {
                "inline": f"{lab}: {val}",
                "bold": f"<strong>{lab}:</strong> {val}",
                "spans": f"<span>{lab}:</span> <span>{val}</span>",
                "br": f"{lab}:<br>{val}",
                "divs": f"<div>{marked}</div><div>{val}</div>",
            }[item_style]
            items.append(f"<li>{inner}</li>")
        elif form == "dl":
            items.append(f"<dt>{marked}</dt><dd>{val}</dd>")
        elif form == "dl_div":
            items.append(f'<div class="item"><dt>{marked}</dt><dd>{val}</dd></div>')
        elif form == "table_th":
            items.append(f"<tr><th>{marked}</th><td>{val}</td></tr>")
        elif form == "table_td":
            items.append(f"<tr><td>{marked}</td><td>{val}</td></tr>")
        elif form in ("cards", "headed"):
            head = f"<{head_tag}>{marked}</{head_tag}>"
            if head_tag == "strong":
                head = f"<p>{head}</p>"
            if form == "headed":  # a heading over each value, no item element around them
                head = f"<h4>{marked}</h4>"
            item = f"{head}<{value_tag}>{val}</{value_tag}>"
            items.append(item if form == "headed" else f'<div class="card">{item}</div>')
        elif item_style in ("br", "divs"):
            items.append(f"<p>{lab}:</p><p>{val}</p>")
        else:
            items.append(f"<p>{lab}: {val}</p>")
    return form, _container(form, items)


def render_singles(ctx: Ctx, texts: Sequence[str]) -> tuple[str, str]:
    """One-text bullets (financial sentences, I-statements) in any markup: (form, html)."""
    form = ctx.pick(["ul", "ol", "paragraphs", "cards", "table", "blockquotes"])
    inner_tag = ctx.pick(["p", "div"])
    quoted = ctx.pick(["<blockquote><p>{}</p></blockquote>", "<blockquote>{}</blockquote>"])
    items = []
    for text in texts:
        t = escape(text)
        if form in ("ul", "ol"):
            items.append(f"<li>{t}</li>")
        elif form == "paragraphs":
            items.append(f"<p>{t}</p>")
        elif form == "cards":
            items.append(f'<div class="card"><{inner_tag}>{t}</{inner_tag}></div>')
        elif form == "table":
            items.append(f"<tr><td>{t}</td></tr>")
        else:
            items.append(quoted.format(t))
    return form, _container(form, items)


def _container(form: str, items: Sequence[str]) -> str:
    joined = "\n".join(items)
    if form in ("ul", "ol"):
        return f"<{form}>\n{joined}\n</{form}>"
    if form in ("dl", "dl_div"):
        return f"<dl>\n{joined}\n</dl>"
    if form.startswith("table"):
        return f"<table><tbody>\n{joined}\n</tbody></table>"
    if form == "cards":
        return f'<div class="cards">\n{joined}\n</div>'
    return joined


def _is_pair(text: str) -> tuple[str, str] | None:
    """ "Label: value" with a short label (not a sentence holding a colon)."""
    head, sep, tail = text.partition(": ")
    if not sep or "[" in head or len(head.split()) > 9:
        return None
    return head, tail


# --- semantic transforms: re-rendered blocks ----------------------------------------------


def header_h1(ctx: Ctx) -> None:
    """The report header as an `<h1>` at the top (pilots: "<Council> assessment"), beside or
    instead of the page's own header line."""
    report = ctx.report
    pilot_wording = report.pilot and ctx.chance(0.8)
    text = header_text(report, pilot_wording)
    existing = [
        t
        for t in (find_text(ctx.soup, header_text(report, p)) for p in (False, True))
        if t is not None
    ]
    if not existing:
        raise MissingTargetError("no report header line")
    main = ctx.soup.find("main") or body_of(ctx.soup)
    assert isinstance(main, Tag)
    h1 = fragment(f"<h1>{escape(text)}</h1>")
    where = ctx.pick(["top of main", "before header line", "instead of header line"])
    if where == "top of main":
        main.insert(0, h1[0])
    else:
        insert_before(existing[0], h1)
        if where == "instead of header line":
            for old in existing:
                old.extract()
    ctx.note(f"header <h1>{text!r}</h1> at {where}")


def score_block(ctx: Ctx) -> None:
    """A statement page's score: "Score: 2" and "2 - Evidence shows ..." in another markup,
    pilots' "Indicative score:" on its own line with "3 - Evidence ..." under it."""
    page, report = ctx.page, ctx.report
    assert page.statement is not None
    score = report.scores[page.statement.number - 1]
    label = "Indicative score" if report.pilot else "Score"
    pattern = re.compile(r"^(indicative score|score):?(\s.*)?$", re.IGNORECASE)
    found = outermost(
        [
            t
            for t in body_of(ctx.soup).find_all(True)
            if pattern.match(visible(t)) and not in_chrome(t)
        ]
    )
    if len(found) != 1:
        raise MissingTargetError(f"score element: {len(found)} candidates")
    described = [
        t
        for t in outermost(
            [
                t
                for t in body_of(ctx.soup).find_all(True)
                if re.match(r"^\d - Evidence shows", visible(t))
            ]
        )
        if t is not found[0] and not is_inside(found[0], t)
    ]
    value = PH_SCORE if score is None else str(score)
    description = f"{score} - {SCORE_LABELS[score]}" if score is not None else None
    forms = ["score line", "table row"]
    if description:
        forms += ["label over description", "one line with description"]
    form = ctx.pick(forms)
    if form == "label over description" and description:
        html = ctx.pick(
            [
                f"<p>{label}:</p>\n<p>{description}</p>",
                f"<div><p>{label}:</p><p>{description}</p></div>",
                f"<p>{label}:<br>{description}</p>",
            ]
        )
    elif form == "one line with description" and description:
        html = f"<p>{label}: {description}</p>"
    elif form == "table row":
        colon = ctx.pick(["", ":"])
        html = f"<table><tbody><tr><th>{label}{colon}</th><td>{value}</td></tr></tbody></table>"
        if description:
            html += f"\n<p>{description}</p>"
    else:
        style = score_style(ctx, separate=False)
        score_html = render_score(style, label, value)
        wrapper = "div" if style in ("divs", "dl", "heading") else ctx.pick(["p", "div"])
        html = f"<{wrapper}>{score_html}</{wrapper}>"
        form = f"{form} ({style})"
        if description:
            html += f"\n<p>{description}</p>"
    replace_nodes([found[0], *described], html)
    ctx.note(f"score block: {form}")


def score_list(ctx: Ctx) -> None:
    """The summary's nine statement scores as a table, list, definition list or cards,
    grouped under theme headings or not, each score in any label/value split."""
    report = ctx.report
    label_el = require_text(ctx.soup, "Quality statement scores")
    nodes = section_nodes(label_el)
    if not tags(nodes):
        raise MissingTargetError("no score list after its label")
    label = "Indicative score" if report.pilot else "Score"
    rows = [
        (st, report.statement_name(st), PH_SCORE if s is None else str(s))
        for st, s in zip(STATEMENTS, report.scores, strict=True)
    ]
    grouped = ctx.chance(0.3)
    groups = [[r for r in rows if r[0].theme == t] for t in THEMES] if grouped else [rows]
    parts: list[str] = []
    forms: list[str] = []
    for index, group in enumerate(groups):
        if grouped:
            level = ctx.pick(["h3", "h4"])
            parts.append(f"<{level}>{escape(THEMES[index + 1])}</{level}>")
        form = ctx.pick(
            ["table", "table_th", "table_head", "ul", "ol", "dl", "dl_div", "cards", "paragraphs"]
        )
        forms.append(form)
        parts.append(_score_rows(ctx, form, label, group))
    replace_nodes(nodes, "\n".join(parts))
    ctx.note(f"score list: {'grouped ' if grouped else ''}{'/'.join(forms)}")


def _score_rows(
    ctx: Ctx, form: str, label: str, rows: Sequence[tuple[StatementPage, str, str]]
) -> str:
    """One list of (statement, name, score) rows in the markup `form` names; the score's own
    markup and the card titles chosen once for the list."""
    separate = form not in ("ul", "ol", "paragraphs")
    style = score_style(ctx, separate)
    sep = ctx.pick([" ", " \u2013 ", " | "]) if style in ("inline", "bold", "spans") else " "
    title = ctx.pick(["h3", "h4", "h5", "strong", "div"])
    items: list[str] = []
    for _, name, value in rows:
        n, score = escape(name), render_score(style, label, value)
        if form in ("table", "table_th", "table_head"):
            cell = "th" if form == "table_th" else "td"
            items.append(f"<tr><{cell}>{n}</{cell}><td>{score}</td></tr>")
        elif form in ("ul", "ol", "paragraphs"):
            tag = (
                "li"
                if form != "paragraphs"
                else ("div" if style in ("divs", "dl", "heading") else "p")
            )
            items.append(f"<{tag}>{n}{sep}{score}</{tag}>")
        elif form in ("dl", "dl_div"):
            pair = f"<dt>{n}</dt><dd>{score}</dd>"
            items.append(f"<div>{pair}</div>" if form == "dl_div" else pair)
        else:
            head = (
                f"<p><strong>{n}</strong></p>" if title == "strong" else f"<{title}>{n}</{title}>"
            )
            items.append(f'<div class="card">{head}<div class="card__score">{score}</div></div>')
    if form == "table_head":
        head = f"<thead><tr><th>Quality statement</th><th>{escape(label)}</th></tr></thead>"
        return f"<table>{head}<tbody>\n" + "\n".join(items) + "\n</tbody></table>"
    return _container(form, items)


def rating_block(ctx: Ctx) -> None:
    """The rating section: council name, rating word and overall % in another markup."""
    report = ctx.report
    label_el = require_text(ctx.soup, rating_label(ctx.page))
    nodes = section_nodes(label_el)
    words = r"(outstanding|good|requires improvement|inadequate)"
    printed = [
        visible(n)
        for n in leaf_blocks(nodes)
        if re.match(rf"^{words}\b", visible(n), re.IGNORECASE)
    ]
    if not printed:
        raise MissingTargetError("no rating word in the rating section")
    rating = escape(printed[0])  # verbatim: the skin's own case ("Requires Improvement")
    council = escape(report.name)
    form = ctx.pick(["blocks", "dl", "council and rating on one line", "badge"])
    if form == "blocks":
        tag = ctx.pick(["p", "div"])
        rating_html = ctx.pick([rating, f"<strong>{rating}</strong>"])
        html = f"<{tag}>{council}</{tag}><{tag}>{rating_html}</{tag}>"
    elif form == "dl":
        html = f"<dl><dt>{council}</dt><dd>{rating}</dd></dl>"
    elif form == "badge":
        html = f'<p>{council}</p><span class="badge">{rating}</span>'
    else:
        html = f"<p>{council}: <strong>{rating}</strong></p>"
    if report.pct is not None:
        pct_form = ctx.pick(["line", "spans", "blocks", "dl"])
        overall = f"Overall rating for {council}"
        html += {
            "line": f"<p>{overall}: {report.pct}%</p>",
            "spans": f"<p><span>{overall}:</span>&nbsp;<span>{report.pct}%</span></p>",
            "blocks": f"<div>{overall}:</div><div><strong>{report.pct}%</strong></div>",
            "dl": f"<dl><dt>{overall}</dt><dd>{report.pct}%</dd></dl>",
        }[pct_form]
        form += f", % as {pct_form}"
    replace_nodes(nodes, html)
    ctx.note(f"rating block: {form}")


def demographics_and_finance(ctx: Ctx) -> None:
    """About-page bullets as lists, tables, definition lists or cards, label and value split."""
    report = ctx.report
    done = []
    for label, data in (
        ("Demographics", model.demographics(report)),
        ("Financial facts", model.financial_facts(report)),
    ):
        label_el = require_text(ctx.soup, label)
        nodes = section_nodes(label_el)
        if not tags(nodes):
            raise MissingTargetError(f"no bullets under {label!r}")
        if label == "Demographics":
            pairs: list[tuple[str, str]] = list(data)  # type: ignore[arg-type]
            form, html = render_pairs(ctx, pairs)
        else:
            texts: list[str] = list(data)  # type: ignore[arg-type]
            split = [_is_pair(t) for t in texts]
            if all(split) and ctx.chance(0.5):
                form, html = render_pairs(ctx, [p for p in split if p])
            else:
                form, html = render_singles(ctx, texts)
        replace_nodes(nodes, html)
        done.append(f"{label}: {form}")
    ctx.note("; ".join(done))


def _section_texts(ctx: Ctx, label: str) -> tuple[Tag, list[Tag | NavigableString], list[str]]:
    label_el = require_text(ctx.soup, label)
    nodes = section_nodes(label_el)
    texts = [visible(n) for n in leaf_blocks(nodes)]
    if not texts:
        raise MissingTargetError(f"nothing under {label!r}")
    return label_el, nodes, texts


def statement_prose(ctx: Ctx) -> None:
    """I-statements, the we-statement and the key findings in other markups; the pilots'
    "The local authority commitment:" with its colon."""
    done = []
    _, nodes, texts = _section_texts(ctx, "What people expect")
    form, html = render_singles(ctx, texts)
    replace_nodes(nodes, html)
    done.append(f"expectations: {form}")

    label_el, nodes, texts = _section_texts(ctx, "The local authority commitment")
    if ctx.chance(0.5):
        label_el.string = "The local authority commitment:"
        done.append("commitment label with colon")
    form = ctx.pick(["p", "blockquote", "div", "div p"])
    body = " ".join(escape(t) for t in texts)
    replace_nodes(
        nodes,
        {
            "p": f"<p>{body}</p>",
            "blockquote": f"<blockquote><p>{body}</p></blockquote>",
            "div": f'<div class="we-statement">{body}</div>',
            "div p": f'<div class="we-statement"><p>{body}</p></div>',
        }[form],
    )
    done.append(f"commitment: {form}")

    if find_text(ctx.soup, "Key findings for this quality statement") is not None:
        form = key_findings(ctx)
        done.append(f"findings: {form}")
    ctx.note("; ".join(done))


def key_findings(ctx: Ctx) -> str:
    label_el = require_text(ctx.soup, "Key findings for this quality statement")
    nodes = section_nodes(label_el)
    findings: list[tuple[str, list[str]]] = []
    for leaf in leaf_blocks(nodes):
        text = visible(leaf)
        if isinstance(leaf, Tag) and leaf.name in _HEADINGS:
            findings.append((text, []))
        elif findings:
            findings[-1][1].append(text)
        else:
            raise MissingTargetError(f"finding text before any sub-heading: {text!r}")
    form = ctx.pick(
        ["headings", "bold", "plain", "dl", "table_th", "table_td", "cards", "list", "details"]
    )
    items = [_finding(ctx, form, heading, paras) for heading, paras in findings]
    if form == "list":
        html = "<ul>\n" + "\n".join(items) + "\n</ul>"
    elif form.startswith("table"):
        html = _container("table", items)
    elif form in ("dl", "cards"):
        html = _container(form, items)
    else:
        html = "\n".join(items)
    replace_nodes(nodes, html)
    return form


def _finding(ctx: Ctx, form: str, heading: str, paras: Sequence[str]) -> str:
    """One key finding: its sub-heading and paragraphs in the markup `form` names."""
    h = escape(heading)
    ps = "".join(f"<p>{escape(p)}</p>" for p in paras)
    cell = ps if len(paras) > 1 else escape(paras[0])
    if form == "headings":
        level = ctx.pick(["h3", "h4", "h5"])
        return f"<{level}>{h}</{level}>{ps}"
    if form == "bold":
        return f"<p><strong>{h}</strong></p>{ps}"
    if form == "plain":
        return f'<div class="finding__title">{h}</div>{ps}'
    if form == "dl":
        return f"<dt>{h}</dt>" + "".join(f"<dd>{escape(p)}</dd>" for p in paras)
    if form == "table_th":
        return f"<tr><th>{h}</th><td>{cell}</td></tr>"
    if form == "table_td":
        return f"<tr><td>{h}</td><td>{cell}</td></tr>"
    if form == "cards":
        tag = ctx.pick(["h4", "div"])
        return f'<div class="card"><{tag}>{h}</{tag}>{ps}</div>'
    if form == "list":
        head = ctx.pick([f"<strong>{h}</strong>", f"<h4>{h}</h4>", f"<p>{h}</p>"])
        return f"<li>{head}{ps}</li>"
    assert form == "details"
    return f"<details open><summary>{h}</summary>{ps}</details>"


def published_line(ctx: Ctx) -> None:
    """ "Published: <date> Page last updated: <date>" in another markup and position."""
    candidates = [
        t
        for t in body_of(ctx.soup).find_all(True)
        if re.search(rf"published:?\s*{DATE}", visible(t), re.I)
        and re.search(rf"page last updated:?\s*{DATE}", visible(t), re.I)
        and not re.search("assessment published", visible(t), re.I)
        and not in_chrome(t)
    ]
    found = innermost(candidates)
    if len(found) != 1:
        raise MissingTargetError(f"published line: {len(found)} candidates")
    text = visible(found[0])
    published = re.search(rf"published:?\s*({DATE})", text, re.I)
    updated = re.search(rf"page last updated:?\s*({DATE})", text, re.I)
    assert published and updated
    d1, d2 = published.group(1), updated.group(1)
    form = ctx.pick(["one line", "spans", "br", "time", "dl", "blocks", "apart"])
    colon = ctx.pick([":", ""])
    html = {
        "one line": f"<p>Published: {d1} Page last updated: {d2}</p>",
        "spans": f"<div><span>Published: {d1}</span> <span>Page last updated: {d2}</span></div>",
        "br": f"<p>Published: {d1}<br>Page last updated: {d2}</p>",
        "time": (
            f"<div><span>Published:</span>&nbsp;<time>{d1}</time> "
            f"<span>Page last updated:</span>&nbsp;<time>{d2}</time></div>"
        ),
        "dl": (
            f"<dl><dt>Published{colon}</dt><dd>{d1}</dd>"
            f"<dt>Page last updated{colon}</dt><dd>{d2}</dd></dl>"
        ),
        "blocks": (
            f"<div>Published:</div><div>{d1}</div><div>Page last updated:</div><div>{d2}</div>"
        ),
        "apart": f"<p>Published: {d1}</p>",
    }[form]
    nodes = fragment(html)
    where = ctx.pick(["where it was", "after the page heading", "end of the content"])
    heading = find_text(ctx.soup, page_heading(ctx))
    content_end = _content_end(ctx)
    if where == "after the page heading" and heading is not None:
        for node in reversed(nodes):
            heading.insert_after(node)
    elif where == "end of the content":
        for node in nodes:
            content_end.append(node)
    else:
        where = "where it was"
        insert_before(found[0], nodes)
    found[0].extract()
    if form == "apart":  # "Page last updated" at the foot of the content, on its own
        content_end.append(fragment(f"<p>Page last updated: {d2}</p>")[0])
    ctx.note(f"published line: {form}, {where}")


def _content_end(ctx: Ctx) -> Tag:
    """The element the page's content ends in: the parent of its last section label (the
    Downloads block is no part of the content)."""
    content_labels = [label for label in LABELS if label != "Downloads"]
    labels = [t for t in (find_text(ctx.soup, label) for label in content_labels) if t]
    if not labels:
        raise MissingTargetError("no section label on the page")
    last = max(labels, key=lambda t: len(list(t.find_all_previous())))
    parent = last.parent
    assert isinstance(parent, Tag)
    return parent


def assessment_dates(ctx: Ctx) -> None:
    """About pages: "Assessment published: <date>" (pilots: and "Assessment start date:")."""
    report = ctx.report
    found = innermost(
        [
            t
            for t in body_of(ctx.soup).find_all(True)
            if re.search(rf"assessment published:?\s*{DATE}", visible(t), re.I) and not in_chrome(t)
        ]
    )
    start = innermost(
        [
            t
            for t in body_of(ctx.soup).find_all(True)
            if re.search(r"assessment start date:?\s*\S", visible(t), re.I) and not in_chrome(t)
        ]
    )
    if len(found) != 1 or (report.pilot and len(start) != 1):
        raise MissingTargetError("assessment dates")
    pairs = [("Assessment published", fmt_date(report.published))]
    if report.pilot:
        start_text = re.sub(r"(?i)^.*assessment start date:?\s*", "", visible(start[0]))
        pairs.append(("Assessment start date", start_text))
    form = ctx.pick(["paragraphs", "dl", "table_th", "br"])
    colon = ctx.pick(["", ":"])  # a dt or th may leave the colon to the theme's CSS
    if form == "paragraphs":
        html = "".join(f"<p>{escape(a)}: {escape(b)}</p>" for a, b in pairs)
    elif form == "dl":
        rows = "".join(f"<dt>{escape(a)}{colon}</dt><dd>{escape(b)}</dd>" for a, b in pairs)
        html = f"<dl>{rows}</dl>"
    elif form == "table_th":
        rows = "".join(
            f"<tr><th>{escape(a)}{colon}</th><td>{escape(b)}</td></tr>" for a, b in pairs
        )
        html = f"<table><tbody>{rows}</tbody></table>"
    else:
        html = "<p>" + "<br>".join(f"{escape(a)}: {escape(b)}" for a, b in pairs) + "</p>"
    old = outermost([*found, *start])
    replace_nodes(old, html)
    ctx.note(f"assessment dates: {form}")


def downloads(ctx: Ctx) -> None:
    """The Downloads block moved (after the published line, before the page heading, at the
    end) and its links in another markup."""
    label_el = require_text(ctx.soup, "Downloads")
    group = group_of(label_el)
    anchors = [a for node in tags(group) for a in node.find_all("a", href=True)]
    if not anchors:
        raise MissingTargetError("Downloads block without links")
    for node in group:
        node.extract()
    form = ctx.pick(["p", "ul", "div", "with note"])
    links = "".join(str(a) for a in anchors)
    inner = {
        "p": f"<p>{links}</p>",
        "ul": "<ul>" + "".join(f"<li>{a}</li>" for a in anchors) + "</ul>",
        "div": f"<div>{links}</div>",
        "with note": "<ul>"
        + "".join(f"<li>{a} <span>(PDF)</span></li>" for a in anchors)
        + "</ul>",
    }[form]
    wrapped = ctx.chance(0.7)
    html = f"<h2>Downloads</h2>{inner}"
    nodes = fragment(f'<div class="downloads">{html}</div>' if wrapped else html)
    where = ctx.pick(["after the published line", "before the page heading", "end of the content"])
    published = innermost(
        [
            t
            for t in body_of(ctx.soup).find_all(True)
            if re.search(rf"page last updated:?\s*{DATE}", visible(t), re.I) and not in_chrome(t)
        ]
    )
    heading = find_text(ctx.soup, page_heading(ctx))
    if where == "after the published line" and published:
        # the nearest block around the line that a block may follow (not a dd, a cell, a p)
        target = next(
            el
            for el in [published[0], *published[0].parents]
            if el.name in ("p", "div", "dl", "table", "section")
            and isinstance(el.parent, Tag)
            and el.parent.name not in _NO_BLOCK_INSIDE
        )
        for node in reversed(nodes):
            target.insert_after(node)
    elif where == "before the page heading" and heading is not None:
        insert_before(heading, nodes)
    else:
        where = "end of the content"
        end = _content_end(ctx)
        for node in nodes:
            end.append(node)
    ctx.note(f"downloads: {form}{'' if wrapped else ' unwrapped'}, {where}")


def section_order(ctx: Ctx) -> None:
    """Sections a page could print in another order, reordered."""
    orders = {
        "about": [("Demographics", "Financial facts")],
        "summary": [
            (rating_label(ctx.page), "Quality statement scores"),
            (
                "Summary of people's experiences",
                "Summary of strengths, areas for development and next steps",
            ),
        ],
        "quality_statement": [
            (
                "What people expect",
                "The local authority commitment",
                "Key findings for this quality statement",
            )
        ],
        "listing": [("Assessments in progress", "Pilot assessments")],
    }[ctx.page.kind]
    done = []
    for labels in orders:
        found = [find_text(ctx.soup, label) for label in labels]
        present = [(label, el) for label, el in zip(labels, found, strict=True) if el is not None]
        if len(present) < 2:
            continue
        groups = [group_of(el) for _, el in present]
        order = list(range(len(groups)))
        ctx.rnd.shuffle(order)
        if order == sorted(order):
            order.reverse()
        anchor = fragment("<!-- sections -->")[0]
        insert_before(groups[0][0], [anchor])
        for group in groups:
            for node in group:
                node.extract()
        for index in order:
            insert_before(anchor, groups[index])
        anchor.extract()
        done.append(" / ".join(present[i][0] for i in order))
    if not done:
        raise MissingTargetError("no sections to reorder")
    ctx.note(f"section order: {'; '.join(done)}")


def rating_label(page: SamplePage) -> str:
    return "Local authority indicative rating" if page.pilot else "Local authority rating and score"


def listing_entries(ctx: Ctx) -> None:
    """Listing entries as lists, tables, definition lists or cards (links kept as they are),
    and the councils in progress as lists, cells, paragraphs, cards or columns."""
    page = ctx.page
    assert page.listing_index is not None
    reports = load_reports()
    formal = [r for r in reports if not r.pilot]
    per_page = model.REPORTS_PER_PAGE
    first = page.listing_index * per_page
    linked = [("Assessment reports", formal[first : first + per_page])]
    if page.listing_index == 0:
        linked.append(("Pilot assessments", [r for r in reports if r.pilot]))
    done = []
    for label, entries in linked:
        holder = _entry_holder(
            ctx, label, lambda n, r=entries[0]: bool(n.find("a", href=r.about_path))
        )
        form, html = _report_entries(ctx, entries)
        replace_nodes([holder], html)
        done.append(f"{label}: {form}")
    if page.listing_index == 0:
        names = in_progress_names(reports)
        holder = _entry_holder(ctx, "Assessments in progress", lambda n: names[0] in visible(n))
        form, html = _name_entries(ctx, names)
        replace_nodes([holder], html)
        done.append(f"Assessments in progress: {form}")
    ctx.note("listing: " + "; ".join(done))


def _entry_holder(ctx: Ctx, label: str, holds: Callable[[Tag], bool]) -> Tag:
    """The one element of a listing section that holds its entries."""
    holders = [n for n in tags(section_nodes(require_text(ctx.soup, label))) if holds(n)]
    if len(holders) != 1:
        raise MissingTargetError(f"{label!r}: {len(holders)} entry containers")
    return holders[0]


def _report_entries(ctx: Ctx, reports: Sequence[Report]) -> tuple[str, str]:
    form = ctx.pick(["ul", "ol", "table", "dl", "cards", "paragraphs"])
    date_style = ctx.pick(["label", "label and time", "date alone"])
    items = []
    for r in reports:
        link = f'<a href="{r.about_path}">{escape(r.name)}: local authority assessment</a>'
        date = fmt_date(r.published)
        when = {
            "label": f"Published: {date}",
            "label and time": f'<span class="label">Published:</span>&nbsp;<time>{date}</time>',
            "date alone": date,
        }[date_style]
        items.append(
            {
                "ul": f"<li>{link} <span>{when}</span></li>",
                "ol": f"<li>{link}<br>{when}</li>",
                "table": f"<tr><td>{link}</td><td>{when}</td></tr>",
                "dl": f"<dt>{link}</dt><dd>{when}</dd>",
                "cards": f'<article class="teaser"><h3>{link}</h3><div>{when}</div></article>',
                "paragraphs": f"<p>{link}</p><p>{when}</p>",
            }[form]
        )
    return f"{form}, dates as {date_style}", _container(form, items)


def _name_entries(ctx: Ctx, names: Sequence[str]) -> tuple[str, str]:
    form = ctx.pick(["ul", "ol", "table", "paragraphs", "cards", "columns"])
    if form == "columns":  # a long list split into three lists side by side
        third = -(-len(names) // 3)
        columns = [names[i : i + third] for i in range(0, len(names), third)]
        lists = "".join(
            '<ul class="column">' + "".join(f"<li>{escape(n)}</li>" for n in column) + "</ul>"
            for column in columns
        )
        return form, f'<div class="columns">{lists}</div>'
    items = []
    for name in names:
        n = escape(name)
        items.append(
            {
                "ul": f"<li>{n}</li>",
                "ol": f"<li>{n}</li>",
                "table": f"<tr><td>{n}</td></tr>",
                "paragraphs": f"<p>{n}</p>",
                "cards": f'<div class="card">{n}</div>',
            }[form]
        )
    return form, _container(form, items)


# --- chrome -------------------------------------------------------------------------------


def _chrome_html(ctx: Ctx, kind: str) -> str:
    """Page furniture that names statements and says "Score"; links leave the report (or
    repeat a link the page has), so no report link or download is added."""
    names = [s.name for s in STATEMENTS]
    first, other = ctx.pick(names), ctx.pick(names)
    links = [
        (
            f"{GUIDANCE}/quality-statements/{drupal.slugify(first)}",
            f"{first}: what this quality statement covers",
        ),
        (f"{GUIDANCE}/scoring", "Score and rating: how we score local authority assessments"),
        (f"{GUIDANCE}/scoring/descriptions", f"{other} Score descriptions, 1 to 4"),
        (f"{GUIDANCE}/pilots", "Indicative ratings: how the pilot assessments were scored"),
    ]
    lis = "".join(f'<li><a href="{h}">{escape(t)}</a></li>' for h, t in links)
    heading_tag = ctx.pick(["h2", "h3", "h4", "strong", "div"])

    def heading(text: str) -> str:
        if heading_tag == "strong":
            return f"<p><strong>{text}</strong></p>"
        return f"<{heading_tag}>{text}</{heading_tag}>"

    if kind == "breadcrumb nav":
        return (
            '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
            '<li><a href="/care-services">Care services</a></li>'
            f'<li><a href="{LISTING_PATH}">Local authority assessment reports</a></li>'
            f'<li aria-current="page">{escape(page_heading(ctx))}</li></ol></nav>'
        )
    if kind == "breadcrumb div":  # GOV.UK style: no nav element, the current page plain text
        return (
            '<div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li>'
            f'<li><a href="{LISTING_PATH}">Local authority assessment reports</a></li>'
            f"<li>{escape(page_heading(ctx))}</li></ol></div>"
        )
    if kind == "related links":
        tag = ctx.pick(["div", "section"])
        title = ctx.pick(["Related content", "Related", "You may also be interested in"])
        return f'<{tag} class="related">{heading(title)}<ul>{lis}</ul></{tag}>'
    if kind == "navigation div":
        return (
            f'<div role="navigation" class="menu">{heading("In this section")}<ul>{lis}</ul></div>'
        )
    if kind in ("aside", "complementary"):
        inner = (
            f"{heading('How we score')}"
            "<p>Each quality statement is given a score from 1 to 4.</p>"
            f"<p>{escape(first)}</p><p>Score: 4</p>"
            "<p>4 - Evidence shows an exceptional standard</p>"
            f"<ul>{lis}</ul>"
        )
        if kind == "aside":
            return f'<aside class="sidebar">{inner}</aside>'
        return f'<div class="layout-sidebar" role="complementary">{inner}</div>'
    if kind == "footer":
        return (
            f'<footer class="page-footer">{heading("About our scores")}'
            f"<p>Score: 1 to 4. {escape(other)} is one of nine quality statements.</p>"
            f"<ul>{lis}</ul></footer>"
        )
    assert kind in ("cookie banner", "cookie banner without role")
    role = ' role="dialog" aria-label="Cookies"' if kind == "cookie banner" else ""
    return (
        f'<div class="cookie-banner"{role}>{heading("Cookies on our website")}'
        "<p>We use some essential cookies to make this website work.</p>"
        '<button type="button">Accept additional cookies</button> '
        '<button type="button">Reject additional cookies</button></div>'
    )


# Furniture a page could carry anywhere between sections, and what only stands at its edges.
_ANYWHERE = ("related links", "navigation div", "aside", "complementary", "breadcrumb nav")
_EDGES = ("footer", "cookie banner", "cookie banner without role", "breadcrumb div")


Insert = Callable[[Sequence[Tag | NavigableString]], None]


def _chrome_spots(ctx: Ctx, anywhere: bool) -> list[tuple[str, Insert]]:
    """Where furniture can stand: the edges of the body (and of <main>) and, for what a page
    can carry between sections, before any section's label."""
    body = body_of(ctx.soup)

    def at_start(parent: Tag) -> Insert:
        def insert(nodes: Sequence[Tag | NavigableString]) -> None:
            for node in reversed(nodes):
                parent.insert(0, node)

        return insert

    def at_end(parent: Tag) -> Insert:
        def insert(nodes: Sequence[Tag | NavigableString]) -> None:
            for node in nodes:
                parent.append(node)

        return insert

    spots: list[tuple[str, Insert]] = [("body start", at_start(body)), ("body end", at_end(body))]
    if not anywhere:
        return spots
    main = ctx.soup.find("main")
    if isinstance(main, Tag):
        spots += [("main start", at_start(main)), ("main end", at_end(main))]
    for label in LABELS:
        found = find_text(ctx.soup, label)
        if found is not None:
            first = group_of(found)[0]
            spots.append((f"before {label!r}", lambda nodes, at=first: insert_before(at, nodes)))
    return spots


def chrome(ctx: Ctx) -> None:
    """Navigation, breadcrumbs, related links, sidebars, footers and cookie banners with
    their own headings, naming statements and saying "Score"."""
    done = []
    for _ in range(1 + ctx.rnd.randrange(4)):
        kind = ctx.pick(_ANYWHERE + _EDGES)
        spots = _chrome_spots(ctx, anywhere=kind in _ANYWHERE)
        where, insert = spots[ctx.rnd.randrange(len(spots))]
        insert(fragment(_chrome_html(ctx, kind)))
        done.append(f"{kind} at {where}")
    ctx.note("chrome: " + "; ".join(done))


# --- generic transforms -------------------------------------------------------------------


def _content_tags(soup: BeautifulSoup) -> list[Tag]:
    return [t for t in body_of(soup).find_all(True)]


def headings(ctx: Ctx) -> None:
    """Every heading at another level, or as `<p><strong>`, `<div><strong>` or a plain
    `<div class=...>`."""
    changed = 0
    for heading in body_of(ctx.soup).find_all(list(_HEADINGS)):
        form = ctx.pick(
            ["keep", "h1", "h2", "h3", "h4", "h5", "h6", "p strong", "div strong", "div", "p b"]
        )
        if form == "keep":
            continue
        changed += 1
        if form.startswith("h"):
            heading.name = form
            continue
        outer_name, _, inner_name = form.partition(" ")
        heading.name = outer_name
        if outer_name == "div":
            heading["class"] = ctx.pick(["title", "heading", "c-title", "field__label"])
        if inner_name:
            inner = ctx.soup.new_tag(inner_name)
            for child in list(heading.contents):
                inner.append(child.extract())
            heading.append(inner)
    ctx.note(f"headings: {changed} changed")


def wrappers(ctx: Ctx) -> None:
    """Extra div/section/article/span nesting around blocks, runs of blocks and text runs."""
    done = []
    for _ in range(1 + ctx.rnd.randrange(8)):
        candidates = _content_tags(ctx.soup)
        target = candidates[ctx.rnd.randrange(len(candidates))]
        parent = target.parent
        if parent is None or target.name in _NEVER_WRAPPED:
            continue
        if target.name in _BLOCKS and parent.name not in _NO_BLOCK_INSIDE:
            if target.name == "dt" or target.name == "dd":
                continue
            siblings = [c for c in parent.children if isinstance(c, Tag)]
            start = siblings.index(target)
            run = siblings[start : start + 1 + ctx.rnd.randrange(3)]
            if any(s.name in _NEVER_WRAPPED or s.name in ("dt", "dd") for s in run):
                run = [target]
            # the run's members and whatever lies between them (whitespace, loose text)
            nodes = _between(run[0], run[-1])
            name = ctx.pick(
                ["div", "section", "article", "span"]
                if len(run) == 1
                else ["div", "section", "article"]
            )
        elif target.name == "dt" and parent.name == "dl":
            dd = target.find_next_sibling(True)
            if dd is None or dd.name != "dd":
                continue
            nodes = _between(target, dd)
            name = "div"
        elif target.name not in _BLOCKS:
            nodes = [target]
            name = "span"
        else:
            continue
        wrapper = ctx.soup.new_tag(name)
        if ctx.chance(0.5):
            wrapper["class"] = ctx.pick(["wrapper", "region", "container", "col", "field"])
        nodes[0].insert_before(wrapper)
        for node in nodes:
            wrapper.append(node.extract())
        done.append(f"<{name}> around {len(tags(nodes))} <{target.name}>")
    _wrap_text_runs(ctx, done)
    ctx.note("wrappers: " + ", ".join(done))


def _between(first: Tag, last: Tag) -> list[Tag | NavigableString]:
    nodes: list[Tag | NavigableString] = [first]
    if first is last:
        return nodes
    for sibling in first.next_siblings:
        if isinstance(sibling, Tag | NavigableString):
            nodes.append(sibling)
        if sibling is last:
            break
    return nodes


def _wrap_text_runs(ctx: Ctx, done: list[str]) -> None:
    """Part of a text run in a `<span>`: the same characters, one more element."""
    texts = _text_nodes(ctx.soup)
    for _ in range(ctx.rnd.randrange(4)):
        if not texts:
            return
        node = texts.pop(ctx.rnd.randrange(len(texts)))
        text = str(node)
        spaces = [m.start() for m in re.finditer(r" ", text)]
        if not spaces:
            continue
        cut = spaces[ctx.rnd.randrange(len(spaces))]
        span = ctx.soup.new_tag("span")
        span.string = text[cut:]
        node.replace_with(NavigableString(text[:cut]), span)
        done.append("<span> in a text run")


def _text_nodes(soup: BeautifulSoup) -> list[NavigableString]:
    return [
        s
        for s in body_of(soup).find_all(string=True)
        if not isinstance(s, Comment)
        and s.strip()
        and s.parent is not None
        and s.parent.name not in ("script", "style", "title", "pre")
    ]


def attributes(ctx: Ctx) -> None:
    """Classes and ids removed, renamed or added (href, rel, role and aria-* are meaning,
    not styling, and stay)."""
    mode = ctx.pick(["strip", "rename", "add", "mixed"])
    for tag in _content_tags(ctx.soup):
        this = ctx.pick(["strip", "rename", "add"]) if mode == "mixed" else mode
        for attr in list(tag.attrs):
            if attr in ("class", "id") or attr.startswith("data-"):
                if this == "strip":
                    del tag[attr]
                elif this == "rename":
                    tag[attr] = f"x{ctx.rnd.randrange(10**6):06d}"
        if this == "add" and ctx.chance(0.3):
            tag["class"] = ctx.pick(["c-block", "layout__region", "js-hook", "text-long"])
            tag["data-drupal-selector"] = f"edit-{ctx.rnd.randrange(1000)}"
    ctx.note(f"attributes: {mode}")


_LABEL_CASE_PHRASES = (*LABELS, "Assessment published", "Assessment start date")
_INLINE_LABELS = re.compile(
    r"\b(page last updated|published|overall rating for|local authority assessment)\b", re.I
)
_SCORE_LABEL = re.compile(r"^(\s*)(indicative score|score)\b", re.I)
_RATING_WORD = re.compile(
    r"^(\s*)(outstanding|good|requires improvement|inadequate)(\s*(?::.*)?)$", re.I | re.S
)


def _recase(ctx: Ctx, text: str) -> str:
    style = ctx.pick(["upper", "lower", "title", "mixed"])
    if style == "upper":
        return text.upper()
    if style == "lower":
        return text.lower()
    if style == "title":
        return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), text)
    return re.sub(
        r"[A-Za-z]+",
        lambda m: ctx.pick([m.group(0).upper(), m.group(0).lower(), m.group(0).capitalize()]),
        text,
    )


def letter_case(ctx: Ctx) -> None:
    """Labels and rating words in other letter case ("REQUIRES IMPROVEMENT", "requires
    Improvement")."""
    phrases = {key(p) for p in _LABEL_CASE_PHRASES}
    in_rating = _rating_texts(ctx)
    changed = 0
    for node in _text_nodes(ctx.soup):
        text = str(node)
        new = text
        if key(text) in phrases:
            new = _recase(ctx, text)
        elif id(node) in in_rating and (match := _RATING_WORD.match(text)):
            new = match.group(1) + _recase(ctx, match.group(2)) + match.group(3)
            ctx.rating_recased = ctx.rating_recased or new != text
        else:
            new = _SCORE_LABEL.sub(lambda m: m.group(1) + _recase(ctx, m.group(2)), new)
            new = _INLINE_LABELS.sub(lambda m: _recase(ctx, m.group(0)), new)
        if new != text:
            changed += 1
            node.replace_with(NavigableString(new))
    ctx.note(f"letter case: {changed} text runs")


def _rating_texts(ctx: Ctx) -> set[int]:
    """Text runs of the summary's rating section (where rating words are the rating)."""
    if ctx.page.kind != "summary":
        return set()
    label = find_text(ctx.soup, rating_label(ctx.page))
    if label is None:
        return set()
    out: set[int] = set()
    for node in section_nodes(label):
        if isinstance(node, Tag):
            out.update(id(s) for s in node.find_all(string=True))
    return out


_PROSE_SKIP = re.compile(rf"{DATE}|score|published|updated|:$", re.I)


def spacing(ctx: Ctx) -> None:
    """Non-breaking spaces, runs of spaces and newlines where a text has spaces, and `<br>`
    line breaks inside prose sentences (before a lower-case word, as a reader sees a
    wrapped line)."""
    nodes = _text_nodes(ctx.soup)
    changed = 0
    for node in nodes:
        if not ctx.chance(0.3):
            continue
        text = str(node)
        new = re.sub(
            r"[ \t\n]+", lambda m: ctx.pick([" ", "\u00a0", "  ", "\n    ", m.group(0)]), text
        )
        if new != text:
            node.replace_with(NavigableString(new))
            changed += 1
    breaks = 0
    for _ in range(ctx.rnd.randrange(4)):
        prose = [
            s
            for s in _text_nodes(ctx.soup)
            if len(s.split()) >= 8
            and not _PROSE_SKIP.search(str(s))
            and not any(
                p.name in (*_HEADINGS, "a", "button", "summary", "dt", "th") for p in s.parents
            )
        ]
        if not prose:
            break
        node = prose[ctx.rnd.randrange(len(prose))]
        text = str(node)
        cuts = [m.start() for m in re.finditer(r"(?<=[^:\s])[ \u00a0]+(?=[a-z])", text)]
        if not cuts:
            continue
        cut = cuts[ctx.rnd.randrange(len(cuts))]
        node.replace_with(
            NavigableString(text[:cut]), ctx.soup.new_tag("br"), NavigableString(text[cut:])
        )
        breaks += 1
    ctx.note(f"spacing: {changed} text runs, {breaks} <br>")


# --- the strategy -------------------------------------------------------------------------

Applies = Callable[[SamplePage], bool]


def _kinds(*kinds: PageKind) -> Applies:
    return lambda page: page.kind in kinds


def _formal_report_page(page: SamplePage) -> bool:
    return page.kind != "listing" and not page.pilot


# (name, which pages it applies to, transform), in the order they are applied: blocks are
# re-rendered first, then moved, then furniture added, then generic rewrites run over all.
TRANSFORMS: tuple[tuple[str, Applies, Callable[[Ctx], None]], ...] = (
    ("score block", _kinds("quality_statement"), score_block),
    ("score list", _kinds("summary"), score_list),
    ("rating block", _kinds("summary"), rating_block),
    ("demographics and finance", _kinds("about"), demographics_and_finance),
    ("assessment dates", _kinds("about"), assessment_dates),
    ("statement prose", _kinds("quality_statement"), statement_prose),
    ("listing entries", _kinds("listing"), listing_entries),
    ("section order", lambda p: p.kind != "listing" or p.listing_index == 0, section_order),
    ("published line", _kinds("about", "summary", "quality_statement"), published_line),
    ("downloads", _formal_report_page, downloads),
    ("header h1", _kinds("about", "summary", "quality_statement"), header_h1),
    ("chrome", lambda p: True, chrome),
    ("headings", lambda p: True, headings),
    ("wrappers", lambda p: True, wrappers),
    ("attributes", lambda p: True, attributes),
    ("letter case", lambda p: True, letter_case),
    ("spacing", lambda p: True, spacing),
)
KIND_NAMES = tuple(name for name, _, _ in TRANSFORMS)


@dataclass(frozen=True)
class Variant:
    """A rewritten page and what was done to it (the repr is what a failure report shows)."""

    page: SamplePage
    html: str
    kinds: tuple[str, ...]
    seed: int
    formatter: str
    notes: tuple[str, ...]
    rating_recased: bool

    def __repr__(self) -> str:
        notes = "\n    ".join(self.notes)
        again = f"make_variant(page, {list(self.kinds)!r}, seed={self.seed}, {self.formatter!r})"
        return f"Variant({self.page.name}\n    {notes}\n    (again: {again})\n)"


def applicable(page: SamplePage) -> list[str]:
    return [name for name, applies, _ in TRANSFORMS if applies(page)]


SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


def make_variant(
    page: SamplePage, kinds: Sequence[str], seed: int, formatter: str = "minimal"
) -> Variant:
    """Apply the named transforms (in their fixed order) to a fresh copy of the page, their
    choices drawn from `seed` (the same seed, the same variant)."""
    ctx = Ctx(BeautifulSoup(page.html, "lxml"), page, random.Random(seed))
    for name, applies, transform in TRANSFORMS:
        if name in kinds and applies(page):
            transform(ctx)
    return Variant(
        page=page,
        html=ctx.soup.decode(formatter=formatter),
        kinds=tuple(k for k in KIND_NAMES if k in kinds),
        seed=seed,
        formatter=formatter,
        notes=tuple(ctx.notes),
        rating_recased=ctx.rating_recased,
    )


@st.composite
def variants(draw: st.DrawFn, page: SamplePage) -> Variant:
    """Variants of one page: several transforms composed (at least one), shrinking towards
    fewer transforms. Hypothesis draws the transforms and a seed; the transforms' many small
    choices come from the seed (drawn one by one they overran hypothesis's data budget)."""
    names = applicable(page)
    chosen = [name for name in names if draw(st.booleans())]
    if not chosen:
        chosen = [draw(st.sampled_from(names))]
    formatter = draw(st.sampled_from(["minimal", "html"]))
    return make_variant(page, chosen, draw(SEEDS), formatter)


def pages_of(kind: PageKind) -> list[SamplePage]:
    return [p for p in sample_pages() if p.kind == kind]


def page_variants(kind: PageKind) -> st.SearchStrategy[Variant]:
    return st.sampled_from(pages_of(kind)).flatmap(variants)


# --- changed facts (for the tests that show the comparison can fail) ----------------------


_FIGURE = re.compile(r"\[placeholder:\s+figure[^\]]*\]|£\s*[\d.,]+m?|[\d.]+%")
# a score after its label ("Assessing needs Score: 2"), or standing alone ("2", "2 - Evidence
# shows some shortfalls"): the digit is group "n"
_SCORE_TEXT = re.compile(
    r"(?i)(?<=score)(?P<gap>\s*:?\s*)(?P<n>[1-4])\b|^(?P<gap2>)(?P<n2>[1-4])(?:\s+-\s.*)?$"
)
_SCORE_PLACEHOLDER = re.compile(r"\[placeholder:\s+score[^\]]*\]")


# An element this short can hold one fact; a longer one is a container of many.
_HOLDER_MAX_CHARS = 200


def _holders(soup: BeautifulSoup, pattern: re.Pattern[str]) -> list[Tag]:
    """The innermost content elements whose visible text matches (a fact may be split over
    several text runs by the transforms: it is changed in the element that holds it all).
    Short elements only, with no furniture inside (a wrapper around a sidebar saying
    "Score: 4" holds no fact of the page)."""
    found = [
        t
        for t in body_of(soup).find_all(True)
        if len(visible(t)) <= _HOLDER_MAX_CHARS
        and not in_chrome(t)
        and not any(is_chrome_block(d) for d in t.find_all(True))
        and pattern.search(visible(t))
    ]
    return innermost(found)


def _rewrite(tag: Tag, pattern: re.Pattern[str], new: str | Callable[[re.Match[str]], str]) -> str:
    """Replace the first match in the element's visible text (its inline markup flattened)."""
    text = pattern.sub(new, visible(tag), count=1)
    tag.string = text
    return text


def _raised(match: re.Match[str]) -> str:
    """The matched score one higher (4 wraps to 1), the rest of the match kept."""
    digit = match.group("n") or match.group("n2")
    gap = match.group("gap") if match.group("n") else ""
    return gap + str(int(digit) % 4 + 1) + match.group(0)[len(gap) + 1 :]


def change_a_fact(variant: Variant, seed: int) -> tuple[str, str]:
    """The variant with one visible fact changed: (what changed, html). A listing entry is
    renamed, an About figure changed, a score raised by one (4 becomes 1) or a statement
    printed unscored given a score."""
    rnd = random.Random(seed)
    soup = BeautifulSoup(variant.html, "lxml")
    page = variant.page
    if page.kind == "listing":
        anchors = [  # report links: chrome may link elsewhere with the same words
            a
            for a in body_of(soup).find_all("a", href=True)
            if str(a["href"]).startswith(f"{LISTING_PATH}/")
            and isinstance(a.parent, Tag)
            and not in_chrome(a.parent)
        ]
        victim = anchors[rnd.randrange(len(anchors))]
        victim.string = "Nowhere Borough Council: local authority assessment"
        return f"entry {victim['href']} renamed", soup.decode()
    if page.kind == "about":
        figures = _holders(soup, _FIGURE)
        text = _rewrite(figures[rnd.randrange(len(figures))], _FIGURE, "£999m")
        return f"figure changed: {text!r}", soup.decode()
    scores = _holders(soup, _SCORE_TEXT)
    if scores:  # summary: any statement's score; statement page: its (first) score
        victim = scores[rnd.randrange(len(scores))] if page.kind == "summary" else scores[0]
        text = _rewrite(victim, _SCORE_TEXT, _raised)
        return f"score changed: {text!r}", soup.decode()
    unscored = _holders(soup, _SCORE_PLACEHOLDER)
    if not unscored:
        raise MissingTargetError("no score to change")
    text = _rewrite(unscored[0], _SCORE_PLACEHOLDER, "3")
    return f"placeholder score printed as {text!r}", soup.decode()


GENERIC_KINDS = ("chrome", "headings", "wrappers", "attributes", "letter case", "spacing")


def without_anchor(page: SamplePage) -> tuple[SamplePage, tuple[str, ...]]:
    """The page with what identifies its facts taken out (the rating word, the score, the
    About page's labels, the listing's "Assessment reports"), and the reasons the parser
    may give (a statement page without findings is then no known page at all). Only generic
    transforms apply to it afterwards: the others re-render blocks from the mirror's data,
    which would put the anchor back."""
    soup = BeautifulSoup(page.html, "lxml")
    content = [t for t in body_of(soup).find_all(True) if not in_chrome(t)]

    def remove(pattern: str) -> int:
        found = outermost([t for t in content if re.match(pattern, visible(t), re.I)])
        for tag in found:
            tag.decompose()
        return len(found)

    if page.kind == "summary":
        label = require_text(soup, rating_label(page))
        words = r"^(outstanding|good|requires improvement|inadequate)\b"
        inside = [t for n in tags(section_nodes(label)) for t in [n, *n.find_all(True)]]
        doomed = outermost([t for t in inside if re.match(words, visible(t), re.I)])
        for tag in doomed:
            tag.decompose()
        removed, reasons = len(doomed), ("summary shows no rating",)
    elif page.kind == "quality_statement":
        removed = remove(r"^(indicative score|score)\b") + remove(r"^\d - Evidence shows")
        reasons = ("no score for", "page is none of")
    elif page.kind == "about":
        removed = remove(r"^assessment published") + remove(r"^(demographics|financial facts)$")
        reasons = ("page is none of",)
    else:
        removed = remove(r"^assessment reports$")
        reasons = ('no "Assessment reports" section',)
    if not removed:
        raise MissingTargetError(f"no anchor to remove on {page.name}")
    stripped = SamplePage(
        name=f"{page.name} (anchor removed)",
        url=page.url,
        html=soup.decode(),
        kind=page.kind,
        skin=page.skin,
        report=page.report,
        statement=page.statement,
        listing_index=page.listing_index,
    )
    return stripped, reasons


@st.composite
def anchorless_variants(draw: st.DrawFn, kind: PageKind) -> tuple[Variant, tuple[str, ...]]:
    """Generic variants of a page whose anchor is gone, and the reasons the parse may give."""
    page, reasons = without_anchor(draw(st.sampled_from(pages_of(kind))))
    chosen = [name for name in GENERIC_KINDS if draw(st.booleans())]
    return make_variant(page, chosen, draw(SEEDS)), reasons
