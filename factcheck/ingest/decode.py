"""Bytes -> clean Unicode text, with a clear error for what cannot be read."""

from __future__ import annotations

import codecs
import unicodedata

# Characters that carry no text: dropped. Spaces that are spaces in disguise: made spaces.
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACE = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u3000"}


class InputError(ValueError):
    """An input file that cannot be read as an article; the message names the problem."""


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 (BOM) or a legacy Korean encoding (CP949/EUC-KR)."""
    if not data:
        raise InputError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        # NUL bytes in the first block: UTF-16 without BOM, or a binary file.
        text = _first_textual(data, ("utf-16-le", "utf-16-be"))
        if text is None:
            raise InputError("binary file (NUL bytes), not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _first_textual(data, ("cp949",))  # a superset of EUC-KR; most Korean legacy pages
    if text is not None:
        return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - the detector is an optional last resort
        best = None
    if best is not None and _looks_textual(str(best)):
        return str(best)
    raise InputError("cannot decode: not UTF-8, UTF-16 or CP949/EUC-KR text")


def _looks_textual(text: str) -> bool:
    """Plausible Korean or Latin text: mostly Hangul, ASCII, spaces and common punctuation.

    Random bytes decoded as UTF-16 become CJK ideographs and private-use characters; a
    real article, even in a legacy encoding, is overwhelmingly Hangul and ASCII.
    """
    sample = text[:4000]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t"
    )
    common = sum(1 for ch in sample if _common(ch))
    return bad <= max(2, len(sample) // 100) and common >= 0.8 * len(sample)


def _common(ch: str) -> bool:
    return (
        ch.isascii()
        or "\uac00" <= ch <= "\ud7a3"  # Hangul syllables
        or "\u3130" <= ch <= "\u318f"  # compatibility jamo
        or "\u2000" <= ch <= "\u206f"  # general punctuation
        or "\u3000" <= ch <= "\u303f"  # CJK punctuation
        or "\uff00" <= ch <= "\uffef"  # full-width forms
        or ch in "·…※▲△▶■□◆◇●○ⓒ©㎡㎞"
    )


def clean_text(text: str) -> tuple[str, tuple[int, ...] | None]:
    """NFC, unify newlines and spaces, drop zero-width characters.

    Returns the clean text and, when characters were added or removed, a map from each
    clean offset to the offset in the decoded input (``None`` when offsets are unchanged).
    """
    if (
        "\r" not in text
        and unicodedata.is_normalized("NFC", text)
        and not any(ch in _DROP or ch in _SPACE for ch in text)
    ):
        return text, None
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r":
            out.append("\n")
            origin.append(i)
            i += 2 if i + 1 < n and text[i + 1] == "\n" else 1
            continue
        if ch in _DROP:
            i += 1
            continue
        if ch in _SPACE:
            out.append(" ")
            origin.append(i)
            i += 1
            continue
        # A base character with its combining marks / conjoining jamo, composed together.
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or "\u1160" <= text[j] <= "\u11ff"):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        for c in composed:
            out.append(c)
            origin.append(i)
        i = j
    clean = "".join(out)
    if len(clean) == n and origin == list(range(n)):
        return clean, None
    origin.append(n)
    return clean, tuple(origin)


def _first_textual(data: bytes, encodings: tuple[str, ...]) -> str | None:
    """The data decoded by the first of ``encodings`` that decodes it to text, or None."""
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return text
    return None
