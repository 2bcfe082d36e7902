"""Mutation benchmark: inject known discrepancies into real stories and see them found;
rewrite facts without changing them and see nothing new flagged.

For every story (each folder of samples/, and ../shared/seeds when present) and every article
in it, the facts that another independent outlet of the story also states (the same kind and
normalized value: found by value, not by our alignment) are mutated one at a time:

- figure:   the leading number changes (2만 개 -> 3만 개), to a value no article states
- date:     the month moves by one (지난해 11월 -> 지난해 12월), a year-only date by one year
- name:     one consonant of a place name changes (양곡도매시장 -> 양곡도매시잠 style slips)
- unit:     억 <-> 조, 만 -> 천 (5000억원 -> 5000조원)

A mutation is found when a reported conflict holds a claim at the mutated span. Negative
controls rewrite an article without changing any fact (5천억 -> 5000억, 1만명 -> 10,000명,
지난 11일 -> 2025년 2월 11일, paragraphs in reverse order); every conflict not in the
unmutated run counts as a false positive.

    python -m bench.mutations [--max-per-article 6]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from factcheck.align import BLOCKING_QUALIFIERS, Settings
from factcheck.claims import extract_claims
from factcheck.ingest import document_from_text, read_inputs
from factcheck.models import Claim, DateValue, Document, NameValue, Quantity
from factcheck.normalize.numbers import render_korean
from factcheck.pipeline import check_documents
from factcheck.sentences import split_documents

ROOT = Path(__file__).resolve().parent.parent
_CORE = re.compile(r"\d[\d,]*(?:\.\d+)?[십백천]?[만억조]?(?:\s?\d[\d,]*[십백천]?[만억조]?)*")


def stories() -> list[tuple[str, list[str]]]:
    out = [(p.name, [str(p)]) for p in sorted((ROOT / "samples").iterdir()) if p.is_dir()]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        out.append(("seeds", [str(seeds)]))
    return out


def value_key(c: Claim):
    """What makes two claims the same fact for the benchmark: kind, value and attribute marks."""
    v = c.value
    if isinstance(v, Quantity):
        marks = tuple(sorted(c.qualifiers & set(BLOCKING_QUALIFIERS)))
        return (c.kind, v.unit, round(v.value, 6), marks)
    if isinstance(v, DateValue):
        return ("date", v.iso())
    if isinstance(v, NameValue):
        return ("place", v.key)
    return None


def conflict_keys(report) -> set:
    return {
        (c.rule, tuple(sorted((cl.doc_id, str(value_key(cl))) for side in c.sides for cl in side)))
        for c in report.conflicts
    }


def _rebuild(doc: Document, text: str) -> Document:
    new = document_from_text(text, doc.id, doc.path)
    return replace(new, outlet=doc.outlet, published=doc.published)


def _number_core(surface: str) -> re.Match | None:
    return _CORE.search(surface)


def _core_value(core: str) -> float | None:
    from factcheck.normalize.numbers import parse_quantity

    q = parse_quantity(core + "원")
    return q.value if q else None


def mutate_figure(c: Claim, taken: set[float]) -> str | None:
    m = _number_core(c.surface)
    if not m or not isinstance(c.value, Quantity) or c.kind == "fraction":
        return None
    value = _core_value(m.group(0))
    if not value:
        return None
    for factor in (1.5, 1.3, 2.5, 0.6):
        new = value * factor
        if (
            new.is_integer()
            and new not in taken
            and round(new * (c.value.value / value), 6) not in taken
        ):
            text = render_korean(int(new)) if new >= 10**4 else str(int(new))
            return c.surface[: m.start()] + text + c.surface[m.end() :]
    return None


def mutate_unit(c: Claim) -> str | None:
    if not isinstance(c.value, Quantity) or c.kind not in ("money", "count", "area"):
        return None
    s = c.surface
    for old, new in (("억", "조"), ("조", "억"), ("만", "천")):
        if old in s and not re.search(r"\d" + new, s):
            i = s.index(old)
            return s[:i] + new + s[i + 1 :]
    return None


def mutate_date(c: Claim) -> str | None:
    if not isinstance(c.value, DateValue):
        return None
    m = re.search(r"(\d{1,2})\s?월", c.surface)
    if m:
        month = int(m.group(1))
        new = month + 1 if month < 12 else month - 1
        return c.surface[: m.start(1)] + str(new) + c.surface[m.end(1) :]
    m = re.search(r"((?:19|20)\d\d)\s?년", c.surface)
    if m:
        return c.surface[: m.start(1)] + str(int(m.group(1)) + 1) + c.surface[m.end(1) :]
    return None


_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def mutate_name(c: Claim) -> str | None:
    """Change the initial consonant of the name's second syllable (a one-letter slip)."""
    if not isinstance(c.value, NameValue):
        return None
    s = c.surface
    idx = [i for i, ch in enumerate(s) if "가" <= ch <= "힣"]
    if len(idx) < 4:
        return None
    i = idx[1]
    code = ord(s[i]) - 0xAC00
    lead = code // 588
    new_lead = (lead + 7) % 19  # e.g. ㄱ -> ㅂ
    return s[:i] + chr(0xAC00 + new_lead * 588 + code % 588) + s[i + 1 :]


MUTATIONS = (
    ("figure", mutate_figure),
    ("unit", lambda c, taken: mutate_unit(c)),
    ("date", lambda c, taken: mutate_date(c)),
    ("name", lambda c, taken: mutate_name(c)),
)


def _apply(doc: Document, doc_claims: list[Claim], target: Claim, surface: str, fn, taken) -> str:
    """The article with the mutation applied at every mention of the same fact.

    An article that states a fact twice and changes it once contradicts itself; that is
    not what a cross-outlet checker is for, and the benchmark does not count it.
    """
    same = [c for c in doc_claims if value_key(c) == value_key(target)]
    text = doc.text
    for c in sorted(same, key=lambda c: -c.start):
        new = surface if c.surface == target.surface else (fn(c, taken) or c.surface)
        text = text[: c.start] + new + text[c.end :]
    return text


def equivalent_rewrite(doc: Document, claims: list[Claim]) -> str:
    """The article with every figure and date written differently but meaning the same."""
    text = doc.text
    for c in sorted(claims, key=lambda c: -c.start):
        new = None
        if (
            isinstance(c.value, Quantity)
            and c.kind in ("money", "count")
            and c.value.unit in ("KRW", "명", "개")
        ):
            m = _number_core(c.surface)
            value = _core_value(m.group(0)) if m else None
            if m and value and value.is_integer() and "~" not in c.surface:
                v = int(value)
                core = m.group(0).replace(" ", "")
                options = [render_korean(v), f"{v:,}"]
                alt = next((o for o in options if o != core), None)
                if alt:
                    new = c.surface[: m.start()] + alt + c.surface[m.end() :]
        elif (
            isinstance(c.value, DateValue)
            and c.value.relative
            and c.value.year
            and not c.value.year_inferred
        ):
            v = c.value
            if v.precision == "day" and v.month and v.day:
                new = f"{v.year}년 {v.month}월 {v.day}일"
                if v.time:  # keep the time of day as written ("3일 오전 9시 30분")
                    head, sep, rest = c.surface.partition("일")
                    new = new + rest if sep and head.strip()[-1:].isdigit() else None
            elif v.precision == "month" and v.month:
                new = f"{v.year}년 {v.month}월"
            elif v.precision == "year":
                new = f"{v.year}년"
        if new and new != c.surface:
            text = text[: c.start] + new + text[c.end :]
    return text


def reversed_paragraphs(doc: Document) -> str:
    paras = [doc.text[s:e] for s, e in doc.body_spans]
    head, tail = doc.text[: doc.body_spans[0][0]], doc.text[doc.body_spans[-1][1] :]
    return head + "\n\n".join(reversed(paras)) + tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--max-per-article", type=int, default=6, help="mutated facts per article and kind"
    )
    args = ap.parse_args()
    settings = Settings()
    started = time.perf_counter()
    injected = found = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: list[str] = []
    clean_runs = clean_fp = 0
    fp_notes: list[str] = []
    for name, inputs in stories():
        docs = list(read_inputs(inputs).documents)
        base = check_documents(tuple(docs), settings)
        base_keys = conflict_keys(base)
        sentences = split_documents(docs)
        claims = {d.id: extract_claims(d, sentences[d.id]) for d in docs}
        groups = {d.id: d.repost_group or d.id for d in base.documents}
        values_by_source: dict = defaultdict(set)
        for d in docs:
            for c in claims[d.id]:
                values_by_source[value_key(c)].add(groups[d.id])
        taken = {
            c.value.value for cs in claims.values() for c in cs if isinstance(c.value, Quantity)
        }
        group_size = defaultdict(int)
        for d in docs:
            group_size[groups[d.id]] += 1
        for i, doc in enumerate(docs):
            if group_size[groups[doc.id]] > 1:
                continue  # one copy of a syndicated pair: its twin would contradict it
            others = {groups[d.id] for d in docs if groups[d.id] != groups[doc.id]}
            shared = [c for c in claims[doc.id] if values_by_source[value_key(c)] & others]
            per_kind: dict[str, int] = defaultdict(int)
            for c in shared:
                for kind, fn in MUTATIONS:
                    surface = fn(c, taken)
                    if not surface or per_kind[kind] >= args.max_per_article:
                        continue
                    per_kind[kind] += 1
                    text = _apply(doc, claims[doc.id], c, surface, fn, taken)
                    mutated = docs[:i] + [_rebuild(doc, text)] + docs[i + 1 :]
                    report = check_documents(tuple(mutated), settings)
                    span = (c.start, c.start + len(surface))
                    hit = any(
                        cl.doc_id == doc.id and cl.start < span[1] and span[0] < cl.end
                        for conflict in report.conflicts
                        for side in conflict.sides
                        for cl in side
                    )
                    injected += 1
                    found += hit
                    by_kind[kind][0] += 1
                    by_kind[kind][1] += hit
                    if not hit:
                        missed.append(f"{name}/{doc.id}: {kind} {c.surface!r} -> {surface!r}")
            for label, text in (
                ("rewrite", equivalent_rewrite(doc, claims[doc.id])),
                ("reorder", reversed_paragraphs(doc)),
            ):
                variant = docs[:i] + [_rebuild(doc, text)] + docs[i + 1 :]
                report = check_documents(tuple(variant), settings)
                new = conflict_keys(report) - base_keys
                clean_runs += 1
                clean_fp += len(new)
                fp_notes.extend(f"{name}/{doc.id} ({label}): {k[0]} {k[1]}" for k in sorted(new))
    elapsed = time.perf_counter() - started
    print(f"injected={injected} found={found} recall={found / max(injected, 1):.3f}")
    for kind, (n, hit) in sorted(by_kind.items()):
        print(f"  {kind:<7} {hit}/{n}")
    print(
        f"clean variants={clean_runs} new conflicts={clean_fp} "
        f"false positives per clean article={clean_fp / max(clean_runs, 1):.3f}"
    )
    print(f"seconds={elapsed:.1f}")
    for line in missed:
        print("MISSED", line)
    for line in fp_notes:
        print("FALSE+", line)


if __name__ == "__main__":
    main()
