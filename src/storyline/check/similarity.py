"""Lexical sentence and article similarity.

A sentence is described three ways: TF-IDF over content-word stems (rewording keeps most of them),
TF-IDF over character 4-grams of those stems (cognates and inflections across languages) and its
anchors (numbers, months, capitalised names: they survive translation). The three cosines are mixed
into one score in [0, 1]. Everything is sparse matrix algebra, so 10 reports take milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.check.text import anchors, char_ngrams, content_stems
from storyline.model import Article

WEIGHTS = (0.45, 0.35, 0.20)  # word cosine, char-gram cosine, anchor cosine


@dataclass
class SentenceRef:
    """One sentence of one article, by position in the flat list every matrix uses."""

    article: int  # index into the articles list
    sentence: int  # Sentence.index
    text: str
    stems: list[str]
    anchors: set[str]


def sentence_refs(articles: list[Article]) -> list[SentenceRef]:
    refs = []
    for a_i, art in enumerate(articles):
        for s in art.sentences:
            refs.append(SentenceRef(a_i, s.index, s.text, content_stems(s.text), anchors(s.text)))
    return refs


def _tfidf(docs: list[list[str]]) -> sparse.csr_matrix:
    """Rows are L2-normalised TF-IDF vectors (sublinear tf, smoothed idf)."""
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    rows, cols, vals = [], [], []
    for r, d in enumerate(docs):
        counts = Counter(d)
        weights = {}
        for term, c in counts.items():
            idf = math.log((1 + n) / (1 + df[term])) + 1.0
            weights[term] = (1.0 + math.log(c)) * idf
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, w in weights.items():
            rows.append(r)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float32)


ROW_BLOCK = 512  # sentences whose similarity rows are computed at a time (bounds the float64 temporaries)
BLOCKS_KEPT = 256  # report-pair blocks Similarity.pair keeps
DENSE_MAX = 12000  # up to this many sentences the whole matrix is kept (576 MB): exact, and the finders
# that ask for one pair at a time over every pair of reports stay fast (blocks on demand cost them 3x)
PAIRWISE_MAX = 100  # up to this many reports every pair of reports is aligned in full
NEIGHBOURS = 48  # beyond, each sentence's candidates are its best this many in other reports
KEEP = 0.2  # pairs at or above this are kept for candidate search (the lowest threshold any finder uses)


class Similarity:
    """Sentence similarity without an N x N matrix in memory.

    Why: a story of 1,000 reports has some 10,000 sentences; the dense matrix took 400 MB and every
    step that walked it was quadratic. Here the TF-IDF rows are kept, any block of the matrix is
    computed exactly on demand (``block``, ``pair``), and the pairs scoring at least KEEP, the only
    ones any finder starts from, are kept as a sparse matrix (``strong``). A block's values equal
    the dense matrix's bit for bit: a sparse product computes each entry from its two rows alone."""

    def __init__(self, refs: list[SentenceRef], *, strong: bool = True):
        self.n = len(refs)
        self.article = np.array([r.article for r in refs], dtype=np.intp)
        self.start: dict[int, int] = {}  # article -> its first flat position (an article's sentences are contiguous)
        for pos, r in enumerate(refs):
            self.start.setdefault(r.article, pos)
        self.size = Counter(r.article for r in refs)
        self._blocks: dict[tuple[int, int], np.ndarray] = {}
        self.words = _tfidf([r.stems for r in refs])
        self.grams = _tfidf([char_ngrams(r.stems) for r in refs])
        self.anch = _tfidf([sorted(r.anchors) for r in refs])
        self.binary = self.anch.copy()
        self.binary.data[:] = 1.0
        self.has_anchor = np.array([bool(r.anchors) for r in refs], dtype=bool)
        self.strong = self._strong() if strong else sparse.csr_matrix((self.n, self.n), dtype=np.float32)

    @property
    def shape(self) -> tuple[int, int]:
        return (self.n, self.n)

    def block(self, rows: list[int] | np.ndarray, cols: list[int] | np.ndarray) -> np.ndarray:
        """sim[rows][:, cols], exactly as the dense matrix has it (float32)."""
        rows, cols = np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
        if len(rows) == 0 or len(cols) == 0 or self.n == 0:
            return np.zeros((len(rows), len(cols)), dtype=np.float32)
        return _formula(self.words[rows], self.words[cols], self.grams[rows], self.grams[cols], self.anch[rows],
                        self.anch[cols], self.binary[rows], self.binary[cols], self.has_anchor[rows],
                        self.has_anchor[cols])

    def pair(self, a: int, b: int) -> float:
        """One score; the finders ask for many pairs of one pair of reports in a row, so the block of
        those two reports is computed once and kept (the last BLOCKS_KEPT of them)."""
        x, y = int(self.article[a]), int(self.article[b])
        block = self._blocks.get((x, y))
        if block is None:
            if len(self._blocks) >= BLOCKS_KEPT:
                self._blocks.pop(next(iter(self._blocks)))
            block = self.block(np.arange(self.start[x], self.start[x] + self.size[x]),
                               np.arange(self.start[y], self.start[y] + self.size[y]))
            self._blocks[(x, y)] = block
        return float(block[a - self.start[x], b - self.start[y]])

    def __getitem__(self, key: tuple[int, int]) -> float:
        return self.pair(int(key[0]), int(key[1]))

    def _strong(self) -> sparse.csr_matrix:
        everything = np.arange(self.n)
        return strong_pairs(self.article, lambda rows: self.block(rows, everything))

    def dense(self) -> np.ndarray:
        """The whole matrix, a block of rows at a time: the full-size float64 temporaries of the formula
        took about twelve times the memory of the result (9 GB for a story of 1,700 reports)."""
        out = np.zeros((self.n, self.n), dtype=np.float32)
        everything = np.arange(self.n)
        for lo in range(0, self.n, ROW_BLOCK):
            hi = min(self.n, lo + ROW_BLOCK)
            out[lo:hi] = self.block(np.arange(lo, hi), everything)
        return out


class DenseSimilarity:
    """The same interface over a full matrix (a small story's, or the embeddings-blended scores)."""

    def __init__(self, matrix: np.ndarray, article: np.ndarray):
        self.matrix = matrix
        self.n = matrix.shape[0]
        self.strong = strong_pairs(article, lambda rows: np.array(matrix[rows], dtype=np.float32))

    @property
    def shape(self) -> tuple[int, int]:
        return (self.n, self.n)

    def block(self, rows: list[int] | np.ndarray, cols: list[int] | np.ndarray) -> np.ndarray:
        return np.asarray(self.matrix[np.ix_(np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp))])

    def pair(self, a: int, b: int) -> float:
        return float(self.matrix[a, b])

    def __getitem__(self, key: tuple[int, int]) -> float:
        return self.pair(int(key[0]), int(key[1]))

    def dense(self) -> np.ndarray:
        return self.matrix


SentenceScores = Similarity | DenseSimilarity


def strong_pairs(article: np.ndarray, rows_of: Callable[[np.ndarray], np.ndarray]) -> sparse.csr_matrix:
    """The pairs scoring at least KEEP, a block of rows at a time (``rows_of`` gives those rows of
    the matrix). In a story of more than PAIRWISE_MAX reports only each sentence's NEIGHBOURS best
    in other reports are kept (and their mirror images), so the candidates every finder walks grow
    with the number of sentences, not with its square."""
    n = len(article)
    if n == 0:
        return sparse.csr_matrix((0, 0), dtype=np.float32)
    cap = len(np.unique(article)) > PAIRWISE_MAX
    parts = []
    for lo in range(0, n, ROW_BLOCK):
        dense = rows_of(np.arange(lo, min(n, lo + ROW_BLOCK)))
        dense[dense < KEEP] = 0.0
        if cap and n > NEIGHBOURS:
            dense[article[lo : lo + len(dense), None] == article[None, :]] = 0.0  # never a report's own
            best = np.argpartition(-dense, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]  # exactly so many, ties too
            kept = np.zeros(dense.shape, dtype=bool)
            kept[np.arange(len(dense))[:, None], best] = True
            dense[~kept] = 0.0
        parts.append(sparse.csr_matrix(dense))
    out: sparse.csr_matrix = sparse.vstack(parts, format="csr")
    if cap:
        out = out.maximum(out.T).tocsr()
    out.sort_indices()
    return out


def _formula(words_a: sparse.csr_matrix, words_b: sparse.csr_matrix, grams_a: sparse.csr_matrix,
             grams_b: sparse.csr_matrix, anch_a: sparse.csr_matrix, anch_b: sparse.csr_matrix,
             bin_a: sparse.csr_matrix, bin_b: sparse.csr_matrix, has_a: np.ndarray, has_b: np.ndarray) -> np.ndarray:
    """The mixed score of every row of the a side against every row of the b side."""
    w_word, w_gram, w_anch = WEIGHTS
    sim: np.ndarray = (w_word * (words_a @ words_b.T).toarray() + w_gram * (grams_a @ grams_b.T).toarray())
    anch_sim = (anch_a @ anch_b.T).toarray()
    shared = (bin_a @ bin_b.T).toarray()
    # One shared name ("Rubio") is weak evidence; two or more shared anchors count in full.
    anch_sim = anch_sim * np.minimum(shared / 2.0, 1.0)
    both = np.outer(has_a, has_b)
    # Sentences without anchors are judged on words alone (rescaled), so they are not penalised.
    return np.asarray(np.where(both, sim + w_anch * anch_sim, sim / (w_word + w_gram)), dtype=np.float32)


def sentence_scores(refs: list[SentenceRef]) -> SentenceScores:
    """The similarity of every pair of sentences: the whole matrix for a story of up to DENSE_MAX
    sentences, the sparse strong pairs and exact blocks on demand beyond."""
    scores = Similarity(refs, strong=len(refs) > DENSE_MAX)
    return DenseSimilarity(scores.dense(), scores.article) if len(refs) <= DENSE_MAX else scores


def similarity_matrix(refs: list[SentenceRef]) -> np.ndarray:
    """Dense N x N sentence similarity (N = all sentences of all articles), as float32: the whole
    ``Similarity`` at once (for small inputs and the embeddings blend)."""
    n = len(refs)
    if not refs:
        return np.zeros((n, n), dtype=np.float32)
    return Similarity(refs, strong=False).dense()


def article_vectors(articles: list[Article]) -> sparse.csr_matrix:
    """Whole-article TF-IDF over stems plus anchors (anchors doubled: they tell events apart)."""
    docs = []
    for art in articles:
        stems = content_stems(art.text)
        docs.append(stems + sorted(anchors(art.text)) * 2)
    return _tfidf(docs)
