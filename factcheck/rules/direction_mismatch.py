from __future__ import annotations

import re

from ..align import claim_events, same_measure, values_agree
from ..models import Claim, Conflict, TopicGroup
from .base import Rule, RuleContext, corroboration_line, group_conflict, outlets_line


class DirectionMismatch(Rule):
    """Outlets give one change the same size and opposite directions.

    Catches:
      - 대중국 수출이 5.2% 줄었다 vs 5.2% 늘었다 (the same month, the same measure): one
        outlet has the direction wrong, which no figure check sees, since the sizes agree.
    Does not catch:
      - changes of different sizes (amount-mismatch compares those, and two changes of
        different sizes and directions are two facts);
      - changes of two measures (수출은 5.2% 늘고 수입은 5.2% 줄었다: the marked measures
        differ) or of two periods (지난달 5% 늘었다가 이달 5% 줄었다);
      - one source both ways (an article, or its reposts);
      - the level a change reached (112억 달러로 5.2% 늘었다 / 112억 달러로 5.2% 감소했다:
        112억 달러 is where exports stand, whichever way they went).
    Severity: high (a rise reported as a fall misleads whatever the size); confidence from
    the alignment.
    """

    code = "FC102"
    name = "direction-mismatch"
    kinds = ("percent", "percent_point", "money", "count", "multiple")

    def check_group(self, group: TopicGroup, ctx: RuleContext) -> list[Conflict]:
        if group.kind not in self.kinds:
            return []
        changes = [c for c in group.claims if _a_change(c, ctx)]
        rises = [c for c in changes if _direction(c) == "increase"]
        falls = [c for c in changes if _direction(c) == "decrease"]
        pairs = [
            (r, f)
            for r in rises
            for f in falls
            if ctx.source(r) != ctx.source(f) and values_agree(r, f) and _one_change(r, f)
        ]
        if not pairs:
            return []
        sides = tuple(
            tuple(sorted({x[i] for x in pairs}, key=lambda c: (c.doc_id, c.start))) for i in (0, 1)
        )
        rise, fall = sides
        explanation = (
            f"{outlets_line(rise, ctx)} report a rise of {rise[0].surface} "
            f"({rise[0].predicate}); {outlets_line(fall, ctx)} a fall of the same size "
            f"({fall[0].predicate}) ({corroboration_line(list(sides), ctx)}). One side has the "
            "direction wrong"
        )
        return [group_conflict(self, group, sides, "high", 0.8, explanation)]


def _a_change(claim: Claim, ctx: RuleContext) -> bool:
    """The figure is the size of a change, not the level it reached: a rate (5.2% 늘었다)
    or a figure marked as a change (19만명 증가), not one followed by 로 (112억 달러로 5.2%
    늘었다: 112억 달러 is where exports stand)."""
    text = ctx.documents[claim.doc_id].text
    if _LEVEL_RE.match(text, claim.end):
        return False
    return claim.kind in ("percent", "percent_point") or "change" in claim.qualifiers


_LEVEL_RE = re.compile(r"\s?으?로(?![가-힣])")


def _direction(claim: Claim) -> str | None:
    """ "increase" or "decrease" when the claim's predicate says which, else None."""
    found = claim_events(claim) & {"increase", "decrease"}
    return next(iter(found)) if len(found) == 1 else None


def _one_change(a: Claim, b: Claim) -> bool:
    """Nothing tells the two changes apart: no two marked measures, no two periods."""
    if (
        a.marked_subject
        and b.marked_subject
        and not same_measure(a.marked_subject, b.marked_subject)
    ):
        return False
    return not (a.scope and b.scope and a.scope != b.scope)
