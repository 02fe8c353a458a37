"""Names of people, organisations and places, with roles, acronyms and surname links.

Rule-based on purpose: capitalised word runs are cut into names, then typed by evidence a reader can
check — a title before a person ("Secretary of State Marco Rubio"), an organisation word ("… Bank",
"… Organization"), an acronym defined in brackets ("US Strategic Metals (USSM)"), a gazetteer entry
(countries, demonyms, capitals), or a speech verb ("…, Rubio said"). Later surname-only mentions
("Rubio") take the full name introduced anywhere in the article as ``canonical``. A run with no such
evidence is reported as type "other" in English-like languages and dropped in German, where every
noun is capitalised. Sentence-initial function words ("The", "But", "Während") and month and weekday
names are never names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from storyline.lang.calendar import CALENDAR_WORDS, ENGLISH_MONTH_AND_DAY_NAMES
from storyline.lang.names import (
    AMBIGUOUS_TITLES,
    DE_ORG_SUFFIXES,
    DE_TITLE_SUFFIXES,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_ORGS,
    LANGUAGE_WORDS,
    MAX_TITLE_LEN,
    NOT_ACRONYMS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    TITLE_TOKENS,
)
from storyline.lang.places import AMBIGUOUS_PLACES, PLACES, PLACES_UPPER
from storyline.model import Mention, Sentence

_CAP_RE = re.compile(
    r"[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯĀ-Ž](?:(?:\.[A-Z])+\.|[\w]*(?:(?:-[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯĀ-Ž]|[’'](?![sS]\b)[^\W\d_])[\w]*)*)"
)
_DOTTED = TITLE_ABBREVIATIONS | {"Co", "Corp", "Inc", "Ltd"}
# A middle or first initial ("Harry M. Reid", "J. K. Rowling"): one capital, a full stop, and a capitalised
# word after a space. A run never crosses into the next sentence ("Plan B. The talks ...").
_INITIAL_RE = re.compile(r"[A-Z]\.[ \u00a0][A-ZÀ-ÖØ-Þ]")
_TWO_INITIALS_RE = re.compile(r"[A-Z]\.[ \u00a0]?[A-Z]\.[ \u00a0][A-ZÀ-ÖØ-Þ]")


def _is_initial(text: str, start: int, before: _Tok | None, sentence_starts: set[int]) -> bool:
    """Whether the capital at ``start`` is a person's initial: right after a capitalised word inside a
    sentence or a known given name at its start ("Harry M. Reid", not "Selon M. Darrigade"), or
    before another initial ("J. K. Rowling"), and not at a sentence's end. Alone before a surname it
    is the French title ("M. Darrigade": Monsieur)."""
    if not _INITIAL_RE.match(text, start) or start + 3 in sentence_starts:
        return False
    after_name = before is not None and text[before.end:start] in (" ", "\u00a0") and (
        before.start not in sentence_starts and before.start > 0 or before.text in GIVEN_NAMES or
        len(before.text) == 2 and before.text.endswith("."))
    return after_name or bool(_TWO_INITIALS_RE.match(text, start))

# words that may join two capitalised words into one name: "Bank of England", "Ursula von der Leyen";
# "der"/"den" only after "von"/"van" (elsewhere in German they are articles: "Sprecher der Partei")
_GAP_RE = re.compile(
    r" (?:(?:(?:von|van)(?: der| den)?|of(?: the)?|de(?: la| los| las)?|del|la|bin|al|and(?: the)?|for(?: the)?|the"
    r"|du|des|y|e|di|da|&|upon) )+"
)
_CONNECTORS = frozenset({"of", "de", "del", "la", "van", "von", "der", "den", "bin", "al", "and", "for", "the",
                         "du", "des", "y", "e", "di", "da", "&", "upon"})
_PERSON_CONNECTORS = frozenset({"de", "del", "la", "van", "von", "der", "den", "bin", "al", "da", "di", "du"})
_AFTER_SPEECH_RE = re.compile(rf"^(?:[’']s)?\s*(?:,[^,.;]{{0,80}},\s*)?{SPEECH_AFTER}\b")
_BEFORE_SPEECH_RE = re.compile(rf"\b{SPEECH_BEFORE}\s+$", re.IGNORECASE)
_APPOSITIVE_RE = re.compile(r"^,\s+(?:\d{1,3}(?:\s*(?:ans|años|Jahre|anni|years old))?\s*,|who\b|aged\b|the\s+\w+\s+(?:of|for|at)\b|a\s+\d{1,3}-year-old)")
_ROLE_BEFORE_RE = re.compile(rf"\b{ROLE_NOUNS},?\s+$", re.IGNORECASE)  # "a union spokesman, Farid Lessard"
_PLACE_CUE_RE = re.compile(r"(?:^|[^\w])(?:in|near|en|à|près de|cerca de|nel|nei pressi di)\s+$")
_ACRONYM_DEF_RE = re.compile(r"\s?\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
_LOWER_TITLE_RE = re.compile(
    r"(?:\bprime minister|\bpresident|\bsecretary of state|\bfield marshal|\bgovernor|\bchancellor|\bminister|"
    r"\bpresidente|\bprésident|\bprésidente|\bministre|\bministro|\bministra|\bconsejer[oa]|\balcaldesa|"
    r"\balcalde|\bportavoz|\bjuez|\bjueza|\bmaire|\bporte-parole|\bsindaco|\bgovernatore|\bgouverneur|"
    r"\bmayor|\bsenator|\bspokesperson|\bspokesman|\bspokeswoman|\bjudge|\bprosecutor|\bfire chief|\bpolice chief|"
    r"\bcouncill?or|\bpassenger|\bjef[ea] de (?:los )?(?:bomberos|policía|gobierno|estado)|\bjef[ea]|"
    r"\bchef des pompiers|\bconseill(?:er|ère))\s+$",
    re.IGNORECASE,
)
_MAX_PLACE_WORDS = 4
_GOVERNMENT_WORDS = frozenset({"City", "County", "State", "Town", "Village", "Borough", "Ciudad", "Ville", "Comune",
                               "Municipality", "Municipio"})
_NEXT_WORD_RE = re.compile(r" ([a-zà-ÿ][a-zà-ÿ'’-]*)")
# lower-case words that may follow a place ("in Port Alder early on Monday", "near Leeds and …")
_PLACE_FOLLOWERS = frozenset(
    """on in at early late last this and or was is were are has had have after before for with to when where
    which who whose since until during said says over near today yesterday tonight overnight earlier later
    from by as but while because amid after where that than the a an its their about around of en y o et
    ou und oder el la le les los las des del du de am im""".split()
)
_CAL_LANGS = frozenset({"en"})
_CAL_WORDS_BY_LANG = {"en": ENGLISH_MONTH_AND_DAY_NAMES}
_CAPS_SCRIPTS = frozenset({"en", "es", "fr", "it", "pt", "nl", "de", "ro", "pl", "sv", "no", "da", "fi", "cs", "tr"})


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def allcaps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class _Run:
    toks: list[_Tok]
    initial: bool  # first token starts a sentence
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    def words(self) -> list[str]:
        return [t.text for t in self.toks]


def _runs(text: str, sentence_starts: set[int]) -> list[_Run]:
    """Maximal runs of capitalised words joined by single spaces, possibly through connectors ("of")."""
    runs: list[_Run] = []
    cur: list[_Tok] = []
    prev_end = -1
    for m in _CAP_RE.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        end = m.end()
        if text[end : end + 1] == "." and (word in _DOTTED or _is_initial(text, m.start(), cur[-1] if cur else None,
                                                                        sentence_starts)):
            word, end = word + ".", end + 1
        tok = _Tok(word, m.start(), end)
        if cur:
            gap = text[prev_end : tok.start]
            if (gap == " " or gap == "\u00a0") and tok.start not in sentence_starts:
                cur.append(tok)
            elif len(gap) < 14 and _GAP_RE.fullmatch(gap):
                pos = prev_end
                for c in gap.split():
                    i = text.index(c, pos)
                    cur.append(_Tok(c, i, i + len(c)))
                    pos = i + len(c)
                cur.append(tok)
            else:
                runs.append(_finish(cur, text, sentence_starts))
                cur = [tok]
        else:
            cur = [tok]
        prev_end = tok.end
    if cur:
        runs.append(_finish(cur, text, sentence_starts))
    return [r for r in runs if r.toks]


def _finish(toks: list[_Tok], text: str, sentence_starts: set[int]) -> _Run:
    while toks and not toks[-1].cap:
        toks = toks[:-1]
    first = toks[0].start if toks else 0
    before = text[max(0, first - 3) : first]
    stripped = before.rstrip(" \t\u00a0")
    initial = first in sentence_starts or first == 0 or stripped == "" and "\n" in before or (
        stripped[-1:] in ("\n", "“", '"', "«", "‘", "(")
    )
    return _Run(toks, initial)


def _is_title_at(words: list[str], i: int) -> int:
    """Length of the longest title starting at word ``i`` (0 if none)."""
    for n in range(min(MAX_TITLE_LEN, len(words) - i), 0, -1):
        if tuple(words[i : i + n]) in TITLE_TOKENS:
            return n
    w = words[i]
    if "-" in w or w.lower().endswith(DE_TITLE_SUFFIXES):
        low = w.lower()
        if any(low.endswith(s) for s in DE_TITLE_SUFFIXES) and len(w) > 6:
            return 1
    return 0


def _is_org_word(w: str, lang: str) -> bool:
    if w in ORG_WORDS:
        return True
    return lang == "de" and len(w) > 6 and w.lower().endswith(DE_ORG_SUFFIXES)


def _plain_name_token(w: str, lang: str = "") -> bool:
    """Could this word be part of a person's name?"""
    return (
        w not in STOPWORDS
        and not _calendar(w, lang)
        and w not in ORG_WORDS
        and w not in LANGUAGE_WORDS
        and not (len(w) > 1 and w.isupper() and "." not in w)
        and w not in PLACES
    )


def _place(words: list[str]) -> tuple[str, str] | None:
    name = " ".join(words)
    hit = PLACES.get(name)
    if hit is None and name.isupper():
        hit = PLACES_UPPER.get(name)
    return hit


def _place_prefix(words: list[str], at: int = 0) -> int:
    """Length of the longest gazetteer place of two or more words starting at ``words[at]`` (0 if none).

    Multi-word places ("Los Angeles", "New York") must win over the word-by-word guesses: "Los" is a
    Spanish article and "Angeles" alone looks like a surname."""
    for n in range(min(_MAX_PLACE_WORDS, len(words) - at), 1, -1):
        if _place(words[at : at + n]):
            return n
    return 0


def _calendar(w: str, lang: str) -> bool:
    """A month or weekday name in this article's language: capitalised "Mars" is the French month in a
    French report and a company or a planet in an English one."""
    low = w.lower()
    if low not in CALENDAR_WORDS:
        return False
    if lang in _CAL_LANGS and w[:1].isupper() and not w[1:2].isupper():
        return low in _CAL_WORDS_BY_LANG[lang]
    return True


class _Builder:
    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.out: list[Mention] = []
        self.acronyms: dict[str, tuple[str, str]] = {}  # ACR -> (expansion, type)
        self.extra_acronyms: list[_Tok] = []  # all-caps words waiting for an acronym definition
        self.singles: list[_Tok] = []  # lone capitalised words: a person's surname, or nothing
        self.singles_place: list[_Tok] = []  # lone words after "in"/"near": places unless a surname
        self._headline_lines: dict[int, bool] = {}  # line start -> is the line a headline (_headline)

    def add(self, start: int, end: int, type_: str, canonical: str | None = None, role: str | None = None,
            acronym: str | None = None, expansion: str | None = None) -> None:
        self.out.append(Mention(self.text[start:end], (start, end), type_, canonical, role, acronym, expansion))

    # ------------------------------------------------------------------
    def run(self, run: _Run) -> None:
        """Type one run of capitalised words. The steps go from the strongest evidence to the weakest;
        each either settles the run (adding mentions, perhaps typing the pieces it cut off) or passes it on."""
        if len(run.toks) == 1:  # most runs are one word ("The", "Rubio", "Pakistan"): the short path
            self._one_word(run.toks[0], run.initial)
            return
        toks, initial = self._trimmed(run)
        if not toks:
            return
        words = [t.text for t in toks]
        if self._caps_dateline(toks, words) or self._split_at_and(toks, words, initial):
            return
        toks, words = self._without_common_head(toks, words, initial)
        if (
            self._acronym_definition(toks, words, initial)
            or self._titled_person(toks, words, initial)
            or self._lower_titled_person(toks, words)
            or self._lexicon_name(toks, words)
        ):
            return
        self._unknown_run(toks, words, initial)

    def _one_word(self, tok: _Tok, initial: bool) -> None:
        """A one-word run: an organisation word standing alone ("Parliament") is an organisation; any
        other word is left to ``_single``, which needs the whole text to decide."""
        w = tok.text
        if w in STOPWORDS or _calendar(w, self.lang):
            return
        if _is_org_word(w, self.lang) and not _place([w]):
            self.add(tok.start, tok.end, "org", w)
            return
        self._single(tok, initial)

    def _trimmed(self, run: _Run) -> tuple[list[_Tok], bool]:
        """The run without what only borders a name, and whether it still opens its sentence.

        Trailing connectors and calendar words are not part of a name ("… Centre on Sunday"), nor are
        leading function words ("The Bank of England", "But Rubio") unless they belong to a place ("Los
        Angeles"); a run that lost its first word no longer opens the sentence.
        """
        toks, initial = run.toks, run.initial
        while toks and (not toks[-1].cap or _calendar(toks[-1].text, self.lang)):
            toks = toks[:-1]
        while toks and (toks[0].text in STOPWORDS or _calendar(toks[0].text, self.lang)) and not _place(
            [t.text for t in toks]
        ) and not _place_prefix([t.text for t in toks]):
            toks = toks[1:]
            initial = False
            while toks and not toks[0].cap:
                toks = toks[1:]
        return toks, initial

    def _caps_dateline(self, toks: list[_Tok], words: list[str]) -> bool:
        """"PORT ALDER: …" opening a line, with "Port Alder" in the text (or a known place): a dateline,
        so a place, although all-caps words are otherwise read as acronyms or shouting."""
        titled = " ".join(w[:1] + w[1:].lower() for w in words)
        if len(toks) >= 2 and all(t.allcaps for t in toks) and self._dateline(toks) and (
            _place(words) or titled in self.text
        ):
            self.add(toks[0].start, toks[-1].end, "place", (_place(words) or (titled,))[0])
            return True
        return False

    def _split_at_and(self, toks: list[_Tok], words: list[str], initial: bool) -> bool:
        """"the Gulf of Mexico and the Indian Ocean": two names, each typed on its own; but an
        organisation's name may hold an "and" ("… Machinists and Aerospace Workers")."""
        cut = next((i for i, w in enumerate(words) if w in ("and", "&")), None)
        if cut is None or (_is_org_word(words[-1], self.lang) and words[cut + 1 : cut + 2] != ["the"]):
            return False
        self.run(_Run(toks[:cut], initial))
        rest = toks[cut + 1 :]
        while rest and not rest[0].cap:
            rest = rest[1:]
        if rest:
            self.run(_Run(rest, False))
        return True

    def _without_common_head(self, toks: list[_Tok], words: list[str],
                             initial: bool) -> tuple[list[_Tok], list[str]]:
        """"Leaders of the International Association of …": a sentence-initial common noun heading an
        organisation's name is not part of it."""
        if initial and len(words) > 3 and words[1] in _CONNECTORS and not _is_org_word(words[0], self.lang) \
                and any(_is_org_word(w, self.lang) for w in words[2:]):
            k = 1
            while k < len(toks) and not toks[k].cap:
                k += 1
            return toks[k:], words[k:]
        return toks, words

    def _acronym_definition(self, toks: list[_Tok], words: list[str], initial: bool) -> bool:
        """An acronym defined right after the run, "US Strategic Metals (USSM)": the expansion is an
        organisation or a place (people are not introduced with acronyms), and later uses of the acronym
        take its name."""
        adef = _ACRONYM_DEF_RE.match(self.text, toks[-1].end)
        if not adef or len(toks) < 2 or adef.group("acr") in NOT_ACRONYMS - {"US", "UK", "EU", "UAE", "UN"}:
            return False
        k = _expansion_start(words, adef.group("acr"))
        if k is None:
            return False
        if k > 0:
            self.run(_Run(toks[:k], initial))
        exp_toks = toks[k:]
        exp = " ".join(t.text for t in exp_toks)
        acr = adef.group("acr")
        place = _place([t.text for t in exp_toks])
        type_ = "place" if place else "org"
        canonical = place[0] if place else exp
        self.acronyms[acr] = (canonical, type_)
        self.add(exp_toks[0].start, exp_toks[-1].end, type_, canonical, acronym=acr, expansion=exp)
        a0 = adef.start("acr")
        self.add(a0, a0 + len(acr), type_, canonical, acronym=acr, expansion=exp)
        return True

    def _titled_person(self, toks: list[_Tok], words: list[str], initial: bool) -> bool:
        """A title somewhere in the run makes the words after it a person: "U.S. Secretary of State
        Marco Rubio". Titles that are also ordinary words ("General Election") and headline capitals
        ("RBI Chief Says …") need more before they count."""
        for i in range(len(words)):
            n = _is_title_at(words, i)
            if not n:
                continue
            name_toks = self._name_after_title(toks[i + n :])
            if not name_toks or len(name_toks) > 4:
                continue
            k = self._role_start(toks, words, i)
            title = " ".join(words[i : i + n])
            if k != i and (title in AMBIGUOUS_TITLES or k > 0 or i - k > 2):
                continue
            if (len(name_toks) == 1 or title in AMBIGUOUS_TITLES) and self._headline(toks[0]):
                continue  # "RBI Chief Says …", "Central Bank Chief Says Economy …": headline capitals
            if len(name_toks) == 1 and title in AMBIGUOUS_TITLES and name_toks[0].text not in GIVEN_NAMES:
                continue  # "General Election", but "King Felipe", "Prince William"
            after = toks[i + n + len(name_toks) :]
            if any(_is_org_word(t.text, self.lang) for t in after[:1]):
                continue  # "President Trump Administration" is not a person
            if k > 0:
                self.run(_Run(toks[:k], initial))
            role = " ".join(words[k : i + n])
            self.add(name_toks[0].start, name_toks[-1].end, "person", None, None if role in HONORIFICS else role)
            if after:
                self.run(_Run(after, False))
            return True
        return False

    def _name_after_title(self, rest: list[_Tok]) -> list[_Tok]:
        """The name words that follow a title: capitalised plain words and the particles inside a name
        ("de", "von"), never ending on a particle and never running into another title."""
        name_toks: list[_Tok] = []
        for t in rest:
            if (t.cap and _plain_name_token(t.text, self.lang) and (t.text,) not in TITLE_TOKENS) or (
                t.text in _PERSON_CONNECTORS and name_toks
            ):
                name_toks.append(t)
            else:
                break
        while name_toks and not name_toks[-1].cap:
            name_toks.pop()
        return name_toks

    def _role_start(self, toks: list[_Tok], words: list[str], i: int) -> int:
        """Where the role that ends with the title at ``i`` begins.

        Words before the title belong to the role ("Transport Minister") up to a country or organisation
        ("U.S.", "ECB") or a leading place ("Los Angeles Mayor Karen Bass"), which are names of their own.
        """
        k = i
        pp = _place_prefix(words)
        while k > max(pp, 0) and not (_place([words[k - 1]]) or words[k - 1] in KNOWN_ORGS or toks[k - 1].allcaps
                                      or _is_org_word(words[k - 1], self.lang)):
            k -= 1
        return k

    def _lower_titled_person(self, toks: list[_Tok], words: list[str]) -> bool:
        """A lower-case title just before the run, "prime minister Sharif": a person with that role
        (capitalised titles such as "army chief Field Marshal" are caught by ``_titled_person``)."""
        prev = self.text[toks[0].start - 2 : toks[0].start - 1] if toks[0].start >= 2 else ""
        lower = _LOWER_TITLE_RE.search(self.text, max(0, toks[0].start - 25), toks[0].start) if prev.islower() else None
        if lower and all(_plain_name_token(w, self.lang) for w in words) and len(words) <= 3:
            role = " ".join(w if w in _CONNECTORS or w == "los" else w[:1].upper() + w[1:]
                            for w in lower.group().strip().lower().split())
            self.add(toks[0].start, toks[-1].end, "person", None, role)
            return True
        return False

    def _lexicon_name(self, toks: list[_Tok], words: list[str]) -> bool:
        """A run typed by the word lists: an organisation word anywhere, a known organisation, a city's
        government ("the City of Los Angeles warned"), a place word ("Gull Island") or a gazetteer place.
        A lone ambiguous place with nothing marking it as a place is settled as no name at all."""
        if any(_is_org_word(w, self.lang) for w in words):
            self._org(toks)
            return True
        name = " ".join(words)
        if name in KNOWN_ORGS:
            self.add(toks[0].start, toks[-1].end, "org", KNOWN_ORGS[name])
            return True
        if len(words) > 2 and words[0] in _GOVERNMENT_WORDS and words[1] in ("of", "de", "di") and (
            _place(words[2:]) or all(w[:1].isupper() for w in words[2:])
        ):
            self.add(toks[0].start, toks[-1].end, "org", " ".join(words))
            return True
        if len(words) > 1 and (words[-1] in PLACE_WORDS or words[0] in PLACE_WORDS):
            self.add(toks[0].start, toks[-1].end, "place", " ".join(words))
            return True
        place = _place(words)
        if not place:
            return False
        if words[0] in AMBIGUOUS_PLACES and len(words) == 1 and not self._place_cue(toks[0]) and not words[0].isupper():
            return True
        self.add(toks[0].start, toks[-1].end, "place", place[0])
        return True

    def _unknown_run(self, toks: list[_Tok], words: list[str], initial: bool) -> None:
        """A run no list knows: split it at lexicon words, else a person on evidence (a given name, a
        speech verb, an appositive), else "other" or a place after "near" in languages that capitalise
        only names (German capitalises every noun, so there such a run is dropped)."""
        if len(toks) > 1 and self._split(toks, initial):
            return
        if len(toks) == 1:
            self._single(toks[0], initial)
            return
        if len(toks) > 5:
            return
        if self._looks_person(toks) and (
            (words[0] in GIVEN_NAMES and not self._headline(toks[0])) or self._person_evidence(toks)
        ):
            self.add(toks[0].start, toks[-1].end, "person")
            return
        if self.lang == "de" or self.lang not in _CAPS_SCRIPTS:
            return
        if all(_plain_name_token(w, self.lang) or w in _CONNECTORS for w in words):
            possessive = self.text[toks[-1].end : toks[-1].end + 2] in ("’s", "'s")
            if len(toks) <= 3 and not initial and self._place_cue(toks[0]) and not possessive and (
                not self._modifier(toks[-1])
            ):
                self.add(toks[0].start, toks[-1].end, "place", " ".join(words))  # "near Port Delling"
            else:
                self.add(toks[0].start, toks[-1].end, "other")

    def _org(self, toks: list[_Tok]) -> None:
        words = [t.text for t in toks]
        # "Pakistan Army": keep whole; "Trump Administration": whole as org
        self.add(toks[0].start, toks[-1].end, "org", " ".join(words))

    def _split(self, toks: list[_Tok], initial: bool) -> bool:
        """Cut a run at gazetteer words: "Pakistan US" -> two places; "ECB President ..." handled earlier."""
        pieces: list[list[_Tok]] = []
        cur: list[_Tok] = []
        found = False
        words = [t.text for t in toks]
        j = 0
        while j < len(toks):
            t = toks[j]
            n = _place_prefix(words, j)  # "the City of Los Angeles": "Los Angeles" is one piece
            if n or _place([t.text]) or t.text in KNOWN_ORGS or (t.allcaps and t.text not in NOT_ACRONYMS):
                if cur:
                    pieces.append(cur)
                pieces.append(toks[j : j + max(n, 1)])
                cur = []
                found = True
                j += max(n, 1)
            else:
                cur.append(t)
                j += 1
        if cur:
            pieces.append(cur)
        if not found or len(pieces) < 2:
            return False
        for j, p in enumerate(pieces):
            while p and not p[0].cap:
                p = p[1:]
            while p and not p[-1].cap:
                p = p[:-1]
            if p:
                self.run(_Run(p, initial and j == 0))
        return True

    def _single(self, tok: _Tok, initial: bool) -> None:
        w = tok.text
        if w in STOPWORDS or _calendar(w, self.lang) or w in LANGUAGE_WORDS:
            return
        if w in KNOWN_ORGS:
            self.add(tok.start, tok.end, "org", KNOWN_ORGS[w])
            return
        place = _place([w])
        if place:
            if w in AMBIGUOUS_PLACES and not self._place_cue(tok) and not w.isupper():
                return
            self.add(tok.start, tok.end, "place", place[0])
            return
        halves = w.split("-") if "-" in w else []
        half_places = [hit for half in halves if (hit := _place([half]))]
        if halves and len(half_places) == len(halves):  # every part of the hyphenated word is a place
            pos = tok.start
            for part, part_place in zip(halves, half_places, strict=True):
                self.add(pos, pos + len(part), "place", part_place[0])
                pos += len(part) + 1
            return
        if tok.allcaps:
            titled = w[:1] + w[1:].lower()
            if titled in KNOWN_ORGS:
                self.add(tok.start, tok.end, "org", KNOWN_ORGS[titled])
                return
            # an all-caps stretch ("BOEING MACHINISTS VOTE") is shouting, not a row of acronyms
            around = self.text[max(0, tok.start - 30) : tok.start] + self.text[tok.end : tok.end + 30]
            shouting = not any(c.islower() for c in around)
            if 2 <= len(w) <= 5 and w not in NOT_ACRONYMS and "." not in w and not shouting:
                self.extra_acronyms.append(tok)
            return
        if self.lang in ("en", "es", "fr", "it", "pt") and not initial and self._place_cue(tok) and not self.lang == "de":
            nxt = self.text[tok.end : tok.end + 2]
            if not nxt.startswith(("’s", "'s")) and w not in ORG_WORDS and len(w) > 2:
                self.singles_place.append(tok)
                return
        self.singles.append(tok)

    def _headline(self, tok: _Tok) -> bool:
        """Is ``tok`` on a line written in Title Case (most words capitalised), as headlines are?"""
        start = self.text.rfind("\n", 0, tok.start) + 1
        known = self._headline_lines.get(start)
        if known is None:  # once per line: a text on one long line asks for every name on it
            end = self.text.find("\n", tok.end)
            words = self.text[start : end if end >= 0 else len(self.text)].split()
            caps = sum(1 for w in words if w[:1].isupper())
            known = self._headline_lines[start] = len(words) >= 3 and caps >= 0.7 * len(words)
        return known

    def _modifier(self, tok: _Tok) -> bool:
        """Is the run followed by a lower-case noun it modifies ("in Grand Slam finals")? Then it is
        not a place, whatever the "in" before it suggests."""
        m = _NEXT_WORD_RE.match(self.text, tok.end)
        return m is not None and m.group(1) not in _PLACE_FOLLOWERS

    def _dateline(self, toks: list[_Tok]) -> bool:
        """Do ``toks`` open a line and stand before ":", "," or a dash, as a dateline's place does?"""
        line_start = toks[0].start == 0 or self.text[toks[0].start - 1] == "\n"
        return line_start and bool(re.match(r"\s*(?::|,|[—–-] )", self.text[toks[-1].end : toks[-1].end + 3]))

    def _place_cue(self, tok: _Tok) -> bool:
        return bool(_PLACE_CUE_RE.search(self.text[max(0, tok.start - 12) : tok.start]))

    def _looks_person(self, toks: list[_Tok]) -> bool:
        words = [t.text for t in toks]
        caps = [w for w in words if w not in _PERSON_CONNECTORS]
        return 2 <= len(caps) <= 4 and all(_plain_name_token(w, self.lang) and not w.isupper() for w in caps) and all(
            len(w) > 1 for w in caps
        )

    def _person_evidence(self, toks: list[_Tok]) -> bool:
        after = self.text[toks[-1].end : toks[-1].end + 120]
        before = self.text[max(0, toks[0].start - 40) : toks[0].start]
        return bool(
            _AFTER_SPEECH_RE.match(after)
            or _BEFORE_SPEECH_RE.search(before)
            or _APPOSITIVE_RE.match(after)
            or _ROLE_BEFORE_RE.search(before)
        )


def _expansion_start(words: list[str], acr: str) -> int | None:
    """Index of the first word of the expansion of ``acr`` within ``words`` (None if it does not fit)."""
    def initials(ws: list[str]) -> str:
        out = []
        for w in ws:
            if w in _CONNECTORS:
                continue
            letters = w.replace(".", "")
            out.append(letters if letters.isupper() and len(letters) <= 4 else letters[:1].upper())
        return "".join(out)

    target = acr.upper()
    for k in range(len(words)):
        if words[k] in _CONNECTORS:
            continue
        if initials(words[k:]) == target:
            return k
    for k in range(len(words)):
        ws = [w for w in words[k:] if w not in _CONNECTORS]
        if not ws or ws[0][:1].upper() != target[:1]:
            continue
        letters = "".join(ws).upper()
        it = iter(letters)
        if all(ch in it for ch in target) and len(ws) <= len(target) + 1:
            return k
    return None


def find_names(text: str, sentences: list[Sentence], lang: str | None = None) -> list[Mention]:
    """Names in ``text`` as Mention records (person, org, place, other) with exact spans, in text order."""
    if not text:
        return []
    code = (lang or "en").split("-")[0].lower()
    b = _Builder(text, code)
    starts = [s.start for s in sentences]
    for run in _runs(text, set(starts)):
        b.run(run)

    _resolve_people(b)
    _resolve_acronyms(b)
    _resolve_units(b)
    _unify_places(b)
    for tok in b.singles_place:
        if not any(m.span[0] <= tok.start < m.span[1] for m in b.out):
            b.add(tok.start, tok.end, "place", tok.text)

    mentions = _dedupe(b.out)
    idx = [s.index for s in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.span[0]) - 1
        m.sentence = idx[i] if i >= 0 else 0
    return mentions


def _resolve_people(b: _Builder) -> None:
    """Give every person mention its fullest name; tag lone surnames ("Rubio") that match a full name."""
    lone = {m.text for m in b.out if m.type == "person" and len(m.text.split()) == 1}
    lone |= {t.text for t in b.singles}
    for m in b.out:  # "Dominique Pelicot" (no evidence) + "Mr. Pelicot" elsewhere: a person
        parts = m.text.split()
        if m.type == "other" and 2 <= len(parts) <= 3 and parts[-1] in lone and parts[-1] != parts[0]:
            if any(p.type == "person" and p.text == parts[-1] for p in b.out):
                m.type = "person"
    people = [m for m in b.out if m.type == "person"]
    full: dict[str, str | None] = {}  # key word -> full name (None when ambiguous)
    roles: dict[str, str] = {}
    for m in people:
        parts = [p for p in m.text.split() if p not in _PERSON_CONNECTORS]
        if len(parts) >= 2:
            name = m.text
            # a lone first word stands for the full name only when it is a known given name or the
            # person was introduced with a title ("Mars" alone is not "Mars Snacking")
            keys = (parts[-1], parts[0]) if (parts[0] in GIVEN_NAMES or m.role) else (parts[-1],)
            for key in keys:
                if key in full and full[key] != name:
                    known = (full[key] or "").split()
                    full[key] = None if parts[-1] != key or not known or known[-1] != key else full[key]
                else:
                    full[key] = name
            if m.role:
                roles.setdefault(name, m.role)
    surnames = {m.text.split()[-1]: m.text for m in people if len(m.text.split()) >= 2}
    for m in people:
        parts = m.text.split()
        if len(parts) == 1:
            key = parts[0]
            full_name = surnames.get(key) or full.get(key)
            m.canonical = full_name or m.text
        else:
            m.canonical = m.canonical or m.text
        if m.role is None and m.canonical in roles:
            m.role = roles[m.canonical]
    for m in people:
        if m.role is None and m.canonical in roles:
            m.role = roles[m.canonical]
    # runs typed "other" that are a known person's full name (a headline before the titled mention)
    full_names = set(surnames.values())
    for m in b.out:
        if m.type in ("other", "place") and m.text in full_names and m.text not in PLACES:
            m.type, m.canonical, m.role = "person", m.text, roles.get(m.text)
    # lone words that are a known person's surname or given name
    for tok in b.singles + b.singles_place:
        full_name = surnames.get(tok.text) or full.get(tok.text)
        if full_name:
            b.add(tok.start, tok.end, "person", full_name, roles.get(full_name))
    b.singles_place = [t for t in b.singles_place if not (surnames.get(t.text) or full.get(t.text))]


def _resolve_units(b: _Builder) -> None:
    """"Mars Snacking" beside a lone "Mars": a unit of an organisation, not a person or a full name.

    A one-word name used alone elsewhere that is the first word (not a given name) of a longer name
    with no person evidence: people are referred to by their surname, the last word, so a longer
    name sharing only its first word is the organisation's unit or brand, and the lone word the
    organisation itself. Only runs typed "other" are touched, so titled people stay people."""
    lone: dict[str, list[_Tok]] = {}
    for tok in b.singles:
        lone.setdefault(tok.text, []).append(tok)
    if not lone:
        return
    cued: dict[str, bool] = {}  # word -> is it written as a company somewhere (asked once per word)
    parents: set[str] = set()
    for m in b.out:
        parts = m.text.split()
        if m.type == "other" and 2 <= len(parts) <= 4 and parts[0] in lone and parts[0] not in GIVEN_NAMES:
            if parts[0] not in cued and not _BUSINESS_LINE_RE.fullmatch(parts[-1]):
                cued[parts[0]] = any(_org_cue(b.text, t) for t in lone[parts[0]])
            if _BUSINESS_LINE_RE.fullmatch(parts[-1]) or cued[parts[0]]:
                m.type, m.canonical = "org", m.text
                parents.add(parts[0])
    if not parents:
        return
    covered = {i for m in b.out for i in range(m.span[0], m.span[1])}  # characters inside a mention
    for w in parents:
        for tok in lone[w]:
            if tok.start not in covered:
                b.add(tok.start, tok.end, "org", w)
                covered.update(range(tok.start, tok.end))


# "Snacking", "Banking", "Publishing": a business line, as units are named; a name ending "-ing" that is
# a surname (Fleming, Manning) follows a given name, which the rule above leaves alone
_BUSINESS_LINE_RE = re.compile(r"[A-Z][a-z]{3,}ing")
_ORG_CUE_BEFORE_RE = re.compile(
    r"\b(?:maker|makers|company|firm|giant|group|owner|parent|brand|conglomerate|rival|retailer|manufacturer)\s+$"
)
_ORG_CUE_AFTER_RE = re.compile(r"^(?:\s+(?:Inc|Corp|Ltd|Group)\b|(?:\s+said)?\s+in a statement\b|[’']s shares\b)")


def _org_cue(text: str, tok: _Tok) -> bool:
    """Is the lone word written as a company is ("snack maker Mars", "Mars said in a statement")?"""
    return bool(_ORG_CUE_BEFORE_RE.search(text[max(0, tok.start - 20) : tok.start])
                or _ORG_CUE_AFTER_RE.match(text[tok.end : tok.end + 30]))


def _unify_places(b: _Builder) -> None:
    """A run with no evidence ("rebuild Port Alder together") that the article names as a place
    elsewhere ("in Port Alder") is that place."""
    places = {m.text: m.canonical or m.text for m in b.out if m.type == "place"}
    places.update({m.canonical: m.canonical for m in b.out if m.type == "place" and m.canonical})
    if not places:
        return
    for m in b.out:
        if m.type == "other" and m.text in places:
            m.type, m.canonical = "place", places[m.text]


def _resolve_acronyms(b: _Builder) -> None:
    for tok in b.extra_acronyms:
        w = tok.text
        if w in b.acronyms:
            exp, type_ = b.acronyms[w]
            b.add(tok.start, tok.end, type_, exp, acronym=w, expansion=exp)
        elif w in KNOWN_ORGS:
            b.add(tok.start, tok.end, "org", KNOWN_ORGS[w])
        else:
            b.add(tok.start, tok.end, "org", w, acronym=w)
    for m in b.out:
        if m.type in ("org", "other") and m.text in b.acronyms and m.expansion is None:
            exp, type_ = b.acronyms[m.text]
            m.type, m.canonical, m.acronym, m.expansion = type_, exp, m.text, exp


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.span[0], -(m.span[1] - m.span[0])))
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.span[0] < last_end:
            continue
        out.append(m)
        last_end = m.span[1]
    return out
