"""Direct or partial, and whether a quoted span is speech at all.

A quote is *direct* when it is a sentence (or more) that stands on its own: it opens the
paragraph or the sentence, or follows a speech verb with a comma or colon ("she said,
“…”", "said: “…”"). A quote that starts in lower case is a fragment of the writer's
sentence (*partial*) unless a speech verb and a comma lead into it ("“Every time,” he
said, “there is a new demand.”"). Everything else embedded in the writer's sentence is
partial, even when it ends with a full stop inside the marks (as a “red line.”).

Not every quoted span is speech. Labels, titles and nicknames are left out: a span after
"so-called", "dubbed", "known as" (any language's list); after "call it / the" when no
speaker is named; a single quoted word inside a sentence without a speech verb
(the “family” culture); a short Title Case phrase inside a sentence without a speech
verb (a show, a book, a bill's name), or governed by a preposition even next to a speech
verb (said on “Face the Nation”, during a “Town Hall Forum”, told CNN’s “State of the
Union”): speech is never the object of a preposition or owned by someone. A short Title
Case span between two capitalised words is a nickname (Marcia “Cia” Price). A span that
stands as a sentence of its own and ends outside its marks, with no speaker or speech verb
(Hamer, David. “Seddon, Richard John”. Dictionary of …), is a cited title: references and
bibliographies quote titles that way, while quoted speech keeps its full stop inside.
"""

from __future__ import annotations

from typing import Literal

from articlekit._quotes import _words as words
from articlekit._quotes._attribution import cues_in
from articlekit._quotes._marks import QuotedSpan
from articlekit._quotes._text import BlockText

Kind = Literal["direct", "partial"]

_LEADS_INTO_SENTENCE = frozenset(".!?:;—–-([…")
_CUE_REACH = 6
_RESUME_REACH = 30
_MAX_TITLE_WORDS = 6
_FUNCTION_WORDS = (
    frozenset(words.PRONOUNS) | words.PREPOSITIONS | words.DETERMINERS | words.RELATIVES
)


def quote_kind(block: BlockText, qi: int, span: QuotedSpan) -> Kind:
    inner = block.text[span.start : span.end]
    first_letter = next((ch for ch in inner if ch.isalpha()), "")
    whole = len(inner.split(maxsplit=1)) >= 2 or inner.rstrip()[-1:] in (".", "!", "?", "…")
    if qi == 0 or span.continues:
        return "direct" if whole else "partial"
    previous = block.words[qi - 1]
    if first_letter.islower():
        led_by_cue = previous in (",", ":") and (_cue_near(block, qi) or _resumes(block, qi))
        return "direct" if led_by_cue else "partial"
    if block.quote_of[qi - 1] >= 0 or previous in _LEADS_INTO_SENTENCE or previous == ",":
        return "direct" if whole else "partial"
    if _cue_near(block, qi, reach=1):
        return "direct"
    return "partial"


def _cue_near(block: BlockText, qi: int, reach: int = _CUE_REACH) -> bool:
    """Does a speech verb end within `reach` tokens before the quote (punctuation aside)?"""
    lo = qi
    counted = 0
    while lo > 0 and counted < reach and block.quote_of[lo - 1] < 0:
        lo -= 1
        counted += block.words[lo][0].isalnum()
    return bool(cues_in(block, lo, qi))


def _resumes(block: BlockText, qi: int) -> bool:
    """„…“, sagte Dagmar Föhrenbach, Leiterin der Schule, „und zwar …“: the quote goes on
    after an attribution that interrupts it."""
    first = block.sentences[block.sentence_of[qi]][0]
    lo = qi - 1
    while lo > first and block.quote_of[lo] < 0 and qi - lo < _RESUME_REACH:
        lo -= 1
    return block.quote_of[lo] >= 0 and bool(cues_in(block, lo + 1, qi))


def is_label(block: BlockText, qi: int, span: QuotedSpan, named: bool, has_cue: bool) -> bool:
    """A quoted label, title or nickname rather than speech (see the module docstring)."""
    before = [block.lows[k] for k in range(max(0, qi - 3), qi) if block.quote_of[k] < 0]
    if _ends_with_phrase(before, words.LABEL_MARKERS):
        return True
    if not named and _ends_with_phrase(before, words.WEAK_LABEL_MARKERS):
        return True
    # a phrase of more words is no title: its words past that are not split apart
    inner = block.text[span.start : span.end].split(maxsplit=_MAX_TITLE_WORDS)
    if len(block.words) == 1 and _title_case(inner, allow_stop=True):
        return True  # a quoted subheading: 'All Bets Are Off.'
    if len(inner) == 1 and not named and _modifies_next_word(block, qi, span):
        return True  # the “family” culture
    if _inside_a_name(block, qi) and _title_case(inner):
        return True  # a nickname: Marcia “Cia” Price
    if _after_preposition(block, qi) and _title_case(inner, allow_stop=True):
        return True  # said on “Face the Nation.”
    if not named and not has_cue and _cited_title(block, qi, span):
        return True  # Hamer, David. “Seddon, Richard John”. Dictionary of …
    if has_cue or not _embedded(block, qi):
        return False
    return len(inner) == 1 or _title_case(inner)


def _cited_title(block: BlockText, qi: int, span: QuotedSpan) -> bool:
    """A sentence of its own that ends outside the marks (“Title”.): a cited title, the
    way references and bibliographies quote one; quoted speech ends inside them."""
    if block.text[span.close_end : span.close_end + 1] != ".":
        return False
    if block.text[span.start : span.end].rstrip()[-1:] in (".", "!", "?", "…", ","):
        return False
    return qi == 0 or block.words[qi - 1] == "."


def _after_preposition(block: BlockText, qi: int) -> bool:
    """on “Face the Nation”, during a “Forum”, MSNBC’s “Morning Joe” (owned like a thing)."""
    k = qi - 1
    if k >= 0 and block.possessive[k] and block.quote_of[k] < 0:
        return True
    if k >= 0 and block.lows[k] in words.DETERMINERS and block.quote_of[k] < 0:
        k -= 1
    return k >= 0 and block.lows[k] in words.PREPOSITIONS and block.quote_of[k] < 0


def _inside_a_name(block: BlockText, qi: int) -> bool:
    """Between two capitalised words with nothing else around it: Dwayne “The Rock” Johnson."""
    if qi == 0 or qi + 1 >= len(block.words):
        return False
    neighbours = (qi - 1, qi + 1)
    return all(block.quote_of[k] < 0 and block.words[k][:1].isupper() for k in neighbours)


def _embedded(block: BlockText, qi: int) -> bool:
    """Inside the writer's sentence, not opening it (“Salt and Iron”, traces …)."""
    if qi == 0:
        return False
    return block.quote_of[qi - 1] < 0 and block.words[qi - 1] not in (".", "!", "?", ":", "…")


def _modifies_next_word(block: BlockText, qi: int, span: QuotedSpan) -> bool:
    """“family” culture: a quoted word right before a lower-case word, nothing between."""
    if span.close_end - span.end > 2 or block.text[span.end : span.end + 1] in ",.;:!?":
        return False
    following = qi + 1
    if following >= len(block.words) or block.quote_of[following] >= 0:
        return False
    if not block.words[following][0].islower():
        return False
    low = block.lows[following]
    function_word = low in _FUNCTION_WORDS
    return not function_word and low not in words.FILLERS and block.cues[following] is None


def _ends_with_phrase(lows: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(lows[-size:]) in phrases for size in range(1, min(3, len(lows)) + 1))


def _title_case(inner: list[str], allow_stop: bool = False) -> bool:
    """“Big Beautiful Bill”: every word of a short phrase capitalized, no sentence end."""
    if len(inner) > _MAX_TITLE_WORDS or (inner[-1][-1:] in (".", "!", "?") and not allow_stop):
        return False
    significant = [w for w in inner if len(w) > 3 or w[:1].isupper()]
    return bool(significant) and all(w[:1].isupper() for w in significant)
