"""What a skin of the mirror is: the templates and URL shapes the site routine asks it for.

The mirror is rendered more than once (classic, drupal) so that a parser relying on one guess
about the real site's unknown markup fails on another. The pages to write and the facts on them
come from one routine (`mirror.site`) walking `mirror.model`; a skin only says how each page
looks and where it lives, so two skins cannot drift apart in what they show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from mirror.model import Report, StatementPage

ReportPageKind = Literal["about", "summary", "statement"]


@dataclass(frozen=True)
class Listing:
    """One page of the listing, cut by the site routine."""

    number: int  # 0 for the first page, N for `?page=N`
    count: int  # how many listing pages there are
    url: str  # the page's URL path (and query)
    reports: tuple[Report, ...]  # the formal reports on this page, in listing order
    in_progress: tuple[str, ...]  # council names: on the first page only
    pilots: tuple[Report, ...]  # on the first page only


@dataclass(frozen=True)
class ReportPage:
    """Where one page sits in a report's family, for the skin that dresses its content."""

    report: Report
    next_report: Report  # the one after it in listing order (wrapping round to the first)
    kind: ReportPageKind
    url: str  # the page's URL path in this skin
    statement: StatementPage | None = None  # on statement pages only


@dataclass(frozen=True)
class Skin:
    """The templates of one rendering of the mirror; every callable is pure and deterministic."""

    about_path: Callable[[Report], str]
    summary_path: Callable[[Report], str]
    statement_path: Callable[[Report, StatementPage], str]
    pdf_path: Callable[[Report], str]  # a formal report's PDF, linked from its pages
    broken_dir: str  # site-relative folder of the deliberately broken PDFs
    listing_page: Callable[[Listing], str]  # a whole HTML document
    report_page: Callable[[ReportPage, str], str]  # wraps a page's content in a document
    about: Callable[[Report], str]  # the About page's content
    summary: Callable[[Report], str]  # the overall summary's content
    statement: Callable[[Report, StatementPage], str]  # a quality statement page's content
    pdf: Callable[[Report], bytes]  # a formal report's PDF, from this skin's engine
