"""suspect_term: a word that is probably a garbled member of a closed list.

Precise on purpose: the word must sit in a coordinated list ("neodymium and presidium") next to a
member of a lexicon, not be a member itself, and be clearly closest to one entry of that lexicon.
Another report using that entry raises confidence and is cited as evidence.
"""

from __future__ import annotations

import difflib
import re

from storyline.check.context import Context
from storyline.check.lexicons import LEXICONS
from storyline.check.text import fold
from storyline.model import Finding

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SEPARATOR = re.compile(r"^\s*(?:,|;|/|&|,?\s*(?:and|or|as well as|y|e|et|und|o|ou|oder)\b)\s*$", re.IGNORECASE)
CONJUNCTIONS = frozenset({"and", "or", "y", "e", "et", "und", "o", "ou", "oder", "as", "well"})
MIN_RATIO = 0.7
# Countries and capitals sit in lists with towns and regions the lexicon does not know ("Grindavik"),
# so a word must be a near-typo of one of them, not merely alike.
PROPER_NOUN_RATIO = 0.88
COMMON_NOUN_LEXICONS = frozenset({"chemical element", "currency", "title"})
MARGIN = 0.12


def _skeleton(word: str) -> str:
    """Consonants only, doubles collapsed: garbles keep the consonants ("presidium" ~ "praseodymium")."""
    out = []
    for ch in word:
        if ch not in "aeiouy" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def likeness(word: str, entry: str) -> float:
    """Half spelling, half consonant skeleton."""
    spelling = difflib.SequenceMatcher(None, word, entry).ratio()
    skeleton = difflib.SequenceMatcher(None, _skeleton(word), _skeleton(entry)).ratio()
    return 0.5 * spelling + 0.5 * skeleton


def _best_entry(word: str, lexicon: frozenset[str]) -> tuple[str, float, float]:
    scored = sorted(((likeness(word, e), e) for e in lexicon if e[0] == word[0]), reverse=True)
    if not scored:
        return "", 0.0, 0.0
    second = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][1], scored[0][0], second


def _is_inflection(word: str, lexicon: frozenset[str]) -> bool:
    """"dollars" for "dollar", "Pakistani" for "Pakistan": a different form, not a garble."""
    return any(word.startswith(e) or e.startswith(word) for e in lexicon if min(len(e), len(word)) >= 4)


def find(ctx: Context) -> list[Finding]:
    return find_in_lists(ctx) + find_acronyms(ctx)


def find_in_lists(ctx: Context) -> list[Finding]:
    findings = []
    seen: set[tuple[str, str]] = set()
    for a_i, art in enumerate(ctx.articles):
        for sent in art.sentences:
            words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(sent.text)
                     if fold(m.group()) not in CONJUNCTIONS]
            for k, (word, start, end) in enumerate(words):
                low = fold(word)
                if len(low) < 4:
                    continue
                for lex_name, lexicon in LEXICONS.items():
                    if low in lexicon:
                        continue
                    neighbours = []
                    for n in (k - 1, k + 1):
                        if 0 <= n < len(words):
                            lo, hi = sorted((n, k))
                            between = sent.text[words[lo][2] : words[hi][1]]
                            if SEPARATOR.match(between) and fold(words[n][0]) in lexicon:
                                neighbours.append(words[n][0])
                    if not neighbours or _is_inflection(low, lexicon):
                        continue
                    entry, ratio, second = _best_entry(low, lexicon)
                    floor = MIN_RATIO if lex_name in COMMON_NOUN_LEXICONS else PROPER_NOUN_RATIO
                    if ratio < floor or ratio - second < MARGIN:
                        continue
                    key = (art.id, low)
                    if key in seen:
                        continue
                    seen.add(key)
                    span = (sent.start + start, sent.start + end)
                    evidence = [ctx.evidence(a_i, sent.index, span)]
                    others = []
                    for b_i, other in enumerate(ctx.articles):
                        if b_i == a_i:
                            continue
                        for s in other.sentences:
                            if re.search(rf"\b{re.escape(entry)}\b", fold(s.text)):
                                others.append(other.id)
                                evidence.append(ctx.evidence(b_i, s.index))
                                break
                    summary = (f"{art.id} writes \"{word}\" in a list with {', '.join(neighbours)}: "
                               f"probably the {lex_name} \"{entry}\"")
                    if others:
                        summary += f" (as {', '.join(others)} writes)"
                    findings.append(Finding(
                        kind="suspect_term", summary=summary, evidence=evidence,
                        details={"article": art.id, "term": word, "suggestion": entry, "lexicon": lex_name,
                                 "list_neighbours": neighbours, "similarity": round(ratio, 3),
                                 "confirmed_by": others},
                        score=round(ratio + (0.2 if others else 0.0), 3),
                    ))
    return findings


ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours ("SDP"/"SPD", "MPCC"/"MPC")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def find_acronyms(ctx: Context) -> list[Finding]:
    """An acronym only one report uses, a swapped or dropped/added letter away from one that the
    other reports use and this one never does ("SDP" where the others write "SPD")."""
    used: dict[str, set[int]] = {}
    for a_i, art in enumerate(ctx.articles):
        for m in ACRONYM.finditer(art.text):
            used.setdefault(m.group(), set()).add(a_i)
    findings = []
    for a_i, art in enumerate(ctx.articles):
        mine = {t for t, users in used.items() if a_i in users}
        for term in sorted(t for t in mine if used[t] == {a_i}):
            # swapped or doubled letters only: a substitution ("CBI"/"CPI") is too often another body
            rivals = [c for c, users in used.items() if c not in mine and c[0] == term[0] and _one_edit(term, c)
                      and (sorted(c) == sorted(term) or len(c) != len(term))
                      and len(users) >= min(2, len(ctx.articles) - 1)]
            if len(rivals) != 1:
                continue
            cand = rivals[0]
            start = art.text.index(term)
            span = (start, start + len(term))
            others = sorted(used[cand])
            b_i = others[0]
            sent_b = next(s for s in ctx.articles[b_i].sentences if cand in s.text)
            findings.append(Finding(
                kind="suspect_term",
                summary=f"{art.id} writes \"{term}\" where {len(others)} other report(s) write \"{cand}\": "
                        f"probably a garbled \"{cand}\"",
                evidence=[ctx.evidence(a_i, art.sentence_at(span[0]), span), ctx.evidence(b_i, sent_b.index)],
                details={"article": art.id, "term": term, "suggestion": cand,
                         "lexicon": "acronyms of the other reports", "list_neighbours": [],
                         "similarity": None, "confirmed_by": [ctx.articles[i].id for i in others]},
                score=0.6,
            ))
    return findings
