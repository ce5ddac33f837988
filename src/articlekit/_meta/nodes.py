"""Reading lxml elements cheaply and safely: attributes, short texts, class names."""

from __future__ import annotations

from collections.abc import Iterator

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


# Text nodes with the element they belong to, in document order. lxml keeps an
# element's text in `.text` and the text after it in `.tail` (which belongs to the
# parent); walking elements and reading both is several times cheaper than an XPath
# over text nodes, which libxml2 collects to the end of the axis before cutting.


def texts_in(element: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """(text, owner) of every text node inside `element` (not its tail)."""
    open_elements: list[HtmlElement] = []
    for node in element.iter():
        parent = node.getparent()
        while open_elements and open_elements[-1] is not parent:
            closed = open_elements.pop()
            if closed.tail and parent is not None:
                yield closed.tail, closed.getparent()
        if node.text and isinstance(node.tag, str):
            yield node.text, node
        open_elements.append(node)
    while len(open_elements) > 1:
        closed = open_elements.pop()
        if closed.tail:
            yield closed.tail, closed.getparent()


def texts_after(element: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """(text, owner) of the text nodes after `element`'s end, nearest first."""
    node: HtmlElement | None = element
    while node is not None:
        parent = node.getparent()
        if node.tail and parent is not None:
            yield node.tail, parent
        for sibling in node.itersiblings():
            yield from texts_in(sibling)
            if sibling.tail and parent is not None:
                yield sibling.tail, parent
        node = parent


def texts_before(element: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """(text, owner) of the text nodes before `element`'s start, nearest first."""
    node: HtmlElement | None = element
    while node is not None:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail, parent
            yield from _texts_in_reverse(sibling)
        if parent.text:
            yield parent.text, parent
        node = parent


def _texts_in_reverse(element: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    for child in element.iterchildren(reversed=True):
        if child.tail:
            yield child.tail, element
        yield from _texts_in_reverse(child)
    if element.text and isinstance(element.tag, str):
        yield element.text, element
