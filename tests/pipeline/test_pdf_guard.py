"""PDFs parsed behind the guard: within a time and a memory limit, one bad PDF never holding
up the next. Real worker processes, real PDFs."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pipeline.pdf_guard import GuardedPdfParser

SITE = Path(__file__).resolve().parents[2] / "mirror" / "site"
STOKE = SITE / "sites/default/files/2025-06/stokeontrent-0625-local-authority-assessment.pdf"


def inflating_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream is a few KB that inflate to `megabytes` MB."""
    stream = zlib.compress(b" " * (megabytes * 1024 * 1024), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_report_pdf_parses_in_the_worker() -> None:
    with GuardedPdfParser() as parse:
        reading = parse(STOKE.read_bytes(), "https://x/stoke.pdf")
    assert reading.facts is not None and reading.facts.overall_score_pct == 64


@pytest.mark.slow
def test_a_parse_over_its_time_limit_is_stopped_and_the_next_pdf_still_parses() -> None:
    bomb = inflating_pdf(1500)  # inflating and scanning 1.5 GB takes far longer than 0.2 s
    with GuardedPdfParser(time_limit_s=0.2) as parse:
        stuck = parse(bomb, "https://x/bomb.pdf")
        parse.time_limit_s = 60
        after = parse(STOKE.read_bytes(), "https://x/stoke.pdf")
    assert stuck.facts is None and not stuck.finished
    assert stuck.error == "the parse took longer than 0.2 s: stopped"
    assert after.facts is not None and after.facts.la_name == "Stoke-on-Trent City Council"


@pytest.mark.slow
def test_a_parse_over_its_memory_limit_fails_with_a_reason_and_the_next_parses() -> None:
    with GuardedPdfParser(memory_limit_mb=700) as parse:
        big = parse(inflating_pdf(1500), "https://x/bomb.pdf")
        after = parse(STOKE.read_bytes(), "https://x/stoke.pdf")
    assert big.facts is None and big.error is not None
    assert after.facts is not None
