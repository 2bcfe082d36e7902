"""Shared test helpers. Tests needing ../shared (the seed articles and the scorer) skip
cleanly when it is absent; everything else runs on the project's own samples."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "tools" / "score_conflicts.py"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is not beside the project"
)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own analysis cache folder: none is written into the project."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def make_documents(articles: list[dict]):
    """Documents from plain article texts, with outlet and date given (no files involved)."""
    from factcheck.ingest import document_from_text

    docs = []
    for i, art in enumerate(articles):
        doc = document_from_text(art["text"].strip() + "\n", f"doc{i}", f"doc{i}.txt")
        docs.append(replace(doc, outlet=art.get("outlet"), published=art.get("published")))
    return tuple(docs)


@pytest.fixture(scope="session")
def samples_report():
    from factcheck.pipeline import run

    return run([str(SAMPLES)])


@pytest.fixture(scope="session", autouse=True)
def _chdir_root():
    old = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(old)
