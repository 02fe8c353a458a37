"""Stores for the web tests: the example story, and the dev corpus beside it where ../shared has it.

Why a helper module and not conftest fixtures: the page tests and the browser tests build the same
stores; computing the example's dossier once per module keeps them quick.
"""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import ingest_inputs
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "port-alder-fire"


def build_store(path: Path, *inputs: Path) -> Path:
    """A store holding ``inputs`` (folders or JSONL files), grouped into stories."""
    with Store(path) as store:
        ingest_inputs(store, [str(p) for p in inputs])
    return path


def example_story(store_path: Path) -> str:
    """The id of the example story (the one whose reports mention Brenmoor Chemicals)."""
    from storyline.store.browse import stories_matching

    with Store(store_path, readonly=True) as store:
        (story,) = stories_matching(store, "Brenmoor")
    return story
