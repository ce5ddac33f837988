"""The output half of the robustness contract (docs/robustness.md), as one checker.

The property tests, the fuzz regression cases and the atheris harness in `fuzz/` all call
`check_article`, so each of them holds every output to the same promises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt

import articlekit

UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
UNSAFE_URL = re.compile(r"\s*(?:javascript|data|vbscript|file):", re.IGNORECASE)
_COMMONMARK = MarkdownIt("commonmark", {"html": True}).enable("table")
_RAW_HTML = frozenset({"html_block", "html_inline"})


def strings(value: object) -> Iterator[str]:
    """Every string inside a JSON-like value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def raw_html_in_markdown(markdown: str) -> list[str]:
    """The raw HTML a CommonMark renderer would pass through from `markdown`."""
    found = []
    for token in _COMMONMARK.parse(markdown):
        if token.type in _RAW_HTML:
            found.append(token.content)
        found.extend(c.content for c in token.children or () if c.type in _RAW_HTML)
    return found


def check_article(article: articlekit.Article) -> None:
    """Raise AssertionError where `article` breaks the output contract.

    Offsets of links and quotes point at their text; no URL in links, figures or the
    image is javascript:/data:/vbscript:/file:; no string anywhere holds a control
    character or a lone surrogate; body.markdown carries no raw HTML; the JSON form
    round-trips to an equal Article.
    """
    text = article.body.text
    for link in article.links:
        assert text[link.start : link.end] == link.text, link
        assert not UNSAFE_URL.match(link.url), link
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text, quote
    for url in (*(f.url for f in article.figures), article.image or ""):
        assert not UNSAFE_URL.match(url), url
    data = article.to_dict()
    for value in strings(data):
        assert not UNSAFE_CHARS.search(value), repr(value[:200])
    assert not raw_html_in_markdown(article.body.markdown), article.body.markdown[:500]
    assert articlekit.Article.from_dict(json.loads(article.to_json())) == article


# How a fuzz input reaches parse_article; a regression case's file suffix names its mode.
FUZZ_MODES = ("auto", "html", "markdown", "bytes")
FUZZ_URL = "https://news.test/section/story.html"


def parse_fuzz_input(mode: str, payload: bytes) -> articlekit.Article:
    """Parse `payload` the way the fuzz harness does in `mode` (one of FUZZ_MODES).

    Text modes decode the payload as UTF-8 with ``surrogateescape``, so invalid bytes
    arrive as lone surrogates: text that no encoder produced, which parsing must survive.
    """
    if mode == "bytes":
        return articlekit.parse_article(payload, FUZZ_URL)
    text = payload.decode("utf-8", errors="surrogateescape")
    if mode == "html":
        return articlekit.parse_article(text, FUZZ_URL, format="html")
    if mode == "markdown":
        return articlekit.parse_article(text, FUZZ_URL, format="markdown")
    return articlekit.parse_article(text, FUZZ_URL)
