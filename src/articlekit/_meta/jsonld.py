"""JSON-LD: the page's own structured description of the article.

Every `<script type="application/ld+json">` block is read on its own, so one broken
block costs only itself (and a warning). A block that does not parse is tried again
without CDATA/comment wrappers, trailing commas and raw control characters; at last the
complete values it opens with are kept (junk after them: a stray brace, a second
object). The blocks' nodes are flattened (top-level arrays, `@graph`, nested
`mainEntity`), bounded in count and depth; `@id` references are resolved against the
flattened nodes.

The article node is the first one typed as an article (NewsArticle, BlogPosting, …),
else the first web page (WebPage, …), else the first recipe or how-to. Its fields become
candidates under the source "jsonld"; the publisher's and the WebSite node's names become
site-name candidates.
Values of any JSON type are accepted and silently ignored when they are not what the
field needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from articlekit._meta.candidates import Candidate

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "article",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "techarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "report",
        "satiricalarticle",
        "advertisercontentarticle",
        "review",
        "criticreview",
    }
)
PAGE_TYPES = frozenset(
    {"webpage", "itempage", "medicalwebpage", "aboutpage", "qapage", "profilepage", "videoobject"}
)
# Works that a page may be about without any article or web page node: their dates and
# names are the page's when nothing better describes it.
WORK_TYPES = frozenset({"recipe", "howto"})
ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation"})

_MAX_BLOCK_CHARS = 2_000_000
_MAX_NODES = 400
_MAX_DEPTH = 8
_MAX_LIST = 50
_WRAPPER_RE = re.compile(r"^\s*(?:<!\[CDATA\[|<!--|//\s*<!\[CDATA\[)|(?:\]\]>|-->|//\s*\]\]>)\s*$")
_TRAILING_COMMA_RE = re.compile(r",\s*([\]}])")
_CONTROL_RE = re.compile(r"[\x00-\x1f]")

Node = Mapping[str, Any]


def read_blocks(texts: Iterable[str]) -> tuple[list[Node], list[str]]:
    """The flattened nodes of every JSON-LD block, and a warning per broken block."""
    nodes: list[Node] = []
    warnings: list[str] = []
    for text in texts:
        data = _load(text[:_MAX_BLOCK_CHARS])
        if data is _BROKEN:
            warnings.append("metadata: broken JSON-LD block skipped")
            continue
        for node in _flatten(data):
            if len(nodes) >= _MAX_NODES:
                break
            nodes.append(node)
    return nodes, warnings


_BROKEN = object()


def _load(text: str) -> object:
    text = text.strip()
    if not text:
        return None
    for attempt in _repairs(text):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return _leading_values(attempt)


_DECODER = json.JSONDecoder(strict=False)
_BETWEEN_VALUES_RE = re.compile(r"[\s;,]*")


def _leading_values(text: str) -> object:
    """The complete JSON values a block opens with, when junk follows them (a stray
    closing brace, a second object written after the first): one, or a list of them."""
    values: list[object] = []
    position = 0
    while position < len(text) and len(values) < _MAX_LIST:
        try:
            value, position = _DECODER.raw_decode(text, position)
        except (ValueError, RecursionError):
            break
        values.append(value)
        match = _BETWEEN_VALUES_RE.match(text, position)
        position = match.end() if match is not None else position
    if not values:
        return _BROKEN
    return values[0] if len(values) == 1 else values


def _repairs(text: str) -> Iterator[str]:
    yield text
    text = _WRAPPER_RE.sub("", text).strip()
    yield text
    text = _TRAILING_COMMA_RE.sub(r"\1", text)
    yield text
    yield _CONTROL_RE.sub(" ", text)
    yield text.rstrip(";")


def _flatten(data: object) -> Iterator[Node]:
    """Nodes of a block: the top level, arrays, @graph and nested main entities."""
    stack: list[tuple[object, int]] = [(data, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        item, depth = stack.pop(0)
        if depth > _MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack[0:0] = [(x, depth + 1) for x in item[:_MAX_NODES]]
        elif isinstance(item, dict):
            seen += 1
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list | dict):
                stack.append((graph, depth + 1))
            for key in ("mainEntity", "mainEntityOfPage"):
                inner = item.get(key)
                if isinstance(inner, dict) and "@type" in inner:
                    stack.append((inner, depth + 1))


def types_of(node: Node) -> frozenset[str]:
    """The node's @type names, lowercased, without a schema.org prefix."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return frozenset(
        n.rsplit("/", 1)[-1].casefold() for n in names[:_MAX_LIST] if isinstance(n, str)
    )


def article_node(nodes: list[Node]) -> Node | None:
    """The node that describes the article: the first article type, else a web page,
    else a work the page is about (a recipe, a how-to)."""
    articles = [n for n in nodes if types_of(n) & ARTICLE_TYPES]
    with_headline = [n for n in articles if text_of(n.get("headline"))]
    if with_headline or articles:
        return (with_headline or articles)[0]
    pages = [n for n in nodes if types_of(n) & PAGE_TYPES]
    if pages:
        return pages[0]
    return next((n for n in nodes if types_of(n) & WORK_TYPES), None)


def text_of(value: object) -> str | None:
    """A plain string from a JSON value: a string, the first string of a list, a @value."""
    if isinstance(value, list):
        value = next((v for v in value[:_MAX_LIST] if isinstance(v, str | dict) and v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    return None


def url_of(value: object) -> str | None:
    """An URL from a JSON value: a string, an ImageObject's url/contentUrl, an @id, a list."""
    if isinstance(value, list):
        value = next((v for v in value[:_MAX_LIST] if v), None)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
        if isinstance(value, list | dict):
            return url_of(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def names_of(value: object, index: Mapping[str, Node]) -> list[tuple[str, bool]]:
    """(name, is_organisation) for every person or organisation in an author value."""
    items = value if isinstance(value, list) else [value]
    names: list[tuple[str, bool]] = []
    for item in items[:_MAX_LIST]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            if name is None and (item.get("givenName") or item.get("familyName")):
                parts = (text_of(item.get("givenName")), text_of(item.get("familyName")))
                name = " ".join(p for p in parts if p) or None
            if name:
                names.append((name, bool(types_of(item) & ORGANISATION_TYPES)))
        elif isinstance(item, str) and item.strip():
            names.append((" ".join(item.split()), False))
    return names


def candidates(nodes: list[Node]) -> list[Candidate]:
    """Candidates from the article node, its publisher and the WebSite node."""
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    found: list[Candidate] = []
    article = article_node(nodes)
    if article is not None:
        found.extend(_article_candidates(article, index))
    for node in nodes:
        if "website" in types_of(node):
            name = text_of(node.get("name"))
            if name:
                found.append(Candidate("site_name", "jsonld-website", name))
    return found


def _article_candidates(node: Node, index: Mapping[str, Node]) -> Iterator[Candidate]:
    for field, key in (
        ("title", "headline"),
        ("title", "name"),
        ("published", "datePublished"),
        ("published", "dateCreated"),
        ("modified", "dateModified"),
        ("description", "description"),
        ("category", "articleSection"),
        ("language", "inLanguage"),
    ):
        text = text_of(node.get(key))
        if text:
            source = "jsonld" if key not in ("name", "dateCreated") else f"jsonld-{key.lower()}"
            yield Candidate(field, source, text)
    yield from _people(node, index)
    yield from _urls(node)
    yield from _keywords(node.get("keywords"))
    publisher = node.get("publisher")
    for name, _ in names_of(publisher, index) if publisher is not None else ():
        yield Candidate("site_name", "jsonld-publisher", name)
        break


def _people(node: Node, index: Mapping[str, Node]) -> Iterator[Candidate]:
    people = names_of(node.get("author"), index) or names_of(node.get("creator"), index)
    persons = [name for name, is_org in people if not is_org]
    for name in persons or [name for name, _ in people]:
        yield Candidate("authors", "jsonld" if persons else "jsonld-organisation", name)


def _urls(node: Node) -> Iterator[Candidate]:
    image = url_of(node.get("image")) or url_of(node.get("thumbnailUrl"))
    if image:
        yield Candidate("image", "jsonld", image)
    page = node.get("mainEntityOfPage")
    url = url_of(node.get("url")) or (url_of(page) if isinstance(page, str | dict) else None)
    if url:
        yield Candidate("canonical_url", "jsonld", url)


def _keywords(value: object) -> Iterator[Candidate]:
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list):
        items = list(value[:_MAX_LIST])
    else:
        return
    for item in items:
        text = text_of(item)
        if text:
            yield Candidate("tags", "jsonld", text)
