"""The publication date: sources vote for a day, the most trusted one gives the time.

Pages disagree with themselves: a CMS field holds a stale date, a sidebar prints
today's date, a UTC time stamp falls on the next day. So no single source decides.
Every source kind in `PUBLISHED_ORDER` contributes its first date (elements inside
the article and elsewhere count apart), the date in the URL included; each vote weighs
`VOTE_WEIGHTS[source]` (1 unless listed: a URL's date is rarely wrong, a WebPage's
dateCreated or an unlisted meta key often is). Sources of one family (structured
metadata, dates printed on the page, URLs) copy each other, so a family's further votes
for a day add little. The calendar day with the most weight wins, ties going to the
better-ranked source; the value returned is the most precise one on that day
(`_PRECISION`: structured metadata first, the URL's bare day last), so a time and zone
are kept when any source has them, and an instant is written as the page's best-ranked
structured metadata writes it.

A UTC time stamp is shown in the page's own zone when another source gives the same
instant as a zone-less local wall-clock time (the same minute and second, a whole
half-hour offset away): "2023-11-09T03:28Z" and a visible "Nov 8, 2023, 10:28 pm" make
2023-11-08T22:28-05:00. A printed day-only date witnesses too when the UTC stamp, a
whole or half hour, is that day's local midnight east of Greenwich (a date stored as
midnight): "2018-06-12T23:00Z" and a visible "6/13/2018" make 2018-06-13T00:00+01:00.
Nothing is guessed: without such a witness, UTC stays UTC, and where another source
already writes the instant with a zone, the best-ranked source's form stands.

The modified date is the best-ranked one; it is dropped when it is before the
publication date (the page contradicts itself, and the publication date matters more),
compared as instants when both name a zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType

import attrs

from articlekit._meta.candidates import Candidate
from articlekit._meta.dates import date_in_url, day_order_matters, parse_date
from articlekit._meta.text import dates_in_text

# Best first. Structured sources give a time; visible ones ("date-element": an element
# whose class names a date; "headline-text": a short text by the headline) a day.
PUBLISHED_ORDER: tuple[str, ...] = (
    "url",
    "itemprop",
    "time-pubdate",
    "og",
    "jsonld",
    "parsely",
    "sailthru",
    "date-element",
    "headline-text",
    "headline-text-before",
    "meta",
    "dc",
    "citation",
    "meta-other",
    "time",
    "jsonld-datecreated",
    "article-text",
    "title-text",
    "labelled-text",
    "image-url",
)
# Which source's value to return among those agreeing on the day: the page's structured
# metadata first (it has the time and zone), the URL's bare day last.
_PRECISION: Mapping[str, int] = MappingProxyType(
    {
        source: rank
        for rank, source in enumerate(
            (
                "og",
                "jsonld",
                "itemprop",
                "parsely",
                "sailthru",
                "dc",
                "citation",
                "meta",
                "time-pubdate",
                "time",
                "meta-other",
                "jsonld-datecreated",
                "date-element",
                "headline-text",
                "headline-text-before",
                "article-text",
                "title-text",
                "labelled-text",
                "url",
                "image-url",
            )
        )
    }
)
MODIFIED_ORDER: tuple[str, ...] = (
    "jsonld",
    "og",
    "itemprop",
    "parsely",
    "dc",
    "meta",
    "time",
    "meta-other",
    "date-element",
)
VOTE_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "url": 2.0,
        "jsonld-datecreated": 0.5,
        "meta-other": 0.7,
        "headline-text-before": 0.8,
        "date-element/elsewhere": 0.7,
        "time/elsewhere": 0.7,
        "article-text": 0.8,
        "title-text": 0.8,
        "labelled-text": 0.5,
        "image-url": 0.3,
    }
)
_TEXT_SOURCES = frozenset(
    {
        "date-element",
        "headline-text",
        "headline-text-before",
        "article-text",
        "title-text",
        "labelled-text",
    }
)
_Reading = tuple[datetime | None, datetime | None]
_Readings = dict[tuple[str, bool | None], _Reading]
_ECHO = 0.25
_MAX_OFFSET = timedelta(hours=14)
_HALF_HOUR = timedelta(minutes=30)


@attrs.frozen
class Vote:
    """One source's date for the publication day."""

    source: str
    value: datetime
    rank: int
    weight: float


def choose_dates(
    candidates: Sequence[Candidate], url: str | None, day_first: bool | None = None
) -> tuple[datetime | None, datetime | None]:
    """(published, modified) of a page from its date candidates and its URL.

    `day_first` reads printed dates like "03/04/2025" (True in most of the world).
    """
    memo: _Readings = {}  # a printed text is read once per reading, whoever asks
    votes = published_votes(candidates, url, day_first, memo)
    published = elect(votes)
    modified = _modified(candidates, day_first, memo)
    if published is not None and modified is not None and earlier(modified, published):
        modified = None
    return published, modified


def published_votes(
    candidates: Sequence[Candidate],
    url: str | None,
    day_first: bool | None = None,
    memo: _Readings | None = None,
) -> list[Vote]:
    """The first date of each source kind (inside the article and elsewhere apart).

    Printed dates are read after the structured ones, so that "11/01/2021" takes the
    reading (day or month first) that a structured date of the page confirms; without
    one, the page language's convention (`day_first`) decides, and none skips it.
    """
    memo = {} if memo is None else memo
    first: dict[str, datetime] = {}
    for pass_ in ("structured", "printed"):
        confirmed = {value.date() for value in first.values()}
        for candidate in candidates:
            if candidate.field not in ("published", "date-text"):
                continue
            if (candidate.source in _TEXT_SOURCES) != (pass_ == "printed"):
                continue
            key = candidate.source + _place(candidate)
            if key in first:
                continue
            value = _published_value(candidate, day_first, confirmed, memo)
            if value is not None:
                first[key] = value
    url_date = date_in_url(url)
    if url_date is not None:
        first["url"] = url_date
    order = {source: rank for rank, source in enumerate(PUBLISHED_ORDER)}
    votes = []
    for key, value in first.items():
        source = key.split("/")[0]
        if source in order:
            weight = VOTE_WEIGHTS.get(key, VOTE_WEIGHTS.get(source, 1.0))
            votes.append(Vote(key, value, order[source], weight))
    return votes


def _place(candidate: Candidate) -> str:
    """Page elements outside the article vote apart (and weaker) from those inside."""
    if candidate.in_article or candidate.source not in ("date-element", "time"):
        return ""
    return "/elsewhere"


def _published_value(
    candidate: Candidate, day_first: bool | None, confirmed: set[date], memo: _Readings
) -> datetime | None:
    if candidate.source == "image-url":
        return date_in_url(candidate.value)
    if candidate.source not in _TEXT_SOURCES:
        return parse_date(candidate.value)
    readings = {reading: _read(candidate.value, reading, memo)[0] for reading in (True, False)}
    agreeing = [v for v in readings.values() if v is not None and v.date() in confirmed]
    if agreeing and readings[True] != readings[False]:
        return agreeing[0]
    if day_first is None:
        return _read(candidate.value, None, memo)[0]
    return readings[day_first]


def elect(votes: Sequence[Vote]) -> datetime | None:
    """The most precise value on the day with the most weight (ties: the better rank).

    Votes of one family (the page's structured metadata; dates printed on the page; the
    URL) often copy one another, so on a given day a family counts its strongest vote
    and only `_ECHO` for each further one. A UTC vote counts for the day it shows in the
    page's own zone when a zone-less local time pins that zone (see `_localised`), and
    is then returned in it; otherwise an instant is returned as the page's best-ranked
    structured metadata writes it.
    """
    if not votes:
        return None
    local = [attrs.evolve(v, value=_localised(v.value, votes)) for v in votes]
    by_day: dict[date, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for vote in local:
        by_day[vote.value.date()][_family(vote.source)].append(vote.weight)
    weights = {
        day: sum(max(w) + _ECHO * (len(w) - 1) for w in families.values())
        for day, families in by_day.items()
    }
    best = max(weights.values())
    winner = min((v for v in local if weights[v.value.date()] == best), key=lambda v: v.rank)
    same_day = [v for v in local if v.value.date() == winner.value.date()]
    chosen = min(same_day, key=_precision)
    same_instant = [chosen, *(v for v in local if _same_instant(v.value, chosen.value))]
    return min(same_instant, key=_precision).value


def _precision(vote: Vote) -> int:
    return _PRECISION.get(vote.source.split("/")[0], len(_PRECISION))


def _same_instant(a: datetime, b: datetime) -> bool:
    return a.tzinfo is not None and b.tzinfo is not None and a == b


def _family(source: str) -> str:
    kind = source.split("/")[0]
    if kind in _TEXT_SOURCES:
        return "printed"
    return "url" if kind in ("url", "image-url") else "structured"


def _localised(value: datetime, votes: Sequence[Vote]) -> datetime:
    """A UTC value in the zone of a zone-less vote that shows the same instant, or that
    shows its local day when the UTC value is that day's midnight east of Greenwich."""
    if value.utcoffset() != timedelta(0):
        return value
    for vote in votes:
        other = vote.value
        if _is_local_midnight(value, vote):
            return value.astimezone(timezone(_minute(other) - _minute(value.replace(tzinfo=None))))
        if other.utcoffset() == timedelta(0) or (other.hour, other.minute) == (0, 0):
            continue
        if other.tzinfo is not None:
            continue  # complete already: between two, the better-ranked source's stands
        if other.second not in (0, value.second):
            continue
        offset = _minute(other) - _minute(value.replace(tzinfo=None))
        if timedelta(0) < abs(offset) <= _MAX_OFFSET and offset % _HALF_HOUR == timedelta(0):
            return value.astimezone(timezone(offset))
    return value


def _is_local_midnight(value: datetime, vote: Vote) -> bool:
    """Whether a UTC `value` ("2018-06-12T23:00Z") is the local midnight of the next day
    that a printed vote shows: a date stored as midnight in a zone east of UTC."""
    other = vote.value
    if other.tzinfo is not None or other.time() != time(0) or _family(vote.source) != "printed":
        return False
    if value.second or value.microsecond or value.minute % 30:
        return False
    offset = other - value.replace(tzinfo=None)
    return timedelta(0) < offset <= _MAX_OFFSET and other.date() == value.date() + timedelta(1)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _read(text: str, day_first: bool | None, memo: _Readings) -> _Reading:
    """`dates_in_text(text, day_first)`, read once per choose_dates call (and once for
    every `day_first` when no date in it is "03/04/2025")."""
    key = (text, day_first)
    found = memo.get(key)
    if found is None:
        if day_first is not None and not day_order_matters(text):
            found = _read(text, None, memo)
        else:
            found = dates_in_text(text, day_first)
        memo[key] = found
    return found


def _modified(
    candidates: Sequence[Candidate], day_first: bool | None, memo: _Readings
) -> datetime | None:
    order = {source: rank for rank, source in enumerate(MODIFIED_ORDER)}
    best: tuple[int, datetime] | None = None
    for candidate in candidates:
        rank = order.get(candidate.source)
        if rank is None or (best is not None and rank >= best[0]):
            continue
        if candidate.field == "modified":
            value = parse_date(candidate.value)
        elif candidate.field == "date-text":
            value = _read(candidate.value, day_first, memo)[1]
        else:
            continue
        if value is not None:
            best = (rank, value)
    return best[1] if best is not None else None


def earlier(a: datetime, b: datetime) -> bool:
    """Whether `a` is before `b`: as instants when both name a zone, else as wall clocks."""
    if a.tzinfo is not None and b.tzinfo is not None:
        return a < b
    return a.replace(tzinfo=None) < b.replace(tzinfo=None)
