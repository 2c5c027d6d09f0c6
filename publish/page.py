"""The report's shared page shell and the pieces every page is built from.

One module that both page writers use (`publish.html_report` for the national and regional
pages, `publish.council_pages` for a page per council): the HTML document with its inline CSS
and the licences footer, page names from council and region names, the score colours and the
formatting of numbers, dates and table cells. Rows in, HTML strings out, every text escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, SupportsFloat

import duckdb

from publish.attribution import OGL_STATEMENT, SOURCES
from publish.markup import escape

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
INK: dict[int | None, str] = {1: "#fff", 2: "#222", 3: "#fff", 4: "#fff", None: "#555"}

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


def query_rows(
    conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()
) -> list[Row]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_refreshed_at(conn: duckdb.DuckDBPyConnection) -> datetime | None:
    row = conn.execute("SELECT max(refreshed_at) FROM benchmark_refresh").fetchone()
    return row[0] if row else None


def write_text(path: Path, text: str) -> Path:
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


def page_shell(title: str, body: Iterable[str]) -> str:
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


def refresh_note(refreshed_at: datetime | None) -> str:
    when = (
        f"{refreshed_at:%d %B %Y %H:%M} UTC" if refreshed_at is not None else "never (no refresh)"
    )
    return f'<p class="note" id="refreshed">Benchmarks last refreshed: {escape(when)}</p>'


def render_legend() -> str:
    items = [
        f'<span><i class="swatch" style="background:{colour}"></i>'
        f"{score} = {escape(SCORE_LABELS[score])}</span>"
        for score, colour in SCORE_COLOURS.items()
    ]
    items.append(f'<span><i class="swatch" style="background:{MISSING_COLOUR}"></i>no score</span>')
    return '<div class="legend">' + "".join(items) + "</div>"


def score_cell(score: int | None, label: str) -> str:
    colour = SCORE_COLOURS.get(score, MISSING_COLOUR) if score is not None else MISSING_COLOUR
    text = "" if score is None else str(int(score))
    title = f"{label}: {text or 'no score'}"
    return (
        f'<td class="score" data-score="{text}" title="{escape(title)}" '
        f'style="background:{colour};color:{INK.get(score, "#222")}">{text}</td>'
    )


def table_head(labels: Sequence[str], *, numeric: set[int]) -> str:
    cells = "".join(
        f'<th scope="col" class="num">{escape(label)}</th>'
        if i in numeric
        else f'<th scope="col">{escape(label)}</th>'
        for i, label in enumerate(labels)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def diff_cell(value: float | None, places: int) -> str:
    if value is None:
        return '<td class="num"></td>'
    css = "pos" if value > 0 else "neg" if value < 0 else ""
    return f'<td class="num diff {css}">{value:+.{places}f}</td>'


def minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(float(a) - float(b), 2)


def num_text(value: SupportsFloat | None, places: int | None = None) -> str:
    """A number as text: integers as such, others to `places` (default: as stored)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    number = float(value)
    if places is not None:
        return f"{number:.{places}f}"
    return f"{number:g}"


def pct_text(value: SupportsFloat | None) -> str:
    return "" if value is None else f"{num_text(value)}%"


def date_text(value: date | None) -> str:
    return "" if value is None else f"{value:%d %b %Y}"
