"""The mirror's report PDFs: one per formal report at the linked URL, served as PDF."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mirror.build import BROKEN_DIR, SITE_DIR
from mirror.model import load_reports
from mirror.pdf import build_report_pdf
from mirror.server import MirrorServer

FORMAL = [r for r in load_reports() if not r.pilot]


@pytest.fixture(scope="module")
def server() -> Iterator[MirrorServer]:
    with MirrorServer(SITE_DIR) as m:
        yield m


def test_every_formal_report_has_a_pdf_served_as_pdf(server: MirrorServer) -> None:
    assert len(FORMAL) == 72
    with httpx.Client(base_url=server.base_url) as client:
        for r in FORMAL:
            resp = client.head(r.pdf_path)
            assert resp.status_code == 200, r.pdf_path
            assert resp.headers["content-type"] == "application/pdf"
            assert resp.headers["etag"].startswith('"')
        stoke = next(r for r in FORMAL if r.slug == "stokeontrent-0625")
        resp = client.get(stoke.pdf_path)
        assert resp.content.startswith(b"%PDF-")
        again = client.get(stoke.pdf_path, headers={"If-None-Match": resp.headers["etag"]})
        assert again.status_code == 304
        assert client.get("/sites/default/files/2025-06/nope.pdf").status_code == 404


def test_pdfs_are_deterministic_and_committed() -> None:
    for r in FORMAL[:3]:
        data = build_report_pdf(r)
        assert data == build_report_pdf(r)
        assert data == (SITE_DIR / r.pdf_path.lstrip("/")).read_bytes()


def test_broken_pdfs_exist() -> None:
    names = sorted(p.name for p in (SITE_DIR / BROKEN_DIR).iterdir())
    assert names == [
        "no-text-layer-local-authority-assessment.pdf",
        "not-a-pdf-local-authority-assessment.pdf",
        "truncated-local-authority-assessment.pdf",
    ]


def test_total_size_is_reasonable() -> None:
    total = sum(p.stat().st_size for p in (SITE_DIR / "sites").rglob("*.pdf"))
    assert total < 5_000_000
