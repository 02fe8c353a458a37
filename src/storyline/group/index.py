"""What incremental grouping needs from a store, as a protocol the store meets without importing group.

Why a protocol: grouping owns the algorithm and the store owns the file. The store keeps features
as opaque data (what ``Features.to_json`` wrote, the tokens ``Features.counted_tokens`` and
``posted_tokens`` name) and answers these questions about them; ``storyline.store.Store`` implements
every method here (tests/test_layers.py checks that it still does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

import numpy as np

from storyline.group.features import Features
from storyline.model import Article, Story


class GroupingIndex(Protocol):
    """A store of articles with their grouping features, document frequencies, postings and stories.
    Articles are named by their store key; write methods are one transaction each."""

    # --- what the store holds -------------------------------------------------------------------

    def count_articles(self) -> int: ...

    def count_stories(self) -> int: ...

    def article_keys(self) -> set[str]:
        """Every stored article's key."""
        ...

    def story_ids(self) -> set[str]:
        """Every stored story's id."""
        ...

    def pending(self) -> list[str]:
        """Keys of the articles not grouped yet, sorted."""
        ...

    def stored_features(self, keys: Iterable[str]) -> Mapping[str, tuple[str, str, str | None]]:
        """key -> (article id, the features as ``Features.to_json`` wrote them, publication date)."""
        ...

    def grouping_order(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str | None]]:
        """(key, article id, publication date) of ``keys``, or of every article where None, in any
        order: what regrouping keeps of each article while it reads their features in chunks."""
        ...

    def stored_articles(self, fields: Iterable[str] | None = None) -> Iterator[tuple[str, Article]]:
        """(key, article) for every article, in key order; with ``fields``, only those are loaded."""
        ...

    def load_articles(self, keys: Iterable[str], fields: Iterable[str] | None = None) -> Mapping[str, Article]: ...

    def titles(self, keys: Iterable[str]) -> Mapping[str, tuple[str, str | None, str | None]]:
        """key -> (article id, title, the opening of the text)."""
        ...

    # --- the index over features ----------------------------------------------------------------

    def df(self, tokens: Iterable[str]) -> Mapping[str, int]:
        """In how many stored articles each token occurs (tokens in none are left out)."""
        ...

    def articles_with(self, token: str, limit: int) -> list[str]:
        """Up to ``limit`` keys of articles that post ``token``."""
        ...

    def stories_of(self, keys: Iterable[str]) -> set[str]: ...

    def members(self, story_ids: Iterable[str]) -> list[str]: ...

    def has_stories_not_by(self, method: str) -> bool: ...

    def topics(self, keys: Iterable[str], method: str) -> Mapping[str, np.ndarray]:
        """key -> topic vector made for ``method``, for those of ``keys`` that have one."""
        ...

    # --- what the store records -----------------------------------------------------------------

    def features_version(self) -> str | None:
        """The grouping version the stored features were made by (None: not recorded)."""
        ...

    def set_features_version(self, version: str) -> None: ...

    def grouping_method(self) -> str:
        """"lexical" or "semantic": the method the store groups its stories with."""
        ...

    def set_grouping_method(self, method: str) -> None: ...

    # --- writing --------------------------------------------------------------------------------

    def mark_all_pending(self) -> None:
        """Make every article pending, so the next regroup covers the whole store."""
        ...

    def replace_features(self, items: Iterable[tuple[str, Features]], version: str) -> int:
        """New features for the articles, the counts and postings rebuilt from them, every article
        pending, ``version`` recorded. Returns how many articles."""
        ...

    def replace_stories(self, removed: Iterable[str], stories: Iterable[tuple[Story, list[str]]],
                        grouped: Iterable[str]) -> None: ...

    def add_topics(self, items: Iterable[tuple[str, str, np.ndarray]]) -> int: ...
