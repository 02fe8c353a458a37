"""Publication dates written as a line at the top of a report: "Published March 10, 2026",
"Updated: 11 March 2026 10:42", "Metro Wire, March 11, 2026", "Diario del Puerto, 11 de marzo de 2026".

Why here and not in analyze/dates: the line is page furniture, not a sentence of the report. Left in,
it becomes an "event" in the compare timeline; taken out, it is the best evidence of the article's
date when the input (a .txt file) has no metadata. Only a fully written day counts (day, month and
year), because a wrong publication date shifts every relative date in the report.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.lang.calendar import MONTH_BY_NAME, WEEKDAY_BY_NAME
from storyline.lang.places import PLACES

_MONTH = r"(?P<mon>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_DATE_RES = (
    re.compile(rf"(?<!\d){_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}(?!\d)", re.I),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
)
_WEEKDAY = r"(?:[^\W\d_]{3,12}\.?,?\s+(?:the\s+|le\s+|el\s+|den\s+)?)?"
_TIME = (
    r"(?:\s*(?:,|at|um|à|a las|-|–|—|\|)?\s*[0-2]?\d[:.h][0-5]\d(?:\s*(?:a\.?m\.?|p\.?m\.?|Uhr|h))?"
    r"(?:\s*[A-Z]{2,4}|\s*\(?(?:UTC|GMT)[+-]?\d{0,2}\)?)?)?"
)
_DATE_ANY = (
    rf"(?:{_WEEKDAY}(?:[0-3]?\d(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?[^\W\d_]{{3,10}}\.?,?\s+(?:de\s+)?(?:19|20)\d{{2}}"
    rf"|[^\W\d_]{{3,10}}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-[01]\d-[0-3]\d))"
)
_NAME_WORD = r"[A-Z][\w&'’.-]*"
_OUTLET = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|del|la|le|of|the|du|des|di|der|die|am|y|&)){{0,5}}"
# "<Outlet>, <date>" and nothing else on the line
_OUTLET_DATE_RE = re.compile(rf"^(?P<outlet>{_OUTLET}),\s+(?P<date>{_DATE_ANY}{_TIME})\s*$")
# the tail of a byline: "…, Valley Gazette, March 11, 2026"
_TAIL_DATE_RE = re.compile(rf",\s+(?P<date>{_DATE_ANY}{_TIME})\s*$")
# words that name news outlets: a byline's ", Coastal Courier" is an outlet, ", Senior Reporter" is not
_NEWS_WORDS = frozenset(
    """Courier Gazette Times Post Wire News Herald Journal Tribune Daily Press Chronicle Telegraph Guardian
    Observer Mail Express Standard Record Star Sun Monitor Reporter Review Bulletin Dispatch Independent Radio
    TV Television Agency Report Today Weekly Messenger Examiner Inquirer Sentinel Register Ledger Gazzetta
    Diario Periódico Noticias Crónica Heraldo Correo Voz Mundo País Zeitung Nachrichten Rundschau Kurier
    Anzeiger Tagblatt Journal Quotidien Matin Libération Monde Presse Dépêche Corriere Stampa Repubblica
    Giornale Network Broadcasting Media Online""".split()
)
# job words: ", Senior Reporter" after an author is a job, not an outlet
_JOB_WORDS = frozenset(
    """Senior Staff Correspondent Correspondents Editor Editors Writer Writers Reporter Reporters Contributor
    Columnist Chief Political Business Science Health Special Foreign Deputy Associate""".split()
)
_NOT_OUTLETS = frozenset({"updated", "published", "posted", "last", "date", "by", "on", "at"})


def parse_day(text: str) -> str | None:
    """ISO day of the first fully written date (day, month name or number, year) in ``text``, else None."""
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            groups = m.groupdict()
            if groups.get("mon"):
                mon = MONTH_BY_NAME.get(groups["mon"].lower())
                if mon is None:
                    continue
            else:
                mon = int(groups["m"])
            try:
                return date(int(groups["y"]), mon, int(groups["d"])).isoformat()
            except ValueError:
                continue
    return None


def outlet_date_line(line: str) -> tuple[str | None, str] | None:
    """(outlet, ISO day) for a "<Outlet>, <date>" line; outlet is None when the name before the date is a
    place (a dateline such as "LONDON, March 11, 2026") or a label. None when the line is anything else."""
    if len(line) > 90:
        return None
    m = _OUTLET_DATE_RE.match(line)
    if not m:
        return None
    day = parse_day(m.group("date"))
    if day is None:
        return None
    outlet = m.group("outlet").strip()
    words = outlet.split()
    if words[0].lower() in _NOT_OUTLETS or words[0].lower().rstrip(".") in MONTH_BY_NAME or (
        words[0].lower().rstrip(",.") in WEEKDAY_BY_NAME
    ):
        return None
    if outlet.isupper() or outlet in PLACES or outlet.title() in PLACES:
        return None, day
    return outlet, day


def byline_tail(rest: str) -> tuple[str | None, str | None]:
    """(outlet, ISO day) from what follows the author in a byline: ", Coastal Courier", ", Valley
    Gazette, March 11, 2026". The outlet counts only when it has a news word in it (conservative)."""
    day = None
    m = _TAIL_DATE_RE.search(rest)
    if m:
        day = parse_day(m.group("date"))
        if day:
            rest = rest[: m.start()]
    outlet = rest.strip(" ,")
    words = [w.strip(".") for w in outlet.split()]
    if outlet and re.fullmatch(_OUTLET, outlet) and any(w in _NEWS_WORDS for w in words) and not any(
        w in _JOB_WORDS for w in words
    ):
        return outlet, day
    return None, day
