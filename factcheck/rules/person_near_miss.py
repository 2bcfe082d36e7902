from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..models import Claim, Conflict
from ..normalize.korean import one_jamo_apart
from .base import NameMentions, Rule, RuleContext, name_conflict


class PersonNearMiss(Rule):
    """Outlets spell one person's name one letter apart.

    Catches:
      - 박영희 후보 vs 박영의 후보 in one story (one letter apart, same surname, same title):
        one spelling is probably wrong, and a wrong name in print is a correction.
    Does not catch:
      - names of different lengths or more than one letter apart (김철수 / 김철호민);
      - different surnames (김철수 / 이철수: two people, not a slip);
      - the same name under different titles (박영희 후보 / 박영의 교수: two people);
      - two spellings that appear together in one article (two people, or the outlet itself
        wavers: nothing to set against another outlet);
      - a surname alone (김 후보) or a reporter's byline (정하린 기자).
    Severity: high (a wrong name in print); confidence 0.7, 0.8 when the mentions share
    their context.
    """

    code = "FC302"
    name = "person-near-miss"
    kinds = ("person",)

    def check_story(self, claims: tuple[Claim, ...], ctx: RuleContext) -> list[Conflict]:
        mentions = NameMentions(claims, "person")
        # blocking: a slip keeps the surname, the length and the title
        blocks: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        for c in mentions.claims:
            blocks[(c.value.key[0], len(c.value.key), c.value.head)].add(c.value.key)
        out = []
        for block in sorted(blocks):
            for a, b in combinations(sorted(blocks[block]), 2):
                diff = one_jamo_apart(a, b)
                if diff is None or any({a, b} <= keys for keys in mentions.keys_by_doc.values()):
                    continue
                sides = mentions.sides((a, b), ctx)
                if {ctx.source(c) for c in sides[0]} == {ctx.source(c) for c in sides[1]}:
                    continue  # one source spelling it both ways (in two of its articles)
                shared = any(
                    ctx.similarity(x, y) >= ctx.settings.min_similarity
                    for x in sides[0]
                    for y in sides[1]
                )
                out.append(
                    name_conflict(
                        self,
                        "person",
                        f"{block[2]} 이름",
                        sides,
                        [f"{s[0].value.key} {s[0].value.head}" for s in sides],
                        f"The names differ by one letter ({diff[0]}/{diff[1]})",
                        0.8 if shared else 0.7,
                        ": one spelling is probably wrong",
                        ctx,
                    )
                )
        return out
