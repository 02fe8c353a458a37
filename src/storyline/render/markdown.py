"""Markdown rendering: the same order as the terminal, every finding with its evidence sentences."""

from __future__ import annotations

import re
from typing import Any

from storyline.model import Dossier
from storyline.render import fidelity as fidelity_view
from storyline.render.common import TITLES, claim_counts, excerpt, grouped, label, labels
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


def _fidelity(fid: dict[str, Any], names: dict[str, str]) -> list[str]:
    """The fidelity section: the primary, the per-report and per-outlet tables, and every item the
    primary contradicts with the sentences it rests on."""
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


def to_markdown(dossier: Dossier) -> str:
    s = dossier.same_story
    counts = claim_counts(dossier)
    names = labels(dossier)
    lines = [f"# storyline dossier: {len(dossier.articles)} reports", ""]
    lines += ["| report | id | outlet | date | lang | sentences |", "| --- | --- | --- | --- | --- | --- |"]
    for a in dossier.articles:
        lines.append(f"| {_md(names[a['id']])} | {_md(a['id'])} | {_md(a.get('outlet') or '')} | {_md(a.get('date') or '')} | "
                     f"{_md(a.get('lang') or '')} | {len(a.get('sentences', []))} |")
    lines += ["", f"**Same story: {_md(str(s.get('verdict')))}.** {_md(s.get('summary', ''))}", ""]
    if s.get("outliers"):
        for p in s.get("pairs", []):
            lines.append(f"- {_md(p['a'])} ~ {_md(p['b'])}: {p['score']:.2f}")
        lines.append("")
    lines.append(f"Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
                 f"{counts['single-source']} single-source. Method: {_md(str(dossier.method.get('similarity')))}.")
    if dossier.method.get("note"):
        lines.append(f"\n> Note: {_md(dossier.method['note'])}")
    if dossier.fidelity:
        lines += _fidelity(dossier.fidelity, names)
    for kind, findings in grouped(dossier):
        lines += ["", f"## {TITLES.get(kind, kind)} ({len(findings)})", ""]
        for f in findings:
            lines.append(f"- **{_md(f.summary)}**")
            if f.kind == "quote_variant":
                lines.append(f"  - diff: {_diff(f.details.get('diff', []))}")
            for ev in f.evidence:
                lines.append(f"  - {_code(label(ev, names))} {_md(excerpt(ev.text, 300))}")
    multi = [c for c in dossier.claims if c.status != "single-source"]
    if multi:
        lines += ["", f"## Claims made by more than one report ({len(multi)})", ""]
        for c in multi:
            lines.append(f"- *{_md(c.status)}* ({', '.join(_md(names.get(a, a)) for a in c.articles)}): {_md(excerpt(c.text, 300))}")
    if dossier.timeline:
        lines += ["", "## Timeline", "", "| date | event | sources |", "| --- | --- | --- |"]
        for event in dossier.timeline:
            sources = ", ".join(sorted({_md(names.get(x.article, x.article)) for x in event.sources}))
            lines.append(f"| {_md(event.date)} | {_md(excerpt(event.text, 200))} | {sources} |")
    return "\n".join(lines) + "\n"
