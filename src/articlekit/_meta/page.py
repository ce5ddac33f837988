"""Two walks over the page's elements, its headline, and what belongs to the article.

`scan_tags` finds `<meta>`, `<link>`, JSON-LD scripts, `<title>` and headings by tag, in
C; `scan_marked` walks the body once and sorts the elements whose attributes the readers
need (microdata, RDFa, and class, id or rel naming a byline or a date), plus `<time>`:
one C-level `iter()` with one attribute read per element is several times cheaper than
an XPath per kind.

The headline element is the `<h1>` (else `<h2>`, `<h3>`) whose text agrees with the page's
declared title. It anchors what counts as "elsewhere": a container of the headline is
never a sidebar, however it is named (layouts call their main column "has-sidebar"),
while comments, asides, footers, navigation and related/teaser boxes that do not hold
it are not read. An `<aside>` or `<footer>` inside the article belongs to it (blogs put
bylines and dates there). Verdicts on containers are memoised per call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lxml import etree
from lxml.html import HtmlElement

from articlekit._meta.nodes import classes, text
from articlekit._meta.strings import norm, similarity

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
_EXCLUDED_PREFIXES = ("comment", "related", "sidebar", "recommend", "popular", "newsletter")
_EXCLUDED_WORDS = ("teaser", "more-from", "promo", "share", "rail")
_EXCLUDED_RE = _class_words_re(_EXCLUDED_PREFIXES, _EXCLUDED_WORDS)
# Above the article only boxes of other articles exclude: layout wrappers there are
# often named for the layout ("content-area sidebar").
_OTHER_ARTICLES_RE = _class_words_re(
    ("comment", "related", "recommend", "popular"), ("teaser", "more-from", "promo")
)
_EXCLUDED_TAGS = frozenset({"nav", "script", "style", "noscript", "template"})
_SOFT_EXCLUDED_TAGS = frozenset({"aside", "footer"})
_SOFT_EXCLUDED_RE = _class_words_re(("footer",))
_ARTICLE_RE = _class_words_re(("article", "post", "entry", "story", "hentry", "h-entry"))
# A word that may make an element a box of other content, for the walk to test (a
# plain alternation, which the regex engine scans for in C; `excluded_below` decides).
_BOX_RE = re.compile("|".join((*_EXCLUDED_PREFIXES, *_EXCLUDED_WORDS, "footer")))
_BOX_TAGS = _EXCLUDED_TAGS | _SOFT_EXCLUDED_TAGS
# The tags of boxes worth not walking into.
_CONTAINER_TAGS = _BOX_TAGS | frozenset({"div", "section", "ul", "ol", "article", "form", "table"})


# Tags whose subtrees hold nothing the readers look for: skipped whole.
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "math", "select", "template"})
# Attributes that put an element in `Marked.itemprops` or `Marked.rdfa`, or make it a byline.
_SPECIAL_KEYS = frozenset({"itemprop", "property", "rel"})


@attrs.frozen
class Tagged:
    """The elements of a page found by their tag alone, in document order per kind."""

    metas: list[HtmlElement] = attrs.field(factory=list)
    links: list[HtmlElement] = attrs.field(factory=list)
    bases: list[HtmlElement] = attrs.field(factory=list)
    jsonld: list[HtmlElement] = attrs.field(factory=list)
    titles: list[HtmlElement] = attrs.field(factory=list)
    h1: list[HtmlElement] = attrs.field(factory=list)
    h2: list[HtmlElement] = attrs.field(factory=list)
    h3: list[HtmlElement] = attrs.field(factory=list)


@attrs.frozen
class Marked:
    """The elements of a page found by their attributes (and `<time>`), in document
    order per kind."""

    times: list[HtmlElement] = attrs.field(factory=list)
    itemprops: list[HtmlElement] = attrs.field(factory=list)
    # RDFa: <span property="dc:date" content="…">
    rdfa: list[HtmlElement] = attrs.field(factory=list)
    # elements whose class/id/rel names a byline or a date, with their class+id
    named: list[tuple[HtmlElement, str]] = attrs.field(factory=list)


def scan_tags(root: HtmlElement) -> Tagged:
    """`<meta>`, `<link>`, `<base>`, JSON-LD scripts, `<title>` and headings, in one
    C-level walk."""
    found = Tagged()
    buckets = {
        "meta": found.metas,
        "link": found.links,
        "base": found.bases,
        "title": found.titles,
        "h1": found.h1,
        "h2": found.h2,
        "h3": found.h3,
    }
    for element in root.iter("meta", "link", "base", "title", "h1", "h2", "h3", "script"):
        tag = element.tag
        if tag == "script":
            if "ld+json" in (element.get("type") or "").lower():
                found.jsonld.append(element)
        else:
            buckets[tag].append(element)
    return found


def scan_marked(root: HtmlElement, page: Page) -> Marked:
    """Sort the elements that their attributes mark into `Marked`, in one walk.

    This is the hot loop of metadata extraction, so the body's elements are read in one
    C-level `iter()`, each one's attributes once, as a list (`items()`, the cheap way
    through lxml), and the verdicts on a class attribute are memoised (lists and menus
    repeat the same ones; ids are unique, so theirs are not). Scripts, styles, SVG
    drawings and form selects hold nothing to read: their subtrees are skipped, and so
    are the insides of boxes whose every element is elsewhere (`excludes_inside`): a
    page's comments, related-article lists, sidebars and footer hold about 30 % of its
    elements. In `<head>` only microdata `<meta>`s and `<link>`s count.
    """
    found = Marked()
    head, body = root.find("head"), root.find("body")
    if head is not None:
        found.itemprops.extend(e for e in head.iter("meta", "link") if e.get("itemprop"))
    _mark((body if body is not None else root).iter(etree.Element), found, page, {})
    return found


def _mark(
    elements: Iterator[HtmlElement],
    found: Marked,
    page: Page,
    memo: dict[str, bool],
) -> None:
    boxes: dict[str, bool] = {}  # verdicts on the classes of containers, memoised too
    skipping, stop, in_footer = False, None, False
    for element in elements:
        if skipping:
            if element is not stop:
                # a footer's microdata still counts: pages name their publisher there
                if in_footer and element.get("itemprop") is not None:
                    found.itemprops.append(element)
                continue
            skipping = in_footer = False
        tag = element.tag
        if tag in _SKIPPED_TAGS:
            skipping, stop = True, _next_after(element)
            continue
        if tag == "time":
            found.times.append(element)
        items = element.items()
        css = ident = None
        special = False
        for key, value in items:
            if key == "class":
                css = value
            elif key == "id":
                ident = value
            elif key in _SPECIAL_KEYS:
                special = True
        if special:
            _sort_special(element, tag, dict(items), found)
        elif items:
            # no name word spans the class and the id: each is read alone
            named = False
            if css is not None:
                verdict = memo.get(css)
                if verdict is None:
                    verdict = memo[css] = _NAMED_RE.search(css.lower()) is not None
                named = verdict
            if not named and ident is not None:
                named = _NAMED_RE.search(ident.lower()) is not None
            if named:
                found.named.append((element, f"{css or ''} {ident or ''}".lower()))
            if css and tag in ("abbr", "span") and element.get("title"):
                _sort_microformat(element, css, found)
        if (
            tag in _CONTAINER_TAGS
            and _may_be_a_box(tag, css, ident, boxes)
            and excludes_inside(element, page)
        ):
            skipping, stop, in_footer = True, _next_after(element), _is_footer(element)


def _may_be_a_box(tag: str, css: str | None, ident: str | None, memo: dict[str, bool]) -> bool:
    """Whether a container's tag, class or id names a box of other content."""
    if tag in _BOX_TAGS:
        return True
    if css is not None:
        verdict = memo.get(css)
        if verdict is None:
            verdict = memo[css] = _BOX_RE.search(css.lower()) is not None
        if verdict:
            return True
    return ident is not None and _BOX_RE.search(ident.lower()) is not None


def _is_footer(element: HtmlElement) -> bool:
    """A footer or aside: where a page names its publisher, in microdata."""
    return _soft_box(element.tag, classes(element))


def _soft_box(tag: str, names: str) -> bool:
    """An aside or footer (by tag or class): elsewhere unless it is the article's own."""
    return tag in _SOFT_EXCLUDED_TAGS or _SOFT_EXCLUDED_RE.search(names) is not None


def excludes_inside(element: HtmlElement, page: Page) -> bool:
    """Whether every element inside `element` is elsewhere (see `excluded`), so that
    none is worth reading: it is a box of other content and nothing inside can say
    otherwise (no `<article>`; with no headline found, any "post" could)."""
    return (
        page.headline is not None
        and element not in page.main
        and excluded_below(element, page)
        and next(element.iterdescendants("article"), None) is None
    )


def _sort_special(
    element: HtmlElement, tag: str, attributes: dict[str, str], found: Marked
) -> None:
    """File an element with microdata, RDFa or a byline attribute."""
    itemprop = attributes.get("itemprop")
    if itemprop is not None:
        found.itemprops.append(element)
    elif tag != "meta" and "property" in attributes and "content" in attributes:
        found.rdfa.append(element)
    css, ident = attributes.get("class"), attributes.get("id")
    names = _names_verdict(css, ident)
    if names is not None:
        found.named.append((element, names))
    elif attributes.get("rel") == "author" or itemprop == "author":
        found.named.append((element, f"{css or ''} {ident or ''}".lower()))
    if css and tag in ("abbr", "span") and attributes.get("title"):
        _sort_microformat(element, css, found)


def _sort_microformat(element: HtmlElement, css: str, found: Marked) -> None:
    if DATE_CLASS_RE.search(css):
        found.times.append(element)  # microformats: <abbr class="published" title="…">


def _names_verdict(css: str | None, ident: str | None) -> str | None:
    """The class and id, lowercased, when they name a byline or a date; else None."""
    names = f"{css or ''} {ident or ''}".lower()
    return names if _NAMED_RE.search(names) else None


def _next_after(element: HtmlElement) -> HtmlElement | None:
    """The first element after `element`'s subtree in document order, if any."""
    node: HtmlElement | None = element
    while node is not None:
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None:
            return following
        node = node.getparent()
    return None


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


def page_of(elements: Tagged, hint: str) -> Page:
    """The page's headline (agreeing with the declared title `hint`) and its containers."""
    headline = _headline(elements, hint)
    if headline is None:
        return Page(None, frozenset(), None)
    containers = [a for a in headline.iterancestors() if a.tag not in ("body", "html")]
    article = next((a for a in containers if is_article(a)), None)
    return Page(headline, frozenset(containers), article)


def is_article(element: HtmlElement) -> bool:
    return element.tag == "article" or _ARTICLE_RE.search(classes(element)) is not None


def _headline(elements: Tagged, hint: str) -> HtmlElement | None:
    """The <h1> (else <h2>, <h3>) agreeing best with the declared title; else the first
    <h1> inside an article, else the first <h1>."""
    folded_hint = norm(hint)
    for headings in (elements.h1, elements.h2, elements.h3):
        best, best_score, best_opens = None, _HEADLINE_AGREEMENT, False
        for heading in headings[:_MAX_HEADINGS]:
            heading_text = text(heading, 500)
            score = similarity(heading_text, hint) if heading_text and hint else 0.0
            # of two headings equally in the title, the one it opens with: "Headline — Site"
            opens = score == best_score and _opens(folded_hint, heading_text)
            if (
                score > best_score
                or (score == best_score == 1.0 and best is None)
                or (opens and best is not None and not best_opens)
            ):
                best, best_score = heading, score
                best_opens = _opens(folded_hint, heading_text)
        if best is not None:
            return best
    in_article = next((h for h in elements.h1 if in_article_of(h)), None)
    if in_article is not None:
        return in_article
    return elements.h1[0] if elements.h1 else None


def _opens(folded_hint: str, heading_text: str) -> bool:
    folded = norm(heading_text)
    return len(folded) >= 3 and folded_hint.startswith(folded)


def excluded(element: HtmlElement, page: Page) -> bool:
    """Whether an element belongs to other content than the article (see the docstring)."""
    parent = element.getparent()
    return parent is not None and excluded_below(parent, page)


def excluded_below(node: HtmlElement, page: Page) -> bool:
    """Whether the elements inside `node` are elsewhere (unless nearer containers say
    otherwise: an `<article>` in a sidebar is not).

    Walks up the containers; each (container, inside-an-aside) verdict is memoised, so
    the many elements of one box cost one walk.
    """
    visited: list[tuple[HtmlElement, bool]] = []
    soft = False  # inside an <aside>/<footer>: excluded unless it is the article's own
    current: HtmlElement | None = node
    verdict: bool | None = None
    while current is not None:
        verdict = page.excluded_memo.get((current, soft))
        if verdict is not None:
            break
        visited.append((current, soft))
        verdict, soft = _judge(current, soft, page)
        if verdict is not None:
            break
        current = current.getparent()
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
    return None, soft or _soft_box(tag, names)


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
