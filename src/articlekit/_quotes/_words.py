"""The word lists the quote stage reads, loaded once as immutable sets.

Every list is data in ``articlekit/lexicons`` (one entry per line, all languages merged):
extending the stage to a new phrasing or language means adding lines there, not code.
Entries are compared in lower case; a phrase of several words is kept as a tuple of
tokens so that it can be matched against the token stream.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from articlekit._lexicon import LANGUAGES, load

_PHRASE_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-.][^\W_]+)*|\d+|\S")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase the way the tokenizer splits text ("points out" -> 2 tokens)."""
    return tuple(_PHRASE_TOKEN.findall(phrase.lower()))


def _words(name: str) -> frozenset[str]:
    return frozenset(entry.lower().rstrip(".") for entry in load(name))


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_tokens(entry) for entry in load(name))


def _genders(name: str) -> Mapping[str, str]:
    """Entries "word gender" (gender m, f or n) as a read-only mapping."""
    pairs = (entry.split() for entry in load(name))
    table = {p[0].lower(): p[1] for p in pairs if len(p) == 2 and p[1] in ("m", "f", "n")}
    return MappingProxyType(table)


SPEECH_VERBS: frozenset[tuple[str, ...]] = _phrases("speech_verbs")
SPEECH_SOURCES: frozenset[tuple[str, ...]] = _phrases("speech_sources")
FILLERS: frozenset[str] = _words("speech_fillers")
# titles only when written with their dot ("Del."): a lexicon line ending in "."
DOTTED_TITLES: frozenset[str] = frozenset(
    entry.lower()[:-1] for entry in load("quote_titles") if entry.endswith(".")
)
TITLES: frozenset[str] = (
    frozenset(w for w in _words("quote_titles") if not w.startswith("-")) - DOTTED_TITLES
)
TITLE_ENDINGS: frozenset[str] = frozenset(
    w[1:] for w in _words("quote_titles") if w.startswith("-")
)
TITLE_ENDING_SIZES: tuple[int, ...] = tuple(sorted({len(e) for e in TITLE_ENDINGS}))
TITLE_MODIFIERS: frozenset[str] = _words("quote_title_modifiers")
NOT_NAMES: frozenset[str] = _words("quote_not_names")
ORG_WORDS: frozenset[str] = _words("quote_org_words")
PRONOUNS: Mapping[str, str] = _genders("quote_pronouns")
POSSESSIVES: Mapping[str, str] = _genders("quote_possessives")
FEMALE_NAMES: frozenset[str] = _words("quote_given_names_female")
MALE_NAMES: frozenset[str] = _words("quote_given_names_male")
GIVEN_NAMES: frozenset[str] = FEMALE_NAMES | MALE_NAMES
LABEL_MARKERS: frozenset[tuple[str, ...]] = _phrases("quote_label_markers")
WEAK_LABEL_MARKERS: frozenset[tuple[str, ...]] = _phrases("quote_label_weak")
PREPOSITIONS: frozenset[str] = _words("quote_prepositions")
DETERMINERS: frozenset[str] = _words("quote_determiners")
ABBREVIATIONS: frozenset[str] = _words("quote_abbreviations") | TITLES | DOTTED_TITLES
COORDINATORS: frozenset[str] = _words("quote_coordinators")
TIME_WORDS: frozenset[str] = _words("quote_time_words")
COUNTS: frozenset[str] = _words("quote_counts")
DOCUMENT_NOUNS: frozenset[str] = _words("quote_document_nouns")
RELATIVES: frozenset[str] = _words("quote_relatives")
NAME_PARTICLES: frozenset[str] = _words("quote_name_particles")
NAME_SUFFIXES: frozenset[str] = _words("quote_name_suffixes")

TITLE_GENDERS: Mapping[str, str] = _genders("quote_title_genders")


def _auxiliaries() -> frozenset[tuple[str, tuple[str, ...]]]:
    """(auxiliary, verb) pairs of one language: French "a" + "lancé" is a verb, while
    English "a" + "comment" is a noun."""
    pairs: set[tuple[str, tuple[str, ...]]] = set()
    for lang in LANGUAGES:
        verbs = {phrase_tokens(v) for v in load("speech_verbs", (lang,))}
        for aux in load("speech_fillers", (lang,)):
            pairs.update((aux.lower(), verb) for verb in verbs)
    return frozenset(pairs)


AUXILIARY_VERBS: frozenset[tuple[str, tuple[str, ...]]] = _auxiliaries()
# Capitalized words that never belong to a name: "The", and a Title Case "Says".
NOT_NAME_WORDS: frozenset[str] = NOT_NAMES | frozenset(p[0] for p in SPEECH_VERBS if len(p) == 1)
# First words of cue phrases: most tokens are rejected by one set lookup.
CUE_FIRST_WORDS: frozenset[str] = frozenset(p[0] for p in SPEECH_VERBS | SPEECH_SOURCES if p)


_MAX_PHRASE_WORDS = 4  # longer phrases are never matched


def _by_first_word(
    phrases: frozenset[tuple[str, ...]],
) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """Phrases of at most four words by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if 0 < len(phrase) <= _MAX_PHRASE_WORDS:
            table.setdefault(phrase[0], []).append(phrase)
    return MappingProxyType(
        {first: tuple(sorted(found, key=len, reverse=True)) for first, found in table.items()}
    )


SPEECH_VERBS_BY_FIRST = _by_first_word(SPEECH_VERBS)
SPEECH_SOURCES_BY_FIRST = _by_first_word(SPEECH_SOURCES)


def _next_words(
    phrases: frozenset[tuple[str, ...]],
) -> Mapping[str, frozenset[str]]:
    """For a first word that is no phrase by itself (", so", "point out"): the words that
    can follow it in a phrase. A comma is a cue's first word, and nearly never starts one."""
    singles = {p[0] for p in phrases if len(p) == 1}
    table: dict[str, set[str]] = {}
    for phrase in phrases:
        if len(phrase) >= 2 and phrase[0] not in singles:
            table.setdefault(phrase[0], set()).add(phrase[1])
    return MappingProxyType({first: frozenset(found) for first, found in table.items()})


CUE_NEXT_WORDS: Mapping[str, frozenset[str]] = _next_words(SPEECH_VERBS | SPEECH_SOURCES)
# A cue can start at a word of CUE_WORDS, or at the first of two words of CUE_PAIRS.
CUE_WORDS: frozenset[str] = CUE_FIRST_WORDS - CUE_NEXT_WORDS.keys()
CUE_PAIRS: frozenset[tuple[str, str]] = frozenset(
    (first, second) for first, seconds in CUE_NEXT_WORDS.items() for second in seconds
)
CUE_SECOND_WORDS: frozenset[str] = frozenset(second for _, second in CUE_PAIRS)
# The first words each second word pairs with ("to": "according").
CUE_FIRSTS_BY_SECOND: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        second: frozenset(first for first, other in CUE_PAIRS if other == second)
        for second in CUE_SECOND_WORDS
    }
)


def longest_phrase(
    table: Mapping[str, tuple[tuple[str, ...], ...]], lows: Sequence[str], i: int, stop: int
) -> tuple[str, ...] | None:
    """The longest phrase of `table` that starts at lows[i] and ends before lows[stop]."""
    for phrase in table.get(lows[i], ()):
        size = len(phrase)
        if i + size <= stop and (size == 1 or tuple(lows[i : i + size]) == phrase):
            return phrase
    return None


def starts_phrase(
    phrases: frozenset[tuple[str, ...]], words: list[str], i: int
) -> tuple[str, ...] | None:
    """The longest phrase of `phrases` that starts at words[i], or None."""
    best: tuple[str, ...] | None = None
    for size in range(1, 5):
        candidate = tuple(words[i : i + size])
        if len(candidate) < size:
            break
        if candidate in phrases:
            best = candidate
    return best
