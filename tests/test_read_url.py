"""URL reading against a real local HTTP server (no internet): pages, feeds, errors, size cap, refusal."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

from storyline.model import Article, ReadError
from storyline.read import read

FIX = Path(__file__).resolve().parent / "fixtures" / "read"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(FIX), **kwargs)

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ferry.html")
            self.end_headers()
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the reader must stop by itself
            chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/drip":  # one byte at a time, each well within the read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.02)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    # A proxy from the environment would swallow requests meant for the local test server.
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_local_page_with_allow_private(server):
    [art] = read([f"{server}/ferry.html"], allow_private=True)
    assert isinstance(art, Article)
    assert art.title == "Harbor council approves new ferry route"
    assert art.source == f"{server}/ferry.html"
    assert art.text.startswith("The Port Ellis harbor council voted 7-2")


def test_host_name_is_kept_while_connecting_to_the_checked_address(server):
    url = server.replace("127.0.0.1", "localhost") + "/ferry.html"
    [art] = read([url], allow_private=True)
    assert isinstance(art, Article) and art.url == url and art.id == url


def test_url_that_is_a_feed(server):
    arts = list(read([f"{server}/rss.xml"], allow_private=True))
    assert [a.title for a in arts] == ["Library extends weekend opening hours", "Rowing club wins regional final"]


def test_redirect_is_followed(server):
    [art] = read([f"{server}/moved"], allow_private=True)
    assert isinstance(art, Article) and art.url == f"{server}/ferry.html"


def test_http_error(server):
    [err] = read([f"{server}/missing.html"], allow_private=True)
    assert isinstance(err, ReadError)
    assert err.reason == "HTTP 404 File not found" and err.hint  # the server's own reason phrase


def test_size_cap_stops_streaming(server):
    [err] = read([f"{server}/big"], allow_private=True, max_bytes=100_000)
    assert isinstance(err, ReadError)
    assert err.reason.startswith("page larger than")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "10.1.2.3", "169.254.169.254"])
def test_private_addresses_are_refused(host):
    # Refused before any connection is attempted, so no server is needed.
    [err] = read([f"http://{host}:9/report"])
    assert isinstance(err, ReadError)
    assert err.reason.startswith("refused:") and "non-public address" in err.reason
    assert "--allow-private" in err.hint


def test_unresolvable_host_is_an_error():
    [err] = read(["http://no-such-host.invalid/report"])
    assert isinstance(err, ReadError) and "cannot resolve host" in err.reason


def test_a_server_that_drips_is_stopped_at_the_whole_fetch_deadline(server, monkeypatch):
    from storyline.read import url as url_reader

    monkeypatch.setattr(url_reader, "DEADLINE_S", 1.0)
    items = list(read([f"{server}/drip"], allow_private=True))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert "took more than 1 s" in items[0].reason and "save the page" in items[0].hint
