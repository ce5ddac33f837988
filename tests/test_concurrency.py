"""parse_article keeps no state between calls and is safe to call from many threads."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import articlekit
from tests.conftest import CORPUS

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


def _corpus_sources() -> list[tuple[bytes, str | None]]:
    sources = []
    for case in sorted(p for p in CORPUS.iterdir() if (p / "case.json").is_file()):
        url = json.loads((case / "case.json").read_text(encoding="utf-8")).get("url")
        page = next(case / name for name in ("input.html", "input.md") if (case / name).is_file())
        sources.append((page.read_bytes(), url))
    return sources


def _to_json(source: tuple[bytes, str | None]) -> str:
    return articlekit.parse_article(source[0], url=source[1]).to_json()


def test_corpus_from_threads_and_processes_is_byte_identical_to_a_serial_run() -> None:
    """The whole corpus parsed from 8 threads, in reverse order, and from a process pool
    gives byte for byte the JSON of a serial run: no shared state, no order effects."""
    sources = _corpus_sources()
    assert len(sources) > 10
    serial = [_to_json(source) for source in sources]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_to_json, sources * 2))
    backwards = [_to_json(source) for source in reversed(sources)][::-1]
    with ProcessPoolExecutor(max_workers=2) as processes:
        in_processes = list(processes.map(_to_json, sources, chunksize=4))
    assert threaded == serial * 2
    assert backwards == serial
    assert in_processes == serial
