"""Worker processes and kiwipiepy threads give the report a single process gives."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from factcheck.align import Settings
from factcheck.pipeline import choose_parallel, run
from factcheck.report.json_report import render_json
from tests.conftest import SAMPLES

FIXTURES = SAMPLES.parent / "tests" / "fixtures" / "inputs"


@pytest.fixture(scope="module")
def single():
    return render_json(run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=1))


@pytest.mark.parametrize("parallel", ["processes", "process", "threads"])
def test_parallel_modes_give_the_same_report(single, parallel):
    report = run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=2, parallel=parallel)
    assert render_json(report) == single
    # unreadable files are reported from workers as from the main process
    assert any("export" in s.path for s in report.skipped)


def test_worker_processes_use_the_configured_outlet_table(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "가온 속보\n\n입력 2025-03-05 11:20\n\n인천시는 3일 송도 바이오 클러스터 2단계 계획을 "
        "발표했다. 일자리 2만 개가 생긴다.\n\n문의 reporter@gaon.example\n",
        encoding="utf-8",
    )
    settings = Settings(outlets={"가온일보": ["가온", "gaon.example"]})
    assert run([str(page)], Settings(), jobs=2, parallel="processes").documents[0].outlet is None
    outlets = {
        mode: run([str(page)], settings, jobs=2, parallel=mode).documents[0].outlet
        for mode in ("processes", "process", "threads")
    }
    assert set(outlets.values()) == {"가온일보"}


def test_dead_workers_fall_back_to_this_process(tmp_path):
    """A script without the __main__ guard kills every spawned worker: the run still
    completes, in the calling process, with a warning, and gives the same report."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        "from factcheck.pipeline import run\n"
        "from factcheck.report.json_report import render_json\n"
        f"report = run([{str(SAMPLES)!r}], jobs=2, parallel='processes')\n"
        "sys.stdout.write(render_json(report))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "analysing in this process" in done.stderr
    assert done.stdout == render_json(run([str(SAMPLES)], Settings(), jobs=1))


MB = 1_000_000


@pytest.mark.parametrize(
    ("to_read", "size", "cached", "jobs", "mode"),
    [
        (5000, 25 * MB, 0, 2, "processes"),  # a cold archive: every core extracts claims
        (2000, 4 * MB, 8000, 2, "processes"),
        (500, 3 * MB, 0, 2, "processes"),  # few files of long articles: much text all the same
        (1, 3 * MB, 0, 2, "processes"),  # one export of many articles
        (1000, 2 * MB, 0, 2, "threads"),  # many short ones: little text, one Kiwi is enough
        (5000, 25 * MB, 0, 1, "threads"),  # one core asked for: no worker processes
        (1, 5000, 10000, 2, "process"),  # one changed file beside a large cache: Kiwi apart
        (50, 300_000, 4000, 2, "process"),
        (51, 300_000, 10000, 2, "threads"),  # more than a few: kiwipiepy's threads share them
        (1, 5000, 3999, 2, "threads"),  # too little cache to hide a worker's start-up
        (1, 5000, 10000, 1, "threads"),  # one core asked for: no second process
        (0, 0, 10000, 2, "threads"),  # nothing to analyse: no worker started for nothing
        (16, 60_000, 0, 2, "threads"),  # the samples, cold
    ],
)
def test_auto_chooses_the_mode_by_text_to_read_and_cached(to_read, size, cached, jobs, mode):
    assert choose_parallel(to_read, cached, jobs, to_read_bytes=size) == mode


def test_auto_is_told_the_size_of_the_files_to_read(monkeypatch):
    """``analyze_files`` sizes the files it has to read, so that a few long articles (or one
    export) get worker processes as many short ones would."""
    from factcheck import pipeline

    asked = []
    monkeypatch.setattr(
        pipeline, "choose_parallel", lambda *a: asked.append(a) or choose_parallel(*a)
    )
    monkeypatch.setattr(pipeline, "PROCESSES_FROM_BYTES", 1)  # any text is much here
    files, _ = pipeline.list_inputs([str(SAMPLES)], pipeline.DEFAULT_INCLUDE, ())
    pipeline.analyze_files(files, jobs=2)
    ((to_read, cached, _jobs, _kiwi, size),) = asked
    assert (to_read, cached) == (len(files), 0)
    assert size == sum(os.path.getsize(path) for path, _ in files)
    assert choose_parallel(*asked[0]) == "processes"


@pytest.mark.parametrize(
    ("to_read", "cached", "mode"),
    [
        (1, 10000, "threads"),  # its Kiwi is loaded: no worker to start, nothing to overlap
        (50, 4000, "threads"),
        (5000, 0, "processes"),  # much text: workers still extract claims in parallel
    ],
)
def test_a_process_with_its_kiwi_loaded_analyses_a_few_files_itself(to_read, cached, mode):
    size = to_read * 5000
    assert choose_parallel(to_read, cached, 2, kiwi_here=True, to_read_bytes=size) == mode


def test_one_worker_process_analyses_a_changed_file_beside_a_warm_cache(tmp_path, monkeypatch):
    """The warm-run path end to end: a large cache (the threshold lowered to this corpus),
    one file changed, analysed in one worker process; the report is the cold one."""
    import shutil
    import time

    from factcheck import analyze, pipeline
    from factcheck.cache import RACY_SECONDS, Cache

    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    time.sleep(RACY_SECONDS)  # old enough for the cache to trust their stats
    cache = Cache(str(tmp_path / "cache"))
    run([str(corpus)], Settings(), jobs=2, cache=cache)
    changed = sorted(corpus.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n추가 문단.\n", encoding="utf-8")
    chosen = []
    monkeypatch.setattr(pipeline, "KIWI_APART_FROM", 10)
    monkeypatch.setattr(analyze, "_ready_kiwis", set())  # as in a fresh process
    monkeypatch.setattr(
        pipeline, "choose_parallel", lambda *a: chosen.append(choose_parallel(*a)) or chosen[-1]
    )
    made = _record_analyzers(monkeypatch)
    listed = pipeline.list_inputs
    monkeypatch.setattr(pipeline, "list_inputs", lambda *a: made.append("listed") or listed(*a))
    misses = cache.misses
    warm = run([str(corpus)], Settings(), jobs=2, cache=cache)
    assert chosen == ["process"]
    # the one worker was started before the files were listed, on the guess, and used
    assert [getattr(a, "processes", a) for a in made] == [1, "listed"]
    assert cache.misses == misses + 1  # the changed file alone was analysed
    cold = run([str(corpus)], Settings(), jobs=1)
    assert render_json(warm) == render_json(cold)

    # nothing changed: the worker started on the guess is stopped, none is left running
    time.sleep(RACY_SECONDS)  # the edited file's stat can be trusted from now on
    run([str(corpus)], Settings(), jobs=2, cache=cache)  # and is recorded: nothing to read
    made.clear()
    again = run([str(corpus)], Settings(), jobs=2, cache=cache)
    made.remove("listed")
    assert len(made) == 2 and made[0].processes == 1 and made[0].pool is None
    assert not multiprocessing.active_children()
    assert render_json(again) == render_json(cold)

    # inputs that cannot be listed: the worker started on the guess is stopped too
    def unlistable(*args):
        raise OSError("the folder went away")

    monkeypatch.setattr(pipeline, "list_inputs", unlistable)
    with pytest.raises(OSError):
        run([str(corpus)], Settings(), jobs=2, cache=cache)
    assert made[-1].pool is None and not multiprocessing.active_children()


def _record_analyzers(monkeypatch) -> list:
    """Every ``Analyzer`` the pipeline makes from now on, in order."""
    from factcheck import pipeline

    made = []

    class Recorded(pipeline.Analyzer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(pipeline, "Analyzer", Recorded)
    return made


@pytest.mark.parametrize("parallel", ["processes", "process"])
def test_workers_dead_before_a_batch_is_handed_over_leave_it_to_this_process(parallel):
    """Workers can die before a batch reaches them (spawned by a script without the
    __main__ guard, while this process is still reading): handing it over fails, and the
    batch is analysed here, in order, with the same warning as for a batch lost on the way."""
    from concurrent.futures.process import BrokenProcessPool

    from factcheck.analyze import Analyzer, analyze_documents
    from factcheck.ingest import read_document

    class DeadPool:
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, **kwargs):
            pass

    paths = sorted(SAMPLES.rglob("*.txt"))[:3]
    docs = [read_document(str(p), f"doc{i}") for i, p in enumerate(paths)]
    analyzer = Analyzer(2, parallel=parallel)
    analyzer.pool = DeadPool()
    for doc in docs:
        analyzer.submit(doc)
    with pytest.warns(RuntimeWarning, match="analysing in this process"):
        done = list(analyzer.results())
    assert [a for d in done for a in d.analyses] == analyze_documents(docs)


@pytest.mark.skipif(
    sys.platform != "linux", reason="stories are checked in forked workers on Linux"
)
def test_stories_checked_in_forked_workers_give_the_same_report(single, monkeypatch):
    from factcheck import pipeline

    chunked = []
    real_chunks = pipeline._story_chunks
    monkeypatch.setattr(pipeline, "CLAIMS_APART_FROM", 2)
    monkeypatch.setattr(
        pipeline, "_story_chunks", lambda *a: chunked.append(real_chunks(*a)) or chunked[-1]
    )
    report = run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=2, parallel="threads")
    assert len(chunked) == 1 and len(chunked[0]) > 2  # the stories went to the workers
    assert render_json(report) == single


@pytest.mark.parametrize(
    ("stories", "claims_each", "jobs", "apart"),
    [
        (100, 300, 2, True),  # few stories of many claims: long articles, much to align
        (1800, 60, 2, True),  # a 10k archive of short articles
        (400, 10, 2, False),  # many stories of few claims: a fork costs more than it saves
        (100, 300, 1, False),  # one core asked for
    ],
)
def test_stories_go_to_forked_workers_by_their_claims(stories, claims_each, jobs, apart):
    from types import SimpleNamespace

    from factcheck.pipeline import StoryTask, stories_apart

    analysis = SimpleNamespace(claim_count=claims_each)  # how many, never the claims
    tasks = [StoryTask(f"s{n}", (analysis,), {}) for n in range(stories)]
    assert stories_apart(tasks, jobs) is apart


@pytest.mark.parametrize("jobs", [1, 2])
def test_checked_stories_leave_the_claims_pickled_in_this_process(monkeypatch, jobs):
    """Analyses from workers or the cache keep their claims pickled; the stories' checks
    (forked workers with ``jobs`` 2, this process with 1) unpickle each story's claims for
    its check alone, so this process never holds them all. The report is the same."""
    import pickle

    from factcheck import pipeline
    from factcheck.analyze import analyze_documents
    from factcheck.ingest import read_file

    monkeypatch.setattr(pipeline, "CLAIMS_APART_FROM", 2)
    docs = []
    for path in sorted(SAMPLES.rglob("*.txt")):
        docs.extend(read_file(str(path), path.name, path.read_bytes())[0])
    plain = analyze_documents(docs)
    lazy = [pickle.loads(pickle.dumps(a)) for a in plain]  # as a worker or the cache gives them
    report = pipeline.check_analyses(lazy, Settings(), jobs=jobs)
    assert report.conflicts
    assert all("claims" not in a.__dict__ and "_claims_pickle" in a.__dict__ for a in lazy)
    assert render_json(report) == render_json(pipeline.check_analyses(plain, Settings()))


def _die(index):
    os._exit(1)


@pytest.mark.skipif(
    sys.platform != "linux", reason="stories are checked in forked workers on Linux"
)
def test_dead_story_workers_leave_the_stories_to_this_process(single, monkeypatch):
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "CLAIMS_APART_FROM", 2)
    monkeypatch.setattr(pipeline, "_check_chunk", _die)  # inherited by the forked workers
    with pytest.warns(RuntimeWarning, match="checking stories in this process"):
        report = run([str(SAMPLES), str(FIXTURES)], Settings(), jobs=2, parallel="threads")
    assert render_json(report) == single


def test_the_one_worker_process_only_tokenizes_and_imports_little(tmp_path):
    """In "process" mode (a few files beside a large cache) the worker builds its Kiwi
    having imported ``sentences`` and ``models`` alone: the reading and the claims are
    this process's, so the worker's imports do not delay the first result."""
    import subprocess

    script = tmp_path / "worker_modules.py"
    script.write_text(
        "if __name__ == '__main__':\n"
        "    from factcheck.analyze import Analyzer\n"
        "    analyzer = Analyzer(2, parallel='process')\n"
        "    analyzer.start()\n"
        "    code = \"sorted(m for m in __import__('sys').modules if m.startswith('factcheck'))\"\n"
        "    print(analyzer.pool.submit(eval, code).result())\n"
        "    analyzer.discard()\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['factcheck', 'factcheck.models', 'factcheck.sentences']"
