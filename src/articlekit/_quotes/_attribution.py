"""Attribution: find the speech verb (cue) of a quote and the phrase that names its speaker.

The quote is one token of its sentence, so the rules read the writer's words around it:

1. After the quote, the first cue decides. Nothing but punctuation between quote and
   cue means an inverted attribution ("…," said Jane Roe / sagte sie / a lancé la maire
   de Lyon, Sandrine Morel): the speaker is the noun phrase after the cue. Words before
   the cue are its subject ("…," Jane Roe, 21, a student who …, said). "according to X",
   "selon X", "…“, so X" name the source after them. A German verb at the end of the
   clause ("… „…“ bezeichnete.") points back to the name before the quote.
2. A dash and a name after the quote: “…” — Jane Roe.
3. Before the quote, the nearest cue whose subject is a name or a pronoun: "Jane Roe
   said that there would be a “…”". Subjects that are only descriptions ("shops in the
   town had reported") give way to a farther cue with a named subject; a cue joined by
   "and" shares the subject of the cue before it.
4. "Jane Roe: “…”".
5. A bare attribution sentence right after the quote ("“It ends.” Roe said.", "“Who
   knew?” Roe said, looking at the crowd.").

How the speaker phrase itself is read (subjects, appositions, inverted noun phrases)
is in `_phrases`.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from articlekit._quotes import _words as words
from articlekit._quotes._phrases import (
    SEGMENT_STOPS,
    Ref,
    clause_subject,
    name_ref,
    noun_phrase_after,
    subject_before,
)
from articlekit._quotes._text import BlockText, Cue

_TAIL_WINDOW = 40
_LEAD_WINDOW = 60
_MAX_SUBJECT_TOKENS = 30
_DASHES = frozenset({"—", "–", "―", "-"})
_OPEN_PUNCT = frozenset({",", "—", "–", "―", ":", "-"})
_NOT_SUBJECT_OPENERS = (
    words.PREPOSITIONS | words.RELATIVES | words.COORDINATORS
) - words.DETERMINERS
_CLAUSE_END = frozenset({".", ",", ";", "!", "?"})
_NEXT_SENTENCE_CUE_REACH = 8


class Attribution(NamedTuple):
    ref: Ref | None
    cue: Cue | None


def cue_at(block: BlockText, i: int) -> Cue | None:
    """The speech verb or source phrase starting at token i (see `_text.find_cues`)."""
    return block.cues[i]


def cues_in(block: BlockText, lo: int, hi: int) -> list[Cue]:
    """The cues that start and end in tokens lo..hi (none that overlaps one found)."""
    found: list[Cue] = []
    starts = block.cue_starts
    free = lo
    for k in range(bisect.bisect_left(starts, lo), len(starts)):
        i = starts[k]
        if i >= hi:
            break
        cue = block.cues[i]
        if i >= free and cue is not None and cue.end <= hi:
            found.append(cue)
            free = cue.end
    return found


def attribute(block: BlockText, sentence: tuple[int, int], qi: int) -> Attribution:
    """Who speaks the quote that is token `qi` of `sentence`, and by which cue."""
    first, last = sentence
    for rule in (_after, _dash_after, _dash_before, _before, _colon_before, _next_sentence):
        found = rule(block, first, last, qi)
        if found is not None:
            return found
    return Attribution(None, None)


def _after(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    hi = min(last, qi + 1 + _TAIL_WINDOW)
    i = qi + 1
    while i < hi and block.quote_of[i] < 0:
        cue = cue_at(block, i)
        if cue is None:
            i += 1
            continue
        if cue.source:
            ref = noun_phrase_after(block, cue.end, last)
            if ref is not None:
                return Attribution(ref, cue)
            i = cue.end
            continue
        if is_participle(cue):  # “…,” adding that …: the main clause's subject speaks
            ref = clause_subject(block, first, cue.start)
            return Attribution(ref, cue) if ref is not None else None
        return _after_verb(block, first, last, qi, cue)
    return None


def _after_verb(block: BlockText, first: int, last: int, qi: int, cue: Cue) -> Attribution | None:
    between = [k for k in range(qi + 1, cue.start) if block.words[k] not in _OPEN_PUNCT]
    if all(block.lows[k] in words.FILLERS for k in between):
        ref = noun_phrase_after(block, cue.end, last)
        if ref is not None:
            return Attribution(ref, cue)
        if _clause_ends(block, cue.end, last):  # German verb-final: „…“ bezeichnete.
            named = _name_before(block, first, qi)
            # «…», ha añadido. -- no subject at all: the one who spoke last
            return Attribution(named or Ref("pronoun", cue.start, "n", ""), cue)
        return None
    if not _subject_like(block, qi + 1, cue.start):
        return _subject_after_complement(block, qi, cue)
    ref = subject_before(block, qi + 1, cue.start)
    if ref is None or ref.kind == "coordinated":
        return None
    return Attribution(ref, cue)


def _subject_after_complement(block: BlockText, qi: int, cue: Cue) -> Attribution | None:
    """“I admire the mechanics” of the plan, Mr. Holtz said: the quote's own words run
    on, and the name (or pronoun) after the last comma is the subject of the cue."""
    comma = next((k for k in range(cue.start - 1, qi, -1) if block.words[k] == ","), None)
    if comma is None or not _subject_like(block, comma + 1, cue.start):
        return None
    ref = subject_before(block, comma + 1, cue.start)
    if ref is None or ref.kind not in ("name", "pronoun"):
        return None
    return Attribution(ref, cue)


def _subject_like(block: BlockText, lo: int, hi: int) -> bool:
    while lo < hi and block.words[lo] in _OPEN_PUNCT:
        lo += 1
    if lo >= hi or hi - lo > _MAX_SUBJECT_TOKENS:
        return False
    return block.lows[lo] not in _NOT_SUBJECT_OPENERS


def _clause_ends(block: BlockText, i: int, last: int) -> bool:
    return i >= last or block.words[i] in _CLAUSE_END


def _name_before(block: BlockText, first: int, qi: int) -> Ref | None:
    """The nearest name before the quote that no preposition governs."""
    for i in range(qi - 1, max(first, qi - _LEAD_WINDOW) - 1, -1):
        run = block.run_of[i]
        if run >= 0 and block.runs[run].end == i + 1:
            ref = name_ref(block, run, first)
            if ref is not None:
                return ref
    return None


def _name_right_before(block: BlockText, first: int, i: int) -> Ref | None:
    """The name that ends right before token i, even one a preposition governs."""
    run = block.run_of[i - 1] if i > first else -1
    if run < 0 or block.runs[run].end != i or block.runs[run].possessive:
        return None
    return Ref("name", run, "", "")


def _dash_after(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    i = qi + 1
    if i >= last or block.words[i] not in _DASHES:
        return None
    run = block.run_of[i + 1] if i + 1 < last else -1
    if run < 0 or block.runs[run].start != i + 1:
        return None
    end = block.runs[run].end
    if end < len(block.words) and end < last and block.words[end] not in SEGMENT_STOPS:
        return None
    return Attribution(Ref("name", run, "", ""), None)


def _dash_before(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    """ "…, including the former mayor Tom Berg -- “…” --": a name, a dash, the quote."""
    k = qi - 1
    while k > first and block.words[k] in _DASHES:
        k -= 1
    if k == qi - 1 or k < first:
        return None
    run = block.run_of[k]
    if run < 0 or block.runs[run].end != k + 1 or block.runs[run].possessive:
        return None
    return Attribution(Ref("name", run, "", ""), None)


def _before(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    lo = max(first, qi - _LEAD_WINDOW)
    fallback: Attribution | None = None
    for cue in reversed(cues_in(block, lo, qi)):
        if cue.source:
            ref = noun_phrase_after(block, cue.end, qi)
        elif is_participle(cue):  # "footage of Jane Roe asking, “…”": the name before it
            ref = _name_right_before(block, first, cue.start) or clause_subject(
                block, first, cue.start
            )
        else:
            ref = subject_before(block, first, cue.start)
            if ref is None:  # inverted before the quote: "…, said Jane Roe: “…”"
                ref = noun_phrase_after(block, cue.end, qi)
        if ref is None or ref.kind == "coordinated":
            continue
        # a description gives way to a farther named subject, unless its verb leads
        # straight into the quote ("…, the mother of three replied, “…”")
        if ref.kind != "description" or _leads_into(block, cue, qi):
            return Attribution(ref, cue)
        fallback = fallback or Attribution(ref, cue)
    return fallback


def _leads_into(block: BlockText, cue: Cue, qi: int) -> bool:
    return cue.end < qi and all(block.words[k] in (",", ":") for k in range(cue.end, qi))


def _colon_before(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    """ "Jane Roe: “…”" or "She read it aloud: “…”": the clause's subject speaks."""
    if qi - 2 < first or block.words[qi - 1] != ":":
        return None
    run = block.run_of[qi - 2]
    if run >= 0 and block.runs[run].end == qi - 1:
        ref = name_ref(block, run, first)
        if ref is not None:
            return Attribution(ref, None)
    ref = clause_subject(block, first, qi - 1)
    opener = block.lows[first]
    if ref is None and opener in words.POSSESSIVES:  # "Her answer, in full: “…”"
        ref = Ref("pronoun", first, words.POSSESSIVES[opener], "")
    return Attribution(ref, None) if ref is not None else None


def _next_sentence(block: BlockText, first: int, last: int, qi: int) -> Attribution | None:
    """“It ends.” Roe said. -- a short sentence that only attributes."""
    if last != qi + 1:
        return None
    number = block.sentence_of[qi] + 1 if qi < len(block.sentence_of) else len(block.sentences)
    if number >= len(block.sentences):
        return None
    lo, hi = block.sentences[number]
    if block.quote_of[lo] >= 0:
        return None
    # the attribution opens the sentence: "Roe said." / "Roe said, looking at the crowd."
    for cue in cues_in(block, lo, min(hi, lo + _NEXT_SENTENCE_CUE_REACH)):
        if cue.source or not _clause_ends(block, cue.end, hi):
            continue
        ref = subject_before(block, lo, cue.start)
        if ref is not None and ref.kind in ("name", "pronoun"):
            return Attribution(ref, cue)
    return None


def is_participle(cue: Cue) -> bool:
    """ "adding", "diciendo", "ajoutant": the speaker is the subject of the main clause."""
    return cue.end - cue.start == 1 and cue.text.lower().endswith(("ing", "ndo", "ant"))
