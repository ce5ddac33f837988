"""Text-overlap metric of the Zyte article-extraction benchmark, and a lost/leaked diff.

A text is split into tokens, the runs of word characters (``\\w+``, case kept). Its
*shingles* are the runs of 4 consecutive tokens, as a multiset; a text of 1-3 tokens has
one shorter shingle, an empty one none. On one page, with E the expected and P the
predicted shingles: TP = |E ∩ P| (multiset), FP = |P| - TP, FN = |E| - TP.

Over a dataset, as the Zyte benchmark defines it:

- precision = mean of per-page TP / (TP + FP), over pages whose prediction has a shingle;
- recall = mean of per-page TP / (TP + FN), over pages whose expected text has a shingle;
- F1 = 2PR / (P + R) of those two means (not the mean of per-page F1).

A tool that returns nothing on a page thus loses recall there but no precision, so we
also report the plain mean of per-page F1 (an empty output scoring 0 against a non-empty
expected text), which cannot be gamed that way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """The word tokens of `text`.

    >>> tokenize("It's 5 o'clock, Dr. Ruiz!")
    ['It', 's', '5', 'o', 'clock', 'Dr', 'Ruiz']
    """
    return _TOKEN.findall(text or "")


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """The multiset of `size`-token shingles; fewer tokens than `size` give one shingle."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageCounts:
    """Shingle overlap of one page's prediction with its expected text."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); None when the prediction has no shingle."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when the expected text has no shingle."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        """Per-page F1; 1.0 when both texts are empty, 0.0 when only one is."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0


def page_counts(expected: str | None, predicted: str | None) -> PageCounts:
    """TP/FP/FN shingle counts of one page.

    >>> page_counts("a b c d e", "a b c d")
    PageCounts(tp=1, fp=0, fn=1)
    """
    want = shingles(tokenize(expected))
    got = shingles(tokenize(predicted))
    tp = sum((want & got).values())
    return PageCounts(tp=tp, fp=sum(got.values()) - tp, fn=sum(want.values()) - tp)


@dataclass(frozen=True)
class Scores:
    """Dataset-level accuracy of one tool, with its per-page counts."""

    precision: float
    recall: float
    f1: float
    mean_page_f1: float
    exact: float  # share of pages whose token list equals the expected one
    pages: tuple[PageCounts, ...]

    @property
    def page_f1(self) -> list[float]:
        """Per-page F1, in page order."""
        return [c.f1 for c in self.pages]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def combine(counts: Sequence[PageCounts], exact: Sequence[bool] = ()) -> Scores:
    """Dataset scores from per-page counts (Zyte's averaging; see the module docstring)."""
    precision = _mean([p for p in (c.precision for c in counts) if p is not None])
    recall = _mean([r for r in (c.recall for c in counts) if r is not None])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        precision=precision,
        recall=recall,
        f1=f1,
        mean_page_f1=_mean([c.f1 for c in counts]),
        exact=_mean([float(e) for e in exact]),
        pages=tuple(counts),
    )


def score(expected: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Scores of `predicted` texts against `expected` ones, page by page.

    >>> round(score(["a b c d e"], ["a b c d"]).f1, 3)
    0.667
    """
    if len(expected) != len(predicted):
        raise ValueError(f"{len(expected)} expected texts but {len(predicted)} predictions")
    counts = [page_counts(e, p) for e, p in zip(expected, predicted, strict=True)]
    exact = [tokenize(e) == tokenize(p) for e, p in zip(expected, predicted, strict=True)]
    return combine(counts, exact)


def uncovered_spans(text: str, other: str, size: int = SHINGLE_SIZE) -> list[str]:
    """The stretches of `text` whose tokens share no shingle with `other`, in order.

    With the expected text as `text` these are what an extractor lost; with its output as
    `text`, what leaked in. Each stretch is cut from `text` itself, punctuation included.

    >>> uncovered_spans("Keep this whole line. Subscribe now!", "Keep this whole line.")
    ['Subscribe now']
    """
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    if not tokens:
        return []
    width = min(size, len(tokens))  # a short text is matched as one shorter shingle
    theirs = shingles(tokenize(other), width)
    covered = [False] * len(tokens)
    for start in range(len(tokens) - width + 1):
        if tuple(tokens[start : start + width]) in theirs:
            covered[start : start + width] = [True] * width
    spans: list[str] = []
    run_start: int | None = None
    for i, is_covered in enumerate([*covered, True]):  # the sentinel closes a final run
        if not is_covered and run_start is None:
            run_start = i
        elif is_covered and run_start is not None:
            spans.append(text[matches[run_start].start() : matches[i - 1].end()])
            run_start = None
    return spans


def excerpt(spans: Sequence[str], limit: int = 200) -> str:
    """`spans` joined with `` … `` and whitespace collapsed, cut to about `limit` chars."""
    joined = " … ".join(" ".join(span.split()) for span in spans)
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"
