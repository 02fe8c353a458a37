"""The learned same-event pair model (group/pairfeatures.py, group/pairmodel.py, eval/train_pairs.py).

Floors are on out-of-fold figures only: the whole protocol (fit, calibration, clustering choice)
is rerun here with five folds grouped by story family, each held-out fold grouped on its own.
Measured with storyline.group.pairs.v3 (the shipped model: 24 pair features, clustering from single
reports with text dates 90 days apart, event tags and the leads' headline masses, magnitudes and sums
as cannot-links, no topic vectors): B-cubed F1 0.970 on dev (3 of 23 hard-negative pairs merged;
events.v4 on the same piles: 0.955, 4 merged), 0.916 on ECB+ topics 1-35 (6 of 33 sub-topic pairs
merged; v4: 0.798), Pearson 0.685 with the SemEval-2022 Task 8 Overall score (plain TF-IDF cosine:
0.709). (pairs.v2 with the same features: dev 0.946 / 5 merged, ECB+ 0.904 / 8, 0.685; the 0.951 it
recorded came from a feature cache that predated changes in lang/. The v5 instance tags' event names
took dev to 0.959 / 4, the figure cannot-links to 0.970 / 3.) ECB+ and SemEval are below the issue's
targets (0.92, 0.75) and dev merges hard negatives, which is why the model is the selectable method "learned" and not the default; the
floors sit just under the measured figures so a regression fails; raise them when it improves.
(pairs.v1: 0.911 / 8 merged, 0.882, 0.676.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline.group import group  # noqa: E402
from storyline.group.cluster import average_link  # noqa: E402
from storyline.group.pairfeatures import FEATURE_NAMES, topic_columns  # noqa: E402
from storyline.group.pairmodel import MODEL_FILE, PairModel, load_model  # noqa: E402
from storyline.model import Article  # noqa: E402

DEV_BCUBED_FLOOR = 0.965
ECB_BCUBED_FLOOR = 0.91
SEMEVAL_PEARSON_FLOOR = 0.68
DEV_HARD_NEGATIVES_MERGED_CEILING = 3


def test_the_shipped_model_names_its_features_data_and_version():
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(raw["features"]) == FEATURE_NAMES
    assert raw["version"].startswith("storyline.group.pairs.v")
    assert raw["training_data"] and raw["training_script"] and raw["trained"]
    assert set(raw["out_of_fold"]) >= {"dev", "ecb+", "semeval_pearson"}
    model = load_model()
    assert 0 < model.clustering.threshold < 1 and model.platt_a > 0


def test_probabilities_are_the_logistic_of_the_calibrated_score():
    model = load_model()
    rng = np.random.default_rng(7)
    x = rng.random((5, len(FEATURE_NAMES)))
    z = ((x - model.mean) / model.scale) @ model.coef + model.intercept
    want = 1 / (1 + np.exp(-(model.platt_a * z + model.platt_b)))
    assert np.allclose(model.probabilities(x), want)
    assert model.probabilities(np.zeros((0, len(FEATURE_NAMES)))).shape == (0,)


def test_a_model_file_for_other_features_is_refused():
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    raw["features"] = raw["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        PairModel.from_dict(raw)


def test_same_event_reports_outscore_a_sibling_event():
    """Invented reports: two of one rate decision, one of the bank's decision months later."""
    a = Article(id="a", lang="en", date="2024-06-06", text="The Bank of Norvania cut its key rate to 3.75% from "
                "4.00% on Thursday, its first cut since 2019, governor Ilsa Varnholt said in Kelport.")
    b = Article(id="b", lang="en", date="2024-06-06", text="Norvania's central bank lowered the key rate to 3.75% "
                "on Thursday. Governor Ilsa Varnholt said the cut was the first since 2019.")
    c = Article(id="c", lang="en", date="2024-11-07", text="The Bank of Norvania cut its key rate to 3.25% from "
                "3.50% on Thursday, governor Ilsa Varnholt said in Kelport.")
    stories = group([a, b, c], method="learned")
    assert sorted(sorted(s.articles) for s in stories) == [["a", "b"], ["c"]]
    assert stories[0].method == "storyline.group.events.v6"


@pytest.mark.slow
def test_out_of_fold_floors(dev_corpus):
    pytest.importorskip("sklearn")
    from eval.pairdata import ECB, SEMEVAL
    from eval.train_pairs import cross_validate, load_data

    if not (ECB.is_file() and SEMEVAL.is_file()):
        pytest.skip("../shared/corpus/ecbplus or semeval2022-task8 is not present")
    oof = cross_validate(load_data())
    dev, ecb = oof["corpora"]["dev"], oof["corpora"]["ecb+"]
    assert dev["articles"] == 183 and ecb["articles"] == 772
    assert dev["bcubed"]["f1"] >= DEV_BCUBED_FLOOR, dev["bcubed"]
    assert ecb["bcubed"]["f1"] >= ECB_BCUBED_FLOOR, ecb["bcubed"]
    assert len(dev["hard_negatives_merged"]) <= DEV_HARD_NEGATIVES_MERGED_CEILING, dev["hard_negatives_merged"]
    assert oof["semeval"]["pearson"] >= SEMEVAL_PEARSON_FLOOR, oof["semeval"]
    # The figures the shipped model file records are the ones measured here (the file is current).
    recorded = load_model().meta["out_of_fold"]
    assert abs(recorded["dev"]["bcubed_f1"] - dev["bcubed"]["f1"]) < 0.005
    assert abs(recorded["ecb+"]["bcubed_f1"] - ecb["bcubed"]["f1"]) < 0.005
    assert abs(recorded["semeval_pearson"] - oof["semeval"]["pearson"]) < 0.005


def test_learned_store_in_halves_groups_like_batch(tmp_path, dev_corpus):
    """Incremental = batch for the learned method too: a store ingested in two halves holds the
    stories that group(method="learned") makes of the whole corpus in one run."""
    from storyline.ingest import ingest
    from storyline.read import read
    from storyline.store import Store

    lines = dev_corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[::2]), encoding="utf-8")
    b.write_text("".join(lines[1::2]), encoding="utf-8")
    with Store(tmp_path / "halves.db") as s:
        ingest(s, read([str(a)]), method="learned")
        ingest(s, read([str(b)]), method="learned")
        rows = s.conn.execute("SELECT a.id, sa.story FROM story_articles sa JOIN articles a ON a.key = sa.article")
        stored: dict[str, list[str]] = {}
        for aid, sid in rows:
            stored.setdefault(sid, []).append(aid)
        methods = {m for (m,) in s.conn.execute("SELECT DISTINCT method FROM stories")}
    batch = group([x for x in read([str(a), str(b)]) if isinstance(x, Article)], method="learned")
    assert methods == {"storyline.group.events.v6"}
    assert sorted(sorted(m) for m in stored.values()) == sorted(sorted(s.articles) for s in batch)


def _rate_reports(path: Path) -> Path:
    """Invented reports (as in the test above), one JSON line each."""
    rows = [
        {"id": "a", "lang": "en", "date": "2024-06-06", "text": "The Bank of Norvania cut its key rate to 3.75% "
         "from 4.00% on Thursday, its first cut since 2019, governor Ilsa Varnholt said in Kelport."},
        {"id": "b", "lang": "en", "date": "2024-06-06", "text": "Norvania's central bank lowered the key rate to "
         "3.75% on Thursday. Governor Ilsa Varnholt said the cut was the first since 2019."},
        {"id": "c", "lang": "en", "date": "2024-11-07", "text": "The Bank of Norvania cut its key rate to 3.25% "
         "from 3.50% on Thursday, governor Ilsa Varnholt said in Kelport."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_cli_offers_the_learned_method_for_group_and_ingest(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app
    from storyline.store import Store

    src = _rate_reports(tmp_path / "rates.jsonl")
    res = CliRunner().invoke(app, ["group", str(src), "--method", "learned", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["method"] == "storyline.group.events.v6"
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.db"), "--method", "learned"])
    assert res.exit_code == 0, res.output
    with Store(tmp_path / "s.db") as s:
        assert {m for (m,) in s.conn.execute("SELECT DISTINCT method FROM stories")} == {"storyline.group.events.v6"}
    res = CliRunner().invoke(app, ["group", str(src), "--method", "learnt"])
    assert res.exit_code != 0


def _random_graph(n: int, seed: int) -> dict[tuple[int, int], float]:
    rng = np.random.default_rng(seed)
    return {(i, j): float(rng.random()) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.4}


def test_average_link_from_single_items_is_the_plain_clustering():
    edges = _random_graph(30, 3)
    plain = average_link(30, edges, 0.5)
    assert average_link(30, edges, 0.5, start=[[i] for i in range(30)]) == plain
    assert any(len(c) > 1 for c in plain)


def test_average_link_from_clusters_joins_them_whole_by_their_average():
    """Clusters {0,1} and {2,3}: one strong pair (0,2) and three missing ones average 0.25."""
    start = [[0, 1], [2, 3], [4]]
    assert average_link(5, {(0, 2): 1.0}, 0.3, start=start) == start
    assert average_link(5, {(0, 2): 1.0}, 0.25, start=start) == [[0, 1, 2, 3], [4]]
    # a start cluster is never split, however weak its own pairs
    assert [0, 1] in average_link(5, {(0, 1): -1.0, (1, 4): 0.9}, 0.5, start=start)


def test_the_v4_join_only_coarsens_the_v4_stories(dev_corpus):
    from storyline.group.batch import cluster_probabilities, pair_probabilities, prepare, rules_clusters
    from storyline.group.features import extract
    from storyline.group.pairmodel import Clustering
    from storyline.read import read

    arts = sorted((a for a in read([str(dev_corpus)]) if isinstance(a, Article)), key=lambda a: a.id)[:80]
    prep = prepare([extract(a) for a in arts])
    v4 = rules_clusters(prep)
    probs = pair_probabilities(prep, load_model())
    joined = cluster_probabilities(prep, probs, Clustering(0.2, None, False, 0.0, "v4"))
    where = {m: k for k, c in enumerate(joined) for m in c}
    assert all(len({where[m] for m in c}) == 1 for c in v4)
    assert len(joined) <= len(v4)
    assert cluster_probabilities(prep, probs, Clustering(1.01, None, False, 0.0, "v4")) == sorted(v4)


def test_topic_columns_are_zero_where_a_vector_is_missing():
    a, b = np.array([1.0, 0.0]), np.array([0.6, 0.8])
    cols = topic_columns([a, b, None], [(0, 1), (0, 2), (0, 0)])
    assert cols[1].tolist() == [0.0, 0.0]
    assert cols[0][1] == 1.0 and cols[2][1] == 1.0
    assert cols[2][0] > cols[0][0]  # identical vectors are closer than cosine 0.6


def _prepared(n: int, dated: list[list[tuple[int, int, bool, bool]]], tags: list[dict] | None = None):
    from storyline.group.batch import Prepared

    return Prepared(vectors=[None] * n, pairs=set(), tags=tags or [{} for _ in range(n)],  # type: ignore[list-item]
                    anchored=[False] * n, dated=dated, df={}, n_docs=n)


def test_a_text_gap_keeps_reports_of_days_months_apart_apart():
    """Three reports that score alike; two name (in their text, no publication day) days 60 apart."""
    from storyline.group.batch import cluster_probabilities
    from storyline.group.pairmodel import Clustering

    day = 739000
    prep = _prepared(3, [[(day, day, True, False)], [(day + 60, day + 60, True, False)], []])
    probs = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9}
    assert cluster_probabilities(prep, probs, Clustering(0.5)) == [[0, 1, 2]]
    assert cluster_probabilities(prep, probs, Clustering(0.5, text_gap=90)) == [[0, 1, 2]]
    apart = cluster_probabilities(prep, probs, Clustering(0.5, text_gap=30))
    assert len(apart) == 2 and not any({0, 1} <= set(c) for c in apart)


def test_day_tags_forbid_a_merge_only_when_asked():
    """Two undated reports whose leads name different weekdays: a follow-up (ECB+) or another instance."""
    from storyline.group.batch import cluster_probabilities
    from storyline.group.pairmodel import Clustering

    prep = _prepared(2, [[], []], [{"wd": {"2": 1}}, {"wd": {"3": 1}}])
    probs = {(0, 1): 0.9}
    assert cluster_probabilities(prep, probs, Clustering(0.5, event_tags=True)) == [[0, 1]]
    assert cluster_probabilities(prep, probs, Clustering(0.5, event_tags=True, day_tags=True)) == [[0], [1]]


def test_the_interaction_columns_are_the_products_they_name():
    from storyline.group.batch import prepare
    from storyline.group.features import extract
    from storyline.group.pairfeatures import PairInput, pair_matrix

    rows = [
        Article(id="a", lang="en", date="2024-06-06", text="The Bank of Norvania cut its key rate to 3.75% from 4.00% "
                "on Thursday, the sixth cut, governor Ilsa Varnholt said in Kelport."),
        Article(id="c", lang="en", date="2024-11-07", text="The Bank of Norvania cut its key rate to 3.25% from "
                "3.75% on Thursday, the seventh cut, governor Ilsa Varnholt said in Kelport."),
    ]
    prep = prepare([extract(a) for a in rows])
    x = pair_matrix([PairInput(v, t) for v, t in zip(prep.vectors, prep.tags, strict=True)], [(0, 1)],
                    prep.df, prep.n_docs)[0]
    col = {n: float(v) for n, v in zip(FEATURE_NAMES, x, strict=True)}
    assert col["log_gap_days"] > 4 and col["idf_shared_names"] > 0  # five months apart, names shared
    assert col["names_x_log_gap"] == pytest.approx(col["idf_shared_names"] * col["log_gap_days"])
    assert col["numbers_x_log_gap"] == pytest.approx(col["idf_shared_numbers"] * col["log_gap_days"])
    assert col["max_number_x_far"] == pytest.approx(col["max_idf_shared_number"] * col["gap_reliable_far"])
    assert col["words_x_tag_conflict"] == pytest.approx(col["cos_words_same_lang"] * col["tag_conflict"])
    assert col["numbers_x_tag_conflict"] == pytest.approx(col["idf_shared_numbers"] * col["tag_conflict"])


def test_the_semeval_weight_scales_only_the_semeval_rows():
    from types import SimpleNamespace

    from eval.pairdata import ScoredPairs
    from eval.train_pairs import Data, _training_rows

    pile = SimpleNamespace(corpus="dev", fold=0, x=np.zeros((4, 2)), y=np.asarray([1.0, 0.0, 0.0, 0.0]))
    scored = ScoredPairs(np.ones((2, 2)), np.asarray([1.0, 4.0]), ["f1", "f2"])

    def weights(w: float) -> tuple[np.ndarray, np.ndarray]:
        data = Data([], [pile], scored, np.asarray([0, 0]), semeval_weight=w)  # type: ignore[list-item]
        _, y, wt = _training_rows(data, {0})
        return y, wt

    y, one = weights(1.0)
    _, zero = weights(0.0)
    _, two = weights(2.0)
    dev, se = slice(0, 4), slice(4, None)
    # balanced: both sources weigh the same in total; the soft label puts Overall 1 on "same", 4 on "not"
    assert one[dev].sum() == pytest.approx(one[se].sum())
    assert list(y[se]) == [1.0, 1.0, 0.0, 0.0] and list(one[se][[0, 3]] > 0) == [True, True]
    assert np.allclose(zero[dev], one[dev]) and np.allclose(two[dev], one[dev])
    assert not zero[se].any() and np.allclose(two[se], 2 * one[se])


def test_spearman_reads_ranks_with_ties_and_ignores_the_scale():
    from eval.train_pairs import spearman

    a = np.asarray([0.01, 0.02, 0.5, 0.99])
    assert spearman(a, a ** 5) == pytest.approx(1.0)  # any increasing transform: the same order
    assert spearman(a, -a) == pytest.approx(-1.0)
    assert np.corrcoef(a, a ** 5)[0, 1] < 0.99  # where Pearson sees the curve
    # ties share their mean rank: [1, 1, 2] against [0, 1, 2] is the Pearson of [0.5, 0.5, 2] and [0, 1, 2]
    assert spearman(np.asarray([1.0, 1.0, 2.0]), np.asarray([0.0, 1.0, 2.0])) == pytest.approx(
        float(np.corrcoef([0.5, 0.5, 2.0], [0.0, 1.0, 2.0])[0, 1]))


def test_the_trees_learner_forms_an_interaction_the_linear_one_cannot():
    """--learner gbt (measured, not shipped) fits the same weighted rows (soft SemEval labels
    included) and can learn what a logistic regression needs pairfeatures' v2 products for."""
    pytest.importorskip("sklearn")
    from types import SimpleNamespace

    from eval.pairdata import ScoredPairs
    from eval.train_pairs import LR, Data, Trees, fit

    rng = np.random.default_rng(3)
    x = rng.integers(0, 2, size=(400, 2)).astype(np.float64)
    y = (x[:, 0] == x[:, 1]).astype(np.float64)  # xor-like: no line separates it
    pile = SimpleNamespace(corpus="dev", fold=0, x=x, y=y)
    scored = ScoredPairs(np.asarray([[1.0, 1.0], [1.0, 0.0]] * 20), np.asarray([1.0, 4.0] * 20), ["f"] * 40)
    data = Data([], [pile], scored, np.zeros(40, dtype=int))  # type: ignore[list-item]
    grid = np.asarray([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    trees = fit(data, {0}, Trees(depth=2, trees=20)).raw(grid)
    linear = fit(data, {0}, LR).raw(grid)
    assert min(trees[:2]) > max(trees[2:]) + 1.0
    assert not min(linear[:2]) > max(linear[2:]) + 1.0


def test_the_factor_learner_fits_topic_on_families_and_instance_within_them():
    """--learner factor (measured, not shipped): p_topic learns "same story family" (a sibling event
    counts as the same topic), p_instance learns "same story" from pairs of one family only, and the
    raw score is log p_topic + log p_instance, so a sibling event scores under the same event."""
    pytest.importorskip("sklearn")
    from types import SimpleNamespace

    from eval.pairdata import ScoredPairs
    from eval.train_pairs import Data, Factor, _factor_rows, fit

    from storyline.group.pairfeatures import FEATURE_NAMES

    rng = np.random.default_rng(5)
    n, width = 600, len(FEATURE_NAMES)
    topic_col, instance_col = FEATURE_NAMES.index("cos_words_same_lang"), FEATURE_NAMES.index("tag_conflict")
    fam = rng.integers(0, 2, size=n).astype(np.float64)
    y = fam * rng.integers(0, 2, size=n)  # a pair of one story is always of one family
    x = rng.normal(0.0, 0.1, size=(n, width))
    x[:, topic_col] += fam  # words tell the family
    x[:, instance_col] += 1.0 - y  # the tags tell the sibling within it (and say nothing across families)
    pile = SimpleNamespace(corpus="dev", fold=0, x=x, y=y)
    scored = ScoredPairs(np.zeros((2, width)), np.asarray([1.0, 4.0]), ["f1", "f2"])
    data = Data([], [pile], scored, np.asarray([0, 0]), same_family={("dev", 0): fam})  # type: ignore[list-item]
    cols = np.arange(width)
    xi, yi, _ = _factor_rows(data, {0}, cols, "instance")
    assert len(xi) == int(fam.sum()) and np.array_equal(yi, y[fam > 0])  # pairs of one family only
    _, yt, _ = _factor_rows(data, {0}, cols, "topic")
    assert np.array_equal(yt[:n], fam) and len(yt) == n + 4  # then SemEval's soft label as two rows each
    m = fit(data, {0}, Factor())
    same, sibling, other = np.zeros((3, width))
    same[topic_col], sibling[topic_col], sibling[instance_col], other[instance_col] = 1.0, 1.0, 1.0, 1.0
    raw = m.raw(np.stack([same, sibling, other]))
    assert (raw <= 0).all()  # the log of a product of two probabilities
    assert raw[0] > raw[1] + 1.0 and raw[0] > raw[2] + 1.0
