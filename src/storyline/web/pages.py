"""What each page shows, as plain dicts built from a dossier record and the store: the same dict is
the page's JSON twin and the template's context.

Why plain dicts from the dossier's JSON: the web layer reads the dossier exactly as ``compare
--format json`` writes it (its schema only ever gains fields), so keys added later ("fidelity", a
ranked "summary") are shown when present and ignored when absent, without importing the checker.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

KIND_LABELS = {
    "quote_variant": "Quotes worded differently", "number_conflict": "Conflicting numbers",
    "date_conflict": "Conflicting dates", "place_conflict": "Conflicting places",
    "name_variant": "Names spelled differently", "suspect_term": "Suspect terms",
    "reuse": "Copied passages", "attribution": "Sources cited", "unique_fact": "Facts only one report gives",
}
KIND_ORDER = list(KIND_LABELS)
SHOWN_PER_TOPIC = 20  # findings shown per group before "show all"
SHOWN_TOPICS = 30  # groups shown per kind before "show all" (a 70-report story has thousands of pairs)


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


# --- the story page -----------------------------------------------------------------------------

def finding_topic(finding: dict[str, Any], labels: dict[str, str]) -> str:
    """What a finding is about, to group a kind's findings: the speaker of an utterance, the slot
    or claim of a conflict, the report of a per-report finding."""
    d = finding.get("details") or {}
    for key in ("speaker", "slot", "term"):
        if isinstance(d.get(key), str) and d[key]:
            return str(d[key])
    if isinstance(d.get("article"), str):
        return labels.get(d["article"], str(d["article"]))
    if isinstance(d.get("articles"), list) and d["articles"]:
        return " & ".join(labels.get(a, str(a)) for a in d["articles"][:2])
    if isinstance(d.get("claim"), str):
        return f"claim {d['claim']}"
    return "other"


def _articles_of(finding: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for ev in finding.get("evidence") or []:
        seen[str(ev.get("article"))] = None
    return list(seen)


def _fidelity_of(fidelity: Any, article_id: str) -> str | None:
    """A report's fidelity to the primary source as a short text, whatever shape the dossier's
    "fidelity" takes: records under "reports" naming their "article" (with "score", "faithful" and
    "checkable"), or a mapping by report id; "primary source" for the primary itself."""
    value: Any = None
    if isinstance(fidelity, dict):
        primary = fidelity.get("primary")
        if isinstance(primary, dict) and primary.get("article") == article_id or primary == article_id:
            return "primary source"
        if article_id in fidelity:
            value = fidelity[article_id]
        elif isinstance(fidelity.get("reports"), dict | list):
            return _fidelity_of(fidelity["reports"], article_id)
    elif isinstance(fidelity, list):
        value = next((x for x in fidelity if isinstance(x, dict)
                      and article_id in (x.get("article"), x.get("id"), x.get("report"))), None)
    if value is None:
        return None
    if isinstance(value, dict):
        score = next((value[k] for k in ("score", "fidelity", "value") if isinstance(value.get(k), int | float)), None)
        parts = [f"{score:.2f}"] if score is not None else []
        if isinstance(value.get("faithful"), int) and isinstance(value.get("checkable"), int):
            parts.append(f"({value['faithful']} of {value['checkable']} faithful)" if value["checkable"]
                         else "(nothing to check)")
        parts += [str(value[k]) for k in ("verdict", "status") if isinstance(value.get(k), str)]
        return " ".join(parts) if parts else json.dumps(value, ensure_ascii=False)[:80]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:.2f}"
    return str(value)[:80]


def _fidelity_note(fidelity: Any) -> str | None:
    """The primary source the fidelity is measured against, where the record names one."""
    if isinstance(fidelity, dict):
        primary = fidelity.get("primary")
        if isinstance(primary, dict):
            name = primary.get("label") or primary.get("article")
            detected = " (detected)" if primary.get("detected") else ""
            return f"{name}{detected}" if name else None
        for key in ("primary", "source", "reference"):
            if isinstance(fidelity.get(key), str):
                return str(fidelity[key])
    return None


def ranked_summary(data: dict[str, Any]) -> list[str]:
    """The dossier's own "summary" lines when it has them (a text, a list of texts or of records)."""
    raw = data.get("summary")
    items: Iterable[Any]
    if isinstance(raw, str):
        items = [raw]
    elif isinstance(raw, list):
        items = raw
    elif isinstance(raw, dict):
        items = next((raw[k] for k in ("items", "lines", "points", "findings") if isinstance(raw.get(k), list)),
                     [v for v in raw.values() if isinstance(v, str)])
    else:
        return []
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            text = next((item[k] for k in ("summary", "text", "line", "title") if isinstance(item.get(k), str)), None)
            out.append(text if text is not None else json.dumps(item, ensure_ascii=False)[:200])
    return out[:12]


def _finding_filter(articles: list[dict[str, Any]], filters: dict[str, str]) -> Callable[[dict[str, Any]], bool]:
    """Whether a finding passes the page's filters (kind, outlet, language, severity)."""
    by_id = {a.get("id"): a for a in articles}

    def field_of(article_id: str, name: str) -> str:
        return str((by_id.get(article_id) or {}).get(name) or "")

    def keep(f: dict[str, Any]) -> bool:
        arts = _articles_of(f)
        sev = str((f.get("details") or {}).get("severity") or "")
        return ((not filters.get("kind") or f.get("kind") == filters["kind"])
                and (not filters.get("outlet") or any(field_of(a, "outlet") == filters["outlet"] for a in arts))
                and (not filters.get("lang") or any(field_of(a, "lang") == filters["lang"] for a in arts))
                and (not filters.get("severity") or sev == filters["severity"]))
    return keep


def _finding_card(index: int, f: dict[str, Any], articles: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """One finding as the page shows it, with the two reports to open side by side."""
    kind = str(f.get("kind"))
    arts = _articles_of(f)
    cols = [i for i, a in enumerate(articles) if a.get("id") in arts][:3]
    first = (f.get("evidence") or [{}])[0]
    first_col = next((c for c, i in enumerate(cols) if articles[i].get("id") == first.get("article")), 0)
    return {
        "index": index, "kind": kind, "summary": f.get("summary", ""), "score": f.get("score"),
        "severity": (f.get("details") or {}).get("severity"),
        "reports": [labels.get(a, a) for a in arts],
        "evidence": [{"report": labels.get(str(ev.get("article")), str(ev.get("article"))),
                      "sentence": ev.get("sentence"), "text": ev.get("text", "")}
                     for ev in (f.get("evidence") or [])[:6]],
        "more_evidence": max(0, len(f.get("evidence") or []) - 6),
        "compare": cols if len(cols) >= 2 else (cols + [i for i in range(len(articles)) if i not in cols])[:2],
        "anchor": f"c{first_col}-s{first.get('sentence', 0)}",
    }


def _finding_groups(findings: list[Any], articles: list[dict[str, Any]], labels: dict[str, str],
                    filters: dict[str, str], show_all: bool) -> tuple[list[dict[str, Any]], int]:
    """The filtered findings grouped by kind, then by topic, largest first; and how many are shown.
    Why grouped: a 60-report story has hundreds of findings, which only grouping makes readable."""
    keep = _finding_filter(articles, filters)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    shown = 0
    for index, f in enumerate(findings):
        if not isinstance(f, dict) or not keep(f):
            continue
        shown += 1
        groups.setdefault(str(f.get("kind")), {}).setdefault(finding_topic(f, labels), []).append(
            _finding_card(index, f, articles, labels))
    kinds = []
    for kind in sorted(groups, key=_kind_rank):
        topics: list[dict[str, Any]] = []
        for topic, items in groups[kind].items():
            items.sort(key=lambda x: -float(x["score"] or 0))
            topics.append({"topic": topic, "count": len(items), "findings": items if show_all else items[:SHOWN_PER_TOPIC],
                           "hidden": 0 if show_all else max(0, len(items) - SHOWN_PER_TOPIC)})
        topics.sort(key=lambda t: (-t["count"], t["topic"]))
        kinds.append({"kind": kind, "label": KIND_LABELS.get(kind, kind), "count": sum(t["count"] for t in topics),
                      "n_topics": len(topics), "topics": topics if show_all else topics[:SHOWN_TOPICS],
                      "hidden_topics": 0 if show_all else max(0, len(topics) - SHOWN_TOPICS)})
    return kinds, shown


def _report_rows(articles: list[dict[str, Any]], labels: dict[str, str], findings: list[Any],
                 keys_by_id: dict[str, str], fidelity: Any) -> list[dict[str, Any]]:
    """One row per report: what it is, how many findings name it, and its fidelity when scored."""
    per_report = Counter(a for f in findings if isinstance(f, dict) for a in _articles_of(f))
    return [{"index": i, "id": a.get("id"), "key": keys_by_id.get(str(a.get("id"))), "label": labels[str(a.get("id"))],
             "outlet": a.get("outlet"), "lang": a.get("lang"), "date": a.get("date"), "title": a.get("title"),
             "sentences": len(a.get("sentences") or []), "findings": per_report.get(str(a.get("id")), 0),
             "fidelity": _fidelity_of(fidelity, str(a.get("id"))) if fidelity is not None else None}
            for i, a in enumerate(articles)]


def _outlet_rows(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report rows added up per outlet, most reports first."""
    outlets: dict[str, dict[str, Any]] = {}
    for r in reports:
        o = outlets.setdefault(str(r["outlet"] or ""), {"outlet": r["outlet"] or "", "reports": 0, "findings": 0,
                                                         "languages": set()})
        o["reports"] += 1
        o["findings"] += r["findings"]
        if r["lang"]:
            o["languages"].add(r["lang"])
    return [{**o, "languages": sorted(o["languages"])}
            for o in sorted(outlets.values(), key=lambda o: (-o["reports"], o["outlet"]))]


def _story_summary(data: dict[str, Any], findings: list[Any], counts: Counter[str]) -> dict[str, Any]:
    """The head of the page: the same-story verdict, counts by kind and the five weightiest findings."""
    same = data.get("same_story") or {}
    top = sorted((f for f in findings if isinstance(f, dict) and f.get("kind") not in ("attribution", "unique_fact")),
                 key=lambda f: -(f.get("score") or 0))[:5]
    return {
        "same_story": same.get("summary"), "verdict": same.get("verdict"),
        "ranked": ranked_summary(data),
        "counts": [{"kind": k, "label": KIND_LABELS.get(k, k), "count": counts[k]} for k in sorted(counts, key=_kind_rank)],
        "findings": len(findings), "claims": len(data.get("claims") or []),
        "contested": sum(1 for c in data.get("claims") or [] if c.get("status") == "contested"),
        "top": [{"index": findings.index(f), "kind": f.get("kind"), "summary": f.get("summary", "")} for f in top],
    }


def story_page(story: dict[str, Any], data: dict[str, Any], keys_by_id: dict[str, str], *,
               filters: dict[str, str], compare: list[int], finding: int | None, show_all: bool) -> dict[str, Any]:
    """The story page: summary, findings grouped and filtered, per-report and per-outlet tables,
    timeline, and the reports picked in ``compare`` side by side."""
    articles = data.get("articles") or []
    labels = {str(a.get("id")): str(a.get("label") or a.get("id")) for a in articles}
    findings = data.get("findings") or []
    kinds, shown = _finding_groups(findings, articles, labels, filters, show_all)
    fidelity = data.get("fidelity")
    reports = _report_rows(articles, labels, findings, keys_by_id, fidelity)
    counts = Counter(str(f.get("kind")) for f in findings if isinstance(f, dict))
    severities = sorted({str((f.get("details") or {}).get("severity")) for f in findings
                         if isinstance(f, dict) and (f.get("details") or {}).get("severity")})
    return {
        "story": story,
        "summary": _story_summary(data, findings, counts),
        "filters": filters,
        "options": {"kind": [k for k in KIND_ORDER if counts.get(k)] + sorted(k for k in counts if k not in KIND_ORDER),
                    "outlet": sorted({str(a.get("outlet")) for a in articles if a.get("outlet")}),
                    "lang": sorted({str(a.get("lang")) for a in articles if a.get("lang")}),
                    "severity": severities},
        "shown": shown,
        "groups": kinds,
        "reports": reports,
        "has_fidelity": fidelity is not None,
        "fidelity_note": _fidelity_note(fidelity),
        "outlets": _outlet_rows(reports),
        "timeline": timeline(data, labels),
        "compare": side_by_side(data, compare, findings[finding] if finding is not None and 0 <= finding < len(findings) else None),
        "finding": finding,
        "method": {k: v for k, v in (data.get("method") or {}).items() if isinstance(v, str | int | float)},
        "not_compared": len((data.get("method") or {}).get("not_compared") or []),
    }


# --- timeline -----------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
WIDTH, ROW, PAD = 760, 14, 40


def _day(text: Any) -> dt.date | None:
    m = _ISO.match(str(text or ""))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def timeline(data: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """The timeline's events and an SVG chart's geometry: one dot per event on a date axis, events on
    the same day stacked, a bar for a period (drawn by the template: numbers only, no markup here)."""
    events: list[dict[str, Any]] = []
    days: dict[int, tuple[dt.date, dt.date]] = {}  # event index -> (first day, last day)
    for i, e in enumerate(data.get("timeline") or []):
        if not isinstance(e, dict):
            continue
        first = _day(e.get("date"))
        if first is not None:
            days[i] = (first, max(first, _day(e.get("end")) or first))
        events.append({"index": i, "date": str(e.get("date", "")), "end": e.get("end"), "text": str(e.get("text", "")),
                       "granularity": e.get("granularity"),
                       "sources": sorted({labels.get(str(s.get("article")), str(s.get("article")))
                                          for s in e.get("sources") or [] if isinstance(s, dict)})})
    points: list[dict[str, Any]] = []
    ticks: list[dict[str, Any]] = []
    height = 60
    if days:
        lo = min(first for first, _ in days.values())
        hi = max(first for first, _ in days.values())
        span = max(1, (hi - lo).days)
        scale = (WIDTH - 2 * PAD) / span
        stack: Counter[int] = Counter()
        for e in events:
            if e["index"] not in days:
                continue
            first, last = days[e["index"]]
            x = PAD + round((first - lo).days * scale) if hi != lo else WIDTH // 2
            stack[x] += 1
            width = min(WIDTH - PAD - x, round((last - first).days * scale)) if hi != lo else 0
            points.append({"x": x, "y": 20 + stack[x] * ROW, "index": e["index"], "width": max(0, width),
                           "label": f"{e['date']}: {e['text'][:120]}"})
        height = max(height, 40 + max(stack.values()) * ROW)
        ticks = [{"x": PAD if hi != lo else WIDTH // 2, "label": lo.isoformat()}]
        if hi != lo:
            ticks.append({"x": WIDTH - PAD, "label": hi.isoformat()})
    return {"events": events, "points": points, "ticks": ticks, "width": WIDTH, "height": height, "axis": 20}


# --- side by side -------------------------------------------------------------------------------

def side_by_side(data: dict[str, Any], picked: list[int], finding: dict[str, Any] | None) -> dict[str, Any] | None:
    """Two or three reports' sentences in columns: a sentence whose claim also appears in another
    shown report is marked aligned (with the claim's id), a sentence that is the picked finding's
    evidence is marked as such and given an anchor to scroll to."""
    articles = data.get("articles") or []
    cols = [i for i in dict.fromkeys(picked) if 0 <= i < len(articles)][:3]
    if len(cols) < 2:
        return None
    ids = [str(articles[i].get("id")) for i in cols]
    claim_of: dict[tuple[str, int], str] = {}
    claim_reports: dict[str, set[str]] = {}
    for claim in data.get("claims") or []:
        cid = str(claim.get("id"))
        for ev in claim.get("support") or []:
            art, sent = str(ev.get("article")), ev.get("sentence")
            if art in ids and isinstance(sent, int):
                claim_of[(art, sent)] = cid
                claim_reports.setdefault(cid, set()).add(art)
    evidence = {(str(ev.get("article")), ev.get("sentence")) for ev in (finding or {}).get("evidence") or []}
    columns = []
    for c, i in enumerate(cols):
        a = articles[i]
        aid = str(a.get("id"))
        sentences = []
        for s in a.get("sentences") or []:
            n = s.get("index")
            claim = claim_of.get((aid, n))
            sentences.append({"index": n, "text": s.get("text", ""), "anchor": f"c{c}-s{n}",
                              "claim": claim if claim and len(claim_reports.get(claim, ())) >= 2 else None,
                              "evidence": (aid, n) in evidence})
        columns.append({"index": i, "label": a.get("label") or aid, "outlet": a.get("outlet"), "lang": a.get("lang"),
                        "sentences": sentences})
    aligned = {cid for cid, reps in claim_reports.items() if len(reps) >= 2}
    return {"columns": columns, "picked": cols, "aligned_claims": len(aligned),
            "finding": (finding or {}).get("summary")}


# --- the report page ----------------------------------------------------------------------------

FACT_KINDS = (("quotes", "quote"), ("quantities", "quantity"), ("dates", "date"), ("names", "name"),
              ("attributions", "attribution"))


def marked_text(record: dict[str, Any]) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The report's text cut into runs, the runs that are facts marked with their kind (an
    overlapping fact inside a longer one is left unmarked), and the number of facts per kind."""
    text = str(record.get("text") or "")
    spans = []
    counts: Counter[str] = Counter()
    for attr, kind in FACT_KINDS:
        for fact in record.get(attr) or []:
            span = fact.get("span") if isinstance(fact, dict) else None
            if attr == "quotes" and fact.get("kind") == "mention":
                continue  # a quoted term or title: nobody's speech, not marked or counted as a quote
            if not (isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span)):
                continue
            start, end = span
            if 0 <= start < end <= len(text):
                counts[kind] += 1
                note = fact.get("speaker") or fact.get("normalized") or fact.get("value") or fact.get("canonical") or fact.get("source")
                spans.append((start, end, kind, f"{kind}: {note}" if note not in (None, "") else kind))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    runs: list[dict[str, Any]] = []
    at = 0
    for start, end, kind, note in spans:
        if start < at:
            continue
        if start > at:
            runs.append({"text": text[at:start], "kind": None})
        runs.append({"text": text[start:end], "kind": kind, "note": note})
        at = end
    if at < len(text):
        runs.append({"text": text[at:], "kind": None})
    return runs, counts


def _plain(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def relations(data: dict[str, Any] | None, article_id: str, outlet: str | None,
              keys_by_id: dict[str, str]) -> list[dict[str, Any]]:
    """Which reports of the story copy from this one or cite it (and which it copies), from the
    dossier's reuse and attribution findings."""
    if not data:
        return []
    labels = {str(a.get("id")): str(a.get("label") or a.get("id")) for a in data.get("articles") or []}
    out = []
    name = _plain(outlet or "")
    for f in data.get("findings") or []:
        d = f.get("details") or {}
        if f.get("kind") == "reuse" and article_id in (d.get("articles") or []):
            direction: dict[str, Any] = d["direction"] if isinstance(d.get("direction"), dict) else {}
            other = next((a for a in d.get("articles") or [] if a != article_id), None)
            if other is None:
                continue
            how = ("copies from this report" if direction.get("from") == article_id
                   else "this report copies from it" if direction.get("to") == article_id else "shares passages")
            out.append({"report": labels.get(other, other), "key": keys_by_id.get(other), "relation": how,
                        "summary": f.get("summary", "")})
        elif f.get("kind") == "attribution" and d.get("article") != article_id and len(name) >= 4:
            for source in d.get("sources") or []:
                s = _plain(str(source))
                if len(s) >= 4 and (s in name or name in s):
                    other = str(d.get("article"))
                    out.append({"report": labels.get(other, other), "key": keys_by_id.get(other),
                                "relation": f"cites it ({source})", "summary": f.get("summary", "")})
                    break
    return out
