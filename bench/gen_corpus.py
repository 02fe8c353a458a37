"""Generate a synthetic labelled news corpus (JSONL) for benchmarks and kill tests.

    .venv/bin/python -m bench.gen_corpus N [--out bench/data/synthetic-N.jsonl] [--seed 1]

Every text is built at run time from templates written for storyline (no real reports are used):
events of a few kinds (rate decisions, fires, finals, recalls, strikes, deals) with invented names,
numbers and dates, each reported 1-8 times in English, Spanish, French or German, with reworded
sentences, dropped facts and the occasional wrong number. Hard negatives come for free: the same
invented bank or team has another event on another day with other numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from storyline.lang.calendar import MONTH_NAMES

BENCHMARK = False  # a corpus generator used by the benchmarks; `python -m bench` skips it

_SYL = ["ka", "lo", "mer", "tan", "vi", "dor", "sel", "ru", "ban", "tek", "mo", "ria", "zen", "pol", "gar",
        "fi", "nos", "ter", "ul", "bra", "ko", "san", "del", "mi", "vor", "qua", "lin", "es", "tor", "na"]
_MONTHS = {lang: MONTH_NAMES[lang] for lang in ("en", "es", "fr", "de")}

# kind -> language -> sentence templates. Slots: {A} {B} {place} {x} {y} {n} {m} {day} {person}
_T = {
    "rate": {
        "en": ["The {A} cut its key interest rate to {x}% from {y}% on {day}.",
               "{A} governor {person} said the decision was taken by {n} votes to {m}.",
               "Markets in {place} had expected a cut of {bp} basis points.",
               "It is the first reduction by the {A} since {year0}.",
               "Inflation stood at {z}% last month, the {A} said."],
        "es": ["El {A} rebajó su tipo de interés al {x}% desde el {y}% el {day}.",
               "El gobernador {person} dijo que la decisión se tomó por {n} votos a {m}.",
               "Los mercados de {place} esperaban un recorte de {bp} puntos básicos."],
        "fr": ["La {A} a abaissé son taux directeur à {x}% contre {y}% le {day}.",
               "Le gouverneur {person} a indiqué que la décision a été prise par {n} voix contre {m}.",
               "L'inflation s'établissait à {z}% le mois dernier."],
        "de": ["Die {A} senkte den Leitzins am {day} auf {x} Prozent von {y} Prozent.",
               "Gouverneur {person} sagte, die Entscheidung sei mit {n} zu {m} Stimmen gefallen.",
               "Die Inflation lag zuletzt bei {z} Prozent."],
    },
    "fire": {
        "en": ["A wildfire named the {A} Fire broke out near {place} on {day}.",
               "By evening it had burned {big} acres and forced {n},000 residents to leave.",
               "Fire chief {person} said crews were fighting strong winds.",
               "About {m} homes were destroyed, officials said."],
        "es": ["Un incendio llamado {A} Fire estalló cerca de {place} el {day}.",
               "Por la tarde había quemado {big} acres y obligado a evacuar a {n}.000 vecinos.",
               "El jefe de bomberos {person} dijo que el viento complicaba la tarea."],
        "fr": ["Un incendie baptisé {A} Fire s'est déclaré près de {place} le {day}.",
               "Il avait brûlé {big} acres dans la soirée et {n} 000 habitants ont été évacués."],
        "de": ["Ein Waldbrand namens {A} Fire brach am {day} nahe {place} aus.",
               "Bis zum Abend hatte er {big} Acres zerstört; {n}.000 Bewohner mussten gehen."],
    },
    "final": {
        "en": ["{A} beat {B} {s1} in the final of the {place} Cup on {day}.",
               "{person} scored {n} points for {A}.",
               "It is the {m}th title for {A}, the organisers said."],
        "es": ["{A} venció a {B} por {s1} en la final de la Copa {place} el {day}.",
               "{person} anotó {n} puntos para {A}."],
        "fr": ["{A} a battu {B} {s1} en finale de la coupe de {place} le {day}.",
               "{person} a marqué {n} points pour {A}."],
        "de": ["{A} besiegte {B} am {day} im Finale des {place}-Pokals mit {s1}.",
               "{person} erzielte {n} Punkte für {A}."],
    },
    "recall": {
        "en": ["{A} is recalling {big} pounds of {B} products over contamination fears, announced on {day}.",
               "The products were made at its plant in {place} between {d1} and {d2}.",
               "{n} people fell ill and {m} died, health officials said, citing {person}."],
        "es": ["{A} retira {big} libras de productos {B} por riesgo de contaminación, anunció el {day}.",
               "Los productos se fabricaron en su planta de {place}."],
        "fr": ["{A} rappelle {big} livres de produits {B}, a-t-on appris le {day}.",
               "Les produits viennent de son usine de {place}; {n} personnes sont tombées malades."],
        "de": ["{A} ruft {big} Pfund {B}-Produkte zurück, hieß es am {day}.",
               "Die Waren stammen aus dem Werk in {place}; {n} Menschen erkrankten."],
    },
    "strike": {
        "en": ["About {big} workers at {A} walked out on {day} after rejecting a {x}% pay offer.",
               "Union leader {person} said {z}% of members voted to strike.",
               "The {A} plants in {place} are shut."],
        "es": ["Unos {big} trabajadores de {A} iniciaron una huelga el {day} tras rechazar una subida del {x}%."],
        "fr": ["Quelque {big} salariés de {A} sont en grève depuis le {day} après avoir rejeté une hausse de {x}%.",
               "Le syndicaliste {person} affirme que {z}% des membres ont voté la grève."],
        "de": ["Rund {big} Beschäftigte von {A} streiken seit dem {day}, nachdem sie {x} Prozent mehr Lohn abgelehnt haben."],
    },
    "deal": {
        "en": ["{A} agreed on {day} to buy {B} for ${price} a share, valuing it at ${x} billion.",
               "The offer is a {z}% premium, {A} chief executive {person} said.",
               "{B} is based in {place}."],
        "es": ["{A} acordó el {day} comprar {B} por {price} dólares por acción, unos {x} mil millones."],
        "fr": ["{A} a accepté le {day} de racheter {B} pour {price} dollars par action, soit {x} milliards.",
               "La prime atteint {z}%, selon le patron {person}."],
        "de": ["{A} will {B} für {price} Dollar je Aktie übernehmen, wie am {day} bekannt wurde; der Wert liegt bei {x} Milliarden."],
    },
}
_HEADLINE = {
    kind: {"en": f"{kind} news", "es": f"noticias ({kind})", "fr": f"actualité ({kind})", "de": f"Nachrichten ({kind})"}
    for kind in _T
}
_FILLER = {
    "en": ["Analysts said more details would follow.", "The news was widely shared online.",
           "Officials urged calm.", "Reporters gathered outside the building."],
    "es": ["Los analistas esperan más detalles.", "La noticia se compartió ampliamente."],
    "fr": ["Les analystes attendent plus de détails.", "La nouvelle a largement circulé."],
    "de": ["Analysten erwarten weitere Einzelheiten.", "Die Nachricht verbreitete sich schnell."],
}


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _fmt_day(day: dt.date, lang: str) -> str:
    m = _MONTHS[lang][day.month - 1]
    return f"{m} {day.day}, {day.year}" if lang == "en" else f"{day.day} {m} {day.year}"


class _Entity:
    """A recurring actor: a bank, a team, a company, a place; reused across events (hard negatives)."""

    def __init__(self, rng: random.Random):
        self.A = _name(rng, rng.choice((2, 3)))
        self.B = _name(rng, 2)
        self.place = _name(rng, 2) + rng.choice(["ville", "burg", " City", "port"])
        self.person = f"{_name(rng)} {_name(rng, 3)}"


def _event(rng: random.Random, ent: _Entity, kind: str, day: dt.date) -> dict:
    x = round(rng.uniform(0.5, 9.5) * 4) / 4
    return {
        "A": ent.A, "B": ent.B, "place": ent.place, "person": ent.person, "x": f"{x:.2f}",
        "y": f"{x + 0.25:.2f}", "z": f"{rng.uniform(1, 99):.1f}", "n": rng.randint(2, 60), "m": rng.randint(1, 40),
        "bp": rng.choice((25, 50, 75)), "year0": rng.randint(2008, 2022), "big": f"{rng.randint(1, 900)},{rng.randint(100, 999)}",
        "s1": f"{rng.randint(1, 7)}-{rng.randint(0, 6)}", "price": f"{rng.uniform(10, 200):.2f}",
        "d1": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}", "d2": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
        "day": day, "kind": kind,
    }


def _report(rng: random.Random, ev: dict, lang: str) -> str:
    vals = dict(ev)
    vals["day"] = _fmt_day(ev["day"], lang)
    if lang != "en":
        vals["x"] = vals["x"].replace(".", ",")
        vals["y"] = vals["y"].replace(".", ",")
        vals["z"] = vals["z"].replace(".", ",")
    sents = list(_T[ev["kind"]][lang])
    keep = [sents[0]] + [s for s in sents[1:] if rng.random() < 0.8]
    if rng.random() < 0.1 and "n" in vals:  # a wrong number now and then
        vals["n"] = int(vals["n"]) + rng.randint(1, 5)
    body = [s.format(**vals) for s in keep]
    body += rng.sample(_FILLER[lang], k=min(len(_FILLER[lang]), rng.randint(0, 2)))
    rng.shuffle(body[1:])
    return "\n\n".join(body)


def generate(n: int, seed: int = 1):
    """Yield ``n`` JSONL records (dicts) with a ``story`` label."""
    rng = random.Random(seed)
    n_entities = max(3, n // 40)
    entities = [_Entity(rng) for _ in range(n_entities)]
    start = dt.date(2023, 1, 1)
    made = 0
    ev_no = 0
    while made < n:
        ent = rng.choice(entities)
        kind = rng.choice(sorted(_T))
        day = start + dt.timedelta(days=rng.randint(0, 900))
        ev = _event(rng, ent, kind, day)
        story = f"{kind}-{ev_no:06d}"
        ev_no += 1
        for r in range(min(rng.randint(1, 8), n - made)):
            lang = rng.choices(["en", "es", "fr", "de"], weights=[6, 2, 1, 1])[0]
            pub = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            text = _report(rng, ev, lang)
            yield {
                "id": f"syn-{made:07d}", "story": story, "url": f"https://{_name(rng).lower()}.example/{story}/{r}",
                "outlet": f"{_name(rng).lower()}.example", "date": pub.isoformat() if rng.random() < 0.7 else None,
                "lang": lang, "title": f"{ev['A']}: {_HEADLINE[kind][lang]}", "text": text,
            }
            made += 1


def write(n: int, out: Path, seed: int = 1) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for rec in generate(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.gen_corpus", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", default=None, help="output JSONL (default bench/data/synthetic-N.jsonl)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    out = Path(args.out or Path(__file__).resolve().parent / "data" / f"synthetic-{args.n}.jsonl")
    write(args.n, out, args.seed)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
