"""robots.txt rules for one site, read as RFC 9309 says, fetch failures included.

2xx: the file's rules. 4xx: no rules, everything allowed. 5xx (or 429) or an unreachable
site: everything disallowed, because the site may be in trouble and we must not crawl it
blind. Parsing and matching are Protego's (Scrapy's parser): the longest matching rule wins,
`Allow` beats `Disallow` at equal length, `*` and `$` are wildcards, and a group for our
product token wins over `*`. `urllib.robotparser` does none of these.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """What robots.txt says about our user agent; `allow_all`/`disallow_all` short-cut it."""

    parser: Protego | None = None
    allow_all: bool = False
    disallow_all: bool = False
    source: str = "robots.txt"  # why these rules: "robots.txt", "HTTP 404", "HTTP 503", ...

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.allow_all or self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def parse_robots(text: str) -> RobotsRules:
    """Rules from a robots.txt body."""
    return RobotsRules(parser=Protego.parse(text))


def rules_for_failure(status: int | None) -> RobotsRules:
    """Rules when robots.txt could not be read: 4xx (but 429) allows all, anything else denies."""
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules(allow_all=True, source=f"HTTP {status}")
    return RobotsRules(
        disallow_all=True, source=f"HTTP {status}" if status else "robots.txt unreachable"
    )
