"""Sentence -> claims: every figure, date and named place with what it is about.

A claim keeps its provenance (document, sentence, character span, surface text) and a
reading of its meaning:

- ``context``: content nouns near the value, weighted by closeness (a clause boundary
  halves the weight), which alignment compares across outlets;
- ``predicate``: the event the value belongs to (지정, 조성, 착공 …), the first verb-like
  word after it, or for a verbless headline the last noun;
- ``qualifiers``: ``rate`` (연 4000명, 매년), ``cumulative`` (누적), ``total`` (총),
  ``part`` (그중 10분의 1인 5천억), ``plan`` and ``done`` (the tense of the value's
  own verb: 착공할 예정 / 착공했다), ``duration_scope`` (5년 동안), ``change`` (a
  difference, not a level: 1년 전보다 19만명 증가), ``before`` (the level a change
  starts from: 2.50%에서 2.25%로), ``whole`` (the total a part is taken from: 7명 가운데).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import combinations
from typing import NamedTuple

from .data import load
from .models import Claim, DateValue, Document, NameValue, Quantity, Sentence, Token
from .normalize.dates import (
    GIVEN_AS_RE,
    NEWS_DAYS,
    FoundDate,
    bare_times,
    day_value,
    find_dates,
    is_time_word,
)
from .normalize.numbers import (
    RANGE_SIGNS,
    Found,
    counted_nouns,
    find_quantities,
    last_digit_step,
)

NOUN_TAGS = ("NNG", "NNP", "SL", "SH", "XR")
NAME_KINDS = ("place", "person")  # claims whose value is a name (NameValue)
NOT_FIGURES = (*NAME_KINDS, "date")
# Context weight of a noun d tokens from the value: 1 / (1 + d / CONTEXT_DISTANCE), times
# CONTEXT_BOUNDARY for each clause boundary (connective ending or comma) in between.
# (Sharper settings were measured with bench/mutations.py: no recall gain, gold conflicts lost.)
CONTEXT_DISTANCE = 4.0
CONTEXT_BOUNDARY = 0.5
_TIME_RE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|(?:오전|오후)\s?\d{1,2}시(?:\s?\d{1,2}분)?|\d{1,2}시\s?\d{1,2}분"
)
_RATE_WORDS = (
    "연",
    "연간",
    "매년",
    "해마다",
    "매해",
    "매달",
    "매월",
    "월",
    "하루",
    "매일",
    "주당",
    "연평균",
)
# verbs that, after 에 or 을/를, only relate a phrase (지난해에 이어, 뒤를 이었다, 사흘에 걸쳐,
# 이에 앞서, 안전에 대해, 호조에 힘입어, 서울을 비롯해, 협의를 통해, 안전을 위해): no event
_POSTPOSITION_VERBS = frozenset(
    ("잇", "대하", "관하", "걸치", "앞서", "힘입", "비롯", "통하", "위하")
)
# verbs that carry the noun before them (부상을 입었다: 부상; 치료를 받고 있다: 치료)
_LIGHT_VERBS = ("하", "되", "이", "있", "없", "않", "같", "받", "입")


MEASURE_FEATURE = "<규모>"
# Parts of the day a time or a span's end may be written with (오후 10시까지, 새벽 3시)
DAY_PARTS = ("오전", "오후", "새벽", "아침", "낮", "밤", "저녁")
_DAY_PART = "|".join(DAY_PARTS)


@functools.cache
def _vocab() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    data = load("vocabulary")
    heads = frozenset(data["names"]["heads"])
    stop = frozenset(data["context"]["stopwords"])
    classes: dict[str, set[str]] = {}
    for cls, words in data["predicates"].items():
        for word in words:
            classes.setdefault(word, set()).add(cls)
    return heads, stop, {w: frozenset(c) for w, c in classes.items()}


@functools.cache
def vocabulary_words(section: str, key: str = "words") -> frozenset[str]:
    """A word list of ``data/vocabulary.toml`` (``[section] key = [...]``), read once."""
    return frozenset(load("vocabulary")[section].get(key, ()))


measure_nouns = functools.partial(vocabulary_words, "measure", "nouns")
frame_nouns = functools.partial(vocabulary_words, "measure", "frames")
date_frame_nouns = functools.partial(vocabulary_words, "measure", "times")
streak_words = functools.partial(vocabulary_words, "measure", "streaks")
person_titles = functools.partial(vocabulary_words, "names", "titles")
aspect_words = functools.partial(vocabulary_words, "aspects")
occurrence_words = functools.partial(vocabulary_words, "occurrence")
scheduling_words = functools.partial(vocabulary_words, "scheduling")
stance_words = functools.partial(vocabulary_words, "stances")
exclusive_events = functools.partial(vocabulary_words, "exclusive", "classes")


@functools.cache
def idioms() -> dict[tuple[str, str], str]:
    """(object noun, verb) -> the event word the idiom means: 막을 올리다 is 개막."""
    table = load("vocabulary").get("idioms", {}).get("events", {})
    return {tuple(words.split()): event for words, event in table.items()}


@functools.cache
def synonym_classes() -> dict[str, str]:
    """Noun -> the feature of its class of synonyms (사업비, 예산 -> "<비용>")."""
    out: dict[str, str] = {}
    for name, words in load("vocabulary").get("synonyms", {}).items():
        for word in words:
            out[word] = f"<{name}>"
    return out


@functools.cache
def synonym_class(noun: str) -> str | None:
    """The feature of the synonym class ``noun`` is of: its own (요금 -> "<요금>") or, for
    a compound written as one word, its head's (기본요금, 통행요금 -> "<요금>": a Korean
    compound is a kind of its last noun, and kiwipiepy leaves one whole where it cuts
    거리 + 요금). Only a head of two syllables or more after two or more (충전기 is no
    전기), else None."""
    classes = synonym_classes()
    if noun in classes:
        return classes[noun]
    for cut in range(2, len(noun) - 1):
        head = classes.get(noun[cut:])
        if head:
            return head
    return None


def predicate_classes(predicate: str | None) -> frozenset[str]:
    """The event classes of a predicate (개관 and 오픈 -> {open}), or the word itself."""
    if not predicate:
        return frozenset()
    return _vocab()[2].get(predicate, frozenset([predicate]))


def claim_id(doc_id: str, start: int, end: int, kind: str) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}:{kind}".encode()).hexdigest()[:12]


def extract_claims(doc: Document, sentences: tuple[Sentence, ...]) -> list[Claim]:
    published = dt.date.fromisoformat(doc.published) if doc.published else None
    claims: list[Claim] = []
    # people named in full with a title, read once: they are claims, and they say which
    # full name a surname stands for
    persons = [_persons(sent) for sent in sentences]
    measure = ""  # the measure the previous sentence's figures marked
    words: tuple[tuple[str, float], ...] = ()  # the context of its last figure with one
    last_day: DateValue | None = None  # the last day the article gave
    ranked = _ranks_of_a_breakdown(sentences)
    rank: Label | None = None  # the last rank the previous sentence labelled figures with
    for sent, found in zip(with_full_names(sentences, persons), persons):
        current = _sentence_claims(doc, sent, published, found)
        current += _times_on_the_last_day(doc, sent, current, last_day, published)
        days = [c.value for c in current if c.kind == "date" and c.value.precision == "day"]
        last_day = next((v for v in reversed(days) if v.start), last_day)
        continues = _continues_previous(sent)
        if measure and continues:
            current = [_with_measure(c, measure) for c in current]
        if words and continues:
            referring = _about_the_sentence_before(sent)
            done_for = not referring and _opens_on_the_sentence_before(sent)
            current = [_with_words_before(c, words, referring, done_for) for c in current]
        if ranked:
            current, rank = _label_by_rank(current, sent, rank if continues else None)
        claims.extend(current)
        marked = [c.marked_subject for c in current if c.kind not in NOT_FIGURES]
        measure = next((m for m in reversed(marked) if m), "")
        said = [c.context for c in current if c.kind not in NOT_FIGURES and c.context]
        words = said[-1] if said else ()
    claims = _against_periods(claims, sentences)
    return mark_parts_and_totals(_thresholds_of_own_counts(claims))


# What a change is measured against, by how far back it lies: "전월 말(0.48%)보다 0.05%p",
# "1년 전보다 0.12%p", "전년 동월 대비 3.2%". A month's change and a year's are two facts.
_AGAINST_WORDS = {
    "year": r"(?:1|한)\s?해\s?전|1년\s?전|일\s?년\s?전|전년|작년|지난\s?해",
    "quarter": r"(?:전|직전|지난)\s?분기|한\s?분기\s?전|전기(?=\s?대비)",
    "month": r"전월|전달|지난\s?달|(?:1|한)\s?달\s?전|1개월\s?전|직전\s?달",
    "week": r"전주|지난\s?주|(?:1|한)\s?주일?\s?전",
}
_AGAINST_RE = re.compile(
    rf"(?:(?P<year>{_AGAINST_WORDS['year']})|(?P<quarter>{_AGAINST_WORDS['quarter']})"
    rf"|(?P<month>{_AGAINST_WORDS['month']})|(?P<week>{_AGAINST_WORDS['week']})"
    r"|(?P<prior>(?:지난\s?해|작년)\s?)?(?<!\d)(?P<named>\d{1,2})월)"
    r"(?:\s?(?:같은|동)\s?(?:달|기간|월|기|분기))?(?:\s?(?:말|초|중순|평균))?"
    r"(?:\s?\([^()]{0,20}\))?\s?"
    r"(?:보다|대비|에\s?비해|에\s?비하면|(?:와|과)\s?비교(?:하면|해|하여|했을\s?때))"
    r"(?:로는|으로는|는|도)?\s?"
    # the measure may stand between: "전년 동기 대비 성장률은 1.6%다"
    r"(?:[가-힣]{1,6}(?:은|는|이|가)\s?)?$"
)
AGAINST_PERIODS = ("year", "quarter", "month", "week")
_AGAINST_LAGS = {1: "month", 3: "quarter", 12: "year"}  # months back from a named month


def _against_periods(claims: list[Claim], sentences: tuple[Sentence, ...]) -> list[Claim]:
    """Figures written as a change against an earlier period, marked ``against_year``,
    ``against_quarter``, ``against_month`` or ``against_week``: "전월 말(0.48%)보다 0.05%p
    상승" and "1년 전보다 0.12%p 높아졌다" are two changes, never one figure told two ways.
    A named month (7월 말보다) is placed against the period of the article's last figure of
    one month before it (8월 말 0.53%)."""
    text_of = {s.index: s for s in sentences}
    out: list[Claim] = []
    period: tuple[int, int] | None = None  # (year, month) of the last figure of one month
    for c in claims:
        if c.scope and c.scope[0][:7] == c.scope[1][:7] and isinstance(c.value, Quantity):
            period = (int(c.scope[0][:4]), int(c.scope[0][5:7]))
        if c.kind in NOT_FIGURES or not isinstance(c.value, Quantity):
            out.append(c)
            continue
        sent = text_of[c.sentence_index]
        at = c.start - sent.start
        m = _AGAINST_RE.search(sent.text, max(0, at - 40), at)
        against = next((k for k in AGAINST_PERIODS if m and m.group(k)), None)
        if m and m.group("named") and period:
            month = int(m.group("named"))
            year = period[0] if month <= period[1] else period[0] - 1
            if m.group("prior"):
                year = period[0] - 1  # 지난해 8월보다
            against = _AGAINST_LAGS.get(period[0] * 12 + period[1] - (year * 12 + month))
        if against:
            # a qualifier only: a label in the context would make two measures of one
            # base (수출 / 수입, 지난해 같은 달보다) look alike
            c = replace(c, qualifiers=c.qualifiers | {f"against_{against}"})
        out.append(c)
    return out


RANK_UNITS = ("등", "위")  # 1등 당첨자, 2위 팀: a place in a ranking
# 첫째, 둘째 …: the first and second of a litter, of children, of a list
ORDINAL_WORDS = ("첫째", "둘째", "셋째", "넷째", "다섯째")

Label = tuple[int, str]  # (where it ends in the document, its context key: @2등, @둘째)


def _rank_labels(claims: list[Claim], sent: Sentence) -> list[Label]:
    """The places in a ranking that the sentence names as what it is about (2등은, 1위 팀,
    1등 당첨자, 첫째는, 둘째 140g), in text order. A rank a thing reached (2위로, 2위에
    올랐다, 2위였다) labels nothing."""
    labels = []
    for c in claims:
        q = c.value
        if (
            c.kind == "ordinal"
            and isinstance(q, Quantity)
            and q.unit in RANK_UNITS
            and _RANK_TOPIC_RE.match(sent.text, c.end - sent.start)
        ):
            labels.append((c.end, f"@{q.value:g}{q.unit}"))
    for i, t in enumerate(sent.tokens):
        nxt = sent.tokens[i + 1] if i + 1 < len(sent.tokens) else None
        if t.form in ORDINAL_WORDS and (
            _RANK_TOPIC_RE.match(sent.text, t.end - sent.start) or (nxt and nxt.tag == "SN")
        ):
            labels.append((t.end, f"@{t.form}"))
    return sorted(labels)


_RANK_TOPIC_RE = re.compile(r"(?:은|는|이|가|의)(?![가-힣])|\s[가-힣]")


def _ranks_of_a_breakdown(sentences: tuple[Sentence, ...]) -> bool:
    """The article gives figures by place in a ranking: two different ranks (1등, 2등;
    첫째, 둘째) are written in it. One rank alone (매출 1위 기업) labels nothing."""
    text = " ".join(s.text for s in sentences)
    found = {m.group(0).replace(" ", "") for m in _RANK_RE.finditer(text)}
    return len(found) >= 2


_RANK_RE = re.compile(
    r"(?<![0-9.,])[1-9][0-9]?\s?(?:등|위)(?!급|[0-9])"  # not 1등급 (a grade)
    r"|(?<![가-힣])(?:" + "|".join(ORDINAL_WORDS) + r")(?!날|주|딸|아들|[가-힣]{2})"
)


def _label_by_rank(
    claims: list[Claim], sent: Sentence, previous: Label | None
) -> tuple[list[Claim], Label | None]:
    """Figures after a rank in a sentence carry it in their context (@2등), as figures
    after an age group carry the group: "2등은 70명으로 각 6370만원, 3등은 3012명으로 각
    148만원" states one measure per rank in one sentence, and the rank is what tells the
    figures apart ("첫째 180g, 둘째 140g" too). A sentence that continues the one before
    ("이들은 1인당 …") and names no rank takes that sentence's last rank. Returns the claims
    and the sentence's last rank.
    """
    return _with_labels(
        claims, _rank_labels(claims, sent), previous, ("age", "date", "ordinal", *NAME_KINDS)
    )


def _with_labels(
    claims: list[Claim], labels: list[Label], previous: Label | None, unlabelled: tuple[str, ...]
) -> tuple[list[Claim], Label | None]:
    """Each figure with the nearest label before it in its context (claims of the kinds in
    ``unlabelled`` keep theirs as they are); a sentence with no label takes ``previous``
    for all its figures. Returns the claims and the label the next sentence may take."""
    out = []
    for c in claims:
        before = [label for label in labels if label[0] <= c.start]
        label = before[-1] if before else (previous if not labels else None)
        if c.kind in unlabelled or label is None:
            out.append(c)
        else:
            out.append(replace(c, context=with_words(c.context, (label[1],))))
    return out, (labels[-1] if labels else previous)


THRESHOLD_SPAN = 1.1  # a round threshold stands for a count at most this much above it


def _thresholds_of_own_counts(claims: list[Claim]) -> list[Claim]:
    """A round figure crossed as a threshold ("가입자가 3500만명을 넘어섰다") in an article that
    also gives the count just above it (3512만명) says only "more than 3500만": its value
    becomes that lower bound, and it no longer meets another outlet's 3521만 as a rival
    figure. Without such a count in the article (공정률이 72%를 넘어섰다, and no other
    percent near it), the figure is taken as written."""
    out = []
    for c in claims:
        q = c.value
        if "threshold" in c.qualifiers and isinstance(q, Quantity):
            own = any(
                o.id != c.id
                and o.kind == c.kind
                and isinstance(o.value, Quantity)
                and o.value.unit == q.unit
                and q.value < o.value.value <= q.value * THRESHOLD_SPAN
                for o in claims
            )
            if own:
                c = replace(c, value=replace(q, high=math.inf, hedge=q.hedge or "넘어서"))
        out.append(c)
    return out


def _times_on_the_last_day(
    doc: Document,
    sent: Sentence,
    claims: list[Claim],
    last_day: DateValue | None,
    published: dt.date | None,
) -> list[Claim]:
    """A time of day written alone ("운행은 오후 9시 30분 재개될 예정이다") is on the last day
    the article gave (21일 오후 2시 17분께 …), else on the day of publication: a date at
    that time, so that 9시 30분 and 10시 30분 for one event meet."""
    if last_day is None and published is None:
        return []
    day = last_day or day_value(published)
    taken = [(c.start - sent.start, c.end - sent.start) for c in claims]
    # the words of other values are no context; a place's are ("제주항에서 오후 4시에")
    values = [
        (c.start - sent.start, c.end - sent.start) for c in claims if c.kind not in NAME_KINDS
    ]
    # a day given earlier in the sentence is the day of its later times ("8일 오후 2시
    # 30분께 … 탈출했다가 3시간 20분 만인 오후 5시 50분께 붙잡혔다")
    days_here = sorted(
        [
            (c.end - sent.start, c.value)
            for c in claims
            if isinstance(c.value, DateValue) and c.value.precision == "day" and c.value.start
        ],
        key=lambda found: found[0],
    )
    times = [
        (s, e, clock)
        for s, e, clock in bare_times(sent.text)
        if not any(s < te and ts < e for ts, te in taken)  # the time of a date (21일 오후 2시)
        and not _HABITUAL_RE.search(sent.text[max(0, s - 30) : s])
    ]
    bounds = [_SPAN_BOUND_RE.match(sent.text, e) for _, e, _ in times]
    dated = [c.end - sent.start for c in claims if isinstance(c.value, DateValue)]
    ends = {m.group(1) for m in bounds + [_SPAN_BOUND_RE.match(sent.text, e) for e in dated] if m}
    out = []
    for (s, e, clock), bound in zip(times, bounds):
        earlier = [v for end, v in days_here if end <= s]
        if earlier and _THIS_DAY_RE.search(sent.text, max(0, s - 4), s):
            # "14일 경찰에 따르면 지난 11일 사라진 A군이 이날 오전 7시 30분께 발견됐다":
            # 이날 is the day the sentence opens with, the day of the news
            earlier = earlier[:1]
        value = replace(earlier[-1] if earlier else day, time=clock, relative=True)
        quals = _span_marks(bound, ends)  # 오전 9시부터 오후 10시까지: opening hours
        if not earlier:
            # a day the sentence does not give: another outlet's last day may differ
            quals.add("day_assumed")
        out.append(_make(doc, sent, s, e, "date", value, values + [(s, e)], quals))
    return out


_THIS_DAY_RE = re.compile(r"이날\s?$")

# Times of every such day (평일 오전 9시부터 오후 10시까지, 매일 오후 6시): hours kept, not a
# moment on the day the article last named, so they are no dated claim; the start of a
# span of hours may come between (평일 오전 9시부터 | 오후 10시).
_HABITUAL_RE = re.compile(
    r"(?:평일|주말|매일|매주|주중|휴일|공휴일|평소|날마다)(?:에는|엔|에|은|는|마다)?\s?"
    rf"(?:(?:{_DAY_PART})\s?\d{{1,2}}\s?시(?:\s?\d{{1,2}}\s?분|\s?반)?\s?(?:부터|~)\s?)?$"
)


def _span_marks(bound: re.Match | None, ends: set[str]) -> set[str]:
    """The marks of a date or time that bounds a span whose two ends the sentence writes
    (1일부터 5일까지, 29일부터 30일 사이, 오전 9시부터 오후 10시까지): "span", and
    "span_start" for its start; ends of a span, not moments things happened at.
    ``bound`` is the particle after it (``_SPAN_BOUND_RE``), ``ends`` those after every
    date and time of the sentence."""
    if not (bound and "부터" in ends and ends & {"까지", "사이"}):
        return set()
    return {"span", "span_start"} if bound.group(1) == "부터" else {"span"}


def _continues_previous(sent: Sentence) -> bool:
    """The sentence states its figures of what the one before measured: it opens with a
    demonstrative (이는, 이것은, 이 같은) or marks no topic or subject at all ("지난해 같은
    기간보다 128% 늘어난 규모다" after "피해액이 4472억원으로 집계됐다")."""
    toks = sent.tokens
    if toks and toks[0].tag == "NP" and toks[0].form in ("이", "이것", "이는"):
        return True
    return not any(t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는")) for t in toks)


def _about_the_sentence_before(sent: Sentence) -> bool:
    """The sentence's topic is what the one before said: 이는 / 이것은 / 이것이 ("이는 4만
    가구가 1년 동안 쓸 수 있는 양이다"). Not 이를 위해, 이에 따라: what comes next is done
    for it, not said of it."""
    toks = sent.tokens
    return (
        len(toks) > 1
        and toks[0].tag == "NP"
        and toks[0].form in ("이", "이것")
        and (toks[1].tag == "JKS" or (toks[1].tag == "JX" and toks[1].form in ("은", "는")))
    )


def _opens_on_the_sentence_before(sent: Sentence) -> bool:
    """The sentence opens on the one before by a demonstrative that is no topic or subject
    (이를 위해, 이에 따라, 이로 인해): what it says is done for or because of that."""
    toks = sent.tokens
    return len(toks) > 1 and toks[0].tag == "NP" and toks[0].form in ("이", "이것")


def with_words(
    context: tuple[tuple[str, float], ...], words: Iterable[str]
) -> tuple[tuple[str, float], ...]:
    """``context`` with each of ``words`` at full weight (a label, @2등; a measure carried
    over), heaviest first and ties in word order, as ``_context`` ranks a context."""
    merged = dict(context)
    for w in words:
        merged[w] = max(merged.get(w, 0.0), 1.0)
    return _ranked(merged)


def _ranked(weights: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """A context's (word, weight) pairs, heaviest first and ties in word order."""
    return tuple(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])))


def _names_nothing(subject: str) -> bool:
    """A subject of generic words only: 규모 (a size), 증가 (a rise), 기간 (a frame)."""
    return all(
        w in _generic_words() or predicate_classes(w) & _CHANGE_EVENTS for w in subject.split()
    )


@functools.cache
def _generic_words() -> frozenset[str]:
    return measure_nouns() | frame_nouns() | {"것", "수준", "셈"}


def _with_words_before(
    claim: Claim,
    words: tuple[tuple[str, float], ...],
    referring: bool = False,
    done_for: bool = False,
) -> Claim:
    """A figure in a sentence of no words of its own ("올해 3391명보다 278명(8.2%) 적다."
    after "… 선발 인원을 3113명으로 확정해 발표했다") is about what the sentence before
    spoke of: it takes the context of that sentence's last figure. So does, beside its
    own few words, a figure in a sentence ``referring`` to the one before by a
    demonstrative ("이는 4만 가구가 1년 동안 쓸 수 있는 양이다" after "발전소는 연간
    13만MWh의 전력을 생산한다": the households' power). Its own verb and words that name
    nothing (a change, a size) are no words of its own: "2억달러에서 세 배로 성장했다" after
    "라면 수출은 …" says what grew only in the sentence before. Not so in a sentence
    ``done_for`` the one before ("이를 위해 4만 가구를 모집했다"): its verb is what is done,
    and its figure is of that."""
    if claim.kind in NOT_FIGURES:
        return claim
    own = [w for w, _ in claim.context if done_for or w != claim.predicate]
    if own and not referring and not _names_nothing(" ".join(own)):
        return claim
    return replace(claim, context=_ranked({**dict(words), **dict(claim.context)}))


def _with_measure(claim: Claim, measure: str) -> Claim:
    """A figure with no measure of its own takes the previous sentence's (its context
    gains those words too, as a marked measure's do in ``_make``). A figure whose subject
    names something (공정률 72%, 사관학교에서 4000명) keeps its own."""
    if claim.kind in NOT_FIGURES or claim.marked_subject or not _names_nothing(claim.subject):
        return claim
    return replace(
        claim, marked_subject=measure, context=with_words(claim.context, measure.split())
    )


@functools.cache
def _byline_titles() -> tuple[str, ...]:
    return tuple(load("vocabulary")["names"].get("byline_titles", ()))


def with_full_names(
    sentences: tuple[Sentence, ...], persons: list[list[tuple[int, int, NameValue]]]
) -> list[Sentence]:
    """The sentences with a surname standing for a full name written out in full.

    Korean news names a person in full once (김철수 후보) and by surname after (김 후보):
    two outlets' "김 후보" and "김철수 후보" are one person, and two surnames in one
    article (김 후보, 박 후보) are two. A surname is read as the full name when exactly one
    full name of the article starts with it and is followed by a title (후보, 장관, 씨);
    otherwise it is left alone.
    """
    full: dict[str, set[str]] = defaultdict(set)
    for found in persons:  # each sentence's _persons
        for _, _, person in found:
            full[person.key[0]].add(person.key)
    names = {surname: forms.pop() for surname, forms in full.items() if len(forms) == 1}
    if not names:
        return list(sentences)
    out = []
    for sent in sentences:
        toks = sent.tokens
        new = [
            t._replace(form=names[t.form])
            if len(t.form) == 1
            and t.form in names
            and t.tag in NOUN_TAGS
            and i + 1 < len(toks)
            and _head_of(toks[i + 1].form, person_titles())
            else t
            for i, t in enumerate(toks)
        ]
        out.append(replace(sent, tokens=tuple(new)) if new != list(toks) else sent)
    return out


def mark_parts_and_totals(claims: list[Claim]) -> list[Claim]:
    """A figure equal to the sum of two or more figures stated next to it is their total.

    "청년취업사관학교(연 4000명)와 대학 연계(연 6000명)로 총 1만 명", or a total followed by its
    breakdown in the next sentence: the parts get ``summand``, the total ``total``. Unlike an
    explicit share (``part``), a summand still meets plain figures: the marks exist only while the
    arithmetic holds, so they inform the reader and the reconciliation, not the alignment.
    """
    by_id = {c.id: c for c in claims}
    extra: dict[str, set[str]] = {}
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if isinstance(c.value, Quantity) and c.kind not in ("fraction", "percent", "percent_point"):
            by_sentence.setdefault(c.sentence_index, []).append(c)
    for index, members in by_sentence.items():
        window = members + by_sentence.get(index + 1, [])
        for total in window:
            parts = [
                p
                for p in window
                if p.id != total.id
                and p.kind == total.kind
                and p.value.unit == total.value.unit
                and p.value.value < total.value.value
                and "change" not in p.qualifiers | total.qualifiers  # 19만명 증가: no part
                # a breakdown follows its total, or shares its sentence; parts summed into
                # a later sentence's figure must be said to be summed (모두, 총)
                and (p.sentence_index >= total.sentence_index or "total" in total.qualifiers)
            ]
            # a breakdown is written on one side of its total ("A 4000명과 B 6000명 등 총
            # 1만명", "12명 가운데 7명 … 2명 … 3명"); figures on both sides that happen to add
            # up ("5명과 7명 등 12명이 타고, 7명은 구조됐고 2명은 숨졌다": 5 + 2) are no sum
            place = (total.sentence_index, total.start)
            for side in (
                [p for p in parts if (p.sentence_index, p.start) < place],
                [p for p in parts if (p.sentence_index, p.start) > place],
            ):
                combo = _largest_sum(side, total.value.value)
                if combo:
                    extra.setdefault(total.id, set()).add("total")
                    for p in combo:
                        extra.setdefault(p.id, set()).add("summand")
                    break
    if not extra:
        return claims
    return [
        replace(c, qualifiers=c.qualifiers | extra[c.id]) if c.id in extra else c
        for c in by_id.values()
    ]


def _largest_sum(parts: list[Claim], target: float) -> tuple[Claim, ...] | None:
    """The most ``parts`` (two or more) that add up to ``target``."""
    for size in range(len(parts), 1, -1):
        combo = _subset_summing(parts, target, size)
        if combo:
            return combo
    return None


def _subset_summing(parts: list[Claim], target: float, size: int) -> tuple[Claim, ...] | None:
    for combo in combinations(parts[:8], size):
        if abs(sum(p.value.value for p in combo) - target) <= 1e-6 * max(target, 1):
            return combo
    return None


# a person's age in parentheses: 운전자 A씨(68), 김모(45)씨, A씨(68·무직)
_PAREN_AGE_RE = re.compile(
    r"씨\s?\((?P<age>\d{1,3})(?=[)·,\s])|(?<=[가-힣A-Z])\((?P<age2>\d{1,3})\)\s?씨"
)

# a full name with the age in parentheses: 한서윤(54)이, 김도윤(59) 원장 (three or four
# syllables: a two-syllable word before a number in parentheses is as often a place)
_NAME_AGE_RE = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{3,4})\((?P<age>\d{1,3})(?=[)·,])(?!\d)")

# a court's sentence or a prosecutor's request: 징역 15년, 징역 1년 6개월, 집행유예 2년; the
# kind of term is the unit (the figure in months), so a prison term never meets a suspension
TERM_KINDS = ("징역", "금고", "집행유예", "자격정지")
_PRISON_TERM_RE = re.compile(
    rf"(?P<kind>{'|'.join(TERM_KINDS)})\s?(?:(?P<years>\d{{1,2}})년)?(?:\s?(?P<months>\d{{1,2}})개월)?"
)


@functools.cache
def _age_decade_re() -> re.Pattern:
    """A person's age by decade: "60대 남성", "70대 운전자 A씨", "20대 배달원" (the nouns of
    people in ``data/vocabulary.toml``), not 장비 40대, a count of vehicles."""
    people = "|".join(sorted(vocabulary_words("names", "people"), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.,~∼〜·])(?:(?P<first>[1-9]0)\s?[{RANGE_SIGNS}·,]\s?)?(?P<last>[1-9]0)대\s?"
        rf"(?={people}|[A-Z]씨|[가-힣]모\s?씨|[가-힣]{{1,2}}씨)"
    )


# Words that say a sentence breaks a figure down by age: its decades (20대가, 70대(13.5%),
# 20대 18.7%) are age groups, not counts of vehicles.
_AGE_WORDS_RE = re.compile(r"연령|나이별|세대별")
# Each pattern of an age by decade names the decade ``last`` and, in a range or pair of
# decades (10~20대, 20·30대), the one before it ``first``.
_DECADE_PAIR_RE = re.compile(
    r"(?<![\d.,·~∼〜])(?P<first>[1-9]0)\s?·\s?(?P<last>[1-9]0)대(?![가-힣]{2})"
)
_DECADE_GROUP_RE = re.compile(
    r"(?<![\d.,·])(?P<last>[1-9]0)대(?=\s?(?:가|는|은|이|의|에서|에선|\(|,|\s\d))"
)

# a match result: "3-1로 꺾었다", "2대 1로 이겼다", "3-1 역전승" (read before 2대 1 is a ratio)
_SCORE_RE = re.compile(
    r"(?<![\d.,:-])(\d{1,3})\s?(?:-|:|대)\s?(\d{1,3})(?![\d.,:])(?=\s?(?:으?로\s?)?"
    r"(?:이기|이겼|이긴|꺾|제압|승리|승(?:리)?를|역전승|완승|신승|대승|패하|패했|패배|졌|지고|비기|비겼"
    r"|무승부|앞서|뒤지|격파|누르|눌러|눌렀|물리치|물리쳐|물리쳤|따돌리|따돌려|따돌렸|제치|제쳐|제쳤"
    r"|잡았|잡고|잡으며))"
)
SCORE_SCALE = 1000  # a score is read as winner + loser / 1000 (3-1 -> 3.001)

# an earthquake's magnitude (a unitless figure): "규모 5.4의 지진", "규모 4.8 여진", "지진의
# 규모는 4.5였다", and a magnitude measured or revised ("규모 4.5로 관측됐다", "4.3으로
# 하향 조정"), where a decimal after 규모 is no size of a budget (사업 규모 1.5조원)
_MAGNITUDE_RE = re.compile(
    r"규모\s?(\d(?:\.\d)?)(?![\d.])(?=\s?(?:의\s?)?(?:지진|여진|강진))"
    r"|(?:지진|여진|강진)의?\s?규모(?:는|가|도)?\s?(\d(?:\.\d)?)(?![\d.,]|\s?[조억만천])"
    r"|규모\s?(\d\.\d)(?=\s?으?로\s?(?:관측|측정|기록|추정|분석|조정|상향|하향|수정|발표))"
)


def _written_figures(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, Quantity]]:
    """Figures the quantity reader does not know, outside ``skip``: prison terms (징역 1년
    6개월, in months), ages by decade (60대 남성, 60..69), ages in parentheses (A씨(68)),
    match results (3-1로 꺾었다), earthquake magnitudes (규모 5.4의 지진), market index
    levels (코스피 2450.12), terms written bare (계약 기간 4년; 4년 80억원) and decimals
    named by what they measure (평균자책점 2.87; 타율 3할1푼2리, the same as 타율 0.312)."""
    out: list[tuple[int, int, Quantity]] = []

    def add(start: int, end: int, q: Quantity) -> None:
        if not any(start < e and s < end for s, e in skip):
            out.append((start, end, q))

    for m in _PRISON_TERM_RE.finditer(text):
        if m.group("years") or m.group("months"):
            months = float(int(m.group("years") or 0) * 12 + int(m.group("months") or 0))
            start = m.start("years") if m.group("years") else m.start("months")
            add(start, m.end(), Quantity("duration", m.group("kind"), months, months, months))
    decades = list(_age_decade_re().finditer(text))
    if _AGE_WORDS_RE.search(text):
        # "연령별로는 20대가 18.7%로 가장 많았고": a breakdown by age names its groups by decade
        decades += _DECADE_GROUP_RE.finditer(text)
    # "20·30대가 절반을 넘었다": two decades joined by a middle dot are ages, never vehicles
    decades += _DECADE_PAIR_RE.finditer(text)
    seen: set[int] = set()
    for m in decades:
        # 10~20대, 20·30대 (people in their teens and twenties): from the first decade to
        # the end of the last
        first = m.groupdict().get("first")
        low, high = float(first or m["last"]), float(m["last"]) + 9
        start = m.start("first" if first else "last")
        if low < high and start not in seen:
            seen.add(start)
            add(start, m.end("last") + 1, Quantity("age", "세", low, low, high))
    for m in _SCORE_RE.finditer(text):
        high, low = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        score = high + low / SCORE_SCALE  # winner's score first: 3-1 and 1-3 are one result
        add(m.start(), m.end(2), Quantity("score", "score", score, score, score))
    for m in _MAGNITUDE_RE.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        size = float(m.group(group))
        start = m.start() if group == 1 else m.start(group)
        add(start, m.end(group), Quantity("magnitude", "규모", size, size, size))
    for m in _index_level_re().finditer(text):
        level = float(m.group("level").replace(",", ""))
        add(m.start("level"), m.end("level"), Quantity("index", "pt", level, level, level))
    for m in _TERM_YEARS_RE.finditer(text):
        group = next(g for g in ("n", "n2", "n3", "n4") if m.group(g))
        years = float(m.group(group))
        add(m.start(group), m.end(group) + 1, Quantity("duration", "년", years, years, years))
    for m in _TERM_DAYS_RE.finditer(text):
        days = float(m.group("n"))
        add(m.start("n"), m.end("n") + 1, Quantity("duration", "일", days, days, days))
    for m in _NAMED_DECIMAL_RE.finditer(text):
        if any(m.start("value") < e and s < m.end("value") for s, e, _ in out):
            continue  # an index level read above
        value = float(m.group("value"))
        name = m.group("name")
        add(m.start("value"), m.end("value"), Quantity("index", name, value, value, value))
    for m in _RATE_IN_HAL_RE.finditer(text):
        tenths, hundredths, thousandths = (int(m.group(g) or 0) for g in ("hal", "pun", "ri"))
        value = round(tenths / 10 + hundredths / 100 + thousandths / 1000, 3)
        add(
            m.start("value"),
            m.end("value"),
            Quantity("index", m.group("name"), value, value, value),
        )
    for m in _PAREN_AGE_RE.finditer(text):
        group = "age" if m.group("age") else "age2"
        age = float(m.group(group))
        if 0 < age <= 120:
            add(m.start(group), m.end(group), Quantity("age", "세", age, age, age))
    for m in _NAME_AGE_RE.finditer(text):
        # 소설가 한서윤(54)이, 윤태석(57) 서울경찰청장: a full name, then the age
        taken = any(s < m.end("age") and m.start("age") < e for s, e, _ in out)
        if m.group("name")[0] in _surnames() and 0 < int(m.group("age")) <= 120 and not taken:
            age = float(m.group("age"))
            add(m.start("age"), m.end("age"), Quantity("age", "세", age, age, age))
    return out


# A term in years written bare, as contracts are: "계약 기간 4년", "임기 4년", "4년 80억원",
# "4년 최대 80억원", "4년 계약을 맺었다" (a bare 4년 elsewhere may be an abbreviated year, and
# is left alone)
_TERM_YEARS_RE = re.compile(
    r"(?<![\d'’.])(?P<n>\d{1,2})년(?![가-힣\d])"
    r"(?=,?\s(?:총액\s?|최대\s?|총\s?)?\d[\d,.]*\s?(?:억|만|천)\s?원)"
    r"|(?:기간|임기)\s?(?P<n2>\d{1,2})년(?=(?:이|을|은|의|으로|로|과|와)?(?:[^가-힣\d]|$))"
    r"|(?<![\d'’.])(?P<n3>\d{1,2})년\s?(?=(?:재계약|계약|연장\s?계약|임대\s?계약)(?:을|이|은|의|에|으로|과|\s|[,.]|$))"
    # 임기는 3년이다, 임기는 다음 달 1일부터 3년으로: the term as its clause's predicate
    r"|(?:기간|임기)(?:은|는|이|가)\s(?:[^.,]{1,20}?(?:부터|까지)\s)?(?P<n4>\d{1,2})년"
    r"(?=이다|입니다|이며|이고|이었|였|으로|간|\.|,)"
)
# A term in days, written bare after the period it is or a limit: "체류 기간은 최대
# 15일이다", "임기 90일", "최장 30일 머물 수 있다", a count of days (폭염일수가 24일로)
# (a day of the month is never "at most";
# 기간은 15일까지 is a day, left to the dates)
_TERM_DAYS_RE = re.compile(
    r"(?:(?:기간|임기|기한)(?:은|는|이|을)?\s?(?:최대|최장|최소|최단|총)?\s?|(?:최대|최장|최소|최단)\s?"
    r"|일수(?:가|는|도)?\s?)"
    r"(?<![\d.])(?P<n>\d{1,3})일(?!\s?(?:까지|부터|께|오전|오후|새벽|밤|낮|자))"
)
# A decimal with no unit right after the name of what it measures: "평균자책점 2.87을",
# "타율은 0.325로", "지니계수 0.33": its unit is that name, so it meets only its like.
# the particle after the measure's name (타율은, 타율을) and what closes the value after it
_AFTER_NAME = r"(?:은|는|이|가|을|를|도)?\s?"
_CLOSES_VALUE = r"(?=\s?(?:을|를|로|으로|에|이다|였|이었|의|과|와)(?![가-힣])|[,.)]|$)"
_NAMED_DECIMAL_RE = re.compile(
    r"(?P<name>[가-힣]{2,}?)"
    + _AFTER_NAME
    + r"(?P<value>\d{1,3}\.\d{1,3})(?!\d|[.,]\d)"
    + _CLOSES_VALUE
)
# A rate written in 할, 푼 and 리 (tenths, hundredths, thousandths), as baseball writes a
# batting average: "타율 3할1푼2리" is 타율 0.312, "승률 5할" 0.5. Only after a rate's name
# (타율, 승률, 출루율: ending in 율 or 률), so that it meets the decimal form of that rate.
_RATE_IN_HAL_RE = re.compile(
    r"(?P<name>[가-힣]{0,4}[율률])"
    + _AFTER_NAME
    + r"(?P<value>(?P<hal>\d)할(?:\s?(?P<pun>\d)푼)?(?:\s?(?P<ri>\d)리)?)"
    + r"(?:(?=\s)|"
    + _CLOSES_VALUE
    + ")"  # a space closes it too: 3할 타자
)


@functools.cache
def _index_level_re() -> re.Pattern:
    """A market index's level: a bare decimal after the index's name in its clause, closed
    by 에/로/선 (코스피는 … 57.68포인트 내린 2450.12에 장을 마쳤다; 코스닥은 702.35로)."""
    names = sorted(load("vocabulary")["markets"]["indices"], key=len, reverse=True)
    return re.compile(
        rf"(?:{'|'.join(re.escape(n) for n in names)})[^,]{{0,60}}?"
        r"(?<![\d.,])(?P<level>\d{1,2},?\d{3}\.\d{1,2}|\d{2,3}\.\d{1,2})(?![\d.,%])"
        r"(?=\s?(?:에|으로|로|선|까지)(?![가-힣]))"
    )


# after a date: it is the baseline a change is measured against (지난해 같은 달보다, 전년 동기
# 대비, 작년에 비해, 올해 예산보다, 올해 본예산 대비), which outlets name in many ways for one
# figure
_BASELINE_RE = re.compile(
    # 평년(9월 29일)보다, 지난해(9월 30일)보다: a baseline's date in parentheses, or after it
    r"(?:\)|\s?\(\d{1,4}\s?[년월일][^()]{0,12}\))?\s?(?:(?:같은|동)\s?(?:기간|달|분기|때|시기|주)|동기|동월|동기간|[가-힣]{1,6})?\s?"
    r"(?:보다|대비|에\s?비해|에\s?비하면|과\s?비교해|와\s?비교해)"
)


_ZONE_WORDS = {"local_time": r"현지\s?시[간각]", "korea_time": r"(?:한국|국내)\s?시[간각]"}
_ZONE_BEFORE = {q: re.compile(rf"{w}(?:으로는?|기준)?\s?$") for q, w in _ZONE_WORDS.items()}
_ZONE_AFTER = {q: re.compile(rf"\s?\(\s?{w}\s?\)") for q, w in _ZONE_WORDS.items()}


def _time_zone(text: str, start: int, end: int) -> set[str]:
    """``local_time`` for a date said to be in the local time of a place abroad (현지시간 14일
    오전 10시, 14일(현지시간)); ``korea_time`` for one said to be in Korean time (한국시간
    15일 0시): one moment, given a day apart."""
    before = text[max(0, start - 12) : start]
    return {
        q for q in _ZONE_WORDS if _ZONE_BEFORE[q].search(before) or _ZONE_AFTER[q].match(text, end)
    }


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    published: dt.date | None,
    persons: list[tuple[int, int, NameValue]],
) -> list[Claim]:
    text = sent.text
    out: list[Claim] = []
    skip = [(m.start(), m.end()) for m in _TIME_RE.finditer(text)]
    dates = find_dates(text, published)
    skip += [(d.start, d.end) for d in dates]
    # read first: 1년 6개월 of 징역 is one term, 60대 of a person is no count of vehicles
    written = _written_figures(text, skip)
    skip += [(s, e) for s, e, _ in written]
    quantities = find_quantities(text, skip)
    value_spans = [(d.start, d.end) for d in dates] + [(q.start, q.end) for q in quantities]
    value_spans += [(s, e) for s, e, _ in written]

    # "지난달 27일부터 이달 5일까지": the ends of a span, not days things happened on
    bounds = {id(d): _SPAN_BOUND_RE.match(text, d.end) for d in dates}
    ends = {m.group(1) for m in bounds.values() if m}
    for d in dates:
        if _BASELINE_RE.match(text, d.end):
            continue  # 지난해 같은 기간보다: the baseline of a change, not a date of the story
        # 2027학년도 names a school year (its entrance exam is held in 2026): it never
        # meets a calendar year, only another school year
        quals = {"academic_year"} if "학년도" in text[d.start : d.end] else set()
        bound = bounds[id(d)]
        from_here = bound is not None and bound.group(1) == "부터"
        if span := _span_marks(bound, ends):
            quals |= span
        elif _RANGE_BEFORE_RE.search(text[: d.start]):
            quals.add("span")  # 1~5일, as 1일부터 5일까지
            if from_here:
                quals.add("span_start")
        elif _RANGE_AFTER_RE.match(text, d.end):
            quals |= {"span", "span_start"}  # 3월 15일~6월 30일, 2029.3.16~6.30: the first day
        elif _SINCE_RE.match(text, d.end):
            # "1982년 이후 문을 닫은 학교는": the start of a stretch up to now, which meets
            # only another start ("1982년부터 올해까지"), never the date of an event
            quals |= {"span", "span_start"}
            if _LAST_TIME_RE.match(text, d.end):
                # "2023년 이후 3년 만이다", "2019년 이후 처음": the last time it happened,
                # an occurrence before this one, never today's date of it
                quals.add("distant")
        elif from_here:
            quals.add("from")  # "11월 14일부터 시작된다": the day a period opens
        quals |= _time_zone(text, d.start, d.end)
        out.append(_make(doc, sent, d.start, d.end, "date", d.value, value_spans, quals))
    for start, end, q in written:
        out.append(_make(doc, sent, start, end, q.kind, q, value_spans, set()))
    prices_at = {q.start for q in quantities if q.quantity.kind == "money"}
    basis_of: dict[int, str] = {}  # a price's start -> per_… of the quantity it is for
    for q in quantities:
        if _PER_RE.match(text, q.end):
            continue  # 외래환자 1000명당: the base of a rate, not a figure of the story
        basis_end = _price_basis_end(text, q, prices_at)
        if basis_end is not None:
            # 20㎏ 한 포대에 4만7천원: what the price is for, no fact of the story; the price
            # keeps it (per_20kg), and a price per 80㎏ is never its counterpart
            if q.quantity.kind != "count":  # 한 포대에: of one thing, which says no amount
                basis_of.setdefault(basis_end, f"per_{q.quantity.value:g}{q.quantity.unit}")
            continue
        if q.quantity.value == 1 and _EACH_RE.match(text, q.end):
            continue  # 한 곳에 최대 5000만원씩: per firm, as 기업당 is; no count of firms
        quals = _qualifiers(text, q.start, q.end, q.prefix, q.quantity.kind, sent)
        if q.start in basis_of:
            quals.add(basis_of[q.start])
        if (
            _THRESHOLD_RE.match(text, q.end)
            and q.quantity.high != math.inf
            and q.quantity.value / last_digit_step(q.quantity.value) < 100
        ):
            quals.add("threshold")  # 3500만명을 넘어섰다 (105만장을 넘어섰다 states a count)
        out.append(
            _make(doc, sent, q.start, q.end, q.quantity.kind, q.quantity, value_spans, quals)
        )
        told_on = _told_on(text, q, dates, published)
        if told_on:
            day = told_on.isoformat()
            out[-1] = replace(out[-1], scope=(day, day))  # a figure of the day it is told
        if q.quantity.alt:
            out.extend(_conversion(doc, sent, out[-1], q))
    places = [p for p in _names(sent) if not _is_a_persons_title(p, persons, sent)]
    for kind, found in (("place", places), ("person", persons)):
        for start, end, value in found:
            s, e = start - sent.start, end - sent.start
            out.append(_make(doc, sent, s, e, kind, value, value_spans, set()))
    out = _label_by_unit_price(_list_items(_parts_of_a_whole(out), sent), sent)
    return _scope_by_date(_label_by_age_group(_annotations(out, sent), sent), sent, published)


# a date a running count is told on: "27일로 나흘째를 맞았다", "24일 현재 사흘째", "24일까지"
_COUNTED_TO_RE = re.compile(r"\s?(?:로|으로|현재|까지|기준)?\s?")


def _told_on(
    text: str, q: Found, dates: list[FoundDate], published: dt.date | None
) -> dt.date | None:
    """The day a running count of days (파업이 사흘째 이어지고 있다, 열대야 21일째) is told on:
    the date written right before it (27일로 나흘째), else the page's day. The count is a
    figure of that day: 사흘째 on the 26th and 나흘째 on the 27th are one strike's days, and
    two pages of one day that count 사흘째 and 나흘째 disagree. (Its first day is not
    compared: a page of the small hours often tells the day before's count.) None for any
    other figure, or with no day to count to."""
    quantity = q.quantity
    if (
        quantity.kind != "duration"
        or quantity.unit != "일"
        or not text.startswith("째", q.end - 1)
        or quantity.low != quantity.high
        or not quantity.value.is_integer()
        or not 1 <= quantity.value <= 366
    ):
        return None
    day = _counted_to(text, q, dates)
    return dt.date.fromisoformat(day.value.start) if day else published


def _counted_to(text: str, q: Found, dates: list[FoundDate]) -> FoundDate | None:
    """The day written right before a figure that it is counted to (27일로 나흘째, 24일 현재
    사흘째), if any."""
    return next(
        (
            d
            for d in reversed(dates)
            if d.end <= q.start
            and d.value.precision == "day"
            and d.value.start
            and _COUNTED_TO_RE.fullmatch(text, d.end, q.start)
        ),
        None,
    )


def _list_items(claims: list[Claim], sent: Sentence) -> list[Claim]:
    """Figures of one kind that a sentence lists, each right after its own one-word label
    ("관람료는 성인 5000원, 청소년 3000원이다"), are marked ``list_item``: the adult price of
    one outlet is never the youth price of another (align.different_list_items)."""
    labelled: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    owned: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, Quantity):
            before = _past_per_unit(list(reversed([t for t in sent.tokens if t.end <= c.start])))
            quoted = _quoted_word(before)
            word = _one_written_noun(before)
            if word in _NOT_LABELS:
                word = ""  # "39만8000명으로 처음 40만명 아래로": when, not which item
            if quoted:
                labelled[c.kind].append((c, quoted))  # '바람' 2만1천대
            elif word:
                labelled[c.kind].append((c, word))
            else:
                owner = _genitive_owner(before)
                if owner:
                    owned[c.kind].append((c, owner))
    for kind, found in owned.items():
        if labelled.get(kind):
            # "초등학생의 피해 응답률이 3.9%로 가장 높았고 중학생 1.3%, 고등학생 0.4%": the
            # first item names its group as the owner of the measure
            labelled[kind] = sorted(found + labelled[kind], key=lambda item: item[0].start)
    # the label is the item's subject: 보통주 of "보통주 1주당 1800원, 우선주 1주당 1550원의
    # 현금배당", not the 현금배당 of the whole list
    items = {
        c.id: label
        for same in labelled.values()
        if len({label for _, label in same}) >= 2
        for c, label in same
    }
    return [
        replace(c, subject=items[c.id], qualifiers=c.qualifiers | {"list_item"})
        if c.id in items
        else c
        for c in claims
    ]


# nouns that say when or how far, never which item of a list (처음 40만명, 역대 최대)
_NOT_LABELS = frozenset(("처음", "최초", "최근", "이번", "당시", "현재", "지금", "역대", "사상"))


def _one_written_noun(before: list[Token], alone: bool = True) -> str:
    """The noun written as one word right before a figure (성인, 중학생: 중학 + 생, 초등학교:
    초등 + 학교), or "" when there is none or (``alone``) it ends a phrase of several words
    (기타 지원자)."""
    run: list[Token] = []
    for t in before:
        if t.tag not in ("NNG", "NNP", "XSN") or (run and t.end != run[-1].start):
            break
        run.append(t)
    if not run or run[-1].tag == "XSN":
        return ""
    if len(run) == 1 and run[0].form in _WHOLE_WORDS:
        return ""  # 3명 가운데 2명: the part of a whole, not an item labelled 가운데
    word = "".join(t.form for t in reversed(run))
    if word in _generic_words():
        return ""  # 1인당 35만원: a unit or a frame, no item's label
    rest = before[len(run) :]
    if alone and rest and rest[0].tag in ("NNG", "NNP"):
        return ""  # one word, not a phrase
    return word


def _genitive_owner(before: list[Token]) -> str:
    """The noun that owns the measure a figure is the subject of, through 의: 초등학생 of
    "초등학생의 피해 응답률이 3.9%로" (the measure marked 이/가/은/는 right before the
    figure, nouns only between it and 의); or the topic itself, "초등학생은 3.9%로"."""
    if not before or before[0].tag not in ("JKS", "JX") or before[0].form not in _TOPIC_MARKS:
        return ""
    if before[0].form in ("은", "는"):
        topic = _one_written_noun(before[1:], alone=False)
        if topic:
            return topic  # "초등학생은 3.9%로, 중학생 1.3% …": the item named as the topic
    i = 1
    while i < len(before) and before[i].tag in ("NNG", "NNP", "XSN"):
        i += 1
    if i == 1 or i >= len(before) or before[i].tag != "JKG" or before[i].form != "의":
        return ""
    return _one_written_noun(before[i + 1 :], alone=False)


_TOPIC_MARKS = frozenset(("이", "가", "은", "는"))


def _parts_of_a_whole(claims: list[Claim]) -> list[Claim]:
    """After "N명 가운데", every figure of the same kind and unit in the sentence is a part:
    "금통위원 7명 가운데 5명이 인하에 찬성했고 2명은 동결 의견을 냈다" (5명 and 2명)."""
    wholes = [c for c in claims if "whole" in c.qualifiers and isinstance(c.value, Quantity)]
    if not wholes:
        return claims
    # "청년 10명 가운데 4명", "100명 중 7명": a ratio written as counts; its figures meet only
    # their like, never a count of people (3000명을 대상으로)
    ratios = {w.id for w in wholes if w.value.value in RATIO_WHOLES and w.value.low == w.value.high}
    out = []
    for c in claims:
        whole = next(
            (
                w
                for w in wholes
                if isinstance(c.value, Quantity)
                and "whole" not in c.qualifiers
                and w.end <= c.start
                and w.kind == c.kind
                and w.value.unit == c.value.unit
            ),
            None,
        )
        if whole is not None:
            c = replace(c, qualifiers=c.qualifiers | {"part"})
            if whole.id in ratios and c.value.value < whole.value.value:
                c = replace(c, qualifiers=c.qualifiers | {"ratio_phrase"})
        elif c.id in ratios:
            c = replace(c, qualifiers=c.qualifiers | {"ratio_phrase"})
        out.append(c)
    return out


RATIO_WHOLES = (10.0, 100.0)  # "10명 중 4명", "100명 가운데 7명": a ratio, not a count


def _conversion(doc: Document, sent: Sentence, claim: Claim, found) -> list[Claim]:
    """The amount converted in parentheses (9조원(약 65억달러): 약 65억달러) as a claim of
    its own, of the same thing: another outlet's conversion of the same 9조원 (약 56억달러)
    or its figure in that currency alone (약 65억달러다) meets it."""
    inner_start = sent.text.find("(", found.start, found.end) + 1
    inner_end = sent.text.rfind(")", found.start, found.end)
    if inner_start <= 0 or inner_end <= inner_start:
        return []
    inner = find_quantities(sent.text[inner_start:inner_end])
    if len(inner) != 1 or inner[0].quantity.kind != "money":
        return []
    start, end = sent.start + inner_start + inner[0].start, sent.start + inner_start + inner[0].end
    return [
        replace(
            claim,
            id=claim_id(doc.id, start, end, "money"),
            surface=doc.text[start:end],
            start=start,
            end=end,
            value=inner[0].quantity,
        )
    ]


def _annotations(claims: list[Claim], sent: Sentence) -> list[Claim]:
    """A figure in parentheses right after another (1만8천432표(52.3%), 5000억원(약 3억
    달러)) states another measure of the same thing: it takes that figure's context and
    subject."""
    ends = {c.end: c for c in claims if c.kind not in NOT_FIGURES}
    out = []
    for c in claims:
        head = sent.text[: c.start - sent.start].rstrip()
        annotated = None
        if c.kind not in NOT_FIGURES and head.endswith("("):
            annotated = ends.get(sent.start + len(head[:-1].rstrip()))
        if annotated is None:
            out.append(c)
            continue
        weights = dict(c.context)
        for k, w in annotated.context:
            weights[k] = max(weights.get(k, 0.0), w)
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:16]
        out.append(replace(c, context=tuple(ranked), subject=annotated.subject or c.subject))
    return out


def _scope_by_date(
    claims: list[Claim], sent: Sentence, published: dt.date | None = None
) -> list[Claim]:
    """Figures take the period of a date that modifies their measure: "지난해 매출은 8조원",
    "올해 매출 목표를 10조원으로", "올해 10조원 달성" (only nouns and particles between).

    Last year's revenue and this year's target are two facts, however alike their words.
    A date across a verb or a comma dates something else (2029년 준공, 사업비 1조원).
    """
    dates = [c for c in claims if c.kind == "date" and isinstance(c.value, DateValue)]
    if not dates:
        return claims
    # an age group between a date and its figure is part of the measure (2050년에는 65세
    # 이상 비율이 40.1%)
    groups = [(c.start, c.end) for c in claims if c.kind == "age"]
    distant_dates: set[str] = set()
    labels: set[str] = set()  # dates that are the period of a figure
    out = []
    # a birth date is no period of what follows ("1968년 안동 출생으로 행정고시 34회"), nor
    # one end of a span ("2020년 3월부터 2024년 5월까지 네 차례": the four are over the span)
    dates = [
        d
        for d in dates
        if "born" not in predicate_classes(d.predicate)
        and "span" not in d.qualifiers
        # the day or month something starts from is no period either ("다음 달 1일부터 노선
        # 12개를 새로 만들고": the twelve routes are not counted on the 1st; "다음 달부터
        # 4900원이 된다": the price from then on, no price of that month)
        and "from" not in d.qualifiers
        # nor the page's day of hearing the news ("교육청은 29일 유치원 38곳도 문을 닫는다고
        # 밝혔다": the kindergartens close on the 30th, as the page says before)
        and "reporting_day" not in d.qualifiers
    ]
    for c in claims:
        if not isinstance(c.value, Quantity) or c.kind == "duration":
            # a duration has its own extent: the date before it is its end or the day of
            # the clause ("2030년 6월까지 4년 계약", "29일 5년 계약을 체결"), not its period
            out.append(c)
            continue
        date = _nearest_before(dates, c)
        if date is None or not date.value.start or not date.value.end:
            out.append(c)
            continue
        between = [t for t in sent.tokens if date.end <= t.start and t.end <= c.start]
        if between and between[-1].tag == "SSO" and between[-1].end == c.start:
            between = between[:-1]  # "10월(1.8%)": the month's figure in parentheses
        # "지난해 결산배당은 보통주 1주당 1200원": a per-unit phrase is part of the measure
        between = _past_per_unit(between[::-1])[::-1]
        if any(t.form in _COMPARED_WITH for t in between):
            # "2022년 지방선거 투표율보다 4.1%p 떨어진": the year is what the change is
            # measured against, not its period
            out.append(c)
            continue
        if not any(t.tag.startswith("NN") and t.form in _SINCE_NOUNS for t in between) and all(
            t.tag.startswith("NN")
            or t.tag in _SCOPE_LINK_TAGS
            or any(s <= t.start and t.end <= e for s, e in groups)
            or _in_same_period(between, i)
            or (date.value.start != date.value.end and _in_counted_event_clause(between, i))
            or (t.tag == "MAG" and t.form in _TOTAL_ADVERBS)
            for i, t in enumerate(between)
        ):
            scope = (date.value.start, date.value.end)
            if _AT_THE_END_RE.match(sent.text, date.end - sent.start) or date.surface.endswith(
                "말"
            ):
                # "9월 말 잔액" and "3분기 말 잔액": a stock on the period's last day, one
                # day whatever period names it (a flow, 3분기 매출, keeps its period)
                scope = (date.value.end, date.value.end)
                c = replace(c, qualifiers=c.qualifiers | {"period_end"})
            c = replace(c, scope=scope)
            labels.add(date.id)
            if published and _distant(c.scope, published):
                c = replace(c, qualifiers=c.qualifiers | {"distant"})
                if int(c.scope[1][:4]) < published.year:
                    distant_dates.add(date.id)
            elif published and _another_occurrence(date, sent, published):
                c = replace(c, qualifiers=c.qualifiers | {"distant"})
        out.append(c)
    # the date of a figure of a past era is of that era too: "종전 기록인 1994년 8월 1일의
    # 38.4도" never meets today's 1일 (a future date stays comparable: 2027 vs 2028학년도)
    marks = {i: {"period"} for i in labels}
    for i in distant_dates:
        marks[i] = marks.get(i, set()) | {"distant"}
    return [_as_period(c, marks[c.id]) if c.id in marks else c for c in out]


_COMPARED_WITH = frozenset(("보다", "대비"))
# "3분기 말", "지난해 말": the end of a period, written after the date the parser read
_AT_THE_END_RE = re.compile(r"\s?말(?![가-힣])|\s?말(?=기준|로|에|까지|의|은|는|보다|대비)")


def _as_period(date: Claim, marks: set[str]) -> Claim:
    """A date marked as the period of a figure. A month or a year so marked is not dated
    to the reporting verb that closes its sentence ("지난달 … 가동률이 85.3%…라고
    밝혔다": the figures are October's, and the announcement was not made in October); a
    day may still be the announcement's (교육부가 17일 모집인원을 3058명으로 … 발표했다)."""
    predicate = date.predicate
    if date.value.precision != "day" and "announce" in predicate_classes(predicate):
        predicate = None
    return replace(date, qualifiers=date.qualifiers | marks, predicate=predicate)


def _another_occurrence(date: Claim, sent: Sentence, published: dt.date) -> bool:
    """A past date followed by 도 ("also") dates an earlier occurrence of what the story
    is about: "지난해 8월에도 근로자 1명이 추락해 숨지는 사고가 있었다" is not today's
    accident, and its 1명 never meets a figure of today's (an earlier date with no 도,
    "지난달 수출은", is the period of the story's own measure)."""
    if not date.value.end or date.value.end >= published.isoformat():
        return False
    after = _after(sent, date.end)[:2]
    if after and after[0].tag == "JKB" and after[0].form == "에":
        after = after[1:]
    return bool(after) and after[0].tag == "JX" and after[0].form == "도"


DISTANT_YEARS = 2  # a figure of a period this many years from publication is of another era


_SINCE_RE = re.compile(r"\s?(?:이후|이래)(?![가-힣])")
_LAST_TIME_RE = re.compile(r"\s?(?:이후|이래)\s?(?:\d+\s?(?:년|개월|달|주|일)\s?만|처음|최초)")
# 까지 and the copula after it (접수는 30일까지다, 30일까지였다, 30일까지이며)
_UNTIL_RE = re.compile(rf"\s?(?:{_DAY_PART})?\s?까지(?:이?다|였다|이었다|이?며|이고)?(?![가-힣])")


def _distant(scope: tuple[str, str], published: dt.date) -> bool:
    """The figure's period lies years from publication, before or after: 10년 전 654만명,
    2050년 40.1%. Such a figure never meets one stated with no period (today's)."""
    start, end = int(scope[0][:4]), int(scope[1][:4])
    return end <= published.year - DISTANT_YEARS or start >= published.year + DISTANT_YEARS


def _nearest_before(candidates: list[Claim], claim: Claim) -> Claim | None:
    """The last of ``candidates`` (in text order) that ends before ``claim`` starts."""
    before = [c for c in candidates if c.end <= claim.start]
    return before[-1] if before else None


# Nouns that set a date before the figure's time: "1976년 통계 작성 이후 처음으로 사망자가
# 2500명대에", "2019년 이래 최대인 12조원": the figure is of now, not of that year.
_SINCE_NOUNS = frozenset(("이후", "이래", "처음", "최초", "만"))
# adverbs of a figure's size, no clause of their own ("올해 지원 물량은 모두 20만대다")
_TOTAL_ADVERBS = frozenset(("모두", "총", "전부", "약", "대략", "무려"))
# what may stand between a date and the figure it dates: nouns and their particles
_SCOPE_LINK_TAGS = frozenset(
    ("JKS", "JKG", "JKO", "JKB", "JX", "XSN", "XPN", "SL", "SH", "MM")  # MM: 이 비율
)


# an age group that names a subgroup: "7~12세가 43.4명", "65세 이상은 …", "20대에서"
_GROUP_MARK_RE = re.compile(
    r"\s?(?:이상|이하|미만|초과)?\s?(?:이|가|은|는|에서|에선|의|에게서)(?![가-힣])"
)


def _label_by_age_group(claims: list[Claim], sent: Sentence) -> list[Claim]:
    """Figures after an age group in a sentence carry it in their context (@7~12세).

    Breakdowns by age (7~12세가 43.4명, 13~18세가 35.1명) state one measure per group in
    sentences that are otherwise alike; the group is what tells the figures apart. Each
    figure takes the nearest group before it.
    """
    labels = []
    for c in claims:
        group = c.value
        if (
            c.kind == "age"
            and isinstance(group, Quantity)
            and (group.high > group.low or _GROUP_MARK_RE.match(sent.text, c.end - sent.start))
        ):
            if group.high == float("inf"):
                labels.append((c.end, f"@{group.low:g}세 이상"))
            elif group.high > group.low:
                labels.append((c.end, f"@{group.low:g}~{group.high:g}세"))
            else:
                labels.append((c.end, f"@{group.low:g}세"))
    labelled, _ = _with_labels(claims, labels, None, ("age", "date", *NAME_KINDS))
    return labelled


def _make(
    doc: Document, sent: Sentence, s: int, e: int, kind: str, value, value_spans, quals
) -> Claim:
    abs_s, abs_e = sent.start + s, sent.start + e
    spans = [(sent.start + a, sent.start + b) for a, b in value_spans]
    # A whole ("승객 284명 가운데 7명이 경상을 입었다") is what its own noun phrase says: the
    # words and the verb after it are its part's.
    whole = "whole" in quals
    context = _context(sent, abs_s, abs_e, spans, is_date=kind == "date", before_only=whole)
    predicate = None if whole else _predicate(sent, abs_s, abs_e)
    if (
        kind == "date"
        and _news_day(value, doc.published)
        and not value.time  # 오후 5시 35분께 복구를 마쳤다고 밝혔다: the repair's hour
        and not _SPAN_AFTER_RE.match(sent.text, e)
        # 현지시간 25일 … 계약을 맺었다고 밝혔다: a day abroad is the event's; the outlet
        # heard the news at home
        and "local_time" not in quals
    ):
        # "교육부가 17일 … 되돌린다고 발표했다", "16일 … 확정해 발표했다": a day of the news
        # before a quoted or chained clause dates the announcement, as in "…다고 17일 밝혔다"
        predicate = _reporting_verb(sent, abs_e) or predicate
    if predicate == "출생" and kind == "date":
        # 1966년생: the birth is written as a suffix, not a noun; the date's context holds it
        context = with_words(context, ("출생",))
    tense = _tense(sent, abs_e) if kind not in NAME_KINDS else None
    future = (
        kind == "date"
        and isinstance(value, DateValue)
        and bool(value.start and doc.published and value.start > doc.published)
    )
    if future:
        quals = set(quals) | {"future"}  # wholly after the page's day: still to come
    if tense is None and future and "from" in quals:
        tense = "plan"  # "2027년부터 이전을 시작한다고": what starts on a day to come
    if tense:
        quals = set(quals) | {tense}
    elif kind not in NOT_FIGURES and _said_of_now(sent, abs_s):
        quals = set(quals) | {"now"}
    if kind == "date" and "span" not in quals and _UNTIL_RE.match(sent.text, e):
        quals = set(quals) | {"until"}  # "이날 오후 5시까지", "30일 오전까지": a window's end
    figure = kind not in NOT_FIGURES
    owner = _owner(sent, abs_s, abs_e, spans) if figure else ""
    subject = owner or _subject(sent, abs_s, abs_e)
    marked = _marked_subject(sent, abs_s, abs_e) if kind not in NAME_KINDS else ""
    # the marked subject with the words before it, when the subject phrase ends with it
    subject_phrase = subject if subject.endswith(marked) else marked
    if marked and _only_takes_place(sent, abs_e, predicate):
        predicate = measure_word(marked)  # "신고는 21일에야 이뤄졌다": the report
    elif (
        kind == "date"
        and marked
        and (
            (predicate is None and _is_its_complement(sent, abs_e))
            or _only_sets_the_date(sent, abs_e)
        )
    ):
        # what the subject is (정식 출시는 다음 달 17일이다: the launch; 준공 목표 시점은
        # 2032년이다: the completion, not the point in time), or what the date was set for
        # (인사청문회는 다음 달 12일로 잡혔다: the hearing, not 잡히, a suspect caught)
        predicate = _dated_event(subject_phrase)
    elif kind == "date" and measure_word(marked) in date_frame_nouns():
        # "인수 완료 시점은 내년 6월로 제시됐다", "착공 시기는 3월로 잡혔다": the date of the
        # event the subject names, whatever verb reports it
        predicate = _dated_event(subject_phrase) or predicate
    if figure and (subject or marked):
        # the noun a figure measures ("1만 명의 AI 인재", "수출이 … 620억 달러") says most
        # about which fact it is, however far from the figure it stands
        words = {w.lower() if w.isascii() else w for w in subject.split()} | set(marked.split())
        measure = measure_word(marked)
        if measure[-1:] in MEASURE_SUFFIXES:
            words.add(measure[:-1])  # 진화율: the context holds 진화
        if not owner:
            # "김철수 후보는 … 52.3%": the person the clause is about, when the figure has
            # no owner of its own (박영희 후보(46.8%) has)
            words.add(_marked_name(sent, abs_s))
            words.discard("")
        context = tuple(
            sorted(
                ((k, max(w, 1.0) if k in words else w) for k, w in context),
                key=lambda kv: (-kv[1], kv[0]),
            )
        )
    if (
        kind == "date"
        and isinstance(value, DateValue)
        and value.precision == "day"
        and value.start == doc.published
    ):
        if "announce" not in predicate_classes(predicate) and _another_date_follows(sent.text, e):
            # "해솔항만공사는 8일 지난해 … 처리한 물동량이 … 늘었다고 밝혔다": a day right
            # before another date is the day of the report that closes the sentence
            predicate = _closing_report_verb(sent) or predicate
        if "announce" in predicate_classes(predicate):
            # "다온시는 20일 밝혔다" in a page of the 20th: the outlet's own today
            quals = set(quals) | {"reporting_day"}
    if kind == "date" and isinstance(value, DateValue) and _names_an_edition(sent, value, abs_e):
        quals = set(quals) | {"edition"}
    return Claim(
        id=claim_id(doc.id, abs_s, abs_e, kind),
        doc_id=doc.id,
        sentence_index=sent.index,
        sentence_span=(sent.start, sent.end),
        kind=kind,
        surface=doc.text[abs_s:abs_e],
        start=abs_s,
        end=abs_e,
        value=value,
        subject=subject,
        marked_subject=marked,
        predicate=predicate,
        context=context,
        qualifiers=frozenset(quals),
    )


def _names_an_edition(sent: Sentence, value: DateValue, end: int) -> bool:
    """A year written before the topic or subject of its clause, telling which of many is
    meant, not when something happens: "지난해 축제에는 42만명이 다녀갔다" / "올해 축제는 …
    이어지며" are two editions of a festival, never one event dated two ways. The noun is
    one written word of no event the vocabulary knows, marked as topic or subject (은/는,
    이/가, 에는, 에서는). Not a year before an object or a place (1975년 한길산업을 세웠다,
    1972년 가온시에서 태어나), an event (지난해 개통한) or a time (올해 상반기)."""
    if value.precision != "year":
        return False
    toks = sent.tokens
    i = next((k for k, t in enumerate(toks) if t.start >= end), len(toks))
    if i == len(toks) or sent.text[end - sent.start : toks[i].start - sent.start] != " ":
        return False
    j = i
    while j < len(toks) and toks[j].tag == "NNG" and (j == i or toks[j].start == toks[j - 1].end):
        if is_time_word(toks[j].form) or predicate_classes(toks[j].form) - {toks[j].form}:
            return False
        j += 1
    if not i < j < len(toks) or toks[j].start != toks[j - 1].end:
        return False
    particle = toks[j]
    if particle.tag == "JKB" and j + 1 < len(toks) and toks[j + 1].start == particle.end:
        particle = toks[j + 1]  # 에는, 에서는: the place particle, then the topic
    return particle.tag == "JKS" or (particle.tag == "JX" and particle.form in ("은", "는"))


def _another_date_follows(text: str, end: int) -> bool:
    """A date expression starts right after ``end``, past one space (8일 지난해, 8일 올해 1월)."""
    after = text[end : end + 16]
    found = find_dates(after)
    return bool(found) and found[0].start <= 1 and not after[: found[0].start].strip()


def _closing_report_verb(sent: Sentence) -> str | None:
    """The verb that closes the sentence when it reports what comes before it ("… 늘었다고
    밝혔다": 밝히), else None."""
    toks = [t for t in sent.tokens if not t.tag.startswith(("S", "EF", "EP"))]
    if len(toks) < 2:
        return None
    verb, before = toks[-1], toks[-2]
    if verb.tag == "XSV" and before.tag == "NNG":  # 발표했다
        verb, before = before, toks[-3] if len(toks) >= 3 else before
    quoted = before.tag == "EC" and before.form.endswith("고")
    return verb.form if quoted and "announce" in predicate_classes(verb.form) else None


_PER_RE = re.compile(r"\s?당(?![가-힣])")
# one of something, and a distributive 씩 later in its clause: the unit shared out to
_EACH_RE = re.compile(r"\s?에\s[^.,]{0,30}?씩")
# what follows the quantity a price is quoted for, up to the price: 20㎏에, 20㎏ 한 포대에,
# 80㎏들이 한 가마에, 1ℓ 기준
_PRICE_BASIS_RE = re.compile(
    r"\s?(?:들이\s?)?(?:한\s?[가-힣]{1,3}\s?)?(?:에|기준(?:으로)?,?)\s?(?:평균\s?|약\s?)?"
)
_BASIS_KINDS = frozenset(("weight", "volume", "length", "area"))


def _price_basis_end(text: str, q, prices_at: set[int]) -> int | None:
    """Where the price starts when ``q`` is the quantity that price, right after it, is
    quoted for: a measure (20㎏에 5만7천원, 80㎏ 한 가마에 18만8천원) or one of a thing (한
    포대에, 1달러에 1350원); else None. Two outlets quoting one price per 20 kg and per 80 kg
    state no two weights.

    Not a count of more than one (1만명에 10만원씩: how many are paid), nor a measure
    with no price right after it (20㎏ 쌀 4만 포대)."""
    if q.quantity.kind not in _BASIS_KINDS and q.quantity.value != 1:
        return None
    m = _PRICE_BASIS_RE.match(text, q.end)
    return m.end() if m and m.end() in prices_at else None


# a figure crossed as a threshold: 3500만명을 넘어섰다, 1000만 관객을 돌파했다
_THRESHOLD_RE = re.compile(r"\s?(?:을|를)\s?(?:넘어섰|넘어서|넘었|넘겼|돌파|웃돌)")


# a clause whose topic is a rate per hour (시간당 최대 강수량은 …), up to the figure with no
# other topic, comma or full stop between
_PER_HOUR_TOPIC_RE = re.compile(
    r"(?:시간당|분당|초당)\s*(?:최대\s*|평균\s*)?[가-힣]{1,8}(?:은|는)\s"
    r"(?:(?![가-힣]+(?:은|는)\s)[^,.])*$"
)
_AVERAGE_OF_RE = re.compile(r"(?<![연월일])평균\s?[가-힣]{1,6}\s?$")


def _qualifiers(
    text: str, start: int, end: int, prefix: str, kind: str, sent: Sentence
) -> set[str]:
    quals: set[str] = set()
    before = text[max(0, start - 12) : start]
    if prefix in _RATE_WORDS or re.search(
        r"(?:연간|매년|해마다|매해|연평균|매달|매월|월평균|일평균|시간당|분당|초당)\s*(?:총\s*)?$",
        before,
    ):
        quals.add("rate")
    if _AVERAGE_OF_RE.search(text, max(0, start - 15), start):
        # 역대 정부 첫해 평균 인상률 6.4%: an average of many values, never one of them
        # (이번 인상률은 2.9%). Not 평균 right before the figure (가격이 평균 5% 올랐다),
        # which another page may leave out.
        quals.add("average")
    if re.search(
        r"(?:시간당|분당|초당)\s*(?:최대\s*|평균\s*)?$", before
    ) or _PER_HOUR_TOPIC_RE.search(text, 0, start):
        # 시간당 80㎜, 시간당 최대 강수량은 19일 오후 3시 기록한 80㎜였다: an intensity, never
        # the same measure as a total (420㎜ of rain)
        quals.add("intensity")
    if prefix == "총" or re.search(r"(?:총액?|모두|합계|합쳐)\s*$", before):
        quals.add("total")
    # 누적 before the figure, in parentheses after it (1002만명(누적)) or in the noun it
    # modifies (3000명 이상의 누적 취업자); another after it belongs to the next figure
    # ("개봉 31일 만에 누적 관객 1000만명")
    window = text[max(0, start - 15) : end]
    if text.startswith("(", end):
        window += text[end : end + 5].split(")")[0]
    elif _OF_CUMULATIVE_RE.match(text, end):
        window += "누적"  # "3000명 이상의 누적 취업자": the figure is of the running total
    if "누적" in window or re.search(
        r"(?:그동안|지금까지|현재까지)", text[max(0, start - 40) : start]
    ):
        quals.add("cumulative")
    # A share of something named just before: 그중 10분의 1인 5천억, 절반인 2조, 중 30%
    if re.search(
        # 중 and 가운데 as words, with a particle at most (중에서): not 중국이
        r"(?:그중|그 중|이 중|이중|(?<![가-힣])중|가운데)(?:에서|에선|에는|에|엔|의|서|는|도)?\s?$"
        r"|(?:분의\s?\d+|절반|%)\s?(?:인|에 해당하는|에 달하는)\s?$",
        before,
    ) or re.search(r"그중|그 중|그 가운데|이 가운데", text[max(0, start - 25) : start]):
        quals.add("part")
    if _DURATION_RE.search(text, 0, start) or (
        _MONTHS_SPAN_RE.search(text, 0, start) and not _SAME_PERIOD_RE.search(text, 0, start)
    ):
        # over a stretch of months: "1년 6개월 동안 7.9% 인상" is "2021년 8월부터 2023년
        # 2월까지 9.7% 인상" told another way. A stretch named after the figure is what
        # its clause goes on to say of it ("4만 가구가 1년 동안 쓸 수 있는 양"), not
        # what it was counted over; nor is the stretch a change against the same stretch
        # of last year is of ("1월부터 10월까지 … 지난해 같은 기간보다 38% 늘었다": the
        # year-on-year change another outlet gives for 1~10월).
        quals.add("duration_scope")
    after = text[end : end + 16]
    if _BEFORE_RE.match(after):
        quals.add("before")
    if _WHOLE_RE.match(after):
        quals.add("whole")
    if _INCLUDED_RE.match(after):
        quals.add("part")  # 대상에는 법인 47곳이 포함됐다: some of the targets, as 가운데 74곳
    if _BASE_RE.match(after):
        quals.add("base")
    # A figure that is a change, not a level: "1년 전보다 19만3000명 증가했다", "증가폭은
    # 19만명" ("2880만명으로 … 증가했다" and "늘어난 2880만명" are levels). A percent is left
    # alone: "12% 증가" and "증가율 12%" are one rate, written both ways.
    if (
        kind not in ("percent", "percent_point")
        and not (kind == "length" and _APART_RE.match(text, end))
        and (
            _changes_right_after(sent, sent.start + end)
            or _CHANGE_BEFORE_RE.search(before)
            or (  # 남성보다 114만명 많았다: the amount by which one exceeds the other
                _MORE_THAN_RE.search(text[max(0, start - 30) : start])
                and _COMPARATIVE_AFTER_RE.match(text, end)
            )
            or _forecast_increment(text, end)
            or _LESS_AFTER_RE.match(text, end)
        )
    ):
        quals.add("change")
    return quals


# "다바오시에서 45㎞ 떨어진 해역": a distance apart, not a length that fell
_APART_RE = re.compile(r"\s?(?:가량|정도|쯤|여)?\s?떨어[진져지]")
_OF_CUMULATIVE_RE = re.compile(r"\s?(?:이상|이하|가량|정도|여)?\s?의\s?누적")
# The value a change starts from: "연 2.50%에서 2.25%로", "1.8%에서 0.2%포인트 낮춘": the
# old level, never the level reported now.
# So is the level a change is measured against: "전년 2551명보다 30명(1.2%) 줄었다".
_BEFORE_RE = re.compile(
    # 4500원에서 4700원으로, 5000원에서 5300원이 된다: the level a change starts from
    r"\s?에서(?:부터)?\s?(?:연|약|월)?\s?\d[^,\n]{0,8}?(?:(?:으로|로|포인트|%p)(?![가-힣])|[이가]\s?(?:되|된|됐|돼|될))"
    r"|\)?\s?보다\s?(?:약\s?)?\d[^,\n]{0,14}?\s(?:줄|늘|감소|증가|많|적|높|낮|올|오르|내리|떨어|하락|상승|인상|인하|상향|하향)"
)
# A figure something includes ("대상에는 법인 47곳이 포함됐다", "사망자 3명을 포함해"): a part
_INCLUDED_RE = re.compile(r"\s?(?:이|가|을|를|도)?\s?포함(?:됐|되|돼|해|하|된|한)")
# The whole parts are taken from: "7명 가운데 5명이 …고 2명은", "승객 284명 가운데 7명이":
# itself a plain level (284 passengers), but every later figure of its kind in the sentence
# is one of its parts (``_parts_of_a_whole``).
_WHOLE_WORDS = ("가운데", "중")
_WHOLE_RE = re.compile(rf"\s?(?:의\s?)?(?:{'|'.join(_WHOLE_WORDS)})(?:에서|에)?(?![가-힣])")
# The base of a share: "전체 인구 5121만명의 20.0%" (a total that is another measure), also
# from inside parentheses: "연간 목표(150억달러)의 85%", "평년(61%)의 4분의 1", or of a
# multiple: "지난해(3만명)의 2배", "평년의 절반"
_BASE_RE = re.compile(
    r"\s?\)?\s?의\s?(?:\d[\d.,]*\s?(?:%|퍼센트)|\d+\s?분의\s?\d|절반|\d+(?:\.\d+)?\s?배)"
)


def _stance_on(toks: list[Token], i: int) -> str | None:
    """The stance word after ``toks[i]`` and 에 ("인하에 찬성했다": 찬성), or None: those
    voting for or against something are counted, not the thing voted on."""
    if (
        i + 2 < len(toks)
        and toks[i + 1].tag == "JKB"
        and toks[i + 1].form == "에"
        and toks[i + 2].form in stance_words()
    ):
        return toks[i + 2].form
    return None


def _changes_right_after(sent: Sentence, offset: int) -> bool:
    """The first word after the figure, past a subject particle (3명이, 3명이나), a hedge
    (가량, 씩) and a parenthesis (1천500명(7.5%) 늘었다), is an increase or a decrease of the
    vocabulary. Any other particle makes the figure an end point, a level: 25분으로
    줄어든다, 영하 12.3도까지 떨어졌다."""
    depth = 0
    toks = _after(sent, offset)
    for i, t in enumerate(toks):
        if t.tag == "SSO":
            depth += 1
        elif t.tag == "SSC":
            depth = max(0, depth - 1)
        elif depth == 0 and not (
            (t.tag.startswith("J") and t.form in _SUBJECT_PARTICLES) or t.form in _CHANGE_HEDGES
        ):
            if _stance_on(toks, i):
                return False  # 9명이 인하에 찬성했다: votes for a cut, no decrease by 9
            classes = predicate_classes(t.form)
            if "precipitate" in classes and any(x.form in _PRECIPITATION for x in sent.tokens):
                return False  # 20분가량 내린 우박, 비가 80㎜ 내렸다: it fell, nothing was cut
            return t.form in _DIFFERENCE_NOUNS or bool(classes & _CHANGE_EVENTS)
    return False


# what falls from the sky, for 내리다 to mean "fall" rather than "lower"
_PRECIPITATION = frozenset(("비", "눈", "우박", "소나기", "폭우", "폭설", "장맛비", "강수", "강우"))


# "여성은 569만명으로 남성보다 114만명 많았다": a figure by which one thing exceeds another
_MORE_THAN_RE = re.compile(r"[가-힣)]보다\s")  # 남성보다, 전작(61만장)보다
# the comparatives a difference is written with (N명 많다: more; N명 적다: fewer), and the
# change each says (``align.claim_events``)
COMPARATIVES = {
    "많": "increase",
    "크": "increase",
    "높": "increase",
    "길": "increase",
    "적": "decrease",
    "작": "decrease",
    "낮": "decrease",
    "짧": "decrease",
}
_COMPARATIVE_AFTER_RE = re.compile(
    # a share in parentheses may come between: "3391명보다 278명(8.2%) 적다"
    r"(?:\([^()]{1,20}\))?\s?(?:가량|정도|이나|나)?\s?(?:더\s?)?(?:" + "|".join(COMPARATIVES) + ")"
)
# "예산보다 30조원 넘게 덜 걷힌다": the figure by which one falls short, no level
_LESS_AFTER_RE = re.compile(r"\s?(?:가량|정도|안팎|남짓|넘게|이상|씩)?\s?덜\s?[가-힣]")
_CHANGE_EVENTS = frozenset(("increase", "decrease"))
_CHANGE_HEDGES = frozenset(("가량", "정도", "안팎", "남짓", "씩"))
_SUBJECT_PARTICLES = frozenset(("이", "가", "나", "이나"))
# A difference between two figures is a change too: 1622표 차로, 표 차는 1622표, 격차는 3%p.
_DIFFERENCE_NOUNS = frozenset(("차", "차이", "격차"))


_DURATION_RE = re.compile(r"\d+\s?(?:년|개월)\s?(?:동안|간)")
_SAME_PERIOD_RE = re.compile(r"(?:같은|동)\s?(?:기간|기)\s?(?:보다|대비|에\s?비해|과\s?비교)")
# a span of months or years: "2021년 8월부터 2023년 2월까지", "지난 3월부터 9월까지"
_MONTHS_SPAN_RE = re.compile(
    r"\d{1,4}\s?(?:년|월)\s?부터\s?(?:\d{4}\s?년\s?)?\d{1,2}\s?(?:월|년)\s?까지"
)


def _forecast_increment(text: str, end: int) -> bool:
    """A forecast of more to come ("최고 10㎝의 눈이 더 내리겠다", "100㎜의 비가 더 올
    전망이다", "54만명의 관광객이 추가로 들어올 것으로 기대"): an amount added to what
    there was, never the amount so far. Only a forecast: "15만원을 더 받는다" states the
    extra amount another outlet writes as 15만원이 추가로 지급돼."""
    m = _MORE_AFTER_RE.match(text, end)
    return bool(m) and bool(_FORECAST_RE.search(text, m.end(), m.end() + 30))


# "의 눈이 더 내리", "를 더 ", "의 관광객이 추가로 들어": the figure, what it is of, then
# 더 (not 더해) or 추가로 and a verb
_MORE_AFTER_RE = re.compile(
    r"\s?(?:가량|정도|안팎|내외)?\s?(?:의\s?[가-힣]{1,4}(?:이|가|을|를)\s|을\s|를\s)?"
    r"(?:더|추가로)\s[가-힣]"
)
_FORECAST_RE = re.compile(r"겠|것으로|전망|예상|예보|내다")
_CHANGE_BEFORE_RE = re.compile(
    r"(?:(?:증가|감소|상승|하락)(?:폭|분)|차이|격차|[표점]\s?차)\s?(?:은|는|이|가|도)?\s?$"
)


def _context(
    sent: Sentence,
    start: int,
    end: int,
    value_spans,
    *,
    is_date: bool = False,
    before_only: bool = False,
) -> tuple[tuple[str, float], ...]:
    toks = sent.tokens
    words, boundaries, argument, compounds = _context_words(sent)
    # index of the token nearest the value
    anchor = next((i for i, t in enumerate(toks) if t.end > start), len(toks) - 1)
    weights: dict[str, float] = {}
    parts: dict[int, float] = {}  # token index -> its weight, for the words it is written in
    for i, at, form, next_syllable, date_frame, measure, synonym in words:
        if any(a <= at < b for a, b in value_spans):
            continue  # part of some value (지난해, 월) or of this one
        if before_only and at >= end:
            break
        lo, hi = (i, anchor) if i < anchor else (anchor, i)
        dist = hi - lo
        crossed = boundaries[hi] - boundaries[lo]  # clause boundaries between word and value
        w = 1.0 / (1.0 + dist / CONTEXT_DISTANCE) * (CONTEXT_BOUNDARY**crossed)
        if i in argument and i < anchor and crossed == 0:
            # the object of the verb chain the value is in: what the value is about,
            # however many modifiers stand between them
            w = max(w, ARGUMENT_WEIGHT)
        if is_date and date_frame:
            continue  # 가동 목표 시점은 2029년 상반기다: "point in time" says nothing either
        if measure:
            if is_date:
                continue  # 목표로 3월 개최: "size" says nothing about a date
            form = MEASURE_FEATURE
            synonym = synonym_class(form)
        weights[form] = max(weights.get(form, 0.0), w)
        if next_syllable:
            # 제주 + 항, as kiwipiepy cuts 제주항 in one sentence and not in another
            whole = form + next_syllable
            weights[whole] = max(weights.get(whole, 0.0), w)
        if synonym:
            weights[synonym] = max(weights.get(synonym, 0.0), w)
        parts[i] = w
    for first, last, word in compounds:
        w = max((parts[k] for k in range(first, last + 1) if k in parts), default=0.0)
        if w and word not in measure_nouns():
            weights[word] = max(weights.get(word, 0.0), w)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple((k, round(v, 4)) for k, v in ranked[:16])


class _ContextWord(NamedTuple):
    """A word a claim's context may take from its sentence, whatever the claim."""

    index: int  # of its token
    start: int
    form: str
    next_syllable: str  # the one-syllable noun written onto it (제주 + 항), or ""
    date_frame: bool  # says nothing of a date (시점)
    measure: bool  # a size word (규모), read as MEASURE_FEATURE
    synonym: str | None  # its synonym class


class _ContextWords(NamedTuple):
    """What ``_context`` reads of one sentence, the same for all its claims."""

    words: list[_ContextWord]
    boundaries: list[int]  # clause boundaries before each token: a subtraction between two
    arguments: set[int]  # the verb chain's objects (``_arguments``)
    compounds: list[tuple[int, int, str]]  # ``written_compounds``


def _context_words(sent: Sentence) -> _ContextWords:
    """What ``_context`` reads of a sentence whatever the claim, worked out once for all the
    claims of the sentence (it was a walk over every token, and over the tokens between
    each and the value, for every claim: quadratic in a long sentence)."""
    toks = sent.tokens
    last = _last_context_words[0]
    if last[0] is toks:
        return last[1]
    _, stop, _ = _vocab()
    frames, measures = date_frame_nouns(), measure_nouns()
    words = []
    for i, t in enumerate(toks):
        nominal = _nominalized(sent, toks, i)
        if (t.tag not in NOUN_TAGS and not nominal) or t.form in stop or len(t.form) < 1:
            continue
        if attached_syllable(toks, i):
            continue  # 항 of 제주항: the place is the word, not its last syllable
        form = nominal or (t.form.lower() if t.tag == "SL" else t.form)
        # the object of an idiom says its event (문을 연다: 개장; 막을 올린다: 개막), not a door
        form = (i + 2 < len(toks) and _idiom_event(toks, i + 2)) or form
        attached = i + 1 < len(toks) and attached_syllable(toks, i + 1)
        words.append(
            _ContextWord(
                i,
                t.start,
                form,
                toks[i + 1].form if attached else "",
                form in frames,
                form in measures,
                synonym_class(form),
            )
        )
    boundaries = [0]
    for t in toks:
        boundaries.append(boundaries[-1] + _is_boundary(t))
    found = _ContextWords(words, boundaries, _arguments(toks), written_compounds(toks))
    _last_context_words[0] = (toks, found)
    return found


# The last sentence's context words: ``_context`` asks once per claim. One tuple, replaced
# whole, so that threads asking about two sentences never read a mix of both.
_last_context_words: list[tuple[object, _ContextWords]] = [((), _ContextWords([], [0], set(), []))]


def _nominalized(sent: Sentence, toks: tuple[Token, ...], i: int) -> str:
    """The noun a verb is made into with -ㅁ/-음 (떨어지 + ᆷ: 떨어짐; 끼임, 부딪힘), as written:
    it names what a figure counts as a noun would ("떨어짐 사고로 숨진 노동자는 162명" /
    "사고 유형별로는 떨어짐이 126명으로"). Not one-syllable stems (있음, 없음, 함), whose
    nouns say nothing of a figure. "" for any other token."""
    t = toks[i]
    if t.tag not in ("VV", "VA") or len(t.form) < 2 or i + 1 >= len(toks):
        return ""
    ending = toks[i + 1]
    if ending.tag != "ETN" or ending.form not in ("ᆷ", "ㅁ", "음") or ending.start > t.end:
        return ""
    return sent.text[t.start - sent.start : ending.end - sent.start]


def written_compounds(toks: tuple[Token, ...] | list[Token]) -> list[tuple[int, int, str]]:
    """(first, last, word) of each run of two or three common nouns written as one word that
    starts with a single syllable (월 + 평균): the word whole, as kiwipiepy reads it in one
    sentence (월평균) and cuts its first syllable off in the next, so two contexts meet on
    it either way. Not a word that ends in one (통합 + 시: a suffix kiwipiepy cuts off
    alike everywhere, whose whole word, rarer, would only set two contexts apart), nor
    longer runs (미래 + 융합 + 혁신 + 특구), names whose words already meet."""
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.tag != "NNG" or len(t.form) != 1 or i + 1 == n:
            continue
        if i and toks[i - 1].tag == "NNG" and toks[i - 1].end == t.start:
            continue  # inside a longer word (교육 + 월 + 평균): not its start
        j = i
        while j + 1 < n and toks[j + 1].tag == "NNG" and toks[j].end == toks[j + 1].start:
            j += 1
        if 1 <= j - i <= 2:
            out.append((i, j, "".join(x.form for x in toks[i : j + 1])))
    return out


def attached_syllable(toks: list[Token] | tuple[Token, ...], i: int) -> bool:
    """``toks[i]`` is a one-syllable noun written onto a proper noun before it (항 of
    제주항, 시 of 서울시): with it, a word kiwipiepy sometimes reads whole."""
    t = toks[i]
    if i == 0 or t.tag != "NNG" or len(t.form) != 1:
        return False
    before = toks[i - 1]
    if before.end != t.start:
        return False
    # 중앙구 is read whole in one page and 중앙 + 구 in the next: a district's suffix on a
    # common noun names a place as a proper noun's does
    return before.tag == "NNP" or (before.tag == "NNG" and t.form in _PLACE_SUFFIXES)


_PLACE_SUFFIXES = frozenset("구군읍동")


# Connective endings that chain verbs sharing their arguments (업그레이드하여 … 배출할):
# not a clause boundary for context. Others (-고, -며, -지만) start a new clause.
_SERIAL_ENDINGS = frozenset({"어", "아", "여", "해"})
ARGUMENT_WEIGHT = 0.6  # floor of the context weight of the verb chain's object


def _is_boundary(t: Token) -> bool:
    if t.form in (",", "，"):
        return True
    return t.tag == "EC" and t.form not in _SERIAL_ENDINGS


def _arguments(toks) -> set[int]:
    """Indices of nouns in a noun phrase closed by an object particle (을/를)."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if t.tag == "JKO":
            j = i - 1
            while j >= 0 and toks[j].tag in NOUN_TAGS:
                out.add(j)
                j -= 1
    return out


def _after(sent: Sentence, offset: int) -> list[Token]:
    return [t for t in sent.tokens if t.start >= offset]


_QUOTATIVE_ENDINGS = frozenset(("다고", "ᆫ다고", "는다고", "라고", "이라고", "자고", "냐고"))


# (a part of the day may come between: 28일 토요일 오후부터 29일 일요일 새벽까지)
_SPAN_BOUND_RE = re.compile(rf"\s?(?:(?:{_DAY_PART})\s?)?(부터|까지|사이)")
_RANGE_BEFORE_RE = re.compile(rf"\d{{1,2}}\s?일?\s?[{RANGE_SIGNS}]\s?$")
_RANGE_AFTER_RE = re.compile(rf"\s?[{RANGE_SIGNS}]\s?\d")
# A day followed by these words is a span something happened in or a bound ("22일 하루
# 12만3천명이 … 봤다고 밝혔다", "22일까지"), never the day of the announcement.
_SPAN_AFTER_RE = re.compile(r"\s?(?:하루|동안|까지|부터|사이)")


def _news_day(value, published: str | None) -> bool:
    if not (
        isinstance(value, DateValue) and value.precision == "day" and value.start and published
    ):
        return False
    gap = dt.date.fromisoformat(published) - dt.date.fromisoformat(value.start)
    return 0 <= gap.days <= NEWS_DAYS


def _reporting_verb(sent: Sentence, end: int) -> str | None:
    """The reporting verb (발표, 밝히: the announce class) that closes the clause after the
    value, when the clause's first verb is quoted (되돌린다고) or chained (확정해) into it."""
    toks = _after(sent, end)
    if toks and toks[0].tag == "SSO" and toks[0].form in _QUOTE_MARKS:
        # 23일 "하늘이 21일 … 출산했다"며 "…"고 밝혔다: the day the words were said
        return _verb_after_quotes(toks)
    verbs = []  # (position, form) of each predicate: a verb, or a noun made a verb by 하
    for i, t in enumerate(toks):
        if t.tag in ("VV", "VA") and t.form not in _LIGHT_VERBS:
            verbs.append((i, t.form))
        elif t.tag == "XSV" and i > 0 and toks[i - 1].tag == "NNG":
            verbs.append((i, toks[i - 1].form))
    if len(verbs) < 2:
        return None
    (first, _), (_, second) = verbs[0], verbs[1]
    at = next((k for k in range(first + 1, len(toks)) if toks[k].tag != "EP"), None)
    link = toks[at] if at is not None else None
    quoted = (  # 오른다고 read as 오르 + ᆫ다 (EF) + 고 (JKQ), a quotation all the same
        link is not None and link.tag == "EF" and at + 1 < len(toks) and toks[at + 1].tag == "JKQ"
    )
    if link is None or (link.tag != "EC" and not quoted):
        return None
    if not quoted and link.form not in _QUOTATIVE_ENDINGS and link.form not in _SERIAL_ENDINGS:
        return None
    second_at = verbs[1][0]
    if any(
        t.tag == "SN" and toks[j + 1].form == "일"
        for j, t in enumerate(toks[:second_at])
        if first < j
    ):
        # "…출산했다고 23일 밝혔다": the announcement has its own day; this one is the
        # quoted event's
        return None
    return second if "announce" in predicate_classes(second) else None


# "1966년생", "1966년 생인", "90년생으로": the year someone was born in
_BORN_IN_RE = re.compile(r"\s?생(?:인|으로|이다|이며|이고|이|의)?(?![가-힣])")
# "발생 8시간 20분 만에 진화됐다": the time since an event, whose end is the verb after
_ELAPSED_SINCE_RE = re.compile(r"\s?만(?:에|인|의|이)")
_QUOTE_MARKS = frozenset("\"“”‘’'")  # opening and closing


def _verb_after_quotes(toks: list[Token]) -> str | None:
    """The first verb outside quotation marks, when it reports (밝히, 발표)."""
    depth = 0
    for i, t in enumerate(toks):
        if t.tag == "SSO":
            depth += 1
        elif t.tag == "SSC":
            depth = max(0, depth - 1)
        elif depth == 0:
            verb = t.form if t.tag in ("VV", "VA") else None
            if t.tag == "XSV" and i > 0 and toks[i - 1].tag == "NNG":
                verb = toks[i - 1].form
            if verb and verb not in _LIGHT_VERBS:
                return verb if "announce" in predicate_classes(verb) else None
    return None


def _ends_a_name(before: list[Token]) -> bool:
    """The last noun of ``before`` is written onto a proper noun (한솔 + 건설 of
    한솔건설이 12억달러): the end of a company's or a body's name, not an event."""
    return len(before) > 1 and before[-2].tag == "NNP" and before[-2].end == before[-1].start


def _predicate(sent: Sentence, start: int, end: int) -> str | None:
    if _BORN_IN_RE.match(sent.text, end - sent.start):
        return "출생"  # "1966년생인 이 대표는 1991년 입사해": a birth, not the joining
    # "착공은 내년 3월", "준공 2029년": an event noun right before the value names its
    # event. Not one with 로: a cause ("상수도관 파열로 8만3000가구가 단수 피해를"), or the
    # first or last of a series ("서울 공연을 시작으로 12개 도시에서", "이번 경기를 끝으로").
    before = [t for t in sent.tokens if t.end <= start]
    particle = ""
    while before and before[-1].tag.startswith("J"):
        particle = before.pop().form
    if (
        before
        and before[-1].tag == "NNG"
        and before[-1].form in _vocab()[2]
        and particle not in ("로", "으로")
        and not _ends_a_name(before)
        and not (not particle and _ELAPSED_SINCE_RE.match(sent.text, end - sent.start))
    ):
        return before[-1].form
    day_of = _event_of_a_day_set(before, particle, sent, end)
    if day_of:
        return day_of
    toks = _after(sent, end)
    # "2026년 10월 개통을 목표로", "5000억원 규모로 조성": the first event noun after the
    # value (past particles and measure nouns) names its event.
    for i, t in enumerate(toks):
        if (
            t.tag.startswith(("J", "SS", "SP"))
            or t.form in measure_nouns()
            or t.form in _vocab()[1]
        ):
            continue
        if t.tag == "NNG" and t.form in _vocab()[2] and not _measure_suffix_after(toks, i):
            return _stance_on(toks, i) or t.form
        if t.tag == "NNG" and i + 1 < len(toks) and toks[i + 1].form in _vocab()[2]:
            continue  # a noun that narrows the event noun after it: 국내 출시, 해외 출시
        break
    if len(toks) > 1 and toks[0].form in ("로", "으로") and toks[1].form == ",":
        # "경찰에 붙잡힌 일당은 43명으로, 87차례 …": what the topic is, made by its
        # relative clause (붙잡힌), not the next clause's verb
        made_by = _relative_clause_event(sent, start)
        if made_by:
            return made_by
    prev_noun: str | None = None
    first_noun: str | None = None
    last_noun: str | None = None
    # a value that is the clause's subject (6명은, 7명이) belongs to the clause's own verb;
    # an adverbial one (10시 30분께 … 난 불로) to the nearest verb, a relative clause's too
    # (은, 는, 이, 가: not 부터 or 까지, which bound a span)
    subject_of_clause = bool(toks) and (
        toks[0].tag == "JKS" or (toks[0].tag == "JX" and toks[0].form in ("은", "는"))
    )
    for i, t in enumerate(toks):
        if prev_noun and _names_a_stage(toks, i):
            return prev_noun  # "발사에 성공했다": the launch, not the success
        if prev_noun and t.form in occurrence_words() and toks[i - 1].tag == "JKO":
            return prev_noun  # "결산배당을 실시한다": the dividend, its object
        if (
            prev_noun
            and t.form == "목표"
            and toks[i - 1].tag == "JKO"
            and i + 1 < len(toks)
            and toks[i + 1].form in ("로", "으로")
        ):
            return prev_noun  # "2028년 가동을 목표로 제시했다": the goal, whatever verb sets it
        if t.tag == "NNG" and "born" in predicate_classes(t.form):
            return t.form  # "1968년 경북 안동 출생으로 행정고시에 합격해": the birth
        if t.tag in ("NNG",) and t.form not in _vocab()[1] and t.form not in measure_nouns():
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                nxt is not None
                and nxt.tag == "VCP"
                and i + 2 < len(toks)
                and toks[i + 2].tag == "ETM"
            ):
                prev_noun = None  # "특구인": a noun used as a modifier, not the event
                continue
            prev_noun = t.form
            first_noun = first_noun or t.form
            last_noun = t.form
        elif (
            t.tag in ("XSV", "XSA", "VV", "VA")
            and subject_of_clause
            and _in_a_relative_clause(toks, i)
        ):
            prev_noun = None  # "6명은 조업하던 어선에 구조됐다": the rescue, not the fishing
        elif t.tag in ("XSV", "VV") and _resulting_state(toks, i):
            prev_noun = None  # "4시께 세워져 있던 차에서 불이 났다": the fire, not the parking
        elif t.tag in ("XSV", "XSA"):
            if prev_noun:
                return prev_noun
        elif t.tag in ("VV", "VA"):
            if t.form in _LIGHT_VERBS:
                if prev_noun:
                    return prev_noun
                continue
            if t.form in _POSTPOSITION_VERBS and i > 0 and toks[i - 1].form in ("에", "를", "을"):
                prev_noun = None  # "지난해에 이어", "뒤를 이었다", "3일에 걸쳐": no event
                continue
            if t.tag == "VA" and i + 1 < len(toks) and toks[i + 1].tag == "ETM":
                continue  # "가장 많은 관중을 모았다": 많은 describes 관중; 모으 is the verb
            if _modifier_of_another_figure(toks, i):
                prev_noun = None  # "7시 30분께 2㎞ 떨어진 야산에서 발견됐다": 2㎞'s verb
                continue
            if t.form not in _vocab()[2] and _describes_what_occurs(toks, i):
                prev_noun = None  # "4시 20분께 지하에 묻힌 상수도관이 파열됐다": the burst
                continue
            return _idiom_event(toks, i) or _with_auxiliary(toks, i) or t.form
        elif t.tag in ("SF",) or (
            t.tag == "SP" and t.form == "," and i > 0 and toks[i - 1].tag == "EC"
        ):
            break  # the sentence, or the clause ("…까지이며, 정식 출시는"), ends
        elif t.tag == "EC" and _new_subject_follows(toks, i + 1):
            break  # "640만명으로 1위였고 일본이 … 뒤를 이었다": the next clause is another's
    # "동결을 결정한 곳은 98곳이다", "불이 난 건 그제 새벽 3시 40분쯤입니다": what the value
    # is, past a hedge (쯤, 께), is made by the relative clause before it
    lead = next((i for i, t in enumerate(toks) if t.tag != "XSN"), len(toks))
    if first_noun is None and lead < len(toks) and toks[lead].tag == "VCP":
        return _relative_clause_event(sent, start)
    return last_noun if first_noun else None


# the day of an event, as kiwipiepy cuts it off the event noun (개통 + 일, 개업 + 날); the
# vocabulary's time nouns (시기, 날짜, 예정일 …) frame it too, as 예상 does (개화 예상일)
_DAY_SUFFIXES = frozenset(("일", "날"))


def _event_of_a_day_set(before: list[Token], particle: str, sent: Sentence, end: int) -> str | None:
    """The event whose day a value is set as: 개통 of "새 개통일을 다음 달 8일로 정했다",
    개화 of "개화 예상일을 4월 2일로 제시했다", 착공 of "착공 시기를 내년 3월로 늦췄다".
    Whatever verb sets it (정하다, 제시하다, 늦추다), the value dates that event."""
    if particle not in ("을", "를") or not GIVEN_AS_RE.match(sent.text, end - sent.start):
        return None
    frames = date_frame_nouns()
    i = len(before) - 1
    if i < 0 or (before[i].form not in _DAY_SUFFIXES and before[i].form not in frames):
        return None
    i -= 1
    while (
        i >= 0 and before[i].tag == "NNG" and (before[i].form in frames or before[i].form == "예상")
    ):
        i -= 1
    if i >= 0 and before[i].tag == "NNG" and before[i].form in _vocab()[2]:
        return before[i].form
    return None


def _measure_suffix_after(toks: list[Token], i: int) -> bool:
    """``toks[i]`` takes a suffix that makes it a measure (가동 + 률, 참여 + 율): a rate of
    the event, not the event."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].tag == "XSN"
        and toks[i + 1].form in RATE_SUFFIXES
        and toks[i + 1].start == toks[i].end
    )


def _with_auxiliary(toks: list[Token], i: int) -> str | None:
    """The verb ``toks[i]`` and the auxiliary after it as one verb the vocabulary knows:
    kiwipiepy reads 내놓았다 whole (내놓) in one sentence and 내놨다 as 내 + 어 + 놓 in the
    next; both are 내놓 (results released, an announcement)."""
    if i + 2 < len(toks) and toks[i + 1].tag == "EC" and toks[i + 2].tag == "VX":
        joined = toks[i].form + toks[i + 2].form
        if joined in _vocab()[2]:
            return joined
    return None


def _idiom_event(toks: list[Token], i: int) -> str | None:
    """The event an object and the verb ``toks[i]`` mean together (투어의 막을 올린다: 개막,
    not a rise), from ``[idioms]``; asked of the verb two tokens after a noun, the event that
    noun stands for as the idiom's object (문 of 문을 연다: 개장)."""
    if i < 2 or toks[i - 1].tag != "JKO":
        return None
    return idioms().get((toks[i - 2].form, toks[i].form))


def _new_subject_follows(toks: list[Token], i: int) -> bool:
    """A noun marked as a subject (이/가, 은/는) opens the tokens from ``i``, before any
    verb: after a connective ending, a clause of its own."""
    for t in toks[i : i + 6]:
        if t.tag.startswith(("V", "XSV", "XSA", "E", "S")):
            return False
        if t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는")):
            return True
    return False


def _relative_clause_event(sent: Sentence, start: int) -> str | None:
    """The event of a figure stated as what its subject is ("동결을 결정한 곳은 98곳이다"):
    the verb of the relative clause that makes the subject (결정, a stage of 동결: 동결)."""
    before = [t for t in sent.tokens if t.end <= start]
    i = len(before) - 1
    while i >= 0 and (before[i].tag.startswith(("J", "NN")) or before[i].tag == "XSN"):
        i -= 1  # the subject: 곳은, 대학은
    if i < 1 or before[i].tag != "ETM":
        return None
    i -= 1
    while i > 0 and before[i].tag == "EP":
        i -= 1
    verb = before[i]
    if verb.tag == "XSV" and i > 0 and before[i - 1].tag == "NNG":
        i -= 1
    elif verb.tag not in ("VV", "VA") or verb.form in _LIGHT_VERBS:
        return None
    if _names_a_stage(before, i):
        j = i - 2 if before[i - 1].tag.startswith("J") else i - 1
        return before[j].form  # "동결을 결정한": the freeze
    return before[i].form


def _modifier_of_another_figure(toks: list[Token], i: int) -> bool:
    """The verb ``toks[i]`` modifies a noun after it (떨어진 야산), and another figure
    stands between the value and it (2㎞ 떨어진): the verb is that figure's, and the
    value's is a later one. Not when the noun is a figure (지난달 수출이 7.4% 늘어난
    612억달러로: the month's increase)."""
    j = i + 1
    while j < len(toks) and toks[j].tag == "EP":
        j += 1
    if j + 1 >= len(toks) or toks[j].tag != "ETM" or toks[j + 1].tag == "SN":
        return False  # "7.4% 늘어난 612억달러로 집계됐다": a figure made by the verb is the value's
    return any(t.tag == "SN" for t in toks[max(0, i - 3) : i])


def _resulting_state(toks: list[Token], i: int) -> bool:
    """The verb ``toks[i]`` describes the noun after it as a lasting state (세워져 있던 차,
    쌓여 있는 자재: -어 있- before a modifier ending), which no moment of the sentence dates."""
    j = i + 1
    while j + 1 < len(toks) and toks[j].tag == "EC" and toks[j + 1].tag == "VX":
        if toks[j + 1].form == "있":
            return j + 2 < len(toks) and toks[j + 2].tag == "ETM"
        j += 2  # 세우 + 어 + 지 (passive) + 어 + 있
    return False


def _describes_what_occurs(toks: list[Token], i: int) -> bool:
    """The verb ``toks[i]`` only describes the noun after it, the subject of an occurrence
    ("지하에 묻힌 상수도관이 파열됐다", "지하를 지나는 관이 터졌다"): a time before it dates
    the occurrence. A relative clause of its own event still dates ("창고에서 난 불로",
    "점심 급식을 먹은 학생 102명이", "첫선을 보인 공공자전거의 이용 건수가 집계됐다"): the
    noun it describes is no subject of an occurrence there."""
    j = _after_modifier_ending(toks, i)
    if j is None:
        return False
    nouns = 0  # the noun phrase, a measure in it included (지름 800㎜ 관)
    while j < len(toks) and toks[j].tag in ("NNG", "NNP", "SN", "SW", "SL", "NNB"):
        nouns += toks[j].tag in ("NNG", "NNP")
        j += 1
    if not nouns or j + 1 >= len(toks) or toks[j].tag != "JKS":
        return False
    verb = toks[j + 1]
    if verb.tag == "NNG" and j + 2 < len(toks) and toks[j + 2].tag == "XSV":
        return "occur" in predicate_classes(verb.form)
    return verb.tag == "VV" and "occur" in predicate_classes(verb.form)


def _after_modifier_ending(toks: list[Token], i: int) -> int | None:
    """Where the noun the verb ``toks[i]`` modifies starts (past its tense and its
    modifier ending: 조업하 + 던, 묻히 + ᆫ), or None when no modifier ending follows."""
    j = i + 1
    while j < len(toks) and toks[j].tag in ("EP", "XSV"):
        j += 1
    return j + 1 if j < len(toks) and toks[j].tag == "ETM" else None


def _in_a_relative_clause(toks: list[Token], i: int) -> bool:
    """The verb ``toks[i]`` modifies the noun after it (조업하던 어선), and the clause has a
    verb of its own after that noun (… 어선에 구조됐다): the later verb is the predicate.
    A verb before a plan or bound noun (착공할 예정이다, 늘어난 것이다) stays the predicate."""
    j = _after_modifier_ending(toks, i)
    if j is None or j >= len(toks) or toks[j].tag != "NNG":
        return False
    if toks[j].form in _PLAN_NOUNS or toks[j].form in measure_nouns():
        return False
    for t in toks[j + 1 :]:
        if t.tag in ("SF", "SP") or (t.tag == "EC" and t.form in ("고", "며", "으며")):
            return False
        if t.tag == "XSV" or (t.tag == "VV" and t.form not in _LIGHT_VERBS):
            return True
    return False


def _is_its_complement(sent: Sentence, end: int) -> bool:
    """The value is what the clause's subject is: a copula right after it (17일이다,
    17일이며, 17일로 예정돼 있다 is not)."""
    after = _after(sent, end)
    return bool(after) and after[0].tag == "VCP"


def _only_sets_the_date(sent: Sentence, end: int) -> bool:
    """The value is followed by 로/으로 and a word that only says it was set for the
    clause's subject (12일로 잡혔다, 3월 2일로 확정됐다)."""
    after = _after(sent, end)
    if len(after) < 2 or after[0].tag != "JKB" or after[0].form not in ("로", "으로"):
        return False
    return after[1].form in scheduling_words()


def _only_takes_place(sent: Sentence, end: int, predicate: str | None) -> bool:
    """The value's predicate only says that the clause's subject took place: a verb of
    ``[occurrence]`` (이뤄졌다), or a noun of it made passive with 되 (실시됐다, not
    실시했다, whose object is the event)."""
    if predicate not in occurrence_words():
        return False
    after = _after(sent, end)
    for i, t in enumerate(after):
        if t.form == predicate:
            if t.tag.startswith("V"):
                return True
            nxt = after[i + 1] if i + 1 < len(after) else None
            return nxt is not None and nxt.tag == "XSV" and nxt.form == "되"
    return False


def _names_a_stage(toks: list[Token], i: int) -> bool:
    """``toks[i]`` reports a stage of the event noun right before it (성공 of "발사에
    성공", 들어가 of "착공에 들어가", 돌입 of "파업 돌입")."""
    t = toks[i]
    if t.form not in aspect_words() or t.tag not in ("NNG", "VV") or i == 0:
        return False
    before = toks[i - 1]
    if before.tag in ("JKB", "JKO") and before.form in ("에", "을", "를") and i >= 2:
        before = toks[i - 2]
    return before.tag == "NNG" and before.form not in _vocab()[1]


_VERB_TAGS = frozenset(("VV", "VA", "VX", "XSV", "XSA", "VCP"))
_PAST = frozenset(("었", "았", "였"))
_PLAN_NOUNS = frozenset(("예정", "계획", "방침", "전망", "것"))
# plan nouns that also name a forecast as a thing: a status only as the predicate
# (완공 전망이다, 전망된다)
_FORECAST_NOUNS = frozenset(("전망",))


def _is_predicative(following: list[Token]) -> bool:
    return not following or following[0].tag in ("VCP", "XSV", "SF")


def _said_of_now(sent: Sentence, start: int) -> bool:
    """The figure's clause says it holds now: 현재 or 지금 before it, with no clause ending
    between ("솔루션은 현재 국내 물류센터 62곳에서 쓰이고 있다"). A plan of the same thing
    (10곳에 공급할 예정) is another fact (align.pair_similarity)."""
    for t in reversed([t for t in sent.tokens if t.end <= start]):
        if t.tag in ("EC", "EF", "SF") or (t.tag == "SP" and t.form == ","):
            return False
        if t.form in ("현재", "지금") and t.tag in ("NNG", "MAG"):
            return True
    return False


def _tense(sent: Sentence, end: int) -> str | None:
    """ "plan" or "done" when the value's own verb says so, else None.

    The first verb after the value carries the tense: 착공했다, 지정됐다, 3월이었다 are done;
    착공할 예정이다, 착공하겠다, 착공 예정 are plans. A later verb belongs to another clause:
    in "착공한다고 밝혔다" the past tense is the reporting verb's, and in "지난 11일 열린
    행사에서 … 하겠다고" the future is the quote's.
    """
    after = _after(sent, end)
    for i, t in enumerate(after):
        if t.tag == "SF":
            return None
        if t.form in _PLAN_NOUNS and t.tag.startswith("NN"):
            nxt = after[i + 1] if i + 1 < len(after) else None
            if nxt is not None and nxt.tag.startswith("NN") and nxt.start == t.end:
                continue  # inside a compound noun (도시계획위원회, 예정지): a thing, no status
            if t.form in _FORECAST_NOUNS and not _is_predicative(after[i + 1 : i + 2]):
                continue  # a forecast spoken of (성장률 전망치를, 전망을 낮췄다), not a status
            if (
                nxt is not None
                and nxt.tag == "JKO"
                and not all(x.tag.startswith("NN") for x in after[:i])
            ):
                # "2일 이런 내용의 투자 계획을 발표하며": the plan is what was announced on
                # the day, no status of it ("2028년 착공 계획을 세웠다" dates the plan's event)
                continue
            return "plan"  # 착공 예정, 조성 계획
        if t.tag not in _VERB_TAGS:
            continue
        if _forecast_verb(after, i):
            # "1만명 참가를 예상했다", "32만대로 내다봤다": the tense is the forecast's, made
            # on the day; what it is of is still ahead
            return None
        rest = after[i + 1 :]
        if t.tag == "VA" and rest and rest[0].tag == "ETM":
            continue  # "가장 많은 눈이 내린": 많은 describes 눈; 내린 is the verb
        for k, nxt in enumerate(rest):
            if (nxt.tag, nxt.form) == _PASSIVE or (
                nxt.tag == "EC" and _form_at(rest, k + 1) == _PASSIVE
            ):
                continue  # 치러진, 치러졌다 (치르 + 어 + 지): a passive, tensed after it
            if nxt.tag == "EP":
                if nxt.form in _PAST:
                    return "done"
                if nxt.form == "겠":
                    return "plan"
                continue
            if nxt.tag == "ETM" and nxt.form in ("ᆯ", "을", "를"):
                following = rest[k + 1] if k + 1 < len(rest) else None
                if following is not None and following.form in _PLAN_NOUNS:
                    return "plan"
            if nxt.tag == "ETM" and nxt.form in ("ᆫ", "은") and t.tag in ("VV", "XSV"):
                return "done"  # "눈이 내린 곳", "생산된 차량": what happened
            return None
        return None
    return None


_PASSIVE = ("VX", "지")  # the auxiliary of -어지-
# Nouns whose 하다 verb also owns the tense as a forecast or an estimate (예보했다,
# 추산했다), beyond the vocabulary's class ``forecast``. Not in that class: there they would
# make an event of the figure's predicate as well (관측 지점, 소방서 추산 피해액), and the
# all-stories run lost a planted finding when they were.
_ESTIMATE_NOUNS = frozenset(("예보", "추산", "추정", "관측"))


def _forecast_verb(toks: list[Token], i: int) -> bool:
    """``toks[i]``, a verb, forecasts: a verb of the vocabulary's class ``forecast``
    (내다보다), or one made with 하다 of its nouns (예상했다, 전망했다) or of
    ``_ESTIMATE_NOUNS``."""
    t = toks[i]
    if t.tag == "VV":
        return "forecast" in predicate_classes(t.form)
    if t.tag != "XSV" or i == 0 or toks[i - 1].end != t.start:
        return False
    noun = toks[i - 1].form
    return noun in _ESTIMATE_NOUNS or "forecast" in predicate_classes(noun)


def _form_at(toks: list[Token], i: int) -> tuple[str, str] | None:
    return (toks[i].tag, toks[i].form) if i < len(toks) else None


def _subject(sent: Sentence, start: int, end: int) -> str:
    """The noun phrase the value most likely measures, for display."""
    toks = sent.tokens
    after = [t for t in toks if t.start >= end]
    if after and after[0].form in counted_nouns():
        return after[0].form  # "8만 관객과 만났다": the noun counted
    # "27만㎡ 규모의 서울 AI 테크시티", "1만명의 AI 인재": the phrase after 의
    for i, t in enumerate(after[:4]):
        if t.tag == "JKG":
            phrase = _noun_run(after[i + 1 :])
            if phrase:
                return phrase
    before = _past_per_unit(list(reversed([t for t in toks if t.end <= start])))
    quoted = _quoted_word(before)
    if quoted:
        return quoted  # "'바람' 2만1천대": the model the figure counts
    if _is_comparison(before):
        before = _past_comparison(before)
    if before and before[0].form in _WHOLE_WORDS:
        # "선원 가운데 6명": a share of the crew; "이 가운데 7명": of the whole before
        return _noun_run(before[1:], reverse=True)
    run = _noun_run(before, reverse=True)
    if run:
        return run
    if after and (after[0].tag in ("JKS", "JX") or after[0].form in ("동안", "사이")):
        # "2만3000가구가 불편을 겪었다": the figure is the subject, 불편 its object; "1시간
        # 50분 동안 진행됐다": the words after a span say what filled it
        return ""
    return _noun_run(after) or ""


def _in_counted_event_clause(toks: list[Token], i: int) -> bool:
    """``toks[i]`` is the verb or an ending of a relative clause that says what befell the
    things a figure counts, within the date's period: "올해 1~10월 전국 법원에 접수된 법인
    파산 신청은 1745건" (the filings received in those months), "지난해 태어난 아기는
    23만명". Only events whose instances are counted (``COUNTED_EVENTS``): in "2020년
    설립된 회사의 직원은 300명" the date is the company's founding, no period of its staff.
    Only for a period (the caller's): "지난 3일 난 불로 3명이 숨지고" dates the fire."""
    t = toks[i]
    if t.tag == "ETM":
        return _counted_event_verb(toks, i - 1)
    if t.tag in ("XSV", "EP", "VV"):
        j = i
        while j + 1 < len(toks) and toks[j + 1].tag in ("XSV", "EP"):
            j += 1
        return j + 1 < len(toks) and toks[j + 1].tag == "ETM" and _counted_event_verb(toks, j)
    return False


def _counted_event_verb(toks: list[Token], j: int) -> bool:
    """``toks[j]`` ends a verb of a counted event: the verb (태어나) or its noun's 되/하
    (접수 + 되), past any tense (EP: 접수되었던)."""
    while j >= 0 and toks[j].tag == "EP":
        j -= 1
    if j >= 0 and toks[j].tag == "XSV" and toks[j].form in ("되", "하"):
        j -= 1
    return j >= 0 and bool(predicate_classes(toks[j].form) & COUNTED_EVENTS)


# events whose instances a figure counts (filings received, births, deaths, arrests, sales):
# a relative clause of one, after a date, dates what the figure counts
COUNTED_EVENTS = frozenset(
    ("apply", "occur", "record", "born", "die", "injure", "arrest", "hire", "sell")
)


def _in_same_period(toks: list[Token], i: int) -> bool:
    """``toks[i]`` is part of 같은 기간 / 같은 달 ("2019년 같은 기간 방한객은"), which names the
    date's period again."""
    t = toks[i]
    if t.form == "같" and t.tag == "VA":
        return i + 1 < len(toks) and toks[i + 1].tag == "ETM"
    return t.tag == "ETM" and i > 0 and toks[i - 1].form == "같" and toks[i - 1].tag == "VA"


def _label_by_unit_price(claims: list[Claim], sent: Sentence) -> list[Claim]:
    """A figure per unit right after its own noun ("보통주 1주당 1500원", "성인 1인당
    5000원") carries that noun in its context (@보통주): the noun is
    the class the price is of, and the common share's dividend of one outlet is not the
    preferred share's of another, wherever else the sentences agree."""
    out = []
    for c in claims:
        before = list(reversed([t for t in sent.tokens if t.end <= c.start]))
        rest = _past_per_unit(before)
        if (
            isinstance(c.value, Quantity)
            and rest is not before
            and rest
            and rest[0].tag in ("NNG", "NNP")
            and len(rest[0].form) > 1
        ):
            c = replace(c, context=with_words(c.context, (f"@{rest[0].form}",)))
        out.append(c)
    return out


def _quoted_word(before: list[Token]) -> str:
    """The nouns in quotation marks right before a figure (tokens nearest first): the name
    of a model or a product, "노을" of "'노을' 3만4천대"; "" when there are none."""
    if len(before) < 3 or before[0].tag != "SSC" or before[0].form not in _QUOTE_MARKS:
        return ""
    words = []
    for t in before[1:]:
        if t.tag == "SSO":
            return "".join(reversed(words))
        if t.tag not in NOUN_TAGS:
            return ""
        words.append(t.form)
    return ""


def _past_per_unit(before: list[Token]) -> list[Token]:
    """The tokens before a figure (nearest first) past a per-unit phrase: "보통주 1주당
    1500원" measures 보통주, "1인당 23억원" what was named before; 주당, 인당 and 가구당 say
    only that the figure is per share, head or household."""
    if len(before) >= 2 and before[0].form == "당" and before[0].tag == "XSN":
        rest = before[2:] if before[1].tag in NOUN_TAGS else before[1:]
        rest = rest[1:] if rest and rest[0].tag == "SN" else rest
        if not rest or rest[0].tag in ("NNG", "NNP", "NR"):
            return rest
    # "인수 가격은 주당 59달러": a topic before the phrase is the clause's, and 주당 stays
    # the word that says what the figure is
    return before


def _owner(sent: Sentence, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The noun phrase the syntax gives a figure, or "".

    - in parentheses after a noun: 박영희 후보(46.8%) -> 박영희 후보, A씨(34) -> A씨,
      운전자 이모(67)씨 -> 이모 (a withheld name, however kiwipiepy cuts it);
    - opening a relative clause: 1만6천810표에 그친 박영희 후보 -> 박영희 후보 (only when no
      noun stands right before the figure: 총사업비 5000억원을 들인 허브 measures 총사업비).
    """
    toks = sent.tokens
    before = [t for t in toks if t.end <= start]
    if before and before[-1].tag == "SSO" and len(before) >= 2:
        anonymous = _ANONYMOUS_NAME_RE.search(sent.text, 0, before[-1].start - sent.start)
        if anonymous and anonymous.group(1)[0] in _surnames():
            # 이모(67)씨: a name withheld as surname + 모, which kiwipiepy reads as one noun
            # on one page and as 이 + 모 (a pronoun) on the next; the name, not the phrase
            return anonymous.group(1)
        noun = before[-2]
        if noun.form == "씨" and noun.tag == "NNB" and len(before) >= 3:
            # A씨(34), 김씨(45): the person the age is of, as every outlet labels them
            label = before[-3]
            return f"{label.form}씨" if label.end == noun.start else ""
        if noun.tag in NOUN_TAGS and not any(a <= noun.start < b for a, b in spans):
            return _noun_run(list(reversed(before[:-1])), reverse=True)
        return ""  # 1만8천432표(52.3%): the share of another figure (_annotations)
    after = [t for t in toks if t.start >= end]
    counted = _counted_noun(sent, end, after)
    if counted:
        return counted
    if before and before[-1].tag in NOUN_TAGS:
        return ""  # 총사업비 5000억원을 들인 허브: the figure measures 총사업비
    i, depth = 0, 0
    while i < len(after) and (depth or after[i].tag == "SSO"):
        depth += {"SSO": 1, "SSC": -1}.get(after[i].tag, 0)
        i += 1
    if i < len(after) and after[i].tag.startswith("J"):
        i += 1
    if i < len(after) and after[i].tag in ("VV", "VA"):
        i += 1
        while i < len(after) and after[i].tag == "EP":
            i += 1
        if i < len(after) and after[i].tag == "ETM":
            return _noun_run(after[i + 1 :])
    return ""


_ANONYMOUS_NAME_RE = re.compile(r"(?<![가-힣])([가-힣]모)$")


def _counted_noun(sent: Sentence, end: int, after: list[Token]) -> str:
    """What a count in 개 counts, named right after it (8개 코스, 3개 면, 17개의 시도): the
    classifier alone says nothing of the thing. Not a measure noun (5개 규모) or an event
    (3개 신설)."""
    if sent.text[end - sent.start - 1 : end - sent.start] != "개":
        return ""
    if after and after[0].tag == "JKG":
        after = after[1:]
    if (
        not after
        or after[0].tag != "NNG"
        or after[0].form in measure_nouns()
        or after[0].form in _vocab()[2]
    ):
        return ""
    return _noun_run(after)


def _marked_phrase(sent: Sentence, start: int) -> list[Token]:
    """The tokens before the value, up to the 이/가/은/는 that marks its clause's subject or
    topic (the particle last), or [] when the clause marks none before the value."""
    before = [t for t in sent.tokens if t.end <= start]
    for i in range(len(before) - 1, 0, -1):
        t = before[i]
        if t.tag == "EC" and i + 1 < len(before) and before[i + 1].tag == "VX":
            continue  # 길어진 (길 + 어 + 지): an auxiliary verb, not a clause of its own
        if t.tag in ("EC", "EF", "SF") or (t.tag == "SP" and t.form == ","):
            return []
        if (
            t.tag == "ETM"
            and before[i - 1].tag == "VCP"
            and any(x.tag.startswith("JK") for x in before[i + 1 :])
        ):
            # "제한속도가 시속 50㎞인 도로에서 시속 110㎞로": the subject of the clause that
            # describes 도로 is not the figure's ("수출이 역대 최대인 150억달러" is; so is
            # "수출이 지난해 같은 달보다 12%", where 같은 has no subject of its own)
            return []
        if t.tag in ("JKS", "JX") and t.form in ("이", "가", "은", "는", "도"):
            return before[: i + 1]  # 도 marks as 은 does, adding (회생 신청도 1120건으로)
    return []


def _marked_name(sent: Sentence, start: int) -> str:
    """A person's name right before the clause's marked noun (김철수 후보는), or ""."""
    phrase = _marked_phrase(sent, start)
    if len(phrase) < 3:
        return ""
    name, title = phrase[-3], phrase[-2]
    if _head_of(title.form, person_titles()) and name.tag == "NNP" and len(name.form) > 1:
        return name.form
    return ""


def _marked_subject(sent: Sentence, start: int, end: int | None = None) -> str:
    """The common noun marked by 이/가/은/는 before the value in its clause, with the common
    noun that narrows it, or "". A figure written onto its own subject (54만명의 관광객이
    들어올: ``_own_subject``) has that noun, whatever the clause marks before it (정부는).

    "10월 수출이 지난해 같은 달보다 12% 증가" -> 수출; "반도체 수출은 150억 달러" -> 반도체
    수출; "재학생 지원자는" -> 재학생 지원자. Names (NNP) and one-syllable nouns (시는) are left
    out: outlets call one actor by many names (서울시 / 시), but a figure's measure (수출,
    수입, 매출) is a common noun. Time words (지난달 수출) and baselines (전년 대비 수출)
    narrow nothing.
    """
    own = _own_subject(sent, end) if end is not None else ""
    if own:
        return own
    phrase = _marked_phrase(sent, start)
    if len(phrase) < 2 or _object_measured(sent, len(phrase), start):
        return ""
    # the marked noun is the one before any aside: 월 환산액(…)은
    nearest = _without_aside(phrase[-2::-1])
    if not nearest:
        return ""
    follows = phrase[phrase.index(nearest[0]) + 1]  # the particle, or the aside's bracket
    if nearest[0].end != follows.start:
        return ""
    word, used = _word_ending(nearest)
    rest = nearest[used:]
    if rest and rest[0].tag == "NNP" and rest[0].end == nearest[used - 1].start:
        return ""  # 한빛반도체가 (한빛 + 반도체): a name, whose last noun is no measure
    return _narrowed(word, rest) if len(word) >= 2 else ""


def _own_subject(sent: Sentence, end: int) -> str:
    """The common noun a figure is written onto with 의 when that noun is marked as a
    subject: "54만명의 관광객이 추가로 들어올" -> 관광객, "약 3만명의 인파가" -> 인파 (a hedge
    may come between). Not an object (3조원의 예산을) nor a noun that goes on (관광객 수가,
    which ``_marked_subject`` reads as it reads any)."""
    toks = _after(sent, end)
    i = 0
    while i < len(toks) and toks[i].form in _CHANGE_HEDGES | {"여", "이상", "이하"}:
        i += 1
    if i + 2 >= len(toks) or toks[i].tag != "JKG" or (i == 0 and toks[i].start != end):
        return ""  # 의 written onto the figure, or onto its hedge
    noun, particle = toks[i + 1], toks[i + 2]
    if (
        noun.tag == "NNG"
        and len(noun.form) >= 2
        and particle.tag in ("JKS", "JX")
        and particle.form in _TOPIC_MARKS
        and particle.start == noun.end
    ):
        return noun.form
    return ""


# objects that say how high a figure stands (역대 최대를 기록했다), not what is acted on
# (and its trend: 1120건으로 증가세를 보였다)
_RECORD_WORDS = frozenset(
    ("최대", "최고", "최저", "최소", "최다", "최초", "기록", "신기록", "최대치", "최고치", "최저치")
    + ("증가세", "감소세", "상승세", "하락세", "오름세", "내림세", "둔화세")
)


def _object_measured(sent: Sentence, after: int, start: int) -> bool:
    """The clause has an object that is no figure (위원회는 … 보험료율을 7.19%로 의결했다;
    정부는 전기차 30만대에 보조금을 지원한다): its marked noun (위원회, 정부) is who acts, and
    the value measures what is acted on. A figure as the object (수출은 150억달러를
    기록했다, 관객이 1000만 명을 넘었다) leaves the marked noun its measure."""
    toks = sent.tokens
    for i in range(after + 1, len(toks)):
        t = toks[i]
        if t.tag in ("EF", "SF") and t.start >= start:
            return False  # the clause ends
        if t.tag != "JKO" or toks[i - 1].tag not in (*NOUN_TAGS, "XSN", "NNB", "SN", "SW"):
            continue
        j = i - 1  # the word the particle is written on (보험료율을: 보험료 + 율)
        while j > after and toks[j - 1].end == toks[j].start:
            j -= 1
        word = toks[j:i]
        figure = any(x.tag in ("SN", "NR") for x in word) or toks[j - 1].tag in ("SN", "NR")
        if not figure and word[-1].form not in _RECORD_WORDS:
            return True
    return False


def _word_ending(nearest: list[Token]) -> tuple[str, int]:
    """The common noun that ends with ``nearest[0]`` (tokens nearest first) and how many
    tokens it takes: 수출; a word made with a suffix, 재학 + 생, 진화 + 율, 거래 + 액 (kiwipiepy
    tags 율 XSN, 액 NNG); 학생 + 들 is 학생 (들 only makes a plural). ("", 0) if none."""
    noun = nearest[0]
    stem = nearest[1] if len(nearest) >= 2 else None
    suffix = noun.tag == "XSN" or (noun.tag == "NNG" and noun.form in MEASURE_SUFFIXES)
    if suffix and stem is not None and stem.tag == "NNG" and stem.end == noun.start:
        return (stem.form if noun.form == "들" else stem.form + noun.form), 2
    if noun.tag == "NNG":
        return noun.form, 1
    return "", 0


def _narrowed(measure: str, before: list[Token]) -> str:
    """``measure`` with the common noun right before it (nearest first in ``before``), if
    that noun narrows it: 반도체 수출, 재학생 (재학 + 생) 지원자, not 지난달 수출."""
    word = _word_ending(before)[0] if before else ""
    if (
        len(word) < 2
        or word in _vocab()[1]
        or word in _COMPARISON_NOUNS
        or word in frame_nouns()
        or is_time_word(word)
        or word.endswith("별")  # 지역별 비율: a breakdown, not a narrower measure
    ):
        return measure
    return f"{word} {measure}"


def _dated_event(subject: str) -> str:
    """The event a date stated as its subject's complement belongs to: the subject's last
    word that does not only frame a date (시점, 예정일, 목표)."""
    words = subject.split()
    while len(words) > 1 and words[-1] in date_frame_nouns():
        words.pop()
    last = words[-1] if words else ""
    if len(last) > 2 and last.endswith("일") and last[:-1] in _vocab()[2]:
        return last[:-1]  # 시행일은 12월 11일이다: the day of 시행 (개통일, 출시일, 선고일)
    return last


def measure_word(marked: str) -> str:
    """The noun a marked measure ends in (수출 of 반도체 수출)."""
    return marked.rpartition(" ")[2]


MEASURE_SUFFIXES = frozenset(("율", "률", "액", "량"))
RATE_SUFFIXES = frozenset(("율", "률"))  # of them, those that make a rate (가동 + 률)
# Nouns of a share that name no measure of their own: the measure is the word before them
# (아파트 비중, 외국인 비율), and a bare 비중 is the share of anything.
SHARE_NOUNS = frozenset(("비중", "비율"))

_COMPARISON_NOUNS = frozenset(("대비", "비해"))  # 에 대해 (about) is no baseline


def _is_comparison(before: list[Token]) -> bool:
    """The words just before the value are a baseline: "지난해 같은 달보다 12%", "전년 대비 3%"."""
    for t in before[:3]:
        if t.tag == "JKB" and t.form == "보다":
            return True
        if t.form in _COMPARISON_NOUNS:
            return True
        if not t.tag.startswith(("J", "SP")):
            break
    return False


def _past_comparison(before: list[Token]) -> list[Token]:
    """The tokens (nearest first) before a baseline phrase: from its subject's particle on.

    "10월 수출이 지난해 같은 달보다 12%": the figure measures 수출, not 달.
    """
    for i, t in enumerate(before):
        if t.tag in ("JKS", "JX") or (t.tag == "SP" and t.form == ","):
            return before[i:]
        if t.tag in ("EC", "EF", "SF"):
            break
    return []


def _noun_run(toks: list[Token], reverse: bool = False) -> str:
    run: list[Token] = []
    if reverse:
        toks = _without_aside(toks)
    for t in toks:
        if t.tag == "XSN" and (reverse != bool(run)):
            run.append(t)  # 득표 + 율, 재학 + 생: the noun is the word the suffix makes
            continue
        if t.tag in NOUN_TAGS or t.tag in ("SSO", "SSC") and run == []:
            if t.tag in NOUN_TAGS:
                run.append(t)
        elif run:
            break
        elif t.tag.startswith(("J", "SP")) and not run:
            continue
        else:
            break
        if len(run) >= 5:
            break
    if reverse:
        run.reverse()
    return "".join(("" if t.tag == "XSN" or not n else " ") + t.form for n, t in enumerate(run))


def _without_aside(before: list[Token]) -> list[Token]:
    """Tokens before a value (nearest first) without a parenthetical aside that opens them
    after any particle: in "월 환산액(주 40시간 근무, 월 209시간 기준)은 215만원" the figure
    belongs to 환산액, not to 기준."""
    i = 0
    while i < len(before) and before[i].tag.startswith(("J", "SP")):
        i += 1
    if i == len(before) or before[i].tag != "SSC":
        return before
    depth = 0
    for j in range(i, len(before)):
        depth += {"SSC": 1, "SSO": -1}.get(before[j].tag, 0)
        if depth == 0:
            return before[:i] + before[j + 1 :]
    return before


def _head_of(form: str, heads: frozenset[str]) -> str | None:
    """The head a noun is or ends with, longest first: a facility's (타워 of 컨트롤타워) or
    a person's title (시장 of 서울시장)."""
    if form in heads:
        return form
    for size in range(min(len(form) - 1, 4), 1, -1):
        if form[-size:] in heads:
            return form[-size:]
    return None


def _one_syllable_head(token: Token, heads: frozenset[str]) -> str | None:
    """A one-syllable head ending a proper noun kiwipiepy reads whole (가온돔, 제주항,
    서울역). Only a proper noun of three syllables or more: as the end of any noun, 돔, 항
    or 역 would make places of 지역 and 반항."""
    last = token.form[-1:]
    if token.tag == "NNP" and len(token.form) >= 3 and last in heads:
        return last
    return None


# tags kiwipiepy gives the pieces of a word it cannot read (대막캠퍼스타운 -> 대/NNG 막/MAG
# 캠퍼스 타운); a particle, an ending or a suffix ends the word instead
_WORD_PIECE_TAGS = frozenset(
    ("NNG", "NNP", "NNB", "NR", "MAG", "MM", "XPN", "XR", "SL", "SH", "SN")
)


def _whole_word(toks: tuple[Token, ...], i: int) -> tuple[Token, ...]:
    """The pieces written without a space before ``toks[i]`` when they start a word.

    A misspelt or unknown modifier is split into odd pieces (대 + 막 + 캠퍼스) that would cut
    the name short; the name is the whole written word. Nothing is added when the pieces
    follow a particle or an ending (서울시의캠퍼스), which is not the start of a word.
    """
    k = _word_start(toks, i)
    if k == i:
        return _odd_word_before(toks, i)
    if k > 0 and toks[k - 1].end == toks[k].start and not toks[k - 1].tag.startswith("S"):
        return ()  # glued to a particle or an ending: not the start of a word
    return toks[k:i]


def _word_start(toks: tuple[Token, ...], i: int) -> int:
    """The first of the word pieces written without a space up to ``toks[i]``."""
    k = i
    while k > 0 and toks[k - 1].end == toks[k].start and toks[k - 1].tag in _WORD_PIECE_TAGS:
        k -= 1
    return k


def _odd_word_before(toks: tuple[Token, ...], i: int) -> tuple[Token, ...]:
    """The word one space before ``toks[i]`` when kiwipiepy read it as a noun and odd
    pieces: a misspelt modifier written apart (대막 캠퍼스 타운 -> 대/NNG 막/MAG). A word of
    nouns alone is in the compound already; a word with no noun (새, 가장) is no name's."""
    if i == 0 or toks[i].start - toks[i - 1].end != 1 or toks[i - 1].tag not in _WORD_PIECE_TAGS:
        return ()
    k = _word_start(toks, i - 1)
    if k == i - 1 or (k > 0 and toks[k - 1].end == toks[k].start):
        return ()  # one piece, or glued to a particle or an ending
    pieces = toks[k:i]
    tags = {t.tag for t in pieces}
    if not tags & {"NNG", "NNP"} or tags <= set(NOUN_TAGS):
        return ()
    return pieces


def _persons(sent: Sentence) -> list[tuple[int, int, NameValue]]:
    """A person's full name before a title (김철수 후보, 오세훈 서울시장, 한덕수 국무총리).

    The name is the written word before the title (2 to 4 syllables, a space between): a
    misspelt name is what this is for, and kiwipiepy cuts one into pieces (박영의 -> 박 +
    영 + 의), so the word counts when it starts with a name kiwipiepy recognises (NNP) and,
    for a two-syllable word, is that name whole.
    """
    titles = person_titles()
    toks = sent.tokens
    out = []
    for i, t in enumerate(toks):
        if t.tag != "NNG" or t.form.endswith(_byline_titles()) or i == 0:
            continue
        title = _head_of(t.form, titles)  # 후보; 시장 of 서울시장
        if title is None and len(t.form) == 1 and toks[i - 1].end == t.start:
            # 지방재정정책관, cut 정책 + 관: the title ends the written word, not the token
            title = _head_of(toks[i - 1].form + t.form, titles)
        if title is None:
            continue
        rel = t.start - sent.start
        while rel > 0 and (sent.text[rel - 1].isdigit() or _is_hangul(sent.text[rel - 1])):
            rel -= 1  # 1차관, 주택사업본부장: the written word is the title with its rank or field
        for m in _words_before(sent.text, rel):
            start, end = sent.start + m.start(1), sent.start + m.end(1)
            first = next((x for x in toks if x.start == start), None)
            if first is None:
                continue
            if first.tag != "NNP" and not _unknown_name(m.group(1), toks, start, end):
                continue
            if len(m.group(1)) == 2 and first.end != end:
                continue  # 서울 시장 is an office; a two-syllable name is one NNP
            if not (_as_written(t) and _as_written(first)):
                continue  # a surname read as a full name (김 후보): not as written
            inside = [x for x in toks if start <= x.start < end]
            if inside[-1].tag in ("JKO", "JKB") or (inside[-1].tag, inside[-1].form) == (
                "JX",
                "는",
            ):
                # 해솔시는 신임 부시장에: a topic with its particle, no name. Not a name's last
                # syllable read as one (박영의 -> 박 + 영 + 의; 김지은 -> 김지 + 은)
                continue
            if _names_an_institution(m.group(1)):
                continue  # 해솔공사 신임 사장에 박정민: the employer, named before the person
            out.append((start, end, NameValue(m.group(1), title, (m.group(1),))))
            break
    return out


def _names_an_institution(word: str) -> bool:
    """``word`` is a name made with the head of a place or an institution (해솔공사, 가람재단,
    은빛병원; ``_head_of``): no person's name, whatever kiwipiepy tags it."""
    head = _head_of(word, _vocab()[0])
    return head is not None and head != word


# Words between a name and its title that say where the person serves or served: 김민재 전
# 국토부 1차관, 김민재 국토교통부 장관 후보자 (부, 처, 청, 원, 위원회, 시, 도, 군, 구, 당 …)
_AFFILIATION_RE = re.compile(
    r"(?:전|前|현|신임|초대|[가-힣]{1,10}(?:부|처|청|원|위원회|공사|공단|시|도|군|구|당|실|장관|차관))$"
)


def _words_before(text: str, end: int) -> Iterator[re.Match]:
    """The word right before ``end`` (a title's start), then, past up to two words of
    affiliation (국토교통부, 전), the word before those: the candidates for a name."""
    for _ in range(3):
        m = _WORD_BEFORE_RE.search(text, 0, end)
        if m is not None:
            yield m
        word = _ANY_WORD_BEFORE_RE.search(text, 0, end)
        if word is None or not _AFFILIATION_RE.search(word.group(1)):
            return
        end = word.start(1)


_ANY_WORD_BEFORE_RE = re.compile(r"(?<!\S)(\S+) $")


def _is_a_persons_title(
    place: tuple[int, int, NameValue], persons: list[tuple[int, int, NameValue]], sent: Sentence
) -> bool:
    """오세훈 서울시장, 서울시 오세훈 시장 read as compounds ending in 시장 (a market) are a
    person and a title (mayor): a place that holds a person's name and ends with the word
    after it, that person's title, is that person. 가락시장, or the 가락시장 of 오세훈 시장의
    가락시장 방문, stay places."""
    start, end, value = place
    return any(
        start <= p_start
        and p_end < end
        and person.head == value.head
        and " " not in sent.text[p_end + 1 - sent.start : end - sent.start]
        for p_start, p_end, person in persons
    )


# the word before a title, with the age its page may give in parentheses: 김서준(54) 국장
_WORD_BEFORE_RE = re.compile(r"(?<![가-힣\w])([가-힣]{2,4})(?:\(\d{1,3}(?:세)?\))? $")


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _unknown_name(word: str, toks: list[Token], start: int, end: int) -> bool:
    """A three-syllable word starting with a common surname that kiwipiepy cuts into
    pieces, none a suffix (이동현 -> 이/MM 동/NNG 현/MM): a name it does not know. A word it
    reads whole (이사회, 조달청) or as a noun and its suffix (주주들) is no name."""
    if not re.fullmatch(r"[가-힣]{3}", word):
        return False
    if word[0] not in _surnames():
        return False
    pieces = [t for t in toks if start <= t.start and t.end <= end]
    return len(pieces) >= 2 and not any(
        t.tag in ("XSN", "XPN") or t.tag.startswith("J") for t in pieces
    )


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(load("vocabulary")["names"].get("surnames", ()))


def _as_written(token: Token) -> bool:
    """The token's form is its text (not a surname read as a full name: ``with_full_names``)."""
    return token.end - token.start == len(token.form)


# nouns of time that may stand before a name (3일 새벽 새봄중앙시장에서): never its part
_NOT_NAME_STARTS = frozenset(("이날", "그동안", "당시", "한편", *DAY_PARTS))


# words of office before a title (신임 시장, 전 시장): a person's title, not a place's head
_OFFICE_WORDS = frozenset(("신임", "전", "현", "전직", "초대", "민선"))


@functools.cache
def _heads_that_are_titles() -> frozenset[str]:
    """Facility heads that are a person's title too (시장: a market and a mayor)."""
    heads, _, _ = _vocab()
    return frozenset(heads) & frozenset(person_titles())


def _a_title(run: list[Token] | tuple[Token, ...], k: int, head: str) -> bool:
    """``run[k]`` ends in ``head`` (one of ``_heads_that_are_titles``) as a person's title:
    with 부 or 님 on it (부시장, a deputy mayor, never a market), or after a surname or a
    word of office (박 시장, 신임 시장). Not 도매시장, 양곡 시장."""
    form = run[k].form
    if form in (f"부{head}", f"{head}님"):
        return True
    before = run[k - 1].form if k > 0 else ""
    return form == head and (before in _surnames() or before in _OFFICE_WORDS)


def _names(sent: Sentence) -> list[tuple[int, int, NameValue]]:
    """Noun compounds ending in a generic facility/programme head (양곡도매시장, AI 특구)."""
    heads, _, _ = _vocab()
    out = []
    toks = sent.tokens
    i = 0
    while i < len(toks):
        if toks[i].tag not in NOUN_TAGS or not _as_written(toks[i]):
            i += 1  # a surname read as a full name (오 시장) is a person, not a place's part
            continue
        j = i
        # nouns separated by at most one space belong to one compound
        while (
            j + 1 < len(toks)
            and toks[j + 1].tag in NOUN_TAGS
            and _as_written(toks[j + 1])
            and toks[j + 1].start - toks[j].end <= 1
        ):
            j += 1
        run = toks[i : j + 1]
        _, stop, _ = _vocab()
        # an adverbial noun before a name is not part of it, nor is anything before one
        # (추석 연휴 열흘 동안 인천공항: 인천공항)
        cut = max(
            (k + 1 for k, t in enumerate(run) if t.form in stop or t.form in _NOT_NAME_STARTS),
            default=0,
        )
        run = run[cut:]
        if run and run[0] is toks[i]:
            run = (*_whole_word(toks, i), *run)
        # the compound ends at its last head noun (양곡 도매 시장 부지 -> 양곡 도매 시장); kiwipiepy
        # keeps unknown compounds whole (컨트롤타워, 캠러스타운), so a head may end a token
        for k in range(len(run) - 1, -1, -1):
            head = _head_of(run[k].form, heads) or _one_syllable_head(run[k], heads)
            if head is None:
                continue
            if head in _heads_that_are_titles() and _a_title(run, k, head):
                break  # 박 부시장, 신임 시장: a title, not a market
            parts = tuple(t.form for t in run[: k + 1])
            key = "".join(parts)
            if len(key) > len(head) and not (head == "시장" and len(key) - len(head) == 1):
                out.append((run[0].start, run[k].end, NameValue(key, head, parts)))
            break
        i = j + 1
    return out
