"""Who is speaking: read the speaker phrase right before or after a speech verb.

``subject_before`` / ``subject_after`` read "Rubio said", "said the minister", "Prime Minister Shehbaz
Sharif’s office said", "he replied", "El ministro, Carlos Ortega, dijo" into a ``Subject`` (the words, a
kind, the name part and a title). resolver.py turns a Subject into a full name; this module only reads.

Offices: "Prime Minister Shehbaz Sharif’s office said" is the office speaking, not the person. The
speaker becomes "Shehbaz Sharif's office" with speaker_role "Prime Minister": a journalist can see who
stands behind the words without the tool pretending Sharif said them himself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.speechwords import (
    COMPOUND_TITLE_HEADS,
    DE_TITLE_SUFFIXES,
    HONORIFICS,
    LOWER_DESCRIPTORS,
    LOWER_TITLES,
    NOT_NAME_ENDS,
    NOT_NAMES,
    OFFICE_NOUNS,
    ORG_WORDS,
    PLACES,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    REPORT_NOUNS,
    SPEAKER_NOUNS,
    TITLES,
)
from storyline.lang.calendar import WEEKDAY_NAMES
from storyline.lang.names import GIVEN_NAMES

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
CAP = rf"(?:[{_UP}]\.(?:[{_UP}]\.)*|(?:al-|el-|d[’']|O[’'])?[{_UP}][\w\-]*(?:[’'][{_UP}][\w\-]*)?)"
PARTICLE = r"(?:van der|van den|von der|de la|de|da|del|della|di|van|von|bin|ibn|al|la|le|du|dos)"
# A name, with a generational suffix after it ("Martin Luther King Jr.", "Ed Begley, Jr.").
NAME = rf"{CAP}(?:[ \u00a0]+(?:(?:{PARTICLE}|&)[ \u00a0]+)?{CAP}){{0,3}}(?:,?[ \u00a0]+(?:Jr|Sr)\.)?"
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLES + HONORIFICS, key=len, reverse=True))
_LOWER_TITLE_ALT = "|".join(re.escape(t) for t in sorted(LOWER_TITLES, key=len, reverse=True))


def _by_first_char(words: list[str]) -> str:
    """The alternation of ``words`` (in this order), with the words grouped under their first character.

    Python's regex engine tries every branch of an alternation in turn, ~200 titles at every capital
    letter. Grouped, it tries only the words that start with the character at hand, still in their
    original order, so a case-sensitive pattern matches exactly what the flat alternation matched.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(re.escape(c) + "(?:" + "|".join(re.escape(r) for r in rest) + ")" for c, rest in groups.items())


_TITLE_WORDS_SORTED = sorted(TITLES + HONORIFICS, key=len, reverse=True)
_LOWER_TITLES_SORTED = sorted(LOWER_TITLES, key=len, reverse=True)
_TITLE_GROUPED = _by_first_char(_TITLE_WORDS_SORTED)  # == _TITLE_ALT for case-sensitive use
_LOWER_TITLE_GROUPED = _by_first_char(_LOWER_TITLES_SORTED)  # == _LOWER_TITLE_ALT likewise
_DE_TITLE = rf"[{_UP}][\w\-]*(?i:{'|'.join(DE_TITLE_SUFFIXES)})"
_DESC = "|".join(LOWER_DESCRIPTORS)
_DESC_TITLE = rf"(?!(?:The|A|An|In|On|At|For|And|But|As|By)\s)[{_UP}][\w\-]*(?:\s+[a-z][\w\-]*){{0,2}}?\s+(?:{_DESC})"
_COMPOUND_TITLE = rf"(?!(?:The|A|An|In|On|At|For|And|But|As|By)\s)[{_UP}][a-z]+\s+(?:{'|'.join(COMPOUND_TITLE_HEADS)})"


def _title(title_alt: str, lower_title_alt: str) -> str:
    return (
        rf"(?:(?:Deputy|Vice|Acting|Former|former|Interim|Senior|Chief)\s+)?"
        rf"(?:{_COMPOUND_TITLE}(?![\w])|(?:{title_alt})(?![\w])|{_DE_TITLE}|(?:{lower_title_alt})(?![\w])"
        rf"|{_DESC_TITLE}(?![\w]))"
    )


TITLE = _title(_TITLE_GROUPED, _LOWER_TITLE_GROUPED)
TITLE_FLAT = _title(_TITLE_ALT, _LOWER_TITLE_ALT)  # the same pattern ungrouped: the reference in tests
ADVERBS = {
    "has", "have", "had", "was", "is", "were", "are", "also", "later", "then", "earlier", "again",
    "further", "previously", "reportedly", "recently", "publicly", "once", "repeatedly", "quickly",
    "separately", "simply", "only", "just", "already", "would", "will", "could", "often", "always", "never",
    "still", "sometimes", "even",
    "hat", "habe", "ha", "han", "ont", "había", "avait",
}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "der", "die",
               "das", "ein", "eine", "le", "la", "les", "l’", "l'", "un", "une", "el", "los", "las",
               "sa", "son", "ses", "su", "sus", "sein", "seine", "ihr", "ihre", "einer", "eines",
               "una", "il", "lo", "gli", "o", "os"}
_NAME_END = re.compile(rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})$")
_NAME_START = re.compile(rf"^(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})")
_TITLE_WORDS = {t.split()[-1] for t in TITLES if t[0].isupper() and t not in ("General", "Major", "Justice", "Chair")}


def _first_two(words: list[str]) -> str:
    """A look-ahead that every registry match passes: an upper-case letter, or the first two letters of
    a title, "former", or a name particle. Python's regex engine would otherwise try the whole title
    alternation at every character of the text; this lets it skip most positions with one check.
    """
    pairs: dict[str, set[str]] = {}
    for w in words:
        if not re.match(rf"[{_UP}]", w):
            pairs.setdefault(w[0], set()).add(w[1:2])
    alts = [re.escape(c) if "" in nxt else re.escape(c) + "[" + "".join(re.escape(x) for x in sorted(nxt)) + "]"
            for c, nxt in sorted(pairs.items())]
    return rf"(?=[{_UP}]|{'|'.join(alts)})"


# every alternative of the prefix, TITLE and NAME below starts with [_UP] except these words
_REGISTRY_STARTS = _first_two([*TITLES, *HONORIFICS, *LOWER_TITLES, "former", "al-", "el-", "d’", "d'"])
_REGISTRY = re.compile(
    _REGISTRY_STARTS
    + rf"(?:(?:US|U\.S\.|UK|State|Federal|County|City|Provincial|Regional|National|[{_UP}][a-z]+(?:an|ish|ese|i))\s+)?"
    rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})"
)
_TITLE_AT_START = re.compile(rf"^(?P<title>{TITLE})\s+")
# compiled once here rather than per call (the TITLE and NAME alternations are long)
_INITIAL_END = re.compile(r"(?:\b[A-Z]\.|Jr\.|Sr\.)$")
_ELIDED = re.compile(r"[ld][’'](\w+)$")
_OWNER_END = re.compile(rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})?[’']s\s+((?:[\w\-]+\s+){{0,2}})$")
_NAME_AGE_END = re.compile(rf"(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME}),\s+\d{{1,3}},\s*$")
_NAME_APPOSITIVE_END = re.compile(rf"(?P<name>{NAME})(?:\s*\([^()]{{1,14}}\))?,\s+(?P<app>[^,]{{3,120}}),\s*$")
_ANY_TITLE_I = re.compile(rf"(?<!\w)({_LOWER_TITLE_ALT}|{_TITLE_ALT})(?!\w)", re.I)  # not "me" in "member"
_FIRST_WORD = re.compile(r"([\w’']+)")
_TITLED_NAME_START = re.compile(rf"(?:(?:[{_UP}][\w.\-]*|US|U\.S\.)\s+){{0,4}}?(?P<title>{TITLE})\s+(?P<name>{NAME})")
_TITLE_OF_NAME_START = re.compile(rf"(?P<title>{TITLE})\s+(?:of|for|de|du|des|del)\s+(?:[a-z][\w\-]*\s+){{1,3}}?(?P<name>{NAME})")
_WORDS = re.compile(r"[\w\-’']+")
_COMMA_NAME = re.compile(rf"[^,.;]{{0,80}},\s+(?P<name>{NAME})\s*(?:[,.;]|$)")
_LOWER_THEN_NAME = re.compile(rf"(?:\s+[a-z][\w\-]*){{0,2}}\s+(?P<name>{NAME})")
_DET_NAME = re.compile(rf"[\w’']+\s+(?:[a-z0-9][\w\-]*\s+){{0,2}}(?:(?P<title>{TITLE})\s+)?(?P<name>{NAME})")
_DET_COMMA_NAME = re.compile(rf"[\w’']+\s+[^,.;]{{1,80}},\s+(?P<name>{NAME})\s*(?:[,.;]|$)")
_POSSESSIVE_NOUN = re.compile(r"[’']s\s+((?:[\w\-]+\s+){0,2}?)([\w\-]+)")
# An opening phrase before the subject. "When", "While", "As", "If", "Outside", "Appearing" and "Eight
# years ago" were added from PolNeAR train, where the subject of the opening clause ("When Wallace died
# in 1998, President Clinton released ...") was taken for the speaker.
_INTRO = re.compile(
    r"(?:In|On|At|During|Earlier|Later|After|Before|Last|This|Meanwhile|However|Speaking|Asked|"
    r"Separately|Also|Since|Following|Despite|Over|Under|En|Dans|Au|Selon|Am|Im|Nach|Laut|"
    r"Según|Durante|Tras|When|While|Whereas|Although|Though|Because|If|Once|Until|Outside|Inside|"
    r"Appearing|Addressing|Responding|Standing|Writing|Pressed|Likewise|Similarly|Instead|"
    r"(?:[A-Z][a-z]+|\d+)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+(?:ago|earlier|later))"
    r"\b[^,.;:“”\"]{0,90},\s+"
)
_SPOKES_FOR_END = re.compile(
    r"\b(?:a|an|the|A|An|The)\s+(?:[\w\-]+\s+)?(?:spokesperson|spokesman|spokeswoman|official|source|"
    r"representative|lawyer|adviser|aide)\s+(?:for|of|at|from|with|to)\s+$"
)
_REP_OF_END = re.compile(
    r"\b(?:a|an|the|A|An|The)\s+(?:spokesperson|spokesman|spokeswoman|representative|official|source|member|"
    r"lawyer|member)\s+(?:of|for|from|at)\s+[^,]{1,60},\s*$"
)
_DESC_NAME_END = re.compile(
    rf"(?P<desc>\b(?:the|The|el|El|la|La|le|Le|il|Il|a|A|an|An|His|Her|Its|Their|Our|his|her|its|their|"
    rf"Sa|sa|Son|son|Su|su|Sein|Seine|Ihr|Ihre|[{_UP}][\w\-]*(?:\s+[{_UP}][\w\-]*)?[’']s?)\s+[^,]{{2,60}}),\s+"
    rf"(?P<name>{NAME}),\s*$"
)
_WORD_END = re.compile(r"([\w\-’'.]+)\s*$")


@dataclass
class Subject:
    """The words a speaker was found from, before resolution."""

    text: str
    span: tuple[int, int]
    kind: str  # name, pronoun, nominal, office, report
    name: str | None = None  # the name part, or the nominal phrase
    role: str | None = None
    group: bool = False  # "they", "it": not a single person
    appositive: bool = False  # "El ministro, Carlos Ortega, dijo": the text before is its description


@lru_cache(maxsize=8192)  # pure, and asked about the same names over and over
def _clean_name(name: str) -> str:
    """Drop function words a capitalised run picked up at its edges ("The", a trailing period)."""
    toks = name.split()
    while toks and (toks[0] in NOT_NAMES or toks[0].rstrip(".") in NOT_NAMES):
        toks.pop(0)
    while toks and toks[-1] in NOT_NAME_ENDS:
        toks.pop()
    out = " ".join(toks)
    if out.endswith(".") and not _INITIAL_END.search(out):
        out = out[:-1]
    return out


@lru_cache(maxsize=8192)  # pure, and asked about the same names over and over
def _split_title(name: str) -> tuple[str | None, str]:
    """'Prime Minister Shehbaz Sharif' -> ('Prime Minister', 'Shehbaz Sharif') when no title was split off."""
    m = _TITLE_AT_START.match(name)
    if m and name[m.end() :].strip():
        return m.group("title"), name[m.end() :]
    return _split_de_role(name)


# German role nouns end in a handful of suffixes ("Oppositionsführer", "Kämmerin", "Stadtrat"). A capitalised
# word ending in one of them, right before a full name, is the person's role, not part of the name.
_DE_ROLE_END = re.compile(
    r"(?:führer|führerin|sprecher|sprecherin|minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|chef|"
    r"chefin|leiter|leiterin|direktor|direktorin|meister|meisterin|rat|rätin|sekretär|sekretärin|kämmerer|"
    r"kämmerin|senator|senatorin|vorsitzende|vorsitzender|beauftragte|beauftragter|richter|richterin|"
    r"anwalt|anwältin|trainer|trainerin|experte|expertin|kandidat|kandidatin|dezernent|dezernentin|"
    r"referent|referentin|vorstand|manager|managerin|kommissar|kommissarin|gouverneur|abgeordnete|abgeordneter)$"
)
# feminine agent nouns ("Lehrerin", "Juristin" is left out: too close to given names like "Kristin")
_DE_FEMININE_ROLE = re.compile(r"[a-zäöüß]{3,}(?:er|or|ent|är|at|og)in$")


@lru_cache(maxsize=8192)
def _split_de_role(name: str) -> tuple[str | None, str]:
    """'Oppositionsführer Karl Weiss' -> ('Oppositionsführer', 'Karl Weiss'); names are left whole.

    Only before a full name (two more words) and never when the first word is a known given name, so
    "Martin Keller" stays a name. A generic feminine "-in" noun also needs a known given name after it.
    """
    toks = name.split()
    if len(toks) < 3 or not toks[0][:1].isupper() or toks[0] in GIVEN_NAMES:
        return None, name
    head = toks[0].rsplit("-", 1)[-1].lower()
    if len(head) < 5 and "-" not in toks[0]:
        return None, name  # "Rat", "Chef" alone are too short to trust as a compound
    if _DE_ROLE_END.search(head) or (_DE_FEMININE_ROLE.search(head) and toks[1] in GIVEN_NAMES):
        return toks[0], " ".join(toks[1:])
    return None, name


def _norm(s: str) -> str:
    return s.replace("’", "'").strip()


@lru_cache(maxsize=8192)  # pure, and asked about the same names over and over
def is_orgish(name: str) -> bool:
    toks = name.replace("’s", "").split()
    return any(t in ORG_WORDS for t in toks) or name in PLACES or (len(toks) == 1 and toks[0].isupper())


@lru_cache(maxsize=8192)  # pure, and asked about the same names over and over
def looks_like_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation or place word."""
    toks = name.split()
    if not 2 <= len(toks) <= 4:
        return False
    # "Bill Frelick": a given name that is also an organisation word ("Finance Bill") opens a name
    if is_orgish(" ".join(toks[1:]) if toks[0] in _GIVEN_ORG_WORDS else name):
        return False
    caps = [t for t in toks if t[0].isupper()]
    # an initial ("Gregory T. Angelo") or a generation ("Brent Bozell III") is upper-case but no acronym
    return len(caps) >= 2 and not any(t in PLACES or t in NOT_NAMES or t.isupper() and not _INITIAL.fullmatch(t)
                                      and t not in _GENERATIONS for t in caps)


_INITIAL = re.compile(r"[A-Z]\.")
_GENERATIONS = {"II", "III", "IV"}
_GIVEN_ORG_WORDS = {"Bill"}


def subject_before(text: str, lo: int, hi: int) -> Subject | None:
    """The speaker phrase that ends at ``hi`` (just before a speech verb), looking no further than ``lo``."""
    whole = lo >= hi - 160  # the clause is read from its start
    lo = max(lo, hi - 160)
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    # skip auxiliaries and adverbs: "Rubio has also said"
    while True:
        m = _WORD_END.search(text, lo, end)
        w = m.group(1) if m else ""
        if not m or (w.lower() not in ADVERBS and not (w.islower() and len(w) > 4 and w.endswith("ly"))):
            break  # "Trump jokingly said", "Clinton emphatically proclaimed": a lower-case -ly adverb
        end = m.start(1)
        while end > lo and text[end - 1].isspace():
            end -= 1
    paren = _PARTY_TAG_END.search(text, lo, end)
    if paren:
        end = paren.start()  # "Harry M. Reid (D-Nev.) said": the tag is no part of the name
    chunk = text[lo:end]
    if not chunk.strip():
        return None
    if chunk.rstrip().endswith(","):
        return _appositive(text, lo, end)
    last = _WORD_END.search(chunk)
    if not last:
        return None
    word = last.group(1)
    wstart = lo + last.start(1)
    if word.lower() in PRONOUNS_PERSON or word.lower() in PRONOUNS_GROUP:
        return Subject(word, (wstart, end), "pronoun", group=word.lower() in PRONOUNS_GROUP)
    noun = word.lower().rstrip(".")
    elided = _ELIDED.match(noun)
    if elided and elided.group(1) in SPEAKER_NOUNS:
        return Subject(word, (wstart, end), "nominal")  # "L'opposition a dénoncé"
    if noun in SPEAKER_NOUNS or noun in OFFICE_NOUNS:
        return _nominal_before(text, lo, end, wstart, noun)
    if word[:1].isupper():
        m = _NAME_END.search(chunk)
        if m:
            subj = _from_name_match(m, lo)
            group = _GROUP_AT.search(text, max(lo, subj.span[0] - 40), subj.span[0]) if subj else None
            if subj and group:
                start = group.start()
                return Subject(text[start : subj.span[1]], (start, subj.span[1]), "nominal", name=subj.name)
            return subj
    bare = _PLAIN_NOMINAL.search(chunk)
    if bare:
        start = lo + bare.start("np")
        return Subject(text[start:end], (start, end), "nominal")
    rel = _RELATIVE.search(chunk)
    if rel:
        start = lo + rel.start()
        return Subject(text[start:end], (start, end), "nominal")
    np = _CLAUSE_NOUN_PHRASE.search(chunk)
    after_quote = text[max(0, lo - 3) : lo + (np.start("np") if np else 0)].rstrip(" ,—–").endswith(("”", '"', "»"))
    # "Another commenter said, “…”": the determiner phrase is the whole sentence before a verb that a
    # quotation follows ("The sector adds 3.2 percent" is no speech)
    opens_sentence = (whole and text[max(0, lo - 3) : lo].rstrip()[-1:] in ("", ".", "!", "?", ":")
                      and _QUOTE_NEXT.match(text, hi, hi + 40) is not None)
    if np and (after_quote or opens_sentence) and np.group("noun").lower() not in _NOT_SPEAKER_NOUNS | ADVERBS:
        # "“…,” the investor said": right after a quotation, a whole clause of determiner and noun
        start = lo + np.start("np")
        return Subject(text[start:end], (start, end), "nominal")
    return None


# "Harry M. Reid (D-Nev.) said", "Sen. Ron Johnson, R-Wis., said": a party tag
_QUOTE_NEXT = re.compile(r"\s*[\w\-]+[,:]?\s*[“\"«„]")
_PARTY_TAG_END = re.compile(r"\s*(?:\([^()]{1,14}\)|,\s+[RDI]-[A-Z][A-Za-z.]{1,5}),?\s*$")
# A determiner phrase that is the whole clause before the verb (nothing but a comma, a dash or a quote
# before it): "the investor", "one former GOP leadership aide", "the 46-year-old".
_CLAUSE_NOUN_PHRASE = re.compile(
    r"^[\s,—–]*(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|[Ss]ome|[Ss]everal|[Mm]any|[Mm]y|[Hh]is|[Hh]er|"
    r"[Tt]heir|[Oo]ur)\s+(?:[\w\-’'.]+\s+){0,4}?"
    r"(?P<noun>[a-z0-9][\w\-]*))$"
)


# "Analysts at Hollis & Co", "a spokesperson for Nordgrain": the people speak for the name after them.
_GROUP_AT = re.compile(
    r"\b(?:[Aa]nalysts|[Ee]conomists|[Oo]fficials|[Rr]esearchers|[Ee]xperts|[Ss]ources|[Ss]trategists|"
    r"(?:[Aa]n?|[Tt]he)\s+(?:spokesperson|spokesman|spokeswoman|official|source|representative|lawyer|analyst|"
    r"economist))\s+(?:at|for|from|of|with|close to)\s+(?:the\s+)?$"
    # "Ein Sprecher des Verkehrsverbunds", "un portavoz del Ayuntamiento", "une porte-parole de la mairie"
    r"|\b(?:[Ee]in|[Ee]ine|[Dd]er|[Dd]ie|[Uu]n|[Uu]na|[Uu]ne|[Ee]l|[Ll]a|[Ll]e)\s+(?:[a-zäöüéè][\w\-]*\s+)?"
    r"(?:Sprecher|Sprecherin|Vertreter|Vertreterin|Mitarbeiter|Mitarbeiterin|Anwalt|Anwältin|portavoz|"
    r"porte-parole|représentant|représentante|responsable|abogado|abogada|avocat|avocate)\s+"
    r"(?:des|der|vom|von|del|de\s+la|de|du|d[’'])\s*$"
)
# "..., the coast guard said": a short lower-case noun phrase after the comma of a said-last clause.
_PLAIN_NOMINAL = re.compile(
    r"(?:,\s+)(?P<np>(?:the|a|an|The|A|An)\s+(?:[a-z][\w\-]*\s+){0,2}(?!(?:who|which|that)$)[a-z][\w\-]*)$"
)
# "A nurse who asked not to be named": an unnamed speaker described by a relative clause.
_RELATIVE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*\s+who\s+[^,.;“”\"]{1,60}$")


def _from_name_match(m: re.Match[str], base: int) -> Subject | None:
    raw = m.group("name")
    name = _clean_name(raw)
    if not name or name.lower() in PRONOUNS_PERSON:
        return None
    title = m.group("title")
    name_at = base + m.start("name") + raw.find(name)
    start = base + m.start("title") if title else name_at
    end = name_at + len(name)
    inner, name = _split_title(name)
    return Subject(m.string[start - base : end - base], (start, end), "name", name=name, role=_role_of(inner or title))


@lru_cache(maxsize=8192)  # pure, and asked about the same names over and over
def _role_of(title: str | None) -> str | None:
    """'le ministre' -> 'Ministre', 'prime minister' -> 'Prime Minister'; honorifics are no role."""
    if not title or title in HONORIFICS:
        return None
    words = title.split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words.pop(0)
    if title.islower() or words[0].islower():
        words = [w if w in ("of", "the") else w[0].upper() + w[1:] for w in words]
    return " ".join(words)


def _nominal_before(text: str, lo: int, end: int, wstart: int, noun: str) -> Subject | None:
    """'the US embassy', 'a Dawn report', 'Prime Minister Shehbaz Sharif’s office'."""
    before = text[lo:wstart]
    # possessive owner: "<Title> <Name>’s office", "Pakistan’s foreign ministry"
    pm = _OWNER_END.search(before)
    if pm and (pm.group("name") or pm.group("title")):
        start = lo + pm.start()
        phrase = text[start:end]
        owner = _clean_name(pm.group("name") or "") or None
        kind = "office" if noun in OFFICE_NOUNS else ("report" if noun in REPORT_NOUNS else "nominal")
        return Subject(phrase, (start, end), kind, name=owner, role=_role_of(pm.group("title")))
    toks = list(re.finditer(r"[\w\-’'.]+", before))
    det_at = None
    for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
        w = toks[k].group().lower()
        if w in DETERMINERS:
            det_at = k
            break
        if w in {"and", "or", "but", "that", "which", "who", "said", "when", ",", "as"}:
            break
    start = lo + toks[det_at].start() if det_at is not None else wstart
    if det_at is None:
        # no determiner: accept capitalised modifiers only ("Dawn report", "State Department")
        k = len(toks) - 1
        while k >= 0 and toks[k].group()[:1].isupper() and toks[k].group() not in NOT_NAMES:
            start = lo + toks[k].start()
            k -= 1
    spokes = _SPOKES_FOR_END.search(text[max(lo, start - 60) : start])
    if spokes:
        start = max(lo, start - 60) + spokes.start()
    phrase = text[start:end].strip()
    if text[start:wstart].strip().endswith(","):
        return None
    mods = text[start:wstart].strip().split()
    mods = [w for w in mods if w.lower() not in DETERMINERS]
    owner = " ".join(w for w in mods if w[:1].isupper()) or None
    if noun in REPORT_NOUNS:
        kind = "report"
    elif noun in OFFICE_NOUNS:
        kind = "office"
    else:
        kind = "nominal"
    return Subject(phrase, (start, end), kind, name=owner, role=None)


def _appositive(text: str, lo: int, end: int) -> Subject | None:
    """'Rubio, the US secretary of state, said' -> Rubio with role; also 'El ministro, Carlos Ortega, dijo'."""
    chunk = text[lo:end]
    rep = _REP_OF_END.search(chunk)
    if rep:
        start = lo + rep.start()
        phrase = chunk[rep.start() :].rstrip(" ,")
        return Subject(phrase, (start, start + len(phrase)), "nominal")
    age = _NAME_AGE_END.search(chunk)
    if age:
        sub = _from_name_match(age, lo)
        if sub is not None:
            return sub
    rev = _DESC_NAME_END.search(chunk)
    if rev:
        name = _split_title(_clean_name(rev.group("name")))[1]
        if name and not is_orgish(name):
            start = lo + rev.start("name")
            desc = rev.group("desc").split(None, 1)[1]
            return Subject(rev.group("name"), (start, start + len(rev.group("name"))), "name", name=name,
                           role=desc[0].upper() + desc[1:], appositive=True)
    m = _NAME_APPOSITIVE_END.search(chunk)
    if not m:
        return None
    name = _clean_name(m.group("name"))
    if not name:
        return None
    app = m.group("app").strip()
    app_words = app.split()
    if not app_words:
        return None
    if app_words[0].lower() not in DETERMINERS | {"who", "which"}:
        # "Chris Weston, chief market strategist at IG, said", "Jeff Weaver, Sanders’ campaign manager,
        # said": a description with no article, after a full person's name only
        first = app_words[0]
        described = first[:1].islower() or first.endswith(("’", "'", "’s", "'s"))
        if not (described and looks_like_person_name(_split_title(name)[1])):
            return None
    start = lo + m.start("name")
    role = None
    if app_words[0].lower() in DETERMINERS:
        role_m = _ANY_TITLE_I.search(app)
        role = role_m.group(1) if role_m else None
        if role:
            role = " ".join(w if w in ("of", "the") else w[0].upper() + w[1:] for w in role.split())
    return Subject(name, (start, start + len(m.group("name"))), "name", name=name, role=role)


_DAYS = "|".join([*(day for lang in ("en", "es", "fr", "de") for day in WEEKDAY_NAMES[lang]),
                  "today", "yesterday", "hoy", "ayer", "aujourd'hui", "hier", "heute", "gestern"])
_WHEN = re.compile(rf"(?:(?:on|este|esta|el|ce|am|this)\s+)?(?:{_DAYS})\b,?\s+")


def subject_after(text: str, lo: int, hi: int) -> Subject | None:
    """The speaker phrase that starts at ``lo`` (right after a speech verb): 'said Marco Rubio'.

    The first word decides which readings are tried: a pronoun is the subject itself; a determiner
    opens a noun phrase ("the minister", "a Dawn report", "el consejero …, Jorge Salas"); a lower-case
    word may describe a name ("said pensioner Edith Crane"); a capital opens a name. Titled and elided
    names ("Prime Minister Shehbaz Sharif", "l'adjoint aux sports, Julien Mercier") come first.
    """
    hi = min(hi, lo + 160)
    start = _phrase_start(text, lo, hi)
    rec = _RECIPIENT.match(text, start, hi)
    if rec:
        # "a annoncé à l'AFP l'un de ses avocats, …", "dijo a la prensa el alcalde": the listener first
        found = subject_after(text, rec.end(), hi)
        if found is not None and found.kind != "pronoun":
            return found
    chunk = text[start:hi]
    if not chunk:
        return None
    pm = _FIRST_WORD.match(chunk)
    if not pm:
        return None
    word = pm.group(1)
    if word.lower() in PRONOUNS_PERSON or word.lower() in PRONOUNS_GROUP:
        if word.lower() in {"it", "they"} and word != word.lower():
            return None
        return Subject(word, (start, start + len(word)), "pronoun", group=word.lower() in PRONOUNS_GROUP)
    found = _titled_or_elided_after(text, start, chunk, hi)
    if found is not None:
        return found
    if word.lower() in DETERMINERS or word in ("one", "One", "another", "Another"):
        return _determiner_phrase_after(text, start, chunk, hi)
    if (word[:1].islower() or word[:1].isdigit()) and word not in DETERMINERS:
        # "said pensioner Edith Crane", "sagte Gewerkschafter Tom Ek": a lower-case descriptor, then a name
        dm = _DESC_THEN_NAME.match(chunk) or _DESC_WITH_CAPS_THEN_NAME.match(chunk)
        if dm:
            name = _split_title(_clean_name(dm.group("name")))[1]
            if name and looks_like_person_name(name) and dm.group("desc") not in _NOT_SPEAKER_NOUNS:
                e = start + dm.start("name") + dm.group("name").find(name) + len(name)
                return Subject(text[start:e], (start, e), "name", name=name, role=_role_of(dm.group("desc")))
    if word[:1].isupper():
        m = _NAME_START.match(chunk)
        if m:
            name = _clean_name(m.group("name"))
            if name:
                s0 = start + (m.start("title") if m.group("title") else m.start("name"))
                e = start + m.start("name") + m.group("name").find(name) + len(name)
                return _name_subject(text, s0, e, name, m.group("title"), hi)
    return None


def _phrase_start(text: str, lo: int, hi: int) -> int:
    """Where the speaker phrase after a verb begins: past spaces and dashes, and past a time between
    verb and speaker ("explicó este miércoles su alcaldesa", "said on Tuesday Marco Rubio")."""
    start = lo
    while start < hi and (text[start].isspace() or text[start] in ",—–-"):
        start += 1
    when = _WHEN.match(text, start, hi)
    if when:
        start = when.end()
    return start


def _titled_or_elided_after(text: str, start: int, chunk: str, hi: int) -> Subject | None:
    """A name after a title ("Prime Minister Shehbaz Sharif", "minister of territorial policies Angel
    Victor Torres") or after an elided French role ("l'adjoint aux sports, Julien Mercier", "L'accusé,
    Henri Morel", "l'ancien ministre Jean Dupont")."""
    tm = _TITLED_NAME_START.match(chunk)
    if not tm:
        tm = _TITLE_OF_NAME_START.match(chunk)
        if tm and not looks_like_person_name(_split_title(_clean_name(tm.group("name")))[1]):
            tm = None
    if tm:
        name = _clean_name(tm.group("name"))
        if name:
            e = start + tm.start("name") + tm.group("name").find(name) + len(name)
            return _name_subject(text, start, e, name, tm.group("title"), hi)
    el = _ELIDED_NAME.match(chunk)
    if el:
        name = _split_title(_clean_name(el.group("name")))[1]
        if name and looks_like_person_name(name):
            e = start + el.start("name") + el.group("name").find(name) + len(name)
            role = el.group("role").strip()[2:]  # "l'adjoint aux sports" -> "adjoint aux sports"
            return Subject(text[start:e], (start, e), "name", name=name, role=role[0].upper() + role[1:])
    return None


def _determiner_phrase_after(text: str, start: int, chunk: str, hi: int) -> Subject | None:
    """A speaker phrase opening with a determiner: a speaker noun ("the minister", "a Dawn report"),
    else a name after a few words ("the 37-year-old Djokovic", "el consejero de Medio Ambiente, Jorge
    Salas"), else a determiner and a noun that end the clause ("», indicó un enfermero.", "said one
    former GOP leadership aide.")."""
    found = _speaker_noun_after(text, start, chunk, hi)
    if found is not None:
        return found
    dn = _DET_NAME.match(chunk)
    app = _DET_COMMA_NAME.match(chunk)
    if app:
        # "el consejero de Medio Ambiente, Jorge Salas": the name after the comma is the person
        name = _split_title(_clean_name(app.group("name")))[1]
        if name and looks_like_person_name(name):
            e = start + app.start("name") + app.group("name").find(name) + len(name)
            role = chunk[: app.start("name")].rstrip(" ,").split(None, 1)[1]
            return Subject(text[start:e], (start, e), "name", name=name, role=role[0].upper() + role[1:])
    if dn:
        name = _clean_name(dn.group("name"))
        if name and not is_orgish(name) and name not in PLACES:
            e = start + dn.start("name") + dn.group("name").find(name) + len(name)
            return _name_subject(text, start, e, name, dn.group("title"), hi)
    bare = _DET_NOUN_ONLY.match(chunk) or _LONG_DET_NOUN.match(chunk)
    if bare and bare.group("noun").lower() not in _NOT_SPEAKER_NOUNS:
        e = start + bare.end("np")
        return Subject(text[start:e], (start, e), "nominal")
    return None


# "said one former GOP leadership aide.", "said one Republican involved in the planning, who ...": an
# English determiner phrase of up to six words that ends the clause (or runs into a participle).
_LONG_DET_NOUN = re.compile(
    r"(?P<np>(?:the|a|an|one|another)\s+(?:(?!(?:is|are|was|were|has|have|had|will|would|could|can|may|might)\s)"
    r"[\w\-’'.]+\s+){0,5}?(?P<noun>[\w\-]{2,}))"
    r"(?:\s*(?:[.,;]|$)|\s+(?=(?:involved|familiar|close|who)\b))"
)


def _speaker_noun_after(text: str, start: int, chunk: str, hi: int) -> Subject | None:
    """A speaker or office noun among the first few words after the determiner ("the ministry", "a
    union spokesman"); the search stops at the fifth word once lower-case words run on."""
    toks = list(_WORDS.finditer(chunk))[:7]
    for k in range(1, len(toks)):
        tok = toks[k].group()
        noun = tok.lower()
        if noun in SPEAKER_NOUNS or noun in OFFICE_NOUNS:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if (nxt is not None and nxt.group().islower() and toks[k].end() + 1 == nxt.start()
                    and re.match(r"\s*[.,;]", chunk[nxt.end() : nxt.end() + 2])):
                continue  # "one former campaign aide.": the noun is a modifier of the one that ends the phrase
            return _noun_phrase_subject(text, start, start + toks[k].end(), noun, toks[1:k], hi)
        if tok[:1].islower() and k >= 4:
            break
    return None


def _noun_phrase_subject(text: str, start: int, e: int, noun: str, modifiers: list[re.Match[str]], hi: int) -> Subject:
    """The subject for a determiner phrase ending in a speaker ``noun`` at ``e``: with its complement
    ("ein Sprecher des Unternehmens") and, for a person, the name that may follow ("the mayor, Ann Lee",
    "la alcaldesa Ana Ruiz"); capitalised ``modifiers`` name whom it speaks for ("the Kremlin spokesman")."""
    kind = "report" if noun in REPORT_NOUNS else ("office" if noun in OFFICE_NOUNS else "nominal")
    owner = " ".join(t.group() for t in modifiers if t.group()[:1].isupper()) or None
    comp = _COMPLEMENT.match(text, e, hi)
    if comp and kind != "report":
        e = comp.end()
    app = _COMMA_NAME.match(text[e:hi])
    if app and kind == "nominal":
        name = _split_title(_clean_name(app.group("name")))[1]
        if name and not is_orgish(name):
            ne = e + app.start("name") + len(app.group("name"))
            role = text[start:e].split(None, 1)[1]
            return Subject(text[start:ne], (start, ne), "name", name=name, role=role[0].upper() + role[1:])
    named = _LOWER_THEN_NAME.match(text[e:hi])
    if named and kind == "nominal":
        name = _split_title(_clean_name(named.group("name")))[1]
        if name and looks_like_person_name(name):
            ne = e + named.start("name") + len(named.group("name"))
            role = text[start:e].split(None, 1)[1]
            return Subject(text[start:ne], (start, ne), "name", name=name, role=role[0].upper() + role[1:])
    return Subject(text[start:e], (start, e), kind, name=owner)


_RECIPIENT = re.compile(
    r"(?:à|au|aux|a)\s+(?:l[’']|la\s+|le\s+|les\s+)?(?:[A-Z][\w\-]*|presse|prensa|journalistes|periodistas|"
    r"medios)(?:\s+[A-Z][\w\-]*)?,?\s+(?=(?:[lL][’']|el\s|la\s|le\s|los\s|las\s|les\s|un\s|una\s|une\s|son\s|sa\s|su\s|[A-Z]))"
)
_ELIDED_NAME = re.compile(
    rf"(?P<role>[lL][’'][\w\-]+(?:\s+(?:[a-zà-ÿ][\w\-’']*)){{0,4}}?)(?:,\s+|\s+(?=[{_UP}]))(?P<name>{NAME})\s*(?:[,.;]|$)"
)
_DET_NOUN_ONLY = re.compile(r"(?P<np>[\w’']+\s+(?:[a-zà-ÿ][\w\-]*\s+)?(?P<noun>[a-zà-ÿ][\w\-]{2,}))\s*(?:[.,;]|$)")
# "said pensioner Edith Crane, 81": not a German inflected adjective ("laut vorläufigen Zahlen von …")
_DESC_THEN_NAME = re.compile(
    rf"(?P<desc>(?:[a-z][\w\-]*(?<!en)(?<!em)\s+){{0,2}}[a-z][\w\-]{{2,}}(?<!en)(?<!em))\s+(?P<name>{NAME})(?=\s*[,.;])"
)
# "said former Massachusetts congressman Barney Frank", "said 9/11 widow Terry Strada": a descriptor
# with capitalised words inside, ending in a lower-case noun, then a person's name
_DESC_WITH_CAPS_THEN_NAME = re.compile(
    rf"(?P<desc>[a-z0-9][\w\-/]*(?:\s+[\w\-/]+){{0,3}}?\s+[a-z][\w\-]{{2,}})\s+(?P<name>{NAME})(?=\s*[,.;]|\s+of\s)"
)
# nouns that follow a speech verb without being its speaker ("dijo el martes", "said the statement")
_NOT_SPEAKER_NOUNS = {*WEEKDAY_NAMES["es"], *WEEKDAY_NAMES["fr"], "día", "año",
                      "semana", "mes", "texto", "comunicado", "statement", "week", "year", "month", "day",
                      "morning", "evening", "night", "time", "way", "jour", "matin", "soir", "mois", "semaine",
                      "mañana", "tarde", "noche", "fin", "reporters", "press", "prensa", "presse"}


def _name_subject(text: str, start: int, end: int, name: str, title: str | None, hi: int) -> Subject:
    """A named subject read forwards; "<Name>’s office" becomes the office."""
    inner, name = _split_title(name)
    title = inner or title
    om = _POSSESSIVE_NOUN.match(text[end:hi])
    if om and om.group(2).lower() in OFFICE_NOUNS:
        e = end + om.end()
        return Subject(text[start:e], (start, e), "office", name=name, role=_role_of(title))
    return Subject(text[start:end], (start, end), "name", name=name, role=_role_of(title))


# "ein Sprecher des Unternehmens", "the minister for health": a complement that names whom they speak for.
_COMPLEMENT = re.compile(r"\s+(?:des|der|vom|von|de la|du|del|de|of|for)\s+(?:[\w\-’']+\s+){0,2}?[\w\-’']+(?=\s*[,.;:]|\s*$)")


def sentence_subject(text: str, start: int, end: int) -> Subject | None:
    """The grammatical subject of a sentence, skipping an opening phrase ("In September, he met...")."""
    s = start
    head = text[start:end]
    intro = _INTRO.match(head)
    if intro:
        s = start + intro.end()
    if text[s : s + 1] in ("“", '"', "«", "„"):
        return None
    return subject_after(text, s, end)
