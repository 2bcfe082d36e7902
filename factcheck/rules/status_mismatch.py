from __future__ import annotations

from ..align import known_events, same_event, values_agree
from ..models import Claim, Conflict, DateValue, TopicGroup
from .base import Rule, RuleContext, count_sources, group_conflict, outlets_line


class StatusMismatch(Rule):
    """One outlet reports as done what another, writing the same day or later, calls a plan.

    Catches:
      - 2026년 3월 착공했다 (published 3 April) vs 2026년 3월 착공할 예정이다 (published 10
        April): the later article is stale, or the earlier one is premature.
    Does not catch:
      - a plan reported before it happened (the plan's article is the older one);
      - values that disagree (amount-mismatch and date-mismatch report those);
      - a plan and a completion of different events (착공 vs 준공: predicates must match);
      - a past tense that belongs to a reporting verb (착공한다고 밝혔다 is not done);
      - a forecast (내년 성장률은 1.9%로 예상했다 / 2.9%로 전망): made, not carried out;
      - a day still to come whose verb is past (개통일을 다음 달 18일로 정했다): what was
        done is the setting of the day, not the event;
      - articles without a publication date (their order is unknown), or one source twice;
      - a figure of a period wholly after its page's day told in the past tense (내년 판매
        목표를 50만대로 잡았다): what was done is the setting of the target;
      - a "plan" dated the very day its page is published (18일 … 계획을 확정하고 1200억원을
        투입한다고 밝혔다, on the 18th): the day's news in the tense of the clause it
        leads into, not a stale plan.
    Severity: medium (the fact agrees, its status does not); confidence from the alignment.
    """

    code = "FC401"
    name = "status-mismatch"
    kinds = ("date", "money", "count", "area", "length", "weight", "percent")

    def check_group(self, group: TopicGroup, ctx: RuleContext) -> list[Conflict]:
        if group.kind not in self.kinds:
            return []
        done = [c for c in group.claims if "done" in c.qualifiers]
        planned = [c for c in group.claims if "plan" in c.qualifiers]
        pairs = [
            (d, p)
            for d in done
            for p in planned
            if ctx.source(d) != ctx.source(p)
            and values_agree(d, p)
            and same_event(d, p)
            and not _forecast(d)
            and "future" not in d.qualifiers
            and not _of_a_period_ahead(d, ctx)
            and _written_after(p, d, ctx)
            and not _on_its_own_day(p, ctx)
        ]
        if not pairs:
            return []
        sides = (
            tuple(sorted({d for d, _ in pairs}, key=lambda c: (c.doc_id, c.start))),
            tuple(sorted({p for _, p in pairs}, key=lambda c: (c.doc_id, c.start))),
        )
        done_side, plan_side = sides
        explanation = (
            f"{outlets_line(done_side, ctx)} report {done_side[0].surface} "
            f"({done_side[0].predicate}) as done (published {ctx.published(done_side[0]) or '?'}); "
            f"{outlets_line(plan_side, ctx)}, published {ctx.published(plan_side[0]) or '?'}, "
            f"still call it planned ({count_sources(done_side, ctx)} vs "
            f"{count_sources(plan_side, ctx)}). One side is stale or premature"
        )
        return [group_conflict(self, group, sides, "medium", 0.8, explanation)]


def _forecast(claim: Claim) -> bool:
    """A forecast made (예상했다, 내다봤다) says when it was made, not that the event is."""
    return "forecast" in known_events(claim)


def _written_after(plan: Claim, done: Claim, ctx: RuleContext) -> bool:
    p, d = ctx.published(plan), ctx.published(done)
    return bool(p and d and p >= d)


def _on_its_own_day(plan: Claim, ctx: RuleContext) -> bool:
    """The plan is a date of one day, the day its page was published."""
    value = plan.value
    return (
        isinstance(value, DateValue)
        and value.precision == "day"
        and value.start is not None
        and value.start == ctx.published(plan)
    )


def _of_a_period_ahead(claim: Claim, ctx: RuleContext) -> bool:
    """The figure's period (its scope) starts after its page was published."""
    published = ctx.published(claim)
    return bool(claim.scope and published and claim.scope[0] > published)
