"""Which grouping method runs: the one place that chooses, and falls back where the model is missing.

Why one place: the ``group`` and ``ingest`` commands, ``storyline.group()`` and a store's incremental
grouping all ask the same question (can the semantic method run here, and should it?), and a person
must get the same answer from each of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.errors import UsageError
from storyline.group.topic import METHOD_SEMANTIC, unavailable
from storyline.model import Article

METHOD = "storyline.group.events.v4"  # the lexical method, recorded on every Story it makes
# The learned pair model (pairmodel.py) as a scorer: selectable ("learned"), not yet the default: out of
# fold it merges hard negatives the lexical method keeps apart (eval/train_pairs.py).
METHOD_LEARNED = "storyline.group.events.v6"
METHODS = {"lexical": METHOD, "semantic": METHOD_SEMANTIC, "learned": METHOD_LEARNED}
# method="auto" picks the semantic method for a pile of at most this many reports in several
# languages, where topic vectors add what words cannot (they do not match across languages), if
# its model is installed; the lexical method otherwise. At about 15 reports/s, 1,000 take a minute;
# a day of news (100k) takes minutes with the lexical method and hours with the semantic one.
AUTO_MAX = 1000


@dataclass(frozen=True)
class MethodChoice:
    """What runs: ``method`` ("lexical" or "semantic") and ``reason`` in words ('' where it is simply
    the method asked for). ``fallback``: the semantic method was wanted but its model cannot run
    here, and ``reason`` says why (the install command, or the load error)."""

    method: str
    reason: str = ""
    fallback: bool = False


def check_method(requested: str, *, auto: bool = True) -> None:
    """Refuse a method name that is not one of METHODS (or "auto", where ``auto`` allows it)."""
    if requested not in METHODS and not (auto and requested == "auto"):
        extra = " or auto" if auto else ""
        raise UsageError(f"unknown grouping method {requested!r}: use one of {', '.join(METHODS)}{extra}")


def choose_method(articles: Sequence[Article]) -> tuple[str, str]:
    """What method="auto" runs for ``articles``: ("lexical" or "semantic", the reason in words)."""
    choice = _auto(articles)
    return choice.method, choice.reason


def _auto(articles: Sequence[Article]) -> MethodChoice:
    langs = {a.lang for a in articles if a.lang}
    if len(langs) < 2:
        return MethodChoice("lexical", "the reports are in one language")
    if len(articles) > AUTO_MAX:
        return MethodChoice("lexical", f"more than {AUTO_MAX:,} reports (the semantic method runs at about 15 "
                                       "reports/s)")
    why = unavailable()
    if why:  # the semantic method would have run: a fallback
        return MethodChoice("lexical", why, True)
    return MethodChoice("semantic", f"{len(articles)} reports in {len(langs)} languages")


def resolve_method(requested: str, articles: Sequence[Article] = ()) -> MethodChoice:
    """The method to run for ``requested`` ("lexical", "learned", "semantic" or "auto", which looks at
    ``articles``): the semantic one only where its model can run, else the lexical one."""
    check_method(requested)
    if requested in ("lexical", "learned"):
        return MethodChoice(requested)
    if requested == "auto":
        return _auto(articles)
    why = unavailable()
    return MethodChoice("lexical", why, True) if why else MethodChoice("semantic")
