"""What the text renderers share: kind titles, ordering and short evidence labels."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from storyline.check import ranking
from storyline.model import Dossier, Evidence, Finding
from storyline.render.safe import one_line

TITLES = {
    "quote_variant": "Quotes worded differently",
    "number_conflict": "Numbers that disagree",
    "date_conflict": "Dates that disagree",
    "place_conflict": "Places that disagree",
    "name_variant": "Names spelled differently",
    "suspect_term": "Suspect terms (probable misspelling or mistranslation)",
    "reuse": "Shared passages (copying)",
    "attribution": "Whom each report cites",
    "unique_fact": "Facts only one report gives",
}
ORDER = list(TITLES)


def grouped(dossier: Dossier) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in dossier.findings:
        groups[f.kind].append(f)
    return [(k, groups[k]) for k in ORDER + sorted(set(groups) - set(ORDER)) if groups.get(k)]


def labels(dossier: Dossier) -> dict[str, str]:
    """id -> the short label compare() chose (a file's base name), for display only."""
    return {a["id"]: a.get("label") or a["id"] for a in dossier.articles}


def label(ev: Evidence, names: dict[str, str] | None = None) -> str:
    return f"{(names or {}).get(ev.article, ev.article)} #{ev.sentence}"


def excerpt(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def claim_counts(dossier: Dossier) -> dict[str, int]:
    counts = {"corroborated": 0, "contested": 0, "single-source": 0}
    for c in dossier.claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def ranked_groups(dossier: Dossier) -> list[tuple[str, list[Finding]]]:
    """The findings by kind, each group most important first, the groups by their most important
    finding (ties in the usual kind order): what a reader of a large story should see first."""
    n = len(dossier.articles)
    primary = dossier.method.get("primary")
    score = {id(f): ranking.importance(f, n, primary) for f in dossier.findings}
    groups = [(kind, sorted(found, key=lambda f: -score[id(f)])) for kind, found in grouped(dossier)]
    order = ORDER + sorted({k for k, _ in groups} - set(ORDER))
    return sorted(groups, key=lambda g: (-score[id(g[1][0])], order.index(g[0])))


def by_speaker(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Quote findings grouped by who spoke, the speaker with the most important finding first."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[str(f.details.get("speaker") or "An unnamed speaker")].append(f)
    return list(groups.items())


def facets(dossier: Dossier) -> Callable[[Finding], dict[str, list[str]]]:
    """What a reader filters a finding by: the reports, outlets and languages it involves, and its
    severity. Returns a function of the finding, the dossier's tables built once."""
    names = labels(dossier)
    outlet = {a["id"]: str(a.get("outlet") or names.get(a["id"], a["id"])) for a in dossier.articles}
    lang = {a["id"]: str(a.get("lang") or "?") for a in dossier.articles}

    def of(f: Finding) -> dict[str, list[str]]:
        reports = ranking.reports_of(f)
        return {"reports": reports, "outlets": sorted({outlet.get(r, r) for r in reports}),
                "langs": sorted({lang.get(r, "?") for r in reports}), "severity": [ranking.severity_label(f)]}

    return of


def summary_of(dossier: Dossier) -> dict[str, Any]:
    """The dossier's summary block, computed afresh for a dossier written before it existed."""
    return dossier.summary or ranking.summary(dossier.findings, dossier.articles, dossier.method.get("primary"))


def counted(counts: dict[str, int], limit: int = 8, names: dict[str, str] | None = None) -> str:
    """"a 12, b 9, c 3 and 4 more": the first ``limit`` entries of a count, the rest as a number."""
    items = list(counts.items())
    shown = ", ".join(f"{one_line((names or {}).get(k, k))} {v}" for k, v in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def nearest_line(dossier: Dossier, limit: int = 6) -> list[str]:
    """The compact stand-in for the pairwise scores: near-copy groups and the least connected reports."""
    s = dossier.same_story
    names = labels(dossier)
    lines = []
    for group in (s.get("near_copies") or [])[:limit]:
        shown = ", ".join(names.get(a, a) for a in group[:limit])
        more = f" and {len(group) - limit} more" if len(group) > limit else ""
        lines.append(one_line(f"near-copies ({len(group)} reports): {shown}{more}"))
    if len(s.get("near_copies") or []) > limit:
        lines.append(f"… and {len(s['near_copies']) - limit} more groups of near-copies")
    loners = sorted(s.get("nearest") or [], key=lambda x: x["score"])[:limit]
    if loners and s.get("outliers"):
        lines += [one_line(f"{names.get(x['article'], x['article'])}: nearest {names.get(x['nearest'], x['nearest'])} "
                           f"({x['score']:.2f})") for x in loners]
    return lines


def reports(n: int) -> str:
    return f"{n} report" if n == 1 else f"{n} reports"
