"""Where a cold run's time goes, per article: each stage of the analysis, and the checking
after it, in this one process, best of a few repetitions.

The cold run's ratio to the tokenizer floor (``bench.speed``) is bounded below by what a
worker does per article beside kiwipiepy: with both cores busy, every millisecond of Python
adds to the wall time as a millisecond of the tokenizer does. This prints that bound, so
that whoever works on the ratio knows what it can reach before touching the code:

    python -m bench.stages [--articles 300] [--repeat 3] [--corpus DIR] [--body full|short]

Stages (ms per article): *read* (decoding a page, finding its body, outlet and date),
*tokenize* (kiwipiepy alone on the pieces factcheck gives it: the floor's work), *sentences*
(kiwipiepy's tokens made into factcheck's sentences and tokens), *claims* (claims, story nouns,
IDF counts: the rest of a worker's analysis), *check* (clustering stories and checking
them, in the main process after the workers, one job). *bound*: (read + tokenize +
sentences + claims + check) / tokenize, the ratio a cold run would have on cores kept
perfectly busy; Kiwi's start-up (about as long for the floor) is left out.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable

from bench.corpus import generate
from factcheck.analyze import analysis_of
from factcheck.config import Settings
from factcheck.ingest import read_bytes, read_file
from factcheck.pipeline import check_analyses, list_inputs, without_cycle_collection
from factcheck.sentences import get_kiwi, kiwi_pieces, kiwi_texts, load_kiwi, sentences_of

STAGES = ("read", "tokenize", "sentences", "claims", "check")


def _best(repeat: int, work: Callable[[], object]) -> tuple[float, object]:
    """The shortest of ``repeat`` runs of ``work`` (seconds), and its result: the
    machine's noise only ever adds time."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def stage_costs(corpus: str, articles: int, repeat: int = 3) -> dict[str, float]:
    """Seconds per article of each of ``STAGES`` over the first ``articles`` files of
    ``corpus`` (in name order), and ``articles``: how many were timed."""
    files = list_inputs([corpus])[0][:articles]
    pages = [(path, doc_id, read_bytes(path)) for path, doc_id in files]
    load_kiwi(1)  # its start-up is no stage: the floor pays it too
    kiwi = get_kiwi(1)

    def read():
        return [doc for page in pages for doc in read_file(*page)[0]]

    def tokenize():  # kiwipiepy's sentences and tokens, made as Python objects
        return [list(sents) for sents in kiwi.split_into_sents(texts, return_tokens=True)]

    def claims():
        return [analysis_of(doc, sentences[doc.id]) for doc in documents]

    with without_cycle_collection():  # as the command line runs
        seconds = {}
        seconds["read"], documents = _best(repeat, read)
        pieces = kiwi_pieces(documents)
        texts = kiwi_texts(pieces)
        seconds["tokenize"], tokenized = _best(repeat, tokenize)
        seconds["sentences"], sentences = _best(
            repeat, lambda: sentences_of(documents, pieces, tokenized)
        )
        seconds["claims"], analyses = _best(repeat, claims)
        seconds["check"], _ = _best(repeat, lambda: check_analyses(analyses, Settings()))
    costs = {stage: seconds[stage] / len(pages) for stage in STAGES}
    costs["articles"] = len(pages)
    return costs


def bound(costs: dict[str, float]) -> float:
    """All the stages' time over the tokenizer's."""
    return sum(costs[stage] for stage in STAGES) / costs["tokenize"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", help="an archive to time (default: bench.corpus's, generated)")
    ap.add_argument("--body", choices=["full", "short"], default="full")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = os.path.join(tmp, "corpus")
            generate(corpus, args.articles, body=args.body)
        costs = stage_costs(corpus, args.articles, args.repeat)
    print(f"{'articles':>8} " + " ".join(f"{s + ' ms':>12}" for s in STAGES) + f" {'bound':>6}")
    print(
        f"{costs['articles']:>8} "
        + " ".join(f"{1000 * costs[s]:>12.1f}" for s in STAGES)
        + f" {bound(costs):>6.2f}"
    )


if __name__ == "__main__":
    main()
