"""suspect_term: a word that is probably a garbled member of a closed list.

Precise on purpose: the word must sit in a coordinated list ("neodymium and presidium") next to a
member of a lexicon, not be a member itself, and be clearly closest to one entry of that lexicon.
Another report using that entry raises confidence and is cited as evidence. A country's official
name or endonym ("Türkiye", "Czechia") is a name, never a garble; nor is an acronym another report
writes too when none writes the one it would be a garble of (TTP is not a garbled TP). A place's
spelling in another language ("Teheran", "Bagdad") is a spelling, and an acronym of a known body (CDU
beside CSU) is that body.
"""

from __future__ import annotations

import difflib
import re

from storyline.check.context import Context
from storyline.lang.fold import fold_word
from storyline.lang.names import KNOWN_ORGS
from storyline.lang.places import PLACE_NAMES, place_level
from storyline.lang.terms import LEXICONS
from storyline.model import Article, Finding

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
    out: list[str] = []
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
    found = find_in_lists(ctx) + find_acronyms(ctx)
    for extra in (find_expansions(ctx), find_self_inconsistent(ctx)):
        seen = {(f.details["article"], f.details["term"]) for f in found}
        found.extend(f for f in extra if (f.details["article"], f.details["term"]) not in seen)
    return found


def find_in_lists(ctx: Context) -> list[Finding]:
    findings = []
    seen: set[tuple[str, str]] = set()
    for a_i, art in enumerate(ctx.articles):
        for sent in art.sentences:
            words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(sent.text)
                     if fold_word(m.group()) not in CONJUNCTIONS]
            for k, (word, start, end) in enumerate(words):
                low = fold_word(word)
                if len(low) < 4 or low in PLACE_NAMES:
                    continue
                for lex_name, lexicon in LEXICONS.items():
                    if low in lexicon:
                        continue
                    neighbours = []
                    for n in (k - 1, k + 1):
                        if 0 <= n < len(words):
                            lo, hi = sorted((n, k))
                            between = sent.text[words[lo][2] : words[hi][1]]
                            if SEPARATOR.match(between) and fold_word(words[n][0]) in lexicon:
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
                            if re.search(rf"\b{re.escape(entry)}\b", fold_word(s.text)):
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
        for term in sorted(t for t in mine if used[t] == {a_i} and not _spelled_out(art, t) and t not in KNOWN_ORGS):
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


EXPANSION_SKIP = frozenset("of the and for de la le les du des del los las y et und der die das für di e "
                           "della dei".split())
PARENS = re.compile(r"\(([A-Z]{3,6})\)")
NAME_WORD = re.compile(r"\b[A-Z][a-zà-ÿ]{3,}\b|\b[A-Z]{3,6}\b")


def _finding(ctx: Context, a_i: int, term: str, span: tuple[int, int], cand: str, why: str,
             lexicon: str, confirmed: list[int]) -> Finding:
    art = ctx.articles[a_i]
    evidence = [ctx.evidence(a_i, art.sentence_at(span[0]), span)]
    for b_i in confirmed[:1]:
        sent = next((x for x in ctx.articles[b_i].sentences if re.search(rf"\b{re.escape(cand)}\b", x.text)), None)
        if sent is not None:
            evidence.append(ctx.evidence(b_i, sent.index))
    return Finding(kind="suspect_term", summary=f"{art.id} writes \"{term}\" {why}: probably a garbled \"{cand}\"",
                   evidence=evidence,
                   details={"article": art.id, "term": term, "suggestion": cand, "lexicon": lexicon,
                            "list_neighbours": [], "similarity": None,
                            "confirmed_by": [ctx.articles[i].id for i in confirmed]},
                   score=0.6)


_PARTICLE = re.compile(r"(?<=\w)-(?:[a-z]{1,3}-)+(?=[A-Z])")


def _readings(art: Article, start: int, term: str) -> list[tuple[int, list[str], str]]:
    """The initials of the last len(term)-1 and len(term) words before an acronym in brackets. A short
    lower-case particle inside a hyphenated name gives no letter ("Tehrik-i-Taliban Pakistan" is TTP)."""
    before = _PARTICLE.sub("-", art.text[max(0, start - 120) : start])
    words = [w for w in WORD.findall(before) if fold_word(w) not in EXPANSION_SKIP]
    out = []
    for n in (len(term) - 1, len(term)):
        if len(words) < n:
            continue
        tail = words[-n:]
        if not all(w[0].isupper() for w in tail) and art.lang in (None, "en", "de"):
            continue  # in English and German the words of a name are capitalised
        out.append((n, tail, "".join(_initial(w) for w in tail)))
    return out


def _initial(word: str) -> str:
    """What a word gives an acronym: a short all-caps word gives all its letters ("US Strategic
    Metals" is USSM), any other word its first letter."""
    return word if word.isupper() and len(word) <= 4 else word[0].upper()


def _spelled_out(art: Article, term: str) -> bool:
    """Whether the report writes the words of the acronym before it: "Monetary Policy Committee (MPC)"."""
    return any(initials == term for m in re.finditer(rf"\({re.escape(term)}\)", art.text)
               for _, _, initials in _readings(art, m.start(), term))


def _stands_on_its_own(ctx: Context, a_i: int, term: str, readings: list[tuple[int, list[str], str]]) -> bool:
    """Another report writes the acronym too and none writes what it would be a garble of: an
    organisation of its own whose expansion this report shortened ("Tehrik-i-Taliban Pakistan (TTP)")."""
    others = [o.text for b, o in enumerate(ctx.articles) if b != a_i]
    if not any(re.search(rf"\b{re.escape(term)}\b", text) for text in others):
        return False
    return not any(re.search(rf"\b{re.escape(initials)}\b", text) for _, _, initials in readings for text in others)


def find_expansions(ctx: Context) -> list[Finding]:
    """An acronym in brackets after the words it abbreviates, one letter away from their initials:
    "Monetary Policy Committee (MPCC)" is a garbled "MPC"."""
    findings = []
    for a_i, art in enumerate(ctx.articles):
        seen = set()
        for m in PARENS.finditer(art.text):
            term = m.group(1)
            if term in seen:
                continue
            readings = _readings(art, m.start(), term)
            if _spelled_out(art, term):
                continue  # the words spell it: "Monetary Policy Committee (MPC)"
            if _stands_on_its_own(ctx, a_i, term, readings):
                continue
            for n, tail, initials in readings:
                # one letter doubled ("MPCC" for three words) or one substituted ("OMC" for three words)
                doubled = n == len(term) - 1 and any(term[:i] + term[i + 1 :] == initials and term[i] == term[i - 1]
                                                     for i in range(1, len(term)))
                swapped = n == len(term) and _one_edit(term, initials)
                if initials[0] == term[0] and (doubled or swapped):
                    seen.add(term)
                    others = [b for b, o in enumerate(ctx.articles) if b != a_i and re.search(rf"\b{initials}\b", o.text)]
                    findings.append(_finding(ctx, a_i, term, (m.start(1), m.end(1)), initials,
                                             f"for \"{' '.join(tail)}\", whose initials are {initials}",
                                             "initials of the words before it", others))
                    break
    return findings


def _one_place(a: str, b: str) -> bool:
    """Two spellings of one place in the gazetteer ("Baghdad", "Bagdad")."""
    la, lb = place_level(a), place_level(b)
    return la is not None and lb is not None and la[0] == lb[0]


def find_self_inconsistent(ctx: Context) -> list[Finding]:
    """A name one report writes once, a dropped, added or swapped letter away from a name it writes
    several times itself and that another report writes too ("Eton Fire" among five "Eaton"s).
    Acronyms may also differ by one substituted letter here ("OMC" once, "OMS" three times)."""
    counts: list[dict[str, int]] = []
    for art in ctx.articles:
        c: dict[str, int] = {}
        for m in NAME_WORD.finditer(art.text):
            c[m.group()] = c.get(m.group(), 0) + 1
        counts.append(c)
    findings = []
    for a_i, art in enumerate(ctx.articles):
        mine = counts[a_i]
        for term, n in sorted(mine.items()):
            if n != 1 or any(term in counts[b] for b in range(len(ctx.articles)) if b != a_i):
                continue
            if term in KNOWN_ORGS:
                continue  # a body of its own (CDU beside CSU)
            acronym = term.isupper()
            rivals = []
            for cand, uses in mine.items():
                if uses < 2 or cand == term or cand[0] != term[0] or cand.isupper() != acronym:
                    continue
                if not _one_edit(term, cand) or _one_place(term, cand):
                    continue
                if not acronym and len(cand) == len(term) and sorted(cand) != sorted(term):
                    continue  # a substituted letter in a word is too often another name (Mira/Mora)
                if not acronym and (cand.startswith(term) or term.startswith(cand)):
                    continue  # another form of the word ("Islands", "Valencian"), not a misspelling
                others = [b for b in range(len(ctx.articles)) if b != a_i and cand in counts[b]]
                if others or uses >= 3:
                    rivals.append((cand, others))
            if len(rivals) != 1:
                continue
            cand, others = rivals[0]
            at = re.search(rf"\b{re.escape(term)}\b", art.text)
            if at is None:
                continue
            findings.append(_finding(ctx, a_i, term, (at.start(), at.end()), cand,
                                     f"once where it writes \"{cand}\" {mine[cand]} times",
                                     "the report's own spelling", others))
    return findings
