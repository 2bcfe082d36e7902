"""Plain text: one line per finding, linter style (path:line:col: severity rule message)."""

from __future__ import annotations

from ..models import Report
from .json_report import report_dict


def render_text(report: Report) -> str:
    data = report_dict(report)
    lines = []
    for c in data["conflicts"]:
        first = c["claims"][0]
        others = "; ".join(f"{', '.join(s['outlets'])}: {s['value']}" for s in c["sides"])
        lines.append(
            f"{first['path']}:{first['line']}:{first['column']}: {c['severity']} {c['rule']} "
            f"[{c['topic']}] {others} ({c['corroboration']})"
        )
    for s in data["skipped"]:
        lines.append(f"{s['path']}: skipped: {s['reason']}")
    n = data["summary"]
    lines.append(
        f"{n['conflicts']} conflicts ({n['by_severity']['high']} high, {n['by_severity']['medium']} medium, "
        f"{n['by_severity']['low']} low) in {n['documents']} articles; {n['skipped']} skipped"
    )
    return "\n".join(lines) + "\n"
