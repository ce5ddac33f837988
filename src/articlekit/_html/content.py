"""Stage 4: find the element(s) that hold the article's main content.

The idea is Readability's, computed in one pass over the tree instead of many:

1. Containers whose class/id says they are never the article (menus, sidebars, comment
   threads…) are set aside, unless their class/id also says they may be.
2. Every paragraph-like element (``p``, ``pre``, ``td``, and ``div``s holding only inline
   content) with some text scores 1 + its commas + one point per 100 characters (at most
   3); the score goes to its parent in full, its grandparent by half and further
   ancestors by a third of the level.
3. A container's score is raised or lowered by its tag and by its class/id words, then
   scaled by (1 - link density). The best container wins; when most of the runners-up
   sit inside one ancestor, that ancestor wins; a parent whose score is higher wins.
4. The winner's siblings join it when they score well or are clean prose paragraphs.

Structured markup overrides scoring when it is unambiguous: a single element marked as
the article body (``itemprop=articleBody``) is used as it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import attrs
import lxml.etree
from lxml.html import HtmlElement

from articlekit import _lexicon
from articlekit._html.tree import class_and_id

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "caption", "noscript", "menu",
    }
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td"})
# Leaves (no block-level children) of these tags score like paragraphs too.
_LEAF_TAGS = frozenset({"div", "li", "dd", "blockquote", "section"})
_SCORED_MIN_CHARS = 25
_LOOSE_MIN_CHARS = 100
_TAG_BONUS = {
    "div": 5, "article": 10, "main": 5, "section": 2, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
_UNLIKELY_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
     "contentinfo", "search"}
)  # fmt: skip
_MAIN_TAGS = frozenset({"main", "article"})
_ALWAYS_OUT = frozenset({"nav", "aside", "footer", "header", "menu"})
_MAX_CLIMB = 4
_MIN_ARTICLE_CHARS = 500
_ITEMPROPS = lxml.etree.XPath("descendant-or-self::*/@itemprop")  # elements only, not text
_RETRY_GAIN = 1.5  # a retry must find this many times more text to be taken
_LONGEST_MAX_LINK_DENSITY = 0.2
_MOST_OF_PAGE = 0.6
_KIN_CANDIDATES = 12
_KIN_SHARE = 0.2
_KIN_LEVELS = 3
_KIN_FAR_LEVELS = 5  # page builders nest each text block this deep
_KIN_FAR_SHARE = 0.6
_KIN_MAX_LINK_DENSITY = 0.25
_MIN_RIVALS = 3
_RUNNER_UP_SHARE = 0.66
_ARTICLE_SIZED_SHARE = 0.6  # of the best score, for a container with an article's text
_TEXT_RICH_MIN_CHARS = 400


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile("|".join(_lexicon.load_common(name)))


_UNLIKELY = _pattern("html_unlikely")
_MAYBE = _pattern("html_maybe")
_POSITIVE = _pattern("html_positive")
_NEGATIVE = _pattern("html_negative")


@attrs.define
class TextStats:
    """Characters of text and of link text below an element, and whether it has blocks.

    `loose_chars`/`loose_commas` count only the text outside block-level descendants: the
    element's own running text ("text<br><br>more text" beside a nested <div>)."""

    chars: int = 0
    link_chars: int = 0
    commas: int = 0
    has_block_child: bool = False
    loose_chars: int = 0
    loose_commas: int = 0

    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def measure(root: HtmlElement) -> dict[HtmlElement, TextStats]:
    """Text statistics for every block-level element, in one iterative pass (no recursion).

    Inline elements (links, spans, emphasis) get no entry of their own: their text counts
    straight into the nearest block-level ancestor's statistics.

    The pass visits each element once, in document order, and finds the statistics its
    text and tail go to from its parent's (every parent comes before its children): that
    is a fifth faster than a walk with start and end events, which visits each element
    twice. Sums do not depend on the order they are taken in, so each block's text only
    has to be added to its ancestors' at the end, innermost blocks first."""
    stats: dict[HtmlElement, TextStats] = {}
    top = stats[root] = TextStats()
    _count_text(root.text, top, link=False)
    owners = {root: top}  # each element's statistics: its own, or its block ancestor's
    linked: set[HtmlElement] = set()  # the links and what is inside them
    nested: list[tuple[TextStats, TextStats]] = []  # (a block's, its block ancestor's)
    block_tags = BLOCK_TAGS
    elements = root.iter()
    next(elements)  # the root itself, done above
    for element in elements:
        parent = element.getparent()
        outer = owners[parent]
        tag = element.tag
        if tag in block_tags:
            own = owners[element] = stats[element] = TextStats()
            outer.has_block_child = True
            nested.append((own, outer))
        else:
            own = owners[element] = outer  # inline: shares its block ancestor's statistics
        in_link = parent in linked
        link = in_link or tag == "a"
        if link:
            linked.add(element)
        # `_count_text` for the text and the tail, written out: this loop runs once per
        # element of the page, and a call per text node is a cost of its own here.
        # Most text between tags is indentation: it counts for nothing.
        text = element.text
        if text and (size := len(text.strip())):
            commas = text.count(",") if text.isascii() else _commas(text)
            own.loose_chars += size
            own.loose_commas += commas
            if link:
                own.link_chars += size
        tail = element.tail
        if tail and (size := len(tail.strip())):
            commas = tail.count(",") if tail.isascii() else _commas(tail)
            outer.loose_chars += size
            outer.loose_commas += commas
            if in_link:
                outer.link_chars += size
    for own, outer in reversed(nested):  # a block's descendants come after it
        own.chars += own.loose_chars
        own.commas += own.loose_commas
        outer.chars += own.chars
        outer.link_chars += own.link_chars
        outer.commas += own.commas
    top.chars += top.loose_chars
    top.commas += top.loose_commas
    return stats


def _count_text(text: str | None, own: TextStats, *, link: bool) -> None:
    """Add a text node's characters and commas to `own` (white space counts for nothing)."""
    if text and (size := len(text.strip())):
        commas = text.count(",") if text.isascii() else _commas(text)
        own.loose_chars += size
        own.loose_commas += commas
        if link:
            own.link_chars += size


def _commas(text: str) -> int:
    """Commas in any script: Latin, CJK (full-width and ideographic) and Arabic."""
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")


def class_weight(element: HtmlElement) -> int:
    names = class_and_id(element)
    if not names:
        return 0
    weight = 0
    if _NEGATIVE.search(names):
        weight -= 25
    if _POSITIVE.search(names):
        weight += 25
    return weight


def is_unlikely(element: HtmlElement) -> bool:
    """A container that by its tag, role or class/id is not the article."""
    if element.tag in _ALWAYS_OUT:
        return True
    if element.get("role") in _UNLIKELY_ROLES:
        return True
    if element.tag in _MAIN_TAGS or element.get("role") == "main":
        return False  # the page says this is its main content, whatever its classes say
    names = class_and_id(element)
    return bool(names) and bool(_UNLIKELY.search(names)) and not _MAYBE.search(names)


def find_content(root: HtmlElement, stats: dict[HtmlElement, TextStats]) -> list[HtmlElement]:
    """The element(s), in document order, that hold the article."""
    body = root.find("body")
    if body is None:
        body = root
    marked = _marked_article_body(body, stats)
    if marked is not None:
        return [marked]
    scores = _score(body, stats, strict=True)
    found = _choose(scores, stats)
    if _clean_chars(found, stats) < _MIN_ARTICLE_CHARS:
        for candidate in _retries(body, stats, scores):
            if _clean_chars(candidate, stats) > _clean_chars(found, stats) * _RETRY_GAIN:
                found = candidate
    return found or [body]


def _retries(
    body: HtmlElement, stats: dict[HtmlElement, TextStats], scores: dict[HtmlElement, float]
) -> Iterator[list[HtmlElement]]:
    """Other choices, when the first holds too little text, each computed only when asked.

    The article may sit in a container whose class looks like furniture ("sidebar-
    layout"): choose again without ruling such containers out. Short teasers whose class
    words score well ("teaser-text") may have outscored it: choose among the containers
    that hold an article's amount of text. Last, take the longest text."""
    yield _choose(_score(body, stats, strict=False), stats)
    yield _choose(scores, stats, min_chars=_MIN_ARTICLE_CHARS)
    yield _longest_text(body, stats)


def _longest_text(body: HtmlElement, stats: dict[HtmlElement, TextStats]) -> list[HtmlElement]:
    """The leaf container with the most text outside links (a last resort)."""
    best, most = None, 0
    for element in body.iter(*_PARAGRAPH_TAGS, *_LEAF_TAGS):
        own = stats.get(element)
        if own is None or (own.has_block_child and element.tag not in _PARAGRAPH_TAGS):
            continue
        clean = own.chars - own.link_chars
        if clean > most and own.link_density() < _LONGEST_MAX_LINK_DENSITY:
            best, most = element, clean
    if best is None or most < _MIN_ARTICLE_CHARS:
        return []
    return [best]


def _choose(
    scores: dict[HtmlElement, float], stats: dict[HtmlElement, TextStats], min_chars: int = 0
) -> list[HtmlElement]:
    """The best-scoring container, grown to the article around it; with `min_chars`,
    among the containers that hold at least that much text outside links and score
    nearly as well as the best (not a page wrapper that holds everything)."""
    candidates = list(scores)
    if min_chars:
        floor = max(scores.values(), default=0.0) * _ARTICLE_SIZED_SHARE
        candidates = [
            e
            for e in candidates
            if scores[e] >= floor
            and e.tag not in ("body", "html")
            and stats[e].chars - stats[e].link_chars >= min_chars
        ]
    if not candidates:
        return []
    ranked = sorted(candidates, key=scores.__getitem__, reverse=True)
    top = _with_kin(_promote(ranked, scores), ranked, scores, stats)
    return _with_siblings(_only_child_wrappers(top), scores, stats)


def _clean_chars(elements: list[HtmlElement], stats: dict[HtmlElement, TextStats]) -> int:
    """Characters of text outside links in the chosen elements."""
    return sum(own.chars - own.link_chars for e in elements if (own := stats.get(e)) is not None)


def _marked_article_body(
    body: HtmlElement, stats: dict[HtmlElement, TextStats]
) -> HtmlElement | None:
    values = _ITEMPROPS(body)
    found = [
        value.getparent()
        for value in (values if isinstance(values, list) else ())
        if isinstance(value, lxml.etree._ElementUnicodeResult) and value == "articleBody"
    ]
    if len(found) == 1 and isinstance(element := found[0], HtmlElement):
        own = stats.get(element)
        return element if own is not None and own.chars >= 200 else None
    return None


def _likely_elements(
    body: HtmlElement, stats: dict[HtmlElement, TextStats]
) -> Iterator[HtmlElement]:
    """Block-level elements outside the containers that are unlikely to be the article. A
    container that holds most of the page's text is no sidebar or header, whatever it is
    called (a mislabelled wrapper, or a page the parser nested inside an unclosed element).

    Only block-level elements are visited, in C, since nothing else is scored; an inline
    element that wraps blocks (``<a class="sidebar-card"><div>…``) is judged when a block
    inside it is reached, and being inline it never holds most of the text. A block with
    too little text to score is passed over with all it holds."""
    page = stats[body].chars if body in stats else 0
    verdicts: dict[tuple[object, ...], bool] = {}  # many elements share tag, role, class, id
    wrapped: dict[HtmlElement, bool] = {}  # inline wrappers judged so far
    walker = lxml.etree.iterwalk(body, events=("start",), tag=BLOCK_TAGS)
    for _event, element in walker:
        if element is body:
            yield element
            continue
        own = stats.get(element)
        if own is not None and own.chars < _SCORED_MIN_CHARS:
            # Too little text to score, and so is every block inside it (they hold part
            # of its text): nothing below can score, whether it is likely or not.
            walker.skip_subtree()
            continue
        if _unlikely(element, verdicts) and (own is None or own.chars < page * _MOST_OF_PAGE):
            walker.skip_subtree()
            continue
        if _in_unlikely_inline(element, stats, verdicts, wrapped):
            walker.skip_subtree()
            continue
        yield element


def _unlikely(element: HtmlElement, verdicts: dict[tuple[object, ...], bool]) -> bool:
    """`is_unlikely`, remembered for each (tag, role, class, id)."""
    get = element.get
    key = (element.tag, get("role"), get("class"), get("id"))
    unlikely = verdicts.get(key)
    if unlikely is None:
        unlikely = verdicts[key] = is_unlikely(element)
    return unlikely


def _in_unlikely_inline(
    element: HtmlElement,
    stats: dict[HtmlElement, TextStats],
    verdicts: dict[tuple[object, ...], bool],
    wrapped: dict[HtmlElement, bool],
) -> bool:
    """Whether an inline element between `element` and its nearest block-level ancestor is
    unlikely to be the article. Each wrapper's answer covers the blocks it holds, so a
    wrapper of many blocks is judged once."""
    chain: list[HtmlElement] = []
    parent = element.getparent()
    inside = False
    while parent is not None and parent not in stats:
        known = wrapped.get(parent)
        if known is not None:
            inside = known
            break
        chain.append(parent)
        parent = parent.getparent()
    for wrapper in reversed(chain):  # outermost first: its verdict covers what it holds
        inside = inside or _unlikely(wrapper, verdicts)
        wrapped[wrapper] = inside
    return inside


def _score(
    body: HtmlElement, stats: dict[HtmlElement, TextStats], strict: bool = True
) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    # Only block-level elements have statistics, so only they can score.
    elements = _likely_elements(body, stats) if strict else body.iter(*BLOCK_TAGS)
    for element in elements:
        if not isinstance(element, HtmlElement):
            continue
        own = stats.get(element)
        if own is None or own.chars < _SCORED_MIN_CHARS:
            continue
        if element.tag in _PARAGRAPH_TAGS or (
            element.tag in _LEAF_TAGS and not own.has_block_child
        ):
            chars, commas = own.chars, own.commas
            receivers = _ancestors(element, body, 5)
        elif element.tag in _LEAF_TAGS and own.loose_chars >= _LOOSE_MIN_CHARS:
            # Running text beside nested blocks scores like the paragraphs it stands for,
            # which the element itself holds.
            chars, commas = own.loose_chars, own.loose_commas
            receivers = itertools.chain((element,), _ancestors(element, body, 4))
        else:
            continue
        points = 1 + commas + min(chars // 100, 3)
        for level, ancestor in enumerate(receivers):
            if ancestor not in scores:
                if ancestor not in stats:
                    continue  # an inline wrapper (<span>, <a>) is never the article
                scores[ancestor] = _initial_score(ancestor)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[ancestor] += points / divider
    for element in scores:
        scores[element] *= 1 - stats[element].link_density()
    return scores


def _ancestors(element: HtmlElement, stop: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    parent = element.getparent()
    count = 0
    while parent is not None and count < limit:
        yield parent
        if parent is stop:
            return
        parent = parent.getparent()
        count += 1


def _initial_score(element: HtmlElement) -> float:
    return _TAG_BONUS.get(element.tag, 0) + class_weight(element)


def _promote(ranked: list[HtmlElement], scores: dict[HtmlElement, float]) -> HtmlElement:
    """Prefer an ancestor that holds the strong runners-up too, or that scores higher."""
    top = ranked[0]
    best = scores[top]
    strong = [e for e in ranked[1:6] if scores[e] >= best * _RUNNER_UP_SHARE]
    # An ancestor that scores nearly as well holds the article with its lead figure and
    # standfirst; separate runners-up pull the choice up to their common ancestor only
    # when there are several of them (as Readability does), not for one rival block.
    wrappers = [e for e in strong if _contains(e, top)]
    rivals = [e for e in strong if not _contains(e, top) and not _contains(top, e)]
    runners = wrappers + (rivals if len(rivals) >= _MIN_RIVALS else [])
    if runners:
        common = _common_ancestor([top, *runners])
        if common is not None and common.tag not in ("body", "html"):
            return common
    parent = top.getparent()
    last = best
    threshold = best / 3
    for _level in range(_MAX_CLIMB):
        if parent is None or parent.tag in ("body", "html"):
            break
        parent_score = scores.get(parent)
        if parent_score is None:
            parent = parent.getparent()
            continue
        if parent_score < threshold:
            break
        if parent_score > last:
            top = parent
            break
        last = parent_score
        parent = parent.getparent()
    return top


def _with_kin(
    top: HtmlElement,
    ranked: list[HtmlElement],
    scores: dict[HtmlElement, float],
    stats: dict[HtmlElement, TextStats],
) -> HtmlElement:
    """Take in the article's other parts: a template that splits the story into several
    containers of the same class ("story-body story-body-1", "story-body-2") puts them
    in different wrappers, out of reach of the sibling step. A page builder nests each
    text block in rows and columns: parts further apart join only when they score
    nearly as well as the best."""
    classes = set((top.get("class") or "").split())
    if not classes:
        return top
    best = scores[ranked[0]]
    kin = [
        e
        for e in ranked[1:_KIN_CANDIDATES]
        if scores[e] >= best * _KIN_SHARE
        and classes & set((e.get("class") or "").split())
        and not _contains(e, top)
        and not _contains(top, e)
    ]
    common = _common_ancestor([top, *kin]) if kin else None
    if common is not None and _depth_below(top, common) > _KIN_LEVELS:
        kin = [e for e in kin if scores[e] >= best * _KIN_FAR_SHARE]
        common = _common_ancestor([top, *kin]) if kin else None
        if common is not None and _depth_below(top, common) > _KIN_FAR_LEVELS:
            return top
    if common is None or common.tag in ("body", "html"):
        return top
    own = stats.get(common)
    return common if own is not None and own.link_density() < _KIN_MAX_LINK_DENSITY else top


def _depth_below(element: HtmlElement, ancestor: HtmlElement) -> int:
    depth, node = 0, element
    while node is not None and node is not ancestor:
        node, depth = node.getparent(), depth + 1
    return depth


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    chains = [list(_ancestors(e, e.getroottree().getroot(), 10_000)) for e in elements]
    first = chains[0]
    for candidate in [elements[0], *first]:
        if all(
            candidate is e or any(candidate is a for a in chain)
            for e, chain in zip(elements, chains, strict=False)
        ):
            return candidate
    return None


def _only_child_wrappers(top: HtmlElement) -> HtmlElement:
    """Climb wrappers that hold nothing but the candidate: its siblings are one level up."""
    parent = top.getparent()
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and len(_element_children(parent)) == 1
    ):
        top, parent = parent, parent.getparent()
    return top


def _element_children(element: HtmlElement) -> list[HtmlElement]:
    return [child for child in element if isinstance(child, HtmlElement)]


def _contains(ancestor: HtmlElement, element: HtmlElement) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _with_siblings(
    top: HtmlElement, scores: dict[HtmlElement, float], stats: dict[HtmlElement, TextStats]
) -> list[HtmlElement]:
    parent = top.getparent()
    if parent is None or top.tag == "body":
        return [top]
    threshold = max(10.0, scores.get(top, 0.0) * 0.2)
    top_class = top.get("class") or ""
    chosen = []
    for sibling in parent:
        if not isinstance(sibling, HtmlElement):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        bonus = scores.get(top, 0.0) * 0.2 if top_class and sibling.get("class") == top_class else 0
        if (
            scores.get(sibling, -1e9) + bonus >= threshold
            or _is_prose_paragraph(sibling, stats)
            or _is_text_rich(sibling, top, stats)
        ):
            chosen.append(sibling)
    return chosen


def _is_text_rich(
    sibling: HtmlElement, top: HtmlElement, stats: dict[HtmlElement, TextStats]
) -> bool:
    """A sibling container with a good share of the article's amount of clean text."""
    own, best = stats.get(sibling), stats.get(top)
    if own is None or best is None or is_unlikely(sibling):
        return False
    return own.chars >= max(_TEXT_RICH_MIN_CHARS, best.chars * 0.1) and own.link_density() < 0.2


def _is_prose_paragraph(element: HtmlElement, stats: dict[HtmlElement, TextStats]) -> bool:
    """A paragraph of prose: a <p>, or a <div> holding only running text (a standfirst)."""
    if element.tag not in ("p", "div"):
        return False
    own = stats.get(element)
    if own is None:
        return False
    if element.tag == "div" and (own.has_block_child or is_unlikely(element)):
        return False
    if own.chars > 80:
        return own.link_density() < 0.25
    if element.tag != "p" or not own.chars or own.link_chars:
        return False
    return bool(re.search(r"\.( |$)", (element.text_content() or "").strip()))
