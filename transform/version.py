"""The version of the page parsers, stored beside every parsed record.

Bump rule: bump the MINOR number when a parser starts reading a new field or a new markup
variant (records parsed before may now differ), the MAJOR number when a record's meaning
changes, the PATCH number for fixes that cannot change any parsed value. Re-parse the raw
archive whenever MAJOR or MINOR changes.
"""

from __future__ import annotations

PARSER_VERSION = "1.2.0"  # facts from every page and the PDF, assembled per report
