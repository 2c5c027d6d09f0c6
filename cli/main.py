"""The `cqc` command: the app from `cli.common` with every command module registered on it
(each module adds its commands when imported)."""

from cli import archive, mirror, parse, peers, query, runs, search
from cli.common import app

__all__ = ["app", "archive", "mirror", "parse", "peers", "query", "runs", "search"]
