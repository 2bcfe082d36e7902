"""The benchmark's synthetic archive: articles as long as real ones, the same planted facts
whatever their length, and a checker run over it that finds them without mixing stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.corpus import generate, score
from factcheck.align import Settings
from factcheck.ingest import read_file
from factcheck.pipeline import run


def _pages(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.txt"))
    }


def _bodies(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*.txt")):
        (doc,), _ = read_file(str(path), path.name, path.read_bytes())
        out[str(path.relative_to(folder))] = "\n".join(doc.text[s:e] for s, e in doc.body_spans)
    return out


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    root = tmp_path_factory.mktemp("archives")
    made = {}
    for body in ("full", "short"):
        made[body] = root / body
        generate(str(made[body]), 60, body=body)
    return made


def test_articles_are_as_long_as_real_ones(archives):
    """A typical article body is about 2,000 characters (the issue's measure of the floor);
    the facts alone are a few hundred."""
    full = [len(b) for b in _bodies(archives["full"]).values()]
    short = [len(b) for b in _bodies(archives["short"]).values()]
    assert 1700 <= sum(full) / len(full) <= 2600
    assert sum(short) / len(short) < 400


def test_the_background_changes_no_planted_fact(archives):
    """The same stories, outlets, discrepancies and reposts with or without background:
    every line of a short page is on the long one."""
    full, short = archives["full"], archives["short"]
    assert (full / ".truth.jsonl").read_text() == (short / ".truth.jsonl").read_text()
    long_pages, short_pages = _pages(full), _pages(short)
    assert long_pages.keys() == short_pages.keys()
    for name, text in short_pages.items():
        lines = set(long_pages[name].splitlines())
        assert all(line in lines for line in text.splitlines()), name


def test_an_outlet_that_got_a_name_wrong_has_it_wrong_throughout(tmp_path):
    """The background names the place again: the outlet with the changed name writes it
    there too, as a reporter who misheard it would (else its page would also give the
    right name, and there would be no discrepancy to find)."""
    folder = tmp_path / "archive"
    generate(str(folder), 300, body="full")
    rows = [json.loads(line) for line in (folder / ".truth.jsonl").open(encoding="utf-8")]
    changed = [r for r in rows if r["fact"] == "place"]
    assert changed
    for row in changed:
        story = folder / row["story"]
        page = (story / f"{row['outlet']}.txt").read_text(encoding="utf-8")
        assert row["changed"] in page and row["expected"] not in page


def test_the_archive_is_the_same_from_the_same_seed(tmp_path, archives):
    generate(str(tmp_path / "again"), 60, body="full")
    assert _pages(tmp_path / "again") == _pages(archives["full"])
    generate(str(tmp_path / "other"), 60, seed=8, body="full")
    assert _pages(tmp_path / "other") != _pages(archives["full"])


def test_the_checker_finds_the_planted_discrepancies_amid_background(archives):
    """Background prose (people, groups, figures every outlet states alike) neither hides
    the planted discrepancies nor adds conflicts of its own, nor joins two stories."""
    folder = archives["full"]
    found = score(run([str(folder)], Settings(), jobs=1), str(folder))
    assert found["injected"] >= 5
    assert found["found"] >= 0.75 * found["injected"]
    assert found["cross_story"] == 0
    assert found["unexplained"] == 0


def test_stage_costs_time_every_stage_of_the_archive(tmp_path):
    """``bench.stages`` times each stage of a cold run on the articles asked for, and the
    bound it prints is all of them over the tokenizer's share."""
    from bench.stages import STAGES, bound, stage_costs

    generate(str(tmp_path), 12)
    costs = stage_costs(str(tmp_path), 6, repeat=1)
    assert costs["articles"] == 6
    assert all(costs[stage] > 0 for stage in STAGES)
    assert bound(costs) == pytest.approx(sum(costs[s] for s in STAGES) / costs["tokenize"])
    assert bound(costs) > 1
