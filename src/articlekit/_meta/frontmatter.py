"""Metadata from a Markdown clipping's YAML front matter.

Clipping tools disagree on key names, so each field reads the first of several keys,
case-insensitively (`KEYS`). Values may be of any YAML type: strings, lists, numbers,
dates (YAML turns an unquoted 2025-03-04 into a date), mappings with a `name` or `url`;
anything else is ignored.

`source` is overloaded. A URL there is the page's URL. Otherwise it is "Name, Outlet"
(split on the last comma: "A and B, Outlet" gives two authors) or just "Outlet"; a lone
value is taken as the site name only when it does not look like a person's name (it holds
a domain or an outlet word such as Times/News/Post, or is one word), because "Ars
Technica" and "Ana Ruiz" cannot be told apart otherwise.

A date-only value gives midnight; a value without a zone stays naive.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from types import MappingProxyType

from articlekit._meta.authors import clean_authors, is_outlet, looks_like_name
from articlekit._meta.choose import absolute_url
from articlekit._meta.dates import parse_date
from articlekit._meta.language import normalise_language
from articlekit._meta.model import Metadata
from articlekit._meta.strings import clean_text

KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "title": ("title", "headline", "name"),
        "authors": ("authors", "author", "by", "byline", "creator", "creators"),
        "published": ("published", "date", "created", "pubdate", "date_published", "published_at"),
        "modified": (
            "updated",
            "modified",
            "lastmod",
            "last_modified",
            "date_modified",
            "updated_at",
        ),
        "url": ("url", "link", "source_url", "permalink", "original_url"),
        "canonical_url": ("canonical", "canonical_url"),
        "description": ("summary", "description", "excerpt", "dek", "subtitle", "abstract"),
        "tags": ("tags", "keywords", "tag"),
        "category": ("category", "categories", "section"),
        "image": ("image", "cover", "thumbnail", "featured_image", "banner", "og_image"),
        "language": ("lang", "language", "locale"),
        "site_name": ("site", "site_name", "sitename", "publisher", "outlet", "publication"),
    }
)
_MAX_ITEMS = 50


def metadata_from_front_matter(fields: Mapping[str, object], url: str | None) -> Metadata:
    """The article's metadata from front-matter fields; `url` (the caller's) wins."""
    lookup = {k.strip().casefold(): v for k, v in fields.items() if isinstance(k, str)}

    def get(field: str) -> object:
        return next((lookup[k] for k in KEYS[field] if _present(lookup.get(k))), None)

    source_url, source_authors, outlet = _read_source(lookup.get("source"))
    page_url = _first_url(get("url")) or source_url
    canonical = _first_url(get("canonical_url")) or page_url
    authors = clean_authors(_strings(get("authors"))) or source_authors
    published, modified = _date(get("published")), _date(get("modified"))
    if published is not None and modified is not None and _naive(published) > _naive(modified):
        published, modified = modified, published
    language = _first_string(get("language"))
    return Metadata(
        title=_first_string(get("title")),
        authors=authors,
        published=published,
        modified=modified,
        url=url or page_url,
        canonical_url=canonical,
        site_name=_first_string(get("site_name")) or outlet,
        language=normalise_language(language) if language else None,
        description=_first_string(get("description")),
        category=_first_string(get("category")),
        image=_first_url(get("image"), url or page_url),
        tags=_tags(get("tags")),
    )


def _present(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _strings(value: object) -> list[str]:
    """Every string in a value: a string, a list's strings, a mapping's name/url/value."""
    items = value if isinstance(value, list | tuple) else [value]
    found: list[str] = []
    for item in items[:_MAX_ITEMS]:
        if isinstance(item, Mapping):
            item = next((item[k] for k in ("name", "url", "value", "src") if k in item), None)
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, str | int | float):
            text = clean_text(str(item))
            if text:
                found.append(text)
    return found


def _first_string(value: object) -> str | None:
    strings = _strings(value)
    return strings[0] if strings else None


def _first_url(value: object, base: str | None = None) -> str | None:
    for text in _strings(value):
        found = absolute_url(text, base)
        if found:
            return found
    return None


def _date(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return parse_date(value)
    if isinstance(value, date):
        return parse_date(datetime.combine(value, time()))
    if isinstance(value, int | float) and not isinstance(value, bool):
        # a bare number is a date only as digits (20250304, 2025); inf and nan are none
        return parse_date(str(int(value))) if math.isfinite(value) else None
    return parse_date(_first_string(value))


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _tags(value: object) -> tuple[str, ...]:
    tags: dict[str, str] = {}
    for text in _strings(value):
        for part in text.split(","):
            tag = part.strip().lstrip("#").strip()
            if tag:
                tags.setdefault(tag.casefold(), tag)
    return tuple(tags.values())[:_MAX_ITEMS]


def _read_source(value: object) -> tuple[str | None, tuple[str, ...], str | None]:
    """(url, authors, outlet) from a `source` value."""
    text = _first_string(value)
    if text is None:
        return None, (), None
    if re.match(r"https?://", text, re.I):
        return absolute_url(text, None), (), None
    names, comma, outlet = text.rpartition(",")
    outlet = outlet.strip()
    if comma and names.strip() and outlet:
        return None, clean_authors([names]), outlet
    if _reads_as_outlet(text):
        return None, (), text
    return None, (), None


def _reads_as_outlet(text: str) -> bool:
    if not text:
        return False
    return is_outlet(text) or len(text.split()) == 1 or not looks_like_name(text, strict=True)
