"""date_conflict on invented reports: the same kind of event on two days is a conflict even when the
sentences are worded apart; resolution guesses (a relative day, an unwritten year, the first day of
a span) and other events' days are not."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare, events
from storyline.model import Article, DateMention


def report(id_: str, text: str, date: str = "2031-03-14", lang: str = "en") -> Article:
    return analyze(Article(id=id_, text=text, lang=lang, date=date))


def day(article: Article, text: str, value: str) -> DateMention:
    start = article.text.index(text)
    return DateMention(text=text, span=(start, start + len(text)), value=value, start=value, end=value,
                       granularity="day", sentence=article.sentence_at(start))


def with_dates(article: Article, *dates: tuple[str, str]) -> Article:
    article.dates = [day(article, t, v) for t, v in dates]
    return article


def date_conflicts(*articles):
    return [f for f in compare(list(articles), method="lexical").findings if f.kind == "date_conflict"]


def test_verdict_on_two_days_in_differently_worded_sentences():
    a = with_dates(report("a", "After ten weeks of hearings in Calder, the jury returned its verdict on 12 March 2031. "
                          "The defence said it would study the ruling."), ("12 March 2031", "2031-03-12"))
    b = with_dates(report("b", "On 14 March 2031, the former harbour master Ivo Brandt was convicted by the Calder "
                          "court of fraud and bribery."), ("14 March 2031", "2031-03-14"))
    found = date_conflicts(a, b)
    assert len(found) == 1 and found[0].details["event"] == "verdict"
    assert {e.article for e in found[0].evidence} == {"a", "b"}


def test_another_events_day_is_not_the_event():
    a = with_dates(report("a", "The Kestrel central bank cut its key rate to 3 percent on Thursday in Veldt, "
                          "its first cut in four years."), ("Thursday", "2031-03-13"))
    b = with_dates(report("b", "The Kestrel decision came just after the Harbour Reserve held rates steady on "
                          "Wednesday, but signalled a future cut."), ("Wednesday", "2031-03-12"))
    assert date_conflicts(a, b) == []


def test_resolution_guesses_are_not_conflicts():
    a = with_dates(report("a", "The Kestrel central bank cut its key rate to 3 percent this afternoon in Veldt."),
                   ("this afternoon", "2031-03-14"))
    b = with_dates(report("b", "The Kestrel central bank cut its key rate to 3 percent on Thursday in Veldt."),
                   ("Thursday", "2031-03-13"))
    assert date_conflicts(a, b) == []
    c = with_dates(report("c", "Shares closed at 80 dollars on Aug. 2 before the Kestrel bid was reported."),
                   ("Aug. 2", "2030-08-02"))
    d = with_dates(report("d", "Shares closed at 80 dollars on August 2, 2031 before the Kestrel bid was reported."),
                   ("August 2, 2031", "2031-08-02"))
    assert date_conflicts(c, d) == []


def test_first_day_of_a_span_is_not_a_day():
    a = report("a", "The decision was taken at the Kestrel central bank meeting held on June 4-6 in Veldt.")
    a = with_dates(a, ("June 4", "2031-06-04"))
    b = with_dates(report("b", "The Kestrel central bank on Friday cut its key rate to 3 percent in Veldt."),
                   ("Friday", "2031-06-06"))
    assert events.opens_span(a, a.dates[0])
    assert date_conflicts(a, b) == []


def test_event_words_read_through_languages():
    es = report("es", "El tribunal de Calder condenó al exjefe del puerto el 12 de marzo de 2031.", lang="es")
    es = with_dates(es, ("12 de marzo de 2031", "2031-03-12"))
    assert events.event_of(es, es.dates[0]) == "verdict"
    fr = report("fr", "Le verdict du procès de Calder est tombé le 12 mars 2031.", lang="fr")
    fr = with_dates(fr, ("12 mars 2031", "2031-03-12"))
    assert events.event_of(fr, fr.dates[0]) == "verdict"
    since = with_dates(report("s", "It was the first cut since 12 March 2029, officials in Veldt said."),
                       ("12 March 2029", "2029-03-12"))
    assert events.event_of(since, since.dates[0]) is None  # a look back, not the event


def test_photo_captions_date_the_picture_not_the_event():
    a = with_dates(report("a", "The accused at the Calder court of appeal, 6 October 2031. (IVO BRANDT / AGENCY)\n"
                          "The appeal trial opened in Calder last week."), ("6 October 2031", "2031-10-06"))
    b = with_dates(report("b", "The accused at the Calder court of appeal, 9 October 2031, after a pause in the "
                          "trial."), ("9 October 2031", "2031-10-09"))
    assert events.caption(a, a.dates[0].sentence) and not events.caption(b, b.dates[0].sentence)
    assert date_conflicts(a, b) == []


def test_first_since_two_different_anchors():
    a = report("a", "The Kestrel central bank cut its key rate on Thursday in Veldt. It was the first rate cut since "
               "March 2026, analysts said.")
    a.dates = [DateMention(text="March 2026", span=(a.text.index("March 2026"), a.text.index("March 2026") + 10),
                           value="2026-03", granularity="month", sentence=1)]
    b = report("b", "Kestrel's central bank lowered rates on Thursday in Veldt. This marks the first decrease since "
               "September 2029, when rates were last moved.")
    b.dates = [DateMention(text="September 2029", span=(b.text.index("September 2029"),
                                                       b.text.index("September 2029") + 14),
                           value="2029-09", granularity="month", sentence=1)]
    found = date_conflicts(a, b)
    assert len(found) == 1 and found[0].details.get("first_since") is True
    assert events.first_since(a, a.dates[0]) == "rate decision"
    c = report("c", "Inflation has stayed above target since March 2026, analysts in Veldt said on Thursday.")
    c.dates = [DateMention(text="March 2026", span=(c.text.index("March 2026"), c.text.index("March 2026") + 10),
                           value="2026-03", granularity="month", sentence=0)]
    assert events.first_since(c, c.dates[0]) is None  # "since" without "first ...": no such claim
