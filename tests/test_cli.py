"""The command line as a user and a CI job use it: formats, exit codes, files on disk."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from tests.conftest import SAMPLES

STORY = SAMPLES / "incheon-bio"


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_json_to_file_and_exit_1_on_high_conflicts(tmp_path):
    out = tmp_path / "r.json"
    result = _run("check", STORY, "--format", "json", "--output", out)
    assert result.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "factcheck.report/1"
    assert {c["severity"] for c in data["conflicts"]} == {"high"}
    assert f"exit status 1: {len(data['conflicts'])} conflict(s) at or above high" in result.stderr


def test_cycle_collection_is_paused_for_a_command_and_restored_after(tmp_path, monkeypatch):
    import factcheck.pipeline

    seen = []
    real_run = factcheck.pipeline.run
    monkeypatch.setattr(
        factcheck.pipeline, "run", lambda *a, **k: seen.append(gc.isenabled()) or real_run(*a, **k)
    )
    assert gc.isenabled()
    _run("check", STORY, "--format", "json", "-o", tmp_path / "r.json", "--fail-on", "none")
    assert seen == [False]
    assert gc.isenabled()


def test_cycles_made_during_a_run_are_still_collected_after_it(tmp_path):
    import weakref

    from factcheck.pipeline import run, without_cycle_collection

    class Node:
        pass

    with without_cycle_collection():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        run([str(STORY)])
        del a, b
    assert gone() is not None  # no collection happened during the run
    gc.collect()
    assert gone() is None


@pytest.mark.parametrize(("fail_on", "code"), [("none", 0), ("high", 1), ("low", 1)])
def test_fail_on_levels(tmp_path, fail_on, code):
    assert (
        _run(
            "check",
            STORY,
            "--format",
            "json",
            "-o",
            tmp_path / "r.json",
            "--fail-on",
            fail_on,
            "-q",
        ).exit_code
        == code
    )


def test_no_readable_input_is_exit_2(tmp_path):
    result = _run("check", tmp_path / "missing.txt", "--format", "json", "-o", tmp_path / "r.json")
    assert result.exit_code == 2
    assert "missing.txt: no such file or folder" in result.output
    assert not (tmp_path / "r.json").exists()


def test_usage_error_is_exit_2():
    assert CliRunner().invoke(main, ["check"]).exit_code == 2
    assert CliRunner().invoke(main, ["check", str(STORY), "--format", "pdf"]).exit_code == 2


def test_skipped_input_is_named_and_the_rest_is_checked(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(STORY, folder)
    (folder / "broken.txt").write_bytes(b"\x00\xff" * 64)
    result = _run(
        "check", folder, "--format", "json", "-o", tmp_path / "r.json", "--fail-on", "none"
    )
    assert result.exit_code == 3  # nothing to fail on, but an input was skipped
    assert "broken.txt: binary file" in result.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 3 and len(data["conflicts"]) == 3
    assert data["skipped"][0]["path"].endswith("broken.txt")


def test_inputs_are_never_modified(tmp_path):
    before = {
        p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLES.rglob("*") if p.is_file()
    }
    _run("check", SAMPLES, "--format", "json", "--format", "html", "-o", tmp_path / "r.json", "-q")
    after = {
        p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLES.rglob("*") if p.is_file()
    }
    assert before == after


def test_several_formats_in_one_run(tmp_path):
    _run("check", STORY, "--format", "json", "--format", "html", "-o", tmp_path / "out.json", "-q")
    assert (tmp_path / "out.json").exists() and (tmp_path / "out.html").exists()


def test_failed_render_leaves_the_previous_report(tmp_path, monkeypatch):
    out = tmp_path / "r.json"
    out.write_text("previous", encoding="utf-8")

    def boom(report):
        raise RuntimeError("render failed")

    monkeypatch.setattr("factcheck.report.json_report.render_json", boom)
    with pytest.raises(RuntimeError):
        _run("check", STORY, "--format", "json", "-o", out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_text_format_is_one_line_per_finding():
    result = _run("check", STORY, "--format", "text", "-q")
    lines = result.output.strip().splitlines()
    assert len(lines) == 4  # three findings and the summary
    assert lines[0].startswith(str(STORY))
    assert " high " in lines[0]


def test_claims_command_shows_what_extraction_saw():
    result = _run("claims", STORY, "--format", "csv", "--kind", "count")
    assert result.exit_code == 0
    header, *rows = result.output.strip().splitlines()
    assert header.startswith("doc,outlet,kind,value,normalized")
    assert any("1만 2000개" in r and "12000" in r for r in rows)


def test_module_entry_point():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert "factcheck" in out.stdout


def test_progress_is_reported_by_stage():
    from factcheck.pipeline import run

    calls = []
    run([str(STORY)], progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = [c[0] for c in calls]
    assert stages[0] == "reading" and "analysing" in stages and stages[-1] == "comparing stories"
    comparing = [c for c in calls if c[0] == "comparing stories"]
    assert [c[1] for c in comparing] == list(range(len(comparing))) and comparing[0][2] == 1
    reading = [c for c in calls if c[0] == "reading"]
    assert [c[1] for c in reading] == list(range(len(reading))) and reading[0][2] == 3


def test_progress_display_only_on_a_terminal(capsys):
    import io

    from factcheck.cli import TerminalProgress, progress_for

    assert progress_for(quiet=False) is None  # pytest's stderr is not a terminal
    buf = io.StringIO()
    bar = TerminalProgress(buf)
    bar("reading", 0, 2)
    bar("reading", 1, 2)
    bar.close()
    assert "factcheck: reading 2/2" in buf.getvalue() and buf.getvalue().endswith("\r")


def test_results_do_not_depend_on_jobs_cache_or_input_order(tmp_path):
    stories = sorted(str(p) for p in SAMPLES.iterdir() if p.is_dir())
    runs = [
        (stories, "1", ["--no-cache"]),
        (stories, "2", ["--cache-dir", tmp_path / "c"]),  # worker processes, cold cache
        (stories[::-1], "2", ["--cache-dir", tmp_path / "c"]),  # warm cache, other order
        (stories[::-1], "1", ["--cache-dir", tmp_path / "c"]),
    ]
    outs = []
    for n, (inputs, jobs, cache) in enumerate(runs):
        out = tmp_path / f"r{n}.json"
        result = _run(
            "check", *inputs, "--format", "json", "-o", out, "-q", "--jobs", jobs,
            "--fail-on", "none", *cache,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert len(set(outs)) == 1


def test_output_does_not_depend_on_the_string_hash_seed(tmp_path):
    """Each process (and each worker) hashes strings with its own seed: set iteration order
    must never reach the report."""
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "factcheck", "check", str(SAMPLES), "--format", "json",
             "-o", str(out), "--fail-on", "none", "-q", "--no-cache"],
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            check=True,
        )  # fmt: skip
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_text_sides_of_one_value_name_the_verb_that_tells_them_apart():
    """A rise and a fall of 5.2% (direction-mismatch): the line shows each side's verb, not
    "5.2%; 5.2%"."""
    story = SAMPLES.parent / "tests" / "fixtures" / "stories" / "directionflip"
    result = _run("check", str(story), "--format", "text", "-q", "--fail-on", "none")
    (line,) = [x for x in result.output.splitlines() if "direction-mismatch" in x]
    assert "5.2% (늘)" in line and "5.2% (줄어들)" in line
