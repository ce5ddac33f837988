"""Bytes are decoded from the BOM, the declared charset, or detection; the choice is reported."""

from __future__ import annotations

import codecs

import pytest

import articlekit
from articlekit._decode import decode

TEXT = "Zoë’s café reopened — “finally”, said Søren."


@pytest.mark.parametrize(
    ("data", "encoding", "how"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", "byte order mark"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", "byte order mark"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", "byte order mark"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le", "byte order mark"),
        (
            f'<meta charset="windows-1252"><p>{TEXT}</p>'.encode("cp1252"),
            "windows-1252",
            "declared charset",
        ),
        (TEXT.encode("utf-8"), "utf-8", "valid UTF-8"),
    ],
)
def test_encoding_sources(data: bytes, encoding: str, how: str) -> None:
    """Each way of knowing the encoding is used, and named."""
    decoded = decode(data)
    assert TEXT in decoded.text
    assert decoded.encoding == encoding
    assert decoded.how == how


def test_latin1_label_means_windows_1252() -> None:
    """As in browsers, a page labelled iso-8859-1 is read as windows-1252 (curly quotes work)."""
    data = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'.encode("cp1252")
    assert TEXT in decode(data).text


def test_wrong_single_byte_declaration_yields_to_utf8() -> None:
    """A page that declares latin-1 but is UTF-8 is read as UTF-8, and says so."""
    data = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'.encode()
    decoded = decode(data)
    assert TEXT in decoded.text
    assert decoded.encoding == "utf-8"
    assert "declared" in decoded.how


def test_undeclared_legacy_bytes_are_detected() -> None:
    """Undeclared cp1252 bytes are not valid UTF-8 and are detected, not dropped."""
    decoded = decode(f"<p>{TEXT}</p>".encode("cp1252"))
    assert "caf" in decoded.text
    assert "\ufffd" not in decoded.text


def test_parse_article_records_the_encoding() -> None:
    """parse_article on bytes records the encoding it used in warnings."""
    article = articlekit.parse_article(codecs.BOM_UTF8 + b"<p>Hello there, reader of the news.</p>")
    assert any(w.startswith("encoding: utf-8") for w in article.warnings)
