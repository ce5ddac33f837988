"""Parsing HTML with lxml, and the tree facts later stages share.

`parse_html` never raises on content: an empty or unparsable document gives None.
`prune` removes what is never article text (scripts, styles, forms' controls, hidden
elements) in place, after metadata has been read from the intact tree.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Never article text. noscript is kept: the block walker takes its images.
JUNK_TAGS = frozenset(
    {
        "script", "style", "template", "iframe", "object", "embed", "svg", "canvas",
        "button", "input", "select", "textarea", "option", "label", "link", "meta", "dialog",
        "audio", "video", "source", "track", "map", "head", "title",
    }
)  # fmt: skip


def parse_html(text: str) -> HtmlElement | None:
    """Parse a document with lxml's HTML parser; None when there is nothing to parse."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root if isinstance(root, HtmlElement) else None


def class_and_id(element: HtmlElement) -> str:
    """The element's class and id attributes, lowercased, as one string."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower().strip()


def is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def prune(root: HtmlElement) -> None:
    """Remove junk and hidden elements in place, keeping the tails of what is removed."""
    doomed = [
        element
        for element in root.iter()
        if not isinstance(element, HtmlElement)  # comments and processing instructions
        or (element.tag in JUNK_TAGS and element is not root)
        or (is_hidden(element) and element.tag not in ("html", "body"))
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
