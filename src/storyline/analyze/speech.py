"""Speech acts: every "X said", "said X", "according to X" outside quotation marks, with its speaker.

Quotes (direct and indirect) and attributions are both read off this one list, so the three never
disagree about who said what. Verbs inside a quotation are skipped: in “We said we want…” the speaker
is still whoever is being quoted.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.analyze.quotemarks import Segment, find_segments, paragraphs
from storyline.analyze.resolver import Resolver
from storyline.analyze.scriptspeech import ScriptAct, script_acts
from storyline.analyze.speakers import (
    DETERMINERS,
    Subject,
    looks_like_person_name,
    sentence_subject,
    subject_after,
    subject_before,
)
from storyline.analyze.speechwords import (
    ACCORDING_TO,
    FRAMING_VERBS,
    NOT_NAMES,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    quote_only_cues,
    speech_verbs,
)
from storyline.lang.names import GIVEN_NAMES
from storyline.model import Mention, Sentence

PARTICIPLES = {"adding", "saying", "noting", "warning", "arguing", "insisting", "explaining", "stressing", "telling",
               "ajoutant", "précisant", "soulignant", "estimant", "añadiendo", "agregando", "señalando"}
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.I)
COORD = re.compile(r"(?:^|\s)(?:and|but|or|then|y|et|und|e|ma|pero|mais|aber)\s*$", re.I)


@dataclass
class SpeechAct:
    verb: str
    verb_span: tuple[int, int]
    sentence: int
    subject: Subject | None
    speaker: str | None
    role: str | None
    confidence: float
    person: bool
    framing: bool = False  # "described ... as", "called": attributes a fragment, not a statement
    according: bool = False  # "according to X"
    subject_first: bool = True  # "X said" (True) or "said X" (False)
    quote_only: bool = False  # a learned cue ("chanted", "barked"): attributes a quotation beside it, nothing else


class Doc:
    """Text plus its sentences, paragraphs and quotation segments, with fast position lookups."""

    def __init__(self, text: str, sentences: list[Sentence], segments: list[Segment], lang: str | None = None):
        self.text = text
        self.lang = lang
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.segments = segments
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        # Quotations one after another (the usual case) are looked up by bisection; nested or
        # overlapping ones fall back to a scan, which meets them in the same order.
        self.outer_starts = [seg.outer_start for seg in segments]
        self.outer_ends = [seg.outer_end for seg in segments]
        self.disjoint = all(a.outer_end <= b.outer_start for a, b in zip(segments, segments[1:], strict=False))

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1) if self.sentences else 0

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        s = self.sentences[self.sentence_at(pos)]
        return s.start, s.end

    def para_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def in_quote(self, pos: int) -> Segment | None:
        if self.disjoint:  # only the last quotation opening at or before pos can hold it
            k = bisect.bisect_right(self.outer_starts, pos)
            return self.segments[k - 1] if k and pos < self.outer_ends[k - 1] else None
        for seg in self.segments:
            if seg.outer_start <= pos < seg.outer_end:
                return seg
            if seg.outer_start > pos:
                break
        return None

    def prev_boundary(self, pos: int) -> int:
        """Start of the clause that can hold a subject for a verb at ``pos``."""
        lo, _ = self.sentence_bounds(pos)
        if self.disjoint:  # the end of the last quotation closed by pos
            k = bisect.bisect_right(self.outer_ends, pos)
            return max(lo, self.outer_ends[k - 1]) if k else lo
        for seg in self.segments:
            if seg.outer_end <= pos:
                lo = max(lo, seg.outer_end)
            else:
                break
        return lo

    def next_boundary(self, pos: int) -> int:
        _, hi = self.sentence_bounds(pos)
        if self.disjoint:  # the first quotation opening at or after pos
            k = bisect.bisect_left(self.outer_starts, pos)
            return min(hi, self.outer_starts[k]) if k < len(self.segments) else hi
        for seg in self.segments:
            if seg.outer_start >= pos:
                return min(hi, seg.outer_start)
        return hi

    def segments_opening(self, lo: int, hi: int) -> list[Segment]:
        """The quotations whose outer start is in [lo, hi), in order."""
        if self.disjoint:
            return self.segments[bisect.bisect_left(self.outer_starts, lo) : bisect.bisect_left(self.outer_starts, hi)]
        return [seg for seg in self.segments if lo <= seg.outer_start < hi]


@lru_cache(maxsize=32)
def _verb_pattern(lang: str | None) -> re.Pattern[str]:
    verbs = sorted({*speech_verbs(lang), *quote_only_cues(lang)}, key=len, reverse=True)
    framing = sorted(FRAMING_VERBS, key=len, reverse=True)
    alt = "|".join(re.escape(v) for v in verbs)
    falt = "|".join(re.escape(v) for v in framing)
    # French "a-t-il détaillé", "avait-elle dit": the pronoun is inside the verb
    inverted = (r"(?:a-t|avait|aurait|ont|avaient)-(?:il|elle|ils|elles)\s+(?:[a-zé]+ment\s+)?"
                r"(?:[a-zéèêàûôîç]+é|dit|écrit|admis|reconnu|répondu|soutenu|prévenu|poursuivi|conclu|promis)")
    return re.compile(rf"(?<![\w\-’'])(?:(?P<speech>{inverted}|{alt})|(?P<framing>{falt}))(?![\w\-])")


def speech_word_in(text: str, lo: int, hi: int, lang: str | None) -> bool:
    """Whether ``text[lo:hi]`` holds a speech or framing verb or a learned cue ("saying", "called",
    "chanted"), whether or not a speech act with a speaker could be read off it."""
    return _verb_pattern(lang).search(text, lo, hi) is not None


@lru_cache(maxsize=32)
def _according_pattern(lang: str | None) -> re.Pattern[str]:
    words = list(ACCORDING_TO["en"])
    for k, v in ACCORDING_TO.items():
        if k != "en" and (lang is None or k == lang):
            words += [w for w in v if w != "wie"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


@dataclass
class SpeechContext:
    """One article's speech acts, with the Doc and Resolver they were read with.

    Quotes and attributions both read off the same acts; ``analyze`` builds this once per article and
    hands it to both, instead of each finder re-reading speech (and re-scanning names) on its own.
    ``find_quotes`` adds salience notes to ``resolver`` as it goes ("», so Berger"), which
    ``find_attributions`` never reads, so one context serves one call of each.
    """

    doc: Doc
    resolver: Resolver
    acts: list[SpeechAct]
    script: list[ScriptAct] = field(default_factory=list)  # Hindi, Urdu, Arabic, ... (scriptspeech.py)


def read_speech(text: str, sentences: list[Sentence], names: list[Mention], lang: str | None = None) -> SpeechContext:
    """Quotation segments, the name resolver and the speech acts of one article, read once."""
    doc = Doc(text, sentences, find_segments(text), lang)
    resolver = Resolver(text, names)
    return SpeechContext(doc, resolver, find_speech_acts(doc, resolver, lang), script_acts(text, lang))


def find_speech_acts(doc: Doc, resolver: Resolver, lang: str | None = None) -> list[SpeechAct]:
    """All speech acts outside quotation marks, in text order, resolving speakers as it goes."""
    text = doc.text
    acts: list[SpeechAct] = []
    found: list[tuple[int, str, re.Match[str]]] = []
    for m in _verb_pattern(lang).finditer(text):
        found.append((m.start(), "verb", m))
    for m in _according_pattern(lang).finditer(text):
        found.append((m.start(), "according", m))
    _note_sentence_subjects(doc, resolver)
    for pos, what, m in sorted(found, key=lambda x: x[0]):
        if doc.in_quote(pos):
            continue
        act = _according_act(doc, m) if what == "according" else _verb_act(doc, m)
        if act is None:
            continue
        if act.verb in PARTICIPLES and acts and acts[-1].sentence == act.sentence and acts[-1].subject:
            # "Raman said, adding that ...": the participle shares the main verb's speaker
            prev = acts[-1]
            act.subject, act.subject_first = prev.subject, True
            act.speaker, act.role, act.confidence, act.person = prev.speaker, prev.role, prev.confidence, prev.person
            acts.append(act)
            continue
        if act.verb in PARTICIPLES:
            # "Sanders compared himself to Clinton, saying, “…”": the sentence's subject says it
            act = _participle_of_sentence(doc, act)
            if act is None:
                continue
        if act.subject is not None:
            act.subject = resolver.widen(act.subject)
            speaker, role, conf, person = resolver.resolve(act.subject)
            act.speaker, act.role, act.confidence, act.person = speaker, role, conf, person
            if speaker and not act.according and not act.framing:
                resolver.note(act.subject.span[0], speaker, role, person)
        acts.append(act)
    return acts


_TELL = {"told", "tell", "tells", "telling"}
_QUOTE_AFTER = re.compile(r"(?:\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}|\s+(?:reporters|the\s+crowd|"
                          r"supporters|the\s+audience|him|her|them|us|me))?\s*[,:]?\s*[“\"«„]")


def _participle_of_sentence(doc: Doc, act: SpeechAct) -> SpeechAct | None:
    """A participle after a comma with no speech verb before it in its sentence: its sentence's named
    subject (or pronoun) is the speaker, when a quotation or a colon follows right after."""
    text = doc.text
    reach = 50 if act.verb in _TELL else 4  # "telling Reuters, “…”" (a listener between); "saying, “…”"
    if not _QUOTE_AFTER.match(text, act.verb_span[1], act.verb_span[1] + reach):
        return None
    if not text[: act.verb_span[0]].rstrip().endswith(","):
        return None
    s_lo, _ = doc.sentence_bounds(act.verb_span[0])
    subj = sentence_subject(text, s_lo, act.verb_span[0])
    if subj is None or subj.kind not in ("name", "pronoun") or subj.group:
        return None
    act.subject, act.subject_first = subj, True
    return act


def _note_sentence_subjects(doc: Doc, resolver: Resolver) -> None:
    """Record each sentence's named subject, so "he" can point back to it."""
    for s in doc.sentences:
        subj = sentence_subject(doc.text, s.start, s.end)
        if subj is None or subj.kind == "pronoun":
            continue
        speaker, role, _conf, person = resolver.resolve(subj)
        if speaker and (person or subj.kind != "name"):
            resolver.note(subj.span[0], speaker, role, person)


_DE_FRAMING = {"bezeichnete", "nannte", "lobte", "dankte", "kritisierte", "nannten", "bezeichneten",
               "kritisierten", "lobten", "forderten", "forderte"}
_INVERTED = re.compile(r"(?:a-t|avait|aurait|ont|avaient)-(il|elle|ils|elles)\b")


def _verb_act(doc: Doc, m: re.Match[str]) -> SpeechAct | None:
    text = doc.text
    vs, ve = m.span()
    framing = m.group("framing") is not None
    verb = m.group()
    lo = doc.prev_boundary(vs)
    inv = _INVERTED.match(verb)
    if inv:
        p0 = vs + inv.start(1)
        pronoun = Subject(inv.group(1), (p0, p0 + len(inv.group(1))), "pronoun", group=inv.group(1) in ("ils", "elles"))
        return SpeechAct(verb, (vs, ve), doc.sentence_at(vs), pronoun, None, None, 0.0, False)
    if PASSIVE.search(text, max(lo, vs - 30), vs):
        return None  # "Rubio was asked", "he was told"
    sent = doc.sentence_at(vs)
    before = text[lo:vs]
    subj = None
    subject_first = True
    if COORD.search(before):
        s = doc.sentences[sent] if doc.sentences else None
        if s is not None:
            subj = sentence_subject(text, s.start, vs)
    if subj is None:
        subj = subject_before(text, lo, vs)
    if subj is None and not framing and verb not in _TELL:  # "told Reuters": the listener, not the speaker
        subj = subject_after(text, ve, doc.next_boundary(ve))
        subject_first = False
        if subj is not None and subj.kind == "pronoun" and subj.group:
            subj = None
    if subj is None and framing and (doc.lang == "de" or verb in _DE_FRAMING):
        # German puts the subject after the verb: "bezeichnete SPD-Generalsekretär Matthias Miersch den …"
        after = subject_after(text, ve, doc.next_boundary(ve))
        if after is not None and (after.kind == "pronoun" and not after.group or after.kind == "name" and (
                after.role or looks_like_person_name(after.name or ""))):
            subj, subject_first = after, False
    if subj is None and (framing or _REPORTS_NEXT.match(text, ve)):
        subj = _opening_noun_phrase(doc, sent, vs)
        subject_first = True
    if subj is None and framing:
        return None
    return SpeechAct(verb, (vs, ve), sent, subj, None, None, 0.0, False, framing=framing,
                     subject_first=subject_first, quote_only=verb in quote_only_cues(doc.lang))


_VERB_FIRST = re.compile(
    r"(?:explicó|dijo|informó|informa|informan|publica|publicó|recoge|indicó|señaló|afirmó|a expliqué|a indiqué|a dit|ha detto|said|told|este|esta|this)\b", re.I
)


def _according_act(doc: Doc, m: re.Match[str]) -> SpeechAct | None:
    """'according to official figures', 'selon le ministre': the source is what follows."""
    text = doc.text
    if m.group().lower() == "zufolge":
        return _zufolge_act(doc, m)
    ve = m.end()
    hi = doc.next_boundary(ve)
    stop = re.search(r"[,;:.](?:\s|$)|\s—|\s–|\(|\s(?:als|dass|that|which|who|whom|que|qui|wie|and|und|y|et|but|aber|pero|mais)\b", text[ve:hi])
    end = ve + stop.start() if stop else hi
    end = _source_end(text, ve, end, doc.lang)
    phrase = text[ve:end].strip()
    words = phrase.split()
    if not words or len(words) > 12 or _VERB_FIRST.match(phrase):
        return None  # "según explicó este miércoles su alcaldesa": the verb's own subject follows
    start = ve + text[ve:end].find(words[0])
    named = subject_after(text, ve, end)
    subj = Subject(phrase, (start, start + len(phrase)), "report", name=phrase)
    if named is not None and named.span[1] >= start + len(phrase) - 1 and (
        named.kind != "name" or named.span[0] + len(named.name or "") >= named.span[1] - 1 or named.role
        or (looks_like_person_name(named.name or "") and (named.name or "").split()[0] in GIVEN_NAMES)
    ):
        subj = named  # "selon le parquet de Lyon" stays the parquet, not Lyon
    return SpeechAct(m.group(), m.span(), doc.sentence_at(m.start()), subj, None, None, 0.0, False,
                     according=True, subject_first=False)


# Words that tie a complement to the source's head noun: "einem Bericht des Rechnungshofs", "le parquet de Lyon".
_LINKS = {"des", "der", "von", "vom", "de", "del", "du", "d'", "d’", "of", "on", "at", "from", "in", "for", "di",
          "della", "da", "do", "dos", "en", "à", "au", "aux"}
# Finite verbs and clitics that open the reported clause when no comma does ("Según fuentes policiales el
# detenido tiene ..." stops at "el"; "according to officials there is ..." at "there").
_CLAUSE_OPENERS = {
    "es": {"es", "son", "fue", "ha", "han", "hay", "está", "están", "era", "tiene", "tienen", "será", "se", "él",
           "ella", "ellos", "lo", "la", "le", "les"},
    "fr": {"est", "sont", "a", "ont", "était", "sera", "se", "il", "elle", "ils", "elles", "y", "on", "la", "le",
           "les"},
    "en": {"is", "are", "was", "were", "has", "have", "had", "will", "would", "there", "he", "she", "they", "it"},
}
_TOKEN = re.compile(r"[^\s]+")


def _source_end(text: str, lo: int, hi: int, lang: str | None) -> int:
    """Where an "according to" source ends when no comma ends it: after its head noun phrase.

    German capitalises nouns, so the phrase is a determiner, lower-case adjectives, capitalised words and
    genitive links ("Laut einem Bericht des Rechnungshofs | fehlen der Stadt ..."). Elsewhere the phrase
    ends at a new determiner that no preposition ties to it, or at a finite verb or subject pronoun.
    """
    toks = list(_TOKEN.finditer(text, lo, hi))
    german = lang == "de" or (lang is None and text[lo - 6 : lo].strip().lower() in {"laut", "angaben"})
    seen_head = False
    end = hi
    openers = _CLAUSE_OPENERS.get(lang or "en", set())
    for k, t in enumerate(toks):
        w = t.group()
        lw = w.lower().strip("„“\"«»")
        prev = toks[k - 1].group().lower() if k else ""
        after_link = prev in _LINKS or prev.endswith(("'", "’"))
        if german:
            if w[:1].isupper():
                seen_head = True
                continue
            if lw in _LINKS and seen_head:
                continue  # "des Rechnungshofs", "der Stadt" after the head noun: a genitive
            if lw in DETERMINERS or lw in {"einem", "dem", "den"}:
                if seen_head and not after_link:
                    end = t.start()
                    break
                continue
            if not seen_head or after_link or prev in DETERMINERS:
                continue  # an adjective before its noun ("ersten Schätzungen", "des zuständigen Amtes")
            end = t.start()
            break
        if k == 0:
            continue
        if not w[:1].islower():
            continue  # "the Los Angeles Fire Department": a capitalised "Los" is part of a name
        if lw in openers and not (after_link and lw in DETERMINERS):
            end = t.start()
            break
        if lw in DETERMINERS and not after_link:
            end = t.start()
            break
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


# Sentence openers that are adverbs, not a subject, before an inverted German verb ("Gestern nannte er …").
_DE_OPENERS = {"Gestern", "Heute", "Morgen", "Zudem", "Dann", "Später", "Außerdem", "Damals", "Trotzdem",
               "Deshalb", "Daher", "Auch", "Jetzt", "Nun", "Zuvor", "Bereits", "Schon", "Dort", "Hier", "Danach",
               "Darauf", "Dabei", "Allerdings", "Inzwischen", "Zuletzt", "Erst", "Ebenso", "Stattdessen"}
# what follows a speech verb whose subject is the sentence's opening noun phrase: a clause or a quote
_REPORTS_NEXT = re.compile(r"\s*(?:[,:]|that\b|que\b|qu[’']|dass\b|[“„«\"])")
_NP_WORDS = re.compile(r"[\w\-’']+")


def _opening_noun_phrase(doc: Doc, sent: int, vs: int) -> Subject | None:
    """'Los agricultores calificaron …', 'Kritiker nannten …': the words from the sentence start to the verb.

    Only a determiner and up to five more words, or one capitalised plural-like noun, with no punctuation:
    anything longer or with a comma is not safely the subject.
    """
    if not doc.sentences:
        return None
    text = doc.text
    lo = doc.sentences[sent].start
    while lo < vs and text[lo].isspace():
        lo += 1
    chunk = text[lo:vs].rstrip()
    if not chunk or re.search(r"[,;:.!?“”\"«»„()\d]", chunk):
        return None
    words = _NP_WORDS.findall(chunk)
    if not words or len(words) > 6 or " ".join(words) != " ".join(chunk.split()):
        return None
    first = words[0]
    if any(c in w for w in words[1:] for c in "’'") or first.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP:
        return None  # "Il s’est cependant dit …": a pronoun and a clitic, not a noun phrase
    if first.lower() in DETERMINERS and len(words) >= 2 and first.lower() not in {"sa", "son", "ses", "su", "sus"}:
        pass
    elif len(words) == 1 and first[:1].isupper() and first not in _DE_OPENERS and first not in NOT_NAMES \
            and first.lower() not in PRONOUNS_PERSON and first.lower() not in PRONOUNS_GROUP and len(first) > 3:
        pass
    else:
        return None
    return Subject(chunk, (lo, lo + len(chunk)), "nominal")


def _zufolge_act(doc: Doc, m: re.Match[str]) -> SpeechAct | None:
    """German 'X zufolge' puts the source BEFORE the word: 'Einem Gutachten zufolge fehlen …'."""
    text = doc.text
    lo = doc.prev_boundary(m.start())
    punct = max(text.rfind(c, lo, m.start()) for c in ",;:")
    lo = max(lo, punct + 1)
    phrase = text[lo : m.start()].strip()
    words = phrase.split()
    if not words or len(words) > 6 or not any(w[:1].isupper() for w in words):
        return None
    start = lo + text[lo : m.start()].find(words[0])
    subj = Subject(phrase, (start, start + len(phrase)), "report", name=phrase)
    return SpeechAct(m.group(), m.span(), doc.sentence_at(m.start()), subj, None, None, 0.0, False,
                     according=True, subject_first=True)
