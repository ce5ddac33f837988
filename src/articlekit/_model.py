"""The public data model: what `parse_article` returns.

Every class is a frozen, slotted attrs class holding plain values, so an `Article` can be
hashed, shared between threads, pickled to a worker process and compared for equality.
`Article.to_dict()` is the one serialised form (JSON-safe, stable key order);
`Article.from_dict()` reads it back, and the two round-trip exactly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, Literal, cast

import attrs

BlockKind = Literal["paragraph", "heading", "list_item", "blockquote", "code", "table"]
QuoteKind = Literal["direct", "partial"]

BLOCK_KINDS: tuple[BlockKind, ...] = (
    "paragraph",
    "heading",
    "list_item",
    "blockquote",
    "code",
    "table",
)
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "partial")


@attrs.frozen
class Block:
    """One block of the article body.

    `level` is the heading level (1-6) for headings, the nesting depth (1 = top level)
    for list items and block quotes, and 0 otherwise. `ordered` tells a numbered list item
    from a bulleted one. `text` is plain text: no markup of any kind; a table's rows are
    separated by newlines and its cells by tabs.
    """

    kind: BlockKind
    """What the block is: a paragraph, heading, list item, block quote, code or table."""
    text: str
    """Plain text; a table's rows are separated by newlines and its cells by tabs."""
    level: int = 0
    """Heading level (1-6), list or block quote depth (1 = top level), else 0."""
    ordered: bool = False
    """True for an item of a numbered list."""


@attrs.frozen
class Body:
    """The article's own prose, rendered three ways from the same blocks.

    `text` joins the blocks' texts with one blank line between them; `markdown` renders
    them as CommonMark (GFM tables) with the body's links kept.
    """

    text: str = ""
    """The blocks' texts joined by one blank line."""
    blocks: tuple[Block, ...] = ()
    """The body's blocks in reading order."""
    markdown: str = ""
    """The body as CommonMark (GFM tables), links kept."""


@attrs.frozen
class Link:
    """A link in the body: its anchor text, absolute URL and offsets into `body.text`.

    `body.text[link.start:link.end] == link.text` always holds.
    """

    text: str
    """The anchor text; body.text[start:end] == text."""
    url: str
    """The absolute URL."""
    start: int
    """Offset of the anchor text in body.text."""
    end: int
    """Offset just past the anchor text in body.text."""


@attrs.frozen
class Quote:
    """A quotation in the body, with its speaker when the text says who spoke.

    `text` is the quoted words without the quotation marks, and
    `body.text[quote.start:quote.end] == quote.text`; a quotation that runs over several
    paragraphs (each opening with a mark, only the last one closed) is one quote whose
    text keeps the paragraph breaks and the marks that open the later paragraphs.
    `speaker` is the fullest form of the speaker's name the article gives ("Michael
    Horowitz" for a later "Horowitz" or "he"), or, when the article names nobody, the
    phrase that describes the speaker as written ("the mayor", "a spokeswoman for the
    union"); None when nothing says who spoke.
    `kind` is "direct" for a quoted sentence or more, "partial" for a fragment quoted
    inside the writer's own sentence. `cue` is the speech verb that attributes it
    ("said", "according to"), when one was found.
    """

    text: str
    """The quoted words without quotation marks; body.text[start:end] == text."""
    speaker: str | None
    """The fullest form of the speaker's name the article gives."""
    kind: QuoteKind
    """direct (a sentence or more) or partial (a fragment in the writer's sentence)."""
    start: int
    """Offset of the quoted words in body.text."""
    end: int
    """Offset just past the quoted words in body.text."""
    cue: str | None = None
    """The speech verb or phrase that attributes the quote."""


@attrs.frozen
class Figure:
    """An image of the article, with its caption and credit kept out of the body."""

    url: str
    """The image's absolute URL."""
    alt: str | None = None
    """The image's alt text."""
    caption: str | None = None
    """The caption, kept out of the body."""
    credit: str | None = None
    """The photo credit, kept out of the body."""


@attrs.frozen
class Article:
    """A parsed article: metadata, the clean body, its links, quotes and figures.

    `published` and `modified` are timezone-aware whenever the source gives a zone.
    `warnings` says, one line each, where the result is degraded or how the input was
    read (each line starts with a short code such as ``encoding:`` or ``empty-body:``).

    >>> import articlekit
    >>> art = articlekit.parse_article("<html><head><title>Hi</title></head></html>")
    >>> art.title
    'Hi'
    """

    title: str | None = None
    """The headline, without a site name the page's `<title>` adds."""
    authors: tuple[str, ...] = ()
    """The authors’ names, in byline order."""
    published: dt.datetime | None = None
    """When the article was first published; timezone-aware when the source gives a zone."""
    modified: dt.datetime | None = None
    """When it was last updated; timezone-aware when the source gives a zone."""
    url: str | None = None
    """The url given to parse_article, else the page's own URL."""
    canonical_url: str | None = None
    """The page's canonical URL."""
    site_name: str | None = None
    """The publication's name."""
    language: str | None = None
    """The primary language subtag, lower-cased ("en")."""
    description: str | None = None
    """The summary or dek the page gives."""
    category: str | None = None
    """The section or category."""
    image: str | None = None
    """The lead image's URL."""
    tags: tuple[str, ...] = ()
    """Keywords and tags."""
    body: Body = Body()
    """The article's own prose, as blocks, plain text and Markdown."""
    links: tuple[Link, ...] = ()
    """Every link in the body, in order."""
    quotes: tuple[Quote, ...] = ()
    """Every quotation in the body, in order."""
    figures: tuple[Figure, ...] = ()
    """The article's images, with captions and credits."""
    warnings: tuple[str, ...] = ()
    """How the input was read and what is degraded; each starts with a code."""

    def to_dict(self) -> dict[str, Any]:
        """Return the article as JSON-safe plain data, keys in field order.

        Dates become ISO 8601 strings; tuples become lists.
        """
        return cast(dict[str, Any], _to_plain(self))

    def to_json(self, *, indent: int | None = None) -> str:
        """Return `to_dict()` as a JSON string (UTF-8 text, non-ASCII kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an `Article` from `to_dict()` output.

        >>> import articlekit
        >>> art = articlekit.parse_article("# Title\\n\\nSome words.")
        >>> articlekit.Article.from_dict(art.to_dict()) == art
        True
        """
        body = data.get("body") or {}
        return cls(
            title=data.get("title"),
            authors=tuple(data.get("authors") or ()),
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            url=data.get("url"),
            canonical_url=data.get("canonical_url"),
            site_name=data.get("site_name"),
            language=data.get("language"),
            description=data.get("description"),
            category=data.get("category"),
            image=data.get("image"),
            tags=tuple(data.get("tags") or ()),
            body=Body(
                text=body.get("text", ""),
                blocks=tuple(Block(**b) for b in body.get("blocks") or ()),
                markdown=body.get("markdown", ""),
            ),
            links=tuple(Link(**item) for item in data.get("links") or ()),
            quotes=tuple(Quote(**item) for item in data.get("quotes") or ()),
            figures=tuple(Figure(**item) for item in data.get("figures") or ()),
            warnings=tuple(data.get("warnings") or ()),
        )


def _to_plain(value: object) -> object:
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {field.name: _to_plain(getattr(value, field.name)) for field in fields}
    if isinstance(value, tuple | list):
        return [_to_plain(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _parse_iso(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
