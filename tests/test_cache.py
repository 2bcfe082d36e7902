"""The per-file analysis cache: same report whatever its state, only changed files
re-analysed, corrupt or foreign caches set aside and rebuilt, never trusted."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sqlite3
import time
from dataclasses import replace

import pytest
from click.testing import CliRunner

from factcheck.align import Settings
from factcheck.cache import Cache, CachedStory
from factcheck.cli import main
from factcheck.pipeline import run
from factcheck.report.json_report import render_json
from tests.conftest import SAMPLES

INPUTS = SAMPLES / "incheon-bio"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(INPUTS, folder)
    shutil.copy(
        SAMPLES.parent / "tests" / "fixtures" / "inputs" / "export.jsonl", folder / "export.jsonl"
    )
    return folder


def _check(corpus, out, *options):
    args = ["check", corpus, "--format", "json", "-o", out, "--fail-on", "none", *options]
    return CliRunner().invoke(main, [str(a) for a in args])


def _report(corpus, cache_dir, settings=None):
    cache = Cache(str(cache_dir)) if cache_dir else None
    report = run([str(corpus)], settings or Settings(), cache=cache)
    return render_json(report), cache


def test_warm_run_reads_everything_from_the_cache_and_reports_the_same(corpus, tmp_path):
    cold, first = _report(corpus, tmp_path / "c")
    files = len([p for p in corpus.iterdir() if p.suffix in (".txt", ".jsonl")])
    assert (first.hits, first.misses) == (0, files)
    warm, second = _report(corpus, tmp_path / "c")
    assert (second.hits, second.misses) == (files, 0)
    uncached, _ = _report(corpus, None)
    assert cold == warm == uncached
    assert '"reason": "no Korean text"' in warm  # an export's unreadable row is still reported


def test_one_changed_file_is_the_only_one_analysed_again(corpus, tmp_path):
    _report(corpus, tmp_path / "c")
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n덧붙인 문장이다.\n", encoding="utf-8"
    )
    after, cache = _report(corpus, tmp_path / "c")
    assert cache.misses == 1
    assert after == _report(corpus, None)[0]


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled at once (the racy window is for real clocks, not tests)."""
    monkeypatch.setattr("factcheck.cache.RACY_SECONDS", 0)


def _reads(monkeypatch) -> list[str]:
    """The paths whose bytes the pipeline reads from now on."""
    import factcheck.pipeline

    paths: list[str] = []
    real = factcheck.pipeline.read_bytes
    monkeypatch.setattr(factcheck.pipeline, "read_bytes", lambda p: paths.append(p) or real(p))
    return paths


def test_an_unchanged_file_is_not_read_again(corpus, tmp_path, settled, monkeypatch):
    cold, _ = _report(corpus, tmp_path / "c")
    reads = _reads(monkeypatch)
    warm, cache = _report(corpus, tmp_path / "c")
    assert reads == [] and cache.misses == 0
    assert warm == cold


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(
    corpus, tmp_path, settled, monkeypatch
):
    _report(corpus, tmp_path / "c")
    changed = sorted(corpus.glob("*.txt"))[0]
    before = changed.stat()
    text = changed.read_text(encoding="utf-8")
    first = next(ch for ch in text if ch.isdigit())
    changed.write_text(text.replace(first, str((int(first) + 1) % 10), 1), encoding="utf-8")
    os.utime(changed, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and mtime as before
    assert changed.stat().st_size == before.st_size
    reads = _reads(monkeypatch)
    after, cache = _report(corpus, tmp_path / "c")
    assert reads == [str(changed)] and cache.misses == 1  # the change time gave it away
    assert after == _report(corpus, None)[0]


def test_a_file_too_new_to_be_sure_of_has_no_recorded_stat(corpus, tmp_path):
    cache = Cache(str(tmp_path / "c"))
    fresh = corpus / "fresh.txt"
    fresh.write_text("방금 쓴 기사다.", encoding="utf-8")
    assert cache.stat(str(fresh)) is None  # written within RACY_SECONDS: read it next time
    old = time.time() - 60
    os.utime(fresh, (old, old))  # the change time stays new: still not settled
    assert cache.stat(str(fresh)) is None


def test_a_run_from_another_folder_reports_the_paths_it_was_given(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    first = run([corpus.name], Settings(), cache=Cache(str(tmp_path / "c")))
    monkeypatch.chdir(tmp_path.parent)
    given = str(corpus.relative_to(tmp_path.parent))
    warm = run([given], Settings(), cache=Cache(str(tmp_path / "c")))
    uncached = run([given], Settings())
    assert {d.path.split(os.sep)[0] for d in first.documents} == {corpus.name}
    assert render_json(warm) == render_json(uncached)


def test_a_different_outlet_table_does_not_reuse_entries(corpus, tmp_path):
    _report(corpus, tmp_path / "c")
    cache = Cache(str(tmp_path / "c"), outlets={"새매체": ["새매체"]})
    run([str(corpus)], Settings(), cache=cache)
    assert cache.hits == 0


def test_a_corrupt_cache_file_is_set_aside_and_rebuilt(corpus, tmp_path):
    expected, _ = _report(corpus, None)
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "analyses.sqlite").write_bytes(b"this is not a database" * 100)
    result = _check(corpus, tmp_path / "r.json", "--cache-dir", folder)
    assert result.exit_code == 3, result.output  # the export's bad row is reported
    assert "set aside as .bad and rebuilt" in result.stderr
    assert (folder / "analyses.sqlite.bad").exists()  # kept for inspection, not deleted
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == expected
    assert _report(corpus, folder)[1].misses == 0  # the rebuilt cache works


def test_a_foreign_sqlite_database_is_not_used(corpus, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    db = sqlite3.connect(folder / "analyses.sqlite")
    db.execute("CREATE TABLE entry (key TEXT, digest TEXT, payload BLOB, used INTEGER)")
    db.commit()
    db.close()
    report, cache = _report(corpus, folder)
    assert cache.rebuilt == "not a factcheck cache"
    assert report == _report(corpus, None)[0]


def test_a_tampered_entry_is_dropped_and_the_file_analysed_again(corpus, tmp_path):
    expected, _ = _report(corpus, tmp_path / "c")
    db = sqlite3.connect(tmp_path / "c" / "analyses.sqlite")
    db.execute("UPDATE entry SET payload = ? WHERE rowid = 1", (b"\x80\x05garbage",))
    db.commit()
    db.close()
    report, cache = _report(corpus, tmp_path / "c")
    assert cache.misses == 1
    assert report == expected


def test_cli_no_cache_writes_nothing(corpus, tmp_path):
    folder = tmp_path / "c"
    result = _check(corpus, tmp_path / "r.json", "--no-cache", "--cache-dir", folder)
    assert result.exit_code == 3
    assert not folder.exists()


@pytest.fixture
def stories(tmp_path):
    """The five sample stories (several stories, so most are untouched by one edit)."""
    folder = tmp_path / "stories"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("gold.json"))
    return folder


def test_only_the_story_of_a_changed_file_is_checked_again(stories, tmp_path):
    cold, first = _report(stories, tmp_path / "c")
    assert first.story_hits == 0 and first.story_misses >= 5
    article = stories / "seoul-ai" / "bareun_20250226.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("연면적 27만㎡", "연면적 37만㎡"), encoding="utf-8")
    warm, second = _report(stories, tmp_path / "c")
    # the edit changes no sentence count and no noun, so no other story's key moves
    assert (second.story_hits, second.story_misses) == (first.story_misses - 1, 1)
    assert warm == _report(stories, None)[0]
    assert "37만㎡" in warm and "37만㎡" not in cold  # the edited story was checked again


def _story_pairs(cache_dir):
    from factcheck.align import StoryPairs

    db = sqlite3.connect(cache_dir / "analyses.sqlite")
    rows = db.execute("SELECT payload FROM entry").fetchall()
    db.close()
    return [e for (p,) in rows if isinstance(e := pickle.loads(p), StoryPairs)]


def test_story_links_are_scored_again_only_for_a_changed_file(stories, tmp_path, monkeypatch):
    """The cache keeps one run's story-link scores (one entry, replaced by each run over
    the corpus, not by a draft's run); the next run with one edited article takes its
    candidates and the other articles' scores from there and reports what a run without
    the cache reports."""
    import factcheck.align
    from factcheck.ingest import read_document

    _report(stories, tmp_path / "c")
    [kept] = _story_pairs(tmp_path / "c")
    assert len(kept.ids) >= 16 and len(kept.strong) > 0
    article = stories / "seoul-ai" / "bareun_20250226.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("연면적 27만㎡", "연면적 37만㎡"), encoding="utf-8")
    blocked = []
    real = factcheck.align._candidate_pairs
    monkeypatch.setattr(
        factcheck.align, "_candidate_pairs", lambda *a: blocked.append(1) or real(*a)
    )
    warm, _ = _report(stories, tmp_path / "c")
    assert blocked == []  # the blocking nouns did not move: the candidates were kept
    [again] = _story_pairs(tmp_path / "c")
    assert again.versions != kept.versions  # replaced by this run's
    assert warm == _report(stories, None)[0]
    draft = read_document(str(article), "draft")
    run([str(stories)], cache=Cache(str(tmp_path / "c")), draft=draft)
    [after_draft] = _story_pairs(tmp_path / "c")
    assert after_draft.versions == again.versions


def test_kept_story_links_pickle_their_pair_numbers_in_four_bytes(stories, tmp_path):
    """Pair numbers below 2**32 are stored as 4 bytes and come back as the 8-byte numbers
    they are computed as; the scores keep every bit."""
    import numpy as np

    _report(stories, tmp_path / "c")
    [kept] = _story_pairs(tmp_path / "c")
    again = pickle.loads(pickle.dumps(kept))
    assert again.same_as(kept) and again.sound()
    assert np.array_equal(again.candidates, kept.candidates)
    assert again.candidates.dtype == again.strong.dtype == np.int64
    _, stored = kept.__reduce__()
    assert [x.dtype for x in stored if isinstance(x, np.ndarray)] == [
        np.uint32,
        np.uint32,
        np.float64,
    ]


def test_kept_story_links_that_do_not_fit_together_are_not_used(stories, tmp_path):
    """A story-links entry whose parts do not fit (pair numbers out of order or range, a
    score missing) is dropped, and the run reports what a run without the cache reports."""
    import numpy as np

    from factcheck.align import StoryPairs

    expected, _ = _report(stories, tmp_path / "c")
    db = sqlite3.connect(tmp_path / "c" / "analyses.sqlite")
    rows = db.execute("SELECT key, payload FROM entry").fetchall()
    (key, kept), *_ = [(k, e) for k, p in rows if isinstance(e := pickle.loads(p), StoryPairs)]
    assert kept.sound()
    n = len(kept.ids)
    for bad in (
        replace(kept, strong_scores=kept.strong_scores[:-1]),
        replace(kept, candidates=kept.candidates[::-1].copy()),
        replace(kept, strong=np.array([n * n], dtype=np.int64), strong_scores=np.ones(1)),
        replace(kept, versions=kept.versions[:-1]),
    ):
        assert not bad.sound()
        payload = pickle.dumps(bad)
        db.execute(
            "UPDATE entry SET payload = ?, digest = ? WHERE key = ?",
            (payload, hashlib.sha256(payload).hexdigest(), key),
        )
        db.commit()
        report, _ = _report(stories, tmp_path / "c")
        assert report == expected
    db.close()


def test_story_results_are_keyed_by_the_settings_that_change_them(stories, tmp_path):
    _, first = _report(stories, tmp_path / "c")
    strict = Settings(min_similarity=0.5)
    report, cache = _report(stories, tmp_path / "c", strict)
    assert cache.story_hits == 0
    assert report == _report(stories, None, strict)[0]
    # an ignore list only filters findings afterwards: stories are not checked again
    _, cache = _report(stories, tmp_path / "c", Settings(ignore=("0123456789abcdef",)))
    assert (cache.story_hits, cache.story_misses) == (first.story_misses, 0)


def test_a_story_entry_is_never_trusted(stories, tmp_path):
    """A story entry that does not unpickle, or holds claims of a document outside the
    story, is dropped and the story checked again."""
    expected, _ = _report(stories, tmp_path / "c")
    db = sqlite3.connect(tmp_path / "c" / "analyses.sqlite")
    rows = db.execute("SELECT key, payload FROM entry").fetchall()
    story_keys = [k for k, p in rows if isinstance(pickle.loads(p), CachedStory)]
    garbage, forged = story_keys[0], story_keys[1]
    db.execute("UPDATE entry SET payload = ? WHERE key = ?", (b"\x80\x05garbage", garbage))
    entry = pickle.loads(dict(rows)[forged])
    conflict = entry.conflicts[0]
    stranger = replace(conflict.sides[0][0], doc_id="no-such-document")
    sides = ((stranger, *conflict.sides[0][1:]), *conflict.sides[1:])
    payload = pickle.dumps(CachedStory((replace(conflict, sides=sides),)))
    db.execute(
        "UPDATE entry SET payload = ?, digest = ? WHERE key = ?",
        (payload, hashlib.sha256(payload).hexdigest(), forged),
    )
    db.commit()
    db.close()
    report, cache = _report(stories, tmp_path / "c")
    assert cache.story_misses == 2
    assert report == expected


def test_claims_and_sentences_pickle_as_their_field_values_and_come_back_equal(corpus):
    from factcheck.analyze import analyze_documents
    from factcheck.ingest import read_document
    from factcheck.models import Claim, DateValue, NameValue, Quantity, Sentence

    docs = [read_document(str(p), p.stem) for p in sorted(corpus.glob("*.txt"))]
    analyses = analyze_documents(docs)
    claims = [c for a in analyses for c in a.claims]
    sentences = [s for a in analyses for s in a.sentences]
    assert {type(c.value) for c in claims} >= {Quantity, DateValue, NameValue}
    for obj in (*claims, *sentences):
        assert isinstance(obj, (Claim, Sentence))
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == obj and hash(back) == hash(obj) and vars(back) == vars(obj)
    # saved as values in field order, not as a dictionary naming every field
    assert b"surface" not in pickle.dumps(claims[0], protocol=pickle.HIGHEST_PROTOCOL)


def test_an_analysis_unpickles_its_sentences_and_claims_only_when_used(corpus):
    from factcheck.analyze import analyze_documents
    from factcheck.ingest import read_document

    docs = [read_document(str(p), p.stem) for p in sorted(corpus.glob("*.txt"))]
    for analysis in analyze_documents(docs):
        back = pickle.loads(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
        assert not {"claims", "sentences", "feature_sentences", "story_nouns"} & set(vars(back))
        assert back.claim_count == len(analysis.claims) > 0
        # read once (the IDF's sum, a story's check): unpickled for the caller, not kept
        assert back.read("feature_sentences") == analysis.feature_sentences
        assert back.read("claims") == analysis.claims
        assert not {"claims", "feature_sentences"} & set(vars(back))
        assert back.read("story_nouns") == analysis.story_nouns  # the clustering's, once
        assert "story_nouns" not in vars(back)
        # pickled again before use, its pickles pass through as they are
        again = pickle.loads(pickle.dumps(back, protocol=pickle.HIGHEST_PROTOCOL))
        assert back.sentences == analysis.sentences
        assert "sentences" in vars(back) and "claims" not in vars(back)
        assert back == analysis == again
        assert "_claims_pickle" not in vars(back)  # not kept twice once read
        assert pickle.loads(pickle.dumps(back)) == analysis  # and pickled again from the objects
    with pytest.raises(AttributeError):
        back.no_such_field  # noqa: B018 - only the bodies are read on demand


def test_a_warm_run_unpickles_the_claims_of_only_the_stories_it_checks_again(
    stories, tmp_path, monkeypatch
):
    from factcheck.models import DocumentAnalysis

    cold, _ = _report(stories, tmp_path / "c")
    article = stories / "seoul-ai" / "bareun_20250226.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("연면적 27만㎡", "연면적 37만㎡"), encoding="utf-8")
    cache = Cache(str(tmp_path / "c"))
    bodies_read = []
    read = DocumentAnalysis.read
    monkeypatch.setattr(
        DocumentAnalysis,
        "read",
        lambda self, name: bodies_read.append((self.document.id, name)) or read(self, name),
    )
    report = run([str(stories)], Settings(), cache=cache)
    assert cache.story_hits >= 4
    changed_story = next(m for m in report.stories.values() if "bareun_20250226" in m)
    assert {doc for doc, name in bodies_read if name == "claims"} == set(changed_story)
    # read for the story's check, not kept: only the article analysed in this run (whose
    # analysis was never pickled) holds its claims
    fresh = {"bareun_20250226"}
    assert {a.document.id for a in report.analyses if "claims" in vars(a)} == fresh
    # the JSON report counts claims without reading them, quotes sentences from the
    # documents' text without unpickling any document's sentences, and is what a fresh
    # run gives
    warm = render_json(report)
    assert {a.document.id for a in report.analyses if "claims" in vars(a)} == fresh
    quoted = {c.doc_id for x in report.conflicts for side in x.sides for c in side}
    assert quoted - {"bareun_20250226"}
    # only the article analysed in this run has its sentences in memory
    assert {a.document.id for a in report.analyses if "sentences" in vars(a)} == {"bareun_20250226"}
    assert warm == _report(stories, None)[0]
    summary = json.loads(warm)["summary"]
    assert summary["claims"] == sum(report.claim_counts.values()) == len(report.claims)


def test_old_entries_are_pruned_through_an_index_on_their_last_use(tmp_path):
    """Opening a cache deletes entries unused for PRUNE_DAYS by the index on ``used`` (a
    scan would read every payload to reach that column); a cache without the index gains
    it on open, and the pruning still works."""
    from factcheck.cache import PRUNE_DAYS

    cache = Cache(str(tmp_path / "c"))
    cache.put_many([("old", "x"), ("new", "y")])
    cache.db.execute("UPDATE entry SET used = ? WHERE key = 'old'", (cache.today - PRUNE_DAYS - 1,))
    cache.db.execute("DROP INDEX entry_used")
    cache.db.close()
    again = Cache(str(tmp_path / "c"))
    indexes = {row[1] for row in again.db.execute("PRAGMA index_list(entry)")}
    assert "entry_used" in indexes
    assert [k for (k,) in again.db.execute("SELECT key FROM entry")] == ["new"]
    plan = " ".join(
        str(row) for row in again.db.execute("EXPLAIN QUERY PLAN DELETE FROM entry WHERE used < 0")
    )
    assert "entry_used" in plan
