"""Which findings a reader should see first, and the dossier's summary block.

A 68-report story gives hundreds of findings; listed by kind alone, the one quote whose meaning a
report changed sits among dozens of harmless rewordings. Each finding gets an importance score:

    importance = 100 x severity x reach x strength x primary

- severity (0-1): what the kind of finding can do to a reader's understanding. A changed number,
  date or quote meaning is high; a place, a name spelling or a suspect term medium; copying,
  single-source facts and whom a report cites low. Quote findings take the severity of their worst
  rendering: "different meaning" > "reworded" > words found in no other report.
- reach (0.5-1): how many reports the finding involves, on a log scale against the story's size
  (one report of 68 gives 0.5 + 0.5 x log 2 / log 69, all 68 give 1).
- strength (0.75-1): the finding's own score in [0, 1] (its evidence strength: similarity of the
  sentences set against each other, the overlap of two quotes), so a weak match ranks lower.
- primary (1.25 or 1): the finding involves the primary source (``method["primary"]``, or a
  finding whose details carry a "primary" or "fidelity" key): a departure from the official
  wording matters more than two reports differing from each other.

Severity labels for filters: high (severity >= 0.8), medium (>= 0.5), low.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from storyline.model import Finding

KIND_SEVERITY = {
    "number_conflict": 0.9,
    "date_conflict": 0.85,
    "place_conflict": 0.7,
    "name_variant": 0.55,
    "suspect_term": 0.5,
    "reuse": 0.4,
    "unique_fact": 0.3,
    "attribution": 0.2,
}
QUOTE_SEVERITY = {"different meaning": 1.0, "reworded": 0.5, "minor": 0.45, "identical": 0.1}
PRIMARY_BOOST = 1.25
TOP = 10  # findings named in the summary block


def severity(f: Finding) -> float:
    if f.kind == "quote_variant":
        return QUOTE_SEVERITY.get(str(f.details.get("severity")), 0.5)
    return KIND_SEVERITY.get(f.kind, 0.3)


def severity_label(f: Finding) -> str:
    s = severity(f)
    return "high" if s >= 0.8 else "medium" if s >= 0.5 else "low"


def reports_of(f: Finding) -> list[str]:
    """The reports a finding involves, in evidence order."""
    seen: dict[str, None] = {}
    for ev in f.evidence:
        seen.setdefault(ev.article, None)
    return list(seen)


def _involves_primary(f: Finding, primary: str | None) -> bool:
    if "primary" in f.details or "fidelity" in f.details:
        return True
    return primary is not None and any(ev.article == primary for ev in f.evidence)


def importance(f: Finding, n_reports: int, primary: str | None = None) -> float:
    reach = 0.5 + 0.5 * math.log(1 + len(reports_of(f))) / math.log(1 + max(n_reports, 1))
    strength = 0.75 + 0.25 * min(max(float(f.score), 0.0), 1.0)
    boost = PRIMARY_BOOST if _involves_primary(f, primary) else 1.0
    return round(100 * severity(f) * min(reach, 1.0) * strength * boost, 2)


def ranked(findings: list[Finding], n_reports: int, primary: str | None = None) -> list[int]:
    """Indices of ``findings``, most important first (ties keep the given order)."""
    scores = [importance(f, n_reports, primary) for f in findings]
    return sorted(range(len(findings)), key=lambda i: -scores[i])


def summary(findings: list[Finding], articles: list[dict[str, Any]], primary: str | None = None) -> dict[str, Any]:
    """Counts per kind, severity and outlet, and the most important findings (indices into findings)."""
    n = len(articles)
    outlet_of = {a["id"]: a.get("outlet") or a.get("label") or a["id"] for a in articles}
    by_kind: Counter[str] = Counter(f.kind for f in findings)
    by_severity: Counter[str] = Counter(severity_label(f) for f in findings)
    by_outlet: Counter[str] = Counter()
    for f in findings:
        by_outlet.update({outlet_of.get(a, a) for a in reports_of(f)})
    order = ranked(findings, n, primary)
    top = [{"finding": i, "kind": findings[i].kind, "severity": severity_label(findings[i]),
            "importance": importance(findings[i], n, primary), "reports": len(reports_of(findings[i])),
            "summary": findings[i].summary} for i in order[:TOP]]
    return {
        "reports": n,
        "findings": len(findings),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_severity": {s: by_severity[s] for s in ("high", "medium", "low") if by_severity[s]},
        "by_outlet": dict(sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top": top,
        "scoring": "importance = 100 x severity x reach x strength x primary (storyline.check.ranking)",
    }
