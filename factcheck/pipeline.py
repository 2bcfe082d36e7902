"""The one place that orders the stages: Document -> Sentence -> Claim -> TopicGroup ->
Conflict -> Report. Everything here is a pure function of its inputs."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, replace
from typing import Any, NamedTuple

from .align import (
    Idf,
    LinkMemo,
    Settings,
    StoryPairs,
    UnionFind,
    align_story,
    cluster_stories,
    context_features,
    repost_groups,
    values_agree,
)
from .analyze import Analyzer, analyze_documents, kiwi_ready
from .cache import Cache, CachedFile, CachedStory
from .claims import NOT_FIGURES
from .ingest import (
    DEFAULT_INCLUDE,
    InputError,
    Progress,
    list_inputs,
    read_bytes,
    undated_warnings,
)
from .ingest.metadata import user_outlets
from .models import Claim, Conflict, Document, DocumentAnalysis, Report, Skipped, TopicGroup
from .rules import RULES, Rule, RuleContext

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# Bytes to read from which worker processes beat kiwipiepy's threads: processes also run
# claim extraction in parallel but each loads its own Kiwi (~4 s, ~520 MB). By bytes, not
# files: an article of 2,000 characters is five times the work of one of 400, and one export
# file may hold thousands. Measured with bench/speed.py on 2 cores, threads against
# processes: 1,000 articles of about 230 characters (1.8 MB) 8.9 s against 10.9 s, 10,000
# (18 MB) 105 s against 76 s; 300 articles of about 2,000 characters (1.7 MB) 14.1–18.2 s
# against 14.3–14.7 s, 1,000 (5.7 MB) 50.1 s against 45.5 s.
PROCESSES_FROM_BYTES = 2_500_000
# A few files to analyse beside this many cached ones go to one worker process, whose Kiwi
# loads while this process reads the cache (see ``choose_parallel``).
FEW_FILES = 50
KIWI_APART_FROM = 4000


def choose_parallel(
    to_read: int, cached: int, jobs: int, kiwi_here: bool = False, to_read_bytes: int = 0
) -> str:
    """The ``Analyzer`` mode for ``parallel="auto"``: worker "processes" for much text to
    read (``to_read_bytes``, the size of the ``to_read`` files), else kiwipiepy "threads" in
    this process, except for a few files beside a large
    cache with two cores or more: one worker "process" — unless this process has its Kiwi
    loaded already (``kiwi_here``: a ``watch`` between runs), which then costs nothing.

    A Kiwi built on a thread here, while this process reads a large cache, slows both (on
    the 2-core benchmark machine, 10,000 cached analyses took 2.6 s to fetch and unpickle
    alone, 4.8 s with Kiwi loading beside). Measured with bench.corpus archives, Kiwi on a
    thread against one worker process: a warm 10k run with one changed file 10.2–11.7 s
    against 9.2–10.1 s (seven runs each, one outlier of 15.3 s left out); a draft against
    a cached 10k corpus 10.0–10.6 s against 8.2–8.5 s; against 4k, 4.9–5.3 s against
    4.5–5.6 s; against 1k, 3.7 s against 4.3–4.6 s: below a few thousand cached files there
    is too little to overlap, and the worker's own start-up (a process, imports) tells.
    """
    if jobs > 1 and to_read_bytes >= PROCESSES_FROM_BYTES:
        return "processes"
    if jobs > 1 and 0 < to_read <= FEW_FILES and cached >= KIWI_APART_FROM and not kiwi_here:
        return "process"
    return "threads"


def run(
    inputs: Iterable[str],
    settings: Settings | None = None,
    draft: Document | None = None,
    progress: Progress | None = None,
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    jobs: int = 1,
    cache: Cache | None = None,
    parallel: str = "auto",
    listing: tuple[list[tuple[str, str]], list[Skipped]] | None = None,
) -> Report:
    """Read the input paths and check them (against ``draft`` when one is given).

    ``progress(stage, done, total)`` is called as work advances (for a progress display).
    ``jobs`` > 1 analyses files on that many cores (``parallel``: "threads" of kiwipiepy,
    worker "processes", one worker "process", or "auto" to choose by the number of files to
    analyse and of cached ones: ``choose_parallel``). With a ``cache``, files
    analysed by an earlier run with the same code and configuration are not read or
    tokenized again. The report is the same whatever ``jobs`` and the cache. ``listing``:
    what ``list_inputs`` gives for these inputs, when the caller has listed them already.
    """
    settings = settings or Settings()
    with without_cycle_collection():
        with user_outlets(settings.outlets):
            early = _early_worker(cache, jobs, parallel, settings)
            try:
                files, skipped = listing or list_inputs(inputs, include, exclude)
                if draft is not None:
                    beside = os.path.abspath(draft.path)  # a draft saved in the corpus folder
                    files = [(p, i) for p, i in files if os.path.abspath(p) != beside]
                analyses, unreadable, keys = analyze_files(
                    files, jobs, cache, progress, settings, draft, parallel, early
                )
            except BaseException:
                if early is not None:
                    early.discard()  # an input that cannot be listed: no worker left behind
                raise
        warnings = undated_warnings(
            a.document for a in analyses if draft is None or a.document.id != draft.id
        )
        report = check_analyses(
            analyses,
            settings,
            (*skipped, *unreadable),
            draft_id=draft.id if draft else None,
            progress=progress,
            cache=cache,
            keys=keys,
            jobs=jobs,
        )
    return replace(report, warnings=warnings)


def _early_worker(
    cache: Cache | None, jobs: int, parallel: str, settings: Settings
) -> Analyzer | None:
    """One worker process started before the inputs are listed, on the guess that a few
    files changed beside a large cache (``choose_parallel``'s "process"): its Kiwi, the
    longest wait of such a run, then loads while this process lists the files and reads the
    cache (a warm 10k run's worker started 0.3 s earlier, measured). ``analyze_files`` uses
    it if the guess holds and stops it at once if not (nothing changed, or much did)."""
    if (
        cache is None
        or parallel != "auto"
        or jobs < 2
        or kiwi_ready(jobs)
        or cache.files_recorded() < KIWI_APART_FROM
    ):
        return None
    analyzer = Analyzer(jobs, settings.outlets, "process")
    analyzer.start()
    return analyzer


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for the run, back on after.

    A run builds millions of long-lived, acyclic objects (claims, sentences, vectors); the
    collector would traverse all of them again and again while they are built, for nothing
    (about 2 s of a warm 10k run, measured). Reference counting still frees whatever is not
    in a cycle; the few cycles a run makes wait until after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What the run built is long-lived: filed with the oldest generation at once
            # (freeze, then unfreeze into the oldest), the collector's next pass does not
            # traverse it all (about 1 s at 10k). Cycles among it are still collected.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def analyze_files(
    files: list[tuple[str, str]],
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    settings: Settings | None = None,
    draft: Document | None = None,
    parallel: str = "auto",
    early: Analyzer | None = None,
) -> tuple[list[DocumentAnalysis], list[Skipped], dict[str, str]]:
    """Analyses of every readable document in ``files`` ((path, document id) pairs) and of
    ``draft``, taken from the cache where it has them; what could not be read; and, with a
    cache, each document's cache key (the content its analysis was computed from).
    ``early``: a one-worker "process" analyzer started on a guess (``_early_worker``), used
    if "auto" chooses that mode, else stopped."""
    analyses: list[DocumentAnalysis] = []
    skipped: list[Skipped] = []
    keys: dict[str, str] = {}
    outlets = settings.outlets if settings else {}
    # Files unchanged since a run recorded their stat are found without reading them. The
    # others go first, so that worker processes start on what changed while the cache loads.
    known = cache.known_keys(files) if cache else {}
    unknown = [f for f in files if f[0] not in known]
    if parallel == "auto":  # by the files that may need analysing, not all of them
        to_read = len(unknown) + (draft is not None)
        size = _size_of(unknown) + (len(draft.text.encode("utf-8")) if draft else 0)
        parallel = choose_parallel(to_read, len(known), jobs, kiwi_ready(jobs), size)
    if early is not None and parallel == "process":
        analyzer = early
    else:
        if early is not None:
            early.discard()
        analyzer = Analyzer(jobs, outlets, parallel)
    if draft is not None:
        analyzer.submit(draft)
    stats: dict[str, tuple[str, str | None]] = {}  # path -> (document id, stat before reading)
    found: dict[str, CachedFile] = {}
    for i, (path, doc_id) in enumerate(unknown + [f for f in files if f[0] in known]):
        if progress:
            progress("reading", i, len(files))
        if i == len(unknown) and known:  # the files to analyse are submitted: load the rest
            found = cache.get_many(sorted(set(known.values())))
        key = known.get(path)
        hit = found.get(key) if key else None
        if hit is None:
            stat = cache.stat(path) if cache else None
            try:
                data = read_bytes(path)
            except InputError as exc:
                skipped.append(Skipped(path, str(exc)))
                continue
            key = cache.key(path, doc_id, data) if cache else None
            hit = cache.get(key) if cache else None
            if hit is None:
                stats[path] = (doc_id, stat)
                analyzer.submit((path, doc_id, data, key))
                continue
            cache.remember(path, doc_id, stat, key)
        analyses.extend(hit.analyses)
        keys.update((a.document.id, key) for a in hit.analyses)
        skipped.extend(Skipped(where, why) for where, why in hit.problems)

    entries = []
    for n, done in enumerate(analyzer.results()):
        if progress:
            progress("analysing", n, analyzer.submitted)
        if done.error:
            skipped.append(Skipped(done.path, done.error))
            continue
        analyses.extend(done.analyses)
        skipped.extend(Skipped(where, why) for where, why in done.problems)
        if cache and done.key:
            keys.update((a.document.id, done.key) for a in done.analyses)
            cache.remember(done.path, *stats[done.path], done.key)
            entries.append((done.key, CachedFile(done.analyses, done.problems)))
            if len(entries) >= 200:
                cache.put_many(entries)
                entries = []
    if cache:
        cache.put_many(entries)
    return analyses, skipped, keys


class ReadOnce(Mapping[str, Any]):
    """document id -> one body of its analysis (``DocumentAnalysis.read``), unpickled on
    each look-up and not kept: for a stage that reads each document's once."""

    def __init__(self, analyses: Mapping[str, DocumentAnalysis], name: str):
        self.analyses = analyses  # by document id
        self.name = name

    def __getitem__(self, doc_id: str) -> Any:
        return self.analyses[doc_id].read(self.name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.analyses)

    def __len__(self) -> int:
        return len(self.analyses)


def _size_of(files: list[tuple[str, str]]) -> int:
    """Bytes of ``files`` on disk; a file that cannot be looked at counts nothing here (its
    reading says what is wrong with it)."""
    total = 0
    for path, _ in files:
        with contextlib.suppress(OSError):
            total += os.path.getsize(path)
    return total


def check_documents(
    documents: tuple[Document, ...],
    settings: Settings,
    skipped: tuple[Skipped, ...] = (),
    draft_id: str | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    """Check documents already read (tests, benchmarks, callers with their own reader)."""
    return check_analyses(
        analyze_documents(sorted(documents, key=lambda d: d.id), jobs),
        settings,
        skipped,
        draft_id,
        progress,
        jobs=jobs,
    )


def check_analyses(
    analyses: list[DocumentAnalysis],
    settings: Settings,
    skipped: tuple[Skipped, ...] = (),
    draft_id: str | None = None,
    progress: Progress | None = None,
    cache: Cache | None = None,
    keys: dict[str, str] | None = None,
    jobs: int = 1,
) -> Report:
    """Stories, alignment and rules over analysed documents.

    With a ``cache`` and the documents' cache ``keys``, a story whose key (``StoryKeys``)
    is in the cache takes its conflicts from there instead of being aligned and checked.
    """
    analyses = sorted(analyses, key=lambda a: a.document.id)
    documents = tuple(a.document for a in analyses)
    analyses_by_id = {a.document.id: a for a in analyses}

    doc_list = list(documents)
    memo = pairs_key = None
    if cache is not None and keys is not None:
        pairs_key = _story_pairs_key(cache, settings)
        memo = LinkMemo(keys, cache.get(pairs_key, StoryPairs, StoryPairs.sound))
    stories = cluster_stories(
        doc_list,
        # read once each, in order, by the noun matrix: never all unpickled at once
        ReadOnce(analyses_by_id, "story_nouns"),
        settings,
        anchor=draft_id,
        jobs=jobs,
        memo=memo,
    )
    # kept for the next run over this corpus (a draft's run does not replace them)
    if memo and memo.latest and draft_id is None and not memo.latest.same_as(memo.earlier):
        cache.put_many([(pairs_key, memo.latest)])
    reposts = repost_groups(doc_list, stories, settings)
    group_members: dict[str, list[str]] = {}
    for doc_id, gid in reposts.items():
        group_members.setdefault(gid, []).append(doc_id)
    group_of = {
        d: g if len(group_members[g]) > 1 else None for d, g in reposts.items()
    }  # a document alone in its group has none
    documents = tuple(
        d if d.repost_group == group_of[d.id] else replace(d, repost_group=group_of[d.id])
        for d in documents
    )
    docs_by_id = {d.id: d for d in documents}
    idf = Idf((a.sentence_count, a.read("feature_sentences")) for a in analyses)

    found_in: dict[str, list[Conflict]] = {}  # story -> its conflicts
    todo: list[StoryTask] = []  # stories to align and check now
    keys_of: dict[str, str] = {}  # story -> its cache key, for those checked now
    story_keys = None
    if cache is not None and keys is not None:
        story_keys = StoryKeys(analyses_by_id, keys, reposts, idf, settings)
    to_check: list[StoryToCheck] = []
    for n, (story, members) in enumerate(stories.items()):
        if progress:
            progress("looking up stories", n, len(stories))
        if len({reposts[m] for m in members}) < 2:
            continue  # one source: nothing to compare against
        if draft_id is not None and draft_id not in members:
            continue  # draft mode reports only what concerns the draft
        key = story_keys.of(story, members) if story_keys else None
        to_check.append(StoryToCheck(story, members, key))
    cached = _cached_conflicts(cache, to_check) if cache is not None else {}
    for story, members, key in to_check:
        if story in cached:
            found_in[story] = cached[story]
            continue
        # a story taken from the cache never needs its claims (nor unpickles them); one
        # checked now has them unpickled where it is checked (``StoryTask.claims``)
        analysed = tuple(analyses_by_id[m] for m in members)
        todo.append(StoryTask(story, analysed, {m: docs_by_id[m] for m in members}))
        if key:
            keys_of[story] = key
    found_in.update(check_stories(todo, idf, reposts, settings, jobs, progress))
    if cache is not None:
        cache.put_many([(keys_of[s], CachedStory(tuple(found_in[s]))) for s in keys_of])
    conflicts = [c for story in stories if story in found_in for c in found_in[story]]

    if draft_id is not None:
        # draft mode: only what sets the draft against the other coverage
        conflicts = [c for c in conflicts if _opposes_draft(c, draft_id)]
    conflicts = [replace(c, fingerprint=fingerprint(c, docs_by_id)) for c in conflicts]
    conflicts = [c for c in conflicts if c.fingerprint not in settings.ignore]
    conflicts.sort(key=lambda c: (SEVERITY_ORDER[c.severity], -c.confidence, c.rule, c.topic, c.id))
    return Report(
        documents=documents,
        analyses=tuple(analyses),
        conflicts=tuple(conflicts),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        stories=stories,
        repost_groups={g: tuple(sorted(m)) for g, m in sorted(group_members.items()) if len(m) > 1},
        draft=draft_id,
    )


def check_story(
    story: str,
    claims: tuple[Claim, ...],
    documents: dict[str, Document],
    idf: Idf,
    reposts: dict[str, str],
    settings: Settings,
) -> list[Conflict]:
    """Align one story's claims into topic groups and run the active rules over them."""
    alignment = align_story(story, list(claims), idf, settings, reposts)
    ctx = RuleContext(story, documents, claims, alignment.vectors, reposts, settings)
    found: list[Conflict] = []
    for rule_cls in active_rules(settings):
        rule = rule_cls()
        checked = [(group, rule.check_group(group, ctx)) for group in alignment.groups]
        found.extend(retellings_merged(rule, checked, ctx))
        found.extend(rule.check_story(claims, ctx))
    return without_two_stories(without_repeats(found), alignment.groups, reposts)


@dataclass(frozen=True)
class StoryTask:
    """One story to align and check: its documents' analyses and its documents."""

    story: str
    analyses: tuple[DocumentAnalysis, ...]
    documents: dict[str, Document]

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The story's claims, unpickled for this call where the analyses left them pickled
        (``DocumentAnalysis.read``): in the process that checks the story (a forked
        worker), never kept. All the claims of a 10k archive of long articles took 880 MB
        in the main process when they were unpickled there before the stories were shared
        out (measured), and the workers then copied the pages they touched."""
        return tuple(c for a in self.analyses for c in a.read("claims"))

    @property
    def claim_count(self) -> int:
        return sum(a.claim_count for a in self.analyses)


# Claims to check from which their stories are shared among forked worker processes: a
# fork costs little, but a few seconds' work is still done faster here. By claims, not
# stories: aligning costs about 0.17 ms a claim (measured on bench.corpus archives), and
# a story of long articles has three times the claims of one of short articles.
CLAIMS_APART_FROM = 20_000
STORY_CHUNKS_PER_JOB = 4  # chunks per worker: balances stories of unequal size


def check_stories(
    tasks: list[StoryTask],
    idf: Idf,
    reposts: dict[str, str],
    settings: Settings,
    jobs: int = 1,
    progress: Progress | None = None,
) -> dict[str, list[Conflict]]:
    """Each story's conflicts (``check_story``), on ``jobs`` forked worker processes when
    there is enough to check (``stories_apart``) and the platform forks safely (Linux),
    else here.

    Forked, not spawned: a worker inherits the claims, documents and IDF it needs instead
    of being sent them (pickling them to spawned workers cost 2.6 s here and 2.3 s there
    for a 10k archive, most of what the workers saved). It never runs kiwipiepy, the one
    thing that makes forking unsafe here (``analyze``). A story's result depends on its
    own inputs alone, so the report is the same whatever ``jobs``. If the
    workers die, the stories they did not return are checked here, with a warning.
    """
    out: dict[str, list[Conflict]] = {}
    rest = tasks
    if stories_apart(tasks, jobs) and sys.platform == "linux":
        chunks = _story_chunks(tasks, jobs * STORY_CHUNKS_PER_JOB)
        done = 0
        if progress:
            progress("comparing stories", 0, len(tasks))
        try:
            from concurrent.futures import ProcessPoolExecutor
            from multiprocessing import get_context

            with ProcessPoolExecutor(
                jobs,
                mp_context=get_context("fork"),
                initializer=_inherit_story_work,
                initargs=((chunks, idf, reposts, settings),),  # inherited, never pickled
            ) as pool:
                for chunk, results in zip(chunks, pool.map(_check_chunk, range(len(chunks)))):
                    for task, conflicts in zip(chunk, results):
                        out[task.story] = conflicts
                    done += 1
                    if progress:
                        progress("comparing stories", len(out) - 1, len(tasks))
        except BrokenProcessPool as exc:
            warnings.warn(
                f"factcheck: worker processes failed ({exc}); checking stories in this process",
                RuntimeWarning,
                stacklevel=2,
            )
        rest = [t for chunk in chunks[done:] for t in chunk]
    for task in rest:
        if progress:
            progress("comparing stories", len(out), len(tasks))
        out[task.story] = check_story(
            task.story, task.claims, task.documents, idf, reposts, settings
        )
    return out


def stories_apart(tasks: list[StoryTask], jobs: int) -> bool:
    """Whether ``tasks`` are worth forked workers: more than one job, and claims enough
    (``CLAIMS_APART_FROM``) that a fork's cost is small beside their checking."""
    return jobs > 1 and sum(t.claim_count for t in tasks) >= CLAIMS_APART_FROM


def _story_chunks(tasks: list[StoryTask], count: int) -> list[list[StoryTask]]:
    """``tasks`` in order, cut into about ``count`` runs of about equal claims."""
    total = sum(t.claim_count for t in tasks)
    chunks: list[list[StoryTask]] = [[]]
    size = 0
    for task in tasks:
        if size >= total / count * len(chunks) and chunks[-1]:
            chunks.append([])
        chunks[-1].append(task)
        size += task.claim_count
    return chunks


_story_work: tuple[list[list[StoryTask]], Idf, dict[str, str], Settings] | None = None


def _inherit_story_work(work: tuple[list[list[StoryTask]], Idf, dict[str, str], Settings]):
    global _story_work  # a forked worker's own copy: what its chunks are made of
    _story_work = work


def _check_chunk(index: int) -> list[list[Conflict]]:
    assert _story_work is not None
    chunks, idf, reposts, settings = _story_work
    return [
        check_story(t.story, t.claims, t.documents, idf, reposts, settings) for t in chunks[index]
    ]


TWO_STORIES_MIN = 2  # conflicts, and sources on each side, from which two groups are two stories


def without_two_stories(
    conflicts: list[Conflict], groups: Iterable[TopicGroup], reposts: dict[str, str]
) -> list[Conflict]:
    """A story's conflicts, without those between two groups of outlets that look like two
    stories taken for one: the sources fall into groups that agree among themselves on
    aligned figures and never with another group, and two or more conflicts set one
    group's outlets (two or more each) against another's.

    Catches: one company's quarterly results (6조5000억원, 79조원, three outlets alike)
    against another company's of the same quarter (12조3천억원, 27조8천억원, three outlets
    alike), clustered into one story because kiwipiepy cut both names to 한빛 + a noun.
    Must not drop: one outlet against the others (a side of one source), however many
    figures it gets wrong; two groups of outlets that also agree on any aligned figure: one
    story told two ways; a single conflict. (Dates and names are no evidence either way:
    two stories of one beat share their quarter, 3분기, and their city.)
    """
    agreeing = UnionFind()  # sources joined by an aligned figure they give alike
    for group in groups:
        if group.kind in NOT_FIGURES:
            continue  # a date (3분기) or a place is shared by stories of one beat and season
        claims = group.claims
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                sa, sb = reposts.get(a.doc_id, a.doc_id), reposts.get(b.doc_id, b.doc_id)
                if sa != sb and values_agree(a, b):
                    agreeing.union(sa, sb)

    def side_group(side: tuple[Claim, ...]) -> str | None:
        sources = {reposts.get(c.doc_id, c.doc_id) for c in side}
        roots = {agreeing.find(x) for x in sources}
        return roots.pop() if len(roots) == 1 and len(sources) >= TWO_STORIES_MIN else None

    between = []
    for c in conflicts:
        sides = [side_group(side) for side in c.sides]
        if all(sides) and len(set(sides)) == len(sides):
            between.append(c.id)
    if len(between) < TWO_STORIES_MIN:
        return conflicts
    drop = set(between)
    return [c for c in conflicts if c.id not in drop]


def retellings_merged(
    rule: Rule, checked: list[tuple[TopicGroup, list[Conflict]]], ctx: RuleContext
) -> list[Conflict]:
    """The conflicts of a rule's groups, with one discrepancy told by two groups told once.

    An article that repeats its figure (the lead's 4명, the body's 4명) can split one topic
    into two groups, each holding one of its mentions and some of the other articles: 3명
    (가람, 나래) vs 4명, and 3명 (다온) vs 4명. Groups whose conflicts state the same values
    and share an article are checked again as one group; the result replaces theirs when it
    states exactly the discrepancies they stated (with every article behind each side).
    """
    tellings = [[_telling(c)[0] for c in conflicts] for _, conflicts in checked]
    docs = [{x.doc_id for c in found for side in c.sides for x in side} for _, found in checked]
    parent = list(range(len(checked)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    # blocking: only groups that state one discrepancy are compared (never all pairs)
    by_telling: dict[tuple, list[int]] = {}
    for i, told in enumerate(tellings):
        for what in set(told):
            by_telling.setdefault(what, []).append(i)
    for same in by_telling.values():
        for x, i in enumerate(same):
            for j in same[x + 1 :]:
                if docs[i] & docs[j] and root(i) != root(j):
                    parent[root(j)] = root(i)
    out: list[Conflict] = []
    merged: dict[int, list[int]] = {}
    for i in range(len(checked)):
        merged.setdefault(root(i), []).append(i)
    for members in merged.values():
        before = [c for i in members for c in checked[i][1]]
        if len(members) > 1:
            groups = [checked[i][0] for i in members]
            one = replace(
                groups[0],
                claims=tuple({c.id: c for g in groups for c in g.claims}.values()),
                similarity=min(g.similarity for g in groups),
            )
            again = rule.check_group(one, ctx)
            if {_telling(c)[0] for c in again} == {t for i in members for t in tellings[i]}:
                before = again
        out.extend(before)
    return out


def _telling(c: Conflict) -> tuple:
    """What a conflict states (rule, values per side), its articles, and its weight."""
    docs = frozenset(x.doc_id for side in c.sides for x in side)
    values = frozenset(frozenset(_value_key(x) for x in side) for side in c.sides)
    return (c.rule, values), docs, (len(docs), sum(len(side) for side in c.sides), c.id)


def without_repeats(conflicts: list[Conflict]) -> list[Conflict]:
    """One finding per discrepancy: a conflict whose rule and values another conflict of the
    story states too, between the same articles or fewer, is that one told again (a lead's
    26곳 vs 28곳, and the same figures later in the body, aligned in a group of their own);
    the fuller telling wins."""
    told = [_telling(c) for c in conflicts]  # once each, not once per comparison
    kept = [
        c
        for c, (what, docs, weight) in zip(conflicts, told)
        if not any(w == what and docs <= d and wt > weight for w, d, wt in told)
    ]
    # one conflict found through two groups (a name under two titles: 본부장, 사장) is the
    # same claims, the same id: told once
    once: dict[str, Conflict] = {}
    for c in kept:
        once.setdefault(c.id, c)
    return list(once.values())


@dataclass
class StoryKeys:
    """Everything ``check_story`` computes a story's conflicts from, hashed into its cache
    key: the settings, the story's files (their cache keys, which cover the code's
    fingerprint) and repost groups (a repost group never spans two stories, so the story's
    own members say whether a document is a repost), and the IDF level of every feature
    its claims' context vectors use."""

    analyses: dict[str, DocumentAnalysis]
    keys: dict[str, str]  # document id -> cache key of its file
    reposts: dict[str, str]
    idf: Idf
    settings: Settings

    def __post_init__(self) -> None:
        self.settings_json = _settings_json(self.settings)
        self.level_texts: dict[str, str] = {}  # feature -> "feature:level", once per run

    def of(self, story: str, members: tuple[str, ...]) -> str | None:
        """The story's key; None for a story with a file the cache does not know (a draft)."""
        if any(m not in self.keys for m in members):
            return None
        h = hashlib.sha256(f"story\0{story}\0{self.settings_json}".encode())
        used: set[str] = set()
        aliases = self.settings.aliases
        for m in members:
            h.update(f"\0{m}\0{self.keys[m]}\0{self.reposts[m]}".encode())
            if aliases:
                used |= context_features(self.analyses[m].claims, aliases)
            else:
                used.update(self.analyses[m].context_features)
        texts = self.level_texts
        for f in used.difference(texts):
            texts[f] = f"{f}:{self.idf.level(f)}"
        h.update(" ".join(map(texts.__getitem__, sorted(used))).encode())
        return h.hexdigest()


def _settings_json(settings: Settings) -> str:
    knobs = {k: v for k, v in asdict(settings).items() if k != "ignore"}  # acts later
    return json.dumps(knobs, sort_keys=True, ensure_ascii=False)


def _story_pairs_key(cache: Cache, settings: Settings) -> str:
    """The one cache entry of story-link scores (``StoryPairs``) of a cache folder and
    configuration: each run replaces the last one's, so that a folder does not gather a
    copy per state of the corpus; it is used only if its documents are the run's."""
    text = f"story-pairs\0{cache.salt}\0{_settings_json(settings)}"
    return hashlib.sha256(text.encode()).hexdigest()


class StoryToCheck(NamedTuple):
    story: str
    members: tuple[str, ...]
    key: str | None  # its cache key (``StoryKeys``); None without a cache or for a draft's


def _cached_conflicts(cache: Cache, stories: list[StoryToCheck]) -> dict[str, list[Conflict]]:
    """story -> its conflicts, for the ``stories`` whose key the cache holds a sound entry
    of (fetched together: one query per few hundred keys)."""
    members_of = {s.key: s.members for s in stories if s.key}

    def of_the_story(key: str, entry: CachedStory) -> bool:
        return entry.from_documents(members_of[key])

    found = cache.get_many(sorted(members_of), CachedStory, of_the_story, count_misses=True)
    return {s.story: list(found[s.key].conflicts) for s in stories if s.key in found}


def _opposes_draft(conflict: Conflict, draft_id: str) -> bool:
    with_draft = [any(c.doc_id == draft_id for c in side) for side in conflict.sides]
    return any(with_draft) and not all(with_draft)


def active_rules(settings: Settings):
    off = set(settings.disable)
    return [r for r in RULES if r.name not in off and r.code not in off]


def fingerprint(conflict: Conflict, docs: dict[str, Document]) -> str:
    """Stable across re-runs and unrelated edits: rule, outlets and normalized values, no offsets."""
    parts = sorted(
        f"{docs[c.doc_id].outlet or c.doc_id}={_value_key(c)}"
        for side in conflict.sides
        for c in side
    )
    return hashlib.sha1((conflict.rule + "|" + "|".join(parts)).encode()).hexdigest()[:16]


def _value_key(c: Claim) -> str:
    v = c.value.to_json()
    return str(v.get("iso") or v.get("key") or f"{v.get('value')}{v.get('unit')}")
