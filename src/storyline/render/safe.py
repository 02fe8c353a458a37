"""Values from the input made safe to show: control characters become visible escapes.

Why: ids, outlets, urls, titles and report text come from whoever wrote the input. A terminal obeys
the escape sequences in them (colours, hyperlinks, clearing the screen), a carriage return or NUL
hides what came before, and a bidi override reverses what the reader sees. Every plain-text output
(the terminal dossier, listings, error lines) shows such a character as an escape like ``\\x1b``;
JSON keeps values exactly, and Markdown and HTML escape their own syntax on top of this.
"""

from __future__ import annotations

from typing import Any

# C0, DEL, C1, the Unicode line separators and the bidi embeddings, overrides and isolates.
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_ESCAPES: dict[int, str] = (
    {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
    | {10: "\\n", 13: "\\r", 9: "\\t"}
    | {c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029, *_BIDI)}
)
# In running text, line breaks and the whitespace controls stay whitespace (a paragraph break is
# not an attack), so text that is later folded onto one line reads as before.
_TEXT_ESCAPES: dict[int, str] = (
    _ESCAPES
    | {c: " " for c in (0x0B, 0x0C, 0x0D, *range(0x1C, 0x20), 0x85, 0x2028, 0x2029)}
    | {10: "\n", 9: "\t"}
)

# The keys whose values name things (one line each: a newline in an id must not forge a line).
NAME_KEYS = frozenset({"id", "article", "articles", "label", "outlet", "lang", "url", "title", "source",
                       "date", "input", "a", "b", "byline", "dateline", "story"})


def one_line(text: str) -> str:
    """``text`` on one line with every control character as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return text.translate(_ESCAPES)


def printable_text(text: str) -> str:
    """Running text with its line breaks kept and every other control character made visible."""
    return text.translate(_TEXT_ESCAPES)


def printable(value: Any, key: str = "", name_keys: frozenset[str] = NAME_KEYS) -> Any:
    """A copy of a record's plain data (``to_dict()`` output) with every string made printable:
    names with ``one_line``, running text with ``printable_text``. Numbers and keys are kept."""
    if isinstance(value, str):
        return one_line(value) if key in name_keys else printable_text(value)
    if isinstance(value, dict):
        return {k: printable(v, k, name_keys) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v, key, name_keys) for v in value]
    if isinstance(value, tuple):
        return tuple(printable(v, key, name_keys) for v in value)
    return value
