"""Plain text from HTML nested deeper than lxml will parse.

Why: libxml2 (under lxml and so trafilatura) stops building the tree at about 255 levels of nesting,
so a page wrapped in thousands of <div>s comes back empty and would be reported as "no article text".
Python's own HTMLParser is event-based and has no depth limit, so it can still walk such a page and
keep its visible text. Only used for pages that really are that deep: on ordinary pages an empty
trafilatura result means menus and debris, which must not be passed off as an article.
"""

from __future__ import annotations

from html.parser import HTMLParser

TOO_DEEP = 250  # lxml gave up between 250 and 260 levels in our measurements

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_AUTO_CLOSED = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}  # often left open: not real depth
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "header",
          "footer", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "main", "aside", "nav",
          "figure", "figcaption", "hr", "body"}


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.max_depth = 0
        self.hidden = 0
        self.in_title = False
        self.title: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self.in_title = True
        if tag == "body":
            self.hidden = 0  # an unclosed <head> hides nothing after the body starts
        if tag in _HIDDEN:
            self.hidden += 1
        if tag not in _VOID and tag not in _AUTO_CLOSED:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag not in _VOID and tag not in _AUTO_CLOSED and self.depth:
            self.depth -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def deep_html_text(html: str, *, any_depth: bool = False) -> tuple[str, str | None] | None:
    """(text with one paragraph per line, title) when ``html`` nests deeper than lxml parses (or at
    any depth, with ``any_depth``: a page too large for lxml's tree), else None."""
    walker = _Walker()
    try:
        walker.feed(html)
        walker.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient, but a broken page must not stop a batch
        return None
    if walker.max_depth < TOO_DEEP and not any_depth:
        return None
    lines = (" ".join(line.split()) for line in "".join(walker.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(walker.title).split()) or None
    return text, title
