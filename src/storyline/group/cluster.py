"""Average-link clustering over a sparse similarity graph, deterministic and order-free.

Why average link: one strong pair (two outlets copying one wire) must not chain two events
together the way single link would; a new member has to be close to the group as a whole.
Missing edges count as similarity 0, so a cluster only grows by articles that match most of it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence

from storyline.group.instance import LINK_FIGURES, Tags, figure_conflict
from storyline.group.instance import conflict as tag_conflict
from storyline.group.instance import union as tag_union
from storyline.group.timeinfo import _REF_YEAR, ref_day

_REF_JAN1 = dt.date(_REF_YEAR, 1, 1).toordinal()


Bounds = tuple[int, int] | None  # (max lo, min hi) of one tier, None where it has no dates
Hull = tuple[Bounds, ...]  # per tier: (max lo, min hi) with years, then the same by day-of-year

# Two tiers of cannot-link: publication dates are trusted to within ``max_gap`` days; any day-level
# date (also one read from the text, which may be background) only rules out events weeks apart.
TEXT_GAP = 14


def _tier(times: list[tuple[int, int, bool]]) -> tuple[Bounds, Bounds]:
    known = [(lo, hi) for lo, hi, year_known in times if year_known]
    md = []
    for lo, hi, year_known in times:
        a, b = (lo, hi) if not year_known else (ref_day(lo), ref_day(hi))
        if _far_from_new_year(a) and _far_from_new_year(b):  # keep the day-of-year test simple
            md.append((a, b))
    k = (max(x[0] for x in known), min(x[1] for x in known)) if known else None
    m = (max(x[0] for x in md), min(x[1] for x in md)) if md else None
    return (k, m)


def _hull(times: list[tuple[int, int, bool, bool]]) -> Hull:
    """Summary of a cluster's times, enough to test for a cannot-link in O(1).
    ``times``: (lo, hi, year known, reliable) for each dated member."""
    reliable = [t[:3] for t in times if t[3]]
    return _tier(reliable) + _tier([t[:3] for t in times])


def _far_from_new_year(ref_ordinal: int) -> bool:
    doy = ref_ordinal - _REF_JAN1
    return 10 <= doy <= 355


def _merge_hulls(a: Hull, b: Hull) -> Hull:
    out: list[Bounds] = []
    for x, y in zip(a, b, strict=True):
        out.append(x if y is None else y if x is None else (max(x[0], y[0]), min(x[1], y[1])))
    return tuple(out)


def _conflict(a: Hull, b: Hull, max_gap: int, text_gap: int = TEXT_GAP) -> bool:
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        gap = max_gap if i < 2 else text_gap
        if x is not None and y is not None and (y[0] - x[1] >= gap or x[0] - y[1] >= gap):
            return True
    return False


def average_link(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    times: list[list[tuple[int, int, bool, bool]]] | None = None,
    max_gap: int = 2,
    tags: list[Tags] | None = None,
    anchored: list[bool] | None = None,
    text_gap: int = TEXT_GAP,
    start: list[list[int]] | None = None,
    figures: bool = False,
) -> list[list[int]]:
    """Cluster items 0..n-1. ``edges`` maps (i, j), i < j, to a similarity (at most 1; below 0: evidence against).

    Merges the pair of clusters with the highest average similarity while it is >= ``threshold``.
    Ties are broken by the smallest member indices, so the result depends only on the input set
    (callers sort items by id first).

    ``times`` gives each item's (lo, hi, year known, reliable) day intervals: two clusters never
    merge if a reliably dated member of one lies ``max_gap`` days or more from one of the other, or
    any dated members lie ``TEXT_GAP`` days apart (a cannot-link: reports of days a week apart are
    not of one event, however alike they read). Dates without a year are compared by day and month.

    ``tags`` (instance.py: weekday, ordinal, phase) are a second cannot-link, used where time cannot
    decide: unless every item of both clusters is ``anchored`` (has a publication day), they never
    merge when, on some key, their leading values differ. A cluster's tags are its members' votes.

    ``start``: clusters to begin from instead of single items (a partition of 0..n-1; the learned
    method can join whole events.v4 clusters this way and never split one).

    ``figures``: the leads' headline figures (instance.figure_conflict over LINK_FIGURES: a recall's
    mass, a quake's magnitude, a sum) are a cannot-link too, under the same condition as the tags; a
    cluster's figures are all its members'.
    """
    groups = [sorted(g) for g in start] if start is not None else [[i] for i in range(n)]
    members: dict[int, list[int]] = {g[0]: g for g in groups}
    key_of = {i: g[0] for g in groups for i in g}
    hull: dict[int, Hull] = {g[0]: _hull([t for i in g for t in times[i]] if times else []) for g in groups}
    ctags: dict[int, Tags] = {}
    if tags:
        for g in groups:
            acc: Tags = {}
            for i in g:
                acc = tag_union(acc, tags[i])
            ctags[g[0]] = acc
    anchor: dict[int, bool] = {g[0]: all(anchored[i] for i in g) for g in groups} if anchored else {}

    def conflict(a: int, b: int) -> bool:
        if _conflict(hull[a], hull[b], max_gap, text_gap):
            return True
        if not ctags or (anchor.get(a) and anchor.get(b)):
            return False
        return tag_conflict(ctags[a], ctags[b]) is not None or (
            figures and figure_conflict(ctags[a], ctags[b], keys=LINK_FIGURES) is not None)

    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i0, j0), s in edges.items():
        i, j = key_of[i0], key_of[j0]
        if s != 0 and i != j:  # negative: evidence against (the learned method's probabilities, shifted)
            sums[i][j] = sums[i].get(j, 0.0) + s
            sums[j][i] = sums[j].get(i, 0.0) + s
    heap: list[tuple[float, int, int]] = []
    for i, nb in sums.items():
        for j, s in nb.items():
            avg = s / (len(members[i]) * len(members[j]))
            if i < j and avg >= threshold:
                heapq.heappush(heap, (-avg, i, j))
    alive = set(members)
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
        hull[keep] = _merge_hulls(hull[keep], hull.pop(gone))
        if ctags:
            ctags[keep] = tag_union(ctags[keep], ctags.pop(gone))
        if anchor:
            anchor[keep] = anchor[keep] and anchor.pop(gone)
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


def attach_singletons(
    groups: list[list[int]],
    edges: dict[tuple[int, int], float],
    low: float,
    times: list[list[tuple[int, int, bool, bool]]],
    tags: list[Tags] | None,
    anchored: list[bool] | None,
    anchors: Sequence[set[str]],
    max_gap: int = 2,
    min_shared: int = 2,
    lead: float = 2.0,
    topic: Callable[[int, list[int]], bool] | None = None,
    eliminate_low: float = 0.03,
) -> list[list[int]]:
    """Attach an item left alone to the group it nearly joined.

    Why: a short report in another language (a rate decision in Italian giving only the new
    rates) scores just under the threshold against its story, because it shares numbers but no
    words. It joins a group only when all of these hold: its average similarity to the group is at
    least ``low``; that is ``lead`` times its average to any other group; it shares at least
    ``min_shared`` ``anchors`` (rare numbers, names, dates) with at least half the group's members;
    and no cannot-link (time, instance tags) separates them. Each item is decided against the
    groups as they stand, never against other attachments, so the result is order-free.

    With ``topic`` (``topic(i, members)``: is item i about what that group is about; the semantic
    method, topic.py) an item that fails those tests may still join by elimination: its instance
    tags rule out at least one group of its topic, exactly one group of its topic remains that no
    cannot-link separates from it, it scores at least ``eliminate_low`` with that group, and it
    shares an anchor with at least half its members. (A one-sentence Spanish report of the WHO's
    mpox declaration: the convening of the committee is ruled out, the declaration remains.)
    """
    where = {m: g for g, members in enumerate(groups) for m in members}
    nbrs: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in edges.items():
        nbrs[i][j] = s
        nbrs[j][i] = s
    ghull = [_hull([t for m in members for t in times[m]]) for members in groups]
    gtags: list[Tags] = []
    for members in groups:
        acc: Tags = {}
        for m in members:
            acc = tag_union(acc, tags[m]) if tags else acc
        gtags.append(acc)

    def compatible(g: int, i: int, h: int) -> bool:
        both = anchored is not None and anchored[i] and all(anchored[m] for m in groups[h])
        return not (tags and not both and tag_conflict(gtags[g], gtags[h]) is not None)

    def nearly_joined(g: int, i: int, ranked: list[tuple[float, int]]) -> int | None:
        if not ranked or ranked[0][0] < low:
            return None
        best, h = ranked[0]
        if len(ranked) > 1 and ranked[1][0] * lead > best:
            return None
        if 2 * sum(len(anchors[i] & anchors[m]) >= min_shared for m in groups[h]) < len(groups[h]):
            return None
        if _conflict(ghull[g], ghull[h], max_gap) or not compatible(g, i, h):
            return None
        return h

    def eliminated(g: int, i: int, ranked: list[tuple[float, int]]) -> int | None:
        if topic is None:
            return None
        near = [(s, h) for s, h in ranked
                if not _conflict(ghull[g], ghull[h], max_gap) and topic(i, groups[h])]
        left = [(s, h) for s, h in near if compatible(g, i, h)]
        if len(left) == len(near) or len(left) != 1 or left[0][0] < eliminate_low:
            return None
        h = left[0][1]
        return h if 2 * sum(bool(anchors[i] & anchors[m]) for m in groups[h]) >= len(groups[h]) else None

    moves: dict[int, int] = {}
    for g, members in enumerate(groups):
        if len(members) != 1:
            continue
        i = members[0]
        per: dict[int, float] = defaultdict(float)
        for j, s in nbrs[i].items():
            per[where[j]] += s
        ranked = sorted(((s / len(groups[h]), h) for h, s in per.items() if h != g), key=lambda x: (-x[0], x[1]))
        h = nearly_joined(g, i, ranked)
        if h is None:
            h = eliminated(g, i, ranked)
        if h is not None:
            moves[g] = h
    if not moves:
        return groups
    out = {g: list(members) for g, members in enumerate(groups) if g not in moves}
    for g, h in moves.items():
        if h in out:  # a target that is itself a moving singleton stays where it is
            out[h].extend(groups[g])
        else:
            out[g] = list(groups[g])
    return sorted(sorted(m) for m in out.values())
