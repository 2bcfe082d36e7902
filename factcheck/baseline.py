"""Baselines: the findings a newsroom has already seen, keyed by stable fingerprints.

A fingerprint hashes the rule, the outlets and the normalized values (never offsets), so it
survives re-runs, reordered inputs and edits elsewhere in the articles.
"""

from __future__ import annotations

import json

from .models import Report

SCHEMA = "factcheck.baseline/1"


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message names the file and the problem."""


def render_baseline(report: Report) -> str:
    findings = sorted(
        (
            {
                "fingerprint": c.fingerprint,
                "rule": c.rule,
                "topic": c.topic,
                "explanation": c.explanation,
            }
            for c in report.conflicts
        ),
        key=lambda f: f["fingerprint"],
    )
    return json.dumps({"schema": SCHEMA, "findings": findings}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a factcheck baseline (schema {SCHEMA})")
    return {
        f["fingerprint"]
        for f in data.get("findings", [])
        if isinstance(f, dict) and "fingerprint" in f
    }
