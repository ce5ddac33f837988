"""Benchmark datasets: a folder on disk read as a list of pages with their expected output.

Two layouts are recognised, by what the folder holds:

- **readability** (Mozilla Readability.js's test pages): one sub-folder per page with
  ``source.html``, the expected body as ``expected.html`` (its visible text is the
  expected text) or ``expected.txt``, and optionally ``expected-metadata.json``. Pages get
  the URL ``http://fakehost/test/page.html``, as Readability.js's own tests give them.
- **zyte** (the Zyte/Scrapinghub article-extraction-benchmark): ``ground-truth.json``,
  ``{id: {"articleBody": ..., "url": ...}}``, and ``html/<id>.html`` or ``html/<id>.html.gz``.

Each `Page` carries the page's ground-truth record as `metadata`, so runners for other
fields (title, byline, dates) can reuse the loader.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from benchmarks.htmltext import visible_text

Layout = Literal["readability", "zyte"]

READABILITY_TEST_URL = "http://fakehost/test/page.html"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """One benchmark page: its HTML, where it lives and the expected body text."""

    id: str
    url: str | None
    html: str
    expected_text: str
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Dataset:
    """The pages of one dataset folder, sorted by id."""

    name: str
    path: Path
    layout: Layout
    pages: tuple[Page, ...]


def decode_html(data: bytes) -> str:
    """Decode page bytes: UTF-8 when valid, else the charset its ``<meta>`` declares."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:  # an unknown charset name
            pass
    return data.decode("cp1252", errors="replace")


def read_page_file(path: Path) -> str:
    """The text of an HTML file, gunzipped when its name ends in ``.gz``."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return decode_html(data)


def detect_layout(folder: Path) -> Layout:
    """Which layout `folder` is in; `FileNotFoundError` when it is in neither."""
    if (folder / "ground-truth.json").is_file():
        return "zyte"
    if any((child / "source.html").is_file() for child in folder.iterdir() if child.is_dir()):
        return "readability"
    raise FileNotFoundError(
        f"{folder}: neither ground-truth.json + html/ nor <page>/source.html folders"
    )


def load_dataset(folder: Path | str, limit: int | None = None) -> Dataset:
    """Read every page of `folder` (the first `limit` by id when given).

    >>> load_dataset("../shared/bench/readability").layout  # doctest: +SKIP
    'readability'
    """
    path = Path(folder)
    layout = detect_layout(path)
    return Dataset(path.resolve().name, path, layout, tuple(iter_pages(path, limit)))


def iter_pages(folder: Path | str, limit: int | None = None) -> Iterator[Page]:
    """The pages of `folder` one at a time, by id (for runs that must not hold them all)."""
    path = Path(folder)
    pages = _iter_zyte(path) if detect_layout(path) == "zyte" else _iter_readability(path)
    return itertools.islice(pages, limit)


def _read_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return data


def _iter_zyte(folder: Path) -> Iterator[Page]:
    truth = _read_json(folder / "ground-truth.json")
    for page_id in sorted(truth):
        yield _zyte_page(folder, page_id, truth[page_id])


def _zyte_page(folder: Path, page_id: str, record: dict[str, Any]) -> Page:
    candidates = [folder / "html" / f"{page_id}.html.gz", folder / "html" / f"{page_id}.html"]
    source = next((c for c in candidates if c.is_file()), None)
    if source is None:
        raise FileNotFoundError(f"no html/{page_id}.html(.gz) in {folder}")
    return Page(
        id=page_id,
        url=record.get("url"),
        html=read_page_file(source),
        expected_text=record.get("articleBody") or "",
        metadata=dict(record),
    )


def _iter_readability(folder: Path) -> Iterator[Page]:
    for child in sorted(c for c in folder.iterdir() if c.is_dir()):
        if (child / "source.html").is_file():
            page = _readability_page(child)
            if page is not None:
                yield page


def _readability_page(folder: Path) -> Page | None:
    if (folder / "expected.txt").is_file():
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
    elif (folder / "expected.html").is_file():
        expected = visible_text((folder / "expected.html").read_bytes())
    else:
        return None
    metadata_file = folder / "expected-metadata.json"
    metadata = _read_json(metadata_file) if metadata_file.is_file() else {}
    return Page(
        id=folder.name,
        url=READABILITY_TEST_URL,
        html=read_page_file(folder / "source.html"),
        expected_text=expected,
        metadata=metadata,
    )
