"""Reading lxml elements cheaply and safely: attributes, short texts, class names."""

from __future__ import annotations

from lxml.html import HtmlElement

MAX_ATTRIBUTE_CHARS = 5_000
MAX_ELEMENT_TEXT = 300


def attr(element: HtmlElement, name: str) -> str:
    """An attribute's value, white space collapsed, bounded; '' when absent."""
    value = element.get(name)
    if not value:
        return ""
    return " ".join(value[:MAX_ATTRIBUTE_CHARS].split())


def text(element: HtmlElement, limit: int = MAX_ELEMENT_TEXT, separator: str = "") -> str:
    """The element's visible text, white space collapsed; '' when longer than `limit`.

    Reads text pieces only until the limit is passed, so a huge container costs little.
    `separator` " " keeps the texts of neighbouring elements apart ("Headline" + "Updated
    …"), for reading labels; "" keeps words split by inline tags whole, for titles.
    """
    if not isinstance(element.tag, str):
        return ""  # a comment or processing instruction
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > limit * 4:
            return ""
        pieces.append(piece)
    joined = " ".join(separator.join(pieces).split())
    return joined if len(joined) <= limit else ""


def classes(element: HtmlElement) -> str:
    """The class and id, lowercased, for matching words in."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def text_owner(node: object) -> HtmlElement | None:
    """The element whose text a text node (an lxml smart string) is part of."""
    getparent = getattr(node, "getparent", None)
    if getparent is None:
        return None
    parent = getparent()
    if parent is not None and getattr(node, "is_tail", False):
        parent = parent.getparent()
    return parent if parent is not None and isinstance(parent.tag, str) else None
