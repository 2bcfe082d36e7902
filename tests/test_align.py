"""Alignment building blocks: one-to-one matching, parts and totals, story clustering."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.align import (
    Settings,
    best_matching,
    different_list_items,
    join_matches,
    pair_similarity,
    same_measure,
    values_agree,
)
from factcheck.claims import predicate_classes
from factcheck.models import Claim, Conflict, Quantity
from factcheck.pipeline import check_documents
from tests.conftest import make_documents

edge = st.tuples(
    st.sampled_from("abcde"), st.sampled_from("vwxyz"), st.floats(min_value=0.01, max_value=1.0)
)


def _greedy(edges):
    used_l, used_r, total = set(), set(), 0.0
    for a, b, w in sorted(edges, key=lambda e: -e[2]):
        if a not in used_l and b not in used_r:
            used_l.add(a)
            used_r.add(b)
            total += w
    return total


@settings(max_examples=300, deadline=None)
@given(st.lists(edge, max_size=14, unique_by=lambda e: (e[0], e[1])))
def test_matching_is_one_to_one_and_at_least_as_heavy_as_greedy(edges):
    chosen = best_matching(edges)
    lefts = [a for a, _, _ in chosen]
    rights = [b for _, b, _ in chosen]
    assert len(lefts) == len(set(lefts)) and len(rights) == len(set(rights))
    assert set(chosen) <= set(edges)
    assert sum(w for _, _, w in chosen) >= _greedy(edges) - 1e-9


def test_matching_prefers_the_assignment_over_the_single_best_pair():
    # a-x is the heaviest pair, but a-y + b-x is heavier in total
    edges = [("a", "x", 0.65), ("a", "y", 0.62), ("b", "x", 0.60)]
    assert best_matching(edges) == [("a", "y", 0.62), ("b", "x", 0.60)]


def test_parts_and_total_are_marked():
    from factcheck.claims import extract_claims
    from factcheck.sentences import split_documents

    (doc,) = make_documents(
        [
            {
                "outlet": "가람일보",
                "published": "2025-01-01",
                "text": "시는 사관학교(연 4000명)와 대학 연계(연 6000명)로 총 1만 명을 길러낸다. 예산은 300억 원이다.",
            }
        ]
    )
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    marks = {c.surface: c.qualifiers for c in claims if c.kind == "count"}
    assert "total" in marks["총 1만 명"]
    assert "summand" in marks["연 4000명"] and "summand" in marks["연 6000명"]


def _claims_of(text: str, published: str = "2025-12-05"):
    from factcheck.claims import extract_claims
    from factcheck.sentences import split_documents

    (doc,) = make_documents([{"outlet": "가람일보", "published": published, "text": text}])
    return extract_claims(doc, split_documents([doc])[doc.id])


def _figures_agree(a: str, b: str, *kinds: str) -> bool:
    """Whether the first figures (of ``kinds``, else of any kind) of two sentences agree."""

    def first(text):
        return next(
            c
            for c in _claims_of(text)
            if isinstance(c.value, Quantity) and (not kinds or c.kind in kinds)
        )

    return values_agree(first(a), first(b))


def test_parts_before_an_unmarked_figure_are_not_its_summands():
    """24.3 + 9.1 = 33.4 by chance: a figure in a later sentence is a total of earlier ones
    only when the text says so (모두, 총)."""
    claims = _claims_of(
        "의사환자 수가 24.3명으로 유행기준(9.1명)을 넘었다. 7~12세에서 33.4명으로 가장 높았다."
    )
    assert all(not c.qualifiers & {"total", "summand"} for c in claims)
    claims = _claims_of("가 학교는 4000명, 나 학교는 6000명을 뽑는다. 모두 1만 명이다.")
    marks = {c.surface: c.qualifiers for c in claims if c.kind == "count"}
    assert "total" in marks["1만 명"] and "summand" in marks["4000명"]


def test_a_sum_is_written_on_one_side_of_its_total():
    """5 + 7 = 12 crew is a breakdown; 5명 before and 2명 after the 7 rescued add up to it by
    chance, and the 7 foreign crew is no total of 5 Korean crew and 2 dead either."""
    claims = _claims_of(
        "어선에는 한국인 선원 5명과 외국인 선원 7명 등 12명이 타고 있었으며, "
        "7명은 구조됐고 2명은 숨졌다."
    )
    marks = [(c.surface, c.start, c.qualifiers & {"total", "summand"}) for c in claims]
    assert [q for _, _, q in sorted(marks, key=lambda m: m[1])] == [
        {"summand"},
        {"summand"},
        {"total"},
        set(),
        set(),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "base"),
    [
        ("전체 인구 5121만명의 20.0%가 노인이다.", "5121만명", True),
        ("연간 목표 150억달러의 85%를 채웠다.", "150억달러", True),
        ("연간 수주 목표(150억달러)의 85% 수준이다.", "150억달러", True),  # in parentheses
        ("연간 수주 목표는 150억달러다.", "150억달러", False),
        ("저수율은 14.8%로 평년(61%)의 4분의 1 수준이다.", "61%", True),  # of a fraction
        ("관객은 52만명으로 지난해(26만명)의 2배다.", "26만명", True),  # of a multiple
        ("예산은 지난해(80억원)의 절반인 40억원이다.", "80억원", True),
        ("관객은 52만명으로 2배로 늘었다.", "52만명", False),
    ],
)
def test_the_base_of_a_share_is_marked(text, surface, base):
    assert ("base" in _claim(text, surface).qualifiers) is base


def test_the_base_of_a_rate_is_not_a_claim():
    surfaces = [c.surface for c in _claims_of("외래환자 1000명당 의사환자 수가 24.3명이었다.")]
    assert "1000명" not in surfaces and "24.3명" in surfaces
    # 당 starting a word is no rate: 3명 당선
    assert "3명" in [c.surface for c in _claims_of("이번 선거에서 여성 후보 3명 당선이 확정됐다.")]
    # one of something that a later 씩 shares out to: per firm, no count of firms
    each = [
        c.surface for c in _claims_of("시는 기업 150곳을 골라 한 곳에 최대 5000만원씩 지원한다.")
    ]
    assert "한 곳" not in each and "150곳" in each and "최대 5000만원" in each
    assert "한 곳" in [c.surface for c in _claims_of("시는 한 곳에 센터를 세운다.")]


def test_a_change_is_told_from_a_level():
    marks = {
        c.surface: "change" in c.qualifiers
        for text in (
            "취업자 수는 2880만9000명으로 1년 전보다 19만3000명 증가했다.",
            "취업자가 19만9000명 늘어난 2880만명이었다. 증가폭은 20만명이다.",
            "수출은 12% 증가한 620억 달러였다.",
            "10월 출생아 수는 1년 전보다 1천500명(7.5%) 늘었다.",
        )
        for c in _claims_of(text)
        if c.kind != "date"
    }
    assert marks == {
        "2880만9000명": False,
        "19만3000명": True,
        "19만9000명": True,
        "2880만명": False,
        "20만명": True,
        "12%": False,  # 12% 증가 and 증가율 12% are one rate
        "620억 달러": False,
        "1천500명": True,  # the rate in parentheses between the change and its verb
        "7.5%": False,
    }


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        # the amount by which revenue falls short of the budget, no revenue
        ("올해 국세 수입이 예산보다 30조원 넘게 덜 걷힐 것으로 전망됐다.", "30조원 넘게", True),
        ("법인세는 2조원 가량 덜 걷혔다.", "2조원 가량", True),
        ("올해 국세 수입은 336조5000억원이 걷힐 것으로 전망됐다.", "336조5000억원", False),
    ],
)
def test_a_figure_by_which_something_falls_short_is_a_change(text, surface, change):
    assert ("change" in _claim(text, surface).qualifiers) is change


def test_a_measure_named_with_a_suffix_is_the_marked_subject():
    subjects = {
        c.surface: c.marked_subject
        for c in _claims_of("진화율은 56%, 거래액이 21조원이다. 공정률 72%를 보였다.")
    }
    assert subjects == {"56%": "진화율", "21조원": "거래액", "72%": ""}


def test_a_date_right_before_a_figure_is_its_period():
    scopes = {
        c.surface: c.scope
        for c in _claims_of(
            "한빛전자의 지난해 매출은 8조원이었다. 회사는 올해 매출 목표를 10조원으로 잡았다. "
            "공장은 2029년 준공, 사업비는 1조원이다. 2026년 착공하는 공장에 5000억원을 쓴다.",
            published="2026-01-15",
        )
        if c.kind == "money"
    }
    assert scopes == {
        "8조원": ("2025-01-01", "2025-12-31"),
        "10조원": ("2026-01-01", "2026-12-31"),
        "1조원": None,  # across a comma: 2029 dates the completion
        "5000억원": None,  # across a verb: 2026 dates the groundbreaking
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("한빛FC가 나래유나이티드를 3-1로 꺾었다.", [("3-1", "score", 3.001)]),
        ("한국이 일본에 1-3으로 졌다.", [("1-3", "score", 3.001)]),  # winner first
        ("한빛FC는 상대 팀을 2대 1로 이겼다.", [("2대 1", "score", 2.001)]),
        ("이번 청약의 경쟁률은 평균 2대 1이었다.", [("2대 1", "ratio", 2.0)]),  # no result verb
        ("한빛FC는 2024-25 시즌 우승을 차지했다.", []),  # a season
        # other verbs of winning
        ("해솔 자이언츠가 라온 베어스를 5-2로 누르고 3연승을 기록했다.", [("5-2", "score", 5.002)]),
        ("가온 타이거즈가 누리 이글스를 4-2로 따돌렸다.", [("4-2", "score", 4.002)]),
        ("한빛FC는 나래유나이티드를 2-0으로 물리쳤다.", [("2-0", "score", 2.0)]),
    ],
)
def test_a_match_result_is_read_winner_first(text, expected):
    found = [
        (c.surface, c.kind, c.value.value) for c in _claims_of(text) if c.kind in ("score", "ratio")
    ]
    assert found == expected


def test_figures_carry_the_age_group_before_them():
    claims = _claims_of(
        "연령별로는 7~12세가 43.4명으로 가장 많았고, 13~18세가 35.1명으로 뒤를 이었다. "
        "65세 이상은 5.2명이었다."
    )
    groups = {
        c.surface: sorted(k for k, _ in c.context if k.startswith("@"))
        for c in claims
        if c.kind == "count"
    }
    assert groups == {"43.4명": ["@7~12세"], "35.1명": ["@13~18세"], "5.2명": ["@65세 이상"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breakdown by rank: each figure carries the rank it follows
        (
            "1등 당첨자는 12명으로 각 22억원을 받는다. "
            "2등은 70명으로 각 6370만원, 3등은 3012명으로 각 148만원을 받는다.",
            {
                "12명": ["@1등"],
                "22억원": ["@1등"],
                "70명": ["@2등"],
                "6370만원": ["@2등"],
                "3012명": ["@3등"],
                "148만원": ["@3등"],
            },
        ),
        # a sentence going on from the one before (이들은 …) takes its rank
        (
            "1등 당첨자는 모두 12명이다. 이들은 1인당 23억원을 받는다. 2등은 70명이다.",
            {"12명": ["@1등"], "23억원": ["@1등"], "70명": ["@2등"]},
        ),
        # a rank reached (2위로, 2위였다) labels nothing
        (
            "중국이 금메달 201개로 1위, 일본이 금메달 52개로 2위에 올랐다.",
            {"201개": [], "52개": []},
        ),
        # native ordinals: the first and second of a litter
        (
            "출생 당시 몸무게는 첫째 180g, 둘째 140g이었다. 첫째는 암컷이다.",
            {"180g": ["@첫째"], "140g": ["@둘째"]},
        ),
        # one rank alone is no breakdown
        ("매출 1위 기업의 매출은 300조원이다.", {"300조원": []}),
        # a grade is no rank
        ("1등급 한우는 120마리, 2등급은 80마리였다.", {"120마리": [], "80마리": []}),
    ],
)
def test_figures_carry_the_rank_they_follow(text, expected):
    claims = _claims_of(text)
    labels = {
        c.surface: sorted(k for k, _ in c.context if k.startswith("@"))
        for c in claims
        if c.kind in ("count", "money", "weight")
    }
    assert labels == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a price per unit carries the class it is of, written before the per-unit phrase
        (
            "보통주 1주당 1800원, 우선주 1주당 1550원의 현금배당을 결정했다.",
            {"1800원": (["@보통주"], "보통주"), "1550원": (["@우선주"], "우선주")},
        ),
        # a topic before the phrase is the clause's: 주당 stays what the figure is
        ("인수 가격은 주당 59달러로 정해졌다.", {"59달러": ([], "주당")}),
        # no per-unit phrase, no label
        ("올해 박물관의 관람료는 5000원으로 올랐다.", {"5000원": ([], "관람료")}),
    ],
)
def test_a_price_per_unit_carries_its_class(text, expected):
    found = {
        c.surface: (sorted(k for k, _ in c.context if k.startswith("@")), c.subject)
        for c in _claims_of(text)
        if c.kind == "money"
    }
    assert found == expected


def test_a_nationality_meets_its_country():
    """중국인 is of 중국: a feature of its own beside the word and its bigrams."""
    from factcheck.align import features

    assert ("중국", 0.75) in features("중국인")
    assert not any(k == "대" for k, _ in features("대만"))


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("국가별로는 중국이 640만명으로 가장 많았다.", "640만명", False),  # 중국, not 중
        ("승객 중 7명이 다쳤다.", "7명", True),
        ("이 가운데서 7명이 다쳤다.", "7명", True),
    ],
)
def test_a_share_is_after_the_word_jung_not_a_word_starting_with_it(text, surface, part):
    assert ("part" in _claim(text, surface).qualifiers) is part


def test_the_same_period_of_a_year_is_that_years():
    """ "2019년 같은 기간 방한객은 1460만명": the figure is 2019's, not this year's."""
    claim = _claim("코로나19 이전인 2019년 같은 기간 방한객은 1460만명이었다.", "1460만명")
    assert claim.scope == ("2019-01-01", "2019-12-31")


@pytest.mark.parametrize(
    ("text", "surface", "scoped"),
    [
        ("업체들은 약 1년 6개월 동안 출고가를 평균 7.9% 인상했다.", "7.9%", True),
        ("업체들은 2021년 8월부터 2023년 2월까지 출고가를 평균 9.7% 올렸다.", "9.7%", True),
        ("조직은 지난 3월부터 9월까지 6차례 마약을 들여왔다.", "6차례", True),
        # a span of days is a schedule, not a stretch the figure is summed over
        ("다음 달 3일부터 14일까지 계열사 12곳이 지원서를 받는다.", "12곳", False),
        ("업체들은 출고가를 평균 9.7% 올렸다.", "9.7%", False),
        # a stretch named after the figure is what its clause says of it, not what it was
        # counted over
        ("이는 4만 가구가 1년 동안 쓸 수 있는 양이다.", "4만 가구", False),
        ("지난 3년간 1만2000명이 다녀갔다.", "1만2000명", True),
        # a change against the same months of last year: the months frame the comparison
        ("1월부터 10월까지 신고가 지난해 같은 기간보다 38% 늘었다.", "38%", False),
    ],
)
def test_a_figure_over_a_stretch_of_months_is_scoped_by_it(text, surface, scoped):
    assert ("duration_scope" in _claim(text, surface).qualifiers) is scoped


def test_a_date_since_which_is_the_start_of_a_span():
    claim = _claim("1982년 이후 전국에서 문을 닫은 학교는 3955곳이다.", "1982년")
    assert {"span", "span_start"} <= claim.qualifiers


@pytest.mark.parametrize(
    ("text", "surface", "quals"),
    [
        # a past relative clause (내린, 생산된) is done, past an adjective (가장 많은)
        ("이날 오후 5시까지 가장 많은 눈이 내린 곳은 어리목이다.", "오후 5시", {"done", "until"}),
        ("눈은 30일 오전까지 이어지겠다.", "30일", {"plan", "until"}),
        # the bounds of a span are no window's end of their own
        ("접수는 3일부터 14일까지 받는다.", "14일", set()),
        # 까지 before the copula ends a window too
        ("신청 기간은 오는 30일까지다.", "오는 30일", {"until"}),
        ("공사는 이달 말까지였다.", "이달 말", {"done", "until"}),
    ],
)
def test_the_end_of_a_window_and_its_tense(text, surface, quals):
    claim = _claim(text, surface, published="2026-11-29")
    assert claim.qualifiers & {"done", "plan", "until"} == quals


def test_a_windows_end_to_come_never_meets_one_that_has_passed():
    passed = _claim(
        "이날 오후 5시까지 가장 많은 눈이 내린 곳은 어리목이다.", "오후 5시", "2026-11-29"
    )
    coming = _claim("기상청은 내일 오전까지 눈이 더 내리겠다고 예보했다.", "내일", "2026-11-29")
    vec = {"눈": 1.0}
    assert pair_similarity(passed, coming, vec, vec) == 0.0


def test_a_quoted_name_before_a_figure_labels_it():
    claims = _claims_of(
        "국토교통부는 한빛자동차 '노을' 3만4천대, '바람' 2만1천대, '구름' 7천대를 리콜한다."
    )
    found = {
        c.surface: (c.subject, "list_item" in c.qualifiers) for c in claims if c.kind == "count"
    }
    assert found == {
        "3만4천대": ("노을", True),
        "2만1천대": ("바람", True),
        "7천대": ("구름", True),
    }


def test_a_place_is_context_of_a_time_and_is_one_word():
    """ "목포항에서 오전 9시, 제주항에서 오후 4시에 출발한다": each time's context holds its
    port, as the word another outlet writes whole (제주항), not its last syllable (항)."""
    claims = _claims_of(
        "이 배는 하루 1회 왕복 운항한다. 목포항에서 오전 9시, 제주항에서 오후 4시에 출발한다.",
        published="2026-11-20",
    )
    (four,) = [c for c in claims if c.surface == "오후 4시"]
    context = dict(four.context)
    assert context.get("제주항", 0) > context.get("목포항", 0)
    assert "항" not in context


def test_story_words_hold_the_telling_figures():
    from factcheck.align import story_nouns

    claims = _claims_of("3등은 3012명으로 각 148만원을 받는다. 1등은 12명, 지난 28일 추첨했다.")
    figures = sorted(k for k in story_nouns((), claims) if k.startswith("#"))
    # 3012명 and 148만원 tell a story apart; 12명, 1등 and a date do not
    assert figures == ["#1480000KRW", "#3012명"]


def test_unrelated_stories_are_not_compared():
    articles = [
        {
            "outlet": "가람일보",
            "published": "2025-01-01",
            "text": "부산시는 북항 재개발 2단계 사업비로 5천억 원을 투입한다고 발표했다. 북항 재개발은 2030년 완공이 목표다.",
        },
        {
            "outlet": "나래신문",
            "published": "2025-01-01",
            "text": "대전시는 유성구 과학 공원 조성에 5조 원을 쓴다고 밝혔다. 과학 공원은 대덕연구단지 옆에 들어선다.",
        },
    ]
    report = check_documents(make_documents(articles), Settings())
    assert len(report.stories) == 2
    assert report.conflicts == ()


def test_an_undated_figure_is_not_another_articles_figure_of_a_period_it_states_too():
    """An article giving last year's dividend (지난해에는 1200원) as the others do gives its
    undated 1800원 for this year: 1800원 meets this year's 1500원, never last year's."""
    texts = [
        (
            "가람일보",
            "한빛전자는 결산배당을 결정했다. 배당은 보통주 1주당 1500원이다. "
            "지난해 결산배당은 보통주 1주당 1200원이었다.",
        ),
        (
            "나래신문",
            "한빛전자가 결산배당을 결정했다. 배당은 보통주 1주당 1500원이다. "
            "한빛전자는 지난해 보통주 1주당 1200원을 배당했다.",
        ),
        (
            "다온뉴스",
            "한빛전자가 결산배당을 결정했다. 보통주 1주당 1800원을 배당한다. "
            "지난해에는 주당 1200원을 배당했다.",
        ),
    ]
    articles = [{"outlet": o, "published": "2025-11-27", "text": t} for o, t in texts]
    report = check_documents(make_documents(articles), Settings())
    told = sorted(sorted({c.surface for side in x.sides for c in side}) for x in report.conflicts)
    assert told == [["1500원", "1800원"]]


def test_an_events_most_precise_date_is_its_date():
    """One outlet dates the closing to the year and to the day ("내년에 폐교하는", "폐교
    날짜는 내년 3월 2일이다"): the day is its date of the closing, which the other outlet's
    3월 1일 disagrees with; the year, which holds both, pairs neither."""
    texts = [
        (
            "가람일보",
            "교육부가 폐교 예정 학교 현황을 발표했다. 내년 3월 1일 자로 폐교하는 "
            "학교는 모두 49곳이다.",
        ),
        (
            "다온신문",
            "내년에 폐교하는 학교가 전국 49곳으로 나타났다. 폐교 날짜는 내년 3월 2일이다.",
        ),
    ]
    articles = [{"outlet": o, "published": "2026-11-24", "text": t} for o, t in texts]
    report = check_documents(make_documents(articles), Settings())
    told = sorted(sorted({c.surface for side in x.sides for c in side}) for x in report.conflicts)
    assert told == [["내년 3월 1일", "내년 3월 2일"]]


def test_undated_figures_that_state_another_periods_figure_are_of_that_period():
    """Last week's 0.19% (dated) never meets another outlet's undated 0.05% when that
    outlet's undated 0.23% is the first outlet's figure of this week."""
    from factcheck.align import _undated_of_another_period

    dated = _claims_of(
        "이번 주 서울 아파트값은 0.23% 올라 지난주(0.19%)보다 상승폭이 커졌다.", "2026-11-27"
    )
    plain = _claims_of("서울 아파트값은 0.23% 상승했다. 전국 아파트값은 0.05% 상승했다.")
    plain = [replace(c, doc_id="other") for c in plain]
    last_week = next(c for c in dated if c.surface == "0.19%")
    assert (
        last_week.scope and last_week.scope != next(c for c in dated if c.surface == "0.23%").scope
    )
    vectors = {c.id: {"서울": 1.0, "아파트값": 1.0} for c in dated + plain}
    periods = {dated[0].doc_id: [c for c in dated if c.scope]}
    undated = [c for c in plain if c.kind == "percent"]
    assert _undated_of_another_period(last_week, undated, periods, vectors)
    # with no undated figure stating this week's, nothing ties the other article's figures
    assert not _undated_of_another_period(last_week, undated[1:], periods, vectors)


def test_a_year_and_a_day_beside_one_figure_are_not_one_date_by_structure():
    """ "728조원 규모의 2027년도 예산안을 가결" / "2일 728조원 규모의 내년 예산을 확정": the
    shared figure pairs figures and dates of one event, not a year label with a day."""
    from factcheck.align import _Structure, figures_by_sentence

    year = next(
        c
        for c in _claims_of("국회는 728조원 규모의 2027년도 예산안을 가결했다.", "2026-12-02")
        if c.surface == "2027년도"
    )
    others = _claims_of("국회가 2일 728조원 규모의 내년 예산을 확정했다.", "2026-12-02")
    others = [replace(c, doc_id="other") for c in others]
    day = next(c for c in others if c.surface == "2일")
    members = [year, day]
    figures = figures_by_sentence(
        [c for c in _claims_of("국회는 728조원 규모의 2027년도 예산안을 가결했다.", "2026-12-02")]
        + others
    )
    assert not _Structure(members, figures).one_fact(year, day)


def _city_story(outlet, project, district, agency, official, money, lead):
    return {
        "outlet": outlet,
        "published": "2025-03-04",
        "text": (
            f"{lead} 청주시는 4일 청주 {project} 조성 계획을 발표했다. "
            f"총사업비는 {money}이다. 시는 2027년 2월 착공해 2030년 준공할 계획이다. "
            f"사업은 {district} 일대에서 {agency}가 맡는다. "
            f"{official} 청주시 경제국장은 “{district} 일대가 새로운 성장 동력이 될 것”이라고 말했다."
        ),
    }


def test_stories_in_one_city_with_one_template_do_not_chain():
    """Two projects one city announced the same week, written from the same press-release
    template: every article looks much like every other, yet each story's articles resemble
    each other more. Single linkage on an absolute threshold merged them into one story."""
    leads = ["", "[단독]", "지역 경제 활성화 기대."]
    outlets = ["가람일보", "나래신문", "다온경제"]
    a = [
        _city_story(o, "수소 특구", "마혜동", "사영개발공사", "정원라", "1200억원", lead)
        for o, lead in zip(outlets, leads)
    ]
    b = [
        _city_story(o, "바이오 클러스터", "태민동", "현도개발공사", "김수진", "3000억원", lead)
        for o, lead in zip(["라온뉴스", "마루투데이", "바다타임스"], leads)
    ]
    report = check_documents(make_documents(a + b), Settings())
    groups = sorted(sorted(m) for m in report.stories.values())
    assert len(groups) == 2
    assert {len(g) for g in groups} == {3}
    # different projects' budgets are not one fact
    assert report.conflicts == ()


def test_a_portal_copy_groups_only_with_its_origin():
    """Three outlets print one press release almost word for word and a portal re-posts one
    of them. Only the portal page and its origin are one source; the outlet that changed the
    start month must still be set against the others (it was swallowed into the portal's
    group when any page marked as a repost could be a copy of anything)."""
    body = (
        "청주시는 4일 청주 수소 특구 조성 계획을 발표했다. 총사업비는 1200억원이다. "
        "시는 2027년 {month}월 착공해 2030년 준공할 계획이다. "
        "사업은 마혜동 일대에서 사영개발공사가 맡는다."
    )
    articles = [
        {"outlet": "가람일보", "published": "2025-03-04", "text": body.format(month=2)},
        {"outlet": "나래신문", "published": "2025-03-04", "text": body.format(month=2)},
        {"outlet": "다온경제", "published": "2025-03-04", "text": body.format(month=3)},
    ]
    docs = make_documents(articles)
    portal = replace(docs[0], id="0-portal-copy", repost_of="가람일보", reposted_by="네이트")
    report = check_documents((*docs, portal), Settings())
    assert list(report.repost_groups.values()) == [tuple(sorted((docs[0].id, "0-portal-copy")))]
    (conflict,) = report.conflicts
    assert conflict.kind == "date"
    outlets = [{report.documents_by_id[c.doc_id].outlet for c in side} for side in conflict.sides]
    assert sorted(map(sorted, outlets)) == [["가람일보", "나래신문"], ["다온경제"]]


def test_context_keeps_the_object_of_a_serial_verb_chain():
    """ "X를 … 확대하여 매년 N명을 배출": the object of the chained verbs is what the figure is
    about, however many modifiers stand between; a -고 clause before it is another clause."""
    from factcheck.claims import extract_claims
    from factcheck.sentences import split_documents

    (doc,) = make_documents(
        [
            {
                "outlet": "가람일보",
                "published": "2025-05-02",
                "text": "시는 올해 청년기술학교를 지역 인재 양성의 중심 기관으로 확대하여 매년 "
                "3천명의 기술 인력을 배출할 계획이다. 시는 도서관을 새로 짓고 해마다 200명의 사서를 뽑는다.",
            }
        ]
    )
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    first = next(c for c in claims if c.surface.startswith("매년"))
    weights = dict(first.context)
    assert max(weights.get(k, 0) for k in ("청년기술학교", "기술학교", "학교")) >= 0.6
    second = next(c for c in claims if "200명" in c.surface)
    assert dict(second.context).get("도서관", 0) < 0.6  # across -고: no argument floor


def _count(doc: str, n: int, value: float) -> Claim:
    q = Quantity("count", "명", value, value, value)
    return Claim(f"{doc}-{n}", doc, 0, "count", f"{value:g}명", n, n + 3, q, "", None, ())


def test_a_chain_through_other_figures_does_not_join_two_values_of_one_article():
    """d1 changed a part (5200) that matched d0's total best; d2 states the total and the
    part alike (1만, 4천). Joined by any link, one group held two values of d1 and of d2."""
    a_total, b_total, b_part = _count("d0", 0, 1e4), _count("d1", 0, 1e4), _count("d1", 9, 5200)
    c_total, c_part = _count("d2", 0, 1e4), _count("d2", 9, 4000)
    by_id = {c.id: c for c in (a_total, b_total, b_part, c_total, c_part)}
    matched = [
        ("d0-0", "d1-9", 0.58),
        ("d0-0", "d2-0", 0.60),
        ("d1-0", "d2-0", 0.50),
        ("d1-9", "d2-9", 0.49),
    ]
    groups, _ = join_matches(matched, by_id)
    assert [[c.id for c in g] for g in groups] == [["d0-0", "d1-9", "d2-0"]]


claim_ids = st.sampled_from([f"d{d}-{n}" for d in range(4) for n in range(3)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(claim_ids, claim_ids, st.floats(0.35, 1.0)), max_size=20))
def test_no_group_holds_two_disagreeing_values_of_one_article(pairs):
    by_id = {
        f"d{d}-{n}": _count(f"d{d}", n, 1000.0 * (1 + (d * n) % 3))
        for d in range(4)
        for n in range(3)
    }
    matched = [(a, b, w) for a, b, w in pairs if a.split("-")[0] != b.split("-")[0]]
    groups, score = join_matches(matched, by_id)
    for group in groups:
        for x in group:
            assert all(values_agree(x, y) for y in group if y.doc_id == x.doc_id)
    # every claim of a matched pair whose value fits is placed in at most one group
    placed = [c.id for g in groups for c in g]
    assert len(placed) == len(set(placed)) and set(placed) == set(score)


bags = st.dictionaries(st.sampled_from("가나다라마바사아자차"), st.floats(0.5, 3.0), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(bags, min_size=2, max_size=8), st.lists(st.integers(0, 90), min_size=8, max_size=8))
def test_story_links_are_the_cosines_of_every_candidate_pair(vectors, days):
    """The numpy scoring of candidate pairs gives what a plain dot product gives, and keeps
    the links near the best link of both their documents."""
    import math

    from factcheck.align import LOCAL_SCALE, NounMatrix, _story_links, cosine

    ids = [f"d{i}" for i in range(len(vectors))]
    matrix = NounMatrix(ids, vectors)
    vecs = {d: matrix.vector(d) for d in ids}
    day = dict(zip(ids, days))
    cfg = Settings()
    months = [None] * len(ids)  # every pair sharing a noun is a candidate
    got = {(a, b): score for score, a, b in _story_links(matrix, months, day, cfg)}
    strong = {
        (a, b): cosine(vecs[a], vecs[b])
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if abs(day[a] - day[b]) <= cfg.story_window_days
        and cosine(vecs[a], vecs[b]) >= cfg.story_similarity
    }
    best = {d: max([s for pair, s in strong.items() if d in pair], default=0.0) for d in ids}
    want = {
        (a, b): score
        for (a, b), score in strong.items()
        if score >= LOCAL_SCALE * min(best[a], best[b])
    }
    assert got.keys() == want.keys()
    for pair, score in got.items():
        assert math.isclose(score, want[pair], rel_tol=1e-9)


def test_idf_moves_in_steps_that_one_more_article_rarely_crosses():
    """IDF values are rounded to 1/IDF_STEPS so that an edit elsewhere leaves a story's
    cache key alone; the rounding must stay far below any threshold."""
    import math

    from factcheck.align import IDF_STEPS, Idf

    df = {f"f{k}": k for k in range(1, 20_000, 7)}
    before = Idf([(100_000, df)])
    after = Idf([(100_000, df), (4, {"f1": 1, "f8": 1})])  # one short article more
    assert before("f1") != after("f1")  # a rare feature's weight does move
    moved = [f for f in df if before.level(f) != after.level(f)]
    assert len(moved) <= len(df) // 100
    for f in ("f1", "f701", "f19461", "unseen"):
        exact = math.log((100_001) / (df.get(f, 0) + 1)) + 0.1
        assert abs(before(f) - exact) <= 0.5 / IDF_STEPS


@settings(max_examples=200, deadline=None)
@given(st.lists(bags, max_size=8))
def test_the_noun_matrix_rebuilds_the_plain_dictionaries_bit_for_bit(bag_list):
    """numpy builds the TF-IDF rows, but what the clustering reads back from them (weights,
    unit vectors, each document's most telling nouns among those another document has too)
    is exactly what plain Python gives."""
    import heapq
    import math

    from factcheck.align import NounMatrix

    ids = [f"d{i}" for i in range(len(bag_list))]
    matrix = NounMatrix(ids, bag_list)
    n, df = len(ids), {}
    for bag in bag_list:
        for k in bag:
            df[k] = df.get(k, 0) + 1
    telling = []
    for d, bag in zip(ids, bag_list):
        vec = {k: v * (math.log((n + 1) / (df[k] + 1)) + 1) for k, v in bag.items()}
        norm = math.sqrt(sum(w * w for w in vec.values()))
        unit = {k: w / (norm or 1.0) for k, w in vec.items()}
        assert list(matrix.vector(d).items()) == list(vec.items())
        assert list(matrix.unit_vector(d).items()) == list(unit.items())
        shared = [k for k in vec if df[k] >= 2]  # a noun of one document pairs nothing
        telling += [(d, k) for k in heapq.nsmallest(3, shared, key=lambda k: (-vec[k], k))]
    rows, cols = matrix.telling_nouns(3)
    assert [(ids[r], matrix.vocab[c]) for r, c in zip(rows, cols)] == telling


@settings(max_examples=300, deadline=None)
@given(
    st.lists(bags, min_size=1, max_size=12),
    st.lists(st.one_of(st.none(), st.integers(24300, 24306)), min_size=12, max_size=12),
)
def test_candidate_pairs_are_the_blocks_a_plain_index_gives(bag_list, months):
    """The numpy blocking equals a dictionary index of (noun, month) blocks, including the
    rule that a block of over MAX_BLOCK documents within a month either side is skipped,
    however the pairs are sliced."""
    from collections import defaultdict
    from unittest import mock

    import factcheck.align as align

    ids = [f"d{i}" for i in range(len(bag_list))]
    months = months[: len(ids)]
    matrix = align.NounMatrix(ids, bag_list)
    with (
        mock.patch.object(align, "MAX_BLOCK", 3),
        mock.patch.object(align, "BLOCK_NOUNS", 2),
        mock.patch.object(align, "PAIR_CHUNK", 4),  # many slices
    ):
        got = align._candidate_pairs(matrix, months).tolist()
        rows, cols = matrix.telling_nouns(align.BLOCK_NOUNS)
        index = defaultdict(list)
        for r, c in zip(rows.tolist(), cols.tolist()):
            index[(c, months[r])].append(r)
        want = set()
        for (noun, m), docs in index.items():
            near = [
                x for c, x in index if c == noun and (x is None or m is None or abs(x - m) <= 1)
            ]
            partners = {p for x in near for p in index[(noun, x)]}
            if len(partners) > align.MAX_BLOCK:
                continue
            want |= {min(a, b) * len(ids) + max(a, b) for a in docs for b in partners if a != b}
    assert got == sorted(want)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("개관", "오픈", True),
        ("쓰", "사용", True),  # 150만 가구가 쓸 전기 / 사용할 전력
        ("쓰", "투입", True),  # 예산을 쓰다 / 투입하다
        ("사용", "투입", False),
        ("착공", "준공", False),
        ("준공", "개통", True),
        ("열", "개최", True),  # 콘서트를 열다 / 개최하다
        ("열", "개관", True),  # 문을 열다 / 개관하다
        ("판매", "팔리", True),
        ("출발", "이륙", True),
        ("이륙", "착륙", False),
        ("파열", "터지", True),  # 상수도관이 파열됐다 / 터졌다
        ("강타", "발생", True),  # 호우가 강타한 / 발생한
        ("강타", "집계", False),  # the storm's day is not the tally's
        ("출산", "태어나", True),
        ("동원", "모으", True),  # 관중을 동원했다 / 모았다
        ("폐교", "닫", True),  # 문을 닫다 / 폐교하다
        ("실점", "내주", True),  # 먼저 실점했다 / 선제골을 내줬다
        ("넣", "실점", False),
        ("출범", "열", True),  # 통합시가 출범한다 / 문을 연다
        ("출범", "시작", True),
        ("출범", "착공", False),
        ("알려지", "전하", True),  # 연봉은 20억원으로 알려졌다 / 12억원으로 전해졌다: hearsay
        ("알려지", "밝히", True),
        ("알려지", "숨지", False),
        ("개막", "시작", True),  # 투어의 막을 올린다 / 투어를 시작한다
        ("재개", "시작", True),  # 운항을 재개한다 / 운항을 다시 시작한다
        ("재개", "준공", False),
        ("가로채", "챙기", True),  # 12억원을 가로챈 / 21억원을 받아 챙긴
        ("편취", "뜯", True),
        ("가로채", "검거", False),
        ("예상", "내다보", True),  # 16일께로 예상된다 / 16일께로 내다봤다
        ("전망", "예측", True),
        ("예상", "개막", False),
        ("참여", "참가", True),  # 파업에 참여한 / 참가한
        ("시행", "적용", True),  # 6월 12일부터 시행된다 / 적용된다
        ("발표", "내놓", True),  # 결과를 발표했다 / 내놨다
        ("증액", "늘", True),  # 예산이 1조2000억원 증액됐다 / 늘었다
        ("삭감", "감소", True),
        ("가동", "시작", True),  # 2029년 가동한다 / 2029년 가동을 시작한다
        ("가동", "준공", False),  # a plant completed in 2028 may run from 2029
        ("수주", "체결", True),  # 4조7000억원에 수주했다 / 계약을 맺었다
        ("따내", "맺", True),  # 공사를 따냈다 / 계약을 맺었다
        ("수주", "착공", False),
    ],
)
def test_event_classes_of_predicates(a, b, same):
    from factcheck.claims import predicate_classes

    assert bool(predicate_classes(a) & predicate_classes(b)) is same


def test_a_predicate_in_two_event_classes_meets_either():
    """조성 builds a site or raises a fund: against 모으 (raise) it is one event, so the one
    figure each article raises is compared however differently the sentences are worded."""
    base = "부산시는 1일 해양 신산업 육성 계획을 내놨다.\n\n"
    articles = [
        {
            "outlet": "가온일보",
            "published": "2026-05-02",
            "text": base + "시는 민간과 함께 해양 벤처 펀드 3000억원을 조성한다. "
            '박 시장은 "항만 도시의 새 먹거리"라고 말했다.',
        },
        {
            "outlet": "나래신문",
            "published": "2026-05-02",
            "text": base + "5000억원을 모아 해양 기업에 투자한다. "
            "시는 항만 도시의 새 성장 동력을 찾겠다고 했다.",
        },
    ]
    report = check_documents(make_documents(articles), Settings())
    assert [[c.surface for c in side] for r in report.conflicts for side in r.sides] == [
        ["3000억원"],
        ["5000억원"],
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # document
            st.dictionaries(st.sampled_from("abcdef"), st.sampled_from([0.0, 0.3, 1.0])),
        ),
        max_size=10,
    ),
    st.dictionaries(st.sampled_from(["d0", "d1", "d2", "d3"]), st.sampled_from("gh")),
)
def test_claim_pairs_are_every_pair_of_two_sources_sharing_a_feature(rows, groups):
    """The blocking yields exactly the pairs the plain definition names: a claim of a
    smaller document id with a claim of another source whose vector weighs one of its
    features, each pair once."""
    from factcheck.align import _claim_pairs

    members = [_count(f"d{doc}", n, 1.0) for n, (doc, _) in enumerate(rows)]
    vectors = {c.id: vec for c, (_, vec) in zip(members, rows)}
    reposts = {d: g for d, g in groups.items()}
    got = [(c.id, o.id) for c, o in _claim_pairs(members, vectors, reposts)]
    expected = {
        (c.id, o.id)
        for c in members
        for o in members
        if o.doc_id > c.doc_id
        and reposts.get(o.doc_id) != reposts.get(c.doc_id)
        and any(vectors[o.id].get(f, 0) > 0 for f in vectors[c.id])
    }
    assert len(got) == len(set(got))
    assert set(got) == expected


@pytest.mark.parametrize(
    ("text", "surface", "rate"),
    [
        ("광주 북구에는 한때 시간당 80㎜의 폭우가 쏟아졌다.", "80㎜", True),
        ("광주에는 최대 420㎜의 비가 내렸다.", "420㎜", False),
        ("이 공장은 연간 5000대를 만든다.", "5000대", True),
        ("이 공장은 5000대를 만들었다.", "5000대", False),
    ],
)
def test_a_figure_per_unit_of_time_is_a_rate(text, surface, rate):
    """시간당 80㎜ (an hourly rate) and 420㎜ in all are two measures of one rain."""
    (claim,) = [c for c in _claims_of(text) if surface in c.surface]
    assert ("rate" in claim.qualifiers) is rate


def _claim(text: str, surface: str, published: str = "2025-12-05") -> Claim:
    (claim,) = [c for c in _claims_of(text, published) if c.surface.strip() == surface]
    return claim


@pytest.mark.parametrize(
    ("text", "surface", "sized"),
    [
        ("펀드는 5000억원 규모로 조성된다.", "5000억원", True),
        ("정부는 5조원을 목표로 기금을 모은다.", "5조원", True),
        # a hedge is no size: 수준, like 안팎 and 가량, says the figure is rough, and one
        # outlet's 20억원 수준 must meet another's 12억원 안팎 as well as 20억원 flat
        ("연봉은 20억원 수준으로 알려졌다.", "20억원", False),
        ("연봉은 12억원 안팎으로 전해졌다.", "12억원 안팎", False),
    ],
)
def test_a_size_noun_is_a_context_feature_and_a_hedge_is_none(text, surface, sized):
    from factcheck.claims import MEASURE_FEATURE

    features = {noun for noun, _ in _claim(text, surface).context}
    assert (MEASURE_FEATURE in features) is sized, features
    assert "수준" not in features


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name kiwipiepy cuts into pieces (이 + 동 + 현), before a compound title
        ("이사회는 이동현 주택사업본부장(부사장)을 대표로 선임했다.", ["이동현"]),
        ("한빛건설이 이동헌 부사장을 대표이사로 내정했다.", ["이동헌"]),
        # words it reads whole, or as a noun and a suffix, are no names
        ("이사회 의장은 조달청 차장과 만났다.", []),
        ("주주들 대표는 반대했다.", []),
    ],
)
def test_a_name_kiwipiepy_does_not_know_before_a_title(text, names):
    found = [c.value.key for c in _claims_of(text) if c.kind == "person"]
    assert found == names


def test_one_conflict_found_through_two_groups_is_told_once():
    from factcheck.pipeline import without_repeats

    (claim,) = [
        c for c in _claims_of("이 영화의 누적 관객은 모두 9만명으로 집계됐다.") if c.kind == "count"
    ]
    conflict = Conflict(
        id="x",
        rule="amount-mismatch",
        kind="count",
        topic="관객",
        severity="high",
        confidence=0.9,
        explanation="",
        sides=((claim,), (claim,)),
    )
    twice = [conflict, replace(conflict, topic="관객 수")]
    assert without_repeats(twice) == [conflict]


def test_a_surname_stands_for_the_full_name_given_first():
    """김철수 후보 … 김 후보: one person, whose name a figure's context then holds."""
    text = "무소속 김철수 후보가 당선됐다. 김 후보는 1만8432표를 얻었다."
    assert dict(_claim(text, "1만8432표").context).get("김철수") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        # two full names share the surname: 김 후보 is either, so it stays 김
        "김철수 후보와 김영희 후보가 맞붙었다. 김 후보는 1만8432표를 얻었다.",
        # no title after the full name: nothing says 김 is 김철수
        "김철수가 당선됐다. 김 후보는 1만8432표를 얻었다.",
    ],
)
def test_a_surname_is_left_alone_when_the_full_name_is_not_certain(text):
    assert "김철수" not in dict(_claim(text, "1만8432표").context)


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # in parentheses after a noun: the noun's figure
        ("김 후보는 득표율 53.2%로 박영희 후보(46.8%)를 앞섰다.", "46.8%", "박영희 후보"),
        # opening a relative clause: the head noun's figure
        ("김 후보는 1만6810표에 그친 박영희 후보를 앞섰다.", "1만6810표", "박영희 후보"),
        # a noun right before the figure measures it, whatever the clause modifies
        ("시는 총사업비 5000억원을 들인 허브를 열었다.", "5000억원", "사업비"),
        # a rate's suffix belongs to its noun
        ("김 후보는 득표율 53.2%로 당선됐다.", "53.2%", "득표율"),
    ],
)
def test_the_syntax_names_a_figures_owner(text, surface, subject):
    assert _claim(text, surface).subject == subject


def test_a_share_in_parentheses_is_the_share_of_the_figure_before_it():
    """1만8432표(52.3%): the share takes the votes' owner, not the nouns nearest to it."""
    text = "김철수 후보는 1만8432표(52.3%)를 얻어 1만6810표(47.7%)에 그친 박영희 후보를 눌렀다."
    winner, loser = _claim(text, "52.3%"), _claim(text, "47.7%")
    assert dict(winner.context)["김철수"] == 1.0 > dict(winner.context).get("박영희", 0)
    assert dict(loser.context)["박영희"] == 1.0 > dict(loser.context).get("김철수", 0)


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        ("김 후보는 박 후보를 1622표 차로 눌렀다.", "1622표", True),
        ("두 후보의 표 차는 1622표였다.", "1622표", True),
        ("두 지역의 격차는 300명에 이른다.", "300명", True),
        ("김 후보는 1만8432표를 얻었다.", "1만8432표", False),
        ("사고 현장에는 자동차 3대가 있었다.", "3대", False),
        # an amount added to what there was (더 내리겠다), not the total
        ("기상청은 산지에 최고 10㎝의 눈이 더 내리겠다고 예보했다.", "10㎝", True),
        ("18일까지 최대 100㎜의 비가 더 올 전망이다.", "최대 100㎜", True),
        # an extra amount that is no forecast is what another outlet calls 추가 지급
        ("기초생활수급자는 15만원을 더 받는다.", "15만원", False),
        ("은메달 59개와 동메달 89개를 더해 모두 190개다.", "89개", False),
    ],
)
def test_a_difference_between_two_figures_is_a_change(text, surface, change):
    assert ("change" in _claim(text, surface).qualifiers) is change


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("코스피는 전 거래일보다 57.68포인트 내린 2450.12에 장을 마쳤다.", [2450.12]),
        ("코스닥은 1.8% 내린 702.35로 마감했다.", [702.35]),
        ("코스피 지수는 2,450.12로 거래를 마쳤다.", [2450.12]),
        ("이 식당의 평점은 4.35로 높았다.", []),  # no index named (a named decimal, below)
        ("코스피는 외국인 매도세에 밀려 2.3% 내린 채 장을 마쳤다.", []),  # a percentage
    ],
)
def test_a_bare_decimal_after_a_market_index_is_its_level(text, levels):
    claims = _claims_of(text)
    got = [
        c.value.value
        for c in claims
        if c.kind == "index" and c.value.unit == "pt" and "change" not in c.qualifiers
    ]
    assert got == levels


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("김도윤은 올 시즌 평균자책점 2.87을 기록했다.", [("평균자책점", 2.87)]),
        ("그는 타율은 0.325로 리그 1위에 올랐다.", [("타율", 0.325)]),
        ("이 식당의 평점은 4.35로 높았다.", [("평점", 4.35)]),
        # a decimal closed by a comma is whole (타율 0.312, 홈런 24개)
        ("그는 타율 0.312, 홈런 24개를 기록했다.", [("타율", 0.312)]),
        # a rate in 할, 푼 and 리 is the decimal it stands for, named by the rate
        ("그는 타율 3할1푼2리에 홈런 24개를 기록했다.", [("타율", 0.312)]),
        ("그는 타율 2할9푼8리, 출루율 3할6푼을 기록했다.", [("타율", 0.298), ("출루율", 0.36)]),
        ("팀 승률은 5할로 떨어졌다.", [("승률", 0.5)]),
        # a decimal with a unit, a time, a version in a name, a date: no named decimal
        ("합계출산율은 0.72명으로 떨어졌다.", []),
        ("성장률은 2.5%로 낮아졌다.", []),
        ("출시된 갤럭시 2.0 모델이 인기다.", []),
        ("이 회사는 3.1절 기념행사를 열었다.", []),
    ],
)
def test_a_bare_decimal_after_what_it_measures_is_named_by_it(text, figures):
    """평균자책점 2.87 vs 2.78: a unitless figure meets only figures named alike."""
    got = [
        (c.value.unit, c.value.value)
        for c in _claims_of(text)
        if c.kind == "index" and c.value.unit != "pt"
    ]
    assert got == figures


@pytest.mark.parametrize(
    ("text", "magnitudes"),
    [
        ("경주에서 규모 4.3의 지진이 발생했다.", [4.3]),
        ("이번 지진의 규모는 4.5였다.", [4.5]),
        ("지진 규모는 4.5로 관측됐다.", [4.5]),
        ("기상청은 이를 규모 4.3으로 하향 조정했다.", [4.3]),
        # a size after 규모 is no magnitude
        ("사업 규모 1.5조원이 투입된다.", []),
        ("지원 규모는 4.5억원이다.", []),
    ],
)
def test_an_earthquakes_magnitude_is_read_however_it_is_placed(text, magnitudes):
    assert [c.value.value for c in _claims_of(text) if c.kind == "magnitude"] == magnitudes


@pytest.mark.parametrize(
    ("text", "surface", "kind", "unit"),
    [
        ("계약 기간 4년, 총액 80억원에 계약했다.", "4년", "duration", "년"),
        ("한빛과 4년 최대 80억원에 계약했다.", "4년", "duration", "년"),
        ("구청장의 임기 4년이 시작됐다.", "4년", "duration", "년"),
        # the term as its clause's predicate, past the day it starts
        ("임기는 다음 달 1일부터 3년이다.", "3년", "duration", "년"),
        ("사장의 임기는 3년으로 연임할 수 있다.", "3년", "duration", "년"),
        ("구단은 2030년 6월까지 4년 계약을 맺었다.", "4년", "duration", "년"),
        ("구단은 이강호와 5년 재계약에 합의했다.", "5년", "duration", "년"),
        ("영화는 개봉 31일 만에 관객 1000만명을 넘었다.", "31일 만에", "duration", "일"),
        ("21년 만에 최다 인원이 몰렸다.", "21년 만에", "duration", "년"),
        ("이 영화는 역대 32번째 천만 영화가 됐다.", "32번째", "ordinal", "번째"),
    ],
)
def test_terms_elapsed_times_and_ordinals_are_read(text, surface, kind, unit):
    claim = _claim(text, surface)
    assert (claim.kind, claim.value.unit) == (kind, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unbounded"),
    [
        ("5G 가입자가 3500만명을 넘어섰다. 10월 말 가입자는 3512만명이다.", "3500만명", True),
        ("누적 관객이 1000만명을 돌파했다. 누적 관객은 1024만명이다.", "1000만명", True),
        ("5G 가입자는 3512만명으로 집계됐다.", "3512만명", False),
        # three digits: the count itself
        ("국내 판매량은 105만장을 넘어섰다. 첫날에만 110만장이 팔렸다.", "105만장", False),
        # no count of its own just above it: the figure as written
        ("공정률이 72%를 넘어섰다. 2단계 공정률은 31%다.", "72%", False),
    ],
)
def test_a_threshold_crossed_is_a_lower_bound_beside_its_own_count(text, surface, unbounded):
    """3500만명을 넘어섰다 beside 3512만명 says only that the count is above 3500만: it
    agrees with another outlet's 3521만, against which 3512만 is still compared."""
    claim = _claim(text, surface, published="2026-11-27")
    assert (claim.value.high == float("inf")) is unbounded


def test_the_dead_never_meet_the_injured_and_a_toll_so_far_meets_the_toll():
    """Counts of two exclusive events (숨지 / 다치) are of different people, however alike
    their sentences; a toll 'so far' (지금까지 120명이 숨지고) is the toll, not a running
    total to keep from a plain count."""
    so_far = _claim("당국은 지금까지 120명이 숨졌다고 밝혔다.", "120명")
    toll = _claim("당국은 124명이 숨졌다고 밝혔다.", "124명")
    injured = _claim("당국은 380여명이 다쳤다고 밝혔다.", "380여명")
    vec = {"당국": 1.0}
    assert "cumulative" in so_far.qualifiers
    assert pair_similarity(so_far, toll, vec, vec) > 0.35
    assert pair_similarity(toll, injured, vec, vec) == 0.0


def test_the_minute_of_a_goal_scored_never_meets_one_conceded():
    scored = _claim("손흥민이 전반 34분 동점골을 넣었다.", "34분")
    conceded = _claim("한국은 전반 17분 요르단에 먼저 실점했다.", "17분")
    vec = {"전반": 1.0, "골": 0.5}
    assert pair_similarity(scored, conceded, vec, vec) == 0.0


def test_a_ratio_of_a_measure_never_meets_the_measure():
    margin = _claim("영업이익률은 44%로 전 분기보다 높아졌다.", "44%")
    growth = _claim("영업이익은 87% 늘었다.", "87%")
    vec = {"영업": 1.0, "이익": 1.0}
    assert pair_similarity(margin, growth, vec, vec) == 0.0
    # the same measure, told alike, still meets
    again = _claim("영업이익은 1년 전보다 87% 증가했다.", "87%")
    assert pair_similarity(growth, again, vec, vec) > 0.35


def test_two_streaks_of_different_things_are_no_one_measure():
    """Each article's only streak in months, 수출 14개월 연속 증가 and 무역수지 7개월 연속
    흑자, share only 연속: no measure in common, so structure does not pair them."""
    from factcheck.align import _only_figures_of_one_measure

    exports = _claim("11월 수출이 반도체 호조에 힘입어 14개월 연속 증가했다.", "14개월")
    surplus = replace(
        _claim("무역수지는 85억달러 흑자로 7개월 연속 흑자 행진을 이어갔다.", "7개월"), doc_id="b"
    )
    per_doc = {exports.doc_id: 1, surplus.doc_id: 1}
    assert not _only_figures_of_one_measure(exports, surplus, per_doc)


def test_the_years_running_total_is_the_total_to_the_month_told():
    to_june = _claim("1~6월 누적 수출은 6280억달러로 늘었다.", "6280억달러", "2026-07-01")
    this_year = _claim("올해 누적 수출은 6280억달러다.", "6280억달러", "2026-07-01")
    vec = {"수출": 1.0}
    assert to_june.scope != this_year.scope
    assert pair_similarity(to_june, this_year, vec, vec) > 0.35
    # a plain figure of the year is still another period than the first half's
    year = _claim("올해 수출 목표는 7000억달러다.", "7000억달러", "2026-07-01")
    assert pair_similarity(to_june, year, vec, vec) == 0.0


def test_an_hourly_intensity_never_meets_a_total():
    """시간당 80㎜ (how hard it rained) and 420㎜ (how much fell) are two measures, however
    alike their sentences (폭우가 쏟아졌다 in both)."""
    hourly = _claim("광주 북구에는 시간당 80㎜의 폭우가 쏟아졌다.", "80㎜")
    total = _claim("광주에는 최대 420㎜의 폭우가 쏟아졌다.", "최대 420㎜")
    assert "intensity" in hourly.qualifiers and "intensity" not in total.qualifiers
    assert pair_similarity(hourly, total, {"폭우": 1.0}, {"폭우": 1.0}) == 0.0


@pytest.mark.parametrize(
    ("text", "surface", "intensity"),
    [
        # the clause's topic is the rate per hour, however far before the figure
        ("시간당 최대 강수량은 19일 오후 3시 기록한 80㎜였다.", "80㎜", True),
        ("시간당 강수량은 한때 80㎜에 달했다.", "80㎜", True),
        # another topic between: the figure is of that one
        ("시간당 강수량은 80㎜였고, 누적 강수량은 312㎜였다.", "312㎜", False),
        ("누적 강수량은 312㎜에 달했다.", "312㎜", False),
    ],
)
def test_a_rate_per_hour_as_the_clauses_topic_is_an_intensity(text, surface, intensity):
    assert ("intensity" in _claim(text, surface).qualifiers) is intensity


def test_a_duration_takes_no_period_from_a_date_before_it():
    """2030년 6월까지 is the end of a 4-year term, 29일 the day it was signed: neither is the
    period the term is of (which would keep it from meeting another outlet's 4년)."""
    for text, surface in (
        ("구단은 2030년 6월까지 4년 계약을 맺었다.", "4년"),
        ("구단은 29일 이강호와 5년 계약을 체결했다.", "5년"),
    ):
        claim = _claim(text, surface, published="2026-11-29")
        assert claim.scope is None and "distant" not in claim.qualifiers, text


def test_a_bare_year_count_elsewhere_is_not_a_term():
    """'26년 상반기 (an abbreviated year) and 3년 계약직 are no contract terms; 4년 연속 is a
    streak of four years (7년 연속 무분규 vs 6년 연속), never a term or a date."""
    for text in (
        "이 제도는 26년 상반기에 시행된다.",
        "그는 3년 계약직으로 일했다.",  # a kind of job, not a term signed
    ):
        assert not [c for c in _claims_of(text) if c.kind == "duration"], text
    (streak,) = [c for c in _claims_of("수출이 4년 연속 늘었다.") if c.kind == "duration"]
    assert (streak.surface, streak.value.value, streak.value.unit) == ("4년 연속", 4.0, "년")


def _date(doc: str, iso: str, quals: tuple[str, ...]) -> Claim:
    from factcheck.models import DateValue

    y, m, d = (int(x) for x in iso.split("-"))
    value = DateValue(y, m, d, "day", iso, iso)
    return Claim(f"{doc}-{iso}", doc, 0, "date", iso, 0, 5, value, "", "개막", (), frozenset(quals))


@pytest.mark.parametrize(
    ("a", "b", "ruled_out"),
    [
        # this year's opening (told as past or untensed) and next year's planned one
        (("2025-03-28", ("done",)), ("2026-03-27", ("plan",)), True),
        (("2025-03-28", ()), ("2026-03-27", ("plan",)), True),
        # one date told two ways: a day apart, or a plan moved within the year
        (("2025-03-28", ("done",)), ("2025-03-29", ("plan",)), False),
        (("2025-03-28", ()), ("2025-11-30", ("plan",)), False),
        # two plans a year apart are one plan told two ways (개통 2026년 vs 2027년 예정)
        (("2026-06-01", ("plan",)), ("2027-06-01", ("plan",)), False),
    ],
)
def test_a_past_date_and_next_years_plan_are_two_occurrences(a, b, ruled_out):
    from factcheck.align import pair_similarity

    x, y = _date("d0", *a), _date("d1", *b)
    vec = {"축제": 1.0, "개막": 1.0}
    assert (pair_similarity(x, y, vec, vec) == 0.0) is ruled_out


def test_a_part_meets_a_plain_figure_when_both_name_the_same_measure():
    """ "이 가운데 외국인 관광객은 2만1천명" / "외국인 관광객은 1만2천명": one fact; a share
    without its own measure (그중 10분의 1인 5천억) still never meets a plain figure."""
    from factcheck.align import pair_similarity

    part = replace(_count("d0", 0, 21000), qualifiers=frozenset({"part"}), marked_subject="관광객")
    plain = replace(_count("d1", 0, 12000), marked_subject="관광객")
    vec = {"관광객": 1.0, "외국인": 1.0}
    assert pair_similarity(part, plain, vec, vec) > 0.9
    unnamed = replace(part, marked_subject="")
    assert pair_similarity(unnamed, plain, vec, vec) == 0.0


def test_a_part_meets_a_plain_figure_when_both_name_the_same_event():
    """ "이 가운데 7명이 구조됐고" / "7명은 구조됐다": one count of the rescued. A part of
    another event (숨지) still never meets it."""
    from factcheck.align import pair_similarity

    part = replace(_count("d0", 0, 7), qualifiers=frozenset({"part"}), predicate="구조")
    plain = replace(_count("d1", 0, 7), predicate="구조")
    vec = {"어선": 1.0, "선원": 1.0}
    assert pair_similarity(part, plain, vec, vec) > 0.9
    assert pair_similarity(replace(part, predicate="숨지"), plain, vec, vec) == 0.0


def test_a_total_over_a_period_meets_a_part_of_a_stated_total():
    """ "4년간 연봉은 총 45억원" / "총액 80억원 … 연봉 40억원": both the salary over the term.
    A plain figure with no total around it still never meets a total over a period."""
    from factcheck.align import pair_similarity

    over_term = replace(
        _count("d0", 0, 45), qualifiers=frozenset({"duration_scope", "total"}), predicate="연봉"
    )
    summand = replace(_count("d1", 0, 40), qualifiers=frozenset({"summand"}), predicate="연봉")
    vec = {"연봉": 1.0, "계약금": 1.0}
    assert pair_similarity(over_term, summand, vec, vec) > 0.8
    assert pair_similarity(over_term, replace(summand, qualifiers=frozenset()), vec, vec) == 0.0


@pytest.mark.parametrize(
    ("text", "surface", "predicate"),
    [
        # a day of the news before a quoted or a chained clause dates the announcement
        ("교육부가 17일 모집인원을 3058명으로 되돌린다고 발표했다.", "17일", "발표"),
        ("교육부는 16일 모집인원을 3058명으로 확정해 발표했다.", "16일", "발표"),
        ("교육부는 모집인원을 3058명으로 확정했다고 17일 밝혔다.", "17일", "밝히"),
        # 오른다고 read as 오르 + ᆫ다 (EF) + 고 (JKQ): quoted all the same
        ("국토교통부는 17일 내년 표준지 공시지가가 평균 4.2% 오른다고 밝혔다.", "17일", "밝히"),
        # a later day is what the quote is about
        ("정부는 다음 달 1일 요금을 인상한다고 밝혔다.", "다음 달 1일", "인상"),
        # no reporting verb: the first verb is the event
        ("시는 17일 착공식을 열고 공사를 시작했다.", "17일", "착공"),
        # the aim's event noun, past a noun that narrows it (국내 출시), not the clause's verb
        ("회사는 내년 상반기 국내 출시를 목표로 급여 등재를 추진한다.", "내년 상반기", "출시"),
        ("회사는 내년 상반기 출시를 목표로 한다.", "내년 상반기", "출시"),
        # the goal's event, whatever verb sets the goal
        ("회사는 2028년 가동을 목표로 제시했다.", "2028년", "가동"),
        # an idiom's object and verb mean its event: a ballpark that opens its doors
        ("한솔시 새 야구장이 2029년 문을 연다.", "2029년", "개장"),
        ("시는 2027년 개통을 목표로 공사를 진행하고 있다.", "2027년", "개통"),
        # a word for a stage of an event names the event before it, not itself
        ("누리호가 27일 오후 6시42분 발사에 성공했다.", "27일 오후 6시42분", "발사"),
        ("노조는 11일 파업에 돌입했다.", "11일", "파업"),
        ("공사는 다음 달 1일 착공에 들어간다.", "다음 달 1일", "착공"),
        ("누리호가 27일 오후 6시42분 발사됐다.", "27일 오후 6시42분", "발사"),
        ("협상은 3일 타결에 실패했다.", "3일", "타결"),
        # damage names the event it is done by: 단수 피해를 입었다 is a cut-off
        ("서강구에서 2만1000가구가 단수 피해를 입었다.", "2만1000가구", "단수"),
        # an event noun before the figure with 로 is its cause, not what it counts
        ("상수도관 파열로 8만3000가구가 15시간 동안 단수됐다.", "8만3000가구", "단수"),
        ("이번 사고로 3명이 숨졌다.", "3명", "숨지"),
        # an event noun written onto a proper noun ends a name (한솔건설), no event
        ("한솔건설이 12억달러 규모의 공사를 수주했다.", "12억달러", "수주"),
        ("착공이 내년 3월로 잡혔다.", "내년 3월", "착공"),
        # a relative clause that only describes the subject of an occurrence does not date
        ("26일 오전 4시 20분께 지하에 묻힌 상수도관이 파열됐다.", "26일 오전 4시 20분", "파열"),
        (
            "26일 오전 4시 20분께 지하를 지나는 지름 800㎜ 관이 파열됐다.",
            "26일 오전 4시 20분",
            "파열",
        ),
        # ... one of its own event does, whatever the sentence's verb
        ("지난 26일 점심 급식을 먹은 학생 102명이 복통 증상을 보였다.", "지난 26일", "먹"),
        ("2018년 4월 첫선을 보인 공공자전거의 이용 건수가 집계됐다.", "2018년 4월", "보이"),
        # a verb that says only that its subject took place: the subject is the event
        ("당국 신고는 21일에야 이뤄졌다.", "21일", "신고"),
        ("현장 조사는 지난 3일 실시됐다.", "지난 3일", "조사"),
        # ... and one whose object is the event (not the subject, 경찰)
        ("경찰은 지난 3일 현장 조사를 실시했다.", "지난 3일", "조사"),
        ("한빛전자는 보통주 1주당 1500원의 결산배당을 실시한다.", "1500원", "배당"),
        ("협상은 3일 마무리됐다.", "3일", "협상"),
        # a time inside a relative clause is its verb's (the fire broke out at 10:30) ...
        (
            "지난 3일 오전 10시 30분께 창고에서 난 불로 3명이 숨졌다.",
            "지난 3일 오전 10시 30분",
            "나",
        ),
        # ... a figure that is the clause's subject belongs to the clause's own verb
        ("선원 6명은 주변에서 조업하던 어선에 구조됐다.", "6명", "구조"),
        ("연구동은 2026년 3월 착공할 예정이다.", "2026년 3월", "착공"),
        # a span's bounds (부터, 까지) mark no subject: the relative clause's verb dates it
        (
            "차량 소유자는 2025년 3월부터 2025년 8월까지 생산된 차량인지 확인해야 한다.",
            "2025년 3월",
            "생산",
        ),
        # the period of a figure is not dated to the announcement that closes its sentence
        ("복지부는 지난달 병상 가동률이 85.3%라고 밝혔다.", "지난달", None),
        # an adjective describing a noun is no predicate: the verb after the noun is
        ("구단별로는 LG가 139만명으로 가장 많은 관중을 모았다.", "139만명", "모으"),
        # a year followed by 생 is a birth year
        ("1966년생인 이 신임 대표는 1991년 입사했다.", "1966년", "출생"),
        ("이 대표는 1966년생으로 1991년 입사했다.", "1991년", "입사"),
        # a decision names the event decided on
        ("151곳 중 28곳이 평균 5.1% 인상을 결정했다.", "28곳", "인상"),
        # those voting for a cut are counted, not a cut by so many
        ("위원 12명 중 9명이 인하에 찬성했다.", "9명", "찬성"),
        # a figure stated as what its subject is: the relative clause that makes the subject
        ("등록금 동결을 결정한 곳은 98곳이다.", "98곳", "동결"),
        ("동결을 결정한 대학은 89곳이다.", "89곳", "동결"),
        ("올해 문을 연 매장은 12곳이다.", "12곳", "열"),
        # a date that is what its subject is: the subject names the event
        ("정식 출시는 다음 달 17일이다.", "다음 달 17일", "출시"),
        # ... not a word that only frames the date (시점, 예정일)
        ("사업의 준공 목표 시점은 2032년이다.", "2032년", "준공"),
        ("신도시선 개통 예정일은 다음 달 2일이다.", "다음 달 2일", "개통"),
        ("인수 완료 시점은 내년 6월로 제시됐다.", "내년 6월", "완료"),
        ("착공 시기는 내년 3월로 잡혔다.", "내년 3월", "착공"),
        # a verb that only says the date was set for the subject: the subject's event
        ("인사청문회는 다음 달 12일로 잡혔다.", "다음 달 12일", "청문회"),
        ("결승전 개막일은 3월 2일로 확정됐다.", "3월 2일", "개막"),  # the day of 개막
        # a birth in the date's clause is its event, whatever verb ends the sentence
        ("김 후보자는 1968년 경북 안동 출생으로 행정고시에 합격했다.", "1968년", "출생"),
        # a clause ends at its ending and comma: the next clause's event (출시) is not its
        # own; its subject (판매) is
        ("판매는 27일부터 다음 달 3일까지이며, 정식 출시는 다음 달 17일이다.", "27일", "판매"),
        # a day before a quoted clause whose announcement has a day of its own is the
        # quoted event's; a day before a quotation in marks is the day it was said
        ("동물원은 하늘이 지난 14일 새벽 쌍둥이를 출산했다고 16일 밝혔다.", "지난 14일", "출산"),
        ('동물원은 16일 "하늘이 14일 쌍둥이를 낳았다"며 "모두 건강하다"고 밝혔다.', "16일", "밝히"),
        # a verb kiwipiepy marks regular or irregular (뽑 VV-R, 짓 VV-I) is a verb
        ("기초단체장 226명을 뽑는 선거에는 699명이 등록했다.", "226명", "뽑"),
        ("시는 2028년까지 임대주택 3000가구를 짓는다.", "3000가구", "짓"),
        # 입 and 받 carry the noun before them
        ("이 사고로 근로자 3명이 부상을 입었다.", "3명", "부상"),
        # after 에 or 을/를, 잇, 힘입, 통하 … relate a phrase and name no event
        ("10월 수출이 반도체 호조에 힘입어 14개월 연속 증가했다.", "10월", "증가"),
        ("10월에는 지난해에 이어 스마트라이프위크를 진행한다.", "10월", "진행"),
        # a clause after a connective ending with a subject of its own is another's
        ("중국이 640만명으로 1위였고 일본이 270만명으로 뒤를 이었다.", "640만명", None),
        # a lasting state (세워져 있던 차) is dated by no moment: the fire is
        (
            "18일 오전 4시 12분께 아파트 지하 주차장에 세워져 있던 전기차에서 불이 났다.",
            "18일 오전 4시 12분",
            "나",
        ),
        ("3일 오후 2시께 공장에 쌓여 있던 자재에서 불이 났다.", "3일 오후 2시", "나"),
        ("2019년 세워진 공장은 지난해 문을 닫았다.", "2019년", "세우"),  # an event, no state
        # a verb made another figure's (2㎞ 떨어진 야산) is not the value's
        ("14일 오전 7시 30분께 집에서 2㎞ 떨어진 야산에서 발견됐다.", "14일 오전 7시 30분", "발견"),
        ("지난달 수출이 1년 전보다 7.4% 늘어난 612억달러로 집계됐다.", "지난달", "늘어나"),
        # a verb and its auxiliary as one verb (내 + 어 + 놓 of 내놨다 is 내놓, as 내놓았다)
        ("통계청은 17일 이런 내용의 조사 결과를 내놨다.", "17일", "내놓"),
        ("정부는 17일 대책을 내놓았다.", "17일", "내놓"),
        # the time since an event (발생 8시간 20분 만에) ends with the verb after it
        ("불은 발생 8시간 20분 만에 진화됐다.", "8시간 20분", "진화"),
        ("착공은 내년 3월이다.", "내년 3월", "착공"),  # the event noun itself
    ],
)
def test_the_event_a_value_belongs_to(text, surface, predicate):
    assert _claim(text, surface, published="2025-04-17").predicate == predicate


def test_words_that_only_say_something_took_place_name_no_event_class():
    """개최된다 meets 열린다 through the class ``hold``; were 개최 an occurrence word, the
    subject (축제) would replace it and the two would no longer meet."""
    from factcheck.claims import occurrence_words, predicate_classes

    assert all(predicate_classes(w) == {w} for w in occurrence_words())


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("수출", "수출", True),
        ("수출", "반도체 수출", True),  # one names it more narrowly
        ("반도체 수출", "자동차 수출", False),
        ("재학생 지원자", "기타 지원자", False),
        ("재학생 지원자", "재학생", True),
        ("수출", "수입", False),
        ("화장품 수출", "화장품 수출액", True),  # the amount of exports is what 수출 measures
        ("매출액", "매출", True),
        ("수출액", "수출량", False),  # a value is not a volume
        ("금액", "금", False),  # a stem of one syllable is no measure
    ],
)
def test_same_measure(a, b, same):
    assert same_measure(a, b) is same
    assert same_measure(b, a) is same


def test_a_school_year_never_meets_a_calendar_year():
    """2027학년도 수능 is held in 2026: "올해 수능" (2026) is the same exam, not a conflict."""
    school = _claim("2027학년도 수능 지원자가 52만명으로 집계됐다.", "2027학년도", "2026-10-10")
    calendar = _claim("올해 수능 지원자가 52만명으로 집계됐다.", "올해", "2026-10-10")
    assert "academic_year" in school.qualifiers and "academic_year" not in calendar.qualifiers
    vec = {"수능": 1.0, "지원자": 1.0}
    assert pair_similarity(school, calendar, vec, vec) == 0.0
    other_school = _claim(
        "2028학년도 수능 지원자가 52만명으로 집계됐다.", "2028학년도", "2026-10-10"
    )
    assert pair_similarity(school, other_school, vec, vec) > 0


@pytest.mark.parametrize("cells", [7, 2])  # a batch of about one pair; less than a pair
def test_story_links_do_not_depend_on_threads_or_batch_size(monkeypatch, cells):
    """Scoring in small batches on two threads gives the very links of one batch on one
    (a batch holds whole pairs, however few nouns it is asked to hold)."""
    import random

    import factcheck.align
    from factcheck.align import NounMatrix, _story_links

    rng = random.Random(7)
    nouns = [f"명사{i}" for i in range(30)]
    ids = [f"d{i:02d}" for i in range(40)]
    bags = [{k: float(rng.randint(1, 4)) for k in rng.sample(nouns, 6)} for _ in ids]
    matrix = NounMatrix(ids, bags)
    day = {d: rng.randint(0, 10) for d in ids}
    months = [None] * len(ids)
    whole = _story_links(matrix, months, day, Settings())
    monkeypatch.setattr(factcheck.align, "LINK_CELLS", cells)
    assert len(whole) > 10  # enough links that many batches are scored
    assert _story_links(matrix, months, day, Settings(), jobs=2) == whole
    assert _story_links(matrix, months, day, Settings(), jobs=1) == whole


def _links_with_memo(bags: dict[str, dict[str, float]], memo):
    from factcheck.align import NounMatrix, _story_links

    ids = sorted(bags)
    matrix = NounMatrix(ids, [bags[d] for d in ids])
    day = dict.fromkeys(ids, 0)
    return _story_links(matrix, [None] * len(ids), day, Settings(), memo=memo)


def _version(bag: dict[str, float]) -> str:
    return repr(sorted(bag.items()))  # content-addressed, as a file's cache key is


@settings(max_examples=150, deadline=None)
@given(
    st.lists(bags, min_size=2, max_size=8),
    st.dictionaries(st.integers(0, 7), bags, max_size=3),
    st.sets(st.integers(0, 7), max_size=2),
)
def test_story_links_from_an_earlier_run_are_the_links_computed_afresh(first, edits, unknown):
    """Scores kept from an earlier run (``StoryPairs``) give exactly the links of a run
    without them, whatever documents changed meanwhile (their nouns, and so the IDF of
    other documents' nouns) and whichever have no version (a draft)."""
    from factcheck.align import LinkMemo

    before = {f"d{i}": bag for i, bag in enumerate(first)}
    memo = LinkMemo({d: _version(b) for d, b in before.items()})
    assert _links_with_memo(before, memo) == _links_with_memo(before, None)
    after = {d: edits.get(i, bag) for i, (d, bag) in enumerate(before.items())}
    versions = {d: _version(b) for i, (d, b) in enumerate(after.items()) if i not in unknown}
    again = LinkMemo(versions, earlier=memo.latest)
    assert _links_with_memo(after, again) == _links_with_memo(after, None)
    # and the next run can start from this one's
    assert _links_with_memo(after, LinkMemo(versions, again.latest)) == _links_with_memo(
        after, None
    )


def test_only_pairs_of_changed_documents_are_scored_again():
    """A kept score is used for a pair whose documents are unchanged (shown here by forged
    kept scores), never for a pair with a changed document or with a document one of whose
    nouns changed document frequency."""
    from dataclasses import replace

    import numpy as np

    from factcheck.align import LinkMemo

    before = {
        "d0": {"가람": 2.0, "나래": 1.0},
        "d1": {"가람": 2.0, "나래": 2.0},
        "d2": {"다온": 2.0, "라온": 1.0},
        "d3": {"다온": 1.0, "라온": 2.0},
        "d4": {"다온": 1.0, "마루": 1.0},
    }
    memo = LinkMemo({d: _version(b) for d, b in before.items()})
    fresh = {(a, b): score for score, a, b in _links_with_memo(before, memo)}
    assert ("d0", "d1") in fresh and ("d2", "d3") in fresh
    forged = replace(memo.latest, strong_scores=np.full(len(memo.latest.strong), 0.99))
    after = dict(before, d4={"다온": 1.0, "마루": 1.0, "라온": 1.0})  # 라온 gains a document
    versions = {d: _version(b) for d, b in after.items()}
    got = {(a, b): score for score, a, b in _links_with_memo(after, LinkMemo(versions, forged))}
    assert got[("d0", "d1")] == 0.99  # kept: neither document nor the IDF of its nouns moved
    truth = {(a, b): score for score, a, b in _links_with_memo(after, None)}
    assert got[("d2", "d3")] == truth[("d2", "d3")] != 0.99  # 라온's IDF moved
    # a document whose counts changed but not its nouns: no IDF moves, its own vector does
    recounted = dict(before, d1={"가람": 1.0, "나래": 2.0})
    versions = {d: _version(b) for d, b in recounted.items()}
    got = {(a, b): s for s, a, b in _links_with_memo(recounted, LinkMemo(versions, forged))}
    truth = {(a, b): s for s, a, b in _links_with_memo(recounted, None)}
    assert got[("d0", "d1")] == truth[("d0", "d1")] != 0.99
    assert got[("d2", "d3")] == 0.99
    # kept scores of other documents are never used
    other = {d.replace("d", "e"): b for d, b in before.items()}
    elsewhere = LinkMemo({d: _version(b) for d, b in other.items()}, forged)
    assert {(a, b): s for s, a, b in _links_with_memo(other, elsewhere)} == {
        (a.replace("d", "e"), b.replace("d", "e")): s for (a, b), s in fresh.items()
    }


@pytest.mark.parametrize(
    ("text", "surface", "marks"),
    [
        # the level a change starts from, and the level it ends at
        ("한은은 기준금리를 연 2.50%에서 2.25%로 인하했다.", "연 2.50%", {"before"}),
        ("한은은 기준금리를 연 2.50%에서 2.25%로 인하했다.", "2.25%", set()),
        ("성장률 전망치를 기존 1.8%에서 0.2%포인트 낮췄다.", "1.8%", {"before"}),
        ("관람객은 3만명에서부터 5만명으로 늘었다.", "3만명", {"before"}),
        ("서울에서 10만명이 모였다.", "10만명", set()),  # a place, not a level
        ("누리호는 고도 550㎞에서 위성 8기를 궤도에 올렸다.", "550㎞", set()),  # a place too
        ("기준금리는 연 2.25%에서 동결됐다.", "연 2.25%", set()),  # no level follows
        # the whole a part is taken from, and the part
        ("금통위원 7명 가운데 5명이 인하에 찬성했다.", "7명", {"whole"}),
        ("금통위원 7명 중 2명이 동결 의견을 냈다.", "7명", {"whole"}),
        ("금통위원 7명 중 2명이 동결 의견을 냈다.", "2명", {"part"}),
        ("위원 12명 중 9명이 인하에 찬성했다.", "9명", {"part"}),  # votes for a cut: no change
        ("진앙은 다바오시에서 45㎞ 떨어진 해역이다.", "45㎞", set()),  # a distance apart
        # 10명 가운데 4명: a ratio written as counts, apart from every count of people
        ("미혼 청년 10명 가운데 4명은 결혼 계획이 없다.", "10명", {"whole", "ratio_phrase"}),
        ("미혼 청년 10명 가운데 4명은 결혼 계획이 없다.", "4명", {"part", "ratio_phrase"}),
        ("응답자 1000명의 가운데 절반이 찬성했다.", "1000명", {"whole"}),
        ("부상자 3명 중상을 입었다.", "3명", set()),  # 중상 is a word, not 중
        ("노인 인구는 전체 인구 5121만명의 20.0%를 차지했다.", "5121만명", {"base"}),
        # every later figure of the whole's kind in the sentence is one of its parts
        ("금통위원 7명 가운데 5명이 찬성했고 2명은 반대했다.", "2명", {"part"}),
        # a figure by which one thing exceeds another is a difference
        ("여성은 569만명으로 남성보다 114만명 많았다.", "114만명", {"change"}),
        ("예산은 6조1000억원으로 올해보다 1조2000억원 증액됐다.", "1조2000억원", {"change"}),
        ("올해 3391명보다 278명(8.2%) 적다.", "278명", {"change"}),
        ("여성은 569만명으로 남성보다 114만명 많았다.", "569만명", set()),
        # the level set against in parentheses (전작(61만장)보다) is the old one
        ("전작(61만장)보다 26만장 많다.", "61만장", {"before"}),
        ("전작(61만장)보다 26만장 많다.", "26만장", {"change"}),
        ("사교육비는 전년(27조1000억원)보다 7.7% 늘었다.", "27조1000억원", {"before"}),
        # a figure of a period years away is of another era
        ("10년 전 노인 인구는 654만명이었다.", "654만명", {"distant"}),
        ("2050년에는 65세 이상 비율이 40.1%에 이를 전망이다.", "40.1%", {"distant"}),
        ("지난해 노인 인구는 990만명이었다.", "990만명", set()),  # last year is no era
        # the level a change is measured against (보다) is the old level
        ("사망자는 전년 2551명보다 30명(1.2%) 줄었다.", "2551명", {"before"}),
        ("출생아는 23만8000명으로 전년보다 8000명 늘었다.", "23만8000명", set()),
        # a rate raised or cut from a level (인상, 인하) starts from it too
        ("올해 7.09%보다 1.14% 인상된 것이다.", "7.09%", {"before"}),
        ("올해 7.09%보다 1.14% 인상된 것이다.", "1.14%", set()),
        # a year since which is no period of the figure after it
        ("1976년 통계 작성 이후 처음으로 사망자가 2500명대에 진입했다.", "2500명대", set()),
        # a past date with 도 dates an earlier occurrence of the story's event
        ("이 현장에서는 지난해 8월에도 근로자 1명이 숨지는 사고가 있었다.", "1명", {"distant"}),
        ("앞서 지난 3일에도 2명이 다쳤다.", "2명", {"distant"}),
        ("지난해 8월 근로자 1명이 숨졌다.", "1명", set()),  # no 도: the story's own
        ("내년 3월에도 1000명을 채용한다.", "1000명", set()),  # a later date is no earlier one
        # the date of such a figure is of that era too
        ("종전 기록인 1994년 8월 1일의 38.4도에 근접했다.", "1994년 8월 1일", {"distant"}),
    ],
)
def test_before_and_whole_figures_are_marked(text, surface, marks):
    found = _claim(text, surface, published="2026-11-10").qualifiers & {
        "before",
        "whole",
        "base",
        "part",
        "change",
        "distant",
        "ratio_phrase",
    }
    assert found == marks


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        ("연휴인 지난달 27일부터 이달 5일까지 213만명이 이용했다.", "지난달 27일", True),
        ("연휴인 지난달 27일부터 이달 5일까지 213만명이 이용했다.", "이달 5일", True),
        ("조사는 지난 1~5일 성인 2512명을 대상으로 했다.", "5일", True),
        ("리콜은 오는 12월 2일부터 진행된다.", "오는 12월 2일", False),  # a start alone
        ("신청은 22일까지 받는다.", "22일", False),  # a deadline alone
        # times of day bound a span too (운행은 오전 5시부터 오후 6시까지 중단됐다)
        ("운행은 3일 오전 5시부터 오후 6시까지 중단됐다.", "오후 6시", True),
        ("운행은 오전 5시부터 오후 6시까지 중단됐다.", "오전 5시", True),
        ("운행은 오전 5시에 재개됐다.", "오전 5시", False),
    ],
)
def test_the_ends_of_a_span_of_days_are_marked(text, surface, span):
    """지난달 27일부터 이달 5일까지: the ends of a span meet only ends of spans, never the
    day of an event (이달 5일 vs 지난 4일)."""
    assert ("span" in _claim(text, surface, published="2026-10-06").qualifiers) is span


@pytest.mark.parametrize(
    ("text", "times"),
    [
        # hours kept every weekday are no moment of the day the article last named
        ("도서관은 평일 오전 9시부터 오후 10시까지 운영한다.", []),
        ("열람실은 매일 오후 6시에 문을 닫는다.", []),
        ("주말에는 오전 10시부터 문을 연다.", []),
        ("운행은 오후 9시 30분 재개될 예정이다.", ["오후 9시 30분"]),
    ],
)
def test_hours_kept_every_day_are_no_dated_times(text, times):
    found = [c.surface for c in _claims_of(text, "2026-05-12") if c.kind == "date"]
    assert found == times


def test_a_year_never_meets_the_day_the_news_was_heard():
    """경찰청은 7일 '2025년 교통사고 통계'를 발표했다 / 경찰청이 7일 발표한 통계: the year
    names what was announced; the days of announcement meet as before (both the 7th)."""
    from factcheck.align import pair_similarity

    text_a = "경찰청은 7일 이런 내용의 '2025년 교통사고 통계'를 발표했다."
    text_b = "경찰청이 7일 발표한 교통사고 통계에 따르면 사망자는 감소했다."
    year = _claim(text_a, "2025년", published="2026-04-07")
    day = _claim(text_b, "7일", published="2026-04-07")
    assert "reporting_day" in day.qualifiers
    words = {"경찰청": 1.0, "통계": 1.0}
    assert pair_similarity(year, day, words, words) == 0.0


def test_a_level_before_a_change_meets_only_levels_before_a_change():
    """ "2.50%에서 2.25%로" / "연 2.25%로": the old rate never meets the new one; the whole
    of a vote meets a plain count of it, and its parts only parts."""
    from factcheck.align import pair_similarity

    old = _claim("한은은 기준금리를 연 2.50%에서 2.25%로 인하했다.", "연 2.50%")
    new = _claim("한은은 기준금리를 연 2.50%에서 2.25%로 인하했다.", "2.25%")
    other = replace(_claim("한은은 기준금리를 연 2.25%로 인하했다.", "연 2.25%"), doc_id="d9")
    vec = {"기준": 1.0, "금리": 1.0}
    assert pair_similarity(old, other, vec, vec) == 0.0
    assert pair_similarity(new, other, vec, vec) > 0.5
    # the whole is a plain level (7 members, 284 passengers); its parts meet only parts
    whole = _claim("금통위원 7명 중 2명이 동결 의견을 냈다.", "7명")
    members = replace(_claim("금통위원은 모두 7명이다.", "7명"), doc_id="d9")
    assert pair_similarity(whole, members, vec, vec) > 0.5
    part = _claim("금통위원 7명 중 2명이 동결 의견을 냈다.", "2명")
    plain = replace(_claim("동결 의견을 낸 금통위원은 2명이다.", "2명"), doc_id="d9")
    assert pair_similarity(part, plain, vec, vec) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "telling"),
    [
        ("회원 337만명의 개인정보가 유출됐다.", "337만명의 이름과 주소가 유출됐다.", True),
        ("한국은행은 기준금리를 연 2.25%로 정했다.", "기준금리는 이제 연 2.25%가 됐다.", True),
        # a short figure many facts share, a round one, a hedged one, two units, two values
        ("공장 화재로 작업자 2명이 다쳤다.", "공장 화재로 작업자 2명이 숨졌다.", False),
        ("시는 올해 예산 100억원을 들였다.", "도는 사업비 100억원을 지원했다.", False),
        ("이 서비스에 회원 337만명이 가입했다.", "이 서비스에 약 337만명이 가입했다.", False),
        ("이 단지의 면적은 337만㎡에 이른다.", "이 도시에는 337만명이 살고 있다.", False),
        ("이 서비스의 회원은 337만명이다.", "이 서비스의 회원은 338만명이다.", False),
    ],
)
def test_same_telling_figure(a, b, telling):
    from factcheck.align import same_telling_figure

    (x,) = [c for c in _claims_of(a) if c.kind not in ("date", "place")]
    (y,) = [c for c in _claims_of(b) if c.kind not in ("date", "place")]
    assert same_telling_figure(x, y) is telling
    assert same_telling_figure(y, x) is telling


@pytest.mark.parametrize(
    ("text", "surface", "cumulative"),
    [
        ("영화는 개봉 31일 만에 누적 관객 1000만명을 넘었다.", "31일 만에", False),
        ("영화는 개봉 31일 만에 누적 관객 1000만명을 넘었다.", "1000만명", True),
        ("진달래밭에는 누적 890㎜의 비가 내렸다.", "누적 890㎜", True),
        ("관객은 1002만명(누적)이다.", "1002만명", True),
        ("그 결과 3000명 이상의 누적 취업자를 냈다.", "3000명 이상", True),
    ],
)
def test_a_running_total_is_marked_by_its_own_words(text, surface, cumulative):
    """누적 before a figure (or in parentheses after it) marks it; one after it belongs to
    the next figure."""
    assert ("cumulative" in _claim(text, surface).qualifiers) is cumulative


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        # a sentence with no subject of its own, or opening with 이는, states its figure of
        # what the sentence before measured
        (
            "보이스피싱 피해액이 4472억원으로 집계됐다. 지난해 같은 기간보다 128% 늘어난 규모다.",
            "128%",
            "보이스피싱 피해액",
        ),
        ("피해액이 4472억원에 이른다. 이는 지난해보다 182% 증가한 것이다.", "182%", "피해액"),
        # a figure that names its own measure or owner keeps it
        ("거래액이 21조원이다. 공정률 72%를 보였다.", "72%", ""),
        ("목표는 연간 1만명이다. 사업으로 6000명, 사관학교에서 4000명을 길러낸다.", "4000명", ""),
        # a sentence with its own subject keeps it
        ("피해액이 4472억원이다. 발생 건수는 1만6934건이었다.", "1만6934건", "발생 건수"),
    ],
)
def test_a_subjectless_sentence_continues_the_measure_before_it(text, surface, measure):
    assert _claim(text, surface).marked_subject == measure


def test_a_document_is_filed_under_the_nouns_it_shares_with_others():
    """Three articles of one story, one rich in words of its own (기록, 최다, 출국 …): its
    most telling shared nouns still make it a candidate of the other two, so the three
    are one story."""
    from factcheck.align import NounMatrix, _candidate_pairs

    own = {f"고유{i}": 3.0 for i in range(10)}  # weigh most, shared with nobody
    bags = [
        {**own, "인천공항": 1.0, "이용객": 1.0},
        {"인천공항": 2.0, "이용객": 2.0, "하루": 1.0},
        {"인천공항": 2.0, "이용객": 3.0, "평균": 1.0},
    ]
    matrix = NounMatrix(["a", "b", "c"], bags)
    pairs = {(int(k) // 3, int(k) % 3) for k in _candidate_pairs(matrix, [None] * 3)}
    assert pairs == {(0, 1), (0, 2), (1, 2)}


def test_an_object_before_the_figure_is_what_it_measures():
    """ "위원회는 … 보험료율을 7.19%로 의결했다": the committee acts, the rate is measured;
    read as the figure's measure, the committee carried over to the next sentence's
    figures (올해 7.09%보다 1.14% 인상된 것이다) and kept them from another outlet's
    인상률은 1.41%다."""
    text = "건강보험정책심의위원회는 25일 내년도 건강보험료율을 7.19%로 의결했다."
    assert _claim(text, "7.19%").marked_subject == ""
    follows = text + " 올해 7.09%보다 1.14% 인상된 것이다."
    assert _claim(follows, "1.14%").marked_subject == ""
    # an object after the figure: the marked noun still acts (정부 gives the subsidy)
    ev = "정부는 올해 전기차 30만대에 보조금을 지원한다."
    assert _claim(ev, "30만대", published="2027-01-08").marked_subject == ""
    # a subject with no object, or with the figure as its object, stays its measure
    assert _claim("반도체 수출은 150억 달러였다.", "150억 달러").marked_subject == "반도체 수출"
    assert _claim("수출은 150억 달러를 기록했다.", "150억 달러").marked_subject == "수출"
    assert _claim("수출은 150억달러를 기록했다.", "150억달러").marked_subject == "수출"
    assert _claim("수출이 지난해보다 약 12% 늘었다.", "약 12%").marked_subject == "수출"


@pytest.mark.parametrize(
    "text",
    [
        "지역가입자의 세대당 월평균 보험료는 8만8962원에서 9만251원이 된다.",
        "지역가입자 세대당 월평균 보험료는 9만2510원으로 오른다.",
    ],
)
def test_a_word_kiwipiepy_cuts_a_syllable_off_is_also_read_whole(text):
    """kiwipiepy reads 월평균 whole in one sentence and as 월 + 평균 in the other: both
    contexts hold 월평균, so the two outlets' premiums meet."""
    (claim,) = [c for c in _claims_of(text) if c.surface.startswith("9만")]
    assert "월평균" in dict(claim.context)


def test_a_word_that_ends_in_a_syllable_is_not_made_one():
    """통합 + 시 (a suffix cut off alike everywhere) and 미래 + 융합 + 혁신 + 특구 (a name):
    the whole word, rarer than its parts, would only set two contexts apart."""
    from factcheck.claims import written_compounds
    from factcheck.sentences import split_documents

    def compounds(text: str) -> list[str]:
        (doc,) = make_documents([{"outlet": "가람일보", "published": "2026-08-25", "text": text}])
        (sent,) = split_documents([doc])[doc.id]
        return [word for _, _, word in written_compounds(list(sent.tokens))]

    assert compounds("통합시는 2028년 7월 1일 공식 출범한다.") == []
    assert compounds("서초구 양재동 일대는 미래융합혁신특구로 지정됐다.") == []
    assert "월평균" in compounds("지역가입자 세대당 월평균 보험료는 9만2510원으로 오른다.")


def test_a_plan_announced_is_no_plan_of_the_day():
    """ "회사는 2일 투자 계획을 발표하며": the plan is what was announced on the 2nd (done,
    or no status), not a plan for the 2nd; "착공 계획이다" is a plan."""
    text = "회사는 2일(현지시간) 이런 내용의 투자 계획을 발표하며 2028년 가동을 목표로 제시했다."
    assert "plan" not in _claim(text, "2일", published="2026-06-03").qualifiers
    planned = "공장은 내년 3월 착공 계획이다."
    assert "plan" in _claim(planned, "내년 3월", published="2026-06-03").qualifiers


def test_a_passive_is_tensed_after_its_auxiliary():
    """치러진 (치르 + 어 + 지 + ᆫ) and 치러졌다 are done, as 열린 and 열렸다 are; a date
    wholly after its page is marked as still to come."""
    text = "16일 치러진 1차 투표에서 과반 득표자가 나오지 않았다."
    assert "done" in _claim(text, "16일", published="2026-11-17").qualifiers
    later = "결선 투표는 다음 달 14일 치러진다."
    assert "future" in _claim(later, "다음 달 14일", published="2026-11-17").qualifiers
    assert "future" not in _claim(text, "16일", published="2026-11-17").qualifiers


def test_a_day_that_happened_never_meets_a_day_to_come():
    """16일 치러진 1차 투표 (done, before its page) and 다음 달 21일 결선 투표가 열린다
    (wholly after it) are two rounds, however alike their words; a day set for later
    (다음 달 14일로 정해졌다: done, still to come) meets the coming one."""
    held = _claim("16일 치러진 1차 투표에서 과반 득표자가 나오지 않았다.", "16일", "2026-11-17")
    coming = _claim(
        "과반 득표자가 없어 다음 달 21일 결선 투표가 열린다.", "다음 달 21일", "2026-11-17"
    )
    set_for = _claim("결선 투표는 다음 달 14일로 정해졌다.", "다음 달 14일", "2026-11-17")
    vec = {"투표": 1.0}
    assert pair_similarity(held, coming, vec, vec) == 0.0
    assert pair_similarity(set_for, coming, vec, vec) > 0.0


def test_a_start_on_a_day_to_come_is_a_plan():
    """ "2027년부터 이전을 시작한다고 밝혔다" in a page of 2026: what starts then is
    planned, so it never meets the past start of an earlier move (2005년 시작된 1차
    이전); a past day with the same words is no plan."""
    text = "국토교통부는 3일 2027년부터 이전을 시작한다고 밝혔다."
    assert "plan" in _claim(text, "2027년", published="2026-09-03").qualifiers
    assert "plan" not in _claim(text, "2027년", published="2028-09-03").qualifiers


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("계약 금액은 약 65억달러다.", "계약 금액은 약 56억달러다.", False),  # swapped digits
        ("계약 금액은 약 65억달러다.", "계약 금액은 약 60억달러다.", True),  # two roundings
        ("계약 금액은 약 65억달러다.", "계약 금액은 65억달러다.", True),
        ("차량 45대가 불에 탔다.", "차량 54대가 불에 탔다.", False),
    ],
)
def test_hedged_figures_with_swapped_digits_disagree(a, b, agree):
    """약 65억달러 and 약 56억달러 overlap as hedged ranges (±10%), yet two outlets rounding
    one figure write it alike: the same digits in another order are a typing slip."""

    assert _figures_agree(a, b) is agree


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # a stock at the end of a period is of its last day, whatever period names it
        ("9월 말 가계신용 잔액은 1927조3000억원이다.", "1927조3000억원", ("2026-09-30",) * 2),
        ("3분기 말 가계신용 잔액은 1927조3000억원이다.", "1927조3000억원", ("2026-09-30",) * 2),
        ("지난해 말 기준 등록 반려견은 352만마리다.", "352만마리", ("2025-12-31",) * 2),
        # a flow over the period keeps the period
        ("3분기 매출은 10조원이다.", "10조원", ("2026-07-01", "2026-09-30")),
    ],
)
def test_a_figure_at_the_end_of_a_period_is_of_its_last_day(text, surface, scope):
    assert _claim(text, surface, published="2026-11-19").scope == scope


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # an adverb of size (모두, 총) between a date and its figure is no clause of its own
        ("올해 보조금 지원 물량은 모두 20만대다.", "20만대", ("2027-01-01", "2027-12-31")),
        ("올해 신청 물량은 전부 20만대였다.", "20만대", ("2027-01-01", "2027-12-31")),
        ("올해 보조금을 받고 20만대가 팔렸다.", "20만대", None),  # a verb between
    ],
)
def test_a_date_across_an_adverb_of_size_is_its_figures_period(text, surface, scope):
    assert _claim(text, surface, published="2027-01-08").scope == scope


def test_a_baselines_date_in_parentheses_is_no_date_of_the_story():
    """ "평년(9월 29일)보다 3일 늦다": the normal day is what today is set against; a
    month's figure in parentheses (10월(1.8%)보다) still dates that figure."""
    claims = _claims_of("첫 단풍은 평년(9월 29일)보다 3일 늦다.", "2026-10-02")
    assert not [c for c in claims if c.kind == "date"]
    cpi = _claims_of("상승률은 10월(1.8%)보다 0.6%포인트 높아졌다.", "2026-12-02")
    assert _claim_of(cpi, "1.8%").scope == ("2026-10-01", "2026-10-31")


def _claim_of(claims: list[Claim], surface: str) -> Claim:
    (claim,) = [c for c in claims if c.surface == surface]
    return claim


def test_an_amount_converted_in_parentheses_is_a_claim_too():
    """9조원(약 65억달러): the 약 65억달러 is the same thing in dollars, with the 9조원's
    words, so another outlet's 약 56억달러 for the same 9조원 meets it."""
    claims = _claims_of("계약 금액은 9조원(약 65억달러)으로 역대 최대다.", "2026-11-26")
    won = next(c for c in claims if c.surface.startswith("9조원"))
    (dollars,) = [c for c in claims if c.surface == "약 65억달러"]
    assert dollars.value.unit == "USD" and dollars.value.low < 65e8 < dollars.value.high
    assert dollars.context == won.context and dollars.subject == won.subject
    assert won.value.alt == (65e8, "USD")  # the won figure still knows its conversion


def test_figures_further_apart_than_a_unit_slip_never_meet():
    """A month's 47만4000원 per pupil and a year's 29조2000억원 in all share their words
    (사교육비) but are 60 million times apart: no unit slip (만 for 억 is 10,000 times) makes
    one the other. 5000억 and 5조 (ten times) still meet."""
    vec = {"사교육비": 1.0}
    per_pupil = _claim("학생 1인당 사교육비는 47만4000원이다.", "47만4000원")
    total = _claim("사교육비는 29조2000억원이다.", "29조2000억원")
    assert pair_similarity(per_pupil, total, vec, vec) == 0.0
    fund = _claim("시는 새로 만드는 펀드의 규모가 5000억원이라고 밝혔다.", "5000억원")
    fund_slip = _claim("시는 새로 만드는 펀드의 규모가 5조원이라고 밝혔다.", "5조원")
    assert pair_similarity(fund, fund_slip, vec, vec) > 0.0


def test_this_day_is_the_day_the_sentence_opens_with():
    """ "14일 경찰에 따르면 지난 11일 사라진 A군이 이날 오전 7시 30분께 발견됐다": 이날 is
    the 14th, the day of the news, not the 11th of the relative clause; a time with no 이날
    is on the last day before it."""
    text = "14일 경찰에 따르면 지난 11일 사라진 A군이 이날 오전 7시 30분께 발견됐다."
    time = _claim(text, "오전 7시 30분", published="2026-07-14")
    assert time.value.start == "2026-07-14" and time.value.time == "07:30"
    plain = "14일 경찰에 따르면 지난 11일 사라진 A군이 오전 7시 30분께 발견됐다."
    assert _claim(plain, "오전 7시 30분", published="2026-07-14").value.start == "2026-07-11"


def test_a_day_abroad_is_not_the_day_the_news_was_heard():
    """ "현지시간 25일 … 계약을 맺었다고 밝혔다" in a page of the 26th: the contract's day,
    not the announcement's (which another page's "26일 밝혔다" would contradict)."""
    text = "회사는 현지시간 25일 부쿠레슈티에서 국방부와 계약을 맺었다고 밝혔다."
    assert _claim(text, "25일", published="2026-11-26").predicate == "맺"
    home = "회사는 25일 서울에서 국방부와 계약을 맺었다고 밝혔다."
    assert _claim(home, "25일", published="2026-11-26").predicate == "밝히"


def test_a_breakdown_word_narrows_no_measure():
    """지역별 비율 is the 비율 of each region: 별 (by) makes a breakdown, not a narrower
    measure, so it still meets 노인 인구 비율 of another outlet."""
    assert _claim("지역별 비율은 전남 27.2%로 가장 높았다.", "27.2%").marked_subject == "비율"
    assert _claim("반도체 수출은 150억 달러였다.", "150억 달러").marked_subject == "반도체 수출"


def test_a_time_written_alone_is_on_the_last_day_the_article_gave():
    """ "21일 오후 2시 17분께 탈선했다 … 운행은 오후 9시 30분 재개된다": 21 November at 21:30,
    which another outlet's 오후 10시 30분 for the same restart contradicts."""
    claims = _claims_of(
        "열차는 21일 오후 2시 17분께 탈선했다. 사고 구간 운행은 오후 9시 30분 재개된다.",
        "2026-11-21",
    )
    dates = {c.surface: (c.value.start, c.value.time) for c in claims if c.kind == "date"}
    assert dates == {
        "21일 오후 2시 17분": ("2026-11-21", "14:17"),
        "오후 9시 30분": ("2026-11-21", "21:30"),
    }
    (alone,) = [
        c for c in _claims_of("운행은 오후 9시 30분 재개된다.", "2026-11-21") if c.kind == "date"
    ]
    assert (alone.value.start, alone.value.time) == ("2026-11-21", "21:30")  # the news day


def test_a_figure_equal_to_a_part_of_a_whole_is_that_part_not_the_whole():
    """ "승객 284명 가운데 7명이 다쳤다" / "승객 일곱 명이 다쳤다": the other outlet's 7 is the
    part, so it never pairs with 284 (however alike the words), and 284 stays free for
    another outlet's 248."""
    from factcheck.align import parts_of_wholes, states_a_part

    claims = _claims_of("이 사고로 승객 284명 가운데 7명이 경상을 입었다.")
    whole = next(c for c in claims if c.surface == "284명")
    seven = replace(_claim("승객 일곱 명이 다쳤다.", "일곱 명"), doc_id="d9")
    other = replace(_claim("승객 248명이 타고 있었다.", "248명"), doc_id="d9")
    parts = parts_of_wholes(claims)
    assert [p.surface for p in parts[whole.id]] == ["7명"]
    assert states_a_part(whole, seven, parts)
    assert not states_a_part(whole, other, parts)


def test_one_figure_of_one_subject_per_article_is_one_fact():
    """관객 9만명 / 8만 관객: each article's only figure for 관객. A subject an article gives
    two figures for, or two different subjects, pair nothing by this signal."""
    from factcheck.align import _only_figure_of_its_subject, _per_article, _subject_of

    def _subject_counts(claims):
        return _per_article(claims, _subject_of)

    a = replace(_count("d0", 0, 9e4), subject="관객")
    b = replace(_count("d1", 0, 8e4), subject="관객")
    per_show = replace(_count("d1", 5, 4.5e4), subject="관객")
    other = replace(_count("d1", 0, 8e4), subject="공연장")
    assert _only_figure_of_its_subject(a, b, _subject_counts([a, b]))
    assert not _only_figure_of_its_subject(a, b, _subject_counts([a, b, per_show]))
    assert not _only_figure_of_its_subject(a, other, _subject_counts([a, other]))


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        # a figure written right after its month is a point of a series
        ("상승률은 지난 8월 2.0%를 기록한 뒤 9월 1.9%로 둔화했다.", {"지난 8월": 2.0, "9월": 1.9}),
        ("상승률은 10월(1.8%)보다 0.6%포인트 높아졌다.", {"10월": 1.8}),
        # a month that frames a measure is no series point: its month may be the slip
        ("10월 수출은 612억달러로 집계됐다.", {}),
    ],
)
def test_the_figures_a_date_is_the_period_of(text, labelled):
    from factcheck.align import figures_of_periods

    claims = _claims_of(text, published="2026-12-02")
    by_id = {c.id: c for c in claims}
    found = figures_of_periods(claims)
    assert {by_id[i].surface: {v for _, v in f} for i, f in found.items()} == {
        k: {v} for k, v in labelled.items()
    }


def test_figures_of_two_items_of_one_list_are_told_apart():
    """ "성인 5000원, 청소년 3000원" / "성인 3000원, 청소년 2000원": the two adult prices pair,
    the adult 3000원 never meets the youth 3000원, and each topic leads with its item."""
    a = _claims_of("관람료는 성인 5000원, 청소년 3000원이다.", published="2026-11-25")
    c = _claims_of("관람료는 성인 3000원, 청소년 2000원으로 책정됐다.", published="2026-11-25")
    a_adult, a_youth = (x for x in a if x.kind == "money")
    c_adult, c_youth = (x for x in c if x.kind == "money")
    assert (a_adult.subject, a_youth.subject, c_adult.subject) == ("성인", "청소년", "성인")
    assert different_list_items(a_youth, c_adult) and not different_list_items(a_adult, c_adult)
    # two figures of a sentence with their own subjects are no list of items
    (rng, _) = [
        x for x in _claims_of("미사일은 약 1000㎞를 비행했으며 정점고도는 50여㎞로 탐지됐다.")
    ]
    (other,) = _claims_of("미사일은 이날 발사돼 약 1300㎞를 비행한 뒤 동해상에 떨어졌다.")
    assert not different_list_items(rng, other)
    report = check_documents(
        make_documents(
            [
                {
                    "outlet": "가람일보",
                    "published": "2026-11-25",
                    "text": "박물관이 개관한다. 관람료는 성인 5000원, 청소년 3000원이다.",
                },
                {
                    "outlet": "나래신문",
                    "published": "2026-11-25",
                    "text": "박물관이 문을 연다. 관람료는 성인 5000원이며 청소년은 3000원이다.",
                },
                {
                    "outlet": "다온뉴스",
                    "published": "2026-11-25",
                    "text": "박물관이 개관한다. 관람료는 성인 3000원, 청소년 2000원으로 책정됐다.",
                },
            ]
        ),
        Settings(),
    )
    found = {c.topic: [[x.surface for x in side] for side in c.sides] for c in report.conflicts}
    assert found["성인 관람료"] == [["5000원", "5000원"], ["3000원"]]


def test_a_figure_stated_alike_in_other_words_backs_its_side():
    """추징금 870억원 / 780억원 pair; 870억원의 추징 shares too few words to pair with either,
    but states one side's value exactly: the finding counts its outlet (2 vs 1)."""
    report = check_documents(
        make_documents(
            [
                {
                    "outlet": "가람일보",
                    "published": "2026-11-20",
                    "text": "서울중앙지법은 20일 코인 사기 업체 대표 A씨에게 징역 25년을 선고했다. "
                    "재판부는 A씨에게 추징금 870억원도 명령했다.",
                },
                {
                    "outlet": "나래신문",
                    "published": "2026-11-20",
                    "text": "서울중앙지법은 20일 코인 사기 업체 대표 A씨에게 징역 25년과 "
                    "추징금 780억원을 선고했다.",
                },
                {
                    "outlet": "다온일보",
                    "published": "2026-11-21",
                    "text": "서울중앙지법 형사합의25부는 20일 A씨에게 징역 25년을 선고하고 "
                    "870억원의 추징을 명령했다.",
                },
            ]
        ),
        Settings(),
    )
    (conflict,) = [c for c in report.conflicts if c.kind == "money"]
    sides = [sorted(x.doc_id for x in side) for side in conflict.sides]
    assert sides == [["doc0", "doc2"], ["doc1"]], conflict.explanation


def test_a_figure_of_the_present_never_meets_a_figure_dated_to_another_day():
    """An article that dates one margin (지난 19일 … 3표 차로) and not the other (1표 차로)
    gives the undated one to the present: another outlet's dated 2표 (지난 18일 …) is the
    dated margin's counterpart, however alike its words are to the present one's."""
    base = "경기도선관위는 25일 재검표 결과를 발표했다. "
    report = check_documents(
        make_documents(
            [
                {
                    "outlet": "가람일보",
                    "published": "2026-11-25",
                    "text": base + "재검표에서 박서준 후보가 이하늘 후보를 1표 차로 앞섰다. "
                    "지난 19일 개표에서는 이 후보가 3표 차로 이겼다.",
                },
                {
                    "outlet": "다온뉴스",
                    "published": "2026-11-25",
                    "text": base + "지난 18일 개표에서는 이하늘 후보가 2표 차로 앞섰다.",
                },
            ]
        ),
        Settings(),
    )
    values = [sorted(x.surface for side in c.sides for x in side) for c in report.conflicts]
    assert ["1표", "2표"] not in values


def test_one_discrepancy_split_over_two_groups_is_checked_as_one():
    """An article that repeats its figure (lead and body) split one topic into two groups:
    3명 (a, b) vs 4명 and 3명 (d) vs 4명. Checked again as one group, the finding has every
    article behind each side; a group stating other values is left as it was."""
    from factcheck.models import Document, TopicGroup
    from factcheck.pipeline import retellings_merged
    from factcheck.rules import RuleContext
    from factcheck.rules.amount_mismatch import AmountMismatch

    a, b, d = _count("a", 0, 3), _count("b", 0, 3), _count("d", 0, 3)
    lead, body = _count("c", 0, 4), _count("c", 9, 4)
    e, f = _count("e", 20, 98), _count("f", 20, 89)
    docs = {x: Document(x, f"{x}.txt", "", (), outlet=f"매체{x}") for x in "abcdef"}
    claims = (a, b, d, lead, body, e, f)
    ctx = RuleContext("s", docs, claims, {}, {x: x for x in "abcdef"}, Settings())
    rule = AmountMismatch()
    groups = [
        TopicGroup("g1", "s", "부상자", "count", (a, b, lead), 0.8),
        TopicGroup("g2", "s", "부상자", "count", (d, body), 0.7),
        TopicGroup("g3", "s", "대학", "count", (e, f), 0.9),
    ]
    checked = [(g, rule.check_group(g, ctx)) for g in groups]
    assert [len(found) for _, found in checked] == [1, 1, 1]
    merged, other = retellings_merged(rule, checked, ctx)
    assert sorted(x.id for side in merged.sides for x in side) == [
        "a-0",
        "b-0",
        "c-0",
        "c-9",
        "d-0",
    ]
    assert other == checked[2][1][0]


def test_one_discrepancy_told_twice_in_a_story_is_one_finding():
    """The lead's 26곳 vs 28곳 and the same figures in the body, aligned in a group of their
    own, are one discrepancy: the finding between more articles stays. Other values, or
    the same values between articles the other finding does not hold, stay findings."""
    from factcheck.models import Conflict
    from factcheck.pipeline import without_repeats

    def conflict(cid, *sides):
        return Conflict(cid, "amount-mismatch", "count", "t", "medium", 0.9, "", sides)

    full = conflict("x1", (_count("a", 0, 26), _count("b", 0, 26)), (_count("c", 0, 28),))
    again = conflict("x2", (_count("a", 9, 26),), (_count("c", 9, 28),))
    other = conflict("x3", (_count("b", 5, 98),), (_count("c", 5, 89),))
    elsewhere = conflict("x4", (_count("d", 0, 26),), (_count("e", 0, 28),))
    assert without_repeats([again, full, other, elsewhere]) == [full, other, elsewhere]


@pytest.mark.parametrize(
    ("text", "surface", "zone"),
    [
        (
            "정상이 현지시간 14일 오전 10시 백악관에서 회담을 열었다.",
            "14일 오전 10시",
            {"local_time"},
        ),
        ("정상이 14일(현지시간) 백악관에서 회담을 열었다.", "14일", {"local_time"}),
        ("회담이 한국시간으로 오늘 새벽 0시 워싱턴에서 열렸다.", "오늘 새벽 0시", {"korea_time"}),
        ("정상이 14일 백악관에서 회담을 열었다.", "14일", set()),
    ],
)
def test_a_date_in_local_or_korean_time_is_marked(text, surface, zone):
    claim = _claim(text, surface, published="2026-11-15")
    assert claim.qualifiers & {"local_time", "korea_time"} == zone


def test_one_moment_in_two_time_zones_is_not_compared():
    """현지시간 14일 오전 10시 / 한국시간 15일 0시: a day apart, one moment. Two dates in
    the same zone, or one unmarked, still meet."""
    from factcheck.align import pair_similarity

    local = _date("d0", "2026-11-14", ("local_time",))
    korea = _date("d1", "2026-11-15", ("korea_time",))
    vec = {"정상": 1.0, "회담": 1.0}
    assert pair_similarity(local, korea, vec, vec) == 0.0
    assert pair_similarity(local, replace(korea, qualifiers=frozenset()), vec, vec) > 0.5


def test_the_first_day_of_a_span_meets_only_a_first_day():
    """28일 토요일 오후부터 29일 일요일 새벽까지 / 29일 오후부터 30일 새벽 사이: the starts
    (28 / 29) and the ends (29 / 30) are compared, never a start with an end."""
    claims = _claims_of(
        "중부지방에는 28일 토요일 오후부터 29일 일요일 새벽까지 눈이 내리겠다.", "2026-11-26"
    )
    marks = [c.qualifiers & {"span", "span_start"} for c in claims if c.kind == "date"]
    assert marks == [{"span", "span_start"}, {"span"}]
    claims = _claims_of("중부지방에 29일 오후부터 30일 새벽 사이 눈이 내리겠다.", "2026-11-26")
    marks = [c.qualifiers & {"span", "span_start"} for c in claims if c.kind == "date"]
    assert marks == [{"span", "span_start"}, {"span"}]


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        # a range written with its sign marks its ends as 부터 … 까지 does
        ("특별전은 3월 15일~6월 30일 열린다.", [{"span", "span_start"}, {"span"}]),
        ("특별전은 3월 15~20일 열린다.", [{"span", "span_start"}, {"span"}]),
        ("특별전이 2029.3.16~6.30 열린다.", [{"span", "span_start"}]),  # 6.30 is not read
        ("특별전은 3월 15일부터 6월 30일까지 열린다.", [{"span", "span_start"}, {"span"}]),
        ("특별전은 3월 15일 열린다.", [set()]),
    ],
)
def test_the_ends_of_a_range_of_days_are_a_spans(text, marks):
    claims = _claims_of(f"한울시립미술관 {text}", "2029-02-20")
    assert [c.qualifiers & {"span", "span_start"} for c in claims if c.kind == "date"] == marks


def test_claims_sharing_only_an_event_are_candidates_and_each_articles_only_one_pairs():
    """ "이 사고로 2명이 숨지고 15명이 다쳤다" / "연쇄 추돌해 … 13명이 다쳤습니다": no word in
    common, but each article's only count of the injured. A second count of the injured in
    one article (another accident) leaves the pair to the words."""
    from factcheck.align import Idf, Settings, _claim_pairs, align_story

    a = replace(_count("d0", 0, 15), predicate="다치", context=(("사고", 1.0),))
    b = replace(_count("d1", 0, 13), predicate="다치", context=(("추돌", 1.0),))
    vectors = {a.id: {"사고": 1.0}, b.id: {"추돌": 1.0}}
    sources = {"d0": "d0", "d1": "d1"}
    assert [(c.id, o.id) for c, o in _claim_pairs([a, b], vectors, sources)] == [(a.id, b.id)]
    idf = Idf([])
    groups = align_story("s", [a, b], idf, Settings(), sources).groups
    assert [sorted(c.id for c in g.claims) for g in groups] == [sorted([a.id, b.id])]
    other = replace(_count("d1", 7, 5), predicate="다치", context=(("작년", 1.0),))
    groups = align_story("s", [a, b, other], idf, Settings(), sources).groups
    assert groups == ()


@pytest.mark.parametrize(
    ("text", "surface", "against"),
    [
        ("8월 말 연체율은 0.53%로 전월 말(0.48%)보다 0.05%p 상승했다.", "0.05%p", "month"),
        ("연체율은 1년 전(0.41%)과 비교하면 0.12%p 높다.", "0.12%p", "year"),
        ("10월 수출이 전년 동월 대비 12% 늘었다.", "12%", "year"),
        ("취업자는 지난해 같은 달보다 19만3000명 늘었다.", "19만3000명", "year"),
        ("매출은 직전 분기보다 3.1% 늘었다.", "3.1%", "quarter"),
        ("아파트값은 지난주보다 0.05% 올랐다.", "0.05%", "week"),
        # a named month, placed against the article's last figure of one month (8월 말)
        ("8월 말 연체율이 0.53%를 기록했다. 7월 말보다 0.05%p 올랐다.", "0.05%p", "month"),
        ("8월 수출은 612억달러였다. 지난해 8월보다 7.4% 늘었다.", "7.4%", "year"),
        # no base: a change told alone, or a level after the compared period's verb
        ("은행 대출 연체율은 한 달 새 0.05%p 올랐다.", "0.05%p", None),
        ("지난해보다 늘어난 3000명이 몰렸다.", "3000명", None),
    ],
)
def test_a_change_knows_the_period_it_is_against(text, surface, against):
    marks = {q for q in _claim(text, surface, "2026-10-22").qualifiers if q.startswith("against_")}
    assert marks == ({f"against_{against}"} if against else set())


def test_changes_against_two_periods_never_meet():
    month = _claim("은행 대출 연체율은 전월 말보다 0.05%p 상승했다.", "0.05%p", "2026-10-22")
    year = _claim("은행 대출 연체율은 1년 전보다 0.12%p 높아졌다.", "0.12%p", "2026-10-22")
    vec = {"연체율": 1.0}
    assert pair_similarity(month, year, vec, vec) == 0.0
    plain = _claim("은행 대출 연체율은 한 달 새 0.12%p 올랐다.", "0.12%p", "2026-10-22")
    assert pair_similarity(plain, year, vec, vec) > 0


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (
            "1순위 청약은 평균 312.4대 1의 경쟁률을 기록했다.",
            "1순위 청약은 평균 312대 1의 경쟁률로 마감했다.",
            True,
        ),
        ("지난달 소비자물가 상승률은 2.63%였다.", "지난달 소비자물가 상승률은 2.6%였다.", True),
        (
            "지난달 소비자물가 상승률은 2.6%였다.",
            "지난달 소비자물가 상승률은 2.7%였다.",
            False,
        ),  # same decimals
        (
            "한국은행은 기준금리를 2.25%로 내렸다.",
            "한국은행은 기준금리를 2%로 내렸다.",
            False,
        ),  # too far to be a rounding
        (
            "한국은행은 기준금리를 2.25%로 내렸다.",
            "한국은행은 기준금리를 2.00%로 내렸다.",
            False,
        ),  # 2.00 has two decimals
        ("이날 전력 공급 예비율은 8.7%였다.", "이날 전력 공급 예비율은 8.2%였다.", False),
        (
            "이 영화의 누적 관객은 312.4만명이다.",
            "이 영화의 누적 관객은 312만명이다.",
            False,
        ),  # counts are not rounded so
    ],
)
def test_a_figure_rounded_to_fewer_decimals_agrees(a, b, agree):
    assert _figures_agree(a, b) is agree


def test_an_announcement_on_the_pages_own_day_is_its_reporting_day():
    said = "다온시는 20일 이 같은 내용의 개통 계획을 밝혔다."
    assert "reporting_day" in _claim(said, "20일", "2026-05-20").qualifiers
    assert "reporting_day" not in _claim(said, "20일", "2026-05-21").qualifiers
    opened = "도시철도 2호선은 20일 오전 정식 개통했다."
    assert "reporting_day" not in _claim(opened, "20일", "2026-05-20").qualifiers


def test_a_bare_time_is_on_the_day_given_earlier_in_its_sentence():
    text = (
        "8일 오후 2시 30분께 얼룩말 '하늘이'가 탈출했다가 3시간 20분 만인 오후 5시 50분께 붙잡혔다."
    )
    caught = _claim(text, "오후 5시 50분", "2026-10-09")
    assert (caught.value.start, caught.value.time) == ("2026-10-08", "17:50")


def test_a_figure_is_not_set_against_one_its_own_article_matches_better():
    from factcheck.align import without_displaced

    a78 = _claim("65세 이상 어르신의 접종률은 78.2%였다.", "78.2%")
    a60 = _claim("생후 6개월~13세 어린이의 접종률은 60.1%였다.", "60.1%")
    b78 = _claim("65세 이상 고령층의 접종률은 78.2%였다.", "78.2%")
    b61 = _claim("생후 6개월~13세 어린이의 접종률은 61.0%였다.", "61.0%")
    b78 = replace(b78, id="b78", doc_id="b")
    b78_again = replace(b78, id="b78-again")
    b61 = replace(b61, id="b61", doc_id="b")
    by_id = {c.id: c for c in (a78, a60, b78, b78_again, b61)}
    edges = [
        (a78.id, b78.id, 0.41),
        (a78.id, b78_again.id, 0.406),
        (a60.id, b78_again.id, 0.375),  # a rival weaker than a78's own match with it
        (a60.id, b61.id, 0.37),
    ]
    kept = without_displaced(edges, [], by_id)
    assert (a60.id, b78_again.id, 0.375) not in kept
    assert (a60.id, b61.id, 0.37) in kept and len(kept) == 3
    # a rival far closer than the agreeing pair is kept (지난 25일 점심 / 지난 26일 점심)
    edges[1] = (a78.id, b78_again.id, 0.15)
    assert (a60.id, b78_again.id, 0.375) in without_displaced(edges, [], by_id)
    # a weak pair sharing some words is evidence too, when near enough
    edges.pop(1)
    assert (a60.id, b78_again.id, 0.375) not in without_displaced(
        edges, [(a78.id, b78_again.id, 0.2)], by_id
    )


def test_a_casualty_count_meets_the_other_articles_own_count_of_it():
    from factcheck.align import _Structure

    injured = _claim("타워크레인이 무너져 근로자 2명이 숨지고 4명이 다쳤다.", "4명")
    working = _claim("사고 당시 현장에서는 근로자 30여명이 작업 중이었다.", "30여명")
    hurt = _claim("타워크레인이 넘어져 근로자 2명이 사망하고 3명이 부상을 입었다.", "3명")
    working, hurt = replace(working, doc_id="d"), replace(hurt, doc_id="d")
    structure = _Structure([injured, working, hurt], {})
    assert structure.counted_elsewhere(injured, working)  # d counts its injured: 3명
    assert not structure.counted_elsewhere(injured, hurt)
    alone = _Structure([injured, working], {})  # d gives no injured: 30여명 may be theirs
    assert not alone.counted_elsewhere(injured, working)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # a label written as one word of two tokens (중학 + 생, 초등 + 학교)
        ("학교급별로는 초등학교 3.9%, 중학교 1.3%, 고등학교 0.4%였다.", {"3.9%", "1.3%", "0.4%"}),
        # the first item named as the owner of the measure, or as the topic
        (
            "조사 결과 초등학생의 피해 응답률이 3.9%로 가장 높았고 중학생 1.3%, 고등학생 0.4% 순이었다.",
            {"3.9%", "1.3%", "0.4%"},
        ),
        (
            "초등학생은 3.9%로, 중학생 1.3%, 고등학생 0.4%보다 크게 높았다.",
            {"3.9%", "1.3%", "0.4%"},
        ),
        # 가운데 marks a part of a whole, no item
        ("사망자 3명 가운데 2명은 현장에서 숨졌고 1명은 병원에서 숨졌다.", set()),
        # a figure with an owner but no list beside it
        ("한빛전자의 출하량은 5800만대로 1년 전보다 늘었다.", set()),
        # 1인당 is a unit, no label
        ("기초생활수급자는 10만원을 더 받아 1인당 35만원을 받게 된다.", set()),
    ],
)
def test_the_items_of_a_list_are_marked(text, items):
    marked = {c.surface for c in _claims_of(text) if "list_item" in c.qualifiers}
    assert marked == items


def test_one_item_of_a_list_is_not_the_whole_of_an_article_listing_it():
    from factcheck.align import listing_apart

    whole = _claim("학교폭력 피해 응답률은 2.1%로 지난해보다 올랐다.", "2.1%")
    own = _claim("학교급별로는 초등학교 3.9%, 중학교 1.3%, 고등학교 0.4%였다.", "3.9%")
    item = replace(
        _claim("초등학생은 3.9%로, 중학생 1.3%, 고등학생 0.4%보다 크게 높았다.", "3.9%"),
        doc_id="b",
    )
    assert listing_apart(item, whole, {whole.doc_id: [own]})
    assert not listing_apart(item, whole, {})  # an article that lists nothing
    other = replace(own, value=replace(own.value, value=4.2, low=4.2, high=4.2))
    assert not listing_apart(item, whole, {whole.doc_id: [other]})  # lists other values


def test_a_stage_word_after_an_object_leaves_the_event():
    text = "구조대원 20명이 수색에 나서 A씨를 발견했고, 오후 7시쯤 구조를 마쳤다."
    assert _claim(text, "오후 7시", "2026-11-08").predicate == "구조"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # both the largest of several delays: one figure each
        ("열차 23대가 최대 52분 늦게 운행됐다.", "열차 23대가 최대 25분 지연됐다.", False),
        ("열차 23대가 최대 52분 늦게 운행됐다.", "열차 23대가 최대 52분 지연됐다.", True),
        # a bound against a plain figure stays a bound
        ("열차 23대가 최대 52분 늦게 운행됐다.", "열차 23대가 25분 지연됐다.", True),
    ],
)
def test_two_largest_figures_are_compared_as_figures(a, b, agree):
    assert _figures_agree(a, b, "duration") is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # two limits on one side are two figures, however their intervals overlap
        ("소득이 중위소득 60% 이하여야 한다.", "소득이 중위소득 50% 이하여야 한다.", False),
        ("월세 70만원 이하 주택에 살아야 한다.", "월세 60만원 미만 주택에 살아야 한다.", False),
        ("관중 3만명 이상이 몰렸다.", "관중 4만명 이상이 몰렸다.", False),
        ("소득이 중위소득 60% 이하여야 한다.", "소득이 중위소득 60% 이하인 청년이다.", True),
        # a limit against a plain figure, or a limit on the other side, stays a bound
        ("월세 70만원 이하 주택에 살아야 한다.", "월세 60만원인 주택에 산다.", True),
        ("관중 3만명 이상이 몰렸다.", "관중 4만명 이하가 몰렸다.", True),
    ],
)
def test_two_limits_on_one_side_are_compared_as_figures(a, b, agree):
    assert _figures_agree(a, b, "percent", "money", "count") is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # 여 adds less than one step of the last digit: two neighbouring bands never meet
        (
            "자원봉사자 200여명이 방제 작업에 나섰다.",
            "자원봉사자 300여명이 방제 작업에 나섰다.",
            False,
        ),
        ("관람객 2만여명이 축제를 찾았다.", "관람객 3만여명이 축제를 찾았다.", False),
        (
            "자원봉사자 300여명이 방제 작업에 나섰다.",
            "자원봉사자 3백여명이 방제 작업에 나섰다.",
            True,
        ),
        (
            "자원봉사자 120여명이 방제 작업에 나섰다.",
            "자원봉사자 129명이 방제 작업에 나섰다.",
            True,
        ),
    ],
)
def test_neighbouring_bands_of_yeo_never_meet(a, b, agree):
    assert _figures_agree(a, b, "count") is agree


_LOAN = "시중은행 주택담보대출 변동금리는"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # two ranges of one figure agree at both ends, however they overlap
        (f"{_LOAN} 연 4.25~6.1%로 집계됐다.", f"{_LOAN} 연 4.52~6.1%로 집계됐다.", False),
        (f"{_LOAN} 연 4.25~6.1%로 집계됐다.", f"{_LOAN} 연 4.25~6.1%로 올랐다.", True),
        ("축제 참가자는 1만~2만명으로 집계됐다.", "축제 참가자는 1만~3만명으로 집계됐다.", False),
        # a range against one figure in it, or a hedged figure, is still an interval
        (f"{_LOAN} 연 4.25~6.1%로 집계됐다.", f"{_LOAN} 하단은 연 4.52%로 집계됐다.", True),
        ("축제 참가자는 1만~2만명으로 집계됐다.", "축제 참가자는 약 2만명으로 집계됐다.", True),
    ],
)
def test_two_ranges_are_compared_at_both_ends(a, b, agree):
    assert _figures_agree(a, b, "percent", "count") is agree


def test_the_first_day_of_a_window_never_meets_its_last():
    start = _claim("신청이 6월 2일부터 시작된다.", "6월 2일", "2026-05-12")
    end = _claim("신청은 12월 31일까지 받는다.", "12월 31일", "2026-05-11")
    other_end = _claim("신청은 11월 30일까지다.", "11월 30일", "2026-05-11")
    vec = {"신청": 1.0}
    assert pair_similarity(start, end, vec, vec) == 0.0
    assert pair_similarity(end, other_end, vec, vec) > 0  # two last days: rivals


def test_the_last_time_something_happened_is_another_occurrence():
    text = "한빛전자가 자사주 매입에 나선 건 2023년 이후 3년 만이다."
    assert "distant" in _claim(text, "2023년", "2026-02-05").qualifiers
    since = "1982년 이후 전국에서 문을 닫은 학교는 3955곳이다."
    assert "distant" not in _claim(since, "1982년", "2026-02-05").qualifiers


def test_an_hour_before_a_quoted_past_verb_is_the_events_not_the_announcements():
    text = "코레일은 1시간 15분 만인 오후 5시 35분께 복구를 마쳤다고 밝혔다."
    claim = _claim(text, "오후 5시 35분", "2026-10-13")
    assert claim.predicate == "복구" and "reporting_day" not in claim.qualifiers


@pytest.mark.parametrize(
    ("text", "surface", "against"),
    [
        ("3분기 실질 GDP가 전기 대비 0.6% 성장했다.", "0.6%", "quarter"),
        # the measure between the base and the figure
        ("한국은행에 따르면 전년 동기 대비 성장률은 1.6%다.", "1.6%", "year"),
    ],
)
def test_a_change_against_a_period_named_before_its_measure(text, surface, against):
    marks = {q for q in _claim(text, surface, "2026-10-28").qualifiers if q.startswith("against_")}
    assert marks == {f"against_{against}"}


def test_each_articles_only_change_against_one_period_is_one_fact():
    from factcheck.align import _Structure

    a = _claim("3분기 GDP는 1년 전과 비교하면 1.8% 성장했다.", "1.8%", "2026-10-28")
    b = replace(
        _claim("한국은행에 따르면 전년 동기 대비 성장률은 1.6%다.", "1.6%", "2026-10-28"),
        doc_id="b",
    )
    assert _Structure([a, b], {}).one_fact(a, b)
    b_also = replace(
        _claim("수출은 1년 전보다 2.1% 늘었다.", "2.1%", "2026-10-28"), doc_id="b", id="b2"
    )
    assert not _Structure([a, b, b_also], {}).one_fact(a, b)  # b gives two such changes


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("소설가 한서윤(54)이 올해 국제문학상 수상자로 선정됐다.", ["54"]),
        ("정부는 2일 신임 경찰청장 후보자로 윤태석(57) 서울경찰청장을 지명했다.", ["57"]),
        ("선장 김모(62)씨 등 9명이 배에 타고 있었다.", ["62"]),  # read once, not twice
        # two syllables before a number in parentheses are as often a place
        ("지역별로는 전남(38) 경북(31) 순으로 많았다고 밝혔다.", []),
    ],
)
def test_an_age_in_parentheses_after_a_full_name(text, ages):
    assert [c.surface for c in _claims_of(text) if c.kind == "age"] == ages


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        # a launch, an opening, a restoration: a story has one, and each article's only
        # date of it is that one
        ("통합 가람시는 2027년 7월 1일 출범한다.", "통합시는 2028년 7월 1일 공식 출범한다.", True),
        (
            "본부는 오후 6시까지 공급을 재개한다.",
            "본부는 오후 8시까지 정상화하겠다고 밝혔다.",
            True,
        ),
        # ... not an event a story has many of (열리다, 개최)
        ("회의는 다음 달 3일 열린다.", "총회는 다음 달 13일 개최된다.", False),
    ],
)
def test_each_articles_only_date_of_a_singular_event_is_one_fact(first, second, one):
    from factcheck.align import _Structure

    a = _claims_of(first, "2026-11-05")[0]
    b = _as(_claims_of(second, "2026-11-05")[0], "b")
    assert _Structure([a, b], {}).one_fact(a, b) is one


def test_each_articles_one_part_of_its_one_whole_is_one_fact():
    """공공주택 3만가구 … 이 가운데 2만가구는 수도권에 짓는다 / 5만가구 … 이 가운데 3만가구는
    수도권 물량이다: the two parts pair, whatever their clauses share; not with a third
    figure beside them, nor a part with a whole."""
    from factcheck.align import _Structure

    first = "장관은 공공주택 3만가구를 착공하겠다고 말했다. 이 가운데 2만가구는 수도권에 짓는다."
    second = "정부가 공공주택 5만가구 착공에 나선다. 이 가운데 3만가구는 수도권 물량이다."
    whole_a, part_a = [c for c in _claims_of(first) if c.kind == "count"]
    whole_b, part_b = [_as(c, "b") for c in _claims_of(second) if c.kind == "count"]
    assert "part" in part_a.qualifiers and "part" in part_b.qualifiers
    members = [whole_a, part_a, whole_b, part_b]
    assert _Structure(members, {}).only_part_of_the_only_whole(part_a, part_b)
    assert not _Structure(members, {}).only_part_of_the_only_whole(whole_a, part_b)
    third = _as(_claims_of("지방에는 1만가구가 돌아간다.")[0], "b")
    assert not _Structure([*members, third], {}).only_part_of_the_only_whole(part_a, part_b)


def test_each_articles_only_date_ahead_of_a_singular_event_is_one_fact():
    """오는 5월 1일 취임 beside a past 1998년 부임 in one page, 6월 1일 취임할 예정 in the
    other: the one date to come of the office taken. Two dates ahead in one page pair
    nothing by this signal."""
    from factcheck.align import _Structure

    ahead = _claims_of("윤 총장은 오는 5월 1일 취임한다.", "2026-03-12")[0]
    past = _claims_of("윤 총장은 1998년 가람대에 부임했다.", "2026-03-12")[0]
    other = _as(_claims_of("윤 교수는 6월 1일 취임할 예정이다.", "2026-03-12")[0], "b")
    assert _Structure([ahead, past, other], {}).one_fact(ahead, other)
    again = _as(_claims_of("윤 교수는 7월 1일 취임할 수도 있다.", "2026-03-12")[0], "b")
    assert not _Structure([ahead, past, other, again], {}).one_fact(ahead, other)


def test_a_figure_that_is_what_its_topic_is_takes_the_topics_relative_clause():
    text = "경찰에 붙잡힌 일당은 43명으로, 87차례 고의 사고를 내 보험금을 받아 챙겼다."
    assert _claim(text, "43명", "2026-06-03").predicate == "붙잡히"


def test_each_articles_only_count_of_an_event_is_one_fact_whatever_its_event_word():
    from factcheck.align import _Structure

    arrested = _claim("경찰은 총책 B씨 등 43명을 검거하고 이 가운데 5명을 구속했다.", "43명")
    caught = replace(_claim("보험사기 일당 34명이 경찰에 검거됐다고 밝혔다.", "34명"), doc_id="b")
    held = _claim("경찰은 총책 B씨 등 43명을 검거하고 이 가운데 5명을 구속했다.", "5명")
    # 43명을 검거: 검거 is the event, not a subject that tells the figures apart; 구속 (held
    # in custody) is another event than 검거
    assert _Structure([arrested, held, caught], {}).one_fact(arrested, caught)


def _as(claim: Claim, doc: str) -> Claim:
    return replace(claim, doc_id=doc, id=f"{doc}:{claim.id}")


def _between(values_a, values_b, shared=None):
    """Conflicts and groups of a story whose outlets x1, x2 give values_a and y1, y2 give
    values_b (and all four give ``shared`` when set)."""
    from factcheck.models import TopicGroup
    from factcheck.pipeline import without_two_stories

    groups, conflicts = [], []
    for n, (a, b) in enumerate(zip(values_a, values_b)):
        ca = _claim(f"이 회사의 3분기 영업이익은 {a}으로 집계됐다.", a)
        cb = _claim(f"이 회사의 3분기 영업이익은 {b}으로 집계됐다.", b)
        side_a = (_as(ca, "x1"), _as(ca, "x2"))
        side_b = (_as(cb, "y1"), _as(cb, "y2"))
        groups.append(TopicGroup(f"g{n}", "s", "영업이익", "money", side_a + side_b, 1.0))
        conflicts.append(
            Conflict(
                f"c{n}", "amount-mismatch", "money", "영업이익", "high", 1.0, "", (side_a, side_b)
            )
        )
    if shared:
        c = _claim(f"시장 전망치는 {shared}이었다고 밝혔다.", shared)
        groups.append(
            TopicGroup(
                "g-shared", "s", "전망", "money", tuple(_as(c, d) for d in ("x1", "y1")), 1.0
            )
        )
    reposts = {d: d for d in ("x1", "x2", "y1", "y2")}
    return without_two_stories(conflicts, groups, reposts)


def test_two_groups_of_outlets_that_agree_on_no_figure_are_two_stories():
    # one company's results (6조5000억원, 79조원) against another's (12조3천억원, 27조8천억원),
    # each told alike by two outlets
    assert _between(["6조5000억원", "79조원"], ["12조3천억원", "27조8천억원"]) == []


def test_two_groups_of_outlets_that_agree_on_a_figure_are_one_story():
    kept = _between(["6조5000억원", "79조원"], ["12조3천억원", "27조8천억원"], shared="6조2000억원")
    assert len(kept) == 2
    assert len(_between(["6조5000억원"], ["12조3천억원"])) == 1  # a single conflict stays


@pytest.mark.parametrize(
    ("bound", "figure", "only_bounds"),
    [
        ("총액 최대 80억원", "42억원", True),  # up to 80억 states no 42억 part
        ("3000명 이상", "3500명", True),
        ("최대 80억원", "80억원", False),  # its own figure it does state
        ("영하 12.3도", "영하 12.34도", False),  # an exact figure below zero is no bound
        ("약 5조", "5조 2천억", False),  # a hedge both ways is no one-sided bound
        ("1000만명대", "1051만4000명", True),  # a band states none of the figures in it
        ("3만원대", "3만원", False),  # but its own
    ],
)
def test_a_one_sided_bound_states_only_its_own_figure(bound, figure, only_bounds):
    from factcheck.normalize.numbers import find_quantities
    from factcheck.rules.base import _bound_only

    def claim(text):
        (found,) = find_quantities(text)
        return replace(_count("d0", 0, 1), value=found.quantity)

    assert _bound_only(claim(bound), claim(figure)) is only_bounds


@pytest.mark.parametrize(
    ("text", "surface", "predicate"),
    [
        # an object and its verb that mean one event together (``[idioms]``)
        ("그룹은 다음 달 14일 서울에서 월드투어의 막을 올린다.", "다음 달 14일", "개막"),
        ("조합은 내년 3월 첫 삽을 뜬다.", "내년 3월", "착공"),
        ("물가는 지난달 0.3% 올렸다.", "0.3%", "올리"),  # 올리 with no idiom's object
        # 을 시작으로: the first of a series, no event of the figure after it
        ("다음 달 14일 서울 공연을 시작으로 12개 도시에서 24회 공연을 펼친다.", "12개", "펼치"),
        ("다음 달 14일 서울 공연을 시작했다.", "다음 달 14일", "시작"),
    ],
)
def test_the_event_of_a_figure_reads_idioms(text, surface, predicate):
    assert _claim(text, surface).predicate == predicate


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a proper noun kiwipiepy reads whole, ending in a one-syllable head (돔, 항, 역)
        ("블루웨이브는 다음 달 14일 가온돔에서 월드투어를 시작한다.", ["가온돔"]),
        # a one-syllable head ending a common noun makes no place (지역, 반항)
        ("이 지역에서 반항하는 주민은 없었다.", []),
    ],
)
def test_a_place_may_end_in_a_one_syllable_head(text, names):
    assert [c.surface for c in _claims_of(text) if c.kind == "place"] == names


def test_the_word_for_during_is_no_context():
    """동안 (during) says a figure is over a stretch, not what it counts: as heavy as any rare
    noun, it drew one outlet's sales away from another's."""
    claim = _claim("발매 후 일주일 동안 132만4000여장이 판매됐다.", "132만4000여장")
    assert "동안" not in {noun for noun, _ in claim.context}


def test_a_share_meets_a_part_of_a_listed_breakdown():
    """재석 277명 가운데 찬성 194명 (a share) and 277명이 참여해 찬성 149명, 반대 84명 (the
    parts of a list): both are parts, and the votes for are compared."""
    from factcheck.align import pair_similarity

    share = _claim("개정안은 재석 277명 가운데 찬성 194명으로 통과됐다.", "194명")
    listed = _claim(
        "표결에는 277명이 참여해 찬성 149명, 반대 84명, 기권 44명으로 가결됐다.", "149명"
    )
    assert "part" in share.qualifiers and "summand" in listed.qualifiers
    va, vb = ({k: w for k, w in c.context} for c in (share, listed))
    assert pair_similarity(share, listed, va, vb) > 0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("임대 물량", "임대 주택", True),  # 물량 names no measure of its own
        ("수출", "반도체 수출", True),
        ("반도체 수출", "자동차 수출", False),
        ("수출 규모", "수입 규모", False),
    ],
)
def test_a_measure_noun_in_a_marked_subject_names_no_measure(a, b, same):
    from factcheck.align import same_measure

    assert same_measure(a, b) is same


@pytest.mark.parametrize(
    ("predicate", "features"),
    [
        ("팔리", ("^sell",)),
        ("판매", ("^sell",)),  # 팔렸다 and 판매됐다 meet on one feature
        ("조성", ("^build", "^raise")),  # a word of two classes gives both
        ("밝히", ()),  # a figure 밝혔다 is any figure
        ("단수", ("^cut_off", "^occur")),  # 단수 피해 / 물 공급이 끊겼다: one cut-off
        ("끊기", ("^cut_off", "^occur")),  # 전기가 끊겼다 = 정전이 발생했다
        ("정상", ("^restore",)),  # 정상화하겠다 / 복구 / 공급을 재개: the supply back
        ("복구", ("^restore",)),
        ("재개", ("^begin", "^restore")),
        ("넘어서", ()),  # a word of no class gives none
        (None, ()),
    ],
)
def test_a_predicates_event_classes_are_features(predicate, features):
    from factcheck.align import event_features

    assert event_features(predicate) == features


def test_a_figures_verb_is_in_its_vector_and_a_dates_is_not():
    """The verb says what a figure counts (78만장이 팔렸다 / 87만4000여장이 판매됐다) when
    the nouns around it are only the album's name; a date's event is compared by
    ``pair_similarity`` already, and one event recurs (지난해 8월 기록한 / 6일 기록한)."""
    from factcheck.align import Idf, _vector, sentence_features

    sold = _claim("정규 3집 '별의 지도'는 15일까지 78만장이 팔렸다.", "78만장")
    day = _claim("정규 3집 '별의 지도'는 15일까지 78만장이 팔렸다.", "15일")
    from factcheck.sentences import split_documents

    (doc,) = make_documents(
        [{"outlet": "가람일보", "published": "2026-11-16", "text": "78만장이 팔렸다. 판매를 했다."}]
    )
    idf = Idf([sentence_features(split_documents([doc])[doc.id])])
    assert "^sell" in _vector(sold, idf, {})
    assert not any(k.startswith("^") for k in _vector(day, idf, {}))


@pytest.mark.parametrize(
    ("text", "surface", "word"),
    [
        ("가동 목표 시점은 2029년 상반기다.", "2029년 상반기", "시점"),
        ("개통 예정일은 3월 2일이다.", "3월 2일", "예정일"),
    ],
)
def test_a_date_frame_noun_is_no_context_of_its_date(text, surface, word):
    """A noun that frames a date as a point in time (시점, 예정일) says nothing of which date
    it is, yet weighed more than the event (가동) and kept one outlet's date from another's."""
    claim = _claim(text, surface)
    features = {noun for noun, _ in claim.context}
    assert word not in features and claim.predicate in features


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # the day a period opens: begun or held from then is one event
        ("대학별 고사는 11월 14일부터 시작된다.", "대학별 고사는 11월 21일부터 치러진다.", True),
        ("축제는 3일부터 열린다.", "축제는 3일 개막한다.", True),
        # without 부터, to begin and to be held stay two events (공사는 시작된다 / 행사가 열린다)
        ("대학별 고사는 11월 14일 시작된다.", "대학별 고사는 11월 21일 치러진다.", False),
    ],
)
def test_begun_or_held_from_a_day_is_one_event(a, b, same):
    from factcheck.align import same_event

    (da,) = [c for c in _claims_of(a, "2026-09-15") if c.kind == "date"]
    (db,) = [c for c in _claims_of(b, "2026-09-15") if c.kind == "date"]
    assert same_event(da, db) is same


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # a breakdown by age names its groups by decade
        (
            "연령별로는 20대가 18.7%로 가장 많았고 70대(13.5%), 30대(17.3%)가 뒤를 이었다.",
            ["20대", "70대", "30대"],
        ),
        ("연령대별 비중은 20대 18.7%, 30대 17.3% 순이었다.", ["20대", "30대"]),
        ("이 사고로 승용차를 몰던 60대 남성이 다쳤다.", ["60대"]),
        # without a word of age, a decade is a count (장비 40대)
        ("소방당국은 인력 120명과 장비 40대를 투입했다.", []),
    ],
)
def test_decades_in_a_breakdown_by_age_are_age_groups(text, ages):
    assert [c.surface for c in _claims_of(text) if c.kind == "age"] == ages


def test_a_figure_after_an_age_group_carries_it():
    (share,) = [
        c
        for c in _claims_of("연령대별 비중은 20대 18.7%, 30대 17.3% 순이었다.")
        if c.surface == "18.7%"
    ]
    assert "@20~29세" in dict(share.context)


def test_a_bare_share_noun_names_no_measure():
    """비중 of age groups in one outlet and 아파트 비중 in another are not one measure however
    few figures each article marks with 비중."""
    from collections import Counter

    from factcheck.align import _only_measure_of_its_kind

    ages = _claim("연령대별 비중은 20대 18.7% 순이었다.", "18.7%")
    homes = _claim("아파트 비중은 64.0%였다.", "64.0%")
    counts = Counter({(ages.doc_id, "비중"): 1, (homes.doc_id, "비중"): 1})
    homes = replace(homes, doc_id="other")
    counts[("other", "비중")] = 1
    assert not _only_measure_of_its_kind(ages, homes, counts)
    exports = _claim("지난달 반도체 수출은 12% 늘었다.", "12%")
    other = replace(_claim("지난달 반도체 수출이 15% 늘었다.", "15%"), doc_id="other")
    counts = Counter({(exports.doc_id, "수출"): 1, ("other", "수출"): 1})
    assert _only_measure_of_its_kind(exports, other, counts)


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        # an age group's share and another measure's share
        (
            ("연령대별 비중은 20대 18.7%, 30대 17.3% 순이었다.", "18.7%"),
            ("주택 가운데 아파트 비중은 64.0%였다.", "64.0%"),
            True,
        ),
        # the same group on both sides
        (
            ("연령대별 비중은 20대 18.7%, 30대 17.3% 순이었다.", "18.7%"),
            ("연령별로는 20대가 18.7%로 가장 많았다.", "18.7%"),
            False,
        ),
        # no measure of its own on the other side
        (
            ("연령대별 비중은 20대 18.7%, 30대 17.3% 순이었다.", "18.7%"),
            ("전체 가운데 64.0%는 서울에 산다.", "64.0%"),
            False,
        ),
    ],
)
def test_a_groups_figure_is_no_other_measures_figure(first, second, differ):
    from factcheck.align import _subjects_differ

    a, b = _claim(*first), _claim(*second)
    va, vb = dict(a.context), dict(b.context)
    assert _subjects_differ(a, b, va, vb) is differ
    assert _subjects_differ(b, a, vb, va) is differ


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # the year a change is measured against is not the change's period
        ("이는 2022년 지방선거 투표율보다 4.1%p 떨어진 수치다.", "4.1%p", None),
        ("2022년 대비 수출은 12% 늘었다.", "12%", None),
        # the year's own figure still is of that year
        ("2022년 지방선거 투표율은 62.4%였다.", "62.4%", ("2022-01-01", "2022-12-31")),
    ],
)
def test_the_year_a_change_is_measured_against_is_no_period_of_it(text, surface, scope):
    assert _claim(text, surface, "2026-04-08").scope == scope


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # one end of a span is no period of the figure after it: the figure is over the span
        ("업체들은 2020년 3월부터 2024년 5월까지 네 차례 가격을 올렸다.", "네 차례", None),
        # a date right before a figure still is
        ("업체들은 2024년 5월 네 차례 가격을 올렸다.", "네 차례", ("2024-05-01", "2024-05-31")),
    ],
)
def test_an_end_of_a_span_is_no_figures_period(text, surface, scope):
    claim = _claim(text, surface, "2026-04-22")
    assert claim.scope == scope
    (end,) = [c for c in _claims_of(text, "2026-04-22") if c.surface == "2024년 5월"]
    assert ("distant" in end.qualifiers) is (scope is not None)


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # the page's own day of hearing the news is no period of the figure after it
        ("솔바다도교육청은 29일 유치원 38곳도 문을 닫는다고 밝혔다.", "38곳", None),
        # a day that is not the page's is
        (
            "솔바다도교육청은 지난 27일 유치원 38곳이 문을 닫았다고 밝혔다.",
            "38곳",
            ("2028-08-27",) * 2,
        ),
    ],
)
def test_the_pages_reporting_day_is_no_figures_period(text, surface, scope):
    assert _claim(text, surface, "2028-08-29").scope == scope


def test_a_reporting_day_meets_only_another_telling_of_the_news():
    """ "공정위는 5일 … 발표했다" is the day the news was told: it never meets an event's date
    (오는 12월 1일부터 … 정한다), only another telling of the announcement (지난 4일 발표한)."""
    from factcheck.align import pair_similarity

    told = _claim(
        "공정거래위원회는 5일 배달앱 상생 방안을 발표하고 중개수수료 상한을 정했다.",
        "5일",
        "2026-11-05",
    )
    assert "reporting_day" in told.qualifiers
    starts = _claim(
        "공정거래위원회는 오는 12월 1일부터 배달앱 중개수수료 상한을 9.8%로 정한다고 밝혔다.",
        "오는 12월 1일",
        "2026-11-05",
    )
    earlier = _claim(
        "공정거래위원회가 지난 4일 발표한 배달앱 상생 방안이다.", "지난 4일", "2026-11-05"
    )
    for other, meets in ((starts, False), (earlier, True)):
        va, vb = dict(told.context), dict(other.context)
        assert (pair_similarity(told, other, va, vb) > 0) is meets, other.surface


@pytest.mark.parametrize(
    ("subject", "event"),
    [("시행일", "시행"), ("개통 예정일", "개통"), ("출시 시점", "출시"), ("생일", "생일")],
)
def test_the_day_of_an_event_is_that_event(subject, event):
    from factcheck.claims import _dated_event

    assert _dated_event(subject) == event


@pytest.mark.parametrize(
    ("text", "reporting"),
    [
        # a day right before another date is the day of the report closing the sentence
        (
            "해솔항만공사는 8일 지난해 해솔항에서 처리한 컨테이너 물동량이 7.4% 늘었다고 밝혔다.",
            True,
        ),
        ("해솔항만공사는 8일 올해 1월 물동량이 7.4% 늘었다고 발표했다.", True),
        # a day before an event of its own is that event's
        ("해솔항만공사는 8일 지난해 처리한 물동량을 집계했다.", False),
    ],
)
def test_a_day_before_another_date_is_the_reports(text, reporting):
    (day,) = [c for c in _claims_of(text, "2026-01-08") if c.surface == "8일"]
    assert ("reporting_day" in day.qualifiers) is reporting, day.predicate


@pytest.mark.parametrize(
    ("text", "word", "tag"),
    [
        # kiwipiepy supplies a copula of no width and reads 면 as its ending ("if it is")
        ("대상은 솔내읍과 주변 3개 면 2만1000가구로, 줄어든다.", "면", "NNG"),
        ("인근 3개 면의 주민이 대상이다.", "면", "NNG"),  # read right to begin with
        ("참가 팀은 3개면 충분하다고 설명했다.", "면", "EC"),  # onto the noun: an ending
        ("학생이면 누구나 신청할 수 있다.", "면", "EC"),
    ],
)
def test_a_township_after_a_space_is_no_ending(text, word, tag):
    from factcheck.sentences import split_documents

    (doc,) = make_documents([{"outlet": "가람일보", "published": "2026-11-12", "text": text}])
    tokens = [t for s in split_documents([doc])[doc.id] for t in s.tokens]
    assert [t.tag for t in tokens if t.form == word] == [tag]
    assert not [t for t in tokens if t.tag == "VCP" and t.start == t.end and tag == "NNG"]


def test_a_township_count_keeps_its_clause():
    """The figure after "3개 면" is the subject's (대상), not the next clause's."""
    claim = _claim(
        "대상은 솔내읍과 주변 3개 면 2만1000가구로, 물 공급 시간은 하루 12시간으로 줄어든다.",
        "2만1000가구",
    )
    weights = dict(claim.context)
    assert weights["대상"] > weights["공급"]


def test_an_undated_figure_meets_the_present_not_a_named_past_period():
    """An article that gives a measure undated (18.4%) and for last year (지난해 … 32%) dates
    the undated one to the present: another article's undated figure is the present's
    rival, not the past year's (the drought story holds the whole case)."""
    from factcheck.align import _present_beside

    text = (
        '솔내군은 12일 "솔내저수지 저수율이 18.4%로 떨어져 12월 1일부터 제한급수를 '
        '시행한다"고 밝혔다.\n\n지난해 같은 기간 이 저수지의 저수율은 32%였다.\n\n'
        "상수도 요금은 지난해 3% 올랐다. 올해 요금 인상률은 5%다."
    )
    claims = {c.surface: c for c in _claims_of(text, "2026-11-12")}
    now, then = claims["18.4%"], claims["32%"]
    assert then.scope and not now.scope
    assert _present_beside(then, [now])
    # an undated figure of another measure says nothing of the dated one's period
    assert not _present_beside(claims["3%"], [now])
    # nor one of the same value: the article may give one figure twice
    assert not _present_beside(then, [replace(now, value=then.value)])
    # nor one of another kind: a running total to date beside the quarter's figure
    total = replace(then, qualifiers=then.qualifiers | {"cumulative"})
    assert not _present_beside(total, [now])
    # nor one of another place, however alike the words
    district = replace(then, subject="중앙 구 인구")
    assert not _present_beside(district, [replace(now, subject="한솔시 전체 인구")])
    # a period word in the subject names the period, not another measure
    last_year = replace(then, subject="지난해 경쟁률")
    assert _present_beside(last_year, [replace(now, subject="공개경쟁 임용 시험 경쟁률")])
    assert not _present_beside(last_year, [replace(now, subject="시험 합격률")])


def test_a_figure_in_a_sentence_of_no_words_takes_the_words_before():
    """ "올해 3391명보다 278명(8.2%) 적다." names nothing: its figures are of what the
    sentence before counted (선발 인원), not of nothing, which no other outlet could meet."""
    text = (
        "시도교육청은 2027학년도 초등교사 선발 인원을 3113명으로 확정해 발표했다. "
        "올해 3391명보다 278명(8.2%) 적다."
    )
    fewer = dict(_claim(text, "278명", "2026-09-05").context)
    assert "선발" in fewer and "인원" in fewer
    # a sentence with words of its own keeps them
    own = "시도교육청은 초등교사 선발 인원을 3113명으로 확정했다. 중등교사는 4350명이다."
    assert "선발" not in dict(_claim(own, "4350명", "2026-09-05").context)


@pytest.mark.parametrize(
    ("second", "surface", "takes"),
    [
        # its own verb alone (성장) says nothing of what grew: 라면 수출 is the sentence before's
        ("10년 전인 2015년 2억달러에서 세 배로 성장했다.", "세 배", True),
        # ... nor does a change word beside it
        ("2015년보다 세 배 증가로 성장했다.", "세 배", True),
        # words of its own (면세점 판매) keep the figure to them
        ("면세점 판매는 2015년보다 세 배로 성장했다.", "세 배", False),
    ],
)
def test_a_figure_whose_only_word_is_its_verb_takes_the_words_before(second, surface, takes):
    first = "올해 1~10월 라면 수출은 10억2천만달러로 지난해보다 29.5% 늘었다. "
    words = dict(_claim(first + second, surface, "2026-11-25").context)
    assert ("수출" in words and "라면" in words) == takes


def test_a_figure_in_a_sentence_about_the_one_before_takes_its_words_too():
    """ "이는 4만 가구가 1년 동안 쓸 수 있는 양이다" is about the power of the sentence before:
    beside its own words, the figure takes that sentence's (전력, 생산), which another
    outlet's "3만 가구의 전력 수요를 감당" shares. Not "이를 위해 …": what follows is done
    for the sentence before, not said of it."""
    before = "발전소는 연간 13만MWh의 전력을 생산한다. "
    words = dict(_claim(before + "이는 4만 가구가 1년 동안 쓸 수 있는 양이다.", "4만 가구").context)
    assert {"전력", "생산", "양"} <= set(words)
    done_for = dict(_claim(before + "이를 위해 4만 가구를 모집했다.", "4만 가구").context)
    assert "전력" not in done_for


def test_the_object_of_an_idiom_stands_for_its_event_in_context():
    """문을 연다 means 개장: the context holds the event, which another outlet's 개장한다 shares,
    not the door."""
    words = dict(_claim("한솔시 새 야구장이 2029년 문을 연다.", "2029년", "2026-02-24").context)
    assert "개장" in words and "문" not in words
    plain = dict(_claim("한솔시는 2029년 새 문을 달았다.", "2029년", "2026-02-24").context)
    assert "문" in plain  # no idiom: the noun itself


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("솔바람길은 8개 코스, 96㎞로 조성됐다.", "8개", "코스"),
        ("시는 버스 12개 노선을 새로 만든다.", "12개", "노선"),
        ("전국 17개의 시도 교육청이 참여했다.", "17개", "시도 교육청"),
        # a measure noun or an event after the classifier names nothing counted
        ("시는 공원 5개 조성을 마쳤다고 밝혔다.", "5개", None),
    ],
)
def test_a_count_in_gae_counts_the_noun_after_it(text, surface, subject):
    claim = _claim(text, surface, "2026-05-20")
    if subject is None:
        assert "조성" not in claim.subject
    else:
        assert claim.subject == subject


def test_a_word_of_when_is_no_label_of_a_list():
    """처음 before 40만명 says when the count fell below it, not which item it is: the
    sentence lists nothing, and its figures stay plain."""
    text = "구도심인 중앙구 인구는 39만8000명으로 처음 40만명 아래로 떨어졌다."
    assert "list_item" not in _claim(text, "39만8000명", "2026-01-15").qualifiers
    listed = "관람료는 성인 5000원, 청소년 3000원이다."
    assert "list_item" in _claim(listed, "5000원", "2026-01-15").qualifiers


def test_a_stock_at_the_end_of_a_period_is_no_occasion():
    """지난해 말 … 38만9000명 is of the year's last day, but no occasion like 지난 19일 개표에서는
    3표 차로: another article's undated figure beside its own dated one still meets it."""
    from factcheck.align import _of_a_day

    stock = _claim("지난해 말 중앙구 인구는 38만9000명이다.", "38만9000명", "2026-01-16")
    assert stock.scope == ("2025-12-31", "2025-12-31") and not _of_a_day(stock)
    vote = _claim("지난 19일 개표에서는 3표 차로 이겼다.", "3표", "2026-11-25")
    assert _of_a_day(vote)


def test_a_district_suffix_on_a_common_noun_is_read_whole():
    """kiwipiepy reads 중앙구 whole in one page and 중앙 + 구 in the next: the context holds
    the whole word either way."""
    split = dict(
        _claim("지난해 말 중앙구 인구는 38만9000명이다.", "38만9000명", "2026-01-16").context
    )
    assert "중앙구" in split


def test_only_figures_of_a_rare_counter_are_one_fact():
    """Each article's one figure in a counter of few uses (면 of parking spaces) is one fact
    however the sentences are worded; not each one's only count of people."""
    from collections import Counter

    from factcheck.align import _only_figures_of_a_rare_counter

    lot = _claim("한내역 광장 지하에 412면 규모의 공영주차장을 짓는다.", "412면", "2026-08-11")
    spaces = replace(
        _claim("주차 공간은 421면이다. 시가 밝혔다.", "421면", "2026-08-11"), doc_id="other"
    )
    per_doc = Counter({lot.doc_id: 1, spaces.doc_id: 1})
    assert _only_figures_of_a_rare_counter(lot, spaces, per_doc)
    assert not _only_figures_of_a_rare_counter(lot, spaces, Counter({lot.doc_id: 2, "other": 1}))
    dead = _claim("이 사고로 2명이 숨졌다.", "2명", "2026-08-11")
    rescued = replace(_claim("주민 3명이 구조됐다.", "3명", "2026-08-11"), doc_id="other")
    assert not _only_figures_of_a_rare_counter(dead, rescued, per_doc)
    # a story rarely gives two growths as multiples: each article's only one is one fact
    five = _claim("라면 수출은 10년 만에 다섯 배로 커졌다.", "다섯 배", "2026-11-25")
    three = replace(_claim("10년 새 세 배로 성장했다.", "세 배", "2026-11-25"), doc_id="other")
    assert _only_figures_of_a_rare_counter(five, three, per_doc)
    assert not _only_figures_of_a_rare_counter(five, three, Counter({lot.doc_id: 2, "other": 1}))


@pytest.mark.parametrize(
    ("ended", "level", "same"),
    [
        # the level a change over last year reached is the stock at last year's end
        (
            "지난해 말 기준 전국 어린이집은 2만8594곳이었다.",
            "어린이집은 2019년 3만7371곳에서 지난해 2만8954곳으로 줄었다.",
            True,
        ),
        (
            "올해 6월 말 가입자는 310만명이다.",
            "가입자는 지난해 250만명에서 올해 상반기 300만명으로 늘었다.",
            True,
        ),
        # a figure of the period no change reached: the year's new members, not the stock
        ("지난해 말 가입자는 300만명이다.", "지난해 신규 가입자는 50만명이다.", False),
        # a change over the period is no stock
        ("지난해 말 기준 어린이집은 2만8594곳이었다.", "어린이집은 지난해 1950곳 줄었다.", False),
        # a stock at the end of another period
        (
            "2024년 말 기준 어린이집은 2만8594곳이었다.",
            "어린이집은 2019년 3만7371곳에서 지난해 2만8954곳으로 줄었다.",
            False,
        ),
    ],
)
def test_a_stock_at_a_periods_end_is_the_level_its_change_reached(ended, level, same):
    """지난해 말 기준 2만8594곳 and 지난해 2만8954곳으로 줄었다 are one fact: the stock on the
    last day of 2025 (the pages disagree on it). Figures of two periods otherwise never
    meet, and each article's only figure of the period pairs with the other's."""
    from factcheck.align import _stock_the_period_ended_at, _Structure

    stock = next(c for c in _claims_of(ended, "2026-05-20") if c.kind == "count")
    reached = [c for c in _claims_of(level, "2026-05-20") if c.kind == "count"][-1]
    assert "period_end" in stock.qualifiers and reached.scope
    assert _stock_the_period_ended_at(stock, reached) is same
    assert _stock_the_period_ended_at(reached, stock) is same
    vector = {"어린이집": 1.0, "가입자": 1.0}
    assert (pair_similarity(stock, reached, vector, vector) > 0) is same
    structure = _Structure([stock, reached], {})
    assert structure.only_figure_of_its_period(stock, reached) is same


@pytest.mark.parametrize(
    ("first", "second", "different"),
    [
        # a forecast is no event of the thing: the flowering it dates is another page's
        ("서귀포는 3월 20일로 예상됐다.", "첫 개화는 3월 20일 서귀포에서 시작된다.", False),
        ("개통은 3월 5일로 전망된다.", "새 노선은 3월 5일 개통한다.", False),
        # two forecasts: one event as before
        ("진화는 16일께로 예상된다.", "진화는 16일께로 내다봤다.", False),
        # two events of one thing still have two dates
        ("공사는 3월 5일 착공한다.", "공사는 3월 5일 준공한다.", True),
        ("벚꽃은 4월 2일 개화한다.", "벚꽃은 4월 2일 만개한다.", True),
    ],
)
def test_a_forecast_dates_the_event_it_forecasts(first, second, different):
    from factcheck.align import _different_known_events

    (a,) = [c for c in _claims_of(first, "2027-02-26") if c.kind == "date"]
    (b,) = [c for c in _claims_of(second, "2027-02-26") if c.kind == "date"]
    assert _different_known_events(a, b) is different
    assert _different_known_events(b, a) is different


def test_flowering_is_one_event_however_written():
    """개화 and 피다 name one event (two pages' dates of it disagree: 4월 2일 / 4월 3일);
    만개, the full bloom a week later, is another."""
    from factcheck.align import same_event

    def date_of(text):
        (date,) = [c for c in _claims_of(text, "2027-02-26") if c.kind == "date"]
        return date

    opened = date_of("서울은 4월 2일 개화한다.")
    assert same_event(opened, date_of("서울 벚꽃은 4월 3일 핀다."))
    assert not same_event(opened, date_of("서울 벚꽃은 4월 9일 만개한다."))


@pytest.mark.parametrize(
    ("average", "other", "apart"),
    [
        # an average over past years is not this year's figure
        (
            "이번 인상률은 역대 정부 첫해 평균 인상률 6.4%에 못 미친다.",
            "내년도 최저임금의 인상률은 2.9%로 정해졌다.",
            True,
        ),
        (
            "이 회사 직원들의 연봉은 업계 평균 연봉 8000만원보다 높다.",
            "이 회사 직원들의 연봉은 올해 1억원으로 올랐다.",
            True,
        ),
        # a daily average another page writes without 평균: the group (하루) is in both
        (
            "해솔대교의 하루 평균 교통량은 5만2000대다.",
            "해솔대교 하루 교통량은 2만5000대로 집계됐다.",
            False,
        ),
        # both averages, or the other says 평균 too
        ("업계 평균 연봉은 8000만원이다.", "업계 평균 연봉은 8500만원이다.", False),
        ("업계 평균 연봉은 8000만원이다.", "연봉은 평균 8500만원이다.", False),
    ],
)
def test_an_average_over_a_group_is_no_single_value(average, other, apart):
    """ "역대 정부 첫해 평균 인상률 6.4%" beside "인상률은 2.9%" (min-wage): the average of
    past rates never meets this year's rate. 평균 right before a figure (평균 8500만원)
    marks nothing: another page may leave it out."""
    from factcheck.align import _average_of_a_group

    def figure(text):
        return [
            c for c in _claims_of(text, "2026-07-11") if c.kind in ("percent", "money", "count")
        ][0]

    a, b = figure(average), figure(other)
    assert "average" in a.qualifiers
    assert ("average" in b.qualifiers) is ("평균 연봉은" in other)
    assert (_average_of_a_group(a, b) or _average_of_a_group(b, a)) is apart
    vector = {"연봉": 1.0, "인상률": 1.0, "교통량": 1.0}
    assert (pair_similarity(a, b, vector, vector) == 0) is apart


@pytest.mark.parametrize(
    ("first", "second", "paired"),
    [
        # each page's one day something starts from, the verb known or not: one fact
        ("새 노선은 다음 달 1일부터 운행한다.", "다음 달 15일부터 새 노선이 적용된다.", True),
        ("새 요금은 다음 달 1일부터 받는다.", "인상된 요금은 다음 달 3일부터 시행된다.", True),
        # not a day another known event starts from: the applications are not the rule
        ("신청은 다음 달 1일부터 접수한다.", "새 제도는 다음 달 15일부터 시행된다.", False),
    ],
)
def test_the_one_day_a_measure_starts_from_pairs_however_worded(first, second, paired):
    """Two pages' only days something starts from (부터) are one fact even when their
    verbs are not a known start (운행한다) and their sentences share almost no word."""
    from factcheck.align import _Structure

    (a,) = [c for c in _claims_of(first, "2027-01-14") if c.kind == "date"]
    (b,) = [c for c in _claims_of(second, "2027-01-14") if c.kind == "date"]
    b = replace(b, doc_id="other")
    assert _Structure([a, b], {}).one_fact(a, b) is paired


def test_the_day_something_starts_from_is_no_period_of_a_figure():
    """ "다음 달 1일부터 노선 12개를 새로 만들고": the twelve routes are not counted on the
    1st (another page's 14개 has no date, and the two must still meet); a month a figure is
    of still scopes it."""
    routes = _claim("시는 다음 달 1일부터 시내버스 노선 12개를 새로 만든다고 밝혔다.", "12개")
    assert routes.scope is None
    sales = _claim("지난달 판매량은 1200대로 집계됐다고 회사가 밝혔다.", "1200대")
    assert sales.scope is not None


def test_making_a_thing_anew_is_one_event_however_written():
    """노선 12개를 신설 / 새로 만들고 / 14개가 새로 생기고; 일자리 2만 개 창출 / 생긴다."""
    from factcheck.align import same_event

    def count_of(text):
        return [c for c in _claims_of(text, "2027-01-14") if c.kind == "count"][0]

    made = count_of("시는 시내버스 노선 12개를 새로 만든다고 밝혔다.")
    for text in (
        "시는 시내버스 노선 12개를 신설한다고 밝혔다.",
        "시내버스 노선 14개가 새로 생긴다고 밝혔다.",
    ):
        assert same_event(made, count_of(text)), text
    jobs = count_of("이 사업으로 일자리 2만 개가 창출될 것으로 기대했다.")
    assert same_event(jobs, count_of("사업이 끝나면 일자리 2만 개가 새로 생길 것으로 봤다."))


@pytest.mark.parametrize(
    ("text", "surface", "word", "present"),
    [
        # a verb made a noun with -ㅁ names what a figure counts, as a noun would
        ("사고 유형별로는 떨어짐이 126명으로 가장 많았다.", "126명", "떨어짐", True),
        ("떨어짐 사고로 숨진 노동자는 162명이었다.", "162명", "떨어짐", True),
        ("끼임 사고로 다친 노동자는 38명이었다.", "38명", "끼임", True),
        # not a one-syllable stem: 있음 says nothing of the figure
        ("위험이 있음을 알린 곳은 12곳이었다.", "12곳", "있음", False),
        # nor a verb in any other form
        ("노동자 5명이 떨어져 다쳤다.", "5명", "떨어져", False),
    ],
)
def test_a_verb_made_a_noun_is_context(text, surface, word, present):
    context = dict(_claim(text, surface, "2026-11-12").context)
    assert (word in context) is present


def test_a_casualty_count_elsewhere_must_be_as_alike_as_the_figure():
    """counted_elsewhere with vectors: the other article's own count of the dead takes the
    place of its undeclared figure only when it is at least as like ours in words. "떨어짐이
    126명으로 가장 많았다" is the deaths by falling, more like "떨어짐 사고로 숨진 노동자는
    162명" than that article's 443 dead in all."""
    from factcheck.align import _Structure

    fell = _claim("떨어짐 사고로 숨진 노동자는 162명이었다.", "162명", "2026-11-12")
    by_kind = _claim("사고 유형별로는 떨어짐이 126명으로 가장 많았다.", "126명", "2026-11-12")
    total = _claim("올해 사고로 숨진 노동자는 443명이다.", "443명", "2026-11-12")
    by_kind, total = replace(by_kind, doc_id="c"), replace(total, doc_id="c")
    structure = _Structure([fell, by_kind, total], {})
    assert structure.counted_elsewhere(fell, by_kind)  # without words: the count elsewhere
    vectors = {
        fell.id: {"떨어짐": 1.0, "사고": 0.5, "노동자": 0.5},
        by_kind.id: {"떨어짐": 1.0, "사고": 0.5, "유형": 0.5},
        total.id: {"사고": 0.5, "노동자": 0.5},
    }
    assert not structure.counted_elsewhere(fell, by_kind, vectors)
    # the count elsewhere more alike than the figure: that one is the counterpart
    vectors[by_kind.id] = {"유형": 1.0}
    assert structure.counted_elsewhere(fell, by_kind, vectors)


@pytest.mark.parametrize(
    ("text", "surface", "event"),
    [
        # the value is set as the day of the event its object names, whatever verb sets it
        ("공사는 새 개통일을 다음 달 8일로 정했다고 밝혔다.", "다음 달 8일", "개통"),
        ("누리웨더는 서울의 벚꽃 개화 예상일을 4월 2일로 제시했다.", "4월 2일", "개화"),
        ("시는 착공 시기를 내년 3월로 늦췄다.", "내년 3월", "착공"),
    ],
)
def test_a_day_set_as_a_value_dates_the_event_its_object_names(text, surface, event):
    assert _claim(text, surface, "2026-10-14").predicate == event


@pytest.mark.parametrize(
    ("first", "second", "paired"),
    [
        # each page's one age limit, its measure named two ways (대상 / 나이)
        (
            "참여 대상은 만 65세 이상 기초연금 수급자다.",
            "일자리 참여 나이는 만 60세 이상이다.",
            True,
        ),
        # limits of two directions are two rules
        (
            "참여 대상은 만 65세 이상 기초연금 수급자다.",
            "일자리 참여 나이는 만 19세 미만이다.",
            False,
        ),
        # an age that is no limit: a person's
        ("참여 대상은 만 65세 이상 기초연금 수급자다.", "참여한 김모씨는 올해 72세다.", False),
    ],
)
def test_each_pages_one_age_limit_is_one_fact(first, second, paired):
    from factcheck.align import _Structure

    (a,) = [c for c in _claims_of(first, "2026-08-27") if c.kind == "age"]
    (b,) = [c for c in _claims_of(second, "2026-08-27") if c.kind == "age"]
    b = replace(b, doc_id="other")
    assert _Structure([a, b], {}).one_fact(a, b) is paired


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        # 내리다 of hail or rain is a fall from the sky, not a cut
        ("지난 3일 오후 5시께 20분가량 내린 우박으로 과수가 피해를 입었다.", "20분가량", False),
        ("밤사이 비가 80㎜ 내렸다.", "80㎜", False),
        # a rate lowered is still a change
        ("한국은행은 기준금리를 0.25%포인트 내렸다.", "0.25%포인트", False),
        ("은행은 대출 한도를 500만원 내렸다.", "500만원", True),
    ],
)
def test_what_falls_from_the_sky_is_no_change(text, surface, change):
    assert ("change" in _claim(text, surface, "2026-06-05").qualifiers) is change


def test_each_pages_one_figure_of_one_class_of_measure_is_one_fact():
    """ "예산은 540억원이다" / "사업비는 국비 450억원이다": each page's only amount, its measure
    named in two words of one class (<비용>), is one fact; 수출 / 수입 stay two measures."""
    from factcheck.align import _only_figures_of_one_measure

    budget = _claim("공공 와이파이 사업 예산은 540억원이다.", "540억원", "2026-05-13")
    cost = _claim("공공 와이파이 사업비는 국비 450억원이다.", "450억원", "2026-05-13")
    cost = replace(cost, doc_id="other")
    per_doc = {budget.doc_id: 1, cost.doc_id: 1}
    assert _only_figures_of_one_measure(budget, cost, per_doc)
    exports = _claim("반도체 수출은 120억달러였다.", "120억달러", "2026-05-13")
    imports = replace(
        _claim("반도체 수입은 80억달러였다.", "80억달러", "2026-05-13"), doc_id="other"
    )
    assert not _only_figures_of_one_measure(exports, imports, {exports.doc_id: 1, "other": 1})


# --- session 20: terms, increments, own subjects, compound heads, periods, now vs plan ---


def _figure(text: str, surface: str, published: str = "2025-12-05"):
    return next(c for c in _claims_of(text, published) if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "days"),
    [
        ("체류 기간은 최대 15일이다.", "15일", 15),  # the limit of a stay, no 15th of the month
        ("그는 임기 90일을 모두 채웠다고 말했다.", "90일", 90),
        ("관광객은 최장 30일 머물 수 있다.", "30일", 30),
        ("관광객은 최대 15일 동안 머물 수 있다.", "15일", 15),
        # a count of days (일수) is no day of the month
        ("올여름 전국 평균 폭염일수가 24일로 집계됐다.", "24일", 24),
        ("올여름 폭염일수는 42일로 역대 3위를 기록했다.", "42일", 42),
        ("올여름 열대야 일수는 15일이었다.", "15일", 15),
    ],
)
def test_a_term_in_days_is_a_duration(text, surface, days):
    claim = _figure(text, surface)
    assert claim.kind == "duration" and claim.value.value == days


def test_a_day_after_a_limit_word_elsewhere_is_still_a_day():
    (date,) = [c for c in _claims_of("행사는 오는 15일 최대 규모로 열린다.") if c.kind == "date"]
    assert date.value.start == "2025-12-15"


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        # a forecast of more arrivals: the increment, as 45만명 늘어날 is
        ("정부는 연간 54만명의 관광객이 추가로 들어올 것으로 기대하고 있다.", "연간 54만명", True),
        # an extra amount paid: the amount, which another outlet writes as 15만원을 더 받는다
        ("피해 가구에는 15만원이 추가로 지급된다.", "15만원", False),
    ],
)
def test_a_forecast_of_more_is_a_change(text, surface, change):
    assert ("change" in _figure(text, surface).qualifiers) is change


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        # the figure's own subject, not the clause's topic (정부는)
        (
            "정부는 연간 54만명의 관광객이 추가로 들어올 것으로 기대하고 있다.",
            "연간 54만명",
            "관광객",
        ),
        ("축제에는 약 3만명의 인파가 몰렸다.", "약 3만명", "인파"),
        # an object is no subject: the clause has none for the figure
        ("정부는 3조원의 예산을 투입한다.", "3조원", ""),
    ],
)
def test_a_figure_written_onto_its_subject_measures_it(text, surface, measure):
    assert _figure(text, surface).marked_subject == measure


@pytest.mark.parametrize(
    ("noun", "feature"),
    [
        ("요금", "<요금>"),
        ("기본요금", "<요금>"),  # kiwipiepy keeps it whole where it cuts 거리 + 요금
        ("통행요금", "<요금>"),
        ("총사업비", "<비용>"),  # listed itself
        ("충전기", None),  # one syllable before 전기: no compound of it
        ("시가", None),
    ],
)
def test_a_compound_is_of_its_heads_synonym_class(noun, feature):
    from factcheck.claims import synonym_class

    assert synonym_class(noun) == feature


def test_a_district_suffix_read_with_its_particle_is_given_back():
    from factcheck.sentences import split_documents

    (doc,) = make_documents(
        [
            {
                "outlet": "가람일보",
                "published": "2025-12-05",
                "text": "새뜰시가 1780억원을 들여 만든 공원이 문을 연다. 가람전자 시가총액은 3조원이다.",
            }
        ]
    )
    tokens = [(t.form, t.tag) for s in split_documents([doc])[doc.id] for t in s.tokens]
    assert ("시", "NNG") in tokens and ("가", "JKS") in tokens
    assert ("시가", "NNG") in tokens  # 시가총액: the word, written on


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        # what the count counts befell in the period: the filings received in those months
        (
            "올해 1~10월 전국 법원에 접수된 법인 파산 신청은 1745건이다.",
            "1745건",
            ("2025-01-01", "2025-10-31"),
        ),
        ("지난해 전국에서 발생한 화재는 3만6000건이다.", "3만6000건", ("2024-01-01", "2024-12-31")),
        (
            "올해 들어 10월까지 파산을 신청한 법인이 1745곳에 달했다.",
            "1745곳",
            ("2025-01-01", "2025-10-31"),
        ),
        # a founding dates the company, not its staff; a day dates the fire, not the dead
        ("2020년 설립된 회사의 직원은 300명이다.", "300명", None),
        ("지난 3일 난 불로 작업자 3명이 숨졌다.", "3명", None),
    ],
)
def test_a_period_dates_the_counted_events_of_a_relative_clause(text, surface, scope):
    assert _figure(text, surface).scope == scope


def test_periods_of_two_different_figures_are_two_dates():
    """올해 1~10월 frames 1745건, 지난해 frames 1657건 in the other article: two periods of
    two figures, no date told two ways (a figure written right after its month is one
    point of a series already)."""
    from factcheck.align import figures_of_periods

    claims = _claims_of(
        "올해 1~10월 법원에 접수된 파산 신청은 1745건이다. "
        "지난해 한 해 동안 접수된 파산 신청은 1657건이었다."
    )
    labelled = figures_of_periods(claims)
    periods = {c.surface: labelled.get(c.id) for c in claims if c.kind == "date"}
    assert periods["올해 1~10월"] == {("건", 1745.0)}
    assert periods["지난해"] == {("건", 1657.0)}


def test_what_is_now_never_meets_what_is_planned():
    now = _figure("모래알랩스 솔루션은 현재 국내 물류센터 62곳에서 쓰이고 있다.", "62곳")
    plan = _figure("모래알랩스는 일본 물류센터 10곳에 로봇을 공급할 예정이다.", "10곳")
    assert "now" in now.qualifiers and "plan" in plan.qualifiers
    vector = {"물류": 1.0, "센터": 1.0}
    assert pair_similarity(now, plan, vector, vector) == 0.0
    # two plans, or a plan and a plain figure, still meet
    assert pair_similarity(replace(now, qualifiers=frozenset()), plan, vector, vector) > 0


@pytest.mark.parametrize(
    ("text", "surface", "change"),
    [
        ("기본거리는 2㎞에서 1.6㎞로 짧아진다.", "1.6㎞", False),  # the level it comes to
        ("운행 시간이 2시간 단축된다.", "2시간", True),  # by how much
    ],
)
def test_shortening_is_a_decrease(text, surface, change):
    claim = _figure(text, surface)
    assert "decrease" in predicate_classes(claim.predicate)
    assert ("change" in claim.qualifiers) is change


def test_opening_to_the_public_is_an_opening():
    """공원은 7월 15일 시민들에게 개방된다 / 다음 달 5일 개장한다: one event, two dates."""
    opened = _figure("새뜰중앙공원은 7월 15일 시민들에게 개방된다.", "7월 15일")
    assert "open" in predicate_classes(opened.predicate)


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        # 도 marks the subject as 은 does; a trend as the object says how the figure moved
        ("법인 회생 신청도 1120건으로 증가세를 보였다.", "1120건", "회생 신청"),
        ("올해 반도체 수출도 12%가량 늘었다고 밝혔다.", "12%가량", "반도체 수출"),
        # an object that is acted on still makes the marked noun the actor
        ("위원회는 보험료율을 7.19%로 의결했다.", "7.19%", ""),
    ],
)
def test_what_a_figure_measures_under_do_and_a_trend(text, surface, measure):
    assert _figure(text, surface).marked_subject == measure


def test_a_rise_and_a_fall_of_different_sizes_never_meet():
    fall = _figure("사과의 10a당 생산량은 1166㎏으로 10.4% 감소했다고 밝혔다.", "10.4%")
    rise = _figure("사과와 달리 배 생산량은 17만2000t으로 4.8% 늘었다고 밝혔다.", "4.8%")
    vector = {"생산량": 1.0}
    assert pair_similarity(fall, rise, vector, vector) == 0.0
    # of one size, one fact may have been told the wrong way round: they still meet
    same = replace(rise, value=fall.value, surface=fall.surface)
    assert pair_similarity(fall, same, vector, vector) > 0


def test_an_article_that_names_both_narrowings_tells_them_apart():
    """개인 파산 신청 3만9000건 beside 법인 파산 신청 1745건 in one article: the other
    article's 법인 파산 신청 1657건 is no rival of the personal filings."""
    from factcheck.align import figure_subjects, told_apart

    mine = _claims_of(
        "올해 법인 파산 신청은 1745건으로 늘었다고 밝혔다. 개인 파산 신청은 3만9000건으로 집계됐다."
    )
    theirs = _figure("지난해 법인 파산 신청은 1657건이었다고 밝혔다.", "1657건")
    personal = next(c for c in mine if c.surface == "3만9000건")
    corporate = next(c for c in mine if c.surface == "1745건")
    subjects = figure_subjects(mine)
    assert told_apart(personal, theirs, subjects)
    assert not told_apart(corporate, theirs, subjects)  # one subject phrase: a rival
    assert not told_apart(theirs, personal, {})  # an article that names only one


@pytest.mark.parametrize(
    ("text", "surface", "event"),
    [
        ("올해 선발 인원(3200명)보다 300명 적다.", "300명", "decrease"),  # = 300명 감소
        ("여성은 569만명으로 남성보다 114만명 많았다.", "114만명", "increase"),
    ],
)
def test_a_change_by_comparison_is_a_rise_or_a_fall(text, surface, event):
    from factcheck.align import claim_events

    claim = _figure(text, surface)
    assert "change" in claim.qualifiers and event in claim_events(claim)


def test_a_countrys_trade_word_is_of_the_country():
    from factcheck.claims import synonym_class

    assert synonym_class("대미") == synonym_class("미국") == "<미국>"
    assert synonym_class("대중") is None  # also "the public"


def test_a_lines_opening_is_the_start_of_its_service():
    """연장구간이 다음 달 27일 개통한다 / 7월 29일 운행을 시작한다: one event, two dates."""
    from factcheck.align import claim_events

    opened = _figure(
        "2호선 연장구간이 다음 달 27일 개통한다고 밝혔다.", "다음 달 27일", "2030-06-12"
    )
    started = _figure("2호선 연장구간이 7월 29일 운행을 시작한다.", "7월 29일", "2030-06-12")
    assert claim_events(opened) & claim_events(started)


@pytest.mark.parametrize(
    ("text", "surface", "quals", "scope"),
    [
        # a price that becomes dearer by so much: a change, as 300원 오른다 is
        ("카페라테는 5300원으로 300원 비싸진다.", "300원", {"change"}, None),
        ("카페라테는 5300원으로 300원 비싸진다.", "5300원", set(), None),
        # the level a change starts from, whether it ends 으로 or 이 된다
        ("카페라테는 5000원에서 5300원이 된다.", "5000원", {"before"}, None),
        # the month a price holds from is no period of the price
        ("아메리카노 가격은 다음 달부터 4900원이 된다.", "4900원", set(), None),
    ],
)
def test_prices_that_change(text, surface, quals, scope):
    claim = _figure(text, surface, "2030-08-22")
    assert claim.qualifiers & {"change", "before"} == quals
    assert claim.scope == scope


def test_a_value_its_article_states_elsewhere_keeps_a_figure_from_another():
    """급속충전기 1만2000기 (a list item) against 휴게소에 600기, when the other article also
    says 급속충전기가 1만2000기 늘어난다: the 1만2000 is that figure, the 600 another."""
    from factcheck.align import stated_elsewhere

    mine = _figure("올해 급속충전기 1만2000기와 완속충전기 6만기를 설치한다.", "1만2000기")
    theirs = _claims_of(
        "올해 급속충전기가 1만2000기 늘어난다. 휴게소에는 급속충전기 600기를 우선 배치한다."
    )
    rest_areas = next(c for c in theirs if c.surface == "600기")
    more = next(c for c in theirs if c.surface == "1만2000기")
    stated = {rest_areas.doc_id: [c for c in theirs if isinstance(c.value, Quantity)]}
    alike = {mine.id: {"급속": 1.0, "충전": 1.0}, more.id: {"급속": 1.0, "충전": 1.0}}
    alike[rest_areas.id] = {"급속": 1.0, "충전": 1.0, "휴게소": 1.0}
    assert stated_elsewhere(mine, rest_areas, stated, alike)
    # less alike in words than the rival figure: the value stated elsewhere is another fact
    alike[more.id] = {"완속": 1.0}
    assert not stated_elsewhere(mine, rest_areas, stated, alike)
    assert not stated_elsewhere(mine, more, stated, alike)  # agreeing values


def test_a_place_cut_from_its_suffix_is_one_story_word_with_it():
    """kiwipiepy reads 은하시 whole in one page and 은하 + 시 in another: the story words of
    both hold 은하시, so the pages meet on the place's name."""
    from factcheck.align import story_nouns
    from factcheck.models import Sentence, Token

    cut = Sentence(
        "d", 0, 0, 6, "은하시는 짓는다", (Token("은하", "NNP", 0, 2), Token("시", "NNG", 2, 3))
    )
    whole = Sentence("e", 0, 0, 6, "은하시는 짓는다", (Token("은하시", "NNP", 0, 3),))
    assert story_nouns([cut]) == story_nouns([whole]) == {"은하시": 2.0}
    apart = Sentence(
        "f", 0, 0, 6, "은하 시는", (Token("은하", "NNP", 0, 2), Token("시", "NNG", 3, 4))
    )
    assert "은하시" not in story_nouns([apart])  # not written onto the name


def test_a_compound_cut_in_two_is_one_story_word_with_its_whole():
    """kiwipiepy reads 생활임금 whole in one page and 생활 + 임금 in another: the story words
    of the cut page hold the compound too, beside its parts; two words apart stay apart."""
    from factcheck.align import story_nouns
    from factcheck.models import Sentence, Token

    cut = Sentence(
        "d", 0, 0, 8, "생활임금을 정했다", (Token("생활", "NNG", 0, 2), Token("임금", "NNG", 2, 4))
    )
    whole = Sentence("e", 0, 0, 8, "생활임금을 정했다", (Token("생활임금", "NNG", 0, 4),))
    assert story_nouns([cut]) == {"생활": 1.0, "임금": 1.0, "생활임금": 1.0}
    assert story_nouns([whole]) == {"생활임금": 1.0}
    apart = Sentence(
        "f", 0, 0, 9, "생활 임금을 정했다", (Token("생활", "NNG", 0, 2), Token("임금", "NNG", 3, 5))
    )
    assert "생활임금" not in story_nouns([apart])


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("조사 대상에는 법인 47곳이 포함됐다.", "47곳", True),  # some of the targets
        ("사망자 3명을 포함해 사상자는 10명이다.", "3명", True),
        ("조사 대상은 120곳이다.", "120곳", False),
    ],
)
def test_a_figure_something_includes_is_a_part(text, surface, part):
    assert ("part" in _figure(text, surface).qualifiers) is part


def test_fractions_of_one_thing_are_compared():
    """상장사 3분의 1 / 상장사 4분의 1: each page's one fraction, of one subject, disagree;
    절반 / 절반 넘게 agree."""
    docs = make_documents(
        [
            {
                "outlet": "가람일보",
                "published": "2032-08-20",
                "text": "국내 상장사 3분의 1이 영업이익으로 이자도 내지 못했다.",
            },
            {
                "outlet": "나래뉴스",
                "published": "2032-08-20",
                "text": "상장사 4분의 1이 번 돈으로 이자도 갚지 못하는 것으로 조사됐다.",
            },
        ]
    )
    report = check_documents(tuple(docs), Settings(story_similarity=0.0))
    assert [sorted(c.surface for s in x.sides for c in s) for x in report.conflicts] == [
        ["3분의 1", "4분의 1"]
    ]
    same = make_documents(
        [
            {"outlet": "가람일보", "published": "2032-08-20", "text": "신청자의 절반이 청년이다."},
            {
                "outlet": "나래뉴스",
                "published": "2032-08-20",
                "text": "신청자의 절반 넘게가 청년이다.",
            },
        ]
    )
    assert not check_documents(tuple(same), Settings(story_similarity=0.0)).conflicts


@pytest.mark.parametrize(
    "text",
    [
        "SUV 운전자 이모(76)씨는 경찰 조사에서 말했다.",  # 이 + 모 (a pronoun)
        "교차로에서 이모(76)씨가 몰던 SUV가 버스를 들이받았다.",  # 이모, one noun
        "SUV를 운전한 이모(76)씨는 차량 결함을 주장하고 있다.",
    ],
)
def test_the_age_of_a_withheld_name_is_of_that_name(text):
    (age,) = [c for c in _claims_of(text) if c.kind == "age"]
    assert (age.surface, age.subject) == ("76", "이모")


@pytest.mark.parametrize(
    ("text", "figures", "basis"),
    [
        # the quantity a price is for is no figure; the price keeps it
        ("산지 쌀값은 20㎏에 5만7천원이다.", ["5만7천원"], "per_20kg"),
        ("산지 쌀값은 20㎏ 한 포대에 4만7천원이다.", ["4만7천원"], "per_20kg"),
        ("80㎏들이 한 가마에 18만8천원이다.", ["18만8천원"], "per_80kg"),
        ("산지 쌀값은 한 포대에 4만7천원이다.", ["4만7천원"], None),  # of one thing
        # how many are paid, and a weight no price follows, are figures
        ("청년 1만명에 10만원씩 준다.", ["1만명", "10만원"], None),
        ("쌀 20㎏ 4만 포대를 풀었다.", ["20㎏", "4만 포대"], None),
    ],
)
def test_the_quantity_a_price_is_for_is_no_figure(text, figures, basis):
    claims = [c for c in _claims_of(text) if isinstance(c.value, Quantity)]
    assert [c.surface for c in claims] == figures
    bases = {q for c in claims for q in c.qualifiers if q.startswith("per_")}
    assert bases == ({basis} if basis else set())


def test_prices_for_two_quantities_never_meet():
    from factcheck.align import pair_similarity

    (per20,) = [c for c in _claims_of("산지 쌀값은 20㎏에 4만7천원이다.") if c.kind == "money"]
    (per80,) = [c for c in _claims_of("산지 쌀값은 80㎏에 18만8천원이다.") if c.kind == "money"]
    (again,) = [c for c in _claims_of("산지 쌀값은 20㎏에 5만7천원이다.") if c.kind == "money"]
    alike = {"산지": 1.0, "쌀값": 1.0}
    assert pair_similarity(per20, per80, alike, alike) == 0.0
    assert pair_similarity(per20, again, alike, alike) > 0.9


def test_one_change_told_both_ways_round_is_one_fact():
    """5.2% 줄었다 / 5.2% 늘었다: one change of one size, one page with the direction wrong:
    the pair keeps its likeness (direction-mismatch weighs it); of two sizes, two facts."""
    from factcheck.align import pair_similarity

    fell = _figure("중국으로의 수출이 1년 전보다 5.2% 줄었다.", "5.2%")
    rose = _figure("중국으로의 수출이 1년 전보다 5.2% 늘었다.", "5.2%")
    other = _figure("중국으로의 수출이 1년 전보다 2.5% 늘었다.", "2.5%")
    alike = {"수출": 1.0, "중국": 1.0}
    assert pair_similarity(fell, rose, alike, alike) > 0.9
    assert pair_similarity(fell, other, alike, alike) == 0.0


_TOPIC_OF_A_CLASS_AND_ITS_WORD = """
from factcheck.align import Idf, topic_label
from factcheck.models import Claim, Quantity

q = Quantity("money", "KRW", 10.6, 10.6, 10.6)
claims = [Claim(f"{d}-0", d, 0, "money", "10.6원", 0, 5, q, "", "오르", ()) for d in "ab"]
weights = {"요금": 4.79, "<요금>": 2.24, "kwh": 4.28, "을": 2.84}
print(topic_label(claims, {c.id: dict(weights) for c in claims}, Idf([])))
"""


def test_a_topic_is_the_same_whatever_the_hash_seed():
    """A synonym class (<요금>) and its own word (요금) both read 요금: the heavier weight
    counts, not the one the set of nouns happens to give last (its order changes with
    Python's hash seed, so one report differed between two runs)."""
    import os
    import subprocess
    import sys

    labels = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", _TOPIC_OF_A_CLASS_AND_ITS_WORD],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        labels.add(done.stdout.strip())
    assert labels == {"요금 kwh 을"}


@pytest.mark.parametrize(
    ("text", "surface", "edition"),
    [
        # a year before the clause's topic or subject tells which festival is meant
        ("지난해 축제에는 42만명이 다녀갔다.", "지난해", True),
        ("올해 축제는 내년 1월 17일까지 이어진다.", "올해", True),
        ("올해 대회가 가장 많은 선수를 모았다.", "올해", True),
        # ... a year before an object, a place, an event or a time dates what happens
        ("그는 1975년 한길산업을 세웠다.", "1975년", False),
        ("박 청장은 1972년 가온시에서 태어났다.", "1972년", False),
        ("새 노선은 지난해 개통은 했지만 승객이 적다.", "지난해", False),
        ("2023년 화재로 누각이 불탔다.", "2023년", False),
        ("올해 상반기는 수출이 늘었다.", "올해 상반기", False),
    ],
)
def test_a_year_before_its_clauses_topic_names_an_edition(text, surface, edition):
    assert ("edition" in _claim(text, surface, "2026-11-20").qualifiers) == edition


def test_two_editions_of_a_festival_are_no_date_conflict():
    """지난해 축제 and 올해 축제 are two festivals: one page's year of last year's visitors
    never meets another's year of this year's festival."""
    articles = [
        {
            "outlet": "가람일보",
            "published": "2026-11-20",
            "text": "청계천 빛축제가 다음 달 5일 개막한다. 지난해 축제에는 42만명이 다녀갔다.",
        },
        {
            "outlet": "나래신문",
            "published": "2026-11-20",
            "text": "청계천 빛축제가 다음 달 5일 개막한다. 올해 축제는 내년 1월 17일까지 이어진다.",
        },
    ]
    report = check_documents(make_documents(articles), Settings())
    assert [c for c in report.conflicts if c.rule == "date-mismatch"] == []


@pytest.mark.parametrize(
    "text",
    [
        "불이 난 것은 22일 오전 3시 40분께였다.",  # past a hedge (께, 쯤) before the copula
        "불이 난 건 21일 새벽 3시 40분쯤이었다.",
        "불이 난 건 21일 새벽 3시 40분이었다.",
    ],
)
def test_a_date_a_cleft_sentence_gives_takes_the_event_of_its_relative_clause(text):
    """ "불이 난 건 … 3시 40분쯤이었다" dates the fire breaking out (나), as "불은 … 3시 40분께
    시작됐다" does; with no event, the time met another page's time the fire was put out."""
    (date,) = [c for c in _claims_of(text, "2026-11-23") if c.kind == "date"]
    assert date.predicate == "나"


def test_a_day_to_come_and_the_same_day_reported_done_are_one_occurrence():
    """ "15일 오전 10시 열린다" on a page of the 10th and "이날 오전 10시 열린" on the 15th tell
    one ceremony before and after; a past round (16일 치러진) and a coming one after it (다음
    달 21일 열린다) stay two."""
    from factcheck.align import _happened_and_to_come

    before = _claim(
        "개청식은 15일 오전 10시 청사 앞 광장에서 열린다.", "15일 오전 10시", "2026-12-10"
    )
    after = replace(
        _claim("15일 오전 10시 청사 앞 광장에서 개청식이 열렸다.", "15일 오전 10시", "2026-12-15"),
        doc_id="other",
    )
    assert "future" in before.qualifiers and "done" in after.qualifiers
    assert not _happened_and_to_come(before, after)
    first = _claim("지난 16일 치러진 1차 투표에서 과반 득표자가 없었다.", "지난 16일", "2026-11-20")
    runoff = replace(
        _claim("결선 투표는 다음 달 21일 열린다.", "다음 달 21일", "2026-11-20"), doc_id="other"
    )
    assert _happened_and_to_come(first, runoff)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 시장 as a mayor's title is no market: 박 부시장, 신임 시장
        ("박 부시장은 다음 달 1일 취임한다.", []),
        ("신임 시장은 다음 달 취임한다.", []),
        ("양곡 도매 시장이 이전한다.", [("place", "양곡도매시장")]),
        # a topic with its particle before a title is no person's name
        ("해솔시는 신임 부시장에 박정민 전 국장을 임명했다.", [("person", "박정민")]),
        # ... a name whose last syllable reads as a particle still is one
        ("김지은 후보가 당선됐다.", [("person", "김지은")]),
    ],
)
def test_a_mayors_title_and_a_topic_are_no_names(text, names):
    got = [
        (c.kind, c.value.key)
        for c in _claims_of(text, "2026-11-30")
        if c.kind in ("place", "person")
    ]
    assert got == names
