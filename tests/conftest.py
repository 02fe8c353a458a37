"""Shared fixtures. Tests that need ../shared (seeds, dev corpus) skip cleanly where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No per-example deadline and no "data generation is too slow" health check: both are wall-clock
# limits, and a loaded CI machine must not turn a slow example into a failure.
settings.register_profile("storyline", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("storyline")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
DEV_CORPUS = SHARED / "corpus" / "dev" / "articles.jsonl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present (it ships with CI, not with the repo)")
    return SEEDS


@pytest.fixture
def seed_paths(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_file():
        pytest.skip("../shared/corpus/dev is not present (it ships with CI, not with the repo)")
    return DEV_CORPUS
