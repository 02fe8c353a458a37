"""Hostile field values never reach an output raw, options are validated, files are written whole,
and readers work on stores they cannot write (issue 12).

Why: a report's id, outlet, language, url or title comes from whoever wrote the input. Markdown and
HTML dossiers are opened in renderers that run HTML; terminals obey escape sequences. Every format
must show such a value as text, and JSON must keep it exactly.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from storyline.check import compare
from storyline.cli import app
from storyline.model import Article, Dossier
from storyline.pipeline import extract
from storyline.render import render
from storyline.render.terminal import to_text

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

NASTY = ["<img src=x onerror=alert(1)>", "`", "``", "](javascript:alert(1))", "[x](javascript:alert(1))",
         "\x1b[31m", "\x1b]8;;http://evil/\x07", "\r", "\x00", "\u202e", "\x9b", "\x7f", "\n", "<script>", "&lt;",
         "|", "*", "_", "\\"]
nasty_text = st.lists(st.sampled_from(NASTY) | st.text(max_size=4), min_size=1, max_size=5).map("".join)

# Fields that come from the input: in the articles, the ids that name them everywhere, and report text.
_ARTICLE_FIELDS = ("outlet", "lang", "url", "title", "source", "date", "label")
# Control characters a field must never bring to a terminal: C0 but newline, DEL, C1, bidi overrides.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    arts = [a for a in extract(["examples/port-alder-fire"]) if isinstance(a, Article)]
    return compare(arts, method="lexical").to_dict()


def _poison(data: dict[str, Any], bad: str) -> Dossier:
    """The example dossier with ``bad`` in every field a report supplies: ids (everywhere they are
    used, so the dossier stays consistent), article fields, and every piece of quoted report text."""
    ids = {a["id"]: a["id"] + bad for a in data["articles"]}

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str):
            if value in ids and key in ("id", "article", "articles", "a", "b"):
                return ids[value]
            if key in ("text", "summary"):
                return value + " " + bad
        return value

    poisoned = walk(data)
    for a in poisoned["articles"]:
        for field in _ARTICLE_FIELDS:
            a[field] = (a.get(field) or "") + bad
    return Dossier.from_dict(poisoned)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


def _html_tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def clean_tags(example: dict[str, Any]) -> tuple[_Tags, _Tags]:
    """The tags and attributes each format makes on its own (the example has no markup in it)."""
    d = Dossier.from_dict(example)
    md = MarkdownIt("commonmark").enable("table").render(render(d, "markdown"))
    return _html_tags(md), _html_tags(render(d, "html"))


@settings(max_examples=40)
@given(bad=nasty_text)
def test_every_format_shows_hostile_fields_as_text(example, clean_tags, bad):
    d = _poison(example, bad)
    md_tags, html_tags = clean_tags
    # JSON keeps every value exactly.
    assert json.loads(render(d, "json")) == d.to_dict()
    # Markdown: no tag, link or attribute that the clean dossier does not make; labels stay in their code span.
    markdown = render(d, "markdown")
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    found = _html_tags(rendered)
    assert found.tags <= md_tags.tags and found.attrs <= md_tags.attrs, (found.tags, found.attrs)
    assert "javascript:" not in "".join(re.findall(r'href="[^"]*"', rendered))
    assert not _CONTROL.search(markdown.replace("\n", ""))
    # HTML: no tag or attribute from a field.
    found = _html_tags(render(d, "html"))
    assert found.tags <= html_tags.tags and found.attrs <= html_tags.attrs, (found.tags, found.attrs)
    # Terminal text, plain and coloured: no control character from a field.
    assert not _CONTROL.search(render(d, "text"))
    coloured = re.sub(r"\x1b\[[0-9;]*m", "", to_text(d, color=True))
    assert not _CONTROL.search(coloured)


def test_markdown_code_span_holds_a_label_with_backticks(example):
    d = _poison(example, "``x` <b>")
    rendered = MarkdownIt("commonmark").render(render(d, "markdown"))
    codes = re.findall(r"<code>(.*?)</code>", rendered)
    assert codes and all("``x` &lt;b&gt;" in c for c in codes), codes[:3]


def test_good_markdown_is_unchanged(example):
    """A plain label keeps its single-backtick span: escaping changes only what needs it."""
    markdown = render(Dossier.from_dict(example), "markdown")
    assert "`01-coastal-courier #0`" in markdown


# --- the plain-text outputs of the commands ---------------------------------------------------------

EVIL = "Ev\x1b[31mil\x1b]8;;http://x/\x07 \u202eOut\x00let\r"


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    text = ("The river burst its banks on Sunday and flooded 200 homes in Riverton, Mayor Ann Lee said on "
            "Monday. \"We are working day and night,\" Lee told reporters.")
    records = [{"id": f"r{i}\x1b[2J{EVIL}", "outlet": EVIL, "url": f"http://e.org/{i}\x1b[0m", "title": EVIL,
                "lang": "en\x1b[1m", "text": text + f" Report {i}."} for i in range(2)]
    path = folder / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_store(hostile_corpus: Path, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hostile-db") / "s.db"
    result = runner.invoke(app, ["ingest", str(hostile_corpus), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def _assert_no_control(text: str) -> None:
    assert not _CONTROL.search(text), repr(_CONTROL.search(text))


@pytest.mark.parametrize("args", [["stories"], ["search", "river"], ["show", "s"]])
def test_store_listings_print_no_control_characters(hostile_store, args):
    result = runner.invoke(app, [*args, "--db", str(hostile_store)])
    assert result.exit_code == 0, result.stderr
    _assert_no_control(result.stdout)
    assert "Ev" in result.stdout


@pytest.mark.parametrize("command", ["extract", "group", "compare"])
def test_commands_print_no_control_characters(hostile_corpus, command):
    args = [command, str(hostile_corpus)] + (["--format", "text"] if command != "compare" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    _assert_no_control(result.stdout)
    _assert_no_control(result.stderr)


def test_error_lines_escape_control_characters(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "no\x1b[31mfile\u202e.txt")])
    assert result.exit_code == 2
    _assert_no_control(result.stderr)
    assert "\\x1b[31m" in result.stderr


# --- search and numeric options ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "news.db"
    result = runner.invoke(app, ["ingest", "examples/port-alder-fire", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def test_a_huge_query_is_bounded_with_a_note(store, monkeypatch):
    from storyline.store import queries

    seen: list[str] = []
    real = queries.fts_query
    monkeypatch.setattr(queries, "fts_query", lambda text: seen.append(real(text)) or seen[-1])
    words = " ".join(f"word{i}" for i in range(2000))
    result = runner.invoke(app, ["search", "fire " + words, "--db", str(store)])
    assert result.exit_code == 0, result.stderr
    assert len(seen[0].split()) == queries.MAX_TERMS
    notes = [ln for ln in result.stderr.splitlines() if ln]
    assert len(notes) == 1 and "2001" in notes[0] and str(queries.MAX_TERMS) in notes[0], result.stderr


def test_repeated_words_count_once(store):
    from storyline.store.queries import query_terms

    assert query_terms("fire Fire fire* fire") == ['"fire"', '"Fire"', '"fire"*']


@pytest.mark.parametrize("args", [
    ["search", "fire", "--limit", "1e20"], ["search", "fire", "--limit", "-1"], ["search", "fire", "--limit", "0"],
    ["search", "fire", "--limit", "100000000000000000000"],
    ["stories", "--limit", "-1"], ["stories", "--limit", "0"], ["stories", "--limit", "100000000000000000000"],
    ["stories", "--min-reports", "100000000000000000000"], ["stories", "--min-reports", "0"],
    ["ingest", "examples/port-alder-fire", "--batch", "0"], ["ingest", "examples/port-alder-fire", "--workers", "-1"],
    ["ingest", "examples/port-alder-fire", "--workers", "100000"],
    ["ingest", "examples/port-alder-fire", "--batch", "100000000000000000000"],
    ["extract", "examples/port-alder-fire", "--max-mb", "1e20"],
])
def test_numeric_options_out_of_range_are_usage_errors(store, args):
    result = runner.invoke(app, [*args, "--db", str(store)] if args[0] != "extract" else args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert args[-2] in result.stderr, result.stderr


# --- atomic output files ----------------------------------------------------------------------------

def test_compare_output_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    from storyline.cli import output

    out = tmp_path / "dossier.md"
    out.write_text("the old dossier\n")

    def full_disk(stream: Any, text: str) -> None:
        stream.write(text[:100])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output, "_write", full_disk)
    result = runner.invoke(app, ["compare", "examples/port-alder-fire", "--method", "lexical", "-o", str(out)])
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("storyline: error")]
    assert len(errors) == 1 and str(out) in errors[0] and "space" in errors[0], result.stderr
    assert out.read_text() == "the old dossier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.md"]


def test_compare_output_replaces_the_file(tmp_path):
    out = tmp_path / "dossier.json"
    out.write_text("old")
    result = runner.invoke(app, ["compare", "examples/port-alder-fire", "--method", "lexical", "-o", str(out),
                                 "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["schema_version"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_compare_to_a_full_device_is_one_line(fmt):
    cli = [sys.executable, "-m", "storyline", "compare", "examples/port-alder-fire", "--method", "lexical",
           "--format", fmt]
    with open("/dev/full", "w") as full:
        done = subprocess.run(cli, stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO)
    lines = done.stderr.splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and "internal error" not in lines[0] and "space" in lines[0], done.stderr


# --- read-only stores -------------------------------------------------------------------------------

def _copy_store(store: Path, db: Path) -> None:
    """A checkpointed copy of the store: no -wal or -shm beside it."""
    with sqlite3.connect(store) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    dst.close()
    src.close()


@pytest.fixture
def sealed_store(store: Path):
    """A copy of the store, read-only, in a folder nobody may write (under /tmp, so that another user
    can reach it)."""
    folder = Path(tempfile.mkdtemp(prefix="storyline-ro-"))
    db = folder / "news.db"
    _copy_store(store, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _as_someone_else() -> list[str] | None:
    """Run as root, chmod does not restrict: run the reader as nobody instead (None: cannot)."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return []
    if shutil.which("setpriv") is None:
        return None
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.parametrize("args", [["stories"], ["search", "fire"], ["show", "s"]])
def test_readers_work_on_a_store_they_cannot_write(sealed_store, args):
    prefix = _as_someone_else()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot make a store root may not write")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([*prefix, sys.executable, "-m", "storyline", *args, "--db", str(sealed_store)],
                          capture_output=True, text=True, cwd="/", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() and not done.stderr
    assert sorted(p.name for p in sealed_store.parent.iterdir()) == ["news.db"]


@pytest.mark.parametrize("args", [["stories"], ["search", "fire"], ["show", "s"]])
def test_readers_leave_no_files_beside_the_store(store, tmp_path, args):
    """The reading path opens read-only: no -wal or -shm file appears next to a checkpointed store."""
    db = tmp_path / "news.db"
    _copy_store(store, db)
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]


def test_read_only_store_refuses_writes(store):
    from storyline.store import Store

    with Store(store, readonly=True) as opened, pytest.raises(sqlite3.OperationalError):
        opened.conn.execute("CREATE TABLE x (y)")


def test_readers_see_what_a_running_writer_committed(store, tmp_path):
    """A WAL store with a live writer is still read through the WAL (not as an immutable snapshot)."""
    from storyline.store import Store, list_stories

    db = tmp_path / "live.db"
    _copy_store(store, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("UPDATE stories SET title = 'changed while reading'")
    with Store(db, readonly=True) as opened:
        titles = {r.title for r in list_stories(opened)}
    writer.close()
    assert titles == {"changed while reading"}
