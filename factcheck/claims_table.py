"""Claims as a pandas table (for ``factcheck claims`` and for analysis)."""

from __future__ import annotations

import pandas as pd

from .models import Report

COLUMNS = [
    "doc",
    "outlet",
    "kind",
    "value",
    "normalized",
    "subject",
    "predicate",
    "measure",
    "period",
    "qualifiers",
    "line",
    "column",
    "start",
    "end",
    "sentence",
]


def _normalized(value) -> str:
    data = value.to_json()
    if data["type"] == "date":
        return data["iso"]
    if data["type"] == "name":
        return data["key"]
    low, high, v = data["low"], data["high"], data["value"]
    rng = "" if low == high == v else f" [{low}..{high if high is not None else '∞'}]"
    return f"{v} {data['unit']}{rng}"


def claims_frame(report: Report) -> pd.DataFrame:
    docs = {d.id: d for d in report.documents}
    rows = []
    for c in report.claims:
        doc = docs[c.doc_id]
        line, col = doc.line_col(c.start)
        rows.append(
            {
                "doc": c.doc_id,
                "outlet": doc.outlet,
                "kind": c.kind,
                "value": c.surface,
                "normalized": _normalized(c.value),
                "subject": c.subject,
                "predicate": c.predicate,
                "measure": c.marked_subject,  # the noun its clause marks (수출이, 진화율은)
                "period": f"{c.scope[0]}..{c.scope[1]}" if c.scope else "",
                "qualifiers": ",".join(sorted(c.qualifiers)),
                "line": line,
                "column": col,
                "start": c.start,
                "end": c.end,
                "sentence": c.sentence_text(doc),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
