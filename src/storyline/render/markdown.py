"""Markdown rendering, in the HTML report's order: the summary, then findings by kind (the most
important group first, quotes by speaker), the reports, shared claims and the timeline; long lists
are cut with a count of what was left out (the JSON and HTML dossiers have everything)."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.model import Dossier, Finding
from storyline.render import fidelity as fidelity_view
from storyline.render.common import (
    TITLES,
    by_speaker,
    claim_counts,
    counted,
    excerpt,
    label,
    labels,
    nearest_line,
    ranked_groups,
    reports,
    summary_of,
)
from storyline.render.safe import one_line


def _md(text: str) -> str:
    """Escape Markdown (and inline HTML) in report text so it renders as written; control characters
    show as escapes."""
    text = one_line(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", text)


def _code(text: str) -> str:
    """``text`` as a code span it cannot leave: the fence is one backtick longer than the longest run
    of backticks inside, with a space inside each fence where the text starts or ends with one."""
    text = one_line(" ".join(text.split()))
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _diff(diff: list[dict[str, str]]) -> str:
    out = []
    for op in diff:
        if op["op"] == "equal":
            out.append(_md(op["a"]))
        else:
            if op["a"]:
                out.append(f"~~{_md(op['a'])}~~")
            if op["b"]:
                out.append(f"**{_md(op['b'])}**")
    return " ".join(out)


SHOW_PER_GROUP = 25  # findings listed per kind; the rest are counted (the JSON and HTML have them all)
SHOW_EVIDENCE = 6
SHOW_LIST = 30  # claims, timeline events, reports listed before the rest are counted


def _more(hidden: int, what: str) -> list[str]:
    return [f"- … {hidden} more {what} (see the JSON or HTML dossier)"] if hidden > 0 else []


def summary_lines(dossier: Dossier) -> list[str]:
    """The verdict, the counts and the most important findings: the first screen."""
    s = dossier.same_story
    counts = claim_counts(dossier)
    summ = summary_of(dossier)
    lines = ["## Summary", "", f"**Same story: {_md(str(s.get('verdict')))}.** {_md(s.get('summary', ''))}", ""]
    lines += [f"- {_md(line)}" for line in nearest_line(dossier)]
    lines.append(f"- Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
                 f"{counts['single-source']} single-source. Method: {_md(str(dossier.method.get('similarity')))}.")
    lines.append(f"- **{summ['findings']} findings**: {_md(counted(summ['by_severity']))}")
    lines.append(f"- By kind: {_md(counted({TITLES.get(k, k): v for k, v in summ['by_kind'].items()}, 12))}")
    if summ["by_outlet"]:
        lines.append(f"- Findings per outlet: {_md(counted(summ['by_outlet'], 10))}")
    if dossier.method.get("note"):
        lines.append(f"\n> Note: {_md(dossier.method['note'])}")
    if summ["top"]:
        lines += ["", "**Most important**", ""]
        lines += [f"{i}. {_md(excerpt(t['summary'], 240))} ({_md(t['severity'])}, {reports(t['reports'])})"
                  for i, t in enumerate(summ["top"], start=1)]
    return lines


def _finding_lines(f: Finding, names: dict[str, str]) -> list[str]:
    lines = [f"- **{_md(f.summary)}**"]
    if f.kind == "quote_variant":
        lines.append(f"  - diff: {_diff(f.details.get('diff', []))}")
    for ev in f.evidence[:SHOW_EVIDENCE]:
        lines.append(f"  - {_code(label(ev, names))} {_md(excerpt(ev.text, 300))}")
    if len(f.evidence) > SHOW_EVIDENCE:
        lines.append(f"  - … {len(f.evidence) - SHOW_EVIDENCE} more sentences")
    return lines


def findings_lines(dossier: Dossier) -> list[str]:
    """Findings by kind, the group with the most important finding first; quotes by speaker."""
    names = labels(dossier)
    lines: list[str] = []
    for kind, findings in ranked_groups(dossier):
        lines += ["", f"## {TITLES.get(kind, kind)} ({len(findings)})", ""]
        shown = findings[:SHOW_PER_GROUP]
        if kind == "quote_variant":
            for speaker, group in by_speaker(shown):
                lines += [f"### {_md(speaker)} ({len(group)})", ""]
                for f in group:
                    lines += _finding_lines(f, names)
                lines.append("")
        else:
            for f in shown:
                lines += _finding_lines(f, names)
        lines += _more(len(findings) - len(shown), "findings of this kind, less important")
    return lines


def reports_lines(dossier: Dossier) -> list[str]:
    names = labels(dossier)
    lines = ["", f"## Reports ({len(dossier.articles)})", "",
             "| report | id | outlet | date | lang | sentences |", "| --- | --- | --- | --- | --- | --- |"]
    for a in dossier.articles[:SHOW_LIST * 4]:
        lines.append(f"| {_md(names[a['id']])} | {_md(a['id'])} | {_md(a.get('outlet') or '')} | {_md(a.get('date') or '')} | "
                     f"{_md(a.get('lang') or '')} | {len(a.get('sentences', []))} |")
    return lines + ["", *_more(len(dossier.articles) - SHOW_LIST * 4, "reports")]


def claims_lines(dossier: Dossier) -> list[str]:
    names = labels(dossier)
    multi = [c for c in dossier.claims if c.status != "single-source"]
    if not multi:
        return []
    lines = ["", f"## Claims made by more than one report ({len(multi)})", ""]
    for c in multi[:SHOW_LIST]:
        who = ", ".join(_md(names.get(a, a)) for a in c.articles[:8])
        who += f" and {len(c.articles) - 8} more" if len(c.articles) > 8 else ""
        lines.append(f"- *{_md(c.status)}* ({who}): {_md(excerpt(c.text, 300))}")
    return lines + _more(len(multi) - SHOW_LIST, "claims")


def timeline_lines(dossier: Dossier) -> list[str]:
    names = labels(dossier)
    if not dossier.timeline:
        return []
    lines = ["", "## Timeline", "", "| date | event | sources |", "| --- | --- | --- |"]
    for event in dossier.timeline[:SHOW_LIST]:
        found = sorted({_md(names.get(x.article, x.article)) for x in event.sources})
        sources = ", ".join(found[:8]) + (f" and {len(found) - 8} more" if len(found) > 8 else "")
        lines.append(f"| {_md(event.date)} | {_md(excerpt(event.text, 200))} | {sources} |")
    return lines + ["", *_more(len(dossier.timeline) - SHOW_LIST, "dated events")]


def fidelity_lines(dossier: Dossier) -> list[str]:
    """Only with a primary source: the primary, the per-report and per-outlet tables, and every
    item the primary contradicts with the sentences it rests on."""
    fid = dossier.fidelity
    if not fid:
        return []
    names = labels(dossier)
    lines = ["", "## Fidelity to the primary source", "", _md(fidelity_view.primary_line(fid))]
    for columns, rows in ((fidelity_view.COLUMNS, fidelity_view.report_rows(fid)),
                          (fidelity_view.OUTLET_COLUMNS, fidelity_view.outlet_rows(fid))):
        lines += ["", "| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
        lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    shown = fidelity_view.flagged(fid)
    if shown:
        lines.append("")
    for report, it in shown:
        lines.append(f"- **{_md(report)}**: {_md(excerpt(fidelity_view.item_line(it), 400))}")
        for ev in it["evidence"] + it["primary_evidence"]:
            where = f"{names.get(ev['article'], ev['article'])} #{ev['sentence']}"
            lines.append(f"  - {_code(where)} {_md(excerpt(ev['text'], 300))}")
    return lines


# The document, in order: the fidelity table (with a primary source) right after the summary.
SECTIONS: list[Callable[[Dossier], list[str]]] = [
    summary_lines, fidelity_lines, findings_lines, reports_lines, claims_lines, timeline_lines]


def to_markdown(dossier: Dossier) -> str:
    lines = [f"# storyline dossier: {len(dossier.articles)} reports", ""]
    for make in SECTIONS:
        lines += make(dossier)
    return "\n".join(lines) + "\n"
