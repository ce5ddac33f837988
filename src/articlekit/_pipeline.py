"""`parse_article`: one pipeline of named stages.

    decode -> sniff format -> (HTML | Markdown + front matter) -> document blocks
           (-> JSON-LD articleBody when the page shows almost no text)
           -> metadata -> clean blocks -> body and links -> quotes -> Article

Both readers hand on the same `Document` of blocks, so every stage after them is written
once. Nothing here keeps state between calls, touches the network or the file system.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from articlekit import _meta
from articlekit._body import Rendered, render_body, resolve_url
from articlekit._clean import Cleaned, clean_blocks
from articlekit._decode import decode
from articlekit._doc import Document
from articlekit._html import base_url, parse_html_noting, read_html_content
from articlekit._inline import safe_blocks, strip_unsafe
from articlekit._markdown import read_markdown
from articlekit._meta import Metadata
from articlekit._model import Article, Figure, Quote
from articlekit._options import Options
from articlekit._quotes import find_quotes
from articlekit._sniff import Format, sniff_format
from articlekit._structured_body import NOTE as STRUCTURED_BODY_NOTE
from articlekit._structured_body import structured_body
from articlekit.errors import InputTooLarge, UnsupportedFormat

if TYPE_CHECKING:
    from bs4.element import Tag
    from lxml.html import HtmlElement

_DEFAULT_OPTIONS = Options()
_TEXT_BLOCKS_FOR_METADATA = 6
_QUOTABLE = frozenset({"paragraph", "blockquote", "list_item"})


def parse_article(
    source: str | bytes | Tag,
    url: str | None = None,
    *,
    format: Literal["html", "markdown"] | None = None,
    options: Options | None = None,
) -> Article:
    """Parse one article from HTML or a Markdown clipping.

    `source` is the page's HTML or a Markdown clipping (YAML front matter optional), as
    `str` or `bytes` in any encoding, or a `bs4.BeautifulSoup`/`Tag`. `url` is where the
    page lives: links are resolved against it. `format` forces the input form instead of
    detecting it.

    Raises `TypeError` for a source, url or options of another type, `InputTooLarge`
    above `options.max_input_bytes` and `UnsupportedFormat` for an unknown `format`;
    ordinary bad content never raises but gives a (possibly empty) Article with
    `warnings` (docs/robustness.md).

    >>> import articlekit
    >>> art = articlekit.parse_article(
    ...     '<article><h1>Rain</h1><p>“It will pour all week,” said Ana Ruiz, '
    ...     'a forecaster at the regional weather office in the valley.</p></article>'
    ... )
    >>> art.quotes[0].speaker
    'Ana Ruiz'
    """
    options = _check_arguments(url, options)
    text, notes = _read_source(source, options)
    kind = _choose_format(text, format)
    if kind == "markdown":
        metadata, document, base = _read_markdown(text, url)
    else:
        metadata, document, base = _read_html(text, url)
    # A clipping repeats its front matter's summary and its subtitle at the top of the
    # body; on a web page a paragraph equal to the meta description, or a standfirst
    # heading inside the article, is the article's own opening, which readers see.
    clipping = kind == "markdown"
    cleaned = clean_blocks(
        safe_blocks(document.blocks),
        title=metadata.title,
        description=metadata.description if clipping else None,
        drop_deks=clipping,
    )
    # The page's own language wins in the merge: then the text's is not worth detecting.
    fallback = _meta.metadata_from_text(
        _lead_texts(cleaned), url or metadata.url, language=not metadata.language
    )
    metadata = _meta.merge(metadata, fallback)
    rendered = render_body(cleaned.blocks, base)
    quotes = _quotes(rendered, cleaned) if options.quotes else ()
    figures = _absolute_figures(cleaned.figures, base)
    warnings = (*notes, *document.warnings, *metadata.warnings)
    return _article(metadata, rendered, quotes, figures, warnings)


def _check_arguments(url: object, options: object) -> Options:
    """The options to use; TypeError for a url or options of the wrong type."""
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be str or None, not {type(url).__name__}")
    if options is None:
        return _DEFAULT_OPTIONS
    if not isinstance(options, Options):
        raise TypeError(f"options must be articlekit.Options or None, not {type(options).__name__}")
    return options


def _read_source(source: object, options: Options) -> tuple[str, tuple[str, ...]]:
    """Stage 1: the source as text, and how it was read."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > options.max_input_bytes:
            raise InputTooLarge(len(data), options.max_input_bytes)
        decoded = decode(data)
        return decoded.text, (decoded.note(),)
    if isinstance(source, str):
        _check_size(source, options.max_input_bytes)
        return source, ()
    tag_type = _bs4_tag_type()
    if tag_type is not None and isinstance(source, tag_type):
        text = str(source)
        _check_size(text, options.max_input_bytes)
        return text, ()
    raise TypeError(f"source must be str, bytes or a bs4 Tag, not {type(source).__name__}")


def _check_size(text: str, limit: int) -> None:
    if len(text) * 4 <= limit:
        return
    size = len(text) if len(text) > limit else len(text.encode("utf-8", errors="replace"))
    if size > limit:
        raise InputTooLarge(size, limit)


def _bs4_tag_type() -> type | None:
    try:
        from bs4.element import Tag
    except ImportError:  # pragma: no cover - bs4 is a dependency
        return None
    return Tag


def _choose_format(text: str, format: str | None) -> Format:
    if format is None:
        return sniff_format(text)
    if format in ("html", "markdown"):
        return "html" if format == "html" else "markdown"
    raise UnsupportedFormat(f"format must be 'html' or 'markdown', not {format!r}")


def _read_markdown(text: str, url: str | None) -> tuple[Metadata, Document, str | None]:
    clipping = read_markdown(text)
    metadata = _meta.metadata_from_front_matter(clipping.fields, url)
    document = clipping.document
    first = document.blocks[0] if document.blocks else None
    if (
        metadata.title is None
        and first is not None
        and first.kind == "heading"
        and first.level == 1
    ):
        # Plain Markdown: a leading "# Heading" is the title, not body text.
        metadata = attrs.evolve(metadata, title=first.text)
        document = attrs.evolve(document, blocks=document.blocks[1:])
    return metadata, document, url or metadata.url


def _read_html(text: str, url: str | None) -> tuple[Metadata, Document, str | None]:
    root, notes = parse_html_noting(text)
    if root is None:
        document = Document(warnings=("empty-body: the document is empty",))
        return Metadata(url=url), document, url
    metadata, base_href = _meta.read_html_page(root, url)
    base = base_url(base_href, url or metadata.canonical_url)
    document = _html_content(root, text)
    return metadata, attrs.evolve(document, warnings=(*notes, *document.warnings)), base


def _html_content(root: HtmlElement, page: str) -> Document:
    """The page's main-content blocks; its JSON-LD articleBody when it shows almost none."""
    document = read_html_content(root)
    structured = structured_body(page, document.blocks)
    if structured is None:
        return document
    kept = tuple(w for w in document.warnings if not w.startswith("empty-body"))
    return Document(blocks=structured, warnings=(*kept, STRUCTURED_BODY_NOTE))


def _lead_texts(cleaned: Cleaned) -> Sequence[str]:
    return (*cleaned.lead_in, *(block.text for block in cleaned.blocks[:_TEXT_BLOCKS_FOR_METADATA]))


def _quotes(rendered: Rendered, cleaned: Cleaned) -> tuple[Quote, ...]:
    texts = [block.text if block.kind in _QUOTABLE else "" for block in cleaned.blocks]
    return _quotes_in(texts, rendered.block_offsets, rendered.body.text)


def _quotes_in(texts: Sequence[str], offsets: Sequence[int], whole: str) -> tuple[Quote, ...]:
    """Quotes in blocks of text, as offsets into `whole`, the text the blocks were cut from
    (a multi-paragraph quote's text runs over the paragraph breaks between its blocks)."""
    quotes = []
    for found in find_quotes(texts):
        start = offsets[found.block] + found.start
        end = offsets[found.end_block] + found.end
        quotes.append(Quote(whole[start:end], found.speaker, found.kind, start, end, found.cue))
    return tuple(quotes)


def extract_quotes(text: str) -> tuple[Quote, ...]:
    """Quotations in plain text, with their speakers: the engine `parse_article` uses.

    Each line of `text` is a paragraph (a quote left open at a line's end may continue on
    a later line that opens with a quotation mark). Offsets are into `text` itself.

    >>> import articlekit
    >>> text = "“We will start in May,” said Mayor Ana Ruiz."
    >>> [(q.text, q.speaker, q.kind) for q in articlekit.extract_quotes(text)]
    [('We will start in May', 'Ana Ruiz', 'direct')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    lines = text.split("\n")
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return _quotes_in(lines, offsets, text)


def _article(
    metadata: Metadata,
    rendered: Rendered,
    quotes: tuple[Quote, ...],
    figures: tuple[Figure, ...],
    warnings: tuple[str, ...],
) -> Article:
    if not rendered.body.text and not any(w.startswith("empty-body") for w in warnings):
        warnings = (*warnings, "empty-body: no article text found")
    return Article(
        title=_safe(metadata.title),
        authors=tuple(strip_unsafe(a) for a in metadata.authors),
        published=metadata.published,
        modified=metadata.modified,
        url=_safe(metadata.url),
        canonical_url=_safe(metadata.canonical_url),
        site_name=_safe(metadata.site_name),
        language=_safe(metadata.language),
        description=_safe(metadata.description),
        category=_safe(metadata.category),
        image=_safe(metadata.image),
        tags=tuple(strip_unsafe(t) for t in metadata.tags),
        body=rendered.body,
        links=rendered.links,
        quotes=quotes,
        figures=figures,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _absolute_figures(figures: Sequence[Figure], base: str | None) -> tuple[Figure, ...]:
    absolute = {}
    for figure in figures:
        url = resolve_url(figure.url, base)
        if url is not None and url not in absolute:
            absolute[url] = attrs.evolve(figure, url=url)
    return tuple(absolute.values())


def _safe(value: str | None) -> str | None:
    return strip_unsafe(value) if value is not None else None
