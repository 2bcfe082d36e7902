"""End-to-end speed against the tokenizer floor, cold, warm and in draft mode.

For each corpus size, a synthetic archive (bench/corpus.py, fixed seed) is checked in fresh
processes (kiwipiepy loaded from scratch each time):

- cold: empty cache; wall time, articles per second, peak RSS (this process, and the
  largest worker), peak memory of all processes together (``tree MB``: the sum of their
  proportional set sizes, sampled every 0.2 s), and found/injected discrepancies from
  the corpus truth;
- floor: kiwipiepy alone (same options), in a fresh process with ``--jobs`` threads, loading and splitting
  the same article bodies (as factcheck found them); ratio = cold / floor;
- warm: the same corpus with one file changed, cache kept;
- draft: one article rewritten as a draft outside the corpus, checked against it with the
  cache warm (``factcheck check CORPUS --draft FILE``);
- watch: ``factcheck watch``'s run after one more file changed, in the process that ran
  over the corpus before (its Kiwi loaded, the cache's entries kept): from the look at the
  stats that finds the change to the JSON report; ``watch MB``: that process's peak RSS.

    python -m bench.speed [--sizes 100 1000] [--jobs 2] [--parallel auto|processes|threads]
                          [--body full|short]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time

from bench.corpus import generate
from factcheck.cache import RACY_SECONDS

PIPELINE = textwrap.dedent(
    """
    import json, resource, sys, time
    t = time.perf_counter()
    from factcheck.cache import Cache
    from factcheck.pipeline import run, without_cycle_collection
    from factcheck.report.json_report import render_json
    from bench.corpus import score
    corpus, jobs, bodies_out, cache_dir, draft, parallel = sys.argv[1:7]
    draft_doc = None
    if draft:
        from factcheck.ingest import read_document
        draft_doc = read_document(draft, "draft")
    cache = Cache(cache_dir) if cache_dir else None
    with without_cycle_collection():  # as the command line does
        report = run([corpus], jobs=int(jobs), cache=cache, draft=draft_doc, parallel=parallel)
        text = render_json(report)
    wall = time.perf_counter() - t
    out = {"wall": wall, "documents": len(report.documents), "conflicts": len(report.conflicts),
           "stories": len(report.stories), "hits": cache.hits if cache else 0,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    if bodies_out:
        bodies = [d.text[s:e] for d in report.documents for s, e in d.body_spans]
        json.dump(bodies, open(bodies_out, "w", encoding="utf-8"), ensure_ascii=False)
        out.update(score(report, corpus))
    print(json.dumps(out))
    """
)

WATCH = textwrap.dedent(
    """
    import json, resource, sys, time
    from factcheck.config import Settings
    from factcheck.pipeline import without_cycle_collection
    from factcheck.report.json_report import render_json
    from factcheck.watch import Watcher
    from bench.speed import change_one_file
    corpus, jobs, cache_dir = sys.argv[1:4]
    with without_cycle_collection():  # as the command line does
        watcher = Watcher([corpus], Settings, cache_dir, jobs=int(jobs))
        render_json(watcher.check())
        watcher.idle()  # the user reads the report; then edits one file
        change_one_file(corpus)
        t = time.perf_counter()
        assert watcher.changed()
        render_json(watcher.check())
        wall = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "analysed": watcher.analysed, "rss_mb": rss}))
    """
)

FLOOR = textwrap.dedent(
    """
    import json, sys, time
    bodies = json.load(open(sys.argv[1], encoding="utf-8"))
    t = time.perf_counter()
    from kiwipiepy import Kiwi
    from factcheck.sentences import KIWI_OPTIONS  # the same dictionaries factcheck loads
    kiwi = Kiwi(num_workers=int(sys.argv[2]), **KIWI_OPTIONS)
    for _ in kiwi.split_into_sents(bodies, return_tokens=True):
        pass
    print(json.dumps({"wall": time.perf_counter() - t}))
    """
)


def _python(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter; its last line of output (JSON), plus
    ``tree_mb``: the peak memory of the process and all its workers together."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=out, stderr=err)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_pss_kb(proc.pid))
            time.sleep(TREE_SAMPLE_SECONDS)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, code, out.read(), err.read())
        result = json.loads(out.read().strip().splitlines()[-1])
    result["tree_mb"] = peak / 1024
    return result


TREE_SAMPLE_SECONDS = 0.2


def _tree_pss_kb(pid: int) -> int:
    """Proportional set size (kB) of ``pid`` and its descendants, from /proc (Linux; 0
    elsewhere). PSS counts a page shared by n processes as 1/n in each, so forked workers
    that share the parent's pages are not counted twice, as summing their RSS would."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(x) for x in fh.read().split())
        except (OSError, StopIteration, ValueError):
            continue  # gone meanwhile
    return total


def change_one_file(corpus: str) -> str:
    folder = os.path.join(corpus, sorted(d for d in os.listdir(corpus) if not d.startswith("."))[0])
    path = os.path.join(folder, sorted(os.listdir(folder))[0])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n시는 이날 추가 설명 자료를 냈다.\n")
    return path


def _draft_from(corpus: str, tmp: str) -> str:
    """The last story's first article, its first figure changed, saved outside the corpus."""
    folder = os.path.join(
        corpus, sorted(d for d in os.listdir(corpus) if not d.startswith("."))[-1]
    )
    with open(os.path.join(folder, sorted(os.listdir(folder))[0]), encoding="utf-8") as fh:
        text = fh.read()
    draft = os.path.join(tmp, "draft.txt")
    with open(draft, "w", encoding="utf-8") as fh:
        fh.write(text.replace("2", "3", 1))
    return draft


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--parallel", choices=["auto", "processes", "threads"], default="auto")
    ap.add_argument(
        "--body",
        choices=["full", "short"],
        default="full",
        help="articles of about 2,000 characters (full) or their facts alone (short)",
    )
    args = ap.parse_args()
    jobs, parallel = str(args.jobs), args.parallel
    print(
        f"{'articles':>8} {'stories':>7} {'cold s':>7} {'art/s':>6} {'RSS MB':>6} "
        f"{'+worker':>7} {'tree MB':>7} {'floor s':>7} {'ratio':>5} {'found':>9} {'cross':>5} {'other':>5} "
        f"{'warm s':>6} {'warm %':>6} {'draft s':>7} {'watch s':>7} {'watch %':>7} {'watch MB':>8}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus")
            cache = os.path.join(tmp, "cache")
            generate(corpus, size, body=args.body)
            # an archive is not being written while it is checked: let the newest files age
            # past the window in which the cache does not trust a file's stat
            time.sleep(RACY_SECONDS)
            bodies = os.path.join(tmp, "bodies.json")
            cold = _python(PIPELINE, corpus, jobs, bodies, cache, "", parallel)
            floor = _python(FLOOR, bodies, jobs)
            change_one_file(corpus)
            warm = _python(PIPELINE, corpus, jobs, "", cache, "", parallel)
            draft = _python(PIPELINE, corpus, jobs, "", cache, _draft_from(corpus, tmp), parallel)
            watch = _python(WATCH, corpus, jobs, cache)
        print(
            f"{cold['documents']:>8} {cold['stories']:>7} {cold['wall']:>7.1f} "
            f"{cold['documents'] / cold['wall']:>6.1f} {cold['rss_mb']:>6.0f} "
            f"{cold['worker_rss_mb']:>7.0f} {cold['tree_mb']:>7.0f} {floor['wall']:>7.1f} "
            f"{cold['wall'] / floor['wall']:>5.2f} "
            f"{cold['found']:>4}/{cold['injected']:<4} {cold['cross_story']:>5} "
            f"{cold['unexplained']:>5} {warm['wall']:>6.1f} "
            f"{100 * warm['wall'] / cold['wall']:>6.1f} {draft['wall']:>7.1f} "
            f"{watch['wall']:>7.1f} {100 * watch['wall'] / cold['wall']:>7.1f} "
            f"{watch['rss_mb']:>8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
