"""Metadata extraction: title, authors, dates, urls, site, language, description, tags.

Three readers, one model (`Metadata`), one merge:

* `extract_html_metadata(root, url)` (and `read_html_page`, which also gives the page's
  `<base href>`): gathers every candidate on a parsed page (JSON-LD,
  OpenGraph, Twitter cards, `<meta>` vocabularies, microdata, `<time>`, bylines,
  `<title>`/`<h1>`, `<html lang>`, canonical links), each with its source, then chooses
  per field by a ranking that is data (`choose.RANKING`). The tree is only read.
* `metadata_from_front_matter(fields, url)`: a clipping's YAML front matter.
* `metadata_from_text(blocks, url)`: fallbacks from the first visible text blocks
  (byline, dateline), the date in the URL, and the language of the text.
* `merge(primary, fallback)`: field by field, the primary's value unless it is empty.

All are pure: no I/O, no clock, no shared mutable state. They never raise on content:
what cannot be read is skipped, with a warning ("metadata: …") when it was broken.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import attrs
from lxml.html import HtmlElement

from articlekit._meta import choose, frontmatter, html, text
from articlekit._meta.datevote import earlier
from articlekit._meta.model import Metadata

__all__ = [
    "Metadata",
    "extract_html_metadata",
    "merge",
    "metadata_from_front_matter",
    "metadata_from_text",
    "read_html_page",
]


def extract_html_metadata(root: HtmlElement, url: str | None) -> Metadata:
    """The metadata of a parsed page; `url` is the caller's URL for it, or None.

    >>> import lxml.html
    >>> page = lxml.html.document_fromstring(
    ...     '<html lang="en-GB"><head><title>Rain due | Valley Courier</title>'
    ...     '<meta property="og:site_name" content="Valley Courier"></head>'
    ...     '<body><p class="byline">By Ana Ruiz</p></body></html>')
    >>> meta = extract_html_metadata(page, None)
    >>> meta.title, meta.authors, meta.site_name, meta.language
    ('Rain due', ('Ana Ruiz',), 'Valley Courier', 'en')
    """
    return read_html_page(root, url)[0]


def read_html_page(root: HtmlElement, url: str | None) -> tuple[Metadata, str | None]:
    """The metadata of a parsed page, and its `<base href>` (raw; None when it has none):
    the walk over the page's tags that finds its `<meta>`s finds that too."""
    try:
        gathered = html.gather(root)
        metadata = choose.build(gathered.candidates, _clean_url(url), gathered.warnings)
        return metadata, gathered.base_href
    except Exception as error:  # the last guard: content must never make this raise
        warning = f"metadata: page metadata unreadable ({error!r:.80})"
        return Metadata(url=url, warnings=(warning,)), None


def metadata_from_front_matter(fields: Mapping[str, object], url: str | None) -> Metadata:
    """The metadata in a clipping's front matter (any YAML value types).

    >>> meta = metadata_from_front_matter(
    ...     {"title": "Rain due", "source": "Ana Ruiz, Valley Courier", "date": "2025-03-04"}, None)
    >>> meta.authors, meta.site_name, meta.published.isoformat()
    (('Ana Ruiz',), 'Valley Courier', '2025-03-04T00:00:00')
    """
    try:
        if not isinstance(fields, Mapping):
            return Metadata(url=url, warnings=("front-matter: not a mapping, ignored",))
        return frontmatter.metadata_from_front_matter(fields, _clean_url(url))
    except Exception as error:
        return Metadata(url=url, warnings=(f"metadata: front matter unreadable ({error!r:.80})",))


def metadata_from_text(
    blocks: Sequence[str], url: str | None, *, language: bool = True
) -> Metadata:
    """Fallback metadata from the article's first text blocks and its URL.

    `language=False` skips detecting the language, for a caller that already has it.

    >>> meta = metadata_from_text(["By Ana Ruiz and Tom Becker", "March 4, 2025"], None)
    >>> meta.authors, meta.published.isoformat()
    (('Ana Ruiz', 'Tom Becker'), '2025-03-04T00:00:00')
    """
    try:
        return text.metadata_from_text(blocks, _clean_url(url), language=language)
    except Exception as error:
        return Metadata(warnings=(f"metadata: text fallbacks unreadable ({error!r:.80})",))


def merge(primary: Metadata, fallback: Metadata) -> Metadata:
    """Field by field, `primary`'s value unless it is empty; warnings from both.

    A fallback date never breaks the order of the primary's: a modified date earlier
    than the published one is dropped.
    """
    values = {}
    for field in attrs.fields(Metadata):
        if field.name == "warnings":
            continue
        mine = getattr(primary, field.name)
        values[field.name] = mine if mine not in (None, "", ()) else getattr(fallback, field.name)
    values["modified"] = _consistent_modified(values["published"], values["modified"], primary)
    warnings = tuple(dict.fromkeys((*primary.warnings, *fallback.warnings)))
    return Metadata(**values, warnings=warnings)


def _consistent_modified(published: object, modified: object, primary: Metadata) -> object:
    """The merged modified date, unless it is before the merged publication date."""
    if not (isinstance(published, datetime) and isinstance(modified, datetime)):
        return modified
    if not earlier(modified, published):
        return modified
    mine = primary.modified
    return mine if mine is not None and not earlier(mine, published) else None


def _clean_url(url: object) -> str | None:
    return url.strip() or None if isinstance(url, str) else None
