"""Dates from metadata values, from short texts (datelines) and from URLs.

`parse_date` reads a machine-ish value (a meta tag, JSON-LD, `<time datetime>`, front
matter): ISO 8601 with the usual deviations, a Unix time stamp, RFC 2822, and at last a
human-written date. `find_dates` finds every human-written date in a short text, in
English, German, French, Spanish, Italian, Portuguese, Dutch, Romanian, Polish, Russian,
Ukrainian and Arabic ("March 4, 2025, 9:15 a.m. EST", "4. März 2025 um 9:15 Uhr",
"le 4 mars 2025 à 09h15", "4 de marzo de 2025", "4 марта 2025"), with where it stands,
so a caller can look at the words before it ("Updated …").
`date_in_url` reads /2024/11/05/ and the like.

Nothing here knows today's date, so nothing is ever filled in from it: a date without a
day is no date, a date without a time is midnight, and a date is timezone-aware only when
its text names a zone (an offset, "Z", or an unambiguous abbreviation from the
`meta_timezones` lexicon). Years outside 1990-2099 are taken for template noise; a
two-digit year is read only in a dotted day-first date ("31.10.23"), as 1990-2089.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from types import MappingProxyType

import attrs

from articlekit._lexicon import load, load_common

MIN_YEAR = 1990
MAX_YEAR = 2099
_MAX_VALUE_CHARS = 300
_MONTH_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ro", "pl", "ru", "uk", "ar")


def _months() -> Mapping[str, int]:
    table: dict[str, int] = {}
    for entry in load("meta_months", _MONTH_LANGUAGES):
        name, _, number = entry.rpartition(" ")
        if name and number.isdigit():
            table.setdefault(name.strip().casefold(), int(number))
    return MappingProxyType(table)


def _zones() -> Mapping[str, timezone]:
    table: dict[str, timezone] = {}
    for entry in load_common("meta_timezones"):
        name, _, offset = entry.partition(" ")
        zone = _offset_zone(offset.strip())
        if zone is not None:
            table[name.strip().upper()] = zone
    return MappingProxyType(table)


def _offset_zone(text: str) -> timezone | None:
    """'+05:30', '-0400', '+01', 'Z' -> a fixed zone; None for anything else."""
    if text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    match = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", text.strip())
    if match is None:
        return None
    sign = -1 if match.group(1) == "-" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


MONTHS = _months()
ZONES = _zones()

MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_MONTH = rf"(?P<month>{MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a year, or a dotted date with a two-digit one ("31.10.23"): what every pattern needs
_ANY_YEAR = re.compile(r"(?:19|20)\d\d|\d\.[01]?\d\.\d\d(?!\d)")

# The human date patterns; each names year, month and day (month by name or number).
_HUMAN_PATTERNS = (
    # March 4, 2025 / Sept. 4 2025 / Dec 22nd, 2016
    re.compile(
        rf"(?<![^\W\d_]){_MONTH}(?![^\W\d_])\s*{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I
    ),
    # 4 March 2025 / 4. März 2025 / 1er mars 2025 / 4 de marzo de 2025 / 04-Mar-2025
    re.compile(
        rf"(?<!\d){_DAY}(?:\.|st|nd|rd|th|er|º|°)?[\s\-/]*(?:de\s+|of\s+)?"
        rf"(?<![^\W\d_]){_MONTH}(?![^\W\d_]),?[\s\-/]*(?:de\s+|del\s+)?{_YEAR}(?!\d)",
        re.I,
    ),
    # 2025-03-04 / 2025/03/04 / 2025.03.04
    re.compile(
        rf"(?<!\d){_YEAR}(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep){_DAY}(?!\d)(?!\.\d)",
    ),
    # 2025年3月4日
    re.compile(rf"{_YEAR}\s*年\s*(?P<month>[01]?\d)\s*月\s*{_DAY}\s*日"),
)
_NAMED_PATTERNS = 2  # the first human patterns name the month: tried only when a word can
_MONTH_WORDS = frozenset(name.split()[0] for name in MONTHS)  # ("كانون الثاني": its first)
_WORD_RE = re.compile(r"[^\W\d_]+")
# 04.03.2025 / 4. 3. 2025 (day first, as everywhere the dot is used) / 03/04/2025
# (ambiguous).
_NUMERIC_DMY = re.compile(
    r"(?<![\d.])(?P<first>[0-3]?\d)(?P<sep>[/-]|\. ?)(?P<second>[01]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)\d\d)(?!\d)"
)
# 31.10.23 / 8.5.12 (day first, dotted, a two-digit year: 90-99 the 1990s, the rest
# 2000-2089); not after a letter or a dot, nor before a digit: "v2.10.12" is a version
_SHORT_YEAR_DMY = re.compile(
    r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d\d)(?!\d|\.\d)"
)
_TIME_AFTER = re.compile(
    r"[\s,]*(?:(?:at|um|à|a\s+las|a\s+la|alle|às|om|-|–|—|\||/|T)\s*)?"
    r"(?P<hour>[0-2]?\d)(?:[:h.](?P<minute>[0-5]\d))?(?::(?P<second>[0-5]\d))?(?:[.,]\d+)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?(?:\s*(?:uhr|h)\b)?"
    r"(?:\s*\(?(?P<zone>[A-Za-z]{1,5}(?![^\W\d_])(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?",
    re.I,
)
_ISO = re.compile(
    r"\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:(?:T|\s+|T\s*)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:(?:[.,]|:(?=\d{3}(?!\d)))(?P<fraction>\d+))?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.I,
)
_ISO_COMPACT = re.compile(
    r"\s*(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2})(?P<minute>\d{2})(?P<second>\d{2})?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?\s*$",
    re.I,
)
# C's ctime and Java's Date.toString(): "Tue Jan 28 15:28:56 CET 2020"
_CTIME = re.compile(
    rf"\s*[A-Za-z]{{3}},?\s+{_MONTH}\s+{_DAY}\s+(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?"
    rf"\s+(?:(?P<zone>[A-Z]{{2,5}})\s+)?{_YEAR}\s*$",
    re.I,
)
_EPOCH = re.compile(r"\s*(?P<seconds>\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
_URL_DATE = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?:/|$|[-_.])"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:/|$|[-_.])"),
    re.compile(r"[/_-](?P<year>20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:/|$|[-_.])"),
    # /29-10-2021/: only when the day cannot be a month (checked by the caller)
    re.compile(r"[/_-](?P<day>[1-3]\d)-(?P<month>[01]\d)-(?P<year>(?:19|20)\d\d)(?:/|$|[-_.])"),
)


@attrs.frozen
class FoundDate:
    """A date found in a text: where it stands and what it says."""

    start: int
    end: int
    value: datetime
    has_time: bool


def make_date(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    zone: timezone | None = None,
) -> datetime | None:
    """A datetime if the parts make one within the plausible years, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except (ValueError, OverflowError):
        return None


def parse_date(value: object) -> datetime | None:
    """A metadata value as a datetime, or None when it is not a plausible date."""
    if isinstance(value, datetime):
        return value if MIN_YEAR <= value.year <= MAX_YEAR else None
    if not isinstance(value, str):
        return None
    text = value.strip()[:_MAX_VALUE_CHARS]
    if not text:
        return None
    for reader in (_iso, _epoch, _rfc2822, _ctime):
        found = reader(text)
        if found is not None:
            return found
    first = next(find_dates(text), None)
    return first.value if first is not None else None


def _iso(text: str) -> datetime | None:
    match = _ISO.match(text) or _ISO_COMPACT.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    zone = _offset_zone(parts["zone"]) if parts["zone"] else None
    if zone is None and parts["hour"] is not None:
        zone = _zone_after(text[match.end() :])
    moment = make_date(
        int(parts["year"]),
        int(parts["month"]),
        int(parts["day"]),
        int(parts["hour"] or 0),
        int(parts["minute"] or 0),
        int(parts["second"] or 0),
        zone,
    )
    fraction = parts.get("fraction")
    if moment is not None and fraction:
        moment = moment.replace(microsecond=int(fraction[:6].ljust(6, "0")))
    return moment


def _zone_after(rest: str) -> timezone | None:
    """The zone abbreviation right after a time ("… 10:00 EST"), if unambiguous."""
    token = rest.strip().strip("()").split(" ", 1)[0]
    return ZONES.get(token) if token.isupper() else None


def _epoch(text: str) -> datetime | None:
    match = _EPOCH.match(text)
    if match is None:
        return None
    seconds = int(match.group("seconds"))
    if seconds > 10**11:  # milliseconds
        seconds //= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None


def _ctime(text: str) -> datetime | None:
    match = _CTIME.match(text)
    if match is None:
        return None
    zone = match.group("zone")
    return make_date(
        int(match.group("year")),
        _month_number(match.group("month")),
        int(match.group("day")),
        int(match.group("hour")),
        int(match.group("minute")),
        int(match.group("second") or 0),
        ZONES.get(zone.upper()) if zone else None,
    )


def _rfc2822(text: str) -> datetime | None:
    if not re.match(r"\s*(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    if moment.tzinfo is not None and text.rstrip().endswith("-0000"):
        return moment.replace(tzinfo=None)  # RFC 2822: "-0000" means the zone is unknown
    return moment


def find_dates(text: str, day_first: bool | None = None) -> Iterator[FoundDate]:
    """Every human-written date in `text`, in reading order.

    `day_first` settles "03/04/2025": True reads 3 April, False 4 March, None skips it
    unless one of the numbers is above 12.
    """
    text = text[: _MAX_VALUE_CHARS * 4]
    if _ANY_YEAR.search(text) is None:
        return  # every pattern needs a year: most texts are settled by one cheap search
    found: list[FoundDate] = []
    named = any(word in _MONTH_WORDS for word in _WORD_RE.findall(text.casefold()))
    for pattern in _HUMAN_PATTERNS if named else _HUMAN_PATTERNS[_NAMED_PATTERNS:]:
        for match in pattern.finditer(text):
            date = _from_match(text, match, _month_number(match.group("month")))
            if date is not None:
                found.append(date)
    for match in _NUMERIC_DMY.finditer(text):
        order = _numeric_order(match, day_first)
        if order is not None:
            day, month = order
            date = _from_match(text, match, month, day)
            if date is not None:
                found.append(date)
    for match in _SHORT_YEAR_DMY.finditer(text):
        date = _from_match(text, match, int(match.group("month")))
        if date is not None:
            found.append(date)
    found.sort(key=lambda d: d.start)
    last_end = -1
    for date in found:
        if date.start >= last_end:  # overlapping readings of one date: the first wins
            last_end = date.end
            yield date


def day_order_matters(text: str) -> bool:
    """Whether `find_dates(text, day_first)` depends on `day_first`: a numeric date in
    `text` could be read either way ("03/04/2025")."""
    return any(
        _numeric_order(match, None) is None
        for match in _NUMERIC_DMY.finditer(text[: _MAX_VALUE_CHARS * 4])
    )


def _month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return MONTHS.get(text.casefold().rstrip("."), 0)


def _numeric_order(match: re.Match[str], day_first: bool | None) -> tuple[int, int] | None:
    """(day, month) of "a/b/yyyy", or None when it cannot be told."""
    first, second = int(match.group("first")), int(match.group("second"))
    if match.group("sep").startswith(".") or first > 12:
        return first, second
    if second > 12:
        return second, first
    if day_first is None:
        return None
    return (first, second) if day_first else (second, first)


def _from_match(
    text: str, match: re.Match[str], month: int, day: int | None = None
) -> FoundDate | None:
    day = int(match.group("day")) if day is None else day
    year = int(match.group("year"))
    if year < 100:  # "31.10.23"
        year += 1900 if year >= 90 else 2000
    time = _TIME_AFTER.match(text, match.end())
    clock = _clock(time) if time is not None else None
    if clock is None:
        value = make_date(year, month, day)
        return FoundDate(match.start(), match.end(), value, False) if value else None
    hour, minute, second, zone, end = clock
    value = make_date(year, month, day, hour, minute, second, zone)
    if value is None:
        return None
    return FoundDate(match.start(), end, value, True)


def _clock(time: re.Match[str]) -> tuple[int, int, int, timezone | None, int] | None:
    """(hour, minute, second, zone, end) of a time after a date, if it is one."""
    hour = int(time.group("hour"))
    ampm = (time.group("ampm") or "").lower()
    if time.group("minute") is None and not ampm:
        return None  # a bare number after a date is not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23:
        return None
    zone, end = _zone(time)
    return hour, int(time.group("minute") or 0), int(time.group("second") or 0), zone, end


def _zone(time: re.Match[str]) -> tuple[timezone | None, int]:
    raw = time.group("zone")
    if raw is None:
        return None, time.end()
    compact = raw.replace(" ", "")
    offset = re.fullmatch(r"(?:GMT|UTC)?([+-]\d{1,2}(?::?\d{2})?)", compact, re.I)
    if offset is not None:
        return _offset_zone(offset.group(1)), time.end()
    if raw.isupper() and raw in ZONES:
        return ZONES[raw], time.end()
    return None, time.start("zone")


def date_in_url(url: str | None) -> datetime | None:
    """The date a URL's path spells out (/2024/11/05/, -2024-11-05-, /20241105/,
    /29-10-2021/ when the day is above 12), if any."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0][:2000]
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match is not None and (
            match.start("day") > match.start("year") or int(match.group("day")) > 12
        ):
            value = make_date(
                int(match.group("year")), int(match.group("month")), int(match.group("day"))
            )
            if value is not None:
                return value
    return None
