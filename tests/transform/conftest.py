"""Shared fixtures for the transform tests: fixture pages and their URLs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

HTML_DIR = Path(__file__).parents[1] / "fixtures" / "html"
BASE = "https://www.cqc.org.uk/care-services/local-authority-assessment-reports"


@pytest.fixture
def html() -> Callable[[str], bytes]:
    """Bytes of a fixture page by its stem, e.g. html("stoke_summary")."""

    def load(stem: str) -> bytes:
        return (HTML_DIR / f"{stem}.html").read_bytes()

    return load


@pytest.fixture
def base() -> str:
    return BASE
