"""Gather metadata candidates from a parsed page, without touching it.

The page's elements are sorted in two walks (`page.scan_tags`, `page.scan_marked`);
then each kind of place is read: `<meta>` tags and RDFa `content` attributes (see
`metatags`), `<link>` tags, JSON-LD blocks (see `jsonld`), microdata `itemprop`s,
`<title>` and `<h1>`, `<time>` and microformat elements, byline elements (class/id
naming a byline or an author, `rel=author`), and the dates printed on the page (see
`printed`). Every candidate keeps its source; nothing is judged here, except that
elements belonging to other content than the article (comments, related boxes,
sidebars: see `page.excluded`) are not read. The page's text is serialised in C only to
test for a year before a walk over text nodes; no regex ever runs over the HTML source.

The tree is only read: no element is moved, changed or removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs
from lxml.html import HtmlElement

from articlekit._meta import jsonld, printed
from articlekit._meta.candidates import Candidate
from articlekit._meta.metatags import META_KEYS, PARSELY_JSON_KEYS
from articlekit._meta.nodes import attr, classes, text
from articlekit._meta.page import (
    BYLINE_NAME_RE,
    Marked,
    Page,
    Tagged,
    excluded,
    in_article_of,
    page_of,
    scan_marked,
    scan_tags,
)
from articlekit._meta.text import updated_label

_MAX_BYLINES = 12
_MAX_H1 = 3
_MAX_PARSELY_CHARS = 50_000

_UPDATED_CLASS_RE = re.compile(r"updated|modified|lastmod|aktualisiert|datemodified", re.I)
_PUBLISHED_CLASS_RE = re.compile(r"publish|posted|entry-date|datepublished|created", re.I)
_OTHER_DATE_KEY_RE = re.compile(r"date|publish|created|issued|released|posted|uploaded")
_NOT_A_DATE_KEY_RE = re.compile(r"expir|valid|start|end|birth|event|format|unavailable|image|video")
# a heading's permalink anchor, as documentation generators print it ("Install¶", "Usage #")
_PERMALINK_RE = re.compile(r"\s*[¶🔗]\s*$|\s+[#§]\s*$")
_WRITTEN_BY_RE = re.compile(r"\s*(?:written by|author|by|von|par|por|autor|auteur)\s*:?\s*$", re.I)
_ITEMPROP_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "headline": "title",
        "datepublished": "published",
        "datecreated": "published",
        "datemodified": "modified",
        "description": "description",
        "inlanguage": "language",
        "articlesection": "category",
        "keywords": "tags",
    }
)


@attrs.frozen
class Gathered:
    """What `gather` found on a page."""

    candidates: list[Candidate]
    warnings: list[str]
    # the first `<base href>`, raw: what the page's relative links resolve against
    base_href: str | None


def gather(root: HtmlElement) -> Gathered:
    """Every candidate on the page, in document order per kind, warnings, and the base."""
    warnings: list[str] = []
    tagged = scan_tags(root)
    found = _meta_tags(tagged.metas, warnings)
    found.extend(_links(tagged))
    nodes, broken = jsonld.read_blocks(s.text for s in tagged.jsonld if s.text)
    warnings.extend(broken)
    found.extend(jsonld.candidates(nodes))
    title = text(tagged.titles[0], 1000) if tagged.titles else ""
    page = page_of(tagged, _title_hint(found, title))
    elements = scan_marked(root, page)
    found.extend(_meta_tags(elements.rdfa, warnings))
    found.extend(_microdata(elements, page))
    if title:
        found.append(Candidate("title", "title-tag", title))
    found.extend(_headings(tagged, page))
    found.extend(_times(elements, page))
    found.extend(_bylines(elements, page))
    found.extend(printed.date_elements(elements.named, page))
    found.extend(printed.dates_near_headline(page))
    found.extend(printed.article_text_date(root, page))
    found.extend(printed.title_date(title))
    if not any(c.field in ("published", "date-text") for c in found):
        found.extend(printed.labelled_dates(root, page))
        found.extend(printed.image_url_date(found))
    found.extend(_language(root))
    base = next((href for b in tagged.bases if (href := b.get("href")) is not None), None)
    return Gathered(found, warnings, base)


def _meta_tags(metas: list[HtmlElement], warnings: list[str]) -> list[Candidate]:
    """Candidates from <meta> tags (or RDFa content attributes); `property` ones
    (OpenGraph's own form) before `name` ones."""
    by_property: list[Candidate] = []
    by_name: list[Candidate] = []
    for meta in metas:
        content = attr(meta, "content")
        if not content:
            continue
        for attribute, found in (
            ("property", by_property),
            ("name", by_name),
            ("http-equiv", by_name),
        ):
            for key in attr(meta, attribute).lower().split():
                if key == "parsely-metadata":
                    found.extend(_parsely_json(meta.get("content") or "", warnings))
                    continue
                known = META_KEYS.get(key) or _other_date_key(key)
                if known is not None:
                    found.append(Candidate(known[0], known[1], content))
    return by_property + by_name + _twitter_labels(metas)


def _twitter_labels(metas: list[HtmlElement]) -> list[Candidate]:
    """Twitter's label/data pairs: twitter:label1 "Written by" + twitter:data1 the name."""
    labels: dict[str, str] = {}
    data: dict[str, str] = {}
    for meta in metas:
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key.startswith("twitter:label"):
            labels[key.removeprefix("twitter:label")] = attr(meta, "content")
        elif key.startswith("twitter:data"):
            data[key.removeprefix("twitter:data")] = attr(meta, "content")
    return [
        Candidate("authors", "twitter-label", data[number])
        for number, label in labels.items()
        if number in data and _WRITTEN_BY_RE.match(label)
    ]


def _other_date_key(key: str) -> tuple[str, str] | None:
    """An unlisted key that names a date ("five_hundred_pixels:uploaded"), if any."""
    if not _OTHER_DATE_KEY_RE.search(key) or _NOT_A_DATE_KEY_RE.search(key):
        return None
    return ("modified" if _UPDATED_CLASS_RE.search(key) else "published"), "meta-other"


def _parsely_json(content: str, warnings: list[str]) -> Iterator[Candidate]:
    try:
        data = json.loads(content[:_MAX_PARSELY_CHARS])
    except (ValueError, RecursionError):
        warnings.append("metadata: broken parsely-metadata JSON skipped")
        return
    if not isinstance(data, dict):
        return
    for key, field in PARSELY_JSON_KEYS.items():
        value = data.get(key)
        values = value if isinstance(value, list) else [value]
        for item in values[:50]:
            if isinstance(item, bool):
                continue
            found = str(int(item)) if isinstance(item, int | float) else jsonld.text_of(item)
            if found:
                yield Candidate(field, "parsely", found)


def _links(elements: Tagged) -> Iterator[Candidate]:
    for link in elements.links:
        rel = attr(link, "rel").lower().split()
        href = attr(link, "href")
        if not href:
            continue
        if "canonical" in rel:
            yield Candidate("canonical_url", "link-canonical", href)
        elif "image_src" in rel:
            yield Candidate("image", "link-image", href)


def _title_hint(found: list[Candidate], title: str) -> str:
    """The page's declared title, to recognise the headline element by."""
    for key in ("og", "jsonld", "twitter"):
        hint = next((c.value for c in found if c.field == "title" and c.source == key), None)
        if hint:
            return hint
    return title


def _microdata(elements: Marked, page: Page) -> Iterator[Candidate]:
    for element in elements.itemprops:
        for prop in attr(element, "itemprop").lower().split():
            if prop == "publisher":
                yield from _microdata_publisher(element)
            field = _ITEMPROP_FIELDS.get(prop)
            if field is None or excluded(element, page):
                continue
            value = _microdata_value(element)
            if value:
                yield Candidate(field, "itemprop", value, in_article_of(element, page))


def _microdata_value(element: HtmlElement) -> str:
    """An itemprop's value: content, datetime, an <abbr>'s title, else the text."""
    value = attr(element, "content") or attr(element, "datetime")
    if not value and element.tag == "abbr":
        value = attr(element, "title")
    return value or text(element)


def _microdata_publisher(element: HtmlElement) -> Iterator[Candidate]:
    """The name inside an itemprop=publisher Organization, as a site name."""
    for inner in element.iterdescendants():
        if "name" in attr(inner, "itemprop").split():
            name = _microdata_value(inner)
            if name:
                yield Candidate("site_name", "itemprop-publisher", name)
            return


def _headings(elements: Tagged, page: Page) -> Iterator[Candidate]:
    """The headline element first, then other <h1>s."""
    headings = [page.headline] if page.headline is not None else []
    headings += [h for h in elements.h1 if h is not page.headline]
    count = 0
    for heading in headings:
        if heading is not page.headline and excluded(heading, page):
            continue
        value = _PERMALINK_RE.sub("", text(heading, 500))
        if value:
            inside = heading is page.headline or in_article_of(heading, page)
            yield Candidate("title", "h1", value, inside)
            count += 1
            if count >= _MAX_H1:
                return


def _times(elements: Marked, page: Page) -> Iterator[Candidate]:
    """<time datetime> elements, and microformats' <abbr class="published" title="…">."""
    for element in elements.times:
        if element.tag == "time":
            value = attr(element, "datetime") or text(element, 100)
        else:
            value = attr(element, "title")
        if not value or excluded(element, page):
            continue
        source = _time_source(element)
        yield Candidate(_time_field(element), source, value, in_article_of(element, page))


def _time_field(element: HtmlElement) -> str:
    """'modified' when the element, its parent or the label before it says "updated"."""
    hints = classes(element) + " " + attr(element, "itemprop").lower()
    parent = element.getparent()
    if parent is not None:
        hints += " " + classes(parent)
        previous = element.getprevious()
        if previous is None:
            label = parent.text or ""
        else:
            label = text(previous, 60) + " " + (previous.tail or "")
        if label.strip() and updated_label(label):
            return "modified"
    return "modified" if _UPDATED_CLASS_RE.search(hints) else "published"


def _time_source(element: HtmlElement) -> str:
    if element.get("pubdate") is not None:
        return "time-pubdate"
    hints = classes(element) + " " + attr(element, "itemprop").lower()
    return "time-pubdate" if _PUBLISHED_CLASS_RE.search(hints) else "time"


def _bylines(elements: Marked, page: Page) -> Iterator[Candidate]:
    """Texts of byline elements (class/id naming a byline or an author, rel=author)."""
    count = 0
    for element, names in elements.named:
        if count >= _MAX_BYLINES:
            return
        is_rel = element.get("rel") == "author"
        is_prop = element.get("itemprop") == "author"
        if not (is_rel or is_prop or BYLINE_NAME_RE.search(names)):
            continue
        if element.tag in ("meta", "link", "img", "script", "style") or excluded(element, page):
            continue
        value = text(element, separator=" ")
        if not value:
            continue
        source = "itemprop" if is_prop else "rel-author" if is_rel else "byline"
        if is_prop:
            names_inside = [
                text(n) for n in element.iterdescendants() if n.get("itemprop") == "name"
            ]
            value = ", ".join(n for n in names_inside if n) or value
        count += 1
        yield Candidate("authors", source, value, in_article_of(element, page))


def _language(root: HtmlElement) -> Iterator[Candidate]:
    lang = attr(root, "lang") or attr(root, "{http://www.w3.org/XML/1998/namespace}lang")
    lang = lang or attr(root, "xml:lang")  # lxml's HTML parser keeps the prefix as written
    if lang:
        yield Candidate("language", "html-lang", lang)
