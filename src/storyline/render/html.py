"""A self-contained HTML report: no external assets, every piece of report text escaped.

The reports sit side by side; each sentence is an anchor (``a<i>-s<j>``) coloured by its claim's
status, and hovering one highlights the sentences aligned with it. Every finding links to the
sentences it rests on, and the characters it points at are marked inside them.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from storyline.model import Dossier, Finding, Span, as_span
from storyline.render import fidelity as fidelity_view
from storyline.render.common import TITLES, claim_counts, grouped, labels

CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{padding:12px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}
.verdict{padding:10px 14px;border-radius:6px;margin:8px 0}
.v-yes{background:#e6f4ea;border:1px solid #34a853}.v-partly{background:#fff4e5;border:1px solid #f9ab00}
.v-no{background:#fce8e6;border:1px solid #d93025}
.finding{margin:6px 0 10px 0;padding:6px 10px;background:#fff;border-left:4px solid #5f6368}
.finding .sum{font-weight:600}.ev{display:block;margin:2px 0 0 12px;font-size:13px;color:#333}
.ev a{font-family:ui-monospace,monospace;margin-right:6px}
del{background:#fce8e6;color:#a50e0e}ins{background:#e6f4ea;color:#0d652d;text-decoration:none}
.reports{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(320px,1fr);gap:14px;overflow-x:auto}
.report{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 12px}
.report h3{margin:0 0 6px 0;font-size:15px}.meta{color:#5f6368;font-size:12px;margin-bottom:8px}
.s{border-radius:3px;padding:1px 0}.s.corroborated{background:#e6f4ea}.s.contested{background:#fce8e6}
.s.flagged{outline:1px dashed #d93025}.s.hl{background:#fde293!important}.s:target{background:#fbbc04!important}
mark{background:#fdd663}p{margin:0 0 8px 0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;vertical-align:top;font-size:13px}
.legend span{margin-right:14px}
"""

JS = """
document.querySelectorAll('.s[data-claim]').forEach(function(el){
  el.addEventListener('mouseenter',function(){document.querySelectorAll('.s[data-claim="'+el.dataset.claim+'"]')
    .forEach(function(x){x.classList.add('hl')})});
  el.addEventListener('mouseleave',function(){document.querySelectorAll('.s.hl')
    .forEach(function(x){x.classList.remove('hl')})});
});
"""


def _anchor(art_index: dict[str, int], article: str, sentence: int) -> str:
    return f"a{art_index.get(article, 0)}-s{sentence}"


def _diff(diff: list[dict[str, str]]) -> str:
    out = []
    for op in diff:
        if op["op"] == "equal":
            out.append(escape(op["a"]))
        else:
            if op["a"]:
                out.append(f"<del>{escape(op['a'])}</del>")
            if op["b"]:
                out.append(f"<ins>{escape(op['b'])}</ins>")
    return " ".join(out)


def _finding(f: Finding, art_index: dict[str, int], number: int, names: dict[str, str]) -> str:
    parts = [f'<div class="finding" id="f{number}"><div class="sum">{escape(f.summary)}</div>']
    if f.kind == "quote_variant":
        parts.append(f'<div class="ev">{_diff(f.details.get("diff", []))}</div>')
    for ev in f.evidence:
        target = _anchor(art_index, ev.article, ev.sentence)
        text = " ".join(ev.text.split())
        parts.append(f'<span class="ev"><a href="#{target}">{escape(names.get(ev.article, ev.article))} #{ev.sentence}</a>'
                     f"{escape(text[:300])}</span>")
    parts.append("</div>")
    return "".join(parts)


def _sentence_html(text: str, start: int, marks: list[tuple[int, int]]) -> str:
    """The sentence with the characters findings point at wrapped in <mark> (spans are absolute)."""
    inside = sorted((max(a - start, 0), min(b - start, len(text))) for a, b in marks
                    if a < start + len(text) and b > start and not (a <= start and b >= start + len(text)))
    out, pos = [], 0
    for a, b in inside:
        if a < pos:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def to_html(dossier: Dossier) -> str:
    """The dossier as one self-contained page: verdict and counts, findings, the reports side by
    side with aligned sentences marked, and the timeline."""
    art_index = {a["id"]: i for i, a in enumerate(dossier.articles)}
    names = labels(dossier)
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>storyline dossier: {len(dossier.articles)} reports</title><style>{CSS}</style></head><body>"]
    h.extend(_header(dossier))
    h.extend(_fidelity(dossier, art_index, names))
    h.append("<section id=\"findings\"><h2>Findings</h2>")
    number = 0
    for kind, findings in grouped(dossier):
        h.append(f"<h3>{escape(TITLES.get(kind, kind))} ({len(findings)})</h3>")
        for f in findings:
            number += 1
            h.append(_finding(f, art_index, number, names))
    h.append("</section>")
    h.extend(_reports(dossier, names))
    h.extend(_timeline(dossier, art_index, names))
    h.append(f"<script>{JS}</script></body></html>")
    return "\n".join(h) + "\n"


def _fidelity(dossier: Dossier, art_index: dict[str, int], names: dict[str, str]) -> list[str]:
    """The fidelity section (only with a primary source): the primary, the per-report and
    per-outlet tables, and each item the primary contradicts, linked to its sentences."""
    fid = dossier.fidelity
    if not fid:
        return []
    h = ['<section id="fidelity"><h2>Fidelity to the primary source</h2>',
         f"<p>{escape(fidelity_view.primary_line(fid))}</p>"]
    for columns, rows in ((fidelity_view.COLUMNS, fidelity_view.report_rows(fid)),
                          (fidelity_view.OUTLET_COLUMNS, fidelity_view.outlet_rows(fid))):
        h.append("<table><tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
        h.extend("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        h.append("</table><p></p>")
    for report, it in fidelity_view.flagged(fid):
        h.append(f'<div class="finding"><div class="sum">{escape(report)}: {escape(fidelity_view.item_line(it))}</div>')
        for ev in it["evidence"] + it["primary_evidence"]:
            target = _anchor(art_index, ev["article"], ev["sentence"])
            h.append(f'<span class="ev"><a href="#{target}">{escape(names.get(ev["article"], ev["article"]))} '
                     f'#{ev["sentence"]}</a>{escape(" ".join(ev["text"].split())[:300])}</span>')
        h.append("</div>")
    h.append("</section>")
    return h


def _header(dossier: Dossier) -> list[str]:
    """The title, the same-story verdict and the claim counts: what a reader needs first."""
    s = dossier.same_story
    counts = claim_counts(dossier)
    h = [f"<header><h1>storyline dossier: {len(dossier.articles)} reports</h1>",
         f'<div class="verdict v-{escape(str(s.get("verdict")))}"><b>Same story: {escape(str(s.get("verdict")))}.</b> '
         f"{escape(s.get('summary', ''))}"]
    if s.get("outliers"):
        h.append("<br>" + "; ".join(f"{escape(p['a'])} ~ {escape(p['b'])}: {p['score']:.2f}" for p in s["pairs"]))
    h.append("</div>")
    h.append(f"<p>Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
             f"{counts['single-source']} single-source · {len(dossier.findings)} findings · method: "
             f"{escape(str(dossier.method.get('similarity')))}</p>")
    if dossier.method.get("note"):
        h.append(f"<p><b>Note:</b> {escape(dossier.method['note'])}</p>")
    h.append("</header>")
    return h


_SentenceKey = tuple[str, int]  # (article id, sentence index)


def _sentence_marks(
    dossier: Dossier,
) -> tuple[dict[_SentenceKey, tuple[str, str]], dict[_SentenceKey, list[str]], dict[_SentenceKey, list[Span]]]:
    """Per (article, sentence): its claim and status, the finding kinds citing it, and the spans to mark."""
    status_of: dict[_SentenceKey, tuple[str, str]] = {}
    for c in dossier.claims:
        for ev in c.support:
            status_of[(ev.article, ev.sentence)] = (c.id, c.status)
    flagged: dict[_SentenceKey, list[str]] = defaultdict(list)
    marks: dict[_SentenceKey, list[Span]] = defaultdict(list)
    for f in dossier.findings:
        if f.kind == "unique_fact":
            continue
        for ev in f.evidence:
            flagged[(ev.article, ev.sentence)].append(f.kind)
            if ev.span:
                marks[(ev.article, ev.sentence)].append(as_span(ev.span))
    return status_of, flagged, marks


def _reports(dossier: Dossier, names: dict[str, str]) -> list[str]:
    """Every report's text, paragraph by paragraph, each sentence tagged with its claim and findings."""
    status_of, flagged, marks = _sentence_marks(dossier)
    h = ['<section id="reports"><h2>The reports side by side</h2>'
         '<p class="legend"><span class="s corroborated">corroborated</span>'
         '<span class="s contested">contested</span><span class="s flagged">cited by a finding</span>'
         "hover a sentence to highlight the sentences aligned with it</p><div class=\"reports\">"]
    for i, a in enumerate(dossier.articles):
        meta = " · ".join(escape(x) for x in (a.get("outlet"), a.get("date"), a.get("lang"), a.get("url")) if x)
        h.append(f'<div class="report"><h3>{escape(names[a["id"]])}</h3><div class="meta">{meta}</div>')
        if a.get("title"):
            h.append(f"<p><b>{escape(a['title'])}</b></p>")
        h.append("<p>")
        text = a.get("text", "")
        prev_end = None
        for sent in a.get("sentences", []):
            if prev_end is not None and "\n" in text[prev_end : sent["start"]]:
                h.append("</p><p>")
            prev_end = sent["end"]
            key = (a["id"], sent["index"])
            classes = ["s"]
            attrs = f' id="a{i}-s{sent["index"]}"'
            if key in status_of:
                claim, status = status_of[key]
                if status != "single-source":
                    classes.append(status)
                    attrs += f' data-claim="{escape(claim)}"'
            if key in flagged:
                classes.append("flagged")
                attrs += f' title="{escape(", ".join(sorted(set(flagged[key]))))}"'
            body = _sentence_html(sent["text"], sent["start"], marks.get(key, []))
            h.append(f'<span class="{" ".join(classes)}"{attrs}>{body}</span> ')
        h.append("</p></div>")
    h.append("</div></section>")
    return h


def _timeline(dossier: Dossier, art_index: dict[str, int], names: dict[str, str]) -> list[str]:
    if not dossier.timeline:
        return []
    h = ['<section id="timeline"><h2>Timeline</h2><table><tr><th>date</th><th>event</th><th>sources</th></tr>']
    for ev in dossier.timeline:
        links = ", ".join(f'<a href="#{_anchor(art_index, x.article, x.sentence)}">{escape(names.get(x.article, x.article))}</a>'
                          for x in ev.sources)
        h.append(f"<tr><td>{escape(ev.date)}</td><td>{escape(' '.join(ev.text.split()))}</td><td>{links}</td></tr>")
    h.append("</table></section>")
    return h
