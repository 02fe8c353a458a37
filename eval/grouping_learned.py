"""The grouping figures beyond the dev corpus, printed by ``python -m eval grouping``: ECB+ topics 1-35
grouped in one run by the lexical method (v4: its thresholds never saw ECB+, so out of sample) and by
the learned method (in-sample: its model was trained on ECB+ too), the TF-IDF average-link
reference beside them, and the learned pair model measured out of fold on dev and
ECB+ (eval/train_pairs.py: folds grouped by story family, every parameter chosen on the other folds)
with its SemEval-2022 Task 8 correlation.
"""

from __future__ import annotations

from collections import defaultdict

from eval.pairdata import ECB, load_ecb


def ecb_current(method: str, baseline: bool) -> dict:
    """The method asked for on ECB+ 1-35, grouped in one run; hard negatives are the two sub-topics
    of one topic."""
    from eval.grouping import bcubed, pairwise, tfidf_baseline
    from storyline.group import group

    corpus = load_ecb()
    gold = {a.id: lab for a, lab in zip(corpus.articles, corpus.labels, strict=True)}
    stories = group(corpus.articles, method=method)
    pred = {aid: s.id for s in stories for aid in s.articles}
    by_label: dict[str, set[str]] = defaultdict(set)
    for aid, lab in gold.items():
        by_label[lab].add(pred[aid])
    merged = [(a, b) for a, b in corpus.hard_negatives if by_label[a] & by_label[b]]
    out = {"method": stories[0].method if stories else "", "articles": len(gold),
           "predicted": len(set(pred.values())), "bcubed": bcubed(pred, gold), "pairwise": pairwise(pred, gold),
           "hard_negative_pairs": len(corpus.hard_negatives), "hard_negatives_merged": merged}
    if baseline:
        out["tfidf_baseline"] = tfidf_baseline(corpus.articles, gold)
    return out


def lines(baseline: bool = True) -> list[str]:
    """What ``eval grouping`` prints after the dev corpus's own figures."""
    out: list[str] = []
    if not ECB.is_file():
        return [f"ECB+: {ECB} not found; skipped"]
    for m in ("lexical", "learned"):
        e = ecb_current(m, baseline and m == "lexical")
        b, p = e["bcubed"], e["pairwise"]
        note = "in-sample: its model was trained on ECB+ too" if m == "learned" else "out of sample"
        out.append(f"ECB+ topics 1-35  {e['method']}  ({note}; one run over {e['articles']} reports, "
                   f"{e['predicted']} stories predicted for 66)")
        out.append(f"  B-cubed   P {b[0]:.3f}  R {b[1]:.3f}  F1 {b[2]:.3f}")
        out.append(f"  pairwise  P {p[0]:.3f}  R {p[1]:.3f}  F1 {p[2]:.3f}")
        if "tfidf_baseline" in e:
            t = e["tfidf_baseline"]
            out.append(f"  reference: TF-IDF average link (threshold {t['threshold']:.2f} tuned on these labels): "
                       f"B-cubed P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}")
        out.append(f"  hard-negative pairs (the two sub-topics of a topic) merged: "
                   f"{len(e['hard_negatives_merged'])}/{e['hard_negative_pairs']}")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        from eval.train_pairs import NO_SKLEARN

        return [*out, f"learned pair model, out of fold: skipped ({NO_SKLEARN})"]
    from eval.train_pairs import cross_validate, load_data, report

    out.append("learned pair model (method learned, events.v6), measured out of fold:")
    out += report(cross_validate(load_data()))
    return out


__all__ = ["ecb_current", "lines"]
