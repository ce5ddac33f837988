"""Small text helpers shared by the metadata modules."""

from __future__ import annotations

import html
import re

_WORD_RE = re.compile(r"\w+")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")  # \w is str.isalnum() plus "_"


def clean_text(value: str) -> str | None:
    """White space collapsed, a second level of HTML escaping undone; None when empty."""
    if "&" in value:
        value = html.unescape(value)
    text = " ".join(value.split())
    return text or None


def norm(text: str) -> str:
    """Letters and digits only, case-folded: for comparing names and titles."""
    return _NOT_ALNUM_RE.sub("", text.casefold())


def similarity(text: str, other: str) -> float:
    """The share of `text`'s words found in `other`; character pairs for unspaced scripts."""
    words = _WORD_RE.findall(text.casefold())
    if len(words) > 1:
        theirs = set(_WORD_RE.findall(other.casefold()))
        return sum(1 for w in words if w in theirs) / len(words)
    a, b = norm(text), norm(other)
    pairs = {a[i : i + 2] for i in range(len(a) - 1)}
    if not pairs:
        return 1.0 if a and a in b else 0.0
    theirs_pairs = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(pairs & theirs_pairs) / len(pairs)
