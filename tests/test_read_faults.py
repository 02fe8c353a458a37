"""Faults a hostile or unlucky user meets (issue 12): every reader isolates the bad record, reports it
as one ReadError naming the file, the record and the fix, and reads the rest. Truncation and
unreadable paths are reported, never silent. Every input is generated here; the report text is invented.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Article, ReadError
from storyline.read import read

REPORT = ("The harbour board met on Thursday and approved a new ferry route to Gull Island, chair Nora Vance "
          "said. \"It will cut the crossing to forty minutes,\" Vance told reporters. Service starts in June.")
runner = CliRunner()


def read_all(*inputs: object) -> list[Article | ReadError]:
    return list(read([str(i) for i in inputs]))


def errors(items: list[Article | ReadError]) -> list[ReadError]:
    out = [x for x in items if isinstance(x, ReadError)]
    for err in out:
        assert "\n" not in err.message() and err.hint, err
    return out


def articles(items: list[Article | ReadError]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def _line(n: int) -> str:
    return json.dumps({"id": f"r{n}", "text": f"{REPORT} Record number {n}."})


# --- 1. JSONL: one bad line is one error; every other line is read ------------------------------------

BAD_LINES = {
    "long integer": '{"text": "x", "n": ' + "7" * 5000 + "}",
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep object": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "not JSON": "this line is not JSON at all",
    "not an object": "[1, 2, 3]",
}


@pytest.mark.parametrize("kind", sorted(BAD_LINES))
def test_jsonl_bad_line_is_one_error_and_the_rest_is_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [_line(1), _line(2), BAD_LINES[kind], _line(4), _line(5)]
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path)
    [err] = errors(items)
    assert err.input == f"{path}:3", err
    assert "line" in err.reason.lower() and err.hint
    assert [a.id for a in articles(items)] == ["r1", "r2", "r4", "r5"]


@pytest.mark.parametrize("kind", ["long integer", "deep object"])
def test_jsonl_bad_first_line_without_extension_still_reads_as_jsonl(tmp_path: Path, kind: str) -> None:
    """The sniffer reads the first line too: a line it cannot parse must not turn the corpus into text."""
    path = tmp_path / "corpus"
    path.write_text("\n".join([BAD_LINES[kind], _line(2), _line(3)]) + "\n")
    items = read_all(path)
    [err] = errors(items)
    assert err.input == f"{path}:1"
    assert [a.id for a in articles(items)] == ["r2", "r3"]


@pytest.mark.parametrize("kind", ["long integer", "deep nesting"])
def test_json_document_python_cannot_parse_is_one_clear_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "doc.json"
    path.write_text(BAD_LINES[kind])
    [err] = errors(read_all(path))
    assert err.input == str(path) and "unexpected" not in err.reason and "bug" not in err.hint


# --- 2. WARC cut in the middle of a record ----------------------------------------------------------

def _page(n: int, extra: str = "") -> bytes:
    return (f"<html><head><title>Ferry route {n}</title></head><body><article><p>{REPORT} Page {n}.{extra} "
            + "The crossing will be run by two new boats. " * 20 + "</p></article></body></html>").encode()


def _record(n: int, extra: str = "") -> bytes:
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + _page(n, extra)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/{n}\r\n"
            f"WARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def _check_cut(items: list[Article | ReadError], path: Path) -> None:
    [err] = errors(items)
    assert err.input == str(path)
    assert "truncated at record 3" in err.reason, err
    assert [a.url for a in articles(items)] == ["http://example.test/1", "http://example.test/2"]
    for art in articles(items):
        assert art.text.rstrip().endswith("new boats."), art.text[-80:]


@pytest.mark.parametrize("where", [0.5, 0.9])
def test_plain_warc_cut_mid_record_keeps_the_records_before_and_says_truncated(tmp_path: Path, where: float) -> None:
    records = [_record(n) for n in (1, 2, 3)]
    path = tmp_path / "cut.warc"
    path.write_bytes(records[0] + records[1] + records[2][: int(len(records[2]) * where)])
    items = read_all(path)
    _check_cut(items, path)
    assert "http://example.test/3" in errors(items)[0].reason  # the record's URL, known from its headers


def test_plain_warc_cut_at_every_point_of_the_last_record(tmp_path: Path) -> None:
    """Wherever the cut falls (headers, HTTP headers, page), never a silent loss or a partial page."""
    records = [_record(n) for n in (1, 2, 3)]
    content_end = len(records[2]) - 4  # the closing blank lines are not content
    path = tmp_path / "cut.warc"
    for cut in range(1, content_end, 7):
        path.write_bytes(records[0] + records[1] + records[2][:cut])
        _check_cut(read_all(path), path)


def test_gzipped_warc_cut_mid_record(tmp_path: Path) -> None:
    members = [gzip.compress(_record(n)) for n in (1, 2, 3)]
    path = tmp_path / "cut.warc.gz"
    for frac in (0.3, 0.6, 0.95):
        path.write_bytes(members[0] + members[1] + members[2][: int(len(members[2]) * frac)])
        _check_cut(read_all(path), path)


def test_complete_warc_has_no_error(tmp_path: Path) -> None:
    path = tmp_path / "whole.warc"
    path.write_bytes(b"".join(_record(n) for n in (1, 2, 3)))
    items = read_all(path)
    assert errors(items) == [] and len(articles(items)) == 3


def test_extract_of_a_truncated_warc_exits_1(tmp_path: Path) -> None:
    records = [_record(n) for n in (1, 2, 3)]
    path = tmp_path / "cut.warc"
    path.write_bytes(records[0] + records[1] + records[2][: len(records[2]) // 2])
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert "truncated at record 3" in result.stderr
    assert len(json.loads(result.stdout)) == 2


# --- 3. unreadable directories and files --------------------------------------------------------------

def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text(REPORT)
    (root / "locked" / "b.txt").write_text(REPORT + " Locked.")
    (root / "z.txt").write_text(REPORT + " Last.")
    return root


def test_unreadable_subdirectory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _folder(tmp_path)
    locked = str(root / "locked")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", locked)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    items = read_all(root)
    [err] = errors(items)
    assert err.input == locked and "permission denied" in err.reason.lower()
    assert "chmod" in err.hint or "permission" in err.hint
    assert sorted(Path(a.source or "").name for a in articles(items)) == ["a.txt", "z.txt"]


def test_unreadable_top_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _folder(tmp_path)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == str(root):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(root))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    [err] = errors(read_all(root))
    assert err.input == str(root) and "permission denied" in err.reason.lower()


def test_unreadable_file_in_a_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    root = _folder(tmp_path)
    locked = str(root / "locked" / "b.txt")
    real = builtins.open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", fake_open)
    items = read_all(root)
    [err] = errors(items)
    assert err.input == locked and "permission denied" in err.reason.lower() and "chmod" in err.hint
    assert len(articles(items)) == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads through chmod 000")
def test_chmod_000_subdirectory_is_reported(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "locked").chmod(0)
    try:
        items = read_all(root)
    finally:
        (root / "locked").chmod(0o755)
    [err] = errors(items)
    assert err.input == str(root / "locked") and "permission denied" in err.reason.lower()
    assert len(articles(items)) == 2


# --- 4. dates near year 1 and 9999 ----------------------------------------------------------------------

EXTREME_DATES = ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00"]
DATED_TEXT = (REPORT + " The first boat sails next Monday, a week after the vote, and the second one next "
              "month; the route was first proposed last year.")


def _dated_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "dated.jsonl"
    rows = [{"id": f"d{i}", "text": DATED_TEXT, "date": d} for i, d in enumerate(EXTREME_DATES)]
    rows.append({"id": "normal", "text": DATED_TEXT, "date": "2024-05-02"})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_extreme_jsonl_dates_keep_the_record(tmp_path: Path) -> None:
    items = read_all(_dated_corpus(tmp_path))
    assert errors(items) == []
    by_id = {a.id: a for a in articles(items)}
    assert len(by_id) == 5 and by_id["normal"].date == "2024-05-02"
    for i, raw in enumerate(EXTREME_DATES):
        art = by_id[f"d{i}"]
        assert art.date is None and art.meta["date_raw"] == raw, (raw, art.date, art.meta)


@pytest.mark.parametrize("command", ["extract", "group", "compare"])
def test_extreme_dates_pass_analyze_and_group(tmp_path: Path, command: str) -> None:
    result = runner.invoke(app, [command, str(_dated_corpus(tmp_path)), "-f", "json"])
    assert result.exit_code == 0, (result.exit_code, result.stderr)
    assert "failed" not in result.stderr and "error" not in result.stderr.lower()


def test_dates_just_inside_the_range_are_kept_and_analysed(tmp_path: Path) -> None:
    path = tmp_path / "edge.jsonl"
    rows = [{"id": "lo", "text": DATED_TEXT, "date": "0002-01-01"}, {"id": "hi", "text": DATED_TEXT, "date": "9998-12-31"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert {a.id: a.date for a in articles(read_all(path))} == {"lo": "0002-01-01", "hi": "9998-12-31"}
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr


def test_extreme_feed_dates_keep_the_entry(tmp_path: Path) -> None:
    stamps = ["Fri, 31 Dec 9999 23:59:59 -1400", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT",
              "Thu, 02 May 2024 10:00:00 GMT"]
    items_xml = "".join(f"<item><title>Ferry {i}</title><link>https://example.test/{i}</link><description>"
                        f"{DATED_TEXT} Entry {i}.</description><pubDate>{s}</pubDate></item>"
                        for i, s in enumerate(stamps))
    path = tmp_path / "feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items_xml}</channel></rss>')
    items = read_all(path)
    assert errors(items) == []
    arts = articles(items)
    assert len(arts) == 4
    assert [a.date for a in arts] == [None, None, None, "2024-05-02"]
    assert [a.meta.get("date_raw") for a in arts] == [*stamps[:3], None]
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr


def test_extreme_html_dates_keep_the_page(tmp_path: Path) -> None:
    for i, stamp in enumerate(["9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-05:00"]):
        path = tmp_path / f"p{i}.html"
        path.write_text(f'<html><head><meta property="article:published_time" content="{stamp}">'
                        f"<title>Ferry</title></head><body><article><p>{DATED_TEXT}</p></article></body></html>")
        [art] = articles(read_all(path))
        assert art.date is None or "0002-01-01" <= art.date <= "9998-12-31"
        assert runner.invoke(app, ["extract", str(path), "-f", "json"]).exit_code == 0


# --- 5. feeds behind a long prologue ----------------------------------------------------------------------

def _items(n: int = 3) -> str:
    return "".join(f"<item><title>Ferry {i}</title><link>https://example.test/{i}</link>"
                   f"<description>{REPORT} Entry {i}.</description></item>" for i in range(n))


def _rss() -> bytes:
    return f'<rss version="2.0"><channel><title>Gazette</title>{_items()}</channel></rss>'.encode()


PROLOGUES = {
    "doctype with a 100 KB internal subset": b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
    + b"".join(b'<!ENTITY e%d "padding value %d, with a > sign">\n' % (i, i) for i in range(2500)) + b"]>\n",
    "attlist subset with a comment": b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
    + b"".join(b"<!ATTLIST item a%d CDATA #IMPLIED>\n" % i for i in range(3000)) + b"<!-- a > b -->\n]>\n",
    "long comments and a BOM": b'\xef\xbb\xbf \n<?xml version="1.0" encoding="utf-8"?>\n'
    + (b"<!-- " + b"a comment that goes on and on " * 900 + b"-->\n<?xml-stylesheet href='a.xsl'?>\n") * 3,
    "short doctype and comment": b'<?xml version="1.0"?><!-- ' + b"x" * 3000 + b' --><!DOCTYPE rss><!-- c -->',
}


@pytest.mark.parametrize("name", sorted(PROLOGUES))
def test_feed_behind_a_long_prologue_is_read_as_a_feed(tmp_path: Path, name: str) -> None:
    path = tmp_path / "feed.txt"  # the name says nothing; the content decides
    path.write_bytes(PROLOGUES[name] + _rss())
    items = read_all(path)
    arts = articles(items)
    assert [a.url for a in arts] == [f"https://example.test/{i}" for i in range(3)], [i for i in items][:2]
    assert all("ENTITY" not in a.text and "padding" not in a.text for a in arts)


def test_atom_behind_a_long_prologue(tmp_path: Path) -> None:
    entries = "".join(f"<entry><title>Ferry {i}</title><link href='https://example.test/{i}'/><id>urn:{i}</id>"
                      f"<summary>{REPORT} Entry {i}.</summary></entry>" for i in range(2))
    path = tmp_path / "atom.xml"
    path.write_bytes(PROLOGUES["doctype with a 100 KB internal subset"].replace(b"DOCTYPE rss", b"DOCTYPE feed")
                     + f'<feed xmlns="http://www.w3.org/2005/Atom"><title>G</title>{entries}</feed>'.encode())
    assert [a.url for a in articles(read_all(path))] == ["https://example.test/0", "https://example.test/1"]


def test_html_behind_a_long_prologue_is_still_html(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml.txt"
    path.write_bytes(b'<?xml version="1.0"?>\n<!-- ' + b"c" * 70_000 + b" -->\n<!DOCTYPE html>\n<html><head><title>"
                     b"Ferry</title></head><body><article><p>" + REPORT.encode() + b"</p></article></body></html>")
    [art] = articles(read_all(path))
    assert "<" not in art.text and "Gull Island" in art.text


def test_external_entity_behind_a_long_prologue_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    padding = b"".join(b"<!-- padding %d -->\n" % i for i in range(6000))
    path = tmp_path / "xxe.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + padding
                     + f'<!ENTITY xxe SYSTEM "file://{secret}">\n]>\n'.encode()
                     + f'<rss version="2.0"><channel><title>G</title><item><title>X</title><description>{REPORT} '
                       f"&xxe;</description></item></channel></rss>".encode())
    items = read_all(path)
    assert all("TOP-SECRET" not in a.text for a in articles(items))
    assert all("TOP-SECRET" not in e.reason for e in errors(items))


@pytest.mark.parametrize("pad", [0, 80_000])
def test_billion_laughs_is_not_expanded(tmp_path: Path, pad: int) -> None:
    lols = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    path = tmp_path / "lol.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE rss [' + b"<!-- " + b"p" * pad + b" -->" + lols.encode()
                     + b"]>\n" + f'<rss version="2.0"><channel><title>G</title><item><title>X</title><description>'
                                 f"{REPORT} &lol9;</description></item></channel></rss>".encode())
    items = read_all(path)
    assert all(len(a.text) < 10_000 for a in articles(items))


# --- 6. a surprise inside one record costs that record only, in every reader -------------------------------

def _with_bad_record(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """A three-record input of ``kind`` whose second record holds BOOM; and that record's address."""
    texts = [f"{REPORT} Record {n}." + (" BOOM" if n == 2 else "") for n in (1, 2, 3)]
    if kind == "jsonl":
        path = tmp_path / "c.jsonl"
        path.write_text("\n".join(json.dumps({"id": f"r{n}", "text": t}) for n, t in zip((1, 2, 3), texts, strict=True)) + "\n")
        return path, f"{path}:2"
    if kind == "json":
        path = tmp_path / "c.json"
        path.write_text(json.dumps([{"id": f"r{n}", "text": t} for n, t in zip((1, 2, 3), texts, strict=True)]))
        return path, f"{path}:2"
    if kind == "feed":
        path = tmp_path / "c.xml"
        items = "".join(f"<item><title>T{n}</title><link>https://example.test/{n}</link><description>{t}"
                        "</description></item>" for n, t in zip((1, 2, 3), texts, strict=True))
        path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>{items}</channel></rss>')
        return path, f"{path}#2"
    path = tmp_path / "c.warc"
    path.write_bytes(b"".join(_record(n, " BOOM" if n == 2 else "") for n in (1, 2, 3)))
    return path, f"{path}#http://example.test/2"


@pytest.mark.parametrize("kind", ["jsonl", "json", "feed", "warc"])
def test_a_surprise_in_one_record_costs_that_record_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         kind: str) -> None:
    import importlib

    common = importlib.import_module("storyline.read._common")  # the package exports a read() that shadows it
    real = common.clean_text

    def clean_text(text: str, **kwargs: object) -> object:
        if "BOOM" in text:
            raise RecursionError("maximum recursion depth exceeded") if kind in ("json", "warc") \
                else RuntimeError("a bug")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(common, "clean_text", clean_text)
    path, where = _with_bad_record(tmp_path, kind)
    items = read_all(path)
    [err] = errors(items)
    assert err.input == where, err
    assert len(articles(items)) == 2 and all("BOOM" not in a.text for a in articles(items))


def test_feed_behind_a_long_prologue_at_a_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Served as text/plain, so the content alone must say it is a feed."""
    import functools
    import http.server
    import threading

    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "feed.txt").write_bytes(PROLOGUES["doctype with a 100 KB internal subset"] + _rss())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        items = list(read([f"http://127.0.0.1:{httpd.server_address[1]}/feed.txt"], allow_private=True))
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
    assert [a.url for a in articles(items)] == [f"https://example.test/{i}" for i in range(3)]
