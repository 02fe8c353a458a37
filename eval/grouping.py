"""Score story grouping on a labelled JSONL corpus (each line has a ``story`` label).

    .venv/bin/python -m eval grouping [CORPUS.jsonl] [--gold GOLD.md] [--json] [--halves] [--audit-tags] [--lone]
                                      [--method auto|lexical|semantic]

Prints B-cubed and pairwise precision/recall/F1, which hard-negative pairs (from the ``↔`` lines of
GOLD.md next to the corpus) were merged, and which multi-language stories were split. On the dev
corpus it then prints ECB+ topics 1-35 and the learned pair model's out-of-fold figures on dev, ECB+
and SemEval-2022 Task 8 (eval/grouping_learned.py; --no-learned skips them).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.lang.unionfind import components

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev" / "articles.jsonl"


def load_labels(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Article id -> story label, and article id -> language, straight from the JSONL."""
    labels: dict[str, str] = {}
    langs: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            aid = str(row.get("id") or f"{path}:{n}")
            labels[aid] = row["story"]
            langs[aid] = row.get("lang") or "?"
    return labels, langs


def load_articles(path: Path):
    """The articles as storyline reads them (the JSONL reader), falling back to a direct load
    while the reader is unavailable."""
    from storyline.model import Article

    try:
        from storyline.read import read

        out = [a for a in read([str(path)]) if isinstance(a, Article)]
        if out:
            return out
    except NotImplementedError:
        pass
    arts = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                arts.append(Article(id=str(row.get("id") or f"{path}:{n}"), text=row.get("text") or "",
                                    source=f"{path}:{n}", url=row.get("url"), title=row.get("title"),
                                    outlet=row.get("outlet"), date=row.get("date"), lang=row.get("lang")))
    return arts


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for a, c in pred.items():
        pc[c].add(a)
    for a, c in gold.items():
        gc[c].add(a)
    ids = list(gold)
    p = r = 0.0
    for a in ids:
        same_pred = pc[pred[a]]
        same_gold = gc[gold[a]]
        inter = len(same_pred & same_gold)
        p += inter / len(same_pred)
        r += inter / len(same_gold)
    p /= len(ids)
    r /= len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(lab: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for a, c in lab.items():
            groups[c].append(a)
        return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}

    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hard_negative_pairs(gold_md: Path, labels: set[str]) -> list[tuple[str, str]]:
    """Label pairs from the ``a ↔ b ↔ c`` lines of the GOLD notes; ``-2024-08-22`` abbreviates the
    first label with its date suffix replaced."""
    out: set[tuple[str, str]] = set()
    if not gold_md.is_file():
        return []
    for line in gold_md.read_text(encoding="utf-8").splitlines():
        if "↔" not in line:
            continue
        parts = [p.strip(" -*`") if not p.strip().startswith("-") else p.strip() for p in
                 line.lstrip("- ").split("↔")]
        parts = [p.split(" (")[0].strip() for p in parts]
        resolved: list[str] = []
        for p in parts:
            if p in labels:
                resolved.append(p)
            elif p.startswith("-") and resolved:
                stem = resolved[0]
                cands = sorted(lab for lab in labels if lab.endswith(p) and lab[:8] == stem[:8])
                if cands:
                    resolved.append(cands[0])
        for a, b in itertools.combinations(resolved, 2):
            out.add(tuple(sorted((a, b))))
    return sorted(out)


def tfidf_vectors(feats) -> list[dict[str, float]]:
    """Unit vectors of (1 + log count) x IDF over words only: the plain TF-IDF reference."""
    import math

    from storyline.group.similarity import document_frequency, idf

    df = document_frequency(feats)
    vecs = []
    for f in feats:
        v = {t: (1 + math.log(c)) * idf(df, len(feats), t) for t, c in f.tokens.items() if t.startswith("w:")}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    return vecs


def sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two sparse vectors (the cosine of two ``tfidf_vectors``)."""
    if len(a) >= len(b):
        a, b = b, a
    return sum(x * b[t] for t, x in a.items() if t in b)


def tfidf_baseline(articles, gold: dict[str, str]) -> dict:
    """Reference point measured in the same run: TF-IDF cosine over words only, no dates, average
    link over all pairs, with the threshold picked on the labels themselves (an upper bound for it)."""
    from storyline.group.cluster import average_link
    from storyline.group.features import extract

    arts = sorted((a for a in articles if a.id in gold), key=lambda a: a.id)
    vecs = tfidf_vectors([extract(a) for a in arts])
    edges = {}
    for i in range(len(vecs)):
        for j in range(i + 1, len(vecs)):
            sim = sparse_dot(vecs[i], vecs[j])
            if sim > 0:
                edges[(i, j)] = sim
    best = {"f1": -1.0}
    for k in range(2, 40):
        thr = k / 50
        clusters = average_link(len(arts), edges, thr)
        pred = {arts[m].id: str(c) for c, members in enumerate(clusters) for m in members}
        p, r, f = bcubed(pred, {a: gold[a] for a in pred})
        if f > best["f1"]:
            best = {"threshold": thr, "precision": p, "recall": r, "f1": f}
    return best


def families(labels: set[str], hard_negatives: list[tuple[str, str]]) -> list[list[str]]:
    """Story labels joined by hard-negative pairs (the rate decisions of one bank, the eruptions of
    one volcano), so a split into halves never puts one event's hard negative on the other side."""
    return components(labels, hard_negatives)


def halves(corpus: Path, gold_md: Path | None = None, *, method: str = "lexical") -> dict:
    """B-cubed F1 on two halves of the story families, with the instance tags on and off.

    The thresholds were not re-tuned for the tags; the halves show whether a gain is spread over
    families or comes from a few (each half is grouped on its own, as a separate corpus would be)."""
    from storyline.group import group

    labels, _ = load_labels(corpus)
    articles = [a for a in load_articles(corpus) if a.id in labels]
    hn = hard_negative_pairs(gold_md or corpus.parent / "GOLD.md", set(labels.values()))
    fams = families(set(labels.values()), hn)
    split = {lab: i % 2 for i, fam in enumerate(fams) for lab in fam}
    out = {}
    for half in (0, 1):
        arts = [a for a in articles if split[labels[a.id]] == half]
        pairs = [p for p in hn if split[p[0]] == half]
        row = {"families": sum(1 for i in range(len(fams)) if i % 2 == half), "articles": len(arts)}
        for name, on in (("tags", True), ("no_tags", False)):
            pred = {aid: s.id for s in group(arts, instance_tags=on, method=method) for aid in s.articles}
            gold = {a: labels[a] for a in pred}
            merged = sum(1 for a, b in pairs if {pred[x] for x in gold if gold[x] == a}
                         & {pred[x] for x in gold if gold[x] == b})
            row[name] = {"bcubed_f1": bcubed(pred, gold)[2], "hard_negatives_merged": merged,
                         "hard_negative_pairs": len(pairs)}
        out[f"half{half}"] = row
    return out


def lone_reports(corpus: Path, *, method: str = "lexical") -> dict:
    """Each report as the only report of its story: the rest of its story is taken out of the
    corpus and the remainder grouped again. Is the report then left alone, or put with a story it
    does not belong to?

    Why: every story in a labelled corpus has several reports, so B-cubed never sees a report that
    nobody else covered, the commonest case in a real day of news. This counts how often such a
    report is wrongly joined (a precision measure for the long tail)."""
    from storyline.group import choose_method, group_features
    from storyline.group.features import extract
    from storyline.group.topic import topic_vectors

    labels, _ = load_labels(corpus)
    articles = sorted((a for a in load_articles(corpus) if a.id in labels), key=lambda a: a.id)
    if method == "auto":
        method = choose_method(articles)[0]
    feats = {a.id: extract(a) for a in articles}
    vecs = topic_vectors(articles) if method == "semantic" else None
    topics = dict(zip((a.id for a in articles), vecs, strict=True)) if vecs is not None else None
    by_story: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        by_story[labels[a.id]].append(a.id)
    tried = 0
    joined: list[dict] = []
    for story, members in sorted(by_story.items()):
        if len(members) < 2:
            continue
        rest = [a.id for a in articles if labels[a.id] != story]
        for aid in members:
            ids = sorted(rest + [aid])
            me = ids.index(aid)
            tried += 1
            chosen = [topics[i] for i in ids] if topics is not None else None
            for cluster in group_features(ids, [feats[i] for i in ids], topics=chosen,
                                          scorer="learned" if method == "learned" else "rules"):
                if me in cluster and len(cluster) > 1:
                    joined.append({"report": aid, "story": story,
                                   "joined": sorted({labels[ids[k]] for k in cluster if k != me})})
    return {"reports": tried, "wrongly_joined": len(joined), "joined": joined}


def audit_tags(corpus: Path) -> dict:
    """How often each instance-tag key would cut a pair of reports of ONE story (a false cannot-link)
    versus a pair of two stories, over all pairs where both reports carry that key. The tags are a
    general lexicon; this is the check that they do not split true stories. ``wdu/wdd`` is the
    cross check of an undated report's weekday against a yearless day and month, ``kind`` the
    check that two leads naming phases share a kind of event (both v3)."""
    from storyline.group.batch import weekday_tags
    from storyline.group.features import extract
    from storyline.group.instance import CROSS, CROSS_ONLY, KINDS, conflict, parse

    labels, _ = load_labels(corpus)
    arts = sorted((a for a in load_articles(corpus) if a.id in labels), key=lambda a: a.id)
    feats = [extract(a) for a in arts]
    tags = [parse(f.tokens) for f in feats]
    weekday_tags(tags, [bool(f.time.reliable and f.time.exact) for f in feats], None, [f.time for f in feats])
    out: dict[str, dict[str, int]] = {}

    def count(key: str, same: bool, cut: bool) -> None:
        row = out.setdefault(key, {"same_pairs": 0, "same_cut": 0, "other_pairs": 0, "other_cut": 0})
        row["same_pairs" if same else "other_pairs"] += 1
        row["same_cut" if same else "other_cut"] += cut

    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            same = labels[arts[i].id] == labels[arts[j].id]
            for k in (set(tags[i]) & set(tags[j])) - CROSS_ONLY:  # those are only compared across
                count(k, same, conflict({k: tags[i][k]}, {k: tags[j][k]}) is not None)
            ki, kj = KINDS.intersection(tags[i]), KINDS.intersection(tags[j])
            if ki and kj:
                count("kind", same, not ki & kj)
            for x, y in CROSS:
                for p, q in ((tags[i], tags[j]), (tags[j], tags[i])):
                    if x in p and y in q:
                        count(f"{x}/{y}", same, conflict({x: p[x]}, {y: q[y]}) is not None)
    return dict(sorted(out.items()))


def evaluate(corpus: Path, gold_md: Path | None = None, *, baseline: bool = False, method: str = "lexical") -> dict:
    from storyline.group import METHOD, group

    labels, langs = load_labels(corpus)
    articles = [a for a in load_articles(corpus) if a.id in labels]
    stories = group(articles, method=method)
    pred = {aid: s.id for s in stories for aid in s.articles}
    gold = {a: labels[a] for a in pred}
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    gold_md = gold_md or corpus.parent / "GOLD.md"
    hn = hard_negative_pairs(gold_md, set(gold.values()))
    merged = []
    for a, b in hn:
        shared = {pred[x] for x in gold if gold[x] == a} & {pred[x] for x in gold if gold[x] == b}
        if shared:
            merged.append({"pair": [a, b], "stories": sorted(shared)})
    split = []
    by_label: dict[str, list[str]] = defaultdict(list)
    for aid, lab in gold.items():
        by_label[lab].append(aid)
    for lab, aids in sorted(by_label.items()):
        if len({langs[a] for a in aids}) < 2:
            continue
        pieces: dict[str, Counter] = defaultdict(Counter)
        for a in aids:
            pieces[pred[a]][langs[a]] += 1
        if len(pieces) > 1:
            split.append({"story": lab, "pieces": [dict(sorted(c.items())) for _, c in sorted(pieces.items())]})
    extra = {"tfidf_baseline": tfidf_baseline(articles, gold)} if baseline else {}
    return {
        **extra,
        "corpus": str(corpus),
        "method": stories[0].method if stories else METHOD,
        "articles": len(gold),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len(set(pred.values())),
        "bcubed": {"precision": bp, "recall": br, "f1": bf},
        "pairwise": {"precision": pp, "recall": pr, "f1": pf},
        "hard_negative_pairs": len(hn),
        "hard_negatives_merged": merged,
        "cross_language_stories": sum(1 for aids in by_label.values() if len({langs[a] for a in aids}) > 1),
        "cross_language_split": split,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval grouping", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--gold", default=None, help="GOLD.md with the hard-negative pairs (default: next to the corpus)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF average-link reference run")
    ap.add_argument("--no-learned", action="store_true",
                    help="skip ECB+ and the learned model's out-of-fold figures (eval/grouping_learned.py)")
    ap.add_argument("--halves", action="store_true", help="also score two halves of the story families, tags on/off")
    ap.add_argument("--audit-tags", action="store_true", help="also count the pairs each instance-tag key would cut")
    ap.add_argument("--lone", action="store_true",
                    help="also group each report with the rest of its story taken out: how often is it wrongly joined?")
    ap.add_argument("--method", choices=("auto", "lexical", "learned", "semantic"), default="auto",
                    help="grouping method, as `storyline group --method` (default auto: semantic for a small "
                         "multilingual corpus when the 'multilingual' extra is installed, else lexical)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"eval grouping: error: {corpus}: no such file (pass a labelled JSONL corpus)", file=sys.stderr)
        return 2
    if args.method == "semantic":
        from storyline.errors import ModelMissing
        from storyline.group.topic import ENCODER
        from storyline.lang.embeddings import require_encoder

        try:
            require_encoder(ENCODER)
        except ModelMissing as exc:
            print(f"eval grouping: error: {exc.line()}", file=sys.stderr)
            return 2
    res = evaluate(corpus, Path(args.gold) if args.gold else None, baseline=not args.no_baseline, method=args.method)
    if args.halves:
        res["halves"] = halves(corpus, Path(args.gold) if args.gold else None, method=args.method)
    if args.audit_tags:
        res["tag_audit"] = audit_tags(corpus)
    if args.lone:
        res["lone"] = lone_reports(corpus, method=args.method)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    b, p = res["bcubed"], res["pairwise"]
    print(f"grouping  {res['method']}  on {res['corpus']}")
    print(f"articles {res['articles']}  gold stories {res['gold_stories']}  predicted {res['predicted_stories']}")
    print(f"B-cubed   P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}")
    print(f"pairwise  P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}")
    if "tfidf_baseline" in res:
        t = res["tfidf_baseline"]
        print(f"reference: TF-IDF average link (words only, threshold {t['threshold']:.2f} tuned on these labels): "
              f"B-cubed P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}")
    print(f"hard-negative pairs kept apart: {res['hard_negative_pairs'] - len(res['hard_negatives_merged'])}"
          f"/{res['hard_negative_pairs']}")
    for m in res["hard_negatives_merged"]:
        print(f"  MERGED  {m['pair'][0]}  <->  {m['pair'][1]}")
    print(f"cross-language stories kept whole: {res['cross_language_stories'] - len(res['cross_language_split'])}"
          f"/{res['cross_language_stories']}")
    for s in res["cross_language_split"]:
        print(f"  SPLIT   {s['story']}: " + " | ".join(",".join(f"{k}:{v}" for k, v in pc.items()) for pc in s["pieces"]))
    for name, row in res.get("halves", {}).items():
        on, off = row["tags"], row["no_tags"]
        print(f"{name}: {row['families']} families, {row['articles']} articles: B-cubed F1 {on['bcubed_f1']:.3f} with tags, "
              f"{off['bcubed_f1']:.3f} without; hard negatives merged {on['hard_negatives_merged']} vs "
              f"{off['hard_negatives_merged']} of {on['hard_negative_pairs']}")
    for key, row in res.get("tag_audit", {}).items():
        print(f"tag {key}: cuts {row['same_cut']}/{row['same_pairs']} same-story pairs, "
              f"{row['other_cut']}/{row['other_pairs']} pairs of two stories")
    if not args.no_learned and corpus.resolve() == DEFAULT_CORPUS.resolve():
        from eval.grouping_learned import lines

        print("\n".join(lines(baseline=not args.no_baseline)))
    if "lone" in res:
        lone = res["lone"]
        print(f"lone reports (rest of the story taken out): {lone['reports'] - lone['wrongly_joined']}/{lone['reports']} "
              f"left alone, {lone['wrongly_joined']} put with another story")
        for j in lone["joined"]:
            print(f"  JOINED  {j['report']} ({j['story']}) -> {', '.join(j['joined'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
