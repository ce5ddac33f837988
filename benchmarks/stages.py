"""Where `parse_article`'s time goes: median ms per page of each pipeline stage.

Usage, from the repository root::

    python -m benchmarks.stages DATASET [--repeat 5] [--limit N] [--markdown]

`DATASET` is a benchmark folder (the layouts of `benchmarks.datasets`) or a JSONL file
whose lines have a ``"text"`` field (the layout of ``../shared/bench/quotes``; each text
is parsed as a Markdown clipping, as `benchmarks.quotes` does).

Each page runs the stages of `articlekit._pipeline.parse_article` one after another, in
the same order and with the same arguments, timing each with `time.process_time_ns`:

- **parse**: decode and sniff, then the HTML tree (`parse_html`) or the Markdown reader
  (which also reads the front matter and the blocks: for Markdown, "parse" holds all of
  the reading, "content" is zero and "metadata" is only the lead-text part);
- **metadata**: `<meta>`/JSON-LD metadata, the base URL, and the lead-text metadata read
  after cleaning;
- **content**: the main-content blocks (`read_html_content`, or the JSON-LD articleBody);
- **clean**: `clean_blocks`;
- **render**: the body's text, Markdown and links (`render_body`), figures, the Article;
- **quotes**: the quote stage (`_quotes`, i.e. `find_quotes` and the Quote objects).

Every page is run `--repeat` times (after one untimed warm-up pass over the first pages)
and each stage keeps its fastest time per page, so a burst of load from other processes
counts as little as possible. The report gives, per stage, the median and the mean ms per
page and its share of the summed time; for the quote stage also what it adds on top of
the rest (quotes / everything else), and, on pages with words, ms per 1,000 words.
The stage calls mirror `parse_article`: a test checks that their result equals it.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from articlekit import _meta
from articlekit import _pipeline as pipeline
from articlekit._body import render_body
from articlekit._clean import clean_blocks
from articlekit._html import base_url, parse_html
from articlekit._inline import safe_blocks
from articlekit._meta import Metadata
from articlekit._model import Article
from articlekit._options import Options
from benchmarks.body import machine_line
from benchmarks.datasets import iter_pages
from benchmarks.report import format_table

STAGES = ("parse", "metadata", "content", "clean", "render", "quotes")
_WARMUP_PAGES = 3
_T = TypeVar("_T")


@dataclass(frozen=True)
class Source:
    """One input: what `parse_article` gets."""

    id: str
    source: str | bytes
    url: str | None


@dataclass
class StageTimes:
    """Fastest ns per stage for one page, and its word count."""

    words: int = 0
    ns: dict[str, int] = field(default_factory=dict)

    def keep_fastest(self, run: dict[str, int]) -> None:
        for stage, ns in run.items():
            if stage not in self.ns or ns < self.ns[stage]:
                self.ns[stage] = ns


class _Clock:
    """Times consecutive calls and files each under its stage."""

    def __init__(self) -> None:
        self.ns = dict.fromkeys(STAGES, 0)

    def run(self, stage: str, call: Callable[[], _T]) -> _T:
        start = time.process_time_ns()
        result = call()
        self.ns[stage] += time.process_time_ns() - start
        return result


def staged_parse(source: str | bytes, url: str | None) -> tuple[Article, dict[str, int]]:
    """`parse_article(source, url)` run stage by stage: the Article and ns per stage."""
    options = Options()
    clock = _Clock()
    text, notes = clock.run("parse", lambda: pipeline._read_source(source, options))
    kind = clock.run("parse", lambda: pipeline._choose_format(text, None))
    if kind == "markdown":
        metadata, document, base = clock.run("parse", lambda: pipeline._read_markdown(text, url))
    else:
        root = clock.run("parse", lambda: parse_html(text))
        if root is None:
            return pipeline.parse_article(source, url), clock.ns  # empty: nothing to stage
        metadata, base_href = clock.run("metadata", lambda: _meta.read_html_page(root, url))
        base = clock.run("metadata", lambda: base_url(base_href, url or metadata.canonical_url))
        document = clock.run("content", lambda: pipeline._html_content(root, text))
    clipping = kind == "markdown"
    cleaned = clock.run(
        "clean",
        lambda: clean_blocks(
            safe_blocks(document.blocks),
            title=metadata.title,
            description=metadata.description if clipping else None,
            drop_deks=clipping,
        ),
    )
    merged: Metadata = clock.run(
        "metadata",
        lambda: _meta.merge(
            metadata,
            _meta.metadata_from_text(
                pipeline._lead_texts(cleaned),
                url or metadata.url,
                language=not metadata.language,
            ),
        ),
    )
    rendered = clock.run("render", lambda: render_body(cleaned.blocks, base))
    quotes = clock.run("quotes", lambda: pipeline._quotes(rendered, cleaned))
    warnings = (*notes, *document.warnings, *merged.warnings)
    article = clock.run(
        "render",
        lambda: pipeline._article(
            merged, rendered, quotes, pipeline._absolute_figures(cleaned.figures, base), warnings
        ),
    )
    return article, clock.ns


def load_sources(dataset: Path, limit: int | None = None) -> list[Source]:
    """The inputs of a benchmark folder, or of a JSONL file with "text" fields."""
    if dataset.is_file():
        sources = []
        with dataset.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if line.strip() and (limit is None or len(sources) < limit):
                    record = json.loads(line)
                    sources.append(Source(str(record.get("id", number)), record["text"], None))
        return sources
    return [Source(page.id, page.html, page.url) for page in iter_pages(dataset, limit)]


def time_stages(sources: Sequence[Source], repeat: int) -> list[StageTimes]:
    """Fastest ns per stage for every source, over `repeat` passes."""
    for source in sources[:_WARMUP_PAGES]:  # untimed: lazy imports, compiled patterns
        staged_parse(source.source, source.url)
    times = [StageTimes() for _ in sources]
    for _ in range(repeat):
        for source, page in zip(sources, times, strict=True):
            article, ns = staged_parse(source.source, source.url)
            page.words = len(article.body.text.split())
            page.keep_fastest(ns)
    return times


def summary_rows(times: Iterable[StageTimes]) -> list[list[str]]:
    """One row per stage: median and mean ms per page, share of the summed time."""
    pages = list(times)
    totals = {stage: sum(page.ns.get(stage, 0) for page in pages) for stage in STAGES}
    everything = sum(totals.values()) or 1
    rows = []
    for stage in STAGES:
        ms = [page.ns.get(stage, 0) / 1e6 for page in pages]
        rows.append(
            [
                stage,
                f"{statistics.median(ms):.3f}" if ms else "-",
                f"{statistics.fmean(ms):.3f}" if ms else "-",
                f"{100 * totals[stage] / everything:.1f} %",
            ]
        )
    all_ms = [sum(page.ns.values()) / 1e6 for page in pages]
    rows.append(
        [
            "all",
            f"{statistics.median(all_ms):.3f}" if all_ms else "-",
            f"{statistics.fmean(all_ms):.3f}" if all_ms else "-",
            "100 %",
        ]
    )
    return rows


def quote_figures(times: Iterable[StageTimes]) -> dict[str, float]:
    """The quote stage against the rest: share, added on top, ms per 1,000 words."""
    pages = list(times)
    quotes = sum(page.ns.get("quotes", 0) for page in pages)
    everything = sum(sum(page.ns.values()) for page in pages)
    rest = everything - quotes
    words = sum(page.words for page in pages)
    return {
        "share": quotes / everything if everything else 0.0,
        "added": quotes / rest if rest else 0.0,
        "median_added": median_added(pages, "quotes"),
        "ms_per_1k_words": quotes / 1e6 / (words / 1000) if words else 0.0,
    }


def median_added(pages: Sequence[StageTimes], stage: str) -> float:
    """What `stage` adds on top of the other stages on the median page: the "typical
    article" the issues' budgets speak of (pages with a body only)."""
    added = []
    for page in pages:
        own = page.ns.get(stage, 0)
        rest = sum(page.ns.values()) - own
        if page.words and rest:
            added.append(own / rest)
    return statistics.median(added) if added else 0.0


def report(dataset: Path, times: Sequence[StageTimes], repeat: int, markdown: bool) -> str:
    command = "python -m benchmarks.stages " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    figures = quote_figures(times)
    table = format_table(
        ["stage", "median ms/page", "mean ms/page", "share of time"],
        summary_rows(times),
        markdown,
    )
    return "\n".join(
        [
            f"{dataset.name}: {len(times)} pages, fastest of {repeat} runs per page",
            f"`{command}`" if markdown else command,
            machine_line(),
            "",
            table,
            "",
            f"quote stage: {100 * figures['share']:.1f} % of parse_article's time, "
            f"{100 * figures['added']:.1f} % added on top of the other stages, "
            f"{figures['ms_per_1k_words']:.2f} ms per 1,000 body words; on the median page "
            f"quotes add {100 * figures['median_added']:.1f} %, metadata "
            f"{100 * median_added(times, 'metadata'):.1f} %",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__)
    parser.add_argument("dataset", type=Path, help="a benchmark folder or a JSONL file")
    parser.add_argument("--repeat", type=int, default=5, help="passes; the fastest counts")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args(argv)
    if not args.dataset.exists():
        parser.error(f"{args.dataset} does not exist")
    sources = load_sources(args.dataset, args.limit)
    times = time_stages(sources, max(1, args.repeat))
    print(report(args.dataset, times, max(1, args.repeat), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
