"""A story's dossier for the web UI: from the store's cache, this process's memory, or computed once.

Why three levels: computing a 70-report dossier takes about a minute. The store keeps computed
dossiers (storyline.store.dossiers) when the server may write; a read-only server keeps the ones it
computed in memory. Each is valid only for the story's current content signature and this checker,
so a regrouped story is recomputed, never shown stale. One lock per story: two people opening the
same new story wait for one computation, not two.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storyline.limits import MAX_REPORTS
from storyline.model import Article, Story, with_unique_ids
from storyline.store import Store, cached_dossier, find_story, save_dossier, story_articles, story_signature

KEPT_IN_MEMORY = 16  # parsed dossiers kept per process (a 70-report one is a few MB)


def checker_version() -> str:
    """The cross-check version and the options a dossier is computed with: a cached dossier made by
    another counts as stale."""
    from storyline.check.dossier import CHECKER

    return f"{CHECKER};method=auto;max_reports={MAX_REPORTS}"


def compute_dossier(articles: list[Article]) -> dict[str, Any]:
    """The dossier of ``articles`` as its JSON record (what ``storyline show --format json`` prints)."""
    from storyline.check import compare

    dossier = compare(articles, max_reports=MAX_REPORTS)
    loaded: dict[str, Any] = json.loads(json.dumps(dossier.to_dict(), ensure_ascii=False))
    return loaded


@dataclass
class StoryDossier:
    """A story, its member keys in the dossier's article order, and its dossier record."""

    story: Story
    keys_by_id: dict[str, str]  # the dossier's article id -> the store's article key
    data: dict[str, Any]
    source: str  # "store", "memory" or "computed": where this request got it from
    signature: str  # the story's content signature the dossier was made for


def _keys_by_dossier_id(store: Store, story: Story) -> dict[str, str]:
    """The dossier names a report by its id, made unique as compare makes it; the store by its key."""
    loaded = store.load_articles(story.articles, fields=("id", "text"))
    present = [k for k in story.articles if k in loaded]
    renamed = with_unique_ids(loaded[k] for k in present)
    return {a.id: k for a, k in zip(renamed, present, strict=True)}


class Dossiers:
    """Hands out dossiers; ``writable`` stores computed ones in the store's cache too."""

    def __init__(self, open_store: Callable[[], Store], open_writer: Callable[[], Store] | None,
                 compute: Callable[[list[Article]], dict[str, Any]] = compute_dossier):
        self._open_store = open_store
        self._open_writer = open_writer
        self._compute = compute
        self._memory: OrderedDict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.computed = 0  # how many dossiers this process computed (tests count work, not time)

    def _lock(self, story_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(story_id, threading.Lock())

    def _remember(self, key: tuple[str, str], data: dict[str, Any], keys_by_id: dict[str, str]) -> None:
        with self._guard:
            self._memory[key] = (data, keys_by_id)
            self._memory.move_to_end(key)
            while len(self._memory) > KEPT_IN_MEMORY:
                self._memory.popitem(last=False)

    def _recall(self, key: tuple[str, str]) -> tuple[dict[str, Any], dict[str, str]] | None:
        with self._guard:
            held = self._memory.get(key)
            if held is not None:
                self._memory.move_to_end(key)
            return held

    def known_findings(self, story_id: str) -> int | None:
        """The number of findings of a dossier this process holds for ``story_id`` (None: none held)."""
        with self._guard:
            for (sid, _), (data, _) in reversed(self._memory.items()):
                if sid == story_id:
                    return len(data.get("findings") or [])
        return None

    def get(self, store: Store, ref: str, *, recompute: bool = False) -> StoryDossier | None:
        """The dossier of the story ``ref`` (an id or unique prefix); None if there is no such story."""
        story = find_story(store, ref)
        if story is None:
            return None
        checker = checker_version()
        signature = story_signature(store, story.id)
        key = (story.id, signature)
        if not recompute and (held := self._recall(key)) is not None:  # the warm path takes no lock
            return StoryDossier(story, held[1], held[0], "memory", signature)
        with self._lock(story.id):
            if not recompute and (held := self._recall(key)) is not None:  # computed while this one waited
                return StoryDossier(story, held[1], held[0], "memory", signature)
            keys_by_id = _keys_by_dossier_id(store, story)
            if not recompute:
                text = cached_dossier(store, story.id, signature, checker)
                if text is not None:
                    data = json.loads(text)
                    self._remember(key, data, keys_by_id)
                    return StoryDossier(story, keys_by_id, data, "store", signature)
            data = self._compute(with_unique_ids(story_articles(store, story)))
            data.setdefault("method", {}).setdefault("story", story.id)
            self.computed += 1
            self._remember(key, data, keys_by_id)
            if self._open_writer is not None:
                with self._open_writer() as writer:
                    save_dossier(writer, story.id, signature, checker, json.dumps(data, ensure_ascii=False))
            return StoryDossier(story, keys_by_id, data, "computed", signature)
