"""Headline figures of a lead as instance evidence (instance.figure_tags, figure_conflict): the level a
rate moves to, a recall's mass, a quake's magnitude, a sum of money. Invented texts."""

from __future__ import annotations

from storyline.group.instance import Tags, conflict, figure_conflict, figure_tags, parse
from storyline.group.instance import tags as event_tags


def tags(text: str) -> list[str]:
    return event_tags(text) + figure_tags(text)



def _parsed(text: str) -> Tags:
    return parse(tags(text))


def _figures(text: str, key: str) -> set[str]:
    return set(parse(tags(text)).get(key, {}))


def test_the_level_a_rate_moves_to_in_several_languages_not_the_size_of_the_move():
    assert _figures("The Bank of Varnia cut its key rate by 25 basis points to 3.5 per cent.", "lvl") == {"3.5"}
    assert _figures("Die Notenbank senkte den Leitzins um 0,25 Prozentpunkte auf 3,5 Prozent.", "lvl") == {"3.5"}
    assert _figures("La banca ha portato il tasso al 3,50%.", "lvl") == {"3.5"}
    assert _figures("बैंक ने रेपो रेट को 3.75 फीसदी से घटाकर 3.5 फीसदी कर दिया।", "lvl") == {"3.5"}
    assert _figures("बैंक ने कटौती करते हुए इसे 3.5% कर दिया।", "lvl") == {"3.5"}
    # the move alone, or a share of a vote, is no level
    assert _figures("The Bank of Varnia cut its key rate by 25 basis points.", "lvl") == set()
    assert _figures("The bank cut by 0.25 percentage points.", "lvl") == set()


def test_levels_conflict_unless_the_other_report_names_that_level_too():
    march = parse(tags("The Bank of Varnia cut its key rate to 3.5 per cent."))
    may = parse(tags("The Bank of Varnia cut its key rate to 3.25 per cent."))
    assert figure_conflict(march, may) == "lvl"
    assert figure_conflict(march, march) is None and figure_conflict(march, {}) is None
    # one decision moves two rates; a report that gives the deposit rate names the main rate further on
    assert figure_conflict(march, may, {"4"}, {"3.5", "4"}) is None
    # figures are no cannot-link of their own (conflict), only evidence for the pair model
    assert conflict(march, may) is None


def test_a_recalls_mass_in_any_unit_and_a_quakes_magnitude():
    first = parse(tags("Dalmor Foods is recalling more than 300,000 pounds of sliced ham."))
    second = parse(tags("Dalmor Foods expands its recall to 12 million more pounds of deli meat."))
    metric = parse(tags("Dalmor Foods retira 5,4 millones de kilos de embutidos."))
    assert figure_conflict(first, second) == "mag"
    assert figure_conflict(second, metric) is None  # 12 million pounds is about 5.4 million kilograms
    a = parse(tags("A magnitude 6.1 earthquake struck the coast of Perland."))
    b = parse(tags("A 6.2-magnitude quake hit Perland on Sunday."))
    c = parse(tags("A 5.4 magnitude earthquake shook Perland."))
    assert figure_conflict(a, b) is None and figure_conflict(a, c) == "q"


def test_a_headline_sum_compared_by_ratio_across_currencies():
    a = parse(tags("Thieves stole jewels worth $2.5 million from a shop in Avora."))
    b = parse(tags("Des voleurs ont dérobé pour €2m de bijoux à Avora."))
    c = parse(tags("Robbers took diamonds worth 90 million euros from a store in Avora."))
    assert figure_conflict(a, b) is None and figure_conflict(a, c) == "amt"
    assert _figures("The tickets cost $250 each.", "amt") == set()  # a price, not a headline sum


def test_the_name_an_event_is_known_by():
    ridge = _parsed("The Harlow Ridge fire forced thousands to flee on Tuesday as winds picked up.")
    canyon = _parsed("The Mistral Canyon fire spread overnight above the town of Elmsby.")
    spanish = _parsed("El incendio forestal en Harlow Ridge obligó a evacuar a miles de personas.")
    assert set(ridge["ev"]) == {"harlow", "ridge"} and set(canyon["ev"]) == {"mistral", "canyon"}
    assert conflict(ridge, canyon) == "ev"
    assert conflict(ridge, spanish) is None
    assert conflict(ridge, canyon, names=False) is None  # the pair model's tag feature leaves names out
    # a fire service, a compound noun and a title-case headline name no event
    assert "ev" not in _parsed("The Harlow Ridge Fire Department said crews were on scene.")
    assert "ev" not in _parsed("Ten fire engines were sent.")
    assert "ev" not in _parsed("Homes Lost In Suspicious Brush Fire Near Elmsby")
    assert conflict(_parsed("Hurricane Odessa made landfall."), _parsed("Hurricane Pelham made landfall.")) == "ev"


def test_a_report_that_names_the_other_fire_too_follows_its_story():
    from storyline.group.instance import union

    story = union(union(_parsed("The Harlow Ridge fire grew."), _parsed("Crews fought the Harlow Ridge fire.")),
                  _parsed("The Harlow Ridge fire, like the Mistral Canyon fire, grew."))
    assert conflict(story, _parsed("The Mistral Canyon fire grew.")) == "ev"


FIRES = [
    ("ridge-a", "The Harlow Ridge fire forced thousands of residents of Elmsby to flee on Tuesday as dry Korvan winds "
                "drove flames toward homes in Tarlow County. Firefighters said 1,200 acres had burned."),
    ("ridge-b", "Evacuation orders spread across Tarlow County on Tuesday as the Harlow Ridge fire, driven by dry Korvan "
                "winds, raced toward homes near Elmsby. Officials said 1,200 acres had burned."),
    ("canyon-a", "The Mistral Canyon fire broke out on Tuesday night in the hills of Tarlow County, and dry Korvan winds "
                 "drove it toward homes near Elmsby, forcing thousands to flee."),
    ("canyon-b", "Thousands fled their homes near Elmsby in Tarlow County on Tuesday night as the Mistral Canyon fire, "
                 "fanned by dry Korvan winds, spread through the hills."),
]


def test_two_fires_of_one_day_and_county_stay_two_stories():
    from storyline.group import group
    from storyline.model import Article

    arts = [Article(id=i, text=t, source="fires") for i, t in FIRES]

    def stories(**kw: object) -> list[list[str]]:
        return sorted(sorted(s.articles) for s in group(arts, **kw))  # type: ignore[arg-type]

    apart = [["canyon-a", "canyon-b"], ["ridge-a", "ridge-b"]]
    assert stories(method="learned") == apart
    assert stories(method="lexical") == apart
    # without instance tags the learned method puts the two fires together: the names are what parts them
    assert stories(method="learned", instance_tags=False) == [["canyon-a", "canyon-b", "ridge-a", "ridge-b"]]


RECALLS = [
    ("first-a", "Dalmor Foods is recalling more than 300,000 pounds of sliced ham and salami made at its Brenford plant "
                "because they may be contaminated with listeria, federal inspectors said."),
    ("first-b", "Federal inspectors said Dalmor Foods is recalling over 300,000 pounds of ham and salami from its "
                "Brenford plant over possible listeria contamination."),
    ("second-a", "Dalmor Foods is recalling 12 million more pounds of ham, salami and other deli meats made at its "
                 "Brenford plant as federal inspectors widen a listeria investigation."),
    ("second-b", "Federal inspectors said Dalmor Foods is now recalling 12 million pounds of deli meats, including ham "
                 "and salami, from its Brenford plant over listeria."),
]


def test_the_learned_method_keeps_a_recall_and_its_expansion_apart_by_their_mass():
    from dataclasses import replace

    from storyline.group.batch import cluster_probabilities, pair_probabilities, prepare
    from storyline.group.features import extract
    from storyline.group.pairmodel import load_model
    from storyline.model import Article

    prep = prepare([extract(Article(id=i, text=t, source="recalls")) for i, t in RECALLS])
    model = load_model()
    probs = pair_probabilities(prep, model)
    assert model.clustering.figure_tags  # pairs.v3: chosen by cross-validation (eval/train_pairs.py)
    assert cluster_probabilities(prep, probs, model.clustering) == [[0, 1], [2, 3]]
    # without the figures as cannot-links the two recalls are one story: the mass is what parts them
    assert cluster_probabilities(prep, probs, replace(model.clustering, figure_tags=False)) == [[0, 1, 2, 3]]
