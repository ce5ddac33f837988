"""The metadata of one article, as the extractors hand it to the pipeline.

Every field is optional: a value is only set when a source gave it. `language` is the
primary language subtag, lowercased ("en" for "en-US", "pt" for "pt_BR"): the region is
dropped because pages declare it inconsistently and nothing downstream needs it.
A date-only source gives midnight; a date is timezone-aware exactly when its source
named a zone (an offset, "Z", or an unambiguous abbreviation such as "EST").
"""

from __future__ import annotations

from datetime import datetime

import attrs


@attrs.frozen
class Metadata:
    """Title, authors, dates, urls, site, language, description, category, image, tags."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    category: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
