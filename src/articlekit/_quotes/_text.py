"""A block as the attribution rules see it: tokens, sentences and name runs.

Each quoted span becomes ONE token, so that the words around a quote can be read as the
writer's sentence ("“…,” said Jane Roe." is the tokens QUOTE , said Jane Roe .) and
nothing inside a quote is ever taken for a speaker or a speech verb. Sentences end at
. ! ? before a capital, a digit or a quote, except after abbreviations and initials
("Donald J. Trump", "U.S."); a quote that ends with . ! ? ends its sentence when a capital
follows. A name run is a stretch of capitalized words, initials and name particles
("Ursula von der Leyen", "Rep. G.K. Butterfield"); titles stay in the run here and are
cut off when the run becomes a name.

Tokens are kept as parallel sequences (`words`, `lows`, `starts`, ...) rather than one
object per token: a block is split by one regular expression call, and every pass over it
(stops, capitalized words, cue words) picks its few candidates with C-level filters
(`compress`, `map`, set look-ups) before any Python runs per token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from itertools import accumulate, compress, count, pairwise
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple, Protocol

from articlekit._quotes import _words as words
from articlekit._quotes._marks import QuotedSpan

# a word (with inner apostrophes, hyphens, dots), a number, or any other character;
# possessive quantifiers: nothing after a part can match what the part gave back. Every
# token opens with a non-space character, read first and then told apart by looking
# back at it: a pattern that opens with one character class lets the engine skip the
# spaces between tokens at C speed (as "word|number|other" it tried all three at each)
_WORD = r"(?<=[^\W\d_])[^\W\d_]*+(?:[’'\-.][^\W_]++)*+"
_NUMBER = r"(?<=\d)\d*+(?:[.,:]\d+)*+(?:[^\W\d_]+)?"
_TOKEN = rf"\S(?:{_WORD}|{_NUMBER}|)"
# split() with the token pattern as its one group: [gap, token, gap, token, ..., gap]
_SPLIT = re.compile(f"({_TOKEN})")
_LONG_BLOCK = 20_000  # characters: longer blocks are read only around their quotes
_CONTEXT = 1_500  # characters read before and after each quote of such a block
_ORG_LINKS = frozenset({"of", "for"})
_STOPS = frozenset({".", "!", "?", "…"})
_POSSESSIVE = ("’s", "'s", "’S", "'S")
_TITLE_WORDS = words.TITLES | words.TITLE_MODIFIERS
_RUN_LINKS = words.NAME_PARTICLES | _ORG_LINKS  # lower-case words inside names
QUOTE_WORD = "“”"  # the one token a quoted span becomes
_first_letter = itemgetter(0)
_NOTHING = ((),) * 14  # the fields after `text` of an empty block
_NO_SPANS: Mapping[int, QuotedSpan] = MappingProxyType({})  # a block without quotes


class Cue(NamedTuple):
    """A speech verb ("said", "a déclaré") or a source phrase ("according to") in a block."""

    start: int  # token range
    end: int
    source: bool  # "according to": the speaker follows it
    text: str


class NameRun(NamedTuple):
    start: int  # token index of the first word of the run (titles included)
    end: int  # token index after the run
    possessive: bool  # "Clinton’s campaign": the run modifies a noun


class BlockText(NamedTuple):
    """One block, tokenized with its quotes masked, split into sentences and name runs.

    Token i is `words[i]` (as written; a quote is `QUOTE_WORD`), `lows[i]` (lower case,
    without a possessive 's), at `text[starts[i]:ends[i]]`; `quote_of[i]` is the number
    of the quoted span it stands for, else -1. A plain tuple of read-only sequences:
    an article has hundreds of blocks, and building one must cost next to nothing."""

    number: int  # the block's place in the article
    text: str
    words: Sequence[str]
    lows: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]
    quote_of: Sequence[int]
    possessive: Sequence[bool]  # "Clinton’s"
    quote_tokens: Sequence[int]  # the tokens that are quotes, ascending
    sentences: Sequence[tuple[int, int]]  # token ranges
    sentence_of: Sequence[int]  # sentence number of each token
    runs: Sequence[NameRun]
    run_of: Sequence[int]  # run number of each token, -1 outside runs
    cues: Sequence[Cue | None]  # the cue that starts at each token
    cue_starts: Sequence[int]  # the tokens where a cue starts, ascending
    sentence_has_cue: Sequence[bool]  # does a speech verb or source phrase occur in it

    def is_capitalized(self, i: int) -> bool:
        return self.quote_of[i] < 0 and self.words[i][0].isupper()


class _Tokenized(Protocol):
    """What the sentence tests read: a block's tokens, or a whole `BlockText`."""

    @property
    def words(self) -> Sequence[str]: ...
    @property
    def lows(self) -> Sequence[str]: ...
    @property
    def starts(self) -> Sequence[int]: ...
    @property
    def ends(self) -> Sequence[int]: ...
    @property
    def quote_of(self) -> Sequence[int]: ...


class _Tokens(NamedTuple):
    words: list[str]
    lows: list[str]
    starts: list[int]
    ends: list[int]
    quote_of: list[int]
    possessive: list[bool]
    quote_tokens: list[int]


def read_block(index: int, text: str, quotes: Sequence[tuple[int, QuotedSpan]]) -> BlockText:
    """Tokenize a block; `quotes` are (span number, span) pairs inside it, in order.

    A block longer than any real paragraph is read only around its quotes, which keeps
    a megabyte of text without quotation marks from costing anything. A block that
    neither quotes nor cues (nor ends with a colon) is only read as far as the people
    index needs it: its sentences, `sentence_of`, `run_of` and `sentence_has_cue` are
    left empty (`sentence_start` finds a sentence's start without them)."""
    if not text or text.isspace():  # an empty block, or a heading left out
        return BlockText(index, text, *_NOTHING)
    windows = _windows(text, quotes) if len(text) > _LONG_BLOCK else None
    tokens = _tokenize(text, quotes, windows)
    if not tokens.words:  # a long block without quotes: nothing is read
        return BlockText(index, text, *_NOTHING)
    spans = dict(quotes) if quotes else _NO_SPANS
    runs = _name_runs(tokens)
    cues, cue_starts = _find_cues(text, tokens, spans)
    if not tokens.quote_tokens and not cue_starts and tokens.words[-1] != ":":
        return BlockText(index, text, *tokens, (), (), runs, (), cues, cue_starts, ())
    sentences = _sentences(text, tokens, spans)
    sentence_of: list[int] = []
    for number, (first, last) in enumerate(sentences):
        sentence_of += [number] * (last - first)
    run_of = [-1] * len(tokens.words)
    for number, run in enumerate(runs):
        run_of[run.start : run.end] = [number] * (run.end - run.start)
    has_cue = [False] * len(sentences)
    for i in cue_starts:
        has_cue[sentence_of[i]] = True
    return BlockText(
        index, text, *tokens, sentences, sentence_of, runs, run_of, cues, cue_starts, has_cue
    )


def _windows(text: str, quotes: Sequence[tuple[int, QuotedSpan]]) -> list[tuple[int, int]]:
    """Merged stretches of `_CONTEXT` characters around each quote, ending at spaces."""
    windows: list[tuple[int, int]] = []
    for _, span in quotes:
        start = max(0, span.open_at - _CONTEXT)
        end = min(len(text), span.close_end + _CONTEXT)
        while start > 0 and not text[start - 1].isspace() and span.open_at - start < 2 * _CONTEXT:
            start -= 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _tokenize(
    text: str, quotes: Sequence[tuple[int, QuotedSpan]], windows: list[tuple[int, int]] | None
) -> _Tokens:
    found: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    quote_tokens: list[int] = []
    if not quotes and windows is None:  # most blocks: one split, offsets by summing
        parts = _SPLIT.split(text)  # [gap, token, gap, token, ..., gap]
        found = parts[1::2]
        offsets = list(accumulate(map(len, parts)))  # where each part ends
        starts = offsets[0:-1:2]
        ends = offsets[1::2]
        return _finish_tokens(text, found, starts, ends, [], quotes)
    position = 0
    for _, span in quotes:
        _words_in_windows(text, position, span.open_at, windows, found, starts, ends)
        quote_tokens.append(len(found))
        found.append(QUOTE_WORD)
        starts.append(span.open_at)
        ends.append(span.close_end)
        position = span.close_end
    _words_in_windows(text, position, len(text), windows, found, starts, ends)
    return _finish_tokens(text, found, starts, ends, quote_tokens, quotes)


def _finish_tokens(
    text: str,
    found: list[str],
    starts: list[int],
    ends: list[int],
    quote_tokens: list[int],
    quotes: Sequence[tuple[int, QuotedSpan]],
) -> _Tokens:
    lows = list(map(str.lower, found))
    possessive = [False] * len(found)
    for i in _possessives(text, found, ends):
        lows[i] = found[i][:-2].lower()
        possessive[i] = True
    quote_of = [-1] * len(found)
    if quotes:  # most blocks have none
        for (number, _), i in zip(quotes, quote_tokens, strict=True):
            quote_of[i] = number
    return _Tokens(found, lows, starts, ends, quote_of, possessive, quote_tokens)


def _possessives(text: str, found: list[str], ends: list[int]) -> list[int]:
    """The tokens that end with a possessive 's ("Clinton’s"), found from the marks."""
    indices: list[int] = []
    if "’" not in text and "'" not in text:
        return indices
    for mark in _POSSESSIVE:
        at = text.find(mark)
        while at >= 0:
            i = bisect.bisect_left(ends, at + 2)
            if (
                i < len(found)
                and ends[i] == at + 2
                and len(found[i]) > 2
                and found[i] != QUOTE_WORD
            ):
                indices.append(i)
            at = text.find(mark, at + 2)
    return indices


def _words_in_windows(
    text: str,
    start: int,
    end: int,
    windows: list[tuple[int, int]] | None,
    found: list[str],
    starts: list[int],
    ends: list[int],
) -> None:
    if windows is None:  # the whole block is read
        _words_between(text, start, end, found, starts, ends)
        return
    first = bisect.bisect_right(windows, (start, len(text) + 1)) - 1
    for lo, hi in windows[max(first, 0) :]:
        if lo >= end:
            break
        if hi > start:
            _words_between(text, max(lo, start), min(hi, end), found, starts, ends)


def _words_between(
    text: str, start: int, end: int, found: list[str], starts: list[int], ends: list[int]
) -> None:
    """Append the tokens of text[start:end] (one regex call, no per-token Python)."""
    if start >= end:
        return
    parts = _SPLIT.split(text if start == 0 and end == len(text) else text[start:end])
    if len(parts) < 3:
        return
    offsets = list(accumulate(map(len, parts), initial=start))  # where each part starts
    found.extend(parts[1::2])
    starts.extend(offsets[1:-1:2])
    ends.extend(offsets[2::2])


def _sentences(
    text: str, tokens: _Tokens, spans: Mapping[int, QuotedSpan]
) -> list[tuple[int, int]]:
    sentences = []
    first = 0
    size = len(tokens.words)
    # only stops and quotes can end a sentence, and only before a capital, a digit or a
    # quote: look at those alone
    stops = compress(count(), map(_STOPS.__contains__, tokens.words))
    ends = sorted([*stops, *tokens.quote_tokens]) if tokens.quote_tokens else stops
    opens = tokens.words
    for i in ends:
        if i + 1 >= size:
            break
        following = opens[i + 1][0]
        if not (following.isupper() or following.isdigit() or tokens.quote_of[i + 1] >= 0):
            continue
        if _ends_sentence(text, tokens, i, spans):
            sentences.append((first, i + 1))
            first = i + 1
    if first < size:
        sentences.append((first, size))
    return sentences


def _ends_sentence(text: str, tokens: _Tokenized, i: int, spans: Mapping[int, QuotedSpan]) -> bool:
    """Does token i, a stop or a quote before a capital, a digit or a quote, end one?"""
    word = tokens.words[i]
    if tokens.quote_of[i] >= 0:
        span = spans[tokens.quote_of[i]]
        return span.end > span.start and text[span.end - 1] in _STOPS and not span.runs_on
    if word not in _STOPS:
        return False
    # "J. Trump", "Sen. Roe": the dot of an abbreviation ends no sentence
    attached = word == "." and i > 0 and tokens.ends[i - 1] == tokens.starts[i]
    return not (attached and abbreviated(tokens.words[i - 1], tokens.lows[i - 1]))


def _opens_sentence(text: str, tokens: _Tokenized, i: int, spans: Mapping[int, QuotedSpan]) -> bool:
    """Does a sentence start at token i? The test `_sentences` makes, at one token."""
    if i == 0:
        return True
    before = i - 1
    if tokens.quote_of[before] < 0 and tokens.words[before] not in _STOPS:
        return False
    following = tokens.words[i][0]
    if not (following.isupper() or following.isdigit() or tokens.quote_of[i] >= 0):
        return False
    return _ends_sentence(text, tokens, before, spans)


def sentence_start(block: BlockText, i: int) -> int:
    """The first token of the sentence token i is in, in a block read with or without
    its sentences (a block without sentences has no quotes)."""
    if block.sentences:
        return block.sentences[block.sentence_of[i]][0]
    while not _opens_sentence(block.text, block, i, {}):
        i -= 1
    return i


def abbreviated(word: str, low: str) -> bool:
    """An initial ("J"), dotted initials ("G.K", "U.S") or a known abbreviation ("Sen")."""
    if low in words.ABBREVIATIONS:
        return True
    if len(word) > 1 and word[1] != ".":  # "Trump": longer than a letter before any dot
        return False
    return all(len(part) == 1 and part.isupper() for part in word.split("."))


def _name_runs(tokens: _Tokens) -> list[NameRun]:
    runs = []
    after = 0
    words_, lows, possessive = tokens.words, tokens.lows, tokens.possessive
    size = len(words_)
    # the capitalized words (a quote's token is not); a run can only start at one
    capitals = compress(count(), map(str.isupper, map(_first_letter, words_)))
    for i in [i for i in capitals if lows[i] not in words.NOT_NAME_WORDS or _opens_name(tokens, i)]:
        if i < after:
            continue
        if not possessive[i] and _ends_after(tokens, i + 1, size):
            runs.append(NameRun(i, i + 1, False))  # a lone name word: "Trump said"
            continue
        end, possessive_run = _run_from(tokens, i)
        if end > i:
            runs.append(NameRun(i, end, possessive_run))
            after = end
    return runs


def _ends_after(tokens: _Tokens, j: int, size: int) -> bool:
    """Nothing at token j can go on with a name: not a capital, a dot, a particle or a link."""
    if j >= size:
        return True
    word = tokens.words[j]
    return not word[0].isupper() and word != "." and tokens.lows[j] not in _RUN_LINKS


def _is_name_word(tokens: _Tokens, i: int) -> bool:
    """A capitalized word that can be part of a name (not "The", not a Title Case "Says")."""
    if tokens.quote_of[i] >= 0 or not tokens.words[i][0].isupper():
        return False
    return tokens.lows[i] not in words.NOT_NAME_WORDS


def _run_from(tokens: _Tokens, i: int) -> tuple[int, bool]:
    """The end of the name run starting at token i (== i when none starts there)."""
    j = i
    size = len(tokens.words)
    lows = tokens.lows
    while j < size:
        if _is_name_word(tokens, j):
            possessive = tokens.possessive[j]
            j += 1
            if _absorbs_dot(tokens, j):
                j += 1
            if possessive:
                return j, True
            if _org_then_name(tokens, j):
                return j, False  # "The Washington Post Trump said": two names
            continue
        if j > i and _middle_initial(tokens, j, size):  # "Julie A. Diaz", "Jane I. Roe"
            j += 2
            continue
        # "Ursula von der Leyen", and capitalized inside a name: "Marine Le Pen"
        particle = lows[j] in words.NAME_PARTICLES and tokens.quote_of[j] < 0
        # "Association of Flight Attendants": "of" inside an organisation's name
        # ... and in a title: "Secretary of State John Kerry"
        if not particle and lows[j] in _ORG_LINKS:
            particle = _has_org_word(lows, i, j) or _all_titles(tokens, i, j)
        if (
            particle
            and (j > i or _opens_name(tokens, j))
            and j + 1 < size
            and _is_name_word(tokens, j + 1)
        ):
            j += 1
            continue
        if particle and j == i + 1 and _double_particle(tokens, j, size):
            j += 2  # a given name, then "von der", "van den", "de la" and the surname
            continue
        break
    return j, False


def _double_particle(tokens: _Tokens, j: int, size: int) -> bool:
    """ "Ursula von der Leyen": two particles between a given name and the surname."""
    if j + 2 >= size or tokens.lows[j + 1] not in words.NAME_PARTICLES:
        return False
    return tokens.quote_of[j + 1] < 0 and _is_name_word(tokens, j + 2)


def _opens_name(tokens: _Tokens, i: int) -> bool:
    """A capitalised particle before a name word opens the name: "De Blasio", "Van Hollen"."""
    nxt = i + 1
    if nxt >= len(tokens.words) or tokens.lows[i] not in words.NAME_PARTICLES:
        return False
    return tokens.words[i][0].isupper() and _is_name_word(tokens, nxt)


def _middle_initial(tokens: _Tokens, j: int, size: int) -> bool:
    """A one-letter initial that is also a word ("A.", "I.") between two name words."""
    word = tokens.words[j]
    if len(word) != 1 or not word.isupper() or j + 2 >= size:
        return False
    return _absorbs_dot(tokens, j + 1) and _is_name_word(tokens, j + 2)


def _has_org_word(lows: list[str], i: int, j: int) -> bool:
    return not words.ORG_WORDS.isdisjoint(lows[i:j])


def _all_titles(tokens: _Tokens, i: int, j: int) -> bool:
    return all(
        low in _TITLE_WORDS
        for word, low in zip(tokens.words[i:j], tokens.lows[i:j], strict=True)
        if word != "."
    )


def _org_then_name(tokens: _Tokens, j: int) -> bool:
    """An organisation word followed by a name word that is not a title ("House Speaker")."""
    if tokens.lows[j - 1] not in words.ORG_WORDS or j >= len(tokens.words):
        return False
    return _is_name_word(tokens, j) and tokens.lows[j] not in words.TITLES


def _absorbs_dot(tokens: _Tokens, j: int) -> bool:
    """The dot of an initial or an abbreviated title belongs to the name: "J." "Sen."."""
    if j >= len(tokens.words) or tokens.words[j] != "." or tokens.starts[j] != tokens.ends[j - 1]:
        return False
    return abbreviated(tokens.words[j - 1], tokens.lows[j - 1])


def _cue_candidates(lows: list[str]) -> list[int]:
    """The tokens whose word can start a cue (a quote's token never does), and whose next
    word can go on with it when the word alone is no cue (", so" but not every comma)."""
    found = (
        []
        if words.CUE_WORDS.isdisjoint(lows)
        else list(compress(count(), map(words.CUE_WORDS.__contains__, lows)))
    )
    seconds = words.CUE_SECOND_WORDS.intersection(lows)
    # most blocks hold a "to" but no "according": no pair can start anywhere then
    firsts = frozenset().union(*map(words.CUE_FIRSTS_BY_SECOND.__getitem__, seconds))
    if not firsts.isdisjoint(lows):
        # every pair of neighbours, looked up in C: no Python runs per comma
        pairs = list(compress(count(), map(words.CUE_PAIRS.__contains__, pairwise(lows))))
        if pairs:
            found.extend(pairs)
            found.sort()
    return found


def _find_cues(
    text: str, tokens: _Tokens, spans: Mapping[int, QuotedSpan]
) -> tuple[list[Cue | None], list[int]]:
    """The cue that starts at each token, and the tokens where one starts."""
    cues: list[Cue | None] = [None] * len(tokens.words)
    starts = []
    for i in _cue_candidates(tokens.lows):
        cue = _cue_at(text, tokens, i, _opens_sentence(text, tokens, i, spans))
        if cue is not None:
            cues[i] = cue
            starts.append(i)
    return cues, starts


def _cue_at(text: str, tokens: _Tokens, i: int, opens_sentence: bool) -> Cue | None:
    """The speech verb or source phrase starting at token i (`opens_sentence`: the
    sentence starts with it)."""
    stop = i + 1  # a phrase ends before the next quote, within four words
    limit = min(i + 4, len(tokens.words))
    while stop < limit and tokens.quote_of[stop] < 0:
        stop += 1
    source = words.longest_phrase(words.SPEECH_SOURCES_BY_FIRST, tokens.lows, i, stop)
    if source:
        return _cue(text, tokens, i, len(source), True)
    verb = words.longest_phrase(words.SPEECH_VERBS_BY_FIRST, tokens.lows, i, stop)
    if verb is None or not (opens_sentence or _verb_reading(tokens, i, verb)):
        return None
    return _cue(text, tokens, i, len(verb), False)


def _cue(text: str, tokens: _Tokens, i: int, size: int, source: bool) -> Cue:
    return Cue(i, i + size, source, text[tokens.starts[i] : tokens.ends[i + size - 1]])


def _verb_reading(tokens: _Tokens, i: int, verb: tuple[str, ...]) -> bool:
    """A cue word inside its sentence is a verb: lower case, and not after a determiner
    or preposition ("his remarks", "for comment", "to say") unless that word is the
    verb's own auxiliary ("a lancé"). (Opening the sentence, it is one anyway.)"""
    if not tokens.words[i][0].islower():
        return False
    before = tokens.lows[i - 1]
    if (before, verb) in words.AUXILIARY_VERBS or before == "to":  # "a lancé", "to accuse"
        return True
    if before in words.COUNTS and not tokens.lows[i].endswith("s"):  # "the two said"
        return True
    return before not in words.DETERMINERS and before not in words.PREPOSITIONS
