"""Every input kind a newsroom has, and bad input that must never lose a run."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.ingest import InputError, read_file, read_inputs
from factcheck.pipeline import run

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def _doc(path: Path):
    docs, problems = read_file(str(path), path.stem)
    assert len(docs) == 1 and not problems
    return docs[0]


def test_html_page_main_text_and_metadata():
    doc = _doc(INPUTS / "gaon_20250305.html")
    body = "\n".join(doc.text[s:e] for s, e in doc.body_spans)
    assert (doc.outlet, doc.published) == ("가온일보", "2025-03-05")
    assert doc.title.startswith("송도 바이오 2단계 윤곽")
    assert "일자리 2만 개가 새로 생길" in body
    for chrome in ("로그인", "코스피", "많이 본 뉴스", "대표전화", "사진=인천시"):
        assert chrome not in body


def test_a_short_html_page_keeps_its_paragraphs_apart():
    """On a short page trafilatura's fallback joins the headline, the byline and the
    paragraphs into one line: the byline would be read as body, and one sentence would run
    from the headline into the lead."""
    doc = _doc(INPUTS / "gaon_short_20261127.html")
    body = [doc.text[s:e] for s, e in doc.body_spans]
    assert (doc.outlet, doc.published) == ("가온일보", "2026-11-27")
    assert body == [
        "경기 평택의 아파트 공사현장에서 타워크레인이 넘어져 근로자 2명이 숨졌다.",
        "27일 경기도소방재난본부에 따르면 이날 오전 10시 20분쯤 평택시 고덕동 아파트 신축 "
        "현장에서 높이 45m 타워크레인이 쓰러졌다.",
        "다른 근로자 3명도 다쳐 병원으로 이송됐다.",
    ]


def test_markdown_front_matter_gives_metadata():
    doc = _doc(INPUTS / "content" / "2025-03-07-songdo-followup.md")
    assert (doc.outlet, doc.published, doc.title) == (
        "새벽뉴스",
        "2025-03-07",
        "[후속] 송도 바이오 2단계 물류 거점",
    )


def test_cp949_scrape_reads_like_utf8():
    doc = _doc(INPUTS / "seohae_cp949.txt")
    assert (doc.outlet, doc.published) == ("서해신문", "2025-03-04")
    assert "일자리 2만 개" in doc.text


@pytest.mark.parametrize("name", ["export.jsonl", "export.csv"])
def test_exports_give_one_document_per_row(name):
    docs, problems = read_file(str(INPUTS / name), name)
    assert [(d.outlet, d.published, d.source_row) for d in docs] == [
        ("누리일보", "2025-03-04", 1),
        ("다온경제", "2025-03-10", 2),
    ]
    if name.endswith("jsonl"):
        assert [d.id for d in docs] == ["export.jsonl:a1", "export.jsonl:a2"]
        assert problems == [(f"{INPUTS / name} row 3", "no Korean text")]


def test_all_kinds_are_checked_together():
    report = run([str(INPUTS)])
    kinds = {(c.rule, c.sides[1][0].surface) for c in report.conflicts}
    assert ("amount-mismatch", "1만 2000개") in kinds and ("date-mismatch", "2026년 5월") in kinds
    jobs = next(c for c in report.conflicts if c.rule == "amount-mismatch")
    outlets = {
        report_doc.outlet
        for report_doc in report.documents
        if any(cl.doc_id == report_doc.id for cl in jobs.sides[0])
    }
    assert {"가온일보", "누리일보", "새벽뉴스", "서해신문"} <= outlets


def test_include_and_exclude_globs():
    names = lambda r: sorted(os.path.basename(d.path) for d in r.documents)  # noqa: E731
    only_md = read_inputs([str(INPUTS)], include=["*.md"])
    assert names(only_md) == ["2025-03-06-songdo.md", "2025-03-07-songdo-followup.md"]
    no_exports = read_inputs([str(INPUTS)], exclude=["export.*"])
    assert not any(n.startswith("export") for n in names(no_exports))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "truncated.html",
            "<html><head><title>x</title></head><body><div><p>서울",
            "no article text",
        ),
        ("broken.html", "<<<>>>", "no article text"),
        ("nobody.csv", "outlet,date\n누리일보,2025-03-04\n", "no text column"),
        ("badline.jsonl", '{"text": "x"}\n{not json\n', "line 2 is not JSON"),
        ("latin.txt", "Nothing in Korean here. Only English words.", "no Korean text"),
        ("menu.txt", "정치\n경제\n사회\n로그인 회원가입\n", "no article body"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = read_inputs([str(path)])
    assert result.documents == ()
    assert reason in result.skipped[0].reason


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    result = read_inputs([str(big)])
    assert "100 MB" in result.skipped[0].reason


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_inputs([str(fifo)]).skipped[0].reason == "not a regular file"


def test_empty_folder_is_named(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"x")
    (reason,) = [s.reason for s in read_inputs([str(tmp_path)]).skipped]
    assert reason.startswith("folder has no article files")


def test_article_without_a_date_is_read_with_a_warning(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(
        "서울시는 11일 인공지능 산업 육성 계획을 발표했다. 시는 연간 1만 명의 인재를 양성한다.\n",
        encoding="utf-8",
    )
    result = read_inputs([str(path)])
    assert len(result.documents) == 1
    assert "no publication date" in result.warnings[0].reason


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=3000), ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"])
)
def test_arbitrary_bytes_in_any_kind_never_raise_anything_but_input_error(tmp_path, data, ext):
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    with contextlib.suppress(InputError):  # the only error a reader may raise
        read_file(str(path), "fuzz")


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        (["*.txt"], [], ["a.txt", "drafts/b.txt", "drafts/old/c.txt"]),
        (["*.txt"], ["drafts/*"], ["a.txt"]),  # a path glob: * crosses folders, as in fnmatch
        (["*.txt"], ["drafts/old/*"], ["a.txt", "drafts/b.txt"]),
        (["*.txt"], ["b.txt"], ["a.txt", "drafts/old/c.txt"]),  # a name glob, at any depth
        (["drafts/*.txt"], [], ["drafts/b.txt", "drafts/old/c.txt"]),
        (["*.md", "a.*"], [], ["a.txt", "notes.md"]),
        (["*.txt"], ["*"], []),
    ],
)
def test_globs_match_the_path_in_the_folder_or_the_file_name(tmp_path, include, exclude, expected):
    from factcheck.ingest import iter_paths

    for rel in ("a.txt", "notes.md", "drafts/b.txt", "drafts/old/c.txt", ".hidden.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("본문", encoding="utf-8")
    found = [p for p, problem in iter_paths([str(tmp_path)], include, exclude) if not problem]
    assert sorted(os.path.relpath(p, tmp_path) for p in found) == expected
