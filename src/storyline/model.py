"""The records that flow through storyline: plain dataclasses that serialise to JSON-ready dicts.

Every fact carries a ``span``: [start, end) character offsets into ``Article.text`` (the cleaned text),
so any statement storyline makes can be traced back to the exact characters it rests on.
Fields are only ever added (with defaults), never renamed: the JSON output is a contract.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

Span = tuple[int, int]


def as_span(span: Sequence[int]) -> Span:
    """``span`` as a (start, end) tuple: a span read back from JSON is a list, which neither hashes
    nor compares equal to the tuple it was."""
    return (span[0], span[1])


class Record:
    """Mixin giving dataclasses a lossless ``to_dict`` / ``from_dict`` round trip."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        return [_load(args[0], v) for v in value]
    if origin is tuple:
        return tuple(value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


@dataclass
class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


@dataclass
class Quote(Record):
    """A quote. ``kind`` is "direct" (inside quote marks), "indirect" ("X said that ...") or "mention":
    a fragment of 1-3 words in quote marks that nobody is said to say (a term, a title, a scare quote:
    the so-called “moderate” rebels). Mentions are kept so that nothing is lost, but they are nobody's
    speech: never counted as quotes, grouped into utterances or checked for variants."""

    text: str
    span: Span
    kind: str = "direct"
    sentence: int = 0
    speaker: str | None = None  # resolved full name, e.g. "Marco Rubio"
    speaker_role: str | None = None  # e.g. "Secretary of State"
    speaker_mention: str | None = None  # the words it was resolved from: "he", "Rubio", "the minister"
    speaker_span: Span | None = None
    partial: bool = False  # a fragment quoted inside a sentence of the reporter's own
    confidence: float = 1.0


@dataclass
class Quantity(Record):
    """A number with its unit. ``kind``: money, percent, count, measure, range or change.

    For a range or a change ("from 29 percent to 19 percent") ``value`` is the first figure and
    ``value_to`` the second. ``normalized`` is ``value`` in base units (500 million -> 500000000).
    """

    text: str
    span: Span
    kind: str
    value: float
    unit: str | None = None
    normalized: float | None = None
    value_to: float | None = None
    normalized_to: float | None = None
    sentence: int = 0
    context: str | None = None  # the noun it counts or measures: "deaths", "tariffs", "acres"


@dataclass
class DateMention(Record):
    """A date or period. ``value`` is ISO: "2025-07-19" (day), "2025-07" (month), "2025" (year).

    ``start``/``end`` bound the period as ISO days (inclusive); ``confidence`` is 0..1 and is lower
    for resolutions that guessed (a weekday with no article date, a month with no year).
    """

    text: str
    span: Span
    value: str | None
    start: str | None = None
    end: str | None = None
    granularity: str = "day"  # day, month, year, week, time, season
    confidence: float = 1.0
    sentence: int = 0
    time: str | None = None  # "15:00" when a clock time is given


@dataclass
class Mention(Record):
    """A name. ``type``: person, org, place, other. ``canonical`` is the fullest form in the article."""

    text: str
    span: Span
    type: str
    canonical: str | None = None
    role: str | None = None  # "Secretary of State", "Prime Minister", "Field Marshal"
    acronym: str | None = None  # "USSM" for "US Strategic Metals (USSM)"
    expansion: str | None = None  # "US Strategic Metals" for "USSM"
    sentence: int = 0


@dataclass
class Attribution(Record):
    """Whom a report cites: "according to official figures", "a Dawn report said"."""

    source: str
    text: str
    span: Span
    kind: str = "said"  # said, according_to, report, office, statement
    sentence: int = 0


@dataclass
class Removed(Record):
    """A piece of scraping debris the cleaner removed, and why."""

    kind: str  # repeated_title, url_line, share_line, related_line, byline, dateline, standfirst
    text: str


@dataclass
class Article(Record):
    id: str
    text: str
    source: str = ""  # the input it came from: a path, path:line, or URL
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO date of publication, when known
    lang: str | None = None
    byline: str | None = None
    dateline: str | None = None  # "ISLAMABAD"
    summary: str | None = None  # bullet-point standfirst
    removed: list[Removed] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    names: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing character ``offset`` (the last one before it otherwise)."""
        best = 0
        for s in self.sentences:
            if s.start <= offset:
                best = s.index
            else:
                break
        return best


@dataclass
class ReadError(Record):
    """An input that could not be read. The batch goes on; this record says what and how to fix it."""

    input: str
    reason: str
    hint: str = ""
    is_error: ClassVar[bool] = True

    def message(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.input}: {self.reason}{hint}"


@dataclass
class Story(Record):
    id: str
    articles: list[str]
    title: str | None = None
    method: str = ""  # e.g. "storyline.group.events.v1"
    start: str | None = None
    end: str | None = None


@dataclass
class Evidence(Record):
    article: str
    sentence: int
    text: str
    span: Span | None = None  # within the article's cleaned text


@dataclass
class Claim(Record):
    id: str
    text: str
    status: str  # corroborated, single-source, contested
    support: list[Evidence] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class Finding(Record):
    kind: str  # quote_variant, number_conflict, date_conflict, place_conflict, name_variant, ...
    summary: str
    evidence: list[Evidence] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    score: float = 1.0


@dataclass
class TimelineEvent(Record):
    date: str
    text: str
    sources: list[Evidence] = field(default_factory=list)
    end: str | None = None
    granularity: str = "day"


@dataclass
class Dossier(Record):
    schema_version: str
    articles: list[dict[str, Any]]
    same_story: dict[str, Any]
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    method: dict[str, Any] = field(default_factory=dict)
    errors: list[ReadError] = field(default_factory=list)
    # counts and the most important findings (storyline.check.ranking); JSON shows it first
    summary: dict[str, Any] = field(default_factory=dict)
    fidelity: dict[str, Any] | None = None  # every report against the primary source, when there is one

    def to_dict(self) -> dict[str, Any]:
        """Without a primary source the dossier has no ``fidelity`` key at all (not a null)."""
        out = super().to_dict()
        if out.get("fidelity") is None:
            out.pop("fidelity", None)
        return out


def with_unique_ids(articles: typing.Iterable[Article]) -> list[Article]:
    """``articles`` with every id unique: a repeated id gets "#2", "#3", ... in input order.

    Why: two inputs can carry one id (the same JSONL id in two files, one URL fetched twice), and
    every input must still appear once in a story and in a dossier. The library and the CLI both
    rename this way; a renamed article is a copy, so the caller's records are left as they were.
    """
    arts = list(articles)
    taken = {a.id for a in arts}
    count: dict[str, int] = {}
    out: list[Article] = []
    for art in arts:
        count[art.id] = count.get(art.id, 0) + 1
        if count[art.id] > 1:
            new = f"{art.id}#{count[art.id]}"
            while new in taken:  # an input already called "x#2": keep counting
                count[art.id] += 1
                new = f"{art.id}#{count[art.id]}"
            taken.add(new)
            art = dataclasses.replace(art, id=new)
        out.append(art)
    return out
