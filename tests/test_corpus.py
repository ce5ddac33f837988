"""Every corpus case parses to its expected.json; `pytest --update-corpus` rewrites them.

A case is a folder under corpus/ holding `input.html` or `input.md`, `case.json` (the url
to parse with, what the case tests, the publishing-system style it imitates, and `expect`:
the hand-written truth) and `expected.json` (the full `to_dict()` output, reviewed). The
comparison lives in `articlekit._corpus`, which `articlekit corpus check` uses too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit import _corpus
from tests.conftest import CORPUS


def _cases() -> list[Path]:
    return _corpus.list_cases(CORPUS)


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 30 cases, 20 of them HTML and 5 Markdown clippings."""
    cases = _cases()
    html = [c for c in cases if (c / "input.html").is_file()]
    markdown = [c for c in cases if (c / "input.md").is_file()]
    assert len(cases) >= 30
    assert len(html) >= 20
    assert len(markdown) >= 5


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case_says_what_it_tests(case: Path) -> None:
    """Each case.json gives the url it is parsed with (or null), what it tests and its style."""
    meta = _corpus.read_case(case)
    assert "url" in meta, f"{case.name}: case.json has no 'url' (null for a page without one)"
    assert meta["url"] is None or isinstance(meta["url"], str)
    for key in ("about", "style"):
        assert isinstance(meta.get(key), str), f"{case.name}: case.json has no {key!r}"
        assert meta[key].strip(), f"{case.name}: case.json's {key!r} is empty"
    assert isinstance(meta.get("expect"), dict), f"{case.name}: case.json has no 'expect' facts"


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case_matches_expected(case: Path, update_corpus: bool) -> None:
    """The case's whole to_dict() output equals its reviewed expected.json."""
    article = _corpus.parse_case(case)
    want = _corpus.read_expected(case)
    if update_corpus or want is None:
        (case / _corpus.EXPECTED_FILE).write_text(_corpus.expected_json(article), encoding="utf-8")
        if not update_corpus:
            pytest.fail(f"{case.name}: expected.json was missing and has been written; review it")
        return
    differences = _corpus.diff(article.to_dict(), want)
    assert not differences, f"{case.name} differs from expected.json:\n" + "\n".join(
        differences[:20]
    )


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case_meets_its_handwritten_expectations(case: Path) -> None:
    """The output agrees with the human-written truth in case.json's `expect`.

    Facts articlekit does not get right yet are listed in case.json's `known_gaps`
    ({field: reason}); they are reported as expected failures, and the test fails when
    one starts to pass so that the list is kept honest.
    """
    verdict = _corpus.check_case(case)
    assert not verdict.failures, "\n".join(verdict.failures)
    assert not verdict.fixed_gaps, (
        f"known_gaps no longer fail, remove them from case.json: {list(verdict.fixed_gaps)}"
    )
    if verdict.known_gaps:
        pytest.xfail("known gaps: " + "; ".join(verdict.known_gaps))


def test_diff_names_the_differing_field_and_both_values() -> None:
    """A diff entry gives the dotted path of the field and the got/expected values."""
    got = {"title": "A", "body": {"blocks": [{"kind": "paragraph", "text": "x"}]}}
    want = {"title": "A", "body": {"blocks": [{"kind": "heading", "text": "x"}]}}
    assert _corpus.diff(got, want) == [
        "body.blocks[0].kind:\n    got      'paragraph'\n    expected 'heading'"
    ]


def test_diff_reports_missing_and_extra_keys_and_list_lengths() -> None:
    """Keys on one side only, and lists of different lengths, are differences too."""
    lines = _corpus.diff({"a": 1, "tags": ["x", "y"]}, {"b": 2, "tags": ["x"]})
    assert "b:\n    got      '<missing>'\n    expected 2" in lines
    assert "a:\n    got      1\n    expected '<missing>'" in lines
    assert any(line.startswith("tags: 2 items, expected 1") for line in lines)
    assert _corpus.diff({"a": [1, 2]}, {"a": [1, 2]}) == []
