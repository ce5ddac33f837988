"""Author names from byline strings: cleaning, splitting, rejecting.

A byline is cut where the names end (a date, "Updated", a "|" or "•" part, a line that
names the outlet), stripped of its opener ("By", "Von", "Par", "Por", "Written by"),
e-mail addresses, URLs and handles, then split on commas, ";", "&", "and"/"und"/"et"/"y".
Each part that is a job title ("Senior Reporter"), a post-nominal ("PhD") or byline
furniture ("Email the author") is dropped; what is left must look like a name: a few
words, letters first, no digits, not a sentence. ALL-CAPS names are title-cased and
duplicates are dropped case-insensitively. The word lists are lexicons
(`meta_byline_prefixes`, `meta_author_roles`, `meta_not_names`, `meta_not_name_words`,
`meta_credentials`, `meta_outlet_words`).

`strict=False` is for sources that only ever hold names (a JSON-LD Person, `<meta
name=author>`); `strict=True` is for visible text, where an outlet line or a sentence may
follow the name and an organisation is not taken for an author.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from articlekit._lexicon import load, load_common
from articlekit._meta.dates import find_dates

_PREFIXES = tuple(sorted(load("meta_byline_prefixes"), key=len, reverse=True))
_ROLE_WORDS = frozenset(r for r in load("meta_author_roles") if " " not in r)
_ROLE_PHRASES = frozenset(r for r in load("meta_author_roles") if " " in r)
_NOT_NAMES = frozenset(n.casefold() for n in load("meta_not_names"))
_NOT_NAME_WORDS = frozenset(w.casefold() for w in load("meta_not_name_words"))
_CREDENTIALS = frozenset(load_common("meta_credentials"))
_OUTLET_WORDS = frozenset(w.casefold() for w in load("meta_outlet_words"))
_AGENCIES = frozenset(a.casefold().replace(".", "") for a in load_common("meta_agencies"))
_UPDATED_RE = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in load("meta_date_updated"))
    + r")(?![^\W\d_])",
    re.I,
)
_WEEKDAYS = frozenset(w.casefold() for w in load("meta_weekdays"))

MAX_AUTHORS = 12
_MAX_BYLINE_CHARS = 400
_MAX_NAME_WORDS = 6
_MAX_STRICT_WORDS = 5
_MAX_NAME_CHARS = 60

_PREFIX_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in _PREFIXES) + r")(?![^\W\d_])\s*:?\s*", re.I
)
# an author's label inside a line of labelled post data, and the label after the name
_AUTHOR_LABEL_RE = re.compile(r"(?<![^\W\d_])(?:author|autor|autorin|auteur|autora)\s*:\s*", re.I)
_NEXT_LABEL_RE = re.compile(r"\s+[^\W\d_]+:(?:\s|$)")
_URL_RE = re.compile(
    r"\(?(?:\b(?:https?://|www\.)[^\s()]+|[^\s()]+@[^\s()]+\.[A-Za-z]{2,}|(?<!\w)@\w+"
    r"|[^\s()\[\]]+\s*[\[(]\s*at\s*[\])]\s*[^\s()]+\.[A-Za-z]{2,})\)?",  # "ana[at]example.org"
    re.I,
)
# A site's address alone ("mdr.de", "NU.nl"): the outlet, not a person.
_DOMAIN_RE = re.compile(
    r"[^\W_](?:[\w-]*\.)+(?:com|org|net|info|news|de|at|ch|fr|be|es|it|nl|eu|uk|co|io|tv|fm)",
    re.I,
)
# A desk's short code ("det/dpa": the editor's initials in lower case), no name.
_SHORT_CODE_MAX = 3
_CUT_RE = re.compile(r"\s(?:\||•|·|–|—|-{1,2})\s|\s*[|•·]\s*|\n\s*\n|\t")
_SPLIT_RE = re.compile(r"\s*(?:;|,|&|\+|\n|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bu\.)\s*", re.I)
_BRACKETS_RE = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_WITH_RE = re.compile(r"^(?:with|mit|avec|con)\s+", re.I)
_CAPS_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def clean_authors(values: Iterable[str], *, strict: bool = False) -> tuple[str, ...]:
    """The person names in one or more byline strings, in order, without duplicates."""
    names: dict[str, str] = {}
    for value in values:
        for name in split_byline(value, strict=strict):
            names.setdefault(name.casefold(), name)
            if len(names) >= MAX_AUTHORS:
                return tuple(names.values())
    return tuple(names.values())


def split_byline(byline: str, *, strict: bool = False) -> list[str]:
    """The names in one byline string ("By Ana Ruiz and Tom Becker | Updated 3 May")."""
    text = byline[:_MAX_BYLINE_CHARS]
    if "&" in text:  # JSON-LD and CMS fields carry HTML escapes: "Jos&#xE9; Pinto"
        text = html.unescape(text)
    text = _URL_RE.sub(" ", text)
    labelled = _AUTHOR_LABEL_RE.search(text)
    if labelled is not None and labelled.start() > 0:
        # "Datum: 19.11.2021 Autor: Ana Ruiz Quelle: dpa": the name runs from its label
        # to the next one
        text = _NEXT_LABEL_RE.split(text[labelled.end() :], maxsplit=1)[0]
    text = _cut_at_date(text)
    lines = [line for line in re.split(r"\s*\n\s*", text) if line.strip()]
    if strict and len(lines) > 1:
        lines = [line for line in lines if not is_outlet(_strip_prefix(line))]
    names: list[str] = []
    for line in lines:
        names.extend(_names_in_line(line, strict))
    return names


def _cut_at_date(text: str) -> str:
    """The byline up to the first date or "Updated" word, which end the names."""
    updated = _UPDATED_RE.search(text)
    end = updated.start() if updated is not None else len(text)
    first = next(find_dates(text[:end]), None)
    if first is not None:
        end = min(end, first.start)
        words = text[:end].rstrip(" ,.|-–—").split(" ")
        while words and words[-1].casefold().rstrip(".,") in _WEEKDAYS:
            words.pop()  # "Ana Ruiz Fri, 12 March 2021": the weekday belongs to the date
        return " ".join(words)
    return text[:end]


def _names_in_line(line: str, strict: bool) -> list[str]:
    line = _CUT_RE.split(line.strip(), maxsplit=1)[0]
    line = _strip_prefix(line)
    line = _unbracket(line)
    parts = _SPLIT_RE.split(line)
    if len(parts) > 1 and any(len(part.strip()) == 1 for part in parts):
        parts = [line]  # "Mac & i": a lone letter is no person; the mark is in a name
    names = []
    anchored = False  # another part is a full name, an outlet or a site's address
    for part in parts:
        name = _clean_part(part)
        if not name:
            continue
        if len(parts) > 1 and (" " in name or _DOMAIN_RE.fullmatch(name) or is_outlet(name)):
            anchored = True
        if looks_like_name(name, strict=strict):
            names.append(_title_case_caps(name))
    if anchored:
        # "Ana Ruiz, London", "Example Verlag GmbH, Nuremberg, Germany": next to a full
        # name or an outlet, a lone capitalised word is where they are, not who
        names = [name for name in names if not _lone_word(name)]
    return names


def _lone_word(name: str) -> bool:
    """One word of a cased script ("London"); names in scripts without case stay."""
    return " " not in name and name.isalpha() and not name.islower() and not name.isupper()


def _strip_prefix(text: str) -> str:
    previous = None
    while previous != text:  # "By: Written by Ana" is rare, but cheap to handle
        previous = text
        text = _PREFIX_RE.sub("", text, count=1)
    return text.strip()


def _unbracket(text: str) -> str:
    """'Ana Ruiz (with Tom Becker)' -> 'Ana Ruiz, Tom Becker'; '(stevenhgm)' handles go."""

    def inner(match: re.Match[str]) -> str:
        content = (match.group(1) or match.group(2) or "").strip()
        if _WITH_RE.match(content):
            return ", " + _WITH_RE.sub("", content)
        if any(w.casefold() in _PREFIXES for w in content.split()[:2]):
            return ", " + _strip_prefix(content)
        if len(content.split()) <= 3 and content[:1].isupper() and not content.isupper():
            return " " + content + " "  # a middle name or nickname: "Bruno (Henrique) Rodrigues"
        return " "

    return _BRACKETS_RE.sub(inner, text)


def _clean_part(part: str) -> str:
    part = _strip_prefix(part.strip(" \t\r\n.,:;-–—|*\"'“”‘’"))
    part = _WITH_RE.sub("", part)
    part = re.sub(r"\s+", " ", part).strip(" .,:;-–—|*")
    if not part or part.casefold().replace(".", "") in _CREDENTIALS:
        return ""
    return _drop_trailing_role(part)


def _drop_trailing_role(part: str) -> str:
    """Strip a job title before or after a name; a part that is only a role -> ''.

    "Staff Writer Ana Ruiz", "Ana Ruiz Staff Writer" and "Ana Ruiz Reporter" give "Ana
    Ruiz"; "Senior Reporter" gives "" (a role alone), and so do "Ana Reporter" and "Ana
    Ruiz Games Editor": where a name ends and a role begins is not known.
    """
    words = part.split(" ")
    folded = [w.casefold() for w in words]
    for phrase in _ROLE_PHRASES:
        size = phrase.count(" ") + 1
        if len(words) >= size + 2 and " ".join(folded[-size:]) == phrase:
            return " ".join(words[:-size])
        if len(words) >= size + 2 and " ".join(folded[:size]) == phrase:
            return " ".join(words[size:])
    if folded[-1] in _ROLE_WORDS or " ".join(folded) in _ROLE_PHRASES:
        if len(words) == 3 and all(w[:1].isupper() for w in words[:2]):
            return " ".join(words[:2])  # "Ana Ruiz Reporter"; with more words the role's
        return ""  # own words ("Ana Ruiz Games Editor") cannot be told from the name
    return part


def looks_like_name(text: str, *, strict: bool = False) -> bool:
    """Whether `text` could be a person's (or, when not strict, an author's) name."""
    folded = text.casefold()
    if not text or len(text) > _MAX_NAME_CHARS or folded in _NOT_NAMES:
        return False
    if any(ch.isdigit() or ch in "@©:" for ch in text):
        return False  # a date, an address, a handle, a credit ("Bild © ARD"), a label
    if len(text.rstrip(".")) < 2:  # a lone letter: "V" left of "Verband e.V." split on "e"
        return False
    if _DOMAIN_RE.fullmatch(text) or (len(text) <= _SHORT_CODE_MAX and text.islower()):
        return False
    words = text.split()
    if len(words) > (_MAX_STRICT_WORDS if strict else _MAX_NAME_WORDS):
        return False
    if not (text[0].isalpha() or text[0] in "'’") or (strict and text[0].islower()):
        return False
    lowered = [w.casefold().strip(".,") for w in words]
    if any(w in _NOT_NAME_WORDS for w in lowered):
        return False
    if strict:
        return not is_outlet(text) and _capitalised(words)
    return len(words) == 1 or not _all_lower_case(words)


def _all_lower_case(words: list[str]) -> bool:
    """Words of a cased script none of which starts with a capital: a phrase ("news
    service reports"), not a name, which has at least one capital even in metadata."""
    cased = [w for w in words if any(ch.isupper() or ch.islower() for ch in w)]
    return bool(cased) and not any(w[0].isupper() for w in cased)


def _capitalised(words: list[str]) -> bool:
    """Words start upper-case, bar name particles ("de", "van", "bin"); uncased scripts pass."""
    cased = [w for w in words if any(ch.isupper() or ch.islower() for ch in w)]
    if not cased:
        return True
    lower = sum(1 for w in cased if not w[0].isupper())
    return cased[-1][0].isupper() and lower * 2 <= len(cased) - 1


def is_agency(name: str) -> bool:
    """Whether a name is a news agency's ("AFP", "The Associated Press", "Reuters")."""
    return name.casefold().replace(".", "").strip() in _AGENCIES


def is_outlet(text: str) -> bool:
    """Whether a name reads as an outlet's ("Daily News", "example.com"), not a person's."""
    if re.search(r"[^\s.]\.(?:com|org|net|de|fr|es|co|uk|io|news|info)\b", text, re.I):
        return True
    return any(w.casefold() in _OUTLET_WORDS for w in _CAPS_WORD_RE.findall(text))


def _title_case_caps(name: str) -> str:
    """'JOE HILDEBRAND' -> 'Joe Hildebrand', "O'NEIL-SMITH" -> "O'Neil-Smith"; else as is."""
    cased = [ch for ch in name if ch.isupper() or ch.islower()]
    if len(cased) < 2 or any(ch.islower() for ch in cased) or " " not in name.strip():
        return name  # "AFP", "UOL": one upper-case word is an acronym, not a shouted name
    return _CAPS_WORD_RE.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower(), name)
