"""The ``articlekit batch`` command: many pages in, one row per page out.

    articlekit batch INPUT... --out results.jsonl [--workers N] [--format jsonl|parquet]
                     [--max-bytes N] [--fail-on-error]

INPUT is a folder, a JSONL, WARC or ARC file, or a page file (see `read_pages`). Each
row of the output is one page, in input order: where it came from and its article or its
error (see `articlekit._rows`). On a terminal a progress line on standard error shows
pages, pages per second and errors; a summary line ends every run. Exit status: 0, or 1
when ``--fail-on-error`` is given and a page failed, 2 for bad arguments or an input or
output that cannot be opened.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TextIO

from articlekit._batch import BatchError, parse_pages
from articlekit._options import DEFAULT_MAX_INPUT_BYTES, Options
from articlekit._readers import _kind, read_pages
from articlekit._rows import to_arrow_schema, to_row

EXIT_OK = 0
EXIT_PAGE_ERRORS = 1
EXIT_USAGE = 2
_PARQUET_ROWS_PER_GROUP = 1000
_PROGRESS_EVERY_S = 0.25


def add_batch_command(commands: Any) -> None:
    """Register ``batch`` on the ``articlekit`` command's subparsers."""
    batch = commands.add_parser(
        "batch",
        help="parse many pages (folders, JSONL, WARC/ARC files) into one JSONL or Parquet file",
        description="Parse many pages; write one row per page, in input order.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, JSONL/WARC/ARC file")
    batch.add_argument("--out", required=True, help="the output file (- for standard output)")
    batch.add_argument(
        "--format",
        choices=("jsonl", "parquet"),
        default=None,
        help="output format (default: parquet for a .parquet --out, else jsonl)",
    )
    batch.add_argument("--workers", type=int, default=None, help="processes (default: CPUs)")
    batch.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_INPUT_BYTES,
        help="pages above this size are reported as errors",
    )
    batch.add_argument(
        "--fail-on-error", action="store_true", help="exit with status 1 if any page failed"
    )


def run_batch(args: argparse.Namespace, stderr: TextIO | None = None) -> int:
    """Run ``articlekit batch`` with parsed arguments; return the exit status."""
    stderr = stderr or sys.stderr
    output_format = args.format or ("parquet" if args.out.endswith(".parquet") else "jsonl")
    problem = _usage_problem(args, output_format)
    if problem is not None:
        print(f"articlekit batch: {problem}", file=stderr)
        return EXIT_USAGE
    options = Options(max_input_bytes=args.max_bytes)
    pages = read_pages(args.inputs, max_bytes=args.max_bytes)
    tally = Tally(stderr, show_progress=stderr.isatty())
    try:
        with _writer(args.out, output_format) as write:
            for item, outcome in parse_pages(pages, workers=args.workers, options=options):
                write(to_row(item, outcome))
                tally.add(outcome if isinstance(outcome, BatchError) else None)
    except OSError as error:
        print(f"articlekit batch: cannot write {args.out}: {error}", file=stderr)
        return EXIT_USAGE
    tally.finish(args.out)
    failed = args.fail_on_error and tally.errors.total() > 0
    return EXIT_PAGE_ERRORS if failed else EXIT_OK


def _usage_problem(args: argparse.Namespace, output_format: str) -> str | None:
    if args.workers is not None and args.workers < 1:
        return "--workers must be at least 1"
    if args.max_bytes < 1:
        return "--max-bytes must be at least 1"
    missing = [path for path in args.inputs if not os.path.exists(path)]
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    warcs = any(_kind(Path(path)) == "warc" for path in args.inputs)
    if warcs and importlib.util.find_spec("warcio") is None:
        return "reading WARC/ARC files needs warcio: pip install 'articlekit[warc]'"
    if output_format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        return "Parquet output needs pyarrow: pip install 'articlekit[parquet]'"
    if output_format == "parquet" and args.out == "-":
        return "Parquet output needs a file, not standard output"
    return None


class Tally:
    """Counts pages and errors; draws the progress line and prints the summary."""

    def __init__(self, stream: TextIO, *, show_progress: bool) -> None:
        self.stream = stream
        self.show_progress = show_progress
        self.pages = 0
        self.errors: Counter[str] = Counter()
        self.started = time.monotonic()
        self._drawn = 0.0

    def add(self, error: BatchError | None) -> None:
        """Count one page (and its error, if it has one)."""
        self.pages += 1
        if error is not None:
            self.errors[error.error] += 1
        now = time.monotonic()
        if self.show_progress and now - self._drawn >= _PROGRESS_EVERY_S:
            self._drawn = now
            self.stream.write(f"\r{self._counts()}\x1b[K")
            self.stream.flush()

    def finish(self, out: str) -> None:
        """End the progress line and print the summary."""
        if self.show_progress:
            self.stream.write("\r\x1b[K")
        kinds = ", ".join(f"{name} {count:,}" for name, count in self.errors.most_common())
        detail = f" ({kinds})" if kinds else ""
        where = "standard output" if out == "-" else out
        print(f"articlekit batch: {self._counts()}{detail} -> {where}", file=self.stream)

    def _counts(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.pages / elapsed
        errors = self.errors.total()
        return f"{self.pages:,} pages, {rate:,.1f} pages/s, {errors:,} errors, {elapsed:,.1f} s"


def _writer(out: str, output_format: str) -> AbstractContextManager[Any]:
    if output_format == "parquet":
        return ParquetRows(Path(out))
    return JsonlRows(out)


class JsonlRows:
    """Writes rows as JSON lines to a file or to standard output."""

    def __init__(self, out: str) -> None:
        self.out = out
        self.stream: TextIO | None = None

    def __enter__(self) -> JsonlRows:
        if self.out == "-":
            self.stream = sys.stdout
        else:
            self.stream = open(self.out, "w", encoding="utf-8")
        return self

    def __call__(self, row: dict[str, Any]) -> None:
        assert self.stream is not None
        self.stream.write(json.dumps(row, ensure_ascii=False))
        self.stream.write("\n")

    def __exit__(self, *failure: object) -> None:
        if self.stream is not None and self.stream is not sys.stdout:
            self.stream.close()
        elif self.stream is not None:
            self.stream.flush()


class ParquetRows:
    """Writes rows to a Parquet file in row groups, never holding more than one group."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.buffer: list[dict[str, Any]] = []
        self.writer: Any = None

    def __enter__(self) -> ParquetRows:
        import pyarrow.parquet

        self.schema = to_arrow_schema()
        self.writer = pyarrow.parquet.ParquetWriter(self.path, self.schema, compression="zstd")
        return self

    def __call__(self, row: dict[str, Any]) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= _PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow

        if self.buffer:
            self.writer.write_table(pyarrow.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def __exit__(self, kind: object, *failure: object) -> None:
        if kind is None:
            self._flush()
        self.writer.close()
