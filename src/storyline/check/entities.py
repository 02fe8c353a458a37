"""Names per article for the name checks: the extractor's Mentions when it found any, else a plain
capitalised-word fallback so the checks still work on articles analysed without the names step."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.lang.fold import fold_word
from storyline.lang.stopwords import STOPWORDS
from storyline.lang.terms import TITLES
from storyline.model import Article, as_span

CAP_SEQ = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*[\w](?:\s+(?:de|del|van|von|al|bin|la|le|da|di)\b)?\s*)+", re.UNICODE)
_LEADING = frozenset(TITLES) | {"field", "secretary", "state", "mr", "mrs", "ms", "dr", "the", "u.s.", "us", "fire",
                                 "police", "army", "foreign", "finance", "interior", "defence", "defense",
                                 "health", "vice", "acting", "former", "union"}


@dataclass(frozen=True)
class NameOcc:
    text: str  # the name as written, without a leading title
    type: str  # person, org, place, other
    sentence: int
    span: tuple[int, int]


def _untitled(text: str, type_: str, sentence: int, span: tuple[int, int]) -> NameOcc | None:
    """The mention without leading titles ("Councillor Anja Lindqvist" -> "Anja Lindqvist")."""
    words = text.split()
    offset = 0
    while len(words) > 1 and fold_word(words[0]).rstrip(".") in _LEADING:
        offset = text.index(words[1], offset + len(words[0]))
        words = words[1:]
    if not words:
        return None
    return NameOcc(text[offset:], type_, sentence, (span[0] + offset, span[1]))


def names_of(article: Article) -> list[NameOcc]:
    if article.names:
        return [occ for m in article.names if (occ := _untitled(m.text, m.type, m.sentence, as_span(m.span)))]
    out = []
    for s in article.sentences:
        for m in CAP_SEQ.finditer(s.text):
            words = m.group().split()
            offset = m.start()
            # drop leading titles and a sentence-initial function word ("The", "In")
            while words and (fold_word(words[0]) in _LEADING or fold_word(words[0]) in STOPWORDS):
                offset = s.text.index(words[0], offset) + len(words[0])
                words = words[1:]
            if not words:
                continue
            if m.start() == 0 and len(words) == 1 and m.group().split()[0] == words[0]:
                continue  # a lone capitalised word opening a sentence is usually not a name
            words[-1] = re.sub(r"['’]s$", "", words[-1])
            text = " ".join(words)
            start = s.text.index(words[0], offset)
            out.append(NameOcc(text, "other", s.index, (s.start + start, s.start + start + len(text))))
    return out
