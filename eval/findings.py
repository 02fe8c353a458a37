"""Score ``compare``'s findings on the labelled dev corpus against the differences noted in GOLD.md.

    .venv/bin/python -m eval findings [CORPUS.jsonl] [--gold eval/gold_findings.json] [--sample N] [--json] [--method M]
    .venv/bin/python -m eval findings --draw N --seed S   # a seeded random sample of unlabelled findings

Runs compare (lexical unless --method says otherwise) on each labelled story, matches findings to the hand-encoded differences in
eval/gold_findings.json and prints, per kind, recall beside precision
on hand-labelled findings (eval/finding_labels.json: true, harmless or false, keyed by kind and evidence
sentences), the share of conflict/variant findings that match a gold item (a lower bound, GOLD.md is not
exhaustive) and the first N findings per story for a hand check. It also checks
the same-story verdicts: every labelled story should read as one story, and a report from a
hard-negative story added to it should be named as an outlier.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from storyline.lang.numbers import ENGLISH_ORDINALS, NUMBER_WORDS, parse_number_any_language

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[0].parent / "shared" / "corpus" / "dev" / "articles.jsonl"
DEFAULT_GOLD = HERE / "gold_findings.json"
DEFAULT_LABELS = HERE / "finding_labels.json"
LABELS = ("true", "harmless", "false")
CHECKED_KINDS = ("quote_variant", "number_conflict", "date_conflict", "place_conflict", "name_variant",
                 "suspect_term", "reuse")
# The number words the gold findings are written with: "first" .. "eighth", "four" .. "eight".
WORD_NUMBERS = {w: v for w, v in ENGLISH_ORDINALS.items() if v <= 8} | {
    w: v for w, v in NUMBER_WORDS["en"].items() if 4 <= v <= 8
}


def numbers(text: str) -> set[float]:
    out = set()
    for raw in re.findall(r"\d+(?:[.,]\d+)*", text):
        value = parse_number_any_language(raw)
        if value is not None:
            out.add(round(value, 4))
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in WORD_NUMBERS:
            out.add(float(WORD_NUMBERS[word]))
    return out


def _articles_ok(item: dict, found: set[str], story_ids: set[str]) -> bool:
    named = [a for a in item["articles"] if a != "*"]
    pool = set(story_ids) if "*" in item["articles"] else set(named)
    hits = found & pool
    if "*" in item["articles"] and named and not (set(named) & found):
        return False
    return len(hits) >= 2


def matches(item: dict, finding: dict, story_ids: set[str]) -> bool:
    if finding["kind"] not in item["kind"]:
        return False
    kind = finding["kind"]
    details = finding["details"]
    found = {ev["article"] for ev in finding["evidence"]}
    if kind == "unique_fact":
        return details.get("article") in item["articles"] and item["needle"] in finding["evidence"][0]["text"]
    if kind == "attribution":
        return details.get("article") in item["articles"] and any(
            re.search(item["source"], s) for s in details.get("sources", []))
    if kind == "suspect_term":
        term = details.get("term", "")
        wanted = item.get("term") or (item.get("values") or [""])[0]
        return term == wanted and details.get("article") in item["articles"]
    if kind == "reuse":
        return len(set(details.get("articles", [])) & set(item["articles"])) == 2
    if kind == "quote_variant":
        return _articles_ok(item, found, story_ids) and item["speaker"].lower() in (details.get("speaker") or "").lower()
    if kind == "name_variant":
        keys = list(details.get("variants", {}))
        return all(any(re.search(rf"\b{re.escape(v)}\b", k) for k in keys) for v in item["values"]) and \
            _articles_ok(item, found, story_ids)
    if not _articles_ok(item, found, story_ids):
        return False
    keys = " | ".join(details.get("values", {}))
    if kind == "number_conflict":
        have = numbers(keys)
        wanted = [numbers(v) for v in item["values"]]
        return sum(1 for w in wanted if w & have) >= 2
    hay = keys.lower()
    return sum(1 for v in item["values"] if v.lower() in hay) >= 2


def finding_key(finding: dict[str, Any]) -> str:
    """A key that survives rewording of the summary: the kind and the evidence sentences it points at."""
    evidence = sorted({(ev["article"], ev["sentence"]) for ev in finding["evidence"]})
    return str(finding["kind"]) + ":" + ";".join(f"{article}#{sentence}" for article, sentence in evidence)


def _precision_figures(counts: Counter[str]) -> dict[str, Any]:
    true, harmless, false = (counts[label] for label in LABELS)
    found = true + harmless + false
    return {"labelled": counts["labelled"], "found": found, "gone": counts["labelled"] - found,
            "true": true, "harmless": harmless, "false": false,
            "precision": round(true / (true + false), 3) if true + false else None,
            "useful": round((true + harmless) / found, 3) if found else None}


def precision(findings_by_story: dict[str, list[dict[str, Any]]], labels: list[dict[str, Any]]) -> dict[str, Any]:
    """Score today's findings against hand labels (eval/finding_labels.json).

    GOLD.md lists differences, not wrong findings, so it gives recall only; the labels say, for findings
    seen once, whether each was a real difference, harmless or wrong. A label whose finding no longer
    appears is "gone", not an error: the checker may have dropped it for good reason.
    """
    current = {(story, finding_key(f)): f["kind"] for story, fs in findings_by_story.items() for f in fs}
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for label in labels:
        for kind in (label["kind"], "all"):
            per_kind[kind]["labelled"] += 1
            if (label["story"], label["key"]) in current:
                per_kind[kind][label["label"]] += 1
    labelled = {(label["story"], label["key"]) for label in labels}
    unlabelled = Counter(kind for key, kind in current.items() if key not in labelled)
    return {"overall": _precision_figures(per_kind.pop("all", Counter())),
            "per_kind": {kind: _precision_figures(c) for kind, c in sorted(per_kind.items())},
            "unlabelled": sum(unlabelled.values()), "unlabelled_per_kind": dict(sorted(unlabelled.items()))}


def run(corpus: Path, gold_path: Path, sample: int, method: str = "lexical",
        labels_path: Path = DEFAULT_LABELS) -> dict:
    from storyline.check import compare
    from storyline.model import Article
    from storyline.pipeline import extract

    started = time.perf_counter()
    articles = [a for a in extract([str(corpus)]) if isinstance(a, Article)]
    by_story: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_story[a.meta.get("story", "?")].append(a)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["items"]
    findings_by_story = {}
    verdicts = {}
    for story, arts in sorted(by_story.items()):
        if len(arts) < 2:
            continue
        d = compare(arts, method=method).to_dict()
        findings_by_story[story] = d["findings"]
        verdicts[story] = d["same_story"]
    elapsed = time.perf_counter() - started

    per_kind = defaultdict(lambda: [0, 0])
    missed = []
    matched_findings: set[tuple[str, int]] = set()
    for item in gold:
        story = item["story"]
        ids = {a.id for a in by_story.get(story, [])}
        hit = False
        for i, f in enumerate(findings_by_story.get(story, [])):
            if matches(item, f, ids):
                hit = True
                matched_findings.add((story, i))
        kind = item["kind"][0]
        per_kind[kind][1] += 1
        per_kind[kind][0] += int(hit)
        if not hit:
            missed.append(item)
    checked = [(s, i) for s, fs in findings_by_story.items() for i, f in enumerate(fs) if f["kind"] in CHECKED_KINDS]
    matched_checked = sum(1 for key in checked if key in matched_findings)
    counts = Counter(f["kind"] for fs in findings_by_story.values() for f in fs)
    same = sum(1 for v in verdicts.values() if v["verdict"] == "yes")
    return {
        "recall": sum(h for h, _ in per_kind.values()) / max(1, sum(t for _, t in per_kind.values())),
        "per_kind": {k: {"found": h, "gold": t, "recall": round(h / t, 3)} for k, (h, t) in sorted(per_kind.items())},
        "checked_findings": len(checked),
        "checked_matching_gold": matched_checked,
        "finding_counts": dict(counts),
        "same_story_yes": same,
        "stories": len(verdicts),
        "hard_negatives": _hard_negatives(by_story, compare),
        "labels": precision(findings_by_story, json.loads(labels_path.read_text(encoding="utf-8"))),
        "seconds": round(elapsed, 2),
        "missed": [f"{m['story']}: {'/'.join(m['kind'])} {m.get('note', '')}" for m in missed],
        "sample": {s: [f"[{f['kind']}] {f['summary'][:200]}" for f in fs if f["kind"] in CHECKED_KINDS][:sample]
                   for s, fs in findings_by_story.items()},
        "findings": findings_by_story,
    }


def draw(findings_by_story: dict[str, list[dict[str, Any]]], labels: list[dict[str, Any]], n: int,
         seed: int) -> list[dict[str, Any]]:
    """A seeded random sample of the findings no label covers, to be judged by hand before any change
    it could flatter: ``random.Random(seed).sample`` of the unlabelled findings sorted by story and key,
    so that the same code, labels and seed always draw the same findings."""
    labelled = {(label["story"], label["key"]) for label in labels}
    pool = sorted({(story, finding_key(f)): f for story, fs in findings_by_story.items() for f in fs
                   if (story, finding_key(f)) not in labelled}.items())
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return [{"story": story, "kind": f["kind"], "key": key, "summary": f["summary"],
             "evidence": [f"{ev['article']}#{ev['sentence']}: {ev['text']}" for ev in f["evidence"]]}
            for (story, key), f in sorted(chosen, key=lambda item: item[0])]


def _hard_negatives(by_story, compare) -> dict:
    """Add the first report of a hard-negative story to a story: is it named as an outlier?"""
    pairs = []
    labels = sorted(by_story)
    for a in labels:
        for b in labels:
            if a == b or len(by_story[a]) < 3:
                continue
            if a.rsplit("-", 3)[0].split("-")[0] == b.rsplit("-", 3)[0].split("-")[0]:
                pairs.append((a, b))
    named = 0
    for a, b in pairs:
        d = compare(by_story[a] + by_story[b][:1], method="lexical")
        if by_story[b][0].id in [o["article"] for o in d.same_story["outliers"]]:
            named += 1
    return {"pairs": len(pairs), "intruder_named": named}


def _print_precision(labels: dict[str, Any]) -> None:
    overall = labels["overall"]
    print(f"precision on hand-labelled findings: {_ratio(overall['precision'])} true/(true+false); "
          f"{_ratio(overall['useful'])} true or harmless; labelled findings found {overall['found']}/"
          f"{overall['labelled']} ({overall['gone']} gone); {labels['unlabelled']} current findings unlabelled")


def _print_per_kind(recall: dict[str, Any], labels: dict[str, Any]) -> None:
    """One line per kind: recall against GOLD.md beside precision on the hand labels."""
    print(f"  {'kind':<16} {'recall':>12}  {'precision':>9} (labelled found: true harmless false)  useful  gone  unlabelled")
    for kind in sorted(set(recall) | set(labels["per_kind"])):
        r = recall.get(kind)
        shown = f"{r['found']:>3}/{r['gold']:<3} {r['recall']:.2f}" if r else f"{'-':>12}"
        v = labels["per_kind"].get(kind)
        if v is None:
            print(f"  {kind:<16} {shown:>12}  {'n/a':>9}")
            continue
        print(f"  {kind:<16} {shown:>12}  {_ratio(v['precision']):>9} ({v['found']:>3}/{v['labelled']:<3}: "
              f"{v['true']:>3} {v['harmless']:>3} {v['false']:>3})       {_ratio(v['useful'])}  {v['gone']:>4}  "
              f"{labels['unlabelled_per_kind'].get(kind, 0):>10}")


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval findings", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS,
                        help="hand labels of findings (true/harmless/false) for precision")
    parser.add_argument("--sample", type=int, default=3, help="findings per story to print for a hand check")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--draw", type=int, default=0,
                        help="print a seeded random sample of N unlabelled findings (as JSON) to label by hand")
    parser.add_argument("--seed", type=int, default=0, help="the seed of --draw")
    parser.add_argument("--method", default="lexical", choices=("lexical", "embeddings", "auto"),
                        help="sentence similarity compare uses (default lexical, the gated figure)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"eval findings: corpus not found: {args.corpus} (pass the path to articles.jsonl)", file=sys.stderr)
        return 2
    result = run(args.corpus, args.gold, args.sample, args.method, args.labels)
    findings = result.pop("findings")
    if args.draw:
        labels = json.loads(args.labels.read_text(encoding="utf-8"))
        print(json.dumps(draw(findings, labels, args.draw, args.seed), ensure_ascii=False, indent=1))
        return 0
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"findings recall vs GOLD.md: {result['recall']:.3f} "
          f"({sum(v['found'] for v in result['per_kind'].values())}/{sum(v['gold'] for v in result['per_kind'].values())})")
    _print_precision(result["labels"])
    _print_per_kind(result["per_kind"], result["labels"])
    print(f"conflict/variant findings matching a gold difference: {result['checked_matching_gold']}/"
          f"{result['checked_findings']} (a lower bound on precision: GOLD.md is not exhaustive)")
    print(f"findings per kind: {json.dumps(result['finding_counts'], sort_keys=True)}")
    print(f"same-story verdict 'yes': {result['same_story_yes']}/{result['stories']} labelled stories; "
          f"hard-negative intruder named: {result['hard_negatives']['intruder_named']}/{result['hard_negatives']['pairs']}")
    print(f"time: {result['seconds']} s")
    print("missed:")
    for m in result["missed"]:
        print(f"  - {m}")
    print(f"precision sample (first {args.sample} conflict/variant findings per story; check by hand):")
    for story, lines in result["sample"].items():
        for line in lines:
            print(f"  {story}: {line}")
    return 0
