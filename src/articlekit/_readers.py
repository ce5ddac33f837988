"""Readers: the pages of a folder, a JSONL file or a WARC/ARC file, read lazily.

Each reader yields `Page` records with their origin (the file) and, inside a container
file, their byte offset; a page that cannot be read becomes a `BatchError` in its place
(and a broken container ends with one `BatchError` at the offset where it broke), so the
batch goes on. `read_pages` picks the reader from what each path is.

WARC and ARC files are read with `warcio` (the ``warc`` extra), the way Common Crawl's
own tools read them: ARC records are converted to WARC ones, and only ``response``
records with an HTML content type are pages. The record's ``WARC-Target-URI`` is the
page's URL and the HTTP ``Content-Type`` charset travels with it to decode it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from email.message import Message
from pathlib import Path
from typing import IO, Any, Literal

from articlekit._batch import BatchError, Page
from articlekit._options import DEFAULT_MAX_INPUT_BYTES

PAGE_SUFFIXES = (".html", ".htm", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".arc")
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_DRAIN_BYTES = 1 << 16
_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError)


def read_pages(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_INPUT_BYTES
) -> Iterator[Page | BatchError]:
    """The pages of each path, in order: a folder, a JSONL, WARC or ARC file, or one page.

    A folder is walked recursively (in sorted order) for ``*.html``, ``*.htm`` and
    ``*.md`` files, gzipped (``.gz``) or not. A ``.jsonl``/``.ndjson`` file (``.gz`` too)
    holds one JSON object per line with an ``html`` (or ``markdown``) field and an
    optional ``url``. A ``.warc``/``.arc`` file (``.gz`` too) needs the ``warc`` extra.
    A page above `max_bytes` is reported as a `BatchError` without being read whole.

    >>> import articlekit
    >>> [item.error for item in articlekit.read_pages(["no/such/folder"])]
    ['ReadError']
    """
    for path in paths:
        yield from _read_path(Path(path), max_bytes)


def _read_path(path: Path, max_bytes: int) -> Iterator[Page | BatchError]:
    kind = _kind(path)
    if path.is_dir():
        yield from read_folder(path, max_bytes=max_bytes)
    elif not path.is_file():
        yield _read_error(f"{path} is not a file or a folder", str(path))
    elif kind == "jsonl":
        yield from read_jsonl(path, max_bytes=max_bytes)
    elif kind == "warc":
        yield from read_warc(path, max_bytes=max_bytes)
    else:
        yield _read_file(path, max_bytes)


def _kind(path: Path) -> Literal["page", "jsonl", "warc", "other"]:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(PAGE_SUFFIXES):
        return "page"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "other"


def read_folder(folder: Path, *, max_bytes: int) -> Iterator[Page | BatchError]:
    """Every page file under `folder`, recursively, in sorted order."""
    for directory, subdirectories, files in os.walk(folder):
        subdirectories.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if _kind(path) == "page":
                yield _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Page | BatchError:
    origin = str(path)
    try:
        with _open(path) as stream:
            data = stream.read(max_bytes + 1)
    except _READ_ERRORS as error:
        return _read_error(f"cannot read {path}: {error}", origin)
    if len(data) > max_bytes:
        return _too_large(max_bytes, None, origin, None)
    markdown = path.name.lower().removesuffix(".gz").endswith(".md")
    return Page(data, origin=origin, format="markdown" if markdown else "html")


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Page | BatchError]:
    """One page per line of a JSONL file; `offset` is the line's byte offset."""
    origin = str(path)
    offset = 0
    try:
        with _open(path) as stream:
            for line in stream:
                if line.strip():
                    yield _jsonl_page(line, origin, offset, max_bytes)
                offset += len(line)
    except _READ_ERRORS as error:
        yield _read_error(f"cannot read {path} past byte {offset:,}: {error}", origin, offset)


def _jsonl_page(line: bytes, origin: str, offset: int, max_bytes: int) -> Page | BatchError:
    try:
        record = json.loads(line)
    except ValueError as error:
        return _read_error(f"not a JSON line: {error}", origin, offset)
    if not isinstance(record, dict):
        return _read_error("the line is not a JSON object", origin, offset)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    for field, form in (("html", "html"), ("markdown", "markdown")):
        source = record.get(field)
        if isinstance(source, str):
            if len(source) > max_bytes:
                return _too_large(max_bytes, url, origin, offset)
            return Page(source, url=url, origin=origin, offset=offset, format=_form(form))
    return _read_error("the line has no 'html' or 'markdown' text field", origin, offset, url)


def _form(name: str) -> Literal["html", "markdown"]:
    return "markdown" if name == "markdown" else "html"


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Page | BatchError]:
    """The HTML responses of a WARC or ARC file (``warc`` extra: warcio)."""
    try:
        with path.open("rb") as stream:
            yield from read_warc_stream(stream, str(path), max_bytes=max_bytes)
    except OSError as error:
        yield _read_error(f"cannot read {path}: {error}", str(path))


def read_warc_stream(
    stream: IO[bytes], origin: str, *, max_bytes: int
) -> Iterator[Page | BatchError]:
    """The HTML responses of an open WARC/ARC stream; `origin` names it in the results."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield _read_error("reading WARC files needs warcio: pip install 'articlekit[warc]'", origin)
        return
    records = ArchiveIterator(stream, arc2warc=True)
    next_offset = 0
    try:
        for record in records:
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = _html_content_type(record)
            payload = record.content_stream().read(max_bytes + 1) if content_type else b""
            complete = content_type and len(payload) <= max_bytes
            missing = _missing_bytes(record) if complete else 0
            # warcio knows a record's offset and length once it has been read to its end
            offset = records.get_record_offset()
            next_offset = offset + records.get_record_length()
            if content_type is None:
                continue
            if len(payload) > max_bytes:
                yield _too_large(max_bytes, url, origin, offset)
            elif missing:
                message = f"the record is truncated: {missing:,} of its bytes are missing"
                yield _read_error(message, origin, offset, url)
            else:
                charset = _charset(content_type)
                yield Page(payload, url=url, origin=origin, offset=offset, charset=charset)
    except Exception as error:  # warcio raises many kinds on a broken file; the file ends
        message = f"the file is broken at byte {next_offset:,}: {type(error).__name__}: {error}"
        yield _read_error(message, origin, next_offset)


def _missing_bytes(record: Any) -> int:
    """How many of the bytes the record's header announces the file does not have."""
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):  # what the content reader left (e.g. after the last chunk)
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _html_content_type(record: Any) -> str | None:
    """The HTTP Content-Type of an HTML response record, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return content_type if media_type in HTML_CONTENT_TYPES else None


def _charset(content_type: str) -> str | None:
    header = Message()
    header["Content-Type"] = content_type
    charset = header.get_param("charset")
    return (charset.strip() or None) if isinstance(charset, str) else None


def _open(path: Path) -> io.BufferedIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _too_large(limit: int, url: str | None, origin: str, offset: int | None) -> BatchError:
    message = f"the page is above the limit of {limit:,} bytes"
    return BatchError("InputTooLarge", message, url, origin, offset)


def _read_error(
    message: str, origin: str, offset: int | None = None, url: str | None = None
) -> BatchError:
    return BatchError("ReadError", message, url, origin, offset)
