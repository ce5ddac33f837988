"""Every input the fuzzer (fuzz/) or a hostile-input test broke parsing with, kept forever.

Each file in tests/fuzz_regressions/ is one named case: its suffix says how it reaches
parse_article (tests.contract.FUZZ_MODES: .auto sniffed text, .html, .markdown, .bytes),
its content is the payload. Adding a case is adding a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract import FUZZ_MODES, check_article, parse_fuzz_input

CASES = sorted((Path(__file__).parent / "fuzz_regressions").iterdir())


def test_every_case_has_a_known_mode() -> None:
    """A case file's suffix names one of the fuzz modes, so none is silently skipped."""
    assert CASES
    assert {case.suffix[1:] for case in CASES} <= set(FUZZ_MODES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fuzz_regression(case: Path) -> None:
    """The case parses without an exception and its Article keeps the output contract."""
    check_article(parse_fuzz_input(case.suffix[1:], case.read_bytes()))
