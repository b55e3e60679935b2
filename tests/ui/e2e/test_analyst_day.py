"""Issue 15's analyst's day in the real program on a real X server, driven by xdotool.

``scripts/analyst_day.py`` does the work (and can be run by hand to look at the pictures); this
runs it as CI does and checks what it leaves behind: a picture of every step and the request
answered, sent and completed in the database.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import analyst_day  # noqa: E402

STEPS = ["start-all-open", "overdue-queue", "request-opened", "verification-checks-passed",
         "verification-finished", "data-fetched", "package-preview", "package-built",
         "mark-as-sent-confirmation", "package-sent", "complete-confirmation", "completed",
         "search-the-person", "person-tab", "save-view", "saved-views-menu"]

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


@pytest.mark.skipif(bool(analyst_day.missing_tools()),
                    reason=f"needs {', '.join(analyst_day.missing_tools())} (Debian: xvfb, xdotool, x11-apps)")
def test_the_analysts_day_under_xvfb(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "analyst_day.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, f"{done.stderr}\n{done.stdout}"
    shots = sorted(p.name for p in tmp_path.glob("[0-9][0-9]-*.png"))
    assert shots == [f"{n:02d}-{name}.png" for n, name in enumerate(STEPS, start=1)]
    for shot in shots:  # real pictures of a 1280x800 screen
        head = (tmp_path / shot).read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(head[16:20], "big") == analyst_day.WIDTH
    con = sqlite3.connect(tmp_path / "work" / "day.sqlite3")
    try:
        status, sent, records = con.execute(
            "SELECT r.status, (SELECT count(*) FROM packages p WHERE p.request_id = r.id AND p.sent_at IS NOT NULL),"
            " (SELECT count(*) FROM subject_records s WHERE s.request_id = r.id) FROM requests r "
            "WHERE r.subject_email = ? AND r.right_id = 'access'", (analyst_day.SUBJECT[1],)).fetchone()
    finally:
        con.close()
    assert (status, sent) == ("completed", 1) and records > 0
    assert analyst_day.VIEW_NAME in (tmp_path / "work" / "home" / "privacy-console.ini").read_text(encoding="utf-8")
