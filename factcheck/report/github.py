"""GitHub Actions workflow commands: an annotation on the offending line of each finding.

GitHub shows at most 10 annotations of each level per step; findings beyond that are
summarised in one notice so nothing is silently dropped.
"""

from __future__ import annotations

from ..models import Report
from .json_report import report_dict

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}
PER_LEVEL = 10


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    data = report_dict(report)
    shown: dict[str, int] = {}
    lines, rest = [], 0
    for c in data["conflicts"]:
        level = LEVELS[c["severity"]]
        if shown.get(level, 0) >= PER_LEVEL:
            rest += 1
            continue
        shown[level] = shown.get(level, 0) + 1
        claim = c["claims"][0]
        props = ",".join(
            f"{k}={_escape_property(str(v))}"
            for k, v in (
                ("file", claim["path"]),
                ("line", claim["line"]),
                ("col", claim["column"]),
                ("endColumn", claim["column"] + claim["end"] - claim["start"]),
                ("title", f"factcheck {c['rule']} ({c['severity']})"),
            )
        )
        lines.append(
            f"::{level} {props}::{_escape_data('[' + c['topic'] + '] ' + c['explanation'])}"
        )
    if rest:
        lines.append(
            f"::notice title=factcheck::{rest} more findings not annotated (GitHub shows "
            f"{PER_LEVEL} per level); see the JSON or HTML report"
        )
    for s in data["skipped"]:
        lines.append(
            f"::warning file={_escape_property(s['path'])},title=factcheck skipped input::"
            f"{_escape_data(s['reason'])}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
