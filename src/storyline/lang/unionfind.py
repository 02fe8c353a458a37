"""Connected components by union-find: pooling pairs that match into groups, in a stable order.

Used wherever matched pairs become groups (conflict slots, story families in the evaluation, the
MinHash baseline), so each place shares one tested, deterministic implementation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any, Protocol, TypeVar


class _Node(Hashable, Protocol):
    """A node: hashable, and orderable so the groups come out sorted."""

    def __lt__(self, other: Any, /) -> bool: ...


T = TypeVar("T", bound=_Node)


def components(nodes: Iterable[T], edges: Iterable[tuple[T, T]]) -> list[list[T]]:
    """Groups of ``nodes`` joined by ``edges`` (edges naming unknown nodes are ignored).

    Nodes must be orderable: each group is sorted and the groups are sorted, so the result does not
    depend on the order of the inputs.
    """
    parent = {n: n for n in nodes}

    def root(n: T) -> T:
        while parent[n] != n:
            parent[n] = parent[parent[n]]  # path halving keeps the trees shallow
            n = parent[n]
        return n

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[T, list[T]] = defaultdict(list)
    for n in sorted(parent):
        groups[root(n)].append(n)
    return sorted(groups.values())
