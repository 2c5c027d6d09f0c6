"""`cqc parse`: one page or PDF through the parser, what it read printed as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from pydantic import BaseModel, JsonValue
from rich.markup import escape
from rich.text import Text

from cli.common import EXIT_BAD_INPUT, err_console, settings_with
from extract.http import FetchError, RunStopError, SiteClient


def parse(
    source: Annotated[str, typer.Argument(help="A saved page (file path) or a page URL")],
    url: Annotated[
        str | None,
        typer.Option(help="The address a saved page came from (default: from its file path)"),
    ] = None,
) -> None:
    """Parse one page and print what the parser read, as JSON. A PDF is parsed within the
    limits the ingest applies (CQC_PDF_TIME_LIMIT_S, CQC_PDF_MEMORY_LIMIT_MB)."""
    from pipeline.pdf_guard import GuardedPdfParser
    from transform.decode import check_bounds, decode_page
    from transform.pages import PageParseError, parse_page

    def cannot_parse(reason: str) -> typer.Exit:
        err_console.print(
            f"[red]cannot parse {escape(source)}:[/red] {escape(reason)}",
            soft_wrap=True,
            highlight=False,
        )
        return typer.Exit(EXIT_BAD_INPUT)

    try:
        body, page_url, content_type = _read_source(source)
        url = url or page_url
        if body.startswith(b"%PDF-") or source.lower().endswith(".pdf"):
            settings = settings_with()
            limits = (settings.pdf_time_limit_s, settings.pdf_memory_limit_mb)
            with GuardedPdfParser(*limits) as parse_pdf:
                reading = parse_pdf(body, url)
            if reading.facts is None:
                raise cannot_parse(reading.error or "unreadable")
            typer.echo(json.dumps(page_as_json(reading.facts), indent=2, ensure_ascii=False))
            return
        decoded = decode_page(body, content_type, url)
        check_bounds(decoded.text, url)
        page = parse_page(decoded.text, url)
    except (FetchError, OSError, RunStopError) as exc:
        err_console.print(
            f"[red]cannot read {escape(source)}:[/red] {escape(str(exc))}", soft_wrap=True
        )
        raise typer.Exit(1) from exc
    except PageParseError as exc:
        raise cannot_parse(exc.reason) from exc
    except RecursionError as exc:
        raise cannot_parse("the page nests elements too deeply to read") from exc
    typer.echo(json.dumps(page_as_json(page), indent=2, ensure_ascii=False))
    if getattr(page, "page_kind", None) == "other":
        err_console.print(
            Text(f"{source}: the page carries none of a report's facts"),
            highlight=False,
            soft_wrap=True,
        )


def page_as_json(page: BaseModel) -> dict[str, JsonValue]:
    """A page's (or a report PDF's) reading as JSON, headed by the keys every page answers
    (null when absent): its kind, council, slug, kind of assessment, dates, rating, % and
    the statements it scores; then everything else it carried, with where each was read."""
    from transform.quality_statements import BY_NUMBER

    data: dict[str, JsonValue] = page.model_dump(mode="json")
    pilot = data.pop("pilot", None)
    listed = data.get("statements")
    scores: dict[int, JsonValue] = {}
    for statement in reversed(listed if isinstance(listed, list) else []):
        if not isinstance(statement, dict):
            continue
        number, score = statement.get("number"), statement.get("score")
        if isinstance(number, int) and score is not None:
            scores[number] = score
    head: dict[str, JsonValue] = {
        "page_kind": data.pop("page_kind", "listing"),
        "la_name": data.pop("la_name", None),
        "slug": data.pop("slug", None),
        "assessment_kind": None if pilot is None else ("pilot" if pilot else "formal"),
        "indicative": data.pop("indicative", None),
        "published_on": data.pop("published_on", None),
        "overall_rating": data.pop("overall_rating", None),
        "overall_score_pct": data.pop("overall_score_pct", None),
        "quality_statements": [
            {
                "number": number,
                "name": BY_NUMBER[number].name,
                "theme": BY_NUMBER[number].theme,
                "score": score,
            }
            for number, score in sorted(scores.items())
        ],
    }
    return head | data


def _read_source(source: str) -> tuple[bytes, str, str | None]:
    """The page's bytes, its address and its Content-Type (None for a saved file: its
    `<meta>` charset or UTF-8 then decides); a saved page's address is its path, minus
    `.html` (mirror files and pages saved by `wget -E` keep the site's path that way)."""
    if source.startswith(("http://", "https://")):
        parts = urlsplit(source)
        with SiteClient(f"{parts.scheme}://{parts.netloc}") as client:
            page = client.get(source)
        return page.body, page.url, page.content_type
    path = Path(source).resolve()
    address = path.with_suffix("") if path.suffix in {".html", ".htm"} else path
    return path.read_bytes(), address.as_uri(), None
