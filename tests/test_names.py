"""Names and tenses as extracted from real sentences (table-driven)."""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims
from factcheck.sentences import split_documents
from tests.conftest import make_documents

CASES = [
    # (sentence, names expected as written)
    ("서울시는 양곡도매시장 부지에 연구단지를 짓는다.", ["양곡도매시장", "연구단지"]),
    ("시는 양복 도매시장 부지를 개발한다.", ["양복 도매시장"]),
    # kiwipiepy splits a misspelt modifier into odd pieces (대/NNG 막/MAG): the whole word
    ("서울시의 대막캠퍼스타운 사업과 연계한다.", ["대막캠퍼스타운"]),
    ("서울시의 대학캠퍼스타운 사업과 연계한다.", ["대학캠퍼스타운"]),
    # ... and so is a misspelt modifier written apart; a word with no noun is no name's
    ("서울에 있는 대막 캠퍼스 타운 사업으로 인재를 키운다.", ["대막 캠퍼스 타운"]),
    ("새 캠퍼스 타운 사업으로 인재를 키운다.", ["캠퍼스 타운"]),
    ("가장 큰 도매시장이 문을 열었다.", ["도매시장"]),
    # a number glued to the name is part of it
    ("광주 도시철도 2호선 1단계 공사 현장을 찾았다.", ["1단계 공사"]),
    # a particle before the glued pieces means they do not start the word
    ("이날 서울 AI 허브에서 행사가 열렸다.", ["서울 AI 허브"]),
    # a noun of time before the name is no part of it
    ("3일 새벽 새봄시 새봄중앙시장에서 불이 나 점포가 탔다.", ["새봄시 새봄중앙시장"]),
    # ... nor is anything before such a word
    ("추석 연휴 열흘 동안 인천공항 이용객이 213만명으로 집계됐다.", ["인천공항"]),
    # a person's name and title (시장: mayor) is no market, whatever stands before it
    ("오세훈 서울시장은 24일 기자회견을 열었다.", []),
    ("오세훈 시장은 이렇게 말했다.", []),
    ("서울특별시 오세훈 시장은 축사를 했다.", []),
    ("박형준 부산시장도 같은 날 정책을 발표했다.", []),
    # a market named after the title stays a place
    ("오세훈 시장의 가락시장 방문은 30분간 이어졌다.", ["가락시장"]),
    ("김 시장은 노량진수산시장을 방문했다.", ["노량진수산시장"]),
]


@pytest.mark.parametrize(("sentence", "names"), CASES, ids=[s[:16] for s, _ in CASES])
def test_names_are_whole_written_words(sentence, names):
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-05-01", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    assert [c.surface for c in claims if c.kind == "place"] == names


TENSES = [
    ("시는 2026년 3월 착공했다.", {"done"}),
    ("특구는 지난해 12월 지정됐다.", {"done"}),
    ("착공은 2026년 3월이었다.", {"done"}),
    ("연구동은 2026년 3월 착공할 예정이다.", {"plan"}),
    ("연구동은 2026년 3월 착공 예정이다.", {"plan"}),
    ("시는 2026년 3월 착공하겠다고 밝혔다.", {"plan"}),
    ("연구동은 2026년 3월 착공할 것으로 보인다.", {"plan"}),
    # the tense of another clause is not the value's: the relative clause's is (열린)
    ("시는 2026년 3월 착공한다고 밝혔다.", set()),
    ("시장은 지난 11일 열린 행사에서 “도약하겠다”고 말했다.", {"done"}),
    ("지난 3월 생산된 차량은 리콜된다.", {"done"}),
    # a forecast spoken of is not a plan; a forecast as the predicate is
    ("한은은 내년 성장률 전망을 1.6%로 낮췄다.", {"done"}),
    ("한은은 내년 경제성장률 전망치를 1.6%로 낮췄다.", {"done"}),
    ("연구동은 2030년 완공 전망이다.", {"plan"}),
    ("연구동은 2030년 완공될 전망이다.", {"plan"}),
    # a plan noun inside a compound names a thing (a committee, a draft), not a status
    ("시는 14일 도시계획위원회를 열어 정비계획 변경안을 가결했다고 밝혔다.", set()),
    ("시는 14일 열린 도시계획위원회에서 정비계획안이 가결됐다고 밝혔다.", {"done"}),
    ("시는 2028년 착공 계획을 세웠다.", {"plan"}),
    # a forecast made: its tense is the forecast's, not its figure's
    ("노조는 2026년 3월 파업 참가를 예상했다.", set()),
    ("업계는 2026년 3월 출시를 내다봤다.", set()),
    ("기상청은 2026년 3월 개화를 예보했다.", set()),
    ("노조는 2026년 3월 파업에 참가했다.", {"done"}),
]


@pytest.mark.parametrize(("sentence", "tense"), TENSES, ids=[s for s, _ in TENSES])
def test_the_tense_of_a_value_is_its_own_verbs(sentence, tense):
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2026-02-01", "text": sentence}])
    (date,) = [c for c in extract_claims(doc, split_documents([doc])[doc.id]) if c.kind == "date"]
    assert date.qualifiers & {"plan", "done"} == tense


SUBJECTS = [
    # (sentence, figure, subject shown, subject its clause marks)
    ("10월 수출이 지난해 같은 달보다 12% 증가했다.", "12%", "수출", "수출"),
    ("수입은 전년 동월 대비 5% 늘었다.", "5%", "수입", "수입"),
    # a common noun before the measure narrows it; a time word or a frame noun does not
    (
        "반도체 수출은 150억 달러로 역대 최대를 기록했다.",
        "150억 달러",
        "반도체 수출",
        "반도체 수출",
    ),
    ("지난달 수출이 612억달러로 집계됐다.", "612억달러", "지난달 수출", "수출"),
    ("연결 기준 매출이 79조원으로 집계됐다.", "79조원", "연결 기준 매출", "매출"),
    ("기타 지원자는 1만7970명이었다.", "1만7970명", "기타 지원자", "기타 지원자"),
    # a noun made with a suffix (재학 + 생) is the measure, and 들 only makes a plural
    ("재학생은 34만2170명이다.", "34만2170명", "재학생", "재학생"),
    ("관람객들은 12만명으로 집계됐다.", "12만명", "관람객들", "관람객"),
    # an aside between the measure and its particle belongs to the measure
    (
        "월 환산액(주 40시간 근무, 월 209시간 기준)은 215만6880원이다.",
        "215만6880원",
        "월 환산 액",
        "환산액",
    ),
    # the comma ends the clause: the later figure's subject is its own
    ("수출은 620억 달러였고, 수입은 585억 달러였다.", "585억 달러", "수입", "수입"),
    ("수출은 620억 달러였고 585억 달러를 들여왔다.", "585억 달러", "", ""),
    # nothing marked before the figure; a name (서울시) is never a measure
    ("작업자 2명이 숨졌다.", "2명", "작업자", ""),
    ("서울시는 AI 펀드를 5000억원 규모로 조성한다.", "5000억원", "AI 펀드", ""),
    # a share names its whole, or nothing when the whole is in the sentence before
    ("선원 가운데 6명은 어선에 구조됐다.", "6명", "선원", ""),
    ("이 가운데 7명이 인근 어선에 구조됐다.", "7명", "", ""),
    # an auxiliary verb (길어진) ends no clause; the words after a span fill it
    ("회담은 예정보다 20분 길어진 1시간 50분 동안 진행됐다.", "1시간 50분", "", "회담"),
    # a figure that is the subject has no subject of its own after it
    ("정전이 발생해 2만3000가구가 불편을 겪었다.", "2만3000가구", "", ""),
    # a company's name (한빛 + 반도체) is no measure, whatever its last noun
    ("한빛반도체가 30억달러 규모의 계약을 맺었다.", "30억달러", "계약", ""),
    # the noun counted right after the number is what it measures
    ("블루웨이브가 잠실에서 8만 관객과 만났다.", "8만", "관객", "블루 웨이브"),
]


@pytest.mark.parametrize(
    ("sentence", "figure", "subject", "marked"), SUBJECTS, ids=[s for s, *_ in SUBJECTS]
)
def test_what_a_figure_measures(sentence, figure, subject, marked):
    """A baseline (지난해 같은 달보다, 전년 동월 대비) is not what a figure measures; the
    clause's subject or topic is."""
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-11-01", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    (claim,) = [c for c in claims if c.surface == figure]
    assert (claim.subject, claim.marked_subject) == (subject, marked)


BASELINES = [
    ("매출은 지난해 같은 기간보다 17% 늘었다.", []),
    ("영업이익은 전년 동기 대비 277% 증가했다.", []),
    ("수출은 작년에 비해 3% 줄었다.", []),
    ("거래량은 전달보다 18% 늘었다.", []),
    # a year with the measure before the comparison word
    ("올해 예산보다 7.5% 많은 규모다.", []),
    ("올해 본예산 대비 증가율은 5.7%다.", []),
    # a date of the story, then a baseline without a date
    ("3분기 매출은 1년 전보다 17% 늘었다.", ["3분기"]),
    ("지난해 11월 특구로 지정됐다.", ["지난해 11월"]),
]


@pytest.mark.parametrize(("sentence", "dates"), BASELINES, ids=[s for s, _ in BASELINES])
def test_a_baseline_is_not_a_date_of_the_story(sentence, dates):
    """지난해 같은 기간보다, 전년 동기 대비: the baseline of a change, which outlets name in many
    ways; as a date it would be set against the story's own dates."""
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-10-08", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    assert [c.surface for c in claims if c.kind == "date"] == dates


AGES = [
    ("운전자 A씨(68)는 급발진을 주장했다.", ["68"]),
    ("김모(45)씨가 현장에서 붙잡혔다.", ["45"]),
    ("A씨(68·무직)를 입건했다.", ["68"]),
    ("68세 남성 A씨가 몰던 승용차가 돌진했다.", ["68세"]),
    ("60대 남성 A씨가 몰던 승용차가 돌진했다.", ["60대"]),  # 60..69
    ("신호를 기다리던 20대 배달원이 숨졌다.", ["20대"]),  # a person's trade after it
    ("소방관 120명과 장비 40대를 투입했다.", []),  # 40대 of vehicles is a count
    ("굴착기 40대 동원에 나섰다.", []),  # 동원 (mobilising) is no 직원
    # decades as a range or joined by a middle dot: one age group (10 to 29; 20 to 39)
    ("10~20대 관광객이 많이 찾는다.", ["10~20대"]),
    ("방문객은 12만명으로 20·30대가 절반을 넘었다.", ["20·30대"]),
    ("축제장에는 20·30대 여성이 가장 많이 찾은 것으로 나타났다.", ["20·30대"]),
    ("차량 10~20대가 멈춰 섰다.", []),  # vehicles
    # a number in parentheses that is not an age
    ("정당 지지도는 민주당(41.0%)이 앞섰다.", []),
    ("서울(02) 지역번호로 걸려 온 전화였다.", []),
]


@pytest.mark.parametrize(("sentence", "ages"), AGES, ids=[s for s, _ in AGES])
def test_ages_are_figures(sentence, ages):
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-07-02", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    assert [c.surface for c in claims if c.kind == "age"] == ages


PARTS = [
    ("관중 2만3000여명이 경기장을 찾았다.", "2만3000여명", False),  # 관중 ends in 중: not 그중
    ("사망자 3명 중 2명은 현장에서 숨졌다.", "2명", True),
    ("사망자 3명 가운데 2명은 현장에서 숨졌다.", "2명", True),
    ("그중 10분의 1인 5천억 원을 쓰겠다.", "5천억 원", True),
]


@pytest.mark.parametrize(("sentence", "figure", "part"), PARTS, ids=[s for s, *_ in PARTS])
def test_a_part_is_marked_only_after_a_word_for_among(sentence, figure, part):
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-05-11", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    (claim,) = [c for c in claims if c.surface == figure]
    assert ("part" in claim.qualifiers) is part


@pytest.mark.parametrize(
    ("first", "second", "words", "feature"),
    [
        ("사업비는 모두 480억원이다.", "예산 420억원이 들어간다.", ("사업비", "예산"), "<비용>"),
        # a fare (운임) and a fee (요금) for one ticket
        (
            "일반실 운임은 4만2000원이다.",
            "일반실 요금은 4만7000원이다.",
            ("운임", "요금"),
            "<요금>",
        ),
        # the power a plant makes for so many households, in either word
        (
            "4만 가구가 쓸 전기를 만든다.",
            "3만 가구의 전력 수요를 감당한다.",
            ("전기", "전력"),
            "<전력>",
        ),
        # a loanword and its Korean name
        (
            "해당 승강기는 2009년 설치됐다.",
            "엘리베이터는 2006년 설치됐다.",
            ("승강기", "엘리베이터"),
            "<승강기>",
        ),
    ],
)
def test_synonyms_share_a_class_feature(first, second, words, feature):
    """사업비 in one outlet and 예산 in another meet on their class (<비용>), which a context
    holds beside the word itself."""
    docs = make_documents(
        [
            {"outlet": "가람일보", "published": "2025-09-02", "text": first},
            {"outlet": "나래신문", "published": "2025-09-02", "text": second},
        ]
    )
    sentences = split_documents(docs)
    contexts = [dict(extract_claims(d, sentences[d.id])[0].context) for d in docs]
    assert words[0] in contexts[0] and words[1] in contexts[1]
    assert feature in contexts[0] and feature in contexts[1]


TERMS = [
    ("주범 A씨에게 징역 15년을 선고했다.", [("15년", 180.0, "징역")]),
    (
        "징역 1년 6개월에 집행유예 2년을 선고했다.",
        [("1년 6개월", 18.0, "징역"), ("2년", 24.0, "집행유예")],
    ),
    ("검찰은 징역 6개월을 구형했다.", [("6개월", 6.0, "징역")]),
    ("법원은 징역형을 선고했다.", []),
]


@pytest.mark.parametrize(("sentence", "terms"), TERMS, ids=[s for s, _ in TERMS])
def test_prison_terms_are_figures_of_their_kind(sentence, terms):
    """A term in months, its kind as the unit: a prison term never meets a suspension."""
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2025-08-21", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    got = [(c.surface, c.value.value, c.value.unit) for c in claims if c.kind == "duration"]
    assert got == terms


@pytest.mark.parametrize(
    ("sentence", "sign", "particle"),
    [
        ("미사일은 약 1000㎞를 비행했다.", "㎞", ("를", "JKO")),
        ("정점고도는 50여㎞로 탐지됐다.", "㎞", ("로", "JKB")),
        ("서울의 낮 기온은 35℃를 넘었다고 밝혔다.", "℃", ("를", "JKO")),
        ("시는 공장 부지 27만㎡를 사들였다고 밝혔다.", "㎡", ("를", "JKO")),
    ],
)
def test_a_particle_after_a_unit_sign_is_a_particle(sentence, sign, particle):
    """kiwipiepy reads 1000㎞를 as 르/NNG + ᆯ/JKO: a junk noun in every such context."""
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2026-11-30", "text": sentence}])
    tokens = [(t.form, t.tag) for s in split_documents([doc])[doc.id] for t in s.tokens]
    i = tokens.index((sign, "SW"))
    assert tokens[i + 1] == particle
    assert not [f for f, tag in tokens if tag == "NNG" and len(f) == 1 and f in "르로"]


PERSONS = [
    ("박영희 후보는 46.8%를 얻었다.", ["박영희"]),
    # the place a person serves, or 전 (former), between the name and the title
    ("대통령은 김민재 전 국토부 1차관을 장관 후보자로 지명했다.", ["김민재"]),
    ("김민제 국토부 장관 후보자는 26일 청문회 준비에 들어갔다.", ["김민제"]),
    ("김민재 국토교통부 장관 후보자는 1968년 태어났다.", ["김민재"]),
    # an office with no name before it is no person
    ("국토교통부 장관 후보자에 대한 청문회가 열린다.", []),
    # the age a page gives in parentheses, between the name and the title
    ("정부는 신임 청장에 김서준(54) 기상청 예보국장을 임명했다.", ["김서준"]),
    ("신임 청장에 김서윤(54) 예보국장이 임명됐다.", ["김서윤"]),
    # the employer named before the title is no person (its head: 공사, 재단, 병원)
    ("해솔공사 신임 사장에 박정민(58) 전 차관이 임명됐다.", ["박정민"]),
    ("가람재단 신임 이사장에 김도윤 교수가 선임됐다.", ["김도윤"]),
    # a title ending a written word that kiwipiepy cuts (지방재정정책 + 관)
    ("시는 신임 부시장에 박정민(55) 전 행정안전부 지방재정정책관을 임명했다.", ["박정민"]),
]


@pytest.mark.parametrize(("sentence", "persons"), PERSONS, ids=[s[:16] for s, _ in PERSONS])
def test_persons_before_their_titles(sentence, persons):
    (doc,) = make_documents([{"outlet": "가람일보", "published": "2026-11-26", "text": sentence}])
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    assert [c.surface for c in claims if c.kind == "person"] == persons
