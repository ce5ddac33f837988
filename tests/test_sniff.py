"""The input form is told from the text itself: HTML or Markdown."""

from __future__ import annotations

import pytest

import articlekit
from articlekit._sniff import sniff_format

LONG_STYLE = "<style>\n" + ".grid { display: grid; }\n" * 600 + "</style>\n"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("---\ntitle: T\n---\n\nBody.", "markdown"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<!-- saved page --><html><p>x</p></html>", "html"),
        ("<meta charset='utf-8'><title>T</title><p>Body</p>", "html"),
        (LONG_STYLE + "<html><body><p>Body text.</p></body></html>", "html"),
        ("Some notes\n\nBefore a page: <body class='x'>", "html"),
        ("# Heading\n\nA paragraph with <span>inline</span> markup.\n\n- item\n", "markdown"),
        ("Just a line of plain text.", "markdown"),
        ("<div><p>one</p><p>two</p><p>three</p></div>", "html"),
    ],
)
def test_sniff_format(text: str, form: str) -> None:
    assert sniff_format(text) == form


def test_page_opening_with_a_long_style_block_is_read_as_html() -> None:
    page = LONG_STYLE + (
        "<html lang='en'><head><title>Harbour report</title></head><body><article>"
        + "<p>The harbour master said the new pier opens in June after two years of work.</p>" * 3
        + "</article></body></html>"
    )
    article = articlekit.parse_article(page)
    assert article.title == "Harbour report"
    assert "new pier opens in June" in article.body.text
    assert ".grid" not in article.body.text


def test_whole_document_inside_markdown_keeps_its_text() -> None:
    source = "Intro line.\n\n<html><body><p>Text inside an embedded page.</p></body></html>\n"
    article = articlekit.parse_article(source, format="markdown")
    assert "Text inside an embedded page." in article.body.text
    assert "<" not in article.body.text
