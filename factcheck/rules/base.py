"""What every conflict rule shares: the context it sees and how sides are formed.

A rule is a small class with a stable ``code`` and ``name`` (never renamed once released),
a docstring that says what it catches and what it must not catch, and one method:

- ``check_group(group, ctx)`` for rules over aligned topic groups (figures, dates);
- ``check_story(claims, ctx)`` for rules that find their own pairs (near-miss names).
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass

from ..align import (
    Settings,
    different_list_items,
    figures_by_sentence,
    pair_similarity,
    same_telling_figure,
    values_agree,
)
from ..models import Claim, Conflict, DateValue, Document, NameValue, Quantity, TopicGroup
from ..reconcile import of_other_people

SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class RuleContext:
    story: str
    documents: dict[str, Document]
    story_claims: tuple[Claim, ...]
    vectors: dict[str, dict[str, float]]
    repost_group: dict[str, str]
    settings: Settings

    def source(self, claim: Claim) -> str:
        """The independent source a claim counts for: its repost group (reposts count once)."""
        return self.repost_group.get(claim.doc_id, claim.doc_id)

    def published(self, claim: Claim) -> str | None:
        """The publication date (YYYY-MM-DD) of the claim's article, when known."""
        return self.documents[claim.doc_id].published

    def outlet(self, claim: Claim) -> str:
        doc = self.documents[claim.doc_id]
        return doc.outlet or doc.id

    def similarity(self, a: Claim, b: Claim) -> float:
        return pair_similarity(a, b, self.vectors.get(a.id, {}), self.vectors.get(b.id, {}))

    @functools.cached_property
    def figures_by_sentence(self) -> dict[tuple[str, int], list[Claim]]:
        """The story's figures of each sentence, worked out once for all the rules' asks."""
        return figures_by_sentence(self.story_claims, minimum=0)


class Rule:
    code = "FC000"
    name = "rule"
    kinds: tuple[str, ...] = ()

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    def check_group(self, group: TopicGroup, ctx: RuleContext) -> list[Conflict]:
        return []

    def check_story(self, claims: tuple[Claim, ...], ctx: RuleContext) -> list[Conflict]:
        return []


def split_sides(claims: tuple[Claim, ...]) -> list[tuple[Claim, ...]]:
    """Group claims into sides of mutually agreeing values (greedy, deterministic)."""
    sides: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (_sort_value(c), c.doc_id, c.start)):
        fits = [side for side in sides if all(values_agree(c, o) for o in side)]
        # a hedged figure that fits two sides (최대 1.75%p: 1.50%p and 1.75%p) joins the one
        # that states its own figure
        same = [side for side in fits if any(_sort_value(o) == _sort_value(c) for o in side)]
        if same or fits:
            (same or fits)[0].append(c)
        else:
            sides.append([c])
    # a date that fits two sides (내년 beside 내년 3월 1일 and 내년 3월 2일) backs neither
    neutral = {
        c.id
        for side in sides
        if len(side) > 1
        for c in side
        if isinstance(c.value, DateValue)
        and any(o is not side and all(values_agree(c, x) for x in o) for o in sides)
    }
    kept = [tuple(c for c in s if c.id not in neutral) for s in sides]
    return [s for s in kept if s]


def _sort_value(c: Claim) -> float:
    v = c.value
    if hasattr(v, "value"):
        return float(v.value)
    if hasattr(v, "start") and v.start:
        return float(v.start.replace("-", ""))
    return 0.0


def independent_sides(sides: list[tuple[Claim, ...]], ctx: RuleContext) -> bool:
    """True when at least two sides are backed by different sources (not one article twice)."""
    sources = [{ctx.source(c) for c in side} for side in sides]
    return any(
        sources[i] - sources[j] and sources[j] - sources[i]
        for i in range(len(sides))
        for j in range(i + 1, len(sides))
    )


def asserted_elsewhere(side: tuple[Claim, ...], other: tuple[Claim, ...], ctx: RuleContext) -> bool:
    """Every source of ``other`` also states ``side``'s value about a similar thing.

    Then those outlets state both values (작년 and 오는 10월; a part and its total) and the
    other side's outlet states one of them: the pairing slipped, nobody is contradicted.
    A date states another only at the same precision: the day 1 November (밝혔다) does not
    state the month of November (11월 수출), though it falls in it; a day (어제) does not
    state a time on it (오후 3시 40분).
    """
    threshold = ctx.settings.min_similarity * 0.5
    # what the side states: its exact figures, when it has any (최대 1.75%p beside 1.75%p
    # states 1.75, not everything below it)
    exact = [c for c in side if isinstance(c.value, Quantity) and c.value.low == c.value.high]
    # ... and its most precise dates (3월 1일 beside another outlet's 내년 states the day: an
    # article giving 내년 and 3월 2일 does not state it)
    finest = [c for c in side if isinstance(c.value, DateValue)]
    if finest:
        rank = min(PRECISION_RANK.get(c.value.precision, 9) for c in finest)
        finest = [c for c in finest if PRECISION_RANK.get(c.value.precision, 9) == rank]
    side = tuple(exact) or tuple(finest) or side
    for src in {ctx.source(c) for c in other}:
        found = False
        for cand in ctx.story_claims:
            if ctx.source(cand) != src or cand.kind != side[0].kind:
                continue
            if any(
                values_agree(cand, s)
                and not _bound_only(cand, s)
                and _same_precision(cand, s)
                and not different_list_items(cand, s)  # 청소년 3000원 / 성인 3000원
                and (
                    cand.id == s.id
                    or same_telling_figure(cand, s)  # 22만4천명 in both: one fact
                    or ctx.similarity(cand, s) >= threshold
                )
                for s in side
            ):
                found = True
                break
        if not found and not _states_as_parts(
            [c for c in other if ctx.source(c) == src], side, ctx
        ):
            return False
    return True


def _states_as_parts(mine: list[Claim], side: tuple[Claim, ...], ctx: RuleContext) -> bool:
    """The sentence of one of ``mine`` states ``side``'s figure beside it, or lists figures
    of its kind whose sum is that figure: "72대가 모두 탔고 70여대가 그을렸다" states the
    140여대 cars another outlet counts as burnt or scorched, part by part (hedges widen the
    sum as they widen a figure), and "72대가 전소되고 70여대가 그을리는 등 140여대가 피해를
    입었다" states it outright. Not a list whose sum misses the figure, nor a single figure."""
    for c in mine:
        q = c.value
        if not isinstance(q, Quantity):
            continue
        figures = [
            x
            for x in ctx.figures_by_sentence.get((c.doc_id, c.sentence_index), ())
            if x.kind == c.kind and x.value.unit == q.unit and "change" not in x.qualifiers
        ]
        for s in side:
            t = s.value
            if not isinstance(t, Quantity) or t.unit != q.unit:
                continue
            # the parts: the sentence's figures but the total itself, if it gives it too, and
            # those of other people (2명이 숨지고 5명이 다쳤다: the dead are no part of 7
            # injured)
            parts = [x for x in figures if not values_agree(x, s) and not of_other_people(x, s)]
            if len(parts) < 2 or c not in parts:
                continue
            if all(x.subject for x in parts) and s.subject in {x.subject for x in parts}:
                continue  # 성인 5000원 vs "성인 3000원, 청소년 2000원": an item, not a total
            low, high = sum(x.value.low for x in parts), sum(x.value.high for x in parts)
            if low <= t.high and t.low <= high:
                return True
    return False


def _bound_only(cand: Claim, s: Claim) -> bool:
    """``cand`` only bounds ``s``'s figure: a one-sided bound (최대 80억원, 3000명 이상) holds
    every figure on its side but states none of them but its own, and so does a band
    (1000만명대, 3만원대). An article giving 총액 최대 80억원 does not state a 42억원 salary,
    nor one saying 고령인구가 1000만명대에 올라섰다 an elderly population of 1051만명."""
    qc, qs = cand.value, s.value
    if not isinstance(qc, Quantity) or not isinstance(qs, Quantity):
        return False
    # an interval open to one side: up to (low 0) or from (high unbounded); an exact
    # figure below zero (영하 12.3도) is no bound
    one_sided = qc.low != qc.high and (qc.low == 0.0 or qc.high == math.inf)
    return (one_sided or qc.hedge == BAND_HEDGE) and qc.value != qs.value


BAND_HEDGE = "대"  # 1000만명대: every figure from 1000만 up to the next lead digit


# the precisions of a date, finest first
PRECISION_RANK = {"day": 0, "week": 1, "part_of_month": 2, "month": 3, "half": 4, "year": 5}


def _same_precision(a: Claim, b: Claim) -> bool:
    """Dates written to the same precision: the day and whether a time of day is given."""

    def precision(c: Claim):
        return getattr(c.value, "precision", None), getattr(c.value, "time", None) is not None

    return precision(a) == precision(b)


def outlets_line(side: tuple[Claim, ...], ctx: RuleContext) -> str:
    names = sorted({ctx.outlet(c) for c in side})
    return ", ".join(names)


def count_sources(side: tuple[Claim, ...], ctx: RuleContext) -> int:
    """Distinct outlets backing a side (reposts and an outlet's second article count once)."""
    return len({outlet_key(ctx.documents[c.doc_id], ctx.source(c)) for c in side})


def outlet_key(doc: Document, source: str) -> str:
    return f"outlet:{doc.outlet}" if doc.outlet else f"source:{source}"


def conflict_id(rule: str, claims: list[Claim]) -> str:
    return hashlib.sha1((rule + "|" + "|".join(sorted(c.id for c in claims))).encode()).hexdigest()[
        :12
    ]


def group_conflict(
    rule: Rule,
    group: TopicGroup,
    sides,
    severity: str,
    certainty: float,
    explanation: str,
    reconciliation: str | None = None,
) -> Conflict:
    """A conflict over an aligned group: confidence is 0.5 + 0.5 × the group's similarity,
    times the rule's own certainty."""
    claims = [c for side in sides for c in side]
    return Conflict(
        id=conflict_id(rule.name, claims),
        rule=rule.name,
        kind=group.kind,
        topic=group.topic,
        severity=severity,
        confidence=round(min(1.0, 0.5 + 0.5 * min(1.0, group.similarity)) * certainty, 2),
        explanation=explanation,
        sides=tuple(sides),
        reconciliation=reconciliation,
    )


def corroboration_line(sides, ctx: RuleContext) -> str:
    """ "2 outlets vs 1 outlet": the distinct outlets behind each side."""
    return " vs ".join(
        f"{n} outlet{'s' if n > 1 else ''}" for n in (count_sources(s, ctx) for s in sides)
    )


class NameMentions:
    """The mentions of one kind of name (place, person) in a story: by spelling, and the
    spellings each article uses."""

    def __init__(self, claims: tuple[Claim, ...], kind: str) -> None:
        self.claims = [c for c in claims if c.kind == kind and isinstance(c.value, NameValue)]
        self.by_key: dict[str, list[Claim]] = defaultdict(list)
        self.keys_by_doc: dict[str, set[str]] = defaultdict(set)
        for c in self.claims:
            self.by_key[c.value.key].append(c)
            self.keys_by_doc[c.doc_id].add(c.value.key)

    def sides(self, keys, ctx: RuleContext) -> tuple[tuple[Claim, ...], ...]:
        """One side per spelling, made of every mention of it in the story (corroboration),
        the side with more outlets first."""
        sides = [tuple(sorted(self.by_key[k], key=lambda c: (c.doc_id, c.start))) for k in keys]
        return tuple(sorted(sides, key=lambda s: (-count_sources(s, ctx), s[0].doc_id)))


def name_conflict(
    rule: Rule,
    kind: str,
    topic: str,
    sides: tuple[tuple[Claim, ...], ...],
    written: list[str],
    difference: str,
    confidence: float,
    verdict: str,
    ctx: RuleContext,
) -> Conflict:
    """A high-severity conflict between names given for one thing: each side's outlets and
    how it is ``written``, the outlet counts, and how the names differ."""
    counts = corroboration_line(sides, ctx)
    parts = "; ".join(f"{outlets_line(s, ctx)}: {w}" for s, w in zip(sides, written))
    return Conflict(
        id=conflict_id(rule.name, [c for s in sides for c in s]),
        rule=rule.name,
        kind=kind,
        topic=topic,
        severity="high",
        confidence=confidence,
        explanation=f"{parts} ({counts}). {difference}{verdict}",
        sides=sides,
        reconciliation=None,
    )


def downgrade(severity: str) -> str:
    return SEVERITIES[max(0, SEVERITIES.index(severity) - 1)]
