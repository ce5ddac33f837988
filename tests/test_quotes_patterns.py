"""The quote stage's regular expressions, written for speed, match what the plain ones do.

`_marks._MARK` and `_text._SPLIT` open with a single character class so that the regex
engine can skip the text between matches without trying the whole pattern at every
character. These tests hold them to the plain alternations they replace, on text made of
the characters where the two could part: quote marks and backticks, letters, digits,
underscores, the joiners inside words and numbers, and odd white space.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from articlekit._quotes import _marks, _text
from articlekit._quotes._text import read_block

# one alternative per kind of mark, tried in this order
_PLAIN_MARK = re.compile(r"''|``|[\"“”„‟«»‹›‘’‚']")
# a word (with inner apostrophes, hyphens, dots), a number, or any other character
_PLAIN_SPLIT = re.compile(r"([^\W\d_]++(?:[’'\-.][^\W_]++)*+|\d++(?:[.,:]\d+)*+(?:[^\W\d_]+)?|\S)")

_MARKS = "\"'`“”„‟«»‹›‘’‚"
_WORDS = "aZéß_1٣²½Ⅳ-.,:’'\u0301\u200b"
_SPACES = " \t\n\xa0\u2003\x1c\x85"  # white space as `str.isspace` and `\s` see it
texts = st.text(alphabet=_MARKS + _WORDS + _SPACES, max_size=40)


@given(texts, st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=5))
@example("``a`b'''c`` ``` '' ' \"'", 0, 0)
def test_mark_pattern_finds_the_plain_alternation_s_marks(text: str, lo: int, cut: int) -> None:
    """Same marks at the same places, also inside a window of the text (as lines are)."""
    end = max(lo, len(text) - cut)

    def marks(pattern: re.Pattern[str]) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in pattern.finditer(text, lo, end)]

    assert marks(_marks._MARK) == marks(_PLAIN_MARK)
    found, plain = _marks._MARK.match(text, lo, end), _PLAIN_MARK.match(text, lo, end)
    assert (found and found.group()) == (plain and plain.group())


@given(texts)
@example("don’t O'Brien 3.5km 1,000 12:30pm U.S.-led x__y ½ Ⅳ٣ café\u0301")
def test_token_pattern_splits_like_the_plain_alternation(text: str) -> None:
    assert _text._SPLIT.split(text) == _PLAIN_SPLIT.split(text)


@given(st.text(alphabet=_SPACES, max_size=8))
def test_a_blank_block_reads_as_an_empty_one(text: str) -> None:
    """A block of white space only is read without tokenizing it: as an empty block."""
    assert read_block(3, text, [])[2:] == read_block(3, "", [])[2:]
