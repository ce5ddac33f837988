"""What share of `parse_article`'s instructions the metadata stage takes, counted by
cachegrind: deterministic, where timings on a shared machine vary by about 10 %.

Usage, from the repository root (needs `valgrind` on the PATH)::

    python -m benchmarks.instructions DATASET [--limit N]

Runs this module three times under ``valgrind --tool=cachegrind`` with
``PYTHONHASHSEED=0``: once for the setup alone (read the pages, parse each one and run
the whole pipeline once, keeping what the metadata calls need), once for the setup plus
`parse_article` on every page, once for the setup plus the metadata calls on every page
(`_meta.read_html_page`, `base_url`, and the lead-text fallback with its merge, with the
arguments `parse_article` gives them). Each workload runs twice over the pages. It prints
the three counts, the metadata's share of `parse_article` and what it adds to the rest.
Only HTML pages count: a Markdown clipping's metadata is part of its reading.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml.html import HtmlElement

from articlekit import _meta
from articlekit import _pipeline as pipeline
from articlekit._clean import clean_blocks
from articlekit._html import base_url, parse_html
from articlekit._inline import safe_blocks
from articlekit._meta import Metadata
from articlekit._options import Options
from benchmarks.datasets import iter_pages

PARTS = ("setup", "all", "metadata")
_ROUNDS = 2


@dataclass(frozen=True)
class Prepared:
    """One HTML page, ready for the metadata calls."""

    root: HtmlElement
    url: str | None
    declares_language: bool
    lead: Sequence[str]


_REFS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def prepare(source: str | bytes, url: str | None) -> Prepared | None:
    """What the metadata calls get for one page (None for a clipping or an empty page):
    a freshly parsed tree, the URL, the page's own metadata (for its declared language)
    and the lead texts of the cleaned body."""
    text, _ = pipeline._read_source(source, Options())
    root = parse_html(text)
    if root is None or pipeline._choose_format(text, None) != "html":
        return None
    metadata, document, _ = pipeline._read_html(text, url)
    cleaned = clean_blocks(
        safe_blocks(document.blocks), title=metadata.title, description=None, drop_deks=False
    )
    return Prepared(root, url, bool(metadata.language), pipeline._lead_texts(cleaned))


def metadata_stage(page: Prepared) -> tuple[Metadata, str | None]:
    """The metadata calls of `parse_article` on a page: its metadata and base URL."""
    metadata, base_href = _meta.read_html_page(page.root, page.url)
    base = base_url(base_href, page.url or metadata.canonical_url)
    fallback = _meta.metadata_from_text(
        page.lead, page.url or metadata.url, language=not page.declares_language
    )
    return _meta.merge(metadata, fallback), base


def run_part(dataset: Path, part: str, limit: int | None) -> None:
    """The workload of one part (see the module docstring)."""
    pages = [(page, prepare(page.html, page.url)) for page in iter_pages(dataset, limit)]
    html = [(page, prepared) for page, prepared in pages if prepared is not None]
    for _ in range(_ROUNDS if part != "setup" else 0):
        for page, prepared in html:
            if part == "all":
                pipeline.parse_article(page.html, page.url)
            else:
                metadata_stage(prepared)


def count(dataset: Path, part: str, limit: int | None) -> int:
    """Instructions of one part's process, as cachegrind counts them."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-m", "benchmarks.instructions", str(dataset), "--part", part,
    ]  # fmt: skip
    if limit is not None:
        command += ["--limit", str(limit)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = _REFS_RE.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"the {part} run failed: {done.stderr[-600:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part is not None:
        run_part(args.dataset, args.part, args.limit)
        return 0
    counts = {part: count(args.dataset, part, args.limit) for part in PARTS}
    whole = counts["all"] - counts["setup"]
    metadata = counts["metadata"] - counts["setup"]
    print(f"instructions over {_ROUNDS} rounds: setup {counts['setup']:,}, ", end="")
    print(f"parse_article {whole:,}, metadata {metadata:,}")
    print(f"metadata: {metadata / whole:.1%} of parse_article, ", end="")
    print(f"{metadata / (whole - metadata):.1%} added to the rest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
