"""The one place that orders the stages: Document -> Sentence -> Claim -> TopicGroup ->
Conflict -> Report. Everything here is a pure function of its inputs."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .align import Idf, Settings, align_story, cluster_stories, repost_groups
from .claims import extract_claims
from .ingest import DEFAULT_INCLUDE, Progress, read_inputs
from .ingest.metadata import user_outlets
from .models import Claim, Conflict, Document, Report, Skipped
from .rules import RULES, RuleContext
from .sentences import split_documents

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def run(
    inputs: Iterable[str],
    settings: Settings | None = None,
    draft: Document | None = None,
    progress: Progress | None = None,
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    jobs: int = 1,
) -> Report:
    """Read the input paths and check them (against ``draft`` when one is given).

    ``progress(stage, done, total)`` is called as work advances (for a progress display).
    """
    settings = settings or Settings()
    with user_outlets(settings.outlets):
        read = read_inputs(inputs, progress, include, exclude)
    documents = read.documents
    if draft is not None:
        documents = tuple(
            d for d in documents if os.path.abspath(d.path) != os.path.abspath(draft.path)
        )
        documents += (draft,)
    report = check_documents(
        documents,
        settings,
        read.skipped,
        draft_id=draft.id if draft else None,
        progress=progress,
        jobs=jobs,
    )
    return replace(report, warnings=read.warnings)


def check_documents(
    documents: tuple[Document, ...],
    settings: Settings,
    skipped: tuple[Skipped, ...] = (),
    draft_id: str | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    documents = tuple(sorted(documents, key=lambda d: d.id))
    if progress:
        progress("analysing", 0, len(documents))
    sentences = split_documents(documents, jobs)
    claims: list[Claim] = []
    for i, doc in enumerate(documents):
        if progress:
            progress("extracting claims", i, len(documents))
        claims.extend(extract_claims(doc, sentences[doc.id]))

    doc_list = list(documents)
    stories = cluster_stories(doc_list, sentences, settings, anchor=draft_id)
    reposts = repost_groups(doc_list, stories, settings)
    group_members: dict[str, list[str]] = {}
    for doc_id, gid in reposts.items():
        group_members.setdefault(gid, []).append(doc_id)
    documents = tuple(
        replace(d, repost_group=reposts[d.id] if len(group_members[reposts[d.id]]) > 1 else None)
        for d in documents
    )
    docs_by_id = {d.id: d for d in documents}
    idf = Idf(s for doc_sents in sentences.values() for s in doc_sents)

    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        claims_of[c.doc_id].append(c)
    conflicts: list[Conflict] = []
    for n, (story, members) in enumerate(stories.items()):
        if progress:
            progress("comparing stories", n, len(stories))
        if len({reposts[m] for m in members}) < 2:
            continue  # one source: nothing to compare against
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
