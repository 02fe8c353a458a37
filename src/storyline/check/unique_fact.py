"""unique_fact: claims only one report makes, ranked by how checkable they are.

A journalist can check a number, a date, a name or a quote; a sentence of commentary is not worth a
line. So single-source sentences are scored by the checkable things in them and only those with at
least two points are listed, most checkable first. Page furniture a cleaner left inside a paragraph
("Follow us on YouTube", "Unlock Exclusive Insights with X Premium") is never a fact.

A fact only one report gives must also say something checkable that no other report says: one of
its numbers, months or names appears in no other report, or it quotes someone. A sentence whose
every number and name the other reports also give is the shared story in other words (a lede the
alignment did not link to the others' ledes), not a fact of its own. A year another report writes
dates a fact rather than being one ("FY26" writes 2026; "the 2005 Regulations" names a text); in
German, where every noun is capitalised, only the words of names count as names; a heading in
capitals and a citation marker's digits are no facts. What a person no other report quotes said is a
fact even when every name in it is known. A figure another report writes in another form
(check/figure_forms.py: grouped, scaled, rounded) or counting the same thing in another language
(check/figure_sense.py: "nine months", "neun Monaten") is given; a number word pointing back ("les
deux parties"), a score or a whole period in a smaller unit is no figure.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from storyline.check import figure_forms, figure_sense, restated
from storyline.check.context import Context
from storyline.check.text import anchors, tokens
from storyline.lang.fold import fold_word, stem
from storyline.lang.numbers import ANY_LANGUAGE_NUMBER_WORDS, NUMBER_WORDS
from storyline.lang.places import PLACES
from storyline.lang.terms import CURRENCIES
from storyline.model import Article, Finding

FIRSTS = re.compile(r"\b(first|last|largest|biggest|record|highest|lowest|only|primer[oa]?|premi[eè]re?|erste)\b",
                    re.IGNORECASE)
# A photo caption left in the text ("The headquarters is shown Wednesday, March 21, 2001."): it
# describes a picture, often an old one, not the story.
CAPTION = re.compile(r"\b(?:is|are|was|were) (?:shown|pictured)\b|^\s*(?:file|archive) (?:photo|picture|image)\b|"
                     r"\b(?:photo|picture|image) (?:taken|dated) ", re.IGNORECASE)
# An embedded social post: its signature ("— Ada Brisk (@adabrisk) January 7, 2025") or its picture
# link. The post is a quoted document the page shows, not a statement of the report.
EMBEDDED_POST = re.compile(r"\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}|\bpic\.twitter\.com/", re.IGNORECASE)
# A link's letters ("pic.twitter.com/CpQxPKAS73") are no name a report gives.
LINK = re.compile(r"(?:https?://|www\.|\b(?:pic\.twitter\.com|t\.co|bit\.ly)/)\S*", re.IGNORECASE)
# "Mars’s snack business": the possessive is no part of the name.
POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")
# A footnote or generated-text citation marker ("[3]", ":contentReference[oaicite:1]{index=1}") points
# at a source; its digits are no figure of the report.
REFERENCE_MARK = re.compile(r":?contentReference\[[^\]]*\](?:\{[^}]*\})?|\[(?:\d{1,3}|oaicite:\d+)\]|\{index=\d+\}")
# "the 2005 IHR", "the 2015 Paris Agreement": a year that is part of a name dates no fact of the story.
YEAR_OF_NAME = re.compile(r"\b([Tt]he\s+)(?:1[89]|20)\d\d(?=\s+[A-Z])")
# A heading in capitals ("CAPTAIN LEADS FROM THE FRONT") titles a section; it states nothing the
# section does not.
MIN_HEADING_LETTERS = 8
TITLE_WORDS = 3  # a title has at least this many words of four letters or more, all capitalised


def is_heading(text: str) -> bool:
    """Whether a sentence is written in capitals, as a section heading is, or is a title: no closing
    punctuation and every word of four letters or more capitalised ("Triumphs Overshadowed by
    Upper-Stage Failure")."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) >= MIN_HEADING_LETTERS and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    return len(long_words) >= TITLE_WORDS and not re.search(r"[.!?:;,\"”»)]\s*$", text.strip()) and \
        all(w[0].isupper() for w in long_words)



def is_question(text: str) -> bool:
    """Whether a sentence is a question of the writer's (a reader's comment, a teaser): it asserts
    nothing. A quoted question is someone's words and stays."""
    return text.rstrip().endswith("?") and not restated.QUOTE_MARK.search(text)


# A page's date line ("Wednesday, December 17, 2025 | 06:09 PM IST"): when it was published, no fact.
DATELINE = re.compile(r"^\W*(?:\w+,?\s+)?(?:\w+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\w+\.?\s+\d{4})\s*[|,·•-]?\s*"
                      r"\d{1,2}[:.]\d{2}\b", re.IGNORECASE)


# Calls to action of a page, not statements of a report: follow, subscribe, sign up, download, unlock,
# advertisement, in the languages the project reads. Anchored at the sentence start (after
# punctuation or an arrow), so "40,000 subscribers asked for refunds" stays a fact.
_SOCIAL = r"(?:youtube|facebook|twitter|x|instagram|tiktok|whatsapp|telegram|linkedin|threads|google news|bluesky)"
FURNITURE = re.compile(
    r"^[\W_]*(?:"
    rf"follow (?:us|[\w .'’&-]{{1,40}}) on {_SOCIAL}\b|like us on facebook|"
    r"subscribe\b|sign up\b|unlock\b|download (?:the|our)\b|get (?:the )?[\w .'’-]{1,40} delivered to your inbox|"
    r"click here\b|(?:advertisement|sponsored|anzeige|werbung|publicidad|publicit[ée]|pubblicit[àa]|publicidade)"
    r"\s*(?:[:|–-]|$)|"
    r"s[íi]guenos\b|suscr[íi]bete\b|desc[áa]rga(?:te)? (?:la|nuestra)\b|"
    r"suivez-nous\b|abonnez-vous\b|inscrivez-vous\b|t[ée]l[ée]chargez\b|"
    r"folgen sie uns\b|abonnieren sie\b|jetzt abonnieren\b|laden sie (?:die|unsere) app\b|"
    r"seguici\b|iscriviti\b|abbonati\b|scarica (?:l['’]app|la nostra)\b|"
    r"siga-nos\b|assine\b|inscreva-se\b|baixe o\b)"
    r"|\bunlock exclusive\b|\bsign up for (?:our|the) [\w ]{0,30}newsletter\b"
    r"|\b(?:thanks? (?:you )?for subscribing|gracias por suscribirte|merci (?:pour votre|de vous être) abonn|"
    r"danke für ihre anmeldung|grazie per (?:esserti|la) (?:iscritto|iscrizione))"
    r"|\bzum download an\b|\bdownload der (?:audio|video)datei\b"
    r"|\bcookies?\b.{0,80}\b(?:website|webseite|site|sitio|browser|navegador|navigateur|werbung|advertising|"
    r"publicidad|publicité|personali[sz])",
    re.IGNORECASE,
)
# Share widgets left as one line of network names ("Teilen Facebook google+ Tumblr Xing").
_NETWORKS = re.compile(r"\b(?:facebook|twitter|google\+|tumblr|xing|whatsapp|linkedin|pinterest|reddit|digg|"
                       r"telegram|messenger|e-?mail|vk)(?!\w)", re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """Whether a sentence is page furniture: a call to action, a cookie notice, a share widget."""
    return bool(FURNITURE.search(text)) or len({m.lower() for m in _NETWORKS.findall(text)}) >= 3
MIN_SCORE = 2.0
# "US Dollars", "Rupees": a currency written with a capital is the unit of a figure, no name.
CURRENCY_STEMS = frozenset(stem(fold_word(word)) for word in CURRENCIES)
NOUNS_CAPITALISED = {"de", "lb"}
# A report's first sentences state the story, in its own words or language; there only a figure or a
# superlative no other report gives is a fact of its own, not a name (a translated one looks new).
LEDE = 2
MIN_WORDS = 6
MIN_CONTENT = 4
PER_ARTICLE = 25


def checkability(ctx: Context, a_i: int, sentence: int, text: str) -> tuple[float, list[str]]:
    """Points for numbers (2 each), dates (2), names (1, at most 3), quotes and superlatives (1)."""
    art = ctx.articles[a_i]
    found = anchors(text)
    n_numbers = sum(1 for q in art.quantities if q.sentence == sentence) or \
        sum(1 for a in found if a.startswith("num:"))
    n_dates = sum(1 for d in art.dates if d.sentence == sentence) or \
        sum(1 for a in found if a.startswith("month:"))
    names = sum(1 for m in art.names if m.sentence == sentence) or \
        sum(1 for a in found if not a.startswith(("num:", "month:")))
    has_quote = any(q.sentence == sentence for q in art.quotes) or bool(restated.QUOTE_MARK.search(text))
    score = 2.0 * min(n_numbers, 3) + 2.0 * min(n_dates, 2) + min(names, 3) + float(has_quote)
    score += 1.0 if FIRSTS.search(text) else 0.0
    what = [label for label, n in (("numbers", n_numbers), ("dates", n_dates), ("names", names),
                                   ("quote", has_quote)) if n]
    return score, what


class OtherReports(AbstractSet[str]):
    """The keys that the reports other than one give, read from each report's keys counted once: whether
    another report gives a key is then one lookup, where a union of every other report's keys for
    each report grows with the square of the story's size (a 1,000-report story)."""

    def __init__(self, counts: Counter[str], own: set[str]) -> None:
        self.counts, self.own = counts, own

    def __contains__(self, key: object) -> bool:
        n = self.counts.get(key, 0) if isinstance(key, str) else 0
        return n > 1 or (n == 1 and key not in self.own)

    def __iter__(self) -> Iterator[str]:
        return (key for key in self.counts if key in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class OtherFigures:
    """For each number, month or superlative key, the sentences of the other reports that give it, and
    the report's own sentences that other reports corroborate (see ``_said_elsewhere``); read from one
    table of the whole story, as ``OtherReports`` is."""

    def __init__(self, by_key: dict[str, list[tuple[int, Said]]], article: int, own: dict[str, list[Said]]) -> None:
        self.by_key, self.article, self.own = by_key, article, own

    def get(self, key: str, default: list[Said] | None = None) -> list[Said] | None:
        found = [said for a_i, said in self.by_key.get(key, ()) if a_i != self.article] + self.own.get(key, [])
        return found or default

    def __contains__(self, key: str) -> bool:
        return bool(self.get(key))

    def reports(self, key: str) -> int:
        """How many other reports give the key."""
        return len({a_i for a_i, _ in self.by_key.get(key, ()) if a_i != self.article})

    def __iter__(self) -> Iterator[str]:
        return (key for key in {*self.by_key, *self.own} if key in self)


@dataclass
class Elsewhere:
    """What the reports other than one say: every word stem they use, the words they write in lower
    case inside a sentence (a capitalised one of those is a title or a noun, not a name), and for
    each number or month the sentences that hold it (their words, their figures, their language)."""

    words: AbstractSet[str]
    lower: AbstractSet[str]
    figures: Any  # OtherFigures, or a plain dict of key -> sentences
    lang: str
    by_prefix: dict[str, set[str]] = field(default_factory=dict)
    index: figure_forms.FigureIndex | None = None  # the figures' keys by value, built when first asked
    names: AbstractSet[str] = field(default_factory=set)  # their names' keys (``name_keys``)
    # The report is the only one in its language and writes another script than Latin: it can share
    # no word with the others, so a figure another report gives anywhere is given, and a name in its
    # script cannot be compared, so it is no evidence of a new fact.
    alone: bool = False


@dataclass(frozen=True)
class Said:
    stems: frozenset[str]
    figures: frozenset[str]
    lang: str
    measures: frozenset[tuple[str, str]] = frozenset()  # (figure key, what it counts: figure_sense.measures)


def _lower_words(text: str) -> set[str]:
    """Stems of the words a sentence writes in lower case after its first word."""
    return {stem(fold_word(tok)) for tok in tokens(text)[1:] if tok[:1].islower()}


def _said_elsewhere(ctx: Context) -> list[Elsewhere]:
    """For each report, what the other reports say (see ``Elsewhere``), and the figures of its own
    sentences that other reports corroborate: a report that repeats in its body a figure of its
    corroborated lede ("it climbs to No. 3") restates a shared claim, it adds none."""
    words: list[set[str]] = [set() for _ in ctx.articles]
    lower: list[set[str]] = [set() for _ in ctx.articles]
    figures: list[dict[str, list[Said]]] = [defaultdict(list) for _ in ctx.articles]
    langs = [_lang(a) for a in ctx.articles]
    latin = [_mostly_latin(a.text) for a in ctx.articles]
    for ref in ctx.refs:
        stems = set(ref.stems) | _joined(ref.text)
        words[ref.article] |= stems
        lower[ref.article] |= _lower_words(ref.text)
        keys = stems | restated.figures(ref.text) | _superlatives(ref.text) | \
            _superlative_words(ref.text) | figure_forms.fiscal_years(ref.text) | figure_forms.all_keys(ref.text) | \
            figure_sense.counts_before(ref.text)
        held = frozenset(k for k in keys if k.startswith(("num:", "month:")))
        said = Said(frozenset(stems), held, langs[ref.article], frozenset(figure_sense.measures(ref.text)))
        for key in keys:
            if key.startswith(("num:", "month:", "most:")):
                figures[ref.article][key].append(said)
    names = [name_keys(art) for art in ctx.articles]
    word_counts = Counter(key for keys in words for key in keys)
    name_counts = Counter(key for keys in names for key in keys)
    by_key: dict[str, list[tuple[int, Said]]] = defaultdict(list)
    for b_i, table in enumerate(figures):
        for key, sentences in table.items():
            by_key[key].extend((b_i, said) for said in sentences)
    own: list[dict[str, list[Said]]] = [defaultdict(list) for _ in ctx.articles]
    index = figure_forms.FigureIndex(set(by_key))
    prefixes: dict[str, set[str]] = {}  # every word of the story by its first letters (_name_in_another_form)
    out = []
    lower_anywhere = set().union(*lower)  # shared, read only
    per_lang = Counter(langs)
    for a_i in range(len(ctx.articles)):
        other = Elsewhere(OtherReports(word_counts, words[a_i]), lower_anywhere, OtherFigures(by_key, a_i, own[a_i]),
                          langs[a_i], by_prefix=prefixes, index=index, names=OtherReports(name_counts, names[a_i]))
        other.alone = bool(langs[a_i]) and not latin[a_i] and per_lang[langs[a_i]] == 1
        out.append(other)
    for pos, ref in enumerate(ctx.refs):
        if ctx.claims[ctx.claim_of[pos]].status == "single-source":
            continue
        keys = restated.figures(ref.text) | {a for a in anchors(ref.text) if a.startswith("num:")} | \
            figure_forms.all_keys(ref.text)
        said = Said(frozenset(set(ref.stems) | _joined(ref.text)),
                    frozenset(k for k in keys if not is_year(k)), langs[ref.article])
        for key in said.figures:  # each of them is among the story's keys (``by_key``, ``index``) already
            own[ref.article][key].append(said)
    return out


def _acronym(text: str) -> bool:
    """Whether a name is written as an acronym ("RBI", "BoE"): short, with two capitals or more."""
    return 2 <= len(text) <= 6 and text.isalpha() and sum(c.isupper() for c in text) >= 2


def _initials(words: list[str]) -> set[str]:
    """A name's initials, with and without its small words ("Bank of England": "boe", "be")."""
    return {"".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w[0].isupper()).lower()}


def name_keys(art: Article) -> set[str]:
    """The names a report gives, as keys another report's form of the same name shares: each name's
    canonical form (the analyser names a place in any language alike: "Estados Unidos" is United
    States), the initials of a name of several words, an acronym as written ("BoE" where another
    report writes "Bank of England"), and the letters of an acronym in capitals in any order (see
    ``_letters``)."""
    out = set()
    for m in art.names:
        out.add("name:" + fold_word(m.canonical or m.text))
        words = tokens(m.canonical or m.text)
        if len(words) >= 2:
            out |= {"initials:" + i for i in _initials(words)}
        if _acronym(m.text):
            out.add("acronym:" + m.text.lower())
    out |= {_letters(tok) for tok in _CAPITALS_ACRONYM.findall(art.text)}
    return out


# An acronym in capitals of three to five letters ("ECB", "NATO").
_CAPITALS_ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")


def _letters(acronym: str) -> str:
    """An acronym's letters in any order: another language orders the words of the name another way
    ("BCE" and "ECB", "RDC" and "DRC", "OTAN" and "NATO", "FMI" and "IMF")."""
    return "letters:" + "".join(sorted(acronym.lower()))


def named_elsewhere(art: Article, sentence: int, text: str, elsewhere: Elsewhere) -> set[str]:
    """The stems of the sentence's names that another report gives in another form: the same canonical
    name, an acronym of it (also one the analyser does not know, or one in another language's word
    order), or the name the acronym stands for."""
    out = {stem(fold_word(tok)) for tok in tokens(text)
           if _acronym(tok) and ("initials:" + tok.lower() in elsewhere.names or
                                 _CAPITALS_ACRONYM.fullmatch(tok) and _letters(tok) in elsewhere.names)}
    for m in art.names:
        if m.sentence != sentence:
            continue
        words = tokens(m.canonical or m.text)
        if "name:" + fold_word(m.canonical or m.text) in elsewhere.names or \
                (_acronym(m.text) and "initials:" + m.text.lower() in elsewhere.names) or \
                (len(words) >= 2 and any("acronym:" + i in elsewhere.names for i in _initials(words))):
            out |= {stem(fold_word(tok)) for tok in tokens(m.text)}
    return out


def _mostly_latin(text: str) -> bool:
    """Whether most letters of a text are Latin: a report in another script (Greek, Cyrillic, Arabic,
    Devanagari) shares no word with the others, only figures and, transliterated, names."""
    letters = [c for c in text[:2000] if c.isalpha()]
    return not letters or sum(1 for c in letters if c <= "\u024f") >= 0.5 * len(letters)


_LATIN = re.compile(r"^[a-z0-9\u00c0-\u024f]+$")
# "Afrique"/"Africa", "Virginie"/"Virginia", "Indien"/"Indian": a name in another language keeps its
# beginning and changes its ending. Two words of five letters or more that share their first four
# letters and at least 60% of the shorter one are one name in two forms.
NAME_FORM_PREFIX = 4
NAME_FORM_SHARE = 0.6
MIN_NAME_FORM = 5


def _place_keys() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """From the gazetteer: the stems of demonyms ("Spaniard", "espagnol"), and for each stem of a
    place's spelling the stems of all its spellings ("espagne": spain, españa, spanien ...)."""
    spellings: dict[str, set[str]] = defaultdict(set)
    demonyms = set()
    for spelling, (canonical, kind) in PLACES.items():
        if " " in spelling:
            continue
        key = stem(fold_word(spelling))
        if kind == "demonym":
            demonyms.add(key)
        else:
            spellings[canonical].add(key)
    forms = {key: frozenset(keys) for keys in spellings.values() for key in keys}
    return frozenset(demonyms), forms


DEMONYMS, PLACE_FORMS = _place_keys()


def _known_place_or_nationality(word: str, elsewhere: Elsewhere) -> bool:
    """Whether a name is a nationality ("the Spaniard": a person the story names otherwise) or a place
    another report names in another language ("Espagne" where others write "Spain")."""
    return word in DEMONYMS or any(form in elsewhere.words for form in PLACE_FORMS.get(word, ()))


def _name_in_another_form(word: str, elsewhere: Elsewhere) -> bool:
    """Whether another report writes the name ``word`` (a stem) in another language's form: a word the
    story never writes in lower case (a name, not "multiple" for "Múltiples")."""
    if len(word) < MIN_NAME_FORM:
        return False
    if not elsewhere.by_prefix:  # shared by a story's reports: their words, each report's own among them
        words = elsewhere.words.counts if isinstance(elsewhere.words, OtherReports) else elsewhere.words
        for w in words:
            if len(w) >= MIN_NAME_FORM and not w.startswith(("num:", "month:")) and w not in elsewhere.lower:
                elsewhere.by_prefix.setdefault(w[:NAME_FORM_PREFIX], set()).add(w)
    for other in elsewhere.by_prefix.get(word[:NAME_FORM_PREFIX], ()):
        if other not in elsewhere.words:
            continue
        shared = len(os.path.commonprefix([word, other]))
        if shared >= NAME_FORM_SHARE * min(len(word), len(other)):
            return True
    return False


def _lang(art: Article) -> str:
    return (art.lang or "").split("-")[0]


_SUPERLATIVE = re.compile(FIRSTS.pattern + r"\s+(?:[\w-]+\s+)??([^\W\d_][\w-]{3,})", re.IGNORECASE)
# "last year", "last summer", "the first quarter", "the first five overs": a period of the calendar or a count of
# the first few, not a record; the date or figure beside it is what a reader could check. So is a period of a
# working day or of a match ("the first shift", "the last over", "the first set", "the final minute").
PERIOD_OR_COUNT = re.compile(
    r"\b(?:first|last|primer[oa]?|premi[eè]re?|erste)[sn]?\s+(?:year|week|month|night|weekend|season|quarter|half|"
    r"day|morning|afternoon|evening|hour|minute|shift|over|innings|set|game|lap|break|"
    r"semestre|trimestre|semester|quartal|jahr|woche|monat|año|semana|mes|année|semaine|mois|"
    r"summer|winter|spring|autumn|fall|sommer|frühling|herbst|verano|invierno|primavera|otoño|été|hiver|"
    r"printemps|automne|estate|inverno|autunno)s?\b",
    re.IGNORECASE)


def _joined(text: str) -> set[str]:
    """Hyphenated words written as one ("pre-market" is "premarket")."""
    return {stem(fold_word(m.replace("-", ""))) for m in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", text)}


def _superlatives(text: str) -> set[str]:
    """"first consignment", "record high" as keys: a superlative and the thing it is said of is a
    checkable claim of its own ("the first consignment" is not "the first phase"). A period ("last
    year") or a count ("the first five overs") is none (``PERIOD_OR_COUNT``)."""
    text = PERIOD_OR_COUNT.sub(" ", text)
    return {f"most:{m.group(1).lower()} {stem(fold_word(m.group(2)))}" for m in _SUPERLATIVE.finditer(text)
            if fold_word(m.group(2)) not in _NUMBER_WORDS}


# Every number word of every language ("first five overs", "primeros dos"): no thing a superlative is said of.
_NUMBER_WORDS = {word for table in NUMBER_WORDS.values() for word in table} | set(ANY_LANGUAGE_NUMBER_WORDS)


def foreign_number_words(text: str, lang: str) -> set[str]:
    """The number anchors a sentence owes only to a word that is a number in another language ("sei",
    German "be", is Italian six): in a report whose language has a table of number words, no figure."""
    if lang not in NUMBER_WORDS:
        return set()
    table = NUMBER_WORDS[lang] | ({"one": 1} if lang == "en" else {})
    words = {fold_word(tok) for tok in tokens(text)}
    foreign = {f"num:{ANY_LANGUAGE_NUMBER_WORDS[w]}" for w in words if w in ANY_LANGUAGE_NUMBER_WORDS and w not in table}
    written = {f"num:{table[w]}" for w in words if w in table} | \
        {a for tok in tokens(text) if tok[0].isdigit() for a in anchors(tok)}
    return foreign - written


def _superlative_words(text: str) -> set[str]:
    """The superlatives a sentence uses, alone ("most:first"): another report's "his first Monetary
    Policy Committee meeting" gives "the first policy meeting" although other words stand between."""
    return {f"most:{m.group(0).lower()}" for m in FIRSTS.finditer(text)}


def _superlative_given(key: str, other_figures: dict[str, list[Said]]) -> bool:
    """Whether another report's sentence uses the same superlative and the word it is said of."""
    word, _, thing = key[len("most:"):].partition(" ")
    return bool(thing) and any(thing in sentence.stems for sentence in other_figures.get(f"most:{word}", []))


def _figure_given(key: str, words: set[str], figures: set[str], elsewhere: Elsewhere,
                  measures: AbstractSet[tuple[str, str]] = frozenset()) -> bool:
    """Whether another report gives a number or month beside this sentence's other words or figures:
    beside one of its words ("6.4% growth"); beside another of its figures ("17,000 cases and 517
    deaths" and "17.000 cas ... 517 décès": two figures together are the same fact in any wording or
    language); counting the same unit or thing in any language ("nine months", "neun Monaten":
    ``figure_sense.measures``); or, in a report in another language, beside a cognate
    ("acquittal"/"acquittement")."""
    others = figures - {key}
    if (elsewhere.alone or figure_forms.distinctive(key)) and elsewhere.figures.get(key):
        return True
    if elsewhere.index is None:
        elsewhere.index = figure_forms.FigureIndex(set(elsewhere.figures))
    counted = {sense for k, sense in measures if k == key}
    for k in [key, *elsewhere.index.roundings(key)]:
        for said in elsewhere.figures.get(k, []):
            if (words - {key}) & said.stems or others & said.figures or \
                    any((k, sense) in said.measures for sense in counted):
                return True
            if said.lang != elsewhere.lang and any(restated.cognate(w, o) for w in words for o in said.stems):
                return True
    return False


def novel(stems: list[str], found: set[str], elsewhere: Elsewhere, figures: set[str] | None = None,
          aliases: dict[str, set[str]] | None = None, text: str = "") -> set[str]:
    """The sentence's anchors (``found``: numbers, months, names) that no other report gives: a name
    no other report uses anywhere, a number or month no other report writes beside any of this
    sentence's words or other figures (``_figure_given``; ``figures`` are the sentence's own, the
    number and month anchors of ``found`` unless given). A weekday is no name (it dates a fact), nor
    is a capitalised word the story also writes in lower case (a title, a noun at a heading's start),
    nor a currency ("US Dollars": a unit).
    Nor is a title or a common noun heading a name no new word stands beside (``restated.bare_heads``
    of ``text``: "ECB President"). ``aliases`` name a figure in another unit ("25 basis points" is
    also 0.25 percentage points) or read otherwise (``figure_forms.other_readings``)."""
    words = set(stems)
    held = {a for a in found if a.startswith(("num:", "month:"))} if figures is None else figures
    measures = figure_sense.measures(text)
    out = set()
    heads = restated.bare_heads(text, elsewhere.words, elsewhere.lower)
    for a in found:
        if is_year(a) or a.startswith("month:"):
            if a not in elsewhere.figures:
                out.add(a)
        elif a.startswith("most:"):
            if not _superlative_given(a, elsewhere.figures) and \
                    not any((words - {a}) & said.stems for said in elsewhere.figures.get(a, [])):
                out.add(a)
        elif a.startswith(("num:", "month:")):
            if not _figure_given(a, words, held, elsewhere, measures) and \
                    not any(_figure_given(alias, words, held, elsewhere) for alias in (aliases or {}).get(a, ())):
                out.add(a)
        elif a not in elsewhere.words and not restated.is_weekday(a) and a not in elsewhere.lower and \
                a not in CURRENCY_STEMS and not _name_in_another_form(a, elsewhere) and \
                not (elsewhere.alone and not _LATIN.match(a)) and \
                not _known_place_or_nationality(a, elsewhere) and \
                a not in heads:
            out.add(a)
    return out


# A figure this many other reports give anywhere is the story's figure, unless it is a single digit
# (a "one member" or "two days" every story writes somewhere).
STORY_FIGURE_REPORTS = 2
SMALLEST_STORY_FIGURE = 10.0


def _story_figure(key: str, elsewhere: Elsewhere) -> bool:
    """Whether a lede's figure is one the story gives: two other reports or more write it somewhere, in
    any words. A lede states the story; "25 punti" in an Italian lede is the 25 basis points every
    other report leads with, though no word beside it is shared."""
    try:
        value = float(key[len("num:"):])
    except ValueError:
        return False
    if value.is_integer() and value < SMALLEST_STORY_FIGURE:
        return False
    figures = elsewhere.figures
    if isinstance(figures, OtherFigures):
        return figures.reports(key) >= STORY_FIGURE_REPORTS
    return len(figures.get(key) or []) >= STORY_FIGURE_REPORTS


def _aliases(text: str) -> dict[str, set[str]]:
    """Each figure's other keys: in percentage points for basis points, and its other readings."""
    out = figure_forms.other_readings(text)
    for key, alias in restated.basis_points(text).items():
        out.setdefault(key, set()).add(alias)
    return out


def is_year(anchor: str) -> bool:
    """A four-digit year ("num:2025"): it dates a figure rather than being one, and a report may date
    a fact another report gives by another word ("FY 2026", "next year"), so it is new only where no
    other report writes it at all."""
    if not anchor.startswith("num:"):
        return False
    value = anchor[4:]
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100


def name_words(art: Article, sentence: int, text: str) -> set[str] | None:
    """In a language that capitalises every noun (German), the stems of the words that are names:
    those the analyser named in the sentence and those of a run of two or more capitalised words
    ("Hafenmeister Jorin Falkenrath", which the analyser may not know) that no article or preposition
    opens. There "Kanzler" or "Südwesten" alone is no name. None elsewhere, where any capitalised word inside a sentence stands for a name
    (the analyser misses product names such as an engine's or a satellite network's)."""
    if (art.lang or "").split("-")[0] not in NOUNS_CAPITALISED:
        return None
    out = {stem(fold_word(tok)) for m in art.names if m.sentence == sentence for tok in tokens(m.text)}
    toks = tokens(text)
    run: list[str] = []
    for i, tok in enumerate([*toks, ""]):
        if i > 0 and tok[:1].isupper():
            run.append(tok)
            continue
        before = toks[i - len(run) - 1].lower() if i - len(run) - 1 >= 0 else ""
        if len(run) >= 2 and before not in _GERMAN_ARTICLES_AND_PREPOSITIONS:
            out |= {stem(fold_word(t)) for t in run}
        run = []
    return out


# After these a run of capitalised German words is nouns ("In Richtung Westen", "am Vormittag", "des
# Pringles-Produzenten"); a name the analyser knows after one ("der Kanzler Olaf Scholz") stays a name.
_GERMAN_ARTICLES_AND_PREPOSITIONS = frozenset(
    "der die das den dem des ein eine einen einem einer eines am im um vom zum zur beim ins in an auf aus bei mit "
    "nach seit von zu für über unter vor hinter neben zwischen durch gegen ohne".split())


def _speaker_key(speaker: str | None) -> str | None:
    """A quoted person by surname, which survives a title, a given name dropped or a translation."""
    words = tokens(speaker or "")
    return fold_word(words[-1]) if words else None


def _quoted_by(ctx: Context) -> dict[str, set[int]]:
    """The reports that quote each person (by ``_speaker_key``), gathered once per story."""
    out: dict[str, set[int]] = defaultdict(set)
    for a_i, art in enumerate(ctx.articles):
        for q in art.quotes:
            key = _speaker_key(q.speaker)
            if key is not None:
                out[key].add(a_i)
    return out


def _quotes_a_new_speaker(ctx: Context, a_i: int, sentence: int, quoted_by: dict[str, set[int]]) -> bool:
    """Whether the sentence quotes, in or out of quote marks, a person no other report quotes: what
    that person said is a claim of its own even when every name in it is known ("the next months
    will be bumpy, Lagarde said" in the one report that quotes her)."""
    art = ctx.articles[a_i]
    people = {m.canonical or m.text for m in art.names if m.type == "person"} | {m.text for m in art.names
                                                                               if m.type == "person"}
    here = {_speaker_key(q.speaker) for q in art.quotes if q.sentence == sentence and q.speaker in people} - {None}
    return any(quoted_by[k] == {a_i} for k in here if k is not None)


def find(ctx: Context) -> list[Finding]:
    if len(ctx.articles) < 2:
        return []
    elsewhere = _said_elsewhere(ctx)
    quoted_by = _quoted_by(ctx)
    per_article: dict[int, list[Finding]] = {}
    for members, claim in zip(ctx.clusters, ctx.claims, strict=True):
        if claim.status != "single-source":
            continue
        for m in members:
            ref = ctx.refs[m]
            content = sum(1 for s in ref.stems if not s.startswith(("num:", "month:")))
            if len(tokens(ref.text)) < MIN_WORDS or content < MIN_CONTENT:
                continue  # too short, or a date line / byline rather than a statement
            if is_furniture(ref.text) or CAPTION.search(ref.text) or is_heading(ref.text) or DATELINE.search(ref.text) or \
                    is_question(ref.text) or \
                    EMBEDDED_POST.search(ref.text) or restated.PHOTO_CREDIT.search(ref.text):
                continue
            score, what = checkability(ctx, ref.article, ref.sentence, ref.text)
            if score < MIN_SCORE:
                continue
            plain = POSSESSIVE.sub("", YEAR_OF_NAME.sub(r"\1", REFERENCE_MARK.sub(" ", LINK.sub(" ", ref.text))))
            found = (anchors(plain) | _superlatives(plain)) - restated.days_of_month(plain) - \
                foreign_number_words(plain, _lang(ctx.articles[ref.article])) - \
                figure_forms.fiscal_year_digits(plain) - figure_forms.group_tails(plain) - figure_sense.no_figures(plain)
            names = name_words(ctx.articles[ref.article], ref.sentence, plain)
            if names is not None:
                found = {a for a in found if a.startswith(("num:", "month:", "most:")) or a in names}
            figures = {a for a in found if a.startswith(("num:", "month:"))} | restated.figures(plain) | \
                figure_forms.all_keys(plain)
            new = novel(ref.stems, found, elsewhere[ref.article], figures, _aliases(plain), plain) - \
                named_elsewhere(ctx.articles[ref.article], ref.sentence, plain, elsewhere[ref.article])
            if ref.sentence < LEDE:
                new = {a for a in new if a.startswith(("num:", "most:")) and not is_year(a) and
                       not _story_figure(a, elsewhere[ref.article])}
            if not new and not restated.real_quote(ref.text) and \
                    not _quotes_a_new_speaker(ctx, ref.article, ref.sentence, quoted_by):
                continue  # every number and name of it is in other reports: the shared story reworded
            aid = ctx.articles[ref.article].id
            per_article.setdefault(ref.article, []).append(Finding(
                kind="unique_fact",
                summary=f"Only {aid} reports: {ref.text.strip()[:160]}",
                evidence=[ctx.evidence(ref.article, ref.sentence)],
                details={"article": aid, "claim": claim.id, "checkable": what, "checkability": score},
                score=score,
            ))
    out = []
    for a_i in sorted(per_article):
        ranked = sorted(per_article[a_i], key=lambda f: (-f.score, f.evidence[0].sentence))
        out.extend(ranked[:PER_ARTICLE])
    return out
