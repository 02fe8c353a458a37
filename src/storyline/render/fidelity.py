"""What every view of the fidelity section shares: the primary line, the table rows, the items
worth a reader's eye, and the CSV export of the per-report table."""

from __future__ import annotations

import csv
import io
from typing import Any

from storyline.check.fidelity import CHECK_CLASSES, QUOTE_CLASSES, SCORE_DEFINITION, UNFAITHFUL_QUOTES
from storyline.render.safe import one_line

COLUMNS = ("report", "outlet", "fidelity", "quotes faithful / changed / not in primary", "numbers agree / differ",
           "dates agree / differ")
OUTLET_COLUMNS = ("outlet", "reports", *COLUMNS[2:])
FAITHFUL = ("identical", "typographic", "shortened", "translated")


def score_text(score: float | None) -> str:
    return "–" if score is None else f"{score:.0%}"


def primary_line(fid: dict[str, Any]) -> str:
    p = fid["primary"]
    name = p.get("label") or p["article"]
    how = (f"detected: {'; '.join(p.get('reasons', []))} (--primary ID chooses another, --no-primary turns this off)"
           if p.get("detected") else "chosen with --primary")
    return f"Primary source: {name} ({how}). Fidelity = {SCORE_DEFINITION}."


def _cells(row: dict[str, Any]) -> list[str]:
    q, n, d = row["quotes"], row["numbers"], row["dates"]
    quotes = (sum(q[c] for c in FAITHFUL), sum(q[c] for c in UNFAITHFUL_QUOTES), q["no counterpart"])
    return [score_text(row["score"]), " / ".join(map(str, quotes)), f"{n['agrees']} / {n['differs']}",
            f"{d['agrees']} / {d['differs']}"]


def report_rows(fid: dict[str, Any]) -> list[list[str]]:
    return [[row["label"], row.get("outlet") or "", *_cells(row)] for row in fid["reports"]]


def outlet_rows(fid: dict[str, Any]) -> list[list[str]]:
    return [[row["outlet"], str(row["reports"]), *_cells(row)] for row in fid["outlets"]]


def flagged(fid: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(report label, item) for every item the primary contradicts: a quote changed, a figure or a
    date that differs."""
    return [(row["label"], it) for row in fid["reports"] for it in row["items"]
            if it["class"] in UNFAITHFUL_QUOTES or it["class"] == "differs"]


def item_line(it: dict[str, Any]) -> str:
    """One line for an item: what the report says, its class, and what the primary says."""
    said = f"{it['type']} {it['text']!r}"
    return f"{said}: {it['class']}" + (f"; the primary: {it['primary_text']!r}" if it.get("primary_text") else "")


CSV_COLUMNS = ("report", "label", "outlet", "primary", "fidelity", "faithful", "checkable",
               *(f"quotes_{c.replace(' ', '_')}" for c in QUOTE_CLASSES),
               *(f"numbers_{c.replace(' ', '_')}" for c in CHECK_CLASSES),
               *(f"dates_{c.replace(' ', '_')}" for c in CHECK_CLASSES))


def _cell(value: Any) -> str:
    """A value as a CSV cell a spreadsheet shows as text: never a formula ("=cmd|..." in an outlet)."""
    if value is None:
        return ""
    text = one_line(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not isinstance(value, (int, float)) else text


def to_csv(fid: dict[str, Any]) -> str:
    """The per-report table: one row per report checked against the primary."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in fid["reports"]:
        writer.writerow([_cell(v) for v in (
            row["article"], row["label"], row.get("outlet"), fid["primary"]["article"], row["score"],
            row["faithful"], row["checkable"], *(row["quotes"][c] for c in QUOTE_CLASSES),
            *(row["numbers"][c] for c in CHECK_CLASSES), *(row["dates"][c] for c in CHECK_CLASSES))])
    return buffer.getvalue()
