"""The test corpus: case folders, how each is parsed, and how its output is compared.

A case is a folder holding the page (`input.html` or `input.md`), `case.json` (the url to
parse with, what the case tests, the publishing-system style it imitates, and `expect`:
the hand-written truth, with `known_gaps` for the facts articlekit does not get right
yet) and `expected.json` (the reviewed `to_dict()` output).

Both the test suite (`tests/test_corpus.py`) and `articlekit corpus check` use these
functions, so a contributor sees the same verdict and the same diff in either place.
This module reads files; `parse_article` itself never does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from articlekit._model import Article
from articlekit._pipeline import parse_article

INPUT_NAMES = ("input.html", "input.md")
CASE_FILE = "case.json"
EXPECTED_FILE = "expected.json"
MISSING = "<missing>"
# Marks stripped before comparing a hand-written quotation with an extracted one.
_QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚ "


@attrs.frozen
class Verdict:
    """How one case's output compares with its expected.json and its hand-written facts.

    `differences`: one readable entry per differing field of expected.json.
    `failures`: hand-written facts (case.json `expect`) that the output gets wrong and
    that are not listed in `known_gaps`. `fixed_gaps`: `known_gaps` entries that no
    longer fail, so the list must be shortened.
    """

    name: str
    differences: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()
    known_gaps: tuple[str, ...] = ()
    fixed_gaps: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.differences or self.failures or self.fixed_gaps)


def list_cases(root: Path) -> list[Path]:
    """Every case folder under `root` (a folder with a case.json), sorted by name."""
    if not root.is_dir():
        return []
    return sorted(path for path in root.iterdir() if (path / CASE_FILE).is_file())


def case_input(case: Path) -> Path:
    """The case's page: `input.html` or `input.md`."""
    for name in INPUT_NAMES:
        if (case / name).is_file():
            return case / name
    raise FileNotFoundError(f"{case} has no {' or '.join(INPUT_NAMES)}")


def read_case(case: Path) -> dict[str, Any]:
    """The case's case.json."""
    data: dict[str, Any] = json.loads((case / CASE_FILE).read_text(encoding="utf-8"))
    return data


def parse_case(case: Path) -> Article:
    """Parse a case's page with the url its case.json gives."""
    return parse_article(case_input(case).read_bytes(), url=read_case(case).get("url"))


def expected_json(article: Article) -> str:
    """The text of an expected.json file for `article` (the form the corpus commits)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=1) + "\n"


def read_expected(case: Path) -> dict[str, Any] | None:
    """The case's expected.json, or None when it has not been written yet."""
    path = case / EXPECTED_FILE
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def diff(got: Any, want: Any, path: str = "") -> list[str]:
    """Readable differences between two `to_dict()` trees, one entry per differing leaf.

    >>> diff({"title": "A", "tags": ["x"]}, {"title": "B", "tags": ["x"]})
    ["title:\\n    got      'A'\\n    expected 'B'"]
    >>> diff({"tags": ["x", "y"]}, {"tags": ["x"]})
    ['tags: 2 items, expected 1: first differing item [1]']
    """
    if isinstance(got, dict) and isinstance(want, dict):
        lines: list[str] = []
        for key in dict.fromkeys([*want, *got]):
            lines += diff(
                got.get(key, MISSING), want.get(key, MISSING), f"{path}.{key}" if path else key
            )
        return lines
    if isinstance(got, list) and isinstance(want, list) and got != want:
        if len(got) != len(want):
            return [f"{path}: {len(got)} items, expected {len(want)}: {_first_change(got, want)}"]
        lines = []
        for index, (got_item, want_item) in enumerate(zip(got, want, strict=True)):
            lines += diff(got_item, want_item, f"{path}[{index}]")
        return lines
    if got != want:
        return [f"{path}:\n    got      {got!r}\n    expected {want!r}"]
    return []


def _first_change(got: Sequence[Any], want: Sequence[Any]) -> str:
    for index, (got_item, want_item) in enumerate(zip(got, want, strict=False)):
        if got_item != want_item:
            return f"first differing item [{index}] got {got_item!r} expected {want_item!r}"
    return f"first differing item [{min(len(got), len(want))}]"


def expectation_failures(article: Article, expect: Mapping[str, Any]) -> dict[str, str]:
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
        check("published", *_same_published(article, expect["published"]))
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
        got_quotes = [(_bare_quote(q.text), q.speaker, q.kind) for q in article.quotes]
        want_quotes = [(_bare_quote(q["text"]), q["speaker"], q["kind"]) for q in expect["quotes"]]
        check("quotes", got_quotes == want_quotes, f"got {got_quotes!r}\n    want {want_quotes!r}")
    return failures


def _same_published(article: Article, want: str | None) -> tuple[bool, str]:
    # A hand-written date may give the day only: "2025-05-20" matches any time that day.
    got = article.published.isoformat() if article.published else None
    same = got == want if want is None or got is None else got.startswith(want)
    return same, f"got {got!r}, want {want!r}"


def _bare_quote(text: str | None) -> str:
    return (text or "").strip(_QUOTE_MARKS).rstrip(",;:. ").strip(_QUOTE_MARKS)


def check_case(case: Path) -> Verdict:
    """Parse a case and compare the output with its expected.json and its `expect` facts."""
    article = parse_case(case)
    meta = read_case(case)
    expected = read_expected(case)
    differences = (
        [f"{EXPECTED_FILE} is missing"] if expected is None else diff(article.to_dict(), expected)
    )
    failures = expectation_failures(article, meta.get("expect", {}))
    gaps: dict[str, str] = meta.get("known_gaps", {})
    return Verdict(
        name=case.name,
        differences=tuple(differences),
        failures=tuple(
            f"{field}: {detail}" for field, detail in failures.items() if field not in gaps
        ),
        known_gaps=tuple(f"{field}: {reason}" for field, reason in gaps.items()),
        fixed_gaps=tuple(field for field in gaps if field not in failures),
    )
