"""Union-find components are complete, disjoint and independent of input order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.lang.unionfind import components


def test_components_join_chains_and_ignore_unknown_nodes():
    assert components([1, 2, 3, 4, 5], [(1, 2), (2, 3), (5, 9)]) == [[1, 2, 3], [4], [5]]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=40), st.randoms())
def test_components_partition_the_nodes_whatever_the_order(edges, rnd):
    nodes = list(range(21))
    groups = components(nodes, edges)
    assert sorted(n for g in groups for n in g) == nodes
    for a, b in edges:
        assert any(a in g and b in g for g in groups)
    shuffled_nodes, shuffled_edges = nodes[:], edges[:]
    rnd.shuffle(shuffled_nodes)
    rnd.shuffle(shuffled_edges)
    assert components(shuffled_nodes, shuffled_edges) == groups
