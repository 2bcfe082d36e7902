"""Arithmetic that may explain two different figures for the same thing.

Checked in order, first match wins; each returns a sentence an editor can verify (the last,
two swapped digits, is no arithmetic but explains a gap as plainly):

- a share stated in the coverage: one side equals a fraction (10분의 1, 절반, 30%) of the
  other that some outlet states next to a matching figure ("5000억 = 1/10 of 5조");
- a sum of parts: one side equals the sum of figures another outlet gives in one sentence;
- a plain ratio of 1/2, 1/3, 1/4, 2, 3, 4 ("half of");
- a power of ten (10×, 1000×, 10000×): a likely unit slip (천 vs 만, 억 vs 조);
- a currency conversion given in parentheses;
- a round figure that the other rounds to (8조 / 8조2000억);
- two neighbouring digits swapped (17만3412 / 17만4312);
- one digit before the last mistyped (336조5000억 / 326조5000억).
"""

from __future__ import annotations

import math
from fractions import Fraction

from .claims import SCORE_SCALE, TERM_KINDS, exclusive_events, predicate_classes
from .models import Claim, Quantity
from .normalize.numbers import last_digit_step, render_korean


def _close(a: float, b: float, tol: float = 0.02) -> bool:
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-9)


def fmt(q: Quantity) -> str:
    if q.unit == "KRW" and q.value >= 10**4 and float(q.value).is_integer():
        return render_korean(int(q.value)) + "원"
    if q.unit == "score":  # a match result, winner first
        high = int(q.value)
        return f"{high}-{round((q.value - high) * SCORE_SCALE)}"
    if q.unit == "규모":  # an earthquake's magnitude
        return f"규모 {q.value:g}"
    if q.unit == "ratio":  # a fraction: 3분의 1 -> 1/3
        return _fraction_words(q.value)
    if q.unit in TERM_KINDS:  # a term in months, named by its kind
        years, months = divmod(int(q.value), 12)
        return " ".join(
            [q.unit] + ([f"{years}년"] if years else []) + ([f"{months}개월"] if months else [])
        )
    unit = "" if q.unit == "KRW" else q.unit
    if q.hedge is None and q.value == q.low < q.high < math.inf:
        # a stated range (10~20%, 60대: 60 to 69) is both its ends, not its first
        return f"{_number(q.low)}~{_number(q.high)}{unit}"
    return f"{_number(q.value)}{unit}"


def _number(v: float) -> str:
    return f"{int(v) if float(v).is_integer() else round(v, 3):,}"


def _fraction_words(f: float) -> str:
    fr = Fraction(f).limit_denominator(100)
    if fr == Fraction(1, 2):
        return "half"
    return f"{fr.numerator}/{fr.denominator}"


def explain(a: Claim, b: Claim, story_claims: tuple[Claim, ...]) -> str | None:
    """What plainly explains the gap between ``a`` and ``b``: why both may be right (a share,
    a sum, a conversion, a rounding) or which slip made one (a unit, two swapped digits);
    None when nothing does."""
    qa, qb = a.value, b.value
    if (
        not (isinstance(qa, Quantity) and isinstance(qb, Quantity))
        or qa.value <= 0
        or qb.value <= 0
    ):
        return None
    if a.kind in NOT_PARTS:
        return _slip(qa, qb)
    big, small = (a, b) if qa.value >= qb.value else (b, a)
    qbig, qsmall = big.value, small.value
    assert isinstance(qbig, Quantity) and isinstance(qsmall, Quantity)

    # 1. a stated share: some sentence gives a fraction and a figure equal to the smaller side
    for frac in story_claims:
        if frac.kind != "fraction" or not isinstance(frac.value, Quantity):
            continue
        f = frac.value.value
        if not _close(qbig.value * f, qsmall.value, 0.1):
            continue
        partner = next(
            (
                c
                for c in story_claims
                if c.doc_id == frac.doc_id
                and c.sentence_index == frac.sentence_index
                and isinstance(c.value, Quantity)
                and c.kind == small.kind
                and _close(c.value.value, qsmall.value, 0.1)
            ),
            None,
        )
        if partner is not None or frac.doc_id == big.doc_id:
            quote = (
                f" ({frac.doc_id}: '{partner.surface if partner else frac.surface}')"
                if partner
                else ""
            )
            note = (
                f"{fmt(qsmall)} is {_fraction_words(f)} of {fmt(qbig)}: one outlet reports the share "
                f"({frac.surface}){quote} where another reports the whole"
            )
            return note + _other_fractions(big, frac, story_claims)
    # 2. a sum of parts given in one sentence by the other side's document
    for doc_id, target, total in ((small.doc_id, qbig, big), (big.doc_id, qbig, small)):
        by_sentence: dict[int, list[float]] = {}
        labels: dict[int, set[str]] = {}  # the noun each part is labelled with (성인, 청소년)
        for c in story_claims:
            if (
                c.doc_id == doc_id
                and c.kind == total.kind
                and isinstance(c.value, Quantity)
                and c.value.unit == target.unit  # 4개 제작사 and 12개 차종 are no part of 17만대
                and c.id != total.id
                and "change" not in c.qualifiers  # a change is no part of a total
                and not of_other_people(c, total)  # 2명 dead are no part of 7명 injured
            ):
                by_sentence.setdefault(c.sentence_index, []).append(c.value.value)
                labels.setdefault(c.sentence_index, set()).add(c.subject)
        whole = big.subject
        for sentence, values in by_sentence.items():
            if whole and " " not in whole and whole in labels[sentence]:
                continue  # 성인 5000원 vs "성인 3000원, 청소년 2000원": an item, not a total
            if (
                len(values) >= 2
                and _close(sum(values), target.value, 0.01)
                # a sum near both figures (3510만 of 3512만 and 3521만) explains neither
                and not _close(sum(values), qsmall.value, 0.01)
                # every part counts: a part smaller than what the sum misses by is noise
                and abs(sum(values) - target.value) < min(values)
                and target.value not in values
            ):
                parts = " + ".join(f"{v:,.0f}" if v.is_integer() else f"{v:,.6g}" for v in values)
                return f"{fmt(target)} is the sum of the parts {parts}: a total set against one of its parts"
    ratio = qbig.value / qsmall.value
    # 3. a currency conversion written in parentheses
    for q1, q2 in ((qa, qb), (qb, qa)):
        if q1.alt and q1.alt[1] == q2.unit and _close(q1.alt[0], q2.value, 0.05):
            return f"{fmt(q2)} is the converted value given for {fmt(q1)}"
    # 4. a simple ratio
    for r, words in ((2, "twice"), (3, "three times"), (4, "four times")):
        if _close(ratio, r, 0.01):
            return f"{fmt(qbig)} is {words} {fmt(qsmall)}: check whether one outlet reports a part or a target"
    return _slip(qa, qb)


# Kinds whose figures are no part, total or target of one another (a man of 60대 is not
# twice one of 30대; 영하 10도 is not half of 영하 20도): only a slip explains their gap.
NOT_PARTS = frozenset(("age", "temperature", "magnitude", "score", "ordinal"))


def _slip(qa: Quantity, qb: Quantity) -> str | None:
    """Which slip of the pen may have made one of two figures the other: a unit, a
    rounding, two swapped digits, one mistyped digit (steps 5 to 8 of ``explain``)."""
    qbig, qsmall = (qa, qb) if qa.value >= qb.value else (qb, qa)
    ratio = qbig.value / qsmall.value
    # 5. a power of ten: a unit slip
    for exp in range(1, 9):
        if _close(ratio, 10**exp, 0.001):
            return f"{fmt(qbig)} is exactly {10**exp:,}× {fmt(qsmall)}: a likely unit slip (천/만, 억/조) or a share"
    # 6. a round figure the other rounds to (8조 / 8조2000억): one outlet may have rounded
    for rounded, exact in ((qa, qb), (qb, qa)):
        if _may_be_rounded(rounded.value, exact.value):
            return f"{fmt(rounded)} may be {fmt(exact)} rounded"
    # 7. two neighbouring digits swapped (17만3412 / 17만4312): not arithmetic, a typing slip
    if digits_swapped(qa.value, qb.value):
        return f"{fmt(qa)} and {fmt(qb)} differ by two swapped digits: a likely typing slip"
    # 8. one digit mistyped, not the last (336조5000억 / 326조5000억)
    if one_digit_mistyped(qa.value, qb.value):
        return f"{fmt(qa)} and {fmt(qb)} differ in one digit: a likely typing slip"
    return None


def _decimals(v: float) -> int:
    written = f"{v:.6f}".rstrip("0")
    return len(written) - written.index(".") - 1


def digits_swapped(a: float, b: float) -> bool:
    """The figures are written with the same digits but two neighbouring ones swapped:
    72 / 27, 7.4 / 4.7, 40.1 / 41.0, 16만2530 / 16만5230 (162530 / 165230)."""
    places = max(_decimals(a), _decimals(b))  # 40.1 / 41.0: both to one decimal place
    x, y = (f"{v:.{places}f}" for v in (a, b))
    if len(x) != len(y) or x.find(".") != y.find("."):
        return False
    x, y = x.replace(".", ""), y.replace(".", "")  # 7.4 / 4.7: the digits 74 / 47
    diff = [i for i, (p, q) in enumerate(zip(x, y)) if p != q]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and x[diff[0]] == y[diff[1]]
        and x[diff[1]] == y[diff[0]]
    )


def one_digit_mistyped(a: float, b: float) -> bool:
    """The figures are written alike but for one digit, and not their last significant one,
    in a figure of at least three: 336.5 / 326.5, 1만2530 / 1만7530. A last digit apart
    (173 / 174 dead) is as often a count that moved as a slip; 43 / 44 is two figures."""
    places = max(_decimals(a), _decimals(b))
    x, y = (f"{v:.{places}f}".replace(".", "") for v in (a, b))
    if len(x) != len(y):
        return False
    diff = [i for i, (p, q) in enumerate(zip(x, y)) if p != q]
    last = max(len(x.rstrip("0")), len(y.rstrip("0"))) - 1  # the last significant digit
    return len(diff) == 1 and last >= 2 and diff[0] < last


ROUNDING_GAP = 0.05  # a rounded figure is within 5% of the exact one


def _may_be_rounded(rounded: float, exact: float) -> bool:
    """``rounded`` has fewer significant digits than ``exact`` and is ``exact`` rounded to
    them, within 5%: 8조 for 8조2000억, 10조 for 9조8000억, 3만명 for 2만9500명."""
    if rounded <= 0 or exact <= 0 or abs(rounded - exact) > ROUNDING_GAP * max(rounded, exact):
        return False
    step_r, step_e = last_digit_step(rounded), last_digit_step(exact)
    if step_r <= step_e:
        return False  # as precise as the other: two different figures
    return math.isclose(round(exact / step_r) * step_r, rounded, rel_tol=1e-9)


def _other_fractions(whole: Claim, used: Claim, story_claims: tuple[Claim, ...]) -> str:
    """Other shares stated beside the whole ("5조 ... 절반가량 모았다" = about 2.5조 raised)."""
    assert isinstance(whole.value, Quantity)
    notes = []
    for c in story_claims:
        if (
            c.kind == "fraction"
            and c.id != used.id
            and c.doc_id == whole.doc_id
            and c.sentence_index == whole.sentence_index
            and isinstance(c.value, Quantity)
        ):
            q = whole.value
            part = Quantity(q.kind, q.unit, q.value * c.value.value, q.low, q.high)
            notes.append(f"; the same sentence gives {c.surface} of {fmt(q)} (≈ {fmt(part)})")
    return "".join(notes)


def of_other_people(part: Claim, total: Claim) -> bool:
    """The part counts people of another ``[exclusive]`` event than the total (the dead,
    beside a count of the injured): never one of its parts."""
    ep = predicate_classes(part.predicate) & exclusive_events()
    et = predicate_classes(total.predicate) & exclusive_events()
    return bool(ep) and bool(et) and not ep & et
