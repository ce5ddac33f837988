"""One row per page of a batch, and the schema those rows have in Parquet and Spark.

A row says where the page came from (`url`, `origin`, `offset`) and holds either its
article (`Article.to_dict()`, dates as ISO 8601 strings so their UTC offsets survive)
or the error that kept it from having one. The JSONL writer, the Parquet writer and the
Spark job all write this same row, so their outputs compare field by field.

The schema is declared here once, in a small neutral form, and translated to pyarrow
and Spark types by the writers that need them (both optional extras).
"""

from __future__ import annotations

from typing import Any

import attrs

from articlekit._batch import BatchError, Outcome, Page


@attrs.frozen
class Scalar:
    """A leaf column: ``string``, ``int64`` or ``bool``."""

    name: str


@attrs.frozen
class ListOf:
    """A list column of one item type."""

    item: Kind


@attrs.frozen
class Struct:
    """A nested record: named fields in order."""

    fields: tuple[tuple[str, Kind], ...]


Kind = Scalar | ListOf | Struct

STRING = Scalar("string")
INT64 = Scalar("int64")
BOOL = Scalar("bool")
STRINGS = ListOf(STRING)

BLOCK = Struct((("kind", STRING), ("text", STRING), ("level", INT64), ("ordered", BOOL)))
LINK = Struct((("text", STRING), ("url", STRING), ("start", INT64), ("end", INT64)))
QUOTE = Struct(
    (
        ("text", STRING),
        ("speaker", STRING),
        ("kind", STRING),
        ("start", INT64),
        ("end", INT64),
        ("cue", STRING),
    )
)
FIGURE = Struct((("url", STRING), ("alt", STRING), ("caption", STRING), ("credit", STRING)))
BODY = Struct((("text", STRING), ("blocks", ListOf(BLOCK)), ("markdown", STRING)))
ARTICLE = Struct(
    (
        ("title", STRING),
        ("authors", STRINGS),
        ("published", STRING),
        ("modified", STRING),
        ("url", STRING),
        ("canonical_url", STRING),
        ("site_name", STRING),
        ("language", STRING),
        ("description", STRING),
        ("category", STRING),
        ("image", STRING),
        ("tags", STRINGS),
        ("body", BODY),
        ("links", ListOf(LINK)),
        ("quotes", ListOf(QUOTE)),
        ("figures", ListOf(FIGURE)),
        ("warnings", STRINGS),
    )
)
ROW = Struct(
    (
        ("url", STRING),
        ("origin", STRING),
        ("offset", INT64),
        ("error", STRING),
        ("message", STRING),
        ("article", ARTICLE),
    )
)
"""A batch's row: where the page came from, and its article or its error."""


def to_row(item: Page | BatchError, outcome: Outcome) -> dict[str, Any]:
    """The row of one page: `item` is what went in, `outcome` what came out."""
    row: dict[str, Any] = {"url": item.url, "origin": item.origin, "offset": item.offset}
    if isinstance(outcome, BatchError):
        return {**row, "error": outcome.error, "message": outcome.message, "article": None}
    return {**row, "error": None, "message": None, "article": outcome.to_dict()}


def to_arrow(kind: Kind) -> Any:
    """The pyarrow type of a declared kind (the ``parquet`` extra)."""
    import pyarrow

    if isinstance(kind, Scalar):
        return {"string": pyarrow.string(), "int64": pyarrow.int64(), "bool": pyarrow.bool_()}[
            kind.name
        ]
    if isinstance(kind, ListOf):
        return pyarrow.list_(to_arrow(kind.item))
    return pyarrow.struct([pyarrow.field(name, to_arrow(item)) for name, item in kind.fields])


def to_arrow_schema(kind: Struct = ROW) -> Any:
    """The pyarrow schema of a row."""
    import pyarrow

    return pyarrow.schema([pyarrow.field(name, to_arrow(item)) for name, item in kind.fields])


def to_spark(kind: Kind) -> Any:
    """The Spark SQL type of a declared kind (the ``spark`` extra)."""
    from pyspark.sql import types

    if isinstance(kind, Scalar):
        scalars = {
            "string": types.StringType(),
            "int64": types.LongType(),
            "bool": types.BooleanType(),
        }
        return scalars[kind.name]
    if isinstance(kind, ListOf):
        return types.ArrayType(to_spark(kind.item), containsNull=True)
    return types.StructType(
        [types.StructField(name, to_spark(item), nullable=True) for name, item in kind.fields]
    )
