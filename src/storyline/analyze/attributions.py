"""Whom a report cites: people and offices that "said", reports, statements, "according to" sources.

Read off the same speech acts as quotes.py, so a quote's speaker and the article's list of sources
always agree. ``source`` is the source in plain words: a person's full name ("Marco Rubio"), an office
as written ("Prime Minister Shehbaz Sharif's office"), a publication ("Dawn"), or the cited thing
("official figures", "a transcript on the State Department's website").
"""

from __future__ import annotations

import re

from storyline.analyze.sentences import split_sentences
from storyline.analyze.speakers import sentence_subject
from storyline.analyze.speech import Doc, SpeechAct, SpeechContext, read_speech
from storyline.model import Attribution, Mention, Sentence

# Verbs that cite a source (not "acknowledged", "vowed": those report an act, not a citation).
CITING_VERBS = {
    "said", "says", "told", "tells", "added", "adds", "replied", "responded", "stated", "states",
    "noted", "wrote", "tweeted", "posted", "warned", "explained", "declared", "insisted", "announced",
    "confirmed", "reported", "reports", "claimed", "asked", "argued",
    "dijo", "afirmó", "declaró", "señaló", "explicó", "aseguró", "añadió", "agregó", "indicó", "anunció",
    "a déclaré", "a dit", "a affirmé", "a ajouté", "a expliqué", "a indiqué", "a précisé", "a annoncé",
    "sagte", "sagt", "erklärte", "teilte", "betonte", "schrieb", "meinte",
    "ha detto", "ha dichiarato", "ha affermato", "disse", "afirmou", "declarou",
}
_STATEMENT = re.compile(
    r"\b(?:in|In)\s+(?:a|an|its|his|her|their|the)\s+(?:joint\s+|written\s+|brief\s+|separate\s+)?statement\b"
    r"|\b(?:a|the)\s+statement\s+(?:from|by|issued by)\b"
)
_REPORT_VERBS = {"reported", "reports"}


def _plain(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).strip(" ,.;:")


def find_attributions(
    text: str,
    sentences: list[Sentence],
    names: list[Mention],
    lang: str | None = None,
    *,
    context: SpeechContext | None = None,
) -> list[Attribution]:
    """Every source the article cites, in text order.

    ``context``: the article's speech already read by ``analyze`` (shared with ``find_quotes``).
    """
    if not text or not text.strip():
        return []
    if context is None:
        context = read_speech(text, sentences or split_sentences(text), names, lang)
    doc, acts = context.doc, context.acts
    out: list[Attribution] = []
    for a in acts:
        att = _from_act(text, a)
        if att is not None:
            out.append(att)
    for sa in context.script:  # Hindi, Urdu, Arabic, Bengali, Marathi, Gujarati (scriptspeech.py)
        if sa.speaker:
            start, end = min(sa.span[0], sa.verb_span[0]), max(sa.span[1], sa.verb_span[1])
            out.append(Attribution(sa.speaker, text[start:end], (start, end), "said", doc.sentence_at(start)))
    _mark_statements(doc, acts, out)
    seen: set[tuple[int, int]] = set()
    unique = []
    for att in sorted(out, key=lambda x: x.span):
        if att.span not in seen:
            seen.add(att.span)
            unique.append(att)
    return unique


def _from_act(text: str, a: SpeechAct) -> Attribution | None:
    if a.subject is None or a.framing:
        return None
    subj = a.subject
    if a.according:
        # "laut einem Gutachten"; German "einem Gutachten zufolge" puts the source first
        start, end = min(a.verb_span[0], subj.span[0]), max(subj.span[1], a.verb_span[1])
        if subj.kind == "pronoun" and not a.speaker:
            return None  # "selon lui" with nobody before it to be "lui"
        source = a.speaker if subj.kind in ("name", "pronoun") and a.speaker else _plain(subj.text)
        return Attribution(source, text[start:end], (start, end), "according_to", a.sentence)
    if a.verb.lower() not in CITING_VERBS or not a.speaker:
        return None
    start = min(subj.span[0], a.verb_span[0])
    end = max(subj.span[1], a.verb_span[1])
    if subj.kind == "office":
        source, kind = _plain(subj.text), "office"
    elif subj.kind == "report":
        source, kind = _plain(a.speaker), "report"
    elif subj.kind == "nominal":
        source, kind = _plain(subj.text), "said"
    else:
        source, kind = a.speaker, "said"
    if a.verb.lower() in _REPORT_VERBS:
        kind = "report"
    return Attribution(source, text[start:end], (start, end), kind, a.sentence)


def _mark_statements(doc: Doc, acts: list[SpeechAct], out: list[Attribution]) -> None:
    """'In a statement, the company ...' / 'X said in a statement': the source issued a statement."""
    text = doc.text
    for m in _STATEMENT.finditer(text):
        if doc.in_quote(m.start()):
            continue
        sent = doc.sentence_at(m.start())
        same = [att for att in out if att.sentence == sent and att.kind in ("said", "office")]
        if same:
            for att in same:
                att.kind = "statement" if att.kind == "said" else att.kind
            continue
        s_lo, s_hi = doc.sentence_bounds(m.start())
        subj = None
        framed = [(a.subject, a.speaker) for a in acts if a.sentence == sent and a.subject is not None and a.speaker]
        if framed:
            subj, speaker = framed[0]
            source = speaker if subj.kind == "name" else _plain(subj.text)
        else:
            subj = sentence_subject(text, s_lo, s_hi)
            if subj is None or subj.kind == "pronoun":
                continue
            source = _plain(subj.text)
        start, end = min(m.start(), subj.span[0]), max(m.end(), subj.span[1])
        out.append(Attribution(source, text[start:end], (start, end), "statement", sent))


__all__ = ["find_attributions"]
