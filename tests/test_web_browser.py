"""`storyline serve` in a real browser: Playwright for Python drives Debian's chromium against a real
uvicorn server on a free loopback port. List, filter, open a story, open a finding, compare two
reports; screenshots go to a temporary folder. With STORYLINE_SCREENSHOTS=1 the story page's also
replaces docs/story-page.png, the README's picture (a plain test run leaves the checkout as it was).

These tests skip only where chromium is absent (a user's machine); CI installs it (.ci/run), and
Playwright comes with the dev extra. Playwright never downloads a browser here: it is given Debian's.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
if not Path(CHROMIUM).exists():
    pytest.skip(f"chromium is not installed ({CHROMIUM}); on Debian: apt-get install chromium",
                allow_module_level=True)

# With chromium present, Playwright and the web extra must be too (`make test` installs both): their
# absence fails here instead of skipping the browser tests unseen.
import uvicorn  # noqa: E402
from playwright import sync_api  # noqa: E402
from tests.conftest import DEV_CORPUS  # noqa: E402
from tests.web_support import EXAMPLE, REPO, build_store, example_story  # noqa: E402

from storyline.web import create_app  # noqa: E402

SCREENSHOT = REPO / "docs" / "story-page.png"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A uvicorn server on a free loopback port over the example story (and the dev corpus where
    ../shared has it), in a thread of this process; stopped after the module."""
    inputs = [EXAMPLE] + ([DEV_CORPUS] if DEV_CORPUS.is_file() else [])
    db = build_store(tmp_path_factory.mktemp("browser") / "web.db", *inputs)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield {"url": f"http://127.0.0.1:{port}", "story": example_story(db)}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """A fresh page that records console errors (a CSP violation shows there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.shots = tmp_path
    yield pg
    context.close()


def test_the_list_filters_and_opens_a_story(server: dict[str, Any], page: Any):
    page.goto(server["url"] + "/stories")
    rows = page.locator("#stories tbody tr")
    total = rows.count()
    assert total >= 1
    page.screenshot(path=str(page.shots / "stories.png"))
    page.select_option("select[name=lang]", "es")  # the select submits its form itself (app.js)
    page.wait_for_url("**lang=es**")
    assert 1 <= rows.count() <= total
    for i in range(rows.count()):
        assert "es" in rows.nth(i).locator("td").nth(5).inner_text()
    page.fill("#story-filters input[name=q]", "Brenmoor")
    page.click("#story-filters button[type=submit]")
    page.wait_for_url("**q=Brenmoor**")
    assert rows.count() == 1
    page.click("#stories tbody tr a")
    page.wait_for_url(f"**/stories/{server['story']}")
    summary = page.locator("#summary").bounding_box()
    assert summary is not None and summary["y"] < 900  # the first screen shows the summary
    assert page.locator("#summary").is_visible() and "findings" in page.locator("#summary").inner_text()
    assert page.locator("svg.chart circle").count() >= 1
    page.screenshot(path=str(page.shots / "story.png"))
    if os.environ.get("STORYLINE_SCREENSHOTS") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(page.shots / "story.png", SCREENSHOT)
    page.screenshot(path=str(page.shots / "story-full.png"), full_page=True)
    assert page.console_errors == []


def test_opening_a_finding_scrolls_its_evidence_into_view(server: dict[str, Any], page: Any):
    page.goto(f"{server['url']}/stories/{server['story']}?kind=quote_variant")
    page.click("li.finding a.open-finding >> nth=0")
    page.wait_for_url("**finding=**")
    evidence = page.locator(".columns p.evidence")
    assert evidence.count() == 2
    anchor = page.evaluate("location.hash").lstrip("#")
    target = page.locator(f"[id='{anchor}']")
    assert "evidence" in (target.get_attribute("class") or "")
    target.wait_for(state="visible")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box  # in the viewport: scrolled to
    page.screenshot(path=str(page.shots / "finding.png"))
    assert page.console_errors == []


def test_comparing_two_reports_highlights_aligned_sentences(server: dict[str, Any], page: Any):
    page.goto(f"{server['url']}/stories/{server['story']}#compare")
    page.select_option("#compare-form select >> nth=0", "0")
    page.select_option("#compare-form select >> nth=1", "1")
    page.click("#compare-form button[type=submit]")
    page.wait_for_url("**compare=0&compare=1**")
    assert page.locator(".columns .column").count() == 2
    aligned = page.locator(".columns p.aligned")
    assert aligned.count() >= 2
    claim = aligned.first.get_attribute("data-claim")
    assert page.locator(f".columns p[data-claim='{claim}']").count() >= 2  # the same claim in both columns
    aligned.first.hover()
    assert "hover" in (page.locator(f".columns p[data-claim='{claim}']").last.get_attribute("class") or "")
    page.screenshot(path=str(page.shots / "compare.png"))
    assert page.console_errors == []


def test_a_report_and_the_outlets(server: dict[str, Any], page: Any):
    page.goto(f"{server['url']}/stories/{server['story']}#reports")
    page.click("#reports tbody tr a >> nth=0")
    page.wait_for_url("**/reports/**")
    assert page.locator("#report-text mark.fact").count() >= 3
    page.screenshot(path=str(page.shots / "report.png"), full_page=True)
    page.goto(server["url"] + "/outlets")
    assert page.locator("#outlets tbody tr").count() >= 1
    assert page.console_errors == []
