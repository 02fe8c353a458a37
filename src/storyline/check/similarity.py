"""Lexical sentence and article similarity.

A sentence is described three ways: TF-IDF over content-word stems (rewording keeps most of them),
TF-IDF over character 4-grams of those stems (cognates and inflections across languages) and its
anchors (numbers, months, capitalised names: they survive translation). The three cosines are mixed
into one score in [0, 1]. Everything is sparse matrix algebra, so 10 reports take milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
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


def similarity_matrix(refs: list[SentenceRef]) -> np.ndarray:
    """Dense N x N sentence similarity (N = all sentences of all articles), as float32.

    Computed a block of rows at a time: the full-size float64 temporaries of the formula took about
    twelve times the memory of the result (9 GB for a story of 1,700 reports). Each row's values are
    the same either way (a sparse product computes every row on its own)."""
    n = len(refs)
    out = np.zeros((n, n), dtype=np.float32)
    if not refs:
        return out
    words = _tfidf([r.stems for r in refs])
    grams = _tfidf([char_ngrams(r.stems) for r in refs])
    anch = _tfidf([sorted(r.anchors) for r in refs])
    binary = anch.copy()
    binary.data[:] = 1.0
    has_anchor = np.array([bool(r.anchors) for r in refs])
    w_word, w_gram, w_anch = WEIGHTS
    for lo in range(0, n, ROW_BLOCK):
        hi = min(n, lo + ROW_BLOCK)
        sim: np.ndarray = (w_word * (words[lo:hi] @ words.T).toarray()
                           + w_gram * (grams[lo:hi] @ grams.T).toarray())
        anch_sim = (anch[lo:hi] @ anch.T).toarray()
        shared = (binary[lo:hi] @ binary.T).toarray()
        # One shared name ("Rubio") is weak evidence; two or more shared anchors count in full.
        anch_sim = anch_sim * np.minimum(shared / 2.0, 1.0)
        both = np.outer(has_anchor[lo:hi], has_anchor)
        # Sentences without anchors are judged on words alone (rescaled), so they are not penalised.
        out[lo:hi] = np.where(both, sim + w_anch * anch_sim, sim / (w_word + w_gram))
    return out


def article_vectors(articles: list[Article]) -> sparse.csr_matrix:
    """Whole-article TF-IDF over stems plus anchors (anchors doubled: they tell events apart)."""
    docs = []
    for art in articles:
        stems = content_stems(art.text)
        docs.append(stems + sorted(anchors(art.text)) * 2)
    return _tfidf(docs)
