"""CSV: one row per claim of each finding (pandas), for spreadsheets and newsroom dashboards."""

from __future__ import annotations

import pandas as pd

from ..models import Report
from .json_report import report_dict

COLUMNS = [
    "conflict",
    "fingerprint",
    "rule",
    "code",
    "severity",
    "confidence",
    "kind",
    "topic",
    "side",
    "value",
    "normalized",
    "outlet",
    "published",
    "path",
    "line",
    "column",
    "sentence",
    "explanation",
]


def render_csv(report: Report) -> str:
    rows = []
    for c in report_dict(report)["conflicts"]:
        for claim in c["claims"]:
            norm = claim["normalized"]
            rows.append(
                {
                    "conflict": c["id"],
                    "fingerprint": c["fingerprint"],
                    "rule": c["rule"],
                    "code": c["code"],
                    "severity": c["severity"],
                    "confidence": c["confidence"],
                    "kind": c["kind"],
                    "topic": c["topic"],
                    "side": claim["side"],
                    "value": claim["value"],
                    "normalized": norm.get("iso")
                    or norm.get("key")
                    or f"{norm.get('value')} {norm.get('unit')}",
                    "outlet": claim["outlet"],
                    "published": claim["published"],
                    "path": claim["path"],
                    "line": claim["line"],
                    "column": claim["column"],
                    "sentence": claim["sentence"],
                    "explanation": c["explanation"],
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS).to_csv(index=False, lineterminator="\n")
