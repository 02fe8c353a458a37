"""Language identification with py3langid: light, offline and deterministic.

Texts under ~20 letters are too short to tell reliably, so they get ``None`` rather than a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _classify() -> Callable[[str], tuple[str, float]]:
    import py3langid

    classify: Callable[[str], tuple[str, float]] = py3langid.classify  # untyped package: its documented shape
    return classify


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    lang, _prob = _classify()(sample)
    return lang
