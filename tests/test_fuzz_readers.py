"""Fuzzing the readers (issue 12): arbitrary bytes under every extension the readers know, and small
valid documents of each kind damaged at random, must never stop a batch or leak a bad record.

What each property would catch: a reader that raises (``read`` turns that into an "unexpected error"
ReadError, so that reason is a failure here too), an error that names no input or spans lines, an
Article with empty text or lone surrogates (which stdout and SQLite refuse), an analyser that raises
("analysis failed") or puts a span outside its article's text, and a CLI that prints a traceback, an
exit code other than 0/1/2 or output that is not JSON. Examples are derandomized so CI is repeatable.
"""

from __future__ import annotations

import gzip
import json
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from test_robustness import _assert_clean_stderr
from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Article, ReadError
from storyline.pipeline import extract
from storyline.read import read

EXTENSIONS = [".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".json", ".warc",
              ".warc.gz", ".gz", ""]

# Reasons that mean a reader or the analyser raised and a catch-all turned it into a record: a bug.
BUG_REASONS = ("unexpected error", "analysis failed")

REPORT = ('The mayor of Kelport, Ana Ruiz, opened the new river bridge on 3 March 2025. "It cost '
          '12 million euros and took two years," she said. About 4,000 people crossed it on the first '
          'day, according to the council.')

_HTML = (f"<!doctype html><html><head><title>Kelport bridge opens</title>"
         f'<meta property="og:site_name" content="Kelport Post"></head><body><article>'
         f"<h1>Kelport bridge opens</h1><p>{REPORT}</p><p>Traffic was light.</p></article></body></html>")
_RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kelport Post</title>'
        "<item><title>Kelport bridge opens</title><link>https://example.org/bridge</link>"
        f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>{REPORT}</description></item>"
        "</channel></rss>")
_ATOM = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
         "<title>Kelport Post</title><entry><title>Kelport bridge opens</title>"
         '<link href="https://example.org/bridge"/><updated>2025-03-03T10:00:00Z</updated>'
         f'<content type="html">&lt;p&gt;{REPORT}&lt;/p&gt;</content></entry></feed>')
_JSONL = "".join(json.dumps({"id": f"kp-{i}", "outlet": "Kelport Post", "date": "2025-03-03",
                             "text": REPORT}) + "\n" for i in range(2))
_JSON = json.dumps([{"id": "kp-1", "title": "Kelport bridge opens", "text": REPORT}])


def _warc() -> bytes:
    body = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + _HTML).encode("utf-8")
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bridge\r\n"
            f"WARC-Date: 2025-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body + b"\r\n\r\n"


# A small valid document of every kind, under the extension it is usually saved with.
VALID: dict[str, bytes] = {
    ".txt": (REPORT + "\n").encode("utf-8"),
    ".md": f"# Kelport bridge opens\n\n{REPORT}\n\n- Traffic was light.\n".encode(),
    ".html": _HTML.encode("utf-8"),
    ".htm": _HTML.encode("utf-8"),
    ".xml": _RSS.encode("utf-8"),
    ".rss": _RSS.encode("utf-8"),
    ".atom": _ATOM.encode("utf-8"),
    ".jsonl": _JSONL.encode("utf-8"),
    ".json": _JSON.encode("utf-8"),
    ".warc": _warc(),
    ".warc.gz": gzip.compress(_warc(), mtime=0),
    ".gz": gzip.compress((REPORT + "\n").encode("utf-8"), mtime=0),
    "": (REPORT + "\n").encode("utf-8"),
}


@st.composite
def _mutated(draw: st.DrawFn, doc: bytes) -> bytes:
    """``doc`` damaged one to three times the way files get damaged: cut short, bytes flipped,
    inserted or lost, a slice repeated, re-encoded, NULs or a BOM in the middle."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(doc)))
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat", "utf16", "latin1",
                                     "nul", "bom", "gunzip"]))
        if kind == "truncate":
            doc = doc[:at]
        elif kind == "flip" and doc:
            i = min(at, len(doc) - 1)
            doc = doc[:i] + bytes([doc[i] ^ draw(st.integers(1, 255))]) + doc[i + 1:]
        elif kind == "insert":
            doc = doc[:at] + draw(st.binary(min_size=1, max_size=8)) + doc[at:]
        elif kind == "delete":
            doc = doc[:at] + doc[at + draw(st.integers(1, 16)):]
        elif kind == "repeat":
            end = draw(st.integers(at, len(doc)))
            doc = doc[:end] + doc[at:end] * draw(st.integers(1, 4)) + doc[end:]
        elif kind in ("utf16", "latin1"):
            text = doc.decode("utf-8", errors="replace")
            doc = text.encode("utf-16") if kind == "utf16" else text.encode("latin-1", errors="replace")
        elif kind == "nul":
            doc = doc[:at] + b"\x00" * draw(st.integers(1, 4)) + doc[at:]
        elif kind == "bom":
            doc = doc[:at] + draw(st.sampled_from(["\ufeff".encode(), b"\xff\xfe", b"\xfe\xff"])) + doc[at:]
        elif kind == "gunzip":  # damage inside a compressed file, not only to its gzip frame
            try:
                doc = gzip.decompress(doc)
            except (OSError, EOFError, ValueError, zlib.error):
                pass
    return doc


# Random bytes alone are nearly always refused as binary; behind the opening of each kind and mixed
# with text they reach the parsers' inner paths.
_OPENINGS = [b"", b"<html><body><p>", b'<?xml version="1.0"?><rss><channel><item><description>',
             b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>', b'{"text": "',
             b'<html><head><meta charset="utf-7"></head><body><p>', b'<meta charset="utf-16"><p>',
             b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n", b"\x1f\x8b\x08\x00"]
_text_like = st.tuples(st.sampled_from(_OPENINGS), st.text(max_size=400), st.binary(max_size=40)).map(
    lambda t: t[0] + t[1].encode("utf-8", errors="surrogatepass") + t[2])
_any_file = st.tuples(st.sampled_from(EXTENSIONS), st.one_of(st.binary(max_size=3000), _text_like))
_damaged_file = st.sampled_from(EXTENSIONS).flatmap(lambda ext: st.tuples(st.just(ext), _mutated(VALID[ext])))


def _written(ext: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        yield path


def _check_read(path: Path) -> list[Article]:
    """The reader contract: only Articles and one-line ReadErrors naming the input, never a raise."""
    articles = []
    for item in read([str(path)]):
        assert isinstance(item, Article | ReadError), type(item)
        if isinstance(item, ReadError):
            _check_error(item, path)
            continue
        assert item.text.strip(), item
        for value in (item.text, item.id, item.source, item.title, item.outlet, item.url, item.byline):
            if value is not None:
                value.encode("utf-8")  # raises on a lone surrogate
        articles.append(item)
    return articles


def _check_error(err: ReadError, path: Path) -> None:
    assert str(path) in err.input, err
    assert err.reason.strip() and err.hint.strip(), err
    assert len(err.message().splitlines()) == 1, err
    assert not err.reason.startswith(BUG_REASONS), err.message()


def _spans(article: Article) -> Iterator[tuple[str, tuple[int, int]]]:
    for s in article.sentences:
        yield "sentence", (s.start, s.end)
    for q in article.quotes:
        yield "quote", tuple(q.span)
        if q.speaker_span is not None:
            yield "speaker", tuple(q.speaker_span)
    for group in (article.quantities, article.dates, article.names, article.attributions):
        for m in group:
            yield type(m).__name__, tuple(m.span)


def _check_extract(path: Path) -> None:
    """The analysis contract: ``extract`` never raises and every span indexes its article's text."""
    for item in extract([str(path)]):
        if isinstance(item, ReadError):
            _check_error(item, path)
            continue
        n = len(item.text)
        for what, (start, end) in _spans(item):
            assert 0 <= start <= end <= n, (what, start, end, n, item.text)


def _check(ext: str, data: bytes) -> None:
    for path in _written(ext, data):
        articles = _check_read(path)
        event(f"{ext or 'no extension'}: {'articles' if articles else 'only errors'}")  # --hypothesis-show-statistics
        _check_extract(path)


def test_every_valid_document_reads_as_an_article():
    """The seeds the mutations start from are real documents of their kind: damage to them is
    damage to a readable file, not to something already refused. (A gzipped text is refused by
    design, with "decompress it first"; damaging it tries the gzip sniffing instead.)"""
    for ext, data in VALID.items():
        for path in _written(ext, data):
            if ext == ".gz":
                assert [e.reason for e in read([str(path)])] == ["gzip file that is not a WARC archive"]
                continue
            articles = _check_read(path)
            assert articles and all("Kelport" in a.text for a in articles), ext


@settings(max_examples=150, derandomize=True)
@given(_any_file)
def test_arbitrary_bytes_under_any_extension(case: tuple[str, bytes]):
    """Random bytes named like any kind of input: read and extract hold their contract."""
    _check(*case)


@settings(max_examples=150, derandomize=True)
@given(_damaged_file)
# Found by this property: a charset name with a NUL in it made str.decode raise ValueError, which
# the WARC reader's catch-all turned into an "unexpected error" for the record.
@example((".warc", VALID[".warc"].replace(b"charset=utf-8", b"charset=\x00tf-8")))
def test_damaged_valid_documents(case: tuple[str, bytes]):
    """A valid document of each kind cut, flipped, re-encoded or padded: read and extract hold."""
    _check(*case)


_json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=60)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6)
_record = st.dictionaries(
    st.sampled_from(["id", "url", "outlet", "title", "date", "lang", "text", "html", "byline", "meta"]),
    st.one_of(_json_value, st.just(REPORT), st.just(f"<p>{REPORT}</p>")), max_size=6)


@settings(max_examples=100, derandomize=True)
@given(st.lists(_record, min_size=1, max_size=3), st.sampled_from([".jsonl", ".json"]))
def test_corpus_records_with_fields_of_any_type(records: list[dict[str, object]], ext: str):
    """Well-formed JSON whose fields hold the wrong types (a list for a title, a number for the
    text, a date of any shape): each record is an Article or its own error, as for bytes."""
    lines = "".join(json.dumps(r) + "\n" for r in records) if ext == ".jsonl" else json.dumps(records)
    _check(ext, lines.encode("utf-8"))


runner = CliRunner()


@settings(max_examples=40, derandomize=True)
@given(st.one_of(_any_file, _damaged_file))
def test_cli_extract_json_on_damaged_inputs(case: tuple[str, bytes]):
    """``storyline extract FILE --format json``: exit 0, 1 or 2, JSON on stdout, one line per
    error on stderr and no traceback, whatever the file holds."""
    for path in _written(*case):
        result = runner.invoke(app, ["extract", str(path), "--format", "json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
        assert "internal error" not in result.stderr, result.stderr
        errors = _assert_clean_stderr(result.stderr)
        assert (result.exit_code == 0) == (not errors), (result.exit_code, result.stderr)
        json.loads(result.stdout)
