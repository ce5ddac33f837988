"""Stage 2: tell HTML from Markdown (with or without YAML front matter).

A document that opens with a front-matter fence is Markdown. One that opens with markup
(a doctype, a comment, an XML declaration, a document or head-only tag such as <style>
or <meta>) is HTML, and so is one whose first kilobytes hold an <html>, <head> or
<body> tag (pages saved with something before their doctype). Otherwise the first few
kilobytes decide: HTML when they hold block-level tags, Markdown (which includes plain
text) when they do not.
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["html", "markdown"]

_FRONT_MATTER_FENCE = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\r?\n")
_MARKUP_OPENING = re.compile(
    r"\A\ufeff?\s*<(?:!--|\?xml|(?:!doctype|html|head|body|style|script|meta|link|title|base)\b)",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"<(?:html|head|body|div|p|article|section|main|table|ul|ol|h[1-6]|br|span|a)\b[^>]{0,400}>",
    re.IGNORECASE,
)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)\b[^>]{0,2000}>", re.IGNORECASE)
_SNIFF_CHARS = 8192
_DOCUMENT_SNIFF_CHARS = 65536


def sniff_format(text: str) -> Format:
    """Return the input form of `text`: "markdown" or "html"."""
    if _FRONT_MATTER_FENCE.match(text):
        return "markdown"
    if _MARKUP_OPENING.match(text):
        return "html"
    if _DOCUMENT_TAG.search(text, 0, _DOCUMENT_SNIFF_CHARS):
        return "html"
    head = text[:_SNIFF_CHARS]
    tags = len(_BLOCK_TAG.findall(head))
    lines = head.count("\n") + 1
    return "html" if tags >= 3 or (tags >= 1 and lines <= 2) else "markdown"
