"""name_variant: one entity spelled differently across reports (Shehbaz/Shahbaz, Abalat/Albalat).

Two names are variants only with shared context: multi-word names must share a word exactly
("Sharif") and differ elsewhere by a small edit; single words must also occur in sentences that
the alignment says tell the same thing. Members of one lexicon (two countries) are never variants,
and a prefix ("Pakistan"/"Pakistani") is an inflection, not a respelling. A given name before one
surname is a respelling when it sounds alike ("Mark"/"Marco Rubio", "Shehbaz"/"Shahbaz Sharif"), not
when it is merely close in letters ("Maria"/"Martin"); a short form of the given name ("Alex"/
"Alexander Vantrell") is the same person written two ways. A quote's speaker counts as a name of its report.
"""

from __future__ import annotations

from collections import defaultdict

from storyline.check.context import Context
from storyline.check.entities import NameOcc, names_of
from storyline.lang.fold import fold_word, levenshtein
from storyline.lang.stopwords import STOPWORDS
from storyline.lang.terms import LEXICONS
from storyline.model import Article, Finding, as_span

_ALL_LEXICON = frozenset().union(*LEXICONS.values())


_SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"), ("w", "v"), ("y", "i"), ("j", "i"))


def _sound_key(word: str) -> str:
    """Consonants as they sound, doubles and a final vowel dropped: "marco" and "mark" give "mrk",
    "shehbaz" and "shahbaz" give "shbs"."""
    for letters, sound in _SOUNDS:
        word = word.replace(letters, sound)
    out: list[str] = []
    for ch in word[:1] + "".join(c for c in word[1:] if c not in "aeiou"):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _given_respelling(a: str, b: str) -> bool:
    """Two folded given names that sound alike: "mark"/"marco", "sergei"/"sergey"."""
    if a == b or min(len(a), len(b)) < 4 or a[0] != b[0] or levenshtein(a, b) > 2:
        return False
    return _sound_key(a) == _sound_key(b)


def _given_shortened(a: str, b: str) -> bool:
    """A given name and its short form: "alex"/"alexander", "chris"/"christopher"."""
    short, full = sorted((a, b), key=len)
    return len(short) >= 3 and len(full) > len(short) and full.startswith(short)


def _close(a: str, b: str) -> bool:
    """Two folded words that look like respellings of one another."""
    if a == b or min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    if a.startswith(b) or b.startswith(a):
        return False
    if a.replace("s", "z") == b.replace("s", "z"):
        return False  # British/American spelling ("Organisation"), not a different name
    if a in _ALL_LEXICON and b in _ALL_LEXICON:
        return False
    dist = levenshtein(a, b)
    limit = 1 if max(len(a), len(b)) <= 5 else 2
    return dist <= limit


def _variant(x: str, y: str, people: bool = False) -> str | None:
    """"accents", "spelling", "shortened" or None. ``people``: both are names of persons."""
    if x == y or x.replace("’", "'") == y.replace("’", "'"):
        return None
    tx, ty = x.split(), y.split()
    if fold_word(x) == fold_word(y):
        return "accents" if x.lower() != y.lower() else None
    if len(tx) != len(ty):
        return None
    fx, fy = [fold_word(t) for t in tx], [fold_word(t) for t in ty]
    same = [a == b for a, b in zip(fx, fy, strict=True)]
    differing = [(a, b) for a, b, s in zip(fx, fy, same, strict=True) if not s]
    if len(differing) != 1:
        return None
    a, b = differing[0]
    if a in STOPWORDS or b in STOPWORDS:
        return None
    if people and len(tx) >= 2 and not same[0] and len(fx[-1]) >= 4:
        if _given_shortened(a, b):
            return "shortened"  # "Alex"/"Alexander Vantrell"
        return "spelling" if _given_respelling(a, b) else None  # a given name before one surname
    return "spelling" if _close(a, b) else None


def _speakers(article: Article, known: set[str]) -> list[NameOcc]:
    """Quote speakers of two words or more that the report's names do not list: a name the resolver
    carried over ("the minister said" resolved to the minister's full name) is still the report's."""
    out = []
    for q in article.quotes:
        if q.speaker and len(q.speaker.split()) >= 2 and q.speaker not in known:
            span = as_span(q.speaker_span) if q.speaker_span else as_span(q.span)
            if article.text[span[0] : span[1]] != q.speaker:
                span = as_span(q.span)  # resolved from "he" or a surname: point at the quote
            out.append(NameOcc(q.speaker, "person", q.sentence, span))
    return out


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters deleted: two words within edit distance ``depth`` share one."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _blocking_keys(name: str) -> set[tuple[object, ...]]:
    """Keys that any two names ``_variant`` can pair share at least one of, so that only names
    sharing a key are compared. Accents: the folded name. Otherwise one word differs and the rest
    agree: per word position, the other words plus either the word's first three letters (a short
    form, which only a name of two words or more has, is a prefix of three letters or more) or its
    first letter and one of its two-deletion forms (a respelling keeps the first letter, is within
    edit distance 2, and both words have four letters or more)."""
    keys: set[tuple[object, ...]] = {("accents", fold_word(name))}
    folded = [fold_word(t) for t in name.split()]
    for i, word in enumerate(folded):
        rest = (len(folded), i, *folded[:i], *folded[i + 1 :])
        if len(word) >= 3 and len(folded) >= 2:
            keys.add(("prefix", rest, word[:3]))
        if len(word) >= 4:
            keys.update(("edit", rest, word[0], d) for d in _deletions(word, 2))
    return keys


def _candidate_pairs(names: set[str]) -> set[tuple[str, str]]:
    """Pairs of distinct names (in sorted order) that share a blocking key: a superset of the pairs
    ``_variant`` can call variants, found without comparing every name with every other."""
    buckets: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for name in sorted(names):
        for key in _blocking_keys(name):
            buckets[key].append(name)
    out = set()
    for members in buckets.values():
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                out.add((x, y))
    return out


def find(ctx: Context) -> list[Finding]:
    occurrences: dict[int, dict[str, list[NameOcc]]] = {}
    for a_i, art in enumerate(ctx.articles):
        by_text: dict[str, list[NameOcc]] = defaultdict(list)
        for occ in names_of(art):
            by_text[occ.text].append(occ)
        for occ in _speakers(art, set(by_text)):
            by_text[occ.text].append(occ)
        occurrences[a_i] = by_text
    reports_of: dict[str, list[int]] = defaultdict(list)  # name -> the reports using it, in order
    for a_i, by_text in occurrences.items():
        for text in by_text:
            reports_of[text].append(a_i)
    pairs: dict[tuple[str, str], str] = {}
    for key in sorted(_candidate_pairs(set(reports_of))):
        kind = _pair_kind(ctx, occurrences, reports_of, *key)
        if kind is not None:
            pairs[key] = kind
    findings = []
    for (x, y), kind in sorted(pairs.items()):
        users: dict[str, list[str]] = {x: [], y: []}  # spelling -> ids of the reports using it
        evidence = []
        for a_i, by_text in occurrences.items():
            for spelling in (x, y):
                if spelling in by_text:
                    occ = by_text[spelling][0]
                    users[spelling].append(ctx.articles[a_i].id)
                    evidence.append(ctx.evidence(a_i, occ.sentence, occ.span))
        if not users[x] or not users[y]:
            continue
        summary = (f"\"{x}\" ({', '.join(users[x])}) and \"{y}\" ({', '.join(users[y])}) "
                   f"look like one name spelled two ways")
        findings.append(Finding(kind="name_variant", summary=summary, evidence=evidence,
                                details={"variants": {x: users[x], y: users[y]}, "difference": kind},
                                score=0.6 if kind in ("accents", "shortened") else 0.9))
    return findings


def _pair_kind(ctx: Context, occurrences: dict[int, dict[str, list[NameOcc]]],
               reports_of: dict[str, list[int]], u: str, v: str) -> str | None:
    """What kind of variant two names are, judged on the last pair of reports (in report order)
    where one uses the first name and not the second, the other the second and not the first
    (the pair that decided when every pair of reports was compared in order)."""
    only_u = [a for a in reports_of[u] if v not in occurrences[a]]
    only_v = [b for b in reports_of[v] if u not in occurrences[b]]
    trials = sorted(((a, b, u, v) if a < b else (b, a, v, u) for a in only_u for b in only_v), reverse=True)
    for a_i, b_i, x, y in trials:
        occ_x, occ_y = occurrences[a_i][x], occurrences[b_i][y]
        people = (any(o.type == "person" for o in occ_x) and any(o.type == "person" for o in occ_y))
        kind = _variant(x, y, people)
        if kind is None:
            continue
        if len(x.split()) == 1 and not any(
            ctx.same_claim(a_i, ox.sentence, b_i, oy.sentence) for ox in occ_x for oy in occ_y
        ):
            continue
        return kind
    return None
