"""The attribution finding leaves out sources the analyser misread (issue 11), on invented reports."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare
from storyline.model import Article


def attribution_details(*texts: str) -> dict[str, dict]:
    arts = [analyze(Article(id=f"r{i}", text=t, lang="en")) for i, t in enumerate(texts)]
    return {f.details["article"]: f.details for f in compare(arts, method="lexical").findings
            if f.kind == "attribution"}


def cited(*texts: str) -> dict[str, list[str]]:
    return {article: details["sources"] for article, details in attribution_details(*texts).items()}


OTHER = "Dockworkers at Brenmoor Port ended their strike on Friday, the union said."


def test_a_place_after_a_preposition_is_not_the_source():
    text = ("Dockworkers at Brenmoor Port ended their strike on Friday. Leaders of the dockers' local in "
            "Kelmarsh said 61% of members voted to accept the offer. The deal runs four years, Ilse Varga said.")
    sources = cited(text, OTHER)["r0"]
    assert "Kelmarsh" not in sources and "Ilse Varga" in sources
    # a source introduced by "from" is still one
    alert = ("Dockworkers at Brenmoor Port ended their strike on Friday. “Go home safely,” an alert from "
             "the port authority said.")
    assert "the port authority" in cited(alert, OTHER)["r0"]


def test_a_name_read_short_is_not_the_source():
    text = ("Dockworkers at Brenmoor Port ended their strike on Friday, according to the U.S. Department of "
            "Labor. “We are relieved,” wrote Kelmar's Freight on its website. The deal runs four years, "
            "Ilse Varga said.")
    sources = cited(text, OTHER)["r0"]
    assert "the U.S" not in sources and "Kelmar" not in sources and "Ilse Varga" in sources


def test_a_win_or_a_score_is_not_a_statement():
    text = ("The Brenmoor Rovers beat Kelmar by 12 runs on Friday. Ilse Varga and Tomas Reyne claimed two "
            "wickets apiece, while Jorin Falk added 31. Falk said the team had trained for this all year.")
    details = attribution_details(text, "The Brenmoor Rovers beat Kelmar on Friday, the club said.")["r0"]
    assert "Tomas Reyne" not in details["sources"] and "Jorin Falk" in details["sources"]
    assert [c["text"] for c in details["citations"]] == ["Falk said"]


def test_a_reason_after_citing_is_not_a_source():
    text = ("Dockworkers at Brenmoor Port ended their strike on Friday, citing an improvement in the pay offer. "
            "The port reopened, citing two officials at the harbour. The deal runs four years, Ilse Varga said.")
    sources = cited(text, OTHER)["r0"]
    assert not any("improvement" in s for s in sources) and "Ilse Varga" in sources
    assert "two officials at the harbour" in sources
