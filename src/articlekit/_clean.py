"""Stage 5: drop the page furniture that survives main-content selection.

Works on document blocks, so it serves both input forms. Each rule looks at one block and
its place in the article, never at a site:

- furniture blocks: skip links, comment counts, "Advertisement", newsletter and share
  prompts, "Read more:" teasers, credit lines ("Additional reporting by …", "This story
  originally appeared …"), link lists (the phrases are lexicons, per language);
- captions and credits: blocks the reader marked, and short blocks that carry a picture
  credit ("… Credit: Agency"), are moved to the figures;
- the lead-in before the first prose paragraph: a kicker, the repeated title or dek, a
  byline or dateline;
- the end matter: from a "Most read"/"Related" marker or a comment count on, the blocks
  that are not prose; an author card (an avatar linking to an author page) and the bio
  after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from articlekit import _lexicon
from articlekit._doc import DocBlock
from articlekit._model import Figure


def _phrases(name: str, languages: tuple[str, ...] = _lexicon.LANGUAGES) -> str:
    return "|".join(
        re.escape(entry) for entry in sorted(_lexicon.load(name, languages), key=len, reverse=True)
    )


def _phrase_tree(
    name: str, languages: tuple[str, ...] = _lexicon.LANGUAGES, *, lower: bool = False
) -> str:
    """The phrases as one alternation that shares their common beginnings ("read more",
    "read also" as "read (?:also|more)"), for patterns that are only tested, never asked
    where they match (a flat alternation, longest first, decides which phrase matches).

    It matches the same texts as `_phrases`, and faster: the regex engine enters each
    phrase of a flat alternation at every position it tries, checking one character;
    here, only the phrases that begin with the letters in front of it."""
    tree: dict[str, dict[str, Any]] = {}
    for entry in _lexicon.load(name, languages):
        node = tree
        for char in entry.lower() if lower else entry:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _alternation(tree)


def _alternation(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _alternation(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")


_SKIP_LINK = re.compile(rf"^(?:{_phrase_tree('clean_skip_links')})\W*$", re.IGNORECASE)
_CJK_TOO = (*_lexicon.LANGUAGES, "ja", "zh")  # lexicons that have Chinese and Japanese files
# Markers may be bracketed ("【関連記事】", "» Related"); Chinese and Japanese have them too.
_TAIL_MARKER = re.compile(
    rf"^\W*(?:{_phrase_tree('clean_tail_markers', _CJK_TOO)})\b"
    r"(?:\s+(?:on|in|from|at|\w+)){0,3}\W*$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(rf"^\W*(?:{_phrase_tree('clean_boilerplate_phrases')})\b", re.IGNORECASE)
# Searched anywhere in a block: matched case-sensitively against the lowercased text,
# which the regex engine does several times faster than an IGNORECASE alternation.
_FURNITURE_INSIDE = re.compile(_phrase_tree("clean_furniture_inside", lower=True))
# "By Jo Lane", "Von Jo Lane": also how the Markdown reader tells a byline from a headline
BYLINE_START = re.compile(rf"^\W*(?:{_phrases('clean_byline_prefixes')})\s+\w", re.IGNORECASE)
_DATE_LABEL = re.compile(rf"^\W*(?:{_phrases('clean_date_labels')})\b", re.IGNORECASE)
# Bounded by anything but a Latin letter or digit: CJK datelines run dates into words
# ("2016年10月14日07:17", "18:45配信").
_DATE_LIKE = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:1[89]|20)\d\d|\d{1,2}[:.h]\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
    r"(?![0-9A-Za-z])"
)
_CREDIT_LINE = re.compile(rf"^\W*(?:{_phrase_tree('clean_credit_lines', _CJK_TOO)})", re.IGNORECASE)
_READ_MORE = re.compile(rf"^\W*(?:{_phrase_tree('clean_read_more')})\s*[:»>\-–—|]", re.IGNORECASE)
_COMMENT_WORDS = _phrase_tree("clean_comment_words")
_COMMENT_COUNT = re.compile(
    rf"^\W*(?:\d[\d,.]*\s*(?:{_COMMENT_WORDS})|(?:{_COMMENT_WORDS})\s*\(?\d[\d,.]*\)?)\W*$",
    re.IGNORECASE,
)
# Each form holds a ':', a '(' at the end or a '©': `_may_hold_credit` tests for them first.
_CREDIT = re.compile(
    rf"(?:^|[\s.(|;])(?:{_phrases('clean_credit_labels')})\s*:\s*\S"
    r"|\((?:photo|image|picture|foto)\s+(?:by|:)[^)]*\)\s*$"
    r"|©",
    re.IGNORECASE,
)
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|people|staff|profile|profiles|autor|auteur)s?/", re.I
)
_SENTENCE_END_CHARS = frozenset('.!?…:;"”»’)。！？」』）')
_WORD = re.compile(r"\w+")
# Chinese and Japanese write no spaces between words: there, every two characters of
# a run count as a word (about the length of one), so length limits hold in any script;
# a number with its counter or unit ("2026年", "3月") is one word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_COUNTED_WORD = re.compile(rf"\d+[{_CJK}]|[^\W{_CJK}]+|[{_CJK}]{{1,2}}")
# ASCII text with each character that `\w` matches as "a", any other as a space: a word
# starts at the text's start or at a space before an "a".
_ASCII_WORD_MARKS = bytes(
    ord("a") if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(256)
)
_CREDIT_TAIL_CHARS = 300

_PROSE_MIN_WORDS = 12
_CAPTION_MAX_WORDS = 70
_FURNITURE_MAX_WORDS = 30
_KICKER_MAX_WORDS = 6
_DEK_MIN_WORDS = 8
_DATELINE_MAX_WORDS = 10
_BYLINE_MAX_WORDS = 16
_STANDFIRST_MAX_WORDS = 60
_BIO_MAX_WORDS = 90
_TEASER_MAX_WORDS = 60
_TEASER_HEADING_LINK_SHARE = 0.5
_MIN_TEASERS = 3
# Word counts are only compared with the limits above, so counting stops once it passes the
# limit a caller asks about: a prefix this many characters per word holds more words.
_PREFIX_CHARS_PER_WORD = 12


@attrs.frozen
class Cleaned:
    blocks: tuple[DocBlock, ...]
    figures: tuple[Figure, ...]
    lead_in: tuple[str, ...]  # texts removed before the first prose paragraph (bylines, datelines)


def clean_blocks(
    blocks: Sequence[DocBlock],
    *,
    title: str | None,
    description: str | None,
    drop_deks: bool = True,
) -> Cleaned:
    """Return the body's blocks, the figures and the lead-in texts that were dropped.

    `description` is a summary the body repeats (dropped when it opens the body);
    `drop_deks` drops a sentence-long heading before the first paragraph, the subtitle
    a clipping repeats (a web page's standfirst inside its article stays)."""
    first_prose = _first_prose(blocks, title, description)
    tail_start = _end_matter_start(blocks, first_prose)
    kept: list[DocBlock] = []
    figures: list[Figure] = []
    lead_in: list[str] = []
    skip_until = -1
    announced = _announced_list_items(blocks, tail_start)
    byline = _byline_after_standfirst(blocks, first_prose)
    for index, block in enumerate(blocks[:tail_start]):
        if index <= skip_until:
            continue
        if index == byline:
            lead_in.append(block.text)  # the byline under the standfirst
            continue
        if _is_author_card(block):
            skip_until = _bio_end(blocks, index, tail_start)
            continue
        if "image" in block.hints or not block.text:
            figures.extend(image for image in block.images if image.url)
            continue
        if _is_caption(block):
            figures[-1:] = [_with_caption(figures[-1], block)] if figures else []
            continue
        if _is_furniture(block, announced_list=index in announced):
            continue
        if index < first_prose < len(blocks):
            if _is_lead_in(block, title, description, drop_deks):
                lead_in.append(block.text)
                continue
            block = _without_lead_in_lines(block, title, description, lead_in, drop_deks)
            if not block.text.strip():
                continue
        elif not kept and block.kind == "heading" and _normalise(block.text) == _normalise(title):
            lead_in.append(block.text)  # the headline, on a page with no prose to find
            continue
        kept.append(block)
        figures.extend(image for image in block.images if image.url)
    while kept and kept[-1].kind == "heading" and any(b.kind != "heading" for b in kept):
        kept.pop()  # a heading with nothing of the article after it
    return Cleaned(tuple(kept), tuple(_unique(figures)), tuple(lead_in))


def _first_prose(blocks: Sequence[DocBlock], title: str | None, description: str | None) -> int:
    repeated = {_normalise(title), _normalise(description)} - {""}
    for index, block in enumerate(blocks):
        if is_prose(block) and _normalise(block.text) not in repeated:
            return index
    return len(blocks)


def _word_count(text: str, limit: int) -> int:
    """The number of words, exact up to `limit`; above it, some larger number."""
    prefix = _PREFIX_CHARS_PER_WORD * limit
    if text.isascii():  # most text: counted in C without making a string of each word
        marks = text.encode("ascii").translate(_ASCII_WORD_MARKS)
        in_prefix = marks.startswith(b"a") + marks.count(b" a", 0, prefix)
        if len(text) <= prefix or in_prefix > limit:
            return in_prefix
        return marks.startswith(b"a") + marks.count(b" a")
    # text that opens with no CJK character is counted with the simpler, faster pattern
    words = _COUNTED_WORD if _CJK_CHAR.search(text, 0, prefix) else _WORD
    if len(text) > prefix:
        # a word cut at the prefix's end still counts once: never more than the text has
        in_prefix = len(words.findall(text, 0, prefix))
        if in_prefix > limit:
            return in_prefix
    return len(words.findall(text))


def is_prose(block: DocBlock) -> bool:
    """A paragraph of running text: long enough, punctuated, not a list of links."""
    if block.kind not in ("paragraph", "blockquote") or "caption" in block.hints:
        return False
    tail = block.text[-80:]
    return (
        _ends_sentence(block.text)
        and _word_count(block.text, _PROSE_MIN_WORDS) >= _PROSE_MIN_WORDS
        and block.link_density() < 0.5
        and not (_may_hold_credit(tail) and _CREDIT.search(tail))
    )


def _announced_list_items(blocks: Sequence[DocBlock], end: int) -> frozenset[int]:
    """The list items that the article's own prose announces.

    The items of a list after a paragraph ending in a colon, when prose goes on after
    the list, and the items of a list nested under an item of running text: the list
    is part of the argument ("Three settings matter:"), so items that are only a link
    are its content, not a menu that strayed into the article."""
    found: set[int] = set()
    announcer: DocBlock | None = None
    run_start = 0
    for index, block in enumerate(blocks[:end]):
        if block.kind == "list_item":
            if announcer is not None and announcer.kind == "list_item":
                if block.level > announcer.level:
                    found.add(index)
                    continue
            elif announcer is not None:
                continue  # inside a run after a colon, settled when the run ends
            announcer = block if block.link_density() < 0.5 else None
            continue
        if announcer is not None and announcer.kind == "paragraph" and is_prose(block):
            found.update(range(run_start, index))
        announcer = None
        if block.kind == "paragraph" and block.text.rstrip().endswith(":"):
            announcer, run_start = block, index + 1
    return frozenset(found)


def _is_furniture(block: DocBlock, *, announced_list: bool = False) -> bool:
    text = block.text.strip()
    if "boilerplate" in block.hints:
        return True
    if _SKIP_LINK.match(text) or _COMMENT_COUNT.match(text):
        return True
    if any(
        span.href.startswith("#") and span.end - span.start == len(text) for span in block.links
    ):
        return _SKIP_LINK.match(text) is not None or _COMMENT_COUNT.match(text) is not None
    words = _word_count(text, _FURNITURE_MAX_WORDS)
    if words <= _FURNITURE_MAX_WORDS and (
        _FURNITURE.match(text)
        or _READ_MORE.match(text)
        or _CREDIT_LINE.match(text)
        or _FURNITURE_INSIDE.search(text.lower())
    ):
        return True
    return (
        block.kind != "heading"
        and not announced_list
        and words <= 8
        and block.link_density() > 0.95
        and not _ends_sentence(text)
    )


def _is_caption(block: DocBlock) -> bool:
    if "caption" in block.hints or "credit" in block.hints:
        return True
    return (
        block.kind == "paragraph"
        and _has_trailing_credit(block.text)
        and _word_count(block.text, _CAPTION_MAX_WORDS) <= _CAPTION_MAX_WORDS
    )


def _may_hold_credit(text: str) -> bool:
    """Whether `_CREDIT` can match in `text`: each of its forms needs one of these marks
    (a ':', a '©', or a bracket that closes the text). A cheap test before the slow
    regex, which most paragraphs fail."""
    return ":" in text or "©" in text or ("(" in text and text.rstrip().endswith(")"))


def _last_credit(text: str) -> re.Match[str] | None:
    """The last credit label in the text's tail (a credit ends its caption)."""
    last = None
    start = max(0, len(text) - _CREDIT_TAIL_CHARS)
    if not _may_hold_credit(text[start:]):
        return None
    for last in _CREDIT.finditer(text, start):  # noqa: B007 - the last match is the one
        pass
    return last


def _has_trailing_credit(text: str) -> bool:
    match = _last_credit(text)
    # The credit is the caption's last part: nothing but a name or agency after it.
    return match is not None and _word_count(text[match.end() :], 8) <= 8


def _is_lead_in(
    block: DocBlock, title: str | None, description: str | None, drop_deks: bool
) -> bool:
    text = _normalise(block.text)
    if text and text in (_normalise(title), _normalise(description)):
        return True
    if block.kind == "heading":
        # The headline, when the page title carries the site name too ("Headline | Site"),
        # and a subtitle (dek): a sentence-long heading before any prose.
        full_title = _normalise(title)
        headline = full_title.startswith(text) or full_title.endswith(" " + text)
        dek = drop_deks and len(text.split()) >= _DEK_MIN_WORDS
        return bool(text) and ((headline and block.level <= 2) or dek)
    words = _word_count(block.text, _BYLINE_MAX_WORDS)  # the largest limit below
    dated = _DATE_LIKE.search(block.text)
    labelled = _DATE_LABEL.match(block.text) and words <= _BYLINE_MAX_WORDS
    dateline = dated and (words <= _DATELINE_MAX_WORDS or labelled)
    if _is_byline(block, words) or dateline:
        return True  # metadata, not prose: the text fallbacks read it from `lead_in`
    # a kicker is an element of its own, not the first words of text that <br>s break up
    # (a trail of links cut off that way is still furniture)
    running = "split" in block.hints and not block.links
    return words <= _KICKER_MAX_WORDS and not _ends_sentence(block.text) and not running


def _is_byline(block: DocBlock, words: int) -> bool:
    """A short line that names the author ("By Jo Lane", "Von Jo Lane"); `words` is its
    word count as `_word_count` gives it up to `_BYLINE_MAX_WORDS`."""
    return (
        words <= _BYLINE_MAX_WORDS
        and bool(BYLINE_START.match(block.text))
        and not block.text.endswith(".")
    )


def _byline_after_standfirst(blocks: Sequence[DocBlock], first_prose: int) -> int:
    """Index of a byline paragraph that follows the first prose paragraph when that is a
    standfirst (a sentence or two), with at most a picture between; else -1."""
    if first_prose >= len(blocks):
        return -1
    if _word_count(blocks[first_prose].text, _STANDFIRST_MAX_WORDS) > _STANDFIRST_MAX_WORDS:
        return -1
    for index in range(first_prose + 1, min(first_prose + 3, len(blocks))):
        block = blocks[index]
        if "image" in block.hints or not block.text:
            continue
        words = _word_count(block.text, _BYLINE_MAX_WORDS)
        return index if block.kind == "paragraph" and _is_byline(block, words) else -1
    return -1


def _without_lead_in_lines(
    block: DocBlock,
    title: str | None,
    description: str | None,
    lead_in: list[str],
    drop_deks: bool,
) -> DocBlock:
    """Drop the headline, byline or dateline lines of a block that a <br> held together."""
    if "\n" not in block.text or block.links:
        return block
    kept = []
    for line in block.text.split("\n"):
        if _is_lead_in(attrs.evolve(block, text=line), title, description, drop_deks):
            lead_in.append(line)
        else:
            kept.append(line)
    return attrs.evolve(block, text="\n".join(kept))


def _end_matter_start(blocks: Sequence[DocBlock], first_prose: int) -> int:
    """Index of the first end-matter block: a marker after which no prose follows, or
    the start of the teasers that end the page."""
    end = _teasers_start(blocks)
    if end <= first_prose:
        end = len(blocks)  # teasers and no story before them: a section page, read it all
    for index in range(first_prose + 1, end):
        text = blocks[index].text.strip()
        if not (_TAIL_MARKER.match(text) or _COMMENT_COUNT.match(text)):
            continue
        after = blocks[index + 1 :]
        if not any(is_prose(b) and not b.links and not _is_furniture(b) for b in after):
            return index
    return end


def _teasers_start(blocks: Sequence[DocBlock]) -> int:
    """Where a run of teasers for other stories ends the page, else len(blocks).

    A teaser is a heading that is mostly a link, with at most a picture and one short
    summary after it; a run of them, and the plain heading that labels the run ("Other
    columns"), is a list of other stories, however much each summary reads like prose."""
    start = index = len(blocks)
    teasers = 0
    summaries = 0
    while index > 0:
        index -= 1
        block = blocks[index]
        if block.kind != "heading":
            if "image" in block.hints or not block.text:
                continue
            summaries += 1
            short = _word_count(block.text, _TEASER_MAX_WORDS) <= _TEASER_MAX_WORDS
            if summaries > 1 or block.kind != "paragraph" or not short:
                break
            continue
        if block.link_density() < _TEASER_HEADING_LINK_SHARE:
            break
        teasers += 1
        summaries = 0
        start = index
    if teasers < _MIN_TEASERS:
        return len(blocks)
    label = blocks[start - 1] if start > 0 else None
    if label is not None and label.kind == "heading" and not label.links:
        return start - 1
    return start


def _is_author_card(block: DocBlock) -> bool:
    if "image" not in block.hints:
        return False
    hrefs = (*block.image_links, *(span.href for span in block.links))
    return any(_AUTHOR_PATH.search(href) for href in hrefs)


def _bio_end(blocks: Sequence[DocBlock], card: int, stop: int) -> int:
    """The bio is the short paragraph or two right after an author card."""
    end = card
    for index in range(card + 1, min(card + 3, stop)):
        block = blocks[index]
        if block.kind != "paragraph" or _word_count(block.text, _BIO_MAX_WORDS) > _BIO_MAX_WORDS:
            break
        end = index
    return end


def _with_caption(figure: Figure, block: DocBlock) -> Figure:
    text = block.text.strip()
    if "credit" in block.hints and "caption" not in block.hints:
        return attrs.evolve(figure, credit=text)
    caption, credit = split_credit(text)
    return attrs.evolve(figure, caption=caption or figure.caption, credit=credit or figure.credit)


def split_credit(text: str) -> tuple[str | None, str | None]:
    """Split "A caption. Credit: Agency" into its caption and its credit."""
    match = _last_credit(text)
    if match is None:
        return text or None, None
    caption = text[: match.start()].strip(" .|;(") or None
    credit = text[match.start() :].strip(" .|;()") or None
    return caption, credit


def _ends_sentence(text: str) -> bool:
    end = text.rstrip()[-1:]
    return bool(end) and end in _SENTENCE_END_CHARS


def _normalise(text: str | None) -> str:
    return " ".join(_WORD.findall(text.casefold())) if text else ""


def _unique(figures: Iterable[Figure]) -> list[Figure]:
    seen: dict[str, Figure] = {}
    for figure in figures:
        seen.setdefault(figure.url, figure)
    return list(seen.values())
