"""One pass over the page's elements, its headline, and what belongs to the article.

`scan` walks the tree once and sorts the elements the readers need into buckets
(`<meta>`, `<link>`, JSON-LD scripts, `<time>`, microdata, RDFa, headings, and elements
whose class, id or rel names a byline or a date): one C-level `iter()` with a few
attribute reads per element is several times cheaper than an XPath per kind.

The headline element is the `<h1>` (else `<h2>`, `<h3>`) whose text agrees with the page's
declared title. It anchors what counts as "elsewhere": a container of the headline is
never a sidebar, however it is named (layouts call their main column "has-sidebar"),
while comments, asides, footers, navigation and related/teaser boxes that do not hold
it are not read. An `<aside>` or `<footer>` inside the article belongs to it (blogs put
bylines and dates there). Verdicts on containers are memoised per call.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree
from lxml.html import HtmlElement

from articlekit._meta.nodes import classes, text
from articlekit._meta.strings import similarity

_MAX_HEADINGS = 30
_HEADLINE_AGREEMENT = 0.6

BYLINE_NAME_RE = re.compile(r"byline|author|writer|contributor|creator")
DATE_NAME_RE = re.compile(
    r"date|time|publish|posted|datum|fecha|meta|byline|submitted|stamp|info|author"
)
_NAMED_RE = re.compile(BYLINE_NAME_RE.pattern + "|" + DATE_NAME_RE.pattern)
DATE_CLASS_RE = re.compile(r"date|time|publish|posted|updated|modified")


def _class_words_re(prefixes: tuple[str, ...], words: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A word that starts a class name ("comments-area", "relatedPosts"); `words` must
    also end it ("promo-box" but not "promotion", "share-bar" but not "shared")."""
    alternatives = [*prefixes, *(rf"{w}s?(?![a-z])" for w in words)]
    return re.compile(r"(?:^|[\s_-])(?:" + "|".join(alternatives) + ")")


# Containers whose bylines and dates are not the article's.
_EXCLUDED_RE = _class_words_re(
    ("comment", "related", "sidebar", "recommend", "popular", "newsletter"),
    ("teaser", "more-from", "promo", "share", "rail"),
)
# Above the article only boxes of other articles exclude: layout wrappers there are
# often named for the layout ("content-area sidebar").
_OTHER_ARTICLES_RE = _class_words_re(
    ("comment", "related", "recommend", "popular"), ("teaser", "more-from", "promo")
)
_EXCLUDED_TAGS = frozenset({"nav", "script", "style", "noscript", "template"})
_SOFT_EXCLUDED_TAGS = frozenset({"aside", "footer"})
_SOFT_EXCLUDED_RE = _class_words_re(("footer",))
_ARTICLE_RE = _class_words_re(("article", "post", "entry", "story", "hentry", "h-entry"))


@attrs.frozen
class Elements:
    """The elements of a page the readers look at, in document order per kind."""

    metas: list[HtmlElement] = attrs.field(factory=list)
    links: list[HtmlElement] = attrs.field(factory=list)
    jsonld: list[HtmlElement] = attrs.field(factory=list)
    titles: list[HtmlElement] = attrs.field(factory=list)
    times: list[HtmlElement] = attrs.field(factory=list)
    itemprops: list[HtmlElement] = attrs.field(factory=list)
    h1: list[HtmlElement] = attrs.field(factory=list)
    h2: list[HtmlElement] = attrs.field(factory=list)
    h3: list[HtmlElement] = attrs.field(factory=list)
    # body elements whose class/id/rel names a byline or a date, with their class+id
    named: list[tuple[HtmlElement, str]] = attrs.field(factory=list)


def scan(root: HtmlElement) -> Elements:
    """Sort the page's elements into `Elements` in one walk.

    This is the hot loop of metadata extraction: each element's attributes are read
    once, as a list (`items()`, the cheap way through lxml), most elements have none,
    and the class/id verdict is memoised per distinct class/id pair (lists and menus
    repeat the same ones).
    """
    found = Elements()
    buckets = {
        "meta": found.metas,
        "link": found.links,
        "title": found.titles,
        "h1": found.h1,
        "h2": found.h2,
        "h3": found.h3,
        "time": found.times,
    }
    named_memo: dict[tuple[str | None, str | None], str | None] = {}
    for element in root.iter(etree.Element):
        tag = element.tag
        bucket = buckets.get(tag)
        if bucket is not None:
            bucket.append(element)
        items = element.items()
        if not items:
            continue
        attributes = dict(items)
        if tag == "script":
            if "ld+json" in (attributes.get("type") or "").lower():
                found.jsonld.append(element)
            continue
        _sort_by_attributes(element, tag, attributes, found, named_memo)
    return found


def _sort_by_attributes(
    element: HtmlElement,
    tag: str,
    attributes: dict[str, str],
    found: Elements,
    named_memo: dict[tuple[str | None, str | None], str | None],
) -> None:
    itemprop = attributes.get("itemprop")
    if itemprop is not None:
        found.itemprops.append(element)
    elif tag != "meta" and "property" in attributes and "content" in attributes:
        found.metas.append(element)  # RDFa: <span property="dc:date" content="…">
    css = attributes.get("class")
    if tag in ("abbr", "span") and css and attributes.get("title") and DATE_CLASS_RE.search(css):
        found.times.append(element)  # microformats: <abbr class="published" title="…">
    ident = attributes.get("id")
    if css is not None or ident is not None:
        key = (css, ident)
        if key in named_memo:
            names = named_memo[key]
        else:
            names = f"{css or ''} {ident or ''}".lower()
            names = named_memo[key] = names if _NAMED_RE.search(names) else None
        if names is not None:
            found.named.append((element, names))
            return
    if attributes.get("rel") == "author" or itemprop == "author":
        found.named.append((element, classes(element)))


@attrs.frozen
class Page:
    """What the element readers need to know about the page as a whole."""

    headline: HtmlElement | None
    # the headline's containers: never "elsewhere", whatever their class names say
    main: frozenset[HtmlElement]
    # the innermost of them that is the article ("<article>", class "post", "entry", …):
    # its own asides and footers hold its byline and date
    article: HtmlElement | None
    # per-call memos of verdicts on containers, so each is judged once
    excluded_memo: dict[tuple[HtmlElement, bool], bool] = attrs.field(factory=dict, eq=False)
    article_memo: dict[HtmlElement, bool] = attrs.field(factory=dict, eq=False)


def page_of(elements: Elements, hint: str) -> Page:
    """The page's headline (agreeing with the declared title `hint`) and its containers."""
    headline = _headline(elements, hint)
    if headline is None:
        return Page(None, frozenset(), None)
    containers = [a for a in headline.iterancestors() if a.tag not in ("body", "html")]
    article = next((a for a in containers if is_article(a)), None)
    return Page(headline, frozenset(containers), article)


def is_article(element: HtmlElement) -> bool:
    return element.tag == "article" or _ARTICLE_RE.search(classes(element)) is not None


def _headline(elements: Elements, hint: str) -> HtmlElement | None:
    """The <h1> (else <h2>, <h3>) agreeing best with the declared title; else the first
    <h1> inside an article, else the first <h1>."""
    for headings in (elements.h1, elements.h2, elements.h3):
        best, best_score = None, _HEADLINE_AGREEMENT
        for heading in headings[:_MAX_HEADINGS]:
            heading_text = text(heading, 500)
            score = similarity(heading_text, hint) if heading_text and hint else 0.0
            if score > best_score or (score == best_score == 1.0 and best is None):
                best, best_score = heading, score
        if best is not None:
            return best
    in_article = next((h for h in elements.h1 if in_article_of(h)), None)
    if in_article is not None:
        return in_article
    return elements.h1[0] if elements.h1 else None


def excluded(element: HtmlElement, page: Page) -> bool:
    """Whether an element belongs to other content than the article (see the docstring).

    Walks up the containers; each (container, inside-an-aside) verdict is memoised, so
    the many elements of one box cost one walk.
    """
    visited: list[tuple[HtmlElement, bool]] = []
    soft = False  # inside an <aside>/<footer>: excluded unless it is the article's own
    node = element.getparent()
    verdict: bool | None = None
    while node is not None:
        verdict = page.excluded_memo.get((node, soft))
        if verdict is not None:
            break
        visited.append((node, soft))
        verdict, soft = _judge(node, soft, page)
        if verdict is not None:
            break
        node = node.getparent()
    result = soft if verdict is None else verdict
    for key in visited:
        page.excluded_memo[key] = result
    return result


def _judge(node: HtmlElement, soft: bool, page: Page) -> tuple[bool | None, bool]:
    """(verdict or None to look further up, whether inside an aside/footer so far)."""
    tag = node.tag
    if not isinstance(tag, str) or tag in ("body", "html"):
        return None, soft
    if node is page.article or (page.headline is None and is_article(node)):
        return False, soft
    if node in page.main:  # a container of the headline: its article's footers are its own
        return (False if is_article(node) else soft), soft
    names = classes(node)
    if tag == "article":
        if _OTHER_ARTICLES_RE.search(names):
            return True, soft
        return _in_other_articles_box(node, page), soft
    if _EXCLUDED_RE.search(names) or tag in _EXCLUDED_TAGS:
        return True, soft
    return None, soft or tag in _SOFT_EXCLUDED_TAGS or bool(_SOFT_EXCLUDED_RE.search(names))


def _in_other_articles_box(element: HtmlElement, page: Page) -> bool:
    for ancestor in element.iterancestors():
        if ancestor in page.main or ancestor.tag in ("body", "html"):
            return False
        if _OTHER_ARTICLES_RE.search(classes(ancestor)):
            return True
    return False


def in_article_of(element: HtmlElement, page: Page | None = None) -> bool:
    """Inside an <article>, <main> or <header>, or a container named like one."""
    memo = page.article_memo if page is not None else {}
    visited: list[HtmlElement] = []
    result = False
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        known = memo.get(ancestor)
        if known is not None:
            result = known
            break
        visited.append(ancestor)
        if (
            ancestor.tag in ("article", "main", "header")
            or ancestor.get("itemprop") in ("articleBody", "mainEntity")
            or _ARTICLE_RE.search(classes(ancestor)) is not None
        ):
            result = True
            break
    # each container's answer covers itself and all above it, so descendants reuse it
    for ancestor in visited:
        memo[ancestor] = result
    return result
