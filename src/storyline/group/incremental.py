"""Incremental grouping: regroup only the neighbourhood of a store's new articles.

Why "pending": an article is committed first and grouped afterwards. A run killed at any point
leaves committed articles pending; the next run groups them together with its own, so a kill
followed by a rerun ends in the same stores as one clean run. The neighbourhood of the pending
articles is the stored articles that share a blocking key with them, and every member of the
stories those belong to; it is grouped with the store's corpus-wide counts, so the stories equal
those of one batch run (tests/test_ingest.py).

A store groups with one method, recorded in it: lexical by default, or semantic, whose topic vectors
are computed once per article and kept by the store. Where the semantic model is missing the store
is grouped lexically for that run (Regrouped.fallback) and regrouped once the model can run.
Everything here goes through the GroupingIndex protocol (index.py), which the store implements.

Memory: the scope's stored features (and topic vectors) are read FEATURE_CHUNK articles at a time
and dropped once each article's vector is made, and stories are made as the store writes them, so
the writer holds the vectors and candidate pairs of its scope (the batch and its neighbourhood; the
whole store when most of it is new), never every stored feature (bench/writer_memory.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.group.batch import PileBuilder, Prepared, cluster_prepared
from storyline.group.blocking import MAX_POSTING, blocking_keys
from storyline.group.features import FIELDS, Features, extract
from storyline.group.index import GroupingIndex
from storyline.group.method import METHOD, METHODS, resolve_method
from storyline.group.similarity import vectorize
from storyline.group.story import Member, make_story
from storyline.group.topic import topic_vectors
from storyline.model import Story

# The version of the features a store keeps: a store whose features another version made is
# refreshed (refresh_if_outdated). The lexical method's name, and the version of the instance tags the
# features carry (group/instance.py): v5 added the name an event is known by and the lead's headline
# figures, which a store written before cannot have.
TAGS_VERSION = "tags.v5"
FEATURES_VERSION = f"{METHOD}+{TAGS_VERSION}"
# Topic vectors are computed and committed in chunks of this many: a kill loses at most one chunk.
TOPIC_CHUNK = 256
# Regrouping reads the stored features of this many articles at a time, and makes this many stories
# at a time as it writes them: the writer never holds the features or titles of its whole scope.
FEATURE_CHUNK = 1000
STORY_CHUNK = 1000


@dataclass
class Regrouped:
    """What regroup_pending did: ``articles`` regrouped, the ``method`` their stories were made
    with ('' where nothing was pending) and, where the store's semantic method could not run,
    ``fallback``: why."""

    articles: int = 0
    method: str = ""
    fallback: str = ""


def claim_if_empty(index: GroupingIndex) -> None:
    """An empty store without a features version gets this one: the features it is about to store."""
    if index.count_articles() == 0 and index.features_version() is None:
        index.set_features_version(FEATURES_VERSION)


def refresh_if_outdated(index: GroupingIndex) -> tuple[int, str | None]:
    """If the store's features were made by another version (an older storyline), recompute them
    from the stored reports so that old and new articles are compared alike; every article is then
    regrouped by regroup_pending. Returns (articles refreshed, the version recorded before)."""
    before = index.features_version()
    if before == FEATURES_VERSION:
        return 0, before
    n = index.replace_features(((key, extract(a)) for key, a in index.stored_articles(FIELDS)), FEATURES_VERSION)
    return n, before


def regroup_other_methods(index: GroupingIndex) -> None:
    """Make every article pending where some story was made by another method than the store's and
    that method can run now: a semantic store grouped lexically while its model was missing is
    regrouped once the model is installed."""
    choice = resolve_method(index.grouping_method())
    if choice.fallback:
        return
    if index.has_stories_not_by(METHODS[choice.method]):
        index.mark_all_pending()


def switch_method(index: GroupingIndex, method: str) -> None:
    """Group the store with ``method`` ("lexical" or "semantic") from now on: every article is made
    pending first, so that a run killed in between still regroups the whole store."""
    index.mark_all_pending()
    index.set_grouping_method(method)


def stored_topics(index: GroupingIndex, keys: list[str]) -> Callable[[list[str]], list[np.ndarray]] | None:
    """Computes and stores the topic vectors of ``keys`` the store lacks; returns what reads the
    vectors of a chunk of ``keys``, in order (None where the model is not installed). The stored ones
    are read a chunk at a time as regrouping needs them, never all at once; those computed here are
    kept as the model gave them."""
    method = METHODS["semantic"]
    missing: list[str] = []
    for i in range(0, len(keys), FEATURE_CHUNK):
        chunk = keys[i : i + FEATURE_CHUNK]
        have = index.topics(chunk, method)
        missing.extend(k for k in chunk if k not in have)
    fresh: dict[str, np.ndarray] = {}
    for i in range(0, len(missing), TOPIC_CHUNK):
        chunk = missing[i : i + TOPIC_CHUNK]
        arts = index.load_articles(chunk, ("id", "title", "text"))
        vecs = topic_vectors([arts[k] for k in chunk])
        if vecs is None:
            return None
        index.add_topics((k, method, v) for k, v in zip(chunk, vecs, strict=True))
        fresh.update(zip(chunk, vecs, strict=True))

    def read(chunk: list[str]) -> list[np.ndarray]:
        stored = index.topics([k for k in chunk if k not in fresh], method)
        return [fresh[k] if k in fresh else stored[k] for k in chunk]

    return read


def neighbourhood(index: GroupingIndex, pending: list[str], n_docs: int) -> set[str]:
    """The pending articles and every stored article that shares a blocking key with one of them.
    The pending articles' features are read FEATURE_CHUNK at a time."""
    out = set(pending)
    for i in range(0, len(pending), FEATURE_CHUNK):
        rows = index.stored_features(pending[i : i + FEATURE_CHUNK])
        feats = [Features.from_json(data) for _, data, _ in rows.values()]
        df = Counter(index.df(sorted({t for f in feats for t in f.tokens})))
        for f in feats:
            for tok in blocking_keys(vectorize(f, df, n_docs), df):
                hits = index.articles_with(tok, MAX_POSTING + 1)
                if len(hits) <= MAX_POSTING:
                    out.update(hits)
    return out


def regroup_pending(index: GroupingIndex) -> Regrouped:
    """Group the pending articles with their stored neighbours, replacing the stories they touch,
    with the store's grouping method (or the lexical one, where the semantic one cannot run)."""
    pending = index.pending()
    if not pending:
        return Regrouped()
    n_docs = index.count_articles()
    scope: set[str] | None = None
    if 2 * len(pending) >= n_docs:  # most of the store is new: regroup everything (same cost)
        affected = index.story_ids()
    else:
        scope = neighbourhood(index, pending, n_docs)
        affected = index.stories_of(scope)
        scope.update(index.members(affected))
    # Same order as batch grouping: by the article's own id (then key, for equal ids).
    order = sorted(index.grouping_order(scope), key=lambda r: (r[1], r[0]))
    del scope
    keys = [r[0] for r in order]
    done = Regrouped(articles=len(keys))
    topics = None
    if index.grouping_method() == "semantic":
        choice = resolve_method("semantic")
        topics = None if choice.fallback else stored_topics(index, keys)
        if topics is None:
            done.fallback = choice.reason or "the semantic model could not embed the reports"
    learned = index.grouping_method() == "learned"
    done.method = METHODS["semantic"] if topics is not None else METHODS["learned"] if learned else METHOD
    pile = _pile(index, keys, n_docs, topics)
    del topics
    clusters = cluster_prepared(pile, semantic=done.method == METHODS["semantic"],
                                scorer="learned" if learned else "rules")
    del pile
    index.replace_stories(affected, _stories(index, clusters, order, done.method), pending)
    return done


def _pile(index: GroupingIndex, keys: list[str], n_docs: int,
          topics: Callable[[list[str]], list[np.ndarray]] | None) -> Prepared:
    """The articles ``keys`` prepared for clustering, read FEATURE_CHUNK at a time: each one's
    Features are dropped once its vector is made, and a token repeated across articles is kept once
    (in ``df``'s keys), so the writer holds vectors, not the stored features of the whole scope.
    ``df`` keeps only tokens in two or more articles: no other count is ever read (vectorize and
    blocking skip the rest)."""
    df: Counter[str] = Counter()
    pool: dict[str, str] = {}  # one string object per token the pile shares
    asked: set[str] = set()  # tokens whose count was read (those in one article only are not kept)
    pile = PileBuilder(df, n_docs)
    for i in range(0, len(keys), FEATURE_CHUNK):
        chunk = keys[i : i + FEATURE_CHUNK]
        rows = index.stored_features(chunk)
        feats = [Features.from_json(rows[k][1]) for k in chunk]
        del rows
        new = sorted({t for f in feats for t in f.tokens if t not in asked})
        asked.update(new)
        for tok, n in index.df(new).items():
            if n >= 2:
                tok = pool.setdefault(tok, tok)
                df[tok] = n
        vecs = topics(chunk) if topics is not None else None
        for j, f in enumerate(feats):
            f.tokens = Counter({pool.get(t, t): n for t, n in f.tokens.items()})
            pile.add(f, vecs[j] if vecs is not None else None)
        feats.clear()
    del asked
    return pile.finish()


def _stories(index: GroupingIndex, clusters: list[list[int]], order: Sequence[tuple[str, str, str | None]],
             method: str) -> Iterator[tuple[Story, list[str]]]:
    """The stories of ``clusters`` (indices into ``order``: key, id, date), made STORY_CHUNK at a time
    as the store writes them, so the titles of the whole scope are never held at once."""
    for i in range(0, len(clusters), STORY_CHUNK):
        chunk = clusters[i : i + STORY_CHUNK]
        titles = index.titles(order[m][0] for members in chunk for m in members)
        for members in chunk:
            story = make_story(_members([order[m] for m in members], titles), method)
            yield story, story.articles


def _members(rows: Sequence[tuple[str, str, str | None]],
             titles: Mapping[str, tuple[str, str | None, str | None]]) -> list[Member]:
    out = []
    for key, aid, date in rows:
        aid, title, opening = titles.get(key, (aid, None, None))
        out.append(Member(key, aid, title, opening, date))
    return out
