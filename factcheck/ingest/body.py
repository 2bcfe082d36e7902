"""Find the article body in a scraped page: keep sentences, drop menus, captions, tickers,
related-headline lists and comment boxes. Works on lines and keeps their offsets.

The body is the densest run of sentence-like lines (plain written Korean ending in -다.);
a long stretch of non-sentence lines ends a run. Inside the run, captions, credits and
bylines are dropped; polite-form lines (-습니다, -세요) outside quotes are site chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HANGUL = re.compile(r"[가-힣]")
# a sentence ends in -다/-까 and a stop; a quoted paragraph may end without one ("…하겠다"),
# but a headline's closing quote does not make it a sentence (… 16만명 '21년 만에 최다')
_SENTENCE_END = re.compile(
    r"(?:다|까)\s*[.!?…]+\s*[\"”’'」』)\]]*\s*$|^\s*[\"“‘'「『].*다\s*[\"”’'」』]\s*$"
)
_INNER_SENTENCE = re.compile(r"다[.!?]\s+\S")
_CAPTION = re.compile(
    r"^\s*[▲△▶■□◆◇●○※☞]|사진\s*[=:제]|\(사진|자료\s*[=:]|그래픽\s*[=:]|ⓒ|©|Copyright|무단\s*전재|재배포|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|^\s*\(?[가-힣A-Za-z]+\s*=\s*[가-힣]{2,4}\s*기자\)?\s*$"
)
_LIST_ITEM = re.compile(r"^\s*(?:[•·\-*»]|\d+\s+\S.*\d{4}[.\-]\d{2}[.\-]\d{2}\s*$|\d+\.\s)")
_POLITE = re.compile(r"(?:습니다|십시오|세요|해요|니다|드립니다)\s*[.!?]*\s*$")
# Bylines that open the lead paragraph:
#   (인천=서해신문) 박지훈 기자 =   /   매체=이름 기자 |   /   [매체=이름 기자]   /   이름 기자 =
#   [매체 이름 기자]
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:\([^()=]{1,20}=[^()=]{1,20}\)\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*)?[=|ㅣ│]?"
    r"|[\[(]?[가-힣A-Za-z0-9]+\s*=\s*[가-힣]{2,4}\s*(?:기자|특파원)[\])]?\s*[=|ㅣ│]?"
    r"|\[[가-힣A-Za-z0-9]{2,15}\s+[가-힣]{2,4}\s*(?:기자|특파원)\]"
    r"|[가-힣]{2,4}\s*(?:기자|특파원)\s*[=|ㅣ│])\s*"
)

MAX_GAP_LINES = 6  # this many non-sentence lines in a row end the article body


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_sentence_line(s: str) -> bool:
    s = s.strip()
    byline = _BYLINE_PREFIX.match(s)  # "매체=이름 기자 | “…하겠다”": the quote opens the lead
    if byline:
        s = s[byline.end() :]
    if len(_HANGUL.findall(s)) < 8:
        return False
    return bool(_SENTENCE_END.search(s) or _INNER_SENTENCE.search(s))


def is_chrome(s: str, spoken: bool = False) -> bool:
    """Captions, credits, list rows, bylines alone, and polite site notices (unless the page
    is ``spoken``: a broadcast transcript says every sentence politely)."""
    s = s.strip()
    if not s:
        return True
    if _CAPTION.search(s) or _LIST_ITEM.match(s) or SIGN_OFF_RE.match(s):
        return True
    if spoken:
        return False
    return bool(_POLITE.search(s) and len(s) < 90 and not re.search(r"[\"“”]", s))


# "KBS 뉴스 김민수입니다.": a broadcast report's last line, not a sentence of it (it names
# the outlet: metadata reads it)
# A broadcast's sign-off: "KBS 뉴스 홍길동입니다", "한빛방송 홍길동입니다", "YTN 홍길동입니다",
# "지금까지 한빛TV 홍길동이었습니다"; without 뉴스, only a name that reads as a broadcaster's
# (…방송, …TV, capitals), never "저는 홍길동입니다"
SIGN_OFF_RE = re.compile(
    r"^(?:지금까지\s)?(?:(?P<outlet>[A-Za-z가-힣0-9]{2,10})\s?뉴스"
    r"|(?P<outlet2>[A-Za-z가-힣0-9]{0,8}(?:방송|TV|라디오)|[A-Z]{2,5}))"
    r"\s?[가-힣]{2,4}(?:입니다|였습니다|이었습니다)\.?$"
)


def _is_spoken(sentences: list[str]) -> bool:
    """Most sentence lines end politely (…했습니다): a broadcast transcript, not site chrome."""
    polite = sum(1 for s in sentences if _POLITE.search(s))
    return polite >= 2 and polite * 2 >= len(sentences)


def find_body(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the body paragraphs (one per kept line, trimmed of surrounding spaces)."""
    lines = split_lines(text)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.stripped] = counts.get(ln.stripped, 0) + 1
    # A line repeated verbatim is a title, caption or image alt text, never body.
    repeated = {s for s, c in counts.items() if c > 1 and s}
    sentence_like = [i for i, ln in enumerate(lines) if is_sentence_line(ln.text)]
    spoken = _is_spoken([lines[i].stripped for i in sentence_like])
    sentence_idx = [
        i
        for i in sentence_like
        if not is_chrome(lines[i].text, spoken) and lines[i].stripped not in repeated
    ]
    if not sentence_idx:
        return ()
    # Group sentence lines into runs separated by long non-sentence stretches.
    runs: list[list[int]] = [[sentence_idx[0]]]
    for prev, cur in zip(sentence_idx, sentence_idx[1:]):
        gap = sum(1 for ln in lines[prev + 1 : cur] if ln.stripped)
        if gap > MAX_GAP_LINES:
            runs.append([cur])
        else:
            runs[-1].append(cur)
    best = max(runs, key=lambda run: sum(len(_HANGUL.findall(lines[i].text)) for i in run))
    # a short last sentence ("투표율은 31.2%였다.") is too short to be sentence-like alone,
    # but right after the body it ends the body
    last = best[-1]
    for j in range(best[-1] + 1, len(lines)):
        s = lines[j].stripped
        if not s:
            continue
        if s in repeated or is_chrome(s, spoken) or not _is_short_sentence(s):
            break
        last = j
    spans = []
    for i in range(best[0], last + 1):
        ln = lines[i]
        s = ln.stripped
        if not s or s in repeated:
            continue
        if is_chrome(s, spoken):
            # Bylines that open the lead ("X=Y 기자 | “...”"): keep what follows the byline.
            m = _BYLINE_PREFIX.match(ln.text)
            if not (m and is_sentence_line(ln.text[m.end() :])):
                continue
            spans.append(_trim(text, ln.start + m.end(), ln.end))
            continue
        if i in best or _is_heading(s) or _is_short_sentence(s):
            m = _BYLINE_PREFIX.match(ln.text)
            start = ln.start + (m.end() if m else 0)
            spans.append(_trim(text, start, ln.end))
    return tuple(sp for sp in spans if sp[1] > sp[0])


def _is_short_sentence(s: str) -> bool:
    """A sentence too short to count as sentence-like on its own (투표율은 31.2%였다.): kept
    inside the body or right after it, never used to find it."""
    return len(_HANGUL.findall(s)) >= 3 and bool(_SENTENCE_END.search(s))


def _is_heading(s: str) -> bool:
    """A sub-heading inside the body (kept: it often states a fact)."""
    return len(_HANGUL.findall(s)) >= 8 and len(s) <= 60 and not s.endswith(("?", "!"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
