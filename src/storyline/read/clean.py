"""Remove scraping debris from an article's text while keeping every real sentence.

Scraped reports carry debris that breaks fact extraction: the headline pasted two or three times, a
bare short link, share/subscribe/"Also read" lines, bylines, a leading dateline and a bullet-point
standfirst. Each removal is recorded as a ``Removed`` so a reader can see exactly what was dropped.
Rules act on whole lines and are deliberately narrow: a line is removed only when it matches a
known debris form, because dropping a real sentence is worse than leaving some debris in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from storyline.lang.calendar import DATELINE_MONTH_DAY, ENGLISH_CALENDAR_WORD_ALT, match_date_marker
from storyline.model import Removed
from storyline.read._datelines import byline_tail, outlet_date_line, parse_day

__all__ = ["Cleaned", "clean_text", "looks_like_headline"]

_URL_LINE = re.compile(r"^(?:<?https?://\S+>?|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*)$", re.I)
_IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*\|?$")
_BULLET = re.compile(r"^\s*(?:[-•●▪‣*]\s+)(.+)$")

# Whole lines that are sharing, following, subscription, navigation or comment widgets.
# Case-insensitive, matched against the line with surrounding punctuation trimmed.
_SHARE = re.compile(
    r"^(?:share(?: this(?: article| story| post)?)?(?: on \w+)?|tweet|e-?mail|print|copy link|"
    r"facebook|twitter|whatsapp|linkedin|pinterest|gplus|reddit|telegram|"
    r"compartir(?: en \w+)?|recomendar a un amigo|partager(?: sur \w+)?|teilen(?: auf \w+)?|"
    r"artikel teilen|diesen artikel teilen)$",
    re.I,
)
_FOLLOW = re.compile(
    r"^(?:follow us(?:\s*(?::|on|at|for|in|via)\b.*)?|follow (?:the )?[\w .]{1,30} on (?:twitter|x|facebook|instagram|google news|whatsapp|"
    r"telegram|youtube|linkedin)\b.*|\[ ?follow ?\]|síguenos\b.*|suivez-nous\b.*|folgen sie uns\b.*)$",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"^(?:subscribe\b.*|sign up (?:for|to) (?:our|the) \w+.*|by signing up,? .*|get (?:the|our) \w+ newsletter.*|"
    r"suscr[íi]bete\b.*|abonnez-vous\b.*|inscrivez-vous\b.*|jetzt abonnieren\b.*|newsletter abonnieren\b.*|"
    r"get [\w ]{1,30} on the go by clicking here)$",
    re.I,
)
_RELATED = re.compile(
    r"^(?:also read|read also|read more|more from [\w .]+|related(?: (?:news|articles?|stories|posts|coverage|"
    r"topics|content|reading))?|recommended(?: stories| articles| for you)?|you may also like|see also|"
    r"lee (?:también|además|más)|leer más|te puede interesar|noticias relacionadas|relacionad[oa]s|"
    r"lire aussi|à lire aussi|a lire aussi|voir aussi|sur le même sujet|lesen sie auch|auch interessant|"
    r"mehr zum thema|weiterlesen|das könnte sie auch interessieren)(?:\s*[:|»›→-].*)?$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertisements|story continues below(?: advertisement)?|skip(?: links)?\s*skip to content|"
    r"skip to (?:main )?content|log ?in|sign in|listen to (?:this|the) article|"
    r"\d+ min(?:ute)?s? read|temps de lecture ?: ?\d+ ?min|lesezeit ?: ?\d+ ?min(?:uten)?|"
    r"report a typo|\[ ?load more ?\]|watch now|close|✕ close|notification icon|"
    r"your email address will not be published\.?(?: required fields are marked \*?)?|"
    r"required fields are marked \*?|tags?\s*:.{0,100})$",
    re.I,
)
# The related-links header alone on its line: the story links (headlines, their dates) follow it.
_RELATED_HEADER = re.compile(r"^(?:related(?: (?:news|articles?|stories|posts|coverage|reading))?|"
                             r"recommended(?: stories| articles| for you)?|you may also like|more stories|"
                             r"noticias relacionadas|sur le même sujet|mehr zum thema)$", re.I)
# A short line that asks the reader to do something for the outlet: watch it live, upgrade to its paid
# tier, join or follow it on a platform, get its app or newsletter. Page furniture in any outlet's words:
# an imperative call to action, a platform or a paid tier, and nothing else ("LIVE TV",
# "Unlock Exclusive Insights with <Brand> Premium", "Join our WhatsApp channel").
_PLATFORM = (r"(?:youtube|facebook|twitter|x|instagram|tiktok|whatsapp|telegram|linkedin|threads|bluesky|"
             r"google news|apple news|flipboard|snapchat|spotify|podcasts?|app|newsletters?|channel)")
_CALL_TO_ACTION = re.compile(
    r"^(?:live tv|watch live|live(?: updates| blog| stream)?|listen live|en direct|en vivo|en directo|live-ticker|"
    r"(?:unlock|get|enjoy|try|start|upgrade(?: to)?|become|go|access|read|join)\b.{0,80}\b(?:premium|plus|prime|"
    r"subscription|subscriber|membership|member|pro)\b(?!-).{0,40}|"
    rf"(?:join|follow|find|like|add|watch|listen to|get|download|install)\b.{{0,50}}\b(?:on|via|in|to) (?:our |the )?{_PLATFORM}\b.{{0,30}}|"
    rf"(?:join|follow|download|get|install)\b (?:our|the) (?:[\w'’&.-]+ ){{0,4}}{_PLATFORM}\b.{{0,40}}|"
    r"(?:click|tap) here\b.{0,60}|"
    r"(?:we use|this (?:web)?site uses) cookies\b.*|(?:accept|manage) (?:all )?cookies.*)$",
    re.I,
)
# A line that starts the reader-comments tail: it and everything after it is not the article.
_COMMENTS_START = re.compile(
    r"^(?:leave a reply|leave a comment|comments?|\d+ comments?|discussion about this post|"
    r"what's your reaction\??|commentaires?|comentarios|commentarios|kommentare|no hay comentarios.*|"
    r"tu comentario|votre commentaire|add a comment)$",
    re.I,
)

_NAME = r"[A-ZÀ-Ý][\w'’.-]*"
_BYLINE_BY = re.compile(
    rf"^(?:By|Von|Por|Par|Di|Door)\s+({_NAME}(?:\s+(?:{_NAME}|de|van|von|da|di|del|la|le|and|y|et|und|&|"
    rf"with|mit|avec|con)){{0,6}})$"
)
# "By Ines Okafor, Coastal Courier", "By Staff, Valley Gazette, March 11, 2026": the author, then a tail
_BYLINE_BY_TAIL = re.compile(
    rf"^(?:By|Von|Por|Par|Di|Door)\s+({_NAME}(?:\s+(?:{_NAME}|de|van|von|da|di|del|la|le)){{0,4}})(,\s+.{{3,80}})$"
)
_BYLINE_PIPE = re.compile(rf"^({_NAME}(?:\s+{_NAME}){{1,3}})\s*\|\s*([A-Z][\w&.' -]{{1,40}})$")
_BYLINE_POSTED = re.compile(r"^(?:posted|published|written) by\s+\S.{0,60}$", re.I)
_CREDIT = re.compile(
    r"^\(?(?:(?:writing|reporting|editing|additional reporting) by [^)]{1,120}|"
    r"(?:photo|photograph|picture|image|credit|source|foto|quelle)\s*(?:credit)?\s*[:–-]\s*[^.]{1,60})\)?$",
    re.I,
)

# "ISLAMABAD:", "BRIDGETOWN, Barbados (AP) —", "FRANKFURT (dpa-AFX) -", "New Delhi:", "RENTON, Wash. —".
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+){0,2}"
_PLACE_TAIL = r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
_MONTHS = DATELINE_MONTH_DAY
_AGENCY = r"(?: \([A-Za-z][\w .&-]{0,20}\))?"
_DATELINE = re.compile(
    rf"^(?P<place>(?:{_CAPS_PLACE}){_PLACE_TAIL})(?:, {_MONTHS})?{_AGENCY}\s*(?::|[—–―]|-(?= ))\s+(?=\S)"
    rf"|^(?P<tplace>{_TITLE_PLACE}{_PLACE_TAIL})(?:, {_MONTHS})?{_AGENCY}\s*(?::|[—–―])\s+(?=[A-Z\"“‘'])"
)
# Title-case words that start a paragraph with a colon but are labels, not places.
_NOT_PLACES = {
    "update", "updated", "note", "editor's note", "watch", "overview", "source", "photo", "breaking",
    "exclusive", "analysis", "opinion", "summary", "synopsis", "background", "context", "read", "also",
    "live", "video", "comment", "correction", "clarification", "key", "warning", "question", "answer",
    "above", "below", "meanwhile", "here", "there", "now", "today", "yesterday", "however", "more", "recall",
    "result", "results", "verdict", "listen", "quote", "fact", "facts", "why", "what", "how",
}

_TERMINAL = tuple('.!?:;"”’\'»)…')
_WS = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width space, BOM, soft hyphen, and C0 control characters other than tab and line breaks (a
# JSON string may carry "\u0000"; a terminal or a search index should never see them).
_INVISIBLE = re.compile(r"[\u200b\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class Cleaned:
    """The cleaner's result: the body text plus the pieces it lifted out of the debris."""

    text: str
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    summary: str | None = None
    marker_date: str | None = None  # the corpus date marker, when it gave a full day
    header_date: str | None = None  # a full day from a date line at the top ("Published March 10, 2026")
    outlet: str | None = None  # from a "<Outlet>, <date>" line or a byline's ", Coastal Courier"
    removed: list[Removed] = field(default_factory=list)


_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _norm_line(line: str) -> str:
    """Whitespace collapsed, invisible characters and a Markdown heading marker ("## ") dropped."""
    return _MD_HEADING.sub("", _WS.sub(" ", _INVISIBLE.sub("", line)).strip())


def _key(line: str) -> str:
    """Comparison key: lower case, words only (so punctuation and spacing quirks don't matter)."""
    return " ".join(re.findall(r"\w+", line.lower()))


def _trimmed(line: str) -> str:
    return line.strip(" \t•·|[]()*#>-–—:").strip()


_NOT_TITLE_WORDS = re.compile(
    rf"^(?:{ENGLISH_CALENDAR_WORD_ALT}"
    r"|updated?|published|posted|am|pm|ist|gmt|utc|bst|est|edt|pst|at|on|by|\w*\d\w*)$",
    re.I,
)
_TIME_WORDS = re.compile(
    rf"^(?:{ENGLISH_CALENDAR_WORD_ALT}"
    r"|updated?|published|posted|last|time|date|am|pm|a|p|m|ist|gmt|utc|bst|cet|cest|est|"
    r"edt|pst|pdt|hst|at|on|st|nd|rd|th|publié|publicado|actualizado|aktualisiert|veröffentlicht|le|el|am|um)$",
    re.I,
)


def _is_timestamp(line: str) -> bool:
    """"Updated 6 June 2025 at 11:59 IST", "08 Nov 2024": a page's time stamp, not a sentence."""
    if not re.search(r"\d", line) or len(line) > 80:
        return False
    return all(_TIME_WORDS.match(w) for w in re.findall(r"[^\W\d_]+", line))


_CAPTION = re.compile(r"©|\b(?:photo|photograph|picture|image|credit|foto|bild)\b|\b(?:AFP|AP|Reuters|Getty)\s*/", re.I)


def looks_like_headline(line: str) -> bool:
    """A short line of several words with no sentence-final period: how headlines look in scraped text.

    Dates, timestamps, photo captions and credits are short unpunctuated lines too; they are refused.
    """
    words = line.split()
    if not 3 <= len(words) <= 20 or len(line) > 160:
        return False
    if line.endswith((".", ",", ";", ":", "।", "。")) and not line.endswith("..."):
        return False
    if not (line[0].isalnum() or line[0] in "\"“‘'¿¡"):
        return False
    if _BULLET.match(line) or _URL_LINE.match(line) or _CAPTION.search(line) or _byline(line):
        return False
    content = [w for w in re.findall(r"[\w'’]+", line) if not _NOT_TITLE_WORDS.match(w)]
    if len(content) < 3:
        return False
    # Two sentences in one line ("Prices rose. Markets fell") are a paragraph, not a headline.
    return not re.search(r"[a-z]{3}[.!?] [A-Z]", line)


def _is_title_copy(line: str, title_key: str) -> bool:
    """The line is the title, the title repeated ("T T"), or a near-copy of it (a dropped "$36")."""
    if not title_key:
        return False
    key = _key(line)
    if not key:
        return False
    if key == title_key:
        return True
    n = len(title_key)
    if len(key) >= 2 * n and len(key) % (n + 1) == n and key == " ".join([title_key] * ((len(key) + 1) // (n + 1))):
        return True
    if abs(len(key) - n) <= max(4, n // 10):
        return SequenceMatcher(None, key, title_key, autojunk=False).ratio() >= 0.92
    return False


def _doubled(line: str) -> bool:
    """Alt text or captions glued to themselves: "Sky over the bank, via PASky over the bank, via PA"."""
    n = len(line)
    if n < 24:
        return False
    half = n // 2
    for a, b in ((line[:half], line[half:]), (line[:half], line[half + 1 :])):
        # A sentence said twice ("No. No.") is prose; a caption glued to itself has no full stop.
        if a.strip() and a.strip() == b.strip() and not a.strip().endswith((".", "!", "?", "”", '"')):
            return True
    return False


def _debris_kind(line: str) -> str | None:
    """The kind of debris a whole line is, or None for a line of the article."""
    if len(line) > 220:
        return None
    t = _trimmed(line)
    if not t:
        return "boilerplate" if line.strip() else None
    if _URL_LINE.match(line):
        return "url_line"
    if _IMAGE_LINE.match(line):
        return "image"
    if _SHARE.match(t):
        return "share_line"
    if len(line) <= 120 and (_FOLLOW.match(t) or _SUBSCRIBE.match(t) or _CALL_TO_ACTION.match(t)):
        return "share_line"
    if _RELATED.match(t):
        return "related_line"
    if _BOILERPLATE.match(t):
        return "boilerplate"
    if _CREDIT.match(line.strip()):
        return "credit"
    if _doubled(line):
        return "doubled_line"
    return None


def _byline(line: str) -> str | None:
    """The author named by a byline line ("By Jane Doe", "Jane Doe | Reuters"), else None."""
    m = _BYLINE_BY.match(line)
    if m:
        return m.group(1)
    m = _BYLINE_PIPE.match(line)
    if m and len(line.split()) <= 8:
        return m.group(1)
    if _BYLINE_POSTED.match(line):
        name = re.sub(r"^(?:posted|published|written) by\s+", "", line, flags=re.I)
        return re.split(r"\s+(?:on|at|[|•·-])\s+", name, maxsplit=1)[0]
    return None


def _byline_with_tail(line: str) -> tuple[str, str | None, str | None] | None:
    """(author, outlet, ISO day) for "By <name>, <outlet>[, <date>]" when the tail is an outlet or a date."""
    m = _BYLINE_BY_TAIL.match(line)
    if not m:
        return None
    outlet, day = byline_tail(m.group(2))
    if outlet is None and day is None:
        return None
    return m.group(1), outlet, day


def _note_day(result: Cleaned, day: str | None, line: str) -> None:
    """Keep the publication day: a "Published"/"Posted" line wins over "Updated", else the first one."""
    if day is None:
        return
    if result.header_date is None or re.match(r"\W*(?:published|posted|publié|publicado|veröffentlicht)\b", line, re.I):
        result.header_date = day


def _split_dateline(paragraph: str) -> tuple[str, str, str] | None:
    """(place, removed prefix, rest) when ``paragraph`` opens with a dateline."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place") or m.group("tplace")
    if m.group("tplace") and place.lower() in _NOT_PLACES:
        return None
    rest = paragraph[m.end() :]
    if len(rest.split()) < 4:  # "LONDON: Reuters" is no paragraph
        return None
    return place.strip(), m.group(0).strip(), rest


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (e-mail, plain-text wires): most lines of similar, moderate length."""
    body = [x for x in lines if x]
    if len(body) < 3:
        return False
    lengths = [len(x) for x in body]
    return max(lengths) <= 100 and sum(1 for n in lengths if n >= 40) >= 0.6 * len(body)


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs; otherwise every line stays its own paragraph.

    Only for text that looks wrapped at a fixed width; there, a line continues the one before when
    that one has no closing punctuation and this one starts in lower case. Scraped text puts one
    paragraph per line and a headline can be followed by a lower-case line, so it is left alone.
    """
    if not _hard_wrapped(lines):
        return lines
    out: list[str] = []
    prev_blank = True
    for line in lines:
        if not line:
            out.append("")
            prev_blank = True
            continue
        if not prev_blank and out and out[-1] and not out[-1].endswith(_TERMINAL) and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        prev_blank = False
    return out


def clean_text(text: str, *, title: str | None = None, guess_title: bool | str = True) -> Cleaned:
    """Clean ``text``; ``title`` (when known) is removed wherever it is repeated at the top.

    With ``guess_title`` the first line becomes the title when it looks like a headline and more text
    follows, or when it is repeated just below; with ``guess_title="repeated"`` only in the second case
    (for sources that said explicitly that they have no title).
    """
    result = Cleaned(text="", title=_norm_line(title) if title else None)
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    m = match_date_marker(text)
    if m:
        result.removed.append(Removed("date_marker", m.group(0).strip()))
        if len(m.group(1)) == 10:
            result.marker_date = m.group(1)
        text = text[m.end() :]

    lines = _unwrap([_norm_line(line) for line in text.split("\n")])
    body_start, bullets, title_key = _read_header(lines, result, guess_title)
    body = _standfirst_or_article(lines[body_start:], bullets, result)
    _lift_dateline(body, result)
    result.text = _paragraphs(_body_without_debris(body, title_key, result))
    return result


def _read_header(lines: list[str], result: Cleaned, guess_title: bool | str) -> tuple[int, list[str], str]:
    """Lift the header, the lines before the first paragraph of the article, into ``result``.

    Returns where the body starts, the standfirst bullets and the key of the title (found or guessed;
    the body drops later copies of it). Lines carrying a corpus date marker lose it in ``lines``.
    """
    bullets: list[str] = []
    title_key = _key(result.title) if result.title else ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line:
            line = _without_date_marker(lines, i, result)
        if not line:
            i += 1
            continue
        if title_key and _is_title_copy(line, title_key):
            result.removed.append(Removed("repeated_title", line))
            i += 1
            continue
        if _header_metadata(line, result):
            i += 1
            continue
        if line in ("By", "Von", "Por", "Par") and i + 1 < len(lines) and 0 < len(lines[i + 1].split()) <= 4:
            result.byline = result.byline or lines[i + 1]  # "By" alone on its line, the name on the next
            result.removed.append(Removed("byline", f"{line} {lines[i + 1]}"))
            i += 2
            continue
        if _header_bullet(line, bullets, result):
            i += 1
            continue
        if not title_key and not bullets and guess_title and _is_guessed_title(lines, i, guess_title != "repeated"):
            result.title = line
            title_key = _key(line)
            result.removed.append(Removed("repeated_title" if _repeated_below(lines, i) else "title", line))
            i += 1
            continue
        break
    return i, bullets, title_key


def _without_date_marker(lines: list[str], i: int, result: Cleaned) -> str:
    """``lines[i]`` without the corpus date marker that may follow a headline line (it is removed in
    ``lines`` too); the marker's full day is kept unless the text opened with one."""
    line = lines[i]
    m = match_date_marker(line)
    if m:
        result.removed.append(Removed("date_marker", m.group(0).strip()))
        if len(m.group(1)) == 10 and result.marker_date is None:
            result.marker_date = m.group(1)
        lines[i] = line = line[m.end() :].strip()
    return line


def _header_metadata(line: str, result: Cleaned) -> bool:
    """Lift one header line that is page metadata: a URL, debris, a timestamp, an "<Outlet>, <date>"
    line or a byline. Their facts (URL, publication day, outlet, author) go into ``result``."""
    if _URL_LINE.match(line):
        if result.url is None and re.match(r"^<?https?://", line):
            result.url = line.strip("<>")
        result.removed.append(Removed("url_line", line))
        return True
    kind = _debris_kind(line)
    if kind:
        result.removed.append(Removed(kind, line))
        return True
    if _is_timestamp(line):
        result.removed.append(Removed("timestamp", line))
        _note_day(result, parse_day(line), line)
        return True
    od = outlet_date_line(line)
    if od:  # "Metro Wire, March 11, 2026"
        result.removed.append(Removed("dateline", line))
        result.outlet = result.outlet or od[0]
        _note_day(result, od[1], line)
        return True
    return _header_byline(line, result)


def _header_byline(line: str, result: Cleaned) -> bool:
    """Lift a byline, alone ("By Jane Doe") or with the outlet and day after it ("By Ines Okafor,
    Coastal Courier"); the first author named wins."""
    author = _byline(line)
    if author:
        result.byline = result.byline or author
        result.removed.append(Removed("byline", line))
        return True
    tail = _byline_with_tail(line)
    if tail:
        author, outlet, day = tail
        result.byline = result.byline or author
        result.outlet = result.outlet or outlet
        _note_day(result, day, line)
        result.removed.append(Removed("byline", line))
        return True
    return False


def _header_bullet(line: str, bullets: list[str], result: Cleaned) -> bool:
    """Lift a bulleted header line: a short one ("• November 7, 2024") is page metadata, a longer one
    a point of the standfirst, collected in ``bullets``."""
    bm = _BULLET.match(line)
    if not bm:
        return False
    if len(bm.group(1).split()) < 4:
        result.removed.append(Removed("boilerplate", line))
        return True
    bullets.append(bm.group(1).strip())
    result.removed.append(Removed("standfirst", line))
    return True


def _standfirst_or_article(body: list[str], bullets: list[str], result: Cleaned) -> list[str]:
    """The body, with the header's bullets as its summary; but bullets with little after them are the
    article itself (a summary page), not a standfirst, so they become the body's first lines."""
    if bullets and _body_size(body) < 200:
        result.removed[:] = [r for r in result.removed if r.kind != "standfirst"]
        return [f"- {b}" for b in bullets] + [""] + body
    if bullets:
        result.summary = "\n".join(bullets)
    return body


def _lift_dateline(body: list[str], result: Cleaned) -> None:
    """Take a dateline ("PORT ALDER, March 3 -") off the first paragraph of ``body``, in place."""
    for j, line in enumerate(body):
        if line:
            split = _split_dateline(line)
            if split:
                place, prefix, rest = split
                result.dateline = place
                result.removed.append(Removed("dateline", prefix))
                body[j] = rest
            break


def _body_without_debris(body: list[str], title_key: str, result: Cleaned) -> list[str]:
    """The body's lines without debris anywhere in it (repeated titles, boilerplate, bylines) and
    without the comments that may follow the article."""
    kept: list[str] = []
    in_links = False  # inside the list of story links under a bare "Related News" line
    for j, line in enumerate(body):
        if not line:
            kept.append("")
            continue
        if in_links and (_is_timestamp(line) or looks_like_headline(line)):
            result.removed.append(Removed("related_line", line))
            continue
        in_links = False
        if _COMMENTS_START.match(_trimmed(line)) and _body_size(kept) >= 200:
            tail = [x for x in body[j:] if x]
            result.removed.append(Removed("comments", "\n".join(tail)))
            break
        if title_key and _key(line) != "" and _is_title_copy(line, title_key) and len(line) < 250:
            result.removed.append(Removed("repeated_title", line))
            continue
        kind = _debris_kind(line)
        if kind:
            result.removed.append(Removed(kind, line))
            in_links = kind == "related_line" and _RELATED_HEADER.match(_trimmed(line)) is not None
            continue
        by = _BYLINE_BY.match(line)
        if by:
            result.byline = result.byline or by.group(1)
            result.removed.append(Removed("byline", line))
            continue
        kept.append(line)
    return kept


def _is_guessed_title(lines: list[str], i: int, headline_ok: bool) -> bool:
    line = lines[i]
    rest = [x for x in lines[i + 1 :] if x]
    if not rest:
        return False
    if _repeated_below(lines, i):
        return True
    return headline_ok and looks_like_headline(line) and _body_size(rest) >= 2 * len(line)


def _repeated_below(lines: list[str], i: int) -> bool:
    key = _key(lines[i])
    if len(key) < 12 or lines[i].endswith("."):  # a repeated sentence is not a headline
        return False
    following = [x for x in lines[i + 1 : i + 8] if x][:4]
    return any(_is_title_copy(x, key) for x in following)


def _body_size(lines: list[str]) -> int:
    return sum(len(x) for x in lines)


def _paragraphs(lines: list[str]) -> str:
    """One paragraph per line, a single blank line between paragraphs."""
    return "\n\n".join(line for line in lines if line)
