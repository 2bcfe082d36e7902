"""Split article bodies into sentences with kiwipiepy, keeping absolute offsets and tokens.

One ``Kiwi`` per process (it takes ~2 s and ~500 MB to load): ``get_kiwi()`` builds it once.
Paragraphs are passed to kiwipiepy as a list, never as one huge string (its speed falls
sharply with string length).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .models import Document, Sentence, Token

# A fragment that starts with a particle or an ending belongs to the previous sentence:
# kiwipiepy cuts "… 다. ‘AI’는 …" after the closing quote.
_CONTINUATION_TAGS = ("J", "E", "XS", "VCP")
MAX_PARAGRAPH = 5000  # characters; longer paragraphs are cut at sentence punctuation first


# The typo and multi-word dictionaries cost 1.7 s of a 3.6 s start-up (measured on the
# project's machine) and change nothing factcheck reads: typo correction is off, and
# multi-word entries are idioms, not the names and figures claims are built from (the seeds,
# samples, golden reports and the mutation benchmark give the same results without them).
KIWI_OPTIONS = {"load_typo_dict": False, "load_multi_dict": False}


@functools.cache
def get_kiwi(workers: int = 1):
    """One Kiwi per process (and per worker count): loading costs ~2 s and ~500 MB."""
    from kiwipiepy import Kiwi

    return Kiwi(num_workers=max(1, workers), **KIWI_OPTIONS)


def load_kiwi(workers: int = 1) -> None:
    """Build this process's Kiwi of ``workers`` threads now, with the rest of its model:
    the first call to tokenize loads about 1 s more (measured). A worker process that only
    tokenizes starts with this, having imported no more than this module."""
    get_kiwi(workers).tokenize("가")


# Unit signs kiwipiepy reads as symbols (SW), after which it misreads a particle: "1000㎞를"
# gives 르/NNG + ᆯ/JKO, "50㎞로" 로/NNG, and those junk nouns enter claims' contexts. Each
# sign is passed as the letter m (one character for one, so offsets hold), after which the
# particles come out right; the token is given back its sign and the SW tag.
UNIT_SIGNS = "㎞㎡㎏㎝㎜㎖ℓ㎾㎿㎥㏊℃㎍㎎㎘㎢㎦㎠㎟㎣㎧㎨"
_FOR_KIWI = str.maketrans(dict.fromkeys(UNIT_SIGNS, "m"))


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong paragraph at sentence punctuation so kiwipiepy stays fast."""
    if end - start <= MAX_PARAGRAPH:
        return [(start, end)]
    out, pos = [], start
    for m in re.finditer(r"[.!?]\s+", text[start:end]):
        cut = start + m.end()
        if cut - pos >= MAX_PARAGRAPH // 2:
            out.append((pos, cut))
            pos = cut
    out.append((pos, end))
    return out


def _token(text: str, form: str, tag: str, start: int, end: int) -> Token:
    """A kiwipiepy token at [start, end) of ``text``; a unit sign passed as m (_FOR_KIWI)
    is given back as itself, tagged SW as kiwipiepy tags it. A verb's regular or irregular
    mark (VV-R for 뽑, 입, 받; VV-I for 짓, 돕; VA-I for 어렵) is dropped: a verb is a verb,
    and every rule asks for VV or VA."""
    if tag == "SL" and end - start == 1 and text[start] in UNIT_SIGNS:
        return Token(text[start], "SW", start, end)
    return Token(form, tag.partition("-")[0], start, end)


def _without_misread_copula(text: str, toks: list[Token]) -> list[Token]:
    """``toks`` with the noun 면 given back where kiwipiepy read it as a copula it supplied
    (이, of no width) and the ending 면: "주변 3개 면 2만1000가구" came out as 3개 + 이 +
    면 ("if it is three"), which cut the figure's clause off from its subject. An ending
    never stands after a space; "3개면 충분하다", written onto the noun, is left alone."""
    out: list[Token] = []
    for t in toks:
        supplied = out and out[-1].tag == "VCP" and out[-1].start == out[-1].end
        if supplied and t.form == "면" and t.tag == "EC" and text[t.start - 1].isspace():
            out[-1] = Token("면", "NNG", t.start, t.end)  # the copula's place, the noun's
        else:
            out.append(t)
    return out


# A district's suffix and a subject particle kiwipiepy reads as one noun after a name it
# does not know: 새뜰시가 -> 새뜰 + 시가 ("market price"), where 서울시가 is 서울시 + 가
_SUFFIX_AND_PARTICLE = {"시가": "시", "군이": "군", "구가": "구", "도가": "도"}


def _without_misread_suffix(text: str, toks: list[Token]) -> list[Token]:
    """``toks`` with a district's suffix and its subject particle given back where
    kiwipiepy read the two as one noun written onto a name (새뜰 + 시가 1780억원을 들여):
    시 and 가, as it reads 구름시 + 가. Only between a noun written right before and a space
    after (시가총액, 시가 상승 stand alone or run on)."""
    out: list[Token] = []
    for t in toks:
        suffix = _SUFFIX_AND_PARTICLE.get(t.form) if t.tag == "NNG" else None
        if (
            suffix
            and out
            and out[-1].tag in ("NNP", "NNG")
            and out[-1].end == t.start
            and t.end - t.start == 2
            and (t.end >= len(text) or text[t.end].isspace())
        ):
            out.append(Token(suffix, "NNG", t.start, t.start + 1))
            out.append(Token(t.form[1], "JKS", t.start + 1, t.end))
        else:
            out.append(t)
    return out


def kiwi_pieces(documents: Iterable[Document]) -> list[tuple[Document, int, int]]:
    """(document, start, end) of each piece of text kiwipiepy is given: the body's
    paragraphs, an overlong one cut at sentence punctuation (``_chunks``)."""
    return [
        (doc, cs, ce)
        for doc in documents
        for s, e in doc.body_spans
        for cs, ce in _chunks(doc.text, s, e)
    ]


def kiwi_texts(pieces: list[tuple[Document, int, int]]) -> list[str]:
    """The pieces' text as kiwipiepy reads it (unit signs as m: ``_FOR_KIWI``)."""
    return [doc.text[s:e].translate(_FOR_KIWI) for doc, s, e in pieces]


def split_documents(
    documents: Iterable[Document], workers: int = 1
) -> dict[str, tuple[Sentence, ...]]:
    """Sentences of every document's body, in one batched kiwipiepy call.

    ``workers`` > 1 lets kiwipiepy analyse the paragraphs on that many threads (it only
    parallelises a list of texts, which is what it gets here); results do not depend on it.
    """
    docs = list(documents)
    pieces = kiwi_pieces(docs)
    results = get_kiwi(workers).split_into_sents(kiwi_texts(pieces), return_tokens=True)
    return sentences_of(docs, pieces, results)


def sentences_of(
    docs: list[Document], pieces: list[tuple[Document, int, int]], results: Iterable
) -> dict[str, tuple[Sentence, ...]]:
    """The documents' sentences from what kiwipiepy's ``split_into_sents`` gave for each
    of their ``pieces`` (``kiwi_pieces``), at offsets into the documents' text."""
    out: dict[str, list[Sentence]] = {doc.id: [] for doc in docs}
    for (doc, base, _), sents in zip(pieces, results):
        merged: list[tuple[int, int, list[Token]]] = []  # particle-initial fragments joined
        for sent in sents:
            toks = [
                _token(doc.text, t.form, t.tag, base + t.start, base + t.start + t.len)
                for t in sent.tokens
            ]
            toks = _without_misread_suffix(doc.text, _without_misread_copula(doc.text, toks))
            start, end = base + sent.start, base + sent.end
            if merged and toks and toks[0].tag.startswith(_CONTINUATION_TAGS):
                ps, _, ptoks = merged[-1]
                merged[-1] = (ps, end, ptoks + toks)
            else:
                merged.append((start, end, toks))
        for start, end, toks in merged:
            bucket = out[doc.id]
            bucket.append(
                Sentence(doc.id, len(bucket), start, end, doc.text[start:end], tuple(toks))
            )
    return {k: tuple(v) for k, v in out.items()}
