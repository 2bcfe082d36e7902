"""Title, outlet and publication date of a scraped page, from the page's own cues.

Every field is chosen among scored candidates; what no cue supports stays ``None``
(never guessed from the file name). Cues, strongest first:

- date: a labelled date (입력, 기사입력, 등록, 승인 …) > a date on a byline/outlet line >
  a date+time in the page header > the re-poster's list row marked as the current page.
  Ticker timestamps (``… 기준``) are never publication dates.
- outlet: a byline ``매체=이름 기자`` / ``(지역=매체)`` > a ``[매체]`` line > a copyright line >
  an outlet line with the date (``매체 | 입력 2025-06-04``) > a short signature line right
  after the body (``매체`` or ``매체 이름 기자``).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from dataclasses import dataclass

from ..data import load
from .body import SIGN_OFF_RE, split_lines

# A page's date and time: 2026.11.24 (오후) 2:20, or the time in words as broadcasters
# write it (2026년 11월 24일 14시 20분): groups 5-6 or 7-8 hold the hour and minute.
_DATE = (
    r"((?:19|20)\d\d)\s?[-./년]\s?(\d{1,2})\s?[-./월]\s?(\d{1,2})\s?일?\.?"
    r"(?:\s*(?:\([월화수목금토일](?:요일)?\)|[월화수목금토일]요일))?"  # (월), (월요일), 월요일
    r"(?:\s*\(?\s*(오전|오후|AM|PM)?\s*"
    r"(?:(\d{1,2}):(\d{2})(?::\d{2})?|(\d{1,2})\s?시\s?(\d{1,2})\s?분)\)?)?"
)
_DATE_RE = re.compile(_DATE)
_LABEL_RE = re.compile(
    r"(기사\s?입력|입력|등록|작성|게재|발행|승인|송고|전송|보도|발행일|등록일|입력일)\s*(?:일시|시간)?\s*[:：]?\s*$"
)
_LATER_LABEL_RE = re.compile(r"(수정|업데이트|최종\s?수정|갱신)\s*(?:일시|시간)?\s*[:：]?\s*$")
_TICKER_RE = re.compile(r"^\s*(?:기준|현재|실시간)")
_CURRENT_ROW_RE = re.compile(r"^\s*(?:»|▶|☞|현재\s?글|현재글)")

_BYLINE_RE = re.compile(
    r"(?:^|[\s(\[])(?P<outlet>[가-힣A-Za-z0-9]{2,15})\s?=\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원)"
)
# "[머니투데이 세종=이소연 기자]", "[이데일리 김민수 기자]": the outlet first, then the
# place and the reporter
_BRACKET_BYLINE_RE = re.compile(
    r"\[(?P<outlet>[가-힣A-Za-z0-9]{2,15})\s+(?:[가-힣]{1,6}\s?=\s?)?[가-힣]{2,4}\s?"
    r"(?:기자|특파원|통신원)\s?\]"
)
_PLACE_BYLINE_RE = re.compile(
    r"\((?P<place>[가-힣]{1,6})\s?=\s?(?P<outlet>[가-힣A-Za-z0-9]{2,15})\)"
)
_BRACKET_RE = re.compile(r"^\s*\[(?P<outlet>[가-힣A-Za-z0-9 ]{2,15})\]\s*(?=$|\S)")
_COPYRIGHT_RE = re.compile(
    r"(?:Copyright|저작권자)?\s*(?:ⓒ|©|\(c\)|\(C\))\s*"
    r"(?:(?:19|20)\d\d(?:\s?[-–~]\s?(?:19|20)\d\d)?\s+)?"  # "© 2026 가람일보", "ⓒ 2010-2026"
    r"(?P<outlet>[가-힣A-Za-z0-9.]{2,20})"
    r"|Copyright\s+(?:by\s+)?(?P<outlet2>[가-힣]{2,20})"  # "Copyright 조선일보 & chosun.com"
)
# a broadcast sign-off: "KBS 뉴스 홍길동입니다."
_REPORTER_LINE_RE = re.compile(
    r"^\s*(?P<outlet>[가-힣A-Za-z0-9]{2,15})(?:\s+|\s*[|·ㅣ]\s*)(?:[가-힣]{2,4}\s?기자|"
    r"(?:기사\s?입력|입력|등록|승인|송고)?\s*[:：]?\s*" + _DATE + ")"
)
# "다온경제 박지현 기자" (optionally with an e-mail) on its own line after the body
_SIGNED_RE = re.compile(
    r"^[/(\[<-]?\s*(?P<outlet>[가-힣A-Za-z0-9]{2,15})[>\]]?\s+[가-힣]{2,4}\s?(?:기자|특파원)"
    r"(?:\s*\(\S+@[^\s)]+\)|\s+\S+@\S+)?\)?$"  # the e-mail in brackets too: 기자(kim@…)
)
# "김철수 기자 | 한빛경제": the reporter first, then the outlet, in the page header
_REPORTER_FIRST_RE = re.compile(
    r"^[가-힣]{2,4}\s?(?:기자|특파원)\s*[|·ㅣ/]\s*(?P<outlet>[가-힣A-Za-z0-9]{2,15})\s*$"
)
_SIGNATURE_RE = re.compile(r"^[가-힣A-Za-z0-9]{2,10}$")
_OUTLET_SUFFIX = re.compile(
    r"(일보|신문|뉴스|경제|방송|타임스|투데이|저널|미디어|TV|닷컴|통신|코리아|데일리)$"
)


_SUMMARY_BOX_RE = re.compile(r"(?:요약|정리)$")
_CREDIT_WORDS = frozenset(
    [
        "사진",
        "자료",
        "그래픽",
        "출처",
        "제공",
        "영상",
        "편집",
        "입력",
        "기사입력",
        "등록",
        "수정",
        "승인",
        "송고",
        "업데이트",
        "최종수정",
        "작성",
        "게재",
        "로고",  # [로고] 나래신문: the alt text of a masthead's image, not its name
    ]
)
# the alt text of a masthead's image beside the outlet's name: "가람일보 로고", "[로고] 나래신문"
_LOGO_WORDS = frozenset(("로고", "[로고]", "logo", "[logo]", "로고이미지"))


@dataclass(frozen=True)
class Metadata:
    title: str | None
    outlet: str | None
    published: str | None
    published_time: str | None
    reposted_by: str | None  # an aggregator that re-posted the page
    repost_of: str | None  # origin outlet when the page says it is a repost


@functools.cache
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = load("outlets")
    names: dict[str, str] = {}
    for canonical, spec in data.get("outlets", {}).items():
        names[canonical.lower()] = canonical
        for alias in spec.get("aliases", []):
            names[alias.lower()] = canonical
        for domain in spec.get("domains", []):
            names[domain.lower()] = canonical
    aggregators = frozenset(n.lower() for n in data.get("aggregators", {}).get("names", []))
    sections = frozenset(n.lower() for n in data.get("sections", {}).get("names", []))
    return names, aggregators, sections


@functools.cache
def _navigation_words() -> frozenset[str]:
    return frozenset(n.lower() for n in load("outlets").get("navigation", {}).get("names", []))


def _is_navigation(word: str) -> bool:
    """A section (경제, 단독) or navigation word (홈, 로그인) of a page's chrome."""
    return word.lower() in _tables()[2] or word.lower() in _navigation_words()


@functools.cache
def _editorial_tags() -> frozenset[str]:
    return frozenset(load("outlets").get("sections", {}).get("editorial", []))


# Outlets the user added in the configuration ([tool.factcheck.outlets]), for this run only.
USER_OUTLETS: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "user_outlets", default=None
)


def outlet_mapping(outlets: dict[str, list[str]]) -> dict[str, str]:
    """Lower-cased name, alias or domain -> canonical outlet name."""
    return {
        name.strip().lower(): canonical
        for canonical, aliases in outlets.items()
        for name in (canonical, *aliases)
    }


@contextlib.contextmanager
def user_outlets(outlets: dict[str, list[str]]):
    """Extend the outlet table with ``{canonical: [aliases or domains]}`` while reading."""
    token = USER_OUTLETS.set(outlet_mapping(outlets))
    try:
        yield
    finally:
        USER_OUTLETS.reset(token)


def _known_outlets() -> dict[str, str]:
    names, _, _ = _tables()
    extra = USER_OUTLETS.get()
    return {**names, **extra} if extra else names


def canonical_outlet(name: str) -> str:
    return _known_outlets().get(name.strip().lower(), name.strip())


def extract_metadata(
    text: str, body: tuple[tuple[int, int], ...], *, use_table: bool = True
) -> Metadata:
    lines = split_lines(text)
    body_start = body[0][0] if body else len(text)
    body_end = body[-1][1] if body else len(text)
    published, ptime = _published(lines, body_start)
    outlet, reposted_by = _outlet(lines, body_start, body_end, use_table)
    title = _without_tag(_title(lines, body_start), outlet)
    return Metadata(title, outlet, published, ptime, reposted_by, outlet if reposted_by else None)


def _iso(m: re.Match) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _clock(half: str | None, hour: int, minute: str) -> str:
    """HH:MM of a page's timestamp, 오후 3:12 (a portal's 12-hour clock) as 15:12."""
    if half in ("오후", "PM") and hour < 12:
        hour += 12
    elif half in ("오전", "AM") and hour == 12:
        hour = 0
    return f"{hour:02d}:{int(minute):02d}"


def _published(lines, body_start: int) -> tuple[str | None, str | None]:
    candidates: list[tuple[int, int, str, str | None]] = []  # (score, -position, date, time)
    for ln in lines:
        for m in _DATE_RE.finditer(ln.text):
            iso = _iso(m)
            if not iso:
                continue
            before = ln.text[: m.start()]
            after = ln.text[m.end() :]
            if _TICKER_RE.match(after):
                continue
            hour, minute = (m.group(5), m.group(6)) if m.group(5) else (m.group(7), m.group(8))
            has_time = hour is not None
            ptime = _clock(m.group(4), int(hour), minute) if has_time else None
            # before the body, which may start inside the line ("[매체 이름 기자] 본문 …")
            in_header = ln.start + m.start() < body_start
            if _LATER_LABEL_RE.search(before):
                score = 4
            elif _LABEL_RE.search(before):
                score = 10
            elif re.match(r"\s*(?:송고|입력|등록|작성)\b", after):
                score = 9  # "2025/02/11 15:20 송고": the label after the date
            elif _CURRENT_ROW_RE.match(ln.text):
                score = 3
            elif in_header and (re.search(r"기자|\|", ln.text) or _REPORTER_LINE_RE.match(ln.text)):
                score = 7
            elif in_header and has_time:
                score = 5
            elif has_time and not before.strip() and not after.strip():
                score = 2  # a bare timestamp line after the body: used when nothing else is
            elif not in_header and not before.strip() and not after.strip():
                score = 1  # a bare date line after the body: the last resort
            else:
                continue  # a date in the body or in a list is about something else
            candidates.append((score, -ln.start, iso, ptime))
    if not candidates:
        return None, None
    best = max(candidates)
    return best[2], best[3]


def _clean_outlet(name: str) -> str:
    return re.sub(r"\s+", "", name).strip(" .,|")


def _outlet(
    lines, body_start: int, body_end: int, use_table: bool
) -> tuple[str | None, str | None]:
    _, aggregators, sections = _tables()
    names = _known_outlets() if use_table else {}
    candidates: list[tuple[int, int, str]] = []
    reposted_by: str | None = None

    def outlet_like(name: str) -> bool:
        """A name with an outlet's ending (…일보, …뉴스) or in the outlet table."""
        return bool(_OUTLET_SUFFIX.search(name)) or name.lower() in names

    def add(score: int, pos: int, name: str) -> None:
        name = _clean_outlet(name)
        if name.isdigit():
            return  # a year, a phone number: no outlet
        if not name or name.lower() in sections or len(name) < 2 or name in _CREDIT_WORDS:
            return
        if _SUMMARY_BOX_RE.search(name):
            return  # "[AI 요약]", "[3줄 정리]": a summary box's label, not a masthead
        if name.lower() in aggregators:
            return
        if name.lower() in names:
            score += 2
            name = names[name.lower()]
        candidates.append((score, -pos, name))

    last_body_line = max(
        (i for i, ln in enumerate(lines) if ln.end <= body_end and ln.stripped), default=-1
    )
    for i, ln in enumerate(lines):
        s = ln.text
        for m in _PLACE_BYLINE_RE.finditer(s):
            if m.group("place") not in _CREDIT_WORDS:  # (사진=서울시) credits a photo
                add(9, ln.start, m.group("outlet"))
        for m in _BYLINE_RE.finditer(s):
            # 가람일보=홍길동 기자 names the outlet; 서귀포=홍길동 기자 (a dateline) a place:
            # a word that does not look like an outlet yields to any other cue
            name = m.group("outlet")
            add(9 if outlet_like(name) else 4, ln.start, name)
        for m in _BRACKET_BYLINE_RE.finditer(s):
            add(10, ln.start, m.group("outlet"))
        m = _BRACKET_RE.match(s)
        if m and (not s[m.end() :].strip() or ln.start < body_start + 2):
            # alone on its line, a masthead; before a headline, a section's tag ([로또],
            # [단독]) unless it reads as an outlet's name
            name = m.group("outlet").strip()
            alone = not s[m.end() :].strip()
            add(8 if alone or outlet_like(name) else 4, ln.start, name)
        for m in _COPYRIGHT_RE.finditer(s):
            add(8, ln.start, m.group("outlet") or m.group("outlet2"))
        m = SIGN_OFF_RE.match(ln.stripped)
        if m:
            add(8, ln.start, m.group("outlet") or m.group("outlet2"))
        if ln.start < body_start:
            m = _REPORTER_LINE_RE.match(s)
            if m and not re.search(r"기준|현재", s):
                add(6, ln.start, m.group("outlet"))
            m = _REPORTER_FIRST_RE.match(ln.stripped)
            if m:
                add(6, ln.start, m.group("outlet"))
        # A signature line: the outlet's name alone on the line just after the body.
        if last_body_line >= 0 and last_body_line < i <= last_body_line + 3:
            t = ln.stripped
            signed = _SIGNED_RE.match(t)
            if _SIGNATURE_RE.match(t) and not t.isdigit() and "기자" not in t:
                name = t  # the outlet alone
            else:
                name = signed.group("outlet") if signed else None  # 매체 이름 기자
            if name:
                add(7 if outlet_like(name) else 5, ln.start, name)
            source = _SOURCE_LINE_RE.match(t)
            if source and outlet_like(source.group("outlet")):
                add(7, ln.start, source.group("outlet"))
        if use_table:
            for dm in re.finditer(r"@([\w-]+(?:\.[\w-]+)+)", s):
                domain = dm.group(1).lower()
                for known_domain, canonical in names.items():
                    if "." in known_domain and domain.endswith(known_domain):
                        add(6, ln.start, canonical)
    masthead = _masthead(lines, body_start)
    if masthead:
        add(6, masthead[0], masthead[1])
    reposted_by, origin = _reposter(lines)
    if origin:
        # "본 기사는 누리타임스에서 제공받은 기사입니다": the article is the provider's, and
        # the page's own masthead, if any, is the site that re-posted it
        own_best = max((c for c in candidates if c[2] != _clean_outlet(origin)), default=None)
        reposted_by = reposted_by or (own_best[2] if own_best else None)
        add(11, 0, origin)
    if not candidates:
        return None, reposted_by or None
    best = max(candidates)
    # "[새봄경제]" over a header line "새봄경제신문 | 입력 …": the page also names the
    # outlet in full (the short name and an outlet suffix), and the full name is its name
    fuller = [
        c
        for c in candidates
        if c[2].startswith(best[2]) and _OUTLET_SUFFIX.match(c[2][len(best[2]) :])
    ]
    if fuller:
        best = max(fuller)
    return best[2], reposted_by or None


_MASTHEAD_SPLIT_RE = re.compile(r"\s*[|>/·›»]\s*|\s+")


def _masthead(lines, body_start: int) -> tuple[int, str] | None:
    """(position, outlet) of a masthead among the page's first lines: an outlet-like name
    (…일보, …신문, …경제) alone or followed by section words only ("가람일보 증권",
    "다온경제 | 마켓 | 증권")."""
    seen = 0
    for ln in lines:
        if ln.start >= body_start or seen >= 4:
            break
        if not ln.stripped:
            continue
        seen += 1
        words = [
            w for w in _MASTHEAD_SPLIT_RE.split(ln.stripped) if w and w.lower() not in _LOGO_WORDS
        ]
        if not words or len(words) > 5 or not (2 <= len(words[0]) <= 10):
            continue
        suffix = _OUTLET_SUFFIX.search(words[0])
        # 가람일보, not 뉴스 alone; followed by section words only
        if suffix and suffix.start() > 0 and all(_is_navigation(w) for w in words[1:]):
            return ln.start, words[0]
    return None


def _is_menu(s: str) -> bool:
    """A row of short navigation words: 'TV 라디오 뉴스 다시보기', '정치 경제 사회 국제'.

    Half its words section or navigation words, or five or more short words of which one
    is: a short headline of short words ("부산 도시철도 연장 착공", "울산 해상풍력 단지
    투자협약 체결") is not a menu.
    """
    words = s.split()
    if len(words) < 3 or re.search(r"[,.…\"“”‘’'!?·:\d]", s):
        return False  # punctuation or a figure: a headline ("화재 사망자 3명으로 늘어")
    if sum(len(w) for w in words) / len(words) > 3.0:
        return False
    navigation = sum(_is_navigation(w) for w in words)
    return navigation * 2 >= len(words) or (len(words) >= 5 and navigation >= 1)


_NOTE_OPENING = r"(?:본|이)\s?(?:콘텐츠|기사)는\s?"  # 본 기사는, 이 콘텐츠는
_SHARED_NOTE_RE = re.compile(
    _NOTE_OPENING + r"(?P<site>.{2,40}?)\s?(?:에서|을 통해|를 통해)\s?"
    r"(?P<verb>공유된|제공받은|전재된|제공된)"
)
# "이 기사는 한빛일보와의 제휴를 통해 제공됩니다", "※ 이 기사는 한빛일보 제휴 기사입니다": a
# partner's article, the partner named (the provider)
_SYNDICATION_RE = re.compile(
    _NOTE_OPENING + r"(?P<site>[가-힣A-Za-z0-9]{2,15}?)(?:와의|과의|와|과)?\s?"
    r"(?:콘텐츠\s?|기사\s?)?제휴"
)
# "제공: 한빛일보", "출처: 한빛일보 (https://…)" on a line of its own after the body: the
# article's source (a photo's credit names no outlet: 사진 제공: 해솔시)
_SOURCE_LINE_RE = re.compile(
    r"^[※*]?\s*(?:기사\s?)?(?:제공|출처)\s?[:：]\s?(?P<outlet>[가-힣A-Za-z0-9]{2,15})(?:\s*\(.*\))?$"
)
_LIST_ROW_RE = re.compile(r"^\s*(?:\d+|»+|▶)\s.*?(?P<site>\S+)\s+" + _DATE + r"\s*$")


def _reposter(lines) -> tuple[str | None, str | None]:
    """The site that re-posted this page, from the page's own structure, and the outlet it
    names as the article's provider, if any.

    - a note such as "본 콘텐츠는 뉴스픽 파트너스에서 공유된 콘텐츠입니다" (shared on a
      platform: the re-poster), "본 기사는 네이트 뉴스 제휴사 빛고을일보에서 제공받은
      기사입니다" (the re-poster, then its partner, the provider) or "본 기사는 누리타임스에서
      제공받은 기사입니다" (the provider alone);
    - the site's article list at the bottom, where every row names the same poster
      before the date (번호 제목 글쓴이 날짜), and the row marked » is this page.
    """
    for ln in lines:
        m = _SYNDICATION_RE.search(ln.text)
        if m and not _SHARED_NOTE_RE.search(ln.text):
            return None, m.group("site")
        m = _SHARED_NOTE_RE.search(ln.text)
        if m:
            words = m.group("site").split()
            if m.group("verb") == "공유된":
                return words[0], None
            partner = next((i for i, w in enumerate(words) if w in _PARTNER_WORDS), None)
            if partner is None:
                return None, words[-1]
            return words[0], (words[-1] if partner < len(words) - 1 else None)
    posters: dict[str, int] = {}
    current = None
    for ln in lines:
        m = _LIST_ROW_RE.match(ln.text)
        if m:
            posters[m.group("site")] = posters.get(m.group("site"), 0) + 1
            if _CURRENT_ROW_RE.match(ln.text):
                current = m.group("site")
    if current and posters.get(current, 0) >= 3 and posters[current] >= 0.8 * sum(posters.values()):
        return current, None
    return None, None


_PARTNER_WORDS = frozenset(("제휴사", "제휴", "파트너", "파트너스", "협력사"))


_TAG_RE = re.compile(r"^\s*[\[【]\s*(?P<tag>[^\]】]{1,12}?)\s*[\]】]\s*")


def _without_tag(title: str | None, outlet: str | None) -> str | None:
    """A leading tag naming the outlet or a desk ("[누리신문] 의대 정원 …", "[사회] 태풍 …")
    is page furniture, not headline. Tags saying what kind of story it is ("[단독]",
    "[속보]", "[현장]") are the newsroom's words about the story and stay."""
    m = _TAG_RE.match(title or "")
    if not m or not title[m.end() :].strip():
        return title
    tag = _clean_outlet(m.group("tag"))
    if tag in _editorial_tags():
        return title
    sections = _tables()[2]
    if tag.lower() in sections or tag == _clean_outlet(outlet or "") or _OUTLET_SUFFIX.search(tag):
        return title[m.end() :]
    return title


def _title(lines, body_start: int) -> str | None:
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.stripped] = counts.get(ln.stripped, 0) + 1
    candidates: list[tuple[int, int, str]] = []
    first = True
    header = [ln for ln in lines if ln.end <= body_start]
    for idx, ln in enumerate(header):
        s = ln.stripped
        hangul = len(re.findall(r"[가-힣]", s))
        if not (10 <= len(s) <= 150 and hangul >= 5) or re.match(r"^\s*[•·\-*▲△▶■]", s):
            continue
        # a byline, a credit, a date line, an "as of" line (24시간 변동률 기준); 청사진,
        # 기자회견 and 기준금리 in a headline are words
        if re.search(
            r"기자(?!회견|간담회|단)|ⓒ|©|\[사진\]|(?:사진|기사)\s?제공|=|기준\)?$|입력|바로가기|건너뛰기",
            s,
        ) or _DATE_RE.search(s):
            continue
        if re.search(r"로그인|회원가입|구독신청|전체메뉴|검색어", s):
            continue  # site chrome
        if re.search(r"[.]\s*[가-힣A-Za-z]{2,6}$", s):
            continue  # "오세훈 서울시장. 연합뉴스": a caption with its credit
        if _is_menu(s):
            continue
        score = 1 if first else 0
        first = False
        if counts.get(s, 0) > 1:
            score += 3  # a headline is repeated (og:title, image alt text)
        following = [x.stripped for x in header[idx + 1 : idx + 5] if x.stripped]
        # the headline sits right above the byline or the date line
        nxt = following[0] if following else ""
        if _DATE_RE.search(nxt) or "기자" in nxt:
            score += 3
        elif any(_DATE_RE.search(x) or "기자" in x for x in following):
            score += 1
        elif not following and idx > 0:
            score += 2  # the last line before the lead, below the date line
        candidates.append((score, -ln.start, s))
    for ln in lines:
        if _CURRENT_ROW_RE.match(ln.text):
            row = re.sub(r"^[\s»▶☞]+", "", ln.text)
            row = _DATE_RE.sub("", row).strip()
            _, aggregators, _ = _tables()
            words = row.split()
            if words and words[-1].lower() in aggregators:
                words = words[:-1]
            if words:
                candidates.append((3, -ln.start, " ".join(words)))
    if not candidates:
        return None
    return max(candidates)[2]
