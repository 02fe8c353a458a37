"""What an article is about, as weighted tokens of four kinds: words, names, numbers and dates.

Why: two reports of one event share its rare specifics (the 6.25 %, the name of the fire, the day)
in any language, while two events of one kind share only vocabulary. Numbers, dates and name
skeletons are language-independent; words only help within one language.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.group.instance import PREFIX, figure_tags
from storyline.group.instance import tags as instance_tags
from storyline.group.timeinfo import EventTime, TextDate, event_time, find_text_dates
from storyline.lang.calendar import strip_date_marker
from storyline.lang.fold import fold, fold_digits, skeleton
from storyline.lang.numbers import number_tokens
from storyline.model import Article

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

# Short, very frequent function words cost time and carry nothing; IDF would down-weight them
# anyway, but dropping the shortest keeps vectors small.
_MIN_WORD = 3


@dataclass
class Features:
    """Token -> weight before IDF. Prefixes: w: word, n: number, d: date, k: name skeleton,
    x: instance tag (a cannot-link key, not scored; see instance.py)."""

    tokens: Counter[str] = field(default_factory=Counter)
    time: EventTime = field(default_factory=EventTime)
    lang: str | None = None

    # A store keeps features as opaque data (store/db.py): they say how they are written, read back
    # and indexed, so the store never learns what a token kind is.

    def to_json(self) -> str:
        """The stored form: tokens sorted, so equal features are equal strings."""
        t = self.time
        return json.dumps(
            {"tokens": dict(sorted(self.tokens.items())), "lang": self.lang,
             "time": [t.lo, t.hi, t.exact, t.year_known, t.reliable]},
            ensure_ascii=False, separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> Features:
        d = json.loads(data)
        return cls(tokens=Counter(d["tokens"]), time=EventTime(*d["time"]), lang=d.get("lang"))

    def counted_tokens(self) -> list[str]:
        """Every token, once: what the corpus-wide document frequencies count."""
        return sorted(self.tokens)

    def posted_tokens(self) -> list[str]:
        """The tokens a store posts for looking up neighbours: the kinds blocking keys are made of."""
        from storyline.group.blocking import KEY_KINDS  # blocking imports this module

        return [t for t in self.counted_tokens() if t[0] in KEY_KINDS]


def _is_year(tok: str) -> bool:
    return len(tok) == 4 and tok.isdigit() and 1900 <= int(tok) <= 2099


def _name_candidates(raw: str) -> list[str]:
    """Capitalised words not opening a sentence (Latin, Greek, Cyrillic), and all words of
    caseless scripts (their names cannot be told from other words; skeletons of common words
    rarely collide with names in another script)."""
    out: list[str] = []
    for m in _WORD.finditer(raw):
        w = m.group(0)
        if w[0].isupper() and len(w) >= 3:
            before = raw[max(0, m.start() - 3): m.start()].rstrip(" \t\"'«“‘(")
            if before and before[-1] not in ".!?\n:•-—|":
                out.append(w)
        elif not w[0].islower() and not w[0].isupper() and len(w) >= 2:
            out.append(w)
    return out


ORD_TAG = PREFIX + "ord="

# International bodies are abbreviated differently by language ("WHO" is "OMS" in French and Spanish),
# and a skeleton of three capitals keeps too little: each set below is one name token in any language.
_ALIASES = [
    "WHO OMS ВОЗ ΠΟΥ", "UN ONU UNO ООН ΟΗΕ", "EU UE ЕС ΕΕ", "ECB EZB BCE ЕЦБ ΕΚΤ", "IMF FMI IWF МВФ ΔΝΤ",
    "NATO OTAN НАТО ΝΑΤΟ", "WTO OMC ВТО", "DRC RDC ДРК", "UNICEF УНИСЕФ", "IAEA AIEA МАГАТЭ",
]
ALIAS = {a: group.split()[0].lower() for group in _ALIASES for a in group.split()}
_ACRONYM = re.compile(r"(?<![\w.])(" + "|".join(sorted(ALIAS, key=len, reverse=True)) + r")(?!\w|\.\w)")


def _acronyms(raw: str) -> list[str]:
    """Canonical acronym tokens, skipping words in an all-caps headline or banner ("READ MORE")."""
    out = []
    for m in _ACRONYM.finditer(raw):
        lo = max(raw.rfind("\n", 0, m.start()) + 1, m.start() - 30)
        hi = raw.find("\n", m.end())
        hi = min(len(raw) if hi < 0 else hi, m.end() + 30)
        if any(c.islower() for c in raw[lo:hi]):  # within its own line
            out.append(ALIAS[m.group(1)])
    return out


# The lead (title and opening) states the event; later paragraphs give background, often about
# earlier events of the same kind (the previous eruption, the first trial). Lead tokens count more.
LEAD_CHARS = 400
LEAD_WEIGHT = 3


def _segment_tokens(raw: str) -> tuple[Counter[str], list[TextDate]]:
    folded = fold(raw)
    toks: Counter[str] = Counter()
    for m in _WORD.finditer(folded):
        w = m.group(0)
        if len(w) >= _MIN_WORD:
            toks["w:" + w] += 1
    for n in number_tokens(folded):
        if _is_year(n):
            toks["d:" + n] += 1
        elif n not in ("0", "1"):
            toks["n:" + n] += 1
    for name in _name_candidates(raw):
        if name in ALIAS:
            continue
        sk = skeleton(fold(name))
        if len(sk) >= 3:
            toks["k:" + sk] += 1
    for a in _acronyms(raw):
        toks["k:=" + a] += 1
    dates = find_text_dates(folded)
    for d in dates:
        if d.day and d.year:
            toks[f"d:{d.year:04d}-{d.month:02d}-{d.day:02d}"] += 1
        if d.day:
            toks[f"d:--{d.month:02d}-{d.day:02d}"] += 1
        if d.year:
            toks[f"d:{d.year:04d}-{d.month:02d}"] += 1
    return toks, dates


# What follows the lead's cut up to the end of its sentence (at most 200 characters).
_SENTENCE_REST = re.compile(r"[^.!?।\n]{0,200}")


def _sentence_rest(rest: str) -> str:
    m = _SENTENCE_REST.match(rest)
    return m.group(0) if m else ""


def _split_lead(text: str) -> tuple[str, str]:
    if len(text) <= LEAD_CHARS:
        return text, ""
    cut = text.rfind(" ", 0, LEAD_CHARS)
    cut = cut if cut > LEAD_CHARS // 2 else LEAD_CHARS
    return text[:cut], text[cut:]


# The Article fields extract() reads (with timeinfo.event_time): a store refreshing its features
# loads only these, five times faster than whole records with their facts.
FIELDS = ("id", "text", "title", "date", "lang", "removed")


def extract(article: Article) -> Features:
    """Tokens of one article: its title and text, with the leading date marker removed."""
    raw_text = fold_digits(strip_date_marker(article.text or ""))  # the marker is read by event_time
    title = fold_digits(article.title or "")
    lead, rest = _split_lead(raw_text)
    toks, rest_dates = _segment_tokens(rest)
    lead_toks, _ = _segment_tokens(title) if title else (Counter(), [])
    body_toks, lead_dates = _segment_tokens(lead)
    for tok, n in (lead_toks + body_toks).items():
        toks[tok] += LEAD_WEIGHT * n
    lead_tags = instance_tags(title + "\n" + lead)  # which instance of a recurring event (instance.py)
    if rest and not any(t.startswith(ORD_TAG) for t in lead_tags):
        # An event counter ("the ninth eruption since 2023") often comes after the lead; the lead's
        # own counter, where it has one, wins over any in the background paragraphs.
        lead_tags += [t for t in instance_tags(rest) if t.startswith(ORD_TAG)]
    # Headline figures and the event's name, read to the end of the sentence the lead's cut falls in.
    lead_tags += figure_tags(title + "\n" + lead + _sentence_rest(rest))
    for tag in lead_tags:
        toks[tag] = 1
    time = event_time(article, article.text or "", lead_dates + rest_dates)
    return Features(tokens=toks, time=time, lang=article.lang)


__all__ = ["FIELDS", "Features", "extract"]
