from __future__ import annotations

from collections import defaultdict

from ..align import cosine, features, figures_by_sentence, same_event, share_a_figure
from ..models import Claim, Conflict, DateValue
from ..normalize.korean import is_hangul_syllable, one_jamo_apart
from .base import NameMentions, Rule, RuleContext, name_conflict

# Vowel pairs that loanword spelling swaps freely (컨퍼런스/콘퍼런스, 메세지/메시지).
_VARIANT_VOWELS = {
    frozenset("ㅓㅗ"),
    frozenset("ㅔㅐ"),
    frozenset("ㅡㅜ"),
    frozenset("ㅕㅛ"),
    frozenset("ㅖㅔ"),
}


LONG_MODIFIER = 3  # 청년취업|사관학교, 컨트롤|타워: long enough that a one-letter twin is a slip


class PlaceNearMiss(Rule):
    """Outlets name the same place or facility with words one letter apart.

    Catches:
      - 양복 도매시장 vs 양곡도매시장 for one site (one initial consonant apart, both real
        words, so a spell checker passes both): one side is probably a transcription error;
      - a short name slipped in a sentence worded differently but stating the same figure
        (1.2조 원 ... 연구시설 / 1조2000억원 ... 연부시설), or the same day of the same event
        (별빛도서관이 다음 달 12일 문을 연다 / 별빗도서관은 다음 달 12일 개관한다).
    Does not catch:
      - spacing or Latin-case variants of one name (서울AI허브 / 서울 AI 허브, KTAIlab / KT AI lab);
      - loanword vowel variants (컨퍼런스 / 콘퍼런스);
      - short names that happen to be close but are used in unrelated sentences (mentions
        must share their context, or their sentences a figure of 10 or more stated alike,
        unless the part before the head has 3 or more characters);
      - names that differ by more than one letter (양곡 vs 양재) or only in a one-syllable word;
      - two forms that appear together in one article (the outlet itself uses both).
    Severity: high (a wrong name in print); confidence grows with the shared context.
    """

    code = "FC301"
    name = "place-near-miss"
    kinds = ("place",)

    def check_story(self, claims: tuple[Claim, ...], ctx: RuleContext) -> list[Conflict]:
        mentions = NameMentions(claims, "place")
        forms_by_doc = mentions.keys_by_doc  # spellings each article uses
        # blocking: names with the same head and length, keyed with one syllable of the
        # modifier masked (spacing-free, so it does not matter how kiwipiepy split a typo)
        index: dict[tuple, list[Claim]] = defaultdict(list)
        for c in mentions.claims:
            key, head = c.value.key, c.value.head
            modifier = len(key) - len(head)
            if modifier < 2 or not key.endswith(head):
                continue  # 오 시장 vs 조 시장: a one-syllable word is too short to call a slip
            for i in range(modifier):
                if is_hangul_syllable(key[i]):
                    index[(head, len(key), key[:i], key[i + 1 :])].append(c)
        figures = figures_by_sentence(ctx.story_claims)
        days = days_by_sentence(ctx.story_claims)
        found: dict[frozenset[str], list[tuple[Claim, Claim, tuple[str, str], float]]] = {}
        for _, members in sorted(index.items(), key=lambda kv: str(kv[0])):
            if len({c.value.key for c in members}) < 2:
                continue  # one name, mentioned again and again: nothing differs
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    a, b = members[x], members[y]
                    if ctx.source(a) == ctx.source(b) or canonical_name(
                        a.value.key, ctx
                    ) == canonical_name(b.value.key, ctx):
                        continue  # one source, or the same name (configured aliases included)
                    diff = one_jamo_apart(a.value.key, b.value.key)
                    if diff is None or frozenset(diff) in _VARIANT_VOWELS:
                        continue
                    if (
                        b.value.key in forms_by_doc[a.doc_id]
                        or a.value.key in forms_by_doc[b.doc_id]
                    ):
                        continue
                    sim = context_overlap(a, b, ctx)
                    if share_a_figure(a, b, figures) or share_a_day(a, b, days):
                        sim = max(sim, ctx.settings.min_similarity)
                    modifier = len(a.value.key) - len(a.value.head)
                    if sim < ctx.settings.min_similarity * 0.5 and modifier < LONG_MODIFIER:
                        continue  # short names one letter apart in unrelated sentences: different things
                    key = frozenset((a.value.key, b.value.key))
                    found.setdefault(key, []).append((a, b, diff, sim))
        out = []
        for key in sorted(found, key=lambda k: sorted(k)):
            sides = mentions.sides(sorted(key), ctx)
            a, b, diff, sim = max(found[key], key=lambda p: p[3])
            out.append(
                name_conflict(
                    self,
                    "place",
                    f"{a.value.head} 이름",
                    sides,
                    [s[0].surface for s in sides],
                    f"The names differ by one letter ({diff[0]}/{diff[1]})",
                    round(min(1.0, 0.6 + 0.4 * sim), 2),
                    " in the same context: one is probably a typo",
                    ctx,
                )
            )
        return out


def days_by_sentence(claims) -> dict[tuple[str, int], list[Claim]]:
    """The dates of one day in each sentence ((document, sentence index) -> claims)."""
    out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        v = c.value
        if isinstance(v, DateValue) and v.precision == "day" and v.start:
            out[(c.doc_id, c.sentence_index)].append(c)
    return out


def share_a_day(a: Claim, b: Claim, days: dict[tuple[str, int], list[Claim]]) -> bool:
    """The two names' sentences date one event to the same day (다음 달 12일 문을 연다 /
    4월 12일 개관한다): they speak of one thing, however differently worded."""
    return any(
        x.value.start == y.value.start and same_event(x, y)
        for x in days.get((a.doc_id, a.sentence_index), ())
        for y in days.get((b.doc_id, b.sentence_index), ())
    )


def canonical_name(key: str, ctx: RuleContext) -> str:
    """A name's key as configured aliases make it (lower case, spacing-free)."""
    return ctx.settings.aliases.get(key.lower(), key.lower())


def context_overlap(a: Claim, b: Claim, ctx: RuleContext) -> float:
    """Cosine of the two mentions' contexts without the name's own words (nor their
    syllable bigrams: 고양종합운동장's ~고양 … ~동장 would weigh against every other name)."""
    own = {
        f
        for p in a.value.parts + b.value.parts
        for word in (p, p.lower())
        for f, _ in features(word)
    }
    va = {k: v for k, v in ctx.vectors.get(a.id, {}).items() if k not in own}
    vb = {k: v for k, v in ctx.vectors.get(b.id, {}).items() if k not in own}
    return cosine(va, vb)
