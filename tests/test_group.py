"""Grouping: the JSON contract, order independence, time and numbers keep events apart,
language-free evidence keeps translations together."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from storyline.cli import app
from storyline.group import METHOD, group
from storyline.lang.fold import fold, skeleton
from storyline.lang.numbers import number_token, number_tokens
from storyline.model import Article

# Invented reports. Two rate decisions of one invented bank (same names, other day and numbers),
# the first told in English, Spanish and German; and an unrelated fire.
REPORTS = [
    Article(id="bank-jun-en", date="2024-06-06", lang="en", text=(
        "The Central Bank of Norvania cut its main rate to 3.75% from 4.00% on Thursday. Governor Ilse "
        "Marovic said the vote was 7 to 2. It is the first cut since March 2016, the bank said.")),
    Article(id="bank-jun-es", date="2024-06-06", lang="es", text=(
        "El Banco Central de Norvania rebajó el jueves su tipo principal al 3,75% desde el 4,00%. La "
        "gobernadora Ilse Marović explicó que la votación fue de 7 a 2.")),
    Article(id="bank-jun-de", date=None, lang="de", text=(
        "Die Zentralbank von Norvania senkte am 6. Juni 2024 den Leitzins auf 3,75 Prozent. "
        "Notenbankchefin Ilse Marovic sprach von einer Entscheidung mit 7 zu 2 Stimmen.")),
    Article(id="bank-next-en", date="2025-06-05", lang="en", text=(
        "The Central Bank of Norvania cut its main rate to 2.00% from 2.25% on Thursday. Governor Ilse "
        "Marovic said the vote was 9 to 0, the eighth cut since the bank began easing.")),
    Article(id="fire-en", date="2025-01-07", lang="en", text=(
        "A wildfire near Kelport burned 2,921 acres by Tuesday evening and forced 30,000 residents to "
        "leave, fire chief Dana Orlov said.")),
]


def _membership(stories) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in stories)


def test_same_event_across_languages_together_and_next_decision_apart():
    got = _membership(group(REPORTS, method="lexical"))
    assert ["bank-jun-de", "bank-jun-en", "bank-jun-es"] in got
    assert ["bank-next-en"] in got and ["fire-en"] in got


def test_every_article_in_exactly_one_story_with_method():
    stories = group(REPORTS, method="lexical")
    ids = [a for s in stories for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in REPORTS)
    assert all(s.method == METHOD for s in stories)
    assert len({s.id for s in stories}) == len(stories)


def test_order_independent_on_explicit_shuffles():
    base = _membership(group(REPORTS, method="lexical"))
    ids = sorted(s.id for s in group(REPORTS, method="lexical"))
    for seed in range(5):
        arts = REPORTS[:]
        random.Random(seed).shuffle(arts)
        assert _membership(group(arts, method="lexical")) == base
        assert sorted(s.id for s in group(arts, method="lexical")) == ids


@settings(max_examples=25, deadline=None)
@given(st.permutations(REPORTS))
def test_order_independent_hypothesis(perm):
    assert _membership(group(perm, method="lexical")) == _membership(group(REPORTS, method="lexical"))


def test_order_independent_on_dev_corpus(dev_corpus):
    from storyline.read import read

    arts = [a for a in read([str(dev_corpus)]) if isinstance(a, Article)]
    base = _membership(group(arts, method="lexical"))
    random.Random(7).shuffle(arts)
    assert _membership(group(arts, method="lexical")) == base


def test_numbers_are_normalised_across_conventions():
    assert number_token("2,921") == "2921"
    assert number_token("6,25") == "6.25"
    assert number_token("6.50") == "6.5"
    assert number_token("1.200") == "1200"
    assert "6.25" in number_tokens(fold("রেপো রেট ৬.২৫ শতাংশ"))
    assert "6-4" in number_tokens("won 4-6, 6-4")


def test_name_skeletons_cross_scripts_and_accents():
    assert skeleton(fold("Malhotra")) == skeleton(fold("मल्होत्रा"))
    assert skeleton(fold("Pélicot")) == skeleton(fold("Pelicot"))
    assert skeleton(fold("Malhotra")) != skeleton(fold("Das"))


def test_group_cli_json_contract(tmp_path):
    for a in REPORTS:
        (tmp_path / f"{a.id}.txt").write_text(a.text + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["group", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    members = [m for s in data["stories"] for m in s["articles"]]
    assert len(members) == len(REPORTS) == len(set(members))
    assert all(set(s) >= {"id", "articles"} for s in data["stories"])


def test_group_cli_keeps_articles_with_the_same_id(tmp_path):
    line = json.dumps({"id": "x", "text": "The council of Kelport approved a new budget of 4.2 million on 3 May 2025."})
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line.replace("4.2", "5.1") + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["group", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    assert res.exit_code == 0, res.output
    members = sorted(m for s in json.loads(res.output)["stories"] for m in s["articles"])
    assert members == ["x", "x#2"]


def test_group_cli_unreadable_input_is_one_line_error(tmp_path):
    res = CliRunner().invoke(app, ["group", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2
    assert res.output.count("storyline: error:") == 2  # the input, then "nothing to group"


# Undated invented reports: talks about a takeover, then the agreed deal, of the same two companies.
# Same names and most words; only the phase (talks vs. agreed) and the weekday tell them apart.
UNDATED = [
    Article(id="talks-en", lang="en", text=(
        "Snackco is in talks to buy Crumbly Foods, people familiar with the matter said on Monday. "
        "Snackco, maker of Fizzbar and Nutty, weighs a bid that could value Crumbly at about 30 billion "
        "dollars including debt.")),
    Article(id="talks-de", lang="de", text=(
        "Snackco prüft Insidern zufolge eine Übernahme von Crumbly Foods. Eine Transaktion hätte ein "
        "Volumen von rund 30 Mrd. Dollar, hieß es am Montag. Snackco, bekannt für Fizzbar und Nutty.")),
    Article(id="deal-en", lang="en", text=(
        "Snackco agreed on Thursday to acquire Crumbly Foods for 36 billion dollars, or 83.50 dollars a "
        "share. Snackco, maker of Fizzbar and Nutty, said the deal would close next year.")),
    Article(id="deal-fr", lang="fr", text=(
        "Snackco a conclu un accord jeudi pour racheter Crumbly Foods pour 36 milliards de dollars, soit "
        "83,50 dollars par action. Snackco, fabricant de Fizzbar et Nutty.")),
]


def test_instance_tags_read_weekday_ordinal_and_phase():
    from storyline.group.instance import conflict, parse, tags

    t = parse(tags("The volcano erupted on Thursday for the sixth time since December."))
    assert t["wd"] == {"3": 1} and t["ord"] == {"6": 1}
    assert parse(tags("It is the fourth consecutive cut this year."))  == {}  # a run, not an instance
    assert parse(tags("Insidern zufolge prüft der Konzern eine Übernahme."))["deal"] == {"talks": 1}
    # French "a déclaré" only means "said"; declaring needs an emergency as its object.
    assert "emergency" not in parse(tags("« Nous suivons la situation », a déclaré le directeur."))
    assert parse(tags("WHO declared mpox a public health emergency"))["emergency"] == {"declared": 1}
    opened = parse(tags("The trial of the former mayor of Kelport opened on Monday in Avora."))
    verdict = parse(tags("Le tribunal a condamné l'ancien maire de Kelport à huit ans de prison."))
    assert conflict(opened, verdict) == "trial"
    a, b = parse(tags("ninth eruption since 2023")), parse(tags("sixth eruption since 2023"))
    assert conflict(a, b) == "ord" and conflict(a, a) is None and conflict(a, {}) is None
    talks = parse(tags("Snackco is in talks to buy Crumbly Foods, people familiar with the matter said."))
    assert conflict(verdict, talks) == "kind"  # a trial and a takeover are two events
    both = parse(tags("The trial of the mayor opened as Snackco was in talks to buy Crumbly Foods."))
    assert conflict(both, talks) is None and conflict(both, opened) is None  # a kind in common


def test_undated_talks_and_deal_apart_translations_together():
    got = _membership(group(UNDATED, method="lexical"))
    assert ["talks-de", "talks-en"] in got
    assert ["deal-en", "deal-fr"] in got


def test_caption_date_years_before_the_story_is_not_its_day():
    from storyline.group.features import extract

    art = Article(id="cap", lang="en", text=(
        "Shelves of crisps at a market on April 5, 2011 in Kelport. Snackco agreed to buy Crumbly "
        "Foods on Wednesday; the deal should close in the first half of 2025."))
    assert extract(art).time.lo is None  # the 2011 caption is background, not the event's day
    art2 = Article(id="ok", lang="en", text="The council met on 3 May 2025 and approved the budget for 2026.")
    assert extract(art2).time.lo is not None


def test_one_kind_of_evidence_alone_is_not_enough():
    from storyline.group.similarity import MIN_EVIDENCE, Vector, content
    from storyline.group.timeinfo import EventTime

    only_numbers = Vector({"n": {"n:50": 1.0}}, EventTime(), "fr")
    other = Vector({"n": {"n:50": 1.0}}, EventTime(), "ar")
    assert content(only_numbers, other, corroborate=False) == 0.4 / MIN_EVIDENCE < 1.0
    both = Vector({"n": {"n:50": 1.0}, "k": {"k:mrs": 1.0}}, EventTime(), "en")
    assert content(both, both) == 1.0


def test_across_languages_one_shared_figure_is_not_enough():
    """v4: a French and an Arabic report sharing only the number 50 do not score; a second shared
    name or number makes them comparable. Within one language the words decide, as before."""
    from storyline.group.similarity import Vector, content
    from storyline.group.timeinfo import EventTime

    def vec(lang, *toks):
        chans: dict = {}
        for t in toks:
            chans.setdefault(t[0], {})[t] = 1.0
        return Vector({k: {t: 1.0 / len(v) ** 0.5 for t in v} for k, v in chans.items()}, EventTime(), lang)

    fr, ar = vec("fr", "n:50", "k:brn"), vec("ar", "n:50", "k:klvk")
    assert content(fr, ar) == 0.0
    assert content(fr, ar, corroborate=False) > 0.0
    assert content(vec("fr", "n:50", "k:klvk"), vec("ar", "n:50", "k:klvk")) > 0.0
    assert content(vec("fr", "n:50", "k:brn"), vec("fr", "n:50", "k:klvk")) > 0.0  # same language


def test_a_day_read_from_the_text_is_weighed_loosely_only_for_a_lone_report():
    """v4: an undated report whose text gives the 22nd for an event others date the 19th scores 0 in
    clustering, but lone_score (stage 3) lets the day fade out over TEXT_SLACK days."""
    import datetime as dt

    from storyline.group.similarity import TEXT_SLACK, Vector, lone_score, score, time_factor
    from storyline.group.timeinfo import EventTime

    d19, d22 = dt.date(2024, 12, 19).toordinal(), dt.date(2024, 12, 22).toordinal()
    published = EventTime(d19 - 3, d19, True, True, True)
    from_text = EventTime(d22 - 1, d22 + 1, True, True, False)
    chans = {"n": {"n:51": 0.8, "n:20": 0.6}, "k": {"k:plkt": 1.0}}
    a, b = Vector(chans, published, "fr"), Vector(chans, from_text, "fr")
    assert score(a, b) == 0.0
    assert 0.0 < lone_score(a, b) < 1.0
    assert time_factor(published, from_text, TEXT_SLACK) == 1.0 - 2 / TEXT_SLACK
    # two publication dates six days apart stay apart even for a lone report
    later = EventTime(d19 + 3, d19 + 6, True, True, True)
    assert lone_score(Vector(chans, published, "fr"), Vector(chans, later, "fr")) == 0.0


def test_arabic_names_share_skeletons_with_their_latin_spelling():
    from storyline.lang.fold import skeleton

    for arabic, latin in [("غريندافيك", "grindavik"), ("ريكجانيس", "reykjanes"), ("لاغون", "lagoon")]:
        assert skeleton(arabic) == skeleton(latin) != ""


def test_weekday_and_yearless_date_meet_only_in_years_where_they_agree():
    from storyline.group.instance import conflict, date_weekdays

    assert date_weekdays(8, 22, [2024]) == {"3"}  # a Thursday in 2024
    assert date_weekdays(2, 29, [2023]) == set()  # no such day that year
    wed, dated = {"wdu": {"2": 1}}, {"wdd": {w: 1 for w in date_weekdays(8, 22, [2024, 2025])}}
    assert conflict(wed, dated) == "wdu/wdd"
    assert conflict({"wdu": {"3": 1}}, dated) is None
    # two yearless days are left to the time test (a few days apart may be one event)
    assert conflict({"wdd": {"1": 1}}, {"wdd": {"4": 1}}) is None


def _eruption(aid: str, when: str) -> Article:
    return Article(id=aid, lang="en", text=(
        f"A fissure eruption began {when} near Kelvik on the Brenna peninsula, the Brenna Met Office "
        "said. Lava rose 45 metres from a 2.7 km fissure and the Glowpool spa was evacuated. The "
        "town of Kelvik, home to 3,650 people, was emptied as a precaution."))


def test_undated_weekday_report_kept_from_a_yearless_date_of_another_year():
    dated = Article(id="anchor", lang="en", date="2024-03-01",
                    text="The Brenna council approved its budget for the year on Friday.")
    day = _eruption("day", "on August 22nd")  # a Thursday in 2024
    wed = _eruption("wed", "early Wednesday")
    thu = _eruption("thu", "early Thursday")
    assert ["day", "thu"] in _membership(group([dated, day, thu], method="lexical"))
    got = _membership(group([dated, day, wed], method="lexical"))
    assert ["day"] in got and ["wed"] in got


def test_lone_report_attaches_only_near_clearly_and_with_shared_anchors():
    from storyline.group.cluster import attach_singletons

    groups = [[0, 1, 2], [3], [4, 5]]
    edges = {(0, 3): 0.12, (1, 3): 0.10, (2, 3): 0.11, (3, 4): 0.02}
    rates = {"n:4.25", "n:3.75", "n:4.5"}
    anchors = [rates, rates, {"n:4.25", "k:ecb"}, rates, set(), set()]
    times: list = [[] for _ in range(6)]
    assert attach_singletons(groups, edges, 0.10, times, None, None, anchors) == [[0, 1, 2, 3], [4, 5]]
    # too far under the threshold, or as near another group, or sharing too little: stays alone
    assert attach_singletons(groups, edges, 0.12, times, None, None, anchors) == groups
    near_both = {**edges, (3, 4): 0.08, (3, 5): 0.08}
    assert attach_singletons(groups, near_both, 0.10, times, None, None, anchors) == groups
    few = [{"n:4.25"}] * 3 + [rates, set(), set()]
    assert attach_singletons(groups, edges, 0.10, times, None, None, few) == groups
    # a cannot-link still holds: the lone report names another instance
    tags = [{"ord": {"6": 1}}] * 3 + [{"ord": {"9": 1}}, {}, {}]
    assert attach_singletons(groups, edges, 0.10, times, tags, [False] * 6, anchors) == groups


def test_event_counter_read_after_the_lead_unless_the_lead_has_one():
    from storyline.group.features import extract
    from storyline.group.instance import parse

    filler = "Lava fountains lit the sky over the Brenna peninsula and the Glowpool spa was shut. " * 6
    late = Article(id="late", lang="en", text=filler + "It is the ninth eruption on the peninsula since 2023.")
    assert parse(extract(late).tokens)["ord"] == {"9": 1}
    lead = Article(id="lead", lang="en", text="The volcano erupted for the sixth time since December. "
                   + filler + "The fifth eruption, in May, had forced the same evacuation.")
    assert parse(extract(lead).tokens)["ord"] == {"6": 1}


def test_a_year_named_in_the_lead_is_a_candidate_year_for_its_yearless_day():
    from storyline.group.batch import weekday_tags
    from storyline.group.instance import parse, tags
    from storyline.group.timeinfo import EventTime

    got = [parse(tags("The eruption began on August 22nd, the first one here since 2018."))]
    weekday_tags(got, [False], [2024], [EventTime()])
    assert got[0]["wdd"] == {"3": 1, "2": 1}  # Thursday in 2024, Wednesday in 2018


def test_international_bodies_are_one_name_in_every_language():
    """v4: "WHO" (en), "OMS" (fr, es) and "ВОЗ" (ru) give one name token; an all-caps banner gives none."""
    from storyline.group.features import extract

    def names(text: str, lang: str) -> set[str]:
        return {t for t in extract(Article(id=lang, lang=lang, text=text)).tokens if t.startswith("k:=")}

    assert names("The WHO said on Monday that cases had doubled in the DRC.", "en") == {"k:=who", "k:=drc"}
    assert names("Selon l'OMS, les cas ont doublé en RDC depuis juin.", "fr") == {"k:=who", "k:=drc"}
    assert names("В ВОЗ заявили, что число случаев выросло.", "ru") == {"k:=who"}
    assert names("WHO WANTS TO LIVE FOREVER\nA quiet evening of music in the park.", "en") == set()
    assert names("The who and the why of it were unclear.", "en") == set()


def test_the_api_and_the_command_agree_on_repeated_ids(tmp_path):
    """Two inputs with one id: both land in a story, the later one renamed "#2", from the library
    and from the command alike."""
    twice = [REPORTS[0], Article(id=REPORTS[0].id, lang="en", date="2025-01-07", text=REPORTS[4].text)]
    api = sorted(a for s in group(twice, method="lexical") for a in s.articles)
    assert api == ["bank-jun-en", "bank-jun-en#2"]
    corpus = tmp_path / "twice.jsonl"
    corpus.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in twice), encoding="utf-8")
    result = CliRunner().invoke(app, ["group", str(corpus), "--method", "lexical"])
    assert result.exit_code == 0, result.output
    cli = sorted(a for s in json.loads(result.stdout)["stories"] for a in s["articles"])
    assert cli == api
