"""Renderers: JSON validates against the schema, HTML is self-contained and escapes report text,
Markdown and the terminal print report text literally."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from storyline.analyze import analyze
from storyline.check import compare
from storyline.model import Article
from storyline.render import format_for_path, render
from storyline.render.json_out import schema, validate

REPO = Path(__file__).resolve().parents[1]
EVIL = ('The mayor of Dunmore said on Monday that 40 homes were flooded. <script>alert("x")</script> '
        'Officials [bold]denied[/bold] it & more *stars* | pipes in 3 wards.')
PLAIN = "The mayor of Dunmore said on Monday that 45 homes were flooded after the river burst its banks."


@pytest.fixture(scope="module")
def dossier():
    arts = [analyze(Article(id="evil", text=EVIL, outlet="<b>Outlet</b>")), analyze(Article(id="plain", text=PLAIN))]
    return compare(arts, method="lexical")


@pytest.fixture(scope="module")
def example_dossier():
    from storyline.pipeline import extract

    arts = [a for a in extract([str(REPO / "examples" / "port-alder-fire")]) if isinstance(a, Article)]
    assert len(arts) == 4
    return compare(arts, method="lexical")


def test_json_validates_against_schema(example_dossier, dossier):
    for d in (example_dossier, dossier):
        data = json.loads(render(d, "json"))
        validate(data)
        assert data["schema_version"] == "1.1"
        assert list(data)[:2] == ["schema_version", "summary"]


def test_schema_rejects_a_broken_dossier(example_dossier):
    data = json.loads(render(example_dossier, "json"))
    data["findings"][0]["kind"] = "gossip"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    data = json.loads(render(example_dossier, "json"))
    del data["same_story"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_schema_file_in_repo_matches_packaged_copy():
    assert json.loads((REPO / "schema" / "dossier.schema.json").read_text()) == schema()


def test_example_dossier_has_every_planted_drift(example_dossier):
    kinds = {f.kind for f in example_dossier.findings}
    for kind in ("quote_variant", "number_conflict", "date_conflict", "place_conflict", "name_variant",
                 "suspect_term", "reuse", "attribution", "unique_fact"):
        assert kind in kinds, kind


def test_html_escapes_report_text(dossier):
    html = render(dossier, "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>Outlet</b>" not in html and "&lt;b&gt;Outlet&lt;/b&gt;" in html
    assert html.count("<script>") == 1  # only the page's own inline script


def test_html_is_self_contained_and_links_resolve(example_dossier):
    html = render(example_dossier, "html")
    assert not re.search(r"<link\b|\bsrc=|href=\"(?:https?:)?//|@import|url\(", html)
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'href="#([^"]+)"', html)
    assert targets and all(t in ids for t in targets)
    assert 'class="s corroborated' in html and "<mark>" in html


def test_markdown_escapes(dossier):
    md = render(dossier, "markdown")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert r"\*stars\*" in md and r"\|" in md


def test_terminal_prints_text_literally(dossier, example_dossier):
    text = render(dossier, "text")
    assert "[bold]denied[/bold]" in text
    out = render(example_dossier, "text", width=120)
    assert "Same story? yes" in out
    for title in ("Quotes worded differently", "Numbers that disagree", "Names spelled differently",
                  "Suspect terms", "Shared passages", "Whom each report cites", "Facts only one report gives"):
        assert title in out
    assert out.index("Same story?") < out.index("Quotes worded differently")


def test_format_for_path():
    assert format_for_path("out/dossier.html") == "html"
    assert format_for_path("d.JSON") == "json"
    assert format_for_path("d.md") == "markdown"
    assert format_for_path("d.bin") is None
    with pytest.raises(ValueError):
        render(None, "pdf")  # type: ignore[arg-type]


def test_html_opens_with_the_summary_and_contents_and_collapses_groups(example_dossier):
    html = render(example_dossier, "html")
    assert html.index('id="summary"') < html.index('id="findings"') < html.index('id="reports"')
    assert html.index('id="contents"') < html.index('id="findings"')
    for anchor in ("summary", "findings", "reports"):
        assert f'href="#{anchor}"' in html
    assert html.count("<details") >= len({f.kind for f in example_dossier.findings})
    for name in ("kind", "severity", "outlet", "lang"):
        assert f'<select name="{name}">' in html
    assert 'id="pick0"' in html and 'id="pick1"' in html  # two reports at a time, never 60 columns
    assert "overflow-x" not in html


def test_markdown_and_terminal_open_with_the_summary(example_dossier):
    md = render(example_dossier, "markdown")
    assert md.index("## Summary") < md.index("**Most important**") < md.index("## Numbers that disagree")
    text = render(example_dossier, "text", width=120)
    assert text.index("Most important") < text.index("Numbers that disagree")
