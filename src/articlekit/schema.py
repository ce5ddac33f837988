"""The JSON Schema of `Article.to_dict()` (and so of `to_json()` and `articlekit parse`).

The schema is generated from the model classes' attrs fields and type annotations, so it
cannot drift from the code; `schema/article.schema.json` in the repository is this
function's output (`python -m articlekit.schema > schema/article.schema.json` writes it),
and a test keeps the two equal.

>>> from articlekit.schema import article_schema
>>> schema = article_schema()
>>> schema["properties"]["authors"]["type"], schema["properties"]["authors"]["items"]
('array', {'type': 'string'})
>>> sorted(schema["$defs"])
['Block', 'Body', 'Figure', 'Link', 'Quote']

Stability: within a major version, field names, nesting and types stay as they are; a
minor release may add a field (listed in the changelog) and may change the values
articlekit extracts (better extraction is the point of a release).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import typing
from typing import Any, Literal

import attrs

from articlekit._model import Article, Block, Body, Figure, Link, Quote

__all__ = ["DESCRIPTIONS", "SCHEMA_DRAFT", "article_schema", "schema_json"]

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# `datetime.isoformat()`: a date, a time with optional fraction, and the zone when known.
_ISO_DATETIME = (
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"
)
_MODELS: tuple[type, ...] = (Article, Body, Block, Link, Quote, Figure)

# One line per field; a test requires every model field to have one.
DESCRIPTIONS: dict[str, str] = {
    "Article": "A parsed article: metadata, the clean body, its links, quotes and figures.",
    "Article.title": "The headline, without the site name.",
    "Article.authors": "The authors’ names, in byline order.",
    "Article.published": "First published (ISO 8601, with the zone when known).",
    "Article.modified": "Last updated (ISO 8601, with the zone when known).",
    "Article.url": "The url given to parse_article, else the page's own URL.",
    "Article.canonical_url": "The page's canonical URL.",
    "Article.site_name": "The publication's name.",
    "Article.language": 'The primary language subtag, lower-cased ("en").',
    "Article.description": "The summary or dek the page gives.",
    "Article.category": "The section or category.",
    "Article.image": "The lead image's URL.",
    "Article.tags": "Keywords and tags.",
    "Article.body": "The article's own prose.",
    "Article.links": "Every link in the body, in order.",
    "Article.quotes": "Every quotation in the body, in order.",
    "Article.figures": "The article's images, with captions and credits.",
    "Article.warnings": "How the input was read and what is degraded; each starts with a code.",
    "Body": "The article's own prose, rendered three ways from the same blocks.",
    "Body.text": "The blocks' texts joined by one blank line.",
    "Body.blocks": "The body's blocks in reading order.",
    "Body.markdown": "The body as CommonMark (GFM tables), links kept.",
    "Block": "One block of the body.",
    "Block.kind": "What the block is.",
    "Block.text": "Plain text; a table's rows are separated by newlines and its cells by tabs.",
    "Block.level": "Heading level (1-6), list or block quote depth (1 = top level), else 0.",
    "Block.ordered": "True for an item of a numbered list.",
    "Link": "A link in the body.",
    "Link.text": "The anchor text; body.text[start:end] == text.",
    "Link.url": "The absolute URL.",
    "Link.start": "Offset of the anchor text in body.text.",
    "Link.end": "Offset just past the anchor text in body.text.",
    "Quote": "A quotation in the body.",
    "Quote.text": "The quoted words without quotation marks; body.text[start:end] == text.",
    "Quote.speaker": "The fullest form of the speaker's name the article gives.",
    "Quote.kind": "direct (a sentence or more) or partial (a fragment in the writer's sentence).",
    "Quote.start": "Offset of the quoted words in body.text.",
    "Quote.end": "Offset just past the quoted words in body.text.",
    "Quote.cue": "The speech verb or phrase that attributes the quote.",
    "Figure": "An image of the article.",
    "Figure.url": "The image's absolute URL.",
    "Figure.alt": "The image's alt text.",
    "Figure.caption": "The caption, kept out of the body.",
    "Figure.credit": "The photo credit, kept out of the body.",
}
_NON_NEGATIVE = frozenset({"Block.level", "Link.start", "Link.end", "Quote.start", "Quote.end"})


def article_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every `Article.to_dict()` satisfies.

    A new dict on each call; every object lists all its keys as required and allows no
    others, because `to_dict()` always writes every field.
    """
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DRAFT,
        "title": "articlekit Article",
        "description": DESCRIPTIONS["Article"] + " The output of Article.to_dict().",
    }
    schema |= _object_schema(Article)
    schema["$defs"] = {cls.__name__: _object_schema(cls) for cls in _MODELS if cls is not Article}
    schema["$defs"] = dict(sorted(schema["$defs"].items()))
    return schema


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):
        key = f"{cls.__name__}.{field.name}"
        prop = _type_schema(hints[field.name])
        if key in _NON_NEGATIVE:
            prop["minimum"] = 0
        prop["description"] = DESCRIPTIONS[key]
        properties[field.name] = prop
    result: dict[str, Any] = {"type": "object"}
    if cls is not Article:
        result["description"] = DESCRIPTIONS[cls.__name__]
    result |= {
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return result


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no JSON Schema for the union {hint!r}")
        inner = _type_schema(options[0])
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        nullable = inner | {"type": [inner["type"], "null"]}
        if "enum" in inner:
            nullable["enum"] = [*inner["enum"], None]
        return nullable
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is Literal:
        return {"type": "string", "enum": list(args)}
    if hint in _MODELS:
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is dt.datetime:
        return {"type": "string", "pattern": _ISO_DATETIME}
    scalar = {str: "string", bool: "boolean", int: "integer"}.get(hint)
    if scalar is None:
        raise TypeError(f"no JSON Schema for the type {hint!r}")
    return {"type": scalar}


def schema_json() -> str:
    """The schema as the text of `schema/article.schema.json`."""
    return json.dumps(article_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_json())
