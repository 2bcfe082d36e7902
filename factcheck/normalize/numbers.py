"""Read Korean quantities: 5조, 5천억, 5,000억 원, 1조 2천억, 오천억, 열두 곳, 27만㎡, 70~80%.

``find_quantities(text)`` scans a sentence and returns every quantity with its span;
``parse_quantity(phrase)`` reads one phrase. Both are pure and never raise on any input.
Units and hedges live in ``factcheck/data/units.toml`` and ``hedges.toml``.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from ..data import load
from ..models import Quantity
from .korean import (
    BIG_UNITS,
    TAKES,
    VAGUE_MULTIPLES,
    is_hangul_syllable,
    parse_native,
    parse_sino,
)

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# One group of a number: digits or a Sino-Korean numeral, with an optional small and big unit.
# "1천300명", "2천500억원" (news style for 1300, 2500억): digits after 천 or 백 join the group,
# after 천 also past a space ("1천 300명", as after 만).
# 경 (10^16) is a big unit only as a word's end or before 원: 138경기 is 138 games (경기),
# never 138경 machines (기)
_BIG = r"(?:[만억조]|경(?!(?!원)[가-힣]))"
_GROUP = (
    rf"(?:\d+천\s?\d{{1,3}}(?![\d,.]){_BIG}?|\d+백\d{{1,2}}(?![\d,.]){_BIG}?"
    rf"|{_DIGITS}[십백천]?{_BIG}?|[영일이삼사오육칠팔구십백천]*(?:[십백천]|{_BIG}))"
)
_GROUP_RE = re.compile(_GROUP)
_NATIVE_RE = re.compile(
    r"(?:한두|두세|두어|서너|네댓|너덧|대여섯|예닐곱|여남은|"
    r"(?:열|스무|스물|서른|마흔|쉰|예순|일흔|여든|아흔)(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?|"
    r"한|두|세|네|다섯|여섯|일곱|여덟|아홉)(?=\s?[가-힣])"
)
_VAGUE_RE = re.compile(r"수(?:십|백|천)?(?=\s?(?:만|억|조)?\s?[가-힣])")
_FRACTION_RE = re.compile(
    rf"({_DIGITS}|[일이삼사오육칠팔구십백천]+)\s?분의\s?({_DIGITS}|[일이삼사오육칠팔구십]+)"
)
_HALF_RE = re.compile(r"절반")
# A rate of exchange between two amounts, one of them with decimals: "1대 0.82 비율로
# 전환" (1 to 0.82), read as a ratio to one (1.22대 1). Two whole numbers (2대 1, 3대 10)
# are a score or a ratio the units table reads.
_EXCHANGE_RE = re.compile(
    r"(?<![\d.,A-Za-z])(\d+(?:\.\d+)?)\s?대\s?(\d+(?:\.\d+)?)(?![\d.,]|\s?[%％])"
    r"(?!(?!의|로|으로|이|은|는|을|를|에|과|와|까지|부터)[가-힣])"  # a particle, not 0.82배
)
# Where a number can start: a digit not inside another number or a Latin code (HB721편,
# G20, PM2.5), or a Hangul numeral at the start of a word (오천억, 두 곳, 수천 명); never
# in the middle of a word.
_CANDIDATE_RE = re.compile(
    r"(?<![\d.,A-Za-z])\d|(?<![가-힣])[영일이삼사오육칠팔구십백천만억조경수한두세네다여열스서마쉰예아대]"
)
# Syllables that may follow a counter: particles (명의, 개가), hedges (개 정도 -> 개정도),
# 대 (원대), 씩, 째, the copula 였 (영하 18.9도였다) and 입 (4만2000원입니다: a broadcast's
# polite copula), 짜리 (5000원짜리). Anything else means the counter is the start of another
# word (2025 개막).
_PARTICLES = set(
    "이가을를은는의에엔로으와과도만씩째당까부대뿐나며고인입란라정쯤안내남미초넘께꼴여보밖처마다였짜"
)

SEPARATORS = " \u00a0"
# 조 as a team, not trillions: 2인 1조, 4조 2교대, 3조로 나뉘어 (not 편성: 예산을 5조로)
_TEAMS_BEFORE_RE = re.compile(r"\d\s?인\s?$")
_TEAMS_AFTER_RE = re.compile(r"\s?(?:\d\s?교대|으?로\s?(?:나뉘|나눠|나누))")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    quantity: Quantity
    prefix: str = ""  # qualifier written before the number: 연, 총, 누적, ...


@functools.cache
def _units() -> list[tuple[str, str, str, float, bool, tuple[str, ...]]]:
    table = load("units")
    rows = []
    for kind, entries in table.items():
        for surface, spec in entries.items():
            rows.append(
                (
                    surface,
                    kind,
                    spec["unit"],
                    float(spec["factor"]),
                    bool(spec.get("strict")),
                    tuple(spec.get("not_in", ())),  # words it starts that are no counter
                )
            )
    rows.sort(key=lambda r: -len(r[0]))  # longest match first: 개국 before 개, %p before %
    return rows


@functools.cache
def _hedges() -> tuple[dict, dict]:
    data = load("hedges")
    return data["before"], data["after"]


def _parse_group(text: str) -> float | None:
    """Value of one group: '5천억' -> 5e11, '27만' -> 270000, '오천억' -> 5e11,
    '2천500억' -> 2.5e11, '1천300' -> 1300."""
    m = re.fullmatch(r"(\d+)([백천])\s?(\d{1,3})([만억조경]?)", text)
    if m:
        step = 1000 if m.group(2) == "천" else 100
        num = float(int(m.group(1)) * step + int(m.group(3)))
        return num * BIG_UNITS[m.group(4)] if m.group(4) else num
    m = re.fullmatch(rf"({_DIGITS})([십백천]?)([만억조경]?)", text)
    if m:
        num = float(m.group(1).replace(",", ""))
        if m.group(2):
            num *= {"십": 10, "백": 100, "천": 1000}[m.group(2)]
        if m.group(3):
            num *= BIG_UNITS[m.group(3)]
        return num
    sino = parse_sino(text)
    return float(sino) if sino is not None else None


def _big_unit(group: str) -> int:
    return BIG_UNITS.get(group[-1], 1) if group else 1


def _read_chain(text: str, pos: int) -> tuple[float, int, bool] | None:
    """Read a chain of groups at ``pos`` (1조 2천억, 671억 8000만). Returns (value, end, has_digits)."""
    m = _GROUP_RE.match(text, pos)
    if not m or m.end() == pos:
        return None
    first = m.group(0)
    has_digits = first[0].isdigit()
    if not has_digits:
        # A Hangul numeral must stand alone as a word (not 이천시, not the 조 of 조사).
        if pos > 0 and is_hangul_syllable(text[pos - 1]):
            return None
        if len(first) == 1 and first not in "천만억":
            return None
    value = _parse_group(first)
    if value is None:
        return None
    end = m.end()
    last_big = _big_unit(first)
    while last_big > 1:
        j = end
        if j < len(text) and text[j] in SEPARATORS:
            j += 1
        nxt = _GROUP_RE.match(text, j)
        if not nxt or nxt.end() == j:
            break
        g = nxt.group(0)
        big = _big_unit(g)
        # Only a strictly smaller big unit continues the chain (1조 2천억, not 5조 5조).
        if big >= last_big or (big == 1 and not g[0].isdigit()):
            break
        v = _parse_group(g)
        if v is None or v >= last_big:
            break  # "1만 2000개" continues; "1만 20000" does not
        unit_at = nxt.end()
        hedge = _after_hedge(text, unit_at)
        if hedge and hedge[0] == "여":
            unit_at = hedge[1]  # 1만2000여 명
        if (
            big == 1
            and _match_unit(text, unit_at) is None
            and not text.startswith(tuple(RANGE_SIGNS), nxt.end())
        ):
            break  # "2억 5000" with nothing after it is ambiguous: stop before it
        value += v
        end, last_big = nxt.end(), big
    return value, end, has_digits


def _match_unit(
    text: str, pos: int, native: bool = False
) -> tuple[str, str, str, float, int] | None:
    """The unit written at ``pos`` (after at most one space): (surface, kind, unit, factor, end).
    After a native numeral (``native``: 다섯 살, 두 대) a counter is always written apart."""
    j = pos
    if j < len(text) and text[j] in SEPARATORS:
        j += 1
    m = _unit_start_re().match(text, j)
    if not m:
        return None
    for surface, kind, unit, factor, strict, not_in in _units_by_first(text[j]):
        if text.startswith(surface, j) and not any(text.startswith(w, j) for w in not_in):
            end = j + len(surface)
            nxt = text[end] if end < len(text) else ""
            if surface.isascii() and surface.isalpha() and nxt.isascii() and nxt.isalpha():
                continue  # "m" of "mm", "t" of "to"
            if surface[-1] in "0123456789" and nxt and nxt in "0123456789.,":
                continue  # "대 1" of "3대 10", "3대 1.5"
            if (
                (strict or (len(surface) == 1 and is_hangul_syllable(surface)))
                and nxt
                and is_hangul_syllable(nxt)
                and nxt not in _PARTICLES
                and not text.startswith("어치", end)  # 86억원어치, 5000원어치: worth
            ):
                continue  # 대 of 대표, 배 of 배터리, 개 of 개막
            if (
                strict
                and j != pos
                and not (native and surface != "번")  # 한 번 더, 두 번 다시: idioms
                and kind in ("count", "ordinal", "age")
                and text[pos - 1 : pos] not in ("천", "만", "억", "조", "여")
            ):
                # "3 대표" style: a strict counter must touch the number (120만 대, 2300여 건
                # may not)
                continue
            return surface, kind, unit, factor, end
    return None


@functools.cache
def _unit_start_re() -> re.Pattern:
    """Fast rejection: does any unit start here?"""
    firsts = sorted({row[0][0] for row in _units()})
    return re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")


@functools.cache
def _units_by_first(ch: str) -> tuple:
    return tuple(row for row in _units() if row[0][0] == ch)


def _units_strict(surface: str) -> bool:
    return any(row[0] == surface and row[4] for row in _units())


@functools.cache
def counted_nouns() -> frozenset[str]:
    """Units that are the noun counted (9만 관객): the figure ends before them, and the noun
    stays a word of its sentence (what the figure measures)."""
    return frozenset(
        surface
        for entries in load("units").values()
        for surface, spec in entries.items()
        if spec.get("noun")
    )


def _after_hedge(text: str, pos: int) -> tuple[str, int] | None:
    _, after = _hedges()
    j = pos
    if j < len(text) and text[j] in SEPARATORS:
        j += 1
    for word in sorted(after, key=len, reverse=True):
        if text.startswith(word, j):
            end = j + len(word)
            nxt = text[end] if end < len(text) else ""
            if word in ("여", "대") and j != pos:
                continue  # 10여 명, 400억원대 touch; "100억원 대비" is another word
            if word == "대" and nxt and is_hangul_syllable(nxt) and nxt not in _PARTICLES:
                continue  # 대학, 대표, 대비
            if (
                word == "여"
                and nxt
                and is_hangul_syllable(nxt)
                and nxt not in "만억조"
                and _match_unit(text, end) is None
            ):
                continue  # 여 of 여성, 여러 (but 200여채, 10여 명)
            return word, end
    return None


def _interval(value: float, hedge: str | None) -> tuple[float, float]:
    if not hedge:
        return value, value
    before, after = _hedges()
    spec = before.get(hedge) or after.get(hedge)
    if not spec:
        return value, value
    low = value * float(spec["low"])
    if spec["high"] == "inf":
        high = math.inf
    elif spec["high"] == "lead":
        # just under the next step, by more than values_agree's tolerance for float noise:
        # 200여명 (200..299.9998) never meets 300여명
        high = value + last_digit_step(value) * (1 - 1e-6)
    else:
        high = value * float(spec["high"])
    return low, high


def last_digit_step(value: float) -> float:
    """The place value of the last written digit: 120 -> 10, 3000 -> 1000, 1.2e4 -> 1000.

    "120여 명" is 120-odd (120..129), not 120..219: 여 adds less than one step of the last
    digit the writer gave.
    """
    if value <= 0:
        return 1.0
    if value != int(value):
        return 10.0 ** math.floor(math.log10(value))
    n, step = int(value), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


_PREFIX_RE = re.compile(r"(약|대략|거의|최대|최소|무려|불과|총|연간|연|매년|매달|월|누적|그중)\s?$")


def _prefix(text: str, pos: int) -> tuple[str, int]:
    m = _PREFIX_RE.search(text, max(0, pos - 4), pos)
    if not m:
        return "", pos
    word = m.group(1)
    if m.start() > 0 and (is_hangul_syllable(text[m.start() - 1]) or text[m.start() - 1].isdigit()):
        return "", pos  # 계약 of 계약 5건, 월 of 8월 2.0%: only a standalone word counts
    if word in ("연", "월") and m.end() != pos:
        return "", pos  # "연 4000명" is fine but needs care; "5월" is a date
    return word, m.start()


def find_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[Found]:
    """All quantities in ``text`` with their spans, skipping spans in ``skip`` (dates, times)."""
    try:
        return _find(text, skip or [])
    except (ValueError, OverflowError, RecursionError):  # defensive: never raise on odd text
        return []


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _find(text: str, skip: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    taken = list(skip)

    # words read before numbers in general: a fraction (3분의 1), a half (절반), a rate of
    # exchange (1대 0.82), days in native words (사흘 만에)
    for pattern, read in _WORD_READERS:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            item = read(text, m)
            if item is not None:
                found.append(item)
                taken.append((item.start, item.end))

    pos = 0
    for m in _CANDIDATE_RE.finditer(text):
        start = m.start()
        if start < pos or _overlaps(start, start + 1, taken):
            continue
        if text.startswith("만", start) and _ELAPSED_RE.search(text[max(0, start - 8) : start]):
            continue  # "15시간 만인 오후 7시", "31일 만에": after so long, no 10,000
        if text.startswith(_SCORE_WORDS, start):
            continue  # 10점 만점에: a full score, no 10,000 points
        item = _read_at(text, start)
        if item is None or _overlaps(item.start, item.end, taken):
            continue
        if _names_a_numbered_thing(text, item):
            pos = item.end
            continue
        item = _as_generation(text, item)
        item = _with_second_end(text, item, taken)
        item = _with_first_end_before(text, item, taken)
        item = _with_years_before(text, item, taken)
        found.append(item)
        taken.append((item.start, item.end))
        pos = item.end
    found.sort(key=lambda f: (f.start, f.end))
    return found


RANGE_SIGNS = "~∼〜"  # the signs a range of two figures is written with (4.25~6.1%)
_RANGE_SIGN_RE = re.compile(rf"\s?[{RANGE_SIGNS}]\s?")
# a range sign, then the second end's own sign word where it has one (영상 3도, 영하 3도, -3)
_SECOND_END_SIGN_RE = re.compile(rf"\s?[{RANGE_SIGNS}]\s?(?:(영상\s?)|(영하\s?|-|−))?")
_SECOND_END_RE = re.compile(r"(?:(?:영하|영상|마이너스)\s?|[-−])?(?=\d)")


def _with_second_end(text: str, first: Found, taken: list[tuple[int, int]]) -> Found:
    """``first`` as a range when a range sign and a figure of its unit follow it, each end
    written with the unit (10%~20%, 1만명~2만명, 영하 12도~영하 2도), as 10~20% is; else
    ``first``. Hedged figures, and a second end below the first, stay apart."""
    q = first.quantity
    sign = _RANGE_SIGN_RE.match(text, first.end)
    if sign is None or q.hedge or q.low != q.high:
        return first
    nxt = _SECOND_END_RE.match(text, sign.end())  # the digits, past a sign word (영하)
    if nxt is None or _overlaps(nxt.end(), nxt.end() + 1, taken):
        return first
    second = _read_at(text, nxt.end())
    if second is None:
        return first
    r = second.quantity
    if (r.kind, r.unit) != (q.kind, q.unit) or r.hedge or r.low != r.high or r.value < q.value:
        return first
    return Found(first.start, second.end, replace(q, high=r.value), first.prefix)


def _just_before(
    text: str, found: Found, pattern: re.Pattern, taken: list[tuple[int, int]]
) -> re.Match | None:
    """``pattern`` (anchored at its end) in the few characters right before ``found``,
    where no other figure or date was read."""
    m = pattern.search(text, max(0, found.start - 5), found.start)
    return None if m is None or _overlaps(m.start(), m.end(), taken) else m


# "3, 4명", "2, 3일": one number less than the figure, a comma, the figure: three or four
_FIRST_END_BEFORE_RE = re.compile(r"(?<![\d.,])(\d{1,2})\s?,\s?$")


def _with_first_end_before(text: str, found: Found, taken: list[tuple[int, int]]) -> Found:
    """``found`` as a range when a number one less than it stands before it with a comma,
    as Korean writes "three or four" (3, 4명: 3 to 4), else ``found``. Not a list of other
    numbers (1, 3명) nor a figure with a hedge or a range of its own."""
    q = found.quantity
    if q.kind not in ("count", "duration") or q.hedge or q.low != q.high or found.prefix:
        return found
    m = _just_before(text, found, _FIRST_END_BEFORE_RE, taken)
    if m is None or int(m.group(1)) != q.value - 1:
        return found
    first = float(m.group(1))  # the value of a range is its first end, as 3~4명's is
    return Found(m.start(1), found.end, replace(q, value=first, low=first), found.prefix)


# "1년 6개월": the years before a count of months, one duration
_YEARS_BEFORE_RE = re.compile(r"(?<![\d.,])(\d{1,2})\s?년\s?$")


def _with_years_before(text: str, found: Found, taken: list[tuple[int, int]]) -> Found:
    """A duration in months with years written before it (1년 6개월, 공사 기간 2년 3개월) as
    one duration in months (18, 27), not its months alone (6개월 would meet another page's
    6개월 and set itself against 18개월)."""
    q = found.quantity
    if q.kind != "duration" or q.unit != "개월" or found.prefix:
        return found
    m = _just_before(text, found, _YEARS_BEFORE_RE, taken)
    if m is None:
        return found
    months = 12 * int(m.group(1))
    q = replace(q, value=q.value + months, low=q.low + months, high=q.high + months)
    return Found(m.start(1), found.end, q, found.prefix)


@functools.cache
def _numbered_things_re() -> re.Pattern:
    things = "|".join(sorted(load("vocabulary")["numbered"]["things"], key=len, reverse=True))
    # the thing's name alone or with a particle (3번 출구로), not a longer word (7번 국도변)
    return re.compile(rf"\s?(?:{things})(?:(?![가-힣])|(?=[{_PARTICLES_OF_NAMES}]))")


_PARTICLES_OF_NAMES = "이가을를은는의에도로와과만까부"


def _names_a_numbered_thing(text: str, found: Found) -> bool:
    """A number of times (번) right before a thing known by its number (7번 국도, 3번 출구,
    10번 버스를; ``[numbered]`` in ``data/vocabulary.toml``): the thing's name, no count."""
    q = found.quantity
    return (
        q.kind == "count"
        and q.unit == "회"
        and text[found.start].isdigit()
        and not q.hedge
        and _numbered_things_re().match(text, found.end) is not None
    )


# After a generation: a word that is no extent of a count of households (300세대 규모,
# 3세대 이상, 2세대가)
_GENERATION_AFTER_RE = re.compile(
    r"\s(?!규모|이상|이하|미만|초과|정도|가량|남짓|안팎|내외|가구|가운데|중(?![가-힣])|모두|전체"
    r"|입주|거주|살|사는|분양|공급|이주|대상)[가-힣A-Za-z]"
)


def _as_generation(text: str, found: Found) -> Found:
    """``found`` read as a generation when a one-digit 세대 stands before a word it names
    (5세대 이동통신, 3세대 모델, 4세대 실손보험; an ordinal of unit 세대), else ``found``:
    households are counted before a particle or an extent (300세대 규모, 2세대가 입주)."""
    q = found.quantity
    if (
        q.unit != "가구"
        or not text.startswith("세대", found.end - 2)
        or q.hedge
        or not (1 <= q.value <= 9 and q.low == q.high)
        or not _GENERATION_AFTER_RE.match(text, found.end)
    ):
        return found
    return replace(found, quantity=replace(q, kind="ordinal", unit="세대"))


def _read_fraction(text: str, m: re.Match) -> Found | None:
    den, num = _parse_group(m.group(1)), _parse_group(m.group(2))
    if not den or num is None or den <= 0:
        return None
    v = num / den
    return Found(m.start(), m.end(), Quantity("fraction", "ratio", v, v, v))


def _read_half(text: str, m: re.Match) -> Found | None:
    end = m.end()
    hedge = _after_hedge(text, end)
    low, high = (0.45, 0.55) if hedge and hedge[0] in ("가량", "정도", "쯤") else (0.5, 0.5)
    if hedge:
        end = hedge[1]
    return Found(m.start(), end, Quantity("fraction", "ratio", 0.5, low, high, hedge and hedge[0]))


def _read_exchange(text: str, m: re.Match) -> Found | None:
    left, right = float(m.group(1)), float(m.group(2))
    if "." not in m.group(0) or left <= 0 or right <= 0:
        return None  # two whole numbers: a score or a ratio the units table reads
    v = left / right
    return Found(m.start(), m.end(), Quantity("ratio", "대 1", v, v, v))


def _read_native_days(text: str, m: re.Match) -> Found | None:
    return _native_span(m, float(_NATIVE_DAYS[m.group(1)]), "일")


def _read_native_months(text: str, m: re.Match) -> Found | None:
    return _native_span(m, parse_native(m.group(1))[0] + (0.5 if m.group(2) else 0.0), "개월")


def _native_span(m: re.Match, value: float, unit: str) -> Found:
    """A span in native words, widened by its hedge (한 달가량: 0.9 to 1.1 months)."""
    hedge = m["hedge"] or None
    low, high = _interval(value, hedge)
    return Found(m.start(), m.end(), Quantity("duration", unit, value, low, high, hedge))


def _read_time_taken(text: str, m: re.Match) -> Found | None:
    value = float(m.group(1)) + (0.5 if m.group(3) else 0)
    return Found(m.start(), m.end(), Quantity("duration", m.group(2), value, value, value))


# Days counted in native words (사흘 만에, 열흘째, 이틀간, 열흘 동안): a duration, as 3일 만에
# and 10일 동안 are. Only after so long or for so long (``_SO_LONG``), and never 하루, "a
# day" (하루 평균 1만건, 하루 동안 22만명).
_NATIVE_DAYS = {
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
    "보름": 15,
}
# after so long (만에, 만인, 만의, 만이다), so long running (째), for so long (간, 동안), or
# how long something takes (사흘이 걸렸다: ``TAKES``)
_SO_LONG = rf"(?:\s?만(?:에|인|의)|\s?만(?=이)|째|간|\s?동안|(?={TAKES}))"
# a hedge between a span in native words and what it is for (한 달가량 걸린다, 열흘 가까이)
_NATIVE_HEDGE = r"(?:\s?(?P<hedge>가량|정도|쯤|남짓|가까이|넘게|이상))?"
_NATIVE_DAYS_RE = re.compile(rf"(?<![가-힣])({'|'.join(_NATIVE_DAYS)}){_NATIVE_HEDGE}{_SO_LONG}")

# Months counted in native words (석 달 만에, 두 달째, 한 달 반이 걸렸다): a duration in
# months, as 3개월 만에 is, on the terms native days are read on. Never 이달 or 지난달,
# which are no numerals.
_NATIVE_MONTHS_RE = re.compile(
    r"(?<![가-힣])(열|열한|열두|다섯|여섯|일곱|여덟|아홉|한|두|세|석|네|넉)\s?달(\s?반)?"
    + _NATIVE_HEDGE
    + _SO_LONG
)

# Days or years a thing takes, in digits: "수리에 3일이 걸렸다", "2년 반 소요" (3일 alone is
# a day of the month, 2년 alone no figure)
_TAKES_DIGITS_RE = re.compile(rf"(?<![\d.,])(\d{{1,3}})\s?(일|년)(\s?반)?(?={TAKES})")

_WORD_READERS = (
    (_FRACTION_RE, _read_fraction),
    (_HALF_RE, _read_half),
    (_EXCHANGE_RE, _read_exchange),
    (_NATIVE_DAYS_RE, _read_native_days),
    (_NATIVE_MONTHS_RE, _read_native_months),
    (_TAKES_DIGITS_RE, _read_time_taken),
)

# words that start with a numeral and are no figure (만점: full marks)
_SCORE_WORDS = ("만점",)

# a span of time just before: the 만 after it is 만에 / 만인 / 만이다 (after so long)
_ELAPSED_RE = re.compile(r"(?:\d\s?(?:시간|일|년|개월|주|분|초|달)|(?<![가-힣])(?:해|달))\s$")


def _spelt_amount(text: str, pos: int, end: int) -> bool:
    """A Sino-Korean numeral with no unit after it (오천억, 천억을) is an amount only when
    it cannot be a word: 구조(됐다), 사조, 일조 are 9조, 4조, 1조 in form alone. So it has
    more than a digit and a big unit (천억 is no word), and is followed by no syllable but
    a particle's."""
    nxt = text[end : end + 1]
    return (
        _big_unit(text[pos:end].strip()) >= 10**8
        and (len(text[pos:end].strip()) >= 3 or text[pos] in "십백천")
        and (not is_hangul_syllable(nxt) or nxt in _PARTICLES)
    )


def _read_at(text: str, pos: int) -> Found | None:
    low_high: tuple[float, float] | None = None
    chain = _read_chain(text, pos)
    if chain is not None:
        value, end, has_digits = chain
    else:
        m = _VAGUE_RE.match(text, pos) or _NATIVE_RE.match(text, pos)
        if not m or (pos > 0 and is_hangul_syllable(text[pos - 1])):
            return None
        word = m.group(0)
        if word in VAGUE_MULTIPLES:
            lo, hi = VAGUE_MULTIPLES[word]
            value, end = float(lo), m.end()
            low_high = (float(lo), float(hi))
            # 수천억 / 수십만: a vague multiple of a big unit
            if end < len(text) and text[end] in "만억조":
                mult = BIG_UNITS[text[end]]
                value, low_high, end = value * mult, (lo * mult, hi * mult), end + 1
        else:
            pair = parse_native(word)
            if pair is None:
                return None
            value, end = float(pair[0]), m.end()
            low_high = (float(pair[0]), float(pair[1]))
        has_digits = False
        unit_probe = _match_unit(text, end, native=True)
        if (
            unit_probe
            and _units_strict(unit_probe[0])
            and unit_probe[4] - len(unit_probe[0]) == end
        ):
            return None  # 한편, 두번째 어절: a native numeral glued to a short counter is a word
        allowed = ("count", "multiple", "duration", "age") + (
            ("money",) if word in VAGUE_MULTIPLES else ()
        )
        if unit_probe and unit_probe[0] == "번째":
            allowed += ("ordinal",)  # 세 번째 통합우승: the third, as 3번째
        if not unit_probe or unit_probe[1] not in allowed:
            return None  # native numerals only count things: 두 곳, 세 배, 일곱 살

    # "70~80%", "1만~2만명": a range shares the unit written after its second end.
    range_high: float | None = None
    # Temperatures below zero: 영하 3~5도 is -3 to -5 (the word says both ends), as it always
    # was read; -5~3도, 영하 5~영상 3도 and 영하 10~영하 3도 give each end its own sign.
    below_zero = _BELOW_ZERO_RE.search(text, max(0, pos - 6), pos)
    sign_of_first_only = False
    rm = _SECOND_END_SIGN_RE.match(text, end)
    second = _read_chain(text, rm.end()) if rm else None
    if second is not None:
        high2 = -second[0] if rm.group(2) else second[0]
        own_signs = bool(rm.group(1) or rm.group(2)) or (
            below_zero is not None and below_zero.group(1) in "-−"
        )
        if own_signs and below_zero is not None:
            if high2 >= -value:
                range_high, end, sign_of_first_only = high2, second[1], True
        elif high2 >= value:
            range_high, end = high2, second[1]

    hedge_word: str | None = None
    pre_hedge = _after_hedge(text, end)
    if pre_hedge and pre_hedge[0] == "여":  # 10여 명: 여 sits between number and counter
        hedge_word, end = pre_hedge
        if has_digits and range_high is None and text[end : end + 1] in ("만", "억", "조"):
            # 3천여만 원, 1천여억 원: 여 before the big unit (thirty-odd million)
            value, end = value * BIG_UNITS[text[end]], end + 1

    if not has_digits and text[pos:end] in ("억", "조") and text.startswith("대", end):
        return None  # 억대 연봉, 조대 자산: a range of magnitude, no figure (not 1억 vehicles)
    unit = _match_unit(text, end, native=chain is None)
    sign = _CURRENCY_SIGN_RE.search(text, max(0, pos - 5), pos) if has_digits else None
    if sign and (unit is None or unit[1] != "money"):
        # "$30억", "US$ 1.5억", "€2000만": the sign before the figure is its currency
        currency = _CURRENCY_SIGNS[sign.group(1).replace(" ", "").upper()]
        kind, canonical, factor, unit_end = "money", currency, 1.0, end
        unit = (sign.group(1), kind, canonical, factor, end)
    elif unit is None:
        big = re.search(r"[억조]$", text[pos:end])
        if (
            big
            and big.group() == "조"
            and (
                text[pos - 1 : pos] == "제"
                or _TEAMS_BEFORE_RE.search(text, max(0, pos - 4), pos)
                or _TEAMS_AFTER_RE.match(text, end)
            )
        ):
            # 헌법 제84조 (an article of a law), 2인 1조, 4조 2교대, 3조로 나뉘어 (teams):
            # no trillions of won
            return None
        if (big and has_digits) or (big and chain is not None and _spelt_amount(text, pos, end)):
            kind, canonical, factor, unit_end = "money", "KRW", 1.0, end  # 5조 정도: won implied
        else:
            return None
    else:
        _, kind, canonical, factor, unit_end = unit
        if not has_digits and chain is not None and kind not in ("money", "count"):
            return None
        if unit[0] in counted_nouns():
            unit_end = end
    end = unit_end
    if unit is not None and unit[0] == "시간":
        minutes = _MINUTES_AFTER_HOURS_RE.match(text, end)
        nxt = text[minutes.end() : minutes.end() + 1] if minutes else ""
        if minutes and (not is_hangul_syllable(nxt) or nxt in _PARTICLES):
            extra = int(minutes.group(1)) if minutes.group(1) else 30  # 3시간 반
            if extra < 60:  # 3시간 30분: one duration
                value += extra / 60
                end = minutes.end()
                if minutes.group(1):
                    value, end = _with_seconds(text, end, value, 3600)
    elif unit is not None and unit[0] in ("분", "분간"):
        value, end = _with_seconds(text, end, value, 60)  # 5분 30초

    if kind == "ordinal" or (pos >= 1 and text[pos - 1] == "제"):
        kind = "ordinal"
    elif canonical == "회" and text.startswith("째", end):
        kind = "ordinal"  # 올해로 13회째: the 13th, as 제13회 (3년째 stays a duration)

    after = _after_hedge(text, end)
    if after and after[0] != "여":
        hedge_word, end = after[0], after[1]
    first = sign.start() if sign else pos  # where the figure's writing starts
    prefix, start = _prefix(text, first)
    before, _ = _hedges()
    if prefix in before and not hedge_word:
        hedge_word = prefix

    scaled = value * factor
    if kind == "duration":
        scaled = round(scaled, 9)  # 2시간 5분 is 125분, not 125.00000000000001
    if low_high is not None:
        low, high = low_high[0] * factor, low_high[1] * factor
    elif range_high is not None:
        low, high = scaled, range_high * factor
    else:
        low, high = _interval(scaled, hedge_word)
    if range_high is not None and hedge_word:
        lo2, _ = _interval(scaled, hedge_word)
        _, hi2 = _interval(range_high * factor, hedge_word)
        low, high = lo2, hi2

    alt = None
    pm = re.match(r"\s?\((?:약|대략)?\s?", text[end:])
    if pm and kind == "money":
        inner = _read_at(text, end + pm.end())
        if inner and inner.quantity.kind == "money" and inner.quantity.unit != canonical:
            close = text.find(")", inner.end)
            if close != -1 and close - inner.end <= 2:
                alt = (inner.quantity.value, inner.quantity.unit)
                end = close + 1
    if kind == "temperature":
        if _NOT_TEMPERATURE_RE.search(text, max(0, pos - 8), pos):
            return None  # 북위 35.79도, 경사 30도: degrees of a position or an angle
        if below_zero:
            if sign_of_first_only:
                scaled, low = -scaled, -scaled  # -5~3도: the sign is the first end's alone
            else:
                scaled, low, high = -scaled, -high, -low
            start, prefix = below_zero.start(), prefix or below_zero.group(1)
        if _FAHRENHEIT_RE.search(text, max(0, (start if prefix else pos) - 6), pos):
            # 화씨 95도 (섭씨 35도): compared in Celsius, as every other temperature is; the
            # half-step of the degree written widens the interval (화씨 100도 is 37.78,
            # which an outlet rounds to 섭씨 37.8도)
            half = 0.5 if float(scaled).is_integer() else 0.05
            low, high = low - half, high + half
            scaled, low, high = (round((v - 32) * 5 / 9, 2) for v in (scaled, low, high))
    elif sign_of_first_only:
        return None  # -5~3 of another unit: no range this reader knows the sign of
    if kind == "length":
        before = start if prefix else pos
        speed = _SPEED_RE.search(text, max(0, pos - 8), before) or _AFTER_A_SPEED_RE.search(
            text, max(0, before - 24), before
        )
        if speed:  # 초속 49m, 시속 120㎞: a speed; the two units are never compared
            kind, canonical = "speed", ("m/s" if speed.group(1) == "초속" else "km/h")
            per = 1.0 if canonical == "m/s" else 0.001
            scaled, low, high = scaled * per, low * per, high * per
    q = Quantity(kind, canonical, scaled, low, high, hedge_word, alt)
    return Found(start if prefix else first, end, q, prefix)


# A currency written as a sign or a code before the figure ($30억, US$ 1.5억, USD 30억)
_CURRENCY_SIGNS = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "₩": "KRW",
    "￦": "KRW",
}
_CURRENCY_SIGN_RE = re.compile(r"(?<![A-Za-z])(US\s?\$|\$|€|£|¥|₩|￦|USD|EUR|GBP|JPY)\s?$")
_SECONDS_RE = re.compile(r"\s?(\d{1,2})\s?초")


def _with_seconds(text: str, end: int, value: float, per_unit: int) -> tuple[float, int]:
    """``value`` (in a unit of ``per_unit`` seconds) with the seconds written after it
    (2시간 5분 30초, 5분 30초), and where the figure then ends."""
    seconds = _SECONDS_RE.match(text, end)
    nxt = text[seconds.end() : seconds.end() + 1] if seconds else ""
    if (
        seconds
        and int(seconds.group(1)) < 60
        and (not is_hangul_syllable(nxt) or nxt in _PARTICLES)
    ):
        return value + int(seconds.group(1)) / per_unit, seconds.end()
    return value, end


_MINUTES_AFTER_HOURS_RE = re.compile(r"\s?(?:(\d{1,2})\s?분|반)")
_FAHRENHEIT_RE = re.compile(r"화씨\s?(?:영하\s?)?$")
_NOT_TEMPERATURE_RE = re.compile(r"(?:북위|남위|동경|서경|위도|경도|각도|경사|기울기)\s?$")
_SPEED_RE = re.compile(r"(?<![가-힣])(초속|시속)\s?(?:최대\s?|평균\s?)?$")
# the second figure of a change from a speed (시속 110㎞에서 120㎞로): a speed too
_AFTER_A_SPEED_RE = re.compile(
    r"(?<![가-힣])(초속|시속)\s?(?:최대\s?|평균\s?)?[\d.,]+\s?(?:㎞|km|m|킬로미터|킬로|미터)"
    r"\s?(?:에서|부터|→|->)\s?$"
)
_BELOW_ZERO_RE = re.compile(r"(?<![가-힣])(영하|마이너스|-|−)\s?$")


def parse_quantity(phrase: str) -> Quantity | None:
    """Read the first quantity in ``phrase`` ("약 5천억 원" -> 5e11 KRW, 4.5e11..5.5e11)."""
    found = find_quantities(phrase)
    return found[0].quantity if found else None


def render_korean(value: int) -> str:
    """Write an integer in news style with Korean big units: 1200000000000 -> '1조2000억'."""
    if value == 0:
        return "0"
    parts = []
    rest = value
    for word, unit in (("경", 10**16), ("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if rest >= unit:
            parts.append(f"{rest // unit}{word}")
            rest %= unit
    if rest:
        parts.append(str(rest))
    return "".join(parts)
