"""The blind corpora (tests/blind/README.md): every family of every site, crawled and read by
the production code, must equal its author's answer key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.blind.corpus import BLIND, Site, judge_site, sites

SITES = [site for round_dir in sorted(BLIND.glob("round*")) for site in sites(round_dir)]


def test_each_round_has_its_families_and_pdfs() -> None:
    """What the issue asked of each round: 30 families or more, pilots and several-statement
    pages among them, 10 PDFs or more."""
    for round_dir in sorted(BLIND.glob("round*")):
        keys = [key for site in sites(round_dir) for key in site.answers.values()]
        assert len(keys) >= 30, round_dir.name
        assert sum(key["kind"] == "pilot" for key in keys) >= 3, round_dir.name
        assert sum(bool(key.get("pdf")) for key in keys) >= 10, round_dir.name


@pytest.mark.parametrize("site", SITES, ids=lambda site: site.name)
def test_every_family_reads_as_its_key(site: Site, tmp_path: Path) -> None:
    verdicts = judge_site(site, tmp_path)
    failing = [f"{v.slug}: {problem}" for v in verdicts for problem in v.problems]
    assert not failing, "\n".join(failing)
    assert len(verdicts) == len(site.answers)
