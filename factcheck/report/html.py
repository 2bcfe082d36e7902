"""The HTML report: one self-contained page (inline CSS and JS, no network)."""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Any

import jinja2

from .. import __version__
from ..models import Report
from .json_report import report_dict


@functools.cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _segments(sentence: str, start: int, end: int) -> tuple[str, str, str]:
    return sentence[:start], sentence[start:end], sentence[end:]


def view_model(report: Report) -> dict[str, Any]:
    data = report_dict(report)
    docs = {d["id"]: d for d in data["documents"]}
    for conflict in data["conflicts"]:
        for side_index, side in enumerate(conflict["sides"]):
            side["claims"] = [c for c in conflict["claims"] if c["side"] == side_index]
            for c in side["claims"]:
                rel = c["start"] - c["sentence_start"]
                c["segments"] = _segments(c["sentence"], rel, rel + (c["end"] - c["start"]))
                c["anchor"] = f"{c['doc']}-{c['start']}"
    # per-document views with every claim highlighted
    claims_by_doc: dict[str, list] = {}
    for c in report.claims:
        claims_by_doc.setdefault(c.doc_id, []).append(c)
    conflict_claims = {c["id"] for conflict in data["conflicts"] for c in conflict["claims"]}
    documents = []
    for doc in report.documents:
        sentences = []
        for sent in report.sentences.get(doc.id, ()):
            pieces, pos = [], sent.start
            inside = sorted(
                (
                    c
                    for c in claims_by_doc.get(doc.id, [])
                    if c.sentence_index == sent.index and c.kind != "fraction"
                ),
                key=lambda c: (c.start, -c.end),
            )
            for c in inside:
                if c.start < pos:
                    continue
                pieces.append({"text": doc.text[pos : c.start], "claim": None})
                pieces.append(
                    {
                        "text": doc.text[c.start : c.end],
                        "claim": c.kind,
                        "anchor": f"{doc.id}-{c.start}",
                        "conflict": c.id in conflict_claims,
                    }
                )
                pos = c.end
            pieces.append({"text": doc.text[pos : sent.end], "claim": None})
            sentences.append(pieces)
        documents.append({**docs[doc.id], "sentences": sentences})
    for conflict in data["conflicts"]:
        conflict["chart"] = chart(conflict)
    kinds = sorted({c["kind"] for c in data["conflicts"]})
    outlets = sorted({o for c in data["conflicts"] for s in c["sides"] for o in s["outlets"]})
    return {
        "data": data,
        "documents": documents,
        "kinds": kinds,
        "outlets": outlets,
        "matrix": matrix(data),
        "version": __version__,
    }


def render_html(report: Report) -> str:
    return _env().get_template("report.html").render(**view_model(report))


CHART_WIDTH, LEFT, RIGHT, ROW = 560, 150, 24, 28


def chart(conflict: dict) -> dict | None:
    """Geometry of a small inline SVG: a dot per side for figures, a bar per side for dates.

    Hedged figures draw their interval as a bar behind the dot; a gap of 20x or more uses a
    log scale so both sides stay visible.
    """
    rows = []
    for side in conflict["sides"]:
        n = side["normalized"]
        label = ", ".join(side["outlets"])
        if n["type"] == "quantity":
            v = float(n["value"])
            lo = float(n["low"]) if n.get("low") is not None else v
            hi = float(n["high"]) if n.get("high") is not None else v * 1.5
            rows.append((label, side["value"], v, lo, hi))
        elif n["type"] == "date" and n.get("start") and n.get("end"):
            start = dt.date.fromisoformat(n["start"]).toordinal()
            end = dt.date.fromisoformat(n["end"]).toordinal() + 1
            rows.append((label, side["value"], (start + end) / 2, start, end))
    if len(rows) < 2:
        return None
    lo, hi = min(r[3] for r in rows), max(r[4] for r in rows)
    log = conflict["kind"] != "date" and lo > 0 and hi / lo >= 20
    scale = math.log10 if log else float
    a, b = scale(lo), scale(hi)
    pad = (b - a) * 0.08 or 1.0
    a, b = a - pad, b + pad

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(LEFT + (scale(v) - a) / (b - a) * (CHART_WIDTH - LEFT - RIGHT), 1)

    out_rows = [
        {
            "y": ROW * i + ROW // 2 + 6,
            "label": label if len(label) <= 18 else label[:17] + "…",
            "text": text,
            "x": x(v),
            "x1": x(low),
            "x2": max(x(high), x(low) + 2),
            "majority": i == 0,
        }
        for i, (label, text, v, low, high) in enumerate(rows)
    ]
    return {
        "type": "timeline" if conflict["kind"] == "date" else "dots",
        "width": CHART_WIDTH,
        "height": ROW * len(rows) + 8,
        "rows": out_rows,
        "log": log,
    }


def matrix(data: dict) -> dict:
    """Outlet x finding: which outlets side with the best-backed value and which do not."""
    columns = [{"id": c["id"], "topic": c["topic"]} for c in data["conflicts"]]
    outlets = sorted({o for c in data["conflicts"] for s in c["sides"] for o in s["outlets"]})
    rows = []
    for outlet in outlets:
        cells = []
        for c in data["conflicts"]:
            state = ""
            for i, side in enumerate(c["sides"]):
                if outlet in side["outlets"]:
                    state = "agree" if i == 0 else "differ"
            cells.append(state)
        rows.append({"outlet": outlet, "cells": cells})
    return {"columns": columns, "rows": rows}
