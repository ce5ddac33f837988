"""Rendering shared by the runners: aligned text or Markdown tables, and the speed plot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    """A table as Markdown or as aligned text (first column left, the others right).

    >>> print(format_table(["tool", "F1"], [["a", "0.9"]], markdown=True))
    | tool | F1 |
    | --- | ---: |
    | a | 0.9 |
    """
    if markdown:
        align = ["---"] + ["---:"] * (len(headers) - 1)
        lines = [_md_row(headers), _md_row(align)]
        lines += [_md_row(row) for row in rows]
        return "\n".join(lines)
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


@dataclass(frozen=True)
class PlotPoint:
    """One tool on the accuracy/speed plot."""

    tool: str
    pages_per_second: float
    f1: float


def plot_speed_accuracy(
    panels: Sequence[tuple[str, Sequence[PlotPoint], float | None]],
    path: Path,
    *,
    highlight: str = "articlekit",
) -> None:
    """Save F1 against pages/second (log scale), one panel per dataset, as an image.

    Each panel is (title, points, floor): `floor` is the pages/second of bare lxml parsing,
    drawn as a vertical line no extractor can pass. matplotlib is imported here only.
    """
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(
        1, len(panels), figsize=(6.4 * len(panels), 4.8), squeeze=False, layout="constrained"
    )
    for ax, (title, points, floor) in zip(axes[0], panels, strict=True):
        for point in points:
            mine = point.tool == highlight
            ax.scatter(
                point.pages_per_second,
                point.f1,
                s=80 if mine else 45,
                color="tab:red" if mine else "tab:blue",
                zorder=3,
            )
            ax.annotate(
                point.tool,
                (point.pages_per_second, point.f1),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize=9,
                fontweight="bold" if mine else "normal",
            )
        if floor:
            ax.axvline(floor, color="grey", linestyle="--", linewidth=1)
            ax.annotate(
                "lxml parse only",
                (floor, 0.02),
                xycoords=("data", "axes fraction"),
                rotation=90,
                fontsize=8,
                color="grey",
                xytext=(-10, 0),
                textcoords="offset points",
            )
        ax.set_xscale("log")
        speeds = [p.pages_per_second for p in points] + ([floor] if floor else [])
        if speeds:  # room on both sides for the labels
            ax.set_xlim(min(speeds) / 1.5, max(speeds) * 2.5)
        ax.set_xlabel("pages per second (log scale; higher is faster)")
        ax.set_ylabel("F1, 4-token shingles")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    figure.savefig(path, dpi=110)
    plt.close(figure)
