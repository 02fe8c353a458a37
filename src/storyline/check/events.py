"""Which kind of event a dated sentence is about, so that two reports that put "the verdict" or
"the rate decision" on different days can be compared even when their sentences are worded apart
(or written in two languages). A small multilingual lexicon of event words; a date takes the event
named within a few words of it.

Also the checks that keep date_conflict from crying wolf: a date that opens a span ("June 4-6"),
a relative date ("this afternoon", resolved from a publication date that may be a day off), and a
date whose year the report never wrote (so a resolved year is only a guess).
"""

from __future__ import annotations

import re

from storyline.check.text import tokens
from storyline.lang.fold import fold_word, stem
from storyline.model import Article, DateMention, as_span

NEAR = 60  # characters either side of a date in which its event word must stand

_EVENTS = {
    "rate decision": "cut cuts lowered lowers reduced reduces reduction decrease slashed raised raises hiked "
                     "hikes decision decided "
                     "voted recorta recortó bajó rebaja decisión decidió baisse abaissé abaisse réduit "
                     "décision décidé senkt senkte gesenkt zinssenkung zinsentscheid beschloss taglio tagliato "
                     "decisione",
    "verdict": "verdict convicted sentenced condemned guilty condamné condamnés condamnée coupable coupables "
               "veredicto condenado condenados condenó condenaron culpable sentencia verurteilt urteil schuldig "
               "condannato "
               "sentenza",
    "eruption": "erupted eruption éruption erupción ausbruch ausgebrochen eruzione",
    "launch": "launched launch lancé lancement lanzó lanzamiento gestartet lanciato",
    "explosion": "exploded explosion exploding disintegrated disintegration explotó explosión explosé "
                 "désintégré explodiert explodierte zerbrach esploso esplosione",
    "strike": "strike walkout grève huelga streik sciopero",
    "deal": "acquisition acquire acquired takeover rachat adquisición übernahme acquisizione",
}
_BY_STEM = {stem(w): name for name, words in _EVENTS.items() for w in words.split()}
_PAST = frozenset(stem(w) for w in "last previous previously prior earlier former since ago última último "
                  "anterior dernière dernier précédent depuis desde seit letzte vorherige ultima ultimo "
                  "precedente".split())
_RELATION = frozenset(stem(w) for w in "after before following since until while tras antes después desde "
                      "hasta après avant depuis jusqu nach vor seit bis dopo prima".split())
_UNREAL = frozenset(stem(w) for w in "future next further expected possible potential another more no not "
                    "prochaine prochain futur futura próxima próximo posible nächste weitere mögliche "
                    "prossimo prossima futuro".split())
RELATIVE = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|hoy|ayer|"
                      r"mañana|esta (?:mañana|tarde|noche)|aujourd'hui|hier|demain|ce (?:matin|soir)|cet après-midi|"
                      r"heute|gestern|morgen|oggi|ieri|domani|stamattina|stasera)\b", re.IGNORECASE)
SPAN_AFTER = re.compile(r"^\s*(?:[-–—]|to|au|al|bis|al)\s*\d{1,2}\b")


def _stems(text: str) -> list[str]:
    return [stem(fold_word(t)) for t in tokens(text) if not t[0].isdigit()]


def event_of(article: Article, d: DateMention) -> str | None:
    """The event named within NEAR characters of the date in its sentence, unless the words just
    before the date look back ("since", "last")."""
    return event_near(article, d.sentence, as_span(d.span))


def event_near(article: Article, sentence: int, span: tuple[int, int]) -> str | None:
    """The one kind of event named within NEAR characters of ``span`` (a date, a place) in its
    sentence; None when none or several are, or when the words just before look back."""
    s = article.sentences[sentence]
    lo, hi = max(s.start, span[0] - NEAR), min(s.end, span[1] + NEAR)
    before = re.split(r"[,;:()“”\"]", article.text[max(s.start, span[0] - 25) : span[0]])[-1]
    if _PAST & set(_stems(before)):
        return None
    found = set()
    for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", article.text[lo:hi]):
        event = _BY_STEM.get(stem(fold_word(m.group())))
        if not event:
            continue
        at = lo + m.start()
        between = article.text[min(at, span[1]) : max(at, span[0])]
        if _RELATION & set(_stems(between)):
            continue  # "the decision came just after the Fed held rates on Wednesday": another event's day
        if _UNREAL & set(_stems(article.text[max(s.start, at - 20) : at])):
            continue  # "signalled a future cut": no event happened
        found.add(event)
    return found.pop() if len(found) == 1 else None


def opens_span(article: Article, d: DateMention) -> bool:
    """"June 4-6", "4 au 6 juin": the date is the first day of a period, not a day."""
    return bool(SPAN_AFTER.match(article.text[d.span[1] : d.span[1] + 8]))


def relative(d: DateMention) -> bool:
    return bool(RELATIVE.search(d.text))


def year_written(d: DateMention) -> bool:
    return bool(re.search(r"\b(?:1[89]|20)\d\d\b|'\d\d\b", d.text))


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO days; None when either is missing or not a day."""
    from datetime import date

    if a is None or b is None:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def compatible(da: DateMention, db: DateMention) -> bool:
    """Two resolved days that need not contradict: one only a resolution guess away from the other."""
    if da.value is None or db.value is None:
        return False  # an unresolved date contradicts nothing
    if (relative(da) or relative(db)) and (days_apart(da.value, db.value) or 0) <= 1:
        return True  # "this afternoon" resolved from a publication date that may be a day off
    if da.value[5:] == db.value[5:] and not (year_written(da) and year_written(db)):
        return True  # same day and month; a year was guessed on one side
    return False


CREDIT = re.compile(r"\((?=[^()]{0,80}\))[^()]*(?:/|\b(?:AFP|Reuters|AP|EPA|EFE|dpa|Getty|ANSA|Photo|Foto|Bild|"
                    r"Image|Crédit|Credit)\b)[^()]*\)")


def caption(article: Article, sentence: int) -> bool:
    """A photo caption ("The accused at the court of appeal, 6 October. (NAME / AGENCY)"): its date is
    when the picture was taken, not when the event happened."""
    s = article.sentences[sentence]
    return bool(CREDIT.search(s.text[-90:]) or CREDIT.match(article.text[s.end : s.end + 90].lstrip()))


_SINCE = re.compile(r"\b(?:since|depuis|desde|seit|dal|dalla|dallo)\s+(?:the\s+|le\s+|el\s+|dem\s+)?$", re.IGNORECASE)
_FIRST = frozenset(stem(w) for w in "first premier première primera primer primero erste ersten erstmals primo "
                   "prima".split())


def first_since(article: Article, d: DateMention) -> str | None:
    """For "the first rate cut since March 2016": the kind of event that is the first since the date
    (from the lexicon), or None when the date is not such a "first since" anchor."""
    s = article.sentences[d.sentence]
    before = article.text[s.start : d.span[0]]
    if not _SINCE.search(before[-12:]):
        return None
    clause = re.split(r"[;:()“”\"]", before)[-1]
    words = _stems(clause)
    if not _FIRST & set(words):
        return None
    found = {_BY_STEM[w] for w in words if w in _BY_STEM}
    return found.pop() if len(found) == 1 else None
