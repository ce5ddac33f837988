"""The public surface: names, the Article's fields, the exception tree."""

from __future__ import annotations

import attrs
import pytest

import articlekit
from tests.conftest import MODEL_CLASSES


def test_exported_names_are_pinned() -> None:
    """`__all__` lists exactly the public names, and each of them exists."""
    assert sorted(articlekit.__all__) == [
        "Article",
        "ArticleKitError",
        "BatchError",
        "Block",
        "Body",
        "Figure",
        "InputTooLarge",
        "Link",
        "Options",
        "Page",
        "Quote",
        "UnsupportedFormat",
        "__version__",
        "extract_quotes",
        "parse_article",
        "parse_many",
        "read_pages",
    ]
    for name in articlekit.__all__:
        assert hasattr(articlekit, name)


def test_article_has_exactly_the_contract_fields() -> None:
    """Article's public fields are the ones the contract names, in that order."""
    assert [f.name for f in attrs.fields(articlekit.Article)] == [
        "title", "authors", "published", "modified", "url", "canonical_url", "site_name",
        "language", "description", "category", "image", "tags", "body", "links", "quotes",
        "figures", "warnings",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "cls",
    MODEL_CLASSES,
)
def test_model_classes_are_frozen_and_slotted(cls: type) -> None:
    """Every model class is immutable and has no per-instance __dict__."""
    assert "__slots__" in cls.__dict__
    instance = (
        articlekit.parse_article("# T\n\nA paragraph.") if cls is articlekit.Article else None
    )
    if instance is not None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            instance.title = "changed"  # type: ignore[misc]


def test_exception_tree() -> None:
    """Every articlekit exception derives from ArticleKitError."""
    assert issubclass(articlekit.InputTooLarge, articlekit.ArticleKitError)
    assert issubclass(articlekit.UnsupportedFormat, articlekit.ArticleKitError)


@pytest.mark.parametrize("source", [None, 42, ["<p>x</p>"], object()])
def test_wrong_source_type_raises_type_error(source: object) -> None:
    """A source that is not str, bytes or a bs4 Tag is a TypeError, not a parse."""
    with pytest.raises(TypeError):
        articlekit.parse_article(source)  # type: ignore[arg-type]


def test_input_above_the_limit_raises_input_too_large() -> None:
    """The size limit is configurable and enforced for str and bytes alike."""
    options = articlekit.Options(max_input_bytes=100)
    for source in ("<p>" + "x" * 200 + "</p>", b"<p>" + b"x" * 200 + b"</p>"):
        with pytest.raises(articlekit.InputTooLarge):
            articlekit.parse_article(source, options=options)


def test_unknown_format_raises() -> None:
    """format= accepts html and markdown only."""
    with pytest.raises(articlekit.UnsupportedFormat):
        articlekit.parse_article("x", format="pdf")  # type: ignore[arg-type]


def test_version_is_a_string() -> None:
    """The version comes from one place and looks like a version."""
    assert articlekit.__version__.count(".") >= 2


def test_extract_quotes_offsets_index_the_given_text() -> None:
    text = (
        "The council met on Monday.\n"
        "“We cannot wait another year,” said Mayor Ana Ruiz, who chairs the council.\n"
        "Ruiz added that the vote was “long overdue”."
    )
    quotes = articlekit.extract_quotes(text)
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("We cannot wait another year", "Ana Ruiz", "direct"),
        ("long overdue", "Ana Ruiz", "partial"),
    ]
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


def test_extract_quotes_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        articlekit.extract_quotes(b"bytes")  # type: ignore[arg-type]
