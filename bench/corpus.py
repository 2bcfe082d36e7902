"""A synthetic news archive for benchmarks: many invented stories, each covered by several
outlets with realistic page boilerplate, some injected discrepancies and portal reposts.
Deterministic from a seed.

    python -m bench.corpus OUT_DIR --articles 1000 [--seed 7]

Writes OUT_DIR/story-NNNNN/<outlet>.txt and OUT_DIR/.truth.jsonl (one line per injected
discrepancy: story, fact, the outlet that changed it, both values).
"""

from __future__ import annotations

import argparse
import json
import os
import random

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


def story_facts(rng: random.Random, n: int) -> dict:
    """One invented story. Like real ones, each has its own people, district and agency."""
    city = rng.choice(CITIES)
    return {
        "official": rng.choice(SURNAMES) + _word(rng, 2),
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


def _shift_name(place: str) -> str:
    """One consonant of the name's second syllable changed: 양곡 도매시장 -> 양복 도매시장 style."""
    idx = [i for i, ch in enumerate(place) if "가" <= ch <= "힣"][1]
    code = ord(place[idx]) - 0xAC00
    new = chr(0xAC00 + ((code // 588 + 7) % 19) * 588 + code % 588)
    return place[:idx] + new + place[idx + 1 :]


def render(facts: dict, outlet: str, rng: random.Random, changes: dict) -> str:
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
    for sentence in body:
        lines += [sentence, ""]
    if style == 2:
        lines += [outlet, ""]
    lines += [f"Copyright ⓒ {outlet} 무단 전재 및 재배포 금지", "", "많이 본 뉴스"]
    lines += [f"• {t}" for t in rng.sample(RELATED, 3)]
    lines += ["", "댓글 0", "로그인 후 댓글을 작성하실 수 있습니다.", ""]
    return "\n".join(lines)


def generate(out_dir: str, articles: int, seed: int = 7, outlets_per_story: int = 5) -> dict:
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
            text = render(facts, name, rng, changes)
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
    args = ap.parse_args()
    print(generate(args.out_dir, args.articles, args.seed))


if __name__ == "__main__":
    main()
