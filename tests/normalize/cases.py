"""Case tables for the normalizer tests: tab-separated, '#' starts a comment line."""

from __future__ import annotations

from pathlib import Path


def load_cases(name: str) -> list[list[str]]:
    rows = []
    for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
