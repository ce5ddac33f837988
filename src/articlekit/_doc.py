"""The one internal representation both input forms converge on.

The HTML reader and the Markdown reader each turn their input into a tuple of `DocBlock`:
plain text with the link spans inside it and a few structural hints (what kind of element
the block came from, whether it sat in a caption, whether it is all emphasis). Cleaning,
body rendering, links and quotes are written once, over these blocks.
"""

from __future__ import annotations

import attrs

from articlekit._model import BlockKind, Figure


@attrs.frozen
class Span:
    """A link inside a block: `text[start:end]` is its anchor text, `href` its raw target."""

    start: int
    end: int
    href: str


@attrs.frozen
class DocBlock:
    """One block of the document before cleaning.

    `hints` carry what the reader saw in the markup that the text alone does not show:
    ``"caption"`` (inside a figure caption), ``"credit"`` (a credit element),
    ``"emphasis"`` (the whole block is italic or bold), ``"image"`` (the block held only
    images), ``"byline"``, ``"boilerplate"`` (a container the reader flagged by structure),
    ``"split"`` (blank lines, ``<br><br>``, ended the block inside running text).
    """

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False
    links: tuple[Span, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    hints: frozenset[str] = frozenset()
    images: tuple[Figure, ...] = ()
    image_links: tuple[str, ...] = ()  # targets of links around images (no text of their own)

    def link_density(self) -> float:
        """The share of the block's visible characters (spaces aside) inside links."""
        size = _visible_length(self.text)
        linked = sum(_visible_length(self.text[span.start : span.end]) for span in self.links)
        return linked / size if size else 0.0


def _visible_length(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n")


@attrs.frozen
class Document:
    """What a reader hands on: the blocks (figures travel inside them) and warnings."""

    blocks: tuple[DocBlock, ...] = ()
    warnings: tuple[str, ...] = ()
