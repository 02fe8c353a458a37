"""A large story's similarity is kept sparse (strong pairs, exact blocks on demand); it must give the
very dossier the full matrix gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from storyline.check import compare, similarity
from storyline.check.similarity import DenseSimilarity, Similarity, sentence_refs, similarity_matrix
from storyline.model import Article
from storyline.pipeline import extract

REPO = Path(__file__).resolve().parents[1]


def _example() -> list[Article]:
    return [a for a in extract([str(REPO / "examples" / "port-alder-fire")]) if isinstance(a, Article)]


def test_blocks_equal_the_full_matrix_bit_for_bit():
    refs = sentence_refs(_example())
    full = similarity_matrix(refs)
    sparse_scores = Similarity(refs)
    rows, cols = [0, 3, 7, len(refs) - 1], [1, 2, 5, 8, len(refs) - 2]
    assert np.array_equal(sparse_scores.block(rows, cols), full[np.ix_(rows, cols)])
    assert sparse_scores.pair(3, 8) == float(full[3, 8])
    strong = sparse_scores.strong.toarray()
    assert np.array_equal(strong, np.where(full >= similarity.KEEP, full, 0))


def test_the_sparse_path_gives_the_same_dossier(monkeypatch):
    dense = compare(_example(), method="lexical").to_dict()
    monkeypatch.setattr(similarity, "DENSE_MAX", 0)
    sparse_dossier = compare(_example(), method="lexical").to_dict()
    assert sparse_dossier == dense


def test_past_the_pairwise_limit_each_sentence_keeps_few_candidates(monkeypatch):
    monkeypatch.setattr(similarity, "PAIRWISE_MAX", 2)
    monkeypatch.setattr(similarity, "NEIGHBOURS", 2)
    refs = sentence_refs(_example())
    strong = DenseSimilarity(similarity_matrix(refs), np.array([r.article for r in refs])).strong
    article = np.array([r.article for r in refs])
    coo = strong.tocoo()
    assert not np.any(article[coo.row] == article[coo.col])  # never a report's own sentences
    assert strong.nnz <= 2 * 2 * len(refs)
