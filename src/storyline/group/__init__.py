"""Group articles into stories: one story per event (not per topic), across languages.

The public surface of grouping. ``group(articles)`` groups a pile in one run (batch.py, which
describes the method); a store is regrouped incrementally around its new articles (incremental.py,
against the index protocol in index.py); method.py chooses between the lexical, the learned (pairmodel.py) and
the semantic method. Measured on ../shared/corpus/dev: see eval/grouping.py and tests/test_group_eval.py.
"""

from __future__ import annotations

from storyline.group.batch import THRESHOLD, group, group_features
from storyline.group.method import AUTO_MAX, METHOD, METHODS, MethodChoice, choose_method, resolve_method
from storyline.group.story import story_id
from storyline.group.topic import METHOD_SEMANTIC

__all__ = ["AUTO_MAX", "METHOD", "METHODS", "METHOD_SEMANTIC", "THRESHOLD", "MethodChoice", "choose_method",
           "group", "group_features", "resolve_method", "story_id"]
