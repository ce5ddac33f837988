"""Inline text with link spans, built piece by piece by either reader.

Readers feed text, link boundaries, emphasis boundaries and hard line breaks in document
order; `build()` returns the block's text with white space collapsed the way a browser
renders it, the link spans re-based onto that text, and how much of it was emphasised.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import attrs

from articlekit._doc import DocBlock, Span
from articlekit._model import Figure

_SPACES = re.compile(r"\s+")
# Control characters (but tab and newline), lone surrogates and the noncharacters U+FFFE
# and U+FFFF never reach the output (nor lxml, which refuses them all).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# The same control characters as UTF-8 bytes: each is a byte of its own there.
_UNSAFE_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def strip_unsafe(text: str) -> str:
    """Remove control characters, lone surrogates and U+FFFE/U+FFFF."""
    return _UNSAFE.sub("", text) if _has_unsafe(text) else text


def _has_unsafe(text: str) -> bool:
    """Whether `text` holds a character `strip_unsafe` removes.

    A whole page is checked in C a few times faster than the regex can scan it: a lone
    surrogate cannot be encoded to UTF-8, a control character is a byte of its own there.
    """
    if "\ufffe" in text or "\uffff" in text:
        return True
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return len(data.translate(None, _UNSAFE_BYTES)) < len(data)


def safe_blocks(blocks: Sequence[DocBlock]) -> tuple[DocBlock, ...]:
    """The blocks with unsafe characters removed from every string they carry.

    Inline text is cleaned as it is built; text read outside the inline builder (table
    cells, captions, image alt text, headings of a header) is cleaned here, once for all.
    """
    return tuple(_safe_block(block) for block in blocks)


def _safe_block(block: DocBlock) -> DocBlock:
    text_unsafe = _may_be_unsafe(block.text)
    rows_unsafe = bool(block.rows) and any(_may_be_unsafe(c) for row in block.rows for c in row)
    if not text_unsafe and not rows_unsafe and not block.images:
        return block
    unsafe = [match.start() for match in _UNSAFE.finditer(block.text)] if text_unsafe else []
    links = tuple(
        Span(
            span.start - bisect_left(unsafe, span.start),
            span.end - bisect_left(unsafe, span.end),
            span.href,
        )
        for span in block.links
    )
    return attrs.evolve(
        block,
        text=strip_unsafe(block.text),
        links=links,
        rows=tuple(tuple(strip_unsafe(cell) for cell in row) for row in block.rows),
        images=tuple(_safe_figure(image) for image in block.images),
    )


def _may_be_unsafe(text: str) -> bool:
    """Whether `text` holds a character `strip_unsafe` removes. Every one of them is
    unprintable, and most text is all printable: that is checked first, in C, several
    times faster than the pattern searches."""
    return not text.isprintable() and _UNSAFE.search(text) is not None


def _safe_figure(figure: Figure) -> Figure:
    return Figure(
        url=strip_unsafe(figure.url),
        alt=_safe_optional(figure.alt),
        caption=_safe_optional(figure.caption),
        credit=_safe_optional(figure.credit),
    )


def _safe_optional(text: str | None) -> str | None:
    return strip_unsafe(text) if text is not None else None


@attrs.frozen
class Inline:
    text: str
    links: tuple[Span, ...]
    emphasis_share: float
    empty_link_hrefs: tuple[str, ...] = ()  # links with no text (around an image, say)


@attrs.define
class InlineBuilder:
    """Accumulates one block's inline content."""

    preserve_space: bool = False
    _out: list[str] = attrs.field(factory=list)
    _pos: int = 0
    _pending_space: bool = False
    _links: list[Span] = attrs.field(factory=list)
    _empty_links: list[str] = attrs.field(factory=list)
    _link_href: str | None = None
    _link_start: int | None = None
    _em_depth: int = 0
    _em_chars: int = 0
    _chars: int = 0

    def is_empty(self) -> bool:
        return self._pos == 0

    def is_pristine(self, preserve_space: bool) -> bool:
        """Nothing fed yet: the same as a new builder with this `preserve_space`."""
        return (
            self._pos == 0
            and self.preserve_space == preserve_space
            and not self._pending_space
            and self._link_href is None
            and not self._empty_links
            and self._em_depth == 0
        )

    def append(self, text: str | None) -> None:
        if not text:
            return
        if self.preserve_space:
            self._emit(strip_unsafe(text))
            return
        if text.isspace():
            # white space between tags: at most one space, and only after some text
            self._pending_space = self._pending_space or self._pos > 0
            return
        # White space runs collapsed to one space: str.split() and the regex \s agree on
        # what white space is, and splitting is several times faster.
        core = " ".join(text.split())
        if core.isprintable():
            leading, trailing = text[0].isspace(), text[-1].isspace()
        else:  # rare: only then can it hold unsafe characters
            collapsed = strip_unsafe(_SPACES.sub(" ", text))
            core = collapsed.strip(" ")
            leading, trailing = collapsed.startswith(" "), collapsed.endswith(" ")
        if leading:
            self._pending_space = self._pending_space or self._pos > 0
        if core:
            self._emit_word(core)
            self._pending_space = trailing

    def line_break(self) -> None:
        if self._pos and not self.preserve_space:
            self._pending_space = False
            self._emit("\n")
            self._pending_space = False
        elif self.preserve_space:
            self._emit("\n")

    def open_link(self, href: str) -> None:
        self.close_link()
        self._link_href = href
        self._link_start = None

    def close_link(self) -> None:
        if self._link_href is not None and self._link_start is not None:
            end = self._pos
            if end > self._link_start:
                self._links.append(Span(self._link_start, end, self._link_href))
        elif self._link_href:
            self._empty_links.append(self._link_href)
        self._link_href = None
        self._link_start = None

    def open_emphasis(self) -> None:
        self._em_depth += 1

    def close_emphasis(self) -> None:
        self._em_depth = max(0, self._em_depth - 1)

    def build(self) -> Inline:
        self.close_link()
        text = "".join(self._out)
        stripped = text.rstrip()
        size = len(stripped)
        # spans are frozen values: only one that runs into the trailing space is remade
        links = tuple(
            span if span.end <= size else Span(span.start, size, span.href)
            for span in self._links
            if span.start < size
        )
        share = self._em_chars / self._chars if self._chars else 0.0
        return Inline(stripped, links, share, tuple(self._empty_links))

    def _emit_word(self, word: str) -> None:
        """Emit collapsed text (never with `preserve_space`), and the space before it.
        `_emit`'s work is done in line: this runs for nearly every piece of text."""
        out = self._out
        if self._pending_space:
            if out and not out[-1].endswith("\n"):
                out.append(" ")
                self._pos += 1
            self._pending_space = False
        if self._link_href is not None and self._link_start is None:
            self._link_start = self._pos
        out.append(word)
        size = len(word)
        self._pos += size
        self._chars += size
        if self._em_depth:
            self._em_chars += size

    def _emit(self, text: str) -> None:
        if self.preserve_space and self._link_href is not None and self._link_start is None:
            self._link_start = self._pos
        self._out.append(text)
        self._pos += len(text)
