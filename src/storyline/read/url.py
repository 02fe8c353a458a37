"""http(s) URLs: fetched with a timeout and a size cap, never from private or local addresses.

A report URL given to a tool that runs on an analyst's machine must not become a way to reach that
machine's own network (SSRF), so every address the host resolves to is checked, on every redirect,
unless the user passes ``allow_private`` (``--allow-private``). The content is then read like a file:
a feed as a feed, HTML as a page, text as text.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from storyline.model import Article, ReadError
from storyline.read._common import Limits, kind_after_prologue, size_text, sniff

TIMEOUT_S = 20.0  # for connecting, and between two pieces of a response
DEADLINE_S = 120.0  # for the whole fetch, redirects included: a server that drips bytes is stopped
MAX_REDIRECTS = 5
USER_AGENT = "storyline/0.1 (+news cross-checking; offline-first)"
BAD_URL_HINT = "check the brackets around an IPv6 address, and quote the URL in the shell"
PRIVATE_HINT = "storyline refuses local and private addresses; pass --allow-private if you trust this URL"


class _Refused(Exception):
    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason, self.hint = reason, hint


def check_address(url: str, *, allow_private: bool) -> str:
    """The address to connect to for ``url``; raises _Refused unless every address its host resolves
    to is public. Connecting to this vetted address (not resolving again) closes the DNS-rebinding gap."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "Invalid IPv6 URL" for an unbalanced [ ], and similar
        raise _Refused(f"not a valid URL ({exc})", BAD_URL_HINT) from None
    if parts.scheme not in ("http", "https"):
        raise _Refused(f"unsupported URL scheme {parts.scheme!r}", "use an http:// or https:// address")
    if not host:
        raise _Refused("URL has no host name", "check the address")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise _Refused("URL has an invalid port", "check the address") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Refused(f"cannot resolve host {host!r} ({exc})", "check the address and your network") from None
    if not infos:
        raise _Refused(f"cannot resolve host {host!r}", "check the address and your network")
    if allow_private:
        return str(infos[0][4][0])
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr.version == 6 and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast
                or addr.is_unspecified or not addr.is_global):
            raise _Refused(f"refused: {host} resolves to the non-public address {addr}", PRIVATE_HINT)
    return str(infos[0][4][0])


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """(URL with the host replaced by ``address``, headers, extensions) keeping Host and TLS SNI."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip = f"[{address.split('%')[0]}]" if ":" in address else address
    netloc = ip if parts.port is None else f"{ip}:{parts.port}"
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, extensions


def fetch(url: str, *, allow_private: bool, limits: Limits) -> tuple[bytes, str, str]:
    """(body, content type, final URL). Follows redirects by hand so each hop's address is checked.
    The whole fetch must end within DEADLINE_S: a timeout per read alone lets a server that sends a
    byte a second hold the run forever."""
    import httpx

    deadline = time.monotonic() + DEADLINE_S
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            address = check_address(url, allow_private=allow_private)
            target, headers, extensions = _pinned(url, address)
            with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                if resp.is_redirect and resp.headers.get("location"):
                    try:
                        url = urljoin(url, resp.headers["location"])
                    except ValueError:
                        raise _Refused("the server redirected to an invalid URL",
                                       "open the URL in a browser and use the final address") from None
                    continue
                if resp.status_code >= 400:
                    raise _Refused(f"HTTP {resp.status_code} {resp.reason_phrase}".strip(),
                                   "check the URL in a browser; the page may have moved or need a login")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                    raise _Refused(f"page too large ({size_text(int(declared))})", "raise the limit with --max-mb")
                chunks: list[bytes] = []
                total = 0
                for chunk in resp.iter_bytes():
                    if time.monotonic() > deadline:
                        raise _Refused(f"the page took more than {DEADLINE_S:.0f} s to arrive ({size_text(total)} "
                                       "read), stopped reading",
                                       "try again later, or save the page and read the file")
                    total += len(chunk)
                    if total > limits.max_bytes:
                        raise _Refused(f"page larger than {size_text(limits.max_bytes)}, stopped reading",
                                       "raise the limit with --max-mb")
                    chunks.append(chunk)
                return b"".join(chunks), resp.headers.get("content-type", ""), url
    raise _Refused(f"more than {MAX_REDIRECTS} redirects", "open the URL in a browser and use the final address")


def read_url(url: str, *, allow_private: bool, limits: Limits) -> Iterator[Article | ReadError]:
    """Fetch ``url`` and read it as a feed, an HTML page or text."""
    import httpx

    from storyline.read.feed import read_feed
    from storyline.read.html import read_html
    from storyline.read.text import read_text

    try:
        data, ctype, final = fetch(url, allow_private=allow_private, limits=limits)
    except _Refused as exc:
        yield ReadError(url, exc.reason, exc.hint)
        return
    except httpx.TimeoutException:
        yield ReadError(url, f"timed out after {TIMEOUT_S:.0f} s", "try again later, or save the page and read the file")
        return
    except httpx.HTTPError as exc:
        yield ReadError(url, f"could not fetch ({type(exc).__name__}: {str(exc)[:100]})",
                        "check the address and your network connection")
        return
    if not data.strip():
        yield ReadError(url, "the server returned an empty page", "check the URL in a browser")
        return
    mime, _, params = ctype.partition(";")
    mime = mime.strip().lower()
    charset = None
    for p in params.split(";"):
        k, _, v = p.strip().partition("=")
        if k.lower() == "charset" and v:
            charset = v.strip("\"' ")
    kind = sniff(data[:65536], urlsplit(final).path)
    if kind in ("text", "html"):  # a feed or page behind a prologue longer than the sniffed head
        kind = kind_after_prologue(data) or kind
    if kind == "feed" or mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        yield from read_feed(data, source=url, url=final)
    elif kind == "html" or mime in ("text/html", "application/xhtml+xml"):
        yield read_html(data, source=url, id=final, url=final, charset=charset)
    elif kind == "text" and mime.startswith("text/"):
        yield read_text(data, source=url, id=final, url=final)
    else:
        yield ReadError(url, f"unsupported content type {mime or 'unknown'!r}",
                        "storyline reads HTML pages, RSS/Atom feeds and plain text")
