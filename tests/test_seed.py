"""The reference article (../shared/seeds) parses exactly as its expected JSON says.

The checks follow ../shared/seeds/README.md; the files are read from ../shared and the
tests skip when that folder is absent (the article is third-party text, not ours).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

import articlekit
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
QUOTE_MARKS = "\"'“”„‟«»‹›「」『』‘’‚"


def _seed_pairs() -> list[tuple[Path, Path]]:
    if not SEEDS.is_dir():
        return []
    return [(txt, txt.with_suffix(".expected.json")) for txt in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(params=_seed_pairs() or [None], ids=lambda p: p[0].stem if p else "absent")
def seed(request: pytest.FixtureRequest) -> tuple[articlekit.Article, dict[str, Any]]:
    if request.param is None:
        pytest.skip("../shared/seeds is absent")
    text_path, expected_path = request.param
    article = articlekit.parse_article(text_path.read_text(encoding="utf-8"))
    return article, json.loads(expected_path.read_text(encoding="utf-8"))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _norm_quote(text: str | None) -> str:
    return (text or "").strip().strip(QUOTE_MARKS).strip().rstrip(",;:. ").strip()


def test_exact_metadata(seed: tuple[articlekit.Article, dict[str, Any]]) -> None:
    """Title, authors, url, published (aware), category and description are exact."""
    article, expected = seed
    for key, want in expected["exact"].items():
        got = getattr(article, key)
        if key == "published":
            assert got is not None
            assert got.tzinfo is not None
            assert got == dt.datetime.fromisoformat(want)
        elif key == "authors":
            assert list(got) == want
        else:
            assert got == want, key


def test_one_of_metadata(seed: tuple[articlekit.Article, dict[str, Any]]) -> None:
    """Site name and language are one of the accepted values."""
    article, expected = seed
    for key, options in expected["one_of"].items():
        assert getattr(article, key) in options, key


def test_body_paragraphs(seed: tuple[articlekit.Article, dict[str, Any]]) -> None:
    """The body is the article's prose, in order, with no boilerplate before or after."""
    article, expected = seed
    body = expected["body"]
    paragraphs = _paragraphs(article.body.text)
    assert paragraphs[0].startswith(body["first_paragraph_start"])
    for index, start in enumerate(body["paragraph_starts_in_order"]):
        assert paragraphs[index].startswith(start), index
    last = next(i for i, p in enumerate(paragraphs) if body["last_prose_paragraph_contains"] in p)
    for paragraph in paragraphs[last + 1 :]:
        assert any(
            paragraph.strip("_* ").startswith(a) for a in body["allowed_after_last_prose_paragraph"]
        ), paragraph
    for junk in body["must_not_contain"]:
        assert junk not in article.body.text, junk


def test_links(seed: tuple[articlekit.Article, dict[str, Any]]) -> None:
    """The body's links, in order, and nothing but the allowed extras besides."""
    article, expected = seed
    extra = {(d["text"], d["url"]) for d in expected["links_allowed_extra"]}
    got = [(link.text, link.url) for link in article.links if (link.text, link.url) not in extra]
    assert got == [(d["text"], d["url"]) for d in expected["links_in_order"]]


def test_quotes(seed: tuple[articlekit.Article, dict[str, Any]]) -> None:
    """Every quote, in order, with its speaker's full name and direct/partial kind."""
    article, expected = seed
    got = [(_norm_quote(q.text), q.speaker, q.kind) for q in article.quotes]
    want = expected["quotes_in_order"]
    assert [g[0] for g in got] == [_norm_quote(w["text"]) for w in want]
    for (text, speaker, kind), w in zip(got, want, strict=False):
        if w["speaker"] != "*":
            assert speaker == w["speaker"], text
        assert kind == w["kind"], text
