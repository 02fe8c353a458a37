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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.group.batch import group_features
from storyline.group.blocking import MAX_POSTING, blocking_keys
from storyline.group.features import FIELDS, Features, extract
from storyline.group.index import GroupingIndex
from storyline.group.method import METHOD, METHODS, resolve_method
from storyline.group.similarity import vectorize
from storyline.group.story import Member, make_story
from storyline.group.topic import topic_vectors
from storyline.model import Story

# The version of the features a store keeps: a store whose features another version made is
# refreshed (refresh_if_outdated). The lexical method's name, which changes whenever they do.
FEATURES_VERSION = METHOD
# Topic vectors are computed and committed in chunks of this many: a kill loses at most one chunk.
TOPIC_CHUNK = 256


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


def stored_topics(index: GroupingIndex, keys: list[str]) -> list[np.ndarray] | None:
    """The topic vectors of ``keys``, in order, computing and storing those the store lacks; None
    where the model is not installed."""
    method = METHODS["semantic"]
    have = dict(index.topics(keys, method))
    missing = [k for k in keys if k not in have]
    for i in range(0, len(missing), TOPIC_CHUNK):
        chunk = missing[i : i + TOPIC_CHUNK]
        arts = index.load_articles(chunk, ("id", "title", "text"))
        vecs = topic_vectors([arts[k] for k in chunk])
        if vecs is None:
            return None
        index.add_topics((k, method, v) for k, v in zip(chunk, vecs, strict=True))
        have.update(zip(chunk, vecs, strict=True))
    return [have[k] for k in keys]


def neighbourhood(index: GroupingIndex, pending: list[str], n_docs: int) -> set[str]:
    """The pending articles and every stored article that shares a blocking key with one of them."""
    feats = {k: Features.from_json(data) for k, (_, data, _) in index.stored_features(pending).items()}
    tokens = sorted({t for f in feats.values() for t in f.tokens})
    df = Counter(index.df(tokens))
    out = set(pending)
    for f in feats.values():
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
    if 2 * len(pending) >= n_docs:  # most of the store is new: regroup everything (same cost)
        scope = index.article_keys()
        affected = index.story_ids()
    else:
        scope = neighbourhood(index, pending, n_docs)
        affected = index.stories_of(scope)
        scope.update(index.members(affected))
    stored = index.stored_features(scope)
    # Same order as batch grouping: by the article's own id (then key, for equal ids).
    keys = sorted(stored, key=lambda k: (stored[k][0], k))
    feats = [Features.from_json(stored[k][1]) for k in keys]
    tokens = sorted({t for f in feats for t in f.tokens})
    df = Counter(index.df(tokens))
    done = Regrouped(articles=len(keys))
    topics = None
    if index.grouping_method() == "semantic":
        choice = resolve_method("semantic")
        topics = None if choice.fallback else stored_topics(index, keys)
        if topics is None:
            done.fallback = choice.reason or "the semantic model could not embed the reports"
    learned = index.grouping_method() == "learned"
    done.method = METHODS["semantic"] if topics is not None else METHODS["learned"] if learned else METHOD
    clusters = group_features([stored[k][0] for k in keys], feats, df=df, n_docs=n_docs, topics=topics,
                              scorer="learned" if learned else "rules")
    titles = index.titles(keys)
    stories: list[tuple[Story, list[str]]] = []
    for members in clusters:
        story = make_story(_members([keys[i] for i in members], titles, stored), done.method)
        stories.append((story, story.articles))
    index.replace_stories(affected, stories, pending)
    return done


def _members(keys: Sequence[str], titles: Mapping[str, tuple[str, str | None, str | None]],
             stored: Mapping[str, tuple[str, str, str | None]]) -> list[Member]:
    out = []
    for k in keys:
        aid, title, opening = titles.get(k, (stored[k][0], None, None))
        out.append(Member(k, aid, title, opening, stored[k][2]))
    return out
