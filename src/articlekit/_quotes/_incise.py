"""Attributions written inside guillemets: « Signer, c’est facile, a reconnu le maire.
Remplacer les chaudières, c’est autre chose. » or «Es difícil —dijo el ministro—, pero…».

French and Spanish put the attribution (the *incise*) inside the marks. It starts with a
comma or dash followed by a speech verb (after an auxiliary: "a reconnu", "ha dicho",
or inverted: "dit-il", "explique-t-elle") and ends at the next full stop, comma or dash.
Such a span is split into two quotes around it, and the incise is left as ordinary text
so the attribution rules read it like any "…," said X.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from articlekit._quotes import _words as words
from articlekit._quotes._marks import QuotedSpan

_GUILLEMETS = frozenset({"«", "»", "‹", "›"})
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-.][^\W_]+)*|\d+|\S")
_DASHES = frozenset({"—", "–", "―"})
_MAX_INCISE_TOKENS = 20


def split_incises(blocks: Sequence[str], spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """The spans with every guillemet quote that holds an incise split around it."""
    result: list[QuotedSpan] = []
    renumber: dict[int, int] = {}
    for number, span in enumerate(spans):
        renumber[number] = len(result)
        chain = renumber.get(span.chain, len(result))
        parts = _split(blocks[span.block], span) if span.glyph in _GUILLEMETS else [span]
        for offset, part in enumerate(parts):
            own = len(result) if offset > 0 else chain
            result.append(part if part.chain == own else attrs.evolve(part, chain=own))
    return result


def _split(text: str, span: QuotedSpan) -> list[QuotedSpan]:
    tokens = list(_TOKEN.finditer(text, span.start, span.end))
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.group() not in (",", *_DASHES) or not _speech_follows(tokens, k + 1):
            continue
        end = _incise_end(tokens, k + 1, token.group() in _DASHES)
        if end is None or end + 1 >= len(tokens):
            continue
        resume = tokens[end].end()
        first = attrs.evolve(
            span,
            end=_rstrip(text, span.start, token.start()),
            close_end=token.start(),
            runs_on=False,
        )
        second = attrs.evolve(
            span, open_at=resume, start=_lstrip(text, resume, span.end), continues=False
        )
        if first.end > first.start and second.end > second.start:
            return [first, *_split(text, second)]
    return [span]


def _speech_follows(tokens: list[re.Match[str]], k: int) -> bool:
    """A speech verb at token k, perhaps after an auxiliary ("a reconnu", "ha dicho")."""
    for index in (k, k + 1):
        if index >= len(tokens):
            return False
        word = tokens[index].group()
        low = word.lower()
        if not word[:1].islower():
            return False
        if (low,) in words.SPEECH_VERBS or _inverted_verb(low):
            return True
        if low not in words.FILLERS:
            return False
    return False


def _inverted_verb(low: str) -> bool:
    """ "dit-il", "explique-t-elle", "a-t-il": a verb joined to its subject pronoun."""
    head, _, tail = low.partition("-")
    pronoun = tail.removeprefix("t-")
    return (
        bool(tail)
        and pronoun in words.PRONOUNS
        and ((head,) in words.SPEECH_VERBS or head in words.FILLERS)
    )


def _incise_end(tokens: list[re.Match[str]], k: int, dashed: bool) -> int | None:
    """The token that closes the incise: its dash, or the next full stop or comma."""
    for index in range(k + 1, min(len(tokens), k + _MAX_INCISE_TOKENS)):
        mark = tokens[index].group()
        if dashed and mark in _DASHES:
            return (
                index + 1 if index + 1 < len(tokens) and tokens[index + 1].group() == "," else index
            )
        following = tokens[index + 1].group()[:1] if index + 1 < len(tokens) else ""
        # ". Remplacer" or ", jusqu’au bout" ends it; ", Paweł Nowicki" is an apposition
        if not dashed and mark == "." and following.isupper():
            return index
        if not dashed and mark == "," and following.islower():
            return index
    return None


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
