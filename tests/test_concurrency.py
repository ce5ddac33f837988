"""parse_article keeps no state between calls and is safe to call from many threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import articlekit

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bridge-reopens.html"


def test_threads_give_the_same_articles_as_sequential_calls() -> None:
    """Many threads parsing different inputs at once get what a lone call gets."""
    page = EXAMPLE.read_bytes()
    sources = [
        page,
        page.decode("utf-8"),
        "# Title\n\n“Quoted words here,” said Ana Ruiz.",
        b"",
        "<p>x</p>",
    ] * 8
    expected = [articlekit.parse_article(source) for source in sources]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(articlekit.parse_article, sources))
    assert got == expected


def test_call_order_does_not_matter() -> None:
    """Parsing A after B gives the same A as parsing A first."""
    page = EXAMPLE.read_bytes()
    first = articlekit.parse_article(page)
    articlekit.parse_article("---\ntitle: Other\n---\nSomething else entirely, said Tom Becker.")
    assert articlekit.parse_article(page) == first
