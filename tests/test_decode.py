"""Bytes are decoded from the BOM, the declared charset, or detection; the choice is reported."""

from __future__ import annotations

import codecs
import logging
import warnings

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


SAMPLES = {
    "shift_jis": "東京都は月曜日、新しい橋の建設計画を発表した。市長は「来年の春に完成する」と述べた。",
    "gb18030": "市议会周一批准了新的桥梁预算，市长表示工程将于明年春天完成。",
    "koi8_r": "Городской совет в понедельник утвердил бюджет нового моста, сообщил мэр.",
    "cp1252": TEXT,
    "latin-1": "Die Stadt Köln öffnet die Brücke über den Fluss am Montag, sagte der Bürgermeister.",
}


def _page(text: str, head: str = "") -> str:
    return (
        f"<html><head>{head}<title>News</title></head><body><article><h1>Headline</h1>"
        f"<p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize("codec", sorted(SAMPLES))
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_legacy_encodings_read_with_or_without_a_declaration(codec: str, declared: bool) -> None:
    """Shift_JIS, GB18030, KOI8-R, cp1252 and latin-1 pages are read to the right text,
    declared or not (then detected), and the encoding used is reported."""
    text = SAMPLES[codec]
    head = f'<meta charset="{codec}">' if declared else ""
    article = articlekit.parse_article(_page(text, head).encode(codec))
    assert text in article.body.text
    (note,) = [w for w in article.warnings if w.startswith("encoding: ")]
    assert ("declared charset" if declared else "detected") in note


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_utf16_and_utf32_without_a_byte_order_mark(codec: str, sample: str) -> None:
    """UTF-16/32 with no BOM is recognised from the NUL bytes of its ASCII markup."""
    decoded = decode(_page(SAMPLES[sample]).encode(codec))
    assert SAMPLES[sample] in decoded.text
    assert decoded.encoding == codec


def test_utf32_be_byte_order_mark() -> None:
    """The big-endian UTF-32 byte order mark is read (the little-endian one is above)."""
    decoded = decode(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"))
    assert (decoded.text, decoded.encoding) == (TEXT, "utf-32-be")


def test_declared_utf16_in_an_ascii_page_means_utf8() -> None:
    """A page that declares UTF-16 in bytes readable as ASCII is UTF-8 (WHATWG rule),
    not UTF-16 mojibake."""
    data = _page(TEXT, '<meta charset="utf-16">').encode("utf-8")
    assert TEXT in articlekit.parse_article(data).body.text


def test_wrongly_declared_charset_falls_back_to_detection() -> None:
    """Bytes that cannot be the declared charset (cp1252 declared as UTF-8) are detected."""
    data = _page(TEXT, '<meta charset="utf-8">').encode("cp1252")
    decoded = decode(data)
    assert TEXT in decoded.text
    assert (decoded.encoding, decoded.how) == ("windows-1252", "detected")


def test_mixed_utf8_and_windows_1252_keeps_both() -> None:
    """A UTF-8 page with a windows-1252 fragment pasted in keeps both readable."""
    data = _page(SAMPLES["shift_jis"]).encode() + "<p>Zoë’s “café”</p>".encode("cp1252")
    decoded = decode(data)
    assert SAMPLES["shift_jis"] in decoded.text
    assert "Zoë’s “café”" in decoded.text
    assert decoded.encoding == "utf-8"
    assert decoded.how.startswith("mixed: ")


def test_invalid_bytes_are_replaced_and_reported(caplog: pytest.LogCaptureFixture) -> None:
    """Bytes no encoding explains become U+FFFD, the text around them is kept, and the
    encoding note says bytes were replaced; no Python warning and no log record at WARNING or
    above is emitted (charset-normalizer logs its guesses at DEBUG)."""
    data = b"<p>Plain words \x81\x8d\x8f\x90\x9d and more plain words.</p>"
    with warnings.catch_warnings(), caplog.at_level(logging.DEBUG):
        warnings.simplefilter("error")
        article = articlekit.parse_article(data)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert "Plain words" in article.body.text
    assert "and more plain words." in article.body.text
    assert any(w.startswith("encoding: ") for w in article.warnings)
