"""Speaker phrases: the noun phrase a speech verb points at, read from the tokens.

A subject is read backwards from the verb over comma-separated segments: the nearest
segment that ends in a name run, skipping appositions ("21", "a student who …"), stopping
at an introductory phrase ("In a memo sent to staff,"). After an inverted verb the phrase
is read forwards up to a preposition or relative word ("said board chair Margaret Lowe
on Monday"), and a description is followed into its apposition ("said the study’s lead
author, Miriam Osei,"). A name that a preposition governs is never the speaker ("a
spokeswoman for Clinton", "a professor at Yale University").
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from articlekit._quotes import _words as words
from articlekit._quotes._people import is_title
from articlekit._quotes._text import BlockText, NameRun

RefKind = Literal["name", "pronoun", "description", "coordinated"]

_LEAD_WINDOW = 60
_ASIDE_WINDOW = 40
_DASH_WORDS = frozenset({"—", "–", "―"})
_CLAUSE_STOPS = frozenset({":", ";", "—", "–", "―", "(", ")", "[", "]"})
SEGMENT_STOPS = frozenset({",", ":", ";", "(", "[", ".", "!", "?", "—", "–", "―"})
_SEGMENT_BREAKS = _CLAUSE_STOPS - {"(", ")"}
# A party and state label set off by commas, as US papers write it: "R-Ky.", "D-N.Y."
_PARTY_LABEL = re.compile(r"[A-Z]{1,3}-[A-Z][A-Za-z.]{0,12}\Z")


class Ref(NamedTuple):
    """What a cue points at: a name run, a pronoun, or a description without a name."""

    kind: RefKind
    at: int  # name: run number; pronoun: token index
    gender: str  # pronoun gender: m, f or n
    text: str  # description text


def clause_subject(block: BlockText, first: int, hi: int) -> Ref | None:
    """The first name or pronoun of the sentence that no preposition governs."""
    for i in range(first, min(hi, first + _LEAD_WINDOW)):
        if block.quote_of[i] >= 0:
            continue
        low = block.lows[i]
        if low in words.PRONOUNS:
            return Ref("pronoun", i, words.PRONOUNS[low], "")
        run = block.run_of[i]
        if run >= 0 and block.runs[run].start == i and not block.runs[run].possessive:
            ref = name_ref(block, run, first)
            if ref is not None:
                return ref
    return None


def subject_before(block: BlockText, lo: int, cue_start: int) -> Ref | None:
    """The subject of the cue at `cue_start`, read backwards no further than `lo`."""
    lows = block.lows
    j = _before_aside(block, lo, _skip_fillers_back(block, lo, cue_start))
    j = _skip_fillers_back(block, lo, j)
    if j <= lo:
        return None
    before = lows[j - 1]
    if before in words.COORDINATORS:
        return Ref("coordinated", -1, "", "")
    if before in words.RELATIVES and not block.is_capitalized(j - 1):
        return Ref("description", -1, "", "")
    if before in words.PRONOUNS and block.quote_of[j - 1] < 0:  # "…, she said"
        return Ref("pronoun", j - 1, words.PRONOUNS[before], "")
    segments = _segments_back(block, lo, j)
    nearest = _segment_head(block, *segments[0], lo)
    if nearest is not None and nearest.kind != "description":
        return nearest
    if _apposition_like(block, *segments[0]):
        # "Jane Roe, 21, a student who …, said": skip appositions back to the name
        for segment in segments[1:6]:
            if _apposition_like(block, *segment):
                continue
            if _intro_like(block, *segment):
                return _name_after_relative(block, *segment) or nearest
            head = _segment_head(block, *segment, lo)
            if head is not None and head.kind != "description":
                return head
            break
    return nearest


def _skip_fillers_back(block: BlockText, lo: int, j: int) -> int:
    while j > lo and block.quote_of[j - 1] < 0 and block.lows[j - 1] in words.FILLERS:
        j -= 1
    return j


def _is_dash(block: BlockText, i: int) -> bool:
    return block.words[i] in _DASH_WORDS or _spaced_hyphen(block, i)


def _before_aside(block: BlockText, lo: int, j: int) -> int:
    """Where the subject ends when an aside set off by dashes stands between it and the
    verb ("John Roe, the chief executive -- the firm that owns it -- told me")."""
    if j <= lo or not _is_dash(block, j - 1):
        return j
    k = j - 1
    while k > lo and _is_dash(block, k - 1):
        k -= 1
    m = k - 1
    while m >= max(lo, k - _ASIDE_WINDOW) and block.quote_of[m] < 0 and not _is_dash(block, m):
        m -= 1
    if m < max(lo, k - _ASIDE_WINDOW) or not _is_dash(block, m):
        return j
    while m > lo and _is_dash(block, m - 1):
        m -= 1
    return m


def _name_after_relative(block: BlockText, a: int, b: int) -> Ref | None:
    """ "As Jane Roe, a tax lawyer, put it": a relative word and the name it introduces."""
    if b - a < 2 or block.lows[a] not in words.RELATIVES or block.quote_of[a] >= 0:
        return None
    run = block.run_of[a + 1]
    if run < 0 or block.runs[run].start != a + 1 or block.runs[run].end != b:
        return None
    return None if block.runs[run].possessive else Ref("name", run, "", "")


def _segments_back(block: BlockText, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-separated segments of the clause that ends at `hi`, nearest first."""
    segments = []
    end = hi
    i = hi - 1
    while i >= lo:
        word = block.words[i]
        if block.quote_of[i] >= 0 or word in _SEGMENT_BREAKS or _spaced_hyphen(block, i):
            break
        if word == ",":
            segments.append((i + 1, end))
            end = i
        i -= 1
    segments.append((i + 1, end))
    return segments


def _spaced_hyphen(block: BlockText, i: int) -> bool:
    """A hyphen written as a dash: " - " or "--", not the one in "34-year-old"."""
    if block.words[i] != "-":
        return False
    text, start, end = block.text, block.starts[i], block.ends[i]
    return text[start - 1 : start] in (" ", "-") or text[end : end + 1] in (" ", "-")


def _strip_back(block: BlockText, a: int, b: int) -> int:
    """Drop trailing fillers and a trailing parenthetical: "Jane Roe (D-Wis.) later"."""
    while b > a:
        if block.lows[b - 1] in words.FILLERS and block.quote_of[b - 1] < 0:
            b -= 1
        elif block.words[b - 1] == ")":
            k = b - 1
            while k > a and block.words[k] != "(":
                k -= 1
            if k <= a:
                return b
            b = k
        else:
            return b
    return b


def _segment_head(block: BlockText, a: int, b: int, lo: int) -> Ref | None:
    """A segment's head: a name run ending it, a pronoun, or else a description."""
    b = _strip_back(block, a, b)
    if a >= b:
        return None
    if b - a == 1 and block.lows[a] in words.PRONOUNS and block.quote_of[a] < 0:
        return Ref("pronoun", a, words.PRONOUNS[block.lows[a]], "")
    run = block.run_of[b - 1]
    if (
        run >= 0
        and block.runs[run].end == b
        and not block.runs[run].possessive
        and not _office_of_group(block, block.runs[run])
    ):
        ref = name_ref(block, run, a)
        if ref is not None:
            return ref
    run = block.run_of[a]  # "Dan McLaughlin at the National Review agreed"
    if run >= 0 and block.runs[run].start == a and not block.runs[run].possessive:
        end = block.runs[run].end
        if end < b and block.lows[end] in words.PREPOSITIONS:
            return Ref("name", run, "", "")
    if _intro_like(block, a, b) or block.quote_of[a] >= 0:
        return None
    document = _document_of(block, a, b)
    if document is not None:
        return document
    text = block.text[block.starts[a] : block.ends[b - 1]]
    return Ref("description", a, "", text)


def _document_of(block: BlockText, a: int, b: int) -> Ref | None:
    """ "the IMF report", "a Pentagon statement": the document speaks for the name."""
    if b - a != 3 or block.lows[a] not in words.DETERMINERS:
        return None
    run = block.run_of[a + 1]
    if run < 0 or block.runs[run].end != a + 2 or block.runs[run].possessive:
        return None
    return Ref("name", run, "", "") if block.lows[a + 2] in words.DOCUMENT_NOUNS else None


def _office_of_group(block: BlockText, run: NameRun) -> bool:
    """ "Sprecher der Stadtwerke": titles, then an article and the group they serve -- an
    office, not a person's name."""
    for k in range(run.start, run.end):
        if block.lows[k] in words.DETERMINERS and not block.is_capitalized(k):
            return k > run.start
        if not is_title(block.lows[k]):
            return False
    return False


def name_ref(block: BlockText, run: int, lo: int) -> Ref | None:
    """The run as a speaker, unless a preposition governs it ("a professor at Yale")."""
    start = block.runs[run].start
    k = start - 1
    if k >= lo and block.lows[k] in words.DETERMINERS:
        k -= 1  # "at the Maxwell School"
    if k >= lo and block.lows[k] in words.PREPOSITIONS and block.quote_of[k] < 0:
        return None
    return Ref("name", run, "", "")


def _apposition_like(block: BlockText, a: int, b: int) -> bool:
    if a >= b:
        return True
    if block.quote_of[a] >= 0:
        return False
    if b - a <= 2 and _PARTY_LABEL.match(block.words[a]):  # "Mitch McConnell, R-Ky., said"
        return True
    lead = block.words[a][0]
    return lead.islower() or lead.isdigit() or block.lows[a] in words.DETERMINERS


def _intro_like(block: BlockText, a: int, b: int) -> bool:
    """An introductory phrase, not a subject: "In a memo sent to staff", "Asked about it"."""
    if a >= b:
        return False
    if block.quote_of[a] >= 0:
        return True
    low = block.lows[a]
    # English "a" is an article, though French and Spanish "a" is a preposition
    if (low in words.PREPOSITIONS or low in words.RELATIVES) and low not in words.DETERMINERS:
        return True
    if words.starts_phrase(words.SPEECH_VERBS, [low], 0):
        return True
    opener = block.is_capitalized(a) and low in words.NOT_NAMES
    return opener and low not in words.DETERMINERS and low not in words.PRONOUNS


def noun_phrase_after(block: BlockText, i: int, hi: int) -> Ref | None:
    """The speaker phrase after an inverted cue: "said board chair Margaret Lowe", "said
    the study’s lead author, Miriam Osei," "sagte er", "so Falk"."""
    lows = block.lows
    opening = i
    while i < hi and block.quote_of[i] < 0 and lows[i] in words.FILLERS:
        i += 1
    if i >= hi or block.quote_of[i] >= 0:
        return None
    # a filler that is also an article ("a", as in French "a dit") opens the description
    opening = next((k for k in range(opening, i) if lows[k] in words.DETERMINERS), i)
    if lows[i] in words.PRONOUNS:
        return Ref("pronoun", i, words.PRONOUNS[lows[i]], "")
    stop = i
    while stop < hi and block.quote_of[stop] < 0:
        if block.words[stop] in SEGMENT_STOPS and block.run_of[stop] < 0:  # not "John D."
            break
        stop += 1
    cut = i
    while cut < stop and not _governs(block, cut):
        cut += 1
    head = _segment_head(block, i, cut, i) if cut > i else None
    if head is not None and head.kind != "description":
        return head
    if head is not None:  # the whole phrase describes: "two people familiar with it"
        end = _time_adverbial(block, i, stop)
        text = block.text[block.starts[opening] : block.ends[end - 1]]
        head = Ref("description", i, "", text)
    if opening < i or lows[i] in words.DETERMINERS:
        # a name inside a described speaker only qualifies it: "one Democratic source"
        return _apposition_name(block, stop, hi) or head
    for k in range(i, min(cut, i + 3)):  # "nach Angaben von Stadtwerke-Chef Bernd Ostendorf nur"
        run = block.run_of[k]
        if run >= 0 and not block.runs[run].possessive:
            return (
                Ref("name", run, "", "") if block.runs[run].start < i else name_ref(block, run, i)
            )
    apposition = _apposition_name(block, stop, hi)
    return apposition or head


def _time_adverbial(block: BlockText, i: int, stop: int) -> int:
    """Where a described speaker that starts at `i` ends: before a time adverbial that
    follows its head ("the mayor of the town on Monday", "a spokesman late Tuesday")."""
    lows = block.lows
    head = i + 1 if lows[i] in words.DETERMINERS else i
    for k in range(head + 1, stop):
        j = k
        while j < min(stop, k + 2) and (
            lows[j] in words.PREPOSITIONS or lows[j] in words.DETERMINERS
        ):
            j += 1
        if j < stop and lows[j] in words.TIME_WORDS:
            return k
    return stop


def _governs(block: BlockText, i: int) -> bool:
    """A preposition or relative word outside a name: the noun phrase ends before it."""
    if block.run_of[i] >= 0 or block.quote_of[i] >= 0:
        return False
    low = block.lows[i]
    relative = low in words.RELATIVES and low not in words.DETERMINERS  # not "der"
    return low in words.PREPOSITIONS or relative


def _apposition_name(block: BlockText, comma: int, hi: int) -> Ref | None:
    """ ", Miriam Osei," after a description: the name it is in apposition to."""
    size = len(block.words)
    if comma >= hi or block.words[comma] != ",":
        return None
    run = block.run_of[comma + 1] if comma + 1 < size else -1
    if run < 0 or block.runs[run].start != comma + 1 or block.runs[run].possessive:
        return None
    end = block.runs[run].end
    if end < size and block.words[end] not in SEGMENT_STOPS and block.quote_of[end] < 0:
        return None
    return Ref("name", run, "", "")
