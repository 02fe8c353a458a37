"""figure_sense: figures that are no fact of their own, and figures another report implies, so that
unique_fact does not list a sentence for a figure every reader of the story already has.

- A number word after a definite article points back at things already named: "les deux parties",
  "the two leaders", "die zwei Unternehmen" are the parties the story is about, not a count.
- A tennis score ("40-love", "30-all") is a moment of the match, not a figure of the story.
- A whole period in a smaller unit is that period: "the past 12 months" is the past year, "24
  hours" a day.
- An ordinal another report gives implies the count before it: "the fifth flight" says there were
  four flights before it, so "four test flights so far" adds nothing.
- What a figure counts can be read in any language: "nine months" and "neun Monaten", "51 dead" and
  "51 muertos" are one fact, though the two sentences share no word.
"""

from __future__ import annotations

import re

from storyline.check.figure_forms import figure_key
from storyline.check.text import tokens
from storyline.lang.fold import fold, fold_word
from storyline.lang.numbers import (
    ANY_LANGUAGE_NUMBER_WORDS,
    COUNTED,
    COUNTER_REACH,
    COUNTING_ORDINALS,
    parse_number_any_language,
)
from storyline.lang.units import sense_of

# A definite or demonstrative article, then a number word, then no hyphen ("the three-day summit"
# counts days). Folded text.
_ARTICLES = "the these those les ces des die diese los las estos estas i gli le questi queste os estes".split()
_NUMBER_WORD_ALT = "|".join(sorted(map(re.escape, ANY_LANGUAGE_NUMBER_WORDS), key=len, reverse=True))
_REFERRING = re.compile(rf"\b(?:{'|'.join(_ARTICLES)})\s+({_NUMBER_WORD_ALT})\b(?!-)")
_GAME_SCORE = re.compile(r"\b(15|30|40)[-–](?:love|all|15|30|40)\b|\blove[-–](15|30|40)\b", re.IGNORECASE)
# sense -> the count of it that is one whole larger period
_WHOLE_PERIODS = {("month", 12.0), ("hour", 24.0), ("week", 52.0), ("day", 365.0), ("minute", 60.0)}
_ORDINAL_VALUE = {word: n for n, words in COUNTING_ORDINALS.items() for word in words.split()}


def _value(token: str) -> float | None:
    low = fold_word(token)
    if low in ANY_LANGUAGE_NUMBER_WORDS:
        return float(ANY_LANGUAGE_NUMBER_WORDS[low])
    return parse_number_any_language(token) if token[:1].isdigit() else None


def no_figures(text: str) -> set[str]:
    """The number keys of a sentence that are no figure of the story: a number word pointing back
    ("les deux parties"), a tennis score, a whole period in a smaller unit ("12 months"). A key the
    sentence also writes in another, plain way stays."""
    out = {figure_key(float(ANY_LANGUAGE_NUMBER_WORDS[m.group(1)])) for m in _REFERRING.finditer(fold(text))}
    out |= {figure_key(float(m.group(1) or m.group(2))) for m in _GAME_SCORE.finditer(text)}
    out = {key for key in out if not _also_plain(text, key)}
    toks = tokens(text)
    for tok, after in zip(toks, toks[1:], strict=False):
        value = _value(tok)
        if value is not None and (sense_of(after), value) in _WHOLE_PERIODS:
            out.add(figure_key(value))
    return out


def _also_plain(text: str, key: str) -> bool:
    """Whether ``key`` also stands in the sentence as digits outside any score (then it is a figure)."""
    bare = _GAME_SCORE.sub(" ", text)
    return any(tok[:1].isdigit() and figure_key(v) == key
               for tok in tokens(bare) if (v := parse_number_any_language(tok)) is not None)


def counts_before(text: str) -> set[str]:
    """The counts a sentence's ordinals of an event imply ("the fifth flight": num:4, four before it).
    The ordinal must count an event (lang/numbers.py's COUNTED words follow it closely): "the
    fourth quarter" implies no three of anything."""
    words = [fold_word(t) for t in tokens(text)]
    return {figure_key(float(_ORDINAL_VALUE[w] - 1)) for i, w in enumerate(words)
            if w in _ORDINAL_VALUE and COUNTED.intersection(words[i + 1: i + 1 + COUNTER_REACH])}


# How far after a figure the word it counts may stand ("51 people dead", "nine long months").
_UNIT_REACH = 2


def measures(text: str) -> set[tuple[str, str]]:
    """(figure key, sense) for each figure of a sentence and what the words right after it count or
    measure (lang/units.py): "nine months" gives ("num:9", "month")."""
    toks = tokens(text)
    out = set()
    for i, tok in enumerate(toks):
        value = _value(tok)
        if value is None:
            continue
        for after in toks[i + 1: i + 1 + _UNIT_REACH]:
            sense = sense_of(after)
            if sense:
                out.add((figure_key(value), sense))
                break
    return out
