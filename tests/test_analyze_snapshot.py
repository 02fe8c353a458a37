"""The fast paths of ``analyze`` give exactly what the plain paths give.

- ``analyze`` reads speech once and shares it between quotes and attributions: the result must equal
  calling ``find_quotes`` / ``find_attributions`` on their own.
- ``split_sentences`` cuts with a re-implementation of syntok's rules: the sentences must equal
  syntok's own, on invented reports, on randomised text and on the dev corpus when it is present.
- the name registry's look-ahead must not change which names it finds.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from storyline.analyze import analyze
from storyline.analyze import sentences as sentences_mod
from storyline.analyze.attributions import find_attributions
from storyline.analyze.quotes import find_quotes
from storyline.analyze.speakers import _REGISTRY, _REGISTRY_STARTS
from storyline.model import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "analyze"
TEXTS = sorted(FIXTURES.glob("*.txt"))
LANGS = {"harbour_strike": "en", "rathaus_de": "de", "puente_es": "es"}


def _article(path: Path, lang: str | None) -> Article:
    return analyze(Article(id=path.stem, text=path.read_text(encoding="utf-8"), lang=lang))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("given_lang", [True, False], ids=["lang", "nolang"])
def test_shared_speech_equals_standalone_finders(path, given_lang):
    art = _article(path, LANGS[path.stem] if given_lang else None)
    assert art.quotes and art.attributions  # the fixtures are written to have both
    alone_q = find_quotes(art.text, art.sentences, art.names, lang=art.lang)
    alone_a = find_attributions(art.text, art.sentences, art.names, lang=art.lang)
    assert [q.to_dict() for q in art.quotes] == [q.to_dict() for q in alone_q]
    assert [a.to_dict() for a in art.attributions] == [a.to_dict() for a in alone_a]
    # and without sentences given, the finders split the text themselves the same way
    assert [q.to_dict() for q in find_quotes(art.text, [], art.names, lang=art.lang)] == [
        q.to_dict() for q in alone_q
    ]


def test_fixture_quotes_have_the_expected_speakers():
    """A guard that the shared path is not trivially empty: a few speakers read off the fixtures."""
    art = _article(FIXTURES / "harbour_strike.txt", "en")
    speakers = {q.text: q.speaker for q in art.quotes if q.kind == "direct"}
    assert speakers["We are not asking for the moon"] == "Mara Ellison"
    assert speakers["The agreement signed in 2021 is still in force"] == "Daniel Okafor"
    de = _article(FIXTURES / "rathaus_de.txt", "de")
    assert any(q.speaker and q.speaker.endswith("Karl Weiss") for q in de.quotes if q.kind == "direct")


def _same_as_syntok(text: str) -> bool:
    return sentences_mod._spans(text) == sentences_mod._syntok_spans(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_splitter_matches_syntok_on_fixtures(path):
    text = path.read_text(encoding="utf-8")
    assert _same_as_syntok(text)
    assert len(sentences_mod.split_sentences(text)) >= 6


_POOL = (
    "the a said he She The It In However Mr. Mrs. Dr. No. no. U.S. U.S Sept. Jan. 5 12 2024 1,000 3.5 100 "
    "( ) [ ] { } “ ” \" ' ’ ‘ « » ... . ! ? ; : , - — – iPhone McDonald co-op don't donʼt ʼ ʹ e.g. i.e. A. B "
    "IV. IV XII. Inc. Corp. etc. vs. Müller señaló ǅx ÉCOLE Über a.m. (AP) (Reuters). word. word, word! "
    "x. y? Z! 5. 12. Fig. St. (see below) .5 $5 5% #tag fooBar foo_bar ab-Cd 9am n't O’Neil l’homme 3) "
    "a) b. ..Then ?! ;) “Yes.” (Yes.) Mar 5 May. Okt. Nr. 7 Tue. ¿Qué ¡Hola"
).split()
_SEPS = [" ", " ", " ", "", "\n", "\n\n", "\u00a0", "\t", " \n ", "\u200b"]
_CHARS = "abcxyzABCXYZéÉüÜßǅʼʹ´'’0129½²٣.,;:!?()[]{}“”\"«»-‐_—…/ \n\t\u00a0\u200b\u3002"


def test_splitter_matches_syntok_on_random_token_soup():
    rng = random.Random(20261122)
    for _ in range(1500):
        parts = [rng.choice(_SEPS) if k % 2 else rng.choice(_POOL) for k in range(rng.randint(1, 60))]
        text = "".join(parts)
        assert _same_as_syntok(text), repr(text)


def test_splitter_matches_syntok_on_random_characters():
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(_CHARS) if rng.random() < 0.5 else rng.choice("aaaa eeee tt  Ss. ")
                       for _ in range(rng.randint(0, 120)))
        assert _same_as_syntok(text), repr(text)


def test_splitter_matches_syntok_on_dev_corpus(dev_corpus):
    texts = [json.loads(line)["text"] for line in dev_corpus.read_text(encoding="utf-8").splitlines()]
    bad = [i for i, t in enumerate(texts) if not _same_as_syntok(t)]
    assert not bad


def test_registry_lookahead_finds_the_same_names():
    plain = re.compile(_REGISTRY.pattern[len(_REGISTRY_STARTS) :])
    assert plain.pattern != _REGISTRY.pattern
    for path in TEXTS:
        text = path.read_text(encoding="utf-8") + " administer Mr. Brandt, former minister Ana Ruiz, al-Sadr d’Arc"
        fast = [(m.span(), m.group("title"), m.group("name")) for m in _REGISTRY.finditer(text)]
        slow = [(m.span(), m.group("title"), m.group("name")) for m in plain.finditer(text)]
        assert fast == slow and fast


def test_titles_grouped_by_first_character_match_like_the_flat_alternation():
    from storyline.analyze import speakers

    assert speakers.TITLE != speakers.TITLE_FLAT
    checked = 0
    for name in ("_NAME_END", "_NAME_START", "_TITLED_NAME_START", "_DET_NAME", "_OWNER_END"):
        rx = getattr(speakers, name)
        assert speakers.TITLE in rx.pattern
        flat = re.compile(rx.pattern.replace(speakers.TITLE, speakers.TITLE_FLAT), rx.flags)
        for path in TEXTS:
            text = path.read_text(encoding="utf-8")
            for w in re.finditer(r"\S+", text):
                piece = text[max(0, w.start() - 100) : w.start()].rstrip() if name.endswith("_END") else text[w.start() :][:160]
                a = rx.search(piece) if name.endswith("_END") else rx.match(piece)
                b = flat.search(piece) if name.endswith("_END") else flat.match(piece)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, piece)
                checked += a is not None
    assert checked > 20
