"""Body-extraction benchmark: articlekit against the peers, accuracy and speed in one run.

Usage, from the repository root (the peers come from the ``bench`` extra)::

    python -m benchmarks.body DATASET... [--tools articlekit,trafilatura] [--repeat 3]
        [--memory] [--worst 10] [--report worst.md] [--json results.json] [--plot f1.png]

For each dataset folder (see `benchmarks.datasets` for the layouts) every installed tool
extracts every page; the output is scored with the 4-token-shingle P/R/F1 of the Zyte
benchmark (`benchmarks.metrics`) and timed interleaved in this one process
(`benchmarks.timing`), next to the floor of bare lxml parsing. Tools that are not
installed are skipped with a note.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.datasets import Dataset, load_dataset
from benchmarks.extractors import FLOOR, REFERENCE, TOOLS, Tool, build_tools, tool_named
from benchmarks.metrics import Scores, excerpt, score, tokenize, uncovered_spans
from benchmarks.report import PlotPoint, format_table, plot_speed_accuracy
from benchmarks.timing import peak_rss, time_interleaved

_BUILDER = "benchmarks.extractors:build_extractor"


@dataclass
class ToolResult:
    """One tool on one dataset: outputs, scores, best times per page and memory."""

    tool: Tool
    version: str
    texts: list[str]
    errors: dict[int, str]
    wall_ns: list[int]
    cpu_ns: list[int]
    scores: Scores | None  # None for the unscored lxml floor
    memory: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.tool.name

    @property
    def total_s(self) -> float:
        return sum(self.wall_ns) / 1e9

    @property
    def pages_per_second(self) -> float:
        return len(self.wall_ns) / self.total_s if self.total_s else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.wall_ns) / 1e6 if self.wall_ns else 0.0

    @property
    def empty(self) -> int:
        """Pages where the tool returned no token without raising."""
        return sum(1 for i, t in enumerate(self.texts) if not tokenize(t) and i not in self.errors)


@dataclass
class DatasetResult:
    """All tools on one dataset."""

    dataset: Dataset
    tools: list[ToolResult]
    timing_s: float

    def tool(self, name: str) -> ToolResult | None:
        return next((r for r in self.tools if r.name == name), None)

    def speed_ratio(self, result: ToolResult, cpu: bool = False) -> float | None:
        """Throughput relative to trafilatura in the same run (> 1 is faster)."""
        reference = self.tool(REFERENCE)
        if reference is None:
            return None
        mine, theirs = (
            (sum(result.cpu_ns), sum(reference.cpu_ns))
            if cpu
            else (sum(result.wall_ns), sum(reference.wall_ns))
        )
        return theirs / mine if mine else None


def run_dataset(
    dataset: Dataset,
    tools: list[tuple[Tool, Any]],
    *,
    repeat: int,
    timeout: float,
    memory: bool,
    limit: int | None,
) -> DatasetResult:
    """Measure memory (optional, child interpreters first), then time and score every tool."""
    figures = {t.name: peak_rss(_BUILDER, t.name, dataset.path, limit) for t, _ in tools if memory}
    pages = list(dataset.pages)
    _note(f"{dataset.name}: {len(pages)} pages ({dataset.layout}), {len(tools)} tools, ×{repeat}")
    started = datetime.datetime.now()
    runs = time_interleaved(
        [(t.name, extract) for t, extract in tools],
        pages,
        repeat=repeat,
        timeout=timeout,
        progress=_note,
    )
    timing_s = (datetime.datetime.now() - started).total_seconds()
    expected = [p.expected_text for p in pages]
    results = [
        ToolResult(
            tool=tool,
            version=tool.version(),
            texts=run.texts,
            errors=run.errors,
            wall_ns=run.wall_ns,
            cpu_ns=run.cpu_ns,
            scores=score(expected, run.texts) if tool.scored else None,
            memory=figures.get(tool.name, {}),
        )
        for (tool, _), run in zip(tools, runs, strict=True)
    ]
    return DatasetResult(dataset, results, timing_s)


# --- reporting ------------------------------------------------------------------------

_HEADERS = [
    "tool",
    "version",
    "F1",
    "precision",
    "recall",
    "page F1",
    "errors",
    "empty",
    "ms/page",
    "pages/s",
    "× traf",
    "× traf CPU",
    "peak MB",
]


def _fmt(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def summary_table(result: DatasetResult, markdown: bool = False) -> str:
    """One row per tool, best F1 first, the lxml floor last."""
    ordered = sorted(
        result.tools, key=lambda r: (r.scores is None, -(r.scores.f1 if r.scores else 0))
    )
    rows = []
    for r in ordered:
        s = r.scores
        name = f"{r.name} (parse only, floor)" if not r.tool.scored else r.name
        rows.append(
            [
                name,
                r.version,
                _fmt(s.f1 if s else None, 3),
                _fmt(s.precision if s else None, 3),
                _fmt(s.recall if s else None, 3),
                _fmt(s.mean_page_f1 if s else None, 3),
                str(len(r.errors)),
                str(r.empty) if s else "-",
                _fmt(r.median_ms, 1),
                _fmt(r.pages_per_second, 1),
                _fmt(result.speed_ratio(r), 2),
                _fmt(result.speed_ratio(r, cpu=True), 2),
                _fmt(r.memory.get("peak_mb"), 0),
            ]
        )
    return format_table(_HEADERS, rows, markdown)


@dataclass(frozen=True)
class WorstPage:
    """A page where a tool did badly, with what it lost and what leaked in."""

    page_id: str
    f1: float
    precision: float | None
    recall: float | None
    output_tokens: int
    expected_tokens: int
    lost_tokens: int
    leaked_tokens: int
    lost: str
    leaked: str
    error: str | None
    others: dict[str, float]  # the other tools' F1 on the same page


def worst_pages(result: DatasetResult, tool: str, k: int) -> list[WorstPage]:
    """The `k` pages with the lowest F1 for `tool`, worst first."""
    mine = result.tool(tool)
    if mine is None or mine.scores is None or k <= 0:
        return []
    pages = result.dataset.pages
    counts = mine.scores.pages
    order = sorted(range(len(pages)), key=lambda i: (counts[i].f1, pages[i].id))[:k]
    worst = []
    for i in order:
        expected, output = pages[i].expected_text, mine.texts[i]
        lost = uncovered_spans(expected, output)
        leaked = uncovered_spans(output, expected)
        worst.append(
            WorstPage(
                page_id=pages[i].id,
                f1=counts[i].f1,
                precision=counts[i].precision,
                recall=counts[i].recall,
                output_tokens=len(tokenize(output)),
                expected_tokens=len(tokenize(expected)),
                lost_tokens=sum(len(tokenize(span)) for span in lost),
                leaked_tokens=sum(len(tokenize(span)) for span in leaked),
                lost=excerpt(lost),
                leaked=excerpt(leaked),
                error=mine.errors.get(i),
                others={
                    r.name: r.scores.pages[i].f1
                    for r in result.tools
                    if r.scores is not None and r.name != tool
                },
            )
        )
    return worst


def _others(page: WorstPage) -> str:
    return ", ".join(f"{name} {f1:.2f}" for name, f1 in page.others.items()) or "-"


def worst_text(tool: str, pages: Sequence[WorstPage]) -> str:
    """The worst pages as plain text for the terminal."""
    lines = [f"worst pages for {tool}:"]
    for p in pages:
        lines.append(
            f"  {p.f1:.3f}  {p.page_id}  P {_fmt(p.precision, 2)} R {_fmt(p.recall, 2)}  "
            f"{p.output_tokens} tokens out / {p.expected_tokens} expected"
            + (f"  ERROR {p.error}" if p.error else "")
        )
        lines.append(f"         others: {_others(p)}")
        lines.append(f"         lost ({p.lost_tokens} tokens): {p.lost or '-'}")
        lines.append(f"         leaked ({p.leaked_tokens} tokens): {p.leaked or '-'}")
    return "\n".join(lines)


def worst_markdown(tool: str, pages: Sequence[WorstPage]) -> str:
    """The worst pages as a Markdown section."""
    lines = [f"### Worst pages for {tool}", ""]
    for p in pages:
        lines += [
            f"#### `{p.page_id}`: F1 {p.f1:.3f} (P {_fmt(p.precision, 3)}, R {_fmt(p.recall, 3)})",
            "",
            f"- output {p.output_tokens} tokens, expected {p.expected_tokens}"
            + (f"; **error**: {p.error}" if p.error else ""),
            f"- other tools on this page: {_others(p)}",
            f"- **lost** ({p.lost_tokens} tokens): {_quote(p.lost)}",
            f"- **leaked in** ({p.leaked_tokens} tokens): {_quote(p.leaked)}",
            "",
        ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return f"“{text}”" if text else "nothing"


def machine_line() -> str:
    """Where and when the run happened, for the report header."""
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )


def markdown_report(results: Sequence[DatasetResult], worst: dict[str, list[WorstPage]]) -> str:
    """The whole run as Markdown: command, machine, one table per dataset, worst pages."""
    command = "python -m benchmarks.body " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    lines = ["# Body-extraction benchmark", "", f"`{command}`", "", machine_line(), ""]
    for result in results:
        lines += [
            f"## {result.dataset.name} ({len(result.dataset.pages)} pages)",
            "",
            summary_table(result, markdown=True),
            "",
        ]
        if worst.get(result.dataset.name):
            lines += [worst_markdown("articlekit", worst[result.dataset.name]), ""]
    return "\n".join(lines)


def to_json(results: Sequence[DatasetResult]) -> dict[str, Any]:
    """Every figure of the run, per dataset, tool and page."""
    out: dict[str, Any] = {"machine": machine_line(), "datasets": {}}
    for result in results:
        pages = result.dataset.pages
        tools: dict[str, Any] = {}
        for r in result.tools:
            s = r.scores
            tools[r.name] = {
                "version": r.version,
                "f1": s.f1 if s else None,
                "precision": s.precision if s else None,
                "recall": s.recall if s else None,
                "mean_page_f1": s.mean_page_f1 if s else None,
                "exact": s.exact if s else None,
                "errors": len(r.errors),
                "empty": r.empty if s else None,
                "median_ms": r.median_ms,
                "pages_per_second": r.pages_per_second,
                "speed_vs_trafilatura": result.speed_ratio(r),
                "cpu_speed_vs_trafilatura": result.speed_ratio(r, cpu=True),
                "memory_mb": r.memory,
                "per_page": {
                    p.id: {
                        "f1": s.pages[i].f1 if s else None,
                        "precision": s.pages[i].precision if s else None,
                        "recall": s.pages[i].recall if s else None,
                        "ms": r.wall_ns[i] / 1e6,
                        "error": r.errors.get(i),
                    }
                    for i, p in enumerate(pages)
                },
            }
        out["datasets"][result.dataset.name] = {
            "path": str(result.dataset.path),
            "layout": result.dataset.layout,
            "pages": len(pages),
            "timing_s": result.timing_s,
            "tools": tools,
        }
    return out


def plot(results: Sequence[DatasetResult], path: Path) -> None:
    """F1 against pages/second for every scored tool, one panel per dataset."""
    panels = []
    for result in results:
        points = [
            PlotPoint(r.name, r.pages_per_second, r.scores.f1)
            for r in result.tools
            if r.scores is not None and r.pages_per_second
        ]
        floor = result.tool(FLOOR)
        title = f"{result.dataset.name} ({len(result.dataset.pages)} pages)"
        panels.append((title, points, floor.pages_per_second if floor else None))
    plot_speed_accuracy(panels, path)


# --- command line ---------------------------------------------------------------------


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _chosen_tools(specs: Sequence[str]) -> list[Tool]:
    names = [n for spec in specs for n in spec.split(",") if n.strip()]
    try:
        chosen = [tool_named(n) for n in names] if names else list(TOOLS)
    except KeyError as error:
        raise SystemExit(str(error.args[0])) from None
    if all(t.name != FLOOR for t in chosen):
        chosen.append(tool_named(FLOOR))  # the floor is always measured
    return list(dict.fromkeys(chosen))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.body",
        description=(__doc__ or "").split("\n\n")[0],
    )
    parser.add_argument("datasets", nargs="*", type=Path, help="dataset folders")
    parser.add_argument(
        "--tools",
        action="append",
        default=[],
        help="comma-separated tools (default: all installed): "
        + ", ".join(t.name for t in TOOLS if t.scored),
    )
    parser.add_argument("--list", action="store_true", help="list the tools and which load")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes (fastest kept)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per call, 0: none")
    parser.add_argument("--memory", action="store_true", help="peak RSS per tool (child each)")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="articlekit's K worst")
    parser.add_argument("--report", type=Path, metavar="FILE", help="write a Markdown report")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all results as JSON")
    parser.add_argument("--plot", type=Path, metavar="FILE", help="F1 vs pages/s as PNG")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    tools, skipped = build_tools(_chosen_tools(args.tools))
    if args.list:
        for tool, _ in tools:
            print(f"{tool.name:<18} {tool.version():<10} ok")
        for name, why in skipped:
            print(f"{name:<18} {'':<10} skipped: {why}")
        return 0
    if not args.datasets:
        parser.error("give at least one dataset folder")
    for name, why in skipped:
        _note(f"skipping {name}: {why}")
    if args.worst and all(t.name != "articlekit" for t, _ in tools):
        _note("--worst needs articlekit among the tools")
    results: list[DatasetResult] = []
    worst: dict[str, list[WorstPage]] = {}
    for folder in args.datasets:
        dataset = load_dataset(folder, args.limit)
        result = run_dataset(
            dataset,
            tools,
            repeat=args.repeat,
            timeout=args.timeout,
            memory=args.memory,
            limit=args.limit,
        )
        results.append(result)
        print(f"\n## {dataset.name}: {len(dataset.pages)} pages, timing {result.timing_s:.0f}s")
        print(summary_table(result, markdown=args.markdown))
        worst[dataset.name] = worst_pages(result, "articlekit", max(args.worst, 0))
        if worst[dataset.name]:
            print()
            print(worst_text("articlekit", worst[dataset.name]))
    print(f"\n{machine_line()}")
    if args.report:
        args.report.write_text(markdown_report(results, worst), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(to_json(results), indent=1), encoding="utf-8")
    if args.plot:
        plot(results, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
