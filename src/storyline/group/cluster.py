"""Average-link clustering over a sparse similarity graph, deterministic and order-free.

Why average link: one strong pair (two outlets copying one wire) must not chain two events
together the way single link would; a new member has to be close to the group as a whole.
Missing edges count as similarity 0, so a cluster only grows by articles that match most of it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict


def average_link(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    times: list[tuple[int, int] | None] | None = None,
    max_gap: int = 2,
) -> list[list[int]]:
    """Cluster items 0..n-1. ``edges`` maps (i, j), i < j, to a similarity in [0, 1].

    Merges the pair of clusters with the highest average similarity while it is >= ``threshold``.
    Ties are broken by the smallest member indices, so the result depends only on the input set
    (callers sort items by id first).

    ``times`` gives reliable (lo, hi) day intervals for some items: two clusters never merge if a
    member of one lies ``max_gap`` days or more from a member of the other (a cannot-link: reports
    published a week apart are not of one event, however alike they read). Kept per cluster as the
    latest ``lo`` and earliest ``hi`` of its dated members, so the check is O(1).
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    hull: dict[int, tuple[int, int] | None] = {}
    for i in range(n):
        t = times[i] if times else None
        hull[i] = (t[0], t[1]) if t else None  # (max lo, min hi)

    def conflict(a: int, b: int) -> bool:
        ha, hb = hull[a], hull[b]
        if ha is None or hb is None:
            return False
        return hb[0] - ha[1] >= max_gap or ha[0] - hb[1] >= max_gap

    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in edges.items():
        if s > 0:
            sums[i][j] = sums[i].get(j, 0.0) + s
            sums[j][i] = sums[j].get(i, 0.0) + s
    heap: list[tuple[float, int, int]] = []
    for i, nb in sums.items():
        for j, s in nb.items():
            if i < j and s >= threshold:
                heapq.heappush(heap, (-s, i, j))
    alive = set(range(n))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in alive or b not in alive:
            continue
        avg = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(avg + neg) > 1e-12:  # stale entry: re-push with the current value
            if avg >= threshold:
                heapq.heappush(heap, (-avg, a, b))
            continue
        if avg < threshold or conflict(a, b):
            continue
        # merge b into a (a < b keeps the smallest index as the cluster's key)
        keep, gone = (a, b) if a < b else (b, a)
        members[keep].extend(members.pop(gone))
        hk, hg = hull[keep], hull.pop(gone)
        if hk is None or hg is None:
            hull[keep] = hk or hg
        else:
            hull[keep] = (max(hk[0], hg[0]), min(hk[1], hg[1]))
        alive.discard(gone)
        for c, s in sums.pop(gone).items():
            sums[c].pop(gone, None)
            if c == keep:
                continue
            sums[keep][c] = sums[keep].get(c, 0.0) + s
            sums[c][keep] = sums[keep][c]
        for c, s in sums[keep].items():
            avg_c = s / (len(members[keep]) * len(members[c]))
            if avg_c >= threshold:
                x, y = (keep, c) if keep < c else (c, keep)
                heapq.heappush(heap, (-avg_c, x, y))
    return [sorted(m) for _, m in sorted(members.items())]
