"""Quotations in an article's body, with who said them.

`find_quotes(blocks)` takes the body's blocks (paragraph, list item and block quote texts
in document order) and returns every quotation as a `QuoteSpan`: where its words are,
who said them, by which cue, and whether it is a direct quote or a partial one.

The stage runs in five steps, each in its own module:

1. `_marks`: pair quotation marks of every style (“ ” " « » „ “ » « ‘ ’ '' ...) into
   spans, tell apostrophes apart, and join multi-paragraph quotes into chains;
   `_incise` splits French and Spanish quotes around an attribution written inside
   the guillemets.
2. `_text`: tokenize each block with every quote masked as one token, split sentences,
   find name runs.
3. `_people`: group the article's names into persons (surname -> full name, titles cut).
4. `_attribution` and `_phrases`: per quote, the speech verb and the phrase that names
   the speaker, in the quote's own sentence; then here: pronouns -> the last fitting
   speaker or person, and quotes without an attribution of their own take it from the
   quote that interrupts them, the multi-paragraph chain they belong to, or the
   paragraph before.
5. `_kinds`: direct vs partial, and labels or titles in quote marks (dropped); the parts
   of a multi-paragraph quote are joined into one quote.

Speakers are given in their fullest form in the article ("Michael Horowitz" for a later
"Horowitz" or "he"), without titles ("Pete Hegseth", not "Defense Secretary Pete
Hegseth"). Organisations are speakers too, named without an article ("Pentagon" for "the
Pentagon said"); a speaker the article only describes is given as that description, a
short noun phrase opened by an article ("a spokeswoman for the union", "two people
familiar with the talks"); the cue-less speaker of a partial quote is None.

Everything is a pure function of the blocks: no I/O, no shared state, linear in the
input (every look-around is bounded by a fixed number of tokens).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from articlekit._quotes import _words as words
from articlekit._quotes._attribution import Attribution, attribute, cues_in
from articlekit._quotes._incise import split_incises
from articlekit._quotes._kinds import Kind, is_label, quote_kind
from articlekit._quotes._marks import QuotedSpan, pair_quotes
from articlekit._quotes._people import People
from articlekit._quotes._phrases import Ref, clause_subject, noun_phrase_after, subject_before
from articlekit._quotes._text import BlockText, read_block

__all__ = ["QuoteSpan", "find_quotes"]

# How far a pronoun or a cue-less quote looks back (bounds keep the work linear).
_PARAGRAPH_SPEAKERS = 40
_PARAGRAPH_MENTIONS = 40
_PREVIOUS_SPEAKERS = 12
_PREVIOUS_MENTIONS = 80
_NEIGHBOUR_QUOTES = 8
_DESCRIPTION_WORDS = 8
_POSSESSIVE = ("'s", "’s")
_NO_ATTRIBUTION = Attribution(None, None)  # immutable: every quote without one shares it


@attrs.frozen
class QuoteSpan:
    """One quotation, from `start` in `blocks[block]` to `end` in `blocks[end_block]`.

    A quote within one paragraph has `end_block == block` and `blocks[block][start:end]`
    is its text without the marks; a multi-paragraph quote ends in a later block.
    """

    block: int
    start: int
    end_block: int
    end: int
    speaker: str | None
    kind: Literal["direct", "partial"]
    cue: str | None


def find_quotes(blocks: Sequence[str]) -> tuple[QuoteSpan, ...]:
    """Quotations in the body's blocks (paragraph/list/blockquote texts, in document order).

    >>> quotes = find_quotes(["“It will pour all week,” said Ana Ruiz, a forecaster."])
    >>> quotes[0].speaker, quotes[0].kind, quotes[0].cue
    ('Ana Ruiz', 'direct', 'said')
    """
    texts = tuple(text if isinstance(text, str) else "" for text in blocks)
    spans = split_incises(texts, pair_quotes(texts))
    if not spans:
        return ()
    by_block: list[list[tuple[int, QuotedSpan]]] = [[] for _ in texts]
    for number, span in enumerate(spans):
        by_block[span.block].append((number, span))
    read = [read_block(i, text, by_block[i]) for i, text in enumerate(texts)]
    bases = [0] * len(read)
    for i in range(1, len(read)):
        bases[i] = bases[i - 1] + len(read[i - 1].words) + 1
    people = People(read, bases)
    return tuple(_Attributor(read, bases, spans, people).run())


@attrs.define
class _Found:
    """A quote being attributed (mutable while the article is read, never returned)."""

    span: QuotedSpan
    block: BlockText
    token: int
    ordinal: int
    attribution: Attribution
    speaker: int | None
    own: bool  # the attribution is in the quote's own sentence
    kind: Kind  # read once: context filling and the final span both need it


class _Attributor:
    """Reads the article once, in order, keeping who spoke last (call-local state)."""

    def __init__(
        self, blocks: list[BlockText], bases: list[int], spans: list[QuotedSpan], people: People
    ) -> None:
        self.blocks = blocks
        self.bases = bases
        self.spans = spans
        self.people = people
        self.speakers: list[tuple[int, int]] = []  # (position, person), ascending
        self.previous_speaker: tuple[int | None, Attribution] = (None, _NO_ATTRIBUTION)
        self.previous_base = 0  # where the previous non-empty paragraph starts

    def run(self) -> list[QuoteSpan]:
        found: list[_Found] = []
        # what follows the last quote can name people (read by `People`) but speaks
        # for no quote: the reading stops there
        last = self.spans[-1].block if self.spans else -1
        for block in self.blocks[: last + 1]:
            if not block.quote_tokens and not block.cue_starts:
                # most paragraphs quote nobody and name no speaker: unless one leads into
                # the next paragraph ("…, made the following comment:"), all it does is
                # end the thread of who spoke last (an empty block does not even that)
                if block.words and block.words[-1] == ":":
                    self._fill_from_context([], block)
                elif block.words:
                    self.previous_speaker = (None, _NO_ATTRIBUTION)
                    self.previous_base = self.bases[block.number]
                continue
            paragraph = self._read_paragraph(block)
            self._fill_from_context(paragraph, block)
            found.extend(paragraph)
        self._share_within_chains(found)
        return _join_chains(
            [(f.span.chain, quote) for f in found if (quote := self._quote_span(f)) is not None]
        )

    def _read_paragraph(self, block: BlockText) -> list[_Found]:
        base = self.bases[block.number]
        paragraph: list[_Found] = []
        quote_tokens = block.quote_tokens
        if not quote_tokens and not block.cue_starts:
            return paragraph
        # only a sentence with a quote or a speech verb can name a speaker
        speaking = sorted({block.sentence_of[i] for i in (*quote_tokens, *block.cue_starts)})
        for sentence in (block.sentences[number] for number in speaking):
            first, last = sentence
            new_speakers: list[tuple[int, int]] = []
            lo, hi = bisect.bisect_left(quote_tokens, first), bisect.bisect_left(quote_tokens, last)
            for qi in quote_tokens[lo:hi]:
                number = block.quote_of[qi]
                attribution = attribute(block, sentence, qi)
                speaker = self._resolve(block, attribution.ref, base + qi)
                own = attribution.ref is not None or attribution.cue is not None
                span = self.spans[number]
                kind = quote_kind(block, qi, span)
                paragraph.append(
                    _Found(span, block, qi, base + qi, attribution, speaker, own, kind)
                )
                if speaker is not None:
                    new_speakers.append((base + qi, speaker))
            new_speakers.extend(self._reported_speech(block, sentence))
            self.speakers.extend(sorted(new_speakers))
        return paragraph

    def _reported_speech(
        self, block: BlockText, sentence: tuple[int, int]
    ) -> list[tuple[int, int]]:
        """Subjects of speech verbs outside quotes ("Roe said the plan…"): later pronouns
        and cue-less quotes may refer to them."""
        first, last = sentence
        base = self.bases[block.number]
        events = []
        for cue in cues_in(block, first, last):
            if cue.source:
                continue
            ref = subject_before(block, first, cue.start)
            if ref is None:  # "…, noted NBC’s Dante Chinni."
                ref = noun_phrase_after(block, cue.end, last)
            person = self._resolve(block, ref, base + cue.start)
            if person is not None:
                events.append((base + cue.start, person))
        return events

    def _resolve(self, block: BlockText, ref: Ref | None, ordinal: int) -> int | None:
        if ref is None:
            return None
        if ref.kind == "name":
            return self.people.person_at(block.number, ref.at)
        if ref.kind == "pronoun":  # it can only refer back from where it stands
            base = self.bases[block.number]
            return self._antecedent(ref.gender, min(ordinal, base + ref.at), base)
        return None

    def _antecedent(self, gender: str, ordinal: int, base: int) -> int | None:
        """The person a pronoun stands for: a speaker earlier in the paragraph, a person
        named earlier in it (subjects first), the subject of the paragraph before, the last
        speakers before it, people named before it."""
        earlier = bisect.bisect_left(self.speakers, (ordinal, -1))
        paragraph_start = bisect.bisect_left(self.speakers, (base, -1))
        in_paragraph = max(paragraph_start, earlier - _PARAGRAPH_SPEAKERS)
        before = max(0, paragraph_start - _PREVIOUS_SPEAKERS)
        # (people, mentions?): a mention is weaker evidence than a speaker, so among
        # mentions someone known to be "she" comes before someone of unknown gender;
        # each list is only built when the ones before it had nobody who fits
        sources: list[tuple[Callable[[], list[int]], bool]] = [
            (
                lambda: [self.speakers[i][1] for i in range(earlier - 1, in_paragraph - 1, -1)],
                False,
            ),
            (lambda: self.people.mentions_before(ordinal, base, _PARAGRAPH_MENTIONS, True), True),
            (lambda: self.people.mentions_before(ordinal, base, _PARAGRAPH_MENTIONS), True),
            (
                lambda: self.people.mentions_before(
                    base, self.previous_base, _PARAGRAPH_MENTIONS, True
                ),
                True,
            ),
            (
                lambda: [self.speakers[i][1] for i in range(paragraph_start - 1, before - 1, -1)],
                False,
            ),
            (lambda: self.people.mentions_before(base, 0, _PREVIOUS_MENTIONS), True),
        ]
        for source, mentions in sources:
            people = source()
            for exact in (True, False) if mentions else (None,):
                for person in people:
                    if self._fits(person, gender, exact):
                        return person
        return None

    def _fits(self, person: int, gender: str, exact: bool | None) -> bool:
        """Can the pronoun of `gender` stand for the person? `exact`: only people whose
        gender is known (True) or unknown (False); None: either."""
        candidate = self.people.persons[person]
        if gender == "n":
            return True
        if not candidate.person_like:
            return False
        if exact is None:
            return candidate.gender in (None, gender)
        return candidate.gender == gender if exact else candidate.gender is None

    def _fill_from_context(self, paragraph: list[_Found], block: BlockText) -> None:
        """A direct quote without an attribution of its own takes the speaker of the quote
        next to it in the paragraph (an interrupted quote), else of the reported speech
        before it in the paragraph, else the previous paragraph's last speaker."""
        base = self.bases[block.number]
        for index, found in enumerate(paragraph):
            if found.own or found.kind != "direct":
                continue
            donor = _nearest_attributed(paragraph, index)
            if donor is not None:
                found.speaker, found.attribution = donor.speaker, donor.attribution
                continue
            reported = self._paragraph_speaker(base, found.ordinal)
            if reported is None:
                reported = self._paragraph_subject(base, found.ordinal)
            if reported is not None:
                found.speaker = reported
            else:
                found.speaker, found.attribution = self.previous_speaker
        if block.words:  # an empty block (a heading left out) does not break the thread
            self.previous_speaker = self._last_speaker_of(paragraph, base)
            self.previous_base = base
            if not paragraph and block.words[-1] == ":":
                self._introduces_next(block, base)

    def _paragraph_subject(self, base: int, ordinal: int) -> int | None:
        """The person the paragraph is about so far: the latest named subject of a
        sentence before the quote ("Sen. Jane Roe, who …, said no. “…”")."""
        for person in self.people.mentions_before(ordinal, base, _PARAGRAPH_MENTIONS, True):
            if self.people.persons[person].person_like or self.people.persons[person].is_org:
                return person
        return None

    def _introduces_next(self, block: BlockText, base: int) -> None:
        """ "On July 6, Jane Roe made the following comment:" -- the next paragraph's
        quote is the subject's."""
        first, last = block.sentences[-1]
        subject = clause_subject(block, first, last)
        person = self._resolve(block, subject, base + last)
        if person is None or subject is None:
            return
        # the sentence's first word is capitalised anyway ("Partial transcript as
        # follows:"): alone, it must be known as a person or an organisation
        known = self.people.persons[person]
        opening = subject.kind == "name" and block.runs[subject.at].start == first
        if not opening or known.person_like or known.is_org:
            self.previous_speaker = (person, _NO_ATTRIBUTION)

    def _paragraph_speaker(self, base: int, ordinal: int) -> int | None:
        earlier = bisect.bisect_left(self.speakers, (ordinal, -1))
        if earlier > 0 and self.speakers[earlier - 1][0] >= base:
            return self.speakers[earlier - 1][1]
        return None

    def _last_speaker_of(
        self, paragraph: list[_Found], base: int
    ) -> tuple[int | None, Attribution]:
        last_quote = next((f for f in reversed(paragraph) if f.speaker is not None), None)
        last_event = self.speakers[-1] if self.speakers and self.speakers[-1][0] >= base else None
        if last_quote is not None and (last_event is None or last_quote.ordinal >= last_event[0]):
            return last_quote.speaker, last_quote.attribution
        if last_event is not None:
            return last_event[1], _NO_ATTRIBUTION
        return None, _NO_ATTRIBUTION

    def _share_within_chains(self, found: list[_Found]) -> None:
        """The parts of a multi-paragraph quote share the attribution one of them has."""
        chains: dict[int, list[_Found]] = {}
        for f in found:
            chains.setdefault(f.span.chain, []).append(f)
        for parts in chains.values():
            owner = next((p for p in parts if p.own and p.speaker is not None), None)
            if owner is None or len(parts) < 2:
                continue
            for part in parts:
                if not part.own:
                    part.speaker, part.attribution = owner.speaker, owner.attribution

    def _quote_span(self, found: _Found) -> QuoteSpan | None:
        block, qi, span = found.block, found.token, found.span
        kind = found.kind
        has_cue = found.attribution.cue is not None or block.sentence_has_cue[block.sentence_of[qi]]
        if is_label(block, qi, span, found.speaker is not None, has_cue):
            return None
        if found.speaker is not None:
            speaker: str | None = self.people.persons[found.speaker].display
        else:
            speaker = _description(found.attribution)
        cue = found.attribution.cue
        return QuoteSpan(
            span.block,
            span.start,
            span.block,
            span.end,
            speaker,
            kind,
            None if cue is None else cue.text,
        )


def _join_chains(parts: list[tuple[int, QuoteSpan]]) -> list[QuoteSpan]:
    """One quote per multi-paragraph quotation: a reader counts the paragraphs that a
    single closing mark ends (an interview transcript, a long excerpt) as one quote, with
    the speaker and cue one of its parts has; it is direct when any part is."""
    joined: list[QuoteSpan] = []
    previous_chain = -1
    for chain, part in parts:
        if joined and chain == previous_chain:
            first = joined[-1]
            spoken = first if first.speaker is not None or part.speaker is None else part
            joined[-1] = attrs.evolve(
                first,
                end_block=part.end_block,
                end=part.end,
                speaker=spoken.speaker,
                cue=spoken.cue,
                kind="direct" if "direct" in (first.kind, part.kind) else "partial",
            )
        else:
            joined.append(part)
        previous_chain = chain
    return joined


def _description(attribution: Attribution) -> str | None:
    """The speaker as the text describes it ("the mayor", "a spokeswoman for the union")
    when it names nobody: a short noun phrase opened by a determiner, not a clause."""
    ref = attribution.ref
    if ref is None or ref.kind != "description":
        return None
    phrase = ref.text.split()
    if not 0 < len(phrase) <= _DESCRIPTION_WORDS:
        return None
    # opened by an article or by a name's possessive ("Obama's former strategist")
    owner = len(phrase) >= 2 and phrase[0][:1].isupper() and phrase[0].endswith(_POSSESSIVE)
    if phrase[0].lower() not in words.DETERMINERS and not owner:
        return None
    return " ".join(phrase)


def _nearest_attributed(paragraph: list[_Found], index: int) -> _Found | None:
    for offset in range(1, min(len(paragraph), _NEIGHBOUR_QUOTES + 1)):
        for other in (index - offset, index + offset):
            if 0 <= other < len(paragraph):
                candidate = paragraph[other]
                if candidate.own:
                    return candidate
    return None
