"""The visible text of an HTML document or fragment, one line per block.

Used to turn a readability test page's ``expected.html`` into the expected body text and
to score extractors that return HTML. Block-level elements start and end a line, table
cells are separated by a space, inline elements run on; scripts, styles, form controls and
elements hidden by the ``hidden`` attribute or an inline ``display: none`` give no text.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html


def _tag_set(names: str) -> frozenset[str]:
    """Tag names written as words, one space apart (easier to extend than a literal)."""
    return frozenset(names.split())


_INVISIBLE = _tag_set(
    """script style noscript template head title meta link iframe object embed svg canvas
    audio video source track map area select option datalist button input textarea"""
)
_BLOCKS = _tag_set(
    """address article aside blockquote body center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr
    html legend li main menu nav ol p pre section summary table tbody thead tfoot tr ul
    caption"""
)
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_html(html: str | bytes) -> lxml.html.HtmlElement | None:
    """Parse a document with lxml; None for input lxml cannot make a tree of."""
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    if not data.strip():
        return None
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):  # e.g. a document of only a comment
        return None


def _local_name(element: lxml.etree._Element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return None
    return tag.rsplit("}", 1)[-1].lower()


def _is_invisible(element: lxml.etree._Element, name: str | None) -> bool:
    return (
        name is None
        or name in _INVISIBLE
        or element.get("hidden") is not None
        or bool(_HIDING_STYLE.search(element.get("style") or ""))
    )


def _separator(name: str | None) -> str:
    if name in _BLOCKS:
        return "\n"
    if name in _CELLS:
        return " "
    if name == "br":
        return "\n"
    return ""


def _pieces(element: lxml.etree._Element) -> list[str]:
    """Text pieces of `element`'s subtree (without its tail), with line separators."""
    pieces: list[str] = []
    # An explicit stack instead of recursion: some pages nest deeper than Python's limit.
    stack: list[tuple[lxml.etree._Element, bool]] = [(element, False)]
    while stack:
        node, leaving = stack.pop()
        name = _local_name(node)
        if leaving:
            pieces.append(_separator(name))
            if node is not element and node.tail:
                pieces.append(_SPACES.sub(" ", node.tail))
            continue
        if _is_invisible(node, name):
            if node is not element and node.tail:
                pieces.append(_SPACES.sub(" ", node.tail))
            continue
        pieces.append(_separator(name))
        if node.text:
            pieces.append(_SPACES.sub(" ", node.text))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return pieces


def visible_text(html: str | bytes | lxml.etree._Element | None) -> str:
    """Visible text of `html` (markup or a parsed element): blocks on their own lines.

    >>> visible_text("<div><p>One <b>two</b></p><p>three</p><script>x()</script></div>")
    'One two\\nthree'
    """
    if html is None:
        return ""
    root = parse_html(html) if isinstance(html, str | bytes) else html
    if root is None:
        return ""
    joined = "".join(_pieces(root))
    lines = (" ".join(line.split()) for line in joined.split("\n"))
    return "\n".join(line for line in lines if line)
