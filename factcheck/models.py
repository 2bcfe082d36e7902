"""The data model: plain frozen dataclasses flowing one way through the pipeline.

Document -> Sentence -> Claim -> TopicGroup -> Conflict -> Report.
Offsets are character offsets into ``Document.text`` (the decoded file), so every claim
can be traced back to the exact characters an outlet published.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _from_fields(cls: type, values: tuple) -> Any:
    """Unpickle an object saved by ``pickled_as_fields``."""
    obj = object.__new__(cls)
    obj.__dict__.update(zip(_FIELD_NAMES[cls], values))
    return obj


def pickled_as_fields(cls: type) -> type:
    """Pickle a dataclass's instances as their field values in order rather than as a
    dictionary of names: claims and sentences are most of what the cache stores and what
    worker processes send back, and this way they load ~20 % faster and take ~20 % less
    room (measured on a 10k archive's analyses, best of three: claims 1.14 s -> 0.92 s to
    load, 25.7 MB -> 20.1 MB).

    For frozen dataclasses with no state beyond their fields."""
    names = tuple(f.name for f in fields(cls))
    _FIELD_NAMES[cls] = names

    def __reduce__(self):  # noqa: N807 - the pickle protocol's name
        return _from_fields, (cls, tuple(map(self.__dict__.__getitem__, names)))

    cls.__reduce__ = __reduce__
    return cls


@dataclass(frozen=True)
class Document:
    id: str  # stable: derived from the file name, unique within a run
    path: str
    text: str  # decoded file contents (NFC); offsets below point into this
    body_spans: tuple[tuple[int, int], ...]  # paragraphs kept as article body
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_time: str | None = None  # HH:MM
    repost_of: str | None = None  # outlet named as origin when this page is a repost
    reposted_by: str | None = None  # the portal or aggregator that re-posted it
    source_row: int | None = None  # row of a JSONL/CSV export this article came from
    repost_group: str | None = None  # documents with the same group id are copies of one article

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (for linters and SARIF)."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


class Token(NamedTuple):
    """A kiwipiepy token. A named tuple, not a dataclass: an archive has millions of them,
    and a frozen dataclass costs several times as much to build and to pickle."""

    form: str
    tag: str
    start: int  # absolute offset into Document.text
    end: int


@pickled_as_fields
@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


@pickled_as_fields
@dataclass(frozen=True)
class Quantity:
    """A number with its unit, read as an interval so that hedges can be compared.

    ``low``/``high`` bound what the writer committed to: ``약 5조`` is about 4.5조..5.5조,
    ``3000명 이상`` is 3000..inf. Two quantities agree when their intervals overlap.
    """

    kind: str  # money | count | area | length | weight | percent | percent_point | multiple | fraction | duration | age | ordinal
    unit: str  # canonical unit: KRW, USD, 명, 개, m2, %, %p, 배, ...
    value: float  # the figure as written, in the canonical unit
    low: float
    high: float
    hedge: str | None = None  # 약, 정도, 이상, ... as written
    alt: tuple[float, str] | None = None  # a conversion given in parentheses: (value, unit)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "quantity",
            "kind": self.kind,
            "unit": self.unit,
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
        }
        if self.hedge:
            out["hedge"] = self.hedge
        if self.alt:
            out["alt"] = {"value": _num(self.alt[0]), "unit": self.alt[1]}
        return out


@pickled_as_fields
@dataclass(frozen=True)
class DateValue:
    """A calendar date at some precision; ``start``/``end`` are ISO dates bounding it."""

    year: int | None
    month: int | None = None
    day: int | None = None
    precision: str = "day"  # year | half | month | part_of_month | day
    start: str | None = None  # inclusive ISO date (None when the year is unknown)
    end: str | None = None  # inclusive ISO date
    relative: bool = False  # resolved against the publication date
    year_inferred: bool = False  # year came from tense/context, not from the text
    time: str | None = None  # HH:MM when a time of day is written (오후 3시, 15:30)

    def iso(self) -> str:
        if self.year is None:
            month = f"{self.month:02d}" if self.month else "??"
            return f"????-{month}" + (f"-{self.day:02d}" if self.day else "")
        if self.precision == "week" and self.start:
            return self.start
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision in ("month", "part_of_month", "half") and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "date",
            "iso": self.iso(),
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
            "relative": self.relative,
            "year_inferred": self.year_inferred,
            **({"time": self.time} if self.time else {}),
        }


@pickled_as_fields
@dataclass(frozen=True)
class NameValue:
    """A named place, facility or programme, e.g. 양곡도매시장 (spacing removed in ``key``)."""

    key: str  # spacing-free form used for comparison
    head: str  # the generic head noun it ends in (시장, 특구, 허브, ...)
    parts: tuple[str, ...]  # noun morphemes, for slot-wise comparison

    def to_json(self) -> dict[str, Any]:
        return {"type": "name", "key": self.key, "head": self.head}


Value = Quantity | DateValue | NameValue


@pickled_as_fields
@dataclass(frozen=True)
class Claim:
    """One factual value an outlet asserted, with full provenance and its reading."""

    id: str
    doc_id: str
    sentence_index: int
    kind: str  # money, count, area, date, name, ...
    surface: str  # the value as written, e.g. "5000억원 규모"
    start: int  # offsets of ``surface`` in Document.text
    end: int
    value: Value
    subject: str  # noun phrase the value is about (best effort)
    predicate: str | None  # what the value means: 지정, 조성, 착공, ...
    context: tuple[tuple[str, float], ...]  # content nouns near the value with closeness weights
    qualifiers: frozenset[str] = field(
        default_factory=frozenset
    )  # rate, cumulative, total, summand, part, duration_scope, change, plan, done
    # the common noun its clause marks as subject or topic (수출 of "수출이 … 12% 증가"),
    # or "": two figures whose marked subjects differ measure different things
    marked_subject: str = ""
    # the period a figure is about, from a date right before it ("지난해 매출은 8조원"):
    # ISO bounds (start, end), or None
    scope: tuple[str, str] | None = None
    # offsets of its sentence in Document.text: a report quotes the sentence from the
    # document's text, without unpickling the document's sentences (``DocumentAnalysis``)
    sentence_span: tuple[int, int] = (0, 0)

    def sentence_text(self, doc: Document) -> str:
        """The sentence this claim was read from, as ``doc`` (its document) has it."""
        return doc.text[self.sentence_span[0] : self.sentence_span[1]]


@dataclass(frozen=True)
class DocumentAnalysis:
    """All that later stages need from one document, computed from it alone.

    The unit of caching and of parallel work: the tokens are dropped once claims are
    extracted, and what story clustering and IDF need from them is kept as counts.

    Pickled with its sentences, its claims, its IDF counts and its clustering nouns as
    pickles of their own, unpickled only when first used (``__getattr__``) or read once
    (``read``): a warm run needs the claims of only the stories it checks again and the
    sentences of only the claims it reports (unpickling the claims was 1.0 s of the 1.7 s a
    warm 10k run spent reading its cache, measured); the IDF counts (about 480 features a
    long article) and the nouns (about 210) are each read once, and unpickled all at once
    they held 500 MB and 280 MB at 10,000 articles of real length (measured).
    """

    document: Document
    sentences: tuple[Sentence, ...]  # without tokens
    claims: tuple[Claim, ...]
    story_nouns: dict[str, float]  # noun -> weight, for story clustering
    sentence_count: int
    feature_sentences: dict[str, int]  # context feature -> sentences containing it (for IDF)
    context_features: tuple[str, ...] = ()  # what its claims' context vectors are made of

    @property
    def claim_count(self) -> int:
        """len(claims), without unpickling them."""
        state = self.__dict__
        return len(state["claims"]) if "claims" in state else state["_claim_count"]

    def read(self, name: str) -> Any:
        """A body (``_ANALYSIS_BODY``), unpickled for the caller alone if it is still
        pickled, not kept as reading the attribute keeps it: a run reads every document's
        clustering nouns and IDF counts once, and each story's claims once, and kept they
        would be most of its memory (``pipeline.StoryTask``, ``align.NounMatrix``)."""
        state = self.__dict__
        if name in state:
            return state[name]
        return pickle.loads(state[_ANALYSIS_BODY[name]])

    def __reduce__(self):
        state = self.__dict__
        head = tuple(state[name] for name in _ANALYSIS_HEAD)
        bodies = tuple(
            state[blob] if blob in state else pickle.dumps(state[name], pickle.HIGHEST_PROTOCOL)
            for name, blob in _ANALYSIS_BODY.items()
        )
        return _lazy_analysis, (head, bodies, self.claim_count)

    def __getattr__(self, name: str) -> Any:
        # called only for an attribute not set: a body left pickled by _lazy_analysis
        blob = _ANALYSIS_BODY.get(name)
        state = self.__dict__
        if blob is None or blob not in state:
            raise AttributeError(name)
        value = pickle.loads(state[blob])
        state[name] = value
        del state[blob]  # not kept twice; pickled again if ever needed
        return value


# what unpickling an analysis reads at once, and its bodies, each left as its own pickle
_ANALYSIS_HEAD = (
    "document",
    "sentence_count",
    "context_features",
)
_ANALYSIS_BODY = {
    "sentences": "_sentences_pickle",
    "claims": "_claims_pickle",
    "feature_sentences": "_features_pickle",
    "story_nouns": "_nouns_pickle",
}


def _lazy_analysis(head: tuple, bodies: tuple[bytes, ...], claim_count: int) -> DocumentAnalysis:
    """Unpickle a ``DocumentAnalysis``, its bodies (``_ANALYSIS_BODY``) left pickled."""
    obj = object.__new__(DocumentAnalysis)
    obj.__dict__.update(zip(_ANALYSIS_HEAD, head))
    obj.__dict__.update(zip(_ANALYSIS_BODY.values(), bodies))
    obj.__dict__["_claim_count"] = claim_count
    return obj


@dataclass(frozen=True)
class TopicGroup:
    """Claims from different documents judged to state the same attribute of the same thing."""

    id: str
    story: str
    topic: str
    kind: str
    claims: tuple[Claim, ...]
    similarity: float


@dataclass(frozen=True)
class Conflict:
    id: str
    rule: str  # rule name, e.g. amount-mismatch
    kind: str  # money | count | area | date | place | ...
    topic: str
    severity: str  # high | medium | low
    confidence: float
    explanation: str
    sides: tuple[tuple[Claim, ...], ...]  # claims grouped by the value they support
    reconciliation: str | None = None
    fingerprint: str = ""  # stable id for baselines and ignores (set by the pipeline)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    analyses: tuple[DocumentAnalysis, ...]  # of the documents, in the same order
    conflicts: tuple[Conflict, ...]
    skipped: tuple[Skipped, ...]
    stories: dict[str, tuple[str, ...]]  # story id -> document ids
    repost_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    draft: str | None = None  # id of the draft in draft mode
    warnings: tuple[Skipped, ...] = ()  # inputs read with a caveat (no publication date)

    @functools.cached_property
    def documents_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @functools.cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, by document and position (unpickles every analysis's claims: the
        reports that list them all, not the JSON report, ask for them)."""
        everything = (c for a in self.analyses for c in a.claims)
        return tuple(sorted(everything, key=lambda c: (c.doc_id, c.start, c.kind)))

    @functools.cached_property
    def sentences(self) -> Mapping[str, tuple[Sentence, ...]]:
        """document id -> its sentences, each document's unpickled when first asked for."""
        return SentencesByDocument({a.document.id: a for a in self.analyses})

    @functools.cached_property
    def claim_counts(self) -> dict[str, int]:
        """document id -> how many claims it has, without unpickling them."""
        return {a.document.id: a.claim_count for a in self.analyses}

    @property
    def claim_count(self) -> int:
        """How many claims in all, without unpickling them."""
        return sum(self.claim_counts.values())


class SentencesByDocument(Mapping):
    """A read-only mapping of document id -> sentences, read from the analyses on demand."""

    def __init__(self, analyses: dict[str, DocumentAnalysis]) -> None:
        self._analyses = analyses

    def __getitem__(self, doc_id: str) -> tuple[Sentence, ...]:
        return self._analyses[doc_id].sentences

    def __iter__(self) -> Iterator[str]:
        return iter(self._analyses)

    def __len__(self) -> int:
        return len(self._analyses)


def _num(x: float) -> float | int | None:
    if x == float("inf") or x == float("-inf"):
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return round(x, 6)
