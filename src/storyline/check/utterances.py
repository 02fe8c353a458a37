"""Utterances: one thing a speaker said, as every report of a story renders it.

Reports quote one statement many times over; comparing each report's quotes with every other's
makes one card per pair of reports. Here the direct quotes of a story are grouped first: the same
speaker (unknown speakers by text alone) and enough shared content words, or, across languages,
the same speaker and sentences the aligner put in one claim. Each group gets a reference wording,
the one most reports quote verbatim, that every report's rendering is then judged against.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from storyline.check.context import Context
from storyline.check.text import anchors, content_stems, tokens
from storyline.lang.fold import fold_word
from storyline.lang.unionfind import components
from storyline.model import Article, as_span

MIN_OVERLAP = 0.45  # shared content words / those of the shorter statement
MIN_SHARED = 3
UNKNOWN_SPEAKER_OVERLAP = 0.7  # stricter when one side has no resolved speaker
NO_SPEAKER_SHARED = 4  # and stricter still when neither has one: the text alone must decide,
NO_SPEAKER_JACCARD = 0.5  # on most of the words of both

TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
                             "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                             "–": "-", "—": "-", "‒": "-", "―": "-", "\u00a0": " "})


@dataclass
class Statement:
    """Consecutive direct quotes of one speaker in one paragraph of one report."""

    article: int
    speaker: str | None
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)


@dataclass
class Utterance:
    """One statement of one speaker; ``renderings`` holds one Statement per report quoting it."""

    speaker: str | None
    renderings: list[Statement]
    reference: int = 0  # index into renderings


def typographic_form(text: str) -> str:
    """The wording with the differences no reader would call a change removed: quote marks,
    apostrophes, dashes, spacing, the case of the first letter and the punctuation at either end."""
    text = re.sub(r"\s+", " ", text.translate(TYPOGRAPHIC).replace("...", "…")).strip()
    text = text.strip(" \"'.,;:!?-")
    return text[:1].lower() + text[1:]


def words(text: str) -> list[str]:
    """The folded words of a wording, typography aside."""
    return [fold_word(t) for t in tokens(typographic_form(text))]


def piece_texts(text: str) -> list[str]:
    """The runs a report quotes without a cut: split at ellipses and sentence ends."""
    parts = re.split(r"…|\[\s*…\s*\]|(?<=[.!?])\s+", typographic_form(text))
    return [p for p in parts if words(p)]


def pieces(text: str) -> list[list[str]]:
    return [words(p) for p in piece_texts(text)]


def find_run(long_: list[str], short: list[str]) -> int | None:
    """Where ``short`` occurs as a run of words in ``long_``, or None."""
    n = len(short)
    if n == 0:
        return None
    for i in range(len(long_) - n + 1):
        if long_[i : i + n] == short:
            return i
    return None


def quotes_verbatim(wording: str, rendering: str) -> bool:
    """Does ``rendering`` quote ``wording`` word for word, whole or in excerpts?"""
    whole = words(wording)
    return all(find_run(whole, piece) is not None for piece in pieces(rendering))


def _paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\s*\n", text)]


def statements(article: Article, a_i: int) -> list[Statement]:
    """Reports often break one statement with "he said": join the pieces of one paragraph."""
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


def named(speaker: str | None) -> str | None:
    """A speaker usable for grouping: a proper name ("Andrew Bailey", "SpaceX"), not "officials"."""
    return speaker if speaker and speaker[:1].isupper() else None


def same_speaker(x: str | None, y: str | None) -> bool | None:
    """True/False when both are known; None when either is unknown."""
    x, y = named(x), named(y)
    if not x or not y:
        return None
    fx, fy = fold_word(x).split(), fold_word(y).split()
    return fx == fy or fx[-1] == fy[-1]


def overlap(a: Statement, b: Statement) -> tuple[float, int]:
    shared = len(a.stems & b.stems)
    smaller = min(len(a.stems), len(b.stems)) or 1
    return shared / smaller, shared


def _one_utterance(ctx: Context, x: Statement, y: Statement) -> bool:
    same = same_speaker(x.speaker, y.speaker)
    if same is False:
        return False
    ratio, shared = overlap(x, y)
    if same is None:
        if not (named(x.speaker) or named(y.speaker)):  # the text alone: most of both, not a label in a list
            union = len(x.stems | y.stems) or 1
            return shared / union >= NO_SPEAKER_JACCARD and shared >= NO_SPEAKER_SHARED
        return ratio >= UNKNOWN_SPEAKER_OVERLAP and shared >= MIN_SHARED
    if ratio >= MIN_OVERLAP and shared >= MIN_SHARED:
        return True
    if ctx.articles[x.article].lang != ctx.articles[y.article].lang:
        return _translated(ctx, x, y)
    return False


def _translated(ctx: Context, x: Statement, y: Statement) -> bool:
    """A translation shares few words: the same named speaker, a like length, the same names and
    numbers, and every sentence of the shorter quote aligned into one claim with one of the other's."""
    short, long_ = sorted((x, y), key=lambda s: len(s.stems))
    if not short.stems or len(long_.stems) > 2 * len(short.stems):
        return False
    ax, ay = anchors(x.text), anchors(y.text)
    if (ax or ay) and not ax & ay:
        return False
    return all(any(ctx.same_claim(short.article, s, long_.article, t) for t in long_.sentences)
               for s in short.sentences)


def _merge(parts: list[Statement]) -> Statement:
    """One report quoting one utterance in two places: one rendering, each distinct piece once."""
    parts = sorted(parts, key=lambda s: s.spans[0])
    kept: list[Statement] = []
    for p in parts:
        form = typographic_form(p.text)
        if any(form in typographic_form(k.text) for k in kept):
            continue
        kept = [k for k in kept if typographic_form(k.text) not in form] + [p]
    kept.sort(key=lambda s: s.spans[0])
    first = kept[0]
    return Statement(first.article, next((k.speaker for k in kept if named(k.speaker)), first.speaker),
                     " … ".join(k.text for k in kept), [sp for k in kept for sp in k.spans],
                     [s for k in kept for s in k.sentences], set().union(*(k.stems for k in kept)))


def choose_reference(ctx: Context, renderings: list[Statement]) -> int:
    """The wording most reports quote verbatim (typography aside; an excerpt quotes the wording it
    is cut from), in the story's main language; ties go to the earliest dated report, then to the
    shorter wording: the core the reports share, not one report's longer version of it."""
    forms = [typographic_form(r.text).casefold() for r in renderings]
    langs = Counter(ctx.articles[r.article].lang for r in renderings)
    # by distinct wording: a statement quoted by a thousand reports has few wordings
    texts = Counter(r.text for r in renderings)
    attested_by = {t: sum(n * quotes_verbatim(t, other) for other, n in texts.items()) for t in texts}
    attested = [attested_by[r.text] for r in renderings]

    def key(i: int) -> tuple[int, int, str, int, int]:
        art = ctx.articles[renderings[i].article]
        return (-attested[i], -langs[art.lang], art.date or "9999", len(forms[i]), renderings[i].article)

    return min(range(len(renderings)), key=key)


def _candidates(ctx: Context, flat: list[Statement]) -> list[tuple[int, int]]:
    """The pairs of statements (of different reports) that could be one utterance: those sharing at
    least MIN_SHARED content words (every rule asks for that many), and, for translations, those of
    one named speaker in two languages. Counted as a sparse product, not a loop over every pair."""
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(w, len(vocab)) for st in flat for w in sorted(st.stems)]
    rows = [i for i, st in enumerate(flat) for _ in st.stems]
    incidence = sparse.csr_matrix((np.ones(len(cols), dtype=np.int32), (rows, cols)), shape=(len(flat), max(len(vocab), 1)))
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    article = np.array([st.article for st in flat], dtype=np.int64)
    keep = (shared.data >= MIN_SHARED) & (article[shared.row] != article[shared.col])
    pairs = set(zip(shared.row[keep].tolist(), shared.col[keep].tolist(), strict=True))
    by_speaker: dict[str, list[int]] = {}
    for i, st in enumerate(flat):
        name = named(st.speaker)
        surname = fold_word(name).split()[-1:] if name else []
        if surname:
            by_speaker.setdefault(surname[0], []).append(i)
    for members in by_speaker.values():
        by_lang: dict[str | None, list[int]] = {}
        for i in members:
            by_lang.setdefault(ctx.articles[flat[i].article].lang, []).append(i)
        langs = list(by_lang)
        for x in range(len(langs)):
            for y in range(x + 1, len(langs)):
                pairs.update((min(i, j), max(i, j)) for i in by_lang[langs[x]] for j in by_lang[langs[y]]
                             if flat[i].article != flat[j].article)
    return sorted(pairs)


def utterances(ctx: Context) -> list[Utterance]:
    """Direct quotes grouped into utterances quoted by at least two reports, in story order.

    Only candidate pairs are tested (``_candidates``), and a pair already joined through others is
    not tested again: the groups are the same as testing every pair, and a statement quoted by a
    thousand reports costs a thousand tests, not half a million."""
    flat = [s for i, art in enumerate(ctx.articles) for s in statements(art, i)]
    parent = list(range(len(flat)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = []
    for i, j in _candidates(ctx, flat):
        ri, rj = root(i), root(j)
        if ri != rj and _one_utterance(ctx, flat[i], flat[j]):
            parent[rj] = ri
            edges.append((i, j))
    out = []
    for group in components(range(len(flat)), edges):
        by_article: dict[int, list[Statement]] = {}
        for s in (flat[i] for i in group):
            by_article.setdefault(s.article, []).append(s)
        if len(by_article) < 2:
            continue
        renderings = [_merge(parts) for _, parts in sorted(by_article.items())]
        speakers = Counter(named(r.speaker) for r in renderings if named(r.speaker))
        speaker = speakers.most_common(1)[0][0] if speakers else None
        out.append(Utterance(speaker, renderings, choose_reference(ctx, renderings)))
    return out
