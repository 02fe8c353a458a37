"""Bad input never crashes a command: one line on stderr naming the file and the fix, the batch goes
on with the good inputs, exit 1 when some failed and 2 when none worked, no traceback, and a kill
never corrupts the store.

Every bad file is generated here; the two good reports are invented. Decision recorded here: compare
with a single readable report prints a one-report dossier (its facts, nothing cross-checked) with a
warning naming the report, and exits 0 — a journalist with one article still wants its facts listed.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.cli.app import run as cli_run

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

GOOD_A = ("Riverton, Monday. The river burst its banks on Sunday night and flooded 200 homes in the east of "
          "Riverton, Mayor Ann Lee said on Monday. \"We are working day and night to get families back into "
          "their houses,\" Lee told reporters at the town hall. About 40 people spent the night in a school "
          "gym, the fire service said.")
GOOD_B = ("Floods hit about 210 homes in eastern Riverton after the river rose on Sunday night, according to "
          "Mayor Ann Lee. \"We are working day and night to get families home,\" Lee said on Monday. The fire "
          "service said 40 residents slept in a school gym.")
OFF_STORY = ("Oakfield United beat Millbrook Rovers 3-1 on Saturday, with striker Tom Park scoring twice in the "
             "second half. Coach Maria Ruiz said the team \"played with heart\" and that the league title was "
             "now within reach. The crowd of 8,000 was the largest of the season.")


def _cli() -> list[str]:
    exe = REPO / ".venv" / "bin" / "storyline"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "storyline"]


def _warc_record(kind: str, uri: str, content_type: str, payload: bytes, n: int) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def _warc_without_html(path: Path) -> None:
    """An image resource and a JSON response: a crawl that caught no article page."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n" + b'{"a": 1}'
    path.write_bytes(_warc_record("resource", "http://example.com/a.png", "image/png", b"\x89PNG\r\n\x1a\n....", 1)
                     + _warc_record("response", "http://example.com/x.json", "application/http; msgtype=response",
                                    http, 2))


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    p = {name: d / name for name in ("empty.txt", "binary.bin", "huge.txt", "cp1252.txt", "notext.html",
                                      "mixed.jsonl", "hugeline.jsonl", "nonhtml.warc", "missing.txt",
                                      "emptydir", "mixdir", "a.txt", "b.txt", "c.txt", "notdb.db")}
    p["empty.txt"].write_bytes(b"")
    rnd = random.Random(1)
    p["binary.bin"].write_bytes(bytes(rnd.randrange(256) for _ in range(4096)) + b"\0" * 16)
    block = b"The council met on Tuesday and voted 7 to 2 for the new bridge.\n" * 16384  # ~1 MB
    with open(p["huge.txt"], "wb") as fh:
        for _ in range(50):
            fh.write(block)
    p["cp1252.txt"].write_bytes("Mayor José Gómez said \u201cwe will rebuild\u201d after the fire destroyed 40 "
                                "homes in Ashford on Monday.".encode("cp1252"))
    p["notext.html"].write_text("<html><head><title></title></head><body><div><img src='x.png'></div>"
                                "<script>var a = 1;</script></body></html>")
    good = [{"id": "g1", "text": GOOD_A, "outlet": "Daily A"}, {"id": "g2", "text": GOOD_B, "outlet": "Daily B"}]
    p["mixed.jsonl"].write_text(json.dumps(good[0]) + "\n{not json\n" + json.dumps(good[1]) + "\n")
    with open(p["hugeline.jsonl"], "w") as fh:
        fh.write(json.dumps(good[0]) + "\n")
        fh.write(json.dumps({"id": "h", "text": "word " * (5 * 1024 * 1024)}) + "\n")  # a 25 MB line
        fh.write(json.dumps(good[1]) + "\n")
    _warc_without_html(p["nonhtml.warc"])
    p["emptydir"].mkdir()
    mix = p["mixdir"]
    mix.mkdir()
    (mix / "a.txt").write_text(GOOD_A)
    (mix / "b.txt").write_text(GOOD_B)
    (mix / "c.txt").write_bytes(b"")
    (mix / "d.txt").write_bytes(b"\0\1\2" * 100)
    (mix / "e.jsonl").write_text("{broken\n")
    p["a.txt"].write_text(GOOD_A)
    p["b.txt"].write_text(GOOD_B)
    p["c.txt"].write_text(OFF_STORY)
    p["notdb.db"].write_text("this is a note, not a database\n" * 100)
    return p


# name -> (bad inputs named on stderr, good articles expected)
CASES = {
    "empty.txt": (["empty.txt"], 0),
    "binary.bin": (["binary.bin"], 0),
    "huge.txt": (["huge.txt"], 0),
    "cp1252.txt": ([], 1),
    "notext.html": (["notext.html"], 0),
    "mixed.jsonl": (["mixed.jsonl:2"], 2),
    "hugeline.jsonl": (["hugeline.jsonl:2"], 2),
    "nonhtml.warc": (["nonhtml.warc"], 0),
    "missing.txt": (["missing.txt"], 0),
    "emptydir": (["emptydir"], 0),
    "mixdir": (["c.txt", "d.txt", "e.jsonl"], 2),
}


def _n_good(command: str, stdout: str) -> int:
    """How many articles the command processed, from its JSON output."""
    if not stdout.strip():
        return 0
    data = json.loads(stdout)
    if command == "extract":
        return len(data)
    if command == "group":
        return sum(len(s["articles"]) for s in data["stories"])
    if command == "compare":
        return len(data["articles"])
    return data["read"]


def _assert_clean_stderr(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for ln in lines:
        assert ln.startswith("storyline: "), f"stray stderr line: {ln!r}"
    return [ln for ln in lines if ln.startswith("storyline: error:")]


@pytest.mark.parametrize("command", ["extract", "compare", "group", "ingest"])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_the_batch_goes_on(files, tmp_path, command, case):
    bad_names, n_good = CASES[case]
    args = [command, str(files[case])]
    args += {"extract": ["-f", "json"], "compare": ["-f", "json"], "group": ["-f", "json"],
             "ingest": ["--json", "--db", str(tmp_path / "s.db")]}[command]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = _assert_clean_stderr(result.stderr)
    for name in bad_names:
        naming = [ln for ln in errors if name in ln]
        assert len(naming) == 1, f"{name}: expected one error line, got {errors}"
        assert naming[0].rstrip().endswith(")"), f"no fix in {naming[0]!r}"  # '(what to do)' closes the line
    expected = 0 if not bad_names else (1 if n_good else 2)
    assert result.exit_code == expected, (result.exit_code, result.stderr)
    assert _n_good(command, result.stdout) == n_good


def test_corrupt_archives_do_not_stop_a_folder(tmp_path):
    """A corrupt .warc.gz and a truncated WARC in a folder are reported; the files after them are read."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A)
    (folder / "b.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
                                    b"HTTP/1.1 200 OK\r\n\r\n<html>")
    (folder / "c.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + random.Random(3).randbytes(200))
    (folder / "d.txt").write_text(GOOD_B)
    result = runner.invoke(app, ["extract", str(folder), "-f", "json"])
    errors = _assert_clean_stderr(result.stderr)
    for name in ("b.warc", "c.warc.gz"):
        assert len([ln for ln in errors if name in ln]) == 1, errors
    assert sorted(Path(r["source"]).name for r in json.loads(result.stdout)) == ["a.txt", "d.txt"]
    assert result.exit_code == 1


@pytest.mark.parametrize("command", ["extract", "compare", "group", "ingest"])
def test_file_names_that_are_not_utf8_or_hold_a_newline(tmp_path, command):
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:  # a Latin-1 name
            fh.write(GOOD_A.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "b.txt").write_text(GOOD_B)
    (folder / "bad\nname.txt").write_bytes(b"")
    args = [command, str(folder), *(["--json", "--db", str(tmp_path / "s.db")] if command == "ingest"
                                    else ["-f", "json"])]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = _assert_clean_stderr(result.stderr)
    assert len(errors) == 1 and "bad\\nname.txt" in errors[0]  # the line break shown as an escape
    assert result.exit_code == 1
    assert _n_good(command, result.stdout) == 2
    if command != "ingest":
        assert "caf\\\\xe9.txt" in result.stdout  # the escaped name, inside JSON


def test_damaged_warc_is_one_line_on_stderr(tmp_path):
    """A WARC whose first record lacks its closing blank line: the archive library's own multi-line
    warnings must not reach the reader's terminal; storyline's one line says what happened."""
    page = f"<html><head><title>Flood</title></head><body><article><p>{GOOD_A}</p></article></body></html>"
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}").encode()
    record = _warc_record("response", "http://example.com/flood", "application/http; msgtype=response", http, 1)
    path = tmp_path / "damaged.warc"
    path.write_bytes(record[:-4] + record)
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = _assert_clean_stderr(result.stderr)
    assert len(errors) == 1 and "damaged.warc" in errors[0]


def test_wrongly_encoded_text_is_decoded(files):
    result = runner.invoke(app, ["extract", str(files["cp1252.txt"]), "-f", "json"])
    assert result.exit_code == 0
    text = json.loads(result.stdout)[0]["text"]
    assert "José Gómez" in text and "\ufffd" not in text


@pytest.mark.slow
def test_lone_surrogate_escapes_in_a_corpus_are_replaced_not_fatal(tmp_path):
    """JSON may escape half of a UTF-16 pair ("\\ud800"); such a string cannot be written as UTF-8,
    so SQLite, stdout and the topic model would refuse it. The reader replaces it and says so."""
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text('{"id": "s1", "text": "Fire near Kelport \\ud800 burned 2,921 acres.", "x": ["\\udfff"]}\n'
                      '{"id": "s2", "text": "Fire near Kelport burned 2,921 acres, officials said."}\n',
                      encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-f", "json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)[0]
    assert "Kelport \ufffd burned" in first["text"]
    assert first["meta"]["invalid_characters_replaced"] == 2 and first["meta"]["x"] == ["\ufffd"]
    db = tmp_path / "odd.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 articles read: 2 new" in result.output
    result = runner.invoke(app, ["group", str(corpus), "--method", "semantic"])
    assert result.exit_code == 0, result.output


def test_control_characters_in_a_json_string_are_dropped(tmp_path):
    """A JSON string may hold C0 controls ("\\u0000"); a text made only of them is no text at all."""
    corpus = tmp_path / "ctl.jsonl"
    corpus.write_text('{"id": "c1", "text": "Fire\\u0000 near Kelport\\u0007 burned 2,921 acres."}\n'
                      '{"id": "c2", "text": "\\u0000\\u0001\\u001f"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-f", "json"])
    assert result.exit_code == 1
    assert [a["text"] for a in json.loads(result.stdout)] == ["Fire near Kelport burned 2,921 acres."]
    errors = _assert_clean_stderr(result.stderr)
    assert len(errors) == 1 and "ctl.jsonl:2" in errors[0] and "no article text" in errors[0]


def test_huge_file_names_the_limit_and_the_option(files):
    result = runner.invoke(app, ["extract", str(files["huge.txt"])])
    assert result.exit_code == 2
    assert "huge.txt" in result.stderr and "--max-mb" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_max_mb_that_is_not_a_size(files, value):
    result = runner.invoke(app, ["extract", str(files["a.txt"]), "--max-mb", value])
    _one_error_line(result, "--max-mb")


def test_installed_command_exit_codes(files):
    """The real console script: 0 all read, 1 some failed, 2 none worked; never a traceback."""
    cli = _cli()
    for inputs, code in (([files["mixdir"]], 1), ([files["empty.txt"], files["missing.txt"]], 2)):
        proc = subprocess.run([*cli, "extract", *map(str, inputs)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == code, (inputs, proc.returncode, proc.stderr)
        assert "Traceback" not in proc.stderr


# --- an article the analyzers fail on, an unexpected crash -------------------------------------------

def test_analyzer_crash_on_one_article_does_not_stop_the_batch(files, monkeypatch):
    pipeline = importlib.import_module("storyline.pipeline")
    real = pipeline.analyze

    def flaky(article, **options):
        if "Oakfield" in (article.text or ""):
            raise ValueError("boom")
        return real(article, **options)

    monkeypatch.setattr(pipeline, "analyze", flaky)
    result = runner.invoke(app, ["extract", str(files["a.txt"]), str(files["c.txt"]), str(files["b.txt"]),
                                 "-f", "json"])
    errors = _assert_clean_stderr(result.stderr)
    assert len(errors) == 1 and "c.txt" in errors[0] and "ValueError" in errors[0]
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 2


def test_unexpected_exception_is_one_line_not_a_traceback(files, monkeypatch, capsys):
    check_module = importlib.import_module("storyline.check")

    def broken(*a, **k):
        raise RuntimeError("compare exploded\non two lines")

    monkeypatch.setattr(check_module, "compare", broken)
    monkeypatch.delenv("STORYLINE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exc:
        cli_run(["compare", str(files["a.txt"]), str(files["b.txt"])])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "internal error" in lines[0] and "RuntimeError" in lines[0]


# --- compare: one report, an off-story report ----------------------------------------------------------

def test_compare_one_report_gives_a_one_report_dossier(files):
    result = runner.invoke(app, ["compare", str(files["a.txt"]), "-f", "json"])
    assert result.exit_code == 0
    assert "only one report" in result.stderr and "a.txt" in result.stderr
    dossier = json.loads(result.stdout)
    assert len(dossier["articles"]) == 1
    assert dossier["same_story"]["summary"].lower().startswith("only one report")


def test_compare_names_the_report_from_another_story(files):
    result = runner.invoke(app, ["compare", str(files["a.txt"]), str(files["b.txt"]), str(files["c.txt"]),
                                 "-f", "json"])
    assert result.exit_code == 0
    dossier = json.loads(result.stdout)
    outliers = [o["article"] for o in dossier["same_story"]["outliers"]]
    assert len(outliers) == 1 and outliers[0].endswith("c.txt")
    warn = [ln for ln in result.stderr.splitlines() if "different story" in ln]
    assert len(warn) == 1 and "c.txt" in warn[0] and "a.txt" not in warn[0]


# --- the store ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(files, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "news.db"
    result = runner.invoke(app, ["ingest", str(files["a.txt"]), str(files["b.txt"]), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def _reader_args(command: str) -> list[str]:
    return {"stories": ["stories"], "show": ["show", "s0"], "search": ["search", "river"],
            "ingest": ["ingest", "IN"]}[command]


def _invoke_store(command: str, db: Path, good: Path, **kw):
    args = [str(good) if a == "IN" else a for a in _reader_args(command)]
    return runner.invoke(app, [*args, "--db", str(db)], **kw)


def _one_error_line(result, *must: str) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = _assert_clean_stderr(result.stderr)
    assert len(errors) == 1, result.stderr
    for word in must:
        assert word in errors[0], (word, errors[0])
    assert result.exit_code == 2
    return errors[0]


@pytest.mark.parametrize("command", ["ingest", "stories", "show", "search"])
def test_db_that_is_not_sqlite(files, command):
    before = files["notdb.db"].read_bytes()
    result = _invoke_store(command, files["notdb.db"], files["a.txt"])
    _one_error_line(result, "notdb.db", "not a storyline store", "--db")
    assert files["notdb.db"].read_bytes() == before


@pytest.mark.parametrize("command", ["ingest", "stories", "show", "search"])
def test_someone_elses_sqlite_file_is_left_alone(files, tmp_path, command):
    db = tmp_path / "contacts.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    result = _invoke_store(command, db, files["a.txt"])
    _one_error_line(result, "contacts.db", "not a storyline store", "--db")
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert tables == ["contacts"] and mode != "wal"


@pytest.mark.parametrize("command", ["stories", "show", "search"])
def test_readers_on_an_empty_or_missing_store(tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _one_error_line(_invoke_store(command, empty, empty), "empty.db", "not a storyline store")
    assert empty.read_bytes() == b""
    missing = tmp_path / "missing.db"
    _one_error_line(_invoke_store(command, missing, missing), "missing.db", "storyline ingest")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no junk files made


@pytest.mark.parametrize("command", ["ingest", "stories", "show", "search"])
def test_db_path_that_is_a_directory(files, tmp_path, command):
    _one_error_line(_invoke_store(command, tmp_path, files["a.txt"]), str(tmp_path), "directory", "--db")


def test_db_in_a_folder_that_cannot_hold_it(files, tmp_path):
    # The folder is a file: no user, root included, can create the store there.
    _one_error_line(_invoke_store("ingest", files["a.txt"] / "news.db", files["a.txt"]), "news.db", "--db")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions")
def test_db_in_a_read_only_folder(files, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        _one_error_line(_invoke_store("ingest", ro / "news.db", files["a.txt"]), "news.db", "--db")
    finally:
        ro.chmod(0o755)


def test_stories_in_a_store_that_holds_none(files, tmp_path):
    from storyline.store import Store

    db = tmp_path / "nothing.db"
    assert runner.invoke(app, ["ingest", str(files["empty.txt"]), "--db", str(db)]).exit_code == 2
    assert not db.exists()  # a run that read nothing leaves no store behind
    with Store(str(db)):
        pass  # an empty store, as after `storyline ingest` of inputs with no new articles
    result = runner.invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert result.stdout.startswith("0 stories") and "storyline ingest" in result.stdout


def test_show_unknown_story_says_how_to_find_ids(store):
    line = _one_error_line(runner.invoke(app, ["show", "no-such-story", "--db", str(store)]), "no-such-story")
    assert "storyline stories" in line
    listed = runner.invoke(app, ["stories", "--db", str(store), "-f", "json"])
    story_id = json.loads(listed.stdout)[0]["id"]
    shown = runner.invoke(app, ["show", story_id, "--db", str(store), "-f", "json"])
    assert shown.exit_code == 0 and len(json.loads(shown.stdout)["articles"]) == 2


@pytest.mark.parametrize("query", ["AND", '"', "*", "NEAR(", "", "OR OR", "a:b", "(", "-river", "^", "'",
                                   "river AND", "\"river", "NOT", "{x}", "river*", "\0", "river\0flood", "\x1b[31m"])
def test_search_survives_fts_syntax(store, query):
    result = runner.invoke(app, ["search", "--db", str(store), "--", query])  # `--`: "-river" is not an option
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().endswith("hits")


def test_search_finds_a_stored_word(store):
    result = runner.invoke(app, ["search", "river", "--db", str(store), "-f", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) >= 1


def test_storyline_db_environment_variable(files, tmp_path):
    db = tmp_path / "env.db"
    env = {"STORYLINE_DB": str(db)}
    assert runner.invoke(app, ["ingest", str(files["a.txt"])], env=env).exit_code == 0
    assert db.exists()
    listed = runner.invoke(app, ["stories", "-f", "json"], env=env)
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1


# --- kill safety -------------------------------------------------------------------------------------

def _invented_corpus(path: Path, n: int) -> None:
    rnd = random.Random(7)
    towns = ["Riverton", "Oakfield", "Millbrook", "Stonebridge", "Ashford", "Lakeside", "Brookvale"]
    people = ["Ann Lee", "Tom Park", "Maria Ruiz", "Omar Haddad", "Jane Cole", "Li Wei"]
    events = ["a fire destroyed {n} homes", "floods cut power to {n} houses", "the council approved {n} flats",
              "a storm felled {n} trees"]
    with open(path, "w") as fh:
        for i in range(n):
            town, who = rnd.choice(towns), rnd.choice(people)
            what = rnd.choice(events).format(n=rnd.randint(2, 900))
            text = f"In {town} on day {i}, {what}, {who} said. \"We will recover,\" {who.split()[1]} told reporters."
            fh.write(json.dumps({"id": f"r{i}", "text": text, "outlet": f"Paper {i % 9}"}) + "\n")


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_sound_store_and_a_rerun_completes(tmp_path):
    n = 1200
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "news.db"
    _invented_corpus(corpus, n)
    cmd = [*_cli(), "ingest", str(corpus), "--db", str(db), "--batch", "50"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300  # a wait, not a limit: a loaded machine may start slowly
    while _count(db) < 100 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; the test proves nothing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    at_kill = _count(db)
    assert 0 < at_kill < n
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE grouped = 0").fetchone()[0] == 0
        grouped = conn.execute("SELECT COUNT(DISTINCT article) FROM story_articles").fetchone()[0]
        assert grouped == n
    finally:
        conn.close()


def test_crash_while_grouping_keeps_the_articles_pending_and_a_rerun_groups_them(files, tmp_path, monkeypatch):
    """The story swap is one transaction: a crash inside it leaves the committed articles pending, the
    stories as they were, and the next run groups them."""
    from storyline.store import db as store_db

    real = store_db.Store.replace_stories

    def crash_midway(self, removed, stories, grouped):
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("DELETE FROM stories")  # half of a swap, then the process "dies"
        self.conn.execute("ROLLBACK")
        raise RuntimeError("killed while grouping")

    db = tmp_path / "news.db"
    monkeypatch.setattr(store_db.Store, "replace_stories", crash_midway)
    crashed = runner.invoke(app, ["ingest", str(files["a.txt"]), str(files["b.txt"]), "--db", str(db)])
    assert isinstance(crashed.exception, RuntimeError)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE grouped = 0").fetchone()[0] == 2
    finally:
        conn.close()
    monkeypatch.setattr(store_db.Store, "replace_stories", real)
    rerun = runner.invoke(app, ["ingest", str(files["a.txt"]), str(files["b.txt"]), "--db", str(db), "--json"])
    assert rerun.exit_code == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["new"] == 0 and summary["duplicate"] == 2 and summary["stories"] >= 1
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE grouped = 0").fetchone()[0] == 0
    finally:
        conn.close()
