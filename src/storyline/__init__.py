"""storyline: cross-check news coverage of one event across many reports and languages."""

from __future__ import annotations

from storyline.analyze import analyze
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
    "extract",
    "read",
    "__version__",
]
