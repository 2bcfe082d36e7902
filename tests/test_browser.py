"""The HTML report in a real browser: cards render, a filter hides what it should, and a
screenshot is saved to test-artifacts/ for a person to look at.

Uses Debian's headless Chromium (installed by .ci/run). Skips, saying why, when no browser
is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.pipeline import run
from factcheck.report.html import render_html
from tests.conftest import ROOT

BROWSER = next(
    (shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
    None,
)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium installed (apt-get install chromium)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    report = run(["samples"])
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report


def _browser(tmp_path: Path, *args: str) -> str:
    out = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout


def _cards(dom: str) -> list[tuple[str, bool]]:
    """(severity, hidden) of every conflict card in the rendered DOM."""
    cards = re.findall(r'<article class="card ([a-z]+)( hidden)?"', dom)
    return [(sev, bool(hidden)) for sev, hidden in cards]


def test_cards_render_with_charts(page, tmp_path):
    path, report = page
    dom = _browser(tmp_path, "--dump-dom", path.as_uri())
    cards = _cards(dom)
    assert len(cards) == len(report.conflicts)
    assert not any(hidden for _, hidden in cards)
    assert dom.count('<svg class="chart"') >= 1
    assert f"{len(cards)} / {len(cards)} shown" in dom


def test_severity_filter_hides_the_other_cards(page, tmp_path):
    path, report = page
    dom = _browser(tmp_path, "--dump-dom", path.as_uri() + "#severity=low")
    cards = _cards(dom)
    assert {sev for sev, hidden in cards if not hidden} == {"low"}
    assert sum(not hidden for _, hidden in cards) == sum(
        c.severity == "low" for c in report.conflicts
    )


def test_screenshot_is_saved(page, tmp_path):
    path, _ = page
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    shot = out / "report.png"
    _browser(tmp_path, "--window-size=1200,1800", f"--screenshot={shot}", path.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
