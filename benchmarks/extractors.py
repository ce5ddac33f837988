"""Body extractors behind one signature: ``extract(html, url) -> plain text of the body``.

Each `Tool` knows how to build its extractor; building imports the library, so a tool
whose library is not installed fails to build and is skipped with the reason. To compare
one more library, write a ``_build_*`` function and add a `Tool` to `TOOLS`.

``lxml`` is not an extractor but the floor: bare ``lxml.html.document_fromstring``, timed
like the others and not scored.
"""

from __future__ import annotations

import importlib.metadata
import logging
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from benchmarks.htmltext import visible_text

Extract = Callable[[str, "str | None"], str]

REFERENCE = "trafilatura"  # speed ratios are given against this tool
FLOOR = "lxml"
_PLACEHOLDER_URL = "http://example.com/article.html"  # for tools that insist on a URL


@dataclass(frozen=True)
class Tool:
    """A body extractor to benchmark: its name, its distribution and how to build it."""

    name: str
    distribution: str
    build: Callable[[], Extract]
    scored: bool = True  # False for the lxml floor, which extracts nothing

    def version(self) -> str:
        """The installed version of the tool's distribution, or ``?``."""
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "?"


def _build_articlekit() -> Extract:
    import articlekit

    def extract(html: str, url: str | None) -> str:
        return articlekit.parse_article(html, url=url).body.text

    return extract


def _build_trafilatura() -> Extract:
    import trafilatura

    def extract(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    return extract


def _build_readability_lxml() -> Extract:
    from readability import Document

    def extract(html: str, url: str | None) -> str:
        # readability-lxml returns HTML; score its visible text like expected.html's
        return visible_text(Document(html, url=url).summary(html_partial=True))

    return extract


def _build_newspaper4k() -> Extract:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns when nltk is missing: only NLP needs it
        from newspaper import Article
    logging.getLogger("newspaper").setLevel(logging.CRITICAL)

    def extract(html: str, url: str | None) -> str:
        article = Article(url or _PLACEHOLDER_URL, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return extract


def _build_goose3() -> Extract:
    from goose3 import Goose

    logging.getLogger("goose3").setLevel(logging.CRITICAL)
    goose = Goose({"enable_image_fetching": False})

    def extract(html: str, url: str | None) -> str:
        return goose.extract(url=url, raw_html=html).cleaned_text or ""

    return extract


def _build_resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html: str, url: str | None) -> str:
        tree = HTMLTree.parse(html)
        return str(extract_plain_text(tree, preserve_formatting=True, main_content=True))

    return extract


def _build_lxml_floor() -> Extract:
    import lxml.html

    def extract(html: str, url: str | None) -> str:
        lxml.html.document_fromstring(html)
        return ""

    return extract


TOOLS: tuple[Tool, ...] = (
    Tool("articlekit", "articlekit", _build_articlekit),
    Tool("trafilatura", "trafilatura", _build_trafilatura),
    Tool("readability-lxml", "readability-lxml", _build_readability_lxml),
    Tool("newspaper4k", "newspaper4k", _build_newspaper4k),
    Tool("goose3", "goose3", _build_goose3),
    Tool("resiliparse", "resiliparse", _build_resiliparse),
    Tool(FLOOR, "lxml", _build_lxml_floor, scored=False),
)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=_Named)


def named(items: Sequence[NamedT], name: str, what: str = "tool") -> NamedT:
    """The item called `name`, matched case-insensitively with ``_`` read as ``-``."""
    wanted = name.strip().lower().replace("_", "-")
    for item in items:
        if item.name == wanted:
            return item
    known = ", ".join(i.name for i in items)
    raise KeyError(f"unknown {what} {name!r}; known: {known}")


def tool_named(name: str) -> Tool:
    """The tool called `name` (``readability_lxml`` works for ``readability-lxml``)."""
    return named(TOOLS, name)


def build_tools(tools: list[Tool]) -> tuple[list[tuple[Tool, Extract]], list[tuple[str, str]]]:
    """Build each tool; those that fail (not installed) are returned with the reason."""
    ready: list[tuple[Tool, Extract]] = []
    skipped: list[tuple[str, str]] = []
    for tool in tools:
        try:
            ready.append((tool, tool.build()))
        except Exception as error:  # ImportError mostly, but any failure to set up skips
            skipped.append((tool.name, f"{type(error).__name__}: {error}"))
    return ready, skipped


def build_extractor(name: str) -> Extract:
    """The extractor of the tool called `name` (for the memory child interpreter)."""
    return tool_named(name).build()
