"""Find the stretches of text that sit inside quotation marks, the way a careful reader would.

Why not a regex: news copy mixes straight and curly marks, uses ’ both as apostrophe and as closing
single quote, writes multi-paragraph quotes with no closing mark until the last paragraph, and sloppy
rewrites leave dangling closing marks (``“A,” he replied. B. ”``). So each mark is classified from its
neighbours (is it left- or right-flanking, is it between letters) and then paired with a stack.

Only outermost quotes become segments; a quote inside a quote stays part of the outer text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = set('"“”„«»‟')
SINGLE = set("‘’‚‹›'")
OPEN_BEFORE = set("([{—–-/") | DOUBLE | SINGLE
CLOSE_AFTER = set(".,;:!?)]}—–-…") | DOUBLE | SINGLE
_MARKS = re.compile("[" + re.escape("".join(sorted(DOUBLE | SINGLE))) + "]")


@dataclass
class Segment:
    """One quoted stretch. ``start``/``end`` bound the words inside the marks (marks excluded)."""

    start: int
    end: int
    open_pos: int | None  # index of the opening mark; None for a dangling continuation
    close_pos: int | None  # index of the closing mark; None when the paragraph ended first
    paragraph: int
    dangling: bool = False  # closing mark with no opening mark: continuation of an earlier quote
    continued: bool = False  # paragraph ended inside the quote and the next paragraph reopens it
    unclosed: bool = False  # paragraph ended inside the quote and nothing reopens it

    @property
    def outer_start(self) -> int:
        return self.open_pos if self.open_pos is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.close_pos is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank line: news paragraphs are lines once the text is cleaned."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(space-like before, space-like after) around position ``i`` within [lo, hi)."""
    before = text[i - 1] if i > lo else ""
    after = text[i + 1] if i + 1 < hi else ""
    space_before = before == "" or before.isspace() or before in OPEN_BEFORE
    space_after = after == "" or after.isspace() or after in CLOSE_AFTER
    return space_before, space_after


class _Stack:
    """The open marks of one paragraph, with per-mark counts and per-family positions kept up to date.

    Why: classifying a mark asks "is a „ open?", "is any double mark open?", and closing asks "where is
    the innermost open mark of this family?". Answering those by scanning the stack made a paragraph of
    many unclosed marks quadratic (a 20 MB file hung); these counts answer in constant time.
    """

    def __init__(self) -> None:
        self.items: list[tuple[str, int]] = []
        self.counts: dict[str, int] = {}
        self.family_at: dict[str, list[int]] = {"double": [], "single": []}  # stack indices, ascending

    def __bool__(self) -> bool:
        return bool(self.items)

    def __contains__(self, ch: str) -> bool:
        return self.counts.get(ch, 0) > 0

    def has_family(self, family: str) -> bool:
        return bool(self.family_at[family])

    def push(self, ch: str, pos: int) -> None:
        self.family_at[_family(ch)].append(len(self.items))
        self.items.append((ch, pos))
        self.counts[ch] = self.counts.get(ch, 0) + 1

    def innermost(self, family: str) -> int | None:
        """Stack index of the last open mark of ``family``, or None."""
        at = self.family_at[family]
        return at[-1] if at else None

    def cut(self, idx: int) -> None:
        """Drop the entries from ``idx`` on (amortised: each entry is dropped once)."""
        for ch, _ in self.items[idx:]:
            self.counts[ch] -= 1
        del self.items[idx:]
        for at in self.family_at.values():
            while at and at[-1] >= idx:
                at.pop()


def _role(text: str, i: int, lo: int, hi: int, pending: _Stack) -> str | None:
    """Classify the mark at ``i``: "open", "close" or None (an apostrophe, or noise)."""
    ch = text[i]
    sb, sa = _flanks(text, i, lo, hi)
    left_flanking = sb and not sa
    right_flanking = sa and not sb
    if ch in "„«":
        if ch == "«" and not left_flanking and "»" in pending:
            return "close"  # Danish/German »...« order
        return "open"
    if ch == "»":
        if left_flanking and "«" not in pending:
            return "open"
        return "close"
    if ch == "“":
        if "„" in pending and not left_flanking:
            return "close"  # German „...“
        if right_flanking and pending.has_family("double"):
            return "close"
        return "open"
    if ch in "”‟":
        if left_flanking and not pending.has_family("double"):
            return "open"  # sloppy typography: ”Like this”
        return "close"
    if ch == '"':
        has_open = '"' in pending
        if not has_open and i > lo and text[i - 1].isdigit():
            return None  # an inch mark: 12" pipe
        if left_flanking:
            return "open" if not has_open or not right_flanking else "close"
        if right_flanking:
            return "close" if has_open else ("open" if not sa else "close")
        return "close" if has_open else "open"
    # single-quote family
    before = text[i - 1] if i > lo else ""
    after = text[i + 1] if i + 1 < hi else ""
    if before.isalnum() and after.isalnum():
        return None  # don't, Rubio’s, l'État
    if ch in "‚‹":
        return "open"
    if ch == "›":
        return "close" if "‹" in pending else None
    single_open = "‘" in pending or "'" in pending or "‚" in pending
    if ch == "‘":
        if "‚" in pending and not left_flanking:
            return "close"
        if left_flanking and after.isalpha():
            return "open"
        if single_open and right_flanking:
            return "close"
        return None
    # ’ or straight '
    if single_open and (right_flanking or (not sb and after in DOUBLE)):
        return "close"
    if ch == "'" and left_flanking and after.isalpha() and before in ("",) + tuple(" \t(\"“«„"):
        return "open"
    return None


def _family(ch: str) -> str:
    return "double" if ch in DOUBLE else "single"


def find_segments(text: str) -> list[Segment]:
    """All outermost quoted stretches in ``text``, in order."""
    paras = paragraphs(text)
    segments: list[Segment] = []
    for pi, (lo, hi) in enumerate(paras):
        stack = _Stack()
        para_segments: list[Segment] = []
        tags = _markup_tags(text, lo, hi)
        for mark in _MARKS.finditer(text, lo, hi):  # only the quote marks, not every character
            i = mark.start()
            if tags and any(a < i < b for a, b in tags):
                continue  # an attribute value (<tweet author="@x">), not a quotation
            ch = text[i]
            role = _role(text, i, lo, hi, stack)
            if role == "open":
                stack.push(ch, i)
            elif role == "close":
                idx = stack.innermost(_family(ch))
                if idx is None:
                    if ch in "”»" and not stack:  # a straight " never dangles: too often an inch mark
                        seg = _dangling(text, lo, i, pi, para_segments)
                        if seg:
                            para_segments.append(seg)
                    continue
                _, open_pos = stack.items[idx]
                stack.cut(idx)  # drop unclosed inner marks (stray apostrophes)
                if not stack:
                    para_segments.append(Segment(open_pos + 1, i, open_pos, i, pi))
        if stack:
            first_double = stack.family_at["double"][:1]
            open_char, open_pos = stack.items[first_double[0] if first_double else 0]
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            reopens = nxt is not None and text[nxt[0] : nxt[1]].lstrip()[:1] in ("“", '"', "«", "„")
            if _family(open_char) == "double":
                end = hi
                while end > open_pos + 1 and text[end - 1].isspace():
                    end -= 1
                para_segments.append(
                    Segment(open_pos + 1, end, open_pos, None, pi, continued=reopens, unclosed=not reopens)
                )
        dash = _dialogue_dash(text, lo, hi, pi)
        if dash is not None:
            para_segments = [dash] + [g for g in para_segments if g.outer_start >= dash.outer_end]
        segments.extend(para_segments)
    return [s for s in (_trim(text, s) for s in segments) if s.end > s.start]


_TERMINATOR = re.compile(r"[.!?](?=\s)")
_TAG = re.compile(r"<[A-Za-z/][\w\-]*(?:\s[^<>]{0,400})?>")


def _markup_tags(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the markup tags left in a paragraph by a scraper (<tweet tweet-id="…">)."""
    if text.find("<", lo, hi) < 0:
        return []
    return [m.span() for m in _TAG.finditer(text, lo, hi)]


def _dangling(text: str, lo: int, close: int, pi: int, earlier: list[Segment]) -> Segment | None:
    """A closing mark with nothing open: the quote restarted after the attribution of the last one.

    ``“A,” he replied. B. C. ”`` -> B. C. continues the quote; it begins after the sentence that
    carries the attribution ("he replied."), or at the paragraph start when nothing came before.
    """
    start = lo
    if earlier:
        prev_end = earlier[-1].outer_end
        m = _TERMINATOR.search(text, prev_end, close)
        start = m.end() if m else prev_end
    while start < close and text[start].isspace():
        start += 1
    if close - start < 2:
        return None
    return Segment(start, close, None, close, pi, dangling=True)


def _trim(text: str, seg: Segment) -> Segment:
    """Drop surrounding spaces and a trailing comma: “We will,” -> We will."""
    s, e = seg.start, seg.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    seg.start, seg.end = s, e
    return seg


# Spanish (and some French) dialogue: "—Queremos una ciudad más fresca —dijo el alcalde." The paragraph
# opens with a dash glued to the first word; a spaced dash followed by a lower-case word (the speech verb)
# closes the spoken words. Without that closing dash it could be a list item, so it is not a quote.
_DASH_OPEN = re.compile(r"\s*[—―](?=[^\s—―])")
_DASH_CLOSE = re.compile(r"[.,!?…]?\s+[—―](?=[a-zäöüáéíóúñàèìòùçâêîôû])")


def _dialogue_dash(text: str, lo: int, hi: int, pi: int) -> Segment | None:
    m = _DASH_OPEN.match(text, lo, hi)
    if not m:
        return None
    close = _DASH_CLOSE.search(text, m.end(), hi)
    if not close:
        return None
    dash_at = close.end() - 1
    end = close.start() + (1 if text[close.start()] in "!?…" else 0)
    if end - m.end() < 2:
        return None
    return Segment(m.end(), end, m.end() - 1, dash_at, pi)
