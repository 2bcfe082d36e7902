"""Every rule's cases, from tests/rules/cases/<rule>.toml: `pytest -k <rule>` runs one rule."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.align import Settings
from factcheck.pipeline import check_documents
from factcheck.rules import RULES
from tests.conftest import make_documents

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASE_DIR = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASE_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize(("rule", "case"), list(_cases()))
def test_rule_case(rule, case):
    report = check_documents(make_documents(case["article"]), Settings())
    fired = sorted({c.rule for c in report.conflicts})
    assert fired == sorted(case["expect"]), [c.explanation for c in report.conflicts]
    if case.get("values"):
        surfaces = sorted(cl.surface for c in report.conflicts for side in c.sides for cl in side)
        for value in case["values"]:
            assert any(value in s for s in surfaces), (value, surfaces)
    if case.get("explanation_contains"):
        assert any(case["explanation_contains"] in c.explanation for c in report.conflicts)
    if case.get("explanation_lacks"):
        assert not any(case["explanation_lacks"] in c.explanation for c in report.conflicts)
    if case.get("severity"):
        assert [c.severity for c in report.conflicts] == [case["severity"]], report.conflicts


def test_every_rule_has_cases_and_documentation():
    names = {path.stem for path in CASE_DIR.glob("*.toml")}
    codes = set()
    for rule in RULES:
        assert rule.name in names, f"{rule.name} has no case file"
        doc = rule.__doc__ or ""
        assert "Catches:" in doc and "Does not catch:" in doc, rule.name
        assert rule.code not in codes
        codes.add(rule.code)
