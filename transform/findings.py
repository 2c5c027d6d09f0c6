"""Key findings as a reader sees them: text blocks under the sub-headings above them.

The HTML and the PDF readers each decide which of a statement's blocks is a sub-heading
(markup there, layout here); grouping the rest under them is one rule for both, and it loses
nothing: a sub-heading with no text of its own before the next one is kept as text.
"""

from __future__ import annotations

from collections.abc import Iterable

from transform.records import KeyFinding


def under_headings(blocks: Iterable[tuple[str, bool]]) -> list[KeyFinding]:
    """(text, is it a sub-heading) in reading order -> each text with its sub-heading."""
    findings: list[KeyFinding] = []
    heading: str | None = None
    pending: str | None = None  # a sub-heading no text has followed yet
    for text, is_heading in blocks:
        if is_heading:
            if pending is not None:  # two in a row: the first is kept as a line of text
                findings.append(KeyFinding(heading=heading, text=pending))
            heading = pending = text
        else:
            findings.append(KeyFinding(heading=heading, text=text))
            pending = None
    if pending is not None:
        findings.append(KeyFinding(heading=heading, text=pending))
    return findings
