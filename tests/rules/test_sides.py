"""How a figure rule picks the sides it sets against each other within one topic group."""

from __future__ import annotations

from factcheck.align import Settings
from factcheck.models import Claim, DateValue, Document, Quantity, TopicGroup
from factcheck.rules.amount_mismatch import AmountMismatch
from factcheck.rules.base import RuleContext
from factcheck.rules.date_mismatch import DateMismatch


def _claim(doc: str, n: int, value: float) -> Claim:
    q = Quantity("count", "명", value, value, value)
    return Claim(f"{doc}-{n}", doc, n, "count", f"{value:g}명", n, n + 3, q, "", "양성", ())


def _context(story_claims: tuple[Claim, ...]) -> RuleContext:
    docs = {
        d: Document(d, f"{d}.txt", "", (), outlet=f"outlet {d}")
        for d in sorted({c.doc_id for c in story_claims})
    }
    vectors = {c.id: {"인재": 1.0, "양성": 0.5} for c in story_claims}
    return RuleContext("s", docs, story_claims, vectors, {d: d for d in docs}, Settings())


def test_parts_that_disagree_beside_a_total_that_slipped_in():
    """Two outlets' total (1만) shares a group with two other outlets' part (5200 / 4000),
    and each of those outlets also states the total: total vs part is a slipped pairing,
    but 5200 vs 4000 is still a contradiction between the two outlets."""
    totals = [_claim(d, 0, 1e4) for d in ("a", "b", "c", "d")]
    c_part, d_part = _claim("c", 1, 5200), _claim("d", 1, 4000)
    group = TopicGroup("g", "s", "인재", "count", (totals[0], totals[1], c_part, d_part), 0.5)
    (conflict,) = AmountMismatch().check_group(group, _context((*totals, c_part, d_part)))
    assert sorted(tuple(c.surface for c in side) for side in conflict.sides) == [
        ("4000명",),
        ("5200명",),
    ]


def test_a_total_and_one_outlets_own_part_is_no_conflict():
    """Every outlet of the other side also states the first side's value: nothing to report."""
    totals = [_claim(d, 0, 1e4) for d in ("a", "b", "c")]
    c_part = _claim("c", 1, 4000)
    group = TopicGroup("g", "s", "인재", "count", (totals[0], totals[1], c_part), 0.5)
    assert AmountMismatch().check_group(group, _context((*totals, c_part))) == []


def _date(doc: str, n: int, surface: str, start: str, end: str, precision: str) -> Claim:
    y, m = int(start[:4]), int(start[5:7])
    d = int(start[8:]) if precision == "day" else None
    value = DateValue(y, m, d, precision, start, end, relative=True)
    return Claim(f"{doc}-{n}", doc, 0, "date", surface, n, n + 3, value, "", "수출", ())


def test_a_day_does_not_state_the_month_it_falls_in():
    """10월 수출 vs 11월 수출: that the first outlet announced on 1 November (지난 1일) does
    not make it state the month of November; the months still disagree."""
    october = _date("a", 0, "10월", "2025-10-01", "2025-10-31", "month")
    announced = _date("a", 1, "지난 1일", "2025-11-01", "2025-11-01", "day")
    november = _date("b", 0, "11월", "2025-11-01", "2025-11-30", "month")
    group = TopicGroup("g", "s", "수출", "date", (october, november), 0.5)
    (conflict,) = DateMismatch().check_group(group, _context((october, announced, november)))
    assert sorted(side[0].surface for side in conflict.sides) == ["10월", "11월"]
    # the same month written by that outlet elsewhere is a slipped pairing
    also_november = _date("a", 2, "11월", "2025-11-01", "2025-11-30", "month")
    context = _context((october, also_november, november))
    assert DateMismatch().check_group(group, context) == []


def test_a_hedged_figure_joins_the_side_that_states_it():
    """최대 1.75%p fits both 1.50%p and 1.75%p; it states 1.75, so it backs that side, and
    its range does not make the 1.50%p outlet a teller of 1.75 (a slipped pairing)."""

    def gap(doc: str, value: float, low: float) -> Claim:
        q = Quantity("percent_point", "%p", value, low, value, "최대" if low == 0 else None)
        return Claim(f"{doc}-0", doc, 0, "percent_point", f"{value:g}%p", 0, 4, q, "", "", ())

    a, b, c = gap("a", 1.75, 1.75), gap("b", 1.75, 0.0), gap("c", 1.5, 1.5)
    group = TopicGroup("g", "s", "금리차", "percent_point", (a, b, c), 0.8)
    (conflict,) = AmountMismatch().check_group(group, _context((a, b, c)))
    assert sorted(tuple(x.doc_id for x in side) for side in conflict.sides) == [
        ("a", "b"),
        ("c",),
    ]


def test_a_coarse_date_that_fits_both_days_backs_neither():
    """가람 3월 1일, 다온 3월 2일 (and 내년 besides), 나래 내년: 나래's year holds both days,
    so the conflict is one outlet against one, and 다온's 내년 does not make 다온 state the
    first day."""
    a = _date("a", 0, "내년 3월 1일", "2027-03-01", "2027-03-01", "day")
    b = _date("b", 0, "내년", "2027-01-01", "2027-12-31", "year")
    c = _date("c", 0, "내년 3월 2일", "2027-03-02", "2027-03-02", "day")
    c_year = _date("c", 1, "내년", "2027-01-01", "2027-12-31", "year")
    group = TopicGroup("g", "s", "폐교", "date", (a, b, c), 0.5)
    (conflict,) = DateMismatch().check_group(group, _context((a, b, c, c_year)))
    assert sorted(tuple(x.surface for x in side) for side in conflict.sides) == [
        ("내년 3월 1일",),
        ("내년 3월 2일",),
    ]


def test_a_plan_dated_on_its_own_pages_day_is_no_stale_plan():
    """산림청은 18일 계획을 확정했다 (done) / 18일 … 확정하고 투입한다고 밝혔다 (read as a plan),
    both pages of the 18th: the day's news, not a stale plan. The same plan dated a day
    already past when its page was written is one."""
    from dataclasses import replace

    from factcheck.rules.status_mismatch import StatusMismatch

    done = replace(
        _date("a", 0, "18일", "2032-05-18", "2032-05-18", "day"),
        predicate="확정",
        qualifiers=frozenset({"done"}),
    )
    plan = replace(
        _date("b", 0, "18일", "2032-05-18", "2032-05-18", "day"),
        predicate="확정",
        qualifiers=frozenset({"plan"}),
    )
    group = TopicGroup("g", "s", "확정", "date", (done, plan), 0.5)

    def context(published: str) -> RuleContext:
        ctx = _context((done, plan))
        docs = {d: replace(doc, published=published) for d, doc in ctx.documents.items()}
        return replace(ctx, documents=docs)

    assert StatusMismatch().check_group(group, context("2032-05-18")) == []
    assert len(StatusMismatch().check_group(group, context("2032-05-20"))) == 1


def test_a_target_for_a_period_ahead_set_in_the_past_tense_is_no_figure_done():
    """내년 판매 목표를 50만대로 잡았다 (past tense) / 내년에 50만대를 팔겠다 (a plan), pages
    of December 2030: the target's year is ahead, so nothing of it is done. The same
    figure of the year already under way, told as done, against a later plan, is one."""
    from dataclasses import replace

    from factcheck.rules.status_mismatch import StatusMismatch

    def sales(doc: str, tense: str, year: str) -> Claim:
        q = Quantity("count", "대", 5e5, 5e5, 5e5)
        return Claim(
            f"{doc}-0",
            doc,
            0,
            "count",
            "50만대",
            0,
            5,
            q,
            "판매",
            "판매",
            (),
            qualifiers=frozenset({tense}),
            scope=(f"{year}-01-01", f"{year}-12-31"),
        )

    def context(claims: tuple[Claim, ...]) -> RuleContext:
        ctx = _context(claims)
        docs = {d: replace(doc, published="2030-12-03") for d, doc in ctx.documents.items()}
        return replace(ctx, documents=docs)

    ahead = (sales("a", "done", "2031"), sales("b", "plan", "2031"))
    group = TopicGroup("g", "s", "판매", "count", ahead, 0.5)
    assert StatusMismatch().check_group(group, context(ahead)) == []
    under_way = (sales("a", "done", "2030"), sales("b", "plan", "2030"))
    group = TopicGroup("g", "s", "판매", "count", under_way, 0.5)
    assert len(StatusMismatch().check_group(group, context(under_way))) == 1


def test_the_level_a_change_reached_has_no_direction():
    """점유율은 35.2%로 3.1%p 늘었다: 3.1%p is the change, with a direction; 35.2% (followed by
    로) is where the share stands, whichever way it went. A count or a sum is a change only
    when marked as one (12억 달러 늘었다), never a bare level (112억 달러)."""
    from dataclasses import replace

    from factcheck.rules.direction_mismatch import _a_change

    def claim(n: int, kind: str, unit: str, surface: str, start: int, value: float) -> Claim:
        q = Quantity(kind, unit, value, value, value)
        return Claim(f"a-{n}", "a", 0, kind, surface, start, start + len(surface), q, "", "늘", ())

    def in_text(c: Claim, text: str) -> RuleContext:
        assert text[c.start : c.end] == c.surface
        ctx = _context((c,))
        return replace(ctx, documents={"a": replace(ctx.documents["a"], text=text)})

    share = "점유율은 35.2%로 3.1%p 늘었다."
    level, rate = (
        claim(0, "percent", "%", "35.2%", 5, 35.2),
        claim(1, "percent_point", "%p", "3.1%p", 12, 3.1),
    )
    assert not _a_change(level, in_text(level, share))
    assert _a_change(rate, in_text(rate, share))
    sums = "수출은 112억 달러로 12억 달러 늘었다."
    stands = claim(2, "money", "USD", "112억 달러", 4, 1.12e10)
    by = replace(claim(3, "money", "USD", "12억 달러", 13, 1.2e9), qualifiers=frozenset({"change"}))
    assert not _a_change(stands, in_text(stands, sums))
    assert _a_change(by, in_text(by, sums))
