"""Normalizer throughput: how many quantity and date expressions per second we read.

Corpus: every sentence of the sample articles (and of ../shared/seeds when present) plus the
phrases of the normalizer's case tables, repeated to --size phrases. Only the normalizer is
timed (no kiwipiepy).

    python -m bench.normalizer [--size 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from pathlib import Path

from factcheck.ingest import read_inputs
from factcheck.normalize.dates import find_dates
from factcheck.normalize.numbers import find_quantities

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[tuple[str, dt.date | None]]:
    phrases: list[tuple[str, dt.date | None]] = []
    inputs = [str(ROOT / "samples")]
    if (ROOT.parent / "shared" / "seeds").is_dir():
        inputs.append(str(ROOT.parent / "shared" / "seeds"))
    for doc in read_inputs(inputs).documents:
        pub = dt.date.fromisoformat(doc.published) if doc.published else None
        for s, e in doc.body_spans:
            for sentence in re.split(r"(?<=다\.)\s+", doc.text[s:e]):
                phrases.append((sentence, pub))
    for name in ("number_cases.tsv", "date_cases.tsv"):
        for line in (ROOT / "tests" / "normalize" / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                phrases.append((line.split("\t")[0], dt.date(2025, 2, 11)))
    return phrases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--size", type=int, default=50000, help="phrases to read (the corpus is repeated)"
    )
    args = ap.parse_args()
    base = corpus()
    phrases = (base * (args.size // len(base) + 1))[: args.size]
    chars = sum(len(p) for p, _ in phrases)
    start = time.perf_counter()
    found = 0
    for text, pub in phrases:
        dates = find_dates(text, pub)
        found += len(dates)
        found += len(find_quantities(text, [(d.start, d.end) for d in dates]))
    elapsed = time.perf_counter() - start
    print(f"phrases={len(phrases)} chars={chars} expressions={found} seconds={elapsed:.2f}")
    print(
        f"throughput: {found / elapsed:,.0f} expressions/s, {len(phrases) / elapsed:,.0f} phrases/s, "
        f"{chars / elapsed / 1000:,.0f}k chars/s"
    )


if __name__ == "__main__":
    main()
