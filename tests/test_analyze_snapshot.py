"""The fast paths of ``analyze`` give exactly what the plain paths give.

- ``analyze`` reads speech once and shares it between quotes and attributions: the result must equal
  calling ``find_quotes`` / ``find_attributions`` on their own.
- the name registry's look-ahead must not change which names it finds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.analyze import analyze
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
