"""Text from a site made plain Unicode text, once, on its way into the records.

A page can carry bytes that are no text: a stray control byte in a council's name (one byte
made the Atom feed invalid XML for every later run, since the change row that held it is
kept), a code point no encoding can write (a lone surrogate), or invisible controls that
change how the text around them is shown (a bidi override can make a name read as another:
"Trojan Source", CVE-2021-42574). `transform.text.clean_text`, which every line of a page
passes through, calls `normalise_text`, so what a parser reads and what the warehouse stores
is already clean; the writers in `publish/` still defend against older warehouses.

What `normalise_text` does, and why each choice:

- Tab and line feed are kept; CR LF and a lone CR become a line feed (one way to end a line).
- The other controls that *separate* (vertical tab, form feed, the information separators
  U+001C-U+001F, next line U+0085) become a space: Unicode counts them as white space, and a
  page that puts one between two words means a break, so joining the words would be wrong.
- Every other C0 control (U+0000-U+0008, U+000E-U+001B), DEL (U+007F) and every other C1
  control (U+0080-U+009F) is removed. They mean nothing in a web page's text and, coming from
  a bad byte, they stand inside a word ("Stoke\\x01-on-Trent"), where a space would split it.
- Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) are removed
  from all text, not only names: the reports are English, and an unbalanced override reverses
  whatever follows it wherever the text is shown. The marks U+200E/U+200F (which nest
  nothing) are kept.
- Noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) are removed: Unicode reserves them for a
  program's internal use, never for text exchanged.
- A surrogate pair (two UTF-16 halves of one character, as a careless UTF-16 decoder leaves
  them) is joined into its character; a lone surrogate is removed.
- Finally NFC, so that the same word is the same code points however it was typed
  ("e" + U+0301 is "é"). Ordinary text (accents, "£", Welsh ŵ and ŷ, dashes, curly quotes) is
  already NFC and comes out identical.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_text"]

_ASTRAL_NONCHARACTERS = "".join(
    chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF)
)
_LINE_ENDS = re.compile("\r\n?")
_SEPARATING = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_REMOVED = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
    f"{_ASTRAL_NONCHARACTERS}]"
)
# Whether a text needs more than NFC (nearly none does), in the Basic Multilingual Plane and
# beyond it: one class of both would be ten times slower to search (the astral members).
_ANY_BMP = re.compile(
    "[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff]"
)
_ANY_ASTRAL = re.compile(f"[{_ASTRAL_NONCHARACTERS}]")


def normalise_text(text: str) -> str:
    """`text` with controls, bidi controls, noncharacters and lone surrogates gone (the
    separating controls as spaces, line ends as line feeds), in NFC. Idempotent."""
    if _needs_cleaning(text):
        if _SURROGATES.search(text):
            text = _joined_surrogates(text)
        text = _REMOVED.sub("", _SEPARATING.sub(" ", _LINE_ENDS.sub("\n", text)))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _needs_cleaning(text: str) -> bool:
    """Whether `text` holds anything `normalise_text` removes or replaces. Every such code
    point is a control, a format character, a surrogate or unassigned: none is printable, so
    printable text (most lines, once the page's own line breaks are gone) is not searched."""
    if text.isprintable():
        return False
    if _ANY_BMP.search(text):
        return True
    return not text.isascii() and max(text) > "\uffff" and bool(_ANY_ASTRAL.search(text))


def _joined_surrogates(text: str) -> str:
    """Each surrogate pair as the one character it encodes; each lone surrogate dropped."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
