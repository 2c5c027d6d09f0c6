"""The program's behaviour, end to end, is what `golden.json` recorded (issue 19: a refactor
changes no table, no command's output, no report file).

After a change that is meant to alter behaviour, write the new texts, read the differences
against the previous checkout's, then record the new digests:

    python -m tests.behaviour.snapshot /tmp/snap
    cp /tmp/snap/digests.json tests/behaviour/golden.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.behaviour.snapshot import digests, take_snapshot

GOLDEN = Path(__file__).with_name("golden.json")


@pytest.mark.e2e
@pytest.mark.slow
def test_every_table_command_and_report_file_is_as_recorded(
    tmp_path: Path, prefect_api_url: str
) -> None:
    texts = take_snapshot(prefect_api_url)
    got, want = digests(texts), json.loads(GOLDEN.read_text())
    for name, text in texts.items():  # kept for reading when the test fails
        target = tmp_path / "texts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    changed = sorted(name for name in set(got) & set(want) if got[name] != want[name])
    assert not (missing or extra or changed), (
        f"behaviour changed (texts under {tmp_path / 'texts'}): "
        f"missing {missing[:10]}, new {extra[:10]}, different {changed[:20]}"
    )
