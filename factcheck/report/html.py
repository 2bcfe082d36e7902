"""The HTML report: one self-contained page (inline CSS and JS, no network)."""

from __future__ import annotations

import functools
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
    kinds = sorted({c["kind"] for c in data["conflicts"]})
    outlets = sorted({o for c in data["conflicts"] for s in c["sides"] for o in s["outlets"]})
    return {
        "data": data,
        "documents": documents,
        "kinds": kinds,
        "outlets": outlets,
        "version": __version__,
    }


def render_html(report: Report) -> str:
    return _env().get_template("report.html").render(**view_model(report))
