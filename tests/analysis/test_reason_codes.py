"""Every reason code the server can send has a Korean wording in the web UI."""

from __future__ import annotations

import re
from pathlib import Path

from stockvis.analysis.signals import REASON_CODES

UI_REASONS = Path(__file__).resolve().parents[2] / "frontend/src/pages/stock/tabs/signalReasons.ts"


def test_the_web_ui_words_every_reason_code_in_korean() -> None:
    source = UI_REASONS.read_text(encoding="utf-8")
    korean = source[source.index("const KO: Record<string, string> = {") :]
    korean = korean[: korean.index("\n};")]
    worded = set(re.findall(r"^  (\w+):", korean, flags=re.MULTILINE))
    assert worded == set(REASON_CODES)
