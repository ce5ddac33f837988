"""Stage 4c: the story's text from the page's JSON-LD ``articleBody``, when the HTML holds
almost none of it (a script renders the story in the browser).

The page's own blocks stay the source for every page that shows its story: the
structured text is used only when those blocks hold little text and the JSON-LD article
holds several times more. Its paragraphs are its lines (or, when it carries markup,
its paragraph and line-break tags).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from articlekit._doc import DocBlock
from articlekit._meta import jsonld

NOTE = "body-from-json-ld: the page shows little text; the body is its JSON-LD articleBody"

_THIN_CHARS = 1000  # blocks with less text than this are "almost nothing"
_GAIN = 3  # the articleBody must hold this many times more text
_MIN_CHARS = 300
_MARKER = '"articleBody"'
# Opening tags are read a bounded way and each closing tag is looked for once, so the
# search stays one pass over the page whatever it holds (unclosed scripts, stray '<').
_SCRIPT_START = re.compile(r"<script\b[^<>]{0,500}ld\+json[^<>]{0,500}>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script", re.IGNORECASE)
_MAX_SCRIPTS = 50
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def structured_body(page: str, blocks: Sequence[DocBlock]) -> tuple[DocBlock, ...] | None:
    """Paragraph blocks from the JSON-LD articleBody, or None to keep `blocks`."""
    shown = sum(len(block.text) for block in blocks)
    if shown >= _THIN_CHARS or _MARKER not in page:  # (a substring search, in C)
        return None
    body = _article_body(page)
    if body is None:
        return None
    paragraphs = _paragraphs(body)
    if sum(map(len, paragraphs)) < max(_MIN_CHARS, shown * _GAIN):
        return None
    return tuple(DocBlock(kind="paragraph", text=text) for text in paragraphs)


def _article_body(page: str) -> str | None:
    """The first articleBody string among the page's JSON-LD nodes."""
    nodes, _warnings = jsonld.read_blocks(_scripts(page))
    for node in nodes:
        body = node.get("articleBody")
        if isinstance(body, str) and body.strip():
            return body
    return None


def _scripts(page: str) -> list[str]:
    """The texts of the page's JSON-LD scripts."""
    texts: list[str] = []
    position = 0
    while len(texts) < _MAX_SCRIPTS:
        start = _SCRIPT_START.search(page, position)
        if start is None:
            break
        end = _SCRIPT_END.search(page, start.end())
        if end is None:
            break  # no script is closed after this one: nothing more to read
        texts.append(page[start.end() : end.start()])
        position = end.end()
    return texts


def _paragraphs(body: str) -> list[str]:
    if "<" in body:  # markup in the JSON string: its paragraphs end at their tags
        body = _TAG.sub("", _BLOCK_END.sub("\n", body))
    body = html.unescape(body)
    return [text for line in body.split("\n") if (text := " ".join(line.split()))]
