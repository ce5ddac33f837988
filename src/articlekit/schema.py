"""The JSON Schema of `Article.to_dict()` (and so of `to_json()` and `articlekit parse`).

The schema is generated from the model classes' attrs fields, type annotations and
docstrings, so it cannot drift from the code; `schema/article.schema.json` in the repository is this
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

import ast
import datetime as dt
import inspect
import json
import sys
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from articlekit import _model
from articlekit._model import Article, Block, Body, Figure, Link, Quote

__all__ = ["SCHEMA_DRAFT", "article_schema", "field_descriptions", "schema_json"]

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# `datetime.isoformat()`: a date, a time with optional fraction, and the zone when known.
_ISO_DATETIME = (
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"
)
_MODELS: tuple[type, ...] = (Article, Body, Block, Link, Quote, Figure)

_NON_NEGATIVE = frozenset({"Block.level", "Link.start", "Link.end", "Quote.start", "Quote.end"})


def field_descriptions() -> dict[str, str]:
    """The model's own words for each class and field: {"Article": ..., "Article.title": ...}.

    A class's description is the first paragraph of its docstring; a field's is the
    docstring written under it in `articlekit/_model.py` (attribute docstrings, which
    Python keeps only in the source, so the source is read).
    """
    descriptions = {cls.__name__: _first_paragraph(cls.__doc__ or "") for cls in _MODELS}
    tree = ast.parse(inspect.getsource(_model))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in descriptions:
            descriptions |= _attribute_docstrings(node)
    return descriptions


def _attribute_docstrings(node: ast.ClassDef) -> dict[str, str]:
    found: dict[str, str] = {}
    for statement, following in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            text = _first_paragraph(following.value.value)
            found[f"{node.name}.{statement.target.id}"] = text
    return found


def _first_paragraph(docstring: str) -> str:
    return " ".join(inspect.cleandoc(docstring).split("\n\n")[0].split())


def article_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every `Article.to_dict()` satisfies.

    A new dict on each call; every object lists all its keys as required and allows no
    others, because `to_dict()` always writes every field.
    """
    descriptions = field_descriptions()
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DRAFT,
        "title": "articlekit Article",
        "description": descriptions["Article"] + " The output of Article.to_dict().",
    }
    schema |= _object_schema(Article, descriptions)
    defs = {
        cls.__name__: _object_schema(cls, descriptions) for cls in _MODELS if cls is not Article
    }
    schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _object_schema(cls: type, descriptions: Mapping[str, str]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):
        key = f"{cls.__name__}.{field.name}"
        prop = _type_schema(hints[field.name])
        if key in _NON_NEGATIVE:
            prop["minimum"] = 0
        prop["description"] = descriptions[key]
        properties[field.name] = prop
    result: dict[str, Any] = {"type": "object"}
    if cls is not Article:
        result["description"] = descriptions[cls.__name__]
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
