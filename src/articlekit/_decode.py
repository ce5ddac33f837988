"""Stage 1: bytes to text, with the encoding used and how it was chosen.

The order is the one browsers follow, with corrections for the web as it is: a byte
order mark wins; then UTF-16/32 without a mark, seen from the NUL bytes of its ASCII
markup; then the charset the document declares; then UTF-8 when the bytes are valid
UTF-8; then detection. Where the declared charset is a single-byte one but the bytes are
valid UTF-8 with multi-byte sequences, the declaration is wrong (a common CMS
misconfiguration) and UTF-8 is used; a declared UTF-16/32 that is readable as ASCII is
wrong too, and means UTF-8 (as in the WHATWG rules). Bytes that are UTF-8 with a few
stray legacy bytes (pages pasted together from two sources) are read as UTF-8 with the
stray bytes read as windows-1252. `bs4.dammit` finds the declaration;
`charset_normalizer` detects an undeclared legacy encoding (Shift_JIS, GB18030, KOI8-R,
...), with windows-1252 preferred wherever it reads the bytes about as well as the best
guess (so undeclared Central European windows-1250 text may come out as windows-1252:
declare it).
"""

from __future__ import annotations

import codecs
import re

import attrs
import charset_normalizer
from bs4.dammit import EncodingDetector

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: these labels mean windows-1252 on the web.
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii"})
# One valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates), and a run of them.
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_SNIFF_BYTES = 4096
_DETECT_BYTES = 65536
_MIXED_WINDOW = 4096
_CHAOS_TOLERANCE = 0.1
_CONTROL_BYTES = bytes([*range(9), 11, 12, *range(14, 32), 127])
# The legacy encodings of the WHATWG Encoding Standard, by their Python codec names (the
# ISO 8859 family aside): a detector's guess of a DOS or EBCDIC code page is noise.
_WEB_ENCODINGS = frozenset(
    {
        "cp866", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp874", "cp1250",
        "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp",
        "shift_jis", "cp932", "euc_kr", "cp949",
    }
)  # fmt: skip  # the detector reads a sample: its cost stays bounded
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
    wide = _unmarked_utf16_or_32(data[:_SNIFF_BYTES])
    if wide is not None:
        return _decode_with(data, wide, "no byte order mark, NUL bytes of UTF-16/32")
    declared = _declared_encoding(data)
    if declared is not None and declared.startswith(("utf-16", "utf-32")):
        declared = "utf-8"  # a declaration readable as ASCII is not UTF-16/32
    if declared is not None:
        if _is_single_byte(declared) and _is_multibyte_utf8(data):
            return _decode_with(data, "utf-8", f"declared {declared}, but the bytes are UTF-8")
        try:
            return Decoded(data.decode(declared), declared, "declared charset")
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall through to detection
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        return mixed
    detected = _detect(data)
    if detected is not None:
        return _decode_with(data, detected, "detected")
    return _decode_with(data, "windows-1252", "fallback")


# Which byte of each 4-byte group is NUL in ASCII markup, per encoding without a BOM.
_NUL_PATTERNS = {
    "utf-32-le": (False, True, True, True),
    "utf-32-be": (True, True, True, False),
    "utf-16-le": (False, True, False, True),
    "utf-16-be": (True, False, True, False),
}


def _unmarked_utf16_or_32(head: bytes) -> str | None:
    """UTF-16/32 without a byte order mark: markup is mostly ASCII, so its NUL bytes sit
    at fixed places in each code unit."""
    size = len(head) - len(head) % 4
    if size < 16 or head.count(0) < size // 8:
        return None
    zeros = [head[index:size:4].count(0) / (size // 4) for index in range(4)]
    for encoding, pattern in _NUL_PATTERNS.items():
        if all(
            (share > 0.3) if zero else (share < 0.02)
            for share, zero in zip(zeros, pattern, strict=True)
        ):
            return encoding
    return None


def _utf8_with_stray_bytes(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes that are not (windows-1252 pasted into a UTF-8 page)."""
    if not _mostly_utf8(data[:_DETECT_BYTES]):
        return None  # judged on a sample, so a legacy page is turned away at once
    view = memoryview(data)
    pieces = []
    position = stray = 0
    while position < len(data):
        # A window at a time: a decoding error copies what it was given, so a page with
        # many stray bytes must not hand the decoder the whole rest of the page each time.
        window = view[position : position + _MIXED_WINDOW]
        final = position + _MIXED_WINDOW >= len(data)
        try:
            text, used = codecs.utf_8_decode(window, "strict", final)
        except UnicodeDecodeError as error:
            text, used = codecs.utf_8_decode(window[: error.start], "strict", True)
            bad = data[position + error.start : position + error.end]
            text += bad.decode("windows-1252", errors="replace")
            stray += len(bad)
            used = error.end
        pieces.append(text)
        position += used
    how = f"mixed: {stray} stray bytes read as windows-1252"
    return Decoded("".join(pieces), "utf-8", how)


def _mostly_utf8(data: bytes) -> bool:
    stray = len(data) - sum(run.end() - run.start() for run in _UTF8_RUN.finditer(data))
    return sum(1 for _ in _UTF8_MULTIBYTE.finditer(data)) >= max(1, stray)


def _detect(data: bytes) -> str | None:
    """The legacy encoding charset_normalizer finds among those web pages use (WHATWG's
    list); windows-1252, the web's default, wherever it reads the bytes about as well:
    on short Latin text the detector's best guess is often a look-alike code page."""
    sample = data[:_DETECT_BYTES].translate(None, _CONTROL_BYTES)  # noise to every guess
    results = [m for m in charset_normalizer.from_bytes(sample) if _on_the_web(m)]
    western = charset_normalizer.from_bytes(sample, cp_isolation=["cp1252"], threshold=1.0).best()
    best = min((match.chaos for match in results), default=1.0)
    if western is not None and western.chaos <= best + _CHAOS_TOLERANCE:
        return "windows-1252"
    return _normalise(results[0].encoding) if results else None


def _on_the_web(match: charset_normalizer.CharsetMatch) -> bool:
    return match.encoding in _WEB_ENCODINGS or match.encoding.startswith("iso8859_")


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
    except (LookupError, ValueError):  # ValueError: a NUL in the name
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
    except (LookupError, ValueError):  # ValueError: a NUL in the name
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
