"""A self-contained HTML report: no external assets, every piece of report text escaped.

Built for stories of many reports: the summary comes first (counts, the most important findings),
then a table of contents; findings are grouped by kind in collapsed <details>, quote findings by
speaker, the most important first, and a few lines of inline JavaScript filter them by kind,
outlet, language and severity. The reports are shown two at a time, side by side, chosen from two
lists; each sentence is an anchor (``a<i>-s<j>``) coloured by its claim's status, and hovering one
highlights the sentences aligned with it. Every finding links to the sentences it rests on.

The page is a list of sections (``SECTIONS``): a new one (a per-report table, say) is one function
slotted in after the summary; the table of contents follows the list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as _escape

from storyline.model import Dossier, Finding, Span, as_span
from storyline.render import fidelity as fidelity_view
from storyline.render.common import (
    TITLES,
    by_speaker,
    claim_counts,
    counted,
    excerpt,
    facets,
    labels,
    nearest_line,
    ranked_groups,
    reports,
    summary_of,
)
from storyline.render.safe import one_line, printable_text

SHOW_PER_GROUP = 150  # findings shown per kind (the JSON has all of them); keeps the page readable
# copying is found per pair of reports: a story of many copies has as many findings as pairs, so
# the page shows the most important few (the near-copy groups sum the rest up)
SHOW_PER_KIND = {"reuse": 40, "unique_fact": 80}
SHOW_EVIDENCE = 8  # evidence sentences shown per finding
SHOW_EVIDENCE_PER_KIND = {"reuse": 4}
SHOW_WORDINGS = 12  # renderings listed per quote finding

CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section,nav{padding:12px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}
.verdict{padding:10px 14px;border-radius:6px;margin:8px 0}
.v-yes{background:#e6f4ea;border:1px solid #34a853}.v-partly{background:#fff4e5;border:1px solid #f9ab00}
.v-no{background:#fce8e6;border:1px solid #d93025}
.finding{margin:6px 0 10px 0;padding:6px 10px;background:#fff;border-left:4px solid #5f6368}
.finding.high{border-left-color:#d93025}.finding.medium{border-left-color:#f9ab00}
.finding .sum{font-weight:600}.ev{display:block;margin:2px 0 0 12px;font-size:13px;color:#333}
.ev a{font-family:ui-monospace,monospace;margin-right:6px}.more{color:#5f6368;font-size:13px}
del{background:#fce8e6;color:#a50e0e}ins{background:#e6f4ea;color:#0d652d;text-decoration:none}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}details details{margin-left:16px}
.filters select{margin-right:10px}.hidden{display:none!important}
.reports{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.report{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 12px;min-width:0}
.js .report{display:none}.js .report.pick{display:block}
.report h3{margin:0 0 6px 0;font-size:15px}.meta{color:#5f6368;font-size:12px;margin-bottom:8px}
.s{border-radius:3px;padding:1px 0}.s.corroborated{background:#e6f4ea}.s.contested{background:#fce8e6}
.s.flagged{outline:1px dashed #d93025}.s.hl{background:#fde293!important}.s:target{background:#fbbc04!important}
mark{background:#fdd663}p{margin:0 0 8px 0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;vertical-align:top;font-size:13px}
.legend span{margin-right:14px}
"""

JS = r"""
document.body.classList.add('js');
document.querySelectorAll('.s[data-claim]').forEach(function(el){
  el.addEventListener('mouseenter',function(){document.querySelectorAll('.s[data-claim="'+el.dataset.claim+'"]')
    .forEach(function(x){x.classList.add('hl')})});
  el.addEventListener('mouseleave',function(){document.querySelectorAll('.s.hl')
    .forEach(function(x){x.classList.remove('hl')})});
});
var picks=[document.getElementById('pick0'),document.getElementById('pick1')];
function show(){document.querySelectorAll('.report').forEach(function(r){
  r.classList.toggle('pick',picks.some(function(p){return p&&p.value===r.dataset.i}))})}
picks.forEach(function(p){if(p)p.addEventListener('change',show)});
function reveal(){var m=/^#a(\d+)-s/.exec(location.hash);if(!m||!picks[0])return;
  if(picks[1].value!==m[1]){picks[0].value=m[1];show()}
  var t=document.getElementById(location.hash.slice(1));if(t)t.scrollIntoView()}
window.addEventListener('hashchange',reveal);show();reveal();
var filters=document.querySelectorAll('.filters select');
filters.forEach(function(sel){sel.addEventListener('change',function(){
  document.querySelectorAll('.finding').forEach(function(f){var ok=true;
    filters.forEach(function(s){if(s.value&&(' '+f.dataset[s.name]+' ').indexOf(' '+s.value+' ')<0)ok=false});
    f.classList.toggle('hidden',!ok)})})});
"""


def escape(value: object) -> str:
    """A value from the input as HTML text: markup escaped, control characters shown as escapes."""
    return _escape(printable_text(str(value)))


def escape_name(value: object) -> str:
    """A name (id, outlet, language) as HTML text on one line."""
    return _escape(one_line(str(value)))


@dataclass
class Section:
    """One part of the page: its anchor, its title in the table of contents, and its HTML."""

    id: str
    title: str
    html: list[str]


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


def _attr(words: list[str]) -> str:
    """Filter values for a data- attribute: space-separated, spaces inside a value made underscores."""
    return escape_name(" ".join(w.replace(" ", "_") for w in words))


def _wordings(f: Finding, names: dict[str, str]) -> list[str]:
    """A quote finding's renderings that differ from the reference, the worst first, a few shown."""
    differ = [w for w in f.details.get("wordings", []) if w.get("class") not in ("reference", "identical",
                                                                                 "typographic")]
    order = {"meaning changed": 0, "not found in any source": 1, "reworded": 2}
    differ.sort(key=lambda w: order.get(w.get("class", ""), 3))
    out = [f'<span class="ev"><b>{escape(w.get("class", ""))}</b>: {escape_name(names.get(w["article"], w["article"]))}'
           f" “{escape(' '.join(str(w.get('text', '')).split())[:300])}”</span>" for w in differ[:SHOW_WORDINGS]]
    if len(differ) > SHOW_WORDINGS:
        out.append(f'<span class="ev more">… {len(differ) - SHOW_WORDINGS} more renderings (see the JSON)</span>')
    return out


def _finding(facet_of: Callable[[Finding], dict[str, list[str]]], f: Finding, art_index: dict[str, int], number: int,
             names: dict[str, str]) -> str:
    facet = facet_of(f)
    sev = facet["severity"][0]
    parts = [f'<div class="finding {sev}" id="f{number}" data-kind="{escape_name(f.kind)}" data-severity="{sev}" '
             f'data-outlet="{_attr(facet["outlets"])}" data-lang="{_attr(facet["langs"])}">'
             f'<div class="sum">{escape(f.summary)}</div>']
    if f.kind == "quote_variant":
        parts.append(f'<div class="ev">{_diff(f.details.get("diff", []))}</div>')
        parts.extend(_wordings(f, names))
    show = SHOW_EVIDENCE_PER_KIND.get(f.kind, SHOW_EVIDENCE)
    for ev in f.evidence[:show]:
        target = _anchor(art_index, ev.article, ev.sentence)
        text = " ".join(ev.text.split())
        parts.append(f'<span class="ev"><a href="#{target}">{escape_name(names.get(ev.article, ev.article))} #{ev.sentence}</a>'
                     f"{escape(text[:300])}</span>")
    if len(f.evidence) > show:
        parts.append(f'<span class="ev more">… {len(f.evidence) - show} more sentences</span>')
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
    """The dossier as one self-contained page: summary, contents, findings, the reports two at a
    time, how alike the reports are, and the timeline."""
    sections = [s for make in SECTIONS if (s := make(dossier)) is not None]
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>storyline dossier: {len(dossier.articles)} reports</title><style>{CSS}</style></head><body>"]
    h.extend(_header(dossier))
    toc = "".join(f'<li><a href="#{s.id}">{escape(s.title)}</a></li>' for s in sections)
    h.append(f'<nav id="contents"><b>Contents</b><ul>{toc}</ul></nav>')
    for s in sections:
        h.append(f'<section id="{s.id}"><h2>{escape(s.title)}</h2>')
        h.extend(s.html)
        h.append("</section>")
    h.append(f"<script>{JS}</script></body></html>")
    return "\n".join(h) + "\n"


def _header(dossier: Dossier) -> list[str]:
    """The title, the same-story verdict and the claim counts: what a reader needs first."""
    s = dossier.same_story
    counts = claim_counts(dossier)
    h = [f"<header><h1>storyline dossier: {len(dossier.articles)} reports</h1>",
         f'<div class="verdict v-{escape_name(s.get("verdict"))}"><b>Same story: {escape(s.get("verdict"))}.</b> '
         f"{escape(s.get('summary', ''))}</div>"]
    h.append(f"<p>Claims: {counts['corroborated']} corroborated, {counts['contested']} contested, "
             f"{counts['single-source']} single-source · {len(dossier.findings)} findings · method: "
             f"{escape(dossier.method.get('similarity'))}</p>")
    if dossier.method.get("note"):
        h.append(f"<p><b>Note:</b> {escape(dossier.method['note'])}</p>")
    h.append("</header>")
    return h


def summary_section(dossier: Dossier) -> Section:
    """Counts by severity, kind and outlet, and the most important findings, linked."""
    summ = summary_of(dossier)
    number = {id(f): i for i, f in enumerate(_numbered(dossier), start=1)}
    h = [f"<p><b>{summ['findings']} findings</b>: {escape(counted(summ['by_severity']))}.</p>",
         f"<p>By kind: {escape(counted({TITLES.get(k, k): v for k, v in summ['by_kind'].items()}, 12))}.</p>"]
    if summ["by_outlet"]:
        h.append(f"<p>Findings per outlet: {escape(counted(summ['by_outlet'], 10))}.</p>")
    if summ["top"]:
        h.append("<p><b>Most important</b></p><ol>")
        for t in summ["top"]:
            f = dossier.findings[t["finding"]] if t["finding"] < len(dossier.findings) else None
            link = f'<a href="#f{number[id(f)]}">' if f is not None and id(f) in number else "<a>"
            h.append(f"<li>{link}{escape(excerpt(t['summary'], 240))}</a> <small>({escape_name(t['severity'])}, "
                     f"{reports(t['reports'])})</small></li>")
        h.append("</ol>")
    return Section("summary", "Summary", h)


def _numbered(dossier: Dossier) -> list[Finding]:
    """The findings in the order the page shows them (the numbers of their anchors)."""
    out = []
    for kind, found in ranked_groups(dossier):
        if kind == "quote_variant":
            found = [f for _, group in by_speaker(found) for f in group]
        out.extend(found[: SHOW_PER_KIND.get(kind, SHOW_PER_GROUP)])
    return out


def _filters(dossier: Dossier) -> str:
    """The four lists the inline script filters findings by."""
    values: dict[str, set[str]] = {"kind": set(), "severity": set(), "outlet": set(), "lang": set()}
    facet_of = facets(dossier)
    for f in dossier.findings:
        facet = facet_of(f)
        values["kind"].add(f.kind)
        values["severity"].add(facet["severity"][0])
        values["outlet"].update(o.replace(" ", "_") for o in facet["outlets"])
        values["lang"].update(facet["langs"])
    out = ['<p class="filters">Show: ']
    for name, label in (("kind", "every kind"), ("severity", "every severity"), ("outlet", "every outlet"),
                        ("lang", "every language")):
        opts = "".join(f'<option value="{escape_name(v)}">{escape_name(TITLES.get(v, v) if name == "kind" else v)}</option>'
                       for v in sorted(values[name]))
        out.append(f'<select name="{name}"><option value="">{label}</option>{opts}</select>')
    out.append("</p>")
    return "".join(out)


def findings_section(dossier: Dossier) -> Section | None:
    """Findings by kind (the group with the most important finding first), collapsed; quotes by speaker."""
    if not dossier.findings:
        return None
    art_index = {a["id"]: i for i, a in enumerate(dossier.articles)}
    names = labels(dossier)
    h = [_filters(dossier)]
    facet_of = facets(dossier)
    number = 0
    for rank, (kind, found) in enumerate(ranked_groups(dossier)):
        open_ = " open" if rank == 0 else ""
        h.append(f'<details id="k-{escape_name(kind)}"{open_}><summary>{escape(TITLES.get(kind, kind))} '
                 f"({len(found)})</summary>")
        shown = found[: SHOW_PER_KIND.get(kind, SHOW_PER_GROUP)]
        if kind == "quote_variant":
            for speaker, group in by_speaker(shown):
                h.append(f"<details><summary>{escape(speaker)} ({len(group)})</summary>")
                for f in group:
                    number += 1
                    h.append(_finding(facet_of, f, art_index, number, names))
                h.append("</details>")
        else:
            for f in shown:
                number += 1
                h.append(_finding(facet_of, f, art_index, number, names))
        if len(found) > len(shown):
            h.append(f'<p class="more">… {len(found) - len(shown)} more, less important (see the JSON)</p>')
        h.append("</details>")
    return Section("findings", f"Findings ({len(dossier.findings)})", h)


def same_story_section(dossier: Dossier) -> Section | None:
    """How alike the reports are, compactly: near-copy groups, outliers, each report's nearest."""
    s = dossier.same_story
    names = labels(dossier)
    if not s.get("nearest") and not s.get("pairs"):
        return None
    h = [f"<p>{escape(line)}</p>" for line in nearest_line(dossier)]
    rows = s.get("nearest") or []
    if rows:
        h.append(f"<details><summary>Each report's nearest report ({len(rows)})</summary>"
                 "<table><tr><th>report</th><th>nearest</th><th>score</th></tr>")
        for x in sorted(rows, key=lambda x: x["score"]):
            h.append(f"<tr><td>{escape_name(names.get(x['article'], x['article']))}</td>"
                     f"<td>{escape_name(names.get(x['nearest'], x['nearest']))}</td><td>{x['score']:.2f}</td></tr>")
        h.append("</table></details>")
    elif s.get("outliers"):
        h.append("<p>" + "; ".join(f"{escape_name(p['a'])} ~ {escape_name(p['b'])}: {p['score']:.2f}"
                                   for p in s.get("pairs", [])) + "</p>")
    return Section("alike", "How alike the reports are", h)


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


def reports_section(dossier: Dossier) -> Section:
    """Every report's text, sentence by sentence, tagged with its claim and findings; the page shows
    two at a time (chosen from two lists), so 70 reports never scroll sideways."""
    names = labels(dossier)
    status_of, flagged, marks = _sentence_marks(dossier)
    options = "".join(f'<option value="{i}">{escape_name(names[a["id"]])}</option>' for i, a in enumerate(dossier.articles))
    second = options.replace('value="1">', 'value="1" selected>', 1)
    h = [f'<p class="filters">Left: <select id="pick0">{options}</select> Right: <select id="pick1">{second}</select></p>'
         '<p class="legend"><span class="s corroborated">corroborated</span>'
         '<span class="s contested">contested</span><span class="s flagged">cited by a finding</span>'
         "hover a sentence to highlight the sentences aligned with it</p><div class=\"reports\">"]
    for i, a in enumerate(dossier.articles):
        meta = " · ".join(escape_name(x) for x in (a.get("outlet"), a.get("date"), a.get("lang"), a.get("url")) if x)
        pick = " pick" if i < 2 else ""
        h.append(f'<div class="report{pick}" data-i="{i}"><h3>{escape_name(names[a["id"]])}</h3><div class="meta">{meta}</div>')
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
                    attrs += f' data-claim="{escape_name(claim)}"'
            if key in flagged:
                classes.append("flagged")
                attrs += f' title="{escape_name(", ".join(sorted(set(flagged[key]))))}"'
            body = _sentence_html(sent["text"], sent["start"], marks.get(key, []))
            h.append(f'<span class="{" ".join(classes)}"{attrs}>{body}</span> ')
        h.append("</p></div>")
    h.append("</div>")
    return Section("reports", "The reports side by side", h)


def timeline_section(dossier: Dossier) -> Section | None:
    if not dossier.timeline:
        return None
    art_index = {a["id"]: i for i, a in enumerate(dossier.articles)}
    names = labels(dossier)
    h = ["<table><tr><th>date</th><th>event</th><th>sources</th></tr>"]
    for ev in dossier.timeline:
        links = ", ".join(f'<a href="#{_anchor(art_index, x.article, x.sentence)}">{escape_name(names.get(x.article, x.article))}</a>'
                          for x in ev.sources[:SHOW_EVIDENCE])
        if len(ev.sources) > SHOW_EVIDENCE:
            links += f" and {len(ev.sources) - SHOW_EVIDENCE} more"
        h.append(f"<tr><td>{escape_name(ev.date)}</td><td>{escape(' '.join(ev.text.split()))}</td><td>{links}</td></tr>")
    h.append("</table>")
    return Section("timeline", f"Timeline ({len(dossier.timeline)})", h)


def fidelity_section(dossier: Dossier) -> Section | None:
    """Only with a primary source: the primary, the per-report and per-outlet tables, and each item
    the primary contradicts, linked to its sentences."""
    fid = dossier.fidelity
    if not fid:
        return None
    art_index = {a["id"]: i for i, a in enumerate(dossier.articles)}
    names = labels(dossier)
    h = [f"<p>{escape(fidelity_view.primary_line(fid))}</p>"]
    for columns, rows in ((fidelity_view.COLUMNS, fidelity_view.report_rows(fid)),
                          (fidelity_view.OUTLET_COLUMNS, fidelity_view.outlet_rows(fid))):
        h.append("<table><tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
        h.extend("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        h.append("</table><p></p>")
    for report, it in fidelity_view.flagged(fid):
        h.append(f'<div class="finding"><div class="sum">{escape(report)}: {escape(fidelity_view.item_line(it))}</div>')
        for ev in it["evidence"] + it["primary_evidence"]:
            target = _anchor(art_index, ev["article"], ev["sentence"])
            h.append(f'<span class="ev"><a href="#{target}">{escape_name(names.get(ev["article"], ev["article"]))} '
                     f'#{ev["sentence"]}</a>{escape(" ".join(ev["text"].split())[:300])}</span>')
        h.append("</div>")
    return Section("fidelity", "Fidelity to the primary source", h)


# The page, in order: the fidelity table (with a primary source) right after the summary.
SECTIONS: list[Callable[[Dossier], Section | None]] = [
    summary_section, fidelity_section, findings_section, same_story_section, reports_section, timeline_section]
