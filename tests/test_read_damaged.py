"""Damaged and hostile inputs found by the robustness tests: each one is one clear ReadError (or is read
despite the damage), nothing crashes, nothing is printed behind storyline's back, and a folder walk
goes on after a bad file. Every input is generated here; the report text is invented."""

from __future__ import annotations

import importlib
import json
import os
import random
import sqlite3

import pytest

from storyline.model import Article, ReadError
from storyline.read import read
from storyline.read.files import _sniff_gzip

REPORT = ("The harbour board met on Thursday and approved a new ferry route to Gull Island, chair Nora Vance "
          "said. \"It will cut the crossing to forty minutes,\" Vance told reporters. Service starts in June.")


def read_all(*inputs, **kw) -> list[Article | ReadError]:
    return list(read([str(i) for i in inputs], **kw))


def errors(items) -> list[ReadError]:
    out = [x for x in items if isinstance(x, ReadError)]
    for err in out:
        assert "\n" not in err.message() and err.hint, err
    return out


def articles(items) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def _page(body: str = REPORT) -> bytes:
    return (f"<html><head><title>Ferry route</title></head><body><article><p>{body}</p></article>"
            "</body></html>").encode()


def _record(kind: str, uri: str | None, payload: bytes, n: int, ctype: str = "application/http; msgtype=response",
            ending: bytes = b"\r\n\r\n") -> bytes:
    target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\n{target}WARC-Date: 2024-05-06T07:08:09Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + ending


def _http(page: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page


# --- 1. corrupt gzip, and any surprise inside a folder walk ----------------------------------------------

def test_corrupt_gzip_is_one_error_and_the_folder_goes_on(tmp_path):
    bad = tmp_path / "b.warc.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00" + random.Random(3).randbytes(200))  # a header, then no deflate stream
    assert _sniff_gzip(str(bad)) == "corrupt"
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "c.txt").write_text(REPORT.replace("Thursday", "Friday"))
    items = read_all(tmp_path)
    [err] = errors(items)
    assert err.input == str(bad) and "damaged gzip" in err.reason
    assert [os.path.basename(a.source) for a in articles(items)] == ["a.txt", "c.txt"]


def test_any_exception_in_one_file_of_a_folder_is_that_file_s_error(tmp_path, monkeypatch):
    files = importlib.import_module("storyline.read.files")

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(REPORT)
    real = files.read_file

    def flaky(path, **kw):
        if path.endswith("b.txt"):
            yield from real(path, **kw)  # what was read before the crash is kept
            raise RuntimeError("surprise")
        yield from real(path, **kw)

    monkeypatch.setattr(files, "read_file", flaky)
    items = read_all(tmp_path)
    [err] = errors(items)
    assert err.input.endswith("b.txt") and "RuntimeError" in err.reason
    assert [os.path.basename(a.source) for a in articles(items)] == ["a.txt", "b.txt", "c.txt"]


# --- 2 and 3. WARC records warcio chokes on, and its stderr chatter ---------------------------------------

def test_warc_response_without_target_uri_is_skipped_and_the_rest_read(tmp_path, capfd):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_record("response", None, _http(_page("nothing to see here at all today")), 1)
                     + _record("response", "http://example.test/ferry", _http(_page()), 2))
    items = read_all(path)
    assert errors(items) == []
    [art] = articles(items)
    assert art.url == "http://example.test/ferry" and "Gull Island" in art.text
    assert capfd.readouterr().err == ""


def test_warc_with_only_uri_less_responses_names_them(tmp_path):
    path = tmp_path / "nouri.warc"
    path.write_bytes(_record("response", None, _http(_page()), 1))
    [err] = errors(read_all(path))
    assert err.input == str(path) and "1 response without WARC-Target-URI" in err.reason


@pytest.mark.parametrize("ending", [b"", b"garbage\r\n\r\n"])  # the next record unreadable / read
def test_record_not_followed_by_blank_line_is_one_error_and_silent(tmp_path, capfd, ending):
    path = tmp_path / "damaged.warc"
    first = _record("response", "http://example.test/ferry", _http(_page()), 1, ending=ending)
    path.write_bytes(first + _record("response", "http://example.test/ferry2", _http(_page()), 2))
    items = read_all(path)
    [err] = errors(items)
    assert err.input == str(path) and "damaged" in err.reason
    assert "not followed by the blank line" in err.reason
    assert articles(items) and articles(items)[0].url == "http://example.test/ferry"
    assert capfd.readouterr().err == ""  # warcio's multi-line WARNING is captured, not printed


def test_stderr_is_not_swallowed_between_warc_records(tmp_path, capsys):
    """The capture wraps warcio's own calls only: what the consumer prints while iterating shows."""
    import sys

    path = tmp_path / "two.warc"
    path.write_bytes(_record("response", "http://example.test/a", _http(_page()), 1)
                     + _record("response", "http://example.test/b", _http(_page()), 2))
    for item in read([str(path)]):
        print(f"consumer saw {type(item).__name__}", file=sys.stderr)
    assert capsys.readouterr().err.count("consumer saw Article") == 2


# --- 4. URLs that do not parse ------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://[::1/x", "http://[not-an-ip]/page"])
def test_invalid_url_is_a_clear_error(url):
    [err] = errors(read_all(url))
    assert err.input == url and err.reason.startswith("not a valid URL")
    assert "bracket" in err.hint and "bug" not in err.message()


# --- 6. JSONL whose only line is too long --------------------------------------------------------------

def test_jsonl_with_only_an_oversized_line_gets_only_the_size_error(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "word " * 400}) + "\n")
    [err] = errors(read_all(path, max_bytes=1000))
    assert err.input == f"{path}:1" and "longer than" in err.reason


# --- 7. control characters in a search ------------------------------------------------------------------

def test_fts_query_drops_nul_and_control_characters():
    from storyline.store.queries import fts_query

    assert fts_query("ferry\x00route") == '"ferry" "route"'
    assert fts_query("\x00\x1f\x7f") == ""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.execute("INSERT INTO t VALUES ('the new ferry route')")
    rows = conn.execute("SELECT body FROM t WHERE t MATCH ?", (fts_query("fer\x00ry* route\x07"),)).fetchall()
    assert rows == []  # "fer" and "ry*" are separate words now; the point is that it did not raise
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts_query("ferry\x00 route"),)).fetchone()[0] == 1


# --- 8. a NUL line in a corpus, broken links, very deep HTML ------------------------------------------------

def test_jsonl_with_a_nul_line_keeps_its_good_lines(tmp_path):
    path = tmp_path / "corpus.data"  # no telling extension: the content decides
    good = [json.dumps({"id": f"r{i}", "text": REPORT}) for i in (1, 3)]
    path.write_bytes(good[0].encode() + b"\n" + b'{"id": "r2", "text": "a\x00\x00\x00b"}\n' + good[1].encode() + b"\n")
    items = read_all(path)
    [err] = errors(items)
    assert err.input == f"{path}:2"
    assert [a.id for a in articles(items)] == ["r1", "r3"]


def test_binary_that_starts_with_a_brace_is_still_binary(tmp_path):
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"{" + bytes(random.Random(2).randrange(256) for _ in range(3000)).replace(b"\n", b"") + b"\n")
    [err] = errors(read_all(path))
    assert err.input == str(path) and "binary" in err.reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_broken_symlink_names_its_target(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT)
    try:
        os.symlink(tmp_path / "gone.txt", folder / "b.txt")
    except OSError:
        pytest.skip("cannot make symbolic links here")
    for items in (read_all(folder / "b.txt"), read_all(folder)):
        [err] = errors(items)
        assert err.input == str(folder / "b.txt")
        assert err.reason == f"broken symbolic link: points to {tmp_path / 'gone.txt'}, which does not exist"
        assert "permission" not in err.hint
    assert len(articles(read_all(folder))) == 1


def _deep_page(depth: int) -> str:
    body = f"<p>{REPORT}</p><script>var tracker = 1;</script><p>Tickets go on sale in May.</p>"
    return ("<html><head><title>Ferry route</title></head><body>" + "<div>" * depth + body
            + "</div>" * depth + "</body></html>")


def test_html_nested_thousands_deep_falls_back_to_plain_text(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_deep_page(5000))
    [art] = read_all(path)
    assert isinstance(art, Article), art
    assert "Gull Island" in art.text and "Tickets go on sale in May." in art.text and "tracker" not in art.text
    assert art.title == "Ferry route" and "plain text" in art.meta["extraction"]


def test_deep_html_is_read_in_linear_work(tmp_path):
    """Shape check, not a benchmark: 4 times the nesting may cost at most 5 times the Python lines
    (counted, not timed). Both depths are past the parser's limit, so both take the plain-text walk; a
    walker that looked back over the tags opened so far at each tag (a Python loop) gives about 12."""
    from tests.growth import LINEAR_BOUND, growth

    def read_at(depth: int) -> None:
        path = tmp_path / f"deep-{depth}.html"
        path.write_text(_deep_page(depth))
        [art] = read_all(path)
        assert isinstance(art, Article) and "plain text" in art.meta["extraction"], art

    assert growth(read_at, 1250) <= LINEAR_BOUND


def test_deep_html_without_text_and_shallow_debris_are_still_errors(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 3000 + "<img src='a.png'>" + "</div>" * 3000 + "</body></html>")
    shallow = tmp_path / "menu.html"  # a shallow page trafilatura finds no article in stays an error
    shallow.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    for path in (deep, shallow):
        [err] = errors(read_all(path))
        assert err.input == str(path) and "no article text" in err.reason
