"""What a figure counts, and how sure its report is of it: the evidence number_conflict needs to say
that two figures in two reports (often in two languages) fill the same slot.

- ``concept``: the thing counted, from the counted noun and the words around the figure, through a
  small multilingual lexicon ("muertos", "décès", "Tote", "people ... killed" are all deaths), so a
  death toll in a Spanish report meets the one in an English report. A generic noun ("people",
  "personas") gets a concept only from a cue word (killed, injured, evacuated).
- ``hedge``: "about 8%" and "more than 7 percent" do not contradict; a lower bound is met by any
  figure a little above it, an approximation by any figure close to it.
- ``rate_name``: "the deposit rate" and "the main refinancing rate" are two slots, not one.
- ``scope``: the places a figure's sentence counts it in ("524 deaths in DR Congo", "517 décès en
  Afrique"): a toll of a country and a toll of its continent are two quantities, not rival readings.
"""

from __future__ import annotations

import re

from storyline.check.text import tokens
from storyline.lang.fold import fold_word, stem
from storyline.lang.places import place_level

_CONCEPT_WORDS = {
    "deaths": "deaths death dead died killed kill killing fatalities fatality fatal toll "
              "muertos muertas muerto muerta muertes muerte fallecidos fallecidas fallecido fallecimientos "
              "mortales mortal murieron morts mort mortes décès décédés tués tuées morti morto deceduti "
              "tote toten todesopfer gestorben getötet starben",
    "injured": "injured wounded injuries heridos heridas herido blessés blessées blessé verletzte verletzt "
               "feriti ferito",
    "missing": "missing desaparecidos desaparecidas disparus disparues vermisste vermisst dispersi",
    "evacuated": "evacuated evacuees evacuation evacuations evacuados evacuadas évacués évacuées "
                 "évacuation evakuiert evakuierte evacuati",
    "homes": "homes home houses house dwellings residences viviendas vivienda casas hogares maisons "
             "logements habitations häuser wohnungen wohnhäuser abitazioni",
    "buildings": "structures buildings edificios estructuras bâtiments edifici gebäude",
    "cases": "cases infections casos cas fälle infektionen",
    "employees": "employees workers staff empleados trabajadores salariés employés mitarbeiter "
                 "beschäftigte dipendenti",
    "residents": "residents inhabitants habitantes vecinos residentes habitants einwohner bewohner "
                 "bewohnerinnen abitanti",
    "products": "products items varieties productos variedades produits produkte prodotti",
    "defendants": "defendants accused acusados accusés angeklagte imputati",
    "co-defendants": "co-defendants codefendants coacusados co-accusés coaccusés mitangeklagte coimputati",
    "journalists": "journalists reporters periodistas journalistes journalisten giornalisti",
    "countries": "countries países länder paesi",
    "flights": "flights vuelos vols flüge voli",
    "fissure": "fissure fissures crack fisura grieta fessura erdspalte spalte riss",
    "turnout": "turnout wahlbeteiligung participation participación affluenza",
    "age": "aged age âgés âgé âgée âgées edad alter jährige età",
}
# Cue words (deaths, injured...) override a generic counted noun; a specific noun sets the concept.
_CUES = ("deaths", "injured", "missing", "evacuated")
# Words that make a figure a sum of several things ("a combined turnover of 63 billion").
AGGREGATE = frozenset(stem(w) for w in "combined cumulative cumulé cumulée cumulés total totale totaux "
                      "together altogether conjunto combinado combinada acumulado acumulada insgesamt "
                      "zusammen kombiniert gesamt complessivo complessiva combinato cumulato".split())
# Words that say what happened to the things counted: homes threatened, destroyed or damaged.
_STATES = {
    "threatened": "risk threat threatened threatening jeopardy danger endangered amenaza amenazadas amenazando "
                  "peligro menacées menacés menace danger bedroht gefährdet minacciate rischio",
    "destroyed": "destroyed razed burned burnt levelled leveled lost destruidas destruidos calcinadas "
                 "détruites détruits brûlées zerstört niedergebrannt distrutte distrutti",
    "damaged": "damaged dañadas dañados endommagées endommagés beschädigt danneggiate danneggiati",
}
_STATE_BY_STEM = {stem(w): name for name, words in _STATES.items() for w in words.split()}
OTHERS = frozenset(stem(w) for w in "other others autres otros otras andere anderen altri altre".split())
_BY_STEM: dict[str, str] = {}
for _concept, _words in _CONCEPT_WORDS.items():
    for _w in _words.split():
        _BY_STEM.setdefault(stem(_w), _concept)
GENERIC = frozenset(stem(w) for w in "people persons personas personnes menschen persone individuals "
                    "victims víctimas victimes opfer vittime others autres otros".split())

_LOWER = r"more than|over|at least|upwards of|in excess of|plus de|au moins|más de|al menos|mehr als|über|" \
         r"mindestens|oltre|almeno|più di"
_UPPER = r"nearly|almost|up to|less than|under|close to|just under|presque|près de|moins de|jusqu'à|casi|" \
         r"menos de|hasta|knapp|fast|bis zu|weniger als|quasi|fino a|meno di"
_APPROX = r"about|around|approximately|roughly|some|an estimated|estimated|environ|quelque|quelques|unos|" \
          r"unas|alrededor de|cerca de|aproximadamente|etwa|rund|circa|ungefähr|zirka|intorno a|circa"
HEDGE_RE = {name: re.compile(rf"(?:^|\W)(?:{words})\s*(?:the\s+|los\s+|les\s+|die\s+)?$", re.IGNORECASE)
            for name, words in (("lower", _LOWER), ("upper", _UPPER), ("approx", _APPROX))}
HEDGE_WORDS = frozenset(stem(w) for w in re.split(r"[|\s]+", f"{_LOWER}|{_UPPER}|{_APPROX}") if w)
TOLERANCE = 0.15  # a hedged figure still agrees with one this close (relative)

_RATES = {
    "deposit": "deposit deposits depósito depósitos dépôt dépôts einlagen einlagenzins einlagensatz deposito "
               "depositi",
    "refinancing": "refinancing refi refinanciación refinancement refinanzierung hauptrefinanzierungssatz "
                   "rifinanziamento",
    "lending": "lending marginal préstamo prêt spitzenrefinanzierung spitzenrefinanzierungssatz prestito",
    "repo": "repo",
    "reverse repo": "reverse",
    "standing deposit": "sdf",
    "inflation": "inflation inflación inflazione teuerung",
    "unemployment": "unemployment desempleo paro chômage arbeitslosigkeit arbeitslosenquote disoccupazione",
    "growth": "growth gdp crecimiento pib croissance wachstum bip crescita",
}
_RATE_BY_STEM = {stem(w): name for name, words in _RATES.items() for w in words.split()}


def window_words(text: str) -> list[str]:
    return [stem(fold_word(t)) for t in tokens(text) if not t[0].isdigit()]


def concept(context: str | None, words: list[str]) -> str | None:
    """The thing a figure counts: a cue word near it first, else its counted noun; None if unknown
    or generic."""
    found = [_BY_STEM[w] for w in words if w in _BY_STEM]
    for cue in _CUES:
        if cue in found:
            return cue
    noun = stem(fold_word(context)) if context else None
    if noun and noun in _BY_STEM:
        found.insert(0, _BY_STEM[noun])
    if found and found[0] == "defendants" and OTHERS & (set(words) | {noun}):
        return "co-defendants"  # "the 49 other accused" are the co-defendants
    if found and noun in _BY_STEM:
        return found[0]
    if noun and noun not in GENERIC and not noun.isdigit():
        return noun
    return found[0] if found else None


def hedge(before: str) -> str | None:
    """"lower", "upper", "approx" or None, from the words right before a figure."""
    for name, pattern in HEDGE_RE.items():
        if pattern.search(before):
            return name
    return None


def agree(x: float, hx: str | None, y: float, hy: str | None) -> bool:
    """Whether two figures, with their hedges, can both be true of one slot."""
    if x == y:
        return True
    if hx is None and hy is None:
        return False
    big = max(abs(x), abs(y))
    close = abs(x - y) <= TOLERANCE * big
    if not close:
        return False
    for value, how, other in ((x, hx, y), (y, hy, x)):
        if how == "lower" and other >= value:
            return True
        if how == "upper" and other <= value:
            return True
        if how == "approx":
            return True
    return False


def rate_names(words: list[str]) -> set[str]:
    names = {_RATE_BY_STEM[w] for w in words if w in _RATE_BY_STEM}
    if "reverse repo" in names:
        names.discard("repo")
    return names


def states(words: list[str]) -> set[str]:
    """What the sentence says happened to the things counted (threatened, destroyed, damaged)."""
    return {_STATE_BY_STEM[w] for w in words if w in _STATE_BY_STEM}


def aggregate(words: list[str]) -> bool:
    return bool(AGGREGATE & set(words))


def from_lexicon(concept_name: str | None) -> bool:
    """Whether a concept comes from the lexicon (deaths, homes...) rather than from a bare noun."""
    return concept_name in _CONCEPT_WORDS


_PAST = frozenset(stem(w) for w in "last previous previously prior earlier former última último anterior "
                  "anteriormente dernière dernier précédent précédente auparavant letzte letzten "
                  "vorherige zuvor ultima ultimo precedente".split())


def past(words: list[str]) -> bool:
    """Whether the clause looks back at an earlier event ("it had last cut rates by 40 basis points")."""
    return bool(_PAST & set(words))


_CIRCUMSTANCE = re.compile(
    r"\b(?:after|before|once|until|upon|while)\s+[^\W\d_]+ing\b"
    r"|\b(?:après|avant)\s+(?:d'|de\s+)?(?:avoir|être)\b"
    r"|\b(?:tras|después\s+de|antes\s+de|dopo|prima\s+di)\s+[^\W\d_]+(?:ar|er|ir|are|ere|ire)\b",
    re.IGNORECASE)


def circumstance(clause: str) -> bool:
    """Whether the clause before a figure sets it in another event, by a non-finite verb after a
    time word ("after reaching an altitude of 74 km, the booster separated"): the figure then
    describes that moment, not the news. "following floods which killed 95" is not such a clause."""
    return bool(_CIRCUMSTANCE.search(clause))


# Words that make a figure a forecast, a bound or a possibility rather than a measurement: "waves
# could reach 20 feet" and "waves 8 feet high" are not rival readings of one thing.
_MODAL = re.compile(
    r"\b(?:forecasts?|forecasted|forecasters?|predicts?|predicted|predictions?|expects?|expected|expecting|"
    r"projected|could|might|would|up to|as (?:much|many|high) as|maximum|max|at most|potential(?:ly)?|possibly|"
    r"podr[íi]a[n]?|prev[ée]n?|previst[oa]s?|pronostica(?:do|da|n)?|hasta|como máximo|"
    r"pourrai(?:en)?t|pr[ée]vu[es]?|pr[ée]visions?|pr[ée]voit|jusqu'à|jusqu’à|au maximum|"
    r"könnten?|dürften?|erwartet|erwarten|vorhergesagt|bis zu|höchstens|maximal|"
    r"potrebbero?|previst[oaie]|previsioni?|fino a|al massimo)\b",
    re.IGNORECASE)
_MAY = re.compile(r"\bmay\b")  # lower case only: "in May" is a month


def modal(text: str) -> bool:
    """Whether the words around a figure make it a forecast, a maximum or a possibility."""
    return bool(_MODAL.search(text) or _MAY.search(text))


_SCOPE_CUE = re.compile(r"\b(?i:in|across|throughout|within|en|dans|au|aux|im|in der|nel|nella|em|no|na)\s+"
                        r"(?i:the\s+|la\s+|le\s+|l['’]|el\s+|der\s+)?"
                        r"((?:[A-ZÀ-Þ][\w'’-]*)(?:\s+(?:of\s+the\s+|of\s+|del?\s+|du\s+)?[A-ZÀ-Þ][\w'’-]*){0,4})")


def scope(sentence: str) -> set[str]:
    """The known places (canonical names) a sentence counts things in: "in DR Congo" -> {"Congo"},
    "en Afrique" -> {"Africa"}. The longest run of capitalised words the gazetteer knows wins."""
    out = set()
    for m in _SCOPE_CUE.finditer(sentence):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            level = place_level(" ".join(words[:n]))
            if level is not None:
                out.add(level[0])
                break
    return out
