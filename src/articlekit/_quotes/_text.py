"""A block as the attribution rules see it: tokens, sentences and name runs.

Each quoted span becomes ONE token, so that the words around a quote can be read as the
writer's sentence ("“…,” said Jane Roe." is the tokens QUOTE , said Jane Roe .) and
nothing inside a quote is ever taken for a speaker or a speech verb. Sentences end at
. ! ? before a capital, a digit or a quote, except after abbreviations and initials
("Donald J. Trump", "U.S."); a quote that ends with . ! ? ends its sentence when a capital
follows. A name run is a stretch of capitalized words, initials and name particles
("Ursula von der Leyen", "Rep. G.K. Butterfield"); titles stay in the run here and are
cut off when the run becomes a name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from articlekit._quotes import _words as words
from articlekit._quotes._marks import QuotedSpan

_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-.][^\W_]+)*|\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?|\S")
_LONG_BLOCK = 20_000  # characters: longer blocks are read only around their quotes
_CONTEXT = 1_500  # characters read before and after each quote of such a block
_ORG_LINKS = frozenset({"of", "for"})
_STOPS = frozenset({".", "!", "?", "…"})
_POSSESSIVE = ("’s", "'s", "’S", "'S")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, without a possessive 's
    quote: int  # index of the quoted span this token stands for, else -1
    possessive: bool


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


@attrs.frozen
class BlockText:
    """One block, tokenized with its quotes masked, split into sentences and name runs."""

    index: int
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]  # token ranges
    sentence_of: tuple[int, ...]  # sentence number of each token
    runs: tuple[NameRun, ...]
    run_of: tuple[int, ...]  # run number of each token, -1 outside runs
    cues: tuple[Cue | None, ...]  # the cue that starts at each token
    sentence_has_cue: tuple[bool, ...]  # does a speech verb or source phrase occur in it


def read_block(index: int, text: str, quotes: Sequence[tuple[int, QuotedSpan]]) -> BlockText:
    """Tokenize a block; `quotes` are (span number, span) pairs inside it, in order.

    A block longer than any real paragraph is read only around its quotes, which keeps
    a megabyte of text without quotation marks from costing anything."""
    windows = _windows(text, quotes) if len(text) > _LONG_BLOCK else [(0, len(text))]
    tokens = _tokenize(text, quotes, windows)
    sentences = _sentences(text, tokens, dict(quotes))
    sentence_of: list[int] = []
    for number, (first, last) in enumerate(sentences):
        sentence_of.extend([number] * (last - first))
    runs = _name_runs(tokens)
    run_of = [-1] * len(tokens)
    for number, run in enumerate(runs):
        run_of[run.start : run.end] = [number] * (run.end - run.start)
    cues = _find_cues(text, tokens, sentences)
    return BlockText(
        index,
        text,
        tuple(tokens),
        tuple(sentences),
        tuple(sentence_of),
        tuple(runs),
        tuple(run_of),
        cues,
        tuple(any(c is not None for c in cues[first:last]) for first, last in sentences),
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
    text: str, quotes: Sequence[tuple[int, QuotedSpan]], windows: list[tuple[int, int]]
) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for number, span in quotes:
        tokens.extend(_words_in_windows(text, position, span.open_at, windows))
        tokens.append(Token(span.open_at, span.close_end, "“”", "“”", number, False))
        position = span.close_end
    tokens.extend(_words_in_windows(text, position, len(text), windows))
    return tokens


def _words_in_windows(
    text: str, start: int, end: int, windows: list[tuple[int, int]]
) -> list[Token]:
    found: list[Token] = []
    first = bisect.bisect_right(windows, (start, len(text) + 1)) - 1
    for lo, hi in windows[max(first, 0) :]:
        if lo >= end:
            break
        if hi > start:
            found.extend(_words_between(text, max(lo, start), min(hi, end)))
    return found


def _words_between(text: str, start: int, end: int) -> list[Token]:
    found: list[Token] = []
    append = found.append
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if word[-2:] in _POSSESSIVE and len(word) > 2:
            append(Token(match.start(), match.end(), word, word[:-2].lower(), -1, True))
        else:
            append(Token(match.start(), match.end(), word, word.lower(), -1, False))
    return found


def is_capitalized(token: Token) -> bool:
    return token.quote < 0 and token.text[0].isupper()


def _sentences(
    text: str, tokens: list[Token], spans: dict[int, QuotedSpan]
) -> list[tuple[int, int]]:
    sentences = []
    first = 0
    # only stops and quotes can end a sentence: look at those alone
    ends = [i for i, t in enumerate(tokens) if t.quote >= 0 or t.text in _STOPS]
    for i in ends:
        if i + 1 < len(tokens) and _ends_sentence(text, tokens, i, spans):
            sentences.append((first, i + 1))
            first = i + 1
    if first < len(tokens):
        sentences.append((first, len(tokens)))
    return sentences


def _ends_sentence(text: str, tokens: list[Token], i: int, spans: dict[int, QuotedSpan]) -> bool:
    token, following = tokens[i], tokens[i + 1]
    opens_next = following.quote >= 0 or following.text[0].isupper() or following.text[0].isdigit()
    if not opens_next:
        return False
    if token.quote >= 0:
        span = spans[token.quote]
        return span.end > span.start and text[span.end - 1] in _STOPS and not span.runs_on
    if token.text not in _STOPS:
        return False
    if token.text == "." and i > 0 and tokens[i - 1].end == token.start:
        before = tokens[i - 1]
        if _abbreviated(before):
            return False
    return True


def _abbreviated(token: Token) -> bool:
    """An initial ("J"), dotted initials ("G.K", "U.S") or a known abbreviation ("Sen")."""
    initials = all(len(part) == 1 and part.isupper() for part in token.text.split("."))
    return initials or token.low in words.ABBREVIATIONS


def _name_runs(tokens: list[Token]) -> list[NameRun]:
    runs = []
    after = 0
    for i in [i for i, t in enumerate(tokens) if t.text[0].isupper() and t.quote < 0]:
        if i < after:
            continue
        end, possessive = _run_from(tokens, i)
        if end > i:
            runs.append(NameRun(i, end, possessive))
            after = end
    return runs


def _is_name_word(token: Token) -> bool:
    """A capitalized word that can be part of a name (not "The", not a Title Case "Says")."""
    if not is_capitalized(token) or token.low in words.NOT_NAMES:
        return False
    return (token.low,) not in words.SPEECH_VERBS


def _run_from(tokens: list[Token], i: int) -> tuple[int, bool]:
    """The end of the name run starting at token i (== i when none starts there)."""
    j = i
    while j < len(tokens):
        token = tokens[j]
        if _is_name_word(token):
            j += 1
            if _absorbs_dot(tokens, j):
                j += 1
            if token.possessive:
                return j, True
            if _org_then_name(tokens, j):
                return j, False  # "The Washington Post Trump said": two names
            continue
        # "Ursula von der Leyen", and capitalized inside a name: "Marine Le Pen"
        particle = token.low in words.NAME_PARTICLES and token.quote < 0
        # "Association of Flight Attendants": "of" inside an organisation's name
        # ... and in a title: "Secretary of State John Kerry"
        linked = _has_org_word(tokens, i, j) or _all_titles(tokens, i, j)
        particle = particle or (token.low in _ORG_LINKS and linked)
        if particle and j > i and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]):
            j += 1
            continue
        break
    return j, False


def _has_org_word(tokens: list[Token], i: int, j: int) -> bool:
    return any(t.low in words.ORG_WORDS for t in tokens[i:j])


def _all_titles(tokens: list[Token], i: int, j: int) -> bool:
    titles = words.TITLES | words.TITLE_MODIFIERS
    return all(t.low in titles for t in tokens[i:j] if t.text != ".")


def _org_then_name(tokens: list[Token], j: int) -> bool:
    """An organisation word followed by a name word that is not a title ("House Speaker")."""
    if tokens[j - 1].low not in words.ORG_WORDS or j >= len(tokens):
        return False
    following = tokens[j]
    return _is_name_word(following) and following.low not in words.TITLES


def _absorbs_dot(tokens: list[Token], j: int) -> bool:
    """The dot of an initial or an abbreviated title belongs to the name: "J." "Sen."."""
    if j >= len(tokens) or tokens[j].text != "." or tokens[j].start != tokens[j - 1].end:
        return False
    return _abbreviated(tokens[j - 1])


def _find_cues(
    text: str, tokens: list[Token], sentences: list[tuple[int, int]]
) -> tuple[Cue | None, ...]:
    cues: list[Cue | None] = [None] * len(tokens)
    starts = words.CUE_FIRST_WORDS
    candidates = [i for i, t in enumerate(tokens) if t.low in starts and t.quote < 0]
    number = 0
    for i in candidates:
        while sentences[number][1] <= i:
            number += 1
        cues[i] = _cue_at(text, tokens, i, sentences[number][0])
    return tuple(cues)


def _cue_at(text: str, tokens: list[Token], i: int, first: int) -> Cue | None:
    """The speech verb or source phrase starting at token i of a sentence from `first`."""
    lows: list[str] = []
    for token in tokens[i : i + 4]:
        if token.quote >= 0:
            break
        lows.append(token.low)
    source = words.starts_phrase(words.SPEECH_SOURCES, lows, 0)
    if source:
        return _cue(text, tokens, i, len(source), True)
    verb = words.starts_phrase(words.SPEECH_VERBS, lows, 0)
    if verb is None or not _verb_reading(tokens, i, first, verb):
        return None
    return _cue(text, tokens, i, len(verb), False)


def _cue(text: str, tokens: list[Token], i: int, size: int, source: bool) -> Cue:
    return Cue(i, i + size, source, text[tokens[i].start : tokens[i + size - 1].end])


def _verb_reading(tokens: list[Token], i: int, first: int, verb: tuple[str, ...]) -> bool:
    """A cue word is a verb here: lower case (or opening the sentence), and not after a
    determiner or preposition ("his remarks", "for comment", "to say") unless that word
    is the verb's own auxiliary ("a lancé")."""
    if i == first:
        return True
    if not tokens[i].text[0].islower():
        return False
    before = tokens[i - 1].low
    if (before, verb) in words.AUXILIARY_VERBS or before == "to":  # "a lancé", "to accuse"
        return True
    return before not in words.DETERMINERS and before not in words.PREPOSITIONS
