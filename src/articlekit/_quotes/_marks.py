"""Quotation marks: tell them from apostrophes and pair them into quoted spans.

The scanner visits every mark once, left to right, over the lines of each block. Whether a
mark opens or closes comes first from its neighbours, as in Markdown's flanking rules: a
mark after a space and before a word opens, one after a word and before a space or
punctuation closes. Only when the neighbours say nothing does the glyph decide (“ opens
in English but closes a German „). So straight, curly, mismatched and French-spaced marks
(« … ») all pair the same way.

Open marks wait on a stack at most three deep: ‘single’ quotes nest inside “double” ones
and the other way round; a second opener with the same glyph replaces the first (the
first one lost its closing mark); an apostrophe that looked like an opener gives way to a
double quote inside it. Apostrophes (don’t, the Clintons’ house, ’90s, rock ’n’ roll) are
recognised by the letters or digits around them. Only outermost quotes are reported.

A quote still open at the end of a paragraph continues when the next paragraph starts
with an opening mark (the multi-paragraph convention): each paragraph's part becomes its
own span, and the parts share a chain id. Otherwise the lone opener is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

import attrs

Role = Literal["open", "close"] | None

# every mark but an apostrophe-like one between two letters or digits (a lone ` too);
# one character class first, so that the engine skips plain text at C speed
_QUOTING = re.compile(r"[\"“”„‟«»‹›‚`'’‘](?:(?<=[\"“”„‟«»‹›‚`])|(?<![^\W_].)|(?![^\W_]))")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts
# a mark, '' or ``; written as one character class first (then what may follow it) so
# that the engine skips the text between marks at C speed: ''|``|[...] would try the
# whole pattern at every character
_MARK = re.compile(r"[\"“”„‟«»‹›‘’‚'`](?:(?<=')'|(?<=`)`|(?<=[\"“”„‟«»‹›‘’‚']))")
_TYPEWRITER = frozenset({'"', "'", "''", "``"})
_DOUBLE = "d"
_SINGLE = "s"
_FAMILY = {
    **dict.fromkeys(('"', "''", "``", "“", "”", "„", "‟", "«", "»"), _DOUBLE),
    **dict.fromkeys(("'", "‘", "’", "‚", "‹", "›"), _SINGLE),
}
_OPENING_GLYPHS = frozenset({"“", "„", "‟", "«", "``", "‘", "‚", "‹"})
# German „…“ ‚…‘ and »…«: the glyph on the left closes the opener on the right.
_CLOSES_OPENER = {"“": "„", "‘": "‚", "«": "»", "‹": "›"}
_APOSTROPHE_LIKE = frozenset({"'", "’", "‘"})
_CLOSING_PUNCT = frozenset(",.;:!?)]}")
_OPEN_PUNCT = frozenset("([{—–-/") | frozenset("\"'“”„‟«»‹›‘’‚")
# Words that start with an apostrophe: 'em, 'til, 'tis, rock 'n' roll.
_ELISIONS = frozenset({"em", "n", "til", "cause", "tis", "twas", "bout", "cos", "round", "s"})
_MAX_DEPTH = 3
_WEAK_CLOSER_LOOKAHEAD = 16


@attrs.frozen
class QuotedSpan:
    """One paragraph's part of a quotation, found from its marks alone."""

    block: int
    open_at: int  # offset of the opening mark
    start: int  # the quoted text, marks and surrounding white space excluded
    end: int
    close_end: int  # just after the closing mark; the line's end when the quote runs on
    chain: int  # index of the first part of a multi-paragraph quote (its own index if single)
    runs_on: bool  # the quote continues in the next paragraph
    continues: bool  # this part continues a quote from the previous paragraph
    glyph: str  # the opening mark


class _Segment(NamedTuple):
    block: int
    start: int
    end: int


class _Open(NamedTuple):
    pos: int
    width: int
    glyph: str
    family: str
    weak: bool  # an apostrophe-like opener: may be an apostrophe after all
    chain: int  # chain id when it continues a quote, else -1


def pair_quotes(blocks: Sequence[str]) -> list[QuotedSpan]:
    """All outermost quoted spans of the blocks, in document order."""
    segments = list(_segments(blocks))
    # a line without a mark, or with only apostrophes inside words (don’t), opens,
    # closes and continues nothing
    marked = [_QUOTING.search(blocks[s.block], s.start, s.end) is not None for s in segments]
    marked.append(False)
    spans: list[QuotedSpan] = []
    carry = -1
    for n, segment in enumerate(segments):
        if not marked[n]:
            carry = -1
            continue
        following = segments[n + 1] if marked[n + 1] else None
        next_opening = _opening_style(blocks[following.block], following) if following else None
        carry = _scan_segment(blocks[segment.block], segment, carry, next_opening, spans)
    return spans


def _segments(blocks: Sequence[str]) -> Iterator[_Segment]:
    """The non-blank lines of every block: a line break ends a paragraph for pairing."""
    for index, text in enumerate(blocks):
        start = 0
        while start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if not text[start:end].isspace() and end > start:
                yield _Segment(index, start, end)
            start = end + 1


def _style(glyph: str) -> tuple[str, bool]:
    """A mark's family and whether it is a typewriter mark: a quote runs on only into a
    paragraph opened in the same style (a straight " excerpt is not continued by a “)."""
    return _FAMILY[glyph], glyph in _TYPEWRITER


def _opening_style(text: str, segment: _Segment) -> tuple[str, bool] | None:
    """The style of the mark that opens the line, if the line starts with one."""
    pos = segment.start
    while pos < segment.end and text[pos].isspace():
        pos += 1
    match = _MARK.match(text, pos, segment.end)
    if match is None:
        return None
    glyph = match.group()
    role = _role(text, segment, pos, glyph, None)
    return _style(glyph) if role == "open" else None


def _scan_segment(
    text: str,
    segment: _Segment,
    carry: int,
    next_opening: tuple[str, bool] | None,
    spans: list[QuotedSpan],
) -> int:
    """Pair the marks of one line; return the chain id if a quote runs on into the next."""
    stack: list[_Open] = []
    marks = list(_MARK.finditer(text, segment.start, segment.end))
    for k, match in enumerate(marks):
        glyph, pos = match.group(), match.start()
        pending = _innermost(stack, _FAMILY[glyph])
        role = _role(text, segment, pos, glyph, pending)
        if role == "close" and _is_weak_closer(text, segment, pos, glyph):
            role = None if _later_single_closer(text, segment, marks, k) else role
        if role == "open":
            chain = carry if (k == 0 and carry >= 0) else -1
            _push(stack, _Open(pos, len(glyph), glyph, _FAMILY[glyph], _weak(glyph), chain))
        elif role == "close":
            _close(text, segment, stack, pos, len(glyph), _FAMILY[glyph], spans)
    return _run_on(text, segment, stack, next_opening, spans)


def _innermost(stack: list[_Open], family: str) -> _Open | None:
    for entry in reversed(stack):
        if entry.family == family:
            return entry
    return None


def _weak(glyph: str) -> bool:
    return glyph in ("'", "’")


def _role(text: str, segment: _Segment, pos: int, glyph: str, pending: _Open | None) -> Role:
    """Whether the mark at `pos` opens, closes, or is no quote mark (an apostrophe)."""
    end = pos + len(glyph)
    before = text[pos - 1] if pos > segment.start else " "
    after = text[end] if end < segment.end else " "
    left = _starts_word(after) and (before.isspace() or before in _OPEN_PUNCT)
    right = not before.isspace() and (after.isspace() or not after.isalnum())
    if glyph in _APOSTROPHE_LIKE and _is_apostrophe(text, segment, pos, end, left):
        return None
    if left and not right:
        return "open"
    if right and not left:
        return "close" if pending is not None else None
    if pending is not None:
        if _CLOSES_OPENER.get(glyph) == pending.glyph or glyph not in _OPENING_GLYPHS:
            return "close"
        return "open"
    if _FAMILY[glyph] == _SINGLE:
        return None  # a lone single mark between spaces is no quote
    return "open" if glyph in _OPENING_GLYPHS or glyph in ('"', "''") else None


def _starts_word(ch: str) -> bool:
    """Can a quotation open before this character? Not before a space, and not before
    closing punctuation (French « … », with its space: the » in "nuit »." closes)."""
    return not ch.isspace() and ch not in _CLOSING_PUNCT


def _is_apostrophe(text: str, segment: _Segment, pos: int, end: int, left: bool) -> bool:
    """don’t, O’Brien (letters on both sides); ’90s, 'em, 'til (an elided word start)."""
    before = text[pos - 1] if pos > segment.start else " "
    after = text[end] if end < segment.end else " "
    if before.isalnum() and after.isalnum():
        return True
    if not left:
        return False
    if after.isdigit():
        return True
    word_end = end
    while word_end < segment.end and word_end - end < 6 and text[word_end].isalpha():
        word_end += 1
    following = text[word_end] if word_end < segment.end else " "
    return text[end:word_end].lower() in _ELISIONS and not following.isalnum()


def _is_weak_closer(text: str, segment: _Segment, pos: int, glyph: str) -> bool:
    """An apostrophe after a plural 's' before a word ("the workers’ money") may be a
    possessive rather than the closing mark."""
    if glyph not in ("'", "’") or pos <= segment.start or text[pos - 1] not in "sS":
        return False
    rest = text[pos + 1 : pos + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].isalnum()


def _later_single_closer(text: str, segment: _Segment, marks: list[re.Match[str]], k: int) -> bool:
    """Is there a clearer single closing mark soon after mark k (before any new opener)?"""
    for match in marks[k + 1 : k + 1 + _WEAK_CLOSER_LOOKAHEAD]:
        glyph = match.group()
        if _FAMILY[glyph] != _SINGLE:
            continue
        role = _role(text, segment, match.start(), glyph, _Open(0, 1, "‘", _SINGLE, True, -1))
        if role == "open":
            return False
        if role == "close" and not _is_weak_closer(text, segment, match.start(), glyph):
            return True
    return False


def _push(stack: list[_Open], opener: _Open) -> None:
    """Open a quote; a second opener of the same glyph replaces the first."""
    for index in range(len(stack) - 1, -1, -1):
        same = stack[index].glyph == opener.glyph
        straight = stack[index].glyph in ('"', "''") and opener.glyph in ('"', "''")
        if stack[index].family == opener.family and (same or straight):
            del stack[index:]
            break
    if opener.family == _SINGLE and stack and stack[-1].family == _SINGLE:
        stack.pop()
    if len(stack) < _MAX_DEPTH:
        stack.append(opener)


def _close(
    text: str,
    segment: _Segment,
    stack: list[_Open],
    pos: int,
    width: int,
    family: str,
    spans: list[QuotedSpan],
) -> None:
    """Close the innermost open quote of the family; report it if it is outermost."""
    index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == family), -1)
    if index < 0:
        return
    opener = stack[index]
    outermost = index == 0 or (family == _DOUBLE and all(entry.weak for entry in stack[:index]))
    del stack[index:]
    if outermost:
        stack.clear()
        _emit(text, segment.block, opener, pos, pos + width, False, spans)


def _run_on(
    text: str,
    segment: _Segment,
    stack: list[_Open],
    next_opening: tuple[str, bool] | None,
    spans: list[QuotedSpan],
) -> int:
    """A quote open at the end of the line continues if the next line opens one."""
    opener = next((entry for entry in stack if not entry.weak), None)
    if opener is None or _style(opener.glyph) != next_opening:
        return -1
    before = len(spans)
    _emit(text, segment.block, opener, segment.end, segment.end, True, spans)
    if len(spans) == before:
        return opener.chain if opener.chain >= 0 else -1
    return spans[-1].chain


def _emit(
    text: str,
    block: int,
    opener: _Open,
    end: int,
    close_end: int,
    runs_on: bool,
    spans: list[QuotedSpan],
) -> None:
    start = opener.pos + opener.width
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":  # “…,” he said: the comma is the writer's
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    first = _ALNUM.search(text, start, end)
    if first is None or (opener.family == _SINGLE and not _ALNUM.search(text, first.end(), end)):
        return  # no letter or digit, or single marks around one character
    chain = opener.chain if opener.chain >= 0 else len(spans)
    spans.append(
        QuotedSpan(
            block=block,
            open_at=opener.pos,
            start=start,
            end=end,
            close_end=close_end,
            chain=chain,
            runs_on=runs_on,
            continues=opener.chain >= 0,
            glyph=opener.glyph,
        )
    )
