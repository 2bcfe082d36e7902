"""Configuration: thresholds, disabled rules, ignored findings, aliases; bad files are named."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.align import Settings
from factcheck.cli import main
from factcheck.config import ConfigError, find_config, load_settings
from factcheck.pipeline import check_documents
from tests.conftest import SAMPLES, make_documents

STORY = SAMPLES / "incheon-bio"


def _check(tmp_path, config_text: str, *extra, story=STORY):
    cfg = tmp_path / "factcheck.toml"
    cfg.write_text(config_text, encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(story),
            "--format",
            "json",
            "-o",
            str(out),
            "--config",
            str(cfg),
            "-q",
            *extra,
        ],
    )
    return result, (json.loads(out.read_text(encoding="utf-8")) if out.exists() else None)


def test_disable_a_rule_by_name_or_code(tmp_path):
    _, data = _check(tmp_path, 'disable = ["place-near-miss", "FC201"]\n')
    assert {c["rule"] for c in data["conflicts"]} == {"amount-mismatch"}


def test_ignore_a_finding_by_fingerprint(tmp_path):
    _, before = _check(tmp_path, "")
    target = before["conflicts"][0]["fingerprint"]
    result, after = _check(tmp_path, f'ignore = ["{target}"]\n')
    assert target not in {c["fingerprint"] for c in after["conflicts"]}
    assert len(after["conflicts"]) == len(before["conflicts"]) - 1


def test_threshold_changes_what_aligns(tmp_path):
    story = SAMPLES / "seoul-ai"
    _, default = _check(tmp_path, "", "--fail-on", "none", story=story)
    _, data = _check(tmp_path, "min_similarity = 0.99\n", "--fail-on", "none", story=story)
    assert sorted(c["rule"] for c in default["conflicts"]) == [
        "amount-mismatch",
        "date-mismatch",
        "place-near-miss",
    ]
    # the fund and the designation pair on shared words, below 0.99; the two spellings of
    # the market are compared as names, which the threshold does not govern
    assert [c["rule"] for c in data["conflicts"]] == ["place-near-miss"]


def test_pyproject_section_is_found(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\ndisable = ["FC301"]\n', encoding="utf-8"
    )
    path = find_config(str(tmp_path))
    assert path and load_settings(path).disable == ("FC301",)


def test_pyproject_without_section_is_not_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(str(tmp_path)) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("min_similarity = 'high'\n", "min_similarity must be a number"),
        ("colour = 1\n", "unknown key(s) colour"),
        ("disable = 'FC101'\n", "disable must be a list"),
        ("[aliases]\nx = 1\n", "aliases must map names"),
        ("not toml = = =\n", "factcheck.toml"),
    ],
)
def test_bad_config_is_exit_2_naming_file_and_key(tmp_path, text, message):
    result, _ = _check(tmp_path, text)
    assert result.exit_code == 2
    assert message in result.output


def test_alias_makes_two_names_one():
    articles = [
        {
            "outlet": "가람일보",
            "published": "2025-05-01",
            "text": "부산시는 감천항 수산물 도매시장 부지에 해양 연구단지를 조성한다고 1일 밝혔다.",
        },
        {
            "outlet": "나래신문",
            "published": "2025-05-01",
            "text": "해양 연구단지가 감천학 수산물 도매시장 부지에 들어선다. 부산시가 1일 발표한 계획이다.",
        },
    ]
    docs = make_documents(articles)
    assert check_documents(docs, Settings()).conflicts
    aliases = {"감천학수산물도매시장": "감천항수산물도매시장"}
    assert not check_documents(docs, Settings(aliases=aliases)).conflicts


def test_load_settings_rejects_missing_file(tmp_path):
    with pytest.raises(ConfigError):
        load_settings(str(tmp_path / "nope.toml"))


def test_user_outlets_extend_the_table(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "가온 속보\n\n입력 2025-03-05 11:20\n\n인천시는 3일 송도 바이오 클러스터 2단계 계획을 발표했다. 일자리 2만 개가 생긴다.\n\n"
        "문의 reporter@gaon.example\n",
        encoding="utf-8",
    )
    from factcheck.pipeline import run

    assert run([str(page)]).documents[0].outlet is None
    cfg = tmp_path / "factcheck.toml"
    cfg.write_text('[outlets]\n"가온일보" = ["가온", "gaon.example"]\n', encoding="utf-8")
    assert run([str(page)], load_settings(str(cfg))).documents[0].outlet == "가온일보"
    bad = tmp_path / "bad.toml"
    bad.write_text('outlets = ["가온일보"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outlets must map"):
        load_settings(str(bad))
