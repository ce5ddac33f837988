"""Stage 3a: an HTML page to document blocks.

Parse once with lxml; read the metadata from the intact tree; then prune it, measure it,
find the main content and walk that into blocks.
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml.html import HtmlElement

from articlekit._doc import Document
from articlekit._html.blocks import html_blocks
from articlekit._html.content import find_content, measure
from articlekit._html.tree import parse_html, parse_html_noting, prune

__all__ = ["base_url", "parse_html", "parse_html_noting", "read_html_content"]


def read_html_content(root: HtmlElement) -> Document:
    """The main content of a parsed page as blocks. Prunes `root` in place."""
    prune(root)
    stats = measure(root)
    content = find_content(root, stats)
    blocks = html_blocks(content, stats)
    warnings = () if blocks else ("empty-body: no article text found in the page",)
    return Document(blocks=tuple(blocks), warnings=warnings)


def base_url(href: str | None, page: str | None) -> str | None:
    """The URL relative links resolve against: the page's `<base href>` (`href`, raw),
    resolved against the page's URL `page`, else `page`."""
    href = (href or "").strip()
    if not href:
        return page
    try:
        return urljoin(page, href) if page else href
    except ValueError:
        return page
