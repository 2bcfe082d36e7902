from __future__ import annotations

import functools
from collections import defaultdict
from itertools import combinations

from ..align import known_events
from ..claims import vocabulary_words
from ..data import load
from ..models import Claim, Conflict, NameValue
from ..normalize.korean import one_jamo_apart
from .base import NameMentions, Rule, RuleContext, name_conflict
from .place_near_miss import canonical_name, context_overlap


class PlaceMismatch(Rule):
    """Outlets name different places of one kind for the same event of the story.

    Catches:
      - 김해공항 vs 김포공항 as the airport one flight diverted to: two names with the same
        head noun (공항), each the only one of that head its article gives for that event
        (착륙, 회항), in contexts alike, and neither article naming the other place at all;
      - 고양종합운동장 vs 수원월드컵경기장 as where one match is held: heads of one kind of
        place (``[names] kinds``: 운동장 / 경기장) count as one head.
    Does not catch:
      - names one letter apart (place-near-miss reports those as slips);
      - one name written shorter or longer (인천공항 / 인천국제공항: one modifier holds the
        other) or a configured alias;
      - places of different events (인천공항 출발 / 김해공항 착륙), or of no event the
        vocabulary knows (a verb alone says too little about which place is meant);
      - an article that names both places, or two places of that head for the event (a
        second site, a comparison, a route);
      - a place at two granularities (삼성동 코엑스 / 강남구 코엑스: no common head);
      - one thing described in two ways (공동 투자 기금 / 반도체 기금), where each article
        has the other's words somewhere;
      - mentions in contexts that share too little (below ``min_similarity``).
    Severity: high (a wrong place in print); confidence grows with the shared context.
    """

    code = "FC303"
    name = "place-mismatch"
    kinds = ("place",)

    def check_story(self, claims: tuple[Claim, ...], ctx: RuleContext) -> list[Conflict]:
        mentions = NameMentions(claims, "place")
        # blocking: one head noun and one event class; each article's names there
        by_event: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        members: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
        for c in mentions.claims:
            if len(c.value.key) - len(c.value.head) < 2 or not c.value.key.endswith(c.value.head):
                continue  # a bare head (공항) or a one-syllable modifier says too little
            for event in known_events(c):
                kind = place_kind(c.value.head)
                by_event[(kind, event)][ctx.source(c)].add(c.value.key)
                members[(kind, event, c.value.key)].append(c)
        found: dict[frozenset[str], tuple[float, Claim, Claim]] = {}
        for (kind, event), names in sorted(by_event.items()):
            # the one name each source gives the event; a source giving two says nothing
            only = {src: next(iter(keys)) for src, keys in names.items() if len(keys) == 1}
            for key_a, key_b in combinations(sorted(set(only.values())), 2):
                first_a, first_b = (
                    members[(kind, event, key_a)][0],
                    members[(kind, event, key_b)][0],
                )
                if not _two_names(first_a.value, first_b.value, ctx):
                    continue
                for a in members[(kind, event, key_a)]:
                    for b in members[(kind, event, key_b)]:
                        if (
                            ctx.source(a) == ctx.source(b)
                            or only.get(ctx.source(a)) != key_a
                            or only.get(ctx.source(b)) != key_b
                            or key_b in mentions.keys_by_doc[a.doc_id]
                            or key_a in mentions.keys_by_doc[b.doc_id]
                            or _words_shared(a, b, ctx)
                        ):
                            continue  # an article naming both places, or both wordings
                        sim = context_overlap(a, b, ctx)
                        pair = frozenset((key_a, key_b))
                        if sim >= ctx.settings.min_similarity and sim > found.get(pair, (0.0,))[0]:
                            found[pair] = (sim, a, b)
        out = []
        for pair in sorted(found, key=sorted):
            sim, a, b = found[pair]
            sides = mentions.sides(sorted(pair), ctx)
            out.append(
                name_conflict(
                    self,
                    "place",
                    f"{a.value.head} ({a.predicate})",
                    sides,
                    [s[0].surface for s in sides],
                    f"Different {a.value.head} for the same event ({a.predicate} / {b.predicate})",
                    round(min(1.0, 0.5 + 0.5 * sim), 2),
                    ": one of them is probably wrong",
                    ctx,
                )
            )
        return out


@functools.cache
def place_kind(head: str) -> str:
    """The kind of place a head noun names: the first word of its ``[names] kinds`` list
    (운동장 -> 경기장), else the head itself."""
    for words in load("vocabulary")["names"].get("kinds", ()):
        if head in words:
            return words[0]
    return head


def _two_names(a: NameValue, b: NameValue, ctx: RuleContext) -> bool:
    """Two names, not one written two ways: not one letter apart (a slip, the near-miss
    rule's), neither modifier (the name before its own head) holding the other (인천 /
    인천국제; 가람대학 / 가람대학교), no alias of the other."""
    if one_jamo_apart(a.key, b.key) is not None:
        return False
    mod_a, mod_b = a.key[: -len(a.head)], b.key[: -len(b.head)]
    if mod_a in mod_b or mod_b in mod_a:
        return False
    return canonical_name(a.key, ctx) != canonical_name(b.key, ctx)


def _words_shared(a: Claim, b: Claim, ctx: RuleContext) -> bool:
    """A word of one name's modifier is somewhere in the other article: one thing described
    two ways (공동 투자 기금 / 반도체 기금, each article saying 반도체 and 공동 투자), or name
    spans that run into the words before (추석 연휴 인천국제공항 / 추석 연휴 열흘 동안 인천공항)."""
    text_a, text_b = ctx.documents[a.doc_id].text, ctx.documents[b.doc_id].text
    return any(w in text_b for w in _modifier_words(a)) or any(
        w in text_a for w in _modifier_words(b)
    )


def _modifier_words(claim: Claim) -> set[str]:
    """The words of a name before its head noun (김해 of 김해공항), but for words many
    names of one kind share (종합운동장, 국제공항)."""
    head, shared = claim.value.head, vocabulary_words("names", "shared_modifiers")
    return {p for p in claim.value.parts if p not in head and p not in shared}
