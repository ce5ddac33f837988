"""Language codes: normalising what a page declares, detecting what it does not.

The convention is the primary language subtag, lowercased: "en-US", "en_GB" and "EN"
are all "en", and "pt-BR" is "pt". Regions are declared so inconsistently (og:locale
"en_US" on British pages) that keeping them would be noise. Three-letter ISO 639-2 codes
and English/native language names that pages put in `<meta name=language>` are mapped to
the two-letter code; placeholders ("und", "mul", "x-default") give None.

Detection counts frequent function words (the `meta_stopwords` lexicons) in the text:
cheap, deterministic, and only trusted when the text is long enough and one language
clearly leads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from articlekit._lexicon import load

DETECTABLE = ("en", "de", "fr", "es", "it", "pt", "nl")
_MIN_WORDS = 25
_MIN_SHARE = 0.12
_MIN_LEAD = 1.6

_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "eng": "en",
        "english": "en",
        "deu": "de",
        "ger": "de",
        "german": "de",
        "deutsch": "de",
        "fra": "fr",
        "fre": "fr",
        "french": "fr",
        "français": "fr",
        "francais": "fr",
        "spa": "es",
        "spanish": "es",
        "español": "es",
        "espanol": "es",
        "ita": "it",
        "italian": "it",
        "italiano": "it",
        "por": "pt",
        "portuguese": "pt",
        "português": "pt",
        "nld": "nl",
        "dut": "nl",
        "dutch": "nl",
        "nederlands": "nl",
    }
)
_PLACEHOLDERS = frozenset({"und", "mul", "zxx", "mis", "xx", "x", "i"})
_STOPWORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {lang: frozenset(load("meta_stopwords", (lang,))) for lang in DETECTABLE}
)
_LANGUAGES_OF: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        word: tuple(lang for lang in DETECTABLE if word in _STOPWORDS[lang])
        for word in frozenset().union(*_STOPWORDS.values())
    }
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def normalise_language(value: str) -> str | None:
    """'en-US' -> 'en'; None for anything that is not a language."""
    text = value.strip().casefold().replace("_", "-")[:40]
    text = re.split(r"[\s,;]", text, maxsplit=1)[0]
    if text in _ALIASES:
        return _ALIASES[text]
    primary = text.split("-", 1)[0]
    primary = _ALIASES.get(primary, primary)
    if not (2 <= len(primary) <= 3 and primary.isascii() and primary.isalpha()):
        return None
    return None if primary in _PLACEHOLDERS else primary


def detect_language(text: str) -> str | None:
    """The language of `text` by its function words, or None when unsure."""
    words = _WORD_RE.findall(text[:20_000].casefold())
    if len(words) < _MIN_WORDS:
        return None
    counts = dict.fromkeys(DETECTABLE, 0)
    for word in words:  # one pass: each word looked up once, in all languages at a time
        for lang in _LANGUAGES_OF.get(word, ()):
            counts[lang] += 1
    scores = sorted(((count, lang) for lang, count in counts.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < _MIN_SHARE * len(words) or best < _MIN_LEAD * second:
        return None
    return lang
