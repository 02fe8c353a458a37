"""The learned same-event model: a logistic regression over pair features, calibrated, read from a
JSON file in the package and applied with numpy alone.

Why a file and not code: the weights, the calibration and the clustering threshold are chosen by
cross-validation grouped by story family (eval/train_pairs.py), not by hand; the file names the
data they were fitted on, the version and the date, and its out-of-fold scores, so a reader can
tell what a probability of 0.7 was measured against. scikit-learn is needed only to train.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from storyline.group.pairfeatures import FEATURE_NAMES

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "pairs_model.json"


@dataclass(frozen=True)
class Clustering:
    """How the learned method clusters (chosen by cross-validation, eval/train_pairs.py): average link
    at ``threshold`` on the calibrated probability, where a pair blocking never proposed counts as
    probability ``missing``; ``max_gap``: publication days this many days apart forbid a merge (None:
    dates never do); ``event_tags``: differing counters and phases (not weekdays) forbid it too.
    ``start``: "items" (from single reports) or "v4" (join only whole events.v4 stories, under v4's
    instance-tag cannot-links, and v4's own date rules where ``max_gap`` is None). ``text_gap``
    (start "items"): any two day-level event times, also ones read from a text, this many days
    apart forbid a merge (None: only publication days do); wide enough for an ECB+ story that runs
    for weeks, narrow enough for the same bank's decision two months later. ``day_tags`` (with
    ``event_tags``): weekdays and yearless days named in the leads forbid a merge too, as in v4.
    ``figure_tags`` (with ``event_tags``): so do headline figures that disagree (instance.figure_conflict)."""

    threshold: float
    max_gap: int | None = None
    event_tags: bool = False
    missing: float = 0.0
    start: str = "items"
    text_gap: int | None = None
    day_tags: bool = False
    figure_tags: bool = False


@dataclass(frozen=True)
class PairModel:
    """Standardise, weigh, then Platt-calibrate: p = 1 / (1 + exp(-(a * z + b))), z the raw score.
    ``clustering``: how the probabilities are clustered (batch.Clustering)."""

    version: str
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    platt_a: float
    platt_b: float
    clustering: Clustering
    meta: dict[str, Any] = field(default_factory=dict)

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The uncalibrated score of each row of ``x`` (columns in ``names`` order)."""
        if x.shape[0] == 0:
            return np.zeros(0)
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept, dtype=np.float64)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Calibrated same-event probabilities, one per row."""
        z = self.platt_a * self.raw(x) + self.platt_b
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0))), dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version, "features": list(self.names),
            "scaler": {"mean": self.mean.tolist(), "scale": self.scale.tolist()},
            "logistic": {"coef": self.coef.tolist(), "intercept": self.intercept},
            "calibration": {"kind": "platt", "a": self.platt_a, "b": self.platt_b},
            "clustering": {"linkage": "average", **asdict(self.clustering)},
            **self.meta,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PairModel:
        names = tuple(d["features"])
        if names != FEATURE_NAMES:
            raise ValueError(f"pair model features {names} differ from this storyline's {FEATURE_NAMES}: "
                             "retrain it with `python -m eval.train_pairs --write`")
        known = {"version", "features", "scaler", "logistic", "calibration", "clustering"}
        return cls(
            version=d["version"], names=names,
            mean=np.asarray(d["scaler"]["mean"], dtype=np.float64),
            scale=np.asarray(d["scaler"]["scale"], dtype=np.float64),
            coef=np.asarray(d["logistic"]["coef"], dtype=np.float64),
            intercept=float(d["logistic"]["intercept"]),
            platt_a=float(d["calibration"]["a"]), platt_b=float(d["calibration"]["b"]),
            clustering=Clustering(**{k: v for k, v in d["clustering"].items() if k != "linkage"}),
            meta={k: v for k, v in d.items() if k not in known},
        )


@cache
def load_model(path: Path = MODEL_FILE) -> PairModel:
    """The shipped model (read once per process)."""
    return PairModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


__all__ = ["MODEL_FILE", "Clustering", "PairModel", "load_model"]
