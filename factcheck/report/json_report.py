"""The JSON report (schema ``factcheck.report/1``, documented in the README and in
``factcheck/report/schema.json``). Sorted, content-derived ids: byte-identical for the
same inputs."""

from __future__ import annotations

import json
from typing import Any

import orjson

from .. import __version__
from ..models import Claim, Conflict, Report
from ..rules import RULES

SCHEMA = "factcheck.report/1"
_CODES = {r.name: r.code for r in RULES}


def corroboration(conflict: Conflict, report: Report) -> str:
    counts = [len(sources(side, report)) for side in conflict.sides]
    return " vs ".join(f"{n} outlet{'s' if n != 1 else ''}" for n in counts)


def sources(side, report: Report) -> set[str]:
    """Distinct outlets backing a side; a document without an outlet counts as its own."""
    from ..rules.base import outlet_key

    docs = report.documents_by_id
    return {outlet_key(docs[c.doc_id], docs[c.doc_id].repost_group or c.doc_id) for c in side}


def claim_json(c: Claim, report: Report, side: int | None = None) -> dict[str, Any]:
    doc = report.documents_by_id[c.doc_id]
    line, col = doc.line_col(c.start)
    out: dict[str, Any] = {
        "id": c.id,
        "doc": c.doc_id,
        "path": doc.path,
        "outlet": doc.outlet,
        "published": doc.published,
        "kind": c.kind,
        "value": c.surface,
        "normalized": c.value.to_json(),
        "subject": c.subject,
        "predicate": c.predicate,
        "qualifiers": sorted(c.qualifiers),
        "sentence": c.sentence_text(doc),
        "sentence_start": c.sentence_span[0],
        "start": c.start,
        "end": c.end,
        "line": line,
        "column": col,
    }
    if side is not None:
        out["side"] = side
    return out


def conflict_json(conflict: Conflict, report: Report) -> dict[str, Any]:
    docs = report.documents_by_id
    sides = []
    for side in conflict.sides:
        sides.append(
            {
                "value": side[0].surface,
                "normalized": side[0].value.to_json(),
                "outlets": sorted({docs[c.doc_id].outlet or c.doc_id for c in side}),
                "documents": sorted({c.doc_id for c in side}),
                "sources": len(sources(side, report)),
            }
        )
    return {
        "id": conflict.id,
        "fingerprint": conflict.fingerprint,
        "rule": conflict.rule,
        "code": _CODES.get(conflict.rule, ""),
        "topic": conflict.topic,
        "kind": conflict.kind,
        "severity": conflict.severity,
        "confidence": conflict.confidence,
        "explanation": conflict.explanation,
        "reconciliation": conflict.reconciliation,
        "corroboration": corroboration(conflict, report),
        "sides": sides,
        "claims": [claim_json(c, report, i) for i, side in enumerate(conflict.sides) for c in side],
    }


def report_dict(report: Report) -> dict[str, Any]:
    story_of = {d: s for s, members in report.stories.items() for d in members}
    counts = report.claim_counts
    by_severity = {
        s: sum(1 for c in report.conflicts if c.severity == s) for s in ("high", "medium", "low")
    }
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {
            "documents": len(report.documents),
            "skipped": len(report.skipped),
            "stories": len(report.stories),
            "claims": report.claim_count,
            "conflicts": len(report.conflicts),
            "by_severity": by_severity,
            "by_kind": {
                k: sum(1 for c in report.conflicts if c.kind == k)
                for k in sorted({c.kind for c in report.conflicts})
            },
        },
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "outlet": d.outlet,
                "published": d.published,
                "published_time": d.published_time,
                "title": d.title,
                "story": story_of.get(d.id),
                "repost_group": d.repost_group,
                "source_row": d.source_row,
                "repost_of": d.repost_of,
                "reposted_by": d.reposted_by,
                "claims": counts.get(d.id, 0),
            }
            for d in report.documents
        ],
        "stories": [{"id": s, "documents": list(m)} for s, m in report.stories.items()],
        "conflicts": [conflict_json(c, report) for c in report.conflicts],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": [{"path": w.path, "reason": w.reason} for w in report.warnings],
    }


def render_json(report: Report) -> str:
    return dumps_indented(report_dict(report)) + "\n"


def dumps_indented(data: Any) -> str:
    """What ``json.dumps(data, ensure_ascii=False, indent=2)`` writes, about five times
    faster: the standard library's encoder runs in Python when it indents (0.48 s against
    0.09 s for the report of 10,000 articles). The same bytes, except that a float below
    1e-4 is written without an exponent (0.00001 for 1e-05) and NaN as null. orjson cannot
    hold an integer beyond 64 bits; a report with one is written by the standard library."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, indent=2)
