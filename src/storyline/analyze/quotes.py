"""Quotes and who said them: direct quotes (inside quote marks) and indirect ones ("X said that ...").

A direct quote takes its speaker from, in order of trust:
1. an attribution right after it (“…,” Rubio said / “…”, sagte Lagarde / “…,” said the minister);
2. an attribution right before it (Rubio said: “…” / According to X, “…”);
3. for a fragment inside the reporter's sentence, the verb that frames it (described X as “…”);
4. the quote it continues: the next piece of a quote split by "he said", a new paragraph of the
   same quote, a sentence after "He added that …", or text ended by a dangling closing mark.
In a transcript ("SECRETARY MARWICK: …", "Q: …") every turn is a direct quote of its label's speaker
(transcript.py).
Each step down lowers ``confidence``. A phrase in quote marks with none of these is given no speaker:
guessing one would be a false attribution. When it is a fragment of 1-3 words with no speech verb
beside it either (scare quotes, terms, titles: the so-called “moderate” rebels), it is nobody's speech:
it is kept, as kind "mention", so that nothing is lost, but it is not a direct quote (``is_mention``).
"""

from __future__ import annotations

import bisect
import re

from storyline.analyze.quotemarks import Segment
from storyline.analyze.resolver import Resolver
from storyline.analyze.scriptspeech import ScriptAct
from storyline.analyze.sentences import split_sentences
from storyline.analyze.speakers import (
    Subject,
    looks_like_person_name,
    sentence_subject,
    subject_after,
    subject_before,
)
from storyline.analyze.speech import Doc, SpeechAct, SpeechContext, read_speech, speech_word_in
from storyline.analyze.speechwords import LEARNED_CUES, SPEECH_VERBS
from storyline.analyze.transcript import transcript_quotes
from storyline.lang.names import TITLE_ABBREVIATIONS
from storyline.model import Mention, Quote, Sentence

_DE_SPEECH = set(SPEECH_VERBS["de"])

_TERMINATOR = re.compile(r"[.!?](?=\s|$)|\n")
# A full stop after these ends no sentence: '“…,” Mr. Obama said' (the tail must reach "said"),
# '“…,” Rep. Gwen Moore said', '“…,” Laurence H. Tribe said'.
_ABBREVIATION = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(TITLE_ABBREVIATIONS))})"
    r"|(?<![\w.])[A-Z]|\b(?:[A-Z]\.)+[A-Z])$"
)


def _stop(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first sentence end in ``text[lo:hi]`` (a full stop, "!", "?" or a line break), skipping the
    full stops of titles and initials."""
    for m in _TERMINATOR.finditer(text, lo, hi):
        if m.group() != "." or not _ABBREVIATION.search(text, max(lo, m.start() - 8), m.start()):
            return m
    return None


_INTRO_ENDS = (":", ",", "—", "–")
_THAT = re.compile(
    r"^\s*(?:(?:to\s+)?(?:reporters|journalists|lawmakers|parliament|the\s+\w+|him|her|them|us|me|[A-Z][\w.]+)\s+)?"
    r"(?:(?:on|in|at|during|last|this|earlier|late|after|before)\s+[^,.;“”\"]{1,40}?\s+)?"
    r"(?:that|que|qu[’']|dass|che)\s+"
)
_BARE = re.compile(
    r"^\s*(?:(?:reporters|journalists|investors|analysts|lawmakers|parliament|him|her|them|us|me)\s+)?"
    r"(?:(?:on|in|at|during|last|this|earlier|late)\s+[^,.;“”\"]{1,30}?\s+)?"
    r"(?=(?:he|she|they|it|we|i|the|a|an|this|his|her|their|its|there)\s)",
    re.I,
)
# "said staff had treated ...": a bare noun subject is accepted when a finite verb follows soon.
_BARE_NOUN = re.compile(
    r"^\s*(?=(?:[\w\-’']+\s+){1,3}(?:had|has|have|was|were|is|are|would|will|could|should|did|does|"
    r"may|might|must|can)\b)"
)
# "told investors the project would ...": skip the listener, then a clause with a finite verb.
_TOLD = re.compile(
    r"^\s*(?:[\w’'\-]+\s+){1,3}?(?=(?:the|a|an|he|she|they|it|we|i|this|his|her|their|its|there)\s+"
    r"(?:[\w\-’']+\s+){0,3}(?:had|has|have|was|were|is|are|would|will|could|should|did|may|might|must|can)\b)",
    re.I,
)
# German reported speech: "erklärte, die Einigung sei ..." (comma, then a clause).
_COMMA_CLAUSE = re.compile(r"^,\s+(?=[a-zäöüß])")
_BARE_VERBS = {"said", "says", "told", "added", "warned", "stated", "noted", "insisted", "argued", "claimed"}


def find_quotes(
    text: str,
    sentences: list[Sentence],
    names: list[Mention],
    lang: str | None = None,
    *,
    context: SpeechContext | None = None,
) -> list[Quote]:
    """Direct and indirect quotes in ``text`` with their speakers, in text order.

    ``context`` is the article's speech read once by ``analyze`` (``speech.read_speech``) and shared
    with ``find_attributions``; without it the speech is read here.
    """
    if not text or not text.strip():
        return []
    if context is None:
        context = read_speech(text, sentences or split_sentences(text), names, lang)
    doc, resolver, acts = context.doc, context.resolver, context.acts
    by_verb = _ActsByVerb(acts)
    segments = doc.segments
    direct: list[Quote] = []
    verb_beside: list[bool] = []
    for i in range(len(segments)):
        q, has_verb = _direct_quote(doc, segments, i, by_verb, direct, resolver)
        direct.append(q)
        verb_beside.append(has_verb)
    _fill_forward(segments, direct)
    _fragments_of_one_sentence(doc, segments, direct, by_verb)
    _signed_paragraphs(doc, segments, direct, resolver)
    _standalone_paragraphs(doc, segments, direct, resolver)
    verbless = {id(q) for q, has_verb in zip(direct, verb_beside, strict=True) if not has_verb}
    turns = transcript_quotes(text, doc.paras, resolver, doc.lang, doc.sentence_at)
    if turns:
        direct = _without_whole_turns(direct, turns) + turns
    indirect = _indirect_quotes(doc, acts, direct)
    if context.script:
        indirect += _script_speech(doc, context.script, direct)
    for q in direct:  # (transcript turns are never verbless fragments)
        if id(q) in verbless and is_mention(q):
            q.kind = "mention"
    return sorted(direct + indirect, key=lambda q: (q.span[0], q.span[1]))


MENTION_MAX_WORDS = 3


def is_mention(q: Quote) -> bool:
    """A quoted fragment of 1-3 words credited to nobody: a term, a title or a scare quote, not speech.

    The caller also checks that no speech verb stands beside it ("he called it “a hoax”" with "he"
    unresolved is still somebody's words); four words or more may be a slogan or a line someone said,
    so they stay direct quotes.
    """
    return (q.kind == "direct" and q.partial and q.speaker is None
            and 1 <= len(q.text.split()) <= MENTION_MAX_WORDS)


def _script_speech(doc: Doc, script: list[ScriptAct], direct: list[Quote]) -> list[Quote]:
    """Hindi, Urdu, Arabic, Bengali, Marathi, Gujarati: give each quotation the speech construction right
    beside it ("“…,” राकेश सिंह ने कहा", "وأضاف: «…»"), and read "X ने कहा कि …" as indirect speech."""
    text = doc.text
    for q in direct:
        if q.speaker is not None:
            continue
        seg = doc.in_quote(q.span[0])
        lo, hi = (seg.outer_start, seg.outer_end) if seg else q.span
        for a in script:
            if a.speaker is None:
                continue
            first = min(a.span[0], a.verb_span[0])
            tail = first >= hi and not text[hi:first].strip(" ,،:-—") or text[hi:first].strip(" ,،") in ("असे", "अशी")
            last = max(a.verb_span[1], a.span[1])
            head = last <= lo and not text[last:lo].strip(" ,،:-—\n")
            if tail or head:
                q.partial = False  # a speech construction beside it: a statement, not a fragment
                q.speaker, q.speaker_role, q.speaker_mention = a.speaker, a.role, a.mention or None
                q.speaker_span, q.confidence = a.span, round(q.confidence * 0.8, 2)
                break
    out = []
    taken = [q.span for q in direct]
    for a in script:
        if a.clause is None or a.speaker is None or any(s < a.clause[1] and a.clause[0] < e for s, e in taken):
            continue
        out.append(Quote(text=text[a.clause[0] : a.clause[1]], span=a.clause, kind="indirect",
                         sentence=doc.sentence_at(a.clause[0]), speaker=a.speaker, speaker_role=a.role,
                         speaker_mention=a.mention or None, speaker_span=a.span, partial=False, confidence=0.7))
    return out


def _seg_factor(seg: Segment) -> float:
    if seg.unclosed:
        return 0.5
    if seg.dangling:
        return 0.6
    if seg.continued:
        return 0.9
    return 1.0


def _tail_end(doc: Doc, segments: list[Segment], i: int) -> int:
    seg = segments[i]
    para_end = doc.paras[seg.paragraph][1]
    hi = para_end
    if i + 1 < len(segments):
        hi = min(hi, segments[i + 1].outer_start)
    m = _stop(doc.text, seg.outer_end, hi)
    return m.start() if m else hi


def _head_start(doc: Doc, segments: list[Segment], i: int) -> int:
    seg = segments[i]
    lo, _ = doc.sentence_bounds(seg.outer_start)
    lo = max(lo, doc.paras[seg.paragraph][0])
    if i > 0 and segments[i - 1].paragraph == seg.paragraph:
        lo = max(lo, min(segments[i - 1].outer_end, seg.outer_start))
    # a quote that opens right after a full stop starts a sentence, whatever the splitter thought ("on X.")
    stop = re.search(r"[.!?][”’\"]?\s+$", doc.text[lo : seg.outer_start])
    if stop:
        lo += stop.end()
    return lo


class _ActsByVerb:
    """The speech acts of an article, looked up by where their verb stands. Acts come in text
    order, so ``between`` bisects (a scan of every act per quotation made long texts quadratic);
    it keeps that order, and falls back to a scan should they ever not be sorted."""

    def __init__(self, acts: list[SpeechAct]) -> None:
        self.acts = acts
        self.starts = [a.verb_span[0] for a in acts]
        self.sorted = all(x <= y for x, y in zip(self.starts, self.starts[1:], strict=False))

    def between(self, lo: int, hi: int) -> list[SpeechAct]:
        """The acts whose verb starts in [lo, hi), in order."""
        if self.sorted:
            return self.acts[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]
        return [a for a in self.acts if lo <= a.verb_span[0] < hi]


def _direct_quote(
    doc: Doc, segments: list[Segment], i: int, acts: _ActsByVerb, done: list[Quote], resolver: Resolver
) -> tuple[Quote, bool]:
    """The quote of segment ``i`` and whether a speech verb stands beside it (before or after, even
    one whose speaker could not be resolved)."""
    text = doc.text
    seg = segments[i]
    quote_text = text[seg.start : seg.end]
    head_lo = _head_start(doc, segments, i)
    head = text[head_lo : seg.outer_start]
    tail_hi = _tail_end(doc, segments, i)

    tail_act = None
    for a in acts.between(seg.outer_end, tail_hi):
        if a.framing:
            continue
        first = min(a.verb_span[0], a.subject.span[0] if a.subject else a.verb_span[0])
        gap = text[seg.outer_end : first].strip(" ,—–-")
        # allow a few words before the subject ("“…,” Mars' President and CEO Poul Weihrauch wrote")
        if first >= seg.outer_end and (not gap or (len(gap.split()) <= 5 and not re.search(r"[.;:!?“”\"«»]", gap))):
            tail_act = a
            break
    if tail_act is None:
        tail_act = _apposed_tail(doc, seg, acts, tail_hi, resolver)
    if tail_act is None:
        tail_act = _so_tail(doc, seg, tail_hi, resolver)
    if tail_act is None:
        tail_act = _any_verb_tail(doc, seg, tail_hi, resolver)
    head_acts = acts.between(head_lo, seg.outer_start)
    head_act = None
    for a in reversed(head_acts):
        if a.framing:
            continue
        end = max(a.verb_span[1], a.subject.span[1] if a.subject else 0)
        gap = text[end : seg.outer_start]
        if len(gap) <= 80 and not _stop(gap, 0, len(gap)):
            head_act = a
        break

    if head_act is None and not head_acts:
        head_act = _any_verb_head(doc, head_lo, seg, resolver)
    partial = _is_partial(seg, head, head_act, quote_text, text[seg.outer_end : tail_hi], tail_act)
    chosen, how = None, ""
    framed = [a for a in head_acts if a.speaker and not a.according]
    programme = partial and _is_programme(text, seg, quote_text, doc.lang)
    if programme:
        pass  # the verbs beside it belong to the sentence ("said on ABC’s “This Week”"), not to the title
    elif tail_act and tail_act.speaker:
        chosen, how = tail_act, "tail"
    elif partial and _is_title(quote_text, doc.lang):
        pass
    elif partial and framed:
        # "Weidel bezeichnete das Ergebnis laut Tagesschau als „…“": the framing subject, not the outlet
        chosen, how = framed[-1], "frame"
    elif head_act and head_act.speaker:
        chosen, how = head_act, "head"
    q = Quote(
        text=quote_text,
        span=(seg.start, seg.end),
        kind="direct",
        sentence=doc.sentence_at(seg.start),
        partial=partial,
        confidence=_seg_factor(seg),
    )
    # a speech verb with someone saying it, even someone unresolved ("he called it “a hoax”"), or a
    # speech word in the clause that leads to it ("by saying “too many”", "who called him “a hero”")
    has_verb = not programme and (
        any(a is not None and a.subject is not None for a in (tail_act, head_act, *(a for a in head_acts if a.framing)))
        or _voiced(text, _clause_start(text, head_lo, seg.outer_start), seg.outer_start, doc.lang)
        or _voiced_after(text, seg.outer_end, doc.lang))
    if chosen is not None:
        q.speaker, q.speaker_role = chosen.speaker, chosen.role
        q.speaker_mention = chosen.subject.text if chosen.subject else None
        q.speaker_span = chosen.subject.span if chosen.subject else None
        q.confidence = round(min(q.confidence, chosen.confidence) * (0.9 if how == "frame" else 1.0), 2)
        return q, has_verb
    if not partial:
        colon = _colon_intro(doc, head_lo, seg, resolver)
        if colon is not None:
            q.speaker, q.speaker_role = colon.speaker, colon.role
            q.speaker_mention = colon.subject.text if colon.subject else None
            q.speaker_span = colon.subject.span if colon.subject else None
            q.confidence = round(min(q.confidence, colon.confidence), 2)
            return q, has_verb
        said = _said_sentence_before(doc, seg, acts)
        if said is not None:
            q.speaker, q.speaker_role = said.speaker, said.role
            q.speaker_mention = said.subject.text if said.subject else None
            q.speaker_span = said.subject.span if said.subject else None
            q.confidence = round(min(q.confidence, said.confidence) * 0.9, 2)
            return q, has_verb
        _continue_from(doc, segments, i, acts, done, q)
    return q, has_verb


# what may stand between a bare "X said" and the full stop that ends its sentence: "in a statement",
# "on Tuesday", "of Cruz" (no quotation, no clause of its own)
_SAID_TAIL = re.compile(
    r"\s*(?:(?:in|on|at|during|to|of|with|after|before|last|this|earlier|later|via|from|while)\s[^“”\"«».!?;:]{0,45}"
    r"|(?:today|yesterday|[A-Z][a-z]+day))?[.:]\s*$"
)


def _said_sentence_before(doc: Doc, seg: Segment, acts: _ActsByVerb) -> SpeechAct | None:
    """'Toomey fumed on Tuesday. “…”', 'Sam Lau said in a statement. “…”': a sentence that is only a
    speaker and a speech verb, right before a quotation in the same paragraph, introduces it."""
    text = doc.text
    para_lo = doc.paras[seg.paragraph][0]
    lo = max(para_lo, seg.outer_start - 240)
    for a in reversed(acts.between(lo, seg.outer_start)):
        if a.framing or a.according or not a.speaker or a.subject is None:
            return None
        end = max(a.verb_span[1], a.subject.span[1])
        if not _SAID_TAIL.match(text, end, seg.outer_start) or doc.segments_opening(a.subject.span[0], seg.outer_start):
            return None
        return a
    return None


_SO = re.compile(r"^\s*,?\s*so\s+(?=\S)")


# Right after a closing mark, any French passé composé or Spanish preterite is a speech verb:
# "», a relevé Poul Weihrauch", "», incide."; away from a quote these forms are too common to trust.
_TAIL_VERB = {
    "fr": re.compile(r"^\s*,?\s*(?:a|ont)\s+(?:[a-zé]+ment\s+)?[a-zéèêàçî]+[ée]s?(?=[\s,.])"),
    "es": re.compile(r"^\s*,?\s*(?:[a-záéíóúñ]+ó|incide|asegura|afirma|explica|señala|añade|apunta)(?=[\s,.])"),
}


# '“…,” Nate Silver, the polling guru who founded the site, tweeted': the speaker, a comma, a description
_APPOSED = re.compile(r"\s*,?\s*(?P<who>[^,;:!?“”\"«»\n]{2,60}?)\s*,\s+(?P<desc>[^;:!?“”\"«»\n]{3,120}?),?\s+$")


_NEW_SENTENCE = {"Her", "His", "Their", "Its", "The", "A", "An", "This", "That", "These", "Those", "But", "And"}
_CLAUSE_WORDS = {"he", "she", "they", "it", "we", "i", "was", "is", "were", "are", "has", "had", "have", "be",
                 "who", "which", "that", "when", "as", "while"}


def _apposed_tail(doc: Doc, seg: Segment, acts: _ActsByVerb, tail_hi: int, resolver: Resolver) -> SpeechAct | None:
    """A speaker right after the quotation with a description between it and the speech verb
    ("“…,” Murphy, the head of Right to Rise USA, tweeted on Friday"; "“…,” an intelligence source,
    who was not authorized to speak, told Fox News"): the speaker is the phrase before the first
    comma. Read off PolNeAR train, where the verb lay too far from the quotation to be taken."""
    text = doc.text
    for a in acts.between(seg.outer_end, min(tail_hi, seg.outer_end + 200)):
        if a.framing or a.according:
            return None
        m = _APPOSED.fullmatch(text, seg.outer_end, a.verb_span[0])
        if m is None:
            return None
        first = m.group("who").split()[0]
        if doc.text[seg.end - 1 : seg.end] in (".", "!", "?") and first in _NEW_SENTENCE:
            return None  # "“…!” Her father, Brad, 39, worried ...": a new sentence, not a tail
        subj = subject_before(text, seg.outer_end, m.end("who"))
        if subj is None or subj.kind not in ("name", "nominal", "office"):
            return None
        lead = text[m.start("who") : subj.span[0]].lower().split()
        if len(lead) > 3 or any(w in _CLAUSE_WORDS or w.endswith("ing") for w in lead):
            return None  # "he was echoing Ryan, who ...": a clause of its own, not a speaker
        return _act_for(doc, resolver, a.verb, a.verb_span, subj)
    return None


def _so_tail(doc: Doc, seg: Segment, tail_hi: int, resolver: Resolver) -> SpeechAct | None:
    """German „…“, so Berger: 'so' works as a speech verb only right after a quote (likewise fr/es)."""
    tail = doc.text[seg.outer_end : tail_hi]
    m = _SO.match(tail)
    if not m and doc.lang in _TAIL_VERB:
        m = _TAIL_VERB[doc.lang].match(tail)
    if not m:
        return None
    vs = seg.outer_end + m.end()
    subj = subject_after(doc.text, vs, tail_hi)
    if subj is None:
        if doc.text[vs:tail_hi].strip(" .,"):
            return None
        # a verb with no subject at all ("», incide."): Spanish and Italian drop the pronoun
        e = resolver.salient(seg.outer_end, person=True)
        if e is None:
            return None
        return SpeechAct(m.group().strip(" ,"), (seg.outer_end, vs), doc.sentence_at(vs), None, e.speaker, e.role, 0.6, True)
    speaker, role, conf, person = resolver.resolve(subj)
    if speaker:
        resolver.note(subj.span[0], speaker, role, person)
    return SpeechAct("so", (vs - 3, vs - 1), doc.sentence_at(vs), subj, speaker, role, conf, person)


# English said-last and said-first clauses with a verb no list holds ("“…,” Trump implored.", "“…?”
# reacted Trump.", "Kelly charged: “…”"): right beside a quotation, a past-tense verb between the
# quote and a speaker can only be the speaking. Only for a quote that ends in "," "?" or "!" (the
# reporter's clause goes on) or a clause that ends in ":" or "," before it.
_PAST = r"(?P<verb>[a-z]{3,}(?:ed|s)(?:\s+back)?)"
# "“…,” Toomey fumed on Tuesday.": a short time or place may follow the verb
_ADJUNCT = r"(?:\s+(?:on|in|at|during|last|this|after|before|to|with)\s+[^,.;:!?“”\"]{1,40}?)?"
_TAIL_SUBJECT_VERB = re.compile(
    rf"^\s*,?\s*(?P<subj>[^,.;:!?“”\"]{{1,60}}?)\s+(?:\w+ly\s+)?{_PAST}{_ADJUNCT}\s*(?=[.,;]|$)")
_TAIL_VERB_SUBJECT = re.compile(rf"^\s*,?\s*{_PAST}\s+(?=\S)")
_HEAD_SUBJECT_VERB = re.compile(rf"(?P<subj>[^,.;:!?“”\"]{{1,60}}?)\s+(?:\w+ly\s+)?{_PAST}\s*[:,]\s*$")
_NOT_VERBS = {"was", "has", "is", "does", "its", "his", "this", "thus", "always", "perhaps", "yes", "news", "times",
              "needed", "used", "based", "aged", "indeed", "united", "limited", "related", "added"}


def _clause_goes_on(doc: Doc, seg: Segment) -> bool:
    inside = doc.text[max(seg.start, seg.end - 1) : seg.outer_end + 1]
    return any(c in inside for c in ",?!") or doc.text[seg.outer_end : seg.outer_end + 1] == ","


def _any_verb_tail(doc: Doc, seg: Segment, tail_hi: int, resolver: Resolver) -> SpeechAct | None:
    if doc.lang not in (None, "en") or not _clause_goes_on(doc, seg):
        return None
    tail = doc.text[seg.outer_end : tail_hi]
    m = _TAIL_SUBJECT_VERB.match(tail)
    if m and m.group("verb").split()[0] not in _NOT_VERBS:
        v0 = seg.outer_end + m.start("verb")
        subj = subject_before(doc.text, seg.outer_end, v0)
        if subj is not None and subj.span[0] - seg.outer_end <= len(tail) - len(tail.lstrip(" ,")) + 1:
            return _act_for(doc, resolver, m.group("verb"), (v0, seg.outer_end + m.end("verb")), subj)
    m = _TAIL_VERB_SUBJECT.match(tail)
    if m and m.group("verb").split()[0] not in _NOT_VERBS:
        ve = seg.outer_end + m.end("verb")
        subj = subject_after(doc.text, ve, tail_hi)
        if subj is not None and subj.kind in ("name", "pronoun") and not subj.group:
            return _act_for(doc, resolver, m.group("verb"), (seg.outer_end + m.start("verb"), ve), subj)
    return None


def _any_verb_head(doc: Doc, head_lo: int, seg: Segment, resolver: Resolver) -> SpeechAct | None:
    """'Trump implored: “…”', 'She elaborated, “…”': a clause of subject and past verb before the quote."""
    if doc.lang not in (None, "en"):
        return None
    m = _HEAD_SUBJECT_VERB.search(doc.text, head_lo, seg.outer_start)
    if not m or m.group("verb").split()[0] in _NOT_VERBS:
        return None
    v0 = m.start("verb")
    subj = subject_before(doc.text, m.start("subj"), v0)
    if subj is None or subj.span[0] != m.start("subj") and doc.text[m.start("subj") : subj.span[0]].strip():
        return None  # the subject must be the whole clause: "In 2015 the law passed, “…”" is not speech
    act = _act_for(doc, resolver, m.group("verb"), (v0, m.end("verb")), subj)
    # a person speaks ("Trump implored:"); "Key points:" is a heading
    return act if act is not None and (act.person or subj.kind == "nominal") else None


def _colon_intro(doc: Doc, head_lo: int, seg: Segment, resolver: Resolver) -> SpeechAct | None:
    """'Republican pollster Daron Shaw: “…”', 'Trump issued the following statement: ¶ “…”': a clause
    ending in a colon right before the quotation (or ending the paragraph before it) introduces its
    speaker, who is that clause's subject. Only a named person, a pronoun or an organisation."""
    text = doc.text
    end = seg.outer_start
    while end > head_lo and text[end - 1].isspace():
        end -= 1
    if end <= head_lo or text[end - 1] != ":":
        para_lo = doc.paras[seg.paragraph][0]
        if seg.paragraph == 0 or text[para_lo : seg.outer_start].strip():
            return None
        prev_lo, prev_hi = doc.paras[seg.paragraph - 1]
        if not text[prev_lo:prev_hi].rstrip().endswith(":") or doc.segments_opening(prev_lo, prev_hi):
            return None
        end = prev_lo + len(text[prev_lo:prev_hi].rstrip())
        head_lo = doc.sentence_bounds(end - 1)[0]
    colon = end - 1
    dash = max(text.rfind(d, head_lo, colon) for d in (" - ", " — ", " – "))
    if dash >= 0:
        head_lo = dash + 3  # "IOWA POLLS NOT WRONG - Mark Blumenthal:"
    first = re.match(r"\s*([A-Z][a-z]+)\s+", text[head_lo:colon])
    if first and first.group(1).lower() in LEARNED_CUES:
        head_lo += first.end()  # "Continued Stone:"
    whole = subject_before(text, head_lo, colon)  # "Carl Bialik:", "Republican pollster Daron Shaw:"
    if (whole is not None and whole.kind == "name" and len(text[head_lo : whole.span[0]].split()) <= 3
            and not re.search(r"[,;:.!?“”\"]", text[head_lo : whole.span[0]])):
        act = _act_for(doc, resolver, ":", (colon, colon + 1), whole)
        return act if act is not None and (act.person or looks_like_person_name(act.speaker or "")) else None
    subj = sentence_subject(text, head_lo, colon)
    if subj is None or subj.kind not in ("name", "pronoun") or subj.group:
        return None
    said = re.search(r"(\w+)\s*$", text[head_lo:colon])
    if said is not None and (said.group(1) in LEARNED_CUES or said.group(1) in _SPEECH_EN):
        # "Cruz continued:", "…, policymakers wrote:": the subject right before the speech verb
        near = subject_before(text, head_lo, head_lo + said.start(1))
        if near is not None and near.kind in ("name", "nominal", "office", "report"):
            return _act_for(doc, resolver, ":", (colon, colon + 1), near)
    act = _act_for(doc, resolver, ":", (colon, colon + 1), subj)
    return act if act is not None and act.person and len((act.speaker or "").split()) >= 2 else None


_SPEECH_EN = set(SPEECH_VERBS["en"])
_SIGNATURE = re.compile(r"[ \t]*[-—–―][ \t]*(?P<name>[^\W\d_][^,.\n]{1,60}?)(?:,[^\n]{0,120})?\.?[ \t]*$")


def _signed_paragraphs(doc: Doc, segments: list[Segment], direct: list[Quote], resolver: Resolver) -> None:
    """A paragraph that is only a quotation, signed in the next one (“…” ¶ - Bernie Sanders.) or after a
    dash on its own line (“…” ― Bernie Sanders): fact-check, roundup and quote-collection style. The
    signature is a name, or a title and name, after a dash, and nothing else. (The same-line form was
    added for issue 11 after a PolNeAR dev article listed quotes that way: see eval/polnear.py.)"""
    for seg, q in zip(segments, direct, strict=True):
        if q.speaker:
            continue
        p_lo, p_hi = doc.paras[seg.paragraph]
        if doc.text[p_lo : seg.outer_start].strip():
            continue
        if doc.text[seg.outer_end : p_hi].strip(" .,"):
            lo, hi = seg.outer_end, p_hi  # “…” ― Name
        elif seg.paragraph + 1 < len(doc.paras):
            lo, hi = doc.paras[seg.paragraph + 1]  # “…” ¶ - Name
        else:
            continue
        m = _SIGNATURE.match(doc.text, lo, hi)
        if not m or m.end() != hi:
            continue
        subj = subject_before(doc.text, m.start("name"), m.end("name"))
        if subj is None or subj.kind != "name" or subj.span[0] != m.start("name") and doc.text[
                m.start("name") : subj.span[0]].strip():
            continue
        act = _act_for(doc, resolver, "-", (m.start(), m.start() + 1), subj)
        if act is not None:
            q.speaker, q.speaker_role, q.speaker_mention, q.speaker_span = act.speaker, act.role, subj.text, subj.span
            q.confidence = round(q.confidence * 0.8, 2)


def _act_for(doc: Doc, resolver: Resolver, verb: str, span: tuple[int, int], subj: Subject) -> SpeechAct | None:
    speaker, role, conf, person = resolver.resolve(subj)
    if not speaker:
        return None  # (no salience note: a guessed act must not steer a later "he said")
    return SpeechAct(verb, span, doc.sentence_at(span[0]), subj, speaker, role, round(conf * 0.9, 2), person,
                     quote_only=True)


_TITLE_SMALL_WORDS = {"the", "of", "a", "an", "and", "with", "for", "to", "in", "on", "at", "by", "from"}
# "on ABC’s “This Week”", "told NBC’s “Today”", "in an interview with “Fox News Sunday”"
_BEFORE_PROGRAMME = re.compile(r"(?:\b(?:on|to|in|at|from|with)|[’']s)\s+$")


def _is_programme(text: str, seg: Segment, quote_text: str, lang: str | None) -> bool:
    """A title-cased fragment right after "on", "to", "with" or an outlet's possessive names a
    programme, a book or a film: "Sanders said on ABC’s “This Week.”" credits no words to Sanders.
    Read off PolNeAR train, where such titles made up most credited fragments that no annotator
    took as speech."""
    if lang not in (None, "en"):
        return False
    words = quote_text.rstrip(".,!?").split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    return _BEFORE_PROGRAMME.search(text, max(0, seg.outer_start - 12), seg.outer_start) is not None


# Verbs of voicing words that make no speech act of their own but do say a short fragment is someone's
# words, not a term: "softly echoing “too many”", "mouthing “thank you”", "yelling “eminent domain!”"
# (PolNeAR train: gold direct quotes of 1-3 words with these verbs).
_VOICING = re.compile(
    r"(?<![\w\-])(?:echo(?:ed|es|ing)?|mouth(?:ed|s|ing)|exclaim(?:ed|s|ing)?|yell(?:ed|s|ing)?|shout(?:ed|s|ing)?|"
    r"cr(?:y|ied|ies|ying)|scream(?:ed|s|ing)?|whisper(?:ed|s|ing)?|mutter(?:ed|s|ing)?|boast(?:ed|s|ing)?|"
    r"chant(?:ed|s|ing)?|sa(?:y|ys|id|ying))(?![\w\-])", re.I)


def _voiced(text: str, lo: int, hi: int, lang: str | None) -> bool:
    """A speech word in ``text[lo:hi]``: a speech verb or cue, or an English verb of voicing words."""
    return speech_word_in(text, lo, hi, lang) or lang in (None, "en") and _VOICING.search(text, lo, hi) is not None


# The few words right after a closing mark, up to the clause's end: where a voicing word follows what
# was voiced ("“Call the roll,” came shouts from the crowd", "loud jeers and “Out!” chants").
_AFTER_CLOSE = re.compile(r"[^.;:!?“”\"«»\n]{0,30}")


def _voiced_after(text: str, start: int, lang: str | None) -> bool:
    """An English verb or noun of voicing among the words that follow a quoted fragment (PolNeAR train:
    gold direct quotes of 1-3 words with the voicing after them)."""
    if lang not in (None, "en"):
        return False
    window = _AFTER_CLOSE.match(text, start)
    return window is not None and _VOICING.search(window.group()) is not None


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause that runs into ``hi`` starts: after the last ";", ":", dash or bracket."""
    cut = max(text.rfind(c, lo, hi) for c in ";:—–([")
    return max(lo, cut + 1)


def _is_title(quote_text: str, lang: str | None = None) -> bool:
    """“Super Heavy”, “Silent River”: a name or title in quote marks is nobody's words.

    German capitalises every noun, so there one capitalised word („Täuschungsmanöver“) is not a title.
    """
    words = quote_text.split()
    return ((2 if lang == "de" else 1) <= len(words) <= 4 and words[0][:1].isupper()
            and all(w[:1].isupper() or w.isdigit() for w in words) and quote_text[-1:] not in ".!?")


def _is_partial(
    seg: Segment, head: str, head_act: SpeechAct | None, quote_text: str, tail: str, tail_act: SpeechAct | None
) -> bool:
    """A fragment set inside the reporter's own sentence, rather than a quoted statement."""
    if seg.dangling:
        return False
    h = head.strip()
    words = quote_text.split()
    if not h:
        # “my favourite” Field Marshal ... : a short fragment that the sentence runs on from
        t = tail.strip()
        if tail_act is None and len(words) <= 4 and t and t[0].islower() and quote_text[-1:] not in ".!?":
            return True
        return False
    if h.endswith(":"):
        return False
    if h.endswith(_INTRO_ENDS) and (head_act is not None or h.lower().startswith(("according", "selon", "según", "laut"))):
        return False
    if head_act is not None and quote_text[:1].isupper() and len(h) - h.rfind(head_act.verb) <= len(head_act.verb) + 2:
        return False
    return True


def _continue_from(doc: Doc, segments: list[Segment], i: int, acts: _ActsByVerb, done: list[Quote], q: Quote) -> None:
    """No attribution of its own: inherit from the quote or the reported speech it continues."""
    seg = segments[i]
    text = doc.text
    para_lo, _ = doc.paras[seg.paragraph]
    source = None
    # an earlier piece of the same paragraph's quote ("X," he said. "Y.")
    for k in range(i - 1, -1, -1):
        if segments[k].paragraph != seg.paragraph:
            break
        # a partial piece counts when its speaker came from after it ("… “rapidly learning,” Gingrich said. “…”")
        spk_span = done[k].speaker_span
        said_after = spk_span is not None and spk_span[0] >= segments[k].outer_end
        if done[k].speaker and (not done[k].partial or said_after):
            between = [a for a in acts.between(segments[k].outer_end, seg.outer_start)
                       if not a.framing and a.speaker and a.speaker != done[k].speaker
                       and a.verb_span[0] > segments[k].outer_end + 60]
            if not between:
                source = done[k]
            break
    if source is None:
        # reported speech earlier in the paragraph: "He added that ... “We have ...”"
        prior = [a for a in acts.between(para_lo, seg.outer_start) if a.speaker
                 and not a.framing and not a.according and a.person]
        if prior:
            a = prior[-1]
            q.speaker, q.speaker_role, q.speaker_mention = a.speaker, a.role, a.subject.text if a.subject else None
            q.speaker_span = a.subject.span if a.subject else None
            q.confidence = round(min(q.confidence, a.confidence) * 0.8, 2)
            return
    if source is None and text[para_lo : seg.outer_start].strip() == "" and seg.paragraph > 0:
        # a new paragraph that opens with a quote continues the quote that closed the last one
        prev_lo, prev_hi = doc.paras[seg.paragraph - 1]
        for k in range(i - 1, -1, -1):
            if segments[k].paragraph < seg.paragraph - 1:
                break
            if segments[k].paragraph == seg.paragraph - 1:
                # the last paragraph ends with its quote's attribution ("“…,” Adelson said during the
                # interview in Macau, ahead of …"): a longer tail is fine when it holds the speaker
                sp = done[k].speaker_span
                reach = 240 if sp is not None and sp[0] >= segments[k].outer_end else 90
                if done[k].speaker and not done[k].partial and prev_hi - segments[k].outer_end <= reach:
                    source = done[k]
                break
    if source is not None:
        q.speaker, q.speaker_role = source.speaker, source.speaker_role
        q.speaker_mention, q.speaker_span = source.speaker_mention, source.speaker_span
        q.confidence = round(min(q.confidence, source.confidence) * 0.9, 2)


def _fill_forward(segments: list[Segment], direct: list[Quote]) -> None:
    """A quote running over paragraphs is attributed at its end: copy that back to its first pieces."""
    for k in range(len(segments) - 2, -1, -1):
        seg, q, nxt = segments[k], direct[k], direct[k + 1]
        if seg.continued and q.speaker is None and nxt.speaker and segments[k + 1].paragraph == seg.paragraph + 1:
            q.speaker, q.speaker_role = nxt.speaker, nxt.speaker_role
            q.speaker_mention, q.speaker_span = nxt.speaker_mention, nxt.speaker_span
            q.confidence = round(min(q.confidence, nxt.confidence) * 0.9, 2)


def _fragments_of_one_sentence(doc: Doc, segments: list[Segment], direct: list[Quote], acts: _ActsByVerb) -> None:
    """'Bush tweeted that Trump is a “loser,” a “liar” and a “whiner.”': fragments quoted one after
    another in one sentence are the words of the speaker credited with the first, when no other
    speech verb stands between them."""
    for k in range(1, len(segments)):
        q, prev = direct[k], direct[k - 1]
        if q.speaker or not q.partial or prev.speaker is None:
            continue
        seg, pseg = segments[k], segments[k - 1]
        if doc.sentence_at(seg.start) != doc.sentence_at(pseg.start) or pseg.outer_end > seg.outer_start:
            continue
        if prev.speaker_span is not None and prev.speaker_span[0] >= seg.outer_start:
            continue
        if acts.between(pseg.outer_end, seg.outer_start) or _stop(doc.text, pseg.outer_end, seg.outer_start):
            continue
        q.speaker, q.speaker_role = prev.speaker, prev.speaker_role
        q.speaker_mention, q.speaker_span = prev.speaker_mention, prev.speaker_span
        q.confidence = round(min(q.confidence, prev.confidence) * 0.9, 2)


def _standalone_paragraphs(doc: Doc, segments: list[Segment], direct: list[Quote], resolver: Resolver) -> None:
    """A paragraph that is nothing but a quote, right after a paragraph about one person, is that person's.

    Low confidence (0.5), and only when that person was the subject of the paragraph just before.
    """
    for k, (seg, q) in enumerate(zip(segments, direct, strict=True)):
        if q.speaker or q.partial or seg.paragraph == 0 or seg.dangling:
            continue
        p_lo, p_hi = doc.paras[seg.paragraph]
        alone = [s for s in segments if s.paragraph == seg.paragraph]
        if len(alone) != 1 or doc.text[p_lo : seg.outer_start].strip() or doc.text[seg.outer_end : p_hi].strip(" .,"):
            continue
        if k > 0 and segments[k - 1].paragraph == seg.paragraph - 1:
            continue  # the paragraph before had a quote: continuation rules already had their say
        prev_lo, _ = doc.paras[seg.paragraph - 1]
        e = resolver.salient(seg.outer_start, person=True)
        if e is not None and e.pos >= prev_lo:
            q.speaker, q.speaker_role, q.speaker_mention = e.speaker, e.role, None
            q.confidence = 0.5


def _indirect_quotes(doc: Doc, acts: list[SpeechAct], direct: list[Quote]) -> list[Quote]:
    """'Rubio said that the US sees ...' and '..., the US embassy said.' as indirect quotes."""
    text = doc.text
    out: list[Quote] = []
    taken = [(q.span[0], q.span[1]) for q in direct]
    for a in acts:
        if (a.framing or a.according or a.quote_only or not a.speaker or a.subject is None
                or a.subject.kind == "report"):
            continue
        s_lo, s_hi = doc.sentence_bounds(a.verb_span[0])
        span = None
        if a.subject_first:
            rest = text[a.verb_span[1] : s_hi]
            m = _THAT.match(rest)
            if m is None and a.verb.lower() in ("told", "tells"):
                m = _TOLD.match(rest)
            elif m is None and a.verb.lower() in _BARE_VERBS:
                m = _BARE.match(rest) or _BARE_NOUN.match(rest)
            if m is None and a.verb in _DE_SPEECH:
                m = _COMMA_CLAUSE.match(rest)
            if m is not None:
                start = a.verb_span[1] + m.end()
                end = s_hi
                for seg in doc.segments:
                    if start <= seg.outer_start < end and not _is_fragment(direct, seg):
                        end = seg.outer_start
                        break
                span = (start, end)
        if span is None:
            first = min(a.verb_span[0], a.subject.span[0])
            last = max(a.verb_span[1], a.subject.span[1])
            lo = s_lo
            before = text[lo:first].rstrip()
            after_words = text[last:s_hi].split()
            inner = doc.segments_opening(lo, first)
            if (before.endswith(",") and len(after_words) <= 6 and not a.subject.appositive
                    and all(_is_fragment(direct, seg) for seg in inner)):
                span = (lo, lo + len(before) - 1)
        if span is None:
            continue
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1
        if len(text[start:end].split()) < 3 or any(s <= start < e for s, e in taken):
            continue
        if doc.in_quote(start):
            continue
        out.append(Quote(
            text=text[start:end], span=(start, end), kind="indirect", sentence=doc.sentence_at(start),
            speaker=a.speaker, speaker_role=a.role, speaker_mention=a.subject.text,
            speaker_span=a.subject.span, partial=False, confidence=round(a.confidence * 0.9, 2),
        ))
    return out


def _is_fragment(direct: list[Quote], seg: Segment) -> bool:
    for q in direct:
        if q.span == (seg.start, seg.end):
            return q.partial
    return False


def _without_whole_turns(direct: list[Quote], turns: list[Quote]) -> list[Quote]:
    """A turn whose words are all inside quote marks is one quote, the turn's: drop the marked copy.
    A quotation inside an answer (the speaker quoting someone) stays as it was found."""
    def whole(q: Quote) -> bool:
        return any(t.span[0] <= q.span[0] and q.span[1] <= t.span[1]
                   and (q.span[1] - q.span[0]) >= 0.8 * (t.span[1] - t.span[0]) for t in turns)
    return [q for q in direct if not whole(q)]
