"""Per-document analysis: Document -> sentences -> claims, plus the counts later stages need.

Everything here depends on one document alone, which is what makes it cacheable
(``cache.py``) and parallel (``workers``).
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from .align import context_features, sentence_features, story_nouns
from .claims import extract_claims
from .ingest import InputError, read_file
from .ingest.metadata import USER_OUTLETS, outlet_mapping
from .models import Document, DocumentAnalysis, Sentence
from .sentences import load_kiwi, split_documents

# Documents analysed per kiwipiepy call in this process: tokens live only for one batch, so
# memory holds the tokens of one batch, never of the whole corpus.
BATCH = 400


def analyze_documents(documents: Sequence[Document], workers: int = 1) -> list[DocumentAnalysis]:
    """Analyse documents in one batched kiwipiepy call (on ``workers`` threads)."""
    return _analyses(documents, split_documents(documents, workers))


def _analyses(
    documents: Sequence[Document], sentences: dict[str, tuple[Sentence, ...]]
) -> list[DocumentAnalysis]:
    """The documents' analyses from their sentences (tokenized here or by a worker)."""
    return [analysis_of(doc, sentences[doc.id]) for doc in documents]


def analysis_of(doc: Document, sentences: tuple[Sentence, ...]) -> DocumentAnalysis:
    claims = tuple(extract_claims(doc, sentences))
    count, feature_sentences = sentence_features(sentences)
    return DocumentAnalysis(
        document=doc,
        sentences=tuple(replace(s, tokens=()) for s in sentences),
        claims=claims,
        story_nouns=story_nouns(sentences, claims),
        sentence_count=count,
        feature_sentences=feature_sentences,
        context_features=tuple(sorted(context_features(claims, {}))),
    )


# --- running analyses in this process or in worker processes ---------------------------

# One unit of work: a file to read and analyse (path, document id, its bytes, cache key),
# or a document already read (a draft).
FileItem = tuple[str, str, bytes, "str | None"]
WORKER_BATCH = 50  # documents per task handed to a worker: small enough to balance the load


@dataclass(frozen=True)
class Analysed:
    """What became of one submitted item."""

    path: str
    key: str | None
    analyses: tuple[DocumentAnalysis, ...] = ()
    problems: tuple[tuple[str, str], ...] = ()  # rows of an export that could not be read
    error: str | None = None  # the whole file could not be read


@dataclass
class _ReadBatch:
    """Submitted items read into documents, before their analysis."""

    out: list[Analysed]  # one per item, without analyses yet
    docs: list[Document]
    owners: list[tuple[int, int]]  # (index in out, documents of that item)


def _read(items: list[FileItem | Document]) -> _ReadBatch:
    batch = _ReadBatch([], [], [])
    for item in items:
        if isinstance(item, Document):
            batch.owners.append((len(batch.out), 1))
            batch.out.append(Analysed(item.path, None))
            batch.docs.append(item)
            continue
        path, doc_id, data, key = item
        try:
            found, problems = read_file(path, doc_id, data)
        except InputError as exc:
            batch.out.append(Analysed(path, key, error=str(exc)))
            continue
        batch.owners.append((len(batch.out), len(found)))
        batch.out.append(Analysed(path, key, problems=tuple(problems)))
        batch.docs.extend(found)
    return batch


def _analysed(batch: _ReadBatch, sentences: dict[str, tuple[Sentence, ...]]) -> list[Analysed]:
    """The batch's items with the analyses of their documents, from their sentences."""
    results = iter(_analyses(batch.docs, sentences))
    out = list(batch.out)
    for index, count in batch.owners:
        out[index] = replace(out[index], analyses=tuple(next(results) for _ in range(count)))
    return out


def _read_and_analyze(items: list[FileItem | Document], workers: int) -> list[Analysed]:
    batch = _read(items)
    return _analysed(batch, split_documents(batch.docs, workers))


_ready_kiwis: set[int] = set()  # worker counts of the Kiwis this process has loaded


def _load_kiwi(workers: int) -> None:
    load_kiwi(workers)
    _ready_kiwis.add(workers)


def kiwi_ready(workers: int) -> bool:
    """Whether this process has loaded the Kiwi of ``workers`` threads (``load_kiwi_now``,
    or an earlier run here in "threads" mode): analysing with it costs no start-up."""
    return workers in _ready_kiwis


def load_kiwi_now(workers: int) -> threading.Thread:
    """Load this process's Kiwi on a thread (kiwipiepy releases the GIL meanwhile), beside
    whatever the caller does next (reading the cache; waiting for an edit in ``watch``);
    join it before using Kiwi or forking."""
    loader = threading.Thread(target=_try_load_kiwi, args=(workers,), daemon=True)
    loader.start()
    return loader


def _try_load_kiwi(workers: int) -> None:
    # a Kiwi that cannot be built fails again, with its message, where it is used
    with contextlib.suppress(Exception):
        _load_kiwi(workers)


def _worker_init(outlets: dict[str, list[str]]) -> None:
    # the outlet table a user configured applies in the worker as in the parent
    USER_OUTLETS.set(outlet_mapping(outlets))
    # build Kiwi now, while the parent is still reading: its start-up is the worker's job
    _load_kiwi(1)


def _worker_task(items: list[FileItem | Document]) -> list[Analysed]:
    return _read_and_analyze(items, 1)


class Analyzer:
    """Reads and analyses submitted files, in worker processes or in this one.

    ``parallel``:

    - "processes": ``jobs`` worker processes, each with one ``Kiwi``, analyse whole batches
      (reading, tokenizing and extracting claims all run in parallel, where kiwipiepy's own
      threads parallelise only the tokenizing). Each pays a Kiwi start-up, so they win only
      on much text (``pipeline.PROCESSES_FROM_BYTES``). The first worker starts with the first
      submitted file, so its start-up overlaps whatever the caller does next (such as
      reading the rest of the cache).
    - "threads": this process, with ``jobs`` kiwipiepy threads. Its Kiwi is built on a
      thread from the first submitted file on, beside whatever the caller does next.
    - "process": one worker process, whatever ``jobs``: a few files to analyse while this
      process has much else to do (loading a large cache). Kiwi's start-up then slows
      nothing here: built on a thread of this process, it held back reading the cache
      (SQLite fetches and unpickling twice as slow on two cores, measured). The worker only
      tokenizes: this process reads the files and extracts the claims, so the worker
      imports ``sentences`` alone before building its Kiwi (0.05 s of imports instead of
      0.4 s for the whole analysis, on the worker's path to the first result).

    Results come back in submission order, so the report never depends on ``jobs`` or the
    mode.
    """

    def __init__(
        self,
        jobs: int = 1,
        outlets: dict[str, list[str]] | None = None,
        parallel: str = "processes",
    ) -> None:
        self.jobs = jobs
        self.threads = jobs if parallel == "threads" else 1
        self.processes = jobs if parallel == "processes" and jobs > 1 else 0
        # one worker that only tokenizes: the reading and the claims are this process's
        self.tokenize_only = parallel == "process"
        if self.tokenize_only:
            self.processes = 1
        self.outlets = outlets or {}
        self.pending: list[FileItem | Document] = []
        self.futures: list = []
        self.local: list[list[FileItem | Document]] = []
        self.pool = None
        self.kiwi_loader: threading.Thread | None = None
        self.broken: str | None = None  # why the worker processes failed, once they have
        self.submitted = 0

    def start(self) -> None:
        """Start the worker processes, or this process's Kiwi, now rather than at the first
        batch: either way, Kiwi's start-up overlaps whatever the caller does next."""
        if not self.processes and self.kiwi_loader is None:
            # kiwipiepy releases the GIL while it loads its model: building Kiwi on a thread
            # runs beside the caller (reading files, loading the cache) on another core
            self.kiwi_loader = load_kiwi_now(self.threads)
        if self.processes and self.pool is None:
            from concurrent.futures import ProcessPoolExecutor
            from multiprocessing import get_context

            # spawn, not fork: a forked copy of a process that has run kiwipiepy deadlocks.
            # As with any multiprocessing, a calling script needs the __main__ guard.
            init, args = (
                (load_kiwi, (1,)) if self.tokenize_only else (_worker_init, (self.outlets,))
            )
            self.pool = ProcessPoolExecutor(
                self.processes, mp_context=get_context("spawn"), initializer=init, initargs=args
            )
            # workers are spawned as tasks come: a first, empty one spawns a worker at once
            self.pool.submit(int)

    def discard(self) -> None:
        """Stop the worker processes at once, with nothing submitted to them: a worker
        started early on a guess (``pipeline.run``) that the files to read did not bear out.
        A worker still building its Kiwi is killed rather than waited for."""
        if self.pool is None:
            return
        terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None

    def submit(self, item: FileItem | Document) -> None:
        """Queue an item; worker processes start with the first (a worker builds its Kiwi
        while the caller goes on) and get the items in batches."""
        self.submitted += 1
        self.pending.append(item)
        self.start()
        if len(self.pending) >= (WORKER_BATCH if self.processes > 1 else BATCH):
            self._dispatch()

    def _dispatch(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        if not self.processes or self.broken:
            self.local.append(batch)
            return
        read = _read(batch) if self.tokenize_only else None
        try:
            if read is None:
                future = self.pool.submit(_worker_task, batch)
            else:
                future = self.pool.submit(split_documents, read.docs, 1)
        except BrokenProcessPool as exc:  # the workers died before this batch was handed over
            self.broken = str(exc)
            self.local.append(batch)
            return
        self.futures.append((future, batch, read))

    def results(self) -> Iterator[Analysed]:
        """Everything submitted, in submission order.

        If the worker processes die (a calling script without the ``__main__`` guard, a
        worker killed for memory), the batches they did not return are analysed here, on
        ``jobs`` threads, with a warning: nothing is lost.
        """
        self._dispatch()
        if self.kiwi_loader is not None:
            self.kiwi_loader.join()  # one Kiwi: never built twice at once
        try:
            for n, (future, _, read) in enumerate(self.futures):
                try:
                    done = future.result()
                except BrokenProcessPool as exc:
                    self.broken = str(exc)
                    self.local[:0] = [batch for _, batch, _ in self.futures[n:]]
                    break
                yield from (done if read is None else _analysed(read, done))
            if self.broken:
                warnings.warn(
                    f"factcheck: worker processes failed ({self.broken}); analysing in this"
                    " process",
                    RuntimeWarning,
                    stacklevel=2,
                )
                self.threads = self.jobs
            for batch in self.local:
                yield from _read_and_analyze(batch, self.threads)
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
