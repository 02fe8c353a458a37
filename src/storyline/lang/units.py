"""What a figure counts or measures, in several languages: units of time and length, and the things
news most often counts (the dead, the injured, homes, workers, seats).

Why: "nine months" and "neun Monaten", "51 dead" and "51 muertos" give one fact in two languages,
though they share no word. A figure beside a word of the same sense in another report is the same
fact (check/unique_fact.py). The lists are short and general; a word that is also a common word of
another language ("an", "ore", "case", "actions", "salaries", "tues", "fuss", "tag") is left out.
"""

from __future__ import annotations

from storyline.lang.fold import fold_word, stem

# sense -> its words in en, fr, de, es, it, pt and hi (any inflection the crude stem does not reach).
_SENSES: dict[str, str] = {
    "year": "year years ans annee annees jahr jahre jahren jahres ano anos anno anni साल वर्ष वर्षों",
    "month": "month months mois monat monate monaten monats mes meses mese mesi महीने महीना महीनों माह",
    "week": "week weeks semaine semaines woche wochen semana semanas settimana settimane हफ्ते हफ्तों सप्ताह",
    "day": "day days jour jours tage tagen dia dias giorno giorni दिन दिनों",
    "hour": "hour hours heure heures stunde stunden hora horas घंटे घंटों",
    "minute": "minute minutes minuten minuto minutos minuti मिनट",
    "percent": "percent pourcent prozent porcentaje percento प्रतिशत फीसदी",
    "metre": "metre metres meter meters metern metro metros metri मीटर",
    "kilometre": "km kilometre kilometres kilometer kilometers kilometern kilometro kilometros chilometri "
                 "quilometro quilometros किलोमीटर",
    "foot": "foot feet pieds",
    "dead": "dead deaths killed died morts mort tote toten todesopfer muertos fallecidos muertes "
            "morti mortos mortes मौत मौतें",
    "injured": "injured wounded blesses verletzte verletzten heridos feriti feridos घायल",
    "missing": "missing disparus vermisste vermissten desaparecidos dispersi",
    "people": "people persons personnes menschen personen personas persone pessoas लोग लोगों",
    "workers": "workers employees travailleurs employes arbeiter arbeitnehmer beschaftigte mitarbeiter "
               "trabajadores empleados lavoratori dipendenti trabalhadores funcionarios कर्मचारी",
    "homes": "homes houses maisons logements hauser wohnungen casas viviendas abitazioni "
             "moradias घर मकान",
    "seats": "seats sieges sitze escanos seggi assentos सीटें सीटों",
}

UNIT_SENSE: dict[str, str] = {}
for _sense, _words in _SENSES.items():
    for _word in _words.split():
        UNIT_SENSE.setdefault(stem(fold_word(_word)), _sense)
        UNIT_SENSE.setdefault(fold_word(_word), _sense)


def sense_of(word: str) -> str | None:
    """The sense of one word as written ("Monaten": "month"), or None."""
    return UNIT_SENSE.get(stem(fold_word(word))) or UNIT_SENSE.get(fold_word(word))


def senses(stems: frozenset[str] | set[str]) -> set[str]:
    """The senses of the unit words among ``stems`` (stems as check/text.py makes them)."""
    return {UNIT_SENSE[s] for s in stems if s in UNIT_SENSE}
