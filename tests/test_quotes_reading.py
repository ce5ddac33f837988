"""How the quote stage reads a block: sentence starts and cues found token by token.

A block that neither quotes nor cues is read without its sentence list (the people index
only needs its names); these tests pin that the token-by-token tests agree with the full
sentence split, so such a block's names are read exactly as in a fully read block.
"""

from __future__ import annotations

from hypothesis import given, settings

from articlekit._quotes import _text, find_quotes
from tests.strategies import prose, tricky_prose


def _first_of_each_token(text: str) -> list[int]:
    tokens = _text._tokenize(text, (), None)
    firsts = []
    for first, last in _text._sentences(text, tokens, {}):
        firsts += [first] * (last - first)
    return firsts


@settings(max_examples=150, deadline=None)
@given(tricky_prose)
def test_sentence_start_without_sentences_agrees_with_the_sentence_split(text: str) -> None:
    """`sentence_start` on a block read without sentences gives, for every token, the
    first token of the sentence the full split puts it in (abbreviations, initials and
    numbers included)."""
    block = _text.read_block(0, text, ())
    light = block._replace(sentences=(), sentence_of=())
    expected = _first_of_each_token(text)
    assert [_text.sentence_start(light, i) for i in range(len(block.words))] == expected


@settings(max_examples=100, deadline=None)
@given(prose)
def test_a_block_without_quotes_or_cues_is_read_without_sentences(text: str) -> None:
    """Prose with no quote and no speech verb is read lightly: tokens and name runs, no
    sentence list; any other block gets its sentences."""
    block = _text.read_block(0, text, ())
    if block.cue_starts or block.words[-1] == ":":
        assert block.sentences
    else:
        assert block.sentences == ()
        assert block.words


def test_a_capitalized_speech_verb_is_a_cue_only_where_a_sentence_starts() -> None:
    """ "Said" opening a sentence is a cue (found without the sentence list); a capitalized
    "Said" inside one is not."""
    opening = _text.read_block(0, "It rained. Said Ana Ruiz, it will pour.", ())
    assert [opening.words[i] for i in opening.cue_starts] == ["Said"]
    inside = _text.read_block(0, "The Said Business School opened.", ())
    assert inside.cue_starts == []


def test_names_in_lightly_read_blocks_still_resolve_speakers() -> None:
    """A full name in an earlier paragraph without quotes or cues (read lightly) gives a
    later quote's surname speaker its full name."""
    blocks = [
        "Mayor Ana Ruiz opened the new bridge on Monday.",
        "The bridge took four years to build.",
        "“It was worth the wait,” Ruiz said.",
    ]
    (quote,) = find_quotes(blocks)
    assert (quote.speaker, quote.cue) == ("Ana Ruiz", "said")


def test_two_word_cues_are_found_only_where_both_words_stand() -> None:
    """A cue of two words ("according to", "pointed out", ", so") starts at its first
    word when the second follows it, and nowhere when either word stands alone."""
    cases = {
        "The plan failed, according to Ana Ruiz.": ["according"],
        "Ana Ruiz pointed out the flaw.": ["pointed"],
        "Ana Ruiz went to the office, according to staff.": ["according"],
        "Ana went on, so he left.": ["went", ","],
        "It rained all day, to the dismay of everyone.": [],
        "He pointed at the map.": [],
    }
    for text, expected in cases.items():
        block = _text.read_block(0, text, ())
        assert [block.words[i] for i in block.cue_starts] == expected, text


def test_initials_and_abbreviations_are_told_from_words() -> None:
    """Single capitals and dotted initials ("J", "G.K", "U.S") and known abbreviations
    ("Sen") are abbreviated; words, lower-case letters and stray dots are not."""
    for word in ("J", "G.K", "U.S", "A.B.C", "Sen"):
        assert _text.abbreviated(word, word.lower()), word
    for word in ("Trump", "j", "G.k", "GK.L", "A..B", ".", "A.", "1.2"):
        assert not _text.abbreviated(word, word.lower()), word
