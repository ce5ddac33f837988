"""Stage 4b: the chosen content elements to document blocks.

One iterative walk (lxml's ``iterwalk``, so deep nesting cannot overflow the stack) with a
stack of open block contexts. Inline content accumulates in an `InlineBuilder`; opening
or closing a block-level element flushes it as a block whose kind comes from the
innermost block context (heading, list item, block quote, code, paragraph). Tables that
hold data become table blocks; layout tables are walked like divs. Images become figures
with their captions and credits; furniture inside the article (share bars, newsletter
boxes, related lists, bylines…) is skipped by its class/id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from articlekit import _lexicon
from articlekit._doc import DocBlock, Span
from articlekit._html.content import BLOCK_TAGS, TextStats
from articlekit._html.tree import class_and_id, semantic_classes
from articlekit._inline import InlineBuilder
from articlekit._model import BlockKind, Figure

_FURNITURE = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(
        entry.replace("$", "(?![a-z0-9])") for entry in _lexicon.load_common("html_furniture")
    )
    + ")"
)
# Class words, as a whole word or a word's end ("imagecredit", "photo-credits"), never a
# word's start ("creditshelf", "legendary"), nor a flag on an item that has or lacks one
# ("no_caption", "has-caption").
_CAPTION_CLASS = re.compile(
    r"(?<!no[-_])(?<!has[-_])(?<!with[-_])(?:caption|legend)s?(?![a-z])", re.IGNORECASE
)
_CREDIT_CLASS = re.compile(
    r"(?:credit|copyright|photographer)s?(?![a-z])|byline-image|image-source", re.IGNORECASE
)
# The same two for lowercased ASCII class names, where IGNORECASE changes nothing: without
# it, and with the caption words' first letters ahead of their lookbehinds, the regex
# engine skips straight to where a match can start (several times faster).
_CAPTION_CLASS_ASCII = re.compile(
    r"(?:c(?<!no[-_]c)(?<!has[-_]c)(?<!with[-_]c)aption"
    r"|l(?<!no[-_]l)(?<!has[-_]l)(?<!with[-_]l)egend)s?(?![a-z])"
)
_CREDIT_CLASS_ASCII = re.compile(_CREDIT_CLASS.pattern)
_NOSCRIPT_PROSE_CHARS = 200
_PROSE_PARAGRAPH_CHARS = 150
_PROSE_MAX_LINK_DENSITY = 0.3
_PROSE_WRAPPER_CHARS = 800
_MOSTLY_SHARE = 0.5
_WRAPPER_SHARE = 0.9
# Furniture that holds prose of its own: never taken for a mislabelled wrapper.
_PROSE_SECTION = re.compile(
    r"comment|disqus|related|recommend|popular|most-?read|more-stories|newsletter|footer"
    r"|bio|author|sidebar|teaser|promo|sponsor|advert|outbrain|taboola|cookie|consent"
)
_MAX_ID_WORDS = 3
_ID_WORD_BREAK = re.compile(r"[-_\s]+")
_LAYOUT_CELL_SHARE = 0.1
_CARD_SHARE = 0.3
_LEAD_MIN_CHARS = 80
_STRUCTURAL_FURNITURE = frozenset({"nav", "aside", "footer", "menu", "form"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "search"}
)
_EMPHASIS_TAGS = frozenset({"em", "i", "strong", "b"})
_SPECIAL_TAGS = frozenset({"figure", "picture", "img", "noscript", "table", "figcaption"})
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "src")
_SRCSET = ("data-srcset", "srcset", "data-lazy-srcset")


@attrs.define
class _Context:
    tag: str
    kind: BlockKind | None
    level: int = 0
    ordered: bool = False
    hints: frozenset[str] = frozenset()


@attrs.define
class _Walker:
    stats: dict[HtmlElement, TextStats]
    content_chars: int
    blocks: list[DocBlock] = attrs.field(factory=list)
    _contexts: list[_Context] = attrs.field(factory=list)
    _inline: InlineBuilder = attrs.field(factory=InlineBuilder)
    _images: list[Figure] = attrs.field(factory=list)
    _lists: list[bool] = attrs.field(factory=list)
    # the open <a> elements: a link wrapping blocks (a story card) links each of them
    _anchors: list[HtmlElement] = attrs.field(factory=list)
    _quote_depth: int = 0
    _pre_depth: int = 0
    _breaks: int = 0
    # class-word verdicts by (class, id, is a div): many elements share their classes
    _verdicts: dict[tuple[str | None, str | None, bool], tuple[bool, float]] = attrs.field(
        factory=dict
    )
    _card_links: dict[HtmlElement, bool] = attrs.field(factory=dict)
    # caption/credit hints by class and id attribute
    _class_hints: dict[tuple[str | None, str | None], frozenset[str]] = attrs.field(factory=dict)
    # the contexts of plain blocks (divs, paragraphs…) by tag and hints: they never change
    _plain_contexts: dict[tuple[str, frozenset[str]], _Context] = attrs.field(factory=dict)
    # the captions of gallery slides, read as the article's text
    _slide_captions: set[HtmlElement] = attrs.field(factory=set)

    def walk(self, element: HtmlElement) -> None:
        walker = lxml.etree.iterwalk(element, events=("start", "end"))
        skipped: set[HtmlElement] = set()
        for event, node in walker:
            tag = node.tag  # read once: lxml makes a new string on every read
            if not isinstance(tag, str):
                continue
            if event == "start":
                if node is not element and self._is_skipped(node, tag):
                    skipped.add(node)
                    walker.skip_subtree()
                    continue
                self._start(node, tag)
            else:
                if node in skipped:
                    skipped.discard(node)
                else:
                    self._end(tag)
                if node is not element and (tail := node.tail):
                    self._text(tail)

    def _is_skipped(self, node: HtmlElement, tag: str) -> bool:
        if tag == "noscript" and self._holds_prose(node):
            return False  # the page's text, for readers without scripts: read it
        if tag in _SPECIAL_TAGS:
            return self._take_special(node)
        if tag == "header":
            return self._take_header(node)
        if tag in _STRUCTURAL_FURNITURE or node.get("role") in _FURNITURE_ROLES:
            return self._small(node)
        classes, element_id = node.get("class"), node.get("id")
        if not classes and not element_id:
            return False
        key = (classes, element_id, tag == "div")
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = _furniture_verdict(_furniture_names(node), tag)
        furniture, share = verdict
        if furniture and not self._prose_despite_class(node):
            return self._small(node, share)
        return False

    def _prose_despite_class(self, node: HtmlElement) -> bool:
        """Class words do not make furniture of an <article> (a CMS flag such as
        "node--promoted"), of a paragraph of prose (a "paywall" mark on every paragraph
        the page still serves), nor of a wrapper named after a widget it also holds
        ("body-share-wrapper" around the story and its share buttons). Sections that do
        hold prose of their own (comments, related stories) stay furniture."""
        if node.tag in ("article", "main"):
            return True
        own = self.stats.get(node)
        if own is None or own.link_density() >= _PROSE_MAX_LINK_DENSITY:
            return False
        if node.tag == "p":
            return own.chars >= _PROSE_PARAGRAPH_CHARS
        names = _furniture_names(node)
        return own.chars >= _PROSE_WRAPPER_CHARS and not _PROSE_SECTION.search(names)

    def _take_header(self, node: HtmlElement) -> bool:
        """A header inside the article: keep its headings (a live-blog entry's title) and
        its figures, drop the rest (bylines, dates, share links). The page headline is
        dropped later, by the cleaner, as a repeat of the title."""
        if not self._small(node) or self._is_lead_paragraph(node) or self._is_prose_run(node):
            return False
        self._flush()
        for element in node.iter("h1", "h2", "h3", "h4", "h5", "h6", "figure"):
            if not isinstance(element, HtmlElement) or _inside_furniture(element, node):
                continue
            if element.tag == "figure":
                self._take_special(element)
                continue
            text = " ".join(" ".join(element.itertext()).split())
            if text:
                self.blocks.append(DocBlock(kind="heading", text=text, level=int(element.tag[1])))
        return True

    def _is_lead_paragraph(self, node: HtmlElement) -> bool:
        """A header that holds no heading, only a sentence or two of running text: the
        story's opening paragraph marked up as its header, read like any paragraph."""
        own = self.stats.get(node)
        if own is None or own.chars < _LEAD_MIN_CHARS or own.link_chars or own.has_block_child:
            return False
        return next(node.iter("h1", "h2", "h3", "h4", "h5", "h6", "time"), None) is None

    def _is_prose_run(self, node: HtmlElement) -> bool:
        """A header that holds paragraphs of prose, more than a headline, dek and byline
        would make: a text block the template marked up as its header, read as it is."""
        own = self.stats.get(node)
        return (
            own is not None
            and own.chars >= _PROSE_WRAPPER_CHARS
            and own.link_density() < _PROSE_MAX_LINK_DENSITY
        )

    def _is_card_link(self, anchor: HtmlElement) -> bool:
        """A link around blocks that is a card (a teaser's heading and summary), not an
        unclosed <a> that swallowed the story: it holds a small part of the content."""
        verdict = self._card_links.get(anchor)
        if verdict is None:
            chars = sum(len(text.strip()) for text in anchor.itertext())
            verdict = self._card_links[anchor] = chars < self.content_chars * _CARD_SHARE
        return verdict

    def _holds_prose(self, node: HtmlElement) -> bool:
        own = self.stats.get(node)
        return own is not None and own.chars >= _NOSCRIPT_PROSE_CHARS and len(node) > 0

    def _small(self, node: HtmlElement, share: float = 0.5) -> bool:
        """Skip furniture unless it holds most of the article (a mislabelled wrapper)."""
        own = self.stats.get(node)
        return own is None or own.chars < max(500, self.content_chars * share)

    def _take_special(self, node: HtmlElement) -> bool:
        tag = node.tag
        if tag == "table":
            rows = data_table_rows(node)
            if rows is None:
                return False
            self._flush()
            text = "\n".join("\t".join(row) for row in rows)
            self.blocks.append(DocBlock(kind="table", text=text, rows=rows))
            return True
        if tag == "figcaption":
            if node in self._slide_captions:
                return False
            self._flush()
            self._caption_block(node, frozenset({"caption"}))
            return True
        caption = node.find(".//figcaption") if tag == "figure" else None
        if caption is not None and self._is_slide(node, caption):
            self._slide_captions.add(caption)
            return False  # walked like any block: its heading, picture and text
        images = [figure for img in _images_in(node) if (figure := _figure(img)) is not None]
        if tag == "figure":
            self._flush()
            figures = [
                attrs.evolve(f, caption=_caption(caption), credit=_credit(caption)) for f in images
            ]
            self.blocks.append(
                DocBlock(
                    kind="paragraph", text="", hints=frozenset({"image"}), images=tuple(figures)
                )
            )
            return True
        self._images.extend(images)
        return True

    def _is_slide(self, figure: HtmlElement, caption: HtmlElement) -> bool:
        """A gallery slide: a figure with a heading of its own and a caption of prose
        (a listicle's items), whose text is the article's, not a picture's caption."""
        own = self.stats.get(caption)
        if own is None or own.chars < _PROSE_PARAGRAPH_CHARS:
            return False
        if own.link_density() >= _PROSE_MAX_LINK_DENSITY:
            return False
        return next(figure.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is not None

    def _caption_block(self, node: HtmlElement, hints: frozenset[str]) -> None:
        text = " ".join(" ".join(node.itertext()).split())
        if text:
            self.blocks.append(DocBlock(kind="paragraph", text=text, hints=hints))

    def _start(self, node: HtmlElement, tag: str) -> None:
        if tag == "br":
            self._breaks += 1
            if self._breaks >= 2 and not self._pre_depth:
                self._flush(split=True)
            else:
                self._inline.line_break()
            return
        if tag in BLOCK_TAGS:
            self._flush()
            self._contexts.append(self._context_for(node, tag))
        elif tag == "a":
            self._anchors.append(node)
            self._inline.open_link(node.get("href") or "")
        elif tag in _EMPHASIS_TAGS:
            self._inline.open_emphasis()
        if text := node.text:
            self._text(text)

    def _end(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            context = self._contexts.pop()
            if context.tag in ("ul", "ol"):
                self._lists.pop()
            elif context.tag == "blockquote":
                self._quote_depth -= 1
            elif context.tag == "pre":
                self._pre_depth -= 1
                self._inline = InlineBuilder()
        elif tag == "a":
            self._inline.close_link()
            if self._anchors:
                self._anchors.pop()
        elif tag in _EMPHASIS_TAGS:
            self._inline.close_emphasis()

    def _context_for(self, node: HtmlElement, tag: str) -> _Context:
        hints = self._contexts[-1].hints if self._contexts else frozenset()
        key = (node.get("class"), node.get("id"))
        extra = self._class_hints.get(key)
        if extra is None:
            extra = self._class_hints[key] = _hints_from_class(class_and_id(node))
        if extra and node not in self._slide_captions:
            hints = hints | extra
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return _Context(tag, "heading", int(tag[1]), hints=hints)
        if tag in ("ul", "ol"):
            self._lists.append(tag == "ol")
            return _Context(tag, None, hints=hints)
        if tag == "li":
            return _Context(
                tag,
                "list_item",
                len(self._lists) or 1,
                bool(self._lists and self._lists[-1]),
                hints,
            )
        if tag == "blockquote":
            self._quote_depth += 1
            return _Context(tag, "blockquote", self._quote_depth, hints=hints)
        if tag == "pre":
            self._pre_depth += 1
            self._inline = InlineBuilder(preserve_space=True)
            return _Context(tag, "code", hints=hints)
        plain = self._plain_contexts.get((tag, hints))
        if plain is None:
            plain = self._plain_contexts[tag, hints] = _Context(tag, None, hints=hints)
        return plain

    def _text(self, text: str) -> None:
        if not text.isspace():
            self._breaks = 0
        self._inline.append(text)

    def _flush(self, split: bool = False) -> None:
        """End the block being built; `split` when blank lines (<br><br>) end it inside
        running text."""
        self._breaks = 0
        preserve = self._pre_depth > 0
        if not self._images and self._inline.is_pristine(preserve):
            return  # nothing since the last block: the builder is as good as new
        built = self._inline.build()
        self._inline = InlineBuilder(preserve_space=preserve)
        if self._anchors and self._is_card_link(self._anchors[-1]):
            self._inline.open_link(self._anchors[-1].get("href") or "")
        images, self._images = tuple(self._images), []
        if not built.text.strip() and not images:
            return
        context = None
        for open_context in reversed(self._contexts):  # the innermost that sets a kind
            if open_context.kind is not None:
                context = open_context
                break
        hints = set(self._contexts[-1].hints) if self._contexts else set()
        if built.emphasis_share > 0.9:
            hints.add("emphasis")
        if images and not built.text.strip():
            hints.add("image")
        if split:
            hints.add("split")
        self.blocks.append(
            DocBlock(
                kind=context.kind if context and context.kind else "paragraph",
                text=built.text if context and context.kind == "code" else built.text.strip(),
                level=context.level if context else 0,
                ordered=context.ordered if context else False,
                links=_trim_spans(built.links, built.text),
                hints=frozenset(hints),
                images=images,
                image_links=built.empty_link_hrefs if images else (),
            )
        )


def _inside_furniture(element: HtmlElement, stop: HtmlElement) -> bool:
    node: HtmlElement | None = element
    while node is not None and node is not stop:
        names = _furniture_names(node)
        if names and _FURNITURE.search(names):
            return True
        node = node.getparent()
    return False


def _furniture_verdict(names: str, tag: str) -> tuple[bool, float]:
    """(whether class words name furniture, the share of the article it must hold to be
    read anyway). The share only matters for furniture: for anything else it is not
    looked for."""
    if not names:
        return False, _MOSTLY_SHARE
    furniture = bool(_FURNITURE.search(names)) and not (_is_caption_class(names) and tag != "div")
    if not furniture:
        return False, _MOSTLY_SHARE
    # comments or related stories are furniture unless they wrap nearly everything
    share = _WRAPPER_SHARE if _PROSE_SECTION.search(names) else _MOSTLY_SHARE
    return furniture, share


def _hints_from_class(names: str) -> frozenset[str]:
    hints = set()
    if _is_caption_class(names):
        hints.add("caption")
    if _is_credit_class(names):
        hints.add("credit")
    return frozenset(hints)


def _is_caption_class(names: str) -> bool:
    """Whether lowercased class words name a caption."""
    pattern = _CAPTION_CLASS_ASCII if names.isascii() else _CAPTION_CLASS
    return pattern.search(names) is not None


def _is_credit_class(names: str) -> bool:
    """Whether lowercased class words name a picture credit."""
    pattern = _CREDIT_CLASS_ASCII if names.isascii() else _CREDIT_CLASS
    return pattern.search(names) is not None


def _furniture_names(node: HtmlElement) -> str:
    """Class words, and the id when it is a short name (long ids are heading anchors)."""
    element_id = node.get("id")
    if element_id and len(_ID_WORD_BREAK.split(element_id)) > _MAX_ID_WORDS:
        element_id = None
    classes = semantic_classes(node.get("class"))
    if not classes and not element_id:
        return ""
    return f"{classes or ''} {element_id or ''}".lower().strip()


def html_blocks(
    elements: Sequence[HtmlElement], stats: dict[HtmlElement, TextStats]
) -> list[DocBlock]:
    """Turn the content elements into document blocks, in document order."""
    content_chars = sum(stats[e].chars for e in elements if e in stats)
    walker = _Walker(stats, content_chars)
    for element in elements:
        walker.walk(element)
        walker._flush()
    return walker.blocks


def _trim_spans(spans: tuple[Span, ...], text: str) -> tuple[Span, ...]:
    offset = len(text) - len(text.lstrip())
    if not offset:
        return spans
    return tuple(Span(s.start - offset, s.end - offset, s.href) for s in spans if s.start >= offset)


def data_table_rows(table: HtmlElement) -> tuple[tuple[str, ...], ...] | None:
    """The rows of a table that holds data, or None for a layout table."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return None
    if table.find(".//table") is not None:
        return None
    rows = [row for row in table.iter("tr") if isinstance(row, HtmlElement)]
    cells = [[cell for cell in row if getattr(cell, "tag", None) in ("td", "th")] for row in rows]
    # Cells that hold paragraphs or boxes lay out a page; a data table may have a few
    # (a long description, a stray <p>), never a good share of them.
    holding_blocks = sum(
        cell.find(".//p") is not None or cell.find(".//div") is not None
        for r in cells
        for cell in r
    )
    if not rows or holding_blocks > _LAYOUT_CELL_SHARE * sum(len(r) for r in cells):
        return None
    columns = max((len(r) for r in cells), default=0)
    semantic = (
        table.find(".//th") is not None
        or table.find(".//thead") is not None
        or table.find("caption") is not None
    )
    if not (semantic or len(rows) >= 10 or columns > 4 or len(rows) * columns > 10) or columns < 2:
        return None
    texts = tuple(tuple(" ".join(" ".join(c.itertext()).split()) for c in row) for row in cells)
    return tuple(row for row in texts if any(row))


def _images_in(node: HtmlElement) -> list[HtmlElement]:
    if node.tag == "img":
        return [node]
    found = [img for img in node.iter("img") if isinstance(img, HtmlElement)]
    if node.tag in ("noscript", "figure", "picture") and not found:
        # lxml parses noscript content as text when scripting is assumed on.
        text = node.text or ""
        if "<img" in text:
            try:
                fragment = lxml.html.fragment_fromstring(text, create_parent="div")
            except (lxml.etree.ParserError, ValueError):
                return []
            found = [img for img in fragment.iter("img") if isinstance(img, HtmlElement)]
    return found


def _figure(img: HtmlElement) -> Figure | None:
    url = None
    for attribute in _LAZY_SRC:
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            url = value
            break
    if url is None:
        for attribute in _SRCSET:
            srcset = (img.get(attribute) or "").strip()
            if srcset:
                url = srcset.split(",")[0].split()[0]
                break
    if not url:
        return None
    alt = (img.get("alt") or "").strip() or None
    return Figure(url=url, alt=alt)


def _caption(caption: HtmlElement | None) -> str | None:
    if caption is None:
        return None
    parts = []
    for piece in _caption_pieces(caption, credit=False):
        parts.append(piece)
    text = " ".join(" ".join(parts).split())
    return text or None


def _credit(caption: HtmlElement | None) -> str | None:
    if caption is None:
        return None
    text = " ".join(" ".join(_caption_pieces(caption, credit=True)).split())
    return text or None


def _caption_pieces(caption: HtmlElement, *, credit: bool) -> list[str]:
    """Text of a caption split between its credit elements and the rest."""
    pieces: list[str] = []
    walker = lxml.etree.iterwalk(caption, events=("start", "end"))
    depth = 0
    for event, node in walker:
        is_credit = isinstance(node.tag, str) and _is_credit_class(class_and_id(node))
        if event == "start":
            depth += is_credit
            if (depth > 0) == credit and node.text:
                pieces.append(node.text)
        else:
            depth -= is_credit
            if node is not caption and (depth > 0) == credit and node.tail:
                pieces.append(node.tail)
    return pieces
