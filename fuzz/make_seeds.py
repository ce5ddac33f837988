"""Write the fuzzer's seed corpus from `corpus/` and `examples/` into a directory.

    python fuzz/make_seeds.py /tmp/articlekit-seeds

Each seed is one mode byte (how `fuzz_parse.py` feeds the rest: 0 str auto-detected,
1 str as HTML, 2 str as Markdown, 3 bytes) followed by a page of our own corpus. The
seeds are generated, never committed: the corpus is their source of truth.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    pages = [*sorted(ROOT.glob("corpus/*/input.*")), *sorted(ROOT.glob("examples/*.html"))]
    count = 0
    for page in pages:
        data = page.read_bytes()
        modes = (1, 3) if page.suffix == ".html" else (0, 2)
        for mode in modes:
            name = f"{page.parent.name}-{page.stem}-{mode}"
            (out / name).write_bytes(bytes([mode]) + data)
            count += 1
    print(f"wrote {count} seeds to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
