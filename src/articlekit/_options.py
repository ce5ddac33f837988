"""The one set of options `parse_article` takes."""

from __future__ import annotations

import attrs

DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024


@attrs.frozen
class Options:
    """How `parse_article` works; the defaults suit news pages.

    `max_input_bytes`: a larger source raises `InputTooLarge` (a `str` is measured by its
    UTF-8 size). `quotes`: set False to skip quotation extraction.

    >>> import articlekit
    >>> articlekit.Options(max_input_bytes=1_000_000).max_input_bytes
    1000000
    """

    max_input_bytes: int = attrs.field(
        default=DEFAULT_MAX_INPUT_BYTES, validator=attrs.validators.gt(0)
    )
    quotes: bool = True
