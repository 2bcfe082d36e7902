"""Table-driven cases for the date reader, plus property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.dates import find_dates
from tests.normalize.cases import load_cases

CASES = load_cases("date_cases.tsv")


@pytest.mark.parametrize("row", CASES, ids=[f"{r[0]}@{r[1]}" for r in CASES])
def test_date_case(row):
    phrase, published, iso, precision = row
    pub = None if published == "-" else dt.date.fromisoformat(published)
    found = find_dates(phrase, pub)
    if iso == "-":
        assert found == [], f"{phrase!r} should hold no date, got {[f.value for f in found]}"
        return
    assert found, f"no date read from {phrase!r}"
    value = found[0].value
    assert value.iso() == iso
    assert value.precision == precision


def test_bare_month_takes_the_year_of_an_earlier_date():
    found = find_dates(
        "서울 AI 허브를 지난해 5월 개관했고, 12월엔 특구가 지정됐다.", dt.date(2025, 2, 7)
    )
    assert [f.value.iso() for f in found] == ["2024-05", "2024-12"]


def test_bare_day_takes_the_month_of_an_earlier_date_in_the_same_period():
    found = find_dates("2024년 3월 2일 개막해 10일 폐막했다.", dt.date(2025, 2, 7))
    assert [f.value.iso() for f in found] == ["2024-03-02", "2024-03-10"]


def test_a_past_day_is_never_put_after_publication_by_an_earlier_future_month():
    # the day of the announcement, not a day of next March
    text = "교육청은 내년 3월까지 교실 500곳을 늘린다고 2일 밝혔다."
    found = find_dates(text, dt.date(2025, 9, 3))
    assert [f.value.iso() for f in found] == ["2026-03", "2025-09-02"]
    # a future-tense day still belongs to that month
    found = find_dates("내년 3월 착공해 10일 준공할 예정이다.", dt.date(2025, 9, 3))
    assert [f.value.iso() for f in found] == ["2026-03", "2026-03-10"]


def test_the_day_before_and_after_count_from_the_last_day_given():
    found = find_dates(
        "20일 입원해 이튿날 숨졌다. 부동산원은 16일 전날 결과를 밝혔다.", dt.date(2025, 10, 16)
    )
    assert [f.value.iso() for f in found] == [
        "2025-09-20",
        "2025-09-21",
        "2025-10-16",
        "2025-10-15",
    ]
    assert not any(f.value.year_inferred for f in found)
    # with no day given, 이튿날 is no date; 전날 is the day before publication, inferred
    assert find_dates("이튿날 숨졌다", dt.date(2025, 10, 16)) == []
    (found,) = find_dates("전날 진행된 청약", dt.date(2025, 10, 16))
    assert found.value.year_inferred


def test_a_span_of_months_is_one_period():
    (found,) = find_dates("올해 1~3월 수출은 12% 늘었다.", dt.date(2025, 5, 10))
    assert (found.value.start, found.value.end) == ("2025-01-01", "2025-03-31")
    (found,) = find_dates("2024년 10월~12월", dt.date(2025, 5, 10))
    assert (found.value.start, found.value.end) == ("2024-10-01", "2024-12-31")
    assert find_dates("12~1월", dt.date(2025, 5, 10)) == []  # not a span within a year
    # the year so far: 올해 들어 10월까지 is January to October, not October
    (found,) = find_dates("올해 들어 10월까지 피해액은", dt.date(2026, 11, 12))
    assert (found.value.start, found.value.end) == ("2026-01-01", "2026-10-31")
    (found,) = find_dates("지난해 들어 9월까지", dt.date(2026, 11, 12))
    assert (found.value.start, found.value.end) == ("2025-01-01", "2025-09-30")
    # a year counted back: 10년 전 is 2016 when published in 2026; 10년 전쟁 is no date
    (found,) = find_dates("10년 전 노인 인구는", dt.date(2026, 11, 10))
    assert (found.value.start, found.value.precision) == ("2016-01-01", "year")
    assert find_dates("10년 전쟁의 상처", dt.date(2026, 11, 10)) == []
    (found,) = find_dates("10월까지 완공한다", dt.date(2026, 5, 12))  # a deadline: the month
    assert (found.value.start, found.value.end) == ("2026-10-01", "2026-10-31")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2027년 하반기까지 마무리한다", "2027-07-01", "2027-12-31"),
        ("2027년 1분기 중", "2027-01-01", "2027-03-31"),
        ("내년 초 출시한다", "2027-01-01", "2027-02-28"),
        ("2027년 말까지", "2027-11-01", "2027-12-31"),
    ],
)
def test_a_part_of_a_named_year_is_one_period(text, start, end):
    (found,) = find_dates(text, dt.date(2026, 11, 24))
    assert (found.value.start, found.value.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("12월 14일 18시 KSPO돔에서", "18:00"),  # the 24-hour clock in words
        ("14일 18시 30분에 열린다", "18:30"),
        ("14일 오후 6시", "18:00"),
        ("14일 7시", None),  # morning or evening: no time
        ("14일 18시간 동안", None),  # a duration
        ("14일 정오께 정전이 발생했다", "12:00"),  # noon, as 낮 12시
        ("14일 자정께", None),  # midnight: the end of the 14th or its start, unread
    ],
)
def test_a_time_of_day_after_a_date(text, time):
    (found,) = find_dates(text, dt.date(2026, 11, 24))
    assert found.value.time == time


def test_a_bare_time_on_the_24_hour_clock():
    from factcheck.normalize.dates import bare_times

    assert [t for *_, t in bare_times("공연은 18시에 시작한다")] == ["18:00"]
    assert bare_times("18시간 동안 이어졌다") == []
    assert [t for *_, t in bare_times("정오께 전기가 끊겼다")] == ["12:00"]
    assert bare_times("신문사는 정오표를 냈다") == []  # an errata list, no noon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span's closing day is in its opening day's month, whatever verb ends the sentence
        (
            "다음 달 3일부터 14일까지 지원서를 받는다고 20일 밝혔다.",
            ["2026-12-03", "2026-12-14", "2026-11-20"],
        ),
        ("접수는 다음 달 3일~14일이다.", ["2026-12-03", "2026-12-14"]),
        # a closing day earlier than the opening one is in the next month
        ("행사는 28일부터 3일까지 열린다.", ["2026-11-28", "2026-12-03"]),
        # a day after a span's end opens nothing of its own: the news day stays the news day
        ("3일부터 시작했다고 20일 밝혔다.", ["2026-11-03", "2026-11-20"]),
        # a span written 12월 19~21일: both ends in December
        ("콘서트는 12월 19~21일 열린다.", ["2026-12-19", "2026-12-21"]),
        # a move (에서 … 로) is no span: the new day keeps the month it is read in
        ("행사를 28일에서 3일로 앞당겼다.", ["2026-11-28", "2026-11-03"]),
    ],
)
def test_a_span_closing_on_a_bare_day_keeps_the_opening_days_month(text, expected):
    found = find_dates(text, dt.date(2026, 11, 20))
    assert [f.value.iso() for f in found] == expected


def test_a_reported_day_is_in_the_month_of_publication_not_of_the_measure():
    """'10월 말 기준 … 집계됐다고 27일 밝혔다' in a page of 27 November: the 27th is the day of
    the news, not 27 October (a bare day otherwise takes the month of the date before it)."""
    text = "10월 말 기준 5G 가입자는 3512만명으로 집계됐다고 과기정통부가 27일 밝혔다."
    found = find_dates(text, dt.date(2026, 11, 27))
    assert [f.value.start for f in found][-1] == "2026-11-27"
    # without a reporting verb the day is still the measured month's
    found = find_dates("지난 10월 말 기준 27일 현재 가입자는", dt.date(2026, 11, 27))
    assert [f.value.start for f in found][-1] == "2026-10-27"


def test_relative_forms_of_one_day_agree():
    day = "2025-02-11"
    assert find_dates("다음 주 11일엔", dt.date(2025, 2, 7))[0].value.start == day
    assert find_dates("지난 11일", dt.date(2025, 2, 27))[0].value.start == day
    assert find_dates("이번 달 11일", dt.date(2025, 2, 3))[0].value.start == day
    assert find_dates("11일 열렸다", dt.date(2025, 2, 11))[0].value.start == day


def test_interval_bounds_cover_the_precision():
    (found,) = find_dates("지난해 11월", dt.date(2025, 2, 27))
    assert (found.value.start, found.value.end) == ("2024-11-01", "2024-11-30")
    (found,) = find_dates("올해 상반기", dt.date(2025, 2, 27))
    assert (found.value.start, found.value.end) == ("2025-01-01", "2025-06-30")


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_absolute_dates_round_trip(day):
    for text in (
        f"{day.year}년 {day.month}월 {day.day}일",
        day.isoformat(),
        day.strftime("%Y.%m.%d"),
    ):
        (found,) = find_dates(text, None)
        assert found.value.start == day.isoformat(), text


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_never_raises_on_arbitrary_text(text, published):
    for found in find_dates(text, published):
        assert 0 <= found.start < found.end <= len(text)


def test_a_weekday_after_a_day_is_that_day_named_again():
    """28일 토요일 and 28일(토요일) are one date, whose span takes the weekday; 모레인
    토요일 is one date too."""
    text = "28일 토요일 오후부터 29일(일요일) 새벽까지"
    found = find_dates(text, dt.date(2026, 11, 26))
    assert [(text[f.start : f.end], f.value.iso()) for f in found] == [
        ("28일 토요일", "2026-11-28"),
        ("29일(일요일)", "2026-11-29"),
    ]


def test_a_time_after_a_weekday_is_the_days():
    text = "28일(토요일) 오후 3시부터"
    (found,) = find_dates(text, dt.date(2026, 11, 26))
    assert (text[found.start : found.end], found.value.time) == ("28일(토요일) 오후 3시", "15:00")


def test_the_day_before_ending_a_span_is_counted_from_the_news_day():
    """ "지난 5월 15일부터 전날까지" in a page of 30 July: 전날 is the 29th of July, the day
    before the news, not 14 May (a span never ends before it starts); after a day with no
    span (16일 밝혔다 … 전날 진행된) it is the day before that day."""
    pub = dt.date(2026, 7, 30)
    span = find_dates("지난 5월 15일부터 전날까지 누적 환자는 1245명이다", pub)
    assert [d.value.start for d in span] == ["2026-05-15", "2026-07-29"]
    told = find_dates("16일 밝혔다. 전날 진행된 청약에는 1만명이 몰렸다", pub)
    assert [d.value.start for d in told] == ["2026-07-16", "2026-07-15"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare day listed after a day with its month is in that month (and year)
        ("교통약자는 1월 2일과 3일 이틀간 먼저 예매할 수 있다.", ["2030-01-02", "2030-01-03"]),
        ("행사는 1월 5일, 6일 열린다.", ["2030-01-05", "2030-01-06"]),
        # not a day that is no item of the list: the news day stays the news day
        ("1월 2일부터 판다고 28일 밝혔다.", ["2030-01-02", "2029-12-28"]),
    ],
)
def test_a_day_listed_after_a_month_day_keeps_its_month(text, expected):
    found = find_dates(text, dt.date(2029, 12, 28))
    assert [f.value.iso() for f in found] == expected


def test_a_bare_day_closing_a_window_opened_that_month_is_in_that_month():
    """ "3월 2일 시작돼 28일까지 이어진다" on a page of 18 February: the window ends on 28
    March, not on the 28th of the page's month; without a verb that opens the window, a
    bare day keeps its own reading."""
    pub = dt.date(2031, 2, 18)
    opened = find_dates("신청이 3월 2일 시작돼 28일까지 이어진다.", pub)
    assert [f.value.iso() for f in opened] == ["2031-03-02", "2031-03-28"]
    told = find_dates("3월 2일 발표하고 28일까지 마감했다.", pub)
    assert told[1].value.iso() == "2031-01-28"
