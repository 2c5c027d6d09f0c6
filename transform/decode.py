"""A fetched page's bytes as text, and the bounds a page must keep before it is parsed.

The site says UTF-8 today, but a page is read as what it declares: the Content-Type header's
charset, then a `<meta>` charset in its first bytes, then a byte-order mark; with none of
these it must be valid UTF-8. Bytes that do not decode as declared are an error naming the
page, never mojibake in the warehouse. So is a charset that is no character encoding of text,
though Python has a codec by that name: `base64`, `zlib`, `rot13` (bytes or text transforms),
`punycode`, `idna`, `unicode_escape` (text codecs for other things than documents), `utf-7`
(which HTML forbids), `undefined`.

A parse costs memory and time in proportion to a page's elements, and our readers recurse
by nesting depth, so size, element count and depth are checked on the raw markup first:
a page far past what a report page is (megabytes of tiny tags, a thousand nested divs) is
refused with the figure, before a tree is built.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from transform.errors import PageParseError

MAX_BYTES = 5_000_000  # a report page is tens of kilobytes
MAX_ELEMENTS = 100_000  # ... and a few thousand elements
MAX_DEPTH = 120  # ... nested a few dozen deep

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE
)  # <meta charset="..."> and <meta http-equiv="Content-Type" content="...; charset=...">
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr".split()
)  # elements that never hold others: no closing tag, no depth
# Elements whose end tag may be left out: a new one of the same name ends the open one.
_IMPLIED_END = frozenset(b"p li dt dd tr td th option".split())
# A tag: whether it closes, its name, and the rest up to its `>` (ending "/" when it closes
# itself). Greedy, and read with `findall`: a lazy rest and a match object a tag made this
# scan cost a tenth of the page's parse.
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")


@dataclass(frozen=True)
class Decoded:
    """A page's text and the charset it was read as (and from where)."""

    text: str
    charset: str
    declared_by: str  # 'header', 'meta', 'bom' or 'default'


# Text codecs Python has that no document is written in (names as `codecs.lookup` gives them).
_NOT_DOCUMENT_CHARSETS = frozenset(
    {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7", "charmap"}
)


def _codec(name: str, url: str | None, where: str) -> str:
    """The codec a declared charset names; PageParseError naming it if there is none, or if
    it is no character encoding of a text."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise PageParseError(url, f"unknown charset {name!r} declared in the {where}") from None
    if not getattr(info, "_is_text_encoding", True):  # False for bytes/str transforms
        raise PageParseError(
            url, f"charset {name!r} is not a text encoding (declared in the {where})"
        )
    if info.name in _NOT_DOCUMENT_CHARSETS:
        raise PageParseError(
            url, f"charset {name!r} is not a text encoding for pages (declared in the {where})"
        )
    return info.name


def declared_charset(body: bytes, content_type: str | None) -> tuple[str, str] | None:
    """(charset, where) as the page declares it, or None."""
    if content_type and (match := _HEADER_CHARSET.search(content_type)):
        return match.group(1), "header"
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, "bom"
    if meta := _META_CHARSET.search(body[:4096]):
        return meta.group(1).decode("ascii", "replace"), "meta"
    return None


def decode_page(body: bytes, content_type: str | None, url: str | None = None) -> Decoded:
    """The page's text, decoded as it declares; PageParseError if it does not decode."""
    declared = declared_charset(body, content_type)
    name, where = declared if declared is not None else ("utf-8", "default")
    codec = _codec(name, url, where)
    if codec == "utf-8" and body.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    said = f"declared {name!r} in the {where}" if declared else "no charset declared"
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise PageParseError(
            url, f"page cannot be decoded ({said}): invalid byte at {exc.start}"
        ) from exc
    except UnicodeError as exc:  # a codec that fails whole, not at a byte
        raise PageParseError(url, f"page cannot be decoded ({said}): {exc}") from exc
    return Decoded(text, codec, where)


def check_bounds(text: str, url: str | None = None) -> None:
    """PageParseError for a page past the size, element count or nesting depth a report page
    could have; cheap: a scan of the tags, no tree."""
    raw = text.encode("utf-8", "surrogatepass").lower()  # tag names in any case
    size = len(raw)
    if size > MAX_BYTES:
        raise PageParseError(url, f"page of {size:,} bytes, more than the {MAX_BYTES:,} allowed")
    elements = 0
    stack: list[bytes] = []
    for closing, name, rest in _TAG.findall(raw):
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise PageParseError(url, f"page of more than {MAX_ELEMENTS:,} elements: not read")
        if name in _VOID or rest.endswith(b"/"):
            continue
        if name in _IMPLIED_END and stack and stack[-1] == name:
            stack.pop()
        stack.append(name)
        if len(stack) > MAX_DEPTH:
            raise PageParseError(url, f"page nests elements more than {MAX_DEPTH} deep: not read")
