"""Dates printed on the page, where readers see them, as "date-text" candidates.

Many pages mark no date up, or mark a wrong one, yet print the date where every reader
looks. Four places, best first, each a source of its own for the vote in `datevote`:

* "date-element": an element whose class or id names a date, a byline or post meta
  ("entry-date", "post-meta", "byline"), its text up to 250 characters;
* "headline-text": short texts from the headline on (its own text included: some put
  the date inside the <h1>), until 1,500 characters of text have passed — the dates
  after that belong to the story; "headline-text-before": the few texts just above it;
* "article-text": the first short text with a date in the article's container, or a
  dateline opening a paragraph ("27.1.2022 - Bei …"); without an article container, the
  paragraphs past the headline's own box too; "title-text": the `<title>`;
* when nothing else has a date: "labelled-text", a short text anywhere that labels a
  date ("Veröffentlicht am …"), and "image-url", the lead image's URL (uploads are often
  filed by day).

A text node's element gives the whole short text, with its parent's if that is short
too, so a date split over child elements ("Mai<span>06</span>2018") and an "Updated"
label in a sibling are read with it. Elements elsewhere (see `page.excluded`) are
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice

from lxml import etree
from lxml.html import HtmlElement

from articlekit._meta.candidates import Candidate
from articlekit._meta.nodes import text, texts_after, texts_before, texts_in
from articlekit._meta.page import DATE_NAME_RE, Page, excluded, in_article_of
from articlekit._meta.text import dateline, published_label

_MAX_DATE_ELEMENTS = 30
_DATE_ELEMENT_TEXT = 250
_HEADLINE_TEXT_BUDGET = 1500
_SHORT_TEXT = 150
_DATELINE = 40
_CONTAINER_NODES = 400
_BODY_NODES = 3000
_OWN_NODES = 40
_FOLLOWING_NODES = 120
_PRECEDING_NODES = 25
_MAX_YEARS_TRIED = 200
# A labelled text is at most `_SHORT_TEXT` characters once its white space is collapsed,
# and `text()` gives up on elements whose raw text is four times that: a label and the
# year it labels are never further apart than that in the page's text.
_LABEL_REACH = _SHORT_TEXT * 4
# A year, or a dotted date with a two-digit one ("31.10.23"), is what a text needs to be
# read for a date. Two searches, each of which the regex engine runs at C speed from its
# first character ([12], then the dot): one pattern with both would stop at every digit.
_FULL_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR_RE = re.compile(r"\.(?<=\d\.)[01]?\d\.\d\d(?!\d)")
_FULL_YEAR_BYTES_RE = re.compile(rb"(?:19|20)\d\d")  # on the text as UTF-8, undecoded
_SHORT_YEAR_BYTES_RE = re.compile(rb"\.(?<=\d\.)[01]?\d\.\d\d(?!\d)")
_ASCII_YEAR_RE = re.compile(r"(?:19|20)[0-9][0-9]")  # the same years, in decoded text
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _has_year(text: str) -> bool:
    return _FULL_YEAR_RE.search(text) is not None or _SHORT_YEAR_RE.search(text) is not None


def _has_year_bytes(data: bytes) -> bool:
    return (
        _FULL_YEAR_BYTES_RE.search(data) is not None
        or _SHORT_YEAR_BYTES_RE.search(data) is not None
    )


def date_elements(named: list[tuple[HtmlElement, str]], page: Page) -> Iterator[Candidate]:
    """Texts of elements whose class/id names a date, a byline or post meta."""
    count = 0
    for element, names in named:
        if count >= _MAX_DATE_ELEMENTS:
            return
        if not DATE_NAME_RE.search(names) or element.tag in ("time", "meta", "script", "style"):
            continue
        value = text(element, _DATE_ELEMENT_TEXT, " ")
        if not value or not _has_year(value) or excluded(element, page):
            continue
        count += 1
        yield Candidate("date-text", "date-element", value, in_article_of(element, page))


def dates_near_headline(page: Page) -> Iterator[Candidate]:
    """Short texts with a year in them, from the headline on, and just above it."""
    if page.headline is None:
        return
    seen: set[HtmlElement] = set()
    following = chain(
        islice(texts_in(page.headline), _OWN_NODES),
        islice(texts_after(page.headline), _FOLLOWING_NODES),
    )
    before = islice(texts_before(page.headline), _PRECEDING_NODES)
    for source, nodes in (("headline-text", following), ("headline-text-before", before)):
        count, passed = 0, 0
        for node, owner in nodes:
            passed += len(node.strip())
            if passed > _HEADLINE_TEXT_BUDGET or count >= _MAX_DATE_ELEMENTS:
                break
            if node.isspace() or not _has_year(node):  # (most text nodes are indentation)
                continue
            if owner in seen or owner.tag in _NOT_TEXT or excluded(owner, page):
                continue
            seen.add(owner)
            value = _labelled_text(owner, node)
            if value and dateline(value):
                yield Candidate("date-text", source, value, True)
                count += 1


def _in_caption(element: HtmlElement) -> bool:
    """Inside a picture's caption: the date of the photo, not of the article."""
    for ancestor in (element, *element.iterancestors("figcaption", "figure", "caption")):
        if ancestor.tag in ("figcaption", "figure", "caption"):
            return True
    return False


def _labelled_text(owner: HtmlElement, node: str) -> str:
    """The owner's short text, with its parent's if that is short too ("Updated" + date)."""
    value = text(owner, _SHORT_TEXT, " ") or " ".join(node.split())
    if len(value) > _SHORT_TEXT:
        return ""
    parent = owner.getparent()
    if parent is not None and parent.tag not in ("body", "html"):
        wider = text(parent, _SHORT_TEXT, " ")
        if wider and len(wider) > len(value):
            return wider
    return value


def article_text_date(root: HtmlElement, page: Page) -> Iterator[Candidate]:
    """The first short text with a date in the article's container (else the headline's
    parent, else the body), or a dateline opening a paragraph."""
    container = page.article
    if container is None and page.headline is not None:
        container = page.headline.getparent()
    if container is None:
        container = root.find("body")
    if container is None:
        return
    if _has_year_bytes(etree.tostring(container, method="text", encoding="utf-8")):
        # (cheap in C, and most containers without a year in them are long)
        for node, owner in islice(texts_in(container), _CONTAINER_NODES):
            if node.isspace():  # indentation, most text nodes
                continue
            found = _article_text(node, owner, page)
            if found is not None:
                yield found
                return
    if page.article is None and page.headline is not None:
        # no article container: the story may open past the headline's own box
        passed = 0
        for node, owner in islice(texts_after(page.headline), _FOLLOWING_NODES):
            passed += len(node.strip())
            if passed > _HEADLINE_TEXT_BUDGET:
                return
            if len(node.strip()) > _SHORT_TEXT:  # short ones are headline texts already
                found = _article_text(node, owner, page)
                if found is not None:
                    yield found
                    return


def _article_text(node: str, owner: HtmlElement, page: Page) -> Candidate | None:
    """An "article-text" candidate from a short text with a date, or a prose text's
    opening dateline."""
    if not _has_year(node[: _SHORT_TEXT * 2]):
        return None
    value = " ".join(node.split())
    if len(value) > _SHORT_TEXT:  # prose: only a dateline opening it
        value = value[:_DATELINE]
    if owner.tag in _NOT_TEXT or excluded(owner, page):
        return None
    if dateline(value) and not _in_caption(owner):
        return Candidate("date-text", "article-text", value, True)
    return None


def title_date(title: str) -> Iterator[Candidate]:
    """The page title, when it carries a date ("Headline | DW | 23.05.2011")."""
    if title and _has_year(title) and dateline(title):
        yield Candidate("date-text", "title-text", title)


def labelled_dates(root: HtmlElement, page: Page) -> Iterator[Candidate]:
    """The last resort: a short text anywhere that labels a date ("Veröffentlicht am …")."""
    body = root.find("body")
    if body is None:
        return
    if not _may_label_a_date(etree.tostring(body, method="text", encoding=str)):
        return
    seen: set[HtmlElement] = set()
    for node, owner in islice(texts_in(body), _BODY_NODES):
        if node.isspace() or not _has_year(node):
            continue
        if owner in seen or owner.tag in _NOT_TEXT:
            continue
        seen.add(owner)
        value = _labelled_text(owner, node)
        if value and published_label(value) and not excluded(owner, page):
            yield Candidate("date-text", "labelled-text", value, in_article_of(owner, page))
            return


def _may_label_a_date(body_text: str) -> bool:
    """Whether a year stands near enough a "Published"-type label to share a short text
    with it: a cheap test on the page's text before the walk over its text nodes.

    The windows are counted in characters of the decoded text: the label regex costs
    time per character and per label word, so on a page full of years (a sports table,
    an archive) windows four times wider made it the costliest step of the metadata."""
    start = end = -1  # the windows around the years, merged where they overlap
    for count, year in enumerate(_ASCII_YEAR_RE.finditer(body_text)):
        if count >= _MAX_YEARS_TRIED:
            return True
        low, high = max(0, year.start() - _LABEL_REACH), year.end() + _LABEL_REACH
        if low > end:
            if end >= 0 and published_label(body_text[start:end]):
                return True
            start = low
        end = high
    return end >= 0 and published_label(body_text[start:end])


def image_url_date(found: list[Candidate]) -> Iterator[Candidate]:
    """The lead image's URL, for the day it was filed under (/2016/05/04/)."""
    for candidate in found:
        if candidate.field == "image":
            yield Candidate("date-text", "image-url", candidate.value)
            return
