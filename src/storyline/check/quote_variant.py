"""quote_variant: one statement of one speaker that the reports word differently.

The quotes are grouped into utterances first (check/utterances.py), so one statement quoted by
twenty reports is one finding, not a card per pair of reports. Each report's rendering is judged
against the utterance's reference wording: identical; typographic (quote marks, apostrophes,
dashes: never a finding); shortened (an excerpt, contiguous or with an ellipsis) or longer (it
quotes more of the statement): not variants; translated (another language); reworded; or meaning
changed (a negation, a number, a quantifier or a polarity word that differs). An utterance is a
finding when a report rewords it or changes its meaning.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from storyline.check.context import Context
from storyline.check.text import content_stems
from storyline.check.utterances import (
    Statement,
    Utterance,
    find_run,
    overlap,
    piece_texts,
    pieces,
    utterances,
    words,
)
from storyline.lang.fold import fold_word, stem
from storyline.model import Finding

NEGATIONS = frozenset("no not never nothing none neither nor cannot can't won't don't doesn't didn't "
                      "haven't hasn't isn't aren't wasn't weren't nobody nowhere without".split())
NEGATION_REACH = 3  # words either side of a kept run where a dropped negation still bears on it
SHORT_EDIT = 3
COUNTERPART_JACCARD = 0.4  # a sentence sharing this much of its words with another's is a version of it
COUNTERPART_CONTAINED = 0.7  # or the shorter one's words are nearly all in the other (a reworded excerpt)
MIN_UNATTESTED = 4  # content words a sentence needs before "found in no other report" means anything  # an inserted or dropped run this short is an edit of the claim, not a cut sentence
# Quantifiers and modals by what they claim: "every" -> "each" keeps the claim, "all" -> "most" not.
QUANTIFIERS = {w: cls for cls, words in {
    "all": "all every each always everyone everybody everything entire whole",
    "most": "most majority mostly",
    "many": "many much often",
    "some": "some several sometimes",
    "few": "few little rarely seldom hardly barely minority",
    "certain": "will must shall certainly definitely",
    "possible": "may might could possibly perhaps maybe",
}.items() for w in words.split()}
# Words whose opposite turns a claim round; compared by stem.
OPPOSITES = [("increase", "decrease"), ("increase", "reduce"), ("rise", "fall"), ("raise", "lower"),
             ("raise", "cut"), ("up", "down"), ("more", "less"), ("more", "fewer"), ("higher", "lower"),
             ("gain", "loss"), ("win", "lose"), ("accept", "reject"), ("approve", "reject"),
             ("support", "oppose"), ("agree", "disagree"), ("allow", "ban"), ("allow", "forbid"),
             ("before", "after"), ("guilty", "innocent"), ("open", "close"), ("safe", "dangerous"),
             ("legal", "illegal"), ("possible", "impossible"), ("likely", "unlikely"), ("success", "failure"),
             ("best", "worst"), ("strong", "weak"), ("strengthen", "weaken"), ("expand", "shrink"),
             ("start", "stop"), ("begin", "end"), ("true", "false"), ("right", "wrong"), ("good", "bad")]
OPPOSITE_STEMS = {frozenset((stem(a), stem(b))) for a, b in OPPOSITES}
NOT_VARIANTS = ("identical", "typographic", "shortened", "longer", "translated")


def _shared_part(text: str, other: str) -> str:
    """``text`` less the sentences ``other`` has no counterpart for: two reports often quote
    different stretches of one statement, and a sentence only one of them quotes is no variant."""
    kept = [p for p in piece_texts(text) if _has_counterpart(p, other)]
    return " … ".join(kept) if kept else text


def _negated(toks: list[str]) -> bool:
    return any(t in NEGATIONS or t.endswith("n't") for t in toks)


def _negations(toks: list[str]) -> int:
    return sum(t in NEGATIONS or t.endswith("n't") for t in toks) % 2


def _numbers(toks: list[str]) -> set[str]:
    return {s for s in content_stems(" ".join(toks)) if s.startswith("num:")}


def _changes_claim(a: list[str], b: list[str]) -> bool:
    """Does replacing words ``a`` of the reference by ``b`` change what is claimed?"""
    if not a or not b:
        edit = a or b
        return len(edit) <= SHORT_EDIT and (_negated(edit) or any(QUANTIFIERS.get(t) in ("all", "most", "few")
                                                                 for t in edit))
    if max(len(a), len(b)) > 2 * min(len(a), len(b)) + SHORT_EDIT:
        return False  # a passage the one side left out, not a word it changed
    if _negated(a) != _negated(b):
        return True
    na, nb = _numbers(a), _numbers(b)
    if na and nb and na != nb:
        return True
    qa = {QUANTIFIERS[t] for t in a if t in QUANTIFIERS}
    qb = {QUANTIFIERS[t] for t in b if t in QUANTIFIERS}
    if qa and qb and qa != qb:
        return True
    sa, sb = {stem(t) for t in a}, {stem(t) for t in b}
    return any(frozenset((x, y)) in OPPOSITE_STEMS for x in sa for y in sb)


def _excerpt(reference: list[str], kept: list[list[str]]) -> str | None:
    """"shortened" when every piece is a run of the reference, "meaning changed" when a cut took a
    negation next to the kept words ("do not support X" -> "support X"), None when not an excerpt."""
    starts = []
    for piece in kept:
        at = find_run(reference, piece)
        if at is None:
            return None
        starts.append(at)
    covered = {i for at, piece in zip(starts, kept, strict=True) for i in range(at, at + len(piece))}
    for at, piece in zip(starts, kept, strict=True):
        near = range(max(0, at - NEGATION_REACH), min(len(reference), at + len(piece) + NEGATION_REACH))
        if any(i not in covered and _negated([reference[i]]) for i in near):
            return "meaning changed"
    return "shortened"


def classify(reference: str, rendering: str, *, translated: bool = False) -> str:
    """How ``rendering`` renders ``reference``: one of identical, typographic, shortened, longer,
    translated, reworded, meaning changed."""
    if rendering.strip() == reference.strip():
        return "identical"
    ref, got = words(reference), words(rendering)
    if ref == got:
        return "typographic"
    if translated:
        na, nb = _numbers(ref), _numbers(got)
        return "meaning changed" if na and nb and na != nb else "translated"
    kept = pieces(rendering)
    cut = _excerpt(ref, kept)
    if cut == "shortened" and sum(map(len, kept)) >= len(ref):
        return "typographic"  # the same words, split differently
    if cut is not None:
        return cut
    if _excerpt(got, pieces(reference)) == "shortened":
        return "longer"
    # quoting a sentence the other leaves out is not a variant: compare the sentences both quote
    reference, rendering = _shared_part(reference, rendering), _shared_part(rendering, reference)
    ref, got = words(reference), words(rendering)
    cut = _excerpt(ref, pieces(rendering))
    if cut is not None:
        return cut
    if _excerpt(got, pieces(reference)) == "shortened":
        return "longer"
    matcher = difflib.SequenceMatcher(None, ref, got, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal" and _changes_claim(ref[i1:i2], got[j1:j2]):
            return "meaning changed"
    return "reworded"


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """Word-level diff as a list of {op, a, b} with op in equal/replace/delete/insert."""
    wa, wb = a.split(), b.split()
    norm_a = [fold_word(re.sub(r"[^\w']", "", w.translate({0x2019: "'"}))) for w in wa]
    norm_b = [fold_word(re.sub(r"[^\w']", "", w.translate({0x2019: "'"}))) for w in wb]
    ops = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, norm_a, norm_b, autojunk=False).get_opcodes():
        ops.append({"op": op, "a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return ops


SEVERITY = {"identical": "identical", "typographic": "identical", "shortened": "minor", "longer": "minor",
            "translated": "minor", "reworded": "reworded", "meaning changed": "different meaning"}


def severity(a: str, b: str) -> str:
    """How far ``b`` is from ``a`` in the dossier's terms: identical, minor, reworded, different meaning."""
    return SEVERITY[classify(a, b)]


def _has_counterpart(piece: str, other: str) -> bool:
    """Does ``other`` quote ``piece`` at all: word for word, an excerpt of it, or a rewording?"""
    mine, theirs = words(piece), words(other)
    if find_run(theirs, mine) is not None:
        return True
    stems = set(content_stems(piece))
    for q in piece_texts(other):
        if find_run(mine, words(q)) is not None:
            return True
        q_stems = set(content_stems(q))
        shared = len(stems & q_stems)
        if stems and shared / len(stems | q_stems) >= COUNTERPART_JACCARD:
            return True
        if shared >= 3 and shared / min(len(stems), len(q_stems)) >= COUNTERPART_CONTAINED:
            return True
    return False


def unattested(rendering: Statement, others: list[Statement]) -> list[str]:
    """The sentences of ``rendering`` that no other report quotes in any form."""
    if not others:
        return []
    texts = list(dict.fromkeys(o.text for o in others))  # each wording once: copies say nothing new
    return [p for p in piece_texts(rendering.text)
            if len(set(content_stems(p))) >= MIN_UNATTESTED and not any(_has_counterpart(p, t) for t in texts)]


def _finding(ctx: Context, utt: Utterance) -> Finding | None:
    ref = utt.renderings[utt.reference]
    ref_lang = ctx.articles[ref.article].lang
    order = [utt.reference] + [i for i in range(len(utt.renderings)) if i != utt.reference]
    same_lang = [r for r in utt.renderings if ctx.articles[r.article].lang == ref_lang]
    wordings: list[dict[str, Any]] = []
    variants: list[tuple[str, Statement, dict[str, Any]]] = []
    extra: list[tuple[Statement, dict[str, Any]]] = []
    for i in order:
        r = utt.renderings[i]
        aid = ctx.articles[r.article].id
        translated = ctx.articles[r.article].lang != ref_lang
        cls = "reference" if i == utt.reference else classify(ref.text, r.text, translated=translated)
        entry: dict[str, Any] = {"article": aid, "text": r.text, "class": cls}
        alone = [] if translated else unattested(r, [o for o in same_lang if o is not r])
        if alone:
            entry["unattested"] = alone
            extra.append((r, entry))
            if cls in NOT_VARIANTS:
                entry["class"] = "not found in any source"
        if cls not in NOT_VARIANTS and cls != "reference":
            entry["diff"] = word_diff(_shared_part(ref.text, r.text), _shared_part(r.text, ref.text))
            variants.append((cls, r, entry))
        wordings.append(entry)
    if not variants and not extra:
        return None
    speaker = utt.speaker or "An unnamed speaker"
    ref_id = ctx.articles[ref.article].id
    alone_ids = _listed([e["article"] for _, e in extra]) if extra else ""
    if variants:
        changed = [v for v in variants if v[0] == "meaning changed"]
        level = "different meaning" if changed else "reworded"
        diff = (changed or variants)[0][2]["diff"]
        summary = f"{speaker} is quoted differently by {_listed([ref_id] + [e['article'] for _, _, e in variants])}"
        summary += f" ({level})" + (f"; words found in no other report: {alone_ids}" if extra else "")
        ratios = [overlap(ref, r)[0] for _, r, _ in variants]
    else:
        level = "minor"
        other = next((r for r, _ in extra if r is not ref), None) or utt.renderings[order[1]]
        diff = word_diff(ref.text, other.text)
        summary = f"{speaker} is quoted with words found in no other report by {alone_ids} ({level})"
        ratios = [overlap(ref, r)[0] for r, _ in extra if r is not ref] or [1.0]
    evidence = [ev for r in (utt.renderings[i] for i in order) for sp in r.spans
                for ev in ctx.evidence_over(r.article, sp)]
    return Finding(
        kind="quote_variant",
        summary=summary,
        evidence=evidence,
        details={"speaker": utt.speaker, "severity": level,
                 "reference": {"article": ref_id, "text": ref.text},
                 "wordings": wordings, "diff": diff, "overlap": round(min(ratios), 3)},
        score=round(min(ratios), 3),
    )


def _listed(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


def find(ctx: Context) -> list[Finding]:
    return [f for utt in utterances(ctx) if (f := _finding(ctx, utt)) is not None]


__all__ = ["Statement", "classify", "find", "severity", "word_diff"]
