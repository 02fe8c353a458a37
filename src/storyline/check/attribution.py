"""attribution: whom each report cites, and which sources only one report cites."""

from __future__ import annotations

from storyline.check.context import Context
from storyline.lang.fold import fold_word
from storyline.model import Finding, as_span


def find(ctx: Context) -> list[Finding]:
    cited_by: dict[str, set[str]] = {}
    for art in ctx.articles:
        for a in art.attributions:
            cited_by.setdefault(fold_word(a.source), set()).add(art.id)
    findings = []
    for a_i, art in enumerate(ctx.articles):
        if not art.attributions:
            continue
        sources: list[str] = []
        for a in art.attributions:
            if a.source not in sources:
                sources.append(a.source)
        only_here = [s for s in sources if cited_by[fold_word(s)] == {art.id}]
        evidence = [ctx.evidence(a_i, a.sentence, as_span(a.span)) for a in art.attributions]
        findings.append(Finding(
            kind="attribution",
            summary=f"{art.id} cites {', '.join(sources)}",
            evidence=evidence,
            details={"article": art.id, "sources": sources, "only_this_report": only_here,
                     "citations": [{"source": a.source, "kind": a.kind, "text": a.text} for a in art.attributions]},
            score=0.5,
        ))
    return findings
