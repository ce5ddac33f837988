"""Stage 6: render the clean blocks as the public `Body` and its `Link`s.

One walk over the blocks writes `body.text` (blocks joined by one blank line) and
`body.markdown` (CommonMark, links kept, everything else escaped so that no raw HTML or
stray emphasis gets through), and turns each link span into a `Link` with an absolute URL
and offsets into `body.text`.

Link targets: relative URLs are resolved against the base URL; ``javascript:``, ``data:``,
``vbscript:`` and ``file:`` targets are dropped (their text stays in the body); ``mailto:``
and ``tel:`` links are kept as they are; an empty target or a bare ``#`` is dropped. A
target is first cleaned the way browsers' URL parser cleans it (leading and trailing
control characters and spaces stripped, tabs and newlines removed anywhere), so
``"java\nscript:"`` is seen for the ``javascript:`` it is; other control characters are
percent-encoded and lone surrogates removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlparse, urlunparse

import attrs

from articlekit._doc import DocBlock, Span
from articlekit._model import Block, Body, Link

_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
_URL_EDGE = "".join(map(chr, range(0x21)))  # C0 controls and space
_URL_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BACKTICKS = re.compile(r"`+")
_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=~]|\d+[.)])", re.MULTILINE)
# Links of the forms most pages are made of, which `urljoin` resolves in a set way, are
# resolved here without it (a property test pins that the results agree). Neither form
# has a ";" in its path, nor an empty "?" or "#" part (urljoin takes the URL apart and
# puts it together again, and would drop those).
# - an absolute http(s) URL whose host has no brackets: urljoin gives it back as it is;
_ABSOLUTE_AS_IS = re.compile(
    r"https?://[^/?#;\\\[\]]+(?:/[^?#;\\]*)?(?:\?[^#]+)?(?:#.+)?", re.DOTALL
)
# - a path from the host's root without dot segments ("/news/a.html"): the base's scheme
#   and host, then the link; or a fragment ("#notes"): the base up to its own fragment,
#   then the link.
_FROM_ROOT_OR_FRAGMENT = re.compile(
    r"/(?![/\\.])(?:[^/?#;\\]|/(?!\.))*(?:\?[^#]+)?(?:#.+)?|#.+", re.DOTALL
)


@attrs.frozen
class Rendered:
    body: Body
    links: tuple[Link, ...]
    block_offsets: tuple[int, ...]  # where each block's text starts in body.text


def render_body(blocks: Sequence[DocBlock], base_url: str | None) -> Rendered:
    """Render blocks to text, Markdown and links."""
    texts: list[str] = []
    markdown: list[str] = []
    links: list[Link] = []
    offsets: list[int] = []
    position = 0
    resolved: dict[str, str | None] = {}  # pages repeat their links: resolve each once
    prefixes = _prefixes_of(base_url)
    for block in blocks:
        spans = _resolve(block.links, base_url, prefixes, resolved)
        offsets.append(position)
        texts.append(block.text)
        markdown.append(_markdown_block(block, spans))
        links.extend(
            Link(
                block.text[span.start : span.end],
                span.href,
                position + span.start,
                position + span.end,
            )
            for span in spans
        )
        position += len(block.text) + 2
    public = tuple(Block(b.kind, b.text, b.level, b.ordered) for b in blocks)
    body = Body(text="\n\n".join(texts), blocks=public, markdown=_join_markdown(blocks, markdown))
    return Rendered(body, tuple(links), tuple(offsets))


def _join_markdown(blocks: Sequence[DocBlock], rendered: Sequence[str]) -> str:
    """Blank lines between blocks, single newlines inside a run of list items (a tight list)."""
    pieces: list[str] = []
    for index, text in enumerate(rendered):
        if index:
            tight = blocks[index].kind == blocks[index - 1].kind == "list_item"
            pieces.append("\n" if tight else "\n\n")
        pieces.append(text)
    return "".join(pieces)


def resolve_url(
    href: str, base_url: str | None, prefixes: tuple[str, str] | None = None
) -> str | None:
    """An absolute, safe URL for `href`, or None when the link must be dropped.

    `prefixes` is `base_prefixes(base_url)`, for a caller that resolves many links
    against one base (parsing the base is most of the cost of a join)."""
    href = _clean_href(href)
    if not href or href == "#" or href.lower().startswith(_UNSAFE_SCHEMES):
        return None
    if base_url and not href.lower().startswith(("mailto:", "tel:")):
        try:
            return _join(base_url, href, prefixes)
        except ValueError:
            return href
    return href


def _join(base: str, href: str, prefixes: tuple[str, str] | None) -> str:
    """`urljoin(base, href)`: the usual forms of link without it, which takes a while."""
    if _ABSOLUTE_AS_IS.fullmatch(href):
        return href
    if href[0] in "/#" and _FROM_ROOT_OR_FRAGMENT.fullmatch(href):
        if prefixes is None:
            prefixes = base_prefixes(base)
        if prefixes is not None:
            return (prefixes[0] if href[0] == "/" else prefixes[1]) + href
    return urljoin(base, href)


def _prefixes_of(base_url: str | None) -> tuple[str, str] | None:
    """`base_prefixes` computed once per page (None: computed per link, where a base
    that does not parse makes `resolve_url` keep the link as written)."""
    try:
        return base_prefixes(base_url) if base_url else None
    except ValueError:
        return None


def base_prefixes(base: str) -> tuple[str, str] | None:
    """What a link from the root and a fragment are appended to: an http(s) base's
    scheme and host, and the base up to its own fragment; None for other bases."""
    parts = urlparse(base)
    if parts.scheme not in ("http", "https"):
        return None
    return f"{parts.scheme}://{parts.netloc}", urlunparse(parts._replace(fragment=""))


def _clean_href(href: str) -> str:
    href = href.strip(_URL_EDGE)
    if href.isprintable():
        return href  # no white space but spaces, no control character, no surrogate
    href = _URL_TAB_OR_NEWLINE.sub("", href).strip()
    href = _SURROGATE.sub("", href)
    return _URL_CONTROL.sub(lambda match: f"%{ord(match.group()):02X}", href)


def _resolve(
    spans: Sequence[Span],
    base_url: str | None,
    prefixes: tuple[str, str] | None,
    memo: dict[str, str | None],
) -> list[Span]:
    resolved = []
    for span in spans:
        if span.href in memo:
            url = memo[span.href]
        else:
            url = memo[span.href] = resolve_url(span.href, base_url, prefixes)
        if url is not None:
            resolved.append(span if url == span.href else Span(span.start, span.end, url))
    return resolved


def _markdown_block(block: DocBlock, spans: Sequence[Span]) -> str:
    if block.kind == "code":
        # Longer than any run of backticks inside, so no line of the code can close it
        # (and let what follows, raw HTML included, out of the code block).
        longest = max((len(run) for run in _BACKTICKS.findall(block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{block.text}\n{fence}"
    if block.kind == "table":
        return _markdown_table(
            block.rows or tuple(tuple(r.split("\t")) for r in block.text.split("\n"))
        )
    inline = _markdown_inline(block.text, spans)
    if block.kind == "heading":
        return "#" * max(1, min(block.level, 6)) + " " + inline.replace("\n", " ")
    if block.kind == "list_item":
        indent = "    " * max(0, block.level - 1)
        marker = "1." if block.ordered else "-"
        return indent + marker + " " + inline.replace("\n", "\n" + indent + "   ")
    if block.kind == "blockquote":
        prefix = "> " * max(1, block.level)
        return "\n".join(prefix + line for line in inline.split("\n"))
    return inline


def _markdown_inline(text: str, spans: Sequence[Span]) -> str:
    pieces: list[str] = []
    position = 0
    for span in spans:
        pieces.append(_escape(text[position : span.start]))
        label = _escape(text[span.start : span.end])
        target = span.href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        pieces.append(f"[{label}]({target})")
        position = span.end
    pieces.append(_escape(text[position:]))
    escaped = "".join(pieces)
    return escaped.replace("\n", "\\\n")


def _escape(text: str) -> str:
    if not text:
        return text
    # a function, not a template: re would parse the template on every call
    text = _MD_ESCAPE.sub(_backslashed, text)
    if "\n" not in text and not _MD_LINE_START.match(text):
        return text  # one line, and it does not open like a block: nothing to escape
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(1)


def _markdown_table(rows: Sequence[Sequence[str]]) -> str:
    width = max(len(row) for row in rows)

    def line(cells: Sequence[str]) -> str:
        padded = [_escape(cell).replace("\n", " ") for cell in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    header, *rest = rows
    return "\n".join([line(header), "|" + "---|" * width, *(line(row) for row in rest)])
