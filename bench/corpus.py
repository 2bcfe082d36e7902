"""A synthetic news archive for benchmarks: many invented stories, each covered by several
outlets with realistic page boilerplate, some injected discrepancies and portal reposts.
Deterministic from a seed.

    python -m bench.corpus OUT_DIR --articles 1000 [--seed 7]

Writes OUT_DIR/story-NNNNN/<outlet>.txt and OUT_DIR/.truth.jsonl (one line per injected
discrepancy: story, fact, the outlet that changed it, both values).

An article's body is about 2,000 characters, as a real one is (``--body full``, the
default): the story's facts amid background paragraphs (context, reactions, quotes, a few
figures every outlet gives alike). ``--body short`` writes the facts alone (about 230
characters a body), the archive of the benchmark runs before the twenty-second session:
every sentence a figure, so claims per character are several times those of real news.
The background is drawn from a generator of its own per story and outlet, so the stories,
outlets, planted discrepancies and reposts are the same in both.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Sequence

CITIES = [
    "서울",
    "부산",
    "인천",
    "대구",
    "광주",
    "대전",
    "울산",
    "세종",
    "수원",
    "창원",
    "청주",
    "전주",
    "포항",
    "제주",
    "천안",
    "김해",
    "평택",
    "구미",
    "원주",
    "춘천",
    "목포",
    "여수",
    "순천",
    "강릉",
]
PROJECTS = [
    "바이오 클러스터",
    "수소 특구",
    "해양 연구단지",
    "스마트 산업단지",
    "국제 컨벤션센터",
    "공공 도서관",
    "청년 창업허브",
    "로봇 테스트베드",
    "데이터 센터",
    "문화 예술회관",
    "물류 터미널",
    "반도체 연구소",
    "우주항공 캠퍼스",
    "친환경 에너지타운",
    "의료 복합단지",
    "관광 리조트",
    "스포츠 콤플렉스",
]
PLACES = [
    "양곡 도매시장",
    "옛 시청사",
    "수산물 도매시장",
    "화물 터미널",
    "군부대 이전지",
    "폐교 부지",
    "공업 단지",
    "철도 정비창",
    "농산물 시장",
    "시외버스 터미널",
]
OUTLETS = [
    "가람일보",
    "나래신문",
    "다온경제",
    "라온뉴스",
    "마루투데이",
    "바다타임스",
    "사랑방뉴스",
    "아라방송",
    "자람일보",
    "차오름신문",
    "한빛경제",
    "푸른뉴스",
    "누리타임스",
    "해오름일보",
    "별빛뉴스",
    "미리내신문",
]
PORTALS = ["네이트", "다음", "줌"]
MENUS = [
    "전체기사 정치 경제 사회 국제 문화",
    "홈 > 지역 > 경제",
    "로그인 회원가입 구독신청",
    "뉴스 | 포토 | 영상 | 오피니언",
]
RELATED = [
    "반도체 수출 석 달 만에 반등",
    "주말 한파 절정…아침 영하 10도",
    "정부, 물가 점검회의 개최",
    "프로야구 개막전 매진",
    "전국 휘발유값 3주째 하락",
    "봄꽃 축제 일정 확정",
    "공항 이용객 역대 최대",
    "장마 시작 앞당겨져",
]


def _money(rng: random.Random) -> int:
    return rng.choice([3, 5, 8, 12, 15, 25, 40, 60]) * 10**11 // 10 * rng.choice([1, 10])


def _krw(value: int, style: int) -> str:
    jo, rest = divmod(value, 10**12)
    eok = rest // 10**8
    if style == 0:
        return (f"{jo}조 " if jo else "") + (f"{eok}억 원" if eok else "원").strip()
    if style == 1:
        return (f"{jo}조" if jo else "") + (f"{eok}억원" if eok else "원")
    thousands = eok // 1000
    if jo == 0 and eok % 1000 == 0 and thousands:
        return f"{thousands}천억 원"
    return (f"{jo}조 " if jo else "") + (f"{eok:,}억 원" if eok else "원")


def _jobs(value: int, style: int) -> str:
    man, rest = divmod(value, 10000)
    if style == 0 and man:
        return f"{man}만 {rest}개".replace(" 0개", " 개") if rest else f"{man}만 개"
    return f"{value:,}개"


SYLLABLES = "가나다라마바사아자차카타파하강남도동명민서성수영우원은정준지진태한현혜호화훈희"
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + _word(rng, 2)


def story_facts(rng: random.Random, n: int) -> dict:
    """One invented story. Like real ones, each has its own people, district and agency."""
    city = rng.choice(CITIES)
    return {
        "official": _person(rng),
        "district": _word(rng, 2) + "동",
        "agency": _word(rng, 2) + "개발공사",
        "id": f"story-{n:05d}",
        "city": city,
        "project": f"{city} {rng.choice(PROJECTS)}",
        "place": rng.choice(PLACES),
        "money": _money(rng),
        "jobs": rng.choice([3000, 5000, 8000, 12000, 20000, 30000]),
        "area": rng.choice([12, 27, 33, 40, 50, 99]),
        "start": (2026 + rng.randrange(3), rng.randrange(1, 13)),
        "end_year": 2029 + rng.randrange(4),
        "day": rng.randrange(2, 26),
        "month": rng.randrange(1, 13),
    }


# Background sentences: what a real article carries around its figures, written with the
# story's own people, places, groups and industry (``background_facts``), as real coverage
# of two stories shares its grammar and a few common words but not its names. A story uses
# most of the templates and each outlet most of the story's, in its own order, two or three
# sentences to a paragraph; the few figures in them every outlet of the story states alike.
BACKGROUND = [
    "{city}시는 {prep_year}년부터 이 사업을 준비해 왔으며, 그동안 {consultant}에 맡긴 타당성 조사와 {district} 주민 의견 수렴 절차를 차례로 거쳤다.",
    "시는 이번 사업을 {industry} 산업을 키우고 {city}의 산업 구조를 바꿀 핵심 과제로 꼽고 있으며, {mayor} 시장의 대표 공약이기도 하다.",
    "{district} 일대는 그동안 낡은 {old_site} 건물과 빈 집이 많아 도심 속 외딴섬이라는 말을 들어 왔고, {market} 상인들의 불만도 적지 않았다.",
    "{place} 부지는 기능을 잃은 뒤 오랫동안 활용 방안을 찾지 못한 채 방치돼 왔으며, {old_plan} 논의가 있었지만 번번이 무산됐다.",
    "시는 사업이 마무리되면 {market}과 {street} 주변 상권이 살아나고 유동 인구도 크게 늘어 원도심 전체에 활력이 돌 것으로 기대하고 있다.",
    "{agency}는 국제 설계 공모를 거쳐 올해 안에 기본계획을 확정하고, {industry} 기업의 수요 조사와 실시설계를 서두를 방침이다.",
    "시는 {ministry}와 협의해 국비 지원 규모를 늘리는 방안을 추진하는 한편, {company} 등 민간 기업의 투자를 끌어들일 방법도 찾고 있다.",
    "지역 경제계는 대체로 환영하는 분위기로, {industry} 분야의 기업 유치와 일자리 창출에 실질적인 도움이 될 것이라는 기대가 크다.",
    "{chamber_person} {city}상공회의소 회장은 “{industry} 기업들이 오래 기다려 온 사업”이라며 “청년들이 고향을 떠나지 않아도 되는 계기가 되길 바란다”고 말했다.",
    "반면 {group}는 {stream} 생태계 훼손과 {street} 교통 혼잡을 우려하며, 사업 규모와 추진 일정을 처음부터 다시 검토해야 한다고 주장했다.",
    "{activist} {group} 사무국장은 “{district} 주민들과 충분히 소통하지 않은 채 서둘러 추진하고 있다”며 “공청회부터 다시 열어야 한다”고 지적했다.",
    "{district}에 사는 {resident}씨는 “공사 기간 {street}에 화물차가 몰리면 아이들 통학길이 위험해질까 걱정”이라고 말했다.",
    "시는 {hall}에서 주민설명회를 열어 사업 내용을 자세히 설명하고, 그 자리에서 나온 의견을 설계에 최대한 반영하겠다고 밝혔다.",
    "전문가들은 사업의 성패가 시설을 짓는 데보다 {industry} 기업을 확보하고 운영 방식을 정하는 데 달려 있다고 입을 모은다.",
    "{professor} {university} 교수는 “{old_plan}처럼 시설만 지어 놓고 활용하지 못한 사례가 적지 않은 만큼 운영 계획을 먼저 세워야 한다”고 조언했다.",
    "시는 {industry} 기업을 이끌어 내기 위해 세제 혜택과 행정 지원, 규제 완화를 한데 묶은 지원책을 마련하기로 했다.",
    "{official} 국장은 “{district} 주민 모두가 체감할 수 있는 변화를 만들겠다”며 “사업 추진 과정은 처음부터 끝까지 투명하게 공개하겠다”고 강조했다.",
    "시의회도 {councillor} 의원을 위원장으로 특별위원회를 꾸려 사업 추진 상황을 정기적으로 보고받고, 예산이 제대로 쓰이는지 점검하기로 했다.",
    "시는 교통 대책으로 {street}를 넓히고 {bus_route} 노선을 조정하는 한편, {market} 쪽에 주차 공간을 넉넉히 확보하는 방안을 검토하고 있다.",
    "{city}시의 인구는 약 {population}만명으로, 최근 몇 년 사이 일자리를 찾아 수도권으로 떠나는 청년층의 유출이 이어지고 있다.",
    "앞서 시는 {prep_year}년 {old_plan}을 추진했다가 재원을 마련하지 못해 한 차례 계획을 보류한 바 있다.",
    "사업 대상지는 {city} 도심에서 차로 {minutes}분 거리로, {interchange}과 가까워 물류와 접근성 면에서 유리하다는 평가를 받는다.",
    "시는 사업 관련 자료를 누리집에 차례로 공개하고, {district} 행정복지센터에 게시판을 두어 시민 제안도 받을 계획이다.",
    "관련 조례 개정안은 시의회에 제출될 예정이며, 시는 개정 절차가 끝나는 대로 {industry} 분야 사업자 선정에 들어갈 계획이다.",
    "시는 부지 안의 {old_site} 가운데 역사적 가치가 있는 건물은 보존해 {industry} 전시관이나 주민 쉼터로 활용할 계획이다.",
    "{rival_city} 등 이웃 도시들도 {industry} 사업을 잇따라 추진하고 있어 기업 유치를 둘러싼 경쟁이 갈수록 치열해질 것이라는 전망이 나온다.",
    "시는 사업 초기부터 {company} 같은 지역 업체의 참여를 늘리고, 공사에 필요한 인력도 가능한 한 지역에서 채용하도록 할 방침이다.",
    "{agency} 관계자는 “재원 조달 계획을 꼼꼼히 세워 사업이 중간에 멈추는 일이 없도록 하겠다”며 “시민 여러분의 관심을 부탁드린다”고 말했다.",
    "이번 계획에는 {stream}을 따라 걷는 산책로와 {park}, 어린이 놀이 공간 등 주민 편의시설도 담겨 있어 주거 환경 개선 효과도 기대된다.",
    "시는 사업이 예정대로 진행되는지 분기마다 점검하고, 문제가 생기면 {university} 등 전문가 자문단의 의견을 들어 계획을 보완하기로 했다.",
]
INDUSTRIES = [
    "이차전지",
    "바이오헬스",
    "수소연료전지",
    "인공지능",
    "드론",
    "게임",
    "식품가공",
    "섬유",
    "자동차부품",
    "조선기자재",
    "콘텐츠",
    "의료기기",
    "반도체장비",
    "협동로봇",
    "신소재",
    "화장품",
    "스마트물류",
    "항공정비",
    "농생명",
    "해양레저",
    "메타버스",
    "탄소소재",
    "정밀화학",
    "스마트팜",
    "전기차",
    "우주부품",
    "디지털헬스",
    "친환경선박",
    "관광서비스",
    "문화콘텐츠",
    "태양광",
    "풍력",
    "백신",
    "소프트웨어",
    "핀테크",
    "에듀테크",
]
MINISTRIES = [
    "산업통상자원부",
    "국토교통부",
    "과학기술정보통신부",
    "중소벤처기업부",
    "해양수산부",
    "문화체육관광부",
    "보건복지부",
    "농림축산식품부",
    "환경부",
    "행정안전부",
]


def background_facts(rng: random.Random) -> dict:
    """A story's own background: its people, places, groups and industry, and the few
    background figures every outlet states alike."""
    return {
        "prep_year": 2019 + rng.randrange(5),
        "population": rng.choice([28, 35, 42, 50, 67, 85, 110, 150, 240]),
        "minutes": rng.choice([10, 15, 20, 25, 30]),
        "industry": rng.choice(INDUSTRIES),
        "ministry": rng.choice(MINISTRIES),
        "rival_city": rng.choice(CITIES),
        "mayor": _person(rng),
        "chamber_person": _person(rng),
        "activist": _person(rng),
        "resident": _person(rng) + f"({rng.randrange(34, 78)})",
        "professor": _person(rng),
        "councillor": _person(rng),
        "consultant": _word(rng, 2) + "연구원",
        "university": _word(rng, 2) + "대",
        "group": _word(rng, 2) + "시민연대",
        "company": _word(rng, 2) + rng.choice(["테크", "산업", "건설", "정밀", "바이오"]),
        "market": _word(rng, 2) + "시장",
        "street": _word(rng, 2) + "로",
        "stream": _word(rng, 2) + "천",
        "park": _word(rng, 2) + "공원",
        "hall": _word(rng, 2) + "문화회관",
        "interchange": _word(rng, 2) + "나들목",
        "bus_route": f"{rng.randrange(100, 999)}번 버스",
        "old_site": rng.choice(["창고", "공장", "관사", "여관", "정비소"]),
        "old_plan": _word(rng, 2) + rng.choice(["타운", "밸리", "파크", "센터"]) + " 조성 계획",
    }


def _background(facts: dict, story_rng: random.Random, rng: random.Random) -> list[str]:
    """Paragraphs of background for one outlet's article: most of the story's sentences
    (``story_rng`` chose them), in its own order, two or three to a paragraph."""
    story = story_rng.sample(BACKGROUND, len(BACKGROUND) - 6)
    sentences = rng.sample(story, len(story) - rng.randrange(5))
    paragraphs = []
    while sentences:
        take = rng.choice((2, 3))
        paragraphs.append(" ".join(t.format(**facts) for t in sentences[:take]))
        sentences = sentences[take:]
    return paragraphs


def _shift_name(place: str) -> str:
    """One consonant of the name's second syllable changed: 양곡 도매시장 -> 양복 도매시장 style."""
    idx = [i for i, ch in enumerate(place) if "가" <= ch <= "힣"][1]
    code = ord(place[idx]) - 0xAC00
    new = chr(0xAC00 + ((code // 588 + 7) % 19) * 588 + code % 588)
    return place[:idx] + new + place[idx + 1 :]


def render(
    facts: dict, outlet: str, rng: random.Random, changes: dict, background: Sequence[str] = ()
) -> str:
    """One outlet's page: boilerplate, the story's facts (with this outlet's ``changes``),
    and ``background`` paragraphs placed among them."""
    f = dict(facts, **changes)
    pub_day = f["day"] + rng.randrange(0, 3)
    style = rng.randrange(3)
    y, m = f["start"]
    lines = [
        rng.choice(MENUS),
        "",
        f"{f['project']} 본격 추진…일자리 {_jobs(f['jobs'], 0)} 기대",
        "",
    ]
    if style == 0:
        lines += [
            f"[{outlet}]",
            f"기사입력 2025-{f['month']:02d}-{pub_day:02d} 09:{rng.randrange(10, 59)}",
            "",
        ]
        lead = f"{f['city']}시는 {f['day']}일 {f['project']} 조성 계획을 발표했다."
    elif style == 1:
        lines += [
            f"{outlet}=김{rng.choice('가나다라마바사')}{rng.choice('진수현우영')} 기자 | 2025.{f['month']:02d}.{pub_day:02d} 14:20",
            "",
        ]
        lead = (
            f"{f['city']}시가 지난 {f['day']}일 {f['project']} 사업 계획을 내놓았다."
            if pub_day > f["day"]
            else f"{f['city']}시가 {f['day']}일 {f['project']} 사업 계획을 내놓았다."
        )
    else:
        lines += [f"입력 2025-{f['month']:02d}-{pub_day:02d} 07:30", ""]
        lead = f"{f['city']}시는 {f['day']}일 {f['project']} 계획을 공개했다."
    lines += [f"▲ {f['project']} 조감도. (사진={f['city']}시 제공)", "", lead, ""]
    body = [
        f"총사업비는 {_krw(f['money'], style)}이다."
        if style != 1
        else f"사업에는 {_krw(f['money'], style)}이 투입된다.",
        f"시는 {y}년 {m}월 착공해 {f['end_year']}년 준공할 계획이다.",
        f"이 사업으로 일자리 {_jobs(f['jobs'], style % 2)}가 새로 생길 것으로 시는 내다봤다.",
        f"부지 면적은 약 {f['area']}만㎡에 이른다."
        if style != 2
        else f"사업 부지는 약 {f['area']}만㎡ 규모다.",
        f"핵심 시설은 {f['place']} 부지에 들어선다.",
        f"사업은 {f['district']} 일대에서 {f['agency']}가 맡는다.",
        f"{f['official']} {f['city']}시 경제국장은 “{f['district']} 일대가 새로운 성장 동력이 될 것”이라고 말했다.",
    ]
    rng.shuffle(body[3:5])
    # the background spread among the facts, after each in turn (placed by count, not
    # drawn: the facts' generator draws as it did without background)
    body = [part for n, fact in enumerate(body) for part in (fact, *background[n :: len(body)])]
    for sentence in body:
        lines += [sentence, ""]
    if style == 2:
        lines += [outlet, ""]
    lines += [f"Copyright ⓒ {outlet} 무단 전재 및 재배포 금지", "", "많이 본 뉴스"]
    lines += [f"• {t}" for t in rng.sample(RELATED, 3)]
    lines += ["", "댓글 0", "로그인 후 댓글을 작성하실 수 있습니다.", ""]
    return "\n".join(lines)


def generate(
    out_dir: str, articles: int, seed: int = 7, outlets_per_story: int = 5, body: str = "full"
) -> dict:
    """Write the archive; ``body``: "full" (about 2,000 characters, with background) or
    "short" (the facts alone)."""
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    truth = []
    written = story = 0
    while written < articles:
        facts = story_facts(rng, story)
        folder = os.path.join(out_dir, facts["id"])
        os.makedirs(folder, exist_ok=True)
        names = rng.sample(OUTLETS, outlets_per_story)
        odd = rng.choice(names) if rng.random() < 0.6 else None
        fact = rng.choice(["money", "jobs", "start", "place"]) if odd else None
        for name in names:
            if written >= articles:
                break
            changes = {}
            if name == odd:
                if fact == "money":
                    changes = {"money": facts["money"] * 2}
                elif fact == "jobs":
                    changes = {"jobs": facts["jobs"] + 4000}
                elif fact == "start":
                    changes = {"start": (facts["start"][0], facts["start"][1] % 12 + 1)}
                else:
                    changes = {"place": _shift_name(facts["place"])}
                truth.append(
                    {
                        "story": facts["id"],
                        "fact": fact,
                        "outlet": name,
                        "expected": str(facts[fact]),
                        "changed": str(changes[fact]),
                    }
                )
            extra: list[str] = []
            if body == "full":
                # a generator of its own: the facts' generator draws as it did without it
                story_rng = random.Random(f"{seed}:{facts['id']}")
                own = random.Random(f"{seed}:{facts['id']}:{name}")
                # the outlet that got a fact wrong has it wrong throughout its article
                told = dict(facts, **background_facts(story_rng), **changes)
                extra = _background(told, story_rng, own)
            text = render(facts, name, rng, changes, extra)
            with open(os.path.join(folder, f"{name}.txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
            written += 1
            if written < articles and rng.random() < 0.1:  # a portal repost of this page
                portal = rng.choice(PORTALS)
                repost = (
                    text + f"\n본 기사는 {portal} 뉴스 제휴사 {name}에서 제공받은 기사입니다.\n"
                )
                with open(
                    os.path.join(folder, f"{portal}-{name}.txt"), "w", encoding="utf-8"
                ) as fh:
                    fh.write(repost)
                written += 1
        story += 1
    with open(
        os.path.join(out_dir, ".truth.jsonl"), "w", encoding="utf-8"
    ) as fh:  # hidden: not an input
        for row in truth:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"articles": written, "stories": story, "discrepancies": len(truth)}


FACT_KINDS = {"money": {"money"}, "jobs": {"count"}, "start": {"date"}, "place": {"place", "name"}}


def score(report, corpus_dir: str) -> dict:
    """Recall over the injected discrepancies, and conflicts that no injection explains.

    A discrepancy is found when a conflict of its kind sets the changed outlet's article
    against another article of the same story folder. A conflict whose sides span two story
    folders is a cross-story conflict (stories merged by mistake).
    """
    with open(os.path.join(corpus_dir, ".truth.jsonl"), encoding="utf-8") as fh:
        truth = [json.loads(line) for line in fh]
    where = {
        d.id: (os.path.basename(os.path.dirname(d.path)), d.outlet or "") for d in report.documents
    }
    rows_of: dict[str, list[int]] = {}
    for i, row in enumerate(truth):
        rows_of.setdefault(row["story"], []).append(i)
    found, explained, cross = set(), set(), 0
    for conflict in report.conflicts:
        folders = {where[c.doc_id][0] for side in conflict.sides for c in side}
        if len(folders) > 1:
            cross += 1
            continue
        outlets = [{where[c.doc_id][1] for c in side} for side in conflict.sides]
        for i in rows_of.get(folders.pop(), []):
            changed = truth[i]["outlet"]
            # one side is the changed outlet alone, another side has some other outlet
            if (
                conflict.kind in FACT_KINDS[truth[i]["fact"]]
                and {changed} in outlets
                and any(side - {changed} for side in outlets)
            ):
                found.add(i)
                explained.add(conflict.id)
    return {
        "injected": len(truth),
        "found": len(found),
        "cross_story": cross,
        "unexplained": len(report.conflicts) - len(explained),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--body", choices=["full", "short"], default="full")
    args = ap.parse_args()
    print(generate(args.out_dir, args.articles, args.seed, body=args.body))


if __name__ == "__main__":
    main()
