"""Table-driven cases for the quantity reader, plus property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.numbers import find_quantities, parse_quantity, render_korean
from tests.normalize.cases import load_cases

CASES = load_cases("number_cases.tsv")


def _num(text: str) -> float:
    return math.inf if text == "inf" else float(text)


@pytest.mark.parametrize("row", CASES, ids=[r[0] for r in CASES])
def test_number_case(row):
    phrase, kind = row[0], row[1]
    q = parse_quantity(phrase)
    if kind == "-":
        assert q is None or q.kind == "ordinal", f"{phrase!r} should hold no quantity, got {q}"
        return
    assert q is not None, f"no quantity read from {phrase!r}"
    unit, value = row[2], _num(row[3])
    low = _num(row[4]) if len(row) > 4 and row[4] else value
    high = _num(row[5]) if len(row) > 5 and row[5] else value
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value, rel=1e-6)
    assert q.low == pytest.approx(low, rel=1e-3)
    if math.isinf(high):
        assert math.isinf(q.high)
    else:
        assert q.high == pytest.approx(high, rel=1e-3)


def test_conversion_in_parentheses_is_one_value():
    found = find_quantities("지난해 671억 8000만 달러(약 96조 9000억원)에서 성장했다")
    assert len(found) == 1
    assert found[0].quantity.alt == (9.69e13, "KRW")


def test_spans_point_at_the_surface():
    text = "AI 펀드를 5000억원 규모로 조성한다"
    (found,) = find_quantities(text)
    assert text[found.start : found.end] == "5000억원"


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # 만 after a span of time is "after so long", not 10,000 (만인 is no 1만 명)
        ("복구에 나서 15시간 만인 오후 7시쯤 재개했다", ["15시간"]),
        ("개봉 31일 만에 관객 1만 명을 넘었다", ["31일 만에", "1만 명"]),
        ("한 해 만에 다시 열렸다", []),
        # a bare 만 elsewhere is still an amount
        ("입장료는 만 원이다", ["만 원"]),
    ],
)
def test_man_after_a_span_of_time_is_no_number(text, surfaces):
    assert [text[f.start : f.end].strip() for f in find_quantities(text)] == surfaces


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the second figure of a change from a speed is a speed too
        ("제한속도를 시속 110㎞에서 120㎞로 올린다", [("speed", 110), ("speed", 120)]),
        ("초속 30m에서 40m로 강해졌다", [("speed", 30), ("speed", 40)]),
        ("시속 80㎞부터 100㎞까지", [("speed", 80), ("speed", 100)]),
        # not a distance after a speed in another phrase
        ("시속 50㎞인 도로에서 120㎞를 달렸다", [("speed", 50), ("length", 120000)]),
        ("110㎞에서 120㎞로 늘었다", [("length", 110000), ("length", 120000)]),
    ],
)
def test_a_change_from_a_speed_is_to_a_speed(text, kinds):
    assert [(f.quantity.kind, f.quantity.value) for f in find_quantities(text)] == kinds


def test_skip_spans_are_respected():
    text = "2025년 5천억 원"
    assert [text[f.start : f.end] for f in find_quantities(text, skip=[(0, 5)])] == ["5천억 원"]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_korean_units_round_trip(n):
    """Any whole number written with 조/억/만 reads back as itself."""
    for text in (render_korean(n) + "원", f"{n:,}원"):
        q = parse_quantity(text)
        assert q is not None and q.value == n, text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["조", "억", "만"]))
def test_mixed_small_units_round_trip(n, big):
    """5천억, 3백만: digits with 천/백 before a big unit."""
    thousands, rest = divmod(n, 1000)
    if rest or not thousands:
        return
    text = f"{thousands}천{big} 원"
    q = parse_quantity(text)
    assert q is not None
    assert q.value == thousands * 1000 * {"조": 10**12, "억": 10**8, "만": 10**4}[big]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["", "만", "억", "조"]),
)
def test_thousands_with_digits_after_round_trip(thousands, rest, big):
    """News style 1천300명, 2천500억원: the digits after 천 join the group (1300, 2500억)."""
    text = f"{thousands}천{rest}{big}명"
    q = parse_quantity(text)
    scale = {"": 1, "만": 10**4, "억": 10**8, "조": 10**12}[big]
    assert q is not None and q.value == (thousands * 1000 + rest) * scale, text
    if not big:  # the hundreds may also follow after a space, as after 만 (1천 300명)
        spaced = parse_quantity(f"{thousands}천 {rest}명")
        assert spaced is not None and spaced.value == thousands * 1000 + rest, text


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    for found in find_quantities(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.quantity.low <= found.quantity.high


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("양곡", "양복", ("ㄱ", "ㅂ")),  # one initial consonant
        ("박영희", "박영의", ("ㅎ", "ㅇ")),
        ("남항", "남한", ("ㅇ", "ㄴ")),  # one final consonant
        ("컨퍼런스", "콘퍼런스", ("ㅓ", "ㅗ")),  # one vowel
        ("가", "각", ("∅", "ㄱ")),  # a final consonant added
        ("양곡", "양재", None),  # a different word: two jamo
        ("양곡", "양곡시장", None),  # lengths differ
        ("양곡", "양곡", None),  # the same word
        ("AI허브", "AJ허브", None),  # not Hangul
    ],
)
def test_one_jamo_apart(a, b, expected):
    from factcheck.normalize.korean import one_jamo_apart

    assert one_jamo_apart(a, b) == expected


@pytest.mark.parametrize(
    "phrase", ["헌법 제84조에 따라", "근로기준법 제56조 위반", "2인 1조로 순찰"]
)
def test_an_article_of_a_law_or_a_team_is_no_figure(phrase):
    """제84조 is the 84th article of a law, 1조 of 2인 1조 a team: neither is read as a figure
    (a bare 조 is trillions of won elsewhere: 사업비 3조)."""
    assert [f for f in find_quantities(phrase) if f.quantity.unit == "KRW"] == []
