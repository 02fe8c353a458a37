"""`storyline serve`'s pages and their JSON twins, through Starlette's test client, on a store built
from the example story (and the dev corpus where ../shared has it)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install 'storyline[web]')")
pytest.importorskip("jinja2", reason="the web extra is not installed (pip install 'storyline[web]')")

from starlette.testclient import TestClient  # noqa: E402
from tests.web_support import EXAMPLE, build_store, example_story  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from storyline.cli import app as cli_app  # noqa: E402
from storyline.ingest import ingest  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.store import Store, cached_dossier, story_signature  # noqa: E402
from storyline.web import create_app  # noqa: E402
from storyline.web.dossiers import checker_version  # noqa: E402


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "example.db", EXAMPLE)


@pytest.fixture(scope="module")
def example_dossier(example_db: Path) -> dict[str, Any]:
    """The example story's dossier, computed once for the module (tests reuse it through a stub), by
    the lexical method: no model to load (the dev corpus test below runs the server's own)."""
    from storyline.check import compare
    from storyline.model import with_unique_ids
    from storyline.store import find_story, story_articles

    with Store(example_db, readonly=True) as store:
        articles = with_unique_ids(story_articles(store, find_story(store, example_story(example_db))))
    loaded: dict[str, Any] = json.loads(json.dumps(compare(articles, method="lexical").to_dict()))
    return loaded


class CountingCompute:
    """Hands out a fixed dossier (the example's), counting the calls: tests count work, not time."""

    def __init__(self, dossier: dict[str, Any]):
        self.dossier = dossier
        self.calls = 0

    def __call__(self, articles: list[Article]) -> dict[str, Any]:
        self.calls += 1
        return copy.deepcopy(self.dossier)


@pytest.fixture(scope="module")
def client(example_db: Path, example_dossier: dict[str, Any]) -> TestClient:
    return TestClient(create_app(str(example_db), compute=CountingCompute(example_dossier)), base_url="http://localhost")


def test_the_stories_list_and_its_json_twin(client: TestClient, example_db: Path):
    page = client.get("/stories")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Two dead, 14 injured" in page.text
    data = client.get("/stories.json").json()
    with Store(example_db, readonly=True) as store:
        assert data["total"] == store.count_stories() == len(data["stories"])
    assert client.get("/stories", headers={"accept": "application/json"}).json() == data


def test_the_stories_list_filters_and_sorts(client: TestClient, example_db: Path):
    story = example_story(example_db)
    assert [s["id"] for s in client.get("/stories.json?q=Brenmoor").json()["stories"]] == [story]
    assert client.get("/stories.json?q=zzyzxnotaword").json()["stories"] == []
    spanish = client.get("/stories.json?lang=es").json()["stories"]
    assert spanish and all("es" in s["languages"] for s in spanish)
    assert client.get("/stories.json?lang=xx").json()["stories"] == []
    assert client.get("/stories.json?min_reports=4").json()["stories"][0]["id"] == story
    assert client.get("/stories.json?min_reports=99").json()["stories"] == []
    assert client.get("/stories.json?from=2030-01-01").json()["stories"] == []
    assert client.get("/stories.json?to=2000-01-01").json()["stories"] == []
    sizes = [s["reports"] for s in client.get("/stories.json?sort=size&order=asc").json()["stories"]]
    assert sizes == sorted(sizes)
    assert client.get("/stories.json?min_reports=notanumber").status_code == 200  # ignored, not a crash


def test_the_story_page_puts_the_summary_first(client: TestClient, example_db: Path):
    story = example_story(example_db)
    page = client.get(f"/stories/{story}")
    assert page.status_code == 200
    order = [page.text.index(f'id="{s}"') for s in ("summary", "findings", "reports", "outlets", "timeline", "compare")]
    assert order == sorted(order)
    assert "<svg" in page.text and "<circle" in page.text  # the timeline chart
    data = client.get(f"/stories/{story}.json").json()
    assert client.get(f"/stories/{story}", headers={"accept": "application/json"}).json() == data
    assert data["summary"]["findings"] == sum(g["count"] for g in data["groups"]) == data["shown"]
    assert {c["kind"] for c in data["summary"]["counts"]} >= {"quote_variant", "number_conflict", "name_variant"}
    assert len(data["reports"]) == 4 and all(r["key"] for r in data["reports"])
    assert sum(o["reports"] for o in data["outlets"]) == 4
    assert not data["has_fidelity"] and "Fidelity" not in page.text


def test_the_story_page_filters_findings(client: TestClient, example_db: Path):
    story = example_story(example_db)
    only = client.get(f"/stories/{story}.json?kind=quote_variant").json()
    assert [g["kind"] for g in only["groups"]] == ["quote_variant"]
    reworded = client.get(f"/stories/{story}.json?severity=reworded").json()
    assert reworded["shown"] >= 1
    assert all(f["severity"] == "reworded" for g in reworded["groups"] for t in g["topics"] for f in t["findings"])
    spanish = client.get(f"/stories/{story}.json?lang=es").json()
    assert 1 <= spanish["shown"] < only["summary"]["findings"]
    outlet = client.get(f"/stories/{story}.json").json()["options"]["outlet"][0]
    by_outlet = client.get(f"/stories/{story}.json", params={"outlet": outlet}).json()
    assert 1 <= by_outlet["shown"] < by_outlet["summary"]["findings"]
    assert client.get(f"/stories/{story}.json?kind=nosuchkind").json()["groups"] == []


def test_a_finding_opens_side_by_side_with_its_evidence(client: TestClient, example_db: Path):
    story = example_story(example_db)
    data = client.get(f"/stories/{story}.json").json()
    quote = data["groups"][0]["topics"][0]["findings"][0]
    assert quote["kind"] == "quote_variant" and len(quote["compare"]) == 2
    params = [("compare", c) for c in quote["compare"]] + [("finding", quote["index"])]
    shown = client.get(f"/stories/{story}.json", params=params).json()["compare"]
    assert [c["index"] for c in shown["columns"]] == quote["compare"]
    marked = [s["anchor"] for c in shown["columns"] for s in c["sentences"] if s["evidence"]]
    assert quote["anchor"] in marked and len(marked) == 2
    assert shown["aligned_claims"] >= 1
    page = client.get(f"/stories/{story}", params=params)
    assert f'id="{quote["anchor"]}" class="s' in page.text and "evidence" in page.text
    assert client.get(f"/stories/{story}.json?compare=0").json()["compare"] is None  # one report: nothing to compare


def test_the_report_page_marks_facts_and_who_copies_it(client: TestClient, example_db: Path):
    story = example_story(example_db)
    reports = {r["label"]: r for r in client.get(f"/stories/{story}.json").json()["reports"]}
    courier = client.get(f"/reports/{reports['01-coastal-courier']['key']}.json").json()
    assert courier["story"]["id"] == story
    assert courier["facts"]["quote"] >= 1 and courier["facts"]["quantity"] >= 1
    assert "".join(r["text"] for r in courier["runs"]).startswith("Two workers were killed")
    relations = {(r["report"], r["relation"]) for r in courier["related"]}
    assert ("02-valley-gazette", "copies from this report") in relations
    assert any(rel.startswith("cites it") for _, rel in relations)
    page = client.get(f"/reports/{reports['01-coastal-courier']['key']}")
    marked = sum(1 for r in courier["runs"] if r["kind"])  # a fact inside a longer one is counted, not marked
    assert 3 <= marked <= sum(courier["facts"].values())
    assert page.text.count('<mark class="fact') == marked
    assert client.get("/reports/nosuchreport").status_code == 404


def test_the_outlets_page_covers_every_report(client: TestClient, example_db: Path):
    data = client.get("/outlets.json").json()
    with Store(example_db, readonly=True) as store:
        assert sum(o["reports"] for o in data["outlets"]) == store.count_articles()
    assert client.get("/outlets").status_code == 200


def test_every_response_carries_the_security_headers(client: TestClient, example_db: Path):
    story = example_story(example_db)
    for path in ("/stories", "/stories.json", f"/stories/{story}", "/outlets", "/static/app.js", "/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_only_loopback_hosts_are_answered(client: TestClient):
    assert client.get("/stories", headers={"host": "evil.example"}).status_code == 400


def test_a_read_only_server_has_no_write_endpoint(client: TestClient, example_db: Path):
    story = example_story(example_db)
    assert client.post(f"/stories/{story}/recompute").status_code in (404, 405)
    assert client.post("/stories").status_code == 405
    page = client.get(f"/stories/{story}")
    assert "Recompute" not in page.text and "<form method=\"post\"" not in page.text


def test_every_field_is_escaped(tmp_path: Path, example_dossier: dict[str, Any]):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    db = tmp_path / "h.db"
    with Store(db) as store:
        ingest(store, [Article(id=f"{hostile}{i}", url=f"javascript:alert({i})", outlet=hostile, title=hostile,
                               lang="en", date="2025-01-07",
                               text=f"{hostile} A wildfire near Kelport burned 2,921 acres, officials said.")
                       for i in range(2)])
    dossier = copy.deepcopy(example_dossier)
    dossier["findings"][0]["summary"] = hostile
    dossier["articles"][0]["label"] = hostile
    c = TestClient(create_app(str(db), compute=CountingCompute(dossier)), base_url="http://localhost")
    story = c.get("/stories.json").json()["stories"][0]["id"]
    key = c.get(f"/stories/{story}.json").json()["reports"][0]["key"]
    for path in ("/stories", f"/stories/{story}?compare=0&compare=1", f"/reports/{key}", "/outlets",
                 f"/stories?q={hostile}"):
        text = c.get(path).text
        assert "<script>alert" not in text and "<img src=x" not in text, path
        assert 'href="javascript:' not in text, path
    assert "&lt;script&gt;" in c.get("/stories").text


@pytest.mark.parametrize("shape", ["records", "mapping"])
def test_added_dossier_keys_are_shown_when_present(tmp_path: Path, example_db: Path,
                                                   example_dossier: dict[str, Any], shape: str):
    dossier = copy.deepcopy(example_dossier)
    ids = [a["id"] for a in dossier["articles"]]
    if shape == "records":  # as check/fidelity.py writes it
        dossier["fidelity"] = {"primary": {"article": ids[3], "label": "04-diario-del-puerto", "detected": True,
                                           "reasons": []},
                               "score_definition": "faithful / checkable",
                               "reports": [{"article": ids[0], "label": "01", "score": 0.82, "faithful": 9,
                                            "checkable": 11, "items": []},
                                           {"article": ids[2], "label": "03", "score": None, "faithful": 0,
                                            "checkable": 0, "items": []}],
                               "outlets": []}
        want = ["0.82 (9 of 11 faithful)", None, "(nothing to check)", "primary source"]
        note = "04-diario-del-puerto (detected)"
    else:
        dossier["fidelity"] = {"primary": "the county fire department", "reports": {ids[0]: 0.5}}
        want = ["0.50", None, None, None]
        note = "the county fire department"
    dossier["summary"] = [{"summary": "A figure differs: 14 or 41 injured"}, "Names spelled two ways"]
    c = TestClient(create_app(str(example_db), compute=CountingCompute(dossier)), base_url="http://localhost")
    story = example_story(example_db)
    data = c.get(f"/stories/{story}.json").json()
    assert data["has_fidelity"] and [r["fidelity"] for r in data["reports"]] == want
    assert data["fidelity_note"] == note
    assert data["summary"]["ranked"] == ["A figure differs: 14 or 41 injured", "Names spelled two ways"]
    page = c.get(f"/stories/{story}").text
    assert "Fidelity" in page and want[0] in page and "A figure differs" in page


def test_dossiers_are_computed_once_and_kept_in_the_store_when_writes_are_allowed(
        tmp_path: Path, example_dossier: dict[str, Any]):
    db = build_store(tmp_path / "w.db", EXAMPLE)
    story = example_story(db)
    compute = CountingCompute(example_dossier)
    writer = TestClient(create_app(str(db), allow_writes=True, compute=compute), base_url="http://localhost")
    assert writer.get(f"/stories/{story}.json").json()["story"]["dossier_from"] == "computed"
    assert writer.get(f"/stories/{story}.json").json()["story"]["dossier_from"] == "memory"
    assert compute.calls == 1
    with Store(db, readonly=True) as store:
        assert json.loads(cached_dossier(store, story, story_signature(store, story), checker_version()) or "{}")
    reader_compute = CountingCompute(example_dossier)  # a fresh read-only server reads the cached dossier
    reader = TestClient(create_app(str(db), compute=reader_compute), base_url="http://localhost")
    assert reader.get(f"/stories/{story}.json").json()["story"]["dossier_from"] == "store"
    assert reader_compute.calls == 0
    listed = {s["id"]: s["findings"] for s in reader.get("/stories.json").json()["stories"]}
    assert listed[story] == len(example_dossier["findings"])
    recomputed = writer.post(f"/stories/{story}/recompute", follow_redirects=False)
    assert recomputed.status_code == 303 and compute.calls == 2
    assert writer.post(f"/stories/{story}/recompute", headers={"origin": "http://evil.example"}).status_code == 403
    assert compute.calls == 2


def test_a_changed_story_is_recomputed(tmp_path: Path, example_dossier: dict[str, Any]):
    db = build_store(tmp_path / "c.db", EXAMPLE)
    compute = CountingCompute(example_dossier)
    c = TestClient(create_app(str(db), compute=compute), base_url="http://localhost")
    story = example_story(db)
    c.get(f"/stories/{story}.json")
    with Store(db) as store:  # the same story, its member re-recorded: its signature changes
        store.conn.execute("UPDATE articles SET data = replace(data, 'Coastal Courier', 'Coastal Courier ') "
                           "WHERE key IN (SELECT article FROM story_articles WHERE story = ?)", (story,))
    c.get(f"/stories/{story}.json")
    assert compute.calls == 2


def test_serve_refuses_a_missing_store_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert re.search(r"storyline: error: .*missing\.db", result.output) and "Traceback" not in result.output


@pytest.mark.slow
def test_the_dev_corpus_pages_work(tmp_path: Path, dev_corpus: Path):
    """Every list page and the biggest story with its reports, on the real dossier (computed here)."""
    db = build_store(tmp_path / "dev.db", dev_corpus, EXAMPLE)
    c = TestClient(create_app(str(db)), base_url="http://localhost")
    stories = c.get("/stories.json").json()["stories"]
    assert len(stories) >= 10
    assert c.get("/stories").status_code == 200 and c.get("/outlets").status_code == 200
    biggest = max(stories, key=lambda s: s["reports"])
    page = c.get(f"/stories/{biggest['id']}")
    assert page.status_code == 200
    data = c.get(f"/stories/{biggest['id']}.json").json()
    assert len(data["reports"]) == biggest["reports"] and data["story"]["dossier_from"] == "memory"
    for report in data["reports"][:3]:
        assert c.get(f"/reports/{report['key']}").status_code == 200
        assert c.get(f"/reports/{report['key']}.json").json()["story"]["id"] == biggest["id"]
    compared = c.get(f"/stories/{biggest['id']}.json?compare=0&compare=1&compare=2").json()["compare"]
    assert len(compared["columns"]) == 3
    assert c.get("/stories.json?q=ECB").json()["stories"]


def test_people_opening_a_new_story_at_once_wait_for_one_computation(tmp_path: Path,
                                                                     example_dossier: dict[str, Any]):
    import threading

    from storyline.web.dossiers import Dossiers

    db = build_store(tmp_path / "t.db", EXAMPLE)
    story = example_story(db)
    release = threading.Event()

    class SlowCompute(CountingCompute):
        def __call__(self, articles: list[Article]) -> dict[str, Any]:
            release.wait(timeout=30)  # hold the first computation until every reader has asked
            return super().__call__(articles)

    compute = SlowCompute(example_dossier)
    dossiers = Dossiers(lambda: Store(db, readonly=True), None, compute)
    sources: list[str] = []

    def reader() -> None:
        with Store(db, readonly=True) as store:
            found = dossiers.get(store, story)
            assert found is not None
            sources.append(found.source)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    release.set()
    for t in threads:
        t.join(timeout=60)
    assert compute.calls == 1 and sorted(sources) == ["computed", "memory", "memory", "memory"]
