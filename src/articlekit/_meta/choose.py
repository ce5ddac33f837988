"""Choose one value per field from the gathered candidates, by a ranking that is data.

`RANKING` lists, per field, the sources from most to least trusted; within a source,
candidates inside the article come before the rest, then document order decides. A
field takes the first candidate that survives its cleaner (a date must parse, an author
must look like a name, a URL must be http(s)). Sources absent from a field's ranking are
never used for it.

A few fields need more than the first survivor:

* title: the best structured title, else `<title>`, else the first `<h1>`; a site-name
  segment ("Headline | Site", "Site: Headline") is cut off when it names the site (from
  og:site_name, JSON-LD, the host name) or when a shorter candidate (an `<h1>`, another
  title) equals the rest. A bare `<title>` that nothing else confirms still loses a short
  last segment after a typographic separator ("Headline – Blog name").
* authors: all names of the best source that has any; page elements (bylines) speak
  one at a time, the first that holds a name wins.
* dates: sources vote for the publication day (see `datevote`).
* site name: when nothing names the site, the segment of `<title>` that the headline
  leaves over, if short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from articlekit._meta.authors import clean_authors, is_agency
from articlekit._meta.candidates import Candidate
from articlekit._meta.datevote import choose_dates
from articlekit._meta.language import normalise_language
from articlekit._meta.model import Metadata
from articlekit._meta.strings import clean_text, norm, similarity

T = TypeVar("T")

RANKING: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "title": (
            "jsonld",
            "dc",
            "og",
            "twitter",
            "parsely",
            "sailthru",
            "citation",
            "meta",
            "itemprop",
            "jsonld-name",
        ),
        "authors": (
            "jsonld",
            "dc",
            "meta",
            "parsely",
            "sailthru",
            "citation",
            "og",
            "itemprop",
            "twitter-label",
            "rel-author",
            "byline",
            "jsonld-organisation",
            "twitter",
        ),
        "site_name": (
            "og",
            "jsonld-publisher",
            "itemprop-publisher",
            "jsonld-website",
            "application-name",
            "dc",
            "citation",
        ),
        "description": ("jsonld", "dc", "og", "meta", "twitter", "sailthru", "itemprop"),
        "canonical_url": ("link-canonical", "og", "jsonld", "twitter", "parsely"),
        "image": ("og", "twitter", "jsonld", "link-image", "parsely", "sailthru", "meta"),
        "language": (
            "html-lang",
            "content-language",
            "og",
            "jsonld",
            "itemprop",
            "dc",
            "meta",
            "citation",
        ),
        "category": ("og", "jsonld", "parsely", "sailthru", "itemprop", "meta"),
        "tags": ("og", "jsonld", "news_keywords", "parsely", "sailthru", "meta", "itemprop", "dc"),
    }
)

# each field's ranking as {source: rank}
_ORDERS: Mapping[str, Mapping[str, int]] = MappingProxyType(
    {
        field: {source: rank for rank, source in enumerate(sources)}
        for field, sources in RANKING.items()
    }
)
_MAX_TAGS = 30
# the last typographic separator, captured (split keeps it): "Headline – Blog | Network"
_GENERATED_SUFFIX_RE = re.compile(r"(\s+[|–—·»]\s+)(?!.*\s[|–—·»]\s)")
_MAX_SUFFIX_WORDS = 4
_MAX_SUFFIX_CHARS = 40
_MIN_HEAD_WORDS = 3
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|~|:)\s+|\s*[|·•»«]\s*")


def ranked(candidates: Sequence[Candidate], field: str) -> list[Candidate]:
    """The candidates for `field`, best first: by source rank, then in-article, then order."""
    order = _ORDERS.get(field, {})
    usable = [(i, c) for i, c in enumerate(candidates) if c.field == field and c.source in order]
    usable.sort(key=lambda pair: (order[pair[1].source], not pair[1].in_article, pair[0]))
    return [c for _, c in usable]


def first(candidates: Iterable[Candidate], clean: Callable[[str], T | None]) -> T | None:
    """The first candidate value that survives `clean`."""
    for candidate in candidates:
        value = clean(candidate.value)
        if value is not None:
            return value
    return None


def build(candidates: Sequence[Candidate], url: str | None, warnings: Sequence[str]) -> Metadata:
    """The Metadata of a page from its candidates; `url` is the caller's URL or None."""
    canonical = first(ranked(candidates, "canonical_url"), lambda v: absolute_url(v, url))
    base = url or canonical
    site_name = choose_site_name(candidates)
    authors = choose_authors(candidates)
    title = choose_title(candidates, site_name, base, authors)
    if site_name is None:
        site_name = site_from_title(candidates, title)
    published, modified = choose_dates(candidates, url or canonical, _day_first(candidates))
    return Metadata(
        title=title,
        authors=authors,
        published=published,
        modified=modified,
        url=url or canonical,
        canonical_url=canonical,
        site_name=site_name,
        language=first(ranked(candidates, "language"), normalise_language),
        description=first(ranked(candidates, "description"), clean_text),
        category=first(ranked(candidates, "category"), clean_category),
        image=first(ranked(candidates, "image"), lambda v: absolute_url(v, base)),
        tags=choose_tags(candidates),
        warnings=tuple(warnings),
    )


def _day_first(candidates: Sequence[Candidate]) -> bool | None:
    """How the page writes "03/04/2025": month first in the US, day first elsewhere."""
    declared = first(
        ranked(candidates, "language"), lambda v: v.strip().lower().replace("_", "-") or None
    )
    if declared is None or declared == "en":
        return None
    return declared not in ("en-us", "en-ph", "en-ca")


def choose_site_name(candidates: Sequence[Candidate]) -> str | None:
    """The best-ranked site name, or the publisher's name when that is its core.

    og:site_name often carries a tagline or a suffix ("Example.cz - News that matters",
    "Example Inc", "Example.fr") that the JSON-LD publisher leaves off; a publisher name
    unrelated to it (a platform's publication) does not replace it.
    """
    names = [n for n in (clean_text(c.value) for c in ranked(candidates, "site_name")) if n]
    if not names:
        return None
    publisher = first((c for c in candidates if c.source == "jsonld-publisher"), clean_text)
    if publisher and publisher != names[0] and _core_of(publisher, names[0]):
        return publisher
    return names[0]


def _core_of(short: str, long: str) -> bool:
    """Whether `long` is `short` plus a suffix or tagline ("Example" / "Example.fr")."""
    folded_short, folded_long = short.casefold(), long.casefold()
    return len(short) >= 3 and len(short) < len(long) and folded_long.startswith(folded_short)


def clean_category(value: str) -> str | None:
    text = clean_text(value)
    if text is None or "://" in text or len(text) > 80:
        return None
    return text


def absolute_url(value: str, base: str | None) -> str | None:
    """`value` made absolute against `base`; None unless the result is http(s)."""
    value = value.strip()
    if not value or len(value) > 4000:
        return None
    try:
        joined = urljoin(base, value) if base else value
        scheme = urlsplit(joined).scheme.lower()
    except ValueError:
        return None
    return joined if scheme in ("http", "https") else None


def _site_names(site_name: str | None, base: str | None) -> list[str]:
    """Names the site goes by: its declared name and its host name's labels."""
    names = [site_name] if site_name else []
    if base:
        try:
            host = (urlsplit(base).hostname or "").removeprefix("www.")
        except ValueError:
            host = ""
        if host and "." in host:
            names.append(host)
            names.append(host.rsplit(".", 1)[0].rsplit(".", 1)[-1])
    return [n for n in (norm(n) for n in names) if len(n) >= 3]


def _is_site_segment(segment: str, site_names: Sequence[str]) -> bool:
    """Whether a title segment names the site: equal, or nearly ("WIRED" / "wired.com")."""
    folded = norm(segment)
    if not folded:
        return False
    for name in site_names:
        short, long = sorted((folded, name), key=len)
        if short == long:
            return True
        if len(short) >= 4 and short in long and len(long) - len(short) <= max(4, len(short) // 2):
            return len(segment.split()) <= 6
    return False


def choose_title(
    candidates: Sequence[Candidate],
    site_name: str | None,
    base: str | None,
    authors: Sequence[str] = (),
) -> str | None:
    """The headline: the best title candidate with any site-name segment cut off.

    A structured title that shares nothing with `<title>` or an `<h1>` (a JSON-LD
    "headline" holding a tagline, say) yields to a lower-ranked one that does. A
    segment naming the site, or on a personal site its author, is cut off.
    """
    site_names = _site_names(site_name, base)
    structured = [clean_text(c.value) for c in ranked(candidates, "title")]
    titles = [t for t in structured if t and not _is_site_segment(t, site_names)]
    tag = first((c for c in candidates if c.source == "title-tag"), clean_text)
    h1s = [(h, c.in_article) for c in _h1s(candidates) if (h := clean_text(c.value))]
    witnesses = [w for w in (tag, *(h for h, _ in h1s)) if w]
    agreeing = [t for t in titles if any(similarity(t, w) >= 0.5 for w in witnesses)]
    headline = (agreeing or titles or [tag or (h1s[0][0] if h1s else "")])[0]
    if not headline:
        return None
    # (text, trusted): an untrusted reference may only stand at the start of the title
    references = [*((t, True) for t in titles), *h1s, *([(tag, False)] if tag else [])]
    cut_names = [*site_names, *(n for n in (norm(a) for a in authors) if len(n) >= 6)]
    stripped = strip_site_segment(headline, cut_names, references)
    confirmed = any(norm(h) == norm(headline) for h, _ in h1s)
    if stripped == headline and headline == tag and not titles and not confirmed:
        return strip_generated_suffix(headline)
    return stripped


def _h1s(candidates: Sequence[Candidate]) -> list[Candidate]:
    h1s = [c for c in candidates if c.source == "h1"]
    return sorted(h1s, key=lambda c: not c.in_article)


def strip_site_segment(
    title: str, site_names: Sequence[str], references: Sequence[tuple[str, bool]]
) -> str:
    """'Headline | Site' -> 'Headline' when the cut is backed by the site name or a reference."""
    norm_title = norm(title)
    for reference, trusted in references:
        norm_ref = norm(reference)
        if len(norm_ref) < 10 or norm_ref == norm_title:
            continue
        position = _segment_position(reference, title)
        if position == "start" or (position is not None and trusted):
            return reference
    parts = _TITLE_SEPARATORS.split(title)
    separators = _TITLE_SEPARATORS.findall(title)
    while len(parts) > 1 and _is_site_segment(parts[-1], site_names):
        parts, separators = parts[:-1], separators[:-1]
    while len(parts) > 1 and _is_site_segment(parts[0], site_names):
        parts, separators = parts[1:], separators[1:]
    return "".join(p + s for p, s in zip(parts, [*separators, ""], strict=False)).strip()


def strip_generated_suffix(title: str) -> str:
    """'Headline – Blog name' -> 'Headline': a `<title>` that nothing else on the page
    confirms still loses a short last segment after a typographic separator, the form
    site generators append ("–" is WordPress's default); a plain hyphen may be prose
    ("Rates rise - and what it means") and is kept."""
    parts = _GENERATED_SUFFIX_RE.split(title)
    if len(parts) < 3:
        return title
    head, suffix = "".join(parts[:-2]).strip(), parts[-1].strip()
    if not suffix or suffix[-1] in ".?!" or len(suffix) > _MAX_SUFFIX_CHARS:
        return title
    if len(suffix.split()) > _MAX_SUFFIX_WORDS or len(head.split()) < _MIN_HEAD_WORDS:
        return title
    return head


def _segment_position(reference: str, title: str) -> str | None:
    """'start', 'end' or 'middle' when `title` is `reference` plus separated segments."""
    folded_title, folded_ref = title.lower(), " ".join(reference.split()).lower()
    if len(folded_title) != len(title):
        folded_title, folded_ref = title, " ".join(reference.split())
    at = folded_title.find(folded_ref)
    if at < 0:
        return None
    before, after = title[:at], title[at + len(folded_ref) :]
    ok_before = not before.strip() or bool(re.search(r"(?:\s[|\-–—:·•»/~]|[|·•»:])\s*$", before))
    ok_after = not after.strip() or bool(re.match(r"\s*(?:[|\-–—:·•»/~]\s|[|·•»])", after))
    if not (ok_before and ok_after):
        return None
    if not before.strip():
        return "start"
    return "end" if not after.strip() else "middle"


def site_from_title(candidates: Sequence[Candidate], title: str | None) -> str | None:
    """What `<title>` adds to the headline at its far end: "Headline | Section | Site" and
    "Site: Headline" give "Site" (when short)."""
    tag = first((c for c in candidates if c.source == "title-tag"), clean_text)
    if not tag or not title or norm(tag) == norm(title):
        return None
    position = _segment_position(title, tag)
    if position not in ("start", "end"):
        return None
    at = tag.lower().find(" ".join(title.split()).lower())
    rest = tag[at + len(title) :] if position == "start" else tag[:at]
    segments = [s.strip(" :") for s in _TITLE_SEPARATORS.split(rest) if s.strip(" :")]
    if not segments:
        return None
    site = segments[-1] if position == "start" else segments[0]
    return site if len(site.split()) <= 5 else None


def choose_authors(candidates: Sequence[Candidate]) -> tuple[str, ...]:
    """The people named by the best source that names any; failing people, the first
    agency credited ("AFP"), as the byline gives it."""
    agencies: tuple[str, ...] = ()
    offered = [c for c in candidates if c.field == "authors"]
    for source in RANKING["authors"]:
        group = [c for c in offered if c.source == source]
        group.sort(key=lambda c: not c.in_article)
        names = _names_of(group)
        people = tuple(name for name in names if not is_agency(name))
        if people:
            return people
        agencies = agencies or names
    return agencies


def _names_of(group: Sequence[Candidate]) -> tuple[str, ...]:
    if not group:
        return ()
    if group[0].source in ("byline", "rel-author", "itemprop"):
        # page elements: the first one that holds names speaks for the article
        for candidate in group:
            names = clean_authors([candidate.value], strict=candidate.source == "byline")
            if names:
                return names
        return ()
    if group[0].source in ("dc", "citation"):
        # library metadata: one creator per tag, as "Last, First" ("Jong, Michiel de")
        return clean_authors(_first_last(c.value) for c in group)
    return clean_authors(c.value for c in group)


def _first_last(value: str) -> str:
    """'Jong, Michiel de' -> 'Michiel de Jong'; a list of names ('A B, C D') or an agency
    first ('AFP, Ana Ruiz') stays as it is."""
    last, comma, first = value.partition(",")
    last, first = last.strip(), first.strip()
    if (
        not comma
        or "," in first
        or len(last.split()) != 1
        or not 1 <= len(first.split()) <= 3
        or is_agency(last)
        or not last[:1].isupper()
    ):
        return value
    return f"{first} {last}"


def choose_tags(candidates: Sequence[Candidate]) -> tuple[str, ...]:
    """The tags of the best source that has any, split on commas, without duplicates."""
    offered = [c for c in candidates if c.field == "tags"]
    for source in RANKING["tags"]:
        values = [c.value for c in offered if c.source == source]
        tags: dict[str, str] = {}
        for value in values:
            for part in value.split(","):
                tag = clean_text(part)
                if tag and len(tag) <= 80 and "://" not in tag:
                    tags.setdefault(tag.casefold(), tag)
        if tags:
            return tuple(tags.values())[:_MAX_TAGS]
    return ()
