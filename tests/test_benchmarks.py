"""The benchmark runner's own parts: the shingle metric, the lost/leaked diff, the loaders.

Every input here is written by hand; no benchmark page or text is copied in.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.datasets import READABILITY_TEST_URL, decode_html, iter_pages, load_dataset
from benchmarks.htmltext import visible_text
from benchmarks.metrics import (
    PageCounts,
    excerpt,
    page_counts,
    score,
    shingles,
    tokenize,
    uncovered_spans,
)

SENTENCE = "The river rose three feet overnight and the bridge was closed."


# --- metric ---------------------------------------------------------------------------


def test_tokens_are_word_runs_with_case_kept() -> None:
    """Punctuation separates tokens and is dropped; case is kept."""
    assert tokenize("Rain, rain: GO away!") == ["Rain", "rain", "GO", "away"]
    assert tokenize(None) == []


def test_shingles_are_a_multiset_of_four_token_runs() -> None:
    """Repeated 4-token runs count twice; a short text is one shorter shingle."""
    assert shingles(tokenize("a b c d a b c d")) == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert shingles(tokenize("a b")) == {("a", "b"): 1}
    assert shingles([]) == {}


def test_identical_texts_score_one() -> None:
    """A prediction equal to the expected text has P = R = F1 = 1."""
    result = score([SENTENCE], [SENTENCE])
    assert (result.precision, result.recall, result.f1, result.mean_page_f1) == (1, 1, 1, 1)
    assert result.exact == 1.0


def test_disjoint_texts_score_zero() -> None:
    """A prediction sharing no shingle with the expected text scores 0."""
    result = score([SENTENCE], ["Subscribe to our newsletter for daily updates today."])
    assert (result.precision, result.recall, result.f1, result.mean_page_f1) == (0, 0, 0, 0)


def test_partial_overlap_computed_by_hand() -> None:
    """Expected ``a b c d e`` has shingles abcd, bcde; ``a b c d x y`` has abcd, bcdx,
    cdxy: TP 1, FP 2, FN 1, so P = 1/3, R = 1/2 and F1 = 2PR/(P+R) = 0.4."""
    assert page_counts("a b c d e", "a b c d x y") == PageCounts(tp=1, fp=2, fn=1)
    result = score(["a b c d e"], ["a b c d x y"])
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 2)
    assert result.f1 == pytest.approx(0.4)
    assert result.mean_page_f1 == pytest.approx(0.4)


def test_repeated_text_is_matched_as_a_multiset() -> None:
    """Saying the expected text twice doubles the false positives, not the true ones."""
    counts = page_counts("a b c d", "a b c d a b c d")
    assert counts == PageCounts(tp=1, fp=4, fn=0)


def test_empty_texts() -> None:
    """Both empty: a perfect page left out of P and R; an empty prediction costs recall
    only; an empty expected text costs precision only."""
    both = page_counts("", "")
    assert (both.precision, both.recall, both.f1) == (None, None, 1.0)
    missed = page_counts(SENTENCE, "")
    assert (missed.precision, missed.recall, missed.f1) == (None, 0.0, 0.0)
    spurious = page_counts("", SENTENCE)
    assert (spurious.precision, spurious.recall, spurious.f1) == (0.0, None, 0.0)
    assert score([], []).f1 == 0.0


def test_dataset_scores_average_pages_the_zyte_way() -> None:
    """P is averaged over pages with output, R over pages with expected text, and F1 is
    their harmonic mean: a perfect page plus an empty output give P 1, R 0.5, F1 2/3,
    while the plain mean of page F1 is 0.5."""
    result = score([SENTENCE, SENTENCE], [SENTENCE, ""])
    assert result.precision == 1.0
    assert result.recall == 0.5
    assert result.f1 == pytest.approx(2 / 3)
    assert result.mean_page_f1 == 0.5
    assert result.page_f1 == [1.0, 0.0]


def test_score_needs_one_prediction_per_page() -> None:
    """Mismatched lengths are an error, not a silent truncation."""
    with pytest.raises(ValueError, match="expected texts"):
        score(["a"], [])


def test_lost_and_leaked_spans_are_cut_from_the_texts() -> None:
    """What the output misses and what it adds come back as the original stretches."""
    expected = "Storm warning. The river rose three feet overnight. Roads stayed open."
    output = "The river rose three feet overnight. Share this story on social media!"
    assert uncovered_spans(expected, output) == ["Storm warning", "Roads stayed open"]
    assert uncovered_spans(output, expected) == ["Share this story on social media"]
    assert uncovered_spans(expected, expected) == []
    assert uncovered_spans("", expected) == []


def test_excerpt_joins_and_shortens() -> None:
    """Spans are joined with an ellipsis and cut to the limit."""
    assert excerpt(["one  two", "three"]) == "one two … three"
    long = excerpt(["word " * 100], limit=20)
    assert len(long) <= 20
    assert long.endswith("…")


# --- visible text and decoding --------------------------------------------------------


def test_visible_text_puts_blocks_on_lines_and_skips_invisible_parts() -> None:
    """Block elements break lines, inline ones do not; scripts and hidden parts vanish."""
    html = (
        "<div><h1>Title</h1><p>One <em>two</em>\n three</p>"
        "<script>track()</script><p hidden>secret</p>"
        "<p style='display: none'>gone</p><table><tr><td>a</td><td>b</td></tr></table></div>"
    )
    assert visible_text(html) == "Title\nOne two three\na b"
    assert visible_text("") == ""


def test_decode_html_falls_back_to_the_declared_charset() -> None:
    """Bytes that are not UTF-8 are decoded with the charset their meta tag declares."""
    data = '<meta charset="iso-8859-1"><p>Café</p>'.encode("iso-8859-1")
    assert "Café" in decode_html(data)
    assert decode_html("<p>naïve</p>".encode()) == "<p>naïve</p>"


# --- dataset loaders ------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_readability_layout(tmp_path: Path) -> None:
    """Sub-folders with source.html and expected.html/.txt become pages sorted by name,
    with the fakehost URL, expected.html's visible text and the expected metadata."""
    _write(tmp_path / "b-page" / "source.html", "<html><body><p>Body B</p></body></html>")
    _write(tmp_path / "b-page" / "expected.txt", "Body B")
    _write(tmp_path / "a-page" / "source.html", "<html><body><p>Body A</p></body></html>")
    _write(tmp_path / "a-page" / "expected.html", "<div><p>Body <b>A</b></p><p>More</p></div>")
    _write(tmp_path / "a-page" / "expected-metadata.json", json.dumps({"title": "A"}))
    _write(tmp_path / "no-expected" / "source.html", "<p>skipped</p>")
    (tmp_path / "not-a-page").mkdir()

    dataset = load_dataset(tmp_path)

    assert dataset.layout == "readability"
    assert [p.id for p in dataset.pages] == ["a-page", "b-page"]
    first = dataset.pages[0]
    assert first.url == READABILITY_TEST_URL
    assert first.expected_text == "Body A\nMore"
    assert "<p>Body A</p>" in first.html
    assert first.metadata == {"title": "A"}
    assert dataset.pages[1].expected_text == "Body B"
    assert len(load_dataset(tmp_path, limit=1).pages) == 1


def test_zyte_layout(tmp_path: Path) -> None:
    """ground-truth.json plus html/<id>.html or .html.gz become pages sorted by id,
    with the record's URL and articleBody."""
    truth = {
        "p2": {"url": "https://example.org/2", "articleBody": "Second body."},
        "p1": {"url": "https://example.org/1", "articleBody": "First body."},
    }
    _write(tmp_path / "ground-truth.json", json.dumps(truth))
    _write(tmp_path / "html" / "p2.html", "<p>Second body.</p>")
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(b"<p>First body.</p>"))

    dataset = load_dataset(tmp_path)

    assert dataset.layout == "zyte"
    assert [(p.id, p.url, p.expected_text) for p in dataset.pages] == [
        ("p1", "https://example.org/1", "First body."),
        ("p2", "https://example.org/2", "Second body."),
    ]
    assert dataset.pages[0].html == "<p>First body.</p>"
    assert dataset.pages[1].metadata["url"] == "https://example.org/2"
    assert [p.id for p in iter_pages(tmp_path, limit=1)] == ["p1"]


def test_zyte_page_without_html_is_an_error(tmp_path: Path) -> None:
    """A ground-truth id with no HTML file fails loudly instead of scoring as empty."""
    _write(tmp_path / "ground-truth.json", json.dumps({"x": {"articleBody": "text"}}))
    (tmp_path / "html").mkdir()
    with pytest.raises(FileNotFoundError, match="x"):
        load_dataset(tmp_path)


def test_folder_in_neither_layout_is_an_error(tmp_path: Path) -> None:
    """A folder with neither layout is refused with a message naming both."""
    _write(tmp_path / "notes" / "readme.txt", "nothing here")
    with pytest.raises(FileNotFoundError, match=r"ground-truth\.json"):
        load_dataset(tmp_path)
