"""Stage 1: bytes to text, with the encoding used and how it was chosen.

The order is the one browsers follow, with one correction for the web as it is: a byte
order mark wins; then the charset the document declares; then detection. Where the
declared charset is a single-byte one but the bytes are valid UTF-8 with multi-byte
sequences, the declaration is wrong (a common CMS misconfiguration) and UTF-8 is used.
`bs4.dammit` finds the declaration and does the detection.
"""

from __future__ import annotations

import codecs

import attrs
from bs4.dammit import EncodingDetector, UnicodeDammit

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: these labels mean windows-1252 on the web.
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii"})
_SINGLE_BYTE_PREFIXES = ("iso-8859", "windows-125", "cp125", "latin", "ascii", "us-ascii", "koi8")


@attrs.frozen
class Decoded:
    """Decoded text, the codec that produced it and why that codec was chosen."""

    text: str
    encoding: str
    how: str
    lossy: bool = False

    def note(self) -> str:
        loss = ", undecodable bytes replaced" if self.lossy else ""
        return f"encoding: {self.encoding} ({self.how}{loss})"


def decode(data: bytes) -> Decoded:
    """Decode a document's bytes, never raising: undecodable bytes become U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], encoding, "byte order mark")
    declared = _declared_encoding(data)
    if declared is not None:
        if _is_single_byte(declared) and _is_multibyte_utf8(data):
            return _decode_with(data, "utf-8", f"declared {declared}, but the bytes are UTF-8")
        try:
            return Decoded(data.decode(declared), declared, "declared charset")
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall through to detection
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    dammit = UnicodeDammit(data, known_definite_encodings=[], is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        encoding = _normalise(dammit.original_encoding)
        return Decoded(dammit.unicode_markup, encoding, "detected")
    return _decode_with(data, "windows-1252", "fallback")


def _decode_with(data: bytes, encoding: str, how: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, how)
    except UnicodeDecodeError:
        return Decoded(data.decode(encoding, errors="replace"), encoding, how, lossy=True)


def _declared_encoding(data: bytes) -> str | None:
    found = EncodingDetector.find_declared_encoding(data[:4096], is_html=True)
    if not found:
        return None
    try:
        name = codecs.lookup(found).name
    except LookupError:
        return None
    return _normalise(name)


def _normalise(name: str) -> str:
    """A codec's web label: "windows-1252", "iso-8859-2", "shift-jis", "utf-8"."""
    name = codecs.lookup(name).name if _known(name) else name.lower()
    name = name.replace("_", "-")
    if name.startswith("iso8859"):
        name = "iso-8859" + name[len("iso8859") :]
    if name in _WINDOWS_1252_ALIASES:
        return "windows-1252"
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    return name


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _is_single_byte(encoding: str) -> bool:
    return encoding.startswith(_SINGLE_BYTE_PREFIXES)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_multibyte_utf8(data: bytes) -> bool:
    return not data.isascii() and _is_utf8(data)


def decode_transport(data: bytes, charset: str) -> Decoded | None:
    """Decode with the charset the transport declared (an HTTP ``Content-Type`` header).

    Browsers rank that header below a byte order mark and above the document's own
    declaration. Returns None, leaving the choice to `decode`, when there is a byte order
    mark, the label is unknown, or the bytes do not decode with it; a single-byte label
    on bytes that are multi-byte UTF-8 is the same misconfiguration `decode` corrects.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS) or not _known(charset):
        return None
    declared = _normalise(charset)
    if _is_single_byte(declared) and _is_multibyte_utf8(data):
        how = f"HTTP charset {declared}, but the bytes are UTF-8"
        return Decoded(data.decode("utf-8"), "utf-8", how)
    try:
        return Decoded(data.decode(declared), declared, "HTTP charset")
    except (UnicodeDecodeError, LookupError):
        return None
