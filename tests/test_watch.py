"""``factcheck watch``: a run after an edit reports what a fresh check of the same files
does, finds only the edited file to analyse, and notices edits, new and removed files, the
draft and the configuration; the command rewrites its reports and stops cleanly."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.align import Settings
from factcheck.cache import WRITE_BATCH, Cache, CachedFile
from factcheck.ingest import list_inputs
from factcheck.pipeline import run
from factcheck.report.json_report import render_json
from factcheck.watch import InputState, Watcher, _stat
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLES / "incheon-bio", folder / "incheon-bio")
    shutil.copytree(SAMPLES / "hwaseong-fire", folder / "hwaseong-fire")
    return folder


def _fresh(corpus, **options) -> str:
    return render_json(run([str(corpus)], Settings(), **options))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("cache_dir", ["on disk", None])
def test_a_run_after_an_edit_reports_what_a_fresh_check_does(corpus, tmp_path, cache_dir):
    watcher = Watcher([str(corpus)], Settings, cache_dir and str(tmp_path / "cache"))
    assert watcher.changed()  # nothing checked yet
    first = watcher.check()
    assert not watcher.changed()
    assert render_json(first) == _fresh(corpus)
    assert watcher.analysed == 6

    # the logistics centre's name made right: that conflict is gone
    _edit(corpus / "incheon-bio" / "gyeongin_20250305.txt", "남한", "남항")
    assert watcher.changed()
    second = watcher.check()
    assert watcher.analysed == 1  # the edited file alone
    assert render_json(second) == _fresh(corpus)
    assert len(second.conflicts) == len(first.conflicts) - 1
    assert not any(
        "남한" in claim.surface for c in second.conflicts for s in c.sides for claim in s
    )
    watcher.close()


def test_new_and_removed_files_are_noticed(corpus):
    watcher = Watcher([str(corpus)], Settings, None)
    watcher.check()
    extra = corpus / "incheon-bio" / "copy_20250306.txt"
    shutil.copy(corpus / "incheon-bio" / "seohae_20250304.txt", extra)
    assert watcher.changed()
    assert len(watcher.check().documents) == 7
    extra.unlink()
    assert watcher.changed()
    report = watcher.check()
    assert len(report.documents) == 6
    assert render_json(report) == _fresh(corpus)
    watcher.close()


def test_the_listing_is_reused_while_no_folder_changes(corpus, monkeypatch):
    from factcheck import watch

    listed = []
    monkeypatch.setattr(watch, "list_inputs", lambda *a: listed.append(1) or list_inputs(*a))
    monkeypatch.setattr(watch, "RACY_SECONDS", 0)  # the folders were made just now
    watcher = Watcher([str(corpus)], Settings, None)
    watcher.check()
    _edit(corpus / "incheon-bio" / "gyeongin_20250305.txt", "남한", "남항")
    report = watcher.check()
    assert len(listed) == 1  # an edit in place changes no folder
    assert render_json(report) == _fresh(corpus)
    shutil.copy(corpus / "incheon-bio" / "seohae_20250304.txt", corpus / "incheon-bio" / "x.txt")
    assert len(watcher.check().documents) == 7
    assert len(listed) == 2


def test_a_folder_changed_within_the_racy_window_is_listed_again(corpus, monkeypatch):
    from factcheck import watch

    listed = []
    monkeypatch.setattr(watch, "list_inputs", lambda *a: listed.append(1) or list_inputs(*a))
    watcher = Watcher([str(corpus)], Settings, None)
    watcher.check()
    watcher.check()  # its folders changed a moment ago: a coarse clock could hide a change
    assert len(listed) == 2


def test_a_file_of_another_kind_beside_the_articles_changes_nothing(corpus):
    watcher = Watcher([str(corpus)], Settings, None)
    watcher.check()
    (corpus / "notes.bin").write_bytes(b"\0")  # its folder changed, not the listing
    assert watcher.changed()  # the folder is listed again ...
    watcher.check()
    (corpus / "notes.bin").write_bytes(b"\0\1")
    assert not watcher.changed()  # ... but the file itself is not an input
    watcher.close()


def test_the_draft_and_the_configuration_are_watched(corpus, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ndate: 2025-03-06\n---\n인천시는 일자리 2만개를 만든다.\n", encoding="utf-8"
    )
    config = tmp_path / "factcheck.toml"
    config.write_text("", encoding="utf-8")
    from factcheck.ingest import read_document

    watcher = Watcher(
        [str(corpus)],
        Settings,
        None,
        draft=lambda: read_document(str(draft), "draft:draft"),
        extra=[str(draft), str(config)],
    )
    assert watcher.check().draft == "draft:draft"
    time.sleep(0.01)
    draft.write_text(draft.read_text(encoding="utf-8") + "추가 문장.\n", encoding="utf-8")
    assert watcher.changed()
    watcher.check()
    assert watcher.analysed == 1  # the draft, never cached; the articles were
    config.write_text("min_confidence = 0.5\n", encoding="utf-8")
    assert watcher.changed()
    watcher.close()


def test_input_state_tells_a_changed_file_from_an_unchanged_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("가", encoding="utf-8")
    state = InputState(InputState.listing_stats([str(tmp_path)]), {str(article): _stat(article)})
    assert state.same_listing() and state.same_files()
    article.write_text("가나", encoding="utf-8")
    assert state.same_listing() and not state.same_files()
    (tmp_path / "b.txt").write_text("다", encoding="utf-8")
    assert not state.same_listing()


def test_a_kept_entry_is_found_again_without_unpickling_it(tmp_path):
    """``keep``: entries read or written stay as objects; ``forget_unused`` lets go of those
    a run did not use (read again from the file); a kept entry of the wrong kind is a miss,
    as it would be from the file."""
    cache = Cache(str(tmp_path / "c"), keep=True)
    one, two = CachedFile((), ()), CachedFile((), ())
    cache.put_many([("k1", one), ("k2", two)])
    cache.flush()
    assert cache.get("k1") is one  # the object itself, not a copy unpickled from the file
    assert cache.get_many(["k1", "k2"]) == {"k1": one, "k2": two}
    assert cache.get_many(["k2"])["k2"] is two
    cache.forget_unused()  # both used since the start: both kept
    assert cache.get("k1") is one
    cache.forget_unused()
    again = cache.get("k2")  # not used in the last round: let go, read from the file
    assert again == two and again is not two
    assert cache.get("k2") is again  # and kept from now on
    hits = cache.hits
    assert cache.get("k1", kind=dict) is None  # not a dict: a miss, and dropped
    assert cache.hits == hits and cache.get("k1") is None
    cache.close()
    assert Cache(str(tmp_path / "c")).get("k2") == two  # what was kept was written too


def test_kept_entries_are_written_by_flush_or_in_batches(tmp_path):
    folder = str(tmp_path / "c")
    cache = Cache(folder, keep=True)
    cache.put_many([("one", CachedFile((), ()))])
    other = Cache(folder)  # another process's view of the file
    assert other.get("one") is None  # not written yet: the run's report comes first
    cache.flush()
    assert other.get("one") == CachedFile((), ())
    cache.put_many([(f"k{i}", CachedFile((), ())) for i in range(WRITE_BATCH)])
    assert other.get("k0") == CachedFile((), ())  # a cold run's many go as they come
    cache.forget_unused()
    cache.put_many([("two", CachedFile((), ()))])
    cache.forget_unused()
    cache.forget_unused()  # not used since, but not written yet: still kept
    assert "two" in cache._kept
    cache.close()
    assert other.get("two") == CachedFile((), ())
    other.close()


def test_a_cache_in_memory_serves_a_second_run(corpus):
    cache = Cache(None)
    run([str(corpus)], Settings(), cache=cache)
    misses = cache.misses
    run([str(corpus)], Settings(), cache=cache)
    assert cache.misses == misses and cache.hits >= 6
    assert cache.path == ":memory:"
    cache.close()


def _wait_for(predicate, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_the_command_rewrites_its_report_on_an_edit_and_stops_on_ctrl_c(corpus, tmp_path):
    out = tmp_path / "report.json"
    err = tmp_path / "stderr.txt"
    config = tmp_path / "factcheck.toml"
    config.write_text("", encoding="utf-8")
    with open(err, "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck.cli", "watch", str(corpus), "--format", "json"]
            + ["-o", str(out), "--interval", "0.1", "--cache-dir", str(tmp_path / "c")]
            + ["--config", str(config)],
            stderr=stderr,
            cwd=ROOT,
        )
        try:
            _wait_for(out.exists, "the first report")
            first = out.read_text(encoding="utf-8")
            assert first == _fresh(corpus)
            _edit(corpus / "incheon-bio" / "gyeongin_20250305.txt", "남한", "남항")
            _wait_for(lambda: "(0 new, 1 gone)" in err.read_text(encoding="utf-8"), "a re-run")
            assert out.read_text(encoding="utf-8") == _fresh(corpus)
            (corpus / "incheon-bio" / "empty.txt").write_text("", encoding="utf-8")
            _wait_for(lambda: "empty.txt" in err.read_text(encoding="utf-8"), "the bad file")
            config.write_text("no_such_key = 1\n", encoding="utf-8")
            # the run goes on with the last good configuration: a fourth report
            _wait_for(lambda: err.read_text(encoding="utf-8").count("articles,") == 4, "a run")
        finally:
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=60)
    log = err.read_text(encoding="utf-8")
    assert code == 0, log
    assert "1 file analysed" in log
    assert log.count("skipped") == 1  # a problem is told once, not at every run
    assert "unknown key(s) no_such_key" in log and "(the previous configuration is kept)" in log
    assert log.rstrip().endswith("factcheck: stopped watching")
