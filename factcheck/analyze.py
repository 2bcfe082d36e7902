"""Per-document analysis: Document -> sentences -> claims, plus the counts later stages need.

Everything here depends on one document alone, which is what makes it cacheable
(``cache.py``) and parallel (``workers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .align import sentence_features, story_nouns
from .claims import extract_claims
from .models import Document, DocumentAnalysis, Sentence
from .sentences import split_documents


def analyze_documents(documents: Sequence[Document], workers: int = 1) -> list[DocumentAnalysis]:
    """Analyse documents in one batched kiwipiepy call (on ``workers`` threads)."""
    sentences = split_documents(documents, workers)
    return [analysis_of(doc, sentences[doc.id]) for doc in documents]


def analysis_of(doc: Document, sentences: tuple[Sentence, ...]) -> DocumentAnalysis:
    claims = tuple(extract_claims(doc, sentences))
    count, feature_sentences = sentence_features(sentences)
    return DocumentAnalysis(
        document=doc,
        sentences=tuple(replace(s, tokens=()) for s in sentences),
        claims=claims,
        story_nouns=story_nouns(sentences),
        sentence_count=count,
        feature_sentences=feature_sentences,
    )
