"""What the text renderers share: kind titles, ordering and short evidence labels."""

from __future__ import annotations

from collections import defaultdict

from storyline.model import Dossier, Evidence, Finding

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
