"""Score quote extraction and speaker attribution; report extraction coverage on the dev corpus and seeds.

    .venv/bin/python -m eval extraction [--fixtures PATH] [--corpus PATH] [--seeds DIR] [--errors]

Three parts:
1. Hand-labelled fixtures (tests/fixtures/quotes/*.jsonl, invented reports): quote detection
   precision/recall/F1 by span overlap, per kind, and speaker accuracy on the matched quotes.
   Kind "mention" (a quoted term, title or scare quote of 1-3 words that nobody is said to say:
   the so-called “green corridor”) is scored as its own kind; "all" is speech only (direct and
   indirect), so a mention is neither a hit nor a miss there.
2. The dev corpus has no quote labels: it reports counts and coverage only (quotes found, share with a
   speaker, names/quantities/dates per language). These are not accuracy figures.
3. The two seed reports: the same counts, article by article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from storyline.analyze import analyze
from storyline.analyze.names import find_names
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.model import Article

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "quotes"
# quotes.jsonl was written alongside the code, so its scores are optimistic. holdout.jsonl,
# holdout2.jsonl and holdout3.jsonl were each written later and scored once before any change for them:
#   holdout  first score: direct F1 1.000, indirect recall 0.556, speaker accuracy 0.562 (18/32)
#   holdout2 first score: direct F1 1.000, indirect recall 0.583, speaker accuracy 0.739 (17/23)
#   holdout3 first score: direct F1 1.000, indirect recall 0.857, speaker accuracy 0.727 (16/22;
#                         English 11/12, es/fr/de 5/10)
# The code has since been fixed on those, so they now measure regressions, not accuracy on unseen text.
# holdout4.jsonl was written last and has NOT been tuned on: its scores are the honest ones.
#   holdout4 first score: direct F1 1.000, indirect recall 0.800, speaker accuracy 0.737 (14/19), and every
#                   miss is a missing speaker, none a wrong one (speaker precision 14/14)
# holdout5.jsonl (28 quotes, 25 of them es/fr/de) was written before the es/fr/de speaker fixes and scored
# once before any change for it:
#   holdout5 first score: direct F1 0.952 (2 dialogue-dash quotes missed), indirect F1 1.000, speaker
#                         accuracy 0.500 (13/26), speaker precision 0.619 (13/21: German roles kept in
#                         the name, "Angeles", a quote handed the previous speaker)
# Those fixes were then made with holdout5 in view, and holdout4 was fixed further (0.737 -> 0.895), so
# neither is unseen any more: write holdout6 for an honest figure.
# holdout6.jsonl (11 reports, 57 quotes: 33 en, 24 es/fr/de/it) was written blind (no look at analyze/) and
# scored once, at commit 405c915, with no change made for it:
#   holdout6 first score: direct P 0.971 R 0.919 F1 0.944, indirect P 1.000 R 0.600 F1 0.750, speaker
#                         accuracy 0.818 (36/44), speaker precision 0.923 (36/39); en 21/25, es/fr/de/it 15/19.
#                         Misses: 'according to'/Según/Selon/Nach Angaben/Secondo indirect speech, Q&A
#                         answers, a Spanish dialogue-dash quote; wrong: surname-only 'Mensah' (x2), an
#                         organisation for a person introduced by role and named later.
# scripts.jsonl (7 reports: hi, ur, ar, bn, mr, gu) was written to build scriptspeech.py on (tuned); before
# any change it scored direct F1 1.000, indirect 0/8, speaker 0/9. scripts-holdout.jsonl (9 reports: the six
# scripts plus es, fr, de) was written at the same time, scored before the change (direct F1 1.000, indirect
# recall 0.250, speaker 5/13), never looked at while building, and scored once after:
#   scripts-holdout first score: direct F1 1.000, indirect P 1.000 R 0.875, speaker accuracy 0.944 (17/18).
#   Misses: an Arabic title with a non-article word ("المتحدث باسم الحكومة يوسف الشامي" kept "باسم" in the
#   name); a French "Selon la maire, Sophie Renaud, ..." indirect quote.
# Mentions (issue 11): five gold items labelled direct, partial, with no speaker were relabelled kind
# "mention" by reading them (not from the extractor's output): "Waters Rising" (holdout, a report's
# title), "Orbit X" (holdout3, a product name), "efficiency dividend" (holdout6, a so-called term),
# "green corridor" and "Silent River" (tuned, a so-called term and a film title). The 5-word
# "curse of the north stand" (holdout6) stays direct: 4 words and more are never mentions.
# Fixtures are scored as analyze() reads them: with names.py's mentions (places, organisations) behind
# the speaker resolver. (Until holdout5 they were scored with no mentions; holdout5's first score, 13/26,
# was taken that way; with mentions that code scored 14/26.)
FIXTURE_SETS = {
    "tuned": FIXTURES / "quotes.jsonl",
    "holdout": FIXTURES / "holdout.jsonl",
    "holdout2": FIXTURES / "holdout2.jsonl",
    "holdout3": FIXTURES / "holdout3.jsonl",
    "holdout4": FIXTURES / "holdout4.jsonl",
    "holdout5": FIXTURES / "holdout5.jsonl",
    "holdout6": FIXTURES / "holdout6.jsonl",
    "scripts": FIXTURES / "scripts.jsonl",
    "scripts-holdout": FIXTURES / "scripts-holdout.jsonl",
}
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "dev" / "articles.jsonl"
SEEDS = SHARED / "seeds"
MIN_OVERLAP = 0.5  # intersection over the longer of the two spans
SPEECH_KINDS = ("direct", "indirect")  # what "all" adds up
KINDS = (*SPEECH_KINDS, "mention")


_LEADING_ARTICLE = re.compile(r"^(?:(?:the|a|an|der|die|das|le|la|les|el|los|las)\s+|l')", re.I)


def norm_speaker(s: str | None) -> str | None:
    """Compare speakers without case, apostrophe style or a leading article ("Der Verband" = "Verband")."""
    if s is None:
        return None
    s = " ".join(s.replace("’", "'").split()).lower()
    return _LEADING_ARTICLE.sub("", s)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def load_fixtures(path: Path = FIXTURE_SETS["tuned"]) -> list[dict]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    docs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    docs.append(json.loads(line))
    for d in docs:
        for q in d["quotes"]:
            start = d["text"].find(q["text"])
            if start < 0:
                raise ValueError(f"fixture {d['id']}: quote not in text: {q['text'][:40]!r}")
            q["span"] = (start, start + len(q["text"]))
    return docs


def score_fixtures(path: Path = FIXTURE_SETS["tuned"]) -> dict:
    """Precision/recall/F1 (direct, indirect, all), speaker and partial accuracy, and the misses."""
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    spk_ok = spk_n = spk_given = part_ok = part_n = none_ok = none_n = 0
    errors: list[str] = []
    docs = load_fixtures(path)
    for d in docs:
        text = d["text"]
        sents = split_sentences(text)
        pred = find_quotes(text, sents, find_names(text, sents, lang=d.get("lang")), lang=d.get("lang"))
        used: set[int] = set()
        for g in d["quotes"]:
            best, best_ov = None, 0.0
            for k, p in enumerate(pred):
                if k in used or p.kind != g["kind"]:
                    continue
                ov = overlap(tuple(p.span), g["span"])
                if ov >= MIN_OVERLAP and ov > best_ov:
                    best, best_ov = k, ov
            if best is None:
                counts[g["kind"]]["fn"] += 1
                errors.append(f"{d['id']}: missed {g['kind']} {g['text'][:60]!r}")
                continue
            used.add(best)
            p = pred[best]
            counts[g["kind"]]["tp"] += 1
            if g["speaker"] is None:
                none_n += 1
                none_ok += p.speaker is None
                if p.speaker is not None:
                    errors.append(f"{d['id']}: invented speaker {p.speaker!r} for {g['text'][:40]!r}")
            else:
                spk_n += 1
                spk_given += p.speaker is not None
                if norm_speaker(p.speaker) == norm_speaker(g["speaker"]):
                    spk_ok += 1
                else:
                    errors.append(f"{d['id']}: speaker {p.speaker!r} != {g['speaker']!r} for {g['text'][:40]!r}")
            if g["kind"] == "direct":
                part_n += 1
                part_ok += p.partial == g["partial"]
                if p.partial != g["partial"]:
                    errors.append(f"{d['id']}: partial={p.partial} for {g['text'][:40]!r}")
        for k, p in enumerate(pred):
            if k not in used:
                counts[p.kind]["fp"] += 1
                errors.append(f"{d['id']}: extra {p.kind} {p.text[:60]!r} ({p.speaker})")
    out: dict = {"documents": len(docs), "errors": errors}
    total = {"tp": 0, "fp": 0, "fn": 0}
    for kind, c in counts.items():
        out[kind] = _prf(c)
        if kind in SPEECH_KINDS:
            for k in total:
                total[k] += c[k]
    out["all"] = _prf(total)
    out["speaker_accuracy"] = spk_ok / spk_n if spk_n else 0.0
    out["speaker_n"] = spk_n
    # of the quotes where a speaker was named, how many named the right one (wrong beats missing in harm)
    out["speaker_precision"] = spk_ok / spk_given if spk_given else 1.0
    out["no_speaker_accuracy"] = none_ok / none_n if none_n else 1.0
    out["no_speaker_n"] = none_n
    out["partial_accuracy"] = part_ok / part_n if part_n else 0.0
    return out


def _prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": c["tp"] + c["fn"], "found": c["tp"] + c["fp"]}


def coverage(articles: list[Article]) -> dict[str, dict]:
    """Per-language counts of what extraction found: no gold, so these are counts, not accuracy."""
    rows: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    for a in articles:
        for key in (a.lang or "?", "all"):
            r = rows[key]
            r["articles"] += 1
            direct = [q for q in a.quotes if q.kind == "direct"]
            r["direct"] += len(direct)
            r["direct_speaker"] += sum(q.speaker is not None for q in direct)
            r["indirect"] += sum(q.kind == "indirect" for q in a.quotes)
            r["attributions"] += len(a.attributions)
            r["names"] += len(a.names)
            r["quantities"] += len(a.quantities)
            r["dates"] += len(a.dates)
    return rows


def _analyze_rows(rows: list[dict]) -> tuple[list[Article], list[str]]:
    done, failed = [], []
    for n, row in enumerate(rows, 1):
        try:
            art = Article(id=str(row.get("id") or n), text=row.get("text") or "", lang=row.get("lang"),
                          date=row.get("date"))
            done.append(analyze(art))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the report
            failed.append(f"{row.get('id', n)}: {type(exc).__name__}: {exc}")
    return done, failed


def _read_articles(inputs: list[str]) -> list[Article]:
    from storyline.read import read

    return [a for a in read(inputs) if isinstance(a, Article)]


def _table(title: str, header: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in r] for r in [header] + rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [title]
    for k, r in enumerate(cells):
        lines.append("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _coverage_rows(cov: dict[str, dict]) -> list[list]:
    keys = sorted((k for k in cov if k != "all"), key=lambda k: (-cov[k]["articles"], k)) + ["all"]
    out = []
    for k in keys:
        r = cov[k]
        share = f"{r['direct_speaker'] / r['direct']:.0%}" if r["direct"] else "-"
        out.append([k, r["articles"], r["direct"], share, r["indirect"], r["attributions"], r["names"],
                    r["quantities"], r["dates"]])
    return out


COV_HEADER = ["lang", "articles", "direct", "w/ speaker", "indirect", "attrib", "names", "quantities", "dates"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval extraction", description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", type=Path, default=None, help="score this JSONL instead of the built-in sets")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--errors", action="store_true", help="list every miss, extra and wrong speaker")
    ap.add_argument("--json", action="store_true", help="print the fixture scores as JSON")
    args = ap.parse_args(argv)

    sets = {"given": args.fixtures} if args.fixtures else FIXTURE_SETS
    scores = {name: score_fixtures(path) for name, path in sets.items() if path.exists()}
    if args.json:
        print(json.dumps({n: {k: v for k, v in s.items() if k != "errors"} for n, s in scores.items()}, indent=2))
        return 0
    rows = []
    for name, s in scores.items():
        for kind in (*KINDS, "all"):
            m = s[kind]
            if kind == "mention" and not m["gold"] and not m["found"]:
                continue  # no mentions labelled or found: nothing to score
            rows.append([f"{name}/{kind}", m["gold"], m["found"], f"{m['precision']:.3f}", f"{m['recall']:.3f}",
                         f"{m['f1']:.3f}", f"{s['speaker_accuracy']:.3f}" if kind == "all" else "",
                         f"{s['partial_accuracy']:.3f}" if kind == "all" else ""])
    docs = ", ".join(f"{n}: {s['documents']} reports" for n, s in scores.items())
    print(_table(f"Quotes on hand-labelled fixtures ({docs}; match: span overlap >= {MIN_OVERLAP})",
                 ["set/kind", "gold", "found", "precision", "recall", "F1", "speaker acc", "partial acc"], rows))
    for name, s in scores.items():
        print(f"{name}: speaker accuracy on {s['speaker_n']} matched quotes with a labelled speaker; "
              f"right when one is named: {s['speaker_precision']:.3f}; "
              f"no speaker invented for {s['no_speaker_accuracy']:.0%} of {s['no_speaker_n']} unattributed; "
              f"{len(s['errors'])} errors")
        if args.errors:
            print("\n".join("  " + e for e in s["errors"]) or "  (no errors)")
    if not args.errors:
        print("(--errors lists every miss, extra and wrong speaker)")

    if args.corpus.is_file():
        with open(args.corpus, encoding="utf-8") as fh:
            raw = [json.loads(line) for line in fh if line.strip()]
        try:
            arts = _read_articles([str(args.corpus)])
            how = "read with storyline.read (cleaned)"
        except Exception:  # noqa: BLE001 - fall back to raw text if the reader is broken
            arts, how = [], "raw text"
        if not arts:
            arts, failed = _analyze_rows(raw)
        else:
            arts, failed = _analyze_rows([a.to_dict() | {"lang": a.lang or None} for a in arts])
        print()
        print(_table(f"Dev corpus {args.corpus.name}: {len(arts)} reports, {how}. NO GOLD: counts only",
                     COV_HEADER, _coverage_rows(coverage(arts))))
        for f in failed:
            print("  failed:", f)
    else:
        print(f"\n(dev corpus not found at {args.corpus}: skipped)")

    if args.seeds.is_dir():
        arts = [analyze(a) for a in _read_articles([str(args.seeds)])]
        rows = []
        for a in arts:
            direct = [q for q in a.quotes if q.kind == "direct"]
            speakers = sorted({q.speaker for q in direct if q.speaker})
            rows.append([Path(a.id).name[:12], len(direct), sum(q.speaker is not None for q in direct),
                         sum(q.kind == "indirect" for q in a.quotes), len(a.attributions), "; ".join(speakers)])
        print()
        print(_table("Seed reports", ["seed", "direct", "w/ speaker", "indirect", "attrib", "speakers"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
