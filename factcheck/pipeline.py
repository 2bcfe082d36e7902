"""The one place that orders the stages: Document -> Sentence -> Claim -> TopicGroup ->
Conflict -> Report. Everything here is a pure function of its inputs."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import replace

from .align import Idf, Settings, align_story, cluster_stories, repost_groups
from .analyze import Analyzer, analyze_documents
from .cache import Cache, CachedFile
from .ingest import (
    DEFAULT_INCLUDE,
    InputError,
    Progress,
    list_inputs,
    read_bytes,
    undated_warnings,
)
from .ingest.metadata import user_outlets
from .models import Claim, Conflict, Document, DocumentAnalysis, Report, Skipped
from .rules import RULES, RuleContext

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# Files to analyse from which worker processes beat kiwipiepy's threads: processes also run
# claim extraction in parallel but each loads its own Kiwi (~4 s, ~520 MB). Measured with
# bench/speed.py on 2 cores: 1k articles 8.9 s threads vs 10.9 s processes; 10k 105 s vs 76 s.
PROCESSES_FROM = 2000


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
) -> Report:
    """Read the input paths and check them (against ``draft`` when one is given).

    ``progress(stage, done, total)`` is called as work advances (for a progress display).
    ``jobs`` > 1 analyses files on that many cores (``parallel``: "threads" of kiwipiepy,
    worker "processes", or "auto" to choose by the number of files). With a ``cache``, files
    analysed by an earlier run with the same code and configuration are not read or
    tokenized again. The report is the same whatever ``jobs`` and the cache.
    """
    settings = settings or Settings()
    with user_outlets(settings.outlets):
        files, skipped = list_inputs(inputs, include, exclude)
        if draft is not None:
            files = [(p, i) for p, i in files if os.path.abspath(p) != os.path.abspath(draft.path)]
        analyses, unreadable = analyze_files(
            files, jobs, cache, progress, settings, draft, parallel
        )
    warnings = undated_warnings(
        a.document for a in analyses if draft is None or a.document.id != draft.id
    )
    report = check_analyses(
        analyses,
        settings,
        (*skipped, *unreadable),
        draft_id=draft.id if draft else None,
        progress=progress,
    )
    return replace(report, warnings=warnings)


def analyze_files(
    files: list[tuple[str, str]],
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    settings: Settings | None = None,
    draft: Document | None = None,
    parallel: str = "auto",
) -> tuple[list[DocumentAnalysis], list[Skipped]]:
    """Analyses of every readable document in ``files`` ((path, document id) pairs) and of
    ``draft``, taken from the cache where it has them, and what could not be read."""
    analyses: list[DocumentAnalysis] = []
    skipped: list[Skipped] = []
    misses: list = [draft] if draft is not None else []
    for i, (path, doc_id) in enumerate(files):
        if progress:
            progress("reading", i, len(files))
        try:
            data = read_bytes(path)
        except InputError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        key = cache.key(path, doc_id, data) if cache else None
        hit = cache.get(key) if cache else None
        if hit is None:
            misses.append((path, doc_id, data, key))
            continue
        analyses.extend(hit.analyses)
        skipped.extend(Skipped(where, why) for where, why in hit.problems)

    if parallel == "auto":
        parallel = "processes" if len(misses) >= PROCESSES_FROM else "threads"
    analyzer = Analyzer(jobs, settings.outlets if settings else {}, parallel)
    for item in misses:
        analyzer.submit(item)
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
            entries.append((done.key, CachedFile(done.analyses, done.problems)))
            if len(entries) >= 200:
                cache.put_many(entries)
                entries = []
    if cache:
        cache.put_many(entries)
    return analyses, skipped


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
    )


def check_analyses(
    analyses: list[DocumentAnalysis],
    settings: Settings,
    skipped: tuple[Skipped, ...] = (),
    draft_id: str | None = None,
    progress: Progress | None = None,
) -> Report:
    analyses = sorted(analyses, key=lambda a: a.document.id)
    documents = tuple(a.document for a in analyses)
    sentences = {a.document.id: a.sentences for a in analyses}
    claims: list[Claim] = [c for a in analyses for c in a.claims]

    doc_list = list(documents)
    stories = cluster_stories(
        doc_list, {a.document.id: a.story_nouns for a in analyses}, settings, anchor=draft_id
    )
    reposts = repost_groups(doc_list, stories, settings)
    group_members: dict[str, list[str]] = {}
    for doc_id, gid in reposts.items():
        group_members.setdefault(gid, []).append(doc_id)
    documents = tuple(
        replace(d, repost_group=reposts[d.id] if len(group_members[reposts[d.id]]) > 1 else None)
        for d in documents
    )
    docs_by_id = {d.id: d for d in documents}
    idf = Idf((a.sentence_count, a.feature_sentences) for a in analyses)

    claims_of = {a.document.id: a.claims for a in analyses}
    conflicts: list[Conflict] = []
    for n, (story, members) in enumerate(stories.items()):
        if progress:
            progress("comparing stories", n, len(stories))
        if len({reposts[m] for m in members}) < 2:
            continue  # one source: nothing to compare against
        if draft_id is not None and draft_id not in members:
            continue  # draft mode reports only what concerns the draft
        story_claims = tuple(c for m in members for c in claims_of[m])
        alignment = align_story(story, list(story_claims), idf, settings, reposts)
        ctx = RuleContext(story, docs_by_id, story_claims, alignment.vectors, reposts, settings)
        for rule_cls in active_rules(settings):
            rule = rule_cls()
            for group in alignment.groups:
                conflicts.extend(rule.check_group(group, ctx))
            conflicts.extend(rule.check_story(story_claims, ctx))

    if draft_id is not None:
        # draft mode: only what sets the draft against the other coverage
        conflicts = [c for c in conflicts if _opposes_draft(c, draft_id)]
    conflicts = [replace(c, fingerprint=fingerprint(c, docs_by_id)) for c in conflicts]
    conflicts = [c for c in conflicts if c.fingerprint not in settings.ignore]
    conflicts.sort(key=lambda c: (SEVERITY_ORDER[c.severity], -c.confidence, c.rule, c.topic, c.id))
    return Report(
        documents=documents,
        sentences=sentences,
        claims=tuple(sorted(claims, key=lambda c: (c.doc_id, c.start, c.kind))),
        conflicts=tuple(conflicts),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        stories=stories,
        repost_groups={g: tuple(sorted(m)) for g, m in sorted(group_members.items()) if len(m) > 1},
        draft=draft_id,
    )


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
