"""Batch scale: pages/s of `articlekit batch` (1 and 2 workers) and of the Spark job on one
WARC, against trafilatura's own parallel command line on the same pages, in one run; and
the peak memory of `articlekit batch` at 1,000 and 10,000 pages.

    python -m benchmarks.scale [--pages 1000] [--workers 2] [--memory] [--markdown]

The pages are the 1,000 real pages of ``../shared/bench/htmldate-dates`` when that folder
is there (read at run time, never copied), else our corpus pages; they are cycled to
``--pages`` records, each under its own URL, and written once as a gzipped WARC (for
articlekit and Spark) and once as a folder of ``.html`` files (for trafilatura, whose
command line reads folders, not WARC files). Every tool runs as its users run it, from a
fresh process, end to end: reading, parsing, writing its output. The records are
split over N WARC files (Spark's unit of parallel work is a file, as on a cluster) and
every tool gets them all; Spark runs on ``local[N]``, its time without starting the
session (reported apart).

``pages/CPU-s`` divides the pages by the CPU time of the command's whole process tree
(not measured for Spark, whose JVM outlives the run): unlike pages/s it does not depend
on what else the machine is running; ``load`` is the 1-minute load average at the start.

Memory (``--memory``): the peak of the summed RSS of ``articlekit batch`` and its worker
processes, sampled every 50 ms, at 1,000 and at 10,000 pages. Needs the ``bench``,
``warc`` and ``spark`` extras.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.crawl import SourcePage, corpus_pages, write_crawl
from benchmarks.report import format_table

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "htmldate-dates" / "pages"


@dataclass(frozen=True)
class Timing:
    """One tool's run over the pages."""

    tool: str
    seconds: float
    pages: int
    note: str = ""
    cpu_seconds: float | None = None
    load: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


def source_pages() -> tuple[list[SourcePage], str]:
    """The real benchmark pages when present, else our corpus pages; and which."""
    if SHARED_PAGES.is_dir():
        pages = [
            SourcePage(f"https://bench.test/{path.name[:-8]}", gzip.decompress(path.read_bytes()))
            for path in sorted(SHARED_PAGES.glob("*.html.gz"))
        ]
        return pages, f"{len(pages)} real pages of ../shared/bench/htmldate-dates"
    pages = corpus_pages()
    return pages, f"{len(pages)} corpus pages"


def write_folder(folder: Path, pages: Sequence[SourcePage], count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"page-{number:06d}.html").write_bytes(pages[number % len(pages)].html)


def time_command(tool: str, command: Sequence[str], pages: int) -> Timing:
    """Wall time, and CPU time of the process and every descendant it waited for."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(tool, seconds, pages, cpu_seconds=cpu, load=load)


def articlekit_batch(warcs: Sequence[Path], out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "articlekit", "batch", *map(str, warcs), "--out", str(out),
            "--workers", str(workers)]  # fmt: skip


def write_warcs(work: Path, pages: Sequence[SourcePage], count: int, files: int) -> list[Path]:
    """`count` records split over `files` WARC files (Spark parallelises over files)."""
    per_file = -(-count // files)
    return [
        write_crawl(work / f"crawl-{k}.warc.gz", pages, min(per_file, count - k * per_file),
                    start=k * per_file).path
        for k in range(files)
        if count > k * per_file
    ]  # fmt: skip


def time_spark(warcs: Sequence[Path], workers: int) -> Timing:
    """parse_articles over the WARC files on local[workers]; the rows are counted."""
    from pyspark.sql import SparkSession

    from articlekit.spark import parse_articles

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    started = time.perf_counter()
    session = (
        SparkSession.builder.master(f"local[{workers}]")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started
    load = os.getloadavg()[0]
    started = time.perf_counter()
    paths = [str(path) for path in warcs]  # one task per file, as on a cluster
    rows = parse_articles(session.sparkContext.parallelize(paths, len(paths))).count()
    seconds = time.perf_counter() - started
    session.stop()
    note = f"+ {startup:.1f} s session start"
    return Timing(f"Spark job, local[{workers}]", seconds, rows, note, load=load)


def peak_rss_mb(command: Sequence[str]) -> float:
    """The peak summed RSS of a command and its child processes, in MB."""
    import psutil

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed ({process.returncode})")
    return peak / 1e6


def machine() -> str:
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} CPUs, {system}, Python {platform.python_version()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1_000, help="records in the WARC")
    parser.add_argument("--workers", type=int, default=2, help="the parallel runs' processes")
    parser.add_argument("--memory", action="store_true", help="also 1,000 vs 10,000 pages' RSS")
    parser.add_argument("--no-spark", action="store_true", help="leave the Spark job out")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args(argv)
    pages, described = source_pages()
    with tempfile.TemporaryDirectory(prefix="articlekit-scale-") as scratch:
        work = Path(scratch)
        warcs = write_warcs(work, pages, args.pages, args.workers)
        write_folder(work / "folder", pages, args.pages)
        print(f"{args.pages:,} pages from {described}; {machine()}", file=sys.stderr)
        timings = run_speed(work, warcs, args)
        print(speed_table(timings, args.markdown))
        if args.memory:
            print(memory_table(work, pages, args.workers, args.markdown))
    return 0


def run_speed(work: Path, warcs: list[Path], args: argparse.Namespace) -> list[Timing]:
    count, workers = args.pages, args.workers
    trafilatura = [
        str(Path(sys.executable).with_name("trafilatura")),
        *("--input-dir", str(work / "folder"), "--output-dir", str(work / "trafilatura")),
        *("--parallel", str(workers), "--json"),
    ]
    timings = [
        time_command("articlekit batch, 1 worker", articlekit_batch(warcs, work / "1.j", 1), count),
        time_command(
            f"articlekit batch, {workers} workers",
            articlekit_batch(warcs, work / "2.j", workers),
            count,
        ),
        time_command(f"trafilatura CLI, --parallel {workers}", trafilatura, count),
    ]
    if not args.no_spark:
        timings.append(time_spark(warcs, workers))
    return timings


def speed_table(timings: Sequence[Timing], markdown: bool) -> str:
    baseline = next(t for t in timings if t.tool.startswith("trafilatura"))
    rows = [
        [
            t.tool,
            f"{t.pages:,}",
            f"{t.seconds:.1f}",
            f"{t.pages_per_second:.1f}",
            f"{t.pages_per_second / baseline.pages_per_second:.2f}",
            "-" if t.cpu_seconds is None else f"{t.pages / t.cpu_seconds:.1f}",
            f"{t.load:.1f}",
            t.note,
        ]
        for t in timings
    ]
    headers = ["run", "pages", "seconds", "pages/s", "vs trafilatura", "pages/CPU-s", "load"]
    headers.append("note")
    return format_table(headers, rows, markdown)


def memory_table(work: Path, pages: Sequence[SourcePage], workers: int, markdown: bool) -> str:
    rows, peaks = [], []
    for count in (1_000, 10_000):
        warc = write_crawl(work / f"memory-{count}.warc.gz", pages, count).path
        peak = peak_rss_mb(articlekit_batch([warc], work / f"memory-{count}.jsonl", workers))
        peaks.append(peak)
        rows.append([f"{count:,}", f"{peak:.0f}", f"{peak / peaks[0]:.2f}"])
        warc.unlink()
    headers = ["pages", f"peak RSS MB (batch, {workers} workers, summed)", "vs 1,000 pages"]
    return format_table(headers, rows, markdown)


if __name__ == "__main__":
    sys.exit(main())
