"""Match a report against a gold file, with the semantics of ../shared/tools/score_conflicts.py
(files by base name, values by must_tokens), so samples/ can be checked without ../shared."""

from __future__ import annotations

import os


def _norm(s) -> str:
    return "".join(str(s or "").split())


def _claims(conflict: dict) -> list[tuple[str, str]]:
    return [(os.path.basename(c["path"]), _norm(c["value"])) for c in conflict["claims"]]


def _matches(claims, sides) -> bool:
    options = []
    for file_name, tokens in sides:
        hits = {
            i
            for i, (f, v) in enumerate(claims)
            if (file_name is None or f == file_name) and any(_norm(t) in v for t in tokens)
        }
        if not hits:
            return False
        options.append(hits)

    def pick(k, used):
        return k == len(options) or any(
            pick(k + 1, used | {i}) for i in options[k] if i not in used
        )

    return pick(0, frozenset())


def _sides(item: dict):
    files = item.get("files") or [None] * len(item["must_tokens"])
    return list(zip(files, item["must_tokens"]))


def evaluate(gold: dict, report: dict) -> dict:
    """found/missed gold ids, traps flagged, and conflicts matching nothing.

    ``known_misses`` in a gold file are real conflicts the tool is known to miss (a limit
    the README states): finding one is no error, and missing one is not counted.
    ``known_false_positives`` are findings the tool is known to make wrongly (a limit the
    README states, with its reason): reported under ``known_fp``, not as a trap."""
    found, traps, unmatched, known_fp = set(), [], [], []
    for conflict in report["conflicts"]:
        claims = _claims(conflict)
        hit = [g["id"] for g in gold["conflicts"] if _matches(claims, _sides(g))]
        if hit:
            found.update(hit)
            continue
        if any(_matches(claims, _sides(a)) for a in gold.get("acceptable", [])):
            continue
        known = [k["id"] for k in gold.get("known_misses", []) if _matches(claims, _sides(k))]
        if known:
            found.update(known)  # a real conflict the tool missed until now: move it up
            continue
        wrong = [
            k["id"] for k in gold.get("known_false_positives", []) if _matches(claims, _sides(k))
        ]
        if wrong:
            known_fp.extend(wrong)
            continue
        trap = [t["id"] for t in gold.get("consistent_traps", []) if _matches(claims, _sides(t))]
        (traps if trap else unmatched).append((conflict["topic"], trap, claims))
    missed = sorted(g["id"] for g in gold["conflicts"] if g["id"] not in found)
    return {
        "found": sorted(found),
        "missed": missed,
        "traps": traps,
        "unmatched": unmatched,
        "known_fp": sorted(known_fp),
    }
