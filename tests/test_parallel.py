"""Worker processes and kiwipiepy threads give the report a single process gives."""

from __future__ import annotations

import pytest

from factcheck.align import Settings
from factcheck.pipeline import run
from factcheck.report.json_report import render_json
from tests.conftest import SAMPLES

FIXTURES = SAMPLES.parent / "tests" / "fixtures" / "inputs"


@pytest.fixture(scope="module")
def single():
    return render_json(run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=1))


@pytest.mark.parametrize("parallel", ["processes", "threads"])
def test_parallel_modes_give_the_same_report(single, parallel):
    report = run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=2, parallel=parallel)
    assert render_json(report) == single
    # unreadable files are reported from workers as from the main process
    assert any("export" in s.path for s in report.skipped)


def test_worker_processes_use_the_configured_outlet_table(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "가온 속보\n\n입력 2025-03-05 11:20\n\n인천시는 3일 송도 바이오 클러스터 2단계 계획을 "
        "발표했다. 일자리 2만 개가 생긴다.\n\n문의 reporter@gaon.example\n",
        encoding="utf-8",
    )
    settings = Settings(outlets={"가온일보": ["가온", "gaon.example"]})
    assert run([str(page)], Settings(), jobs=2, parallel="processes").documents[0].outlet is None
    outlets = {
        mode: run([str(page)], settings, jobs=2, parallel=mode).documents[0].outlet
        for mode in ("processes", "threads")
    }
    assert set(outlets.values()) == {"가온일보"}


def test_dead_workers_fall_back_to_this_process(tmp_path):
    """A script without the __main__ guard kills every spawned worker: the run still
    completes, in the calling process, with a warning, and gives the same report."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        "from factcheck.pipeline import run\n"
        "from factcheck.report.json_report import render_json\n"
        f"report = run([{str(SAMPLES)!r}], jobs=2, parallel='processes')\n"
        "sys.stdout.write(render_json(report))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "analysing in this process" in done.stderr
    assert done.stdout == render_json(run([str(SAMPLES)], Settings(), jobs=1))
