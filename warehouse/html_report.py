"""A static HTML benchmarking report, written from the warehouse's benchmark tables.

Why static files: the report is meant to be mailed, archived next to a warehouse snapshot or
opened straight from disk (file://) on machines with no network and no Python. So each page is
one self-contained HTML file: inline CSS, inline SVG, no JavaScript, no fonts, images or CDNs.
It only reads the benchmark tables that `warehouse.benchmarks.refresh_benchmarks` built (one
consistent snapshot, stamped in `benchmark_refresh`) and never writes to the warehouse.

Layout: `index.html` (league table, a heatmap of the nine quality statement scores by region,
the score distribution per statement, council types, the indicative pilots apart, every council
A to Z), one `region/<slug>.html` per region, one `council/<slug>.html` per council
(`warehouse.council_pages`) and `feed.atom`, the new and changed reports (`warehouse.feed`).
Every page ends with the data's licences and attribution (`warehouse.attribution`). Querying
(`query_*`) is kept apart from rendering (`render_*`: rows in, HTML string out, every text
escaped with `html.escape`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any, SupportsFloat

import duckdb

from transform.quality_statements import STATEMENTS
from warehouse.attribution import OGL_STATEMENT, SOURCES
from warehouse.db import SCORE_COLUMNS

__all__ = [
    "SCORE_COLOURS",
    "SCORE_COLUMNS",
    "IndexData",
    "RegionData",
    "council_slug",
    "query_index",
    "query_region",
    "region_slug",
    "render_footer",
    "render_index",
    "render_region",
    "write_report",
]

Row = dict[str, Any]

SCORE_COLOURS: dict[int, str] = {1: "#c0392b", 2: "#f39c12", 3: "#27ae60", 4: "#1f6fb2"}
MISSING_COLOUR = "#dddddd"
SCORE_LABELS: dict[int, str] = {
    1: "Significant shortfalls",
    2: "Some shortfalls",
    3: "Good standard",
    4: "Exceptional standard",
}
# Text drawn on each background, chosen for contrast.
_INK: dict[int | None, str] = {1: "#fff", 2: "#222", 3: "#fff", 4: "#fff", None: "#555"}

TITLE = "CQC adult social care assessments: local authority benchmarks"

CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222;
margin:0;background:#f6f7f9}
main{max-width:1340px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:28px 0 8px;
border-bottom:2px solid #d5d9e0;padding-bottom:4px}h3{font-size:15px;margin:0 0 4px}
a{color:#1a4f8b}.note{color:#555;margin:2px 0}
nav.regions{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0}
nav.regions a{background:#fff;border:1px solid #c9ced6;border-radius:4px;padding:3px 8px;
text-decoration:none}
table{border-collapse:collapse;background:#fff}
th,td{padding:3px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:middle}
th{background:#eef1f5;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:6px 0 10px}
.legend span{display:inline-flex;align-items:center;gap:5px}
.swatch{display:inline-block;width:18px;height:18px;border-radius:3px}
.heatmap{columns:2 560px;column-gap:32px}
.heatmap-region{break-inside:avoid;margin:0 0 14px}
table.heat th,table.heat td{padding:0;border:1px solid #fff}
table.heat th.council{padding:0 6px;font-weight:400;background:none;white-space:nowrap;
max-width:240px;overflow:hidden;text-overflow:ellipsis;width:240px}
table.heat thead th{font-size:11px;text-align:center;width:34px}
table.pilots td.score{border:1px solid #fff;padding:0}
td.score{width:34px;height:22px;text-align:center;font-size:12px;font-weight:600}
.pct-bar{display:inline-block;height:10px;background:#7b8794;border-radius:2px;
vertical-align:middle;margin-right:6px}
.pos{color:#1e7a3a}.neg{color:#b03a2e}
.pilot{border-left:4px solid #f39c12;background:#fff8ec;padding:6px 10px;margin:6px 0}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
table.heat th.council a,table.pilots td a,#league-table td a.council{color:inherit}
.council-list{columns:3 280px;column-gap:28px}
.council-list section{break-inside:avoid;margin:0 0 12px}
.council-list ul{list-style:none;margin:0;padding:0}.council-list li{margin:1px 0}
footer{max-width:1340px;margin:0 auto;padding:10px 24px 28px;color:#555;font-size:12.5px;
border-top:1px solid #d5d9e0}footer ul{margin:4px 0;padding-left:18px}
#council-scores td.score{width:44px;height:28px;border:1px solid #fff;font-size:14px}
#council-summary{font-size:15px}#council-summary strong{font-size:18px}
.findings{background:#fff;border:1px solid #e3e6ea;border-radius:4px;padding:8px 14px;
margin:0 0 10px;max-width:960px}.findings h4{margin:10px 0 2px;font-size:14px}
.findings p{margin:2px 0 6px}td.changes{max-width:380px}
"""


@dataclass(frozen=True)
class IndexData:
    refreshed_at: datetime | None
    league: list[Row]
    distribution: list[Row]
    council_types: list[Row]
    pilots: list[Row]
    regions: list[Row]  # region, councils, avg_pct
    councils: list[Row] = field(default_factory=list)  # all 153: council, region, rating, %


@dataclass(frozen=True)
class RegionData:
    region: str
    refreshed_at: datetime | None
    councils: list[Row]  # regional_benchmark rows
    scores: list[Row]  # league_table rows of the region
    statements: list[Row]  # quality_statement_benchmark rows of the region
    not_assessed: list[Row] = field(default_factory=list)  # council, pilot: no formal report


# --- querying ---------------------------------------------------------------------------------


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> list[Row]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _refreshed_at(conn: duckdb.DuckDBPyConnection) -> datetime | None:
    row = conn.execute("SELECT max(refreshed_at) FROM benchmark_refresh").fetchone()
    return row[0] if row else None


def query_index(conn: duckdb.DuckDBPyConnection) -> IndexData:
    """Everything the index page shows."""
    return IndexData(
        refreshed_at=_refreshed_at(conn),
        league=_rows(conn, "SELECT * FROM league_table ORDER BY rank, council"),
        distribution=_rows(
            conn,
            "SELECT * FROM quality_statement_benchmark WHERE scope = 'england' ORDER BY qs_number",
        ),
        council_types=_rows(
            conn, "SELECT * FROM council_type_benchmark ORDER BY avg_pct DESC NULLS LAST, la_type"
        ),
        pilots=_rows(conn, "SELECT * FROM pilot_assessment ORDER BY council"),
        regions=_rows(
            conn,
            "SELECT region, count(*) AS councils, any_value(region_avg_pct) AS avg_pct "
            "FROM regional_benchmark GROUP BY region ORDER BY region",
        ),
        councils=_rows(
            conn,
            "SELECT la.name AS council, la.region, l.overall_rating, l.overall_score_pct, "
            "la.la_code IN (SELECT la_code FROM assessment WHERE indicative) AS pilot "
            "FROM local_authority AS la LEFT JOIN league_table AS l USING (la_code) "
            "ORDER BY la.region, la.name",
        ),
    )


def query_region(conn: duckdb.DuckDBPyConnection, region: str) -> RegionData:
    """Everything one region's page shows."""
    return RegionData(
        region=region,
        refreshed_at=_refreshed_at(conn),
        councils=_rows(
            conn,
            "SELECT * FROM regional_benchmark WHERE region = ? ORDER BY rank_in_region, council",
            [region],
        ),
        scores=_rows(
            conn, "SELECT * FROM league_table WHERE region = ? ORDER BY council", [region]
        ),
        statements=_rows(
            conn,
            "SELECT * FROM quality_statement_benchmark WHERE scope = 'region' AND region = ? "
            "ORDER BY qs_number",
            [region],
        ),
        not_assessed=_rows(
            conn,
            "SELECT la.name AS council, "
            "la.la_code IN (SELECT la_code FROM assessment WHERE indicative) AS pilot "
            "FROM local_authority AS la WHERE la.region = ? "
            "AND la.la_code NOT IN (SELECT la_code FROM league_table) ORDER BY la.name",
            [region],
        ),
    )


# --- writing ----------------------------------------------------------------------------------


def write_report(
    conn: duckdb.DuckDBPyConnection, out_dir: Path, site_url: str | None = None
) -> list[Path]:
    """Write index.html, region/<slug>.html, council/<slug>.html (one per council) and
    feed.atom under `out_dir` (created if need be) from the warehouse read through `conn`;
    return the paths written: index, regions, councils, feed. `site_url`, where the directory
    will be published, makes the feed's links absolute (the pages link relatively anyway)."""
    # Imported here: both build on this module's page shell and helpers.
    from warehouse.council_pages import query_councils, render_council
    from warehouse.feed import write_feed

    out_dir = Path(out_dir)
    (out_dir / "region").mkdir(parents=True, exist_ok=True)
    index = query_index(conn)
    written = [_write(out_dir / "index.html", render_index(index))]
    for row in index.regions:
        page = out_dir / "region" / f"{region_slug(row['region'])}.html"
        written.append(_write(page, render_region(query_region(conn, row["region"]))))
    councils = query_councils(conn)
    pages = council_pages(c.council["name"] for c in councils)
    if councils:
        (out_dir / "council").mkdir(exist_ok=True)
    for data in councils:
        page = out_dir / pages[data.council["name"]]
        written.append(_write(page, render_council(data)))
    hrefs = {c.council["la_code"]: pages[c.council["name"]] for c in councils}
    written.append(write_feed(conn, out_dir, hrefs, site_url))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def region_slug(region: str) -> str:
    """'Yorkshire and The Humber' -> 'yorkshire-and-the-humber'."""
    return re.sub(r"[^a-z0-9]+", "-", region.lower()).strip("-") or "region"


def council_slug(name: str) -> str:
    """'Kingston upon Hull, City of' -> 'kingston-upon-hull-city-of': a council page's name,
    from the council's ONS name, so every link to it can be written from the name alone."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "council"


def council_pages(names: Iterable[str]) -> dict[str, str]:
    """Each council name's page, relative to the report's root; two names on one page would
    hide a council, so that is an error (the 153 ONS names give 153 slugs)."""
    pages: dict[str, str] = {}
    seen: dict[str, str] = {}
    for name in names:
        slug = council_slug(name)
        if seen.setdefault(slug, name) != name:
            raise ValueError(f"councils {seen[slug]!r} and {name!r} would share page {slug}")
        pages[name] = f"council/{slug}.html"
    return pages


def council_link(name: str, prefix: str = "", css: str = "") -> str:
    """A link to a council's page; `prefix` leads from the linking page to the root."""
    attr = f' class="{css}"' if css else ""
    href = f"{prefix}council/{council_slug(name)}.html"
    return f'<a href="{escape(href)}"{attr}>{escape(name)}</a>'


# --- pages ------------------------------------------------------------------------------------


def render_index(data: IndexData) -> str:
    """The national page."""
    body = [
        f"<h1>{escape(TITLE)}</h1>",
        _refresh_note(data.refreshed_at),
        f'<p class="note">{len(data.league)} councils with a formal assessment are ranked; '
        f"{len(data.pilots)} indicative pilot assessments are listed apart.</p>",
        render_region_links(data.regions),
        '<p class="note" id="feed-link">New and changed reports, run by run: '
        '<a href="feed.atom" type="application/atom+xml">Atom feed</a>. Every council has a '
        'page: <a href="#councils-title">all councils A to Z</a>.</p>',
        '<h2 id="heatmap-title">Quality statement scores by region</h2>',
        render_legend(),
        render_heatmap(data.league, group_by_region=True),
        '<h2 id="distribution-title">Score distribution per quality statement (England)</h2>',
        render_distribution(data.distribution),
        '<h2 id="league-title">League table (England)</h2>',
        render_league_table(data.league),
        '<h2 id="types-title">By type of council</h2>',
        render_council_types(data.council_types),
        '<h2 id="pilots-title">2023 pilot assessments (indicative, not ranked)</h2>',
        render_pilots(data.pilots),
        f'<h2 id="councils-title">All {len(data.councils)} councils</h2>',
        render_council_list(data.councils),
    ]
    return _page(TITLE, body)


def render_region(data: RegionData) -> str:
    """One region's page (it lives in region/, so links back go up one level)."""
    title = f"{data.region}: local authority benchmarks"
    body = [
        '<p><a href="../index.html">&larr; All regions (England)</a></p>',
        f"<h1>{escape(title)}</h1>",
        _refresh_note(data.refreshed_at),
        render_region_summary(data.councils),
        '<h2 id="councils-title">Councils in the region</h2>',
        render_region_councils(data.councils),
        '<h2 id="heatmap-title">Quality statement scores</h2>',
        render_legend(),
        render_heatmap(data.scores, group_by_region=False, prefix="../"),
        '<h2 id="statements-title">Quality statement means: region vs England</h2>',
        render_region_statements(data.statements),
        render_not_assessed(data.not_assessed),
    ]
    return _page(title, body)


def _page(title: str, body: Iterable[str]) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n" + render_footer() + "\n"
        "</body>\n</html>\n"
    )


def render_footer() -> str:
    """Every page's licences and attribution: the OGL and CC BY ask for it on each reuse."""
    items = []
    for s in SOURCES:
        before, _, after = s.credit.rpartition(s.licence)  # the licence's name is its link
        link = f'<a href="{escape(s.licence_url)}" rel="license external">{escape(s.licence)}</a>'
        items.append(f"<li>{escape(before)}{link}{escape(after)}</li>")
    return (
        '<footer id="attribution"><strong>Licences and attribution</strong>'
        f"<ul>{''.join(items)}</ul><p>{escape(OGL_STATEMENT)}</p></footer>"
    )


def _refresh_note(refreshed_at: datetime | None) -> str:
    when = (
        f"{refreshed_at:%d %B %Y %H:%M} UTC" if refreshed_at is not None else "never (no refresh)"
    )
    return f'<p class="note" id="refreshed">Benchmarks last refreshed: {escape(when)}</p>'


# --- components -------------------------------------------------------------------------------


def render_region_links(regions: Sequence[Row]) -> str:
    """Links to the region pages, each with its number of councils and mean %."""
    if not regions:
        return '<p class="note">No region has a formal assessment loaded yet.</p>'
    links = [
        f'<a href="region/{escape(region_slug(r["region"]))}.html">{escape(r["region"])} '
        f"({r['councils']}, mean {escape(_num(r['avg_pct'], 1))}%)</a>"
        for r in regions
    ]
    return '<nav class="regions" aria-label="Regions">' + "".join(links) + "</nav>"


def render_legend() -> str:
    items = [
        f'<span><i class="swatch" style="background:{colour}"></i>'
        f"{score} = {escape(SCORE_LABELS[score])}</span>"
        for score, colour in SCORE_COLOURS.items()
    ]
    items.append(f'<span><i class="swatch" style="background:{MISSING_COLOUR}"></i>no score</span>')
    return '<div class="legend">' + "".join(items) + "</div>"


def render_heatmap(rows: Sequence[Row], *, group_by_region: bool, prefix: str = "") -> str:
    """Councils (rows) by the nine statements (columns), coloured by score; one block per
    region, councils alphabetical within it, each named with a link to its page (`prefix`
    leads from the page to the report's root)."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    groups: dict[str, list[Row]] = {}
    for row in sorted(rows, key=lambda r: (r["region"] or "", r["council"])):
        groups.setdefault(row["region"] if group_by_region else "", []).append(row)
    blocks = [_heatmap_block(region, members, prefix) for region, members in groups.items()]
    return '<div class="heatmap" id="heatmap">' + "".join(blocks) + "</div>"


def _heatmap_block(region: str, rows: Sequence[Row], prefix: str) -> str:
    heading = f"<h3>{escape(region)}</h3>" if region else ""
    head = "".join(
        f'<th scope="col" title="{escape(s.name)}">QS{s.number}</th>' for s in STATEMENTS
    )
    body = "".join(_heatmap_row(row, prefix) for row in rows)
    return (
        f'<section class="heatmap-region" data-region="{escape(region)}">{heading}'
        f'<table class="heat"><thead><tr><th class="council"></th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></section>"
    )


def _heatmap_row(row: Row, prefix: str) -> str:
    council = escape(row["council"])
    cells = "".join(
        _score_cell(row.get(column), f"{row['council']}: {s.name}")
        for column, s in zip(SCORE_COLUMNS, STATEMENTS, strict=True)
    )
    return (
        f'<tr data-council="{council}"><th class="council" scope="row" title="{council}">'
        f"{council_link(row['council'], prefix)}</th>{cells}</tr>"
    )


def _score_cell(score: int | None, label: str) -> str:
    colour = SCORE_COLOURS.get(score, MISSING_COLOUR) if score is not None else MISSING_COLOUR
    text = "" if score is None else str(int(score))
    title = f"{label}: {text or 'no score'}"
    return (
        f'<td class="score" data-score="{text}" title="{escape(title)}" '
        f'style="background:{colour};color:{_INK.get(score, "#222")}">{text}</td>'
    )


def render_distribution(rows: Sequence[Row]) -> str:
    """Horizontal stacked bars (inline SVG): how many councils scored 1, 2, 3, 4 on each
    statement, with the statement's mean at the end."""
    if not rows:
        return '<p class="note">No scores loaded.</p>'
    label_w, bar_w, mean_w, row_h = 330, 700, 110, 26
    width, height = label_w + bar_w + mean_w, row_h * len(rows) + 24
    parts = [
        f'<svg id="distribution" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" '
        f'aria-label="Score distribution per quality statement">',
        f'<text x="{label_w + bar_w + 10}" y="14" font-size="12" fill="#555">mean</text>',
    ]
    for i, row in enumerate(rows):
        parts.append(_distribution_bar(row, y=20 + i * row_h, x0=label_w, bar_w=bar_w))
    parts.append("</svg>")
    return "".join(parts)


def _distribution_bar(row: Row, *, y: int, x0: int, bar_w: int) -> str:
    total = row["councils"] or 0
    name = f"QS{row['qs_number']} {row['quality_statement']}"
    out = [
        f'<g class="dist-row" data-qs="{row["qs_number"]}">',
        f'<text x="0" y="{y + 15}" font-size="12.5" fill="#222">{escape(name)}</text>',
    ]
    x = float(x0)
    for score, colour in SCORE_COLOURS.items():
        count = row[f"councils_scoring_{score}"] or 0
        w = bar_w * count / total if total else 0.0
        if w > 0:
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="20" fill="{colour}">'
                f"<title>{escape(f'{count} councils scored {score}')}</title></rect>"
            )
            if w >= 22:
                ink = _INK[score]
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 14}" font-size="11" fill="{ink}" '
                    f'text-anchor="middle">{count}</text>'
                )
        x += w
    mean = escape(_num(row["avg_score"], 2))
    out.append(
        f'<text x="{x0 + bar_w + 10}" y="{y + 15}" font-size="12.5" fill="#222" '
        f'class="mean">{mean}</text></g>'
    )
    return "".join(out)


def render_league_table(rows: Sequence[Row]) -> str:
    """The national ranking, with links to each region page and each published report."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    head = _head(
        ["Rank", "Council", "Region", "Type", "Rating", "Overall score", "Total (9-36)",
         "Published", "Report"],
        numeric={0, 5, 6},
    )  # fmt: skip
    body = "".join(_league_row(row) for row in rows)
    return f'<table id="league-table">{head}<tbody>{body}</tbody></table>'


def _league_row(row: Row) -> str:
    pct = row["overall_score_pct"]
    bar = f'<span class="pct-bar" style="width:{int(pct or 0)}px"></span>' if pct else ""
    region = row["region"] or ""
    region_link = f'<a href="region/{escape(region_slug(region))}.html">{escape(region)}</a>'
    return (
        f'<tr data-council="{escape(row["council"])}">'
        f'<td class="num rank">{escape(_num(row["rank"]))}</td>'
        f"<td>{council_link(row['council'], css='council')}</td><td>{region_link}</td>"
        f"<td>{escape(row['la_type'] or '')}</td><td>{escape(row['overall_rating'] or '')}</td>"
        f'<td class="num pct">{bar}{escape(_pct(pct))}</td>'
        f'<td class="num">{escape(_num(row["score_total"]))}</td>'
        f"<td>{escape(_date(row['published_on']))}</td><td>{_report_link(row)}</td></tr>"
    )


def render_council_types(rows: Sequence[Row]) -> str:
    """Overall results and statement means by type of council."""
    if not rows:
        return '<p class="note">No formal assessment loaded.</p>'
    labels = ["Type", "Assessed", "Mean %", "Range %", "Outst.", "Good", "Req. impr.", "Inad."]
    head = _head(labels + [f"QS{s.number}" for s in STATEMENTS], numeric=set(range(1, 17)))
    body = "".join(_council_type_row(row) for row in rows)
    return f'<table id="council-types">{head}<tbody>{body}</tbody></table>'


def _council_type_row(row: Row) -> str:
    cells = [
        f"{row['councils_assessed']} of {row['councils']}",
        _num(row["avg_pct"], 1),
        f"{_num(row['min_pct'])}-{_num(row['max_pct'])}",
        *(_num(row[k]) for k in ("outstanding", "good", "requires_improvement", "inadequate")),
        *(_num(row[f"{column}_avg"], 2) for column in SCORE_COLUMNS),
    ]
    tds = "".join(f'<td class="num">{escape(c)}</td>' for c in cells)
    return f"<tr><td>{escape(row['la_type'] or '')}</td>{tds}</tr>"


def render_pilots(rows: Sequence[Row]) -> str:
    """The 2023 pilots: indicative ratings and scores, in no rank or mean."""
    note = (
        '<p class="pilot">Indicative only: CQC published the 2023 pilot assessments with '
        "indicative ratings. They are not ranked and count towards no mean on this page.</p>"
    )
    if not rows:
        return note + '<p class="note">No pilot assessment loaded.</p>'
    head = _head(
        ["Council", "Region", "Type", "Indicative rating", "Published"]
        + [f"QS{s.number}" for s in STATEMENTS]
        + ["Report"],
        numeric=set(),
    )
    body = "".join(_pilot_row(row) for row in rows)
    return f'{note}<table id="pilots" class="pilots">{head}<tbody>{body}</tbody></table>'


def _pilot_row(row: Row) -> str:
    cells = "".join(
        _score_cell(row.get(column), f"{row['council']} (indicative): {s.name}")
        for column, s in zip(SCORE_COLUMNS, STATEMENTS, strict=True)
    )
    return (
        f'<tr data-council="{escape(row["council"])}"><td>{council_link(row["council"])}</td>'
        f"<td>{escape(row['region'] or '')}</td><td>{escape(row['la_type'] or '')}</td>"
        f"<td>{escape(row['indicative_rating'] or '')} (indicative)</td>"
        f"<td>{escape(_date(row['published_on']))}</td>{cells}<td>{_report_link(row)}</td></tr>"
    )


def render_region_summary(rows: Sequence[Row]) -> str:
    if not rows:
        return '<p class="note">No formal assessment loaded for this region.</p>'
    first = rows[0]
    return (
        f'<p id="region-summary">{first["region_assessed"]} councils assessed. Regional mean '
        f'<strong id="region-mean">{escape(_num(first["region_avg_pct"], 1))}%</strong> '
        f"(range {escape(_pct(first['region_min_pct']))} to "
        f"{escape(_pct(first['region_max_pct']))}); England mean "
        f'<strong id="england-mean">{escape(_num(first["england_avg_pct"], 1))}%</strong>.</p>'
    )


def render_region_councils(rows: Sequence[Row]) -> str:
    """The region's councils ranked, against the regional and the England mean."""
    if not rows:
        return ""
    head = _head(
        ["Rank in region", "Council", "Type", "Rating", "Overall score", "vs region mean",
         "vs England mean", "Rank in England"],
        numeric={0, 4, 5, 6, 7},
    )  # fmt: skip
    body = "".join(
        f'<tr data-council="{escape(r["council"])}">'
        f'<td class="num rank">{escape(_num(r["rank_in_region"]))}</td>'
        f"<td>{council_link(r['council'], '../')}</td><td>{escape(r['la_type'] or '')}</td>"
        f"<td>{escape(r['overall_rating'] or '')}</td>"
        f'<td class="num pct">{escape(_pct(r["overall_score_pct"]))}</td>'
        f"{_diff_cell(r['pct_vs_region_avg'], 1)}{_diff_cell(r['pct_vs_england_avg'], 1)}"
        f'<td class="num">{escape(_num(r["rank_in_england"]))}</td></tr>'
        for r in rows
    )
    return f'<table id="region-councils">{head}<tbody>{body}</tbody></table>'


def render_region_statements(rows: Sequence[Row]) -> str:
    """Each statement's mean score in the region against England's."""
    if not rows:
        return '<p class="note">No scores loaded for this region.</p>'
    head = _head(
        ["Statement", "Theme", "Region mean", "England mean", "Difference", "Rank (1 = weakest)"],
        numeric={2, 3, 4, 5},
    )
    body = "".join(
        f'<tr data-qs="{r["qs_number"]}">'
        f"<td>QS{r['qs_number']} {escape(r['quality_statement'])}</td>"
        f"<td>{escape(r['theme'])}</td>"
        f'<td class="num">{escape(_num(r["avg_score"], 2))}</td>'
        f'<td class="num">{escape(_num(r["england_avg_score"], 2))}</td>'
        f"{_diff_cell(_minus(r['avg_score'], r['england_avg_score']), 2)}"
        f'<td class="num">{escape(_num(r["rank_weakest"]))}</td></tr>'
        for r in rows
    )
    return f'<table id="region-statements">{head}<tbody>{body}</tbody></table>'


def render_not_assessed(rows: Sequence[Row]) -> str:
    """The region's councils without a formal assessment yet, each linked to its page."""
    if not rows:
        return ""
    items = "".join(
        f"<li>{council_link(r['council'], '../')}{' (2023 pilot only)' if r['pilot'] else ''}</li>"
        for r in rows
    )
    return (
        f'<h2 id="not-assessed-title">Not yet formally assessed ({len(rows)})</h2>'
        f'<ul id="not-assessed">{items}</ul>'
    )


def render_council_list(rows: Sequence[Row]) -> str:
    """Every council, by region then name, linked to its page with its rating and % (or
    that it is not yet assessed)."""
    if not rows:
        return '<p class="note">No council loaded.</p>'
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row["region"], []).append(row)
    sections = []
    for region, members in groups.items():
        items = "".join(
            f'<li data-council="{escape(r["council"])}">{council_link(r["council"])} '
            f'<span class="note">({escape(_council_status(r))})</span></li>'
            for r in members
        )
        sections.append(f"<section><h3>{escape(region)}</h3><ul>{items}</ul></section>")
    return '<div class="council-list" id="council-list">' + "".join(sections) + "</div>"


def _council_status(row: Row) -> str:
    if row["overall_rating"]:
        return f"{row['overall_rating']}, {_pct(row['overall_score_pct'])}"
    return "2023 pilot only" if row["pilot"] else "not yet assessed"


# --- small helpers ----------------------------------------------------------------------------


def _head(labels: Sequence[str], *, numeric: set[int]) -> str:
    cells = "".join(
        f'<th scope="col" class="num">{escape(label)}</th>'
        if i in numeric
        else f'<th scope="col">{escape(label)}</th>'
        for i, label in enumerate(labels)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _report_link(row: Row) -> str:
    url = row.get("report_url")
    if not url:
        return ""
    return f'<a href="{escape(url)}" rel="external">report</a>'


def _diff_cell(value: float | None, places: int) -> str:
    if value is None:
        return '<td class="num"></td>'
    css = "pos" if value > 0 else "neg" if value < 0 else ""
    return f'<td class="num diff {css}">{value:+.{places}f}</td>'


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(float(a) - float(b), 2)


def _num(value: SupportsFloat | None, places: int | None = None) -> str:
    """A number as text: integers as such, others to `places` (default: as stored)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    number = float(value)
    if places is not None:
        return f"{number:.{places}f}"
    return f"{number:g}"


def _pct(value: SupportsFloat | None) -> str:
    return "" if value is None else f"{_num(value)}%"


def _date(value: date | None) -> str:
    return "" if value is None else f"{value:%d %b %Y}"
