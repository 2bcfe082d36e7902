"""Read Korean news dates and resolve relative ones against the publication date.

``find_dates(text, published)`` returns every date expression in ``text`` with its span,
resolved to a :class:`DateValue` at the precision the text commits to:

- absolute: 2025년 2월 11일, 2025.02.27, 2025-02-11, 2028년, 2025학년도
- relative: 올해, 지난해/작년, 재작년, 내년, 지난달, 이달, 다음 달, 지난주, 다음 주 11일,
  지난 5일, 오는 10월, 이번 달 11일, 상반기/하반기, 연말/연초, 초/중순/말, 어제/오늘/내일,
  weekdays (토요일, 오는 토요일, 다음 주 월요일) (against publication), 전날/이튿날 (against
  the last day the text gave), a week of a month (12월 첫째 주, 첫째 주 토요일, 3월 2주차)
- a bare month or day takes its year (and month) from an earlier date in the same text
  ("지난해 5월 개관했고, 12월엔 ..." -> 2024-12), else from the publication date and the
  tense of the clause (past -> the latest such date not after publication).

Without a publication date, a relative expression keeps only what it states (month 12, year
unknown) and is compared at that precision. Never raises on any input.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..models import DateValue
from .korean import TAKES

_YEAR_WORDS = {
    "올해": 0,
    "금년": 0,
    "올": 0,
    "지난해": -1,
    "작년": -1,
    "전년": -1,
    "재작년": -2,
    "내년": 1,
    "이듬해": 1,
    "내후년": 2,
    "연내": 0,  # 연내 완공: within this year
}
_MONTH_WORDS = {
    "지난달": -1,
    "지난 달": -1,
    "전달": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
_WEEK_WORDS = {
    "지난주": -1,
    "지난 주": -1,
    "이번 주": 0,
    "이번주": 0,
    "금주": 0,
    "다음 주": 1,
    "다음주": 1,
    "내주": 1,
}
# Days named relative to the publication day (broadcast and quoted speech): 어제 오후 3시쯤.
# A quote's 오늘 may be the day before publication, so these read as inferred (lower
# confidence in a conflict).
_DAY_WORDS = {
    "오늘": 0,
    "금일": 0,
    "어제": -1,
    "작일": -1,
    "그제": -2,
    "그저께": -2,
    "내일": 1,
    "모레": 2,
}
# Days named relative to the last day the text gave (or, for 전날, to publication):
# "16일 밝혔다 … 전날 진행된 청약" is the 15th.
_NEXT_DAY_WORDS = {"전날": -1, "이튿날": 1, "다음 날": 1, "다음날": 1}
_HALF = {
    "상반기": (1, 6),
    "하반기": (7, 12),
    "연초": (1, 2),
    "연말": (11, 12),
    "1분기": (1, 3),
    "2분기": (4, 6),
    "3분기": (7, 9),
    "4분기": (10, 12),
}
_PART = {
    "초": (1, 10),
    "초순": (1, 10),
    "상순": (1, 10),
    "중순": (11, 20),
    "말": (21, 31),
    "하순": (21, 31),
    "께": None,
}

# Words that place a figure in time against another (지난달 수출, 전년 동월 대비, 상반기
# 매출): they date what is measured, never narrow it.
_TIME_WORDS = frozenset(
    {*_YEAR_WORDS, *_MONTH_WORDS, *_WEEK_WORDS, *_DAY_WORDS, *_NEXT_DAY_WORDS, *_HALF, *_PART}
    | {"동월", "동기", "전월", "전분기", "분기", "당월", "당일", "월간", "연간", "주간", "연중"}
)


def is_time_word(word: str) -> bool:
    return word in _TIME_WORDS


_W = r"(?<![0-9가-힣])"  # a date word starts a word
# "올" names this year only before a month or a part of the year (올 3월, 올 상반기); alone it
# is the stem of 오르다 (0.12% 올랐다)
_YW = "|".join(sorted((re.escape(w) for w in _YEAR_WORDS if w != "올"), key=len, reverse=True))
_MW = "|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True))
_WW = "|".join(sorted(map(re.escape, _WEEK_WORDS), key=len, reverse=True))
_HW = "|".join(sorted(map(re.escape, _HALF), key=len, reverse=True))
# a part of a named year: 2027년 하반기, 내년 1분기, 내년 초, 2027년 말 (초 and 말 of a year
# are its first and last two months, as 연초 and 연말)
_YEAR_PART = (
    rf"(?:{_HW}|초|말)(?=$|[^가-힣]|[께까부에쯤경엔로을이은는의도와과만다였])"  # 상반기다, 상반기는
)
_YEAR_ENDS = {"초": "연초", "말": "연말"}

# the weeks of a month as news counts them: 첫째 주 … 마지막 주, or 1주차 … 5주차
_NTH_WEEK = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5, "마지막": -1}

_PATTERNS = [
    # a week of a month, or a weekday in it: 12월 첫째 주 토요일 (the month's first
    # Saturday), 다음 달 셋째 주, 내년 3월 마지막 주, 3월 2주차 (before a bare month takes
    # 12월 and a bare weekday takes 토요일 as the one nearest publication)
    (
        "nthweek",
        re.compile(
            _W
            + r"(?:(오는|지난|이번)\s?)?(?:((?:19|20)\d\d)\s?년\s?|"
            + rf"({_YW}|올)\s?)?(?:(\d{{1,2}})\s?월|({_MW}))\s?"
            + r"(?:(첫째|둘째|셋째|넷째|다섯째|마지막)\s?주|([1-5])\s?주차)"
            + r"(?:\s?([월화수목금토일])요일)?"
        ),
    ),
    # a span of months: 1~3월, 올해 1~3월, 2025년 1월~3월 (one period, not March)
    (
        "mrange",
        re.compile(
            _W
            + rf"(?:((?:19|20)\d\d)\s?년\s?|({_YW}|올)\s?)?(\d{{1,2}})\s?월?\s?[~∼〜]\s?(\d{{1,2}})\s?월(?!\s?\d{{1,2}}\s?일)"
        ),
    ),
    # the year so far: 올해 들어 10월까지, 올 들어 9월까지 (January to that month)
    (
        "ytd",
        re.compile(_W + rf"({_YW}|올)\s?들어\s?(\d{{1,2}})\s?월\s?까지"),
    ),
    # 2025-02-11, 2025.02.27, 2025/2/7, 2025. 2. 7.
    (
        "ymd_num",
        re.compile(r"(?<![\d.])((?:19|20)\d\d)\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{1,2})(?![\d])\.?"),
    ),
    # 2025년 2월 11일 / 2025년 2월 / 2025년 (+ 도, 학년도)
    (
        "ymd_ko",
        re.compile(
            _W
            + r"(?:(오는|지난)\s?)?((?:1[89]|2[01])\d\d)\s?(?:학년도|년도?)"
            + rf"(?:\s?({_YEAR_PART})|\s?(\d{{1,2}})\s?월(?:\s?(\d{{1,2}})\s?일)?)?"
        ),
    ),
    # 10년 전, 3년 전에는: a year counted back from publication (10년 전보다 is a baseline,
    # which claims set aside)
    (
        "ago",
        re.compile(r"(?<![\d.])(\d{1,2})\s?년\s?전(?:(?![가-힣])|(?=에|엔|의|보다|까지|부터))"),
    ),
    # 지난해 11월 (5일), 올해 상반기, 내년
    (
        "yrel",
        re.compile(
            _W
            + rf"({_YW})(?:\s?(?:({_YEAR_PART})|(\d{{1,2}})\s?월(?:\s?(\d{{1,2}})\s?일)?))?(?!\d)|"
            + _W
            + rf"(올)\s?(?:({_YEAR_PART})|(\d{{1,2}})\s?월(?:\s?(\d{{1,2}})\s?일)?)(?!\d)|"
            + _W
            + rf"({_YW})(?=에|엔|부터|까지|도|은|는|의|\s|$|[,.])"
        ),
    ),
    # 지난달 5일, 다음 달, 이번 달 11일
    (
        "mrel",
        re.compile(
            _W
            + rf"({_MW})(?:\s?(\d{{1,2}})\s?일|\s?(초순|상순|중순|하순|초|말)(?=$|[^가-힣]|[께까부에쯤경엔로을이은의]))?"
        ),
    ),
    # 다음 주 월요일, 지난 금요일, 오는 토요일, 토요일 (a weekday, against publication)
    (
        "weekday",
        re.compile(_W + rf"(?:({_WW}|오는|지난|이번)\s?)?([월화수목금토일])요일"),
    ),
    # 다음 주 11일, 지난주, 지난 주말 (the Saturday and Sunday of last week)
    ("wrel", re.compile(_W + rf"({_WW})(?:\s?(\d{{1,2}})\s?일|(말))?")),
    # (오는) 3월 (5일)
    (
        "md",
        re.compile(
            _W
            + r"(?:(오는|지난|이번)\s?)?(\d{1,2})\s?월"
            # the day, or the first day of a span written 12월 19~21일
            + r"(?:\s?(\d{1,2})\s?(?:일|(?=[~∼-]\s?\d{1,2}\s?일)))?"
            + r"(?:\s?(초순|상순|중순|하순|초|말))?(?![가-힣]{0}\d)"
        ),
    ),
    # (지난|오는) 5일
    (
        "d",
        re.compile(
            _W
            # 평년보다 3일: a number of days, no day of the month
            # 최대 15일, 최장 30일: a limit in days, never a day of the month; nor the days
            # of 5박 6일 (five nights, six days)
            + r"(?<!\d\.)(?<!보다 )(?<!보다)(?<!최대 )(?<!최대)(?<!최장 )(?<!최장)(?<!박 )(?<!박)"
            + r"(?<!최소 )(?<!최소)(?<!최단 )(?<!최단)"
            # 폭염일수가 24일로: a count of days (일수), no day of the month
            + r"(?<!일수 )(?<!일수)(?<!일수가 )(?<!일수는 )(?<!일수도 )(?<!일수가)(?<!일수는)"
            + r"(?:(오는|지난|이번)\s?)?(\d{1,2})\s?일"
            + r"(?!간|분|\s?동안|\s?만[에이의]|\s?째|에\s?걸쳐"
            # 평년보다 3일 늦어, 하루 … 2일 앞당겨: a number of days, no day of the month
            + r"|\s?(?:늦|빠르|빨라|빨랐|빨리|이르|일러|앞당|당겨|미뤄|미루)"
            # 수리에 3일이 걸렸다, 5일 소요: how long something takes, no day of the month
            + rf"|{TAKES})"
        ),
    ),
    # 상반기, 연말 (year from context)
    ("half", re.compile(_W + rf"({_HW})")),
    # 어제, 오늘, 전날, 이튿날
    (
        "dayword",
        re.compile(
            _W
            + "("
            + "|".join(
                sorted(map(re.escape, {**_DAY_WORDS, **_NEXT_DAY_WORDS}), key=len, reverse=True)
            )
            + r")(?=[은는에의도까부]|\s|$|[,.])"
        ),
    ),
]


# A time of day in words: 오후 3시 30분, 오전 10시, 새벽 2시 반, 정오 (noon; not 정오표, an
# errata list). 자정 is left unread: 15일 자정 is the midnight that ends the 15th as often
# as the one that starts it.
_CLOCK = (
    r"(?:(?P<ampm>오전|오후|낮|밤|새벽)\s?(?P<h>\d{1,2})\s?시(?:\s?(?P<m>\d{1,2})\s?분|\s?반)?"
    r"|(?P<noon>정오)(?!표))"
)
# A time of day written after a date: 오후 3시 30분, 오전 10시, 15:30, (수) 09:35:27
# ... or on the 24-hour clock in words: 18시, 18시 30분 (an hour of 13 to 23 only: 7시 alone
# may be morning or evening)
_CLOCK24 = r"(?P<h3>1[3-9]|2[0-3])\s?시(?:\s?(?P<m3>\d{1,2})\s?분)?(?!간|\d)"
_TIME_RE = re.compile(
    r"(?:\s?\([월화수목금토일]\))?\s?(?:"
    + _CLOCK
    + r"|(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?|"
    + _CLOCK24
    + ")"
)


def _clock(m: re.Match) -> str | None:
    groups = m.groupdict()
    if groups.get("noon"):
        return "12:00"
    if groups.get("h2"):
        hour, minute = int(m.group("h2")), int(m.group("m2"))
    elif groups.get("h3"):
        hour, minute = int(groups["h3"]), int(groups.get("m3") or 0)
    else:
        hour = int(m.group("h"))
        minute = int(m.group("m") or (30 if m.group(0).rstrip().endswith("반") else 0))
        if m.group("ampm") in ("오후", "밤") and hour < 12:
            hour += 12
        if m.group("ampm") in ("오전", "새벽") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: DateValue


_BARE_TIME_RE = re.compile(r"(?<![가-힣\d])(?:" + _CLOCK + "|" + _CLOCK24 + ")")


def bare_times(text: str) -> list[tuple[int, int, str]]:
    """(start, end, HH:MM) of each time of day written with 오전/오후/낮/밤/새벽 (a day
    before it is read by ``find_dates`` as part of that date; these are the ones alone)."""
    out = []
    for m in _BARE_TIME_RE.finditer(text):
        clock = _clock(m)
        if clock:
            out.append((m.start(), m.end(), clock))
    return out


def day_value(day: dt.date) -> DateValue:
    """One day as a date resolved against publication (the day a bare time falls on)."""
    value = _mk(day.year, day.month, day.day, "day", relative=True)
    assert value is not None  # a real calendar day
    return value


def find_dates(text: str, published: dt.date | None = None) -> list[FoundDate]:
    """Every date expression in ``text``, resolved against ``published``."""
    try:
        return _find(text, published)
    except (ValueError, OverflowError, RecursionError):  # defensive: never raise
        return []


def _find(text: str, published: dt.date | None) -> list[FoundDate]:
    spans: list[tuple[int, int, str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] == " ":
                e -= 1
            if e <= s or any(s < te and ts < e for ts, te in taken):
                continue
            spans.append((s, e, name, m))
            taken.append((s, e))
    spans.sort(key=lambda x: x[0])

    out: list[FoundDate] = []
    anchor: tuple[int | None, int | None] = (None, None)  # (year, month) of the last explicit date
    last_day: dt.date | None = None  # the last day the text gave
    for s, e, name, m in spans:
        if (
            name == "weekday"
            and out
            and re.fullmatch(r"\s?(?:인\s|\(|,\s?)?", text[out[-1].end : s])
        ):
            # 28일 토요일 (오후), 모레인 토요일: the day just given, named again; its span
            # takes the weekday and a time after it
            prev = out[-1]
            if text[s - 1 : s] == "(" and text[e : e + 1] == ")":
                e += 1  # 28일(토요일)
            value, e = _with_time(text, e, prev.value)
            out[-1] = FoundDate(prev.start, e, value)
            continue
        day_after = _day_after_a_day(out[-1] if out else None, name, m, text, s)
        if day_after is not None:
            value = day_after
        elif name == "dayword":
            # "지난 5월 15일부터 전날까지": the end of a span from the last day is counted from
            # the day of the news, never from its own start
            ends_span = bool(_SPAN_FROM_RE.search(text, max(0, s - 6), s))
            value = _day_word(m.group(1), published, None if ends_span else last_day)
        elif name == "weekday":
            value = _weekday(m.group(1), m.group(2), published, _tense(text, e))
        else:
            value = _resolve(name, m, text, e, published, anchor)
        if value is None:
            continue
        value, e = _with_time(text, e, value)
        out.append(FoundDate(s, e, value))
        if value.year is not None and not value.year_inferred and name not in ("d", "dayword"):
            # a month the text wrote; a bare day (20일) took its month from publication
            anchor = (value.year, value.month)
        if value.precision == "day" and value.start:
            last_day = dt.date.fromisoformat(value.start)
    return out


def _day_after_a_day(
    before: FoundDate | None, name: str, m: re.Match, text: str, at: int
) -> DateValue | None:
    """A bare day that takes its month from the day before it in the sentence, not from
    publication:

    - closing a span that day opens ("다음 달 3일부터 14일까지", "3일~14일"): in the opening
      day's month (the next one when the day is earlier), whatever verb ends the sentence.
      Without this, "…14일까지 받는다고 20일 밝혔다" put the 14th in the month of
      publication, as a day of news;
    - listed right after it ("1월 2일과 3일 이틀간", "5일, 6일 양일"): in its month and year;
    - closing a window it opens later in the sentence ("3월 2일 시작돼 28일까지 이어진다").
    """
    if before is None or name != "d" or m.group(1) is not None:
        return None
    first = before.value
    if first.precision != "day" or first.year is None or first.month is None or not first.day:
        return None
    dd = int(m.group(2))
    link = text[before.end : at]
    y, mm, inferred = first.year, first.month, first.year_inferred
    if _SPAN_LINK_RE.fullmatch(link):
        inferred = False
        if dd < first.day:
            y, mm = _shift_month(y, mm, 1)
    elif not _LIST_LINK_RE.fullmatch(link) and not (
        dd > first.day
        and _UNTIL_AFTER_RE.match(text, m.end())
        and _WINDOW_OPENS_RE.search(text, before.end, at)
    ):
        return None
    if dd > _last_day(y, mm):
        return None
    return _mk(y, mm, dd, "day", relative=first.relative, inferred=inferred)


_SPAN_LINK_RE = re.compile(r"\s?부터\s?|\s?[~∼-]\s?")  # not 에서: 28일에서 3일로 앞당겼다


_UNTIL_AFTER_RE = re.compile(r"\s?까지")
# the opening day's verb of a window (시작돼, 시작해, 문을 열어): what runs until the day after
_WINDOW_OPENS_RE = re.compile(r"(?:시작|개시|개막|열)[돼되해하어]")
_LIST_LINK_RE = re.compile(r"(?:과|와|이나|나)?\s?,?\s?(?:및|또는|혹은)?\s?")


def _with_time(text: str, end: int, value: DateValue) -> tuple[DateValue, int]:
    """A day with the time of day written right after it (21일 오후 2시 17분), and where the
    date's span then ends; a day that has its time, or no day, is left as it is."""
    if value.precision != "day" or value.time:
        return value, end
    tm = _TIME_RE.match(text, end)
    clock = _clock(tm) if tm else None
    return (replace(value, time=clock), tm.end()) if clock else (value, end)


def _monday(day: dt.date, weeks: int = 0) -> dt.date:
    """The Monday of the week of ``day``, ``weeks`` weeks on."""
    return day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)


_WEEKDAYS = "월화수목금토일"


def _weekday(
    modifier: str | None, name: str, pub: dt.date | None, tense: str | None
) -> DateValue | None:
    """다음 주 월요일 (Monday of next week), 지난주 금요일, 이번 주 토요일; 오는 / 지난 토요일
    (the next / last one, never the publication day); a bare 토요일 is the next one on or
    after publication, or the last one on or before it in a past clause. Weeks start on
    Monday."""
    if pub is None:
        return None
    target = _WEEKDAYS.index(name)
    if modifier in _WEEK_WORDS:
        day = _monday(pub, _WEEK_WORDS[modifier]) + dt.timedelta(days=target)
    elif modifier == "이번":
        day = _monday(pub) + dt.timedelta(days=target)
    else:
        ahead = (target - pub.weekday()) % 7
        behind = (pub.weekday() - target) % 7
        if modifier == "오는":
            day = pub + dt.timedelta(days=ahead or 7)
        elif modifier == "지난":
            day = pub - dt.timedelta(days=behind or 7)
        elif tense == "past":
            day = pub - dt.timedelta(days=behind)
        else:
            day = pub + dt.timedelta(days=ahead)
    return _mk(day.year, day.month, day.day, "day", relative=True, inferred=modifier is None)


def _day_word(word: str, pub: dt.date | None, last_day: dt.date | None) -> DateValue | None:
    if word in _DAY_WORDS:
        if pub is None:
            return None
        day, inferred = pub + dt.timedelta(days=_DAY_WORDS[word]), True
    else:
        base = last_day or (pub if word == "전날" else None)
        if base is None:
            return None
        day, inferred = base + dt.timedelta(days=_NEXT_DAY_WORDS[word]), last_day is None
    return _mk(day.year, day.month, day.day, "day", relative=True, inferred=inferred)


_SPAN_FROM_RE = re.compile(r"부터\s?$")

# --- resolution --------------------------------------------------------------------------

# a verb's present adnominal right after the date (열리는, 시작되는): what is scheduled
_SCHEDULED_RE = re.compile(
    r"(?:\s?[~∼-]\s?\d{1,2}\s?일)?\s(?!에|까지|부터|동안|사이|이후|이전)[가-힣]{1,4}(?:리|되|하|작)는\s"
)
_PAST = re.compile(r"(했|됐|었|았|였|혔|졌|웠|렸|켰|썼|섰|냈|왔|봤|줬|뤘|쳤|났|갔)")
# A verb's prospective form (-ㄹ 것, -ㄹ 전망) is any syllable ending in ㄹ before those words:
# 내릴 것으로, 늘어날 전망, 끝날 예정. 예고했다 and 앞둔 speak of what is still to come
# (12월 5일 총파업을 예고했다: next month's strike, in a page of November).
_RIEUL_FINAL = "".join(chr(0xAC00 + i) for i in range(11172) if i % 28 == 8)
_FUTURE = re.compile(
    r"(겠|예정|계획|방침|목표|기로|예고|앞두|앞둔|할\s|될\s|갈\s|올\s|열릴|ㄹ\s|전망"
    rf"|[{_RIEUL_FINAL}]\s?(?:것|전망|예정|계획|방침))"
)


# a present-tense verb quoted by the reporting verb (개통한다고, 연다고, 늘어난다고 밝혔다):
# the date's event is still to come, whatever the tense of 밝혔다
_NIEUN_FINAL = "".join(chr(0xAC00 + i) for i in range(11172) if i % 28 == 4)
# a quotation mark may close a direct quotation before 고: "…시행한다"고 밝혔다
_QUOTED_PRESENT_RE = re.compile(rf"(?:[{_NIEUN_FINAL}]|는)다[\"”’']?고")
_QUOTE_END_RE = re.compile(r"(?:다|라)[\"”’']?고(?=\s|$)")


# a date given as the value of what a verb sets or tells (개화 예상일을 4월 2일로 제시했다,
# 개통일을 3월 5일로 정했다): the verb's tense is the telling's, the day may be ahead
GIVEN_AS_RE = re.compile(r"\s?(?:으로|로)(?!부터|서|써)(?![가-힣])")


def _tense(text: str, end: int) -> str | None:
    """Past or future from the rest of the clause after a date (news style). A quoted
    clause ("…한다고 밝혔다") ends at its quotative ending: the reporting verb's tense is
    not the date's."""
    tail = re.split(r"[,.!?;]|\s(?:며|고|면서)\s", text[end : end + 80], maxsplit=1)[0]
    quote = _QUOTE_END_RE.search(tail)
    if quote:
        tail = tail[: quote.end()]
        if _QUOTED_PRESENT_RE.search(tail) and not _PAST.search(tail):
            return "future"
    if _SCHEDULED_RE.match(tail):
        return "future"  # "12월 19~21일 열리는 콘서트 … 팔렸다": the concert is to come
    fut, past = _FUTURE.search(tail), _PAST.search(tail)
    if fut and (not past or fut.start() < past.start()):
        return "future"
    if past and GIVEN_AS_RE.match(tail):
        return None  # "예상일을 4월 2일로 제시했다": the past is the telling's, not the day's
    if past:
        return "past"
    return None


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _mk(
    y: int | None,
    m: int | None,
    d: int | None,
    precision: str,
    *,
    relative: bool,
    inferred: bool = False,
    part: tuple[int, int] | None = None,
    months: tuple[int, int] | None = None,
) -> DateValue | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if y is not None and not 1 <= y <= 9999:
        return None
    if y is None:
        if d is not None and not 1 <= d <= 31:
            return None
        return DateValue(None, m, d, precision, None, None, relative, inferred)
    if precision == "year":
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    elif precision == "half" and months:
        start, end = dt.date(y, months[0], 1), dt.date(y, months[1], _last_day(y, months[1]))
    elif precision == "part_of_month" and m and part:
        last = _last_day(y, m)
        start, end = dt.date(y, m, part[0]), dt.date(y, m, min(part[1], last))
    elif precision == "week" and m and d:
        start = dt.date(y, m, d)
        end = start + dt.timedelta(days=6)
    elif d is None and m is not None:
        start, end = dt.date(y, m, 1), dt.date(y, m, _last_day(y, m))
    else:
        if m is None or d is None or d > _last_day(y, m):
            return None
        start = end = dt.date(y, m, d)
    return DateValue(
        y,
        m,
        d if precision == "day" else None,
        precision,
        start.isoformat(),
        end.isoformat(),
        relative,
        inferred,
    )


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _resolve(
    name: str,
    m: re.Match,
    text: str,
    end: int,
    pub: dt.date | None,
    anchor: tuple[int | None, int | None],
) -> DateValue | None:
    g = m.groups()
    if name == "mrange":
        first, last = int(g[2]), int(g[3])
        if not 1 <= first < last <= 12:
            return None
        if g[0]:
            y, inferred, relative = int(g[0]), False, False
        elif g[1]:
            if pub is None:
                return _mk(None, None, None, "half", relative=True, months=(first, last))
            y, inferred, relative = pub.year + _YEAR_WORDS[g[1]], False, True
        else:
            y, inferred = _year_for_month(last, None, None, text, end, pub, anchor)
            relative = True
        return _mk(
            y, None, None, "half", relative=relative, inferred=inferred, months=(first, last)
        )
    if name == "ytd":
        last = int(g[1])
        if not 2 <= last <= 12:
            return None
        y = pub.year + _YEAR_WORDS[g[0]] if pub else None
        return _mk(y, None, None, "half", relative=True, months=(1, last))
    if name == "ago":
        years = int(g[0])
        if not 1 <= years <= 99 or pub is None:
            return None
        return _mk(pub.year - years, None, None, "year", relative=True)
    if name == "ymd_num":
        return _mk(int(g[0]), int(g[1]), int(g[2]), "day", relative=False)
    if name == "ymd_ko":
        y = int(g[1])
        if g[2]:
            half = _YEAR_ENDS.get(g[2], g[2])
            return _mk(y, None, None, "half", relative=False, months=_HALF[half])
        if g[4]:
            return _mk(y, int(g[3]), int(g[4]), "day", relative=False)
        if g[3]:
            return _mk(y, int(g[3]), None, "month", relative=False)
        return _mk(y, None, None, "year", relative=False)
    if name == "yrel":
        word = g[0] or g[4] or g[8]
        half, month, day = g[1] or g[5], g[2] or g[6], g[3] or g[7]
        y = pub.year + _YEAR_WORDS[word] if pub else None
        if half:
            half = _YEAR_ENDS.get(half, half)
            return _mk(y, None, None, "half", relative=True, months=_HALF[half])
        if month:
            mm = int(month)
            if day:
                return _mk(y, mm, int(day), "day", relative=True)
            return _mk(y, mm, None, "month", relative=True)
        return _mk(y, None, None, "year", relative=True)
    if name == "mrel":
        if pub is None:
            return None
        y, mm = _shift_month(pub.year, pub.month, _MONTH_WORDS[g[0]])
        if g[1]:
            return _mk(y, mm, int(g[1]), "day", relative=True)
        if g[2]:  # 이달 말, 다음 달 초
            return _mk(y, mm, None, "part_of_month", relative=True, part=_PART[g[2]])
        return _mk(y, mm, None, "month", relative=True)
    if name == "wrel":
        if pub is None:
            return None
        monday = _monday(pub, _WEEK_WORDS[g[0]])
        if g[1]:
            day = int(g[1])
            for i in range(7):
                cand = monday + dt.timedelta(days=i)
                if cand.day == day:
                    return _mk(cand.year, cand.month, cand.day, "day", relative=True)
            return None  # 다음 주 40일: not a date
        if g[2]:  # the week's end: its Saturday and Sunday, as precise as a week
            saturday = monday + dt.timedelta(days=5)
            weekend = _mk(saturday.year, saturday.month, saturday.day, "week", relative=True)
            return replace(weekend, end=(saturday + dt.timedelta(days=1)).isoformat())
        return _mk(monday.year, monday.month, monday.day, "week", relative=True)
    if name == "nthweek":
        return _nth_week(g, text, end, pub, anchor)
    if name == "md":
        mm = int(g[1])
        dd = int(g[2]) if g[2] else None
        part = _PART.get(g[3]) if g[3] else None
        precision = "day" if dd else ("part_of_month" if part else "month")
        y, inferred = _year_for_month(mm, dd, g[0], text, end, pub, anchor)
        return _mk(y, mm, dd, precision, relative=y is not None, inferred=inferred, part=part)
    if name == "d":
        dd = int(g[1])
        if not 1 <= dd <= 31:
            return None
        if (
            anchor[1] is not None
            and g[0] is None
            and not _past_after(anchor, dd, text, end, pub)
            and not _news_day(dd, text, end, pub)
        ):
            return _mk(anchor[0], anchor[1], dd, "day", relative=True)
        if pub is None:
            return _mk(None, None, dd, "day", relative=True)
        y, mm = pub.year, pub.month
        direction = {"지난": "past", "오는": "future", "이번": None}.get(g[0] or "")
        if g[0] is None:
            direction = _tense(text, end)
        if direction == "past" and (dd > pub.day or (g[0] == "지난" and dd == pub.day)):
            y, mm = _shift_month(y, mm, -1)
        elif direction == "future" and dd < pub.day and g[0] == "오는":
            y, mm = _shift_month(y, mm, 1)
        return _mk(y, mm, dd, "day", relative=True)
    if name == "half":
        y = anchor[0] if anchor[0] is not None else (pub.year if pub else None)
        return _mk(
            y, None, None, "half", relative=True, inferred=anchor[0] is None, months=_HALF[g[0]]
        )
    return None


# a reporting verb right after a day: "… 집계됐다고 과학기술정보통신부가 27일 밝혔다"
_REPORTED_RE = re.compile(r"\s?(?:밝혔|발표했|전했|알렸|공개했|설명했|말했|밝히|발표하)")
NEWS_DAYS = 3  # a date this many days before publication, or on it, can be the news's own


def _news_day(dd: int, text: str, end: int, pub: dt.date | None) -> bool:
    """A day followed by a reporting verb, on or just before the publication day, is the day
    of the news: in "10월 말 기준 … 27일 밝혔다" it is in the month of publication, not in
    the month the sentence measured."""
    return (
        pub is not None and 0 <= pub.day - dd <= NEWS_DAYS and bool(_REPORTED_RE.match(text, end))
    )


def _past_after(
    anchor: tuple[int | None, int | None], dd: int, text: str, end: int, pub: dt.date | None
) -> bool:
    """The earlier date's month would put a past-tense day after publication: in "내년 3월까지
    … 늘린다고 2일 밝혔다" the day is the announcement's, in the month of publication."""
    y, mm = anchor
    if pub is None or y is None or mm is None or _tense(text, end) != "past":
        return False
    try:
        return dt.date(y, mm, dd) > pub
    except ValueError:
        return False


def _nth_week(
    g: tuple, text: str, end: int, pub: dt.date | None, anchor: tuple[int | None, int | None]
) -> DateValue | None:
    """12월 첫째 주 토요일: the month's first Saturday (마지막 주 금요일: its last Friday);
    12월 둘째 주 alone: days 8 to 14 (마지막 주: the last seven), a week as precise as 다음
    주. The month's year as a bare month's (``_year_for_month``), or from the year or month
    word before it (내년 3월, 다음 달)."""
    modifier, year, year_word, month, month_word, nth, nth_digit, weekday = g
    n = _NTH_WEEK[nth] if nth else int(nth_digit)
    inferred = False
    if month_word:
        if pub is None:
            return None
        y, mm = _shift_month(pub.year, pub.month, _MONTH_WORDS[month_word])
    else:
        mm = int(month)
        if not 1 <= mm <= 12:
            return None
        if year:
            y = int(year)
        elif year_word:
            y = pub.year + _YEAR_WORDS[year_word] if pub else None
        else:
            y, inferred = _year_for_month(mm, None, modifier, text, end, pub, anchor)
    if y is None:
        return _mk(None, mm, None, "month", relative=True)
    last = _last_day(y, mm)
    if weekday:
        target = _WEEKDAYS.index(weekday)
        if n > 0:
            day = 1 + (target - dt.date(y, mm, 1).weekday()) % 7 + 7 * (n - 1)
        else:
            day = last - (dt.date(y, mm, last).weekday() - target) % 7
        if day > last:
            return None  # 다섯째 주 토요일 of a month with four
        return _mk(y, mm, day, "day", relative=True, inferred=inferred)
    first = last - 6 if n < 0 else 1 + 7 * (n - 1)
    if first > last:
        return None
    return _mk(y, mm, first, "week", relative=True, inferred=inferred)


def _year_for_month(
    mm: int,
    dd: int | None,
    word: str | None,
    text: str,
    end: int,
    pub: dt.date | None,
    anchor: tuple[int | None, int | None],
) -> tuple[int | None, bool]:
    """The year of a month written without one: context first, then direction or tense."""
    if anchor[0] is not None and word is None:
        return anchor[0], False
    if pub is None:
        return None, False
    direction = {"지난": "past", "오는": "future"}.get(word or "") or _tense(text, end)
    here = (mm, dd or 1)
    now = (pub.month, pub.day if dd else 1)
    if direction == "past" and here > now:
        return pub.year - 1, True
    if direction == "future" and here < now:
        return pub.year + 1, True
    if direction is None:
        return _nearest_year(mm, dd or 1, pub), True
    return pub.year, False


NEAR_YEAR_DAYS = 92  # a month-day this close across New Year is of the adjacent year
FAR_YEAR_DAYS = 183  # when the publication year's reading is at least this far off


def _nearest_year(mm: int, dd: int, pub: dt.date) -> int:
    """The year of a month and day written with no year and no tense: the publication
    year's, unless that reading lies half a year or more away and the adjacent year's
    within three months, across New Year: "1월 2일부터 판다" on a page of 28 December is
    the coming January, "12월 30일 개장한" in a January page the last December."""
    if not 1 <= mm <= 12:
        return pub.year  # no month (13월): ``_mk`` rejects it
    day = min(max(dd, 1), 28)  # a day every month of every year has
    if abs((dt.date(pub.year, mm, day) - pub).days) < FAR_YEAR_DAYS:
        return pub.year
    for year in (pub.year + 1, pub.year - 1):
        if abs((dt.date(year, mm, day) - pub).days) <= NEAR_YEAR_DAYS:
            return year
    return pub.year
