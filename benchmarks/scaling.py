"""How parse_article's time and peak memory grow with input size, on ordinary and hostile input.

    python -m benchmarks.scaling         # 10 KB .. 10 MB: table, docs/robustness-scaling.png
    python -m benchmarks.scaling --sizes 10000 100000 --shapes article links --no-plot

Each shape is a generator of our own markup, sized to the byte: a realistic article page
(head metadata, JSON-LD, navigation, a body of paragraphs with links, quotes, emphasis and
figures, an aside and a footer: the corpus's markup, our own words), and the hostile
shapes of the robustness contract: elements nested as deep as the input allows, a one-line
document, a paragraph of quotation marks, a page of links, tables with absurd colspan and
rowspan, a huge attribute, and a Markdown clipping.

Every (shape, size) runs in a fresh child interpreter, one at a time: it builds the input,
resets the peak RSS counter (Linux ``clear_refs``), parses it (best wall time of
`--repeat` runs for inputs under 1 MB, one run above), and reports the seconds and the peak
RSS above what it held before parsing (the input itself included). The growth factor is
the ratio to the next smaller size, per 10x of input: about 10 is linear, 100 quadratic.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.report import format_table

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
_ROOT = Path(__file__).resolve().parents[1]
_PLOT = _ROOT / "docs" / "robustness-scaling.png"

_WORDS = (
    "the", "council", "river", "bridge", "budget", "water", "schools", "mayor", "report",
    "plans", "delays", "years", "residents", "said", "would", "open", "after", "week", "city",
    "board", "vote", "repairs", "traffic", "station", "library", "funding", "rail", "service",
    "closed", "morning", "evening", "district", "court", "ruling",
)  # fmt: skip
_NAMES = ("Ana Ruiz", "Tom Becker", "Li Wei", "Maria Okafor", "Jonas Berg")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, index: int) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 4))]
    shape = index % 5
    if shape == 1:
        speaker = rng.choice(_NAMES)
        sentences.insert(1, f"“{_sentence(rng)[:-1]},” said {speaker}.")
    elif shape == 2:
        sentences[0] = sentences[0][:-1] + f' <a href="/news/{index}">{rng.choice(_WORDS)}</a>.'
    elif shape == 3:
        sentences[-1] = f"<em>{sentences[-1]}</em>"
    return "<p>" + " ".join(sentences) + "</p>\n"


def article_page(size: int) -> str:
    """A realistic news page of `size` bytes: metadata, furniture and a long body."""
    rng = random.Random(size)
    head = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council approves bridge budget | The Valley Courier</title>"
        "<meta property='og:title' content='Council approves bridge budget'>"
        "<meta name='author' content='Ana Ruiz'>"
        "<meta property='article:published_time' content='2024-03-04T09:30:00Z'>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Council approves bridge budget", '
        '"author": {"@type": "Person", "name": "Ana Ruiz"}, '
        '"datePublished": "2024-03-04T09:30:00Z"}</script></head><body>'
        "<header class='site-header'><nav><ul>"
        + "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(12))
        + "</ul></nav></header><main><article class='story'><h1>Council approves bridge "
        "budget</h1><div class='byline'>By Ana Ruiz</div><div class='story-body'>\n"
    )
    tail = (
        "</div></article><aside class='related'><h2>Related</h2><ul>"
        + "".join(f"<li><a href='/r/{i}'>Related story {i}</a></li>" for i in range(6))
        + "</ul></aside></main><footer><p>© The Valley Courier</p></footer></body></html>"
    )
    body: list[str] = []
    length = len(head) + len(tail)
    index = 0
    while length < size:
        if index % 12 == 11:
            piece = (
                f"<figure><img src='/img/{index}.jpg' alt='The bridge, {index}'>"
                f"<figcaption>The bridge at dawn. Photo: Tom Becker</figcaption></figure>\n"
            )
        else:
            piece = _paragraph(rng, index)
        body.append(piece)
        length += len(piece)
        index += 1
    return _fit(head + "".join(body) + tail, size)


def nested(size: int) -> str:
    """Elements nested as deep as the size allows (100,000 levels at about 1.1 MB)."""
    depth = max(1, (size - 40) // 11)
    return "<div>" * depth + "<p>The deepest words.</p>" + "</div>" * depth


def one_line(size: int) -> str:
    """One paragraph on one line, no line break anywhere."""
    rng = random.Random(size)
    words: list[str] = []
    length = 7
    while length < size:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word) + 1
    return _fit("<p>" + " ".join(words) + "</p>", size)


def quotation_marks(size: int) -> str:
    """One paragraph packed with quotations (10,000 marks at about 195 KB)."""
    piece = "“The bridge will open,” said Ana Ruiz. "
    return _fit("<article><p>" + piece * (size // len(piece) + 1), size - 14) + "</p></article>"


def links(size: int) -> str:
    """A page of links (50,000 at about 2 MB)."""
    pieces = [f'<a href="/story/{i}">story {i}</a> ' for i in range(size // 20 + 1)]
    return _fit("<article><p>" + "".join(pieces), size - 14) + "</p></article>"


def table_spans(size: int) -> str:
    """Table rows whose cells claim a million columns and rows each."""
    row = '<tr><td colspan="1000000" rowspan="1000000">cell</td><td>value</td></tr>'
    lead = "<article><p>The reservoir levels by region, in a table below.</p><table>"
    return _fit(lead + row * (size // len(row) + 1), size - 18) + "</table></article>"


def huge_attribute(size: int) -> str:
    """One attribute holding nearly the whole input."""
    text = "<p>The council approved the budget for the river bridge on Monday.</p>"
    value = "x" * max(0, size - len(text) - 40)
    return f'<article><div data-state="{value}">{text}</div></article>'


def markdown_clipping(size: int) -> str:
    """A Markdown clipping with front matter, paragraphs, quotes, links and lists."""
    rng = random.Random(size)
    pieces = ["---\ntitle: Council approves bridge budget\nauthor: Ana Ruiz\n---\n\n"]
    length = len(pieces[0])
    index = 0
    while length < size:
        if index % 7 == 6:
            piece = "".join(f"- {_sentence(rng)}\n" for _ in range(3)) + "\n"
        else:
            html = _paragraph(rng, index)
            piece = html[3:-5].replace("<em>", "*").replace("</em>", "*") + "\n\n"
            piece = piece.replace('<a href="', "[link](").replace('">', ") ").replace("</a>", "")
        pieces.append(piece)
        length += len(piece)
        index += 1
    return _fit("".join(pieces), size)


def _fit(text: str, size: int) -> str:
    return text[: max(size, 0)]


SHAPES: dict[str, Callable[[int], str]] = {
    "article": article_page,
    "nested": nested,
    "one-line": one_line,
    "quotes": quotation_marks,
    "links": links,
    "table-spans": table_spans,
    "huge-attribute": huge_attribute,
    "markdown": markdown_clipping,
}


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure(shape: str, size: int, repeat: int) -> dict[str, float]:
    """Parse one generated input in this process: best seconds and peak RSS above the start."""
    import articlekit

    source = SHAPES[shape](size)
    articlekit.parse_article("<p>warm up the imports</p>")
    before = _status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
    best = float("inf")
    for _ in range(repeat if size < 1_000_000 else 1):
        start = time.perf_counter()
        article = articlekit.parse_article(source)
        best = min(best, time.perf_counter() - start)
    peak = _status_kb("VmHWM")
    return {
        "seconds": best,
        "peak_mb": max(0, peak - before) / 1024,
        "body_chars": len(article.body.text),
        "warnings": len(article.warnings),
    }


def run(shapes: Sequence[str], sizes: Sequence[int], repeat: int) -> list[dict[str, object]]:
    """Every (shape, size) in a child interpreter, one at a time."""
    rows: list[dict[str, object]] = []
    for shape in shapes:
        for size in sizes:
            command = [sys.executable, "-m", "benchmarks.scaling", "--child", shape, str(size)]
            command += ["--repeat", str(repeat)]
            out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=_ROOT)
            result = json.loads(out.stdout)
            rows.append({"shape": shape, "size": size, **result})
            print(f"{shape:15} {size:>10,} B {result['seconds']:8.3f} s "
                  f"{result['peak_mb']:8.1f} MB", file=sys.stderr, flush=True)  # fmt: skip
    return rows


def growth(rows: Sequence[dict[str, object]], key: str) -> dict[tuple[str, int], float]:
    """Ratio of `key` to the same shape's next smaller size, scaled to a 10x step."""
    factors = {}
    previous: dict[str, dict[str, object]] = {}
    for row in rows:
        shape, size = str(row["shape"]), int(str(row["size"]))
        before = previous.get(shape)
        if before is not None:
            step = size / int(str(before["size"]))
            old, new = float(str(before[key])), float(str(row[key]))
            if old > 0 and step > 1:
                factors[(shape, size)] = (new / old) ** (1 / math.log10(step))
        previous[shape] = row
    return factors


def table(rows: Sequence[dict[str, object]], markdown: bool = True) -> str:
    """The results with growth factors per 10x of input."""
    time_growth = growth(rows, "seconds")
    memory_growth = growth(rows, "peak_mb")
    lines = []
    for row in rows:
        key = (str(row["shape"]), int(str(row["size"])))
        lines.append(
            [
                key[0],
                _size(key[1]),
                f"{float(str(row['seconds'])):.3f}",
                f"{time_growth[key]:.1f}x" if key in time_growth else "",
                f"{float(str(row['peak_mb'])):.1f}",
                f"{memory_growth[key]:.1f}x" if key in memory_growth else "",
            ]
        )
    headers = ["shape", "input", "seconds", "time growth /10x", "peak MB", "memory growth /10x"]
    return format_table(headers, lines, markdown)


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def plot(rows: Sequence[dict[str, object]], path: Path) -> None:
    """Log-log plot of time and peak memory against input size, one line per shape."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for shape in dict.fromkeys(str(row["shape"]) for row in rows):
        mine = [row for row in rows if row["shape"] == shape]
        sizes = [int(str(row["size"])) / 1e6 for row in mine]
        left.plot(sizes, [float(str(r["seconds"])) for r in mine], marker="o", label=shape)
        right.plot(sizes, [max(float(str(r["peak_mb"])), 0.1) for r in mine], marker="o")
    for axis, label in ((left, "seconds"), (right, "peak RSS above start, MB")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("input size, MB")
        axis.set_ylabel(label)
        axis.grid(True, which="both", alpha=0.3)
    sizes = sorted({int(str(row["size"])) / 1e6 for row in rows})
    reference = [float(str(rows[0]["seconds"])) * s / sizes[0] for s in sizes]
    left.plot(sizes, reference, color="grey", linestyle="--", label="linear")
    left.legend(fontsize=8)
    figure.suptitle("articlekit.parse_article: time and memory against input size")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--plot", type=Path, default=_PLOT)
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]), args.repeat)))
        return 0
    rows = run(args.shapes, sorted(args.sizes), args.repeat)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    if not args.no_plot:
        plot(rows, args.plot)
        print(f"\nplot: {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
