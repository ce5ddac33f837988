"""Stage 3b: a Markdown clipping (YAML front matter + Markdown) to document blocks.

The front matter is read with ``yaml.safe_load``; anything but a mapping is reported and
ignored. The Markdown is parsed by markdown-it-py (CommonMark plus GFM tables) and its
token stream is folded into `DocBlock`s: inline text with link spans, images moved out to
figures, and hints (emphasis, image-only) for the cleaning stage.

Plain text (no front matter, no Markdown syntax) is read the way its writer laid it out:
a line break ends a paragraph, as in text copied from a page or written one paragraph a
line, unless the lines are hard-wrapped (every line short and the next line's first word
too long to have fitted on it), where it is only a wrap, as in Markdown. Its first line is
the headline when it reads as one (`headline_first`): a short line of three words or more,
not a sentence, not a byline, with longer prose after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import attrs
import lxml.etree
import lxml.html
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from articlekit._clean import BYLINE_START
from articlekit._doc import DocBlock, Document
from articlekit._inline import Inline, InlineBuilder, strip_unsafe
from articlekit._model import BlockKind, Figure

_FRONT_MATTER = re.compile(
    r"\A\ufeff?[ \t]*---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^[ \t]*(?:---|\.\.\.)[ \t]*$\r?\n?",
    re.DOTALL | re.MULTILINE,
)
_TAG = re.compile(r"<[^>]*>")
# markdown-it stops nesting at maxNesting and drops what lies deeper; CommonMark's preset
# says 20, which real clippings (a quote in a list in a quote) can reach; 100 is the
# library's own default, still far from Python's recursion limit.
_MAX_NESTING = 100
_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable("table")
DEEP_NESTING_WARNING = (
    f"deep-nesting: Markdown nested deeper than {_MAX_NESTING} levels, the deeper text dropped"
)
# Block syntax at a line's start (heading, quote, list, fence, table, indented code,
# setext underline) or inline syntax (link, image, strong, code, tag) makes text Markdown.
_MARKDOWN_SYNTAX = re.compile(
    r"^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|\||=+[ \t]*$|-+[ \t]*$)"
    r"| {4}|\t)"
    r"|\]\(|\*\*|__|`|<[A-Za-z/!]",
    re.MULTILINE,
)
# Hard-wrapped prose keeps its lines between these widths (72 to 80 is usual); shorter
# lines (an address, a poem, two short lines) are laid out by hand.
_WRAP_WIDTHS = range(40, 101)
# A plain text's first line is its headline when it has this many words and characters,
# and ends like a headline (not with a full stop, comma, colon or semicolon).
_HEADLINE_WORDS = range(3, 21)
_HEADLINE_MAX_CHARS = 160
_NOT_HEADLINE_END = tuple(".,:;#")


@attrs.frozen
class MarkdownSource:
    """A clipping split into its front-matter fields and its Markdown document."""

    fields: Mapping[str, Any]
    document: Document


def read_markdown(text: str) -> MarkdownSource:
    """Split off the front matter and turn the Markdown into document blocks."""
    fields, markdown, warnings = split_front_matter(text)
    if markdown is text and _MARKDOWN_SYNTAX.search(text) is None:
        markdown = headline_first(paragraph_per_line(text))
    builder = _BlockBuilder()
    tokens = _PARSER.parse(markdown)
    builder.feed(tokens)
    if any(_opens_past_limit(token) for token in tokens):
        warnings.append(DEEP_NESTING_WARNING)
    document = Document(
        blocks=tuple(builder.blocks),
        warnings=tuple(warnings),
    )
    return MarkdownSource(fields=fields, document=document)


def _opens_past_limit(token: Token) -> bool:
    """A container opened at the last level markdown-it nests: its content is dropped."""
    return (
        token.nesting == 1
        and token.level >= _MAX_NESTING - 1
        and token.type not in ("paragraph_open", "heading_open")
    )


def split_front_matter(text: str) -> tuple[Mapping[str, Any], str, list[str]]:
    """Return (front-matter mapping, the Markdown after it, warnings)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text, []
    rest = text[match.end() :]
    try:
        fields = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return {}, rest, [f"front-matter: not valid YAML{where}, ignored"]
    if fields is None:
        return {}, rest, []
    if not isinstance(fields, Mapping):
        kind = type(fields).__name__
        return {}, rest, [f"front-matter: a {kind}, not a mapping, ignored"]
    return {str(key): value for key, value in fields.items()}, rest, []


def paragraph_per_line(text: str) -> str:
    """Plain text with each line break that ends a paragraph made a blank line.

    A break is only a wrap when the lines around it are hard-wrapped: the block's widest
    line is as long as wrapped prose's lines are (`_WRAP_WIDTHS`) and the next line's
    first word would not have fitted on the line (a wrapper would have put it there).

    >>> paragraph_per_line("“We start in May,” said Ana Ruiz.\\nShe smiled.")
    '“We start in May,” said Ana Ruiz.\\n\\nShe smiled.'
    >>> paragraph_per_line("A paragraph of prose that was wrapped at forty\\ncharacters.")
    'A paragraph of prose that was wrapped at forty\\ncharacters.'
    """
    blocks = re.split(r"(\n[^\S\n]*\n)", text)
    for index in range(0, len(blocks), 2):
        lines = blocks[index].split("\n")
        if len(lines) > 1:
            blocks[index] = _join_lines(lines)
    return "".join(blocks)


def headline_first(text: str) -> str:
    """Plain text (paragraphs split by blank lines) with its first line made a level-1
    heading when it reads as a headline, so that it becomes the title rather than a
    kicker the cleaning stage would drop.

    >>> headline_first("Water rates rise in May\\n\\nThe board agreed to it on Monday night.")
    '# Water rates rise in May\\n\\nThe board agreed to it on Monday night.'
    >>> headline_first("The board agreed.\\n\\nIt did so on Monday night, after a long debate.")
    'The board agreed.\\n\\nIt did so on Monday night, after a long debate.'
    """
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n\n")
    line = first.strip()
    if not line or "\n" in line or not rest.strip():
        return text
    words = len(line.split())
    following = len(rest.split("\n\n", 1)[0].split())
    if (
        words not in _HEADLINE_WORDS
        or len(line) > _HEADLINE_MAX_CHARS
        or line.endswith(_NOT_HEADLINE_END)
        or BYLINE_START.match(line)
        or following <= words
    ):
        return text
    return f"# {line}\n\n{rest}"


def _join_lines(lines: list[str]) -> str:
    width = max(len(line.rstrip()) for line in lines)
    joined = [lines[0]]
    for line, following in pairwise(lines):
        first_word = following.split(maxsplit=1)[0] if following.strip() else ""
        fitted = len(line.rstrip()) + 1 + len(first_word) <= width
        wrapped = width in _WRAP_WIDTHS and not fitted
        joined.append(("\n" if wrapped else "\n\n") + following)
    return "".join(joined)


@attrs.define
class _Context:
    kind: BlockKind
    level: int = 0
    ordered: bool = False


@attrs.define
class _BlockBuilder:
    blocks: list[DocBlock] = attrs.field(factory=list)
    _lists: list[bool] = attrs.field(factory=list)  # ordered? per open list
    _quote_depth: int = 0
    _heading: int = 0
    _table_rows: list[list[str]] = attrs.field(factory=list)
    _in_table: bool = False

    def feed(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            self._token(token)

    def _token(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self._lists.pop()
        elif kind == "blockquote_open":
            self._quote_depth += 1
        elif kind == "blockquote_close":
            self._quote_depth -= 1
        elif kind == "heading_open":
            self._heading = int(token.tag[1:])
        elif kind == "heading_close":
            self._heading = 0
        elif kind in ("fence", "code_block"):
            self._add_code(token.content)
        elif kind == "table_open":
            self._in_table, self._table_rows = True, []
        elif kind == "table_close":
            self._add_table()
        elif kind == "tr_open":
            self._table_rows.append([])
        elif kind == "inline":
            self._inline(token)
        elif kind == "html_block":
            self._add_html(token.content)

    def _context(self) -> _Context:
        if self._heading:
            return _Context("heading", self._heading)
        if self._lists:
            return _Context("list_item", len(self._lists), self._lists[-1])
        if self._quote_depth:
            return _Context("blockquote", self._quote_depth)
        return _Context("paragraph")

    def _inline(self, token: Token) -> None:
        if self._in_table:
            cell = _render_inline(token.children or [], [])
            if self._table_rows:
                self._table_rows[-1].append(cell.text)
            return
        images: list[Figure] = []
        builder = _render_inline(token.children or [], images)
        context = self._context()
        hints = set()
        if builder.emphasis_share > 0.9:
            hints.add("emphasis")
        if images and not builder.text:
            hints.add("image")
        self.blocks.append(
            DocBlock(
                kind=context.kind,
                text=builder.text,
                level=context.level,
                ordered=context.ordered,
                links=builder.links,
                hints=frozenset(hints),
                images=tuple(images),
                image_links=builder.empty_link_hrefs,
            )
        )

    def _add_html(self, content: str) -> None:
        """Raw HTML in Markdown: keep its text (never its markup, scripts or styles)."""
        if not content.strip():
            return
        try:
            # A whole document (<html>, <body>) may sit in a Markdown html block: parse it
            # as a document, which accepts any nesting, and read the body's text.
            root = lxml.html.document_fromstring(f"<div>{content}</div>")
        except (lxml.etree.ParserError, ValueError):
            text = " ".join(_TAG.sub(" ", content).split())
        else:
            lxml.etree.strip_elements(root, "script", "style", "template", "head", with_tail=False)
            text = " ".join(lxml.etree.tostring(root, method="text", encoding="unicode").split())
        text = strip_unsafe(text)
        if text:
            context = self._context()
            self.blocks.append(
                DocBlock(kind=context.kind, text=text, level=context.level, ordered=context.ordered)
            )

    def _add_code(self, content: str) -> None:
        code = strip_unsafe(content).rstrip("\n")
        if code.strip():
            self.blocks.append(DocBlock(kind="code", text=code))

    def _add_table(self) -> None:
        self._in_table = False
        rows = tuple(tuple(row) for row in self._table_rows if any(cell for cell in row))
        if rows:
            text = "\n".join("\t".join(row) for row in rows)
            self.blocks.append(DocBlock(kind="table", text=text, rows=rows))


def _render_inline(children: Sequence[Token], images: list[Figure]) -> Inline:
    builder = InlineBuilder()
    for child in children:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            builder.append(child.content)
        elif kind == "softbreak":
            builder.append(" ")
        elif kind == "hardbreak":
            builder.line_break()
        elif kind == "link_open":
            builder.open_link(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            builder.close_link()
        elif kind in ("em_open", "strong_open"):
            builder.open_emphasis()
        elif kind in ("em_close", "strong_close"):
            builder.close_emphasis()
        elif kind == "image":
            alt = child.content or None
            images.append(Figure(url=str(child.attrGet("src") or ""), alt=alt))
    return builder.build()
