"""Golden files for the report formats on samples/. After an intended change, regenerate:
UPDATE_GOLDEN=1 pytest tests/test_golden.py  (then read the diff before committing)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from factcheck.pipeline import run
from factcheck.report.csv_report import render_csv
from factcheck.report.github import render_github
from factcheck.report.html import render_html
from factcheck.report.json_report import render_json
from factcheck.report.sarif import render_sarif
from factcheck.report.text import render_text

GOLDEN = Path(__file__).parent / "golden"


def _mask(text: str) -> str:
    text = re.sub(r'"version": "[^"]+"', '"version": "*"', text)
    return re.sub(r"factcheck [0-9][^ <]* · schema", "factcheck * · schema", text)


@pytest.fixture(scope="module")
def report():
    return run(["samples"])  # relative paths, as the README command writes them


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("samples.json", render_json),
        ("samples.txt", render_text),
        ("samples.sarif", render_sarif),
        ("samples.github.txt", render_github),
        ("samples.csv", render_csv),
        ("samples.html", render_html),
    ],
)
def test_golden(report, name, render):
    got = _mask(render(report))
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_json_validates_against_the_schema(report):
    import jsonschema

    schema = json.loads(
        (Path(__file__).parent.parent / "factcheck" / "report" / "schema.json").read_text()
    )
    jsonschema.validate(json.loads(render_json(report)), schema)


def test_html_report_is_self_contained_and_escaped(report):
    html = render_html(report)
    assert html.count('<article class="card') == len(report.conflicts)
    assert "http://" not in html and "https://" not in html  # opens from disk, no network
    for c in report.conflicts:
        assert f'id="conflict-{c.id}"' in html
    assert "<mark>양복 도매시장</mark>" in html


def test_html_escapes_page_text():
    from dataclasses import replace

    from factcheck.align import Settings
    from factcheck.pipeline import check_documents
    from tests.conftest import make_documents

    docs = make_documents(
        [
            {
                "outlet": "<script>alert(1)</script>",
                "published": "2025-01-01",
                "text": "부산시는 1일 북항 재개발 사업비로 5천억 원을 투입한다고 발표했다.",
            },
            {
                "outlet": "나래",
                "published": "2025-01-01",
                "text": "부산시가 1일 북항 재개발 사업비로 5조 원을 투입한다고 밝혔다.",
            },
        ]
    )
    docs = (replace(docs[0], title="<b>제목</b>"), docs[1])
    html = render_html(check_documents(docs, Settings()))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
