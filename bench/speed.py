"""End-to-end speed against the tokenizer floor.

For each corpus size, a synthetic archive (bench/corpus.py, fixed seed) is checked in a fresh
process, cold (kiwipiepy loaded from scratch): wall time, articles per second, peak RSS. The
floor is the time kiwipiepy alone takes, in a fresh process with the same worker count, to
load and split the same article bodies (as factcheck found them); ratio = pipeline / floor.

    python -m bench.speed [--sizes 100 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

from bench.corpus import generate

PIPELINE = textwrap.dedent(
    """
    import json, resource, sys, time
    t = time.perf_counter()
    from factcheck.pipeline import run
    from factcheck.report.json_report import render_json
    from bench.corpus import score
    report = run([sys.argv[1]], jobs=int(sys.argv[2]))
    text = render_json(report)
    wall = time.perf_counter() - t
    bodies = [d.text[s:e] for d in report.documents for s, e in d.body_spans]
    json.dump(bodies, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
    print(json.dumps({"wall": wall, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "documents": len(report.documents), "conflicts": len(report.conflicts),
                      "stories": len(report.stories), "chars": sum(map(len, bodies)),
                      **score(report, sys.argv[1])}))
    """
)

FLOOR = textwrap.dedent(
    """
    import json, sys, time
    bodies = json.load(open(sys.argv[1], encoding="utf-8"))
    t = time.perf_counter()
    from kiwipiepy import Kiwi
    kiwi = Kiwi(num_workers=int(sys.argv[2]))
    for _ in kiwi.split_into_sents(bodies, return_tokens=True):
        pass
    print(json.dumps({"wall": time.perf_counter() - t}))
    """
)


def _python(code: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    print(
        f"{'articles':>8} {'stories':>7} {'wall s':>7} {'art/s':>6} {'peak RSS MB':>11} "
        f"{'floor s':>7} {'ratio':>5} {'conflicts':>9} {'found':>9} {'cross':>5} {'other':>5}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus")
            generate(corpus, size)
            bodies = os.path.join(tmp, "bodies.json")
            result = _python(PIPELINE, corpus, str(args.jobs), bodies)
            floor = _python(FLOOR, bodies, str(args.jobs))
        print(
            f"{result['documents']:>8} {result['stories']:>7} {result['wall']:>7.1f} "
            f"{result['documents'] / result['wall']:>6.1f} {result['rss_mb']:>11.0f} {floor['wall']:>7.1f} "
            f"{result['wall'] / floor['wall']:>5.2f} {result['conflicts']:>9} "
            f"{result['found']:>4}/{result['injected']:<4} {result['cross_story']:>5} {result['unexplained']:>5}"
        )


if __name__ == "__main__":
    main()
