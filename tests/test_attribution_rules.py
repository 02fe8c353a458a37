"""Speaker rules chosen on PolNeAR train (eval/polnear.py), each on a text written for this test."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.model import Article


def speakers(text: str) -> list[tuple[str, str | None]]:
    art = analyze(Article(id="t", text=text, lang="en"))
    return [(q.text, q.speaker) for q in art.quotes if q.kind == "direct"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a post-posed speaker with an apposition that has no article
    ("“Bond markets are nervous,” Dara Quill, chief market strategist at Fenwick Capital, said.", "Dara Quill"),
    ("“We raised more than ever,” Tomas Reyne, Halvorsen’s campaign manager, said in a statement.", "Tomas Reyne"),
    # any past-tense verb right beside the quotation
    ("Senator Ada Brisk toured the plant. “Go out and vote,” Brisk implored.", "Ada Brisk"),
    ("Governor Lena Ostrow took the stage. Ostrow pleaded: “Give us one more year.”", "Lena Ostrow"),
    # a learned cue: quoted words chanted, barked
    ("“Four more years!” some protesters chanted outside.", "some protesters"),
    # organisations and outlets
    ("“The deal is off,” the newspaper reported, citing two officials.", "the newspaper"),
    ("“The deal is off,” The Ledger reported.", "Ledger"),
    # a determiner phrase that is the whole clause
    ("“If you are in the Senate,” the investor said, “that is even worse.”", "the investor"),
    ("“We will win,” said one former campaign aide.", "one former campaign aide"),
    # a colon clause and a participle
    ("Republican pollster Mara Vint: “It is the timing.”", "Mara Vint"),
    ("Senator Joel Marsh compared himself to his rival, saying, “I have the record.”", "Joel Marsh"),
    # a quote paragraph signed on the next line
    ("Intro paragraph.\n“We will build it.”\n- Petra Lund.\nMore text.", "Petra Lund"),
])
def test_speaker_is_found(text, speaker):
    got = speakers(text)
    assert got and all(s == speaker for _, s in got), got


def test_new_cues_do_not_make_reported_speech_on_their_own():
    art = analyze(Article(id="t", text="The committee began the hearing with a long statement about the budget.", lang="en"))
    assert not [q for q in art.quotes if q.kind == "indirect"]
