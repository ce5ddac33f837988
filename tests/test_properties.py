"""The contract, stated as properties over generated input (strategies in strategies.py)."""

from __future__ import annotations

import json
import re
import warnings

from hypothesis import given
from hypothesis import strategies as st

import articlekit
from tests import strategies as ak
from tests.contract import check_article

_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_MARKDOWN_LINK = re.compile(r"\]\([^)]*\)")


def _check_offsets(article: articlekit.Article) -> None:
    text = article.body.text
    for link in article.links:
        assert text[link.start : link.end] == link.text
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text


def _check_round_trip(article: articlekit.Article) -> None:
    data = json.loads(article.to_json())
    assert data == article.to_dict()
    assert articlekit.Article.from_dict(data) == article


@given(ak.noise)
def test_never_raises_on_noise(source: str | bytes) -> None:
    """Arbitrary text or bytes give an Article, never an exception."""
    article = articlekit.parse_article(source)
    _check_offsets(article)


@given(ak.html_documents)
def test_html_trees_keep_the_contract(document: str) -> None:
    """Generated HTML: offsets hold, no markup or script text in the body, JSON round-trips."""
    article = articlekit.parse_article(document, url="https://news.test/a/b.html")
    _check_offsets(article)
    assert not _TAG.search(article.body.text)
    assert "var x" not in article.body.text
    assert "color: red" not in article.body.text
    for link in article.links:
        assert not link.url.startswith("javascript:")
        assert link.url.startswith(("https://", "mailto:"))
    _check_round_trip(article)


@given(ak.html_documents, st.sampled_from(["utf-8", "utf-16", "windows-1252", "utf-8-sig"]))
def test_bytes_in_any_encoding_give_the_same_body(document: str, encoding: str) -> None:
    """The body of a page is the same whether it comes as str or as encoded bytes."""
    data = document.encode(encoding, errors="ignore")
    expected = articlekit.parse_article(data.decode(encoding), url="https://news.test/")
    article = articlekit.parse_article(data, url="https://news.test/")
    assert article.body.text == expected.body.text


@given(ak.clippings())
def test_front_matter_of_any_shape(clipping: str) -> None:
    """Front matter that is a list, a scalar or odd values never breaks parsing."""
    article = articlekit.parse_article(clipping)
    _check_offsets(article)
    assert not _MARKDOWN_LINK.search(article.body.text)
    _check_round_trip(article)


@given(st.lists(ak.quoted_paragraphs(), min_size=1, max_size=5))
def test_quotes_point_into_the_body(paragraphs: list[str]) -> None:
    """Every quote's text sits at its offsets and names no empty speaker."""
    article = articlekit.parse_article("\n\n".join(paragraphs), format="markdown")
    _check_offsets(article)
    for quote in article.quotes:
        assert quote.speaker is None or quote.speaker.strip()
        assert quote.kind in ("direct", "partial")


@given(ak.html_documents)
def test_same_input_same_output(document: str) -> None:
    """Parsing is deterministic: no state is kept between calls."""
    assert articlekit.parse_article(document) == articlekit.parse_article(document)


# --- hostile input: the robustness contract (docs/robustness.md) ------------------------


def _parse_quietly(source: str | bytes, **kwargs: object) -> articlekit.Article:
    """parse_article with every Python warning turned into an error: a pipeline running
    under ``-W error`` must not break either."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return articlekit.parse_article(source, **kwargs)  # type: ignore[arg-type]


@given(ak.hostile_html())
def test_hostile_html_keeps_the_output_contract(page: str) -> None:
    """Random, deep, unclosed and misnested tags, huge attributes, broken entities,
    broken JSON-LD and raw control characters: an Article that keeps every output promise."""
    check_article(_parse_quietly(page, url="https://news.test/a/b.html"))


@given(ak.hostile_bytes)
def test_hostile_bytes_keep_the_output_contract(data: bytes) -> None:
    """Binary noise and hostile pages in any encoding, with junk around them: an Article
    that keeps every output promise and names the encoding it used."""
    article = _parse_quietly(data)
    check_article(article)
    assert any(w.startswith("encoding: ") for w in article.warnings)


@given(ak.hostile_clippings())
def test_hostile_clippings_keep_the_output_contract(clipping: str) -> None:
    """Front matter that is not a mapping, not YAML or not closed, raw HTML, deep quotes
    and lists in Markdown: an Article that keeps every output promise."""
    check_article(_parse_quietly(clipping))
    check_article(_parse_quietly(clipping, format="markdown"))


@given(ak.body_only_pages())
def test_no_word_of_a_body_only_page_is_lost(page_and_words: tuple[str, list[str]]) -> None:
    """A page made only of the body's own blocks loses no word of them."""
    page, words = page_and_words
    text = articlekit.parse_article(page).body.text
    assert set(words) <= set(re.findall(r"\w+", text))


@given(st.one_of(ak.hostile_html(), ak.hostile_clippings()))
def test_hostile_input_is_deterministic(source: str) -> None:
    """The same hostile input gives the same Article twice: nothing is kept between calls."""
    assert articlekit.parse_article(source).to_json() == articlekit.parse_article(source).to_json()
