"""Features of a candidate pair of reports, for the learned same-event model (pairmodel.py).

Why these: two reports of one event share its rare specifics (names, figures, the day) in any
language and were written within days of each other; two events of one kind share vocabulary and
names but rarely their figures, and name another weekday, counter or phase (instance.py). Each
feature is one such piece of evidence; the model (trained by eval/train_pairs.py) weighs them, so
no threshold is read off one corpus by hand. Nothing that tells the training corpora apart
rather than the events (report length, whether a report is dated at all) is a feature: v1 had both,
learned "short and dated means same story" from the dev corpus, and merged generated reports of
different events at 10k (B-cubed 0.66). Everything here is cheap: a candidate pair costs
about as much as the lexical score, and only blocked pairs are scored (blocking.py). v2 adds five
products of these (a logistic regression cannot form them itself); out of fold, with the same
clustering choices, they raised B-cubed F1 on dev from 0.911 to 0.949 (ECB+ 0.876 to 0.883, SemEval
Pearson 0.676 to 0.685).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.group.instance import Tags, figure_conflict
from storyline.group.instance import conflict as tag_conflict
from storyline.group.similarity import Vector, content, idf, time_factor

# The order of the columns; the model file names them, and pairmodel.py refuses a file whose names differ.
FEATURE_NAMES: tuple[str, ...] = (
    "cos_words_same_lang",  # TF-IDF cosine of words, within one language only
    "cos_names",  # name skeletons (transliterated across scripts: lang/fold.py)
    "cos_numbers",
    "cos_dates",
    "idf_shared_words",  # log(1 + sum of relative IDF of the shared words), within one language
    "idf_shared_names",  # the same for shared names: rare names weigh more
    "idf_shared_numbers",
    "idf_shared_dates",
    "max_idf_shared_name",  # the rarest shared name's relative IDF
    "max_idf_shared_number",
    "containment_names",  # shared names / names of the report with fewer
    "containment_numbers",
    "same_lang",
    "close_in_time",  # both event times known and at most a day apart
    "log_gap_days",  # log(1 + days between the two event times), 0 where unknown
    "gap_reliable_far",  # both publication days known and two or more days apart
    "tag_conflict",  # leads name another weekday, counter or phase (instance.py)
    "lexical_content",  # the lexical method's per-kind cosine mean (similarity.content)
    "lexical_score",  # the same, times its time factor (similarity.score)
    # v2: interactions a linear model cannot form itself. Shared rare names or figures are evidence of
    # one event only when the reports are close in time (the same bank's decision months later shares
    # its names and often its figures), and shared words weigh less where the leads name another
    # instance (the ninth eruption, the committee rather than the declaration).
    "names_x_log_gap",  # idf_shared_names * log_gap_days
    "numbers_x_log_gap",  # idf_shared_numbers * log_gap_days
    "max_number_x_far",  # max_idf_shared_number * gap_reliable_far
    "words_x_tag_conflict",  # cos_words_same_lang * tag_conflict
    "numbers_x_tag_conflict",  # idf_shared_numbers * tag_conflict
)
# An optional column (measured with eval.train_pairs --figures): the leads state headline figures of
# one kind (the level a rate moves to, a recall's mass, a quake's magnitude, a sum) that disagree
# (instance.figure_conflict).
FIGURE_NAMES: tuple[str, ...] = ("figure_conflict",)
# Two optional columns after FEATURE_NAMES, for a model trained with topic vectors (topic.py: the
# multilingual e5 embedding of title and opening): their cosine, rescaled to the encoder's range, and
# whether both reports have one (without the model installed neither has, and both columns are 0).
TOPIC_NAMES: tuple[str, ...] = ("cos_topic", "topic_present")
TOPIC_LOW, TOPIC_HIGH = 0.75, 0.95  # e5's squashed cosine: unrelated ~0.75, one story ~0.85-0.95


@dataclass
class PairInput:
    """What the pair features need of one report: its vector and instance tags."""

    vector: Vector
    tags: Tags


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


class RelativeIdf(dict[str, float]):
    """A token's IDF relative to the pile's largest (so that a pile of 40 and a store of 100,000
    reports give comparable values), computed once per token."""

    def __init__(self, df: Mapping[str, int], n_docs: int) -> None:
        super().__init__()
        self.df, self.n_docs = df, n_docs
        self.top = math.log(n_docs + 1) + math.log(2)  # idf of a token in no document (similarity.idf)

    def __missing__(self, token: str) -> float:
        w = max(idf(self.df, self.n_docs, token), 0.0) / self.top
        self[token] = w
        return w


def _shared(a: Mapping[str, float], b: Mapping[str, float], rel: RelativeIdf) -> tuple[float, float, float]:
    """log(1 + sum) and max of the shared tokens' relative IDF, and the containment."""
    if len(a) > len(b):
        a, b = b, a
    w = [rel[k] for k in a if k in b]
    return math.log1p(sum(w)), max(w, default=0.0), len(w) / len(a) if a else 0.0


def _same_lang(a: Vector, b: Vector) -> bool:
    return a.lang is None or b.lang is None or a.lang == b.lang


def pair_row(a: PairInput, b: PairInput, rel: RelativeIdf) -> list[float]:
    """One row of features, in FEATURE_NAMES order."""
    va, vb = a.vector, b.vector
    same = _same_lang(va, vb)
    ch_a, ch_b = va.channels, vb.channels
    empty: dict[str, float] = {}

    def cos(kind: str) -> float:
        return _dot(ch_a.get(kind, empty), ch_b.get(kind, empty))

    def shared(kind: str) -> tuple[float, float, float]:
        return _shared(ch_a.get(kind, empty), ch_b.get(kind, empty), rel)

    words = shared("w") if same else (0.0, 0.0, 0.0)
    names, numbers, dates = shared("k"), shared("n"), shared("d")
    gap = va.time.gap(vb.time)
    lexical = content(va, vb)
    far = (gap is not None and gap >= 2 and va.time.reliable and vb.time.reliable
           and va.time.exact and vb.time.exact)
    log_gap = 0.0 if gap is None else math.log1p(gap)
    conflict = 1.0 if tag_conflict(a.tags, b.tags, names=False) is not None else 0.0
    cos_words = cos("w") if same else 0.0
    return [
        cos_words,
        cos("k"),
        cos("n"),
        cos("d"),
        words[0],
        names[0],
        numbers[0],
        dates[0],
        names[1],
        numbers[1],
        names[2],
        numbers[2],
        1.0 if same else 0.0,
        1.0 if gap is not None and gap <= 1 else 0.0,
        log_gap,
        1.0 if far else 0.0,
        conflict,
        lexical,
        time_factor(va.time, vb.time) * lexical,  # similarity.score, without computing content twice
        names[0] * log_gap,
        numbers[0] * log_gap,
        numbers[1] if far else 0.0,
        cos_words * conflict,
        numbers[0] * conflict,
    ]


def pair_matrix(inputs: Sequence[PairInput], pairs: Sequence[tuple[int, int]], df: Mapping[str, int],
                n_docs: int) -> np.ndarray:
    """Features of ``pairs`` (indices into ``inputs``), one row each."""
    if not pairs:
        return np.zeros((0, len(FEATURE_NAMES)))
    rel = RelativeIdf(df, n_docs)
    return np.asarray([pair_row(inputs[i], inputs[j], rel) for i, j in pairs], dtype=np.float64)


def figure_columns(inputs: Sequence[PairInput], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The FIGURE_NAMES column of ``pairs`` (indices into ``inputs``)."""
    out = np.zeros((len(pairs), len(FIGURE_NAMES)))
    numbers = [{t[2:] for t in p.vector.channels.get("n", {})} for p in inputs]
    for r, (i, j) in enumerate(pairs):
        if figure_conflict(inputs[i].tags, inputs[j].tags, numbers[i], numbers[j]) is not None:
            out[r, 0] = 1.0
    return out


def topic_columns(topics: Sequence[np.ndarray | None], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The TOPIC_NAMES columns of ``pairs`` (indices into ``topics``, one unit vector or None each)."""
    out = np.zeros((len(pairs), len(TOPIC_NAMES)))
    for r, (i, j) in enumerate(pairs):
        a, b = topics[i], topics[j]
        if a is not None and b is not None:
            out[r] = ((float(a @ b) - TOPIC_LOW) / (TOPIC_HIGH - TOPIC_LOW), 1.0)
    return out


__all__ = ["FEATURE_NAMES", "FIGURE_NAMES", "TOPIC_NAMES", "PairInput", "figure_columns", "pair_matrix", "pair_row",
           "topic_columns"]
