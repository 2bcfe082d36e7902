"""Readers per input kind. Each turns one file into Documents or raises InputError.

- ``.txt`` scrapes and ``.md`` articles (front matter): ``document_from_text``;
- ``.html``/``.htm`` saved pages: trafilatura extracts the main text, title, date and site
  name; offsets point into the extracted text (``Document.text``);
- ``.jsonl``/``.csv`` exports: one Document per row, columns such as ``outlet, published,
  title, url, text`` (names in Korean or English; see ``COLUMNS``).
"""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import replace

from ..models import Document
from .body import is_chrome, is_sentence_line
from .decode import InputError, clean_text
from .metadata import canonical_outlet, extract_metadata

# Column names accepted in exports, per field (compared case-insensitively).
COLUMNS = {
    "text": ("text", "body", "content", "article", "본문", "내용", "기사"),
    "outlet": (
        "outlet",
        "source",
        "press",
        "media",
        "publisher",
        "site",
        "site_name",
        "언론사",
        "매체",
    ),
    "published": (
        "published",
        "date",
        "pubdate",
        "published_at",
        "datetime",
        "날짜",
        "작성일",
        "입력",
    ),
    "title": ("title", "headline", "제목"),
    "url": ("url", "link", "주소"),
    "id": ("id", "article_id", "doc_id"),
}


def _extract(raw: str, **options):
    import trafilatura

    return trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        **options,
    )


def _collapsed(text: str) -> bool:
    """One line holding several sentences: paragraphs run together."""
    return "\n" not in text.strip() and len(re.findall(r"[가-힣]\.\s", text)) >= 2


def _hangul(text: str) -> int:
    return len(re.findall(r"[가-힣]", text))


def read_html(raw: str, doc_id: str, path: str) -> Document:
    try:
        extracted = _extract(raw)
        body_text = getattr(extracted, "text", None) if extracted is not None else None
        if body_text and _collapsed(body_text):
            # a short page: trafilatura's fallback joined the headline, the byline and the
            # paragraphs into one line; its precision mode keeps the paragraphs apart
            precise = _extract(raw, favor_precision=True)
            text = getattr(precise, "text", None) if precise is not None else None
            if text and "\n" in text.strip() and _hangul(text) >= 0.8 * _hangul(body_text):
                extracted, body_text = precise, text
    except Exception as exc:  # malformed markup can break the parser in many ways
        raise InputError(f"cannot parse HTML: {exc.__class__.__name__}") from exc
    if not body_text or not re.search(r"[가-힣]", body_text):
        raise InputError("no article text found in the HTML page")
    title = getattr(extracted, "title", None)
    text, _ = clean_text(((title + "\n\n") if title else "") + body_text + "\n")
    spans = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if (
            stripped
            and stripped != (title or "").strip()
            and not is_chrome(stripped)
            and re.search(r"[가-힣]", stripped)
        ):
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    if not any(is_sentence_line(text[a:b]) for a, b in spans):
        raise InputError("no article text found in the HTML page (no sentence-like Korean lines)")
    meta = extract_metadata(text, tuple(spans))
    date = getattr(extracted, "date", None)
    published = date[:10] if date and re.match(r"\d{4}-\d{2}-\d{2}", date) else meta.published
    site = getattr(extracted, "sitename", None)
    outlet = canonical_outlet(site) if site else meta.outlet
    return Document(
        id=doc_id,
        path=path,
        text=text,
        body_spans=tuple(spans),
        title=title or meta.title,
        outlet=outlet,
        published=published,
        published_time=meta.published_time,
        repost_of=meta.repost_of,
        reposted_by=meta.reposted_by,
    )


def _column(frame_columns: list[str], field: str) -> str | None:
    lowered = {c.lower().strip(): c for c in frame_columns}
    for name in COLUMNS[field]:
        if name in lowered:
            return lowered[name]
    return None


def _date(value) -> str | None:
    m = re.match(r"((?:19|20)\d\d)[-./년\s]+(\d{1,2})[-./월\s]+(\d{1,2})", str(value or ""))
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def read_export(raw: str, path: str, kind: str) -> tuple[list[Document], list[tuple[str, str]]]:
    """Rows of a JSONL or CSV export: (documents, [(location, problem)] for rows skipped)."""
    import pandas as pd

    from . import document_from_text

    try:
        if kind == "jsonl":
            records = []
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except ValueError as exc:
                        raise InputError(f"line {n} is not JSON: {exc}") from exc
            frame = pd.DataFrame.from_records(records)
        else:
            frame = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"cannot read the {kind.upper()} export: {exc}") from exc
    text_col = _column(list(frame.columns), "text")
    if text_col is None:
        raise InputError(f"no text column (one of: {', '.join(COLUMNS['text'])})")
    cols = {f: _column(list(frame.columns), f) for f in COLUMNS}
    stem = os.path.basename(path)  # export.jsonl:a1 and export.csv:a1 stay apart
    docs, problems = [], []
    for row, record in enumerate(frame.to_dict("records"), 1):
        raw_id = str(record.get(cols["id"]) or "").strip() if cols["id"] else ""
        doc_id = f"{stem}:{raw_id or row}"
        try:
            doc = document_from_text(str(record.get(text_col) or ""), doc_id, path)
        except InputError as exc:
            problems.append((f"{path} row {row}", str(exc)))
            continue
        outlet = str(record.get(cols["outlet"]) or "").strip() if cols["outlet"] else ""
        title = str(record.get(cols["title"]) or "").strip() if cols["title"] else ""
        published = _date(record.get(cols["published"])) if cols["published"] else None
        docs.append(
            replace(
                doc,
                outlet=canonical_outlet(outlet) if outlet else doc.outlet,
                title=title or doc.title,
                published=published or doc.published,
                source_row=row,
            )
        )
    return docs, problems
