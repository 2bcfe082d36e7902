"""Korean script helpers: Hangul numerals and jamo decomposition (one-letter slips)."""

from __future__ import annotations

SINO_DIGITS = {
    "영": 0,
    "공": 0,
    "일": 1,
    "이": 2,
    "삼": 3,
    "사": 4,
    "오": 5,
    "육": 6,
    "칠": 7,
    "팔": 8,
    "구": 9,
}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}

# Native numerals as used before counters (두 곳, 열두 개, 스무 명).
NATIVE_ONES = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "석": 3,
    "네": 4,
    "넉": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
NATIVE_TENS = {
    "열": 10,
    "스무": 20,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
# Approximate native pairs: 한두 = 1~2, 두세 = 2~3, ...
NATIVE_PAIRS = {
    "한두": (1, 2),
    "두세": (2, 3),
    "두어": (2, 3),
    "서너": (3, 4),
    "네댓": (4, 5),
    "너덧": (4, 5),
    "대여섯": (5, 6),
    "예닐곱": (6, 7),
    "일여덟": (7, 8),
    "여남은": (10, 11),
}
# What follows a span of time that something takes (3일이 걸렸다, 석 달 걸린다, 5일 소요):
# the span is a duration, never a date
TAKES = r"(?:이|가)?\s?(?:걸리|걸렸|걸린|걸릴|걸려|걸립|소요)"

# 수천 = "several thousand"
VAGUE_MULTIPLES = {"수": (2, 9), "수십": (20, 99), "수백": (200, 999), "수천": (2000, 9999)}


def parse_sino(text: str) -> int | None:
    """Parse a Sino-Korean numeral such as 오천, 삼백이십, 일억오천만. None when not one."""
    if not text:
        return None
    total = 0
    section = 0  # value below the current big unit
    digit: int | None = None
    for ch in text:
        if ch in SINO_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 이삼 is not a numeral
            digit = SINO_DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            if section == 0:
                section = 1
            total += section * BIG_UNITS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def parse_native(text: str) -> tuple[int, int] | None:
    """Parse a native numeral (열두, 스무, 한두) to an inclusive (low, high) pair."""
    if text in NATIVE_PAIRS:
        return NATIVE_PAIRS[text]
    for tens_word, tens in sorted(NATIVE_TENS.items(), key=lambda kv: -len(kv[0])):
        if text.startswith(tens_word):
            rest = text[len(tens_word) :]
            if not rest:
                return tens, tens
            ones = NATIVE_ONES.get(rest)
            return (tens + ones, tens + ones) if ones else None
    if text in NATIVE_ONES:
        return NATIVE_ONES[text], NATIVE_ONES[text]
    return None


# Compatibility jamo (ㄱ, not the conjoining ᄀ): what a report shows an editor ("ㅎ/ㅇ").
_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TAILS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


def jamo_parts(syllable: str) -> tuple[str, str, str]:
    """A Hangul syllable as (initial, vowel, final) compatibility jamo: 곡 -> (ㄱ, ㅗ, ㄱ)."""
    code = ord(syllable) - 0xAC00
    return _LEADS[code // 588], _VOWELS[(code % 588) // 28], _TAILS[code % 28]


def one_jamo_apart(a: str, b: str) -> tuple[str, str] | None:
    """The one jamo that differs between two same-length words, or None: 양곡/양복 ->
    (ㄱ, ㅂ); 양곡/양재 differ by more (a different word, not a slip)."""
    if len(a) != len(b):
        return None
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diffs) != 1:
        return None
    x, y = diffs[0]
    if not (is_hangul_syllable(x) and is_hangul_syllable(y)):
        return None
    changed = [(p, q) for p, q in zip(jamo_parts(x), jamo_parts(y)) if p != q]
    if len(changed) != 1:
        return None
    return changed[0][0] or "∅", changed[0][1] or "∅"


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"
