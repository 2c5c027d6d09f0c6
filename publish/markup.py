"""Warehouse text made safe to write into XML and HTML, whatever the warehouse holds.

Text is normalised on its way in (`transform.clean`), but a warehouse loaded before that holds
what the pages held: one control byte in a council's name, kept in `report_change`, made
`feed.atom` invalid XML for every later run. So every writer of markup (the feed, every HTML
page, the xlsx workbook's XML) passes its text through `markup_safe` where it escapes it.

Which code points: those XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
surrogates, which no UTF encodes alone) and those the HTML5 parser reports as errors in its
input stream (DEL and the C1 controls U+007F-U+009F, the noncharacters U+FDD0-U+FDEF and
U+xFFFE/U+xFFFF of every plane). Each becomes U+FFFD, the replacement character, rather than
nothing: a reader sees that something stood there, as with a byte a decoder could not read,
and the text around it is left as it was.
"""

from __future__ import annotations

import html
import re

__all__ = ["FORBIDDEN_IN_MARKUP", "REPLACEMENT", "escape", "markup_safe"]

REPLACEMENT = "\ufffd"
_ASTRAL_NONCHARACTERS = "".join(
    chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF)
)
FORBIDDEN_IN_MARKUP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    f"{_ASTRAL_NONCHARACTERS}]"
)


def markup_safe(text: str) -> str:
    """`text` with every code point XML 1.0 or HTML5 forbids replaced by U+FFFD. Each is a
    control, a surrogate or unassigned, so none is printable: printable text (nearly all) is
    returned as it is without a search of that class (slow for its astral members)."""
    if text.isprintable():
        return text
    return FORBIDDEN_IN_MARKUP.sub(REPLACEMENT, text)


def escape(text: str) -> str:
    """`html.escape` (quotes too, for attributes) of `markup_safe(text)`."""
    return html.escape(markup_safe(text))
