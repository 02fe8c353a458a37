"""Terminal rendering with rich: the verdict and a summary first, then findings grouped by kind.

Article text is always added as rich ``Text`` (never as markup), so a report containing "[bold]"
or "[/]" prints literally; and every value from the input is made printable first
(``storyline.render.safe``), so an escape sequence in an id or a quote prints as ``\\x1b``.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from storyline.model import Dossier, Finding
from storyline.render import fidelity as fidelity_view
from storyline.render.common import TITLES, claim_counts, excerpt, grouped, label, labels
from storyline.render.safe import printable

SHOW_PER_KIND = {"unique_fact": 8, "reuse": 6}
SHOW_DEFAULT = 12


def _verdict(dossier: Dossier) -> Panel:
    s = dossier.same_story
    style = {"yes": "green", "partly": "yellow", "no": "red"}.get(s.get("verdict", ""), "white")
    body = Text(s.get("summary", ""))
    if s.get("outliers"):
        body.append("\nPairwise scores:", style="bold")
        for p in s.get("pairs", []):
            body.append(f"\n  {p['a']} ~ {p['b']}: {p['score']:.2f}")
    return Panel(body, title=f"Same story? {s.get('verdict', '?')}", border_style=style, expand=True)


def _articles(dossier: Dossier) -> Table:
    table = Table(title="Reports", show_lines=False, expand=True)
    for col in ("report", "outlet", "date", "lang", "sentences", "title"):
        table.add_column(col, overflow="fold")
    for a in dossier.articles:
        table.add_row(Text(a.get("label") or a["id"]), Text(a.get("outlet") or ""), Text(a.get("date") or ""),
                      Text(a.get("lang") or ""), str(len(a.get("sentences", []))),
                      Text(excerpt(a.get("title") or "", 60)))
    return table


def _diff_text(diff: list[dict[str, str]]) -> Text:
    """Word diff in wdiff's notation ([-removed-] {+added+}), so it still reads without colour."""
    out = Text("    ")
    for op in diff:
        if op["op"] == "equal":
            out.append(op["a"] + " ")
        else:
            if op["a"]:
                out.append(f"[-{op['a']}-]", style="red strike")
                out.append(" ")
            if op["b"]:
                out.append(f"{{+{op['b']}+}}", style="green")
                out.append(" ")
    return out


def _finding(f: Finding, names: dict[str, str]) -> list[Text]:
    parts: list[Text] = [Text.assemble(("• ", "bold"), (f.summary, "bold"))]
    if f.kind == "quote_variant":
        parts.append(_diff_text(f.details.get("diff", [])))
    shown = f.evidence[:4]
    for ev in shown:
        parts.append(Text.assemble(("    [" + label(ev, names) + "] ", "cyan"), excerpt(ev.text, 180)))
    if len(f.evidence) > len(shown):
        parts.append(Text(f"    … {len(f.evidence) - len(shown)} more sentences", style="dim"))
    return parts


def _fidelity(console: Console, fid: dict[str, Any], names: dict[str, str]) -> None:
    """Every report against the primary source: a table per report and per outlet, then the
    quotes, figures and dates the primary contradicts, with the sentences they rest on."""
    console.print(Rule(Text("Fidelity to the primary source"), align="left"))
    console.print(Text(fidelity_view.primary_line(fid)))
    for title, columns, rows in (("Reports", fidelity_view.COLUMNS, fidelity_view.report_rows(fid)),
                                 ("Outlets", fidelity_view.OUTLET_COLUMNS, fidelity_view.outlet_rows(fid))):
        table = Table(title=title, expand=True)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
    shown = fidelity_view.flagged(fid)
    for report, it in shown[:SHOW_DEFAULT]:
        console.print(Text.assemble(("• ", "bold"), (f"{report}: ", "bold"), excerpt(fidelity_view.item_line(it), 300)))
        for ev in it["evidence"][:2] + it["primary_evidence"][:2]:
            where = f"{names.get(ev['article'], ev['article'])} #{ev['sentence']}"
            console.print(Text.assemble((f"    [{where}] ", "cyan"), excerpt(ev["text"], 180)))
    if len(shown) > SHOW_DEFAULT:
        console.print(Text(f"  … {len(shown) - SHOW_DEFAULT} more (see --format json or html)", style="dim"))


def render_to(console: Console, dossier: Dossier) -> None:
    dossier = Dossier.from_dict(printable(dossier.to_dict()))
    counts = claim_counts(dossier)
    names = labels(dossier)
    console.print(Rule(Text(f"storyline dossier · {len(dossier.articles)} reports")))
    console.print(_articles(dossier))
    console.print(_verdict(dossier))
    console.print(Text(
        f"Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
        f"{counts['single-source']} single-source · findings: {len(dossier.findings)} · "
        f"method: {dossier.method.get('similarity', '?')}"))
    if dossier.method.get("note"):
        console.print(Text("Note: " + dossier.method["note"], style="yellow"))
    for err in dossier.errors:
        console.print(Text(f"Skipped {err.input}: {err.reason}", style="red"))
    if dossier.fidelity:
        _fidelity(console, dossier.fidelity, names)
    for kind, findings in grouped(dossier):
        console.print(Rule(Text(f"{TITLES.get(kind, kind)} ({len(findings)})"), align="left"))
        limit = SHOW_PER_KIND.get(kind, SHOW_DEFAULT)
        for f in findings[:limit]:
            console.print(Group(*_finding(f, names)))
        if len(findings) > limit:
            console.print(Text(f"  … {len(findings) - limit} more (see --format json or html)", style="dim"))
    corroborated = [c for c in dossier.claims if c.status in ("corroborated", "contested")]
    if corroborated:
        console.print(Rule(Text(f"Claims made by more than one report ({len(corroborated)})"), align="left"))
        for c in corroborated[:SHOW_DEFAULT]:
            console.print(Text.assemble((f"  {c.status:<13}", "green" if c.status == "corroborated" else "red"),
                                        (f"[{', '.join(names.get(a, a) for a in c.articles)}] ", "cyan"), excerpt(c.text, 160)))
    if dossier.timeline:
        console.print(Rule(Text(f"Timeline ({len(dossier.timeline)} dated events)"), align="left"))
        for ev in dossier.timeline[:20]:
            sources = ", ".join(sorted({names.get(s.article, s.article) for s in ev.sources}))
            console.print(Text.assemble((f"  {ev.date:<10} ", "bold"), (f"[{sources}] ", "cyan"),
                                        excerpt(ev.text, 140)))


def to_text(dossier: Dossier, *, width: int = 100, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False)
    render_to(console, dossier)
    return buffer.getvalue()
