"""Shared logic of the rules that compare aligned values (figures and dates)."""

from __future__ import annotations

import datetime as dt

from ..models import Claim, Conflict, DateValue, Quantity, TopicGroup
from .base import (
    PRECISION_RANK,
    RuleContext,
    asserted_elsewhere,
    corroboration_line,
    count_sources,
    group_conflict,
    independent_sides,
    outlets_line,
    split_sides,
)


def value_conflict(
    rule, group: TopicGroup, ctx: RuleContext, render, assess, may_update: bool = False
) -> list[Conflict]:
    """A conflict when an aligned group holds values that do not agree.

    ``render(claim)`` writes a value for the explanation; ``assess(a, b, sides)`` returns
    (severity, confidence factor, note or None) for the two best-backed sides. With
    ``may_update``, a side published in the days after the other is pointed out.
    """
    sides = [tuple(sorted(side, key=_most_precise_first)) for side in split_sides(group.claims)]
    if len(sides) < 2 or not independent_sides(sides, ctx):
        return []
    sides.sort(key=lambda s: (-count_sources(s, ctx), s[0].doc_id, s[0].start))
    # Each other side is weighed against the best-backed one on its own: a side whose outlets
    # also state that value (or the reverse) is an alignment slip, not a contradiction. When
    # every rival of the best-backed side slipped, the next side may still contradict one
    # (a total, and two outlets' different figures for one of its parts).
    for n, first in enumerate(sides[:-1]):
        rivals = [
            s
            for s in sides[n + 1 :]
            if independent_sides([first, s], ctx)
            and not (asserted_elsewhere(first, s, ctx) or asserted_elsewhere(s, first, ctx))
        ]
        if rivals:
            break
    else:
        return []
    sides = [first, *rivals]
    second = rivals[0]
    severity, certainty, note = assess(first[0], second[0], sides)
    counts = corroboration_line(sides, ctx)
    parts = [f"{outlets_line(s, ctx)}: {render(s[0])}" for s in sides]
    explanation = f"{'; '.join(parts)} ({counts})."
    if note:
        explanation += f" {note}."
    if may_update:
        later = _published_later(first, second, ctx) or _published_later(second, first, ctx)
        if later:
            explanation += f" {later}."
    return [group_conflict(rule, group, sides, severity, certainty, explanation, note)]


def _most_precise_first(claim: Claim):
    """A side is shown and judged by its most precise claim: a date with its time and a
    written year before a bare 어제; an exact figure before a hedged one."""
    v = claim.value
    if isinstance(v, DateValue):
        rank = (v.year_inferred, v.time is None, PRECISION_RANK.get(v.precision, 9))
    elif isinstance(v, Quantity):
        rank = (v.hedge is not None, 0, 0)
    else:
        rank = (False, 0, 0)
    return (*rank, claim.doc_id, claim.start)


UPDATE_DAYS = 3  # running news (a death toll) is updated within days; later gaps are not updates


def _published_later(side: tuple[Claim, ...], other: tuple[Claim, ...], ctx: RuleContext) -> str:
    """A note when every article of ``side`` came out after every article of ``other``, and
    within days: in running news (a death toll, a count still rising) the later report may
    be an update."""
    dates = [ctx.published(c) for c in side]
    other_dates = [ctx.published(c) for c in other]
    if not all(dates) or not all(other_dates) or min(dates) <= max(other_dates):
        return ""
    gap = dt.date.fromisoformat(max(dates)) - dt.date.fromisoformat(max(other_dates))
    if gap.days > UPDATE_DAYS:
        return ""
    return (
        f"{outlets_line(side, ctx)} published later ({min(dates)}, the other side by "
        f"{max(other_dates)}): the later report may be an update or a correction"
    )
