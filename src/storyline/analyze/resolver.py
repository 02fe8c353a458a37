"""Resolve a speaker phrase to a name: remember who the article named, and who spoke last.

``Resolver`` keeps the people an article has named (from names.py when it found any, and from its own
title-plus-name scan otherwise), so "Rubio" becomes "Marco Rubio", "the minister" the last person
given a minister's title, and "he" the latest speaker or sentence subject before it (salience).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyline.analyze.speakers import (
    _REGISTRY,
    _TITLE_WORDS,
    Subject,
    _clean_name,
    _norm,
    _role_of,
    _split_title,
    is_orgish,
    looks_like_person_name,
)
from storyline.analyze.speechwords import HONORIFICS, PERSON_ROLE_NOUNS, PLACES
from storyline.lang.names import GIVEN_NAMES
from storyline.model import Mention

_POSSESSIVE_S = re.compile(r"[’']s$")


@dataclass
class Person:
    pos: int
    name: str
    role: str | None


@dataclass
class Event:
    pos: int
    speaker: str
    role: str | None
    person: bool


class _Spans:
    """Mentions indexed by where they start: ``near(lo, hi)`` gives, in their original order, the
    mentions that can overlap [lo, hi) - a few - instead of a scan of every mention in the text."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda i: (mentions[i].span[0], i))
        self.starts = [mentions[i].span[0] for i in self.order]
        self.longest = max((m.span[1] - m.span[0] for m in mentions), default=0)

    def near(self, lo: int, hi: int) -> list[Mention]:
        end = bisect.bisect_left(self.starts, hi)
        begin = bisect.bisect_left(self.starts, lo - self.longest, 0, end)
        return [self.mentions[i] for i in sorted(self.order[begin:end])]


class Resolver:
    """Turns a Subject into a speaker name, remembering who the article has named and who spoke last."""

    def __init__(self, text: str, names: list[Mention] | None = None):
        self.text = text
        self.names = [m for m in (names or []) if m.type in ("person", "org")]
        # places speak too ("Los Angeles warned"), and must never be cut into a person ("Angeles")
        self.places = [m for m in (names or []) if m.type == "place" or (m.type == "org" and " " in m.text)]
        # every character inside a place or organisation mention: one set look-up per registry match
        not_people = {i for m in (names or []) if m.type in ("place", "org") for i in range(m.span[0], m.span[1])}
        self.people: list[Person] = []
        self._events_by_kind: dict[bool, list[Event]] = {True: [], False: []}  # person? -> by position
        for m in self.names:
            if m.type == "person":
                inner, full = _split_title(_norm(m.canonical or m.text))  # "Oppositionsführer Karl Weiss"
                self.people.append(Person(m.span[0], full, m.role or _role_of(inner)))
        for hit in _REGISTRY.finditer(text):
            name = _clean_name(hit.group("name"))
            title = hit.group("title")
            if not name:
                continue
            name = _POSSESSIVE_S.sub("", name)
            prefix = text[hit.start() : hit.start("title") if title else hit.start("name")].strip()
            if prefix in GIVEN_NAMES and not title:
                name = f"{prefix} {name}"  # "Juan Morales": the nationality slot ("Pakistani") took "Juan"
            inner, name = _split_title(name)
            title = inner or title
            at = hit.start("name")
            if at in not_people:
                continue  # names.py knows this is a place or an organisation
            if (title and title not in HONORIFICS and not is_orgish(name)) or looks_like_person_name(name):
                if title is None and not looks_like_person_name(name):
                    continue
                self.people.append(Person(hit.start("name"), _norm(name), _role_of(title)))
        self.people.sort(key=lambda p: p.pos)
        self._index_people()
        self._index_names()

    # --- indexes: each look-up touches only the people or mentions it can match, so resolving
    # every speaker of a long text stays linear in its length (a scan of all people per speaker
    # grew with the square of the text) --------------------------------------------------------
    def _index_people(self) -> None:
        self._by_tail: dict[tuple[str, ...], list[Person]] = {}
        self._by_head: dict[str, list[Person]] = {}
        self._role_of_name: dict[str, str] = {}
        self._role_of_surname: dict[str, str] = {}
        self._titled: dict[str, list[Person]] = {}  # noun -> people whose title holds it (by_role)
        for p in self.people:
            toks = p.name.split()
            if p.role:
                self._role_of_name.setdefault(p.name, p.role)
                if toks:
                    self._role_of_surname.setdefault(toks[-1], p.role)
            if len(toks) < 2:
                continue
            for k in range(1, len(toks) + 1):
                self._by_tail.setdefault(tuple(toks[-k:]), []).append(p)
            self._by_head.setdefault(toks[0], []).append(p)

    def _index_names(self) -> None:
        self._names_near = _Spans(self.names)
        self._places_near = _Spans(self.places)
        # organisations by the last word of their name ("the trust" -> "Port Ellery Hospitals Trust")
        self._orgs_by_head: dict[str, list[tuple[int, str]]] = {}
        for m in sorted(self.names, key=lambda m: m.span[0]):
            name = _norm(m.canonical or m.text)
            if m.type == "org" and len(name.split()) >= 2:
                self._orgs_by_head.setdefault(name.split()[-1].lower(), []).append((m.span[0], name))

    def org_by_head(self, noun: str, pos: int) -> str | None:
        """The last organisation named before ``pos`` whose name ends in ``noun``: "the trust" after
        "The Port Ellery Hospitals Trust said"."""
        orgs = self._orgs_by_head.get(noun.lower(), [])
        before = bisect.bisect_left(orgs, pos, key=lambda o: o[0])
        return orgs[before - 1][1] if before else None

    # --- names ---------------------------------------------------------------------------------
    def widen(self, subj: Subject) -> Subject:
        """A name subject that is part of a longer place or organisation name grows to the whole of it.

        "Los Angeles warned": the name reader drops "Los" as an article and would resolve "Angeles";
        "the City of Los Angeles said" likewise. names.py knows the whole place; its span wins.
        """
        if subj.kind != "name" or not self.places:
            return subj
        s0, s1 = subj.span
        for m in self._places_near.near(s0, s1):
            # the mention must reach the subject's end: "Senate Minority Leader Harry M" (names.py cut at
            # the initial) is no place that "Harry M. Reid" is part of
            if m.span[0] < s1 and s0 < m.span[1] and m.span[1] >= s1 and (m.span[0] < s0 or m.span[1] > s1):
                if m.span[0] < s0 and self.text[m.span[0] : s0].strip() and m.type == "place" and subj.role:
                    continue
                lo, hi = min(s0, m.span[0]), max(s1, m.span[1])
                return Subject(self.text[lo:hi], (lo, hi), "name", name=m.canonical or m.text, role=subj.role)
        return subj

    def _place_at(self, span: tuple[int, int]) -> Mention | None:
        for m in self._places_near.near(*span):
            if m.span[0] <= span[0] and span[1] <= m.span[1]:
                return m
        return None

    def _mention_at(self, span: tuple[int, int]) -> Mention | None:
        """The names.py mention for a subject's name: the one ending where it ends, a person first."""
        hits = [m for m in self._names_near.near(*span) if m.span[0] < span[1] and span[0] < m.span[1]]
        if not hits:
            return None
        hits.sort(key=lambda m: (m.span[1] != span[1], m.type != "person", -(m.span[1] - m.span[0])))
        return hits[0]

    def canonical(self, name: str, pos: int) -> tuple[str, str | None]:
        """Fullest form of ``name`` seen in the article, and the role given with it."""
        name = _norm(name)
        toks = name.split()
        if not toks:
            return name, None
        # people named in full (two words or more) whose name ends with ``name``, else (one word)
        # begins with it; both lists are in order of position
        cands = self._by_tail.get(tuple(toks), [])
        if not cands and len(toks) == 1:
            cands = self._by_head.get(toks[0], [])
        if not cands:
            return name, self._role_of_name.get(name)
        before = bisect.bisect_right(cands, pos, key=lambda p: p.pos)
        pick = cands[before - 1] if before else cands[0]
        return pick.name, self._role_of_surname.get(pick.name.split()[-1])

    def last_person(self, pos: int) -> Person | None:
        """The last person named in full (two words or more) before ``pos``, in their fullest form."""
        k = bisect.bisect_left(self.people, pos, key=lambda p: p.pos)
        while k > 0:
            k -= 1
            p = self.people[k]
            if len(p.name.split()) >= 2:
                name, role = self.canonical(p.name, p.pos)
                return Person(p.pos, name, p.role or role)
        return None

    def by_role(self, noun: str, pos: int) -> Person | None:
        """The last person before ``pos`` whose title contains ``noun`` ("minister", "president")."""
        noun = noun.lower()
        titled = self._titled.get(noun)
        if titled is None:  # the people whose title holds this noun, in order of position (once per noun)
            titled = self._titled[noun] = [p for p in self.people if p.role and noun in p.role.lower()]
        before = bisect.bisect_right(titled, pos, key=lambda p: p.pos)
        if not before:
            return None
        p = titled[before - 1]
        name, _ = self.canonical(p.name, p.pos)
        return Person(p.pos, name, p.role)

    # --- salience ------------------------------------------------------------------------------
    def note(self, pos: int, speaker: str | None, role: str | None, person: bool) -> None:
        if speaker:
            event = Event(pos, speaker, role, person)
            # kept in order of position (a later note at an equal position after the earlier one)
            bisect.insort_right(self._events_by_kind[person], event, key=lambda e: e.pos)

    def salient(self, pos: int, person: bool = True) -> Event | None:
        """The latest event of this kind before ``pos`` (the last noted, where several share a position)."""
        events = self._events_by_kind[person]
        i = bisect.bisect_left(events, pos, key=lambda e: e.pos)
        return events[i - 1] if i else None

    def resolve(self, subj: Subject, pos: int | None = None) -> tuple[str | None, str | None, float, bool]:
        """(speaker, role, confidence, is_person) for ``subj``."""
        pos = subj.span[0] if pos is None else pos
        if subj.kind == "pronoun":
            if subj.group:
                if subj.text.lower() == "it":
                    e = self.salient(pos, person=False)
                    return (e.speaker, e.role, 0.6, False) if e else (None, None, 0.0, False)
                return None, None, 0.0, False
            e = self.salient(pos, person=True)
            if e is None:
                # nobody spoke or led a sentence yet: the last person the text named ("… the retired
                # neurosurgeon acknowledged …. “…,” he said" after "Ben Carson" further up)
                p = self.last_person(pos)
                lone = self.salient(pos, person=False)  # "Djokovic recalled": a surname speaker not yet sure a person
                if lone is not None and len(lone.speaker.split()) == 1 and not is_orgish(lone.speaker) and (
                        p is None or lone.pos > p.pos):
                    return lone.speaker, lone.role, 0.6, True
                return (p.name, p.role, 0.6, True) if p else (None, None, 0.0, True)
            return e.speaker, e.role, 0.8, True
        if subj.kind == "name" and subj.name and subj.name.split()[-1] in _TITLE_WORDS:
            # "said RBI Governor": a title with no name is a role, not an organisation
            p = self.by_role(subj.name.split()[-1], pos)
            if p:
                return p.name, p.role, 0.8, True
            return _norm(subj.text), None, 0.7, False
        if subj.kind == "name":
            name_span = subj.span
            if subj.name and subj.text.endswith(subj.name):
                name_span = (subj.span[1] - len(subj.name), subj.span[1])
            place = self._place_at(name_span)
            if place is not None and place.span == name_span:
                return _norm(place.canonical or place.text), subj.role, 0.9, False
            m = self._mention_at(name_span)
            if m is not None:
                speaker = _norm(m.canonical or m.text)
                role = subj.role or m.role
                if m.type == "person":
                    inner, speaker = _split_title(speaker)  # names.py kept a German role in the name
                    role = role or _role_of(inner)
                if (subj.role and subj.name and speaker.endswith(" " + _norm(subj.name))
                        and len(speaker.split()) > len(subj.name.split())):
                    # names.py kept the title in the name ("Passenger Yara Haddou",
                    # "Angeles Fire Department Chief Kristin Crowley"): keep the name we split off
                    speaker, _ = self.canonical(subj.name, pos)
                if m.type == "person":
                    _, reg_role = self.canonical(speaker, pos)
                    return speaker, role or reg_role, 1.0, True
                return speaker, role, 0.9, False
            speaker, role = self.canonical(subj.name or subj.text, pos)
            person = bool(subj.role) or len(speaker.split()) >= 2 and not is_orgish(speaker)
            if is_orgish(speaker):
                person = False
            return speaker, subj.role or role, 1.0 if person else 0.8, person
        if subj.kind == "office":
            owner = subj.name
            if owner:
                if owner in PLACES or is_orgish(owner):
                    return _norm(subj.text), None, 0.9, False
                full, role = self.canonical(owner, pos)
                return f"{full}'s office", subj.role or role, 0.9, False
            if subj.role:
                p = self.by_role(subj.role, pos)
                if p:
                    return f"{p.name}'s office", subj.role, 0.8, False
            return _norm(subj.text), None, 0.8, False
        if subj.kind == "report":
            return _norm(subj.name or subj.text), None, 0.8, False
        # nominal: "the minister" -> the last person with that title; "the trust" -> the trust named before
        noun = subj.text.split()[-1].lower()
        words = subj.text.split()
        if len(words) == 2 and words[0].lower() == "the":
            org = self.org_by_head(noun, pos)
            if org:
                return org, None, 0.8, False
        if noun not in {"company", "firm", "embassy", "ministry", "government", "police", "agency",
                        "department", "bank", "court", "officials", "official", "sources", "source"}:
            p = self.by_role(noun, pos)
            if p:
                return p.name, p.role, 0.8, True
        # "La alcaldesa explica …": an unnamed person with a role is still one person, so "incide" can
        # point back to her; "the company" or "officials" are not
        return _norm(subj.text), None, 0.7, noun in PERSON_ROLE_NOUNS
