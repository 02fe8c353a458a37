"""syntok's sentence decisions, re-implemented over a list of tokens with index arithmetic.

Why: syntok's segmenter walks a chain of state objects, one Python call chain per token (queue
pops, history appends, property look-ups), and that walk was a third of ``analyze``'s time. The
decisions themselves only happen at terminal marks and brackets. This module takes the tokens
syntok's own tokenizer produced and makes the same decisions with two integers (where the current
sentence began, which token is next), so it returns exactly the sentences syntok would.

It is written against syntok 1.4.4 (its word lists are imported from syntok, not copied);
``sentences.py`` uses it only with that version, and tests compare it with syntok on real and
randomised text.
"""

from __future__ import annotations

from syntok._segmentation_states import State

_TERMINALS = State.terminals
_OPENING = State.opening_brackets
_CLOSING = State.closing_brackets
_CLOSING_QUOTES = State.closing_quotes
_INNER = State.inner_sentence_punctuation
_ROMAN = State.roman_numerals
_MONTHS = State.months
_ABBREVIATIONS = State.abbreviations
_STARTERS = State.starters
_VOWELS = State.vowels

_FIRST, _INNER_TOKEN, _TERMINAL, _END = 0, 1, 2, 3


def _single_letter_or_roman(token: str) -> bool:
    return len(token) == 1 or token in _ROMAN


def _single_consonant(token: str) -> bool:
    return len(token) == 1 and token.isalpha() and token not in _VOWELS


def segment(values: list[str], spaced: list[bool], offsets: list[int]) -> list[tuple[int, int]]:
    """Sentences as [first, last) token index pairs, exactly as ``syntok.segmenter.segment`` cuts them.

    ``values`` are the token strings, ``spaced`` whether each token had any spacing before it, and
    ``offsets`` their character offsets (only differences between offsets are used).
    """
    n = len(values)
    out: list[tuple[int, int]] = []
    i = 0  # next token (the head of syntok's queue)
    h = 0  # first token of the sentence being built (syntok's history is values[h:i])

    def bracket_end() -> tuple[int, bool]:
        """(distance from i to the closing bracket, or 0 if unclosed; bracket looks like a sentence)."""
        depth = 1
        q = 1
        first_is_title = None
        last_is_terminal = False
        while i + q < n and q < 50:
            v = values[i + q]
            if first_is_title is None and v.isalnum():
                first_is_title = v.istitle()
            elif first_is_title and v.isalnum():
                last_is_terminal = i + q + 1 < n and values[i + q + 1] in _TERMINALS
            if v in _OPENING:
                depth += 1
            elif v in _CLOSING:
                depth -= 1
                if depth == 0:
                    break
            q += 1
        return (q if depth == 0 else 0), bool(first_is_title and last_is_terminal)

    def skip_brackets() -> bool:
        nonlocal i
        close, inner = bracket_end()
        if close > 0:
            end = offsets[i + close] + len(values[i + close])
            if end - offsets[i] < State.max_bracket_skipping_length or not inner:
                i += close + 1
                return True
        return False

    def after_terminal() -> str:
        """Move over closing marks after a terminal; the token that matters after it."""
        nonlocal i
        token = None
        last = values[i - 1] if i > h else ""
        if i < n and values[i] in _OPENING and last not in _TERMINALS:
            skip_brackets()
        else:
            while i < n and (values[i] in _TERMINALS or values[i] in _CLOSING):
                i += 1
                if i >= n:
                    break
                if token is None:
                    token = values[i - 1]
            if i < n and values[i] in _CLOSING_QUOTES and not spaced[i]:
                i += 1
                if i < n and token is None:
                    token = values[i - 1]
            while i < n and (values[i] in _TERMINALS or values[i] in _CLOSING):
                i += 1
                if i >= n:
                    break
                if token is None:
                    token = values[i - 1]
            if i < n and values[i] in _OPENING:
                token = values[i]
        if token is None and i < n:
            token = values[i]
        return "" if token is None else token

    def at_terminal(first: bool) -> bool:
        """Whether to cut after the terminal (or bracket) at ``i``."""
        nonlocal i
        before = values[i - 1] if i > h else ""
        if not (i < n and values[i] in _OPENING):
            i += 1
        after = after_terminal()
        nxt = values[i] if i < n else None
        if nxt is not None and (nxt[:1].islower() or nxt in _INNER):
            return False
        if not (first and _single_letter_or_roman(before)) and nxt is not None and nxt in _STARTERS:
            return True
        if before in _ABBREVIATIONS and after not in _CLOSING:
            return False
        if before in ("no", "No", "NO") and nxt is not None and any(c.isnumeric() for c in nxt) and nxt.isalnum():
            return False
        no_space = nxt is not None and not spaced[i]
        if nxt is not None and nxt.isnumeric() and no_space:
            return False
        if no_space and (not after.istitle() or not after.isalpha() or len(after) == 1):
            return False
        if nxt is not None and nxt.isnumeric() and len(nxt) > 2:
            return False
        if before.isnumeric() and nxt is not None and nxt in _MONTHS:
            return False
        if before in _MONTHS and nxt is not None and nxt.isnumeric():
            return False
        if "." in before and after != ".":
            return False
        if (first or before.isupper()) and _single_letter_or_roman(before):
            return False
        if _single_consonant(before):
            return False
        if after in _OPENING:
            close, inner = bracket_end()
            after_brackets = values[i + close + 1] if close > 0 and not inner and i + close + 1 < n else ""
            after_opening = values[i + 1] if i + 1 < n else ""
            if after_brackets in _INNER:
                return False
            if after_opening.istitle():
                return True
            return not after_brackets[:1].islower()
        return True

    def cut() -> None:
        nonlocal h
        if i > h and (i - h > 1 or values[h]):
            out.append((h, i))
        h = i

    state = _FIRST if n else _END
    while state != _END:
        if state == _TERMINAL:
            cut()
            state = _FIRST if i < n else _END
        elif state == _FIRST:
            if i < n and values[i] in _OPENING and skip_brackets() and i - h > 3 and not (
                i < n and values[i][:1].islower()
            ):
                state = _TERMINAL
                continue
            if i >= n:
                state = _END
                continue
            i += 1
            if i < n and (values[i] in _TERMINALS or values[i] == "("):
                if at_terminal(first=True):
                    state = _TERMINAL
            else:
                state = _INNER_TOKEN
        else:  # inside a sentence
            if i >= n:
                state = _END
                continue
            i += 1
            if i < n and values[i] in _OPENING:
                skip_brackets()
            if i < n and (values[i] in _TERMINALS or values[i] == "(" or values[i] in _OPENING):
                if at_terminal(first=False):
                    state = _TERMINAL
    cut()
    return out
