"""SARIF 2.1.0: one rule per conflict kind, results located in the input files.

Code-scanning tools (GitHub, GitLab, VS Code's SARIF viewer) show each result on the
offending line; ``partialFingerprints`` keep a finding's identity across runs.
"""

from __future__ import annotations

import json

from .. import __version__
from ..models import Report
from ..rules import RULES
from .json_report import report_dict

LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def _location(claim: dict) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": claim["path"].replace("\\", "/")},
            "region": {
                "startLine": claim["line"],
                "startColumn": claim["column"],
                "endLine": claim["line"],
                "endColumn": claim["column"] + (claim["end"] - claim["start"]),
                "snippet": {"text": claim["value"]},
            },
        },
        "message": {"text": f"{claim['outlet'] or claim['doc']}: {claim['value']}"},
    }


def render_sarif(report: Report) -> str:
    data = report_dict(report)
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": " ".join((rule.__doc__ or "").split())},
            "defaultConfiguration": {"level": "error"},
        }
        for rule in RULES
    ]
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = []
    for c in data["conflicts"]:
        first, *others = c["claims"]
        results.append(
            {
                "ruleId": c["code"],
                "ruleIndex": index[c["code"]],
                "level": LEVELS[c["severity"]],
                "message": {"text": f"[{c['topic']}] {c['explanation']}"},
                "locations": [_location(first)],
                "relatedLocations": [dict(_location(o), id=i + 1) for i, o in enumerate(others)],
                "partialFingerprints": {"factcheck/v1": c["fingerprint"]},
                "properties": {
                    "severity": c["severity"],
                    "confidence": c["confidence"],
                    "kind": c["kind"],
                    "corroboration": c["corroboration"],
                },
            }
        )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
