"""Readers: every input kind, dispatch by content, and one clear ReadError for every bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyline.model import Article, ReadError
from storyline.read import read

FIX = Path(__file__).resolve().parent / "fixtures" / "read"


def read_all(*inputs, **kw) -> list[Article | ReadError]:
    return list(read([str(i) for i in inputs], **kw))


def only_error(items) -> ReadError:
    assert len(items) == 1, items
    assert isinstance(items[0], ReadError), items[0]
    err = items[0]
    assert "\n" not in err.message()
    assert err.hint, "every error must say how to fix it"
    return err


# --- good inputs ------------------------------------------------------------------------------------


def test_text_file_title_byline_dateline_and_debris():
    [art] = read_all(FIX / "orchard.txt")
    assert isinstance(art, Article)
    assert art.id == art.source == str(FIX / "orchard.txt")
    assert art.title == "Orchard growers warn of smaller apple harvest"
    assert art.byline == "Leo Brandt"
    assert art.dateline == "VALLEY FORGE"
    assert art.text.startswith("Apple growers in the northern valley")
    assert "Share on Facebook" not in art.text and "Also read" not in art.text and "Follow us" not in art.text
    assert art.text.endswith("Prices at the regional market have already risen by 12 cents a kilogram.")
    assert [r.kind for r in art.removed] == ["title", "byline", "dateline", "share_line", "related_line", "share_line"]
    assert "\n\n" in art.text and "\n\n\n" not in art.text


def test_html_file_main_text_and_metadata():
    [art] = read_all(FIX / "ferry.html")
    assert isinstance(art, Article)
    assert art.title == "Harbor council approves new ferry route"
    assert art.url == "https://www.coastlinecourier.example/news/2025/04/ferry-route"
    assert art.id == art.url
    assert art.outlet == "coastlinecourier.example"
    assert art.date == "2025-04-17"
    assert art.dateline == "PORT ELLIS"
    assert art.meta["sitename"] == "The Coastline Courier"
    assert art.text.startswith("The Port Ellis harbor council voted 7-2 on Thursday")
    for debris in ("Most read", "Privacy", "All rights reserved", "Subscribe", "Share this article"):
        assert debris not in art.text
    assert "Fisherman Tomas Reyes said" in art.text


def test_html_saved_as_txt_is_sniffed_as_html():
    [art] = read_all(FIX / "page_saved_as.txt")
    assert isinstance(art, Article)
    assert art.title == "Bakery wins national bread prize"
    assert "<p>" not in art.text and "Advertise" not in art.text
    assert art.text.startswith("A family bakery on Mill Street")


def test_rss_feed_one_article_per_entry():
    arts = read_all(FIX / "rss.xml")
    assert [a.title for a in arts] == ["Library extends weekend opening hours", "Rowing club wins regional final"]
    first = arts[0]
    assert first.url == first.id == "https://www.lakesideledger.example/news/library-hours"
    assert first.outlet == "lakesideledger.example"
    assert first.date == "2025-06-03"
    assert first.lang == "en"
    assert first.source == f"{FIX / 'rss.xml'}#1"
    # HTML content is turned into text, paragraphs kept.
    assert first.text == (
        "The town library will open on Sundays from July, head librarian Ruth Amsel said on Monday.\n\n"
        "The change adds 6 hours of opening a week and costs $40,000 a year."
    )


def test_atom_feed_saved_as_xml(tmp_path):
    target = tmp_path / "news-export.dat"  # a feed with an unhelpful name is still read as a feed
    target.write_bytes((FIX / "atom.xml").read_bytes())
    [art] = read_all(target)
    assert art.title == "Neue Brücke über die Ach eröffnet"
    assert art.id == "urn:example:bergtal-bote:bruecke"
    assert art.lang == "de" and art.date == "2025-05-10"
    assert art.text.endswith("Der Bau kostete 2,3 Millionen Euro und dauerte 14 Monate.")


def test_jsonl_fields_ids_meta_and_malformed_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://www.example-news.test/a1", "title": "Dam opens",
                    "date": "2025-03-02T10:00:00Z", "lang": "en", "text": "The new dam opened on Sunday after six years.",
                    "story": "dam"}),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps({"text": "A second report without an id, about the same dam opening on Sunday."}),
        json.dumps({"id": "no-text", "title": "Nothing here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "h1", "html": (FIX / "ferry.html").read_text()}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path)
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.id for a in arts] == ["a1", f"{path}:4", "h1"]
    a1 = arts[0]
    assert a1.source == f"{path}:1" and a1.outlet == "example-news.test" and a1.date == "2025-03-02"
    assert a1.title == "Dam opens" and a1.meta == {"story": "dam"}
    assert arts[2].title == "Harbor council approves new ferry route"
    assert [e.input for e in errs] == [f"{path}:2", f"{path}:5", f"{path}:6"]
    assert errs[0].reason.startswith("malformed JSON line")
    assert "text" in errs[1].reason


def test_jsonl_without_extension_is_sniffed_and_braced_text_is_text(tmp_path):
    corpus = tmp_path / "export.txt"
    corpus.write_text(json.dumps({"id": "k1", "text": "The harbor reopened on Monday after the storm."}) + "\n")
    assert [a.id for a in read_all(corpus)] == ["k1"]
    braced = tmp_path / "note.txt"
    braced.write_text("{Update} The harbor reopened on Monday after the storm, officials said.\n")
    [art] = read_all(braced)
    assert isinstance(art, Article) and art.text.startswith("{Update} The harbor")


def test_jsonl_with_only_blank_lines(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n")
    assert only_error(read_all(path)).reason.startswith("no records")


def test_json_array_file(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"id": "x", "text": "First report about the harbor."}, {"text": "Second report."}]))
    items = read_all(path)
    assert [a.id for a in items] == ["x", f"{path}:2"]


def test_directory_sorted_recursive_and_skips_hidden_and_images(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("The second report says the bridge opened on Friday.\n")
    (tmp_path / "a.txt").write_text("The first report says the bridge opened on Friday.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden notes that must not be read.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    items = read_all(tmp_path)
    assert [Path(a.id).relative_to(tmp_path).as_posix() for a in items] == ["a.txt", "b/2.txt"]
    assert all(isinstance(a, Article) for a in items)


def test_directory_with_nothing_readable(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    err = only_error(read_all(tmp_path))
    assert err.input == str(tmp_path)
    assert "nothing readable" in err.reason


def test_directory_with_bad_file_reports_it_and_reads_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("The council approved the budget on Tuesday by a wide margin.\n")
    items = read_all(tmp_path)
    assert isinstance(items[0], ReadError) and items[0].input == str(tmp_path / "empty.txt")
    assert isinstance(items[1], Article)


def _write_warc(path: Path, records) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, ctype, body, rec_type in records:
            if rec_type == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            else:
                rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body),
                                                warc_content_type=ctype)
            writer.write_record(rec)
            rec.raw_stream.close()  # warcio spools payloads to a temp file it does not close


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_records_and_skipped_others(tmp_path, name):
    path = tmp_path / name
    html = (FIX / "ferry.html").read_bytes()
    _write_warc(path, [
        ("https://www.coastlinecourier.example/robots.txt", "text/plain", b"User-agent: *\n", "response"),
        ("https://www.coastlinecourier.example/logo.png", "image/png", b"\x89PNG\r\n", "response"),
        ("https://www.coastlinecourier.example/news/ferry", "text/html; charset=utf-8", html, "response"),
        ("https://www.coastlinecourier.example/news/ferry", "application/json", b"{}", "metadata"),
    ])
    [art] = read_all(path)
    assert isinstance(art, Article)
    assert art.url == art.id == "https://www.coastlinecourier.example/news/ferry"
    assert art.source == f"{path}#https://www.coastlinecourier.example/news/ferry"
    assert art.title == "Harbor council approves new ferry route"


def test_warc_without_html_is_one_error(tmp_path):
    path = tmp_path / "assets.warc.gz"
    _write_warc(path, [
        ("https://example.test/a.png", "image/png", b"\x89PNG\r\n", "response"),
        ("https://example.test/b.css", "text/css", b"body{}", "response"),
    ])
    err = only_error(read_all(path))
    assert err.input == str(path)
    assert err.reason == "WARC holds no HTML pages (1 response image/png, 1 response text/css)"


# --- bad inputs -------------------------------------------------------------------------------------


def test_missing_path():
    err = only_error(read_all("/no/such/report.txt"))
    assert err.message().startswith("/no/such/report.txt: no such file or directory (")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = only_error(read_all(path))
    assert err.input == str(path) and err.reason == "empty file"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text("  \n\n\t\n")
    assert only_error(read_all(path)).reason == "file holds only whitespace"


def test_binary_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00data" * 50)
    err = only_error(read_all(path))
    assert err.reason.startswith("binary file")


def test_pdf_named_as_text_says_what_it_is(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    err = only_error(read_all(path))
    assert "PDF" in err.reason and "pdftotext" in err.reason


def _count_reads(monkeypatch) -> tuple[list[str], list[int]]:
    """Count what the file reader opens and how many bytes it reads from those files (a file that is
    refused must not be read whole: counted, not timed, so that a busy machine cannot fail the test)."""
    from storyline.read import files

    opened: list[str] = []
    bytes_read = [0]

    class Counting(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            bytes_read[0] += len(data)
            return data

    def counting_open(path, mode="r", *args, **kwargs):
        assert mode == "rb", mode
        opened.append(str(path))
        return Counting(io.FileIO(path, "rb"))

    monkeypatch.setattr(files, "open", counting_open, raising=False)
    return opened, bytes_read


def test_huge_file_is_refused_quickly(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    line = b"The harbor council met again on Thursday to discuss the ferry.\n"
    with open(path, "wb") as fh:
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 50 * 1024 * 1024
    opened, bytes_read = _count_reads(monkeypatch)
    err = only_error(read_all(path))
    # refused from its size: only the opening bytes were read to tell what kind of file it is
    assert opened == [str(path)] and 0 < bytes_read[0] <= 1024 * 1024
    assert err.reason.startswith("too large for one document (50.0 MB")
    assert "--max-mb" in err.hint


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("The ferry will start in June with two boats, the council said.\n" * 40)
    assert isinstance(only_error(read_all(path, max_bytes=1000)), ReadError)
    assert isinstance(read_all(path)[0], Article)


def test_invalid_utf8_falls_back_and_records_it(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le maire a inauguré la nouvelle école de Saint-Étienne jeudi.\n".encode("cp1252"))
    [art] = read_all(path)
    assert isinstance(art, Article)
    assert art.text == "Le maire a inauguré la nouvelle école de Saint-Étienne jeudi."
    assert art.meta["encoding_fallback"] == "cp1252"


def test_html_with_no_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<script>var a = 1;</script></body></html>")
    err = only_error(read_all(path))
    assert err.reason == "no article text found in the HTML"


def test_feed_without_entries(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    assert only_error(read_all(path)).reason.startswith("feed has no entries")


def test_gzip_that_is_not_warc(tmp_path):
    import gzip

    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress(b"just some text"))
    assert "gunzip" in only_error(read_all(path)).hint


def test_one_bad_input_does_not_stop_the_batch(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = read_all(empty, "/no/such/file", FIX / "orchard.txt")
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "Article"]


def test_unsupported_url_scheme_is_an_error_not_a_crash():
    err = only_error(read_all("ftp://example.test/report.txt"))
    assert "no such file" in err.reason  # not http(s): treated as a path that does not exist


def test_text_report_date_and_outlet_from_its_header_lines(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text("Harbour crane collapses during storm, nobody hurt\n\nBay Tribune, 11 March 2026\n\n"
                 "A crane collapsed at the container terminal on Wednesday, the port authority said. "
                 "Nobody was hurt, and the terminal reopened in the afternoon.\n", encoding="utf-8")
    (art,) = read_all(str(p))
    assert (art.date, art.outlet, art.title) == ("2026-03-11", "Bay Tribune", "Harbour crane collapses during storm, nobody hurt")
    assert art.text.startswith("A crane collapsed")
