"""Every corpus case parses to its expected.json; `pytest --update-corpus` rewrites them.

A case is a folder under corpus/ holding `input.html` or `input.md`, `case.json` (the url
to parse with, what the case tests, the publishing-system style it imitates, and `expect`:
the hand-written truth) and `expected.json` (the full `to_dict()` output, reviewed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import articlekit
from tests.conftest import CORPUS


def _cases() -> list[Path]:
    return (
        sorted(p for p in CORPUS.iterdir() if (p / "case.json").is_file())
        if CORPUS.is_dir()
        else []
    )


def _input(case: Path) -> Path:
    for name in ("input.html", "input.md"):
        if (case / name).is_file():
            return case / name
    raise FileNotFoundError(f"{case} has no input.html or input.md")


def parse_case(case: Path) -> articlekit.Article:
    """Parse a case's input with the url its case.json gives."""
    meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
    return articlekit.parse_article(_input(case).read_bytes(), url=meta.get("url"))


def _diff(got: Any, want: Any, path: str = "") -> list[str]:
    """Readable differences between two to_dict() trees, one line per differing leaf."""
    if isinstance(got, dict) and isinstance(want, dict):
        lines = []
        for key in dict.fromkeys([*want, *got]):
            lines += _diff(
                got.get(key, "<missing>"),
                want.get(key, "<missing>"),
                f"{path}.{key}" if path else key,
            )
        return lines
    if isinstance(got, list) and isinstance(want, list) and got != want:
        if len(got) != len(want):
            return [
                f"{path}: {len(got)} items, expected {len(want)}: first differing item "
                + next(
                    (
                        f"[{i}] got {g!r} expected {w!r}"
                        for i, (g, w) in enumerate(zip(got, want, strict=False))
                        if g != w
                    ),
                    f"[{min(len(got), len(want))}]",
                )
            ]
        lines = []
        for index, (g, w) in enumerate(zip(got, want, strict=False)):
            lines += _diff(g, w, f"{path}[{index}]")
        return lines
    if got != want:
        return [f"{path}:\n    got      {got!r}\n    expected {want!r}"]
    return []


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 30 cases, 20 of them HTML and 5 Markdown clippings."""
    cases = _cases()
    html = [c for c in cases if (c / "input.html").is_file()]
    markdown = [c for c in cases if (c / "input.md").is_file()]
    assert len(cases) >= 30
    assert len(html) >= 20
    assert len(markdown) >= 5


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case_matches_expected(case: Path, update_corpus: bool) -> None:
    """The case's whole to_dict() output equals its reviewed expected.json."""
    got = parse_case(case).to_dict()
    expected_path = case / "expected.json"
    if update_corpus or not expected_path.is_file():
        expected_path.write_text(
            json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        if not update_corpus:
            pytest.fail(f"{case.name}: expected.json was missing and has been written; review it")
        return
    want = json.loads(expected_path.read_text(encoding="utf-8"))
    differences = _diff(got, want)
    assert not differences, f"{case.name} differs from expected.json:\n" + "\n".join(
        differences[:20]
    )


QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚ "


def _norm_quote(text: str | None) -> str:
    return (text or "").strip(QUOTE_MARKS).rstrip(",;:. ").strip(QUOTE_MARKS)


def _expectation_failures(article: articlekit.Article, expect: dict[str, Any]) -> dict[str, str]:
    """Each hand-written fact of case.json's `expect` that the article gets wrong."""
    failures: dict[str, str] = {}
    body = article.body.text
    paragraphs = [p for p in body.split("\n\n") if p.strip()]

    def check(field: str, ok: bool, detail: str) -> None:
        if not ok:
            failures[field] = detail

    for field in ("title", "language", "site_name", "description"):
        if field in expect:
            got = getattr(article, field)
            check(field, got == expect[field], f"got {got!r}, want {expect[field]!r}")
    if "authors" in expect:
        check("authors", list(article.authors) == expect["authors"], f"got {article.authors!r}")
    if "published" in expect:
        want = expect["published"]
        got = article.published.isoformat() if article.published else None
        same = got == want if want is None or got is None else got.startswith(want) or got == want
        check("published", same, f"got {got!r}, want {want!r}")
    first = expect.get("body_first_paragraph_start")
    if first is not None:
        check(
            "body_first_paragraph_start",
            bool(paragraphs) and paragraphs[0].startswith(first),
            f"body starts {body[:80]!r}",
        )
    last = expect.get("body_last_paragraph_start")
    if last is not None:
        check(
            "body_last_paragraph_start",
            bool(paragraphs) and paragraphs[-1].startswith(last),
            f"body ends {paragraphs[-1][:80] if paragraphs else ''!r}",
        )
    missing = [p for p in expect.get("body_must_contain", []) if p not in body]
    check("body_must_contain", not missing, f"missing {missing!r}")
    leaked = [p for p in expect.get("body_must_not_contain", []) if p in body]
    check("body_must_not_contain", not leaked, f"leaked {leaked!r}")
    if "quotes" in expect:
        got_quotes = [(_norm_quote(q.text), q.speaker, q.kind) for q in article.quotes]
        want_quotes = [(_norm_quote(q["text"]), q["speaker"], q["kind"]) for q in expect["quotes"]]
        check("quotes", got_quotes == want_quotes, f"got {got_quotes!r}\n    want {want_quotes!r}")
    return failures


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case_meets_its_handwritten_expectations(case: Path) -> None:
    """The output agrees with the human-written truth in case.json's `expect`.

    Facts articlekit does not get right yet are listed in case.json's `known_gaps`
    ({field: reason}); they are reported as expected failures, and the test fails when
    one starts to pass so that the list is kept honest.
    """
    meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
    failures = _expectation_failures(parse_case(case), meta.get("expect", {}))
    gaps = meta.get("known_gaps", {})
    unexpected = {field: detail for field, detail in failures.items() if field not in gaps}
    assert not unexpected, "\n".join(f"{field}: {detail}" for field, detail in unexpected.items())
    fixed = [field for field in gaps if field not in failures]
    assert not fixed, f"known_gaps no longer fail, remove them from case.json: {fixed}"
    if gaps:
        pytest.xfail(
            "known gaps: " + "; ".join(f"{field}: {reason}" for field, reason in gaps.items())
        )
