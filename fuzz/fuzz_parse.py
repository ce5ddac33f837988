"""Coverage-guided fuzzing of `parse_article` with atheris (see fuzz/README.md).

    python fuzz/fuzz_parse.py CORPUS_DIR SEED_DIR -max_total_time=1800 -timeout=30

The first byte of each input chooses how the rest reaches `parse_article` (tests/contract.py,
FUZZ_MODES): as text that is sniffed, as text read as HTML, as text read as Markdown, or as
raw bytes to decode. Any exception is a finding (the contract allows only `TypeError` for
a wrong type and `InputTooLarge` above the limit, and neither can happen here), and so is
a broken output promise (`tests.contract.check_article`): offsets that miss their text,
control characters or lone surrogates, unsafe URLs, raw HTML in the Markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.contract

with atheris.instrument_imports(include=["articlekit", "markdown_it", "yaml"]):
    import articlekit  # noqa: F401 - imported here so that it is instrumented

from tests.contract import FUZZ_MODES, check_article, parse_fuzz_input


def feed(data: bytes) -> None:
    """One fuzz input through `parse_article`, then the output contract."""
    if data:
        check_article(parse_fuzz_input(FUZZ_MODES[data[0] % 4], data[1:]))


def main() -> None:
    atheris.Setup(sys.argv, feed)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
