"""Transcripts and interviews: a paragraph opening with "SPEAKER:" is that speaker's own words.

Briefings, press conferences and printed interviews carry no quote marks: "SECRETARY MARWICK: We have
made progress." is direct speech, and so are the paragraphs after it until the next label. Each
paragraph of a turn becomes one direct Quote (as a quote running over paragraphs does elsewhere),
whose speaker is the label's person resolved against the names the text gives elsewhere
("SECRETARY MARWICK" -> Helena Marwick, role Secretary of State), with ``speaker_mention`` and
``speaker_span`` on the label.

Questions from the floor ("Q:", "QUESTION:", Spanish "P:", German "F:") end the turn before them and
are no quote: an unnamed reporter's question is nobody's statement to check (the hand-labelled sets
count it as no quote), and it is never given to whoever answered before it. Reported speech inside a
question ("Residents say they were not consulted.") is still read as indirect speech. A host or
moderator is a speaker, named when the text names one ("host Rina Castell");
an answer label ("A:", "R:") is the interviewee, when the text names exactly one person before the
first turn, or most often.

A colon after a word is common in news ("Update:", "Photo: AFP", "ISLAMABAD:", "Key points:"), so
a label must be a person, a role or a question/answer mark, and a text is read as a transcript only
when at least two turns with two distinct labels are found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.analyze.resolver import Resolver
from storyline.analyze.speakers import _norm, is_orgish, looks_like_person_name
from storyline.analyze.speechwords import HONORIFICS, NOT_NAMES, PERSON_ROLE_NOUNS, PLACES, TITLES
from storyline.lang.names import GIVEN_NAMES
from storyline.model import Quote

# A label: up to six words (letters, dots, apostrophes, hyphens) at the start of a paragraph, then a
# colon and the words spoken. Digits are never part of a label ("10:30").
_LABEL = re.compile(r"[ \t]*(?P<label>[^\W\d_][^\W\d_.'’\-]*\.?(?:[ \t]+[^\W\d_][^\W\d_.'’\-]*\.?){0,5})[ \t]*:[ \t]+(?=\S)")

# Question and answer marks by language, (questions, answers); the English ones are read in every language.
_MARKS: dict[str | None, tuple[set[str], set[str]]] = {
    None: ({"q", "question"}, {"a", "answer"}),
    "es": ({"p", "pregunta"}, {"r", "respuesta"}),
    "pt": ({"p", "pergunta"}, {"r", "resposta"}),
    "de": ({"f", "frage"}, {"a", "antwort"}),
    "fr": ({"q", "question"}, {"r", "réponse"}),
    "it": ({"d", "domanda"}, {"r", "risposta"}),
}
# Whoever asks the questions on air, named by role.
_HOSTS = {
    "host", "moderator", "interviewer", "presenter", "anchor", "reporter", "journalist",
    "periodista", "entrevistador", "entrevistadora", "moderador", "moderadora", "presentador", "presentadora",
    "moderatorin", "moderation", "journaliste", "animateur", "animatrice", "présentateur", "présentatrice",
    "giornalista", "conduttore", "conduttrice", "intervistatore", "intervistatrice",
}
# Words that open a news label, never a speaker ("Key Points:", "Editor's Note:", "Live Updates:").
_NOT_SPEAKERS = {
    "update", "updates", "photo", "photos", "picture", "pictures", "image", "images", "video", "watch", "listen",
    "read", "see", "also", "related", "more", "key", "note", "editor's", "editors", "source", "sources",
    "credit", "credits", "caption", "live", "breaking", "latest", "top", "correction", "clarification",
    "summary", "background", "analysis", "opinion", "exclusive", "warning", "file", "reporting", "additional",
    "editing", "writing", "tags", "topics", "share", "follow", "advertisement", "disclaimer", "transcript",
    "location", "date", "time", "venue", "subject", "title", "headline", "by", "posted", "published",
    "updated", "contact", "email", "phone", "tel", "fax", "web", "website", "what", "why", "how", "who",
    "when", "where", "lea", "leer", "foto", "fotos", "lesen", "mehr", "lire", "aussi", "leggi", "anche",
}
_TITLE_WORDS = {w.lower().rstrip(".") for t in TITLES for w in t.split() if w[:1].isupper()} | set(PERSON_ROLE_NOUNS)
_TITLE_WORDS -= {"of", "the"}
_HONORIFICS = {h.lower().rstrip(".") for h in HONORIFICS}
# Lines that end a turn without being anybody's words ("###", "END", "* * *").
_END_MARK = re.compile(r"^\W*(?:end|fin|ende|-\s*30\s*-)?\W*$", re.I)
_STAGE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*$")  # "(Laughter.)", "[inaudible]"


@dataclass
class Turn:
    """One labelled turn: who it is, and the [start, end) spans of the words spoken."""

    label: str
    label_span: tuple[int, int]
    kind: str  # question, answer, host, person
    speaker: str | None = None
    role: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def transcript_quotes(text: str, paras: list[tuple[int, int]], resolver: Resolver, lang: str | None,
                      sentence_at: Callable[[int], int]) -> list[Quote]:
    """A direct Quote for each paragraph of each turn, or [] when ``text`` is not a transcript.

    ``sentence_at`` maps a character position to its sentence index."""
    turns = find_turns(text, paras, resolver, lang)
    out: list[Quote] = []
    for t in turns:
        if t.kind == "question":
            continue
        for start, end in t.spans:
            out.append(Quote(
                text=text[start:end], span=(start, end), kind="direct", sentence=sentence_at(start),
                speaker=t.speaker, speaker_role=t.role, speaker_mention=t.label, speaker_span=t.label_span,
                partial=False, confidence=0.9 if t.speaker else 0.7,
            ))
    return out


def find_turns(text: str, paras: list[tuple[int, int]], resolver: Resolver, lang: str | None) -> list[Turn]:
    """The turns of a transcript in text order; [] unless at least two distinct labels take turns."""
    if ":" not in text:
        return []
    turns: list[Turn] = []
    current: Turn | None = None
    for p_lo, p_hi in paras:
        m = _LABEL.match(text, p_lo, p_hi)
        kind = _label_kind(m.group("label"), lang) if m else None
        if m is not None and kind is not None:
            label = m.group("label")
            current = Turn(label, (m.start("label"), m.start("label") + len(label)), kind)
            turns.append(current)
            _add_span(text, current, m.end(), p_hi)
            continue
        para = text[p_lo:p_hi]
        if current is None or m is not None or _END_MARK.match(para):
            current = None  # an unknown label or an end mark closes the turn
            continue
        if _STAGE.match(para):
            continue
        _add_span(text, current, p_lo, p_hi)
    _trim_turns(text, turns)
    turns = [t for t in turns if t.spans]
    if len(turns) < 2:
        return []
    _resolve(text, turns, resolver)
    turns = [t for t in turns if t.spans]
    if len({t.label.casefold() for t in turns}) < 2:
        return []
    kinds = {t.kind for t in turns}
    if "answer" in kinds and "question" not in kinds:
        return []  # "A:" alone is no interview
    return turns


_FIGURES_ONLY = re.compile(r"[\d\s.,%$€£:/()\-–]+")


def _trim_turns(text: str, turns: list[Turn]) -> None:
    """Take back what only looks like a turn (read on PolNeAR train, where tallies and headed
    sections were read as speech):

    * "Hillary Clinton: 1,769.": a label with only figures after it is a row of a table;
    * a paragraph that names the label's person ("Sanders: Win in a walk." then "Vermont Sen. Bernie
      Sanders has led ...") is the reporter writing about them: the turn ends there, and when that
      happens right after a short first paragraph, the label and its words were a heading;
    * the last turn runs on over the paragraphs after it only when some other turn ran over more
      than one paragraph; otherwise the report goes on in the reporter's words.
    """
    for t in turns:
        if not t.spans:
            continue
        if _FIGURES_ONLY.fullmatch(text[t.spans[0][0] : t.spans[0][1]]):
            t.spans = []
            continue
        name = _split_label(_words(_cased(t.label)))[1] if t.kind == "person" else []
        if not name:
            continue
        said = re.compile(rf"(?<![\w’'\-]){re.escape(name[-1])}(?![\w\-])", re.I)
        for k, (lo, hi) in enumerate(t.spans):
            if said.search(_outside_quote_marks(text[lo:hi])):
                short = len(text[t.spans[0][0] : t.spans[0][1]].split()) <= 8
                t.spans = [] if k == 0 or (k == 1 and short) else t.spans[:k]
                break
    running = [t for t in turns if t.spans]
    if running and len(running[-1].spans) > 1 and not any(len(t.spans) > 1 for t in running[:-1]):
        running[-1].spans = running[-1].spans[:1]


def _outside_quote_marks(para: str) -> str:
    return re.sub(r"[“\"«„][^“”\"«»„]*[”\"»“]", " ", para)


def _add_span(text: str, turn: Turn, lo: int, hi: int) -> None:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi > lo:
        turn.spans.append((lo, hi))


def _words(label: str) -> list[str]:
    return label.split()


def _label_kind(label: str, lang: str | None) -> str | None:
    """question, answer, host or person; None for anything else (a heading, a place, a credit)."""
    low = label.casefold().rstrip(".")
    questions, answers = _MARKS[None]
    local_questions, local_answers = _MARKS.get(lang, (set(), set()))
    if low in questions or low in local_questions:
        return "question"
    if low in answers or low in local_answers:
        return "answer"
    if low in _HOSTS:
        return "host"
    words = _words(_cased(label))
    if not words or words[0].lower() in _NOT_SPEAKERS or len(words) > 5:
        return None
    title, name = _split_label(words)
    if not name or any(not w[:1].isupper() for w in name):
        return None
    joined = " ".join(name)
    if joined in PLACES or is_orgish(joined) or any(w in NOT_NAMES or w in PLACES for w in name):
        return None
    if title or len(name) == 1:
        return "person" if len(name) <= 3 else None  # a single untitled word must be a known person (_resolve)
    if looks_like_person_name(joined):
        return "person"
    return None


def _cased(label: str) -> str:
    """'SECRETARY MARWICK' -> 'Secretary Marwick'; a mixed-case label is kept as written."""
    if label.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in label.split())
    return label


def _split_label(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): 'Mr. Okafor' -> (['Mr.'], ['Okafor']); 'Secretary Of State X' too."""
    k = 0
    while k < len(words) - 1 and (words[k].lower().rstrip(".") in _TITLE_WORDS | _HONORIFICS
                                  or (k > 0 and words[k].lower() in ("of", "the", "de", "del", "la"))):
        k += 1
    return words[:k], words[k:]


def _resolve(text: str, turns: list[Turn], resolver: Resolver) -> None:
    """Give each turn its speaker: people by name, hosts by the person the text calls host, answers
    to the interviewee; questions stay unnamed."""
    first = turns[0].label_span[0]
    interviewee = _interviewee(resolver, first)
    known: dict[str, tuple[str | None, str | None]] = {}  # one look-up per label, however many turns
    for t in turns:
        if t.kind == "answer":
            t.speaker, t.role = interviewee or (None, None)
        elif t.kind == "host":
            if t.label not in known:
                known[t.label] = _named_by_role(text, t.label, first)
            t.speaker, t.role = known[t.label]
        elif t.kind == "person":
            if t.label not in known:
                known[t.label] = _person(t.label, t.label_span[0], resolver)
            t.speaker, t.role = known[t.label]
            if t.speaker is None:
                t.spans = []  # "TRUMP:" is read only when the text names him; a lone word may be anything


def _person(label: str, pos: int, resolver: Resolver) -> tuple[str | None, str | None]:
    title_words, name_words = _split_label(_words(_cased(label)))
    title = " ".join(w for w in title_words if w.lower().rstrip(".") not in _HONORIFICS) or None
    name = " ".join(name_words)
    full, reg_role = resolver.canonical(name, pos)
    known = len(full.split()) > len(name_words) or any(p.name == full for p in resolver.people)
    if len(name_words) == 1 and not known and not title_words:
        return None, None
    if len(name_words) > 1 and not title_words and not known and name_words[0] not in GIVEN_NAMES:
        return None, None
    role = reg_role
    if title and not (reg_role and title.split()[0].lower() in reg_role.lower()):
        role = title
    return _norm(full), role


def _interviewee(resolver: Resolver, first_turn: int) -> tuple[str, str | None] | None:
    """The person an interview is with: the only one named before the first turn, else the one the
    text names most often."""
    before = {p.name for p in resolver.people if p.pos < first_turn and len(p.name.split()) >= 2}
    if len(before) == 1:
        name = before.pop()
        return resolver.canonical(name, first_turn)[0], _role(resolver, name)
    counts = Counter(p.name for p in resolver.people if len(p.name.split()) >= 2)
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0], _role(resolver, top[0][0])
    return None


def _role(resolver: Resolver, name: str) -> str | None:
    return next((p.role for p in resolver.people if p.name == name and p.role), None)


def _named_by_role(text: str, label: str, before: int) -> tuple[str | None, str | None]:
    """'host Rina Castell', 'the moderator, Ana Ruiz': the person the text introduces by this role."""
    role = label.casefold()
    m = re.search(rf"\b(?i:{re.escape(role)}),?\s+((?:[A-Z][\w’'\-]+\s+){{1,2}}[A-Z][\w’'\-]+)", text[:before])
    if m and looks_like_person_name(m.group(1)):
        return _norm(m.group(1)), label[:1].upper() + label[1:].lower()
    return None, None
