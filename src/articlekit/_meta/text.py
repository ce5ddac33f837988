"""Fallbacks from the article's visible text: byline, dateline, URL date, language.

The pipeline hands over the first text blocks of the article (those the cleaner took
out before the first paragraph — bylines, datelines — and the first few after). A short
block that opens with a byline word ("By", "Von", "Par", "Por") gives the authors; a
short block with a date gives the publication date, or the modification date when an
"Updated"-type word stands right before it. Long blocks are prose: dates in prose are
about the story, not the article, so they are never read. The date in the URL is the
last resort for the publication day. The language is detected from function words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from articlekit._lexicon import load
from articlekit._meta.authors import clean_authors
from articlekit._meta.dates import MONTH_NAMES, date_in_url, find_dates
from articlekit._meta.language import detect_language
from articlekit._meta.model import Metadata

_MAX_BYLINE_BLOCK = 200
_MAX_DATELINE_BLOCK = 160
_DATELINE_OPENING = 2
_DATELINE_LEAD_WORDS = 5
_DATELINE_WORDS = 12
_DATELINE_MAX_WORDS = 20
_BLOCKS_READ = 8
_UPDATED_WORDS = tuple(sorted(load("meta_date_updated"), key=len, reverse=True))
_UPDATED_RE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in _UPDATED_WORDS) + r")(?![^\W\d_])"
    r"[^\d]{0,25}$",
    re.I,
)
_NOT_PUBLISHED_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(load("meta_date_not_published"), key=len, reverse=True))
    + r")(?![^\W\d_])[^\d]{0,25}$",
    re.I,
)
_PUBLISHED_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(load("meta_date_published"), key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.I,
)
# What follows the first day of a period: "11-12 July", "31.12.2021-06.01.2022",
# "2020/7/11-12)", not a clock time or "– 5 min read" (a number then a word).
_RANGE_AFTER_RE = re.compile(
    r"\s*[-–—]\s*[0-3]?\d(?:\.\s*[01]?\d\.|\.?\s*(?:"
    + MONTH_NAMES
    + r")(?![^\W\d_])|(?=[^\w\s:.]|$))",
    re.I,
)
_RANGE_DASH_RE = re.compile(r"\s*[-–—]\s*")
# The first day of a period that shares the month of its last: "11-12 July", "14. - 20. Mai"
_FIRST_DAY_RE = re.compile(r"(?<![\d.:/,])(?P<day>[0-3]?\d)\.?\s*[-–—]\s*$")
_BYLINE_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in load("meta_byline_prefixes")) + r")\s*:?\s+\S",
    re.I,
)


def dateline(value: str) -> bool:
    """Whether a short text is about its date ("Von Ana am 3.5.2013 | 2 Kommentare"), not
    a sentence that mentions one ("Die Verordnung regelt ab dem 13. Januar …")."""
    found = next(find_dates(value, True), None)
    if found is None:
        return False
    words_before, words = len(value[: found.start].split()), len(value.split())
    if words_before <= _DATELINE_OPENING or words <= _DATELINE_WORDS:
        return True  # the date opens the text, or the text is little more than the date
    return words_before <= _DATELINE_LEAD_WORDS and words <= _DATELINE_MAX_WORDS


def updated_label(text: str) -> bool:
    """Whether `text` ends with an "Updated"-type word (a label for the date after it)."""
    return _UPDATED_RE.search(text[-60:]) is not None


def published_label(text: str) -> bool:
    """Whether `text` holds a word that labels a publication date ("Published", "Datum")."""
    return _PUBLISHED_RE.search(text) is not None


def dates_in_text(
    text: str, day_first: bool | None = None
) -> tuple[datetime | None, datetime | None]:
    """(published, modified) written in a short text: 'May 3, 2024 · Updated May 4, 2024'.

    Dates after a label of another date ("Retrieved", "until") and both ends of a period
    ("11-12 July 2020", "1.7.2020-3.7.2020") are neither. `day_first` reads "03/04/2025"
    (see `dates.find_dates`).
    """
    published: datetime | None = None
    modified: datetime | None = None
    previous_end = 0
    period = False  # the previous date opened a period: this one may close it
    for found in find_dates(text, day_first):
        lead = text[max(previous_end, found.start - 40) : found.start]
        closes = (period and _RANGE_DASH_RE.fullmatch(lead) is not None) or _closes_days(
            lead, found.value.day
        )
        period = _RANGE_AFTER_RE.match(text, found.end) is not None
        if _NOT_PUBLISHED_RE.search(lead):
            pass  # "Retrieved 17 February 2008": a citation's, not the article's
        elif period or closes:
            pass  # "1.7.2020-3.7.2020", "11-12 July 2020": a period the story is about
        elif _UPDATED_RE.search(lead):
            modified = modified or found.value
        else:
            published = published or found.value
        previous_end = found.end
    return published, modified


def _closes_days(lead: str, day: int) -> bool:
    """Whether the text before a date opens a period with an earlier day of its month."""
    first = _FIRST_DAY_RE.search(lead)
    return first is not None and 0 < int(first.group("day")) < day


def byline_authors(blocks: Sequence[str]) -> tuple[str, ...]:
    """Authors from the first short block that opens like a byline: a prefix and a
    capitalised word ("Por Ana Ruiz", not the sentence "Por la tarde, …")."""
    for block in blocks[:_BLOCKS_READ]:
        if len(block) > _MAX_BYLINE_BLOCK:
            continue
        opening = _BYLINE_RE.match(block)
        if opening is not None and opening.group()[-1].isupper():
            names = clean_authors([block], strict=True)
            if names:
                return names
    return ()


def dateline_dates(blocks: Sequence[str]) -> tuple[datetime | None, datetime | None]:
    """(published, modified) from the first short blocks that are datelines."""
    published: datetime | None = None
    modified: datetime | None = None
    for block in blocks[:_BLOCKS_READ]:
        if len(block) > _MAX_DATELINE_BLOCK or not dateline(block):
            continue
        found_published, found_modified = dates_in_text(block)
        published = published or found_published
        modified = modified or found_modified
    return published, modified


def metadata_from_text(
    blocks: Sequence[str], url: str | None, *, language: bool = True
) -> Metadata:
    """Authors, dates and language read from the article's first text blocks and its URL
    (the language only when asked for: detecting it is the costly part)."""
    texts = [" ".join(b.split()) for b in blocks if isinstance(b, str)]
    published, modified = dateline_dates(texts)
    if published is None:
        published = date_in_url(url)
    return Metadata(
        authors=byline_authors(texts),
        published=published,
        modified=modified,
        language=detect_language(" ".join(texts)) if language else None,
    )
