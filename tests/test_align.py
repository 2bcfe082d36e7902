"""Alignment building blocks: one-to-one matching, parts and totals, story clustering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.align import Settings, best_matching
from factcheck.pipeline import check_documents
from tests.conftest import make_documents

edge = st.tuples(
    st.sampled_from("abcde"), st.sampled_from("vwxyz"), st.floats(min_value=0.01, max_value=1.0)
)


def _greedy(edges):
    used_l, used_r, total = set(), set(), 0.0
    for a, b, w in sorted(edges, key=lambda e: -e[2]):
        if a not in used_l and b not in used_r:
            used_l.add(a)
            used_r.add(b)
            total += w
    return total


@settings(max_examples=300, deadline=None)
@given(st.lists(edge, max_size=14, unique_by=lambda e: (e[0], e[1])))
def test_matching_is_one_to_one_and_at_least_as_heavy_as_greedy(edges):
    chosen = best_matching(edges)
    lefts = [a for a, _, _ in chosen]
    rights = [b for _, b, _ in chosen]
    assert len(lefts) == len(set(lefts)) and len(rights) == len(set(rights))
    assert set(chosen) <= set(edges)
    assert sum(w for _, _, w in chosen) >= _greedy(edges) - 1e-9


def test_matching_prefers_the_assignment_over_the_single_best_pair():
    # a-x is the heaviest pair, but a-y + b-x is heavier in total
    edges = [("a", "x", 0.65), ("a", "y", 0.62), ("b", "x", 0.60)]
    assert best_matching(edges) == [("a", "y", 0.62), ("b", "x", 0.60)]


def test_parts_and_total_are_marked():
    from factcheck.claims import extract_claims
    from factcheck.sentences import split_documents

    (doc,) = make_documents(
        [
            {
                "outlet": "가람일보",
                "published": "2025-01-01",
                "text": "시는 사관학교(연 4000명)와 대학 연계(연 6000명)로 총 1만 명을 길러낸다. 예산은 300억 원이다.",
            }
        ]
    )
    claims = extract_claims(doc, split_documents([doc])[doc.id])
    marks = {c.surface: c.qualifiers for c in claims if c.kind == "count"}
    assert "total" in marks["총 1만 명"]
    assert "summand" in marks["연 4000명"] and "summand" in marks["연 6000명"]


def test_unrelated_stories_are_not_compared():
    articles = [
        {
            "outlet": "가람일보",
            "published": "2025-01-01",
            "text": "부산시는 북항 재개발 2단계 사업비로 5천억 원을 투입한다고 발표했다. 북항 재개발은 2030년 완공이 목표다.",
        },
        {
            "outlet": "나래신문",
            "published": "2025-01-01",
            "text": "대전시는 유성구 과학 공원 조성에 5조 원을 쓴다고 밝혔다. 과학 공원은 대덕연구단지 옆에 들어선다.",
        },
    ]
    report = check_documents(make_documents(articles), Settings())
    assert len(report.stories) == 2
    assert report.conflicts == ()
