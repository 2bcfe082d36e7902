"""Plain text: one line per finding, linter style (path:line:col: severity rule message)."""

from __future__ import annotations

from ..models import Report
from .json_report import report_dict


def render_text(report: Report) -> str:
    data = report_dict(report)
    if report.draft is not None:
        return _draft_lines(data, report.draft)
    lines = []
    for c in data["conflicts"]:
        first = c["claims"][0]
        others = "; ".join(
            f"{', '.join(s['outlets'])}: {value}" for s, value in zip(c["sides"], _side_values(c))
        )
        lines.append(
            f"{first['path']}:{first['line']}:{first['column']}: {c['severity']} {c['rule']} "
            f"[{c['topic']}] {others} ({c['corroboration']})"
        )
    for s in data["skipped"]:
        lines.append(f"{s['path']}: skipped: {s['reason']}")
    for w in data["warnings"]:
        lines.append(f"{w['path']}: warning: {w['reason']}")
    n = data["summary"]
    lines.append(
        f"{n['conflicts']} conflicts ({n['by_severity']['high']} high, {n['by_severity']['medium']} medium, "
        f"{n['by_severity']['low']} low) in {n['documents']} articles; {n['skipped']} skipped"
    )
    return "\n".join(lines) + "\n"


def _draft_lines(data: dict, draft: str) -> str:
    """draft.md:12:5: high place-near-miss 양복 도매시장 — 2 outlets say 양곡도매시장 (산업일보 2025-02-11, …)"""
    lines = []
    for c in data["conflicts"]:
        mine = [cl for cl in c["claims"] if cl["doc"] == draft]
        for claim in mine:
            others = []
            for side in c["sides"]:
                if draft in side["documents"]:
                    continue
                backers = [cl for cl in c["claims"] if cl["side"] == c["sides"].index(side)]
                seen, cites = set(), []
                for cl in backers:
                    name = cl["outlet"] or cl["doc"]
                    if name not in seen:
                        seen.add(name)
                        cites.append(f"{name} {cl['published']}" if cl["published"] else name)
                n = side["sources"]
                others.append(
                    f"{_outlets(n)} {'say' if n != 1 else 'says'} {side['value']} ({', '.join(cites)})"
                )
            agree = next(s["sources"] - 1 for s in c["sides"] if draft in s["documents"])
            note = (
                f"; {_outlets(agree)} {'agree' if agree != 1 else 'agrees'} with the draft"
                if agree
                else ""
            )
            lines.append(
                f"{claim['path']}:{claim['line']}:{claim['column']}: {c['severity']} {c['rule']} "
                f"{claim['value']} — {'; '.join(others)}{note}"
            )
    lines.append(f"{len(lines)} finding{'s' if len(lines) != 1 else ''} in the draft")
    return "\n".join(lines) + "\n"


def _side_values(conflict: dict) -> list[str]:
    """Each side's value as written; when every side writes the same one (a rise and a fall
    of 5.2%, one date done and planned), with the verb that tells the sides apart."""
    values = [s["value"] for s in conflict["sides"]]
    if len(set(values)) > 1:
        return values
    verbs = {}
    for claim in conflict["claims"]:
        verbs.setdefault(claim["side"], claim["predicate"])
    return [f"{v} ({verbs[i]})" if verbs.get(i) else v for i, v in enumerate(values)]


def _outlets(n: int) -> str:
    return f"{n} outlet{'s' if n != 1 else ''}"
