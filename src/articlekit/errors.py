"""The exceptions articlekit raises, all rooted at `ArticleKitError`:

    ArticleKitError
    ├── InputTooLarge       the source is above Options.max_input_bytes
    └── UnsupportedFormat   an explicit `format=` that articlekit does not know

Ordinary bad content (broken markup, broken JSON-LD, unbalanced quotation marks, an
undecodable byte) never raises: it gives a possibly empty `Article` whose `warnings`
say what went wrong. A source of the wrong *type* raises the built-in `TypeError`.
"""

from __future__ import annotations


class ArticleKitError(Exception):
    """Base class of every exception articlekit raises on purpose."""


class InputTooLarge(ArticleKitError, ValueError):
    """The source is larger than the configured limit (`Options.max_input_bytes`)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"source is {size:,} bytes, above the limit of {limit:,} bytes")
        self.size = size
        self.limit = limit


class UnsupportedFormat(ArticleKitError, ValueError):
    """`format=` names an input form articlekit does not read."""
