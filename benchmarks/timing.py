"""Speed and memory measurement shared by the benchmark runners.

**Speed** (`time_interleaved`): every tool runs in this one process. After an untimed
warm-up on the first pages, each of `repeat` passes walks the pages and, on each page,
calls every tool in turn (the order rotates from page to page so that no tool always runs
on a cold or a warm cache); each (tool, page) keeps its fastest wall and CPU time.
Interleaving makes a burst of load from other processes hit all tools alike, so compare
tools by their ratios within one run, not by absolute times across runs.

**Memory** (`peak_rss`): in a fresh child interpreter per tool, one child at a time. The
child reads the pages, notes its RSS, builds the tool (which imports its library), runs
every page, then reports its peak RSS (Linux ``VmHWM``) minus the RSS before the import,
i.e. what the tool adds: its import plus its working memory. ``work_mb`` is the peak over
the pages alone, measured after resetting the peak counter once the import is done.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from benchmarks.datasets import Page, iter_pages

Extract = Callable[[str, "str | None"], str]
_REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass
class ToolRun:
    """What one tool produced in a timed run: its texts, errors and best times per page."""

    name: str
    texts: list[str]
    errors: dict[int, str] = field(default_factory=dict)
    wall_ns: list[int] = field(default_factory=list)
    cpu_ns: list[int] = field(default_factory=list)


class _Timeout(Exception):
    pass


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _call(extract: Extract, page: Page, timeout: float) -> tuple[str, str | None, int, int]:
    """Run one extraction: (text, error or None, wall ns, CPU ns)."""
    error: str | None = None
    text = ""
    if timeout:
        # A harness-only guard so one pathological page cannot stall the whole run.
        signal.setitimer(signal.ITIMER_REAL, timeout)
    wall0, cpu0 = time.perf_counter_ns(), time.process_time_ns()
    try:
        result = extract(page.html, page.url)
        text = result if isinstance(result, str) else ""
    except _Timeout:
        error = f"timeout after {timeout:g}s"
    except Exception as exc:  # any failure of a tool is that tool's failure on the page
        error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
    finally:
        wall1, cpu1 = time.perf_counter_ns(), time.process_time_ns()
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return text, error, wall1 - wall0, cpu1 - cpu0


def time_interleaved(
    tools: Sequence[tuple[str, Extract]],
    pages: Sequence[Page],
    *,
    repeat: int = 1,
    warmup: int = 2,
    timeout: float = 120.0,
    progress: Callable[[str], None] | None = None,
) -> list[ToolRun]:
    """Run every tool on every page, interleaved, `repeat` times; keep the fastest times.

    The texts and errors are those of the first pass.
    """
    runs = [ToolRun(name, [""] * len(pages)) for name, _ in tools]
    best_wall = [[-1] * len(pages) for _ in tools]
    best_cpu = [[-1] * len(pages) for _ in tools]
    previous = signal.signal(signal.SIGALRM, _raise_timeout) if timeout else None
    started = time.monotonic()
    try:
        for page in pages[:warmup]:  # untimed: lazy imports, caches, compiled patterns
            for _, extract in tools:
                _call(extract, page, timeout)
        for rep in range(repeat):
            for i, page in enumerate(pages):
                gc.collect()  # so no tool pays for garbage another one left
                first = (i + rep) % len(tools) if tools else 0
                for j in [*range(first, len(tools)), *range(first)]:
                    text, error, wall, cpu = _call(tools[j][1], page, timeout)
                    if rep == 0:
                        runs[j].texts[i] = text
                        if error:
                            runs[j].errors[i] = error
                    if best_wall[j][i] < 0 or wall < best_wall[j][i]:
                        best_wall[j][i], best_cpu[j][i] = wall, cpu
                if progress and (i + 1) % 25 == 0:
                    elapsed = time.monotonic() - started
                    progress(f"pass {rep + 1}/{repeat}: {i + 1}/{len(pages)} pages, {elapsed:.0f}s")
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
    for run, wall_times, cpu_times in zip(runs, best_wall, best_cpu, strict=True):
        run.wall_ns, run.cpu_ns = wall_times, cpu_times
    return runs


# --- memory ---------------------------------------------------------------------------


def _status_kb(key: str) -> int | None:
    """A field of /proc/self/status in kB (None off Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _release_free_heap() -> None:
    """Give freed heap back to the OS (glibc) so later growth shows in RSS."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False when not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def _resolve(spec: str) -> Callable[[str], Extract]:
    module_name, _, attribute = spec.partition(":")
    builder: Callable[[str], Extract] = getattr(importlib.import_module(module_name), attribute)
    return builder


def _child_main(argv: Sequence[str]) -> int:
    """Child side of `peak_rss`: prints one JSON line of MB figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.timing")
    parser.add_argument("builder", help="module:function, called with the tool name")
    parser.add_argument("tool")
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    build = _resolve(args.builder)
    pages = list(iter_pages(args.dataset, args.limit))
    gc.collect()
    _release_free_heap()
    before_import = _status_kb("VmRSS") or 0
    extract = build(args.tool)
    for page in pages[:1]:  # let lazy imports and first-call setup count as import
        extract(page.html, page.url)
    gc.collect()
    _release_free_heap()
    after_import = _status_kb("VmRSS") or 0
    import_peak = _status_kb("VmHWM") or 0
    can_reset = _reset_peak_rss()
    for page in pages:
        # failures are counted by the timed run; here only memory matters
        with contextlib.suppress(Exception):
            extract(page.html, page.url)
    peak = _status_kb("VmHWM") or 0
    result = {
        "peak_mb": (max(peak, import_peak) - before_import) / 1024,
        "import_mb": (after_import - before_import) / 1024,
        "work_mb": (peak - after_import) / 1024 if can_reset else None,
    }
    print(json.dumps(result))
    return 0


def peak_rss(builder: str, tool: str, dataset: Path, limit: int | None = None) -> dict[str, float]:
    """Memory figures (MB) of `tool` on `dataset`, measured in a fresh child interpreter.

    `builder` is ``module:function`` returning the tool's extractor from its name. Empty
    when the child fails or the platform has no /proc.
    """
    if _status_kb("VmHWM") is None:
        return {}
    command = [sys.executable, "-m", "benchmarks.timing", builder, tool, str(dataset)]
    if limit is not None:
        command += ["--limit", str(limit)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_REPO_ROOT), env.get("PYTHONPATH")]))
    child = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    lines = child.stdout.strip().splitlines()
    if child.returncode != 0 or not lines:
        return {}
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
