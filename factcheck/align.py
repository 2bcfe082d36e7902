"""Claims -> topic groups: which claims from different outlets state the same fact.

Three levels of blocking keep this linear in practice, never all claims against all:

1. stories: documents are clustered by shared vocabulary (TF-IDF cosine), and only
   documents of one story are compared;
2. dimension: only claims of the same kind and unit meet (money with money, 명 with 명);
3. anchors: an inverted index from context nouns to claims proposes candidate pairs; a pair
   that shares no informative noun is never scored.

A candidate pair is scored by the IDF-weighted cosine of the two claims' context nouns,
scaled by predicate and qualifier compatibility (see ``pair_similarity``). Two claims are
aligned when each is the other's best match in the other document (mutual best match) and
the score clears ``Settings.min_similarity``. Aligned pairs form topic groups.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .claims import (
    COMPARATIVES,
    MEASURE_FEATURE,
    NOT_FIGURES,
    NOUN_TAGS,
    RATE_SUFFIXES,
    SHARE_NOUNS,
    attached_syllable,
    exclusive_events,
    measure_nouns,
    measure_word,
    predicate_classes,
    streak_words,
    synonym_class,
    synonym_classes,
    vocabulary_words,
    written_compounds,
)
from .models import Claim, DateValue, Document, Quantity, Sentence, Token, TopicGroup
from .normalize.dates import is_time_word
from .normalize.numbers import RANGE_SIGNS
from .reconcile import digits_swapped

COMPARABLE_KINDS = (
    "money",
    "count",
    "area",
    "length",
    "weight",
    "volume",
    "speed",
    "concentration",
    "power",
    "energy",
    "data",
    "percent",
    "percent_point",
    "multiple",
    "index",
    "ratio",
    "fraction",
    "temperature",
    "duration",
    "age",
    "magnitude",
    "score",
    "ordinal",
    "date",
)


@dataclass(frozen=True)
class Settings:
    min_similarity: float = 0.35  # below this, two claims are not about the same fact
    story_similarity: float = (
        0.25  # document cosine linking two articles into one story (single link)
    )
    story_window_days: int = 45  # articles published further apart are never one story
    repost_similarity: float = 90.0  # rapidfuzz ratio of bodies for a syndicated copy
    aliases: dict[str, str] = field(
        default_factory=dict
    )  # name -> canonical (spacing-free, lower case)
    disable: tuple[str, ...] = ()  # rule names or codes switched off
    ignore: tuple[str, ...] = ()  # finding fingerprints suppressed
    outlets: dict[str, list[str]] = field(
        default_factory=dict
    )  # canonical outlet -> aliases, domains


AGREE_BONUS = 0.02  # added to agreeing pairs so that near-ties resolve to the charitable reading
MAX_EXACT_EDGES = 18  # above this, a component is matched greedily


def best_matching(edges: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """Maximum-weight one-to-one matching of a sparse bipartite graph.

    Exact on each connected component (they are small: a handful of figures of one kind in
    two articles), greedy by weight on a component too large to search.
    """
    if not edges:
        return []
    adj: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for a, b, w in edges:
        adj["L" + a].append((a, b, w))
        adj["R" + b].append((a, b, w))
    done: set[tuple[str, str]] = set()
    out: list[tuple[str, str, float]] = []
    for a, b, _ in sorted(edges, key=lambda e: (e[0], e[1])):
        if (a, b) in done:
            continue
        # collect the component
        comp: dict[tuple[str, str], float] = {}
        stack = ["L" + a]
        visited: set[str] = set()
        while stack:
            node = stack.pop()
            if node in visited:
                continue
            visited.add(node)
            for x, y, w in adj[node]:
                comp[(x, y)] = w
                stack.extend(("L" + x, "R" + y))
        done.update(comp)
        out.extend(_match_component(comp))
    return sorted(out)


def _match_component(comp: dict[tuple[str, str], float]) -> list[tuple[str, str, float]]:
    items = sorted(comp.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(items) > MAX_EXACT_EDGES:
        used_l: set[str] = set()
        used_r: set[str] = set()
        chosen = []
        for (x, y), w in items:
            if x not in used_l and y not in used_r:
                used_l.add(x)
                used_r.add(y)
                chosen.append((x, y, w))
        return chosen
    lefts = sorted({x for x, _ in comp})
    best: tuple[float, list[tuple[str, str, float]]] = (0.0, [])

    def search(i: int, used: frozenset[str], total: float, chosen: list) -> None:
        nonlocal best
        if i == len(lefts):
            if total > best[0] + 1e-12:
                best = (total, list(chosen))
            return
        search(i + 1, used, total, chosen)  # leave this one unmatched
        for (x, y), w in items:
            if x == lefts[i] and y not in used:
                chosen.append((x, y, w))
                search(i + 1, used | {y}, total + w, chosen)
                chosen.pop()

    search(0, frozenset(), 0.0, [])
    return best[1]


class UnionFind:
    """Disjoint sets keyed by string; the smallest key names each set (deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@functools.lru_cache(maxsize=1 << 16)
def features(noun: str) -> tuple[tuple[str, float], ...]:
    """A noun and its syllable bigrams at half weight.

    kiwipiepy splits compounds inconsistently (테크시티 / 테크 + 시티, 양재동 / 양재), so two
    contexts also meet on shared bigrams. Cached: a corpus repeats its nouns endlessly.
    """
    out = [(noun, 1.0)]
    if noun.startswith(("<", "@", "^")) and noun != MEASURE_FEATURE:
        # a class of synonyms (<비용>), a group (@7~12세) or an event class (^sell): one feature
        return tuple(out)
    if len(noun) >= 3 and not noun.isascii():
        out.extend(("~" + noun[i : i + 2], 0.5) for i in range(len(noun) - 1))
        if noun.endswith("인"):
            # 중국인 (a Chinese) is of 중국 (China): "중국인이 460만명" meets "중국이
            # 640만명", however each outlet names the nationality
            out.append((noun[:-1], PERSON_OF_WEIGHT))
    elif len(noun) == 2 and not noun.isascii():
        out.append(("~" + noun, 0.5))
    return tuple(out)


PERSON_OF_WEIGHT = 0.75  # 중국 in 중국인: less than the word itself, more than a bigram


def sentence_features(sentences: Iterable[Sentence]) -> tuple[int, dict[str, int]]:
    """How many sentences there are and, per context feature, how many contain it.

    Counted per document while its tokens exist; ``Idf`` adds the counts of all documents.
    """
    df: dict[str, int] = defaultdict(int)
    n = 0
    measures = measure_nouns()
    for sent in sentences:
        n += 1
        seen: set[str] = set()
        for t in sent.tokens:
            if t.tag in NOUN_TAGS:
                form = t.form.lower() if t.tag == "SL" else t.form
                if form in measures:
                    form = MEASURE_FEATURE
                seen.update(f for f, _ in features(form))
                synonym = synonym_class(form)
                if synonym:
                    seen.add(synonym)
            if t.tag in PREDICATE_TAGS:
                seen.update(event_features(t.form))
        for _, _, word in written_compounds(sent.tokens):
            seen.update(f for f, _ in features(word))
        for form in seen:
            df[form] += 1
    return n, dict(df)


def story_nouns(sentences: Iterable[Sentence], claims: Iterable[Claim] = ()) -> dict[str, float]:
    """A document's words for story clustering: its nouns, where proper nouns (places,
    people, institutions) carry a story's identity and count double; and its telling
    figures (#3012명, #6370만원), which count as much as a proper noun.

    Outlets word one story apart but copy its figures: two short articles on one lottery
    draw share few nouns beyond 로또 and 추첨, and most of 1150회, 3012명, 148만원. A figure
    of fewer than TELLING_DIGITS significant digits (12명, 100억원) is shared by chance and
    counts for nothing; dates are shared by every story of a day.
    """
    bag: dict[str, float] = defaultdict(float)
    for sent in sentences:
        toks = sent.tokens
        for i, t in enumerate(toks):
            if t.tag in ("NNG", "NNP") and len(t.form) > 1:
                # 은하 + 시 in one page, 은하시 whole in the next: the place's one word, as
                # the page that reads it whole has it (and no more weight than that page's)
                whole = i + 1 < len(toks) and attached_syllable(toks, i + 1)
                form = t.form + toks[i + 1].form if whole else t.form
                bag[form] += 2.0 if t.tag == "NNP" else 1.0
                if not whole and t.tag == "NNG" and _written_onto(toks, i + 1):
                    # 생활 + 임금 in one page, 생활임금 whole in the next: the compound as
                    # written, beside its parts, so that both pages have it
                    bag[t.form + toks[i + 1].form] += 1.0
    for c in claims:
        q = c.value
        if c.kind not in NOT_FIGURES and significant_digits(q.value) >= TELLING_DIGITS:
            bag[f"#{q.value:.15g}{q.unit or ''}"] = FIGURE_WEIGHT
    return dict(bag)


FIGURE_WEIGHT = 2.0  # a telling figure in a document's story words, as a proper noun


def _written_onto(toks: Sequence[Token], i: int) -> bool:
    """``toks[i]`` is a common noun of two syllables or more written onto the noun before it
    (임금 of 생활임금): the two are one written word, which kiwipiepy reads whole in one
    sentence and cuts in the next. (The caller takes only a common noun before it: a name
    before one, 한빛 + 전자, is a company whose parts already meet.)"""
    return (
        0 < i < len(toks)
        and toks[i].tag == "NNG"
        and len(toks[i].form) > 1
        and toks[i].start == toks[i - 1].end
    )


class Idf:
    """Inverse document frequency of context features, counted over sentences.

    Values are rounded to steps of 1/IDF_STEPS: far finer than any similarity threshold,
    and coarse enough that one article more or less leaves nearly every feature's value as
    it was, so a story whose inputs did not change can take its result from the cache
    (``pipeline``) and still be exactly what a cold run computes.
    """

    def __init__(self, counts: Iterable[tuple[int, dict[str, int]]]):
        """``counts``: ``sentence_features`` of each document."""
        df: dict[str, int] = defaultdict(int)
        n = 0
        for sentences, features_ in counts:
            n += sentences
            for form, k in features_.items():
                df[form] += k
        self.n = max(n, 1)
        self.df = dict(df)
        self._memo: dict[str, float] = {}
        self._levels: dict[str, int] = {}
        self._features: dict[str, tuple[tuple[str, float, float], ...]] = {}

    def __call__(self, noun: str) -> float:
        value = self._memo.get(noun)
        if value is None:
            value = self.level(noun) / IDF_STEPS + 0.1
            self._memo[noun] = value
        return value

    def weighted(self, noun: str) -> tuple[tuple[str, float, float], ...]:
        """The noun's ``features`` with their IDF: (feature, factor, idf), worked out once
        per noun (a corpus repeats its nouns in claim after claim)."""
        value = self._features.get(noun)
        if value is None:
            value = tuple((key, factor, self(key)) for key, factor in features(noun))
            self._features[noun] = value
        return value

    def level(self, noun: str) -> int:
        """The value in steps: what a feature contributes to a story's cache key."""
        value = self._levels.get(noun)
        if value is None:
            value = round(IDF_STEPS * math.log((self.n + 1) / (self.df.get(noun, 0) + 1)))
            self._levels[noun] = value
        return value


IDF_STEPS = 16


def context_features(claims: Iterable[Claim], aliases: dict[str, str]) -> set[str]:
    """Every feature the context vectors of ``claims`` are made of (see ``_vector``)."""
    out: set[str] = set()
    for claim in claims:
        for noun, _ in claim.context:
            out.update(f for f, _ in features(aliases.get(noun.lower(), noun)))
        out.update(event_features(claim.predicate))
    return out


# tags of the words that may be a figure's predicate (팔렸다, 판매됐다)
PREDICATE_TAGS = frozenset(("VV", "VA", "NNG"))
PREDICATE_WEIGHT = 0.3  # the verb says what a figure counts, less than the nearest noun


@functools.lru_cache(maxsize=1 << 12)
def event_features(predicate: str | None) -> tuple[str, ...]:
    """A predicate's event classes as context features (^sell for 팔리 and 판매): the verb
    tells what a figure counts (87만장이 팔렸다 / 87만4000여장이 판매됐다) when the nouns
    around it are only the subject's name. Words of no class give none."""
    return tuple(sorted("^" + c for c in known_classes(predicate)))


def _dimension(claim: Claim) -> tuple[str, str] | None:
    if claim.kind not in COMPARABLE_KINDS:
        return None
    if isinstance(claim.value, Quantity):
        return claim.kind, claim.value.unit
    if isinstance(claim.value, DateValue):
        if claim.predicate in ATTRIBUTION_VERBS:
            return None  # "27일 금융투자업계에 따르면": the day the reporter heard, no fact
        return "date", ""
    return None


# verbs of "according to" (에 따르면, 에 의하면): a date they take dates the reporting
ATTRIBUTION_VERBS = frozenset(("따르", "의하"))


class Vector(dict):
    """A sparse context vector (feature -> weight) that remembers its norm: a claim's vector
    is scored against many candidates."""

    __slots__ = ("_norm",)

    def norm(self) -> float:
        try:
            return self._norm
        except AttributeError:
            self._norm = _norm(self)
            return self._norm


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in v.values()))


def _vector(claim: Claim, idf: Idf, aliases: dict[str, str]) -> Vector:
    vec = Vector()
    get, weighted = vec.get, idf.weighted
    for noun, weight in claim.context:
        for key, factor, value in weighted(aliases.get(noun.lower(), noun) if aliases else noun):
            vec[key] = max(get(key, 0.0), weight * factor * value)
    if claim.kind != "date":  # a date's event is weighed by pair_similarity (same_event)
        for key in event_features(claim.predicate):
            vec[key] = PREDICATE_WEIGHT * idf(key)
    return vec


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # Intersect the keys in C first (two vectors share few of their nouns). A set's order
    # varies with the per-process string hash seed; fsum is exact, so the result does not.
    return math.fsum(a[k] * b[k] for k in a.keys() & b.keys())


def _opposite_changes(pa: frozenset[str] | set[str], pb: frozenset[str] | set[str]) -> bool:
    """One figure rose and the other fell (events of its predicate). Of different sizes
    they are two facts: one slip would not turn both the size and the direction. Of one
    size (12% 늘었다 / 12% 줄었다) they may be one fact told the wrong way round."""
    if pa & pb:
        return False
    return ("increase" in pa and "decrease" in pb) or ("decrease" in pa and "increase" in pb)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    dot = _dot(a, b)
    if dot == 0:
        return 0.0
    na = a.norm() if isinstance(a, Vector) else _norm(a)
    nb = b.norm() if isinstance(b, Vector) else _norm(b)
    return dot / (na * nb)


def _blocking(claim: Claim) -> frozenset[str]:
    """The claim's ``BLOCKING_QUALIFIERS``: figures with different ones never meet."""
    return frozenset(q for q in BLOCKING_QUALIFIERS if q in claim.qualifiers)


BLOCKING_QUALIFIERS = (
    "part",
    "base",
    "duration_scope",
    "change",
    "before",
    "academic_year",
    "distant",
    "span",
    "span_start",  # the first day of a span meets only a first day
    "intensity",  # 시간당 80㎜ never meets a total
    "ratio_phrase",  # 10명 중 4명: a ratio, never a count of people
)


def pair_similarity(
    a: Claim, b: Claim, va: dict[str, float], vb: dict[str, float], floor: float = 0.0
) -> float:
    """How likely two claims state the same attribute of the same thing (0..1).

    Context cosine, then: a different event (착공 vs 조성) rules a date pair out and halves
    a figure pair, and counts of two ``[exclusive]`` events (숨지 / 다치) never meet; a
    figure marked by a ``BLOCKING_QUALIFIERS`` word never meets one that is not: a share
    (그중 10분의 1, any figure after 7명 가운데), the base of a share (5121만명의 20.0%), a
    scoped count (5년 동안), a change (19만명 증가), the level a change starts from
    (2.50%에서), a school year, a figure of another era (10년 전, 2050년), the ends of a span
    of days (a start meets a start), an intensity (시간당 80㎜), each against a plain figure
    (a level: 2880만명으로); figures of two periods (지난해 매출 / 올해 매출) never meet; a
    running total (누적, 지금까지) never meets a yearly rate and meets a plain figure at 0.8,
    as a yearly rate (연 4000명) does; two items of one list (성인 / 청소년) count half, as two
    marked measures; changes against two earlier periods (전월보다 / 1년 전보다) and two
    pages' own days of announcement (``reporting_day``) never meet, and such a day meets no
    date but another telling of the announcement; the first day of a window (6월 2일부터)
    never meets a last day (12월 31일까지).
    """
    sim = max(cosine(va, vb), floor)  # floor > 0: whether anything but words rules it out
    if sim == 0.0 or _beyond_any_slip(a, b):
        return 0.0
    if (
        a.scope
        and b.scope
        and a.scope != b.scope
        and not _one_running_total(a, b)
        and not _stock_the_period_ended_at(a, b)
    ):
        # 지난해 매출 vs 올해 매출 목표, 1~3월 수출 vs 3월 수출: two periods, two facts
        return 0.0
    pa, pb = claim_events(a), claim_events(b)
    opposite = _opposite_changes(pa, pb)
    # 5.2% 줄었다 / 5.2% 늘었다: one change of one size told both ways round is one fact, for
    # direction-mismatch to weigh
    told_both_ways = opposite and values_agree(a, b)
    if a.kind != "date" and opposite and not told_both_ways:
        return 0.0  # 10a당 생산량은 10.4% 감소 / 배 생산량은 4.8% 늘었다: two changes
    if pa and pb:
        if pa & pb:
            sim = min(1.0, sim * 1.15)
        elif a.kind == "date" and _different_known_events(a, b):
            return 0.0  # two events of one thing (착공 / 준공) have two dates
        elif _counts_of_different_people(a, b):
            return 0.0  # 120명이 숨지고 / 380여명이 다쳤다: the dead are not the injured
        elif not told_both_ways:
            sim *= 0.6
    # a total over a period (4년간 연봉은 총 45억원) meets a total, or a part of a total
    # whose period the article gives (총액 80억원: 계약금 30억원, 연봉 40억원, 옵션 10억원)
    both_totals = (
        bool({"total", "summand"} & a.qualifiers)
        and bool({"total", "summand"} & b.qualifiers)
        and bool({"total"} & (a.qualifiers | b.qualifiers))
    )
    for q in BLOCKING_QUALIFIERS:
        if (
            (q in a.qualifiers) != (q in b.qualifiers)
            and not (q == "part" and (_one_measure_or_event(a, b) or _part_and_summand(a, b)))
            and not (q == "duration_scope" and both_totals)
        ):
            # a share of a total never meets the total, unless both clauses name the same
            # measure ("이 가운데 외국인 관광객은 2만명" / "외국인 관광객은 1만2천명") or event
            # ("이 가운데 7명이 구조됐고" / "7명은 구조됐다"); a total over a period meets a
            # total ("4년간 연봉은 총 45억원" / "연봉 총액 40억원")
            return 0.0
    if a.kind == "date" and (_past_and_next(a, b) or _happened_and_to_come(a, b)):
        return 0.0
    if _average_of_a_group(a, b) or _average_of_a_group(b, a):
        return 0.0
    if {"now", "plan"} <= a.qualifiers | b.qualifiers:  # one of each: no claim is both
        return 0.0  # 현재 62곳에서 쓰이고 있다 / 10곳에 공급할 예정: what is, what is to be
    if _against_other_periods(a, b):
        return 0.0  # 전월보다 0.05%p / 1년 전보다 0.12%p: a month's change, a year's
    if _prices_of_other_bases(a, b):
        return 0.0  # 20㎏에 4만7천원 / 80㎏ 한 가마에 18만8천원: one price, two bases
    if "reporting_day" in a.qualifiers and "reporting_day" in b.qualifiers:
        # "시는 20일 밝혔다" in a page of the 20th, "시가 22일 밝혔다" in one of the 22nd:
        # each outlet's own day of hearing the news, no fact of the story
        return 0.0
    for day, other in ((a, b), (b, a)):
        if "reporting_day" in day.qualifiers and "announce" not in claim_events(other):
            # "공정위는 5일 … 발표했다" / "오는 12월 1일부터 … 정한다": the day the news was
            # told meets only another telling of it (지난 4일 발표한), never an event's date
            return 0.0
    if (
        a.kind == "date"
        and ("reporting_day" in a.qualifiers or "reporting_day" in b.qualifiers)
        and (a.value.precision != "day" or b.value.precision != "day")
    ):
        # "경찰청이 7일 발표한" / "경찰청은 7일 '2025년 교통사고 통계'를 발표했다": a year
        # or a month names what was announced, never the day of hearing the news
        return 0.0
    if (
        "until" in a.qualifiers
        and "until" in b.qualifiers
        and {"plan", "done"} <= ((a.qualifiers | b.qualifiers) - (a.qualifiers & b.qualifiers))
    ):
        # the end of a window still to come ("30일 오전까지 이어지겠다") and of one that has
        # passed ("이날 오후 5시까지 … 내린"): two windows
        return 0.0
    if a.kind == "date" and _first_and_last_day(a, b):
        return 0.0  # "신청이 6월 2일부터 시작된다" / "신청은 12월 31일까지 받는다"
    if {"local_time", "korea_time"} <= (a.qualifiers | b.qualifiers) and (
        a.qualifiers & {"local_time", "korea_time"} != b.qualifiers & {"local_time", "korea_time"}
    ):
        return 0.0  # 현지시간 14일 오전 10시 / 한국시간 15일 0시: one moment in two zones
    if _ratio_of_the_other(a, b):
        return 0.0
    if _subjects_differ(a, b, va, vb) or different_list_items(a, b):
        sim *= 0.5
    if a.kind == "date" and a.value.precision != b.value.precision:
        # a month and a day in one sentence are often a period and an event in it
        # ("10월 수출이 … 1일 밝혔다"); the same date written at two precisions still meets
        sim *= 0.7
    if ("rate" in a.qualifiers) != ("rate" in b.qualifiers):
        sim *= 0.8
    if ("cumulative" in a.qualifiers) != ("cumulative" in b.qualifiers):
        # a running total never meets a yearly figure (누적 2000명 / 매년 500명), and
        # meets a plain one at 0.8 (지금까지 120명이 숨지고 / 124명이 숨지고: the toll so far)
        if "rate" in a.qualifiers | b.qualifiers:
            return 0.0
        sim *= 0.8
    # a total and one of its parts (found by arithmetic) are different attributes; a part
    # whose sum no longer holds in the other article may still be the same part
    # (a total over a period, 4년간 연봉은 총 45억원, is no sum of listed parts)
    roles = {
        (
            "total" in c.qualifiers and "duration_scope" not in c.qualifiers,
            "summand" in c.qualifiers,
        )
        for c in (a, b)
    }
    if roles == {(True, False), (False, True)}:
        sim *= 0.5
    elif ("summand" in a.qualifiers) != ("summand" in b.qualifiers):
        sim *= 0.85
    return sim


def _first_and_last_day(a: Claim, b: Claim) -> bool:
    """One date is the first day of a window (부터) and the other the last (까지)."""

    def bound(c: Claim) -> str | None:
        found = {"from", "until"} & c.qualifiers
        return found.pop() if len(found) == 1 else None

    ba, bb = bound(a), bound(b)
    return bool(ba and bb and ba != bb)


def _beyond_any_slip(a: Claim, b: Claim) -> bool:
    """Two figures further apart than a unit slip can make them (만 for 억 is 10,000 times):
    a month's 47만원 per pupil and a year's 29조원 in all are two facts, never one told two
    ways, however alike their words."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return False
    low, high = sorted((abs(qa.value), abs(qb.value)))
    return low > 0 and high / low > SLIP_RATIO_MAX


SLIP_RATIO_MAX = 1e5  # the largest unit slip (만/억, 억/조) is 10,000 times


def _against_other_periods(a: Claim, b: Claim) -> bool:
    """Both figures are changes against an earlier period (``against_…``), and not the
    same one."""
    pa, pb = set(_against_of(a)), set(_against_of(b))
    return bool(pa) and bool(pb) and pa != pb


def _prices_of_other_bases(a: Claim, b: Claim) -> bool:
    """Both figures are prices quoted for a quantity (``per_…``: 20㎏에 4만7천원), and not
    for the same one: a price per 20 kg is no counterpart of one per 80 kg."""
    pa = {q for q in a.qualifiers if q.startswith("per_")}
    pb = {q for q in b.qualifiers if q.startswith("per_")}
    return bool(pa) and bool(pb) and pa != pb


def _one_measure_or_event(a: Claim, b: Claim) -> bool:
    """Both clauses mark the same measure, or both predicates name one event the vocabulary
    knows (구조, 숨지): a share and a plain figure that state the same thing."""
    if a.marked_subject and a.marked_subject == b.marked_subject:
        return True
    return bool(known_events(a) & known_events(b))


def _part_and_summand(a: Claim, b: Claim) -> bool:
    """One figure is a share of a whole (재석 277명 가운데 찬성 194명), the other one of the
    parts a sentence adds up (277명이 참여해 찬성 149명, 반대 84명, 기권 44명): both parts,
    so comparable as any two figures are."""
    return any("part" in x.qualifiers and "summand" in y.qualifiers for x, y in ((a, b), (b, a)))


RECURRENCE_DAYS = 180


def _counts_of_different_people(a: Claim, b: Claim) -> bool:
    """Each predicate is of one ``[exclusive]`` event class (숨지, 다치, 구조 …; 넣, 실점),
    and they differ: the dead, the injured and the rescued are never one figure, nor the
    minute of a goal scored and of one conceded."""
    ea, eb = known_events(a) & exclusive_events(), known_events(b) & exclusive_events()
    return bool(ea) and bool(eb) and not ea & eb


def _past_and_next(a: Claim, b: Claim) -> bool:
    """One date is planned, the other is not, and the plan falls in a later year, more than
    half a year on: two occurrences of a recurring event (this year's festival, opened on
    the 28th; next year's, to open on 27 March), not one date told two ways. Two plans a
    year apart (개통 2026년 vs 2027년 예정) are still compared."""
    for past, plan in ((a, b), (b, a)):
        if (
            "plan" in plan.qualifiers
            and "plan" not in past.qualifiers
            and past.value.end
            and plan.value.start
            and plan.value.year != past.value.year
        ):
            gap = dt.date.fromisoformat(plan.value.start) - dt.date.fromisoformat(past.value.end)
            if gap.days > RECURRENCE_DAYS:
                return True
    return False


def _happened_and_to_come(a: Claim, b: Claim) -> bool:
    """One date is of something done on a day before its page (16일 치러진 1차 투표), the
    other wholly after its page's day and after the first (다음 달 21일 결선 투표가 열린다):
    two occurrences, the past and the coming one (a day set for later, 다음 달 14일로
    정해졌다, is done but still to come). Not a day still to come on an earlier page that
    a later page reports done (오는 15일 오전 10시 열린다 on the 10th / 이날 오전 10시 열린
    개청식 on the 15th): one occurrence, told before and after."""
    for past, coming in ((a, b), (b, a)):
        if (
            "done" in past.qualifiers
            and "future" not in past.qualifiers
            and "future" in coming.qualifiers
            and not (coming.value.start and past.value.end and coming.value.start <= past.value.end)
        ):
            return True
    return False


def _known_event(claim: Claim) -> bool:
    """The predicate is an event the vocabulary knows (착공, 개관), not any noun or verb."""
    return is_event_word(claim.predicate)


def is_event_word(word: str | None) -> bool:
    """The word is in one of the vocabulary's event classes (검거, 착공, 개관)."""
    return bool(word) and predicate_classes(word) != frozenset([word])


def same_event(a: Claim, b: Claim) -> bool:
    """The predicates share an event class (개관 / 오픈), or are one word."""
    return bool(claim_events(a) & claim_events(b))


# The day a period opens (11월 14일부터 시작된다 / 11월 21일부터 치러진다): to begin and to
# be held from then are one event.
_OPENING_EVENTS = frozenset(("begin", "hold"))


def claim_events(claim: Claim) -> frozenset[str]:
    """The event classes of a claim's predicate (``predicate_classes``), with both of
    ``_OPENING_EVENTS`` for a date a period opens on ("from") whose verb is one of them."""
    classes = predicate_classes(claim.predicate)
    if "from" in claim.qualifiers and classes & _OPENING_EVENTS:
        return classes | _OPENING_EVENTS
    if "change" in claim.qualifiers and claim.predicate in COMPARATIVES:
        # 올해(3200명)보다 300명 적다: a change by comparison, the decrease 300명 감소 tells
        return classes | {COMPARATIVES[claim.predicate]}
    return classes


def _different_known_events(a: Claim, b: Claim) -> bool:
    """Both predicates are events the vocabulary knows, and different ones (착공 / 준공).
    A forecast is no event of the thing: "서귀포는 3월 20일로 예상됐다" dates the flowering
    another page writes "3월 20일 서귀포에서 시작된다"."""
    return (
        _known_event(a)
        and _known_event(b)
        and not same_event(a, b)
        and not (claim_events(a) <= _FORECASTS or claim_events(b) <= _FORECASTS)
    )


_FORECASTS = frozenset(("forecast",))


def _subjects_differ(a: Claim, b: Claim, va: dict[str, float], vb: dict[str, float]) -> bool:
    """Both clauses mark what their figure measures, and differently, and neither word is in
    the other's context: 수출이 12% 증가 / 수입은 5% 증가 are two figures, however alike the
    rest of the sentences."""
    sa, sb = a.marked_subject, b.marked_subject
    if a.kind != "date" and (_group_and_measure(a, b, vb) or _group_and_measure(b, a, va)):
        return True
    if a.kind != "date" and _two_kinds_of_people(a, b):
        return True
    if a.kind == "date" or not sa or not sb or same_measure(sa, sb):
        return False
    # the words that tell them apart (수출 / 수입; 재학생 / 기타 of 지원자)
    wa, wb = set(sa.split()), set(sb.split())
    return not ((wa - wb) & vb.keys()) and not ((wb - wa) & va.keys())


def _two_kinds_of_people(a: Claim, b: Claim) -> bool:
    """Each figure counts people named by a different noun of people (교사 300명 / 학생
    2000명), and neither noun is in the other's context: two groups, however alike the
    sentences. Not one noun and a name for the same people in other words (교육공무직 /
    노동자: only one of them is a general noun of people)."""
    wa, wb = a.subject.rpartition(" ")[2], b.subject.rpartition(" ")[2]
    return (
        _of_people(wa)
        and _of_people(wb)
        and wa != wb
        and synonym_classes().get(wa, wa) != synonym_classes().get(wb, wb)
        and wa not in dict(b.context)
        and wb not in dict(a.context)
    )


def _group_and_measure(a: Claim, b: Claim, vb: dict[str, float]) -> bool:
    """``a`` is a figure of a group a breakdown names (@20~29세 of "20대 18.7%"), ``b`` names
    none and marks a measure of its own that ``a``'s context lacks (아파트 비중은 64.0%): the
    share of people in their twenties is no share of apartments."""
    groups = [k for k, _ in a.context if k.startswith("@")]
    if not groups or any(k in vb for k in groups):
        return False
    own = set(b.marked_subject.split()) - SHARE_NOUNS
    return bool(own) and not own & {k for k, _ in a.context}


def _one_running_total(a: Claim, b: Claim) -> bool:
    """Two running totals from one start, one over the year (올해 누적 수출) and one to a
    month (1~6월 누적 수출): the year's total so far is the total to the month told."""
    if "cumulative" not in a.qualifiers or "cumulative" not in b.qualifiers:
        return False
    (sa, ea), (sb, eb) = a.scope, b.scope
    return sa == sb and sa[5:] == "01-01" and {ea[5:], eb[5:]} >= {"12-31"}


def _average_of_a_group(average: Claim, other: Claim) -> bool:
    """``average`` is an average over a group its words name (역대 정부 첫해 평균 인상률
    6.4%), and ``other`` names neither an average nor that group (인상률은 2.9%): the average
    of past rates is not this year's rate.
    Must not catch: a daily average another page writes without 평균 (하루 평균 교통량
    5만2000대 / 하루 교통량 2만5000대: the group, 하루, is named in both)."""
    if "average" not in average.qualifiers or "average" in other.qualifiers:
        return False
    group = set(average.subject.split()) - {"평균"} - set(average.marked_subject.split())
    named = set(other.subject.split()) | {k for k, _ in other.context}
    return "평균" not in named and bool(group) and not group & named


def _stock_the_period_ended_at(a: Claim, b: Claim) -> bool:
    """One figure is a stock on a period's last day (지난해 말 기준 어린이집은 2만8594곳), the
    other the level a change over that period reached (어린이집은 2019년 3만7371곳에서 지난해
    2만8954곳으로 줄었다): both are the stock at the period's end. Not a figure of the period
    that no change reached (지난해 신규 가입자 50만명 / 지난해 말 가입자 300만명), nor a
    change itself (지난해 1950곳 줄었다)."""
    for end, whole in ((a, b), (b, a)):
        if (
            "period_end" in end.qualifiers
            and "period_end" not in whole.qualifiers
            and whole.scope[0] < end.scope[0]
            and whole.scope[1] == end.scope[1]
            and "change" not in whole.qualifiers
            and predicate_classes(whole.predicate) & {"increase", "decrease"}
        ):
            return True
    return False


def _ratio_of_the_other(a: Claim, b: Claim) -> bool:
    """One figure's measure is a ratio of the other's (영업이익률 44% / 영업이익은 87% 늘었다;
    실업률 / 실업자): a margin is no growth of profit, however alike the sentences."""
    sa, sb = _spaceless(a.marked_subject), _spaceless(b.marked_subject)
    if not sa or not sb:
        return False
    return any(x[:-1] == y and x[-1:] in RATE_SUFFIXES for x, y in ((sa, sb), (sb, sa)))


def different_list_items(a: Claim, b: Claim) -> bool:
    """Figures of two items of one list ("성인 5000원, 청소년 3000원" / "성인 3000원, 청소년
    2000원"): each is a ``list_item`` (right after its own one-word label, in a sentence
    listing figures of its kind under other labels), the labels differ, and both sentences
    name both labels. The adult price of one outlet is not the youth price of another,
    however alike the sentences."""
    la, lb = a.subject, b.subject
    if "list_item" not in a.qualifiers or "list_item" not in b.qualifiers or la == lb:
        return False
    ka, kb = {k for k, _ in a.context}, {k for k, _ in b.context}
    return {la, lb} <= ka and {la, lb} <= kb


def same_measure(a: str, b: str) -> bool:
    """Two marked measures are one when one names it more narrowly, or both alike: 수출 and
    반도체 수출 are one, and 수출 and 수출액 (``_amount_of``); 반도체 수출 and 자동차 수출,
    재학생 지원자 and 기타 지원자 are two.
    A measure noun names no measure of its own: 임대 물량 and 임대 주택 are one."""
    wa, wb = set(map(_amount_of, a.split())), set(map(_amount_of, b.split()))
    wa, wb = (wa - measure_nouns()) or wa, (wb - measure_nouns()) or wb
    return wa <= wb or wb <= wa


def _amount_of(word: str) -> str:
    """A measure noun without the 액 that names its amount: 수출액 is 수출, as the amount
    of exports is what a bare 수출 measures (12.4% of either is one growth). 금액, 총액 stay
    (the stem of one syllable is no measure); 수출량 stays (a volume is not a value)."""
    return word[:-1] if word.endswith("액") and len(word) >= 3 else word


def values_agree(a: Claim, b: Claim) -> bool:
    """Intervals overlap (quantities) or dates overlap at the precision both state; two
    largest figures (최대) or two limits on one side (both 이하, both 이상) are compared as
    figures, and hedged figures with swapped digits never agree."""
    va, vb = a.value, b.value
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        if va.hedge and va.hedge == vb.hedge and va.hedge in EXTREMES:
            # 최대 52분 / 최대 25분 (지연됐다): each the largest of several figures, not a
            # bound on one; the largest is one figure
            return math.isclose(va.value, vb.value, rel_tol=1e-9)
        if BOUNDS.get(va.hedge or "", 0) * BOUNDS.get(vb.hedge or "", 0) == 1:
            # 중위소득 60% 이하 / 50% 이하, 월세 70만원 이하 / 60만원 이하: a limit is the
            # figure stated, and two limits of one side are two figures
            return math.isclose(va.value, vb.value, rel_tol=1e-9)
        if _stated_range(a) and _stated_range(b):
            # 연 4.25~6.1% / 연 4.52~6.1%: two ranges of one figure are alike at both ends,
            # however they overlap
            return all(
                math.isclose(x, y, rel_tol=1e-9) for x, y in ((va.low, vb.low), (va.high, vb.high))
            )
        if va.hedge and vb.hedge and va.value != vb.value and digits_swapped(va.value, vb.value):
            # 약 65억달러 / 약 56억달러: two roundings of one figure are written alike; the
            # same digits in another order are a typing slip, however the hedges overlap
            return False
        # a relative tolerance for float noise, on either side of zero (영하 12.3도)
        if va.low <= vb.high + 1e-9 * abs(vb.high) and vb.low <= va.high + 1e-9 * abs(va.high):
            return True
        return rounded_alike(a, b)
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        if va.time and vb.time and "day_assumed" in a.qualifiers | b.qualifiers:
            # "오후 7시 5분 출발해": a time whose day the sentence does not give is dated to the
            # last day its article named, which differs between outlets (the 15th they heard
            # it, the 20th of the first flight): the times alone are compared
            return _times_agree(replace(va, start=vb.start), vb)
        if va.start and vb.start and va.end and vb.end:
            return va.start <= vb.end and vb.start <= va.end and _times_agree(va, vb)
        # a year is unknown on one side: compare month and day where both have them
        if va.month and vb.month and va.month != vb.month:
            return False
        return not (va.day and vb.day and va.day != vb.day)
    return False


def _stated_range(claim: Claim) -> bool:
    """The claim is a range written with its two ends (4.25~6.1%, 1만~2만명), no hedge."""
    q = claim.value
    return (
        isinstance(q, Quantity)
        and not q.hedge
        and any(sign in claim.surface for sign in RANGE_SIGNS)
        and q.low < q.high < math.inf
    )


# hedges that give the largest or smallest of several figures (최대 52분 지연: the longest
# delay); written on both sides, they state one figure each
EXTREMES = frozenset(("최대", "최소"))
# hedges that make a figure a limit, by side (1 above, -1 below): two limits on one side
# (both 이하) are two figures, however their intervals overlap
BOUNDS = {"이상": 1, "초과": 1, "이하": -1, "이내": -1, "미만": -1}
# units whose figures are written to a chosen number of decimals, one outlet rounding what
# another gives in full: 312대 1 for 312.4대 1, 2.6% for 2.63%
ROUNDED_UNITS = frozenset(("%", "%p", "대 1", "배", "pt"))
ROUNDING_SHARE = 0.02  # at most this far apart, relative to the figure: 2% is no 2.25% rounded
_WRITTEN_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounded_alike(a: Claim, b: Claim) -> bool:
    """One exact figure is the other rounded to the decimals it is written with: 312대 1
    and 312.4대 1, 2.6% and 2.63% (within half a unit of the shorter figure's last written
    digit, and within ROUNDING_SHARE of it).

    Must not match: figures written to the same decimals (8.2% / 8.7%, 2.00% / 2.25%),
    a rounding that moves the figure much (2% / 2.25%), hedged or bounded figures (their
    intervals say what they allow), or units whose figures are not written to decimals by
    choice (counts, money: 5000억 is no rounding of 5조).
    """
    x, y = a.value, b.value
    if x.unit != y.unit or x.unit not in ROUNDED_UNITS or x.hedge or y.hedge:
        return False
    if x.low != x.high or y.low != y.high:
        return False
    da, db = _written_decimals(a.surface), _written_decimals(b.surface)
    if da is None or db is None or da == db:
        return False
    gap = abs(x.value - y.value)
    return gap <= 0.5 * 10.0 ** -min(da, db) + 1e-9 and gap <= ROUNDING_SHARE * max(
        abs(x.value), abs(y.value)
    )


def _written_decimals(surface: str) -> int | None:
    """Decimals of the first number as written (2.00% has two)."""
    m = _WRITTEN_NUMBER_RE.search(surface)
    return len(m.group(1) or "") if m else None


def _times_agree(a: DateValue, b: DateValue) -> bool:
    """Times of day on one day agree within a quarter of an hour (9시 30분께 / 9시 40분쯤), or
    within half an hour of a time written to the hour (10시 / 9시 30분)."""
    if not (a.time and b.time and a.precision == b.precision == "day" and a.start == b.start):
        return True
    minutes = [int(t[:2]) * 60 + int(t[3:]) for t in (a.time, b.time)]
    tolerance = 30 if any(t.endswith(":00") for t in (a.time, b.time)) else 15
    return abs(minutes[0] - minutes[1]) <= tolerance


ELIMINATION_MIN = 0.05  # a weak pair matched by elimination must still share some context


def add_elimination_edges(
    edges: dict[tuple[str, str], list[tuple[str, str, float]]],
    weak: dict[tuple[str, str], list[tuple[str, str, float]]],
    members: list[Claim],
) -> None:
    """Match the last members of two enumerations by elimination.

    Two articles list the same parts in one sentence ("사관학교 연 4000명과 대학 과정 연
    6000명" / "캠퍼스타운 사업으로 6000명, 사관학교에서 4000명"): once every other figure of
    one list is matched to a distinct figure of the other, the remaining two are the same
    part even when the outlets name it differently (대학 연계 과정 / 캠퍼스타운 사업) and
    their contexts barely overlap. Figures only: dates in one sentence are different events
    (2026년 3월 착공해 2029년 준공), told apart by their predicates. The edge keeps its low
    similarity, so it never outbids a real match and the conflict it may yield says how
    weak the pairing is.
    """
    # each sentence's figures, and the same without its totals: the total of a list is
    # none of its items ("사관학교(연 4000명)와 대학 연계 과정(연 6000명)을 통해 총 1만 명"
    # lists two, as "대학 사업으로 6000명, 사관학교에서 4000명" does)
    everything: dict[tuple[str, int], list[str]] = defaultdict(list)
    items: dict[tuple[str, int], list[str]] = defaultdict(list)
    where: dict[str, tuple[str, int]] = {}
    for c in members:
        where[c.id] = (c.doc_id, c.sentence_index)
        everything[where[c.id]].append(c.id)
        if not c.qualifiers & {"total", "whole"}:
            items[where[c.id]].append(c.id)
    for doc_pair, candidates in weak.items():
        strong = edges.get(doc_pair, [])
        for cid, oid, sim in candidates:
            for lists in (everything, items):
                ex, ey = lists[where[cid]], lists[where[oid]]
                if len(ex) < 2 or len(ex) != len(ey) or cid not in ex or oid not in ey:
                    continue
                rest_x = set(ex) - {cid}
                rest_y = set(ey) - {oid}
                inner = [(a, b, w) for a, b, w in strong if a in rest_x and b in rest_y]
                if len(best_matching(inner)) == len(rest_x):
                    edges[doc_pair].append((cid, oid, sim))
                    break


FIGURE_MIN = 10  # smaller figures (2곳, 3개) recur by chance and anchor nothing


def parts_of_wholes(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """whole claim id -> the parts its sentence takes from it (승객 284명 가운데 7명이)."""
    out: dict[str, list[Claim]] = {}
    for members in figures_by_sentence(claims, minimum=0).values():  # 7 of 284 counts
        for w in members:
            if "whole" in w.qualifiers:
                out[w.id] = [p for p in members if "part" in p.qualifiers and p.start > w.start]
    return out


def figures_of_periods(claims: Iterable[Claim]) -> dict[str, set[tuple]]:
    """date claim id -> the figures it is the period of (unit, value): written right
    after it ("9월 1.9%", "10월(1.8%)") or framed by it as a whole year or months of one
    ("올해 1~10월 … 접수된 … 신청은 1745건" / "지난해 한 해 동안 … 1657건"). Two such
    dates are one fact only with a figure in common: 8월 2.0% / 9월 1.9% are two points of
    a series, not one month told two ways. A month framing a measure (10월 수출이
    612억달러; 다음 달 7일부터 요금이 1400원에서) is not one: its month may be the slip.
    A figure is its unit and value, whatever kind it was read as: 1998년 제41회 (an ordinal)
    and 1999년 행정고시(41회) (read as a count) label one exam."""
    claims = list(claims)
    figures = figures_by_sentence(claims, minimum=0)
    dates = [c for c in claims if "period" in c.qualifiers and isinstance(c.value, DateValue)]
    out: dict[str, set[tuple]] = {}
    for d in dates:
        labelled = {
            (c.value.unit, c.value.value)
            for c in figures.get((d.doc_id, d.sentence_index), ())
            if (d.end <= c.start <= d.end + 1 or _spans_months(d.value))  # " " or "(" between
            and c.scope == (d.value.start, d.value.end)
        }
        if labelled:
            out[d.id] = labelled
    return out


def _spans_months(value: DateValue) -> bool:
    """A year, or months of one (1~10월), as a period: a figure of it is of those months,
    where a figure framed by one month may have its month slipped."""
    return value.precision == "year" or (
        bool(value.start) and bool(value.end) and value.start[:7] != value.end[:7]
    )


def states_a_part(whole: Claim, other: Claim, parts: dict[str, list[Claim]]) -> bool:
    """``other`` states the value of one of ``whole``'s parts: it is that part, whatever
    its words share with the whole's (an article that states both tells them apart)."""
    return any(p.kind == other.kind and values_agree(p, other) for p in parts.get(whole.id, ()))


def figures_by_sentence(
    claims: Iterable[Claim], minimum: float = FIGURE_MIN
) -> dict[tuple[str, int], list[Claim]]:
    """The figures of each sentence ((document, sentence index) -> claims), ``minimum`` and
    above."""
    out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, Quantity) and abs(c.value.value) >= minimum:
            out[(c.doc_id, c.sentence_index)].append(c)
    return out


TELLING_DIGITS = 3  # significant digits from which one figure is rarely another's by chance


# Two figures alike to this many significant digits (1024만4550) are one fact before any
# other pairing: no two facts of one story share them by chance.
UNMISTAKABLE_DIGITS = 5
UNMISTAKABLE_SIMILARITY = 0.9


def same_telling_figure(a: Claim, b: Claim, digits: int = TELLING_DIGITS) -> bool:
    """Both claims state exactly one figure with ``digits`` or more significant digits
    (337만명 and 337만명, 2.25% and 2.25%): one fact however the sentences are worded.

    Catches: "회원 337만명의 개인정보가" / "337만명의 이름과 연락처가", one count.
    Must not pair: round or short figures (2명 and 2명, 100억원 and 100억원), which many
    different facts share; figures of two kinds or units; a hedged figure (약 337만명).
    Used only for claims whose contexts already overlap a little (see ``_Structure``).
    """
    if a.kind in NOT_FIGURES or b.kind != a.kind:
        return False
    x, y = a.value, b.value
    if x.unit != y.unit or x.value != y.value or x.hedge or y.hedge:
        return False
    return significant_digits(x.value) >= digits


def significant_digits(value: float) -> int:
    """Digits written between the first and last non-zero one: 3370000 -> 3 (337)."""
    return len(f"{abs(value):.6f}".rstrip("0").replace(".", "").strip("0"))


def share_a_figure(a: Claim, b: Claim, figures: dict[tuple[str, int], list[Claim]]) -> bool:
    """Another figure of ``a``'s sentence is stated alike in ``b``'s sentence.

    Two outlets' sentences that agree on a figure (1.2조 원 / 1조2000억원; 장비 40대) report
    the same thing, however differently worded: what else they state side by side is
    about the same things too.
    """
    return any(
        x.id != a.id
        and y.id != b.id
        and x.kind == y.kind
        and x.value.unit == y.value.unit
        and values_agree(x, y)
        for x in figures.get((a.doc_id, a.sentence_index), ())
        for y in figures.get((b.doc_id, b.sentence_index), ())
    )


def _may_be_one_event(a: Claim, b: Claim) -> bool:
    """Figures: both predicates are one event the vocabulary knows (투입 / 동원); a figure's
    attribute is otherwise too loosely tied to its sentence (연면적 33만㎡ / 부지 99만㎡ beside
    one budget). Dates: any predicates but two different known events (착공 / 준공), since
    a date in a sentence that agrees on its figures dates what they measure ("10월 수출이 …
    620억 달러")."""
    if a.kind != "date":
        return bool(known_events(a) & known_events(b))
    return not _different_known_events(a, b)


# Event classes too common to single a figure out (a figure 밝혔다 is any figure).
_GENERIC_EVENTS = frozenset(("announce",))


def known_events(claim: Claim) -> frozenset[str]:
    """The event classes of a claim's predicate that the vocabulary knows (a word may be in
    two: 시작 begins a project or is a fire breaking out, 조성 builds a site or raises a fund)."""
    return known_classes(claim.predicate)


def known_classes(predicate: str | None) -> frozenset[str]:
    """``predicate_classes`` of a word, without the word itself (a word of no class) and
    the classes too common to single a figure out (``_GENERIC_EVENTS``)."""
    classes = predicate_classes(predicate)
    return frozenset(c for c in classes if c != predicate and c not in _GENERIC_EVENTS)


def _per_article(claims: list[Claim], keys: Callable[[Claim], Iterable[str]]) -> Counter:
    """How many claims of each article have each key: (document id, key) -> count."""
    return Counter((c.doc_id, k) for c in claims for k in keys(c))


def _measure_of(claim: Claim) -> list[str]:
    """The measure a claim's clause marks (수출 of 반도체 수출이), if any."""
    return [measure_word(claim.marked_subject)] if claim.marked_subject else []


def _against_of(claim: Claim) -> list[str]:
    return [q for q in claim.qualifiers if q.startswith("against_")]


def _only_change_against(a: Claim, b: Claim, counts: dict[tuple[str, str], int]) -> bool:
    """Each article gives one figure of this dimension against one earlier period (1년 전과
    비교하면 1.8% / 전년 동기 대비 성장률은 1.6%), and their measures do not differ: the one
    year-on-year change of the story, however differently worded."""
    if (
        a.marked_subject
        and b.marked_subject
        and not same_measure(a.marked_subject, b.marked_subject)
    ):
        return False
    return any(
        counts[(a.doc_id, q)] == 1 and counts[(b.doc_id, q)] == 1
        for q in set(_against_of(a)) & set(_against_of(b))
    )


def _subject_of(claim: Claim) -> list[str]:
    return [_spaceless(claim.subject)] if claim.subject else []


def _spaceless(subject: str) -> str:
    """A subject as compared: kiwipiepy reads 중앙구 whole in one page and 중앙 + 구 in the
    next, so two subjects are one when they differ only in spacing."""
    return subject.replace(" ", "")


# events that happen once to the thing a story is about (its launch, its groundbreaking, its
# completion): each article's one date of such an event is that date. Others recur in one
# story (a meeting held on the 5th, a fair on the 11th; 열다 opens a hall or holds a fair).
_SINGULAR_EVENTS = frozenset(
    ("release", "start_construction", "complete", "take_office", "born", "close", "restore", "open")
)


def _only_event_of_its_kind(
    a: Claim, b: Claim, counts: dict[tuple[str, str], int], only: frozenset[str] | None = None
) -> bool:
    """Each article gives one figure of this dimension for an event both predicates name,
    and their subjects do not differ: "작업자 2명이 숨지고" / "화재가 발생해 2명이 숨지고"
    state the death toll however differently the sentences are worded. Different subjects
    (수출 10% 증가 / 수입 5% 증가) are different things. For dates, only events of
    ``only`` count: one story mentions many events "held" (a meeting on the 5th, the
    conference on the 11th), one per article; and a date's subject is only its sentence's
    topic, so it does not tell two dates apart."""
    shared = known_events(a) & known_events(b)
    if only is not None:
        shared &= only
    if not any(counts[(a.doc_id, e)] == 1 and counts[(b.doc_id, e)] == 1 for e in shared):
        return False
    if a.kind == "date":
        return True  # a date's subject is its sentence's topic (스마트폰 / 정식 출시), no measure
    sa, sb = _thing_named(a.subject), _thing_named(b.subject)
    if sa and sb and _spaceless(sa) != _spaceless(sb):
        # 교육공무직 2만1천여명이 참여 / 비정규직 노동자 2만4천여명이 참여: a noun of people in
        # general (노동자) may name the group another outlet names precisely; two of each
        # kind (교사 / 학생, 수출 / 수입) are two things
        return _of_people(sa) != _of_people(sb)
    return True


def _of_people(subject: str) -> bool:
    """The subject ends in a noun of people in general (노동자, 직원, 주민)."""
    return subject.rpartition(" ")[2] in vocabulary_words("names", "people")


def _thing_named(subject: str) -> str:
    """A subject that names a thing: not an event word read as one (43명을 검거하고: 검거)."""
    words = subject.split()
    if words and all(is_event_word(w) for w in words):
        return ""
    return subject


def _only_measure_of_its_kind(a: Claim, b: Claim, counts: dict[tuple[str, str], int]) -> bool:
    """Both clauses mark one measure (매출이 79조원 / 매출은 81조원), and each article gives
    one figure of this dimension for it: the same fact, however little else the sentences
    share."""
    if not a.marked_subject or not b.marked_subject:
        return False
    if not same_measure(a.marked_subject, b.marked_subject):
        return False
    m = measure_word(a.marked_subject)
    if m in SHARE_NOUNS and a.marked_subject != b.marked_subject:
        return False  # 비중 (of age groups) / 아파트 비중: a share says of what only before it
    return (
        m == measure_word(b.marked_subject)
        and counts[(a.doc_id, m)] == 1
        and counts[(b.doc_id, m)] == 1
    )


def _only_figure_of_its_subject(a: Claim, b: Claim, counts: dict[tuple[str, str], int]) -> bool:
    """Both figures measure the same noun phrase, written alike but for spacing (관객: "관객
    9만명을 동원했다" / "8만 관객과 만났다"; 중앙구 인구 / 중앙 구 인구), and each article gives
    one figure of this dimension for it: the
    same fact in sentences that share little else. Different phrases (반도체 수출 / 수출)
    are left to the other signals."""
    subject = _spaceless(a.subject)
    return (
        bool(subject)
        and subject == _spaceless(b.subject)
        and counts[(a.doc_id, subject)] == 1
        and counts[(b.doc_id, subject)] == 1
    )


def _only_figures_of_one_measure(a: Claim, b: Claim, per_doc: dict[str, int]) -> bool:
    """Each article gives one figure of this dimension (one amount in won, one percentage),
    and both name the same measure close to it, in one word (진화율 65% / 진화율이 56%) or in
    other words (사업비 / 예산: the class <비용> in both contexts)."""
    if per_doc[a.doc_id] != 1 or per_doc[b.doc_id] != 1:
        return False
    if (
        a.marked_subject
        and b.marked_subject
        and not same_measure(a.marked_subject, b.marked_subject)
        and not _one_class_of_measure(a.marked_subject, b.marked_subject)
    ):
        return False  # 수출이 12% 증가 / 수입은 5% 증가: two measures
    return bool(_near_measures(a) & _near_measures(b))


def _one_class_of_measure(a: str, b: str) -> bool:
    """Two marked measures in words of one synonym class (예산은 540억원 / 사업비는 국비
    450억원: both <비용>), as the vocabulary groups them."""
    classes = synonym_classes()
    ca = {classes[w] for w in a.split() if w in classes}
    return bool(ca & {classes[w] for w in b.split() if w in classes})


def _only_figures_of_a_rare_counter(a: Claim, b: Claim, per_doc: dict[str, int]) -> bool:
    """Each article gives one figure counted in a counter of few uses (주차장 412면 / 주차
    공간은 421면, 유람선 8척 / 6척), or one multiple (10년 만에 다섯 배로 커졌다 / 10년 새
    세 배로 성장했다), and they share some word: a story rarely counts two things in such a
    unit, or gives two growths as multiples, however differently the outlets word the
    sentence. Not the counters of everything (명, 개, 곳, 건, 대, 회, 가구): two articles'
    only counts of people may be of the dead and of the rescued."""
    if per_doc[a.doc_id] != 1 or per_doc[b.doc_id] != 1:
        return False
    if a.kind == "multiple":
        return True
    return (
        a.kind == "count" and isinstance(a.value, Quantity) and a.value.unit not in _COMMON_COUNTERS
    )


_COMMON_COUNTERS = frozenset(("명", "개", "곳", "건", "대", "회", "가구", "종", "가지", "개사"))


def _only_age_bounds(a: Claim, b: Claim, per_doc: dict[str, int]) -> bool:
    """Each article's only age is a bound of one direction (참여 대상은 만 65세 이상 / 참여
    나이는 만 60세 이상), and they share a word close to it: the story's one age limit,
    however its measure is named (대상, 나이). Not an article with two ages (만 65세 이상
    무료, 60~64세 반값), nor bounds of two directions (19세 미만 / 65세 이상)."""
    qa, qb = a.value, b.value
    return (
        a.kind == "age"
        and per_doc[a.doc_id] == 1
        and per_doc[b.doc_id] == 1
        and isinstance(qa, Quantity)
        and isinstance(qb, Quantity)
        and qa.hedge == qb.hedge
        and qa.hedge in BOUNDS
        and bool(_near_measures(a) & _near_measures(b))
    )


def _near_measures(claim: Claim) -> set[str]:
    """Nouns and synonym classes close to the figure (weight ≥ 0.5): what it measures, not a
    budget named elsewhere in its sentence (총사업비 … 연면적 33만㎡)."""
    return {
        k
        for k, w in claim.context
        if k != MEASURE_FEATURE
        and k != claim.predicate  # 증가 of "12% 증가" is what happened, not what is measured
        and not k.startswith(("~", "@"))
        and k not in streak_words()
        and w >= NEAR_CLASS_WEIGHT
    }


NEAR_CLASS_WEIGHT = 0.5


class _Structure:
    """Evidence beyond shared words that two claims of one dimension state one fact.

    Short or differently worded sentences share few nouns; the articles' structure can still
    pair their figures. Each signal is one of the ``_only_…``/``share_a_figure`` predicates.
    """

    def __init__(self, members: list[Claim], figures: dict[tuple[str, int], list[Claim]]):
        # the ends of spans (1982년 이후 문을 닫은: since when, not when) date no event
        self.events = _per_article(
            [c for c in members if "span" not in c.qualifiers or c.kind != "date"], known_events
        )
        # the dates still to come of each event: 1998년 부임 is a past posting, 오는 5월 1일
        # 취임 the one ahead
        self.events_ahead = _per_article(
            [
                c
                for c in members
                if c.kind == "date" and "future" in c.qualifiers and "span" not in c.qualifiers
            ],
            known_events,
        )
        self.of_event: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in members:
            for e in known_events(c) & exclusive_events():
                self.of_event[(c.doc_id, e)].append(c)
        self.in_force = Counter(c.doc_id for c in members if _in_force_from(c))
        # figures per article and period; one of a thing ("한 대에 지급되는 보조금": per car)
        # is a unit, no figure of the period
        self.periods = Counter(
            (c.doc_id, c.scope)
            for c in members
            if c.scope and not (isinstance(c.value, Quantity) and c.value.value == 1)
        )
        self.measures = _per_article(members, _measure_of)
        self.per_doc = Counter(c.doc_id for c in members)
        # figures per article that may meet one another (no blocking qualifier apart): a
        # page's 312㎜ of rain is its only total beside its 시간당 80㎜, an intensity
        self.alike = Counter((c.doc_id, _blocking(c)) for c in members)
        self.parts = Counter(c.doc_id for c in members if "part" in c.qualifiers)
        self.subjects = _per_article(members, _subject_of)
        self.against = _per_article(members, _against_of)
        self.figures = figures
        # the first days of spans (8월 4일부터 14일까지), by sentence and by article
        self.span_starts: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in members:
            if c.kind == "date" and "span_start" in c.qualifiers:
                self.span_starts[(c.doc_id, c.sentence_index)].append(c)

    def only_event(self, a: Claim, b: Claim) -> bool:
        """Each article's only figure of this dimension for one event both predicates name
        (``_only_event_of_its_kind``), or against one earlier period (``_only_change_against``):
        enough to pair figures whose words share nothing."""
        return a.kind != "date" and (
            _only_event_of_its_kind(a, b, self.events) or _only_change_against(a, b, self.against)
        )

    def only_figure_of_its_period(self, a: Claim, b: Claim) -> bool:
        """Each article gives one figure of this dimension for one period both name (올해
        전기차 30만대 / 올해 지원 물량 20만대), no event of a different kind, and no marked
        measures that differ: the same fact, however differently the sentences are worded. A
        stock on the period's last day is of the period (``_stock_the_period_ended_at``).

        Must not pair: figures of two measures (올해 지원 물량 / 올해 판매량, both marked),
        of two known events (투입 / 채용), or an article's two figures of the period."""
        if (
            not a.scope
            or not b.scope
            or (a.scope != b.scope and not _stock_the_period_ended_at(a, b))
            or self.periods[(a.doc_id, a.scope)] != 1
            or self.periods[(b.doc_id, b.scope)] != 1
        ):
            return False
        if (
            a.marked_subject
            and b.marked_subject
            and not same_measure(a.marked_subject, b.marked_subject)
        ):
            return False
        ea, eb = known_events(a), known_events(b)
        return not (ea and eb and not ea & eb)

    def only_part_of_the_only_whole(self, a: Claim, b: Claim) -> bool:
        """Each article gives two figures of this dimension, a whole and a part of it (공공주택
        3만가구를 착공 … 이 가운데 2만가구는 수도권에 / 5만가구 착공 … 이 가운데 3만가구는
        수도권 물량): the parts are one fact, however differently their clauses are worded.

        Must not pair: a part with a whole, nor parts in an article with more figures of
        the dimension (사망자 3명 가운데 2명, 부상자 10명 가운데 4명: parts of two wholes)."""
        return (
            "part" in a.qualifiers
            and "part" in b.qualifiers
            and all(self.parts[c.doc_id] == 1 and self.per_doc[c.doc_id] == 2 for c in (a, b))
        )

    def ends_of_one_span(self, a: Claim, b: Claim) -> bool:
        """Both dates end a span (8월 4일부터 14일까지 / 8월 4일부터 24일까지) whose first
        days agree, and neither article starts another span on that day: the end of one
        period, however the sentences word it.

        Catches: an exercise's last day, 14일 vs 24일, after one first day.
        Must not catch: the ends of spans that start on different days, nor of two spans an
        article starts on one day (접수 4일부터 14일까지, 연습 4일부터 24일까지)."""
        if not all("span" in c.qualifiers and "span_start" not in c.qualifiers for c in (a, b)):
            return False
        starts = []
        for end in (a, b):
            first = [
                s
                for s in self.span_starts.get((end.doc_id, end.sentence_index), ())
                if s.start < end.start
            ]
            if len(first) != 1:
                return False
            starts.append(first[0])
        return values_agree(*starts) and all(self._spans_from(s) == 1 for s in starts)

    def _spans_from(self, start: Claim) -> int:
        """How many spans ``start``'s article starts on its day."""
        return sum(
            values_agree(start, other)
            for (doc, _), others in self.span_starts.items()
            if doc == start.doc_id
            for other in others
        )

    def counted_elsewhere(
        self, a: Claim, b: Claim, vectors: dict[str, Vector] | None = None
    ) -> bool:
        """``a`` counts the people of an ``[exclusive]`` event (the injured, the dead, the
        missing), ``b``'s predicate names no such event, and ``b``'s article gives its
        own figure of that event (with ``vectors``, one in words at least as like ``a``'s
        as ``b``'s are): that figure, not ``b``, is ``a``'s counterpart.

        Catches: "4명이 다쳤습니다" / "근로자 30여명이 작업 중이었다" beside "3명이
        부상을 입었다" in the second article.
        Must not catch: a figure whose article has no figure of the event (3명이 다쳤다 /
        3명이 병원으로 이송됐다: perhaps the injured, told another way), nor one whose
        article's figures of the event are of other things ("떨어짐 사고로 숨진 노동자는
        162명" / "사고 유형별로는 떨어짐이 126명으로", beside that article's 443 dead in
        all: less alike), nor dates.
        """
        if a.kind == "date":
            return False
        counted = known_events(a) & exclusive_events()
        for e in counted:
            elsewhere = self.of_event.get((b.doc_id, e), ())
            if e in known_events(b) or not elsewhere:
                continue
            if vectors is None:
                return True
            va = vectors[a.id]
            near = cosine(va, vectors[b.id])
            if any(cosine(va, vectors[x.id]) >= near for x in elsewhere):
                return True
        return False

    def one_fact(self, a: Claim, b: Claim) -> bool:
        if a.kind == "date" and _only_event_of_its_kind(a, b, self.events, _SINGULAR_EVENTS):
            return True  # 다음 달 7일 출시 / 정식 출시는 다음 달 17일이다: the one launch
        if (
            a.kind == "date"
            and "future" in a.qualifiers
            and "future" in b.qualifiers
            and _only_event_of_its_kind(a, b, self.events_ahead, _SINGULAR_EVENTS)
        ):
            # 오는 5월 1일 취임한다 beside 1998년 부임 / 6월 1일 취임할 예정: each page's
            # one date ahead of a once-only event, whatever it says of the past
            return True
        if a.kind == "date" and self.ends_of_one_span(a, b):
            return True
        if (
            _in_force_from(a)
            and _in_force_from(b)
            and self.in_force[a.doc_id] == 1
            and self.in_force[b.doc_id] == 1
        ):
            return True  # 6월 12일부터 시행된다 / 6월 2일부터 적용된다: when the rule starts
        if a.kind != "date" and _two_kinds_of_people(a, b):
            return False  # 교사 300명 / 학생 2000명: two groups, however alone in their articles
        if a.kind != "date" and (
            same_telling_figure(a, b)
            or _only_event_of_its_kind(a, b, self.events)
            or _only_measure_of_its_kind(a, b, self.measures)
            or _only_figures_of_one_measure(
                a, b, {c.doc_id: self.alike[(c.doc_id, _blocking(c))] for c in (a, b)}
            )
            or _only_figures_of_a_rare_counter(a, b, self.per_doc)
            or _only_age_bounds(a, b, self.per_doc)
            or _only_figure_of_its_subject(a, b, self.subjects)
            or _only_change_against(a, b, self.against)
            or self.only_figure_of_its_period(a, b)
            or self.only_part_of_the_only_whole(a, b)
        ):
            return True
        if a.kind == "date" and a.value.precision != b.value.precision:
            # a year and a day beside one figure ("2027년도 예산안 728조원을 가결" / "2일 …
            # 728조원 예산을 확정"): what the figure is of, and when it was decided
            return False
        return _may_be_one_event(a, b) and share_a_figure(a, b, self.figures)


def _in_force_from(claim: Claim) -> bool:
    """A date something starts from (내년 6월 12일부터 시행된다, 적용된다). An article
    giving one such date gives the day its measure takes effect: two articles' are one
    fact, however little else their sentences share. Not an article with two (one stage
    from January, the next from July). The verb may be one the vocabulary does not know
    (새 노선은 다음 달 1일부터 운행한다: what starts then), not another known event (1일부터
    접수한다: the applications, not the measure)."""
    events = known_events(claim)
    return (
        claim.kind == "date"
        and "from" in claim.qualifiers
        and "span" not in claim.qualifiers
        and (not events or "begin" in events)
    )


def _undated_of_another_period(
    scoped: Claim,
    undated: list[Claim],
    of_periods: dict[str, list[Claim]],
    vectors: dict[str, Vector],
) -> bool:
    """The other article's undated figures are of another period than ``scoped``'s: one of
    them states, in like words, a figure that ``scoped``'s article dates to that other
    period. "이번 주 0.23% … 지난주(0.19%)" against an undated "0.23% … 전국 0.05%": the
    undated figures are this week's, and 0.05% is no rival of last week's 0.19%."""
    for dated in of_periods[scoped.doc_id]:
        if dated.scope == scoped.scope or dated.id == scoped.id:
            continue
        for plain in undated:
            if (
                isinstance(plain.value, Quantity)
                and plain.value.value == dated.value.value
                and values_agree(plain, dated)
                and cosine(vectors[plain.id], vectors[dated.id]) >= ANCHOR_SIMILARITY
            ):
                return True
    return False


ANCHOR_SIMILARITY = 0.5  # how alike a figure and its dated twin in another article must be


def _present_beside(scoped: Claim, undated: list[Claim]) -> bool:
    """``scoped``'s own article also gives an undated figure of the same subject
    (``undated``: that article's undated figures of the dimension), of another value and of
    the same kind (not a running total beside a quarter's figure: 3분기까지 누적 31조원 /
    12조3천억원 are two measures of one present): the two are of two periods, a named one
    and the present, and another article's undated figure is of the present. Like words
    alone are not enough: 지난해 말 중앙구 인구 and 한솔시 전체 인구 are two places."""
    kind = scoped.qualifiers & _FIGURE_KINDS
    subject = _without_period_words(scoped.subject)
    return any(
        p.subject
        and subject
        and same_measure(_without_period_words(p.subject), subject)
        and p.qualifiers & _FIGURE_KINDS == kind
        and not values_agree(p, scoped)
        for p in undated
    )


# Words that frame a period without being a time word themselves (지난해 같은 기간).
_PERIOD_FRAMES = frozenset(("이번", "같은", "기간"))


def _without_period_words(subject: str) -> str:
    """``subject`` without the words that name its period (``is_time_word``): 지난해
    경쟁률 is the 경쟁률 of 지난해 (its scope says so), this year's 시험 경쟁률's measure."""
    return " ".join(w for w in subject.split() if w not in _PERIOD_FRAMES and not is_time_word(w))


# what a figure is, beside its value: qualifiers that make two figures two measures
_FIGURE_KINDS = frozenset((*BLOCKING_QUALIFIERS, "cumulative", "rate", "total", "summand"))


def held_dates(claims: list[Claim]) -> set[str]:
    """Ids of the dates that hold another date of the same event in the same article:
    "내년에 폐교하는 학교" beside "폐교 날짜는 내년 3월 2일이다" is one closing told at two
    precisions, and the day is the article's date of it. A held date is not aligned: it
    would agree with another outlet's 3월 1일 and hide the disagreement."""

    def holds(outer: Claim, inner: Claim) -> bool:
        x, y = outer.value, inner.value
        return (
            outer.id != inner.id
            and outer.doc_id == inner.doc_id
            and bool(known_events(outer) & known_events(inner))
            and bool(x.start and x.end and y.start and y.end)
            and x.start <= y.start
            and y.end <= x.end
            and (x.start, x.end) != (y.start, y.end)
        )

    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, DateValue) and known_events(c):
            by_doc[c.doc_id].append(c)
    return {c.id for dates in by_doc.values() for c in dates if any(holds(c, o) for o in dates)}


def figures_dated(
    claims: Iterable[Claim], figures: dict[tuple[str, int], list[Claim]]
) -> dict[str, list[Claim]]:
    """date claim id -> the figures of its sentence (``figures``: ``figures_by_sentence``
    with no minimum) it dates: those whose period it is ("지난해 8월 20일의 94.5GW"), or,
    when it is no figure's period, the sentence's figures of no named period ("6일 오후 5시
    최대전력수요는 97.1GW를 기록했다")."""
    out: dict[str, list[Claim]] = {}
    for d in claims:
        if not isinstance(d.value, DateValue) or not d.value.start:
            continue
        beside = figures.get((d.doc_id, d.sentence_index), ())
        own = [f for f in beside if f.scope == (d.value.start, d.value.end)]
        out[d.id] = own or [f for f in beside if f.scope is None]
    return out


def dates_of_two_figures(
    x: Claim, y: Claim, dating: dict[str, list[Claim]], stated: dict[str, list[Claim]]
) -> bool:
    """Two dates that date two different figures of one measure, each of which both
    articles state: the dates of two facts, never one date told two ways.

    Catches: "종전 최고치인 지난해 8월 20일의 94.5GW" / "6일 … 97.1GW를 기록했다" when both
    articles give 97.1GW and 94.5GW (last year's record and today's).
    Must not catch: two dates of one figure ("지난해 8월 20일 94.5GW" / "지난해 8월 21일
    기록한 94.5GW": a date conflict), nor a figure that the other article does not state
    (94.5GW / 94.6GW: perhaps one figure told two ways, and its date with it).
    """
    fx, fy = dating.get(x.id, ()), dating.get(y.id, ())
    alike = [
        (p, q)
        for p in fx
        for q in fy
        if p.kind == q.kind and p.value.unit == q.value.unit and _roles(p) == _roles(q)
    ]
    if not alike or any(values_agree(p, q) for p, q in alike):
        return False

    def states(doc: str, figure: Claim) -> bool:
        return any(
            f.kind == figure.kind and f.value.unit == figure.value.unit and values_agree(f, figure)
            for f in stated.get(doc, ())
        )

    return any(states(y.doc_id, p) for p, _ in alike) and any(states(x.doc_id, q) for _, q in alike)


def _roles(claim: Claim) -> frozenset[str]:
    """The ``BLOCKING_QUALIFIERS`` of a figure: figures of two roles never meet (a level
    and the level a change starts from: 1400원에서 1550원으로)."""
    return claim.qualifiers.intersection(BLOCKING_QUALIFIERS)


def _of_a_day(claim: Claim) -> bool:
    """The figure's period is one day (지난 19일 개표에서는 3표 차로): an occasion. Not a
    stock at the end of a period (지난해 말 인구는), which the article's undated figures
    around it are usually of too."""
    return (
        claim.scope is not None
        and claim.scope[0] == claim.scope[1]
        and "period_end" not in claim.qualifiers
    )


def _apart(x: Claim, y: Claim, labelled: dict[str, set[tuple]]) -> bool:
    """Two claims no chain of pairs may join: disagreeing values of one article, figures of
    periods apart (9월 1.9% and 10월(1.8%), each paired with an unscoped 2%대; not 지난달 말
    and 10월 31일, which overlap), or two points of a series (``figures_of_periods``)."""
    if x.doc_id == y.doc_id and not values_agree(x, y):
        return True
    if x.id in labelled and y.id in labelled and not labelled[x.id] & labelled[y.id]:
        return True
    return bool(x.scope and y.scope and (x.scope[1] < y.scope[0] or y.scope[1] < x.scope[0]))


def join_matches(
    matched: list[tuple[str, str, float]],
    by_id: dict[str, Claim],
    labelled: dict[str, set[tuple]] | None = None,
) -> tuple[list[list[Claim]], dict[str, float]]:
    """Topic groups from matched claim pairs, and each claim's best pair score.

    Pairs join strongest first, and a pair that would put two disagreeing values of one
    article into one group is left out: an article gives one value per fact, so such a
    chain (사관학교 4000명 - 4천명 - 1만명 - 1만명) has joined two facts. Agreeing values of
    one article (a figure in the lead and again in a quote) may share a group. Figures of
    two periods never share one either, as they never pair (``pair_similarity``).
    """
    sets = UnionFind()
    group_of: dict[str, list[Claim]] = {}
    pair_score: dict[str, float] = {}
    for cid, oid, weight in sorted(matched, key=lambda m: (-m[2], m[0], m[1])):
        root_c, root_o = sets.find(cid), sets.find(oid)
        if root_c != root_o:
            mc = group_of.get(root_c, [by_id[cid]])
            mo = group_of.get(root_o, [by_id[oid]])
            if any(_apart(x, y, labelled or {}) for x in mc for y in mo):
                continue
            group_of.pop(root_c, None)
            group_of.pop(root_o, None)
            sets.union(cid, oid)
            group_of[sets.find(cid)] = mc + mo
        score = min(1.0, weight)
        pair_score[cid] = max(pair_score.get(cid, 0.0), score)
        pair_score[oid] = max(pair_score.get(oid, 0.0), score)
    groups = [
        sorted(group_of[root], key=lambda c: (c.doc_id, c.start)) for root in sorted(group_of)
    ]
    return groups, pair_score


@dataclass(frozen=True)
class Alignment:
    groups: tuple[TopicGroup, ...]
    vectors: dict[str, dict[str, float]]  # claim id -> context vector (for rules and reports)
    by_id: dict[str, Claim]


def align_story(
    story: str, claims: list[Claim], idf: Idf, settings: Settings, repost_group: dict[str, str]
) -> Alignment:
    """Group the claims of one story into topics by mutual best match across documents."""
    by_id = {c.id: c for c in claims}
    vectors = {c.id: _vector(c, idf, settings.aliases) for c in claims}
    by_dim: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        dim = _dimension(c)
        if dim:
            by_dim[dim].append(c)

    groups: list[TopicGroup] = []
    figures = figures_by_sentence(claims)
    parts = parts_of_wholes(claims)
    labels = frozenset(c.subject for c in claims if c.subject and " " not in c.subject)
    labelled = figures_of_periods(claims)
    held = held_dates(claims)
    dating = figures_dated(claims, figures_by_sentence(claims, minimum=0))
    stated_by_doc: dict[str, list[Claim]] = defaultdict(list)  # each article's figures
    for c in claims:
        if isinstance(c.value, Quantity):
            stated_by_doc[c.doc_id].append(c)
    subjects = figure_subjects(claims)
    for dim in sorted(by_dim):
        # a held date, or a year that says which edition of a thing is meant (올해 축제는)
        members = [c for c in by_dim[dim] if c.id not in held and "edition" not in c.qualifiers]
        structure = _Structure(members, figures)
        listing: dict[str, list[Claim]] = defaultdict(list)  # each article's list items
        for c in members:
            if "list_item" in c.qualifiers:
                listing[c.doc_id].append(c)
        # articles that give a figure the day it is of (지난 19일 개표에서는 3표 차로)
        dated = {c.doc_id for c in members if _of_a_day(c)}
        # each article's figures of a named period (지난해 … 1200원)
        of_periods: dict[str, list[Claim]] = defaultdict(list)
        undated: dict[str, list[Claim]] = defaultdict(list)
        for c in members:
            (of_periods if c.scope else undated)[c.doc_id].append(c)
        other_period: dict[tuple, bool] = {}  # (scoped article, its period, undated article)
        edges: dict[tuple[str, str], list[tuple[str, str, float]]] = defaultdict(list)
        weak: dict[tuple[str, str], list[tuple[str, str, float]]] = defaultdict(list)
        for c, o in _claim_pairs(members, vectors, repost_group):
            if states_a_part(c, o, parts) or states_a_part(o, c, parts):
                continue  # 승객 284명 가운데 7명 / 승객 7명이 다쳤다: 7 is the part, not 284
            if _apart(c, o, labelled):
                continue  # 8월 2.0% / 9월 1.9%: two points of a series, not one date
            if listing_apart(c, o, listing) or listing_apart(o, c, listing):
                continue  # 초등학생의 … 3.9% (one item) / 피해 응답률은 2.1% beside 초등학교 3.9%
            if stated_elsewhere(c, o, stated_by_doc, vectors) or stated_elsewhere(
                o, c, stated_by_doc, vectors
            ):
                continue  # 급속충전기 1만2000기 / 휴게소에 600기, beside 1만2000기 늘어난다
            if told_apart(c, o, subjects) or told_apart(o, c, subjects):
                continue  # 개인 파산 신청 3만9000건 beside 법인 파산 신청 1745건 / 법인 … 1657건
            if structure.counted_elsewhere(c, o, vectors) or structure.counted_elsewhere(
                o, c, vectors
            ):
                continue  # 4명이 다쳤다 / 30여명이 작업 중이었다, beside 3명이 부상을 입었다
            if dim[0] == "date" and dates_of_two_figures(c, o, dating, stated_by_doc):
                continue  # 지난해 8월 20일의 94.5GW / 6일 … 97.1GW: the old record's day
            if _of_a_day(c) != _of_a_day(o) and (o if _of_a_day(c) else c).doc_id in dated:
                # "지난 19일 개표에서는 3표 차로 이겼으나 … 1표 차로 앞섰다": an article that
                # dates one figure and not the other gives the undated one to the present; a
                # dated figure elsewhere (18일 … 2표 차) is its dated one's counterpart
                continue
            if (c.scope is None) != (o.scope is None):
                scoped, plain = (c, o) if c.scope else (o, c)
                if any(
                    p.scope == scoped.scope and values_agree(p, scoped)
                    for p in of_periods[plain.doc_id]
                ):
                    # "지난해에는 주당 1200원" beside an undated 1500원: the article states
                    # that period's figure as the other outlet does; its undated figure is
                    # of another period (the present)
                    continue
                if _present_beside(scoped, undated[scoped.doc_id]):
                    # "저수율이 18.4%로 떨어져 … 지난해 같은 기간 저수율은 32%였다": the
                    # article's undated figure is the present's, and another article's
                    # undated figure (14.8%) is that one's rival, not the past year's
                    continue
                tied = (scoped.doc_id, scoped.scope, plain.doc_id)  # the same for every pair
                if tied not in other_period:
                    other_period[tied] = _undated_of_another_period(
                        scoped, undated[plain.doc_id], of_periods, vectors
                    )
                if other_period[tied]:
                    continue
            s = pair_similarity(c, o, vectors[c.id], vectors[o.id])
            if 0 < s < settings.min_similarity and structure.one_fact(c, o):
                s = settings.min_similarity  # few shared words; the structure pairs them
            elif (
                s == 0
                and structure.only_event(c, o)
                and pair_similarity(c, o, vectors[c.id], vectors[o.id], floor=1e-3) > 0
            ):
                # "이 사고로 2명이 숨지고 15명이 다쳤다" / "차량 12대가 연쇄 추돌해 … 13명이
                # 다쳤습니다": no word in common but the one count of the injured each gives
                s = settings.min_similarity
            if s > 0 and same_telling_figure(c, o, UNMISTAKABLE_DIGITS):
                s = max(s, UNMISTAKABLE_SIMILARITY)  # 1024만4550명 twice: one fact
            if s >= settings.min_similarity:
                # ties go to the agreeing reading: never invent a conflict by a coin flip
                weight = s + (AGREE_BONUS if values_agree(c, o) else 0.0)
                edges[(c.doc_id, o.doc_id)].append((c.id, o.id, weight))
            elif s >= ELIMINATION_MIN and dim[0] != "date":
                weak[(c.doc_id, o.doc_id)].append((c.id, o.id, s))
        edges = {
            pair: without_displaced(found, weak.get(pair, []), by_id)
            for pair, found in edges.items()
        }
        add_elimination_edges(edges, weak, members)
        # one-to-one: each fact of one article matches at most one of another's
        matched = [m for doc_pair in sorted(edges) for m in best_matching(edges[doc_pair])]
        components, pair_score = join_matches(matched, by_id, labelled)
        components = with_agreeing_strays(components, weak, by_id, repost_group)
        for members_ in components:
            sim = min(pair_score.get(c.id, 1.0) for c in members_)
            gid = hashlib.sha1(("|".join(c.id for c in members_)).encode()).hexdigest()[:12]
            groups.append(
                TopicGroup(
                    gid,
                    story,
                    topic_label(members_, vectors, idf, labels),
                    dim[0],
                    tuple(members_),
                    round(sim, 4),
                )
            )
    return Alignment(tuple(groups), vectors, by_id)


def without_displaced(
    edges: list[tuple[str, str, float]],
    weak: list[tuple[str, str, float]],
    by_id: dict[str, Claim],
) -> list[tuple[str, str, float]]:
    """One pair of articles' candidate matches, without those that set a figure against
    one the first article states too: when another of its claims gives that very value
    and pairs with it (a match, or a ``weak`` pair sharing some words) at least
    DISPLACED_SHARE as well, the figure is that claim's counterpart, not a rival.

    Catches: 60.1% (어린이) against a second mention of 78.2% in an article whose 78.2%
    the first article gives too, in words as alike; 세계 출하량 2억6000만대 against 한빛전자의
    출하량 5800만대 when the first article also gives 한빛전자's 5800만대.
    Must not drop: a disagreeing pair whose figures the other article states nowhere else
    in like words (5명 사망 / 3명 사망 beside 3명 부상: 부상 never pairs with 사망), nor one
    far closer than the agreeing pair (지난 25일 점심 급식 / 지난 26일 점심 급식, beside an
    이튿날 that is the 26th in fewer shared words).
    """
    agreeing = [(x, y, w) for x, y, w in (*edges, *weak) if _same_value(by_id[x], by_id[y])]
    return [
        (x, y, w)
        for x, y, w in edges
        if values_agree(by_id[x], by_id[y])
        or not any(w2 >= DISPLACED_SHARE * w and (x2 == x) != (y2 == y) for x2, y2, w2 in agreeing)
    ]


# How well a figure must pair with the first article's statement of its very value,
# relative to its rival, to be that statement's counterpart. Measured on the held-out
# stories: their cases need a value between 0.40 (지난 25일 / 26일 점심 급식 beside 이튿날,
# 0.385 against 0.97) and 0.49 (한빛전자 5800만대 beside 세계 2억6000만대, 0.331 against 0.68).
DISPLACED_SHARE = 0.45


def listing_apart(item: Claim, plain: Claim, items: dict[str, list[Claim]]) -> bool:
    """``item`` is one item of a list (초등학생 3.9%, 중학생 1.3% …) and ``plain`` is not,
    and ``plain``'s article lists that item's value among its own items (초등학교 3.9%): its
    plain figure is another (the overall rate), never that item.
    Must not catch: a plain figure in an article that lists nothing (관람료 5000원 against
    성인 5000원, 청소년 3000원), or lists other values only."""
    return (
        "list_item" in item.qualifiers
        and "list_item" not in plain.qualifiers
        and any(_same_value(x, item) for x in items.get(plain.doc_id, ()))
    )


def stated_elsewhere(
    a: Claim, b: Claim, stated: dict[str, list[Claim]], vectors: dict[str, Vector]
) -> bool:
    """``b``'s article states ``a``'s very value in another figure at least as like ``a``
    in words as ``b`` is: ``a`` is that figure (however its article words it: a list item
    there, 1만2000기 늘어난다 here), and ``b`` another fact (휴게소에는 … 600기).
    Must not catch: agreeing values, nor a value stated elsewhere in other words (부상자
    12명 beside 사망자 21명, against 사망자 12명: the dead are more like the dead)."""
    if not isinstance(a.value, Quantity) or values_agree(a, b):
        return False
    va = vectors[a.id]
    near = cosine(va, vectors[b.id])
    return any(
        x.id != b.id
        and x.kind == a.kind
        and _same_value(x, a)
        and cosine(va, vectors[x.id]) >= near
        for x in stated.get(b.doc_id, ())
    )


def figure_subjects(claims: Iterable[Claim]) -> dict[str, set[tuple[str, str, str]]]:
    """Each article's figures as (kind, unit, subject without period words), for
    ``told_apart``."""
    out: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for c in claims:
        if isinstance(c.value, Quantity) and c.subject:
            out[c.doc_id].add((c.kind, c.value.unit, _without_period_words(c.subject)))
    return out


def told_apart(a: Claim, b: Claim, subjects: dict[str, set[tuple[str, str, str]]]) -> bool:
    """Both figures mark one measure narrowed two ways (개인 파산 신청 / 법인 파산 신청:
    파산 신청), and ``a``'s article (``subjects``: ``figure_subjects``) also gives a figure of the same dimension narrowed as
    ``b`` is: that article tells the two apart (법인 파산 신청은 1745건 … 개인 파산 신청은
    3만9000건), so ``a`` never meets ``b`` (법인 파산 신청은 1657건).
    Must not catch: two figures of one subject phrase (a conflict), subjects not ending in
    one marked measure (a subject is read best-effort: 월평균 사교육비 / 전체 사교육비), nor
    an article that names only ``a``'s subject."""
    measure = a.marked_subject
    sa, sb = _without_period_words(a.subject), _without_period_words(b.subject)
    if not measure or measure != b.marked_subject or sa == sb:
        return False
    if not (sa.endswith(" " + measure) and sb.endswith(" " + measure)):
        return False
    if not isinstance(a.value, Quantity) or not isinstance(b.value, Quantity):
        return False
    return (b.kind, b.value.unit, sb) in subjects.get(a.doc_id, set())


def _same_value(a: Claim, b: Claim) -> bool:
    """The very value, not only an overlapping one (76㎍/㎥ 이상 overlaps 78 and 87)."""
    x, y = a.value, b.value
    if isinstance(x, Quantity) and isinstance(y, Quantity):
        return (x.unit, x.value, x.low, x.high) == (y.unit, y.value, y.low, y.high)
    if isinstance(x, DateValue) and isinstance(y, DateValue):
        return (x.start, x.end, x.time) == (y.start, y.end, y.time) and x.start is not None
    return False


def with_agreeing_strays(
    components: list[list[Claim]],
    weak: dict[tuple[str, str], list[tuple[str, str, float]]],
    by_id: dict[str, Claim],
    repost_group: dict[str, str],
) -> list[list[Claim]]:
    """Groups that disagree, joined by the figures of other articles that state one of
    their values exactly but were paired with nothing (their words too unlike: 추징금 870억원
    / 870억원의 추징): such a figure backs that value, and the conflict counts its outlet.

    Only a figure no group holds, of 10 or more (small figures recur by chance), sharing
    some context (a weak pair, ``ELIMINATION_MIN``) with a member of the same value, from an
    article the group does not hold yet; each joins its likeliest group. It never creates a
    disagreement: it only adds to a side.
    """
    group_of = {c.id: i for i, comp in enumerate(components) for c in comp}
    sources = [{repost_group.get(c.doc_id, c.doc_id) for c in comp} for comp in components]
    disagree = [
        len({(c.value.value, c.value.unit) for c in comp if isinstance(c.value, Quantity)}) > 1
        for comp in components
    ]
    best: dict[str, tuple[float, int]] = {}  # stray -> (similarity, group), likeliest
    for pairs in weak.values():
        for x, y, sim in pairs:
            for stray, member in ((x, y), (y, x)):
                if stray in group_of or member not in group_of:
                    continue
                i = group_of[member]
                a, b = by_id[stray], by_id[member]
                if (
                    disagree[i]
                    and repost_group.get(a.doc_id, a.doc_id) not in sources[i]
                    and isinstance(a.value, Quantity)
                    and isinstance(b.value, Quantity)
                    and (a.value.value, a.value.unit) == (b.value.value, b.value.unit)
                    and a.value.value >= FIGURE_MIN
                    and _likelier(sim, i, best.get(stray))
                ):
                    best[stray] = (sim, i)
    if not best:
        return components
    out = [list(comp) for comp in components]
    taken: set[tuple[int, str]] = set()  # (group, source): one stray per article and group
    for stray, (_, i) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
        source = repost_group.get(by_id[stray].doc_id, by_id[stray].doc_id)
        if (i, source) not in taken:
            taken.add((i, source))
            out[i].append(by_id[stray])
    return out


def _likelier(sim: float, group: int, best: tuple[float, int] | None) -> bool:
    """A higher similarity, or the same to an earlier group, than the best so far."""
    return best is None or (sim, -group) > (best[0], -best[1])


def _claim_pairs(
    members: list[Claim], vectors: dict[str, dict[str, float]], repost_group: dict[str, str]
) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims of two documents (not reposts of each other) that share a context
    feature, an event the vocabulary knows (숨지, 다치) or the period a change is against
    (``against_year``), each once, the one of the smaller document id first (blocking:
    claims sharing none of these are never scored)."""
    index: dict[str, list[int]] = defaultdict(list)  # informative feature -> member numbers
    events = [  # no feature starts with \0
        [f"\0event:{e}" for e in sorted(known_events(c))] + [f"\0{q}" for q in _against_of(c)]
        for c in members
    ]
    for n, c in enumerate(members):
        for feature in [f for f, w in vectors[c.id].items() if w > 0] + events[n]:
            index[feature].append(n)
    docs = [c.doc_id for c in members]
    groups = [repost_group.get(d) for d in docs]
    for n, c in enumerate(members):
        near: set[int] = set()
        for feature in [*vectors[c.id], *events[n]]:
            near.update(index.get(feature, ()))
        doc, group = docs[n], groups[n]
        for m in sorted(near):
            if docs[m] > doc and groups[m] != group:
                yield c, members[m]


def topic_label(
    claims: list[Claim],
    vectors: dict[str, dict[str, float]],
    idf: Idf,
    labels: frozenset[str] = frozenset(),
) -> str:
    """The nouns the claims share, most telling first (falls back to the first subject); a
    person's age is labelled with the person (A씨 나이). When every claim is labelled by
    the same one-word subject, it leads, and the story's other one-word subjects
    (``labels``: the other items of a list) are left out: 성인 관람료, not 관람료 성인 청소년."""
    subjects = {c.subject for c in claims}
    subject = claims[0].subject if len(subjects) == 1 and " " not in claims[0].subject else ""
    if claims[0].kind == "age" and subject:
        return f"{subject} 나이"
    shared: dict[str, float] = defaultdict(float)
    docs = {c.doc_id for c in claims}
    nouns = set().union(*(vectors[c.id].keys() for c in claims))
    # the nouns every article has; failing those, the nouns all articles but one have
    for needed in (len(docs), len(docs) - 1) if len(docs) >= 3 else (len(docs),):
        for noun in nouns:
            present = {c.doc_id for c in claims if noun in vectors[c.id]}
            if len(present) >= needed:
                shared[noun] = sum(vectors[c.id].get(noun, 0.0) for c in claims)
        if shared:
            break
    readable: dict[str, float] = {}
    for k, w in shared.items():
        # no bigram, no event class (^sell: the claims' own verbs say it), no a of A씨
        if k.startswith(("~", "^")) or (len(k) == 1 and k.isascii()):
            continue
        word = k[1:-1] if k.startswith("<") else k.lstrip("@")
        # a class (<요금>) and its word (요금) read alike: the heavier counts, whichever of
        # the two the set of nouns gave first (that order changes with the hash seed)
        readable[word] = max(readable.get(word, 0.0), w)
    # 외국 of 외국인 (``features``) is no word of its own beside 외국인
    readable = {k: w for k, w in readable.items() if k + "인" not in readable}
    ranked = sorted(readable.items(), key=lambda kv: (-kv[1], kv[0]))
    events = frozenset.intersection(*map(known_events, claims))
    if claims[0].kind == "date" and events and claims[0].predicate in readable:
        # a date of one event leads with it, without another event's word (준공, not 준공 착공)
        lead = claims[0].predicate
        rest = [k for k, _ in ranked if k != lead and not predicate_classes(k) - {k} - events]
        return " ".join([lead, *rest[:2]])
    if subject and subject in readable:
        rest = [k for k, _ in ranked if k != subject and k not in labels][:2]
        return " ".join([subject, *rest])
    top = ranked[:3]
    if top:
        return " ".join(k for k, _ in top)
    if claims[0].predicate and (len({c.predicate for c in claims}) == 1 or events):
        return claims[0].subject or claims[0].predicate  # 다치 / 부상: what the figures count
    return claims[0].subject or claims[0].kind


# --- stories and reposts -------------------------------------------------------------


def cluster_stories(
    documents: list[Document],
    nouns: Mapping[str, dict[str, float]],
    settings: Settings,
    anchor: str | None = None,
    jobs: int = 1,
    memo: LinkMemo | None = None,
) -> dict[str, tuple[str, ...]]:
    """Documents about the same story, by TF-IDF cosine of their nouns (candidate pairs
    scored on ``jobs`` threads; with a ``memo``, only the pairs whose documents changed
    since the run it remembers).

    Single linkage, strongest links first, with two guards against chaining: local scaling
    (a link must be near the best link of both its articles) and a centroid check (the two
    groups it joins must be alike as wholes).

    ``anchor`` (a draft) left alone joins the story of the document most like it: an editor
    checks a draft against the coverage they chose, even if the draft is short.
    """
    ids = sorted(doc.id for doc in documents)
    matrix = NounMatrix(ids, (nouns.get(d, {}) for d in ids))  # each bag read once, in turn
    published = {d.id: d.published for d in documents}
    day = {d: _day(p) for d, p in published.items()}  # parsed once, compared per pair
    sets = UnionFind()

    month = [_month(published.get(d)) for d in ids]
    links = _story_links(matrix, month, day, settings, jobs, memo)
    unit = matrix.unit_vector
    # Strongest links first (single linkage), but a link joins two groups only when the
    # groups as wholes are alike too: their centroids' cosine must reach the threshold.
    # Plain single linkage chains stories about one city or one industry into one.
    centroid: dict[str, dict[str, float]] = {}
    for _, a, b in sorted(links, reverse=True):
        ra, rb = sets.find(a), sets.find(b)
        if ra == rb:
            continue
        ca = centroid[ra] if ra in centroid else unit(ra)
        cb = centroid[rb] if rb in centroid else unit(rb)
        if cosine(ca, cb) < settings.story_similarity * CENTROID_FACTOR:
            continue
        merged = dict(ca)
        for k, w in cb.items():
            merged[k] = merged.get(k, 0.0) + w
        sets.union(ra, rb)
        root = sets.find(ra)
        centroid.pop(ra, None)
        centroid.pop(rb, None)
        centroid[root] = merged
    if anchor in matrix.row and all(sets.find(d) != sets.find(anchor) for d in ids if d != anchor):
        alone = matrix.vector(anchor)
        others = [(cosine(alone, matrix.vector(d)), d) for d in ids if d != anchor]
        if others and max(others)[0] > 0:
            sets.union(anchor, max(others)[1])
    components: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        components[sets.find(d)].append(d)
    stories = {root: sorted(members_) for root, members_ in components.items()}
    out = {}
    for root in sorted(stories):
        members = tuple(sorted(stories[root]))
        sid = "story-" + hashlib.sha1("|".join(members).encode()).hexdigest()[:8]
        out[sid] = members
    return out


class Numbering(dict):
    """key -> its number in the order first looked up: ``map(numbering.__getitem__, keys)``
    numbers a document's words without a loop in Python, which runs only for a word not
    yet seen (2.1 million nouns numbered in 1.4–1.5 s against 1.7–1.8 s with a generator
    calling ``setdefault``, measured)."""

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self)
        return number


class NounMatrix:
    """Documents as rows of TF-IDF noun weights, built with numpy.

    Two layouts of the same cells: in each document's own noun order (the order its bag
    lists them), from which ``vector`` and ``unit_vector`` rebuild the dictionaries a plain
    computation would have built, to the last bit; and sorted by (row, column), with columns
    in sorted noun order, for scoring candidate pairs (``_story_links``).
    """

    def __init__(self, ids: list[str], bags: Iterable[dict[str, float]]):
        """``bags``: each document's nouns, in the order of ``ids``, read once each: a bag
        may be unpickled for this alone and let go (``pipeline``), so that 10,000 long
        articles' bags (280 MB, measured) are never all in memory; each noun is kept once."""
        self.ids = ids
        self.row = {d: i for i, d in enumerate(ids)}
        first_seen = Numbering()  # noun -> its number in the order first met
        seen = array("q")  # each cell's noun, by that number
        counts = array("d")
        lengths = array("q")
        for bag in bags:
            seen.extend(map(first_seen.__getitem__, bag))
            counts.extend(bag.values())
            lengths.append(len(bag))
        self.vocab = sorted(first_seen)
        # each noun's place in sorted order, by its number (the order first met)
        position = {k: j for j, k in enumerate(self.vocab)}
        renumber = np.fromiter(map(position.__getitem__, first_seen), np.int64, len(first_seen))
        col = renumber[np.array(seen, dtype=np.int64)]
        self.length = np.array(lengths, dtype=np.int64)
        self.start = np.concatenate(([0], np.cumsum(self.length))).astype(np.int64)
        row_of = np.repeat(np.arange(len(ids), dtype=np.int64), self.length)
        # IDF per noun with math.log (numpy's log may differ in the last bit by machine)
        n = len(ids)
        df = np.bincount(col, minlength=len(self.vocab)).tolist()
        self.df = np.array(df, dtype=np.int64)
        idf = np.array([math.log((n + 1) / (k + 1)) + 1 for k in df], dtype=np.float64)
        self.weight = np.array(counts, dtype=np.float64) * idf[col]
        # bincount adds each row's squares in order, as a plain sum() over the bag would
        norm = np.sqrt(np.bincount(row_of, weights=self.weight * self.weight, minlength=n))
        self.unit = self.weight / np.where(norm == 0, 1.0, norm)[row_of]
        self.col, self.row_of = col, row_of
        order = np.lexsort((col, row_of))
        self.width = len(self.vocab) + 1
        self.cell = row_of[order] * self.width + col[order]  # sorted
        self.cell_col = col[order]
        self.cell_unit = self.unit[order]

    def telling_nouns(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, columns) of each document's ``k`` heaviest nouns that some other document
        has too, heaviest first (ties in noun order), documents in order.

        A noun no other document has can pair nothing, yet it weighs most (its IDF is the
        highest): ranked with the others, it took the places of the nouns a document shares
        with its story, and in a small corpus left the document alone.
        """
        order = np.lexsort((self.col, -self.weight, self.row_of))
        order = order[self.df[self.col[order]] >= 2]
        rows = self.row_of[order]
        counts = np.bincount(rows, minlength=len(self.ids))
        first = np.cumsum(counts) - counts  # where each document's nouns begin in ``order``
        rank = np.arange(len(order), dtype=np.int64) - first[rows]
        chosen = order[rank < k]
        return self.row_of[chosen], self.col[chosen]

    def _dict(self, doc: str, values: np.ndarray) -> dict[str, float]:
        s, e = self.start[self.row[doc]], self.start[self.row[doc] + 1]
        vocab = self.vocab
        return dict(zip([vocab[j] for j in self.col[s:e].tolist()], values[s:e].tolist()))

    def vector(self, doc: str) -> dict[str, float]:
        return self._dict(doc, self.weight)

    def unit_vector(self, doc: str) -> dict[str, float]:
        return self._dict(doc, self.unit)


def _candidate_pairs(
    matrix: NounMatrix,
    month: list[int | None],
    telling: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Pairs of documents worth scoring, as sorted unique ``a * n + b`` with a < b.

    Blocking: each document is filed under its BLOCK_NOUNS most telling nouns, and two
    documents are candidates when they share such a noun and were published within a
    month of each other (an unknown month is near every month). A noun filed by more than
    MAX_BLOCK documents within a month either side of a document's month is too common to
    be a story's signature there: it makes no candidates for that document (the other
    document of a pair may still make it through its own month).
    """
    n = len(matrix.ids)
    rows, cols = telling if telling is not None else matrix.telling_nouns(BLOCK_NOUNS)
    # months shifted so that "unknown" (0) sorts first within a noun and is adjacent to none
    shifted = np.array([0 if m is None else m + 2 for m in month], dtype=np.int64)[rows]
    key = cols * MONTH_SPAN + shifted
    order = np.argsort(key, kind="stable")
    rows, cols, shifted, key = rows[order], cols[order], shifted[order], key[order]
    base = cols * MONTH_SPAN
    noun_lo = np.searchsorted(key, base)
    noun_hi = np.searchsorted(key, base + MONTH_SPAN)
    unknown_hi = np.searchsorted(key, base + 1)  # the noun's documents of unknown month
    known = shifted > 0
    # partners: a known month pairs with its month either side and the unknown months; an
    # unknown month pairs with every month
    lo1 = np.where(known, np.searchsorted(key, base + shifted - 1), noun_lo)
    hi1 = np.where(known, np.searchsorted(key, base + shifted + 2), noun_hi)
    lo2 = np.where(known, noun_lo, 0)
    hi2 = np.where(known, unknown_hi, 0)
    size = (hi1 - lo1) + (hi2 - lo2)
    usable = np.nonzero(size <= MAX_BLOCK)[0]
    # in slices of about PAIR_CHUNK pairs, each deduplicated: all at once, the temporaries of
    # a 10k archive took 360 MB
    ends = np.cumsum(size[usable])
    cuts = np.searchsorted(ends, np.arange(PAIR_CHUNK, ends[-1] if ends.size else 0, PAIR_CHUNK))
    found = []
    for part in np.split(usable, cuts):
        chunks = []
        for lo, hi in ((lo1[part], hi1[part]), (lo2[part], hi2[part])):
            which, partner = _spans(lo, hi - lo)
            a, b = rows[part[which]], rows[partner]
            keep = a != b
            chunks.append(np.minimum(a[keep], b[keep]) * n + np.maximum(a[keep], b[keep]))
        found.append(_sorted_unique(np.concatenate(chunks)))
    return _sorted_unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)


def _spans(start: np.ndarray, length: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every position of the ranges [start, start + length), with the index of its range:
    ``(which, position)``, ranges in order."""
    which = np.repeat(np.arange(len(start), dtype=np.int64), length)
    offset = np.arange(length.sum(), dtype=np.int64) - np.repeat(np.cumsum(length) - length, length)
    return which, start[which] + offset


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique hashes in numpy 2, several times slower here)."""
    keys = np.sort(keys)
    if keys.size == 0:
        return keys
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))]


def _story_links(
    matrix: NounMatrix,
    month: list[int | None],
    day: dict[str, int | None],
    settings: Settings,
    jobs: int = 1,
    memo: LinkMemo | None = None,
) -> list[tuple[float, str, str]]:
    """(cosine, a, b) for every candidate pair of documents that reaches the threshold and
    is at least LOCAL_SCALE of the best such link of either document.

    Candidates come from ``_candidate_pairs`` and must have been published within the
    story window. Their cosines are computed with numpy over all candidates, in batches on
    ``jobs`` threads (numpy's lookups release the GIL; each batch fills its own slice, so
    the scores do not depend on ``jobs``): an archive has millions of candidate pairs, and
    a dictionary dot product per pair was half the time of a warm run. A ``memo`` gives
    the candidates and scores of an earlier run that still hold (``StoryPairs``) and is
    given this run's.
    """
    ids = matrix.ids
    n = len(ids)
    telling = matrix.telling_nouns(BLOCK_NOUNS)
    blocking = _blocking_key(matrix, telling, month) if memo else ""  # only kept with a memo
    earlier = memo.usable(matrix) if memo else None
    if earlier is not None and earlier.blocking == blocking:
        keys = earlier.candidates
    else:
        keys = _candidate_pairs(matrix, month, telling)
    if memo:
        memo.latest = StoryPairs.empty(matrix, memo.versions, blocking, keys)
    if keys.size == 0:
        return []
    first, second = keys // n, keys % n
    days = np.array([np.nan if day.get(d) is None else day[d] for d in ids], dtype=np.float64)
    gap = np.abs(days[first] - days[second])
    near = ~(gap > settings.story_window_days)  # an unknown date (NaN) never rules a pair out
    first, second = first[near], second[near]
    cell, col, val = matrix.cell, matrix.cell_col, matrix.cell_unit
    start, length, width = matrix.start, matrix.length, matrix.width
    if cell.size == 0:
        return []
    scores = np.empty(len(first), dtype=np.float64)
    todo = np.arange(len(first))
    if earlier is not None:
        # pairs whose two documents are as they were: their scores as they were
        unchanged = earlier.unchanged_rows(matrix, memo.versions)
        known = earlier.known(first * n + second, unchanged)
        scores[known] = earlier.score_of(first[known] * n + second[known])
        todo = np.nonzero(~known)[0]
    # walk the shorter row of each pair and look its nouns up in the other row
    a, b = first[todo], second[todo]
    short = np.where(length[a] <= length[b], a, b)
    other = np.where(length[a] <= length[b], b, a)
    fresh = np.empty(len(todo), dtype=np.float64)

    def score(bounds: tuple[int, int]) -> None:
        lo, hi = bounds
        s_rows, o_rows = short[lo:hi], other[lo:hi]
        pair, at = _spans(start[s_rows], length[s_rows])
        wanted = o_rows[pair] * width + col[at]
        found = np.minimum(np.searchsorted(cell, wanted), len(cell) - 1)
        hit = cell[found] == wanted
        product = np.where(hit, val[at] * val[found], 0.0)
        fresh[lo:hi] = np.bincount(pair, weights=product, minlength=len(s_rows))

    # batches of about LINK_CELLS looked-up nouns, each pair whole in one batch
    ends = np.cumsum(length[short])
    cuts = np.searchsorted(ends, np.arange(LINK_CELLS, ends[-1], LINK_CELLS)) if len(todo) else []
    edges = sorted({0, len(todo), *(int(c) + 1 for c in cuts)})
    batches = list(zip(edges, edges[1:]))
    if jobs > 1 and len(batches) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(jobs) as pool:
            list(pool.map(score, batches))
    else:
        for lo in batches:
            score(lo)
    scores[todo] = fresh
    strong = scores >= settings.story_similarity
    first, second, scores = first[strong], second[strong], scores[strong]
    if memo:
        memo.latest = replace(memo.latest, strong=first * n + second, strong_scores=scores)
    # local scaling: a link counts only if it is near the best link of both its documents
    best = np.zeros(n, dtype=np.float64)
    np.maximum.at(best, first, scores)
    np.maximum.at(best, second, scores)
    kept = np.nonzero(~(scores < LOCAL_SCALE * np.minimum(best[first], best[second])))[0]
    return [(float(scores[k]), ids[first[k]], ids[second[k]]) for k in kept.tolist()]


# nouns looked up per numpy batch of candidate pairs (each pair's shorter row): bounds its
# memory, and its lookups stay in the CPU cache. Counted in nouns, not pairs: 10,000 pairs
# (the batch until the twenty-second session) of articles of real length, about 210 nouns
# each, took 120 MB of temporaries per batch and thread, measured; 10,000 pairs of short
# articles scored a 10k archive in 2.2 s, 50,000 in 2.6 s.
LINK_CELLS = 500_000
BLOCK_NOUNS = 8  # a document's most telling nouns, used as blocking keys
MAX_BLOCK = 200  # documents per (noun, three months) above which a noun is too common to block on
MONTH_SPAN = 1 << 20  # month numbers (year * 12 + month) stay below this
PAIR_CHUNK = 500_000  # candidate pairs generated per slice (bounds the temporaries)


def _blocking_key(
    matrix: NounMatrix, telling: tuple[np.ndarray, np.ndarray], month: list[int | None]
) -> str:
    """A hash of all that ``_candidate_pairs`` computes candidates from: every document's
    blocking nouns (as words: a column number moves when a noun enters the vocabulary)
    and month."""
    rows, cols = telling
    h = hashlib.sha256(f"{len(matrix.ids)}\0{BLOCK_NOUNS}\0{MAX_BLOCK}\0".encode())
    h.update("\0".join(matrix.vocab).encode())
    h.update(rows.tobytes())
    h.update(cols.tobytes())
    h.update(np.array([-1 if m is None else m for m in month], dtype=np.int64).tobytes())
    return h.hexdigest()


@dataclass(frozen=True, eq=False)
class StoryPairs:
    """One run's candidate pairs of documents and the cosines among them that reached the
    link threshold, kept (in the cache) for the next run over the same documents.

    A pair's cosine depends on its two documents' noun vectors alone: each document's noun
    counts, fixed by its file (``versions``: the files' cache keys), and the IDF of its
    nouns, fixed by their document frequencies (``df``) and the number of documents
    (``ids``). For a pair whose two documents are unchanged in both, the next run takes
    the score from here, the same to the last bit, instead of computing it again: a warm
    run with one changed file scores only that file's pairs. The candidates themselves
    are taken from here when every document's blocking nouns and month are as they were
    (``blocking``). Pairs are numbered ``a * n + b`` (a < b, rows of ``ids``).
    """

    ids: tuple[str, ...]
    versions: tuple[str | None, ...]  # None: a document of unknown version (a draft)
    df: dict[str, int]
    blocking: str
    candidates: np.ndarray  # sorted
    strong: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # sorted
    strong_scores: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.float64))

    @classmethod
    def empty(
        cls, matrix: NounMatrix, versions: dict[str, str], blocking: str, candidates: np.ndarray
    ) -> StoryPairs:
        """This run's pairs before any is scored."""
        return cls(
            tuple(matrix.ids),
            tuple(versions.get(d) for d in matrix.ids),
            dict(zip(matrix.vocab, matrix.df.tolist())),
            blocking,
            candidates,
        )

    def unchanged_rows(self, matrix: NounMatrix, versions: dict[str, str]) -> np.ndarray:
        """Per document of ``matrix`` (the same ids as ours): its noun vector is what it
        was, because its file is and no noun it has changed document frequency."""
        same = np.array(
            [v is not None and versions.get(d) == v for d, v in zip(self.ids, self.versions)],
            dtype=bool,
        )
        moved = np.array(
            [self.df.get(k) != k_df for k, k_df in zip(matrix.vocab, matrix.df.tolist())],
            dtype=bool,
        )
        same[matrix.row_of[moved[matrix.col]]] = False
        return same

    def known(self, keys: np.ndarray, unchanged: np.ndarray) -> np.ndarray:
        """Which of the pairs ``keys`` were scored then and are the same now: a candidate
        then (they were within the story window then, and an unchanged document keeps its
        date), both documents unchanged."""
        n = len(self.ids)
        return unchanged[keys // n] & unchanged[keys % n] & _members(keys, self.candidates)

    def score_of(self, keys: np.ndarray) -> np.ndarray:
        """The scores of candidate pairs of ours: the one kept, or -inf for a pair that did
        not reach the threshold (and so is dropped all the same)."""
        if not len(self.strong):
            return np.full(len(keys), -np.inf)
        at = np.minimum(np.searchsorted(self.strong, keys), len(self.strong) - 1)
        return np.where(self.strong[at] == keys, self.strong_scores[at], -np.inf)

    def __reduce__(self):
        # pair numbers below 2**32 (up to 65,535 documents) are kept as 4 bytes, not 8:
        # the 10k benchmark's pairs pickled to 19 MB, and writing them was 0.17 s of a warm
        # run with one changed file; the scores keep every bit
        n = len(self.ids)
        narrow = n * n < 2**32
        pairs = [x.astype(np.uint32) if narrow else x for x in (self.candidates, self.strong)]
        fields_ = (self.ids, self.versions, self.df, self.blocking, *pairs, self.strong_scores)
        return _story_pairs_from, fields_

    def sound(self) -> bool:
        """Its parts fit together (checked before a cache entry is used, never trusted):
        a version per document, sorted pair numbers within range, a score per strong pair."""
        n = len(self.ids)
        arrays = (self.candidates, self.strong, self.strong_scores)
        return (
            len(self.versions) == n
            and all(isinstance(x, np.ndarray) and x.ndim == 1 for x in arrays)
            and len(self.strong) == len(self.strong_scores)
            and all(
                not len(x) or (x[0] >= 0 and x[-1] < n * n and bool(np.all(x[1:] > x[:-1])))
                for x in (self.candidates, self.strong)
            )
        )

    def same_as(self, other: StoryPairs | None) -> bool:
        """Both hold the same pairs and scores of the same documents (nothing to store)."""
        return (
            other is not None
            and self.ids == other.ids
            and self.versions == other.versions
            and self.blocking == other.blocking
            and np.array_equal(self.strong, other.strong)
            and np.array_equal(self.strong_scores, other.strong_scores)
            and self.df == other.df
        )


def _story_pairs_from(ids, versions, df, blocking, candidates, strong, strong_scores) -> StoryPairs:
    """Unpickle ``StoryPairs`` (pair numbers back to 8 bytes, as they are computed)."""
    as_int64 = [
        x.astype(np.int64) if isinstance(x, np.ndarray) else x for x in (candidates, strong)
    ]
    return StoryPairs(ids, versions, df, blocking, *as_int64, strong_scores)


def _members(keys: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Which of ``keys`` are in ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


@dataclass
class LinkMemo:
    """What story clustering remembers between runs (see ``StoryPairs``): ``versions``
    (document id -> its file's cache key) and the ``earlier`` run's pairs go in, this
    run's pairs come out as ``latest``."""

    versions: dict[str, str]
    earlier: StoryPairs | None = None
    latest: StoryPairs | None = None

    def usable(self, matrix: NounMatrix) -> StoryPairs | None:
        """The earlier pairs, if they are of the very documents of ``matrix``."""
        if self.earlier is None or self.earlier.ids != tuple(matrix.ids):
            return None
        return self.earlier


# A group joins another when its centroid is this close relative to the link threshold: a
# story's articles share its names, but each also has nouns of its own, so centroids of
# one story sit a little below the best single link between them.
CENTROID_FACTOR = 0.8
# Local scaling: a link counts only if it is at least this fraction of the best link either
# article has. Articles of one story resemble each other far more than they resemble another
# story in the same city or field, however alike all of them look in absolute terms.
LOCAL_SCALE = 0.7


def _month(published: str | None) -> int | None:
    return int(published[:4]) * 12 + int(published[5:7]) if published else None


def _day(published: str | None) -> int | None:
    """Day number of a publication date; news about one story is published within weeks,
    and an unknown date never rules a pair out."""
    return dt.date.fromisoformat(published).toordinal() if published else None


def _may_be_copies(a: Document, b: Document) -> bool:
    """Only pages of one origin can be copies: same outlet, or a repost naming the other's
    outlet as its origin; a page whose outlet is unknown may be a copy of anything."""
    if a.outlet is None or b.outlet is None:
        return True
    origins_a = {a.outlet, a.repost_of} - {None}
    origins_b = {b.outlet, b.repost_of} - {None}
    return bool(origins_a & origins_b)


def repost_groups(
    documents: list[Document], stories: dict[str, tuple[str, ...]], settings: Settings
) -> dict[str, str]:
    """doc id -> group id: copies of one article share a group and count as one source.

    Near-identical bodies are one article when the outlet is the same (a portal copy names
    its origin), one outlet is unknown, or a page says it is a repost. Two named outlets that
    print the same press release nearly word for word stay separate: a difference between
    their copies is exactly the slip an editor needs to see.
    """
    from rapidfuzz import fuzz

    docs = {d.id: d for d in documents}
    group = {d.id: d.id for d in documents}
    for members in stories.values():
        bodies = {
            m: " ".join(docs[m].text[s:e] for s, e in docs[m].body_spans)[:4000] for m in members
        }
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if group[b] != b:
                    continue
                if not _may_be_copies(docs[a], docs[b]):
                    continue
                if fuzz.ratio(bodies[a], bodies[b]) >= settings.repost_similarity:
                    group[b] = group[a]
    return group
