"""Lexicons: word lists kept as data, one file per list and language.

A lexicon lives at ``articlekit/lexicons/<name>.<lang>.txt``: one entry per line, blank
lines and lines starting with ``#`` ignored. Contributors extend articlekit by adding a
line, not code. Files are read once, when a module that needs them is imported; the
result is an immutable tuple, so no state is shared between calls.
"""

from __future__ import annotations

from importlib import resources

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es")


def load_common(name: str) -> tuple[str, ...]:
    """Return the entries of a language-independent list, ``lexicons/<name>.txt``."""
    path = resources.files("articlekit") / "lexicons" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = (line.strip() for line in lines)
    return tuple(dict.fromkeys(e for e in entries if e and not e.startswith("#")))


def load(name: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """Return the entries of lexicon `name` in every language that has the file, in order."""
    entries: list[str] = []
    folder = resources.files("articlekit") / "lexicons"
    for lang in languages:
        path = folder / f"{name}.{lang}.txt"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = line.strip()
            if entry and not entry.startswith("#"):
                entries.append(entry)
    return tuple(dict.fromkeys(entries))
