"""Arithmetic reconciliation: when two figures may both be right, and why."""

from __future__ import annotations

import pytest

from factcheck.models import Claim, Quantity
from factcheck.reconcile import explain, fmt


def _money(doc: str, sentence: int, value: float, surface: str = "", alt=None) -> Claim:
    q = Quantity("money", "KRW", value, value, value, None, alt)
    return Claim(
        f"{doc}-{sentence}-{value}",
        doc,
        sentence,
        "money",
        surface or f"{value:g}원",
        0,
        1,
        q,
        "",
        None,
        (),
    )


def _fraction(doc: str, sentence: int, value: float, surface: str) -> Claim:
    q = Quantity("fraction", "ratio", value, value, value)
    return Claim(f"{doc}-f{sentence}", doc, sentence, "fraction", surface, 0, 1, q, "", None, ())


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (8e12, 8.2e12, "8조원 may be 8조2000억원 rounded"),
        (1e13, 9.8e12, "10조원 may be 9조8000억원 rounded"),
        (1e13, 9.4e12, None),  # 6% apart: not a rounding
        (8.1e12, 8.2e12, None),  # as precise as each other: two figures
        (1e12, 2e12, "2조원 is twice 1조원"),
        (5e11, 5e12, "5조원 is exactly 10× 5000억원"),
        (173412, 174312, "17만3412원 and 17만4312원 differ by two swapped digits"),
        (3.365e14, 3.265e14, "336조5000억원 and 326조5000억원 differ in one digit"),
        (173412, 173413, None),  # the last digit: a count that moved as often as a slip
    ],
)
def test_pairs_of_figures(a, b, expected):
    note = explain(_money("x", 0, a), _money("y", 0, b), ())
    if expected is None:
        assert note is None
    else:
        assert note is not None and note.startswith(expected), note


def test_a_stated_share_explains_the_smaller_figure():
    whole, part = _money("x", 0, 5e12), _money("y", 3, 5e11)
    share = _fraction("y", 3, 0.1, "10분의 1")
    note = explain(whole, part, (whole, part, share))
    assert note is not None and "1/10 of 5조원" in note and "share" in note


def test_a_sum_of_parts_in_the_other_article():
    total = _money("x", 0, 1e12)
    parts = (_money("y", 2, 4e11), _money("y", 2, 6e11))
    note = explain(total, parts[0], (total, *parts))
    assert note is not None and "sum of the parts" in note


def test_small_figures_of_other_units_are_no_parts_of_a_sum():
    """ "4개 제작사가 판매한 12개 차종 17만3412대" vs 17만4312대: 4 + 12 + 173412 is within
    1% of 174312, but 개 are not 대, and 4 and 12 are less than what the sum misses by."""
    from dataclasses import replace

    def count(doc, sentence, value, unit):
        claim = _money(doc, sentence, value)
        return replace(claim, kind="count", value=Quantity("count", unit, value, value, value))

    other = count("x", 0, 174312, "대")
    makers, models, cars = (
        count("y", 1, 4, "개"),
        count("y", 1, 12, "개"),
        count("y", 1, 173412, "대"),
    )
    note = explain(other, cars, (other, makers, models, cars))
    assert note is not None and "sum of the parts" not in note and "swapped digits" in note
    near = count("y", 1, 4, "대"), count("y", 1, 12, "대")  # one unit, still too small
    assert "sum of the parts" not in explain(other, cars, (other, *near, cars))


def test_a_level_and_its_change_are_no_parts_of_a_sum():
    """0.8명 (up 0.05명) vs another outlet's 0.85명: not "the sum of the parts"."""
    from dataclasses import replace

    other = _money("x", 0, 0.85e12)
    level, change = _money("y", 2, 0.8e12), _money("y", 2, 0.05e12)
    change = replace(change, qualifiers=frozenset({"change"}))
    assert explain(other, level, (other, level, change)) is None


def test_prices_of_items_of_a_list_are_no_parts_of_a_sum():
    """성인 5000원 vs "성인 3000원, 청소년 2000원": 3000 + 2000 is 5000, but the adult price is
    an item of the other outlet's list, not its total; an unlabelled total still is one."""
    from dataclasses import replace

    adult = replace(_money("x", 0, 5000.0), subject="성인")
    items = (
        replace(_money("y", 2, 3000.0), subject="성인"),
        replace(_money("y", 2, 2000.0), subject="청소년"),
    )
    note = explain(adult, items[0], (adult, *items))
    assert note is None or "sum of the parts" not in note
    total = replace(adult, subject="")
    assert "sum of the parts" in explain(total, items[0], (total, *items))


def test_a_sum_near_both_figures_explains_neither():
    """3512만 vs 3521만 beside carriers of 1680만 + 1050만 + 780만 = 3510만: the sum is as near
    the figure it would explain as the other; the swapped digits are the explanation."""
    small, big = _money("x", 0, 3.512e7), _money("y", 0, 3.521e7)
    parts = (_money("y", 3, 1.68e7), _money("y", 3, 1.05e7), _money("y", 3, 7.8e6))
    note = explain(small, big, (small, big, *parts))
    assert note is not None and "sum of the parts" not in note and "swapped digits" in note


def test_the_dead_are_no_part_of_a_count_of_the_injured():
    """'2명이 숨지고 5명이 다쳤다' vs another outlet's 7명 injured: 2 + 5 = 7, but the dead are
    other people than the injured; no sum of parts explains the 7."""
    from dataclasses import replace

    def count(doc, sentence, value, predicate):
        claim = replace(_money(doc, sentence, value), kind="count", predicate=predicate)
        return replace(claim, value=Quantity("count", "명", value, value, value))

    dead, injured = count("x", 1, 2.0, "숨지"), count("x", 1, 5.0, "다치")
    other = count("y", 1, 7.0, "다치")
    note = explain(injured, other, (dead, injured, other))
    assert note is None or "sum of the parts" not in note


def test_a_conversion_in_parentheses():
    won = _money("x", 0, 1.2e12, alt=(9e8, "USD"))
    dollars = Claim(
        "y",
        "y",
        0,
        "money",
        "9억 달러",
        0,
        1,
        Quantity("money", "USD", 9e8, 9e8, 9e8),
        "",
        None,
        (),
    )
    note = explain(won, dollars, ())
    assert note is not None and "converted" in note


@pytest.mark.parametrize(
    ("a", "b", "swapped"),
    [
        (173412, 174312, True),
        (162530, 165230, True),
        (72, 27, True),
        (7.4, 4.7, True),
        (2.25, 2.52, True),
        (40.1, 41.0, True),  # 41.0 is written to one decimal place too
        (173412, 173412, False),  # the same figure
        (123456, 153426, False),  # digits apart, not neighbours
        (173412, 173413, False),  # one digit changed
        (1234, 12340, False),  # another length: a unit slip, not a typing one
        (1.5, 15, False),
    ],
)
def test_digits_swapped(a, b, swapped):
    from factcheck.reconcile import digits_swapped

    assert digits_swapped(a, b) is swapped
    assert digits_swapped(b, a) is swapped


@pytest.mark.parametrize(
    ("a", "b", "mistyped"),
    [
        (336.5, 326.5, True),
        (12530, 17530, True),
        (8.45, 8.75, True),  # to two decimals: 845 / 875
        (173, 174, False),  # the last digit
        (43, 44, False),  # two digits: two figures
        (8.4, 8.7, False),  # 84 / 87: the last digit
        (1560, 2560, True),
        (1560, 1570, False),  # 156 / 157: the last significant digit
        (3365, 3265.5, False),  # written to another precision
        (1234, 12340, False),  # another length
        (173412, 174312, False),  # two digits (swapped, not mistyped)
    ],
)
def test_one_digit_mistyped(a, b, mistyped):
    from factcheck.reconcile import one_digit_mistyped

    assert one_digit_mistyped(a, b) is mistyped
    assert one_digit_mistyped(b, a) is mistyped


def _age(doc: str, low: float, high: float) -> Claim:
    q = Quantity("age", "세", low, low, high)
    return Claim(f"{doc}-age", doc, 0, "age", f"{low:g}대", 0, 1, q, "", None, ())


def test_no_arithmetic_between_ages():
    # a man of 60대 is no twice one of 30대: only a slip of the pen explains two ages
    assert explain(_age("x", 30, 39), _age("y", 60, 69), ()) is None
    assert explain(_age("x", 30, 30), _age("y", 90, 90), ()) is None  # not "three times"
    note = explain(_age("x", 36, 36), _age("y", 63, 63), ())
    assert note is not None and "swapped digits" in note


@pytest.mark.parametrize(
    ("quantity", "shown"),
    [
        (Quantity("age", "세", 60, 60, 69), "60~69세"),
        (Quantity("percent", "%", 4.25, 4.25, 6.1), "4.25~6.1%"),
        (Quantity("count", "명", 100, 90, 110, "약"), "100명"),  # a hedge: its figure
        (Quantity("count", "명", 3000, 3000, float("inf"), "이상"), "3,000명"),
        (Quantity("money", "KRW", 5e12, 5e12, 5e12), "5조원"),
    ],
)
def test_a_stated_range_is_shown_whole(quantity, shown):
    assert fmt(quantity) == shown
