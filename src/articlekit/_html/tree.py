"""Parsing HTML with lxml, and the tree facts later stages share.

`parse_html` never raises on content: an empty or unparsable document gives None.
libxml2 stops at 2048 open elements and drops the rest of the page; a page nested that
deep is parsed again with its deepest tags dropped and their text kept, the way browsers
flatten what they cannot nest (Blink past 512).
`prune` removes what is never article text (scripts, styles, forms' controls, hidden
elements) in place, after metadata has been read from the intact tree.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from articlekit._inline import strip_unsafe

_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_RAW_TEXT_START = re.compile(r"<(?:script|style|SCRIPT|STYLE|Script|Style)\b")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Never article text. noscript is kept: the block walker takes its images.
JUNK_TAGS = frozenset(
    {
        "script", "style", "template", "iframe", "object", "embed", "svg", "canvas",
        "button", "input", "select", "textarea", "option", "label", "link", "meta", "dialog",
        "audio", "video", "source", "track", "map", "title",
    }
)  # fmt: skip
# Controls whose end tag is often missing: when one holds paragraphs or sections, the
# parser has nested the rest of the page inside it, and it is unwrapped instead of dropped.
_MISPARSE_PRONE = frozenset({"button", "label"})
_PAGE_BLOCKS = ("p", "article", "section", "main", "h1", "h2", "h3", "ul", "ol", "table")
# Attributes that can hide an element, found by XPath in C rather than element by element
# (through elements only: "//@style" would also look at every text node).
_HIDING_ATTRIBUTES = lxml.etree.XPath(
    "descendant-or-self::*/@hidden|descendant-or-self::*/@aria-hidden|descendant-or-self::*/@style"
)
# A numeric reference to a control character or U+FFFE/U+FFFF (`&#1`, `&#x1F;`): libxml2
# puts the character itself into the tree.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127|6553[45])(?![0-9])"
    r"|x0*(?:[0-8bcef]|1[0-9a-f]|7f|fff[ef])(?![0-9a-f]));?",
    re.IGNORECASE,
)
_MAX_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>")
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
# A dropped inline tag leaves nothing; any other leaves a space, so words stay apart.
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var",
    }
)  # fmt: skip
DEEP_NESTING_WARNING = f"deep-nesting: elements nested deeper than {_MAX_DEPTH} were flattened"


def parse_html(text: str) -> HtmlElement | None:
    """Parse a document with lxml's HTML parser; None when there is nothing to parse."""
    return parse_html_noting(text)[0]


def parse_html_noting(text: str) -> tuple[HtmlElement | None, tuple[str, ...]]:
    """`parse_html`, and warnings on how the page had to be read."""
    # libxml2 stops reading at a lone surrogate (the rest of the page is lost) and keeps
    # control characters, raw or referenced, that lxml then refuses to write back when the
    # tree is edited.
    text = strip_unsafe(text.replace("\x0c", " "))
    text = _CONTROL_REFERENCE.sub("", text)
    text = _XML_DECLARATION.sub("", text, count=1)
    # Browsers ignore the slash in <script .../>: the script runs to </script>. libxml2
    # closes it at once and the code becomes page text, so drop the slash first.
    text = _open_self_closed_raw_text(text)
    if not text or text.isspace():  # (no copy of the page, unlike strip())
        return None, ()
    root, too_deep = _parse(text)
    if not too_deep:
        return root, ()
    root, too_deep = _parse(_flatten(text, _MAX_DEPTH))
    if too_deep:  # markup that nests even past what was tracked: keep its text, flat
        root, _ = _parse(_flatten(text, 0))
    return root, (DEEP_NESTING_WARNING,)


def _parse(text: str) -> tuple[HtmlElement | None, bool]:
    """The parsed root, and whether libxml2 gave up on the nesting depth."""
    # lxml.html's own parser looks up a Python class for every element the code touches;
    # one element class looked up in C gives the same HtmlElement API for less.
    parser = lxml.etree.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        root = lxml.etree.fromstring(text, parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return (root if isinstance(root, HtmlElement) else None), too_deep


def _flatten(text: str, limit: int) -> str:
    """`text` without the start and end tags of elements nested deeper than `limit`.

    Open elements are tracked the way the parser closes them: an end tag closes the
    innermost open element of its name and everything inside it; a stray end tag is
    ignored. Every tag is visited once, and each open element is closed at most once.
    """
    pieces: list[str] = []
    done = 0
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _VOID:
            continue
        drop = False
        if not match.group(1):
            drop = len(stack) >= limit
            if drop:
                dropped[name] = dropped.get(name, 0) + 1
            else:
                stack.append(name)
                open_count[name] = open_count.get(name, 0) + 1
        elif dropped.get(name):
            dropped[name] -= 1
            drop = True
        elif open_count.get(name):
            while stack:
                closed = stack.pop()
                open_count[closed] -= 1
                if closed == name:
                    break
        if drop:
            pieces.append(text[done : match.start()])
            pieces.append("" if name in _INLINE else " ")
            done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _open_self_closed_raw_text(text: str) -> str:
    """`<script .../>` as `<script ...>`: the way browsers read it."""
    pieces = []
    done = 0
    for match in _RAW_TEXT_START.finditer(text):
        end = text.find(">", match.end())
        if end < 0:
            break
        if text[end - 1] == "/" and end > done:
            pieces.append(text[done : end - 1])
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def class_and_id(element: HtmlElement) -> str:
    """The element's class and id attributes, lowercased, as one string."""
    return f"{semantic_classes(element.get('class'))} {element.get('id') or ''}".lower().strip()


def semantic_classes(classes: str | None) -> str:
    """The class attribute without utility classes that hold a bracketed selector or
    value ("[&_.image-caption_p]:mb-0", "w-[300px]"): a selector there names the
    element's descendants, not the element, so its words say nothing about it."""
    if not classes:
        return ""
    if "[" not in classes:
        return classes
    return " ".join(word for word in classes.split() if "[" not in word)


def _hides(value: lxml.etree._ElementUnicodeResult) -> bool:
    """Whether one of `_HIDING_ATTRIBUTES` hides its element (`hidden`, `aria-hidden`
    "true", or an inline style that hides it), asked of the attribute found."""
    name = value.attrname
    if name == "style":
        return bool(value) and _style_hides(value)
    return name == "hidden" or value == "true"  # (the other one is aria-hidden)


def _style_hides(style: str) -> bool:
    """Whether an inline style hides its element. An ASCII style (nearly all are) that
    names neither "none" nor "hidden" cannot: it is passed without the IGNORECASE
    pattern, which tries every position of the style."""
    if style.isascii():
        lowered = style.lower()
        if "none" not in lowered and "hidden" not in lowered:
            return False
    return _HIDDEN_STYLE.search(style) is not None


def prune(root: HtmlElement) -> None:
    """Remove junk and hidden elements in place, keeping the tails of what is removed."""
    swallowing = [
        element
        for element in root.iter(*_MISPARSE_PRONE)
        if isinstance(element, HtmlElement) and _holds_blocks(element)
    ]
    for element in swallowing:
        element.drop_tag()  # an unclosed <button> or <label> swallowed the page
    lxml.etree.strip_elements(root, *JUNK_TAGS, with_tail=False)  # in C
    # Junk first: the search for hidden elements then has less to look through, and
    # removing either first keeps the same tails in the same places.
    for element in _hidden_elements(root):
        if element.getparent() is not None:
            element.drop_tree()
    _empty_head(root)


def _holds_blocks(element: HtmlElement) -> bool:
    return next(element.iter(*_PAGE_BLOCKS), None) is not None


def _empty_head(root: HtmlElement) -> None:
    """Drop <head>, moving into <body> what the parser left there by mistake: libxml2
    keeps body content in <head> when a page puts body tags before its <body>."""
    head = root.find("head")
    if head is None:
        return
    body = root.find("body")
    stray = [child for child in head if isinstance(child, HtmlElement)]
    if body is not None and stray:
        body[0:0] = stray
    elif body is None and stray:
        return  # no body at all: the head's content is all there is
    head.drop_tree()


def _hidden_elements(root: HtmlElement) -> list[HtmlElement]:
    """Elements hidden by attribute or inline style (found from their attributes, in C).
    An element is listed once for each of its attributes that hides it: removing it once
    takes it out of the tree, and the order elements are removed in changes nothing."""
    found = _HIDING_ATTRIBUTES(root)
    hidden = []
    for value in found if isinstance(found, list) else ():
        if not isinstance(value, lxml.etree._ElementUnicodeResult) or not _hides(value):
            continue
        element = value.getparent()
        if isinstance(element, HtmlElement) and element.tag not in ("html", "body"):
            hidden.append(element)
    return hidden
