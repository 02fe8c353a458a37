"""Batch grouping: ``group(articles)`` sorts a pile of reports into stories in one run, one story per
event (not per topic), across languages. The lexical method (``storyline.group.events.v4``):

1. features (features.py, timeinfo.py): words; numbers normalised across conventions (6,25 = 6.25,
   2,921 = 2921, Bengali digits); dates in twelve languages; name skeletons that survive accents
   and transliteration; lead tokens weighted up; an event-time interval from the publication date
   (or the marker month), else the first day-level date in the text that is not years older than
   the newest year it names; instance tags from the lead (instance.py: weekday, ordinal counter,
   phase such as talks vs. deal, a day and month without a year), and an ordinal counter from the
   rest of the text where the lead has none (v3); the name the event is known by ("the Eaton
   fire") and the lead's headline figures (instance.figure_tags; v5 tags).
2. vectors (similarity.py): TF-IDF per token kind, a cosine per kind, averaged over the kinds both
   reports have (words only within one language), times a time factor (reports a few days apart
   score 0; undated ones are discounted).
3. blocking (blocking.py): candidate pairs from an inverted index over each article's rarest
   numbers, dates and names, with capped postings: linear in the corpus, never all pairs.
4. clustering (cluster.py): average link with cannot-links from dates and, where some report has
   no publication day, from conflicting instance tags; first over articles, then over the
   clusters' pooled vectors (which is what joins a French and an English group). v3: a weekday
   named by an undated report is checked against a yearless day-and-month in another report's
   lead, in the years the batch spans ("22 August" is no Wednesday in 2023-2025); two leads that
   name phases of different kinds of event (a verdict, a takeover) are two events.
5. attachment (cluster.py): a report left alone joins the story it scored just under the
   threshold with, if that story is clearly its best, it shares rare anchors with at least half the
   members and no cannot-link separates them (a short report in another language).

v4: two reports in different languages need two shared names or numbers to score at all (one
shared figure put a lone cricket report with a takeover); a lone report still joins on one (stage 3
checks it against most of the story), and there a day read from its own text fades out over a week
rather than two days (similarity.lone_score). Arabic names are transliterated for the skeletons,
and international bodies are one name in any language (WHO = OMS = ВОЗ; features.py).

``method="semantic"`` (``storyline.group.events+e5.v4``) adds a multilingual topic vector per report
(topic.py): a gate on pairs about clearly different things, and attachment by elimination in stage 3.
``method="auto"`` (the ``group`` command's default) picks it for a small multilingual pile.

``method="learned"`` (``storyline.group.events.v6``) scores the same blocked candidate pairs with a
logistic regression over pair features (pairfeatures.py, pairmodel.py, trained and measured out of
fold by eval/train_pairs.py) and clusters the calibrated probabilities by average link, with the
cannot-links the cross-validation chose (cluster_probabilities; pairs.v3: event tags, the leads'
headline masses, quake magnitudes and sums (instance.LINK_FIGURES), and any two day-level times, also
ones read from a text, 90 days apart). Not the default yet: out of fold it keeps ECB+ stories
together far better (B-cubed 0.92 vs 0.80 on the same piles) and edges v4 on dev (0.970 vs 0.955),
but merges 3 of dev's 23 hard-negative pairs (v4 on the same piles: 4).
cluster_probabilities can instead join only whole v4 stories (Clustering.start "v4"); measured out
of fold it keeps v4's dev precision but adds little recall on ECB+ (0.80), so the cross-validation
chooses clustering from single reports.

The method name and version are recorded on every Story so a stored grouping says what produced it;
incremental.py regroups a store with the same group_features.
Measured on ../shared/corpus/dev: see eval/grouping.py and tests/test_group_eval.py.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.group.blocking import blocking_keys, candidate_pairs
from storyline.group.cluster import TEXT_GAP, attach_singletons, average_link
from storyline.group.features import Features, extract
from storyline.group.instance import Tags, date_weekdays
from storyline.group.instance import parse as parse_tags
from storyline.group.instance import union as tag_union
from storyline.group.method import METHOD, METHODS, resolve_method
from storyline.group.pairfeatures import PairInput, pair_matrix
from storyline.group.pairmodel import Clustering, PairModel, load_model
from storyline.group.similarity import Vector, centroid, document_frequency, lone_score, score, vectorize
from storyline.group.story import Member, make_story
from storyline.group.timeinfo import EventTime, combine
from storyline.group.topic import METHOD_SEMANTIC, TOPIC_SAME, cosine, mean_topic, topic_vectors
from storyline.model import Article, Story, with_unique_ids

THRESHOLD = 0.12  # stage 1: articles into clusters (average link)
MERGE_THRESHOLD = 0.15  # stage 2: clusters into stories (centroid similarity, average link)
ATTACH_MARGIN = 0.02  # stage 3: a lone report joins a story within this of THRESHOLD (cluster.py)

Dated = tuple[int, int, bool, bool]  # (lo, hi, year known, reliable): an article's day-level time


def group_features(
    ids: Sequence[str],
    features: Sequence[Features],
    *,
    df: Mapping[str, int] | None = None,
    n_docs: int | None = None,
    threshold: float = THRESHOLD,
    merge_threshold: float = MERGE_THRESHOLD,
    instance_tags: bool = True,
    years: Sequence[int] | None = None,
    attach_margin: float = ATTACH_MARGIN,
    topics: Sequence[np.ndarray] | None = None,
    scorer: str = "rules",
) -> list[list[int]]:
    """Cluster pre-extracted features (``ids`` sorted). ``df``/``n_docs`` default to this batch's;
    a store passes its corpus-wide counts so incremental and batch runs weigh tokens alike.
    ``years``: the years the reports may be from (default: the span of the batch's publication
    dates), used to test a day-and-month date without a year against a weekday. ``topics``: one
    topic vector per article for the semantic method (topic.py), or None for the lexical one.
    ``scorer``: "rules" (the hand-set v4 scorer below, which the semantic method always uses) or
    "learned" (the pair model, pairmodel.py; the thresholds do not apply)."""
    prep = prepare(features, df=df, n_docs=n_docs, instance_tags=instance_tags, years=years, topics=topics)
    return cluster_prepared(prep, threshold=threshold, merge_threshold=merge_threshold, instance_tags=instance_tags,
                            attach_margin=attach_margin, semantic=topics is not None, scorer=scorer)


def cluster_prepared(prep: Prepared, *, threshold: float = THRESHOLD, merge_threshold: float = MERGE_THRESHOLD,
                     instance_tags: bool = True, attach_margin: float = ATTACH_MARGIN, semantic: bool = False,
                     scorer: str = "rules") -> list[list[int]]:
    """The stories of a prepared pile (arguments as group_features; ``semantic``: the vectors carry
    topics). A store builds the pile report by report (PileBuilder) and calls this."""
    if not semantic and scorer == "learned":
        model = load_model()
        return cluster_probabilities(prep, pair_probabilities(prep, model), model.clustering)
    return rules_clusters(prep, threshold=threshold, merge_threshold=merge_threshold, instance_tags=instance_tags,
                          attach_margin=attach_margin, semantic=semantic)


def rules_clusters(prep: Prepared, *, threshold: float = THRESHOLD, merge_threshold: float = MERGE_THRESHOLD,
                   instance_tags: bool = True, attach_margin: float = ATTACH_MARGIN, semantic: bool = False
                   ) -> list[list[int]]:
    """The hand-set scorer's stories (events.v4, or the semantic method where the vectors carry topics)."""
    vectors, pairs, tags, anchored, dated = prep.vectors, prep.pairs, prep.tags, prep.anchored, prep.dated
    df = prep.df
    edges: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        s = score(vectors[i], vectors[j])
        if s > 0:
            edges[(i, j)] = s
    clusters = average_link(len(vectors), edges, threshold, dated,
                            tags=tags, anchored=anchored)
    # Stage 2: merge clusters whose pooled evidence agrees (across languages, mostly).
    where = {m: c for c, members in enumerate(clusters) for m in members}
    cvecs = [centroid([vectors[m] for m in members], combine([vectors[m].time for m in members]))
             for members in clusters]
    cedges: dict[tuple[int, int], float] = {}
    for i, j in edges:
        a, b = where[i], where[j]
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        if key not in cedges:
            cedges[key] = score(cvecs[a], cvecs[b])
    ctimes = [[t for m in members for t in dated[m]] for members in clusters]
    ctags = []
    for members in clusters:
        acc: Tags = {}
        for m in members:
            acc = tag_union(acc, tags[m])
        ctags.append(acc)
    canch = [all(anchored[m] for m in members) for members in clusters]
    merged = average_link(len(clusters), cedges, merge_threshold, ctimes, tags=ctags, anchored=canch)
    stories = [sorted(m for c in grp for m in clusters[c]) for grp in merged]
    if attach_margin > 0:  # Stage 3: a report left alone joins the story it nearly joined
        alone = {m[0] for m in stories if len(m) == 1}
        lone_edges: dict[tuple[int, int], float] = {}
        for i, j in pairs:
            if i in alone or j in alone:
                s = lone_score(vectors[i], vectors[j])
                if s > 0:
                    lone_edges[(i, j)] = s
        anchors = LazyAnchors(vectors, df)

        group_topic: dict[int, np.ndarray] = {}  # groups are disjoint: the first member names one

        def same_topic(i: int, members: list[int]) -> bool:
            if members[0] not in group_topic:
                group_topic[members[0]] = mean_topic([vectors[m].topic for m in members])
            return cosine(vectors[i].topic, group_topic[members[0]]) >= TOPIC_SAME

        stories = attach_singletons(stories, lone_edges, threshold - attach_margin,
                                    dated, tags if instance_tags else None,
                                    anchored, anchors, topic=same_topic if semantic else None)
    return stories


@dataclass
class Prepared:
    """What every scorer needs of a pile: vectors, blocked candidate pairs (blocking.py), instance
    tags (with the weekday cross-check), which reports have a publication day, their day intervals."""

    vectors: list[Vector]
    pairs: set[tuple[int, int]]
    tags: list[Tags]
    anchored: list[bool]
    dated: list[list[Dated]]
    df: Mapping[str, int]
    n_docs: int


def prepare(
    features: Sequence[Features],
    *,
    df: Mapping[str, int] | None = None,
    n_docs: int | None = None,
    instance_tags: bool = True,
    years: Sequence[int] | None = None,
    topics: Sequence[np.ndarray] | None = None,
) -> Prepared:
    """Vectors, candidate pairs and cannot-link evidence of a pile (arguments as group_features)."""
    if df is None:
        df = document_frequency(features)
    if n_docs is None:
        n_docs = len(features)
    if topics is not None and len(topics) != len(features):
        raise ValueError(f"{len(topics)} topic vectors for {len(features)} articles")
    pile = PileBuilder(df, n_docs, instance_tags=instance_tags)
    for k, f in enumerate(features):
        pile.add(f, topics[k] if topics is not None else None)
    return pile.finish(years)


class PileBuilder:
    """Prepares a pile one report at a time: what prepare() does, for a caller that streams features.

    Why: a store regrouping many reports reads their features in chunks; each report's Features are
    dropped once its vector and tags are made, so the features of the whole pile are never held at
    once (the writer's memory, bench/writer_memory.py). ``df`` must already count every token the
    reports will bring (a store passes its corpus-wide counts).
    """

    def __init__(self, df: Mapping[str, int], n_docs: int, *, instance_tags: bool = True) -> None:
        self.df, self.n_docs, self.instance_tags = df, n_docs, instance_tags
        self.vectors: list[Vector] = []
        self.tags: list[Tags] = []

    def add(self, features: Features, topic: np.ndarray | None = None) -> None:
        self.vectors.append(vectorize(features, self.df, self.n_docs, topic))
        self.tags.append(parse_tags(features.tokens) if self.instance_tags else {})

    def finish(self, years: Sequence[int] | None = None) -> Prepared:
        """The pile's candidate pairs and cannot-link evidence (``years`` as group_features)."""
        vectors, tags = self.vectors, self.tags
        pairs = candidate_pairs(vectors, self.df)
        times = [_dated(v.time) for v in vectors]
        anchored = [bool(v.time.reliable and v.time.exact) for v in vectors]
        if self.instance_tags:
            weekday_tags(tags, anchored, years, [v.time for v in vectors])
        dated: list[list[Dated]] = [[t] if t is not None else [] for t in times]
        return Prepared(vectors, pairs, tags, anchored, dated, self.df, self.n_docs)


class LazyAnchors(Sequence[set[str]]):
    """Each report's blocking keys as a set, made when first asked for: stage 3 asks only for the
    reports left alone and the members of the stories they nearly joined, not for the whole pile."""

    def __init__(self, vectors: Sequence[Vector], df: Mapping[str, int]) -> None:
        self.vectors, self.df = vectors, df
        self.made: dict[int, set[str]] = {}

    def __len__(self) -> int:
        return len(self.vectors)

    def __getitem__(self, i: int) -> set[str]:  # type: ignore[override]
        got = self.made.get(i)
        if got is None:
            got = self.made[i] = set(blocking_keys(self.vectors[i], self.df))
        return got


def pair_probabilities(prep: Prepared, model: PairModel) -> dict[tuple[int, int], float]:
    """The model's same-event probability for every candidate pair of a prepared pile."""
    pairs = sorted(prep.pairs)
    feats = [PairInput(v, t) for v, t in zip(prep.vectors, prep.tags, strict=True)]
    probs = model.probabilities(pair_matrix(feats, pairs, prep.df, prep.n_docs))
    return {p: float(x) for p, x in zip(pairs, probs, strict=True)}


# Instance-tag keys left out of the learned method's cannot-links: weekdays and yearless days differ
# between a report and its follow-up days later (ECB+ sub-topics run for weeks); the tag conflict is
# one of the model's features all the same (pairfeatures.py).
DAY_TAGS = frozenset({"wd", "wdu", "wdd", "md"})


def cluster_probabilities(prep: Prepared, probs: Mapping[tuple[int, int], float], how: Clustering,
                          v4: list[list[int]] | None = None) -> list[list[int]]:
    """Average link over the blocked candidate graph, on probabilities. With ``how.start == "v4"`` it
    begins from the events.v4 stories (``v4``, if already computed) and only joins whole ones, under
    v4's own cannot-links (dates and instance tags): v4's precision on sibling events stays, the
    model adds recall."""
    edges = {p: x - how.missing for p, x in probs.items() if x != how.missing}
    n = len(prep.vectors)
    if how.start == "v4":  # max_gap None: v4's own date rules; else publication days max_gap apart only
        gap, text_gap = (2, TEXT_GAP) if how.max_gap is None else (how.max_gap, NO_GAP)
        return average_link(n, edges, how.threshold - how.missing, prep.dated, max_gap=gap, tags=prep.tags,
                            anchored=prep.anchored, text_gap=text_gap,
                            start=v4 if v4 is not None else rules_clusters(prep))
    if how.text_gap is not None:  # every day-level time counts, text-read ones at text_gap
        dated: list[list[Dated]] | None = prep.dated
    else:
        dated = [[d for d in ds if d[3]] for ds in prep.dated] if how.max_gap is not None else None
    tags = None
    if how.event_tags:
        tags = prep.tags if how.day_tags else [{k: v for k, v in t.items() if k not in DAY_TAGS} for t in prep.tags]
    return average_link(n, edges, how.threshold - how.missing, dated,
                        max_gap=NO_GAP if how.max_gap is None else how.max_gap, tags=tags,
                        anchored=prep.anchored, text_gap=NO_GAP if how.text_gap is None else how.text_gap,
                        figures=how.event_tags and how.figure_tags)


NO_GAP = 1 << 30  # a text-read date never forbids a merge in the learned method


# Over this many candidate years a day and month falls on every weekday: no evidence, so none used.
MAX_YEARS = 6


def batch_years(times: Iterable[EventTime]) -> list[int]:
    """The years of the batch's publication dates, min to max (empty if none are dated)."""
    ys = [dt.date.fromordinal(t.hi).year for t in times if t.reliable and t.year_known and t.hi is not None]
    return list(range(min(ys), max(ys) + 1)) if ys else []


def weekday_tags(tags: list[Tags], anchored: list[bool], years: Sequence[int] | None,
                 times: Sequence[EventTime]) -> None:
    """Where no publication day can decide: a report that names a weekday gets it as ``wdu``, and
    one whose lead states a day and month without a year (tag ``md``, instance.py) gets the weekdays
    that day falls on in the candidate years (the batch's, plus any its lead names: ``yr``) as
    ``wdd``; the two are compared across (instance.py)."""
    ys = list(years) if years is not None else batch_years(times)
    if not ys or len(ys) > MAX_YEARS:
        return
    for tg, anch in zip(tags, anchored, strict=True):
        if anch:
            continue
        if "wd" in tg:
            tg["wdu"] = dict(tg["wd"])
        elif len(tg.get("md", ())) == 1:
            month, day = (int(x) for x in next(iter(tg["md"])).split("-"))
            own = {int(y) for y in tg.get("yr", ())}  # a year its lead names is a candidate too
            wds = date_weekdays(month, day, sorted(set(ys) | own))
            if wds:
                tg["wdd"] = {w: 1 for w in sorted(wds)}


def _dated(t: EventTime) -> Dated | None:
    """(lo, hi, year known, reliable) for an article with a publication date or a day-level date."""
    if t.lo is None or t.hi is None or not (t.reliable or t.exact):  # lo and hi are known together
        return None
    return (t.lo, t.hi, t.year_known, t.reliable)


def group(
    articles: Iterable[Article], *, threshold: float = THRESHOLD, merge_threshold: float = MERGE_THRESHOLD,
    instance_tags: bool = True, method: str = "auto",
) -> list[Story]:
    """Group ``articles`` into stories; every article lands in exactly one story.

    Input order does not matter: articles are sorted by id first. A repeated id is renamed ("#2",
    model.with_unique_ids) as the ``group`` command does, so every input still lands in a story.
    ``method``: "lexical" (fast), "learned" (the learned pair model, pairmodel.py), "semantic" (adds topic vectors, topic.py; where the model is not
    installed it falls back to lexical) or "auto" (the default, as for the command:
    method.resolve_method). Each Story's ``method`` says which ran.
    """
    arts = sorted(with_unique_ids(articles), key=lambda a: a.id)
    ids = [a.id for a in arts]
    chosen = resolve_method(method, arts).method
    feats = [extract(a) for a in arts]
    topics = topic_vectors(arts) if chosen == "semantic" else None
    clusters = group_features(ids, feats, threshold=threshold, merge_threshold=merge_threshold,
                              instance_tags=instance_tags, topics=topics,
                              scorer="learned" if chosen == "learned" else "rules")
    used = METHOD_SEMANTIC if topics is not None else METHODS[chosen] if chosen == "learned" else METHOD
    stories = [make_story([Member(a.id, a.id, a.title, a.text, a.date) for a in (arts[i] for i in c)], used)
               for c in clusters]
    stories.sort(key=lambda s: (s.start or "9999", s.id))
    return stories
