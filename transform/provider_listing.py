"""The links to CQC's monthly provider files on its "using CQC data" page (pure).

The files are found by link, never by a guessed name: every link on the page to a
spreadsheet (.ods, .xlsx, .csv), with the month it describes read from the file's name
("01_September_2026_HSCA_Active_Locations.ods"), else the link's text ("September 2026"),
else the folder it sits in ("/system/files/2026-09/": the month it was uploaded), and its
kind from the name or text (active locations, latest ratings, deactivated locations). Which
file really is which is settled when it is read, by its header's columns
(`transform.provider_files`); a link whose kind cannot be told is kept as unknown, for the
run to name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LinkKind = Literal["active_locations", "latest_ratings", "deactivated_locations"]
SPREADSHEET_SUFFIXES = (".ods", ".xlsx", ".csv")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_NAMED_MONTH = re.compile(rf"(?<![a-z])({_MONTH_WORD})[\s_\-]*((?:19|20)\d\d)(?!\d)", re.I)
_FOLDER_MONTH = re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])/")


class ProviderPageError(ValueError):
    """The page links no provider file, or none of the month asked for."""


@dataclass(frozen=True)
class ProviderFileLink:
    url: str
    text: str
    month: date | None  # first day of the month the file describes
    kind: LinkKind | None  # None when neither name nor text says


@dataclass(frozen=True)
class MonthFiles:
    """The files of one month, by kind; `unknown` are the month's links of no known kind."""

    month: date
    active_locations: ProviderFileLink | None
    latest_ratings: ProviderFileLink | None
    deactivated_locations: ProviderFileLink | None
    unknown: tuple[ProviderFileLink, ...]


def month_of(text: str) -> date | None:
    """The month a file name, link text or path names: 'September 2026', '01_Sept_2026',
    '/2026-09/'; None when it names none."""
    decoded = unquote(text)
    named = _NAMED_MONTH.search(decoded)
    if named:
        return date(int(named.group(2)), MONTHS[named.group(1).casefold()], 1)
    folder = _FOLDER_MONTH.search(decoded)
    if folder:
        return date(int(folder.group(1)), int(folder.group(2)), 1)
    return None


def link_kind(text: str) -> LinkKind | None:
    """What a file is, from its name or link text."""
    words = re.sub(r"[\s_\-]+", " ", unquote(text)).casefold()
    if "deactivated" in words or "de activated" in words:
        return "deactivated_locations"
    if "rating" in words:
        return "latest_ratings"
    if "active" in words and "location" in words:
        return "active_locations"
    return None


def provider_file_links(html: str | bytes, page_url: str) -> list[ProviderFileLink]:
    """Every spreadsheet link on the page, in page order, each URL once."""
    soup = BeautifulSoup(html, "lxml")
    links: dict[str, ProviderFileLink] = {}
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        url = urljoin(page_url, href)
        path = urlsplit(url).path
        if not path.casefold().endswith(SPREADSHEET_SUFFIXES) or url in links:
            continue
        text = " ".join(anchor.get_text(" ").split())
        name = path.rsplit("/", 1)[-1]
        month = month_of(name) or month_of(text) or month_of(path)
        links[url] = ProviderFileLink(url, text, month, link_kind(name) or link_kind(text))
    return list(links.values())


def month_files(links: list[ProviderFileLink], month: date | None = None) -> MonthFiles:
    """The files of `month`, or of the newest month the page links."""
    months = sorted({link.month for link in links if link.month is not None})
    if not months:
        raise ProviderPageError(
            f"the page links {len(links)} spreadsheets, none naming the month it describes"
            if links
            else "the page links no spreadsheet (.ods, .xlsx or .csv)"
        )
    chosen = month or months[-1]
    if chosen not in months:
        held = ", ".join(f"{m:%Y-%m}" for m in months)
        raise ProviderPageError(f"the page links no file for {chosen:%Y-%m} (it links {held})")
    of_month = [link for link in links if link.month == chosen]

    def first(kind: LinkKind) -> ProviderFileLink | None:
        return next((link for link in of_month if link.kind == kind), None)

    return MonthFiles(
        chosen,
        first("active_locations"),
        first("latest_ratings"),
        first("deactivated_locations"),
        tuple(link for link in of_month if link.kind is None),
    )
