"""Ingest: decoding, clean text, the article body and the page's metadata."""

from __future__ import annotations

import codecs
import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest import read_inputs
from factcheck.ingest.body import find_body
from factcheck.ingest.decode import InputError, clean_text, decode_bytes
from factcheck.ingest.metadata import extract_metadata
from tests.conftest import SAMPLES, SEEDS, needs_shared

ARTICLE = "서울시는 11일 인공지능 산업 육성 계획을 발표했다. 시는 연간 1만 명의 인재를 양성한다.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),
        (ARTICLE.encode("cp949"), ARTICLE),
        (ARTICLE.encode("euc-kr"), ARTICLE),
        (ARTICLE.encode("utf-16"), ARTICLE),
    ],
    ids=["utf8", "utf8-bom", "cp949", "euc-kr", "utf16-bom"],
)
def test_decodes_korean_encodings(data, expected):
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "message"), [(b"", "empty"), (b"\x00\x01\x02\xff" * 50, "binary")]
)
def test_unreadable_bytes_say_why(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_clean_text_composes_and_maps_offsets():
    raw = unicodedata.normalize("NFD", "양곡\u200b도매시장") + "\u00a05조"
    clean, mapping = clean_text(raw)
    assert clean == "양곡도매시장 5조"
    assert mapping is not None and len(mapping) == len(clean) + 1
    assert raw[mapping[clean.index("5")]] == "5"


def test_clean_text_leaves_clean_text_alone():
    assert clean_text(ARTICLE) == (ARTICLE, None)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_or_raise_input_error(data):
    try:
        text = decode_bytes(data)
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_body_and_metadata_never_raise(text):
    body = find_body(text)
    for start, end in body:
        assert 0 <= start < end <= len(text)
    extract_metadata(text, body)


def _body_text(path):
    inputs = read_inputs([str(path)])
    (doc,) = inputs.documents
    return doc, "\n".join(doc.text[s:e] for s, e in doc.body_spans)


def _body_text_of(text: str):
    spans = find_body(text)
    return spans, "\n".join(text[s:e] for s, e in spans)


def test_body_keeps_sentences_and_drops_boilerplate():
    doc, body = _body_text(SAMPLES / "seoul-ai" / "hanbit_20250208.txt")
    assert body.startswith("중국 인공지능 스타트업 딥시크의 등장으로")
    assert "총 1만 명의 AI 인재" in body
    for chrome in ("로그인", "사진=서울시", "많이 본 뉴스", "코스피", "무단 전재"):
        assert chrome not in body


def test_a_short_sentence_inside_or_right_after_the_body_is_body():
    """투표율은 31.2%였다. has too few letters to be sentence-like alone; inside the body, or
    closing it, it is body all the same. A short line after the copyright is not."""
    text = (
        "재검표로 당락 바뀌어\n\n입력 2026.11.25 18:20\n\n"
        "경기도선거관리위원회는 25일 재검표 결과 박서준 후보가 1표 차로 앞섰다고 밝혔다.\n\n"
        "개표는 밤새 이어졌다.\n\n"
        "지난 19일 개표에서는 이 후보가 3표 차로 이겼으나 결과가 뒤집혔다.\n\n"
        "투표율은 31.2%였다.\n\n"
        "ⓒ 가람일보 무단전재 및 재배포 금지\n\n구독했다.\n"
    )
    body = [text[a:b] for a, b in find_body(text)]
    assert "개표는 밤새 이어졌다." in body and body[-1] == "투표율은 31.2%였다."


def test_byline_before_the_lead_is_not_body():
    _, body = _body_text(SAMPLES / "incheon-bio" / "seohae_20250304.txt")
    assert body.startswith("인천 송도국제도시의 바이오 클러스터를")
    assert "parkjh@" not in body and "저작권자" not in body


@pytest.mark.parametrize(
    "byline", ["[나래뉴스 하서진 기자]", "[나래뉴스=하서진 기자]", "(솔내=나래뉴스) 하서진 기자 ="]
)
def test_a_byline_opening_the_lead_is_not_body(byline):
    """The bracketed byline that opens many leads names the outlet and the reporter: no
    words of the story (their nouns made a short article's story words, and it was
    clustered apart: bondissue)."""
    text = (
        "나래뉴스\n\n회사채 발행\n\n입력 2026-11-24 17:30\n\n"
        f"{byline} 한빛전력이 12월 2일 회사채 5천억원어치를 찍는다. 금리는 연 3.52%다.\n"
    )
    body = [text[a:b] for a, b in find_body(text)]
    assert body == ["한빛전력이 12월 2일 회사채 5천억원어치를 찍는다. 금리는 연 3.52%다."]


def test_title_from_the_page():
    doc, _ = _body_text(SAMPLES / "gwangju-metro" / "namdo_20250603.txt")
    assert doc.title == '광주 2호선 1단계 "2026년 10월 개통"…공정률 72%'


@needs_shared
@pytest.mark.parametrize("use_table", [True, False], ids=["with-outlet-table", "structure-only"])
def test_seed_metadata(use_table):
    """Outlet and date of every seed page, also with the outlet table switched off."""
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    for source in gold["sources"]:
        text = decode_bytes((SEEDS / source["file"]).read_bytes())
        meta = extract_metadata(text, find_body(text), use_table=use_table)
        assert meta.published == source["published"], source["file"]
        if source["outlet"] is not None:
            assert meta.outlet == source["outlet"], source["file"]


@needs_shared
def test_seed_reposts_name_their_origin():
    docs = {d.id[:3]: d for d in read_inputs([str(SEEDS)]).documents}
    assert (docs["001"].repost_of, docs["001"].reposted_by) == ("투데이코리아", "뉴스픽")
    assert (docs["004"].repost_of, docs["004"].reposted_by) == ("한겨레", "랭크뉴스")
    assert docs["003"].repost_of is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # shared on a platform: the platform re-posted it
        ("본 콘텐츠는 뉴스픽 파트너스에서 공유된 콘텐츠입니다.", ("뉴스픽", None)),
        # the re-poster, then its partner: the provider
        (
            "본 기사는 네이트 뉴스 제휴사 빛고을일보에서 제공받은 기사입니다.",
            ("네이트", "빛고을일보"),
        ),
        # the provider alone: the article is its
        ("본 기사는 누리타임스에서 제공받은 기사입니다.", (None, "누리타임스")),
    ],
)
def test_a_repost_note_names_the_reposter_and_the_provider(note, expected):
    from factcheck.ingest.body import split_lines
    from factcheck.ingest.metadata import _reposter

    assert _reposter(split_lines(f"기사 본문이다.\n{note}\n")) == expected


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        pytest.param(
            "뉴스모아\n사회\n\n윤재석 회장 유족, 모교에 100억 쾌척\n\n2026.06.02 14:02\n\n"
            "윤재석 한길산업 명예회장의 유족이 고인의 모교 새봄대학교에 100억원을 기부했다고 "
            "새봄대가 2일 밝혔다.\n\n기부금은 매년 학생 200명에게 장학금을 주는 장학기금으로 "
            "운용된다.\n\n본 기사는 누리타임스에서 제공받은 기사입니다.\n",
            "누리타임스",
            id="a-copy-naming-only-its-provider-is-the-providers",
        ),
        pytest.param(
            "누리타임스 > 경제\n\n해솔항 물동량 312만TEU 역대 최대\n\n발행일: 2026년 1월 8일\n\n"
            "[관련기사]\n· 해솔항 신항 2-5단계 개장\n\n해솔항의 지난해 컨테이너 처리량이 "
            "312만TEU로 역대 최대를 기록했다.\n\n해솔항만공사에 따르면 지난해 물동량은 1년 "
            "전보다 4.7% 증가했다.\n\n/누리타임스 서하람 기자 haram@nuri.example\n\n"
            "누리타임스의 모든 콘텐츠는 저작권법의 보호를 받습니다.\n",
            "누리타임스",
            id="a-related-articles-box-is-no-masthead",
        ),
    ],
)
def test_the_outlet_a_page_names(tmp_path, page, outlet):
    """A portal's copy that says only "본 기사는 누리타임스에서 제공받은 기사입니다" is that
    outlet's article, counted for it once beside its own page; "[관련기사]" alone on a line
    above the lead is a box of links, not a masthead."""
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (doc,) = read_inputs([str(path)]).documents
    assert doc.outlet == outlet


def test_portal_repost_names_portal_and_origin():
    (doc,) = read_inputs([str(SAMPLES / "gwangju-metro" / "nate_bitgoeul_20250602.txt")]).documents
    assert (doc.outlet, doc.repost_of, doc.reposted_by) == ("빛고을일보", "빛고을일보", "네이트")


def test_missing_and_empty_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "english.txt").write_text("Just some English text.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    reasons = {p.split("/")[-1]: r for p, r in ((s.path, s.reason) for s in result.skipped)}
    assert [d.id for d in result.documents] == ["good"]
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert reasons["english.txt"] == "no Korean text"
    assert reasons["missing.txt"] == "no such file or folder"


PAGE = """{header}

화성 물류창고 화재 사망자 3명으로 늘어

{line}

지난 3일 오전 경기 화성시 장안면 물류창고에서 난 불로 작업자 3명이 숨졌다.

경찰과 소방당국은 오는 5일 합동 감식을 벌인다.

{footer}
"""


@pytest.mark.parametrize(
    ("line", "footer", "outlet", "published"),
    [
        ("다온경제 | 입력 2025-06-04 09:10", "", "다온경제", "2025-06-04"),
        ("다온경제 · 2025.06.04 09:10", "", "다온경제", "2025-06-04"),
        ("입력 2025-06-04 09:10", "다온경제 박지현 기자", "다온경제", "2025-06-04"),
        ("입력 2025-06-04 09:10", "다온경제 박지현 기자 jh@daon.example", "다온경제", "2025-06-04"),
        # a partner's article, its partner named in a note after the body
        (
            "입력 2025-06-04 09:10",
            "※ 이 기사는 한빛일보 제휴 기사입니다.",
            "한빛일보",
            "2025-06-04",
        ),
        (
            "입력 2025-06-04 09:10",
            "이 기사는 한빛일보와의 제휴를 통해 제공됩니다.",
            "한빛일보",
            "2025-06-04",
        ),
        # the article's source on a line of its own (not a photo's credit)
        ("입력 2025-06-04 09:10", "제공: 한빛일보", "한빛일보", "2025-06-04"),
        (
            "입력 2025-06-04 09:10",
            "출처: 한빛일보 (https://hanbit.example)",
            "한빛일보",
            "2025-06-04",
        ),
        ("입력 2025-06-04 09:10", "사진 제공: 한빛일보", None, "2025-06-04"),
        ("입력 2025-06-04 09:10", "출처: 해솔시", None, "2025-06-04"),
    ],
    ids=[
        "outlet-bar-label-date",
        "outlet-dot-date",
        "signed-after-body",
        "signed-with-email",
        "partner-note",
        "partner-note-long",
        "provided-by",
        "source",
        "photo-credit",
        "source-not-an-outlet",
    ],
)
def test_outlet_from_a_date_line_or_a_signature(line, footer, outlet, published):
    """The outlet's name on the date line ("매체 | 입력 …") or signing the article after the
    body ("매체 이름 기자"), on a page with no other cue."""
    text = PAGE.format(header="전체기사 | 산업 | 금융", line=line, footer=footer)
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert (meta.outlet, meta.published) == (outlet, published)


@pytest.mark.parametrize(
    "header", ["가람일보 로고", "[로고] 가람일보", "가람일보 로고 | 사회", "LOGO 가람일보"]
)
def test_a_masthead_with_its_logos_alt_text(header):
    """A masthead's image read as its alt text beside the name: the name, never 로고."""
    text = PAGE.format(header=header, line="입력 2025-06-04 09:10", footer="박지현 기자")
    assert extract_metadata(text, find_body(text), use_table=False).outlet == "가람일보"


_LEAD = """서울시는 11일 인공지능 산업 육성 계획을 발표했다. 시는 연간 1만 명의 인재를 양성한다.

시는 또 5000억원 규모의 펀드를 조성해 스타트업을 지원할 계획이라고 밝혔다.

오세훈 시장은 "서울을 AI 도시로 만들겠다"고 말했다."""

# Page layouts of common Korean outlets (invented text, real layouts)
LAYOUTS = [
    (
        "(서울=연합뉴스) 홍길동 기자 = {body}\n\nhong@yna.co.kr\n\n"
        "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n\n2025/02/11 15:20 송고",
        "연합뉴스",
        "2025-02-11",
    ),
    (
        "매일경제\n홍길동 기자\n입력 : 2025-02-11 15:20:01\n\n{body}\n\n"
        "<저작권자 © 매일경제 & mk.co.kr, 무단 전재 및 재배포 금지>",
        "매일경제",
        "2025-02-11",
    ),
    (
        "조선일보\n홍길동 기자\n입력 2025.02.11. 15:20\n업데이트 2025.02.12. 16:00\n\n{body}\n\n"
        "Copyright 조선일보 & chosun.com",
        "조선일보",
        "2025-02-11",
    ),
    (
        "가람일보 증권\n\n코스피 급락 마감\n\n2025-02-11 15:50\n홍길동 기자\n\n{body}\n\n"
        "홍길동 기자 hong@garam.example",
        "가람일보",
        "2025-02-11",
    ),
    (
        "다온경제 | 마켓 | 증권\n\n코스피 급락 마감\n\n입력 2025.02.11 16:10\n\n{body}",
        "다온경제",
        "2025-02-11",
    ),
    (
        "[앵커]\n\n{body}\n\nKBS 뉴스 홍길동입니다.\n\n촬영기자:김철수\n\n입력 2025.02.11 (15:20)",
        "KBS",
        "2025-02-11",
    ),
    (
        "[머니투데이 세종=홍길동 기자] {body}\n\n홍길동 기자 hong@mt.example\n\n2025.02.11 10:21",
        "머니투데이",
        "2025-02-11",
    ),
    (
        "[이데일리 홍길동 기자] {body}\n\n2025-02-11 오후 3:20:11",
        "이데일리",
        "2025-02-11",
    ),
    (  # a date in the lead after its byline is the story's, not the page's
        "한빛뉴스\n전국\n\n통합시 출범\n\n2025.02.11 오후 3:12\n\n"
        "[한빛뉴스 남궁현 기자] 통합시는 2027년 7월 1일 문을 연다. {body}",
        "한빛뉴스",
        "2025-02-11",
    ),
    (  # the dateline's place before = in a signature; the outlet in the copyright line
        "새벽뉴스 | 사회\n\n코스피 급락 마감\n\n입력 2025-02-11 14:20\n\n{body}\n\n"
        "서귀포=박태윤 기자 tyoon@saebyeok.example\n\nⓒ 새벽뉴스, 무단전재 및 재배포 금지",
        "새벽뉴스",
        "2025-02-11",
    ),
    (  # ... and in the header line
        "나래신문 | 2025.02.11 06:00\n\n{body}\n\n부산=이재하 기자 jaeha@narae.example",
        "나래신문",
        "2025-02-11",
    ),
    (  # a summary box's bracketed label before the headline is no masthead
        "[AI 요약]\n· 코스피 2% 급락\n\n코스피 급락 마감\n\n기사입력 2025.02.11. 오후 3:20\n\n"
        "{body}\n\n<저작권자 © 하늘뉴스, 무단 전재 및 재배포 금지>",
        "하늘뉴스",
        "2025-02-11",
    ),
    (  # a year between the copyright sign and the outlet
        "코스피 급락 마감\n\n2025.02.11 15:20\n\n{body}\n\nCopyright © 2025 한빛경제신문. All rights reserved.",
        "한빛경제신문",
        "2025-02-11",
    ),
    (  # a signature opened by a slash
        "코스피 급락 마감\n\n입력 2025.02.11 15:20\n\n{body}\n\n/한빛경제 김철수 기자 kim@hanbit.example",
        "한빛경제",
        "2025-02-11",
    ),
    (  # the reporter first, then the outlet
        "김철수 기자 | 한빛경제\n2025-02-11 15:20\n\n코스피 급락 마감\n\n{body}",
        "한빛경제",
        "2025-02-11",
    ),
    (  # the date alone on a line after the signature, with no time
        "코스피 급락 마감\n\n{body}\n\n한빛경제 김철수 기자\n\n2025-02-11",
        "한빛경제",
        "2025-02-11",
    ),
    (  # a section's tag before the headline is no outlet
        "한빛경제 | 입력 2025.02.11 15:20\n\n[증시] 코스피 급락 마감\n\n{body}\n\n"
        "김철수 기자 kim@hanbit.example",
        "한빛경제",
        "2025-02-11",
    ),
    (  # the short name in the headline's tag and the byline, the full name on the date line
        "[새봄경제] 코스피 급락 마감\n\n새봄경제신문 | 입력 2025-02-11 13:40\n\n"
        "새봄경제 김철수 기자\n\n{body}\n\nkim@saebom.example",
        "새봄경제신문",
        "2025-02-11",
    ),
    (  # a signature whose e-mail is in brackets right after 기자
        "코스피 급락 마감\n\n입력 2025-02-11 15:20\n\n{body}\n\n"
        "한빛일보 김철수 기자(kim@hanbit.example)",
        "한빛일보",
        "2025-02-11",
    ),
    (  # ... and the outlet in angle brackets
        "코스피 급락 마감\n\n입력 2025-02-11 15:20\n\n{body}\n\n<한빛일보> 김철수 기자",
        "한빛일보",
        "2025-02-11",
    ),
    (  # a broadcaster's sign-off without 뉴스
        "코스피 급락 마감\n\n2025년 02월 11일 15시 20분\n\n{body}\n\n한빛방송 김철수입니다.",
        "한빛방송",
        "2025-02-11",
    ),
    (
        "코스피 급락 마감\n\n2025년 02월 11일 15시 20분\n\n{body}\n\n지금까지 YTN 김철수였습니다.",
        "YTN",
        "2025-02-11",
    ),
]


@pytest.mark.parametrize(
    ("layout", "outlet", "published"),
    LAYOUTS,
    ids=[
        "yonhap",
        "mk",
        "chosun",
        "masthead",
        "masthead-with-sections",
        "kbs",
        "bracket-outlet-place-reporter",
        "bracket-outlet-reporter-timestamp-after",
        "a-date-in-the-lead-after-its-byline",
        "place-dateline-signature-copyright",
        "place-dateline-signature-header",
        "summary-box-label",
        "copyright-with-year",
        "signature-after-a-slash",
        "reporter-then-outlet",
        "bare-date-after-the-signature",
        "section-tag-before-the-headline",
        "short-name-and-full-name",
        "signature-email-in-brackets",
        "signature-outlet-in-angle-brackets",
        "broadcast-sign-off",
        "broadcast-sign-off-past",
    ],
)
def test_outlet_and_date_of_common_layouts(layout, outlet, published):
    """A date labelled after it (… 송고), a copyright line without its sign, a masthead with
    its section words (가람일보 증권), a broadcast sign-off, an outlet before the place in a
    bracketed byline ([머니투데이 세종=… 기자]), a bare timestamp line after the body; never a
    label (업데이트), a place or a transcript marker ([앵커]) as the outlet."""
    text = layout.format(body=_LEAD)
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert (meta.outlet, meta.published) == (outlet, published)


@pytest.mark.parametrize(
    ("stamp", "published", "time"),
    [
        ("기사입력 2026.11.26. 오후 3:12 기사원문", "2026-11-26", "15:12"),  # a portal's 12 h clock
        ("입력 2026.11.26. 오전 9:05", "2026-11-26", "09:05"),
        ("입력 2026.11.26. 오후 12:30", "2026-11-26", "12:30"),  # 오후 12시 is noon
        ("입력 2026.11.26. 오전 12:10", "2026-11-26", "00:10"),  # 오전 12시 is midnight
        ("입력 2026.11.26 (19:21)", "2026-11-26", "19:21"),  # a broadcaster's time in brackets
        ("기사전송 2026/11/26 16:40", "2026-11-26", "16:40"),
        ("승인 2026.11.27 09:10", "2026-11-27", "09:10"),
        # a broadcaster's page: the time in words, on a line of its own under the headline
        ("2026년 11월 24일 14시 20분", "2026-11-24", "14:20"),
        ("2026년 11월 24일 오후 2시 5분", "2026-11-24", "14:05"),
        ("입력 2026.11.24 9시 7분", "2026-11-24", "09:07"),
        ("2026.11.24 월요일 오전 9:12", "2026-11-24", "09:12"),  # the weekday in full
        ("2026.11.24(월요일) 09:12", "2026-11-24", "09:12"),
    ],
)
def test_publication_time_of_page_timestamps(stamp, published, time):
    text = f"울산 해상풍력 단지 투자협약 체결\n\n{stamp}\n\n{_LEAD}\n"
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert (meta.published, meta.published_time) == (published, time)


@pytest.mark.parametrize(
    "headline",
    [
        "서울 'AI 테크시티' 청사진…펀드·특구·인재 3박자",  # 청사진 is not a photo credit
        "시장 기자회견서 돌봄교실 500곳 확충 발표",  # 기자회견 is not a byline
        "화성 물류창고 화재 사망자 3명으로 늘어",  # short words, no punctuation: not a menu
        "부산 도시철도 연장 착공",  # four short words, none of them a section: not a menu
        "울산 해상풍력 단지 투자협약 체결",  # five short words, none a section: not a menu
    ],
)
def test_headline_words_that_look_like_page_chrome(headline):
    text = PAGE.format(
        header="전체기사 | 산업 | 금융", line="다온경제 | 입력 2025-06-04 09:10", footer=""
    )
    text = text.replace("화성 물류창고 화재 사망자 3명으로 늘어", headline)
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert meta.title == headline


def test_a_portal_credit_line_is_no_headline():
    """A portal's copy names the outlet that supplied it (기사제공 스포츠가람) between the
    headline and the date: the line above the date is no headline there."""
    text = (
        "이강호, 함부르크행…이적료 2000만유로\n\n기사제공 스포츠가람\n입력 2026.11.29. 오전 10:31\n\n"
        f"{_LEAD}\n"
    )
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert meta.title == "이강호, 함부르크행…이적료 2000만유로"


def test_outlet_from_the_reporters_mail_domain_alone():
    text = (
        "부산 도시철도 연장 착공\n\n입력 2025-04-02 10:00\n\n"
        "부산시는 도시철도 2호선 연장 구간을 1일 착공했다고 2일 밝혔다. 사업비는 3200억원이다.\n\n"
        "시는 2029년 개통을 목표로 하고 있다.\n\n김민수 기자 minsu@busan.com\n"
    )
    meta = extract_metadata(text, find_body(text))
    assert (meta.outlet, meta.published, meta.title) == (
        "부산일보",
        "2025-04-02",
        "부산 도시철도 연장 착공",
    )
    assert extract_metadata(text, find_body(text), use_table=False).outlet is None


def test_a_broadcast_transcript_is_body_but_its_sign_off_is_not():
    """Every sentence of a transcript ends politely (…했습니다), which on a print page marks a
    site notice; the sign-off names the outlet and is no sentence of the report."""
    text = (
        "KBS 뉴스\n입력 2025.08.14 (21:05)\n\n[앵커]\n\n"
        "어제 오후 경기 평택의 한 물류센터에서 불이 나 8시간 만에 꺼졌습니다.\n\n"
        "이 불로 작업자 2명이 다쳤고, 건물 1만 2천 제곱미터가 탔습니다.\n\n"
        "KBS 뉴스 김민수입니다.\n"
    )
    _, body = _body_text_of(text)
    assert body.startswith("어제 오후 경기 평택의") and "제곱미터가 탔습니다." in body
    assert "김민수입니다" not in body
    meta = extract_metadata(text, find_body(text), use_table=False)
    assert (meta.outlet, meta.published) == ("KBS", "2025-08-14")


def test_a_polite_notice_on_a_print_page_is_still_chrome():
    text = (
        "가람일보\n\n입력 2025-08-14 09:00\n\n"
        "13일 오후 경기 평택시의 한 물류센터에서 불이 나 8시간 만에 꺼졌다.\n\n"
        "이 불로 작업자 3명이 다치고 건물 1만2000㎡가 불에 탔다.\n\n"
        "로그인이 필요한 서비스입니다.\n"
    )
    _, body = _body_text_of(text)
    assert "로그인" not in body and "3명이 다치고" in body


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("[누리신문] 의대 정원 동결", "누리신문", "의대 정원 동결"),
        ("[사회] 태풍 '하늘' 상륙", "새벽뉴스", "태풍 '하늘' 상륙"),
        ("【가람일보】 수출 증가", None, "수출 증가"),  # an outlet-like name
        ("[단독] 삼성 인수 추진", "가람일보", "[단독] 삼성 인수 추진"),  # the newsroom's word
        ("[속보] 태풍 상륙", "가람일보", "[속보] 태풍 상륙"),
        ("[서울=뉴시스] 제목", "뉴시스", "[서울=뉴시스] 제목"),  # a dateline: not a tag
        ("[사회]", "가람일보", "[사회]"),  # nothing would be left
        ("태풍 상륙 [사회]", "가람일보", "태풍 상륙 [사회]"),
        (None, "가람일보", None),
    ],
)
def test_a_leading_outlet_or_section_tag_is_not_headline(title, outlet, expected):
    from factcheck.ingest.metadata import _without_tag

    assert _without_tag(title, outlet) == expected


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        ("가람일보 증권\n제목\n", "가람일보"),
        ("다온경제 | 마켓 | 증권\n제목\n", "다온경제"),
        ("뉴스 | 정치\n제목\n", None),  # a menu, not an outlet
        ("경제 사회\n제목\n", None),
        ("가람일보 사장 인터뷰 기사\n제목\n", None),  # a headline, not a masthead
    ],
)
def test_a_masthead_is_an_outlet_name_with_section_words_only(page, outlet):
    from factcheck.ingest.body import split_lines
    from factcheck.ingest.metadata import _masthead

    found = _masthead(split_lines(page), len(page))
    assert (found[1] if found else None) == outlet


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("수능 지원자 52만명 넘어…졸업생 16만명 '21년 만에 최다'", False),  # a headline
        ('"반드시 다시 일어서겠다"', True),  # a quoted paragraph without its stop
        ("정부는 내년부터 새 제도를 시행한다고 밝혔다.", True),
    ],
)
def test_a_headline_ending_in_a_quote_is_not_a_sentence(line, sentence):
    from factcheck.ingest.body import is_sentence_line

    assert is_sentence_line(line) is sentence


def test_a_quoted_lead_after_a_byline_is_a_sentence():
    from factcheck.ingest.body import is_sentence_line

    assert is_sentence_line("가람일보=김유진 기자 | “서울이 AI 산업의 견인차 역할을 하겠다”")


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("KBS 뉴스 홍길동입니다.", "KBS"),
        ("한빛TV 홍길동입니다.", "한빛TV"),
        ("지금까지 한빛방송 홍길동이었습니다.", "한빛방송"),
        # a sentence of the body that ends as a sign-off does is none
        ("저는 홍길동입니다.", None),
        ("이번 사고의 원인은 과속입니다.", None),
    ],
)
def test_a_broadcast_sign_off_names_its_outlet(line, outlet):
    from factcheck.ingest.body import SIGN_OFF_RE

    m = SIGN_OFF_RE.match(line)
    assert (m and (m.group("outlet") or m.group("outlet2"))) == outlet
