"""People: names cut free of titles, grouped into persons, found again by surname.

A name run becomes a name by cutting everything up to its last title that still has a
name after it ("US President Donald Trump" -> "Donald Trump", "Rep. Steve King" keeps
King) and then leading title modifiers ("Former", "Democratic"). Every run outside the
quotes is read once, in document order:

* two words or more start a person, or join the one with the same first and last word
  ("Donald J. Trump" and "Donald Trump"); the person keeps the fullest form;
* a single word joins the most recently mentioned person with that surname (else that
  first name) whose gender fits the word's title, so "Mrs. Clinton" is not Bill Clinton
  and "Clinton" is whichever Clinton the article spoke of last;
* a single word seen before any full name with it joins the full name that comes later
  when there is exactly one.

A person's gender comes from its given name (lexicon) or a gendered title; pronoun
resolution uses it to skip people who cannot be "she" or "he".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from articlekit._quotes import _words as words
from articlekit._quotes._text import BlockText, NameRun, sentence_start

_MAX_NAME_WORDS = 4
_MAX_LEADING_TITLES = 4  # "La alcaldesa Lucía Romero", "The Defense Secretary Pete Hegseth"
_MARKS = "\"'“”„‟«»‹›‘’‚ "
_LINKS = frozenset({"of", "for"})  # "Secretary of State John Kerry"
# leading words dropped from a name: "Former", "of"; but "Marine Le Pen" keeps "Marine"
_LEADING_SKIPPED = (words.TITLE_MODIFIERS | _LINKS) - words.GIVEN_NAMES
_UNCOUNTED = words.NAME_PARTICLES | words.NAME_SUFFIXES  # "von", "Jr."
_TITLE_ENDINGS = tuple(sorted(words.TITLE_ENDINGS))


class Name(NamedTuple):
    words: tuple[str, ...]  # lower case, dots dropped: ("leonard", "e", "burman")
    display: str  # as written, without titles or possessive: "Leonard E. Burman"
    gender: str | None  # from a gendered title ("Mrs.")
    titled: bool  # a person's title stood before it


@attrs.define
class Person:
    """One person (or organisation) of the article, with every mention merged."""

    words: tuple[str, ...]
    display: str
    gender: str | None
    titled: bool
    last_seen: int = -1
    mentions: int = 0

    @property
    def is_org(self) -> bool:
        return any(w in words.ORG_WORDS for w in self.words)

    @property
    def person_like(self) -> bool:
        """Can a personal pronoun stand for it? A known gender or title, or a full name."""
        if self.is_org:
            return False
        return self.gender is not None or self.titled or len(self.words) >= 2


def clean_name(block: BlockText, run: NameRun) -> Name | None:
    """The name a run stands for, without its titles; None if only titles remain."""
    lows = block.lows
    if run.end - run.start == 1:  # one word, no title to cut: most mentions ("Trump")
        low, word = lows[run.start], block.words[run.start]
        if low in words.TITLES:
            return None
        display = word[:-2] if block.possessive[run.start] else word
        return Name((low,), display, _gender((low,), []), False)
    positions = [i for i in range(run.start, run.end) if block.words[i] != "."]
    cut = _title_cut(block, positions)
    kept = positions[cut:]
    while len(kept) >= 2 and lows[kept[0]] in _LEADING_SKIPPED:
        kept = kept[1:]
    kept = kept[_given_name_start(block, kept) :]
    # "Secretary" alone is no name; after a cut title ("Mr. King") it is a surname
    name_words = tuple(lows[i] for i in kept)
    titles_only = cut == 0 and words.TITLES.issuperset(name_words)
    if not kept or titles_only or _name_length(name_words) > _MAX_NAME_WORDS:
        return None  # only titles, or a Title Case headline rather than a name
    first, last = kept[0], run.end
    start, end = block.starts[first], block.ends[last - 1]
    if block.possessive[last - 1]:
        end -= 2
    display = " ".join(block.text[start:end].split())
    gender = _gender(name_words, [lows[i] for i in positions[:cut]])
    return Name(name_words, display, gender, cut > 0)


def _given_name_start(block: BlockText, kept: list[int]) -> int:
    """In "der Armenier Dmitri Kasparow" the name starts at the known given name."""
    if len(kept) < 3:
        return 0
    # after a determiner or a lower-case word the first word describes ("den gesetzten
    # Armenier Dmitri …"); at a sentence start or after "said" it is a first name
    # ("said Cornell William Brooks")
    before = kept[0] - 1
    if before < 0 or not block.words[before][:1].islower() or block.cues[before] is not None:
        return 0
    lows = [block.lows[i] for i in kept]
    given = words.GIVEN_NAMES
    if lows[0] in given:
        return 0
    for n in range(1, len(lows) - 1):
        if lows[n] in given:
            return n
    return 0


def _run_key(block: BlockText, run: NameRun) -> tuple[str, bool] | None:
    """What `clean_name` reads of a run: its text and whether the word before it is a
    lower-case non-cue word; None when a cue starts inside the run (read it afresh)."""
    cues = block.cue_starts
    if cues and bisect.bisect_left(cues, run.start) != bisect.bisect_left(cues, run.end):
        return None
    before = run.start - 1
    lower_before = before >= 0 and block.words[before][:1].islower() and block.cues[before] is None
    return block.text[block.starts[run.start] : block.ends[run.end - 1]], lower_before


def _name_length(name_words: Iterable[str]) -> int:
    return sum(1 for w in name_words if w not in _UNCOUNTED)


def is_title(word: str) -> bool:
    if word in words.TITLES:
        return True
    if not word.endswith(_TITLE_ENDINGS):  # most words: one C call
        return False
    # German compounds: "Turnierdirektor" ends with a title and is longer than it
    sizes = words.TITLE_ENDING_SIZES
    return any(len(word) > n + 2 and word[-n:] in words.TITLE_ENDINGS for n in sizes)


def _title_cut(block: BlockText, positions: list[int]) -> int:
    """How many leading words are titles: up to the last title a name word follows."""
    lows = [block.lows[i] for i in positions]
    last_name_word = max((n for n, w in enumerate(lows) if w not in _UNCOUNTED), default=-1)
    cut = 0
    for n in range(last_name_word):
        if is_title(lows[n]) or (
            lows[n] in words.DOTTED_TITLES and block.words[positions[n] + 1] == "."
        ):
            cut = n + 1
    return cut


def _gender(name_words: tuple[str, ...], title_words: list[str]) -> str | None:
    for title in title_words:
        if title in words.TITLE_GENDERS:
            return words.TITLE_GENDERS[title]
    return _given_name_gender(name_words[0]) if len(name_words) >= 2 else None


def _given_name_gender(given: str) -> str | None:
    if given in words.FEMALE_NAMES and given not in words.MALE_NAMES:
        return "f"
    if given in words.MALE_NAMES and given not in words.FEMALE_NAMES:
        return "m"
    return None


def _lone_gender(name: Name) -> str | None:
    """A person known by one word only: its title's gender, else its given name's
    ("Melanie said"), since nobody of that surname has been named."""
    if name.gender is not None:
        return name.gender
    return _given_name_gender(name.words[0])


def _opens_sentence(block: BlockText, run: NameRun) -> bool:
    """Is the run its sentence's subject: first in the sentence (after an article and
    titles only: "La alcaldesa Lucía Romero habló"), or right after an opening phrase and
    its comma ("In a memo on Friday, Jane Roe wrote …")?"""
    first = sentence_start(block, run.start)
    leading = range(first, run.start)
    if len(leading) <= _MAX_LEADING_TITLES and all(
        block.lows[k] in words.DETERMINERS or is_title(block.lows[k]) for k in leading
    ):
        return True
    # "Trump campaign spokesman Jason Miller told …": words that qualify the title
    if (
        len(leading) <= _MAX_LEADING_TITLES
        and is_title(block.lows[run.start - 1])
        and all(block.words[k][0].isalnum() and block.quote_of[k] < 0 for k in leading)
    ):
        return True
    opener = block.lows[first]
    before = run.start - 1
    after_comma = (
        block.words[before] == ","
        or (  # On “Face the Nation,” Sen. Jane Roe
            block.quote_of[before] >= 0
            and block.text[block.starts[before] : block.ends[before]].rstrip(_MARKS).endswith(",")
        )
    )
    return after_comma and (opener in words.PREPOSITIONS or opener in words.RELATIVES)


def _surname(name_words: tuple[str, ...]) -> str:
    for word in reversed(name_words):
        if word not in words.NAME_SUFFIXES:
            return word
    return name_words[-1]


class People:
    """Every person the article names, and which person each name run refers to."""

    def __init__(self, blocks: Sequence[BlockText], bases: Sequence[int]) -> None:
        self.persons: list[Person] = []
        self._by_surname: dict[str, list[int]] = {}
        self._by_given: dict[str, list[int]] = {}
        self._single: dict[str, int] = {}
        self._alias: dict[int, int] = {}
        self._at: dict[tuple[int, int], int] = {}  # (block, run number) -> person
        self._ordinals: list[int] = []  # document position of each mention, ascending
        self._mentioned: list[int] = []  # the person of each mention
        # does the mention open its sentence (a subject)? Read when first asked: only
        # mentions near a quote ever are
        self._subject: list[bool | None] = []
        self._runs: list[tuple[BlockText, NameRun]] = []  # the run of each mention
        # the same run text in the same setting is the same name ("Trump" forty times),
        # and a one-word name depends on its word alone; the memo lives as long as this call
        names: dict[tuple[str, bool] | str, Name | None] = {}
        for block, base in zip(blocks, bases, strict=True):
            for number, run in enumerate(block.runs):
                one_word = run.end - run.start == 1
                key = block.words[run.start] if one_word else _run_key(block, run)
                if key is None:  # a cue inside the run: read it afresh
                    name = clean_name(block, run)
                elif key in names:
                    name = names[key]
                else:
                    name = names[key] = clean_name(block, run)
                if name is not None:
                    person = self._assign(name, base + run.start, base)
                    self._at[(block.number, number)] = person
                    self._ordinals.append(base + run.start)
                    self._mentioned.append(person)
                    self._subject.append(None)
                    self._runs.append((block, run))
        self._merge_early_surnames()

    def person_at(self, block: int, run: int) -> int | None:
        found = self._at.get((block, run))
        return None if found is None else self.canonical(found)

    def canonical(self, person: int) -> int:
        return self._alias.get(person, person)

    def mentions_before(
        self, ordinal: int, stop: int, limit: int, subjects: bool = False
    ) -> list[int]:
        """Up to `limit` people mentioned before `ordinal` (and at or after `stop`), most
        recent first; only the sentence subjects when `subjects`."""
        hi = bisect.bisect_left(self._ordinals, ordinal)
        lo = max(bisect.bisect_left(self._ordinals, stop), hi - limit)
        return [
            self.canonical(self._mentioned[i])
            for i in range(hi - 1, lo - 1, -1)
            if not subjects or self._is_subject(i)
        ]

    def _is_subject(self, mention: int) -> bool:
        subject = self._subject[mention]
        if subject is None:
            subject = self._subject[mention] = _opens_sentence(*self._runs[mention])
        return subject

    def _assign(self, name: Name, ordinal: int, paragraph: int) -> int:
        if len(name.words) >= 2:
            index = self._full_name(name)
        else:
            index = self._surname_match(name, paragraph)
        person = self.persons[index]
        person.last_seen = ordinal
        person.mentions += 1
        person.titled = person.titled or name.titled
        if person.gender is None:
            person.gender = name.gender
        return index

    def _full_name(self, name: Name) -> int:
        surname = _surname(name.words)
        for index in self._by_surname.get(surname, []):
            person = self.persons[index]
            if person.words[0] == name.words[0]:
                if len(name.words) > len(person.words):  # "Donald J. Trump" is fuller
                    person.words, person.display = name.words, name.display
                return index
        index = self._new(name)
        self._by_surname.setdefault(surname, []).append(index)
        self._by_given.setdefault(name.words[0], []).append(index)
        return index

    def _surname_match(self, name: Name, paragraph: int) -> int:
        """The person a lone surname means: one named in this paragraph (the latest), else
        the one the article mentions most (the latest on a tie): a passing "his wife
        Hillary Clinton" does not take "Clinton" from the Bill Clinton of the story."""
        word = name.words[0]
        candidates = self._by_surname.get(word, [])
        if not candidates and not name.titled:  # "Hillary said"; but "Mr. X" is a surname
            candidates = self._by_given.get(word, [])
        if not candidates:  # a word seen alone so far ("Springfield", "Monday", "Melanie")
            if word not in self._single:
                gender = _lone_gender(name)
                self._single[word] = self._new(
                    name if gender == name.gender else name._replace(gender=gender)
                )
            return self._single[word]
        fitting = [i for i in candidates if self._gender_fits(i, name.gender)]
        here = [i for i in fitting if self.persons[i].last_seen >= paragraph]
        if here:
            return max(here, key=lambda i: self.persons[i].last_seen)
        if fitting:
            return max(fitting, key=lambda i: (self.persons[i].mentions, self.persons[i].last_seen))
        if word not in self._single:
            self._single[word] = self._new(name)
        return self._single[word]

    def _gender_fits(self, index: int, gender: str | None) -> bool:
        known = self.persons[index].gender
        return gender is None or known is None or known == gender

    def _new(self, name: Name) -> int:
        self.persons.append(Person(name.words, name.display, name.gender, name.titled))
        return len(self.persons) - 1

    def _merge_early_surnames(self) -> None:
        """ "Horowitz" before "Michael Horowitz": the single word is that person."""
        for word, index in self._single.items():
            full = self._by_surname.get(word, [])
            if len(full) == 1:
                self._alias[index] = full[0]
                target = self.persons[full[0]]
                if target.gender is None:
                    target.gender = self.persons[index].gender
                target.titled = target.titled or self.persons[index].titled
