"""Formats CI acts on (SARIF, GitHub annotations, CSV, JSON encoding), draft mode and baselines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.pipeline import run
from factcheck.report.github import PER_LEVEL, render_github
from factcheck.report.json_report import dumps_indented
from factcheck.report.sarif import render_sarif
from factcheck.rules import RULES
from tests.conftest import SAMPLES

DATA = Path(__file__).parent / "data"
DRAFT = Path(__file__).parent / "fixtures" / "draft_incheon.md"
STORY = SAMPLES / "incheon-bio"


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def report():
    return run(["samples"])


def test_sarif_validates_against_the_official_schema(report):
    import jsonschema

    schema = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    sarif = json.loads(render_sarif(report))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run_ = sarif["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} == {r.code for r in RULES}
    assert len(run_["results"]) == len(report.conflicts)
    first = run_["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith("samples/")
    assert first["region"]["startLine"] >= 1


def test_github_annotations_point_at_lines_and_escape(report):
    lines = render_github(report).splitlines()
    assert len(lines) == len(report.conflicts)
    assert all(
        line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines
    )
    assert "line=" in lines[0] and "col=" in lines[0]
    assert all("\n" not in line for line in lines)


def test_github_cap_summarises_the_rest(report):
    from dataclasses import replace

    many = replace(report, conflicts=report.conflicts * 5)  # 40 findings, 35 high
    lines = render_github(many).splitlines()
    assert sum(line.startswith("::error") for line in lines) == PER_LEVEL
    assert lines[-1].startswith("::notice title=factcheck::") and "more findings" in lines[-1]


def test_csv_has_a_row_per_claim(report):
    frame = pd.read_csv(
        io.StringIO(_run("check", "samples", "--format", "csv", "-o", "-", "-q").output)
    )
    assert len(frame) == sum(len(side) for c in report.conflicts for side in c.sides)
    assert {"fingerprint", "severity", "sentence", "line", "column"} <= set(frame.columns)


def test_draft_mode_reports_only_the_draft_in_linter_lines():
    result = _run("check", "--draft", DRAFT, "--draft-date", "2025-03-06", STORY)
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "3 findings in the draft"
    assert all(line.startswith(f"{DRAFT}:") for line in lines[:-1])
    near = next(line for line in lines if "place-near-miss" in line)
    assert "인천 남한 물류센터 — 2 outlets say 인천 남항 물류센터" in near
    assert "서해신문 2025-03-04" in near


def test_draft_relative_dates_use_the_draft_date(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "인천시가 지난 3일 송도 바이오 클러스터 2단계 사업을 발표했다. 착공은 내년 5월이다.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    _run(
        "check",
        "--draft",
        draft,
        "--draft-date",
        "2025-03-06",
        STORY,
        "--format",
        "json",
        "-o",
        out,
        "-q",
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    values = {
        cl["value"]: cl["normalized"]["iso"]
        for c in data["conflicts"]
        for cl in c["claims"]
        if cl["kind"] == "date"
    }
    assert values.get("내년 5월") == "2026-05"


def test_bad_draft_is_exit_2(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    result = _run("check", "--draft", tmp_path / "empty.md", STORY)
    assert result.exit_code == 2 and "empty file" in result.output
    assert _run("check", "--draft", DRAFT, "--draft-date", "tomorrow", STORY).exit_code == 2


def test_baseline_hides_known_findings_and_shows_new_ones(tmp_path):
    base = tmp_path / "base.json"
    assert _run("baseline", STORY, "-o", base).exit_code == 0
    assert _run("check", STORY, "--baseline", base, "--format", "text", "-q").exit_code == 0
    # a new discrepancy appears in an edited copy of the story: only it is reported
    story = tmp_path / "story"
    story.mkdir()
    for f in STORY.glob("*.txt"):
        text = f.read_text(encoding="utf-8")
        (story / f.name).write_text(
            text.replace("99만㎡", "90만㎡") if "seohae" in f.name else text, encoding="utf-8"
        )
    _run("baseline", story, "-o", base)
    (story / "seohae_20250304.txt").write_text(
        (story / "seohae_20250304.txt")
        .read_text(encoding="utf-8")
        .replace("1조 2천억 원", "1조 5천억 원"),
        encoding="utf-8",
    )
    result = _run("check", story, "--baseline", base, "--format", "text", "-q")
    assert result.exit_code == 1
    assert "1조 5천억 원" in result.stdout and "일자리" not in result.stdout


def test_bad_baseline_is_exit_2(tmp_path):
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    assert _run("check", STORY, "--baseline", tmp_path / "b.json").exit_code == 2
    assert _run("check", STORY, "--baseline", tmp_path / "missing.json").exit_code == 2


def test_fingerprints_survive_unrelated_edits(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    for f in STORY.glob("*.txt"):
        text = f.read_text(encoding="utf-8")
        if "gyeongin" in f.name:
            text = "광고 문의 02-000-0000\n\n" + text.replace("완제품은", "생산된 완제품은")
        (story / f.name).write_text(text, encoding="utf-8")
    before = {c.fingerprint for c in run([str(STORY)]).conflicts}
    after = {c.fingerprint for c in run([str(story)]).conflicts}
    assert before == after


_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: f == 0 or abs(f) >= 1e-4)
    | st.text()
)
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_dumps_indented_writes_what_the_standard_library_writes(data):
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_dumps_indented_falls_back_for_an_integer_beyond_64_bits():
    data = {"value": 10**20, "문장": "1해원"}
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)
