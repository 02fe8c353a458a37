"""Terminal rendering with rich, in the HTML report's order: the verdict and summary first, then
findings by kind (the most important group first, quotes by speaker), each list cut with a count.

Article text is always added as rich ``Text`` (never as markup), so a report containing "[bold]"
or "[/]" prints literally; and every value from the input is made printable first
(``storyline.render.safe``), so an escape sequence in an id or a quote prints as ``\\x1b``.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from storyline.model import Dossier, Finding
from storyline.render import common
from storyline.render import fidelity as fidelity_view
from storyline.render.common import TITLES, claim_counts, excerpt, label, labels
from storyline.render.safe import printable

SHOW_PER_KIND = {"unique_fact": 8, "reuse": 6}
SHOW_DEFAULT = 12
SHOW_TOP = 10
SHOW_REPORTS = 30


def _verdict(dossier: Dossier) -> Panel:
    s = dossier.same_story
    style = {"yes": "green", "partly": "yellow", "no": "red"}.get(s.get("verdict", ""), "white")
    body = Text(s.get("summary", ""))
    for line in common.nearest_line(dossier):
        body.append(f"\n  {line}")
    return Panel(body, title=f"Same story? {s.get('verdict', '?')}", border_style=style, expand=True)


def _articles(dossier: Dossier) -> Table:
    table = Table(title="Reports", show_lines=False, expand=True)
    for col in ("report", "outlet", "date", "lang", "sentences", "title"):
        table.add_column(col, overflow="fold")
    for a in dossier.articles[:SHOW_REPORTS]:
        table.add_row(Text(a.get("label") or a["id"]), Text(a.get("outlet") or ""), Text(a.get("date") or ""),
                      Text(a.get("lang") or ""), str(len(a.get("sentences", []))),
                      Text(excerpt(a.get("title") or "", 60)))
    if len(dossier.articles) > SHOW_REPORTS:
        table.add_row(Text(f"… {len(dossier.articles) - SHOW_REPORTS} more", style="dim"), "", "", "", "", "")
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


def summary_part(console: Console, dossier: Dossier) -> None:
    """The verdict, the counts and the most important findings: the first screen."""
    counts = claim_counts(dossier)
    summ = common.summary_of(dossier)
    console.print(_verdict(dossier))
    console.print(Text(
        f"Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
        f"{counts['single-source']} single-source · findings: {len(dossier.findings)} "
        f"({common.counted(summ['by_severity'])}) · method: {dossier.method.get('similarity', '?')}"))
    if summ["by_outlet"]:
        console.print(Text(f"Findings per outlet: {common.counted(summ['by_outlet'], 8)}"))
    if dossier.method.get("note"):
        console.print(Text("Note: " + dossier.method["note"], style="yellow"))
    for err in dossier.errors:
        console.print(Text(f"Skipped {err.input}: {err.reason}", style="red"))
    if summ["top"]:
        console.print(Rule(Text("Most important"), align="left"))
        for i, t in enumerate(summ["top"][:SHOW_TOP], start=1):
            console.print(Text.assemble((f"{i:>3}. ", "bold"), excerpt(t["summary"], 200),
                                        (f" ({t['severity']}, {common.reports(t['reports'])})", "dim")))


def findings_part(console: Console, dossier: Dossier) -> None:
    """Findings by kind, the group with the most important finding first; quotes by speaker."""
    names = labels(dossier)
    for kind, findings in common.ranked_groups(dossier):
        console.print(Rule(Text(f"{TITLES.get(kind, kind)} ({len(findings)})"), align="left"))
        limit = SHOW_PER_KIND.get(kind, SHOW_DEFAULT)
        shown = findings[:limit]
        if kind == "quote_variant":
            for speaker, group in common.by_speaker(shown):
                console.print(Text(f"  {speaker} ({len(group)})", style="bold underline"))
                for f in group:
                    console.print(Group(*_finding(f, names)))
        else:
            for f in shown:
                console.print(Group(*_finding(f, names)))
        if len(findings) > limit:
            console.print(Text(f"  … {len(findings) - limit} more, less important (see --format json or html)",
                               style="dim"))


def reports_part(console: Console, dossier: Dossier) -> None:
    console.print(_articles(dossier))


def claims_part(console: Console, dossier: Dossier) -> None:
    names = labels(dossier)
    corroborated = [c for c in dossier.claims if c.status in ("corroborated", "contested")]
    if not corroborated:
        return
    console.print(Rule(Text(f"Claims made by more than one report ({len(corroborated)})"), align="left"))
    for c in corroborated[:SHOW_DEFAULT]:
        who = ", ".join(names.get(a, a) for a in c.articles[:6]) + (f" +{len(c.articles) - 6}" if len(c.articles) > 6 else "")
        console.print(Text.assemble((f"  {c.status:<13}", "green" if c.status == "corroborated" else "red"),
                                    (f"[{who}] ", "cyan"), excerpt(c.text, 160)))
    if len(corroborated) > SHOW_DEFAULT:
        console.print(Text(f"  … {len(corroborated) - SHOW_DEFAULT} more claims", style="dim"))


def timeline_part(console: Console, dossier: Dossier) -> None:
    names = labels(dossier)
    if not dossier.timeline:
        return
    console.print(Rule(Text(f"Timeline ({len(dossier.timeline)} dated events)"), align="left"))
    for ev in dossier.timeline[:20]:
        found = sorted({names.get(s.article, s.article) for s in ev.sources})
        sources = ", ".join(found[:6]) + (f" +{len(found) - 6}" if len(found) > 6 else "")
        console.print(Text.assemble((f"  {ev.date:<10} ", "bold"), (f"[{sources}] ", "cyan"),
                                    excerpt(ev.text, 140)))
    if len(dossier.timeline) > 20:
        console.print(Text(f"  … {len(dossier.timeline) - 20} more dated events", style="dim"))


def fidelity_part(console: Console, dossier: Dossier) -> None:
    """Only with a primary source: a table per report and per outlet, then the quotes, figures and
    dates the primary contradicts, with the sentences they rest on."""
    fid = dossier.fidelity
    if not fid:
        return
    names = labels(dossier)
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


# The dossier, in order: the fidelity table (with a primary source) right after the summary.
PARTS: list[Callable[[Console, Dossier], None]] = [summary_part, fidelity_part, findings_part, reports_part,
                                                   claims_part, timeline_part]


def render_to(console: Console, dossier: Dossier) -> None:
    dossier = Dossier.from_dict(printable(dossier.to_dict()))
    console.print(Rule(Text(f"storyline dossier · {len(dossier.articles)} reports")))
    for part in PARTS:
        part(console, dossier)


def to_text(dossier: Dossier, *, width: int = 100, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False)
    render_to(console, dossier)
    return buffer.getvalue()
