"""robots.txt read as RFC 9309 says, whatever bytes the site sends, fetch failures included.

The file is UTF-8 (2.3): undecodable bytes become U+FFFD, a byte-order mark is dropped, and
only its first 500 KiB are parsed (2.5), so a Latin-1, binary or endless file never stops a
run. Groups are chosen by our product token alone ("cqc-warehouse"), compared with each
`User-agent` line's token case-insensitively (2.2.1): the groups naming it, combined; else
the `*` groups, combined; else no rules. A group that names us but has no rules allows all,
it never falls back to `*`. The matching rule with the longest pattern wins, `Allow` winning
a tie (2.2.2); `*` matches any run of characters and a final `$` the end of the path (2.2.3);
percent-encodings are compared in one canonical form; `/robots.txt` itself is always allowed.

Read here rather than by Protego, which finds a group's name anywhere in the User-Agent it
is given: with our header, `User-agent: github`, `research` or `scraper` caught us (by our
contact URL and comment), and even with our token alone `User-agent: cqc` did. Matching
never backtracks: no pattern a file holds can make it explode.

Fetch failures (2.3.1.3, 2.3.1.4): a 4xx (429 aside) means no robots.txt, everything allowed;
a 5xx, a 429 or no answer means complete disallow, because the site may be in trouble and we
must not crawl it blind; more than five redirects in a row count as no robots.txt.
`Crawl-delay` is not in the RFC; it is kept (its cap is the client's) as the largest the
chosen groups give.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309 2.5: parse at least 500 KiB; we parse that much

_EOL = re.compile(r"\r\n|\r|\n")
_STARS = re.compile(r"\*{2,}")
_PRODUCT_TOKEN = re.compile(r"[A-Za-z_-]+")
_HEX = frozenset("0123456789abcdefABCDEF")
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Directive names as written in the wild; misspelt Disallows are read as Disallows, as
# Google's parser reads them: mistaking one for nothing would crawl what the site refuses.
_USER_AGENT = frozenset({"user-agent", "useragent", "user agent"})
_ALLOW = frozenset({"allow"})
_DISALLOW = frozenset({"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"})
_CRAWL_DELAY = frozenset({"crawl-delay", "crawl delay"})
_KNOWN = _USER_AGENT | _ALLOW | _DISALLOW | _CRAWL_DELAY


def product_token(user_agent: str) -> str:
    """The product token of a User-Agent header, lower-cased: "cqc-warehouse/0.1 (...)" ->
    "cqc-warehouse" (RFC 9309 2.2.1: letters, "_" and "-")."""
    match = _PRODUCT_TOKEN.match(user_agent.strip())
    return match.group(0).lower() if match else ""


def _canonical(text: str, *, literal_wildcards: bool) -> str:
    """A path or pattern with its percent-encodings in one form (RFC 9309 2.2.2): bytes
    outside printable ASCII encoded (as UTF-8), escapes of unreserved characters decoded,
    the rest upper-cased. In a URL, `*` and `$` are characters, so they are encoded to meet
    a pattern's `%2A` and `%24`; in a pattern they stay wildcards."""
    out: list[str] = []
    data = text.encode("utf-8", "replace")
    index = 0
    while index < len(data):
        byte = data[index]
        if byte == 0x25 and index + 2 < len(data):
            pair = data[index + 1 : index + 3].decode("ascii", "replace")
            if all(c in _HEX for c in pair):
                value = int(pair, 16)
                out.append(chr(value) if value in _UNRESERVED else f"%{value:02X}")
                index += 3
                continue
        if byte <= 0x20 or byte >= 0x7F or (literal_wildcards and byte in b"*$"):
            out.append(f"%{byte:02X}")
        else:
            out.append(chr(byte))
        index += 1
    return "".join(out)


def _matches(path: str, pattern: str) -> bool:
    """Whether `pattern` (`*` any run, a final `$` the end) matches the start of `path`.

    Linear in path length per pattern character: the set of positions the pattern so far
    can end at is carried along, never backtracked; and a pattern with more characters to
    match than the path has is refused before any of that, however long a file made it."""
    anchored = pattern.endswith("$")
    if anchored:
        pattern = pattern[:-1]
    if len(pattern) - pattern.count("*") > len(path):
        return False
    pattern = _STARS.sub("*", pattern)  # "**" is "*"
    ends = [0]
    for char in pattern:
        if char == "*":
            ends = list(range(ends[0], len(path) + 1))
            continue
        ends = [end + 1 for end in ends if end < len(path) and path[end] == char]
        if not ends:
            return False
    return len(path) in ends if anchored else True


@dataclass(frozen=True)
class Rule:
    """One Allow or Disallow line, its pattern in canonical form."""

    allow: bool
    pattern: str

    @cached_property
    def _prefix(self) -> str:
        """What every path it matches starts with: the pattern up to its first wildcard."""
        return re.split(r"[*$]", self.pattern, maxsplit=1)[0]

    def matches(self, path: str) -> bool:
        return path.startswith(self._prefix) and _matches(path, self.pattern)


@dataclass(frozen=True)
class Group:
    """The rules under one run of `User-agent` lines; agents are lower-cased product tokens,
    or "*"."""

    agents: tuple[str, ...]
    rules: tuple[Rule, ...]
    crawl_delay: float | None = None


@dataclass(frozen=True)
class RobotsRules:
    """What robots.txt says; `allow_all` / `disallow_all` stand for a file that could not be
    read, `source` says why ("robots.txt", "HTTP 404", "HTTP 503", ...)."""

    groups: tuple[Group, ...] = ()
    allow_all: bool = False
    disallow_all: bool = False
    source: str = "robots.txt"

    def _groups_for(self, user_agent: str) -> list[Group]:
        token = product_token(user_agent)
        named = [g for g in self.groups if token and token in g.agents]
        return named or [g for g in self.groups if "*" in g.agents]

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.allow_all:
            return True
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return True
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        path = _canonical(target, literal_wildcards=True)
        matching = [r for g in self._groups_for(user_agent) for r in g.rules if r.matches(path)]
        if not matching:
            return True
        return max(matching, key=lambda rule: (len(rule.pattern), rule.allow)).allow

    def crawl_delay(self, user_agent: str) -> float | None:
        delays = [g.crawl_delay for g in self._groups_for(user_agent) if g.crawl_delay is not None]
        return max(delays) if delays else None

    def refusal(self) -> str:
        """Why a URL is refused, as a run reports it: what robots.txt says, or that it
        could not be read at all."""
        if self.disallow_all:
            return f"robots.txt unavailable ({self.source}): treating the site as disallowed"
        return "disallowed by robots.txt"


def _directive(line: str) -> tuple[str, str] | None:
    """(name lower-cased, value) of a line, or None for a line that is no directive:
    "name: value", or "name value" when the name is one we know (the colon is often left
    out, and "Disallow /a:b" keeps its colon in the value)."""
    if ":" in line:
        name, value = line.split(":", 1)
        name = " ".join(name.split()).lower()
        if name in _KNOWN:
            return name, value.strip()
    words = line.split()
    for count in (2, 1):
        name = " ".join(words[:count]).lower()
        if len(words) >= count and name in _KNOWN:
            rest = line.split(None, count)
            return name, rest[count].strip() if len(rest) > count else ""
    return None


def _crawl_delay(value: str) -> float | None:
    try:
        delay = float(value)
    except ValueError:
        return None
    return delay if math.isfinite(delay) and delay >= 0 else None


def parse_robots(body: bytes | str) -> RobotsRules:
    """Rules from a robots.txt body: its first 500 KiB, read as UTF-8 whatever it holds."""
    if isinstance(body, bytes):
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
    else:
        text = body.encode("utf-8", "surrogatepass")[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
    text = text.removeprefix("\ufeff")
    groups: list[Group] = []
    agents: list[str] = []
    rules: list[Rule] = []
    delay: float | None = None
    in_rules = False  # a rule line was seen since the last User-agent line

    def close() -> None:
        if agents:
            groups.append(Group(tuple(agents), tuple(rules), delay))

    for raw in _EOL.split(text):
        line = raw.split("#", 1)[0].strip()
        directive = _directive(line) if line else None
        if directive is None:
            continue
        name, value = directive
        if name in _USER_AGENT:
            if in_rules:
                close()
                agents, rules, delay, in_rules = [], [], None, False
            token = "*" if value.split()[:1] == ["*"] else product_token(value)
            if token:
                agents.append(token)
            continue
        if name not in _KNOWN or not agents:
            continue  # sitemap, host, unknown lines, or rules before any User-agent
        in_rules = True
        if name in _CRAWL_DELAY:
            parsed = _crawl_delay(value)
            if parsed is not None:
                delay = parsed if delay is None else max(delay, parsed)
        elif value:  # an empty Allow/Disallow is no rule
            pattern = _canonical(value, literal_wildcards=False)
            rules.append(Rule(allow=name in _ALLOW, pattern=pattern))
    close()
    return RobotsRules(groups=tuple(groups))


def rules_for_failure(status: int | None, reason: str | None = None) -> RobotsRules:
    """Rules when robots.txt could not be read: a 4xx (but 429) allows all, anything else
    denies all. `reason` names a failure with no status (the site did not answer)."""
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules(allow_all=True, source=f"HTTP {status}")
    if status:
        return RobotsRules(disallow_all=True, source=f"HTTP {status}")
    return RobotsRules(disallow_all=True, source=f"unreachable: {reason or 'no answer'}")


def rules_for_redirect_loop(reason: str) -> RobotsRules:
    """More than five redirects in a row: RFC 9309 2.3.1.2 lets a crawler take that as no
    robots.txt, so everything is allowed."""
    return RobotsRules(allow_all=True, source=reason)
