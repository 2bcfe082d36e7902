from __future__ import annotations

from ..align import COMPARABLE_KINDS
from ..models import Conflict, Quantity, TopicGroup
from ..reconcile import explain, fmt
from ._figures import value_conflict
from .base import Rule, RuleContext

RATE_UNITS = frozenset(("%", "%p"))


def _render(claim) -> str:
    """'5천억 원 (5000억원)'; the reading is left out when it only repeats the text (72%). A
    running count of days is shown with the day it is told on (사흘째 (on 2026-11-26)):
    only counts of one day are compared."""
    if claim.kind == "duration" and claim.scope and claim.scope[0] == claim.scope[1]:
        return f"{claim.surface} (on {claim.scope[0]})"
    reading = fmt(claim.value)
    same = "".join(reading.split()).replace(",", "") == "".join(claim.surface.split()).replace(
        ",", ""
    )
    return claim.surface if same else f"{claim.surface} ({reading})"


class AmountMismatch(Rule):
    """Outlets give different figures for the same attribute of the same thing.

    Catches:
      - 5조 vs 5000억 for the size of one fund (explained, and downgraded, when one outlet
        states the share: "그중 10분의 1인 5천억");
      - 40만㎡ vs 30만㎡ for one site; 1만명 vs 1천명 trained a year;
      - a driver aged 68세 vs 63세 (also written A씨(68));
      - a low of 영하 12.3도 vs 영하 13.2도; a competition ratio of 85.3대 1 vs 58.3대 1;
        an earthquake of 규모 4.3 vs 규모 4.5; a match won 3-1 vs 3-2;
      - the longest of several delays, 최대 52분 vs 최대 25분 (two maxima are two figures;
        최대 52분 against a plain 25분 is a bound that holds it).
    Does not catch:
      - one amount written two ways: 5천억 = 5000억원 = 5,000억 원 = 오천억 원;
        영하 12.3도 = -12.3℃;
      - hedged figures whose ranges overlap: 약 5조 vs 5조 2천억, 3000명 이상 vs 3500명;
      - a figure rounded to the decimals it is written with: 312대 1 vs 312.4대 1, 2.6% vs
        2.63% (not 2% vs 2.25%, nor 2.00% vs 2.25%);
      - changes against different earlier periods: 전월보다 0.05%p vs 1년 전보다 0.12%p;
      - a count beside the other article's own count of the same casualties (4명이 다쳤다
        vs 30여명이 작업 중이었다, where that article says 3명이 부상을 입었다);
      - parts and their total that every outlet states alike (연 4000명 + 연 6000명 = 1만명);
      - figures about different things or attributes (27만㎡ floor area vs 40만㎡ site land;
        누적 3000명 vs 매년 4천명; 입주 기업 100개 over five years vs 80개 now);
      - a running count of days told on different days (a strike 사흘째 on the 26th, 나흘째
        on the 27th): each is a figure of its day; 사흘째 vs 나흘째 on one day is caught.
    A side published within three days after the other is pointed out: in running news a
    later figure (a death toll) may be an update.
    Severity: high when the figures differ by 20% or more, medium from 5%, else low (a
    percentage: at least medium, 43% vs 44%; an earthquake's magnitude: high from 0.5
    apart, else medium; a match result: high); a stated share, a sum of parts or a currency
    conversion lowers it to low, a plain ratio (twice, half) by one level; a power-of-ten
    gap stays high (a likely unit slip); two swapped digits (17만3412 vs 17만4312) or one
    mistyped (336조5000억 vs 326조5000억) are at least medium (a typing slip, however close).
    """

    code = "FC101"
    name = "amount-mismatch"
    kinds = tuple(k for k in COMPARABLE_KINDS if k != "date")  # every kind of figure

    def check_group(self, group: TopicGroup, ctx: RuleContext) -> list[Conflict]:
        if group.kind not in self.kinds:
            return []

        def assess(a, b, sides):
            qa, qb = a.value, b.value
            assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
            gap = abs(qa.value - qb.value) / max(abs(qa.value), abs(qb.value), 1e-9)
            severity = "high" if gap >= 0.2 else "medium" if gap >= 0.05 else "low"
            if severity == "low" and qa.unit in RATE_UNITS:
                # a rate's gap is its points, not its share of the rate: 43% vs 44% is a
                # whole point of a pension, not 2% of one (a rounding is no conflict at all)
                severity = "medium"
            if group.kind == "magnitude":  # a logarithmic scale: 4.3 vs 4.5 is no small gap
                severity = "high" if abs(qa.value - qb.value) >= 0.5 else "medium"
            elif group.kind == "score":  # any other result is another match
                severity = "high"
            note = explain(a, b, ctx.story_claims)
            if note:
                if "unit slip" in note:
                    pass
                elif "typing slip" in note:
                    # a typing slip is an error however close the figures: never low
                    severity = "high" if severity == "high" else "medium"
                elif any(w in note for w in ("share", "sum of the parts", "converted")):
                    severity = "low"
                else:
                    severity = "medium" if severity == "high" else "low"
            return severity, 1.0, note

        return value_conflict(self, group, ctx, _render, assess, may_update=True)
