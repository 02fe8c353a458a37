"""quote_variant: the same statement by the same speaker, worded differently in two reports.

Quotes are first joined into statements (consecutive quotes of one speaker in one paragraph, as
reports often break a statement with "he said"). Two statements are paired only when the speakers
agree and their content words overlap enough to be one statement; each statement is paired at most
once per report, best match first, so two different quotes of one speaker are never paired.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from storyline.check.context import Context
from storyline.check.text import content_stems, tokens
from storyline.lang.fold import fold_word
from storyline.model import Article, Finding, as_span

MIN_OVERLAP = 0.45  # shared content words / those of the shorter statement
MIN_SHARED = 3
UNKNOWN_SPEAKER_OVERLAP = 0.7  # stricter when one side has no resolved speaker
NEGATIONS = frozenset("no not never nothing none neither nor cannot can't won't don't doesn't didn't "
                      "haven't hasn't isn't aren't wasn't weren't".split())


@dataclass
class Statement:
    article: int
    speaker: str | None
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)


def _paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\s*\n", text)]


def statements(article: Article, a_i: int) -> list[Statement]:
    breaks = _paragraph_breaks(article.text)
    out: list[Statement] = []
    for q in sorted(article.quotes, key=lambda q: q.span[0]):
        if q.kind != "direct":
            continue
        para = sum(1 for b in breaks if b < q.span[0])
        prev = out[-1] if out else None
        if (prev is not None and prev.speaker == q.speaker and q.speaker is not None
                and sum(1 for b in breaks if b < prev.spans[-1][0]) == para):
            prev.text = f"{prev.text} … {q.text}"
            prev.spans.append(as_span(q.span))
            prev.sentences.append(q.sentence)
            prev.stems |= set(content_stems(q.text))
            continue
        out.append(Statement(a_i, q.speaker, q.text, [as_span(q.span)], [q.sentence], set(content_stems(q.text))))
    return out


def _named(speaker: str | None) -> str | None:
    """A speaker usable for pairing: a proper name ("Andrew Bailey", "SpaceX"), not "officials"."""
    return speaker if speaker and speaker[:1].isupper() else None


def _same_speaker(x: str | None, y: str | None) -> bool | None:
    """True/False when both are known; None when either is unknown."""
    x, y = _named(x), _named(y)
    if not x or not y:
        return None
    fx, fy = fold_word(x).split(), fold_word(y).split()
    return fx == fy or fx[-1] == fy[-1]


def _overlap(a: Statement, b: Statement) -> tuple[float, int]:
    shared = len(a.stems & b.stems)
    smaller = min(len(a.stems), len(b.stems)) or 1
    return shared / smaller, shared


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """Word-level diff as a list of {op, a, b} with op in equal/replace/delete/insert."""
    wa, wb = a.split(), b.split()
    norm_a = [fold_word(re.sub(r"[^\w']", "", w)) for w in wa]
    norm_b = [fold_word(re.sub(r"[^\w']", "", w)) for w in wb]
    ops = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, norm_a, norm_b, autojunk=False).get_opcodes():
        ops.append({"op": op, "a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return ops


def severity(a: str, b: str) -> str:
    ta = [fold_word(t) for t in tokens(a)]
    tb = [fold_word(t) for t in tokens(b)]
    if ta == tb:
        return "identical"
    nums_a = {t for t in ta if t[0].isdigit()}
    nums_b = {t for t in tb if t[0].isdigit()}
    if nums_a != nums_b and nums_a and nums_b:
        return "different meaning"
    neg_a = sum(t in NEGATIONS or t.endswith("n't") for t in ta) % 2
    neg_b = sum(t in NEGATIONS or t.endswith("n't") for t in tb) % 2
    ratio = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
    short, long_ = sorted((ta, tb), key=len)
    at = _find_run(long_, short)
    if at is not None:
        # a shortened quote: only a negation next to the kept words can change what they mean
        # ("do not support X" cut to "support X"), not one in a sentence that was left out
        near = long_[max(0, at - NEGATION_REACH) : at + len(short) + NEGATION_REACH]
        same_sense = _negations(near) == _negations(short)
        return "minor" if same_sense else "different meaning"
    if ratio >= 0.85:
        return "minor" if neg_a == neg_b else "different meaning"
    return "reworded"


NEGATION_REACH = 3  # words either side of a kept run where a dropped negation still bears on it


def _negations(toks: list[str]) -> int:
    return sum(t in NEGATIONS or t.endswith("n't") for t in toks) % 2


def _find_run(long_: list[str], short: list[str]) -> int | None:
    """Where ``short`` occurs as a run of tokens in ``long_``, or None."""
    n = len(short)
    if n == 0:
        return None
    for i in range(len(long_) - n + 1):
        if long_[i : i + n] == short:
            return i
    return None


def find(ctx: Context) -> list[Finding]:
    per_article = [statements(art, i) for i, art in enumerate(ctx.articles)]
    findings = []
    for a_i in range(len(ctx.articles)):
        for b_i in range(a_i + 1, len(ctx.articles)):
            candidates = []
            for x_i, x in enumerate(per_article[a_i]):
                for y_i, y in enumerate(per_article[b_i]):
                    same = _same_speaker(x.speaker, y.speaker)
                    if same is False or (same is None and not (_named(x.speaker) or _named(y.speaker))):
                        continue
                    ratio, shared = _overlap(x, y)
                    floor = MIN_OVERLAP if same else UNKNOWN_SPEAKER_OVERLAP
                    if ratio >= floor and shared >= MIN_SHARED:
                        candidates.append((ratio, shared, x_i, y_i))
            used_x, used_y = set(), set()
            for ratio, _shared, x_i, y_i in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
                if x_i in used_x or y_i in used_y:
                    continue
                used_x.add(x_i)
                used_y.add(y_i)
                x, y = per_article[a_i][x_i], per_article[b_i][y_i]
                level = severity(x.text, y.text)
                if level == "identical":
                    continue
                speaker = _named(x.speaker) or _named(y.speaker)
                ida, idb = ctx.articles[a_i].id, ctx.articles[b_i].id
                evidence = [ev for sp in x.spans for ev in ctx.evidence_over(a_i, sp)]
                evidence += [ev for sp in y.spans for ev in ctx.evidence_over(b_i, sp)]
                findings.append(Finding(
                    kind="quote_variant",
                    summary=f"{speaker} is quoted differently by {ida} and {idb} ({level})",
                    evidence=evidence,
                    details={"speaker": speaker, "severity": level,
                             "wordings": [{"article": ida, "text": x.text}, {"article": idb, "text": y.text}],
                             "diff": word_diff(x.text, y.text), "overlap": round(ratio, 3)},
                    score=round(ratio, 3),
                ))
    return findings
