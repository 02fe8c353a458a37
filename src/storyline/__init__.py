"""storyline: cross-check news coverage of one event across many reports and languages."""

from __future__ import annotations

from collections.abc import Callable

from storyline.analyze import analyze
from storyline.group import group  # the function replaces the subpackage's name on purpose
from storyline.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Dossier,
    Evidence,
    Finding,
    Mention,
    Quantity,
    Quote,
    ReadError,
    Sentence,
    Story,
    TimelineEvent,
)
from storyline.pipeline import extract
from storyline.read import read

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Claim",
    "DateMention",
    "Dossier",
    "Evidence",
    "Finding",
    "Mention",
    "Quantity",
    "Quote",
    "ReadError",
    "Sentence",
    "Story",
    "TimelineEvent",
    "analyze",
    "compare",
    "extract",
    "group",
    "read",
    "__version__",
]


def __getattr__(name: str) -> Callable[..., Dossier]:
    """``compare`` loads on first use: the cross-check stage is the heaviest to import."""
    if name == "compare":
        from storyline.check import compare

        return compare
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
