from __future__ import annotations

from ..models import Conflict, DateValue, TopicGroup
from ._figures import value_conflict
from .base import Rule, RuleContext, downgrade


class DateMismatch(Rule):
    """Outlets date the same event differently, at the precision both state.

    Catches:
      - a designation in November (지난해 11월) vs December (12월엔, after 지난해 5월);
      - 2028년 vs 2029년 for one groundbreaking;
      - 오전 9시 30분 vs 오전 10시 30분 for one fire on one day.
    Does not catch:
      - one date written relative to different publication days (다음 주 11일 on 7 Feb,
        지난 11일 on 27 Feb, 11일 on 11 Feb are all 11 Feb);
      - a year against a month inside it (작년 vs 지난해 5월);
      - times of day within a quarter of an hour (9시 30분께 / 9시 40분쯤), or within half an
        hour of a time written to the hour (10시 / 9시 30분);
      - one time of day whose day the sentences do not give, which each article would date to
        the last day it named (오후 7시 5분 출발해, after 15일 밝혔다 / after 다음 달 20일);
      - the day an outlet heard its news (27일 금융투자업계에 따르면 / 26일 다온증권에
        따르면), or an announcement each page dates to its own day of publication (시는
        20일 밝혔다 in a page of the 20th / 22일 밝혔다 in one of the 22nd): each outlet's
        own reporting day, no fact of the story;
      - the days of two figures both outlets give (지난해 8월 20일의 94.5GW, the old
        record / 6일 … 97.1GW, today's);
      - one moment given in local and in Korean time (현지시간 14일 오전 10시 / 한국시간
        15일 0시);
      - dates of different events of one thing (2017년 시작 vs 지난해 5월 개관; 2028년 착공 vs
        2030년 조성): alignment keeps events with different predicates apart.
    Severity: high when months or years differ, medium when only the day or the time of day
    differs (or only the time, when a side's day is not given); one level lower when a
    side's year was inferred from tense rather than written.
    """

    code = "FC201"
    name = "date-mismatch"
    kinds = ("date",)

    def check_group(self, group: TopicGroup, ctx: RuleContext) -> list[Conflict]:
        if group.kind != "date":
            return []

        def assess(a, b, sides):
            da, db = a.value, b.value
            assert isinstance(da, DateValue) and isinstance(db, DateValue)
            same_month = da.year == db.year and da.month == db.month and da.month is not None
            # a time whose day its sentence does not give (day_assumed) differs in its time
            times_only = "day_assumed" in a.qualifiers | b.qualifiers and da.time and db.time
            severity = "medium" if same_month or times_only else "high"  # a day or a time apart
            certainty = 1.0
            if da.year_inferred or db.year_inferred:
                severity, certainty = downgrade(severity), 0.7
            return severity, certainty, None

        return value_conflict(self, group, ctx, _render, assess)


def _render(claim) -> str:
    value = claim.value
    if value.precision == "half" and value.start and value.end and not value.month:
        return f"{claim.surface} ({value.start[:7]}..{value.end[:7]})"  # 1~3월, 상반기
    if value.time and "day_assumed" in claim.qualifiers:
        return f"{claim.surface} ({value.time})"  # its day is its article's guess, not said
    return f"{claim.surface} ({value.iso()}{' ' + value.time if value.time else ''})"
