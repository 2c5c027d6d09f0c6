"""Whose data the warehouse holds, under which licence, and how to credit it.

The Open Government Licence and CC BY both make attribution the condition of reuse, so the
HTML report's footer, the feed's rights, the exports' data dictionary and manifest all say it
from this one list (and README's "Licences and attribution" says the same in prose).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = [
    "OGL_STATEMENT",
    "SOURCES",
    "DataSource",
    "attribution_markdown",
    "attribution_text",
    "licences_json",
]

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
CC_BY = "Creative Commons Attribution 4.0 (CC BY 4.0)"
CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"
# The attribution statement the OGL asks for when no other is given.
OGL_STATEMENT = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)


@dataclass(frozen=True)
class DataSource:
    publisher: str
    data: str  # what of theirs the warehouse holds
    licence: str
    licence_url: str
    credit: str  # the attribution line to print, naming the licence as `licence` does


SOURCES: tuple[DataSource, ...] = (
    DataSource(
        "Care Quality Commission (CQC)",
        "local authority assessment reports: ratings, scores, key findings and report text",
        OGL,
        OGL_URL,
        "Assessment ratings, scores and findings: © Care Quality Commission, "
        "licensed under the Open Government Licence v3.0.",
    ),
    DataSource(
        "Office for National Statistics (ONS)",
        "council codes, names, regions and types",
        OGL,
        OGL_URL,
        "Council codes, names and regions: Office for National Statistics (ONS), "
        "licensed under the Open Government Licence v3.0.",
    ),
    DataSource(
        "Office for Local Government (Oflog), DLUHC",
        "adult social care outcome measures, 2015-16 to 2022-23",
        OGL,
        OGL_URL,
        "Adult social care outcome measures: Office for Local Government (DLUHC), "
        "licensed under the Open Government Licence v3.0.",
    ),
    DataSource(
        "mySociety",
        "UK local authority names and codes (cross-check), population and area",
        CC_BY,
        CC_BY_URL,
        "Council names, codes, population and area: mySociety, uk_local_authority_names_and_"
        "codes, licensed under Creative Commons Attribution 4.0 (CC BY 4.0).",
    ),
)


def attribution_text() -> str:
    """Every credit line, then the OGL statement, as plain text (the feed's rights)."""
    return " ".join([*(s.credit for s in SOURCES), OGL_STATEMENT])


def attribution_markdown() -> str:
    """A "Licences and attribution" section for exported Markdown (data_dictionary.md)."""
    rows = "".join(
        f"| {s.publisher} | {s.data} | [{s.licence}]({s.licence_url}) |\n" for s in SOURCES
    )
    credits = "".join(f"- {s.credit}\n" for s in SOURCES)
    return (
        "\n## Licences and attribution\n\n"
        "Reuse of these files must credit the sources below, as their licences require.\n\n"
        "| Source | Data | Licence |\n|---|---|---|\n"
        f"{rows}\n{credits}\n{OGL_STATEMENT}\n"
    )


def licences_json() -> list[dict[str, str]]:
    """The sources as JSON-ready dicts (manifest.json's `licences`)."""
    return [asdict(s) for s in SOURCES]
